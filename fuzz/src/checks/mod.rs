//! The checks the fuzz targets run, shared with their replay on stable
//! (`tests/fuzz_corpus.rs` includes this module by path), so the committed corpora are
//! checked by every `cargo test`.
//!
//! Each check takes the fuzzer's bytes and panics when jwtmint disagrees with an independent
//! reference: the model in `model.rs`, the `base64` crate, the `hmac` crate.

pub mod model;

use jwtmint::{Claims, Key, Verifier};
use model::Rules;

/// The secret of every fuzz target and of the adversarial corpus in `tests/corpus/`, so the
/// corpus tokens are valid seeds.
pub const SECRET: &[u8] = b"jwtmint-adversarial-corpus-secret-0123456789";
/// The fixed time of every check.
pub const NOW: i64 = 1_700_000_000;
/// The issuer of the Zoom API verifier (its MAC prefix fast path).
pub const API_KEY: &str = "fuzz-api-key";

pub fn key() -> Key {
    Key::new(SECRET).expect("a 44-byte secret")
}

/// The verifiers every token is tried against, with the model's view of each.
pub fn verifiers() -> Vec<(Verifier, Rules)> {
    let k = key();
    vec![
        (
            Verifier::new(k.clone()),
            Rules {
                leeway: 60,
                max_len: 8192,
                required: vec!["exp".into()],
                issuer: None,
                audience: None,
            },
        ),
        (
            Verifier::new(k.clone()).without_required_claims(),
            Rules {
                leeway: 60,
                max_len: 8192,
                required: vec![],
                issuer: None,
                audience: None,
            },
        ),
        (
            Verifier::zoom_api(k.clone(), API_KEY),
            Rules {
                leeway: 60,
                max_len: 8192,
                required: vec!["iss".into(), "iat".into(), "exp".into()],
                issuer: Some(API_KEY.into()),
                audience: None,
            },
        ),
        (
            Verifier::new(k)
                .with_leeway(0)
                .with_max_len(300)
                .with_required_claims(["sub"])
                .expect("non-empty names")
                .with_audience("fuzz-aud"),
            Rules {
                leeway: 0,
                max_len: 300,
                required: vec!["sub".into()],
                issuer: None,
                audience: Some("fuzz-aud".into()),
            },
        ),
    ]
}

fn code<T>(r: &jwtmint::Result<T>) -> u32 {
    r.as_ref().map(|_| 0).unwrap_or_else(|e| e.code())
}

/// Verifies `token` with every verifier and compares with the model; on acceptance, checks
/// that the token really was signed with the key and that the claims are the payload's.
pub fn verify_token(token: &[u8]) {
    for (v, rules) in verifiers() {
        let expected = model::expect_verify(SECRET, token, &rules, NOW);
        let payload = v.verify_payload_at(token, NOW);
        let claims = v.verify_at(token, NOW);
        let got = code(&payload);
        assert!(
            expected.admits(got),
            "{rules:?}: jwtmint gives {got} ({payload:?}), the model expects {expected:?}"
        );
        assert_eq!(
            got,
            code(&claims),
            "verify_at and verify_payload_at disagree"
        );
        if let Err(e) = &payload {
            assert!(
                jwtmint::code_name(e.code()).is_some(),
                "unlisted code {e:?}"
            );
        }
        if let (Ok(payload), Ok(claims)) = (payload, claims) {
            accepted(token, &payload, &claims);
        }
    }
}

/// Facts about a token that was accepted, each from an independent source.
fn accepted(token: &[u8], payload: &[u8], claims: &Claims) {
    let parts: Vec<&[u8]> = token.split(|&b| b == b'.').collect();
    assert_eq!(parts.len(), 3);
    let signing_input = &token[..parts[0].len() + 1 + parts[1].len()];
    assert_eq!(
        parts[2],
        model::b64(&model::hmac_sha256(SECRET, signing_input)).as_bytes(),
        "accepted a signature the hmac crate does not compute"
    );
    assert_eq!(model::b64_decode(parts[1]).as_deref(), Some(payload));
    let header = model::b64_decode(parts[0]).expect("header base64");
    assert!(model::header_ok(&header));
    let parsed: Claims = serde_json::from_slice(payload).expect("payload is a JSON object");
    assert_eq!(&parsed, claims, "claims are not the payload's");
    // The standard header: minting the same payload gives the very same token.
    if parts[0] == jwtmint::HEADER_B64.as_bytes() {
        let again = jwtmint::mint_json(&key(), payload).expect("re-mint");
        assert_eq!(again.as_bytes(), token, "re-minted token differs");
    }
    // The unverified decoder reads what the verifier accepted.
    let d = jwtmint::dangerous::decode_unverified(token).expect("decodes");
    assert_eq!(d.payload_json.as_bytes(), payload);
    assert_eq!(d.header_json.as_bytes(), &header[..]);
}

