// jwtmint_zoom.hpp: the Zoom extras of the C++17 wrapper: jwtmint::ApiTokenCache, Video SDK
// tokens (jwtmint::mint_videosdk_token, jwtmint::VideoSdkVerifier), Meeting SDK tokens
// (jwtmint::mint_meetingsdk_token, jwtmint::MeetingSdkVerifier) and webhooks
// (jwtmint::Webhook). Included by jwtmint.hpp, after the classes it builds on; include that.
#ifndef JWTMINT_ZOOM_HPP
#define JWTMINT_ZOOM_HPP

#include "jwtmint.hpp"

namespace jwtmint {

/// Hands out the current Zoom API JWT of one minter, minting again only near its expiry.
/// Thread-safe: share it as const between threads (one mint per refresh window).
class ApiTokenCache : public detail::Owner<jwtmint_api_token_cache, jwtmint_api_token_cache_free> {
  public:
    /// A cache over a copy of `minter` (which may be destroyed afterwards). Throws
    /// jwtmint::Error (JWTMINT_INVALID_ARGUMENT when skew + refresh_margin >= ttl).
    explicit ApiTokenCache(const ApiMinter &minter,
                           std::uint64_t refresh_margin = JWTMINT_DEFAULT_REFRESH_MARGIN)
        : ApiTokenCache(try_new(minter, refresh_margin).value()) {}

    static Result<ApiTokenCache> try_new(const ApiMinter &minter,
                                         std::uint64_t refresh_margin =
                                             JWTMINT_DEFAULT_REFRESH_MARGIN) {
        auto cache = make<ApiTokenCache>([&](jwtmint_api_token_cache **out) {
            return jwtmint_api_token_cache_new(minter.get(), refresh_margin, out);
        });
        if (cache) {
            cache->max_len_ = minter.max_token_len();
        }
        return cache;
    }

    /// The token to use at `now`; throws jwtmint::Error (JWTMINT_TIME_OVERFLOW).
    std::string token(std::int64_t now) const { return try_token(now).value(); }

    /// The token to use now; throws jwtmint::Error.
    std::string token() const { return token(jwtmint::now()); }

    Result<std::string> try_token(std::int64_t now) const {
        return detail::into_string(max_len_,
                                   [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                       return jwtmint_api_token_cache_token(get(), now,
                                                                            out, cap, len);
                                   });
    }

    /// Forgets the cached token (after Zoom refused it, say). Thread-safe.
    void clear() const { detail::check(jwtmint_api_token_cache_clear(get())); }

    /// How many tokens the cache has minted.
    std::uint64_t mint_count() const noexcept {
        return jwtmint_api_token_cache_mint_count(get());
    }

    explicit ApiTokenCache(detail::Adopt<jwtmint_api_token_cache> handle) noexcept
        : Owner(handle) {}

  private:
    std::size_t max_len_ = 0;  // the minter's longest token: the first buffer's size
};

/// A participant's role in a Video SDK session (`role_type`).
enum class Role : std::int32_t {
    participant = JWTMINT_VIDEOSDK_ROLE_PARTICIPANT,
    host = JWTMINT_VIDEOSDK_ROLE_HOST,
};

/// What a Video SDK session token carries: the required SDK key, session name and role, and
/// the optional claims (left out of the token when empty). The rules are checked when
/// minting (see jwtmint_videosdk_mint in jwtmint.h).
struct VideoSdkOptions {
    VideoSdkOptions(std::string app_key_, std::string tpc_, Role role_)
        : app_key(std::move(app_key_)), tpc(std::move(tpc_)), role(role_) {}

