// jwtmint.hpp: a header-only C++17 wrapper over the C ABI of jwtmint (jwtmint.h). Include
// this file; it brings jwtmint_result.hpp (Error, Result, the handle owner) and, after the
// JWT classes here, jwtmint_zoom.hpp (the Zoom extras).
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

#include <initializer_list>

#include "jwtmint_result.hpp"

namespace jwtmint {

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
class Key : public detail::Owner<jwtmint_key, jwtmint_key_free> {
  public:
    /// A key from the secret's bytes; throws jwtmint::Error (JWTMINT_EMPTY_SECRET,
    /// JWTMINT_WEAK_SECRET, ...).
    explicit Key(std::string_view secret) : Key(try_new(secret).value()) {}

    /// A key from secret text in an encoding; throws jwtmint::Error.
    Key(std::string_view text, SecretEncoding encoding)
        : Key(try_new(text, encoding).value()) {}

    static Result<Key> try_new(std::string_view secret) {
        return make<Key>([&](jwtmint_key **out) {
            return jwtmint_key_new(detail::bytes(secret), secret.size(), out);
        });
    }

    static Result<Key> try_new(std::string_view text, SecretEncoding encoding) {
        return make<Key>([&](jwtmint_key **out) {
            return jwtmint_key_new_encoded(detail::bytes(text), text.size(),
                                           static_cast<jwtmint_secret_encoding>(encoding), out);
        });
    }

    explicit Key(detail::Adopt<jwtmint_key> handle) noexcept : Owner(handle) {}
};

/// Mints Zoom API JWTs for one API key and secret. Immutable and thread-safe.
class ApiMinter : public detail::Owner<jwtmint_api_minter, jwtmint_api_minter_free> {
  public:
    /// Throws jwtmint::Error (JWTMINT_INVALID_ARGUMENT for an empty API key or ttl 0,
    /// JWTMINT_INVALID_UTF8, ...).
    ApiMinter(const Key &key, std::string_view api_key,
              std::uint64_t skew = JWTMINT_DEFAULT_SKEW, std::uint64_t ttl = JWTMINT_DEFAULT_TTL)
        : ApiMinter(try_new(key, api_key, skew, ttl).value()) {}

    static Result<ApiMinter> try_new(const Key &key, std::string_view api_key,
                                     std::uint64_t skew = JWTMINT_DEFAULT_SKEW,
                                     std::uint64_t ttl = JWTMINT_DEFAULT_TTL) {
        return make<ApiMinter>([&](jwtmint_api_minter **out) {
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
                return jwtmint_api_minter_mint(get(), now, out, cap, len);
            });
    }

    /// The longest token this minter makes.
    std::size_t max_token_len() const noexcept { return jwtmint_api_minter_max_token_len(get()); }

    explicit ApiMinter(detail::Adopt<jwtmint_api_minter> handle) noexcept : Owner(handle) {}
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
/// verify() returns the payload JSON exactly as signed.
class Verifier : public detail::TokenVerifier<jwtmint_verifier, jwtmint_verifier_free,
                                              jwtmint_verifier_verify> {
  public:
    /// Default rules: leeway 60 s, limit 8192 bytes, exp required. Throws jwtmint::Error.
    explicit Verifier(const Key &key) : Verifier(try_new(key).value()) {}

    static Result<Verifier> try_new(const Key &key) {
        return make<Verifier>(
            [&](jwtmint_verifier **out) { return jwtmint_verifier_new(key.get(), out); });
    }

    /// The verifier for Zoom API JWTs of `api_key`. Throws jwtmint::Error.
    static Verifier zoom_api(const Key &key, std::string_view api_key) {
        return try_zoom_api(key, api_key).value();
    }

    static Result<Verifier> try_zoom_api(const Key &key, std::string_view api_key) {
        return make<Verifier>([&](jwtmint_verifier **out) {
            return jwtmint_verifier_new_zoom_api(key.get(), detail::bytes(api_key), api_key.size(),
                                                 out);
        });
    }

    /// Setters: each throws jwtmint::Error on a failure and then leaves the verifier unchanged
    /// (require_claims: see there).
    Verifier &set_leeway(std::uint64_t seconds) {
        detail::check(jwtmint_verifier_set_leeway(get_mut(), seconds));
        return *this;
    }
    Verifier &set_max_len(std::size_t bytes) {
        detail::check(jwtmint_verifier_set_max_len(get_mut(), bytes));
        return *this;
    }
    Verifier &set_issuer(std::string_view issuer) {
        detail::check(
            jwtmint_verifier_set_issuer(get_mut(), detail::bytes(issuer), issuer.size()));
        return *this;
    }
    Verifier &set_audience(std::string_view audience) {
        detail::check(
            jwtmint_verifier_set_audience(get_mut(), detail::bytes(audience), audience.size()));
        return *this;
    }
    /// Adds one claim that must be present, keeping the others (the default exp included);
    /// an empty name throws JWTMINT_INVALID_ARGUMENT.
    Verifier &require_claim(std::string_view name) {
        detail::check(jwtmint_verifier_require_claim(get_mut(), detail::bytes(name), name.size()));
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
        detail::check(jwtmint_verifier_clear_required_claims(get_mut()));
        return *this;
    }

    /// Verifies without returning the claims; throws jwtmint::Error.
    void check(std::string_view token, std::int64_t now) const {
        try_check(token, now).value();
    }

    Result<void> try_check(std::string_view token, std::int64_t now) const {
        return Result<void>(
            jwtmint_verifier_check(get(), detail::bytes(token), token.size(), now));
    }

    explicit Verifier(detail::Adopt<jwtmint_verifier> handle) noexcept : TokenVerifier(handle) {}
};

}  // namespace jwtmint

// The Zoom extras (token cache, Video SDK, webhooks), built on the classes above.
#include "jwtmint_zoom.hpp"

#endif  // JWTMINT_HPP
