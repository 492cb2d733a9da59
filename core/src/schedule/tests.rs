use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use proptest::prelude::*;

use super::*;
use crate::calendar::{DateRange, Period};
use crate::diagnostic::{Diagnostic, Locale};
use crate::members::Role;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap()
}

fn range(start: NaiveDate, end: NaiveDate) -> DateRange {
    DateRange::new(start, end)
}

/// Autumn 2026 with the National Day holiday (1-7 October) and make-up working days on
/// Sunday 20 September and Saturday 10 October: a plausible arrangement chosen for the
/// tests, not an official one.
fn national_day_2026() -> SchoolCalendar {
    let mut calendar = SchoolCalendar::new(range(d(2026, 9, 1), d(2027, 7, 10)));
    calendar
        .holidays
        .push(Period::new("National Day", d(2026, 10, 1), d(2026, 10, 7)));
    calendar.vacations.push(Period::new(
        "Winter vacation",
        d(2027, 1, 16),
        d(2027, 2, 28),
    ));
    calendar.makeup_workdays = vec![d(2026, 9, 20), d(2026, 10, 10)];
    calendar
}

fn welcome_party(date: NaiveDate) -> MilestonePlan {
    SchedulePolicy::default()
        .plan("welcome_party", date, None)
        .unwrap()
}

// ---------------------------------------------------------------- policy

#[test]
fn the_default_policy_holds_the_seed_values() {
    let policy = SchedulePolicy::default();
    assert_eq!(policy.day_count, DayCount::Calendar);
    assert_eq!(
        policy.templates.keys().collect::<Vec<_>>(),
        ["welcome_party"]
    );
    assert_eq!(
        policy.lead_times.keys().collect::<Vec<_>>(),
        [
            "board_plan",
            "challenge_cup_setup",
            "plan_after_notice",
            "recruitment"
        ]
    );
    let template = policy.template("welcome_party").unwrap();
    assert_eq!(template.article, "seed 000, plan I.4 welcome-party table");
    let approvals: Vec<_> = template
        .milestones
        .iter()
        .filter_map(|m| m.approval.map(|r| (m.id.as_str(), r)))
        .collect();
    assert_eq!(approvals, [("discuss_plan", Role::Advisor)]);
    assert_eq!(policy.regular_meeting.weekday, Weekday::Wed);
    assert_eq!(policy.regular_meeting.start.to_string(), "19:00:00");
    assert_eq!(policy.regular_meeting.duration_minutes, 60);
    assert!(policy.validate("schedule").is_ok());
}

#[test]
fn the_policy_round_trips_through_toml_and_json() {
    let policy = SchedulePolicy::default();
    let toml_text = toml::to_string(&policy).unwrap();
    let from_toml: SchedulePolicy = toml::from_str(&toml_text).unwrap();
    assert_eq!(from_toml, policy);
    let json = serde_json::to_string(&policy).unwrap();
    let from_json: SchedulePolicy = serde_json::from_str(&json).unwrap();
    assert_eq!(from_json, policy);
}

#[test]
fn a_school_overrides_and_adds_schedule_keys() {
    let rulebook = Rulebook::from_toml_str(
        r#"
        [schedule]
        day_count = "working"
        [schedule.regular_meeting]
        weekday = "sunday"
        start = "20:30"
        [schedule.lead_times.board_plan.window.days_before]
        latest = 4
        [schedule.lead_times.summary]
        title = "Activity summary"
        window = { within_days = 7 }
        "#,
    )
    .unwrap();
    let policy = &rulebook.schedule;
    assert_eq!(policy.day_count, DayCount::Working);
    assert_eq!(policy.regular_meeting.weekday, Weekday::Sun);
    assert_eq!(policy.regular_meeting.duration_minutes, 60);
    assert_eq!(
        policy.lead_times["board_plan"].window,
        LeadTimeWindow::DaysBefore {
            earliest: 7,
            latest: 4
        }
    );
    assert_eq!(policy.lead_times.len(), 5);
}

#[test]
fn rulebook_errors_name_the_schedule_key() {
    let cases = [
        (
            "[schedule.lead_times.board_plan.window.days_before]\nlast = 4",
            "rulebook.unknown_key",
            "schedule.lead_times.board_plan.window.days_before.last",
        ),
        (
            "[schedule.lead_times.board_plan.window.days_before]\nlatest = 9",
            "rulebook.inconsistent",
            "schedule.lead_times.board_plan.window.days_before.earliest",
        ),
        (
            "[schedule.lead_times.recruitment.window.before_month_day]\nmonth = 9\nday = 31",
            "rulebook.out_of_range",
            "schedule.lead_times.recruitment.window.before_month_day.day",
        ),
        (
            "[schedule.lead_times.challenge_cup_setup]\nwindow = { within_months = 0 }",
            "rulebook.out_of_range",
            "schedule.lead_times.challenge_cup_setup.window.within_months",
        ),
        (
            "[schedule.lead_times.x]\ntitle = \"x\"\nwindow = { fortnight = 1 }",
            "rulebook.invalid_type",
            "schedule.lead_times.x.window",
        ),
        (
            "[schedule.regular_meeting]\nduration_minutes = 0",
            "rulebook.out_of_range",
            "schedule.regular_meeting.duration_minutes",
        ),
        (
            "[schedule]\nday_count = \"lunar\"",
            "rulebook.invalid_type",
            "schedule.day_count",
        ),
        (
            "[schedule.templates.\"bad id\"]\ntitle = \"x\"\nmilestones = []",
            "rulebook.inconsistent",
            "schedule.templates.bad id",
        ),
    ];
    for (text, code, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}");
    }
}

