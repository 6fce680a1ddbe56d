use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use wirelint::baseline::{self, Baseline};
use wirelint::catalog;
use wirelint::config::{self, Config};
use wirelint::diagnostic::Severity;
use wirelint::fix::FixOptions;
use wirelint::report::{self, Format, graph::GraphFormat};

mod cli;
use cli::output::ColorChoice;
use cli::scope::Scope;

// Parsing allocates and frees an AST node by node on every thread; glibc's allocator
// spent a fifth of a run there.
#[global_allocator]
static ALLOCATOR: wirelint::alloc::Mimalloc = wirelint::alloc::Mimalloc;

/// Finds event-wiring bugs between Socket.IO clients and servers, and Tauri webviews and their Rust core.
#[derive(Parser)]
#[command(name = "wirelint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a project and report wiring bugs (exit 1 when an error is found).
    Check(CheckArgs),
    /// Print the event graph: every event with its emits and handlers.
    Graph {
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
        format: GraphFormat,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Accepted for symmetry with `check`: this command keeps no cache.
        #[arg(long, hide = true)]
        no_cache: bool,
    },
    /// Follow one event from the emit to its receivers and show where it stalls
    ///
    /// Exit 0 when nothing stalls, 1 when a step is broken or missing, 2 for an unknown
    /// event, several namespaces without `--namespace`, or a usage error.
    Trace {
        /// The event name, e.g. `message:new`.
        event: String,
        /// Only this namespace, e.g. `/admin`.
        #[arg(long)]
        namespace: Option<String>,
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = TraceFormat::Human)]
        format: TraceFormat,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Accepted for symmetry with `check`: this command keeps no cache.
        #[arg(long, hide = true)]
        no_cache: bool,
    },
    /// Write a commented default `wirelint.toml` in the current directory.
    Init,
    /// Parse every file and extract nothing: the floor `check` is measured against.
    #[command(hide = true)]
    ParseFloor {
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long)]
        no_ignore: bool,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, e.g. `unmatched-emit`.
        id: Option<String>,
        /// `json`: every rule with its severity, fix availability, summary and page.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to check; `-` with `--stdin-filename`.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Make warnings fail the run too.
    #[arg(long)]
    deny_warnings: bool,
    /// Fail the run when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Read this configuration instead of the `wirelint.toml` found by walking up from
    /// the first path.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report (and fix) only findings in these files (at either end of the wire); the
    /// whole project is still analysed. What pre-commit passes. Takes the values up to
    /// the next flag; each must be a file: paths to check go before it or after `--`.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    only_files: Vec<PathBuf>,
    /// Hide the findings recorded in this baseline; report only new ones.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every current finding in this file (for `--baseline`) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "only_files"])]
    write_baseline: Option<PathBuf>,
    /// Read this file's text from stdin (an editor's unsaved buffer), the rest of the
    /// project from disk, and report the findings touching this file.
    #[arg(
        long,
        value_name = "PATH",
        conflicts_with_all = ["only_files", "write_baseline"]
    )]
    stdin_filename: Option<PathBuf>,
    /// Apply safe fixes to the files, then report what is left. With
    /// `--stdin-filename`: print the fixed buffer, and the report on stderr.
    #[arg(long, conflicts_with_all = ["write_baseline"])]
    fix: bool,
    /// With --fix or --diff: apply suggested fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff and change nothing (exit 1 if there is one).
    #[arg(long, conflicts_with_all = ["fix", "stdin_filename", "write_baseline"])]
    diff: bool,
    /// Print the wall time of each phase to stderr.
    #[arg(long)]
    timings: bool,
    /// Also read ignored and vendored directories (`.gitignore`, `node_modules`, ...).
    #[arg(long)]
    no_ignore: bool,
    /// Parse every file, reading and writing no cache.
    #[arg(long, env = "WIRELINT_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    no_cache: bool,
    /// Keep the cache here instead of `.wirelint_cache` in the project's root (the
    /// directory of `wirelint.toml`, else the repository's root, else the first path).
    #[arg(long, value_name = "DIR", env = "WIRELINT_CACHE_DIR")]
    cache_dir: Option<PathBuf>,

    // What users of ruff and ESLint type without thinking.
    /// Report errors only (ESLint's `--quiet`).
    #[arg(short, long)]
    quiet: bool,
    /// Write the report to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Colour the human report: `auto` (a terminal, unless `NO_COLOR`; `FORCE_COLOR` or
    /// `CLICOLOR_FORCE` anywhere), `always` or `never`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Exit 0 even when there are findings (2 still means the run failed).
    #[arg(long)]
    exit_zero: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    statistics: bool,
    /// Report only these rules (comma-separated ids; the flag may repeat).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = cli::rule_id)]
    select: Vec<&'static str>,
    /// Never report these rules (comma-separated ids; the flag may repeat).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = cli::rule_id)]
    ignore: Vec<&'static str>,
    /// Report suppression comments that suppress nothing (`unused-suppression`); with
    /// `--fix`, remove them.
    #[arg(long)]
    report_unused_suppressions: bool,
    /// Print the configuration in force and the file it comes from, and check nothing.
    #[arg(long)]
    show_settings: bool,
    /// Check again whenever a file changes (until interrupted), with the cache.
    #[arg(long, conflicts_with_all = ["fix", "diff", "write_baseline", "stdin_filename"])]
    watch: bool,
    /// Parse with N threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    // A parser's panic is reported as the file's parse error; its message on stderr
    // would only alarm. Every other panic still prints, for bug reports.
    let print_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !wirelint::lang::in_guarded_parser() {
            print_panic(info);
        }
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Graph {
            paths,
            format,
            config,
            no_cache: _,
        } => {
            let options = match options(&paths, config.as_deref()) {
                Ok(options) => options,
                Err(code) => return code,
            };
            match wirelint::analyze_with(&paths, &options) {
                Ok(analysis) => print(&report::graph::render(&analysis, format)),
                Err(error) => usage_error(&error.to_string()),
            }
        }
        Command::Init => init(),
        Command::ParseFloor { paths, no_ignore } => {
            match wirelint::parse_floor(&paths, no_ignore) {
                Ok(floor) => {
                    eprintln!(
                        "parse floor: {} files, {:.2} MB, {} parse errors, {:.2} ms",
                        floor.files,
                        floor.bytes as f64 / 1_000_000.0,
                        floor.parse_errors,
                        floor.elapsed.as_secs_f64() * 1000.0
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => usage_error(&error.to_string()),
            }
        }
        Command::Rules { id, format } => rules_command(id.as_deref(), format),
        Command::Trace {
            event,
            namespace,
            paths,
            format,
            config,
            no_cache: _,
        } => match options(&paths, config.as_deref()) {
            Ok(options) => trace_command(&event, namespace.as_deref(), &paths, format, &options),
            Err(code) => code,
        },
    }
}

