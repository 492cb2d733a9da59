// The shapes of the package's API, for TypeScript. wasm-bindgen puts this text into the
// generated `.d.ts` (see types.rs); tsify adds the binding's result types (`Issue`,
// `FormResult`, `LedgerResult`, `ActivityYearResult`).
//
// The core's shapes were written from its serde types: camelCase field names (the binding
// renames them), decimals as strings, dates as `YYYY-MM-DD`, date-times as
// `YYYY-MM-DDTHH:MM:SS`. A field marked `?` may be left out on input (it has a default) and
// may be absent from a result. test/types.test.mjs checks these declarations with
// `tsc --strict` against what the API really returns for every conformance vector.

// ---------------------------------------------------------------------------------------------
// The binding's own shapes: options, results, errors. (The core's shapes follow.)

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
// The core's shapes.

/** Text of a number a person typed: a decimal string such as `"45.50"` or `"02"`; a JS number is accepted for scores and grades but refused as money (`form.amount_as_number`). */
export type FieldValue = string | number;
/** One step of a field path: an object key (a camelCase field name, or a data key such as a member id, kept as it is) or an array index. */
export type PathSegment = string | number;
/** The language of messages. */
export type Locale = "en" | "zh-Hans";
/** A member's grade (intake year). Results give the full year (2002); input may also give its text, `"02"` or `"2002"`. */
export type Grade = number | string;
/** A candidate's identifier. */
export type CandidateId = string;
/** A criterion's identifier. */
export type CriterionId = string;
/** A day of the week as chrono writes it. */
export type Weekday = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";
/** A time of day, `HH:MM:SS`. */
export type NaiveTime = string;
/** A whole number, or `"unlimited"`. */
export type Limit = number | "unlimited";
/** A decimal threshold as text, or `"none"`. */
export type PassMark = string;
/** A rulebook scheme's id (e.g. `"challenge_cup"`), or a whole scheme given inline. */
export type SchemeChoice = string | EvaluationScheme;
/** The judges' scores of a score sheet: one row per criterion, one cell per judge. */
export type ScoreGrid = JudgeScore[][];
/** The activities of a book, in the order they were drafted. */
export type ActivityBook = Activity[];
/** An account of the ledger: the standing facts written when its funds were first reserved. */
export interface AccountInfo {
  title: string;
  line: string;
  /** Whether the account counts toward the annual cap. */
  withinCap: boolean;
  department?: Department;
  projectLeader?: MemberId;
}
/** The budget ledger of one school year: accounts by activity id and the journal. Give one back to `applyLedgerOperations` to go on from it. */
export interface BudgetLedger {
  /** The school year's label, e.g. `2002-2003`. */
  year: string;
  /** The budget year: entries dated outside it are refused. */
  period: DateRange;
  /** By activity id. */
  accounts?: Record<string, AccountInfo>;
  /** The journal, in order. */
  entries?: LedgerEntry[];
}
/** One activity's account in the report. (core: budget/report.rs) */
export interface AccountReport {
  /** The activity. */
  activity: ActivityId;
  /** Its title. */
  title: string;
  /** Its budget line. */
  line: string;
  /** The rule behind the line's range. */
  rule: RuleRef;
  /** Whether it counts toward the annual cap. */
  withinCap: boolean;
  /** The line's planned minimum (0.00 when the rulebook no longer has the line). */
  plannedMin: string;
  /** The line's planned maximum. */
  plannedMax: string;
  /** Approved for the activity (reservation and allocations). */
  approved: string;
  /** Still held for it: approved and not spent, while the account is open. */
  reserved: string;
  /** Spent. */
  spent: string;
  /** Released back to the year when the account was settled. */
  released: string;
  /** Approved and not spent. */
  remaining: string;
  /** Spent as a percentage of approved, one decimal place, rounded half-up; `None` when nothing was approved. */
  utilisation: string | null;
  /** The day its funds were reserved. */
  openedOn: string;
  /** The day it was settled, if it was. */
  settledOn: string | null;
}
/** An action that needs authority. (core: authority.rs) */
export type Action =
  | "approve_leave"
  | "approve_plan"
  | "approve_expense"
  | "record_attendance"
  | "settle_account";
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
/** An activity's identifier, unique in a book and a ledger. (core: activity/mod.rs) */
export type ActivityId = string;
/** An activity plan (seed 000, plan I: "preliminary plan, budget, feasibility analysis, risks and countermeasures"). (core: activity/mod.rs) */
export interface ActivityPlan {
  /** Unique id: ASCII letters, digits, `_` and `-`. */
  id: ActivityId;
  /** Title. */
  title: string;
  /** The budget line of the rulebook, e.g. `challenge_cup`. */
  line: string;
  /** The organizing department: its head may approve. */
  department: Department;
  /** The project leader, who writes the plan and the summary. */
  projectLeader: MemberId;
  /** What the activity is for. */
  purpose: string;
  /** First day. */
  start: string;
  /** Last day. */
  end: string;
  /** Who takes part (people, departments, groups). */
  participants: string[];
  /** The budget asked for, in yuan (0.00 when no special funds are needed). */
  budget: string;
  /** The feasibility analysis. */
  feasibility?: string;
  /** Risks and countermeasures. */
  risks?: Risk[];
  /** The day the notice calling for the plan was received, if one was: the anchor of lead-time rules such as "the plan within 3~4 days after the notice". */
  noticeReceived?: string | null;
}
/** An activity plan as typed: the fields of [`ActivityPlan`], each text and optional. (core: forms/plan.rs) */
export interface ActivityPlanForm {
  /** Unique id: ASCII letters, digits, `_` and `-`. Required. */
  id?: string | null;
  /** Title (`activity.missing_field` when blank). */
  title?: string | null;
  /** The rulebook's budget line, e.g. `challenge_cup`. Required. */
  line?: string | null;
  /** The organizing department (`activity.missing_field` when blank). */
  department?: string | null;
  /** The project leader (a member id). Required. */
  projectLeader?: string | null;
  /** What the activity is for (`activity.missing_field` when blank). */
  purpose?: string | null;
  /** First day, `YYYY-MM-DD`. Required. */
  start?: string | null;
  /** Last day, `YYYY-MM-DD`. Required. */
  end?: string | null;
  /** Who takes part (`activity.missing_field` when empty). */
  participants?: string[] | null;
  /** The budget asked for: yuan as text, e.g. `"180.00"`. Required. */
  budget?: FieldValue | null;
  /** The feasibility analysis. */
  feasibility?: string | null;
  /** Risks and countermeasures. */
  risks?: RiskForm[] | null;
  /** The day the notice calling for the plan was received, `YYYY-MM-DD`, if one was. */
  noticeReceived?: string | null;
}
/** Rulebook key `activity` (seed 000, discipline §6 and the plan's "budget, feasibility analysis, risks and countermeasures"). (core: activity/policy.rs) */
export interface ActivityPolicy {
  /** Calendar days after an activity is completed within which its summary is due. */
  summaryDueDays: number;
  /** A plan must carry a feasibility analysis. */
  requireFeasibility: boolean;
  /** A plan must name at least one risk (each with a countermeasure). */
  requireRisks: boolean;
  /** Lead-time rules of `schedule.lead_times` a plan's submission day is judged by, each with the plan date it counts from. */
  submissionLeadTimes?: Record<string, LeadTimeAnchor>;
}
/** The activities' states on a day (domain.md §6), with the summaries overdue. (core: activity/report.rs) */
export interface ActivityReport {
  /** The day of the report. */
  today: string;
  /** The rulebook used. */
  rulebook: RulebookStamp;
  /** The rule behind the summaries' due days. */
  summaryRule: RuleRef;
  /** The activities, by start date then id. */
  rows: ActivityRow[];
  /** Summaries overdue. */
  warnings: ActivityWarning[];
}
/** One activity in the report. (core: activity/report.rs) */
export interface ActivityRow {
  /** The activity. */
  activity: ActivityId;
  /** Its title. */
  title: string;
  /** Its budget line. */
  line: string;
  /** Its state. */
  state: ActivityState;
  /** The day it entered that state. */
  since: string;
  /** Its project leader. */
  projectLeader: MemberId;
  /** First day. */
  start: string;
  /** Last day. */
  end: string;
  /** The budget of the plan. */
  budget: string;
  /** Approved in the ledger, once approved. */
  approved: string | null;
  /** Spent in the ledger, once approved. */
  spent: string | null;
  /** What it waits for. */
  next: NextStep;
  /** The day the summary is due, once completed. */
  summaryDue: string | null;
  /** Days the summary is overdue on the report's day. */
  daysOverdue: number | null;
}
/** Where an activity stands. (core: activity/mod.rs) */
export type ActivityState =
  | "draft"
  | "submitted"
  | "approved"
  | "in_progress"
  | "completed"
  | "summarized"
  | "rejected"
  | "cancelled";
