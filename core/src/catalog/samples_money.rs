//! Samples of the selection and money areas' errors and warnings (recruitment, budget,
//! activity, evaluation), for the catalogs' tests; the other areas are in `samples.rs`.

use super::samples::{covered, date, rule};
use crate::activity::{ActivityError, ActivityState, ActivityWarning, StepAction};
use crate::budget::{BudgetError, BudgetWarning, Decimal};
use crate::diagnostic::Diagnostic;
use crate::evaluation::EvaluationError;
use crate::ids::ActivityId;
use crate::members::MemberId;
use crate::recruitment::RecruitmentError;

/// One sample of every variant of the selection and money areas' errors and warnings.
pub(super) fn selection_and_money() -> Vec<Box<dyn Diagnostic>> {
    let mut out = Vec::new();
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
            BudgetError::UnknownEntry {
                path: "members[0].grade".into(),
                entry: 7,
            },
            BudgetError::NotReversible {
                path: "members[0].grade".into(),
                entry: 3,
                kind: crate::budget::EntryKind::Reversal,
            },
            BudgetError::NotReversible {
                path: "members[0].grade".into(),
                entry: 3,
                kind: crate::budget::EntryKind::BalanceAssertion,
            },
            BudgetError::AlreadyReversed {
                path: "members[0].grade".into(),
                entry: 2,
                by: 3,
            },
            BudgetError::BeforeOriginal {
                path: "members[0].grade".into(),
                date: date(),
                entry: 2,
                original_on: date(),
            },
            BudgetError::MissingReason {
                path: "members[0].grade".into(),
            },
            BudgetError::ReversalBelowSpent {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                approved_after: Decimal::ONE,
                spent: Decimal::TWO,
            },
            BudgetError::BalanceMismatch {
                path: "members[0].grade".into(),
                activity: ActivityId("a1".into()),
                date: date(),
                counted: Decimal::ONE,
                expected: Decimal::TWO,
                difference: Decimal::NEGATIVE_ONE,
            },
        ],
        24,
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
            BudgetError::UnknownEntry { .. } => 17,
            BudgetError::NotReversible { .. } => 18,
            BudgetError::AlreadyReversed { .. } => 19,
            BudgetError::BeforeOriginal { .. } => 20,
            BudgetError::MissingReason { .. } => 21,
            BudgetError::ReversalBelowSpent { .. } => 22,
            BudgetError::BalanceMismatch { .. } => 23,
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
    out
}
