//! The rulebook, members and attendance: the term report, leave checks, standings, marks from
//! sign-in times, grades (domain.md §1).

use chrono::NaiveDateTime;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use secretariat::attendance::{LeaveRequest, Mark};
use secretariat::{Error, Grade, Rulebook, TermData};

use crate::convert::{ParseCache, from_js, invalid, json_text, to_js};
use crate::errors::JsIssue;
use crate::options::{call, rulebook_from_camel_json};

thread_local! {
    static TERMS: ParseCache<TermData> = const { ParseCache::new() };
}

/// Reads term data (a form's context): kept by identity when the object is frozen
/// ([`crate::frozen`]), else by content (the same content given again is not parsed again).
pub(crate) fn term_data(value: &JsValue) -> Result<std::rc::Rc<TermData>, Error> {
    crate::frozen::term_data(value, || {
        let text = json_text(value, "")?;
        TERMS.with(|cache| cache.get_or_parse(text, crate::convert::from_camel_json))
    })
}

/// The bundled sample term (seed 000's department, autumn 2002): members, events, leave
/// requests, marks, the year's activities and budget, a selection. A ready context for forms.
#[wasm_bindgen(js_name = sampleTerm, unchecked_return_type = "TermData")]
pub fn sample_term() -> Result<JsValue, JsValue> {
    call(JsValue::UNDEFINED, |_| to_js(&TermData::sample()))
}

/// The embedded default rulebook, whole (camelCase keys).
#[wasm_bindgen(js_name = defaultRulebook, unchecked_return_type = "Rulebook")]
pub fn default_rulebook() -> Result<JsValue, JsValue> {
    call(JsValue::UNDEFINED, |_| {
        to_js(crate::options::default_rulebook())
    })
}

/// A partial rulebook (the TOML file's schema, camelCase keys) over the default, checked and
/// whole. Throws `rulebook.unknown_key`, `rulebook.out_of_range`, ... with the key's path.
#[wasm_bindgen(js_name = loadRulebook, unchecked_return_type = "Rulebook")]
pub fn load_rulebook(
    #[wasm_bindgen(unchecked_param_type = "PartialRulebook")] partial: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |_| {
        let text = json_text(&partial, "")?;
        to_js(&rulebook_from_camel_json(&text)?)
    })
}

/// A rulebook file's TOML text (snake_case keys, as the file is written) over the default,
/// checked and whole.
#[wasm_bindgen(js_name = loadRulebookToml, unchecked_return_type = "Rulebook")]
pub fn load_rulebook_toml(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |_| to_js(&Rulebook::from_toml_str(text)?))
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
