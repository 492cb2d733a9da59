//! Corrections, never edits (domain.md §3): a wrong entry is undone by a reversing entry
//! that names it, and a cash count is checked against the journal by a balance assertion.
//! The journal stays append-only: both are entries of their own.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::authority::{Action, authorize};
use crate::ids::ActivityId;
use crate::members::{MemberId, Roster};
use crate::rulebook::Rulebook;

use super::ledger::{
    Account, LEDGER_FIELDS, Prepared, Totals, account_scope, add, authorize_expense, sub,
};
use super::{
    BudgetError, BudgetErrorKind, BudgetLedger, EntryKind, LedgerEntry, Posting, ZERO_FEN,
    check_amount,
};

/// Undoing an entry: the reversal posts the same amount the other way and names the entry
/// it undoes (see [`BudgetLedger::reverse`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reversal {
    /// The day of the correction.
    pub date: NaiveDate,
    /// The sequence number of the entry undone.
    pub entry: u32,
    /// Who corrects it: the authority the original entry needed (`approve_plan` for an
    /// allocation, `approve_expense` for an expense, `settle_account` for a settlement).
    pub approver: MemberId,
    /// Why: required, and kept as the reversal's note.
    pub reason: String,
}

/// A cash count: the money an activity's account should still hold on a day (its unspent
/// reserve), as counted (see [`BudgetLedger::assert_balance`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BalanceAssertion {
    /// The day of the count: entries dated on or before it are counted.
    pub date: NaiveDate,
    /// The activity whose account is counted.
    pub activity: ActivityId,
    /// The amount counted, yuan with two decimal places.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub balance: Decimal,
    /// Who counted (authority `approve_expense` for the account, with no amount limit).
    pub approver: MemberId,
    /// A free note.
    #[serde(default)]
    pub note: String,
}

/// What an entry does to its account's unspent reserve.
fn effect(entry: &LedgerEntry, entries: &[LedgerEntry]) -> Decimal {
    match entry.kind {
        EntryKind::Allocation => entry.amount,
        EntryKind::Expense | EntryKind::Settlement => -entry.amount,
        EntryKind::Reversal => entry
            .reverses
            .and_then(|seq| original(entries, seq))
            .map_or(Decimal::ZERO, |o| -effect(o, entries)),
        EntryKind::BalanceAssertion => Decimal::ZERO,
    }
}

/// The entry numbered `seq`.
fn original(entries: &[LedgerEntry], seq: u32) -> Option<&LedgerEntry> {
    let i = usize::try_from(seq).ok()?.checked_sub(1)?;
    entries.get(i)
}

/// The unspent reserve of `activity` at the end of `date`, from `entries`.
fn balance_in(entries: &[LedgerEntry], activity: &ActivityId, date: NaiveDate) -> Decimal {
    entries
        .iter()
        .filter(|e| &e.activity == activity && e.date <= date)
        .map(|e| effect(e, entries))
        .sum::<Decimal>()
        .round_dp(super::MONEY_PLACES)
}

/// The reversal of entry `seq` among `entries`, if any.
fn reversed_by(entries: &[LedgerEntry], seq: u32) -> Option<u32> {
    entries
        .iter()
        .find(|e| e.kind == EntryKind::Reversal && e.reverses == Some(seq))
        .map(|e| e.seq)
}

/// The entry a reversal may undo: it exists, is an allocation, an expense or a settlement,
/// and has not been reversed yet; the reversal is not dated before it.
fn reversible(
    entries: &[LedgerEntry],
    seq: u32,
    date: NaiveDate,
    path: &str,
) -> Result<LedgerEntry, BudgetError> {
    let entry = original(entries, seq)
        .ok_or_else(|| BudgetErrorKind::UnknownEntry { entry: seq }.at(path))?;
    if matches!(
        entry.kind,
        EntryKind::Reversal | EntryKind::BalanceAssertion
    ) {
        return Err(BudgetErrorKind::NotReversible {
            entry: seq,
            kind: entry.kind,
        }
        .at(path));
    }
    if let Some(by) = reversed_by(entries, seq) {
        return Err(BudgetErrorKind::AlreadyReversed { entry: seq, by }.at(path));
    }
    if date < entry.date {
        return Err(BudgetErrorKind::BeforeOriginal {
            date,
            entry: seq,
            original_on: entry.date,
        }
        .at("date"));
    }
    Ok(entry.clone())
}

