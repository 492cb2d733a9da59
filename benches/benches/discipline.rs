//! Standings over 1,000,000 marks (10,000 members x 100 events) under each example
//! discipline policy of `core/data/policies/`, against the default rulebook (the seed's rule
//! read from the `attendance` keys). Goal (#13): the richest policy at most 2x the seed's time.
//!
//! Late arrivals are recorded as sign-in times (5 to 24 minutes late), so that the severity
//! rules (`over_minutes`) have minutes to read.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::attendance::{AttendanceRegister, Mark, MarkRecord};
use secretariat::calendar::{DateRange, Period, SchoolCalendar};
use secretariat::discipline::EXAMPLE_POLICIES;
use secretariat::{Roster, Rulebook};

const MEMBERS: usize = 10_000;
const EVENTS: usize = 100;

fn register() -> (AttendanceRegister, SchoolCalendar) {
    let members = secretariat_benches::officers(MEMBERS);
    let events = secretariat_benches::events(EVENTS);
    let mut marks = Vec::with_capacity(MEMBERS * EVENTS);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for m in &members {
        for e in &events {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let record = match state % 1000 {
                0..=4 => MarkRecord {
                    member: m.id.clone(),
                    event: e.id.clone(),
                    mark: None,
                    sign_in: Some(e.start + Duration::minutes(5 + (state >> 12) as i64 % 20)),
                    sign_out: None,
                },
                5..=7 => MarkRecord::direct(m.id.clone(), e.id.clone(), Mark::LeftEarly),
                8 => MarkRecord::direct(m.id.clone(), e.id.clone(), Mark::Absent),
                _ => MarkRecord::direct(m.id.clone(), e.id.clone(), Mark::Present),
            };
            marks.push(record);
        }
    }
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let calendar = SchoolCalendar {
        term: DateRange::new(day(2002, 9, 2), day(2003, 7, 4)),
        semesters: vec![
            Period {
                name: "Autumn".into(),
                start: day(2002, 9, 2),
                end: day(2003, 1, 17),
            },
            Period {
                name: "Spring".into(),
                start: day(2003, 2, 17),
                end: day(2003, 7, 4),
            },
        ],
        holidays: vec![],
        vacations: vec![],
        makeup_workdays: vec![],
        weekend: vec![chrono::Weekday::Sat, chrono::Weekday::Sun],
    };
    let roster = Roster::new(members).unwrap_or_default();
    let mut register = AttendanceRegister::new(roster, events).unwrap_or_else(|e| panic!("{e}"));
    register
        .record_marks(&Rulebook::default().attendance, &marks)
        .unwrap_or_else(|e| panic!("{e}"));
    (register, calendar)
}

fn bench_policies(c: &mut Criterion) {
    let (register, calendar) = register();
    let today = NaiveDate::from_ymd_opt(2003, 6, 30).unwrap_or_default();
    let mut group = c.benchmark_group("discipline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(register.mark_count() as u64));
    let mut rulebooks = vec![("default".to_owned(), Rulebook::default())];
    for (name, text) in EXAMPLE_POLICIES {
        let rb = Rulebook::from_toml_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        rulebooks.push((name.trim_end_matches(".toml").to_owned(), rb));
    }
    for (name, rulebook) in &rulebooks {
        group.bench_function(format!("standings_1m_marks_{name}"), |b| {
            b.iter(|| {
                let s = register
                    .standings(rulebook, &calendar, black_box(today))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                black_box(s.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_policies);
criterion_main!(benches);
