//! The budget report: per activity and in total, with the annual cap and the rules used.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::DateRange;
use crate::diagnostic::Locale;
use crate::ids::ActivityId;
use crate::rule::RuleRef;
use crate::rulebook::{Rulebook, RulebookStamp};

use crate::table::{row, section, table};

use super::{BudgetLedger, ZERO_FEN, money, percent, percent_of};

/// One activity's account in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountReport {
    /// The activity.
    pub activity: ActivityId,
    /// Its title.
    pub title: String,
    /// Its budget line.
    pub line: String,
    /// The rule behind the line's range.
    pub rule: RuleRef,
    /// Whether it counts toward the annual cap.
    pub within_cap: bool,
    /// The line's planned minimum (0.00 when the rulebook no longer has the line).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_min: Decimal,
    /// The line's planned maximum.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_max: Decimal,
    /// Approved for the activity (reservation and allocations).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub approved: Decimal,
    /// Still held for it: approved and not spent, while the account is open.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub reserved: Decimal,
    /// Spent.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub spent: Decimal,
    /// Released back to the year when the account was settled.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub released: Decimal,
    /// Approved and not spent.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub remaining: Decimal,
    /// Spent as a percentage of approved, one decimal place, rounded half-up; `None` when
    /// nothing was approved.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub utilisation: Option<Decimal>,
    /// The day its funds were reserved.
    pub opened_on: NaiveDate,
    /// The day it was settled, if it was.
    pub settled_on: Option<NaiveDate>,
}

/// The sums of the report's accounts: each equals the sum of the accounts' column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetTotals {
    /// Sum of the planned minimums.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_min: Decimal,
    /// Sum of the planned maximums.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub planned_max: Decimal,
    /// Sum approved.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub approved: Decimal,
    /// Sum reserved.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub reserved: Decimal,
    /// Sum spent.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub spent: Decimal,
    /// Sum released.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub released: Decimal,
    /// Sum remaining.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub remaining: Decimal,
    /// Spent as a percentage of approved.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub utilisation: Option<Decimal>,
}

/// The year against the annual cap (only the accounts inside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CapStatus {
    /// The rule behind the cap.
    pub rule: RuleRef,
    /// The low end of the annual plan.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub annual_min: Decimal,
    /// The annual cap.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub annual_cap: Decimal,
    /// Reserved and spent inside the cap.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub committed: Decimal,
    /// Spent inside the cap.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub spent: Decimal,
    /// What the cap still allows: the cap less the commitments.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub remaining: Decimal,
    /// Spent as a percentage of the cap.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub utilisation: Option<Decimal>,
    /// Committed as a percentage of the cap.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub committed_percent: Option<Decimal>,
    /// The rulebook's warning percentage.
    pub warning_percent: u32,
    /// Whether spending or commitments reached the warning percentage.
    pub warning: bool,
}

/// The budget report of a ledger (domain.md §3: planned range, approved, reserved, spent,
/// remaining, utilisation; per activity and in total).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetReport {
    /// The school year.
    pub year: String,
    /// Its dates.
    pub period: DateRange,
    /// The rulebook used.
    pub rulebook: RulebookStamp,
    /// The year against the annual cap.
    pub cap: CapStatus,
    /// Every account, by activity id.
    pub accounts: Vec<AccountReport>,
    /// The sums of the accounts.
    pub total: BudgetTotals,
}

