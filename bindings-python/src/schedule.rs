//! Scheduling: the school calendar (a handle with behaviour), and milestone plans,
//! re-planning, countdowns, lead times, weekly meetings and iCalendar, whose results are the
//! core's data as dicts.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use secretariat::calendar::{CalendarErrorKind, SchoolCalendar};
use secretariat::schedule::{self, EventProgress, MeetingOccurrence, MilestonePlan};

use crate::columns::report;
use crate::convert::{arg, items, opt_arg, to_py};
use crate::errors::IntoPy;
use crate::pickle::{Reduced, reduce};
use crate::rulebook::rulebook_arg;

/// How many events are counted down between two calls of a `progress` callback.
const PROGRESS_STEP: usize = 1_000;

/// A school's calendar for one term of office: the term, semesters, holidays, vacations,
/// make-up working days and the weekend; it counts working days.
#[pyclass(frozen, eq, module = "secretariat._core", name = "SchoolCalendar")]
#[derive(Clone, PartialEq)]
pub struct PySchoolCalendar {
    /// The core value.
    pub(crate) inner: SchoolCalendar,
}

/// `obj` as a dict with the keys `names` when it is a tuple of that many items (a
/// `(start, end)` pair, a `(name, start, end)` triple), else `obj` itself.
pub fn named<'py>(obj: &Bound<'py, PyAny>, names: &[&str]) -> PyResult<Bound<'py, PyAny>> {
    match obj.cast::<PyTuple>() {
        Ok(t) if t.len() == names.len() => {
            let d = PyDict::new(obj.py());
            for (name, item) in names.iter().zip(t.iter()) {
                d.set_item(name, item)?;
            }
            Ok(d.into_any())
        }
        _ => Ok(obj.clone()),
    }
}

#[pymethods]
impl PySchoolCalendar {
    /// A calendar: `term` is `{"start", "end"}` or a `(start, end)` pair; the other fields
    /// are those of its dict form (`semesters`, `holidays`, `vacations`: lists of
    /// `{"name", "start", "end"}` or `(name, start, end)`; `makeup_workdays`; `weekend`:
    /// `"Sat"`, `"Sun"`...).
    #[new]
    #[pyo3(signature = (term, **fields))]
    fn new(term: &Bound<'_, PyAny>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let d = PyDict::new(term.py());
        for (key, value) in fields.iter().flat_map(|f| f.iter()) {
            if !value.is_none() {
                d.set_item(key, value)?;
            }
        }
        d.set_item("term", named(term, &["start", "end"])?)?;
        for key in ["semesters", "holidays", "vacations"] {
            if let Some(periods) = d.get_item(key)? {
                let periods = periods
                    .try_iter()?
                    .map(|p| named(&p?, &["name", "start", "end"]))
                    .collect::<PyResult<Vec<_>>>()?;
                d.set_item(key, periods)?;
            }
        }
        Self::from_dict(d.as_any())
    }
    /// A calendar from its dict form.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        arg(d, "").map(|inner| Self { inner })
    }
    /// Whether `date` is a working day.
    fn is_working_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_working_day(arg(date, "date")?))
    }
    /// Whether `date` falls in a holiday or a vacation.
    fn is_holiday_or_vacation(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_holiday_or_vacation(arg(date, "date")?))
    }
    /// The `days`-th working day after `date` (before it when negative); a day Python's
    /// dates cannot hold is `calendar.date_out_of_range` at `date`.
    fn add_working_days(
        &self,
        date: &Bound<'_, PyAny>,
        days: &Bound<'_, PyAny>,
    ) -> PyResult<NaiveDate> {
        let py = date.py();
        let (date, days) = (arg(date, "date")?, arg(days, "days")?);
        let day = self.inner.add_working_days(date, days).py_err(py)?;
        let (path, days) = ("date", days.into());
        let err = CalendarErrorKind::DateOutOfRange { date, days }.at(path);
        let python_range = (1..=9999).contains(&day.year());
        python_range.then_some(day).ok_or(err).py_err(py)
    }
    /// Working days in `start..end` (`start` counted, `end` not); negative when `end` is
    /// earlier.
    fn working_days_between(
        &self,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let (start, end) = (arg(start, "start")?, arg(end, "end")?);
        Ok(self.inner.working_days_between(start, end))
    }
    /// The semester (`{"name", "start", "end"}`) that contains `date`, if any.
    fn semester_of<'py>(&self, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        to_py(date.py(), &self.inner.semester_of(arg(date, "date")?))
    }
    /// Checks that the term and every period end on or after their start
    /// (`ScheduleError`, `schedule.invalid_period`).
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.inner.validate().py_err(py)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let (c, start, end) = (&self.inner, self.inner.term.start, self.inner.term.end);
        let periods = c.semesters.len() + c.holidays.len() + c.vacations.len();
        format!("SchoolCalendar(term={start}..{end}, periods={periods})")
    }
}

