//! The budget ledger: one account per activity and a journal of entries. Every operation
//! is prepared (every check, every sum) before anything changes, then committed without a
//! possible failure, so a refused operation leaves the ledger exactly as it was.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::authority::{Action, Scope, authorize, roles_in_scope};
use crate::calendar::DateRange;
use crate::error::Error;
use crate::ids::{ActivityId, is_valid_id};
use crate::members::{Department, Member, MemberId, Role, Roster};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

use super::correction::{BalanceAssertion, Reversal, replay};

use super::{
    BudgetError, BudgetErrorKind, BudgetLine, BudgetPolicy, BudgetWarning, MAX_POLICY_AMOUNT,
    ZERO_FEN, check_amount, fen, reaches_percent,
};

/// What an entry of the journal records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Funds set aside for an activity: its reservation when the plan is approved (which
    /// may be 0.00), or a later top-up.
    Allocation,
    /// Money spent.
    Expense,
    /// The account closed when the summary is filed (or the activity cancelled): the
    /// amount is the unspent reserve released back to the year.
    Settlement,
    /// A correction: undoes the entry named by `reverses`, for the same amount. The journal
    /// is never edited; a wrong entry stays, followed by its reversal.
    Reversal,
    /// A cash count that matched: the amount is the account's unspent reserve on the day,
    /// as counted. It moves no money.
    BalanceAssertion,
}

impl EntryKind {
    /// The kind's snake_case key, as written in the journal.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Allocation => "allocation",
            EntryKind::Expense => "expense",
            EntryKind::Settlement => "settlement",
            EntryKind::Reversal => "reversal",
            EntryKind::BalanceAssertion => "balance_assertion",
        }
    }
}

/// One entry of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// Sequence number, from 1.
    pub seq: u32,
    /// The day of the entry.
    pub date: NaiveDate,
    /// What it records.
    pub kind: EntryKind,
    /// The activity whose account it moves.
    pub activity: ActivityId,
    /// The amount, yuan with two decimal places.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// Who approved it (for a settlement: who closed the account).
    pub approver: MemberId,
    /// The role under which they approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_as: Option<Role>,
    /// The expense category, e.g. `training_materials`; empty for other kinds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    /// The receipt reference of an expense; empty for other kinds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub receipt: String,
    /// A free note (for a reversal: its reason).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The entry a reversal undoes; absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverses: Option<u32>,
}

/// Funds reserved for an activity when its plan is approved: opens its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// The day of approval.
    pub date: NaiveDate,
    /// The activity.
    pub activity: ActivityId,
    /// Its title, for reports.
    pub title: String,
    /// Its budget line in the rulebook, e.g. `challenge_cup`.
    pub line: String,
    /// The organizing department: a department head approves only for their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
    /// The activity's project leader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_leader: Option<MemberId>,
    /// The approved budget (may be 0.00: the welcome party needs no special funds).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// Who approves (authority `approve_plan`).
    pub approver: MemberId,
    /// A free note.
    #[serde(default)]
    pub note: String,
}

/// More funds for an activity that already has an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "BudgetAllocation"))]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// The day of the allocation.
    pub date: NaiveDate,
    /// The activity.
    pub activity: ActivityId,
    /// The amount added to its approved budget.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// Who approves (authority `approve_plan`).
    pub approver: MemberId,
    /// A free note.
    #[serde(default)]
    pub note: String,
}

/// Money spent for an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expense {
    /// The day of the expense.
    pub date: NaiveDate,
    /// The activity.
    pub activity: ActivityId,
    /// The category, one of the line's categories when it lists any.
    pub category: String,
    /// The amount spent.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// Who approves (authority `approve_expense`, within the role's amount limit).
    pub approver: MemberId,
    /// The receipt reference (required by default).
    #[serde(default)]
    pub receipt: String,
    /// A free note.
    #[serde(default)]
    pub note: String,
}

/// Closing an activity's account: the unspent reserve goes back to the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// The day the summary was filed (or the activity cancelled).
    pub date: NaiveDate,
    /// The activity.
    pub activity: ActivityId,
    /// Who closes the account.
    pub approver: MemberId,
    /// A free note.
    #[serde(default)]
    pub note: String,
}

/// Any ledger operation, for data files and bindings: `{"expense": {...}}` (the key names
/// the operation, so an error in its fields has an exact path such as `expense.amount`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LedgerOperation {
    /// See [`BudgetLedger::reserve`].
    Reserve(Reservation),
    /// See [`BudgetLedger::allocate`].
    Allocate(Allocation),
    /// See [`BudgetLedger::record_expense`].
    Expense(Expense),
    /// See [`BudgetLedger::settle`].
    Settle(Settlement),
    /// See [`BudgetLedger::reverse`].
    Reverse(Reversal),
    /// See [`BudgetLedger::assert_balance`].
    AssertBalance(BalanceAssertion),
}

impl LedgerOperation {
    /// The operation's key: `reserve`, `allocate`, `expense`, `settle`, `reverse` or
    /// `assert_balance`.
    pub fn key(&self) -> &'static str {
        match self {
            LedgerOperation::Reserve(_) => "reserve",
            LedgerOperation::Allocate(_) => "allocate",
            LedgerOperation::Expense(_) => "expense",
            LedgerOperation::Settle(_) => "settle",
            LedgerOperation::Reverse(_) => "reverse",
            LedgerOperation::AssertBalance(_) => "assert_balance",
        }
    }

    /// The day of the operation.
    pub fn date(&self) -> NaiveDate {
        match self {
            LedgerOperation::Reserve(r) => r.date,
            LedgerOperation::Allocate(a) => a.date,
            LedgerOperation::Expense(e) => e.date,
            LedgerOperation::Settle(s) => s.date,
            LedgerOperation::Reverse(r) => r.date,
            LedgerOperation::AssertBalance(b) => b.date,
        }
    }
}

/// Which limit a check concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    /// Spending within the activity's approved budget.
    ActivityApproved,
    /// An activity's approved budget within its line's maximum.
    LineMax,
    /// The year's commitments within the annual cap.
    AnnualCap,
    /// A single expense within its approver's amount limit.
    ApprovalLimit,
}

