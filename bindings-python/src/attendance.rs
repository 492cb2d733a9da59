//! Attendance and leave: the register (a handle), marks, standings (a `Table`) and leave.
//! Events, leave requests and marks are dicts.
//!
//! Marks come as a list of dicts, or (the fast path for large batches) as columns: a dict
//! `{"member": [...], "event": [...], "mark": [...]}` (optionally `sign_in` / `sign_out`
//! columns), or a pandas or polars DataFrame with those columns. The core records them and
//! computes the standings with the GIL released.

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use secretariat::attendance::{AttendancePolicy, Event, Mark, MarkRecord};
use secretariat::calendar::SchoolCalendar;
use secretariat::{AttendanceRegister, Error, LeaveRequest, Member, MemberId, Rulebook, Standing};
use secretariat::{Roster, TermData};
use serde::{Deserialize, Serialize};

use crate::columns::{
    ColumnsRead, MarkColumnsBuf, PROGRESS_STEP, is_missing, read_mark_columns, report,
};
use crate::convert::{arg, input_error, invalid, items, opt_arg, to_py};
use crate::errors::{IntoPy, issue, to_py_err_with};
use crate::members::roster_arg;
use crate::pickle::{Reduced, reduce};
use crate::rulebook::rulebook_arg;
use crate::table::PyTable;

/// The mark for sign-in and sign-out times against an event's start and end, with
/// `grace_minutes` of tolerance at both ends: `present`, `late`, `left_early` or
/// `late_and_left_early`. A missing sign-out is no evidence of leaving early.
#[pyfunction]
#[pyo3(signature = (start, end, sign_in, sign_out = None, *, grace_minutes = None))]
pub fn mark_from_times(
    py: Python<'_>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    sign_in: &Bound<'_, PyAny>,
    sign_out: Option<&Bound<'_, PyAny>>,
    grace_minutes: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let (start, end, sign_in): (NaiveDateTime, NaiveDateTime, NaiveDateTime) = (
        arg(start, "start")?,
        arg(end, "end")?,
        arg(sign_in, "sign_in")?,
    );
    let sign_out = opt_arg(sign_out, "sign_out")?;
    let grace = opt_arg(grace_minutes, "grace_minutes")?.unwrap_or(0);
    Mark::from_times(start, end, sign_in, sign_out, grace)
        .py_err(py)
        .map(|m| m.key().to_owned())
}

// ---------------------------------------------------------------------------------------
// Marks: records, or columns.

/// Marks read from Python, ready for the core: as records, or (the fast path) as columns.
pub enum MarksArg {
    Records(Vec<MarkRecord>),
    Columns(MarkColumnsBuf),
}

impl MarksArg {
    fn len(&self) -> usize {
        match self {
            MarksArg::Records(records) => records.len(),
            MarksArg::Columns(columns) => columns.len(),
        }
    }

    /// The log entry of these marks, recorded with `policy`.
    fn logged(self, policy: &AttendancePolicy) -> (Logged, Option<MarksArg>) {
        let policy = Box::new(policy.clone());
        match self {
            MarksArg::Records(records) => (Logged::Marks(policy, records), None),
            columns => (Logged::Marks(policy, Vec::new()), Some(columns)),
        }
    }

    /// Records the marks in `register`, all or none.
    fn record(
        &self,
        register: &mut AttendanceRegister,
        policy: &AttendancePolicy,
    ) -> Result<(), Error> {
        match self {
            MarksArg::Records(records) => register.record_marks(policy, records),
            MarksArg::Columns(columns) => register.record_mark_columns(&columns.view()),
        }
    }
}

