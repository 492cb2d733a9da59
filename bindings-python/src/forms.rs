//! The core's form checks (`secretariat::forms`): a form as a dict in, the core's
//! `FormResult` out as a dict (`{"success", "data", "issues", "warnings"}`, paths as
//! segments, messages in the check's locale), and what a form page shows beside its fields
//! (a member's standing, an activity's countdown, what a budget has left).
//!
//! A form is what a person typed: a dict with the core's snake_case field names, text
//! values (dates may also be `datetime.date`/`datetime.datetime`, money `decimal.Decimal` or
//! an `int`), keys the form does not know ignored. A Python `float` in a form reaches the
//! core as the JSON number it is (never rounded), where money refuses it with
//! `form.amount_as_number`.
//!
//! A check never raises for what the form or the context holds: a form or a context that
//! cannot be read at all is a failure with that issue (the context's under `context`), as
//! in the WebAssembly binding. It raises `InputError` only for its arguments (a form that
//! is not a dict, a context that is neither a `TermData` nor a dict, an unknown locale, a
//! bad rulebook).

use std::borrow::Cow;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use serde::de::DeserializeOwned;

use secretariat::activity::ActivityId;
use secretariat::forms::{
    self, ActivityPlanForm, BoardPlanForm, ExpenseForm, FormOutcome, LeaveRequestForm,
    RecruitmentApplicationForm,
};
use secretariat::{Error, MemberId, Rulebook, TermData};

use crate::convert::{Numbers, arg, ints_as_decimals, invalid, to_py, to_value, type_name};
use crate::errors::{IntoPy, to_py_err};
use crate::report::PyTermData;
use crate::rulebook::rulebook_arg;

/// The `InputError` of an argument of the wrong type.
fn wrong_type(obj: &Bound<'_, PyAny>, path: &str, expected: &str) -> PyErr {
    let detail = format!("expected {expected}, not {}", type_name(obj));
    invalid(obj.py(), path, detail)
}

fn is_mapping(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyDict>() || obj.hasattr("items").unwrap_or(false)
}

/// Reads a form or its context with the core's reader: `Err(Ok(error))` is a value that
/// cannot be read (an issue of the form), `Err(Err(exception))` a wrong argument.
fn read<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
    path: &str,
    numbers: Numbers,
) -> Result<T, PyResult<Error>> {
    if !is_mapping(obj) {
        return Err(Err(wrong_type(obj, path, "a dict")));
    }
    to_value(obj, "", numbers)
        .and_then(|v| ints_as_decimals(v, |v| Ok(secretariat::input::from_json_value(v)?)))
        .map_err(Ok)
}

/// Reads the context of a form check (see [`read`]); a `TermData` is borrowed.
fn check_context<'a>(obj: &'a Bound<'_, PyAny>) -> Result<Cow<'a, TermData>, PyResult<Error>> {
    match obj.cast::<PyTermData>() {
        Ok(data) => Ok(Cow::Borrowed(&data.get().inner)),
        Err(_) => read(obj, "context", Numbers::Exact)
            .map(Cow::Owned)
            .map_err(|e| e.map(|e| e.within("context"))),
    }
}

/// Reads the arguments, runs `check` with the GIL released, and wraps the outcome.
#[allow(clippy::too_many_arguments)]
fn check_form<'py, F, T>(
    py: Python<'py>,
    form: &Bound<'py, PyAny>,
    context: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
    locale: Option<&Bound<'py, PyAny>>,
    check: fn(&Rulebook, &TermData, &F, NaiveDate) -> FormOutcome<T>,
) -> PyResult<Bound<'py, PyAny>>
where
    F: DeserializeOwned + Sync,
    T: Serialize + Send + Sync + 'static,
{
    let locale = crate::convert::locale(locale)?;
    let rulebook = rulebook_arg(rulebook)?;
    let today: NaiveDate = arg(today, "today")?;
    let read = read(form, "form", Numbers::Form)
        .and_then(|form: F| check_context(context).map(|c| (form, c)));
    let outcome = match read {
        Ok((form, context)) => {
            let (rb, ctx) = (rulebook.as_ref(), context.as_ref());
            py.detach(|| check(rb, ctx, &form, today))
        }
        Err(Ok(e)) => FormOutcome {
            result: Err(vec![e]),
            warnings: Vec::new(),
        },
        Err(Err(e)) => return Err(e),
    };
    to_py(py, &outcome.into_result(locale))
}

/// The Python function `$name(form, *, context, today, rulebook=None, locale="en")`: the
/// core's `forms::$name` through [`check_form`], `data` made by `$data`.
macro_rules! form_check {
    ($($(#[$doc:meta])* $name:ident($form:ty);)*) => {$(
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (form, *, context, today, rulebook = None, locale = None))]
        pub fn $name<'py>(
            py: Python<'py>,
            form: &Bound<'py, PyAny>,
            context: &Bound<'py, PyAny>,
            today: &Bound<'py, PyAny>,
            rulebook: Option<&Bound<'py, PyAny>>,
            locale: Option<&Bound<'py, PyAny>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            check_form(py, form, context, today, rulebook, locale, |rb, c, f: &$form, d| {
                forms::$name(rb, c, f, d)
            })
        }
    )*};
}

