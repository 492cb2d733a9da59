// The size budget of issue #6: the gzipped `.wasm` of the package at 250 KB or less (measured
// with zlib at its highest level, as a server would send it). Printed either way.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUDGET = 250 * 1024;

for (const target of ['web', 'node']) {
  test(`the gzipped ${target} module is within 250 KB`, (t) => {
    const wasm = readFileSync(path.resolve(here, `../pkg/${target}/secretariat_wasm_bg.wasm`));
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    t.diagnostic(`pkg/${target}: ${kb(wasm.length)} raw, ${kb(gzipped)} gzipped (budget ${kb(BUDGET)})`);
    console.log(`wasm size (pkg/${target}): ${wasm.length} bytes, ${gzipped} gzipped`);
    assert.ok(gzipped <= BUDGET, `${kb(gzipped)} gzipped is over the budget of ${kb(BUDGET)}`);
  });
}
