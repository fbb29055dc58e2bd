package jwtmint_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// Interop with the jwtmint command-line tool, both ways: the binding's tokens verify with
// `jwtmint verify`, and the tool's tokens verify with the binding. The tool is found through
// $JWTMINT_CLI (scripts/suites/go.sh builds it with `cargo build --release --bin jwtmint`),
// else at target/release/jwtmint. Without it the tests are skipped, unless
// JWTMINT_REQUIRE_INTEROP=1 makes that a failure.

func cliPath(t *testing.T) string {
	t.Helper()
	path := os.Getenv("JWTMINT_CLI")
	if path == "" {
		path = repoPath("target", "release", "jwtmint")
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("JWTMINT_REQUIRE_INTEROP") == "1" {
			t.Fatalf("the jwtmint CLI is needed (JWTMINT_REQUIRE_INTEROP=1): %v", err)
		}
		t.Skipf("no jwtmint CLI (set JWTMINT_CLI; build it with cargo build --release --bin jwtmint): %v", err)
	}
	return path
}

// runCLI runs the tool with the secret in $ZOOM_API_SECRET (its default source) and no
// $ZOOM_API_KEY, returning stdout, stderr and the exit code.
func runCLI(t *testing.T, secret string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(cliPath(t), args...)
	env := []string{"ZOOM_API_SECRET=" + secret}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ZOOM_") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("running %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

func TestBindingTokensVerifyWithCLI(t *testing.T) {
	const apiKey = "interop-api-key"
	now := int64(1700000000)
	nowArg := strconv.FormatInt(now, 10)
	key := mustKey(t, testSecret)

	minter := closing(jwtmint.NewAPITokenMinter(key, apiKey, jwtmint.WithTTL(600*time.Second)))(t)
	token, err := minter.MintAt(now)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, testSecret, "verify", "--iss", apiKey, "--now", nowArg, token)
	if want := `{"iss":"interop-api-key","iat":1699999970,"exp":1700000570}` + "\n"; code != 0 || out != want {
		t.Fatalf("jwtmint verify: exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}

	// Arbitrary claims through Mint, verified with no required claims.
	claims := struct {
		Sub  string `json:"sub"`
		Exp  int64  `json:"exp"`
		Note string `json:"note"`
	}{"user-7", now + 60, "<&> ünïcödé"}
	token, err = jwtmint.Mint(key, claims)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCLI(t, testSecret, "verify", "--require", "", "--now", nowArg, token)
	if want := `{"sub":"user-7","exp":1700000060,"note":"<&> ünïcödé"}` + "\n"; code != 0 || out != want {
		t.Fatalf("jwtmint verify (Mint): exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}

	// The CLI rejects them with the same codes: another secret, and after expiry.
	_, errOut, code = runCLI(t, "another-secret-of-exactly-36-bytes!!", "verify", "--require", "", "--now", nowArg, token)
	if code != 1 || !strings.Contains(errOut, "[code 400 invalid_signature]") {
		t.Fatalf("wrong secret: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCLI(t, testSecret, "verify", "--require", "", "--now", strconv.FormatInt(now+3600, 10), token)
	if code != 1 || !strings.Contains(errOut, "[code 500 expired]") {
		t.Fatalf("expired: exit %d, stderr %q", code, errOut)
	}

	// A hex secret: the same key bytes through both doors.
	hexSecret := strings.Repeat("0123456789abcdef", 4)
	hexKey := closing(jwtmint.NewKeyFromEncoded(hexSecret, jwtmint.EncodingHex))(t)
	token, err = jwtmint.MintAPITokenAt(hexKey, apiKey, now)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runCLI(t, hexSecret, "verify", "--secret-encoding", "hex", "--iss", apiKey, "--now", nowArg, token)
	if code != 0 || !strings.HasPrefix(out, `{"iss":"interop-api-key","iat":1699999970,"exp":1700003570}`) {
		t.Fatalf("hex secret: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCLITokensVerifyWithBinding(t *testing.T) {
	const apiKey = "cli-api-key"
	now := int64(1700000000)
	key := mustKey(t, testSecret)
	verifier := closing(jwtmint.NewZoomAPIVerifier(key, apiKey))(t)

	out, errOut, code := runCLI(t, testSecret, "mint", "--key", apiKey, "--now", "1700000000", "--ttl", "900",
		"--claim", "role=1", "--claim", `name="Zoë"`)
	if code != 0 || !strings.HasSuffix(out, "\n") {
		t.Fatalf("jwtmint mint: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	token := strings.TrimSuffix(out, "\n")
	var claims struct {
		Iss  string `json:"iss"`
		Iat  int64  `json:"iat"`
		Exp  int64  `json:"exp"`
		Role int    `json:"role"`
		Name string `json:"name"`
	}
	if err := verifier.VerifyIntoAt(token, now, &claims); err != nil {
		t.Fatalf("the binding rejects the CLI's token %q: %v", token, err)
	}
	if claims.Iss != apiKey || claims.Iat != now-30 || claims.Exp != now-30+900 || claims.Role != 1 || claims.Name != "Zoë" {
		t.Fatalf("claims %+v", claims)
	}
	// Byte-identical to what the binding mints for the same payload, and to crypto/hmac's.
	payload := `{"iss":"cli-api-key","iat":1699999970,"exp":1700000870,"role":1,"name":"Zoë"}`
	if want := hs256([]byte(testSecret), []byte(payload)); token != want {
		t.Fatalf("CLI token %q, want %q", token, want)
	}
	if mine, err := jwtmint.MintJSON(key, []byte(payload)); err != nil || mine != token {
		t.Fatalf("MintJSON = %q, %v; the CLI minted %q", mine, err, token)
	}

	// The plain Zoom API token equals the binding's minter's, and is rejected once expired
	// and under another API key.
	out, errOut, code = runCLI(t, testSecret, "mint", "--key", apiKey, "--now", "1700000000")
	if code != 0 {
		t.Fatalf("jwtmint mint: exit %d, stderr %q", code, errOut)
	}
	token = strings.TrimSuffix(out, "\n")
	if mine, err := jwtmint.MintAPITokenAt(key, apiKey, now); err != nil || mine != token {
		t.Fatalf("MintAPITokenAt = %q, %v; the CLI minted %q", mine, err, token)
	}
	if _, err := verifier.VerifyAt(token, now+3570+60); !errors.Is(err, jwtmint.ErrExpired) {
		t.Fatalf("expired CLI token: %v", err)
	}
	other := closing(jwtmint.NewZoomAPIVerifier(key, "someone-else"))(t)
	if _, err := other.VerifyAt(token, now); !errors.Is(err, jwtmint.ErrIssuerMismatch) {
		t.Fatalf("another API key: %v", err)
	}
}
