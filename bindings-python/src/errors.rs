//! The core's errors as Python exceptions: one tree rooted at `SecretariatError`, one class
//! per area (the first part of the code), validation errors also `ValueError`s.

use std::ffi::CString;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

use secretariat::{Diagnostic, Error, Locale};

use crate::classes::PyIssue;

/// The Python source of the exception classes.
const EXCEPTIONS_PY: &str = include_str!("exceptions.py");

/// The exception class of each area of the core (`Error::area()`).
pub const AREA_CLASSES: &[(&str, &str)] = &[
    ("input", "InputError"),
    ("rulebook", "RulebookError"),
    ("member", "MemberError"),
    ("attendance", "AttendanceError"),
    ("leave", "LeaveError"),
    ("schedule", "ScheduleError"),
    ("evaluation", "EvaluationError"),
    ("recruitment", "RecruitmentError"),
    ("budget", "BudgetError"),
    ("activity", "ActivityError"),
    ("authority", "AuthorityError"),
];

static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// Defines the exception classes in `module` (once, at import).
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let code = CString::new(EXCEPTIONS_PY)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    let namespace = module.dict();
    py.run(&code, Some(&namespace), None)?;
    let classes = PyDict::new(py);
    for name in ["SecretariatError", "ValidationError"]
        .into_iter()
        .chain(AREA_CLASSES.iter().map(|(_, class)| *class))
    {
        let class = namespace
            .get_item(name)?
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err(name.to_owned()))?;
        classes.set_item(name, &class)?;
        // `add` also lists the class in the module's `__all__`.
        module.add(name, class)?;
    }
    let _ = CLASSES.set(py, classes.unbind());
    Ok(())
}

fn class_of<'py>(py: Python<'py>, area: &str) -> PyResult<Bound<'py, PyAny>> {
    let classes = CLASSES
        .get(py)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("module not initialised"))?
        .bind(py);
    let name = AREA_CLASSES
        .iter()
        .find(|(a, _)| *a == area)
        .map_or("SecretariatError", |(_, class)| *class);
    classes
        .get_item(name)?
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err(name.to_owned()))
}

/// The exception for a core error.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    to_py_err_with(py, error, std::slice::from_ref(error))
}

/// The exception for `first`, carrying every problem in `all` as `issues`.
pub fn to_py_err_with(py: Python<'_>, first: &Error, all: &[Error]) -> PyErr {
    match build(py, first, all) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn build(py: Python<'_>, first: &Error, all: &[Error]) -> PyResult<PyErr> {
    let class = class_of(py, first.area())?;
    let issues = PyList::empty(py);
    for e in all {
        issues.append(Py::new(py, PyIssue::from_error(e))?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", first.code())?;
    kwargs.set_item("path", first.path())?;
    kwargs.set_item("message_zh", first.message(Locale::ZhHans))?;
    let params = PyDict::new(py);
    for (k, v) in first.params() {
        params.set_item(k, v)?;
    }
    kwargs.set_item("params", params)?;
    kwargs.set_item("issues", issues)?;
    let exc = class.call((first.message(Locale::En),), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}

/// `Result<T, secretariat::Error>` to `PyResult<T>`.
pub trait IntoPy<T> {
    /// Raises the matching exception on error.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Error>> IntoPy<T> for Result<T, E> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, &e.into()))
    }
}
