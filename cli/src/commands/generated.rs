//! `jwtmint completions` and `jwtmint man`: text generated from the clap definitions that
//! also make `--help`, so neither can drift from the commands and flags.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::args::Cli;
use crate::outcome::{write_stdout, Failure, Outcome};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Outcome {
    let mut command = Cli::command();
    let name = command.get_name().to_owned();
    // Into memory first: the generator panics on a failed write, and `write_stdout` turns a
    // closed pipe into a quiet stop instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    write_stdout(&script)
}

/// Prints the roff manual page of the command at `path` (jwtmint's own when empty).
pub fn man(path: &[String]) -> Outcome {
    // Building gives each subcommand its display name (`jwtmint-webhook-verify`), which
    // names its page and the pages its own page lists. Without the help subcommand: it has
    // no page of its own.
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    for (depth, name) in path.iter().enumerate() {
        let Some(sub) = command.find_subcommand(name).cloned() else {
            let known: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            return Err(Failure::usage(format!(
                "no manual page for `jwtmint {}`: `{name}` is not a command there (commands: {})",
                path[..=depth].join(" "),
                known.join(", ")
            )));
        };
        command = sub;
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|e| Failure::usage(format!("cannot render the manual page: {e}")))?;
    write_stdout(&page)
}
