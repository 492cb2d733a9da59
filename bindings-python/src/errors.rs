//! The core's errors as Python exceptions: one tree rooted at `SecretariatError`, one class
//! per area (the first part of the code), validation errors also `ValueError`s.

use std::ffi::CString;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use secretariat::error::path_segments;
use secretariat::{Diagnostic, Error, Locale};

use crate::convert::to_py;

/// The Python source of the exception classes.
const EXCEPTIONS_PY: &str = include_str!("exceptions.py");

static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

/// Defines the exception classes in `module` (once, at import): every `...Error` class of
/// `exceptions.py`, one per area of the core's codes (`leave` gives `LeaveError`).
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let code = CString::new(EXCEPTIONS_PY)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    let namespace = module.dict();
    py.run(&code, Some(&namespace), None)?;
    let classes = PyDict::new(py);
    let items: Vec<_> = namespace.iter().collect();
    for (name, class) in items {
        if name.extract::<String>()?.ends_with("Error") {
            classes.set_item(&name, &class)?;
            // `add` also lists the class in the module's `__all__`.
            module.add(name.cast::<pyo3::types::PyString>()?, class)?;
        }
    }
    let _ = CLASSES.set(py, classes.unbind());
    Ok(())
}

/// The class of an area's errors: `leave` gives `LeaveError`; `SecretariatError` for an
/// area without a class of its own.
fn class_of<'py>(py: Python<'py>, area: &str) -> PyResult<Bound<'py, PyAny>> {
    let classes = CLASSES
        .get(py)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("module not initialised"))?
        .bind(py);
    let mut chars = area.chars();
    let name = chars.next().map_or(String::new(), |c| {
        format!("{}{}Error", c.to_ascii_uppercase(), chars.as_str())
    });
    match classes.get_item(&name)? {
        Some(class) => Ok(class),
        None => classes
            .get_item("SecretariatError")?
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err(name)),
    }
}

/// The exception for a core error.
pub fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    to_py_err_with(py, error, std::slice::from_ref(error))
}

/// The exception for `first`, carrying every problem in `all` as `issues`.
pub fn to_py_err_with(py: Python<'_>, first: &Error, all: &[Error]) -> PyErr {
    build(py, first, all).unwrap_or_else(|e| e)
}

/// `class(message, code=..., path=..., message_zh=..., messages=..., params=..., issues=...)`: the
/// keywords are those of `first`'s issue dict.
fn build(py: Python<'_>, first: &Error, all: &[Error]) -> PyResult<PyErr> {
    let issues = all
        .iter()
        .map(|e| issue(py, e))
        .collect::<PyResult<Vec<_>>>()?;
    let kwargs = issue(py, first)?;
    let message = kwargs.get_item("message")?;
    kwargs.del_item("message")?;
    kwargs.set_item("issues", issues)?;
    let exc = class_of(py, first.area())?.call((message,), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}

/// A problem as a dict: `code`, `path` (a list of segments, `str | int`), `message` (English),
/// `message_zh` (Simplified Chinese), `messages` (the message in every locale of the core's
/// catalogs, by tag: `en`, `zh-Hans`, `zh-Hant`) and `params`.
pub fn issue<'py>(py: Python<'py>, d: &dyn Diagnostic) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("code", d.code())?;
    out.set_item("path", to_py(py, &path_segments(d.path()))?)?;
    out.set_item("message", d.message(Locale::En))?;
    out.set_item("message_zh", d.message(Locale::ZhHans))?;
    let messages = PyDict::new(py);
    for &locale in Locale::ALL {
        messages.set_item(locale.tag(), d.message(locale))?;
    }
    out.set_item("messages", messages)?;
    let params = PyDict::new(py);
    for (k, v) in d.params() {
        params.set_item(k, v)?;
    }
    out.set_item("params", params)?;
    Ok(out)
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
