//! The core's form checks (`secretariat::forms`): a form as a dict in, a `FormResult` out,
//! and what a form page shows beside its fields (a member's standing, an activity's
//! countdown, what a budget has left).
//!
//! A form is what a person typed: a dict with the core's snake_case field names, text
//! values (dates may also be `datetime.date`/`datetime.datetime`, money `decimal.Decimal`),
//! keys the form does not know ignored. A Python `float` in a form reaches the core as the
//! JSON number it is (never rounded), where money refuses it with `form.amount_as_number`.
//!
//! A check never raises for what the form or the context holds: a form or a context that
//! cannot be read at all is a failure with that issue (the context's under `context`), as
//! in the WebAssembly binding. It raises only for its arguments (a form that is not a
//! dict, a context that is neither a `TermData` nor a dict, an unknown locale, a bad
//! rulebook).

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use secretariat::activity::ActivityId;
use secretariat::forms::{
    self, ActivityPlanForm, BoardPlanForm, ExpenseForm, FormOutcome, FormResult, LeaveRequestForm,
    RecruitmentApplicationForm,
};
use secretariat::{Error, Locale, MemberId, Rulebook, TermData};

use crate::attendance::{PyLeaveRequest, PyStanding};
use crate::classes::{PyIssue, q};
use crate::convert::{Numbers, from_py, to_py, to_value};
use crate::errors::IntoPy;
use crate::report::{PyActivityStatus, PyTermData};
use crate::rulebook::rulebook_arg;
use crate::schedule::PyLeadTimeVerdict;

/// The context argument: a `TermData` object (borrowed) or one read from a dict.
enum Context<'py> {
    Object(Bound<'py, PyTermData>),
    Read(Box<TermData>),
}

impl Context<'_> {
    fn get(&self) -> &TermData {
        match self {
            Context::Object(data) => &data.get().inner,
            Context::Read(data) => data,
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn is_mapping(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<PyDict>() || obj.hasattr("items").unwrap_or(false)
}

/// Reads the context of a form check: `Err(Ok(error))` is a context that cannot be read
/// (an issue of the form), `Err(Err(exception))` a wrong argument.
fn check_context<'py>(obj: &Bound<'py, PyAny>) -> Result<Context<'py>, PyResult<Error>> {
    if let Ok(data) = obj.cast::<PyTermData>() {
        return Ok(Context::Object(data.clone()));
    }
    if !is_mapping(obj) {
        return Err(Err(PyTypeError::new_err(format!(
            "context must be a TermData or a dict, not {}",
            type_name(obj)
        ))));
    }
    to_value(obj, "", Numbers::Exact)
        .and_then(|value| secretariat::input::from_json_value(value).map_err(Error::from))
        .map(|data| Context::Read(Box::new(data)))
        .map_err(|e| Ok(e.within("context")))
}

/// Reads the context of a page computation: a context that cannot be read raises.
fn page_context<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Context<'py>> {
    if let Ok(data) = obj.cast::<PyTermData>() {
        return Ok(Context::Object(data.clone()));
    }
    if !is_mapping(obj) {
        return Err(PyTypeError::new_err(format!(
            "context must be a TermData or a dict, not {}",
            type_name(obj)
        )));
    }
    from_py(obj, "context", Numbers::Exact).map(|data| Context::Read(Box::new(data)))
}

/// Reads a form: `Err(Ok(error))` is a form that cannot be read (an issue of the form).
fn read_form<F: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Result<F, PyResult<Error>> {
    if !is_mapping(obj) {
        return Err(Err(PyTypeError::new_err(format!(
            "a form must be a dict of its fields, not {}",
            type_name(obj)
        ))));
    }
    to_value(obj, "", Numbers::Form)
        .and_then(|value| secretariat::input::from_json_value(value).map_err(Error::from))
        .map_err(Ok)
}

/// How the record of an accepted form is given to Python.
type DataFn<T> = for<'py> fn(Python<'py>, &T) -> PyResult<Bound<'py, PyAny>>;

/// The record as a dict (money as `decimal.Decimal`, dates as `datetime.date`).
fn as_dict<'py, T: Serialize>(py: Python<'py>, data: &T) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, data)
}

/// The record as the binding's class for it.
fn as_class<'py, T: Clone, C>(py: Python<'py>, data: &T) -> PyResult<Bound<'py, PyAny>>
where
    C: From<T> + pyo3::PyClass + Into<pyo3::PyClassInitializer<C>>,
{
    Ok(Bound::new(py, C::from(data.clone()))?.into_any())
}

/// A form result of any record type, behind one Python class.
trait Output: Send + Sync {
    /// The record as Python, or `None` when the form is refused.
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// The core's plain form of the result, as Python.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// The core's plain form of the result, as JSON (for equality).
    fn json(&self) -> Value;
}

