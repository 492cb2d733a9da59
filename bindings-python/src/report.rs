//! The term report: a term's data in, standings, leave decisions and countdowns out.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use secretariat::report::{
    ActivityStatus, LeaveDecision, PlannedActivity, TermReport, term_icalendar as core_ical,
};
use secretariat::{Locale, TermData};

use crate::attendance::{PyAttendanceRegister, PyEvent, PyLeaveGrant, PyLeaveRequest, PyStandings};
use crate::classes::{PyIssue, PyRulebookStamp, frozen_class, list_of, q, repr_date};
use crate::convert::{Numbers, from_py, input_error, to_py};
use crate::errors::{IntoPy, to_py_err};
use crate::members::{PyMember, PyRoster};
use crate::rulebook::rulebook_arg;
use crate::schedule::{PyCountdown, PyMilestonePlan, PySchoolCalendar};

frozen_class!(
    /// A term's data as a secretary keeps it: calendar, members, events, leave requests,
    /// marks and planned activities.
    PyTermData,
    "TermData",
    TermData
);

#[pymethods]
impl PyTermData {
    /// The bundled sample term (seed 000's department, autumn 2002).
    #[staticmethod]
    fn sample() -> Self {
        TermData::sample().into()
    }
    /// Term data from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        TermData::from_json_str(text).py_err(py).map(Self::wrap)
    }
    /// Term data from a JSON file.
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let text = std::fs::read_to_string(path)?;
        Self::from_json(py, &text)
    }
    /// Term data from its dict form (dates as `datetime.date` or ISO text).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }
    /// The report's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The day the data was last brought up to date: the report's default "today".
    #[getter]
    fn as_of(&self) -> Option<NaiveDate> {
        self.inner.as_of
    }
    /// The school calendar.
    #[getter]
    fn calendar(&self) -> PySchoolCalendar {
        self.inner.calendar.clone().into()
    }
    /// The members.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyMember>(py, &self.inner.members)
    }
    /// The events other than the generated regular meetings.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyEvent>(py, &self.inner.events)
    }
    /// The leave requests, in the order they were made.
    #[getter]
    fn leave_requests<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyLeaveRequest>(py, &self.inner.leave_requests)
    }
    /// The attendance marks, as dicts.
    #[getter]
    fn marks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.marks)
    }
    /// The activities planned with milestone templates.
    #[getter]
    fn activities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyPlannedActivity>(py, &self.inner.activities)
    }
    /// The roster of the term's members.
    fn roster(&self, py: Python<'_>) -> PyResult<PyRoster> {
        self.inner.roster().py_err(py).map(Into::into)
    }
    /// The term's events: the generated regular meetings, then the listed events.
    #[pyo3(signature = (*, rulebook = None))]
    fn all_events<'py>(
        &self,
        py: Python<'py>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let rulebook = rulebook_arg(rulebook)?;
        let events = self.inner.all_events(rulebook.get()).py_err(py)?;
        list_of::<_, PyEvent>(py, &events)
    }
    /// The attendance register of the term (leave requests decided in order, then the
    /// marks recorded) and the decision on each leave request.
    #[pyo3(signature = (*, rulebook = None))]
    fn register<'py>(
        &self,
        py: Python<'py>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let rulebook = rulebook_arg(rulebook)?;
        let rb = rulebook.get();
        let data = &self.inner;
        let (register, decisions) = py.detach(|| data.register(rb)).py_err(py)?;
        let register = Py::new(py, PyAttendanceRegister { inner: register })?;
        let decisions = list_of::<_, PyLeaveDecision>(py, &decisions)?;
        PyTuple::new(py, [register.into_any(), decisions.into_any().unbind()])
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// As JSON text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
    fn __repr__(&self) -> String {
        format!(
            "TermData(title={}, members={}, events={}, marks={}, activities={})",
            q(&self.inner.title),
            self.inner.members.len(),
            self.inner.events.len(),
            self.inner.marks.len(),
            self.inner.activities.len()
        )
    }
}

fn term_data_arg(obj: &Bound<'_, PyAny>) -> PyResult<TermData> {
    match obj.cast::<PyTermData>() {
        Ok(d) => Ok(d.get().inner.clone()),
        Err(_) => from_py(obj, "", Numbers::Exact),
    }
}

frozen_class!(
    /// An activity planned backward from its date with a milestone template.
    PyPlannedActivity,
    "PlannedActivity",
    PlannedActivity
);

#[pymethods]
impl PyPlannedActivity {
    /// The activity's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The rulebook's milestone template.
    #[getter]
    fn template(&self) -> &str {
        &self.inner.template
    }
    /// The (possibly tentative) date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }
    /// Ids of milestones already done.
    #[getter]
    fn done(&self) -> Vec<String> {
        self.inner.done.clone()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "PlannedActivity(id={}, template={}, date={})",
            q(&self.inner.id),
            q(&self.inner.template),
            repr_date(self.inner.date)
        )
    }
}

