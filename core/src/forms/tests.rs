//! Unit and property tests of the form checks.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::activity::{ActivityId, ActivityYearData, YearOperation};
use crate::attendance::LeaveRequest;
use crate::budget::{Expense, LedgerOperation};
use crate::diagnostic::{Diagnostic, Locale, PathSegment, join_segments, path_segments};
use crate::recruitment::RecruitmentCandidate;
use crate::{ActivityPlan, Rulebook, TermData};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

/// Every issue of an outcome as (code, path).
fn codes<T>(outcome: &FormOutcome<T>) -> Vec<(&'static str, String)> {
    outcome
        .issues()
        .iter()
        .map(|e| (e.code(), e.path().to_owned()))
        .collect()
}

fn warning_codes<T>(outcome: &FormOutcome<T>) -> Vec<&'static str> {
    outcome.warnings.iter().map(|w| w.code()).collect()
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every issue and warning has a Chinese message that differs from the English one.
fn assert_chinese<T: Clone>(outcome: &FormOutcome<T>) {
    let zh = outcome.to_result(Locale::ZhHans);
    let en = outcome.to_result(Locale::En);
    for (z, e) in zh
        .issues()
        .iter()
        .chain(zh.warnings())
        .zip(en.issues().iter().chain(en.warnings()))
    {
        assert!(has_cjk(&z.message), "{}: {}", z.code, z.message);
        assert_ne!(z.message, e.message);
        assert_eq!((&z.code, &z.path, &z.params), (&e.code, &e.path, &e.params));
    }
}

fn owned(v: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    v.iter().map(|(c, p)| (*c, (*p).to_owned())).collect()
}

// ---------------------------------------------------------------------------------------
// Leave requests.

fn leave_form() -> LeaveRequestForm {
    LeaveRequestForm {
        member: Some("2002012".into()),
        event: Some("regular-meeting-2002-10-16".into()),
        reason: Some("Mid-term exam 期中考试".into()),
        substitute: Some("2002013".into()),
        approver: Some("2000002".into()),
        requested_at: Some("2002-10-14T09:00".into()),
    }
}

#[test]
fn a_complete_leave_request_is_accepted_as_its_record() {
    let outcome = check_leave_request(
        &Rulebook::default(),
        &TermData::sample(),
        &leave_form(),
        d(2002, 10, 14),
    );
    assert_eq!(
        outcome.result,
        Ok(LeaveRequest {
            member: "2002012".into(),
            event: "regular-meeting-2002-10-16".into(),
            reason: "Mid-term exam 期中考试".into(),
            substitute: Some("2002013".into()),
            approver: "2000002".into(),
            requested_at: at(2002, 10, 14, 9, 0),
        })
    );
    assert!(outcome.warnings.is_empty());
    let json = serde_json::to_value(outcome.to_result(Locale::En)).unwrap();
    assert_eq!(json["success"], true);
    assert_eq!(json["data"]["requested_at"], "2002-10-14T09:00:00");
    assert_eq!(json["warnings"], json!([]));
    assert!(json.get("issues").is_none());
}

#[test]
fn an_empty_leave_form_names_every_missing_field_at_once() {
    let outcome = check_leave_request(
        &Rulebook::default(),
        &TermData::sample(),
        &LeaveRequestForm::default(),
        d(2002, 10, 14),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.required", "member"),
            ("form.required", "event"),
            ("form.required", "approver"),
            ("form.required", "requested_at"),
            ("leave.no_reason", "reason"),
            ("leave.no_substitute", "substitute"),
        ])
    );
    assert_chinese(&outcome);
}

#[test]
fn leave_fields_that_cannot_be_read_are_named_with_their_own_codes() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let mut form = leave_form();
    form.requested_at = Some("14/10/2002 9am".into());
    let outcome = check_leave_request(&rb, &context, &form, d(2002, 10, 14));
    assert_eq!(
        codes(&outcome),
        owned(&[("form.invalid_datetime", "requested_at")])
    );
    assert_eq!(
        outcome.issues()[0].params()["value"],
        "14/10/2002 9am".to_owned()
    );

    form.requested_at = Some("2002-10-15 08:00".into());
    let outcome = check_leave_request(&rb, &context, &form, d(2002, 10, 14));
    assert_eq!(
        codes(&outcome),
        owned(&[("form.date_in_future", "requested_at")])
    );
    assert_chinese(&outcome);
}

#[test]
fn every_leave_rule_is_reported_with_its_code_and_field() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 10, 16);
    let check = |f: &dyn Fn(&mut LeaveRequestForm)| {
        let mut form = leave_form();
        form.requested_at = Some("2002-10-16T12:00".into());
        f(&mut form);
        codes(&check_leave_request(&rb, &context, &form, today))
    };
    assert_eq!(
        check(&|f| f.requested_at = Some("2002-10-16T19:30".into())),
        owned(&[("leave.too_late", "requested_at")])
    );
    assert_eq!(
        check(&|f| f.member = Some("2009999".into())),
        owned(&[("member.unknown", "member")])
    );
    assert_eq!(
        check(&|f| f.event = Some("picnic".into())),
        owned(&[("attendance.unknown_event", "event")])
    );
    assert_eq!(
        check(&|f| f.substitute = Some("2002012".into())),
        owned(&[("leave.substitute_is_requester", "substitute")])
    );
    assert_eq!(
        check(&|f| f.substitute = Some("2002016".into())),
        owned(&[("leave.substitute_inactive", "substitute")])
    );
    // Head of another department.
    assert_eq!(
        check(&|f| f.approver = Some("2001003".into())),
        owned(&[("authority.not_permitted", "approver")])
    );
    // Leave already granted from the sample's meeting of 9 October.
    let mut form = LeaveRequestForm::from(&context.leave_requests[0]);
    form.requested_at = Some("2002-10-08T13:00".into());
    let outcome = check_leave_request(&rb, &context, &form, d(2002, 10, 8));
    assert_eq!(
        codes(&outcome),
        owned(&[("leave.already_granted", "event")])
    );
}

