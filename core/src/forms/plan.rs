//! The activity plan form (seed 000, discipline §6 and the plan's "budget, feasibility,
//! risks").

use std::ops::Deref;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activity::{ActivityId, ActivityPlan, Risk, plan_findings};
use crate::members::{Department, MemberId};
use crate::report::TermData;
use crate::rulebook::Rulebook;

use super::fields::{FieldReader, FieldValue, nullable_list};
use super::{FormContext, FormOutcome, FormWarning};

/// A risk and its countermeasure as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RiskForm {
    /// What may go wrong.
    pub risk: Option<String>,
    /// What the plan does about it.
    pub countermeasure: Option<String>,
}

/// An activity plan as typed: the fields of [`ActivityPlan`], each text and optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ActivityPlanForm {
    /// Unique id: ASCII letters, digits, `_` and `-`. Required.
    pub id: Option<String>,
    /// Title (`activity.missing_field` when blank).
    pub title: Option<String>,
    /// The rulebook's budget line, e.g. `challenge_cup`. Required.
    pub line: Option<String>,
    /// The organizing department (`activity.missing_field` when blank).
    pub department: Option<String>,
    /// The project leader (a member id). Required.
    pub project_leader: Option<String>,
    /// What the activity is for (`activity.missing_field` when blank).
    pub purpose: Option<String>,
    /// First day, `YYYY-MM-DD`. Required.
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD`. Required.
    pub end: Option<String>,
    /// Who takes part (`activity.missing_field` when empty).
    #[serde(deserialize_with = "nullable_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    pub participants: Vec<String>,
    /// The budget asked for: yuan as text, e.g. `"180.00"`. Required.
    pub budget: Option<FieldValue>,
    /// The feasibility analysis.
    pub feasibility: Option<String>,
    /// Risks and countermeasures.
    #[serde(deserialize_with = "nullable_list")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<RiskForm>>"))]
    pub risks: Vec<RiskForm>,
    /// The day the notice calling for the plan was received, `YYYY-MM-DD`, if one was.
    pub notice_received: Option<String>,
}

impl From<&ActivityPlan> for ActivityPlanForm {
    fn from(p: &ActivityPlan) -> ActivityPlanForm {
        ActivityPlanForm {
            id: Some(p.id.0.clone()),
            title: Some(p.title.clone()),
            line: Some(p.line.clone()),
            department: Some(p.department.0.clone()),
            project_leader: Some(p.project_leader.0.clone()),
            purpose: Some(p.purpose.clone()),
            start: Some(p.start.to_string()),
            end: Some(p.end.to_string()),
            participants: p.participants.clone(),
            budget: Some(FieldValue::Text(p.budget.to_string())),
            feasibility: Some(p.feasibility.clone()),
            risks: p
                .risks
                .iter()
                .map(|r| RiskForm {
                    risk: Some(r.risk.clone()),
                    countermeasure: Some(r.countermeasure.clone()),
                })
                .collect(),
            notice_received: p.notice_received.map(|d| d.to_string()),
        }
    }
}

/// Whether the activity ends before it starts depends on the start.
const DEPENDS: &[(&str, &[&str])] = &[("end", &["start"])];

/// Checks an activity plan form as if submitted on `today`: the fields, then every rule of
/// [`crate::activity::validate_plan`], with the budget checked against its line's range and
/// the annual cap left by the term's budget year replayed up to `today` (an empty ledger
/// when the context has none), and `today` against the lead-time rules of
/// `activity.submission_lead_times` (working days on the context's calendar when the
/// rulebook counts them).
///
/// # Errors
///
/// The outcome holds every issue: `form.required` (`id`, `line`, `project_leader`,
/// `start`, `end`, `budget`), `form.invalid_date` (`start`, `end`, `notice_received`),
/// `form.invalid_amount` and `form.amount_as_number` (`budget`), then the plan rules' own
/// codes: `activity.invalid_id`, `budget.duplicate_activity`, `activity.missing_field`,
/// `activity.risk_without_countermeasure`, `budget.unknown_line`, `member.unknown`,
/// `activity.leader_inactive`, `activity.end_before_start`,
/// `activity.starts_before_submission`, `budget.negative_amount`,
/// `budget.too_many_decimals`, `budget.over_line_max`, `budget.over_annual_cap`,
/// `activity.submission_late`. Warnings: `budget.below_line_range`,
/// `budget.near_annual_cap`, `activity.submitted_early`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{ActivityPlanForm, check_activity_plan};
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let context = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 10).unwrap();
/// let mut form = ActivityPlanForm {
///     id: Some("science-fair-2002".into()),
///     title: Some("Science fair".into()),
///     line: Some("innovation_competition".into()),
///     department: Some("Science and Technology".into()),
///     project_leader: Some("2001004".into()),
///     purpose: Some("Show the students' inventions.".into()),
///     start: Some("2002-11-16".into()),
///     end: Some("2002-11-16".into()),
///     participants: vec!["Grade 02".into()],
///     budget: Some("350.00".into()),
///     feasibility: Some("The hall is free on Saturdays.".into()),
///     risks: vec![Default::default()],
///     notice_received: Some("2002-10-01".into()),
/// };
/// let outcome = check_activity_plan(&rb, &context, &form, today);
/// let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(issues, [
///     ("budget.over_line_max", "budget"),       // the line is 200-300 yuan
///     ("budget.over_annual_cap", "budget"),     // 180 already committed of 500
///     ("activity.missing_field", "risks[0].risk"),
///     ("activity.risk_without_countermeasure", "risks[0].countermeasure"),
///     ("activity.submission_late", "notice_received"), // due 3-4 days after the notice
/// ]);
///
/// form.budget = Some("280.00".into());
/// form.risks[0].risk = Some("Rain".into());
/// form.risks[0].countermeasure = Some("Move indoors".into());
/// form.notice_received = Some("2002-10-07".into());
/// let outcome = check_activity_plan(&rb, &context, &form, today);
/// assert!(outcome.is_success());
/// assert_eq!(outcome.warnings[0].code(), "budget.near_annual_cap");
/// ```
pub fn check_activity_plan(
    rulebook: &Rulebook,
    context: &TermData,
    form: &ActivityPlanForm,
    today: NaiveDate,
) -> FormOutcome<ActivityPlan> {
    FormContext::new(rulebook, context, today).check_activity_plan(form)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`check_activity_plan`] on this context: the roster and the budget year's ledger on
    /// the context's day are built once, at the first check that needs them.
    ///
    /// # Errors
    ///
    /// As [`check_activity_plan`]: the outcome holds every issue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::{ActivityPlanForm, FormContext};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 10, 10).unwrap());
    /// let form = ActivityPlanForm { budget: Some("1,200".into()), ..Default::default() };
    /// let outcome = context.check_activity_plan(&form);
    /// assert!(outcome.issues().iter().any(|e| (e.code(), e.path()) == ("form.invalid_amount", "budget")));
    /// ```
    pub fn check_activity_plan(&self, form: &ActivityPlanForm) -> FormOutcome<ActivityPlan> {
        let (rulebook, context, today) = (self.rules(), self.data(), self.today());
        let mut r = FieldReader::new();
        let id = r.required_text(form.id.as_deref(), "id");
        let line = r.required_text(form.line.as_deref(), "line");
        let leader = r.required_text(form.project_leader.as_deref(), "project_leader");
        let start = r.required_date(form.start.as_deref(), "start");
        let end = r.required_date(form.end.as_deref(), "end");
        let budget = r.required_money(form.budget.as_ref(), "budget");
        let notice_received = r.optional_date(form.notice_received.as_deref(), "notice_received");

        let (roster, ledger) = match self
            .roster()
            .and_then(|roster| Ok((roster, self.ledger()?)))
        {
            Ok(parts) => parts,
            Err(e) => return FormOutcome::refused(r, e),
        };
        let complete = id.is_some()
            && line.is_some()
            && leader.is_some()
            && start.is_some()
            && end.is_some()
            && budget.is_some()
            && !r.failed("notice_received");
        // Stand-ins for what could not be read; the problems they cause are dropped.
        let start_or_today = start.unwrap_or(today);
        let plan = ActivityPlan {
            id: ActivityId(id.unwrap_or_default()),
            title: form.title.clone().unwrap_or_default(),
            line: line.unwrap_or_default(),
            department: Department(form.department.clone().unwrap_or_default()),
            project_leader: MemberId(leader.unwrap_or_default()),
            purpose: form.purpose.clone().unwrap_or_default(),
            start: start_or_today,
            end: end.unwrap_or(start_or_today),
            participants: form.participants.clone(),
            budget: budget.unwrap_or(Decimal::ZERO),
            feasibility: form.feasibility.clone().unwrap_or_default(),
            risks: form
                .risks
                .iter()
                .map(|r| Risk {
                    risk: r.risk.clone().unwrap_or_default(),
                    countermeasure: r.countermeasure.clone().unwrap_or_default(),
                })
                .collect(),
            notice_received,
        };
        let findings = plan_findings(
            rulebook,
            roster,
            ledger,
            &plan,
            today,
            Some(&context.calendar),
        );
        let warnings: Vec<FormWarning> = findings
            .budget_warnings
            .into_iter()
            .map(FormWarning::from)
            .chain(
                findings
                    .activity_warnings
                    .into_iter()
                    .map(FormWarning::from),
            )
            .filter(|w| r.keeps(crate::Diagnostic::path(w), DEPENDS))
            .collect();
        let issues = r.finish(findings.problems, DEPENDS);
        FormOutcome::new(complete.then_some(plan), issues, warnings)
    }
}
