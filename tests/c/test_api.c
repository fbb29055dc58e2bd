/* The general API of jwtmint.h, every function and every error path: versions, result
 * codes, keys, minting (minter, one call, claims JSON) and the clock. The verifier is in
 * test_verify.c, the Zoom extras in test_videosdk.c and test_zoom.c. Expected tokens come
 * from fixtures.h (Python's stdlib), never from the library. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

static void test_version(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", JWTMINT_VERSION_MAJOR, JWTMINT_VERSION_MINOR,
             JWTMINT_VERSION_PATCH);
    CHECK(jwtmint_version() != NULL);
    CHECK(strcmp(jwtmint_version(), expected) == 0);
    CHECK(jwtmint_abi_version() == JWTMINT_ABI_VERSION);
}

/* Every constant of the header, with the name the library must give it. */
static const struct {
    jwtmint_result code;
    const char *name;
} CODES[] = {
    {JWTMINT_OK, "ok"},
    {JWTMINT_EMPTY_SECRET, "empty_secret"},
    {JWTMINT_WEAK_SECRET, "weak_secret"},
    {JWTMINT_INVALID_SECRET_ENCODING, "invalid_secret_encoding"},
    {JWTMINT_INVALID_ARGUMENT, "invalid_argument"},
    {JWTMINT_TIME_OVERFLOW, "time_overflow"},
    {JWTMINT_CLOCK, "clock"},
    {JWTMINT_CLAIMS_NOT_AN_OBJECT, "claims_not_an_object"},
    {JWTMINT_SERIALIZE, "serialize"},
    {JWTMINT_BUFFER_TOO_SMALL, "buffer_too_small"},
    {JWTMINT_TOO_LONG, "too_long"},
    {JWTMINT_SEGMENT_COUNT, "segment_count"},
    {JWTMINT_EMPTY_SEGMENT, "empty_segment"},
    {JWTMINT_INVALID_BASE64, "invalid_base64"},
    {JWTMINT_INVALID_JSON, "invalid_json"},
    {JWTMINT_NOT_AN_OBJECT, "not_an_object"},
    {JWTMINT_DUPLICATE_MEMBER, "duplicate_member"},
    {JWTMINT_MISSING_ALGORITHM, "missing_algorithm"},
    {JWTMINT_UNSUPPORTED_ALGORITHM, "unsupported_algorithm"},
    {JWTMINT_UNSUPPORTED_TYPE, "unsupported_type"},
    {JWTMINT_CRITICAL_HEADER, "critical_header"},
    {JWTMINT_UNSUPPORTED_HEADER, "unsupported_header"},
    {JWTMINT_INVALID_SIGNATURE, "invalid_signature"},
    {JWTMINT_EXPIRED, "expired"},
    {JWTMINT_NOT_YET_VALID, "not_yet_valid"},
    {JWTMINT_ISSUED_IN_FUTURE, "issued_in_future"},
    {JWTMINT_MISSING_CLAIM, "missing_claim"},
    {JWTMINT_MALFORMED_CLAIM, "malformed_claim"},
    {JWTMINT_ISSUER_MISMATCH, "issuer_mismatch"},
    {JWTMINT_AUDIENCE_MISMATCH, "audience_mismatch"},
    {JWTMINT_CLAIMS_TYPE, "claims_type"},
    {JWTMINT_EMPTY_FIELD, "empty_field"},
    {JWTMINT_FIELD_TOO_LONG, "field_too_long"},
    {JWTMINT_UNKNOWN_GEO_REGION, "unknown_geo_region"},
    {JWTMINT_DUPLICATE_GEO_REGION, "duplicate_geo_region"},
    {JWTMINT_LIFETIME_OUT_OF_RANGE, "lifetime_out_of_range"},
    {JWTMINT_APP_KEY_MISMATCH, "app_key_mismatch"},
    {JWTMINT_INVALID_VIDEO_SDK_CLAIM, "invalid_video_sdk_claim"},
    {JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED, "webhook_timestamp_malformed"},
    {JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE, "webhook_timestamp_out_of_tolerance"},
    {JWTMINT_WEBHOOK_SIGNATURE_PREFIX, "webhook_signature_prefix"},
    {JWTMINT_WEBHOOK_SIGNATURE_LENGTH, "webhook_signature_length"},
    {JWTMINT_WEBHOOK_SIGNATURE_ENCODING, "webhook_signature_encoding"},
    {JWTMINT_WEBHOOK_SIGNATURE_MISMATCH, "webhook_signature_mismatch"},
    {JWTMINT_WEBHOOK_BODY_MALFORMED, "webhook_body_malformed"},
    {JWTMINT_UNEXPECTED_WEBHOOK_EVENT, "unexpected_webhook_event"},
    {JWTMINT_INVALID_PLAIN_TOKEN, "invalid_plain_token"},
    {JWTMINT_NULL_POINTER, "null_pointer"},
    {JWTMINT_INVALID_UTF8, "invalid_utf8"},
    {JWTMINT_PANIC, "panic"},
};

