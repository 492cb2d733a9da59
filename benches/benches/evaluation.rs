//! Scoring and ranking 100,000 candidates x 5 criteria x 7 judges (3.5 million scores),
//! trimmed mean, two tie-break criteria, top-N selection, a full score sheet per candidate.
//! Goal (issue #3): 100 ms or less on one core, the whole call and the freeing of the
//! ranking it returns.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::evaluation::{Candidate, CandidateId, EvaluationInput, evaluate};
use secretariat::{Rulebook, input};

const CANDIDATES: usize = 100_000;
const CRITERIA: usize = 5;
const JUDGES: usize = 7;

/// The input: the scheme and judges read from JSON, the candidates built directly (the
/// benches need no decimal crate of their own: the scores come from a parsed table).
fn bench_input(normalization: &str) -> EvaluationInput {
    let criteria: Vec<String> = (0..CRITERIA)
        .map(|k| {
            format!(
                r#"{{"id": "c{k}", "title": "Criterion {k}", "weight": "{}"}}"#,
                k + 1
            )
        })
        .collect();
    let head = format!(
        r#"{{"scheme": {{"title": "Bench", "article": "bench", "scale_min": "0", "scale_max": "10",
            "criteria": [{}], "aggregation": "trimmed_mean", "trim": 1,
            "normalization": "{normalization}", "missing_score": "error", "decimals": 2,
            "deductions": {{"per_lateness": "0", "per_absence": "0", "article": "bench",
                            "veto_expelled": true, "veto_article": "bench"}},
            "tie_method": "competition", "tie_break": ["c0", "c1"],
            "final_tie_break": "candidate_id",
            "selection": {{"top_n": 1000, "pass_mark": "6", "category_quota": "unlimited",
                           "article": "bench"}}}},
          "judges": [{}], "candidates": []}}"#,
        criteria.join(", "),
        (0..JUDGES)
            .map(|j| format!("\"J{j}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut input: EvaluationInput = input::from_json_str(&head).unwrap_or_else(|e| panic!("{e}"));
    // Scores 4.0, 4.5, ..., 10.0.
    let table: Vec<Option<_>> = input::from_json_str(
        r#"["4.0", "4.5", "5.0", "5.5", "6.0", "6.5", "7.0", "7.5", "8.0", "8.5", "9.0", "9.5", "10.0"]"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // A deterministic spread of scores.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..CANDIDATES {
        let mut scores = BTreeMap::new();
        for k in 0..CRITERIA {
            let row = (0..JUDGES)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    table[(state % 13) as usize]
                })
                .collect();
            scores.insert(format!("c{k}"), row);
        }
        input.candidates.push(Candidate {
            id: CandidateId::from(format!("s{i:06}")),
            name: String::new(),
            category: None,
            scores,
        });
    }
    input
}

fn bench_evaluation(c: &mut Criterion) {
    let rulebook = Rulebook::default();
    let plain = bench_input("none");
    let z = bench_input("z_score");
    let ranking = evaluate(&rulebook, &plain, &[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ranking.sheets.len(), CANDIDATES);
    assert_eq!(ranking.selected.len(), 1000);

    let mut group = c.benchmark_group("evaluation");
    group.sample_size(20);
    group.throughput(Throughput::Elements(
        (CANDIDATES * CRITERIA * JUDGES) as u64,
    ));
    // The whole call and the freeing of the ranking it returns (`iter` drops each output
    // inside the measurement): the figure of the goal.
    group.bench_function("score_rank_100k_x5x7", |b| {
        b.iter(|| evaluate(&rulebook, black_box(&plain), &[]).unwrap_or_else(|e| panic!("{e}")))
    });
    // The call alone, the ranking freed outside the measurement: the difference with the
    // above is what freeing 100,000 sheets costs.
    group.bench_function("score_rank_100k_x5x7_without_drop", |b| {
        b.iter_with_large_drop(|| {
            evaluate(&rulebook, black_box(&plain), &[]).unwrap_or_else(|e| panic!("{e}"))
        })
    });
    group.bench_function("score_rank_100k_x5x7_zscore", |b| {
        b.iter(|| evaluate(&rulebook, black_box(&z), &[]).unwrap_or_else(|e| panic!("{e}")))
    });
    group.finish();
}

criterion_group!(benches, bench_evaluation);
criterion_main!(benches);
