//! Attendance and leave errors.

use chrono::NaiveDateTime;

use crate::diagnostic::{ErrorKind, Located, Params, located};
use crate::members::MemberId;

use super::EventId;

/// What went wrong in a [`AttendanceError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttendanceErrorKind {
    /// A reference to an event that does not exist.
    UnknownEvent {
        /// The id.
        id: EventId,
    },
    /// Two events share an id.
    DuplicateEvent {
        /// The id.
        id: EventId,
    },
    /// An event that ends before it starts, or has an empty id.
    InvalidEvent {
        /// The id.
        id: EventId,
        /// What is wrong: `empty_id` or `ends_before_start`.
        detail: &'static str,
    },
    /// A member marked twice for one event.
    DuplicateMark {
        /// The member.
        member: MemberId,
        /// The event.
        event: EventId,
    },
    /// A mark record with neither a mark nor sign-in times, or with both.
    MarkShape {
        /// What was given: `neither` or `both`.
        given: &'static str,
    },
    /// A sign-out before the sign-in, or a sign-out without a sign-in.
    SignOutBeforeSignIn {
        /// The sign-out time.
        sign_out: NaiveDateTime,
    },
    /// An `excused` mark with no approved leave behind it.
    ExcusedWithoutLeave {
        /// The member.
        member: MemberId,
        /// The event.
        event: EventId,
    },
    /// The window is `semester` and no semester of the calendar contains today.
    NoSemester {
        /// The date asked about.
        today: chrono::NaiveDate,
    },
    /// A date computation left the supported calendar range.
    DateOutOfRange,
    /// A column of marks given as columns is not as long as the member column.
    ColumnLength {
        /// The rows of the member column.
        expected: usize,
        /// The rows of this column.
        actual: usize,
    },
    /// A code of a column of marks points past its categories (or past the roster or the
    /// events, for positions).
    CodeOutOfRange {
        /// The code.
        code: u32,
        /// How many categories (or members, or events) there are.
        len: usize,
    },
}

/// Attendance input is invalid.
///
/// Its [kind](AttendanceErrorKind) says what; the path of the offending field sits beside it.
pub type AttendanceError = Located<AttendanceErrorKind>;

impl ErrorKind for AttendanceErrorKind {
    fn code(&self) -> &'static str {
        match self {
            AttendanceErrorKind::UnknownEvent { .. } => "attendance.unknown_event",
            AttendanceErrorKind::DuplicateEvent { .. } => "attendance.duplicate_event",
            AttendanceErrorKind::InvalidEvent { .. } => "attendance.invalid_event",
            AttendanceErrorKind::DuplicateMark { .. } => "attendance.duplicate_mark",
            AttendanceErrorKind::MarkShape { .. } => "attendance.mark_shape",
            AttendanceErrorKind::SignOutBeforeSignIn { .. } => "attendance.sign_out_before_sign_in",
            AttendanceErrorKind::ExcusedWithoutLeave { .. } => "attendance.excused_without_leave",
            AttendanceErrorKind::NoSemester { .. } => "attendance.no_semester",
            AttendanceErrorKind::DateOutOfRange => "attendance.date_out_of_range",
            AttendanceErrorKind::ColumnLength { .. } => "attendance.column_length",
            AttendanceErrorKind::CodeOutOfRange { .. } => "attendance.code_out_of_range",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            AttendanceErrorKind::UnknownEvent { id, .. }
            | AttendanceErrorKind::DuplicateEvent { id, .. } => {
                p.insert("event", id.0.clone());
            }
            AttendanceErrorKind::InvalidEvent { id, detail, .. } => {
                p.insert("event", id.0.clone());
                p.insert("detail", (*detail).to_owned());
            }
            AttendanceErrorKind::DuplicateMark { member, event, .. }
            | AttendanceErrorKind::ExcusedWithoutLeave { member, event, .. } => {
                p.insert("member", member.0.clone());
                p.insert("event", event.0.clone());
            }
            AttendanceErrorKind::MarkShape { given, .. } => {
                p.insert("given", (*given).to_owned());
            }
            AttendanceErrorKind::SignOutBeforeSignIn { sign_out, .. } => {
                p.insert("sign_out", sign_out.to_string());
            }
            AttendanceErrorKind::NoSemester { today, .. } => {
                p.insert("today", today.to_string());
            }
            AttendanceErrorKind::DateOutOfRange => {}
            AttendanceErrorKind::ColumnLength {
                expected, actual, ..
            } => {
                p.insert("expected", expected.to_string());
                p.insert("actual", actual.to_string());
            }
            AttendanceErrorKind::CodeOutOfRange { code, len, .. } => {
                p.insert("code", code.to_string());
                p.insert("len", len.to_string());
            }
        }
        p
    }
}

