/* The shared test vectors (tests/vectors: zoom_api.json, claims.json and meeting_sdk.json,
 * transcribed into
 * vectors.h at build time) through the C ABI: every token must be byte-identical to the one in
 * the files. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "jwtmint.h"
#include "vectors.h"

/* Checks that `got` is the vector's bytes `want`; on failure, names the vector and `what`. */
static void check_same(const uint8_t *got, size_t got_len, const char *want, size_t want_len,
                       const char *what, const char *name, size_t name_len) {
    int ok = got_len == want_len && memcmp(got, want, want_len) == 0;
    CHECK(ok);
    if (!ok) {
        fprintf(stderr, "vector %.*s: %s\n", (int)name_len, name, what);
    }
}

static int encoding_of(const char *name, size_t len, jwtmint_secret_encoding *out) {
    static const struct {
        const char *name;
        jwtmint_secret_encoding encoding;
    } known[] = {
        {"utf8", JWTMINT_SECRET_UTF8},
        {"hex", JWTMINT_SECRET_HEX},
        {"base64", JWTMINT_SECRET_BASE64},
        {"base64url", JWTMINT_SECRET_BASE64URL},
    };
    size_t i;
    for (i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strlen(known[i].name) == len && memcmp(known[i].name, name, len) == 0) {
            *out = known[i].encoding;
            return 1;
        }
    }
    return 0;
}

static jwtmint_key *key_of(const char *secret, size_t secret_len, const char *encoding,
                           size_t encoding_len) {
    jwtmint_secret_encoding enc = 0;
    jwtmint_key *key = NULL;
    CHECK(encoding_of(encoding, encoding_len, &enc));
    CHECK_RC(jwtmint_key_new_encoded((const uint8_t *)secret, secret_len, enc, &key), JWTMINT_OK);
    return key;
}

/* Verifies a vector's token with `v` (then freed) at `now`: its payload must be the vector's. */
static void check_verifies(jwtmint_verifier *v, const char *token, size_t token_len, int64_t now,
                           const char *payload_json, size_t payload_json_len, const char *name,
                           size_t name_len) {
    uint8_t payload[1024];
    size_t len = 0;
    CHECK_RC(jwtmint_verifier_verify(v, (const uint8_t *)token, token_len, now, payload,
                                     sizeof payload, &len),
             JWTMINT_OK);
    check_same(payload, len, payload_json, payload_json_len, "verified payload differs", name,
               name_len);
    jwtmint_verifier_free(v);
}

static void test_api_vectors(void) {
    size_t i;
    for (i = 0; i < sizeof API_VECTORS / sizeof API_VECTORS[0]; i++) {
        const struct api_vector *c = &API_VECTORS[i];
        jwtmint_key *key =
            key_of(c->secret, c->secret_len, c->secret_encoding, c->secret_encoding_len);
        jwtmint_api_minter *m = NULL;
        jwtmint_verifier *v = NULL;
        uint8_t tok[512];
        size_t tok_len = 0;

        CHECK_RC(jwtmint_api_minter_new(key, (const uint8_t *)c->api_key, c->api_key_len, c->skew,
                                        c->ttl, &m),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_api_minter_mint(m, c->now, tok, sizeof tok, &tok_len), JWTMINT_OK);
        check_same(tok, tok_len, c->token, c->token_len, "minter token differs", c->name,
                   c->name_len);
        jwtmint_api_minter_free(m);

        tok_len = 0;
        CHECK_RC(jwtmint_mint_api_token(key, (const uint8_t *)c->api_key, c->api_key_len, c->now,
                                        c->skew, c->ttl, tok, sizeof tok, &tok_len),
                 JWTMINT_OK);
        check_same(tok, tok_len, c->token, c->token_len, "one-shot token differs", c->name,
                   c->name_len);

        CHECK_RC(jwtmint_verifier_new_zoom_api(key, (const uint8_t *)c->api_key, c->api_key_len,
                                               &v),
                 JWTMINT_OK);
        check_verifies(v, c->token, c->token_len, c->now, c->payload_json, c->payload_json_len,
                       c->name, c->name_len);
        jwtmint_key_free(key);
    }
}

static void test_meeting_vectors(void) {
    size_t i;
    for (i = 0; i < sizeof MEETING_VECTORS / sizeof MEETING_VECTORS[0]; i++) {
        const struct meeting_vector *c = &MEETING_VECTORS[i];
        jwtmint_key *key =
            key_of(c->secret, c->secret_len, c->secret_encoding, c->secret_encoding_len);
        jwtmint_meetingsdk_verifier *v = NULL;
        uint8_t tok[1024];
        uint8_t claims[1024];
        size_t tok_len = 0;
        size_t claims_len = 0;

        CHECK_RC(jwtmint_meetingsdk_mint(key, (const uint8_t *)c->sdk_key, c->sdk_key_len,
                                         (const uint8_t *)c->mn, c->mn_len, c->role,
                                         c->video_webrtc_mode, c->ttl, c->skew, c->now, tok,
                                         sizeof tok, &tok_len),
                 JWTMINT_OK);
        check_same(tok, tok_len, c->token, c->token_len, "token differs", c->name, c->name_len);

        CHECK_RC(jwtmint_meetingsdk_verifier_new(key, (const uint8_t *)c->sdk_key, c->sdk_key_len,
                                                 &v),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_meetingsdk_verifier_verify(v, (const uint8_t *)c->token, c->token_len,
                                                    c->now, claims, sizeof claims, &claims_len),
                 JWTMINT_OK);
        /* The vectors write mn as a string, so the re-serialized claims are the payload. */
        check_same(claims, claims_len, c->payload_json, c->payload_json_len,
                   "verified claims differ", c->name, c->name_len);
        jwtmint_meetingsdk_verifier_free(v);
        jwtmint_key_free(key);
    }
}

static void test_claims_vectors(void) {
    size_t i;
    for (i = 0; i < sizeof CLAIMS_VECTORS / sizeof CLAIMS_VECTORS[0]; i++) {
        const struct claims_vector *c = &CLAIMS_VECTORS[i];
        jwtmint_key *key =
            key_of(c->secret, c->secret_len, c->secret_encoding, c->secret_encoding_len);
        jwtmint_verifier *v = NULL;
        uint8_t tok[1024];
        size_t tok_len = 0;

        CHECK_RC(jwtmint_mint_json(key, (const uint8_t *)c->payload_json, c->payload_json_len, tok,
                                   sizeof tok, &tok_len),
                 JWTMINT_OK);
        check_same(tok, tok_len, c->token, c->token_len, "token differs", c->name, c->name_len);

        /* As the Rust vector test does: no claim required, checked at 1700000000. */
        CHECK_RC(jwtmint_verifier_new(key, &v), JWTMINT_OK);
        CHECK_RC(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
        check_verifies(v, c->token, c->token_len, 1700000000, c->payload_json,
                       c->payload_json_len, c->name, c->name_len);
        jwtmint_key_free(key);
    }
}

int main(void) {
    size_t api = sizeof API_VECTORS / sizeof API_VECTORS[0];
    size_t claims = sizeof CLAIMS_VECTORS / sizeof CLAIMS_VECTORS[0];
    CHECK(api >= 10);
    CHECK(claims >= 1);
    test_api_vectors();
    test_claims_vectors();
    test_meeting_vectors();
    printf("test_vectors: %zu zoom_api, %zu claims and %zu meeting_sdk vectors\n", api, claims,
           sizeof MEETING_VECTORS / sizeof MEETING_VECTORS[0]);
    return check_finish("test_vectors");
}
