// Mints a Zoom API JWT for the first API call of Zoom's "Make API requests" page (List
// sessions, Video SDK), prints that call as a curl command line, and verifies the token, with
// the C++17 wrapper (jwtmint.hpp).
//
//   export ZOOM_API_KEY=... ZOOM_API_SECRET=...
//   ./mint_and_verify            # prints the curl line on stdout, the rest on stderr
//
// Without those variables it uses DEMO credentials, and says so: Zoom rejects that token.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "jwtmint.hpp"

// DEMO ONLY: not a real Zoom account. Set ZOOM_API_KEY and ZOOM_API_SECRET for real calls.
constexpr std::string_view demo_api_key = "demo-api-key";
constexpr std::string_view demo_api_secret = "demo-api-secret-not-a-real-zoom-secret";

static std::string_view env(const char *name) {
    const char *value = std::getenv(name);
    return value ? value : "";
}

int main() {
    std::string_view api_key = env("ZOOM_API_KEY");
    std::string_view secret = env("ZOOM_API_SECRET");
    if (api_key.empty() || secret.empty()) {
        std::cerr << "ZOOM_API_KEY / ZOOM_API_SECRET not set: using DEMO credentials "
                     "(Zoom will reject this token)\n";
        api_key = demo_api_key;
        secret = demo_api_secret;
    }

    try {
        const jwtmint::Key key(secret);
        const jwtmint::ApiMinter minter(key, api_key);  // iat = now - 30 s, exp = iat + 1 h
        const std::string token = minter.mint();

        std::cout << "curl https://api.zoom.us/v2/videosdk/sessions"
                     " -H \"Content-Type: application/x-www-form-urlencoded\""
                     " -H \"Authorization: Bearer "
                  << token << "\"\n";

        const auto verifier = jwtmint::Verifier::zoom_api(key, api_key);
        std::cerr << "verified claims: " << verifier.verify(token) << "\n";

        // The non-throwing form: a tampered token is rejected with a reason.
        std::string tampered = token;
        tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == 'A' ? 'B' : 'A';
        auto result = verifier.try_verify(tampered);
        std::cerr << "tampered token: " << result.message() << "\n";
        return result.code() == JWTMINT_INVALID_SIGNATURE ? 0 : 1;
    } catch (const jwtmint::Error &e) {
        std::cerr << "error: " << e.what() << " (" << e.name() << ", code " << e.code() << ")\n";
        return 1;
    }
}
