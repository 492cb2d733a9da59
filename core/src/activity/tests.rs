use std::str::FromStr;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::budget::BudgetLedger;
use crate::calendar::DateRange;
use crate::diagnostic::{Diagnostic, Locale};
use crate::error::Error;
use crate::members::{Department, Grade, Member, MemberStatus, Roster};
use crate::report::TermData;
use crate::rulebook::Rulebook;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn yuan(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The sample term's members and an advisor.
fn roster() -> Roster {
    let mut members = TermData::sample().members;
    members.push(Member {
        id: "t001".into(),
        name: "Teacher".into(),
        grade: Grade::parse("99").unwrap(),
        department: Department("College".into()),
        role: Role::Advisor,
        skills: vec![],
        status: MemberStatus::Active,
    });
    members.push(Member {
        id: "2002099".into(),
        name: "Gone".into(),
        grade: Grade::parse("02").unwrap(),
        department: Department("Science and Technology".into()),
        role: Role::Officer,
        skills: vec![],
        status: MemberStatus::Resigned,
    });
    Roster::new(members).unwrap()
}

fn sample_at(today: NaiveDate) -> ActivityYear {
    ActivityYearData::sample()
        .replay(&Rulebook::default(), &roster(), None, today)
        .unwrap()
}

fn state(year: &ActivityYear, id: &str) -> ActivityState {
    year.book.get(&id.into()).unwrap().state
}

fn plan(id: &str) -> ActivityPlan {
    ActivityYearData::sample()
        .plans()
        .find(|p| p.id.as_str() == id)
        .unwrap()
        .clone()
}

fn step(activity: &str, action: StepAction, by: &str, on: NaiveDate) -> ActivityStep {
    ActivityStep {
        activity: activity.into(),
        action,
        by: by.into(),
        on,
        note: String::new(),
    }
}

fn empty_ledger() -> BudgetLedger {
    BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)))
}

#[test]
fn sample_year_replays() {
    let data = ActivityYearData::sample();
    assert_eq!(data.plans().count(), 4);
    let autumn = sample_at(d(2002, 10, 14));
    assert_eq!(
        state(&autumn, "welcome-party-2002"),
        ActivityState::InProgress
    );
    assert_eq!(
        state(&autumn, "challenge-cup-2002"),
        ActivityState::InProgress
    );
    assert_eq!(
        state(&autumn, "innovation-competition-2002"),
        ActivityState::Rejected
    );
    assert_eq!(
        state(&autumn, "innovation-competition-2003"),
        ActivityState::Draft
    );
    assert!(autumn.pending > 0);
    let report = autumn.budget_report(&Rulebook::default());
    assert_eq!(report.cap.committed, yuan("180.00"));
    assert_eq!(report.total.spent, yuan("45.50"));

    let summer = sample_at(d(2003, 6, 30));
    assert_eq!(summer.pending, 0);
    assert_eq!(
        state(&summer, "welcome-party-2002"),
        ActivityState::Summarized
    );
    assert_eq!(
        state(&summer, "challenge-cup-2002"),
        ActivityState::Summarized
    );
    assert_eq!(
        state(&summer, "innovation-competition-2003"),
        ActivityState::Completed
    );
    let rb = Rulebook::default();
    let report = summer.budget_report(&rb);
    let cup = report
        .accounts
        .iter()
        .find(|a| a.activity.as_str() == "challenge-cup-2002")
        .unwrap();
    assert_eq!(
        (cup.spent, cup.released, cup.reserved),
        (yuan("165.50"), yuan("14.50"), yuan("0"))
    );
    assert_eq!(cup.utilisation, Some(yuan("91.9")));
    // Committed: the Challenge Cup's spending (settled) and the competition's 260 (open).
    assert_eq!(report.cap.committed, yuan("425.50"));
    assert_eq!(report.cap.spent, yuan("415.50"));
    assert_eq!(report.total.approved, yuan("440.00"));
    let activities = summer.activity_report(&rb, d(2003, 6, 30));
    assert_eq!(activities.warnings.len(), 1);
    assert_eq!(activities.warnings[0].code(), "activity.summary_overdue");
    assert_eq!(activities.warnings[0].params()["days_overdue"], "65");
    // The JSON of a year round-trips.
    let json = serde_json::to_string(&summer).unwrap();
    assert_eq!(serde_json::from_str::<ActivityYear>(&json).unwrap(), summer);
}

