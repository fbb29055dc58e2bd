/* The verifier of jwtmint.h, every function and every error path: the Zoom API preset,
 * malformed tokens, hostile headers and claims, expiry, each setter (issuer, audience,
 * required claims, leeway, length limit), and round trips with the minter. Expected tokens
 * come from fixtures.h (Python's stdlib), never from the library. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

/* jwtmint_verifier_verify on a struct token_call, as a write_call. */
static jwtmint_result verify_call(const void *ctx, uint8_t *out, size_t cap, size_t *len) {
    const struct token_call *c = ctx;
    return jwtmint_verifier_verify(c->handle, (const uint8_t *)c->token, strlen(c->token), c->now,
                                   out, cap, len);
}

/* Verifies `token` with `v` at `now` and returns the result code; on any failure checks that
 * nothing was written, and that jwtmint_verifier_check agrees. */
static jwtmint_result verify_str(const jwtmint_verifier *v, const char *token, int64_t now) {
    const struct token_call call = {v, token, now};
    jwtmint_result rc = call_into(verify_call, &call, 512);
    CHECK(rc == jwtmint_verifier_check(v, (const uint8_t *)token, strlen(token), now));
    return rc;
}

static void test_verifier_zoom(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    jwtmint_verifier *v = make_zoom_verifier(key, FIXTURE_API_KEY);
    const size_t want = strlen(PAYLOAD_KAT_API);
    uint8_t *out;
    size_t len;
    char flipped[sizeof TOKEN_KAT_API];
    char *sig;

    jwtmint_key_free(key); /* the verifier keeps its own reference */

    out = poisoned(512);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_verifier_verify(v, LIT(TOKEN_KAT_API), FIXTURE_NOW, out, 512, &len),
             JWTMINT_OK);
    CHECK_BYTES(out, len, PAYLOAD_KAT_API);
    CHECK(out[want] == 0);
    free(out);
    CHECK_RC(jwtmint_verifier_check(v, LIT(TOKEN_KAT_API), FIXTURE_NOW), JWTMINT_OK);

    /* The buffer contract (a too-small buffer only for a valid token, only *out_len). */
    {
        const struct token_call call = {v, TOKEN_KAT_API, FIXTURE_NOW};
        check_output_contract("jwtmint_verifier_verify", verify_call, &call, PAYLOAD_KAT_API);
    }

    /* Time: exp is 1700003570, iat 1699999970, leeway 60. */
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_EXP + 59), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_EXP + 60), JWTMINT_EXPIRED);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, INT64_MAX), JWTMINT_EXPIRED);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_IAT - 60), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_IAT - 61), JWTMINT_ISSUED_IN_FUTURE);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, INT64_MIN), JWTMINT_ISSUED_IN_FUTURE);

    /* Signatures. */
    CHECK_RC(verify_str(v, TOKEN_OTHER_SECRET, FIXTURE_NOW), JWTMINT_INVALID_SIGNATURE);
    memcpy(flipped, TOKEN_KAT_API, sizeof flipped);
    sig = strrchr(flipped, '.') + 1;
    sig[0] = sig[0] == 'A' ? 'B' : 'A';
    CHECK_RC(verify_str(v, flipped, FIXTURE_NOW), JWTMINT_INVALID_SIGNATURE);
    /* A signature cut short is still canonical base64url but the wrong length. */
    flipped[strlen(flipped) - 3] = '\0';
    CHECK_RC(verify_str(v, flipped, FIXTURE_NOW), JWTMINT_INVALID_SIGNATURE);

    /* Malformed tokens. */
    CHECK_RC(verify_str(v, "", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_RC(verify_str(v, "abc", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_RC(verify_str(v, "a.b", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_RC(verify_str(v, "a.b.c.d", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_RC(verify_str(v, "a..c", FIXTURE_NOW), JWTMINT_EMPTY_SEGMENT);
    CHECK_RC(verify_str(v, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9=.e30.abc", FIXTURE_NOW),
             JWTMINT_INVALID_BASE64);
    CHECK_RC(verify_str(v, "ey JhbGciOiJIUzI1NiJ9.e30.abc", FIXTURE_NOW), JWTMINT_INVALID_BASE64);
    CHECK_RC(verify_str(v, TOKEN_HEADER_ARRAY, FIXTURE_NOW), JWTMINT_NOT_AN_OBJECT);
    CHECK_RC(verify_str(v, TOKEN_HEADER_DUP, FIXTURE_NOW), JWTMINT_DUPLICATE_MEMBER);
    CHECK_RC(jwtmint_verifier_check(v, NULL, 0, FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    {
        /* Bytes that are not UTF-8 anywhere in the token. */
        static const char raw[] = "\xff\xfe.\xff.\xff";
        CHECK_RC(verify_str(v, raw, FIXTURE_NOW), JWTMINT_INVALID_BASE64);
    }

    /* Hostile headers: the key decides the algorithm, never the header. */
    CHECK_RC(verify_str(v, TOKEN_ALG_NONE, FIXTURE_NOW), JWTMINT_UNSUPPORTED_ALGORITHM);
    CHECK_RC(verify_str(v, TOKEN_ALG_HS512, FIXTURE_NOW), JWTMINT_UNSUPPORTED_ALGORITHM);
    CHECK_RC(verify_str(v, TOKEN_NO_ALG, FIXTURE_NOW), JWTMINT_MISSING_ALGORITHM);
    CHECK_RC(verify_str(v, TOKEN_TYP_JWS, FIXTURE_NOW), JWTMINT_UNSUPPORTED_TYPE);
    CHECK_RC(verify_str(v, TOKEN_CRIT, FIXTURE_NOW), JWTMINT_CRITICAL_HEADER);
    CHECK_RC(verify_str(v, TOKEN_CTY, FIXTURE_NOW), JWTMINT_UNSUPPORTED_HEADER);

    /* Hostile claims, correctly signed. */
    CHECK_RC(verify_str(v, TOKEN_PAYLOAD_DUP, FIXTURE_NOW), JWTMINT_DUPLICATE_MEMBER);
    CHECK_RC(verify_str(v, TOKEN_PAYLOAD_NOT_JSON, FIXTURE_NOW), JWTMINT_INVALID_JSON);
    CHECK_RC(verify_str(v, TOKEN_PAYLOAD_ARRAY, FIXTURE_NOW), JWTMINT_NOT_AN_OBJECT);
    CHECK_RC(verify_str(v, TOKEN_EXP_STRING, FIXTURE_NOW), JWTMINT_MALFORMED_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_EXP_NULL, FIXTURE_NOW), JWTMINT_MALFORMED_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_NO_ISS, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_ISSUER_MISMATCH);
    CHECK_RC(verify_str(v, TOKEN_AUD, FIXTURE_NOW), JWTMINT_AUDIENCE_MISMATCH);
    CHECK_RC(verify_str(v, TOKEN_NBF_FUTURE, FIXTURE_NOW), JWTMINT_NOT_YET_VALID);
    CHECK_RC(verify_str(v, TOKEN_NBF_FUTURE, FIXTURE_NOW + 440), JWTMINT_OK);

    /* Pointers. */
    out = poisoned(64);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_verifier_verify(NULL, LIT(TOKEN_KAT_API), FIXTURE_NOW, out, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_verify(v, NULL, 10, FIXTURE_NOW, out, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_verify(v, LIT(TOKEN_KAT_API), FIXTURE_NOW, NULL, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_verify(v, LIT(TOKEN_KAT_API), FIXTURE_NOW, out, 64, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_verify(v, (const uint8_t *)"x", SIZE_MAX, FIXTURE_NOW, out, 64, &len),
             JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_verifier_check(NULL, LIT(TOKEN_KAT_API), FIXTURE_NOW), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_check(v, NULL, 1, FIXTURE_NOW), JWTMINT_NULL_POINTER);
    CHECK_UNWRITTEN(out, 64, len);
    free(out);
    jwtmint_verifier_free(v);
    jwtmint_verifier_free(NULL);
}

static void test_verifier_configured(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    jwtmint_verifier *v = NULL;
    jwtmint_verifier *const sentinel = (jwtmint_verifier *)&v;
    jwtmint_verifier *out = sentinel;

    CHECK_RC(jwtmint_verifier_new(NULL, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_new(key, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_new_zoom_api(NULL, LIT(FIXTURE_API_KEY), &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_new_zoom_api(key, LIT(FIXTURE_API_KEY), NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_new_zoom_api(key, NULL, 2, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_new_zoom_api(key, LIT("\xc0\xaf"), &out), JWTMINT_INVALID_UTF8);
    CHECK(out == sentinel);

    /* Defaults: exp required, no issuer, aud rejected. */
    CHECK_RC(jwtmint_verifier_new(key, &v), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_AUD, FIXTURE_NOW), JWTMINT_AUDIENCE_MISMATCH);

    /* Leeway. */
    CHECK_RC(jwtmint_verifier_set_leeway(v, 0), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_EXP - 1), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_EXP), JWTMINT_EXPIRED);
    CHECK_RC(jwtmint_verifier_set_leeway(v, UINT64_MAX), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, INT64_MAX), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_set_leeway(v, 60), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_set_leeway(NULL, 60), JWTMINT_NULL_POINTER);

    /* Length limit, before any decoding. */
    CHECK_RC(jwtmint_verifier_set_max_len(v, strlen(TOKEN_KAT_API) - 1), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_TOO_LONG);
    CHECK_RC(jwtmint_verifier_set_max_len(v, strlen(TOKEN_KAT_API)), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_set_max_len(NULL, 10), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_set_max_len(v, 8192), JWTMINT_OK);

    /* Issuer. */
    CHECK_RC(jwtmint_verifier_set_issuer(v, LIT(FIXTURE_API_KEY)), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_ISSUER_MISMATCH);
    CHECK_RC(verify_str(v, TOKEN_NO_ISS, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    /* A failed setter leaves the verifier as it was. */
    CHECK_RC(jwtmint_verifier_set_issuer(v, LIT("other-key\xff")), JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_verifier_set_issuer(v, NULL, 3), JWTMINT_NULL_POINTER);
    CHECK_RC(verify_str(v, TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_ISSUER_MISMATCH);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_set_issuer(v, LIT("other-key")), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_ISSUER_MISMATCH);
    CHECK_RC(jwtmint_verifier_set_issuer(NULL, LIT("x")), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_set_issuer(v, LIT(FIXTURE_API_KEY)), JWTMINT_OK);

    /* Audience. */
    CHECK_RC(jwtmint_verifier_set_audience(v, LIT("zoom")), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_AUD, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(jwtmint_verifier_set_audience(v, LIT("other")), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_AUD, FIXTURE_NOW), JWTMINT_AUDIENCE_MISMATCH);
    CHECK_RC(jwtmint_verifier_set_audience(v, LIT("\xe2\x82")), JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_verifier_set_audience(v, NULL, 1), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_set_audience(NULL, LIT("zoom")), JWTMINT_NULL_POINTER);
    CHECK_RC(verify_str(v, TOKEN_AUD, FIXTURE_NOW), JWTMINT_AUDIENCE_MISMATCH);
    jwtmint_verifier_free(v);

    /* Required claims: added one name at a time, or all cleared. */
    CHECK_RC(jwtmint_verifier_new(key, &v), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_MISSING_CLAIM); /* exp by default */
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("iss")), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("iat")), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("iss")), JWTMINT_OK); /* already: no-op */
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_NO_ISS, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_MISSING_CLAIM); /* exp kept */
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("jti")), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_OK);
    /* Present claims are still checked when not required. */
    CHECK_RC(verify_str(v, TOKEN_EXP_STRING, FIXTURE_NOW), JWTMINT_MALFORMED_CLAIM);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_EXP + 60), JWTMINT_EXPIRED);
    /* A name is one name: a comma in it is not a list. */
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("iss,iat")), JWTMINT_OK);
    CHECK_RC(verify_str(v, TOKEN_KAT_API, FIXTURE_NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
    /* Refused names leave the verifier as it was. */
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("")), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_verifier_require_claim(v, NULL, 0), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_verifier_require_claim(v, LIT("\xff")), JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_verifier_require_claim(v, NULL, 3), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_require_claim(NULL, LIT("exp")), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_verifier_clear_required_claims(NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(verify_str(v, TOKEN_NO_EXP, FIXTURE_NOW), JWTMINT_OK); /* unchanged */
    jwtmint_verifier_free(v);
    jwtmint_key_free(key);
}

/* Minted tokens verify; round trips through both paths give the same bytes. */
static void test_round_trip(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    jwtmint_api_minter *m = NULL;
    jwtmint_verifier *v = make_zoom_verifier(key, FIXTURE_API_KEY);
    int64_t now = 0;
    uint8_t tok[256], again[256], payload[256];
    size_t tok_len = 0, again_len = 0, payload_len = 0;
    char expected[256];
    int i;

    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 30, 3600, &m), JWTMINT_OK);
    CHECK_RC(jwtmint_now(&now), JWTMINT_OK);
    for (i = 0; i < 50; i++) {
        int64_t t = now + i * 7919;
        CHECK_RC(jwtmint_api_minter_mint(m, t, tok, sizeof tok, &tok_len), JWTMINT_OK);
        CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), t, 30, 3600, again,
                                        sizeof again, &again_len),
                 JWTMINT_OK);
        CHECK(tok_len == again_len && memcmp(tok, again, tok_len) == 0);
        CHECK_RC(jwtmint_verifier_verify(v, tok, tok_len, t, payload, sizeof payload,
                                         &payload_len),
                 JWTMINT_OK);
        snprintf(expected, sizeof expected, "{\"iss\":\"my-api-key\",\"iat\":%lld,\"exp\":%lld}",
                 (long long)(t - 30), (long long)(t - 30 + 3600));
        CHECK_BYTES(payload, payload_len, expected);
    }
    jwtmint_api_minter_free(m);
    jwtmint_verifier_free(v);
    jwtmint_key_free(key);
}

int main(void) {
    test_verifier_zoom();
    test_verifier_configured();
    test_round_trip();
    return check_finish("test_verify");
}
