//! Members, the roster and authority.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};

use secretariat::authority::{self, Action, Scope};
use secretariat::members::{Department, Skill};
use secretariat::{Grade, Member, MemberId, MemberStatus, Role, Roster};

use crate::classes::{frozen_class, q};
use crate::convert::{Numbers, enum_from, enum_name, from_py, to_py};
use crate::errors::IntoPy;
use crate::rulebook::rulebook_arg;

frozen_class!(
    /// A member of the student union.
    PyMember,
    "Member",
    Member
);

#[pymethods]
impl PyMember {
    /// A member; `grade` is a year (2002) or the two-digit cohort (`"02"`).
    #[new]
    #[pyo3(signature = (id, name, grade, department, role, skills = None, status = "active"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        id: &str,
        name: &str,
        grade: &Bound<'_, PyAny>,
        department: &str,
        role: &str,
        skills: Option<Vec<String>>,
        status: &str,
    ) -> PyResult<Self> {
        let d = PyDict::new(py);
        d.set_item("id", id)?;
        d.set_item("name", name)?;
        d.set_item("grade", grade)?;
        d.set_item("department", department)?;
        d.set_item("role", role)?;
        d.set_item("skills", skills.unwrap_or_default())?;
        d.set_item("status", status)?;
        from_py(d.as_any(), "", Numbers::Exact).map(Self::wrap)
    }

    /// A member from its dict form.
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_py(d, "", Numbers::Exact).map(Self::wrap)
    }

    /// The member's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The member's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// The intake year, e.g. 2002.
    #[getter]
    fn grade(&self) -> u16 {
        self.inner.grade.year()
    }
    /// The two-digit cohort, e.g. `"02"`.
    #[getter]
    fn grade_short(&self) -> String {
        self.inner.grade.short()
    }
    /// The department.
    #[getter]
    fn department(&self) -> &str {
        &self.inner.department.0
    }
    /// The role (`officer`, `department_head`, ...).
    #[getter]
    fn role(&self) -> &'static str {
        self.inner.role.key()
    }
    /// The skills (`computer`, `organization_language`, ...).
    #[getter]
    fn skills(&self) -> Vec<String> {
        self.inner.skills.iter().map(|s| s.0.clone()).collect()
    }
    /// The status (`active`, `warned`, `expelled`, `resigned`, `reserve`).
    #[getter]
    fn status(&self) -> String {
        enum_name(&self.inner.status)
    }
    /// Whether the member is active (active or warned).
    #[getter]
    fn is_active(&self) -> bool {
        self.inner.status.is_active()
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Member(id={}, name={}, grade={}, department={}, role={}, status={})",
            q(&self.inner.id.as_str()),
            q(&self.inner.name),
            self.inner.grade.year(),
            q(&self.inner.department.0),
            q(&self.inner.role.key()),
            q(&enum_name(&self.inner.status))
        )
    }
}

