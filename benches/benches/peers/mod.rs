//! The peers, each set up once and then asked to do the workload's job: mint the Zoom API
//! claims, and verify a token (signature, `exp`, `iss` where the library checks it) returning
//! the claims.
//!
//! Shared by the benches and by `tests/peers_agree.rs`, which proves that every library
//! accepts every other library's token, so the side-by-side numbers measure the same work.
//! Each peer is used the way its documentation shows, with its per-key work done once where
//! its API allows that.

use jwtmint_bench::{exp, iat, now, ApiClaims, API_KEY, LEEWAY, SECRET};

/// A JWT library doing the workload's job.
pub trait Peer {
    /// The library's name in reports.
    const NAME: &'static str;
    /// Mints the workload's claims.
    fn mint(&self) -> String;
    /// Verifies `token` at the workload's time and returns its claims.
    fn verify(&self, token: &str) -> Result<ApiClaims, String>;
}

/// jsonwebtoken with its RustCrypto backend: keys and validation rules made once.
pub struct JsonWebToken {
    header: jsonwebtoken::Header,
    encoding: jsonwebtoken::EncodingKey,
    decoding: jsonwebtoken::DecodingKey,
    validation: jsonwebtoken::Validation,
    claims: ApiClaims,
}

impl JsonWebToken {
    pub fn new() -> Self {
        // jsonwebtoken 12 needs a crypto provider chosen once per process.
        let _ = jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER.install_default();
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
        validation.leeway = LEEWAY;
        validation.set_issuer(&[API_KEY]);
        validation.set_required_spec_claims(&["exp", "iss", "iat"]);
        JsonWebToken {
            header: jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            encoding: jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes())
                .expect("a non-empty secret"),
            decoding: jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes())
                .expect("a non-empty secret"),
            validation,
            claims: ApiClaims::workload(),
        }
    }

    /// Mints any claims (for the payload-size sweep).
    pub fn mint_claims<C: serde::Serialize>(&self, claims: &C) -> String {
        jsonwebtoken::encode(&self.header, claims, &self.encoding).expect("jsonwebtoken mints")
    }

    /// Verifies into any claims type (for the payload-size sweep).
    pub fn verify_claims<C: serde::de::DeserializeOwned>(&self, token: &str) -> Result<C, String> {
        jsonwebtoken::decode::<C>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| e.to_string())
    }
}

impl Peer for JsonWebToken {
    const NAME: &'static str = "jsonwebtoken";

    fn mint(&self) -> String {
        self.mint_claims(&self.claims)
    }

    /// jsonwebtoken reads the system clock itself; the workload's time is the clock's.
    fn verify(&self, token: &str) -> Result<ApiClaims, String> {
        self.verify_claims(token)
    }
}

/// jwt-simple with its pure-Rust backend. Its key keeps the raw secret (it re-keys the HMAC
/// on every call, by design) and its claims are taken by value.
pub struct JwtSimple {
    key: jwt_simple::prelude::HS256Key,
    claims: jwt_simple::prelude::JWTClaims<jwt_simple::prelude::NoCustomClaims>,
    options: jwt_simple::prelude::VerificationOptions,
}

fn secs(t: i64) -> jwt_simple::prelude::Duration {
    jwt_simple::prelude::Duration::from_secs(u64::try_from(t).expect("a time after 1970"))
}

impl JwtSimple {
    pub fn new() -> Self {
        use jwt_simple::prelude::*;
        let mut claims = Claims::create(Duration::from_secs(3600)).with_issuer(API_KEY);
        claims.issued_at = Some(secs(iat()));
        claims.expires_at = Some(secs(exp()));
        // Its `create` adds `nbf`; the Zoom API token has none.
        claims.invalid_before = None;
        let options = VerificationOptions {
            allowed_issuers: Some(std::collections::HashSet::from([API_KEY.to_owned()])),
            time_tolerance: Some(Duration::from_secs(LEEWAY)),
            artificial_time: Some(secs(now())),
            ..VerificationOptions::default()
        };
        JwtSimple {
            key: HS256Key::from_bytes(SECRET.as_bytes()),
            claims,
            options,
        }
    }
}

