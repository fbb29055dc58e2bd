//go:build !jwtmint_checkout

package jwtmint

// Building against the C SDK (the default): the release's
// libjwtmint-<version>-<target>.tar.gz, unpacked anywhere, or `ffi/install.sh PREFIX` of a
// checkout, holds the header, libjwtmint.a and lib/pkgconfig/jwtmint-static.pc, whose flags
// name the archive itself (so the program needs nothing at run time) and the system
// libraries it needs. Point pkg-config at it: PKG_CONFIG_PATH=<sdk>/lib/pkgconfig.
//
// Inside a checkout, -tags jwtmint_checkout links the repository's own build instead
// (link_checkout.go).

// #cgo pkg-config: jwtmint-static
import "C"
