//! Lead-time rules: how long before or after an anchor date something is due (seed 000:
//! board plans "5~7 days in advance", plans "within 3~4 days after receiving the notice",
//! Challenge Cup projects "within one month", recruitment "before October").

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::DateRange;
use crate::diagnostic::join_path;
use crate::rule::{RuleRef, RulebookError, RulebookErrorKind, check_range};

use super::{DayCount, DayCounter, ScheduleError, ScheduleErrorKind};

/// The largest number of days a lead-time window may span.
pub const MAX_LEAD_DAYS: u32 = 3660;

/// The window a lead-time rule allows, relative to its anchor date. In the rulebook:
/// `window = { days_before = { earliest = 7, latest = 5 } }`, `{ within_months = 1 }`...
///
/// Day counts follow the rulebook's `schedule.day_count`; months and month-days are
/// calendar dates whatever the day count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum LeadTimeWindow {
    /// Due between `earliest` and `latest` days before the anchor (e.g. a board plan 5 to
    /// 7 days before its issue). Earlier than the window is *early*, a warning.
    DaysBefore {
        /// The window opens this many days before the anchor.
        earliest: u32,
        /// The window closes this many days before the anchor: the deadline.
        latest: u32,
    },
    /// Due between `earliest` and `latest` days after the anchor (e.g. a plan 3 to 4 days
    /// after a notice). Anything up to the window's end is on time: sooner is never early.
    DaysAfter {
        /// The window opens this many days after the anchor.
        earliest: u32,
        /// The window closes this many days after the anchor: the deadline.
        latest: u32,
    },
    /// Due within this many days after the anchor.
    WithinDays(u32),
    /// Due within this many calendar months after the anchor (the same day of the month,
    /// or the month's last day when it is shorter).
    WithinMonths(u32),
    /// Due before `month`/`day` of the anchor's year: the day before it is the deadline.
    /// 29 February in a year without it means before 1 March.
    BeforeMonthDay {
        /// Month, 1 to 12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
}

/// A lead-time rule of the rulebook (key `schedule.lead_times.<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeadTimeRule {
    /// What is due, relative to what, e.g. "Board plan submitted before its issue".
    pub title: String,
    /// The article of the source documents, e.g. `seed 000, plan I.1`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
    /// The window allowed.
    pub window: LeadTimeWindow,
}

/// How a date measures up to a lead-time rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeadTimeOutcome {
    /// Inside the window (or, for rules without a lower bound, before its end).
    OnTime,
    /// Before a days-before window opens: a warning, not a failure.
    Early,
    /// After the window's last day: a failure.
    Late,
}

/// The verdict of a lead-time rule on a date, with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeadTimeVerdict {
    /// The rule's rulebook key and article.
    pub rule: RuleRef,
    /// The anchor date (the board issue, the notice, the start of the activity...).
    pub anchor: NaiveDate,
    /// The date the thing was (or will be) done.
    pub actual: NaiveDate,
    /// The rule's window of dates, both inclusive; its last day is the deadline.
    pub window: DateRange,
    /// On time, early or late.
    pub outcome: LeadTimeOutcome,
    /// Days outside the on-time dates: 0 when on time, else how many days early or late
    /// (at least 1), counted in `day_count`.
    pub days_outside: i64,
    /// Days from the anchor to the actual date, counted in `day_count` (negative before the
    /// anchor).
    pub days_from_anchor: i64,
    /// How days were counted.
    pub day_count: DayCount,
}

impl LeadTimeVerdict {
    /// Whether the verdict is a failure (late).
    pub fn is_failure(&self) -> bool {
        self.outcome == LeadTimeOutcome::Late
    }

    /// Whether the verdict is a warning (early).
    pub fn is_warning(&self) -> bool {
        self.outcome == LeadTimeOutcome::Early
    }
}

