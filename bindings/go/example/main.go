// Command example mints a Zoom API JWT with the Go binding, verifies it, and prints the curl
// line for Zoom's "List sessions" call (it calls nothing itself).
//
// The API key and secret come from $ZOOM_API_KEY and $ZOOM_API_SECRET; without them it uses
// jwtmint's public demo key, whose tokens Zoom refuses.
//
//	cd bindings/go && go run ./example
package main

import (
	"errors"
	"fmt"
	"log"
	"os"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

func main() {
	apiKey, secret := os.Getenv("ZOOM_API_KEY"), os.Getenv("ZOOM_API_SECRET")
	if apiKey == "" || secret == "" {
		fmt.Fprintln(os.Stderr, "ZOOM_API_KEY or ZOOM_API_SECRET not set: using the public demo key")
		apiKey, secret = "jwtmint-demo-api-key", "DEMO-ONLY-public-jwtmint-demo-secret-NOT-SECRET"
	}

	key, err := jwtmint.NewKey([]byte(secret))
	if errors.Is(err, jwtmint.ErrWeakSecret) {
		log.Fatal("the API secret is shorter than 32 bytes: is it the right one?")
	} else if err != nil {
		log.Fatal(err)
	}
	defer key.Close()

	// Build the minter once and keep it: each token then costs a few hundred nanoseconds.
	minter, err := jwtmint.NewAPITokenMinter(key, apiKey)
	if err != nil {
		log.Fatal(err)
	}
	defer minter.Close()
	token, err := minter.Mint()
	if err != nil {
		log.Fatal(err)
	}

	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		log.Fatal(err)
	}
	defer verifier.Close()
	var claims struct {
		Iss      string `json:"iss"`
		Iat, Exp int64
	}
	if err := verifier.VerifyInto(token, &claims); err != nil {
		log.Fatal(err)
	}

	fmt.Printf("token for %s, valid from %d to %d:\n%s\n\n", claims.Iss, claims.Iat, claims.Exp, token)
	fmt.Printf("curl https://api.zoom.us/v2/videosdk/sessions \\\n  -H \"Authorization: Bearer %s\"\n", token)
}
