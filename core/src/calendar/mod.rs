//! The school calendar: the term of office, semesters, holidays, vacations and make-up
//! working days (domain.md §5, "Days are calendar days by default, or working days on a
//! school calendar"). Calendars are data supplied by the school, not policy.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

mod error;

pub use error::{CalendarError, CalendarErrorKind};

/// The longest term a calendar may have, in days (ten years). A term of office is a year or
/// two; the bound keeps a mistyped year (`7014` for `2014`) from generating hundreds of
/// thousands of weekly meetings. Not school policy: a limit of the library's input.
pub const MAX_TERM_DAYS: i64 = 3653;

/// An inclusive range of dates: `start..=end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A named period from `start` to `end`, both inclusive.
    pub fn new(name: impl Into<String>, start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            name: name.into(),
            start,
            end,
        }
    }

    /// The period's dates as a range.
    pub fn range(&self) -> DateRange {
        DateRange::new(self.start, self.end)
    }
}

/// A school's calendar for one term of office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl SchoolCalendar {
    /// A calendar for `term` with no semesters, holidays, vacations or make-up days, and
    /// Saturday and Sunday off.
    pub fn new(term: DateRange) -> SchoolCalendar {
        SchoolCalendar {
            term,
            semesters: Vec::new(),
            holidays: Vec::new(),
            vacations: Vec::new(),
            makeup_workdays: Vec::new(),
            weekend: default_weekend(),
        }
    }

    /// Whether `date` is a working day: not a holiday, not in a vacation, and either not a
    /// weekend day or listed among the make-up working days. Holidays and vacations win over
    /// make-up days (a make-up day inside a vacation stays off).
    ///
    /// For many questions on the same calendar, build a [`WorkingDayIndex`] once.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::calendar::{DateRange, Period, SchoolCalendar};
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let mut calendar = SchoolCalendar::new(DateRange::new(d(9, 1), d(12, 31)));
    /// calendar.holidays.push(Period::new("National Day", d(10, 1), d(10, 7)));
    /// calendar.makeup_workdays.push(d(10, 10));
    /// assert!(!calendar.is_working_day(d(10, 2))); // a Friday in the holiday
    /// assert!(calendar.is_working_day(d(10, 10))); // a make-up Saturday
    /// assert!(!calendar.is_working_day(d(10, 11))); // an ordinary Sunday
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.is_holiday_or_vacation(date) {
            return false;
        }
        !self.weekend.contains(&date.weekday()) || self.makeup_workdays.contains(&date)
    }

    /// Whether `date` falls in one of the calendar's holidays or vacations.
    pub fn is_holiday_or_vacation(&self, date: NaiveDate) -> bool {
        self.holidays
            .iter()
            .chain(&self.vacations)
            .any(|p| p.range().contains(date))
    }

    /// The `n`-th working day after `date` (`n > 0`) or before it (`n < 0`); `date` itself
    /// when `n` is zero. Adding `n` then `-n` returns to `date` when `date` is a working day.
    ///
    /// Builds a [`WorkingDayIndex`] on each call; for many calls build it once.
    ///
    /// # Errors
    ///
    /// `calendar.date_out_of_range` when the result lies beyond the dates chrono supports;
    /// `calendar.no_working_day` when the calendar has no working day in that direction
    /// (every day of the week is a weekend day and the make-up days run out).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::calendar::{DateRange, Period, SchoolCalendar};
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let mut calendar = SchoolCalendar::new(DateRange::new(d(9, 1), d(12, 31)));
    /// calendar.holidays.push(Period::new("National Day", d(10, 1), d(10, 7)));
    /// // Wednesday 30 September plus one working day is Thursday 8 October.
    /// assert_eq!(calendar.add_working_days(d(9, 30), 1)?, d(10, 8));
    /// assert_eq!(calendar.add_working_days(d(10, 8), -1)?, d(9, 30));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
        self.working_day_index().add_working_days(date, n)
    }

    /// The number of working days in `from..to` (`from` counted, `to` not); negative, the
    /// count of `to..from`, when `to` is before `from`. For working days `a` and `b`,
    /// `add_working_days(a, working_days_between(a, b)) == b`.
    ///
    /// Builds a [`WorkingDayIndex`] on each call; for many calls build it once.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.working_day_index().working_days_between(from, to)
    }

    /// The calendar prepared for fast working-day arithmetic.
    pub fn working_day_index(&self) -> WorkingDayIndex {
        WorkingDayIndex::new(self)
    }

    /// Checks that the term and every period end on or after their start, and that the term
    /// is at most [`MAX_TERM_DAYS`] long.
    ///
    /// # Errors
    ///
    /// `calendar.invalid_period` with the path of the period's end, e.g. `holidays[1].end`;
    /// `calendar.term_too_long` at `term.end`.
    pub fn validate(&self) -> Result<(), CalendarError> {
        let length = (self.term.end - self.term.start).num_days();
        if length > MAX_TERM_DAYS {
            return Err(CalendarErrorKind::TermTooLong {
                start: self.term.start,
                end: self.term.end,
                max_days: MAX_TERM_DAYS,
            }
            .at("term.end"));
        }
        let named = [
            ("semesters", &self.semesters),
            ("holidays", &self.holidays),
            ("vacations", &self.vacations),
        ];
        let term = std::iter::once(("term.end".to_owned(), self.term));
        let periods = named.into_iter().flat_map(|(name, periods)| {
            periods
                .iter()
                .enumerate()
                .map(move |(i, p)| (format!("{name}[{i}].end"), p.range()))
        });
        for (path, range) in term.chain(periods) {
            if range.end < range.start {
                return Err(CalendarErrorKind::InvalidPeriod {
                    start: range.start,
                    end: range.end,
                }
                .at(path));
            }
        }
        Ok(())
    }
}

