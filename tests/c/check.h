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

/* Checks that a call wrote nothing: `len` is still SENTINEL_LEN and the `n` bytes at `buf`
 * are still poisoned. */
#define CHECK_UNWRITTEN(buf, n, len)                                                           \
    do {                                                                                       \
        CHECK((len) == SENTINEL_LEN);                                                          \
        CHECK(all_poisoned((buf), (n)));                                                       \
    } while (0)

/* One call of an output function, its other arguments bound (`ctx` is its handle, or what
 * it needs): writes into the caller's buffer (out, cap, *out_len). */
typedef jwtmint_result (*write_call)(const void *ctx, uint8_t *out, size_t cap, size_t *out_len);

/* Checks the header's output-buffer contract on a call whose output is the text `want`: with
 * room to spare, the bytes, a NUL and nothing after; in exactly its length, the bytes and no
 * NUL; one byte short, JWTMINT_BUFFER_TOO_SMALL with only *out_len (the length) written; and
 * (NULL, 0) asks for the length. `what` names the call in a failure. */
static inline void check_output_contract(const char *what, write_call call, const void *ctx,
                                         const char *want) {
    const size_t n = strlen(want);
    uint8_t *buf = poisoned(n + 10);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc;

    rc = call(ctx, buf, n + 10, &len);
    check_report(rc == JWTMINT_OK && len == n && memcmp(buf, want, n) == 0 && buf[n] == 0 &&
                     all_poisoned(buf + n + 1, 9),
                 what, __LINE__, "room to spare: the bytes, a NUL, nothing after");
    memset(buf, 0xEE, n + 10);
    rc = call(ctx, buf, n, &len);
    check_report(rc == JWTMINT_OK && len == n && memcmp(buf, want, n) == 0 &&
                     all_poisoned(buf + n, 10),
                 what, __LINE__, "exactly the length: the bytes, no NUL");
    memset(buf, 0xEE, n + 10);
    len = SENTINEL_LEN;
    rc = call(ctx, buf, n - 1, &len);
    check_report(rc == JWTMINT_BUFFER_TOO_SMALL && len == n && all_poisoned(buf, n + 10), what,
                 __LINE__, "one byte short: only *out_len, the length");
    len = SENTINEL_LEN;
    rc = call(ctx, NULL, 0, &len);
    check_report(rc == JWTMINT_BUFFER_TOO_SMALL && len == n, what, __LINE__,
                 "(NULL, 0): the length");
    free(buf);
}

/* What a write_call on a token needs: the handle, the token (a C string) and `now`. */
struct token_call {
    const void *handle;
    const char *token;
    int64_t now;
};

/* Runs `call` into a poisoned buffer of `cap` bytes and returns its result; on a failure,
 * checks that nothing was written. */
static inline jwtmint_result call_into(write_call call, const void *ctx, size_t cap) {
    uint8_t *buf = poisoned(cap);
    size_t len = SENTINEL_LEN;
    jwtmint_result rc = call(ctx, buf, cap, &len);
    if (rc != JWTMINT_OK) {
        CHECK_UNWRITTEN(buf, cap, len);
    }
    free(buf);
    return rc;
}

/* What a call that writes a text into the poisoned buffer `buf` (`cap` bytes) left there, with
 * `rc` its result and `len` its *out_len: on JWTMINT_OK the text and its NUL fit, and are
 * copied to `text` when it is not NULL; on a failure nothing was written. Frees `buf`;
 * returns `rc`. */
static inline jwtmint_result text_written(jwtmint_result rc, uint8_t *buf, size_t cap, size_t len,
                                          char *text) {
    if (rc == JWTMINT_OK) {
        CHECK(len < cap && buf[len] == 0);
        if (text != NULL) {
            memcpy(text, buf, len + 1);
        }
    } else {
        CHECK_UNWRITTEN(buf, cap, len);
    }
    free(buf);
    return rc;
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
