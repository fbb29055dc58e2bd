//! The constant start of every token of one key and issuer, with the MAC state that has
//! absorbed it.
//!
//! A token whose payload starts `{"iss":"<issuer>","iat":` (the order Zoom's API JWTs use)
//! begins with the same text for every token of that issuer: the header, the dot, and the
//! base64url of that JSON up to its last whole 3-byte group. [`IssuerPrefix`] holds that text
//! and the keyed HMAC state after it, so a minter ([`crate::zoom::ApiTokenMinter`]) and the
//! [`Verifier`](crate::Verifier) of an issuer hash it once, not per token.

use crate::base64url::{decode_to_slice, encode_into, encoded_len};
use crate::error::{Error, Result};
use crate::header::HEADER_B64;
use crate::hs256::Midstate;
use crate::json;
use crate::key::Key;
use crate::mint::TAG_B64_LEN;

/// Longest text of an `i64` in decimal (`-9223372036854775808`).
const I64_DIGITS: usize = 20;
const EXP_TAG: &[u8] = b",\"exp\":";
/// Longest per-token payload tail: leftover prefix bytes, iat, `,"exp":`, exp, `}`.
const TAIL_MAX: usize = 2 + I64_DIGITS + EXP_TAG.len() + I64_DIGITS + 1;

/// The part of a token that is the same for every token of one key and issuer: the header,
/// the dot and the base64url of `{"iss":"<issuer>","iat":` up to its last whole 3-byte
/// group, with the HMAC state that has already absorbed it.
#[derive(Clone)]
pub(crate) struct IssuerPrefix {
    /// Token text every such token starts with.
    text: Box<[u8]>,
    /// Payload bytes left over after the last whole group (0 to 2 of them).
    tail: [u8; 2],
    tail_len: usize,
    /// The keyed HMAC state after absorbing `text`.
    state: Midstate,
    /// The payload's constant start, `{"iss":"<issuer>","iat":`, for checking the fast path
    /// in tests against the rule it implements.
    #[cfg(test)]
    json: Box<[u8]>,
}

impl std::fmt::Debug for IssuerPrefix {
    /// The MAC state forges tokens as the key does: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuerPrefix").finish_non_exhaustive()
    }
}

impl IssuerPrefix {
    pub fn new(key: &Key, iss: &str) -> Result<Self> {
        let iss_json = serde_json::to_string(iss).map_err(|e| Error::Serialize {
            reason: e.to_string(),
        })?;
        let mut json = Vec::with_capacity(iss_json.len() + 16);
        json.extend_from_slice(b"{\"iss\":");
        json.extend_from_slice(iss_json.as_bytes());
        json.extend_from_slice(b",\"iat\":");
        let whole = json.len() / 3 * 3;
        let mut text = vec![0u8; HEADER_B64.len() + 1 + encoded_len(whole)];
        text[..HEADER_B64.len()].copy_from_slice(HEADER_B64.as_bytes());
        text[HEADER_B64.len()] = b'.';
        encode_into(&json[..whole], &mut text[HEADER_B64.len() + 1..]);
        let mut tail = [0u8; 2];
        let tail_len = json.len() - whole;
        tail[..tail_len].copy_from_slice(&json[whole..]);
        let state = key.midstate().absorb(&text);
        Ok(IssuerPrefix {
            text: text.into_boxed_slice(),
            tail,
            tail_len,
            state,
            #[cfg(test)]
            json: json.into_boxed_slice(),
        })
    }

    /// The longest token [`write_token`](Self::write_token) can produce.
    pub fn max_token_len(&self) -> usize {
        self.text.len() + encoded_len(self.tail_len + TAIL_MAX - 2) + 1 + TAG_B64_LEN
    }

