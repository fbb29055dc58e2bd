/* Mints the package checks' known token (scripts/packages/known-token.sh) through the C SDK,
 * verifies it, and makes sure another secret is refused. Prints three lines for
 * check-csdk.sh to compare: the library's version, the token, the verified payload. */
#include <jwtmint.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *env(const char *name) {
    const char *value = getenv(name);
    if (value == NULL || *value == '\0') {
        fprintf(stderr, "check: %s is not set\n", name);
        exit(2);
    }
    return value;
}

static void ok(jwtmint_result rc, const char *what) {
    if (rc != JWTMINT_OK) {
        fprintf(stderr, "check: %s: %s (%s %u)\n", what, jwtmint_result_str(rc), jwtmint_result_name(rc),
                (unsigned)rc);
        exit(1);
    }
}

static jwtmint_key *key_from(const char *secret) {
    jwtmint_key *key = NULL;
    ok(jwtmint_key_new((const uint8_t *)secret, strlen(secret), &key), "jwtmint_key_new");
    return key;
}

int main(void) {
    const char *api_key = env("KNOWN_API_KEY");
    int64_t now = strtoll(env("KNOWN_NOW"), NULL, 10);
    uint64_t skew = strtoull(env("KNOWN_SKEW"), NULL, 10);
    uint64_t ttl = strtoull(env("KNOWN_TTL"), NULL, 10);

    if (jwtmint_abi_version() != JWTMINT_ABI_VERSION) {
        fprintf(stderr, "check: library ABI %u, header ABI %u\n", (unsigned)jwtmint_abi_version(),
                (unsigned)JWTMINT_ABI_VERSION);
        return 1;
    }
    printf("%s\n", jwtmint_version());

    jwtmint_key *key = key_from(env("KNOWN_SECRET"));
    uint8_t token[512];
    size_t token_len = 0;
    ok(jwtmint_mint_api_token(key, (const uint8_t *)api_key, strlen(api_key), now, skew, ttl, token,
                              sizeof token, &token_len),
       "jwtmint_mint_api_token");
    printf("%.*s\n", (int)token_len, (const char *)token);

    jwtmint_verifier *verifier = NULL;
    ok(jwtmint_verifier_new_zoom_api(key, (const uint8_t *)api_key, strlen(api_key), &verifier),
       "jwtmint_verifier_new_zoom_api");
    uint8_t payload[512];
    size_t payload_len = 0;
    ok(jwtmint_verifier_verify(verifier, token, token_len, now, payload, sizeof payload, &payload_len),
       "jwtmint_verifier_verify");
    printf("%.*s\n", (int)payload_len, (const char *)payload);

    jwtmint_key *wrong = key_from(env("KNOWN_WRONG_SECRET"));
    jwtmint_verifier *wrong_verifier = NULL;
    ok(jwtmint_verifier_new_zoom_api(wrong, (const uint8_t *)api_key, strlen(api_key), &wrong_verifier),
       "jwtmint_verifier_new_zoom_api");
    jwtmint_result rc = jwtmint_verifier_check(wrong_verifier, token, token_len, now);
    if (rc != JWTMINT_INVALID_SIGNATURE) {
        fprintf(stderr, "check: another secret gave %s, not invalid_signature\n", jwtmint_result_name(rc));
        return 1;
    }

    jwtmint_verifier_free(wrong_verifier);
    jwtmint_key_free(wrong);
    jwtmint_verifier_free(verifier);
    jwtmint_key_free(key);
    return 0;
}
