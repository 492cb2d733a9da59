//! Attendance and leave policy: the rulebook's `attendance` and `leave` tables.

use serde::{Deserialize, Serialize};

use crate::rule::{RuleRef, RulebookError, check_range};

use super::EventKind;

/// The window the discipline counters run over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AttendanceWindow {
    /// The whole term of office (the seeds' default).
    Term,
    /// The semester that contains today.
    Semester,
    /// The last N days, today included.
    RollingDays(u32),
}

/// Rulebook key `attendance` (seed 000, discipline §2 and §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AttendancePolicy {
    /// Event kinds whose late arrivals and early leaves count.
    pub counted_kinds: Vec<EventKind>,
    /// Event kinds whose unexcused absence counts.
    pub absence_kinds: Vec<EventKind>,
    /// Minutes after the start (before the end) that are not yet late (early).
    pub grace_minutes: u32,
    /// Late arrivals and early leaves together: this many expel.
    pub lateness_limit: u32,
    /// Unexcused absences from group activities: this many expel.
    pub absence_limit: u32,
    /// A count this far below its limit, and above zero, is a warning.
    pub warning_margin: u32,
    /// The window the counters run over.
    pub window: AttendanceWindow,
    /// What a sign-in after the event's end, with no sign-out, records (key
    /// `attendance.sign_in_after_end`; by default `late`, as a sign-in after the start is).
    #[serde(default)]
    pub sign_in_after_end: SignInAfterEnd,
}

/// What a sign-in after the event has ended, with no sign-out, records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignInAfterEnd {
    /// A late arrival, as any sign-in after the start (the seeds' reading).
    #[default]
    Late,
    /// An absence: nobody attends an event that is over.
    Absent,
}

/// Whether a leave request made exactly at its deadline (the start of the event, less the
/// notice) is in time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AtDeadline {
    /// In time: only a request after the deadline is late (with no notice required, a
    /// request at the very start of the event stands).
    #[default]
    Accepted,
    /// Late: a request must come before the deadline.
    Refused,
}

impl AttendancePolicy {
    /// The rule behind the lateness counter.
    pub fn lateness_rule() -> RuleRef {
        RuleRef::new("attendance.lateness_limit", "seed 000, discipline §2")
    }

    /// The rule behind the absence counter.
    pub fn absence_rule() -> RuleRef {
        RuleRef::new("attendance.absence_limit", "seed 000, discipline §2")
    }

    pub(crate) fn validate(&self, path: &str) -> Result<(), RulebookError> {
        check_range(path, "grace_minutes", self.grace_minutes, 0, 240)?;
        check_range(path, "lateness_limit", self.lateness_limit, 1, 100)?;
        check_range(path, "absence_limit", self.absence_limit, 1, 100)?;
        check_range(path, "warning_margin", self.warning_margin, 0, 100)?;
        if let AttendanceWindow::RollingDays(days) = self.window {
            check_range(path, "window.rolling_days", days, 1, 3660)?;
        }
        Ok(())
    }
}

/// Rulebook key `leave` (seed 000, discipline §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeavePolicy {
    /// A substitute must be arranged.
    pub require_substitute: bool,
    /// A reason must be given.
    pub require_reason: bool,
    /// Minimum minutes between the request and the start of the event.
    pub min_notice_minutes: u32,
    /// A request made exactly at the deadline (key `leave.at_deadline`; by default
    /// accepted).
    #[serde(default)]
    pub at_deadline: AtDeadline,
}

impl LeavePolicy {
    /// The rule behind leave decisions.
    pub fn rule() -> RuleRef {
        RuleRef::new("leave", "seed 000, discipline §3")
    }

    pub(crate) fn validate(&self, path: &str) -> Result<(), RulebookError> {
        check_range(
            path,
            "min_notice_minutes",
            self.min_notice_minutes,
            0,
            60 * 24 * 60,
        )
    }
}
