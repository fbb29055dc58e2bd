//! The workload every jwtmint benchmark measures, in one place so that every library is
//! given the same key, the same claims and the same clock.
//!
//! - A Zoom API JWT: a 22-character API key as `iss`, a 36-character secret, `iat = now - 30`,
//!   `exp = iat + 3600`, the payload `{"iss":…,"iat":…,"exp":…}` in that order.
//! - The floor: the `hmac` crate's HMAC-SHA256 over that token's signing input, starting from a
//!   keyed state computed once (the least any HS256 library must do per token with a
//!   general-purpose HMAC).
//! - A payload-size sweep: claims with one padding string, from 100 B to 8 KiB of JSON.
//!
//! And how every bench samples: [`flat_group`].

use std::sync::OnceLock;

use criterion::{measurement::WallTime, BenchmarkGroup, Criterion, SamplingMode};
use hmac::{KeyInit, Mac};
use serde::{Deserialize, Serialize};

/// A criterion group made by [`flat_group`].
pub type FlatGroup<'a> = BenchmarkGroup<'a, WallTime>;

/// The criterion group `name`, sampled flat: many short samples of equal length. On a shared
/// machine most of them run undisturbed, so their median is the undisturbed time (see
/// docs/PERFORMANCE.md). Every bench's groups are made here, so that all sample alike.
pub fn flat_group<'a>(c: &'a mut Criterion, name: &str) -> FlatGroup<'a> {
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat);
    g
}

/// The workload's clock: the system time when first asked, then fixed for the whole run.
///
/// Real time rather than a constant because some peers (jsonwebtoken) read the system clock
/// when they check `exp` and cannot be given a time: a fixed date in the past would make them
/// reject every token. Every library that takes a time is given this one.
///
/// # Panics
/// When the system clock is before 1970.
#[must_use]
pub fn now() -> i64 {
    static NOW: OnceLock<i64> = OnceLock::new();
    *NOW.get_or_init(|| jwtmint::now().expect("a usable system clock"))
}

/// `iat` of the workload's token.
#[must_use]
pub fn iat() -> i64 {
    now() - SKEW
}

/// `exp` of the workload's token.
#[must_use]
pub fn exp() -> i64 {
    iat() + TTL
}

/// The Zoom API key (`iss`): 22 characters, like a real one.
pub const API_KEY: &str = "abcdefghijklmnopqrstuv";
/// The Zoom API secret: 36 characters, like a real one.
pub const SECRET: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
/// Seconds `iat` is backdated by, as in Zoom's sample.
pub const SKEW: i64 = 30;
/// Lifetime of the workload's token, `exp - iat`, in seconds.
pub const TTL: i64 = 3600;
/// Leeway every verifier is given, in seconds.
pub const LEEWAY: u64 = 60;

/// The Zoom API claims as a typed struct: what the peers mint and verify into, and what
/// jwtmint's generic path serializes. Serializes to exactly the bytes of jwtmint's minter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiClaims {
    /// The API key.
    pub iss: String,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expires at, seconds since the epoch.
    pub exp: i64,
}

impl ApiClaims {
    /// The workload's claims.
    #[must_use]
    pub fn workload() -> Self {
        ApiClaims {
            iss: API_KEY.to_owned(),
            iat: iat(),
            exp: exp(),
        }
    }
}

/// Claims of a chosen size for the payload sweep: the Zoom API claims plus one string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SizedClaims {
    /// The API key.
    pub iss: String,
    /// Issued at.
    pub iat: i64,
    /// Expires at.
    pub exp: i64,
    /// Filler that brings the payload JSON to the chosen size.
    pub data: String,
}

/// Payload JSON sizes of the sweep, in bytes.
pub const SWEEP_SIZES: [usize; 8] = [100, 200, 500, 1024, 2048, 4096, 6144, 8192];

/// The JWS header and `"data"` member cost this many payload bytes with an empty filler.
fn sized_overhead() -> usize {
    serde_json::to_vec(&SizedClaims::with_data(String::new()))
        .expect("claims serialize")
        .len()
}

impl SizedClaims {
    fn with_data(data: String) -> Self {
        SizedClaims {
            iss: API_KEY.to_owned(),
            iat: iat(),
            exp: exp(),
            data,
        }
    }

    /// Claims whose compact JSON is exactly `payload_len` bytes (at least the fixed members'
    /// size, about 90 bytes).
    ///
    /// # Panics
    /// When `payload_len` is smaller than the claims with an empty filler.
    #[must_use]
    pub fn of_payload_len(payload_len: usize) -> Self {
        let filler = payload_len
            .checked_sub(sized_overhead())
            .expect("payload_len below the fixed members' size");
        // Letters only: no escaping, one byte per character.
        let data = (0..filler)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        SizedClaims::with_data(data)
    }
}