/** A planned activity on the report's day: its milestone plan and countdown. (core: report.rs) */
export interface ActivityStatus {
  /** The activity's id. */
  id: string;
  /** Its title. */
  title: string;
  /** The milestones planned backward from its date. */
  plan: MilestonePlan;
  /** Where each milestone stands today, and the next action. */
  countdown: Countdown;
}
/** A step taken on an activity. (core: activity/mod.rs) */
export interface ActivityStep {
  /** The activity. */
  activity: ActivityId;
  /** The step. */
  action: StepAction;
  /** Who takes it. */
  by: MemberId;
  /** The day it is taken. */
  on: string;
  /** The reason (reject, cancel) or the summary (summarize); optional otherwise. */
  note?: string;
}
/** A warning about an activity: accepted, but worth a secretary's attention. (core: activity/error.rs) */
export type ActivityWarning =
  | { kind: "submitted_early"; path: string; rule: RuleRef; opens: string; submittedOn: string; daysEarly: number }
  | { kind: "summary_overdue"; path: string; activity: ActivityId; rule: RuleRef; completedOn: string; due: string; daysOverdue: number }
  | { kind: "summary_late"; path: string; activity: ActivityId; rule: RuleRef; due: string; filedOn: string; daysLate: number };
/** A school year of activities as a secretary records it. (core: activity/year.rs) */
export interface ActivityYearData {
  /** The year's label, e.g. `2002-2003`. */
  year: string;
  /** The dates of the budget year. */
  period: DateRange;
  /** The operations, in the order they happened. */
  operations: YearOperation[];
}
/** How the judges' scores on one criterion become one number. (core: evaluation/policy.rs) */
export type Aggregation =
  | "mean"
  | "median"
  | "trimmed_mean";
/** The result of [`allocate`]. (core: recruitment/mod.rs) */
export interface Allocation {
  /** The recruitment year. */
  year: number;
  /** The deadline (the first day too late). */
  deadline: string;
  /** The day of the decision. */
  decidedOn: string;
  /** The rule: the quota plan and its article. */
  rule: RuleRef;
  /** Whether every required place is filled and at least `min_total` places are. */
  feasible: boolean;
  /** Places filled, by class in the plan's order, then by slot. */
  filled: FilledPlace[];
  /** Places left empty. */
  unfilled: UnfilledPlace[];
  /** Candidates not chosen, in input order. */
  notChosen: NotChosen[];
  /** The sum of the chosen candidates' scores. */
  totalScore: string;
  /** When not feasible: relaxations that would make the plan feasible, the smallest first (fewest places given up, then fewest changes). */
  relaxations: Relaxation[];
}
/** Rulebook key `attendance` (seed 000, discipline §2 and §5). (core: attendance/policy.rs) */
export interface AttendancePolicy {
  /** Event kinds whose late arrivals and early leaves count. */
  countedKinds: EventKind[];
  /** Event kinds whose unexcused absence counts. */
  absenceKinds: EventKind[];
  /** Minutes after the start (before the end) that are not yet late (early). */
  graceMinutes: number;
  /** Late arrivals and early leaves together: this many expel. */
  latenessLimit: number;
  /** Unexcused absences from group activities: this many expel. */
  absenceLimit: number;
  /** A count this far below its limit, and above zero, is a warning. */
  warningMargin: number;
  /** The window the counters run over. */
  window: AttendanceWindow;
}
/** The window the discipline counters run over. (core: attendance/policy.rs) */
export type AttendanceWindow =
  | "term"
  | "semester"
  | { rollingDays: number };
/** Which roles may take each action (rulebook key `authority`). (core: authority.rs) */
export interface AuthorityTable {
  /** Roles that may approve leave. */
  approveLeave: Role[];
  /** Roles that may approve an activity plan. */
  approvePlan: Role[];
  /** Roles that may approve an expense. */
  approveExpense: Role[];
  /** Roles that may record attendance. */
  recordAttendance: Role[];
  /** Roles that may close an activity's account directly. */
  settleAccount: Role[];
}
/** A board plan's submission as typed. (core: forms/board.rs) */
export interface BoardPlanForm {
  /** The day the board issues, `YYYY-MM-DD`. Required. */
  issueDate?: string | null;
  /** The day the plan is (or will be) submitted, `YYYY-MM-DD`; today when blank. */
  submittedOn?: string | null;
}
/** An activity budget line: the range an activity of this kind may be given (rulebook key `budget.lines.<id>`). (core: budget/policy.rs) */
export interface BudgetLine {
  /** Title shown in reports. */
  title: string;
  /** The seed's article for the line, e.g. `seed 000, Challenge Cup capital budget`. */
  article: string;
  /** The low end of the planned range: a plan asking less draws a warning. */
  min: string;
  /** The high end: no activity of this line may be given more. */
  max: string;
  /** Whether the line counts toward the annual cap (large-scale events do not). */
  withinCap?: boolean;
  /** The categories an expense of this line may have; empty for any. */
  categories?: string[];
  /** What the money is for, in the seed's words. */
  note?: string;
}
/** Rulebook key `budget` (seed 000, capital budgets and plan item 8; responsibility 4). (core: budget/policy.rs) */
export interface BudgetPolicy {
  /** The seed's article for the annual plan, cited by every cap verdict. */
  article: string;
  /** The low end of the annual plan ("about 400~500 yuan"): reported, not enforced. */
  annualMin: string;
  /** The annual cap: the high end of the annual plan. Commitments (reserves and spending) of lines inside the cap may never pass it. */
  annualCap: string;
  /** Spending (or, for reservations, commitments) at or above this percentage of a limit draws a warning; 1 to 100. */
  warningPercent: number;
  /** An expense needs a receipt reference. */
  requireReceipt: boolean;
  /** The largest expense a role may approve. A role the authority table allows to approve expenses and not listed here may approve any amount the other limits allow. */
  expenseApprovalLimits?: ExpenseApprovalLimit[];
  /** Activity budget lines by stable id (`welcome_party`, `challenge_cup`, `innovation_competition`). */
  lines: Record<string, BudgetLine>;
}
/** What a budget has left on a day: the annual cap, and one activity's account when asked. (core: forms/page.rs) */
export interface BudgetRemaining {
  /** The year against the annual cap: committed, spent, and what the cap still allows (`remaining`). */
  cap: CapStatus;
  /** The activity's account: approved, spent, and `remaining` (approved less spent). */
  activity?: AccountReport | null;
}
/** The budget report of a ledger (domain.md §3: planned range, approved, reserved, spent, remaining, utilisation; per activity and in total). (core: budget/report.rs) */
export interface BudgetReport {
  /** The school year. */
  year: string;
  /** Its dates. */
  period: DateRange;
  /** The rulebook used. */
  rulebook: RulebookStamp;
  /** The year against the annual cap. */
  cap: CapStatus;
  /** Every account, by activity id. */
  accounts: AccountReport[];
  /** The sums of the accounts. */
  total: BudgetTotals;
}
/** The sums of the report's accounts: each equals the sum of the accounts' column. (core: budget/report.rs) */
export interface BudgetTotals {
  /** Sum of the planned minimums. */
  plannedMin: string;
  /** Sum of the planned maximums. */
  plannedMax: string;
  /** Sum approved. */
  approved: string;
  /** Sum reserved. */
  reserved: string;
  /** Sum spent. */
  spent: string;
  /** Sum released. */
  released: string;
  /** Sum remaining. */
  remaining: string;
  /** Spent as a percentage of approved. */
  utilisation: string | null;
}
/** A warning: the operation is accepted, but a limit is near or a plan is unusual. (core: budget/error.rs) */
export type BudgetWarning =
  | { kind: "near_activity_max"; path: string; activity: ActivityId; spent: string; approved: string; percent: number }
  | { kind: "near_annual_cap"; path: string; used: string; cap: string; percent: number }
  | { kind: "below_line_range"; path: string; line: string; amount: string; min: string };
