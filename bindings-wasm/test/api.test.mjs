// The JS API beyond the vectors: errors (real Errors with a code, a path and issues, thrown only
// for what a call cannot take), money as decimal strings both ways, messages in Simplified
// Chinese, camelCase keys (data keys kept), form checks that never throw for what a form or a
// context holds, and the parse cache (a context given again is read once, and any change is
// seen).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as sec from 'secretariat';

const context = sec.sampleTerm();
const today = '2002-10-14';
const leave = {
  member: '2002012',
  event: 'regular-meeting-2002-10-16',
  reason: 'Mid-term exam',
  substitute: '2002013',
  approver: '2000002',
  requestedAt: '2002-10-14T09:00',
};

/** Runs `call`, which must throw a SecretariatError, and gives it. */
function thrown(call) {
  try {
    call();
  } catch (e) {
    assert.ok(sec.isSecretariatError(e), `not a SecretariatError: ${e}`);
    return e;
  }
  assert.fail('expected a SecretariatError');
}

test('errors are real Errors with a code, an area, a path and issues', () => {
  const e = thrown(() => sec.loadRulebook({ attendance: { latenessLimit: 0 } }));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'SecretariatError');
  assert.equal(e.code, 'rulebook.out_of_range');
  assert.equal(e.area, 'rulebook');
  assert.deepEqual(e.path, ['attendance', 'latenessLimit']);
  assert.equal(e.issues.length, 1);
  assert.deepEqual(e.issues[0].params, { max: '100', min: '1', value: '0' });
  // The path travels beside the message, never inside it.
  assert.equal(e.message, '0 is out of range 1..=100');
  assert.ok(e.stack.includes('SecretariatError'));
  assert.equal(sec.isSecretariatError(new Error('x')), false);
  assert.equal(sec.isSecretariatError(undefined), false);
});

test('error codes and paths of the calls themselves', () => {
  const cases = [
    [() => sec.termReport(context, {}), 'input.invalid', ['today']],
    [() => sec.termReport(context, { today: '14/10/2002' }), 'input.invalid', ['today']],
    [() => sec.termReport(context, { today, locale: 'fr' }), 'input.invalid', ['locale']],
    [() => sec.termReport(context, 'today'), 'input.invalid', []],
    [() => sec.planMilestones('sports_day', '2002-10-26'), 'schedule.unknown_template', ['templateId']],
    [() => sec.planMilestones('welcome_party', '26 Oct'), 'input.invalid', ['eventDate']],
    [() => sec.parseGrade('2x'), 'member.invalid_grade', []],
    [() => sec.parseGrade(null), 'input.invalid', []],
    [() => sec.checkTeam('challenge_cup', [], 2002.5), 'input.invalid', ['year']],
    [() => sec.addWorkingDays(context.calendar, '2002-10-08', 1.5), 'input.invalid', ['days']],
    [() => sec.memberStanding('2002999', context, { today }), 'member.unknown', ['member']],
    [() => sec.eventCountdown('sports-day', context, { today }), 'activity.unknown', ['activity']],
    [() => sec.loadRulebookToml('[attendance\n'), 'rulebook.syntax', []],
    // A value that is not data at all.
    [() => sec.termReport({ toJSON() { throw new Error('no'); } }, { today }), 'input.invalid', []],
    [() => sec.termReport(10n, { today }), 'input.invalid', []],
  ];
  for (const [call, code, path] of cases) {
    const e = thrown(call);
    assert.equal(e.code, code, `${call}: ${e.message}`);
    assert.deepEqual(e.path, path, `${call}`);
  }
});

test('keys are camelCase: a snake_case field is refused with its path; data keys stay', () => {
  const e = thrown(() => sec.markFromTimes({ start: '2002-10-16T19:00:00', end: '2002-10-16T20:00:00', sign_in: '2002-10-16T19:05:00' }));
  assert.equal(e.code, 'input.invalid');
  // The path names the field as the API spells it; the message names the key as given.
  assert.deepEqual(e.path, ['signIn']);
  assert.match(e.message, /unknown field `sign_in`: keys are camelCase \(`signIn`\)/);
  assert.equal(
    sec.markFromTimes({ start: '2002-10-16T19:00:00', end: '2002-10-16T20:00:00', signIn: '2002-10-16T19:05:00' }),
    'late',
  );
  // Budget line ids and scheme ids are data: kept as they are, both ways.
  const rulebook = sec.defaultRulebook();
  assert.ok('challenge_cup' in rulebook.budget.lines);
  assert.ok('challenge_cup' in rulebook.evaluation.schemes);
  assert.ok('warningPercent' in rulebook.budget);
  assert.ok('approveLeave' in rulebook.authority);
  const narrow = sec.loadRulebook({ budget: { lines: { challenge_cup: { max: '190.00' } } } });
  assert.equal(narrow.budget.lines.challenge_cup.max, '190.00');
  const bad = thrown(() => sec.loadRulebook({ budget: { lines: { challenge_cup: { max: '100.00' } } } }));
  assert.equal(bad.code, 'rulebook.inconsistent');
  assert.deepEqual(bad.path, ['budget', 'lines', 'challenge_cup', 'max']);
});

