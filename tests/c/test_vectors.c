/* The shared test vectors (tests/vectors: zoom_api.json and claims.json, transcribed into
 * vectors.h at build time) through the C ABI: every token must be byte-identical to the one in
 * the files. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "jwtmint.h"
#include "vectors.h"

static int same(const uint8_t *got, size_t got_len, const char *want, size_t want_len) {
    return got_len == want_len && memcmp(got, want, want_len) == 0;
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

static void report(int ok, const char *what, const char *name, size_t name_len) {
    if (!ok) {
        fprintf(stderr, "vector %.*s: %s\n", (int)name_len, name, what);
    }
}

static void test_api_vectors(void) {
    size_t i;
    for (i = 0; i < sizeof API_VECTORS / sizeof API_VECTORS[0]; i++) {
        const struct api_vector *c = &API_VECTORS[i];
        jwtmint_key *key =
            key_of(c->secret, c->secret_len, c->secret_encoding, c->secret_encoding_len);
        jwtmint_api_minter *m = NULL;
        jwtmint_verifier *v = NULL;
        uint8_t tok[512], payload[512];
        size_t tok_len = 0, payload_len = 0;
        int ok;

        CHECK_RC(jwtmint_api_minter_new(key, (const uint8_t *)c->api_key, c->api_key_len, c->skew,
                                        c->ttl, &m),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_api_minter_mint(m, c->now, tok, sizeof tok, &tok_len), JWTMINT_OK);
        ok = same(tok, tok_len, c->token, c->token_len);
        CHECK(ok);
        report(ok, "minter token differs", c->name, c->name_len);

        tok_len = 0;
        CHECK_RC(jwtmint_mint_api_token(key, (const uint8_t *)c->api_key, c->api_key_len, c->now,
                                        c->skew, c->ttl, tok, sizeof tok, &tok_len),
                 JWTMINT_OK);
        ok = same(tok, tok_len, c->token, c->token_len);
        CHECK(ok);
        report(ok, "one-shot token differs", c->name, c->name_len);

        CHECK_RC(jwtmint_verifier_new_zoom_api(key, (const uint8_t *)c->api_key, c->api_key_len,
                                               &v),
                 JWTMINT_OK);
        CHECK_RC(jwtmint_verifier_verify(v, (const uint8_t *)c->token, c->token_len, c->now,
                                         payload, sizeof payload, &payload_len),
                 JWTMINT_OK);
        ok = same(payload, payload_len, c->payload_json, c->payload_json_len);
        CHECK(ok);
        report(ok, "verified payload differs", c->name, c->name_len);

        jwtmint_verifier_free(v);
        jwtmint_api_minter_free(m);
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
        uint8_t tok[1024], payload[1024];
        size_t tok_len = 0, payload_len = 0;
        int ok;

        CHECK_RC(jwtmint_mint_json(key, (const uint8_t *)c->payload_json, c->payload_json_len, tok,
                                   sizeof tok, &tok_len),
                 JWTMINT_OK);
        ok = same(tok, tok_len, c->token, c->token_len);
        CHECK(ok);
        report(ok, "token differs", c->name, c->name_len);

        /* As the Rust vector test does: no claim required, checked at 1700000000. */
        CHECK_RC(jwtmint_verifier_new(key, &v), JWTMINT_OK);
        CHECK_RC(jwtmint_verifier_clear_required_claims(v), JWTMINT_OK);
        CHECK_RC(jwtmint_verifier_verify(v, (const uint8_t *)c->token, c->token_len, 1700000000,
                                         payload, sizeof payload, &payload_len),
                 JWTMINT_OK);
        ok = same(payload, payload_len, c->payload_json, c->payload_json_len);
        CHECK(ok);
        report(ok, "verified payload differs", c->name, c->name_len);

        jwtmint_verifier_free(v);
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
    printf("test_vectors: %zu zoom_api and %zu claims vectors\n", api, claims);
    return check_finish("test_vectors");
}