#[test]
fn template_validation_names_the_milestone() {
    let mut policy = SchedulePolicy::default();
    let template = policy.templates.get_mut("welcome_party").unwrap();
    let rehearsal = template.milestones.get_mut(5).unwrap();
    rehearsal.earliest_days_before = 1; // opens after it closes (latest is 2)
    let err = policy.validate("schedule").unwrap_err();
    assert_eq!(err.code(), "rulebook.inconsistent");
    assert_eq!(
        err.path(),
        "schedule.templates.welcome_party.milestones[5].earliest_days_before"
    );

    let mut policy = SchedulePolicy::default();
    let template = policy.templates.get_mut("welcome_party").unwrap();
    template.milestones.swap(0, 1);
    let err = policy.validate("schedule").unwrap_err();
    assert_eq!(
        err.path(),
        "schedule.templates.welcome_party.milestones[1].earliest_days_before"
    );
    assert!(err.message(Locale::ZhHans).contains("顺序"));

    let mut policy = SchedulePolicy::default();
    let template = policy.templates.get_mut("welcome_party").unwrap();
    template.milestones.get_mut(3).unwrap().id = "select_people".into();
    let err = policy.validate("schedule").unwrap_err();
    assert_eq!(
        err.path(),
        "schedule.templates.welcome_party.milestones[3].id"
    );

    let mut policy = SchedulePolicy::default();
    let template = policy.templates.get_mut("welcome_party").unwrap();
    template.milestones.get_mut(0).unwrap().earliest_days_before = 5000;
    let err = policy.validate("schedule").unwrap_err();
    assert_eq!(err.code(), "rulebook.out_of_range");
    assert_eq!(
        err.path(),
        "schedule.templates.welcome_party.milestones[0].earliest_days_before"
    );

    let mut policy = SchedulePolicy::default();
    policy
        .templates
        .get_mut("welcome_party")
        .unwrap()
        .milestones
        .clear();
    let err = policy.validate("schedule").unwrap_err();
    assert_eq!(err.path(), "schedule.templates.welcome_party.milestones");
}

// ---------------------------------------------------------------- planning

#[test]
fn the_welcome_party_table_for_24_october_2026() {
    let plan = welcome_party(d(2026, 10, 24));
    let windows: Vec<(&str, DateRange)> = plan
        .milestones
        .iter()
        .map(|m| (m.id.as_str(), m.window))
        .collect();
    let day = |m, day| d(2026, m, day);
    assert_eq!(
        windows,
        [
            ("select_people", range(day(9, 19), day(9, 19))),
            ("discuss_plan", range(day(9, 26), day(9, 26))),
            ("pre_production", range(day(10, 3), day(10, 3))),
            ("detailed_production", range(day(10, 10), day(10, 10))),
            ("college_review", range(day(10, 17), day(10, 17))),
            ("onsite_rehearsal", range(day(10, 20), day(10, 22))),
            ("second_rehearsal", range(day(10, 22), day(10, 23))),
        ]
    );
    assert_eq!(plan.event_id, "welcome_party-2026-10-24");
    assert_eq!(plan.rule.key, "schedule.templates.welcome_party");
    assert_eq!(plan.rule.article, "seed 000, plan I.4 welcome-party table");
    let second = plan.milestones.get(6).unwrap();
    assert_eq!(
        second.rule.key,
        "schedule.templates.welcome_party.milestones[6]"
    );
    let select = plan.milestones.first().unwrap();
    assert!(select.note.contains("5-7"));
    assert_eq!(
        plan.milestones.get(1).unwrap().approval,
        Some(Role::Advisor)
    );
}

#[test]
fn working_days_plan_around_the_national_day() {
    let calendar = national_day_2026();
    let template = SchedulePolicy::default()
        .template("welcome_party")
        .unwrap()
        .clone();
    // Party on Saturday 24 October; offsets count working days.
    let plan = plan(
        "welcome_party",
        &template,
        d(2026, 10, 24),
        Some(&calendar),
        DayCount::Working,
    )
    .unwrap();
    assert_eq!(plan.day_count, DayCount::Working);
    let window = |i: usize| plan.milestones.get(i).unwrap().window;
    // 1 and 2 working days before: Friday 23 and Thursday 22 October.
    assert_eq!(window(6), range(d(2026, 10, 22), d(2026, 10, 23)));
    // 4..2 working days before: Tuesday 20 to Thursday 22 October.
    assert_eq!(window(5), range(d(2026, 10, 20), d(2026, 10, 22)));
    // 7 working days before: 23, 22, 21, 20, 19, 16, 15 October.
    assert_eq!(window(4), range(d(2026, 10, 15), d(2026, 10, 15)));
    // 14 working days before crosses the make-up Saturday and the holiday:
    // ..., 14, 13, 12, 10 (make-up), 9, 8 October, then 30 September.
    assert_eq!(window(3), range(d(2026, 9, 30), d(2026, 9, 30)));
    for m in &plan.milestones {
        assert!(calendar.is_working_day(m.window.start), "{}", m.id);
        assert!(calendar.is_working_day(m.window.end), "{}", m.id);
    }
}

