//! Scheduling: the school calendar, milestone plans, re-planning, countdowns, lead times,
//! weekly meetings and iCalendar.

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use secretariat::calendar::{Period, SchoolCalendar};
use secretariat::schedule::{
    self, Countdown, CountdownSummary, EventProgress, LeadTimeVerdict, MeetingOccurrence,
    MilestoneCountdown, MilestonePlan, MilestoneShift, PlannedMilestone, Replan,
};

use crate::classes::{
    PyDateRange, PyPeriod, PyRuleRef, date_range, frozen_class, list_of, q, repr_date,
};
use crate::convert::{Numbers, enum_name, from_py, to_py};
use crate::errors::IntoPy;
use crate::rulebook::rulebook_arg;

/// How many events are counted down between two calls of a `progress` callback.
const PROGRESS_STEP: usize = 1_000;

frozen_class!(
    /// A school's calendar for one term of office: the term, semesters, holidays,
    /// vacations, make-up working days and the weekend.
    PySchoolCalendar,
    "SchoolCalendar",
    SchoolCalendar
);

fn periods(obj: Option<&Bound<'_, PyAny>>, path: &str) -> PyResult<Vec<Period>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        let at = format!("{path}[{i}]");
        if let Ok(p) = item.cast::<PyPeriod>() {
            out.push(p.get().inner.clone());
        } else if let Ok((name, start, end)) = item.extract::<(String, NaiveDate, NaiveDate)>() {
            out.push(Period::new(name, start, end));
        } else {
            out.push(from_py(&item, &at, Numbers::Exact)?);
        }
    }
    Ok(out)
}

#[pymethods]
impl PySchoolCalendar {
    /// A calendar: `term` is a `DateRange` or a `(start, end)` pair; periods are `Period`s,
    /// `(name, start, end)` triples or dicts; `weekend` names days (`"Sat"`, `"Sun"`).
    #[new]
    #[pyo3(signature = (term, *, semesters = None, holidays = None, vacations = None, makeup_workdays = None, weekend = None))]
    fn new(
        py: Python<'_>,
        term: &Bound<'_, PyAny>,
        semesters: Option<&Bound<'_, PyAny>>,
        holidays: Option<&Bound<'_, PyAny>>,
        vacations: Option<&Bound<'_, PyAny>>,
        makeup_workdays: Option<Vec<NaiveDate>>,
        weekend: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let mut calendar = SchoolCalendar::new(date_range(term, "term")?);
        calendar.semesters = periods(semesters, "semesters")?;
        calendar.holidays = periods(holidays, "holidays")?;
        calendar.vacations = periods(vacations, "vacations")?;
        calendar.makeup_workdays = makeup_workdays.unwrap_or_default();
        if let Some(days) = weekend {
            let list = PyList::new(py, days)?;
            calendar.weekend = from_py::<Vec<Weekday>>(list.as_any(), "weekend", Numbers::Exact)?;
        }
        Ok(calendar.into())
    }
    /// A calendar from its dict form.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }
    /// The term of office.
    #[getter]
    fn term(&self) -> PyDateRange {
        self.inner.term.into()
    }
    /// The semesters.
    #[getter]
    fn semesters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyPeriod>(py, &self.inner.semesters)
    }
    /// The public holidays.
    #[getter]
    fn holidays<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyPeriod>(py, &self.inner.holidays)
    }
    /// The vacations.
    #[getter]
    fn vacations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyPeriod>(py, &self.inner.vacations)
    }
    /// Weekend days that are working days.
    #[getter]
    fn makeup_workdays(&self) -> Vec<NaiveDate> {
        self.inner.makeup_workdays.clone()
    }
    /// The days of the week that are off (`"Sat"`, `"Sun"`).
    #[getter]
    fn weekend(&self) -> Vec<String> {
        self.inner.weekend.iter().map(|d| d.to_string()).collect()
    }
    /// Whether `date` is a working day.
    fn is_working_day(&self, date: NaiveDate) -> bool {
        self.inner.is_working_day(date)
    }
    /// Whether `date` falls in a holiday or a vacation.
    fn is_holiday_or_vacation(&self, date: NaiveDate) -> bool {
        self.inner.is_holiday_or_vacation(date)
    }
    /// The `days`-th working day after `date` (before it when negative).
    fn add_working_days(&self, py: Python<'_>, date: NaiveDate, days: i32) -> PyResult<NaiveDate> {
        self.inner.add_working_days(date, days).py_err(py)
    }
    /// Working days in `start..end` (`start` counted, `end` not); negative when `end` is
    /// earlier.
    fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        self.inner.working_days_between(start, end)
    }
    /// The semester that contains `date`, if any.
    fn semester_of(&self, date: NaiveDate) -> Option<PyPeriod> {
        self.inner.semester_of(date).cloned().map(Into::into)
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
    fn __repr__(&self) -> String {
        format!(
            "SchoolCalendar(term={}..{}, semesters={}, holidays={}, vacations={})",
            self.inner.term.start,
            self.inner.term.end,
            self.inner.semesters.len(),
            self.inner.holidays.len(),
            self.inner.vacations.len()
        )
    }
}

