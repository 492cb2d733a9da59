//! The errors of scheduling: every refusal has its own stable code.

use chrono::NaiveDate;

use crate::calendar::CalendarError;
use crate::diagnostic::{Diagnostic, Locale, Params, localized};
use crate::members::Role;

/// A scheduling input is invalid or a date cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScheduleError {
    /// The school calendar is invalid, or a day cannot be counted on it (the calendar's own
    /// codes, `calendar.*`).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The rulebook has no milestone template of that id (`schedule.unknown_template`).
    #[error("{path}: the rulebook has no milestone template `{id}`")]
    UnknownTemplate {
        /// Field path.
        path: String,
        /// The template id asked for.
        id: String,
    },
    /// The rulebook has no lead-time rule of that id (`schedule.unknown_lead_time`).
    #[error("{path}: the rulebook has no lead-time rule `{id}`")]
    UnknownLeadTime {
        /// Field path.
        path: String,
        /// The rule id asked for.
        id: String,
    },
    /// Working-day counting was asked for without a school calendar
    /// (`schedule.calendar_required`).
    #[error("{path}: counting working days needs a school calendar")]
    CalendarRequired {
        /// Field path.
        path: String,
    },
    /// A date moved by some days falls outside the dates chrono supports
    /// (`schedule.date_out_of_range`).
    #[error("{path}: {date} moved by {days} days falls outside the supported dates")]
    DateOutOfRange {
        /// Field path.
        path: String,
        /// The date moved from.
        date: NaiveDate,
        /// The days (calendar or working) it was moved by.
        days: i64,
    },
    /// A done milestone id is not a milestone of the plan (`schedule.unknown_milestone`).
    #[error("{path}: `{id}` is not a milestone of this plan")]
    UnknownMilestone {
        /// Field path.
        path: String,
        /// The milestone id given.
        id: String,
    },
    /// A milestone is marked done while an earlier milestone of the plan still waits for its
    /// approval (`schedule.approval_pending`): domain.md §5, the welcome party's "advisor
    /// approval before going on".
    #[error("{path}: `{id}` cannot be done before `{gate}` is approved (by the {role})")]
    ApprovalPending {
        /// Field path.
        path: String,
        /// The milestone marked done.
        id: String,
        /// The earlier milestone that waits for its approval.
        gate: String,
        /// Who approves it.
        role: Role,
    },
    /// A milestone template given directly breaks a rule the rulebook would enforce
    /// (`schedule.invalid_template`).
    #[error("{path}: {expected_en}")]
    InvalidTemplate {
        /// Field path.
        path: String,
        /// What the value must satisfy, in English.
        expected_en: String,
        /// The same, in Chinese.
        expected_zh: String,
    },
    /// A date cannot be written in iCalendar, whose years run from 1 to 9999
    /// (`schedule.ical_date_out_of_range`).
    #[error("{path}: {date} cannot be written in iCalendar (years 1 to 9999)")]
    IcalDateOutOfRange {
        /// Field path.
        path: String,
        /// The date.
        date: NaiveDate,
    },
}

impl ScheduleError {
    /// The same error at another path.
    pub(crate) fn at(mut self, new_path: impl Into<String>) -> ScheduleError {
        let slot = match &mut self {
            ScheduleError::Calendar(e) => e.path_mut(),
            ScheduleError::UnknownTemplate { path, .. }
            | ScheduleError::UnknownLeadTime { path, .. }
            | ScheduleError::CalendarRequired { path }
            | ScheduleError::DateOutOfRange { path, .. }
            | ScheduleError::UnknownMilestone { path, .. }
            | ScheduleError::ApprovalPending { path, .. }
            | ScheduleError::InvalidTemplate { path, .. }
            | ScheduleError::IcalDateOutOfRange { path, .. } => path,
        };
        *slot = new_path.into();
        self
    }
}

