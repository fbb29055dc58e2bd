/* The Zoom extras through the C ABI: Video SDK session tokens (options, minting, verifying),
 * webhook signatures and the URL validation answer, the API token cache, and jsrsasign-style
 * secrets. Every function and every error path; nothing written on failure. Expected tokens,
 * signatures and answers come from fixtures.h (Python's stdlib), never from the library. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

#define SENTINEL_LEN ((size_t)0xDEADBEEF)
#define NOW ((int64_t)FIXTURE_NOW)

static uint8_t *poisoned(size_t n) {
    uint8_t *p = malloc(n ? n : 1);
    if (p == NULL) {
        abort();
    }
    memset(p, 0xEE, n ? n : 1);
    return p;
}

static int all_poisoned(const uint8_t *p, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (p[i] != 0xEE) {
            return 0;
        }
    }
    return 1;
}

static jwtmint_key *make_key(const char *secret) {
    jwtmint_key *key = NULL;
    CHECK_RC(jwtmint_key_new((const uint8_t *)secret, strlen(secret), &key), JWTMINT_OK);
    return key;
}

/* Points a text field of the options at a C string. */
#define SET(opts, field, s)                                                                    \
    do {                                                                                       \
        (opts).field = (const uint8_t *)(s);                                                   \
        (opts).field##_len = strlen(s);                                                        \
    } while (0)

/* ---- Video SDK: options ------------------------------------------------------------------- */

static void test_options_init(void) {
    jwtmint_videosdk_options o;
    uint8_t before[sizeof o];

    memset(&o, 0xEE, sizeof o);
    memcpy(before, &o, sizeof o);
    CHECK_RC(jwtmint_videosdk_options_init(&o, 0), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o - 1), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o + 8), JWTMINT_INVALID_ARGUMENT);
    CHECK_RC(jwtmint_videosdk_options_init(&o, SIZE_MAX), JWTMINT_INVALID_ARGUMENT);
    CHECK(memcmp(before, &o, sizeof o) == 0);
    CHECK_RC(jwtmint_videosdk_options_init(NULL, sizeof o), JWTMINT_NULL_POINTER);

    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o), JWTMINT_OK);
    CHECK(o.struct_size == sizeof o);
    CHECK(o.app_key == NULL && o.app_key_len == 0);
    CHECK(o.tpc == NULL && o.tpc_len == 0);
    CHECK(o.user_identity == NULL && o.user_identity_len == 0);
    CHECK(o.session_key == NULL && o.session_key_len == 0);
    CHECK(o.geo_regions == NULL && o.geo_regions_len == 0);
    CHECK(o.telemetry_tracking_id == NULL && o.telemetry_tracking_id_len == 0);
    CHECK(o.ttl == 7200 && o.ttl == JWTMINT_VIDEOSDK_DEFAULT_TTL);
    CHECK(o.skew == 30 && o.skew == JWTMINT_DEFAULT_SKEW);
    CHECK(o.role == -1 && o.role == JWTMINT_VIDEOSDK_UNSET);
    CHECK(o.cloud_recording_option == -1 && o.cloud_recording_election == -1);
    CHECK(o.video_webrtc_mode == -1 && o.audio_webrtc_mode == -1);
    CHECK(JWTMINT_VIDEOSDK_MIN_TTL == 1800 && JWTMINT_VIDEOSDK_MAX_TTL == 172800);
    CHECK(JWTMINT_VIDEOSDK_ROLE_PARTICIPANT == 0 && JWTMINT_VIDEOSDK_ROLE_HOST == 1);
}

/* Options for the VSDK_MIN fixture. */
static jwtmint_videosdk_options min_options(void) {
    jwtmint_videosdk_options o;
    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o), JWTMINT_OK);
    SET(o, app_key, FIXTURE_VSDK_KEY);
    SET(o, tpc, FIXTURE_VSDK_TPC);
    o.role = JWTMINT_VIDEOSDK_ROLE_HOST;
    return o;
}

