/* A C89 program that uses libjwtmint the way an application does: mints a Zoom API JWT and
 * verifies it, and checks that a token with one flipped byte is refused. Built by
 * scripts/suites/syslib.sh against the installed library (pkg-config, CMake, both link orders
 * beside another Rust static library). With -DWITH_OTHER_RUST it also calls that library.
 * Prints one line per check; exits 0 when all passed. */
#include <stdio.h>
#include <string.h>

#include "jwtmint.h"

#ifdef WITH_OTHER_RUST
unsigned long other_rust_digit_sum(unsigned long n);
#endif

static int failures = 0;

static void check(int ok, const char *what) {
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) {
        failures++;
    }
}

int main(void) {
    static const char secret[] = "a-zoom-api-secret-of-36-characters!!";
    static const char api_key[] = "my-api-key";
    jwtmint_key *key = NULL;
    jwtmint_verifier *verifier = NULL;
    uint8_t token[512];
    size_t len = 0;
    int64_t now = 0;
    jwtmint_result rc;

    check(jwtmint_abi_version() == JWTMINT_ABI_VERSION, "header and library ABI versions match");
    check(jwtmint_now(&now) == JWTMINT_OK, "jwtmint_now");
    rc = jwtmint_key_new((const uint8_t *)secret, strlen(secret), &key);
    check(rc == JWTMINT_OK, "jwtmint_key_new");
    rc = jwtmint_mint_api_token(key, (const uint8_t *)api_key, strlen(api_key), now,
                                JWTMINT_DEFAULT_SKEW, JWTMINT_DEFAULT_TTL, token, sizeof token,
                                &len);
    check(rc == JWTMINT_OK && len > 100 && token[len] == 0, "jwtmint_mint_api_token");
    rc = jwtmint_verifier_new_zoom_api(key, (const uint8_t *)api_key, strlen(api_key), &verifier);
    check(rc == JWTMINT_OK, "jwtmint_verifier_new_zoom_api");
    check(jwtmint_verifier_check(verifier, token, len, now) == JWTMINT_OK, "the token verifies");
    token[len - 1] = (uint8_t)(token[len - 1] == 'A' ? 'B' : 'A');
    rc = jwtmint_verifier_check(verifier, token, len, now);
    check(rc != JWTMINT_OK, "a changed signature is refused");
    printf("     (%s)\n", jwtmint_result_name(rc));
#ifdef WITH_OTHER_RUST
    check(other_rust_digit_sum(12) == 51, "the other Rust library works beside it");
#endif
    jwtmint_verifier_free(verifier);
    jwtmint_key_free(key);
    printf("libjwtmint %s: %d failed\n", jwtmint_version(), failures);
    return failures == 0 ? 0 : 1;
}