/** A candidate and the judges' scores for them. (core: evaluation/mod.rs) */
export interface Candidate {
  /** Unique id. A candidate whose id is a member id of the standings takes that member's deductions and vetoes. */
  id: CandidateId;
  /** Display name. */
  name?: string;
  /** Category for per-category quotas, e.g. the department. */
  category?: string | null;
  /** Per criterion id: the judges' scores in the order of [`EvaluationInput::judges`]; `null` (or a short row) where a judge gave none. */
  scores: Record<string, (string | null)[]>;
}
/** The year against the annual cap (only the accounts inside it). (core: budget/report.rs) */
export interface CapStatus {
  /** The rule behind the cap. */
  rule: RuleRef;
  /** The low end of the annual plan. */
  annualMin: string;
  /** The annual cap. */
  annualCap: string;
  /** Reserved and spent inside the cap. */
  committed: string;
  /** Spent inside the cap. */
  spent: string;
  /** What the cap still allows: the cap less the commitments. */
  remaining: string;
  /** Spent as a percentage of the cap. */
  utilisation: string | null;
  /** Committed as a percentage of the cap. */
  committedPercent: string | null;
  /** The rulebook's warning percentage. */
  warningPercent: number;
  /** Whether spending or commitments reached the warning percentage. */
  warning: boolean;
}
/** A min/max count of team members whose attribute takes one of `values`. (core: recruitment/policy.rs) */
export interface CompositionRule {
  /** Stable id, e.g. `main_body`. */
  id: string;
  /** Title shown in reports. */
  title: string;
  /** What is counted. */
  attribute: TeamAttribute;
  /** The values counted (years of study are written as text: `"2"`). */
  values: string[];
  /** At least this many. */
  min?: number | null;
  /** At most this many. */
  max?: number | null;
}
/** A rule the team breaks. (core: recruitment/team.rs) */
export interface CompositionViolation {
  /** The count that breaks it. */
  count: RuleCount;
  /** How many members too few (positive) or too many (negative). */
  shortBy: number;
}
/** Where a plan stands today. (core: schedule/countdown.rs) */
export interface Countdown {
  /** The plan's event id. */
  eventId: string;
  /** The event's date. */
  eventDate: string;
  /** The date the countdown is taken on. */
  today: string;
  /** Calendar days from today to the event; negative once it has passed. */
  daysToEvent: number;
  /** Each milestone, in the plan's order. */
  milestones: MilestoneCountdown[];
  /** The id of the next action: the not-done milestone whose window ends first (the first in the plan's order on a tie); none when every milestone is done. */
  nextAction: string | null;
}
/** Where one event of a batch stands: the compact form of a [`Countdown`], by position in the plan rather than by id, so that a batch of thousands of events stays cheap. (core: schedule/countdown.rs) */
export interface CountdownSummary {
  /** Calendar days from today to the event; negative once it has passed. */
  daysToEvent: number;
  /** Each milestone's status; `statuses[i]` is the plan's `milestones[i]`. */
  statuses: MilestoneStatus[];
  /** The position in the plan of the next action (as [`Countdown::next_action`]). */
  nextAction: number | null;
  /** Calendar days from today to the end of the next action's window. */
  nextDaysRemaining: number | null;
  /** How many milestones are overdue. */
  overdue: number;
}
/** A discipline counter. (core: attendance/standing.rs) */
export type Counter =
  | "lateness"
  | "absence";
/** One criterion of a scheme. (core: evaluation/policy.rs) */
export interface Criterion {
  /** Stable id, e.g. `language_expression`. */
  id: string;
  /** Title shown on score sheets. */
  title: string;
  /** Relative weight, positive: a criterion's contribution is `aggregate * weight / sum of weights`. */
  weight: string;
}
/** One criterion on a score sheet: line `k` is criterion `k` of [`Ranking::criteria`], and its judges' scores are row `k` of [`ScoreSheet::scores`]. (core: evaluation/mod.rs) */
export interface CriterionLine {
  /** The normalised scores in judge order, when the scheme normalises; else empty. */
  normalized?: (string | null)[];
  /** The aggregate of the scores kept, rounded to the scheme's decimals. */
  aggregate: string;
  /** The criterion's weight. */
  weight: string;
  /** `aggregate * weight / sum of weights`, rounded to the scheme's decimals (shown for reading; the subtotal is computed from the unrounded products). */
  contribution: string;
}
/** An inclusive range of dates: `start..=end`. (core: calendar.rs) */
export interface DateRange {
  /** First day of the range. */
  start: string;
  /** Last day of the range (inclusive). */
  end: string;
}
/** How offsets and lead times count days (rulebook key `schedule.day_count`). (core: schedule/day_count.rs) */
export type DayCount =
  | "calendar"
  | "working";
/** What became of a candidate, and why. The rule each outcome applies is in [`Ranking::rules`] (see [`Ranking::rule_of`]). (core: evaluation/mod.rs) */
export type Decision =
  | { outcome: "selected" }
  | { outcome: "vetoed" }
  | { outcome: "below_pass_mark"; passMark: string }
  | { outcome: "outside_top_n"; topN: number; tiedWithSelected: boolean }
  | { outcome: "category_quota_full"; category: string; quota: number };
/** The rules a ranking's decisions apply, each with its rulebook key and seed article. (core: evaluation/mod.rs) */
export interface DecisionRules {
  /** Selection (`...selection`). */
  selection: RuleRef;
  /** The pass mark (`...selection.pass_mark`). */
  passMark: RuleRef;
  /** Top N (`...selection.top_n`). */
  topN: RuleRef;
  /** Category quotas (`...selection.category_quotas`; `category_quota` for the others). */
  categoryQuota: RuleRef;
  /** The veto of expelled members (`...deductions.veto_expelled`). */
  veto: RuleRef;
}
/** Points taken off a total for the attendance record (seed 001, Discipline Inspection §4). (core: evaluation/mod.rs) */
export interface Deduction {
  /** The rule: the scheme's deduction key and its article. */
  rule: RuleRef;
  /** The discipline counter. */
  counter: Counter;
  /** How many offences the standing counts. */
  count: number;
  /** Points per offence. */
  per: string;
  /** `count * per`. */
  amount: string;
  /** The attendance records behind the count. */
  records: RecordRef[];
}
/** Deductions and vetoes taken from the attendance standing. (core: evaluation/policy.rs) */
export interface Deductions {
  /** Points off per late arrival or early leave counted in the standing. */
  perLateness: string;
  /** Points off per unexcused absence counted in the standing. */
  perAbsence: string;
  /** The seed article behind the deductions. */
  article: string;
  /** An expelled member is ineligible. */
  vetoExpelled: boolean;
  /** The seed article behind the veto. */
  vetoArticle: string;
}
/** A department, as data: Secretariat, Organization, Propaganda, Science and Technology... (core: members.rs) */
export type Department = string;
/** Which end of the sorted scores a dropped score came from. (core: evaluation/mod.rs) */
export type DroppedEnd =
  | "lowest"
  | "highest";
/** What an entry of the journal records. (core: budget/ledger.rs) */
export type EntryKind =
  | "allocation"
  | "expense"
  | "settlement";