/* Options for the VSDK_ALL fixture (to be minted at NOW). */
static jwtmint_videosdk_options all_options(void) {
    jwtmint_videosdk_options o;
    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o), JWTMINT_OK);
    SET(o, app_key, FIXTURE_VSDK_KEY);
    SET(o, tpc, "room-1");
    o.role = JWTMINT_VIDEOSDK_ROLE_PARTICIPANT;
    SET(o, user_identity, "user-42");
    SET(o, session_key, "session-key-1");
    SET(o, geo_regions, "US,DE");
    SET(o, telemetry_tracking_id, "tt-1");
    o.cloud_recording_option = 1;
    o.cloud_recording_election = 0;
    o.video_webrtc_mode = 1;
    o.audio_webrtc_mode = 0;
    o.ttl = 1800;
    o.skew = 0;
    return o;
}

/* Mints with `o` at `now` into a poisoned buffer; on failure checks that nothing was written.
 * On success copies the token to `tok` (of 2048 bytes) if not NULL. */
static jwtmint_result mint_with(const jwtmint_key *key, const jwtmint_videosdk_options *o,
                                int64_t now, char *tok) {
    uint8_t *out = poisoned(2048);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc = jwtmint_videosdk_mint(key, o, now, out, 2048, &len);
    if (rc == JWTMINT_OK) {
        CHECK(len < 2048 && out[len] == 0);
        if (tok != NULL) {
            memcpy(tok, out, len + 1);
        }
    } else {
        CHECK(len == SENTINEL_LEN);
        CHECK(all_poisoned(out, 2048));
    }
    free(out);
    return rc;
}

/* Mints with `o` at `now` and returns the claims the Video SDK verifier reads back at `now`
 * (in `claims`, of 2048 bytes), or the first failing code. */
static jwtmint_result mint_and_read(const jwtmint_key *key, const jwtmint_videosdk_options *o,
                                    int64_t now, char *claims) {
    char tok[2048];
    jwtmint_videosdk_verifier *v = NULL;
    size_t len = 0;
    jwtmint_result rc = mint_with(key, o, now, tok);
    if (rc != JWTMINT_OK) {
        return rc;
    }
    CHECK_RC(jwtmint_videosdk_verifier_new(key, o->app_key, o->app_key_len, &v), JWTMINT_OK);
    rc = jwtmint_videosdk_verifier_verify(v, (const uint8_t *)tok, strlen(tok), now,
                                          (uint8_t *)claims, 2048, &len);
    jwtmint_videosdk_verifier_free(v);
    return rc;
}

