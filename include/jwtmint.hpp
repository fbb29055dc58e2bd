// jwtmint.hpp: a header-only C++17 wrapper over the C ABI of jwtmint (jwtmint.h).
//
// - RAII handles (move-only): jwtmint::Key, jwtmint::ApiMinter, jwtmint::Verifier, and for
//   the Zoom extras jwtmint::ApiTokenCache, jwtmint::VideoSdkVerifier, jwtmint::Webhook;
//   jwtmint::mint_videosdk_token with jwtmint::VideoSdkOptions.
// - std::string_view in, std::string out.
// - Errors as exceptions: jwtmint::Error (a std::runtime_error) with the stable code().
// - A non-throwing form of every operation: try_*() returns jwtmint::Result<T>, which holds
//   either a value or a code. (It may still throw std::bad_alloc, like any std::string.)
//
// Thread-safety is the C library's: Key, ApiMinter and ApiTokenCache may be shared between
// threads as const; configure a Verifier, VideoSdkVerifier or Webhook first (their setters are
// not thread-safe), then share it as const.
//
//     auto key = jwtmint::Key(secret);
//     auto minter = jwtmint::ApiMinter(key, api_key);
//     std::string token = minter.mint();                     // throws jwtmint::Error
//
//     auto verifier = jwtmint::Verifier::zoom_api(key, api_key);
//     if (auto r = verifier.try_verify(token)) {             // no exception
//         std::string claims_json = *r;
//     } else {
//         std::cerr << r.message() << " (" << r.code() << ")\n";
//     }
//
//     auto webhook = jwtmint::Webhook(secret_token);
//     if (auto r = webhook.try_verify(timestamp_header, body, signature_header)) { ... }
#ifndef JWTMINT_HPP
#define JWTMINT_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "jwtmint.h"

namespace jwtmint {

/// The static message of a result code (never NULL).
inline const char *message(jwtmint_result code) noexcept { return jwtmint_result_str(code); }

/// The stable name of a result code (`"expired"`; never NULL).
inline const char *name(jwtmint_result code) noexcept { return jwtmint_result_name(code); }

/// The library's version text, such as "0.1.0".
inline std::string_view version() noexcept { return jwtmint_version(); }

/// A failed jwtmint call: what() is the code's message, code() the stable number.
class Error : public std::runtime_error {
  public:
    explicit Error(jwtmint_result code) : std::runtime_error(message(code)), code_(code) {}

    /// The stable result code (one of the JWTMINT_* constants).
    jwtmint_result code() const noexcept { return code_; }

    /// The stable name of the code (`"expired"`).
    const char *name() const noexcept { return jwtmint::name(code_); }