/** The input of an evaluation: scheme, judges, candidates and their scores. (core: evaluation/mod.rs) */
export interface EvaluationInput {
  /** The scheme. */
  scheme: SchemeChoice;
  /** The judges, in the order of every score row. */
  judges: JudgeId[];
  /** The candidates with their scores. */
  candidates: Candidate[];
}
/** Rulebook key `evaluation` (seed 000, Challenge Cup talent selection; seed 001, evaluations): named schemes. (core: evaluation/policy.rs) */
export interface EvaluationPolicy {
  /** Schemes by id, e.g. `challenge_cup`, `officer_evaluation`. */
  schemes: Record<string, EvaluationScheme>;
}
/** An evaluation scheme: criteria, weights, scale, aggregation, deductions, ranking and selection (domain.md §2). (core: evaluation/policy.rs) */
export interface EvaluationScheme {
  /** Title of the evaluation. */
  title: string;
  /** The seed article it implements. */
  article: string;
  /** Lowest score a judge may give. */
  scaleMin: string;
  /** Highest score a judge may give. */
  scaleMax: string;
  /** The criteria, in the order score sheets show them. */
  criteria: Criterion[];
  /** How the judges' scores on a criterion are aggregated. */
  aggregation: Aggregation;
  /** For a trimmed mean: how many scores are dropped at each end. */
  trim: number;
  /** Per-judge normalisation. */
  normalization: Normalization;
  /** What a missing score means. */
  missingScore: MissingScore;
  /** Decimal places of aggregates, contributions and totals, rounded half-up (away from zero). Ranking compares the rounded totals. */
  decimals: number;
  /** Deductions and vetoes from the attendance standing. */
  deductions: Deductions;
  /** Rank numbers for ties. */
  tieMethod: TieMethod;
  /** Criteria whose aggregates break ties of total, in priority order (higher first). */
  tieBreak: string[];
  /** The last rule of the chain. */
  finalTieBreak: FinalTieBreak;
  /** Who is selected. */
  selection: Selection;
}
/** An event at which attendance is taken. (core: attendance/mod.rs) */
export interface Event {
  /** Unique id. */
  id: EventId;
  /** Kind of event. */
  kind: EventKind;
  /** Title shown in reports. */
  title: string;
  /** Start, school-local. */
  start: string;
  /** End, school-local. */
  end: string;
  /** The member who leads the event and approves leave from it. */
  projectLeader?: MemberId | null;
  /** The organizing department, if any. */
  department?: Department | null;
}
/** An event's identifier. (core: attendance/mod.rs) */
export type EventId = string;
/** What kind of event attendance is taken at. The rulebook says which kinds count. (core: attendance/mod.rs) */
export type EventKind =
  | "regular_meeting"
  | "group_activity"
  | "duty_shift"
  | "rehearsal"
  | "other";
/** A plan and the ids of its milestones that are done: one entry of a batch countdown. (core: schedule/countdown.rs) */
export interface EventProgress {
  /** The plan. */
  plan: MilestonePlan;
  /** Ids of its milestones marked done. */
  done?: string[];
}
/** Money spent for an activity. (core: budget/ledger.rs) */
export interface Expense {
  /** The day of the expense. */
  date: string;
  /** The activity. */
  activity: ActivityId;
  /** The category, one of the line's categories when it lists any. */
  category: string;
  /** The amount spent. */
  amount: string;
  /** Who approves (authority `approve_expense`, within the role's amount limit). */
  approver: MemberId;
  /** The receipt reference (required by default). */
  receipt?: string;
  /** A free note. */
  note?: string;
}
/** The largest expense one role may approve (rulebook key `budget.expense_approval_limits`). (core: budget/policy.rs) */
export interface ExpenseApprovalLimit {
  /** The role. */
  role: Role;
  /** The largest single expense it may approve, in yuan. */
  max: string;
}
/** An expense as typed: the fields of [`Expense`], each text and optional. (core: forms/expense.rs) */
export interface ExpenseForm {
  /** The day of the expense, `YYYY-MM-DD`. Required; not after today. */
  date?: string | null;
  /** The activity (its id). Required. */
  activity?: string | null;
  /** The category, one of the activity's line's categories when it lists any (`budget.unknown_category`). */
  category?: string | null;
  /** The amount spent: yuan as text, e.g. `"45.50"`. Required. */
  amount?: FieldValue | null;
  /** Who approves (a member id). Required. */
  approver?: string | null;
  /** The receipt reference; required by default (`budget.missing_receipt`). */
  receipt?: string | null;
  /** A free note. */
  note?: string | null;
}
/** A place taken, and why this candidate holds it. (core: recruitment/mod.rs) */
export interface FilledPlace {
  /** The place class. */
  place: string;
  /** The place's number within its class, from 1. */
  slot: number;
  /** The candidate. */
  candidate: CandidateId;
  /** Their name. */
  name: string;
  /** Their examination score. */
  score: string;
  /** Their year of study. */
  yearOfStudy: number;
  /** Their skills. */
  skills: Skill[];
  /** Their position among the candidates eligible for this class, by score and tie rule, from 1. */
  rankInClass: number;
  /** How many candidates were eligible for this class. */
  eligibleInClass: number;
  /** The class's rule. */
  rule: RuleRef;
}
/** The last rule of the tie-break chain: orders candidates that nothing else separates. (core: evaluation/policy.rs) */
export type FinalTieBreak =
  | "candidate_id"
  | "input_order";
/** A judge's identifier. (core: evaluation/mod.rs) */
export type JudgeId = string;
/** One judge's score on a sheet's line. (core: evaluation/mod.rs) */
export interface JudgeScore {
  /** The raw score; `None` where the judge gave none and was skipped. */
  raw: string | null;
  /** Set when the trimmed mean dropped this score. Among equal scores, the judge listed first is dropped as lowest and the judge listed last as highest. */
  dropped?: DroppedEnd | null;
}
/** Which date of a plan a lead-time rule counts from. (core: activity/policy.rs) */
export type LeadTimeAnchor =
  | "notice"
  | "start";
/** How a date measures up to a lead-time rule. (core: schedule/lead_time.rs) */
export type LeadTimeOutcome =
  | "on_time"
  | "early"
  | "late";
/** A lead-time rule of the rulebook (key `schedule.lead_times.<id>`). (core: schedule/lead_time.rs) */
export interface LeadTimeRule {
  /** What is due, relative to what, e.g. "Board plan submitted before its issue". */
  title: string;
  /** The article of the source documents, e.g. `seed 000, plan I.1`. */
  article?: string;
  /** The window allowed. */
  window: LeadTimeWindow;
}
/** The verdict of a lead-time rule on a date, with the numbers behind it. (core: schedule/lead_time.rs) */
export interface LeadTimeVerdict {
  /** The rule's rulebook key and article. */
  rule: RuleRef;
  /** The anchor date (the board issue, the notice, the start of the activity...). */
  anchor: string;
  /** The date the thing was (or will be) done. */
  actual: string;
  /** The rule's window of dates, both inclusive; its last day is the deadline. */
  window: DateRange;
  /** On time, early or late. */
  outcome: LeadTimeOutcome;
  /** Days outside the on-time dates: 0 when on time, else how many days early or late (at least 1), counted in `day_count`. */
  daysOutside: number;
  /** Days from the anchor to the actual date, counted in `day_count` (negative before the anchor). */
  daysFromAnchor: number;
  /** How days were counted. */
  dayCount: DayCount;
}
/** The window a lead-time rule allows, relative to its anchor date. In the rulebook: `window = { days_before = { earliest = 7, latest = 5 } }`, `{ within_months = 1 }`...  Day counts follow the rulebook's `schedule.day_count`; months and month-days are calendar dates whatever the day count. (core: schedule/lead_time.rs) */
export type LeadTimeWindow =
  | { daysBefore: { earliest: number; latest: number } }
  | { daysAfter: { earliest: number; latest: number } }
  | { withinDays: number }
  | { withinMonths: number }
  | { beforeMonthDay: { month: number; day: number } };
