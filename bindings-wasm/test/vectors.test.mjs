// The shared conformance vectors (tests/vectors/*.json) through the JS API: the same results
// (matched as a subset, as the Rust runner tests/src/lib.rs does) and the same error codes
// and paths. The format: `{ area, cases: [{ name, operation, rulebook?, today?, input,
// expected | error }] }`; each operation is written with the API in ./operations.mjs. An
// error's path is compared as segments (`operations[1].expense.amount` is
// `["operations", 1, "expense", "amount"]`); expected keys are matched in their camelCase form
// (data keys as they are, ./camel.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as sec from 'secretariat';

import { assertMatches, camelPath } from './camel.mjs';
import { UNBOUND, loadCases, operations, run } from './operations.mjs';

const ops = operations(sec);
const cases = loadCases();

for (const c of cases) {
  const bound = c.operation in ops;
  test(`${c.file}: ${c.name}`, { skip: bound ? false : `${c.operation} is not bound` }, () => {
    if (c.error) {
      let thrown;
      try {
        run(ops, c);
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown, `expected ${c.error.code}, got a result`);
      assert.ok(sec.isSecretariatError(thrown), `not a SecretariatError: ${thrown}`);
      assert.ok(thrown instanceof Error);
      assert.equal(thrown.code, c.error.code, thrown.message);
      if (c.error.path !== undefined) assert.deepEqual(thrown.path, camelPath(c.error.path));
      assert.equal(thrown.issues[0].code, thrown.code);
      assert.equal(thrown.area, c.error.code.split('.')[0]);
    } else {
      assertMatches(c.expected, run(ops, c));
    }
  });
}

test('every vector file is read and every operation is bound', () => {
  const files = new Set(cases.map((c) => c.file));
  assert.ok(files.size >= 9, `only ${files.size} vector files`);
  const unbound = [...new Set(cases.map((c) => c.operation).filter((op) => !(op in ops)))];
  assert.deepEqual(unbound, UNBOUND);
  assert.ok(cases.length >= 229, `only ${cases.length} cases`);
});