impl LeadTimeRule {
    /// The window of dates the rule allows for `anchor`.
    ///
    /// # Errors
    ///
    /// `schedule.date_out_of_range` (path `anchor`) when the window falls outside the
    /// supported dates; `calendar.no_working_day` for a calendar without working days.
    pub fn window_for(
        &self,
        anchor: NaiveDate,
        counter: &DayCounter,
    ) -> Result<DateRange, ScheduleError> {
        let shift = |days: i64| counter.shift(anchor, days).map_err(|e| e.at("anchor"));
        let out_of_range =
            |days: i64| ScheduleErrorKind::DateOutOfRange { date: anchor, days }.at("anchor");
        match self.window {
            LeadTimeWindow::DaysBefore { earliest, latest } => Ok(DateRange::new(
                shift(-i64::from(earliest))?,
                shift(-i64::from(latest))?,
            )),
            LeadTimeWindow::DaysAfter { earliest, latest } => Ok(DateRange::new(
                shift(i64::from(earliest))?,
                shift(i64::from(latest))?,
            )),
            LeadTimeWindow::WithinDays(days) => Ok(DateRange::new(anchor, shift(i64::from(days))?)),
            LeadTimeWindow::WithinMonths(months) => {
                let end = anchor
                    .checked_add_months(Months::new(months))
                    .ok_or_else(|| out_of_range(0))?;
                Ok(DateRange::new(anchor, end))
            }
            LeadTimeWindow::BeforeMonthDay { month, day } => {
                let year = anchor.year();
                let boundary = NaiveDate::from_ymd_opt(year, month, day)
                    .or_else(|| {
                        // 29 February in a common year: before 1 March.
                        (month == 2 && day == 29)
                            .then(|| NaiveDate::from_ymd_opt(year, 3, 1))
                            .flatten()
                    })
                    .ok_or_else(|| out_of_range(0))?;
                let deadline = boundary.pred_opt().ok_or_else(|| out_of_range(0))?;
                Ok(DateRange::new(anchor.min(deadline), deadline))
            }
        }
    }

    /// Judges `actual` against the rule for `anchor`. `rule` names the rule in the verdict
    /// (see [`super::SchedulePolicy::check_lead_time`], which fills it in).
    ///
    /// # Errors
    ///
    /// As [`LeadTimeRule::window_for`].
    pub fn check(
        &self,
        rule: RuleRef,
        anchor: NaiveDate,
        actual: NaiveDate,
        counter: &DayCounter,
    ) -> Result<LeadTimeVerdict, ScheduleError> {
        let window = self.window_for(anchor, counter)?;
        let has_lower_bound = matches!(self.window, LeadTimeWindow::DaysBefore { .. });
        let (outcome, days_outside) = if actual > window.end {
            // Days in (end, actual], at least one.
            let late = counter.between(window.end, actual) + i64::from(counter.counts(actual))
                - i64::from(counter.counts(window.end));
            (LeadTimeOutcome::Late, late.max(1))
        } else if has_lower_bound && actual < window.start {
            // Days in [actual, start), at least one.
            (
                LeadTimeOutcome::Early,
                counter.between(actual, window.start).max(1),
            )
        } else {
            (LeadTimeOutcome::OnTime, 0)
        };
        Ok(LeadTimeVerdict {
            rule,
            anchor,
            actual,
            window,
            outcome,
            days_outside,
            days_from_anchor: counter.between(anchor, actual),
            day_count: counter.day_count(),
        })
    }

    /// Checks the rule: a title, and a window whose numbers are in range and open no later
    /// than they close.
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the path of the value, e.g.
    /// `schedule.lead_times.board_plan.window.days_before.earliest`.
    pub fn validate(&self, path: &str) -> Result<(), RulebookError> {
        if self.title.trim().is_empty() {
            return Err(
                RulebookErrorKind::inconsistent("title_empty", []).at(join_path(path, "title"))
            );
        }
        let window = join_path(path, "window");
        let max = i64::from(MAX_LEAD_DAYS);
        match self.window {
            LeadTimeWindow::DaysBefore { earliest, latest } => {
                let at = join_path(&window, "days_before");
                check_range(&at, "earliest", earliest, 0, max)?;
                check_range(&at, "latest", latest, 0, max)?;
                if earliest < latest {
                    return Err(RulebookErrorKind::inconsistent(
                        "window_order_before",
                        [
                            ("earliest", earliest.to_string()),
                            ("latest", latest.to_string()),
                        ],
                    )
                    .at(join_path(&at, "earliest")));
                }
            }
            LeadTimeWindow::DaysAfter { earliest, latest } => {
                let at = join_path(&window, "days_after");
                check_range(&at, "earliest", earliest, 0, max)?;
                check_range(&at, "latest", latest, 0, max)?;
                if earliest > latest {
                    return Err(RulebookErrorKind::inconsistent(
                        "window_order_after",
                        [
                            ("earliest", earliest.to_string()),
                            ("latest", latest.to_string()),
                        ],
                    )
                    .at(join_path(&at, "earliest")));
                }
            }
            LeadTimeWindow::WithinDays(days) => check_range(&window, "within_days", days, 0, max)?,
            LeadTimeWindow::WithinMonths(months) => {
                check_range(&window, "within_months", months, 1, 120)?;
            }
            LeadTimeWindow::BeforeMonthDay { month, day } => {
                let at = join_path(&window, "before_month_day");
                check_range(&at, "month", month, 1, 12)?;
                // The longest the month can be (February: 29, leap years allowed).
                let longest = match month {
                    2 => 29,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                check_range(&at, "day", day, 1, longest)?;
            }
        }
        Ok(())
    }
}