/// The calendar argument of a function: a `SchoolCalendar` or a dict.
pub fn calendar_arg(obj: &Bound<'_, PyAny>) -> PyResult<SchoolCalendar> {
    match obj.cast::<PySchoolCalendar>() {
        Ok(c) => Ok(c.get().inner.clone()),
        Err(_) => from_py(obj, "calendar", Numbers::Exact),
    }
}

fn optional_calendar(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<SchoolCalendar>> {
    match obj {
        Some(o) if !o.is_none() => calendar_arg(o).map(Some),
        _ => Ok(None),
    }
}

frozen_class!(
    /// A milestone template laid out on the calendar for one event.
    PyMilestonePlan,
    "MilestonePlan",
    MilestonePlan
);

#[pymethods]
impl PyMilestonePlan {
    /// A plan from its dict form (as `to_dict()` gives it).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }
    /// The same plan under another event id (kept by `replan`, used in iCalendar UIDs)
    /// and, if given, another title.
    #[pyo3(signature = (event_id, title = None))]
    fn with_event(&self, event_id: String, title: Option<String>) -> Self {
        let mut plan = self.inner.clone();
        plan.event_id = event_id;
        if let Some(title) = title {
            plan.title = title;
        }
        plan.into()
    }
    /// The event's id in exports.
    #[getter]
    fn event_id(&self) -> &str {
        &self.inner.event_id
    }
    /// The template's id in the rulebook.
    #[getter]
    fn template_id(&self) -> &str {
        &self.inner.template_id
    }
    /// The activity's name.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The event's (tentative) date.
    #[getter]
    fn event_date(&self) -> NaiveDate {
        self.inner.event_date
    }
    /// How the offsets were counted (`calendar` or `working`).
    #[getter]
    fn day_count(&self) -> String {
        enum_name(&self.inner.day_count)
    }
    /// The template's rulebook key and article.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// The milestones, in the template's order.
    #[getter]
    fn milestones<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyPlannedMilestone>(py, &self.inner.milestones)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "MilestonePlan(event_id={}, template_id={}, event_date={}, milestones={})",
            q(&self.inner.event_id),
            q(&self.inner.template_id),
            repr_date(self.inner.event_date),
            self.inner.milestones.len()
        )
    }
}

fn plan_arg(obj: &Bound<'_, PyAny>) -> PyResult<MilestonePlan> {
    match obj.cast::<PyMilestonePlan>() {
        Ok(p) => Ok(p.get().inner.clone()),
        Err(_) => from_py(obj, "plan", Numbers::Exact),
    }
}

frozen_class!(
    /// One milestone of a plan, with its window of dates.
    PyPlannedMilestone,
    "PlannedMilestone",
    PlannedMilestone
);