/// Marks read from Python: a list of dicts, or columns (a dict of columns or a DataFrame).
/// Columns `member`, `event` and `mark` without times are read as columns of codes
/// ([`read_mark_columns`]); columns with times, and columns holding what codes cannot say
/// (a missing value...), are read as records, row by row.
fn marks_arg(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<MarksArg> {
    if let Some(columns) = arrow_marks(py, obj)? {
        return Ok(MarksArg::Columns(columns));
    }
    let Some(columns) = columns_of(obj)? else {
        let records: Vec<MarkRecord> = arg(obj, "marks")?;
        report(progress, records.len(), records.len())?;
        return Ok(MarksArg::Records(records));
    };
    if let Some((name, _)) = columns.iter().find(|(n, _)| {
        !matches!(
            n.as_str(),
            "member" | "event" | "mark" | "sign_in" | "sign_out"
        )
    }) {
        let detail =
            format!("unknown column `{name}`: expected member, event, mark, sign_in, sign_out");
        return Err(invalid(py, "marks", detail));
    }
    let column = |name: &str| columns.iter().find(|(n, _)| n == name).map(|(_, c)| c);
    if column("sign_in").is_none()
        && column("sign_out").is_none()
        && let (Some(member), Some(event), Some(mark)) =
            (column("member"), column("event"), column("mark"))
        && let ColumnsRead::Columns(read) = read_mark_columns(py, member, event, mark, progress)?
    {
        return Ok(MarksArg::Columns(read));
    }
    let lists = columns
        .iter()
        .map(|(name, c)| as_list(c, name).map(|list| (name.clone(), list)))
        .collect::<PyResult<Vec<_>>>()?;
    marks_from_columns(py, &lists, progress).map(MarksArg::Records)
}

/// Marks from any Arrow PyCapsule producer (a pyarrow Table or RecordBatchReader, a polars
/// DataFrame, a DuckDB relation), read as codes by the core (`secretariat::arrow`) with the
/// GIL released: dictionary-encoded columns through their indices and dictionary, strings
/// without a copy each. pandas objects keep their own path, and so do marks with times.
fn arrow_marks(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<MarkColumnsBuf>> {
    let pandas = obj.get_type().module()?.to_str()?.starts_with("pandas");
    let names = (obj
        .getattr("column_names")
        .or_else(|_| obj.getattr("columns")))
    .and_then(|n| n.extract::<Vec<String>>())
    .unwrap_or_default();
    let times = names.iter().any(|n| n.starts_with("sign_"));
    if pandas || times || !obj.hasattr("__arrow_c_stream__")? {
        return Ok(None);
    }
    let reader = obj
        .extract::<pyo3_arrow::PyRecordBatchReader>()?
        .into_reader()?;
    if let Some(f) = (reader.schema().fields().iter())
        .find(|f| !["member", "event", "mark"].contains(&f.name().as_str()))
    {
        let detail = format!(
            "unknown column `{}`: expected member, event, mark, sign_in, sign_out",
            f.name()
        );
        return Err(invalid(py, "marks", detail));
    }
    let read = py.detach(move || {
        let batches = reader.collect::<Result<Vec<_>, _>>();
        let batches = batches.map_err(|e| input_error("input.invalid", "marks", e.to_string()))?;
        secretariat::arrow::mark_columns(&batches)
    });
    read.py_err(py).map(Some)
}

/// Named columns.
type Columns<'py> = Vec<(String, Bound<'py, PyAny>)>;

/// The columns of a dict of columns or of a DataFrame (pandas, polars), as they are.
fn columns_of<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Columns<'py>>> {
    let names: Vec<String> = if let Ok(d) = obj.cast::<PyDict>() {
        let is_columns = d
            .values()
            .iter()
            .all(|v| !v.is_instance_of::<PyString>() && v.hasattr("__len__").unwrap_or(false));
        if d.is_empty() || !is_columns || !d.contains("member")? {
            return Ok(None);
        }
        d.keys().extract()?
    } else if obj.hasattr("columns")? && !obj.is_instance_of::<PyList>() {
        obj.getattr("columns")?
            .try_iter()?
            .map(|c| c.and_then(|c| c.extract::<String>()))
            .collect::<PyResult<_>>()?
    } else {
        return Ok(None);
    };
    names
        .into_iter()
        .map(|name| obj.get_item(&name).map(|column| (name, column)))
        .collect::<PyResult<_>>()
        .map(Some)
}

/// A column as a list.
fn as_list<'py>(column: &Bound<'py, PyAny>, path: &str) -> PyResult<Bound<'py, PyAny>> {
    if column.is_instance_of::<PyList>() {
        Ok(column.clone())
    } else if column.hasattr("tolist")? {
        column.call_method0("tolist")
    } else if column.hasattr("to_list")? {
        column.call_method0("to_list")
    } else {
        Ok(PyList::new(column.py(), items(column, path)?)?.into_any())
    }
}

