//! Marks as columns, read into the core's [`MarkColumns`]: codes and, for ids, the
//! categories the codes point into. Nothing but conversion: every check of the marks
//! (unknown ids, codes out of range, columns of different lengths, duplicates, excused
//! without leave) is the core's, in `AttendanceRegister::record_mark_columns`.
//!
//! Each column may be:
//! - a pandas categorical (a `Series` of dtype `category`, or a `pandas.Categorical`): its
//!   codes are read as bytes (one copy of a few MB), its categories once;
//! - an integer array (NumPy, or a pandas or polars `Series` with an integer dtype): for
//!   `member` and `event`, positions in the roster and in the events; for `mark`, a code in
//!   `secretariat.MARKS` (the core's `Mark::ALL`);
//! - a list of strings, or anything else a list can be made of: each distinct string object
//!   is read once.
//!
//! NumPy, pandas and polars are never imported here: their objects are read through their
//! own methods (`to_numpy`, `tobytes`, `tolist`, `dtype`).
//!
//! A string column holding something codes cannot say (a missing value, an id that is not
//! a string, a mark that is not a known name) is left to the records path, which reads the
//! same rows one record at a time and refuses them with the usual codes and paths
//! ([`ColumnsRead::Records`]). When an id column holds positions there are no records to
//! fall back on, and such a value is refused here, as `input.invalid` at its row.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString};
use rustc_hash::FxHashMap;

use secretariat::MemberId;
pub use secretariat::arrow::MarkColumnsBuf;
use secretariat::attendance::{EventId, Mark};

use crate::convert::{enum_from, invalid, items};

/// How many rows are read from Python lists between two calls of a `progress` callback.
pub const PROGRESS_STEP: usize = 100_000;

/// What reading the columns gave.
pub enum ColumnsRead {
    /// The marks as columns.
    Columns(MarkColumnsBuf),
    /// A value the columns cannot hold: read the rows as records instead.
    Records,
}

/// A value a column of codes cannot hold.
#[derive(Debug, Clone)]
enum Fault {
    /// `None`, NaN, `NaT`, or a categorical's code -1.
    Missing,
    /// An id or a mark that is not a string.
    NotAString,
    /// A string that names no mark.
    UnknownMark(String),
}

/// A fault at a row of a column.
#[derive(Debug)]
struct FaultAt {
    row: usize,
    /// 0 member, 1 event, 2 mark: the order a row is read in.
    column: usize,
    fault: Fault,
}

const COLUMNS: [&str; 3] = ["member", "event", "mark"];

impl FaultAt {
    fn error(&self, py: Python<'_>) -> PyErr {
        let name = COLUMNS.get(self.column).copied().unwrap_or("mark");
        let path = format!("marks[{}].{name}", self.row);
        let detail = match &self.fault {
            Fault::Missing => "a missing value",
            Fault::NotAString => "expected a string",
            Fault::UnknownMark(text) => {
                return match enum_from::<Mark>(py, text, &path) {
                    Err(e) => e,
                    Ok(_) => invalid(py, &path, "a mark"),
                };
            }
        };
        invalid(py, &path, detail)
    }
}

/// An id column as read so far.
enum Ids<'py> {
    /// Positions in the roster or the events.
    Positions(Vec<u32>),
    /// Codes into categories (a category no row uses may be anything: it is empty here).
    Coded {
        codes: Vec<u32>,
        categories: Vec<String>,
    },
    /// A list, read row by row.
    List(ListColumn<'py, u32>, Vec<String>),
}

/// A mark column as read so far.
enum Marks<'py> {
    Read(Vec<Mark>),
    List(ListColumn<'py, Mark>),
}

