// Tests of the C++17 wrapper (include/jwtmint.hpp): RAII handles, exceptions with codes, the
// non-throwing try_* forms. Expected tokens come from fixtures.h (Python's stdlib).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "jwtmint.hpp"

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (cond) {                                                                            \
            passed++;                                                                          \
        } else {                                                                               \
            failed++;                                                                          \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
        }                                                                                      \
    } while (0)

// Runs `f`, which must throw jwtmint::Error with `code`.
template <class F> static void check_throws(F &&f, jwtmint_result code, int line) {
    try {
        f();
        failed++;
        std::fprintf(stderr, "%s:%d: no exception, want %s\n", __FILE__, line,
                     jwtmint::name(code));
    } catch (const jwtmint::Error &e) {
        if (e.code() == code && std::string(e.what()) == jwtmint::message(code) &&
            std::string(e.name()) == jwtmint::name(code)) {
            passed++;
        } else {
            failed++;
            std::fprintf(stderr, "%s:%d: threw %s, want %s\n", __FILE__, line, e.name(),
                         jwtmint::name(code));
        }
    }
}
#define CHECK_THROWS(expr, code) check_throws([&] { (void)(expr); }, code, __LINE__)

static_assert(!std::is_copy_constructible_v<jwtmint::Key>, "handles are move-only");
static_assert(std::is_nothrow_move_constructible_v<jwtmint::Key>);
static_assert(std::is_base_of_v<std::runtime_error, jwtmint::Error>);

static void test_key() {
    jwtmint::Key key(FIXTURE_SECRET);
    CHECK(key.get() != nullptr);
    jwtmint::Key moved(std::move(key));
    CHECK(moved.get() != nullptr);
    CHECK(key.get() == nullptr);  // NOLINT: checking the moved-from state on purpose

    CHECK_THROWS(jwtmint::Key("short"), JWTMINT_WEAK_SECRET);
    CHECK_THROWS(jwtmint::Key(""), JWTMINT_EMPTY_SECRET);
    CHECK_THROWS(jwtmint::Key("zz", jwtmint::SecretEncoding::hex), JWTMINT_INVALID_SECRET_ENCODING);
    CHECK_THROWS(jwtmint::Key("\xff\xfe", jwtmint::SecretEncoding::utf8), JWTMINT_INVALID_UTF8);

    auto r = jwtmint::Key::try_new("short");
    CHECK(!r);
    CHECK(r.code() == JWTMINT_WEAK_SECRET);
    CHECK(std::string(r.name()) == "weak_secret");
    CHECK_THROWS(r.value(), JWTMINT_WEAK_SECRET);

    auto hex = jwtmint::Key::try_new(
        "6D792D7A6F6F6D2D6170692D7365637265742D6F662D33362D6368617261637465727321",
        jwtmint::SecretEncoding::hex);
    CHECK(hex.ok());
    CHECK(jwtmint::mint_api_token(*hex, FIXTURE_API_KEY, FIXTURE_NOW) == TOKEN_KAT_API);
}

static void test_minter() {
    jwtmint::Key key(FIXTURE_SECRET);
    jwtmint::ApiMinter minter(key, FIXTURE_API_KEY);
    CHECK(minter.mint(FIXTURE_NOW) == TOKEN_KAT_API);
    CHECK(minter.max_token_len() >= std::string_view(TOKEN_KAT_API).size());

    auto r = minter.try_mint(FIXTURE_NOW);
    CHECK(r.ok() && *r == TOKEN_KAT_API && r->size() == std::string_view(TOKEN_KAT_API).size());
    auto overflow = minter.try_mint(INT64_MAX);
    CHECK(!overflow && overflow.code() == JWTMINT_TIME_OVERFLOW);
    CHECK_THROWS(minter.mint(INT64_MIN), JWTMINT_TIME_OVERFLOW);

    // The current time: a token that verifies now.
    std::string token = minter.mint();
    CHECK(jwtmint::Verifier::zoom_api(key, FIXTURE_API_KEY).try_check(token, jwtmint::now()).ok());

    CHECK_THROWS(jwtmint::ApiMinter(key, ""), JWTMINT_INVALID_ARGUMENT);
    CHECK_THROWS(jwtmint::ApiMinter(key, "k", 30, 0), JWTMINT_INVALID_ARGUMENT);
    CHECK_THROWS(jwtmint::ApiMinter(key, "\xc3"), JWTMINT_INVALID_UTF8);
    CHECK(jwtmint::ApiMinter::try_new(key, "k", 0, 60).ok());

    // A long API key: the wrapper's buffer guesses must still fit.
    std::string long_key(3000, 'k');
    jwtmint::ApiMinter long_minter(key, long_key);
    CHECK(long_minter.mint(FIXTURE_NOW).size() > 4000);
    CHECK(jwtmint::mint_api_token(key, long_key, FIXTURE_NOW) == long_minter.mint(FIXTURE_NOW));

    // A moved-from minter reports a NULL handle rather than crashing.
    jwtmint::ApiMinter taken(std::move(minter));
    CHECK(taken.mint(FIXTURE_NOW) == TOKEN_KAT_API);
    CHECK_THROWS(minter.mint(FIXTURE_NOW), JWTMINT_NULL_POINTER);  // NOLINT: moved-from on purpose
}