#[test]
fn planning_refusals_have_their_own_codes() {
    let policy = SchedulePolicy::default();
    let err = policy
        .plan("spring_gala", d(2026, 10, 24), None)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("schedule.unknown_template", "template_id")
    );

    let template = policy.template("welcome_party").unwrap();
    let err = plan(
        "welcome_party",
        template,
        d(2026, 10, 24),
        None,
        DayCount::Working,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("schedule.calendar_required", "calendar")
    );

    let err = policy
        .plan("welcome_party", NaiveDate::MIN, None)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("calendar.date_out_of_range", "event_date")
    );

    let mut bad = template.clone();
    bad.milestones.get_mut(2).unwrap().latest_days_before = 30;
    let err = plan(
        "welcome_party",
        &bad,
        d(2026, 10, 24),
        None,
        DayCount::Calendar,
    )
    .unwrap_err();
    assert_eq!(err.code(), "schedule.invalid_template");
    assert_eq!(err.path(), "template.milestones[2].earliest_days_before");

    let err = plan(
        "bad id",
        template,
        d(2026, 10, 24),
        None,
        DayCount::Calendar,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("schedule.invalid_template", "template_id")
    );

    let mut calendar = national_day_2026();
    calendar
        .vacations
        .push(Period::new("x", d(2026, 2, 2), d(2026, 2, 1)));
    let err = plan(
        "welcome_party",
        template,
        d(2026, 10, 24),
        Some(&calendar),
        DayCount::Working,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("calendar.invalid_period", "calendar.vacations[1].end")
    );
}

#[test]
fn replanning_reports_past_and_compressed_milestones() {
    let plan = welcome_party(d(2026, 10, 24));
    // Today is 1 October; the final meeting moves the party two weeks earlier.
    let moved = replan(&plan, d(2026, 10, 10), d(2026, 10, 1), None).unwrap();
    assert_eq!(moved.event_shift_days, -14);
    assert!(moved.milestones.iter().all(|m| m.shift_days == -14));
    assert_eq!(moved.plan.event_id, plan.event_id);
    assert_eq!(moved.plan.event_date, d(2026, 10, 10));
    // Windows now: 5 Sep, 12 Sep, 19 Sep, 26 Sep, 3 Oct, 6-8 Oct, 8-9 Oct.
    assert_eq!(
        moved.past,
        [
            "select_people",
            "discuss_plan",
            "pre_production",
            "detailed_production"
        ]
    );
    assert!(moved.compressed.is_empty());

    // Today is 7 October: the on-site rehearsal (6-8 October) has begun.
    let moved = replan(&plan, d(2026, 10, 10), d(2026, 10, 7), None).unwrap();
    assert_eq!(moved.compressed, ["onsite_rehearsal"]);
    let rehearsal = moved.milestones.get(5).unwrap();
    assert_eq!(
        rehearsal.old_window,
        range(d(2026, 10, 20), d(2026, 10, 22))
    );
    assert_eq!(rehearsal.new_window, range(d(2026, 10, 6), d(2026, 10, 8)));
    assert_eq!(rehearsal.timing, ReplanTiming::Compressed);
    assert_eq!(moved.milestones.get(6).unwrap().timing, ReplanTiming::Ahead);

    // Moving later leaves nothing behind.
    let later = replan(&plan, d(2026, 10, 31), d(2026, 9, 1), None).unwrap();
    assert_eq!(later.event_shift_days, 7);
    assert!(later.past.is_empty() && later.compressed.is_empty());
    let mut expected = welcome_party(d(2026, 10, 31));
    expected.event_id = plan.event_id.clone();
    assert_eq!(later.plan, expected);
}

#[test]
fn replanning_in_working_days_moves_milestones_unevenly() {
    let calendar = national_day_2026();
    let counter = DayCounter::new(DayCount::Working, Some(&calendar)).unwrap();
    let template = SchedulePolicy::default()
        .template("welcome_party")
        .unwrap()
        .clone();
    let plan = plan_with("welcome_party", &template, d(2026, 10, 24), &counter).unwrap();
    let moved = replan(&plan, d(2026, 10, 17), d(2026, 9, 1), Some(&calendar)).unwrap();
    assert_eq!(moved.event_shift_days, -7);
    // 7 working days before 17 October: 16, 15, 14, 13, 12, 10 (make-up), 9 October; it
    // was 15 October, so it moves 6 calendar days.
    let review = moved.milestones.get(4).unwrap();
    assert_eq!(review.new_window.end, d(2026, 10, 9));
    assert_eq!(review.shift_days, -6);
    // 14 working days before: 30 September before, 23 September now.
    let detailed = moved.milestones.get(3).unwrap();
    assert_eq!(detailed.new_window.end, d(2026, 9, 23));
    assert_eq!(detailed.shift_days, -7);
}

// ---------------------------------------------------------------- countdown

