'use strict';
// `npm install` / `npm ci` in bindings/node runs this (the package's install script): it makes
// sure libjwtmint is there for lib/native.js to load.
//
// - JWTMINT_LIB set: nothing is built; the file must exist.
// - Otherwise, in a checkout with cargo: `ffi/build-lib.sh`, the repository's one command for
//   the C library, run at the repository root (a quick no-op when the library is up to date,
//   so an old library from an earlier checkout is never loaded by mistake). CARGO_TARGET_DIR
//   is honoured by the script and by the loader alike.
// - No cargo: an existing library is used as it is; none at all is an error with the fix.
//
// `--force` (npm run build-lib) fails when cargo is missing instead of falling back.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const locate = require('./lib/locate');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function main() {
  const force = process.argv.includes('--force');
  if (process.env.JWTMINT_LIB) {
    const file = path.resolve(process.env.JWTMINT_LIB);
    if (!fs.existsSync(file)) fail(`jwtmint: JWTMINT_LIB names ${file}, which does not exist.`);
    return;
  }
  const script = path.join(locate.REPO_ROOT, 'ffi', 'build-lib.sh');
  if (!fs.existsSync(script)) {
    // Not inside the jwtmint repository (a copied package): the loader's search decides.
    if (!locate.findLibrary()) process.stderr.write(`${locate.notFoundMessage()}\n`);
    return;
  }
  const cargo = process.env.CARGO || 'cargo';
  const probe = spawnSync(cargo, ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    if (!force && locate.findLibrary()) return;
    fail(`jwtmint: cargo is not available to build libjwtmint.\n${locate.notFoundMessage()}`);
  }
  // The script runs `cargo`: a CARGO given as a path comes first on its PATH.
  const env = { ...process.env };
  if (path.isAbsolute(cargo)) env.PATH = `${path.dirname(cargo)}${path.delimiter}${env.PATH || ''}`;
  process.stderr.write(`jwtmint: bash ${script} (in ${locate.REPO_ROOT})\n`);
  // The script prints the files it placed: to stderr with the build's own output.
  const build = spawnSync('bash', [script], { cwd: locate.REPO_ROOT, env, stdio: ['ignore', 2, 'inherit'] });
  if (build.error || build.status !== 0) fail('jwtmint: building libjwtmint failed (see above).');
  if (!locate.findLibrary()) fail(locate.notFoundMessage());
}

main();