/** What became of one leave request. (core: report.rs) */
export interface LeaveDecision {
  /** The request. */
  request: LeaveRequest;
  /** The grant, when approved. */
  granted: LeaveGrant | null;
  /** Every reason for refusal, when refused. */
  refused: Issue[];
}
/** Leave granted: the absence it covers is excused. (core: attendance/leave.rs) */
export interface LeaveGrant {
  /** Who is on leave. */
  member: MemberId;
  /** From which event. */
  event: EventId;
  /** Who stands in. */
  substitute: MemberId | null;
  /** Who approved. */
  approver: MemberId;
  /** The role under which they approved. */
  approvedAs: Role;
  /** The reason given. */
  reason: string;
  /** The rule applied. */
  rule: RuleRef;
}
/** Rulebook key `leave` (seed 000, discipline §3). (core: attendance/policy.rs) */
export interface LeavePolicy {
  /** A substitute must be arranged. */
  requireSubstitute: boolean;
  /** A reason must be given. */
  requireReason: boolean;
  /** Minimum minutes between the request and the start of the event. */
  minNoticeMinutes: number;
}
/** A member's request for leave from an event, with the approver's decision to grant it. (core: attendance/leave.rs) */
export interface LeaveRequest {
  /** Who asks for leave. */
  member: MemberId;
  /** From which event. */
  event: EventId;
  /** Why (required by default). */
  reason?: string;
  /** Who stands in (required by default). */
  substitute?: MemberId | null;
  /** Who approves: the event's project leader, or else the member's department head. */
  approver: MemberId;
  /** When the request was made, school-local. */
  requestedAt: string;
}
/** A leave request as typed: the fields of [`LeaveRequest`], each text and optional. (core: forms/leave.rs) */
export interface LeaveRequestForm {
  /** Who asks for leave (a member id). Required. */
  member?: string | null;
  /** From which event (an event id, e.g. `regular-meeting-2002-10-16`). Required. */
  event?: string | null;
  /** Why; the rulebook's leave policy requires it by default (`leave.no_reason`). */
  reason?: string | null;
  /** Who stands in (a member id); required by default (`leave.no_substitute`). */
  substitute?: string | null;
  /** Who approves (a member id). Required. */
  approver?: string | null;
  /** When the request is made, `YYYY-MM-DDTHH:MM`. Required; not after today. */
  requestedAt?: string | null;
}
/** One entry of the journal. (core: budget/ledger.rs) */
export interface LedgerEntry {
  /** Sequence number, from 1. */
  seq: number;
  /** The day of the entry. */
  date: string;
  /** What it records. */
  kind: EntryKind;
  /** The activity whose account it moves. */
  activity: ActivityId;
  /** The amount, yuan with two decimal places. */
  amount: string;
  /** Who approved it (for a settlement: who closed the account). */
  approver: MemberId;
  /** The role under which they approved it. */
  approvedAs?: Role | null;
  /** The expense category, e.g. `training_materials`; empty for other kinds. */
  category?: string;
  /** The receipt reference of an expense; empty for other kinds. */
  receipt?: string;
  /** A free note. */
  note?: string;
}
/** Any ledger operation, for data files and bindings: `{"expense": {...}}` (the key names the operation, so an error in its fields has an exact path such as `expense.amount`). (core: budget/ledger.rs) */
export type LedgerOperation =
  | { reserve: Reservation }
  | { allocate: Allocation }
  | { expense: Expense }
  | { settle: Settlement };
/** One limit an operation was checked against, and where it leaves it. (core: budget/ledger.rs) */
export interface LimitCheck {
  /** Which limit. */
  kind: LimitKind;
  /** The rule behind it. */
  rule: RuleRef;
  /** The limit. */
  limit: string;
  /** What counts against it after the operation. */
  used: string;
}
/** Which limit a check concerns. (core: budget/ledger.rs) */
export type LimitKind =
  | "activity_approved"
  | "line_max"
  | "annual_cap"
  | "approval_limit";
/** A member's mark for one event. (core: attendance/mod.rs) */
export type Mark =
  | "present"
  | "late"
  | "left_early"
  | "late_and_left_early"
  | "absent"
  | "excused";
/** A mark as recorded: either given directly, or as sign-in and sign-out times. (core: attendance/mod.rs) */
export interface MarkRecord {
  /** The member. */
  member: MemberId;
  /** The event. */
  event: EventId;
  /** The mark, when given directly. */
  mark?: Mark | null;
  /** Sign-in time, when the mark is derived. */
  signIn?: string | null;
  /** Sign-out time, when the mark is derived. */
  signOut?: string | null;
}
/** One regular meeting on the calendar. (core: schedule/meeting.rs) */
export interface MeetingOccurrence {
  /** Stable id: `regular-meeting-YYYY-MM-DD`. */
  id: string;
  /** The meeting's date. */
  date: string;
  /** Local start. */
  start: string;
  /** Local end. */
  end: string;
  /** The rule behind it. */
  rule: RuleRef;
}
/** How the weekly regular meetings of the term are turned into events. (core: report.rs) */
export interface MeetingSeries {
  /** Title of each meeting. */
  title: string;
  /** Who leads the meetings and approves leave from them; with none, each member's department head approves. */
  leader?: MemberId | null;
}
/** A member of the union. (core: members.rs) */
export interface Member {
  /** Unique id. */
  id: MemberId;
  /** Display name. */
  name: string;
  /** Intake-year cohort. */
  grade: Grade;
  /** Department. */
  department: Department;
  /** Standing role. */
  role: Role;
  /** Skills, e.g. `computer`, `organization_language`. */
  skills?: Skill[];
  /** Status. */
  status?: MemberStatus;
}
/** A member's identifier, unique in a roster (e.g. a student number).  Its `Debug` form is the quoted id (`"2002012"`), as error messages show it. (core: members.rs) */
export type MemberId = string;
/** A member's status in the union. (core: members.rs) */
export type MemberStatus =
  | "active"
  | "warned"
  | "expelled"
  | "resigned"
  | "reserve";
/** One milestone of a countdown. (core: schedule/countdown.rs) */
export interface MilestoneCountdown {
  /** The milestone's id. */
  id: string;
  /** The milestone's window. */
  window: DateRange;
  /** Where it stands today. */
  status: MilestoneStatus;
  /** Calendar days from today to the window's last day; negative once it has passed. */
  daysRemaining: number;
}
/** A template laid out on the calendar for one event. (core: schedule/plan.rs) */
export interface MilestonePlan {
  /** Identifies the event in exports (iCalendar UIDs). [`plan`] sets `<template id>-<event date>`; set your own stable id to keep UIDs when the date moves ([`replan`] keeps it). */
  eventId: string;
  /** The template's id in the rulebook. */
  templateId: string;
  /** The activity's name. */
  title: string;
  /** The event's (tentative) date. */
  eventDate: string;
  /** How the offsets were counted. */
  dayCount: DayCount;
  /** The template's rulebook key and article. */
  rule: RuleRef;
  /** The milestones, in the template's order. */
  milestones: PlannedMilestone[];
}
/** How one milestone moved. (core: schedule/plan.rs) */
export interface MilestoneShift {
  /** The milestone's id. */
  id: string;
  /** The window before the move. */
  oldWindow: DateRange;
  /** The window after the move. */
  newWindow: DateRange;
  /** Calendar days the window's last day moved (negative: earlier). In calendar-day counting every milestone moves as far as the event; in working days it may differ. */
  shiftDays: number;
  /** Where the new window stands against today. */
  timing: ReplanTiming;
}
/** Where a milestone stands today. (core: schedule/countdown.rs) */
export type MilestoneStatus =
  | "done"
  | "upcoming"
  | "in_window"
  | "due_today"
  | "overdue";
/** The steps of an activity, planned backward from its date (rulebook key `schedule.templates.<id>`). (core: schedule/template.rs) */
export interface MilestoneTemplate {
  /** The activity's name, e.g. "Welcome party". */
  title: string;
  /** The article of the source documents the template implements, e.g. `seed 000, plan I.4 welcome-party table`. */
  article?: string;
  /** The milestones, in the order of their windows' first days. */
  milestones: TemplateMilestone[];
}
/** What a judge's missing score means. (core: evaluation/policy.rs) */
export type MissingScore =
  | "error"
  | "skip_judge";
/** A day of the year, e.g. the recruitment deadline. (core: recruitment/policy.rs) */
export interface MonthDay {
  /** Month, 1-12. */
  month: number;
  /** Day of the month; 29 February is not allowed. */
  day: number;
}
/** What the next offence would do. (core: attendance/standing.rs) */
export interface NextConsequence {
  /** The counter closest to its limit. */
  counter: Counter;
  /** Offences left before the limit. */
  remaining: number;
  /** What reaching it gives. */
  outcome: StandingStatus;
}
/** What an activity waits for. (core: activity/report.rs) */
export type NextStep =
  | "submit"
  | "decide"
  | "start"
  | "complete"
  | "summarize"
  | "none";
/** Whether each judge's scores are first put on a common footing. (core: evaluation/policy.rs) */
export type Normalization =
  | "none"
  | "z_score";
/** A candidate not chosen, and why. (core: recruitment/mod.rs) */
export interface NotChosen {
  /** The candidate. */
  candidate: CandidateId;
  /** Their name. */
  name: string;
  /** Their score. */
  score: string | null;
  /** Why. */
  reason: NotChosenReason;
}
/** Why a candidate was not chosen. (core: recruitment/mod.rs) */
export type NotChosenReason =
  | { reason: "registered_after_deadline"; registeredOn: string; deadline: string }
  | { reason: "registered_after_decision"; registeredOn: string; decidedOn: string }
  | { reason: "no_exam_score" }
  | { reason: "below_min_score"; score: string; minScore: string }
  | { reason: "no_matching_place"; yearOfStudy: number }
  | { reason: "outranked"; places: string[]; lowestChosenScore: string | null; planFull: boolean }
  | { reason: "would_leave_places_unfilled"; requiredPlaces: number; places: number };
