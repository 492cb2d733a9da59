//! Evaluation and recruitment operations of the vectors (domain.md §2 and §4).
//!
//! - `evaluation.evaluate`: the input is an evaluation input (`scheme`, `judges`,
//!   `candidates`) with, optionally, `standings` (a list of standings) or `term` (term data
//!   whose standings on `today` are used). Gives the ranking.
//! - `recruitment.allocate`: the input is a recruitment round. Gives the allocation.
//! - `recruitment.check_team`: the input is `{ "rules": id, "year": academic year,
//!   "team": [member, ...] }`. Gives the team check.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use secretariat::attendance::Standing;
use secretariat::evaluation::EvaluationInput;
use secretariat::recruitment::RecruitmentRound;
use secretariat::{Error, Member, Rulebook, TermData};

use crate::{Outcome, from_input, to_value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamInput {
    rules: String,
    year: i32,
    team: Vec<Member>,
}

fn missing_today() -> Error {
    secretariat::InputErrorKind::Invalid {
        code: "input.invalid",
        detail: "this operation needs today".into(),
    }
    .at("today")
    .into()
}

fn evaluate(rulebook: &Rulebook, today: Option<NaiveDate>, mut input: Value) -> Outcome {
    let (standings, term) = match input.as_object_mut() {
        Some(map) => (map.remove("standings"), map.remove("term")),
        None => (None, None),
    };
    let standings: Vec<Standing> = match (standings, term) {
        (Some(s), _) => from_input(s).map_err(|e| e.within("standings"))?,
        (None, Some(t)) => {
            let data: TermData = from_input(t).map_err(|e| e.within("term"))?;
            let today = today.ok_or_else(missing_today)?;
            let (register, _) = data.register(rulebook)?;
            register.standings(rulebook, &data.calendar, today)?
        }
        (None, None) => Vec::new(),
    };
    let input: EvaluationInput = from_input(input)?;
    let ranking = secretariat::evaluate(rulebook, &input, &standings)?;
    Ok(to_value(&ranking))
}

/// Runs an evaluation or recruitment operation; `None` when `operation` is not one of them.
pub fn run(
    operation: &str,
    rulebook: &Rulebook,
    today: Option<NaiveDate>,
    input: Value,
) -> Option<Outcome> {
    Some(match operation {
        "evaluation.evaluate" => evaluate(rulebook, today, input),
        "recruitment.allocate" => from_input::<RecruitmentRound>(input)
            .and_then(|round| Ok(to_value(&secretariat::allocate(rulebook, &round)?))),
        "recruitment.check_team" => from_input::<TeamInput>(input).and_then(|i| {
            let check = secretariat::recruitment::check_team(rulebook, &i.rules, &i.team, i.year)?;
            Ok(to_value(&check))
        }),
        _ => return None,
    })
}