/// Reads the member, event and mark columns. `progress(done, total)` is called every
/// [`PROGRESS_STEP`] rows read from lists, and once when all are read.
///
/// # Errors
///
/// `input.invalid` at `marks[i].<column>` for a value that an id column of positions, or a
/// mark column of codes, cannot hold; any error of the objects' own methods or of
/// `progress`.
pub fn read_mark_columns(
    py: Python<'_>,
    member: &Bound<'_, PyAny>,
    event: &Bound<'_, PyAny>,
    mark: &Bound<'_, PyAny>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<ColumnsRead> {
    let mut faults: Vec<FaultAt> = Vec::new();
    let mut members = id_column(py, member, 0, &mut faults)?;
    let mut events = id_column(py, event, 1, &mut faults)?;
    let mut marks = mark_column(py, mark, &mut faults)?;
    let by_position = matches!(members, Ids::Positions(_)) || matches!(events, Ids::Positions(_));
    if !faults.is_empty() && !by_position {
        return Ok(ColumnsRead::Records);
    }

    let rows = match &members {
        Ids::Positions(codes) | Ids::Coded { codes, .. } => codes.len(),
        Ids::List(list, _) => list.len,
    };
    if let Some(fault) = read_lists(&mut members, &mut events, &mut marks, rows, progress)? {
        faults.push(fault);
    }
    if let Some(first) = faults.iter().min_by_key(|f| (f.row, f.column)) {
        return if by_position {
            Err(first.error(py))
        } else {
            Ok(ColumnsRead::Records)
        };
    }
    report(progress, rows, rows)?;
    let (member_codes, member_categories) = into_codes(members);
    let (event_codes, event_categories) = into_codes(events);
    let marks = match marks {
        Marks::Read(marks) => marks,
        Marks::List(list) => list.values,
    };
    Ok(ColumnsRead::Columns(MarkColumnsBuf {
        member_codes,
        member_categories: member_categories.map(|ids| ids.into_iter().map(MemberId).collect()),
        event_codes,
        event_categories: event_categories.map(|ids| ids.into_iter().map(EventId).collect()),
        marks,
    }))
}

fn into_codes(ids: Ids<'_>) -> (Vec<u32>, Option<Vec<String>>) {
    match ids {
        Ids::Positions(codes) => (codes, None),
        Ids::Coded { codes, categories } => (codes, Some(categories)),
        Ids::List(list, categories) => (list.values, Some(categories)),
    }
}

/// Calls `progress(done, total)`, if given.
pub fn report(progress: Option<&Bound<'_, PyAny>>, done: usize, total: usize) -> PyResult<()> {
    if let Some(callback) = progress
        && !callback.is_none()
    {
        callback.call1((done, total))?;
    }
    Ok(())
}

/// A missing value of a column: `None`, a float NaN, or pandas' `NaT` or `NA`.
pub fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    obj.get_type()
        .name()
        .is_ok_and(|n| n == "NaTType" || n == "NAType")
}

// ---------------------------------------------------------------------------------------
// Where a column's values are.

/// A column object, by what it holds.
enum Source<'py> {
    /// A list (or something turned into one).
    List(Bound<'py, PyList>),
    /// A pandas categorical: an array of codes and the categories.
    Categorical {
        codes: Bound<'py, PyAny>,
        categories: Bound<'py, PyAny>,
    },
    /// A 1-d NumPy array of integers.
    Integers(Bound<'py, PyAny>),
}

fn source<'py>(obj: &Bound<'py, PyAny>, column: usize) -> PyResult<Source<'py>> {
    if let Ok(list) = obj.cast::<PyList>() {
        return Ok(Source::List(list.clone()));
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        let name = COLUMNS.get(column).copied().unwrap_or("mark");
        return Err(invalid(
            obj.py(),
            format!("marks.{name}"),
            "a column (a list, an array, a Series), not a single string",
        ));
    }
    let dtype_name = obj
        .getattr("dtype")
        .and_then(|d| d.getattr("name"))
        .and_then(|n| n.extract::<String>())
        .ok();
    if dtype_name.as_deref() == Some("category") {
        // A Series holds its categorical under `.cat`; a `pandas.Categorical` is one.
        let holder = if obj.hasattr("cat")? {
            obj.getattr("cat")?
        } else {
            obj.clone()
        };
        let mut codes = holder.getattr("codes")?;
        if codes.hasattr("to_numpy")? {
            codes = codes.call_method0("to_numpy")?;
        }
        return Ok(Source::Categorical {
            codes,
            categories: holder.getattr("categories")?,
        });
    }
    let array = if obj.hasattr("tobytes")? && obj.hasattr("dtype")? {
        Some(obj.clone())
    } else if obj.hasattr("to_numpy")? {
        obj.call_method0("to_numpy").ok()
    } else {
        None
    };
    if let Some(array) = &array
        && is_integer_vector(array)
    {
        return Ok(Source::Integers(array.clone()));
    }
    let from = array.as_ref().unwrap_or(obj);
    let list = if from.hasattr("tolist")? {
        from.call_method0("tolist")?
    } else if from.hasattr("to_list")? {
        from.call_method0("to_list")?
    } else {
        let name = COLUMNS.get(column).copied().unwrap_or("mark");
        PyList::new(obj.py(), items(from, &format!("marks.{name}"))?)?.into_any()
    };
    match list.cast_into::<PyList>() {
        Ok(list) => Ok(Source::List(list)),
        Err(e) => Err(PyErr::from(e)),
    }
}