/** A named period of the school year: a semester, a holiday, a vacation. (core: calendar.rs) */
export interface Period {
  /** Name shown in reports, e.g. "Autumn 2026" or "National Day". */
  name: string;
  /** First day of the period. */
  start: string;
  /** Last day of the period (inclusive). */
  end: string;
}
/** A class of places of the quota plan: `count` places for candidates of a year of study and a skill (either may be open). (core: recruitment/policy.rs) */
export interface PlaceClass {
  /** Stable id, e.g. `first_year_computer`. */
  id: string;
  /** Title shown in reports. */
  title: string;
  /** How many places. */
  count: number;
  /** Whether every place must be filled for the plan to hold (reserve places need not). */
  required: boolean;
  /** Only candidates in this year of study (1 = the new students); absent: any year. */
  yearOfStudy?: number | null;
  /** Only candidates with this skill; absent: any skill. */
  skill?: Skill | null;
}
/** The budget of a plan against its line and the annual cap, with the rules used. (core: activity/validate.rs) */
export interface PlanBudget {
  /** The line. */
  line: string;
  /** The rule behind the line's range. */
  rule: RuleRef;
  /** The line's planned minimum. */
  plannedMin: string;
  /** The line's maximum. */
  plannedMax: string;
  /** The budget asked for. */
  requested: string;
  /** Whether the line counts toward the annual cap. */
  withinCap: boolean;
  /** The rule behind the cap. */
  capRule: RuleRef;
  /** The annual cap. */
  annualCap: string;
  /** What the year has committed so far inside the cap. */
  committed: string;
  /** What the cap still allows. */
  remainingCap: string;
}
/** A plan drafted on a day. (core: activity/year.rs) */
export interface PlanDraft {
  /** The day it was drafted. */
  on: string;
  /** The plan. */
  plan: ActivityPlan;
}
/** Everything [`validate_plan`] found. (core: activity/validate.rs) */
export interface PlanValidation {
  /** Whether the plan may be submitted: no problems (warnings allowed). */
  valid: boolean;
  /** Every problem, in the order of the plan's fields. */
  problems: Issue[];
  /** Every warning. */
  warnings: Issue[];
  /** The budget against its line and the cap, when the line is known. */
  budget: PlanBudget | null;
  /** The verdict of every lead-time rule that applies. */
  leadTimes: LeadTimeVerdict[];
}
/** An activity planned backward from its date with a milestone template. (core: report.rs) */
export interface PlannedActivity {
  /** Unique id. */
  id: string;
  /** Title. */
  title: string;
  /** The rulebook's milestone template, e.g. `welcome_party`. */
  template: string;
  /** The (possibly tentative) date of the activity. */
  date: string;
  /** Ids of milestones already done. */
  done?: string[];
}
/** One milestone of a plan, with its window of dates. (core: schedule/plan.rs) */
export interface PlannedMilestone {
  /** The template milestone's id. */
  id: string;
  /** What is done. */
  title: string;
  /** Who takes part. */
  participants?: string[];
  /** The template's comment. */
  note?: string;
  /** A role that must approve the result before the work goes on. */
  approval?: Role | null;
  /** The template's offset of the window's first day (days before the event). */
  earliestDaysBefore: number;
  /** The template's offset of the window's last day (days before the event). */
  latestDaysBefore: number;
  /** The dates of the window, both inclusive. The last day is the due date. */
  window: DateRange;
  /** The milestone's rulebook key (`schedule.templates.<id>.milestones[<i>]`) and article. */
  rule: RuleRef;
}
/** What an accepted operation posted: the entry's number and what the ledger decided (the amount as kept, the approving role), the limits checked, the warnings. The entry itself is [`BudgetLedger::entries`]`[seq - 1]`. (core: budget/ledger.rs) */
export interface Posting {
  /** The entry's sequence number. */
  seq: number;
  /** What the entry records. */
  kind: EntryKind;
  /** The amount, yuan with two decimal places (for a settlement: the reserve released). */
  amount: string;
  /** The role under which the entry was approved. */
  approvedAs?: Role | null;
  /** Every limit checked, with the rule and the numbers. */
  checks: LimitCheck[];
  /** Limits approached, plans below their range. */
  warnings: BudgetWarning[];
}
/** One change to the quota plan. (core: recruitment/mod.rs) */
export type QuotaChange =
  | { change: "open_skill"; place: string; skill: Skill }
  | { change: "open_year"; place: string; yearOfStudy: number }
  | { change: "reduce_count"; place: string; from: number; to: number }
  | { change: "lower_min_total"; from: number; to: number };
/** Every candidate's score sheet, ranked, with the selection. (core: evaluation/mod.rs) */
export interface Ranking {
  /** The scheme's id (`inline` for a scheme given with the input). */
  scheme: string;
  /** The scheme's title. */
  title: string;
  /** The scheme's rule. */
  rule: RuleRef;
  /** The aggregation used. */
  aggregation: Aggregation;
  /** The tie method used. */
  tieMethod: TieMethod;
  /** The judges, in the order of every row of scores. */
  judges: JudgeId[];
  /** The criteria, in the order of every sheet's lines and rows of scores. */
  criteria: CriterionId[];
  /** The sheets: ranked candidates best first, then vetoed ones in input order. */
  sheets: ScoreSheet[];
  /** The selected candidates, best first. */
  selected: CandidateId[];
  /** The rules the decisions apply. */
  rules: DecisionRules;
}
/** A record behind a reason. (core: attendance/standing.rs) */
export interface RecordRef {
  /** The event. */
  event: EventId;
  /** Its date. */
  date: string;
  /** Its kind. */
  kind: EventKind;
  /** The mark. */
  mark: Mark;
}
/** A recruitment application as typed: the fields of [`RecruitmentCandidate`], each text and optional. (core: forms/recruitment.rs) */
export interface RecruitmentApplicationForm {
  /** The candidate's id, e.g. the student number. Required. */
  id?: string | null;
  /** Their name. Required. */
  name?: string | null;
  /** Their intake-year cohort: `"02"`, `"2002"` (or the same as a number). Required. */
  grade?: FieldValue | null;
  /** Their skills, each a skill the rulebook's quota plan or team rules name (e.g. `computer`, `organization_language`). */
  skills?: string[] | null;
  /** `registration` or `referral`. Required. */
  source?: string | null;
  /** The member who referred them (a member id); required for a referral. */
  referredBy?: string | null;
  /** The day they registered, `YYYY-MM-DD`; today when blank. Not after today. */
  registeredOn?: string | null;
  /** Their examination score, when examined: within the examination scheme's scale. */
  score?: FieldValue | null;
}
/** A candidate of a recruitment round. (core: recruitment/mod.rs) */
export interface RecruitmentCandidate {
  /** Unique id, e.g. the student number. */
  id: CandidateId;
  /** Display name. */
  name: string;
  /** Intake-year cohort ("02" accepted). */
  grade: Grade;
  /** Skills, e.g. `computer`, `organization_language`. */
  skills?: Skill[];
  /** Registration or referral. */
  source: Source;
  /** The member who referred them, for a referral. */
  referredBy?: MemberId | null;
  /** The day they registered (or were referred). */
  registeredOn: string;
  /** Their public examination score; `None` when not (yet) examined. */
  score?: string | null;
}
/** Rulebook key `recruitment` (seed 000, recruitment and composition of members). (core: recruitment/policy.rs) */
export interface RecruitmentPolicy {
  /** The seed article. */
  article: string;
  /** The plan holds only with at least this many places filled. */
  minTotal: number;
  /** At most this many places are filled. */
  maxTotal: number;
  /** The recruitment is completed before this day of the recruitment year. */
  deadline: MonthDay;
  /** The evaluation scheme of the public examination. */
  examScheme: string;
  /** Candidates scoring below this are not placed (`"none"`: no pass mark). */
  minScore: PassMark;
  /** How equal scores are ordered. */
  tieBreak: RecruitmentTieBreak;
  /** The quota plan: classes of places, in the order ties between places are broken. */
  places: PlaceClass[];
  /** Team composition rules by id, e.g. `challenge_cup`. */
  teams: Record<string, TeamRules>;
}
/** A recruitment round: the year, the day of the allocation, the candidates. (core: recruitment/mod.rs) */
export interface RecruitmentRound {
  /** The recruitment year: the autumn the new students arrive (e.g. 2002). */
  year: number;
  /** The day the places are allocated; must be before the deadline. */
  decidedOn: string;
  /** The candidates. */
  candidates: RecruitmentCandidate[];
}
/** How candidates with equal examination scores are ordered. (core: recruitment/policy.rs) */
export type RecruitmentTieBreak =
  | "registered_on"
  | "candidate_id"
  | "input_order";
