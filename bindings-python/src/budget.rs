//! The budget ledger and the year of activities (handles), and plan validation; postings,
//! reports and validations are dicts. Money is `decimal.Decimal`, an `int` or text in and
//! `decimal.Decimal` out; a float given as money is refused.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};
use rust_decimal::Decimal;
use serde_json::Value;

use secretariat::activity::{ActivityBook, ActivityPlan, ActivityStep, ActivityYearData};
use secretariat::budget::{BudgetLedger, LedgerOperation};
use secretariat::calendar::{DateRange, SchoolCalendar};
use secretariat::{Member, Roster, Rulebook};

use crate::convert::{Numbers, arg, from_py, opt_arg, read_value, to_py, to_value};
use crate::errors::{IntoPy, to_py_err};
use crate::members::roster_arg;
use crate::pickle::{Reduced, reduce};
use crate::rulebook::rulebook_arg;
use crate::schedule::named;
use crate::table::PyTable;

/// A `(start, end)` pair or a `{"start", "end"}` dict.
fn period_arg(obj: &Bound<'_, PyAny>) -> PyResult<DateRange> {
    arg(&named(obj, &["start", "end"])?, "period")
}

/// The budget ledger of one school year: accounts per activity and the journal of
/// allocations, expenses and settlements, over a roster and a rulebook. Every refused
/// operation leaves it exactly as it was.
#[pyclass(eq, module = "secretariat._core", name = "BudgetLedger")]
#[derive(PartialEq)]
pub struct PyBudgetLedger {
    pub(crate) inner: BudgetLedger,
    roster: Roster,
    rulebook: Rulebook,
}

impl PyBudgetLedger {
    /// The ledger pickled by `__reduce__`.
    pub fn restore(py: Python<'_>, state: (BudgetLedger, Vec<Member>, Rulebook)) -> PyResult<Self> {
        let (inner, members, rulebook) = state;
        let roster = Roster::new(members).py_err(py)?;
        Ok(PyBudgetLedger {
            inner,
            roster,
            rulebook,
        })
    }

    /// Runs `op`; the core's errors go under `within` (the operation's key for `apply`).
    fn run<'py>(
        &mut self,
        py: Python<'py>,
        op: &LedgerOperation,
        dry: bool,
        within: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let result = if dry {
            self.inner.check(&self.rulebook, &self.roster, op)
        } else {
            self.inner.apply(&self.rulebook, &self.roster, op)
        };
        match result {
            Ok(posting) => to_py(py, &posting),
            Err(e) => Err(to_py_err(py, &e.within(within))),
        }
    }

    /// Runs an operation given in its dict form, `{"reserve": {...}}`: every error's path
    /// starts with the key, whether the binding or the core finds it.
    fn run_dict<'py>(
        &mut self,
        operation: &Bound<'py, PyAny>,
        dry: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let op: LedgerOperation = from_py(operation, "", Numbers::Exact)?;
        let key = match serde_json::to_value(&op) {
            Ok(Value::Object(map)) => map.keys().next().cloned().unwrap_or_default(),
            _ => String::new(),
        };
        self.run(operation.py(), &op, dry, &key)
    }
}

/// The body of an operation given as keyword arguments (paths relative to it: `amount`).
fn body<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    fields: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let value = match fields {
        Some(f) => to_value(f.as_any(), "", Numbers::Exact).map_err(|e| to_py_err(py, &e))?,
        None => Value::Object(Default::default()),
    };
    read_value(py, value, "")
}

