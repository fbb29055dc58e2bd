// Tests of the C++17 wrapper (include/jwtmint.hpp): RAII handles, exceptions with codes, the
// non-throwing try_* forms. Expected tokens come from fixtures.h (Python's stdlib).
#include <cstdint>
#include <cstdio>
#include <optional>
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
    custom.require_claims({"iss", "jti"});
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).code() == JWTMINT_MISSING_CLAIM);
    CHECK_THROWS(custom.require_claim(""), JWTMINT_INVALID_ARGUMENT);
    CHECK_THROWS(custom.require_claims({"exp", "", "iat"}), JWTMINT_INVALID_ARGUMENT);
    CHECK_THROWS(custom.set_issuer("\xff"), JWTMINT_INVALID_UTF8);
    custom.clear_required_claims();
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).ok());
    custom.require_claims({"iss", "aud"});
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).ok());
    custom.require_claim("nbf");
    CHECK(custom.try_check(TOKEN_AUD, FIXTURE_NOW).code() == JWTMINT_MISSING_CLAIM);
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

// ---- Zoom extras ----

static jwtmint::VideoSdkOptions all_options() {
    jwtmint::VideoSdkOptions o(FIXTURE_VSDK_KEY, "room-1", jwtmint::Role::participant);
    o.user_identity = "user-42";
    o.session_key = "session-key-1";
    o.geo_regions = "US,DE";
    o.telemetry_tracking_id = "tt-1";
    o.cloud_recording_option = true;
    o.cloud_recording_election = false;
    o.video_webrtc_mode = true;
    o.audio_webrtc_mode = false;
    o.ttl = 1800;
    o.skew = 0;
    return o;
}

static void test_videosdk() {
    jwtmint::Key key(FIXTURE_VSDK_SECRET);
    jwtmint::VideoSdkOptions min(FIXTURE_VSDK_KEY, FIXTURE_VSDK_TPC, jwtmint::Role::host);
    CHECK(jwtmint::mint_videosdk_token(key, min, FIXTURE_NOW) == VSDK_MIN);
    CHECK(jwtmint::mint_videosdk_token(key, all_options(), FIXTURE_NOW) == VSDK_ALL);

    jwtmint::VideoSdkVerifier verifier(key, FIXTURE_VSDK_KEY);
    CHECK(verifier.verify(VSDK_ALL, FIXTURE_NOW) == PAYLOAD_VSDK_ALL);
    CHECK(verifier.verify(VSDK_MIN, FIXTURE_NOW) == PAYLOAD_VSDK_MIN);
    auto foreign = verifier.try_verify(VSDK_FOREIGN, FIXTURE_NOW);
    CHECK(foreign && *foreign == CLAIMS_VSDK_FOREIGN);
    CHECK_THROWS(verifier.verify(VSDK_OTHER_APP_KEY, FIXTURE_NOW), JWTMINT_APP_KEY_MISMATCH);
    CHECK_THROWS(verifier.verify(VSDK_GEO_DUP, FIXTURE_NOW), JWTMINT_DUPLICATE_GEO_REGION);
    CHECK(verifier.try_verify(VSDK_ROLE_STRING, FIXTURE_NOW).code() == JWTMINT_CLAIMS_TYPE);
    // The current time: the fixture expired long ago.
    CHECK(verifier.try_verify(VSDK_ALL).code() == JWTMINT_EXPIRED);
    verifier.set_leeway(0).set_max_len(std::string_view(VSDK_ALL).size() - 1);
    CHECK(verifier.try_verify(VSDK_ALL, FIXTURE_NOW).code() == JWTMINT_TOO_LONG);
    verifier.set_max_len(8192);
    CHECK(verifier.try_verify(VSDK_ALL, FIXTURE_NOW + 1800).code() == JWTMINT_EXPIRED);
    CHECK(verifier.try_verify(VSDK_ALL, FIXTURE_NOW + 1799).ok());
    CHECK_THROWS(jwtmint::VideoSdkVerifier(key, "\xff"), JWTMINT_INVALID_UTF8);

    // Minting now: the token verifies now.
    jwtmint::VideoSdkVerifier fresh(key, FIXTURE_VSDK_KEY);
    CHECK(fresh.try_verify(jwtmint::mint_videosdk_token(key, min)).ok());

    // The rules, as exceptions and as codes.
    auto bad = all_options();
    bad.tpc = "";
    CHECK_THROWS(jwtmint::mint_videosdk_token(key, bad, FIXTURE_NOW), JWTMINT_EMPTY_FIELD);
    bad = all_options();
    bad.role = static_cast<jwtmint::Role>(2);
    CHECK_THROWS(jwtmint::mint_videosdk_token(key, bad, FIXTURE_NOW),
                 JWTMINT_INVALID_VIDEO_SDK_CLAIM);
    bad = all_options();
    bad.geo_regions = "us";
    CHECK(jwtmint::try_mint_videosdk_token(key, bad, FIXTURE_NOW).code() ==
          JWTMINT_UNKNOWN_GEO_REGION);
    bad.geo_regions = "";
    CHECK(jwtmint::try_mint_videosdk_token(key, bad, FIXTURE_NOW).code() ==
          JWTMINT_UNKNOWN_GEO_REGION);
    bad = all_options();
    bad.ttl = 1799;
    CHECK(jwtmint::try_mint_videosdk_token(key, bad, FIXTURE_NOW).code() ==
          JWTMINT_LIFETIME_OUT_OF_RANGE);
    bad = all_options();
    bad.user_identity = std::string(36, 'u');
    CHECK(jwtmint::try_mint_videosdk_token(key, bad, FIXTURE_NOW).code() ==
          JWTMINT_FIELD_TOO_LONG);
    bad = all_options();
    bad.tpc = "\xc3";
    CHECK(jwtmint::try_mint_videosdk_token(key, bad, FIXTURE_NOW).code() == JWTMINT_INVALID_UTF8);

    // An optional text set to "" is in the token; std::nullopt is not.
    jwtmint::VideoSdkOptions empty_id(FIXTURE_VSDK_KEY, "r", jwtmint::Role::host);
    empty_id.user_identity = "";
    empty_id.skew = 0;
    jwtmint::VideoSdkVerifier plain(key, FIXTURE_VSDK_KEY);
    CHECK(plain.verify(jwtmint::mint_videosdk_token(key, empty_id, FIXTURE_NOW), FIXTURE_NOW) ==
          R"({"app_key":"my-sdk-key","role_type":1,"tpc":"r","version":1,"iat":1700000000,)"
          R"("exp":1700007200,"user_identity":""})");

    // Text that grows eightfold when escaped and encoded: the wrapper's first buffer guess is
    // too small and it retries with the size the library asks for.
    jwtmint::VideoSdkOptions big(FIXTURE_VSDK_KEY, "r", jwtmint::Role::host);
    big.telemetry_tracking_id = std::string(3000, '\x01');
    std::string token = jwtmint::mint_videosdk_token(key, big, FIXTURE_NOW);
    CHECK(token.size() > 3000 * 6 * 4 / 3);
    plain.set_max_len(1 << 20);
    std::string claims = plain.verify(token, FIXTURE_NOW);
    CHECK(claims.size() > 3000 * 6 && claims.find("\\u0001\\u0001") != std::string::npos);

    static_assert(!std::is_copy_constructible_v<jwtmint::VideoSdkVerifier>);
    jwtmint::VideoSdkVerifier moved(std::move(plain));
    CHECK_THROWS(plain.verify(VSDK_ALL, FIXTURE_NOW), JWTMINT_NULL_POINTER);  // NOLINT
}