static void test_mint_json() {
    jwtmint::Key key(FIXTURE_SECRET);
    CHECK(jwtmint::mint_json(key, PAYLOAD_KAT_JSON) == TOKEN_KAT_JSON);
    CHECK_THROWS(jwtmint::mint_json(key, R"({"a":1,"a":2})"), JWTMINT_DUPLICATE_MEMBER);
    CHECK_THROWS(jwtmint::mint_json(key, R"({"exp":"soon"})"), JWTMINT_MALFORMED_CLAIM);
    CHECK_THROWS(jwtmint::mint_json(key, "[]"), JWTMINT_CLAIMS_NOT_AN_OBJECT);
    auto r = jwtmint::try_mint_json(key, "{");
    CHECK(!r && r.code() == JWTMINT_INVALID_JSON);
    // Large claims: the first buffer guess is exceeded and retried with the size needed.
    std::string big = "{\"data\":\"" + std::string(10000, 'x') + "\",\"exp\":2000000000}";
    std::string token = jwtmint::mint_json(key, big);
    jwtmint::Verifier v(key);
    v.set_max_len(1 << 20);
    CHECK(v.verify(token, 1900000000) == big);
}

static void test_verifier() {
    jwtmint::Key key(FIXTURE_SECRET);
    auto v = jwtmint::Verifier::zoom_api(key, FIXTURE_API_KEY);
    CHECK(v.verify(TOKEN_KAT_API, FIXTURE_NOW) == PAYLOAD_KAT_API);
    v.check(TOKEN_KAT_API, FIXTURE_NOW);

    CHECK_THROWS(v.verify(TOKEN_KAT_API, FIXTURE_EXP + 60), JWTMINT_EXPIRED);
    CHECK_THROWS(v.verify(TOKEN_OTHER_SECRET, FIXTURE_NOW), JWTMINT_INVALID_SIGNATURE);
    CHECK_THROWS(v.verify(TOKEN_ALG_NONE, FIXTURE_NOW), JWTMINT_UNSUPPORTED_ALGORITHM);
    CHECK_THROWS(v.verify("not a token", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_THROWS(v.verify("", FIXTURE_NOW), JWTMINT_SEGMENT_COUNT);
    CHECK_THROWS(v.check(TOKEN_OTHER_ISS, FIXTURE_NOW), JWTMINT_ISSUER_MISMATCH);

    auto r = v.try_verify(TOKEN_PAYLOAD_DUP, FIXTURE_NOW);
    CHECK(!r && r.code() == JWTMINT_DUPLICATE_MEMBER);
    CHECK_THROWS(*r, JWTMINT_DUPLICATE_MEMBER);
    auto ok = v.try_verify(TOKEN_KAT_API, FIXTURE_NOW);
    CHECK(ok && *ok == PAYLOAD_KAT_API);
    CHECK(v.try_check(TOKEN_EXP_STRING, FIXTURE_NOW).code() == JWTMINT_MALFORMED_CLAIM);
    // The current time: the fixture expired long ago.
    CHECK(v.try_verify(TOKEN_KAT_API).code() == JWTMINT_EXPIRED);

    jwtmint::Verifier custom(key);
    custom.set_leeway(0).set_max_len(4096).set_issuer(FIXTURE_API_KEY).set_audience("zoom");
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).ok());
    CHECK(custom.try_check(TOKEN_KAT_API, FIXTURE_NOW).code() == JWTMINT_MISSING_CLAIM);
    custom.set_required_claims("jti");
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).code() == JWTMINT_MISSING_CLAIM);
    CHECK_THROWS(custom.set_required_claims("exp,,iat"), JWTMINT_INVALID_ARGUMENT);
    CHECK_THROWS(custom.set_issuer("\xff"), JWTMINT_INVALID_UTF8);
    custom.set_required_claims("");
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).ok());
    CHECK_THROWS(jwtmint::Verifier::zoom_api(key, "\x80"), JWTMINT_INVALID_UTF8);
}

static void test_threads() {
    jwtmint::Key key(FIXTURE_SECRET);
    const jwtmint::ApiMinter minter(key, FIXTURE_API_KEY);
    const auto verifier = jwtmint::Verifier::zoom_api(key, FIXTURE_API_KEY);
    std::vector<std::thread> threads;
    std::vector<int> bad(4, 0);
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; i++) {
                std::int64_t now = FIXTURE_NOW + t * 100000 + i;
                auto token = minter.try_mint(now);
                if (!token || !verifier.try_check(*token, now)) {
                    bad[t]++;
                }
            }
        });
    }
    for (auto &th : threads) {
        th.join();
    }
    for (int b : bad) {
        CHECK(b == 0);
    }
}

int main() {
    CHECK(jwtmint::version() == jwtmint_version());
    CHECK(std::string(jwtmint::message(JWTMINT_EXPIRED)) == "the token has expired");
    test_key();
    test_minter();
    test_mint_json();
    test_verifier();
    test_threads();
    std::printf("test_cpp: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
