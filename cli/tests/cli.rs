//! The command line as a whole: help with examples on every command, --version, usage
//! errors, exit codes, and no panic on a closed or full standard output.

mod common;

use std::process::{Command, Stdio};

use common::*;

const COMMANDS: [&str; 4] = ["mint", "verify", "decode", "demo"];

#[test]
fn every_command_has_help_with_examples() {
    for cmd in COMMANDS {
        for flag in ["--help", "-h"] {
            let run = jwtmint([cmd, flag]).run();
            let out = run.ok();
            assert!(
                out.contains(&format!("Usage: jwtmint {cmd}")),
                "{cmd}: {out}"
            );
            if flag == "--help" {
                assert!(out.contains("Examples:"), "{cmd}: {out}");
                assert!(
                    out.contains(&format!("  jwtmint {cmd}")),
                    "{cmd} examples: {out}"
                );
            }
        }
        // `jwtmint help CMD` says the same.
        assert!(jwtmint(["help", cmd])
            .run()
            .ok()
            .contains(&format!("Usage: jwtmint {cmd}")));
    }
    let top = jwtmint(["--help"]).run().ok();
    for cmd in COMMANDS {
        assert!(top.contains(&format!("  {cmd} ")), "{top}");
    }
    assert!(top.contains("Examples:") && top.contains("1 token rejected"));
}

#[test]
fn help_lists_every_flag_and_default() {
    // Help is wrapped to the terminal: compare with whitespace collapsed.
    let squeeze = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mint = squeeze(jwtmint(["mint", "--help"]).run().ok());
    for flag in [
        "--key",
        "--ttl",
        "--skew",
        "--now",
        "--claim",
        "--secret-env",
        "--secret-file",
        "--secret-encoding",
        "ZOOM_API_KEY",
        "ZOOM_API_SECRET",
        "[default: 3600]",
        "[default: 30]",
        "[default: utf8]",
    ] {
        assert!(mint.contains(flag), "mint --help lacks {flag}: {mint}");
    }
    let verify = squeeze(jwtmint(["verify", "--help"]).run().ok());
    for flag in [
        "[TOKEN]",
        "--iss",
        "ZOOM_API_KEY when set",
        "--leeway",
        "[default: 60]",
        "--require",
        "[default: iss,iat,exp]",
        "--max-len",
        "[default: 8192]",
        "--now",
        "--secret-env",
        "--secret-file",
        "--secret-encoding",
    ] {
        assert!(
            verify.contains(flag),
            "verify --help lacks {flag}: {verify}"
        );
    }
    let demo = jwtmint(["demo", "--help"]).run().ok();
    assert!(demo.contains("jwtmint-demo-api-key") && demo.contains("network"));
    let decode = jwtmint(["decode", "--help"]).run().ok();
    assert!(decode.contains("NOT"));
}

#[test]
fn version() {
    for args in [&["--version"][..], &["-V"], &["mint", "--version"]] {
        let out = jwtmint(args).run().ok();
        assert!(
            out == format!("jwtmint {}\n", env!("CARGO_PKG_VERSION"))
                || out == format!("jwtmint-mint {}\n", env!("CARGO_PKG_VERSION")),
            "{out}"
        );
    }
    assert_eq!(
        jwtmint(["--version"]).run().ok(),
        format!("jwtmint {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn no_command_prints_help_and_exits_2() {
    let run = jwtmint::<[&str; 0], &str>([]).run();
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("Usage: jwtmint <COMMAND>"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["mint", "--bogus"],
        &["mint", "extra-positional"],
        &["verify", "a", "b"],
        &["decode", "--key", "k"],
        &["mint", "--ttl"],
    ] {
        let run = jwtmint(args).run();
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// Runs a shell pipeline with `$0` set to the binary, in an environment with the test
/// credentials.
fn shell(script: &str) -> (i32, Vec<u8>, String) {
    let out = Command::new("sh")
        .args(["-c", script, BIN])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ZOOM_API_KEY", KEY)
        .env("ZOOM_API_SECRET", SECRET)
        .stdin(Stdio::null())
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    (out.status.code().unwrap_or(-1), out.stdout, stderr)
}

#[test]
fn mint_into_head_c1_does_not_panic() {
    let (code, out, stderr) = shell(r#""$0" mint | head -c1; echo; echo "rc=$?""#);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out), "e\nrc=0\n");
    assert_eq!(stderr, "");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    // The reader (`true`) is gone long before the writer starts: every write gets EPIPE.
    let token = default_token();
    let now = NOW.to_string();
    for cmd in [
        format!("\"$0\" mint --now {now}"),
        format!("\"$0\" verify {token} --now {now}"),
        format!("\"$0\" decode {token}"),
        "\"$0\" demo".to_owned(),
        "\"$0\" --help".to_owned(),
        "\"$0\" verify --help".to_owned(),
        "\"$0\" --version".to_owned(),
    ] {
        let script = format!("{{ sleep 0.3; {cmd}; echo \"rc=$?\" >&2; }} | true");
        let (code, _, stderr) = shell(&script);
        assert_eq!(code, 0, "{cmd}: {stderr}");
        assert!(stderr.ends_with("rc=0\n"), "{cmd}: {stderr}");
        assert!(!stderr.contains("error"), "{cmd}: {stderr}");
    }
}

#[test]
fn a_rejection_into_a_closed_pipe_still_exits_1() {
    let script = "{ sleep 0.3; \"$0\" verify a.b.c; echo \"rc=$?\" >&2; } | true";
    let (_, _, stderr) = shell(script);
    assert!(stderr.ends_with("rc=1\n"), "{stderr}");
    assert!(stderr.contains("[code 203 invalid_base64]"), "{stderr}");
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for cmd in ["mint", "demo", &format!("decode {}", default_token())] {
        let (code, _, stderr) = shell(&format!("\"$0\" {cmd} > /dev/full"));
        assert_eq!(code, 2, "{cmd}: {stderr}");
        assert!(
            stderr.contains("error: cannot write to standard output: "),
            "{cmd}: {stderr}"
        );
    }
}

#[test]
fn closed_stdout_and_stderr_do_not_crash() {
    // Rust's runtime reopens a closed standard descriptor on /dev/null at startup, so the
    // output goes nowhere; what matters is that nothing panics or dies by a signal.
    for script in [
        "\"$0\" mint >&-; echo \"rc=$?\" >&2",
        "\"$0\" mint --ttl 9999 2>&- ; echo \"rc=$?\"",
        "\"$0\" verify a.b.c 2>&- ; echo \"rc=$?\"",
        "\"$0\" demo >&- 2>&- ; echo \"rc=$?\"",
    ] {
        let (code, out, stderr) = shell(script);
        assert_eq!(code, 0, "{script}: {stderr}");
        let status = String::from_utf8_lossy(&out).into_owned() + &stderr;
        let expected = if script.contains("verify") {
            "rc=1"
        } else {
            "rc=0"
        };
        assert!(status.contains(expected), "{script}: {status}");
    }
}
