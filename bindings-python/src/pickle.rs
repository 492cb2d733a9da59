//! Pickling, `copy.deepcopy` and cloudpickle: every handle reduces to
//! `_core._restore(kind, state)`, its state the JSON the core's own serde types write, so a
//! rulebook or a term's data crosses to a Dask or Spark worker as the text the core reads.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::{IntoPyObjectExt, PyTypeInfo};
use serde::Serialize;
use serde::de::DeserializeOwned;

use secretariat::Roster;

use crate::attendance::PyAttendanceRegister;
use crate::budget::{PyActivityYear, PyBudgetLedger};
use crate::convert::{arg, invalid};
use crate::errors::IntoPy;
use crate::{members::PyRoster, report::PyTermData, rulebook::PyRulebook};
use crate::{schedule::PySchoolCalendar, table::PyTable};

/// What `__reduce__` gives: `(_restore, (kind, state))`, the state as JSON text.
pub type Reduced<'py> = (Bound<'py, PyAny>, (String, String));

/// `__reduce__` of the handle `T`, whose state is `state`.
pub fn reduce<'py, T: PyTypeInfo>(
    py: Python<'py>,
    state: &(impl Serialize + ?Sized),
) -> PyResult<Reduced<'py>> {
    let text = serde_json::to_string(state).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let restore = py.import("secretariat._core")?.getattr("_restore")?;
    Ok((restore, (T::type_object(py).name()?.to_string(), text)))
}

/// A state written by [`reduce`] (anything else is an `InputError` at `state`).
pub fn read<T: DeserializeOwned>(state: &str) -> PyResult<T> {
    Python::attach(|py| {
        serde_json::from_str(state).map_err(|e| invalid(py, "state", e.to_string()))
    })
}

/// Rebuilds the handle of class `kind` from the `state` its `__reduce__` wrote (a module
/// attribute that `__all__` leaves out).
#[pyfunction]
pub fn _restore(
    py: Python<'_>,
    kind: &Bound<'_, PyAny>,
    state: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let (kind, state): (String, String) = (arg(kind, "kind")?, arg(state, "state")?);
    let state = state.as_str();
    match kind.as_str() {
        "Rulebook" => PyRulebook {
            inner: read(state)?,
        }
        .into_py_any(py),
        "TermData" => PyTermData {
            inner: read(state)?,
        }
        .into_py_any(py),
        "SchoolCalendar" => PySchoolCalendar {
            inner: read(state)?,
        }
        .into_py_any(py),
        "Roster" => PyRoster {
            inner: Roster::new(read(state)?).py_err(py)?,
        }
        .into_py_any(py),
        "BudgetLedger" => PyBudgetLedger::restore(py, read(state)?)?.into_py_any(py),
        "ActivityYear" => PyActivityYear::restore(py, read(state)?)?.into_py_any(py),
        "AttendanceRegister" => PyAttendanceRegister::restore(py, read(state)?)?.into_py_any(py),
        "Table" => PyTable::restore(state)?.into_py_any(py),
        _ => Err(invalid(py, "kind", format!("no class `{kind}` to restore"))),
    }
}
