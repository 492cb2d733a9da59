// The shared conformance vectors (tests/vectors/*.json) through the JS API: the same results
// (matched as a subset, as the Rust runner tests/src/lib.rs does) and the same error codes
// and paths. The format: `{ area, cases: [{ name, operation, rulebook?, today?, input,
// expected | error }] }`; each operation is written with the API in ./operations.mjs. An
// error's path is compared as segments (`operations[1].expense.amount` is
// `["operations", 1, "expense", "amount"]`); expected keys are matched in their camelCase form
// (data keys as they are, ./camel.mjs). They run through the full API (`secretariat`) and,
// for the operations it binds, through the forms module (`secretariat/forms`).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as full from 'secretariat';
import * as forms from 'secretariat/forms';

import { assertMatches, camelPath } from './camel.mjs';
import { FORMS_API, FORMS_OPERATIONS, loadCases, operations, run } from './operations.mjs';

const cases = loadCases();

/** Every case of the operations `only` (all when null) through the module `sec`. */
function runVectors(label, sec, only) {
  const ops = operations(sec);
  for (const c of cases) {
    if (only && !only.includes(c.operation)) continue;
    test(`${label} ${c.file}: ${c.name}`, () => {
      // An operation with no binding is a failure, never a skip: a vector added in Rust must
      // be bound in JS too (./operations.mjs).
      assert.ok(c.operation in ops, `the vector operation ${c.operation} has no binding in ./operations.mjs`);
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
}

runVectors('secretariat', full, null);
// The forms module is the same code built without the rest of the API: its operations give
// the same results and errors.
runVectors('secretariat/forms', forms, FORMS_OPERATIONS);

test('every vector file is read and every operation is bound', () => {
  const ops = operations(full);
  const files = new Set(cases.map((c) => c.file));
  assert.ok(files.size >= 9, `only ${files.size} vector files`);
  const unbound = [...new Set(cases.map((c) => c.operation).filter((op) => !(op in ops)))];
  assert.deepEqual(unbound, [], 'vector operations with no binding');
  assert.ok(cases.length >= 229, `only ${cases.length} cases`);
  const formCases = cases.filter((c) => FORMS_OPERATIONS.includes(c.operation));
  assert.ok(formCases.length >= 56, `only ${formCases.length} cases for the forms module`);
  for (const op of FORMS_OPERATIONS) assert.ok(op in ops, op);
});

test('the forms module exports the form checks and nothing of the rest of the API', () => {
  // (`default` and `__esModule` are node's: the CommonJS entry's `module.exports`, and the
  // marker tsc's CommonJS output sets, as imported from ESM.)
  const names = Object.keys(forms).filter((name) => name !== 'default' && name !== '__esModule');
  assert.deepEqual(names.sort(), FORMS_API);
  for (const name of FORMS_API) assert.equal(typeof full[name], 'function', name);
});