/// One limit an operation was checked against, and where it leaves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitCheck {
    /// Which limit.
    pub kind: LimitKind,
    /// The rule behind it.
    pub rule: RuleRef,
    /// The limit.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub limit: Decimal,
    /// What counts against it after the operation.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub used: Decimal,
}

/// What an accepted operation posted: the entry's number and what the ledger decided (the
/// amount as kept, the approving role), the limits checked, the warnings. The entry itself
/// is [`BudgetLedger::entries`]`[seq - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Posting {
    /// The entry's sequence number.
    pub seq: u32,
    /// What the entry records.
    pub kind: EntryKind,
    /// The amount, yuan with two decimal places (for a settlement: the reserve released).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// The role under which the entry was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_as: Option<Role>,
    /// Every limit checked, with the rule and the numbers.
    pub checks: Vec<LimitCheck>,
    /// Limits approached, plans below their range.
    pub warnings: Vec<BudgetWarning>,
}

/// The standing facts of an account, as written when its funds were first reserved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct AccountInfo {
    /// The activity's title.
    pub(crate) title: String,
    /// The budget line it is charged to.
    pub(crate) line: String,
    /// Whether the account counts toward the annual cap (its line's, when reserved).
    pub(crate) within_cap: bool,
    /// The department that runs the activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) department: Option<Department>,
    /// The activity's project leader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) project_leader: Option<MemberId>,
}

/// The sums of an account's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Totals {
    pub(crate) opened_on: NaiveDate,
    pub(crate) approved: Decimal,
    pub(crate) spent: Decimal,
    pub(crate) released: Decimal,
    pub(crate) settled_on: Option<NaiveDate>,
}

impl Totals {
    /// Approved and not yet spent nor released.
    pub(crate) fn reserved(&self) -> Decimal {
        if self.settled_on.is_some() {
            ZERO_FEN
        } else {
            self.approved - self.spent
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Account {
    pub(crate) info: AccountInfo,
    pub(crate) totals: Totals,
}

/// The names of an operation's fields in the caller's input, for error paths: the ledger's
/// own operations use [`LEDGER_FIELDS`]; an activity step that reserves or settles funds
/// names its own fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldNames {
    pub(crate) amount: &'static str,
    pub(crate) date: &'static str,
    pub(crate) approver: &'static str,
    pub(crate) activity: &'static str,
    pub(crate) line: &'static str,
}

/// The field names of the ledger's own operations.
pub(crate) const LEDGER_FIELDS: FieldNames = FieldNames {
    amount: "amount",
    date: "date",
    approver: "approver",
    activity: "activity",
    line: "line",
};

/// The budget ledger of one school year: accounts per activity and the journal.
///
/// Serialised as `{"year", "period", "accounts": {id: {title, line, within_cap, ...}},
/// "entries": [...]}`; the sums are not written but recomputed (and checked) when a ledger
/// is read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLedger {
    year: String,
    period: DateRange,
    /// By activity; serialised in the order of their ids.
    pub(super) accounts: FxHashMap<ActivityId, Account>,
    pub(super) entries: Vec<LedgerEntry>,
    /// Sum of the accounts' commitments inside the cap.
    pub(super) committed_in_cap: Decimal,
    /// Sum of the accounts' spending inside the cap.
    pub(super) spent_in_cap: Decimal,
}

/// An operation checked and summed, ready to commit.
pub(super) struct Prepared {
    pub(super) entry: LedgerEntry,
    /// The account a reservation opens (boxed: the other operations carry none).
    pub(super) new_account: Option<Box<AccountInfo>>,
    pub(super) totals: Totals,
    pub(super) committed_in_cap: Decimal,
    pub(super) spent_in_cap: Decimal,
    pub(super) checks: Vec<LimitCheck>,
    pub(super) warnings: Vec<BudgetWarning>,
}

impl Prepared {
    /// What the operation posts, and its entry.
    fn into_posting(self) -> (Posting, LedgerEntry) {
        let posting = Posting {
            seq: self.entry.seq,
            kind: self.entry.kind,
            amount: self.entry.amount,
            approved_as: self.entry.approved_as,
            checks: self.checks,
            warnings: self.warnings,
        };
        (posting, self.entry)
    }
}

pub(super) fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, BudgetError> {
    a.checked_add(b)
        .ok_or_else(|| BudgetErrorKind::Overflow.at(path))
}

pub(super) fn sub(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, BudgetError> {
    a.checked_sub(b)
        .ok_or_else(|| BudgetErrorKind::Overflow.at(path))
}

impl BudgetLedger {
    /// An empty ledger for the school year `year` (a label such as `2002-2003`) running
    /// over `period`: entries dated outside it are refused.
    pub fn new(year: impl Into<String>, period: DateRange) -> BudgetLedger {
        BudgetLedger {
            year: year.into(),
            period,
            accounts: FxHashMap::default(),
            entries: Vec::new(),
            committed_in_cap: ZERO_FEN,
            spent_in_cap: ZERO_FEN,
        }
    }

    /// The school year's label.
    pub fn year(&self) -> &str {
        &self.year
    }

    /// The dates the ledger accepts.
    pub fn period(&self) -> DateRange {
        self.period
    }

    /// The journal, in order.
    pub fn entries(&self) -> &[LedgerEntry] {
        &self.entries
    }

    /// Whether funds were ever reserved for `activity`.
    pub fn has_account(&self, activity: &ActivityId) -> bool {
        self.accounts.contains_key(activity)
    }

    /// The ids of the activities with an account, in order.
    pub fn activities(&self) -> Vec<&ActivityId> {
        let mut ids: Vec<&ActivityId> = self.accounts.keys().collect();
        ids.sort_unstable();
        ids
    }

    /// What the accounts inside the annual cap hold against it: the approved budgets of
    /// open accounts and the spending of settled ones.
    pub fn committed_within_cap(&self) -> Decimal {
        self.committed_in_cap
    }

    /// What the accounts inside the annual cap have spent.
    pub fn spent_within_cap(&self) -> Decimal {
        self.spent_in_cap
    }

    /// The accounts, in the order of their activities' ids.
    pub(crate) fn accounts(&self) -> Vec<(&ActivityId, &Account)> {
        let mut accounts: Vec<_> = self.accounts.iter().collect();
        accounts.sort_unstable_by(|a, b| a.0.cmp(b.0));
        accounts
    }

    /// The account of `activity`.
    pub(crate) fn account(&self, activity: &ActivityId) -> Option<&Account> {
        self.accounts.get(activity)
    }

    /// Reserves an activity's approved budget and opens its account (what approving its
    /// plan does). The amount must fit the line's maximum and, for lines inside the cap,
    /// the annual cap; 0.00 is allowed.
    ///
    /// # Errors
    ///
    /// `budget.negative_amount`, `budget.too_many_decimals` (path `amount`);
    /// `budget.outside_year` (`date`); `activity.invalid_id`, `budget.duplicate_activity`
    /// (`activity`); `budget.unknown_line` (`line`); `member.unknown`,
    /// `authority.not_permitted` (`approver`, authority `approve_plan`);
    /// `budget.over_line_max`, `budget.over_annual_cap`, `budget.overflow` (`amount`). On
    /// error the ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, Decimal, Reservation};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// let mut cup = Reservation {
    ///     date: d(2002, 9, 16),
    ///     activity: "challenge-cup-2002".into(),
    ///     title: "Challenge Cup".into(),
    ///     line: "challenge_cup".into(),
    ///     department: Some(secretariat::Department("Science and Technology".into())),
    ///     project_leader: Some("2001005".into()),
    ///     amount: "250.00".parse()?,
    ///     approver: "2000002".into(), // head of Science and Technology
    ///     note: String::new(),
    /// };
    /// // The Challenge Cup line is 150-200 yuan (seed 000).
    /// let err = ledger.reserve(&rb, &roster, &cup).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.over_line_max", "amount"));
    /// assert!(ledger.entries().is_empty());
    ///
    /// cup.amount = "180.00".parse()?;
    /// let posting = ledger.reserve(&rb, &roster, &cup)?;
    /// assert_eq!(posting.amount.to_string(), "180.00");
    /// assert_eq!(ledger.committed_within_cap(), Decimal::from(180));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reserve(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        reservation: &Reservation,
    ) -> crate::Result<Posting> {
        self.reserve_with(rulebook, roster, reservation, LEDGER_FIELDS)
    }

    pub(crate) fn reserve_with(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        reservation: &Reservation,
        fields: FieldNames,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare_reserve(rulebook, roster, reservation, fields)?;
        Ok(self.commit(prepared))
    }

    /// Adds funds to an activity's approved budget, within its line's maximum and the
    /// annual cap.
    ///
    /// # Errors
    ///
    /// `budget.non_positive_amount`, `budget.too_many_decimals` (`amount`);
    /// `budget.outside_year`, `budget.before_reservation` (`date`);
    /// `budget.unknown_activity`, `budget.account_settled` (`activity`); `member.unknown`,
    /// `authority.not_permitted` (`approver`); `budget.over_line_max`,
    /// `budget.over_annual_cap`, `budget.overflow` (`amount`). On error the ledger is
    /// unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{Allocation, BudgetLedger};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// let top_up = Allocation {
    ///     date: d(2002, 11, 1),
    ///     activity: "challenge-cup-2002".into(),
    ///     amount: "20.00".parse()?,
    ///     approver: "1999001".into(),
    ///     note: String::new(),
    /// };
    /// let err = ledger.allocate(&rb, &roster, &top_up).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.unknown_activity", "activity"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocate(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        allocation: &Allocation,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare_allocate(rulebook, roster, allocation)?;
        Ok(self.commit(prepared))
    }

