//! The school calendar: the term of office, semesters, holidays, vacations and make-up
//! working days (domain.md §5, "Days are calendar days by default, or working days on a
//! school calendar"). Calendars are data supplied by the school, not policy.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// An inclusive range of dates: `start..=end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range (inclusive).
    pub end: NaiveDate,
}

impl DateRange {
    /// A range from `start` to `end`, both inclusive.
    pub fn new(start: NaiveDate, end: NaiveDate) -> DateRange {
        DateRange { start, end }
    }

    /// Whether `date` lies in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A named period of the school year: a semester, a holiday, a vacation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Name shown in reports, e.g. "Autumn 2026" or "National Day".
    pub name: String,
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (inclusive).
    pub end: NaiveDate,
}

impl Period {
    /// The period's dates as a range.
    pub fn range(&self) -> DateRange {
        DateRange::new(self.start, self.end)
    }
}

/// A school's calendar for one term of office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolCalendar {
    /// The student union's term of office (the default attendance window).
    pub term: DateRange,
    /// The semesters inside the term.
    #[serde(default)]
    pub semesters: Vec<Period>,
    /// Public holidays: days off even when they fall on a weekday.
    #[serde(default)]
    pub holidays: Vec<Period>,
    /// Vacations: no working days and no regular meetings.
    #[serde(default)]
    pub vacations: Vec<Period>,
    /// Weekend days that are working days (China's make-up days around public holidays).
    #[serde(default)]
    pub makeup_workdays: Vec<NaiveDate>,
    /// The days of the week that are off (default Saturday and Sunday).
    #[serde(default = "default_weekend")]
    pub weekend: Vec<Weekday>,
}

fn default_weekend() -> Vec<Weekday> {
    vec![Weekday::Sat, Weekday::Sun]
}

impl SchoolCalendar {
    /// The semester that contains `date`, if any.
    pub fn semester_of(&self, date: NaiveDate) -> Option<&Period> {
        self.semesters.iter().find(|s| s.range().contains(date))
    }
}
