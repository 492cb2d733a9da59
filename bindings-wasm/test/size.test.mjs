// The size of the package's `.wasm`, gzipped with zlib at its highest level (as a server would
// send it), printed on every run.
//
// Issue #6 budgets 250 KB. The module is about 400 KB today (bindings-wasm/README.md, "Size",
// says where the bytes go), so that budget is a `todo` test: it runs, says by how much the
// module is over, and does not fail the suite until the module is split or slimmed. What does
// fail the suite is growing past the ceiling below, so the size cannot drift up unnoticed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUDGET = 250 * 1024; // issue #6
const CEILING = 420 * 1024; // today's size and a little room: lower it as the module shrinks
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function measure(target) {
  const wasm = readFileSync(path.resolve(here, `../pkg/${target}/secretariat_wasm_bg.wasm`));
  return { raw: wasm.length, gzipped: gzipSync(wasm, { level: 9 }).length };
}

for (const target of ['web', 'node']) {
  test(`the gzipped ${target} module does not grow past ${kb(CEILING)}`, (t) => {
    const { raw, gzipped } = measure(target);
    t.diagnostic(`pkg/${target}: ${kb(raw)} raw, ${kb(gzipped)} gzipped`);
    console.log(`wasm size (pkg/${target}): ${raw} bytes, ${gzipped} gzipped`);
    assert.ok(gzipped <= CEILING, `${kb(gzipped)} gzipped is over the ceiling of ${kb(CEILING)}`);
  });

  test(
    `the gzipped ${target} module is within issue #6's 250 KB`,
    { todo: 'about 400 KB today: see bindings-wasm/README.md, "Size"' },
    (t) => {
      const { gzipped } = measure(target);
      t.diagnostic(`${kb(gzipped)} gzipped, ${kb(gzipped - BUDGET)} over the budget`);
      assert.ok(gzipped <= BUDGET, `${kb(gzipped)} gzipped is over the budget of ${kb(BUDGET)}`);
    },
  );
}