static void test_result_codes(void) {
    size_t i, j;
    for (i = 0; i < sizeof CODES / sizeof CODES[0]; i++) {
        const char *name = jwtmint_result_name(CODES[i].code);
        const char *msg = jwtmint_result_str(CODES[i].code);
        CHECK(name != NULL && strcmp(name, CODES[i].name) == 0);
        CHECK(msg != NULL && strlen(msg) > 0 && strcmp(msg, "unknown result code") != 0);
        /* Stable: the same static text on every call. */
        CHECK(jwtmint_result_str(CODES[i].code) == msg);
        for (j = 0; j < i; j++) {
            CHECK(CODES[j].code != CODES[i].code);
        }
    }
    CHECK(strcmp(jwtmint_result_str(JWTMINT_OK), "success") == 0);
    CHECK(strcmp(jwtmint_result_str(JWTMINT_EXPIRED), "the token has expired") == 0);
    CHECK(strcmp(jwtmint_result_str(JWTMINT_NULL_POINTER), "a required pointer argument is NULL") ==
          0);
    /* Unknown codes: fixed, never NULL. */
    CHECK(strcmp(jwtmint_result_str(1), "unknown result code") == 0);
    CHECK(strcmp(jwtmint_result_str(999), "unknown result code") == 0);
    CHECK(strcmp(jwtmint_result_str(UINT32_MAX), "unknown result code") == 0);
    CHECK(strcmp(jwtmint_result_name(12345), "unknown") == 0);
}

static void test_key(void) {
    jwtmint_key *key = NULL;
    jwtmint_key *const sentinel = (jwtmint_key *)&key; /* any recognizable non-NULL value */
    jwtmint_key *out;
    static const uint8_t secret[] = FIXTURE_SECRET;

    key = make_key(FIXTURE_SECRET);
    jwtmint_key_free(key);
    jwtmint_key_free(NULL); /* a no-op */

    /* Pointers. */
    CHECK_RC(jwtmint_key_new(secret, 36, NULL), JWTMINT_NULL_POINTER);
    out = sentinel;
    CHECK_RC(jwtmint_key_new(NULL, 36, &out), JWTMINT_NULL_POINTER);
    CHECK(out == sentinel);
    /* (NULL, 0) is the empty secret. */
    CHECK_RC(jwtmint_key_new(NULL, 0, &out), JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_key_new(secret, 0, &out), JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_key_new(secret, 31, &out), JWTMINT_WEAK_SECRET);
    CHECK_RC(jwtmint_key_new(secret, SIZE_MAX, &out), JWTMINT_INVALID_ARGUMENT);
    CHECK(out == sentinel);
    /* 32 bytes is enough, and any bytes are a secret (NULs included). */
    {
        uint8_t zeros[32] = {0};
        CHECK_RC(jwtmint_key_new(zeros, sizeof zeros, &out), JWTMINT_OK);
        CHECK(out != sentinel && out != NULL);
        jwtmint_key_free(out);
    }
}