#[test]
fn the_reports_render_in_both_languages() {
    let rb = Rulebook::default();
    let year = sample_at(d(2003, 5, 6));
    let activities = year.activity_report(&rb, d(2003, 5, 6));
    let en = activities.render(Locale::En);
    let zh = activities.render(Locale::ZhHans);
    assert!(
        en.contains("Welcome party projection") && en.contains("summarized"),
        "{en}"
    );
    assert!(en.contains("OVERDUE by 10 day(s)"), "{en}");
    assert!(zh.contains("已逾期") && zh.contains("已驳回"), "{zh}");
    let budget = year.budget_report(&rb).render(Locale::ZhHans);
    assert!(
        budget.contains("挑战杯") && budget.contains("已结算"),
        "{budget}"
    );
    // Rows are ordered by start date.
    let order: Vec<&str> = activities
        .rows
        .iter()
        .map(|r| r.activity.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "challenge-cup-2002",
            "welcome-party-2002",
            "innovation-competition-2002",
            "innovation-competition-2003"
        ]
    );
}

#[test]
fn validation_returns_every_problem_at_once() {
    let rb = Rulebook::default();
    let roster = roster();
    let ledger = empty_ledger();
    let bad = ActivityPlan {
        id: "bad id!".into(),
        title: " ".into(),
        line: "gala".into(),
        department: Department(String::new()),
        project_leader: "2002099".into(),
        purpose: String::new(),
        start: d(2002, 9, 1),
        end: d(2002, 8, 31),
        participants: vec!["Secretariat".into(), String::new()],
        budget: yuan("-1"),
        feasibility: String::new(),
        risks: vec![Risk {
            risk: "Rain".into(),
            countermeasure: String::new(),
        }],
        notice_received: Some(d(2002, 9, 1)),
    };
    let v = validate_plan(
        &rb,
        &roster,
        &ledger,
        &bad,
        d(2002, 9, 10),
        None,
        Locale::En,
    );
    let got: Vec<(&str, &str)> = v
        .problems
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("activity.invalid_id", "id"),
            ("activity.missing_field", "title"),
            ("budget.unknown_line", "line"),
            ("activity.missing_field", "department"),
            ("activity.leader_inactive", "project_leader"),
            ("activity.missing_field", "purpose"),
            ("activity.starts_before_submission", "start"),
            ("activity.end_before_start", "end"),
            ("activity.missing_field", "participants[1]"),
            ("budget.negative_amount", "budget"),
            ("activity.missing_field", "feasibility"),
            (
                "activity.risk_without_countermeasure",
                "risks[0].countermeasure"
            ),
            ("activity.submission_late", "notice_received"),
        ]
    );
    assert!(!v.valid);
    // The lead time: the notice of 1 September wanted the plan by 5 September.
    let late = v.problems.last().unwrap();
    assert_eq!(late.params["deadline"], "2002-09-05");
    assert_eq!(late.params["days_late"], "5");
    assert_eq!(
        v.lead_times[0].rule.key,
        "schedule.lead_times.plan_after_notice"
    );
    // Chinese messages too.
    let zh = validate_plan(
        &rb,
        &roster,
        &ledger,
        &bad,
        d(2002, 9, 10),
        None,
        Locale::ZhHans,
    );
    assert_eq!(zh.problems.len(), v.problems.len());
    assert!(
        zh.problems
            .iter()
            .zip(&v.problems)
            .all(|(z, e)| z.message != e.message)
    );
}

