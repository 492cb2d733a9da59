//! The budget ledger and its report, and the activity lifecycle and plan validation. Money
//! is `decimal.Decimal` (or text, or an int) in and `decimal.Decimal` out; a float given as
//! money is refused.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use rust_decimal::Decimal;
use serde_json::Value;

use secretariat::activity::{
    ActivityBook, ActivityPlan, ActivityReport, ActivityStep, ActivityYearData, PlanValidation,
    StepOutcome,
};
use secretariat::budget::{BudgetLedger, BudgetReport, LedgerEntry, LedgerOperation, Posting};
use secretariat::calendar::SchoolCalendar;
use secretariat::{Diagnostic, Locale, Roster, Rulebook};

use crate::classes::{PyDateRange, PyIssue, PyRulebookStamp, date_range, frozen_class, q};
use crate::convert::{Numbers, decimal_type, decimal_value, enum_name, from_py, to_py, to_value};
use crate::errors::{IntoPy, to_py_err};
use crate::members::roster_arg;
use crate::rulebook::rulebook_arg;
use crate::schedule::PyLeadTimeVerdict;

/// An amount of money from Python: a `Decimal`, an `int` or text; a float is refused.
fn money(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_instance(decimal_type(py)?)? {
        return decimal_value(obj, path)
            .map(Value::String)
            .map_err(|e| to_py_err(py, &e));
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyString>() {
        return Ok(Value::String(obj.str()?.to_string()));
    }
    // A float (refused, with a message about money) or anything else the core cannot read.
    to_value(obj, path, Numbers::Money).map_err(|e| to_py_err(py, &e))
}

fn issue(d: &dyn Diagnostic) -> PyIssue {
    PyIssue::from_diagnostic(d)
}

fn optional_calendar(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<SchoolCalendar>> {
    match obj {
        Some(o) if !o.is_none() => crate::schedule::calendar_arg(o).map(Some),
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------------------
// The ledger.

/// The budget ledger of one school year: accounts per activity and the journal of
/// allocations, expenses and settlements, over a roster and a rulebook. Every refused
/// operation leaves it exactly as it was.
#[pyclass(module = "secretariat._core", name = "BudgetLedger")]
pub struct PyBudgetLedger {
    pub(crate) inner: BudgetLedger,
    roster: Roster,
    rulebook: Rulebook,
}

impl PyBudgetLedger {
    fn run(
        &mut self,
        py: Python<'_>,
        operation: &LedgerOperation,
        dry: bool,
    ) -> PyResult<PyPosting> {
        let result = if dry {
            self.inner.check(&self.rulebook, &self.roster, operation)
        } else {
            self.inner.apply(&self.rulebook, &self.roster, operation)
        };
        result.py_err(py).map(Into::into)
    }

    /// A ledger operation from keyword arguments: `T` is the operation's body (a
    /// reservation, an allocation, an expense, a settlement), read by the core with paths
    /// relative to it (`amount`, `date`).
    fn body<T: serde::de::DeserializeOwned>(
        py: Python<'_>,
        fields: &[(&str, Option<&Bound<'_, PyAny>>)],
        amount: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<T> {
        let body = PyDict::new(py);
        for (name, value) in fields {
            if let Some(v) = value
                && !v.is_none()
            {
                body.set_item(name, v)?;
            }
        }
        let mut value =
            to_value(body.as_any(), "", Numbers::Money).map_err(|e| to_py_err(py, &e))?;
        if let (Some(amount), Value::Object(map)) = (amount, &mut value) {
            map.insert("amount".into(), money(amount, "amount")?);
        }
        crate::convert::read_value(py, value, "")
    }
}

#[pymethods]
impl PyBudgetLedger {
    /// An empty ledger for the school year `year` (e.g. `"2002-2003"`) over `period` (a
    /// `DateRange` or a `(start, end)` pair); approvers are checked against `members` and
    /// limits against `rulebook`.
    #[new]
    #[pyo3(signature = (year, period, *, members, rulebook = None))]
    fn new(
        py: Python<'_>,
        year: &str,
        period: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let rulebook = rulebook_arg(rulebook)?.get().clone();
        Ok(PyBudgetLedger {
            inner: BudgetLedger::new(year, date_range(period, "period")?),
            roster: roster_arg(py, members)?,
            rulebook,
        })
    }

    /// Applies one operation given in its dict form, `{"reserve": {...}}`,
    /// `{"allocate": {...}}`, `{"expense": {...}}` or `{"settle": {...}}`.
    fn apply(&mut self, py: Python<'_>, operation: &Bound<'_, PyAny>) -> PyResult<PyPosting> {
        let op: LedgerOperation = from_py(operation, "", Numbers::Money)?;
        self.run(py, &op, false)
    }

    /// What `apply` would post, without changing the ledger (a dry run for forms).
    fn check(&mut self, py: Python<'_>, operation: &Bound<'_, PyAny>) -> PyResult<PyPosting> {
        let op: LedgerOperation = from_py(operation, "", Numbers::Money)?;
        self.run(py, &op, true)
    }

    /// Opens an activity's account and reserves its planned amount on a budget line.
    #[pyo3(signature = (*, date, activity, title, line, amount, approver, department = None, project_leader = None, note = None))]
    #[allow(clippy::too_many_arguments)]
    fn reserve(
        &mut self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        activity: &Bound<'_, PyAny>,
        title: &Bound<'_, PyAny>,
        line: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        approver: &Bound<'_, PyAny>,
        department: Option<&Bound<'_, PyAny>>,
        project_leader: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPosting> {
        let fields = [
            ("date", Some(date)),
            ("activity", Some(activity)),
            ("title", Some(title)),
            ("line", Some(line)),
            ("approver", Some(approver)),
            ("department", department),
            ("project_leader", project_leader),
            ("note", note),
        ];
        let op = LedgerOperation::Reserve(Self::body(py, &fields, Some(amount))?);
        self.run(py, &op, false)
    }

    /// Approves an amount for an activity.
    #[pyo3(signature = (*, date, activity, amount, approver, note = None))]
    fn allocate(
        &mut self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        activity: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        approver: &Bound<'_, PyAny>,
        note: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPosting> {
        let fields = [
            ("date", Some(date)),
            ("activity", Some(activity)),
            ("approver", Some(approver)),
            ("note", note),
        ];
        let op = LedgerOperation::Allocate(Self::body(py, &fields, Some(amount))?);
        self.run(py, &op, false)
    }

    /// Records an expense; refused over the activity's approved amount or the annual cap.
    #[pyo3(signature = (*, date, activity, category, amount, approver, receipt = None, note = None))]
    #[allow(clippy::too_many_arguments)]
    fn record_expense(
        &mut self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        activity: &Bound<'_, PyAny>,
        category: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        approver: &Bound<'_, PyAny>,
        receipt: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPosting> {
        let fields = [
            ("date", Some(date)),
            ("activity", Some(activity)),
            ("category", Some(category)),
            ("approver", Some(approver)),
            ("receipt", receipt),
            ("note", note),
        ];
        let op = LedgerOperation::Expense(Self::body(py, &fields, Some(amount))?);
        self.run(py, &op, false)
    }

    /// Settles an activity's account: what is left is released.
    #[pyo3(signature = (*, date, activity, approver, note = None))]
    fn settle(
        &mut self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        activity: &Bound<'_, PyAny>,
        approver: &Bound<'_, PyAny>,
        note: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPosting> {
        let fields = [
            ("date", Some(date)),
            ("activity", Some(activity)),
            ("approver", Some(approver)),
            ("note", note),
        ];
        let op = LedgerOperation::Settle(Self::body(py, &fields, None)?);
        self.run(py, &op, false)
    }

    /// The school year.
    #[getter]
    fn year(&self) -> &str {
        self.inner.year()
    }
    /// The dates of the school year.
    #[getter]
    fn period(&self) -> PyDateRange {
        self.inner.period().into()
    }
    /// The journal, in order.
    #[getter]
    fn entries(&self) -> PyLedgerLines {
        PyLedgerLines {
            items: self.inner.entries().to_vec(),
        }
    }
    /// The activities with an account.
    #[getter]
    fn activities(&self) -> Vec<String> {
        self.inner
            .activities()
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect()
    }
    /// Reserved or approved, within the annual cap.
    #[getter]
    fn committed_within_cap(&self) -> Decimal {
        self.inner.committed_within_cap()
    }
    /// Spent, within the annual cap.
    #[getter]
    fn spent_within_cap(&self) -> Decimal {
        self.inner.spent_within_cap()
    }
    /// The report: per activity and in total, planned range, approved, spent, remaining,
    /// utilisation, and the annual cap.
    fn report(&self) -> PyBudgetReport {
        self.inner.report(&self.rulebook).into()
    }
    /// As a dict (money as `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "BudgetLedger(year={}, accounts={}, entries={}, committed_within_cap=Decimal({}))",
            q(self.inner.year()),
            self.inner.activities().len(),
            self.inner.entries().len(),
            q(&self.inner.committed_within_cap().to_string())
        )
    }
}

frozen_class!(
    /// What a ledger operation posted: the journal line's number, kind and amount, the
    /// limits checked, the warnings.
    PyPosting,
    "Posting",
    Posting
);

#[pymethods]
impl PyPosting {
    /// The journal line's number (`ledger.entries[seq - 1]`).
    #[getter]
    fn seq(&self) -> u32 {
        self.inner.seq
    }
    /// What the line records: `allocation`, `expense` or `settlement`.
    #[getter]
    fn kind(&self) -> String {
        enum_name(&self.inner.kind)
    }
    /// The amount (for a settlement: the reserve released).
    #[getter]
    fn amount(&self) -> Decimal {
        self.inner.amount
    }
    /// The role under which it was approved.
    #[getter]
    fn approved_as(&self) -> Option<&'static str> {
        self.inner.approved_as.map(|r| r.key())
    }
    /// The limits checked (kind, rule, limit, used), as dicts.
    #[getter]
    fn checks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.checks)
    }
    /// Warnings, e.g. a limit nearly reached.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.inner.warnings.iter().map(|w| issue(w)).collect()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Posting(seq={}, kind={}, amount=Decimal({}), warnings={})",
            self.inner.seq,
            q(&enum_name(&self.inner.kind)),
            q(&self.inner.amount.to_string()),
            self.inner.warnings.len()
        )
    }
}

frozen_class!(
    /// One line of the ledger's journal.
    PyLedgerLine,
    "LedgerLine",
    LedgerEntry
);

#[pymethods]
impl PyLedgerLine {
    /// Its number in the journal.
    #[getter]
    fn seq(&self) -> u32 {
        self.inner.seq
    }
    /// The day.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }
    /// `allocation`, `expense` or `settlement`.
    #[getter]
    fn kind(&self) -> String {
        enum_name(&self.inner.kind)
    }
    /// The activity.
    #[getter]
    fn activity(&self) -> &str {
        self.inner.activity.as_str()
    }
    /// The amount, in yuan.
    #[getter]
    fn amount(&self) -> Decimal {
        self.inner.amount
    }
    /// Who approved.
    #[getter]
    fn approver(&self) -> &str {
        self.inner.approver.as_str()
    }
    /// The role under which they approved.
    #[getter]
    fn approved_as(&self) -> Option<&'static str> {
        self.inner.approved_as.map(|r| r.key())
    }
    /// The expense category.
    #[getter]
    fn category(&self) -> &str {
        &self.inner.category
    }
    /// The receipt reference.
    #[getter]
    fn receipt(&self) -> &str {
        &self.inner.receipt
    }
    /// A note.
    #[getter]
    fn note(&self) -> &str {
        &self.inner.note
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "LedgerLine(seq={}, date={}, kind={}, activity={}, amount=Decimal({}))",
            self.inner.seq,
            crate::classes::repr_date(self.inner.date),
            q(&enum_name(&self.inner.kind)),
            q(self.inner.activity.as_str()),
            q(&self.inner.amount.to_string())
        )
    }
}

/// The lines of a ledger's journal: a sequence with `to_dicts()`, `to_pandas()`,
/// `to_polars()`.
#[pyclass(frozen, module = "secretariat._core", name = "LedgerLines", sequence)]
pub struct PyLedgerLines {
    items: Vec<LedgerEntry>,
}

const LINE_COLUMNS: &[&str] = &[
    "seq",
    "date",
    "kind",
    "activity",
    "amount",
    "approver",
    "approved_as",
    "category",
    "receipt",
    "note",
];

#[pymethods]
impl PyLedgerLines {
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, index: isize) -> PyResult<PyLedgerLine> {
        let n = self.items.len() as isize;
        let i = if index < 0 { index + n } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| self.items.get(i))
            .cloned()
            .map(Into::into)
            .ok_or_else(|| {
                pyo3::exceptions::PyIndexError::new_err("ledger line index out of range")
            })
    }
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let lines: Vec<PyLedgerLine> = self.items.iter().cloned().map(Into::into).collect();
        Ok(PyList::new(py, lines)?.try_iter()?.into_any().unbind())
    }
    /// Each line as a dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.items)
    }
    /// The lines as a dict of column lists (amounts as `Decimal`).
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut cols: Vec<Vec<Bound<'py, PyAny>>> =
            LINE_COLUMNS.iter().map(|_| Vec::new()).collect();
        for l in &self.items {
            let row: [Bound<'py, PyAny>; 10] = [
                l.seq.into_pyobject(py)?.into_any(),
                l.date.into_pyobject(py)?.into_any(),
                enum_name(&l.kind).into_pyobject(py)?.into_any(),
                l.activity.as_str().into_pyobject(py)?.into_any(),
                l.amount.into_pyobject(py)?,
                l.approver.as_str().into_pyobject(py)?.into_any(),
                l.approved_as.map(|r| r.key()).into_pyobject(py)?.into_any(),
                l.category.as_str().into_pyobject(py)?.into_any(),
                l.receipt.as_str().into_pyobject(py)?.into_any(),
                l.note.as_str().into_pyobject(py)?.into_any(),
            ];
            for (col, value) in cols.iter_mut().zip(row) {
                col.push(value);
            }
        }
        let d = PyDict::new(py);
        for (name, col) in LINE_COLUMNS.iter().zip(cols) {
            d.set_item(name, PyList::new(py, col)?)?;
        }
        Ok(d)
    }
    /// The lines as a pandas DataFrame (pandas is imported only now).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::pandas(py, self.to_columns(py)?)
    }
    /// The lines as a polars DataFrame (polars is imported only now; amounts as text, since
    /// polars has no column type for `decimal.Decimal` objects of mixed scale).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = self.to_columns(py)?;
        let amounts: Vec<String> = self.items.iter().map(|l| l.amount.to_string()).collect();
        columns.set_item("amount", amounts)?;
        crate::frames::polars(py, columns)
    }
    fn __repr__(&self) -> String {
        format!("LedgerLines({} lines)", self.items.len())
    }
}

