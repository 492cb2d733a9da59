use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::diagnostic::{Diagnostic, Locale};
use crate::report::SelectionData;
use crate::report::TermData;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn rb() -> Rulebook {
    Rulebook::default()
}

/// A candidate with rows per criterion of the Challenge Cup scheme.
fn cand(id: &str, rows: [&[&str]; 3]) -> Candidate {
    let keys = ["language_expression", "improvisation", "written_expression"];
    Candidate {
        id: id.into(),
        name: format!("Candidate {id}"),
        category: None,
        scores: keys
            .iter()
            .zip(rows)
            .map(|(k, r)| {
                (
                    (*k).to_owned(),
                    r.iter()
                        .map(|v| if *v == "-" { None } else { Some(d(v)) })
                        .collect(),
                )
            })
            .collect(),
    }
}

fn input(judges: usize, candidates: Vec<Candidate>) -> EvaluationInput {
    EvaluationInput {
        scheme: SchemeChoice::Named("challenge_cup".into()),
        judges: (1..=judges).map(|j| JudgeId(format!("J{j}"))).collect(),
        candidates,
    }
}

fn scheme() -> EvaluationScheme {
    rb().evaluation.schemes["challenge_cup"].clone()
}

fn inline(s: EvaluationScheme, mut i: EvaluationInput) -> EvaluationInput {
    i.scheme = SchemeChoice::Inline(Box::new(s));
    i
}

fn sample_standings() -> Vec<Standing> {
    let data = TermData::sample();
    let rb = rb();
    let (register, _) = data.register(&rb).unwrap();
    let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
    register.standings(&rb, &data.calendar, today).unwrap()
}

#[test]
fn sample_selection_loads() {
    let s = SelectionData::sample();
    assert_eq!(s.challenge_cup.candidates.len(), 8);
    assert_eq!(s.recruitment.candidates.len(), 12);
}

#[test]
fn default_schemes_are_the_seeds() {
    let rb = rb();
    let cc = &rb.evaluation.schemes["challenge_cup"];
    let ids: Vec<&str> = cc.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["language_expression", "improvisation", "written_expression"]
    );
    assert!(cc.criteria.iter().all(|c| c.weight == Decimal::ONE));
    assert_eq!(cc.aggregation, Aggregation::TrimmedMean);
    assert_eq!(cc.trim, 1);
    assert!(cc.deductions.veto_expelled);
    let officer = &rb.evaluation.schemes["officer_evaluation"];
    let ids: Vec<&str> = officer.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["work", "attendance", "discipline"]);
    assert_eq!(
        officer.deductions.article,
        "seed 001, Discipline Inspection §4"
    );
}

#[test]
fn challenge_cup_weights_the_three_abilities_equally() {
    // Five judges; the trimmed mean keeps the middle three.
    let i = input(
        5,
        vec![cand(
            "a",
            [
                &["8", "9", "7", "10", "8"],  // keep 8, 8, 9 -> 8.33
                &["6", "6", "6", "6", "6"],   // 6.00
                &["9.5", "9", "9", "9", "1"], // keep 9, 9, 9 -> 9.00
            ],
        )],
    );
    let r = evaluate(&rb(), &i, &[]).unwrap();
    let s = &r.sheets[0];
    let aggregates: Vec<String> = s.lines().map(|l| l.aggregate.to_string()).collect();
    assert_eq!(aggregates, ["8.33", "6.00", "9.00"]);
    let contributions: Vec<String> = s.lines().map(|l| l.contribution.to_string()).collect();
    // Each criterion counts a third: 8.33/3 = 2.776.. -> 2.78, 6/3 = 2, 9/3 = 3.
    assert_eq!(contributions, ["2.78", "2.00", "3.00"]);
    // (8.33 + 6 + 9) / 3 = 7.7766.. -> 7.78.
    assert_eq!(s.subtotal().to_string(), "7.78");
    assert_eq!(s.total().to_string(), "7.78");
    assert_eq!(s.rank(), Some(1));
    assert!(s.decision().is_selected());
}

#[test]
fn trimmed_mean_drops_the_highest_and_the_lowest_judge() {
    let i = input(
        5,
        vec![cand(
            "a",
            [
                &["7", "9", "7", "9", "8"],
                &["5", "5", "5", "5", "5"],
                &["1", "2", "3", "4", "10"],
            ],
        )],
    );
    let r = evaluate(&rb(), &i, &[]).unwrap();
    let grid = r.sheets[0].scores();
    let lines: Vec<_> = r.sheets[0].lines().collect();
    // Equal lowest: the judge listed first is dropped; equal highest: the judge listed last.
    assert_eq!(
        grid.dropped(0),
        [(0, DroppedEnd::Lowest), (3, DroppedEnd::Highest)]
    );
    assert_eq!(lines[0].aggregate, d("8.00"));
    assert_eq!(
        grid.dropped(2),
        [(0, DroppedEnd::Lowest), (4, DroppedEnd::Highest)]
    );
    assert_eq!(lines[2].aggregate, d("3.00"));
    // The raw scores are all kept on the sheet.
    assert_eq!(grid.raw(2).len(), 5);
}

#[test]
fn mean_and_median() {
    let mut s = scheme();
    s.aggregation = Aggregation::Mean;
    let i = input(
        4,
        vec![cand(
            "a",
            [
                &["7", "8", "9", "10"],
                &["1", "2", "3", "10"],
                &["5", "5", "5", "6"],
            ],
        )],
    );
    let r = evaluate(&rb(), &inline(s.clone(), i.clone()), &[]).unwrap();
    let agg: Vec<String> = r.sheets[0]
        .lines()
        .map(|l| l.aggregate.to_string())
        .collect();
    assert_eq!(agg, ["8.50", "4.00", "5.25"]);
    assert!(r.sheets[0].scores().dropped(0).is_empty());
    s.aggregation = Aggregation::Median;
    let r = evaluate(&rb(), &inline(s, i), &[]).unwrap();
    let agg: Vec<String> = r.sheets[0]
        .lines()
        .map(|l| l.aggregate.to_string())
        .collect();
    assert_eq!(agg, ["8.50", "2.50", "5.00"]);
    assert_eq!(r.scheme, "inline");
    assert_eq!(r.rule.key, "evaluation.schemes.inline");
}

