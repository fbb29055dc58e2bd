package jwtmint

import "time"

// wholeSeconds converts a non-negative duration of whole seconds to seconds for the C ABI;
// anything else is ErrInvalidArgument naming what, rather than a silent rounding.
func wholeSeconds(what string, d time.Duration) (uint64, error) {
	if d < 0 {
		return 0, argumentError(what + " is negative (" + d.String() + ")")
	}
	if d%time.Second != 0 {
		return 0, argumentError(what + " is not a whole number of seconds (" + d.String() + ")")
	}
	return uint64(d / time.Second), nil
}