/// Plans the rulebook's milestone template `template` backward from `event_date`,
/// counting days as the rulebook says (working days need `calendar`): a `MilestonePlan`.
#[pyfunction]
#[pyo3(signature = (template, event_date, *, rulebook = None, calendar = None))]
pub fn plan<'py>(
    py: Python<'py>,
    template: &Bound<'py, PyAny>,
    event_date: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let template: String = arg(template, "template")?;
    let event_date = arg(event_date, "event_date")?;
    let calendar = opt_arg::<SchoolCalendar>(calendar, "calendar")?;
    let plan = rulebook
        .as_ref()
        .schedule
        .plan(&template, event_date, calendar.as_ref())
        .py_err(py)?;
    to_py(py, &plan)
}

/// Moves `plan` (as `plan()` gave it) to `new_event_date`, counting days as the plan did,
/// and says which milestones are now past or compressed against `today`: a `Replan`.
#[pyfunction]
#[pyo3(signature = (plan, new_event_date, *, today, calendar = None))]
pub fn replan<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyAny>,
    new_event_date: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let plan: MilestonePlan = arg(plan, "plan")?;
    let (new_date, today) = (arg(new_event_date, "new_event_date")?, arg(today, "today")?);
    let calendar = opt_arg::<SchoolCalendar>(calendar, "calendar")?;
    let replan = schedule::replan(&plan, new_date, today, calendar.as_ref()).py_err(py)?;
    to_py(py, &replan)
}

/// Where `plan` stands on `today`, with the milestones in `done` marked done: a `Countdown`.
#[pyfunction]
#[pyo3(signature = (plan, *, today, done = None))]
pub fn countdown<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    done: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let plan: MilestonePlan = arg(plan, "plan")?;
    let done: Vec<String> = opt_arg(done, "done")?.unwrap_or_default();
    let countdown = schedule::countdown(&plan, &done, arg(today, "today")?).py_err(py)?;
    to_py(py, &countdown)
}

/// The countdowns of many events on the same day, in compact form (`CountdownSummary`
/// dicts). `events` holds `(plan, done)` pairs or dicts `{"plan": ..., "done": [...]}`. The
/// GIL is released; `progress(done, total)` is called every 1,000 events read and once at
/// the end.
#[pyfunction]
#[pyo3(signature = (events, *, today, progress = None))]
pub fn countdowns<'py>(
    py: Python<'py>,
    events: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let today = arg(today, "today")?;
    let items = items(events, "events")?;
    let total = items.len();
    let mut batch = Vec::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 && i % PROGRESS_STEP == 0 {
            report(progress, i, total)?;
        }
        let entry: EventProgress = arg(&named(item, &["plan", "done"])?, &format!("[{i}]"))?;
        batch.push(entry);
    }
    let summaries = py
        .detach(|| schedule::countdowns(&batch, today))
        .py_err(py)?;
    report(progress, total, total)?;
    to_py(py, &summaries)
}

/// Judges `actual` against the rulebook's lead-time rule `rule` for `anchor`: a
/// `LeadTimeVerdict`.
#[pyfunction]
#[pyo3(signature = (rule, *, anchor, actual, rulebook = None, calendar = None))]
pub fn check_lead_time<'py>(
    py: Python<'py>,
    rule: &Bound<'py, PyAny>,
    anchor: &Bound<'py, PyAny>,
    actual: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let rule: String = arg(rule, "rule")?;
    let (anchor, actual) = (arg(anchor, "anchor")?, arg(actual, "actual")?);
    let calendar = opt_arg::<SchoolCalendar>(calendar, "calendar")?;
    let verdict = rulebook
        .as_ref()
        .schedule
        .check_lead_time(&rule, anchor, actual, calendar.as_ref())
        .py_err(py)?;
    to_py(py, &verdict)
}

/// The weekly regular meetings (`MeetingOccurrence` dicts) of `calendar`'s term, skipping
/// holidays and vacations.
#[pyfunction]
#[pyo3(signature = (calendar, *, rulebook = None))]
pub fn regular_meetings<'py>(
    py: Python<'py>,
    calendar: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let calendar: SchoolCalendar = arg(calendar, "calendar")?;
    let meetings = rulebook
        .as_ref()
        .schedule
        .regular_meetings(&calendar)
        .py_err(py)?;
    to_py(py, &meetings)
}

/// Plans (their milestones) and meetings as an iCalendar (RFC 5545) text; `now` is the
/// `DTSTAMP`, in UTC; `locale` is `"en"` or `"zh"`.
#[pyfunction]
#[pyo3(signature = (plans, meetings = None, *, now, locale = None))]
pub fn to_icalendar(
    py: Python<'_>,
    plans: &Bound<'_, PyAny>,
    meetings: Option<&Bound<'_, PyAny>>,
    now: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let plans: Vec<MilestonePlan> = arg(plans, "plans")?;
    let meetings: Vec<MeetingOccurrence> = opt_arg(meetings, "meetings")?.unwrap_or_default();
    let now: NaiveDateTime = arg(now, "now")?;
    schedule::to_icalendar(&plans, &meetings, now, crate::convert::locale(locale)?).py_err(py)
}
