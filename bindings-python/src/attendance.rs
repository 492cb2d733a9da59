//! Attendance and leave: events, marks, the register, standings and leave decisions.
//!
//! Marks come as a list of dicts, or (the fast path for large batches) as columns: a dict
//! `{"member": [...], "event": [...], "mark": [...]}` (optionally `sign_in` / `sign_out`
//! columns), or a pandas or polars DataFrame with those columns. The core records them and
//! computes the standings with the GIL released.

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rustc_hash::FxHashMap;

use secretariat::attendance::{
    AttendancePolicy, Event, EventId, LeaveGrant, Mark, MarkRecord, NextConsequence, RecordRef,
    StandingCounts, StandingReason,
};
use secretariat::{AttendanceRegister, Error, LeaveRequest, MemberId, Rulebook, Standing};

use crate::classes::{PyDateRange, PyIssue, PyRuleRef, frozen_class, list_of, q, repr_date};
use crate::columns::{
    ColumnsRead, OwnedMarkColumns, PROGRESS_STEP, is_missing, read_mark_columns, report,
};
use crate::convert::{Numbers, enum_from, enum_name, from_py, input_error, to_py};
use crate::errors::{IntoPy, to_py_err, to_py_err_with};
use crate::members::{PyMember, roster_arg};
use crate::rulebook::rulebook_arg;
use crate::schedule::calendar_arg;

frozen_class!(
    /// An event at which attendance is taken.
    PyEvent,
    "Event",
    Event
);

#[pymethods]
impl PyEvent {
    /// An event; `kind` is `regular_meeting`, `group_activity`, `duty_shift`, `rehearsal`
    /// or `other`; times are school-local `datetime`s.
    #[new]
    #[pyo3(signature = (id, kind, title, start, end, project_leader = None, department = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        id: &str,
        kind: &str,
        title: &str,
        start: NaiveDateTime,
        end: NaiveDateTime,
        project_leader: Option<&str>,
        department: Option<&str>,
    ) -> PyResult<Self> {
        let d = PyDict::new(py);
        d.set_item("id", id)?;
        d.set_item("kind", kind)?;
        d.set_item("title", title)?;
        d.set_item("start", start)?;
        d.set_item("end", end)?;
        d.set_item("project_leader", project_leader)?;
        d.set_item("department", department)?;
        from_py(d.as_any(), "", Numbers::Exact).map(Self::wrap)
    }
    /// An event from its dict form.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }
    /// The event's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// Its kind.
    #[getter]
    fn kind(&self) -> String {
        enum_name(&self.inner.kind)
    }
    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// Its start, school-local.
    #[getter]
    fn start(&self) -> NaiveDateTime {
        self.inner.start
    }
    /// Its end, school-local.
    #[getter]
    fn end(&self) -> NaiveDateTime {
        self.inner.end
    }
    /// The member who leads it and approves leave from it.
    #[getter]
    fn project_leader(&self) -> Option<&str> {
        self.inner.project_leader.as_ref().map(MemberId::as_str)
    }
    /// The organizing department.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.inner.department.as_ref().map(|d| d.0.as_str())
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Event(id={}, kind={}, start={})",
            q(&self.inner.id.as_str()),
            q(&enum_name(&self.inner.kind)),
            q(&self.inner.start.to_string())
        )
    }
}

