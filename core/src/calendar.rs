//! The school calendar: the term of office, semesters, holidays, vacations and make-up
//! working days (domain.md §5, "Days are calendar days by default, or working days on a
//! school calendar"). Calendars are data supplied by the school, not policy.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use crate::schedule::ScheduleError;

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
    /// `schedule.date_out_of_range` when the result lies beyond the dates chrono supports;
    /// `schedule.no_working_day` when the calendar has no working day in that direction
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
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, ScheduleError> {
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

    /// Checks that the term and every period end on or after their start.
    ///
    /// # Errors
    ///
    /// `schedule.invalid_period` with the path of the period's end, e.g. `holidays[1].end`.
    pub fn validate(&self) -> Result<(), ScheduleError> {
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
                return Err(ScheduleError::InvalidPeriod {
                    path,
                    start: range.start,
                    end: range.end,
                });
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
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, ScheduleError> {
        self.shift(date, i64::from(n))
    }

    /// As [`WorkingDayIndex::add_working_days`] with a wider count.
    pub(crate) fn shift(&self, date: NaiveDate, n: i64) -> Result<NaiveDate, ScheduleError> {
        if n == 0 {
            return Ok(date);
        }
        let out_of_range = || ScheduleError::DateOutOfRange {
            path: "date".into(),
            date,
            days: n,
        };
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
            .ok_or_else(|| ScheduleError::NoWorkingDay {
                path: "date".into(),
                date,
                days: n,
            })?;
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
mod tests {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
    use proptest::prelude::*;

    use super::{DateRange, Period, SchoolCalendar, WorkingDayIndex, date_of, day_number};
    use crate::diagnostic::Diagnostic;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Autumn 2026 with the National Day holiday. The make-up working days (Sunday
    /// 20 September and Saturday 10 October) are our plausible reading of the State
    /// Council's arrangement, chosen for the tests; a school supplies its own.
    fn national_day_2026() -> SchoolCalendar {
        let mut calendar = SchoolCalendar::new(DateRange::new(d(2026, 9, 1), d(2027, 7, 10)));
        calendar
            .semesters
            .push(Period::new("Autumn 2026", d(2026, 9, 1), d(2027, 1, 15)));
        calendar
            .holidays
            .push(Period::new("National Day", d(2026, 10, 1), d(2026, 10, 7)));
        calendar.vacations.push(Period::new(
            "Winter vacation",
            d(2027, 1, 16),
            d(2027, 2, 28),
        ));
        calendar.makeup_workdays = vec![d(2026, 9, 20), d(2026, 10, 10)];
        calendar
    }

    /// The n-th working day from `start`, one day at a time: the oracle for the index.
    fn step_working_days(calendar: &SchoolCalendar, start: NaiveDate, n: i32) -> NaiveDate {
        let mut date = start;
        let mut left = n.unsigned_abs();
        while left > 0 {
            date = if n > 0 {
                date.succ_opt().unwrap()
            } else {
                date.pred_opt().unwrap()
            };
            if calendar.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }

    #[test]
    fn day_numbers_agree_with_chrono_weekdays() {
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d(1, 1, 1),
            d(0, 12, 31),
            d(-1, 3, 1),
            d(2026, 10, 24),
        ] {
            let day = day_number(date);
            assert_eq!(date_of(day), Some(date));
            assert_eq!(
                super::weekday_index(day),
                date.weekday().num_days_from_monday() as usize
            );
        }
        assert_eq!(date_of(day_number(NaiveDate::MAX) + 1), None);
        assert_eq!(date_of(day_number(NaiveDate::MIN) - 1), None);
    }

    #[test]
    fn national_day_holiday_and_make_up_days() {
        let calendar = national_day_2026();
        assert_eq!(d(2026, 9, 20).weekday(), Weekday::Sun);
        assert_eq!(d(2026, 10, 10).weekday(), Weekday::Sat);
        assert!(calendar.is_working_day(d(2026, 9, 20)));
        assert!(calendar.is_working_day(d(2026, 10, 10)));
        assert!(!calendar.is_working_day(d(2026, 10, 1)));
        assert!(!calendar.is_working_day(d(2026, 10, 5))); // a Monday of the holiday
        assert!(!calendar.is_working_day(d(2026, 10, 11))); // an ordinary Sunday
        assert!(calendar.is_working_day(d(2026, 10, 8)));
        assert!(!calendar.is_working_day(d(2027, 2, 1))); // a Monday of the vacation

        // Wednesday 30 September + 1 working day is Thursday 8 October, and back.
        assert_eq!(
            calendar.add_working_days(d(2026, 9, 30), 1).unwrap(),
            d(2026, 10, 8)
        );
        assert_eq!(
            calendar.add_working_days(d(2026, 10, 8), -1).unwrap(),
            d(2026, 9, 30)
        );
        // Friday 9 October + 1 is the make-up Saturday; + 2 is Monday 12 October.
        assert_eq!(
            calendar.add_working_days(d(2026, 10, 9), 1).unwrap(),
            d(2026, 10, 10)
        );
        assert_eq!(
            calendar.add_working_days(d(2026, 10, 9), 2).unwrap(),
            d(2026, 10, 12)
        );
        // From a day off (Saturday 19 September) the next working day is the make-up Sunday.
        assert_eq!(
            calendar.add_working_days(d(2026, 9, 19), 1).unwrap(),
            d(2026, 9, 20)
        );
        assert_eq!(
            calendar.add_working_days(d(2026, 10, 3), -1).unwrap(),
            d(2026, 9, 30)
        );
        assert_eq!(
            calendar.add_working_days(d(2026, 10, 3), 0).unwrap(),
            d(2026, 10, 3)
        );
        // 28-30 September and 8-10 October.
        assert_eq!(
            calendar.working_days_between(d(2026, 9, 28), d(2026, 10, 12)),
            6
        );
        assert_eq!(
            calendar.working_days_between(d(2026, 10, 12), d(2026, 9, 28)),
            -6
        );
        // Across the winter vacation: Friday 15 January + 1 is Monday 1 March.
        assert_eq!(
            calendar.add_working_days(d(2027, 1, 15), 1).unwrap(),
            d(2027, 3, 1)
        );
    }

    #[test]
    fn a_make_up_day_inside_a_holiday_stays_off() {
        let mut calendar = national_day_2026();
        calendar.makeup_workdays.push(d(2026, 10, 3)); // a Saturday of the holiday
        assert!(!calendar.is_working_day(d(2026, 10, 3)));
        assert!(!calendar.working_day_index().is_working_day(d(2026, 10, 3)));
        assert_eq!(
            calendar.add_working_days(d(2026, 9, 30), 1).unwrap(),
            d(2026, 10, 8)
        );
    }

    #[test]
    fn dates_at_chrono_limits_are_errors_not_panics() {
        let calendar = national_day_2026();
        for (date, n) in [
            (NaiveDate::MAX, 1),
            (NaiveDate::MIN, -1),
            (NaiveDate::MAX, i32::MAX),
            (NaiveDate::MIN, i32::MIN),
            (d(2026, 1, 1), i32::MAX),
        ] {
            let err = calendar.add_working_days(date, n).unwrap_err();
            assert_eq!(err.code(), "schedule.date_out_of_range");
        }
        assert!(calendar.add_working_days(NaiveDate::MAX, -1).is_ok());
        assert!(calendar.add_working_days(NaiveDate::MIN, 1).is_ok());
        let index = calendar.working_day_index();
        assert!(index.working_days_between(NaiveDate::MIN, NaiveDate::MAX) > 0);
        let mut at_the_end = national_day_2026();
        at_the_end
            .holidays
            .push(Period::new("last", NaiveDate::MAX, NaiveDate::MAX));
        at_the_end.makeup_workdays.push(NaiveDate::MIN);
        assert!(
            at_the_end
                .add_working_days(NaiveDate::MAX.pred_opt().unwrap(), 1)
                .is_err()
        );
    }

    #[test]
    fn a_week_without_working_days_runs_out() {
        let mut calendar = national_day_2026();
        calendar.weekend = vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        assert_eq!(
            calendar.add_working_days(d(2026, 9, 1), 1).unwrap(),
            d(2026, 9, 20)
        );
        assert_eq!(
            calendar.add_working_days(d(2026, 9, 1), 2).unwrap(),
            d(2026, 10, 10)
        );
        let err = calendar.add_working_days(d(2026, 9, 1), 3).unwrap_err();
        assert_eq!(err.code(), "schedule.no_working_day");
        assert_eq!(
            calendar.working_days_between(d(2026, 1, 1), d(2027, 1, 1)),
            2
        );
    }

    #[test]
    fn validate_refuses_a_period_that_ends_before_it_starts() {
        let mut calendar = national_day_2026();
        assert!(calendar.validate().is_ok());
        calendar
            .holidays
            .push(Period::new("bad", d(2026, 5, 5), d(2026, 5, 1)));
        let err = calendar.validate().unwrap_err();
        assert_eq!(err.code(), "schedule.invalid_period");
        assert_eq!(err.path(), "holidays[1].end");
        calendar.holidays.pop();
        calendar.term = DateRange::new(d(2027, 1, 1), d(2026, 1, 1));
        assert_eq!(calendar.validate().unwrap_err().path(), "term.end");
    }

    #[test]
    fn serde_defaults_keep_old_calendars_readable() {
        let calendar: SchoolCalendar = crate::input::from_json_str(
            r#"{"term": {"start": "2026-09-01", "end": "2027-07-10"}}"#,
        )
        .unwrap();
        assert_eq!(calendar, SchoolCalendar::new(calendar.term));
    }

    fn any_calendar() -> impl Strategy<Value = SchoolCalendar> {
        let day = 0i64..800;
        let base = day_number(d(2025, 6, 1));
        let date = move |n: i64| date_of(base + n).unwrap();
        (
            proptest::collection::vec((day.clone(), 0i64..40), 0..8),
            proptest::collection::vec(day, 0..10),
            proptest::collection::vec(0usize..7, 0..4),
        )
            .prop_map(move |(off, makeup, weekend)| {
                let mut calendar = SchoolCalendar::new(DateRange::new(date(0), date(800)));
                calendar.holidays = off
                    .iter()
                    .map(|&(start, len)| Period::new("off", date(start), date(start + len)))
                    .collect();
                calendar.makeup_workdays = makeup.into_iter().map(date).collect();
                let days = [
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                    Weekday::Sat,
                    Weekday::Sun,
                ];
                calendar.weekend = weekend
                    .iter()
                    .filter_map(|&i| days.get(i).copied())
                    .collect();
                calendar
            })
    }

    proptest! {
        #[test]
        fn index_agrees_with_the_calendar(calendar in any_calendar(), offset in -100i64..1000) {
            let date = date_of(day_number(d(2025, 6, 1)) + offset).unwrap();
            let index = WorkingDayIndex::new(&calendar);
            prop_assert_eq!(index.is_working_day(date), calendar.is_working_day(date));
        }

        #[test]
        fn adding_working_days_matches_stepping_and_inverts(
            calendar in any_calendar(),
            offset in -100i64..1000,
            n in -300i32..300,
        ) {
            let start = date_of(day_number(d(2025, 6, 1)) + offset).unwrap();
            let index = WorkingDayIndex::new(&calendar);
            let moved = index.add_working_days(start, n).unwrap();
            prop_assert_eq!(moved, step_working_days(&calendar, start, n));
            if n != 0 {
                prop_assert!(index.is_working_day(moved));
            }
            if index.is_working_day(start) {
                prop_assert_eq!(index.add_working_days(moved, -n).unwrap(), start);
                prop_assert_eq!(index.working_days_between(start, moved), i64::from(n));
            }
        }

        #[test]
        fn working_days_between_counts_the_days(
            calendar in any_calendar(),
            from in -50i64..900,
            len in -200i64..200,
        ) {
            let base = day_number(d(2025, 6, 1));
            let (a, b) = (date_of(base + from).unwrap(), date_of(base + from + len).unwrap());
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let counted = lo
                .iter_days()
                .take_while(|x| *x < hi)
                .filter(|x| calendar.is_working_day(*x))
                .count() as i64;
            let sign = if a <= b { 1 } else { -1 };
            prop_assert_eq!(calendar.working_days_between(a, b), sign * counted);
        }
    }

    #[test]
    fn dates_as_text_are_read_strictly_and_written_in_iso_form() {
        use super::{iso_datetime, month_day, parse_iso_date, parse_iso_datetime};
        assert_eq!(parse_iso_date("2002-10-01"), Some(d(2002, 10, 1)));
        for bad in [
            "2002-1-01",
            "2002-10-1",
            "02-10-01",
            "2002-02-30",
            "2002/10/01",
            "2002-10-01 ",
            "",
            "２００２-10-01",
            "+2002-10-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
        let at = |h, m, s, n| d(2002, 10, 1).and_hms_nano_opt(h, m, s, n).unwrap();
        assert_eq!(parse_iso_datetime("2002-10-01T08:05"), Some(at(8, 5, 0, 0)));
        assert_eq!(
            parse_iso_datetime("2002-10-01 08:05:09"),
            Some(at(8, 5, 9, 0))
        );
        assert_eq!(
            parse_iso_datetime("2002-10-01T08:05:09.25"),
            Some(at(8, 5, 9, 250_000_000))
        );
        for bad in [
            "2002-10-01",
            "2002-10-01T8:05",
            "2002-10-01T24:00",
            "2002-10-01T08:60",
            "2002-10-01T08:05:",
            "2002-10-01T08:05:09.",
            "2002-10-01T08:05:09.1234567890",
            "2002-10-01X08:05",
            "2002-10-01T08:05Z",
        ] {
            assert_eq!(parse_iso_datetime(bad), None, "{bad:?}");
        }
        assert_eq!(month_day(d(2002, 3, 7)), "03-07");
        assert_eq!(
            iso_datetime(at(8, 5, 9, 250_000_000)),
            "2002-10-01T08:05:09"
        );
    }

    proptest! {
        #[test]
        fn a_datetime_written_is_read_back(days in 0i64..200_000, secs in 0u32..86_400) {
            use super::{iso_datetime, parse_iso_date, parse_iso_datetime};
            let date = d(1900, 1, 1) + chrono::Duration::days(days);
            let at = date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap());
            prop_assert_eq!(parse_iso_date(&date.to_string()), Some(date));
            prop_assert_eq!(parse_iso_datetime(&iso_datetime(at)), Some(at));
            // The same as chrono's reading of the same format.
            prop_assert_eq!(
                parse_iso_datetime(&iso_datetime(at)),
                NaiveDateTime::parse_from_str(&iso_datetime(at), "%Y-%m-%dT%H:%M:%S").ok()
            );
        }
    }
}
