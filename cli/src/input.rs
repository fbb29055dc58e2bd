//! Where a token comes from: the command line, or standard input read with a bound.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Read};

use crate::outcome::{print_note, Failure, Outcome};

/// A token as read, with whether reading stopped at the bound before the input ended.
pub struct TokenInput {
    /// The token bytes (for standard input, without its one trailing newline).
    pub bytes: Vec<u8>,
    /// True when standard input held more than the bound: the token is over the length
    /// limit, and `bytes` is only its start.
    pub truncated: bool,
}

impl TokenInput {
    /// The token's source, for messages.
    pub fn describe(from_stdin: bool) -> &'static str {
        if from_stdin {
            "the token on standard input"
        } else {
            "the token"
        }
    }
}

/// True when the token is to be read from standard input: no argument, or `-`.
pub fn token_from_stdin(arg: Option<&OsString>) -> bool {
    arg.is_none_or(|a| a == "-")
}

/// Reads the token from the argument as given, or from standard input when the argument is
/// absent or `-`.
///
/// From standard input, one trailing `\n` or `\r\n` is removed (what `echo` and most editors
/// add) and nothing else: stray whitespace is part of the token and the core rejects it.
/// At most `max_len + 2` bytes (the token plus a CRLF) are taken into account; reading stops
/// one byte later, so endless input (`jwtmint verify < /dev/zero`) neither hangs nor fills
/// memory.
pub fn read_token(arg: Option<OsString>, max_len: usize) -> Outcome<TokenInput> {
    match arg {
        Some(a) if a != "-" => Ok(TokenInput {
            // Not UTF-8 is not a usage error: the core rejects the bytes as a malformed token.
            bytes: a.into_encoded_bytes(),
            truncated: false,
        }),
        _ => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                print_note("reading the token from standard input (end with Ctrl-D)");
            }
            let bound = max_len.saturating_add(3);
            let mut bytes = Vec::new();
            stdin
                .lock()
                .take(u64::try_from(bound).unwrap_or(u64::MAX))
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
            let truncated = bytes.len() >= bound;
            if !truncated {
                strip_one_newline(&mut bytes);
            }
            Ok(TokenInput { bytes, truncated })
        }
    }
}

/// Removes exactly one trailing `\n` or `\r\n`, if there is one.
pub fn strip_one_newline(bytes: &mut Vec<u8>) {
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    } else if bytes.ends_with(b"\n") {
        bytes.truncate(bytes.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_exactly_one_newline() {
        for (input, expected) in [
            (&b"a.b.c\n"[..], &b"a.b.c"[..]),
            (b"a.b.c\r\n", b"a.b.c"),
            (b"a.b.c", b"a.b.c"),
            (b"a.b.c\n\n", b"a.b.c\n"),
            (b"a.b.c\r", b"a.b.c\r"),
            (b" a.b.c \n", b" a.b.c "),
            (b"\n", b""),
            (b"", b""),
        ] {
            let mut v = input.to_vec();
            strip_one_newline(&mut v);
            assert_eq!(v, expected, "input {input:?}");
        }
    }

    #[test]
    fn dash_and_nothing_mean_stdin() {
        assert!(token_from_stdin(None));
        assert!(token_from_stdin(Some(&OsString::from("-"))));
        assert!(!token_from_stdin(Some(&OsString::from("a.b.c"))));
    }
}