    /// Writes the token `{"iss":"<issuer>","iat":<iat>,"exp":<exp>}` into `out`, returning
    /// its length. Allocates nothing, and writes nothing when `out` is too small.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] (with the length needed) when `out` is too small.
    pub fn write_token(&self, iat: i64, exp: i64, out: &mut [u8]) -> Result<usize> {
        // The payload bytes after the constant prefix: `<tail>iat,"exp":exp}`.
        let mut tail = [0u8; TAIL_MAX];
        let mut n = self.tail_len;
        tail[..n].copy_from_slice(&self.tail[..n]);
        let mut digits = itoa::Buffer::new();
        for part in [
            digits.format(iat).as_bytes(),
            EXP_TAG,
            itoa::Buffer::new().format(exp).as_bytes(),
            b"}",
        ] {
            tail[n..n + part.len()].copy_from_slice(part);
            n += part.len();
        }

        let p = self.text.len();
        let body_end = p + encoded_len(n);
        let total = body_end + 1 + TAG_B64_LEN;
        if out.len() < total {
            return Err(Error::BufferTooSmall { needed: total });
        }
        out[..p].copy_from_slice(&self.text);
        encode_into(&tail[..n], &mut out[p..body_end]);
        let tag = self.state.mac(&out[p..body_end]);
        out[body_end] = b'.';
        encode_into(&tag, &mut out[body_end + 1..total]);
        Ok(total)
    }

    /// The text of `signing_input` after this prefix, when it starts with it.
    pub fn strip<'a>(&self, signing_input: &'a [u8]) -> Option<&'a [u8]> {
        signing_input.strip_prefix(&*self.text)
    }

    /// Whether `tag` is the MAC of this prefix followed by `after_prefix`, compared in
    /// constant time.
    pub fn verify(&self, after_prefix: &[u8], tag: &[u8; 32]) -> bool {
        self.state.verify(after_prefix, tag)
    }

    /// `(iat, exp)` when the token's signing input is this prefix followed by `after_prefix`
    /// (still base64url) and its payload is exactly `{"iss":"<issuer>","iat":<int>,"exp":<int>}`
    /// in this byte form, the shape of every Zoom API JWT; `None` for anything else, which
    /// the general claims scanner then judges.
    ///
    /// Only the text after the constant prefix is decoded, onto the stack: the prefix ends on
    /// a whole 4-character group, so decoding it separately is decoding the whole segment,
    /// and the decoding is as strict (canonical, unpadded, URL-safe alphabet only). The
    /// integers are read by the flat JSON reader's own integer function ([`json::int`]);
    /// anything unusual is left to the general path rather than decided here.
    pub fn times_after_prefix(&self, after_prefix: &[u8]) -> Option<(i64, i64)> {
        let mut tail = [0u8; TAIL_MAX];
        let n = decode_to_slice(after_prefix, &mut tail)?;
        // The text after the prefix starts with the prefix's leftover bytes, then `iat`.
        times_after_iat_tag(tail[..n].strip_prefix(&self.tail[..self.tail_len])?)
    }

    /// [`times_after_prefix`](Self::times_after_prefix) of a token whose payload JSON is
    /// `payload`, for tests.
    #[cfg(test)]
    pub fn times_of_payload(&self, payload: &[u8]) -> Option<(i64, i64)> {
        let mut body = vec![0u8; encoded_len(payload.len())];
        encode_into(payload, &mut body);
        let payload_text = &self.text[HEADER_B64.len() + 1..];
        let fast = body
            .strip_prefix(payload_text)
            .and_then(|after| self.times_after_prefix(after));
        // The decoded form states the same rule: the JSON prefix, then the tail.
        let direct = payload
            .strip_prefix(&*self.json)
            .and_then(times_after_iat_tag);
        assert_eq!(fast, direct, "{}", String::from_utf8_lossy(payload));
        fast
    }
}

