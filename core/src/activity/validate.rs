//! Plan validation: every problem at once, for a form.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::budget::{BudgetErrorKind, BudgetLedger, BudgetWarning, check_amount, reaches_percent};
use crate::calendar::SchoolCalendar;
use crate::diagnostic::{Issue, Locale};
use crate::error::Error;
use crate::members::{MemberErrorKind, Roster};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;
use crate::schedule::{LeadTimeOutcome, LeadTimeVerdict};

use super::{ActivityErrorKind, ActivityPlan, ActivityWarning, LeadTimeAnchor, check_activity_id};

/// The budget of a plan against its line and the annual cap, with the rules used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanBudget {
    /// The line.
    pub line: String,
    /// The rule behind the line's range.
    pub rule: RuleRef,
    /// The line's planned minimum.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_min: Decimal,
    /// The line's maximum.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_max: Decimal,
    /// The budget asked for.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub requested: Decimal,
    /// Whether the line counts toward the annual cap.
    pub within_cap: bool,
    /// The rule behind the cap.
    pub cap_rule: RuleRef,
    /// The annual cap.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub annual_cap: Decimal,
    /// What the year has committed so far inside the cap.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub committed: Decimal,
    /// What the cap still allows.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub remaining_cap: Decimal,
}

/// Everything [`validate_plan`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanValidation {
    /// Whether the plan may be submitted: no problems (warnings allowed).
    pub valid: bool,
    /// Every problem, in the order of the plan's fields; each shown in any locale by
    /// [`Issue::message_in`] (code and parameters are kept).
    pub problems: Vec<Issue>,
    /// Every warning.
    pub warnings: Vec<Issue>,
    /// The budget against its line and the cap, when the line is known.
    pub budget: Option<PlanBudget>,
    /// The verdict of every lead-time rule that applies.
    pub lead_times: Vec<LeadTimeVerdict>,
}

/// What the checks found, typed (also what [`crate::forms`] reports).
pub(crate) struct Findings {
    pub(crate) problems: Vec<Error>,
    pub(crate) activity_warnings: Vec<ActivityWarning>,
    pub(crate) budget_warnings: Vec<BudgetWarning>,
    budget: Option<PlanBudget>,
    lead_times: Vec<LeadTimeVerdict>,
}

/// Every reason the plan could not be submitted on `today`, in the order of its fields;
/// empty when it can. See [`validate_plan`] for the checks.
pub fn check_plan(
    rulebook: &Rulebook,
    roster: &Roster,
    ledger: &BudgetLedger,
    plan: &ActivityPlan,
    today: NaiveDate,
    calendar: Option<&SchoolCalendar>,
) -> Vec<Error> {
    findings(rulebook, roster, ledger, plan, today, calendar).problems
}

/// Validates a plan as if submitted on `today` and returns every problem at once (not only
/// the first), every warning, and the numbers used, with messages in `locale`: what a
/// browser form calls.
///
/// The checks, in the order of the plan's fields: the id (`activity.invalid_id`,
/// `budget.duplicate_activity` when the ledger already holds funds for it); title,
/// department, purpose, participants, feasibility and risks present
/// (`activity.missing_field`), each risk with a countermeasure
/// (`activity.risk_without_countermeasure`); the line known (`budget.unknown_line`); the
/// project leader a known (`member.unknown`), active (`activity.leader_inactive`) member;
/// the end not before the start (`activity.end_before_start`), the start not before today
/// (`activity.starts_before_submission`); the budget an amount
/// (`budget.negative_amount`, `budget.too_many_decimals`) within its line's maximum
/// (`budget.over_line_max`; below the minimum is a warning) and the remaining annual cap
/// (`budget.over_annual_cap`; near it is a warning); today against the rulebook's
/// `activity.submission_lead_times` (`activity.submission_late`; early is a warning).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::activity::{ActivityYearData, validate_plan};
/// use secretariat::{Locale, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let roster = TermData::sample().roster()?;
/// let today = NaiveDate::from_ymd_opt(2003, 3, 3).unwrap();
/// let year = ActivityYearData::sample().replay(&rb, &roster, None, today)?;
/// let mut plan = year.book.get(&"innovation-competition-2003".into()).unwrap().plan.clone();
/// plan.purpose.clear();
/// plan.budget = "350.005".parse()?;
/// let v = validate_plan(&rb, &roster, &year.ledger, &plan, today, None, Locale::En);
/// let codes: Vec<_> = v.problems.iter().map(|i| (i.code.as_str(), i.path.as_str())).collect();
/// assert_eq!(codes, [("activity.missing_field", "purpose"), ("budget.too_many_decimals", "budget")]);
/// assert!(!v.valid);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_plan(
    rulebook: &Rulebook,
    roster: &Roster,
    ledger: &BudgetLedger,
    plan: &ActivityPlan,
    today: NaiveDate,
    calendar: Option<&SchoolCalendar>,
    locale: Locale,
) -> PlanValidation {
    let f = findings(rulebook, roster, ledger, plan, today, calendar);
    let mut warnings: Vec<Issue> = f
        .budget_warnings
        .iter()
        .map(|w| Issue::from_diagnostic(w, locale))
        .collect();
    warnings.extend(
        f.activity_warnings
            .iter()
            .map(|w| Issue::from_diagnostic(w, locale)),
    );
    PlanValidation {
        valid: f.problems.is_empty(),
        problems: f.problems.iter().map(|e| e.issue(locale)).collect(),
        warnings,
        budget: f.budget,
        lead_times: f.lead_times,
    }
}