/// The sums after undoing `original`, with the year's sums inside the cap: refused when an
/// allocation's reversal would leave less approved than is spent. A settlement's reversal
/// reopens the account; its release is committed again (the caller checks the cap).
fn undo(
    account: &Account,
    original: &LedgerEntry,
    committed_in_cap: Decimal,
    spent_in_cap: Decimal,
    path: &str,
) -> Result<(Totals, Decimal, Decimal), BudgetError> {
    let mut totals = account.totals;
    let in_cap = account.info.within_cap;
    let (mut committed, mut spent_year) = (committed_in_cap, spent_in_cap);
    if let (true, Some(settled_on)) = (original.kind != EntryKind::Settlement, totals.settled_on) {
        return Err(BudgetErrorKind::AccountSettled {
            activity: original.activity.clone(),
            settled_on,
        }
        .at(path));
    }
    match original.kind {
        EntryKind::Allocation => {
            totals.approved = sub(totals.approved, original.amount, path)?;
            if totals.approved < totals.spent {
                return Err(BudgetErrorKind::ReversalBelowSpent {
                    activity: original.activity.clone(),
                    approved_after: totals.approved,
                    spent: totals.spent,
                }
                .at(path));
            }
            if in_cap {
                committed = sub(committed, original.amount, path)?;
            }
        }
        EntryKind::Expense => {
            totals.spent = sub(totals.spent, original.amount, path)?;
            if in_cap {
                spent_year = sub(spent_year, original.amount, path)?;
            }
        }
        EntryKind::Settlement => {
            totals.released = ZERO_FEN;
            totals.settled_on = None;
            if in_cap {
                committed = add(committed, original.amount, path)?;
            }
        }
        EntryKind::Reversal | EntryKind::BalanceAssertion => {}
    }
    Ok((totals, committed, spent_year))
}