/// `(iat, exp)` from the payload text after `"iat":`, which must be exactly
/// `<int>,"exp":<int>}`.
fn times_after_iat_tag(rest: &[u8]) -> Option<(i64, i64)> {
    let (iat, rest) = json::int(rest)?;
    let (exp, rest) = json::int(rest.strip_prefix(EXP_TAG)?)?;
    (rest == b"}").then_some((iat, exp))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn prefix(iss: &str) -> IssuerPrefix {
        IssuerPrefix::new(&Key::from_text(SECRET).unwrap(), iss).unwrap()
    }

    #[test]
    fn tokens_are_the_generic_minters_for_every_prefix_alignment() {
        // Issuers of every length mod 3 put the prefix boundary in every position; times of
        // every digit count change the tail length.
        let key = Key::from_text(SECRET).unwrap();
        for iss in [
            "k",
            "ke",
            "key",
            "keyk",
            "abcdefghijklmnopqrstuv",
            "quote\"\\\u{1}é",
        ] {
            let p = prefix(iss);
            for (iat, exp) in [
                (0, 1),
                (-1, 0),
                (i64::MIN, i64::MAX),
                (1_699_999_970, 1_700_003_570),
            ] {
                let mut buf = vec![0u8; p.max_token_len()];
                let n = p.write_token(iat, exp, &mut buf).unwrap();
                let payload = format!(
                    "{{\"iss\":{},\"iat\":{iat},\"exp\":{exp}}}",
                    serde_json::to_string(iss).unwrap()
                );
                assert_eq!(
                    buf[..n],
                    *crate::mint::sign_payload(&key, payload.as_bytes()).as_bytes()
                );
                assert_eq!(p.times_of_payload(payload.as_bytes()), Some((iat, exp)));
            }
        }
    }

    #[test]
    fn payload_fast_path_agrees_with_the_general_scanner() {
        let p = prefix("k");
        let general = |payload: &[u8]| {
            crate::claims::scan(payload, &[])
                .ok()
                .and_then(|r| Some((r.iat?, r.exp?)))
        };
        let mut cases: Vec<String> = vec![
            r#"{"iss":"k","iat":1,"exp":2}"#.into(),
            r#"{"iss":"k","iat":-1,"exp":0}"#.into(),
            format!(r#"{{"iss":"k","iat":{},"exp":{}}}"#, i64::MIN, i64::MAX),
        ];
        // Shapes the fast path must leave to the general scanner.
        for odd in [
            r#"{"iss":"k","iat":01,"exp":2}"#,
            r#"{"iss":"k","iat":-0,"exp":2}"#,
            r#"{"iss":"k","iat":1.0,"exp":2}"#,
            r#"{"iss":"k","iat":1e3,"exp":2}"#,
            r#"{"iss":"k","iat":9223372036854775808,"exp":2}"#,
            r#"{"iss":"k","iat":1,"exp":2} "#,
            r#"{"iss":"k","iat":1,"exp":2,"x":1}"#,
            r#"{"iss":"k","iat":1,"exp":"2"}"#,
            r#"{"iss":"k","iat":1,"exp":2,"exp":3}"#,
            r#"{"iss":"k","iat":,"exp":2}"#,
            r#"{"iss":"k","iat":-,"exp":2}"#,
        ] {
            assert_eq!(p.times_of_payload(odd.as_bytes()), None, "{odd}");
            cases.push(odd.into());
        }
        for case in &cases {
            if let Some(fast) = p.times_of_payload(case.as_bytes()) {
                assert_eq!(Some(fast), general(case.as_bytes()), "{case}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn payload_fast_path_never_disagrees(iat in "-?[0-9]{1,21}", exp in "-?[0-9.e]{1,21}", end in "[} ]{0,2}") {
            let p = prefix("k");
            let payload = format!(r#"{{"iss":"k","iat":{iat},"exp":{exp}{end}"#);
            if let Some(fast) = p.times_of_payload(payload.as_bytes()) {
                let r = crate::claims::scan(payload.as_bytes(), &[]).unwrap();
                proptest::prop_assert_eq!(Some(fast), r.iat.zip(r.exp));
            }
        }
    }
}