frozen_class!(
    /// The budget report: the annual cap, every activity's account, and the totals.
    PyBudgetReport,
    "BudgetReport",
    BudgetReport
);

#[pymethods]
impl PyBudgetReport {
    /// The school year.
    #[getter]
    fn year(&self) -> &str {
        &self.inner.year
    }
    /// The dates of the school year.
    #[getter]
    fn period(&self) -> PyDateRange {
        self.inner.period.into()
    }
    /// The rulebook used.
    #[getter]
    fn rulebook(&self) -> PyRulebookStamp {
        self.inner.rulebook.clone().into()
    }
    /// The annual cap: limit, committed, spent, remaining, utilisation, warning.
    #[getter]
    fn cap<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.cap)
    }
    /// Every activity's account: planned range, approved, spent, remaining, utilisation.
    #[getter]
    fn accounts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.accounts)
    }
    /// The totals over every account.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.total)
    }
    /// The report as aligned plain-text tables, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// Each account as a dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.accounts(py)
    }
    /// The accounts as a pandas DataFrame (pandas is imported only now).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::pandas_rows(py, self.accounts(py)?)
    }
    /// As a dict (money as `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "BudgetReport(year={}, accounts={}, committed=Decimal({}), annual_cap=Decimal({}))",
            q(&self.inner.year),
            self.inner.accounts.len(),
            q(&self.inner.cap.committed.to_string()),
            q(&self.inner.cap.annual_cap.to_string())
        )
    }
}