impl BudgetLedger {
    /// Undoes a journal entry by a reversing entry that names it: the original stays in the
    /// journal, and the account's sums are as if it had not been posted. An allocation, an
    /// expense or a settlement can be reversed, once; a settlement's reversal reopens the
    /// account (reverse it before correcting the account's other entries). The corrector
    /// needs the authority the original entry needed, in the account's scope.
    ///
    /// # Errors
    ///
    /// `budget.missing_reason` (`reason`); `budget.outside_year`, `budget.before_original`
    /// (`date`); `budget.unknown_entry`, `budget.not_reversible`, `budget.already_reversed`,
    /// `budget.account_settled`, `budget.reversal_below_spent`, `budget.over_annual_cap`
    /// (`entry`); `member.unknown`, `authority.not_permitted` (`approver`). On error the
    /// ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, LedgerOperation, Reversal};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData, input};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// for op in [
    ///     r#"{"reserve": {"date": "2002-09-16", "activity": "challenge-cup-2002", "title": "Challenge Cup",
    ///        "line": "challenge_cup", "department": "Science and Technology", "project_leader": "2001005",
    ///        "amount": "180.00", "approver": "2000001"}}"#,
    ///     r#"{"expense": {"date": "2002-10-08", "activity": "challenge-cup-2002", "category": "training_materials",
    ///        "amount": "85.00", "approver": "2000002", "receipt": "R-1"}}"#,
    /// ] {
    ///     ledger.apply(&rb, &roster, &input::from_json_str::<LedgerOperation>(op)?)?;
    /// }
    /// // 85.00 was a typing error for 58.00: reverse it, then post the right amount.
    /// let mut fix = Reversal {
    ///     date: d(2002, 10, 9), entry: 2, approver: "2000002".into(), reason: String::new(),
    /// };
    /// let err = ledger.reverse(&rb, &roster, &fix).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.missing_reason", "reason"));
    ///
    /// fix.reason = "typed 85.00 for 58.00".into();
    /// let posting = ledger.reverse(&rb, &roster, &fix)?;
    /// assert_eq!((posting.seq, posting.amount.to_string()), (3, "85.00".to_owned()));
    /// assert_eq!(ledger.entries()[2].reverses, Some(2));
    /// assert_eq!(ledger.balance_on(&"challenge-cup-2002".into(), d(2002, 10, 9)).unwrap().to_string(), "180.00");
    ///
    /// // An entry is reversed once.
    /// let err = ledger.reverse(&rb, &roster, &fix).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.already_reversed", "entry"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reverse(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        reversal: &Reversal,
    ) -> crate::Result<Posting> {
        self.apply(
            rulebook,
            roster,
            &super::LedgerOperation::Reverse(reversal.clone()),
        )
    }

    /// Checks a cash count of an activity's account against the journal: its unspent
    /// reserve at the end of the day (approved, less spent and released, entries dated on
    /// or before it) must equal the amount counted. A count that matches is posted as an
    /// entry that moves no money; one that does not is refused with the difference.
    ///
    /// # Errors
    ///
    /// `budget.balance_mismatch`, `budget.negative_amount`, `budget.too_many_decimals`
    /// (`balance`); `budget.outside_year`, `budget.before_reservation` (`date`);
    /// `budget.unknown_activity` (`activity`); `member.unknown`, `authority.not_permitted`
    /// (`approver`). On error the ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BalanceAssertion, BudgetLedger, LedgerOperation};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData, input};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// ledger.apply(&rb, &roster, &input::from_json_str::<LedgerOperation>(
    ///     r#"{"reserve": {"date": "2002-09-16", "activity": "challenge-cup-2002", "title": "Challenge Cup",
    ///        "line": "challenge_cup", "department": "Science and Technology", "project_leader": "2001005",
    ///        "amount": "180.00", "approver": "2000001"}}"#)?)?;
    /// let mut count = BalanceAssertion {
    ///     date: d(2002, 9, 30), activity: "challenge-cup-2002".into(),
    ///     balance: "150.00".parse()?, approver: "2000002".into(), note: String::new(),
    /// };
    /// let err = ledger.assert_balance(&rb, &roster, &count).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.balance_mismatch", "balance"));
    /// assert_eq!(err.params()["difference"], "-30.00");
    ///
    /// count.balance = "180.00".parse()?;
    /// assert_eq!(ledger.assert_balance(&rb, &roster, &count)?.seq, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assert_balance(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        assertion: &BalanceAssertion,
    ) -> crate::Result<Posting> {
        self.apply(
            rulebook,
            roster,
            &super::LedgerOperation::AssertBalance(assertion.clone()),
        )
    }

    /// The unspent reserve of `activity`'s account at the end of `date`: what a cash count
    /// on that day should find. `None` when the activity has no account.
    pub fn balance_on(&self, activity: &ActivityId, date: NaiveDate) -> Option<Decimal> {
        self.has_account(activity)
            .then(|| balance_in(&self.entries, activity, date))
    }

    pub(super) fn prepare_reverse(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        r: &Reversal,
    ) -> crate::Result<Prepared> {
        let fields = LEDGER_FIELDS;
        if r.reason.trim().is_empty() {
            return Err(BudgetErrorKind::MissingReason.at("reason").into());
        }
        self.check_date(r.date, fields.date)?;
        let original = reversible(&self.entries, r.entry, r.date, "entry")?;
        let account = self
            .account(&original.activity)
            .ok_or_else(|| BudgetErrorKind::UnknownEntry { entry: r.entry }.at("entry"))?;
        let approver = roster.require(&r.approver, fields.approver)?;
        let scope = account_scope(account);
        let role = match original.kind {
            EntryKind::Expense => {
                authorize_expense(rulebook, approver, &scope, original.amount, fields.approver)?.0
            }
            EntryKind::Settlement => authorize(
                &rulebook.authority,
                Action::SettleAccount,
                approver,
                &scope,
                fields.approver,
            )?,
            _ => authorize(
                &rulebook.authority,
                Action::ApprovePlan,
                approver,
                &scope,
                fields.approver,
            )?,
        };
        let (totals, committed, spent_in_cap) = undo(
            account,
            &original,
            self.committed_in_cap,
            self.spent_in_cap,
            "entry",
        )?;
        let mut checks = Vec::new();
        let mut warnings = Vec::new();
        if original.kind == EntryKind::Settlement && account.info.within_cap {
            self.check_cap(
                &rulebook.budget,
                committed,
                "entry",
                &mut checks,
                &mut warnings,
            )?;
        }
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq("entry")?,
                date: r.date,
                kind: EntryKind::Reversal,
                activity: original.activity.clone(),
                amount: original.amount,
                approver: r.approver.clone(),
                approved_as: Some(role),
                category: original.category.clone(),
                receipt: original.receipt.clone(),
                note: r.reason.clone(),
                reverses: Some(r.entry),
            },
            new_account: None,
            totals,
            committed_in_cap: committed,
            spent_in_cap,
            checks,
            warnings,
        })
    }

    pub(super) fn prepare_assert_balance(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        b: &BalanceAssertion,
    ) -> crate::Result<Prepared> {
        let fields = LEDGER_FIELDS;
        let counted = check_amount(b.balance, true, || "balance".to_owned())?;
        self.check_date(b.date, fields.date)?;
        let account = self.account(&b.activity).ok_or_else(|| {
            BudgetErrorKind::UnknownActivity {
                activity: b.activity.clone(),
            }
            .at(fields.activity)
        })?;
        if b.date < account.totals.opened_on {
            return Err(BudgetErrorKind::BeforeReservation {
                date: b.date,
                reserved_on: account.totals.opened_on,
            }
            .at(fields.date)
            .into());
        }
        let approver = roster.require(&b.approver, fields.approver)?;
        let role = authorize(
            &rulebook.authority,
            Action::ApproveExpense,
            approver,
            &account_scope(account),
            fields.approver,
        )?;
        let expected = balance_in(&self.entries, &b.activity, b.date);
        if counted != expected {
            return Err(BudgetErrorKind::BalanceMismatch {
                activity: b.activity.clone(),
                date: b.date,
                counted,
                expected,
                difference: counted - expected,
            }
            .at("balance")
            .into());
        }
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq(fields.activity)?,
                date: b.date,
                kind: EntryKind::BalanceAssertion,
                activity: b.activity.clone(),
                amount: counted,
                approver: b.approver.clone(),
                approved_as: Some(role),
                category: String::new(),
                receipt: String::new(),
                note: b.note.clone(),
                reverses: None,
            },
            new_account: None,
            totals: account.totals,
            committed_in_cap: self.committed_in_cap,
            spent_in_cap: self.spent_in_cap,
            checks: Vec::new(),
            warnings: Vec::new(),
        })
    }
}

