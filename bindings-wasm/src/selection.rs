//! Evaluation and recruitment: score sheets and rankings, the allocation of recruitment
//! places, team composition (domain.md §2 and §4).

use wasm_bindgen::prelude::*;

use secretariat::attendance::Standing;
use secretariat::evaluation::EvaluationInput;
use secretariat::recruitment::RecruitmentRound;
use secretariat::{Error, Member};

use crate::convert::{from_js, invalid, text, to_js};
use crate::options::call;

/// Scores and ranks candidates with a scheme (a rulebook scheme's id, or one given whole):
/// a score sheet per candidate, the ranking and the selection. `options.standings` (from
/// `standings()` or a term report) adds the deductions and vetoes of members' discipline.
#[wasm_bindgen(js_name = evaluate, unchecked_return_type = "Ranking")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "EvaluationInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EvaluationOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let standings: Vec<Standing> = o.read_opt("standings")?.unwrap_or_default();
        let input: EvaluationInput = from_js(&input, "")?;
        to_js(&secretariat::evaluate(&*o.rulebook()?, &input, &standings)?)
    })
}

/// Fills a recruitment round's places from its scored candidates, optimally: every quota
/// holds, the best scores win; the reasons for everyone not chosen, and the smallest
/// relaxation when the quotas cannot be met.
#[wasm_bindgen(js_name = allocate, unchecked_return_type = "Allocation")]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "RecruitmentRound")] round: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let round: RecruitmentRound = from_js(&round, "")?;
        to_js(&secretariat::allocate(&*o.rulebook()?, &round)?)
    })
}

/// Checks a team against the rulebook's composition rules `rules` (e.g. `"challenge_cup"`),
/// counting years of study in the academic year `year`.
#[wasm_bindgen(js_name = checkTeam, unchecked_return_type = "TeamCheck")]
pub fn check_team(
    #[wasm_bindgen(unchecked_param_type = "string")] rules: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Member[]")] team: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let rules = text(&rules, "rules")?;
        let team: Vec<Member> = from_js(&team, "team")?;
        let year = whole_year(&year)?;
        to_js(&secretariat::recruitment::check_team(
            &*o.rulebook()?,
            &rules,
            &team,
            year,
        )?)
    })
}

fn whole_year(value: &JsValue) -> Result<i32, Error> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (1900.0..=9999.0).contains(n))
        .map(|n| n as i32)
        .ok_or_else(|| invalid("year", "a year is a whole number such as 2002"))
}