// ---------------------------------------------------------------------------------------
// Activities.

/// Checks an activity plan (a dict: purpose, time, participants, budget, feasibility,
/// risks and countermeasures) on `today`: every problem and warning at once, nothing
/// raised. `ledger` (default: an empty one) is the year's budget the plan must fit.
#[pyfunction]
#[pyo3(signature = (plan, *, today, members, ledger = None, rulebook = None, calendar = None, locale = "en"))]
#[allow(clippy::too_many_arguments)]
pub fn validate_plan(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    today: NaiveDate,
    members: &Bound<'_, PyAny>,
    ledger: Option<&Bound<'_, PyAny>>,
    rulebook: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    locale: &str,
) -> PyResult<PyPlanValidation> {
    let rulebook = rulebook_arg(rulebook)?;
    let roster = roster_arg(py, members)?;
    let plan: ActivityPlan = from_py(plan, "", Numbers::Money)?;
    let calendar = optional_calendar(calendar)?;
    let locale: Locale = crate::classes::locale(py, locale)?;
    let empty;
    let ledger_ref = match ledger {
        Some(l) if !l.is_none() => l.cast::<PyBudgetLedger>()?.borrow().inner.clone(),
        _ => {
            empty = BudgetLedger::new("", secretariat::calendar::DateRange::new(today, today));
            empty
        }
    };
    Ok(secretariat::validate_plan(
        rulebook.get(),
        &roster,
        &ledger_ref,
        &plan,
        today,
        calendar.as_ref(),
        locale,
    )
    .into())
}

