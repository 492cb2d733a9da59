//! Budget refusals and warnings: every refusal has its own stable code.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Params, display_from_catalog};
use crate::ids::ActivityId;

/// A budget operation is refused (domain.md §3). On any of these the ledger is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BudgetError {
    /// An activity id that is empty, too long or not plain ASCII: the code of the activity
    /// area (`activity.invalid_id`), since the rule is the activity id's.
    InvalidActivityId {
        /// Path of the field.
        path: String,
        /// The id given.
        id: ActivityId,
    },
    /// An allocation or expense of zero or less (`budget.non_positive_amount`).
    NonPositiveAmount {
        /// Path of the field.
        path: String,
        /// The amount given.
        amount: Decimal,
    },
    /// A planned or reserved budget below zero (`budget.negative_amount`).
    NegativeAmount {
        /// Path of the field.
        path: String,
        /// The amount given.
        amount: Decimal,
    },
    /// An amount finer than the fen (`budget.too_many_decimals`).
    TooManyDecimals {
        /// Path of the field.
        path: String,
        /// The amount given.
        amount: Decimal,
        /// The places allowed.
        places: u32,
    },
    /// No account for this activity: its plan was never approved (`budget.unknown_activity`).
    UnknownActivity {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
    },
    /// Funds are already reserved for this activity (`budget.duplicate_activity`).
    DuplicateActivity {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
    },
    /// The rulebook has no budget line of that id (`budget.unknown_line`).
    UnknownLine {
        /// Path of the field.
        path: String,
        /// The line asked for.
        line: String,
    },
    /// An expense category the activity's line does not allow (`budget.unknown_category`).
    UnknownCategory {
        /// Path of the field.
        path: String,
        /// The category given.
        category: String,
        /// The activity's line.
        line: String,
        /// The categories allowed, comma-separated.
        allowed: String,
    },
    /// An expense without a receipt reference (`budget.missing_receipt`).
    MissingReceipt {
        /// Path of the field.
        path: String,
    },
    /// A date outside the ledger's school year (`budget.outside_year`).
    OutsideYear {
        /// Path of the field.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// First day of the year.
        start: NaiveDate,
        /// Last day of the year.
        end: NaiveDate,
    },
    /// A date before the activity's funds were reserved (`budget.before_reservation`).
    BeforeReservation {
        /// Path of the field.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// The day the funds were reserved.
        reserved_on: NaiveDate,
    },
    /// The activity's account was settled when its summary was filed
    /// (`budget.account_settled`).
    AccountSettled {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// The day it was settled.
        settled_on: NaiveDate,
    },
    /// An activity's approved budget would exceed its line's maximum
    /// (`budget.over_line_max`).
    OverLineMax {
        /// Path of the field.
        path: String,
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
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// The spending the operation would give.
        spent_after: Decimal,
        /// The activity's approved budget.
        approved: Decimal,
    },
    /// The year's commitments would pass the annual cap (`budget.over_annual_cap`).
    OverAnnualCap {
        /// Path of the field.
        path: String,
        /// The commitments (reserved and spent) the operation would give.
        committed_after: Decimal,
        /// The annual cap.
        cap: Decimal,
    },
    /// A sum beyond the range of exact decimals (`budget.overflow`).
    Overflow {
        /// Path of the field.
        path: String,
    },
    /// A ledger read from data whose entries contradict each other
    /// (`budget.inconsistent_ledger`).
    InconsistentLedger {
        /// Path of the entry.
        path: String,
        /// What is wrong.
        detail: String,
    },
    /// A reversal names no entry of the journal (`budget.unknown_entry`).
    UnknownEntry {
        /// Path of the field.
        path: String,
        /// The sequence number given.
        entry: u32,
    },
    /// A reversal names an entry that cannot be reversed: a reversal or a balance
    /// assertion (`budget.not_reversible`).
    NotReversible {
        /// Path of the field.
        path: String,
        /// The entry.
        entry: u32,
        /// What it records.
        kind: super::EntryKind,
    },
    /// The entry was reversed already (`budget.already_reversed`).
    AlreadyReversed {
        /// Path of the field.
        path: String,
        /// The entry.
        entry: u32,
        /// The reversal that undid it.
        by: u32,
    },
    /// A reversal dated before the entry it undoes (`budget.before_original`).
    BeforeOriginal {
        /// Path of the field.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// The entry.
        entry: u32,
        /// The entry's date.
        original_on: NaiveDate,
    },
    /// A correction without its reason (`budget.missing_reason`).
    MissingReason {
        /// Path of the field.
        path: String,
    },
    /// Reversing an allocation would leave less approved than already spent
    /// (`budget.reversal_below_spent`).
    ReversalBelowSpent {
        /// Path of the field.
        path: String,
        /// The activity.
        activity: ActivityId,
        /// The approved budget the reversal would leave.
        approved_after: Decimal,
        /// What the activity has spent.
        spent: Decimal,
    },
    /// A cash count that differs from the journal (`budget.balance_mismatch`).
    BalanceMismatch {
        /// Path of the field.
        path: String,
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

impl BudgetError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            BudgetError::InvalidActivityId { path, .. }
            | BudgetError::NonPositiveAmount { path, .. }
            | BudgetError::NegativeAmount { path, .. }
            | BudgetError::TooManyDecimals { path, .. }
            | BudgetError::UnknownActivity { path, .. }
            | BudgetError::DuplicateActivity { path, .. }
            | BudgetError::UnknownLine { path, .. }
            | BudgetError::UnknownCategory { path, .. }
            | BudgetError::MissingReceipt { path }
            | BudgetError::OutsideYear { path, .. }
            | BudgetError::BeforeReservation { path, .. }
            | BudgetError::AccountSettled { path, .. }
            | BudgetError::OverLineMax { path, .. }
            | BudgetError::OverActivityMax { path, .. }
            | BudgetError::OverAnnualCap { path, .. }
            | BudgetError::Overflow { path }
            | BudgetError::InconsistentLedger { path, .. }
            | BudgetError::UnknownEntry { path, .. }
            | BudgetError::NotReversible { path, .. }
            | BudgetError::AlreadyReversed { path, .. }
            | BudgetError::BeforeOriginal { path, .. }
            | BudgetError::MissingReason { path }
            | BudgetError::ReversalBelowSpent { path, .. }
            | BudgetError::BalanceMismatch { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for BudgetError {
    fn code(&self) -> &'static str {
        match self {
            BudgetError::InvalidActivityId { .. } => "activity.invalid_id",
            BudgetError::NonPositiveAmount { .. } => "budget.non_positive_amount",
            BudgetError::NegativeAmount { .. } => "budget.negative_amount",
            BudgetError::TooManyDecimals { .. } => "budget.too_many_decimals",
            BudgetError::UnknownActivity { .. } => "budget.unknown_activity",
            BudgetError::DuplicateActivity { .. } => "budget.duplicate_activity",
            BudgetError::UnknownLine { .. } => "budget.unknown_line",
            BudgetError::UnknownCategory { .. } => "budget.unknown_category",
            BudgetError::MissingReceipt { .. } => "budget.missing_receipt",
            BudgetError::OutsideYear { .. } => "budget.outside_year",
            BudgetError::BeforeReservation { .. } => "budget.before_reservation",
            BudgetError::AccountSettled { .. } => "budget.account_settled",
            BudgetError::OverLineMax { .. } => "budget.over_line_max",
            BudgetError::OverActivityMax { .. } => "budget.over_activity_max",
            BudgetError::OverAnnualCap { .. } => "budget.over_annual_cap",
            BudgetError::Overflow { .. } => "budget.overflow",
            BudgetError::InconsistentLedger { .. } => "budget.inconsistent_ledger",
            BudgetError::UnknownEntry { .. } => "budget.unknown_entry",
            BudgetError::NotReversible { .. } => "budget.not_reversible",
            BudgetError::AlreadyReversed { .. } => "budget.already_reversed",
            BudgetError::BeforeOriginal { .. } => "budget.before_original",
            BudgetError::MissingReason { .. } => "budget.missing_reason",
            BudgetError::ReversalBelowSpent { .. } => "budget.reversal_below_spent",
            BudgetError::BalanceMismatch { .. } => "budget.balance_mismatch",
        }
    }

    fn path(&self) -> &str {
        match self {
            BudgetError::InvalidActivityId { path, .. }
            | BudgetError::NonPositiveAmount { path, .. }
            | BudgetError::NegativeAmount { path, .. }
            | BudgetError::TooManyDecimals { path, .. }
            | BudgetError::UnknownActivity { path, .. }
            | BudgetError::DuplicateActivity { path, .. }
            | BudgetError::UnknownLine { path, .. }
            | BudgetError::UnknownCategory { path, .. }
            | BudgetError::MissingReceipt { path }
            | BudgetError::OutsideYear { path, .. }
            | BudgetError::BeforeReservation { path, .. }
            | BudgetError::AccountSettled { path, .. }
            | BudgetError::OverLineMax { path, .. }
            | BudgetError::OverActivityMax { path, .. }
            | BudgetError::OverAnnualCap { path, .. }
            | BudgetError::Overflow { path }
            | BudgetError::InconsistentLedger { path, .. }
            | BudgetError::UnknownEntry { path, .. }
            | BudgetError::NotReversible { path, .. }
            | BudgetError::AlreadyReversed { path, .. }
            | BudgetError::BeforeOriginal { path, .. }
            | BudgetError::MissingReason { path }
            | BudgetError::ReversalBelowSpent { path, .. }
            | BudgetError::BalanceMismatch { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            BudgetError::InvalidActivityId { id, .. } => {
                p.insert("id", id.0.clone());
            }
            BudgetError::NonPositiveAmount { amount, .. }
            | BudgetError::NegativeAmount { amount, .. } => {
                p.insert("amount", amount.to_string());
            }
            BudgetError::TooManyDecimals { amount, places, .. } => {
                p.insert("amount", amount.to_string());
                p.insert("places", places.to_string());
            }
            BudgetError::UnknownActivity { activity, .. }
            | BudgetError::DuplicateActivity { activity, .. } => {
                p.insert("activity", activity.0.clone());
            }
            BudgetError::UnknownLine { line, .. } => {
                p.insert("line", line.clone());
            }
            BudgetError::UnknownCategory {
                category,
                line,
                allowed,
                ..
            } => {
                p.insert("category", category.clone());
                p.insert("line", line.clone());
                p.insert("allowed", allowed.clone());
            }
            BudgetError::OutsideYear {
                date, start, end, ..
            } => {
                p.insert("date", date.to_string());
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
            }
            BudgetError::BeforeReservation {
                date, reserved_on, ..
            } => {
                p.insert("date", date.to_string());
                p.insert("reserved_on", reserved_on.to_string());
            }
            BudgetError::AccountSettled {
                activity,
                settled_on,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("settled_on", settled_on.to_string());
            }
            BudgetError::OverLineMax {
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
            BudgetError::OverActivityMax {
                activity,
                spent_after,
                approved,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("spent_after", spent_after.to_string());
                p.insert("approved", approved.to_string());
            }
            BudgetError::OverAnnualCap {
                committed_after,
                cap,
                ..
            } => {
                p.insert("committed_after", committed_after.to_string());
                p.insert("cap", cap.to_string());
            }
            BudgetError::InconsistentLedger { detail, .. } => {
                p.insert("detail", detail.clone());
            }
            BudgetError::UnknownEntry { entry, .. } => {
                p.insert("entry", entry.to_string());
            }
            BudgetError::NotReversible { entry, kind, .. } => {
                p.insert("entry", entry.to_string());
                p.insert("kind", kind.key().to_owned());
            }
            BudgetError::AlreadyReversed { entry, by, .. } => {
                p.insert("entry", entry.to_string());
                p.insert("by", by.to_string());
            }
            BudgetError::BeforeOriginal {
                date,
                entry,
                original_on,
                ..
            } => {
                p.insert("date", date.to_string());
                p.insert("entry", entry.to_string());
                p.insert("original_on", original_on.to_string());
            }
            BudgetError::ReversalBelowSpent {
                activity,
                approved_after,
                spent,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("approved_after", approved_after.to_string());
                p.insert("spent", spent.to_string());
            }
            BudgetError::BalanceMismatch {
                activity,
                date,
                counted,
                expected,
                difference,
                ..
            } => {
                p.insert("activity", activity.0.clone());
                p.insert("date", date.to_string());
                p.insert("counted", counted.to_string());
                p.insert("expected", expected.to_string());
                p.insert("difference", difference.to_string());
            }
            BudgetError::MissingReceipt { .. }
            | BudgetError::Overflow { .. }
            | BudgetError::MissingReason { .. } => {}
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

display_from_catalog!(BudgetError);