/// The events argument of a function: a list of `Event`s or dicts.
pub fn events_arg(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Vec<Event>> {
    if let Ok(list) = obj.cast::<PyList>() {
        let objects: Option<Vec<Event>> = list
            .iter()
            .map(|e| e.cast::<PyEvent>().ok().map(|e| e.get().inner.clone()))
            .collect();
        if let Some(events) = objects {
            return Ok(events);
        }
    }
    from_py(obj, path, Numbers::Exact)
}

frozen_class!(
    /// A member's request for leave from an event.
    PyLeaveRequest,
    "LeaveRequest",
    LeaveRequest
);

#[pymethods]
impl PyLeaveRequest {
    /// A request: who, from which event, why, who stands in, who approves, and when it
    /// was made (school-local).
    #[new]
    #[pyo3(signature = (member, event, *, approver, requested_at, reason = "", substitute = None))]
    fn new(
        py: Python<'_>,
        member: &str,
        event: &str,
        approver: &str,
        requested_at: NaiveDateTime,
        reason: &str,
        substitute: Option<&str>,
    ) -> PyResult<Self> {
        let d = PyDict::new(py);
        d.set_item("member", member)?;
        d.set_item("event", event)?;
        d.set_item("reason", reason)?;
        d.set_item("substitute", substitute)?;
        d.set_item("approver", approver)?;
        d.set_item("requested_at", requested_at)?;
        from_py(d.as_any(), "", Numbers::Exact).map(Self::wrap)
    }
    /// A request from its dict form.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }
    /// Who asks for leave.
    #[getter]
    fn member(&self) -> &str {
        self.inner.member.as_str()
    }
    /// From which event.
    #[getter]
    fn event(&self) -> &str {
        self.inner.event.as_str()
    }
    /// Why.
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }
    /// Who stands in.
    #[getter]
    fn substitute(&self) -> Option<&str> {
        self.inner.substitute.as_ref().map(MemberId::as_str)
    }
    /// Who approves.
    #[getter]
    fn approver(&self) -> &str {
        self.inner.approver.as_str()
    }
    /// When it was made.
    #[getter]
    fn requested_at(&self) -> NaiveDateTime {
        self.inner.requested_at
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "LeaveRequest(member={}, event={}, approver={})",
            q(&self.inner.member.as_str()),
            q(&self.inner.event.as_str()),
            q(&self.inner.approver.as_str())
        )
    }
}

fn leave_request_arg(obj: &Bound<'_, PyAny>) -> PyResult<LeaveRequest> {
    match obj.cast::<PyLeaveRequest>() {
        Ok(r) => Ok(r.get().inner.clone()),
        Err(_) => from_py(obj, "", Numbers::Exact),
    }
}

frozen_class!(
    /// Leave granted: the absence it covers is excused.
    PyLeaveGrant,
    "LeaveGrant",
    LeaveGrant
);

#[pymethods]
impl PyLeaveGrant {
    /// Who is on leave.
    #[getter]
    fn member(&self) -> &str {
        self.inner.member.as_str()
    }
    /// From which event.
    #[getter]
    fn event(&self) -> &str {
        self.inner.event.as_str()
    }
    /// Who stands in.
    #[getter]
    fn substitute(&self) -> Option<&str> {
        self.inner.substitute.as_ref().map(MemberId::as_str)
    }
    /// Who approved.
    #[getter]
    fn approver(&self) -> &str {
        self.inner.approver.as_str()
    }
    /// The role under which they approved.
    #[getter]
    fn approved_as(&self) -> &'static str {
        self.inner.approved_as.key()
    }
    /// The reason given.
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }
    /// The rule applied.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "LeaveGrant(member={}, event={}, approver={}, approved_as={})",
            q(&self.inner.member.as_str()),
            q(&self.inner.event.as_str()),
            q(&self.inner.approver.as_str()),
            q(&self.inner.approved_as.key())
        )
    }
}

/// The mark for sign-in and sign-out times against an event's start and end, with
/// `grace_minutes` of tolerance at both ends: `present`, `late`, `left_early` or
/// `late_and_left_early`. A missing sign-out is no evidence of leaving early.
#[pyfunction]
#[pyo3(signature = (start, end, sign_in, sign_out = None, *, grace_minutes = 0))]
pub fn mark_from_times(
    py: Python<'_>,
    start: NaiveDateTime,
    end: NaiveDateTime,
    sign_in: NaiveDateTime,
    sign_out: Option<NaiveDateTime>,
    grace_minutes: u32,
) -> PyResult<String> {
    Mark::from_times(start, end, sign_in, sign_out, grace_minutes)
        .py_err(py)
        .map(|m| enum_name(&m))
}

// ---------------------------------------------------------------------------------------
// Marks: records, or columns.

/// Marks read from Python, ready for the core: as records, or (the fast path) as columns.
enum MarksArg {
    Records(Vec<MarkRecord>),
    Columns(OwnedMarkColumns),
}