frozen_class!(
    /// Every problem and warning of an activity plan.
    PyPlanValidation,
    "PlanValidation",
    PlanValidation
);

#[pymethods]
impl PyPlanValidation {
    /// Whether the plan has no problem.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }
    /// Every problem, in a fixed order.
    #[getter]
    fn problems(&self) -> Vec<PyIssue> {
        self.inner
            .problems
            .iter()
            .map(PyIssue::from_issue)
            .collect()
    }
    /// Every warning.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.inner
            .warnings
            .iter()
            .map(PyIssue::from_issue)
            .collect()
    }
    /// The plan's budget against its line and the annual cap, as a dict.
    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.budget)
    }
    /// The lead-time verdicts on the plan's dates.
    #[getter]
    fn lead_times(&self) -> Vec<PyLeadTimeVerdict> {
        self.inner
            .lead_times
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self
            .inner
            .problems
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        format!(
            "PlanValidation(valid={}, problems={})",
            if self.inner.valid { "True" } else { "False" },
            q(&codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>())
        )
    }
}

/// A school year of activities: the book of activities (plans, states, histories) and its
/// budget ledger, over a roster and a rulebook. A refused step changes nothing.
#[pyclass(module = "secretariat._core", name = "ActivityYear")]
pub struct PyActivityYear {
    book: ActivityBook,
    ledger: BudgetLedger,
    roster: Roster,
    rulebook: Rulebook,
    calendar: Option<SchoolCalendar>,
    applied: usize,
    pending: usize,
}

