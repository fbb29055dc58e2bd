/* Meeting SDK tokens through the C ABI: minting (the buffer contract, every refusal, nothing
 * written on failure), the verifier and its setters; and the Video SDK's user_key and tpc
 * notes.
 * Expected tokens come from tests/vectors/meeting_sdk.json (Python's stdlib, checked in
 * test_vectors.c) or are read back by the verifier, never compared with the library's own. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "jwtmint.h"

#define SECRET "Zoom-Meeting-SDK-Secret-Of-36-Chars!"
#define SDK_KEY "abcdefghijklmnopqrstuv"
#define NOW ((int64_t)1700000000)
/* tests/vectors/meeting_sdk.json, web_participant_no_skew. */
#define WEB_TOKEN                                                                              \
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJhYmNkZWZnaGlqa2xtbm9wcXJzdHV2Iiwic2Rr" \
    "S2V5IjoiYWJjZGVmZ2hpamtsbW5vcHFyc3R1diIsIm1uIjoiODU3NDYwNjU0MzIiLCJyb2xlIjowLCJpYXQiOjE3" \
    "MDAwMDAwMDAsImV4cCI6MTcwMDAwNzIwMCwidG9rZW5FeHAiOjE3MDAwMDcyMDB9.pS1ZzeBDEwaEcfdLSnBq8EXW" \
    "MgQRQa6ADgOtG4P2_0E"

/* The arguments of one jwtmint_meetingsdk_mint call. */
struct meeting_call {
    const jwtmint_key *key;
    const char *sdk_key;
    const char *mn; /* NULL: no mn */
    int32_t role;
    int32_t webrtc;
    uint64_t ttl;
    uint64_t skew;
};

static jwtmint_result meeting_mint(const void *ctx, uint8_t *out, size_t cap, size_t *len) {
    const struct meeting_call *c = ctx;
    return jwtmint_meetingsdk_mint(c->key, (const uint8_t *)c->sdk_key, strlen(c->sdk_key),
                                   (const uint8_t *)c->mn, c->mn ? strlen(c->mn) : 0, c->role,
                                   c->webrtc, c->ttl, c->skew, NOW, out, cap, len);
}

static struct meeting_call web_call(const jwtmint_key *key) {
    struct meeting_call c;
    c.key = key;
    c.sdk_key = SDK_KEY;
    c.mn = "85746065432";
    c.role = 0;
    c.webrtc = JWTMINT_MEETINGSDK_UNSET;
    c.ttl = JWTMINT_MEETINGSDK_DEFAULT_TTL;
    c.skew = 0;
    return c;
}

static void test_mint(void) {
    jwtmint_key *key = make_key(SECRET);
    struct meeting_call c = web_call(key);
    uint8_t out[16];
    size_t len = SENTINEL_LEN;

    CHECK(JWTMINT_MEETINGSDK_MIN_TTL == 1800 && JWTMINT_MEETINGSDK_MAX_TTL == 172800);
    CHECK(JWTMINT_MEETINGSDK_DEFAULT_TTL == 7200 && JWTMINT_MEETINGSDK_UNSET == -1);
    check_output_contract("jwtmint_meetingsdk_mint", meeting_mint, &c, WEB_TOKEN);

    /* Each refusal, with nothing written. */
    {
        static const struct {
            const char *mn;
            int32_t role, webrtc;
            uint64_t ttl, skew;
            jwtmint_result want;
        } bad[] = {
            {"123", -1, -1, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},  /* mn without role */
            {NULL, 1, -1, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},    /* role without mn */
            {"12a", 1, -1, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},   /* not digits */
            {"", 1, -1, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},      /* empty */
            {"1", 2, -1, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},     /* role 2 */
            {"1", 0, 2, 7200, 0, JWTMINT_INVALID_MEETING_SDK_CLAIM},      /* webrtc 2 */
            {NULL, -1, -1, 1799, 0, JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE},
            {NULL, -1, -1, 172801, 0, JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE},
            {NULL, -1, -1, 1800, 1800, JWTMINT_INVALID_ARGUMENT},         /* skew >= ttl */
        };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            struct meeting_call b = web_call(key);
            b.mn = bad[i].mn;
            b.role = bad[i].role;
            b.webrtc = bad[i].webrtc;
            b.ttl = bad[i].ttl;
            b.skew = bad[i].skew;
            CHECK_RC(call_into(meeting_mint, &b, 2048), bad[i].want);
        }
        c.sdk_key = "";
        CHECK_RC(call_into(meeting_mint, &c, 2048), JWTMINT_INVALID_MEETING_SDK_CLAIM);
    }
    /* Pointers. */
    CHECK_RC(jwtmint_meetingsdk_mint(NULL, LIT(SDK_KEY), NULL, 0, -1, -1, 7200, 0, NOW, out,
                                     sizeof out, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_meetingsdk_mint(key, NULL, 3, NULL, 0, -1, -1, 7200, 0, NOW, out,
                                     sizeof out, &len),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_meetingsdk_mint(key, LIT(SDK_KEY), NULL, 0, -1, -1, 7200, 0, NOW, out,
                                     sizeof out, NULL),
             JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_meetingsdk_mint(key, LIT("\xff"), NULL, 0, -1, -1, 7200, 0, NOW, out,
                                     sizeof out, &len),
             JWTMINT_INVALID_UTF8);
    jwtmint_key_free(key);
}

