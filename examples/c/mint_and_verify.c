/* Mints a Zoom API JWT for the first API call of Zoom's "Make API requests" page (List
 * sessions, Video SDK), prints that call as a curl command line, and verifies the token.
 *
 *   export ZOOM_API_KEY=... ZOOM_API_SECRET=...
 *   ./mint_and_verify            # prints the curl line on stdout, the rest on stderr
 *
 * Without those variables it uses DEMO credentials, and says so: Zoom rejects that token. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jwtmint.h"

/* DEMO ONLY: not a real Zoom account. Set ZOOM_API_KEY and ZOOM_API_SECRET for real calls. */
#define DEMO_API_KEY "demo-api-key"
#define DEMO_API_SECRET "demo-api-secret-not-a-real-zoom-secret"

static int fail(const char *what, jwtmint_result rc) {
    fprintf(stderr, "%s: %s (%s, code %u)\n", what, jwtmint_result_str(rc),
            jwtmint_result_name(rc), (unsigned)rc);
    return 1;
}

int main(void) {
    const char *api_key = getenv("ZOOM_API_KEY");
    const char *secret = getenv("ZOOM_API_SECRET");
    jwtmint_key *key = NULL;
    jwtmint_api_minter *minter = NULL;
    jwtmint_verifier *verifier = NULL;
    char token[512];
    char claims[512];
    size_t token_len = 0, claims_len = 0;
    int64_t now = 0;
    jwtmint_result rc;
    int status = 1;

    if (api_key == NULL || *api_key == '\0' || secret == NULL || *secret == '\0') {
        fprintf(stderr, "ZOOM_API_KEY / ZOOM_API_SECRET not set: using DEMO credentials "
                        "(Zoom will reject this token)\n");
        api_key = DEMO_API_KEY;
        secret = DEMO_API_SECRET;
    }

    /* The key is built once from the secret; the secret is not kept. */
    rc = jwtmint_key_new((const uint8_t *)secret, strlen(secret), &key);
    if (rc != JWTMINT_OK) {
        return fail("API secret", rc);
    }
    /* iat = now - 30 s, exp = iat + 1 h, as in Zoom's Node.js sample. */
    rc = jwtmint_api_minter_new(key, (const uint8_t *)api_key, strlen(api_key),
                                JWTMINT_DEFAULT_SKEW, JWTMINT_DEFAULT_TTL, &minter);
    if (rc != JWTMINT_OK) {
        status = fail("API key", rc);
        goto done;
    }
    rc = jwtmint_now(&now);
    if (rc == JWTMINT_OK) {
        /* One byte less than the buffer, so the token always ends with a NUL. */
        rc = jwtmint_api_minter_mint(minter, now, (uint8_t *)token, sizeof token - 1, &token_len);
    }
    if (rc != JWTMINT_OK) {
        status = fail("mint", rc);
        goto done;
    }

    printf("curl https://api.zoom.us/v2/videosdk/sessions"
           " -H \"Content-Type: application/x-www-form-urlencoded\""
           " -H \"Authorization: Bearer %s\"\n",
           token);

    /* Verify it as a server would: HS256 with this key, iss = the API key, iat and exp. */
    rc = jwtmint_verifier_new_zoom_api(key, (const uint8_t *)api_key, strlen(api_key), &verifier);
    if (rc == JWTMINT_OK) {
        rc = jwtmint_verifier_verify(verifier, (const uint8_t *)token, token_len, now,
                                     (uint8_t *)claims, sizeof claims - 1, &claims_len);
    }
    if (rc != JWTMINT_OK) {
        status = fail("verify", rc);
        goto done;
    }
    fprintf(stderr, "verified claims: %s\n", claims);

    /* A token signed with another secret is rejected, with a reason. */
    token[token_len - 2] = token[token_len - 2] == 'A' ? 'B' : 'A';
    rc = jwtmint_verifier_check(verifier, (const uint8_t *)token, token_len, now);
    fprintf(stderr, "tampered token: %s\n", jwtmint_result_str(rc));
    status = rc == JWTMINT_INVALID_SIGNATURE ? 0 : 1;

done:
    jwtmint_verifier_free(verifier);
    jwtmint_api_minter_free(minter);
    jwtmint_key_free(key);
    return status;
}