    /// Records an expense: within the activity's approved budget, of one of its line's
    /// categories, with a receipt, approved by a member whose role may approve that
    /// amount. Spending past the rulebook's warning percentage of the activity's budget or
    /// of the annual cap is accepted with a warning.
    ///
    /// # Errors
    ///
    /// `budget.non_positive_amount`, `budget.too_many_decimals` (`amount`);
    /// `budget.outside_year`, `budget.before_reservation` (`date`);
    /// `budget.unknown_activity`, `budget.account_settled` (`activity`);
    /// `budget.unknown_category` (`category`); `budget.missing_receipt` (`receipt`);
    /// `member.unknown`, `authority.not_permitted` (`approver`: no authority
    /// `approve_expense`, or not for that amount); `budget.over_activity_max`,
    /// `budget.overflow` (`amount`). On error the ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, Expense, Reservation};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// ledger.reserve(&rb, &roster, &Reservation {
    ///     date: d(2002, 9, 16),
    ///     activity: "challenge-cup-2002".into(),
    ///     title: "Challenge Cup".into(),
    ///     line: "challenge_cup".into(),
    ///     department: Some(secretariat::Department("Science and Technology".into())),
    ///     project_leader: Some("2001005".into()),
    ///     amount: "180.00".parse()?,
    ///     approver: "2000002".into(),
    ///     note: String::new(),
    /// })?;
    /// let mut books = Expense {
    ///     date: d(2002, 10, 12),
    ///     activity: "challenge-cup-2002".into(),
    ///     category: "training_materials".into(),
    ///     amount: "45.505".parse()?,
    ///     approver: "2000002".into(),
    ///     receipt: "CC-2002-001".into(),
    ///     note: String::new(),
    /// };
    /// let err = ledger.record_expense(&rb, &roster, &books).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.too_many_decimals", "amount"));
    ///
    /// books.amount = "45.50".parse()?;
    /// ledger.record_expense(&rb, &roster, &books)?;
    ///
    /// // A department head approves up to 100.00 by default; 150.00 needs a president.
    /// let experts = Expense { amount: "150.00".parse()?, category: "expert_training".into(), ..books };
    /// let err = ledger.record_expense(&rb, &roster, &experts).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("authority.not_permitted", "approver"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_expense(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        expense: &Expense,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare_expense(rulebook, roster, expense)?;
        Ok(self.commit(prepared))
    }

    /// Every reason [`BudgetLedger::record_expense`] would refuse `expense`, not only the
    /// first, in the order it checks them (empty when it would be recorded): what an
    /// expense form shows. Checks that need what an earlier one refused are left out (an
    /// unknown activity has no approved budget to exceed).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::activity::ActivityYearData;
    /// use secretariat::budget::Expense;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let today = NaiveDate::from_ymd_opt(2002, 11, 20).unwrap();
    /// let year = ActivityYearData::sample().replay(&rb, &roster, None, today)?;
    /// let party = Expense {
    ///     date: today,
    ///     activity: "challenge-cup-2002".into(),
    ///     category: "snacks".into(),
    ///     amount: "300.00".parse()?,
    ///     approver: "2002011".into(), // an officer: no authority over expenses
    ///     receipt: String::new(),
    ///     note: String::new(),
    /// };
    /// let problems = year.ledger.expense_problems(&rb, &roster, &party);
    /// let codes: Vec<_> = problems.iter().map(|e| (e.code(), e.path())).collect();
    /// assert_eq!(codes, [
    ///     ("budget.unknown_category", "category"),
    ///     ("budget.missing_receipt", "receipt"),
    ///     ("authority.not_permitted", "approver"),
    ///     ("budget.over_activity_max", "amount"),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expense_problems(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        expense: &Expense,
    ) -> Vec<Error> {
        let fields = LEDGER_FIELDS;
        let policy = &rulebook.budget;
        let e = expense;
        let mut problems: Vec<Error> = Vec::new();
        let amount = match check_amount(e.amount, false, || fields.amount.to_owned()) {
            Ok(amount) => Some(amount),
            Err(err) => {
                problems.push(err.into());
                None
            }
        };
        if let Err(err) = self.check_date(e.date, fields.date) {
            problems.push(err.into());
        }
        // As `open_account`, every refusal kept.
        let account = match self.accounts.get(&e.activity) {
            None => {
                problems.push(
                    BudgetErrorKind::UnknownActivity {
                        activity: e.activity.clone(),
                    }
                    .at(fields.activity)
                    .into(),
                );
                None
            }
            Some(account) => match account.totals.settled_on {
                Some(settled_on) => {
                    problems.push(
                        BudgetErrorKind::AccountSettled {
                            activity: e.activity.clone(),
                            settled_on,
                        }
                        .at(fields.activity)
                        .into(),
                    );
                    None
                }
                None => Some(account),
            },
        };
        let open = account.and_then(|account| {
            if e.date < account.totals.opened_on {
                problems.push(
                    BudgetErrorKind::BeforeReservation {
                        date: e.date,
                        reserved_on: account.totals.opened_on,
                    }
                    .at(fields.date)
                    .into(),
                );
            }
            match policy.line(&account.info.line) {
                Some(line) => Some((account, line)),
                None => {
                    problems.push(
                        BudgetErrorKind::UnknownLine {
                            line: account.info.line.clone(),
                        }
                        .at(fields.activity)
                        .into(),
                    );
                    None
                }
            }
        });
        if let Some((account, line)) = open
            && !line.categories.is_empty()
            && !line.categories.contains(&e.category)
        {
            problems.push(
                BudgetErrorKind::UnknownCategory {
                    category: e.category.clone(),
                    line: account.info.line.clone(),
                    allowed: line.categories.join(", "),
                }
                .at("category")
                .into(),
            );
        }
        if policy.require_receipt && e.receipt.trim().is_empty() {
            problems.push(BudgetErrorKind::MissingReceipt.at("receipt").into());
        }
        match roster.require(&e.approver, fields.approver) {
            Err(err) => problems.push(err.into()),
            Ok(approver) => {
                if let Some((account, _)) = open {
                    let scope = account_scope(account);
                    let authorized = match amount {
                        Some(amount) => {
                            authorize_expense(rulebook, approver, &scope, amount, fields.approver)
                                .map(drop)
                        }
                        None => authorize(
                            &rulebook.authority,
                            Action::ApproveExpense,
                            approver,
                            &scope,
                            fields.approver,
                        )
                        .map(drop)
                        .map_err(Error::from),
                    };
                    if let Err(err) = authorized {
                        problems.push(err);
                    }
                }
            }
        }
        if let (Some((account, _)), Some(amount)) = (open, amount) {
            match account.totals.spent.checked_add(amount) {
                Some(spent_after) if spent_after > account.totals.approved => problems.push(
                    BudgetErrorKind::OverActivityMax {
                        activity: e.activity.clone(),
                        spent_after,
                        approved: account.totals.approved,
                    }
                    .at(fields.amount)
                    .into(),
                ),
                Some(_) => {}
                None => problems.push(BudgetErrorKind::Overflow.at(fields.amount).into()),
            }
        }
        problems
    }

    /// Closes an activity's account (what filing its summary, or cancelling it, does): the
    /// unspent reserve is released back to the year, and the account takes no more entries.
    /// The approver must be the activity's project leader or hold a role of the rulebook's
    /// `authority.settle_account` in the account's scope.
    ///
    /// # Errors
    ///
    /// `budget.outside_year`, `budget.before_reservation` (`date`);
    /// `budget.unknown_activity`, `budget.account_settled` (`activity`); `member.unknown`,
    /// `authority.not_permitted` (`approver`). On error the ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, LedgerOperation, Settlement};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData, input};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// let mut close = Settlement {
    ///     date: d(2003, 5, 26),
    ///     activity: "challenge-cup-2002".into(),
    ///     approver: "2001005".into(),
    ///     note: String::new(),
    /// };
    /// let err = ledger.settle(&rb, &roster, &close).unwrap_err();
    /// assert_eq!(err.code(), "budget.unknown_activity");
    ///
    /// let reserve: LedgerOperation = input::from_json_str(r#"{"reserve": {"date": "2002-09-16",
    ///     "activity": "challenge-cup-2002", "title": "Challenge Cup", "line": "challenge_cup",
    ///     "department": "Science and Technology", "project_leader": "2001005",
    ///     "amount": "180.00", "approver": "2000002"}}"#)?;
    /// ledger.apply(&rb, &roster, &reserve)?;
    ///
    /// // A plain officer who does not lead the activity may not close its account.
    /// close.approver = "2002011".into();
    /// let err = ledger.settle(&rb, &roster, &close).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("authority.not_permitted", "approver"));
    ///
    /// // Its project leader may.
    /// close.approver = "2001005".into();
    /// let posting = ledger.settle(&rb, &roster, &close)?;
    /// assert_eq!(posting.amount.to_string(), "180.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        settlement: &Settlement,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare_settle(rulebook, roster, settlement, LEDGER_FIELDS, true)?;
        Ok(self.commit(prepared))
    }

    /// Settles an account as a lifecycle step (a summary filed, an activity cancelled) whose
    /// actor the activity book has already checked for that step.
    pub(crate) fn settle_with(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        settlement: &Settlement,
        fields: FieldNames,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare_settle(rulebook, roster, settlement, fields, false)?;
        Ok(self.commit(prepared))
    }

    /// Applies any operation.
    ///
    /// # Errors
    ///
    /// As the operation's own method. On error the ledger is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, LedgerOperation};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData, input};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// let op: LedgerOperation = input::from_json_str(r#"{"reserve": {"date": "2002-09-28",
    ///     "activity": "welcome-party-2002", "title": "Welcome party", "line": "welcome_party",
    ///     "amount": "0.00", "approver": "2000002"}}"#)?;
    /// ledger.apply(&rb, &roster, &op)?;
    /// let err = ledger.apply(&rb, &roster, &op).unwrap_err();
    /// assert_eq!(err.code(), "budget.duplicate_activity");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        operation: &LedgerOperation,
    ) -> crate::Result<Posting> {
        let prepared = self.prepare(rulebook, roster, operation)?;
        Ok(self.commit(prepared))
    }

    /// What [`BudgetLedger::apply`] would post, without changing the ledger: a form's
    /// preview of an expense.
    ///
    /// # Errors
    ///
    /// As [`BudgetLedger::apply`].
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::{BudgetLedger, Expense, LedgerOperation};
    /// use secretariat::calendar::DateRange;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let ledger = BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)));
    /// let op = LedgerOperation::Expense(Expense {
    ///     date: d(2002, 10, 1),
    ///     activity: "welcome-party-2002".into(),
    ///     category: "printing".into(),
    ///     amount: "-5".parse()?,
    ///     approver: "2000002".into(),
    ///     receipt: "R-1".into(),
    ///     note: String::new(),
    /// });
    /// let err = ledger.check(&rb, &roster, &op).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.non_positive_amount", "amount"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        operation: &LedgerOperation,
    ) -> crate::Result<Posting> {
        Ok(self.prepare(rulebook, roster, operation)?.into_posting().0)
    }

    fn prepare(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        operation: &LedgerOperation,
    ) -> crate::Result<Prepared> {
        match operation {
            LedgerOperation::Reserve(r) => self.prepare_reserve(rulebook, roster, r, LEDGER_FIELDS),
            LedgerOperation::Allocate(a) => self.prepare_allocate(rulebook, roster, a),
            LedgerOperation::Expense(e) => self.prepare_expense(rulebook, roster, e),
            LedgerOperation::Settle(s) => {
                self.prepare_settle(rulebook, roster, s, LEDGER_FIELDS, true)
            }
            LedgerOperation::Reverse(r) => self.prepare_reverse(rulebook, roster, r),
            LedgerOperation::AssertBalance(b) => self.prepare_assert_balance(rulebook, roster, b),
        }
    }

    /// Applies a prepared operation; nothing here can fail.
    fn commit(&mut self, mut p: Prepared) -> Posting {
        let id = &p.entry.activity;
        match self.accounts.get_mut(id) {
            Some(account) => account.totals = p.totals,
            None => {
                if let Some(info) = p.new_account.take() {
                    self.accounts.insert(
                        id.clone(),
                        Account {
                            info: *info,
                            totals: p.totals,
                        },
                    );
                }
            }
        }
        self.committed_in_cap = p.committed_in_cap;
        self.spent_in_cap = p.spent_in_cap;
        let (posting, entry) = p.into_posting();
        self.entries.push(entry);
        posting
    }

    pub(super) fn next_seq(&self, path: &str) -> Result<u32, BudgetError> {
        u32::try_from(self.entries.len())
            .ok()
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| BudgetErrorKind::Overflow.at(path))
    }

    pub(super) fn check_date(&self, date: NaiveDate, path: &str) -> Result<(), BudgetError> {
        if self.period.contains(date) {
            Ok(())
        } else {
            Err(BudgetErrorKind::OutsideYear {
                date,
                start: self.period.start,
                end: self.period.end,
            }
            .at(path))
        }
    }

    /// The open account of `activity`, with its line in the rulebook.
    fn open_account<'a>(
        &'a self,
        policy: &'a BudgetPolicy,
        activity: &ActivityId,
        date: NaiveDate,
        fields: FieldNames,
    ) -> Result<(&'a Account, &'a BudgetLine), BudgetError> {
        let account = self.accounts.get(activity).ok_or_else(|| {
            BudgetErrorKind::UnknownActivity {
                activity: activity.clone(),
            }
            .at(fields.activity)
        })?;
        if let Some(settled_on) = account.totals.settled_on {
            return Err(BudgetErrorKind::AccountSettled {
                activity: activity.clone(),
                settled_on,
            }
            .at(fields.activity));
        }
        if date < account.totals.opened_on {
            return Err(BudgetErrorKind::BeforeReservation {
                date,
                reserved_on: account.totals.opened_on,
            }
            .at(fields.date));
        }
        let line = policy.line(&account.info.line).ok_or_else(|| {
            BudgetErrorKind::UnknownLine {
                line: account.info.line.clone(),
            }
            .at(fields.activity)
        })?;
        Ok((account, line))
    }

    fn prepare_reserve(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        r: &Reservation,
        fields: FieldNames,
    ) -> crate::Result<Prepared> {
        let policy = &rulebook.budget;
        let amount = check_amount(r.amount, true, || fields.amount.to_owned())?;
        self.check_date(r.date, fields.date)?;
        if !is_valid_id(r.activity.as_str()) {
            return Err(BudgetErrorKind::InvalidActivityId {
                id: r.activity.clone(),
            }
            .at(fields.activity)
            .into());
        }
        if self.accounts.contains_key(&r.activity) {
            return Err(BudgetErrorKind::DuplicateActivity {
                activity: r.activity.clone(),
            }
            .at(fields.activity)
            .into());
        }
        let line = policy.line(&r.line).ok_or_else(|| {
            BudgetErrorKind::UnknownLine {
                line: r.line.clone(),
            }
            .at(fields.line)
        })?;
        let approver = roster.require(&r.approver, fields.approver)?;
        let scope = Scope {
            project_leader: r.project_leader.as_ref(),
            department: r.department.as_ref(),
        };
        let role = authorize(
            &rulebook.authority,
            Action::ApprovePlan,
            approver,
            &scope,
            fields.approver,
        )?;
        let totals = Totals {
            opened_on: r.date,
            approved: amount,
            spent: ZERO_FEN,
            released: ZERO_FEN,
            settled_on: None,
        };
        let mut checks = vec![line_check(policy, &r.line, line, amount)];
        if amount > line.max {
            return Err(BudgetErrorKind::OverLineMax {
                activity: r.activity.clone(),
                line: r.line.clone(),
                approved_after: amount,
                max: line.max,
            }
            .at(fields.amount)
            .into());
        }
        let mut warnings = Vec::new();
        if amount < line.min {
            warnings.push(BudgetWarning::BelowLineRange {
                path: fields.amount.to_owned(),
                line: r.line.clone(),
                amount,
                min: line.min,
            });
        }
        let committed = if line.within_cap {
            let after = add(self.committed_in_cap, amount, fields.amount)?;
            self.check_cap(policy, after, fields.amount, &mut checks, &mut warnings)?;
            after
        } else {
            self.committed_in_cap
        };
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq(fields.activity)?,
                date: r.date,
                kind: EntryKind::Allocation,
                activity: r.activity.clone(),
                amount,
                approver: r.approver.clone(),
                approved_as: Some(role),
                category: String::new(),
                receipt: String::new(),
                note: r.note.clone(),
                reverses: None,
            },
            new_account: Some(Box::new(AccountInfo {
                title: r.title.clone(),
                line: r.line.clone(),
                within_cap: line.within_cap,
                department: r.department.clone(),
                project_leader: r.project_leader.clone(),
            })),
            totals,
            committed_in_cap: committed,
            spent_in_cap: self.spent_in_cap,
            checks,
            warnings,
        })
    }

    fn prepare_allocate(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        a: &Allocation,
    ) -> crate::Result<Prepared> {
        let fields = LEDGER_FIELDS;
        let policy = &rulebook.budget;
        let amount = check_amount(a.amount, false, || fields.amount.to_owned())?;
        self.check_date(a.date, fields.date)?;
        let (account, line) = self.open_account(policy, &a.activity, a.date, fields)?;
        let approver = roster.require(&a.approver, fields.approver)?;
        let role = authorize(
            &rulebook.authority,
            Action::ApprovePlan,
            approver,
            &account_scope(account),
            fields.approver,
        )?;
        let mut totals = account.totals;
        totals.approved = add(totals.approved, amount, fields.amount)?;
        let mut checks = vec![line_check(
            policy,
            &account.info.line,
            line,
            totals.approved,
        )];
        if totals.approved > line.max {
            return Err(BudgetErrorKind::OverLineMax {
                activity: a.activity.clone(),
                line: account.info.line.clone(),
                approved_after: totals.approved,
                max: line.max,
            }
            .at(fields.amount)
            .into());
        }
        let mut warnings = Vec::new();
        let committed = if account.info.within_cap {
            let after = add(self.committed_in_cap, amount, fields.amount)?;
            self.check_cap(policy, after, fields.amount, &mut checks, &mut warnings)?;
            after
        } else {
            self.committed_in_cap
        };
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq(fields.activity)?,
                date: a.date,
                kind: EntryKind::Allocation,
                activity: a.activity.clone(),
                amount,
                approver: a.approver.clone(),
                approved_as: Some(role),
                category: String::new(),
                receipt: String::new(),
                note: a.note.clone(),
                reverses: None,
            },
            new_account: None,
            totals,
            committed_in_cap: committed,
            spent_in_cap: self.spent_in_cap,
            checks,
            warnings,
        })
    }

    fn prepare_expense(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        e: &Expense,
    ) -> crate::Result<Prepared> {
        let fields = LEDGER_FIELDS;
        let policy = &rulebook.budget;
        let amount = check_amount(e.amount, false, || fields.amount.to_owned())?;
        self.check_date(e.date, fields.date)?;
        let (account, line) = self.open_account(policy, &e.activity, e.date, fields)?;
        if !line.categories.is_empty() && !line.categories.contains(&e.category) {
            return Err(BudgetErrorKind::UnknownCategory {
                category: e.category.clone(),
                line: account.info.line.clone(),
                allowed: line.categories.join(", "),
            }
            .at("category")
            .into());
        }
        if policy.require_receipt && e.receipt.trim().is_empty() {
            return Err(BudgetErrorKind::MissingReceipt.at("receipt").into());
        }
        let approver = roster.require(&e.approver, fields.approver)?;
        let (role, role_limit) = authorize_expense(
            rulebook,
            approver,
            &account_scope(account),
            amount,
            fields.approver,
        )?;
        let mut totals = account.totals;
        totals.spent = add(totals.spent, amount, fields.amount)?;
        let mut checks = Vec::with_capacity(2);
        if let Some(max) = role_limit {
            checks.push(LimitCheck {
                kind: LimitKind::ApprovalLimit,
                rule: BudgetPolicy::approval_limit_rule(),
                limit: max,
                used: amount,
            });
        }
        checks.push(LimitCheck {
            kind: LimitKind::ActivityApproved,
            rule: BudgetPolicy::approved_budget_rule(),
            limit: totals.approved,
            used: totals.spent,
        });
        if totals.spent > totals.approved {
            return Err(BudgetErrorKind::OverActivityMax {
                activity: e.activity.clone(),
                spent_after: totals.spent,
                approved: totals.approved,
            }
            .at(fields.amount)
            .into());
        }
        let mut warnings = Vec::new();
        if reaches_percent(totals.spent, totals.approved, policy.warning_percent) {
            warnings.push(BudgetWarning::NearActivityMax {
                path: fields.amount.to_owned(),
                activity: e.activity.clone(),
                spent: totals.spent,
                approved: totals.approved,
                percent: policy.warning_percent,
            });
        }
        // Spending within the approved budget moves money from reserved to spent: the
        // commitments against the cap stay as they are, so the cap has nothing to refuse
        // here; the year's spending is only watched for the warning.
        let spent_in_cap = if account.info.within_cap {
            let after = add(self.spent_in_cap, amount, fields.amount)?;
            if reaches_percent(after, policy.annual_cap, policy.warning_percent) {
                warnings.push(BudgetWarning::NearAnnualCap {
                    path: fields.amount.to_owned(),
                    used: after,
                    cap: policy.annual_cap,
                    percent: policy.warning_percent,
                });
            }
            after
        } else {
            self.spent_in_cap
        };
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq(fields.activity)?,
                date: e.date,
                kind: EntryKind::Expense,
                activity: e.activity.clone(),
                amount,
                approver: e.approver.clone(),
                approved_as: Some(role),
                category: e.category.clone(),
                receipt: e.receipt.clone(),
                note: e.note.clone(),
                reverses: None,
            },
            new_account: None,
            totals,
            committed_in_cap: self.committed_in_cap,
            spent_in_cap,
            checks,
            warnings,
        })
    }

    fn prepare_settle(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        s: &Settlement,
        fields: FieldNames,
        direct: bool,
    ) -> crate::Result<Prepared> {
        self.check_date(s.date, fields.date)?;
        let (account, _) = self.open_account(&rulebook.budget, &s.activity, s.date, fields)?;
        let approver = roster.require(&s.approver, fields.approver)?;
        if direct {
            authorize(
                &rulebook.authority,
                Action::SettleAccount,
                approver,
                &account_scope(account),
                fields.approver,
            )?;
        }
        let mut totals = account.totals;
        totals.released = sub(totals.approved, totals.spent, fields.amount)?;
        totals.settled_on = Some(s.date);
        let committed = if account.info.within_cap {
            sub(self.committed_in_cap, totals.released, fields.amount)?
        } else {
            self.committed_in_cap
        };
        Ok(Prepared {
            entry: LedgerEntry {
                seq: self.next_seq(fields.activity)?,
                date: s.date,
                kind: EntryKind::Settlement,
                activity: s.activity.clone(),
                amount: totals.released,
                approver: s.approver.clone(),
                approved_as: None,
                category: String::new(),
                receipt: String::new(),
                note: s.note.clone(),
                reverses: None,
            },
            new_account: None,
            totals,
            committed_in_cap: committed,
            spent_in_cap: self.spent_in_cap,
            checks: Vec::new(),
            warnings: Vec::new(),
        })
    }

    /// Refuses commitments past the annual cap; records the check and a warning near it.
    pub(super) fn check_cap(
        &self,
        policy: &BudgetPolicy,
        committed_after: Decimal,
        path: &str,
        checks: &mut Vec<LimitCheck>,
        warnings: &mut Vec<BudgetWarning>,
    ) -> Result<(), BudgetError> {
        checks.push(LimitCheck {
            kind: LimitKind::AnnualCap,
            rule: policy.cap_rule(),
            limit: policy.annual_cap,
            used: committed_after,
        });
        if committed_after > policy.annual_cap {
            return Err(BudgetErrorKind::OverAnnualCap {
                committed_after,
                cap: policy.annual_cap,
            }
            .at(path));
        }
        if reaches_percent(committed_after, policy.annual_cap, policy.warning_percent) {
            warnings.push(BudgetWarning::NearAnnualCap {
                path: path.to_owned(),
                used: committed_after,
                cap: policy.annual_cap,
                percent: policy.warning_percent,
            });
        }
        Ok(())
    }

    /// Rebuilds the sums from the journal, refusing a journal that no sequence of accepted
    /// operations could have written (limits of the rulebook aside, which the data does
    /// not carry).
    pub(super) fn from_record(record: LedgerRecord) -> Result<BudgetLedger, BudgetError> {
        let mut ledger = BudgetLedger::new(record.year, record.period);
        let mut opened: BTreeMap<ActivityId, Option<Totals>> = record
            .accounts
            .keys()
            .map(|id| (id.clone(), None))
            .collect();
        for (i, entry) in record.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            let bad =
                |detail: String| BudgetErrorKind::InconsistentLedger { detail }.at(at.clone());
            if usize::try_from(entry.seq).ok() != i.checked_add(1) {
                return Err(bad(format!("sequence number {} out of order", entry.seq)));
            }
            ledger.check_date(entry.date, &format!("{at}.date"))?;
            let positive = entry.kind == EntryKind::Expense;
            let amount = check_amount(entry.amount, !positive, || format!("{at}.amount"))?;
            if amount > MAX_POLICY_AMOUNT {
                return Err(bad(format!("{amount} is above {MAX_POLICY_AMOUNT}")));
            }
            let in_cap = match record.accounts.get(&entry.activity) {
                Some(info) => info.within_cap,
                None => return Err(bad(format!("no account {:?}", entry.activity.0))),
            };
            let slot = opened.get_mut(&entry.activity);
            let totals = match (slot, entry.kind) {
                (Some(slot @ None), EntryKind::Allocation) => slot.insert(Totals {
                    opened_on: entry.date,
                    approved: ZERO_FEN,
                    spent: ZERO_FEN,
                    released: ZERO_FEN,
                    settled_on: None,
                }),
                (Some(Some(totals)), kind)
                    if totals.settled_on.is_none()
                        || kind == EntryKind::BalanceAssertion
                        || kind == EntryKind::Reversal =>
                {
                    if entry.date < totals.opened_on {
                        return Err(bad("dated before the account was opened".into()));
                    }
                    totals
                }
                (Some(Some(_)), _) => return Err(bad("entry after the settlement".into())),
                _ => return Err(bad("the first entry of an account must allocate".into())),
            };
            let path = format!("{at}.amount");
            if entry.reverses.is_some() && entry.kind != EntryKind::Reversal {
                return Err(bad("only a reversal names an entry".into()));
            }
            match entry.kind {
                EntryKind::Allocation => {
                    totals.approved = add(totals.approved, amount, &path)?;
                    if in_cap {
                        ledger.committed_in_cap = add(ledger.committed_in_cap, amount, &path)?;
                    }
                }
                EntryKind::Expense => {
                    totals.spent = add(totals.spent, amount, &path)?;
                    if totals.spent > totals.approved {
                        return Err(bad("spending above the approved budget".into()));
                    }
                    if in_cap {
                        ledger.spent_in_cap = add(ledger.spent_in_cap, amount, &path)?;
                    }
                }
                EntryKind::Settlement => {
                    let released = sub(totals.approved, totals.spent, &path)?;
                    if released != amount {
                        return Err(bad(format!(
                            "the settlement releases {amount}, the unspent reserve is {released}"
                        )));
                    }
                    totals.released = released;
                    totals.settled_on = Some(entry.date);
                    if in_cap {
                        ledger.committed_in_cap = sub(ledger.committed_in_cap, released, &path)?;
                    }
                }
                EntryKind::Reversal | EntryKind::BalanceAssertion => {
                    let info = record.accounts.get(&entry.activity).cloned();
                    let account = Account {
                        info: info.ok_or_else(|| bad("no account".into()))?,
                        totals: *totals,
                    };
                    *totals = replay(&mut ledger, &record.entries, i, &account, &at)?;
                }
            }
        }
        for (id, info) in record.accounts {
            let Some(Some(totals)) = opened.remove(&id) else {
                return Err(BudgetErrorKind::InconsistentLedger {
                    detail: "an account without an allocation".into(),
                }
                .at(format!("accounts.{id}")));
            };
            ledger.accounts.insert(id, Account { info, totals });
        }
        ledger.entries = record.entries;
        for entry in &mut ledger.entries {
            entry.amount = fen(entry.amount);
        }
        Ok(ledger)
    }
}