#[test]
fn validation_checks_the_budget_against_its_range_and_the_cap() {
    let rb = Rulebook::default();
    let roster = roster();
    let year = sample_at(d(2002, 10, 14));
    let mut p = plan("innovation-competition-2003");
    let today = d(2002, 10, 14);
    let v = validate_plan(&rb, &roster, &year.ledger, &p, today, None, Locale::En);
    assert!(v.valid, "{:?}", v.problems);
    let budget = v.budget.unwrap();
    assert_eq!(
        (budget.committed, budget.remaining_cap),
        (yuan("180.00"), yuan("320.00"))
    );
    assert_eq!(budget.rule.article, "seed 000, plan item 6 capital budget");

    p.budget = yuan("300.01");
    let v = validate_plan(&rb, &roster, &year.ledger, &p, today, None, Locale::En);
    assert_eq!(v.problems[0].code, "budget.over_line_max");
    p.budget = yuan("150");
    let v = validate_plan(&rb, &roster, &year.ledger, &p, today, None, Locale::En);
    assert!(v.valid);
    assert_eq!(v.warnings[0].code, "budget.below_line_range");

    // With a smaller cap, 260 does not fit beside the Challenge Cup's 180.
    let tight = Rulebook::from_toml_str("[budget]\nannual_cap = \"420.00\"").unwrap();
    p.budget = yuan("260");
    let v = validate_plan(&tight, &roster, &year.ledger, &p, today, None, Locale::En);
    assert_eq!(
        (v.problems[0].code.as_str(), v.problems[0].path.as_str()),
        ("budget.over_annual_cap", "budget")
    );
    assert_eq!(v.problems[0].params["committed_after"], "440.00");
    p.budget = yuan("200");
    let v = validate_plan(&tight, &roster, &year.ledger, &p, today, None, Locale::En);
    assert!(v.valid);
    assert_eq!(v.warnings[0].code, "budget.near_annual_cap");

    // An approved plan's id already holds funds.
    let cup = plan("challenge-cup-2002");
    let v = validate_plan(
        &rb,
        &roster,
        &year.ledger,
        &cup,
        d(2002, 9, 1),
        None,
        Locale::En,
    );
    assert_eq!(v.problems[0].code, "budget.duplicate_activity");
}

#[test]
fn lead_times_count_from_the_start_when_the_rulebook_says_so() {
    let rb = Rulebook::from_toml_str(
        "[activity.submission_lead_times]\nboard_plan = \"start\"\nplan_after_notice = \"notice\"",
    )
    .unwrap();
    let roster = roster();
    let ledger = empty_ledger();
    let p = plan("welcome-party-2002");
    // The board-plan rule: 5 to 7 days before the start (26 October).
    let early = validate_plan(&rb, &roster, &ledger, &p, d(2002, 9, 23), None, Locale::En);
    assert!(early.valid);
    assert_eq!(early.warnings[0].code, "activity.submitted_early");
    assert_eq!(early.warnings[0].path, "start");
    let late = validate_plan(&rb, &roster, &ledger, &p, d(2002, 10, 24), None, Locale::En);
    let late_codes: Vec<_> = late
        .problems
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert!(
        late_codes.contains(&("activity.submission_late", "start")),
        "{late_codes:?}"
    );
    // Working days need a calendar.
    let working = rb
        .overlay_toml("[schedule]\nday_count = \"working\"")
        .unwrap();
    let v = validate_plan(
        &working,
        &roster,
        &ledger,
        &p,
        d(2002, 9, 23),
        None,
        Locale::En,
    );
    assert_eq!(v.problems[0].code, "schedule.calendar_required");
    let calendar = TermData::sample().calendar;
    let v = validate_plan(
        &working,
        &roster,
        &ledger,
        &p,
        d(2002, 9, 23),
        Some(&calendar),
        Locale::En,
    );
    assert!(v.problems.is_empty(), "{:?}", v.problems);
}

/// A book with the welcome-party plan as a draft, and a ledger.
fn fresh() -> (Rulebook, Roster, ActivityBook, BudgetLedger) {
    let mut book = ActivityBook::new();
    book.draft(plan("welcome-party-2002"), d(2002, 9, 16))
        .unwrap();
    book.draft(plan("challenge-cup-2002"), d(2002, 9, 11))
        .unwrap();
    (Rulebook::default(), roster(), book, empty_ledger())
}

fn apply(
    world: &mut (Rulebook, Roster, ActivityBook, BudgetLedger),
    s: &ActivityStep,
) -> crate::Result<StepOutcome> {
    let (rb, roster, book, ledger) = world;
    book.apply(rb, roster, ledger, s, None)
}

