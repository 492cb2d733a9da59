//! Who may do what (domain.md, Principles: "Authority is checked"). The rulebook's
//! authority table lists, per action, the roles allowed to take it; a call by anyone else is
//! refused with `authority.not_permitted`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{ErrorKind, Located, Params, located};
use crate::members::{Department, Member, MemberId, Role};
use crate::rule::{RulebookError, RulebookErrorKind};

/// An action that needs authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Approve a member's leave from an event (discipline §3).
    ApproveLeave,
    /// Approve an activity plan (discipline §6).
    ApprovePlan,
    /// Approve an expense (responsibility 4).
    ApproveExpense,
    /// Record attendance marks for an event.
    RecordAttendance,
    /// Close an activity's account and release its unspent reserve, outside the activity's
    /// own lifecycle (responsibility 4, use and management of funds).
    SettleAccount,
}

impl Action {
    /// The action's snake_case key, as in the rulebook.
    pub fn key(self) -> &'static str {
        match self {
            Action::ApproveLeave => "approve_leave",
            Action::ApprovePlan => "approve_plan",
            Action::ApproveExpense => "approve_expense",
            Action::RecordAttendance => "record_attendance",
            Action::SettleAccount => "settle_account",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Which roles may take each action (rulebook key `authority`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthorityTable {
    /// Roles that may approve leave.
    pub approve_leave: Vec<Role>,
    /// Roles that may approve an activity plan.
    pub approve_plan: Vec<Role>,
    /// Roles that may approve an expense.
    pub approve_expense: Vec<Role>,
    /// Roles that may record attendance.
    pub record_attendance: Vec<Role>,
    /// Roles that may close an activity's account directly (a summary filed or an activity
    /// cancelled through its lifecycle settles it under that step's own check).
    pub settle_account: Vec<Role>,
}

impl AuthorityTable {
    /// The roles allowed to take `action`.
    pub fn roles_for(&self, action: Action) -> &[Role] {
        match action {
            Action::ApproveLeave => &self.approve_leave,
            Action::ApprovePlan => &self.approve_plan,
            Action::ApproveExpense => &self.approve_expense,
            Action::RecordAttendance => &self.record_attendance,
            Action::SettleAccount => &self.settle_account,
        }
    }

    pub(crate) fn validate(&self, path: &str) -> Result<(), RulebookError> {
        for action in [
            Action::ApproveLeave,
            Action::ApprovePlan,
            Action::ApproveExpense,
            Action::RecordAttendance,
            Action::SettleAccount,
        ] {
            if self.roles_for(action).is_empty() {
                return Err(RulebookErrorKind::inconsistent("action_needs_role", [])
                    .at(crate::diagnostic::join_path(path, action.key())));
            }
        }
        Ok(())
    }
}

/// Where an action takes place: it decides which situational roles an actor holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    /// The project leader of the activity or event concerned, if any.
    pub project_leader: Option<&'a MemberId>,
    /// The department concerned: a department head has that role only for their own.
    pub department: Option<&'a Department>,
}

/// What went wrong in a [`AuthorityError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthorityErrorKind {
    /// No role the actor holds here is allowed to take the action.
    NotPermitted {
        /// The actor.
        actor: MemberId,
        /// The action.
        action: Action,
        /// The roles the actor holds in this scope, comma-separated.
        roles: String,
        /// The roles allowed, comma-separated.
        allowed: String,
    },
}

/// The actor's role does not permit the action.
///
/// Its [kind](AuthorityErrorKind) says what; the path of the offending field sits beside it.
pub type AuthorityError = Located<AuthorityErrorKind>;

impl ErrorKind for AuthorityErrorKind {
    fn code(&self) -> &'static str {
        "authority.not_permitted"
    }

    fn params(&self) -> Params {
        let AuthorityErrorKind::NotPermitted {
            actor,
            action,
            roles,
            allowed,
            ..
        } = self;
        Params::from([
            ("actor", actor.0.clone()),
            ("action", action.key().to_owned()),
            ("roles", roles.clone()),
            ("allowed", allowed.clone()),
        ])
    }
}

/// The roles `actor` holds in `scope`: their standing role (a department head only for
/// their own department) and project leader when they lead the activity.
pub fn roles_in_scope(actor: &Member, scope: &Scope<'_>) -> Vec<Role> {
    let mut roles = Vec::with_capacity(2);
    if scope.project_leader == Some(&actor.id) {
        roles.push(Role::ProjectLeader);
    }
    let head_elsewhere = actor.role == Role::DepartmentHead
        && scope.department.is_some_and(|d| d != &actor.department);
    if !head_elsewhere && !roles.contains(&actor.role) {
        roles.push(actor.role);
    }
    roles
}

/// Checks that `actor` may take `action` in `scope`, and returns the role that allows it
/// (the first of [`roles_in_scope`] in the table). Members who are not active (expelled,
/// resigned, reserve) hold no authority.
///
/// # Errors
///
/// `authority.not_permitted` at `path` when no role allows the action.
///
/// # Example
///
/// ```
/// use secretariat::{Diagnostic, Grade, Member, Role, Rulebook};
/// use secretariat::authority::{authorize, Action, Scope};
///
/// let rb = Rulebook::default();
/// let officer = Member {
///     id: "m2".into(), name: "Wang Fang".into(), grade: Grade::parse("01")?,
///     department: secretariat::Department("Secretariat".into()), role: Role::Officer,
///     skills: vec![], status: Default::default(),
/// };
/// let err = authorize(&rb.authority, Action::ApproveLeave, &officer, &Scope::default(), "approver")
///     .unwrap_err();
/// assert_eq!(err.code(), "authority.not_permitted");
///
/// // The same officer leads this event, so may approve leave from it.
/// let scope = Scope { project_leader: Some(&officer.id), department: None };
/// assert_eq!(authorize(&rb.authority, Action::ApproveLeave, &officer, &scope, "approver")?, Role::ProjectLeader);
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn authorize(
    table: &AuthorityTable,
    action: Action,
    actor: &Member,
    scope: &Scope<'_>,
    path: &str,
) -> Result<Role, AuthorityError> {
    let allowed = table.roles_for(action);
    let held = if actor.status.is_active() {
        roles_in_scope(actor, scope)
    } else {
        Vec::new()
    };
    held.iter()
        .copied()
        .find(|r| allowed.contains(r))
        .ok_or_else(|| {
            AuthorityErrorKind::NotPermitted {
                actor: actor.id.clone(),
                action,
                roles: if !actor.status.is_active() {
                    format!("status {}", actor.status)
                } else if held.is_empty() {
                    format!("{} of {}", actor.role, actor.department)
                } else {
                    join_roles(&held)
                },
                allowed: join_roles(allowed),
            }
            .at(path)
        })
}

fn join_roles(roles: &[Role]) -> String {
    roles.iter().map(|r| r.key()).collect::<Vec<_>>().join(", ")
}

located!(AuthorityErrorKind);
