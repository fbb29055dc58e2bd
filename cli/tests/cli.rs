//! The command line as a whole: help with examples on every command, --version, usage
//! errors, exit codes, and no panic on a closed or full standard output.

mod common;

use std::process::{Command, Stdio};

use common::*;

/// The subcommands of the Zoom extras.
const SUBCOMMANDS: [[&str; 2]; 5] = [
    ["videosdk", "verify"],
    ["meetingsdk", "verify"],
    ["webhook", "verify"],
    ["webhook", "validate"],
    ["webhook", "sign"],
];

/// Asserts that `jwtmint <command...> --help` contains every one of `expected`, compared with
/// whitespace collapsed (help is wrapped to the terminal).
#[track_caller]
fn help_listing(command: &[&str], expected: &[&str]) {
    let help = jwtmint(command.iter().chain(&["--help"])).run().ok();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let command = command.join(" ");
    for text in expected {
        assert!(help.contains(text), "{command} --help lacks {text}: {help}");
    }
}

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
    assert!(top.contains("Examples:") && top.contains("1 token or webhook request rejected"));
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for [cmd, sub] in SUBCOMMANDS {
        let usage = format!("Usage: jwtmint {cmd} {sub}");
        let out = jwtmint([cmd, sub, "--help"]).run().ok();
        assert!(out.contains(&usage), "{cmd} {sub}: {out}");
        assert!(out.contains("Examples:"), "{cmd} {sub}: {out}");
        assert!(
            out.contains(&format!("  jwtmint {cmd} {sub}")),
            "{cmd} {sub} examples: {out}"
        );
        assert!(jwtmint([cmd, sub, "-h"]).run().ok().contains(&usage));
        assert!(jwtmint(["help", cmd, sub]).run().ok().contains(&usage));
        assert!(jwtmint([cmd, "help", sub]).run().ok().contains(&usage));
    }
    let videosdk = jwtmint(["videosdk", "--help"]).run().ok();
    assert!(videosdk.contains("  verify "), "{videosdk}");
    let webhook = jwtmint(["webhook", "--help"]).run().ok();
    for sub in ["verify", "validate", "sign"] {
        assert!(webhook.contains(&format!("  {sub} ")), "{webhook}");
    }
}

#[test]
fn extras_help_lists_every_flag_and_default() {
    let jsrsasign = "jsrsasign: the way jsrsasign, the library of Zoom's Node.js samples, reads a \
                     secret string";
    help_listing(
        &["videosdk"],
        &[
            "--tpc <NAME>",
            "--role <ROLE>",
            "host",
            "participant",
            "--key <SDK_KEY>",
            "$ZOOM_VIDEO_SDK_KEY",
            "--user-identity",
            "--session-key",
            "--geo-regions <LIST>",
            "--cloud-recording-option <0|1>",
            "--cloud-recording-election <0|1>",
            "--telemetry-tracking-id",
            "--video-webrtc-mode <0|1>",
            "--audio-webrtc-mode <0|1>",
            "--ttl",
            "[default: 7200]",
            "1800 to 172800",
            "--skew",
            "[default: 30]",
            "--now",
            "--secret-env",
            "[default: ZOOM_VIDEO_SDK_SECRET]",
            "--secret-file",
            "--secret-encoding",
            "[default: utf8]",
            jsrsasign,
        ],
    );
    help_listing(
        &["videosdk", "verify"],
        &[
            "[TOKEN]",
            "--key <SDK_KEY>",
            "$ZOOM_VIDEO_SDK_KEY",
            "--leeway",
            "[default: 60]",
            "--max-len",
            "[default: 8192]",
            "--now",
            "[default: ZOOM_VIDEO_SDK_SECRET]",
            jsrsasign,
        ],
    );
    for sub in ["verify", "validate", "sign"] {
        let mut flags = vec![
            "[BODY-FILE]",
            "--timestamp <T>",
            "--secret-env",
            "[default: ZOOM_WEBHOOK_SECRET_TOKEN]",
            "--secret-file",
            "--secret-encoding",
            jsrsasign,
        ];
        if sub != "sign" {
            flags.extend(["--signature <S>", "--tolerance", "[default: 300]", "--now"]);
        }
        help_listing(&["webhook", sub], &flags);
    }
    // API commands list jsrsasign too.
    help_listing(&["mint"], &[jsrsasign, "what Zoom API secrets are"]);
    help_listing(&["webhook"], &["no minimum length", "1 MiB"]);
}

