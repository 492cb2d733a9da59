//! Attendance and leave errors.

use chrono::NaiveDateTime;

use crate::diagnostic::{Diagnostic, Params, display_from_catalog};
use crate::members::MemberId;

use super::EventId;

/// Attendance input is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttendanceError {
    /// A reference to an event that does not exist.
    UnknownEvent {
        /// Path of the reference.
        path: String,
        /// The id.
        id: EventId,
    },
    /// Two events share an id.
    DuplicateEvent {
        /// Path of the second event.
        path: String,
        /// The id.
        id: EventId,
    },
    /// An event that ends before it starts, or has an empty id.
    InvalidEvent {
        /// Path of the field.
        path: String,
        /// The id.
        id: EventId,
        /// What is wrong: `empty_id` or `ends_before_start`.
        detail: &'static str,
    },
    /// A member marked twice for one event.
    DuplicateMark {
        /// Path of the second mark.
        path: String,
        /// The member.
        member: MemberId,
        /// The event.
        event: EventId,
    },
    /// A mark record with neither a mark nor sign-in times, or with both.
    MarkShape {
        /// Path of the record.
        path: String,
        /// What was given: `neither` or `both`.
        given: &'static str,
    },
    /// A sign-out before the sign-in, or a sign-out without a sign-in.
    SignOutBeforeSignIn {
        /// Path of the sign-out.
        path: String,
        /// The sign-out time.
        sign_out: NaiveDateTime,
    },
    /// An `excused` mark with no approved leave behind it.
    ExcusedWithoutLeave {
        /// Path of the mark.
        path: String,
        /// The member.
        member: MemberId,
        /// The event.
        event: EventId,
    },
    /// The window is `semester` and no semester of the calendar contains today.
    NoSemester {
        /// Path of the rulebook key.
        path: String,
        /// The date asked about.
        today: chrono::NaiveDate,
    },
    /// A date computation left the supported calendar range.
    DateOutOfRange {
        /// Path of the field.
        path: String,
    },
    /// A column of marks given as columns is not as long as the member column.
    ColumnLength {
        /// Path of the column (`marks.event`, `marks.mark`).
        path: String,
        /// The rows of the member column.
        expected: usize,
        /// The rows of this column.
        actual: usize,
    },
    /// A code of a column of marks points past its categories (or past the roster or the
    /// events, for positions).
    CodeOutOfRange {
        /// Path of the field (`marks[3].member`).
        path: String,
        /// The code.
        code: u32,
        /// How many categories (or members, or events) there are.
        len: usize,
    },
}