/* Mints the fixture token with `key` and compares it with the one Python computed. */
static int mints_the_fixture(const jwtmint_key *key) {
    uint8_t buf[256];
    size_t len = 0;
    jwtmint_result rc = jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 3600,
                                               buf, sizeof buf, &len);
    return rc == JWTMINT_OK && len == strlen(TOKEN_KAT_API) &&
           memcmp(buf, TOKEN_KAT_API, len) == 0;
}

static void test_key_encoded(void) {
    /* FIXTURE_SECRET in each encoding (its bytes in hex and base64, from Python's binascii). */
    static const char hex[] =
        "6D792D7A6F6F6D2D6170692D7365637265742D6F662D33362D63686172616374657273"
        "21";
    static const char hex_lower[] =
        "6d792d7a6f6f6d2d6170692d7365637265742d6f662d33362d63686172616374657273"
        "21";
    static const char b64[] = "bXktem9vbS1hcGktc2VjcmV0LW9mLTM2LWNoYXJhY3RlcnMh";
    static const struct {
        const char *text;
        jwtmint_secret_encoding encoding;
    } same[] = {
        {FIXTURE_SECRET, JWTMINT_SECRET_UTF8},
        {hex, JWTMINT_SECRET_HEX},
        {hex_lower, JWTMINT_SECRET_HEX},
        {b64, JWTMINT_SECRET_BASE64},
        {b64, JWTMINT_SECRET_BASE64URL},
    };
    jwtmint_key *key;
    jwtmint_key *const sentinel = (jwtmint_key *)&key;
    size_t i;

    for (i = 0; i < sizeof same / sizeof same[0]; i++) {
        key = NULL;
        CHECK_RC(jwtmint_key_new_encoded((const uint8_t *)same[i].text, strlen(same[i].text),
                                         same[i].encoding, &key),
                 JWTMINT_OK);
        CHECK(mints_the_fixture(key));
        jwtmint_key_free(key);
    }

    key = sentinel;
    CHECK_RC(jwtmint_key_new_encoded(LIT("zz"), JWTMINT_SECRET_HEX, &key),
             JWTMINT_INVALID_SECRET_ENCODING);
    CHECK_RC(jwtmint_key_new_encoded(LIT("abc"), JWTMINT_SECRET_HEX, &key),
             JWTMINT_INVALID_SECRET_ENCODING);
    CHECK_RC(jwtmint_key_new_encoded(LIT("a-b_"), JWTMINT_SECRET_BASE64, &key),
             JWTMINT_INVALID_SECRET_ENCODING);
    CHECK_RC(jwtmint_key_new_encoded(LIT("a+b/"), JWTMINT_SECRET_BASE64URL, &key),
             JWTMINT_INVALID_SECRET_ENCODING);
    CHECK_RC(jwtmint_key_new_encoded(LIT("00112233"), JWTMINT_SECRET_HEX, &key),
             JWTMINT_WEAK_SECRET);
    CHECK_RC(jwtmint_key_new_encoded(NULL, 0, JWTMINT_SECRET_HEX, &key), JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_SECRET), 5, &key), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_SECRET), UINT32_MAX, &key),
             JWTMINT_INVALID_ARGUMENT);
    /* The text must be UTF-8, whatever the encoding. */
    CHECK_RC(jwtmint_key_new_encoded(LIT("\xff\xfe secret of more than 32 bytes......"),
                                     JWTMINT_SECRET_UTF8, &key),
             JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_key_new_encoded(NULL, 4, JWTMINT_SECRET_UTF8, &key), JWTMINT_NULL_POINTER);
    CHECK(key == sentinel);
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_SECRET), JWTMINT_SECRET_UTF8, NULL),
             JWTMINT_NULL_POINTER);
}

static jwtmint_result mint_kat(const void *minter, uint8_t *out, size_t cap, size_t *len) {
    return jwtmint_api_minter_mint(minter, FIXTURE_NOW, out, cap, len);
}

