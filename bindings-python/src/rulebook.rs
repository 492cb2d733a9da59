//! The rulebook: the default, a school's TOML or JSON file, or a dict of overrides.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::prelude::*;

use secretariat::Rulebook;

use crate::convert::{Numbers, arg, ints_as_decimals, to_py, to_value};
use crate::errors::{IntoPy, to_py_err};
use crate::pickle::{Reduced, reduce};

/// A school's policy: every number of the rules, as data. Build it with
/// `Rulebook.default()`, `from_toml`, `from_json`, `from_file` or `from_dict` (partial
/// overrides over the default).
#[pyclass(frozen, eq, module = "secretariat._core", name = "Rulebook")]
#[derive(Clone, PartialEq)]
pub struct PyRulebook {
    /// The core value.
    pub(crate) inner: Rulebook,
}

impl PyRulebook {
    fn wrap(inner: Rulebook) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl PyRulebook {
    /// The embedded default rulebook: the numbers of the source documents.
    #[staticmethod]
    fn default() -> Self {
        Self::wrap(Rulebook::default())
    }

    /// A TOML rulebook over the default: keys it does not name keep their default.
    #[staticmethod]
    fn from_toml(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let rulebook = Rulebook::from_toml_str(&arg::<String>(text, "text")?);
        rulebook.py_err(text.py()).map(Self::wrap)
    }

    /// A JSON rulebook over the default.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let rulebook = Rulebook::from_json_str(&arg::<String>(text, "text")?);
        rulebook.py_err(text.py()).map(Self::wrap)
    }

    /// A rulebook file over the default: JSON when the name ends in `.json`, else TOML.
    #[staticmethod]
    fn from_file(path: &Bound<'_, PyAny>) -> PyResult<Self> {
        let (py, path): (_, PathBuf) = (path.py(), arg(path, "path")?);
        let text = std::fs::read_to_string(&path)?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let read = [Rulebook::from_toml_str, Rulebook::from_json_str][usize::from(json)];
        read(&text).py_err(py).map(Self::wrap)
    }

    /// The default with the keys named in `overrides` (a nested dict) replaced.
    #[staticmethod]
    fn from_dict(overrides: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::default().overlay(overrides)
    }

    /// This rulebook with the keys named in `overrides` (a nested dict) replaced: tables
    /// merge key by key, every other value replaces the old one whole.
    fn overlay(&self, overrides: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = overrides.py();
        let value = to_value(overrides, "", Numbers::Exact).map_err(|e| to_py_err(py, &e))?;
        ints_as_decimals(value, |v| self.inner.overlay_value(v))
            .py_err(py)
            .map(Self::wrap)
    }

    /// This rulebook with the keys named in a TOML text replaced.
    fn overlay_toml(&self, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let overlay = self.inner.overlay_toml(&arg::<String>(text, "text")?);
        overlay.py_err(text.py()).map(Self::wrap)
    }

    /// The rulebook's declared name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.meta.name
    }

    /// The rulebook's declared version.
    #[getter]
    fn version(&self) -> &str {
        &self.inner.meta.version
    }

    /// A fingerprint of the whole content (`fnv1a64:` and 16 hex digits).
    #[getter]
    fn fingerprint(&self) -> String {
        self.inner.fingerprint()
    }

    /// Name, version and fingerprint (a `RulebookStamp` dict), as results carry them.
    #[getter]
    fn stamp<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.stamp())
    }

    /// The ids of the milestone templates (`welcome_party`, ...).
    #[getter]
    fn templates(&self) -> Vec<String> {
        self.inner.schedule.templates.keys().cloned().collect()
    }

    /// The ids of the lead-time rules (`board_plan`, ...).
    #[getter]
    fn lead_times(&self) -> Vec<String> {
        self.inner.schedule.lead_times.keys().cloned().collect()
    }

    /// The whole rulebook as TOML.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_toml_string().py_err(py)
    }

    /// The whole rulebook as pretty JSON.
    fn to_json(&self) -> String {
        self.inner.to_json_string()
    }

    /// The whole rulebook as a dict (times of day as `datetime.time`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Rulebook(name='{}', version='{}', fingerprint='{}')",
            self.inner.meta.name,
            self.inner.meta.version,
            self.inner.fingerprint()
        )
    }
}

/// The rulebook argument of a function: a `Rulebook` (borrowed), a dict of overrides over
/// the default, or `None` for the default.
pub fn rulebook_arg<'a>(obj: Option<&'a Bound<'_, PyAny>>) -> PyResult<Cow<'a, Rulebook>> {
    match obj.filter(|o| !o.is_none()) {
        Some(o) => match o.cast::<PyRulebook>() {
            Ok(rb) => Ok(Cow::Borrowed(&rb.get().inner)),
            Err(_) => PyRulebook::from_dict(o).map(|rb| Cow::Owned(rb.inner)),
        },
        None => Ok(Cow::Owned(Rulebook::default())),
    }
}
