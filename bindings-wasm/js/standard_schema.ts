// Standard Schema v1 (https://standardschema.dev: the interface zod, valibot and arktype share)
// for the five form checks, so that form libraries (react-hook-form's `standardSchemaResolver`,
// TanStack Form, any Standard Schema consumer) use them as they are.
//
// A thin layer over the checks the module already exports (`checkLeaveRequest`, ...): no rule
// and no closure is compiled into the WebAssembly module for it. scripts/build.sh compiles this
// file with tsc beside each module's wasm-bindgen glue (ES module for the web builds, CommonJS
// for node), so its declarations are generated from it and both modules carry it.

import {
  checkActivityPlan,
  checkBoardPlan,
  checkExpense,
  checkLeaveRequest,
  checkRecruitmentApplication,
  isSecretariatError,
} from './secretariat_wasm.js';
import type {
  ActivityPlan,
  ActivityPlanForm,
  BoardPlanForm,
  Expense,
  ExpenseForm,
  FormResult,
  Issue,
  LeadTimeVerdict,
  LeaveRequest,
  LeaveRequestForm,
  Options,
  PathSegment,
  RecruitmentApplicationForm,
  RecruitmentCandidate,
  TermData,
} from './secretariat_wasm.js';

/** The Standard Schema v1 interface, as the spec's package (`@standard-schema/spec` 1.x)
 * declares it: copied here, as the spec asks of libraries, so the package depends on nothing.
 * A schema of this package is assignable to the spec's own type. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** The types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version of the standard: 1. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates an unknown value. */
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options | undefined,
    ) => Result<Output> | Promise<Result<Output>>;
    /** The input and output types (for type inference only: absent at run time). */
    readonly types?: Types<Input, Output> | undefined;
  }
  /** What `validate` gives. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  /** Success: the output value. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined;
  }
  /** Options of `validate`. */
  export interface Options {
    /** Vendor-specific parameters (this package reads none). */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  /** Failure: every issue. */
  export interface FailureResult {
    /** The issues of the failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }
  /** One issue. */
  export interface Issue {
    /** The message. */
    readonly message: string;
    /** Where it is, if anywhere. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** A path segment as an object. */
  export interface PathSegment {
    /** The key of the segment. */
    readonly key: PropertyKey;
  }
  /** The input and output types of a schema. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type. */
    readonly input: Input;
    /** The output type. */
    readonly output: Output;
  }
  /** The input type of a schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  /** The output type of a schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** The path of every issue that names no field of the form: the context (`TermData`) cannot
 * be read, an option is wrong (`today` missing, an unknown locale, a bad rulebook), or the
 * value is not an object at all. `root` is where react-hook-form keeps form-wide errors
 * (`errors.root`, a failure for `handleSubmit`), and where `@hookform/resolvers`'
 * `standardSchemaResolver` puts an issue at `["root"]` (5.2.2 and 7.0.9 alike); an issue with
 * an empty path was dropped by its versions up to 5.2.2 (the form then passed, with `{}` as its
 * values).
 * (The package's README, "Standard Schema", says more.) */
const ROOT_PATH: readonly PathSegment[] = Object.freeze(['root']);

/** An issue of a form schema: Standard Schema's `{ message, path }` plus the check's stable
 * `code` and its `params`. */
export interface SchemaIssue extends StandardSchemaV1.Issue {
  /** The message, in `options.locale`. */
  readonly message: string;
  /** The field, as the form names it (`["risks", 0, "countermeasure"]`: camelCase field names,
   * array indexes as numbers), or `["root"]` for an issue about no field, whose message then
   * begins with where it is (`today: ...`, `context.members: ...`). */
  readonly path: readonly PathSegment[];
  /** The stable code, e.g. `leave.no_substitute` or `input.invalid`. */
  readonly code: string;
  /** The message's parameters. */
  readonly params: Readonly<Record<string, string>>;
}

/** What a form schema's `validate` gives, at once (never a Promise): the checked record, or
 * every issue. */
export type SchemaResult<Output> =
  | StandardSchemaV1.SuccessResult<Output>
  | { readonly issues: readonly SchemaIssue[] };

/** A Standard Schema v1 of one form check: `Input` is the form as typed, `Output` the record
 * the check gives (`data` of the `FormResult`). */
export interface FormSchema<Input, Output> extends StandardSchemaV1<Input, Output> {
  /** The Standard Schema properties: version 1, vendor `"secretariat"`, a synchronous
   * `validate`. */
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'secretariat';
    /** Runs the form check on `value` against the schema's context and options. Never throws
     * for what the value, the context or the options hold. */
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options) => SchemaResult<Output>;
    readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
  };
}