  private:
    jwtmint_result code_;
};

/// Either a value or the result code of the failure: the non-throwing form.
template <class T> class [[nodiscard]] Result {
  public:
    /// A success holding `value`.
    Result(T value) : code_(JWTMINT_OK), value_(std::move(value)) {}

    /// A failure with `code` (not JWTMINT_OK).
    static Result failure(jwtmint_result code) { return Result(code, Tag{}); }

    bool ok() const noexcept { return code_ == JWTMINT_OK; }
    explicit operator bool() const noexcept { return ok(); }
    jwtmint_result code() const noexcept { return code_; }
    const char *message() const noexcept { return jwtmint::message(code_); }
    const char *name() const noexcept { return jwtmint::name(code_); }

    /// The value; throws jwtmint::Error holding the code on a failure.
    T &value() & {
        check();
        return *value_;
    }
    const T &value() const & {
        check();
        return *value_;
    }
    T &&value() && {
        check();
        return std::move(*value_);
    }
    /// The value (checked, as value()).
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

  private:
    struct Tag {};
    Result(jwtmint_result code, Tag) : code_(code == JWTMINT_OK ? JWTMINT_PANIC : code) {}
    void check() const {
        if (!ok()) {
            throw Error(code_);
        }
    }

    jwtmint_result code_;
    std::optional<T> value_;
};

/// A result without a value: success or a code.
template <> class [[nodiscard]] Result<void> {
  public:
    explicit Result(jwtmint_result code) noexcept : code_(code) {}
    bool ok() const noexcept { return code_ == JWTMINT_OK; }
    explicit operator bool() const noexcept { return ok(); }
    jwtmint_result code() const noexcept { return code_; }
    const char *message() const noexcept { return jwtmint::message(code_); }
    const char *name() const noexcept { return jwtmint::name(code_); }
    /// Throws jwtmint::Error holding the code on a failure.
    void value() const {
        if (!ok()) {
            throw Error(code_);
        }
    }

  private:
    jwtmint_result code_;
};

namespace detail {

inline const std::uint8_t *bytes(std::string_view s) noexcept {
    return reinterpret_cast<const std::uint8_t *>(s.data());
}

inline void check(jwtmint_result rc) {
    if (rc != JWTMINT_OK) {
        throw Error(rc);
    }
}

/// Calls `write(out, cap, &len)` into a string of `guess` bytes, once more with the size the
/// library asks for if that was too small.
template <class Write> Result<std::string> into_string(std::size_t guess, Write &&write) {
    std::string s(guess, '\0');
    std::size_t len = 0;
    jwtmint_result rc =
        write(reinterpret_cast<std::uint8_t *>(s.data()), s.size(), &len);
    if (rc == JWTMINT_BUFFER_TOO_SMALL) {
        s.assign(len, '\0');
        rc = write(reinterpret_cast<std::uint8_t *>(s.data()), s.size(), &len);
    }
    if (rc != JWTMINT_OK) {
        return Result<std::string>::failure(rc);
    }
    s.resize(len);
    return s;
}

template <class T> struct Deleter;
template <> struct Deleter<jwtmint_key> {
    void operator()(jwtmint_key *p) const noexcept { jwtmint_key_free(p); }
};
template <> struct Deleter<jwtmint_api_minter> {
    void operator()(jwtmint_api_minter *p) const noexcept { jwtmint_api_minter_free(p); }
};
template <> struct Deleter<jwtmint_verifier> {
    void operator()(jwtmint_verifier *p) const noexcept { jwtmint_verifier_free(p); }
};
template <> struct Deleter<jwtmint_api_token_cache> {
    void operator()(jwtmint_api_token_cache *p) const noexcept { jwtmint_api_token_cache_free(p); }
};
template <> struct Deleter<jwtmint_videosdk_verifier> {
    void operator()(jwtmint_videosdk_verifier *p) const noexcept {
        jwtmint_videosdk_verifier_free(p);
    }
};
template <> struct Deleter<jwtmint_webhook> {
    void operator()(jwtmint_webhook *p) const noexcept { jwtmint_webhook_free(p); }
};
template <class T> using Handle = std::unique_ptr<T, Deleter<T>>;

/// Makes a handle with `make(&out)`, or the code of the failure.
template <class T, class Wrapper, class Make> Result<Wrapper> make(Make &&make_handle) {
    T *raw = nullptr;
    jwtmint_result rc = make_handle(&raw);
    if (rc != JWTMINT_OK) {
        return Result<Wrapper>::failure(rc);
    }
    return Wrapper(Handle<T>(raw));
}

}  // namespace detail

/// The current time from the system clock, in seconds since the Unix epoch.
inline Result<std::int64_t> try_now() {
    std::int64_t t = 0;
    jwtmint_result rc = jwtmint_now(&t);
    if (rc != JWTMINT_OK) {
        return Result<std::int64_t>::failure(rc);
    }
    return t;
}

/// The current time; throws jwtmint::Error (JWTMINT_CLOCK) for an unusable clock.
inline std::int64_t now() { return try_now().value(); }

/// How secret text is turned into key bytes.
enum class SecretEncoding : jwtmint_secret_encoding {
    utf8 = JWTMINT_SECRET_UTF8,
    hex = JWTMINT_SECRET_HEX,
    base64 = JWTMINT_SECRET_BASE64,
    base64url = JWTMINT_SECRET_BASE64URL,
    /// As Zoom's Node.js samples (jsrsasign) read a secret string; only for such secrets.
    jsrsasign_compat = JWTMINT_SECRET_JSRSASIGN_COMPAT,
};

/// An HS256 key. Immutable; share it between threads by const reference. Minters and
/// verifiers keep their own reference to the key, so it may be destroyed before them.
class Key {
  public:
    /// A key from the secret's bytes; throws jwtmint::Error (JWTMINT_EMPTY_SECRET,
    /// JWTMINT_WEAK_SECRET, ...).
    explicit Key(std::string_view secret) : Key(try_new(secret).value()) {}

    /// A key from secret text in an encoding; throws jwtmint::Error.
    Key(std::string_view text, SecretEncoding encoding)
        : Key(try_new(text, encoding).value()) {}

