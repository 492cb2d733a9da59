//! The form checks of a page (issue #6), in the style of zod's `safeParse`: each returns
//! `{ success: true, data, warnings }` or `{ success: false, issues, warnings }` with every
//! issue, not only the first, messages in `options.locale`; and what a form page shows beside
//! its fields (a member's standing, an activity's countdown, a budget's remaining amount, the
//! term's regular meetings).
//!
//! A form is what a person typed: camelCase keys, text values (money as a decimal string: a
//! number given as money is the issue `form.amount_as_number`), keys the form does not know
//! ignored. The context is the term's data (`sampleTerm()` gives one), the same object for
//! every form of a page; it is read once per content ([`crate::convert::ParseCache`]), or once
//! for as long as it lives when frozen ([`crate::frozen`]). What the checks derive from it (the
//! roster, the attendance register, the budget ledger on the day: a [`FormContext`]) is kept
//! beside what was read ([`prepared`]), so a check at every keystroke does not rebuild them.
//!
//! A check never throws for what the form or the context holds: a form or a context that
//! cannot be read at all is a failure with that issue (the context's under `context`). It
//! throws only for its options (`today` missing, an unknown locale, a bad rulebook).

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use secretariat::activity::ActivityId;
use secretariat::forms::{
    ActivityPlanForm, BoardPlanForm, ExpenseForm, FormContext, FormOutcome, LeaveRequestForm,
    RecruitmentApplicationForm,
};
use secretariat::{Diagnostic, Error, Locale, MemberId, Rulebook, TermData};

use crate::convert::{from_js, text, to_js};
use crate::errors::JsIssue;
use crate::options::{Options, RulebookChoice, call};
use crate::records::term_data;

/// A form context prepared from a context and a rulebook as the caches read them.
type Prepared = FormContext<RulebookChoice, Rc<TermData>>;

thread_local! {
    /// The latest prepared contexts, the most recent first.
    static PREPARED: RefCell<Vec<Rc<Prepared>>> = const { RefCell::new(Vec::new()) };
}

/// How many prepared contexts are kept (a page has one context, one rulebook and one day).
const PREPARED_SIZE: usize = 4;

/// Whether only `prepared` still holds what it was prepared from: the caches that read the
/// context and the rulebook ([`crate::frozen`], [`crate::convert::ParseCache`]) have let it go
/// (its object was collected, or the content cache moved on), so it will never be asked for
/// again.
fn released(prepared: &Prepared) -> bool {
    Rc::strong_count(prepared.term()) == 1
        || matches!(prepared.rulebook(), RulebookChoice::Given(r) if Rc::strong_count(r) == 1)
}

/// The form context of `term` under `rulebook` on `today`: kept from an earlier call when the
/// caches gave the very same term and rulebook (the same `Rc`: the same frozen object, or the
/// same content), prepared otherwise. Exact: a context or a rulebook read again (changed) is a
/// new `Rc`, so it gets a new form context.
fn prepared(rulebook: RulebookChoice, term: Rc<TermData>, today: NaiveDate) -> Rc<Prepared> {
    PREPARED.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.retain(|p| !released(p));
        let same = |p: &Rc<Prepared>| {
            Rc::ptr_eq(p.term(), &term)
                && std::ptr::eq::<Rulebook>(&**p.rulebook(), &*rulebook)
                && p.today() == today
        };
        if let Some(i) = cache.iter().position(same) {
            let found = cache.remove(i);
            cache.insert(0, Rc::clone(&found));
            return found;
        }
        let fresh = Rc::new(FormContext::new(rulebook, term, today));
        cache.truncate(PREPARED_SIZE - 1);
        cache.insert(0, Rc::clone(&fresh));
        fresh
    })
}

/// A form check's result, as zod's `safeParse` gives it: the record, or every issue; the
/// warnings either way.
#[derive(Serialize, Tsify)]
#[serde(untagged)]
enum FormResult<T> {
    /// The form is accepted.
    Success {
        /// Always `true`.
        #[tsify(type = "true")]
        success: bool,
        /// The domain record the form stands for.
        data: T,
        /// Every warning (a budget near its cap, a plan submitted early).
        #[tsify(type = "Issue[]")]
        warnings: Vec<JsIssue>,
    },
    /// The form is refused.
    Failure {
        /// Always `false`.
        #[tsify(type = "false")]
        success: bool,
        /// Every issue, in the order of the form's fields.
        #[tsify(type = "Issue[]")]
        issues: Vec<JsIssue>,
        /// Every warning.
        #[tsify(type = "Issue[]")]
        warnings: Vec<JsIssue>,
    },
}

fn issues<'a>(
    list: impl IntoIterator<Item = &'a (impl Diagnostic + 'a)>,
    locale: Locale,
) -> Vec<JsIssue> {
    list.into_iter().map(|d| JsIssue::of(d, locale)).collect()
}

fn failure<T>(error: &Error, locale: Locale) -> FormResult<T> {
    FormResult::Failure {
        success: false,
        issues: vec![JsIssue::of(error, locale)],
        warnings: Vec::new(),
    }
}