test('money is a decimal string in and out; a number is refused, never rounded', () => {
  const period = { start: '2002-09-01', end: '2003-07-31' };
  const reserve = {
    reserve: {
      date: '2002-09-16', activity: 'cup', title: 'Challenge Cup', line: 'challenge_cup',
      department: 'Science and Technology', projectLeader: '2001005', amount: '180', approver: '2000002',
    },
  };
  const expense = (amount) => ({
    expense: { date: '2002-10-12', activity: 'cup', category: 'training_materials', amount, approver: '2000002', receipt: 'R-17' },
  });
  const { postings, ledger, report } = sec.applyLedgerOperations({ year: '2002-2003', period }, [reserve, expense('45.50')], context.members);
  assert.equal(postings[0].amount, '180.00');
  assert.equal(postings[1].amount, '45.50');
  assert.equal(typeof report.accounts[0].remaining, 'string');
  assert.equal(report.accounts[0].remaining, '134.50');
  // The ledger goes back in as it came out, and goes on from there.
  const next = sec.applyLedgerOperations(ledger, [expense('0.10')], context.members);
  assert.equal(next.report.accounts[0].remaining, '134.40');

  const e = thrown(() => sec.applyLedgerOperations({ year: '2002-2003', period }, [reserve, expense(45.5)], context.members));
  assert.equal(e.code, 'input.invalid');
  assert.deepEqual(e.path, ['operations', 1, 'expense', 'amount']);
  // A form refuses a number as money with its own code, among its other issues.
  const plan = sec.checkActivityPlan({ title: 'Party', budget: 120.5 }, context, { today });
  assert.equal(plan.success, false);
  const issue = plan.issues.find((i) => i.code === 'form.amount_as_number');
  assert.deepEqual(issue?.path, ['budget']);
});

test('messages in Simplified Chinese, the same codes and paths', () => {
  const form = { ...leave, substitute: undefined, approver: '2002012' };
  const en = sec.checkLeaveRequest(form, context, { today });
  const zh = sec.checkLeaveRequest(form, context, { today, locale: 'zh-Hans' });
  assert.equal(en.success, false);
  assert.deepEqual(zh.issues.map((i) => [i.code, i.path]), en.issues.map((i) => [i.code, i.path]));
  assert.deepEqual(zh.issues.map((i) => i.code), ['leave.no_substitute', 'leave.self_approval']);
  assert.match(zh.issues[0].message, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en.issues[0].message, /[\u4e00-\u9fff]/);
  const e = thrown(() => sec.loadRulebook({ attendance: { latenessLimit: 0 } }, { locale: 'zh-Hans' }));
  assert.match(e.message, /超出允许范围/);
});

test('messages in Traditional Chinese (zh-Hant, zh-TW, zh-HK), the same codes and paths', () => {
  const form = { ...leave, substitute: undefined, approver: '2002012' };
  const en = sec.checkLeaveRequest(form, context, { today });
  for (const locale of ['zh-Hant', 'zh-TW', 'zh-HK']) {
    const hant = sec.checkLeaveRequest(form, context, { today, locale });
    assert.deepEqual(hant.issues.map((i) => [i.code, i.path]), en.issues.map((i) => [i.code, i.path]));
    assert.equal(hant.issues[0].message, '未安排代班人：請假須先找好代班的人');
  }
  const e = thrown(() => sec.loadRulebook({ attendance: { latenessLimit: 0 } }, { locale: 'zh-Hant' }));
  assert.match(e.message, /超出允許範圍/);
  const unknown = thrown(() => sec.checkLeaveRequest(form, context, { today, locale: 'fr' }));
  assert.equal(unknown.code, 'input.invalid');
  assert.match(unknown.message, /zh-Hant/);
});

