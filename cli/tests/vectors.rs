//! The shared vectors (`tests/vectors/*.json`, computed with Python's stdlib): the CLI mints
//! the same Zoom tokens, verifies them, and shows the payloads exactly.

mod common;

use common::*;
use serde_json::Value;

fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap().clone();
    assert!(!cases.is_empty(), "{path} has no cases");
    cases
}

fn s<'a>(case: &'a Value, field: &str) -> &'a str {
    case[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {case}"))
}

fn n(case: &Value, field: &str) -> String {
    case[field].as_i64().unwrap().to_string()
}

#[test]
fn mint_and_verify_match_the_zoom_vectors() {
    for case in cases("zoom_api.json") {
        let now = n(&case, "now");
        let encoding = ["--secret-encoding", s(&case, "secret_encoding")];
        let (skew, ttl) = (n(&case, "skew"), n(&case, "ttl"));
        for (args, expected) in [
            (
                vec![
                    "mint",
                    "--key",
                    s(&case, "api_key"),
                    "--skew",
                    &skew,
                    "--ttl",
                    &ttl,
                ],
                s(&case, "token"),
            ),
            (
                vec!["verify", s(&case, "token"), "--iss", s(&case, "api_key")],
                s(&case, "payload_json"),
            ),
        ] {
            let run = jwtmint(args)
                .args(["--now", &now])
                .args(encoding)
                .env("ZOOM_API_SECRET", s(&case, "secret"))
                .run();
            assert_eq!(run.ok(), line(expected), "{}", s(&case, "name"));
        }
    }
}

#[test]
fn verify_and_decode_show_the_claims_vectors_exactly() {
    for case in cases("claims.json") {
        let token = s(&case, "token");
        let payload = s(&case, "payload_json");
        let run = jwtmint([
            "verify",
            token,
            "--require",
            "",
            "--now",
            "1700000000",
            "--secret-encoding",
            s(&case, "secret_encoding"),
        ])
        .env("ZOOM_API_SECRET", s(&case, "secret"))
        .run();
        assert_eq!(run.ok(), format!("{payload}\n"), "{}", s(&case, "name"));

        let out = jwtmint(["decode", token]).run().ok();
        assert!(
            out.contains(&format!("\n  \"payload\": {payload}\n")),
            "{}: {out}",
            s(&case, "name")
        );
    }
}