/// A school calendar prepared for working-day arithmetic: holidays and vacations merged and
/// sorted, make-up days sorted, and the number of working days before each of them counted,
/// so that every question costs a binary search over the calendar's few exceptions.
///
/// Days are numbered as chrono's days from the Common Era; between the exceptions the weekly
/// pattern of weekend days holds, forever in both directions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDayIndex {
    /// `weekend[i]`: whether the i-th weekday (Monday first) is off.
    weekend: [bool; 7],
    /// Working days in any seven consecutive days, outside the exceptions.
    week_workdays: i64,
    /// Holidays, vacations and make-up days: sorted, disjoint.
    exceptions: Vec<Exception>,
}

/// A run of days that breaks the weekly pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Exception {
    /// First day number.
    start: i64,
    /// Last day number (inclusive).
    end: i64,
    /// A make-up working day (one day) rather than days off.
    makeup: bool,
    /// The rank of `start`: working days before it, counted from the first exception.
    rank: i64,
}

impl Exception {
    fn working_days(&self) -> i64 {
        i64::from(self.makeup)
    }
}

/// Days from chrono's first date to its last.
fn day_span() -> u64 {
    day_number(NaiveDate::MAX).abs_diff(day_number(NaiveDate::MIN))
}

/// The day number of a date (1 is 0001-01-01, a Monday).
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date of a day number, if chrono supports it.
fn date_of(day: i64) -> Option<NaiveDate> {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The weekday of a day number, Monday 0 to Sunday 6.
fn weekday_index(day: i64) -> usize {
    // rem_euclid(7) is in 0..7, so the cast cannot truncate.
    (day - 1).rem_euclid(7) as usize
}

impl WorkingDayIndex {
    /// Prepares `calendar`. Periods that end before they start hold no days
    /// ([`SchoolCalendar::validate`] refuses them).
    pub fn new(calendar: &SchoolCalendar) -> WorkingDayIndex {
        let mut weekend = [false; 7];
        for day in &calendar.weekend {
            if let Some(slot) = weekend.get_mut(day.num_days_from_monday() as usize) {
                *slot = true;
            }
        }
        let week_workdays = weekend.iter().filter(|off| !**off).count() as i64;

        let mut off: Vec<(i64, i64)> = calendar
            .holidays
            .iter()
            .chain(&calendar.vacations)
            .filter(|p| p.start <= p.end)
            .map(|p| (day_number(p.start), day_number(p.end)))
            .collect();
        off.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(off.len());
        for (start, end) in off {
            match merged.last_mut() {
                Some(last) if start <= last.1 + 1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        let in_off = |day: i64| {
            let i = merged.partition_point(|&(start, _)| start <= day);
            i.checked_sub(1)
                .and_then(|i| merged.get(i))
                .is_some_and(|&(_, end)| day <= end)
        };
        let mut makeup: Vec<i64> = calendar
            .makeup_workdays
            .iter()
            .map(|d| day_number(*d))
            .filter(|&d| weekend.get(weekday_index(d)).copied().unwrap_or(false) && !in_off(d))
            .collect();
        makeup.sort_unstable();
        makeup.dedup();

        let mut exceptions: Vec<Exception> = merged
            .iter()
            .map(|&(start, end)| Exception {
                start,
                end,
                makeup: false,
                rank: 0,
            })
            .chain(makeup.iter().map(|&day| Exception {
                start: day,
                end: day,
                makeup: true,
                rank: 0,
            }))
            .collect();
        exceptions.sort_unstable_by_key(|e| e.start);

        let mut index = WorkingDayIndex {
            weekend,
            week_workdays,
            exceptions: Vec::with_capacity(exceptions.len()),
        };
        let mut previous: Option<Exception> = None;
        for mut exception in exceptions {
            exception.rank = match previous {
                None => 0,
                Some(p) => {
                    p.rank + p.working_days() + index.pattern_count(p.end + 1, exception.start)
                }
            };
            index.exceptions.push(exception);
            previous = Some(exception);
        }
        index
    }

    /// Whether the weekly pattern makes `day` a working day.
    fn pattern_working(&self, day: i64) -> bool {
        !self
            .weekend
            .get(weekday_index(day))
            .copied()
            .unwrap_or(false)
    }

    /// Working days of the weekly pattern in `from..to` (`from <= to`).
    fn pattern_count(&self, from: i64, to: i64) -> i64 {
        let len = (to - from).max(0);
        let partial = (0..len % 7)
            .filter(|i| self.pattern_working(from + i))
            .count() as i64;
        len / 7 * self.week_workdays + partial
    }

    /// The `m`-th (from 0) working day of the weekly pattern on or after `from`.
    fn pattern_select_forward(&self, from: i64, m: i64) -> Option<i64> {
        if self.week_workdays == 0 {
            return None;
        }
        let mut rest = m % self.week_workdays;
        let base = from.checked_add((m / self.week_workdays).checked_mul(7)?)?;
        for i in 0..7 {
            if self.pattern_working(base + i) {
                if rest == 0 {
                    return Some(base + i);
                }
                rest -= 1;
            }
        }
        None
    }

    /// The `m`-th (from 0) working day of the weekly pattern before `before`, going back.
    fn pattern_select_backward(&self, before: i64, m: i64) -> Option<i64> {
        if self.week_workdays == 0 {
            return None;
        }
        let mut rest = m % self.week_workdays;
        let base = before.checked_sub((m / self.week_workdays).checked_mul(7)?)?;
        for i in 1..=7 {
            if self.pattern_working(base - i) {
                if rest == 0 {
                    return Some(base - i);
                }
                rest -= 1;
            }
        }
        None
    }

    /// The last exception starting on or before `day`.
    fn exception_at_or_before(&self, day: i64) -> Option<&Exception> {
        let i = self.exceptions.partition_point(|e| e.start <= day);
        i.checked_sub(1).and_then(|i| self.exceptions.get(i))
    }

    /// Working days before `day`, counted from the first exception (negative before it).
    fn rank(&self, day: i64) -> i64 {
        match self.exception_at_or_before(day) {
            None => {
                let origin = self.exceptions.first().map_or(0, |e| e.start);
                if day <= origin {
                    -self.pattern_count(day, origin)
                } else {
                    self.pattern_count(origin, day)
                }
            }
            Some(e) if day <= e.end => e.rank,
            Some(e) => e.rank + e.working_days() + self.pattern_count(e.end + 1, day),
        }
    }

    /// The working day whose rank is `k`.
    fn select(&self, k: i64) -> Option<i64> {
        let i = self.exceptions.partition_point(|e| e.rank <= k);
        match i.checked_sub(1).and_then(|i| self.exceptions.get(i)) {
            None => {
                let origin = self.exceptions.first().map_or(0, |e| e.start);
                if k >= 0 {
                    self.pattern_select_forward(origin, k)
                } else {
                    self.pattern_select_backward(origin, -(k + 1))
                }
            }
            Some(e) => {
                let after = e.rank + e.working_days();
                if k < after {
                    Some(e.start)
                } else {
                    self.pattern_select_forward(e.end + 1, k - after)
                }
            }
        }
    }

    fn is_working(&self, day: i64) -> bool {
        match self.exception_at_or_before(day) {
            Some(e) if day <= e.end => e.makeup,
            _ => self.pattern_working(day),
        }
    }

    /// Whether `date` is a working day (as [`SchoolCalendar::is_working_day`]).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.is_working(day_number(date))
    }

    /// The `n`-th working day after (`n > 0`) or before (`n < 0`) `date`; `date` itself
    /// when `n` is zero (as [`SchoolCalendar::add_working_days`]).
    ///
    /// # Errors
    ///
    /// As [`SchoolCalendar::add_working_days`], with the path `date`.
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
        self.shift(date, i64::from(n))
    }

    /// As [`WorkingDayIndex::add_working_days`] with a wider count.
    pub(crate) fn shift(&self, date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Ok(date);
        }
        let out_of_range = || CalendarErrorKind::DateOutOfRange { date, days: n }.at("date");
        // n working days take at least n calendar days: beyond chrono's whole span, the
        // answer cannot be a date (and the arithmetic below stays far from overflow).
        if n.unsigned_abs() > day_span() {
            return Err(out_of_range());
        }
        let day = day_number(date);
        let rank = self.rank(day);
        let target = if n > 0 {
            rank + i64::from(self.is_working(day)) + n - 1
        } else {
            rank + n
        };
        let found = self
            .select(target)
            .ok_or_else(|| CalendarErrorKind::NoWorkingDay { date, days: n }.at("date"))?;
        date_of(found).ok_or_else(out_of_range)
    }

    /// The number of working days in `from..to` (as
    /// [`SchoolCalendar::working_days_between`]).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.rank(day_number(to)) - self.rank(day_number(from))
    }

    /// Whether `date` falls in a holiday or a vacation.
    pub fn is_holiday_or_vacation(&self, date: NaiveDate) -> bool {
        matches!(self.exception_at_or_before(day_number(date)),
            Some(e) if !e.makeup && day_number(date) <= e.end)
    }
}