#[pymethods]
impl PyPlannedMilestone {
    /// The template milestone's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// What is done.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// Who takes part.
    #[getter]
    fn participants(&self) -> Vec<String> {
        self.inner.participants.clone()
    }
    /// The template's comment.
    #[getter]
    fn note(&self) -> &str {
        &self.inner.note
    }
    /// A role that must approve the result before the work goes on.
    #[getter]
    fn approval(&self) -> Option<&'static str> {
        self.inner.approval.map(|r| r.key())
    }
    /// The window opens this many days before the event.
    #[getter]
    fn earliest_days_before(&self) -> i32 {
        self.inner.earliest_days_before
    }
    /// The window closes this many days before the event.
    #[getter]
    fn latest_days_before(&self) -> i32 {
        self.inner.latest_days_before
    }
    /// The dates of the window; its last day is the due date.
    #[getter]
    fn window(&self) -> PyDateRange {
        self.inner.window.into()
    }
    /// The milestone's rulebook key and article.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "PlannedMilestone(id={}, window={}..{})",
            q(&self.inner.id),
            self.inner.window.start,
            self.inner.window.end
        )
    }
}

/// Plans the rulebook's milestone template `template` backward from `event_date`,
/// counting days as the rulebook says (working days need `calendar`).
#[pyfunction]
#[pyo3(signature = (template, event_date, *, rulebook = None, calendar = None))]
pub fn plan(
    py: Python<'_>,
    template: &str,
    event_date: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyMilestonePlan> {
    let rulebook = rulebook_arg(rulebook)?;
    let calendar = optional_calendar(calendar)?;
    rulebook
        .get()
        .schedule
        .plan(template, event_date, calendar.as_ref())
        .py_err(py)
        .map(Into::into)
}

/// Moves `plan` to `new_event_date`, counting days as the plan did, and says which
/// milestones are now past or compressed against `today`.
#[pyfunction]
#[pyo3(signature = (plan, new_event_date, *, today, calendar = None))]
pub fn replan(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    new_event_date: NaiveDate,
    today: NaiveDate,
    calendar: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReplan> {
    let plan = plan_arg(plan)?;
    let calendar = optional_calendar(calendar)?;
    schedule::replan(&plan, new_event_date, today, calendar.as_ref())
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// A plan moved to a new event date.
    PyReplan,
    "Replan",
    Replan
);

#[pymethods]
impl PyReplan {
    /// The plan at the new date (same event id).
    #[getter]
    fn plan(&self) -> PyMilestonePlan {
        self.inner.plan.clone().into()
    }
    /// The date the timings are judged against.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.inner.today
    }
    /// Calendar days the event moved (negative: earlier).
    #[getter]
    fn event_shift_days(&self) -> i64 {
        self.inner.event_shift_days
    }
    /// Each milestone's move, in the plan's order.
    #[getter]
    fn milestones<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyMilestoneShift>(py, &self.inner.milestones)
    }
    /// Ids of the milestones whose new window closed before today.
    #[getter]
    fn past(&self) -> Vec<String> {
        self.inner.past.clone()
    }
    /// Ids of the milestones whose new window has already begun.
    #[getter]
    fn compressed(&self) -> Vec<String> {
        self.inner.compressed.clone()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Replan(event_shift_days={}, past={}, compressed={})",
            self.inner.event_shift_days,
            q(&self.inner.past),
            q(&self.inner.compressed)
        )
    }
}

frozen_class!(
    /// How one milestone moved.
    PyMilestoneShift,
    "MilestoneShift",
    MilestoneShift
);

#[pymethods]
impl PyMilestoneShift {
    /// The milestone's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// The window before the move.
    #[getter]
    fn old_window(&self) -> PyDateRange {
        self.inner.old_window.into()
    }
    /// The window after the move.
    #[getter]
    fn new_window(&self) -> PyDateRange {
        self.inner.new_window.into()
    }
    /// Calendar days the window's last day moved.
    #[getter]
    fn shift_days(&self) -> i64 {
        self.inner.shift_days
    }
    /// `ahead`, `compressed` or `past`.
    #[getter]
    fn timing(&self) -> String {
        enum_name(&self.inner.timing)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "MilestoneShift(id={}, shift_days={}, timing={})",
            q(&self.inner.id),
            self.inner.shift_days,
            q(&enum_name(&self.inner.timing))
        )
    }
}