/// A 1-d NumPy array of signed or unsigned integers.
fn is_integer_vector(array: &Bound<'_, PyAny>) -> bool {
    let kind = array
        .getattr("dtype")
        .and_then(|d| d.getattr("kind"))
        .and_then(|k| k.extract::<String>())
        .unwrap_or_default();
    let ndim = array
        .getattr("ndim")
        .and_then(|n| n.extract::<usize>())
        .unwrap_or(0);
    (kind == "i" || kind == "u") && ndim == 1
}

/// The values of a 1-d integer array, from its bytes; `Err((row, value))` for the first
/// value that is not a `u32` (a negative one, or one past 4,294,967,295).
fn read_integers(array: &Bound<'_, PyAny>) -> PyResult<Result<Vec<u32>, (usize, i128)>> {
    let descr: String = array.getattr("dtype")?.getattr("str")?.extract()?;
    let mut chars = descr.chars();
    let order = chars.next().unwrap_or('|');
    let kind = chars.next().unwrap_or('i');
    let size: usize = chars.as_str().parse().unwrap_or(0);
    // NumPy writes `<` (little-endian) or `|` (one byte); anything else is made little-endian.
    let array = if order == '<' || order == '|' {
        array.clone()
    } else {
        array.call_method1("astype", (format!("<{kind}{size}"),))?
    };
    let bytes = array.call_method0("tobytes")?.cast_into::<PyBytes>()?;
    let data = bytes.as_bytes();
    macro_rules! decode {
        ($t:ty) => {{
            const SIZE: usize = std::mem::size_of::<$t>();
            let value = |chunk: &[u8]| -> $t {
                let mut raw = [0u8; SIZE];
                raw.copy_from_slice(chunk);
                <$t>::from_le_bytes(raw)
            };
            // Two passes without an early exit, which the compiler vectorises: whether all
            // values fit, then the values; the first misfit is looked for only if there is one.
            let fit = data
                .chunks_exact(SIZE)
                .fold(true, |fit, chunk| fit & u32::try_from(value(chunk)).is_ok());
            if !fit {
                let misfit = data
                    .chunks_exact(SIZE)
                    .map(value)
                    .enumerate()
                    .find(|(_, v)| u32::try_from(*v).is_err())
                    .map_or((0, -1), |(row, v)| (row, i128::from(v)));
                return Ok(Err(misfit));
            }
            Ok(Ok(data
                .chunks_exact(SIZE)
                .map(|chunk| value(chunk) as u32)
                .collect()))
        }};
    }
    match (kind, size) {
        ('i', 1) => decode!(i8),
        ('i', 2) => decode!(i16),
        ('i', 4) => decode!(i32),
        ('i', 8) => decode!(i64),
        ('u', 1) => decode!(u8),
        ('u', 2) => decode!(u16),
        ('u', 4) => decode!(u32),
        ('u', 8) => decode!(u64),
        _ => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "an integer array of dtype {descr:?}"
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// Id columns.

fn id_column<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    column: usize,
    faults: &mut Vec<FaultAt>,
) -> PyResult<Ids<'py>> {
    match source(obj, column)? {
        Source::List(list) => Ok(Ids::List(ListColumn::new(list), Vec::new())),
        Source::Integers(array) => match read_integers(&array)? {
            Ok(positions) => Ok(Ids::Positions(positions)),
            Err((row, value)) => {
                let name = COLUMNS.get(column).copied().unwrap_or("member");
                let detail = format!("{value} is not a position (0 or more)");
                Err(invalid(py, format!("marks[{row}].{name}"), detail))
            }
        },
        Source::Categorical { codes, categories } => {
            let codes = match read_integers(&codes)? {
                Ok(codes) => codes,
                Err((row, _)) => {
                    faults.push(FaultAt {
                        row,
                        column,
                        fault: Fault::Missing,
                    });
                    return Ok(Ids::Coded {
                        codes: Vec::new(),
                        categories: Vec::new(),
                    });
                }
            };
            let categories = category_list(&categories)?;
            let texts: Vec<Option<String>> = categories
                .iter()
                .map(|c| {
                    c.cast::<PyString>()
                        .ok()
                        .and_then(|s| s.to_str().ok().map(str::to_owned))
                })
                .collect();
            if let Some(row) = first_row_where(&codes, &texts, Option::is_none) {
                faults.push(FaultAt {
                    row,
                    column,
                    fault: Fault::NotAString,
                });
            }
            Ok(Ids::Coded {
                codes,
                categories: texts.into_iter().map(Option::unwrap_or_default).collect(),
            })
        }
    }
}