#[test]
fn several_leave_problems_come_together() {
    let mut form = leave_form();
    form.reason = Some("   ".into());
    form.substitute = None;
    form.approver = Some("2002012".into());
    form.requested_at = Some("2002-10-16T19:05".into());
    let outcome = check_leave_request(
        &Rulebook::default(),
        &TermData::sample(),
        &form,
        d(2002, 10, 16),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("leave.no_reason", "reason"),
            ("leave.no_substitute", "substitute"),
            ("leave.too_late", "requested_at"),
            ("leave.self_approval", "approver"),
        ])
    );
    assert_chinese(&outcome);
    let result = outcome.to_result(Locale::ZhHans);
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["success"], false);
    assert_eq!(json["issues"].as_array().unwrap().len(), 4);
    assert_eq!(json["issues"][2]["path"], json!(["requested_at"]));
    let back: FormResult<LeaveRequest> = serde_json::from_value(json).unwrap();
    assert_eq!(back, result);
}

#[test]
fn a_missing_event_does_not_make_up_an_approver_problem() {
    // The event's project leader (2000002 for the mobilization) may approve; without the
    // event the approver cannot be judged, so nothing is said about them.
    let mut form = leave_form();
    form.member = Some("2002011".into());
    form.event = None;
    form.approver = Some("2001005".into());
    form.requested_at = Some("2002-09-10T08:00".into());
    let outcome = check_leave_request(
        &Rulebook::default(),
        &TermData::sample(),
        &form,
        d(2002, 9, 10),
    );
    assert_eq!(codes(&outcome), owned(&[("form.required", "event")]));
}

#[test]
fn a_broken_context_is_reported_under_context() {
    let mut context = TermData::sample();
    context.members.push(context.members[0].clone());
    let mut form = leave_form();
    form.requested_at = None;
    let outcome = check_leave_request(&Rulebook::default(), &context, &form, d(2002, 10, 14));
    // The form's own problems, then the context's.
    assert_eq!(outcome.issues().len(), 2);
    assert_eq!(outcome.issues()[0].code(), "form.required");
    let issue = &outcome.issues()[1];
    assert_eq!(issue.code(), "member.duplicate_id");
    assert!(
        issue.path().starts_with("context.members["),
        "{}",
        issue.path()
    );
    assert_eq!(
        issue.path_segments()[0],
        PathSegment::Key("context".to_owned())
    );
}

// ---------------------------------------------------------------------------------------
// Activity plans.

fn sample_plans() -> Vec<(NaiveDate, ActivityPlan)> {
    ActivityYearData::sample()
        .operations
        .into_iter()
        .filter_map(|op| match op {
            YearOperation::Draft(draft) => Some((draft.on, draft.plan)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_sample_plans_are_accepted_on_the_day_they_were_drafted() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let plans = sample_plans();
    assert_eq!(plans.len(), 4);
    for (on, plan) in plans {
        let outcome = check_activity_plan(&rb, &context, &ActivityPlanForm::from(&plan), on);
        assert_eq!(outcome.result, Ok(plan.clone()), "{}", plan.id);
    }
}

#[test]
fn an_empty_plan_form_names_every_missing_field_once() {
    let outcome = check_activity_plan(
        &Rulebook::default(),
        &TermData::sample(),
        &ActivityPlanForm::default(),
        d(2002, 10, 10),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.required", "id"),
            ("form.required", "line"),
            ("form.required", "project_leader"),
            ("form.required", "start"),
            ("form.required", "end"),
            ("form.required", "budget"),
            ("activity.missing_field", "title"),
            ("activity.missing_field", "department"),
            ("activity.missing_field", "purpose"),
            ("activity.missing_field", "participants"),
            ("activity.missing_field", "feasibility"),
            ("activity.missing_field", "risks"),
        ])
    );
    assert!(outcome.warnings.is_empty());
    assert_chinese(&outcome);
}

fn plan_form() -> ActivityPlanForm {
    let (_, plan) = sample_plans().pop().unwrap(); // innovation-competition-2003
    let mut form = ActivityPlanForm::from(&plan);
    form.id = Some("science-fair-2002".into());
    form.start = Some("2002-11-16".into());
    form.end = Some("2002-11-17".into());
    form.budget = Some("250.00".into());
    form
}

#[test]
fn plan_fields_that_cannot_be_read_hide_only_their_own_problems() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 10, 10);
    assert!(check_activity_plan(&rb, &context, &plan_form(), today).is_success());

    let mut form = plan_form();
    form.start = Some("16 November".into());
    form.end = Some("2002-10-01".into()); // before today, but the start is unknown
    form.budget = Some(serde_json::from_value(json!(250.5)).unwrap());
    form.notice_received = Some("2002-13-01".into());
    let outcome = check_activity_plan(&rb, &context, &form, today);
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.invalid_date", "start"),
            ("form.amount_as_number", "budget"),
            ("form.invalid_date", "notice_received"),
        ])
    );
    assert_eq!(outcome.issues()[1].params()["value"], "250.5".to_owned());
    assert!(outcome.warnings.is_empty());
    assert_chinese(&outcome);

    form.budget = Some("two hundred".into());
    let outcome = check_activity_plan(&rb, &context, &form, today);
    assert_eq!(
        codes(&outcome)[1],
        ("form.invalid_amount", "budget".to_owned())
    );
}

#[test]
fn plan_rules_report_each_field() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 10, 10);
    let check = |f: &dyn Fn(&mut ActivityPlanForm)| {
        let mut form = plan_form();
        f(&mut form);
        codes(&check_activity_plan(&rb, &context, &form, today))
    };
    assert_eq!(
        check(&|f| f.id = Some("challenge-cup-2002".into())),
        owned(&[("budget.duplicate_activity", "id")])
    );
    assert_eq!(
        check(&|f| f.id = Some("science fair!".into())),
        owned(&[("activity.invalid_id", "id")])
    );
    assert_eq!(
        check(&|f| f.line = Some("sports_day".into())),
        owned(&[("budget.unknown_line", "line")])
    );
    assert_eq!(
        check(&|f| f.project_leader = Some("2002016".into())),
        owned(&[("activity.leader_inactive", "project_leader")])
    );
    assert_eq!(
        check(&|f| f.start = Some("2002-10-09".into())),
        owned(&[("activity.starts_before_submission", "start")])
    );
    assert_eq!(
        check(&|f| f.end = Some("2002-11-15".into())),
        owned(&[("activity.end_before_start", "end")])
    );
    assert_eq!(
        check(&|f| f.budget = Some("-1".into())),
        owned(&[("budget.negative_amount", "budget")])
    );
    assert_eq!(
        check(&|f| f.budget = Some("250.001".into())),
        owned(&[("budget.too_many_decimals", "budget")])
    );
    assert_eq!(
        check(&|f| f.budget = Some("301".into())),
        owned(&[("budget.over_line_max", "budget")])
    );
    assert_eq!(
        check(&|f| f.participants = vec!["Grade 02".into(), " ".into()]),
        owned(&[("activity.missing_field", "participants[1]")])
    );
    assert_eq!(
        check(&|f| f.notice_received = Some("2002-10-01".into())),
        owned(&[("activity.submission_late", "notice_received")])
    );
}