#[test]
fn countdown_statuses_on_a_rehearsal_day() {
    let plan = welcome_party(d(2026, 10, 24));
    let done: Vec<String> = ["select_people", "discuss_plan", "pre_production"]
        .map(String::from)
        .to_vec();
    let now = countdown(&plan, &done, d(2026, 10, 22)).unwrap();
    let statuses: Vec<(&str, MilestoneStatus, i64)> = now
        .milestones
        .iter()
        .map(|m| (m.id.as_str(), m.status, m.days_remaining))
        .collect();
    assert_eq!(
        statuses,
        [
            ("select_people", MilestoneStatus::Done, -33),
            ("discuss_plan", MilestoneStatus::Done, -26),
            ("pre_production", MilestoneStatus::Done, -19),
            ("detailed_production", MilestoneStatus::Overdue, -12),
            ("college_review", MilestoneStatus::Overdue, -5),
            ("onsite_rehearsal", MilestoneStatus::DueToday, 0),
            ("second_rehearsal", MilestoneStatus::InWindow, 1),
        ]
    );
    assert_eq!(now.next_action.as_deref(), Some("detailed_production"));
    assert_eq!(now.days_to_event, 2);
    assert_eq!(now.event_id, "welcome_party-2026-10-24");

    let early = countdown(&plan, &[], d(2026, 9, 1)).unwrap();
    assert!(
        early
            .milestones
            .iter()
            .all(|m| m.status == MilestoneStatus::Upcoming)
    );
    assert_eq!(early.next().unwrap().id, "select_people");

    let all: Vec<String> = plan.milestones.iter().map(|m| m.id.clone()).collect();
    let finished = countdown(&plan, &all, d(2026, 10, 25)).unwrap();
    assert_eq!(finished.next_action, None);
    assert_eq!(finished.days_to_event, -1);
}

#[test]
fn countdown_refuses_an_unknown_done_milestone() {
    let plan = welcome_party(d(2026, 10, 24));
    let done = vec!["select_people".to_owned(), "rehersal".to_owned()];
    let err = countdown(&plan, &done, d(2026, 10, 1)).unwrap_err();
    assert_eq!(err.code(), "schedule.unknown_milestone");
    assert_eq!(err.path(), "done[1]");
    assert!(err.message(Locale::ZhHans).contains("rehersal"));

    let events = vec![
        EventProgress {
            plan: plan.clone(),
            done: vec![],
        },
        EventProgress {
            plan,
            done: vec!["nope".into()],
        },
    ];
    let err = countdowns(&events, d(2026, 10, 1)).unwrap_err();
    assert_eq!(err.path(), "[1].done[0]");
}

#[test]
fn nothing_after_the_plan_discussion_is_done_before_its_approval() {
    // domain.md §5: the welcome party's plan is approved by the advisor "before going on".
    let plan = welcome_party(d(2026, 10, 24));
    let ids = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let today = d(2026, 10, 1);
    let err = countdown(
        &plan,
        &ids(&["select_people", "detailed_production"]),
        today,
    )
    .unwrap_err();
    assert_eq!(err.code(), "schedule.approval_pending");
    assert_eq!(err.path(), "done[1]");
    assert_eq!(
        err.message(Locale::En),
        "`detailed_production` cannot be done before `discuss_plan` is approved (by the advisor)"
    );
    assert_eq!(
        err.message(Locale::ZhHans),
        "“discuss_plan”须先经指导老师审批，才能完成“detailed_production”"
    );
    let params = err.params();
    assert_eq!(params.get("gate").map(String::as_str), Some("discuss_plan"));
    assert_eq!(params.get("role").map(String::as_str), Some("advisor"));
    // Before the gate, or with the gate done, anything may be done, in any order.
    assert!(countdown(&plan, &ids(&["select_people"]), today).is_ok());
    let approved = ids(&["second_rehearsal", "discuss_plan", "pre_production"]);
    assert!(countdown(&plan, &approved, today).is_ok());
    // The batch form says the same, at the event's index.
    let events = [EventProgress {
        plan,
        done: ids(&["onsite_rehearsal"]),
    }];
    let err = countdowns(&events, today).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("schedule.approval_pending", "[0].done[0]")
    );
}

#[test]
fn batch_countdowns_agree_with_single_ones() {
    let events: Vec<EventProgress> = (0..40)
        .map(|i| EventProgress {
            plan: welcome_party(d(2026, 9, 20) + chrono::Days::new(i)),
            done: if i % 3 == 0 {
                // (discuss_plan is approved before anything after it is done.)
                vec![
                    "select_people".into(),
                    "discuss_plan".into(),
                    "college_review".into(),
                ]
            } else {
                vec![]
            },
        })
        .collect();
    let today = d(2026, 10, 1);
    let board = countdowns(&events, today).unwrap();
    assert_eq!(board.len(), events.len());
    for (event, summary) in events.iter().zip(&board) {
        let full = countdown(&event.plan, &event.done, today).unwrap();
        let statuses: Vec<MilestoneStatus> = full.milestones.iter().map(|m| m.status).collect();
        assert_eq!(summary.statuses, statuses);
        assert_eq!(summary.days_to_event, full.days_to_event);
        let next = summary
            .next_action
            .and_then(|i| event.plan.milestones.get(i));
        assert_eq!(next.map(|m| m.id.as_str()), full.next_action.as_deref());
        assert_eq!(
            summary.next_days_remaining,
            full.next().map(|m| m.days_remaining)
        );
        let overdue = statuses
            .iter()
            .filter(|s| **s == MilestoneStatus::Overdue)
            .count();
        assert_eq!(summary.overdue, overdue);
    }
}

// ---------------------------------------------------------------- lead times

fn verdict(id: &str, anchor: NaiveDate, actual: NaiveDate) -> LeadTimeVerdict {
    SchedulePolicy::default()
        .check_lead_time(id, anchor, actual, None)
        .unwrap()
}