impl MarksArg {
    fn len(&self) -> usize {
        match self {
            MarksArg::Records(records) => records.len(),
            MarksArg::Columns(columns) => columns.len(),
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
    let Some(columns) = columns_of(obj)? else {
        let records: Vec<MarkRecord> = from_py(obj, "marks", Numbers::Exact)?;
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
        return Err(to_py_err(
            py,
            &input_error("input.invalid", "marks", detail),
        ));
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
        .map(|(name, c)| as_list(c).map(|list| (name.clone(), list)))
        .collect::<PyResult<Vec<_>>>()?;
    marks_from_columns(py, &lists, progress).map(MarksArg::Records)
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
fn as_list<'py>(column: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if column.is_instance_of::<PyList>() {
        Ok(column.clone())
    } else if column.hasattr("tolist")? {
        column.call_method0("tolist")
    } else if column.hasattr("to_list")? {
        column.call_method0("to_list")
    } else {
        Ok(PyList::new(
            column.py(),
            column.try_iter()?.collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any())
    }
}

/// Marks read row by row from columns (as lists) whose names the caller has checked
/// (`marks_arg` refuses an unknown column; `record_mark_columns` names its three).
fn marks_from_columns(
    py: Python<'_>,
    columns: &[(String, Bound<'_, PyAny>)],
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<MarkRecord>> {
    let column = |name: &str| -> Option<&Bound<'_, PyAny>> {
        columns.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    };
    let lists: Vec<Option<Bound<'_, PyList>>> = ["member", "event", "mark", "sign_in", "sign_out"]
        .iter()
        .map(|name| {
            column(name)
                .map(|c| c.cast::<PyList>().cloned())
                .transpose()
        })
        .collect::<Result<_, _>>()
        .map_err(|e| {
            to_py_err(
                py,
                &input_error(
                    "input.invalid",
                    "marks",
                    format!("a column is not a list: {e}"),
                ),
            )
        })?;
    let [member, event, mark, sign_in, sign_out] = <[_; 5]>::try_from(lists)
        .map_err(|_| to_py_err(py, &input_error("input.invalid", "marks", "columns")))?;
    let (Some(member), Some(event)) = (member, event) else {
        return Err(to_py_err(
            py,
            &input_error(
                "input.invalid",
                "marks",
                "the columns member and event are required",
            ),
        ));
    };
    let n = member.len();
    for (name, c) in [
        ("event", Some(&event)),
        ("mark", mark.as_ref()),
        ("sign_in", sign_in.as_ref()),
        ("sign_out", sign_out.as_ref()),
    ] {
        if let Some(c) = c
            && c.len() != n
        {
            let detail = format!(
                "the column {name} has {} rows, the column member {n}",
                c.len()
            );
            return Err(to_py_err(
                py,
                &input_error("input.invalid", "marks", detail),
            ));
        }
    }

    // The same string objects repeat down a column (each member id 100 times, each event
    // id 10,000 times in a term of 10,000 members and 100 events): each distinct object is
    // read once. The caches are keyed by object identity, so they are emptied whenever
    // Python code (the progress callback) could have changed the columns.
    let mut ids = ObjectCache::<String>::default();
    let mut events_seen = ObjectCache::<String>::default();
    let mut marks_seen = ObjectCache::<Mark>::default();
    let mut records = Vec::with_capacity(n);
    let mut member_items = member.iter();
    let mut event_items = event.iter();
    for i in 0..n {
        if i > 0 && i % PROGRESS_STEP == 0 {
            report(progress, i, n)?;
            ids.clear();
            events_seen.clear();
            marks_seen.clear();
        }
        let at = |field: &str| format!("marks[{i}].{field}");
        let text = |item: &Bound<'_, PyAny>, field: &str| -> PyResult<String> {
            match item.cast::<PyString>() {
                Ok(s) => Ok(s.to_str()?.to_owned()),
                Err(_) => Err(to_py_err(
                    py,
                    &input_error("input.invalid", &at(field), "expected a string"),
                )),
            }
        };
        let (Some(member_item), Some(event_item)) = (member_items.next(), event_items.next())
        else {
            return Err(to_py_err(
                py,
                &input_error("input.invalid", "marks", "a column changed size"),
            ));
        };
        let member_id = ids
            .get_or_read(&member_item, |o| text(o, "member"))?
            .clone();
        let event_id = events_seen
            .get_or_read(&event_item, |o| text(o, "event"))?
            .clone();
        let mark_value = match &mark {
            None => None,
            Some(list) => {
                let item = list.get_item(i)?;
                if is_missing(&item) {
                    None
                } else {
                    Some(*marks_seen.get_or_read(&item, |o| {
                        let name = o.extract::<String>().map_err(|_| {
                            to_py_err(
                                py,
                                &input_error("input.invalid", &at("mark"), "expected a string"),
                            )
                        })?;
                        enum_from::<Mark>(py, &name, &at("mark"))
                    })?)
                }
            }
        };
        let time =
            |list: &Option<Bound<'_, PyList>>, field: &str| -> PyResult<Option<NaiveDateTime>> {
                let Some(list) = list else { return Ok(None) };
                let item = list.get_item(i)?;
                if is_missing(&item) {
                    return Ok(None);
                }
                from_py(&item, &at(field), Numbers::Exact).map(Some)
            };
        records.push(MarkRecord {
            member: MemberId(member_id),
            event: EventId(event_id),
            mark: mark_value,
            sign_in: time(&sign_in, "sign_in")?,
            sign_out: time(&sign_out, "sign_out")?,
        });
    }
    Ok(records)
}

/// Values read from Python objects, by object identity: a column of repeated string
/// objects is read once per distinct object.
struct ObjectCache<T> {
    by_object: FxHashMap<usize, usize>,
    values: Vec<T>,
}

impl<T> Default for ObjectCache<T> {
    fn default() -> Self {
        ObjectCache {
            by_object: FxHashMap::default(),
            values: Vec::new(),
        }
    }
}

impl<T> ObjectCache<T> {
    /// The value of `obj`, read with `read` the first time this object is met. The column
    /// holding `obj` keeps it alive, so its address is not reused while the cache lives.
    fn get_or_read(
        &mut self,
        obj: &Bound<'_, PyAny>,
        read: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<T>,
    ) -> PyResult<&T> {
        let key = obj.as_ptr() as usize;
        let slot = match self.by_object.get(&key) {
            Some(&slot) => slot,
            None => {
                let slot = self.values.len();
                self.values.push(read(obj)?);
                self.by_object.insert(key, slot);
                slot
            }
        };
        self.values
            .get(slot)
            .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("object cache"))
    }

    fn clear(&mut self) {
        self.by_object.clear();
        self.values.clear();
    }
}

// ---------------------------------------------------------------------------------------
// The register.

/// The events, marks and granted leave of a term, over one roster. Every operation that
/// fails leaves it exactly as it was.
#[pyclass(module = "secretariat._core", name = "AttendanceRegister")]
pub struct PyAttendanceRegister {
    pub(crate) inner: AttendanceRegister,
}

#[pymethods]
impl PyAttendanceRegister {
    /// A register of `events` over `members` (a `Roster`, or `Member`s or dicts), with no
    /// marks yet.
    #[new]
    fn new(
        py: Python<'_>,
        members: &Bound<'_, PyAny>,
        events: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let roster = roster_arg(py, members)?;
        let events = events_arg(events, "events")?;
        AttendanceRegister::new(roster, events)
            .py_err(py)
            .map(|inner| Self { inner })
    }

    /// The members.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyMember>(py, self.inner.roster().members())
    }

    /// The events, in the order given.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyEvent>(py, self.inner.events())
    }

