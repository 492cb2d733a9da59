//! Budget refusals and warnings: every refusal has its own stable code.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, ErrorKind, Located, Params, located};
use crate::ids::ActivityId;

/// What went wrong in a [`BudgetError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BudgetErrorKind {
    /// An activity id that is empty, too long or not plain ASCII: the code of the activity
    /// area (`activity.invalid_id`), since the rule is the activity id's.
    InvalidActivityId {
        /// The id given.
        id: ActivityId,
    },
    /// An allocation or expense of zero or less (`budget.non_positive_amount`).
    NonPositiveAmount {
        /// The amount given.
        amount: Decimal,
    },
    /// A planned or reserved budget below zero (`budget.negative_amount`).
    NegativeAmount {
        /// The amount given.
        amount: Decimal,
    },
    /// An amount finer than the fen (`budget.too_many_decimals`).
    TooManyDecimals {
        /// The amount given.
        amount: Decimal,
        /// The places allowed.
        places: u32,
    },
    /// No account for this activity: its plan was never approved (`budget.unknown_activity`).
    UnknownActivity {
        /// The activity.
        activity: ActivityId,
    },
    /// Funds are already reserved for this activity (`budget.duplicate_activity`).
    DuplicateActivity {
        /// The activity.
        activity: ActivityId,
    },
    /// The rulebook has no budget line of that id (`budget.unknown_line`).
    UnknownLine {
        /// The line asked for.
        line: String,
    },
    /// An expense category the activity's line does not allow (`budget.unknown_category`).
    UnknownCategory {
        /// The category given.
        category: String,
        /// The activity's line.
        line: String,
        /// The categories allowed, comma-separated.
        allowed: String,
    },
    /// An expense without a receipt reference (`budget.missing_receipt`).
    MissingReceipt,
    /// A date outside the ledger's school year (`budget.outside_year`).
    OutsideYear {
        /// The date given.
        date: NaiveDate,
        /// First day of the year.
        start: NaiveDate,
        /// Last day of the year.
        end: NaiveDate,
    },
    /// A date before the activity's funds were reserved (`budget.before_reservation`).
    BeforeReservation {
        /// The date given.
        date: NaiveDate,
        /// The day the funds were reserved.
        reserved_on: NaiveDate,
    },
    /// The activity's account was settled when its summary was filed
    /// (`budget.account_settled`).
    AccountSettled {
        /// The activity.
        activity: ActivityId,
        /// The day it was settled.
        settled_on: NaiveDate,
    },
    /// An activity's approved budget would exceed its line's maximum
    /// (`budget.over_line_max`).
    OverLineMax {
        /// The activity.
        activity: ActivityId,
        /// The line.
        line: String,
        /// The approved total the operation would give.
        approved_after: Decimal,
        /// The line's maximum.
        max: Decimal,
    },
    /// An expense above what is left of its activity's approved budget
    /// (`budget.over_activity_max`).
    OverActivityMax {
        /// The activity.
        activity: ActivityId,
        /// The spending the operation would give.
        spent_after: Decimal,
        /// The activity's approved budget.
        approved: Decimal,
    },
    /// The year's commitments would pass the annual cap (`budget.over_annual_cap`).
    OverAnnualCap {
        /// The commitments (reserved and spent) the operation would give.
        committed_after: Decimal,
        /// The annual cap.
        cap: Decimal,
    },
    /// A sum beyond the range of exact decimals (`budget.overflow`).
    Overflow,
    /// A ledger read from data whose entries contradict each other
    /// (`budget.inconsistent_ledger`).
    InconsistentLedger {
        /// What is wrong.
        detail: String,
    },
    /// A reversal names no entry of the journal (`budget.unknown_entry`).
    UnknownEntry {
        /// The sequence number given.
        entry: u32,
    },
    /// A reversal names an entry that cannot be reversed: a reversal or a balance
    /// assertion (`budget.not_reversible`).
    NotReversible {
        /// The entry.
        entry: u32,
        /// What it records.
        kind: super::EntryKind,
    },
    /// The entry was reversed already (`budget.already_reversed`).
    AlreadyReversed {
        /// The entry.
        entry: u32,
        /// The reversal that undid it.
        by: u32,
    },
    /// A reversal dated before the entry it undoes (`budget.before_original`).
    BeforeOriginal {
        /// The date given.
        date: NaiveDate,
        /// The entry.
        entry: u32,
        /// The entry's date.
        original_on: NaiveDate,
    },
    /// A correction without its reason (`budget.missing_reason`).
    MissingReason,
    /// Reversing an allocation would leave less approved than already spent
    /// (`budget.reversal_below_spent`).
    ReversalBelowSpent {
        /// The activity.
        activity: ActivityId,
        /// The approved budget the reversal would leave.
        approved_after: Decimal,
        /// What the activity has spent.
        spent: Decimal,
    },
    /// A cash count that differs from the journal (`budget.balance_mismatch`).
    BalanceMismatch {
        /// The activity.
        activity: ActivityId,
        /// The day of the count.
        date: NaiveDate,
        /// The amount counted.
        counted: Decimal,
        /// The unspent reserve the journal gives for that day.
        expected: Decimal,
        /// Counted less expected: negative when money is missing.
        difference: Decimal,
    },
}

