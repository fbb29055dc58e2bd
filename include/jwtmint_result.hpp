// jwtmint_result.hpp: the parts of the C++17 wrapper every class shares: jwtmint::Error,
// jwtmint::Result<T>, the clock, and (in jwtmint::detail) the owner of a C handle and the
// calls that fill a std::string. Included by jwtmint.hpp; include that instead.
#ifndef JWTMINT_RESULT_HPP
#define JWTMINT_RESULT_HPP

#include <cstddef>
#include <cstdint>
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

namespace detail {

/// What every Result says about its outcome: the code, its message and name.
class Outcome {
  public:
    bool ok() const noexcept { return code_ == JWTMINT_OK; }
    explicit operator bool() const noexcept { return ok(); }
    jwtmint_result code() const noexcept { return code_; }
    const char *message() const noexcept { return jwtmint::message(code_); }
    const char *name() const noexcept { return jwtmint::name(code_); }

  protected:
    explicit Outcome(jwtmint_result code) noexcept : code_(code) {}
    /// Throws jwtmint::Error holding the code on a failure.
    void check() const {
        if (!ok()) {
            throw Error(code_);
        }
    }

  private:
    jwtmint_result code_;
};

}  // namespace detail

/// Either a value or the result code of the failure: the non-throwing form.
template <class T> class [[nodiscard]] Result : public detail::Outcome {
  public:
    /// A success holding `value`.
    Result(T value) : Outcome(JWTMINT_OK), value_(std::move(value)) {}

    /// A failure with `code` (not JWTMINT_OK; JWTMINT_OK is taken as JWTMINT_PANIC).
    static Result failure(jwtmint_result code) {
        return Result(code == JWTMINT_OK ? JWTMINT_PANIC : code, Tag{});
    }

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
    Result(jwtmint_result code, Tag) : Outcome(code) {}

    std::optional<T> value_;
};

/// A result without a value: success or a code.
template <> class [[nodiscard]] Result<void> : public detail::Outcome {
  public:
    explicit Result(jwtmint_result code) noexcept : Outcome(code) {}
    static Result failure(jwtmint_result code) noexcept { return Result(code); }
    /// Throws jwtmint::Error holding the code on a failure.
    void value() const { check(); }
};

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
    jwtmint_result rc = write(reinterpret_cast<std::uint8_t *>(s.data()), s.size(), &len);
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

/// `at(t)` for the current time t, or the clock's failure: the try_* forms without `now`.
template <class At> auto at_now(At &&at) -> decltype(at(std::int64_t{})) {
    auto t = try_now();
    if (!t) {
        return decltype(at(std::int64_t{}))::failure(t.code());
    }
    return at(*t);
}

/// A raw handle just made by the library, handed to the class that will own it.
template <class T> struct Adopt {
    T *raw;
};

/// Owns one C handle and frees it with `Free`: the base of every RAII class. Move-only; a
/// moved-from object holds NULL, which every C function refuses (JWTMINT_NULL_POINTER).
template <class T, void (*Free)(T *)> class Owner {
  public:
    /// The C handle, for calling the C API directly.
    const T *get() const noexcept { return handle_.get(); }

  protected:
    explicit Owner(Adopt<T> handle) noexcept : handle_(handle.raw) {}

    /// The handle, for the setters (which C declares non-const).
    T *get_mut() noexcept { return handle_.get(); }

    /// Makes `Wrapper` around the handle `make(&out)` gives, or the code of the failure.
    template <class Wrapper, class Make> static Result<Wrapper> make(Make &&make_handle) {
        T *raw = nullptr;
        jwtmint_result rc = make_handle(&raw);
        if (rc != JWTMINT_OK) {
            return Result<Wrapper>::failure(rc);
        }
        return Wrapper(Adopt<T>{raw});
    }

  private:
    struct Deleter {
        void operator()(T *p) const noexcept { Free(p); }
    };
    std::unique_ptr<T, Deleter> handle_;
};

/// The signature the C verify functions share: a handle, the token, `now`, the buffer.
template <class T>
using VerifyFn = jwtmint_result (*)(const T *, const std::uint8_t *, std::size_t, std::int64_t,
                                    std::uint8_t *, std::size_t, std::size_t *);

/// An Owner whose handle verifies tokens with `Verify`, which writes JSON: the verify methods
/// of jwtmint::Verifier and jwtmint::VideoSdkVerifier.
template <class T, void (*Free)(T *), VerifyFn<T> Verify>
class TokenVerifier : public Owner<T, Free> {
  public:
    /// Verifies `token` at `now` and returns the JSON; throws jwtmint::Error with the reason
    /// (JWTMINT_EXPIRED, JWTMINT_INVALID_SIGNATURE, ...).
    std::string verify(std::string_view token, std::int64_t now) const {
        return try_verify(token, now).value();
    }

    /// As verify(token, now) at the current time.
    std::string verify(std::string_view token) const { return verify(token, jwtmint::now()); }

    Result<std::string> try_verify(std::string_view token, std::int64_t now) const {
        // The JSON is never longer than the token.
        return into_string(token.size(), [&](std::uint8_t *out, std::size_t cap, std::size_t *len) {
            return Verify(this->get(), bytes(token), token.size(), now, out, cap, len);
        });
    }

    /// As try_verify(token, now) at the current time.
    Result<std::string> try_verify(std::string_view token) const {
        return at_now([&](std::int64_t t) { return try_verify(token, t); });
    }

  protected:
    using Owner<T, Free>::Owner;
};

}  // namespace detail
}  // namespace jwtmint

#endif  // JWTMINT_RESULT_HPP
