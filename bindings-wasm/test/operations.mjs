// Each operation of the shared conformance vectors (tests/vectors/*.json) written with the
// public JS API, as a JS caller would: the vector's snake_case input converted to camelCase
// (./camel.mjs: struct fields renamed, data keys such as member ids and scheme ids kept), the
// case's `rulebook` passed as `options.rulebook`. Where the Rust runner (tests/src) reads part
// of an input separately and puts its errors under that part's name (`year`, `term`), the
// operation does the same, as the Python binding's test does. Used by vectors.test.mjs (the
// results) and types.test.mjs (the TypeScript declarations against the same calls).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { toCamel } from './camel.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const vectorDir = path.resolve(here, '../../tests/vectors');

/** Every case of every vector file, with its file and area. */
export function loadCases() {
  return readdirSync(vectorDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const { area, cases } = JSON.parse(readFileSync(path.join(vectorDir, file), 'utf8'));
      return cases.map((c) => ({ file, area, ...c }));
    });
}

/** The operations of the vectors, written with the API `sec`. */
export function operations(sec) {
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

  // Each operation: (input in camelCase, options) -> result.
  return {
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
}

/** The operations the forms module (`secretariat/forms`) binds: the form checks, what a form
 * page shows, and the rulebook. */
export const FORMS_OPERATIONS = [
  'rulebook.load',
  'schedule.meetings',
  'form.leave_request',
  'form.activity_plan',
  'form.expense',
  'form.recruitment_application',
  'form.board_plan',
  'form.member_standing',
  'form.event_countdown',
  'form.budget_remaining',
];

/** Every function the forms module exports (the Standard Schemas of the form checks and the
 * JSON Schemas too). */
export const FORMS_API = [
  'activityPlanSchema',
  'boardPlanSchema',
  'budgetRemaining',
  'checkActivityPlan',
  'checkBoardPlan',
  'checkExpense',
  'checkLeaveRequest',
  'checkRecruitmentApplication',
  'defaultRulebook',
  'eventCountdown',
  'expenseSchema',
  'freeze',
  'isSecretariatError',
  'leaveRequestSchema',
  'loadRulebook',
  'memberStanding',
  'recruitmentApplicationSchema',
  'regularMeetings',
  'sampleTerm',
  'schema',
  'schemaNames',
];

/** Inputs that are text, not records: passed as they are. */
const TEXT_INPUT = new Set(['rulebook.load_toml', 'grade.parse']);

/** Runs case `c` with the operations `ops` (from `operations`). */
export function run(ops, c) {
  const operation = ops[c.operation];
  const input = TEXT_INPUT.has(c.operation) ? c.input : toCamel(c.input ?? null);
  const options = {};
  if (c.today) options.today = c.today;
  if (c.rulebook) options.rulebook = toCamel(c.rulebook);
  if (input && typeof input === 'object' && input.locale) options.locale = input.locale;
  return operation(input, options);
}