#[pymethods]
impl PyBudgetLedger {
    /// An empty ledger for the school year `year` (e.g. `"2002-2003"`) over `period` (a
    /// `(start, end)` pair or a `{"start", "end"}` dict); approvers are checked against
    /// `members` and limits against `rulebook`.
    #[new]
    #[pyo3(signature = (year, period, *, members, rulebook = None))]
    fn new(
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        period: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyBudgetLedger {
            inner: BudgetLedger::new(arg::<String>(year, "year")?, period_arg(period)?),
            roster: roster_arg(py, members)?,
            rulebook: rulebook_arg(rulebook)?.into_owned(),
        })
    }
    /// Applies one operation given in its dict form, `{"reserve": {...}}`,
    /// `{"allocate": {...}}`, `{"expense": {...}}`, `{"settle": {...}}`, a correction
    /// `{"reverse": {date, entry, approver, reason}}` or a cash count
    /// `{"assert_balance": {date, activity, balance, approver}}`: a `Posting`.
    fn apply<'py>(&mut self, operation: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.run_dict(operation, false)
    }
    /// What `apply` would post, without changing the ledger (a dry run for forms).
    fn check<'py>(&mut self, operation: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.run_dict(operation, true)
    }
    /// Opens an activity's account and reserves its planned amount on a budget line
    /// (`date`, `activity`, `title`, `line`, `amount`, `approver`, and optionally
    /// `department`, `project_leader`, `note`).
    #[pyo3(signature = (**fields))]
    fn reserve<'py>(
        &mut self,
        py: Python<'py>,
        fields: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, &LedgerOperation::Reserve(body(py, fields)?), false, "")
    }
    /// Approves an amount for an activity (`date`, `activity`, `amount`, `approver`,
    /// `note`).
    #[pyo3(signature = (**fields))]
    fn allocate<'py>(
        &mut self,
        py: Python<'py>,
        fields: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, &LedgerOperation::Allocate(body(py, fields)?), false, "")
    }
    /// Records an expense (`date`, `activity`, `category`, `amount`, `approver`, `receipt`,
    /// `note`); refused over the activity's approved amount or the annual cap.
    #[pyo3(signature = (**fields))]
    fn record_expense<'py>(
        &mut self,
        py: Python<'py>,
        fields: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, &LedgerOperation::Expense(body(py, fields)?), false, "")
    }
    /// Settles an activity's account (`date`, `activity`, `approver`, `note`): what is left
    /// is released.
    #[pyo3(signature = (**fields))]
    fn settle<'py>(
        &mut self,
        py: Python<'py>,
        fields: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, &LedgerOperation::Settle(body(py, fields)?), false, "")
    }
    /// Reads a ledger from its JSON Lines (`to_json_lines`), replaying every entry.
    #[staticmethod]
    #[pyo3(signature = (text, *, members, rulebook = None))]
    fn from_json_lines(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let inner = BudgetLedger::from_json_lines(&arg::<String>(text, "text")?)
            .map_err(|e| to_py_err(py, &e))?;
        let (roster, rulebook) = (roster_arg(py, members)?, rulebook_arg(rulebook)?);
        Ok(PyBudgetLedger {
            inner,
            roster,
            rulebook: rulebook.into_owned(),
        })
    }
    /// The journal as JSON Lines: a header line, then one entry per line.
    fn to_json_lines(&self) -> String {
        self.inner.to_json_lines()
    }
    /// What a cash count of `activity`'s account should find at the end of `date`; `None`
    /// without an account.
    fn balance_on(
        &self,
        activity: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
    ) -> PyResult<Option<Decimal>> {
        let activity: secretariat::ids::ActivityId = arg(activity, "activity")?;
        Ok(self.inner.balance_on(&activity, arg(date, "date")?))
    }
    /// The journal, in order: a `Table` of `LedgerEntry` dicts, by `seq`.
    #[getter]
    fn entries(&self) -> PyTable {
        PyTable::of(self.inner.entries().to_vec(), Some("seq"))
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
    /// The report (a `BudgetReport`): per activity and in total, planned range, approved,
    /// spent, remaining, utilisation, and the annual cap.
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.report(&self.rulebook))
    }
    /// As a dict (money as `Decimal`): `year`, `period`, `accounts`, `entries`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(py, &(&self.inner, self.roster.members(), &self.rulebook))
    }

    fn __repr__(&self) -> String {
        format!(
            "BudgetLedger(year={:?}, accounts={}, entries={})",
            self.inner.year(),
            self.inner.activities().len(),
            self.inner.entries().len(),
        )
    }
}

/// Checks an activity plan (a dict: purpose, time, participants, budget, feasibility,
/// risks and countermeasures) on `today`: every problem and warning at once, nothing
/// raised (a `PlanValidation`). `ledger` (default: an empty one) is the year's budget the
/// plan must fit.
#[pyfunction]
#[pyo3(signature = (plan, *, today, members, ledger = None, rulebook = None, calendar = None, locale = None))]
#[allow(clippy::too_many_arguments)]
pub fn validate_plan<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    members: &Bound<'py, PyAny>,
    ledger: Option<&Bound<'py, PyAny>>,
    rulebook: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
    locale: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let roster = roster_arg(py, members)?;
    let plan: ActivityPlan = from_py(plan, "", Numbers::Exact)?;
    let today: NaiveDate = arg(today, "today")?;
    let calendar = opt_arg::<SchoolCalendar>(calendar, "calendar")?;
    let ledger = match ledger.filter(|l| !l.is_none()) {
        Some(l) => l.cast::<PyBudgetLedger>()?.borrow().inner.clone(),
        None => BudgetLedger::new("", DateRange::new(today, today)),
    };
    let validation = secretariat::validate_plan(
        rulebook.as_ref(),
        &roster,
        &ledger,
        &plan,
        today,
        calendar.as_ref(),
        crate::convert::locale(locale)?,
    );
    to_py(py, &validation)
}

/// A school year of activities: the book of activities (plans, states, histories) and its
/// budget ledger, over a roster and a rulebook. A refused step changes nothing.
#[pyclass(eq, module = "secretariat._core", name = "ActivityYear")]
#[derive(PartialEq)]
pub struct PyActivityYear {
    book: ActivityBook,
    ledger: BudgetLedger,
    roster: Roster,
    rulebook: Rulebook,
    calendar: Option<SchoolCalendar>,
    /// Operations applied by `replay`.
    #[pyo3(get)]
    applied: usize,
    /// Operations after `today`, left for later, by `replay`.
    #[pyo3(get)]
    pending: usize,
}

