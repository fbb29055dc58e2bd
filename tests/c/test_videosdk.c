/* Video SDK session tokens through the C ABI: the options struct, minting and the verifier.
 * Every function and every error path; nothing written on failure. Expected tokens come from
 * fixtures.h (Python's stdlib), never from the library. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

#define NOW ((int64_t)FIXTURE_NOW)

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
    return text_written(rc, out, 2048, len, tok);
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

/* jwtmint_videosdk_mint of one key and options at NOW, as a write_call. */
struct mint_call {
    const jwtmint_key *key;
    const jwtmint_videosdk_options *options;
};

static jwtmint_result mint_call(const void *ctx, uint8_t *out, size_t cap, size_t *len) {
    const struct mint_call *c = ctx;
    return jwtmint_videosdk_mint(c->key, c->options, NOW, out, cap, len);
}

static void test_videosdk_mint(void) {
    jwtmint_key *key = make_key(FIXTURE_VSDK_SECRET);
    jwtmint_videosdk_options o = min_options();
    const size_t want = strlen(VSDK_MIN);
    uint8_t *buf;
    size_t len;
    char tok[2048];

    /* The fixtures, byte for byte, under the buffer contract. */
    {
        const struct mint_call call = {key, &o};
        check_output_contract("jwtmint_videosdk_mint", mint_call, &call, VSDK_MIN);
    }
    o = all_options();
    CHECK_RC(mint_with(key, &o, NOW, tok), JWTMINT_OK);
    CHECK(strcmp(tok, VSDK_ALL) == 0);

    /* Pointers. */
    o = min_options();
    buf = poisoned(want + 1);
    len = SENTINEL_LEN;
    CHECK_RC(jwtmint_videosdk_mint(NULL, &o, NOW, buf, want + 1, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, NULL, NOW, buf, want + 1, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, want + 1, NULL), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, NULL, 5, &len), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, buf, SIZE_MAX, &len), JWTMINT_INVALID_ARGUMENT);
    CHECK_UNWRITTEN(buf, want + 1, len);
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

/* jwtmint_videosdk_verifier_verify on a struct token_call, as a write_call. */
static jwtmint_result vverify_call(const void *ctx, uint8_t *out, size_t cap, size_t *len) {
    const struct token_call *c = ctx;
    return jwtmint_videosdk_verifier_verify(c->handle, (const uint8_t *)c->token, strlen(c->token),
                                            c->now, out, cap, len);
}

/* Verifies `token` at `now`; on failure checks that nothing was written. */
static jwtmint_result vverify(const jwtmint_videosdk_verifier *v, const char *token, int64_t now) {
    const struct token_call call = {v, token, now};
    return call_into(vverify_call, &call, 2048);
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

    /* The buffer contract (a too-small buffer only for a valid token, only *out_len). */
    {
        const struct token_call call = {v, VSDK_ALL, NOW};
        check_output_contract("jwtmint_videosdk_verifier_verify", vverify_call, &call,
                              PAYLOAD_VSDK_ALL);
    }

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
    CHECK_UNWRITTEN(buf, 64, len);
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

int main(void) {
    test_options_init();
    test_videosdk_mint();
    test_videosdk_verifier();
    return check_finish("test_videosdk");
}