/* Verifies `token` with `v` at `now` into a poisoned buffer and returns the result; on a
 * failure, checks that nothing was written. */
static jwtmint_result verify_with(const jwtmint_meetingsdk_verifier *v, const char *token,
                                  int64_t now) {
    uint8_t *buf = poisoned(1024);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc = jwtmint_meetingsdk_verifier_verify(v, (const uint8_t *)token,
                                                           strlen(token), now, buf, 1024, &len);
    if (rc != JWTMINT_OK) {
        CHECK_UNWRITTEN(buf, 1024, len);
    }
    free(buf);
    return rc;
}

static void test_verifier(void) {
    jwtmint_key *key = make_key(SECRET);
    jwtmint_key *other = make_key("Another-Meeting-SDK-Secret-Of-36-Ch");
    jwtmint_meetingsdk_verifier *any = NULL, *mine = NULL, *theirs = NULL, *wrong = NULL;
    uint8_t claims[512];
    size_t len = 0;
    const char *want = "{\"appKey\":\"" SDK_KEY "\",\"sdkKey\":\"" SDK_KEY "\",\"mn\":\"85746065432\","
                       "\"role\":0,\"iat\":1700000000,\"exp\":1700007200,\"tokenExp\":1700007200}";

    CHECK_RC(jwtmint_meetingsdk_verifier_new(key, NULL, 0, &any), JWTMINT_OK);
    CHECK_RC(jwtmint_meetingsdk_verifier_new(key, LIT(SDK_KEY), &mine), JWTMINT_OK);
    CHECK_RC(jwtmint_meetingsdk_verifier_new(key, LIT("someone-else"), &theirs), JWTMINT_OK);
    CHECK_RC(jwtmint_meetingsdk_verifier_new(other, NULL, 0, &wrong), JWTMINT_OK);
    jwtmint_key_free(other); /* the verifier keeps its own reference */
    CHECK_RC(jwtmint_meetingsdk_verifier_new(NULL, NULL, 0, &any), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_meetingsdk_verifier_new(key, NULL, 0, NULL), JWTMINT_NULL_POINTER);

    CHECK_RC(jwtmint_meetingsdk_verifier_verify(any, LIT(WEB_TOKEN), NOW, claims, sizeof claims,
                                                &len),
             JWTMINT_OK);
    CHECK_BYTES(claims, len, want);
    CHECK_RC(verify_with(mine, WEB_TOKEN, NOW), JWTMINT_OK);
    CHECK_RC(verify_with(theirs, WEB_TOKEN, NOW), JWTMINT_SDK_KEY_MISMATCH);
    CHECK_RC(verify_with(wrong, WEB_TOKEN, NOW), JWTMINT_INVALID_SIGNATURE);
    CHECK_RC(verify_with(any, WEB_TOKEN, NOW + 7200 + 60), JWTMINT_EXPIRED);
    CHECK_RC(verify_with(any, "a.b", NOW), JWTMINT_SEGMENT_COUNT);
    /* The setters reach the core. */
    CHECK_RC(jwtmint_meetingsdk_verifier_set_leeway(any, 120), JWTMINT_OK);
    CHECK_RC(verify_with(any, WEB_TOKEN, NOW + 7200 + 60), JWTMINT_OK);
    CHECK_RC(jwtmint_meetingsdk_verifier_set_max_len(any, 10), JWTMINT_OK);
    CHECK_RC(verify_with(any, WEB_TOKEN, NOW), JWTMINT_TOO_LONG);
    CHECK_RC(jwtmint_meetingsdk_verifier_set_leeway(NULL, 1), JWTMINT_NULL_POINTER);
    CHECK_RC(jwtmint_meetingsdk_verifier_set_max_len(NULL, 1), JWTMINT_NULL_POINTER);

    jwtmint_meetingsdk_verifier_free(any);
    jwtmint_meetingsdk_verifier_free(mine);
    jwtmint_meetingsdk_verifier_free(theirs);
    jwtmint_meetingsdk_verifier_free(wrong);
    jwtmint_meetingsdk_verifier_free(NULL);
    jwtmint_key_free(key);
}