/** A form check of the module. */
type Check<Input, Output> = (form: Input, context: TermData, options: Options) => FormResult<Output>;

/** A path as text: `["context", "members", 3]` is `context.members[3]`. */
function joined(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s),
    '',
  );
}

/** A check's issue at `path`. At `["root"]`, the core's message (which never holds its path)
 * is written after where it is: `context.members: ...`. */
function schemaIssue(issue: Issue, path: readonly PathSegment[]): SchemaIssue {
  const where = path === ROOT_PATH ? joined(issue.path) : '';
  const message = where ? `${where}: ${issue.message}` : issue.message;
  return { message, path: [...path], code: issue.code, params: issue.params };
}

/** A check's issue as a schema issue: a field's at its path, one about the context or the value
 * as a whole (an empty path) at `["root"]`. */
function fieldOrRoot(issue: Issue): SchemaIssue {
  const root = issue.path.length === 0 || issue.path[0] === 'context';
  return schemaIssue(issue, root ? ROOT_PATH : issue.path);
}

/** The Standard Schema of the form check `check` on `context` under `options`. */
function formSchema<Input, Output>(
  check: Check<Input, Output>,
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<Input, Output> {
  const validate = (value: unknown): SchemaResult<Output> => {
    let result: FormResult<Output>;
    try {
      result = check(value as Input, context as TermData, options);
    } catch (error) {
      // A check throws only for its options (a SecretariatError); anything else is a bug,
      // not an answer about the value.
      if (!isSecretariatError(error)) throw error;
      return { issues: error.issues.map((issue) => schemaIssue(issue, ROOT_PATH)) };
    }
    return result.success ? { value: result.data } : { issues: result.issues.map(fieldOrRoot) };
  };
  return { '~standard': { version: 1, vendor: 'secretariat', validate } };
}

/**
 * A Standard Schema v1 of the leave request check (`checkLeaveRequest`) on `context` (the
 * term's data; `freeze` it so that it is read once) under `options` (`today`, `locale`,
 * `rulebook`). `validate(form)` gives `{ value }`, the leave request, or `{ issues }`, each
 * `{ message, path, code, params }` with its message in `options.locale`; an issue about no
 * field is at `["root"]`.
 *
 * @example
 * const schema = leaveRequestSchema(freeze(sampleTerm()), { today: '2002-10-14', locale: 'zh-Hans' });
 * useForm({ resolver: standardSchemaResolver(schema) }); // react-hook-form
 */
export function leaveRequestSchema(
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<LeaveRequestForm, LeaveRequest> {
  return formSchema(checkLeaveRequest, context, options);
}

/** A Standard Schema v1 of the activity plan check (`checkActivityPlan`): `{ value }` is the
 * activity plan. As `leaveRequestSchema`. */
export function activityPlanSchema(
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<ActivityPlanForm, ActivityPlan> {
  return formSchema(checkActivityPlan, context, options);
}

/** A Standard Schema v1 of the expense check (`checkExpense`): `{ value }` is the expense. As
 * `leaveRequestSchema`. */
export function expenseSchema(
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<ExpenseForm, Expense> {
  return formSchema(checkExpense, context, options);
}

/** A Standard Schema v1 of the recruitment application check (`checkRecruitmentApplication`):
 * `{ value }` is the recruitment candidate. As `leaveRequestSchema`. */
export function recruitmentApplicationSchema(
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<RecruitmentApplicationForm, RecruitmentCandidate> {
  return formSchema(checkRecruitmentApplication, context, options);
}

/** A Standard Schema v1 of the board plan check (`checkBoardPlan`): `{ value }` is the
 * lead-time verdict. As `leaveRequestSchema`. */
export function boardPlanSchema(
  context: TermData | Readonly<TermData>,
  options: Options,
): FormSchema<BoardPlanForm, LeadTimeVerdict> {
  return formSchema(checkBoardPlan, context, options);
}
