use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use super::*;
use crate::calendar::{DateRange, SchoolCalendar};
use crate::diagnostic::{Diagnostic, Locale};
use crate::members::{Grade, Member, MemberStatus, Role};
use crate::rulebook::Rulebook;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2002, m, d).unwrap()
}

fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(m, d).and_hms_opt(h, min, 0).unwrap()
}

fn member(id: &str, dept: &str, role: Role) -> Member {
    Member {
        id: id.into(),
        name: format!("Member {id}"),
        grade: Grade::parse("02").unwrap(),
        department: Department(dept.into()),
        role,
        skills: vec![],
        status: MemberStatus::Active,
    }
}

fn calendar() -> SchoolCalendar {
    crate::input::from_json_str(
        r#"{"term": {"start": "2002-09-02", "end": "2003-07-04"},
            "semesters": [{"name": "Autumn", "start": "2002-09-02", "end": "2003-01-17"}]}"#,
    )
    .unwrap()
}

fn event(id: &str, kind: EventKind, m: u32, d: u32, leader: Option<&str>) -> Event {
    Event {
        id: id.into(),
        kind,
        title: id.into(),
        start: at(m, d, 19, 0),
        end: at(m, d, 20, 0),
        project_leader: leader.map(MemberId::from),
        department: None,
    }
}

/// Five members of one department, four weekly meetings, a duty shift, and an activity led
/// by m4.
fn register() -> AttendanceRegister {
    let roster = Roster::new(vec![
        member("head", "S&T", Role::DepartmentHead),
        member("m1", "S&T", Role::Officer),
        member("m2", "S&T", Role::Officer),
        member("m3", "S&T", Role::Officer),
        member("m4", "S&T", Role::Officer),
        member("other_head", "Secretariat", Role::DepartmentHead),
    ])
    .unwrap();
    let events = vec![
        event("meet-1", EventKind::RegularMeeting, 9, 4, None),
        event("meet-2", EventKind::RegularMeeting, 9, 11, None),
        event("meet-3", EventKind::RegularMeeting, 9, 18, None),
        event("meet-4", EventKind::RegularMeeting, 9, 25, None),
        event("duty-1", EventKind::DutyShift, 9, 9, None),
        event("party", EventKind::GroupActivity, 10, 26, Some("m4")),
    ];
    AttendanceRegister::new(roster, events).unwrap()
}

fn rb() -> Rulebook {
    Rulebook::default()
}

fn standing(reg: &AttendanceRegister, id: &str, today: NaiveDate) -> Standing {
    reg.standing_of(&rb(), &calendar(), &id.into(), today)
        .unwrap()
}

fn mark(reg: &mut AttendanceRegister, who: &str, event: &str, m: Mark) {
    reg.record_marks(&rb().attendance, &[MarkRecord::direct(who, event, m)])
        .unwrap();
}

fn leave(who: &str, event: &str, sub: Option<&str>, approver: &str) -> LeaveRequest {
    LeaveRequest {
        member: who.into(),
        event: event.into(),
        reason: "exam".into(),
        substitute: sub.map(MemberId::from),
        approver: approver.into(),
        requested_at: at(9, 1, 12, 0),
    }
}

// --- seed 000, discipline §2 ---

#[test]
fn two_late_arrivals_expel() {
    let mut reg = register();
    mark(&mut reg, "m1", "meet-1", Mark::Late);
    let s = standing(&reg, "m1", date(9, 30));
    assert_eq!(s.status, StandingStatus::Warning);
    assert_eq!(
        s.next_consequence.unwrap().describe(Locale::En),
        "one more late arrival or early leave expels"
    );
    mark(&mut reg, "m1", "meet-2", Mark::Late);
    let s = standing(&reg, "m1", date(9, 30));
    assert_eq!(s.status, StandingStatus::Expelled);
    assert_eq!(s.counts.lateness, 2);
    let reason = &s.reasons[0];
    assert_eq!(reason.rule.key, "attendance.lateness_limit");
    assert_eq!(reason.rule.article, "seed 000, discipline §2");
    assert_eq!((reason.count, reason.limit), (2, 2));
    let events: Vec<&str> = reason.records.iter().map(|r| r.event.as_str()).collect();
    assert_eq!(events, ["meet-1", "meet-2"]);
    assert!(s.next_consequence.is_none());
}