/// A categorical's categories as a list.
fn category_list<'py>(categories: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let list = if categories.hasattr("tolist")? {
        categories.call_method0("tolist")?
    } else {
        PyList::new(
            categories.py(),
            categories.try_iter()?.collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any()
    };
    list.cast_into::<PyList>().map_err(PyErr::from)
}

/// The first row whose category satisfies `bad`. The codes are read only when some category
/// does (a code past the categories is the core's to refuse).
fn first_row_where<T>(codes: &[u32], categories: &[T], bad: impl Fn(&T) -> bool) -> Option<usize> {
    if !categories.iter().any(&bad) {
        return None;
    }
    codes
        .iter()
        .position(|&c| categories.get(c as usize).is_some_and(&bad))
}

// ---------------------------------------------------------------------------------------
// The mark column.

/// The mark a string names.
fn mark_named(text: &str) -> Option<Mark> {
    Mark::ALL.into_iter().find(|m| m.key() == text)
}

/// The mark of a Python value, or why it is none.
fn mark_of(item: &Bound<'_, PyAny>) -> Result<Mark, Fault> {
    match item.cast::<PyString>() {
        Ok(s) => {
            let text = s.to_str().map_err(|_| Fault::NotAString)?;
            mark_named(text).ok_or_else(|| Fault::UnknownMark(text.to_owned()))
        }
        Err(_) if is_missing(item) => Err(Fault::Missing),
        Err(_) => Err(Fault::NotAString),
    }
}