/// The scope of an account: its department and project leader.
pub(super) fn account_scope(account: &Account) -> Scope<'_> {
    Scope {
        project_leader: account.info.project_leader.as_ref(),
        department: account.info.department.as_ref(),
    }
}

fn line_check(policy: &BudgetPolicy, id: &str, line: &BudgetLine, used: Decimal) -> LimitCheck {
    LimitCheck {
        kind: LimitKind::LineMax,
        rule: policy.line_rule(id),
        limit: line.max,
        used,
    }
}

/// The role under which `approver` may approve an expense of `amount`, and that role's
/// amount limit: authority `approve_expense` from the table, then the role's limit from
/// `budget.expense_approval_limits`. Refused with `authority.not_permitted`, naming the
/// roles that may approve that amount.
pub(super) fn authorize_expense(
    rulebook: &Rulebook,
    approver: &Member,
    scope: &Scope<'_>,
    amount: Decimal,
    path: &str,
) -> Result<(Role, Option<Decimal>), Error> {
    let table = &rulebook.authority;
    let policy = &rulebook.budget;
    let fits = |role: Role| policy.approval_limit(role).is_none_or(|max| amount <= max);
    let role = authorize(table, Action::ApproveExpense, approver, scope, path)?;
    if fits(role) {
        return Ok((role, policy.approval_limit(role)));
    }
    if let Some(other) = roles_in_scope(approver, scope)
        .into_iter()
        .find(|r| table.approve_expense.contains(r) && fits(*r))
    {
        return Ok((other, policy.approval_limit(other)));
    }
    // Not for this amount: the same refusal, naming the roles that may approve it.
    let mut for_amount = table.clone();
    for_amount.approve_expense.retain(|r| fits(*r));
    let role = authorize(&for_amount, Action::ApproveExpense, approver, scope, path)?;
    Ok((role, policy.approval_limit(role)))
}

