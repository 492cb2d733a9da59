// The prepared form context (the roster, the attendance register and the budget ledger on the
// day, derived from a context once and kept beside it): kept exactly as long as the context
// and the rulebook it was prepared from are the same, so every answer is the one a context
// read afresh gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as sec from 'secretariat';

const leave = {
  member: '2002012', event: 'regular-meeting-2002-10-16', reason: 'Mid-term exam',
  substitute: '2002013', approver: '2000002', requestedAt: '2002-10-14T09:00',
};
const expense = {
  date: '2002-10-12', activity: 'challenge-cup-2002', category: 'training_materials', amount: '20.00',
  approver: '2000002', receipt: 'R-1',
};

let fresh = 0;
/** The same term, as content never seen before: read and prepared afresh. */
function afresh(term) {
  fresh += 1;
  return { ...structuredClone(term), title: `afresh ${fresh}` };
}

const codes = (result) => (result.success ? 'success' : result.issues.map((i) => i.code).join(', '));

test('a changed plain context is prepared again; the same content again is the same answer', () => {
  const context = sec.sampleTerm();
  const today = '2002-10-14';
  assert.equal(codes(sec.checkLeaveRequest(leave, context, { today })), 'success');
  // The same leave granted in the term: the register changes with it.
  context.leaveRequests.push({ ...leave, requestedAt: '2002-10-13T09:00:00' });
  const granted = sec.checkLeaveRequest(leave, context, { today });
  assert.match(codes(granted), /leave\.already_granted/);
  assert.deepEqual(granted, sec.checkLeaveRequest(leave, afresh(context), { today }));
  context.leaveRequests.pop();
  assert.equal(codes(sec.checkLeaveRequest(leave, context, { today })), 'success');
  // A member made inactive: the roster changes too.
  const standing = sec.memberStanding('2002012', context, { today });
  context.members = context.members.filter((m) => m.id !== '2002012');
  assert.throws(() => sec.memberStanding('2002012', context, { today }), { code: 'member.unknown' });
  context.members = sec.sampleTerm().members;
  assert.deepEqual(sec.memberStanding('2002012', context, { today }), standing);
});

test('the rulebook and the day are part of what is prepared', () => {
  const frozen = sec.freeze(sec.sampleTerm());
  const plain = sec.sampleTerm();
  const noSubstitute = { ...leave, substitute: undefined };
  const lenient = { leave: { requireSubstitute: false } };
  const frozenLenient = sec.freeze({ leave: { requireSubstitute: false } });
  const today = '2002-10-14';
  for (let round = 0; round < 2; round++) {
    for (const context of [frozen, plain]) {
      assert.equal(codes(sec.checkLeaveRequest(noSubstitute, context, { today })), 'leave.no_substitute');
      assert.equal(codes(sec.checkLeaveRequest(noSubstitute, context, { today, rulebook: lenient })), 'success');
      assert.equal(codes(sec.checkLeaveRequest(noSubstitute, context, { today, rulebook: frozenLenient })), 'success');
      assert.equal(codes(sec.checkLeaveRequest(noSubstitute, context, { today })), 'leave.no_substitute');
    }
  }
  // The ledger is the budget year replayed up to the day: each day its own answer.
  for (let round = 0; round < 2; round++) {
    for (const day of ['2002-10-12', '2002-12-02', '2003-03-01']) {
      const form = { ...expense, date: day };
      const expected = sec.checkExpense(form, afresh(plain), { today: day });
      assert.deepEqual(sec.checkExpense(form, frozen, { today: day }), expected);
      assert.deepEqual(sec.checkExpense(form, plain, { today: day }), expected);
      const remaining = sec.budgetRemaining(afresh(plain), { today: day });
      assert.deepEqual(sec.budgetRemaining(frozen, { today: day }), remaining);
    }
  }
  assert.notDeepEqual(
    sec.budgetRemaining(frozen, { today: '2002-10-12' }),
    sec.budgetRemaining(frozen, { today: '2002-12-02' }),
  );
});

test('a context that cannot be prepared gives its error each time, with the form\'s own issues', () => {
  const broken = sec.sampleTerm();
  broken.members.push(structuredClone(broken.members[0]));
  const frozen = sec.freeze(structuredClone(broken));
  const form = { ...leave, requestedAt: undefined };
  for (const context of [broken, frozen, broken, frozen]) {
    const result = sec.checkLeaveRequest(form, context, { today: '2002-10-14' });
    assert.deepEqual(result.issues.map((i) => i.code), ['form.required', 'member.duplicate_id']);
    assert.deepEqual(result.issues[1].path.slice(0, 2), ['context', 'members']);
  }
});
