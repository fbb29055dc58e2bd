/* Several threads mint and verify at once with one shared key, minter and verifier (made and
 * configured on the main thread, then shared as const), while other threads make and free
 * keys of their own. Every token must be the one a single thread makes for the same time.
 * Then threads share one API token cache: one mint per refresh window, whoever asks first. */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixtures.h"
#include "jwtmint.h"

#define THREADS 8

struct shared {
    const jwtmint_key *key;
    const jwtmint_api_minter *minter;
    const jwtmint_verifier *verifier;
    int rounds;
};

struct worker {
    const struct shared *shared;
    int id;
    long failures;
    long done;
};

static void *mint_and_verify(void *arg) {
    struct worker *w = arg;
    const struct shared *s = w->shared;
    uint8_t tok[256], again[256], payload[256];
    char expected[128];
    int i;

    for (i = 0; i < s->rounds; i++) {
        size_t tok_len = 0, again_len = 0, payload_len = 0;
        int64_t now = FIXTURE_NOW + (int64_t)w->id * 1000003 + i;
        int ok = 1;
        ok &= jwtmint_api_minter_mint(s->minter, now, tok, sizeof tok, &tok_len) == JWTMINT_OK;
        ok &= jwtmint_mint_api_token(s->key, LIT(FIXTURE_API_KEY), now, 30, 3600, again,
                                     sizeof again, &again_len) == JWTMINT_OK;
        ok &= tok_len == again_len && memcmp(tok, again, tok_len) == 0;
        ok &= jwtmint_verifier_verify(s->verifier, tok, tok_len, now, payload, sizeof payload,
                                      &payload_len) == JWTMINT_OK;
        snprintf(expected, sizeof expected, "{\"iss\":\"my-api-key\",\"iat\":%lld,\"exp\":%lld}",
                 (long long)(now - 30), (long long)(now - 30 + 3600));
        ok &= payload_len == strlen(expected) && memcmp(payload, expected, payload_len) == 0;
        /* The same shared verifier rejects what it must, concurrently. */
        ok &= jwtmint_verifier_check(s->verifier, tok, tok_len, now + 3600 - 30 + 60) ==
              JWTMINT_EXPIRED;
        ok &= jwtmint_verifier_check(s->verifier, LIT(TOKEN_OTHER_SECRET), FIXTURE_NOW) ==
              JWTMINT_INVALID_SIGNATURE;
        if (!ok) {
            w->failures++;
        }
        w->done++;
    }
    return NULL;
}

/* Keys made and freed on many threads at once: the allocator and key wiping under load. */
static void *churn_keys(void *arg) {
    struct worker *w = arg;
    int i;
    for (i = 0; i < w->shared->rounds / 4; i++) {
        jwtmint_key *key = NULL;
        jwtmint_verifier *v = NULL;
        int ok = jwtmint_key_new(LIT(FIXTURE_SECRET), &key) == JWTMINT_OK;
        ok = ok && jwtmint_verifier_new_zoom_api(key, LIT(FIXTURE_API_KEY), &v) == JWTMINT_OK;
        jwtmint_key_free(key);
        ok = ok && jwtmint_verifier_check(v, LIT(TOKEN_KAT_API), FIXTURE_NOW) == JWTMINT_OK;
        jwtmint_verifier_free(v);
        if (!ok) {
            w->failures++;
        }
        w->done++;
    }
    return NULL;
}

/* ---- one API token cache shared by every thread ---- */

#define WINDOWS 6
/* Far enough apart that each window's token is stale in the next (ttl 3600, margin 60). */
#define WINDOW_STEP 3600

struct cache_shared {
    const jwtmint_api_token_cache *cache;
    char expected[WINDOWS][256]; /* the minter's token for each window's time */
    pthread_barrier_t barrier;
    int calls;
};

struct cache_worker {
    struct cache_shared *shared;
    long failures;
    long done;
};

/* In each window, after every thread has arrived, all ask the cache at once at the window's
 * time: exactly one of them mints, and all get that token. */
