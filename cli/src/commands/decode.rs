//! `jwtmint decode`: header and payload, NOT verified (the core's `dangerous` module).

use jwtmint::dangerous::{decode_unverified, DECODE_MAX_LEN};

use super::verify::rejection;
use crate::args::DecodeArgs;
use crate::input::{read_token, token_from_stdin};
use crate::outcome::{print_warning, write_stdout, Outcome};

/// Prints `{"header": ..., "payload": ...}` with both parts exactly as in the token, and a
/// warning on standard error that nothing was verified.
pub fn run(args: DecodeArgs) -> Outcome {
    let from_stdin = token_from_stdin(args.token.as_ref());
    let input = read_token(args.token, DECODE_MAX_LEN)?;
    let token =
        decode_unverified(&input.bytes).map_err(|e| rejection(&e, &input, from_stdin, false))?;
    print_warning(
        "the signature was NOT verified: anyone can write a token that decodes like this; \
         use `jwtmint verify` to check it",
    );
    // The core checked that both parts are JSON objects, so embedding their text keeps the
    // output valid JSON while showing member order and spelling exactly as signed.
    let text = format!(
        "{{\n  \"header\": {},\n  \"payload\": {}\n}}\n",
        token.header_json, token.payload_json
    );
    write_stdout(text.as_bytes())
}