#[test]
fn board_plan_is_due_five_to_seven_days_before_the_issue() {
    let issue = d(2026, 10, 20);
    let on_time = verdict("board_plan", issue, d(2026, 10, 14));
    assert_eq!(on_time.outcome, LeadTimeOutcome::OnTime);
    assert_eq!(on_time.window, range(d(2026, 10, 13), d(2026, 10, 15)));
    assert_eq!(on_time.days_outside, 0);
    assert_eq!(on_time.days_from_anchor, -6);
    assert_eq!(on_time.rule.key, "schedule.lead_times.board_plan");
    assert_eq!(on_time.rule.article, "seed 000, plan I.1");

    let early = verdict("board_plan", issue, d(2026, 10, 10));
    assert_eq!(early.outcome, LeadTimeOutcome::Early);
    assert!(early.is_warning() && !early.is_failure());
    assert_eq!(early.days_outside, 3);

    let late = verdict("board_plan", issue, d(2026, 10, 18));
    assert_eq!(late.outcome, LeadTimeOutcome::Late);
    assert!(late.is_failure());
    assert_eq!(late.days_outside, 3);
    assert_eq!(
        verdict("board_plan", issue, d(2026, 10, 13)).outcome,
        LeadTimeOutcome::OnTime
    );
    assert_eq!(
        verdict("board_plan", issue, d(2026, 10, 15)).outcome,
        LeadTimeOutcome::OnTime
    );
}

#[test]
fn a_plan_is_due_three_to_four_days_after_the_notice() {
    let notice = d(2026, 11, 2);
    let v = verdict("plan_after_notice", notice, d(2026, 11, 6));
    assert_eq!(v.outcome, LeadTimeOutcome::OnTime);
    assert_eq!(v.window, range(d(2026, 11, 5), d(2026, 11, 6)));
    assert_eq!(v.days_from_anchor, 4);
    // Handing in sooner is never early.
    assert_eq!(
        verdict("plan_after_notice", notice, d(2026, 11, 3)).outcome,
        LeadTimeOutcome::OnTime
    );
    let late = verdict("plan_after_notice", notice, d(2026, 11, 7));
    assert_eq!(
        (late.outcome, late.days_outside),
        (LeadTimeOutcome::Late, 1)
    );
    assert_eq!(
        late.rule.article,
        "seed 000, Challenge Cup time schedule; plan item 7"
    );
}

#[test]
fn challenge_cup_projects_are_set_up_within_one_month() {
    let start = d(2026, 11, 5);
    let v = verdict("challenge_cup_setup", start, d(2026, 12, 5));
    assert_eq!(v.outcome, LeadTimeOutcome::OnTime);
    assert_eq!(v.window, range(start, d(2026, 12, 5)));
    let late = verdict("challenge_cup_setup", start, d(2026, 12, 8));
    assert_eq!(
        (late.outcome, late.days_outside),
        (LeadTimeOutcome::Late, 3)
    );
    // A month from 31 January ends on the last day of February.
    let v = verdict("challenge_cup_setup", d(2027, 1, 31), d(2027, 3, 1));
    assert_eq!(v.window.end, d(2027, 2, 28));
    assert_eq!(v.outcome, LeadTimeOutcome::Late);
}

#[test]
fn recruitment_finishes_before_october() {
    let start = d(2026, 9, 1);
    let v = verdict("recruitment", start, d(2026, 9, 30));
    assert_eq!(v.outcome, LeadTimeOutcome::OnTime);
    assert_eq!(v.window, range(start, d(2026, 9, 30)));
    let late = verdict("recruitment", start, d(2026, 10, 1));
    assert_eq!(
        (late.outcome, late.days_outside),
        (LeadTimeOutcome::Late, 1)
    );
    assert_eq!(late.rule.key, "schedule.lead_times.recruitment");
    // An anchor after the deadline is already late.
    let v = verdict("recruitment", d(2026, 11, 1), d(2026, 11, 1));
    assert_eq!(v.window, range(d(2026, 9, 30), d(2026, 9, 30)));
    assert_eq!(v.outcome, LeadTimeOutcome::Late);
}

#[test]
fn before_29_february_means_before_1_march_in_a_common_year() {
    let rule = LeadTimeRule {
        title: "x".into(),
        article: String::new(),
        window: LeadTimeWindow::BeforeMonthDay { month: 2, day: 29 },
    };
    let counter = DayCounter::Calendar;
    assert_eq!(
        rule.window_for(d(2027, 1, 1), &counter).unwrap().end,
        d(2027, 2, 28)
    );
    assert_eq!(
        rule.window_for(d(2028, 1, 1), &counter).unwrap().end,
        d(2028, 2, 28)
    );
}