struct Typed<T> {
    result: FormResult<T>,
    data: DataFn<T>,
}

impl<T: Serialize + Send + Sync> Output for Typed<T> {
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.result {
            FormResult::Success { data, .. } => (self.data)(py, data),
            FormResult::Failure { .. } => Ok(py.None().into_bound(py)),
        }
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.result)
    }
    fn json(&self) -> Value {
        serde_json::to_value(&self.result).unwrap_or(Value::Null)
    }
}

/// The outcome of a form check: the checked record, or every issue; the warnings either
/// way.
#[pyclass(frozen, module = "secretariat._core", name = "FormResult")]
pub struct PyFormResult {
    success: bool,
    issues: Vec<PyIssue>,
    warnings: Vec<PyIssue>,
    locale: Locale,
    output: Box<dyn Output>,
}

impl PyFormResult {
    fn new<T>(outcome: FormOutcome<T>, locale: Locale, data: DataFn<T>) -> PyFormResult
    where
        T: Serialize + Send + Sync + 'static,
    {
        let issues = outcome.issues().iter().map(PyIssue::from_error).collect();
        let warnings = outcome
            .warnings
            .iter()
            .map(|w| PyIssue::from_diagnostic(w))
            .collect();
        let success = outcome.is_success();
        let result = outcome.into_result(locale);
        PyFormResult {
            success,
            issues,
            warnings,
            locale,
            output: Box::new(Typed { result, data }),
        }
    }

    /// A form refused before its check: it or its context could not be read.
    fn refused<T>(error: Error, locale: Locale, data: DataFn<T>) -> PyFormResult
    where
        T: Serialize + Send + Sync + 'static,
    {
        let outcome = FormOutcome {
            result: Err(vec![error]),
            warnings: Vec::new(),
        };
        PyFormResult::new(outcome, locale, data)
    }
}

fn codes(issues: &[PyIssue]) -> Vec<String> {
    issues.iter().map(PyIssue::short).collect()
}

#[pymethods]
impl PyFormResult {
    /// Whether the form is accepted.
    #[getter]
    fn success(&self) -> bool {
        self.success
    }
    /// The checked record when the form is accepted (the binding's class for it, e.g. a
    /// `LeaveRequest`, else a dict with money as `decimal.Decimal`), else `None`.
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.output.data(py)
    }
    /// Every issue, in the order of the form's fields; empty when the form is accepted.
    /// Each carries its message in English and Chinese.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        self.issues.clone()
    }
    /// Every warning (a budget near its cap, a plan submitted early), either way.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.warnings.clone()
    }
    /// The language of `to_dict()`'s messages: `"en"` or `"zh-Hans"`.
    #[getter]
    fn locale(&self) -> &'static str {
        match self.locale {
            Locale::En => "en",
            _ => "zh-Hans",
        }
    }
    /// The result as the core writes it (the WebAssembly binding's shape, zod's
    /// `safeParse`): `{"success": True, "data": {...}, "warnings": [...]}` or
    /// `{"success": False, "issues": [...], "warnings": [...]}`, each issue
    /// `{"code", "path": [segments], "message" (in the check's locale), "params"}`; money
    /// as `decimal.Decimal`, dates as `datetime.date`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.output.to_dict(py)
    }
    fn __bool__(&self) -> bool {
        self.success
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyFormResult>().is_ok_and(|o| {
            let o = o.get();
            o.locale == self.locale && o.output.json() == self.output.json()
        })
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let warnings = q(&codes(&self.warnings));
        Ok(if self.success {
            let data = self.output.data(py)?.repr()?.to_string();
            format!("FormResult(success=True, data={data}, warnings={warnings})")
        } else {
            format!(
                "FormResult(success=False, issues={}, warnings={warnings})",
                q(&codes(&self.issues))
            )
        })
    }
}

/// Reads the arguments, runs `check` with the GIL released, and wraps the outcome.
#[allow(clippy::too_many_arguments)]
fn check_form<F, T>(
    py: Python<'_>,
    form: &Bound<'_, PyAny>,
    context: &Bound<'_, PyAny>,
    today: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
    locale: &str,
    data: DataFn<T>,
    check: fn(&Rulebook, &TermData, &F, NaiveDate) -> FormOutcome<T>,
) -> PyResult<PyFormResult>
where
    F: DeserializeOwned + Sync,
    T: Serialize + Send + Sync + 'static,
{
    let locale: Locale = crate::classes::locale(py, locale)?;
    let rulebook = rulebook_arg(rulebook)?;
    let form: F = match read_form(form) {
        Ok(form) => form,
        Err(Ok(e)) => return Ok(PyFormResult::refused(e, locale, data)),
        Err(Err(e)) => return Err(e),
    };
    let context = match check_context(context) {
        Ok(context) => context,
        Err(Ok(e)) => return Ok(PyFormResult::refused(e, locale, data)),
        Err(Err(e)) => return Err(e),
    };
    let (rb, ctx) = (rulebook.get(), context.get());
    let outcome = py.detach(|| check(rb, ctx, &form, today));
    Ok(PyFormResult::new(outcome, locale, data))
}