#[test]
fn plan_warnings_come_with_an_accepted_plan() {
    let rb = Rulebook::default();
    let mut form = plan_form();
    form.budget = Some("150".into());
    let outcome = check_activity_plan(&rb, &TermData::sample(), &form, d(2002, 10, 10));
    assert_eq!(outcome.data().unwrap().budget.to_string(), "150.00");
    assert_eq!(warning_codes(&outcome), ["budget.below_line_range"]);
    assert_chinese(&outcome);
    let json = serde_json::to_value(outcome.to_result(Locale::En)).unwrap();
    assert_eq!(json["data"]["budget"], "150.00");
    assert_eq!(json["warnings"][0]["path"], json!(["budget"]));
}

#[test]
fn a_plan_against_a_term_without_a_budget_year_has_the_whole_cap() {
    let mut context = TermData::sample();
    context.budget_year = None;
    let mut form = plan_form();
    form.id = Some("challenge-cup-2002".into()); // no ledger: not a duplicate
    let outcome = check_activity_plan(&Rulebook::default(), &context, &form, d(2002, 10, 10));
    assert!(outcome.is_success(), "{:?}", codes(&outcome));
    assert!(outcome.warnings.is_empty());
}

// ---------------------------------------------------------------------------------------
// Expenses.

/// The sample's expenses, each with a context whose budget year lacks it.
fn sample_expenses() -> Vec<(TermData, Expense)> {
    let context = TermData::sample();
    let year = context.budget_year.clone().unwrap();
    year.operations
        .iter()
        .enumerate()
        .filter_map(|(i, op)| match op {
            YearOperation::Expense(e) => {
                let mut without = context.clone();
                if let Some(y) = without.budget_year.as_mut() {
                    y.operations.remove(i);
                }
                Some((without, e.clone()))
            }
            _ => None,
        })
        .collect()
}

fn expense_form() -> ExpenseForm {
    ExpenseForm {
        date: Some("2002-10-20".into()),
        activity: Some("challenge-cup-2002".into()),
        category: Some("training_materials".into()),
        amount: Some("30.00".into()),
        approver: Some("2000002".into()),
        receipt: Some("CC-2002-009".into()),
        note: None,
    }
}

#[test]
fn the_sample_expenses_are_accepted_on_their_day() {
    let rb = Rulebook::default();
    let expenses = sample_expenses();
    assert_eq!(expenses.len(), 3);
    for (context, expense) in expenses {
        let outcome = check_expense(&rb, &context, &ExpenseForm::from(&expense), expense.date);
        assert_eq!(outcome.result, Ok(expense.clone()), "{}", expense.receipt);
    }
}

#[test]
fn an_empty_expense_form_names_every_missing_field() {
    let outcome = check_expense(
        &Rulebook::default(),
        &TermData::sample(),
        &ExpenseForm::default(),
        d(2002, 10, 20),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.required", "date"),
            ("form.required", "activity"),
            ("form.required", "amount"),
            ("form.required", "approver"),
            ("budget.missing_receipt", "receipt"),
        ])
    );
    assert_chinese(&outcome);
}

#[test]
fn expense_rules_report_each_field() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 10, 20);
    let check = |f: &dyn Fn(&mut ExpenseForm)| {
        let mut form = expense_form();
        f(&mut form);
        codes(&check_expense(&rb, &context, &form, today))
    };
    assert_eq!(check(&|_| {}), owned(&[]));
    assert_eq!(
        check(&|f| f.amount = Some("0".into())),
        owned(&[("budget.non_positive_amount", "amount")])
    );
    assert_eq!(
        check(&|f| f.amount = Some("3.001".into())),
        owned(&[("budget.too_many_decimals", "amount")])
    );
    assert_eq!(
        check(&|f| f.amount = Some(serde_json::from_value(json!(30)).unwrap())),
        owned(&[("form.amount_as_number", "amount")])
    );
    assert_eq!(
        check(&|f| f.amount = Some("30元".into())),
        owned(&[("form.invalid_amount", "amount")])
    );
    assert_eq!(
        check(&|f| f.date = Some("2002-10-21".into())),
        owned(&[("form.date_in_future", "date")])
    );
    assert_eq!(
        check(&|f| f.date = Some("2002-09-15".into())),
        owned(&[("budget.before_reservation", "date")])
    );
    assert_eq!(
        check(&|f| f.category = Some("prizes".into())),
        owned(&[("budget.unknown_category", "category")])
    );
    assert_eq!(
        check(&|f| f.approver = Some("2009999".into())),
        owned(&[("member.unknown", "approver")])
    );
    // A department head approves up to 100.00; the cup has 134.50 left.
    assert_eq!(
        check(&|f| f.amount = Some("120.00".into())),
        owned(&[("authority.not_permitted", "approver")])
    );
    assert_eq!(
        check(&|f| {
            f.amount = Some("140.00".into());
            f.approver = Some("1999001".into());
        }),
        owned(&[("budget.over_activity_max", "amount")])
    );
    assert_eq!(
        check(&|f| f.activity = Some("innovation-competition-2002".into())),
        owned(&[("budget.unknown_activity", "activity")])
    );
    let settled = check_expense(
        &rb,
        &context,
        &ExpenseForm {
            date: Some("2002-11-02".into()),
            activity: Some("welcome-party-2002".into()),
            ..expense_form()
        },
        d(2002, 11, 2),
    );
    assert_eq!(
        codes(&settled),
        owned(&[("budget.account_settled", "activity")])
    );
    let outside = check_expense(
        &rb,
        &context,
        &ExpenseForm {
            date: Some("2003-08-01".into()),
            ..expense_form()
        },
        d(2003, 8, 15),
    );
    assert_eq!(
        codes(&outside)[0],
        ("budget.outside_year", "date".to_owned())
    );
}