/// The state of an activity year, as pickled.
type YearState = (
    ActivityBook,
    BudgetLedger,
    Vec<Member>,
    Rulebook,
    Option<SchoolCalendar>,
    usize,
    usize,
);

impl PyActivityYear {
    /// The year pickled by `__reduce__`.
    pub fn restore(py: Python<'_>, state: YearState) -> PyResult<Self> {
        let (book, ledger, members, rulebook, calendar, applied, pending) = state;
        let roster = Roster::new(members).py_err(py)?;
        Ok(PyActivityYear {
            book,
            ledger,
            roster,
            rulebook,
            calendar,
            applied,
            pending,
        })
    }
}

#[pymethods]
impl PyActivityYear {
    /// An empty year: no activities, an empty ledger for `year` over `period`.
    #[new]
    #[pyo3(signature = (year, period, *, members, rulebook = None, calendar = None))]
    fn new(
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        period: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyActivityYear {
            book: ActivityBook::new(),
            ledger: BudgetLedger::new(arg::<String>(year, "year")?, period_arg(period)?),
            roster: roster_arg(py, members)?,
            rulebook: rulebook_arg(rulebook)?.into_owned(),
            calendar: opt_arg::<SchoolCalendar>(calendar, "calendar")?,
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
        today: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let data: ActivityYearData = match data.filter(|d| !d.is_none()) {
            Some(d) => from_py(d, "", Numbers::Exact)?,
            None => ActivityYearData::sample(),
        };
        let roster = roster_arg(py, members)?;
        let rulebook = rulebook_arg(rulebook)?.into_owned();
        let calendar = opt_arg::<SchoolCalendar>(calendar, "calendar")?;
        let year = data
            .replay(&rulebook, &roster, calendar.as_ref(), arg(today, "today")?)
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

    /// Drafts a new activity from its plan on the day `on`.
    #[pyo3(signature = (plan, *, on))]
    fn draft(&mut self, plan: &Bound<'_, PyAny>, on: &Bound<'_, PyAny>) -> PyResult<()> {
        let plan: ActivityPlan = from_py(plan, "plan", Numbers::Exact)?;
        self.book.draft(plan, arg(on, "on")?).py_err(on.py())
    }

    /// Replaces a draft's (or a rejected plan's) plan; gives the activity as a dict.
    fn revise<'py>(&mut self, plan: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = plan.py();
        let plan: ActivityPlan = from_py(plan, "plan", Numbers::Exact)?;
        to_py(py, self.book.revise(plan).py_err(py)?)
    }

    /// Takes a lifecycle step (`submit`, `approve`, `reject`, `start`, `complete`,
    /// `summarize`, `cancel`): authority is checked, an unapproved activity cannot start,
    /// approval reserves the budget. Refused steps change nothing. Gives a `StepOutcome`.
    #[pyo3(signature = (activity, action, *, by, on, note = None))]
    fn step<'py>(
        &mut self,
        py: Python<'py>,
        activity: &Bound<'py, PyAny>,
        action: &Bound<'py, PyAny>,
        by: &Bound<'py, PyAny>,
        on: &Bound<'py, PyAny>,
        note: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fields = [
            ("activity", activity),
            ("action", action),
            ("by", by),
            ("on", on),
        ];
        let d = fields.into_py_dict(py)?;
        if let Some(note) = note.filter(|n| !n.is_none()) {
            d.set_item("note", note)?;
        }
        let step: ActivityStep = arg(d.as_any(), "")?;
        let outcome = self
            .book
            .apply(
                &self.rulebook,
                &self.roster,
                &mut self.ledger,
                &step,
                self.calendar.as_ref(),
            )
            .py_err(py)?;
        to_py(py, &outcome)
    }

    /// Checks a plan against this year's ledger (see `validate_plan`).
    #[pyo3(signature = (plan, *, today, locale = None))]
    fn validate_plan<'py>(
        &self,
        plan: &Bound<'py, PyAny>,
        today: &Bound<'py, PyAny>,
        locale: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = plan.py();
        let plan: ActivityPlan = from_py(plan, "", Numbers::Exact)?;
        let validation = secretariat::validate_plan(
            &self.rulebook,
            &self.roster,
            &self.ledger,
            &plan,
            arg(today, "today")?,
            self.calendar.as_ref(),
            crate::convert::locale(locale)?,
        );
        to_py(py, &validation)
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

    /// Every activity's state and next step on `today`, with overdue summaries: an
    /// `ActivityReport`.
    fn report<'py>(&self, today: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let report = self
            .book
            .report(&self.rulebook, &self.ledger, arg(today, "today")?);
        to_py(today.py(), &report)
    }

    /// The budget report of the year's ledger.
    fn budget_report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.ledger.report(&self.rulebook))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(
            py,
            &(
                &self.book,
                &self.ledger,
                self.roster.members(),
                &self.rulebook,
                &self.calendar,
                self.applied,
                self.pending,
            ),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "ActivityYear(year={:?}, activities={}, entries={})",
            self.ledger.year(),
            self.book.activities().len(),
            self.ledger.entries().len()
        )
    }
}
