// `schema(name)` and `schemaNames()` (js/schema.ts, the schemas generated at build time by
// scripts/camel-schema.mjs from the repository's schema/*.json), in both modules, checked
// with a real validator, ajv (draft 2020-12): every conformance vector's input, as a JS caller
// passes it (camelCase, ./camel.mjs), validates against the schemas tests/vector_schemas.json
// names for it, and so does every result the JS API gives; known-bad inputs do not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';

import * as full from 'secretariat';
import * as forms from 'secretariat/forms';

import { camelSegments, toCamel } from './camel.mjs';
import { FORMS_OPERATIONS, loadCases, operations, run } from './operations.mjs';
import { camelSchema, mapFields, readSchemas } from '../scripts/camel-schema.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const coreSchemas = readSchemas(path.join(repo, 'schema'));
const mapping = JSON.parse(readFileSync(path.join(repo, 'tests/vector_schemas.json'), 'utf8'));
const cases = loadCases();

// --- The formats the schemas use, as the core reads them ------------------------------------

/** A real calendar day `YYYY-MM-DD` (the core's `calendar::parse_iso_date`). */
function isDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (chrono's `NaiveTime`; 60 is a leap second). */
function isTime(text) {
  const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/.exec(text);
  return Boolean(m) && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) <= 60;
}

/** A validator of the formats `date`, `decimal` (the schemas' own pattern: plain decimal
 * text, the form the core writes), `partial-date-time` and `partial-time`; strict, so an
 * unknown keyword or format is an error. */
function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('decimal', { type: 'string', validate: /^-?[0-9]+(\.[0-9]+)?$/ });
  ajv.addFormat('partial-time', { type: 'string', validate: isTime });
  ajv.addFormat('partial-date-time', {
    type: 'string',
    validate: (t) => {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$/.exec(t);
      return Boolean(m) && isDate(m[1]) && isTime(m[2]);
    },
  });
  return ajv;
}

