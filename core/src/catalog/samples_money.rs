//! Samples of the selection and money areas' errors and warnings (recruitment, budget,
//! activity, evaluation), for the catalogs' tests; the other areas are in `samples.rs`.

use super::samples::{covered, date, rule};
use crate::activity::{
    ActivityError, ActivityErrorKind, ActivityState, ActivityWarning, StepAction,
};
use crate::budget::{BudgetError, BudgetErrorKind, BudgetWarning, Decimal};
use crate::diagnostic::Diagnostic;
use crate::evaluation::{EvaluationError, EvaluationErrorKind};
use crate::ids::ActivityId;
use crate::members::MemberId;
use crate::recruitment::{RecruitmentError, RecruitmentErrorKind};

/// One sample of every variant of the selection and money areas' errors and warnings.
pub(super) fn selection_and_money() -> Vec<Box<dyn Diagnostic>> {
    let mut out = Vec::new();
    out.extend(covered::<RecruitmentError>(
        vec![
            RecruitmentErrorKind::AfterDeadline {
                decided_on: date(),
                deadline: date(),
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::RegisteredAfterDeadline {
                registered_on: date(),
                deadline: date(),
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::ReferrerInactive {
                referrer: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::DuplicateCandidate { id: "x1".into() }.at("members[0].grade"),
            RecruitmentErrorKind::Empty { field: "id" }.at("members[0].grade"),
            RecruitmentErrorKind::ReferralWithoutReferrer.at("members[0].grade"),
            RecruitmentErrorKind::ScoreOutOfScale {
                value: "x1".into(),
                min: "x1".into(),
                max: "x1".into(),
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::InvalidYear { year: 2002 }.at("members[0].grade"),
            RecruitmentErrorKind::GradeAfterYear {
                grade: 2,
                year: 2002,
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::UnknownTeamRules { id: "x1".into() }.at("members[0].grade"),
            RecruitmentErrorKind::DuplicateTeamMember { id: "x1".into() }.at("members[0].grade"),
            RecruitmentErrorKind::InvalidPlan {
                detail: "over_32_places",
            }
            .at("members[0].grade"),
            RecruitmentErrorKind::Overflow.at("members[0].grade"),
        ],
        13,
        |e| match e.kind() {
            RecruitmentErrorKind::AfterDeadline { .. } => 0,
            RecruitmentErrorKind::RegisteredAfterDeadline { .. } => 1,
            RecruitmentErrorKind::ReferrerInactive { .. } => 2,
            RecruitmentErrorKind::DuplicateCandidate { .. } => 3,
            RecruitmentErrorKind::Empty { .. } => 4,
            RecruitmentErrorKind::ReferralWithoutReferrer => 5,
            RecruitmentErrorKind::ScoreOutOfScale { .. } => 6,
            RecruitmentErrorKind::InvalidYear { .. } => 7,
            RecruitmentErrorKind::GradeAfterYear { .. } => 8,
            RecruitmentErrorKind::UnknownTeamRules { .. } => 9,
            RecruitmentErrorKind::DuplicateTeamMember { .. } => 10,
            RecruitmentErrorKind::InvalidPlan { .. } => 11,
            RecruitmentErrorKind::Overflow => 12,
        },
    ));
    out.extend(covered::<BudgetError>(
        vec![
            BudgetErrorKind::InvalidActivityId {
                id: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            BudgetErrorKind::NonPositiveAmount {
                amount: Decimal::ONE,
            }
            .at("members[0].grade"),
            BudgetErrorKind::NegativeAmount {
                amount: Decimal::ONE,
            }
            .at("members[0].grade"),
            BudgetErrorKind::TooManyDecimals {
                amount: Decimal::ONE,
                places: 2,
            }
            .at("members[0].grade"),
            BudgetErrorKind::UnknownActivity {
                activity: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            BudgetErrorKind::DuplicateActivity {
                activity: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            BudgetErrorKind::UnknownLine { line: "x1".into() }.at("members[0].grade"),
            BudgetErrorKind::UnknownCategory {
                category: "x1".into(),
                line: "x1".into(),
                allowed: "x1".into(),
            }
            .at("members[0].grade"),
            BudgetErrorKind::MissingReceipt.at("members[0].grade"),
            BudgetErrorKind::OutsideYear {
                date: date(),
                start: date(),
                end: date(),
            }
            .at("members[0].grade"),
            BudgetErrorKind::BeforeReservation {
                date: date(),
                reserved_on: date(),
            }
            .at("members[0].grade"),
            BudgetErrorKind::AccountSettled {
                activity: ActivityId("a1".into()),
                settled_on: date(),
            }
            .at("members[0].grade"),
            BudgetErrorKind::OverLineMax {
                activity: ActivityId("a1".into()),
                line: "x1".into(),
                approved_after: Decimal::ONE,
                max: Decimal::ONE,
            }
            .at("members[0].grade"),
            BudgetErrorKind::OverActivityMax {
                activity: ActivityId("a1".into()),
                spent_after: Decimal::ONE,
                approved: Decimal::ONE,
            }
            .at("members[0].grade"),
            BudgetErrorKind::OverAnnualCap {
                committed_after: Decimal::ONE,
                cap: Decimal::ONE,
            }
            .at("members[0].grade"),
            BudgetErrorKind::Overflow.at("members[0].grade"),
            BudgetErrorKind::InconsistentLedger {
                detail: "x1".into(),
            }
            .at("members[0].grade"),
            BudgetErrorKind::UnknownEntry { entry: 7 }.at("entry"),
            BudgetErrorKind::NotReversible {
                entry: 3,
                kind: crate::budget::EntryKind::Reversal,
            }
            .at("entry"),
            BudgetErrorKind::NotReversible {
                entry: 3,
                kind: crate::budget::EntryKind::BalanceAssertion,
            }
            .at("entry"),
            BudgetErrorKind::AlreadyReversed { entry: 2, by: 3 }.at("entry"),
            BudgetErrorKind::BeforeOriginal {
                date: date(),
                entry: 2,
                original_on: date(),
            }
            .at("date"),
            BudgetErrorKind::MissingReason.at("reason"),
            BudgetErrorKind::ReversalBelowSpent {
                activity: ActivityId("a1".into()),
                approved_after: Decimal::ONE,
                spent: Decimal::TWO,
            }
            .at("entry"),
            BudgetErrorKind::BalanceMismatch {
                activity: ActivityId("a1".into()),
                date: date(),
                counted: Decimal::ONE,
                expected: Decimal::TWO,
                difference: Decimal::NEGATIVE_ONE,
            }
            .at("balance"),
        ],
        24,
        |e| match e.kind() {
            BudgetErrorKind::InvalidActivityId { .. } => 0,
            BudgetErrorKind::NonPositiveAmount { .. } => 1,
            BudgetErrorKind::NegativeAmount { .. } => 2,
            BudgetErrorKind::TooManyDecimals { .. } => 3,
            BudgetErrorKind::UnknownActivity { .. } => 4,
            BudgetErrorKind::DuplicateActivity { .. } => 5,
            BudgetErrorKind::UnknownLine { .. } => 6,
            BudgetErrorKind::UnknownCategory { .. } => 7,
            BudgetErrorKind::MissingReceipt => 8,
            BudgetErrorKind::OutsideYear { .. } => 9,
            BudgetErrorKind::BeforeReservation { .. } => 10,
            BudgetErrorKind::AccountSettled { .. } => 11,
            BudgetErrorKind::OverLineMax { .. } => 12,
            BudgetErrorKind::OverActivityMax { .. } => 13,
            BudgetErrorKind::OverAnnualCap { .. } => 14,
            BudgetErrorKind::Overflow => 15,
            BudgetErrorKind::InconsistentLedger { .. } => 16,
            BudgetErrorKind::UnknownEntry { .. } => 17,
            BudgetErrorKind::NotReversible { .. } => 18,
            BudgetErrorKind::AlreadyReversed { .. } => 19,
            BudgetErrorKind::BeforeOriginal { .. } => 20,
            BudgetErrorKind::MissingReason => 21,
            BudgetErrorKind::ReversalBelowSpent { .. } => 22,
            BudgetErrorKind::BalanceMismatch { .. } => 23,
        },
    ));
    out.extend(covered::<ActivityError>(
        vec![
            ActivityErrorKind::InvalidId {
                id: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            ActivityErrorKind::Duplicate {
                id: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            ActivityErrorKind::Unknown {
                id: ActivityId("a1".into()),
            }
            .at("members[0].grade"),
            ActivityErrorKind::MissingField { field: "purpose" }.at("members[0].grade"),
            ActivityErrorKind::RiskWithoutCountermeasure { risk: "x1".into() }
                .at("members[0].grade"),
            ActivityErrorKind::EndBeforeStart {
                start: date(),
                end: date(),
            }
            .at("members[0].grade"),
            ActivityErrorKind::StartsBeforeSubmission {
                start: date(),
                submitted_on: date(),
            }
            .at("members[0].grade"),
            ActivityErrorKind::SubmissionLate {
                rule: rule(),
                deadline: date(),
                submitted_on: date(),
                days_late: 2,
            }
            .at("members[0].grade"),
            ActivityErrorKind::LeaderInactive {
                leader: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            ActivityErrorKind::NotApproved {
                id: ActivityId("a1".into()),
                state: ActivityState::Draft,
            }
            .at("members[0].grade"),
            ActivityErrorKind::InvalidTransition {
                id: ActivityId("a1".into()),
                action: StepAction::Submit,
                state: ActivityState::Draft,
            }
            .at("members[0].grade"),
            ActivityErrorKind::NotDraft {
                id: ActivityId("a1".into()),
                state: ActivityState::Draft,
            }
            .at("members[0].grade"),
            ActivityErrorKind::NotProjectLeader {
                actor: MemberId("m1".into()),
                action: StepAction::Submit,
                leader: MemberId("m1".into()),
            }
            .at("members[0].grade"),
            ActivityErrorKind::SelfApproval {
                actor: MemberId("m1".into()),
                action: StepAction::Submit,
            }
            .at("members[0].grade"),
            ActivityErrorKind::DateBeforePrevious {
                date: date(),
                previous: date(),
            }
            .at("members[0].grade"),
        ],
        15,
        |e| match e.kind() {
            ActivityErrorKind::InvalidId { .. } => 0,
            ActivityErrorKind::Duplicate { .. } => 1,
            ActivityErrorKind::Unknown { .. } => 2,
            ActivityErrorKind::MissingField { .. } => 3,
            ActivityErrorKind::RiskWithoutCountermeasure { .. } => 4,
            ActivityErrorKind::EndBeforeStart { .. } => 5,
            ActivityErrorKind::StartsBeforeSubmission { .. } => 6,
            ActivityErrorKind::SubmissionLate { .. } => 7,
            ActivityErrorKind::LeaderInactive { .. } => 8,
            ActivityErrorKind::NotApproved { .. } => 9,
            ActivityErrorKind::InvalidTransition { .. } => 10,
            ActivityErrorKind::NotDraft { .. } => 11,
            ActivityErrorKind::NotProjectLeader { .. } => 12,
            ActivityErrorKind::SelfApproval { .. } => 13,
            ActivityErrorKind::DateBeforePrevious { .. } => 14,
        },
    ));
    out.extend(covered::<EvaluationError>(
        vec![
            EvaluationErrorKind::UnknownScheme {
                scheme: "x1".into(),
            }
            .at("members[0].grade"),
            EvaluationErrorKind::ScoreOutOfScale {
                value: "x1".into(),
                min: "x1".into(),
                max: "x1".into(),
            }
            .at("members[0].grade"),
            EvaluationErrorKind::MissingScore {
                candidate: "x1".into(),
                judge: "x1".into(),
                criterion: "x1".into(),
            }
            .at("members[0].grade"),
            EvaluationErrorKind::TooFewScores {
                candidate: "x1".into(),
                criterion: "x1".into(),
                count: 2,
                needed: 2,
            }
            .at("members[0].grade"),
            EvaluationErrorKind::NonPositiveWeight {
                criterion: "x1".into(),
                weight: "x1".into(),
            }
            .at("members[0].grade"),
            EvaluationErrorKind::DuplicateCandidate { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::DuplicateJudge { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::DuplicateCriterion { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::UnknownCandidate { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::UnknownJudge { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::UnknownCriterion { id: "x1".into() }.at("members[0].grade"),
            EvaluationErrorKind::EmptyId { field: "judge" }.at("members[0].grade"),
            EvaluationErrorKind::NoCriteria.at("members[0].grade"),
            EvaluationErrorKind::InvalidScale {
                min: "x1".into(),
                max: "x1".into(),
            }
            .at("members[0].grade"),
            EvaluationErrorKind::invalid_setting("title_empty", []).at("members[0].grade"),
            EvaluationErrorKind::Overflow {
                candidate: "x1".into(),
            }
            .at("members[0].grade"),
        ],
        16,
        |e| match e.kind() {
            EvaluationErrorKind::UnknownScheme { .. } => 0,
            EvaluationErrorKind::ScoreOutOfScale { .. } => 1,
            EvaluationErrorKind::MissingScore { .. } => 2,
            EvaluationErrorKind::TooFewScores { .. } => 3,
            EvaluationErrorKind::NonPositiveWeight { .. } => 4,
            EvaluationErrorKind::DuplicateCandidate { .. } => 5,
            EvaluationErrorKind::DuplicateJudge { .. } => 6,
            EvaluationErrorKind::DuplicateCriterion { .. } => 7,
            EvaluationErrorKind::UnknownCandidate { .. } => 8,
            EvaluationErrorKind::UnknownJudge { .. } => 9,
            EvaluationErrorKind::UnknownCriterion { .. } => 10,
            EvaluationErrorKind::EmptyId { .. } => 11,
            EvaluationErrorKind::NoCriteria => 12,
            EvaluationErrorKind::InvalidScale { .. } => 13,
            EvaluationErrorKind::InvalidSetting { .. } => 14,
            EvaluationErrorKind::Overflow { .. } => 15,
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
