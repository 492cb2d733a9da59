//! Tables for pandas and polars: a dict of column lists handed to the library, which is
//! imported only when asked for (both are optional extras).

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn import<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(name).map_err(|_| {
        PyImportError::new_err(format!(
            "{name} is not installed: pip install 'secretariat[{name}]' (or pip install {name})"
        ))
    })
}

/// `pandas.DataFrame(columns)`.
pub fn pandas<'py>(py: Python<'py>, columns: Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
    import(py, "pandas")?
        .getattr("DataFrame")?
        .call1((columns,))
}

/// `polars.DataFrame(columns)`.
pub fn polars<'py>(py: Python<'py>, columns: Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
    import(py, "polars")?
        .getattr("DataFrame")?
        .call1((columns,))
}

/// `pandas.DataFrame(rows)` for a list of dicts.
pub fn pandas_rows<'py>(py: Python<'py>, rows: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    import(py, "pandas")?.getattr("DataFrame")?.call1((rows,))
}
