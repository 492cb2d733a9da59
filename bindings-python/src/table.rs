//! One table class for every list of results that analysts want as a DataFrame (standings,
//! ledger lines, score sheets, budget accounts...). A table made by the core keeps the core's
//! rows and converts a row to a dict only when it is read (`table[i]`, iteration, `get`), so a
//! million marks' standings cost nothing until looked at; `to_pandas()` / `to_polars()`
//! flatten the rows into columns one row at a time. pandas and polars are optional: they are
//! imported only when asked for.

use std::sync::OnceLock;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::exceptions::{PyImportError, PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use pyo3::types::{IntoPyDict, PyDict, PyList, PyString, PyTuple};

use secretariat::Standing;
use secretariat::arrow::TableRow as Row;
use secretariat::budget::LedgerEntry;

use crate::convert::{arg, decimal_type, invalid, items, opt_arg, to_py};
use crate::pickle::{read, reduce};

/// Rows that become dicts when read: the core's values, or dicts given from Python.
trait Rows: Send + Sync {
    fn count(&self) -> usize;
    fn row<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>>;
    /// The core's rows as JSON, with their type's name (`None` for dicts from Python).
    fn state(&self) -> Option<serde_json::Result<(&'static str, serde_json::Value)>> {
        None
    }
    /// The core's rows as one Arrow record batch (`None` for dicts from Python).
    fn arrow(&self) -> Option<Result<RecordBatch, String>> {
        None
    }
}

/// The core's rows, each converted by the one converter when read.
impl<T: Row> Rows for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn row<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self[i])
    }
    fn state(&self) -> Option<serde_json::Result<(&'static str, serde_json::Value)>> {
        Some(serde_json::to_value(self).map(|rows| (T::NAME, rows)))
    }
    fn arrow(&self) -> Option<Result<RecordBatch, String>> {
        Some(secretariat::arrow::record_batch(self).map_err(|e| e.to_string()))
    }
}

/// Rows given from Python, as they are.
struct Given(Vec<Py<PyDict>>);

impl Rows for Given {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn row<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.0[i].bind(py).clone().into_any())
    }
}

/// Rows of results (dicts), in order, optionally found by a key column (`get(id)`).
#[pyclass(frozen, module = "secretariat._core", name = "Table", sequence)]
pub struct PyTable {
    rows: Box<dyn Rows>,
    /// The field that `get` looks rows up by (`member`, `seq`...), if any.
    #[pyo3(get)]
    key: Option<String>,
    /// Each key value's first row, made on the first `get`.
    index: OnceLock<Py<PyDict>>,
}

impl PyTable {
    /// A table of the core's values, found by the field `key`, converted when read.
    pub fn of<T: Row>(rows: Vec<T>, key: Option<&str>) -> Self {
        PyTable {
            rows: Box::new(rows),
            key: key.map(str::to_owned),
            index: OnceLock::new(),
        }
    }
    /// The table pickled by `__reduce__`: the core's rows by their type's name.
    pub fn restore(state: &str) -> PyResult<Self> {
        let (name, key, rows): (String, Option<String>, serde_json::Value) = read(state)?;
        fn of<T: Row>(rows: serde_json::Value, key: Option<&str>) -> PyResult<PyTable> {
            let rows = serde_json::from_value(rows);
            Ok(PyTable::of::<T>(
                rows.map_err(|e| PyValueError::new_err(e.to_string()))?,
                key,
            ))
        }
        match name.as_str() {
            Standing::NAME => of::<Standing>(rows, key.as_deref()),
            LedgerEntry::NAME => of::<LedgerEntry>(rows, key.as_deref()),
            _ => Err(PyValueError::new_err(format!("no table of {name}"))),
        }
    }
    fn row<'py>(&self, py: Python<'py>, index: i64) -> PyResult<Bound<'py, PyAny>> {
        let len = self.rows.count() as i64;
        let i = if index < 0 { index + len } else { index };
        if !(0..len).contains(&i) {
            return Err(PyIndexError::new_err("table index out of range"));
        }
        self.rows.row(py, i as usize)
    }
}