/// A budget operation is refused (domain.md §3). On any of these the ledger is unchanged.
///
/// Its [kind](BudgetErrorKind) says what; the path of the offending field sits beside it.
pub type BudgetError = Located<BudgetErrorKind>;

impl ErrorKind for BudgetErrorKind {
    fn code(&self) -> &'static str {
        match self {
            BudgetErrorKind::InvalidActivityId { .. } => "activity.invalid_id",
            BudgetErrorKind::NonPositiveAmount { .. } => "budget.non_positive_amount",
            BudgetErrorKind::NegativeAmount { .. } => "budget.negative_amount",
            BudgetErrorKind::TooManyDecimals { .. } => "budget.too_many_decimals",
            BudgetErrorKind::UnknownActivity { .. } => "budget.unknown_activity",
            BudgetErrorKind::DuplicateActivity { .. } => "budget.duplicate_activity",
            BudgetErrorKind::UnknownLine { .. } => "budget.unknown_line",
            BudgetErrorKind::UnknownCategory { .. } => "budget.unknown_category",
            BudgetErrorKind::MissingReceipt => "budget.missing_receipt",
            BudgetErrorKind::OutsideYear { .. } => "budget.outside_year",
            BudgetErrorKind::BeforeReservation { .. } => "budget.before_reservation",
            BudgetErrorKind::AccountSettled { .. } => "budget.account_settled",
            BudgetErrorKind::OverLineMax { .. } => "budget.over_line_max",
            BudgetErrorKind::OverActivityMax { .. } => "budget.over_activity_max",
            BudgetErrorKind::OverAnnualCap { .. } => "budget.over_annual_cap",
            BudgetErrorKind::Overflow => "budget.overflow",
            BudgetErrorKind::InconsistentLedger { .. } => "budget.inconsistent_ledger",
            BudgetErrorKind::UnknownEntry { .. } => "budget.unknown_entry",
            BudgetErrorKind::NotReversible { .. } => "budget.not_reversible",
            BudgetErrorKind::AlreadyReversed { .. } => "budget.already_reversed",
            BudgetErrorKind::BeforeOriginal { .. } => "budget.before_original",
            BudgetErrorKind::MissingReason => "budget.missing_reason",
            BudgetErrorKind::ReversalBelowSpent { .. } => "budget.reversal_below_spent",
            BudgetErrorKind::BalanceMismatch { .. } => "budget.balance_mismatch",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            BudgetErrorKind::InvalidActivityId { id, .. } => {
                p.insert("id", id.0.clone());
            }
            BudgetErrorKind::NonPositiveAmount { amount, .. }
            | BudgetErrorKind::NegativeAmount { amount, .. } => {
                p.insert("amount", amount.to_string());
            }
            BudgetErrorKind::TooManyDecimals { amount, places, .. } => {
                p.insert("amount", amount.to_string());
                p.insert("places", places.to_string());
            }
            BudgetErrorKind::UnknownActivity { activity, .. }
            | BudgetErrorKind::DuplicateActivity { activity, .. } => {
                p.insert("activity", activity.0.clone());
            }
            BudgetErrorKind::UnknownLine { line, .. } => {
                p.insert("line", line.clone());
            }
            BudgetErrorKind::UnknownCategory {
                category,
                line,
                allowed,
                ..
            } => {
                p.insert("category", category.clone());
                p.insert("line", line.clone());
                p.insert("allowed", allowed.clone());
            }
            BudgetErrorKind::OutsideYear {
                date, start, end, ..
            } => {
                p.insert("date", date.to_string());
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
            }
            BudgetErrorKind::BeforeReservation {
                date, reserved_on, ..
            } => {
                p.insert("date", date.to_string());
                p.insert("reserved_on", reserved_on.to_string());
            }
            BudgetErrorKind::AccountSettled {
                activity,
                settled_on,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("settled_on", settled_on.to_string());
            }
            BudgetErrorKind::OverLineMax {
                activity,
                line,
                approved_after,
                max,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("line", line.clone());
                p.insert("approved_after", approved_after.to_string());
                p.insert("max", max.to_string());
            }
            BudgetErrorKind::OverActivityMax {
                activity,
                spent_after,
                approved,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("spent_after", spent_after.to_string());
                p.insert("approved", approved.to_string());
            }
            BudgetErrorKind::OverAnnualCap {
                committed_after,
                cap,
                ..
            } => {
                p.insert("committed_after", committed_after.to_string());
                p.insert("cap", cap.to_string());
            }
            BudgetErrorKind::InconsistentLedger { detail, .. } => {
                p.insert("detail", detail.clone());
            }
            BudgetErrorKind::UnknownEntry { entry } => {
                p.insert("entry", entry.to_string());
            }
            BudgetErrorKind::NotReversible { entry, kind } => {
                p.insert("entry", entry.to_string());
                p.insert("kind", kind.key().to_owned());
            }
            BudgetErrorKind::AlreadyReversed { entry, by } => {
                p.insert("entry", entry.to_string());
                p.insert("by", by.to_string());
            }
            BudgetErrorKind::BeforeOriginal {
                date,
                entry,
                original_on,
            } => {
                p.insert("date", date.to_string());
                p.insert("entry", entry.to_string());
                p.insert("original_on", original_on.to_string());
            }
            BudgetErrorKind::ReversalBelowSpent {
                activity,
                approved_after,
                spent,
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("approved_after", approved_after.to_string());
                p.insert("spent", spent.to_string());
            }
            BudgetErrorKind::BalanceMismatch {
                activity,
                date,
                counted,
                expected,
                difference,
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("date", date.to_string());
                p.insert("counted", counted.to_string());
                p.insert("expected", expected.to_string());
                p.insert("difference", difference.to_string());
            }
            BudgetErrorKind::MissingReceipt
            | BudgetErrorKind::Overflow
            | BudgetErrorKind::MissingReason => {}
        }
        p
    }
}

