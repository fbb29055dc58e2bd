/* Leaks a key on purpose: tests/c/run.sh checks that AddressSanitizer and valgrind both
 * reject it, so a leak checker that silently stopped working would fail the run. */
#include "fixtures.h"
#include "jwtmint.h"

int main(void) {
    jwtmint_key *key = 0;
    jwtmint_result rc =
        jwtmint_key_new((const uint8_t *)FIXTURE_SECRET, sizeof FIXTURE_SECRET - 1, &key);
    key = 0; /* the only pointer to it is gone */
    return rc == JWTMINT_OK ? 0 : 2;
}