/// Marks read row by row from columns (as lists) whose names the caller has checked
/// (`marks_arg` refuses an unknown column; `record_mark_columns` names its three): each row
/// becomes the dict it stands for (a missing value, `None`, NaN, `pd.NA` or `NaT`, as
/// `None`), read by the core as a list of dicts is, with the same codes and paths.
fn marks_from_columns(
    py: Python<'_>,
    columns: &[(String, Bound<'_, PyAny>)],
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<MarkRecord>> {
    let lists = columns
        .iter()
        .map(|(name, c)| Ok((name.as_str(), c.cast::<PyList>()?)))
        .collect::<Result<Vec<_>, pyo3::CastError>>()
        .map_err(|e| {
            let detail = format!("a column is not a list: {e}");
            invalid(py, "marks", detail)
        })?;
    let n = lists.first().map_or(0, |(_, c)| c.len());
    if let Some((name, c)) = lists.iter().find(|(_, c)| c.len() != n) {
        let detail = format!("the column {name} has {} rows, the first {n}", c.len());
        return Err(invalid(py, "marks", &detail));
    }
    let rows = PyList::empty(py);
    for i in 0..n {
        if i > 0 && i % PROGRESS_STEP == 0 {
            report(progress, i, n)?;
        }
        let row = PyDict::new(py);
        for (name, column) in &lists {
            let item = column.get_item(i)?;
            row.set_item(
                name,
                if is_missing(&item) {
                    py.None().into_bound(py)
                } else {
                    item
                },
            )?;
        }
        rows.append(row)?;
    }
    arg(rows.as_any(), "marks")
}

// ---------------------------------------------------------------------------------------
// The register.

/// The events, marks and granted leave of a term, over one roster. Every operation that
/// fails leaves it exactly as it was.
#[pyclass(module = "secretariat._core", name = "AttendanceRegister")]
pub struct PyAttendanceRegister {
    pub(crate) inner: AttendanceRegister,
    /// What made it, in order: replayed, the same operations make the same register (the
    /// core keeps no copy of its inputs to give back), which is how it pickles.
    pub(crate) log: Vec<(Logged, Option<MarksArg>)>,
}

/// One operation of a register's log (marks read as columns are kept as columns, beside
/// an empty `Marks`, and written as records only when pickled).
#[derive(Serialize, Deserialize)]
pub enum Logged {
    /// `AttendanceRegister(members, events)`.
    New(Vec<Member>, Vec<Event>),
    /// `TermData.register(rulebook)`.
    Term(Box<TermData>, Box<Rulebook>),
    /// Marks recorded with a policy.
    Marks(Box<AttendancePolicy>, Vec<MarkRecord>),
    /// Leave granted under a rulebook.
    Leave(Box<Rulebook>, LeaveRequest),
}

impl PyAttendanceRegister {
    /// The register pickled by `__reduce__`: its log replayed.
    pub fn restore(py: Python<'_>, log: Vec<Logged>) -> PyResult<Self> {
        let mut register: Option<AttendanceRegister> = None;
        for op in &log {
            match (op, register.as_mut()) {
                (Logged::New(members, events), _) => {
                    let roster = Roster::new(members.clone()).py_err(py)?;
                    register = Some(AttendanceRegister::new(roster, events.clone()).py_err(py)?);
                }
                (Logged::Term(data, rulebook), _) => {
                    register = Some(data.register(rulebook).py_err(py)?.0)
                }
                (Logged::Marks(policy, marks), Some(r)) => {
                    r.record_marks(policy, marks).py_err(py)?
                }
                (Logged::Leave(rulebook, request), Some(r)) => {
                    r.grant_leave(rulebook, request).py_err(py)?;
                }
                _ => {
                    return Err(invalid(
                        py,
                        "state",
                        "a register's log starts with its making",
                    ));
                }
            }
        }
        let inner = register.ok_or_else(|| invalid(py, "state", "an empty log"))?;
        Ok(Self {
            inner,
            log: log.into_iter().map(|op| (op, None)).collect(),
        })
    }
}

#[pymethods]
impl PyAttendanceRegister {
    /// A register of `events` (dicts) over `members` (a `Roster`, or dicts), with no marks
    /// yet.
    #[new]
    fn new(
        py: Python<'_>,
        members: &Bound<'_, PyAny>,
        events: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let roster = roster_arg(py, members)?;
        let events: Vec<Event> = arg(events, "events")?;
        let made = Logged::New(roster.members().to_vec(), events.clone());
        let inner = AttendanceRegister::new(roster, events).py_err(py)?;
        Ok(Self {
            inner,
            log: vec![(made, None)],
        })
    }

    /// The events (dicts), in the order given.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.events())
    }

    /// How many marks are recorded.
    #[getter]
    fn mark_count(&self) -> usize {
        self.inner.mark_count()
    }

    /// The leave granted so far (`LeaveGrant` dicts), in order.
    #[getter]
    fn leaves<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.leaves())
    }

    /// Records marks, all or none: a list of dicts (`member`, `event`, and `mark` or
    /// `sign_in`/`sign_out`), or columns (a dict of columns, or a pandas or polars
    /// DataFrame). Times become marks with the rulebook's grace period. Columns `member`,
    /// `event` and `mark` (no times) take the fast path of `record_mark_columns`.
    /// `progress(done, total)` is called while a large batch is read, and at the end.
    #[pyo3(signature = (marks, *, rulebook = None, progress = None))]
    fn record_marks(
        &mut self,
        py: Python<'_>,
        marks: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let rulebook = rulebook_arg(rulebook)?;
        let marks = marks_arg(py, marks, progress)?;
        let policy = &rulebook.as_ref().attendance;
        let register = &mut self.inner;
        py.detach(|| marks.record(register, policy)).py_err(py)?;
        report(progress, marks.len(), marks.len())?;
        self.log.push(marks.logged(policy));
        Ok(())
    }

    /// Records marks given as three columns of equal length, all or none: the fast way to
    /// record a large batch. Row `i` gives member `member[i]` the mark `mark[i]` at event
    /// `event[i]`. Each column is a pandas categorical (a `Series` of dtype `category`), a
    /// NumPy array or `Series` of integers, or a list (or any sequence) of strings. Integer
    /// `member` and `event` columns are positions in the roster and in the events; an
    /// integer `mark` column holds codes, positions in `MARKS`. Errors are those of
    /// `record_marks` for the same rows (`marks[i].member`, `attendance.duplicate_mark`...),
    /// and `attendance.column_length` or `attendance.code_out_of_range`. The GIL is
    /// released while the core records the marks; `progress(done, total)` is called every
    /// 100,000 rows read from lists, and at the end.
    #[pyo3(signature = (*, member, event, mark, progress = None))]
    fn record_mark_columns(
        &mut self,
        py: Python<'_>,
        member: &Bound<'_, PyAny>,
        event: &Bound<'_, PyAny>,
        mark: &Bound<'_, PyAny>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let marks = match read_mark_columns(py, member, event, mark, progress)? {
            ColumnsRead::Columns(columns) => MarksArg::Columns(columns),
            ColumnsRead::Records => {
                let lists = [("member", member), ("event", event), ("mark", mark)]
                    .into_iter()
                    .map(|(name, c)| as_list(c, name).map(|list| (name.to_owned(), list)))
                    .collect::<PyResult<Vec<_>>>()?;
                MarksArg::Records(marks_from_columns(py, &lists, progress)?)
            }
        };
        let policy = Rulebook::default().attendance;
        let register = &mut self.inner;
        py.detach(|| marks.record(register, &policy)).py_err(py)?;
        report(progress, marks.len(), marks.len())?;
        self.log.push(marks.logged(&policy));
        Ok(())
    }

    /// Every reason `request` (a dict) would be refused, as issue dicts in a fixed order;
    /// empty when it would be granted. Nothing is raised: a form shows every issue at once.
    #[pyo3(signature = (request, *, rulebook = None))]
    fn check_leave<'py>(
        &self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let rulebook = rulebook_arg(rulebook)?;
        let request: LeaveRequest = arg(request, "request")?;
        self.inner
            .check_leave(rulebook.as_ref(), &request)
            .iter()
            .map(|e| issue(py, e))
            .collect()
    }

    /// Grants the leave if nothing refuses it (the absence it covers is then excused) and
    /// gives the `LeaveGrant`. Otherwise raises the error of the first refusal, with every
    /// refusal in `issues`; the register is unchanged.
    #[pyo3(signature = (request, *, rulebook = None))]
    fn grant_leave<'py>(
        &mut self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rulebook = rulebook_arg(rulebook)?;
        let request: LeaveRequest = arg(request, "request")?;
        let problems: Vec<Error> = self.inner.check_leave(rulebook.as_ref(), &request);
        match self.inner.grant_leave(rulebook.as_ref(), &request) {
            Ok(grant) => {
                let rulebook = Box::new(rulebook.into_owned());
                self.log.push((Logged::Leave(rulebook, request), None));
                to_py(py, &grant)
            }
            Err(first) => {
                let all = if problems.is_empty() {
                    vec![first.clone()]
                } else {
                    problems
                };
                Err(to_py_err_with(py, &first, &all))
            }
        }
    }

    /// Every member's standing on `today`, in roster order: a `Table` of `Standing` dicts by
    /// `member` (the GIL is released).
    #[pyo3(signature = (*, calendar, today, rulebook = None))]
    fn standings(
        &self,
        py: Python<'_>,
        calendar: &Bound<'_, PyAny>,
        today: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTable> {
        let rulebook = rulebook_arg(rulebook)?;
        let calendar: SchoolCalendar = arg(calendar, "calendar")?;
        let today = arg(today, "today")?;
        let rb = rulebook.as_ref();
        let register = &self.inner;
        let items = py
            .detach(|| register.standings(rb, &calendar, today))
            .py_err(py)?;
        Ok(PyTable::of(items, Some("member")))
    }

    /// One member's standing on `today` (a `Standing` dict); `MemberError`
    /// (`member.unknown`) for an id not in the roster.
    #[pyo3(signature = (member, *, calendar, today, rulebook = None))]
    fn standing_of<'py>(
        &self,
        py: Python<'py>,
        member: &Bound<'py, PyAny>,
        calendar: &Bound<'py, PyAny>,
        today: &Bound<'py, PyAny>,
        rulebook: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rulebook = rulebook_arg(rulebook)?;
        let calendar: SchoolCalendar = arg(calendar, "calendar")?;
        let id: MemberId = arg(member, "member")?;
        let today = arg(today, "today")?;
        let rb = rulebook.as_ref();
        let register = &self.inner;
        let standing = py
            .detach(|| register.standing_of(rb, &calendar, &id, today))
            .py_err(py)?;
        to_py(py, &standing)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let (roster, events) = (self.inner.roster(), self.inner.events());
        let log: Vec<_> = (self.log.iter())
            .map(|(op, columns)| match (op, columns) {
                (Logged::Marks(policy, _), Some(MarksArg::Columns(c))) => {
                    Ok(Logged::Marks(policy.clone(), c.records(roster, events)))
                }
                (op, _) => serde_json::to_value(op).and_then(serde_json::from_value),
            })
            .collect::<Result<_, _>>()
            .map_err(|e| invalid(py, "state", e.to_string()))?;
        reduce::<Self>(py, &log)
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!(
            "AttendanceRegister({} members, {} events, {} marks, {} leaves)",
            self.inner.roster().len(),
            self.inner.events().len(),
            self.inner.mark_count(),
            self.inner.leaves().len()
        )
    }
}