// tests/vectors/meeting_sdk.json, web_participant_no_skew (Python's stdlib).
static const char *const MEETING_WEB_TOKEN =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJhYmNkZWZnaGlqa2xtbm9wcXJzdHV2Iiwic2Rr"
    "S2V5IjoiYWJjZGVmZ2hpamtsbW5vcHFyc3R1diIsIm1uIjoiODU3NDYwNjU0MzIiLCJyb2xlIjowLCJpYXQiOjE3"
    "MDAwMDAwMDAsImV4cCI6MTcwMDAwNzIwMCwidG9rZW5FeHAiOjE3MDAwMDcyMDB9.pS1ZzeBDEwaEcfdLSnBq8EXW"
    "MgQRQa6ADgOtG4P2_0E";

static void test_meetingsdk() {
    const std::int64_t now = 1700000000;
    jwtmint::Key key("Zoom-Meeting-SDK-Secret-Of-36-Chars!");
    jwtmint::MeetingSdkOptions web("abcdefghijklmnopqrstuv");
    web.mn = "85746065432";
    web.role = jwtmint::Role::participant;
    web.skew = 0;
    CHECK(jwtmint::mint_meetingsdk_token(key, web, now) == MEETING_WEB_TOKEN);

    jwtmint::MeetingSdkVerifier any(key);
    CHECK(any.verify(MEETING_WEB_TOKEN, now).find("\"mn\":\"85746065432\"") != std::string::npos);
    jwtmint::MeetingSdkVerifier mine(key, "abcdefghijklmnopqrstuv");
    CHECK(mine.try_verify(MEETING_WEB_TOKEN, now).ok());
    jwtmint::MeetingSdkVerifier empty(key, "");  // expects the empty key, which no token has
    CHECK(empty.try_verify(MEETING_WEB_TOKEN, now).code() == JWTMINT_SDK_KEY_MISMATCH);
    CHECK_THROWS(jwtmint::MeetingSdkVerifier(key, "other").verify(MEETING_WEB_TOKEN, now),
                 JWTMINT_SDK_KEY_MISMATCH);
    CHECK_THROWS(any.verify(MEETING_WEB_TOKEN, now + 7200 + 60), JWTMINT_EXPIRED);
    any.set_leeway(120);
    CHECK(any.try_verify(MEETING_WEB_TOKEN, now + 7200 + 60).ok());

    jwtmint::MeetingSdkOptions half("k");
    half.mn = "1";
    CHECK_THROWS(jwtmint::mint_meetingsdk_token(key, half, now), JWTMINT_INVALID_MEETING_SDK_CLAIM);
    jwtmint::MeetingSdkOptions short_lived("k");
    short_lived.ttl = 60;
    CHECK(jwtmint::try_mint_meetingsdk_token(key, short_lived, now).code() ==
          JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE);
    // A native token with webrtc, read back.
    jwtmint::MeetingSdkOptions native("k");
    native.video_webrtc_mode = true;
    CHECK(any.verify(jwtmint::mint_meetingsdk_token(key, native)).find("\"video_webrtc_mode\":1") !=
          std::string::npos);

    CHECK(jwtmint::videosdk_tpc_notes("room 1") == 0);
    CHECK(jwtmint::videosdk_tpc_notes("Caf\xc3\xa9") ==
          (JWTMINT_TPC_UNDOCUMENTED_CHARACTER | JWTMINT_TPC_NOT_LOWER_CASE));
    CHECK_THROWS(jwtmint::videosdk_tpc_notes("\xff"), JWTMINT_INVALID_UTF8);

    // user_key through the Video SDK options.
    jwtmint::VideoSdkOptions vo("k", "t", jwtmint::Role::host);
    vo.user_key = std::string(36, 'u');
    jwtmint::VideoSdkVerifier vv(key, "k");
    CHECK(vv.verify(jwtmint::mint_videosdk_token(key, vo, now), now).find(
              "\"user_key\":\"" + std::string(36, 'u') + "\"") != std::string::npos);
    vo.user_key = std::string(37, 'u');
    CHECK_THROWS(jwtmint::mint_videosdk_token(key, vo, now), JWTMINT_FIELD_TOO_LONG);
}

