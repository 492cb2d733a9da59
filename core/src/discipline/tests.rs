use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::attendance::{Standing, StandingStatus};
use crate::diagnostic::{Diagnostic, Locale};
use crate::report::TermData;
use crate::rulebook::Rulebook;

fn day(m: u32, d: u32) -> NaiveDate {
    let y = if m >= 9 { 2002 } else { 2003 };
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn policy(name: &str) -> Rulebook {
    let (_, text) = EXAMPLE_POLICIES.iter().find(|(n, _)| *n == name).unwrap();
    Rulebook::from_toml_str(text).unwrap()
}

/// Members a, b, c; events `(id, kind, "MM-DD")` at 19:00-20:00; marks `(member, event,
/// mark or "+N" minutes late)`.
fn term(events: &[(&str, &str, &str)], marks: &[(&str, &str, &str)]) -> TermData {
    let members: Vec<Value> = ["a", "b", "c"]
        .iter()
        .map(|id| {
            json!({"id": id, "name": id, "grade": "02", "department": "S&T",
                   "role": "officer", "status": "active"})
        })
        .collect();
    let date_of = |md: &str| {
        let m: u32 = md[..2].parse().unwrap();
        let d: u32 = md[3..].parse().unwrap();
        day(m, d)
    };
    let events: Vec<Value> = events
        .iter()
        .map(|(id, kind, md)| {
            let d = date_of(md);
            json!({"id": id, "kind": kind, "title": id,
                   "start": format!("{d}T19:00:00"), "end": format!("{d}T20:00:00")})
        })
        .collect();
    let start_of = |event: &str| {
        events
            .iter()
            .find(|e| e["id"] == event)
            .and_then(|e| e["start"].as_str())
            .unwrap()
            .to_owned()
    };
    let marks: Vec<Value> = marks
        .iter()
        .map(|(member, event, mark)| match mark.strip_prefix('+') {
            Some(late) => {
                let start = start_of(event);
                let minute: u32 = late.parse().unwrap();
                json!({"member": member, "event": event,
                       "sign_in": format!("{}T19:{minute:02}:00", &start[..10])})
            }
            None => json!({"member": member, "event": event, "mark": mark}),
        })
        .collect();
    crate::input::from_json_value(json!({
        "title": "t",
        "calendar": {"term": {"start": "2002-09-02", "end": "2003-07-04"},
                     "semesters": [{"name": "Autumn", "start": "2002-09-02", "end": "2003-01-17"},
                                   {"name": "Spring", "start": "2003-02-17", "end": "2003-07-04"}]},
        "members": members, "events": events, "marks": marks
    }))
    .unwrap()
}

fn standings(rb: &Rulebook, data: &TermData, today: NaiveDate) -> Vec<Standing> {
    crate::report::term_report(rb, data, today)
        .unwrap()
        .standings
}

fn meetings(n: usize) -> Vec<(String, &'static str, String)> {
    (0..n)
        .map(|i| {
            let d = day(9, 4) + chrono::Days::new(7 * i as u64);
            (
                format!("meet-{i}"),
                "regular_meeting",
                d.format("%m-%d").to_string(),
            )
        })
        .collect()
}

fn as_refs<'a>(v: &'a [(String, &'static str, String)]) -> Vec<(&'a str, &'a str, &'a str)> {
    v.iter()
        .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
        .collect()
}

#[test]
fn every_example_policy_loads_and_validates() {
    for (name, text) in EXAMPLE_POLICIES {
        let rb = Rulebook::from_toml_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(rb.discipline.is_some(), "{name}");
        assert!(rb.validate().is_ok(), "{name}");
        // Round trip through TOML keeps the policy.
        let again = Rulebook::from_toml_str(&rb.to_toml_string().unwrap()).unwrap();
        assert_eq!(again, rb, "{name}");
    }
}

#[test]
fn the_seed_written_as_a_table_gives_the_default_verdicts_on_the_sample() {
    let data = TermData::sample();
    for today in [day(9, 30), day(10, 19), day(12, 1)] {
        let a = standings(&Rulebook::default(), &data, today);
        let b = standings(&policy("seed.toml"), &data, today);
        let sa: Vec<_> = a.iter().map(|s| (s.status, s.sanction.clone())).collect();
        let sb: Vec<_> = b.iter().map(|s| (s.status, s.sanction.clone())).collect();
        assert_eq!(sa, sb, "{today}");
    }
}

#[test]
fn the_default_trace_cites_the_attendance_keys() {
    let ev = meetings(2);
    let data = term(
        &as_refs(&ev),
        &[("a", "meet-0", "late"), ("a", "meet-1", "late")],
    );
    let s = &standings(&Rulebook::default(), &data, day(9, 30))[0];
    assert_eq!(s.status, StandingStatus::Expelled);
    let keys: Vec<&str> = s.trace.iter().map(|t| t.rule().key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "attendance.counted_kinds",
            "attendance.counted_kinds",
            "attendance.lateness_limit",
            "attendance.warning_margin",
            "attendance.lateness_limit"
        ]
    );
    assert_eq!(s.sanction.as_ref().map(|x| x.id.as_str()), Some("expelled"));
}

#[test]
fn late_by_more_than_roll_call_is_its_own_offence_and_exactly_n_minutes_is_not() {
    let ev = meetings(2);
    let rb = policy("points.toml");
    let data = term(
        &as_refs(&ev),
        &[("a", "meet-0", "+15"), ("b", "meet-0", "+16")],
    );
    let s = standings(&rb, &data, day(9, 30));
    let offence = |s: &Standing| {
        s.trace.iter().find_map(|t| match t {
            TraceStep::Offence {
                offence, minutes, ..
            } => Some((offence.clone(), *minutes)),
            _ => None,
        })
    };
    assert_eq!(offence(&s[0]), Some(("late".into(), Some(15))));
    assert_eq!(
        offence(&s[1]),
        Some(("late_after_roll_call".into(), Some(16)))
    );
    // 100 - 2 and 100 - 5 (no meeting attended: no bonus).
    assert_eq!(s[0].points, Some(98));
    assert_eq!(s[1].points, Some(95));
}

#[test]
fn three_lates_make_one_absence_and_late_and_early_at_one_event_count_once() {
    let ev = meetings(4);
    let rb = policy("conversions.toml");
    let data = term(
        &as_refs(&ev),
        &[
            ("a", "meet-0", "late"),
            ("a", "meet-1", "late"),
            ("b", "meet-0", "late"),
            ("b", "meet-1", "late"),
            ("b", "meet-2", "late_and_left_early"),
        ],
    );
    let s = standings(&rb, &data, day(9, 30));
    assert_eq!(s[0].status, StandingStatus::Good);
    assert_eq!(s[1].status, StandingStatus::Warning);
    assert_eq!(
        s[1].sanction.as_ref().map(|x| x.id.as_str()),
        Some("oral_warning")
    );
    assert!(s[1].trace.iter().any(|t| matches!(t,
        TraceStep::Conversion { from, to, made: 1, .. } if from == "late" && to == "absence")));
    // No early-leave offence: the late arrival at meet-2 counted once.
    assert!(!s[1].trace.iter().any(|t| matches!(t,
        TraceStep::Offence { offence, .. } if offence == "left_early")));
    assert_eq!(
        s[1].next_sanction
            .as_ref()
            .map(|n| (n.sanction.as_str(), n.remaining)),
        Some(("notice_of_criticism", 1))
    );
}

#[test]
fn a_persistent_sanction_stays_after_its_window_until_a_decision_lifts_it() {
    let ev = meetings(6);
    let rb = policy("leave_quota.toml");
    let mut data = term(
        &as_refs(&ev),
        &[("a", "meet-0", "absent"), ("a", "meet-1", "absent")],
    );
    let held = &standings(&rb, &data, day(12, 1))[0];
    assert_eq!(held.status, StandingStatus::Expelled);
    assert_eq!(
        held.sanction.as_ref().map(|s| s.id.as_str()),
        Some("deemed_to_have_quit")
    );
    data.sanction_decisions.push(SanctionDecision {
        member: "a".into(),
        sanction: "deemed_to_have_quit".into(),
        decision: "reinstatement_vote".into(),
        date: day(10, 1),
    });
    let lifted = &standings(&rb, &data, day(12, 1))[0];
    assert_eq!(lifted.status, StandingStatus::Good);
    assert!(matches!(
        lifted.trace.first(),
        Some(TraceStep::Decision { .. })
    ));

    data.sanction_decisions[0].decision = "applause".into();
    let err = crate::report::term_report(&rb, &data, day(12, 1)).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("rulebook.inconsistent", "sanction_decisions[0].decision")
    );
}