#[test]
fn several_expense_problems_come_together() {
    let form = ExpenseForm {
        date: Some("2002-10-20".into()),
        activity: Some("welcome-party-2002".into()),
        category: Some("snacks".into()),
        amount: Some("12.345".into()),
        approver: Some("2002011".into()),
        receipt: None,
        note: None,
    };
    let outcome = check_expense(
        &Rulebook::default(),
        &TermData::sample(),
        &form,
        d(2002, 10, 20),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("budget.too_many_decimals", "amount"),
            ("budget.missing_receipt", "receipt"),
            ("authority.not_permitted", "approver"),
        ])
    );
    assert_chinese(&outcome);
}

#[test]
fn expense_warnings_are_the_ledgers() {
    let mut form = expense_form();
    form.amount = Some("120.00".into());
    form.approver = Some("1999001".into()); // the president: no amount limit
    let outcome = check_expense(
        &Rulebook::default(),
        &TermData::sample(),
        &form,
        d(2002, 10, 20),
    );
    assert!(outcome.is_success());
    assert_eq!(warning_codes(&outcome), ["budget.near_activity_max"]);
    assert_chinese(&outcome);
}

// ---------------------------------------------------------------------------------------
// Recruitment applications.

/// The sample's candidates, each with a context whose round lacks them.
fn sample_candidates() -> Vec<(TermData, RecruitmentCandidate)> {
    let context = TermData::sample();
    let round = &context.selection.as_ref().unwrap().recruitment;
    (0..round.candidates.len())
        .map(|i| {
            let mut without = context.clone();
            let c = without
                .selection
                .as_mut()
                .unwrap()
                .recruitment
                .candidates
                .remove(i);
            (without, c)
        })
        .collect()
}

fn application() -> RecruitmentApplicationForm {
    RecruitmentApplicationForm {
        id: Some("2002120".into()),
        name: Some("Bai Lu 白露".into()),
        grade: Some("02".into()),
        skills: vec!["computer".into()],
        source: Some("registration".into()),
        referred_by: None,
        registered_on: Some("2002-09-20".into()),
        score: Some("88.5".into()),
    }
}

#[test]
fn the_sample_candidates_are_accepted_on_the_day_they_registered() {
    let rb = Rulebook::default();
    for (context, candidate) in sample_candidates() {
        let form = RecruitmentApplicationForm::from(&candidate);
        let outcome = check_recruitment_application(&rb, &context, &form, candidate.registered_on);
        assert_eq!(outcome.result, Ok(candidate.clone()), "{}", candidate.id);
    }
}

#[test]
fn an_empty_application_names_every_missing_field() {
    let outcome = check_recruitment_application(
        &Rulebook::default(),
        &TermData::sample(),
        &RecruitmentApplicationForm::default(),
        d(2002, 9, 20),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.required", "id"),
            ("form.required", "name"),
            ("form.required", "grade"),
            ("form.required", "source"),
        ])
    );
    assert_chinese(&outcome);
}

#[test]
fn recruitment_rules_report_each_field() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 9, 25);
    let check = |f: &dyn Fn(&mut RecruitmentApplicationForm)| {
        let mut form = application();
        f(&mut form);
        codes(&check_recruitment_application(&rb, &context, &form, today))
    };
    assert_eq!(check(&|_| {}), owned(&[]));
    assert_eq!(
        check(&|f| f.id = Some("2002101".into())),
        owned(&[("recruitment.duplicate_candidate", "id")])
    );
    assert_eq!(
        check(&|f| f.grade = Some("2x".into())),
        owned(&[("member.invalid_grade", "grade")])
    );
    assert_eq!(
        check(&|f| f.grade = Some("2003".into())),
        owned(&[("recruitment.grade_after_year", "grade")])
    );
    assert!(check(&|f| f.grade = Some(serde_json::from_value(json!(2)).unwrap())).is_empty());
    assert_eq!(
        check(&|f| f.skills = vec!["computer".into(), "singing".into()]),
        owned(&[("form.invalid_choice", "skills[1]")])
    );
    assert_eq!(
        check(&|f| f.source = Some("advert".into())),
        owned(&[("form.invalid_choice", "source")])
    );
    assert_eq!(
        check(&|f| f.source = Some("referral".into())),
        owned(&[("recruitment.referral_without_referrer", "referred_by")])
    );
    assert_eq!(
        check(&|f| f.referred_by = Some("2009999".into())),
        owned(&[("member.unknown", "referred_by")])
    );
    assert_eq!(
        check(&|f| f.referred_by = Some("2002016".into())),
        owned(&[("recruitment.referrer_inactive", "referred_by")])
    );
    assert_eq!(
        check(&|f| f.registered_on = Some("2002-09-26".into())),
        owned(&[("form.date_in_future", "registered_on")])
    );
    assert_eq!(
        check(&|f| f.registered_on = Some("20 Sept".into())),
        owned(&[("form.invalid_date", "registered_on")])
    );
    assert_eq!(
        check(&|f| f.score = Some("100.5".into())),
        owned(&[("recruitment.score_out_of_scale", "score")])
    );
    assert_eq!(
        check(&|f| f.score = Some("A+".into())),
        owned(&[("form.invalid_number", "score")])
    );
    // A score may arrive as a number: it is not money.
    assert!(check(&|f| f.score = Some(serde_json::from_value(json!(88.5)).unwrap())).is_empty());
    let late = check_recruitment_application(&rb, &context, &application(), d(2002, 10, 3));
    assert!(late.is_success(), "registered 20 September: on time");
    let mut form = application();
    form.registered_on = None;
    let late = check_recruitment_application(&rb, &context, &form, d(2002, 10, 3));
    assert_eq!(
        codes(&late),
        owned(&[("recruitment.registered_after_deadline", "registered_on")])
    );
    assert_chinese(&late);
}