/// The members argument of a function: a `Roster`, or a list of `Member`s or dicts.
pub fn members_arg(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Vec<Member>> {
    if let Ok(r) = obj.cast::<PyRoster>() {
        return Ok(r.get().inner.members().to_vec());
    }
    if let Ok(list) = obj.cast::<PyList>()
        && let Some(members) = members_from_list(list)
    {
        return Ok(members);
    }
    from_py(obj, path, Numbers::Exact)
}

/// The members of a list of `Member`s and plain dicts, each dict read field by field (a
/// roster of 10,000 dicts in a few milliseconds, where the generic reader takes tens).
/// `None` as soon as an item holds anything else: an unknown key, a value of another type,
/// a grade, role or status the core refuses. The generic reader then reads the whole list
/// and reports the problem with the core's code and path.
fn members_from_list(list: &Bound<'_, PyList>) -> Option<Vec<Member>> {
    let mut members = Vec::with_capacity(list.len());
    let mut roles = Keys::<Role>::default();
    let mut statuses = Keys::<MemberStatus>::default();
    for item in list.iter() {
        if let Ok(m) = item.cast::<PyMember>() {
            members.push(m.get().inner.clone());
            continue;
        }
        let dict = item.cast::<PyDict>().ok()?;
        let (mut id, mut name, mut grade, mut department, mut role) =
            (None, None, None, None, None);
        let mut skills = Vec::new();
        let mut status = MemberStatus::default();
        for (key, value) in dict.iter() {
            match key.cast::<PyString>().ok()?.to_str().ok()? {
                "id" => id = Some(MemberId(text(&value)?.to_owned())),
                "name" => name = Some(text(&value)?.to_owned()),
                "grade" => grade = Some(grade_of(&value)?),
                "department" => department = Some(Department(text(&value)?.to_owned())),
                "role" => role = Some(roles.get(text(&value)?)?),
                "status" => status = statuses.get(text(&value)?)?,
                "skills" => {
                    for skill in value.cast::<PyList>().ok()?.iter() {
                        skills.push(Skill(text(&skill)?.to_owned()));
                    }
                }
                _ => return None,
            }
        }
        members.push(Member {
            id: id?,
            name: name?,
            grade: grade?,
            department: department?,
            role: role?,
            skills,
            status,
        });
    }
    Some(members)
}

/// The text of an exact `str`.
fn text<'a>(value: &'a Bound<'_, PyAny>) -> Option<&'a str> {
    value.cast_exact::<PyString>().ok()?.to_str().ok()
}

/// A grade as the core reads it: an `int` (a year, or a two-digit cohort) or a string.
fn grade_of(value: &Bound<'_, PyAny>) -> Option<Grade> {
    if value.is_exact_instance_of::<PyInt>() {
        return Grade::from_number(value.extract::<u64>().ok()?).ok();
    }
    Grade::parse(text(value)?).ok()
}

/// Unit enums by their serde names (aliases included), each distinct name read once.
struct Keys<T> {
    seen: Vec<(String, T)>,
}

impl<T> Default for Keys<T> {
    fn default() -> Self {
        Keys { seen: Vec::new() }
    }
}

impl<T: Copy + serde::de::DeserializeOwned> Keys<T> {
    fn get(&mut self, name: &str) -> Option<T> {
        if let Some((_, value)) = self.seen.iter().find(|(n, _)| n == name) {
            return Some(*value);
        }
        let value: T = serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()?;
        self.seen.push((name.to_owned(), value));
        Some(value)
    }
}

/// The roster argument of a function.
pub fn roster_arg(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Roster> {
    if let Ok(r) = obj.cast::<PyRoster>() {
        return Ok(r.get().inner.clone());
    }
    Roster::new(members_arg(obj, "members")?).py_err(py)
}

frozen_class!(
    /// The members of a term, by id: no two share an id, none has an empty id or name.
    PyRoster,
    "Roster",
    Roster
);

#[pymethods]
impl PyRoster {
    /// A roster of `members` (`Member`s or dicts).
    #[new]
    fn new(py: Python<'_>, members: &Bound<'_, PyAny>) -> PyResult<Self> {
        roster_arg(py, members).map(Self::wrap)
    }
    /// The members, in the order given.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        crate::classes::list_of::<Member, PyMember>(py, self.inner.members())
    }
    /// The member with this id, or `None`.
    fn get(&self, id: &str) -> Option<PyMember> {
        self.inner.get(&MemberId::from(id)).cloned().map(Into::into)
    }
    /// The member with this id; `MemberError` (`member.unknown`) when there is none.
    fn require(&self, py: Python<'_>, id: &str) -> PyResult<PyMember> {
        self.inner
            .require(&MemberId::from(id), "member")
            .cloned()
            .py_err(py)
            .map(Into::into)
    }
    fn __len__(&self) -> usize {
        self.inner.len()
    }
    fn __contains__(&self, id: &str) -> bool {
        self.inner.position(&MemberId::from(id)).is_some()
    }
    fn __getitem__(&self, id: &str) -> PyResult<PyMember> {
        self.get(id)
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(id.to_owned()))
    }
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.members(py)?.try_iter()?.into_any().unbind())
    }
    /// The members as dicts.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.members())
    }
    fn __repr__(&self) -> String {
        format!("Roster({} members)", self.inner.len())
    }
}

/// The year of a grade: a year (`2002`, `"2002"`) or a two-digit cohort (`"02"`, `2`).
#[pyfunction]
pub fn parse_grade(py: Python<'_>, grade: &Bound<'_, PyAny>) -> PyResult<u16> {
    let parsed = if grade.is_instance_of::<PyInt>() {
        let n: u64 = grade.extract().unwrap_or(u64::MAX);
        Grade::from_number(n)
    } else {
        Grade::parse(&grade.extract::<String>()?)
    };
    parsed.py_err(py).map(Grade::year)
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
    action: &str,
    actor: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    project_leader: Option<String>,
    department: Option<String>,
) -> PyResult<&'static str> {
    let rulebook = rulebook_arg(rulebook)?;
    let action: Action = enum_from(py, action, "action")?;
    let actor: Member = match actor.cast::<PyMember>() {
        Ok(m) => m.get().inner.clone(),
        Err(_) => from_py(actor, "actor", Numbers::Exact)?,
    };
    let leader = project_leader.map(MemberId);
    let department = department.map(Department);
    authority::authorize(
        &rulebook.get().authority,
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
    py: Python<'_>,
    action: &str,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<&'static str>> {
    let rulebook = rulebook_arg(rulebook)?;
    let action: Action = enum_from(py, action, "action")?;
    Ok(rulebook
        .get()
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
    project_leader: Option<String>,
    department: Option<String>,
) -> PyResult<Vec<&'static str>> {
    let actor: Member = match actor.cast::<PyMember>() {
        Ok(m) => m.get().inner.clone(),
        Err(_) => from_py(actor, "actor", Numbers::Exact)?,
    };
    let leader = project_leader.map(MemberId);
    let department = department.map(Department);
    Ok(
        authority::roles_in_scope(&actor, &scope(&leader, &department))
            .into_iter()
            .map(|r| r.key())
            .collect(),
    )
}
