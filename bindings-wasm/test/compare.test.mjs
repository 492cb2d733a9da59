// compare(): one term under two rulebooks (what-if), full module.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as sec from 'secretariat';

const term = sec.sampleTerm();
const today = '2002-10-19';

test('a lenient rulebook lists every member it spares, old to new', () => {
  const diff = sec.compare(term, { attendance: { latenessLimit: 5 } }, { today });
  assert.ok(diff.changes.length > 0);
  for (const change of diff.changes) {
    assert.notEqual(change.old.status, change.new.status);
    assert.ok(typeof change.firstDifference === 'number');
  }
});

test('the same rulebook changes nothing', () => {
  assert.deepEqual(sec.compare(term, {}, { today }).changes, []);
});

test('a broken second rulebook is refused under newRulebook', () => {
  try {
    sec.compare(term, { attendance: { latenessLimit: 0 } }, { today });
    assert.fail('no error');
  } catch (e) {
    assert.ok(sec.isSecretariatError(e));
    assert.equal(e.code, 'rulebook.out_of_range');
    assert.deepEqual(e.path, ['newRulebook', 'attendance', 'latenessLimit']);
  }
});
