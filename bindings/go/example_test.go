package jwtmint_test

import (
	"errors"
	"fmt"
	"log"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// Mint a Zoom API token and verify it. The inputs are those of Zoom's "Generate API JWT"
// sample; the token is the one in tests/vectors/zoom_api.json ("seed_defaults").
func Example() {
	key, err := jwtmint.NewKey([]byte("0123456789abcdefghijklmnopqrstuvwxyz")) // the API secret
	if err != nil {
		log.Fatal(err)
	}
	defer key.Close()

	minter, err := jwtmint.NewAPITokenMinter(key, "abcdefghijklmnopqrstuv") // the API key
	if err != nil {
		log.Fatal(err)
	}
	defer minter.Close()
	token, err := minter.MintAt(1662147076) // minter.Mint() uses the system clock
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(token)

	verifier, err := jwtmint.NewZoomAPIVerifier(key, "abcdefghijklmnopqrstuv")
	if err != nil {
		log.Fatal(err)
	}
	defer verifier.Close()
	claims, err := verifier.VerifyAt(token, 1662147076)
	fmt.Println(claims["iss"], claims["exp"], err)

	_, err = verifier.VerifyAt(token, 1662150646+60) // past exp and the 60 s leeway
	fmt.Println(errors.Is(err, jwtmint.ErrExpired), err)
	// Output:
	// eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmNkZWZnaGlqa2xtbm9wcXJzdHV2IiwiaWF0IjoxNjYyMTQ3MDQ2LCJleHAiOjE2NjIxNTA2NDZ9.MnnP6V-V6steGJS7MHUadpgcazVktkjYf6NbrsL4pzI
	// abcdefghijklmnopqrstuv 1662150646 <nil>
	// true jwtmint: the token has expired [code 500 expired]
}

// Sign your own claims (a struct keeps its field order) and read them back into a struct.
func ExampleMint() {
	key, err := jwtmint.NewKey([]byte("0123456789abcdefghijklmnopqrstuvwxyz"))
	if err != nil {
		log.Fatal(err)
	}
	defer key.Close()

	type Claims struct {
		Sub   string   `json:"sub"`
		Exp   int64    `json:"exp"`
		Roles []string `json:"roles"`
	}
	token, err := jwtmint.Mint(key, Claims{Sub: "user-1", Exp: 2000000000, Roles: []string{"a", "b"}})
	if err != nil {
		log.Fatal(err)
	}

	verifier, err := jwtmint.NewVerifier(key, jwtmint.WithRequiredClaims("sub", "exp"),
		jwtmint.WithLeeway(30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer verifier.Close()
	var got Claims
	if err := verifier.VerifyIntoAt(token, 1700000000, &got); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", got)
	// Output:
	// {Sub:user-1 Exp:2000000000 Roles:[a b]}
}

// Every error carries the library's stable code and name.
func ExampleError() {
	_, err := jwtmint.NewKey([]byte("too short"))
	var e *jwtmint.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Name, errors.Is(err, jwtmint.ErrWeakSecret))
	}
	// Output:
	// 101 weak_secret true
}

// Answer Zoom's endpoint.url_validation challenge (the values of Zoom's webhook docs). In an
// http.Handler: read the raw body, then pass r.Header.Get(jwtmint.HeaderTimestamp) and
// r.Header.Get(jwtmint.HeaderSignature), and write the answer with status 200.
func ExampleWebhook_URLValidationAt() {
	webhook, err := jwtmint.NewWebhook("ZOOM_WEBHOOK_SECRET_TOKEN")
	if err != nil {
		log.Fatal(err)
	}
	defer webhook.Close()
	body := []byte(`{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}`)
	signature := "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918"

	answer, err := webhook.URLValidationAt("1700000000", body, signature, 1700000000)
	fmt.Println(string(answer), err)

	_, err = webhook.VerifyAt("1700000000", body, signature, 1700000000+3600)
	fmt.Println(errors.Is(err, jwtmint.ErrWebhookTimestampOutOfTolerance))
	// Output:
	// {"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"} <nil>
	// true
}

// Mint a Video SDK session token for a host and check it the way a server would.
func ExampleMintVideoSDKTokenAt() {
	key, err := jwtmint.NewKey([]byte("my-video-sdk-secret-of-36-characters")) // the SDK secret
	if err != nil {
		log.Fatal(err)
	}
	defer key.Close()
	token, err := jwtmint.MintVideoSDKTokenAt(key, "my-sdk-key", "support-call-42", jwtmint.RoleHost,
		1700000000, jwtmint.WithUserIdentity("agent-7"), jwtmint.WithGeoRegions("US", "DE"))
	if err != nil {
		log.Fatal(err)
	}

	verifier, err := jwtmint.NewVideoSDKVerifier(key, "my-sdk-key")
	if err != nil {
		log.Fatal(err)
	}
	defer verifier.Close()
	claims, err := verifier.VerifyAt(token, 1700000000)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(claims.SessionName, claims.RoleType == jwtmint.RoleHost, *claims.UserIdentity, *claims.GeoRegions, claims.Exp-claims.Iat)
	// Output:
	// support-call-42 true agent-7 US,DE 7200
}
