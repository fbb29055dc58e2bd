#!/usr/bin/env bash
# Builds libjwtmint and runs every C and C++ test of the C ABI:
#
#  - the header compiles alone as C99, C11 and C++17, and jwtmint.hpp as C++17, with
#    -Wall -Wextra -Werror -pedantic; the library exports exactly the header's functions;
#  - test_api (versions, codes, keys, minting, the clock), test_verify (the verifier),
#    test_videosdk (Video SDK tokens), test_meetingsdk (Meeting SDK tokens, user_key),
#    test_zoom (webhooks, the token cache, jsrsasign secrets): every function, every error
#    path; test_vectors (tests/vectors/*.json, byte-identical
#    tokens), test_threads (pthreads sharing one key, minter and verifier, then one token
#    cache) and test_cpp (the C++ wrapper), each built with -Werror and run
#      plain, linked with libjwtmint.so and with libjwtmint.a (pkg-config jwtmint-static),
#      under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included),
#      under valgrind --leak-check=full;
#  - a leaky canary that ASan and valgrind must both reject (so a silent checker fails here);
#  - the examples, built the way users build them (pkg-config + make, CMake find_package),
#    and their tokens, webhook answers and verdicts checked with Python's hmac;
#  - ffi/gen-header.sh --check, when the pinned cbindgen is installed (else reported skipped).
#
# Installs nothing. Needs (Debian): gcc g++ make cmake pkg-config valgrind python3 binutils,
# and cargo. Respects CARGO_TARGET_DIR; works in $CARGO_TARGET_DIR/c-tests (or target/c-tests).
# Ends with "N passed, M failed[, K skipped]" counting the steps above.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/c"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
work="$target_dir/c-tests"
prefix="$work/prefix"
logs="$work/logs"

missing=()
for tool in cargo gcc g++ make cmake pkg-config valgrind python3 nm; do
    command -v "$tool" > /dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "error: missing ${missing[*]}" >&2
    echo "install: apt-get install -y gcc g++ make cmake pkg-config valgrind python3 binutils" >&2
    exit 1
fi

rm -rf "$work"
mkdir -p "$work/bin" "$logs"

passed=0
failed=0
skipped=0
failures=()

# step NAME COMMAND...: runs COMMAND with its output in $logs/NAME.log.
step() {
    local name="$1"
    shift
    if "$@" > "$logs/$name.log" 2>&1; then
        passed=$((passed + 1))
        # Show the test programs' own counts.
        local counts
        counts="$(grep -E '^[a-z_]+: [0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" || true)"
        printf 'ok    %-34s %s\n' "$name" "$(echo "$counts" | tr '\n' ' ')"
    else
        failed=$((failed + 1))
        failures+=("$name")
        printf 'FAIL  %s\n' "$name"
        tail -n 40 "$logs/$name.log" | sed 's/^/      /'
    fi
}

skip() {
    skipped=$((skipped + 1))
    printf 'skip  %-34s %s\n' "$1" "$2"
}

# ---- build and install into a scratch prefix, the way users do -----------------------------
echo "building libjwtmint (release) into $prefix"
if ! "$root/ffi/install.sh" "$prefix" > "$logs/install.log" 2>&1; then
    cat "$logs/install.log"
    echo "0 passed, 1 failed"
    exit 1
fi
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
libdir="$prefix/lib"
shared_libs=(-L"$libdir" -ljwtmint -Wl,-rpath,"$libdir")
# shellcheck disable=SC2207 # word splitting is the point: pkg-config prints flags
static_libs=($(pkg-config --libs jwtmint-static))

# ---- header and ABI surface ------------------------------------------------------------------
strict=(-Wall -Wextra -Werror -pedantic)
header_alone() { # LANG STD HEADER [extra flags]
    local lang="$1" std="$2" header="$3"
    shift 3
    echo "#include \"$header\"" | "$([ "$lang" = c ] && echo gcc || echo g++)" -x "$lang" \
        -std="$std" "${strict[@]}" "$@" -I"$prefix/include" -fsyntax-only -
}
step header-c99 header_alone c c99 jwtmint.h -Wstrict-prototypes -Wmissing-prototypes
step header-c11 header_alone c c11 jwtmint.h -Wstrict-prototypes
step header-cxx17 header_alone c++ c++17 jwtmint.h
step header-hpp-cxx17 header_alone c++ c++17 jwtmint.hpp -Wconversion -Wshadow

