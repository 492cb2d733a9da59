//! The errors of scheduling: every refusal has its own stable code.

use chrono::NaiveDate;

use crate::calendar::{CalendarError, CalendarErrorKind};
use crate::diagnostic::{ErrorKind, Located, Params, located};
use crate::members::Role;

/// What went wrong in a [`ScheduleError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScheduleErrorKind {
    /// The school calendar is invalid, or a day cannot be counted on it (the calendar's own
    /// codes, `calendar.*`).
    Calendar(CalendarErrorKind),
    /// The rulebook has no milestone template of that id (`schedule.unknown_template`).
    UnknownTemplate {
        /// The template id asked for.
        id: String,
    },
    /// The rulebook has no lead-time rule of that id (`schedule.unknown_lead_time`).
    UnknownLeadTime {
        /// The rule id asked for.
        id: String,
    },
    /// Working-day counting was asked for without a school calendar
    /// (`schedule.calendar_required`).
    CalendarRequired,
    /// A date moved by some days falls outside the dates chrono supports
    /// (`schedule.date_out_of_range`).
    DateOutOfRange {
        /// The date moved from.
        date: NaiveDate,
        /// The days (calendar or working) it was moved by.
        days: i64,
    },
    /// A done milestone id is not a milestone of the plan (`schedule.unknown_milestone`).
    UnknownMilestone {
        /// The milestone id given.
        id: String,
    },
    /// A milestone is marked done while an earlier milestone of the plan still waits for its
    /// approval (`schedule.approval_pending`): domain.md §5, the welcome party's "advisor
    /// approval before going on".
    ApprovalPending {
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
        /// What the value must satisfy: the word `expected.<this>` of the catalogs, or the
        /// code of another error carried here (a scheme's error found in the rulebook).
        expected: &'static str,
        /// The numbers and names the words are filled from.
        details: Params,
    },
    /// A date cannot be written in iCalendar, whose years run from 1 to 9999
    /// (`schedule.ical_date_out_of_range`).
    IcalDateOutOfRange {
        /// The date.
        date: NaiveDate,
    },
}

/// A scheduling input is invalid or a date cannot be computed.
///
/// Its [kind](ScheduleErrorKind) says what; the path of the offending field sits beside it.
pub type ScheduleError = Located<ScheduleErrorKind>;

impl ScheduleErrorKind {
    /// A value that breaks the rule named by `expected` (the word `expected.<expected>` of
    /// the catalogs), with the parameters its words are filled from.
    pub fn invalid_template(
        expected: &'static str,
        details: impl IntoIterator<Item = (&'static str, String)>,
    ) -> ScheduleErrorKind {
        ScheduleErrorKind::InvalidTemplate {
            expected,
            details: details.into_iter().collect(),
        }
    }
}

impl ErrorKind for ScheduleErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ScheduleErrorKind::Calendar(e) => e.code(),
            ScheduleErrorKind::UnknownTemplate { .. } => "schedule.unknown_template",
            ScheduleErrorKind::UnknownLeadTime { .. } => "schedule.unknown_lead_time",
            ScheduleErrorKind::CalendarRequired => "schedule.calendar_required",
            ScheduleErrorKind::DateOutOfRange { .. } => "schedule.date_out_of_range",
            ScheduleErrorKind::UnknownMilestone { .. } => "schedule.unknown_milestone",
            ScheduleErrorKind::ApprovalPending { .. } => "schedule.approval_pending",
            ScheduleErrorKind::InvalidTemplate { .. } => "schedule.invalid_template",
            ScheduleErrorKind::IcalDateOutOfRange { .. } => "schedule.ical_date_out_of_range",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            ScheduleErrorKind::Calendar(e) => return e.params(),
            ScheduleErrorKind::UnknownTemplate { id, .. }
            | ScheduleErrorKind::UnknownLeadTime { id, .. }
            | ScheduleErrorKind::UnknownMilestone { id, .. } => {
                p.insert("id", id.clone());
            }
            ScheduleErrorKind::ApprovalPending { id, gate, role, .. } => {
                p.insert("id", id.clone());
                p.insert("gate", gate.clone());
                p.insert("role", role.key().to_owned());
            }
            ScheduleErrorKind::CalendarRequired => {}
            ScheduleErrorKind::DateOutOfRange { date, days, .. } => {
                p.insert("date", date.to_string());
                p.insert("days", days.to_string());
            }
            ScheduleErrorKind::InvalidTemplate { expected, details } => {
                p.extend(details.iter().map(|(k, v)| (*k, v.clone())));
                p.insert("expected", (*expected).to_owned());
            }
            ScheduleErrorKind::IcalDateOutOfRange { date, .. } => {
                p.insert("date", date.to_string());
            }
        }
        p
    }
}

impl From<CalendarError> for ScheduleError {
    fn from(e: CalendarError) -> ScheduleError {
        e.map_kind(ScheduleErrorKind::Calendar)
    }
}

located!(ScheduleErrorKind);