#[test]
fn late_and_early_leave_share_one_counter() {
    let mut reg = register();
    mark(&mut reg, "m1", "meet-1", Mark::Late);
    mark(&mut reg, "m1", "meet-2", Mark::LeftEarly);
    let s = standing(&reg, "m1", date(9, 30));
    assert_eq!((s.counts.late, s.counts.left_early), (1, 1));
    assert_eq!(s.status, StandingStatus::Expelled);
}

#[test]
fn late_and_left_early_at_one_event_counts_twice() {
    let mut reg = register();
    mark(&mut reg, "m1", "meet-1", Mark::LateAndLeftEarly);
    assert_eq!(
        standing(&reg, "m1", date(9, 30)).status,
        StandingStatus::Expelled
    );
}

#[test]
fn one_unexcused_absence_from_a_regular_meeting_expels() {
    let mut reg = register();
    mark(&mut reg, "m2", "meet-3", Mark::Absent);
    let s = standing(&reg, "m2", date(9, 30));
    assert_eq!(s.status, StandingStatus::Expelled);
    assert_eq!(s.reasons[0].rule.key, "attendance.absence_limit");
    assert_eq!(s.reasons[0].records[0].event.as_str(), "meet-3");
}

#[test]
fn absence_from_a_duty_shift_does_not_count_as_a_group_activity() {
    let mut reg = register();
    mark(&mut reg, "m2", "duty-1", Mark::Absent);
    let s = standing(&reg, "m2", date(9, 30));
    assert_eq!(s.status, StandingStatus::Good);
    assert_eq!(s.counts.absences, 0);
}

#[test]
fn a_clean_record_is_good_and_says_what_would_expel() {
    let mut reg = register();
    mark(&mut reg, "m3", "meet-1", Mark::Present);
    let s = standing(&reg, "m3", date(9, 30));
    assert_eq!(s.status, StandingStatus::Good);
    assert!(s.reasons.is_empty());
    let next = s.next_consequence.unwrap();
    assert_eq!((next.counter, next.remaining), (Counter::Absence, 1));
}

#[test]
fn marks_after_today_or_outside_the_window_do_not_count() {
    let mut reg = register();
    mark(&mut reg, "m1", "meet-4", Mark::Absent);
    assert_eq!(
        standing(&reg, "m1", date(9, 24)).status,
        StandingStatus::Good
    );
    assert_eq!(
        standing(&reg, "m1", date(9, 25)).status,
        StandingStatus::Expelled
    );
    // A rolling window of 7 days no longer sees the absence two weeks later.
    let rolling = Rulebook::from_toml_str("[attendance]\nwindow = { rolling_days = 7 }").unwrap();
    let s = reg
        .standing_of(&rolling, &calendar(), &"m1".into(), date(10, 9))
        .unwrap();
    assert_eq!(s.status, StandingStatus::Good);
    assert_eq!(s.window, DateRange::new(date(10, 3), date(10, 9)));
}

#[test]
fn grace_period_comes_from_the_rulebook() {
    let lenient = Rulebook::from_toml_str("[attendance]\ngrace_minutes = 5").unwrap();
    let mut reg = register();
    let rec = MarkRecord {
        member: "m1".into(),
        event: "meet-1".into(),
        mark: None,
        sign_in: Some(at(9, 4, 19, 4)),
        sign_out: Some(at(9, 4, 20, 0)),
    };
    reg.record_marks(&lenient.attendance, std::slice::from_ref(&rec))
        .unwrap();
    assert_eq!(standing(&reg, "m1", date(9, 30)).counts.lateness, 0);
    let mut strict = register();
    strict.record_marks(&rb().attendance, &[rec]).unwrap();
    assert_eq!(standing(&strict, "m1", date(9, 30)).counts.late, 1);
}

// --- seed 000, discipline §3 ---

#[test]
fn leave_without_a_substitute_is_refused() {
    let mut reg = register();
    let before = reg.clone();
    let err = reg
        .grant_leave(&rb(), &leave("m1", "meet-2", None, "head"))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("leave.no_substitute", "substitute")
    );
    assert!(err.message(Locale::ZhHans).contains("替班"));
    assert_eq!(reg, before);
}