#[test]
fn consecutive_months_find_the_worst_run_and_absences_suspend() {
    let rb = policy("suspension_ladder.toml");
    let ev = [
        ("s1", "regular_meeting", "09-04"),
        ("s2", "regular_meeting", "09-11"),
        ("s3", "duty_shift", "10-02"),
        ("s4", "regular_meeting", "10-09"),
    ];
    let data = term(
        &ev,
        &[
            ("a", "s1", "absent"),
            ("a", "s2", "+11"),
            ("a", "s3", "absent"),
            ("a", "s4", "late"),
        ],
    );
    let s = &standings(&rb, &data, day(12, 20))[0];
    let counter = |id: &str| {
        s.trace.iter().find_map(|t| match t {
            TraceStep::Counter { counter, count, .. } if counter == id => Some(*count),
            _ => None,
        })
    };
    assert_eq!(counter("month"), None, "nothing in the last month");
    assert_eq!(counter("two_months"), Some(4));
    assert_eq!(counter("absences"), Some(3));
    assert_eq!(
        s.sanction.as_ref().map(|x| x.id.as_str()),
        Some("suspension_pending_review")
    );
    assert_eq!(s.status, StandingStatus::Warning);
}

#[test]
fn a_persistent_sanction_outlives_a_rolling_window() {
    let rb = Rulebook::from_toml_str(
        "[discipline]\narticle = \"x\"\noffences = [{offence = \"absence\", mark = \"absent\"}]\n\
         [discipline.counters.recent]\noffences = [\"absence\"]\nwindow = {rolling_days = 14}\n\
         [[discipline.sanctions]]\nid = \"suspended\"\nname = {en = \"suspended\"}\n\
         status = \"warning\"\npersists = true\nwhen = [{counter = \"recent\", at_least = 2}]\n",
    )
    .unwrap();
    let ev = meetings(2);
    let data = term(
        &as_refs(&ev),
        &[("a", "meet-0", "absent"), ("a", "meet-1", "absent")],
    );
    let now = &standings(&rb, &data, day(9, 12))[0];
    assert_eq!(now.sanction.as_ref().and_then(|s| s.since), None);
    let later = &standings(&rb, &data, day(10, 30))[0];
    assert!(
        !later
            .trace
            .iter()
            .any(|t| matches!(t, TraceStep::Counter { .. }))
    );
    assert_eq!(later.status, StandingStatus::Warning);
    assert_eq!(
        later.sanction.as_ref().and_then(|s| s.since),
        Some(day(9, 11))
    );
}