const ajv = validator();
const compiled = new Map();
/** The problems of `value` against `schema(name)` of the module `sec` (none: valid). */
function problems(sec, name, value) {
  const key = `${sec === full ? 'full' : 'forms'} ${name}`;
  if (!compiled.has(key)) compiled.set(key, ajv.compile(sec.schema(name)));
  const validate = compiled.get(key);
  if (validate(value)) return [];
  return validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The values a mapping part designates in `root` (its pointer's segments renamed by the
 * binding's rule; none when absent or null), `omit` keys taken out. */
function valuesOf(part, root) {
  const segments = part.part === '' ? [] : part.part.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let value = root;
  for (const segment of camelSegments(segments)) {
    if (value === null || typeof value !== 'object' || !(segment in value)) return [];
    value = value[segment];
  }
  if (value === null || value === undefined) return [];
  if (part.omit && typeof value === 'object') {
    value = { ...value };
    for (const key of camelSegments(part.omit)) delete value[key];
  }
  return part.each && Array.isArray(value) ? value : [value];
}

// --- schema(name) ------------------------------------------------------------------------------

test('schemaNames() lists every schema of schema/, in both modules', () => {
  assert.deepEqual(full.schemaNames(), Object.keys(coreSchemas));
  assert.deepEqual(forms.schemaNames(), Object.keys(coreSchemas));
  for (const name of ['leave_request', 'term_data', 'rulebook', 'rulebook_overlay', 'ledger_operation', 'term_report']) {
    assert.ok(full.schemaNames().includes(name), name);
  }
});

test('schema(name) is the core schema with camelCase field names and data keys as they are', () => {
  const fields = new Set(mapFields(coreSchemas));
  for (const name of full.schemaNames()) {
    const s = full.schema(name);
    assert.deepEqual(s, camelSchema(coreSchemas[name], fields), name);
    assert.deepEqual(forms.schema(name), s, `${name}: the forms module gives the same`);
    assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
  }
  const form = full.schema('leave_request');
  assert.ok('requestedAt' in form.properties, Object.keys(form.properties).join());
  assert.ok(!('requested_at' in form.properties));
  const expense = full.schema('expense_record');
  assert.deepEqual(expense.properties.amount.format, 'decimal');
  // A map field keeps its name's camelCase and describes data keys: the evaluation input's
  // candidate `scores` (criterion ids as keys), the rulebook's `categoryQuotas`.
  const candidate = full.schema('evaluation_input').$defs.Candidate;
  assert.equal(candidate.properties.scores.type, 'object');
  assert.ok(!('properties' in candidate.properties.scores));
  assert.ok(JSON.stringify(full.schema('rulebook')).includes('"categoryQuotas"'));
  assert.ok(!JSON.stringify(full.schema('rulebook')).includes('"category_quotas"'));
});

test('schema(name) gives a fresh copy at each call', () => {
  const a = full.schema('expense');
  a.properties = {};
  assert.ok(Object.keys(full.schema('expense').properties).length > 0);
});

test('an unknown name throws schema.unknown_name with its path, in either locale', () => {
  for (const sec of [full, forms]) {
    for (const [name, options, text] of [
      ['leave_requests', undefined, 'there is no schema named `leave_requests`'],
      ['leaveRequest', { locale: 'zh-Hans' }, '没有名为“leaveRequest”的 JSON Schema'],
      ['toString', undefined, 'toString'],
      [42, undefined, '42'],
    ]) {
      let thrown;
      try {
        sec.schema(name, options);
      } catch (e) {
        thrown = e;
      }
      assert.ok(sec.isSecretariatError(thrown), `${name}: ${thrown}`);
      assert.ok(thrown instanceof Error);
      assert.equal(thrown.code, 'schema.unknown_name');
      assert.equal(thrown.area, 'schema');
      assert.deepEqual(thrown.path, ['name']);
      assert.ok(thrown.message.includes(text), thrown.message);
      assert.equal(thrown.issues.length, 1);
      assert.equal(thrown.issues[0].code, 'schema.unknown_name');
      assert.equal(thrown.issues[0].params.name, String(name));
      assert.ok(thrown.issues[0].params.known.includes('term_data'));
    }
  }
});

// --- ajv: the vectors and the results ----------------------------------------------------------

test('every vector input, as JS passes it, validates against its schema (ajv)', () => {
  const checked = {};
  const failures = [];
  let refusedErrorCases = 0;
  for (const c of cases) {
    const op = mapping.operations[c.operation];
    assert.ok(op, `${c.operation} is not in tests/vector_schemas.json`);
    if (['rulebook.load_toml', 'grade.parse'].includes(c.operation)) assert.deepEqual(op.input, []);
    const input = toCamel(c.input ?? null);
    const designated = [
      ...mapping.case.map((p) => [p, { rulebook: c.rulebook === undefined ? undefined : toCamel(c.rulebook) }]),
      ...op.input.map((p) => [p, input]),
    ];
    const found = [];
    for (const [part, root] of designated) {
      for (const value of valuesOf(part, root)) {
        if (!c.error) checked[part.schema] = (checked[part.schema] ?? 0) + 1;
        const sec = FORMS_OPERATIONS.includes(c.operation) ? forms : full;
        found.push(...problems(sec, part.schema, value).map((p) => `${c.file} / ${c.name} / ${part.part} (${part.schema}): ${p}`));
      }
    }
    if (found.length > 0) {
      if (c.error) refusedErrorCases += 1;
      else failures.push(...found);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} parts do not validate`);
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  assert.ok(total >= 150, `only ${total} parts validated`);
  for (const name of ['term_data', 'rulebook_overlay', 'ledger_operation', 'evaluation_input', 'recruitment_round', 'leave_request', 'activity_plan', 'expense', 'school_calendar', 'member']) {
    assert.ok(checked[name] > 0, `no vector part checked against ${name}`);
  }
  // Some error cases hold an input their schema refuses (that is what they test).
  assert.ok(refusedErrorCases > 0);
});

test('every result the JS API gives validates against its schema (ajv), in both modules', () => {
  const checked = {};
  const failures = [];
  for (const [label, sec, only] of [['secretariat', full, null], ['secretariat/forms', forms, FORMS_OPERATIONS]]) {
    const ops = operations(sec);
    for (const c of cases) {
      if (c.error || (only && !only.includes(c.operation))) continue;
      const result = run(ops, c);
      for (const part of mapping.operations[c.operation].result) {
        const values = valuesOf(part, result);
        assert.ok(values.length > 0 || part.part !== '', `${c.name}: no result`);
        for (const value of values) {
          checked[part.schema] = (checked[part.schema] ?? 0) + 1;
          failures.push(...problems(sec, part.schema, value).map((p) => `${label} ${c.file} / ${c.name} / ${part.part} (${part.schema}): ${p}`));
        }
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} result parts do not validate`);
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  assert.ok(total >= 150, `only ${total} result parts validated`);
  for (const name of ['rulebook', 'term_report', 'ranking', 'allocation', 'budget_report', 'leave_request_result', 'standing_result', 'countdown', 'posting']) {
    assert.ok(checked[name] > 0, `no result checked against ${name}`);
  }
});

test('the sample term and the default rulebook validate (ajv)', () => {
  for (const sec of [full, forms]) {
    assert.deepEqual(problems(sec, 'term_data', sec.sampleTerm()), []);
    assert.deepEqual(problems(sec, 'rulebook', sec.defaultRulebook()), []);
    assert.deepEqual(problems(sec, 'rulebook_overlay', { attendance: { latenessLimit: 3 } }), []);
  }
});

test('known-bad inputs do not validate, and the API refuses them too (ajv)', () => {
  const expense = {
    date: '2002-10-20', activity: 'welcome-party', category: 'food',
    amount: '45.50', approver: '2000002', receipt: 'R-1',
  };
  assert.deepEqual(problems(full, 'expense_record', expense), []);
  // Money as a number.
  assert.ok(problems(full, 'expense_record', { ...expense, amount: 45.5 }).some((p) => p.startsWith('/amount')));
  // A required field missing.
  const { approver, ...noApprover } = expense;
  assert.ok(problems(full, 'expense_record', noApprover).some((p) => p.includes('approver')));
  // A snake_case key where the camelCase one belongs (the API refuses it: input.invalid).
  const term = full.sampleTerm();
  assert.deepEqual(problems(full, 'term_data', term), []);
  const member = term.members[0];
  assert.ok(problems(full, 'member', { ...member, joined_on: '2002-09-01' }).length > 0);
  // A ledger operation with money as a number; a date that is no day.
  const operation = { expense: expense };
  assert.deepEqual(problems(full, 'ledger_operation', operation), []);
  assert.ok(problems(full, 'ledger_operation', { expense: { ...expense, amount: 12 } }).length > 0);
  assert.ok(problems(full, 'expense_record', { ...expense, date: '2002-02-30' }).length > 0);
  assert.throws(
    () => full.applyLedgerOperations({ year: '2002', period: { start: '2002-09-01', end: '2003-07-15' } }, [{ expense: { ...expense, amount: 12 } }], term.members, { today: '2002-10-20' }),
    (e) => full.isSecretariatError(e) && e.code.length > 0,
  );
  // A form's field as a number where text belongs.
  assert.deepEqual(problems(forms, 'leave_request', { member: '2002012', requestedAt: '2002-10-14T09:00' }), []);
  assert.ok(problems(forms, 'leave_request', { member: 2002012 }).some((p) => p.startsWith('/member')));
  // An issue's path is segments in JS, not the core's text.
  const issue = { code: 'leave.no_reason', path: ['reason'], message: 'm', params: {} };
  assert.deepEqual(problems(full, 'issue', issue), []);
  assert.ok(problems(full, 'issue', { ...issue, path: 'reason' }).length > 0);
});
