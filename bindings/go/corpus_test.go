package jwtmint_test

import (
	"errors"
	"path/filepath"
	"sort"
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// The adversarial corpus (tests/corpus/*.json, generated with Python's standard library by
// tests/corpus/generate.py): every case names a token, a time, the verifier's options and the
// exact code the library must return (0: accepted).

type corpusFile struct {
	Secret         string       `json:"secret"`
	SecretEncoding string       `json:"secret_encoding"`
	Cases          []corpusCase `json:"cases"`
}

type corpusCase struct {
	Name        string                 `json:"name"`
	Description string                 `json:"description"`
	Token       string                 `json:"token"`
	Now         int64                  `json:"now"`
	Verifier    map[string]interface{} `json:"verifier"`
	Expect      int                    `json:"expect"`
}

// corpusOptions turns a case's verifier options into VerifierOptions; an option this test
// does not know fails the test rather than being ignored.
func corpusOptions(t *testing.T, options map[string]any) []jwtmint.VerifierOption {
	t.Helper()
	names := make([]string, 0, len(options))
	for name := range options {
		names = append(names, name)
	}
	sort.Strings(names)
	var opts []jwtmint.VerifierOption
	for _, name := range names {
		value := options[name]
		switch name {
		case "leeway":
			opts = append(opts, jwtmint.WithLeeway(time.Duration(value.(float64))*time.Second))
		case "max_len":
			opts = append(opts, jwtmint.WithMaxLen(int(value.(float64))))
		case "issuer":
			opts = append(opts, jwtmint.WithIssuer(value.(string)))
		case "audience":
			opts = append(opts, jwtmint.WithAudience(value.(string)))
		case "required":
			var claims []string
			for _, c := range value.([]any) {
				claims = append(claims, c.(string))
			}
			opts = append(opts, jwtmint.WithRequiredClaims(claims...))
		default:
			t.Fatalf("unknown verifier option %q", name)
		}
	}
	return opts
}

func TestAdversarialCorpus(t *testing.T) {
	files, err := filepath.Glob(repoPath("tests", "corpus", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	total, accepted := 0, 0
	for _, path := range files {
		var doc corpusFile
		readJSON(t, path, &doc)
		enc, err := jwtmint.ParseEncoding(doc.SecretEncoding)
		if err != nil {
			t.Fatal(err)
		}
		key, err := jwtmint.NewKeyFromEncoded(doc.Secret, enc)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Cases {
			total++
			if c.Expect == 0 {
				accepted++
			}
			c := c
			t.Run(filepath.Base(path)+"/"+c.Name, func(t *testing.T) {
				verifier, err := jwtmint.NewVerifier(key, corpusOptions(t, c.Verifier)...)
				if err != nil {
					t.Fatal(err)
				}
				defer verifier.Close()
				claims, err := verifier.VerifyAt(c.Token, c.Now)
				if got := codeOf(err); got != c.Expect {
					t.Fatalf("%s\nVerifyAt: code %d (%v), want %d", c.Description, got, err, c.Expect)
				}
				if (err == nil) != (claims != nil) {
					t.Fatalf("claims %v with error %v", claims, err)
				}
				if got := codeOf(verifier.CheckAt(c.Token, c.Now)); got != c.Expect {
					t.Fatalf("CheckAt: code %d, want %d", got, c.Expect)
				}
			})
		}
		key.Close()
	}
	// The corpus is large and mostly rejections; a loader that read nothing must not pass.
	if total < 200 || accepted == 0 || accepted == total {
		t.Fatalf("corpus: %d cases, %d accepted", total, accepted)
	}
}

// codeOf is the library's code of an error (0 for nil); -1 for an error that is not an
// *Error.
func codeOf(err error) int {
	if err == nil {
		return 0
	}
	var e *jwtmint.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return -1
}
