//! One sample of every variant of every error and warning of the crate, for the catalogs'
//! tests (`tests.rs`).

use chrono::{NaiveDate, NaiveDateTime};

use crate::attendance::{AttendanceError, EventId, LeaveError};
use crate::authority::{Action, AuthorityError};
use crate::calendar::CalendarError;
use crate::diagnostic::Diagnostic;
use crate::forms::FormError;
use crate::input::InputError;
use crate::members::{MemberError, MemberId, Role};
use crate::rule::{RuleRef, RulebookError};
use crate::schedule::ScheduleError;

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
            AttendanceError::UnknownEvent {
                path: "members[0].grade".into(),
                id: EventId("e1".into()),
            },
            AttendanceError::DuplicateEvent {
                path: "members[0].grade".into(),
                id: EventId("e1".into()),
            },
            AttendanceError::InvalidEvent {
                path: "members[0].grade".into(),
                id: EventId("e1".into()),
                detail: "empty_id",
            },
            AttendanceError::DuplicateMark {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            },
            AttendanceError::MarkShape {
                path: "members[0].grade".into(),
                given: "both",
            },
            AttendanceError::SignOutBeforeSignIn {
                path: "members[0].grade".into(),
                sign_out: datetime(),
            },
            AttendanceError::ExcusedWithoutLeave {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            },
            AttendanceError::NoSemester {
                path: "members[0].grade".into(),
                today: date(),
            },
            AttendanceError::DateOutOfRange {
                path: "members[0].grade".into(),
            },
            AttendanceError::ColumnLength {
                path: "members[0].grade".into(),
                expected: 2,
                actual: 2,
            },
            AttendanceError::CodeOutOfRange {
                path: "members[0].grade".into(),
                code: 2,
                len: 2,
            },
        ],
        11,
        |e| match e {
            AttendanceError::UnknownEvent { .. } => 0,
            AttendanceError::DuplicateEvent { .. } => 1,
            AttendanceError::InvalidEvent { .. } => 2,
            AttendanceError::DuplicateMark { .. } => 3,
            AttendanceError::MarkShape { .. } => 4,
            AttendanceError::SignOutBeforeSignIn { .. } => 5,
            AttendanceError::ExcusedWithoutLeave { .. } => 6,
            AttendanceError::NoSemester { .. } => 7,
            AttendanceError::DateOutOfRange { .. } => 8,
            AttendanceError::ColumnLength { .. } => 9,
            AttendanceError::CodeOutOfRange { .. } => 10,
        },
    ));
    out.extend(covered::<LeaveError>(
        vec![
            LeaveError::NoSubstitute {
                path: "members[0].grade".into(),
            },
            LeaveError::SubstituteIsRequester {
                path: "members[0].grade".into(),
            },
            LeaveError::SubstituteInactive {
                path: "members[0].grade".into(),
                substitute: MemberId("m1".into()),
            },
            LeaveError::SubstituteOnLeave {
                path: "members[0].grade".into(),
                substitute: MemberId("m1".into()),
            },
            LeaveError::RequesterIsSubstitute {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
                absentee: MemberId("m1".into()),
            },
            LeaveError::NoReason {
                path: "members[0].grade".into(),
            },
            LeaveError::TooLate {
                path: "members[0].grade".into(),
                requested_at: datetime(),
                deadline: datetime(),
                notice_minutes: 2,
            },
            LeaveError::WrongApprover {
                path: "members[0].grade".into(),
                approver: MemberId("m1".into()),
                designated: Some(MemberId("m2".into())),
            },
            LeaveError::SelfApproval {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
            },
            LeaveError::RequesterInactive {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
            },
            LeaveError::AlreadyGranted {
                path: "members[0].grade".into(),
                member: MemberId("m1".into()),
                event: EventId("e1".into()),
            },
        ],
        11,
        |e| match e {
            LeaveError::NoSubstitute { .. } => 0,
            LeaveError::SubstituteIsRequester { .. } => 1,
            LeaveError::SubstituteInactive { .. } => 2,
            LeaveError::SubstituteOnLeave { .. } => 3,
            LeaveError::RequesterIsSubstitute { .. } => 4,
            LeaveError::NoReason { .. } => 5,
            LeaveError::TooLate { .. } => 6,
            LeaveError::WrongApprover { .. } => 7,
            LeaveError::SelfApproval { .. } => 8,
            LeaveError::RequesterInactive { .. } => 9,
            LeaveError::AlreadyGranted { .. } => 10,
        },
    ));
    out.extend(covered::<MemberError>(
        vec![
            MemberError::InvalidGrade {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            MemberError::DuplicateId {
                path: "members[0].grade".into(),
                id: MemberId("m1".into()),
            },
            MemberError::Empty {
                path: "members[0].grade".into(),
                field: "name",
            },
            MemberError::Unknown {
                path: "members[0].grade".into(),
                id: MemberId("m1".into()),
            },
        ],
        4,
        |e| match e {
            MemberError::InvalidGrade { .. } => 0,
            MemberError::DuplicateId { .. } => 1,
            MemberError::Empty { .. } => 2,
            MemberError::Unknown { .. } => 3,
        },
    ));
    out.extend(covered::<AuthorityError>(
        vec![AuthorityError::NotPermitted {
            path: "members[0].grade".into(),
            actor: MemberId("m1".into()),
            action: Action::ApproveLeave,
            roles: "x1".into(),
            allowed: "x1".into(),
        }],
        1,
        |e| match e {
            AuthorityError::NotPermitted { .. } => 0,
        },
    ));
    out.extend(covered::<RulebookError>(
        vec![
            RulebookError::Syntax {
                format: "toml",
                detail: "x1".into(),
            },
            RulebookError::UnknownKey {
                path: "members[0].grade".into(),
            },
            RulebookError::InvalidType {
                path: "members[0].grade".into(),
                detail: "x1".into(),
            },
            RulebookError::OutOfRange {
                path: "members[0].grade".into(),
                value: 2,
                min: 2,
                max: 2,
            },
            RulebookError::Inconsistent {
                path: "members[0].grade".into(),
                expected_en: "x1".into(),
                expected_zh: "x1".into(),
            },
        ],
        5,
        |e| match e {
            RulebookError::Syntax { .. } => 0,
            RulebookError::UnknownKey { .. } => 1,
            RulebookError::InvalidType { .. } => 2,
            RulebookError::OutOfRange { .. } => 3,
            RulebookError::Inconsistent { .. } => 4,
        },
    ));
    out.extend(covered::<InputError>(
        vec![
            InputError::Syntax {
                format: "json",
                detail: "x1".into(),
            },
            InputError::Invalid {
                code: "input.invalid",
                path: "members[0].grade".into(),
                detail: "x1".into(),
            },
        ],
        2,
        |e| match e {
            InputError::Syntax { .. } => 0,
            InputError::Invalid { .. } => 1,
        },
    ));
    out.extend(covered::<CalendarError>(
        vec![
            CalendarError::InvalidPeriod {
                path: "members[0].grade".into(),
                start: date(),
                end: date(),
            },
            CalendarError::TermTooLong {
                path: "members[0].grade".into(),
                start: date(),
                end: date(),
                max_days: 2,
            },
            CalendarError::DateOutOfRange {
                path: "members[0].grade".into(),
                date: date(),
                days: 2,
            },
            CalendarError::NoWorkingDay {
                path: "members[0].grade".into(),
                date: date(),
                days: 2,
            },
        ],
        4,
        |e| match e {
            CalendarError::InvalidPeriod { .. } => 0,
            CalendarError::TermTooLong { .. } => 1,
            CalendarError::DateOutOfRange { .. } => 2,
            CalendarError::NoWorkingDay { .. } => 3,
        },
    ));
    out.extend(covered::<FormError>(
        vec![
            FormError::Required {
                path: "members[0].grade".into(),
            },
            FormError::InvalidDate {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            FormError::InvalidDatetime {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            FormError::InvalidAmount {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            FormError::AmountAsNumber {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            FormError::InvalidNumber {
                path: "members[0].grade".into(),
                value: "x1".into(),
            },
            FormError::InvalidChoice {
                path: "members[0].grade".into(),
                value: "x1".into(),
                allowed: "x1".into(),
            },
            FormError::DateInFuture {
                path: "members[0].grade".into(),
                date: date(),
                today: date(),
            },
        ],
        8,
        |e| match e {
            FormError::Required { .. } => 0,
            FormError::InvalidDate { .. } => 1,
            FormError::InvalidDatetime { .. } => 2,
            FormError::InvalidAmount { .. } => 3,
            FormError::AmountAsNumber { .. } => 4,
            FormError::InvalidNumber { .. } => 5,
            FormError::InvalidChoice { .. } => 6,
            FormError::DateInFuture { .. } => 7,
        },
    ));
    out.extend(covered::<ScheduleError>(
        vec![
            ScheduleError::Calendar(CalendarError::NoWorkingDay {
                path: "members[0].grade".into(),
                date: date(),
                days: 2,
            }),
            ScheduleError::UnknownTemplate {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            ScheduleError::UnknownLeadTime {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            ScheduleError::CalendarRequired {
                path: "members[0].grade".into(),
            },
            ScheduleError::DateOutOfRange {
                path: "members[0].grade".into(),
                date: date(),
                days: 2,
            },
            ScheduleError::UnknownMilestone {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            ScheduleError::ApprovalPending {
                path: "members[0].grade".into(),
                id: "x1".into(),
                gate: "x1".into(),
                role: Role::Advisor,
            },
            ScheduleError::InvalidTemplate {
                path: "members[0].grade".into(),
                expected_en: "x1".into(),
                expected_zh: "x1".into(),
            },
            ScheduleError::IcalDateOutOfRange {
                path: "members[0].grade".into(),
                date: date(),
            },
        ],
        9,
        |e| match e {
            ScheduleError::Calendar(_) => 0,
            ScheduleError::UnknownTemplate { .. } => 1,
            ScheduleError::UnknownLeadTime { .. } => 2,
            ScheduleError::CalendarRequired { .. } => 3,
            ScheduleError::DateOutOfRange { .. } => 4,
            ScheduleError::UnknownMilestone { .. } => 5,
            ScheduleError::ApprovalPending { .. } => 6,
            ScheduleError::InvalidTemplate { .. } => 7,
            ScheduleError::IcalDateOutOfRange { .. } => 8,
        },
    ));
    out.extend(super::samples_money::selection_and_money());
    #[cfg(feature = "schema")]
    out.push(Box::new(crate::schema::SchemaError::UnknownName {
        path: "members[0].grade".into(),
        name: "x1".into(),
    }));
    out
}
