//! `jwtmint verify`: the core's verifier, with the verified payload on standard output.

use jwtmint::{Error, Verifier};

use super::now_or_clock;
use crate::api_key::{self, API_KEY_ENV};
use crate::args::VerifyArgs;
use crate::input::{read_token, token_from_stdin, TokenInput};
use crate::outcome::{write_stdout, Failure, Outcome};

/// Verifies the token and prints its payload JSON, exactly as signed, and a newline.
pub fn run(args: VerifyArgs) -> Outcome {
    let from_stdin = token_from_stdin(args.token.as_ref());
    if from_stdin && args.secret.reads_stdin() {
        return Err(Failure::usage(
            "the token and the secret cannot both come from standard input; pass the token \
             as an argument, or the secret with --secret-env or a --secret-file path",
        ));
    }
    let required = parse_required(&args.require)?;
    let (issuer, issuer_from_env) = match args.iss {
        Some(iss) if iss.is_empty() => {
            return Err(Failure::usage(
                "--iss is empty; give the expected API key, or leave --iss out",
            ))
        }
        Some(iss) => (Some(iss), false),
        None => {
            let env = api_key::from_env()?;
            let from_env = env.is_some();
            (env, from_env)
        }
    };
    let key = args.secret.load_key()?;
    let now = now_or_clock(args.now)?;
    let input = read_token(args.token, args.max_len)?;

    let mut verifier = Verifier::new(key)
        .with_leeway(args.leeway)
        .with_max_len(args.max_len)
        .with_required_claims(required)
        .map_err(|e| Failure::token(&e))?;
    if let Some(issuer) = issuer {
        verifier = verifier.with_issuer(issuer);
    }
    match verifier.verify_payload_at(&input.bytes, now) {
        Ok(mut payload) => {
            payload.push(b'\n');
            write_stdout(&payload)
        }
        Err(e) => Err(rejection(&e, &input, from_stdin, issuer_from_env)),
    }
}

/// The failure for a token the core refused, with a hint where one helps.
pub fn rejection(
    e: &Error,
    input: &TokenInput,
    from_stdin: bool,
    issuer_from_env: bool,
) -> Failure {
    match e {
        // Reading stopped at the bound, so the core saw only the start: its length is not
        // the token's.
        Error::TooLong { max, .. } if input.truncated => Failure::token_with_message(
            e,
            &format!(
                "{} is longer than the limit of {max} bytes",
                TokenInput::describe(from_stdin)
            ),
        ),
        _ if from_stdin && input.bytes.is_empty() => Failure::token(e)
            .context("(standard input was empty: pass the token as an argument or pipe it in)"),
        Error::IssuerMismatch { .. } if issuer_from_env => Failure::token(e).context(&format!(
            "(the expected issuer is ${API_KEY_ENV}; use --iss to expect another)"
        )),
        _ => Failure::token(e),
    }
}

/// `--require`: comma-separated names; the empty string for none.
fn parse_required(list: &str) -> Outcome<Vec<String>> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(',')
        .map(|name| {
            let name = name.trim();
            if name.is_empty() {
                Err(Failure::usage(format!(
                    "--require {list:?} has an empty claim name; separate names with single \
                     commas, or pass '' to require none"
                )))
            } else {
                Ok(name.to_owned())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn require_lists() {
        assert_eq!(parse_required("").unwrap(), Vec::<String>::new());
        assert_eq!(
            parse_required("iss,iat,exp").unwrap(),
            ["iss", "iat", "exp"]
        );
        assert_eq!(parse_required(" sub , exp").unwrap(), ["sub", "exp"]);
        assert!(parse_required("iss,,exp").is_err());
        assert!(parse_required(",").is_err());
    }
}
