// The Standard Schemas of the five form checks (`leaveRequestSchema(context, options)` and its
// siblings, js/standard_schema.ts), in both modules:
//
// - through a real consumer: react-hook-form's own form control (`createFormControl`, what
//   `useForm` runs) with `@hookform/resolvers`' `standardSchemaResolver`, submitting a wrong
//   leave request (field errors at the form's field names, in English and in Chinese), a
//   corrected one (the checked leave request as the submitted values), and one whose context
//   or options are wrong (`errors.root`, and no submission);
// - `~standard.validate` directly: every form vector of the five checks (success and failure
//   as the check gives them), values that are not objects, issues about the context and the
//   options under ["root"], synchronous results.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
// The resolver before it kept issues with an empty path (an npm alias of 5.2.2): why the
// schemas put issues about no field at ["root"].
import { standardSchemaResolver as standardSchemaResolver5 } from 'hookform-resolvers-5/standard-schema';
import { createFormControl } from 'react-hook-form';

import * as full from 'secretariat';
import * as forms from 'secretariat/forms';

import { loadCases, run } from './operations.mjs';

const MODULES = [
  ['secretariat/forms', forms],
  ['secretariat', full],
];

/** Each vector operation of a form check, with its check and its schema. */
const FORM_CHECKS = {
  'form.leave_request': ['checkLeaveRequest', 'leaveRequestSchema'],
  'form.activity_plan': ['checkActivityPlan', 'activityPlanSchema'],
  'form.expense': ['checkExpense', 'expenseSchema'],
  'form.recruitment_application': ['checkRecruitmentApplication', 'recruitmentApplicationSchema'],
  'form.board_plan': ['checkBoardPlan', 'boardPlanSchema'],
};

const HAN = /\p{Script=Han}/u;
const today = '2002-10-14';

/** Li Na asks for leave from the welcome-party rehearsal (its project leader is Sun Li) with no
 * reason and no substitute, approved by the Secretariat's head, who may not approve it. */
const wrongLeave = {
  member: '2002011',
  event: 'welcome-party-rehearsal-2002',
  reason: '',
  approver: '2001001',
  requestedAt: '2002-10-14T10:30',
};
/** The same, corrected: a reason, Zhang Wei stands in, Sun Li approves. */
const rightLeave = { ...wrongLeave, reason: 'Physics mid-term exam', substitute: '2002012', approver: '2000002' };

/** Submits `values` through react-hook-form with `schema` (and the resolver `resolve`): what
 * `handleSubmit` hands to the submit handler, or the errors it hands to the invalid handler. */
async function submit(schema, values, props = {}, resolve = standardSchemaResolver) {
  const form = createFormControl({ resolver: resolve(schema), defaultValues: values, ...props });
  let submitted;
  let errors;
  await form.handleSubmit(
    (data) => {
      submitted = data;
    },
    (invalid) => {
      errors = invalid;
    },
  )();
  return { submitted, errors };
}

/** An error of react-hook-form as plain data (its `ref` left out). */
const plain = (error) => ({ message: error.message, type: error.type });

