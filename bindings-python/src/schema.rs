//! The JSON Schema of the core's inputs and results (`secretariat.schema(name)`), as the
//! core's registry gives it: plain dicts and lists, read by Python's own JSON reader (a
//! schema holds no money and no dates, only their descriptions).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

use crate::convert::{arg, invalid};
use crate::errors::to_py_err;

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The JSON Schema (draft 2020-12) of the input or result called `name`, one of `SCHEMAS`:
/// a portal builds forms and a rulebook editor from it. An unknown name raises
/// `SchemaError` (`schema.unknown_name`).
#[pyfunction]
pub fn schema<'py>(py: Python<'py>, name: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name: String = arg(name, "name")?;
    let value = secretariat::schema::schema(&name).map_err(|e| to_py_err(py, &e))?;
    let loads = JSON_LOADS.import(py, "json", "loads")?;
    loads.call1((value.to_string(),))
}

/// The Arrow schema of the result table `name`, one of `ARROW_TABLES` (`standing`,
/// `ledger_entry`), as an object with `__arrow_c_schema__`: `pyarrow.schema(...)` reads it.
/// It is the schema of the table's `__arrow_c_stream__`, derived from the core's type.
#[pyfunction]
pub fn arrow_schema(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<pyo3_arrow::PySchema> {
    let name: String = arg(name, "name")?;
    let tables = secretariat::arrow::TABLES.join(", ");
    let unknown = || invalid(py, "name", format!("no table `{name}`: one of {tables}"));
    let schema = secretariat::arrow::schema(&name).ok_or_else(unknown)?;
    Ok(pyo3_arrow::PySchema::new(schema))
}

/// Adds `schema`, `arrow_schema` and the tuples of their names, `SCHEMAS` and
/// `ARROW_TABLES`, to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_schema, m)?)?;
    m.add(
        "ARROW_TABLES",
        PyTuple::new(m.py(), secretariat::arrow::TABLES)?,
    )?;
    m.add("SCHEMAS", PyTuple::new(m.py(), secretariat::schema::NAMES)?)?;
    Ok(())
}