#[test]
fn lead_times_in_working_days() {
    let calendar = national_day_2026();
    let policy = SchedulePolicy {
        day_count: DayCount::Working,
        ..SchedulePolicy::default()
    };
    // The board issues on Monday 12 October: 5 working days before is 29 September
    // (10, 9, 8 October, 30 and 29 September), 7 is Friday 25 September.
    let v = policy
        .check_lead_time(
            "board_plan",
            d(2026, 10, 12),
            d(2026, 9, 30),
            Some(&calendar),
        )
        .unwrap();
    assert_eq!(v.window, range(d(2026, 9, 25), d(2026, 9, 29)));
    assert_eq!(v.outcome, LeadTimeOutcome::Late);
    assert_eq!(v.days_outside, 1);
    assert_eq!(v.day_count, DayCount::Working);
    // Handing in on Saturday 3 October, in the holiday: the working days after the
    // deadline up to that day are 30 September alone.
    let v = policy
        .check_lead_time(
            "board_plan",
            d(2026, 10, 12),
            d(2026, 10, 3),
            Some(&calendar),
        )
        .unwrap();
    assert_eq!(v.days_outside, 1);
    let v = policy
        .check_lead_time(
            "plan_after_notice",
            d(2026, 9, 29),
            d(2026, 10, 9),
            Some(&calendar),
        )
        .unwrap();
    // 3 and 4 working days after Tuesday 29 September: 9 and 10 (make-up) October.
    assert_eq!(v.window, range(d(2026, 10, 9), d(2026, 10, 10)));
    assert_eq!(v.outcome, LeadTimeOutcome::OnTime);

    let err = policy
        .check_lead_time("board_plan", d(2026, 10, 12), d(2026, 9, 30), None)
        .unwrap_err();
    assert_eq!(err.code(), "schedule.calendar_required");
    let err = policy
        .check_lead_time("newsletter", d(2026, 10, 12), d(2026, 9, 30), None)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("schedule.unknown_lead_time", "lead_time_id")
    );
}

// ---------------------------------------------------------------- meetings

#[test]
fn weekly_meetings_skip_holidays_and_vacations() {
    let calendar = national_day_2026();
    let meetings = SchedulePolicy::default()
        .regular_meetings(&calendar)
        .unwrap();
    let first = meetings.first().unwrap();
    assert_eq!(first.id, "regular-meeting-2026-09-02");
    assert_eq!(first.start, at(d(2026, 9, 2), 19, 0));
    assert_eq!(first.end, at(d(2026, 9, 2), 20, 0));
    assert_eq!(first.rule.key, "schedule.regular_meeting");
    assert_eq!(first.rule.article, "seed 000, discipline §5");
    assert!(meetings.iter().all(|m| m.date.weekday() == Weekday::Wed));
    let dates: Vec<NaiveDate> = meetings.iter().map(|m| m.date).collect();
    assert!(!dates.contains(&d(2026, 10, 7))); // National Day
    assert!(dates.contains(&d(2026, 10, 14)));
    assert!(dates.contains(&d(2027, 1, 13)));
    assert!(
        !dates
            .iter()
            .any(|x| (d(2027, 1, 16)..=d(2027, 2, 28)).contains(x))
    );
    assert!(dates.contains(&d(2027, 3, 3)));
    assert_eq!(meetings.last().unwrap().date, d(2027, 7, 7));
    // 2 Sep 2026 to 7 Jul 2027 is 45 Wednesdays; 1 in the holiday, 6 in the vacation.
    assert_eq!(meetings.len(), 45 - 1 - 6);
    assert!(dates.windows(2).all(|w| w.first() < w.last()));
}

#[test]
fn a_meeting_on_the_terms_first_day_and_a_late_meeting_past_midnight() {
    let mut policy = SchedulePolicy::default().regular_meeting;
    policy.weekday = Weekday::Tue;
    policy.start = chrono::NaiveTime::from_hms_opt(23, 30, 0).unwrap();
    let calendar = SchoolCalendar::new(range(d(2026, 9, 1), d(2026, 9, 8)));
    let meetings = regular_meetings(&calendar, &policy).unwrap();
    let dates: Vec<NaiveDate> = meetings.iter().map(|m| m.date).collect();
    assert_eq!(dates, [d(2026, 9, 1), d(2026, 9, 8)]);
    assert_eq!(meetings.first().unwrap().end, at(d(2026, 9, 2), 0, 30));

    let last_days = SchoolCalendar::new(range(
        NaiveDate::MAX.pred_opt().unwrap().pred_opt().unwrap(),
        NaiveDate::MAX,
    ));
    policy.weekday = NaiveDate::MAX.weekday();
    let err = regular_meetings(&last_days, &policy).unwrap_err();
    assert_eq!(err.code(), "schedule.date_out_of_range");
}

// ---------------------------------------------------------------- iCalendar

fn unescape(value: &icalendar::parser::ParseString<'_>) -> String {
    value.clone().unescape_text().as_str().to_owned()
}

