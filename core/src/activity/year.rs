//! A year of activities as data: plans, steps and expenses in order, replayed into an
//! activity book and a budget ledger with every check applied.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::budget::{Allocation, BudgetLedger, BudgetReport, Expense};
use crate::calendar::{DateRange, SchoolCalendar};
use crate::members::Roster;
use crate::rulebook::Rulebook;

use super::{ActivityBook, ActivityPlan, ActivityReport, ActivityStep};

/// A plan drafted on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanDraft {
    /// The day it was drafted.
    pub on: NaiveDate,
    /// The plan.
    pub plan: ActivityPlan,
}

/// One operation of a year, for data files: `{"draft": {...}}`, `{"step": {...}}`,
/// `{"allocate": {...}}` or `{"expense": {...}}` (the key names the operation, so an error
/// in its fields has an exact path such as `operations[3].expense.amount`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearOperation {
    /// See [`ActivityBook::draft`].
    Draft(PlanDraft),
    /// See [`ActivityBook::apply`].
    Step(ActivityStep),
    /// See [`BudgetLedger::allocate`].
    Allocate(Allocation),
    /// See [`BudgetLedger::record_expense`].
    Expense(Expense),
}

impl YearOperation {
    /// The operation's key: `draft`, `step`, `allocate` or `expense`.
    pub fn key(&self) -> &'static str {
        match self {
            YearOperation::Draft(_) => "draft",
            YearOperation::Step(_) => "step",
            YearOperation::Allocate(_) => "allocate",
            YearOperation::Expense(_) => "expense",
        }
    }

    /// The day of the operation.
    pub fn date(&self) -> NaiveDate {
        match self {
            YearOperation::Draft(d) => d.on,
            YearOperation::Step(s) => s.on,
            YearOperation::Allocate(a) => a.date,
            YearOperation::Expense(e) => e.date,
        }
    }
}

/// A school year of activities as a secretary records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityYearData {
    /// The year's label, e.g. `2002-2003`.
    pub year: String,
    /// The dates of the budget year.
    pub period: DateRange,
    /// The operations, in the order they happened.
    pub operations: Vec<YearOperation>,
}

/// The book and the ledger a year's data gives on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityYear {
    /// The activities.
    pub book: ActivityBook,
    /// The money.
    pub ledger: BudgetLedger,
    /// Operations applied (dated on or before the day).
    pub applied: usize,
    /// Operations dated after the day, not applied.
    pub pending: usize,
}

impl ActivityYearData {
    /// The bundled sample: the welcome party of 26 October 2002 (no special funds), the
    /// Challenge Cup (180 yuan for training materials and expert training), the innovation
    /// competition (rejected for the autumn, held in spring 2003 with 260 yuan of prizes),
    /// with approvers and leaders from [`crate::TermData::sample`]'s members.
    pub fn sample() -> ActivityYearData {
        // The sample term bundles it: checked by the test `sample_term_loads`.
        #[allow(clippy::expect_used)]
        crate::TermData::sample()
            .budget_year
            .expect("the sample term has a budget year")
    }

    /// Reads a year from JSON.
    ///
    /// # Errors
    ///
    /// `input.syntax`, or `input.invalid` with the path of the offending field (an amount
    /// written as a number rather than a string is refused: money is never a float).
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::activity::ActivityYearData;
    /// use secretariat::Diagnostic;
    ///
    /// let err = ActivityYearData::from_json_str(r#"{"year": "2002-2003",
    ///     "period": {"start": "2002-09-01", "end": "2003-07-31"},
    ///     "operations": [{"expense": {"date": "2002-10-12", "activity": "cup",
    ///         "category": "prizes", "amount": 45.5, "approver": "2000002"}}]}"#).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("input.invalid", "operations[0].expense.amount"));
    /// ```
    pub fn from_json_str(text: &str) -> Result<ActivityYearData, crate::InputError> {
        crate::input::from_json_str(text)
    }

    /// The plans drafted in the year.
    pub fn plans(&self) -> impl Iterator<Item = &ActivityPlan> {
        self.operations.iter().filter_map(|op| match op {
            YearOperation::Draft(d) => Some(&d.plan),
            _ => None,
        })
    }

    /// Replays the operations dated on or before `today`, in order, into a new book and
    /// ledger, with every check of the operation applied.
    ///
    /// # Errors
    ///
    /// The first refused operation's error, its path under the operation
    /// (`operations[i].expense.amount`, `operations[i].draft.plan.id`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::activity::{ActivityState, ActivityYearData};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
    /// let data = ActivityYearData::sample();
    /// let year = data.replay(&rb, &roster, None, today)?;
    /// let party = year.book.get(&"welcome-party-2002".into()).unwrap();
    /// assert_eq!(party.state, ActivityState::InProgress);
    ///
    /// // With a 400-yuan cap, the Challenge Cup's 180 leave no room for 260 of prizes.
    /// let poor = Rulebook::from_toml_str("[budget]\nannual_cap = \"400.00\"")?;
    /// let spring = NaiveDate::from_ymd_opt(2003, 6, 30).unwrap();
    /// let err = data.replay(&poor, &roster, None, spring).unwrap_err();
    /// assert_eq!(err.code(), "budget.over_annual_cap");
    /// assert!(err.path().starts_with("operations["));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn replay(
        &self,
        rulebook: &Rulebook,
        roster: &Roster,
        calendar: Option<&SchoolCalendar>,
        today: NaiveDate,
    ) -> crate::Result<ActivityYear> {
        let mut year = ActivityYear {
            book: ActivityBook::new(),
            ledger: BudgetLedger::new(self.year.clone(), self.period),
            applied: 0,
            pending: 0,
        };
        for (i, op) in self.operations.iter().enumerate() {
            if op.date() > today {
                year.pending += 1;
                continue;
            }
            let done = match op {
                YearOperation::Draft(d) => year.book.draft(d.plan.clone(), d.on).map_err(|e| {
                    // The draft's checks name the plan's fields.
                    e.within("plan")
                }),
                YearOperation::Step(s) => year
                    .book
                    .apply(rulebook, roster, &mut year.ledger, s, calendar)
                    .map(drop),
                YearOperation::Allocate(a) => year.ledger.allocate(rulebook, roster, a).map(drop),
                YearOperation::Expense(e) => {
                    year.ledger.record_expense(rulebook, roster, e).map(drop)
                }
            };
            done.map_err(|e| e.within(&format!("operations[{i}].{}", op.key())))?;
            year.applied += 1;
        }
        Ok(year)
    }
}

impl ActivityYear {
    /// The budget report (see [`BudgetLedger::report`]).
    pub fn budget_report(&self, rulebook: &Rulebook) -> BudgetReport {
        self.ledger.report(rulebook)
    }

    /// The activities' report on `today` (see [`ActivityBook::report`]).
    pub fn activity_report(&self, rulebook: &Rulebook, today: NaiveDate) -> ActivityReport {
        self.book.report(rulebook, &self.ledger, today)
    }
}
