//! `jwtmint verify`: the core's verifier, with the verified payload on standard output.

use jwtmint::{Error, Verifier};

use crate::api_key::{self, API_KEY_ENV};
use crate::args::{TokenCheckArgs, VerifyArgs};
use crate::input::{read_token, token_from_stdin, TokenInput};
use crate::outcome::{with_code, write_stdout, Failure, Outcome};
use crate::secret::{SecretArgs, SecretKind};

/// Verifies the token and prints its payload JSON, exactly as signed, and a newline.
pub fn run(args: VerifyArgs) -> Outcome {
    let from_stdin = token_from_stdin_only(&args.check, &args.secret)?;
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
    let now = args.check.clock.now()?;
    let mut verifier = Verifier::new(key)
        .with_leeway(args.check.leeway)
        .with_max_len(args.check.max_len)
        .with_required_claims(split_list(&args.require))
        // The core decides which names are acceptable (an empty one is not).
        .map_err(|e| {
            Failure::usage(format!(
                "--require {:?}: {}; separate names with single commas, or pass '' to \
                 require none",
                args.require,
                with_code(&e)
            ))
        })?;
    if let Some(issuer) = issuer {
        verifier = verifier.with_issuer(issuer);
    }
    let input = read_token(args.check.token, args.check.max_len)?;
    match verifier.verify_payload_at(&input.bytes, now) {
        Ok(mut payload) => {
            payload.push(b'\n');
            write_stdout(&payload)
        }
        Err(e) => Err(rejection(&e, &input, from_stdin, issuer_from_env)),
    }
}

/// Whether the token comes from standard input, refusing a secret from there too (both
/// cannot be read from one stream).
pub fn token_from_stdin_only<K: SecretKind>(
    check: &TokenCheckArgs,
    secret: &SecretArgs<K>,
) -> Outcome<bool> {
    let from_stdin = token_from_stdin(check.token.as_ref());
    if from_stdin && secret.reads_stdin() {
        return Err(Failure::usage(
            "the token and the secret cannot both come from standard input; pass the token \
             as an argument, or the secret with --secret-env or a --secret-file path",
        ));
    }
    Ok(from_stdin)
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

/// `--require`'s syntax, the CLI's own: names separated by commas, spaces around them
/// dropped; the empty string is the empty list. Each name is the core's to judge.
fn split_list(list: &str) -> Vec<&str> {
    if list.is_empty() {
        Vec::new()
    } else {
        list.split(',').map(str::trim).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn require_lists() {
        assert_eq!(split_list(""), Vec::<&str>::new());
        assert_eq!(split_list("iss,iat,exp"), ["iss", "iat", "exp"]);
        assert_eq!(split_list(" sub , exp"), ["sub", "exp"]);
        // Empty names are kept for the core to refuse.
        assert_eq!(split_list("iss,,exp"), ["iss", "", "exp"]);
        assert_eq!(split_list(","), ["", ""]);
    }
}