#[test]
fn approved_leave_excuses_the_absence() {
    let mut reg = register();
    let grant = reg
        .grant_leave(&rb(), &leave("m1", "meet-2", Some("m2"), "head"))
        .unwrap();
    assert_eq!(grant.approved_as, Role::DepartmentHead);
    mark(&mut reg, "m1", "meet-2", Mark::Absent);
    let s = standing(&reg, "m1", date(9, 30));
    assert_eq!(s.status, StandingStatus::Good);
    assert_eq!((s.counts.absences, s.counts.excused), (0, 1));
}

#[test]
fn an_excused_mark_needs_approved_leave() {
    let mut reg = register();
    let err = reg
        .record_marks(
            &rb().attendance,
            &[MarkRecord::direct("m1", "meet-2", Mark::Excused)],
        )
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("attendance.excused_without_leave", "marks[0].mark")
    );
}

#[test]
fn each_leave_refusal_has_its_own_code() {
    let mut reg = register();
    reg.grant_leave(&rb(), &leave("m2", "meet-2", Some("m3"), "head"))
        .unwrap();
    let cases: Vec<(LeaveRequest, &str, &str)> = vec![
        (
            leave("m1", "meet-2", Some("m1"), "head"),
            "leave.substitute_is_requester",
            "substitute",
        ),
        (
            leave("m1", "meet-2", Some("m2"), "head"),
            "leave.substitute_on_leave",
            "substitute",
        ),
        (
            leave("m3", "meet-2", Some("m1"), "head"),
            "leave.requester_is_substitute",
            "member",
        ),
        (
            leave("m2", "meet-2", Some("m4"), "head"),
            "leave.already_granted",
            "event",
        ),
        (
            leave("m1", "meet-2", Some("ghost"), "head"),
            "member.unknown",
            "substitute",
        ),
        (
            leave("m1", "nope", Some("m3"), "head"),
            "attendance.unknown_event",
            "event",
        ),
        (
            leave("m1", "meet-2", Some("m3"), "m4"),
            "authority.not_permitted",
            "approver",
        ),
        (
            leave("m1", "meet-2", Some("m3"), "other_head"),
            "authority.not_permitted",
            "approver",
        ),
        (
            leave("m1", "party", Some("m3"), "head"),
            "leave.wrong_approver",
            "approver",
        ),
        (
            leave("head", "meet-2", Some("m3"), "head"),
            "leave.self_approval",
            "approver",
        ),
        (
            LeaveRequest {
                reason: "  ".into(),
                ..leave("m1", "meet-2", Some("m3"), "head")
            },
            "leave.no_reason",
            "reason",
        ),
        (
            LeaveRequest {
                requested_at: at(9, 11, 19, 1),
                ..leave("m1", "meet-2", Some("m3"), "head")
            },
            "leave.too_late",
            "requested_at",
        ),
    ];
    for (request, code, path) in cases {
        let before = reg.clone();
        let err = reg.grant_leave(&rb(), &request).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{request:?}");
        assert_eq!(reg, before, "a refused request changes nothing");
    }
    // The project leader of the party approves leave from it.
    let g = reg
        .grant_leave(&rb(), &leave("m1", "party", Some("m3"), "m4"))
        .unwrap();
    assert_eq!(g.approved_as, Role::ProjectLeader);
}

#[test]
fn check_leave_reports_every_problem_at_once() {
    let reg = register();
    let request = LeaveRequest {
        reason: String::new(),
        requested_at: at(9, 30, 0, 0),
        ..leave("m1", "meet-2", None, "m3")
    };
    let codes: Vec<&str> = reg
        .check_leave(&rb(), &request)
        .iter()
        .map(|e| e.code())
        .collect();
    assert_eq!(
        codes,
        [
            "leave.no_reason",
            "leave.no_substitute",
            "leave.too_late",
            "authority.not_permitted"
        ]
    );
}

#[test]
fn minimum_notice_comes_from_the_rulebook() {
    let notice = Rulebook::from_toml_str("[leave]\nmin_notice_minutes = 1440").unwrap();
    let mut reg = register();
    let request = LeaveRequest {
        requested_at: at(9, 10, 20, 0),
        ..leave("m1", "meet-2", Some("m3"), "head")
    };
    assert!(reg.grant_leave(&rb(), &request).is_ok());
    let mut reg = register();
    let err = reg.grant_leave(&notice, &request).unwrap_err();
    assert_eq!(err.code(), "leave.too_late");
}

