//! Activity refusals and warnings: every refusal has its own stable code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Locale, Params, localized};
use crate::members::MemberId;
use crate::rule::RuleRef;

use super::{ActivityId, ActivityState, StepAction};

/// A plan has a problem, or a step is refused. On a refused step nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ActivityError {
    /// An id that is empty, too long or not plain ASCII (`activity.invalid_id`).
    #[error("“{id}” is not a valid activity id: use 1 to 64 ASCII letters, digits, `_` or `-`")]
    InvalidId {
        /// Path of the field.
        path: String,
        /// The id given.
        id: ActivityId,
    },
    /// The book already has an activity with this id (`activity.duplicate`).
    #[error("there is already an activity “{id}”")]
    Duplicate {
        /// Path of the field.
        path: String,
        /// The id.
        id: ActivityId,
    },
    /// The book has no activity with this id (`activity.unknown`).
    #[error("no activity has id “{id}”")]
    Unknown {
        /// Path of the field.
        path: String,
        /// The id.
        id: ActivityId,
    },
    /// A field the plan or the step needs is empty (`activity.missing_field`).
    #[error("the {field} must not be empty")]
    MissingField {
        /// Path of the field.
        path: String,
        /// The field's name.
        field: &'static str,
    },
    /// A risk without a countermeasure (`activity.risk_without_countermeasure`).
    #[error("the risk {risk:?} has no countermeasure")]
    RiskWithoutCountermeasure {
        /// Path of the field.
        path: String,
        /// The risk.
        risk: String,
    },
    /// The activity ends before it starts (`activity.end_before_start`).
    #[error("the activity ends on {end}, before it starts on {start}")]
    EndBeforeStart {
        /// Path of the field.
        path: String,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// The activity starts before the plan is submitted (`activity.starts_before_submission`).
    #[error("the activity starts on {start}, before the plan is submitted on {submitted_on}")]
    StartsBeforeSubmission {
        /// Path of the field.
        path: String,
        /// First day.
        start: NaiveDate,
        /// The day of submission.
        submitted_on: NaiveDate,
    },
    /// The plan is submitted after a lead-time rule's deadline (`activity.submission_late`).
    #[error(
        "the plan is submitted on {submitted_on}, {days_late} day(s) after the deadline {deadline} of {rule}"
    )]
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
    #[error("the project leader {leader} is not an active member")]
    LeaderInactive {
        /// Path of the field.
        path: String,
        /// The leader.
        leader: MemberId,
    },
    /// The activity cannot start: its plan is not approved (`activity.not_approved`).
    #[error("activity “{id}” is {state}: it cannot start before its plan is approved")]
    NotApproved {
        /// Path of the field.
        path: String,
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// The step is not possible from the activity's state (`activity.invalid_transition`).
    #[error("activity “{id}” is {state}: it cannot {action}")]
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
    #[error("activity “{id}” is {state}: only a draft can be revised")]
    NotDraft {
        /// Path of the field.
        path: String,
        /// The activity.
        id: ActivityId,
        /// Its state.
        state: ActivityState,
    },
    /// Only the project leader takes this step (`activity.not_project_leader`).
    #[error("{actor} may not {action} this activity: only its project leader {leader} may")]
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
    #[error("{actor} leads this activity and cannot {action} their own plan")]
    SelfApproval {
        /// Path of the field.
        path: String,
        /// The project leader.
        actor: MemberId,
        /// The step.
        action: StepAction,
    },
    /// A step dated before the activity's previous one (`activity.date_before_previous`).
    #[error("{date} is before the activity's previous step on {previous}")]
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

fn field_zh(field: &str) -> &'static str {
    match field {
        "title" => "标题",
        "department" => "组织部门",
        "purpose" => "活动目的",
        "participants" => "参加人员",
        "participant" => "参加人员",
        "feasibility" => "可行性分析",
        "risks" => "风险与对策",
        "risk" => "风险",
        "reason" => "理由",
        "summary" => "活动总结",
        _ => "字段",
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

    fn message(&self, locale: Locale) -> String {
        let zh = match self {
            ActivityError::InvalidId { id, .. } => {
                format!("“{id}” 不是有效的活动编号：请使用 1 到 64 个 ASCII 字母、数字、`_` 或 `-`")
            }
            ActivityError::Duplicate { id, .. } => format!("活动 “{id}” 已存在"),
            ActivityError::Unknown { id, .. } => format!("没有编号为 “{id}” 的活动"),
            ActivityError::MissingField { field, .. } => {
                format!("{}不能为空", field_zh(field))
            }
            ActivityError::RiskWithoutCountermeasure { risk, .. } => {
                format!("风险 {risk:?} 没有对策")
            }
            ActivityError::EndBeforeStart { start, end, .. } => {
                format!("活动结束日期 {end} 早于开始日期 {start}")
            }
            ActivityError::StartsBeforeSubmission {
                start,
                submitted_on,
                ..
            } => format!("活动开始日期 {start} 早于计划提交日期 {submitted_on}"),
            ActivityError::SubmissionLate {
                rule,
                deadline,
                submitted_on,
                days_late,
                ..
            } => format!(
                "计划于 {submitted_on} 提交，晚于 {rule} 的截止日期 {deadline} {days_late} 天"
            ),
            ActivityError::LeaderInactive { leader, .. } => {
                format!("项目负责人 {leader} 不是在职成员")
            }
            ActivityError::NotApproved { id, state, .. } => format!(
                "活动 “{id}” {}：计划获批之前不能开始",
                state.label(Locale::ZhHans)
            ),
            ActivityError::InvalidTransition {
                id, action, state, ..
            } => format!(
                "活动 “{id}” {}，不能执行 {action}",
                state.label(Locale::ZhHans)
            ),
            ActivityError::NotDraft { id, state, .. } => format!(
                "活动“{id}”{}：只有草稿可以修改",
                state.label(Locale::ZhHans)
            ),
            ActivityError::NotProjectLeader {
                actor,
                action,
                leader,
                ..
            } => format!("{actor} 不能对本活动执行 {action}：只有项目负责人 {leader} 可以"),
            ActivityError::SelfApproval { actor, action, .. } => {
                format!("{actor} 是本活动的项目负责人，不能对自己的计划执行 {action}")
            }
            ActivityError::DateBeforePrevious { date, previous, .. } => {
                format!("{date} 早于该活动上一步骤的日期 {previous}")
            }
        };
        localized(locale, self.to_string(), zh)
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

    fn message(&self, locale: Locale) -> String {
        let (en, zh) = match self {
            ActivityWarning::SubmittedEarly {
                rule,
                opens,
                submitted_on,
                days_early,
                ..
            } => (
                format!(
                    "the plan is submitted on {submitted_on}, {days_early} day(s) before the \
                     window of {rule} opens on {opens}"
                ),
                format!(
                    "计划于 {submitted_on} 提交，早于 {rule} 的窗口开始日 {opens} {days_early} 天"
                ),
            ),
            ActivityWarning::SummaryOverdue {
                activity,
                rule,
                completed_on,
                due,
                days_overdue,
                ..
            } => (
                format!(
                    "the summary of “{activity}” (completed {completed_on}) was due on {due} \
                     and is {days_overdue} day(s) overdue ({rule})"
                ),
                format!(
                    "活动 “{activity}”（{completed_on} 结束）的总结应于 {due} 前提交，已逾期 \
                     {days_overdue} 天（{rule}）"
                ),
            ),
            ActivityWarning::SummaryLate {
                activity,
                rule,
                due,
                filed_on,
                days_late,
                ..
            } => (
                format!(
                    "the summary of “{activity}” was filed on {filed_on}, {days_late} day(s) \
                     after it was due on {due} ({rule})"
                ),
                format!(
                    "活动 “{activity}” 的总结于 {filed_on} 提交，比截止日期 {due} 晚 {days_late} 天（{rule}）"
                ),
            ),
        };
        localized(locale, en, zh)
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
                p.insert("due", due.to_string());
                p.insert("filed_on", filed_on.to_string());
                p.insert("days_late", days_late.to_string());
            }
        }
        p
    }
}
