/* The other Zoom extras through the C ABI: webhook signatures and the URL validation answer,
 * the API token cache, and jsrsasign-style secrets (Video SDK tokens are in test_videosdk.c).
 * Every function and every error path; nothing written on failure. Expected tokens,
 * signatures and answers come from fixtures.h (Python's stdlib), never from the library. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

#define NOW ((int64_t)FIXTURE_NOW)

/* ---- Webhooks ----------------------------------------------------------------------------- */

static jwtmint_webhook *make_webhook(void) {
    jwtmint_webhook *w = NULL;
    CHECK_RC(jwtmint_webhook_new(LIT(FIXTURE_HOOK_SECRET), &w), JWTMINT_OK);
    return w;
}

/* jwtmint_webhook_verify of C strings; checks that nothing is written on failure. */
static jwtmint_result hverify(const jwtmint_webhook *w, const char *ts, const char *body,
                              const char *sig, int64_t now) {
    uint64_t out = 0xABCDEF;
    jwtmint_result rc =
        jwtmint_webhook_verify(w, (const uint8_t *)ts, strlen(ts), (const uint8_t *)body,
                               strlen(body), (const uint8_t *)sig, strlen(sig), now, &out);
    if (rc != JWTMINT_OK) {
        CHECK(out == 0xABCDEF);
    }
    /* The same checks come first in the URL validation answer. */
    if (rc != JWTMINT_OK) {
        uint8_t *buf = poisoned(256);
        size_t len = SENTINEL_LEN;
        CHECK_RC(jwtmint_webhook_url_validation(w, (const uint8_t *)ts, strlen(ts),
                                                (const uint8_t *)body, strlen(body),
                                                (const uint8_t *)sig, strlen(sig), now, buf, 256,
                                                &len),
                 rc);
        CHECK_UNWRITTEN(buf, 256, len);
        free(buf);
    }
    return rc;
}

/* jwtmint_webhook_url_validation of C strings; checks that nothing is written on failure. */
static jwtmint_result hanswer(const jwtmint_webhook *w, const char *body, const char *sig,
                              char *answer /* 256 bytes, or NULL */) {
    uint8_t *buf = poisoned(256);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc = jwtmint_webhook_url_validation(
        w, LIT(FIXTURE_HOOK_TS), (const uint8_t *)body, strlen(body), (const uint8_t *)sig,
        strlen(sig), NOW, buf, 256, &len);
    return text_written(rc, buf, 256, len, answer);
}