#[test]
fn a_broken_policy_is_refused_with_the_key_path() {
    let cases = [
        (
            "[discipline]\narticle = \"x\"\noffences = []\nsanctions = []\n",
            "discipline.sanctions",
        ),
        (
            "[discipline]\narticle = \"x\"\noffences = [{offence = \"late\", mark = \"late\"}]\n\
             [[discipline.sanctions]]\nid = \"w\"\nname = {en = \"w\"}\nstatus = \"warning\"\n\
             when = [{counter = \"nope\", at_least = 1}]\n",
            "discipline.sanctions[0].when[0].counter",
        ),
        (
            "[discipline]\narticle = \"x\"\noffences = [{offence = \"late\", mark = \"absent\", over_minutes = 5}]\n\
             [[discipline.sanctions]]\nid = \"w\"\nname = {en = \"w\"}\nstatus = \"warning\"\n\
             when = [{points_at_most = 1}]\n",
            "discipline.offences[0].over_minutes",
        ),
        (
            "[discipline]\narticle = \"x\"\noffences = [{offence = \"late\", mark = \"late\"}]\n\
             [discipline.counters.c]\noffences = [\"lat\"]\nwindow = \"term\"\n\
             [[discipline.sanctions]]\nid = \"w\"\nname = {en = \"w\"}\nstatus = \"warning\"\n\
             when = [{counter = \"c\", at_least = 1}]\n",
            "discipline.counters.c.offences[0]",
        ),
    ];
    for (text, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!(err.code(), "rulebook.inconsistent", "{path}");
        assert_eq!(err.path(), path);
        assert!(!err.message(Locale::ZhHans).is_empty());
    }
}

