//! # jwtmint
//!
//! Strict, fast HS256 JSON Web Tokens for Zoom's Video SDK and Account APIs.
//!
//! - [`Key`]: built once from the API secret; keeps only the keyed HMAC state, wiped on drop.
//! - [`zoom::ApiTokenMinter`]: the Zoom API JWT, byte-identical to Zoom's own sample, minted
//!   into a caller's buffer without allocating.
//! - [`mint`]: any `Serialize` claims.
//! - [`Verifier`]: RFC 7515/7519/8725-strict verification returning the verified claims.
//! - [`dangerous`]: unverified decoding, for debugging only.
//! - [`Error`]: one error type with a stable numeric [`code`](Error::code) per variant.
//!
//! Every operation that depends on the time has a form taking `now` (seconds since the Unix
//! epoch); the others read the system clock.
//!
//! ```
//! use jwtmint::{zoom::ApiTokenMinter, Key, Verifier};
//!
//! let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
//! let minter = ApiTokenMinter::new("my-api-key", key.clone())?;
//! let token = minter.mint()?; // iat = now - 30 s, exp = iat + 1 h
//!
//! let claims = Verifier::zoom_api(key, "my-api-key").verify(&token)?;
//! assert_eq!(claims["iss"], "my-api-key");
//! # Ok::<(), jwtmint::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![doc = ""]
#![cfg_attr(doctest, doc = include_str!("../README.md"))]

/// `Display` as the type's `as_str`: the one spelling the CLI, the C ABI and the bindings use.
macro_rules! display_as_str {
    ($($t:ty),+) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )+};
}

mod base64url;
mod claims;
pub mod dangerous;
mod error;
mod header;
mod hs256;
mod json;
mod key;
mod mint;
mod prefix;
mod secret;
mod time;
mod verify;
pub mod zoom;

pub use base64url::encoded_len;
pub use claims::Claims;
pub use error::{code_description, code_name, Error, Result, Segment, CODES};
pub use header::{HEADER_B64, HEADER_JSON};
pub use key::{Key, MIN_SECRET_LEN};
pub use mint::{mint, mint_json};
pub use secret::SecretEncoding;
pub use time::now;
pub use verify::{Verifier, DEFAULT_LEEWAY, DEFAULT_MAX_LEN};

/// Internals re-exported for jwtmint's own fuzz targets (`fuzz/`) and their replay in
/// `tests/fuzz_corpus.rs`, which test them against the `base64` and `hmac` crates.
///
/// **Not part of the API**: unstable, may change or vanish in any release, never use it.
#[doc(hidden)]
pub mod __fuzz {
    /// Strict base64url encoding, as the minter writes every segment.
    #[must_use]
    pub fn base64url_encode(data: &[u8]) -> String {
        let mut out = vec![0u8; crate::base64url::encoded_len(data.len())];
        crate::base64url::encode_into(data, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Strict base64url decoding of a payload segment, as the verifier does it.
    ///
    /// # Errors
    /// [`crate::Error::InvalidBase64`] for text that is not canonical unpadded base64url.
    pub fn base64url_decode(text: &[u8]) -> crate::Result<Vec<u8>> {
        crate::base64url::decode(text, crate::Segment::Payload)
    }

    /// Decoding of a signature segment (exactly 32 bytes).
    ///
    /// # Errors
    /// As the verifier reports a bad signature segment.
    pub fn base64url_decode_tag(text: &[u8]) -> crate::Result<[u8; 32]> {
        crate::base64url::decode_tag(text)
    }

    /// HMAC-SHA256 of `absorbed` (each absorbed in turn into a keyed state, as the Zoom
    /// prefixes are) followed by `data`, with the hand-written HMAC of `src/hs256.rs`.
    #[must_use]
    pub fn hmac_sha256(key: &[u8], absorbed: &[&[u8]], data: &[u8]) -> [u8; 32] {
        let mut state = crate::hs256::Midstate::new(key);
        for part in absorbed {
            state = state.absorb(part);
        }
        state.mac(data)
    }

    /// Whether `tag` is the tag [`hmac_sha256`] computes, compared in constant time.
    #[must_use]
    pub fn hmac_sha256_verify(key: &[u8], absorbed: &[&[u8]], data: &[u8], tag: &[u8; 32]) -> bool {
        let mut state = crate::hs256::Midstate::new(key);
        for part in absorbed {
            state = state.absorb(part);
        }
        state.verify(data, tag)
    }
}
