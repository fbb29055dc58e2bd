//go:build !jwtmint_pkgconfig

package jwtmint

// Building inside a checkout of the jwtmint repository (the default): the header comes from
// the repository's include/ and the static library from its target/release/, where
// ffi/build-lib.sh puts it. With another Cargo target directory (the script honours
// CARGO_TARGET_DIR), name its release/ folder first: CGO_LDFLAGS="-L$CARGO_TARGET_DIR/release"
// (cgo puts CGO_LDFLAGS before these flags, so that folder is searched first).
//
// -l:libjwtmint.a names the archive itself: the linker cannot pick libjwtmint.so, which lies
// beside it, and the program needs nothing at run time. The system libraries are those
// ffi/build-lib.sh prints on its last line (native-static-libs).
//
// Outside a checkout, install the library with ffi/install.sh and build with
// -tags jwtmint_pkgconfig (see link_pkgconfig.go).

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #cgo LDFLAGS: -L${SRCDIR}/../../target/release -l:libjwtmint.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
import "C"