#[pymethods]
impl PyActivityYear {
    /// An empty year: no activities, an empty ledger for `year` over `period`.
    #[new]
    #[pyo3(signature = (year, period, *, members, rulebook = None, calendar = None))]
    fn new(
        py: Python<'_>,
        year: &str,
        period: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyActivityYear {
            book: ActivityBook::new(),
            ledger: BudgetLedger::new(year, date_range(period, "period")?),
            roster: roster_arg(py, members)?,
            rulebook: rulebook_arg(rulebook)?.get().clone(),
            calendar: optional_calendar(calendar)?,
            applied: 0,
            pending: 0,
        })
    }

    /// A year's recorded operations (a dict: `year`, `period`, `operations`; the bundled
    /// sample year when `None`) replayed up to `today`.
    #[staticmethod]
    #[pyo3(signature = (data = None, *, today, members, rulebook = None, calendar = None))]
    fn replay(
        py: Python<'_>,
        data: Option<&Bound<'_, PyAny>>,
        today: NaiveDate,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let data: ActivityYearData = match data {
            Some(d) if !d.is_none() => from_py(d, "", Numbers::Money)?,
            _ => ActivityYearData::sample(),
        };
        let roster = roster_arg(py, members)?;
        let rulebook = rulebook_arg(rulebook)?.get().clone();
        let calendar = optional_calendar(calendar)?;
        let year = data
            .replay(&rulebook, &roster, calendar.as_ref(), today)
            .map_err(|e| e.within("year"))
            .py_err(py)?;
        Ok(PyActivityYear {
            book: year.book,
            ledger: year.ledger,
            roster,
            rulebook,
            calendar,
            applied: year.applied,
            pending: year.pending,
        })
    }

    /// Operations applied by `replay`.
    #[getter]
    fn applied(&self) -> usize {
        self.applied
    }
    /// Operations after `today`, left for later, by `replay`.
    #[getter]
    fn pending(&self) -> usize {
        self.pending
    }

    /// Drafts a new activity from its plan on the day `on`.
    #[pyo3(signature = (plan, *, on))]
    fn draft(&mut self, py: Python<'_>, plan: &Bound<'_, PyAny>, on: NaiveDate) -> PyResult<()> {
        let plan: ActivityPlan = from_py(plan, "plan", Numbers::Money)?;
        self.book.draft(plan, on).py_err(py)
    }

    /// Replaces a draft's (or a rejected plan's) plan.
    fn revise<'py>(
        &mut self,
        py: Python<'py>,
        plan: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let plan: ActivityPlan = from_py(plan, "plan", Numbers::Money)?;
        let activity = self.book.revise(plan).py_err(py)?;
        to_py(py, activity)
    }

    /// Takes a lifecycle step (`submit`, `approve`, `reject`, `start`, `complete`,
    /// `summarize`, `cancel`): authority is checked, an unapproved activity cannot start,
    /// approval reserves the budget. Refused steps change nothing.
    #[pyo3(signature = (activity, action, *, by, on, note = ""))]
    fn step(
        &mut self,
        py: Python<'_>,
        activity: &str,
        action: &str,
        by: &str,
        on: NaiveDate,
        note: &str,
    ) -> PyResult<PyStepOutcome> {
        let d = PyDict::new(py);
        d.set_item("activity", activity)?;
        d.set_item("action", action)?;
        d.set_item("by", by)?;
        d.set_item("on", on)?;
        d.set_item("note", note)?;
        let step: ActivityStep = from_py(d.as_any(), "", Numbers::Money)?;
        self.book
            .apply(
                &self.rulebook,
                &self.roster,
                &mut self.ledger,
                &step,
                self.calendar.as_ref(),
            )
            .py_err(py)
            .map(Into::into)
    }

    /// Checks a plan against this year's ledger (see `validate_plan`).
    #[pyo3(signature = (plan, *, today, locale = "en"))]
    fn validate_plan(
        &self,
        py: Python<'_>,
        plan: &Bound<'_, PyAny>,
        today: NaiveDate,
        locale: &str,
    ) -> PyResult<PyPlanValidation> {
        let plan: ActivityPlan = from_py(plan, "", Numbers::Money)?;
        let locale: Locale = crate::classes::locale(py, locale)?;
        Ok(secretariat::validate_plan(
            &self.rulebook,
            &self.roster,
            &self.ledger,
            &plan,
            today,
            self.calendar.as_ref(),
            locale,
        )
        .into())
    }

    /// The activities (plan, state, history), as dicts.
    #[getter]
    fn activities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.book)
    }

    /// A copy of the year's budget ledger.
    #[getter]
    fn ledger(&self) -> PyBudgetLedger {
        PyBudgetLedger {
            inner: self.ledger.clone(),
            roster: self.roster.clone(),
            rulebook: self.rulebook.clone(),
        }
    }

    /// Every activity's state and next step on `today`, with overdue summaries.
    fn report(&self, today: NaiveDate) -> PyActivityReport {
        self.book.report(&self.rulebook, &self.ledger, today).into()
    }

    /// The budget report of the year's ledger.
    fn budget_report(&self) -> PyBudgetReport {
        self.ledger.report(&self.rulebook).into()
    }

    fn __repr__(&self) -> String {
        format!(
            "ActivityYear(year={}, activities={}, entries={})",
            q(self.ledger.year()),
            self.book.activities().len(),
            self.ledger.entries().len()
        )
    }
}