impl ScheduleError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            ScheduleError::Calendar(e) => Some(e.path_mut()),
            ScheduleError::UnknownTemplate { path, .. } => Some(path),
            ScheduleError::UnknownLeadTime { path, .. } => Some(path),
            ScheduleError::CalendarRequired { path, .. } => Some(path),
            ScheduleError::DateOutOfRange { path, .. } => Some(path),
            ScheduleError::UnknownMilestone { path, .. } => Some(path),
            ScheduleError::ApprovalPending { path, .. } => Some(path),
            ScheduleError::InvalidTemplate { path, .. } => Some(path),
            ScheduleError::IcalDateOutOfRange { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for ScheduleError {
    fn code(&self) -> &'static str {
        match self {
            ScheduleError::Calendar(e) => e.code(),
            ScheduleError::UnknownTemplate { .. } => "schedule.unknown_template",
            ScheduleError::UnknownLeadTime { .. } => "schedule.unknown_lead_time",
            ScheduleError::CalendarRequired { .. } => "schedule.calendar_required",
            ScheduleError::DateOutOfRange { .. } => "schedule.date_out_of_range",
            ScheduleError::UnknownMilestone { .. } => "schedule.unknown_milestone",
            ScheduleError::ApprovalPending { .. } => "schedule.approval_pending",
            ScheduleError::InvalidTemplate { .. } => "schedule.invalid_template",
            ScheduleError::IcalDateOutOfRange { .. } => "schedule.ical_date_out_of_range",
        }
    }

    fn path(&self) -> &str {
        match self {
            ScheduleError::Calendar(e) => e.path(),
            ScheduleError::UnknownTemplate { path, .. }
            | ScheduleError::UnknownLeadTime { path, .. }
            | ScheduleError::CalendarRequired { path }
            | ScheduleError::DateOutOfRange { path, .. }
            | ScheduleError::UnknownMilestone { path, .. }
            | ScheduleError::ApprovalPending { path, .. }
            | ScheduleError::InvalidTemplate { path, .. }
            | ScheduleError::IcalDateOutOfRange { path, .. } => path,
        }
    }

    fn message(&self, locale: Locale) -> String {
        let zh = match self {
            ScheduleError::Calendar(e) => return e.message(locale),
            ScheduleError::UnknownTemplate { path, id } => {
                format!("{path}：规则手册中没有里程碑模板“{id}”")
            }
            ScheduleError::UnknownLeadTime { path, id } => {
                format!("{path}：规则手册中没有提前期规则“{id}”")
            }
            ScheduleError::CalendarRequired { path } => {
                format!("{path}：按工作日计算需要提供校历")
            }
            ScheduleError::DateOutOfRange { path, date, days } => {
                format!("{path}：{date} 移动 {days} 天后超出了支持的日期范围")
            }
            ScheduleError::UnknownMilestone { path, id } => {
                format!("{path}：“{id}”不是本计划的里程碑")
            }
            ScheduleError::ApprovalPending {
                path,
                id,
                gate,
                role,
            } => format!("{path}：“{gate}”须先经 {role} 审批，才能完成“{id}”"),
            ScheduleError::InvalidTemplate {
                path, expected_zh, ..
            } => format!("{path}：{expected_zh}"),
            ScheduleError::IcalDateOutOfRange { path, date } => {
                format!("{path}：{date} 无法写入 iCalendar（年份须在 1 到 9999 之间）")
            }
        };
        localized(locale, self.to_string(), zh)
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            ScheduleError::Calendar(e) => return e.params(),
            ScheduleError::UnknownTemplate { id, .. }
            | ScheduleError::UnknownLeadTime { id, .. }
            | ScheduleError::UnknownMilestone { id, .. } => {
                p.insert("id", id.clone());
            }
            ScheduleError::ApprovalPending { id, gate, role, .. } => {
                p.insert("id", id.clone());
                p.insert("gate", gate.clone());
                p.insert("role", role.key().to_owned());
            }
            ScheduleError::CalendarRequired { .. } => {}
            ScheduleError::DateOutOfRange { date, days, .. } => {
                p.insert("date", date.to_string());
                p.insert("days", days.to_string());
            }
            ScheduleError::InvalidTemplate { expected_en, .. } => {
                p.insert("expected", expected_en.clone());
            }
            ScheduleError::IcalDateOutOfRange { date, .. } => {
                p.insert("date", date.to_string());
            }
        }
        p
    }
}