#[test]
fn expelled_member_is_vetoed() {
    let standings = sample_standings();
    let zhao = standings
        .iter()
        .find(|s| s.member.as_str() == "2002013")
        .unwrap();
    assert_eq!(zhao.status, StandingStatus::Expelled);
    let sample = SelectionData::sample();
    let r = evaluate(&rb(), &sample.challenge_cup, &standings).unwrap();
    let sheet = r.sheet("2002013").unwrap();
    assert_eq!(sheet.decision(), Decision::Vetoed);
    assert_eq!(
        r.rule_of(&sheet.decision()).article,
        "seed 000, discipline §2"
    );
    assert_eq!(sheet.rank(), None);
    let veto = sheet.veto().unwrap();
    assert_eq!(
        veto.rule.key,
        "evaluation.schemes.challenge_cup.deductions.veto_expelled"
    );
    assert_eq!(veto.reasons[0].rule.key, "attendance.lateness_limit");
    assert_eq!(veto.reasons[0].records.len(), 2);
    // Vetoed sheets come last; the others are ranked 1, 2, ...
    assert_eq!(r.sheets.last().unwrap().candidate(), "2002013");
    assert!(!r.selected.iter().any(|c| c.as_str() == "2002013"));
    // Challenge Cup takes no points off for lateness.
    assert!(r.sheets.iter().all(|s| s.deductions().is_empty()));
    let text = r.render(Locale::En);
    assert!(text.contains("vetoed"), "{text}");
}

#[test]
fn violations_deduct_on_the_officer_evaluation() {
    let standings = sample_standings();
    let fang = standings
        .iter()
        .find(|s| s.member.as_str() == "2002015")
        .unwrap();
    assert_eq!(fang.counts.lateness, 1);
    let row = |v: &str| vec![Some(d(v)); 3];
    let officer = |id: &str| Candidate {
        id: id.into(),
        name: id.into(),
        category: Some("Science and Technology".into()),
        scores: ["work", "attendance", "discipline"]
            .iter()
            .map(|k| ((*k).to_owned(), row("90")))
            .collect(),
    };
    let i = EvaluationInput {
        scheme: SchemeChoice::Named("officer_evaluation".into()),
        judges: vec!["president".into(), "head".into(), "inspector".into()],
        candidates: vec![
            officer("2002015"),
            officer("2002012"),
            officer("2002014"),
            officer("2001004"),
        ],
    };
    let r = evaluate(&rb(), &i, &standings).unwrap();
    let fang = r.sheet("2002015").unwrap();
    assert_eq!(fang.deductions().len(), 1);
    assert_eq!(fang.deductions()[0].amount, d("2.00"));
    assert_eq!(fang.deductions()[0].counter, Counter::Lateness);
    assert_eq!(fang.deductions()[0].records.len(), 1);
    assert_eq!(
        fang.deductions()[0].rule.article,
        "seed 001, Discipline Inspection §4"
    );
    assert_eq!(fang.total(), d("88.00"));
    // 2002014 missed a regular meeting: 5 points off, and one unexcused absence expels.
    let jing = r.sheet("2002014").unwrap();
    assert_eq!(jing.total(), d("85.00"));
    assert_eq!(jing.decision(), Decision::Vetoed);
    // Two clean records lead (tied, then by id); the department quota of 2 is then full.
    let order: Vec<&str> = r.sheets.iter().map(|s| s.candidate()).collect();
    assert_eq!(order, ["2001004", "2002012", "2002015", "2002014"]);
    assert_eq!(r.sheets[1].rank(), Some(1));
    assert_eq!(r.selected.len(), 2);
    assert!(matches!(
        r.sheets[2].decision(),
        Decision::CategoryQuotaFull { quota: 2, .. }
    ));
}

fn totals_input(totals: &[(&str, &str)]) -> EvaluationInput {
    // One judge, mean, so every criterion's aggregate is the score itself.
    input(
        1,
        totals
            .iter()
            .map(|(id, t)| cand(id, [&[t], &[t], &[t]]))
            .collect(),
    )
}

fn mean_scheme(tie: TieMethod) -> EvaluationScheme {
    let mut s = scheme();
    s.aggregation = Aggregation::Mean;
    s.trim = 0;
    s.tie_method = tie;
    s.tie_break = vec![];
    s.selection.top_n = Limit::Unlimited;
    s.selection.pass_mark = PassMark::None;
    s
}

#[test]
fn tie_methods_1224_dense_ordinal() {
    let i = totals_input(&[("d", "7"), ("c", "8"), ("b", "8"), ("a", "9")]);
    let ranks = |tie| -> Vec<(String, Option<u32>)> {
        evaluate(&rb(), &inline(mean_scheme(tie), i.clone()), &[])
            .unwrap()
            .sheets
            .iter()
            .map(|s| (s.candidate().to_string(), s.rank()))
            .collect()
    };
    let ids = |r: &[(String, Option<u32>)]| r.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    let nums = |r: &[(String, Option<u32>)]| r.iter().map(|x| x.1.unwrap()).collect::<Vec<_>>();
    let comp = ranks(TieMethod::Competition);
    assert_eq!(ids(&comp), ["a", "b", "c", "d"]); // final tie-break: candidate id
    assert_eq!(nums(&comp), [1, 2, 2, 4]);
    assert_eq!(nums(&ranks(TieMethod::Dense)), [1, 2, 2, 3]);
    assert_eq!(nums(&ranks(TieMethod::Ordinal)), [1, 2, 3, 4]);
    // Input order as the final rule puts c (listed before b) first.
    let mut s = mean_scheme(TieMethod::Ordinal);
    s.final_tie_break = FinalTieBreak::InputOrder;
    let r = evaluate(&rb(), &inline(s, i), &[]).unwrap();
    assert_eq!(r.sheets[1].candidate(), "c");
}