/// The token verifiers of the sweep must accept: jwtmint's generic mint of `claims`.
///
/// # Panics
/// When minting fails (it cannot for the workload's claims).
#[must_use]
pub fn token_of<C: Serialize>(claims: &C) -> String {
    jwtmint::mint(&key(), claims).expect("workload claims mint")
}

/// The workload's key.
///
/// # Panics
/// Never for the workload's secret.
#[must_use]
pub fn key() -> jwtmint::Key {
    jwtmint::Key::from_text(SECRET).expect("workload secret is long enough")
}

/// The workload's Zoom API JWT, as jwtmint's minter makes it.
///
/// # Panics
/// Never for the workload's inputs.
#[must_use]
pub fn zoom_token() -> String {
    jwtmint::zoom::ApiTokenMinter::new(API_KEY, key())
        .and_then(|m| m.mint_at(now()))
        .expect("workload token mints")
}

/// The floor: HMAC-SHA256 with the `hmac` crate from a keyed state made once.
#[derive(Clone)]
pub struct Floor {
    keyed: hmac::Hmac<sha2::Sha256>,
}

impl Floor {
    /// Keys the HMAC once with the workload's secret.
    ///
    /// # Panics
    /// Never: HMAC takes keys of any length.
    #[must_use]
    pub fn new() -> Self {
        Floor {
            keyed: hmac::Hmac::new_from_slice(SECRET.as_bytes()).expect("any key length"),
        }
    }

    /// The tag of `signing_input`: clone the keyed state, absorb, finish.
    #[inline]
    #[must_use]
    pub fn tag(&self, signing_input: &[u8]) -> [u8; 32] {
        let mut mac = self.keyed.clone();
        mac.update(signing_input);
        mac.finalize().into_bytes().into()
    }
}

impl Default for Floor {
    fn default() -> Self {
        Self::new()
    }
}

/// The SHA-256 limit of one Zoom API JWT: the compressions no HS256 minter of this token
/// can avoid once its key has absorbed the constant first block (two inner blocks, one
/// outer), and nothing else: no padding, no encoding, no copying.
///
/// The signing input is 125 bytes; with SHA-256's 9 bytes of padding that is 3 inner blocks,
/// the first of which (the header and the start of `{"iss":"<key>","iat":`) is the same for
/// every token of one key.
#[derive(Clone)]
pub struct Limit {
    inner: [u32; 8],
    outer: [u32; 8],
}

impl Limit {
    /// Arbitrary starting states: the compression function's cost does not depend on them.
    #[must_use]
    pub fn new() -> Self {
        Limit {
            inner: [1, 2, 3, 4, 5, 6, 7, 8],
            outer: [8, 7, 6, 5, 4, 3, 2, 1],
        }
    }

    /// Two inner compressions in one call, then the outer one over the inner digest.
    #[inline]
    #[must_use]
    pub fn three_blocks(&self, blocks: &[[u8; 64]; 2]) -> [u32; 8] {
        let mut inner = self.inner;
        sha2::block_api::compress256(&mut inner, blocks);
        let mut outer_block = [0u8; 64];
        for (chunk, word) in outer_block.chunks_exact_mut(4).zip(inner) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        let mut outer = self.outer;
        sha2::block_api::compress256(&mut outer, &[outer_block]);
        outer
    }
}

impl Default for Limit {
    fn default() -> Self {
        Self::new()
    }
}

/// The part of a compact JWS that is signed: everything before the last dot.
///
/// # Panics
/// When `token` has no dot.
#[must_use]
pub fn signing_input(token: &str) -> &[u8] {
    let end = token.rfind('.').expect("a compact JWS");
    &token.as_bytes()[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sized_claims_have_the_exact_payload_length() {
        for n in SWEEP_SIZES {
            let json = serde_json::to_vec(&SizedClaims::of_payload_len(n)).unwrap();
            assert_eq!(json.len(), n);
        }
    }

    #[test]
    fn the_typed_claims_serialize_to_the_minters_payload() {
        // The generic path and the peers sign the same payload bytes as the Zoom minter.
        let token = zoom_token();
        let generic = token_of(&ApiClaims::workload());
        assert_eq!(generic, token);
    }

    #[test]
    fn the_workload_has_the_stated_shape() {
        assert_eq!(API_KEY.len(), 22);
        assert_eq!(SECRET.len(), 36);
        assert_eq!(signing_input(&zoom_token()).len(), 125);
    }
}
