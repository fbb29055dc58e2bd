module example.invalid/jwtmint/bindings/go/bench

go 1.19

require (
	example.invalid/jwtmint/bindings/go v0.0.0
	github.com/golang-jwt/jwt/v4 v4.4.3
)

// The binding, from this checkout.
replace example.invalid/jwtmint/bindings/go => ../

// golang-jwt v4 from Debian's golang-github-golang-jwt-jwt-dev (the Go module proxy, and so
// golang-jwt v5, cannot be reached from this project's machines); run.sh installs it.
replace github.com/golang-jwt/jwt/v4 => /usr/share/gocode/src/github.com/golang-jwt/jwt