/// What went wrong in a [`LeaveError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LeaveErrorKind {
    /// No substitute was arranged.
    NoSubstitute,
    /// The substitute is the requester.
    SubstituteIsRequester,
    /// The substitute is not an active member.
    SubstituteInactive {
        /// The substitute.
        substitute: MemberId,
    },
    /// The substitute is on leave from the same event.
    SubstituteOnLeave {
        /// The substitute.
        substitute: MemberId,
    },
    /// The requester stands in for someone else at this event.
    RequesterIsSubstitute {
        /// The requester.
        member: MemberId,
        /// Whom they stand in for.
        absentee: MemberId,
    },
    /// No reason given.
    NoReason,
    /// Requested after the deadline (event start less the minimum notice).
    TooLate {
        /// When it was requested.
        requested_at: NaiveDateTime,
        /// The last moment to request.
        deadline: NaiveDateTime,
        /// Minimum notice from the rulebook.
        notice_minutes: u32,
    },
    /// Requested exactly at the deadline, where the rulebook wants requests before it
    /// (`leave.at_deadline = "refused"`).
    AtDeadline {
        /// When it was requested: the deadline itself.
        requested_at: NaiveDateTime,
    },
    /// The approver is not the one the rule designates.
    WrongApprover {
        /// Who tried to approve.
        approver: MemberId,
        /// The event's project leader, who must approve; `None` when the event has none and
        /// the requester's department head must.
        designated: Option<MemberId>,
    },
    /// The requester approves their own leave.
    SelfApproval {
        /// The requester.
        member: MemberId,
    },
    /// The requester is not an active member.
    RequesterInactive {
        /// The requester.
        member: MemberId,
    },
    /// Leave from this event was already granted.
    AlreadyGranted {
        /// The requester.
        member: MemberId,
        /// The event.
        event: EventId,
    },
}

/// A leave request is refused (seed 000, discipline §3). Each refusal has its own code.
///
/// Its [kind](LeaveErrorKind) says what; the path of the offending field sits beside it.
pub type LeaveError = Located<LeaveErrorKind>;

impl ErrorKind for LeaveErrorKind {
    fn code(&self) -> &'static str {
        match self {
            LeaveErrorKind::NoSubstitute => "leave.no_substitute",
            LeaveErrorKind::SubstituteIsRequester => "leave.substitute_is_requester",
            LeaveErrorKind::SubstituteInactive { .. } => "leave.substitute_inactive",
            LeaveErrorKind::SubstituteOnLeave { .. } => "leave.substitute_on_leave",
            LeaveErrorKind::RequesterIsSubstitute { .. } => "leave.requester_is_substitute",
            LeaveErrorKind::NoReason => "leave.no_reason",
            LeaveErrorKind::TooLate { .. } => "leave.too_late",
            LeaveErrorKind::AtDeadline { .. } => "leave.at_deadline",
            LeaveErrorKind::WrongApprover { .. } => "leave.wrong_approver",
            LeaveErrorKind::SelfApproval { .. } => "leave.self_approval",
            LeaveErrorKind::RequesterInactive { .. } => "leave.requester_inactive",
            LeaveErrorKind::AlreadyGranted { .. } => "leave.already_granted",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            LeaveErrorKind::SubstituteInactive { substitute, .. }
            | LeaveErrorKind::SubstituteOnLeave { substitute, .. } => {
                p.insert("substitute", substitute.0.clone());
            }
            LeaveErrorKind::RequesterIsSubstitute {
                member, absentee, ..
            } => {
                p.insert("member", member.0.clone());
                p.insert("absentee", absentee.0.clone());
            }
            LeaveErrorKind::TooLate {
                requested_at,
                deadline,
                notice_minutes,
                ..
            } => {
                p.insert("requested_at", requested_at.to_string());
                p.insert("deadline", deadline.to_string());
                p.insert("notice_minutes", notice_minutes.to_string());
            }
            LeaveErrorKind::AtDeadline { requested_at } => {
                p.insert("requested_at", requested_at.to_string());
            }
            LeaveErrorKind::WrongApprover {
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
            LeaveErrorKind::SelfApproval { member, .. }
            | LeaveErrorKind::RequesterInactive { member, .. } => {
                p.insert("member", member.0.clone());
            }
            LeaveErrorKind::AlreadyGranted { member, event, .. } => {
                p.insert("member", member.0.clone());
                p.insert("event", event.0.clone());
            }
            LeaveErrorKind::NoSubstitute
            | LeaveErrorKind::SubstituteIsRequester
            | LeaveErrorKind::NoReason => {}
        }
        p
    }
}

located!(AttendanceErrorKind, LeaveErrorKind);
