//! The board (publicity) plan submission form (seed 000, plan I.1: the board plan is
//! submitted 5 to 7 days before its issue).

use std::ops::Deref;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activity::{ActivityErrorKind, ActivityWarning};
use crate::error::Error;
use crate::report::TermData;
use crate::rulebook::Rulebook;
use crate::schedule::{LeadTimeOutcome, LeadTimeVerdict};

use super::fields::{FieldReader, present};
use super::{FormContext, FormOutcome, FormWarning};

/// The lead-time rule of the rulebook the board plan is judged by.
const BOARD_PLAN_RULE: &str = "board_plan";

/// A board plan's submission as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BoardPlanForm {
    /// The day the board issues, `YYYY-MM-DD`. Required.
    pub issue_date: Option<String>,
    /// The day the plan is (or will be) submitted, `YYYY-MM-DD`; today when blank.
    pub submitted_on: Option<String>,
}

/// Checks a board plan's submission day against the rulebook's lead-time rule
/// `schedule.lead_times.board_plan` (5 to 7 days before the issue by default), counting
/// days as the rulebook says (working days on the context's calendar when it counts them).
/// The record is the rule's verdict; a day before the window opens is accepted with a
/// warning ([`LeadTimeVerdict::is_warning`]), a day after it closes is refused
/// ([`LeadTimeVerdict::is_failure`]).
///
/// # Errors
///
/// The outcome holds every issue: `form.required` and `form.invalid_date`
/// (`issue_date`), `form.invalid_date` (`submitted_on`), `activity.submission_late`
/// (`issue_date`, the rule's anchor), and the rule's own errors
/// (`schedule.unknown_lead_time` when the rulebook lacks it,
/// `schedule.date_out_of_range`). Warning: `activity.submitted_early` (`issue_date`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{BoardPlanForm, check_board_plan};
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let context = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 16).unwrap();
/// let mut form = BoardPlanForm { issue_date: Some("2002-10-20".into()), submitted_on: None };
/// // Submitted today, 4 days before the issue: due by 15 October.
/// let outcome = check_board_plan(&rb, &context, &form, today);
/// let issue = &outcome.issues()[0];
/// assert_eq!((issue.code(), issue.path()), ("activity.submission_late", "issue_date"));
/// assert_eq!(issue.params()["days_late"], "1");
///
/// form.issue_date = Some("2002-10-30".into());
/// let outcome = check_board_plan(&rb, &context, &form, today);
/// assert!(outcome.data().unwrap().is_warning());
/// assert_eq!(outcome.warnings[0].code(), "activity.submitted_early");
/// ```
pub fn check_board_plan(
    rulebook: &Rulebook,
    context: &TermData,
    form: &BoardPlanForm,
    today: NaiveDate,
) -> FormOutcome<LeadTimeVerdict> {
    FormContext::new(rulebook, context, today).check_board_plan(form)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`check_board_plan`] on this context (the rule reads the term's calendar).
    ///
    /// # Errors
    ///
    /// As [`check_board_plan`]: the outcome holds every issue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::{BoardPlanForm, FormContext};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 10, 16).unwrap());
    /// let form = BoardPlanForm { issue_date: Some("20 October".into()), submitted_on: None };
    /// let outcome = context.check_board_plan(&form);
    /// let issue = &outcome.issues()[0];
    /// assert_eq!((issue.code(), issue.path()), ("form.invalid_date", "issue_date"));
    /// ```
    pub fn check_board_plan(&self, form: &BoardPlanForm) -> FormOutcome<LeadTimeVerdict> {
        let (rulebook, context, today) = (self.rules(), self.data(), self.today());
        let mut r = FieldReader::new();
        let issue_date = r.required_date(form.issue_date.as_deref(), "issue_date");
        let submitted_on = match present(form.submitted_on.as_deref()) {
            None => Some(today),
            Some(_) => r.optional_date(form.submitted_on.as_deref(), "submitted_on"),
        };
        let (Some(issue_date), Some(submitted_on)) = (issue_date, submitted_on) else {
            return FormOutcome::new(None, r.finish(Vec::new(), &[]), Vec::new());
        };
        let path = "issue_date";
        let verdict = match rulebook.schedule.check_lead_time(
            BOARD_PLAN_RULE,
            issue_date,
            submitted_on,
            Some(&context.calendar),
        ) {
            Ok(verdict) => verdict,
            Err(e) => {
                // The schedule names its anchor `anchor`: here it is the issue date.
                let e = if crate::Diagnostic::path(&e) == "anchor" {
                    e.at(path)
                } else {
                    e
                };
                r.fail(e);
                return FormOutcome::new(None, r.finish(Vec::new(), &[]), Vec::new());
            }
        };
        let mut warnings = Vec::new();
        match verdict.outcome {
            LeadTimeOutcome::Late => r.fail(Error::from(
                ActivityErrorKind::SubmissionLate {
                    rule: verdict.rule.clone(),
                    deadline: verdict.window.end,
                    submitted_on,
                    days_late: verdict.days_outside,
                }
                .at(path),
            )),
            LeadTimeOutcome::Early => {
                warnings.push(FormWarning::from(ActivityWarning::SubmittedEarly {
                    path: path.to_owned(),
                    rule: verdict.rule.clone(),
                    opens: verdict.window.start,
                    submitted_on,
                    days_early: verdict.days_outside,
                }))
            }
            LeadTimeOutcome::OnTime => {}
        }
        FormOutcome::new(Some(verdict), r.finish(Vec::new(), &[]), warnings)
    }
}
