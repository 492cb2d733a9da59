//! Allocating 10,000 examined candidates into the seed's places (5 fixed + 3 reserve),
//! exactly. Goal: 100 ms or less on one core.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::recruitment::{RecruitmentRound, allocate};
use secretariat::{Rulebook, input};

const CANDIDATES: usize = 10_000;

/// The round as JSON (built as text: the benches need no decimal crate of their own).
fn round_json() -> String {
    let mut text = String::from(r#"{"year": 2002, "decided_on": "2002-09-27", "candidates": ["#);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..CANDIDATES {
        if i > 0 {
            text.push(',');
        }
        let grade = ["02", "02", "01", "00"][(next() % 4) as usize];
        let skills = [
            "[]",
            r#"["computer"]"#,
            r#"["organization_language"]"#,
            r#"["computer", "organization_language"]"#,
        ][(next() % 4) as usize];
        // Scores 40.00 .. 99.99 (many below the pass mark, many ties).
        let score = 4000 + next() % 6000;
        let day = 2 + next() % 25;
        let _ = write!(
            text,
            r#"{{"id": "n{i:05}", "name": "Candidate {i}", "grade": "{grade}", "skills": {skills},
                "source": "registration", "registered_on": "2002-09-{day:02}",
                "score": "{}.{:02}"}}"#,
            score / 100,
            score % 100
        );
    }
    text.push_str("]}");
    text
}

fn bench_recruitment(c: &mut Criterion) {
    let rulebook = Rulebook::default();
    let round: RecruitmentRound =
        input::from_json_str(&round_json()).unwrap_or_else(|e| panic!("{e}"));
    let allocation = allocate(&rulebook, &round).unwrap_or_else(|e| panic!("{e}"));
    assert!(allocation.feasible);
    assert_eq!(allocation.filled.len(), 8);
    assert_eq!(allocation.not_chosen.len(), CANDIDATES - 8);

    let mut group = c.benchmark_group("recruitment");
    group.sample_size(20);
    group.throughput(Throughput::Elements(CANDIDATES as u64));
    group.bench_function("allocate_10k_into_seed_plan", |b| {
        b.iter(|| {
            let a = allocate(&rulebook, black_box(&round)).unwrap_or_else(|e| panic!("{e}"));
            black_box(a.filled.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_recruitment);
criterion_main!(benches);