/// The Python function `$name(form, *, context, today, rulebook=None, locale="en")`: the
/// core's `forms::$name` through [`check_form`], `data` made by `$data`.
macro_rules! form_check {
    ($($(#[$doc:meta])* $name:ident($form:ty) => $data:expr;)*) => {$(
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (form, *, context, today, rulebook = None, locale = "en"))]
        pub fn $name(
            py: Python<'_>,
            form: &Bound<'_, PyAny>,
            context: &Bound<'_, PyAny>,
            today: NaiveDate,
            rulebook: Option<&Bound<'_, PyAny>>,
            locale: &str,
        ) -> PyResult<PyFormResult> {
            check_form(py, form, context, today, rulebook, locale, $data, |rb, c, f: &$form, d| {
                forms::$name(rb, c, f, d)
            })
        }
    )*};
}

form_check! {
    /// Checks a leave request form (`member`, `event`, `reason`, `substitute`, `approver`,
    /// `requested_at`) against the term: every field, then every leave rule. `data` is a
    /// `LeaveRequest`.
    check_leave_request(LeaveRequestForm) => as_class::<_, PyLeaveRequest>;
    /// Checks an activity plan form: every section, the budget against its line's range and
    /// the year's remaining cap, the submission against the lead-time rules. `data` is the
    /// activity plan as a dict (`budget` a `decimal.Decimal`).
    check_activity_plan(ActivityPlanForm) => as_dict;
    /// Checks an expense form: the fields, then the ledger's rules (the activity's approved
    /// budget, the annual cap, the approver's authority for the amount). `data` is the expense
    /// as a dict (`amount` a `decimal.Decimal`).
    check_expense(ExpenseForm) => as_dict;
    /// Checks a recruitment application form: the fields, the grade, the referral, the
    /// registration deadline. `data` is the candidate as a dict (`score` a `decimal.Decimal`).
    check_recruitment_application(RecruitmentApplicationForm) => as_dict;
    /// Checks a board (publicity) plan's submission date (`submitted_on`, by default today)
    /// against its `issue_date`. `data` is a `LeadTimeVerdict`.
    check_board_plan(BoardPlanForm) => as_class::<_, PyLeadTimeVerdict>;
}

/// A member's attendance standing on `today`, for a form page. Raises `MemberError`
/// (`member.unknown`, path `member`) for an id not in the term; errors of the term data
/// under `context`.
#[pyfunction]
#[pyo3(signature = (member, *, context, today, rulebook = None))]
pub fn member_standing(
    py: Python<'_>,
    member: String,
    context: &Bound<'_, PyAny>,
    today: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyStanding> {
    let rulebook = rulebook_arg(rulebook)?;
    let context = page_context(context)?;
    let (rb, ctx, member) = (rulebook.get(), context.get(), MemberId(member));
    py.detach(|| forms::member_standing(rb, ctx, &member, today))
        .py_err(py)
        .map(Into::into)
}

/// A planned activity's milestones and where they stand on `today`. Raises
/// `ActivityError` (`activity.unknown`, path `activity`) for an id that is not among the
/// context's planned activities.
#[pyfunction]
#[pyo3(signature = (activity, *, context, today, rulebook = None))]
pub fn event_countdown(
    py: Python<'_>,
    activity: &str,
    context: &Bound<'_, PyAny>,
    today: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyActivityStatus> {
    let rulebook = rulebook_arg(rulebook)?;
    let context = page_context(context)?;
    let (rb, ctx) = (rulebook.get(), context.get());
    py.detach(|| forms::event_countdown(rb, ctx, activity, today))
        .py_err(py)
        .map(Into::into)
}

/// What the budget has left on `today`: `{"cap": {...}, "activity": {...}}` (the annual
/// cap's `committed`, `spent` and `remaining`; `activity`'s account, when given, with
/// `approved`, `spent` and `remaining`), money as `decimal.Decimal`. Raises `BudgetError`
/// (`budget.unknown_activity`, path `activity`) for an activity without an account.
#[pyfunction]
#[pyo3(signature = (*, context, today, activity = None, rulebook = None))]
pub fn budget_remaining<'py>(
    py: Python<'py>,
    context: &Bound<'py, PyAny>,
    today: NaiveDate,
    activity: Option<String>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let context = page_context(context)?;
    let (rb, ctx, activity) = (rulebook.get(), context.get(), activity.map(ActivityId));
    let remaining = py
        .detach(|| forms::budget_remaining(rb, ctx, activity.as_ref(), today))
        .py_err(py)?;
    to_py(py, &remaining)
}
