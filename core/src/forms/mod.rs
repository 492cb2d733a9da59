//! Form checks: what a person typed into a form, checked against the term's data before it
//! is submitted, with every problem reported at once (issue #6: the browser forms of the
//! WebAssembly binding; the same functions serve any binding).
//!
//! A **form** is lenient: each field is text (or a list of text) and may be missing, so a
//! half-filled form still reads and every field's problem is found in one pass. A check
//! first reads each field as its type (`form.required`, `form.invalid_date`,
//! `form.invalid_datetime`, `form.invalid_amount`, `form.amount_as_number` for money sent
//! as a number, `form.invalid_number`, `form.invalid_choice`, `form.date_in_future`), then
//! runs the domain rules that already exist ([`AttendanceRegister::check_leave`],
//! [`crate::activity::check_plan`], [`BudgetLedger::expense_problems`], the recruitment
//! and lead-time rules) and keeps all their problems, except those about a field that
//! could not be read (its value was a stand-in). A text field the domain rule itself
//! requires (a leave's reason, a plan's title, an expense's receipt) is reported with the
//! rule's own code (`leave.no_reason`, `activity.missing_field`, `budget.missing_receipt`).
//! Field names are the domain record's snake_case names; keys a form does not know are
//! ignored (a page's form object may hold more than the record).
//!
//! Every check takes the rulebook, the term's data as its **context** ([`TermData`]: the
//! same object for every form of a page), the form and today, and gives a
//! [`FormOutcome`]: the domain record, or every issue, and the warnings.
//! [`FormOutcome::to_result`] turns it into a [`FormResult`], which serialises as zod's
//! `safeParse` does: `{"success": true, "data": ..., "warnings": [...]}` or
//! `{"success": false, "issues": [{"code", "path": ["risks", 1, "countermeasure"],
//! "message", "params"}], "warnings": [...]}`, messages in English or Simplified Chinese.
//!
//! | Form | Check | Record |
//! |---|---|---|
//! | leave request | [`check_leave_request`] | [`LeaveRequest`] |
//! | activity plan | [`check_activity_plan`] | [`ActivityPlan`] |
//! | expense | [`check_expense`] | [`Expense`] |
//! | recruitment application | [`check_recruitment_application`] | [`RecruitmentCandidate`] |
//! | board-plan submission | [`check_board_plan`] | [`LeadTimeVerdict`] |
//!
//! What a form page shows next to its fields comes from the same context:
//! [`member_standing`], [`event_countdown`] and [`budget_remaining`].
//!
//! Errors of the context itself (a member listed twice, a ledger that does not replay)
//! are reported under `context` (`context.members[3].id`).
//!
//! A page that checks its forms again and again (at every keystroke) keeps a
//! [`FormContext`]: the same checks as methods, with what they derive from the term (its
//! roster, attendance register and budget ledger) built once instead of at every call.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use secretariat::forms::{LeaveRequestForm, check_leave_request};
//! use secretariat::{Diagnostic, Locale, Rulebook, TermData};
//!
//! let context = TermData::sample();
//! let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
//! let form = LeaveRequestForm {
//!     member: Some("2002011".into()),
//!     event: Some("regular-meeting-2002-10-16".into()),
//!     reason: Some("Mid-term exam".into()),
//!     approver: Some("2002011".into()),
//!     requested_at: Some("2002-10-14 09:00".into()),
//!     ..LeaveRequestForm::default()
//! };
//! let outcome = check_leave_request(&Rulebook::default(), &context, &form, today);
//! let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
//! assert_eq!(issues, [("leave.no_substitute", "substitute"), ("leave.self_approval", "approver")]);
//!
//! let json = serde_json::to_value(outcome.to_result(Locale::ZhHans))?;
//! assert_eq!(json["success"], false);
//! assert_eq!(json["issues"][0]["path"], serde_json::json!(["substitute"]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod board;
mod context;
mod error;
mod expense;
mod fields;
mod leave;
mod outcome;
mod page;
mod plan;
mod recruitment;
#[cfg(test)]
mod tests;

pub use board::{BoardPlanForm, check_board_plan};
pub use context::FormContext;
pub use error::{FormError, FormErrorKind};
pub use expense::{ExpenseForm, check_expense};
pub use fields::FieldValue;
pub use leave::{LeaveRequestForm, check_leave_request};
pub use outcome::{FormIssue, FormOutcome, FormResult, FormWarning};
pub use page::{BudgetRemaining, budget_remaining, event_countdown, member_standing};
pub use plan::{ActivityPlanForm, RiskForm, check_activity_plan};
pub use recruitment::{RecruitmentApplicationForm, check_recruitment_application};

#[cfg(doc)]
use crate::{
    ActivityPlan, AttendanceRegister, BudgetLedger, LeaveRequest, budget::Expense,
    recruitment::RecruitmentCandidate, report::TermData, schedule::LeadTimeVerdict,
};

/// The path errors of the context are reported under.
const CONTEXT: &str = "context";