#[test]
fn the_recruitment_year_is_the_rounds() {
    // The context's round is 2002: registering in January 2003 is after its deadline.
    let rb = Rulebook::default();
    let mut form = application();
    form.registered_on = Some("2003-01-06".into());
    let outcome = check_recruitment_application(&rb, &TermData::sample(), &form, d(2003, 1, 6));
    assert_eq!(
        codes(&outcome),
        owned(&[("recruitment.registered_after_deadline", "registered_on")])
    );
    // Without a round, the year of registration is the recruitment year.
    let mut context = TermData::sample();
    context.selection = None;
    let outcome = check_recruitment_application(&rb, &context, &form, d(2003, 1, 6));
    assert!(outcome.is_success());
}

#[test]
fn several_recruitment_problems_come_together() {
    let form = RecruitmentApplicationForm {
        id: Some("2002101".into()),
        name: Some(" ".into()),
        grade: Some("1x".into()),
        skills: vec!["".into()],
        source: Some("referral".into()),
        referred_by: Some("2002016".into()),
        registered_on: Some("2002-10-01".into()),
        score: Some("-3".into()),
    };
    let outcome = check_recruitment_application(
        &Rulebook::default(),
        &TermData::sample(),
        &form,
        d(2002, 10, 1),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("recruitment.duplicate_candidate", "id"),
            ("form.required", "name"),
            ("member.invalid_grade", "grade"),
            ("form.invalid_choice", "skills[0]"),
            ("recruitment.referrer_inactive", "referred_by"),
            ("recruitment.registered_after_deadline", "registered_on"),
            ("recruitment.score_out_of_scale", "score"),
        ])
    );
    assert_chinese(&outcome);
    let json = serde_json::to_value(outcome.to_result(Locale::En)).unwrap();
    assert_eq!(json["issues"][3]["path"], json!(["skills", 0]));
}

// ---------------------------------------------------------------------------------------
// Board plans.

fn board(issue: &str, submitted: Option<&str>) -> BoardPlanForm {
    BoardPlanForm {
        issue_date: Some(issue.into()),
        submitted_on: submitted.map(Into::into),
    }
}

#[test]
fn a_board_plan_on_time_is_accepted_with_its_verdict() {
    let outcome = check_board_plan(
        &Rulebook::default(),
        &TermData::sample(),
        &board("2002-10-20", Some("2002-10-14")),
        d(2002, 10, 10),
    );
    let verdict = outcome.data().unwrap();
    assert_eq!(verdict.rule.key, "schedule.lead_times.board_plan");
    assert_eq!(
        (verdict.anchor, verdict.actual),
        (d(2002, 10, 20), d(2002, 10, 14))
    );
    assert!(!verdict.is_failure() && !verdict.is_warning());
    assert!(outcome.warnings.is_empty());
}

#[test]
fn a_late_board_plan_is_refused_and_an_early_one_warned() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let late = check_board_plan(&rb, &context, &board("2002-10-20", None), d(2002, 10, 17));
    assert_eq!(
        codes(&late),
        owned(&[("activity.submission_late", "issue_date")])
    );
    assert_eq!(late.issues()[0].params()["days_late"], "2".to_owned());
    assert_chinese(&late);

    let early = check_board_plan(
        &rb,
        &context,
        &board("2002-10-20", Some("2002-10-01")),
        d(2002, 10, 1),
    );
    assert!(early.data().unwrap().is_warning());
    assert_eq!(warning_codes(&early), ["activity.submitted_early"]);
    assert_chinese(&early);
}

#[test]
fn board_plan_fields_are_read_first() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let outcome = check_board_plan(&rb, &context, &BoardPlanForm::default(), d(2002, 10, 1));
    assert_eq!(codes(&outcome), owned(&[("form.required", "issue_date")]));
    let outcome = check_board_plan(
        &rb,
        &context,
        &board("20.10.2002", Some("yesterday")),
        d(2002, 10, 1),
    );
    assert_eq!(
        codes(&outcome),
        owned(&[
            ("form.invalid_date", "issue_date"),
            ("form.invalid_date", "submitted_on"),
        ])
    );
}

#[test]
fn board_plans_count_working_days_on_the_context_calendar() {
    // National Day week (1-7 October 2002) is off: 5 working days before 11 October is
    // 29 September (a make-up working day), so 30 September is already late; counted in
    // calendar days the same submission is early.
    let working = Rulebook::from_toml_str("[schedule]\nday_count = \"working\"").unwrap();
    let form = board("2002-10-11", Some("2002-09-30"));
    let context = TermData::sample();
    let outcome = check_board_plan(&working, &context, &form, d(2002, 9, 30));
    assert_eq!(
        codes(&outcome),
        owned(&[("activity.submission_late", "issue_date")])
    );
    assert_eq!(
        outcome.issues()[0].params()["deadline"],
        "2002-09-29".to_owned()
    );
    let outcome = check_board_plan(&Rulebook::default(), &context, &form, d(2002, 9, 30));
    assert!(outcome.data().unwrap().is_warning());
}

// ---------------------------------------------------------------------------------------
// Page computations.

#[test]
fn page_computations_read_the_same_context() {
    let rb = Rulebook::default();
    let context = TermData::sample();
    let today = d(2002, 10, 14);
    let standing = member_standing(&rb, &context, &"2002013".into(), today).unwrap();
    assert_eq!(standing.counts.lateness, 2);
    let party = event_countdown(&rb, &context, "welcome-party-2002", today).unwrap();
    assert_eq!(party.countdown.days_to_event, 12);
    let all = budget_remaining(&rb, &context, None, today).unwrap();
    assert!(all.activity.is_none());
    assert_eq!(all.cap.remaining.to_string(), "320.00");
    let cup = budget_remaining(&rb, &context, Some(&"challenge-cup-2002".into()), today).unwrap();
    assert_eq!(cup.activity.unwrap().remaining.to_string(), "134.50");

    let mut bare = context.clone();
    bare.budget_year = None;
    let empty = budget_remaining(&rb, &bare, None, today).unwrap();
    assert_eq!(empty.cap.remaining, empty.cap.annual_cap);
}