static void test_webhook() {
    jwtmint::Webhook webhook(FIXTURE_HOOK_SECRET);
    CHECK(webhook.sign(1700000000, FIXTURE_HOOK_BODY) == FIXTURE_HOOK_SIGNATURE);
    CHECK(webhook.sign(0, FIXTURE_HOOK_BODY) == FIXTURE_HOOK_SIGNATURE_TS0);
    CHECK(webhook.verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE,
                         FIXTURE_NOW) == 1700000000u);
    CHECK(webhook.url_validation(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE,
                                 FIXTURE_NOW) == FIXTURE_HOOK_ANSWER);

    CHECK_THROWS(webhook.verify(FIXTURE_HOOK_TS, "{}", FIXTURE_HOOK_SIGNATURE, FIXTURE_NOW),
                 JWTMINT_WEBHOOK_SIGNATURE_MISMATCH);
    CHECK_THROWS(webhook.verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE,
                                FIXTURE_NOW + 301),
                 JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    CHECK(webhook.try_verify("17e8", FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE, FIXTURE_NOW)
              .code() == JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED);
    CHECK(webhook.try_verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, "sha256=abc", FIXTURE_NOW)
              .code() == JWTMINT_WEBHOOK_SIGNATURE_PREFIX);
    CHECK(webhook.try_verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, "v0=abc", FIXTURE_NOW).code() ==
          JWTMINT_WEBHOOK_SIGNATURE_LENGTH);
    CHECK_THROWS(webhook.url_validation(FIXTURE_HOOK_TS, HOOK_BODY_WRONG_EVENT,
                                        HOOK_SIG_WRONG_EVENT, FIXTURE_NOW),
                 JWTMINT_UNEXPECTED_WEBHOOK_EVENT);
    CHECK(webhook
              .try_url_validation(FIXTURE_HOOK_TS, HOOK_BODY_EMPTY_PLAIN, HOOK_SIG_EMPTY_PLAIN,
                                  FIXTURE_NOW)
              .code() == JWTMINT_INVALID_PLAIN_TOKEN);
    CHECK(webhook
              .try_url_validation(FIXTURE_HOOK_TS, HOOK_BODY_DUP_EVENT, HOOK_SIG_DUP_EVENT,
                                  FIXTURE_NOW)
              .code() == JWTMINT_WEBHOOK_BODY_MALFORMED);
    // The current time: the fixture is stale; a request signed now is not.
    CHECK(webhook.try_verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE).code() ==
          JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    auto now = static_cast<std::uint64_t>(jwtmint::now());
    std::string ts = std::to_string(now);
    std::string body = R"({"event":"endpoint.url_validation","payload":{"plainToken":"p"}})";
    CHECK(webhook.verify(ts, body, webhook.sign(now, body)) == now);
    CHECK(webhook.try_url_validation(ts, body, webhook.sign(now, body)).ok());
    CHECK(webhook.url_validation(ts, body, webhook.sign(now, body)).find(R"("plainToken":"p")") !=
          std::string::npos);

    webhook.set_tolerance(0);
    CHECK(webhook.try_verify(FIXTURE_HOOK_TS, FIXTURE_HOOK_BODY, FIXTURE_HOOK_SIGNATURE,
                             FIXTURE_NOW + 1)
              .code() == JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    CHECK_THROWS(jwtmint::Webhook(""), JWTMINT_EMPTY_SECRET);
    CHECK(jwtmint::Webhook::try_new("x").ok());
    jwtmint::Webhook moved(std::move(webhook));
    CHECK(moved.sign(0, FIXTURE_HOOK_BODY) == FIXTURE_HOOK_SIGNATURE_TS0);
    CHECK_THROWS(webhook.sign(0, ""), JWTMINT_NULL_POINTER);  // NOLINT: moved-from on purpose
}