test('a form check gives every issue, and never throws for what the form or the context holds', () => {
  const ok = sec.checkLeaveRequest(leave, context, { today });
  assert.equal(ok.success, true);
  assert.equal(ok.data.requestedAt, '2002-10-14T09:00:00');
  assert.deepEqual(ok.warnings, []);

  const empty = sec.checkLeaveRequest({}, context, { today });
  assert.equal(empty.success, false);
  assert.deepEqual(empty.issues.map((i) => i.path[0]), ['member', 'event', 'approver', 'requestedAt', 'reason', 'substitute']);

  const notAForm = sec.checkLeaveRequest('leave', context, { today });
  assert.equal(notAForm.success, false);
  assert.equal(notAForm.issues[0].code, 'input.invalid');

  const snake = sec.checkLeaveRequest({ ...leave, requested_at: leave.requestedAt }, context, { today });
  assert.equal(snake.success, false);
  assert.deepEqual(snake.issues[0].path, ['requestedAt']);

  const broken = sec.checkLeaveRequest(leave, { ...context, members: 'nobody' }, { today });
  assert.equal(broken.success, false);
  assert.equal(broken.issues[0].code, 'input.invalid');
  assert.deepEqual(broken.issues[0].path, ['context', 'members']);

  // Options are the caller's: those throw.
  assert.equal(thrown(() => sec.checkLeaveRequest(leave, context, {})).code, 'input.invalid');
});

test('risk rows and other nested fields name their row', () => {
  const form = {
    id: 'welcome-party-2002-b', title: 'Welcome party', line: 'welcome_party', department: 'Science and Technology',
    projectLeader: '2001005', purpose: 'Welcome', start: '2002-10-26', end: '2002-10-26', participants: ['all'],
    budget: '0.00', feasibility: 'ok', risks: [{ risk: 'projector fails', countermeasure: 'a second one' }, { risk: 'rain' }],
  };
  const result = sec.checkActivityPlan(form, context, { today });
  assert.equal(result.success, false);
  assert.ok(result.issues.some((i) => i.path.join('.') === 'risks.1.countermeasure'), JSON.stringify(result.issues));
});

test('a context given again is read once, and a changed one is read again', () => {
  const copy = structuredClone(context);
  const first = sec.memberStanding('2002013', copy, { today });
  assert.equal(first.status, 'expelled');
  // The same content (another object): the same answer.
  assert.deepEqual(sec.memberStanding('2002013', structuredClone(context), { today }), first);
  // A change to the same object is seen: no stale answer.
  copy.marks = copy.marks.filter((m) => m.member !== '2002013');
  assert.equal(sec.memberStanding('2002013', copy, { today }).status, 'good');
  assert.equal(sec.memberStanding('2002013', context, { today }).status, 'expelled');
});

test('a frozen context is read once and gives the same answers; it cannot change', () => {
  const frozen = sec.freeze(sec.sampleTerm());
  assert.ok(Object.isFrozen(frozen) && Object.isFrozen(frozen.members) && Object.isFrozen(frozen.members[0]));
  assert.throws(() => {
    frozen.members.push({});
  }, TypeError);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(sec.checkLeaveRequest(leave, frozen, { today }), sec.checkLeaveRequest(leave, context, { today }));
    assert.deepEqual(sec.memberStanding('2002013', frozen, { today }), sec.memberStanding('2002013', context, { today }));
  }
  // A frozen rulebook option too.
  const rulebook = sec.freeze({ attendance: { latenessLimit: 3 } });
  assert.equal(sec.memberStanding('2002013', frozen, { today, rulebook }).status, 'warning');
  assert.equal(sec.memberStanding('2002013', frozen, { today, rulebook }).status, 'warning');
  // A broken frozen context is refused each time, never kept.
  const broken = sec.freeze({ ...structuredClone(context), members: 'nobody' });
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(sec.checkLeaveRequest(leave, broken, { today }).issues[0].path, ['context', 'members']);
  }
  assert.equal(sec.freeze('text'), 'text');
});

test('the page computations', () => {
  const party = sec.eventCountdown('welcome-party-2002', context, { today });
  assert.equal(party.countdown.daysToEvent, 12);
  assert.equal(party.countdown.nextAction, 'detailed_production');
  const cup = sec.budgetRemaining(context, { today: '2002-12-02', activity: 'challenge-cup-2002' });
  assert.equal(cup.activity.remaining, '14.50');
  assert.equal(cup.cap.remaining, '320.00');
  const capOnly = sec.budgetRemaining(context, { today: '2002-12-02' });
  assert.equal(capOnly.activity, undefined);
  const board = sec.checkBoardPlan({ issueDate: '2002-10-20', submittedOn: '2002-10-16' }, context, { today });
  assert.equal(board.success, false);
  assert.equal(board.issues[0].code, 'activity.submission_late');
  assert.deepEqual(board.issues[0].path, ['issueDate']);
});