#[test]
fn page_computation_errors_name_the_argument_or_the_context() {
    let rb = Rulebook::default();
    let mut context = TermData::sample();
    context.activities[0].template = "sports_day".into();
    let err = event_countdown(&rb, &context, "welcome-party-2002", d(2002, 10, 14)).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (
            "schedule.unknown_template",
            "context.activities[0].template_id"
        )
    );
    let mut context = TermData::sample();
    context.marks[0].event = "nowhere".into();
    let err = member_standing(&rb, &context, &"2002013".into(), d(2002, 10, 14)).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("attendance.unknown_event", "context.marks[0].event")
    );
}

// ---------------------------------------------------------------------------------------
// Paths and results.

#[test]
fn paths_split_into_keys_and_positions() {
    let k = |s: &str| PathSegment::Key(s.to_owned());
    assert_eq!(
        path_segments("context.members[3].grade"),
        [
            k("context"),
            k("members"),
            PathSegment::Index(3),
            k("grade")
        ]
    );
    assert_eq!(
        path_segments("[0][1].x"),
        [PathSegment::Index(0), PathSegment::Index(1), k("x")]
    );
    assert_eq!(path_segments("a[x].b[]"), [k("a[x]"), k("b[]")]);
    assert_eq!(
        path_segments("accounts.cup-2002"),
        [k("accounts"), k("cup-2002")]
    );
    let json = serde_json::to_value(path_segments("risks[1].countermeasure")).unwrap();
    assert_eq!(json, json!(["risks", 1, "countermeasure"]));
    let back: Vec<PathSegment> = serde_json::from_value(json!(["1", 1])).unwrap();
    assert_eq!(back, [k("1"), PathSegment::Index(1)]);
}

#[test]
fn a_form_result_needs_its_shape_to_read_back() {
    let bad = json!({"success": true, "issues": [], "warnings": []});
    assert!(serde_json::from_value::<FormResult<LeaveRequest>>(bad).is_err());
    let forms: LeaveRequestForm =
        serde_json::from_value(json!({"member": "2002012", "extra": 1})).unwrap();
    assert_eq!(forms.member.as_deref(), Some("2002012"));
    let plan: ActivityPlanForm =
        serde_json::from_value(json!({"participants": null, "risks": null})).unwrap();
    assert!(plan.participants.is_empty() && plan.risks.is_empty());
}

// ---------------------------------------------------------------------------------------
// Properties.

/// A field removed from a form: set to nothing, or to blank text.
fn blank(keep_key: bool) -> Option<String> {
    keep_key.then(|| "  ".to_owned())
}

/// The one `form.required` issue at `field`, and no other issue there.
fn required_only_at<T: std::fmt::Debug>(outcome: &FormOutcome<T>, field: &str) {
    let here: Vec<_> = outcome
        .issues()
        .iter()
        .filter(|e| e.path() == field)
        .map(|e| e.code())
        .collect();
    assert_eq!(here, ["form.required"], "{field}: {:?}", outcome.result);
    assert!(!outcome.is_success());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn segments_and_paths_round_trip(
        segments in proptest::collection::vec(
            prop_oneof![
                "[a-z_][a-z0-9_-]{0,8}".prop_map(PathSegment::Key),
                (0usize..1000).prop_map(PathSegment::Index),
            ],
            0..6,
        )
    ) {
        let path = join_segments(&segments);
        prop_assert_eq!(path_segments(&path), segments.clone());
        let json = serde_json::to_string(&segments).unwrap();
        let back: Vec<PathSegment> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, segments);
    }

    #[test]
    fn leave_forms_from_records_round_trip_and_each_required_field_is_named(
        drop in 0usize..5, keep_key in any::<bool>()
    ) {
        let rb = Rulebook::default();
        let context = TermData::sample();
        // The sample's granted request, against the term without it.
        let request = context.leave_requests[0].clone();
        let mut without = context.clone();
        without.leave_requests.clear();
        let today = request.requested_at.date();
        let mut form = LeaveRequestForm::from(&request);
        let fields = ["member", "event", "approver", "requested_at"];
        match drop {
            0 => form.member = blank(keep_key),
            1 => form.event = blank(keep_key),
            2 => form.approver = blank(keep_key),
            3 => form.requested_at = blank(keep_key),
            _ => {}
        }
        let outcome = check_leave_request(&rb, &without, &form, today);
        match fields.get(drop) {
            None => prop_assert_eq!(outcome.result, Ok(request)),
            Some(field) => required_only_at(&outcome, field),
        }
    }

    #[test]
    fn plan_forms_from_records_round_trip_and_each_required_field_is_named(
        which in 0usize..4, drop in 0usize..7, keep_key in any::<bool>()
    ) {
        let rb = Rulebook::default();
        let context = TermData::sample();
        let (on, plan) = sample_plans().swap_remove(which);
        let mut form = ActivityPlanForm::from(&plan);
        let fields = ["id", "line", "project_leader", "start", "end", "budget"];
        match drop {
            0 => form.id = blank(keep_key),
            1 => form.line = blank(keep_key),
            2 => form.project_leader = blank(keep_key),
            3 => form.start = blank(keep_key),
            4 => form.end = blank(keep_key),
            5 => form.budget = blank(keep_key).map(FieldValue::Text),
            _ => {}
        }
        let outcome = check_activity_plan(&rb, &context, &form, on);
        match fields.get(drop) {
            None => prop_assert_eq!(outcome.result, Ok(plan)),
            Some(field) => required_only_at(&outcome, field),
        }
    }

    #[test]
    fn expense_forms_from_records_round_trip_and_each_required_field_is_named(
        which in 0usize..3, drop in 0usize..5, keep_key in any::<bool>()
    ) {
        let rb = Rulebook::default();
        let (context, expense) = sample_expenses().swap_remove(which);
        let mut form = ExpenseForm::from(&expense);
        let fields = ["date", "activity", "amount", "approver"];
        match drop {
            0 => form.date = blank(keep_key),
            1 => form.activity = blank(keep_key),
            2 => form.amount = blank(keep_key).map(FieldValue::Text),
            3 => form.approver = blank(keep_key),
            _ => {}
        }
        let outcome = check_expense(&rb, &context, &form, expense.date);
        match fields.get(drop) {
            None => prop_assert_eq!(outcome.result, Ok(expense)),
            Some(field) => required_only_at(&outcome, field),
        }
    }

    #[test]
    fn application_forms_from_records_round_trip_and_each_required_field_is_named(
        which in 0usize..12, drop in 0usize..5, keep_key in any::<bool>()
    ) {
        let rb = Rulebook::default();
        let (context, candidate) = sample_candidates().swap_remove(which);
        let mut form = RecruitmentApplicationForm::from(&candidate);
        let fields = ["id", "name", "grade", "source"];
        match drop {
            0 => form.id = blank(keep_key),
            1 => form.name = blank(keep_key),
            2 => form.grade = blank(keep_key).map(FieldValue::Text),
            3 => form.source = blank(keep_key),
            _ => {}
        }
        let outcome = check_recruitment_application(&rb, &context, &form, candidate.registered_on);
        match fields.get(drop) {
            None => prop_assert_eq!(outcome.result, Ok(candidate)),
            Some(field) => required_only_at(&outcome, field),
        }
    }

    /// Every refusal of the ledger is found, the ledger's own first one first.
    #[test]
    fn expense_problems_agree_with_the_ledger(
        activity in prop_oneof![
            Just("challenge-cup-2002"), Just("welcome-party-2002"), Just("nothing")
        ],
        cents in -500i64..30000,
        places in 0u32..4,
        approver in prop_oneof![
            Just("1999001"), Just("2000002"), Just("2002011"), Just("2002016"), Just("x")
        ],
        category in prop_oneof![Just("training_materials"), Just("prizes"), Just("")],
        receipt in prop_oneof![Just(""), Just("R-1")],
        day in 0u64..400,
    ) {
        let rb = Rulebook::default();
        let context = TermData::sample();
        let roster = context.roster().unwrap();
        let today = d(2002, 11, 25);
        let prepared = FormContext::new(&rb, &context, today);
        let ledger = prepared.ledger().unwrap();
        let expense = Expense {
            date: d(2002, 8, 15) + chrono::Days::new(day),
            activity: activity.into(),
            category: category.into(),
            amount: rust_decimal::Decimal::new(cents, places),
            approver: approver.into(),
            receipt: receipt.into(),
            note: String::new(),
        };
        let problems = ledger.expense_problems(&rb, &roster, &expense);
        match ledger.check(&rb, &roster, &LedgerOperation::Expense(expense)) {
            Ok(_) => prop_assert!(problems.is_empty(), "{:?}", problems),
            Err(first) => prop_assert_eq!(problems.first(), Some(&first)),
        }
    }
}

