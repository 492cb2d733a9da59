//! A term's data as JSON, then everything the term report does with it (standings, leave
//! decisions, countdowns, budget, selection) and its iCalendar export: never a panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use secretariat::{Locale, Rulebook, TermData, report::term_icalendar, term_report};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(term) = TermData::from_json_str(text) else {
        return;
    };
    let rulebook = Rulebook::default();
    let fallback = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap_or_default();
    let today = term.as_of.unwrap_or(fallback);
    if let Ok(report) = term_report(&rulebook, &term, today) {
        let _ = report.render(Locale::En);
        let _ = report.render(Locale::ZhHans);
        let _ = serde_json::to_string(&report);
    }
    let _ = term_icalendar(
        &rulebook,
        &term,
        today.and_hms_opt(8, 0, 0).unwrap_or_default(),
        Locale::ZhHans,
    );
});
