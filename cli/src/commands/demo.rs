//! `jwtmint demo`: mint, decode and verify a token, then show how to use it. The first thing
//! a new user runs, so every step is labelled. Nothing is sent over the network.

use std::fmt::Write as _;

use jwtmint::dangerous::decode_unverified;
use jwtmint::zoom::{ApiTokenMinter, DEFAULT_SKEW, DEFAULT_TTL};
use jwtmint::{Error, Key, Verifier};

use crate::api_key::{self, API_KEY_ENV};
use crate::args::DemoArgs;
use crate::outcome::{print_note, write_stdout, Failure, Outcome};

/// The demo's API key. PUBLIC: it is in this source code.
pub const DEMO_API_KEY: &str = "jwtmint-demo-api-key";

/// The demo's API secret. PUBLIC, NOT A SECRET: it is in this source code and in every copy
/// of jwtmint. Zoom knows nothing of it, so its tokens are refused by Zoom.
pub const DEMO_API_SECRET: &str = "DEMO-ONLY-public-jwtmint-demo-secret-NOT-SECRET";

/// The seed page's first call: List sessions of the Video SDK API.
const CURL_PREFIX: &str = "curl https://api.zoom.us/v2/videosdk/sessions \
                           -H \"Content-Type: application/x-www-form-urlencoded\" \
                           -H \"Authorization: Bearer ";

/// Which key the demo signs with.
struct Signer {
    api_key: String,
    key: Key,
    /// The "Key:" paragraph of the output.
    about: String,
    real: bool,
}

/// Runs the demo.
pub fn run(args: DemoArgs) -> Outcome {
    let signer = choose_signer(&args)?;
    let now = args.clock.now()?;
    let config = |e: Error| Failure::config(&e);

    let minter = ApiTokenMinter::new(&signer.api_key, signer.key.clone()).map_err(config)?;
    let (_iat, exp) = minter.times(now).map_err(config)?;
    let token = minter.mint_at(now).map_err(config)?;
    let parts = decode_unverified(&token).map_err(config)?;
    let signature = token.rsplit('.').next().unwrap_or_default();
    Verifier::zoom_api(signer.key, &signer.api_key)
        .verify_payload_at(&token, now)
        .map_err(|e| Failure::token(&e))?;

    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "\
jwtmint demo: mint, decode and verify a Zoom API JWT (all local; nothing is sent)

{about}

1. Mint: HS256, iss = API key, iat = now - {DEFAULT_SKEW} s, exp = iat + {DEFAULT_TTL} s
{token}

2. Decode: a JWT is header.payload.signature, each part base64url
   header     {header}
   payload    {payload}
   signature  {signature}
              (HMAC-SHA256 of \"header.payload\" under the API secret)

3. Verify: signature, alg, iss, iat and exp, at now = {now}
   OK: the signature matches and the claims are valid until exp {exp} (in {left} s)

4. Use it: Zoom's first example call, List sessions (Video SDK API)
{CURL_PREFIX}{token}\"
{closing}
To run `jwtmint` from anywhere, install it from the jwtmint checkout:
  cargo install --path cli --locked     # into ~/.cargo/bin, which rustup puts on PATH
",
        about = signer.about,
        header = parts.header_json,
        payload = parts.payload_json,
        left = i128::from(exp) - i128::from(now),
        closing = if signer.real {
            "\nThis token is REAL: anyone holding it can call the API as your app until it \
             expires.\nNext: `jwtmint mint` prints just a token, e.g. \
             TOKEN=$(jwtmint mint); `jwtmint --help` lists every command."
        } else {
            "\nZoom will answer 401 to this demo token. For a real one, set your app's \
             credentials and run the demo again:\n  export ZOOM_API_KEY=your-api-key \
             ZOOM_API_SECRET=your-api-secret\n  jwtmint demo\nNext: `jwtmint mint` prints \
             just a token; `jwtmint --help` lists every command."
        },
    );
    write_stdout(out.as_bytes())
}

/// Real credentials when an API key and a secret are both available, or when the user asked
/// for them with a flag; otherwise the demo key, with a note if only half is configured.
fn choose_signer(args: &DemoArgs) -> Outcome<Signer> {
    let explicit = args.key.is_some() || args.secret.given();
    let (api_key, key_from) = match &args.key {
        Some(k) => (Some(k.clone()), "--key".to_owned()),
        None => (api_key::from_env()?, format!("${API_KEY_ENV}")),
    };
    let source = args.secret.source().describe();
    if explicit || (api_key.is_some() && args.secret.available()) {
        let api_key = api_key::required(api_key)?;
        let key = args.secret.load_key()?;
        return Ok(Signer {
            about: format!(
                "Key: YOUR credentials (a real mint):\n     \
                 API key     {api_key} (from {key_from})\n     \
                 API secret  from {source} (not shown)"
            ),
            api_key,
            key,
            real: true,
        });
    }
    if api_key.is_some() {
        print_note(&format!(
            "{key_from} is set but {source} is not; using the demo key"
        ));
    } else if args.secret.available() {
        print_note(&format!(
            "{source} is set but {key_from} is not; using the demo key"
        ));
    }
    let key = Key::from_text(DEMO_API_SECRET).map_err(|e| Failure::config(&e))?;
    Ok(Signer {
        api_key: DEMO_API_KEY.to_owned(),
        key,
        about: format!(
            "Key: the built-in DEMO key. Both parts are public (they are in jwtmint's source \
             code),\n     so never use them for anything real:\n     \
             API key     {DEMO_API_KEY}\n     API secret  {DEMO_API_SECRET}"
        ),
        real: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_secret_is_long_enough_and_labelled() {
        assert!(DEMO_API_SECRET.len() >= jwtmint::MIN_SECRET_LEN);
        assert!(DEMO_API_SECRET.contains("DEMO") && DEMO_API_SECRET.contains("NOT-SECRET"));
    }
}
