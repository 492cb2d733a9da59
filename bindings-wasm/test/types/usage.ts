// A small program against the package's declarations, as a user writes it: type-checked by
// types.test.mjs with `tsc --noEmit --strict` (not run). The `@ts-expect-error` lines are
// misuses the declarations must refuse: if one compiles, tsc reports the unused directive.

import * as sec from '../../pkg/web/index.js';
import type {
  ActivityPlan,
  ActivityPlanForm,
  FormResult,
  FormSchema,
  Issue,
  LeaveRequest,
  LeaveRequestForm,
  Options,
  PathSegment,
  SchemaIssue,
  StandardSchemaV1,
  TermData,
} from '../../pkg/web/index.js';
import type { StandardSchemaV1 as SpecStandardSchemaV1 } from '@standard-schema/spec';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { createFormControl } from 'react-hook-form';

const context: TermData = sec.sampleTerm();
// A page's context, read once for all its checks.
const held: Readonly<TermData> = sec.freeze(sec.sampleTerm());
void sec.checkLeaveRequest({}, held, { today: '2002-10-14' });
const options: Options = { today: '2002-10-14', locale: 'zh-Hans' };

// A form check narrows on `success`.
const form: LeaveRequestForm = {
  member: '2002012',
  event: 'regular-meeting-2002-10-16',
  reason: 'Mid-term exam',
  approver: '2000002',
  requestedAt: '2002-10-14T09:00',
};
const result: FormResult<LeaveRequest> = sec.checkLeaveRequest(form, context, options);
if (result.success) {
  const request: LeaveRequest = result.data;
  const when: string = request.requestedAt;
  void when;
} else {
  const first: Issue | undefined = result.issues[0];
  const path: PathSegment[] = first?.path ?? [];
  const code: string = first?.code ?? '';
  void [path, code];
  // @ts-expect-error: a failure has no data
  void result.data;
}

// Money is text; a number is refused by the form check at run time, and by the record's type.
const plan: ActivityPlanForm = { title: 'Welcome party', budget: '120.50', risks: [{ risk: 'a projector fails' }] };
const planned = sec.checkActivityPlan(plan, context, { ...options, rulebook: { budget: { warningPercent: 80 } } });
if (planned.success) {
  const budget: string = planned.data.budget;
  // @ts-expect-error: an accepted plan's budget is a decimal string, not a number
  const asNumber: number = planned.data.budget;
  void [budget, asNumber];
}

// The page's computations.
const standing = sec.memberStanding('2002013', context, options);
const status: 'good' | 'warning' | 'expelled' = standing.status;
const remaining: string = sec.budgetRemaining(context, { today: '2002-12-02', activity: 'challenge-cup-2002' }).cap.remaining;
const days: number = sec.eventCountdown('welcome-party-2002', context, options).countdown.daysToEvent;
void [status, remaining, days];

// A partial rulebook names only what it changes; a rulebook key that does not exist is refused.
const strict = sec.loadRulebook({ attendance: { graceMinutes: 5 } });
const grace: number = strict.attendance.graceMinutes;
// @ts-expect-error: rulebook keys are camelCase
sec.loadRulebook({ attendance: { grace_minutes: 5 } });
void grace;

// `today` is always given where a rule needs it.
// @ts-expect-error: options without today
sec.termReport(context, { locale: 'en' });

// Errors are real Errors with a code and a path.
try {
  sec.loadRulebook({ attendance: { latenessLimit: 0 } });
} catch (e: unknown) {
  if (sec.isSecretariatError(e)) {
    const code: string = e.code;
    const at: PathSegment[] = e.path;
    const message: string = e.message;
    void [code, at, message];
  }
}

// A Standard Schema v1 of a form check: what a form library takes (react-hook-form's
// `standardSchemaResolver(schema)`). It is the spec's own type, with the form as its input and
// the checked record as its output.
const leaveSchema: FormSchema<LeaveRequestForm, LeaveRequest> = sec.leaveRequestSchema(held, options);
const asSpec: SpecStandardSchemaV1<LeaveRequestForm, LeaveRequest> = leaveSchema;
const input: StandardSchemaV1.InferInput<typeof leaveSchema> = form;
void [asSpec, input];
// `validate` is synchronous: its result narrows on `issues`, no `await`.
const validated = leaveSchema['~standard'].validate(form);
if (validated.issues) {
  const issue: SchemaIssue | undefined = validated.issues[0];
  const where: readonly PathSegment[] = issue?.path ?? [];
  const why: string = issue?.code ?? '';
  void [where, why];
} else {
  const request: LeaveRequest = validated.value;
  void request;
}
const planSchema: SpecStandardSchemaV1<ActivityPlanForm, ActivityPlan> = sec.activityPlanSchema(context, options);
void planSchema;
void [
  sec.expenseSchema(context, options),
  sec.recruitmentApplicationSchema(context, options),
  sec.boardPlanSchema(context, options),
];
// react-hook-form infers the form's fields and the submitted record from the schema.
const leaveForm = createFormControl({ resolver: standardSchemaResolver(leaveSchema) });
leaveForm.register('requestedAt');
// @ts-expect-error: form fields are camelCase
leaveForm.register('requested_at');
void leaveForm.handleSubmit((submitted) => {
  const request: LeaveRequest = submitted;
  // @ts-expect-error: what is submitted is the checked leave request, not another record
  const plan: ActivityPlan = submitted;
  void [request, plan];
});
// @ts-expect-error: a schema's options need today, as its check's do
sec.leaveRequestSchema(context, { locale: 'en' });
// @ts-expect-error: the output is the leave request, not the activity plan
const wrongOutput: SpecStandardSchemaV1<LeaveRequestForm, ActivityPlanForm> = leaveSchema;
void wrongOutput;

// The forms module has the same declarations for what it exports, and nothing else; the
// package's `exports` give its types by name.
import * as forms from '../../pkg/forms/web/index.js';
import { leaveRequestSchema as formsLeaveSchema } from 'secretariat/forms';
const byName: SpecStandardSchemaV1<LeaveRequestForm, LeaveRequest> = formsLeaveSchema(held, options);
void byName;
const checked: FormResult<LeaveRequest> = forms.checkLeaveRequest({}, context, { today: '2002-10-14' });
void checked;
// @ts-expect-error: the term report is the full API's
forms.termReport(context, { today: '2002-10-14' });

// The JSON Schemas, by name (a known name completes; any text is accepted and checked when
// called).
import type { JsonSchema, SchemaName } from '../../pkg/web/index.js';
const names: SchemaName[] = forms.schemaNames();
const leaveJsonSchema: JsonSchema = sec.schema('leave_request');
const defs: { [name: string]: JsonSchema } | undefined = forms.schema(names[0], { locale: 'zh-Hans' }).$defs;
void leaveJsonSchema;
void defs;
// @ts-expect-error: a name is text
sec.schema(42);
// @ts-expect-error: not a locale
sec.schema('term_data', { locale: 'fr' });
