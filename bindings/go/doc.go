// Package jwtmint mints and verifies HS256 JSON Web Tokens for Zoom's APIs and Video SDK,
// strictly (RFC 7515/7518/7519/8725) and fast, through the C ABI of the Rust library
// libjwtmint. Every check is the library's: this package only carries arguments, results
// and errors across.
//
// A Key is built once from the secret; an APITokenMinter mints Zoom API tokens for one API
// key; Mint signs any claims that encoding/json encodes as an object; a Verifier checks
// tokens under fixed rules and returns their claims. Keys, minters and verifiers may be
// shared by any number of goroutines. Every error is an *Error with the library's stable code,
// name and message; compare with errors.Is(err, ErrExpired) and the other Err values, or with
// errors.Is(err, KindClaims) for a whole family of codes.
//
// Every function that depends on the time has an ...At form taking now, in seconds since
// the Unix epoch; the others read the system clock.
//
// Building: cgo links the static libjwtmint.a of the C SDK (the release's
// libjwtmint-<version>-<target>.tar.gz, or ffi/install.sh of a checkout) through pkg-config:
// set PKG_CONFIG_PATH=<sdk>/lib/pkgconfig. Inside a checkout of the repository, build with
// -tags jwtmint_checkout after ffi/build-lib.sh, which places the archive in target/release.
// The package's README has the details.
package jwtmint