// ---------------------------------------------------------------------------------------
// A prepared context gives what each call gives.

/// The contexts the prepared checks are compared on: the sample, without a budget year,
/// with a member listed twice (the roster and the register fail), with a budget year that
/// does not replay (the ledger fails), with a mark on no event (the register fails).
fn contexts() -> Vec<TermData> {
    let sample = TermData::sample();
    let mut bare = sample.clone();
    bare.budget_year = None;
    let mut twin = sample.clone();
    twin.members.push(twin.members[0].clone());
    let mut replay = sample.clone();
    let year = replay.budget_year.as_mut().unwrap();
    year.operations.push(year.operations[0].clone());
    let mut marks = sample.clone();
    marks.marks[0].event = "nowhere".into();
    vec![sample, bare, twin, replay, marks]
}

fn pick(pool: &[&str], i: usize) -> Option<String> {
    pool.get(i).map(|s| (*s).to_owned())
}

const MEMBERS: &[&str] = &[
    "2002012", "2002013", "2000002", "1999001", "2001004", "x", "",
];
const DAYS: &[&str] = &[
    "2002-10-14",
    "2002-11-16",
    "2002-12-02",
    "2003-03-01",
    "14/10",
    "",
];

/// One form of any kind, as indices into small pools of good and bad values.
#[derive(Debug, Clone)]
enum AnyForm {
    Leave(LeaveRequestForm),
    Plan(ActivityPlanForm),
    Expense(ExpenseForm),
    Application(RecruitmentApplicationForm),
    Board(BoardPlanForm),
    Standing(String),
    Countdown(String),
    Budget(Option<String>),
}

fn any_form() -> impl Strategy<Value = AnyForm> {
    let ix = || 0usize..8;
    prop_oneof![
        (ix(), ix(), ix(), ix(), ix(), 0usize..4).prop_map(|(m, e, r, s, a, t)| {
            AnyForm::Leave(LeaveRequestForm {
                member: pick(MEMBERS, m),
                event: pick(
                    &[
                        "regular-meeting-2002-10-16",
                        "regular-meeting-2002-10-09",
                        "nowhere",
                        "",
                    ],
                    e,
                ),
                reason: pick(&["Mid-term exam", ""], r),
                substitute: pick(MEMBERS, s),
                approver: pick(MEMBERS, a),
                requested_at: pick(
                    &["2002-10-14T09:00", "2002-10-08T09:00", "2003-01-01T09:00"],
                    t,
                ),
            })
        }),
        (0usize..4, ix(), ix(), ix(), 0usize..6).prop_map(|(which, l, s, b, n)| {
            let mut form = ActivityPlanForm::from(&sample_plans()[which].1);
            form.project_leader = pick(MEMBERS, l);
            form.start = pick(DAYS, s);
            form.budget =
                pick(&["180.00", "350.00", "0.005", "-1", "abc"], b).map(FieldValue::Text);
            form.notice_received = pick(&["2002-10-01", "2002-10-12", "bad"], n);
            AnyForm::Plan(form)
        }),
        (ix(), 0usize..4, ix(), ix(), 0usize..3).prop_map(|(day, a, amount, ap, r)| {
            AnyForm::Expense(ExpenseForm {
                date: pick(DAYS, day),
                activity: pick(&["challenge-cup-2002", "welcome-party-2002", "nothing"], a),
                category: Some("training_materials".into()),
                amount: pick(&["12.50", "20.00", "500.00", "0", "1.234", "x"], amount)
                    .map(FieldValue::Text),
                approver: pick(MEMBERS, ap),
                receipt: pick(&["R-1"], r),
                note: None,
            })
        }),
        (0usize..12, ix(), 0usize..3).prop_map(|(which, referrer, source)| {
            let mut form = RecruitmentApplicationForm::from(&sample_candidates()[which].1);
            form.referred_by = pick(MEMBERS, referrer);
            form.source = pick(&["referral", "registration"], source);
            AnyForm::Application(form)
        }),
        (ix(), ix()).prop_map(|(i, s)| AnyForm::Board(BoardPlanForm {
            issue_date: pick(DAYS, i),
            submitted_on: pick(DAYS, s),
        })),
        ix().prop_map(|m| AnyForm::Standing(pick(MEMBERS, m).unwrap_or_default())),
        (0usize..3).prop_map(|a| AnyForm::Countdown(
            pick(&["welcome-party-2002", "challenge-cup-2002"], a).unwrap_or_default()
        )),
        (0usize..4).prop_map(|a| AnyForm::Budget(pick(
            &["challenge-cup-2002", "welcome-party-2002", "nothing"],
            a
        ))),
    ]
}

