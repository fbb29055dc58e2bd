/* Checks a Zoom webhook request the way an HTTP handler would, and answers Zoom's
 * endpoint.url_validation challenge.
 *
 *   export ZOOM_WEBHOOK_SECRET_TOKEN=...
 *   ./zoom_webhook "$x_zm_request_timestamp" "$x_zm_signature" < body.json
 *
 * prints the response a handler would send: "200 <JSON answer>" for a URL validation
 * challenge, "200 verified" for any other authentic event, "401 <reason>" otherwise (and
 * exits with 1). Without arguments it makes a demo challenge, signed now with a DEMO secret
 * token, and answers it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jwtmint.h"

/* DEMO ONLY: the secret token of the demo challenge. */
#define DEMO_SECRET_TOKEN "demo-webhook-secret-token"
#define DEMO_BODY                                                                              \
    "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},"                                 \
    "\"event\":\"endpoint.url_validation\"}"

/* Reads standard input into a new buffer (the raw body: it must not be re-encoded). */
static char *read_body(size_t *len) {
    size_t cap = 4096;
    char *buf = malloc(cap);
    *len = 0;
    while (buf != NULL) {
        size_t n = fread(buf + *len, 1, cap - *len, stdin);
        *len += n;
        if (n == 0) {
            return buf;
        }
        if (*len == cap) {
            char *bigger = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    const char *secret = getenv("ZOOM_WEBHOOK_SECRET_TOKEN");
    jwtmint_webhook *webhook = NULL;
    char demo_ts[24], demo_sig[JWTMINT_WEBHOOK_SIGNATURE_LEN + 1];
    const char *timestamp, *signature;
    char *body;
    size_t body_len = 0, len = 0;
    char answer[512];
    int64_t now = 0;
    jwtmint_result rc;

    if (argc != 1 && argc != 3) {
        fprintf(stderr, "usage: %s [TIMESTAMP SIGNATURE < BODY]\n", argv[0]);
        return 2;
    }
    if (argc == 1 || secret == NULL || *secret == '\0') {
        secret = DEMO_SECRET_TOKEN;
        fprintf(stderr, "ZOOM_WEBHOOK_SECRET_TOKEN %s: using the DEMO secret token\n",
                argc == 1 ? "ignored for the demo" : "not set");
    }
    /* Built once at start-up; shared by every request handler thread afterwards. */
    rc = jwtmint_webhook_new((const uint8_t *)secret, strlen(secret), &webhook);
    if (rc == JWTMINT_OK) {
        rc = jwtmint_now(&now);
    }
    if (rc != JWTMINT_OK) {
        fprintf(stderr, "setup: %s\n", jwtmint_result_str(rc));
        jwtmint_webhook_free(webhook);
        return 1;
    }

    if (argc == 3) {
        timestamp = argv[1];
        signature = argv[2];
        body = read_body(&body_len);
    } else {
        /* The demo: a challenge as Zoom would send it now. */
        snprintf(demo_ts, sizeof demo_ts, "%lld", (long long)now);
        rc = jwtmint_webhook_sign(webhook, (uint64_t)now, (const uint8_t *)DEMO_BODY,
                                  strlen(DEMO_BODY), (uint8_t *)demo_sig, sizeof demo_sig, &len);
        timestamp = demo_ts;
        signature = demo_sig;
        body = malloc(sizeof DEMO_BODY);
        if (body != NULL) {
            memcpy(body, DEMO_BODY, sizeof DEMO_BODY);
            body_len = strlen(DEMO_BODY);
        }
        fprintf(stderr, "demo request: x-zm-request-timestamp: %s, x-zm-signature: %s\n",
                timestamp, signature);
    }
    if (body == NULL || rc != JWTMINT_OK) {
        fprintf(stderr, "out of memory\n");
        free(body);
        jwtmint_webhook_free(webhook);
        return 1;
    }

    /* One call for both cases: the answer to a URL validation challenge, or, for any other
     * event, JWTMINT_UNEXPECTED_WEBHOOK_EVENT, which is only returned once the signature and
     * the timestamp have been checked: the request is authentic. */
    rc = jwtmint_webhook_url_validation(webhook, (const uint8_t *)timestamp, strlen(timestamp),
                                        (const uint8_t *)body, body_len,
                                        (const uint8_t *)signature, strlen(signature), now,
                                        (uint8_t *)answer, sizeof answer - 1, &len);
    if (rc == JWTMINT_OK) { /* NUL-terminated: the buffer had room for it */
        printf("200 %s\n", answer);
    } else if (rc == JWTMINT_UNEXPECTED_WEBHOOK_EVENT) {
        printf("200 verified\n"); /* hand the body to the event's handler here */
    } else {
        printf("401 %s: %s\n", jwtmint_result_name(rc), jwtmint_result_str(rc));
    }
    free(body);
    jwtmint_webhook_free(webhook);
    return rc == JWTMINT_OK || rc == JWTMINT_UNEXPECTED_WEBHOOK_EVENT ? 0 : 1;
}