#[test]
fn tie_break_chain_separates_equal_totals() {
    // Equal totals; b is better on language expression, the first criterion of the chain.
    let i = input(
        1,
        vec![
            cand("a", [&["7"], &["9"], &["8"]]),
            cand("b", [&["9"], &["7"], &["8"]]),
        ],
    );
    let mut s = mean_scheme(TieMethod::Competition);
    s.tie_break = vec!["language_expression".into()];
    let r = evaluate(&rb(), &inline(s.clone(), i.clone()), &[]).unwrap();
    assert_eq!(r.sheets[0].total(), r.sheets[1].total());
    assert_eq!(r.sheets[0].candidate(), "b");
    assert_eq!((r.sheets[0].rank(), r.sheets[1].rank()), (Some(1), Some(2)));
    // With improvisation first, a wins.
    s.tie_break = vec!["improvisation".into()];
    let r = evaluate(&rb(), &inline(s, i), &[]).unwrap();
    assert_eq!(r.sheets[0].candidate(), "a");
}

#[test]
fn selection_by_top_n_and_pass_mark() {
    let i = totals_input(&[("a", "9"), ("b", "8"), ("c", "8"), ("d", "5")]);
    let mut s = mean_scheme(TieMethod::Competition);
    s.selection.top_n = Limit::At(2);
    s.selection.pass_mark = PassMark::At(d("6"));
    let r = evaluate(&rb(), &inline(s, i), &[]).unwrap();
    let ids: Vec<&str> = r.selected.iter().map(CandidateId::as_str).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(matches!(
        r.sheets[2].decision(),
        Decision::OutsideTopN {
            top_n: 2,
            tied_with_selected: true
        }
    ));
    assert!(matches!(
        r.sheets[3].decision(),
        Decision::BelowPassMark { .. }
    ));
    assert_eq!(
        r.sheets[3].decision().explain(Locale::ZhHans),
        "总分低于及格线 6"
    );
}

#[test]
fn z_score_puts_harsh_and_generous_judges_on_one_footing() {
    // J1 is generous, J2 harsh by 3 points and spread wider; both order a > b > c.
    let i = EvaluationInput {
        scheme: SchemeChoice::Named("challenge_cup".into()),
        judges: vec!["J1".into(), "J2".into()],
        candidates: vec![
            cand("a", [&["9", "6"], &["9", "6"], &["9", "6"]]),
            cand("b", [&["8", "4"], &["8", "4"], &["8", "4"]]),
            cand("c", [&["7", "2"], &["7", "2"], &["7", "2"]]),
        ],
    };
    let mut s = mean_scheme(TieMethod::Competition);
    s.normalization = Normalization::ZScore;
    let r = evaluate(&rb(), &inline(s, i), &[]).unwrap();
    // The scheme's scale (0-10): mean 5, sd 10/6. Each judge's z-scores are +1.22, 0, -1.22,
    // so both judges give each candidate the same normalised score: 5 + 1.2247 * 1.6667 = 7.04.
    for sheet in &r.sheets {
        let n = sheet.line(0).unwrap().normalized;
        assert_eq!(n[0], n[1], "{sheet:?}");
    }
    let b = r.sheet("b").unwrap();
    assert_eq!(
        b.line(0).unwrap().normalized,
        vec![Some(d("5.00")), Some(d("5.00"))]
    );
    assert_eq!(b.scores().raw(0), vec![Some(d("8")), Some(d("4"))]);
    let a = r.sheet("a").unwrap();
    assert_eq!(
        a.line(0).unwrap().normalized,
        vec![Some(d("7.04")), Some(d("7.04"))]
    );
    assert_eq!(r.sheets[0].candidate(), "a");
}

#[test]
fn square_roots_are_exact_and_truncated() {
    assert_eq!(score::sqrt_truncated(d("2")), Some(d("1.41421356")));
    assert_eq!(score::sqrt_truncated(d("6.25")), Some(d("2.5")));
    assert_eq!(score::sqrt_truncated(d("0")), Some(Decimal::ZERO));
    assert_eq!(
        score::sqrt_truncated(d("1000000000000")),
        Some(d("1000000"))
    );
}

#[test]
fn a_missing_score_is_an_error_or_a_skipped_judge() {
    let i = input(
        5,
        vec![cand(
            "a",
            [
                &["8", "9", "7", "10", "8"],
                &["6", "-", "6", "6", "6"],
                &["9", "9", "9", "9", "9"],
            ],
        )],
    );
    let err = evaluate(&rb(), &i, &[]).unwrap_err();
    assert_eq!(err.code(), "evaluation.missing_score");
    assert_eq!(err.path(), "candidates[0].scores.improvisation");
    assert_eq!(err.params()["judge"], "J2");
    let mut s = scheme();
    s.missing_score = MissingScore::SkipJudge;
    let r = evaluate(&rb(), &inline(s.clone(), i.clone()), &[]).unwrap();
    assert_eq!(r.sheets[0].scores().raw(1)[1], None);
    assert_eq!(r.sheets[0].line(1).unwrap().aggregate, d("6.00"));
    // A short row counts as missing for the judges at its end.
    let mut short = i;
    short.candidates[0]
        .scores
        .insert("improvisation".into(), vec![Some(d("6")), Some(d("6"))]);
    let err = evaluate(&rb(), &inline(s, short), &[]).unwrap_err();
    assert_eq!(err.code(), "evaluation.too_few_scores");
    assert_eq!(err.params()["needed"], "3");
}

