//! `jwtmint mint`: a Zoom API JWT on standard output.

use jwtmint::zoom::{ApiTokenMinter, SUGGESTED_MAX_TTL};
use jwtmint::Error;

use crate::api_key;
use crate::args::MintArgs;
use crate::claims::OrderedClaims;
use crate::outcome::{print_warning, write_stdout, Failure, Outcome};

/// Mints and prints the token followed by a newline.
pub fn run(args: MintArgs) -> Outcome {
    let api_key = api_key::required(args.key)?;
    let key = args.secret.load_key()?;
    let config = |e: Error| Failure::config(&e);
    let minter = ApiTokenMinter::new(&api_key, key)
        .map_err(config)?
        .with_skew(args.skew)
        .with_ttl(args.ttl)
        .map_err(config)?;
    if args.ttl > SUGGESTED_MAX_TTL {
        print_warning(&format!(
            "a lifetime of {} s is longer than the {SUGGESTED_MAX_TTL} s Zoom suggests; \
             the token works, but a leaked one stays usable longer",
            args.ttl
        ));
    }
    let now = args.clock.now()?;
    let token = if args.claims.is_empty() {
        minter.mint_at(now)
    } else {
        minter.mint_with_claims_at(now, &OrderedClaims(args.claims))
    }
    .map_err(|e| match e {
        Error::DuplicateMember { .. } => Failure::config(&e)
            .context("(a --claim may not repeat iss, iat, exp or another --claim)"),
        _ => Failure::config(&e),
    })?;
    let mut line = token.into_bytes();
    line.push(b'\n');
    write_stdout(&line)
}
