package jwtmint

import (
	"fmt"
	"time"
)

// setting is the body of MinterOption, CacheOption and WebhookOption: one change to the
// settings S of what is being made. The zero value (a zero option) has no apply.
type setting[S any] struct {
	apply func(*S) error
}

func (s setting[S]) setter() func(*S) error { return s.apply }

// settings applies opts, in order, to the defaults s. A zero option is ErrInvalidArgument.
func settings[S any, O interface{ setter() func(*S) error }](s S, opts []O) (S, error) {
	for _, opt := range opts {
		apply := opt.setter()
		if apply == nil {
			return s, argumentError(fmt.Sprintf("a zero %T", opt))
		}
		if err := apply(&s); err != nil {
			return s, err
		}
	}
	return s, nil
}

// secondsSetting sets the field of S that field picks to d in whole seconds.
func secondsSetting[S any](what string, d time.Duration, field func(*S) *uint64) setting[S] {
	return setting[S]{func(s *S) (err error) {
		*field(s), err = wholeSeconds(what, d)
		return err
	}}
}

// itself is the field picker of a setting that is one number.
func itself(n *uint64) *uint64 { return n }

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
