package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"bytes"
	"encoding/json"
)

// Mint mints an HS256 JWT whose payload is claims as compact JSON, under the header
// {"alg":"HS256","typ":"JWT"}. claims is anything encoding/json encodes as an object: a
// struct (fields in declaration order), a map (keys sorted), json.RawMessage. Characters are
// not HTML-escaped (encoding/json's default writes "<" as \u003c): the payload is the same
// bytes every other jwtmint binding signs for the same claims.
//
// The JSON is checked with the verifier's own rules before anything is signed. Nothing is
// added: include "exp" yourself if the verifier will require it (it does by default).
//
// Errors: ErrClosed; ErrSerialize when encoding/json cannot encode claims (errors.Unwrap
// gives its error); ErrClaimsNotAnObject; ErrMalformedClaim when a registered claim has the
// wrong type ("exp": "soon").
func Mint(key *Key, claims any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(claims); err != nil {
		return "", causedError(C.JWTMINT_SERIALIZE, err)
	}
	// Encode ends the value with a newline, which is not part of it.
	return MintJSON(key, unescapeLineSeparators(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})))
}

// unescapeLineSeparators writes U+2028 and U+2029 as themselves in JSON that encoding/json
// made. It escapes them as \u2028 and \u2029 whatever SetEscapeHTML says (for JSONP), where
// the other bindings' serializers (Python's json, JavaScript's JSON.stringify, serde_json)
// write the characters: the claims are the same, but the bytes signed would differ.
func unescapeLineSeparators(js []byte) []byte {
	if !bytes.Contains(js, []byte(`\u202`)) {
		return js
	}
	out := make([]byte, 0, len(js))
	for i := 0; i < len(js); i++ {
		if js[i] != '\\' || i+1 >= len(js) {
			out = append(out, js[i])
			continue
		}
		// A backslash in encoding/json's output always starts an escape inside a string:
		// copy the escape whole, unless it is one of the two.
		if js[i+1] == 'u' && i+5 < len(js) && string(js[i+2:i+5]) == "202" && (js[i+5] == '8' || js[i+5] == '9') {
			if js[i+5] == '8' {
				out = append(out, "\u2028"...)
			} else {
				out = append(out, "\u2029"...)
			}
			i += 5
			continue
		}
		out = append(out, js[i], js[i+1])
		i++
	}
	return out
}

// MintJSON mints an HS256 JWT whose payload is exactly claimsJSON, whitespace included, after
// the same checks as Mint.
//
// Errors: ErrClosed; ErrInvalidJSON; ErrClaimsNotAnObject; ErrDuplicateMember;
// ErrMalformedClaim.
func MintJSON(key *Key, claimsJSON []byte) (string, error) {
	// The token's length follows from the payload's: header, dot, base64url payload, dot,
	// 43-character signature. The library is asked again if it ever differs.
	return mintJSON(key, claimsJSON, 36+1+(len(claimsJSON)*4+2)/3+1+43)
}

// mintJSON is MintJSON with a first buffer of guess bytes.
func mintJSON(key *Key, claimsJSON []byte, guess int) (string, error) {
	return useText(key.handle(), guess, func(kp *C.jwtmint_key, out []byte) (C.jwtmint_result, int) {
		return mintJSONInto(kp, claimsJSON, out)
	})
}