    /// How many marks are recorded.
    #[getter]
    fn mark_count(&self) -> usize {
        self.inner.mark_count()
    }

    /// The leave granted so far, in order.
    #[getter]
    fn leaves<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyLeaveGrant>(py, self.inner.leaves())
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
        let policy = &rulebook.get().attendance;
        let register = &mut self.inner;
        py.detach(|| marks.record(register, policy)).py_err(py)?;
        report(progress, marks.len(), marks.len())
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
                    .map(|(name, c)| as_list(c).map(|list| (name.to_owned(), list)))
                    .collect::<PyResult<Vec<_>>>()?;
                MarksArg::Records(marks_from_columns(py, &lists, progress)?)
            }
        };
        let policy = Rulebook::default().attendance;
        let register = &mut self.inner;
        py.detach(|| marks.record(register, &policy)).py_err(py)?;
        report(progress, marks.len(), marks.len())
    }

    /// Every reason `request` would be refused, in a fixed order; empty when it would be
    /// granted. Nothing is raised: a form shows every issue at once.
    #[pyo3(signature = (request, *, rulebook = None))]
    fn check_leave(
        &self,
        py: Python<'_>,
        request: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyIssue>> {
        let rulebook = rulebook_arg(rulebook)?;
        let request = leave_request_arg(request)?;
        let _ = py;
        Ok(self
            .inner
            .check_leave(rulebook.get(), &request)
            .iter()
            .map(PyIssue::from_error)
            .collect())
    }

    /// Grants the leave if nothing refuses it (the absence it covers is then excused).
    /// Otherwise raises the error of the first refusal, with every refusal in `issues`;
    /// the register is unchanged.
    #[pyo3(signature = (request, *, rulebook = None))]
    fn grant_leave(
        &mut self,
        py: Python<'_>,
        request: &Bound<'_, PyAny>,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyLeaveGrant> {
        let rulebook = rulebook_arg(rulebook)?;
        let request = leave_request_arg(request)?;
        let problems: Vec<Error> = self.inner.check_leave(rulebook.get(), &request);
        match self.inner.grant_leave(rulebook.get(), &request) {
            Ok(grant) => Ok(grant.into()),
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

    /// Every member's standing on `today`, in roster order (the GIL is released).
    #[pyo3(signature = (*, calendar, today, rulebook = None))]
    fn standings(
        &self,
        py: Python<'_>,
        calendar: &Bound<'_, PyAny>,
        today: NaiveDate,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyStandings> {
        let rulebook = rulebook_arg(rulebook)?;
        let calendar = calendar_arg(calendar)?;
        let rb = rulebook.get();
        let register = &self.inner;
        let items = py
            .detach(|| register.standings(rb, &calendar, today))
            .py_err(py)?;
        Ok(PyStandings { items, today })
    }

    /// One member's standing on `today`; `MemberError` (`member.unknown`) for an id not in
    /// the roster.
    #[pyo3(signature = (member, *, calendar, today, rulebook = None))]
    fn standing_of(
        &self,
        py: Python<'_>,
        member: &str,
        calendar: &Bound<'_, PyAny>,
        today: NaiveDate,
        rulebook: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyStanding> {
        let rulebook = rulebook_arg(rulebook)?;
        let calendar = calendar_arg(calendar)?;
        let rb = rulebook.get();
        let register = &self.inner;
        let id = MemberId::from(member);
        py.detach(|| register.standing_of(rb, &calendar, &id, today))
            .py_err(py)
            .map(Into::into)
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
/// the core's work. `marks` is a list of dicts or, faster, columns: a dict of columns or a
/// pandas or polars DataFrame with columns `member`, `event`, `mark` (optionally `sign_in` /
/// `sign_out`). Without times, the columns are read as `record_mark_columns` reads them:
/// pandas categoricals and integer arrays at the speed of a copy. `progress(done, total)`
/// is called every 100,000 marks read from lists and once at the end.
#[pyfunction]
#[pyo3(signature = (members, events, marks, *, calendar, today, rulebook = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn standings(
    py: Python<'_>,
    members: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    marks: &Bound<'_, PyAny>,
    calendar: &Bound<'_, PyAny>,
    today: NaiveDate,
    rulebook: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyStandings> {
    let rulebook = rulebook_arg(rulebook)?;
    let roster = roster_arg(py, members)?;
    let events = events_arg(events, "events")?;
    let calendar = calendar_arg(calendar)?;
    let marks = marks_arg(py, marks, progress)?;
    let rb: &Rulebook = rulebook.get();
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
    Ok(PyStandings { items, today })
}

// ---------------------------------------------------------------------------------------
// Standings.

/// Every member's standing on a day, in roster order: a sequence of `Standing`s with
/// `to_dicts()`, `to_pandas()` and `to_polars()`.
#[pyclass(frozen, module = "secretariat._core", name = "Standings", sequence)]
pub struct PyStandings {
    pub(crate) items: Vec<Standing>,
    pub(crate) today: NaiveDate,
}

/// The columns of a standings table, in order.
const STANDING_COLUMNS: &[&str] = &[
    "member",
    "name",
    "status",
    "present",
    "late",
    "left_early",
    "lateness",
    "absences",
    "excused",
    "next_counter",
    "next_remaining",
    "window_start",
    "window_end",
    "explanation",
];

impl PyStandings {
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let n = self.items.len();
        let mut cols: Vec<Vec<Bound<'py, PyAny>>> = (0..STANDING_COLUMNS.len())
            .map(|_| Vec::with_capacity(n))
            .collect();
        for s in &self.items {
            let c = &s.counts;
            let next = s.next_consequence.as_ref();
            let row: [Bound<'py, PyAny>; 14] = [
                s.member.as_str().into_pyobject(py)?.into_any(),
                s.name.as_str().into_pyobject(py)?.into_any(),
                status_name(s).into_pyobject(py)?.into_any(),
                c.present.into_pyobject(py)?.into_any(),
                c.late.into_pyobject(py)?.into_any(),
                c.left_early.into_pyobject(py)?.into_any(),
                c.lateness.into_pyobject(py)?.into_any(),
                c.absences.into_pyobject(py)?.into_any(),
                c.excused.into_pyobject(py)?.into_any(),
                next.map(|n| enum_name(&n.counter))
                    .into_pyobject(py)?
                    .into_any(),
                next.map(|n| n.remaining).into_pyobject(py)?.into_any(),
                s.window.start.into_pyobject(py)?.into_any(),
                s.window.end.into_pyobject(py)?.into_any(),
                s.explain(secretariat::Locale::En)
                    .into_pyobject(py)?
                    .into_any(),
            ];
            for (col, value) in cols.iter_mut().zip(row) {
                col.push(value);
            }
        }
        let d = PyDict::new(py);
        for (name, col) in STANDING_COLUMNS.iter().zip(cols) {
            d.set_item(name, PyList::new(py, col)?)?;
        }
        Ok(d)
    }
}

fn status_name(s: &Standing) -> &'static str {
    s.status.key()
}

/// The values that repeat across the dicts of many standings, each made once: the names of
/// statuses, counters, kinds and marks, and dates (all immutable in Python).
struct DictValues<'py> {
    py: Python<'py>,
    names: FxHashMap<&'static str, Bound<'py, PyAny>>,
    dates: FxHashMap<NaiveDate, Bound<'py, PyAny>>,
}

impl<'py> DictValues<'py> {
    fn new(py: Python<'py>) -> Self {
        DictValues {
            py,
            names: FxHashMap::default(),
            dates: FxHashMap::default(),
        }
    }

    fn name(&mut self, name: &'static str) -> Bound<'py, PyAny> {
        let py = self.py;
        self.names
            .entry(name)
            .or_insert_with(|| PyString::intern(py, name).into_any())
            .clone()
    }

    fn date(&mut self, date: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        if let Some(d) = self.dates.get(&date) {
            return Ok(d.clone());
        }
        let d = date.into_pyobject(self.py)?.into_any();
        self.dates.insert(date, d.clone());
        Ok(d)
    }
}

/// A standing as a dict: what the generic writer ([`to_py`]) gives, the same keys in the
/// same order with the same values, written directly (ten times faster over the 10,000
/// standings of a large term).
fn standing_dict<'py>(v: &mut DictValues<'py>, s: &Standing) -> PyResult<Bound<'py, PyDict>> {
    let py = v.py;
    let d = PyDict::new(py);
    d.set_item(intern!(py, "member"), s.member.as_str())?;
    d.set_item(intern!(py, "name"), s.name.as_str())?;
    d.set_item(intern!(py, "status"), v.name(s.status.key()))?;
    let c = &s.counts;
    let counts = PyDict::new(py);
    counts.set_item(intern!(py, "present"), c.present)?;
    counts.set_item(intern!(py, "late"), c.late)?;
    counts.set_item(intern!(py, "left_early"), c.left_early)?;
    counts.set_item(intern!(py, "lateness"), c.lateness)?;
    counts.set_item(intern!(py, "absences"), c.absences)?;
    counts.set_item(intern!(py, "excused"), c.excused)?;
    d.set_item(intern!(py, "counts"), counts)?;
    let reasons = PyList::empty(py);
    for r in &s.reasons {
        let reason = PyDict::new(py);
        let rule = PyDict::new(py);
        rule.set_item(intern!(py, "key"), r.rule.key.as_str())?;
        rule.set_item(intern!(py, "article"), r.rule.article.as_str())?;
        reason.set_item(intern!(py, "rule"), rule)?;
        reason.set_item(intern!(py, "counter"), r.counter.map(|c| v.name(c.key())))?;
        reason.set_item(intern!(py, "count"), r.count)?;
        reason.set_item(intern!(py, "limit"), r.limit)?;
        reason.set_item(intern!(py, "outcome"), v.name(r.outcome.key()))?;
        let records = PyList::empty(py);
        for rec in &r.records {
            let record = PyDict::new(py);
            record.set_item(intern!(py, "event"), rec.event.as_str())?;
            record.set_item(intern!(py, "date"), v.date(rec.date)?)?;
            record.set_item(intern!(py, "kind"), v.name(rec.kind.key()))?;
            record.set_item(intern!(py, "mark"), v.name(rec.mark.key()))?;
            records.append(record)?;
        }
        reason.set_item(intern!(py, "records"), records)?;
        reasons.append(reason)?;
    }
    d.set_item(intern!(py, "reasons"), reasons)?;
    let next = match &s.next_consequence {
        Some(n) => {
            let next = PyDict::new(py);
            next.set_item(intern!(py, "counter"), v.name(n.counter.key()))?;
            next.set_item(intern!(py, "remaining"), n.remaining)?;
            next.set_item(intern!(py, "outcome"), v.name(n.outcome.key()))?;
            next.into_any()
        }
        None => py.None().into_bound(py),
    };
    d.set_item(intern!(py, "next_consequence"), next)?;
    let window = PyDict::new(py);
    window.set_item(intern!(py, "start"), v.date(s.window.start)?)?;
    window.set_item(intern!(py, "end"), v.date(s.window.end)?)?;
    d.set_item(intern!(py, "window"), window)?;
    Ok(d)
}

#[pymethods]
impl PyStandings {
    /// The day the standings were taken on.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.today
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, index: isize) -> PyResult<PyStanding> {
        let n = self.items.len() as isize;
        let i = if index < 0 { index + n } else { index };
        if i < 0 || i >= n {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "standing index out of range",
            ));
        }
        Ok(self.items[i as usize].clone().into())
    }
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let list = list_of::<_, PyStanding>(py, &self.items)?;
        Ok(list.try_iter()?.into_any().unbind())
    }
    /// The standing of a member, or `None`.
    fn get(&self, member: &str) -> Option<PyStanding> {
        self.items
            .iter()
            .find(|s| s.member.as_str() == member)
            .cloned()
            .map(Into::into)
    }
    /// Each standing as a (nested) dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let mut values = DictValues::new(py);
        let dicts = self
            .items
            .iter()
            .map(|s| standing_dict(&mut values, s))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, dicts)
    }
    /// One flat row per member: counts, status, next consequence, window and the
    /// explanation, as a dict of column lists.
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.columns(py)
    }
    /// The flat rows as a pandas DataFrame (pandas is imported only now).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::pandas(py, self.columns(py)?)
    }
    /// The flat rows as a polars DataFrame (polars is imported only now).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::polars(py, self.columns(py)?)
    }
    fn __repr__(&self) -> String {
        let count = |status| self.items.iter().filter(|s| s.status == status).count();
        use secretariat::attendance::StandingStatus as S;
        format!(
            "Standings(today={}, members={}, good={}, warning={}, expelled={})",
            repr_date(self.today),
            self.items.len(),
            count(S::Good),
            count(S::Warning),
            count(S::Expelled)
        )
    }
}

