//! Per-judge normalisation is fair: a judge who adds the same constant to every score they
//! give changes no normalised score, no total and no decision (issue: the pooled scale used
//! to move with the shift).

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::diagnostic::Diagnostic;

/// The Challenge Cup scheme (0-10), normalised as `normalization` says, selecting the top 2
/// with a pass mark.
fn scheme(normalization: Normalization) -> EvaluationScheme {
    let mut s = Rulebook::default().evaluation.schemes["challenge_cup"].clone();
    s.normalization = normalization;
    s.aggregation = Aggregation::Mean;
    s.trim = 0;
    s.selection.top_n = Limit::At(2);
    s.selection.pass_mark = PassMark::At(Decimal::new(5, 0));
    s
}

/// Judges × candidates × criteria scores in half points from 0 to 5, judge `shifted` moved up
/// by `shift` half points (still within the 0-10 scale).
fn input(
    s: &EvaluationScheme,
    halves: &[Vec<u32>],
    judges: usize,
    shifted: usize,
    shift: u32,
) -> EvaluationInput {
    let keys: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
    EvaluationInput {
        scheme: SchemeChoice::Inline(Box::new(s.clone())),
        judges: (0..judges).map(|j| JudgeId(format!("J{j}"))).collect(),
        candidates: halves
            .iter()
            .enumerate()
            .map(|(n, h)| Candidate {
                id: CandidateId::from(format!("c{n:02}")),
                name: String::new(),
                category: None,
                scores: keys
                    .iter()
                    .enumerate()
                    .map(|(k, key)| {
                        let row = (0..judges)
                            .map(|j| {
                                let up = if j == shifted { shift } else { 0 };
                                let v = h[(k * judges + j) % h.len()] + up;
                                Some(Decimal::new(i64::from(v) * 5, 1))
                            })
                            .collect();
                        (key.clone(), row)
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Each candidate's total (and its decision) in order, and who is selected.
fn outcome(r: &Ranking) -> (Vec<(Decimal, Option<u32>)>, Vec<CandidateId>) {
    (
        r.sheets.iter().map(|s| (s.total(), s.rank())).collect(),
        r.selected.clone(),
    )
}

proptest! {
    #[test]
    fn a_judge_shifting_every_score_changes_no_total_and_no_decision(
        halves in proptest::collection::vec(proptest::collection::vec(0u32..=10, 12), 2..8),
        judges in 2usize..5,
        shifted in 0usize..5,
        shift in 1u32..=10,
        stated in any::<bool>(),
    ) {
        let normalization = if stated {
            Normalization::ZScoreOn(NormalScale { mean: Decimal::new(75, 0), sd: Decimal::new(10, 0) })
        } else {
            Normalization::ZScore
        };
        let s = scheme(normalization);
        let rb = Rulebook::default();
        let before = evaluate(&rb, &input(&s, &halves, judges, judges, 0), &[]).unwrap();
        let after = evaluate(&rb, &input(&s, &halves, judges, shifted % judges, shift), &[]).unwrap();
        prop_assert_eq!(outcome(&before), outcome(&after));
    }
}

#[test]
fn the_scheme_scale_is_its_midpoint_and_a_sixth_of_its_range() {
    let s = scheme(Normalization::ZScore);
    let scale = s.normal_scale().unwrap();
    assert_eq!(scale.mean, Decimal::new(5, 0));
    assert_eq!(scale.sd * Decimal::from(6), Decimal::new(10, 0));
    assert_eq!(scheme(Normalization::None).normal_scale(), None);
}

#[test]
fn a_stated_scale_needs_a_positive_sd() {
    let s = scheme(Normalization::ZScoreOn(NormalScale {
        mean: Decimal::new(75, 0),
        sd: Decimal::ZERO,
    }));
    let err = s.validate("scheme").unwrap_err();
    assert_eq!(err.code(), "evaluation.invalid_setting");
    assert_eq!(err.path(), "scheme.normalization.z_score_on");
}

#[test]
fn a_stated_scale_reads_from_a_rulebook() {
    let rb = Rulebook::default()
        .overlay_toml(
            "[evaluation.schemes.challenge_cup]\nnormalization = { z_score_on = { mean = \"75\", sd = \"10\" } }\n",
        )
        .unwrap();
    assert_eq!(
        rb.evaluation.schemes["challenge_cup"].normalization,
        Normalization::ZScoreOn(NormalScale {
            mean: Decimal::new(75, 0),
            sd: Decimal::new(10, 0)
        })
    );
}
