'use strict';
// index.d.ts and index.d.mts type-check a use of both entries (test/types/), including the
// misuses they must reject (@ts-expect-error lines fail the check when no error occurs).

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

test('the declarations type-check with tsc --strict', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(__dirname, 'types', 'tsconfig.json')], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});
