//! Countdowns for 10,000 events of the welcome-party template (7 milestones each).
//! Goal: 10 ms or less for the batch.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::Rulebook;
use secretariat::schedule::{self, EventProgress};

const EVENTS: usize = 10_000;

fn bench_countdown(c: &mut Criterion) {
    let rulebook = Rulebook::default();
    let first = NaiveDate::from_ymd_opt(2002, 10, 1).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2002, 11, 15).unwrap_or_default();
    let dates: Vec<NaiveDate> = (0..EVENTS)
        .map(|i| {
            first
                .checked_add_days(Days::new((i % 365) as u64))
                .unwrap_or(first)
        })
        .collect();
    let plan_all = || {
        dates
            .iter()
            .map(|d| {
                rulebook
                    .schedule
                    .plan("welcome_party", *d, None)
                    .unwrap_or_else(|e| panic!("{e}"))
            })
            .collect::<Vec<_>>()
    };
    let progress: Vec<EventProgress> = plan_all()
        .into_iter()
        .enumerate()
        .map(|(i, plan)| EventProgress {
            done: plan
                .milestones
                .iter()
                .take(i % 4)
                .map(|m| m.id.clone())
                .collect(),
            plan,
        })
        .collect();

    let mut group = c.benchmark_group("schedule");
    group.sample_size(30);
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("countdowns_10k_events", |b| {
        b.iter(|| {
            let summaries = schedule::countdowns(&progress, black_box(today)).unwrap_or_default();
            black_box(summaries.len())
        })
    });
    group.bench_function("countdown_full_10k_events", |b| {
        b.iter(|| {
            let n: usize = progress
                .iter()
                .filter_map(|p| schedule::countdown(&p.plan, &p.done, black_box(today)).ok())
                .map(|c| c.milestones.len())
                .sum();
            black_box(n)
        })
    });
    // The same in working days, on a calendar with a week-long holiday and make-up days.
    let calendar: secretariat::calendar::SchoolCalendar = secretariat::input::from_json_str(
        r#"{"term": {"start": "2002-09-02", "end": "2003-12-31"},
            "holidays": [{"name": "National Day", "start": "2002-10-01", "end": "2002-10-07"}],
            "makeup_workdays": ["2002-09-28", "2002-09-29"]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let working = Rulebook::from_toml_str("[schedule]\nday_count = \"working\"")
        .unwrap_or_else(|e| panic!("{e}"));
    let working_progress: Vec<EventProgress> = dates
        .iter()
        .map(|d| EventProgress {
            plan: working
                .schedule
                .plan("welcome_party", *d, Some(&calendar))
                .unwrap_or_else(|e| panic!("{e}")),
            done: vec![],
        })
        .collect();
    group.bench_function("countdowns_10k_events_working_days", |b| {
        b.iter(|| {
            let summaries =
                schedule::countdowns(&working_progress, black_box(today)).unwrap_or_default();
            black_box(summaries.len())
        })
    });
    group.bench_function("plan_10k_events", |b| {
        b.iter(|| black_box(plan_all().len()))
    });
    group.finish();
}

criterion_group!(benches, bench_countdown);
criterion_main!(benches);
