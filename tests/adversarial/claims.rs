//! Checks 5 and 6 of the `Verifier`: the payload, then the claims against the time and the
//! configuration.

use super::*;

// ---- 5. payload --------------------------------------------------------------------------

#[test]
fn payload_that_is_not_an_object_is_rejected() {
    for p in ["[]", "1", "\"claims\"", "null", "true"] {
        assert_eq!(
            with_payload(p).unwrap_err(),
            Error::NotAnObject {
                segment: Segment::Payload
            },
            "{p}"
        );
    }
}

#[test]
fn payload_that_is_not_json_is_rejected() {
    for payload in [r#"{"exp":1"#, r#"{"exp":1}{}"#, r#"{"exp":NaN}"#] {
        assert_eq!(code(with_payload(payload)), 204, "{payload}");
    }
}

#[test]
fn duplicate_claim_is_rejected() {
    let p = format!(r#"{{"exp":{},"exp":{}}}"#, NOW - 100, NOW + 100);
    assert!(matches!(with_payload(&p), Err(Error::DuplicateMember { name, .. }) if name == "exp"));
}

#[test]
fn duplicate_claim_via_escape_is_rejected() {
    let p = format!(r#"{{"exp":{},"\u0065xp":{}}}"#, NOW - 100, NOW + 100);
    assert_eq!(code(with_payload(&p)), 206);
}

#[test]
fn nested_duplicate_is_rejected() {
    let p = format!(
        r#"{{"exp":{},"ctx":{{"role":"user","role":"admin"}}}}"#,
        NOW + 100
    );
    assert_eq!(code(with_payload(&p)), 206);
}

#[test]
fn exp_as_string_is_malformed_not_absent() {
    assert_eq!(
        with_payload(r#"{"exp":"1700003600"}"#).unwrap_err(),
        Error::MalformedClaim {
            claim: "exp",
            expected: "a NumericDate (a JSON number of seconds within the range of i64)"
        }
    );
}

#[test]
fn exp_null_true_array_object_are_malformed() {
    for v in ["null", "true", "false", "[1]", "{}"] {
        assert_eq!(code(with_payload(&format!(r#"{{"exp":{v}}}"#))), 504, "{v}");
    }
}

#[test]
fn exp_out_of_range_is_malformed() {
    assert_eq!(code(with_payload(r#"{"exp":1e400}"#)), 204); // not a finite JSON number
    assert_eq!(code(with_payload(r#"{"exp":1e300}"#)), 504);
    assert_eq!(code(with_payload(r#"{"exp":18446744073709551616}"#)), 504);
    assert_eq!(code(with_payload(r#"{"exp":9223372036854775808}"#)), 504);
}

#[test]
fn malformed_nbf_and_iat_are_rejected_even_when_not_required() {
    let exp = NOW + 100;
    assert_eq!(
        code(with_payload(&format!(r#"{{"exp":{exp},"nbf":"0"}}"#))),
        504
    );
    assert_eq!(
        code(with_payload(&format!(r#"{{"exp":{exp},"iat":null}}"#))),
        504
    );
}

#[test]
fn malformed_string_claims_are_rejected() {
    let exp = NOW + 100;
    for (claim, v) in [("iss", "1"), ("sub", "{}"), ("jti", "null"), ("aud", "7")] {
        assert_eq!(
            code(with_payload(&format!(r#"{{"exp":{exp},"{claim}":{v}}}"#))),
            504,
            "{claim}"
        );
    }
}

#[test]
fn deeply_nested_payload_is_rejected_without_stack_overflow() {
    let depth = 5000;
    let p = format!(
        r#"{{"exp":{},"x":{}{}}}"#,
        NOW + 100,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let token = forge(SECRET, STD_HEADER, p.as_bytes());
    let v = verifier().with_max_len(1 << 20);
    assert_eq!(v.verify_at(&token, NOW).map_err(|e| e.code()), Err(204));
}

// ---- 6. claims against time and configuration ----------------------------------------------

#[test]
fn missing_exp_is_rejected_by_default() {
    assert_eq!(
        with_payload(r#"{"iss":"k"}"#).unwrap_err(),
        Error::MissingClaim {
            claim: "exp".into()
        }
    );
}

#[test]
fn expired_token_is_rejected_at_exp_plus_leeway() {
    let exp = NOW - 60;
    let token = forge(SECRET, STD_HEADER, format!(r#"{{"exp":{exp}}}"#).as_bytes());
    // now >= exp + leeway (60): rejected exactly at the boundary.
    assert_eq!(check(&token).unwrap_err(), Error::Expired { exp, now: NOW });
    assert!(verifier().verify_at(&token, NOW - 1).is_ok());
    assert!(verifier().with_leeway(0).verify_at(&token, exp - 1).is_ok());
    assert!(verifier().with_leeway(0).verify_at(&token, exp).is_err());
}

#[test]
fn future_nbf_and_iat_are_rejected_beyond_leeway() {
    let (late, in_leeway) = (NOW + 61, NOW + 60);
    for (claim, error) in [
        (
            "nbf",
            Error::NotYetValid {
                nbf: late,
                now: NOW,
            },
        ),
        (
            "iat",
            Error::IssuedInFuture {
                iat: late,
                now: NOW,
            },
        ),
    ] {
        let payload = |t: i64| format!(r#"{{"exp":{},"{claim}":{t}}}"#, NOW + 3600);
        assert_eq!(with_payload(&payload(late)).unwrap_err(), error);
        assert!(with_payload(&payload(in_leeway)).is_ok(), "{claim}");
    }
}

#[test]
fn huge_leeway_does_not_overflow() {
    let token = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, i64::MAX).as_bytes(),
    );
    assert!(verifier()
        .with_leeway(u64::MAX)
        .verify_at(&token, i64::MAX)
        .is_ok());
    let token = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, i64::MIN).as_bytes(),
    );
    assert_eq!(code(verifier().verify_at(&token, i64::MAX)), 500);
}

#[test]
fn required_claims_are_configurable() {
    let token = good_token();
    let v = verifier()
        .with_required_claims(["iss", "iat", "exp", "sub"])
        .unwrap();
    assert_eq!(
        v.verify_at(&token, NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "sub".into()
        }
    );
    let none = forge(SECRET, STD_HEADER, br#"{"hello":"world"}"#);
    let v = verifier().without_required_claims();
    assert!(v.verify_at(&none, NOW).is_ok());
}

#[test]
fn wrong_issuer_is_rejected() {
    let v = verifier().with_issuer("expected");
    assert_eq!(
        v.verify_at(good_token(), NOW).unwrap_err(),
        Error::IssuerMismatch {
            expected: "expected".into(),
            found: "k".into()
        }
    );
    let no_iss = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{}}}"#, NOW + 10).as_bytes(),
    );
    assert_eq!(
        v.verify_at(&no_iss, NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "iss".into()
        }
    );
}

#[test]
fn issuer_fast_path_agrees_with_the_generic_path() {
    // The verifier caches the MAC state of its issuer's token prefix; tokens of that issuer
    // in another member order, and tampered ones, must be judged the same.
    let v = verifier().with_issuer("k");
    let reordered = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{},"iss":"k"}}"#, NOW + 10).as_bytes(),
    );
    assert!(v.verify_at(&reordered, NOW).is_ok());
    assert!(v.verify_at(good_token(), NOW).is_ok());
    let forged = forge(
        b"wrong-secret-of-sufficient-length-0123456",
        STD_HEADER,
        good_payload().as_bytes(),
    );
    assert_eq!(
        v.verify_at(&forged, NOW).unwrap_err(),
        Error::InvalidSignature
    );
}

#[test]
fn unexpected_audience_is_rejected() {
    // RFC 7519 4.1.3: a token with "aud" must be rejected by a principal not named in it.
    let p = format!(r#"{{"exp":{},"aud":"other-service"}}"#, NOW + 10);
    assert_eq!(with_payload(&p).unwrap_err(), Error::AudienceMismatch);
    let v = verifier().with_audience("me");
    let token = forge(SECRET, STD_HEADER, p.as_bytes());
    assert_eq!(
        v.verify_at(&token, NOW).unwrap_err(),
        Error::AudienceMismatch
    );
    let ok = forge(
        SECRET,
        STD_HEADER,
        format!(r#"{{"exp":{},"aud":["x","me"]}}"#, NOW + 10).as_bytes(),
    );
    assert!(v.verify_at(&ok, NOW).is_ok());
    assert_eq!(
        v.verify_at(good_token(), NOW).unwrap_err(),
        Error::MissingClaim {
            claim: "aud".into()
        }
    );
}

#[test]
fn claims_type_mismatch_is_reported() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wants {
        admin: bool,
    }
    let err = verifier()
        .verify_as_at::<Wants>(&good_token(), NOW)
        .unwrap_err();
    assert_eq!(err.code(), 507);
}

#[test]
fn errors_never_contain_the_secret() {
    let secret = "a-very-recognisable-secret-value-0123456789";
    let key = Key::from_text(secret).unwrap();
    let v = Verifier::new(key.clone());
    let token = jwtmint::mint(&key, &serde_json::json!({"exp": NOW - 1000})).unwrap();
    let sig = &token[token.rfind('.').unwrap() + 1..];
    for t in [
        token.clone(),
        format!("{}x", &token[..token.len() - 1]),
        "a.b.c".into(),
    ] {
        let err = v.verify_at(&t, NOW).unwrap_err();
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(!text.contains(secret), "{text}");
            assert!(!text.contains(sig), "{text}");
        }
    }
    assert!(!format!("{v:?}").contains(secret));
}
