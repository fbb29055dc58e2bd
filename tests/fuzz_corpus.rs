//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/*`) on stable, through the very
//! checks the fuzz targets run (`fuzz/src/checks/`, included here by path), so every
//! `cargo test` re-checks each input the fuzzer ever kept. The C ABI target's inputs are
//! replayed through the C ABI by `cargo test --manifest-path fuzz/Cargo.toml` (in
//! `scripts/suites/fuzz.sh`); here they go through the core's checks.

#[path = "../fuzz/src/checks/mod.rs"]
#[allow(dead_code)]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect()
}

fn replay(target: &str) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "fuzz/corpus/{target} is empty");
    for (path, data) in &inputs {
        let run = std::panic::catch_unwind(|| checks::run(target, data));
        match run {
            Ok(known) => assert!(known, "no check for target {target}"),
            Err(_) => panic!("{} fails the {target} check", path.display()),
        }
    }
}

#[test]
fn verify_corpus() {
    replay("verify");
}

#[test]
fn verify_signed_corpus() {
    replay("verify_signed");
}

#[test]
fn decode_unverified_corpus() {
    replay("decode_unverified");
}

#[test]
fn mint_roundtrip_corpus() {
    replay("mint_roundtrip");
}

#[test]
fn base64url_corpus() {
    replay("base64url");
}

#[test]
fn hmac_corpus() {
    replay("hmac");
}

#[test]
fn webhook_corpus() {
    replay("webhook");
}

#[test]
fn ffi_verify_corpus_through_the_core() {
    replay("ffi_verify");
}

#[test]
fn every_target_has_a_corpus_and_a_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let target = path.file_stem().unwrap().to_str().unwrap().to_owned();
        assert!(
            checks::run(&target, b""),
            "no check for fuzz target {target}"
        );
        assert!(
            !inputs(&target).is_empty(),
            "no corpus for fuzz target {target}"
        );
    }
}

#[test]
fn adversarial_corpus_tokens_agree_with_the_fuzz_model() {
    // The adversarial corpus is signed with the fuzz targets' secret: every one of its tokens
    // also goes through the model-based check, under the fuzz verifiers.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(doc["secret"].as_str().unwrap().as_bytes(), checks::SECRET);
        for case in doc["cases"].as_array().unwrap() {
            let token = case["token"].as_str().unwrap();
            let name = case["name"].as_str().unwrap();
            if std::panic::catch_unwind(|| checks::verify(token.as_bytes())).is_err() {
                panic!("corpus case {name} fails the fuzz model");
            }
            n += 1;
        }
    }
    assert!(n >= 200);
}