/* user_key, in the second version of jwtmint_videosdk_options. */
static void test_videosdk_user_key(void) {
    jwtmint_key *key = make_key(SECRET);
    jwtmint_videosdk_options o;
    uint8_t tok[1024];
    size_t len = 0;
    char long_key[38];

    CHECK_RC(jwtmint_videosdk_options_init(&o, sizeof o), JWTMINT_OK);
    CHECK(o.user_key == NULL && o.user_key_len == 0);
    o.app_key = (const uint8_t *)"k";
    o.app_key_len = 1;
    o.tpc = (const uint8_t *)"t";
    o.tpc_len = 1;
    o.role = JWTMINT_VIDEOSDK_ROLE_HOST;
    memset(long_key, 'u', sizeof long_key);
    o.user_key = (const uint8_t *)long_key;
    o.user_key_len = 36;
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, tok, sizeof tok, &len), JWTMINT_OK);
    {
        jwtmint_videosdk_verifier *v = NULL;
        uint8_t claims[1024];
        size_t n = 0;
        const char *needle = "\"user_key\":\"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\"";
        CHECK_RC(jwtmint_videosdk_verifier_new(key, LIT("k"), &v), JWTMINT_OK);
        CHECK_RC(jwtmint_videosdk_verifier_verify(v, tok, len, NOW, claims, sizeof claims - 1, &n),
                 JWTMINT_OK);
        claims[n] = 0;
        CHECK(strstr((const char *)claims, needle) != NULL);
        jwtmint_videosdk_verifier_free(v);
    }
    o.user_key_len = 37;
    CHECK_RC(jwtmint_videosdk_mint(key, &o, NOW, tok, sizeof tok, &len), JWTMINT_FIELD_TOO_LONG);
    jwtmint_key_free(key);
}

/* The notes on a session name: a bit mask of what Zoom documents, the token minted anyway. */
static void test_tpc_notes(void) {
    uint32_t notes = 99;
    CHECK(JWTMINT_TPC_UNDOCUMENTED_CHARACTER == 1 && JWTMINT_TPC_NOT_LOWER_CASE == 2);
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("team standup #4"), &notes), JWTMINT_OK);
    CHECK(notes == 0);
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("Team"), &notes), JWTMINT_OK);
    CHECK(notes == JWTMINT_TPC_NOT_LOWER_CASE);
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("caf\xc3\xa9 \"x\""), &notes), JWTMINT_OK);
    CHECK(notes == JWTMINT_TPC_UNDOCUMENTED_CHARACTER);
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("\xc3\x89"), &notes), JWTMINT_OK); /* É */
    CHECK(notes == (JWTMINT_TPC_UNDOCUMENTED_CHARACTER | JWTMINT_TPC_NOT_LOWER_CASE));
    notes = 99;
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("\xff"), &notes), JWTMINT_INVALID_UTF8);
    CHECK_RC(jwtmint_videosdk_tpc_notes(NULL, 1, &notes), JWTMINT_NULL_POINTER);
    CHECK(notes == 99);
    CHECK_RC(jwtmint_videosdk_tpc_notes(LIT("x"), NULL), JWTMINT_NULL_POINTER);
}

int main(void) {
    test_tpc_notes();
    test_mint();
    test_verifier();
    test_videosdk_user_key();
    return check_finish("test_meetingsdk");
}