    std::string app_key;  ///< The Video SDK key.
    std::string tpc;      ///< The session name: 1 to 200 UTF-16 code units.
    Role role;
    std::optional<std::string> user_identity;          ///< At most 35 UTF-16 code units.
    std::optional<std::string> user_key;  ///< At most 36: user_identity's documented name.
    std::optional<std::string> session_key;            ///< At most 36 UTF-16 code units.
    std::optional<std::string> geo_regions;            ///< Codes joined by commas: "US,DE".
    std::optional<std::string> telemetry_tracking_id;
    std::optional<bool> cloud_recording_option;
    std::optional<bool> cloud_recording_election;
    std::optional<bool> video_webrtc_mode;
    std::optional<bool> audio_webrtc_mode;
    std::uint64_t ttl = JWTMINT_VIDEOSDK_DEFAULT_TTL;  ///< exp - iat: 1800 to 172800 seconds.
    std::uint64_t skew = JWTMINT_DEFAULT_SKEW;         ///< How far iat is backdated.
};

namespace detail {

inline void set_text(const std::uint8_t *&ptr, std::size_t &len,
                     const std::string &text) noexcept {
    ptr = bytes(text);
    len = text.size();
}

inline void set_optional_text(const std::uint8_t *&ptr, std::size_t &len,
                              const std::optional<std::string> &text) noexcept {
    if (text) {
        // A std::string's data() is never NULL: an empty string is set, not left out.
        set_text(ptr, len, *text);
    }
}

inline std::int32_t flag(const std::optional<bool> &on) noexcept {
    return on ? (*on ? 1 : 0) : JWTMINT_VIDEOSDK_UNSET;
}

}  // namespace detail

/// A Video SDK session token for `now`, signed with `key` (the Video SDK secret).
inline Result<std::string> try_mint_videosdk_token(const Key &key, const VideoSdkOptions &options,
                                                   std::int64_t now) {
    jwtmint_videosdk_options c;
    jwtmint_result rc = jwtmint_videosdk_options_init(&c, sizeof c);
    if (rc != JWTMINT_OK) {
        return Result<std::string>::failure(rc);
    }
    detail::set_text(c.app_key, c.app_key_len, options.app_key);
    detail::set_text(c.tpc, c.tpc_len, options.tpc);
    detail::set_optional_text(c.user_identity, c.user_identity_len, options.user_identity);
    detail::set_optional_text(c.user_key, c.user_key_len, options.user_key);
    detail::set_optional_text(c.session_key, c.session_key_len, options.session_key);
    detail::set_optional_text(c.geo_regions, c.geo_regions_len, options.geo_regions);
    detail::set_optional_text(c.telemetry_tracking_id, c.telemetry_tracking_id_len,
                              options.telemetry_tracking_id);
    c.role = static_cast<std::int32_t>(options.role);
    c.cloud_recording_option = detail::flag(options.cloud_recording_option);
    c.cloud_recording_election = detail::flag(options.cloud_recording_election);
    c.video_webrtc_mode = detail::flag(options.video_webrtc_mode);
    c.audio_webrtc_mode = detail::flag(options.audio_webrtc_mode);
    c.ttl = options.ttl;
    c.skew = options.skew;
    // Escaped JSON in base64: about 8/3 of the text at worst; retried if too small.
    std::size_t text = c.app_key_len + c.tpc_len + c.user_identity_len + c.user_key_len +
                       c.session_key_len + c.geo_regions_len + c.telemetry_tracking_id_len;
    return detail::into_string(512 + text * 3,
                               [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                   return jwtmint_videosdk_mint(key.get(), &c, now, out, cap, len);
                               });
}

/// A Video SDK session token for `now`; throws jwtmint::Error (JWTMINT_EMPTY_FIELD,
/// JWTMINT_FIELD_TOO_LONG, JWTMINT_UNKNOWN_GEO_REGION, JWTMINT_LIFETIME_OUT_OF_RANGE, ...).
inline std::string mint_videosdk_token(const Key &key, const VideoSdkOptions &options,
                                       std::int64_t now) {
    return try_mint_videosdk_token(key, options, now).value();
}

/// A Video SDK session token for the current time; throws jwtmint::Error.
inline std::string mint_videosdk_token(const Key &key, const VideoSdkOptions &options) {
    return mint_videosdk_token(key, options, jwtmint::now());
}

/// What Zoom documents about the session name `tpc` that minting does not refuse, as a bit
/// mask of JWTMINT_TPC_UNDOCUMENTED_CHARACTER and JWTMINT_TPC_NOT_LOWER_CASE (0: nothing);
/// for a warning. Throws jwtmint::Error (JWTMINT_INVALID_UTF8).
inline std::uint32_t videosdk_tpc_notes(std::string_view tpc) {
    std::uint32_t notes = 0;
    detail::check(jwtmint_videosdk_tpc_notes(detail::bytes(tpc), tpc.size(), &notes));
    return notes;
}

/// Verifies Video SDK session tokens of one SDK key. Configure it with the set_* methods (not
/// thread-safe), then share it as const: verify is thread-safe. verify() returns the claims as
/// JSON in Zoom's member order; it throws jwtmint::Error (JWTMINT_APP_KEY_MISMATCH, ...).
class VideoSdkVerifier
    : public detail::TokenVerifier<jwtmint_videosdk_verifier, jwtmint_videosdk_verifier_free,
                                   jwtmint_videosdk_verifier_verify> {
  public:
    /// Throws jwtmint::Error (JWTMINT_INVALID_UTF8).
    VideoSdkVerifier(const Key &key, std::string_view app_key)
        : VideoSdkVerifier(try_new(key, app_key).value()) {}

    static Result<VideoSdkVerifier> try_new(const Key &key, std::string_view app_key) {
        return make<VideoSdkVerifier>(
            [&](jwtmint_videosdk_verifier **out) {
                return jwtmint_videosdk_verifier_new(key.get(), detail::bytes(app_key),
                                                     app_key.size(), out);
            });
    }

    VideoSdkVerifier &set_leeway(std::uint64_t seconds) {
        detail::check(jwtmint_videosdk_verifier_set_leeway(get_mut(), seconds));
        return *this;
    }
    VideoSdkVerifier &set_max_len(std::size_t bytes) {
        detail::check(jwtmint_videosdk_verifier_set_max_len(get_mut(), bytes));
        return *this;
    }

    explicit VideoSdkVerifier(detail::Adopt<jwtmint_videosdk_verifier> handle) noexcept
        : TokenVerifier(handle) {}
};

/// What a Meeting SDK token carries: the SDK key (written as appKey and sdkKey), and for the
/// web SDK the meeting or webinar number with the role (both or neither). The rules are
/// checked when minting (see jwtmint_meetingsdk_mint in jwtmint.h).
struct MeetingSdkOptions {
    explicit MeetingSdkOptions(std::string sdk_key_) : sdk_key(std::move(sdk_key_)) {}