#[test]
fn bad_input_is_refused_by_code_and_path() {
    let good = || {
        input(
            5,
            vec![
                cand("a", [&["8"; 5], &["8"; 5], &["8"; 5]]),
                cand("b", [&["7"; 5], &["7"; 5], &["7"; 5]]),
            ],
        )
    };
    let cases: Vec<(EvaluationInput, &str, &str)> = vec![
        {
            let mut i = good();
            i.candidates[1].scores.get_mut("improvisation").unwrap()[3] = Some(d("10.5"));
            (
                i,
                "evaluation.score_out_of_scale",
                "candidates[1].scores.improvisation[3]",
            )
        },
        {
            let mut i = good();
            i.candidates[0]
                .scores
                .get_mut("written_expression")
                .unwrap()[0] = Some(d("-1"));
            (
                i,
                "evaluation.score_out_of_scale",
                "candidates[0].scores.written_expression[0]",
            )
        },
        {
            let mut i = good();
            i.candidates[1].id = "a".into();
            (i, "evaluation.duplicate_candidate", "candidates[1].id")
        },
        {
            let mut i = good();
            i.judges[4] = "J1".into();
            (i, "evaluation.duplicate_judge", "judges[4]")
        },
        {
            let mut i = good();
            i.judges[2] = " ".into();
            (i, "evaluation.empty_id", "judges[2]")
        },
        {
            let mut i = good();
            i.candidates[0].id = "".into();
            (i, "evaluation.empty_id", "candidates[0].id")
        },
        {
            let mut i = good();
            i.candidates[1]
                .scores
                .insert("charm".into(), vec![Some(d("8"))]);
            (
                i,
                "evaluation.unknown_criterion",
                "candidates[1].scores.charm",
            )
        },
        {
            let mut i = good();
            i.candidates[0]
                .scores
                .get_mut("improvisation")
                .unwrap()
                .push(Some(d("8")));
            (
                i,
                "evaluation.unknown_judge",
                "candidates[0].scores.improvisation[5]",
            )
        },
        {
            let mut i = good();
            i.scheme = SchemeChoice::Named("beauty".into());
            (i, "evaluation.unknown_scheme", "scheme")
        },
        {
            let mut s = scheme();
            s.criteria[2].weight = d("-1");
            (
                inline(s, good()),
                "evaluation.non_positive_weight",
                "scheme.criteria[2].weight",
            )
        },
        {
            let mut s = scheme();
            s.criteria[1].weight = Decimal::ZERO;
            (
                inline(s, good()),
                "evaluation.non_positive_weight",
                "scheme.criteria[1].weight",
            )
        },
        {
            let mut s = scheme();
            s.criteria[1].id = "language_expression".into();
            (
                inline(s, good()),
                "evaluation.duplicate_criterion",
                "scheme.criteria[1].id",
            )
        },
        {
            let mut s = scheme();
            s.criteria.clear();
            (
                inline(s, good()),
                "evaluation.no_criteria",
                "scheme.criteria",
            )
        },
        {
            let mut s = scheme();
            s.scale_max = d("0");
            (
                inline(s, good()),
                "evaluation.invalid_scale",
                "scheme.scale_max",
            )
        },
        {
            let mut s = scheme();
            s.tie_break = vec!["charm".into()];
            (
                inline(s, good()),
                "evaluation.unknown_criterion",
                "scheme.tie_break[0]",
            )
        },
        {
            let mut s = scheme();
            s.decimals = 30;
            (
                inline(s, good()),
                "evaluation.invalid_setting",
                "scheme.decimals",
            )
        },
        {
            let mut s = scheme();
            s.trim = 0;
            (
                inline(s, good()),
                "evaluation.invalid_setting",
                "scheme.trim",
            )
        },
        {
            let mut s = scheme();
            s.trim = 3;
            (
                inline(s, good()),
                "evaluation.too_few_scores",
                "candidates[0].scores.language_expression",
            )
        },
    ];
    for (i, code, path) in cases {
        let err = evaluate(&rb(), &i, &[]).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{err}");
        assert_ne!(err.message(Locale::En), err.message(Locale::ZhHans));
        let crate_err = crate::Error::from(err);
        assert_eq!(crate_err.area(), "evaluation");
    }
}

/// Every candidate's ids and rows are checked before any score counts: a later candidate's
/// unknown criterion or duplicate id is reported before an earlier one's bad score, with or
/// without normalisation (which reads every row first).
#[test]
fn ids_and_rows_are_checked_before_scores() {
    for z in [false, true] {
        let mut s = scheme();
        if z {
            s.normalization = Normalization::ZScore;
        }
        let good = ["8", "8", "8", "8", "8"];
        let mut first = cand("a", [&good, &good, &good]);
        first.scores.get_mut("improvisation").unwrap()[0] = Some(d("11"));
        let mut unknown = cand("b", [&good, &good, &good]);
        unknown.scores.insert("charm".into(), vec![Some(d("8"))]);
        let i = inline(s.clone(), input(5, vec![first.clone(), unknown]));
        let err = evaluate(&rb(), &i, &[]).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("evaluation.unknown_criterion", "candidates[1].scores.charm")
        );
        let twice = cand("a", [&good, &good, &good]);
        let i = inline(s.clone(), input(5, vec![first.clone(), twice]));
        let err = evaluate(&rb(), &i, &[]).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("evaluation.duplicate_candidate", "candidates[1].id")
        );
        // With nothing else wrong, the bad score is the error.
        let i = inline(s, input(5, vec![first, cand("b", [&good, &good, &good])]));
        let err = evaluate(&rb(), &i, &[]).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            (
                "evaluation.score_out_of_scale",
                "candidates[0].scores.improvisation[0]"
            )
        );
    }
}

