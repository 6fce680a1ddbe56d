//! Project types that stand for a socket.io type: `interface AppSocket extends Socket
//! { user?: User }`, `type Io = Server<ClientEvents, ServerEvents>`, `type S = Socket &
//! { data: Data }`. A parameter annotated with one (`create(socket: AppSocket)`) is that
//! socket, in this file or, through `FileFacts::socket_types`, in the files importing it.

use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::packages::package_side;
use crate::facts::{FuncId, Side, TypedParam, TypedSocket};

impl Extractor<'_> {
    /// Reads the type declarations at the top of the module (no walk into bodies: socket
    /// types are declared there). Runs after imports are bound, so `Socket` is known.
    pub(super) fn collect_socket_types(&mut self, module: &Module) {
        let declarations: Vec<(&Ident, Vec<&TsType>, Vec<&Expr>)> = module
            .body
            .iter()
            .filter_map(|item| match item {
                ModuleItem::Stmt(Stmt::Decl(decl)) => Some(decl),
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => Some(&export.decl),
                _ => None,
            })
            .filter_map(|decl| match decl {
                Decl::TsInterface(interface) => Some((
                    &interface.id,
                    Vec::new(),
                    interface.extends.iter().map(|base| &*base.expr).collect(),
                )),
                Decl::TsTypeAlias(alias) => Some((&alias.id, vec![&*alias.type_ann], Vec::new())),
                _ => None,
            })
            .collect();
        if declarations.is_empty() {
            return;
        }
        // A type may extend one declared below it: repeat until nothing new is learnt
        // (at most once per declaration).
        for _ in 0..declarations.len() {
            let mut learnt = false;
            for (id, aliased, extended) in &declarations {
                if self
                    .facts
                    .socket_types
                    .iter()
                    .any(|(name, _)| *name == *id.sym)
                {
                    continue;
                }
                let found = aliased
                    .iter()
                    .find_map(|ty| self.type_socket(ty))
                    .or_else(|| extended.iter().find_map(|base| self.base_socket(base)));
                if let Some(typed) = found {
                    self.facts.socket_types.push((id.sym.to_string(), typed));
                    learnt = true;
                }
            }
            if !learnt {
                break;
            }
        }
    }

    /// The socket.io type `name` stands for here: an import of `Socket`, `Server` or
    /// `Namespace` from socket.io (or `Socket` from socket.io-client), or a type this file
    /// declares as one.
    pub(super) fn named_socket_type(&self, name: &str) -> Option<TypedSocket> {
        if let Some(Binding::Import { specifier, name }) = self.lookup(name) {
            return match (package_side(specifier)?, name.as_str()) {
                (Side::Client, "Socket") => Some(TypedSocket::ClientSocket),
                (Side::Server, "Socket") => Some(TypedSocket::ServerSocket),
                (Side::Server, "Server") => Some(TypedSocket::Server),
                (Side::Server, "Namespace") => Some(TypedSocket::Namespace),
                _ => None,
            };
        }
        self.facts
            .socket_types
            .iter()
            .find(|(declared, _)| declared == name)
            .map(|(_, typed)| *typed)
    }

    /// The socket type an aliased type is: `Socket<A, B>`, `Socket & { extra }`.
    fn type_socket(&self, ty: &TsType) -> Option<TypedSocket> {
        match ty {
            TsType::TsTypeRef(TsTypeRef {
                type_name: TsEntityName::Ident(ident),
                ..
            }) => self.named_socket_type(&ident.sym),
            TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsIntersectionType(
                intersection,
            )) => intersection
                .types
                .iter()
                .find_map(|ty| self.type_socket(ty)),
            TsType::TsParenthesizedType(paren) => self.type_socket(&paren.type_ann),
            _ => None,
        }
    }

    /// The socket type an interface's base is: `extends Socket` / `extends Socket<A, B>`.
    fn base_socket(&self, base: &Expr) -> Option<TypedSocket> {
        match base {
            Expr::Ident(ident) => self.named_socket_type(&ident.sym),
            _ => None,
        }
    }

    /// `(socket: AppSocket)` with `AppSocket` imported from another file that may declare
    /// it as a socket type: kept for the linker, which can read that file.
    pub(super) fn note_imported_param_type(
        &mut self,
        func: FuncId,
        index: u32,
        type_ann: Option<&TsTypeAnn>,
    ) {
        let Some(TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(ident),
            ..
        })) = type_ann.map(|ann| &*ann.type_ann)
        else {
            return;
        };
        let Some(Binding::Import { specifier, name }) = self.lookup(&ident.sym) else {
            return;
        };
        // Only the project's own modules can declare one: relative paths and path
        // aliases (`@/types`, `~/types`). Bare package names are never read.
        let project_path = ['.', '/', '@', '~']
            .iter()
            .any(|start| specifier.starts_with(*start));
        if !project_path || package_side(specifier).is_some() {
            return;
        }
        let param = TypedParam {
            func,
            index,
            specifier: specifier.clone(),
            name: name.clone(),
        };
        self.facts.typed_params.push(param);
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;
    use crate::facts::TypedSocket;

    fn socket_types(source: &str) -> Vec<(String, TypedSocket)> {
        crate::lang::ts::extract(source, FileKind::Ts, &[], None).socket_types
    }

    #[test]
    fn interfaces_and_aliases_of_socketio_types_are_socket_types() {
        let source = r#"
import { Server, Socket } from "socket.io";
export interface AppSocket extends Socket { userId?: number }
export type Io = Server<Events, Events>;
type Typed = Socket<Events, Events> & { room?: string };
interface Admin extends AppSocket {}
type Events = { ping: () => void };
interface Options { retries: number }
"#;
        let mut found = socket_types(source);
        found.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found,
            vec![
                ("Admin".to_owned(), TypedSocket::ServerSocket),
                ("AppSocket".to_owned(), TypedSocket::ServerSocket),
                ("Io".to_owned(), TypedSocket::Server),
                ("Typed".to_owned(), TypedSocket::ServerSocket),
            ]
        );
    }

    #[test]
    fn a_type_declared_before_its_base_is_still_found() {
        let source = r#"
import { Socket } from "socket.io-client";
interface Outer extends Inner {}
interface Inner extends Socket {}
"#;
        assert_eq!(socket_types(source).len(), 2);
    }

    #[test]
    fn parameters_typed_by_imported_project_types_are_kept_for_the_linker() {
        let source = r#"
import { AppSocket } from "./util-server";
import { Request } from "express";
export function register(socket: AppSocket, req: Request) {}
"#;
        let facts = crate::lang::ts::extract(source, FileKind::Ts, &[], None);
        let kept: Vec<(&str, u32)> = facts
            .typed_params
            .iter()
            .map(|param| (param.name.as_str(), param.index))
            .collect();
        assert_eq!(kept, vec![("AppSocket", 0)]);
    }
}
