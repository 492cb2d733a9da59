//! The activities' states on a day, with what is next and what is overdue.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::budget::{BudgetLedger, money};
use crate::diagnostic::{Diagnostic, Locale};
use crate::members::MemberId;
use crate::rule::RuleRef;
use crate::rulebook::{Rulebook, RulebookStamp};
use crate::table::{row, section, table};

use super::book::summary_overdue;
use super::{ActivityBook, ActivityId, ActivityPolicy, ActivityState, ActivityWarning};

/// What an activity waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// The project leader submits the plan.
    Submit,
    /// An approver approves or rejects it.
    Decide,
    /// The project leader starts the activity.
    Start,
    /// The project leader completes it.
    Complete,
    /// The project leader files the summary.
    Summarize,
    /// Nothing: the activity is summarized, rejected or cancelled.
    None,
}

impl NextStep {
    fn of(state: ActivityState) -> NextStep {
        match state {
            ActivityState::Draft => NextStep::Submit,
            ActivityState::Submitted => NextStep::Decide,
            ActivityState::Approved => NextStep::Start,
            ActivityState::InProgress => NextStep::Complete,
            ActivityState::Completed => NextStep::Summarize,
            ActivityState::Summarized | ActivityState::Rejected | ActivityState::Cancelled => {
                NextStep::None
            }
        }
    }

    /// The step's description in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        let key = match self {
            NextStep::Submit => "activity.next.submit",
            NextStep::Decide => "activity.next.decide",
            NextStep::Start => "activity.next.start",
            NextStep::Complete => "activity.next.complete",
            NextStep::Summarize => "activity.next.summarize",
            NextStep::None => "activity.next.none",
        };
        crate::catalog::label(locale, key)
    }
}

/// One activity in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityRow {
    /// The activity.
    pub activity: ActivityId,
    /// Its title.
    pub title: String,
    /// Its budget line.
    pub line: String,
    /// Its state.
    pub state: ActivityState,
    /// The day it entered that state.
    pub since: NaiveDate,
    /// Its project leader.
    pub project_leader: MemberId,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// The budget of the plan.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub budget: Decimal,
    /// Approved in the ledger, once approved.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub approved: Option<Decimal>,
    /// Spent in the ledger, once approved.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub spent: Option<Decimal>,
    /// What it waits for.
    pub next: NextStep,
    /// The day the summary is due, once completed.
    pub summary_due: Option<NaiveDate>,
    /// Days the summary is overdue on the report's day.
    pub days_overdue: Option<i64>,
}

/// The activities' states on a day (domain.md §6), with the summaries overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityReport {
    /// The day of the report.
    pub today: NaiveDate,
    /// The rulebook used.
    pub rulebook: RulebookStamp,
    /// The rule behind the summaries' due days.
    pub summary_rule: RuleRef,
    /// The activities, by start date then id.
    pub rows: Vec<ActivityRow>,
    /// Summaries overdue.
    pub warnings: Vec<ActivityWarning>,
}

impl ActivityBook {
    /// The activities' states on `today`, with the money the ledger holds for each.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::activity::{ActivityState, ActivityYearData};
    /// use secretariat::{Diagnostic, Locale, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let today = NaiveDate::from_ymd_opt(2003, 5, 6).unwrap();
    /// let year = ActivityYearData::sample().replay(&rb, &roster, None, today)?;
    /// let report = year.book.report(&rb, &year.ledger, today);
    /// assert_eq!(report.warnings[0].code(), "activity.summary_overdue");
    /// assert!(report.render(Locale::En).contains("overdue"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn report(
        &self,
        rulebook: &Rulebook,
        ledger: &BudgetLedger,
        today: NaiveDate,
    ) -> ActivityReport {
        let policy = &rulebook.activity;
        let mut rows: Vec<ActivityRow> = self
            .activities()
            .iter()
            .map(|a| {
                let account = ledger.account(a.id());
                let overdue = summary_overdue(a, policy, today);
                ActivityRow {
                    activity: a.id().clone(),
                    title: a.plan.title.clone(),
                    line: a.plan.line.clone(),
                    state: a.state,
                    since: a.since(),
                    project_leader: a.plan.project_leader.clone(),
                    start: a.plan.start,
                    end: a.plan.end,
                    budget: a.plan.budget,
                    approved: account.map(|acc| acc.totals.approved),
                    spent: account.map(|acc| acc.totals.spent),
                    next: NextStep::of(a.state),
                    summary_due: a.summary_due(policy),
                    days_overdue: match overdue {
                        Some(ActivityWarning::SummaryOverdue { days_overdue, .. }) => {
                            Some(days_overdue)
                        }
                        _ => None,
                    },
                }
            })
            .collect();
        rows.sort_by(|a, b| (a.start, &a.activity).cmp(&(b.start, &b.activity)));
        ActivityReport {
            today,
            rulebook: rulebook.stamp(),
            summary_rule: ActivityPolicy::summary_rule(),
            rows,
            warnings: self.overdue_summaries(rulebook, today),
        }
    }
}

impl ActivityReport {
    /// The report as an aligned plain-text table, in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        section(
            &mut out,
            &format!(
                "{} ({})",
                crate::catalog::label(locale, "label.activities"),
                self.today
            ),
        );
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.activity"),
            crate::catalog::label(locale, "label.dates"),
            crate::catalog::label(locale, "label.leader"),
            crate::catalog::label(locale, "label.state"),
            crate::catalog::label(locale, "label.since"),
            crate::catalog::label(locale, "label.budget"),
            crate::catalog::label(locale, "label.spent"),
            crate::catalog::label(locale, "label.next"),
        ])];
        for r in &self.rows {
            let next = match (r.summary_due, r.days_overdue) {
                (Some(due), Some(days)) => format!(
                    "{} {due}, {} {days} {}",
                    crate::catalog::label(locale, "label.summary_due"),
                    crate::catalog::label(locale, "label.overdue_by"),
                    crate::catalog::label(locale, "label.day_s")
                ),
                (Some(due), None) if r.next == NextStep::Summarize => {
                    format!(
                        "{} {due}",
                        crate::catalog::label(locale, "label.summary_due")
                    )
                }
                _ => r.next.label(locale).to_owned(),
            };
            rows.push(vec![
                r.title.clone(),
                format!("{} ~ {}", r.start, r.end),
                r.project_leader.to_string(),
                r.state.label(locale).to_owned(),
                r.since.to_string(),
                money(r.budget),
                r.spent.map_or_else(|| "-".to_owned(), money),
                next,
            ]);
        }
        table(&mut out, &rows);
        for w in &self.warnings {
            out.push_str(&format!("! {}\n", w.message(locale)));
        }
        out
    }
}