#[test]
fn a_failed_batch_of_marks_records_nothing() {
    let mut reg = register();
    mark(&mut reg, "m1", "meet-1", Mark::Present);
    let before = reg.clone();
    let batch = [
        MarkRecord::direct("m2", "meet-1", Mark::Late),
        MarkRecord::direct("m3", "meet-1", Mark::Late),
        MarkRecord::direct("ghost", "meet-1", Mark::Late),
    ];
    let err = reg.record_marks(&rb().attendance, &batch).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("member.unknown", "marks[2].member")
    );
    assert_eq!(reg, before);
}

// --- properties ---

fn arb_mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        Just(Mark::Present),
        Just(Mark::Late),
        Just(Mark::LeftEarly),
        Just(Mark::LateAndLeftEarly),
        Just(Mark::Absent),
    ]
}

proptest! {
    /// A standing never improves as marks are added (discipline §2 only ever counts up).
    #[test]
    fn standing_never_improves_as_marks_are_added(
        marks in proptest::collection::vec((0usize..5, 0usize..6, arb_mark()), 0..40)
    ) {
        let ids = ["head", "m1", "m2", "m3", "m4"];
        let events = ["meet-1", "meet-2", "meet-3", "meet-4", "duty-1", "party"];
        let mut reg = register();
        let today = date(12, 31);
        let mut last = [StandingStatus::Good; 6];
        let mut last_counts = [StandingCounts::default(); 6];
        for (who, ev, m) in marks {
            let rec = MarkRecord::direct(ids[who], events[ev], m);
            // Duplicates are refused; the rest are recorded.
            let _ = reg.record_marks(&rb().attendance, &[rec]);
            let now = reg.standings(&rb(), &calendar(), today).unwrap();
            for (i, s) in now.iter().enumerate() {
                prop_assert!(s.status >= last[i]);
                prop_assert!(s.counts.lateness >= last_counts[i].lateness);
                prop_assert!(s.counts.absences >= last_counts[i].absences);
                last[i] = s.status;
                last_counts[i] = s.counts;
            }
        }
    }

    /// Derived marks agree with the grace period: late iff sign-in after start + grace.
    #[test]
    fn derived_marks_follow_the_grace_period(in_min in 0i64..120, out_min in 0i64..120, grace in 0u32..30) {
        let start = at(9, 4, 19, 0);
        let end = at(9, 4, 20, 0);
        let sign_in = start + chrono::Duration::minutes(in_min - 30);
        let sign_out = sign_in + chrono::Duration::minutes(out_min);
        let m = Mark::from_times(start, end, sign_in, Some(sign_out), grace).unwrap();
        let late = sign_in > start + chrono::Duration::minutes(i64::from(grace));
        let early = sign_out < end - chrono::Duration::minutes(i64::from(grace));
        prop_assert_eq!(m.lateness(), u32::from(late) + u32::from(early));
    }
}

// --- marks as columns ---

const IDS: [&str; 7] = ["head", "m1", "m2", "m3", "m4", "other_head", "ghost"];
const EVENT_IDS: [&str; 7] = [
    "meet-1", "meet-2", "meet-3", "meet-4", "duty-1", "party", "nope",
];

/// A register with m1's leave from meet-2 granted, so that `excused` can stand.
fn register_with_leave() -> AttendanceRegister {
    let mut reg = register();
    reg.grant_leave(&rb(), &leave("m1", "meet-2", Some("m2"), "head"))
        .unwrap();
    reg
}

/// `rows` (member, event, mark) as records and as columns: the ids dictionary-encoded in
/// the order `order` lists them (a permutation of 0..7, so categories need not follow the
/// roster), and, when every id is in the register, as positions too.
struct Batch {
    records: Vec<MarkRecord>,
    member_codes: Vec<u32>,
    event_codes: Vec<u32>,
    member_categories: Vec<MemberId>,
    event_categories: Vec<EventId>,
    marks: Vec<Mark>,
}

