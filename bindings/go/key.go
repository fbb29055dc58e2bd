package jwtmint

// #include <jwtmint.h>
import "C"

import "strconv"

// Encoding says how the text given to NewKeyFromEncoded becomes the secret's bytes.
type Encoding uint32

// The encodings of secret text (the C ABI's JWTMINT_SECRET_* constants).
const (
	// EncodingUTF8: the text's UTF-8 bytes are the secret, as for a Zoom API secret.
	EncodingUTF8 Encoding = C.JWTMINT_SECRET_UTF8
	// EncodingHex: hexadecimal, either case, no separators.
	EncodingHex Encoding = C.JWTMINT_SECRET_HEX
	// EncodingBase64: the standard base64 alphabet, padding optional.
	EncodingBase64 Encoding = C.JWTMINT_SECRET_BASE64
	// EncodingBase64URL: the URL-safe base64 alphabet (as in a JWK "k"), padding optional.
	EncodingBase64URL Encoding = C.JWTMINT_SECRET_BASE64URL
	// EncodingJsrsasignCompat reads a secret the way jsrsasign, the library of Zoom's Node.js
	// samples, does: an even-length all-hex text is decoded as hex; any other text gives the
	// low byte of each UTF-16 code unit. Only for secrets used with those samples: characters
	// above U+00FF lose their high byte, so distinct secrets can give the same key.
	EncodingJsrsasignCompat Encoding = C.JWTMINT_SECRET_JSRSASIGN_COMPAT
)

var encodingNames = map[Encoding]string{
	EncodingUTF8:      "utf8",
	EncodingHex:       "hex",
	EncodingBase64:    "base64",
	EncodingBase64URL: "base64url",
	// The CLI's name for it (--secret-encoding jsrsasign).
	EncodingJsrsasignCompat: "jsrsasign",
}

// String returns the encoding's name as the CLI and the test vectors spell it ("utf8",
// "hex", "base64", "base64url", "jsrsasign").
func (e Encoding) String() string {
	if name, ok := encodingNames[e]; ok {
		return name
	}
	return "Encoding(" + strconv.FormatUint(uint64(e), 10) + ")"
}

// ParseEncoding returns the Encoding of a name as String spells it; an unknown name is
// ErrInvalidArgument.
func ParseEncoding(name string) (Encoding, error) {
	for e, n := range encodingNames {
		if n == name {
			return e, nil
		}
	}
	return 0, argumentError("unknown secret encoding " + strconv.Quote(name))
}

// Key is an HS256 key: the keyed HMAC state derived from a secret, computed once. The secret
// itself is not kept.
//
// A Key is safe for use by many goroutines at once. Minters and verifiers made from it keep
// their own reference to the key material, so a Key may be closed as soon as they are made.
// Close wipes and releases it; a Key that is not closed is released by a finalizer once it
// is unreachable.
type Key struct {
	h *handle[C.jwtmint_key]
}

// NewKey makes a key from the secret's bytes (for a Zoom API secret: []byte(secret)).
//
// Errors: ErrEmptySecret; ErrWeakSecret when the secret is shorter than 32 bytes (RFC 7518
// section 3.2). The caller may wipe secret as soon as NewKey returns.
func NewKey(secret []byte) (*Key, error) {
	var p *C.jwtmint_key
	rc := C.jwtmint_key_new(bytesPtr(secret), C.size_t(len(secret)), &p)
	return newKey(rc, p)
}

// NewKeyFromEncoded makes a key from secret text in an encoding: EncodingUTF8 (the text's
// bytes), EncodingHex, EncodingBase64, EncodingBase64URL or EncodingJsrsasignCompat.
//
// Errors: ErrInvalidSecretEncoding when the text is not valid in the encoding; ErrInvalidUTF8
// when it is not UTF-8; ErrInvalidArgument for an unknown encoding; ErrEmptySecret and
// ErrWeakSecret for the decoded bytes.
func NewKeyFromEncoded(text string, enc Encoding) (*Key, error) {
	var p *C.jwtmint_key
	rc := C.jwtmint_key_new_encoded(stringPtr(text), C.size_t(len(text)), C.jwtmint_secret_encoding(enc), &p)
	return newKey(rc, p)
}

func newKey(rc C.jwtmint_result, p *C.jwtmint_key) (*Key, error) {
	h, err := made(rc, p, func(p *C.jwtmint_key) { C.jwtmint_key_free(p) })
	if err != nil {
		return nil, err
	}
	return &Key{h}, nil
}

// Close wipes the key material and releases the key. Later uses of the Key return ErrClosed;
// closing again does nothing. Minters and verifiers made from the key stay usable. It waits
// for calls using the key on other goroutines to finish. Always returns nil.
func (k *Key) Close() error { return k.handle().close() }

// handle is nil for a nil *Key, which every use then reports as ErrClosed.
func (k *Key) handle() *handle[C.jwtmint_key] {
	if k == nil {
		return nil
	}
	return k.h
}