#[test]
fn compare_lists_every_changed_verdict_with_the_first_differing_step() {
    let ev = meetings(3);
    let data = term(
        &as_refs(&ev),
        &[
            ("a", "meet-0", "late"),
            ("a", "meet-1", "late"),
            ("b", "meet-0", "late"),
        ],
    );
    let diff = compare(
        &data,
        &Rulebook::default(),
        &policy("conversions.toml"),
        day(9, 30),
    )
    .unwrap();
    let ids: Vec<&str> = diff.changes.iter().map(|c| c.member.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(diff.changes[0].old.status, StandingStatus::Expelled);
    assert_eq!(diff.changes[0].new.status, StandingStatus::Good);
    assert_eq!(diff.changes[0].first_difference, 0);
    let same = compare(
        &data,
        &Rulebook::default(),
        &policy("seed.toml"),
        day(9, 30),
    )
    .unwrap();
    assert!(same.changes.is_empty());
}

#[test]
fn display_names_follow_the_locale_and_fall_back_to_english() {
    let rb = policy("suspension_ladder.toml");
    let s = &rb.discipline.unwrap().sanctions[3];
    assert_eq!(display_name(&s.name, Locale::ZhHans), "停职查看");
    assert_eq!(
        display_name(&s.name, Locale::En),
        "suspension pending review"
    );
}

const KINDS: [&str; 3] = ["regular_meeting", "duty_shift", "group_activity"];
const MARKS: [&str; 8] = [
    "present",
    "late",
    "left_early",
    "late_and_left_early",
    "absent",
    "+5",
    "+12",
    "+20",
];

type Events = Vec<(String, &'static str, String)>;
type Marks = Vec<(usize, usize, usize)>;

fn arb_term() -> impl Strategy<Value = (Events, Marks)> {
    (
        proptest::collection::vec(0usize..3, 6..12),
        proptest::collection::vec((0usize..3, 0usize..12, 0usize..8), 0..24),
    )
        .prop_map(|(kinds, marks)| {
            let events: Vec<_> = kinds
                .iter()
                .enumerate()
                .map(|(i, &k)| {
                    let d = day(9, 3) + chrono::Days::new(11 * i as u64);
                    (format!("e{i}"), KINDS[k], d.format("%m-%d").to_string())
                })
                .collect();
            let n = events.len();
            let mut seen = std::collections::BTreeSet::new();
            let marks = marks
                .into_iter()
                .map(|(m, e, k)| (m, e % n, k))
                .filter(|(m, e, _)| seen.insert((*m, *e)))
                .collect();
            (events, marks)
        })
}

fn build(events: &[(String, &'static str, String)], marks: &[(usize, usize, usize)]) -> TermData {
    let ids = ["a", "b", "c"];
    let marks: Vec<(&str, &str, &str)> = marks
        .iter()
        .map(|&(m, e, k)| (ids[m], events[e].0.as_str(), MARKS[k]))
        .collect();
    term(&as_refs(events), &marks)
}

fn verdicts(
    rb: &Rulebook,
    data: &TermData,
    today: NaiveDate,
) -> Vec<(StandingStatus, Option<String>, Option<i32>)> {
    standings(rb, data, today)
        .into_iter()
        .map(|s| (s.status, s.sanction.map(|x| x.id), s.points))
        .collect()
}

/// How bad a verdict is: status, then rung, then points lost.
fn severity(
    rb: &Rulebook,
    v: &(StandingStatus, Option<String>, Option<i32>),
) -> (StandingStatus, usize, i64) {
    let rung = rb
        .discipline
        .as_ref()
        .and_then(|d| {
            v.1.as_ref()
                .and_then(|id| d.sanctions.iter().position(|s| &s.id == id))
        })
        .map_or(0, |i| i + 1);
    (v.0, rung, -i64::from(v.2.unwrap_or(0)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_engine_agrees_with_the_seed_counters((events, marks) in arb_term(), t in 0u64..136) {
        let data = build(&events, &marks);
        let today = day(9, 3) + chrono::Days::new(t);
        let a = standings(&Rulebook::default(), &data, today);
        let b = standings(&policy("seed.toml"), &data, today);
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(x.status, y.status);
            prop_assert_eq!(&x.sanction, &y.sanction);
        }
    }

    #[test]
    fn one_more_offence_never_improves_a_standing(
        (events, marks) in arb_term(), member in 0usize..3, kind in 1usize..8, t in 0u64..136,
    ) {
        let data = build(&events, &marks);
        let free = (0..events.len()).find(|e| !marks.iter().any(|m| m.0 == member && m.1 == *e));
        prop_assume!(free.is_some());
        let mut more = marks.clone();
        more.push((member, free.unwrap_or(0), kind));
        let worse = build(&events, &more);
        let today = day(9, 3) + chrono::Days::new(t);
        for (name, _) in EXAMPLE_POLICIES {
            let rb = policy(name);
            let before = verdicts(&rb, &data, today);
            let after = verdicts(&rb, &worse, today);
            for (b, a) in before.iter().zip(&after) {
                prop_assert!(severity(&rb, a) >= severity(&rb, b), "{}: {:?} -> {:?}", name, b, a);
            }
        }
    }

    #[test]
    fn records_in_any_order_give_the_same_standing((events, marks) in arb_term(), t in 0u64..136) {
        let data = build(&events, &marks);
        let mut reversed = data.clone();
        reversed.marks.reverse();
        let today = day(9, 3) + chrono::Days::new(t);
        for (name, _) in EXAMPLE_POLICIES {
            let rb = policy(name);
            prop_assert_eq!(standings(&rb, &data, today), standings(&rb, &reversed, today));
        }
    }
}

#[test]
fn a_record_one_day_outside_a_rolling_window_changes_nothing() {
    // leave_quota: lateness over the last 30 days, today included.
    let rb = policy("leave_quota.toml");
    let ev = [
        ("e0", "regular_meeting", "09-04"),
        ("e1", "regular_meeting", "09-05"),
        ("e2", "regular_meeting", "10-03"),
    ];
    let today = day(10, 4); // the window is 09-05..=10-04
    let inside = term(&ev, &[("a", "e1", "late"), ("a", "e2", "late")]);
    let outside = term(&ev, &[("a", "e0", "late"), ("a", "e2", "late")]);
    let none = term(&ev, &[("a", "e2", "late")]);
    assert_eq!(
        standings(&rb, &inside, today)[0].status,
        StandingStatus::Warning
    );
    assert_eq!(verdicts(&rb, &outside, today), verdicts(&rb, &none, today));
}
