// No input traps the WebAssembly module. Every exported function of both modules is called
// with hostile arguments (wrong types, undefined and null, huge and deep values, lone
// surrogates, BigInts, symbols) in every position, with mutations of real calls (every
// conformance vector's calls, recorded, then each leaf of each argument replaced), and with
// the Rust fuzz corpus (fuzz/corpus: forms, rulebooks, terms). A call may succeed or throw a
// SecretariatError with a code and a path; anything else fails: a `RuntimeError` (a trap, after
// which the module is unusable) or a bare TypeError from the glue. Afterwards the cached
// context and rulebook still give the same results as before, so no write went astray.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as full from 'secretariat';
import * as forms from 'secretariat/forms';

import { toCamel } from './camel.mjs';
import { loadCases, operations, run, FORMS_OPERATIONS } from './operations.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.resolve(here, '../../fuzz/corpus');
/** A school's discipline table (points), for `compare`'s real call. */
const pointsPolicy = path.resolve(here, '../../core/data/policies/points.toml');

/** A value nested `depth` deep, as arrays or objects. */
function nested(depth, asObject) {
  let v = 0;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** Values that are not what any argument wants, or are at its edge. */
const HOSTILE = [
  undefined,
  null,
  0,
  -1,
  5,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 1,
  true,
  '',
  'x',
  '\uD800',
  'a\u0000b',
  '9'.repeat(400),
  '2002-02-30',
  '-262145-01-01',
  'x'.repeat(100_000),
  10n ** 40n,
  Symbol('s'),
  () => 1,
  {},
  [],
  [null],
  { unexpectedKey: 1 },
  { toJSON() { throw new Error('toJSON throws'); } },
  nested(10_000, false),
  nested(10_000, true),
  nested(100, false),
  new Date(0),
  new Map([[1, 2]]),
  new Uint8Array(4),
];

/** Describes a value for a failure message. */
function show(v) {
  try {
    const text = typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : JSON.stringify(v);
    return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Calls `fn(...args)` on module `sec`: it returns, or throws a SecretariatError with a string
 * code and an array path. Gives the error, or undefined.
 */
function attempt(sec, name, args) {
  try {
    sec[name](...args);
    return undefined;
  } catch (e) {
    if (!sec.isSecretariatError(e) || typeof e.code !== 'string' || !Array.isArray(e.path)) {
      assert.fail(
        `${name}(${args.map(show).join(', ')}) threw ${e?.constructor?.name}: ${e?.message ?? e}`,
      );
    }
    return e;
  }
}

/** The functions `sec` exports. */
const exported = (sec) => Object.keys(sec).filter((k) => typeof sec[k] === 'function').sort();

/**
 * The real calls the vectors make through module `sec`: each export's name and arguments,
 * recorded by running every case's operation through a recording copy of the module.
 */
function recordedCalls(sec, only) {
  const calls = [];
  const recorder = {};
  for (const name of exported(sec)) {
    recorder[name] = (...args) => {
      calls.push({ name, args: structuredClone(args) });
      return sec[name](...args);
    };
  }
  const ops = operations(recorder);
  for (const c of loadCases()) {
    if (only && !only.includes(c.operation)) continue;
    try {
      run(ops, c);
    } catch {
      // A vector's expected error: its call is recorded all the same.
    }
  }
  return calls;
}

/** Every leaf path of a value (keys and positions), at most `limit` of them. */
function leafPaths(value, limit, prefix = [], out = []) {
  if (out.length >= limit) return out;
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      leafPaths(value[key], limit, [...prefix, key], out);
    }
    if (Object.keys(value).length === 0) out.push(prefix);
  } else {
    out.push(prefix);
  }
  return out;
}

/** A copy of `value` with the leaf at `at` replaced by `leaf`. */
function replaced(value, at, leaf) {
  if (at.length === 0) return leaf;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  copy[at[0]] = replaced(value[at[0]], at.slice(1), leaf);
  return copy;
}

/** Reference results of the cached paths (context, rulebook), to compare after the run. */
function references(sec) {
  const context = sec.sampleTerm();
  const options = { today: '2002-10-14', rulebook: { attendance: { latenessLimit: 3 } } };
  const out = {
    standing: sec.memberStanding('2002012', context, options),
    countdown: sec.eventCountdown('welcome-party-2002', context, options),
  };
  if (sec.termReport) out.report = sec.termReport(context, options);
  return out;
}

for (const [label, sec, only] of [
  ['full module', full, undefined],
  ['forms module', forms, FORMS_OPERATIONS],
]) {
  test(`${label}: no export traps on hostile arguments, mutated vector calls or the fuzz corpus`, (t) => {
    const before = references(sec);
    const calls = recordedCalls(sec, only);
    const seen = new Set(calls.map((c) => c.name));
    // Functions the vectors don't call, with a real call each.
    const context = sec.sampleTerm();
    const extra = [
      { name: 'defaultRulebook', args: [] },
      { name: 'sampleTerm', args: [] },
      { name: 'freeze', args: [{ a: 1 }] },
      { name: 'isSecretariatError', args: [new Error('x')] },
      { name: 'schema', args: ['leave_request'] },
      { name: 'schemaNames', args: [] },
      { name: 'leaveRequestSchema', args: [context, { today: '2002-10-14' }] },
      { name: 'activityPlanSchema', args: [context, { today: '2002-10-14' }] },
      { name: 'expenseSchema', args: [context, { today: '2002-10-14' }] },
      { name: 'recruitmentApplicationSchema', args: [context, { today: '2002-10-14' }] },
      { name: 'boardPlanSchema', args: [context, { today: '2002-10-14' }] },
      { name: 'standings', args: [context, { today: '2002-10-14' }] },
      ...(sec.loadRulebookToml
        ? [{ name: 'compare', args: [context, sec.loadRulebookToml(readFileSync(pointsPolicy, 'utf8')), { today: '2002-10-14' }] }]
        : []),
    ].filter((c) => typeof sec[c.name] === 'function' && !seen.has(c.name));
    calls.push(...extra);
    const missing = exported(sec).filter((name) => !calls.some((c) => c.name === name));
    assert.deepEqual(missing, [], 'every export has a real call to mutate');

    let total = 0;
    let refused = 0;
    const count = (e) => {
      total += 1;
      if (e) refused += 1;
    };
    // Each export's first call: every argument position gets every hostile value, and each
    // argument's leaves (up to 30 per argument) get three of them.
    const perExport = new Map();
    for (const call of calls) {
      const list = perExport.get(call.name) ?? [];
      if (list.length < 1) list.push(call);
      perExport.set(call.name, list);
    }
    for (const [name, list] of perExport) {
      for (const { args } of list) {
        const width = Math.max(args.length, sec[name].length, 1);
        for (let i = 0; i <= width; i++) {
          for (const h of HOSTILE) {
            const mutated = [...args];
            mutated[i] = h;
            count(attempt(sec, name, mutated));
          }
        }
        args.forEach((arg, i) => {
          leafPaths(arg, 30).forEach((at, k) => {
            for (let j = 0; j < 3; j++) {
              const h = HOSTILE[(k * 7 + j * 11) % HOSTILE.length];
              const mutated = [...args];
              mutated[i] = replaced(arg, at, h);
              count(attempt(sec, name, mutated));
            }
          });
        });
      }
    }

    // The fuzz corpus: form inputs (first byte picks the check), rulebooks, terms.
    const read = (target) =>
      readdirSync(path.join(corpusDir, target))
        .sort()
        .map((f) => readFileSync(path.join(corpusDir, target, f)));
    const json = (text) => {
      try {
        return toCamel(JSON.parse(text));
      } catch {
        return text;
      }
    };
    const options = { today: '2002-10-14' };
    const checks = ['checkLeaveRequest', 'checkActivityPlan', 'checkExpense', 'checkRecruitmentApplication', 'checkBoardPlan'];
    for (const bytes of read('check_forms').filter((_, i) => i % 2 === 0)) {
      if (bytes.length === 0) continue;
      const text = bytes.subarray(1).toString('utf8');
      const which = bytes[0] % 8;
      if (which < 5) count(attempt(sec, checks[which], [json(text), context, options]));
      else if (which === 5) count(attempt(sec, 'memberStanding', [text, context, options]));
      else if (which === 6) count(attempt(sec, 'eventCountdown', [text, context, options]));
      else count(attempt(sec, 'budgetRemaining', [context, { ...options, activity: text }]));
    }
    for (const bytes of read('read_rulebook').filter((_, i) => i % 2 === 0)) {
      const text = bytes.toString('utf8');
      if (sec.loadRulebookToml) count(attempt(sec, 'loadRulebookToml', [text]));
      count(attempt(sec, 'loadRulebook', [json(text)]));
    }
    if (sec.termReport) {
      for (const bytes of read('read_term').filter((_, i) => i % 8 === 0)) {
        count(attempt(sec, 'termReport', [json(bytes.toString('utf8')), options]));
      }
    }

    t.diagnostic(`${total} calls, ${refused} refused with a SecretariatError, none trapped`);
    assert.ok(total > 3_000, `only ${total} calls`);
    assert.ok(refused > 1_000 && refused < total, `${refused} of ${total} refused`);
    assert.deepEqual(references(sec), before, 'the caches give what they gave before');
  });
}

test('a wrong type where a string belongs is refused with its path, in both modules', () => {
  for (const sec of [full, forms]) {
    const context = sec.sampleTerm();
    const options = { today: '2002-10-14' };
    const path = (call) => {
      try {
        call();
      } catch (e) {
        assert.ok(sec.isSecretariatError(e), `${e}`);
        assert.equal(e.code, 'input.invalid');
        return e.path;
      }
      assert.fail('expected a SecretariatError');
    };
    assert.deepEqual(path(() => sec.memberStanding(5, context, options)), ['member']);
    assert.deepEqual(path(() => sec.memberStanding(undefined, context, options)), ['member']);
    assert.deepEqual(path(() => sec.eventCountdown({}, context, options)), ['activity']);
    assert.deepEqual(path(() => sec.eventCountdown(null, context, options)), ['activity']);
    if (sec.loadRulebookToml) {
      assert.deepEqual(path(() => sec.loadRulebookToml(1e308)), ['text']);
      assert.deepEqual(path(() => sec.checkTeam({ unexpectedKey: 1 }, [], 2002)), ['rules']);
      assert.deepEqual(path(() => sec.planMilestones(7, '2002-10-20')), ['template']);
      assert.deepEqual(path(() => sec.checkLeadTime([], '2002-10-20', '2002-10-14')), ['rule']);
    }
    assert.deepEqual(path(() => sec.freeze({ a: { b: new Uint8Array(2) } })), ['a', 'b']);
  }
});
