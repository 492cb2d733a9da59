//! What a person types into a form, against the bundled sample term: the first byte picks
//! the form (and the page computations), the rest is the form's JSON. Never a panic, and a
//! result always serialises.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use secretariat::forms::{
    ActivityPlanForm, BoardPlanForm, ExpenseForm, FormContext, LeaveRequestForm,
    RecruitmentApplicationForm,
};
use secretariat::{Locale, Rulebook, TermData, input};

struct Fixture {
    rulebook: Rulebook,
    term: TermData,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        rulebook: Rulebook::default(),
        term: TermData::sample(),
    })
}

fn check<F: serde::de::DeserializeOwned, T: serde::Serialize + Clone>(
    text: &str,
    run: impl FnOnce(&F) -> secretariat::FormOutcome<T>,
) {
    if let Ok(form) = input::from_json_str::<F>(text) {
        let outcome = run(&form);
        for locale in [Locale::En, Locale::ZhHans] {
            let result = outcome.to_result(locale);
            assert!(serde_json::to_string(&result).is_ok());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let f = fixture();
    let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap_or_default();
    let context = FormContext::new(&f.rulebook, &f.term, today);
    match which % 8 {
        0 => check(text, |form: &LeaveRequestForm| {
            context.check_leave_request(form)
        }),
        1 => check(text, |form: &ActivityPlanForm| {
            context.check_activity_plan(form)
        }),
        2 => check(text, |form: &ExpenseForm| context.check_expense(form)),
        3 => check(text, |form: &RecruitmentApplicationForm| {
            context.check_recruitment_application(form)
        }),
        4 => check(text, |form: &BoardPlanForm| context.check_board_plan(form)),
        5 => {
            let _ = context.member_standing(&text.into());
        }
        6 => {
            let _ = context.event_countdown(text);
        }
        _ => {
            let _ = context.budget_remaining(Some(&text.into()));
        }
    }
});
