//! `jwtmint completions SHELL` and `jwtmint man [COMMAND...]`: generated from the same
//! definitions as --help, so they know every command and flag; the bash script loads and
//! completes, and the page renders with `man -l` when man is installed (scripts/suites/
//! corpus-cli.sh installs it and renders the page there too).

mod common;

use std::process::{Command, Stdio};

use common::*;

#[test]
fn every_shell_gets_a_script_that_knows_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = jwtmint(["completions", shell]).run().ok();
        for word in COMMANDS.iter().chain(&["secret-file", "tpc", "timestamp"]) {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    for bad in [&["completions"][..], &["completions", "cmd.exe"]] {
        jwtmint(bad).run().fails(2);
    }
}

/// Runs `script` in bash with the completion script loaded from `$0` (the binary).
fn bash(script: &str) -> String {
    let script = format!("source <(\"$0\" completions bash) || exit 9\n{script}");
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &script, BIN])
        .stdin(Stdio::null())
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "bash: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_bash_script_loads_and_completes() {
    let registered = bash("complete -p jwtmint");
    assert!(
        registered.contains("-F _jwtmint") && registered.ends_with(" jwtmint\n"),
        "{registered}"
    );
    // What bash would offer after `jwtmint we<TAB>` and `jwtmint webhook sign --sec<TAB>`.
    let offer = |words: &str| {
        bash(&format!(
            "COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; \
             _jwtmint jwtmint \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        ))
    };
    assert_eq!(offer("jwtmint we"), "webhook\n");
    let flags = offer("jwtmint webhook sign --secret-");
    for flag in ["--secret-env", "--secret-file", "--secret-encoding"] {
        assert!(flags.lines().any(|l| l == flag), "{flags}");
    }
}

#[test]
fn man_pages_for_jwtmint_and_each_command() {
    let page = jwtmint(["man"]).run().ok();
    assert!(page.contains(".TH jwtmint 1"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("jwtmint\\-{}", command.replace('-', "\\-"))),
            "{command}"
        );
    }
    // The pages the top page lists exist.
    for (path, title, flag) in [
        (&["mint"][..], "jwtmint-mint", "secret\\-file"),
        (
            &["videosdk", "verify"],
            "jwtmint-videosdk-verify",
            "max\\-len",
        ),
        (&["webhook", "sign"], "jwtmint-webhook-sign", "timestamp"),
    ] {
        let page = jwtmint(["man"]).args(path).run().ok();
        assert!(page.contains(&format!(".TH {title} 1")), "{page}");
        assert!(page.contains(flag), "{title} lacks {flag}");
    }
    let run = jwtmint(["man", "webhook", "frobnicate"]).run();
    run.fails_with(
        2,
        "`frobnicate` is not a command there (commands: verify, validate, sign)",
    );
}

#[test]
fn the_man_page_renders() {
    let Ok(status) = Command::new("man")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
    else {
        eprintln!("man is not installed: the_man_page_renders checked the roff only (corpus-cli.sh renders it)");
        return;
    };
    assert!(status.success());
    let dir = TempDir::new();
    let page = dir.file("jwtmint.1", jwtmint(["man"]).run().ok());
    let out = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .stdin(Stdio::null())
        .output()
        .expect("man runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for heading in ["NAME", "SYNOPSIS", "SUBCOMMANDS"] {
        assert!(text.contains(heading), "{text}");
    }
    assert!(text.contains("Mint a Zoom API JWT and print it"), "{text}");
}
