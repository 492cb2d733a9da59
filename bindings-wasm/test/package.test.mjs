// What `npm pack` would publish holds everything the package's `exports` name and everything
// those files import: the entries (index.js, index.d.ts), the Standard Schemas and the JSON
// Schemas (schema.js, schema_data.js) beside them, the wasm-bindgen glue and the .wasm, for
// both modules and every condition (node, browser, types).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every file path a value of `exports` names (conditions nested at any depth). */
function targets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap(targets);
}

/** The relative modules a JS or declaration file imports, requires or re-exports, and the
 * `.wasm` a glue file loads. */
function imports(file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const names = [
    ...text.matchAll(/(?:from\s+|require\(|import\()\s*['"](\.[^'"]+)['"]/g),
    // (`new URL('x_bg.wasm', import.meta.url)` on the web, `${__dirname}/x_bg.wasm` in node)
    ...text.matchAll(/['"/]([\w.]+_bg\.wasm)['"`]/g),
  ].map((m) => m[1]);
  return names.map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)));
}

test('the packed files hold every export target and everything they import', () => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
  )[0].files.map((f) => f.path);
  const files = new Set(packed);
  const wanted = [
    ...new Set(['main', 'module', 'types'].map((k) => manifest[k]).concat(targets(manifest.exports))),
  ].map((p) => path.posix.normalize(p));
  for (const entry of wanted) assert.ok(files.has(entry), `${entry} (named by package.json) is not packed`);

  // Follow the imports from the entries to the glue and the .wasm.
  const seen = new Set();
  const queue = wanted.filter((p) => /\.(js|d\.ts)$/.test(p));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    assert.ok(files.has(file), `${file} is imported but not packed`);
    if (file.endsWith('.wasm')) continue;
    for (const dep of imports(file)) {
      // A declaration file's import of './x.js' is the types of x: x.d.ts is what is read.
      queue.push(file.endsWith('.d.ts') ? dep.replace(/\.js$/, '.d.ts') : dep);
    }
  }
  for (const dir of ['pkg/web', 'pkg/node', 'pkg/forms/web', 'pkg/forms/node']) {
    for (const name of ['standard_schema.js', 'standard_schema.d.ts', 'schema.js', 'schema.d.ts', 'schema_data.js', 'schema_data.d.ts', 'secretariat_wasm_bg.wasm']) {
      assert.ok(seen.has(`${dir}/${name}`), `${dir}/${name} is not reached from the entries`);
    }
  }
});
