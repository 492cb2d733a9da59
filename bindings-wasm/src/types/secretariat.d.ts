// The binding's own shapes, for TypeScript: options, errors, and the few types no JSON Schema
// of the core covers. wasm-bindgen puts this text into the generated `.d.ts` (see types.rs);
// tsify adds the binding's result types (`Issue`, `FormResult`, `LedgerResult`,
// `ActivityYearResult`); scripts/build.sh appends the core's shapes, generated from the
// repository's schema/*.json by scripts/declarations.mjs (nobody writes them by hand).
// test/types.test.mjs checks all of it with `tsc --strict` against what the API really
// takes and returns for every conformance vector.

// ---------------------------------------------------------------------------------------------
// Options, results, errors.

/** A deep partial of `T`: a rulebook overlay names only the keys it changes. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A rulebook over the embedded default: the keys it names replace the default's (the TOML file's schema, camelCase field names; data keys such as budget line ids as they are). */
export type PartialRulebook = DeepPartial<Rulebook>;

/** Options every call takes. */
export interface BaseOptions {
  /** Today, `YYYY-MM-DD`: read by the calls whose rules depend on the day (they throw
   * `input.invalid` at `["today"]` without it), ignored by the others. */
  today?: string;
  /** The language of messages (default `"en"`). */
  locale?: Locale;
  /** The school's rulebook over the default (default: the embedded default). */
  rulebook?: PartialRulebook;
}

/** Options of a call that needs today: the binding never reads the clock. */
export interface Options extends BaseOptions {
  /** Today, `YYYY-MM-DD`. */
  today: string;
}

/** Options of a call that counts days, with the school calendar working days are counted on
 * (`today` is needed by `replan` and `replayActivityYear`). */
export interface CalendarOptions extends BaseOptions {
  /** The school calendar (needed when the rulebook counts working days). */
  calendar?: SchoolCalendar | null;
}

/** Options of `evaluate`. */
export interface EvaluationOptions extends BaseOptions {
  /** Members' attendance standings (`standings()`, or a term report's): their deductions and vetoes. */
  standings?: Standing[];
}

/** Options of `validatePlan`. */
export interface ValidatePlanOptions extends Options {
  /** The year's ledger the plan's budget is checked against (empty without it). */
  ledger?: BudgetLedger | null;
  /** The school calendar, for lead times counted in working days. */
  calendar?: SchoolCalendar | null;
}

/** Options of `budgetRemaining`. */
export interface BudgetRemainingOptions extends Options {
  /** An activity whose account to show besides the annual cap. */
  activity?: string | null;
}

/** An empty ledger: the school year's label and its period. */
export interface NewLedger {
  year: string;
  period: DateRange;
}

/** Sign-in and sign-out times against an event's start and end (`YYYY-MM-DDTHH:MM:SS`). */
export interface MarkTimes {
  start: string;
  end: string;
  signIn: string;
  signOut?: string | null;
}

/**
 * Deep-freezes `value` in place (`Object.freeze` on it and on everything in it) and returns it.
 * A context (or an `options.rulebook`) so frozen is read on the first call that gets it and
 * kept by the object's identity for as long as it lives: a page that checks a field at every
 * keystroke pays for reading its term once. A frozen object cannot change, so nothing read
 * from it goes stale; nothing needs freeing. Objects not frozen by `freeze` are read each call
 * (the last few read are kept by their JSON text).
 */
export function freeze<T extends object>(value: T): Readonly<T>;

/** What every thrown error of the package is: a real `Error` named `SecretariatError`. */
export interface SecretariatError extends Error {
  name: "SecretariatError";
  /** Stable machine code, e.g. `rulebook.out_of_range`. */
  code: string;
  /** The code's area: `rulebook`, `input`, `budget`, ... */
  area: string;
  /** Path of the offending field, as segments. */
  path: PathSegment[];
  /** The error as plain records (one). */
  issues: Issue[];
}

// ---------------------------------------------------------------------------------------------
// The activity book (what `replayActivityYear` gives as `book`): the core has no JSON Schema
// of it yet, so it is written here.

/** The activities of a book, in the order they were drafted. */
export type ActivityBook = Activity[];
/** An activity: its plan, its state and how it got there. (core: activity/mod.rs) */
export interface Activity {
  /** The plan. */
  plan: ActivityPlan;
  /** The current state. */
  state: ActivityState;
  /** The day the draft was written. */
  draftedOn: string;
  /** Every step taken, in order. */
  history?: TransitionRecord[];
}
/** What an accepted step did. (core: activity/book.rs) */
export interface StepOutcome {
  /** The activity. */
  activity: ActivityId;
  /** The step, as recorded in its history. */
  record: TransitionRecord;
  /** What the ledger posted: the reservation on approval, the settlement on summary or cancellation. */
  posting: Posting | null;
  /** Warnings, e.g. a summary filed late. */
  warnings: ActivityWarning[];
}
/** A step in an activity's history. (core: activity/mod.rs) */
export interface TransitionRecord {
  /** The step. */
  action: StepAction;
  /** The state before. */
  from: ActivityState;
  /** The state after. */
  to: ActivityState;
  /** The day. */
  on: string;
  /** Who took it. */
  by: MemberId;
  /** The role under which it was approved, rejected or cancelled by someone other than the project leader. */
  approvedAs?: Role | null;
  /** The reason or the summary. */
  note?: string;
}