    std::string sdk_key;
    std::optional<std::string> mn;  ///< The meeting or webinar number: 1 to 20 digits.
    std::optional<Role> role;
    std::optional<bool> video_webrtc_mode;
    std::uint64_t ttl = JWTMINT_MEETINGSDK_DEFAULT_TTL;  ///< 1800 to 172800 seconds.
    std::uint64_t skew = JWTMINT_DEFAULT_SKEW;  ///< How far iat is backdated; 0 as Zoom's sample.
};

/// A Meeting SDK token for `now`, signed with `key` (the Meeting SDK secret).
inline Result<std::string> try_mint_meetingsdk_token(const Key &key,
                                                     const MeetingSdkOptions &options,
                                                     std::int64_t now) {
    const std::uint8_t *mn = nullptr;
    std::size_t mn_len = 0;
    detail::set_optional_text(mn, mn_len, options.mn);
    std::int32_t role =
        options.role ? static_cast<std::int32_t>(*options.role) : JWTMINT_MEETINGSDK_UNSET;
    return detail::into_string(
        512 + (options.sdk_key.size() * 2 + mn_len) * 3,
        [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
            return jwtmint_meetingsdk_mint(key.get(), detail::bytes(options.sdk_key),
                                           options.sdk_key.size(), mn, mn_len, role,
                                           detail::flag(options.video_webrtc_mode), options.ttl,
                                           options.skew, now, out, cap, len);
        });
}

/// A Meeting SDK token for `now`; throws jwtmint::Error (JWTMINT_INVALID_MEETING_SDK_CLAIM,
/// JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE, ...).
inline std::string mint_meetingsdk_token(const Key &key, const MeetingSdkOptions &options,
                                         std::int64_t now) {
    return try_mint_meetingsdk_token(key, options, now).value();
}

/// A Meeting SDK token for the current time; throws jwtmint::Error.
inline std::string mint_meetingsdk_token(const Key &key, const MeetingSdkOptions &options) {
    return mint_meetingsdk_token(key, options, jwtmint::now());
}

/// Verifies Meeting SDK tokens, of any SDK key or of one. Configure it with the set_* methods
/// (not thread-safe), then share it as const: verify is thread-safe. verify() returns the
/// claims as JSON in the sample's member order; it throws jwtmint::Error.
class MeetingSdkVerifier
    : public detail::TokenVerifier<jwtmint_meetingsdk_verifier, jwtmint_meetingsdk_verifier_free,
                                   jwtmint_meetingsdk_verifier_verify> {
  public:
    /// Accepts any SDK key. Throws jwtmint::Error.
    explicit MeetingSdkVerifier(const Key &key) : MeetingSdkVerifier(try_new(key).value()) {}
    /// Accepts only `sdk_key`. Throws jwtmint::Error (JWTMINT_INVALID_UTF8).
    MeetingSdkVerifier(const Key &key, std::string_view sdk_key)
        : MeetingSdkVerifier(try_new(key, sdk_key).value()) {}

    static Result<MeetingSdkVerifier> try_new(const Key &key) {
        return make<MeetingSdkVerifier>([&](jwtmint_meetingsdk_verifier **out) {
            return jwtmint_meetingsdk_verifier_new(key.get(), nullptr, 0, out);
        });
    }
    static Result<MeetingSdkVerifier> try_new(const Key &key, std::string_view sdk_key) {
        return make<MeetingSdkVerifier>([&](jwtmint_meetingsdk_verifier **out) {
            // data() of an empty view may be NULL, which means "any key" there: pass "" instead.
            const std::uint8_t *p = sdk_key.data() ? detail::bytes(sdk_key) : detail::bytes("");
            return jwtmint_meetingsdk_verifier_new(key.get(), p, sdk_key.size(), out);
        });
    }

    MeetingSdkVerifier &set_leeway(std::uint64_t seconds) {
        detail::check(jwtmint_meetingsdk_verifier_set_leeway(get_mut(), seconds));
        return *this;
    }
    MeetingSdkVerifier &set_max_len(std::size_t bytes) {
        detail::check(jwtmint_meetingsdk_verifier_set_max_len(get_mut(), bytes));
        return *this;
    }

    explicit MeetingSdkVerifier(detail::Adopt<jwtmint_meetingsdk_verifier> handle) noexcept
        : TokenVerifier(handle) {}
};

/// Checks Zoom webhook requests (x-zm-request-timestamp, raw body, x-zm-signature) for one
/// app's webhook secret token, and answers the endpoint.url_validation challenge. Configure
/// the tolerance first (not thread-safe), then share it as const.
class Webhook : public detail::Owner<jwtmint_webhook, jwtmint_webhook_free> {
  public:
    /// Throws jwtmint::Error (JWTMINT_EMPTY_SECRET).
    explicit Webhook(std::string_view secret_token) : Webhook(try_new(secret_token).value()) {}

