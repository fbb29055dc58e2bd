/* A tiny test harness for the C tests: counts checks, reports failures with their line, and
 * ends with "<program>: N passed, M failed". */
#ifndef JWTMINT_TEST_CHECK_H
#define JWTMINT_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jwtmint.h"

static int check_passed;
static int check_failed;

static void check_report(int ok, const char *file, int line, const char *what) {
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, what);
    }
}

#define CHECK(cond) check_report((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Checks that `expr` returns the result code `want`, naming both on failure. */
#define CHECK_RC(expr, want)                                                                   \
    do {                                                                                       \
        jwtmint_result check_rc_ = (expr);                                                     \
        jwtmint_result check_want_ = (want);                                                   \
        if (check_rc_ == check_want_) {                                                        \
            check_passed++;                                                                    \
        } else {                                                                               \
            check_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s returned %u (%s), want %u (%s)\n", __FILE__, __LINE__,  \
                    #expr, (unsigned)check_rc_, jwtmint_result_name(check_rc_),                \
                    (unsigned)check_want_, jwtmint_result_name(check_want_));                  \
        }                                                                                      \
    } while (0)

/* Checks that the `len` bytes at `got` are exactly the C string `want`. */
#define CHECK_BYTES(got, len, want)                                                            \
    check_report((len) == strlen(want) && memcmp((got), (want), (len)) == 0, __FILE__,        \
                 __LINE__, #got " == " #want)

static int check_finish(const char *program) {
    printf("%s: %d passed, %d failed\n", program, check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

/* The (pointer, length) of a string literal or array, for the ABI's byte inputs. */
#define LIT(s) (const uint8_t *)(s), (sizeof(s) - 1)

/* A value no call writes to `*out_len` by chance: a length still equal to it was not written. */
#define SENTINEL_LEN ((size_t)0xDEADBEEF)

/* A buffer of `n` bytes filled with 0xEE, to see exactly what a call writes. */
static inline uint8_t *poisoned(size_t n) {
    uint8_t *p = malloc(n ? n : 1);
    if (p == NULL) {
        abort();
    }
    memset(p, 0xEE, n ? n : 1);
    return p;
}

/* Whether the `n` bytes at `p` are all still 0xEE: nothing was written there. */
static inline int all_poisoned(const uint8_t *p, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (p[i] != 0xEE) {
            return 0;
        }
    }
    return 1;
}

/* A key from a C string secret, checked to be made. */
static inline jwtmint_key *make_key(const char *secret) {
    jwtmint_key *key = NULL;
    CHECK_RC(jwtmint_key_new((const uint8_t *)secret, strlen(secret), &key), JWTMINT_OK);
    CHECK(key != NULL);
    return key;
}

/* The Zoom API verifier of the fixtures' API key, checked to be made. */
static inline jwtmint_verifier *make_zoom_verifier(const jwtmint_key *key, const char *api_key) {
    jwtmint_verifier *v = NULL;
    CHECK_RC(jwtmint_verifier_new_zoom_api(key, (const uint8_t *)api_key, strlen(api_key), &v),
             JWTMINT_OK);
    CHECK(v != NULL);
    return v;
}

#endif
