//! One sample of every variant of every error and warning of the crate, for the catalogs'
//! tests (`tests.rs`).

use chrono::{NaiveDate, NaiveDateTime};

use crate::attendance::{
    AttendanceError, AttendanceErrorKind, EventId, LeaveError, LeaveErrorKind,
};
use crate::authority::{Action, AuthorityError, AuthorityErrorKind};
use crate::calendar::{CalendarError, CalendarErrorKind};
use crate::diagnostic::{Diagnostic, Params};
use crate::forms::{FormError, FormErrorKind};
use crate::input::{InputError, InputErrorKind};
use crate::members::{MemberError, MemberErrorKind, MemberId, Role};
use crate::rule::{RuleRef, RulebookError, RulebookErrorKind};
use crate::schedule::{ScheduleError, ScheduleErrorKind};

pub(super) fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2002, 10, 14).unwrap_or_default()
}

pub(super) fn datetime() -> NaiveDateTime {
    date().and_hms_opt(19, 0, 0).unwrap_or_default()
}

pub(super) fn rule() -> RuleRef {
    RuleRef {
        key: "schedule.lead_times.plan_after_notice".into(),
        article: "discipline §6".into(),
    }
}

/// The samples of one error type, checked to hold every variant: `index` is an exhaustive
/// match, so a new variant does not compile until it is listed there, and the test fails
/// until a sample of it is here.
pub(super) fn covered<T: Diagnostic + 'static>(
    samples: Vec<T>,
    variants: usize,
    index: fn(&T) -> usize,
) -> Vec<Box<dyn Diagnostic>> {
    let mut seen: Vec<usize> = samples.iter().map(index).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen,
        (0..variants).collect::<Vec<_>>(),
        "the samples of {} miss a variant",
        std::any::type_name::<T>()
    );
    samples
        .into_iter()
        .map(|e| Box::new(e) as Box<dyn Diagnostic>)
        .collect()
}

