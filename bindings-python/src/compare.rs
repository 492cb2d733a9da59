//! What-if: one term under two rulebooks, and every member whose verdict changes.

use chrono::NaiveDate;
use pyo3::prelude::*;

use crate::convert::{input_error, opt_arg, to_py};
use crate::errors::{IntoPy, to_py_err};
use crate::report::term_data_arg;
use crate::rulebook::rulebook_arg;

/// Every member whose verdict on `today` (by default the data's `as_of`) changes from
/// rulebook `old` to rulebook `new` (`None` for the default): old → new, with the first step
/// of the trace that differs (a `Comparison` dict). The GIL is released.
#[pyfunction]
#[pyo3(signature = (data, old, new, *, today = None))]
pub fn compare<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    old: Option<&Bound<'py, PyAny>>,
    new: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let old = rulebook_arg(old)?;
    let new = rulebook_arg(new)?;
    let data = term_data_arg(data, "")?;
    let today: Option<NaiveDate> = opt_arg(today, "today")?;
    let today = today.or(data.as_of).ok_or_else(|| {
        let detail = "give today, or an as_of date in the term data";
        to_py_err(py, &input_error("input.invalid", "today", detail))
    })?;
    let (old, new) = (old.as_ref(), new.as_ref());
    let diff = py
        .detach(|| secretariat::discipline::compare(&data, old, new, today))
        .py_err(py)?;
    to_py(py, &diff)
}