fn mark_column<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    faults: &mut Vec<FaultAt>,
) -> PyResult<Marks<'py>> {
    let mut fault = |row, fault| {
        faults.push(FaultAt {
            row,
            column: 2,
            fault,
        });
        Ok(Marks::Read(Vec::new()))
    };
    match source(obj, 2)? {
        Source::List(list) => Ok(Marks::List(ListColumn::new(list))),
        Source::Integers(array) => {
            let codes = read_integers(&array)?;
            let bad = match &codes {
                Ok(codes) => codes
                    .iter()
                    .position(|&c| c as usize >= Mark::ALL.len())
                    .and_then(|row| codes.get(row).map(|&c| (row, i128::from(c)))),
                Err(at) => Some(*at),
            };
            if let Some((row, value)) = bad {
                let detail = format!(
                    "mark code {value}: a code is 0 to {} (its position in secretariat.MARKS)",
                    Mark::ALL.len() - 1
                );
                return Err(invalid(py, format!("marks[{row}].mark"), detail));
            }
            let codes = codes.unwrap_or_default();
            Ok(Marks::Read(
                codes
                    .iter()
                    .map(|&c| Mark::ALL.get(c as usize).copied().unwrap_or(Mark::Present))
                    .collect(),
            ))
        }
        Source::Categorical { codes, categories } => {
            let codes = match read_integers(&codes)? {
                Ok(codes) => codes,
                Err((row, _)) => return fault(row, Fault::Missing),
            };
            let marks: Vec<Result<Mark, Fault>> = category_list(&categories)?
                .iter()
                .map(|c| mark_of(&c))
                .collect();
            if let Some(row) = first_row_where(&codes, &marks, Result::is_err) {
                let why = codes
                    .get(row)
                    .and_then(|&c| marks.get(c as usize))
                    .and_then(|m| m.clone().err())
                    .unwrap_or(Fault::Missing);
                return fault(row, why);
            }
            // Every row's category is a mark (checked above): the others are never read.
            let table: Vec<Mark> = marks
                .iter()
                .map(|m| m.as_ref().map_or(Mark::Present, |m| *m))
                .collect();
            let out_of_range = codes
                .iter()
                .fold(false, |out, &c| out | (c as usize >= table.len()));
            if out_of_range {
                let row = codes
                    .iter()
                    .position(|&c| c as usize >= table.len())
                    .unwrap_or(0);
                return fault(row, Fault::Missing);
            }
            Ok(Marks::Read(
                codes
                    .iter()
                    .map(|&c| table.get(c as usize).copied().unwrap_or(Mark::Present))
                    .collect(),
            ))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Lists, row by row.

/// A list column being read: each distinct object is read once. The cache is keyed by
/// object identity, which holds while the list keeps its items alive: it is emptied
/// whenever Python code (the progress callback) could have changed the list.
struct ListColumn<'py, T> {
    list: Bound<'py, PyList>,
    len: usize,
    values: Vec<T>,
    by_object: FxHashMap<usize, T>,
    /// The last object read and its value: ids repeat in runs.
    last: Option<(usize, T)>,
}

impl<'py, T: Copy> ListColumn<'py, T> {
    fn new(list: Bound<'py, PyList>) -> Self {
        let len = list.len();
        ListColumn {
            list,
            len,
            values: Vec::with_capacity(len),
            by_object: FxHashMap::default(),
            last: None,
        }
    }

    /// Reads row `row` with `read` (called once per distinct object); `Some(fault)` when
    /// `read` refuses it.
    fn read(
        &mut self,
        row: usize,
        read: impl FnOnce(&Bound<'py, PyAny>) -> Result<T, Fault>,
    ) -> PyResult<Option<Fault>> {
        let item = self.list.get_item(row)?;
        let key = item.as_ptr() as usize;
        let value = match self.last {
            Some((last, value)) if last == key => value,
            _ => match self.by_object.get(&key) {
                Some(&value) => value,
                None => match read(&item) {
                    Ok(value) => {
                        self.by_object.insert(key, value);
                        value
                    }
                    Err(fault) => return Ok(Some(fault)),
                },
            },
        };
        self.last = Some((key, value));
        self.values.push(value);
        Ok(None)
    }

    fn forget(&mut self) {
        self.by_object.clear();
        self.last = None;
    }
}

/// The code of an id in a list column: a new category the first time an object is met.
fn id_code(item: &Bound<'_, PyAny>, categories: &mut Vec<String>) -> Result<u32, Fault> {
    let Ok(text) = item.cast::<PyString>() else {
        return Err(if is_missing(item) {
            Fault::Missing
        } else {
            Fault::NotAString
        });
    };
    let text = text.to_str().map_err(|_| Fault::NotAString)?;
    let code = u32::try_from(categories.len()).map_err(|_| Fault::NotAString)?;
    categories.push(text.to_owned());
    Ok(code)
}

/// Reads the list columns row by row, up to the longest; the first fault stops it.
fn read_lists<'py>(
    members: &mut Ids<'py>,
    events: &mut Ids<'py>,
    marks: &mut Marks<'py>,
    total: usize,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<FaultAt>> {
    let lens = [
        match members {
            Ids::List(l, _) => l.len,
            _ => 0,
        },
        match events {
            Ids::List(l, _) => l.len,
            _ => 0,
        },
        match marks {
            Marks::List(l) => l.len,
            Marks::Read(_) => 0,
        },
    ];
    let rows = lens.iter().copied().max().unwrap_or(0);
    for row in 0..rows {
        if row > 0 && row % PROGRESS_STEP == 0 {
            report(progress, row, total)?;
            for ids in [&mut *members, &mut *events] {
                if let Ids::List(list, _) = ids {
                    list.forget();
                }
            }
            if let Marks::List(list) = marks {
                list.forget();
            }
        }
        for (column, ids) in [(0, &mut *members), (1, &mut *events)] {
            if let Ids::List(list, categories) = ids
                && row < list.len
                && let Some(fault) = list.read(row, |item| id_code(item, categories))?
            {
                return Ok(Some(FaultAt { row, column, fault }));
            }
        }
        if let Marks::List(list) = marks
            && row < list.len
            && let Some(fault) = list.read(row, mark_of)?
        {
            return Ok(Some(FaultAt {
                row,
                column: 2,
                fault,
            }));
        }
    }
    Ok(None)
}