/** When the weekly regular meeting is held (rulebook key `schedule.regular_meeting`).  The seeds say "every week" but not which day: the default is Wednesday at 19:00 for 60 minutes, a mid-week evening clear of classes and of weekend trips home. (core: schedule/meeting.rs) */
export interface RegularMeetingPolicy {
  /** The day of the week (`"Wed"` or `"wednesday"`; written back as `"Wed"`). */
  weekday: Weekday;
  /** The local start time (`"19:00"`). */
  start: NaiveTime;
  /** How long the meeting lasts, in minutes. */
  durationMinutes: number;
}
/** A set of changes that would make the plan feasible with these candidates. (core: recruitment/mod.rs) */
export interface Relaxation {
  /** The changes, all needed. */
  changes: QuotaChange[];
  /** How many places the changes give up. */
  placesRemoved: number;
}
/** A plan moved to a new event date. (core: schedule/plan.rs) */
export interface Replan {
  /** The plan at the new date (same event id). */
  plan: MilestonePlan;
  /** The date the timings are judged against. */
  today: string;
  /** Calendar days the event moved (negative: earlier). */
  eventShiftDays: number;
  /** Each milestone's move, in the plan's order. */
  milestones: MilestoneShift[];
  /** Ids of the milestones whose new window closed before today. */
  past: string[];
  /** Ids of the milestones whose new window has already begun. */
  compressed: string[];
}
/** Where a replanned milestone stands against today. (core: schedule/plan.rs) */
export type ReplanTiming =
  | "ahead"
  | "compressed"
  | "past";
/** Funds reserved for an activity when its plan is approved: opens its account. (core: budget/ledger.rs) */
export interface Reservation {
  /** The day of approval. */
  date: string;
  /** The activity. */
  activity: ActivityId;
  /** Its title, for reports. */
  title: string;
  /** Its budget line in the rulebook, e.g. `challenge_cup`. */
  line: string;
  /** The organizing department: a department head approves only for their own. */
  department?: Department | null;
  /** The activity's project leader. */
  projectLeader?: MemberId | null;
  /** The approved budget (may be 0.00: the welcome party needs no special funds). */
  amount: string;
  /** Who approves (authority `approve_plan`). */
  approver: MemberId;
  /** A free note. */
  note?: string;
}
/** A risk and what the plan does about it (seed 000: "prepare two projectors in case of emergency"). (core: activity/mod.rs) */
export interface Risk {
  /** What may go wrong. */
  risk: string;
  /** What the plan does about it. */
  countermeasure: string;
}
/** A risk and its countermeasure as typed. (core: forms/plan.rs) */
export interface RiskForm {
  /** What may go wrong. */
  risk?: string | null;
  /** What the plan does about it. */
  countermeasure?: string | null;
}
/** A member's role. The rulebook's authority table says what each role may do. (core: members.rs) */
export type Role =
  | "president"
  | "vice_president"
  | "department_head"
  | "project_leader"
  | "officer"
  | "reserve_member"
  | "advisor";
/** How many team members one rule counts. (core: recruitment/team.rs) */
export interface RuleCount {
  /** The rule: its key and article. */
  rule: RuleRef;
  /** The rule's id (`size` for the team size). */
  id: string;
  /** Members counted. */
  count: number;
  /** The rule's minimum. */
  min: number | null;
  /** The rule's maximum. */
  max: number | null;
  /** The members counted. */
  members: MemberId[];
}
/** A rule's stable key and the seed article it implements, carried by every verdict. (core: rulebook/mod.rs) */
export interface RuleRef {
  /** The rulebook key holding the rule's numbers, e.g. `attendance.lateness_limit`. */
  key: string;
  /** The article of the source documents, e.g. `seed 000, discipline §2`. */
  article: string;
}
/** Every number of policy, by area. (core: rulebook/mod.rs) */
export interface Rulebook {
  /** Name and version. */
  meta: RulebookMeta;
  /** Which roles may take which action. */
  authority: AuthorityTable;
  /** Attendance and discipline (domain.md §1). */
  attendance: AttendancePolicy;
  /** Leave requests (domain.md §1, rule 3). */
  leave: LeavePolicy;
  /** Milestones, lead times, meetings (domain.md §5). */
  schedule: SchedulePolicy;
  /** Evaluation schemes: criteria, weights, scale, aggregation, deductions, ranking and selection (domain.md §2). */
  evaluation: EvaluationPolicy;
  /** The recruitment quota plan, deadline and team composition rules (domain.md §4). */
  recruitment: RecruitmentPolicy;
  /** The annual budget plan, activity budget lines, warning percentage and expense approval limits (domain.md §3). */
  budget: BudgetPolicy;
  /** Activity plans and their lifecycle: summary due days, required sections, submission lead times (domain.md §6). */
  activity: ActivityPolicy;
}
/** Name and version of a rulebook. (core: rulebook/mod.rs) */
export interface RulebookMeta {
  /** Human name, e.g. the school and department. */
  name: string;
  /** The school's own version label. */
  version: string;
}
/** Identifies the rulebook a result was computed with. (core: rulebook/mod.rs) */
export interface RulebookStamp {
  /** The rulebook's declared name. */
  name: string;
  /** The rulebook's declared version. */
  version: string;
  /** A fingerprint of its whole content (`fnv1a64:` and 16 hex digits). */
  fingerprint: string;
}
/** Scheduling policy of the rulebook (key `schedule`; domain.md §5). (core: schedule/mod.rs) */
export interface SchedulePolicy {
  /** How offsets and lead times count days. */
  dayCount: DayCount;
  /** Milestone templates by stable id (default: `welcome_party`). */
  templates: Record<string, MilestoneTemplate>;
  /** Lead-time rules by stable id (default: `board_plan`, `plan_after_notice`, `challenge_cup_setup`, `recruitment`). */
  leadTimes: Record<string, LeadTimeRule>;
  /** The weekly regular meeting. */
  regularMeeting: RegularMeetingPolicy;
}
/** A school's calendar for one term of office. (core: calendar.rs) */
export interface SchoolCalendar {
  /** The student union's term of office (the default attendance window). */
  term: DateRange;
  /** The semesters inside the term. */
  semesters?: Period[];
  /** Public holidays: days off even when they fall on a weekday. */
  holidays?: Period[];
  /** Vacations: no working days and no regular meetings. */
  vacations?: Period[];
  /** Weekend days that are working days (China's make-up days around public holidays). */
  makeupWorkdays?: string[];
  /** The days of the week that are off (default Saturday and Sunday). */
  weekend?: Weekday[];
}
/** One candidate's score sheet. (core: evaluation/mod.rs) */
export interface ScoreSheet {
  /** The candidate. */
  candidate: CandidateId;
  /** Their name. */
  name: string;
  /** Their category. */
  category?: string | null;
  /** One line per criterion, in the order of [`Ranking::criteria`]. */
  lines: CriterionLine[];
  /** Every judge's raw score per criterion, with the dropped ones marked. */
  scores: ScoreGrid;
  /** `sum(aggregate * weight) / sum of weights`, rounded once to the scheme's decimals. */
  subtotal: string;
  /** Deductions from the attendance standing. */
  deductions: Deduction[];
  /** `subtotal - deductions`. */
  total: string;
  /** Why the candidate is ineligible, if they are (boxed: few sheets have one). */
  veto?: Veto | null;
  /** The rank, by the scheme's tie method; `None` when vetoed. */
  rank: number | null;
  /** Selected or not, and why. */
  decision: Decision;
}
/** Who is selected once candidates are ranked. (core: evaluation/policy.rs) */
export interface Selection {
  /** At most this many selected. */
  topN: Limit;
  /** A total below this is not selected. */
  passMark: PassMark;
  /** At most this many selected per category, for categories not in `category_quotas`. */
  categoryQuota: Limit;
  /** Per-category limits, e.g. outstanding officers per department. */
  categoryQuotas?: Record<string, number>;
  /** The seed article behind the selection. */
  article: string;
}
/** A sample of selection data for the demo: Challenge Cup judges' scores for eight members of the sample term (one of them, 2002013, expelled in that term), a recruitment round of twelve candidates, and a Challenge Cup team. (core: report.rs) */
export interface SelectionData {
  /** A title for the report. */
  title: string;
  /** Challenge Cup talent selection: five judges, eight candidates. */
  challengeCup: EvaluationInput;
  /** Recruitment of new members, autumn 2002. */
  recruitment: RecruitmentRound;
  /** A Challenge Cup team, by member id of the sample term. */
  challengeCupTeam: MemberId[];
  /** The academic year the team's years of study are counted in. */
  teamYear: number;
}
/** Closing an activity's account: the unspent reserve goes back to the year. (core: budget/ledger.rs) */
export interface Settlement {
  /** The day the summary was filed (or the activity cancelled). */
  date: string;
  /** The activity. */
  activity: ActivityId;
  /** Who closes the account. */
  approver: MemberId;
  /** A free note. */
  note?: string;
}
/** A skill, as data: `computer`, `organization_language`... (core: members.rs) */
export type Skill = string;
/** How a candidate came forward ("a combination of registration and introduction"). (core: recruitment/mod.rs) */
export type Source =
  | "registration"
  | "referral";