#[test]
fn the_lifecycle_runs_with_its_guards() {
    let mut w = fresh();
    let party = "welcome-party-2002";
    let leader = "2001002";
    let code = |r: crate::Result<StepOutcome>| -> (&'static str, String) {
        let e = r.unwrap_err();
        (e.code(), e.path().to_owned())
    };
    // Not approved: cannot start.
    let r = apply(
        &mut w,
        &step(party, StepAction::Start, leader, d(2002, 9, 20)),
    );
    assert_eq!(code(r), ("activity.not_approved", "action".into()));
    // Only the leader submits.
    let r = apply(
        &mut w,
        &step(party, StepAction::Submit, "2001005", d(2002, 9, 23)),
    );
    assert_eq!(code(r), ("activity.not_project_leader", "by".into()));
    // Not before the draft.
    let r = apply(
        &mut w,
        &step(party, StepAction::Submit, leader, d(2002, 9, 1)),
    );
    assert_eq!(code(r), ("activity.date_before_previous", "on".into()));
    // Not approvable while a draft.
    let r = apply(
        &mut w,
        &step(party, StepAction::Approve, "2000002", d(2002, 9, 23)),
    );
    assert_eq!(code(r), ("activity.invalid_transition", "action".into()));
    // Late for the notice of 20 September: a plan by the 24th.
    let r = apply(
        &mut w,
        &step(party, StepAction::Submit, leader, d(2002, 9, 25)),
    );
    assert_eq!(
        code(r),
        ("activity.submission_late", "notice_received".into())
    );
    apply(
        &mut w,
        &step(party, StepAction::Submit, leader, d(2002, 9, 23)),
    )
    .unwrap();
    // The leader cannot approve their own plan; an officer cannot approve; the head of
    // another department cannot.
    let r = apply(
        &mut w,
        &step(party, StepAction::Approve, leader, d(2002, 9, 28)),
    );
    assert_eq!(code(r), ("activity.self_approval", "by".into()));
    let r = apply(
        &mut w,
        &step(party, StepAction::Approve, "2001004", d(2002, 9, 28)),
    );
    assert_eq!(code(r), ("authority.not_permitted", "by".into()));
    let r = apply(
        &mut w,
        &step(party, StepAction::Approve, "2001001", d(2002, 9, 28)),
    );
    assert_eq!(code(r), ("authority.not_permitted", "by".into()));
    let r = apply(
        &mut w,
        &step(party, StepAction::Approve, "nobody", d(2002, 9, 28)),
    );
    assert_eq!(code(r), ("member.unknown", "by".into()));
    // The advisor may (seed 000: "implement it after the teacher approves it").
    let ok = apply(
        &mut w,
        &step(party, StepAction::Approve, "t001", d(2002, 9, 28)),
    )
    .unwrap();
    assert_eq!(ok.record.approved_as, Some(Role::Advisor));
    let posting = ok.posting.unwrap();
    assert_eq!(posting.amount, yuan("0.00"));
    assert!(w.3.has_account(&party.into()));
    apply(
        &mut w,
        &step(party, StepAction::Start, leader, d(2002, 9, 30)),
    )
    .unwrap();
    let r = apply(
        &mut w,
        &step(party, StepAction::Summarize, leader, d(2002, 10, 27)),
    );
    assert_eq!(code(r), ("activity.invalid_transition", "action".into()));
    apply(
        &mut w,
        &step(party, StepAction::Complete, leader, d(2002, 10, 26)),
    )
    .unwrap();
    // A summary needs its text.
    let r = apply(
        &mut w,
        &step(party, StepAction::Summarize, leader, d(2002, 11, 5)),
    );
    assert_eq!(code(r), ("activity.missing_field", "note".into()));
    // Due on 2 November: filed on the 5th, accepted with a warning.
    let mut summary = step(party, StepAction::Summarize, leader, d(2002, 11, 5));
    summary.note = "Went well.".into();
    let done = apply(&mut w, &summary).unwrap();
    assert_eq!(done.warnings[0].code(), "activity.summary_late");
    assert_eq!(done.warnings[0].params()["days_late"], "3");
    assert_eq!(
        done.posting.unwrap().kind,
        crate::budget::EntryKind::Settlement
    );
    let activity = w.2.get(&party.into()).unwrap();
    assert_eq!(activity.state, ActivityState::Summarized);
    assert_eq!(activity.summary(), Some("Went well."));
    assert_eq!(activity.history.len(), 5);
    let r = apply(
        &mut w,
        &step(party, StepAction::Cancel, leader, d(2002, 11, 6)),
    );
    assert_eq!(code(r), ("activity.invalid_transition", "action".into()));
}