impl BudgetLedger {
    /// The budget report under `rulebook`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::activity::ActivityYearData;
    /// use secretariat::{Locale, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let today = chrono::NaiveDate::from_ymd_opt(2003, 6, 30).unwrap();
    /// let year = ActivityYearData::sample().replay(&rb, &roster, None, today)?;
    /// let report = year.ledger.report(&rb);
    /// assert_eq!(report.cap.annual_cap.to_string(), "500.00");
    /// assert!(report.render(Locale::ZhHans).contains("年度上限"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn report(&self, rulebook: &Rulebook) -> BudgetReport {
        let policy = &rulebook.budget;
        let accounts: Vec<AccountReport> = self
            .accounts()
            .into_iter()
            .map(|(id, a)| {
                let line = policy.line(&a.info.line);
                let t = &a.totals;
                let remaining = t.approved.saturating_sub(t.spent);
                AccountReport {
                    activity: id.clone(),
                    title: a.info.title.clone(),
                    line: a.info.line.clone(),
                    rule: policy.line_rule(&a.info.line),
                    within_cap: a.info.within_cap,
                    planned_min: line.map_or(ZERO_FEN, |l| l.min),
                    planned_max: line.map_or(ZERO_FEN, |l| l.max),
                    approved: t.approved,
                    reserved: t.reserved(),
                    spent: t.spent,
                    released: t.released,
                    remaining,
                    utilisation: percent_of(t.spent, t.approved),
                    opened_on: t.opened_on,
                    settled_on: t.settled_on,
                }
            })
            .collect();
        let sum = |f: fn(&AccountReport) -> Decimal| {
            accounts
                .iter()
                .fold(ZERO_FEN, |acc, a| acc.saturating_add(f(a)))
        };
        let (approved, spent) = (sum(|a| a.approved), sum(|a| a.spent));
        let total = BudgetTotals {
            planned_min: sum(|a| a.planned_min),
            planned_max: sum(|a| a.planned_max),
            approved,
            reserved: sum(|a| a.reserved),
            spent,
            released: sum(|a| a.released),
            remaining: sum(|a| a.remaining),
            utilisation: percent_of(spent, approved),
        };
        let committed = self.committed_within_cap();
        let spent_in_cap = self.spent_within_cap();
        let cap = CapStatus {
            rule: policy.cap_rule(),
            annual_min: policy.annual_min,
            annual_cap: policy.annual_cap,
            committed,
            spent: spent_in_cap,
            remaining: policy.annual_cap.saturating_sub(committed),
            utilisation: percent_of(spent_in_cap, policy.annual_cap),
            committed_percent: percent_of(committed, policy.annual_cap),
            warning_percent: policy.warning_percent,
            warning: super::reaches_percent(committed, policy.annual_cap, policy.warning_percent),
        };
        BudgetReport {
            year: self.year().to_owned(),
            period: self.period(),
            rulebook: rulebook.stamp(),
            cap,
            accounts,
            total,
        }
    }
}

impl BudgetReport {
    /// The report as aligned plain-text tables, in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        section(
            &mut out,
            &format!(
                "{} {} ({} ~ {})",
                crate::catalog::label(locale, "label.budget2"),
                self.year,
                self.period.start,
                self.period.end
            ),
        );
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.activity"),
            crate::catalog::label(locale, "label.line"),
            crate::catalog::label(locale, "label.planned"),
            crate::catalog::label(locale, "label.approved2"),
            crate::catalog::label(locale, "label.reserved"),
            crate::catalog::label(locale, "label.spent"),
            crate::catalog::label(locale, "label.remaining"),
            crate::catalog::label(locale, "label.used"),
            crate::catalog::label(locale, "label.status"),
        ])];
        for a in &self.accounts {
            let status = match a.settled_on {
                Some(d) => format!("{} {d}", crate::catalog::label(locale, "label.settled")),
                None => crate::catalog::label(locale, "label.open").to_owned(),
            };
            let line = if a.within_cap {
                a.line.clone()
            } else {
                format!(
                    "{} ({})",
                    a.line,
                    crate::catalog::label(locale, "label.outside_cap")
                )
            };
            rows.push(vec![
                a.title.clone(),
                line,
                format!("{}~{}", money(a.planned_min), money(a.planned_max)),
                money(a.approved),
                money(a.reserved),
                money(a.spent),
                money(a.remaining),
                percent(a.utilisation),
                status,
            ]);
        }
        let t = &self.total;
        rows.push(vec![
            crate::catalog::label(locale, "label.total2").to_owned(),
            String::new(),
            format!("{}~{}", money(t.planned_min), money(t.planned_max)),
            money(t.approved),
            money(t.reserved),
            money(t.spent),
            money(t.remaining),
            percent(t.utilisation),
            String::new(),
        ]);
        table(&mut out, &rows);
        let c = &self.cap;
        let _ = writeln!(
            out,
            "{} {}~{} ({}): {} {} ({}), {} {} ({}), {} {}{}",
            crate::catalog::label(locale, "label.annual_plan"),
            money(c.annual_min),
            money(c.annual_cap),
            c.rule,
            crate::catalog::label(locale, "label.committed"),
            money(c.committed),
            percent(c.committed_percent),
            crate::catalog::label(locale, "label.spent2"),
            money(c.spent),
            percent(c.utilisation),
            crate::catalog::label(locale, "label.left_under_the_cap"),
            money(c.remaining),
            if c.warning {
                format!(
                    " — {} {}%",
                    crate::catalog::label(locale, "label.warning_at_or_above"),
                    c.warning_percent
                )
            } else {
                String::new()
            }
        );
        out
    }
}