/// The configuration: `--config FILE`, or the `wirelint.toml` nearest the first path.
fn options(paths: &[PathBuf], config: Option<&Path>) -> Result<wirelint::Options, ExitCode> {
    let loaded = match config {
        Some(file) => Config::load(file),
        None => Config::find(paths.first().map_or(Path::new("."), PathBuf::as_path)),
    };
    match loaded {
        Ok(config) => Ok(wirelint::Options {
            config,
            ..wirelint::Options::default()
        }),
        Err(error) => Err(usage_error(&error.to_string())),
    }
}

fn init() -> ExitCode {
    let path = Path::new(config::FILE_NAME);
    // `create_new` so that an existing file is never replaced, even by a race.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let written = file.and_then(|mut file| file.write_all(config::default_file().as_bytes()));
    match written {
        Ok(()) => {
            eprintln!("wirelint: wrote {}", config::FILE_NAME);
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => usage_error(&format!(
            "{} already exists; not overwriting it",
            config::FILE_NAME
        )),
        Err(error) => usage_error(&format!("cannot write {}: {error}", config::FILE_NAME)),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    if let Some(threads) = args.threads {
        wirelint::set_threads(threads);
    }
    if !args.watch {
        return check_once(args).code;
    }
    let cycles = cli::watch::max_cycles();
    let mut done = 0;
    loop {
        let run = check_once(args);
        done += 1;
        if cycles.is_some_and(|max| done >= max) {
            return run.code;
        }
        // A run that failed early (a mistake in `wirelint.toml`) analysed nothing: the
        // paths given and their configuration files are still watched.
        let mut inputs = run.inputs;
        for path in &args.paths {
            inputs.push(path.clone());
            inputs.push(path.join(config::FILE_NAME));
        }
        inputs.extend(args.config.clone());
        let snapshot = cli::watch::Snapshot::take(&run.files, &inputs);
        eprintln!(
            "wirelint: watching {} files for changes (Ctrl-C to stop)",
            run.files.len()
        );
        cli::watch::wait_for_change(&run.files, &inputs, &snapshot);
    }
}

/// One check: its exit status, and what `--watch` looks at for the next one.
struct Run {
    code: ExitCode,
    /// The files analysed.
    files: Vec<PathBuf>,
    /// The paths given and the configuration file.
    inputs: Vec<PathBuf>,
}

impl From<ExitCode> for Run {
    fn from(code: ExitCode) -> Run {
        Run {
            code,
            files: Vec::new(),
            inputs: Vec::new(),
        }
    }
}

/// `--only-files` takes files only: a directory there is a path to check typed after
/// the flag, which would otherwise be swallowed.
fn check_only_files(files: &[PathBuf]) -> Result<(), ExitCode> {
    for file in files {
        if file.is_dir() {
            return Err(usage_error(&format!(
                "--only-files takes files, and `{}` is a directory; put the paths to check \
                 before it (`wirelint check DIR --only-files FILE...`) or after `--`",
                file.display()
            )));
        }
        if !file.exists() {
            return Err(usage_error(&format!(
                "`{}` given to --only-files does not exist",
                file.display()
            )));
        }
    }
    Ok(())
}

fn check_once(args: &CheckArgs) -> Run {
    let stdin_marker = Path::new("-");
    let mut paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_path() != stdin_marker)
        .cloned()
        .collect();
    if paths.len() != args.paths.len() && args.stdin_filename.is_none() {
        return usage_error("`-` reads a file from stdin: name it with --stdin-filename PATH")
            .into();
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    if let Err(code) = check_only_files(&args.only_files) {
        return code.into();
    }
    let mut options = match options(&paths, args.config.as_deref()) {
        Ok(options) => options,
        Err(code) => return code.into(),
    };
    if args.show_settings {
        return print(&options.config.settings()).into();
    }
    // A subfolder of the project (below the `wirelint.toml` found for it) is analysed
    // with the rest of the project, as ruff does from its project root: its other end
    // of the wire is elsewhere. Only the findings under the given paths are reported.
    // Fixes and baselines keep to the paths given.
    let plain_check = !args.fix
        && !args.diff
        && args.write_baseline.is_none()
        && args.stdin_filename.is_none()
        && args.config.is_none();
    let report_under = match plain_check {
        true => project_below(&paths, &options.config),
        false => None,
    };
    let given = paths.clone();
    if let Some(root) = &report_under {
        paths = vec![root.clone()];
    }
    let paths = &paths;
    let mut inputs = paths.clone();
    inputs.extend(options.config.file.clone());
    if let Some(file) = &args.stdin_filename {
        let mut text = Vec::new();
        if let Err(error) = std::io::stdin().read_to_end(&mut text) {
            return usage_error(&format!("cannot read stdin: {error}")).into();
        }
        options.stdin = Some((file.clone(), text));
    }
    options.no_ignore = args.no_ignore;
    if !args.no_cache {
        options.cache_dir = match &args.cache_dir {
            Some(dir) => writable_cache_dir(dir).then(|| dir.clone()),
            None => Some(
                project_root(paths, &options.config, args.config.is_some())
                    .join(wirelint::cache::DIR_NAME),
            ),
        };
    }
    let baseline = match args.baseline.as_deref().map(Baseline::load) {
        Some(Ok(known)) => Some(known),
        Some(Err(message)) => return usage_error(&message).into(),
        None => None,
    };
    // A changed configuration (`wirelint.toml`, the `--config` file, a tsconfig, a
    // manifest) can change any finding: all of them are reported.
    let config_changed = args.only_files.iter().any(|file| {
        wirelint::config::is_project_config(file)
            || args.config.as_deref().map(wirelint::discover::absolute)
                == Some(wirelint::discover::absolute(file))
    });
    let only_files = if config_changed {
        &[][..]
    } else {
        &args.only_files[..]
    };
    let touching = (only_files.iter())
        .chain(&args.stdin_filename)
        .cloned()
        .collect();
    let scope = Scope::new(
        args.select.clone(),
        args.ignore.clone(),
        baseline,
        touching,
        args.report_unused_suppressions,
    );
    let fix_options = FixOptions {
        unsafe_fixes: args.unsafe_fixes,
    };
    if args.diff {
        return show_diff(paths, fix_options, &mut options, &scope).into();
    }
    let mut write_failed = false;
    let mut fixed_buffer = None;
    let analysis = if args.fix {
        let stdin_file = args.stdin_filename.as_deref();
        fix(paths, fix_options, &mut options, &scope, stdin_file).map(|fixed| {
            write_failed = fixed.write_failed;
            fixed_buffer = fixed.buffer;
            fixed.analysis
        })
    } else {
        wirelint::analyze_with(paths, &options)
    };
    let mut analysis = match analysis {
        Ok(analysis) => analysis,
        Err(error) => return usage_error(&error.to_string()).into(),
    };
    let files: Vec<PathBuf> = analysis.files.iter().map(|f| f.path.clone()).collect();
    if let Some(file) = &args.write_baseline {
        scope.apply_rules(&mut analysis);
        return match baseline::write(&analysis, file) {
            Ok(count) => {
                let findings = if count == 1 { "finding" } else { "findings" };
                eprintln!(
                    "wirelint: recorded {count} {findings} in {}",
                    file.display()
                );
                ExitCode::SUCCESS
            }
            Err(message) => usage_error(&message),
        }
        .into();
    }
    if !args.fix {
        scope.apply(&mut analysis);
    }
    if report_under.is_some() {
        analysis.retain_under(&given);
    }
    if analysis.files.is_empty() {
        // As ESLint: a run that checked nothing is a mistake in the command line.
        let list = given
            .iter()
            .map(|p| wirelint::discover::display_path(p))
            .collect::<Vec<_>>()
            .join(", ");
        return usage_error(&format!(
            "no source files in {list} (it reads .ts .tsx .mts .cts .js .jsx .mjs .cjs .vue .svelte .html .rs, and skips ignored and generated files)"
        ))
        .into();
    }
    partial_view_note(&analysis);
    if args.quiet {
        analysis
            .diagnostics
            .retain(|d| d.severity == Severity::Error);
    }
    let root = paths
        .first()
        .map(|p| wirelint::discover::display_path(p))
        .unwrap_or_else(|| ".".to_owned());
    let report_started = std::time::Instant::now();
    let to_terminal = cli::output::to_terminal(args.output_file.as_deref());
    let text = if args.statistics {
        cli::output::statistics(&analysis, args.unsafe_fixes)
    } else {
        match args.format {
            Format::Human => {
                let color = cli::output::use_color(args.color, to_terminal);
                let mut text = report::human::render(&analysis, human_style(to_terminal, color));
                if !args.quiet {
                    text.push_str(&cli::output::hints(
                        &analysis,
                        args.unsafe_fixes,
                        scope.hidden_by_baseline(),
                    ));
                }
                text
            }
            Format::Json => report::json::render(&analysis, &root),
            Format::Compact => report::compact::render(&analysis),
            Format::Sarif => report::sarif::render(&analysis),
            Format::Github => report::github::render(&analysis),
            Format::Gitlab => report::gitlab::render(&analysis),
            Format::Junit => report::junit::render(&analysis),
        }
    };
    let printed = match (&fixed_buffer, &args.output_file) {
        // `--fix --stdin-filename`: the editor reads the fixed buffer from stdout.
        (Some(buffer), None) => {
            eprint!("{text}");
            print(buffer)
        }
        (Some(buffer), Some(file)) => match write_output(file, &text) {
            written if written == ExitCode::SUCCESS => print(buffer),
            failed => failed,
        },
        (None, Some(file)) => write_output(file, &text),
        (None, None) => print(&text),
    };
    if args.timings {
        print_timings(&analysis.timings, report_started.elapsed());
        print_generated(&analysis);
    }
    let run = |code| Run {
        code,
        files,
        inputs,
    };
    if printed != ExitCode::SUCCESS {
        return run(printed);
    }
    let (errors, warnings) = (
        analysis.count(Severity::Error),
        analysis.count(Severity::Warning),
    );
    let too_many = args.max_warnings.filter(|max| warnings > *max);
    if let Some(max) = too_many {
        eprintln!("wirelint: too many warnings ({warnings}, --max-warnings {max})");
    }
    let code = if write_failed || analysis.had_internal_error() {
        ExitCode::from(EXIT_USAGE)
    } else if args.exit_zero {
        ExitCode::SUCCESS
    } else if errors > 0 || (args.deny_warnings && warnings > 0) || too_many.is_some() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing every fact and site one by one would only cost
    // time (a few percent of a run).
    std::mem::forget(analysis);
    run(code)
}

/// What `--fix` did.
struct Fixed {
    /// The findings left, as on disk.
    analysis: wirelint::Analysis,
    /// Some file could not be written.
    write_failed: bool,
    /// With `--stdin-filename`: the fixed buffer, to print instead of writing it.
    buffer: Option<String>,
}

/// Applies the fixes of the findings `scope` reports and analyses what is left.
fn fix(
    paths: &[PathBuf],
    fix_options: FixOptions,
    options: &mut wirelint::Options,
    scope: &Scope,
    stdin_file: Option<&Path>,
) -> Result<Fixed, wirelint::discover::DiscoverError> {
    let scoped = |analysis: &mut wirelint::Analysis| scope.apply(analysis);
    let (outcome, analysis) = wirelint::fix::plan_scoped(paths, fix_options, options, &scoped)?;
    let unwritten = apply_fixes(&outcome, stdin_file);
    let buffer = options.stdin.as_ref().map(|(path, text)| {
        let path = wirelint::discover::absolute(path);
        let fixed = outcome.changed.iter().find_map(|(changed, (_, after))| {
            (wirelint::discover::absolute(changed) == path).then_some(after)
        });
        fixed.map_or_else(|| String::from_utf8_lossy(text).into_owned(), String::clone)
    });
    let analysis = if unwritten.is_empty() {
        analysis
    } else {
        // The report says what is on disk: the findings of the files that could not be
        // written are still there.
        let mut analysis = wirelint::analyze_with(paths, options)?;
        scope.apply(&mut analysis);
        analysis
    };
    Ok(Fixed {
        analysis,
        write_failed: !unwritten.is_empty(),
        buffer,
    })
}

/// `-o FILE`: the report in a file.
fn write_output(file: &Path, text: &str) -> ExitCode {
    match std::fs::write(file, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => usage_error(&format!("cannot write {}: {error}", file.display())),
    }
}

/// How to draw the human report: on a terminal, its colours and width; elsewhere (a
/// pipe, a file, CI logs) no colour and a fixed width, so the same findings print the
/// same text.
fn human_style(terminal: bool, color: bool) -> report::human::Style {
    let var = |name: &str| std::env::var(name).ok();
    report::human::Style {
        color,
        width: cli::output::report_width(
            terminal,
            std::env::var("COLUMNS").ok().as_deref(),
            terminal_columns,
        ),
        ascii: !report::human::can_draw_boxes(var),
    }
}

#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct it is given.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

/// The project's root when every given path is strictly below the directory of the
/// `wirelint.toml` found for them (a run from a subfolder), as a path relative to the
/// current directory when it can be.
fn project_below(paths: &[PathBuf], config: &Config) -> Option<PathBuf> {
    let dir = config.file.as_deref()?.parent()?;
    // `wirelint.toml` found in the current directory has an empty parent.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let root = wirelint::discover::absolute(dir);
    let below = paths.iter().all(|path| {
        let path = wirelint::discover::absolute(path);
        path != root && path.starts_with(&root)
    });
    if !below {
        return None;
    }
    let cwd = wirelint::discover::absolute(Path::new("."));
    if let Ok(tail) = root.strip_prefix(&cwd) {
        return Some(if tail.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            tail.to_path_buf()
        });
    }
    match cwd.strip_prefix(&root) {
        Ok(down) => Some(down.components().map(|_| "..").collect()),
        Err(_) => Some(root),
    }
}

/// Notes on stderr when what was analysed cannot show wiring bugs: no Socket.IO usage
/// at all, or only one side of the wire (a client without its server), where emits and
/// handlers cannot be matched. Usage is sites, not named events: sites whose every name
/// is computed (`socket.on(Events.Join)` with the enum out of reach) are usage, and
/// their findings are listed under this note otherwise.
fn partial_view_note(analysis: &wirelint::Analysis) {
    if analysis.sides == (false, false) && analysis.events == 0 && analysis.parse_errors == 0 {
        eprintln!(
            "wirelint: note: no Socket.IO usage found in {} file{}: nothing to match",
            analysis.files.len(),
            if analysis.files.len() == 1 { "" } else { "s" }
        );
        return;
    }
    let side = match analysis.sides {
        (true, false) => Some("client"),
        (false, true) => Some("server"),
        _ => None,
    };
    if let Some(side) = side {
        eprintln!(
            "wirelint: note: only {side}-side code was found, so its events could not be matched with the other end of the wire; run from the repository root"
        );
    }
}

/// Where the cache lives by default: the project's root, one predictable place
/// whatever path is checked. That is the directory of the `wirelint.toml` found above
/// the first path; else the repository's root (the nearest ancestor holding `.git`);
/// else the first path (the directory of a file). A `--config` file kept elsewhere says
/// where the settings are, not where the project is, so it never decides.
fn project_root(paths: &[PathBuf], config: &Config, explicit_config: bool) -> PathBuf {
    if !explicit_config && let Some(parent) = config.file.as_deref().and_then(Path::parent) {
        return parent.to_path_buf();
    }
    let first = paths.first().map_or(Path::new("."), PathBuf::as_path);
    let start = if first.is_dir() {
        first
    } else {
        first
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    wirelint::discover::absolute(start)
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map_or_else(|| start.to_path_buf(), Path::to_path_buf)
}

/// Whether a cache directory the user named can be written; if not, the run goes on
/// without a cache and says so (a warning, not an error: the findings are the same).
fn writable_cache_dir(dir: &Path) -> bool {
    let probe = std::fs::create_dir_all(dir).and_then(|()| tempfile::tempfile_in(dir).map(drop));
    match probe {
        Ok(()) => true,
        Err(error) => {
            eprintln!(
                "wirelint: warning: cannot write the cache in {}: {error}; checking without a cache",
                dir.display()
            );
            false
        }
    }
}

fn print_timings(t: &wirelint::Timings, report: std::time::Duration) {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let total = t.discover + t.extract + t.link + t.rules + report;
    let mb = t.bytes as f64 / 1_000_000.0;
    eprintln!("wirelint timings ({} threads):", t.threads);
    eprintln!(
        "  discover        {:>9.2} ms  {} files, {:.2} MB",
        ms(t.discover),
        t.files,
        mb
    );
    eprintln!(
        "  parse+extract   {:>9.2} ms  {:.1} MB/s, {} files from the cache ({} not read)",
        ms(t.extract),
        mb / t.extract.as_secs_f64().max(1e-9),
        t.cached,
        t.unread
    );
    if t.reused {
        eprintln!(
            "  link            {:>9.2} ms  nothing changed: the last run's findings reused",
            ms(t.link)
        );
    } else {
        eprintln!("  link            {:>9.2} ms", ms(t.link));
    }
    eprintln!("  rules           {:>9.2} ms", ms(t.rules));
    eprintln!("  report/fix      {:>9.2} ms", ms(report));
    eprintln!("  total           {:>9.2} ms", ms(total));
}

/// With `--timings`: the files skipped as minified or generated, counted and named (the
/// first few of each kind), so that a hand-written file that looks generated does not go
/// unnoticed. Those skipped by name (`*.min.js`, `*.bundle.js`) are never read; those
/// skipped by content were read and judged generated.
fn print_generated(analysis: &wirelint::Analysis) {
    print_skipped(
        "skipped as minified for their name (*.min.js, *.min.mjs, *.bundle.js)",
        &analysis.minified,
    );
    print_skipped(
        "skipped as generated for their content (minified, or a bundle in a build-output folder)",
        &analysis.generated,
    );
}

fn print_skipped(why: &str, paths: &[PathBuf]) {
    /// Names listed before "and N more".
    const LISTED: usize = 20;
    if paths.is_empty() {
        return;
    }
    eprintln!(
        "  {why}: {} file{}",
        paths.len(),
        if paths.len() == 1 { "" } else { "s" }
    );
    for path in paths.iter().take(LISTED) {
        eprintln!("    {}", wirelint::discover::display_path(path));
    }
    if paths.len() > LISTED {
        eprintln!("    and {} more", paths.len() - LISTED);
    }
}

/// Writes the planned fixes (except to `stdin_file`, whose fixed text is printed) and
/// says what was done. Returns the files that could not be written: their fixes are
/// not counted as applied.
fn apply_fixes(outcome: &wirelint::fix::FixOutcome, stdin_file: Option<&Path>) -> Vec<PathBuf> {
    for message in &outcome.reverted {
        eprintln!("wirelint: {message}");
    }
    let failures = wirelint::fix::write(outcome, stdin_file);
    for failure in &failures {
        eprintln!("wirelint: error: {failure}");
    }
    let unwritten: Vec<PathBuf> = failures.into_iter().map(|f| f.path).collect();
    let (unwritten, not_restored) = match unwritten.is_empty() {
        true => (unwritten, Vec::new()),
        false => wirelint::fix::roll_back_entangled(outcome, &unwritten),
    };
    for failure in &not_restored {
        eprintln!("wirelint: error: {failure}");
    }
    let applied = outcome.applied_except(&unwritten);
    let fixed: usize = applied.values().sum();
    // The stdin buffer is printed, not written: say so rather than count it as a file.
    let buffer = stdin_file.map(wirelint::discover::absolute);
    let is_buffer = |path: &PathBuf| buffer.as_ref() == Some(&wirelint::discover::absolute(path));
    let written = (outcome.changed.keys())
        .filter(|path| !unwritten.contains(path) && !is_buffer(path))
        .count();
    let buffer_fixed = outcome.changed.keys().any(is_buffer);
    if fixed > 0 {
        let rules = applied
            .iter()
            .map(|(rule, n)| format!("{rule} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let files = format!("{written} file{}", if written == 1 { "" } else { "s" });
        let places = match (stdin_file, buffer_fixed, written) {
            (Some(path), true, 0) => {
                format!(
                    "the buffer of {} (printed on stdout)",
                    wirelint::discover::display_path(path)
                )
            }
            (Some(path), true, _) => format!(
                "{files} and the buffer of {} (printed on stdout)",
                wirelint::discover::display_path(path)
            ),
            _ => files,
        };
        eprintln!(
            "wirelint: applied {fixed} fix{} in {places} ({rules})",
            if fixed == 1 { "" } else { "es" },
        );
    }
    unwritten
}

fn show_diff(
    paths: &[PathBuf],
    fix: FixOptions,
    options: &mut wirelint::Options,
    scope: &Scope,
) -> ExitCode {
    let scoped = |analysis: &mut wirelint::Analysis| scope.apply(analysis);
    let (outcome, analysis) = match wirelint::fix::plan_scoped(paths, fix, options, &scoped) {
        Ok(planned) => planned,
        Err(error) => return usage_error(&error.to_string()),
    };
    for message in &outcome.reverted {
        eprintln!("wirelint: {message}");
    }
    let (_, hidden) = cli::output::fix_counts(&analysis, fix.unsafe_fixes);
    if hidden > 0 {
        eprintln!(
            "wirelint: {hidden} suggested fix{} not shown; add --unsafe-fixes to see {}",
            if hidden == 1 { " is" } else { "es are" },
            if hidden == 1 { "it" } else { "them" }
        );
    }
    let printed = print(&wirelint::fix::diff(&outcome));
    if printed != ExitCode::SUCCESS {
        printed
    } else if outcome.changed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TraceFormat {
    Human,
    Json,
}

fn trace_command(
    event: &str,
    namespace: Option<&str>,
    paths: &[PathBuf],
    format: TraceFormat,
    options: &wirelint::Options,
) -> ExitCode {
    let analysis = match wirelint::analyze_with(paths, options) {
        Ok(analysis) => analysis,
        Err(error) => return usage_error(&error.to_string()),
    };
    let trace = match wirelint::trace::trace(&analysis, event, namespace) {
        Ok(trace) => trace,
        Err(wirelint::trace::NoTrace::SeveralNamespaces(namespaces)) => {
            let list = namespaces
                .iter()
                .map(|ns| format!("\"{ns}\""))
                .collect::<Vec<_>>()
                .join(", ");
            return usage_error(&format!(
                "\"{event}\" is used in several namespaces ({list}): pick one with --namespace, e.g. `wirelint trace {event} --namespace {}`",
                namespaces.first().map_or("/", String::as_str)
            ));
        }
        Err(wirelint::trace::NoTrace::Unknown) => {
            let close = wirelint::trace::close_names(&analysis, event);
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!(
                    "; did you mean {}?",
                    close
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return usage_error(&format!(
                "no emit or handler of \"{event}\" in this project{hint}"
            ));
        }
    };
    let text = match format {
        TraceFormat::Human => wirelint::trace::render_human(&trace),
        TraceFormat::Json => {
            let mut json = serde_json::to_string_pretty(&trace).unwrap_or_else(|_| "{}".to_owned());
            json.push('\n');
            json
        }
    };
    let printed = print(&text);
    if printed != ExitCode::SUCCESS {
        printed
    } else if trace.stall.is_some() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

/// One rule in `wirelint rules --format json`.
#[derive(serde::Serialize)]
struct RuleEntry {
    id: &'static str,
    severity: &'static str,
    /// `none`, `sometimes` or `always`: whether its findings come with a fix.
    fixable: &'static str,
    summary: &'static str,
    url: String,
}

fn rules_command(id: Option<&str>, format: RulesFormat) -> ExitCode {
    match id {
        None if format == RulesFormat::Json => {
            let entries: Vec<RuleEntry> = catalog::RULES
                .iter()
                .map(|rule| RuleEntry {
                    id: rule.id,
                    severity: rule.severity.as_str(),
                    fixable: match rule.fix {
                        catalog::FixAvailability::None => "none",
                        catalog::FixAvailability::Sometimes => "sometimes",
                        catalog::FixAvailability::Always => "always",
                    },
                    summary: rule.summary,
                    url: report::rule_doc_url(rule.id),
                })
                .collect();
            let mut json =
                serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".to_owned());
            json.push('\n');
            print(&json)
        }
        None => {
            let mut text = String::new();
            for rule in catalog::RULES {
                text.push_str(&format!(
                    "{:<28} {:<8} {}\n",
                    rule.id,
                    rule.severity.as_str(),
                    rule.summary
                ));
            }
            print(&text)
        }
        Some(id) => match catalog::find(id) {
            Some(rule) => print(rule.doc),
            None => {
                let known = catalog::RULES
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
