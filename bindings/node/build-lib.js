'use strict';
// `npm run build-lib` in bindings/node of a checkout: builds libjwtmint with ffi/build-lib.sh,
// the repository's one command for the C library, at the repository root (a quick no-op when
// the library is up to date). CARGO_TARGET_DIR is honoured by the script and by the loader
// alike. The npm package does not ship this file and has no install script: it carries the
// library itself (prebuilds/, see lib/locate.js and scripts/dist).

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const locate = require('./lib/locate');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function main() {
  if (!locate.inCheckout()) fail('jwtmint: build-lib.js builds the library inside a jwtmint checkout only.');
  const script = path.join(locate.REPO_ROOT, 'ffi', 'build-lib.sh');
  const cargo = process.env.CARGO || 'cargo';
  const probe = spawnSync(cargo, ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) fail('jwtmint: cargo is not available to build libjwtmint.');
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