/// The fuzz target `verify`: the bytes are a token.
pub fn verify(data: &[u8]) {
    verify_token(data);
}

/// Splits fuzz bytes into a header and a payload: the first byte is the header's length, 0
/// meaning jwtmint's own header.
pub fn header_and_payload(data: &[u8]) -> Option<(Vec<u8>, &[u8])> {
    let (&n, rest) = data.split_first()?;
    if n == 0 {
        return Some((jwtmint::HEADER_JSON.as_bytes().to_vec(), rest));
    }
    let n = usize::from(n).min(rest.len());
    Some((rest[..n].to_vec(), &rest[n..]))
}

/// The fuzz target `verify_signed`: arbitrary header and payload bytes, correctly signed (by
/// the `hmac` crate), so that every check after the MAC is reached.
pub fn verify_signed(data: &[u8]) {
    let Some((header, payload)) = header_and_payload(data) else {
        return;
    };
    let token = model::sign(SECRET, &header, payload);
    verify_token(token.as_bytes());
    // The MAC was right: no verifier may call it wrong.
    for (v, _) in verifiers() {
        assert_ne!(code(&v.verify_payload_at(&token, NOW)), 400);
    }
}

/// The fuzz target `decode_unverified`: the bytes are a token; the decoder must accept
/// exactly the tokens of the right shape, and report their segments exactly.
pub fn decode_unverified(data: &[u8]) {
    let got = jwtmint::dangerous::decode_unverified(data);
    let parts: Vec<&[u8]> = data.split(|&b| b == b'.').collect();
    let shape = data.len() <= jwtmint::dangerous::DECODE_MAX_LEN
        && parts.len() == 3
        && !parts[0].is_empty()
        && !parts[1].is_empty();
    let decoded = if shape {
        model::b64_decode(parts[0]).zip(model::b64_decode(parts[1]))
    } else {
        None
    };
    let objects = decoded
        .filter(|(h, p)| model::unique_object(h).is_some() && model::unique_object(p).is_some());
    match (got, objects) {
        (Ok(t), Some((h, p))) => {
            assert_eq!(t.header_json.as_bytes(), &h[..]);
            assert_eq!(t.payload_json.as_bytes(), &p[..]);
            assert_eq!(t.header, serde_json::from_slice::<Claims>(&h).unwrap());
            assert_eq!(t.claims, serde_json::from_slice::<Claims>(&p).unwrap());
        }
        (Err(e), None) => {
            assert!((200..300).contains(&e.code()), "{e:?}");
        }
        (got, want) => panic!("decode_unverified gives {got:?}, the model {want:?}"),
    }
}

/// The fuzz target `mint_roundtrip`: the bytes are claims JSON. `mint_json` must sign exactly
/// the valid claims sets, byte for byte, and the verifier must accept what was minted unless
/// a claim legitimately rejects it at `NOW`.
pub fn mint_roundtrip(data: &[u8]) {
    let k = key();
    let minted = jwtmint::mint_json(&k, data);
    let facts = model::claims(data);
    let token = match (minted, facts) {
        (Ok(token), Some(facts)) => (token, facts),
        (Err(e), None) => {
            assert!([204, 106, 206, 504].contains(&e.code()), "{e:?}");
            return;
        }
        (got, want) => panic!("mint_json gives {got:?}, the model {want:?}"),
    };
    let (token, facts) = token;
    // The token, built independently.
    assert_eq!(
        token,
        model::sign(SECRET, jwtmint::HEADER_JSON.as_bytes(), data)
    );
    let rules = Rules {
        leeway: 60,
        max_len: usize::MAX,
        required: vec![],
        issuer: None,
        audience: None,
    };
    let v = Verifier::new(k)
        .without_required_claims()
        .with_max_len(usize::MAX);
    let want = model::claims_code(&facts, &rules, NOW);
    match v.verify_payload_at(&token, NOW) {
        Ok(payload) => {
            assert_eq!(want, 0, "accepted a token the model rejects with {want}");
            assert_eq!(
                payload, data,
                "verified payload differs from the minted one"
            );
        }
        Err(e) => assert_eq!(e.code(), want, "{e:?}"),
    }
    verify_token(token.as_bytes());
}