    static Result<Key> try_new(std::string_view secret) {
        return detail::make<jwtmint_key, Key>([&](jwtmint_key **out) {
            return jwtmint_key_new(detail::bytes(secret), secret.size(), out);
        });
    }

    static Result<Key> try_new(std::string_view text, SecretEncoding encoding) {
        return detail::make<jwtmint_key, Key>([&](jwtmint_key **out) {
            return jwtmint_key_new_encoded(detail::bytes(text), text.size(),
                                           static_cast<jwtmint_secret_encoding>(encoding), out);
        });
    }

    /// The C handle, for calling the C API directly.
    const jwtmint_key *get() const noexcept { return handle_.get(); }

  private:
    template <class T, class W, class M> friend Result<W> detail::make(M &&);
    explicit Key(detail::Handle<jwtmint_key> handle) noexcept : handle_(std::move(handle)) {}
    detail::Handle<jwtmint_key> handle_;
};

/// Mints Zoom API JWTs for one API key and secret. Immutable and thread-safe.
class ApiMinter {
  public:
    /// Throws jwtmint::Error (JWTMINT_INVALID_ARGUMENT for an empty API key or ttl 0,
    /// JWTMINT_INVALID_UTF8, ...).
    ApiMinter(const Key &key, std::string_view api_key,
              std::uint64_t skew = JWTMINT_DEFAULT_SKEW, std::uint64_t ttl = JWTMINT_DEFAULT_TTL)
        : ApiMinter(try_new(key, api_key, skew, ttl).value()) {}

    static Result<ApiMinter> try_new(const Key &key, std::string_view api_key,
                                     std::uint64_t skew = JWTMINT_DEFAULT_SKEW,
                                     std::uint64_t ttl = JWTMINT_DEFAULT_TTL) {
        return detail::make<jwtmint_api_minter, ApiMinter>([&](jwtmint_api_minter **out) {
            return jwtmint_api_minter_new(key.get(), detail::bytes(api_key), api_key.size(), skew,
                                          ttl, out);
        });
    }

    /// A token for the time `now` (seconds since the epoch); throws jwtmint::Error.
    std::string mint(std::int64_t now) const { return try_mint(now).value(); }

    /// A token for the current time; throws jwtmint::Error.
    std::string mint() const { return mint(jwtmint::now()); }

    Result<std::string> try_mint(std::int64_t now) const {
        return detail::into_string(
            max_token_len(), [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                return jwtmint_api_minter_mint(handle_.get(), now, out, cap, len);
            });
    }

    /// The longest token this minter makes.
    std::size_t max_token_len() const noexcept {
        return jwtmint_api_minter_max_token_len(handle_.get());
    }

    const jwtmint_api_minter *get() const noexcept { return handle_.get(); }

  private:
    template <class T, class W, class M> friend Result<W> detail::make(M &&);
    explicit ApiMinter(detail::Handle<jwtmint_api_minter> handle) noexcept
        : handle_(std::move(handle)) {}
    detail::Handle<jwtmint_api_minter> handle_;
};

/// One Zoom API JWT without keeping a minter.
inline Result<std::string> try_mint_api_token(const Key &key, std::string_view api_key,
                                              std::int64_t now,
                                              std::uint64_t skew = JWTMINT_DEFAULT_SKEW,
                                              std::uint64_t ttl = JWTMINT_DEFAULT_TTL) {
    return detail::into_string(256 + api_key.size() * 2,
                               [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                   return jwtmint_mint_api_token(key.get(), detail::bytes(api_key),
                                                                 api_key.size(), now, skew, ttl,
                                                                 out, cap, len);
                               });
}

/// One Zoom API JWT without keeping a minter; throws jwtmint::Error.
inline std::string mint_api_token(const Key &key, std::string_view api_key, std::int64_t now,
                                  std::uint64_t skew = JWTMINT_DEFAULT_SKEW,
                                  std::uint64_t ttl = JWTMINT_DEFAULT_TTL) {
    return try_mint_api_token(key, api_key, now, skew, ttl).value();
}

/// A token whose payload is exactly `claims_json` (checked strictly first).
inline Result<std::string> try_mint_json(const Key &key, std::string_view claims_json) {
    return detail::into_string(
        64 + claims_json.size() * 2, [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
            return jwtmint_mint_json(key.get(), detail::bytes(claims_json), claims_json.size(),
                                     out, cap, len);
        });
}

/// A token whose payload is exactly `claims_json`; throws jwtmint::Error
/// (JWTMINT_DUPLICATE_MEMBER, JWTMINT_MALFORMED_CLAIM, ...).
inline std::string mint_json(const Key &key, std::string_view claims_json) {
    return try_mint_json(key, claims_json).value();
}

/// Verifies HS256 JWTs under one key and one set of rules. Configure it with the set_*
/// methods (not thread-safe), then share it as const: verify and check are thread-safe.
class Verifier {
  public:
    /// Default rules: leeway 60 s, limit 8192 bytes, exp required. Throws jwtmint::Error.
    explicit Verifier(const Key &key) : Verifier(try_new(key).value()) {}