static void *ask_cache(void *arg) {
    struct cache_worker *w = arg;
    struct cache_shared *s = w->shared;
    int window, i;
    for (window = 0; window < WINDOWS; window++) {
        int64_t now = FIXTURE_NOW + (int64_t)window * WINDOW_STEP;
        pthread_barrier_wait(&s->barrier);
        for (i = 0; i < s->calls; i++) {
            uint8_t tok[256];
            size_t len = 0;
            if (jwtmint_api_token_cache_token(s->cache, now, tok, sizeof tok, &len) != JWTMINT_OK ||
                len != strlen(s->expected[window]) ||
                memcmp(tok, s->expected[window], len) != 0) {
                w->failures++;
            }
            w->done++;
        }
    }
    return NULL;
}

static void test_shared_cache(const jwtmint_api_minter *minter, int calls) {
    static struct cache_shared s; /* large: not on the stack */
    struct cache_worker workers[THREADS];
    pthread_t threads[THREADS];
    jwtmint_api_token_cache *cache = NULL;
    long total = 0;
    int i;

    CHECK_RC(jwtmint_api_token_cache_new(minter, 60, &cache), JWTMINT_OK);
    for (i = 0; i < WINDOWS; i++) {
        size_t len = 0;
        CHECK_RC(jwtmint_api_minter_mint(minter, FIXTURE_NOW + (int64_t)i * WINDOW_STEP,
                                         (uint8_t *)s.expected[i], sizeof s.expected[i], &len),
                 JWTMINT_OK);
        CHECK(i == 0 || strcmp(s.expected[i], s.expected[i - 1]) != 0);
    }
    CHECK(strcmp(s.expected[0], TOKEN_KAT_API) == 0); /* Python's token for FIXTURE_NOW */
    s.cache = cache;
    s.calls = calls;
    CHECK(pthread_barrier_init(&s.barrier, NULL, THREADS) == 0);
    for (i = 0; i < THREADS; i++) {
        workers[i].shared = &s;
        workers[i].failures = 0;
        workers[i].done = 0;
        CHECK(pthread_create(&threads[i], NULL, ask_cache, &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(workers[i].failures == 0);
        CHECK(workers[i].done == (long)WINDOWS * calls);
        total += workers[i].done;
    }
    /* One mint per window, however many threads asked at once. */
    CHECK(jwtmint_api_token_cache_mint_count(cache) == WINDOWS);
    printf("test_threads: %d threads shared a token cache: %ld calls, %llu mints\n", THREADS,
           total, (unsigned long long)jwtmint_api_token_cache_mint_count(cache));
    CHECK(pthread_barrier_destroy(&s.barrier) == 0);
    jwtmint_api_token_cache_free(cache);
}

int main(int argc, char **argv) {
    struct shared s;
    struct worker workers[THREADS];
    pthread_t threads[THREADS];
    jwtmint_key *key = NULL;
    jwtmint_api_minter *minter = NULL;
    jwtmint_verifier *verifier = NULL;
    long total = 0;
    int i;

    s.rounds = argc > 1 ? atoi(argv[1]) : 2000;
    CHECK(s.rounds > 0);
    CHECK_RC(jwtmint_key_new(LIT(FIXTURE_SECRET), &key), JWTMINT_OK);
    CHECK_RC(jwtmint_api_minter_new(key, LIT(FIXTURE_API_KEY), 30, 3600, &minter), JWTMINT_OK);
    /* Configure on one thread, then share as const. */
    CHECK_RC(jwtmint_verifier_new(key, &verifier), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_require_claim(verifier, LIT("iss")), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_require_claim(verifier, LIT("iat")), JWTMINT_OK); /* and exp */
    CHECK_RC(jwtmint_verifier_set_issuer(verifier, LIT(FIXTURE_API_KEY)), JWTMINT_OK);
    CHECK_RC(jwtmint_verifier_set_leeway(verifier, 60), JWTMINT_OK);
    s.key = key;
    s.minter = minter;
    s.verifier = verifier;

    for (i = 0; i < THREADS; i++) {
        workers[i].shared = &s;
        workers[i].id = i;
        workers[i].failures = 0;
        workers[i].done = 0;
        CHECK(pthread_create(&threads[i], NULL, i % 4 == 3 ? churn_keys : mint_and_verify,
                             &workers[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(workers[i].failures == 0);
        CHECK(workers[i].done > 0);
        total += workers[i].done;
    }
    printf("test_threads: %d threads, %ld rounds\n", THREADS, total);
    test_shared_cache(minter, s.rounds / 20 + 1);

    jwtmint_verifier_free(verifier);
    jwtmint_api_minter_free(minter);
    jwtmint_key_free(key);
    return check_finish("test_threads");
}