impl Batch {
    fn new(rows: &[(usize, usize, Mark)], order: &[usize]) -> Batch {
        let code = |i: usize| order.iter().position(|&o| o == i).unwrap() as u32;
        Batch {
            records: rows
                .iter()
                .map(|&(m, e, k)| MarkRecord::direct(IDS[m], EVENT_IDS[e], k))
                .collect(),
            member_codes: rows.iter().map(|&(m, _, _)| code(m)).collect(),
            event_codes: rows.iter().map(|&(_, e, _)| code(e)).collect(),
            member_categories: order.iter().map(|&i| MemberId::from(IDS[i])).collect(),
            event_categories: order.iter().map(|&i| EventId::from(EVENT_IDS[i])).collect(),
            marks: rows.iter().map(|&(_, _, k)| k).collect(),
        }
    }

    fn coded(&self) -> MarkColumns<'_> {
        MarkColumns {
            members: CodeColumn::coded(&self.member_codes, &self.member_categories),
            events: CodeColumn::coded(&self.event_codes, &self.event_categories),
            marks: &self.marks,
        }
    }
}

#[test]
fn columns_record_what_records_record() {
    let rows = [
        (1, 0, Mark::Late),
        (1, 1, Mark::Excused),
        (2, 2, Mark::Absent),
        (3, 5, Mark::LateAndLeftEarly),
    ];
    let batch = Batch::new(&rows, &[0, 1, 2, 3, 4, 5, 6]);
    let mut by_id = register_with_leave();
    by_id
        .record_marks(&rb().attendance, &batch.records)
        .unwrap();
    let mut coded = register_with_leave();
    coded.record_mark_columns(&batch.coded()).unwrap();
    let mut by_position = register_with_leave();
    by_position
        .record_mark_columns(&MarkColumns {
            members: CodeColumn::positions(&batch.member_codes),
            events: CodeColumn::positions(&batch.event_codes),
            marks: &batch.marks,
        })
        .unwrap();
    assert_eq!(coded, by_id);
    assert_eq!(by_position, by_id);
    assert_eq!(
        coded.standings(&rb(), &calendar(), date(12, 31)).unwrap(),
        by_id.standings(&rb(), &calendar(), date(12, 31)).unwrap()
    );
}

#[test]
fn columns_refuse_each_fault_with_its_code_and_path() {
    let ids: Vec<MemberId> = IDS.iter().map(|&i| i.into()).collect();
    let events: Vec<EventId> = EVENT_IDS.iter().map(|&e| e.into()).collect();
    let present = [Mark::Present; 2];
    let cases: Vec<(MarkColumns<'_>, &str, &str)> = vec![
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 2], &ids),
                events: CodeColumn::coded(&[0], &events),
                marks: &present,
            },
            "attendance.column_length",
            "marks.event",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 2], &ids),
                events: CodeColumn::coded(&[0, 0], &events),
                marks: &[Mark::Present],
            },
            "attendance.column_length",
            "marks.mark",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 7], &ids),
                events: CodeColumn::coded(&[0, 0], &events),
                marks: &present,
            },
            "attendance.code_out_of_range",
            "marks[1].member",
        ),
        (
            MarkColumns {
                members: CodeColumn::positions(&[1, 6]),
                events: CodeColumn::positions(&[0, 0]),
                marks: &present,
            },
            "attendance.code_out_of_range",
            "marks[1].member",
        ),
        (
            MarkColumns {
                members: CodeColumn::positions(&[1, 2]),
                events: CodeColumn::positions(&[0, u32::MAX]),
                marks: &present,
            },
            "attendance.code_out_of_range",
            "marks[1].event",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 6], &ids),
                events: CodeColumn::coded(&[0, 0], &events),
                marks: &present,
            },
            "member.unknown",
            "marks[1].member",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 2], &ids),
                events: CodeColumn::coded(&[0, 6], &events),
                marks: &present,
            },
            "attendance.unknown_event",
            "marks[1].event",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 2], &ids),
                events: CodeColumn::coded(&[0, 1], &events),
                marks: &[Mark::Present, Mark::Excused],
            },
            "attendance.excused_without_leave",
            "marks[1].mark",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[1, 1], &ids),
                events: CodeColumn::coded(&[0, 0], &events),
                marks: &present,
            },
            "attendance.duplicate_mark",
            "marks[1]",
        ),
        (
            MarkColumns {
                members: CodeColumn::coded(&[2, 3], &ids),
                events: CodeColumn::coded(&[3, 3], &events),
                marks: &present,
            },
            "attendance.duplicate_mark",
            "marks[1]",
        ),
    ];
    let mut reg = register_with_leave();
    mark(&mut reg, "m3", "meet-4", Mark::Late);
    for (columns, code, path) in cases {
        let before = reg.clone();
        let err = reg.record_mark_columns(&columns).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{columns:?}");
        assert!(!err.message(Locale::ZhHans).is_empty());
        assert_eq!(reg, before, "a refused batch records nothing");
    }
    // The unknown category is named in the error; an unused one is no error.
    let err = reg
        .record_mark_columns(&MarkColumns {
            members: CodeColumn::coded(&[6], &ids),
            events: CodeColumn::coded(&[0], &events),
            marks: &[Mark::Present],
        })
        .unwrap_err();
    assert!(err.to_string().contains("ghost"), "{err}");
    reg.record_mark_columns(&MarkColumns {
        members: CodeColumn::coded(&[1], &ids),
        events: CodeColumn::coded(&[2], &events),
        marks: &[Mark::Present],
    })
    .unwrap();
}