/// The columns of flat rows: nested dicts become `parent.child` columns (as
/// `pandas.json_normalize` names them); a column missing from a row holds `None` there.
fn columns<'py>(py: Python<'py>, rows: &dyn Rows) -> PyResult<Bound<'py, PyDict>> {
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
    let n = rows.count();
    let cols = PyDict::new(py);
    for i in 0..n {
        let mut flat = Vec::new();
        flatten("", rows.row(py, i)?.cast::<PyDict>()?, &mut flat)?;
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
        let (py, key) = (rows.py(), opt_arg(key, "key")?);
        let mut given = Vec::new();
        for (i, row) in items(rows, "rows")?.into_iter().enumerate() {
            let path = format!("rows[{i}]");
            let fail = |_| invalid(py, &path, "not a dict");
            given.push(row.cast_into::<PyDict>().map_err(fail)?.unbind());
        }
        let (rows, index) = (Box::new(Given(given)), OnceLock::new());
        Ok(PyTable { rows, key, index })
    }
    /// The rows, as a list of dicts (every row converted).
    #[getter]
    pub fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows: PyResult<Vec<_>> = (0..self.rows.count())
            .map(|i| self.rows.row(py, i))
            .collect();
        PyList::new(py, rows?)
    }
    fn __len__(&self) -> usize {
        self.rows.count()
    }
    fn __getitem__<'py>(&self, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.row(index.py(), arg(index, "index")?)
    }
    /// The rows in order, each converted when reached: `map(table.__getitem__, range(n))`.
    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let (py, range) = (slf.py(), slf.get().rows.count());
        let builtins = py.import("builtins")?;
        let rows = builtins.getattr("map")?.call1((
            slf.getattr("__getitem__")?,
            builtins.getattr("range")?.call1((range,))?,
        ))?;
        Ok(rows.try_iter()?.into_any())
    }
    /// The row whose key field equals `value`, or `None`.
    fn get<'py>(&self, py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let Some(key) = &self.key else {
            return Err(PyTypeError::new_err(
                "this table has no key: look rows up by position",
            ));
        };
        if self.index.get().is_none() {
            let index = PyDict::new(py);
            // Last to first, so the first row of a key stays; a row without the key (or
            // with an unhashable one) cannot be found by it.
            for i in (0..self.rows.count()).rev() {
                let row = self.rows.row(py, i)?;
                if let Ok(value) = row.get_item(key) {
                    let _ = index.set_item(value, i);
                }
            }
            let _ = self.index.set(index.unbind());
        }
        match self.index.get().map(|d| d.bind(py).get_item(value)) {
            Some(Ok(Some(i))) => self.rows.row(py, i.extract()?),
            Some(Err(e)) => Err(invalid(py, "value", e.to_string())),
            _ => Ok(py.None().into_bound(py)),
        }
    }
    /// The flat columns, as a dict of lists (nested dicts as `parent.child`).
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        columns(py, self.rows.as_ref())
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
    /// Pickles the core's rows as their JSON; a table of dicts, as `Table(rows, key=key)`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let (py, table) = (slf.py(), slf.get());
        match table.rows.state() {
            Some(state) => {
                let (name, rows) = state.map_err(|e| PyValueError::new_err(e.to_string()))?;
                reduce::<Self>(py, &(name, &table.key, rows))?.into_pyobject(py)
            }
            None => {
                let kwargs = [("key", &table.key)].into_py_dict(py)?;
                let partial = py.import("functools")?.getattr("partial")?;
                let make = partial.call((slf.get_type(),), Some(&kwargs))?;
                (make, (table.rows(py)?,)).into_pyobject(py)
            }
        }
    }
    /// The rows as an Arrow C stream (the Arrow PyCapsule interface): `pyarrow.table(t)`,
    /// `polars.DataFrame(t)` and DuckDB read it without pandas, in the table's published
    /// schema (`arrow_schema(name)`). The batch is made with the GIL released.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema; // The published schema is the only one given.
        let no_schema = || PyTypeError::new_err("a table of dicts has no Arrow schema");
        let batch = py.detach(|| self.rows.arrow()).ok_or_else(no_schema)?;
        let batch = batch.map_err(PyValueError::new_err)?;
        let schema = batch.schema();
        let reader = RecordBatchIterator::new([Ok(batch)], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
    /// Equal tables hold equal rows under the same key.
    fn __eq__(&self, py: Python<'_>, other: &Self) -> PyResult<bool> {
        Ok(self.key == other.key && self.rows(py)?.eq(other.rows(py)?)?)
    }
    fn __repr__(&self) -> String {
        format!("Table({} rows)", self.rows.count())
    }
}