form_check! {
    /// Checks a leave request form (`member`, `event`, `reason`, `substitute`, `approver`,
    /// `requested_at`) against the term: every field, then every leave rule. `data` is a
    /// `LeaveRequest` dict.
    check_leave_request(LeaveRequestForm);
    /// Checks an activity plan form: every section, the budget against its line's range and
    /// the year's remaining cap, the submission against the lead-time rules. `data` is the
    /// activity plan as a dict (`budget` a `decimal.Decimal`).
    check_activity_plan(ActivityPlanForm);
    /// Checks an expense form: the fields, then the ledger's rules (the activity's approved
    /// budget, the annual cap, the approver's authority for the amount). `data` is the expense
    /// as a dict (`amount` a `decimal.Decimal`).
    check_expense(ExpenseForm);
    /// Checks a recruitment application form: the fields, the grade, the referral, the
    /// registration deadline. `data` is the candidate as a dict (`score` a `decimal.Decimal`).
    check_recruitment_application(RecruitmentApplicationForm);
    /// Checks a board (publicity) plan's submission date (`submitted_on`, by default today)
    /// against its `issue_date`. `data` is a `LeadTimeVerdict` dict.
    check_board_plan(BoardPlanForm);
}

/// Reads what a page computation takes (the rulebook, its id at `path`, `today`, the
/// context, which raises when it cannot be read), runs `compute` with the GIL released and
/// gives its result as a dict.
fn page<'py, I, T>(
    (id, path): (Option<&Bound<'py, PyAny>>, &str),
    (context, today, rulebook): (
        &Bound<'py, PyAny>,
        &Bound<'py, PyAny>,
        Option<&Bound<'py, PyAny>>,
    ),
    compute: impl FnOnce(&Rulebook, &TermData, &I, NaiveDate) -> secretariat::Result<T> + Send,
) -> PyResult<Bound<'py, PyAny>>
where
    I: DeserializeOwned + Sync,
    T: Serialize + Send,
{
    let py = context.py();
    let rulebook = rulebook_arg(rulebook)?;
    let id: I = arg(id.unwrap_or(&py.None().into_bound(py)), path)?;
    let today: NaiveDate = arg(today, "today")?;
    let context =
        check_context(context).map_err(|e| e.map_or_else(|e| e, |e| to_py_err(py, &e)))?;
    let (rb, ctx) = (rulebook.as_ref(), context.as_ref());
    to_py(py, &py.detach(|| compute(rb, ctx, &id, today)).py_err(py)?)
}

/// The Python function `$name` with the signature `$sig` (an id, `context`, `today`,
/// `rulebook`): the core's `forms::$name` through [`page`].
macro_rules! page_fn {
    ($($(#[$doc:meta])* $name:ident($id:ident, $($sig:tt)*) $compute:expr;)*) => {$(
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($($sig)*))]
        pub fn $name<'py>(
            $id: Option<&Bound<'py, PyAny>>,
            context: &Bound<'py, PyAny>,
            today: &Bound<'py, PyAny>,
            rulebook: Option<&Bound<'py, PyAny>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            page(($id, stringify!($id)), (context, today, rulebook), $compute)
        }
    )*};
}

page_fn! {
    /// A member's attendance standing on `today`, for a form page. Raises `MemberError`
    /// (`member.unknown`, path `member`) for an id not in the term; errors of the term data
    /// under `context`.
    member_standing(member, member, *, context, today, rulebook = None)
        |r: &_, c: &_, m: &MemberId, d| forms::member_standing(r, c, m, d);
    /// A planned activity's milestones and where they stand on `today`. Raises
    /// `ActivityError` (`activity.unknown`, path `activity`) for an id that is not among the
    /// context's planned activities.
    event_countdown(activity, activity, *, context, today, rulebook = None)
        |r: &_, c: &_, a: &String, d| forms::event_countdown(r, c, a, d);
    /// What the budget has left on `today`: `{"cap": {...}, "activity": {...}}` (the annual
    /// cap's `committed`, `spent` and `remaining`; `activity`'s account, when given, with
    /// `approved`, `spent` and `remaining`), money as `decimal.Decimal`. Raises `BudgetError`
    /// (`budget.unknown_activity`, path `activity`) for an activity without an account.
    budget_remaining(activity, *, activity = None, context, today, rulebook = None)
        |r: &_, c: &_, a: &Option<ActivityId>, d| forms::budget_remaining(r, c, a.as_ref(), d);
}