impl AttendanceError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            AttendanceError::UnknownEvent { path, .. } => Some(path),
            AttendanceError::DuplicateEvent { path, .. } => Some(path),
            AttendanceError::InvalidEvent { path, .. } => Some(path),
            AttendanceError::DuplicateMark { path, .. } => Some(path),
            AttendanceError::MarkShape { path, .. } => Some(path),
            AttendanceError::SignOutBeforeSignIn { path, .. } => Some(path),
            AttendanceError::ExcusedWithoutLeave { path, .. } => Some(path),
            AttendanceError::NoSemester { path, .. } => Some(path),
            AttendanceError::DateOutOfRange { path, .. } => Some(path),
            AttendanceError::ColumnLength { path, .. } => Some(path),
            AttendanceError::CodeOutOfRange { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for AttendanceError {
    fn code(&self) -> &'static str {
        match self {
            AttendanceError::UnknownEvent { .. } => "attendance.unknown_event",
            AttendanceError::DuplicateEvent { .. } => "attendance.duplicate_event",
            AttendanceError::InvalidEvent { .. } => "attendance.invalid_event",
            AttendanceError::DuplicateMark { .. } => "attendance.duplicate_mark",
            AttendanceError::MarkShape { .. } => "attendance.mark_shape",
            AttendanceError::SignOutBeforeSignIn { .. } => "attendance.sign_out_before_sign_in",
            AttendanceError::ExcusedWithoutLeave { .. } => "attendance.excused_without_leave",
            AttendanceError::NoSemester { .. } => "attendance.no_semester",
            AttendanceError::DateOutOfRange { .. } => "attendance.date_out_of_range",
            AttendanceError::ColumnLength { .. } => "attendance.column_length",
            AttendanceError::CodeOutOfRange { .. } => "attendance.code_out_of_range",
        }
    }

    fn path(&self) -> &str {
        match self {
            AttendanceError::UnknownEvent { path, .. }
            | AttendanceError::DuplicateEvent { path, .. }
            | AttendanceError::InvalidEvent { path, .. }
            | AttendanceError::DuplicateMark { path, .. }
            | AttendanceError::MarkShape { path, .. }
            | AttendanceError::SignOutBeforeSignIn { path, .. }
            | AttendanceError::ExcusedWithoutLeave { path, .. }
            | AttendanceError::NoSemester { path, .. }
            | AttendanceError::DateOutOfRange { path }
            | AttendanceError::ColumnLength { path, .. }
            | AttendanceError::CodeOutOfRange { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            AttendanceError::UnknownEvent { id, .. }
            | AttendanceError::DuplicateEvent { id, .. } => {
                p.insert("event", id.0.clone());
            }
            AttendanceError::InvalidEvent { id, detail, .. } => {
                p.insert("event", id.0.clone());
                p.insert("detail", (*detail).to_owned());
            }
            AttendanceError::DuplicateMark { member, event, .. }
            | AttendanceError::ExcusedWithoutLeave { member, event, .. } => {
                p.insert("member", member.0.clone());
                p.insert("event", event.0.clone());
            }
            AttendanceError::MarkShape { given, .. } => {
                p.insert("given", (*given).to_owned());
            }
            AttendanceError::SignOutBeforeSignIn { sign_out, .. } => {
                p.insert("sign_out", sign_out.to_string());
            }
            AttendanceError::NoSemester { today, .. } => {
                p.insert("today", today.to_string());
            }
            AttendanceError::DateOutOfRange { .. } => {}
            AttendanceError::ColumnLength {
                expected, actual, ..
            } => {
                p.insert("expected", expected.to_string());
                p.insert("actual", actual.to_string());
            }
            AttendanceError::CodeOutOfRange { code, len, .. } => {
                p.insert("code", code.to_string());
                p.insert("len", len.to_string());
            }
        }
        p
    }
}

/// A leave request is refused (seed 000, discipline §3). Each refusal has its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LeaveError {
    /// No substitute was arranged.
    NoSubstitute {
        /// Path of the field.
        path: String,
    },
    /// The substitute is the requester.
    SubstituteIsRequester {
        /// Path of the field.
        path: String,
    },
    /// The substitute is not an active member.
    SubstituteInactive {
        /// Path of the field.
        path: String,
        /// The substitute.
        substitute: MemberId,
    },
    /// The substitute is on leave from the same event.
    SubstituteOnLeave {
        /// Path of the field.
        path: String,
        /// The substitute.
        substitute: MemberId,
    },
    /// The requester stands in for someone else at this event.
    RequesterIsSubstitute {
        /// Path of the field.
        path: String,
        /// The requester.
        member: MemberId,
        /// Whom they stand in for.
        absentee: MemberId,
    },
    /// No reason given.
    NoReason {
        /// Path of the field.
        path: String,
    },
    /// Requested after the deadline (event start less the minimum notice).
    TooLate {
        /// Path of the field.
        path: String,
        /// When it was requested.
        requested_at: NaiveDateTime,
        /// The last moment to request.
        deadline: NaiveDateTime,
        /// Minimum notice from the rulebook.
        notice_minutes: u32,
    },
    /// The approver is not the one the rule designates.
    WrongApprover {
        /// Path of the field.
        path: String,
        /// Who tried to approve.
        approver: MemberId,
        /// The event's project leader, who must approve; `None` when the event has none and
        /// the requester's department head must.
        designated: Option<MemberId>,
    },
    /// The requester approves their own leave.
    SelfApproval {
        /// Path of the field.
        path: String,
        /// The requester.
        member: MemberId,
    },
    /// The requester is not an active member.
    RequesterInactive {
        /// Path of the field.
        path: String,
        /// The requester.
        member: MemberId,
    },
    /// Leave from this event was already granted.
    AlreadyGranted {
        /// Path of the field.
        path: String,
        /// The requester.
        member: MemberId,
        /// The event.
        event: EventId,
    },
}