static void test_webhook_new_and_sign(void) {
    jwtmint_webhook *w = NULL;
    jwtmint_webhook *const sentinel = (jwtmint_webhook *)&w;
    jwtmint_webhook *out = sentinel;
    uint8_t *buf;
    size_t len;

    CHECK_RC(jwtmint_webhook_new(LIT(FIXTURE_HOOK_SECRET), NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_new(NULL, 0, &out), JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_webhook_new((const uint8_t *)"x", 0, &out), JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_webhook_new(NULL, 4, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_new((const uint8_t *)"x", SIZE_MAX, &out), JWTMINT_INVALID_ARGUMENT);
    CHECK(out == sentinel);
    /* No minimum length: Zoom chooses the secret token. */
    CHECK_RC(jwtmint_webhook_new(LIT("x"), &out), JWTMINT_OK);
    CHECK(out != sentinel && out != NULL);
    jwtmint_webhook_free(out);
    jwtmint_webhook_free(NULL);

    w = make_webhook();
    CHECK(JWTMINT_WEBHOOK_SIGNATURE_LEN == 67);
    CHECK(JWTMINT_DEFAULT_WEBHOOK_TOLERANCE == 300);
    buf = poisoned(80);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_sign(w, 1700000000, LIT(FIXTURE_HOOK_BODY), buf, 80, &len),
             JWTMINT_OK);
    CHECK_BYTES(buf, len, FIXTURE_HOOK_SIGNATURE);
    CHECK(buf[67] == 0 && all_poisoned(buf + 68, 12));
    CHECK_RC(jwtmint_webhook_sign(w, 0, LIT(FIXTURE_HOOK_BODY), buf, 80, &len), JWTMINT_OK);
    CHECK_BYTES(buf, len, FIXTURE_HOOK_SIGNATURE_TS0);
    CHECK_RC(jwtmint_webhook_sign(w, UINT64_MAX, NULL, 0, buf, 80, &len), JWTMINT_OK);
    CHECK_BYTES(buf, len, FIXTURE_HOOK_SIGNATURE_EMPTY_MAX);
    memset(buf, 0xEE, 80);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_sign(w, 1700000000, LIT(FIXTURE_HOOK_BODY), buf, 66, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == JWTMINT_WEBHOOK_SIGNATURE_LEN);
    CHECK_RC(jwtmint_webhook_sign(w, 1700000000, LIT(FIXTURE_HOOK_BODY), NULL, 0, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == 67);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_sign(NULL, 1, LIT(FIXTURE_HOOK_BODY), buf, 80, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_sign(w, 1, NULL, 3, buf, 80, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_sign(w, 1, LIT(FIXTURE_HOOK_BODY), NULL, 80, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_sign(w, 1, LIT(FIXTURE_HOOK_BODY), buf, 80, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_UNWRITTEN(buf, 80, len);
    free(buf);
    jwtmint_webhook_free(w);
}

static void test_webhook_verify(void) {
    jwtmint_webhook *w = make_webhook();
    uint64_t ts = 0;
    char sig[80];

    /* The vector. */
    CHECK_RC(jwtmint_webhook_verify(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, &ts),
             JWTMINT_OK);
    CHECK(ts == 1700000000);
    CHECK_RC(jwtmint_webhook_verify(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, NULL),
             JWTMINT_OK);
    CHECK_RC(hverify(w, "0", FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE_TS0, 300), JWTMINT_OK);
    CHECK_RC(hverify(w, "18446744073709551615", "", FIXTURE_HOOK_SIGNATURE_EMPTY_MAX, INT64_MAX),
             JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);

    /* Tolerance: 300 s either way by default. */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW + 300),
             JWTMINT_OK);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW - 300),
             JWTMINT_OK);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW + 301),
             JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE); /* stale */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW - 301),
             JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE); /* from the future */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, INT64_MIN),
             JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    CHECK_RC(jwtmint_webhook_set_tolerance(w, 0), JWTMINT_OK);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW),
             JWTMINT_OK);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW + 1),
             JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    CHECK_RC(jwtmint_webhook_set_tolerance(w, UINT64_MAX), JWTMINT_OK);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, INT64_MIN),
             JWTMINT_OK);
    CHECK_RC(jwtmint_webhook_set_tolerance(w, JWTMINT_DEFAULT_WEBHOOK_TOLERANCE), JWTMINT_OK);
    CHECK_RC(jwtmint_webhook_set_tolerance(NULL, 1), JWTMINT_NULL_POINTER);

    /* Timestamps: 1 to 20 plain digits within 64 bits. */
    {
        static const char *const bad[] = {"",
                                          " 1700000000",
                                          "1700000000 ",
                                          "+1700000000",
                                          "-1",
                                          "1.5",
                                          "1e9",
                                          "0x10",
                                          "18446744073709551616",
                                          "000000000000000000001",
                                          "\xef\xbc\x91\xef\xbc\x97"}; /* full-width digits */
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            CHECK_RC(hverify(w, bad[i], FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW),
                     JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED);
        }
        /* A well-formed timestamp other than the signed one. */
        CHECK_RC(hverify(w, "1700000001", FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW),
                 JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
        /* Leading zeros are the same number but not the signed text. */
        CHECK_RC(hverify(w, "01700000000", FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW),
                 JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    }

    /* Signatures: prefix, length, lower-case hex, match. */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE + 3, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_PREFIX);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    sig[1] = '1'; /* v1= */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_PREFIX);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    sig[0] = 'V';
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_PREFIX);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, "", NOW),
             JWTMINT_WEBHOOK_SIGNATURE_PREFIX);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, "v0=", NOW),
             JWTMINT_WEBHOOK_SIGNATURE_LENGTH);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    sig[66] = '\0'; /* 63 digits */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_LENGTH);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    strcat(sig, "0"); /* 65 digits */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_LENGTH);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    strcat(sig, "\n"); /* a header value with its line end */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_LENGTH);
    strcpy(sig, "v0=89802A78F4471AC2B4D938060097AD6C70B85A41CDF00D14425B1C5E641D0918");
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_ENCODING); /* upper case: not what Zoom sends */
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    sig[10] = 'g';
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_ENCODING);
    strcpy(sig, FIXTURE_HOOK_SIGNATURE);
    sig[66] = sig[66] == '8' ? '9' : '8'; /* the last digit */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, sig, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, "{}", FIXTURE_HOOK_SIGNATURE, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY " ", FIXTURE_HOOK_SIGNATURE, NOW),
             JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    /* The signature is checked before the time: a forged request learns nothing about it. */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, "{}", FIXTURE_HOOK_SIGNATURE, 0),
             JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    {
        /* Another secret token. */
        jwtmint_webhook *other = NULL;
        CHECK_RC(jwtmint_webhook_new(LIT("ZOOM_WEBHOOK_SECRET_TOKEn"), &other), JWTMINT_OK);
        CHECK_RC(hverify(other, FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, NOW),
                 JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
        jwtmint_webhook_free(other);
    }

    /* Pointers. */
    ts = 7;
    CHECK_RC(jwtmint_webhook_verify(NULL, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, &ts),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_verify(w, NULL, 10, LIT(FIXTURE_HOOK_BODY),
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, &ts),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_verify(w, LIT(FIXTURE_HOOK_TS), NULL, 5, LIT(FIXTURE_HOOK_SIGNATURE),
                                    NOW, &ts),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_verify(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY), NULL, 67, NOW,
                                    &ts),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_verify(w, LIT(FIXTURE_HOOK_TS), (const uint8_t *)"x", SIZE_MAX,
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, &ts),
             JWTMINT_INVALID_ARGUMENT);
    /* (NULL, 0) is the empty input. */
    CHECK_RC(jwtmint_webhook_verify(w, NULL, 0, LIT(FIXTURE_HOOK_BODY),
                                    LIT(FIXTURE_HOOK_SIGNATURE), NOW, &ts),
             JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED);
    CHECK(ts == 7);
    jwtmint_webhook_free(w);
}