static void test_videosdk_mint(void) {
    jwtmint_key *key = make_key(FIXTURE_VSDK_SECRET);
    jwtmint_videosdk_options o = min_options();
    const size_t want = strlen(VSDK_MIN);
    uint8_t *buf;
    size_t len;
    char tok[2048];

    /* The fixtures, byte for byte. */
    buf = poisoned(want + 10);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, want + 10, &len), JWTMINT_OK);
    CHECK_BYTES(buf, len, VSDK_MIN);
    CHECK(buf[want] == 0);
    CHECK(all_poisoned(buf + want + 1, 9));
    free(buf);
    o = all_options();
    CHECK_RC(mint_with(key, &o, NOW, tok), JWTMINT_OK);
    CHECK(strcmp(tok, VSDK_ALL) == 0);

    /* Buffer sizes: exact (no NUL), one short, (NULL, 0). */
    o = min_options();
    buf = poisoned(want + 1);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, want, &len), JWTMINT_OK);
    CHECK_BYTES(buf, len, VSDK_MIN);
    CHECK(buf[want] == 0xEE);
    memset(buf, 0xEE, want + 1);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, want - 1, &len), JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);
    CHECK(all_poisoned(buf, want + 1));
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, NULL, 0, &len), JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);

    /* Pointers. */
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_mint(NULL, &o, NOW, buf, want + 1, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, NULL, NOW, buf, want + 1, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, want + 1, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, NULL, 5, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, SIZE_MAX, &len), JWTMINT_INVALID_ARGUMENT);
    CHECK(len == SENTINEL_LEN);
    CHECK(all_poisoned(buf, want + 1));
    free(buf);
    o = min_options();
    o.tpc = NULL; /* with a non-zero length */
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_NULL_POINTER);
    o = min_options();
    o.user_identity = NULL;
    o.user_identity_len = 3;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_NULL_POINTER);
    o = min_options();
    o.session_key_len = SIZE_MAX;
    o.session_key = (const uint8_t *)"x";
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_ARGUMENT);

    /* Options not made by _init: a zeroed struct, another size. */
    memset(&o, 0, sizeof o);
    SET(o, app_key, FIXTURE_VSDK_KEY);
    SET(o, tpc, "room");
    o.role = 1;
    o.ttl = 3600;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_ARGUMENT);
    o.struct_size = sizeof o - 1;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_ARGUMENT);
    o.struct_size = sizeof o;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);

    /* Required fields. */
    o = min_options();
    o.tpc = NULL;
    o.tpc_len = 0;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_EMPTY_FIELD);
    SET(o, tpc, "");
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_EMPTY_FIELD);
    o = min_options();
    o.app_key = NULL;
    o.app_key_len = 0;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_EMPTY_FIELD);

    /* Role: required, 0 or 1. */
    o = min_options();
    o.role = JWTMINT_VIDEOSDK_UNSET;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    o.role = 2;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    o.role = INT32_MIN;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);

    /* Flags: -1, 0 or 1. */
    o = min_options();
    o.cloud_recording_option = 2;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    o = min_options();
    o.audio_webrtc_mode = -2;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    o = min_options();
    o.video_webrtc_mode = INT32_MAX;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    o = min_options();
    o.cloud_recording_election = 7;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_VIDEO_SDK_CLAIM);

    /* Lengths, in UTF-16 code units. */
    {
        char text[1024];
        size_t i;
        o = min_options();
        for (i = 0; i < 200; i++) {
            memcpy(text + 2 * i, "\xc3\xa9", 2); /* 200 x U+00E9: 400 bytes, 200 units */
        }
        text[400] = '\0';
        SET(o, tpc, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);
        memset(text, 'a', 201);
        text[201] = '\0';
        SET(o, tpc, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_FIELD_TOO_LONG);
        /* 199 characters, the last an emoji: 200 characters but 201 units. */
        memcpy(text + 199, "\xf0\x9f\x98\x80", 5);
        SET(o, tpc, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_FIELD_TOO_LONG);
        o = min_options();
        memset(text, 'u', 35);
        text[35] = '\0';
        SET(o, user_identity, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);
        text[35] = 'u';
        text[36] = '\0';
        SET(o, user_identity, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_FIELD_TOO_LONG);
        o = min_options();
        SET(o, session_key, text); /* 36 */
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);
        text[36] = 's';
        text[37] = '\0';
        SET(o, session_key, text);
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_FIELD_TOO_LONG);
    }

    /* Text must be UTF-8. */
    o = min_options();
    SET(o, tpc, "room \xff");
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_UTF8);
    o = min_options();
    SET(o, telemetry_tracking_id, "\xed\xa0\x80"); /* an encoded surrogate */
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_UTF8);

    /* Geo regions: exact codes, no repeats, no empty items. */
    {
        static const char *const unknown[] = {"XX", "us", "", ",", "US,", ",US",
                                              "US,,DE", "US, DE", "US;DE", "USA"};
        size_t i;
        for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
            o = min_options();
            SET(o, geo_regions, unknown[i]);
            CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_UNKNOWN_GEO_REGION);
        }
        o = min_options();
        SET(o, geo_regions, "US,DE,US");
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_DUPLICATE_GEO_REGION);
        SET(o, geo_regions, "AU,BR,CA,CN,DE,HK,IN,JP,MX,NL,SG,US");
        CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);
    }

    /* Lifetime and skew. */
    o = min_options();
    o.ttl = 1799;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_LIFETIME_OUT_OF_RANGE);
    o.ttl = 172801;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_LIFETIME_OUT_OF_RANGE);
    o.ttl = 0;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_LIFETIME_OUT_OF_RANGE);
    o.ttl = UINT64_MAX;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_LIFETIME_OUT_OF_RANGE);
    o.ttl = 1800;
    o.skew = 1800;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_INVALID_ARGUMENT);
    o.skew = 1799;
    CHECK_RC(mint_with(key, &o, NOW, NULL), JWTMINT_OK);
    o = min_options();
    CHECK_RC(mint_with(key, &o, INT64_MIN, NULL), JWTMINT_TIME_OVERFLOW);
    CHECK_RC(mint_with(key, &o, INT64_MAX, NULL), JWTMINT_TIME_OVERFLOW);

    /* Boundaries of the lifetime, read back through the verifier. */
    {
        char claims[2048];
        o = min_options();
        SET(o, tpc, "r");
        o.ttl = 172800;
        o.skew = 0;
        CHECK_RC(mint_and_read(key, &o, NOW, claims), JWTMINT_OK);
        CHECK(strcmp(claims, "{\"app_key\":\"my-sdk-key\",\"role_type\":1,\"tpc\":\"r\","
                             "\"version\":1,\"iat\":1700000000,\"exp\":1700172800}") == 0);
        /* An optional text set to "" (non-NULL, length 0) is in the token; NULL is not. */
        o.ttl = 1800;
        SET(o, user_identity, "");
        o.audio_webrtc_mode = 0;
        CHECK_RC(mint_and_read(key, &o, NOW, claims), JWTMINT_OK);
        CHECK(strcmp(claims, "{\"app_key\":\"my-sdk-key\",\"role_type\":1,\"tpc\":\"r\","
                             "\"version\":1,\"iat\":1700000000,\"exp\":1700001800,"
                             "\"user_identity\":\"\",\"audio_webrtc_mode\":0}") == 0);
    }
    jwtmint_key_free(key);
}