/// The day a report is made for: `today`, else the data's `as_of`.
fn report_day(py: Python<'_>, today: Option<NaiveDate>, data: &TermData) -> PyResult<NaiveDate> {
    today.or(data.as_of).ok_or_else(|| {
        to_py_err(
            py,
            &input_error(
                "input.invalid",
                "today",
                "give today, or an as_of date in the term data",
            ),
        )
    })
}

/// The term report for `today` (by default the data's `as_of`): every member's standing,
/// every leave decision, every planned activity's countdown. The GIL is released.
#[pyfunction]
#[pyo3(signature = (data, *, today = None, rulebook = None))]
pub fn term_report(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    today: Option<NaiveDate>,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTermReport> {
    let rulebook = rulebook_arg(rulebook)?;
    let data = term_data_arg(data)?;
    let today = report_day(py, today, &data)?;
    let rb = rulebook.get();
    py.detach(|| secretariat::term_report(rb, &data, today))
        .py_err(py)
        .map(Into::into)
}

/// The term's planned activities (with their milestones) and weekly meetings as an
/// iCalendar (RFC 5545) text; `now` is the `DTSTAMP`, in UTC.
#[pyfunction]
#[pyo3(signature = (data, *, now, rulebook = None, locale = "en"))]
pub fn term_icalendar(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    now: NaiveDateTime,
    rulebook: Option<&Bound<'_, PyAny>>,
    locale: &str,
) -> PyResult<String> {
    let rulebook = rulebook_arg(rulebook)?;
    let data = term_data_arg(data)?;
    let locale: Locale = crate::classes::locale(py, locale)?;
    core_ical(rulebook.get(), &data, now, locale).py_err(py)
}

frozen_class!(
    /// The report of a term on a day.
    PyTermReport,
    "TermReport",
    TermReport
);

#[pymethods]
impl PyTermReport {
    /// The report's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The day it was made for.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.inner.today
    }
    /// The rulebook used.
    #[getter]
    fn rulebook(&self) -> PyRulebookStamp {
        self.inner.rulebook.clone().into()
    }
    /// Every member's standing.
    #[getter]
    fn standings(&self) -> PyStandings {
        PyStandings {
            items: self.inner.standings.clone(),
            today: self.inner.today,
        }
    }
    /// Every leave request's decision.
    #[getter]
    fn leave<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyLeaveDecision>(py, &self.inner.leave)
    }
    /// Every planned activity's milestones and where they stand.
    #[getter]
    fn activities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyActivityStatus>(py, &self.inner.activities)
    }
    /// The report as aligned plain-text tables, in `locale` (`"en"` or `"zh"`).
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// As JSON text (the core's own form, as `term_report --json` prints it).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
    fn __repr__(&self) -> String {
        format!(
            "TermReport(title={}, today={}, standings={}, leave={}, activities={})",
            q(&self.inner.title),
            repr_date(self.inner.today),
            self.inner.standings.len(),
            self.inner.leave.len(),
            self.inner.activities.len()
        )
    }
}

frozen_class!(
    /// What became of one leave request.
    PyLeaveDecision,
    "LeaveDecision",
    LeaveDecision
);

#[pymethods]
impl PyLeaveDecision {
    /// The request.
    #[getter]
    fn request(&self) -> PyLeaveRequest {
        self.inner.request.clone().into()
    }
    /// The grant, when approved.
    #[getter]
    fn granted(&self) -> Option<PyLeaveGrant> {
        self.inner.granted.clone().map(Into::into)
    }
    /// Every reason for refusal (English messages), when refused.
    #[getter]
    fn refused(&self) -> Vec<PyIssue> {
        self.inner.refused.iter().map(PyIssue::from_issue).collect()
    }
    /// Whether the leave was granted.
    #[getter]
    fn is_granted(&self) -> bool {
        self.inner.granted.is_some()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "LeaveDecision(member={}, event={}, granted={}, refused={})",
            q(&self.inner.request.member.as_str()),
            q(&self.inner.request.event.as_str()),
            self.inner.granted.is_some(),
            q(&self
                .inner
                .refused
                .iter()
                .map(|i| i.code.as_str())
                .collect::<Vec<_>>())
        )
    }
}

frozen_class!(
    /// A planned activity on the report's day: its milestone plan and countdown.
    PyActivityStatus,
    "ActivityStatus",
    ActivityStatus
);

#[pymethods]
impl PyActivityStatus {
    /// The activity's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The milestones planned backward from its date.
    #[getter]
    fn plan(&self) -> PyMilestonePlan {
        self.inner.plan.clone().into()
    }
    /// Where each milestone stands, and the next action.
    #[getter]
    fn countdown(&self) -> PyCountdown {
        self.inner.countdown.clone().into()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "ActivityStatus(id={}, next_action={})",
            q(&self.inner.id),
            q(&self.inner.countdown.next_action)
        )
    }
}
