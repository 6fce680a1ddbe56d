use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use wirelint::diagnostic::Severity;
use wirelint::report::{self, Format, graph::GraphFormat};
use wirelint::rules;

/// Finds event-wiring bugs between Socket.IO clients and servers.
#[derive(Parser)]
#[command(name = "wirelint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a project and report wiring bugs (exit 1 when an error is found).
    Check {
        /// Files or directories to check.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Make warnings fail the run too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the event graph: every event with its emits and handlers.
    Graph {
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
        format: GraphFormat,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, e.g. `unmatched-emit`.
        id: Option<String>,
    },
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
        } => check(&paths, format, deny_warnings),
        Command::Graph { paths, format } => match wirelint::analyze(&paths) {
            Ok(analysis) => print(&report::graph::render(&analysis, format)),
            Err(error) => usage_error(&error.to_string()),
        },
        Command::Rules { id } => rules_command(id.as_deref()),
    }
}

fn check(paths: &[PathBuf], format: Format, deny_warnings: bool) -> ExitCode {
    let analysis = match wirelint::analyze(paths) {
        Ok(analysis) => analysis,
        Err(error) => return usage_error(&error.to_string()),
    };
    let root = paths
        .first()
        .map(|p| report::display_path(p))
        .unwrap_or_else(|| ".".to_owned());
    let text = match format {
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            report::human::render(&analysis, color)
        }
        Format::Json => report::json::render(&analysis, &root),
        Format::Compact => report::compact::render(&analysis),
        Format::Sarif => report::sarif::render(&analysis),
        Format::Github => report::github::render(&analysis),
    };
    let printed = print(&text);
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    let failing = if deny_warnings {
        Severity::Warning
    } else {
        Severity::Error
    };
    if analysis.diagnostics.iter().any(|d| d.severity >= failing) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules_command(id: Option<&str>) -> ExitCode {
    match id {
        None => {
            let mut text = String::new();
            for rule in rules::RULES {
                text.push_str(&format!(
                    "{:<28} {:<8} {}\n",
                    rule.id,
                    rule.severity.as_str(),
                    rule.summary
                ));
            }
            print(&text)
        }
        Some(id) => match rules::find(id) {
            Some(rule) => print(rule.doc),
            None => {
                let known = rules::RULES
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
                    .join(", ");
                usage_error(&format!("unknown rule `{id}`; known rules: {known}"))
            }
        },
    }
}

fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`wirelint check | head`) is not an error worth a message.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => usage_error(&format!("cannot write output: {error}")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("wirelint: error: {message}");
    ExitCode::from(EXIT_USAGE)
}
