//! `jwtmint demo`: a labelled walk-through whose token verifies, with the demo key or with
//! the user's own credentials.

mod common;

use common::*;

/// The demo credentials, as the README and `--help` publish them.
const DEMO_KEY: &str = "jwtmint-demo-api-key";
const DEMO_SECRET: &str = "DEMO-ONLY-public-jwtmint-demo-secret-NOT-SECRET";

fn curl(token: &str) -> String {
    format!(
        "curl https://api.zoom.us/v2/videosdk/sessions -H \"Content-Type: \
         application/x-www-form-urlencoded\" -H \"Authorization: Bearer {token}\""
    )
}

/// The lines of the output that are a whole token.
fn tokens_in(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.starts_with("eyJ") && l.split('.').count() == 3)
        .collect()
}

#[test]
fn demo_mints_decodes_and_verifies_with_the_demo_key() {
    let run = jwtmint(["demo", "--now", &NOW.to_string()]).run();
    let out = run.ok();
    assert_eq!(run.stderr, "");
    let token = zoom_token(DEMO_SECRET.as_bytes(), DEMO_KEY, NOW - 30, NOW + 3570);
    assert_eq!(tokens_in(&out), [token.as_str()], "{out}");
    // Clearly labelled as the demo key, with its parts decoded.
    assert!(out.contains("DEMO") && out.contains(DEMO_KEY), "{out}");
    assert!(out.contains(HEADER), "{out}");
    assert!(
        out.contains(&zoom_payload(DEMO_KEY, NOW - 30, NOW + 3570)),
        "{out}"
    );
    assert!(out.contains(token.rsplit('.').next().unwrap()));
    assert!(out.contains("OK"), "{out}");
    // The seed page's curl line, with the token, on a line of its own.
    assert!(out.lines().any(|l| l == curl(&token)), "{out}");
    // And how to run `jwtmint` itself, as the closing hints do.
    assert!(out.contains("cargo install --path cli --locked"), "{out}");
}

#[test]
fn demo_token_verifies() {
    let out = jwtmint(["demo"]).run().ok();
    let tokens = tokens_in(&out);
    assert_eq!(tokens.len(), 1, "{out}");
    let token = tokens[0];
    let run = jwtmint(["verify", token, "--iss", DEMO_KEY, "--secret-env", "S"])
        .env("S", DEMO_SECRET)
        .run();
    let payload = run.ok();
    // And independently: the signature is HMAC-SHA256 under the demo secret.
    let parts: Vec<&str> = token.split('.').collect();
    let payload_json = String::from_utf8(unb64(parts[1])).unwrap();
    assert_eq!(payload, format!("{payload_json}\n"));
    assert_eq!(
        token,
        sign(
            DEMO_SECRET.as_bytes(),
            &String::from_utf8(unb64(parts[0])).unwrap(),
            &payload_json
        )
    );
}

#[test]
fn demo_uses_real_credentials_when_set() {
    let run = jwtmint(["demo", "--now", &NOW.to_string()]).creds().run();
    let out = run.ok();
    let token = default_token();
    assert_eq!(tokens_in(&out), [token.as_str()], "{out}");
    assert!(out.contains("real"), "{out}");
    assert!(out.contains("ZOOM_API_KEY") && out.contains("ZOOM_API_SECRET"));
    assert!(!out.contains(DEMO_KEY) && !out.contains(SECRET), "{out}");
    assert!(out.lines().any(|l| l == curl(&token)));
}

#[test]
fn demo_with_half_the_credentials_notes_it_and_uses_the_demo_key() {
    for (name, value) in [("ZOOM_API_KEY", KEY), ("ZOOM_API_SECRET", SECRET)] {
        let run = jwtmint(["demo", "--now", &NOW.to_string()])
            .env(name, value)
            .run();
        let out = run.ok();
        let token = zoom_token(DEMO_SECRET.as_bytes(), DEMO_KEY, NOW - 30, NOW + 3570);
        assert_eq!(tokens_in(&out), [token.as_str()]);
        assert!(
            run.stderr.starts_with("note: ") && run.stderr.contains("demo key"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn demo_refuses_bad_real_credentials() {
    // Asked for a real key (--key) without a secret.
    let run = jwtmint(["demo", "--key", KEY]).run();
    assert!(run.fails(2).contains("ZOOM_API_SECRET"));
    // A configured secret that is too short is reported, not replaced by the demo key.
    let run = jwtmint(["demo"])
        .env("ZOOM_API_KEY", KEY)
        .env("ZOOM_API_SECRET", "short")
        .run();
    assert!(run.fails(2).contains("[code 101 weak_secret]"));
    // A secret file without an API key.
    let run = jwtmint(["demo", "--secret-file", "-"]).stdin(SECRET).run();
    assert!(run.fails(2).contains("no API key"));
}

/// The demo makes no network call: traced with strace when it is installed (Debian package
/// `strace`), every socket, connect or send is reported.
#[test]
fn demo_makes_no_network_call() {
    let dir = TempDir::new();
    let trace = dir.path().join("trace");
    let status = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=%network", "-o"])
        .arg(&trace)
        .args([BIN, "demo"])
        .env_clear()
        .env("ZOOM_API_KEY", KEY)
        .env("ZOOM_API_SECRET", SECRET)
        .stdout(std::process::Stdio::null())
        .status();
    let Ok(status) = status else {
        eprintln!("strace is not installed: demo_makes_no_network_call checked nothing");
        return;
    };
    assert!(status.success());
    let calls = std::fs::read_to_string(&trace).unwrap();
    assert_eq!(calls, "", "network system calls: {calls}");
}
