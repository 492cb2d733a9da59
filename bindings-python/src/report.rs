//! The term's data (a handle) and the term report: standings, leave decisions and
//! countdowns out, as dicts.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use secretariat::TermData;
use secretariat::report::term_icalendar as core_ical;

use crate::attendance::{Logged, PyAttendanceRegister};
use crate::convert::{arg, invalid, opt_arg, to_py};
use crate::errors::IntoPy;
use crate::members::PyRoster;
use crate::pickle::{Reduced, reduce};
use crate::rulebook::rulebook_arg;

/// A term's data as a secretary keeps it: calendar, members, events, leave requests, marks
/// and planned activities. `data["members"]` reads one part of it as dicts.
#[pyclass(frozen, eq, module = "secretariat._core", name = "TermData")]
#[derive(Clone, PartialEq)]
pub struct PyTermData {
    /// The core value.
    pub(crate) inner: TermData,
}

impl PyTermData {
    fn wrap(inner: TermData) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl PyTermData {
    /// The bundled sample term (seed 000's department, autumn 2002).
    #[staticmethod]
    fn sample() -> Self {
        Self::wrap(TermData::sample())
    }
    /// Term data from JSON text.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let data = TermData::from_json_str(&arg::<String>(text, "text")?);
        data.py_err(text.py()).map(Self::wrap)
    }
    /// Term data from a JSON file.
    #[staticmethod]
    fn from_file(path: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = std::fs::read_to_string(arg::<PathBuf>(path, "path")?)?;
        TermData::from_json_str(&text)
            .py_err(path.py())
            .map(Self::wrap)
    }
    /// Term data from its dict form (dates as `datetime.date` or ISO text).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        arg(d, "").map(Self::wrap)
    }
    /// One part of the data by its key (`"members"`, `"calendar"`, `"as_of"`...), as
    /// `to_dict()[key]` gives it.
    fn __getitem__<'py>(&self, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let name: String = arg(key, "key")?;
        to_py(key.py(), &self.inner)?.get_item(name)
    }
    /// The roster of the term's members.
    fn roster(&self, py: Python<'_>) -> PyResult<PyRoster> {
        let inner = self.inner.roster().py_err(py)?;
        Ok(PyRoster { inner })
    }
    /// The term's events (dicts): the generated regular meetings, then the listed events.
    #[pyo3(signature = (*, rulebook = None))]
    fn all_events<'py>(
        &self,
        py: Python<'py>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rulebook = rulebook_arg(rulebook)?;
        to_py(py, &self.inner.all_events(rulebook.as_ref()).py_err(py)?)
    }
    /// The attendance register of the term (leave requests decided in order, then the
    /// marks recorded) and the decision on each leave request (`LeaveDecision` dicts).
    #[pyo3(signature = (*, rulebook = None))]
    fn register<'py>(
        &self,
        py: Python<'py>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let rulebook = rulebook_arg(rulebook)?;
        let rb = rulebook.as_ref();
        let data = &self.inner;
        let (register, decisions) = py.detach(|| data.register(rb)).py_err(py)?;
        let made = Logged::Term(Box::new(data.clone()), Box::new(rb.clone()));
        let (inner, log) = (register, vec![(made, None)]);
        let register = Py::new(py, PyAttendanceRegister { inner, log })?;
        PyTuple::new(py, [register.into_any(), to_py(py, &decisions)?.unbind()])
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
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let (d, title) = (&self.inner, &self.inner.title);
        let (members, events, marks) = (d.members.len(), d.events.len(), d.marks.len());
        format!("TermData(title={title:?}, members={members}, events={events}, marks={marks})")
    }
}

/// The term data argument of a function: a `TermData` or its dict.
pub fn term_data_arg(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<TermData> {
    match obj.cast::<PyTermData>() {
        Ok(d) => Ok(d.get().inner.clone()),
        Err(_) => arg(obj, path),
    }
}

/// The day a report is made for: `today`, else the data's `as_of`.
fn report_day(
    py: Python<'_>,
    today: Option<&Bound<'_, PyAny>>,
    data: &TermData,
) -> PyResult<NaiveDate> {
    let today: Option<NaiveDate> = opt_arg(today, "today")?;
    today.or(data.as_of).ok_or_else(|| {
        let detail = "give today, or an as_of date in the term data";
        invalid(py, "today", detail)
    })
}

/// The term report (a `TermReport` dict) for `today` (by default the data's `as_of`):
/// every member's standing, every leave decision, every planned activity's countdown. The
/// GIL is released.
#[pyfunction]
#[pyo3(signature = (data, *, today = None, rulebook = None))]
pub fn term_report<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    today: Option<&Bound<'py, PyAny>>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let data = term_data_arg(data, "")?;
    let today = report_day(py, today, &data)?;
    let rb = rulebook.as_ref();
    let report = py
        .detach(|| secretariat::term_report(rb, &data, today))
        .py_err(py)?;
    to_py(py, &report)
}

/// The term's planned activities (with their milestones) and weekly meetings as an
/// iCalendar (RFC 5545) text; `now` is the `DTSTAMP`, in UTC.
#[pyfunction]
#[pyo3(signature = (data, *, now, rulebook = None, locale = None))]
pub fn term_icalendar(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    now: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let rulebook = rulebook_arg(rulebook)?;
    let data = term_data_arg(data, "")?;
    let now = arg(now, "now")?;
    core_ical(
        rulebook.as_ref(),
        &data,
        now,
        crate::convert::locale(locale)?,
    )
    .py_err(py)
}