// --- Dates as text ----------------------------------------------------------------------------
//
// Written by hand rather than with chrono's `format`/`parse_from_str`: those interpret a
// format string at run time, and their interpreter is about 15 KB of the WebAssembly module.

/// `MM-DD`, as explanations list dates within one term.
pub(crate) fn month_day(date: NaiveDate) -> String {
    format!("{:02}-{:02}", date.month(), date.day())
}

/// `YYYY-MM-DDTHH:MM:SS`, as a form field holds a date and time.
pub(crate) fn iso_datetime(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}",
        at.date(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The value of a run of ASCII digits; `None` for anything else (or an empty run).
fn digits(text: &[u8]) -> Option<u32> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    text.iter().try_fold(0u32, |n, d| {
        n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

/// Reads exactly `YYYY-MM-DD` (what an HTML date input gives): a four-digit year, a
/// two-digit month and day, and a real date; `None` for anything else.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::calendar::parse_iso_date;
///
/// assert_eq!(parse_iso_date("2002-10-01"), NaiveDate::from_ymd_opt(2002, 10, 1));
/// assert_eq!(parse_iso_date("2002-02-30"), None);
/// assert_eq!(parse_iso_date("2002-1-5"), None);
/// ```
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    match text.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => NaiveDate::from_ymd_opt(
            i32::try_from(digits(y)?).ok()?,
            digits(&[*m1, *m2])?,
            digits(&[*d1, *d2])?,
        ),
        _ => None,
    }
}

/// Reads `YYYY-MM-DDTHH:MM` (what an HTML `datetime-local` input gives), with `:SS` and a
/// fraction of a second after it, and a space instead of the `T`, also accepted.
pub(crate) fn parse_iso_datetime(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.split_at_checked(10)?;
    let date = parse_iso_date(date)?;
    let time = time.strip_prefix(['T', ' '])?;
    let (hm, rest) = time.split_at_checked(5)?;
    let [h1, h2, b':', m1, m2] = hm.as_bytes() else {
        return None;
    };
    let (hour, minute) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
    let (second, nano) = match rest.as_bytes() {
        [] => (0, 0),
        [b':', s1, s2, fraction @ ..] => {
            let second = digits(&[*s1, *s2])?;
            let nano = match fraction {
                [] => 0,
                [b'.', places @ ..] if (1..=9).contains(&places.len()) => {
                    let scale = 10u32.pow(9 - u32::try_from(places.len()).ok()?);
                    digits(places)?.checked_mul(scale)?
                }
                _ => return None,
            };
            (second, nano)
        }
        _ => return None,
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nano).map(|t| date.and_time(t))
}

#[cfg(test)]
mod tests;