/// Where `plan` stands on `today`, with the milestones in `done` marked done.
#[pyfunction]
#[pyo3(signature = (plan, *, today, done = None))]
pub fn countdown(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    today: NaiveDate,
    done: Option<Vec<String>>,
) -> PyResult<PyCountdown> {
    let plan = plan_arg(plan)?;
    schedule::countdown(&plan, &done.unwrap_or_default(), today)
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// Where a plan stands today.
    PyCountdown,
    "Countdown",
    Countdown
);

#[pymethods]
impl PyCountdown {
    /// The plan's event id.
    #[getter]
    fn event_id(&self) -> &str {
        &self.inner.event_id
    }
    /// The event's date.
    #[getter]
    fn event_date(&self) -> NaiveDate {
        self.inner.event_date
    }
    /// The date the countdown is taken on.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.inner.today
    }
    /// Calendar days from today to the event; negative once it has passed.
    #[getter]
    fn days_to_event(&self) -> i64 {
        self.inner.days_to_event
    }
    /// Each milestone, in the plan's order.
    #[getter]
    fn milestones<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyMilestoneCountdown>(py, &self.inner.milestones)
    }
    /// The id of the next action; `None` when every milestone is done.
    #[getter]
    fn next_action(&self) -> Option<&str> {
        self.inner.next_action.as_deref()
    }
    /// The milestone named by `next_action`.
    fn next(&self) -> Option<PyMilestoneCountdown> {
        self.inner.next().cloned().map(Into::into)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Countdown(event_id={}, today={}, days_to_event={}, next_action={})",
            q(&self.inner.event_id),
            repr_date(self.inner.today),
            self.inner.days_to_event,
            q(&self.inner.next_action)
        )
    }
}

frozen_class!(
    /// One milestone of a countdown.
    PyMilestoneCountdown,
    "MilestoneCountdown",
    MilestoneCountdown
);

#[pymethods]
impl PyMilestoneCountdown {
    /// The milestone's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// The milestone's window.
    #[getter]
    fn window(&self) -> PyDateRange {
        self.inner.window.into()
    }
    /// `done`, `upcoming`, `in_window`, `due_today` or `overdue`.
    #[getter]
    fn status(&self) -> String {
        enum_name(&self.inner.status)
    }
    /// Calendar days from today to the window's last day; negative once past.
    #[getter]
    fn days_remaining(&self) -> i64 {
        self.inner.days_remaining
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "MilestoneCountdown(id={}, status={}, days_remaining={})",
            q(&self.inner.id),
            q(&enum_name(&self.inner.status)),
            self.inner.days_remaining
        )
    }
}

/// The countdowns of many events on the same day, in compact form. `events` holds
/// `(plan, done)` pairs or dicts `{"plan": ..., "done": [...]}`. The GIL is released;
/// `progress(done, total)` is called every 1,000 events read and once at the end.
#[pyfunction]
#[pyo3(signature = (events, *, today, progress = None))]
pub fn countdowns(
    py: Python<'_>,
    events: &Bound<'_, PyAny>,
    today: NaiveDate,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyCountdownSummary>> {
    let items: Vec<Bound<'_, PyAny>> = events.try_iter()?.collect::<PyResult<_>>()?;
    let total = items.len();
    let mut batch = Vec::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 && i % PROGRESS_STEP == 0 {
            report(progress, i, total)?;
        }
        let entry = match progress_entry(item, i)? {
            Some(entry) => entry,
            None => from_py(item, &format!("[{i}]"), Numbers::Exact)?,
        };
        batch.push(entry);
    }
    let summaries = py
        .detach(|| schedule::countdowns(&batch, today))
        .py_err(py)?;
    report(progress, total, total)?;
    Ok(summaries.into_iter().map(Into::into).collect())
}