/* ---- Video SDK: verifier ------------------------------------------------------------------ */

/* Verifies `token` at `now`; on failure checks that nothing was written. */
static jwtmint_result vverify(const jwtmint_videosdk_verifier *v, const char *token, int64_t now) {
    uint8_t *out = poisoned(2048);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc = jwtmint_videosdk_verifier_verify(v, (const uint8_t *)token, strlen(token),
                                                         now, out, 2048, &len);
    if (rc != JWTMINT_OK) {
        CHECK(len == SENTINEL_LEN);
        CHECK(all_poisoned(out, 2048));
    }
    free(out);
    return rc;
}

static void test_videosdk_verifier(void) {
    jwtmint_key *key = make_key(FIXTURE_VSDK_SECRET);
    jwtmint_videosdk_verifier *v = NULL;
    jwtmint_videosdk_verifier *const sentinel = (jwtmint_videosdk_verifier *)&v;
    jwtmint_videosdk_verifier *out = sentinel;
    const size_t want = strlen(PAYLOAD_VSDK_ALL);
    uint8_t *buf;
    size_t len;

    CHECK_RC(jwtmint_videosdk_verifier_new(NULL, LIT(FIXTURE_VSDK_KEY), &out),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, LIT(FIXTURE_VSDK_KEY), NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, NULL, 3, &out), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, LIT("k\xc3"), &out), JWTMINT_INVALID_UTF8);
    CHECK(out == sentinel);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, LIT(FIXTURE_VSDK_KEY), &v), JWTMINT_OK);
    jwtmint_key_free(key); /* the verifier keeps its own reference */

    /* The claims, in Zoom's order. */
    buf = poisoned(want + 5);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, buf, want + 5, &len),
             JWTMINT_OK);
    CHECK_BYTES(buf, len, PAYLOAD_VSDK_ALL);
    CHECK(buf[want] == 0);
    free(buf);
    {
        char claims[512];
        len = 0;
        CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_MIN), NOW, (uint8_t *)claims,
                                                  sizeof claims, &len),
                 JWTMINT_OK);
        CHECK_BYTES(claims, len, PAYLOAD_VSDK_MIN);
        /* Another member order and an unknown claim: answered in Zoom's order, without it. */
        CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_FOREIGN), NOW, (uint8_t *)claims,
                                                  sizeof claims, &len),
                 JWTMINT_OK);
        CHECK_BYTES(claims, len, CLAIMS_VSDK_FOREIGN);
    }

    /* Buffer sizes: only for a valid token, only *out_len. */
    buf = poisoned(want + 1);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, buf, want - 1, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);
    CHECK(all_poisoned(buf, want + 1));
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, NULL, 0, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, buf, want, &len), JWTMINT_OK);
    CHECK(buf[want] == 0xEE);
    free(buf);

    /* Rejections (VSDK_ALL: iat NOW, exp NOW + 1800; leeway 60). */
    CHECK_RC(vverify(v, VSDK_ALL, NOW + 1800 + 59), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW + 1800 + 60), JWTMINT_EXPIRED);
    CHECK_RC(vverify(v, VSDK_ALL, NOW - 61), JWTMINT_ISSUED_IN_FUTURE);
    CHECK_RC(vverify(v, VSDK_OTHER_SECRET, NOW), JWTMINT_INVALID_SIGNATURE);
    CHECK_RC(vverify(v, VSDK_OTHER_APP_KEY, NOW), JWTMINT_APP_KEY_MISMATCH);
    CHECK_RC(vverify(v, VSDK_ROLE_2, NOW), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    CHECK_RC(vverify(v, VSDK_ROLE_STRING, NOW), JWTMINT_CLAIMS_TYPE);
    CHECK_RC(vverify(v, VSDK_VERSION_2, NOW), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    CHECK_RC(vverify(v, VSDK_NO_TPC, NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(vverify(v, VSDK_EMPTY_TPC, NOW), JWTMINT_EMPTY_FIELD);
    CHECK_RC(vverify(v, VSDK_LONG_TPC, NOW), JWTMINT_FIELD_TOO_LONG);
    CHECK_RC(vverify(v, VSDK_GEO_LOWER, NOW), JWTMINT_UNKNOWN_GEO_REGION);
    CHECK_RC(vverify(v, VSDK_GEO_DUP, NOW), JWTMINT_DUPLICATE_GEO_REGION);
    CHECK_RC(vverify(v, VSDK_FLAG_2, NOW), JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    CHECK_RC(vverify(v, VSDK_IDENTITY_NULL, NOW), JWTMINT_CLAIMS_TYPE);
    CHECK_RC(vverify(v, VSDK_SHORT_LIFE, NOW), JWTMINT_LIFETIME_OUT_OF_RANGE);
    CHECK_RC(vverify(v, TOKEN_ALG_NONE, NOW), JWTMINT_UNSUPPORTED_ALGORITHM);
    CHECK_RC(vverify(v, "a.b", NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_RC(vverify(v, "", NOW), JWTMINT_SEGMENT_COUNT);

    /* Setters. */
    CHECK_RC(jwtmint_videosdk_verifier_set_leeway(v, 0), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW + 1799), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW + 1800), JWTMINT_EXPIRED);
    CHECK_RC(vverify(v, VSDK_ALL, NOW - 1), JWTMINT_ISSUED_IN_FUTURE);
    CHECK_RC(jwtmint_videosdk_verifier_set_max_len(v, strlen(VSDK_ALL) - 1), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW), JWTMINT_TOO_LONG);
    CHECK_RC(jwtmint_videosdk_verifier_set_max_len(v, strlen(VSDK_ALL)), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW), JWTMINT_OK);
    CHECK_RC(jwtmint_videosdk_verifier_set_leeway(NULL, 0), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_set_max_len(NULL, 0), JWTMINT_NULL_POINTER);

    /* Pointers. */
    buf = poisoned(64);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_verifier_verify(NULL, LIT(VSDK_ALL), NOW, buf, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, NULL, 5, NOW, buf, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, NULL, 64, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, LIT(VSDK_ALL), NOW, buf, 64, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_verifier_verify(v, (const uint8_t *)"x", SIZE_MAX, NOW, buf, 64,
                                              &len),
             JWTMINT_INVALID_ARGUMENT);
    CHECK(len == SENTINEL_LEN);
    CHECK(all_poisoned(buf, 64));
    free(buf);
    jwtmint_videosdk_verifier_free(v);
    jwtmint_videosdk_verifier_free(NULL);

    /* A Zoom API token is not a Video SDK token. */
    key = make_key(FIXTURE_SECRET);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, LIT(FIXTURE_API_KEY), &v), JWTMINT_OK);
    CHECK_RC(vverify(v, TOKEN_KAT_API, NOW), JWTMINT_MISSING_CLAIM);
    CHECK_RC(vverify(v, VSDK_ALL, NOW), JWTMINT_INVALID_SIGNATURE); /* another secret */
    jwtmint_videosdk_verifier_free(v);
    jwtmint_key_free(key);
    /* An empty SDK key matches no token (and Zoom's rules refuse an empty app_key). */
    key = make_key(FIXTURE_VSDK_SECRET);
    CHECK_RC(jwtmint_videosdk_verifier_new(key, NULL, 0, &v), JWTMINT_OK);
    CHECK_RC(vverify(v, VSDK_ALL, NOW), JWTMINT_APP_KEY_MISMATCH);
    jwtmint_videosdk_verifier_free(v);
    jwtmint_key_free(key);
}

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
        CHECK(len == SENTINEL_LEN && all_poisoned(buf, 256));
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
    if (rc == JWTMINT_OK) {
        CHECK(len < 256 && buf[len] == 0);
        if (answer != NULL) {
            memcpy(answer, buf, len + 1);
        }
    } else {
        CHECK(len == SENTINEL_LEN && all_poisoned(buf, 256));
    }
    free(buf);
    return rc;
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
    CHECK(len == SENTINEL_LEN && all_poisoned(buf, 80));
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

    /* Buffer sizes: only for a valid challenge, only *out_len. */
    buf = poisoned(want + 1);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, buf, want - 1, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want && all_poisoned(buf, want + 1));
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, NULL, 0, &len),
             JWTMINT_BUFFER_TOO_SMALL);
    CHECK(len == want);
    CHECK_RC(jwtmint_webhook_url_validation(w, LIT(FIXTURE_HOOK_TS), LIT(FIXTURE_HOOK_BODY),
                                            LIT(FIXTURE_HOOK_SIGNATURE), NOW, buf, want, &len),
             JWTMINT_OK);
    CHECK_BYTES(buf, len, FIXTURE_HOOK_ANSWER);
    CHECK(buf[want] == 0xEE);

    /* Pointers. */
    memset(buf, 0xEE, want + 1);
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
    CHECK(len == SENTINEL_LEN && all_poisoned(buf, want + 1));
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
    CHECK(len == SENTINEL_LEN && all_poisoned(buf, 256));
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
    jwtmint_key *key = NULL;
    uint8_t tok[256];
    size_t len = 0;

    CHECK(JWTMINT_SECRET_JSRSASIGN_COMPAT == 4);
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_JSR_TEXT), JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_OK);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), NOW, 30, 3600, tok, sizeof tok,
                                    &len),
             JWTMINT_OK);
    CHECK_BYTES(tok, len, TOKEN_JSR_API);
    jwtmint_key_free(key);
    /* The same text as UTF-8 is another key. */
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_JSR_TEXT), JWTMINT_SECRET_UTF8, &key), JWTMINT_OK);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), NOW, 30, 3600, tok, sizeof tok,
                                    &len),
             JWTMINT_OK);
    CHECK(len != strlen(TOKEN_JSR_API) || memcmp(tok, TOKEN_JSR_API, len) != 0);
    jwtmint_key_free(key);

    CHECK_RC(jwtmint_key_new_encoded(LIT(hex), JWTMINT_SECRET_JSRSASIGN_COMPAT, &key), JWTMINT_OK);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), NOW, 30, 3600, tok, sizeof tok,
                                    &len),
             JWTMINT_OK);
    CHECK_BYTES(tok, len, TOKEN_KAT_API);
    jwtmint_key_free(key);
    CHECK_RC(jwtmint_key_new_encoded(LIT(FIXTURE_SECRET), JWTMINT_SECRET_JSRSASIGN_COMPAT, &key),
             JWTMINT_OK);
    CHECK_RC(jwtmint_mint_api_token(key, LIT(FIXTURE_API_KEY), NOW, 30, 3600, tok, sizeof tok,
                                    &len),
             JWTMINT_OK);
    CHECK_BYTES(tok, len, TOKEN_KAT_API);
    jwtmint_key_free(key);

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
    test_options_init();
    test_videosdk_mint();
    test_videosdk_verifier();
    test_webhook_new_and_sign();
    test_webhook_verify();
    test_webhook_url_validation();
    test_cache();
    test_jsrsasign_secret();
    return check_finish("test_zoom");
}
