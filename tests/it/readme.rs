//! The README documents every command and every option the binary has.

use std::collections::BTreeSet;

use crate::wirelint;

/// The long options (`--name`) in a `--help` text, and the command names of its
/// `Commands:` list.
fn help_of(args: &[&str]) -> (BTreeSet<String>, Vec<String>) {
    let output = wirelint().args(args).arg("--help").output().expect("runs");
    assert!(output.status.success(), "{args:?} --help");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let options = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '=')
        .filter(|word| word.starts_with("--") && word.len() > 2)
        .map(|word| {
            word.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_owned()
        })
        .filter(|option| option != "--help" && option != "--version")
        .collect();
    let commands = text
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_default()
        .lines()
        // A command's line is indented by two spaces; a wrapped description, by more.
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    (options, commands)
}

#[test]
fn every_command_and_option_is_in_the_readme() {
    let readme = std::fs::read_to_string("README.md").expect("read the README");
    let (_, commands) = help_of(&[]);
    assert!(commands.contains(&"check".to_owned()), "{commands:?}");
    let mut missing = Vec::new();
    for command in &commands {
        if !readme.contains(&format!("wirelint {command}")) {
            missing.push(format!("wirelint {command}"));
        }
        let (options, _) = help_of(&[command]);
        for option in options {
            // Whole words only: `--format` must not be found inside `--formats`.
            let documented = readme.match_indices(&option).any(|(at, _)| {
                !readme[at + option.len()..]
                    .starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
            });
            if !documented {
                missing.push(format!("wirelint {command} {option}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in README.md: {missing:?}");
}