fn missing(problems: &mut Vec<Error>, text: &str, path: &str, field: &'static str) {
    if text.trim().is_empty() {
        problems.push(ActivityErrorKind::MissingField { field }.at(path).into());
    }
}

pub(crate) fn findings(
    rulebook: &Rulebook,
    roster: &Roster,
    ledger: &BudgetLedger,
    plan: &ActivityPlan,
    today: NaiveDate,
    calendar: Option<&SchoolCalendar>,
) -> Findings {
    let policy = &rulebook.activity;
    let mut f = Findings {
        problems: Vec::new(),
        activity_warnings: Vec::new(),
        budget_warnings: Vec::new(),
        budget: None,
        lead_times: Vec::new(),
    };
    let problems = &mut f.problems;

    if let Err(e) = check_activity_id(&plan.id, "id") {
        problems.push(e.into());
    } else if ledger.has_account(&plan.id) {
        problems.push(
            BudgetErrorKind::DuplicateActivity {
                activity: plan.id.clone(),
            }
            .at("id")
            .into(),
        );
    }
    missing(problems, &plan.title, "title", "title");
    let line = rulebook.budget.line(&plan.line);
    if line.is_none() {
        problems.push(
            BudgetErrorKind::UnknownLine {
                line: plan.line.clone(),
            }
            .at("line")
            .into(),
        );
    }
    missing(problems, &plan.department.0, "department", "department");
    match roster.get(&plan.project_leader) {
        None => problems.push(
            MemberErrorKind::Unknown {
                id: plan.project_leader.clone(),
            }
            .at("project_leader")
            .into(),
        ),
        Some(m) if !m.status.is_active() => problems.push(
            ActivityErrorKind::LeaderInactive {
                leader: m.id.clone(),
            }
            .at("project_leader")
            .into(),
        ),
        Some(_) => {}
    }
    missing(problems, &plan.purpose, "purpose", "purpose");
    if plan.start < today {
        problems.push(
            ActivityErrorKind::StartsBeforeSubmission {
                start: plan.start,
                submitted_on: today,
            }
            .at("start")
            .into(),
        );
    }
    if plan.end < plan.start {
        problems.push(
            ActivityErrorKind::EndBeforeStart {
                start: plan.start,
                end: plan.end,
            }
            .at("end")
            .into(),
        );
    }
    if plan.participants.is_empty() {
        missing(problems, "", "participants", "participants");
    }
    for (i, p) in plan.participants.iter().enumerate() {
        if p.trim().is_empty() {
            missing(problems, p, &format!("participants[{i}]"), "participant");
        }
    }
    match check_amount(plan.budget, true, || "budget".to_owned()) {
        Err(e) => problems.push(e.into()),
        Ok(amount) => {
            if let Some(line) = line {
                check_budget(rulebook, ledger, plan, amount, line, &mut f);
            }
        }
    }
    let problems = &mut f.problems;
    if policy.require_feasibility {
        missing(problems, &plan.feasibility, "feasibility", "feasibility");
    }
    if policy.require_risks && plan.risks.is_empty() {
        missing(problems, "", "risks", "risks");
    }
    for (i, r) in plan.risks.iter().enumerate() {
        missing(problems, &r.risk, &format!("risks[{i}].risk"), "risk");
        if r.countermeasure.trim().is_empty() {
            problems.push(
                ActivityErrorKind::RiskWithoutCountermeasure {
                    risk: r.risk.clone(),
                }
                .at(format!("risks[{i}].countermeasure"))
                .into(),
            );
        }
    }
    check_lead_times(rulebook, plan, today, calendar, &mut f);
    f
}