/// A `(plan, done)` pair, or a dict whose plan is a `MilestonePlan` object, read without a
/// round trip through JSON; `None` for other shapes.
fn progress_entry(item: &Bound<'_, PyAny>, i: usize) -> PyResult<Option<EventProgress>> {
    let (plan_obj, done_obj) = if let Ok(pair) = item.cast::<PyTuple>() {
        if pair.len() != 2 {
            return Ok(None);
        }
        (pair.get_item(0)?, Some(pair.get_item(1)?))
    } else if let Ok(d) = item.cast::<PyDict>() {
        match d.get_item("plan")? {
            Some(p) if p.cast::<PyMilestonePlan>().is_ok() && d.len() <= 2 => {
                (p, d.get_item("done")?)
            }
            _ => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    let plan = match plan_obj.cast::<PyMilestonePlan>() {
        Ok(p) => p.get().inner.clone(),
        Err(_) => from_py(&plan_obj, &format!("[{i}].plan"), Numbers::Exact)?,
    };
    let done: Vec<String> = match done_obj {
        Some(d) if !d.is_none() => from_py(&d, &format!("[{i}].done"), Numbers::Exact)?,
        _ => Vec::new(),
    };
    Ok(Some(EventProgress { plan, done }))
}

fn report(progress: Option<&Bound<'_, PyAny>>, done: usize, total: usize) -> PyResult<()> {
    if let Some(callback) = progress
        && !callback.is_none()
    {
        callback.call1((done, total))?;
    }
    Ok(())
}

frozen_class!(
    /// Where one event of a batch stands, by position in its plan.
    PyCountdownSummary,
    "CountdownSummary",
    CountdownSummary
);

#[pymethods]
impl PyCountdownSummary {
    /// Calendar days from today to the event.
    #[getter]
    fn days_to_event(&self) -> i64 {
        self.inner.days_to_event
    }
    /// Each milestone's status, in the plan's order.
    #[getter]
    fn statuses(&self) -> Vec<String> {
        self.inner.statuses.iter().map(enum_name).collect()
    }
    /// The position in the plan of the next action.
    #[getter]
    fn next_action(&self) -> Option<usize> {
        self.inner.next_action
    }
    /// Calendar days from today to the end of the next action's window.
    #[getter]
    fn next_days_remaining(&self) -> Option<i64> {
        self.inner.next_days_remaining
    }
    /// How many milestones are overdue.
    #[getter]
    fn overdue(&self) -> usize {
        self.inner.overdue
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "CountdownSummary(days_to_event={}, next_action={}, overdue={})",
            self.inner.days_to_event,
            q(&self.inner.next_action),
            self.inner.overdue
        )
    }
}

/// Judges `actual` against the rulebook's lead-time rule `rule` for `anchor`.
#[pyfunction]
#[pyo3(signature = (rule, *, anchor, actual, rulebook = None, calendar = None))]
pub fn check_lead_time(
    py: Python<'_>,
    rule: &str,
    anchor: NaiveDate,
    actual: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyLeadTimeVerdict> {
    let rulebook = rulebook_arg(rulebook)?;
    let calendar = optional_calendar(calendar)?;
    rulebook
        .get()
        .schedule
        .check_lead_time(rule, anchor, actual, calendar.as_ref())
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// The verdict of a lead-time rule on a date, with the numbers behind it.
    PyLeadTimeVerdict,
    "LeadTimeVerdict",
    LeadTimeVerdict
);

#[pymethods]
impl PyLeadTimeVerdict {
    /// The rule's rulebook key and article.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// The anchor date.
    #[getter]
    fn anchor(&self) -> NaiveDate {
        self.inner.anchor
    }
    /// The date the thing was (or will be) done.
    #[getter]
    fn actual(&self) -> NaiveDate {
        self.inner.actual
    }
    /// The rule's window of dates; its last day is the deadline.
    #[getter]
    fn window(&self) -> PyDateRange {
        self.inner.window.into()
    }
    /// `on_time`, `early` or `late`.
    #[getter]
    fn outcome(&self) -> String {
        enum_name(&self.inner.outcome)
    }
    /// Days outside the on-time dates (0 when on time).
    #[getter]
    fn days_outside(&self) -> i64 {
        self.inner.days_outside
    }
    /// Days from the anchor to the actual date.
    #[getter]
    fn days_from_anchor(&self) -> i64 {
        self.inner.days_from_anchor
    }
    /// How days were counted.
    #[getter]
    fn day_count(&self) -> String {
        enum_name(&self.inner.day_count)
    }
    /// Whether the verdict is a failure (late).
    #[getter]
    fn is_failure(&self) -> bool {
        self.inner.is_failure()
    }
    /// Whether the verdict is a warning (early).
    #[getter]
    fn is_warning(&self) -> bool {
        self.inner.is_warning()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "LeadTimeVerdict(rule={}, outcome={}, days_outside={})",
            q(&self.inner.rule.key),
            q(&enum_name(&self.inner.outcome)),
            self.inner.days_outside
        )
    }
}

/// The weekly regular meetings of `calendar`'s term, skipping holidays and vacations.
#[pyfunction]
#[pyo3(signature = (calendar, *, rulebook = None))]
pub fn regular_meetings<'py>(
    py: Python<'py>,
    calendar: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let rulebook = rulebook_arg(rulebook)?;
    let calendar = calendar_arg(calendar)?;
    let meetings = rulebook
        .get()
        .schedule
        .regular_meetings(&calendar)
        .py_err(py)?;
    list_of::<_, PyMeetingOccurrence>(py, &meetings)
}

