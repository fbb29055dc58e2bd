//go:build jwtmint_pkgconfig

package jwtmint

// Building against an installed libjwtmint (go build -tags jwtmint_pkgconfig): `ffi/install.sh
// PREFIX` installs the header, libjwtmint.a and PREFIX/lib/pkgconfig/jwtmint-static.pc, whose
// flags name the archive itself and the system libraries it needs. Point pkg-config at it with
// PKG_CONFIG_PATH=PREFIX/lib/pkgconfig.

// #cgo pkg-config: jwtmint-static
import "C"