frozen_class!(
    /// A member's standing on a day: counts, status, the next consequence, and the records
    /// behind each reason, each citing its rule.
    PyStanding,
    "Standing",
    Standing
);

#[pymethods]
impl PyStanding {
    /// The member's id.
    #[getter]
    fn member(&self) -> &str {
        self.inner.member.as_str()
    }
    /// The member's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// `good`, `warning` or `expelled`.
    #[getter]
    fn status(&self) -> &'static str {
        status_name(&self.inner)
    }
    /// The counts over the window.
    #[getter]
    fn counts(&self) -> PyStandingCounts {
        self.inner.counts.into()
    }
    /// One reason per counter with a nonzero count (and one for a prior expulsion).
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyStandingReason>(py, &self.inner.reasons)
    }
    /// What the next offence would do; `None` once expelled.
    #[getter]
    fn next_consequence(&self) -> Option<PyNextConsequence> {
        self.inner.next_consequence.map(Into::into)
    }
    /// The dates counted.
    #[getter]
    fn window(&self) -> PyDateRange {
        self.inner.window.into()
    }
    /// One line saying why, in `locale` (`"en"` or `"zh"`).
    #[pyo3(signature = (locale = "en"))]
    fn explain(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.explain(crate::classes::locale(py, locale)?))
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        standing_dict(&mut DictValues::new(py), &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Standing(member={}, status={}, lateness={}, absences={})",
            q(&self.inner.member.as_str()),
            q(&status_name(&self.inner)),
            self.inner.counts.lateness,
            self.inner.counts.absences
        )
    }
}

