//! The classes every area shares (issues, rule references, date ranges, periods), the
//! macro that declares a frozen result class, and the way this module's own objects are
//! accepted wherever a dict is.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value;

use secretariat::calendar::{DateRange, Period};
use secretariat::rulebook::RulebookStamp;
use secretariat::{Diagnostic, Error, Issue, Locale, RuleRef};

use crate::convert::{Numbers, from_py, to_py};

/// Declares a frozen class wrapping a core value: `inner` holds it, `From` wraps it.
macro_rules! frozen_class {
    ($(#[$doc:meta])* $rust:ident, $name:literal, $inner:ty) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, module = "secretariat._core", name = $name)]
        #[derive(Clone, PartialEq)]
        pub struct $rust {
            /// The core value.
            pub(crate) inner: $inner,
        }

        impl From<$inner> for $rust {
            fn from(inner: $inner) -> Self {
                Self { inner }
            }
        }

        impl $rust {
            /// Wraps a core value.
            #[allow(dead_code)]
            pub(crate) fn wrap(inner: $inner) -> Self {
                Self { inner }
            }
        }
    };
}
pub(crate) use frozen_class;

/// Wraps each core value in its class, as a Python list.
pub fn list_of<'py, T, C>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyList>>
where
    T: Clone,
    C: From<T> + pyo3::PyClass + Into<pyo3::PyClassInitializer<C>>,
{
    let objects = items
        .iter()
        .map(|item| Py::new(py, C::from(item.clone())))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// The language of a message: `"en"` or `"zh"` (also `"zh-Hans"`, `"zh-CN"`).
pub fn locale(py: Python<'_>, name: &str) -> PyResult<Locale> {
    crate::convert::enum_from(py, name, "locale")
}

/// A problem found by the core, as plain data: what a form shows.
#[pyclass(frozen, eq, module = "secretariat._core", name = "Issue")]
#[derive(Clone, PartialEq)]
pub struct PyIssue {
    code: String,
    path: String,
    message: String,
    message_zh: Option<String>,
    params: Vec<(String, String)>,
}

impl PyIssue {
    /// The issue of a core error, with its message in both languages.
    pub fn from_error(e: &Error) -> PyIssue {
        PyIssue::from_diagnostic(e)
    }

    /// The issue of any diagnostic (an error or a warning), in both languages.
    pub fn from_diagnostic(e: &dyn Diagnostic) -> PyIssue {
        PyIssue {
            code: e.code().to_owned(),
            path: e.path().to_owned(),
            message: e.message(Locale::En),
            message_zh: Some(e.message(Locale::ZhHans)),
            params: e
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        }
    }

    /// `code at path` (or the code alone for the whole input), for a `__repr__`.
    pub fn short(&self) -> String {
        if self.path.is_empty() {
            self.code.clone()
        } else {
            format!("{} at {}", self.code, self.path)
        }
    }

    /// An issue the core already flattened (in English only).
    pub fn from_issue(i: &Issue) -> PyIssue {
        PyIssue {
            code: i.code.clone(),
            path: i.path.clone(),
            message: i.message.clone(),
            message_zh: None,
            params: i.params.clone().into_iter().collect(),
        }
    }
}

impl From<Issue> for PyIssue {
    fn from(i: Issue) -> PyIssue {
        PyIssue::from_issue(&i)
    }
}

#[pymethods]
impl PyIssue {
    /// An issue (the core makes them; this constructor is for tests and pickling).
    #[new]
    #[pyo3(signature = (code, path, message, message_zh = None, params = None))]
    fn new(
        code: String,
        path: String,
        message: String,
        message_zh: Option<String>,
        params: Option<std::collections::BTreeMap<String, String>>,
    ) -> Self {
        PyIssue {
            code,
            path,
            message,
            message_zh,
            params: params.unwrap_or_default().into_iter().collect(),
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let py = slf.py();
        let this = slf.get();
        let args = (
            this.code.clone(),
            this.path.clone(),
            this.message.clone(),
            this.message_zh.clone(),
            this.params(py)?,
        )
            .into_pyobject(py)?
            .into_any();
        Ok((slf.get_type().into_any(), args))
    }
    /// The stable machine code, e.g. `leave.no_substitute`.
    #[getter]
    fn code(&self) -> &str {
        &self.code
    }
    /// The path of the offending field; empty for the whole input.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }
    /// The English message.
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }
    /// The Simplified Chinese message (`None` where the core gave English only).
    #[getter]
    fn message_zh(&self) -> Option<&str> {
        self.message_zh.as_deref()
    }
    /// The named values the message is built from.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.params {
            d.set_item(k, v)?;
        }
        Ok(d)
    }
    /// The issue as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("path", &self.path)?;
        d.set_item("message", &self.message)?;
        d.set_item("message_zh", &self.message_zh)?;
        d.set_item("params", self.params(py)?)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!(
            "Issue(code={}, path={}, message={})",
            q(&self.code),
            q(&self.path),
            q(&self.message)
        )
    }
    fn __str__(&self) -> String {
        if self.path.is_empty() {
            format!("[{}] {}", self.code, self.message)
        } else {
            format!("[{}] {}: {}", self.code, self.path, self.message)
        }
    }
}

frozen_class!(
    /// The rulebook key behind a verdict and the seed's article it implements.
    PyRuleRef,
    "RuleRef",
    RuleRef
);

#[pymethods]
impl PyRuleRef {
    /// The rulebook key, e.g. `attendance.lateness_limit`.
    #[getter]
    fn key(&self) -> &str {
        &self.inner.key
    }
    /// The article of the source documents, e.g. `seed 000, discipline §2`.
    #[getter]
    fn article(&self) -> &str {
        &self.inner.article
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "RuleRef(key={}, article={})",
            q(&self.inner.key),
            q(&self.inner.article)
        )
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
}