/// Replays a reversal or a balance assertion read from data (entry `i` of `entries`, all
/// of which are posted before it): the same checks as posting it, authority aside.
pub(super) fn replay(
    ledger: &mut BudgetLedger,
    entries: &[LedgerEntry],
    i: usize,
    account: &Account,
    at: &str,
) -> Result<Totals, BudgetError> {
    let posted = entries.get(..i).unwrap_or_default();
    let Some(entry) = entries.get(i) else {
        return Ok(account.totals);
    };
    let bad = |detail: &str| {
        BudgetErrorKind::InconsistentLedger {
            detail: detail.to_owned(),
        }
        .at(at)
    };
    match entry.kind {
        EntryKind::Reversal => {
            let seq = entry
                .reverses
                .ok_or_else(|| bad("a reversal must name its entry"))?;
            let original = reversible(posted, seq, entry.date, &format!("{at}.reverses"))?;
            if original.activity != entry.activity || original.amount != entry.amount {
                return Err(bad("a reversal must undo its entry's account and amount"));
            }
            let (totals, committed, spent) = undo(
                account,
                &original,
                ledger.committed_in_cap,
                ledger.spent_in_cap,
                &format!("{at}.amount"),
            )?;
            ledger.committed_in_cap = committed;
            ledger.spent_in_cap = spent;
            Ok(totals)
        }
        EntryKind::BalanceAssertion => {
            if entry.reverses.is_some() {
                return Err(bad("only a reversal names an entry"));
            }
            if balance_in(posted, &entry.activity, entry.date) != entry.amount {
                return Err(bad("the balance counted differs from the journal"));
            }
            Ok(account.totals)
        }
        _ => Ok(account.totals),
    }
}
