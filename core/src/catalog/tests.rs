//! The catalogs' own tests: every code in every locale, placeholders that name parameters,
//! no message that starts with its path, the same keys in every catalog.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::activity::{ActivityError, ActivityState, ActivityWarning, StepAction};
use crate::attendance::{AttendanceError, EventId, LeaveError};
use crate::authority::{Action, AuthorityError};
use crate::budget::{BudgetError, BudgetWarning, Decimal};
use crate::calendar::CalendarError;
use crate::diagnostic::Diagnostic;
use crate::evaluation::EvaluationError;
use crate::forms::FormError;
use crate::ids::ActivityId;
use crate::input::InputError;
use crate::members::{MemberError, MemberId, Role};
use crate::recruitment::RecruitmentError;
use crate::rule::{RuleRef, RulebookError};
use crate::schedule::ScheduleError;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2002, 10, 14).unwrap_or_default()
}

fn datetime() -> NaiveDateTime {
    date().and_hms_opt(19, 0, 0).unwrap_or_default()
}

fn rule() -> RuleRef {
    RuleRef {
        key: "schedule.lead_times.plan_after_notice".into(),
        article: "discipline §6".into(),
    }
}

/// The samples of one error type, checked to hold every variant: `index` is an exhaustive
/// match, so a new variant does not compile until it is listed there, and the test fails
/// until a sample of it is here.
fn covered<T: Diagnostic + 'static>(
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
fn every_diagnostic() -> Vec<Box<dyn Diagnostic>> {
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
    out.extend(covered::<RecruitmentError>(
        vec![
            RecruitmentError::AfterDeadline {
                path: "members[0].grade".into(),
                decided_on: date(),
                deadline: date(),
            },
            RecruitmentError::RegisteredAfterDeadline {
                path: "members[0].grade".into(),
                registered_on: date(),
                deadline: date(),
            },
            RecruitmentError::ReferrerInactive {
                path: "members[0].grade".into(),
                referrer: MemberId("m1".into()),
            },
            RecruitmentError::DuplicateCandidate {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            RecruitmentError::Empty {
                path: "members[0].grade".into(),
                field: "id",
            },
            RecruitmentError::ReferralWithoutReferrer {
                path: "members[0].grade".into(),
            },
            RecruitmentError::ScoreOutOfScale {
                path: "members[0].grade".into(),
                value: "x1".into(),
                min: "x1".into(),
                max: "x1".into(),
            },
            RecruitmentError::InvalidYear {
                path: "members[0].grade".into(),
                year: 2002,
            },
            RecruitmentError::GradeAfterYear {
                path: "members[0].grade".into(),
                grade: 2,
                year: 2002,
            },
            RecruitmentError::UnknownTeamRules {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            RecruitmentError::DuplicateTeamMember {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            RecruitmentError::InvalidPlan {
                path: "members[0].grade".into(),
                detail: "over_32_places",
            },
            RecruitmentError::Overflow {
                path: "members[0].grade".into(),
            },
        ],
        13,
        |e| match e {
            RecruitmentError::AfterDeadline { .. } => 0,
            RecruitmentError::RegisteredAfterDeadline { .. } => 1,
            RecruitmentError::ReferrerInactive { .. } => 2,
            RecruitmentError::DuplicateCandidate { .. } => 3,
            RecruitmentError::Empty { .. } => 4,
            RecruitmentError::ReferralWithoutReferrer { .. } => 5,
            RecruitmentError::ScoreOutOfScale { .. } => 6,
            RecruitmentError::InvalidYear { .. } => 7,
            RecruitmentError::GradeAfterYear { .. } => 8,
            RecruitmentError::UnknownTeamRules { .. } => 9,
            RecruitmentError::DuplicateTeamMember { .. } => 10,
            RecruitmentError::InvalidPlan { .. } => 11,
            RecruitmentError::Overflow { .. } => 12,
        },
    ));
    out.extend(covered::<BudgetError>(
        vec![
            BudgetError::InvalidActivityId {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
            },
            BudgetError::NonPositiveAmount {
                path: "members[0].grade".into(),
                amount: Decimal::ONE,
            },
            BudgetError::NegativeAmount {
                path: "members[0].grade".into(),
                amount: Decimal::ONE,
            },
            BudgetError::TooManyDecimals {
                path: "members[0].grade".into(),
                amount: Decimal::ONE,
                places: 2,
            },
            BudgetError::UnknownActivity {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
            },
            BudgetError::DuplicateActivity {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
            },
            BudgetError::UnknownLine {
                path: "members[0].grade".into(),
                line: "x1".into(),
            },
            BudgetError::UnknownCategory {
                path: "members[0].grade".into(),
                category: "x1".into(),
                line: "x1".into(),
                allowed: "x1".into(),
            },
            BudgetError::MissingReceipt {
                path: "members[0].grade".into(),
            },
            BudgetError::OutsideYear {
                path: "members[0].grade".into(),
                date: date(),
                start: date(),
                end: date(),
            },
            BudgetError::BeforeReservation {
                path: "members[0].grade".into(),
                date: date(),
                reserved_on: date(),
            },
            BudgetError::AccountSettled {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                settled_on: date(),
            },
            BudgetError::OverLineMax {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                line: "x1".into(),
                approved_after: Decimal::ONE,
                max: Decimal::ONE,
            },
            BudgetError::OverActivityMax {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                spent_after: Decimal::ONE,
                approved: Decimal::ONE,
            },
            BudgetError::OverAnnualCap {
                path: "members[0].grade".into(),
                committed_after: Decimal::ONE,
                cap: Decimal::ONE,
            },
            BudgetError::Overflow {
                path: "members[0].grade".into(),
            },
            BudgetError::InconsistentLedger {
                path: "members[0].grade".into(),
                detail: "x1".into(),
            },
        ],
        17,
        |e| match e {
            BudgetError::InvalidActivityId { .. } => 0,
            BudgetError::NonPositiveAmount { .. } => 1,
            BudgetError::NegativeAmount { .. } => 2,
            BudgetError::TooManyDecimals { .. } => 3,
            BudgetError::UnknownActivity { .. } => 4,
            BudgetError::DuplicateActivity { .. } => 5,
            BudgetError::UnknownLine { .. } => 6,
            BudgetError::UnknownCategory { .. } => 7,
            BudgetError::MissingReceipt { .. } => 8,
            BudgetError::OutsideYear { .. } => 9,
            BudgetError::BeforeReservation { .. } => 10,
            BudgetError::AccountSettled { .. } => 11,
            BudgetError::OverLineMax { .. } => 12,
            BudgetError::OverActivityMax { .. } => 13,
            BudgetError::OverAnnualCap { .. } => 14,
            BudgetError::Overflow { .. } => 15,
            BudgetError::InconsistentLedger { .. } => 16,
        },
    ));
    out.extend(covered::<ActivityError>(
        vec![
            ActivityError::InvalidId {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
            },
            ActivityError::Duplicate {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
            },
            ActivityError::Unknown {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
            },
            ActivityError::MissingField {
                path: "members[0].grade".into(),
                field: "purpose",
            },
            ActivityError::RiskWithoutCountermeasure {
                path: "members[0].grade".into(),
                risk: "x1".into(),
            },
            ActivityError::EndBeforeStart {
                path: "members[0].grade".into(),
                start: date(),
                end: date(),
            },
            ActivityError::StartsBeforeSubmission {
                path: "members[0].grade".into(),
                start: date(),
                submitted_on: date(),
            },
            ActivityError::SubmissionLate {
                path: "members[0].grade".into(),
                rule: rule(),
                deadline: date(),
                submitted_on: date(),
                days_late: 2,
            },
            ActivityError::LeaderInactive {
                path: "members[0].grade".into(),
                leader: MemberId("m1".into()),
            },
            ActivityError::NotApproved {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
                state: ActivityState::Draft,
            },
            ActivityError::InvalidTransition {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
                action: StepAction::Submit,
                state: ActivityState::Draft,
            },
            ActivityError::NotDraft {
                path: "members[0].grade".into(),
                id: ActivityId("a1".into()),
                state: ActivityState::Draft,
            },
            ActivityError::NotProjectLeader {
                path: "members[0].grade".into(),
                actor: MemberId("m1".into()),
                action: StepAction::Submit,
                leader: MemberId("m1".into()),
            },
            ActivityError::SelfApproval {
                path: "members[0].grade".into(),
                actor: MemberId("m1".into()),
                action: StepAction::Submit,
            },
            ActivityError::DateBeforePrevious {
                path: "members[0].grade".into(),
                date: date(),
                previous: date(),
            },
        ],
        15,
        |e| match e {
            ActivityError::InvalidId { .. } => 0,
            ActivityError::Duplicate { .. } => 1,
            ActivityError::Unknown { .. } => 2,
            ActivityError::MissingField { .. } => 3,
            ActivityError::RiskWithoutCountermeasure { .. } => 4,
            ActivityError::EndBeforeStart { .. } => 5,
            ActivityError::StartsBeforeSubmission { .. } => 6,
            ActivityError::SubmissionLate { .. } => 7,
            ActivityError::LeaderInactive { .. } => 8,
            ActivityError::NotApproved { .. } => 9,
            ActivityError::InvalidTransition { .. } => 10,
            ActivityError::NotDraft { .. } => 11,
            ActivityError::NotProjectLeader { .. } => 12,
            ActivityError::SelfApproval { .. } => 13,
            ActivityError::DateBeforePrevious { .. } => 14,
        },
    ));
    out.extend(covered::<EvaluationError>(
        vec![
            EvaluationError::UnknownScheme {
                path: "members[0].grade".into(),
                scheme: "x1".into(),
            },
            EvaluationError::ScoreOutOfScale {
                path: "members[0].grade".into(),
                value: "x1".into(),
                min: "x1".into(),
                max: "x1".into(),
            },
            EvaluationError::MissingScore {
                path: "members[0].grade".into(),
                candidate: "x1".into(),
                judge: "x1".into(),
                criterion: "x1".into(),
            },
            EvaluationError::TooFewScores {
                path: "members[0].grade".into(),
                candidate: "x1".into(),
                criterion: "x1".into(),
                count: 2,
                needed: 2,
            },
            EvaluationError::NonPositiveWeight {
                path: "members[0].grade".into(),
                criterion: "x1".into(),
                weight: "x1".into(),
            },
            EvaluationError::DuplicateCandidate {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::DuplicateJudge {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::DuplicateCriterion {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::UnknownCandidate {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::UnknownJudge {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::UnknownCriterion {
                path: "members[0].grade".into(),
                id: "x1".into(),
            },
            EvaluationError::EmptyId {
                path: "members[0].grade".into(),
                field: "judge",
            },
            EvaluationError::NoCriteria {
                path: "members[0].grade".into(),
            },
            EvaluationError::InvalidScale {
                path: "members[0].grade".into(),
                min: "x1".into(),
                max: "x1".into(),
            },
            EvaluationError::InvalidSetting {
                path: "members[0].grade".into(),
                expected_en: "x1".into(),
                expected_zh: "x1".into(),
            },
            EvaluationError::Overflow {
                path: "members[0].grade".into(),
                candidate: "x1".into(),
            },
        ],
        16,
        |e| match e {
            EvaluationError::UnknownScheme { .. } => 0,
            EvaluationError::ScoreOutOfScale { .. } => 1,
            EvaluationError::MissingScore { .. } => 2,
            EvaluationError::TooFewScores { .. } => 3,
            EvaluationError::NonPositiveWeight { .. } => 4,
            EvaluationError::DuplicateCandidate { .. } => 5,
            EvaluationError::DuplicateJudge { .. } => 6,
            EvaluationError::DuplicateCriterion { .. } => 7,
            EvaluationError::UnknownCandidate { .. } => 8,
            EvaluationError::UnknownJudge { .. } => 9,
            EvaluationError::UnknownCriterion { .. } => 10,
            EvaluationError::EmptyId { .. } => 11,
            EvaluationError::NoCriteria { .. } => 12,
            EvaluationError::InvalidScale { .. } => 13,
            EvaluationError::InvalidSetting { .. } => 14,
            EvaluationError::Overflow { .. } => 15,
        },
    ));
    out.extend(covered::<BudgetWarning>(
        vec![
            BudgetWarning::NearActivityMax {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                spent: Decimal::ONE,
                approved: Decimal::ONE,
                percent: 2,
            },
            BudgetWarning::NearAnnualCap {
                path: "members[0].grade".into(),
                used: Decimal::ONE,
                cap: Decimal::ONE,
                percent: 2,
            },
            BudgetWarning::BelowLineRange {
                path: "members[0].grade".into(),
                line: "x1".into(),
                amount: Decimal::ONE,
                min: Decimal::ONE,
            },
        ],
        3,
        |e| match e {
            BudgetWarning::NearActivityMax { .. } => 0,
            BudgetWarning::NearAnnualCap { .. } => 1,
            BudgetWarning::BelowLineRange { .. } => 2,
        },
    ));
    out.extend(covered::<ActivityWarning>(
        vec![
            ActivityWarning::SubmittedEarly {
                path: "members[0].grade".into(),
                rule: rule(),
                opens: date(),
                submitted_on: date(),
                days_early: 2,
            },
            ActivityWarning::SummaryOverdue {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                rule: rule(),
                completed_on: date(),
                due: date(),
                days_overdue: 2,
            },
            ActivityWarning::SummaryLate {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                rule: rule(),
                due: date(),
                filed_on: date(),
                days_late: 2,
            },
        ],
        3,
        |e| match e {
            ActivityWarning::SubmittedEarly { .. } => 0,
            ActivityWarning::SummaryOverdue { .. } => 1,
            ActivityWarning::SummaryLate { .. } => 2,
        },
    ));
    #[cfg(feature = "schema")]
    out.push(Box::new(crate::schema::SchemaError::UnknownName {
        path: "members[0].grade".into(),
        name: "x1".into(),
    }));
    out
}

/// Parameters that no template of their code writes, and why they are kept.
const UNUSED_PARAMS: &[(&str, &str, &str)] = &[
    (
        "schema.unknown_name",
        "known",
        "every schema name: for a program offering the choices, too long for a sentence",
    ),
    (
        "form.required",
        "field",
        "the field's path again, for a form that labels the field itself",
    ),
];

/// Every template a diagnostic's message can be made of: its code's text (or both plural
/// forms) and the words its parameters' values choose.
fn templates_of(d: &dyn Diagnostic, locale: Locale) -> Vec<(String, &'static str)> {
    let code = d.code();
    let mut out = Vec::new();
    match (text(locale, code), counted_param(code)) {
        (Some(t), _) => out.push((code.to_owned(), t)),
        (None, Some(p)) => {
            for form in ["one", "other"] {
                let key = format!("{code}.{p}.{form}");
                if let Some(t) = text(locale, &key) {
                    out.push((key, t));
                }
            }
        }
        (None, None) => {}
    }
    let area = code.split_once('.').map_or(code, |(a, _)| a);
    for (name, value) in d.params() {
        for key in [
            format!("{code}.{name}.{value}"),
            format!("{area}.{name}.{value}"),
            format!("{name}.{value}"),
        ] {
            if let Some(t) = text(locale, &key) {
                out.push((key, t));
                break;
            }
        }
    }
    out
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    let all = every_diagnostic();
    assert!(all.len() > 120, "{} samples", all.len());
    for d in &all {
        for &locale in Locale::ALL {
            let code = d.code();
            let own = text(locale, code).is_some();
            let plural = counted_param(code).is_some_and(|p| {
                ["one", "other"]
                    .iter()
                    .all(|f| text(locale, &format!("{code}.{p}.{f}")).is_some())
            });
            assert!(own || plural, "{code} has no message in {}", locale.tag());
            let message = d.message(locale);
            assert!(
                !message.is_empty() && message != code,
                "{code} in {}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_placeholder_names_a_param_and_every_param_is_written() {
    for d in &every_diagnostic() {
        let code = d.code();
        let params = d.params();
        let mut used: Vec<&str> = counted_param(code).into_iter().collect();
        for &locale in Locale::ALL {
            for (key, template) in templates_of(d.as_ref(), locale) {
                for name in placeholders(template) {
                    assert!(
                        params.contains_key(name),
                        "{key} ({}) names {{{name}}}, not a parameter of {code}: {params:?}",
                        locale.tag()
                    );
                    used.push(name);
                }
            }
            assert!(
                !d.message(locale).contains('{'),
                "{code} ({}) leaves a placeholder unfilled: {}",
                locale.tag(),
                d.message(locale)
            );
        }
        for name in params.keys() {
            let chooses_a_word = templates_of(d.as_ref(), Locale::En)
                .iter()
                .any(|(key, _)| key.ends_with(&format!("{name}.{}", params[name])));
            let allowed = UNUSED_PARAMS
                .iter()
                .any(|(c, p, _)| *c == code && p == name);
            assert!(
                used.contains(name) || chooses_a_word || allowed,
                "{code}: the parameter {name} is written by no template (list it in \
                 UNUSED_PARAMS with the reason)"
            );
        }
    }
}

#[test]
fn no_message_starts_with_its_path() {
    for d in &every_diagnostic() {
        for &locale in Locale::ALL {
            let message = d.message(locale);
            assert!(
                d.path().is_empty() || !message.starts_with(d.path()),
                "{} ({}): {message}",
                d.code(),
                locale.tag()
            );
        }
    }
}

#[test]
fn every_catalog_has_the_same_keys() {
    // The build stops when they differ; here, every key has a text in every locale.
    let all: Vec<&str> = keys().collect();
    let mut sorted = all.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "each key once");
    for &locale in Locale::ALL {
        for key in &all {
            assert!(
                report_text(locale, key).is_some(),
                "{key} in {}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_template_of_a_catalog_names_the_same_placeholders_in_every_locale() {
    for key in keys() {
        let mut english = placeholders(label(Locale::En, key));
        english.sort_unstable();
        for &locale in Locale::ALL {
            let mut these = placeholders(label(locale, key));
            these.sort_unstable();
            // A singular form may write the count as a word ("one more ...").
            if !key.ends_with(".one") {
                assert_eq!(english, these, "{key} in {}", locale.tag());
            }
        }
    }
}

#[test]
fn a_locale_is_one_catalog_file_and_one_line_of_the_list() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let list = std::fs::read_to_string(format!("{dir}/locales.toml")).unwrap_or_default();
    let lines = list.lines().filter(|l| l.contains("tag = ")).count();
    assert_eq!(lines, Locale::ALL.len());
    for &locale in Locale::ALL {
        assert!(std::path::Path::new(&format!("{dir}/{}.toml", locale.tag())).exists());
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        let json = serde_json::to_string(&locale).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", locale.tag()));
    }
    for (alias, locale) in [
        ("zh", Locale::ZhHans),
        ("zh-CN", Locale::ZhHans),
        ("zh-TW", Locale::ZhHant),
        ("zh-HK", Locale::ZhHant),
    ] {
        assert_eq!(Locale::from_tag(alias), Some(locale));
        let read: Option<Locale> = serde_json::from_str(&format!("\"{alias}\"")).ok();
        assert_eq!(read, Some(locale));
    }
}

#[test]
fn traditional_chinese_is_written_in_traditional_characters() {
    // Characters that only Simplified Chinese writes (their Traditional forms differ).
    let simplified_only = "们这个为时会对发经过动进还没与应请设计审员队级学语数录选报费项负责\
                           条节间实现题样线终结签记证财银转单从网获缺迟务议规则则";
    let simplified_only: Vec<char> = simplified_only.chars().filter(|c| *c != '缺').collect();
    for key in keys() {
        let text = label(Locale::ZhHant, key);
        let found: Vec<char> = text
            .chars()
            .filter(|c| simplified_only.contains(c))
            .collect();
        assert!(found.is_empty(), "{key}: {text} has {found:?}");
    }
}

#[test]
fn a_stored_issue_renders_again_in_any_locale() {
    let error = crate::Error::from(LeaveError::NoSubstitute {
        path: "substitute".into(),
    });
    let issue = error.issue(Locale::En);
    assert_eq!(
        issue.message_in(Locale::ZhHans),
        "未安排替班人：请假须安排他人代为负责"
    );
    assert_eq!(
        issue.message_in(Locale::ZhHant),
        "未安排代班人：請假須先找好代班的人"
    );
    let late = crate::Error::from(ActivityError::SubmissionLate {
        path: "notice_received".into(),
        rule: rule(),
        deadline: date(),
        submitted_on: date(),
        days_late: 1,
    });
    let stored: crate::Issue = serde_json::from_value(
        serde_json::to_value(late.issue(Locale::ZhHans)).unwrap_or_default(),
    )
    .unwrap_or_else(|_| late.issue(Locale::En));
    assert!(stored.message_in(Locale::En).contains("1 day after"));
    assert_eq!(
        stored.message_in(Locale::ZhHant),
        late.message(Locale::ZhHant)
    );
}

#[test]
fn stored_results_render_again_in_any_locale() {
    let data = crate::TermData::sample();
    let rulebook = crate::Rulebook::default();
    let today = NaiveDate::from_ymd_opt(2002, 10, 20).unwrap_or_default();
    let report = crate::term_report(&rulebook, &data, today).ok();
    let json = report
        .and_then(|r| serde_json::to_value(r).ok())
        .unwrap_or_default();
    let refused: Vec<crate::Issue> = json["leave"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["refused"].as_array().cloned().unwrap_or_default())
        .filter_map(|i| serde_json::from_value(i).ok())
        .collect();
    assert!(!refused.is_empty(), "the sample term refuses some leave");
    for issue in &refused {
        assert_eq!(issue.message_in(Locale::En), issue.message);
        for &locale in Locale::ALL {
            let again = issue.message_in(locale);
            assert!(!again.contains('{') && again != issue.code, "{again}");
        }
        assert_ne!(issue.message_in(Locale::ZhHant), issue.message);
    }
    let form = crate::forms::FormIssue::from_diagnostic(
        &LeaveError::NoReason {
            path: "reason".into(),
        },
        Locale::En,
    );
    assert_eq!(form.message_in(Locale::ZhHant), "請填寫請假事由");
}
