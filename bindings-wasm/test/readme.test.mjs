// The README's JavaScript quick start, run as it is written: the ```js block under
// "## JavaScript quick start", saved beside this file (so `import ... from "secretariat"`
// resolves to this package) with console.assert made to throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '..', '..', 'README.md'), 'utf8');

test('the README quick start runs and its assertions hold', async () => {
  const section = readme.split('## JavaScript quick start')[1];
  assert.ok(section, 'the README has a JavaScript quick start');
  const block = section.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, 'the quick start has a js block');
  const prelude =
    'console.assert = (ok, ...m) => { if (!ok) throw new Error("README assertion failed " + m.join(" ")); };\n' +
    'console.log = () => {};\n';
  const file = join(here, `.readme-quickstart-${process.pid}.mjs`);
  writeFileSync(file, prelude + block[1]);
  const log = console.log;
  const check = console.assert;
  try {
    await import(pathToFileURL(file).href);
  } finally {
    console.log = log;
    console.assert = check;
    rmSync(file, { force: true });
  }
});
