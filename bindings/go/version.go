package jwtmint

// #include <jwtmint.h>
import "C"

// ModuleVersion is the version of this Go module: the jwtmint release it belongs to, whose C
// SDK (libjwtmint of the same version) it is meant to be linked with. The repository's
// version test (tests/versions.rs) keeps it equal to the workspace's version.
const ModuleVersion = "0.1.0"

// Version is the version of the linked libjwtmint, such as "0.1.0".
func Version() string { return C.GoString(C.jwtmint_version()) }

// ABIVersion is the C ABI version of the linked libjwtmint.
func ABIVersion() uint32 { return uint32(C.jwtmint_abi_version()) }

// HeaderABIVersion is the C ABI version of the jwtmint.h this package was compiled against;
// it equals ABIVersion() when header and library match.
const HeaderABIVersion = C.JWTMINT_ABI_VERSION

// abiVersion is the C ABI this package is written for (2: required claims are added one by
// one with jwtmint_verifier_require_claim). A header of another version fails the build here,
// with an array of negative length, rather than at some call whose meaning has changed.
const abiVersion = 2

var (
	_ [HeaderABIVersion - abiVersion]struct{}
	_ [abiVersion - HeaderABIVersion]struct{}
)
