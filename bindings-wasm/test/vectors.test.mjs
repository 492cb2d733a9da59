// The shared conformance vectors (tests/vectors/*.json) through the JS API: the same results
// (matched as a subset, as the Rust runner tests/src/lib.rs does) and the same error codes
// and paths. The format: `{ area, cases: [{ name, operation, rulebook?, today?, input,
// expected | error }] }`.
//
// Each operation is written with the public API, as a JS caller would: the vector's
// snake_case input converted to camelCase (./camel.mjs: struct fields renamed, data keys such
// as member ids and scheme ids kept), the case's `rulebook` passed as `options.rulebook`. An
// error's path is compared as segments (`operations[1].expense.amount` is
// `["operations", 1, "expense", "amount"]`). Where the Rust runner reads part of an input
// separately and puts its errors under that part's name (`year`, `term`), the operation below
// does the same, as the Python binding's test does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as sec from 'secretariat';

import { assertMatches, camelPath, toCamel } from './camel.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorDir = path.resolve(here, '../../tests/vectors');

const sample = sec.sampleTerm();
const members = (i) => i.members ?? sample.members;

/** Runs `call`, putting the path of a thrown error under `prefix`. */
function within(prefix, call) {
  try {
    return call();
  } catch (e) {
    if (sec.isSecretariatError(e)) e.path = [prefix, ...e.path];
    throw e;
  }
}

const plan = (i, o) => sec.planMilestones(i.template, i.eventDate, { ...o, calendar: i.calendar });

// Each operation of the vectors with the JS API: (input in camelCase, options) -> result.
const OPERATIONS = {
  'rulebook.load': (_i, o) => sec.loadRulebook(o.rulebook ?? {}),
  'rulebook.load_toml': (i) => sec.loadRulebookToml(i),
  'grade.parse': (i) => sec.parseGrade(i),
  'mark.from_times': (i, o) => sec.markFromTimes(i, o),
  term_report: (i, o) => sec.termReport(i, o),
  'leave.check': (i, o) => ({ issues: sec.checkLeave(i.request, i.term, o) }),
  'schedule.plan': (i, o) => plan(i, o),
  'schedule.replan': (i, o) =>
    sec.replan(plan(i, o), i.newEventDate ?? i.eventDate, { ...o, calendar: i.calendar }),
  'schedule.countdown': (i, o) => sec.countdown(plan(i, o), i.done ?? [], o),
  'schedule.lead_time': (i, o) =>
    sec.checkLeadTime(i.rule, i.anchor, i.actual, { ...o, calendar: i.calendar }),
  'schedule.meetings': (i, o) => sec.regularMeetings(i, o),
  'calendar.add_working_days': (i, o) => sec.addWorkingDays(i.calendar, i.date, i.days, o),
  'evaluation.evaluate': ({ standings, term, ...input }, o) => {
    if (standings === undefined && term !== undefined) {
      standings = within('term', () => sec.standings(term, o));
    }
    return sec.evaluate(input, { ...o, standings });
  },
  'recruitment.allocate': (i, o) => sec.allocate(i, o),
  'recruitment.check_team': (i, o) => sec.checkTeam(i.rules, i.team, i.year, o),
  'budget.ledger': (i, o) =>
    sec.applyLedgerOperations({ year: i.year ?? '', period: i.period }, i.operations, members(i), o),
  'activity.validate': (i, o) => {
    const options = { ...o, calendar: i.calendar };
    const ledger = i.year
      ? within('year', () => sec.replayActivityYear(i.year, members(i), options)).ledger
      : undefined;
    return sec.validatePlan(i.plan, members(i), { ...options, ledger });
  },
  'activity.replay': (i, o) =>
    within('year', () =>
      sec.replayActivityYear(i.year ?? sample.budgetYear, members(i), { ...o, calendar: i.calendar }),
    ),
  'form.leave_request': (i, o) => sec.checkLeaveRequest(i.form, i.context ?? sample, o),
  'form.activity_plan': (i, o) => sec.checkActivityPlan(i.form, i.context ?? sample, o),
  'form.expense': (i, o) => sec.checkExpense(i.form, i.context ?? sample, o),
  'form.recruitment_application': (i, o) =>
    sec.checkRecruitmentApplication(i.form, i.context ?? sample, o),
  'form.board_plan': (i, o) => sec.checkBoardPlan(i.form, i.context ?? sample, o),
  'form.member_standing': (i, o) => sec.memberStanding(i.member, i.context ?? sample, o),
  'form.event_countdown': (i, o) => sec.eventCountdown(i.activity, i.context ?? sample, o),
  'form.budget_remaining': (i, o) =>
    sec.budgetRemaining(i.context ?? sample, { ...o, activity: i.activity }),
};

// Operations of the vectors the JS API does not bind (none: every one is bound).
const UNBOUND = [];

// Inputs that are text, not records: passed as they are.
const TEXT_INPUT = new Set(['rulebook.load_toml', 'grade.parse']);

const cases = readdirSync(vectorDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((file) => {
    const { area, cases } = JSON.parse(readFileSync(path.join(vectorDir, file), 'utf8'));
    return cases.map((c) => ({ file, area, ...c }));
  });

function run(c) {
  const operation = OPERATIONS[c.operation];
  const input = TEXT_INPUT.has(c.operation) ? c.input : toCamel(c.input ?? null);
  const options = {};
  if (c.today) options.today = c.today;
  if (c.rulebook) options.rulebook = toCamel(c.rulebook);
  if (input && typeof input === 'object' && input.locale) options.locale = input.locale;
  return operation(input, options);
}

for (const c of cases) {
  const bound = c.operation in OPERATIONS;
  test(`${c.file}: ${c.name}`, { skip: bound ? false : `${c.operation} is not bound` }, () => {
    if (c.error) {
      let thrown;
      try {
        run(c);
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
      assertMatches(c.expected, run(c));
    }
  });
}

test('every vector file is read and every operation is bound', () => {
  const files = readdirSync(vectorDir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 9, `only ${files.length} vector files`);
  const unbound = [...new Set(cases.map((c) => c.operation).filter((op) => !(op in OPERATIONS)))];
  assert.deepEqual(unbound, UNBOUND);
  assert.ok(cases.length >= 229, `only ${cases.length} cases`);
});