/// A warning: the operation is accepted, but a limit is near or a plan is unusual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum BudgetWarning {
    /// An activity has spent the rulebook's percentage of its approved budget or more
    /// (`budget.near_activity_max`).
    NearActivityMax {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// Spent so far.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        spent: Decimal,
        /// Its approved budget.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        approved: Decimal,
        /// The rulebook's warning percentage.
        percent: u32,
    },
    /// The year's spending (after an expense) or commitments (after a reservation or an
    /// allocation) reached the rulebook's percentage of the annual cap
    /// (`budget.near_annual_cap`).
    NearAnnualCap {
        /// Path of the field.
        path: String,
        /// Spending or commitments inside the cap.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        used: Decimal,
        /// The annual cap.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        cap: Decimal,
        /// The rulebook's warning percentage.
        percent: u32,
    },
    /// A budget below the low end of its line's planned range (`budget.below_line_range`).
    BelowLineRange {
        /// Path of the field.
        path: String,
        /// The line.
        line: String,
        /// The amount asked.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        amount: Decimal,
        /// The line's planned minimum.
        #[serde(deserialize_with = "rust_decimal::serde::str::deserialize")]
        min: Decimal,
    },
}

impl Diagnostic for BudgetWarning {
    fn code(&self) -> &'static str {
        match self {
            BudgetWarning::NearActivityMax { .. } => "budget.near_activity_max",
            BudgetWarning::NearAnnualCap { .. } => "budget.near_annual_cap",
            BudgetWarning::BelowLineRange { .. } => "budget.below_line_range",
        }
    }

    fn path(&self) -> &str {
        match self {
            BudgetWarning::NearActivityMax { path, .. }
            | BudgetWarning::NearAnnualCap { path, .. }
            | BudgetWarning::BelowLineRange { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            BudgetWarning::NearActivityMax {
                activity,
                spent,
                approved,
                percent,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("spent", spent.to_string());
                p.insert("approved", approved.to_string());
                p.insert("percent", percent.to_string());
            }
            BudgetWarning::NearAnnualCap {
                used, cap, percent, ..
            } => {
                p.insert("used", used.to_string());
                p.insert("cap", cap.to_string());
                p.insert("percent", percent.to_string());
            }
            BudgetWarning::BelowLineRange {
                line, amount, min, ..
            } => {
                p.insert("line", line.clone());
                p.insert("amount", amount.to_string());
                p.insert("min", min.to_string());
            }
        }
        p
    }
}

located!(BudgetErrorKind);