#[test]
fn rejecting_and_cancelling_need_a_reason_and_cancelling_releases_funds() {
    let mut w = fresh();
    let cup = "challenge-cup-2002";
    apply(
        &mut w,
        &step(cup, StepAction::Submit, "2001005", d(2002, 9, 13)),
    )
    .unwrap();
    let r = apply(
        &mut w,
        &step(cup, StepAction::Reject, "2000002", d(2002, 9, 14)),
    );
    assert_eq!(r.unwrap_err().path(), "note");
    apply(
        &mut w,
        &step(cup, StepAction::Approve, "2000002", d(2002, 9, 16)),
    )
    .unwrap();
    assert_eq!(w.3.committed_within_cap(), yuan("180"));
    // Someone else than the leader cancels only with approval authority.
    let mut cancel = step(cup, StepAction::Cancel, "2001004", d(2002, 10, 1));
    cancel.note = "No teams.".into();
    assert_eq!(
        apply(&mut w, &cancel).unwrap_err().code(),
        "authority.not_permitted"
    );
    cancel.by = "2000001".into();
    let out = apply(&mut w, &cancel).unwrap();
    assert_eq!(out.record.to, ActivityState::Cancelled);
    assert_eq!(out.posting.unwrap().amount, yuan("180.00"));
    assert_eq!(w.3.committed_within_cap(), yuan("0"));
    let r = apply(
        &mut w,
        &step(cup, StepAction::Start, "2001005", d(2002, 10, 2)),
    );
    assert_eq!(r.unwrap_err().code(), "activity.invalid_transition");
}

#[test]
fn approval_rechecks_the_cap() {
    let mut w = fresh();
    w.0 = Rulebook::from_toml_str("[budget]\nannual_cap = \"400.00\"").unwrap();
    let mut big = plan("innovation-competition-2003");
    big.budget = yuan("300");
    w.2.draft(big, d(2002, 9, 1)).unwrap();
    apply(
        &mut w,
        &step(
            "innovation-competition-2003",
            StepAction::Submit,
            "2001004",
            d(2002, 9, 2),
        ),
    )
    .unwrap();
    apply(
        &mut w,
        &step(
            "challenge-cup-2002",
            StepAction::Submit,
            "2001005",
            d(2002, 9, 13),
        ),
    )
    .unwrap();
    apply(
        &mut w,
        &step(
            "challenge-cup-2002",
            StepAction::Approve,
            "2000002",
            d(2002, 9, 16),
        ),
    )
    .unwrap();
    let book_before = serde_json::to_string(&w.2).unwrap();
    let ledger_before = serde_json::to_string(&w.3).unwrap();
    let e = apply(
        &mut w,
        &step(
            "innovation-competition-2003",
            StepAction::Approve,
            "2000002",
            d(2002, 9, 17),
        ),
    )
    .unwrap_err();
    assert_eq!((e.code(), e.path()), ("budget.over_annual_cap", "activity"));
    assert_eq!(serde_json::to_string(&w.2).unwrap(), book_before);
    assert_eq!(serde_json::to_string(&w.3).unwrap(), ledger_before);
}

#[test]
fn the_book_refuses_bad_drafts_and_round_trips() {
    let mut book = ActivityBook::new();
    let mut p = plan("welcome-party-2002");
    p.id = "".into();
    let err = book.draft(p, d(2002, 9, 1)).unwrap_err();
    assert_eq!((err.code(), err.path()), ("activity.invalid_id", "id"));
    let (_, _, book, _) = fresh();
    let json = serde_json::to_string(&book).unwrap();
    assert_eq!(serde_json::from_str::<ActivityBook>(&json).unwrap(), book);
    let doubled = json.replacen("challenge-cup-2002", "welcome-party-2002", 1);
    assert!(serde_json::from_str::<ActivityBook>(&doubled).is_err());
    // Only a draft can be revised.
    let mut w = fresh();
    let cup = "challenge-cup-2002";
    apply(
        &mut w,
        &step(cup, StepAction::Submit, "2001005", d(2002, 9, 13)),
    )
    .unwrap();
    let err = w.2.revise(plan(cup)).unwrap_err();
    assert_eq!((err.code(), err.path()), ("activity.not_draft", "id"));
    // A step on an unknown activity.
    let err = apply(
        &mut w,
        &step("nope", StepAction::Submit, "2001002", d(2002, 9, 20)),
    )
    .unwrap_err();
    assert_eq!((err.code(), err.path()), ("activity.unknown", "activity"));
    // Replay errors point into the data.
    let mut data = ActivityYearData::sample();
    if let Some(YearOperation::Step(s)) = data.operations.get_mut(1) {
        s.by = "2001004".into();
    }
    let err = data
        .replay(&Rulebook::default(), &roster(), None, d(2003, 6, 30))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("activity.not_project_leader", "operations[1].step.by")
    );
}