/// The budget against its line's range and the remaining annual cap.
fn check_budget(
    rulebook: &Rulebook,
    ledger: &BudgetLedger,
    plan: &ActivityPlan,
    amount: Decimal,
    line: &crate::budget::BudgetLine,
    f: &mut Findings,
) {
    let policy = &rulebook.budget;
    if amount > line.max {
        f.problems.push(
            BudgetErrorKind::OverLineMax {
                activity: plan.id.clone(),
                line: plan.line.clone(),
                approved_after: amount,
                max: line.max,
            }
            .at("budget")
            .into(),
        );
    } else if amount < line.min {
        f.budget_warnings.push(BudgetWarning::BelowLineRange {
            path: "budget".into(),
            line: plan.line.clone(),
            amount,
            min: line.min,
        });
    }
    let committed = ledger.committed_within_cap();
    if line.within_cap {
        match committed.checked_add(amount) {
            Some(after) if after <= policy.annual_cap => {
                if reaches_percent(after, policy.annual_cap, policy.warning_percent) {
                    f.budget_warnings.push(BudgetWarning::NearAnnualCap {
                        path: "budget".into(),
                        used: after,
                        cap: policy.annual_cap,
                        percent: policy.warning_percent,
                    });
                }
            }
            Some(after) => f.problems.push(
                BudgetErrorKind::OverAnnualCap {
                    committed_after: after,
                    cap: policy.annual_cap,
                }
                .at("budget")
                .into(),
            ),
            None => f
                .problems
                .push(BudgetErrorKind::Overflow.at("budget").into()),
        }
    }
    f.budget = Some(PlanBudget {
        line: plan.line.clone(),
        rule: policy.line_rule(&plan.line),
        planned_min: line.min,
        planned_max: line.max,
        requested: amount,
        within_cap: line.within_cap,
        cap_rule: policy.cap_rule(),
        annual_cap: policy.annual_cap,
        committed,
        remaining_cap: policy.annual_cap.saturating_sub(committed),
    });
}

/// Today against every lead-time rule of `activity.submission_lead_times` whose anchor the
/// plan has.
fn check_lead_times(
    rulebook: &Rulebook,
    plan: &ActivityPlan,
    today: NaiveDate,
    calendar: Option<&SchoolCalendar>,
    f: &mut Findings,
) {
    let rules = &rulebook.activity.submission_lead_times;
    if rules.is_empty() {
        return;
    }
    let counter = match rulebook.schedule.day_counter(calendar) {
        Ok(c) => c,
        Err(e) => {
            f.problems.push(e.into());
            return;
        }
    };
    for (id, anchor) in rules {
        let anchor_date = match anchor {
            LeadTimeAnchor::Notice => match plan.notice_received {
                Some(d) => d,
                None => continue,
            },
            LeadTimeAnchor::Start => plan.start,
        };
        let path = anchor.field();
        let verdict = match rulebook
            .schedule
            .check_lead_time_with(id, anchor_date, today, &counter)
        {
            Ok(v) => v,
            Err(e) => {
                // The schedule names its anchor `anchor`: here it is the plan's field.
                f.problems.push(e.at(path).into());
                continue;
            }
        };
        match verdict.outcome {
            LeadTimeOutcome::Late => f.problems.push(
                ActivityErrorKind::SubmissionLate {
                    rule: verdict.rule.clone(),
                    deadline: verdict.window.end,
                    submitted_on: today,
                    days_late: verdict.days_outside,
                }
                .at(path)
                .into(),
            ),
            LeadTimeOutcome::Early => f.activity_warnings.push(ActivityWarning::SubmittedEarly {
                path: path.to_owned(),
                rule: verdict.rule.clone(),
                opens: verdict.window.start,
                submitted_on: today,
                days_early: verdict.days_outside,
            }),
            LeadTimeOutcome::OnTime => {}
        }
        f.lead_times.push(verdict);
    }
}