frozen_class!(
    /// One regular meeting on the calendar.
    PyMeetingOccurrence,
    "MeetingOccurrence",
    MeetingOccurrence
);

#[pymethods]
impl PyMeetingOccurrence {
    /// Stable id: `regular-meeting-YYYY-MM-DD`.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// The meeting's date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }
    /// Local start.
    #[getter]
    fn start(&self) -> NaiveDateTime {
        self.inner.start
    }
    /// Local end.
    #[getter]
    fn end(&self) -> NaiveDateTime {
        self.inner.end
    }
    /// The rule behind it.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "MeetingOccurrence(id={}, start={})",
            q(&self.inner.id),
            q(&self.inner.start.to_string())
        )
    }
}

/// Plans (their milestones) and meetings as an iCalendar (RFC 5545) text; `now` is the
/// `DTSTAMP`, in UTC; `locale` is `"en"` or `"zh"`.
#[pyfunction]
#[pyo3(signature = (plans, meetings = None, *, now, locale = "en"))]
pub fn to_icalendar(
    py: Python<'_>,
    plans: &Bound<'_, PyAny>,
    meetings: Option<&Bound<'_, PyAny>>,
    now: NaiveDateTime,
    locale: &str,
) -> PyResult<String> {
    let plans: Vec<MilestonePlan> = plans
        .try_iter()?
        .map(|p| p.and_then(|p| plan_arg(&p)))
        .collect::<PyResult<_>>()?;
    let meetings: Vec<MeetingOccurrence> = match meetings {
        None => Vec::new(),
        Some(m) if m.is_none() => Vec::new(),
        Some(m) => m
            .try_iter()?
            .enumerate()
            .map(|(i, item)| {
                let item = item?;
                match item.cast::<PyMeetingOccurrence>() {
                    Ok(o) => Ok(o.get().inner.clone()),
                    Err(_) => from_py(&item, &format!("meetings[{i}]"), Numbers::Exact),
                }
            })
            .collect::<PyResult<_>>()?,
    };
    let locale = crate::classes::locale(py, locale)?;
    schedule::to_icalendar(&plans, &meetings, now, locale).py_err(py)
}
