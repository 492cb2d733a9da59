use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use proptest::prelude::*;

use super::{
    DateRange, MAX_TERM_DAYS, Period, SchoolCalendar, WorkingDayIndex, date_of, day_number,
};
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
        assert_eq!(err.code(), "calendar.date_out_of_range");
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
    assert_eq!(err.code(), "calendar.no_working_day");
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
    assert_eq!(err.code(), "calendar.invalid_period");
    assert_eq!(err.path(), "holidays[1].end");
    calendar.holidays.pop();
    calendar.term = DateRange::new(d(2027, 1, 1), d(2026, 1, 1));
    assert_eq!(calendar.validate().unwrap_err().path(), "term.end");
}

#[test]
fn serde_defaults_keep_old_calendars_readable() {
    let calendar: SchoolCalendar =
        crate::input::from_json_str(r#"{"term": {"start": "2026-09-01", "end": "2027-07-10"}}"#)
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

/// Found by the fuzz target `read_term` (fuzz/regressions/read_term/): a term whose end year
/// was mistyped as 7014 generated some 260,000 weekly meetings and took minutes. Now it is
/// refused at once.
#[test]
fn a_term_of_five_thousand_years_is_refused_not_computed() {
    let mut data = crate::TermData::sample();
    data.calendar.term.end = NaiveDate::from_ymd_opt(7014, 7, 4).unwrap();
    let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
    let err = crate::term_report(&crate::Rulebook::default(), &data, today).unwrap_err();
    assert_eq!(err.code(), "calendar.term_too_long");
    assert!(err.path().ends_with("term.end"), "{}", err.path());
    assert_eq!(err.params()["max_days"], MAX_TERM_DAYS.to_string());

    // Ten years is still a term.
    data.calendar.term.end = data.calendar.term.start + chrono::Duration::days(MAX_TERM_DAYS);
    assert!(data.calendar.validate().is_ok());
    data.calendar.term.end += chrono::Duration::days(1);
    assert_eq!(
        data.calendar.validate().unwrap_err().code(),
        "calendar.term_too_long"
    );
}
