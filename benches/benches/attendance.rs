//! Standings over 1,000,000 marks: 10,000 members x 100 weekly events.
//! Goal: 20 million marks per second or more on one core.
//!
//! Recording the marks is measured two ways: as one `MarkRecord` per mark with string ids
//! (`record_1m_marks`), and as columns of codes with the ids as categories, the shape of a
//! pandas DataFrame with categorical columns (`record_1m_mark_columns`).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::attendance::{
    AttendanceRegister, CodeColumn, Event, EventId, Mark, MarkColumns, MarkRecord,
};
use secretariat::calendar::{DateRange, SchoolCalendar};
use secretariat::{MemberId, Roster, Rulebook};

const MEMBERS: usize = 10_000;
const EVENTS: usize = 100;

fn term() -> (Roster, Vec<Event>, Vec<MarkRecord>, SchoolCalendar) {
    let members = secretariat_benches::officers(MEMBERS);
    let events = secretariat_benches::events(EVENTS);
    // A deterministic mix: mostly present, some late / early / absent.
    let mut marks = Vec::with_capacity(MEMBERS * EVENTS);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for m in &members {
        for e in &events {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mark = match state % 1000 {
                0..=4 => Mark::Late,
                5..=7 => Mark::LeftEarly,
                8 => Mark::Absent,
                _ => Mark::Present,
            };
            marks.push(MarkRecord::direct(m.id.clone(), e.id.clone(), mark));
        }
    }
    let calendar = SchoolCalendar {
        term: DateRange::new(
            NaiveDate::from_ymd_opt(2002, 9, 2).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2003, 7, 4).unwrap_or_default(),
        ),
        semesters: vec![],
        holidays: vec![],
        vacations: vec![],
        makeup_workdays: vec![],
        weekend: vec![chrono::Weekday::Sat, chrono::Weekday::Sun],
    };
    let roster = Roster::new(members).unwrap_or_default();
    (roster, events, marks, calendar)
}

fn bench_standings(c: &mut Criterion) {
    let rulebook = Rulebook::default();
    let (roster, events, marks, calendar) = term();
    let today = NaiveDate::from_ymd_opt(2003, 6, 30).unwrap_or_default();

    let mut group = c.benchmark_group("attendance");
    group.sample_size(20);
    group.throughput(Throughput::Elements(marks.len() as u64));

    let build = || {
        let mut register = AttendanceRegister::new(roster.clone(), events.clone())
            .unwrap_or_else(|e| panic!("{e}"));
        register
            .record_marks(&rulebook.attendance, &marks)
            .unwrap_or_else(|e| panic!("{e}"));
        register
    };
    let register = build();
    assert_eq!(register.mark_count(), MEMBERS * EVENTS);

    group.bench_function("standings_1m_marks", |b| {
        b.iter(|| {
            let s = register
                .standings(&rulebook, &calendar, black_box(today))
                .unwrap_or_default();
            black_box(s.len())
        })
    });
    group.bench_function("record_1m_marks", |b| {
        b.iter(|| black_box(build().mark_count()))
    });

    // The same marks as columns: codes into the member and event ids (as categories).
    let member_ids: Vec<MemberId> = roster.members().iter().map(|m| m.id.clone()).collect();
    let event_ids: Vec<EventId> = events.iter().map(|e| e.id.clone()).collect();
    let code_of =
        |ids: &[EventId], id: &EventId| ids.iter().position(|e| e == id).unwrap_or_default() as u32;
    let member_codes: Vec<u32> = marks
        .iter()
        .map(|r| roster.position(&r.member).unwrap_or_default())
        .collect();
    let event_codes: Vec<u32> = marks
        .iter()
        .map(|r| code_of(&event_ids, &r.event))
        .collect();
    let mark_column: Vec<Mark> = marks
        .iter()
        .map(|r| r.mark.unwrap_or(Mark::Present))
        .collect();
    let columns = MarkColumns {
        members: CodeColumn::coded(&member_codes, &member_ids),
        events: CodeColumn::coded(&event_codes, &event_ids),
        marks: &mark_column,
    };
    let build_from_columns = || {
        let mut register = AttendanceRegister::new(roster.clone(), events.clone())
            .unwrap_or_else(|e| panic!("{e}"));
        register
            .record_mark_columns(&columns)
            .unwrap_or_else(|e| panic!("{e}"));
        register
    };
    assert!(build_from_columns() == register);
    group.bench_function("record_1m_mark_columns", |b| {
        b.iter(|| black_box(build_from_columns().mark_count()))
    });
    group.finish();
}

criterion_group!(benches, bench_standings);
criterion_main!(benches);