/** A member's standing on a day. (core: attendance/standing.rs) */
export interface Standing {
  /** The member. */
  member: MemberId;
  /** The member's name. */
  name: string;
  /** Good, warning or expelled. */
  status: StandingStatus;
  /** The counts over the window. */
  counts: StandingCounts;
  /** One reason per counter with a nonzero count (and one for a prior expulsion). */
  reasons: StandingReason[];
  /** What the next offence would do; `None` once expelled. */
  nextConsequence: NextConsequence | null;
  /** The dates counted. */
  window: DateRange;
}
/** The counts of a standing, over its window. (core: attendance/standing.rs) */
export interface StandingCounts {
  /** Marked present. */
  present: number;
  /** Late arrivals at counted events. */
  late: number;
  /** Early leaves at counted events. */
  leftEarly: number;
  /** `late + left_early`: the lateness counter. */
  lateness: number;
  /** Unexcused absences from group activities: the absence counter. */
  absences: number;
  /** Absences covered by approved leave. */
  excused: number;
}
/** Why a standing is what it is: one counter, its limit, and its records. (core: attendance/standing.rs) */
export interface StandingReason {
  /** The rule applied. */
  rule: RuleRef;
  /** The counter, or `None` for a status set outside attendance (already expelled). */
  counter: Counter | null;
  /** The count. */
  count: number;
  /** The limit that expels. */
  limit: number;
  /** What this counter alone gives. */
  outcome: StandingStatus;
  /** The marks counted. */
  records: RecordRef[];
}
/** A member's standing status. (core: attendance/standing.rs) */
export type StandingStatus =
  | "good"
  | "warning"
  | "expelled";
/** A step of the lifecycle. (core: activity/mod.rs) */
export type StepAction =
  | "submit"
  | "approve"
  | "reject"
  | "start"
  | "complete"
  | "summarize"
  | "cancel";
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
/** What a team composition rule counts. (core: recruitment/policy.rs) */
export type TeamAttribute =
  | "year_of_study"
  | "skill"
  | "department"
  | "role";
/** The result of [`check_team`]: every rule's count, and every rule broken. (core: recruitment/team.rs) */
export interface TeamCheck {
  /** The rules' id, e.g. `challenge_cup`. */
  rules: string;
  /** The academic year the years of study are counted in. */
  year: number;
  /** Team size first, then each rule in the rulebook's order. */
  counts: RuleCount[];
  /** Every rule broken, in the same order; empty when the team is valid. */
  violations: CompositionViolation[];
}
/** Composition rules of a team (seed 000, Challenge Cup personnel composition). (core: recruitment/policy.rs) */
export interface TeamRules {
  /** Title. */
  title: string;
  /** The seed article. */
  article: string;
  /** Fewest members. */
  minSize: number;
  /** Most members. */
  maxSize: number;
  /** The rules. */
  rules: CompositionRule[];
}
/** One step of a template: what is done, by whom, and in which window of days before the event.  Offsets count days in the rulebook's `schedule.day_count`: calendar days by default, working days on a school calendar. A negative offset is a day after the event. (core: schedule/template.rs) */
export interface TemplateMilestone {
  /** Stable id, unique in the template: letters, digits, `_` or `-`. */
  id: string;
  /** What is done. */
  title: string;
  /** Who takes part (free text: departments, roles, people). */
  participants?: string[];
  /** The seed's comment on the step. */
  note?: string;
  /** The window opens this many days before the event. */
  earliestDaysBefore: number;
  /** The window closes this many days before the event (at most `earliest_days_before`). */
  latestDaysBefore: number;
  /** A role that must approve the step's result before the work goes on. */
  approval?: Role | null;
}
/** A term's data, as a school's secretary keeps it. (core: report.rs) */
export interface TermData {
  /** A title for the report. */
  title: string;
  /** The day the data was last brought up to date: the report's default "today". */
  asOf?: string | null;
  /** The school calendar. */
  calendar: SchoolCalendar;
  /** The weekly regular meetings, generated from the rulebook and the calendar; `None` for no generated meetings. */
  meetings?: MeetingSeries | null;
  /** The members. */
  members: Member[];
  /** Events other than the regular meetings. */
  events?: Event[];
  /** Leave requests, in the order they were made. */
  leaveRequests?: LeaveRequest[];
  /** Attendance marks. */
  marks?: MarkRecord[];
  /** Activities planned with milestone templates. */
  activities?: PlannedActivity[];
  /** The year's activity plans, their lifecycle and their money (domain.md §3, §6). */
  budgetYear?: ActivityYearData | null;
  /** Challenge Cup scores, a recruitment round and a team (domain.md §2, §4). */
  selection?: SelectionData | null;
}
/** The report of a term on a day. (core: report.rs) */
export interface TermReport {
  /** The report's title. */
  title: string;
  /** The day it was made for. */
  today: string;
  /** The rulebook used. */
  rulebook: RulebookStamp;
  /** Every member's standing. */
  standings: Standing[];
  /** Every leave request's decision. */
  leave: LeaveDecision[];
  /** Every planned activity's milestones and where they stand today. */
  activities: ActivityStatus[];
  /** The activities' lifecycle states on the day, when the data has a budget year. */
  activityStates?: ActivityReport | null;
  /** The budget on the day, when the data has a budget year. */
  budget?: BudgetReport | null;
  /** The Challenge Cup selection, with deductions and vetoes from the standings. */
  challengeCup?: Ranking | null;
  /** The Challenge Cup team's composition check. */
  team?: TeamCheck | null;
  /** The recruitment round's allocation. */
  recruitment?: Allocation | null;
}
/** How rank numbers are given to candidates tied on total and on every tie-break criterion. (core: evaluation/policy.rs) */
export type TieMethod =
  | "competition"
  | "dense"
  | "ordinal";
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
/** A place left empty. (core: recruitment/mod.rs) */
export interface UnfilledPlace {
  /** The place class. */
  place: string;
  /** The place's number within its class, from 1. */
  slot: number;
  /** Whether the plan requires it. */
  required: boolean;
  /** Why it is empty. */
  reason: UnfilledReason;
  /** The class's rule. */
  rule: RuleRef;
}
/** Why a place stays empty. (core: recruitment/mod.rs) */
export type UnfilledReason =
  | { reason: "no_eligible_candidate" }
  | { reason: "candidates_placed_elsewhere"; eligible: number }
  | { reason: "max_total_reached"; maxTotal: number };
/** Why a candidate is ineligible. (core: evaluation/mod.rs) */
export interface Veto {
  /** The rule: the scheme's veto key and its article. */
  rule: RuleRef;
  /** The standing status that vetoes. */
  status: StandingStatus;
  /** The standing's own reasons, with their rules and records. */
  reasons: StandingReason[];
}
/** One operation of a year, for data files: `{"draft": {...}}`, `{"step": {...}}`, `{"allocate": {...}}` or `{"expense": {...}}` (the key names the operation, so an error in its fields has an exact path such as `operations[3].expense.amount`). (core: activity/year.rs) */
export type YearOperation =
  | { draft: PlanDraft }
  | { step: ActivityStep }
  | { allocate: Allocation }
  | { expense: Expense };