exports_match_header() {
    local declared exported
    declared="$(grep -oE '\bjwtmint_[a-z_0-9]+\(' "$prefix/include/jwtmint.h" | tr -d '(' | sort -u)"
    # Without the version suffixes (@@JWTMINT_0.1) and the version nodes' own symbols (type A).
    exported="$(nm -D --defined-only --without-symbol-versions "$libdir/libjwtmint.so" |
        awk '$2 != "A" {print $3}' | sort -u)"
    echo "declared: $(echo "$declared" | wc -l), exported: $(echo "$exported" | wc -l)"
    diff <(echo "$declared") <(echo "$exported")
}
step exports-match-header exports_match_header

if [ "$(cbindgen --version 2>/dev/null)" = "cbindgen $(sed -n 's/^CBINDGEN_VERSION=//p' "$root/ffi/gen-header.sh")" ]; then
    step header-is-fresh "$root/ffi/gen-header.sh" --check
else
    skip header-is-fresh "pinned cbindgen not installed (see ffi/gen-header.sh)"
fi
step fixtures-are-fresh python3 "$here/gen_fixtures.py" --check

# ---- test programs ---------------------------------------------------------------------------
step transcribe-vectors python3 "$here/transcribe_vectors.py" "$work/vectors.h"

cflags=(-std=c99 "${strict[@]}" -Wstrict-prototypes -O1 -g -I"$prefix/include" -I"$here" -I"$work")
cxxflags=(-std=c++17 "${strict[@]}" -O1 -g -I"$prefix/include" -I"$here")
sanitize=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)

build_c() { # OUTPUT SOURCE [flags and libs]
    local out="$1" src="$2"
    shift 2
    gcc "${cflags[@]}" -pthread -o "$work/bin/$out" "$here/$src" "$@"
}
build_cxx() {
    local out="$1" src="$2"
    shift 2
    g++ "${cxxflags[@]}" -pthread -o "$work/bin/$out" "$here/$src" "$@"
}

programs=(test_api test_verify test_videosdk test_meetingsdk test_zoom test_vectors test_threads)
for p in "${programs[@]}"; do
    step "build-$p" build_c "$p" "$p.c" "${shared_libs[@]}"
    step "build-$p-static" build_c "$p-static" "$p.c" "${static_libs[@]}"
    step "build-$p-asan" build_c "$p-asan" "$p.c" "${sanitize[@]}" "${shared_libs[@]}"
done
step build-test_cpp build_cxx test_cpp test_cpp.cpp "${shared_libs[@]}"
step build-test_cpp-static build_cxx test_cpp-static test_cpp.cpp "${static_libs[@]}"
step build-test_cpp-asan build_cxx test_cpp-asan test_cpp.cpp "${sanitize[@]}" "${shared_libs[@]}"
step build-test_api-static-asan build_c test_api-static-asan test_api.c "${sanitize[@]}" "${static_libs[@]}"

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run() { "$work/bin/$@"; }
for p in "${programs[@]}" test_cpp; do
    step "run-$p" run "$p"
    step "run-$p-static" run "$p-static"
    step "run-$p-asan" run "$p-asan"
done
step run-test_api-static-asan run test_api-static-asan

valgrind_run() {
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,possible \
        --track-origins=yes "$work/bin/$@"
}
for p in test_api test_verify test_videosdk test_meetingsdk test_zoom test_vectors; do
    step "valgrind-$p" valgrind_run "$p"
done
step valgrind-test_threads valgrind_run test_threads 300
step valgrind-test_cpp valgrind_run test_cpp
step valgrind-test_api-static valgrind_run test_api-static

# The checkers must be able to fail: a program that leaks a key is rejected by both.
leak_is_caught() { # CHECKER [flags]
    local checker="$1"
    shift
    build_c leak_canary-"$checker" leak_canary.c "$@" "${shared_libs[@]}" || return 1
    if [ "$checker" = asan ]; then
        ! "$work/bin/leak_canary-asan"
    else
        ! valgrind -q --error-exitcode=99 --leak-check=full "$work/bin/leak_canary-valgrind"
    fi
}
step canary-asan-catches-a-leak leak_is_caught asan "${sanitize[@]}"
step canary-valgrind-catches-a-leak leak_is_caught valgrind