frozen_class!(
    /// The counts of a standing, over its window.
    PyStandingCounts,
    "StandingCounts",
    StandingCounts
);

#[pymethods]
impl PyStandingCounts {
    /// Marked present.
    #[getter]
    fn present(&self) -> u32 {
        self.inner.present
    }
    /// Late arrivals at counted events.
    #[getter]
    fn late(&self) -> u32 {
        self.inner.late
    }
    /// Early leaves at counted events.
    #[getter]
    fn left_early(&self) -> u32 {
        self.inner.left_early
    }
    /// `late + left_early`: the lateness counter.
    #[getter]
    fn lateness(&self) -> u32 {
        self.inner.lateness
    }
    /// Unexcused absences from group activities.
    #[getter]
    fn absences(&self) -> u32 {
        self.inner.absences
    }
    /// Absences covered by approved leave.
    #[getter]
    fn excused(&self) -> u32 {
        self.inner.excused
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        let c = &self.inner;
        format!(
            "StandingCounts(present={}, late={}, left_early={}, lateness={}, absences={}, excused={})",
            c.present, c.late, c.left_early, c.lateness, c.absences, c.excused
        )
    }
}

frozen_class!(
    /// Why a standing is what it is: one counter, its limit, and its records.
    PyStandingReason,
    "StandingReason",
    StandingReason
);

