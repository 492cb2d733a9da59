//! Activity refusals and warnings: every refusal has its own stable code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, ErrorKind, Located, Params, located};
use crate::members::MemberId;
use crate::rule::RuleRef;

use super::{ActivityId, ActivityState, StepAction};

/// What went wrong in a [`ActivityError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActivityErrorKind {
    /// An id that is empty, too long or not plain ASCII (`activity.invalid_id`).
    InvalidId {
        /// The id given.
        id: ActivityId,
    },
    /// The book already has an activity with this id (`activity.duplicate`).
    Duplicate {
        /// The id.
        id: ActivityId,
    },
    /// The book has no activity with this id (`activity.unknown`).
    Unknown {
        /// The id.
        id: ActivityId,
    },
    /// A field the plan or the step needs is empty (`activity.missing_field`).
    MissingField {
        /// The field's name.
        field: &'static str,
    },
    /// A risk without a countermeasure (`activity.risk_without_countermeasure`).
    RiskWithoutCountermeasure {
        /// The risk.
        risk: String,
    },
    /// The activity ends before it starts (`activity.end_before_start`).
    EndBeforeStart {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// The activity starts before the plan is submitted (`activity.starts_before_submission`).
    StartsBeforeSubmission {
        /// First day.
        start: NaiveDate,
        /// The day of submission.
        submitted_on: NaiveDate,
    },
    /// The plan is submitted after a lead-time rule's deadline (`activity.submission_late`).
    SubmissionLate {
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
        /// The leader.
        leader: MemberId,
    },
    /// The activity cannot start: its plan is not approved (`activity.not_approved`).
    NotApproved {
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// The step is not possible from the activity's state (`activity.invalid_transition`).
    InvalidTransition {
        /// The activity.
        id: ActivityId,
        /// The step.
        action: StepAction,
        /// Its state.
        state: ActivityState,
    },
    /// Only a draft's plan can be revised (`activity.not_draft`).
    NotDraft {
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// Only the project leader takes this step (`activity.not_project_leader`).
    NotProjectLeader {
        /// Who tried.
        actor: MemberId,
        /// The step.
        action: StepAction,
        /// The project leader.
        leader: MemberId,
    },
    /// The project leader approves or rejects their own plan (`activity.self_approval`).
    SelfApproval {
        /// The project leader.
        actor: MemberId,
        /// The step.
        action: StepAction,
    },
    /// A step dated before the activity's previous one (`activity.date_before_previous`).
    DateBeforePrevious {
        /// The date given.
        date: NaiveDate,
        /// The previous step's date.
        previous: NaiveDate,
    },
}

/// A plan has a problem, or a step is refused. On a refused step nothing changes.
///
/// Its [kind](ActivityErrorKind) says what; the path of the offending field sits beside it.
pub type ActivityError = Located<ActivityErrorKind>;

impl ErrorKind for ActivityErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ActivityErrorKind::InvalidId { .. } => "activity.invalid_id",
            ActivityErrorKind::Duplicate { .. } => "activity.duplicate",
            ActivityErrorKind::Unknown { .. } => "activity.unknown",
            ActivityErrorKind::MissingField { .. } => "activity.missing_field",
            ActivityErrorKind::RiskWithoutCountermeasure { .. } => {
                "activity.risk_without_countermeasure"
            }
            ActivityErrorKind::EndBeforeStart { .. } => "activity.end_before_start",
            ActivityErrorKind::StartsBeforeSubmission { .. } => "activity.starts_before_submission",
            ActivityErrorKind::SubmissionLate { .. } => "activity.submission_late",
            ActivityErrorKind::LeaderInactive { .. } => "activity.leader_inactive",
            ActivityErrorKind::NotApproved { .. } => "activity.not_approved",
            ActivityErrorKind::InvalidTransition { .. } => "activity.invalid_transition",
            ActivityErrorKind::NotDraft { .. } => "activity.not_draft",
            ActivityErrorKind::NotProjectLeader { .. } => "activity.not_project_leader",
            ActivityErrorKind::SelfApproval { .. } => "activity.self_approval",
            ActivityErrorKind::DateBeforePrevious { .. } => "activity.date_before_previous",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            ActivityErrorKind::InvalidId { id, .. }
            | ActivityErrorKind::Duplicate { id, .. }
            | ActivityErrorKind::Unknown { id, .. } => {
                p.insert("id", id.0.clone());
            }
            ActivityErrorKind::MissingField { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            ActivityErrorKind::RiskWithoutCountermeasure { risk, .. } => {
                p.insert("risk", risk.clone());
            }
            ActivityErrorKind::EndBeforeStart { start, end, .. } => {
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
            }
            ActivityErrorKind::StartsBeforeSubmission {
                start,
                submitted_on,
                ..
            } => {
                p.insert("start", start.to_string());
                p.insert("submitted_on", submitted_on.to_string());
            }
            ActivityErrorKind::SubmissionLate {
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
            ActivityErrorKind::LeaderInactive { leader, .. } => {
                p.insert("leader", leader.0.clone());
            }
            ActivityErrorKind::NotApproved { id, state, .. }
            | ActivityErrorKind::NotDraft { id, state, .. } => {
                p.insert("id", id.0.clone());
                p.insert("state", state.key().to_owned());
            }
            ActivityErrorKind::InvalidTransition {
                id, action, state, ..
            } => {
                p.insert("id", id.0.clone());
                p.insert("action", action.key().to_owned());
                p.insert("state", state.key().to_owned());
            }
            ActivityErrorKind::NotProjectLeader {
                actor,
                action,
                leader,
                ..
            } => {
                p.insert("actor", actor.0.clone());
                p.insert("action", action.key().to_owned());
                p.insert("leader", leader.0.clone());
            }
            ActivityErrorKind::SelfApproval { actor, action, .. } => {
                p.insert("actor", actor.0.clone());
                p.insert("action", action.key().to_owned());
            }
            ActivityErrorKind::DateBeforePrevious { date, previous, .. } => {
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

located!(ActivityErrorKind);
