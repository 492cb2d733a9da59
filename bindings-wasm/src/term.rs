//! The term's records beyond a form (full module only): the term report, standings, leave
//! checks, marks from sign-in times, grades (domain.md §1), and a rulebook file's TOML text.

use chrono::NaiveDateTime;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use secretariat::attendance::{LeaveRequest, Mark};
use secretariat::{Error, Grade, Rulebook};

use crate::convert::{from_js, invalid, to_js};
use crate::errors::JsIssue;
use crate::options::call;
use crate::records::term_data;

/// A rulebook file's TOML text (snake_case keys, as the file is written) over the default,
/// checked and whole.
#[wasm_bindgen(js_name = loadRulebookToml, unchecked_return_type = "Rulebook")]
pub fn load_rulebook_toml(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |_| {
        let text = crate::convert::text(&text, "text")?;
        to_js(&Rulebook::from_toml_str(&text)?)
    })
}

/// A grade (intake year) as the full year: `"02"` is 2002, `"1999"` is 1999.
#[wasm_bindgen(js_name = parseGrade)]
pub fn parse_grade(
    #[wasm_bindgen(unchecked_param_type = "string | number")] grade: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<u16, JsValue> {
    let mut year = 0;
    call(options, |_| {
        let parsed = match (grade.as_string(), grade.as_f64()) {
            (Some(text), _) => Grade::parse(&text),
            (None, Some(n)) if n.fract() == 0.0 && n >= 0.0 => Grade::from_number(n as u64),
            _ => return Err(invalid("", "a grade is a year: \"02\", \"2002\" or 2002")),
        };
        year = parsed.map_err(Error::from)?.year();
        Ok(JsValue::UNDEFINED)
    })?;
    Ok(year)
}

/// Sign-in and sign-out times against an event's start and end.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkTimes {
    start: NaiveDateTime,
    end: NaiveDateTime,
    sign_in: NaiveDateTime,
    #[serde(default)]
    sign_out: Option<NaiveDateTime>,
}

/// The mark that sign-in and sign-out times give, with the rulebook's grace period:
/// `"present"`, `"late"`, `"left_early"` or `"late_and_left_early"`.
#[wasm_bindgen(js_name = markFromTimes, unchecked_return_type = "Mark")]
pub fn mark_from_times(
    #[wasm_bindgen(unchecked_param_type = "MarkTimes")] times: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let t: MarkTimes = from_js(&times, "")?;
        let grace = o.rulebook()?.attendance.grace_minutes;
        let mark: Mark = Mark::from_times(t.start, t.end, t.sign_in, t.sign_out, grace)?;
        to_js(&mark)
    })
}

/// The term report on `options.today`: every member's standing with its reasons, every leave
/// request's decision, every planned activity's countdown.
#[wasm_bindgen(js_name = termReport, unchecked_return_type = "TermReport")]
pub fn term_report(
    #[wasm_bindgen(unchecked_param_type = "TermData")] term: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let data = term_data(&term)?;
        let report = secretariat::term_report(&*o.rulebook()?, &data, o.today()?)?;
        to_js(&report)
    })
}

/// Every member's attendance standing on `options.today`.
#[wasm_bindgen(js_name = standings, unchecked_return_type = "Standing[]")]
pub fn standings(
    #[wasm_bindgen(unchecked_param_type = "TermData")] term: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let data = term_data(&term)?;
        let rulebook = o.rulebook()?;
        let (register, _) = data.register(&rulebook)?;
        to_js(&register.standings(&rulebook, &data.calendar, o.today()?)?)
    })
}

/// Every reason a leave request would be refused in the term (empty when it stands): the
/// attendance register's own check (discipline §3), messages in `options.locale`.
#[wasm_bindgen(js_name = checkLeave, unchecked_return_type = "Issue[]")]
pub fn check_leave(
    #[wasm_bindgen(unchecked_param_type = "LeaveRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] term: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let data = term_data(&term)?;
        let request: LeaveRequest = from_js(&request, "")?;
        let rulebook = o.rulebook()?;
        let (register, _) = data.register(&rulebook)?;
        let issues: Vec<JsIssue> = register
            .check_leave(&rulebook, &request)
            .iter()
            .map(|e| JsIssue::of(e, o.locale))
            .collect();
        to_js(&issues)
    })
}
