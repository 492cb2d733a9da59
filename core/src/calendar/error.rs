//! The errors of a school calendar: a period that ends before it starts, and day arithmetic
//! that leaves the supported dates or finds no working day. Each has its own stable code.

use chrono::NaiveDate;

use crate::diagnostic::{ErrorKind, Located, Params, located};

/// What went wrong in a [`CalendarError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CalendarErrorKind {
    /// A calendar period ends before it starts (`calendar.invalid_period`).
    InvalidPeriod {
        /// The period's first day.
        start: NaiveDate,
        /// The period's last day.
        end: NaiveDate,
    },
    /// A term longer than the library handles ([`super::MAX_TERM_DAYS`]): a term of office
    /// is a year or two, and its weekly meetings are generated one by one
    /// (`calendar.term_too_long`).
    TermTooLong {
        /// The term's first day.
        start: NaiveDate,
        /// The term's last day.
        end: NaiveDate,
        /// The longest term, in days.
        max_days: i64,
    },
    /// A date moved by some (calendar or working) days falls outside the dates the library
    /// supports (`calendar.date_out_of_range`).
    DateOutOfRange {
        /// The date moved from.
        date: NaiveDate,
        /// The days it was moved by.
        days: i64,
    },
    /// The calendar has no working day that far from a date: every day of the week is a
    /// weekend day and the make-up days run out (`calendar.no_working_day`).
    NoWorkingDay {
        /// The date counted from.
        date: NaiveDate,
        /// The working days counted.
        days: i64,
    },
}

/// A school calendar is invalid, or a day cannot be counted on it.
///
/// Its [kind](CalendarErrorKind) says what; the path of the offending field sits beside it.
pub type CalendarError = Located<CalendarErrorKind>;

impl ErrorKind for CalendarErrorKind {
    fn code(&self) -> &'static str {
        match self {
            CalendarErrorKind::InvalidPeriod { .. } => "calendar.invalid_period",
            CalendarErrorKind::TermTooLong { .. } => "calendar.term_too_long",
            CalendarErrorKind::DateOutOfRange { .. } => "calendar.date_out_of_range",
            CalendarErrorKind::NoWorkingDay { .. } => "calendar.no_working_day",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            CalendarErrorKind::InvalidPeriod { start, end, .. } => {
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
            }
            CalendarErrorKind::TermTooLong {
                start,
                end,
                max_days,
                ..
            } => {
                p.insert("start", start.to_string());
                p.insert("end", end.to_string());
                p.insert("max_days", max_days.to_string());
            }
            CalendarErrorKind::DateOutOfRange { date, days, .. }
            | CalendarErrorKind::NoWorkingDay { date, days, .. } => {
                p.insert("date", date.to_string());
                p.insert("days", days.to_string());
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Locale};

    #[test]
    fn every_calendar_error_has_its_own_code_a_path_and_two_languages() {
        let date = NaiveDate::from_ymd_opt(2002, 10, 1).unwrap_or_default();
        let errors = [
            CalendarErrorKind::InvalidPeriod {
                start: date,
                end: date,
            }
            .at("holidays[0].end"),
            CalendarErrorKind::DateOutOfRange { date, days: -35 }.at("date"),
            CalendarErrorKind::TermTooLong {
                start: date,
                end: date,
                max_days: 3653,
            }
            .at("term.end"),
            CalendarErrorKind::NoWorkingDay { date, days: 3 }.at("date"),
        ];
        let mut codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
        for e in &errors {
            assert!(e.code().starts_with("calendar."));
            assert!(!e.path().is_empty());
            let (en, zh) = (e.message(Locale::En), e.message(Locale::ZhHans));
            assert_ne!(en, zh);
            // The path travels beside the message, never inside it.
            assert!(!en.starts_with(e.path()) && !zh.starts_with(e.path()));
            let issue = crate::Error::from(e.clone()).issue(Locale::ZhHans);
            assert_eq!(
                (issue.code.as_str(), issue.path.as_str()),
                (e.code(), e.path())
            );
            // Through scheduling, the calendar's own code and path.
            let scheduled = crate::schedule::ScheduleError::from(e.clone());
            assert_eq!((scheduled.code(), scheduled.path()), (e.code(), e.path()));
            assert_eq!(scheduled.message(Locale::ZhHans), zh);
        }
    }
}

located!(CalendarErrorKind);