/// The fuzz target `base64url`: the codec against the `base64` crate, directly and through a
/// signed token whose payload segment is the bytes.
pub fn base64url(data: &[u8]) {
    use jwtmint::__fuzz;
    let encoded = __fuzz::base64url_encode(data);
    assert_eq!(encoded, model::b64(data));
    assert_eq!(encoded.len(), jwtmint::encoded_len(data.len()));
    assert_eq!(
        __fuzz::base64url_decode(encoded.as_bytes()).ok().as_deref(),
        Some(data)
    );
    let ours = __fuzz::base64url_decode(data).ok();
    assert_eq!(ours, model::b64_decode(data), "decoders disagree");
    let tag = __fuzz::base64url_decode_tag(data).ok();
    let theirs = model::b64_decode(data).filter(|t| t.len() == 32);
    assert_eq!(tag.map(|t| t.to_vec()), theirs);

    // Through the public API: the bytes as a correctly signed payload segment.
    if data.is_empty() || data.contains(&b'.') {
        return;
    }
    let head = jwtmint::HEADER_B64.as_bytes();
    let mut input = head.to_vec();
    input.push(b'.');
    input.extend_from_slice(data);
    let mut token = input.clone();
    token.push(b'.');
    token.extend_from_slice(model::b64(&model::hmac_sha256(SECRET, &input)).as_bytes());
    let v = Verifier::new(key())
        .without_required_claims()
        .with_max_len(usize::MAX);
    let got = v.verify_payload_at(&token, NOW);
    match model::b64_decode(data) {
        None => assert!(
            matches!(
                got,
                Err(jwtmint::Error::InvalidBase64 {
                    segment: jwtmint::Segment::Payload
                })
            ),
            "{got:?}"
        ),
        Some(payload) => {
            assert!(!matches!(got, Err(jwtmint::Error::InvalidBase64 { .. })));
            if let Ok(p) = got {
                assert_eq!(p, payload);
            }
        }
    }
}

/// The fuzz target `hmac`: the hand-written HMAC-SHA256 against the `hmac` crate. Layout: a
/// length byte and the key, a length byte and a first absorbed part, a length byte and a
/// second absorbed part, then the message.
pub fn hmac(data: &[u8]) {
    fn take(data: &mut &[u8]) -> Vec<u8> {
        let Some((&n, rest)) = data.split_first() else {
            return Vec::new();
        };
        let n = usize::from(n).min(rest.len());
        let (part, rest) = rest.split_at(n);
        *data = rest;
        part.to_vec()
    }
    let mut rest = data;
    let key = take(&mut rest);
    let a = take(&mut rest);
    let b = take(&mut rest);
    let msg = rest;
    let mut whole = a.clone();
    whole.extend_from_slice(&b);
    whole.extend_from_slice(msg);
    let reference = model::hmac_sha256(&key, &whole);
    let ours = jwtmint::__fuzz::hmac_sha256(&key, &[&a, &b], msg);
    assert_eq!(ours, reference);
    assert!(jwtmint::__fuzz::hmac_sha256_verify(
        &key,
        &[&a, &b],
        msg,
        &reference
    ));
    let mut wrong = reference;
    wrong[usize::from(data.first().copied().unwrap_or(0)) % 32] ^= 1;
    assert!(!jwtmint::__fuzz::hmac_sha256_verify(
        &key,
        &[&a, &b],
        msg,
        &wrong
    ));
}