frozen_class!(
    /// What a lifecycle step did: the transition, the ledger posting, the warnings.
    PyStepOutcome,
    "StepOutcome",
    StepOutcome
);

#[pymethods]
impl PyStepOutcome {
    /// The activity.
    #[getter]
    fn activity(&self) -> &str {
        self.inner.activity.as_str()
    }
    /// The state before the step.
    #[getter]
    fn state_from(&self) -> String {
        enum_name(&self.inner.record.from)
    }
    /// The state after the step.
    #[getter]
    fn state(&self) -> String {
        enum_name(&self.inner.record.to)
    }
    /// The transition as recorded in the history, as a dict.
    #[getter]
    fn record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.record)
    }
    /// What the ledger posted (the reservation on approval, the settlement at the end).
    #[getter]
    fn posting(&self) -> Option<PyPosting> {
        self.inner.posting.clone().map(Into::into)
    }
    /// Warnings, e.g. a summary filed late.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.inner.warnings.iter().map(|w| issue(w)).collect()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "StepOutcome(activity={}, state={})",
            q(self.inner.activity.as_str()),
            q(&enum_name(&self.inner.record.to))
        )
    }
}

frozen_class!(
    /// Every activity's state and next step on a day, with the overdue summaries.
    PyActivityReport,
    "ActivityReport",
    ActivityReport
);

#[pymethods]
impl PyActivityReport {
    /// The day of the report.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.inner.today
    }
    /// One row per activity, as dicts.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.rows)
    }
    /// Warnings (summaries overdue).
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.inner.warnings.iter().map(|w| issue(w)).collect()
    }
    /// The report as an aligned plain-text table, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// Each row as a dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.rows(py)
    }
    /// The rows as a pandas DataFrame (pandas is imported only now).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::pandas_rows(py, self.rows(py)?)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "ActivityReport(today={}, activities={}, warnings={})",
            crate::classes::repr_date(self.inner.today),
            self.inner.rows.len(),
            self.inner.warnings.len()
        )
    }
}