#[test]
fn rulebook_scheme_errors_carry_the_key_path() {
    let cases = [
        (
            "[[evaluation.schemes.challenge_cup.criteria]]\nid = \"x\"\ntitle = \"X\"\nweight = \"0\"",
            "rulebook.inconsistent",
            "evaluation.schemes.challenge_cup.criteria[0].weight",
        ),
        (
            "[evaluation.schemes.challenge_cup]\nscale_min = \"10\"",
            "rulebook.inconsistent",
            "evaluation.schemes.challenge_cup.scale_max",
        ),
        (
            "[evaluation.schemes.challenge_cup.selection]\ntop_n = \"all\"",
            "rulebook.invalid_type",
            "evaluation.schemes.challenge_cup.selection.top_n",
        ),
        (
            "[evaluation.schemes.challenge_cup.selection]\npass_mark = \"six\"",
            "rulebook.invalid_type",
            "evaluation.schemes.challenge_cup.selection.pass_mark",
        ),
        (
            "[evaluation.schemes.challenge_cup]\naggregation = \"mode\"",
            "rulebook.invalid_type",
            "evaluation.schemes.challenge_cup.aggregation",
        ),
        (
            "[evaluation.schemes.challenge_cup]\nweights = 1",
            "rulebook.unknown_key",
            "evaluation.schemes.challenge_cup.weights",
        ),
    ];
    for (text, code, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}: {err}");
    }
    // Limits can be switched off in TOML, which has no null.
    let rb = Rulebook::from_toml_str(
        "[evaluation.schemes.challenge_cup.selection]\ntop_n = \"unlimited\"\npass_mark = \"none\"",
    )
    .unwrap();
    let sel = &rb.evaluation.schemes["challenge_cup"].selection;
    assert_eq!(
        (sel.top_n, sel.pass_mark),
        (Limit::Unlimited, PassMark::None)
    );
}

#[test]
fn rulebook_round_trips_with_evaluation_and_recruitment() {
    let mut rb = rb();
    {
        let s = rb.evaluation.schemes.get_mut("challenge_cup").unwrap();
        s.selection.top_n = Limit::Unlimited;
        s.selection.pass_mark = PassMark::None;
        s.selection.category_quotas.insert("Secretariat".into(), 1);
        s.criteria[0].weight = d("1.25");
    }
    rb.recruitment.places[4].year_of_study = Some(3);
    let toml = rb.to_toml_string().unwrap();
    assert_eq!(Rulebook::from_toml_str(&toml).unwrap(), rb);
    assert_eq!(Rulebook::from_json_str(&rb.to_json_string()).unwrap(), rb);
}

fn arb_input() -> impl Strategy<Value = (EvaluationInput, EvaluationScheme)> {
    (
        1usize..6,
        proptest::collection::vec(proptest::collection::vec(0u32..=20, 15), 1..12),
        prop_oneof![
            Just(TieMethod::Competition),
            Just(TieMethod::Dense),
            Just(TieMethod::Ordinal)
        ],
        prop_oneof![
            Just(Aggregation::Mean),
            Just(Aggregation::Median),
            Just(Aggregation::TrimmedMean)
        ],
        any::<bool>(),
        0u32..4,
        proptest::option::of(0u32..4),
    )
        .prop_map(|(judges, scores, tie, agg, z, top_n, quota)| {
            let judges = if agg == Aggregation::TrimmedMean {
                judges + 2
            } else {
                judges
            };
            let candidates = scores
                .iter()
                .enumerate()
                .map(|(n, halves)| Candidate {
                    id: CandidateId::from(format!("c{:02}", (n * 7) % 12)),
                    name: String::new(),
                    category: Some(format!("k{}", n % 2)),
                    scores: ["language_expression", "improvisation", "written_expression"]
                        .iter()
                        .enumerate()
                        .map(|(k, key)| {
                            let row = (0..judges)
                                .map(|j| {
                                    let h = halves[(k * 5 + j) % 15];
                                    Some(Decimal::new(i64::from(h) * 5, 1))
                                })
                                .collect();
                            ((*key).to_owned(), row)
                        })
                        .collect(),
                })
                .collect::<Vec<_>>();
            // Ids must be unique: keep the first of each.
            let mut seen = std::collections::BTreeSet::new();
            let candidates = candidates
                .into_iter()
                .filter(|c| seen.insert(c.id.clone()))
                .collect();
            let mut s = scheme();
            s.aggregation = agg;
            s.tie_method = tie;
            s.normalization = if z {
                Normalization::ZScore
            } else {
                Normalization::None
            };
            s.selection.top_n = if top_n == 0 {
                Limit::Unlimited
            } else {
                Limit::At(top_n)
            };
            s.selection.category_quota = quota.map_or(Limit::Unlimited, Limit::At);
            s.selection.pass_mark = PassMark::At(d("4"));
            let i = EvaluationInput {
                scheme: SchemeChoice::Inline(Box::new(s.clone())),
                judges: (0..judges).map(|j| JudgeId(format!("J{j}"))).collect(),
                candidates,
            };
            (i, s)
        })
}