impl LeaveError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            LeaveError::NoSubstitute { path, .. } => Some(path),
            LeaveError::SubstituteIsRequester { path, .. } => Some(path),
            LeaveError::SubstituteInactive { path, .. } => Some(path),
            LeaveError::SubstituteOnLeave { path, .. } => Some(path),
            LeaveError::RequesterIsSubstitute { path, .. } => Some(path),
            LeaveError::NoReason { path, .. } => Some(path),
            LeaveError::TooLate { path, .. } => Some(path),
            LeaveError::WrongApprover { path, .. } => Some(path),
            LeaveError::SelfApproval { path, .. } => Some(path),
            LeaveError::RequesterInactive { path, .. } => Some(path),
            LeaveError::AlreadyGranted { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for LeaveError {
    fn code(&self) -> &'static str {
        match self {
            LeaveError::NoSubstitute { .. } => "leave.no_substitute",
            LeaveError::SubstituteIsRequester { .. } => "leave.substitute_is_requester",
            LeaveError::SubstituteInactive { .. } => "leave.substitute_inactive",
            LeaveError::SubstituteOnLeave { .. } => "leave.substitute_on_leave",
            LeaveError::RequesterIsSubstitute { .. } => "leave.requester_is_substitute",
            LeaveError::NoReason { .. } => "leave.no_reason",
            LeaveError::TooLate { .. } => "leave.too_late",
            LeaveError::WrongApprover { .. } => "leave.wrong_approver",
            LeaveError::SelfApproval { .. } => "leave.self_approval",
            LeaveError::RequesterInactive { .. } => "leave.requester_inactive",
            LeaveError::AlreadyGranted { .. } => "leave.already_granted",
        }
    }

    fn path(&self) -> &str {
        match self {
            LeaveError::NoSubstitute { path }
            | LeaveError::SubstituteIsRequester { path }
            | LeaveError::SubstituteInactive { path, .. }
            | LeaveError::SubstituteOnLeave { path, .. }
            | LeaveError::RequesterIsSubstitute { path, .. }
            | LeaveError::NoReason { path }
            | LeaveError::TooLate { path, .. }
            | LeaveError::WrongApprover { path, .. }
            | LeaveError::SelfApproval { path, .. }
            | LeaveError::RequesterInactive { path, .. }
            | LeaveError::AlreadyGranted { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            LeaveError::SubstituteInactive { substitute, .. }
            | LeaveError::SubstituteOnLeave { substitute, .. } => {
                p.insert("substitute", substitute.0.clone());
            }
            LeaveError::RequesterIsSubstitute {
                member, absentee, ..
            } => {
                p.insert("member", member.0.clone());
                p.insert("absentee", absentee.0.clone());
            }
            LeaveError::TooLate {
                requested_at,
                deadline,
                notice_minutes,
                ..
            } => {
                p.insert("requested_at", requested_at.to_string());
                p.insert("deadline", deadline.to_string());
                p.insert("notice_minutes", notice_minutes.to_string());
            }
            LeaveError::WrongApprover {
                approver,
                designated,
                ..
            } => {
                p.insert("approver", approver.0.clone());
                let who = match designated {
                    Some(leader) => {
                        p.insert("designated", leader.0.clone());
                        "project_leader"
                    }
                    None => "department_head",
                };
                p.insert("must_approve", who.to_owned());
            }
            LeaveError::SelfApproval { member, .. }
            | LeaveError::RequesterInactive { member, .. } => {
                p.insert("member", member.0.clone());
            }
            LeaveError::AlreadyGranted { member, event, .. } => {
                p.insert("member", member.0.clone());
                p.insert("event", event.0.clone());
            }
            LeaveError::NoSubstitute { .. }
            | LeaveError::SubstituteIsRequester { .. }
            | LeaveError::NoReason { .. } => {}
        }
        p
    }
}

display_from_catalog!(AttendanceError, LeaveError);