/// A budget ledger, as written and read.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "BudgetLedger"))]
#[serde(deny_unknown_fields)]
pub(super) struct LedgerRecord {
    /// The budget year's label, e.g. `2002-2003`.
    pub(super) year: String,
    /// The budget year's first and last day.
    pub(super) period: DateRange,
    /// Per activity: the standing facts of its account.
    #[serde(default)]
    pub(super) accounts: BTreeMap<ActivityId, AccountInfo>,
    /// Every entry, in the order it was posted.
    #[serde(default)]
    pub(super) entries: Vec<LedgerEntry>,
}

/// A ledger is written and read as `LedgerRecord` describes.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for BudgetLedger {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BudgetLedger".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        LedgerRecord::json_schema(generator)
    }
}

pub(super) struct AccountInfos<'a>(pub(super) &'a BudgetLedger);

impl Serialize for AccountInfos<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.accounts().into_iter().map(|(id, a)| (id, &a.info)))
    }
}

impl Serialize for BudgetLedger {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("BudgetLedger", 4)?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field("period", &self.period)?;
        st.serialize_field("accounts", &AccountInfos(self))?;
        st.serialize_field("entries", &self.entries)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for BudgetLedger {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<BudgetLedger, D::Error> {
        let record = LedgerRecord::deserialize(d)?;
        BudgetLedger::from_record(record).map_err(|e| {
            use crate::diagnostic::Diagnostic;
            serde::de::Error::custom(format!("[{}] {}", e.code(), e.message(crate::Locale::En)))
        })
    }
}
