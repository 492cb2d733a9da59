//! Budget (domain.md §3; seed 000, the capital budgets, plan item 8 and responsibility 4
//! "the use and management of student union funds").
//!
//! - **Policy** ([`BudgetPolicy`], rulebook key `budget`): the annual plan ("about 400~500
//!   yuan", large-scale events outside it), the activity lines as ranges (Challenge Cup
//!   150-200, innovation competition 200-300, welcome party 0), the percentage of a limit
//!   that draws a warning, and the largest expense each role may approve.
//! - **Ledger** ([`BudgetLedger`]): a state object holding one account per activity and a
//!   journal of entries (allocations, expenses, settlements). Funds are *reserved* when a
//!   plan is approved ([`BudgetLedger::reserve`]), topped up by further allocations
//!   ([`BudgetLedger::allocate`]), spent ([`BudgetLedger::record_expense`]), and the unspent
//!   reserve is *released* when the summary is filed ([`BudgetLedger::settle`]). Every
//!   operation checks its limits first and either applies fully or leaves the ledger exactly
//!   as it was.
//! - **Report** ([`BudgetReport`]): per activity and in total, the planned range, approved,
//!   reserved, spent, released, remaining and utilisation, with the rules and limits used.
//!
//! Money is [`Decimal`] yuan with at most two decimal places (fen), written as a string in
//! JSON and TOML, never a float. Amounts are stored with exactly two places.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod correction;
#[cfg(test)]
mod correction_tests;
mod error;
mod journal;
mod ledger;
mod policy;
mod report;
#[cfg(test)]
mod tests;

pub use correction::{BalanceAssertion, Reversal};
pub use error::{BudgetError, BudgetErrorKind, BudgetWarning};
pub use ledger::{
    Allocation, BudgetLedger, EntryKind, Expense, LedgerEntry, LedgerOperation, LimitCheck,
    LimitKind, Posting, Reservation, Settlement,
};
pub use policy::{BudgetLine, BudgetPolicy, ExpenseApprovalLimit, MAX_POLICY_AMOUNT};
pub use report::{AccountReport, BudgetReport, BudgetTotals, CapStatus};
/// The money type: exact decimal yuan.
pub use rust_decimal::Decimal;

pub(crate) use ledger::FieldNames;

/// Decimal places of an amount of money: yuan and fen.
pub const MONEY_PLACES: u32 = 2;

/// Zero yuan, written with its two places (`0.00`).
pub(crate) const ZERO_FEN: Decimal = Decimal::from_parts(0, 0, 0, false, MONEY_PLACES);

/// Checks an amount of money: at most [`MONEY_PLACES`] decimal places (trailing zeros do
/// not count: `150.000` is `150.00`), and positive, or non-negative when `allow_zero`.
/// Returns the amount with exactly two places.
pub(crate) fn check_amount(
    amount: Decimal,
    allow_zero: bool,
    path: impl FnOnce() -> String,
) -> Result<Decimal, BudgetError> {
    let refused = if allow_zero {
        amount < Decimal::ZERO
    } else {
        amount <= Decimal::ZERO
    };
    if refused {
        return Err(if allow_zero {
            BudgetErrorKind::NegativeAmount { amount }.at(path())
        } else {
            BudgetErrorKind::NonPositiveAmount { amount }.at(path())
        });
    }
    if amount.scale() > MONEY_PLACES && amount.normalize().scale() > MONEY_PLACES {
        return Err(BudgetErrorKind::TooManyDecimals {
            amount,
            places: MONEY_PLACES,
        }
        .at(path()));
    }
    Ok(fen(amount))
}

/// The amount with exactly two decimal places, for amounts of at most two places (the only
/// ones the ledger stores). Rescaling up never changes the value.
pub(crate) fn fen(amount: Decimal) -> Decimal {
    if amount.scale() == MONEY_PLACES {
        return amount;
    }
    let mut a = amount.normalize();
    a.rescale(MONEY_PLACES);
    a
}

/// `part` as a percentage of `whole`, rounded half-up to one decimal place (written with
/// exactly one); `None` when
/// `whole` is zero.
pub(crate) fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .map(|p| {
            let mut p =
                p.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            // Exactly one place, `100.0` rather than `100`: rescaling up is exact.
            p.rescale(1);
            p
        })
}

/// Whether `used` has reached `percent`% of `limit` (exact: no rounding). A zero limit is
/// never approached: nothing may be spent against it at all.
pub(crate) fn reaches_percent(used: Decimal, limit: Decimal, percent: u32) -> bool {
    if limit.is_zero() || used.is_zero() {
        return false;
    }
    match (
        used.checked_mul(Decimal::ONE_HUNDRED),
        limit.checked_mul(Decimal::from(percent)),
    ) {
        (Some(u), Some(l)) => u >= l,
        // Beyond the range of Decimal: only possible for amounts no limit allows.
        _ => true,
    }
}

/// An amount as the reports show it: two decimal places.
pub(crate) fn money(amount: Decimal) -> String {
    format!("{amount:.2}")
}

/// A percentage with one decimal place, or `-` when there is none.
pub(crate) fn percent(p: Option<Decimal>) -> String {
    p.map_or_else(|| "-".to_owned(), |p| format!("{p:.1}%"))
}