#[test]
fn icalendar_export_parses_back() {
    use icalendar::parser::{read_calendar, unfold};

    let plan = welcome_party(d(2026, 10, 24));
    let meetings = SchedulePolicy::default()
        .regular_meetings(&national_day_2026())
        .unwrap();
    let now = at(d(2026, 9, 1), 8, 0);
    let ics = to_icalendar(std::slice::from_ref(&plan), &meetings, now, Locale::En).unwrap();
    assert_eq!(
        ics,
        to_icalendar(std::slice::from_ref(&plan), &meetings, now, Locale::En).unwrap()
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));

    let unfolded = unfold(&ics);
    let calendar = read_calendar(&unfolded).unwrap();
    let version = calendar.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.unwrap().val.as_str(), "2.0");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1 + plan.milestones.len() + meetings.len());

    let value = |c: &icalendar::parser::Component<'_>, name: &str| {
        unescape(&c.find_prop(name).unwrap().val)
    };
    let party = events.first().unwrap();
    assert_eq!(value(party, "SUMMARY"), "Welcome party");
    assert_eq!(value(party, "UID"), "welcome_party-2026-10-24@secretariat");
    assert_eq!(value(party, "DTSTART"), "20261024");
    assert_eq!(value(party, "DTEND"), "20261025");
    assert_eq!(value(party, "DTSTAMP"), "20260901T080000Z");

    let rehearsal = events.get(6).unwrap();
    assert_eq!(
        value(rehearsal, "SUMMARY"),
        "Welcome party: On-site rehearsal"
    );
    assert_eq!(
        value(rehearsal, "UID"),
        "welcome_party-2026-10-24.onsite_rehearsal@secretariat"
    );
    let start = rehearsal.find_prop("DTSTART").unwrap();
    assert_eq!(start.val.as_str(), "20261020");
    assert!(
        start
            .params
            .iter()
            .any(|p| p.key == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE"))
    );
    assert_eq!(value(rehearsal, "DTEND"), "20261023"); // exclusive: window ends on 22 Oct
    let discuss = events.get(2).unwrap();
    let description = value(discuss, "DESCRIPTION");
    assert!(description.contains("Approval by advisor required"));
    assert!(description.contains("\nRule: schedule.templates.welcome_party.milestones[1]"));
    assert!(description.contains("Participants: advisor (college teacher), "));

    let meeting = events.get(8).unwrap();
    assert_eq!(value(meeting, "SUMMARY"), "Regular meeting");
    assert_eq!(
        value(meeting, "UID"),
        "regular-meeting-2026-09-02@secretariat"
    );
    assert_eq!(value(meeting, "DTSTART"), "20260902T190000");
    assert_eq!(value(meeting, "DTEND"), "20260902T200000");
    assert!(meeting.find_prop("DTSTART").unwrap().params.is_empty());
}

#[test]
fn long_chinese_titles_fold_without_splitting_characters() {
    let mut plan = welcome_party(d(2026, 10, 24));
    plan.title = "迎新晚会".into();
    let title = "现场彩排：检查投影仪、笔记本电脑、幻灯片与节目单，准备第二台投影仪以防万一；\
                 与文艺部核对演员名单, 路径 C:\\晚会\\素材\n第二行备注";
    plan.milestones.get_mut(5).unwrap().title = title.into();
    let ics = to_icalendar(&[plan], &[], at(d(2026, 9, 1), 8, 0), Locale::ZhHans).unwrap();
    let lines: Vec<&str> = ics.split("\r\n").collect();
    assert!(lines.iter().all(|line| line.len() <= 75));
    let folded = lines.iter().filter(|line| line.starts_with(' ')).count();
    assert!(folded >= 3, "the long title and descriptions fold");
    // Every physical line is whole UTF-8 (the split at CRLF would fail otherwise) and a
    // folded line is as long as it can be without cutting a character.
    for pair in lines.windows(2) {
        if let [line, next] = pair
            && next.starts_with(' ')
        {
            let first_char = next.chars().nth(1).unwrap();
            assert!(line.len() + first_char.len_utf8() > 75);
        }
    }

    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let rehearsal = calendar.components.get(6).unwrap();
    let summary = unescape(&rehearsal.find_prop("SUMMARY").unwrap().val);
    assert_eq!(summary, format!("迎新晚会: {title}"));
    let description = unescape(&rehearsal.find_prop("DESCRIPTION").unwrap().val);
    assert!(description.starts_with("参与者：advisor (college teacher)、"));
    assert!(description.contains("依据：schedule.templates.welcome_party.milestones[5]"));
}

#[test]
fn text_escaping_follows_rfc_5545() {
    assert_eq!(
        ical::escape_text("a\\b;c,d\ne\r\nf\u{7}g\th"),
        "a\\\\b\\;c\\,d\\ne\\nfg\th"
    );
}

#[test]
fn icalendar_refuses_years_it_cannot_write() {
    let mut plan = welcome_party(d(2026, 10, 24));
    plan.milestones.get_mut(2).unwrap().window = range(d(10_000, 1, 1), d(10_000, 1, 2));
    let err = to_icalendar(&[plan], &[], at(d(2026, 9, 1), 8, 0), Locale::En).unwrap_err();
    assert_eq!(err.code(), "schedule.ical_date_out_of_range");
    assert_eq!(err.path(), "plans[0].milestones[2].window");
    let plan = welcome_party(d(2026, 10, 24));
    let err = to_icalendar(&[plan], &[], at(d(-5, 1, 1), 0, 0), Locale::En).unwrap_err();
    assert_eq!(err.path(), "now");
}

// ---------------------------------------------------------------- diagnostics

#[test]
fn every_error_has_a_code_a_path_and_two_languages() {
    let date = d(2026, 10, 24);
    let errors = [
        ScheduleErrorKind::UnknownTemplate { id: "x".into() }.at("template_id"),
        ScheduleErrorKind::UnknownLeadTime { id: "x".into() }.at("lead_time_id"),
        ScheduleErrorKind::CalendarRequired.at("calendar"),
        ScheduleErrorKind::DateOutOfRange { date, days: -35 }.at("event_date"),
        ScheduleErrorKind::UnknownMilestone { id: "x".into() }.at("done[0]"),
        ScheduleErrorKind::invalid_template("title_empty", []).at("template.title"),
        ScheduleErrorKind::IcalDateOutOfRange { date }.at("now"),
    ];
    let mut codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), errors.len());
    for e in &errors {
        assert!(e.code().starts_with("schedule."));
        assert!(!e.path().is_empty());
        let en = e.message(Locale::En);
        let zh = e.message(Locale::ZhHans);
        assert_eq!(en, e.to_string());
        assert_ne!(en, zh);
        // The path travels beside the message, never inside it.
        assert!(!en.starts_with(e.path()) && !zh.starts_with(e.path()));
        let issue = crate::Error::from(e.clone()).issue(Locale::ZhHans);
        assert_eq!(issue.code, e.code());
    }
    let params = errors.get(3).unwrap().params();
    assert_eq!(params.get("days").map(String::as_str), Some("-35"));
    assert_eq!(params.get("date").map(String::as_str), Some("2026-10-24"));
}

