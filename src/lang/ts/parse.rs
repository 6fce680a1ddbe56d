//! Parsing TS/JS text with swc.

use swc_common::{BytePos, Spanned};
use swc_ecma_ast::Program;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};

use crate::facts::{ParseError, Span};

/// swc reserves `BytePos(0)` for dummy spans, so every file starts at 1.
pub const BASE: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Ts,
    Tsx,
    /// JavaScript with JSX, as `.js` files in React projects often hold.
    Js,
    Dts,
}

pub fn parse(source: &str, dialect: Dialect) -> Result<Program, ParseError> {
    let syntax = match dialect {
        Dialect::Ts | Dialect::Dts | Dialect::Tsx => Syntax::Typescript(TsSyntax {
            tsx: dialect == Dialect::Tsx,
            decorators: true,
            dts: dialect == Dialect::Dts,
            ..Default::default()
        }),
        Dialect::Js => Syntax::Es(EsSyntax {
            jsx: true,
            decorators: true,
            decorators_before_export: true,
            import_attributes: true,
            allow_super_outside_method: true,
            ..Default::default()
        }),
    };
    let Ok(len) = u32::try_from(source.len()) else {
        return Err(ParseError {
            span: Span::default(),
            message: "file is larger than 4 GiB".to_owned(),
        });
    };
    let input = StringInput::new(source, BytePos(BASE), BytePos(BASE + len));
    let mut parser = Parser::new(syntax, input, None);
    // Recoverable errors are early errors (strict-mode rules and the like) that do not
    // stop swc from building a faithful tree, so the file is still analysed.
    let parsed = crate::lang::parse_guarded(|| parser.parse_program()).map_err(|panic| {
        // swc has `unreachable!`s that some invalid input reaches (`<a:b.c />`).
        ParseError {
            span: Span::default(),
            message: format!("syntax error: the parser stopped on this file ({panic})"),
        }
    })?;
    parsed.map_err(|error| {
        let span = error.span();
        ParseError {
            span: to_span(span, len),
            message: format!("syntax error: {}", error.into_kind().msg()),
        }
    })
}

/// Converts an swc span to file offsets, clamped to the file.
pub fn to_span(span: swc_common::Span, len: u32) -> Span {
    let clamp = |pos: BytePos| pos.0.saturating_sub(BASE).min(len);
    Span::new(clamp(span.lo), clamp(span.hi).max(clamp(span.lo)))
}
