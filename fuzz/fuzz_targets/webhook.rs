#![no_main]
// The check is in src/checks/ (shared with the stable replay in tests/fuzz_corpus.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| jwtmint_fuzz::checks::webhook(data));