    static Result<Verifier> try_new(const Key &key) {
        return detail::make<jwtmint_verifier, Verifier>(
            [&](jwtmint_verifier **out) { return jwtmint_verifier_new(key.get(), out); });
    }

    /// The verifier for Zoom API JWTs of `api_key`. Throws jwtmint::Error.
    static Verifier zoom_api(const Key &key, std::string_view api_key) {
        return try_zoom_api(key, api_key).value();
    }

    static Result<Verifier> try_zoom_api(const Key &key, std::string_view api_key) {
        return detail::make<jwtmint_verifier, Verifier>([&](jwtmint_verifier **out) {
            return jwtmint_verifier_new_zoom_api(key.get(), detail::bytes(api_key), api_key.size(),
                                                 out);
        });
    }

    /// Setters: each throws jwtmint::Error on a failure and then leaves the verifier unchanged
    /// (require_claims: see there).
    Verifier &set_leeway(std::uint64_t seconds) {
        detail::check(jwtmint_verifier_set_leeway(handle_.get(), seconds));
        return *this;
    }
    Verifier &set_max_len(std::size_t bytes) {
        detail::check(jwtmint_verifier_set_max_len(handle_.get(), bytes));
        return *this;
    }
    Verifier &set_issuer(std::string_view issuer) {
        detail::check(
            jwtmint_verifier_set_issuer(handle_.get(), detail::bytes(issuer), issuer.size()));
        return *this;
    }
    Verifier &set_audience(std::string_view audience) {
        detail::check(jwtmint_verifier_set_audience(handle_.get(), detail::bytes(audience),
                                                    audience.size()));
        return *this;
    }
    /// Adds one claim that must be present, keeping the others (the default exp included);
    /// an empty name throws JWTMINT_INVALID_ARGUMENT.
    Verifier &require_claim(std::string_view name) {
        detail::check(
            jwtmint_verifier_require_claim(handle_.get(), detail::bytes(name), name.size()));
        return *this;
    }
    /// Adds each name in turn, as require_claim. On a failure the names before it stay added:
    /// the C ABI takes one name per call. For exactly these names, clear_required_claims()
    /// first: `v.clear_required_claims().require_claims({"iss", "iat", "exp"})`.
    Verifier &require_claims(std::initializer_list<std::string_view> names) {
        for (std::string_view name : names) {
            require_claim(name);
        }
        return *this;
    }
    /// Requires no claim at all (not even exp); present claims are still checked.
    Verifier &clear_required_claims() {
        detail::check(jwtmint_verifier_clear_required_claims(handle_.get()));
        return *this;
    }

    /// Verifies `token` at `now` and returns its payload JSON exactly as signed; throws
    /// jwtmint::Error with the reason (JWTMINT_EXPIRED, JWTMINT_INVALID_SIGNATURE, ...).
    std::string verify(std::string_view token, std::int64_t now) const {
        return try_verify(token, now).value();
    }

    /// As verify(token, now) at the current time.
    std::string verify(std::string_view token) const { return verify(token, jwtmint::now()); }

    Result<std::string> try_verify(std::string_view token, std::int64_t now) const {
        // The payload is never longer than the token.
        return detail::into_string(
            token.size(), [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                return jwtmint_verifier_verify(handle_.get(), detail::bytes(token), token.size(),
                                               now, out, cap, len);
            });
    }

    /// As try_verify(token, now) at the current time.
    Result<std::string> try_verify(std::string_view token) const {
        auto t = try_now();
        if (!t) {
            return Result<std::string>::failure(t.code());
        }
        return try_verify(token, *t);
    }

    /// Verifies without returning the claims; throws jwtmint::Error.
    void check(std::string_view token, std::int64_t now) const {
        try_check(token, now).value();
    }

