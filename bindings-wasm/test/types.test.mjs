// The TypeScript declarations (pkg/*/secretariat_wasm.d.ts) describe what the API really takes
// and gives. Every call the conformance vectors make (./operations.mjs) is recorded with its
// arguments and result, and written out as TypeScript:
//
//   const args3: Parameters<typeof sec.termReport> = [ {...the input...}, {...} ];
//   const result3: ReturnType<typeof sec.termReport> = { ...what the call returned... };
//
// `tsc --noEmit --strict` then checks every literal against the declared types: a key the
// declarations do not have is an excess property, a missing one or a wrong type an error. The
// same run checks ./types/usage.ts, a program written against the API as a user would (with
// `@ts-expect-error` on misuses the types must refuse).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as sec from 'secretariat';

import { loadCases, operations, run } from './operations.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, 'pkg', 'types-check');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The API with every call recorded: [name, args, result]. */
function recording(calls) {
  return new Proxy(sec, {
    get(target, name) {
      const f = target[name];
      if (typeof f !== 'function' || name === 'isSecretariatError') return f;
      return (...args) => {
        const result = f(...args);
        calls.push([name, args, result]);
        return result;
      };
    },
  });
}

/** A JSON value as a TypeScript literal (`undefined` members left out, as JSON does). */
const literal = (value) => JSON.stringify(value, null, 1);

test('the declarations describe every call of the vectors, and a typed program compiles', () => {
  // A missing compiler fails the test: a check that cannot run has not passed.
  assert.ok(existsSync(tsc), `${tsc} is missing: run bindings-wasm/scripts/setup.sh (npm ci)`);
  const calls = [];
  const ops = operations(recording(calls));
  let succeeded = 0;
  for (const c of loadCases()) {
    if (c.error) continue;
    run(ops, c);
    succeeded += 1;
  }
  assert.ok(succeeded >= 150 && calls.length >= succeeded, `${calls.length} calls recorded`);

  const lines = [
    "import type * as sec from '../web/secretariat_wasm.js';",
    '',
    ...calls.flatMap(([name, args, result], n) => [
      `export const args${n}: Parameters<typeof sec.${name}> = ${literal(args)};`,
      `export const result${n}: ReturnType<typeof sec.${name}> = ${literal(result)};`,
    ]),
  ];
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'vector-calls.ts');
  writeFileSync(file, lines.join('\n') + '\n');

  const flags = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--types', 'node'];
  try {
    execFileSync(process.execPath, [tsc, ...flags.filter((f) => f !== '--types' && f !== 'node'),
      file, path.join(here, 'types', 'usage.ts')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const report = `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').slice(0, 40).join('\n');
    assert.fail(`tsc --strict found errors:\n${report}`);
  }
});