# ---- examples, built as users build them -----------------------------------------------------
# Checks an example's curl line: the token's MAC with Python's hmac, and its claims.
check_example_output() { # OUTPUT_FILE API_KEY SECRET
    python3 - "$@" << 'EOF'
import base64, hashlib, hmac, json, re, sys
out, api_key, secret = sys.argv[1], sys.argv[2], sys.argv[3].encode()
text = open(out).read()
m = re.fullmatch(r'curl https://api\.zoom\.us/v2/videosdk/sessions '
                 r'-H "Content-Type: application/x-www-form-urlencoded" '
                 r'-H "Authorization: Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)"\n',
                 text)
assert m, "no curl line: %r" % text
head, body, sig = m.groups()
unb64 = lambda s: base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
mac = hmac.new(secret, (head + "." + body).encode(), hashlib.sha256).digest()
assert hmac.compare_digest(unb64(sig), mac), "bad MAC"
assert unb64(head) == b'{"alg":"HS256","typ":"JWT"}', unb64(head)
claims = json.loads(unb64(body))
assert list(claims) == ["iss", "iat", "exp"], claims
assert claims["iss"] == api_key and claims["exp"] - claims["iat"] == 3600, claims
print("token checked with Python's hmac:", claims)
EOF
}
example_c() { # TARGET
    local dir="$work/example-c"
    rm -rf "$dir" && cp -r "$root/examples/c" "$dir" &&
        make -C "$dir" "$1" CFLAGS="-std=c99 -O2 ${strict[*]}" &&
        local bin="$dir/mint_and_verify$([ "$1" = static ] && echo _static)" &&
        "$bin" > "$dir/demo.out" &&
        check_example_output "$dir/demo.out" demo-api-key demo-api-secret-not-a-real-zoom-secret &&
        ZOOM_API_KEY=my-api-key ZOOM_API_SECRET=my-zoom-api-secret-of-36-characters! \
            "$bin" > "$dir/env.out" &&
        check_example_output "$dir/env.out" my-api-key my-zoom-api-secret-of-36-characters! &&
        ! ZOOM_API_KEY=k ZOOM_API_SECRET=short "$bin"
}
step example-c-pkgconfig-shared example_c all
step example-c-pkgconfig-static example_c static

# The webhook example: its demo answer, and requests signed here with Python's hmac.
example_webhook() { # TARGET
    local dir="$work/example-webhook"
    rm -rf "$dir" && cp -r "$root/examples/c" "$dir" &&
        make -C "$dir" "$1" CFLAGS="-std=c99 -O2 ${strict[*]}" &&
        python3 - "$dir/$1" << 'EOF'
import hashlib, hmac, json, subprocess, sys, time
bin = sys.argv[1]

def run(args, body=b"", env=None):
    p = subprocess.run([bin] + args, input=body, capture_output=True, env=env)
    return p.returncode, p.stdout.decode()

# The demo: a challenge signed with the demo secret token, answered.
code, out = run([])
secret = b"demo-webhook-secret-token"
want = {"plainToken": "qgg8vlvZRS6UYooatFL8Aw",
        "encryptedToken": hmac.new(secret, b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()}
assert code == 0 and out.startswith("200 "), (code, out)
assert json.loads(out[4:]) == want and list(json.loads(out[4:])) == list(want), out

# Requests signed here, with the secret token from the environment.
secret = b"my-webhook-secret-token"
env = {"ZOOM_WEBHOOK_SECRET_TOKEN": secret.decode()}
def sign(ts, body):
    return "v0=" + hmac.new(secret, b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
ts = str(int(time.time()))
event = b'{"event":"meeting.started","payload":{"object":{"id":"1"}}}'
challenge = b'{"payload":{"plainToken":"abc"},"event":"endpoint.url_validation"}'
assert run([ts, sign(ts, event)], event, env) == (0, "200 verified\n")
code, out = run([ts, sign(ts, challenge)], challenge, env)
assert code == 0 and json.loads(out[4:])["encryptedToken"] == \
    hmac.new(secret, b"abc", hashlib.sha256).hexdigest(), out
code, out = run([ts, sign(ts, event)], event + b" ", env)
assert code == 1 and out.startswith("401 webhook_signature_mismatch:"), out
old = str(int(time.time()) - 3600)
code, out = run([old, sign(old, event)], event, env)
assert code == 1 and out.startswith("401 webhook_timestamp_out_of_tolerance:"), out
code, out = run([ts, sign(ts, event).upper()], event, env)
assert code == 1 and out.startswith("401 webhook_signature_prefix:"), out
print("zoom_webhook checked with Python's hmac")
EOF
}
step example-c-webhook-shared example_webhook zoom_webhook
step example-c-webhook-static example_webhook zoom_webhook_static

example_cpp_cmake() {
    local build="$work/example-cpp"
    cmake -S "$root/examples/cpp" -B "$build" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_CXX_FLAGS="${strict[*]}" &&
        cmake --build "$build" &&
        for bin in mint_and_verify mint_and_verify_static; do
            "$build/$bin" > "$build/$bin.out" &&
                check_example_output "$build/$bin.out" demo-api-key \
                    demo-api-secret-not-a-real-zoom-secret || return 1
        done
}
step example-cpp-cmake example_cpp_cmake

echo
if [ ${#failures[@]} -gt 0 ]; then
    echo "failed: ${failures[*]} (logs in $logs)"
fi
if [ "$skipped" -gt 0 ]; then
    echo "c-abi: $passed passed, $failed failed, $skipped skipped"
else
    echo "c-abi: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