    Result<void> try_check(std::string_view token, std::int64_t now) const {
        return Result<void>(
            jwtmint_verifier_check(handle_.get(), detail::bytes(token), token.size(), now));
    }

    const jwtmint_verifier *get() const noexcept { return handle_.get(); }

  private:
    template <class T, class W, class M> friend Result<W> detail::make(M &&);
    explicit Verifier(detail::Handle<jwtmint_verifier> handle) noexcept
        : handle_(std::move(handle)) {}
    detail::Handle<jwtmint_verifier> handle_;
};

/// Hands out the current Zoom API JWT of one minter, minting again only near its expiry.
/// Thread-safe: share it as const between threads (one mint per refresh window).
class ApiTokenCache {
  public:
    /// A cache over a copy of `minter` (which may be destroyed afterwards). Throws
    /// jwtmint::Error (JWTMINT_INVALID_ARGUMENT when skew + refresh_margin >= ttl).
    explicit ApiTokenCache(const ApiMinter &minter,
                           std::uint64_t refresh_margin = JWTMINT_DEFAULT_REFRESH_MARGIN)
        : ApiTokenCache(try_new(minter, refresh_margin).value()) {}

    static Result<ApiTokenCache> try_new(const ApiMinter &minter,
                                         std::uint64_t refresh_margin =
                                             JWTMINT_DEFAULT_REFRESH_MARGIN) {
        jwtmint_api_token_cache *raw = nullptr;
        jwtmint_result rc = jwtmint_api_token_cache_new(minter.get(), refresh_margin, &raw);
        if (rc != JWTMINT_OK) {
            return Result<ApiTokenCache>::failure(rc);
        }
        return ApiTokenCache(detail::Handle<jwtmint_api_token_cache>(raw),
                             minter.max_token_len());
    }

    /// The token to use at `now`; throws jwtmint::Error (JWTMINT_TIME_OVERFLOW).
    std::string token(std::int64_t now) const { return try_token(now).value(); }

    /// The token to use now; throws jwtmint::Error.
    std::string token() const { return token(jwtmint::now()); }

    Result<std::string> try_token(std::int64_t now) const {
        return detail::into_string(max_len_,
                                   [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                       return jwtmint_api_token_cache_token(handle_.get(), now,
                                                                            out, cap, len);
                                   });
    }

    /// Forgets the cached token (after Zoom refused it, say). Thread-safe.
    void clear() const { detail::check(jwtmint_api_token_cache_clear(handle_.get())); }

    /// How many tokens the cache has minted.
    std::uint64_t mint_count() const noexcept {
        return jwtmint_api_token_cache_mint_count(handle_.get());
    }

    const jwtmint_api_token_cache *get() const noexcept { return handle_.get(); }

  private:
    ApiTokenCache(detail::Handle<jwtmint_api_token_cache> handle, std::size_t max_len) noexcept
        : handle_(std::move(handle)), max_len_(max_len) {}
    detail::Handle<jwtmint_api_token_cache> handle_;
    std::size_t max_len_;
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
    std::size_t text = c.app_key_len + c.tpc_len + c.user_identity_len + c.session_key_len +
                       c.geo_regions_len + c.telemetry_tracking_id_len;
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

/// Verifies Video SDK session tokens of one SDK key. Configure it with the set_* methods (not
/// thread-safe), then share it as const: verify is thread-safe.
class VideoSdkVerifier {
  public:
    /// Throws jwtmint::Error (JWTMINT_INVALID_UTF8).
    VideoSdkVerifier(const Key &key, std::string_view app_key)
        : VideoSdkVerifier(try_new(key, app_key).value()) {}

    static Result<VideoSdkVerifier> try_new(const Key &key, std::string_view app_key) {
        return detail::make<jwtmint_videosdk_verifier, VideoSdkVerifier>(
            [&](jwtmint_videosdk_verifier **out) {
                return jwtmint_videosdk_verifier_new(key.get(), detail::bytes(app_key),
                                                     app_key.size(), out);
            });
    }

    VideoSdkVerifier &set_leeway(std::uint64_t seconds) {
        detail::check(jwtmint_videosdk_verifier_set_leeway(handle_.get(), seconds));
        return *this;
    }
    VideoSdkVerifier &set_max_len(std::size_t bytes) {
        detail::check(jwtmint_videosdk_verifier_set_max_len(handle_.get(), bytes));
        return *this;
    }