impl Peer for JwtSimple {
    const NAME: &'static str = "jwt-simple";

    fn mint(&self) -> String {
        use jwt_simple::prelude::MACLike;
        self.key
            .authenticate(self.claims.clone())
            .expect("jwt-simple mints")
    }

    fn verify(&self, token: &str) -> Result<ApiClaims, String> {
        use jwt_simple::prelude::{MACLike, NoCustomClaims};
        let claims = self
            .key
            .verify_token::<NoCustomClaims>(token, Some(self.options.clone()))
            .map_err(|e| e.to_string())?;
        let time = |t: Option<jwt_simple::prelude::Duration>| {
            t.map(|d| i64::try_from(d.as_secs()).expect("a time in range"))
                .ok_or("missing time claim")
        };
        Ok(ApiClaims {
            iat: time(claims.issued_at)?,
            exp: time(claims.expires_at)?,
            iss: claims.issuer.ok_or("missing iss")?,
        })
    }
}

/// jwt-compact's custom claims: `iss` is not among its standard ones.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct IssOnly {
    pub iss: String,
}

/// jwt-compact: the key and time options made once; `iss` checked by the caller, as its
/// documentation shows for non-standard claims.
pub struct JwtCompact {
    key: jwt_compact::alg::Hs256Key,
    header: jwt_compact::Header,
    claims: jwt_compact::Claims<IssOnly>,
    time: jwt_compact::TimeOptions<fn() -> chrono::DateTime<chrono::Utc>>,
}

fn workload_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(now(), 0).expect("a time in range")
}

impl JwtCompact {
    pub fn new() -> Self {
        let at = |t| chrono::DateTime::from_timestamp(t, 0).expect("a time in range");
        let mut claims = jwt_compact::Claims::new(IssOnly {
            iss: API_KEY.to_owned(),
        });
        claims.issued_at = Some(at(iat()));
        claims.expiration = Some(at(exp()));
        let leeway = chrono::Duration::seconds(i64::try_from(LEEWAY).expect("small"));
        JwtCompact {
            key: jwt_compact::alg::Hs256Key::new(SECRET.as_bytes()),
            header: jwt_compact::Header::empty().with_token_type("JWT"),
            claims,
            time: jwt_compact::TimeOptions::new(leeway, workload_clock as fn() -> _),
        }
    }
}

impl Peer for JwtCompact {
    const NAME: &'static str = "jwt-compact";

    fn mint(&self) -> String {
        use jwt_compact::AlgorithmExt;
        jwt_compact::alg::Hs256
            .token(&self.header, &self.claims, &self.key)
            .expect("jwt-compact mints")
    }

    fn verify(&self, token: &str) -> Result<ApiClaims, String> {
        use jwt_compact::AlgorithmExt;
        let untrusted = jwt_compact::UntrustedToken::new(token).map_err(|e| e.to_string())?;
        let token: jwt_compact::Token<IssOnly> = jwt_compact::alg::Hs256
            .validator(&self.key)
            .validate(&untrusted)
            .map_err(|e| e.to_string())?;
        let claims = token.claims();
        claims
            .validate_expiration(&self.time)
            .map_err(|e| e.to_string())?;
        if claims.custom.iss != API_KEY {
            return Err("wrong issuer".into());
        }
        let (_, claims) = token.into_parts();
        let secs = |t: Option<chrono::DateTime<chrono::Utc>>| {
            t.map(|t| t.timestamp()).ok_or("missing time claim")
        };
        Ok(ApiClaims {
            iat: secs(claims.issued_at)?,
            exp: secs(claims.expiration)?,
            iss: claims.custom.iss,
        })
    }
}
