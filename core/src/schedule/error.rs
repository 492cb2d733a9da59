//! The errors of scheduling: every refusal has its own stable code.

use chrono::NaiveDate;

use crate::calendar::CalendarError;
use crate::diagnostic::{Diagnostic, Locale, Params, display_from_catalog};
use crate::members::Role;

/// A scheduling input is invalid or a date cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScheduleError {
    /// The school calendar is invalid, or a day cannot be counted on it (the calendar's own
    /// codes, `calendar.*`).
    Calendar(CalendarError),
    /// The rulebook has no milestone template of that id (`schedule.unknown_template`).
    UnknownTemplate {
        /// Field path.
        path: String,
        /// The template id asked for.
        id: String,
    },
    /// The rulebook has no lead-time rule of that id (`schedule.unknown_lead_time`).
    UnknownLeadTime {
        /// Field path.
        path: String,
        /// The rule id asked for.
        id: String,
    },
    /// Working-day counting was asked for without a school calendar
    /// (`schedule.calendar_required`).
    CalendarRequired {
        /// Field path.
        path: String,
    },
    /// A date moved by some days falls outside the dates chrono supports
    /// (`schedule.date_out_of_range`).
    DateOutOfRange {
        /// Field path.
        path: String,
        /// The date moved from.
        date: NaiveDate,
        /// The days (calendar or working) it was moved by.
        days: i64,
    },
    /// A done milestone id is not a milestone of the plan (`schedule.unknown_milestone`).
    UnknownMilestone {
        /// Field path.
        path: String,
        /// The milestone id given.
        id: String,
    },
    /// A milestone is marked done while an earlier milestone of the plan still waits for its
    /// approval (`schedule.approval_pending`): domain.md §5, the welcome party's "advisor
    /// approval before going on".
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
        match self {
            // Free text written where the template is checked, in English and Chinese: not
            // yet in the catalogs (a Chinese locale shows the Simplified text).
            ScheduleError::InvalidTemplate { expected_zh, .. } if locale != Locale::En => {
                expected_zh.clone()
            }
            _ => crate::catalog::message(locale, self.code(), &self.params()),
        }
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

display_from_catalog!(ScheduleError);

impl From<CalendarError> for ScheduleError {
    fn from(e: CalendarError) -> ScheduleError {
        ScheduleError::Calendar(e)
    }
}
