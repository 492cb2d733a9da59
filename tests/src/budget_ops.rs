//! Budget and activity operations of the vectors (domain.md §3 and §6).
//!
//! - `budget.ledger`: `{ members?, year?, period, operations: [{"reserve": {...}}, ...] }`
//!   applies the ledger operations in order and gives `{ postings, ledger, report }`; the
//!   first refused operation is the case's error, its path under `operations[i].<op>`.
//! - `activity.validate`: `{ members?, year?, plan, calendar? }` validates the plan on
//!   `today` against the ledger of `year` (replayed up to `today`; an empty ledger without
//!   it) and gives the [`secretariat::PlanValidation`], messages in English.
//! - `activity.replay`: `{ members?, year?, calendar? }` replays a year (the bundled sample
//!   without one) up to `today` and gives `{ applied, pending, book, ledger, budget,
//!   activities }`.
//!
//! `members` defaults to the members of the bundled sample term.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use secretariat::activity::ActivityYearData;
use secretariat::budget::LedgerOperation;
use secretariat::calendar::{DateRange, SchoolCalendar};
use secretariat::{
    ActivityPlan, BudgetLedger, Error, Locale, Member, Roster, Rulebook, TermData, validate_plan,
};

use crate::{Outcome, from_input, to_value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerInput {
    #[serde(default)]
    members: Option<Vec<Member>>,
    #[serde(default)]
    year: Option<String>,
    period: DateRange,
    operations: Vec<LedgerOperation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidateInput {
    #[serde(default)]
    members: Option<Vec<Member>>,
    #[serde(default)]
    year: Option<ActivityYearData>,
    plan: ActivityPlan,
    #[serde(default)]
    calendar: Option<SchoolCalendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplayInput {
    #[serde(default)]
    members: Option<Vec<Member>>,
    #[serde(default)]
    year: Option<ActivityYearData>,
    #[serde(default)]
    calendar: Option<SchoolCalendar>,
}

fn roster(members: Option<Vec<Member>>) -> Result<Roster, Error> {
    Ok(Roster::new(
        members.unwrap_or_else(|| TermData::sample().members),
    )?)
}

/// Runs a budget or activity operation; `None` when `operation` is not one of them.
pub fn run(
    operation: &str,
    rulebook: &Rulebook,
    today: Option<NaiveDate>,
    input: Value,
) -> Option<Outcome> {
    let need_today = || -> Result<NaiveDate, Error> {
        today.ok_or_else(|| {
            secretariat::InputErrorKind::Invalid {
                code: "input.invalid",
                detail: "this operation needs today".into(),
            }
            .at("today")
            .into()
        })
    };
    Some(match operation {
        "budget.ledger" => from_input::<LedgerInput>(input).and_then(|i| {
            let roster = roster(i.members)?;
            let mut ledger = BudgetLedger::new(i.year.unwrap_or_default(), i.period);
            let mut postings = Vec::with_capacity(i.operations.len());
            for (n, op) in i.operations.iter().enumerate() {
                let posting = ledger
                    .apply(rulebook, &roster, op)
                    .map_err(|e| e.within(&format!("operations[{n}].{}", op.key())))?;
                postings.push(to_value(&posting));
            }
            Ok(json!({
                "postings": postings,
                "ledger": to_value(&ledger),
                "report": to_value(&ledger.report(rulebook)),
            }))
        }),
        "activity.validate" => from_input::<ValidateInput>(input).and_then(|i| {
            let today = need_today()?;
            let roster = roster(i.members)?;
            let ledger = match &i.year {
                Some(year) => {
                    year.replay(rulebook, &roster, i.calendar.as_ref(), today)
                        .map_err(|e| e.within("year"))?
                        .ledger
                }
                None => BudgetLedger::new("", DateRange::new(today, today)),
            };
            let validation = validate_plan(
                rulebook,
                &roster,
                &ledger,
                &i.plan,
                today,
                i.calendar.as_ref(),
                Locale::En,
            );
            Ok(to_value(&validation))
        }),
        "activity.replay" => from_input::<ReplayInput>(input).and_then(|i| {
            let today = need_today()?;
            let roster = roster(i.members)?;
            let data = i.year.unwrap_or_else(ActivityYearData::sample);
            let year = data
                .replay(rulebook, &roster, i.calendar.as_ref(), today)
                .map_err(|e| e.within("year"))?;
            Ok(json!({
                "applied": year.applied,
                "pending": year.pending,
                "book": to_value(&year.book),
                "ledger": to_value(&year.ledger),
                "budget": to_value(&year.budget_report(rulebook)),
                "activities": to_value(&year.activity_report(rulebook, today)),
            }))
        }),
        _ => return None,
    })
}