/// What a form gives, as comparable text.
fn run_prepared<R, T>(context: &FormContext<R, T>, form: &AnyForm) -> String
where
    R: std::ops::Deref<Target = Rulebook>,
    T: std::ops::Deref<Target = TermData>,
{
    match form {
        AnyForm::Leave(f) => format!("{:?}", context.check_leave_request(f)),
        AnyForm::Plan(f) => format!("{:?}", context.check_activity_plan(f)),
        AnyForm::Expense(f) => format!("{:?}", context.check_expense(f)),
        AnyForm::Application(f) => format!("{:?}", context.check_recruitment_application(f)),
        AnyForm::Board(f) => format!("{:?}", context.check_board_plan(f)),
        AnyForm::Standing(m) => format!("{:?}", context.member_standing(&m.as_str().into())),
        AnyForm::Countdown(a) => format!("{:?}", context.event_countdown(a)),
        AnyForm::Budget(a) => format!(
            "{:?}",
            context.budget_remaining(a.clone().map(ActivityId).as_ref())
        ),
    }
}

fn run_per_call(rb: &Rulebook, term: &TermData, form: &AnyForm, today: NaiveDate) -> String {
    match form {
        AnyForm::Leave(f) => format!("{:?}", check_leave_request(rb, term, f, today)),
        AnyForm::Plan(f) => format!("{:?}", check_activity_plan(rb, term, f, today)),
        AnyForm::Expense(f) => format!("{:?}", check_expense(rb, term, f, today)),
        AnyForm::Application(f) => {
            format!("{:?}", check_recruitment_application(rb, term, f, today))
        }
        AnyForm::Board(f) => format!("{:?}", check_board_plan(rb, term, f, today)),
        AnyForm::Standing(m) => {
            format!("{:?}", member_standing(rb, term, &m.as_str().into(), today))
        }
        AnyForm::Countdown(a) => format!("{:?}", event_countdown(rb, term, a, today)),
        AnyForm::Budget(a) => format!(
            "{:?}",
            budget_remaining(rb, term, a.clone().map(ActivityId).as_ref(), today)
        ),
    }
}

#[test]
fn the_broken_contexts_fail_where_they_should() {
    let rb = Rulebook::default();
    let today = d(2002, 12, 2);
    let all = contexts();
    let parts: Vec<_> = all
        .iter()
        .map(|t| {
            let c = FormContext::new(&rb, t, today);
            (c.roster().is_ok(), c.register().is_ok(), c.ledger().is_ok())
        })
        .collect();
    assert_eq!(
        parts,
        [
            (true, true, true),
            (true, true, true),
            (false, false, false),
            (true, true, false),
            (true, false, true),
        ]
    );
    // The ledger's error under `context.budget_year`, the form's own issues kept.
    let form = ExpenseForm {
        date: Some("bad".into()),
        ..expense_form()
    };
    let outcome = FormContext::new(&rb, &all[3], today).check_expense(&form);
    assert_eq!(outcome.issues()[0].code(), "form.invalid_date");
    assert!(
        outcome.issues()[1]
            .path()
            .starts_with("context.budget_year"),
        "{:?}",
        outcome.issues()
    );
    assert_eq!(
        format!("{outcome:?}"),
        format!("{:?}", check_expense(&rb, &all[3], &form, today))
    );
}

#[test]
fn a_prepared_context_is_shared_and_kept_beside_its_data() {
    use std::rc::Rc;
    let rb = Rc::new(Rulebook::default());
    let term = Rc::new(TermData::sample());
    let context = FormContext::new(Rc::clone(&rb), Rc::clone(&term), d(2002, 10, 14));
    assert!(Rc::ptr_eq(context.term(), &term) && Rc::ptr_eq(context.rulebook(), &rb));
    assert_eq!(context.today(), d(2002, 10, 14));
    assert!(context.check_leave_request(&leave_form()).is_success());
    assert!(format!("{context:?}").contains("register: Some(true)"));
    // Sync: one context may serve several threads.
    let (rb, term) = (Rulebook::default(), TermData::sample());
    let shared = FormContext::new(&rb, &term, d(2002, 10, 14));
    std::thread::scope(|s| {
        let a = s.spawn(|| shared.check_leave_request(&leave_form()).is_success());
        let b = s.spawn(|| shared.member_standing(&"2002013".into()).is_ok());
        assert!(a.join().unwrap() && b.join().unwrap());
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One prepared context, reused for a sequence of forms of every kind (its parts built
    /// by whichever check comes first), gives exactly what each call gives on its own.
    #[test]
    fn a_prepared_context_gives_what_each_call_gives(
        which in 0usize..5,
        day in 0usize..4,
        forms in proptest::collection::vec(any_form(), 1..8),
    ) {
        let rb = Rulebook::default();
        let term = contexts().swap_remove(which);
        let today = [d(2002, 10, 14), d(2002, 11, 16), d(2002, 12, 2), d(2003, 3, 1)][day];
        let prepared = FormContext::new(&rb, &term, today);
        for form in &forms {
            prop_assert_eq!(run_prepared(&prepared, form), run_per_call(&rb, &term, form, today));
        }
    }
}