/// Reads the form and the context, runs `check`, and gives the result.
fn check_form<F: DeserializeOwned, T: Serialize>(
    form: &JsValue,
    context: &JsValue,
    options: JsValue,
    check: impl FnOnce(&Prepared, &F) -> FormOutcome<T>,
) -> Result<JsValue, JsValue> {
    call(options, |o: &Options| {
        let rulebook = o.rulebook()?;
        let today = o.today()?;
        let form: F = match from_js(form, "") {
            Ok(form) => form,
            Err(e) => return to_js(&failure::<()>(&e, o.locale)),
        };
        let context = match term_data(context) {
            Ok(context) => context,
            Err(e) => return to_js(&failure::<()>(&e.within("context"), o.locale)),
        };
        let outcome = check(&prepared(rulebook, context, today), &form);
        let warnings = issues(&outcome.warnings, o.locale);
        let result = match outcome.result {
            Ok(data) => FormResult::Success {
                success: true,
                data,
                warnings,
            },
            Err(errors) => FormResult::Failure {
                success: false,
                issues: issues(&errors, o.locale),
                warnings,
            },
        };
        to_js(&result)
    })
}

/// Checks a leave request form (discipline §3): the fields, then every leave rule against the
/// term (substitute, reason, approver, notice). `data` is the leave request.
#[wasm_bindgen(js_name = checkLeaveRequest, unchecked_return_type = "FormResult<LeaveRequest>")]
pub fn check_leave_request(
    #[wasm_bindgen(unchecked_param_type = "LeaveRequestForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_form(&form, &context, options, |c, f: &LeaveRequestForm| {
        c.check_leave_request(f)
    })
}

/// Checks an activity plan form (discipline §6): every section, the budget against its line's
/// range and the year's remaining cap, the submission date against the lead-time rules.
/// `data` is the activity plan.
#[wasm_bindgen(js_name = checkActivityPlan, unchecked_return_type = "FormResult<ActivityPlan>")]
pub fn check_activity_plan(
    #[wasm_bindgen(unchecked_param_type = "ActivityPlanForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_form(&form, &context, options, |c, f: &ActivityPlanForm| {
        c.check_activity_plan(f)
    })
}

/// Checks an expense form (responsibility 4): the fields, then the ledger's rules (the
/// activity's approved budget, the annual cap, the approver's authority for the amount).
/// `data` is the expense.
#[wasm_bindgen(js_name = checkExpense, unchecked_return_type = "FormResult<Expense>")]
pub fn check_expense(
    #[wasm_bindgen(unchecked_param_type = "ExpenseForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_form(&form, &context, options, |c, f: &ExpenseForm| {
        c.check_expense(f)
    })
}

/// Checks a recruitment application form (seed 000, recruitment): the fields, the grade, the
/// referral, the registration deadline. `data` is the recruitment candidate.
#[wasm_bindgen(
    js_name = checkRecruitmentApplication,
    unchecked_return_type = "FormResult<RecruitmentCandidate>"
)]
pub fn check_recruitment_application(
    #[wasm_bindgen(unchecked_param_type = "RecruitmentApplicationForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_form(
        &form,
        &context,
        options,
        |c, f: &RecruitmentApplicationForm| c.check_recruitment_application(f),
    )
}

/// Checks a board (publicity) plan's submission date against its issue date: 5 to 7 days
/// before by default (the term's calendar counts working days when the rulebook says so).
/// `data` is the lead-time verdict.
#[wasm_bindgen(js_name = checkBoardPlan, unchecked_return_type = "FormResult<LeadTimeVerdict>")]
pub fn check_board_plan(
    #[wasm_bindgen(unchecked_param_type = "BoardPlanForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_form(&form, &context, options, |c, f: &BoardPlanForm| {
        c.check_board_plan(f)
    })
}

/// A member's attendance standing on `options.today`: counts, status, the next consequence and
/// the records behind them. Throws `member.unknown` (path `["member"]`).
#[wasm_bindgen(js_name = memberStanding, unchecked_return_type = "Standing")]
pub fn member_standing(
    #[wasm_bindgen(unchecked_param_type = "string")] member: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let context = term_data(&context).map_err(|e| e.within("context"))?;
        let member = MemberId(text(&member, "member")?);
        to_js(&prepared(o.rulebook()?, context, o.today()?).member_standing(&member)?)
    })
}

/// A planned activity's milestones and where they stand on `options.today` (days to the
/// event, the next action). Throws `activity.unknown` (path `["activity"]`).
#[wasm_bindgen(js_name = eventCountdown, unchecked_return_type = "ActivityStatus")]
pub fn event_countdown(
    #[wasm_bindgen(unchecked_param_type = "string")] activity: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let activity = text(&activity, "activity")?;
        let context = term_data(&context).map_err(|e| e.within("context"))?;
        to_js(&prepared(o.rulebook()?, context, o.today()?).event_countdown(&activity)?)
    })
}

/// What the budget has left on `options.today`: the annual cap, and `options.activity`'s
/// account when given. Throws `budget.unknown_activity` (path `["activity"]`).
#[wasm_bindgen(js_name = budgetRemaining, unchecked_return_type = "BudgetRemaining")]
pub fn budget_remaining(
    #[wasm_bindgen(unchecked_param_type = "TermData")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BudgetRemainingOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let context = term_data(&context).map_err(|e| e.within("context"))?;
        let activity: Option<ActivityId> = o.read_opt("activity")?;
        to_js(&prepared(o.rulebook()?, context, o.today()?).budget_remaining(activity.as_ref())?)
    })
}

/// The weekly regular meetings of a calendar's term, skipping vacations: a leave request's
/// event may be one of them, so a leave form lists them beside the term's events.
#[wasm_bindgen(js_name = regularMeetings, unchecked_return_type = "MeetingOccurrence[]")]
pub fn regular_meetings(
    #[wasm_bindgen(unchecked_param_type = "SchoolCalendar")] calendar: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let calendar: secretariat::calendar::SchoolCalendar = from_js(&calendar, "")?;
        to_js(&o.rulebook()?.schedule.regular_meetings(&calendar)?)
    })
}