static void test_api_minter(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    jwtmint_api_minter *m = NULL;
    jwtmint_api_minter *const sentinel = (jwtmint_api_minter *)&m;
    jwtmint_api_minter *out;
    const size_t want = strlen(TOKEN_KAT_API);
    uint8_t *buf;
    size_t len;

    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), JWTMINT_DEFAULT_SKEW,
                                    JWTMINT_DEFAULT_TTL, &m),
             JWTMINT_OK);
    /* The minter keeps its own reference: the key may go first. */
    jwtmint_key_free(key);
    key = NULL;
    CHECK(jwtmint_api_minter_max_token_len(m) >= want);
    CHECK(jwtmint_api_minter_max_token_len(NULL) == 0);

    /* The buffer contract: room to spare, exactly the token, one byte short, (NULL, 0). */
    check_output_contract("jwtmint_api_minter_mint", mint_kat, m, TOKEN_KAT_API);

    /* NULL pointers write nothing. */
    buf = poisoned(256);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_api_minter_mint(NULL, FIXTURE_NOW, buf, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_mint(m, FIXTURE_NOW, NULL, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_mint(m, FIXTURE_NOW, buf, 256, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_mint(m, FIXTURE_NOW, buf, SIZE_MAX, &len),
             JWTMINT_INVALID_ARGUMENT);
    CHECK_UNWRITTEN(buf, 256, len);

    /* Time arithmetic never wraps. */
    CHECK_RC(jwtmint_api_minter_mint(m, INT64_MIN, buf, 256, &len), JWTMINT_TIME_OVERFLOW);
    CHECK_RC(jwtmint_api_minter_mint(m, INT64_MAX, buf, 256, &len), JWTMINT_TIME_OVERFLOW);
    CHECK_UNWRITTEN(buf, 256, len);
    free(buf);
    jwtmint_api_minter_free(m);
    jwtmint_api_minter_free(NULL);

    /* Construction errors. */
    key = make_key(FIXTURE_SECRET);
    out = sentinel;
    CHECK_RC(jwtmint_api_minter_new(NULL, LIT(FIXTURE_API_KEY), 30, 3600, &out),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 30, 3600, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_new(key, NULL, 3, 30, 3600, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_minter_new(key, NULL, 0, 30, 3600, &out), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_api_minter_new(key, LIT("key\xc3"), 30, 3600, &out), JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_api_minter_new(key, LIT("\xed\xa0\x80"), 30, 3600, &out),
             JWTMINT_INVALID_UTF8); /* an encoded surrogate is not UTF-8 */
    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 30, 0, &out),
             JWTMINT_INVALID_ARGUMENT);
    CHECK(out == sentinel);

    /* A skew not shorter than the ttl: every token would be born expired. */
    {
        jwtmint_result rc = jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 3600, 3600, &m);
        if (rc == JWTMINT_OK) {
            uint8_t tok[256];
            len = SENTINEL_LEN;
            rc = jwtmint_api_minter_mint(m, FIXTURE_NOW, tok, sizeof tok, &len);
            CHECK(len == SENTINEL_LEN);
            jwtmint_api_minter_free(m);
        }
        CHECK_RC(rc, JWTMINT_INVALID_ARGUMENT);
    }

    /* Zero skew: iat is now. */
    {
        jwtmint_verifier *v = make_zoom_verifier(key, FIXTURE_API_KEY);
        uint8_t tok[256], payload[256];
        size_t tok_len = 0, payload_len = 0;
        CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 0, 60, tok,
                                        sizeof tok, &tok_len),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_verifier_verify(v, tok, tok_len, FIXTURE_NOW, payload, sizeof payload,
                                         &payload_len),
                 JWTMINT_OK);
        CHECK_BYTES(payload, payload_len,
                    "{\"iss\":\"my-api-key\",\"iat\":1700000000,\"exp\":1700000060}");
        jwtmint_verifier_free(v);
    }
    jwtmint_key_free(key);
}