    static Result<Webhook> try_new(std::string_view secret_token) {
        return make<Webhook>([&](jwtmint_webhook **out) {
            return jwtmint_webhook_new(detail::bytes(secret_token), secret_token.size(), out);
        });
    }

    /// How far, in seconds, a request's timestamp may be from now, either way (default 300).
    Webhook &set_tolerance(std::uint64_t seconds) {
        detail::check(jwtmint_webhook_set_tolerance(get_mut(), seconds));
        return *this;
    }

    /// Checks a request at `now` and returns its timestamp; throws jwtmint::Error
    /// (JWTMINT_WEBHOOK_SIGNATURE_MISMATCH, JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE, ...).
    std::uint64_t verify(std::string_view timestamp, std::string_view body,
                         std::string_view signature, std::int64_t now) const {
        return try_verify(timestamp, body, signature, now).value();
    }

    /// As verify(...) at the current time.
    std::uint64_t verify(std::string_view timestamp, std::string_view body,
                         std::string_view signature) const {
        return verify(timestamp, body, signature, jwtmint::now());
    }

    Result<std::uint64_t> try_verify(std::string_view timestamp, std::string_view body,
                                     std::string_view signature, std::int64_t now) const {
        std::uint64_t seconds = 0;
        jwtmint_result rc = jwtmint_webhook_verify(
            get(), detail::bytes(timestamp), timestamp.size(), detail::bytes(body),
            body.size(), detail::bytes(signature), signature.size(), now, &seconds);
        if (rc != JWTMINT_OK) {
            return Result<std::uint64_t>::failure(rc);
        }
        return seconds;
    }