proptest! {
    /// Ranks follow totals: a better total never ranks below a worse one, equal keys share a
    /// rank (competition and dense), ranks are 1-based and never skip for dense.
    #[test]
    fn rank_order_is_consistent_with_totals((i, s) in arb_input()) {
        let r = evaluate(&rb(), &i, &[]).unwrap();
        prop_assert_eq!(r.sheets.len(), i.candidates.len());
        let ranked: Vec<&ScoreSheet> = r.sheets.iter().filter(|x| x.rank().is_some()).collect();
        for w in ranked.windows(2) {
            let (a, b) = (w[0], w[1]);
            prop_assert!(a.total() >= b.total());
            prop_assert!(a.rank() <= b.rank());
            if a.total() > b.total() {
                prop_assert!(a.rank() < b.rank());
            }
            if s.tie_method == TieMethod::Ordinal {
                prop_assert_eq!(b.rank().unwrap(), a.rank().unwrap() + 1);
            }
            if s.tie_method == TieMethod::Dense {
                prop_assert!(b.rank().unwrap() - a.rank().unwrap() <= 1);
            }
        }
        if let Some(first) = ranked.first() {
            prop_assert_eq!(first.rank(), Some(1));
        }
        // The total is the weighted mean of the aggregates less the deductions; the shown
        // contributions add up to it within half a unit per criterion.
        let unit = Decimal::new(1, s.decimals);
        for sheet in &r.sheets {
            let weighted: Decimal = sheet.lines().map(|l| l.aggregate * l.weight).sum();
            let weights: Decimal = sheet.lines().map(|l| l.weight).sum();
            prop_assert_eq!(score::fix(weighted / weights, s.decimals) - sheet.deducted(), sheet.total());
            let sum: Decimal = sheet.lines().map(|l| l.contribution).sum();
            prop_assert!((sum - sheet.subtotal()).abs() <= unit * Decimal::from(sheet.lines().len()) / Decimal::TWO);
        }
    }

    /// Selection never exceeds top N or a category quota, and never takes a total below the
    /// pass mark.
    #[test]
    fn selection_respects_its_limits((i, s) in arb_input()) {
        let r = evaluate(&rb(), &i, &[]).unwrap();
        if let Some(n) = s.selection.top_n.get() {
            prop_assert!(r.selected.len() <= n as usize);
        }
        let mut per: BTreeMap<String, u32> = BTreeMap::new();
        for sheet in r.sheets.iter().filter(|x| x.decision().is_selected()) {
            prop_assert!(sheet.total() >= d("4"));
            *per.entry(sheet.category().unwrap().to_owned()).or_default() += 1;
        }
        for (cat, n) in per {
            if let Some(q) = s.selection.quota_of(&cat).get() {
                prop_assert!(n <= q);
            }
        }
    }

    /// Shuffling the candidates changes no sheet, and, with candidate ids as the final rule,
    /// not the order either.
    #[test]
    fn candidate_order_does_not_matter((i, _s) in arb_input(), seed in any::<u64>()) {
        let r = evaluate(&rb(), &i, &[]).unwrap();
        let mut shuffled = i.clone();
        let n = shuffled.candidates.len();
        for k in (1..n).rev() {
            let j = (seed.wrapping_mul(k as u64 + 17) % (k as u64 + 1)) as usize;
            shuffled.candidates.swap(k, j);
        }
        let r2 = evaluate(&rb(), &shuffled, &[]).unwrap();
        prop_assert_eq!(r, r2);
    }

    /// Inputs and results survive a JSON round trip exactly.
    #[test]
    fn json_round_trip_is_lossless((i, _s) in arb_input()) {
        let text = serde_json::to_string(&i).unwrap();
        let back: EvaluationInput = crate::input::from_json_str(&text).unwrap();
        prop_assert_eq!(&back, &i);
        let r = evaluate(&rb(), &i, &[]).unwrap();
        let text = serde_json::to_string(&r).unwrap();
        let back: Ranking = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, r);
    }
}

#[test]
fn sample_ranking_renders_in_both_languages() {
    let r = evaluate(
        &rb(),
        &SelectionData::sample().challenge_cup,
        &sample_standings(),
    )
    .unwrap();
    let en = r.render(Locale::En);
    let zh = r.render(Locale::ZhHans);
    assert!(en.contains("Rank") && en.contains("[9.5]"));
    assert!(zh.contains("名次") && zh.contains("一票否决"));
    // Columns align: every summary row starts its name column at the same display width.
    let rows: Vec<&str> = en.lines().skip(1).take(9).collect();
    let col = |l: &str| crate::table::width(&l[..l.find("  ").unwrap()]);
    assert!(rows.iter().all(|l| col(l) <= 4));
}

/// A sheet as the rules of domain.md §2 say it should be, computed plainly (decimals, a
/// full sort), to hold the engine's packed integers and sorts to.
#[derive(Debug, Clone, PartialEq)]
struct PlainSheet {
    candidate: String,
    /// Per line: aggregate, contribution.
    lines: Vec<(Decimal, Decimal)>,
    scores: Vec<Vec<JudgeScore>>,
    subtotal: Decimal,
    deducted: Decimal,
    total: Decimal,
    vetoed: bool,
    rank: Option<u32>,
    decision: Decision,
}

/// The sheets of `input` under `s`, in input order, without rank or decision. The scores
/// are recomputed from the raw ones, except under normalisation (then they are the
/// engine's, from `engine`).
fn plain_sheets(
    input: &EvaluationInput,
    s: &EvaluationScheme,
    standings: &[Standing],
    engine: &Ranking,
) -> Vec<PlainSheet> {
    let judges = input.judges.len();
    let sum_w: Decimal = s.criteria.iter().map(|c| c.weight).sum();
    input
        .candidates
        .iter()
        .map(|c| {
            let standing = standings
                .iter()
                .find(|st| st.member.as_str() == c.id.as_str());
            let mut deducted = Decimal::ZERO;
            if let Some(st) = standing {
                for (count, per) in [
                    (st.counts.lateness, s.deductions.per_lateness),
                    (st.counts.absences, s.deductions.per_absence),
                ] {
                    if count > 0 && !per.is_zero() {
                        deducted += score::fix(per * Decimal::from(count), s.decimals);
                    }
                }
            }
            let vetoed = s.deductions.veto_expelled
                && standing.is_some_and(|st| st.status == StandingStatus::Expelled);
            if s.normalization == Normalization::ZScore {
                let e = engine.sheet(c.id.as_str()).unwrap();
                return PlainSheet {
                    candidate: c.id.to_string(),
                    lines: e.lines().map(|l| (l.aggregate, l.contribution)).collect(),
                    scores: e.scores().to_rows(),
                    subtotal: e.subtotal(),
                    deducted,
                    total: e.subtotal() - deducted,
                    vetoed,
                    rank: None,
                    decision: Decision::Selected,
                };
            }
            let mut lines = Vec::new();
            let mut scores = Vec::new();
            let mut weighted = Decimal::ZERO;
            for criterion in &s.criteria {
                let row: Vec<Option<Decimal>> = (0..judges)
                    .map(|j| {
                        c.scores
                            .get(&criterion.id)
                            .and_then(|r| r.get(j).copied().flatten())
                    })
                    .collect();
                // By value, then judge: the lowest first.
                let mut present: Vec<(Decimal, usize)> =
                    (0..judges).filter_map(|j| row[j].map(|x| (x, j))).collect();
                present.sort();
                let n = present.len();
                let mut dropped = vec![None; judges];
                let kept = match s.aggregation {
                    Aggregation::Mean => &present[..],
                    Aggregation::Median => &present[(n - 1) / 2..=n / 2],
                    Aggregation::TrimmedMean => {
                        let t = s.trim as usize;
                        for &(_, j) in &present[..t] {
                            dropped[j] = Some(DroppedEnd::Lowest);
                        }
                        for &(_, j) in &present[n - t..] {
                            dropped[j] = Some(DroppedEnd::Highest);
                        }
                        &present[t..n - t]
                    }
                };
                let sum: Decimal = kept.iter().map(|x| x.0).sum();
                let aggregate = score::fix(sum / Decimal::from(kept.len()), s.decimals);
                weighted += aggregate * criterion.weight;
                lines.push((
                    aggregate,
                    score::fix(aggregate * criterion.weight / sum_w, s.decimals),
                ));
                scores.push(
                    (0..judges)
                        .map(|j| JudgeScore {
                            raw: row[j],
                            dropped: dropped[j],
                        })
                        .collect(),
                );
            }
            let subtotal = score::fix(weighted / sum_w, s.decimals);
            PlainSheet {
                candidate: c.id.to_string(),
                lines,
                scores,
                subtotal,
                deducted,
                total: subtotal - deducted,
                vetoed,
                rank: None,
                decision: Decision::Selected,
            }
        })
        .collect()
}