/// Standings over a batch of marks: the register is built from `members` and `events`, the
/// marks recorded (all or none) and every standing computed, with the GIL released during
/// the core's work; a `Table` of `Standing` dicts by `member`. `marks` is a list of dicts
/// or, faster, columns: a dict of columns or a pandas or polars DataFrame with columns
/// `member`, `event`, `mark` (optionally `sign_in` / `sign_out`). Without times, the columns
/// are read as `record_mark_columns` reads them: pandas categoricals and integer arrays at
/// the speed of a copy. `progress(done, total)` is called every 100,000 marks read from
/// lists and once at the end.
#[pyfunction]
#[pyo3(signature = (members, events, marks, *, calendar, today, rulebook = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn standings(
    py: Python<'_>,
    members: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    marks: &Bound<'_, PyAny>,
    calendar: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTable> {
    let rulebook = rulebook_arg(rulebook)?;
    let roster = roster_arg(py, members)?;
    let events: Vec<Event> = arg(events, "events")?;
    let calendar: SchoolCalendar = arg(calendar, "calendar")?;
    let today: NaiveDate = arg(today, "today")?;
    let marks = marks_arg(py, marks, progress)?;
    let rb: &Rulebook = rulebook.as_ref();
    let total = marks.len();
    let items = py
        .detach(move || -> Result<Vec<Standing>, Error> {
            let mut register = AttendanceRegister::new(roster, events)?;
            marks.record(&mut register, &rb.attendance)?;
            drop(marks);
            register.standings(rb, &calendar, today)
        })
        .py_err(py)?;
    report(progress, total, total)?;
    Ok(PyTable::of(items, Some("member")))
}
