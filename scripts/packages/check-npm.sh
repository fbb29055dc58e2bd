#!/usr/bin/env bash
# Checks the npm package as a user installs it: `npm install ./jwtmint-<version>.tgz` in a new
# project (koffi comes from the npm registry, libjwtmint from inside the package), then
# require('jwtmint') and `import ... from 'jwtmint'` without JWTMINT_LIB.
#
# usage: scripts/packages/check-npm.sh dist/jwtmint-<version>.tgz
#
# The package must carry what registries expect (license texts, README, both type
# declarations, the repository, no "private", no install script) and nothing of the checkout
# (tests, the build script). npm/check.cjs and npm/check.mjs mint the known token
# (known-token.sh) at a fixed time and compare it with node:crypto's (npm/known.cjs). Exit 77
# when node or npm is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/packages/known-token.sh
source "$here/known-token.sh"
[ $# -eq 1 ] || { echo "usage: $0 jwtmint-<version>.tgz" >&2; exit 2; }
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
need node npm tar

version="$(basename "$archive" .tgz)"
version="${version#jwtmint-}"
[ -n "$version" ] || die "cannot read a version from $archive"
export EXPECTED_VERSION="$version"
unset JWTMINT_LIB

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- What the package holds. ----------------------------------------------------------------
files="$(tar -tzf "$archive" | sort)"
for f in package.json README.md LICENSE-MIT LICENSE-APACHE index.js index.mjs index.d.ts index.d.mts \
    lib/native.js lib/locate.js prebuilds/linux-x64/libjwtmint.so; do
    grep -qx "package/$f" <<< "$files" || die "the package has no $f"
done
! grep -E '^package/(test/|node_modules/|build-lib\.js|bench\.js|package-lock\.json)' <<< "$files" ||
    die "the package holds files of the checkout (above)"
tar -xzf "$archive" -C "$work" package/package.json
node -e '
const p = require(process.argv[1]);
const fail = (m) => { console.error(`FAILED: package.json: ${m}`); process.exit(1); };
if (p.private) fail("\"private\" is set: npm would refuse to publish it");
if (p.version !== process.argv[2]) fail(`version ${p.version}, not ${process.argv[2]}`);
if (!p.license) fail("no license");
if (!p.repository || !p.repository.url) fail("no repository");
if (!p.dependencies || !p.dependencies.koffi) fail("koffi is not a dependency");
for (const s of ["preinstall", "install", "postinstall", "prepare"]) if (p.scripts && p.scripts[s]) fail(`a "${s}" script`);
if (p.types !== "index.d.ts" || p.exports["."].import.types !== "./index.d.mts") fail("the type declarations");
' "$work/package/package.json" "$version"
echo "package: $(wc -l <<< "$files") files, license texts, README, types, prebuilds/linux-x64/libjwtmint.so"

# --- Installed in a new project. ------------------------------------------------------------
project="$work/project"
mkdir -p "$project"
cp "$here/npm/known.cjs" "$here/npm/check.cjs" "$here/npm/check.mjs" "$project/"
cd "$project"
npm init -y > /dev/null
npm install --no-audit --no-fund --loglevel=error "$archive"
node check.cjs
node check.mjs
echo "npm: ok"