static void test_mint_api_token(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    uint8_t *buf = poisoned(256);
    size_t len = SENTINEL_LEN;

    CHECK(mints_the_fixture(key));
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 3600, NULL, 0,
                                    &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == strlen(TOKEN_KAT_API));
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_mint_api_token(NULL, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 3600, buf, 256,
                                    &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_api_token(key, NULL, 1, FIXTURE_NOW, 30, 3600, buf, 256, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 3600, buf, 256,
                                    NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 3600, NULL, 256,
                                    &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_api_token(key, LIT("\x80"), FIXTURE_NOW, 30, 3600, buf, 256, &len),
             JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_mint_api_token(key, NULL, 0, FIXTURE_NOW, 30, 3600, buf, 256, &len),
             JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), FIXTURE_NOW, 30, 0, buf, 256, &len),
             JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), INT64_MAX, 30, 3600, buf, 256,
                                    &len),
             JWTMINT_TIME_OVERFLOW);
    CHECK_UNWRITTEN(buf, 256, len);
    free(buf);
    jwtmint_key_free(key);
}

static void test_mint_json(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    uint8_t *buf = poisoned(256);
    size_t len = SENTINEL_LEN;
    const size_t want = strlen(TOKEN_KAT_JSON);
    static const struct {
        const char *json;
        jwtmint_result rc;
    } bad[] = {
        {"{\"a\":1,\"a\":2}", JWTMINT_DUPLICATE_MEMBER},
        {"{\"x\":{\"b\":1,\"b\":1}}", JWTMINT_DUPLICATE_MEMBER},
        {"[1]", JWTMINT_CLAIMS_NOT_AN_OBJECT},
        {"\"text\"", JWTMINT_CLAIMS_NOT_AN_OBJECT},
        {"{\"exp\":\"soon\"}", JWTMINT_MALFORMED_CLAIM},
        {"{\"exp\":null}", JWTMINT_MALFORMED_CLAIM},
        {"{\"iss\":5}", JWTMINT_MALFORMED_CLAIM},
        {"{\"aud\":[1]}", JWTMINT_MALFORMED_CLAIM},
        {"{", JWTMINT_INVALID_JSON},
        {"{} {}", JWTMINT_INVALID_JSON},
        {"{\"a\":\"\xff\"}", JWTMINT_INVALID_JSON},
        {"", JWTMINT_INVALID_JSON},
    };
    size_t i;

    CHECK_RC(jwtmint_mint_json(key, LIT(PAYLOAD_KAT_JSON), buf, 256, &len), JWTMINT_OK);
    CHECK_BYTES(buf, len, TOKEN_KAT_JSON);
    CHECK(buf[want] == 0);
    free(buf);

    buf = poisoned(256);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        len = SENTINEL_LEN;
        CHECK_RC(jwtmint_mint_json(key, (const uint8_t *)bad[i].json, strlen(bad[i].json), buf,
                                   256, &len),
                 bad[i].rc);
        CHECK(len == SENTINEL_LEN);
    }
    CHECK_RC(jwtmint_mint_json(key, NULL, 0, buf, 256, &len), JWTMINT_INVALID_JSON);
    CHECK_RC(jwtmint_mint_json(key, NULL, 5, buf, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_json(NULL, LIT(PAYLOAD_KAT_JSON), buf, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_json(key, LIT(PAYLOAD_KAT_JSON), buf, 256, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_mint_json(key, LIT(PAYLOAD_KAT_JSON), NULL, 1, &len), JWTMINT_NULL_POINTER);
    CHECK(len == SENTINEL_LEN);
    CHECK_RC(jwtmint_mint_json(key, LIT(PAYLOAD_KAT_JSON), buf, want - 1, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);
    CHECK(all_poisoned(buf, 256));
    free(buf);
    jwtmint_key_free(key);
}

static void test_now(void) {
    int64_t now = 0;
    time_t before = time(NULL);
    CHECK_RC(jwtmint_now(&now), JWTMINT_OK);
    CHECK(now >= (int64_t)before - 1 && now <= (int64_t)time(NULL) + 1);
    CHECK_RC(jwtmint_now(NULL), JWTMINT_NULL_POINTER);
}

int main(void) {
    test_version();
    test_result_codes();
    test_key();
    test_key_encoded();
    test_api_minter();
    test_mint_api_token();
    test_mint_json();
    test_now();
    return check_finish("test_api");
}