#[test]
fn every_state_allows_only_its_steps() {
    use ActivityState as S;
    use StepAction as A;
    let states = [
        S::Draft,
        S::Submitted,
        S::Approved,
        S::InProgress,
        S::Completed,
        S::Summarized,
        S::Rejected,
        S::Cancelled,
    ];
    let actions = [
        A::Submit,
        A::Approve,
        A::Reject,
        A::Start,
        A::Complete,
        A::Summarize,
        A::Cancel,
    ];
    let mut allowed = 0;
    for from in states {
        for action in actions {
            let s = step("x", action, "a", d(2002, 9, 1));
            match book::target(&s, from) {
                Ok(_) => {
                    assert!(!from.is_final(), "{action} from {from}");
                    allowed += 1;
                }
                Err(e) => {
                    let want = if action == A::Start
                        && matches!(from, S::Draft | S::Submitted | S::Rejected)
                    {
                        "activity.not_approved"
                    } else {
                        "activity.invalid_transition"
                    };
                    assert_eq!(e.code(), want, "{action} from {from}");
                }
            }
        }
    }
    // submit, approve, reject, start, complete, summarize, and cancel from four states.
    assert_eq!(allowed, 10);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Random steps by random members on the sample year: a refused step changes nothing,
    /// an accepted one keeps every limit.
    #[test]
    fn refused_steps_change_nothing(
        steps in proptest::collection::vec((0..4usize, 0..7usize, 0..6usize, 0..40u64, any::<bool>()), 1..40)
    ) {
        let rb = Rulebook::default();
        let roster = roster();
        let mut year = sample_at(d(2002, 9, 20));
        let ids = ["welcome-party-2002", "challenge-cup-2002", "innovation-competition-2002", "innovation-competition-2003"];
        let actions = [StepAction::Submit, StepAction::Approve, StepAction::Reject, StepAction::Start, StepAction::Complete, StepAction::Summarize, StepAction::Cancel];
        let people = ["2001002", "2001005", "2001004", "2000002", "2000001", "t001"];
        let mut on = d(2002, 9, 20);
        for (a, s, p, days, note) in steps {
            on = on + chrono::Days::new(days);
            let st = ActivityStep {
                activity: ids[a].into(),
                action: actions[s],
                by: people[p].into(),
                on,
                note: if note { "reason".into() } else { String::new() },
            };
            let book_before = serde_json::to_string(&year.book).unwrap();
            let ledger_before = serde_json::to_string(&year.ledger).unwrap();
            match year.book.apply(&rb, &roster, &mut year.ledger, &st, None) {
                Ok(out) => {
                    prop_assert_eq!(year.book.get(&st.activity).unwrap().state, out.record.to);
                    prop_assert!(year.ledger.committed_within_cap() <= rb.budget.annual_cap);
                }
                Err(_) => {
                    prop_assert_eq!(serde_json::to_string(&year.book).unwrap(), book_before);
                    prop_assert_eq!(serde_json::to_string(&year.ledger).unwrap(), ledger_before);
                }
            }
            // Every approved-or-later activity has funds; none before.
            for activity in year.book.activities() {
                let funded = year.ledger.has_account(activity.id());
                let approved_once = activity.history.iter().any(|r| r.action == StepAction::Approve);
                prop_assert_eq!(funded, approved_once, "{:?}", activity.id());
            }
        }
        let json = serde_json::to_string(&year).unwrap();
        prop_assert_eq!(serde_json::from_str::<ActivityYear>(&json).unwrap(), year);
    }
}

#[test]
fn step_errors_are_typed() {
    let e: Error = ActivityErrorKind::SelfApproval {
        actor: "x".into(),
        action: StepAction::Approve,
    }
    .at("by")
    .into();
    assert_eq!(e.area(), "activity");
    assert!(e.message(Locale::ZhHans).contains("不能"));
}