#[pymethods]
impl PyStandingReason {
    /// The rule applied.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// `lateness` or `absence`; `None` for a status set outside attendance.
    #[getter]
    fn counter(&self) -> Option<String> {
        self.inner.counter.map(|c| enum_name(&c))
    }
    /// The count.
    #[getter]
    fn count(&self) -> u32 {
        self.inner.count
    }
    /// The limit that expels.
    #[getter]
    fn limit(&self) -> u32 {
        self.inner.limit
    }
    /// What this counter alone gives.
    #[getter]
    fn outcome(&self) -> String {
        enum_name(&self.inner.outcome)
    }
    /// The marks counted.
    #[getter]
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        list_of::<_, PyRecordRef>(py, &self.inner.records)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "StandingReason(counter={}, count={}, limit={}, outcome={})",
            q(&self.inner.counter.map(|c| enum_name(&c))),
            self.inner.count,
            self.inner.limit,
            q(&enum_name(&self.inner.outcome))
        )
    }
}

frozen_class!(
    /// A record behind a reason: the event, its date and kind, and the mark.
    PyRecordRef,
    "RecordRef",
    RecordRef
);

#[pymethods]
impl PyRecordRef {
    /// The event.
    #[getter]
    fn event(&self) -> &str {
        self.inner.event.as_str()
    }
    /// Its date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }
    /// Its kind.
    #[getter]
    fn kind(&self) -> String {
        enum_name(&self.inner.kind)
    }
    /// The mark.
    #[getter]
    fn mark(&self) -> String {
        enum_name(&self.inner.mark)
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "RecordRef(event={}, date={}, mark={})",
            q(&self.inner.event.as_str()),
            repr_date(self.inner.date),
            q(&enum_name(&self.inner.mark))
        )
    }
}

frozen_class!(
    /// What the next offence would do.
    PyNextConsequence,
    "NextConsequence",
    NextConsequence
);

#[pymethods]
impl PyNextConsequence {
    /// The counter closest to its limit.
    #[getter]
    fn counter(&self) -> String {
        enum_name(&self.inner.counter)
    }
    /// Offences left before the limit.
    #[getter]
    fn remaining(&self) -> u32 {
        self.inner.remaining
    }
    /// What reaching it gives.
    #[getter]
    fn outcome(&self) -> String {
        enum_name(&self.inner.outcome)
    }
    /// "one more late arrival or early leave expels", in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn describe(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.describe(crate::classes::locale(py, locale)?))
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "NextConsequence(counter={}, remaining={}, outcome={})",
            q(&enum_name(&self.inner.counter)),
            self.inner.remaining,
            q(&enum_name(&self.inner.outcome))
        )
    }
}