/// The sheets ranked by a full sort on the declared rules (total, then the tie-break
/// criteria, higher first; then the final rule), ranked by the tie method and selected by
/// top N, pass mark and category quotas; the vetoed ones after, in input order.
fn plain_ranking(
    mut sheets: Vec<PlainSheet>,
    input: &EvaluationInput,
    s: &EvaluationScheme,
) -> Vec<PlainSheet> {
    let position = |id: &str| s.criteria.iter().position(|c| c.id == id).unwrap();
    let chain: Vec<usize> = s.tie_break.iter().map(|id| position(id)).collect();
    let key = |p: &PlainSheet| -> Vec<Decimal> {
        std::iter::once(p.total)
            .chain(chain.iter().map(|&k| p.lines[k].0))
            .collect()
    };
    let index = |p: &PlainSheet| {
        input
            .candidates
            .iter()
            .position(|c| c.id.as_str() == p.candidate)
            .unwrap()
    };
    let (mut ranked, vetoed): (Vec<PlainSheet>, Vec<PlainSheet>) =
        sheets.drain(..).partition(|p| !p.vetoed);
    ranked.sort_by(|a, b| {
        key(b).cmp(&key(a)).then_with(|| match s.final_tie_break {
            FinalTieBreak::CandidateId => a.candidate.cmp(&b.candidate),
            FinalTieBreak::InputOrder => index(a).cmp(&index(b)),
        })
    });
    let category = |p: &PlainSheet| input.candidates[index(p)].category.clone();
    let mut selected = 0u32;
    let mut per_category: BTreeMap<String, u32> = BTreeMap::new();
    let mut last_selected: Option<Vec<Decimal>> = None;
    for pos in 0..ranked.len() {
        let k = key(&ranked[pos]);
        let first_equal = (0..pos).find(|&q| key(&ranked[q]) == k).unwrap_or(pos);
        let distinct_before = (0..first_equal)
            .filter(|&q| q == 0 || key(&ranked[q]) != key(&ranked[q - 1]))
            .count();
        ranked[pos].rank = Some(match s.tie_method {
            TieMethod::Competition => first_equal as u32 + 1,
            TieMethod::Dense => distinct_before as u32 + 1,
            TieMethod::Ordinal => pos as u32 + 1,
        });
        let cat = category(&ranked[pos]);
        let sel = &s.selection;
        ranked[pos].decision = if sel.pass_mark.get().is_some_and(|m| ranked[pos].total < m) {
            Decision::BelowPassMark {
                pass_mark: sel.pass_mark.get().unwrap(),
            }
        } else if sel.top_n.reached(selected) {
            Decision::OutsideTopN {
                top_n: sel.top_n.get().unwrap(),
                tied_with_selected: last_selected.as_ref() == Some(&k),
            }
        } else if let Some(c) = cat.as_ref().filter(|c| {
            sel.quota_of(c)
                .reached(per_category.get(*c).copied().unwrap_or(0))
        }) {
            Decision::CategoryQuotaFull {
                category: c.clone(),
                quota: sel.quota_of(c).get().unwrap(),
            }
        } else {
            selected += 1;
            last_selected = Some(k);
            if let Some(c) = cat {
                *per_category.entry(c).or_default() += 1;
            }
            Decision::Selected
        };
    }
    ranked.extend(vetoed.into_iter().map(|mut p| {
        p.decision = Decision::Vetoed;
        p
    }));
    ranked
}

/// The engine's sheets in the same shape.
fn engine_sheets(r: &Ranking) -> Vec<PlainSheet> {
    r.sheets
        .iter()
        .map(|e| PlainSheet {
            candidate: e.candidate().to_owned(),
            lines: e.lines().map(|l| (l.aggregate, l.contribution)).collect(),
            scores: e.scores().to_rows(),
            subtotal: e.subtotal(),
            deducted: e.deducted(),
            total: e.total(),
            vetoed: e.veto().is_some(),
            rank: e.rank(),
            decision: e.decision(),
        })
        .collect()
}

/// The sample term's standings (deductions and an expulsion), once.
fn standings_once() -> &'static [Standing] {
    static STANDINGS: std::sync::OnceLock<Vec<Standing>> = std::sync::OnceLock::new();
    STANDINGS.get_or_init(sample_standings)
}