// ---------------------------------------------------------------- properties

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..150_000).prop_map(|n| d(1900, 1, 1) + chrono::Days::new(n.unsigned_abs()))
}

fn any_template() -> impl Strategy<Value = MilestoneTemplate> {
    proptest::collection::vec((0i32..400, 0i32..30), 1..10).prop_map(|offsets| {
        let mut starts: Vec<(i32, i32)> = offsets;
        starts.sort_by_key(|&(earliest, _)| std::cmp::Reverse(earliest));
        MilestoneTemplate {
            title: "Activity".into(),
            article: "test".into(),
            milestones: starts
                .into_iter()
                .enumerate()
                .map(|(i, (earliest, length))| TemplateMilestone {
                    id: format!("m{i}"),
                    title: format!("Step {i}"),
                    participants: vec![],
                    note: String::new(),
                    earliest_days_before: earliest - 30,
                    latest_days_before: earliest - 30 - length,
                    approval: None,
                })
                .collect(),
        }
    })
}

proptest! {
    #[test]
    fn milestones_stay_ordered_in_both_counts(
        template in any_template(),
        date in any_date(),
        working in any::<bool>(),
    ) {
        let calendar = national_day_2026();
        let count = if working { DayCount::Working } else { DayCount::Calendar };
        let plan = plan("activity", &template, date, Some(&calendar), count).unwrap();
        for pair in plan.milestones.windows(2) {
            if let [a, b] = pair {
                prop_assert!(a.window.start <= b.window.start);
            }
        }
        for m in &plan.milestones {
            prop_assert!(m.window.start <= m.window.end);
            prop_assert_eq!(m.window.start <= date, m.earliest_days_before >= 0);
        }
    }

    #[test]
    fn calendar_plans_move_exactly_with_the_event(
        template in any_template(),
        date in any_date(),
        shift in -400i64..400,
        today in any_date(),
    ) {
        let first = plan("activity", &template, date, None, DayCount::Calendar).unwrap();
        let moved_date = date + chrono::TimeDelta::days(shift);
        let moved = replan(&first, moved_date, today, None).unwrap();
        prop_assert_eq!(moved.event_shift_days, shift);
        for (old, new) in first.milestones.iter().zip(&moved.plan.milestones) {
            prop_assert_eq!(new.window.start - old.window.start, chrono::TimeDelta::days(shift));
            prop_assert_eq!(new.window.end - old.window.end, chrono::TimeDelta::days(shift));
        }
        prop_assert!(moved.milestones.iter().all(|m| m.shift_days == shift));
        let fresh = plan("activity", &template, moved_date, None, DayCount::Calendar).unwrap();
        prop_assert_eq!(moved.plan.milestones, fresh.milestones);
        for m in &moved.milestones {
            let expected = if m.new_window.end < today {
                &moved.past
            } else if m.new_window.start < today {
                &moved.compressed
            } else {
                continue;
            };
            prop_assert!(expected.contains(&m.id));
        }
    }

    #[test]
    fn countdown_statuses_agree_with_the_dates(
        template in any_template(),
        date in any_date(),
        today_offset in -500i64..100,
        done_mask in any::<u16>(),
    ) {
        let plan = plan("activity", &template, date, None, DayCount::Calendar).unwrap();
        let today = date + chrono::TimeDelta::days(today_offset);
        let done: Vec<String> = plan
            .milestones
            .iter()
            .enumerate()
            .filter(|(i, _)| done_mask & (1 << i) != 0)
            .map(|(_, m)| m.id.clone())
            .collect();
        let now = countdown(&plan, &done, today).unwrap();
        for m in &now.milestones {
            prop_assert_eq!(m.days_remaining, (m.window.end - today).num_days());
            let expected = if done.contains(&m.id) {
                MilestoneStatus::Done
            } else if today < m.window.start {
                MilestoneStatus::Upcoming
            } else if today == m.window.end {
                MilestoneStatus::DueToday
            } else if today > m.window.end {
                MilestoneStatus::Overdue
            } else {
                MilestoneStatus::InWindow
            };
            prop_assert_eq!(m.status, expected);
            if m.status == MilestoneStatus::Overdue {
                prop_assert!(m.days_remaining < 0);
            }
        }
        let open: Vec<&MilestoneCountdown> =
            now.milestones.iter().filter(|m| m.status != MilestoneStatus::Done).collect();
        match now.next() {
            None => prop_assert!(open.is_empty()),
            Some(next) => {
                prop_assert!(next.status != MilestoneStatus::Done);
                prop_assert!(open.iter().all(|m| next.window.end <= m.window.end));
            }
        }
    }
}
