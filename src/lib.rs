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

mod base64url;
mod claims;
pub mod dangerous;
mod error;
mod header;
mod hs256;
mod json;
mod key;
mod mint;
mod time;
mod verify;
pub mod zoom;

pub use base64url::encoded_len;
pub use claims::Claims;
pub use error::{code_description, code_name, Error, Result, Segment, CODES};
pub use header::{HEADER_B64, HEADER_JSON};
pub use key::{Key, SecretEncoding, MIN_SECRET_LEN};
pub use mint::{mint, mint_json};
pub use time::now;
pub use verify::{Verifier, DEFAULT_LEEWAY, DEFAULT_MAX_LEN};