for (const [label, sec] of MODULES) {
  const context = sec.freeze(sec.sampleTerm());
  const en = { today, locale: 'en' };
  const zh = { today, locale: 'zh-Hans' };

  test(`${label}: react-hook-form shows a wrong leave request's issues at its fields, in English`, async () => {
    const { submitted, errors } = await submit(sec.leaveRequestSchema(context, en), wrongLeave);
    assert.equal(submitted, undefined, 'a wrong request is not submitted');
    assert.deepEqual(Object.keys(errors).sort(), ['approver', 'reason', 'substitute']);
    const check = sec.checkLeaveRequest(wrongLeave, context, en);
    assert.equal(check.success, false);
    for (const issue of check.issues) {
      assert.deepEqual(plain(errors[issue.path[0]]), { message: issue.message, type: '' }, issue.code);
    }
    assert.match(errors.reason.message, /reason/i);
    assert.match(errors.substitute.message, /substitute/i);
    assert.match(errors.approver.message, /2001001.*may not approve/);
  });

  test(`${label}: react-hook-form shows the same issues in Chinese`, async () => {
    const { submitted, errors } = await submit(sec.leaveRequestSchema(context, zh), wrongLeave);
    assert.equal(submitted, undefined);
    assert.deepEqual(Object.keys(errors).sort(), ['approver', 'reason', 'substitute']);
    assert.match(errors.reason.message, /请假理由/);
    assert.match(errors.substitute.message, /替班人/);
    assert.match(errors.approver.message, /无权/);
    for (const field of ['reason', 'substitute']) assert.doesNotMatch(errors[field].message, /substitute|reason/i);
  });

  test(`${label}: react-hook-form submits a corrected leave request as the checked record`, async () => {
    const { submitted, errors } = await submit(sec.leaveRequestSchema(context, zh), rightLeave);
    assert.equal(errors, undefined, `errors: ${JSON.stringify(errors)}`);
    const check = sec.checkLeaveRequest(rightLeave, context, zh);
    assert.equal(check.success, true);
    assert.deepEqual(submitted, check.data);
    assert.equal(submitted.substitute, '2002012');
    assert.equal(submitted.approver, '2000002');
  });

  test(`${label}: react-hook-form keeps issues about the context and the options at errors.root`, async () => {
    // No today: an option of the check, not a field of the form.
    const noToday = await submit(sec.leaveRequestSchema(context, { locale: 'zh-Hans' }), rightLeave);
    assert.equal(noToday.submitted, undefined, 'a form whose check cannot run is not submitted');
    assert.deepEqual(Object.keys(noToday.errors), ['root']);
    assert.match(noToday.errors.root.message, /today/);
    // A context that cannot be read.
    const broken = await submit(sec.leaveRequestSchema({ members: 'nobody' }, en), rightLeave);
    assert.equal(broken.submitted, undefined);
    assert.deepEqual(Object.keys(broken.errors), ['root']);
    const check = sec.checkLeaveRequest(rightLeave, { members: 'nobody' }, en);
    assert.equal(broken.errors.root.message, rooted(check.issues[0]));
    // With criteriaMode 'all', every message of a field is kept too.
    const all = await submit(sec.leaveRequestSchema(context, en), { ...wrongLeave, member: '' }, { criteriaMode: 'all' });
    assert.ok(Object.keys(all.errors.member.types).length >= 1);
  });

  test(`${label}: ~standard is version 1 of vendor secretariat, for every form`, () => {
    for (const [, name] of Object.values(FORM_CHECKS)) {
      const schema = sec[name](context, en);
      const standard = schema['~standard'];
      assert.equal(standard.version, 1, name);
      assert.equal(standard.vendor, 'secretariat', name);
      assert.equal(typeof standard.validate, 'function', name);
      // Synchronous: a result, never a Promise.
      const result = standard.validate({});
      assert.ok(!(result instanceof Promise) && typeof result.then !== 'function', name);
      assert.ok(Array.isArray(result.issues) && result.issues.length > 0, `${name}: an empty form fails`);
    }
  });
}

test('["root"] reaches errors.root with resolvers 7.0.9 and 5.2.2; an empty path not in 5.2.2', async () => {
  const context = forms.freeze(forms.sampleTerm());
  const resolvers = [
    ['7.0.9', standardSchemaResolver],
    ['5.2.2', standardSchemaResolver5],
  ];
  for (const [version, resolve] of resolvers) {
    const schema = forms.leaveRequestSchema(context, { locale: 'en' });
    const { submitted, errors } = await submit(schema, rightLeave, {}, resolve);
    assert.equal(submitted, undefined, `${version}: not submitted`);
    assert.match(errors?.root?.message ?? '', /today/, `${version}: errors.root`);
  }
  // The same issue with an empty path: 5.2.2 drops it, and submits the form as {}.
  const emptyPath = {
    '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'no today', path: [] }] }) },
  };
  assert.deepEqual((await submit(emptyPath, rightLeave, {}, standardSchemaResolver5)).submitted, {});
  assert.equal((await submit(emptyPath, rightLeave)).errors.root.message, 'no today');
});

/** An issue's message at ["root"]: after where it is (`context.members: ...`), since the
 * core's messages never hold their path. */
function rooted({ path, message }) {
  const where = path.reduce(
    (out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s),
    '',
  );
  return where ? `${where}: ${message}` : message;
}

/** What `validate` must give for a check's result: the record, or every issue with the ones
 * that name no field (the context, the value as a whole) at ["root"]. */
function expectedOf(check) {
  if (check.success) return { value: check.data };
  return {
    issues: check.issues.map((issue) => {
      const { code, path, message, params } = issue;
      return path.length === 0 || path[0] === 'context'
        ? { message: rooted(issue), path: ['root'], code, params }
        : { message, path, code, params };
    }),
  };
}