/// The fuzz target `webhook`: a Zoom webhook request (`x-zm-request-timestamp`,
/// `x-zm-signature`, raw body) as given, and again correctly signed (by the `hmac` crate);
/// verdicts against Zoom's documented rules. Layout: a length byte and the timestamp, a
/// length byte and the signature, then the body.
pub fn webhook(data: &[u8]) {
    use jwtmint::zoom::WebhookVerifier;
    fn take<'a>(data: &mut &'a [u8]) -> &'a [u8] {
        let Some((&n, rest)) = data.split_first() else {
            return &[];
        };
        let (part, rest) = rest.split_at(usize::from(n).min(rest.len()));
        *data = rest;
        part
    }
    let mut rest = data;
    let ts = take(&mut rest);
    let sig = take(&mut rest);
    let body = rest;
    let wh = WebhookVerifier::new(SECRET).expect("a secret");

    let mut message = b"v0:".to_vec();
    message.extend_from_slice(ts);
    message.push(b':');
    message.extend_from_slice(body);
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let good = format!("v0={}", hex(&model::hmac_sha256(SECRET, &message)));

    // Timestamp: 1 to 20 ASCII digits within u64.
    let seconds = (!ts.is_empty() && ts.len() <= 20 && ts.iter().all(u8::is_ascii_digit))
        .then(|| std::str::from_utf8(ts).ok()?.parse::<u64>().ok())
        .flatten();
    let in_time = |t: u64| (i128::from(t) - i128::from(NOW)).abs() <= 300;
    let expect = |sig: &[u8]| -> u32 {
        let Some(t) = seconds else { return 620 };
        let Some(hexpart) = sig.strip_prefix(b"v0=") else {
            return 622;
        };
        if hexpart.len() != 64 {
            return 623;
        }
        if !hexpart
            .iter()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        {
            return 624;
        }
        if sig != good.as_bytes() {
            return 625;
        }
        if !in_time(t) {
            return 621;
        }
        0
    };
    for s in [sig, good.as_bytes()] {
        let got = wh.verify_at(ts, body, s, NOW);
        let want = expect(s);
        match &got {
            Ok(t) => {
                assert_eq!(want, 0, "accepted, the model expects {want}");
                assert_eq!(Some(*t), seconds);
            }
            Err(e) => assert_eq!(e.code(), want, "{e:?}"),
        }
    }

    // The url-validation answer, for a correctly signed request.
    if !seconds.is_some_and(in_time) {
        return;
    }
    let got = wh.url_validation_at(ts, body, &good, NOW);
    let want: Result<String, u32> = match model::unique_object(body) {
        None => Err(626),
        Some(obj) => {
            let get = |m: &[(String, model::Json)], k: &str| {
                m.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
            };
            match get(&obj, "event") {
                Some(model::Json::Str(e)) if e == "endpoint.url_validation" => {
                    match get(&obj, "payload") {
                        Some(model::Json::Obj(p)) => match get(&p, "plainToken") {
                            Some(model::Json::Str(t)) if !t.is_empty() => Ok(t),
                            _ => Err(628),
                        },
                        _ => Err(626),
                    }
                }
                Some(model::Json::Str(_)) => Err(627),
                _ => Err(626),
            }
        }
    };
    match (got, want) {
        (Ok(answer), Ok(plain)) => {
            assert_eq!(answer.plain_token(), plain);
            assert_eq!(
                answer.encrypted_token(),
                hex(&model::hmac_sha256(SECRET, plain.as_bytes()))
            );
        }
        (Err(e), Err(code)) => assert_eq!(e.code(), code, "{e:?}"),
        (got, want) => panic!("url_validation gives {got:?}, the model {want:?}"),
    }
}

/// Runs the check named `target` (a directory of `fuzz/corpus/`) on `data`. The C ABI
/// target's inputs are a mode byte and a token: here the token goes through the core's
/// checks (the fuzz crate itself replays it through the C ABI).
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "verify" => verify(data),
        "verify_signed" => verify_signed(data),
        "decode_unverified" => decode_unverified(data),
        "mint_roundtrip" => mint_roundtrip(data),
        "base64url" => base64url(data),
        "hmac" => hmac(data),
        "webhook" => webhook(data),
        "ffi_verify" => verify(data.get(1..).unwrap_or_default()),
        _ => return false,
    }
    true
}
