//! Budget and activities: the ledger of reservations, allocations, expenses and settlements,
//! a year of activities replayed, an activity plan validated (domain.md §3 and §6). Money is
//! a decimal string both ways (`"45.50"`); a number given as money is refused.

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use secretariat::activity::{ActivityReport, ActivityYearData};
use secretariat::budget::{LedgerOperation, Posting};
use secretariat::calendar::{DateRange, SchoolCalendar};
use secretariat::{ActivityBook, ActivityPlan, BudgetLedger, BudgetReport, Error, Member, Roster};

use crate::convert::{from_js, to_js};
use crate::options::call;

/// A ledger as given: a whole one from an earlier call, or `{ year, period }` for an empty one
/// (the core reads both; the accounts and entries default to none).
fn read_ledger(value: &JsValue) -> Result<BudgetLedger, Error> {
    from_js(value, "ledger")
}

fn roster(members: &JsValue) -> Result<Roster, Error> {
    let members: Vec<Member> = from_js(members, "members")?;
    Roster::new(members).map_err(|e| Error::from(e).within("members"))
}

/// What `applyLedgerOperations` gives.
#[derive(Serialize, Tsify)]
struct LedgerResult {
    /// What each operation posted, in order.
    #[tsify(type = "Posting[]")]
    postings: Vec<Posting>,
    /// The ledger after them (give it back to go on).
    #[tsify(type = "BudgetLedger")]
    ledger: BudgetLedger,
    /// Per activity and in total: approved, spent, remaining, utilisation.
    #[tsify(type = "BudgetReport")]
    report: BudgetReport,
}

/// Applies ledger operations (`{ reserve }`, `{ allocate }`, `{ expense }`, `{ settle }`) in
/// order, each checked against the rulebook's limits and authority, the approvers looked up
/// in `members`. Gives every posting, the new ledger and its report. All or nothing: the
/// first refused operation throws, its path under `operations[i].<operation>`.
#[wasm_bindgen(js_name = applyLedgerOperations, unchecked_return_type = "LedgerResult")]
pub fn apply_ledger_operations(
    #[wasm_bindgen(unchecked_param_type = "BudgetLedger | NewLedger")] ledger: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LedgerOperation[]")] operations: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Member[]")] members: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let rulebook = o.rulebook()?;
        let mut ledger = read_ledger(&ledger)?;
        let operations: Vec<LedgerOperation> = from_js(&operations, "operations")?;
        let roster = roster(&members)?;
        let mut postings = Vec::with_capacity(operations.len());
        for (n, op) in operations.iter().enumerate() {
            let posting = ledger
                .apply(&rulebook, &roster, op)
                .map_err(|e| e.within(&format!("operations[{n}].{}", op.key())))?;
            postings.push(posting);
        }
        let report = ledger.report(&rulebook);
        to_js(&LedgerResult {
            postings,
            ledger,
            report,
        })
    })
}

/// What `replayActivityYear` gives.
#[derive(Serialize, Tsify)]
#[tsify(rename = "ActivityYearResult")]
struct YearResult {
    /// How many operations were applied (dated up to today).
    applied: usize,
    /// How many are dated after today.
    pending: usize,
    /// The activities: plan, state, history.
    #[tsify(type = "ActivityBook")]
    book: ActivityBook,
    /// The budget ledger.
    #[tsify(type = "BudgetLedger")]
    ledger: BudgetLedger,
    /// The budget report.
    #[tsify(type = "BudgetReport")]
    budget: BudgetReport,
    /// The activities' report on today: state, next step, what is overdue.
    #[tsify(type = "ActivityReport")]
    activities: ActivityReport,
}

/// Replays a year of activities (plans drafted, steps, allocations, expenses, in order) up to
/// `options.today`, every check applied: the activity book, the ledger, the budget report and
/// the activities' report. The first refused operation throws, its path under
/// `operations[i]`.
#[wasm_bindgen(js_name = replayActivityYear, unchecked_return_type = "ActivityYearResult")]
pub fn replay_activity_year(
    #[wasm_bindgen(unchecked_param_type = "ActivityYearData")] year: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Member[]")] members: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let rulebook = o.rulebook()?;
        let today = o.today()?;
        let data: ActivityYearData = from_js(&year, "")?;
        let roster = roster(&members)?;
        let calendar: Option<SchoolCalendar> = o.read_opt("calendar")?;
        let year = data.replay(&rulebook, &roster, calendar.as_ref(), today)?;
        let budget = year.budget_report(&rulebook);
        let activities = year.activity_report(&rulebook, today);
        to_js(&YearResult {
            applied: year.applied,
            pending: year.pending,
            book: year.book,
            ledger: year.ledger,
            budget,
            activities,
        })
    })
}

/// Validates an activity plan on `options.today`: every missing section, the budget against
/// its line's range and the year's remaining cap (`options.ledger`, empty without it), the
/// submission date against the lead-time rules. Never throws for the plan's own problems:
/// they are listed, messages in `options.locale`.
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "PlanValidation")]
pub fn validate_plan(
    #[wasm_bindgen(unchecked_param_type = "ActivityPlan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Member[]")] members: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidatePlanOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let rulebook = o.rulebook()?;
        let today = o.today()?;
        let plan: ActivityPlan = from_js(&plan, "")?;
        let roster = roster(&members)?;
        let calendar: Option<SchoolCalendar> = o.read_opt("calendar")?;
        let ledger = o
            .read_opt::<BudgetLedger>("ledger")?
            .unwrap_or_else(|| BudgetLedger::new("", DateRange::new(today, today)));
        to_js(&secretariat::validate_plan(
            &rulebook,
            &roster,
            &ledger,
            &plan,
            today,
            calendar.as_ref(),
            o.locale,
        ))
    })
}
