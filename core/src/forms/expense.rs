//! The expense form (seed 000, responsibility 4: the use and management of funds).

use std::ops::Deref;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activity::ActivityId;
use crate::budget::{Expense, LedgerOperation};
use crate::members::MemberId;
use crate::report::TermData;
use crate::rulebook::Rulebook;

use super::fields::{FieldReader, FieldValue};
use super::{FormContext, FormErrorKind, FormOutcome, FormWarning};

/// An expense as typed: the fields of [`Expense`], each text and optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ExpenseForm {
    /// The day of the expense, `YYYY-MM-DD`. Required; not after today.
    pub date: Option<String>,
    /// The activity (its id). Required.
    pub activity: Option<String>,
    /// The category, one of the activity's line's categories when it lists any
    /// (`budget.unknown_category`).
    pub category: Option<String>,
    /// The amount spent: yuan as text, e.g. `"45.50"`. Required.
    pub amount: Option<FieldValue>,
    /// Who approves (a member id). Required.
    pub approver: Option<String>,
    /// The receipt reference; required by default (`budget.missing_receipt`).
    pub receipt: Option<String>,
    /// A free note.
    pub note: Option<String>,
}

impl From<&Expense> for ExpenseForm {
    fn from(e: &Expense) -> ExpenseForm {
        ExpenseForm {
            date: Some(e.date.to_string()),
            activity: Some(e.activity.0.clone()),
            category: Some(e.category.clone()),
            amount: Some(FieldValue::Text(e.amount.to_string())),
            approver: Some(e.approver.0.clone()),
            receipt: Some(e.receipt.clone()),
            note: Some(e.note.clone()),
        }
    }
}

/// Checks an expense form against the term's budget year replayed up to `today` (an empty
/// ledger when the context has none): the fields, then every refusal of
/// [`crate::BudgetLedger::record_expense`] at once
/// ([`crate::BudgetLedger::expense_problems`]). An accepted expense carries the ledger's
/// warnings (near the activity's approved budget, near the annual cap).
///
/// # Errors
///
/// The outcome holds every issue: `form.required` (`date`, `activity`, `amount`,
/// `approver`), `form.invalid_date` and `form.date_in_future` (`date`),
/// `form.invalid_amount` and `form.amount_as_number` (`amount`), then the ledger's own
/// codes: `budget.non_positive_amount`, `budget.too_many_decimals`,
/// `budget.outside_year`, `budget.before_reservation`, `budget.unknown_activity`,
/// `budget.account_settled`, `budget.unknown_category`, `budget.missing_receipt`,
/// `member.unknown`, `authority.not_permitted` (no authority over expenses, or not for the
/// amount), `budget.over_activity_max`. Warnings: `budget.near_activity_max`,
/// `budget.near_annual_cap`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{ExpenseForm, check_expense};
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let context = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 12, 2).unwrap();
/// let mut form = ExpenseForm {
///     date: Some("2002-12-02".into()),
///     activity: Some("challenge-cup-2002".into()),
///     category: Some("training_materials".into()),
///     amount: Some("20.00".into()),
///     approver: Some("2000002".into()),
///     ..ExpenseForm::default()
/// };
/// // 165.50 of the 180.00 approved is spent: 20.00 more is over; and no receipt.
/// let outcome = check_expense(&rb, &context, &form, today);
/// let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(issues, [
///     ("budget.missing_receipt", "receipt"),
///     ("budget.over_activity_max", "amount"),
/// ]);
///
/// form.amount = Some("14.50".into());
/// form.receipt = Some("CC-2002-003".into());
/// let outcome = check_expense(&rb, &context, &form, today);
/// assert_eq!(outcome.data().unwrap().amount.to_string(), "14.50");
/// assert_eq!(outcome.warnings[0].code(), "budget.near_activity_max");
/// ```
pub fn check_expense(
    rulebook: &Rulebook,
    context: &TermData,
    form: &ExpenseForm,
    today: NaiveDate,
) -> FormOutcome<Expense> {
    FormContext::new(rulebook, context, today).check_expense(form)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`check_expense`] on this context: the roster and the budget year's ledger on the
    /// context's day are built once, at the first check that needs them.
    ///
    /// # Errors
    ///
    /// As [`check_expense`]: the outcome holds every issue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::{ExpenseForm, FormContext};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 12, 2).unwrap());
    /// let form = ExpenseForm { date: Some("2002-12-03".into()), ..Default::default() };
    /// let outcome = context.check_expense(&form);
    /// let issue = &outcome.issues()[0];
    /// assert_eq!((issue.code(), issue.path()), ("form.date_in_future", "date"));
    /// ```
    pub fn check_expense(&self, form: &ExpenseForm) -> FormOutcome<Expense> {
        let (rulebook, today) = (self.rules(), self.today());
        let mut r = FieldReader::new();
        let date = r.required_date(form.date.as_deref(), "date");
        if let Some(d) = date
            && d > today
        {
            r.fail(FormErrorKind::DateInFuture { date: d, today }.at("date"));
        }
        let activity = r.required_text(form.activity.as_deref(), "activity");
        let amount = r.required_money(form.amount.as_ref(), "amount");
        let approver = r.required_text(form.approver.as_deref(), "approver");

        let (roster, ledger) = match self
            .roster()
            .and_then(|roster| Ok((roster, self.ledger()?)))
        {
            Ok(parts) => parts,
            Err(e) => return FormOutcome::refused(r, e),
        };
        let complete = activity.is_some() && approver.is_some() && amount.is_some();
        // Stand-ins for what could not be read; the problems they cause are dropped.
        let expense = Expense {
            date: date.unwrap_or(today),
            activity: ActivityId(activity.unwrap_or_default()),
            category: form.category.clone().unwrap_or_default(),
            amount: amount.unwrap_or(Decimal::ZERO),
            approver: MemberId(approver.unwrap_or_default()),
            receipt: form.receipt.clone().unwrap_or_default(),
            note: form.note.clone().unwrap_or_default(),
        };
        let problems = ledger.expense_problems(rulebook, roster, &expense);
        let mut warnings = Vec::new();
        let mut issues = r.finish(problems, &[]);
        if complete && issues.is_empty() {
            // Nothing refuses it: what the ledger would post, with its warnings.
            match ledger.check(rulebook, roster, &LedgerOperation::Expense(expense.clone())) {
                Ok(posting) => warnings.extend(posting.warnings.into_iter().map(FormWarning::from)),
                Err(e) => issues.push(e),
            }
        }
        FormOutcome::new(complete.then_some(expense), issues, warnings)
    }
}