    /// As try_verify(...) at the current time.
    Result<std::uint64_t> try_verify(std::string_view timestamp, std::string_view body,
                                     std::string_view signature) const {
        return detail::at_now(
            [&](std::int64_t t) { return try_verify(timestamp, body, signature, t); });
    }

    /// The JSON answer to an endpoint.url_validation request at `now`; throws jwtmint::Error
    /// (as verify, then JWTMINT_WEBHOOK_BODY_MALFORMED, JWTMINT_UNEXPECTED_WEBHOOK_EVENT,
    /// JWTMINT_INVALID_PLAIN_TOKEN).
    std::string url_validation(std::string_view timestamp, std::string_view body,
                               std::string_view signature, std::int64_t now) const {
        return try_url_validation(timestamp, body, signature, now).value();
    }

    /// As url_validation(...) at the current time.
    std::string url_validation(std::string_view timestamp, std::string_view body,
                               std::string_view signature) const {
        return url_validation(timestamp, body, signature, jwtmint::now());
    }

    Result<std::string> try_url_validation(std::string_view timestamp, std::string_view body,
                                           std::string_view signature, std::int64_t now) const {
        // {"plainToken":"…","encryptedToken":"<64 hex>"}: the plain token is in the body.
        return detail::into_string(
            body.size() + 128, [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                return jwtmint_webhook_url_validation(
                    get(), detail::bytes(timestamp), timestamp.size(),
                    detail::bytes(body), body.size(), detail::bytes(signature), signature.size(),
                    now, out, cap, len);
            });
    }

    /// As try_url_validation(...) at the current time.
    Result<std::string> try_url_validation(std::string_view timestamp, std::string_view body,
                                           std::string_view signature) const {
        return detail::at_now(
            [&](std::int64_t t) { return try_url_validation(timestamp, body, signature, t); });
    }

    /// The x-zm-signature value for a request with this timestamp and raw body (for tests and
    /// senders); throws jwtmint::Error only for a moved-from handle.
    std::string sign(std::uint64_t timestamp, std::string_view body) const {
        return try_sign(timestamp, body).value();
    }

    Result<std::string> try_sign(std::uint64_t timestamp, std::string_view body) const {
        return detail::into_string(JWTMINT_WEBHOOK_SIGNATURE_LEN,
                                   [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                       return jwtmint_webhook_sign(get(), timestamp,
                                                                   detail::bytes(body),
                                                                   body.size(), out, cap, len);
                                   });
    }

    explicit Webhook(detail::Adopt<jwtmint_webhook> handle) noexcept : Owner(handle) {}
};

}  // namespace jwtmint

#endif  // JWTMINT_ZOOM_HPP