#[test]
fn keys_are_the_serialised_names() {
    for (code, mark) in Mark::ALL.iter().enumerate() {
        let json = serde_json::to_value(mark).unwrap();
        assert_eq!(json, mark.key(), "code {code}");
    }
    assert_eq!(Mark::ALL[4], Mark::Absent);
    for kind in EventKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.key());
    }
    for counter in [Counter::Lateness, Counter::Absence] {
        assert_eq!(serde_json::to_value(counter).unwrap(), counter.key());
    }
    for status in [
        StandingStatus::Good,
        StandingStatus::Warning,
        StandingStatus::Expelled,
    ] {
        assert_eq!(serde_json::to_value(status).unwrap(), status.key());
    }
}

fn arb_any_mark() -> impl Strategy<Value = Mark> {
    prop_oneof![arb_mark(), Just(Mark::Excused)]
}

proptest! {
    /// Marks as columns and marks as records give the same register, the same standings,
    /// and the same error for the same faulty row, batch after batch (ids include one
    /// member and one event the register lacks; marks include `excused`).
    #[test]
    fn columns_and_records_agree(
        batches in proptest::collection::vec(
            proptest::collection::vec((0usize..7, 0usize..7, arb_any_mark()), 0..12),
            1..6,
        ),
        order in Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let mut by_id = register_with_leave();
        let mut coded = by_id.clone();
        let mut by_position = by_id.clone();
        // The same two paths over a register keeping its marked pairs in a hash set (the
        // choice of registers too large for a bitmap).
        let mut by_id_in_set = by_id.clone();
        by_id_in_set.marked = marked::MarkedPairs::Set(Default::default());
        let mut coded_in_set = by_id_in_set.clone();
        for rows in batches {
            let batch = Batch::new(&rows, &order);
            let expected = by_id.record_marks(&rb().attendance, &batch.records);
            let got = coded.record_mark_columns(&batch.coded());
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(&coded, &by_id);
            let got = by_id_in_set.record_marks(&rb().attendance, &batch.records);
            prop_assert_eq!(&got, &expected);
            let got = coded_in_set.record_mark_columns(&batch.coded());
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(&coded_in_set, &by_id_in_set);
            prop_assert_eq!(coded_in_set.marks.clone(), by_id.marks.clone());
            // Positions: the roster's and the events' own order (no unknown ids).
            if rows.iter().all(|&(m, e, _)| m < 6 && e < 6) {
                let members: Vec<u32> = rows.iter().map(|&(m, _, _)| m as u32).collect();
                let events: Vec<u32> = rows.iter().map(|&(_, e, _)| e as u32).collect();
                let got = by_position.record_mark_columns(&MarkColumns {
                    members: CodeColumn::positions(&members),
                    events: CodeColumn::positions(&events),
                    marks: &batch.marks,
                });
                prop_assert_eq!(&got, &expected);
            } else {
                by_position = by_id.clone();
            }
            prop_assert_eq!(&by_position, &by_id);
        }
        prop_assert_eq!(
            coded.standings(&rb(), &calendar(), date(12, 31)).unwrap(),
            by_id.standings(&rb(), &calendar(), date(12, 31)).unwrap()
        );
    }
}