test('validate gives what the check gives, for every form vector, through both modules', () => {
  const seen = {};
  for (const [label, sec] of MODULES) {
    for (const c of loadCases()) {
      if (!(c.operation in FORM_CHECKS)) continue;
      const [checkName, schemaName] = FORM_CHECKS[c.operation];
      // The case's arguments as its operation passes them (./operations.mjs), given to the
      // check and to the schema's validate.
      const [form, context, options] = run(
        { [c.operation]: (i, o) => [i.form, i.context ?? sec.sampleTerm(), o] },
        c,
      );
      const validated = sec[schemaName](context, options)['~standard'].validate(form);
      let check;
      try {
        check = sec[checkName](form, context, options);
      } catch (e) {
        // The vector's error: an option of the check (under ["root"]).
        assert.ok(c.error && sec.isSecretariatError(e), `${label} ${c.name}: ${e}`);
        assert.deepEqual(validated, {
          issues: e.issues.map((issue) => ({
            message: rooted(issue), path: ['root'], code: issue.code, params: issue.params,
          })),
        });
        continue;
      }
      assert.deepEqual(validated, expectedOf(check), `${label} ${c.name}`);
      const key = `${schemaName} ${check.success ? 'success' : 'failure'}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
  }
  for (const [, name] of Object.values(FORM_CHECKS)) {
    assert.ok(seen[`${name} success`] >= 2, `${name}: no accepted form among the vectors`);
    assert.ok(seen[`${name} failure`] >= 2, `${name}: no refused form among the vectors`);
  }
});

const cyclic = { member: '2002011' };
cyclic.self = cyclic;

/** Values that are not a form object, each an issue (never a throw or a trap). */
const NOT_OBJECTS = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', '2002011'],
  ['a boolean', true],
  ['an array', []],
  ['an array of fields', ['2002011', 'regular-meeting-2002-10-16']],
  ['a function', () => ({})],
  ['a symbol', Symbol('form')],
  ['a bigint', 10n],
  ['an object holding a bigint', { member: 10n }],
  ['a cyclic object', cyclic],
];

for (const [label, sec] of MODULES) {
  const context = sec.freeze(sec.sampleTerm());

  test(`${label}: a value that is not an object is an issue at ["root"], never a throw`, () => {
    for (const locale of ['en', 'zh-Hans']) {
      for (const [, name] of Object.values(FORM_CHECKS)) {
        const { validate } = sec[name](context, { today, locale })['~standard'];
        for (const [what, value] of NOT_OBJECTS) {
          let result;
          assert.doesNotThrow(() => {
            result = validate(value);
          }, `${name}(${what})`);
          assert.equal(result.value, undefined, `${name}(${what})`);
          assert.ok(result.issues.length >= 1, `${name}(${what})`);
          for (const issue of result.issues) {
            assert.deepEqual(issue.path, ['root'], `${name}(${what})`);
            assert.equal(issue.code, 'input.invalid', `${name}(${what})`);
            assert.equal(typeof issue.message, 'string');
            if (locale === 'zh-Hans') assert.match(issue.message, HAN, `${name}(${what}) in Chinese`);
          }
        }
      }
      // The module still works after every one of them.
      assert.equal(sec.checkLeaveRequest(rightLeave, context, { today, locale }).success, true);
    }
  });

  test(`${label}: issues about the options and the context are at ["root"]`, () => {
    const schema = (options, ctx) => sec.leaveRequestSchema(ctx, options)['~standard'];
    /** The issues of a failed result, each at ["root"], its message naming where it is. */
    const rootOnly = (result, where) => {
      assert.equal(result.value, undefined);
      assert.ok(result.issues.length >= 1);
      for (const issue of result.issues) {
        assert.deepEqual(issue.path, ['root'], issue.code);
        assert.match(issue.message, where, issue.message);
      }
      return result.issues;
    };

    const [noToday] = rootOnly(schema({ locale: 'zh-Hans' }, context).validate(rightLeave), /^today/);
    assert.equal(noToday.code, 'input.invalid');
    assert.match(noToday.message, HAN);
    const [badLocale] = rootOnly(schema({ today, locale: 'fr' }, context).validate(rightLeave), /^locale/);
    assert.equal(badLocale.code, 'input.invalid');
    const rulebook = { attendance: { latenessLimit: 0 } };
    const [badRulebook] = rootOnly(schema({ today, rulebook }, context).validate(rightLeave), /lateness/);
    assert.equal(badRulebook.code, 'rulebook.out_of_range');
    assert.deepEqual(badRulebook.params, { min: '1', max: '100', value: '0' });

    for (const ctx of [{ members: 'nobody' }, null, undefined, 42]) {
      const issues = rootOnly(schema({ today, locale: 'zh-Hans' }, ctx).validate(rightLeave), /^context/);
      for (const issue of issues) assert.match(issue.message, HAN, issue.message);
    }
    // A field's issue is at the form's field name.
    const [field] = schema({ today }, context).validate({ ...rightLeave, requestedAt: 'Monday' }).issues;
    assert.deepEqual(field.path, ['requestedAt']);
    assert.deepEqual(Object.keys(field).sort(), ['code', 'message', 'params', 'path']);
  });

  test(`${label}: a nested field keeps its whole path, camelCase names and indexes`, () => {
    const { validate } = sec.activityPlanSchema(context, { today })['~standard'];
    const { issues } = validate({ title: 'Robot contest', risks: [{ risk: 'Too few teams' }] });
    const paths = issues.map((i) => i.path.join('.'));
    assert.ok(paths.includes('risks.0.countermeasure'), paths.join(', '));
    assert.ok(paths.includes('projectLeader'), paths.join(', '));
  });
}