static jwtmint_result answer_fixture(const void *w, uint8_t *out, size_t cap, size_t *len) {
    return jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                          LIT(FIXTURE_HOOK_SIGNATURE), NOW, out, cap, len);
}

static void test_webhook_url_validation(void) {
    jwtmint_webhook *w = make_webhook();
    char answer[256];
    const size_t want = strlen(FIXTURE_HOOK_ANSWER);
    uint8_t *buf;
    size_t len;

    CHECK_RC(hanswer(w, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, answer), JWTMINT_OK);
    CHECK(strcmp(answer, FIXTURE_HOOK_ANSWER) == 0);
    CHECK(strstr(answer, FIXTURE_HOOK_ENCRYPTED) != NULL);

    /* Bodies that are signed correctly but are not a URL validation challenge. */
    CHECK_RC(hanswer(w, HOOK_BODY_WRONG_EVENT, HOOK_SIG_WRONG_EVENT, NULL),
             JWTMINT_UNEXPECTED_WEBHOOK_EVENT);
    CHECK_RC(hanswer(w, HOOK_BODY_EMPTY_PLAIN, HOOK_SIG_EMPTY_PLAIN, NULL),
             JWTMINT_INVALID_PLAIN_TOKEN);
    CHECK_RC(hanswer(w, HOOK_BODY_NO_PLAIN, HOOK_SIG_NO_PLAIN, NULL), JWTMINT_INVALID_PLAIN_TOKEN);
    CHECK_RC(hanswer(w, HOOK_BODY_NOT_JSON, HOOK_SIG_NOT_JSON, NULL),
             JWTMINT_WEBHOOK_BODY_MALFORMED);
    CHECK_RC(hanswer(w, HOOK_BODY_ARRAY, HOOK_SIG_ARRAY, NULL), JWTMINT_WEBHOOK_BODY_MALFORMED);
    CHECK_RC(hanswer(w, HOOK_BODY_DUP_EVENT, HOOK_SIG_DUP_EVENT, NULL),
             JWTMINT_WEBHOOK_BODY_MALFORMED);
    /* ... and these bodies pass the signature check alone. */
    CHECK_RC(hverify(w, FIXTURE_HOOK_TS, HOOK_BODY_DUP_EVENT, HOOK_SIG_DUP_EVENT, NOW),
             JWTMINT_OK);
    /* The signature comes first: a malformed body with a bad signature is a mismatch. */
    CHECK_RC(hanswer(w, HOOK_BODY_NOT_JSON, FIXTURE_HOOK_SIGNATURE, NULL),
             JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);

    /* The buffer contract (a too-small buffer only for a valid challenge, only *out_len). */
    check_output_contract("jwtmint_webhook_url_validation", answer_fixture, w,
                          FIXTURE_HOOK_ANSWER);

    /* Pointers. */
    buf = poisoned(want + 1);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_url_validation(NULL, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, buf, want, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, NULL, want, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, buf, want, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), NULL, 9,
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, buf, want, &len),
             JWTMINT_NULL_POINTER);
    CHECK_UNWRITTEN(buf, want + 1, len);
    free(buf);
    jwtmint_webhook_free(w);
}

