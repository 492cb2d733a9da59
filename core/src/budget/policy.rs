//! Budget policy: the rulebook's `budget` table.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::diagnostic::join_path;
use crate::members::Role;
use crate::rule::inconsistent;
use crate::rule::{RuleRef, RulebookError, check_range};
use crate::schedule::check_id;

use super::MONEY_PLACES;

/// The largest amount the rulebook may name: one billion yuan. It keeps every sum the
/// ledger forms far from the limits of [`Decimal`].
pub const MAX_POLICY_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// Rulebook key `budget` (seed 000, capital budgets and plan item 8; responsibility 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetPolicy {
    /// The seed's article for the annual plan, cited by every cap verdict.
    pub article: String,
    /// The low end of the annual plan ("about 400~500 yuan"): reported, not enforced.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub annual_min: Decimal,
    /// The annual cap: the high end of the annual plan. Commitments (reserves and spending)
    /// of lines inside the cap may never pass it.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub annual_cap: Decimal,
    /// Spending (or, for reservations, commitments) at or above this percentage of a limit
    /// draws a warning; 1 to 100.
    pub warning_percent: u32,
    /// An expense needs a receipt reference.
    pub require_receipt: bool,
    /// The largest expense a role may approve. A role the authority table allows to approve
    /// expenses and not listed here may approve any amount the other limits allow.
    #[serde(default)]
    pub expense_approval_limits: Vec<ExpenseApprovalLimit>,
    /// Activity budget lines by stable id (`welcome_party`, `challenge_cup`,
    /// `innovation_competition`).
    pub lines: BTreeMap<String, BudgetLine>,
}

/// The largest expense one role may approve (rulebook key
/// `budget.expense_approval_limits`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExpenseApprovalLimit {
    /// The role.
    pub role: Role,
    /// The largest single expense it may approve, in yuan.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub max: Decimal,
}

/// An activity budget line: the range an activity of this kind may be given (rulebook key
/// `budget.lines.<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// Title shown in reports.
    pub title: String,
    /// The seed's article for the line, e.g. `seed 000, Challenge Cup capital budget`.
    pub article: String,
    /// The low end of the planned range: a plan asking less draws a warning.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub min: Decimal,
    /// The high end: no activity of this line may be given more.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub max: Decimal,
    /// Whether the line counts toward the annual cap (large-scale events do not).
    #[serde(default = "yes")]
    pub within_cap: bool,
    /// The categories an expense of this line may have; empty for any.
    #[serde(default)]
    pub categories: Vec<String>,
    /// What the money is for, in the seed's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn yes() -> bool {
    true
}

impl BudgetPolicy {
    /// The rule behind the annual cap.
    pub fn cap_rule(&self) -> RuleRef {
        RuleRef::new("budget.annual_cap", self.article.clone())
    }

    /// The rule behind an expense approval limit.
    pub fn approval_limit_rule() -> RuleRef {
        RuleRef::new(
            "budget.expense_approval_limits",
            "seed 000, responsibility 4",
        )
    }

    /// The rule behind spending within an activity's approved budget: the approved plan.
    pub fn approved_budget_rule() -> RuleRef {
        RuleRef::new("budget", "seed 000, discipline §6; responsibility 4")
    }

    /// A budget line by id.
    pub fn line(&self, id: &str) -> Option<&BudgetLine> {
        self.lines.get(id)
    }

    /// The rule behind a line's range: `budget.lines.<id>` and the line's article.
    pub fn line_rule(&self, id: &str) -> RuleRef {
        let article = self.line(id).map(|l| l.article.clone()).unwrap_or_default();
        RuleRef::new(format!("budget.lines.{id}"), article)
    }

    /// The largest expense `role` may approve, if the rulebook limits it.
    pub fn approval_limit(&self, role: Role) -> Option<Decimal> {
        self.expense_approval_limits
            .iter()
            .find(|l| l.role == role)
            .map(|l| l.max)
    }

    /// Checks the ranges and the consistency of the policy's values: `rulebook.out_of_range`
    /// or `rulebook.inconsistent` with the path of the value, e.g.
    /// `budget.lines.challenge_cup.max` (see [`crate::Rulebook::validate`]).
    pub(crate) fn validate(&self, path: &str) -> Result<(), RulebookError> {
        check_policy_amount(path, "annual_min", self.annual_min)?;
        check_policy_amount(path, "annual_cap", self.annual_cap)?;
        if self.annual_cap < self.annual_min {
            return Err(inconsistent(
                join_path(path, "annual_cap"),
                "annual_cap_below_min",
                [
                    ("cap", self.annual_cap.to_string()),
                    ("min", self.annual_min.to_string()),
                ],
            ));
        }
        check_range(path, "warning_percent", self.warning_percent, 1, 100)?;
        let limits = join_path(path, "expense_approval_limits");
        for (i, limit) in self.expense_approval_limits.iter().enumerate() {
            let at = format!("{limits}[{i}]");
            check_policy_amount(&at, "max", limit.max)?;
            if self
                .expense_approval_limits
                .iter()
                .take(i)
                .any(|l| l.role == limit.role)
            {
                return Err(inconsistent(
                    join_path(&at, "role"),
                    "role_limit_twice",
                    [("role", limit.role.key().to_owned())],
                ));
            }
        }
        let lines = join_path(path, "lines");
        for (id, line) in &self.lines {
            let at = join_path(&lines, id);
            check_id(&at, id)?;
            line.validate(&at, self.annual_cap)?;
        }
        Ok(())
    }
}

impl BudgetLine {
    fn validate(&self, path: &str, annual_cap: Decimal) -> Result<(), RulebookError> {
        if self.title.trim().is_empty() {
            return Err(inconsistent(join_path(path, "title"), "title_empty", []));
        }
        check_policy_amount(path, "min", self.min)?;
        check_policy_amount(path, "max", self.max)?;
        if self.max < self.min {
            return Err(inconsistent(
                join_path(path, "max"),
                "range_empty",
                [("max", self.max.to_string()), ("min", self.min.to_string())],
            ));
        }
        if self.within_cap && self.max > annual_cap {
            return Err(inconsistent(
                join_path(path, "max"),
                "line_above_cap",
                [
                    ("max", self.max.to_string()),
                    ("cap", annual_cap.to_string()),
                ],
            ));
        }
        for (i, category) in self.categories.iter().enumerate() {
            check_id(&format!("{}[{i}]", join_path(path, "categories")), category)?;
        }
        Ok(())
    }
}

/// Refuses a rulebook amount that is negative, has more than two decimal places, or is
/// above [`MAX_POLICY_AMOUNT`].
fn check_policy_amount(path: &str, key: &str, amount: Decimal) -> Result<(), RulebookError> {
    if amount < Decimal::ZERO
        || amount > MAX_POLICY_AMOUNT
        || amount.normalize().scale() > MONEY_PLACES
    {
        return Err(inconsistent(
            join_path(path, key),
            "policy_amount",
            [
                ("amount", amount.to_string()),
                ("max", MAX_POLICY_AMOUNT.to_string()),
                ("places", MONEY_PLACES.to_string()),
            ],
        ));
    }
    Ok(())
}
