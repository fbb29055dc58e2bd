//go:build jwtmint_checkout

package jwtmint

// Building inside a checkout of the jwtmint repository (go build -tags jwtmint_checkout, as
// scripts/suites/go.sh does): the header comes from the repository's include/ and the static
// library from its target/release/, where ffi/build-lib.sh puts it. With another Cargo target
// directory (the script honours CARGO_TARGET_DIR), name its release/ folder first:
// CGO_LDFLAGS="-L$CARGO_TARGET_DIR/release" (cgo puts CGO_LDFLAGS before these flags, so that
// folder is searched first).
//
// -l:libjwtmint.a names the archive itself: the linker cannot pick libjwtmint.so, which lies
// beside it, and the program needs nothing at run time. The system libraries are those
// ffi/build-lib.sh prints on its last line (native-static-libs).
//
// Without the tag, the package links the installed C SDK through pkg-config
// (link_pkgconfig.go): what a user of the released artifacts does.

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #cgo LDFLAGS: -L${SRCDIR}/../../target/release -l:libjwtmint.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
import "C"