    /// Verifies `token` at `now` and returns its claims as JSON, in Zoom's member order;
    /// throws jwtmint::Error (JWTMINT_APP_KEY_MISMATCH, JWTMINT_EXPIRED, ...).
    std::string verify(std::string_view token, std::int64_t now) const {
        return try_verify(token, now).value();
    }

    /// As verify(token, now) at the current time.
    std::string verify(std::string_view token) const { return verify(token, jwtmint::now()); }

    Result<std::string> try_verify(std::string_view token, std::int64_t now) const {
        return detail::into_string(
            token.size(), [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                return jwtmint_videosdk_verifier_verify(handle_.get(), detail::bytes(token),
                                                        token.size(), now, out, cap, len);
            });
    }

    /// As try_verify(token, now) at the current time.
    Result<std::string> try_verify(std::string_view token) const {
        auto t = try_now();
        if (!t) {
            return Result<std::string>::failure(t.code());
        }
        return try_verify(token, *t);
    }

    const jwtmint_videosdk_verifier *get() const noexcept { return handle_.get(); }

  private:
    template <class T, class W, class M> friend Result<W> detail::make(M &&);
    explicit VideoSdkVerifier(detail::Handle<jwtmint_videosdk_verifier> handle) noexcept
        : handle_(std::move(handle)) {}
    detail::Handle<jwtmint_videosdk_verifier> handle_;
};

/// Checks Zoom webhook requests (x-zm-request-timestamp, raw body, x-zm-signature) for one
/// app's webhook secret token, and answers the endpoint.url_validation challenge. Configure
/// the tolerance first (not thread-safe), then share it as const.
class Webhook {
  public:
    /// Throws jwtmint::Error (JWTMINT_EMPTY_SECRET).
    explicit Webhook(std::string_view secret_token) : Webhook(try_new(secret_token).value()) {}

    static Result<Webhook> try_new(std::string_view secret_token) {
        return detail::make<jwtmint_webhook, Webhook>([&](jwtmint_webhook **out) {
            return jwtmint_webhook_new(detail::bytes(secret_token), secret_token.size(), out);
        });
    }

    /// How far, in seconds, a request's timestamp may be from now, either way (default 300).
    Webhook &set_tolerance(std::uint64_t seconds) {
        detail::check(jwtmint_webhook_set_tolerance(handle_.get(), seconds));
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
            handle_.get(), detail::bytes(timestamp), timestamp.size(), detail::bytes(body),
            body.size(), detail::bytes(signature), signature.size(), now, &seconds);
        if (rc != JWTMINT_OK) {
            return Result<std::uint64_t>::failure(rc);
        }
        return seconds;
    }

    /// As try_verify(...) at the current time.
    Result<std::uint64_t> try_verify(std::string_view timestamp, std::string_view body,
                                     std::string_view signature) const {
        auto t = try_now();
        if (!t) {
            return Result<std::uint64_t>::failure(t.code());
        }
        return try_verify(timestamp, body, signature, *t);
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
                    handle_.get(), detail::bytes(timestamp), timestamp.size(),
                    detail::bytes(body), body.size(), detail::bytes(signature), signature.size(),
                    now, out, cap, len);
            });
    }

    /// As try_url_validation(...) at the current time.
    Result<std::string> try_url_validation(std::string_view timestamp, std::string_view body,
                                           std::string_view signature) const {
        auto t = try_now();
        if (!t) {
            return Result<std::string>::failure(t.code());
        }
        return try_url_validation(timestamp, body, signature, *t);
    }

    /// The x-zm-signature value for a request with this timestamp and raw body (for tests and
    /// senders); throws jwtmint::Error only for a moved-from handle.
    std::string sign(std::uint64_t timestamp, std::string_view body) const {
        return try_sign(timestamp, body).value();
    }

    Result<std::string> try_sign(std::uint64_t timestamp, std::string_view body) const {
        return detail::into_string(JWTMINT_WEBHOOK_SIGNATURE_LEN,
                                   [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
                                       return jwtmint_webhook_sign(handle_.get(), timestamp,
                                                                   detail::bytes(body),
                                                                   body.size(), out, cap, len);
                                   });
    }

    const jwtmint_webhook *get() const noexcept { return handle_.get(); }

  private:
    template <class T, class W, class M> friend Result<W> detail::make(M &&);
    explicit Webhook(detail::Handle<jwtmint_webhook> handle) noexcept
        : handle_(std::move(handle)) {}
    detail::Handle<jwtmint_webhook> handle_;
};

}  // namespace jwtmint

#endif  // JWTMINT_HPP