frozen_class!(
    /// An inclusive range of dates: `start..=end`.
    PyDateRange,
    "DateRange",
    DateRange
);

#[pymethods]
impl PyDateRange {
    #[new]
    fn new(start: NaiveDate, end: NaiveDate) -> Self {
        DateRange::new(start, end).into()
    }
    /// The first day.
    #[getter]
    fn start(&self) -> NaiveDate {
        self.inner.start
    }
    /// The last day (inclusive).
    #[getter]
    fn end(&self) -> NaiveDate {
        self.inner.end
    }
    /// Whether `date` lies in the range.
    fn contains(&self, date: NaiveDate) -> bool {
        self.inner.contains(date)
    }
    fn __contains__(&self, date: NaiveDate) -> bool {
        self.inner.contains(date)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "DateRange(start={}, end={})",
            repr_date(self.inner.start),
            repr_date(self.inner.end)
        )
    }
}

frozen_class!(
    /// A named period of the school year: a semester, a holiday, a vacation.
    PyPeriod,
    "Period",
    Period
);

#[pymethods]
impl PyPeriod {
    #[new]
    fn new(name: String, start: NaiveDate, end: NaiveDate) -> Self {
        Period::new(name, start, end).into()
    }
    /// The name shown in reports.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// The first day.
    #[getter]
    fn start(&self) -> NaiveDate {
        self.inner.start
    }
    /// The last day (inclusive).
    #[getter]
    fn end(&self) -> NaiveDate {
        self.inner.end
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Period(name={}, start={}, end={})",
            q(&self.inner.name),
            repr_date(self.inner.start),
            repr_date(self.inner.end)
        )
    }
}

frozen_class!(
    /// Identifies the rulebook a result was computed with.
    PyRulebookStamp,
    "RulebookStamp",
    RulebookStamp
);

#[pymethods]
impl PyRulebookStamp {
    /// The rulebook's declared name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// The rulebook's declared version.
    #[getter]
    fn version(&self) -> &str {
        &self.inner.version
    }
    /// The fingerprint of its whole content.
    #[getter]
    fn fingerprint(&self) -> &str {
        &self.inner.fingerprint
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "RulebookStamp(name={}, version={}, fingerprint={})",
            q(&self.inner.name),
            q(&self.inner.version),
            q(&self.inner.fingerprint)
        )
    }
}

/// A value written as Python's `repr` writes it, for `__repr__`.
pub trait PyRepr {
    /// The text.
    fn py_repr(&self) -> String;
}

impl PyRepr for str {
    fn py_repr(&self) -> String {
        let quote = if self.contains('\'') && !self.contains('"') {
            '"'
        } else {
            '\''
        };
        let mut out = String::with_capacity(self.len() + 2);
        out.push(quote);
        for c in self.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        out.push(quote);
        out
    }
}

impl PyRepr for String {
    fn py_repr(&self) -> String {
        self.as_str().py_repr()
    }
}

macro_rules! number_repr {
    ($($t:ty),*) => {
        $(
            impl PyRepr for $t {
                fn py_repr(&self) -> String {
                    self.to_string()
                }
            }
        )*
    };
}
number_repr!(usize, u32, i64);

impl<T: PyRepr + ?Sized> PyRepr for &T {
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl<T: PyRepr> PyRepr for Option<T> {
    fn py_repr(&self) -> String {
        match self {
            Some(v) => v.py_repr(),
            None => "None".to_owned(),
        }
    }
}

impl<T: PyRepr> PyRepr for Vec<T> {
    fn py_repr(&self) -> String {
        let items: Vec<String> = self.iter().map(PyRepr::py_repr).collect();
        format!("[{}]", items.join(", "))
    }
}

/// `repr(value)`, as Python writes it.
pub fn q<T: PyRepr + ?Sized>(value: &T) -> String {
    value.py_repr()
}

/// `datetime.date(2002, 10, 14)`, as Python writes a date.
pub fn repr_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day())
}

/// A date range from a `DateRange`, a `(start, end)` pair or a dict.
pub fn date_range(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<DateRange> {
    if let Ok(r) = obj.cast::<PyDateRange>() {
        return Ok(r.get().inner);
    }
    if let Ok((start, end)) = obj.extract::<(NaiveDate, NaiveDate)>() {
        return Ok(DateRange::new(start, end));
    }
    from_py(obj, path, Numbers::Exact)
}

/// The core value of one of this module's objects, as JSON, so that it is accepted
/// wherever its dict form is (a `Member` in a list of members, a `SchoolCalendar` in term
/// data).
pub fn class_value(obj: &Bound<'_, PyAny>) -> Option<Value> {
    use crate::attendance::{PyEvent, PyLeaveRequest};
    use crate::members::PyMember;
    use crate::report::{PyPlannedActivity, PyTermData};
    use crate::schedule::{PyMilestonePlan, PySchoolCalendar};

    fn json<T: serde::Serialize>(v: &T) -> Option<Value> {
        serde_json::to_value(v).ok()
    }
    macro_rules! try_class {
        ($($class:ty),*) => {
            $(
                if let Ok(c) = obj.cast::<$class>() {
                    return json(&c.get().inner);
                }
            )*
        };
    }
    try_class!(
        PyMember,
        PyEvent,
        PyLeaveRequest,
        PyDateRange,
        PyPeriod,
        PySchoolCalendar,
        PyMilestonePlan,
        PyPlannedActivity,
        PyTermData,
        PyRuleRef
    );
    None
}
