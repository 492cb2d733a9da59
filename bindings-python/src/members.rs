//! The roster (a handle) and authority; members are dicts.

use pyo3::prelude::*;

use secretariat::authority::{self, Action, Scope};
use secretariat::members::Department;
use secretariat::{Grade, Member, MemberId, Roster};

use crate::convert::{arg, opt_arg, to_py};
use crate::errors::IntoPy;
use crate::pickle::{Reduced, reduce};
use crate::rulebook::rulebook_arg;

/// The members argument of a function: a `Roster`, or a list of dicts.
pub fn members_arg(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Vec<Member>> {
    match obj.cast::<PyRoster>() {
        Ok(r) => Ok(r.get().inner.members().to_vec()),
        Err(_) => arg(obj, path),
    }
}

/// The roster argument of a function.
pub fn roster_arg(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Roster> {
    if let Ok(r) = obj.cast::<PyRoster>() {
        return Ok(r.get().inner.clone());
    }
    Roster::new(members_arg(obj, "members")?).py_err(py)
}

/// The members of a term, by id: no two share an id, none has an empty id or name.
#[pyclass(frozen, eq, module = "secretariat._core", name = "Roster")]
#[derive(Clone, PartialEq)]
pub struct PyRoster {
    /// The core value.
    pub(crate) inner: Roster,
}

#[pymethods]
impl PyRoster {
    /// A roster of `members` (dicts).
    #[new]
    fn new(py: Python<'_>, members: &Bound<'_, PyAny>) -> PyResult<Self> {
        roster_arg(py, members).map(|inner| Self { inner })
    }
    /// The member (a dict) with this id, or `None`.
    fn get<'py>(&self, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = id.py();
        let id: MemberId = arg(id, "id")?;
        to_py(py, &self.inner.get(&id))
    }
    /// The member with this id; `MemberError` (`member.unknown`) when there is none.
    fn require<'py>(&self, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = id.py();
        let id: MemberId = arg(id, "id")?;
        to_py(py, self.inner.require(&id, "member").py_err(py)?)
    }
    fn __len__(&self) -> usize {
        self.inner.len()
    }
    fn __contains__(&self, id: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.position(&arg(id, "id")?).is_some())
    }
    fn __getitem__<'py>(&self, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let member: MemberId = arg(id, "id")?;
        match self.inner.get(&member) {
            Some(m) => to_py(id.py(), m),
            None => Err(pyo3::exceptions::PyKeyError::new_err(member.to_string())),
        }
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.to_dicts(py)?.try_iter()?.into_any())
    }
    /// The members as dicts, in the order given.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.members())
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce::<Self>(py, self.inner.members())
    }

    fn __repr__(&self) -> String {
        format!("Roster({} members)", self.inner.len())
    }
}

/// The year of a grade: a year (`2002`, `"2002"`) or a two-digit cohort (`"02"`, `2`).
#[pyfunction]
pub fn parse_grade(grade: &Bound<'_, PyAny>) -> PyResult<u16> {
    arg(grade, "grade").map(Grade::year)
}

fn scope<'a>(leader: &'a Option<MemberId>, department: &'a Option<Department>) -> Scope<'a> {
    Scope {
        project_leader: leader.as_ref(),
        department: department.as_ref(),
    }
}

/// The role under which `actor` may take `action` (`approve_leave`, `approve_plan`,
/// `approve_expense`, `record_attendance`), given the event's project leader and the
/// department concerned; `AuthorityError` (`authority.not_permitted`) otherwise.
#[pyfunction]
#[pyo3(signature = (action, actor, *, rulebook = None, project_leader = None, department = None))]
pub fn authorize(
    py: Python<'_>,
    action: &Bound<'_, PyAny>,
    actor: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    project_leader: Option<&Bound<'_, PyAny>>,
    department: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    let rulebook = rulebook_arg(rulebook)?;
    let action: Action = arg(action, "action")?;
    let actor: Member = arg(actor, "actor")?;
    let leader = opt_arg(project_leader, "project_leader")?;
    let department = opt_arg(department, "department")?;
    authority::authorize(
        &rulebook.as_ref().authority,
        action,
        &actor,
        &scope(&leader, &department),
        "actor",
    )
    .py_err(py)
    .map(|role| role.key())
}

/// The roles the rulebook allows to take `action`.
#[pyfunction]
#[pyo3(signature = (action, *, rulebook = None))]
pub fn allowed_roles(
    action: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<&'static str>> {
    let rulebook = rulebook_arg(rulebook)?;
    let action: Action = arg(action, "action")?;
    Ok(rulebook
        .as_ref()
        .authority
        .roles_for(action)
        .iter()
        .map(|r| r.key())
        .collect())
}

/// The roles `actor` holds for a scope: project leader of this event, and their own role
/// (a department head only for their own department).
#[pyfunction]
#[pyo3(signature = (actor, *, project_leader = None, department = None))]
pub fn roles_in_scope(
    actor: &Bound<'_, PyAny>,
    project_leader: Option<&Bound<'_, PyAny>>,
    department: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<&'static str>> {
    let actor: Member = arg(actor, "actor")?;
    let leader = opt_arg(project_leader, "project_leader")?;
    let department = opt_arg(department, "department")?;
    Ok(
        authority::roles_in_scope(&actor, &scope(&leader, &department))
            .into_iter()
            .map(|r| r.key())
            .collect(),
    )
}