#[test]
fn help_lists_every_flag_and_default() {
    help_listing(
        &["mint"],
        &[
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
        ],
    );
    help_listing(
        &["verify"],
        &[
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
        ],
    );
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
    jwtmint::<[&str; 0], &str>([])
        .run()
        .shows_usage("Usage: jwtmint <COMMAND>");
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
        &["videosdk", "--tpc"],
        &["videosdk", "--tpc", "r", "--role", "host", "extra"],
        &["videosdk", "verify", "a", "b"],
        &["webhook", "verify", "--timestamp", "1"],
        &["webhook", "sign", "--timestamp", "1", "a", "b"],
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
        format!("{VIDEOSDK_ENV} \"$0\" videosdk --tpc room --role host"),
        format!("{VIDEOSDK_ENV} \"$0\" videosdk verify --now {now} \"$({VIDEOSDK_ENV} \"$0\" videosdk --tpc r --role 0 --now {now})\""),
        format!("printf %s '{{}}' | {WEBHOOK_ENV} \"$0\" webhook sign --timestamp 1"),
        format!("printf %s '{{}}' | {WEBHOOK_ENV} \"$0\" webhook verify --timestamp 1 --signature {EMPTY_OBJECT_SIG} --now 1"),
        format!("printf %s '{{\"event\":\"endpoint.url_validation\",\"payload\":{{\"plainToken\":\"p\"}}}}' | {WEBHOOK_ENV} \"$0\" webhook validate --timestamp 1 --signature {CHALLENGE_SIG} --now 1"),
        "\"$0\" webhook sign --help".to_owned(),
        "\"$0\" completions bash".to_owned(),
        "\"$0\" man".to_owned(),
    ] {
        let script = format!("{{ sleep 0.3; {cmd}; echo \"rc=$?\" >&2; }} | true");
        let (code, _, stderr) = shell(&script);
        assert_eq!(code, 0, "{cmd}: {stderr}");
        assert!(stderr.ends_with("rc=0\n"), "{cmd}: {stderr}");
        assert!(!stderr.contains("error"), "{cmd}: {stderr}");
    }
}

/// Credentials for the extras' commands in a shell line.
const VIDEOSDK_ENV: &str =
    "ZOOM_VIDEO_SDK_KEY=k ZOOM_VIDEO_SDK_SECRET=video-sdk-secret-0123456789abcdef";
const WEBHOOK_ENV: &str = "ZOOM_WEBHOOK_SECRET_TOKEN=t";
/// In Python: "v0=" + hmac.new(b"t", b"v0:1:{}", hashlib.sha256).hexdigest()
const EMPTY_OBJECT_SIG: &str =
    "v0=61f36b879a50c7d2fdc0c1e89fb0185f8504e97ef7b7e70356ce8e747e6c53ea";
/// In Python: "v0=" + hmac.new(b"t", b"v0:1:" + CHALLENGE, hashlib.sha256).hexdigest() with
/// CHALLENGE = b'{"event":"endpoint.url_validation","payload":{"plainToken":"p"}}'
const CHALLENGE_SIG: &str = "v0=ea361928eae4a1d34e4cb7892be2f262fc877f83fbfb6908428378b50531b6a1";

#[test]
fn the_shell_lines_signatures_are_right() {
    assert_eq!(EMPTY_OBJECT_SIG, webhook_signature(b"t", "1", b"{}"));
    assert_eq!(
        CHALLENGE_SIG,
        webhook_signature(
            b"t",
            "1",
            br#"{"event":"endpoint.url_validation","payload":{"plainToken":"p"}}"#
        )
    );
}

#[test]
fn a_rejection_into_a_closed_pipe_still_exits_1() {
    let script = "{ sleep 0.3; \"$0\" verify a.b.c; echo \"rc=$?\" >&2; } | true";
    let (_, _, stderr) = shell(script);
    assert!(stderr.ends_with("rc=1\n"), "{stderr}");
    assert!(stderr.contains("[code 203 invalid_base64]"), "{stderr}");
    let script = format!(
        "{{ sleep 0.3; printf x | {WEBHOOK_ENV} \"$0\" webhook verify --timestamp 1 \
         --signature {EMPTY_OBJECT_SIG} --now 1; echo \"rc=$?\" >&2; }} | true"
    );
    let (_, _, stderr) = shell(&script);
    assert!(stderr.ends_with("rc=1\n"), "{stderr}");
    assert!(
        stderr.contains("[code 625 webhook_signature_mismatch]"),
        "{stderr}"
    );
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for cmd in [
        "\"$0\" mint".to_owned(),
        "\"$0\" demo".to_owned(),
        format!("\"$0\" decode {}", default_token()),
        format!("{VIDEOSDK_ENV} \"$0\" videosdk --tpc r --role host"),
        format!("printf %s '{{}}' | {WEBHOOK_ENV} \"$0\" webhook sign --timestamp 1"),
        format!("printf %s '{{}}' | {WEBHOOK_ENV} \"$0\" webhook verify --timestamp 1 --signature {EMPTY_OBJECT_SIG} --now 1"),
    ] {
        let (code, _, stderr) = shell(&format!("{cmd} > /dev/full"));
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
