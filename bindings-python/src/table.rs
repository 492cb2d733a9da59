//! One table class for every list of results that analysts want as a DataFrame (standings,
//! ledger lines, score sheets, budget accounts...): the rows are the core's dicts, and
//! `to_pandas()` / `to_polars()` flatten them into columns. pandas and polars are optional:
//! they are imported only when asked for.

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;

use crate::convert::{decimal_type, opt_arg, to_py};

/// Rows of results (dicts), in order, optionally found by a key column (`get(id)`).
#[pyclass(frozen, module = "secretariat._core", name = "Table", sequence)]
pub struct PyTable {
    rows: Py<PyList>,
    /// The field that `get` looks rows up by (`member`, `seq`...), if any.
    #[pyo3(get)]
    key: Option<String>,
}

impl PyTable {
    /// A table of the core's values, found by the field `key`.
    pub fn of<T: Serialize>(py: Python<'_>, rows: &[T], key: Option<&str>) -> PyResult<Self> {
        let rows = to_py(py, rows)?.cast_into::<PyList>()?.unbind();
        Ok(PyTable {
            rows,
            key: key.map(str::to_owned),
        })
    }
}

/// The columns of flat rows: nested dicts become `parent.child` columns (as
/// `pandas.json_normalize` names them); a column missing from a row holds `None` there.
fn columns<'py>(py: Python<'py>, rows: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyDict>> {
    fn flatten<'py>(
        prefix: &str,
        row: &Bound<'py, PyDict>,
        out: &mut Vec<(String, Bound<'py, PyAny>)>,
    ) -> PyResult<()> {
        for (k, v) in row.iter() {
            let name = match prefix {
                "" => k.str()?.to_string(),
                _ => format!("{prefix}.{}", k.str()?),
            };
            match v.cast::<PyDict>() {
                Ok(d) if !d.is_empty() => flatten(&name, d, out)?,
                _ => out.push((name, v)),
            }
        }
        Ok(())
    }
    let n = rows.len();
    let cols = PyDict::new(py);
    for (i, row) in rows.iter().enumerate() {
        let mut flat = Vec::new();
        flatten("", row.cast::<PyDict>()?, &mut flat)?;
        for (name, value) in flat {
            let col = match cols.get_item(&name)? {
                Some(col) => col.cast_into::<PyList>()?,
                None => {
                    let col = PyList::new(py, std::iter::repeat_n(py.None().into_bound(py), n))?;
                    cols.set_item(&name, &col)?;
                    col
                }
            };
            col.set_item(i, value)?;
        }
    }
    Ok(cols)
}

fn import<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(name).map_err(|_| {
        PyImportError::new_err(format!(
            "{name} is not installed: pip install 'secretariat[{name}]' (or pip install {name})"
        ))
    })
}

#[pymethods]
impl PyTable {
    /// A table of `rows` (dicts), found by the field `key` if given.
    #[new]
    #[pyo3(signature = (rows, *, key = None))]
    fn new(rows: &Bound<'_, PyAny>, key: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let key = opt_arg(key, "key")?;
        let rows = PyList::new(rows.py(), rows.try_iter()?.collect::<PyResult<Vec<_>>>()?)?;
        Ok(PyTable {
            rows: rows.unbind(),
            key,
        })
    }
    /// The rows, as dicts.
    #[getter]
    pub fn rows<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        self.rows.bind(py).clone()
    }
    fn __len__(&self, py: Python<'_>) -> usize {
        self.rows.bind(py).len()
    }
    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        self.rows.bind(py).as_any().get_item(index)
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.rows.bind(py).try_iter()?.into_any())
    }
    /// The row whose key field equals `value`, or `None`.
    fn get<'py>(&self, py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let Some(key) = &self.key else {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "this table has no key: look rows up by position",
            ));
        };
        for row in self.rows.bind(py).iter() {
            if row.get_item(key)?.eq(value)? {
                return Ok(row);
            }
        }
        Ok(py.None().into_bound(py))
    }
    /// The flat columns, as a dict of lists (nested dicts as `parent.child`).
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        columns(py, self.rows.bind(py))
    }
    /// The rows as a pandas DataFrame, one column per flat field (money as `Decimal`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        import(py, "pandas")?
            .getattr("DataFrame")?
            .call1((self.to_columns(py)?,))
    }
    /// The rows as a polars DataFrame, one column per flat field; money as text, since
    /// polars has no column type for `decimal.Decimal` objects of mixed scale.
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let cols = self.to_columns(py)?;
        let decimal = decimal_type(py)?;
        for (_, col) in cols.iter() {
            let col = col.cast::<PyList>()?;
            for (i, v) in col.clone().iter().enumerate() {
                if v.is_instance(decimal)? {
                    col.set_item(i, PyString::new(py, &v.str()?.to_string()))?;
                }
            }
        }
        import(py, "polars")?.getattr("DataFrame")?.call1((cols,))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Table({} rows)", self.rows.bind(py).len())
    }
}
