package jwtmint

// #include <jwtmint.h>
import "C"

// Version is the version of the linked libjwtmint, such as "0.1.0".
func Version() string { return C.GoString(C.jwtmint_version()) }

// ABIVersion is the C ABI version of the linked libjwtmint.
func ABIVersion() uint32 { return uint32(C.jwtmint_abi_version()) }

// HeaderABIVersion is the C ABI version of the jwtmint.h this package was compiled against;
// it equals ABIVersion() when header and library match.
const HeaderABIVersion = C.JWTMINT_ABI_VERSION
