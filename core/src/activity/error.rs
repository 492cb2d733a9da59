//! Activity refusals and warnings: every refusal has its own stable code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Params, display_from_catalog};
use crate::members::MemberId;
use crate::rule::RuleRef;

use super::{ActivityId, ActivityState, StepAction};

/// A plan has a problem, or a step is refused. On a refused step nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActivityError {
    /// An id that is empty, too long or not plain ASCII (`activity.invalid_id`).
    InvalidId {
        /// Path of the field.
        path: String,
        /// The id given.
        id: ActivityId,
    },
    /// The book already has an activity with this id (`activity.duplicate`).
    Duplicate {
        /// Path of the field.
        path: String,
        /// The id.
        id: ActivityId,
    },
    /// The book has no activity with this id (`activity.unknown`).
    Unknown {
        /// Path of the field.
        path: String,
        /// The id.
        id: ActivityId,
    },
    /// A field the plan or the step needs is empty (`activity.missing_field`).
    MissingField {
        /// Path of the field.
        path: String,
        /// The field's name.
        field: &'static str,
    },
    /// A risk without a countermeasure (`activity.risk_without_countermeasure`).
    RiskWithoutCountermeasure {
        /// Path of the field.
        path: String,
        /// The risk.
        risk: String,
    },
    /// The activity ends before it starts (`activity.end_before_start`).
    EndBeforeStart {
        /// Path of the field.
        path: String,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// The activity starts before the plan is submitted (`activity.starts_before_submission`).
    StartsBeforeSubmission {
        /// Path of the field.
        path: String,
        /// First day.
        start: NaiveDate,
        /// The day of submission.
        submitted_on: NaiveDate,
    },
    /// The plan is submitted after a lead-time rule's deadline (`activity.submission_late`).
    SubmissionLate {
        /// Path of the anchor field.
        path: String,
        /// The lead-time rule.
        rule: RuleRef,
        /// The rule's deadline.
        deadline: NaiveDate,
        /// The day of submission.
        submitted_on: NaiveDate,
        /// Days late, counted as the rule counts them.
        days_late: i64,
    },
    /// The project leader is not an active member (`activity.leader_inactive`).
    LeaderInactive {
        /// Path of the field.
        path: String,
        /// The leader.
        leader: MemberId,
    },
    /// The activity cannot start: its plan is not approved (`activity.not_approved`).
    NotApproved {
        /// Path of the field.
        path: String,
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// The step is not possible from the activity's state (`activity.invalid_transition`).
    InvalidTransition {
        /// Path of the field.
        path: String,
        /// The activity.
        id: ActivityId,
        /// The step.
        action: StepAction,
        /// Its state.
        state: ActivityState,
    },
    /// Only a draft's plan can be revised (`activity.not_draft`).
    NotDraft {
        /// Path of the field.
        path: String,
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// Only the project leader takes this step (`activity.not_project_leader`).
    NotProjectLeader {
        /// Path of the field.
        path: String,
        /// Who tried.
        actor: MemberId,
        /// The step.
        action: StepAction,
        /// The project leader.
        leader: MemberId,
    },
    /// The project leader approves or rejects their own plan (`activity.self_approval`).
    SelfApproval {
        /// Path of the field.
        path: String,
        /// The project leader.
        actor: MemberId,
        /// The step.
        action: StepAction,
    },
    /// A step dated before the activity's previous one (`activity.date_before_previous`).
    DateBeforePrevious {
        /// Path of the field.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// The previous step's date.
        previous: NaiveDate,
    },
}

impl ActivityError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            ActivityError::InvalidId { path, .. }
            | ActivityError::Duplicate { path, .. }
            | ActivityError::Unknown { path, .. }
            | ActivityError::MissingField { path, .. }
            | ActivityError::RiskWithoutCountermeasure { path, .. }
            | ActivityError::EndBeforeStart { path, .. }
            | ActivityError::StartsBeforeSubmission { path, .. }
            | ActivityError::SubmissionLate { path, .. }
            | ActivityError::LeaderInactive { path, .. }
            | ActivityError::NotApproved { path, .. }
            | ActivityError::InvalidTransition { path, .. }
            | ActivityError::NotDraft { path, .. }
            | ActivityError::NotProjectLeader { path, .. }
            | ActivityError::SelfApproval { path, .. }
            | ActivityError::DateBeforePrevious { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for ActivityError {
    fn code(&self) -> &'static str {
        match self {
            ActivityError::InvalidId { .. } => "activity.invalid_id",
            ActivityError::Duplicate { .. } => "activity.duplicate",
            ActivityError::Unknown { .. } => "activity.unknown",
            ActivityError::MissingField { .. } => "activity.missing_field",
            ActivityError::RiskWithoutCountermeasure { .. } => {
                "activity.risk_without_countermeasure"
            }
            ActivityError::EndBeforeStart { .. } => "activity.end_before_start",
            ActivityError::StartsBeforeSubmission { .. } => "activity.starts_before_submission",
            ActivityError::SubmissionLate { .. } => "activity.submission_late",
            ActivityError::LeaderInactive { .. } => "activity.leader_inactive",
            ActivityError::NotApproved { .. } => "activity.not_approved",
            ActivityError::InvalidTransition { .. } => "activity.invalid_transition",
            ActivityError::NotDraft { .. } => "activity.not_draft",
            ActivityError::NotProjectLeader { .. } => "activity.not_project_leader",
            ActivityError::SelfApproval { .. } => "activity.self_approval",
            ActivityError::DateBeforePrevious { .. } => "activity.date_before_previous",
        }
    }

    fn path(&self) -> &str {
        match self {
            ActivityError::InvalidId { path, .. }
            | ActivityError::Duplicate { path, .. }
            | ActivityError::Unknown { path, .. }
            | ActivityError::MissingField { path, .. }
            | ActivityError::RiskWithoutCountermeasure { path, .. }
            | ActivityError::EndBeforeStart { path, .. }
            | ActivityError::StartsBeforeSubmission { path, .. }
            | ActivityError::SubmissionLate { path, .. }
            | ActivityError::LeaderInactive { path, .. }
            | ActivityError::NotApproved { path, .. }
            | ActivityError::InvalidTransition { path, .. }
            | ActivityError::NotDraft { path, .. }
            | ActivityError::NotProjectLeader { path, .. }
            | ActivityError::SelfApproval { path, .. }
            | ActivityError::DateBeforePrevious { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            ActivityError::InvalidId { id, .. }
            | ActivityError::Duplicate { id, .. }
            | ActivityError::Unknown { id, .. } => {
                p.insert("id", id.0.clone());
            }
            ActivityError::MissingField { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            ActivityError::RiskWithoutCountermeasure { risk, .. } => {
                p.insert("risk", risk.clone());
            }
            ActivityError::EndBeforeStart { start, end, .. } => {
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
            }
            ActivityError::StartsBeforeSubmission {
                start,
                submitted_on,
                ..
            } => {
                p.insert("start", start.to_string());
                p.insert("submitted_on", submitted_on.to_string());
            }
            ActivityError::SubmissionLate {
                rule,
                deadline,
                submitted_on,
                days_late,
                ..
            } => {
                p.insert("rule", rule.key.clone());
                p.insert("article", rule.article.clone());
                p.insert("deadline", deadline.to_string());
                p.insert("submitted_on", submitted_on.to_string());
                p.insert("days_late", days_late.to_string());
            }
            ActivityError::LeaderInactive { leader, .. } => {
                p.insert("leader", leader.0.clone());
            }
            ActivityError::NotApproved { id, state, .. }
            | ActivityError::NotDraft { id, state, .. } => {
                p.insert("id", id.0.clone());
                p.insert("state", state.key().to_owned());
            }
            ActivityError::InvalidTransition {
                id, action, state, ..
            } => {
                p.insert("id", id.0.clone());
                p.insert("action", action.key().to_owned());
                p.insert("state", state.key().to_owned());
            }
            ActivityError::NotProjectLeader {
                actor,
                action,
                leader,
                ..
            } => {
                p.insert("actor", actor.0.clone());
                p.insert("action", action.key().to_owned());
                p.insert("leader", leader.0.clone());
            }
            ActivityError::SelfApproval { actor, action, .. } => {
                p.insert("actor", actor.0.clone());
                p.insert("action", action.key().to_owned());
            }
            ActivityError::DateBeforePrevious { date, previous, .. } => {
                p.insert("date", date.to_string());
                p.insert("previous", previous.to_string());
            }
        }
        p
    }
}

/// A warning about an activity: accepted, but worth a secretary's attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ActivityWarning {
    /// Submitted before a days-before lead-time window opens (`activity.submitted_early`).
    SubmittedEarly {
        /// Path of the anchor field.
        path: String,
        /// The lead-time rule.
        rule: RuleRef,
        /// The first day of its window.
        opens: NaiveDate,
        /// The day of submission.
        submitted_on: NaiveDate,
        /// Days early.
        days_early: i64,
    },
    /// A completed activity's summary is past its due day (`activity.summary_overdue`).
    SummaryOverdue {
        /// Path of the activity.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// The rule behind the due day.
        rule: RuleRef,
        /// The day it was completed.
        completed_on: NaiveDate,
        /// The day the summary was due.
        due: NaiveDate,
        /// Days past the due day.
        days_overdue: i64,
    },
    /// A summary filed after its due day (`activity.summary_late`).
    SummaryLate {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// The rule behind the due day.
        rule: RuleRef,
        /// The day the summary was due.
        due: NaiveDate,
        /// The day it was filed.
        filed_on: NaiveDate,
        /// Days late.
        days_late: i64,
    },
}

impl Diagnostic for ActivityWarning {
    fn code(&self) -> &'static str {
        match self {
            ActivityWarning::SubmittedEarly { .. } => "activity.submitted_early",
            ActivityWarning::SummaryOverdue { .. } => "activity.summary_overdue",
            ActivityWarning::SummaryLate { .. } => "activity.summary_late",
        }
    }

    fn path(&self) -> &str {
        match self {
            ActivityWarning::SubmittedEarly { path, .. }
            | ActivityWarning::SummaryOverdue { path, .. }
            | ActivityWarning::SummaryLate { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            ActivityWarning::SubmittedEarly {
                rule,
                opens,
                submitted_on,
                days_early,
                ..
            } => {
                p.insert("rule", rule.key.clone());
                p.insert("article", rule.article.clone());
                p.insert("opens", opens.to_string());
                p.insert("submitted_on", submitted_on.to_string());
                p.insert("days_early", days_early.to_string());
            }
            ActivityWarning::SummaryOverdue {
                activity,
                rule,
                completed_on,
                due,
                days_overdue,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("rule", rule.key.clone());
                p.insert("article", rule.article.clone());
                p.insert("completed_on", completed_on.to_string());
                p.insert("due", due.to_string());
                p.insert("days_overdue", days_overdue.to_string());
            }
            ActivityWarning::SummaryLate {
                activity,
                rule,
                due,
                filed_on,
                days_late,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("rule", rule.key.clone());
                p.insert("article", rule.article.clone());
                p.insert("due", due.to_string());
                p.insert("filed_on", filed_on.to_string());
                p.insert("days_late", days_late.to_string());
            }
        }
        p
    }
}

display_from_catalog!(ActivityError);