/* ---- API token cache ---------------------------------------------------------------------- */

/* The cache's token at `now`, compared with `want`. */
static int cache_gives(const jwtmint_api_token_cache *c, int64_t now, const char *want) {
    uint8_t buf[256];
    size_t len = 0;
    return jwtmint_api_token_cache_token(c, now, buf, sizeof buf, &len) == JWTMINT_OK &&
           len == strlen(want) && memcmp(buf, want, len) == 0 && buf[len] == 0;
}

static void test_cache(void) {
    jwtmint_key *key = make_key(FIXTURE_SECRET);
    jwtmint_api_minter *m = NULL;
    jwtmint_api_token_cache *c = NULL;
    jwtmint_api_token_cache *const sentinel = (jwtmint_api_token_cache *)&c;
    jwtmint_api_token_cache *out = sentinel;
    /* TOKEN_KAT_API: iat NOW - 30, exp NOW + 3570: fresh until exp - 60. */
    const int64_t stale_at = NOW - 30 + 3600 - 60;
    char later[256];
    uint8_t *buf;
    size_t len;

    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 30, 3600, &m), JWTMINT_OK);
    jwtmint_key_free(key);

    CHECK_RC(jwtmint_api_token_cache_new(NULL, 60, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_token_cache_new(m, 60, NULL), JWTMINT_NULL_POINTER);
    /* skew + margin must be below the ttl: 30 + 3570 is not. */
    CHECK_RC(jwtmint_api_token_cache_new(m, 3570, &out), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_api_token_cache_new(m, UINT64_MAX, &out), JWTMINT_INVALID_ARGUMENT);
    CHECK(out == sentinel);
    CHECK_RC(jwtmint_api_token_cache_new(m, 3569, &out), JWTMINT_OK);
    jwtmint_api_token_cache_free(out);

    CHECK_RC(jwtmint_api_token_cache_new(m, JWTMINT_DEFAULT_REFRESH_MARGIN, &c), JWTMINT_OK);
    CHECK(JWTMINT_DEFAULT_REFRESH_MARGIN == 60);
    {
        /* The token for `stale_at`, from the minter itself. */
        size_t later_len = 0;
        CHECK_RC(jwtmint_api_minter_mint(m, stale_at, (uint8_t *)later, sizeof later, &later_len),
                 JWTMINT_OK);
        CHECK(strcmp(later, TOKEN_KAT_API) != 0);
    }
    jwtmint_api_minter_free(m); /* the cache keeps its own copy */

    CHECK(jwtmint_api_token_cache_mint_count(c) == 0);
    CHECK(cache_gives(c, NOW, TOKEN_KAT_API));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 1);
    CHECK(cache_gives(c, NOW + 1000, TOKEN_KAT_API));
    CHECK(cache_gives(c, NOW - 30, TOKEN_KAT_API)); /* its iat */
    CHECK(cache_gives(c, stale_at - 1, TOKEN_KAT_API));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 1);
    CHECK(cache_gives(c, stale_at, later));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 2);
    CHECK(cache_gives(c, stale_at + 100, later));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 2);
    /* A clock that went back before the cached token's iat: a new one. */
    CHECK(cache_gives(c, NOW, TOKEN_KAT_API));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 3);
    /* clear forgets it. */
    CHECK_RC(jwtmint_api_token_cache_clear(c), JWTMINT_OK);
    CHECK(cache_gives(c, NOW, TOKEN_KAT_API));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 4);

    /* A buffer too small: only the length, and the token stays cached. */
    buf = poisoned(256);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_api_token_cache_token(c, stale_at, buf, 10, &len), JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == strlen(later) && all_poisoned(buf, 256));
    CHECK_RC(jwtmint_api_token_cache_token(c, stale_at, NULL, 0, &len), JWTMINT_BUFFER_TOO_SMALL);
    CHECK(jwtmint_api_token_cache_mint_count(c) == 5);
    CHECK(cache_gives(c, stale_at, later));
    CHECK(jwtmint_api_token_cache_mint_count(c) == 5);

    /* Failures cache nothing and write nothing. */
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_api_token_cache_token(c, INT64_MAX, buf, 256, &len), JWTMINT_TIME_OVERFLOW);
    CHECK_RC(jwtmint_api_token_cache_token(c, INT64_MIN, buf, 256, &len), JWTMINT_TIME_OVERFLOW);
    CHECK_RC(jwtmint_api_token_cache_token(NULL, NOW, buf, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_token_cache_token(c, NOW, NULL, 256, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_token_cache_token(c, NOW, buf, 256, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_api_token_cache_token(c, NOW, buf, SIZE_MAX, &len), JWTMINT_INVALID_ARGUMENT);
    CHECK_UNWRITTEN(buf, 256, len);
    CHECK(jwtmint_api_token_cache_mint_count(c) == 5);
    CHECK(cache_gives(c, stale_at, later));
    free(buf);

    CHECK_RC(jwtmint_api_token_cache_clear(NULL), JWTMINT_NULL_POINTER);
    CHECK(jwtmint_api_token_cache_mint_count(NULL) == 0);
    jwtmint_api_token_cache_free(c);
    jwtmint_api_token_cache_free(NULL);
}

/* ---- jsrsasign-compatible secrets --------------------------------------------------------- */

static void test_jsrsasign_secret(void) {
    /* FIXTURE_SECRET's bytes in hex: even-length hex is decoded. */
    static const char hex[] =
        "6d792d7a6f6f6d2d6170692d7365637265742d6f662d33362d6368617261637465727321";
    /* The Zoom API token each secret text gives in an encoding, or (`same` 0) must not give. */
    static const struct {
        const char *text;
        jwtmint_secret_encoding encoding;
        const char *token;
        int same;
    } cases[] = {
        {FIXTURE_JSR_TEXT, JWTMINT_SECRET_JSRSASIGN_COMPAT, TOKEN_JSR_API, 1},
        {FIXTURE_JSR_TEXT, JWTMINT_SECRET_UTF8, TOKEN_JSR_API, 0}, /* UTF-8: another key */
        {hex, JWTMINT_SECRET_JSRSASIGN_COMPAT, TOKEN_KAT_API, 1},
        {FIXTURE_SECRET, JWTMINT_SECRET_JSRSASIGN_COMPAT, TOKEN_KAT_API, 1},
    };
    jwtmint_key *key = NULL;
    uint8_t tok[256];
    size_t len = 0, i;

    CHECK(JWTMINT_SECRET_JSRSASIGN_COMPAT == 4);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_RC(jwtmint_key_new_encoded((const uint8_t *)cases[i].text, strlen(cases[i].text),
                                         cases[i].encoding, &key),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), NOW, 30, 3600, tok,
                                        sizeof tok, &len),
                 JWTMINT_OK);
        CHECK((len == strlen(cases[i].token) && memcmp(tok, cases[i].token, len) == 0) ==
              cases[i].same);
        jwtmint_key_free(key);
    }

    /* 32 hex digits decode to 16 bytes: too short. Odd-length hex is text. */
    key = (jwtmint_key *)&len;
    CHECK_RC(jwtmint_key_new_encoded(LIT("0123456789abcdef0123456789abcdef"),
                                     JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_WEAK_SECRET);
    CHECK_RC(jwtmint_key_new_encoded(NULL, 0, JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_EMPTY_SECRET);
    CHECK_RC(jwtmint_key_new_encoded(LIT("\xff"), JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_INVALID_UTF8);
    CHECK(key == (jwtmint_key *)&len);
    CHECK_RC(jwtmint_key_new_encoded(LIT("0123456789abcdef0123456789abcdef0"),
                                     JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_OK);
    jwtmint_key_free(key);
}

int main(void) {
    test_webhook_new_and_sign();
    test_webhook_verify();
    test_webhook_url_validation();
    test_cache();
    test_jsrsasign_secret();
    return check_finish("test_zoom");
}