/// Small random evaluations that meet every rule's edge: ties on totals and tie-break
/// criteria (two score levels only, half the time), mixed scales and negative scores (the engine's general path), mantissas past
/// 32 bits, missing scores, every tie method and final rule, quotas, deductions and vetoes.
fn arb_case() -> impl Strategy<Value = (EvaluationInput, EvaluationScheme)> {
    let ends = prop_oneof![
        Just(("0", "10")),
        Just(("-5", "5")),
        Just(("0", "100")),
        Just(("0", "1000000")),
    ];
    let shape = (
        ends,
        1usize..5,
        prop_oneof![
            Just(Aggregation::Mean),
            Just(Aggregation::Median),
            Just(Aggregation::TrimmedMean)
        ],
        1u32..3,
        any::<bool>(),
        0u32..4,
        prop_oneof![
            Just(TieMethod::Competition),
            Just(TieMethod::Dense),
            Just(TieMethod::Ordinal)
        ],
        any::<bool>(),
        proptest::collection::vec(0usize..3, 0..3),
        proptest::collection::vec(0usize..5, 3),
    );
    let selection = (
        0u32..5,
        proptest::option::of(0u32..8),
        proptest::option::of(0u32..3),
        proptest::option::of(0u32..2),
        (0usize..3, 0usize..2, any::<bool>()),
    );
    // Per candidate: an id from the pool, a category, 3 rows of up to 8 scores, each a
    // level (0..=8 of the scale), a scale (0..=4) and a presence.
    let candidates = proptest::collection::vec(
        (
            0usize..20,
            0usize..4,
            proptest::collection::vec((0u32..=8, 0u32..5, 0u32..8), 24),
        ),
        1..14,
    );
    (shape, selection, candidates, (any::<bool>(), any::<bool>())).prop_map(
        |(
            (ends, judges, agg, trim, z, decimals, tie, by_id, chain, weights),
            (top_n, pass, quota, k0_quota, (per_lateness, per_absence, veto)),
            cands,
            (mixed_scales, coarse),
        )| {
            let (lo, hi) = (d(ends.0), d(ends.1));
            let needed = if agg == Aggregation::TrimmedMean {
                2 * trim as usize + 1
            } else {
                1
            };
            let judges = judges + needed;
            let criteria: Vec<Criterion> = ["a", "b", "c"]
                .iter()
                .zip(&weights)
                .map(|(id, w)| Criterion {
                    id: (*id).to_owned(),
                    title: id.to_uppercase(),
                    weight: [d("1"), d("2"), d("0.5"), d("1.25"), d("3")][*w],
                })
                .collect();
            let mut tie_break: Vec<String> = Vec::new();
            for k in chain {
                let id = criteria[k].id.clone();
                if !tie_break.contains(&id) {
                    tie_break.push(id);
                }
            }
            let members: Vec<String> = standings_once()
                .iter()
                .map(|st| st.member.as_str().to_owned())
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            let candidates = cands
                .iter()
                .filter_map(|(id, category, levels)| {
                    let id = match members.get(*id) {
                        Some(m) if id % 2 == 0 => m.clone(),
                        _ => format!("x{:02}", (id * 7) % 20),
                    };
                    if !seen.insert(id.clone()) {
                        return None;
                    }
                    let scores = criteria
                        .iter()
                        .enumerate()
                        .map(|(k, cr)| {
                            let row = (0..judges)
                                .map(|j| {
                                    let (level, scale, presence) = levels[(k * 8 + j) % 24];
                                    // The first `needed` judges always score.
                                    if j >= needed && presence == 0 {
                                        return None;
                                    }
                                    let scale = if mixed_scales { scale } else { 2 };
                                    // Two levels only: many exact ties.
                                    let level = if coarse { 4 + (level % 2) * 4 } else { level };
                                    // `level` eighths of the way up the scale, at `scale`.
                                    let span = hi - lo;
                                    let v = lo + span * Decimal::from(level) / Decimal::from(8);
                                    let mut v = v.round_dp(scale);
                                    v.rescale(scale);
                                    Some(v.clamp(lo, hi))
                                })
                                .collect();
                            (cr.id.clone(), row)
                        })
                        .collect();
                    Some(Candidate {
                        id: CandidateId::from(id),
                        name: String::new(),
                        category: (*category < 3).then(|| format!("k{category}")),
                        scores,
                    })
                })
                .collect();
            let mut s = scheme();
            s.scale_min = lo;
            s.scale_max = hi;
            s.criteria = criteria;
            s.aggregation = agg;
            s.trim = trim;
            s.normalization = if z {
                Normalization::ZScore
            } else {
                Normalization::None
            };
            s.missing_score = MissingScore::SkipJudge;
            s.decimals = decimals;
            s.tie_method = tie;
            s.tie_break = tie_break;
            s.final_tie_break = if by_id {
                FinalTieBreak::CandidateId
            } else {
                FinalTieBreak::InputOrder
            };
            s.deductions.per_lateness = [d("0"), d("0.5"), d("1.25")][per_lateness];
            s.deductions.per_absence = [d("0"), d("2")][per_absence];
            s.deductions.veto_expelled = veto;
            s.selection.top_n = if top_n == 0 {
                Limit::Unlimited
            } else {
                Limit::At(top_n)
            };
            s.selection.pass_mark = pass.map_or(PassMark::None, |p| {
                PassMark::At(lo + (hi - lo) * Decimal::from(p) / Decimal::from(8))
            });
            s.selection.category_quota = quota.map_or(Limit::Unlimited, Limit::At);
            s.selection.category_quotas =
                k0_quota.map(|q| ("k0".to_owned(), q)).into_iter().collect();
            let i = EvaluationInput {
                scheme: SchemeChoice::Inline(Box::new(s.clone())),
                judges: (0..judges).map(|j| JudgeId(format!("J{j}"))).collect(),
                candidates,
            };
            (i, s)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The engine (compact cells, one pass on small integers, packed sort keys, ranks by
    /// index) gives exactly the sheets, order, ranks and decisions of a plain computation:
    /// decimals for the scores and a full sort of the sheets by the declared rules.
    #[test]
    fn the_engine_agrees_with_a_plain_computation((i, s) in arb_case()) {
        let standings = standings_once();
        let r = evaluate(&rb(), &i, standings).unwrap();
        let plain = plain_ranking(plain_sheets(&i, &s, standings, &r), &i, &s);
        prop_assert_eq!(engine_sheets(&r), plain);
        let selected: Vec<&str> = r
            .sheets
            .iter()
            .filter(|x| x.decision().is_selected())
            .map(|x| x.candidate())
            .collect();
        prop_assert_eq!(r.selected.iter().map(|c| c.as_str()).collect::<Vec<_>>(), selected);
    }
}