static void test_token_cache() {
    jwtmint::Key key(FIXTURE_SECRET);
    std::optional<jwtmint::ApiTokenCache> cache;
    {
        jwtmint::ApiMinter minter(key, FIXTURE_API_KEY);
        cache.emplace(minter);  // the cache keeps its own copy of the minter
        CHECK_THROWS(jwtmint::ApiTokenCache(minter, 3570), JWTMINT_INVALID_ARGUMENT);
        CHECK(jwtmint::ApiTokenCache::try_new(minter, 3569).ok());
    }
    CHECK(cache->mint_count() == 0);
    CHECK(cache->token(FIXTURE_NOW) == TOKEN_KAT_API);
    CHECK(cache->token(FIXTURE_NOW + 1000) == TOKEN_KAT_API);
    CHECK(cache->mint_count() == 1);
    CHECK(cache->try_token(INT64_MAX).code() == JWTMINT_TIME_OVERFLOW);
    cache->clear();
    CHECK(cache->token(FIXTURE_NOW) == TOKEN_KAT_API);
    CHECK(cache->mint_count() == 2);
    // The current time: a token that verifies now.
    CHECK(jwtmint::Verifier::zoom_api(key, FIXTURE_API_KEY).try_verify(cache->token()).ok());
    CHECK(cache->mint_count() == 3);

    // Shared as const by several threads: one mint.
    const jwtmint::ApiTokenCache shared(jwtmint::ApiMinter(key, FIXTURE_API_KEY));
    std::vector<std::thread> threads;
    std::vector<int> bad(4, 0);
    for (int t = 0; t < 4; t++) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; i++) {
                if (shared.token(FIXTURE_NOW + i) != TOKEN_KAT_API) {
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
    CHECK(shared.mint_count() == 1);

    // A long API key: the buffer comes from the minter's longest token.
    jwtmint::ApiMinter long_minter(key, std::string(3000, 'k'));
    jwtmint::ApiTokenCache long_cache(long_minter);
    CHECK(long_cache.token(FIXTURE_NOW) == long_minter.mint(FIXTURE_NOW));
}

static void test_jsrsasign_secret() {
    jwtmint::Key key(FIXTURE_JSR_TEXT, jwtmint::SecretEncoding::jsrsasign_compat);
    CHECK(jwtmint::mint_api_token(key, FIXTURE_API_KEY, FIXTURE_NOW) == TOKEN_JSR_API);
    jwtmint::Key utf8(FIXTURE_JSR_TEXT, jwtmint::SecretEncoding::utf8);
    CHECK(jwtmint::mint_api_token(utf8, FIXTURE_API_KEY, FIXTURE_NOW) != TOKEN_JSR_API);
    CHECK_THROWS(jwtmint::Key("0123456789abcdef0123456789abcdef",
                              jwtmint::SecretEncoding::jsrsasign_compat),
                 JWTMINT_WEAK_SECRET);
}

int main() {
    CHECK(jwtmint::version() == jwtmint_version());
    CHECK(std::string(jwtmint::message(JWTMINT_EXPIRED)) == "the token has expired");
    test_key();
    test_minter();
    test_mint_json();
    test_verifier();
    test_threads();
    test_videosdk();
    test_meetingsdk();
    test_webhook();
    test_token_cache();
    test_jsrsasign_secret();
    std::printf("test_cpp: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
