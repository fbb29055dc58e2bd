//! RFC 7515 appendix A.1: the HS256 example JWS verifies.

use jwtmint::{Error, Key, Verifier};

const KEY_K: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
const TOKEN: &str = concat!(
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9",
    ".",
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ",
    ".",
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
);
/// The example's `exp`.
const EXP: i64 = 1_300_819_380;

fn verifier() -> Verifier {
    Verifier::new(Key::from_base64url(KEY_K).unwrap())
        .with_leeway(0)
        .with_issuer("joe")
}

#[test]
fn appendix_a1_verifies_before_its_exp() {
    let claims = verifier().verify_at(TOKEN, EXP - 10).unwrap();
    assert_eq!(claims["iss"], "joe");
    assert_eq!(claims["exp"], EXP);
    assert_eq!(claims["http://example.com/is_root"], true);
}

#[test]
fn appendix_a1_payload_is_returned_exactly_as_signed() {
    let payload = verifier().verify_payload_at(TOKEN, EXP - 10).unwrap();
    assert_eq!(
        payload,
        b"{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"
    );
}

#[test]
fn appendix_a1_expires_at_its_exp() {
    assert_eq!(
        verifier().verify_at(TOKEN, EXP).unwrap_err(),
        Error::Expired { exp: EXP, now: EXP }
    );
    // With the default leeway of 60 s it is still accepted a little after.
    let lenient = Verifier::new(Key::from_base64url(KEY_K).unwrap());
    assert!(lenient.verify_at(TOKEN, EXP + 59).is_ok());
    assert!(lenient.verify_at(TOKEN, EXP + 60).is_err());
}

#[test]
fn appendix_a1_fails_under_another_key() {
    let other = Key::from_base64url(&KEY_K.replace('A', "B")).unwrap();
    assert_eq!(
        Verifier::new(other).verify_at(TOKEN, EXP - 10).unwrap_err(),
        Error::InvalidSignature
    );
}