/// One sample of every variant of every error and warning of the crate.
pub(super) fn every_diagnostic() -> Vec<Box<dyn Diagnostic>> {
    let mut out = Vec::new();
    out.extend(covered::<AttendanceError>(
        vec![
            AttendanceErrorKind::UnknownEvent {
                id: EventId("e1".into()),
            }
            .at("members[0].grade"),
            AttendanceErrorKind::DuplicateEvent {
                id: EventId("e1".into()),
            }
            .at("members[0].grade"),
            AttendanceErrorKind::InvalidEvent {
                id: EventId("e1".into()),
                detail: "empty_id",
            }
            .at("members[0].grade"),
            AttendanceErrorKind::DuplicateMark {
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            }
            .at("members[0].grade"),
            AttendanceErrorKind::MarkShape { given: "both" }.at("members[0].grade"),
            AttendanceErrorKind::SignOutBeforeSignIn {
                sign_out: datetime(),
            }
            .at("members[0].grade"),
            AttendanceErrorKind::ExcusedWithoutLeave {
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            }
            .at("members[0].grade"),
            AttendanceErrorKind::NoSemester { today: date() }.at("members[0].grade"),
            AttendanceErrorKind::DateOutOfRange.at("members[0].grade"),
            AttendanceErrorKind::ColumnLength {
                expected: 2,
                actual: 2,
            }
            .at("members[0].grade"),
            AttendanceErrorKind::CodeOutOfRange { code: 2, len: 2 }.at("members[0].grade"),
        ],
        11,
        |e| match e.kind() {
            AttendanceErrorKind::UnknownEvent { .. } => 0,
            AttendanceErrorKind::DuplicateEvent { .. } => 1,
            AttendanceErrorKind::InvalidEvent { .. } => 2,
            AttendanceErrorKind::DuplicateMark { .. } => 3,
            AttendanceErrorKind::MarkShape { .. } => 4,
            AttendanceErrorKind::SignOutBeforeSignIn { .. } => 5,
            AttendanceErrorKind::ExcusedWithoutLeave { .. } => 6,
            AttendanceErrorKind::NoSemester { .. } => 7,
            AttendanceErrorKind::DateOutOfRange => 8,
            AttendanceErrorKind::ColumnLength { .. } => 9,
            AttendanceErrorKind::CodeOutOfRange { .. } => 10,
        },
    ));
    out.extend(covered::<LeaveError>(
        vec![
            LeaveErrorKind::NoSubstitute.at("members[0].grade"),
            LeaveErrorKind::SubstituteIsRequester.at("members[0].grade"),
            LeaveErrorKind::SubstituteInactive {
                substitute: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::SubstituteOnLeave {
                substitute: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::RequesterIsSubstitute {
                member: MemberId("m1".into()),
                absentee: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::NoReason.at("members[0].grade"),
            LeaveErrorKind::TooLate {
                requested_at: datetime(),
                deadline: datetime(),
                notice_minutes: 2,
            }
            .at("members[0].grade"),
            LeaveErrorKind::WrongApprover {
                approver: MemberId("m1".into()),
                designated: Some(MemberId("m2".into())),
            }
            .at("members[0].grade"),
            LeaveErrorKind::SelfApproval {
                member: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::RequesterInactive {
                member: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::AlreadyGranted {
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            }
            .at("members[0].grade"),
            LeaveErrorKind::AtDeadline {
                requested_at: datetime(),
            }
            .at("requested_at"),
        ],
        12,
        |e| match e.kind() {
            LeaveErrorKind::NoSubstitute => 0,
            LeaveErrorKind::SubstituteIsRequester => 1,
            LeaveErrorKind::SubstituteInactive { .. } => 2,
            LeaveErrorKind::SubstituteOnLeave { .. } => 3,
            LeaveErrorKind::RequesterIsSubstitute { .. } => 4,
            LeaveErrorKind::NoReason => 5,
            LeaveErrorKind::TooLate { .. } => 6,
            LeaveErrorKind::WrongApprover { .. } => 7,
            LeaveErrorKind::SelfApproval { .. } => 8,
            LeaveErrorKind::RequesterInactive { .. } => 9,
            LeaveErrorKind::AlreadyGranted { .. } => 10,
            LeaveErrorKind::AtDeadline { .. } => 11,
        },
    ));
    out.extend(covered::<MemberError>(
        vec![
            MemberErrorKind::InvalidGrade { value: "x1".into() }.at("members[0].grade"),
            MemberErrorKind::DuplicateId {
                id: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            MemberErrorKind::Empty { field: "name" }.at("members[0].grade"),
            MemberErrorKind::Unknown {
                id: MemberId("m1".into()),
            }
            .at("members[0].grade"),
        ],
        4,
        |e| match e.kind() {
            MemberErrorKind::InvalidGrade { .. } => 0,
            MemberErrorKind::DuplicateId { .. } => 1,
            MemberErrorKind::Empty { .. } => 2,
            MemberErrorKind::Unknown { .. } => 3,
        },
    ));
    out.extend(covered::<AuthorityError>(
        vec![
            AuthorityErrorKind::NotPermitted {
                actor: MemberId("m1".into()),
                action: Action::ApproveLeave,
                roles: "x1".into(),
                allowed: "x1".into(),
            }
            .at("members[0].grade"),
        ],
        1,
        |e| match e.kind() {
            AuthorityErrorKind::NotPermitted { .. } => 0,
        },
    ));
    out.extend(covered::<RulebookError>(
        vec![
            RulebookErrorKind::Syntax {
                format: "toml",
                detail: "x1".into(),
            }
            .at_root(),
            RulebookErrorKind::UnknownKey.at("members[0].grade"),
            RulebookErrorKind::InvalidType {
                detail: "x1".into(),
            }
            .at("members[0].grade"),
            RulebookErrorKind::OutOfRange {
                value: 2,
                min: 2,
                max: 2,
            }
            .at("members[0].grade"),
            RulebookErrorKind::inconsistent("title_empty", []).at("members[0].grade"),
        ],
        5,
        |e| match e.kind() {
            RulebookErrorKind::Syntax { .. } => 0,
            RulebookErrorKind::UnknownKey => 1,
            RulebookErrorKind::InvalidType { .. } => 2,
            RulebookErrorKind::OutOfRange { .. } => 3,
            RulebookErrorKind::Inconsistent { .. } => 4,
        },
    ));
    out.extend(covered::<InputError>(
        vec![
            InputErrorKind::Syntax {
                format: "json",
                detail: "x1".into(),
            }
            .at_root(),
            InputErrorKind::Invalid {
                code: "input.invalid",
                detail: "x1".into(),
            }
            .at("members[0].grade"),
            InputErrorKind::Unreadable {
                reason: "wrong_type",
                details: Params::from([
                    ("expected", "a string".to_owned()),
                    ("found", "integer".to_owned()),
                    ("value", "2".to_owned()),
                ]),
                detail: "x1".into(),
            }
            .at("members[0].grade"),
            InputErrorKind::Unreadable {
                reason: "unknown_field",
                details: Params::from([
                    ("field", "grde".to_owned()),
                    ("expected", "id, name, grade".to_owned()),
                ]),
                detail: "x1".into(),
            }
            .at("members[0]"),
        ],
        3,
        |e| match e.kind() {
            InputErrorKind::Syntax { .. } => 0,
            InputErrorKind::Invalid { .. } => 1,
            InputErrorKind::Unreadable { .. } => 2,
        },
    ));
    out.extend(covered::<CalendarError>(
        vec![
            CalendarErrorKind::InvalidPeriod {
                start: date(),
                end: date(),
            }
            .at("members[0].grade"),
            CalendarErrorKind::TermTooLong {
                start: date(),
                end: date(),
                max_days: 2,
            }
            .at("members[0].grade"),
            CalendarErrorKind::DateOutOfRange {
                date: date(),
                days: 2,
            }
            .at("members[0].grade"),
            CalendarErrorKind::NoWorkingDay {
                date: date(),
                days: 2,
            }
            .at("members[0].grade"),
        ],
        4,
        |e| match e.kind() {
            CalendarErrorKind::InvalidPeriod { .. } => 0,
            CalendarErrorKind::TermTooLong { .. } => 1,
            CalendarErrorKind::DateOutOfRange { .. } => 2,
            CalendarErrorKind::NoWorkingDay { .. } => 3,
        },
    ));
    out.extend(covered::<FormError>(
        vec![
            FormErrorKind::Required.at("members[0].grade"),
            FormErrorKind::InvalidDate { value: "x1".into() }.at("members[0].grade"),
            FormErrorKind::InvalidDatetime { value: "x1".into() }.at("members[0].grade"),
            FormErrorKind::InvalidAmount { value: "x1".into() }.at("members[0].grade"),
            FormErrorKind::AmountAsNumber { value: "x1".into() }.at("members[0].grade"),
            FormErrorKind::InvalidNumber { value: "x1".into() }.at("members[0].grade"),
            FormErrorKind::InvalidChoice {
                value: "x1".into(),
                allowed: "x1".into(),
            }
            .at("members[0].grade"),
            FormErrorKind::DateInFuture {
                date: date(),
                today: date(),
            }
            .at("members[0].grade"),
        ],
        8,
        |e| match e.kind() {
            FormErrorKind::Required => 0,
            FormErrorKind::InvalidDate { .. } => 1,
            FormErrorKind::InvalidDatetime { .. } => 2,
            FormErrorKind::InvalidAmount { .. } => 3,
            FormErrorKind::AmountAsNumber { .. } => 4,
            FormErrorKind::InvalidNumber { .. } => 5,
            FormErrorKind::InvalidChoice { .. } => 6,
            FormErrorKind::DateInFuture { .. } => 7,
        },
    ));
    out.extend(covered::<ScheduleError>(
        vec![
            ScheduleErrorKind::Calendar(CalendarErrorKind::NoWorkingDay {
                date: date(),
                days: 2,
            })
            .at("members[0].grade"),
            ScheduleErrorKind::UnknownTemplate { id: "x1".into() }.at("members[0].grade"),
            ScheduleErrorKind::UnknownLeadTime { id: "x1".into() }.at("members[0].grade"),
            ScheduleErrorKind::CalendarRequired.at("members[0].grade"),
            ScheduleErrorKind::DateOutOfRange {
                date: date(),
                days: 2,
            }
            .at("members[0].grade"),
            ScheduleErrorKind::UnknownMilestone { id: "x1".into() }.at("members[0].grade"),
            ScheduleErrorKind::ApprovalPending {
                id: "x1".into(),
                gate: "x1".into(),
                role: Role::Advisor,
            }
            .at("members[0].grade"),
            ScheduleErrorKind::invalid_template("title_empty", []).at("members[0].grade"),
            ScheduleErrorKind::IcalDateOutOfRange { date: date() }.at("members[0].grade"),
        ],
        9,
        |e| match e.kind() {
            ScheduleErrorKind::Calendar(_) => 0,
            ScheduleErrorKind::UnknownTemplate { .. } => 1,
            ScheduleErrorKind::UnknownLeadTime { .. } => 2,
            ScheduleErrorKind::CalendarRequired => 3,
            ScheduleErrorKind::DateOutOfRange { .. } => 4,
            ScheduleErrorKind::UnknownMilestone { .. } => 5,
            ScheduleErrorKind::ApprovalPending { .. } => 6,
            ScheduleErrorKind::InvalidTemplate { .. } => 7,
            ScheduleErrorKind::IcalDateOutOfRange { .. } => 8,
        },
    ));
    out.extend(super::samples_money::selection_and_money());
    #[cfg(feature = "schema")]
    out.push(Box::new(
        crate::schema::SchemaErrorKind::UnknownName { name: "x1".into() }.at("members[0].grade"),
    ));
    out
}
