use std::str::FromStr;

use proptest::prelude::*;

use super::allocate::{Value, allocate_with};
use super::*;
use crate::diagnostic::{Diagnostic, Locale};
use crate::evaluation::PassMark;
use crate::members::{Department, Member, MemberStatus, Role};
use crate::report::SelectionData;
use crate::rulebook::Rulebook;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2002, m, dd).unwrap()
}

fn rb() -> Rulebook {
    Rulebook::default()
}

fn cand(id: &str, grade: &str, skills: &[&str], score: &str) -> RecruitmentCandidate {
    RecruitmentCandidate {
        id: id.into(),
        name: format!("Candidate {id}"),
        grade: Grade::parse(grade).unwrap(),
        skills: skills.iter().map(|s| Skill((*s).to_owned())).collect(),
        source: Source::Registration,
        referred_by: None,
        registered_on: day(9, 10),
        score: Some(d(score)),
    }
}

fn round(candidates: Vec<RecruitmentCandidate>) -> RecruitmentRound {
    RecruitmentRound {
        year: 2002,
        decided_on: day(9, 27),
        candidates,
    }
}

const C: &str = "computer";
const O: &str = "organization_language";

#[test]
fn the_default_plan_is_the_seeds() {
    let p = rb().recruitment;
    assert_eq!((p.min_total, p.max_total), (5, 8));
    let plan: Vec<(u32, bool, Option<u32>, Option<&str>)> = p
        .places
        .iter()
        .map(|c| {
            (
                c.count,
                c.required,
                c.year_of_study,
                c.skill.as_ref().map(|s| s.0.as_str()),
            )
        })
        .collect();
    assert_eq!(
        plan,
        [
            (1, true, Some(1), Some(C)),
            (2, true, Some(1), Some(O)),
            (1, true, Some(2), Some(C)),
            (1, true, Some(2), Some(O)),
            (3, false, None, None),
        ]
    );
    let required: u32 = p
        .places
        .iter()
        .filter(|c| c.required)
        .map(|c| c.count)
        .sum();
    assert_eq!(required, 5);
    assert_eq!(p.deadline, MonthDay { month: 10, day: 1 });
    assert_eq!(p.exam_scheme, "recruitment_exam");
}

#[test]
fn the_sample_round_is_allocated_with_reasons() {
    let a = allocate(&rb(), &SelectionData::sample().recruitment).unwrap();
    assert!(a.render(Locale::ZhHans).contains("已招名额"));
    assert!(a.feasible, "{a:#?}");
    assert_eq!(a.filled.len(), 8);
    assert!(a.relaxations.is_empty());
    assert_eq!(a.deadline, day(10, 1));
    let reason = |id: &str| {
        a.not_chosen
            .iter()
            .find(|n| n.candidate.as_str() == id)
            .map(|n| n.reason.clone())
    };
    assert!(matches!(
        reason("2002106"),
        Some(NotChosenReason::BelowMinScore { .. })
    ));
    assert_eq!(reason("2002107"), Some(NotChosenReason::NoExamScore));
    assert!(matches!(
        reason("2002108"),
        Some(NotChosenReason::RegisteredAfterDecision { .. })
    ));
    assert_eq!(a.not_chosen.len(), 4);
    // Han Bing (second year, both skills, 90) and Gao Yan (first year, both skills, 91.5)
    // each take a place of their year.
    assert_eq!(a.place_of("2001103").unwrap().year_of_study, 2);
    assert!(
        a.place_of("2002101")
            .unwrap()
            .place
            .starts_with("first_year")
    );
}

/// Greedy by score, each candidate into the first class of the plan that accepts them.
fn greedy_by_candidate(plan: &[PlaceClass], entrants: &[(&str, u32, Vec<Skill>)]) -> Vec<u32> {
    let mut filled = vec![0u32; plan.len()];
    for (_, year, skills) in entrants {
        if let Some(c) =
            (0..plan.len()).find(|&c| filled[c] < plan[c].count && plan[c].accepts(*year, skills))
        {
            filled[c] += 1;
        }
    }
    filled
}

/// Greedy by class: each class in plan order takes the best remaining candidates it accepts.
fn greedy_by_class(plan: &[PlaceClass], entrants: &[(&str, u32, Vec<Skill>)]) -> Vec<u32> {
    let mut used = vec![false; entrants.len()];
    plan.iter()
        .map(|class| {
            let mut n = 0;
            for (i, (_, year, skills)) in entrants.iter().enumerate() {
                if n < class.count && !used[i] && class.accepts(*year, skills) {
                    used[i] = true;
                    n += 1;
                }
            }
            n
        })
        .collect()
}

#[test]
fn greedy_fails_where_the_optimum_holds() {
    // First years: A has both skills (95), B only computer (90), C only organization (85).
    // Greedy gives A the computer place; B then has nowhere to go and the second
    // organization place stays empty. The optimum gives A an organization place.
    let r = round(vec![
        cand("A", "02", &[C, O], "95"),
        cand("B", "02", &[C], "90"),
        cand("C", "02", &[O], "85"),
        cand("E", "01", &[C], "80"),
        cand("F", "01", &[O], "75"),
        cand("G", "00", &[], "70"),
    ]);
    let plan = &rb().recruitment.places;
    let entrants: Vec<(&str, u32, Vec<Skill>)> = r
        .candidates
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                year_of_study(c.grade, 2002).unwrap(),
                c.skills.clone(),
            )
        })
        .collect();
    let required = |filled: &[u32]| -> u32 {
        filled
            .iter()
            .zip(plan)
            .filter(|(_, c)| c.required)
            .map(|(f, _)| *f)
            .sum()
    };
    assert_eq!(required(&greedy_by_candidate(plan, &entrants)), 4);
    assert_eq!(required(&greedy_by_class(plan, &entrants)), 4);

    let a = allocate(&rb(), &r).unwrap();
    assert!(a.feasible);
    assert_eq!(
        a.place_of("A").unwrap().place,
        "first_year_organization_language"
    );
    assert_eq!(a.place_of("B").unwrap().place, "first_year_computer");
    assert_eq!(
        a.place_of("C").unwrap().place,
        "first_year_organization_language"
    );
    assert_eq!(a.place_of("G").unwrap().place, "reserve");
    assert_eq!(a.total_score, d("495"));
    assert!(a.not_chosen.is_empty());
    // Two reserve places stay empty: nobody is left, and they are not required.
    assert_eq!(a.unfilled.len(), 2);
    assert!(a.unfilled.iter().all(|u| !u.required));
}

#[test]
fn an_unfillable_quota_reports_the_smallest_relaxation() {
    // No first-year computer candidate at all.
    let r = round(vec![
        cand("A", "02", &[O], "95"),
        cand("B", "02", &[O], "90"),
        cand("C", "02", &[O], "85"),
        cand("E", "01", &[C], "80"),
        cand("F", "01", &[O], "75"),
        cand("H", "01", &[C], "65"),
    ]);
    let a = allocate(&rb(), &r).unwrap();
    assert!(!a.feasible);
    let empty: Vec<&UnfilledPlace> = a.unfilled.iter().filter(|u| u.required).collect();
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].place, "first_year_computer");
    assert_eq!(empty[0].reason, UnfilledReason::NoEligibleCandidate);
    // Opening the place to any skill (C, a third first-year) or any year (H, a second-year
    // computer candidate) keeps every place; reducing it gives one up.
    let first = &a.relaxations[0];
    assert_eq!(first.places_removed, 0);
    assert_eq!(
        first.changes,
        [QuotaChange::OpenSkill {
            place: "first_year_computer".into(),
            skill: Skill(C.into())
        }]
    );
    assert!(a.relaxations.iter().any(|r| r.changes
        == [QuotaChange::OpenYear {
            place: "first_year_computer".into(),
            year_of_study: 1
        }]));
    let last = a.relaxations.last().unwrap();
    assert_eq!(
        last.changes,
        [QuotaChange::ReduceCount {
            place: "first_year_computer".into(),
            from: 1,
            to: 0
        }]
    );
    assert_eq!(last.places_removed, 1);
    let text = a.render(Locale::En);
    assert!(
        text.contains("open first_year_computer to any skill"),
        "{text}"
    );
}

#[test]
fn too_few_candidates_lower_the_minimum() {
    let mut rb = rb();
    rb.recruitment.places = vec![PlaceClass {
        id: "any".into(),
        title: "Any".into(),
        count: 4,
        required: false,
        year_of_study: None,
        skill: None,
    }];
    rb.recruitment.min_total = 3;
    rb.recruitment.max_total = 4;
    let a = allocate(
        &rb,
        &round(vec![cand("A", "02", &[], "70"), cand("B", "02", &[], "80")]),
    )
    .unwrap();
    assert!(!a.feasible);
    assert_eq!(
        a.relaxations[0].changes,
        [QuotaChange::LowerMinTotal { from: 3, to: 2 }]
    );
}

#[test]
fn a_candidate_who_would_break_a_quota_is_told_so() {
    // One required computer place and one reserve place, but only one place in all: the
    // higher-scoring organizer would leave the computer place empty.
    let mut rb = rb();
    rb.recruitment.places = vec![
        PlaceClass {
            id: "computer".into(),
            title: "Computer".into(),
            count: 1,
            required: true,
            year_of_study: None,
            skill: Some(Skill(C.into())),
        },
        PlaceClass {
            id: "reserve".into(),
            title: "Reserve".into(),
            count: 1,
            required: false,
            year_of_study: None,
            skill: None,
        },
    ];
    rb.recruitment.min_total = 1;
    rb.recruitment.max_total = 1;
    let a = allocate(
        &rb,
        &round(vec![
            cand("X", "02", &[C], "70"),
            cand("Y", "02", &[O], "95"),
        ]),
    )
    .unwrap();
    assert!(a.feasible);
    assert_eq!(a.place_of("X").unwrap().place, "computer");
    assert_eq!(
        a.not_chosen[0].reason,
        NotChosenReason::WouldLeavePlacesUnfilled {
            required_places: 1,
            places: 0
        }
    );
    assert_eq!(
        a.unfilled[0].reason,
        UnfilledReason::MaxTotalReached { max_total: 1 }
    );
}

#[test]
fn ties_break_by_registration_then_id() {
    let mut early = cand("Z", "02", &[C], "80");
    early.registered_on = day(9, 2);
    let late = cand("Y", "02", &[C], "80");
    let mut rb = rb();
    rb.recruitment.places.truncate(1);
    rb.recruitment.min_total = 1;
    rb.recruitment.max_total = 1;
    let a = allocate(&rb, &round(vec![late.clone(), early.clone()])).unwrap();
    assert_eq!(a.filled[0].candidate.as_str(), "Z");
    assert!(matches!(
        a.not_chosen[0].reason,
        NotChosenReason::Outranked {
            lowest_chosen_score: Some(_),
            ..
        }
    ));
    rb.recruitment.tie_break = RecruitmentTieBreak::CandidateId;
    let a = allocate(&rb, &round(vec![late, early])).unwrap();
    assert_eq!(a.filled[0].candidate.as_str(), "Y");
}

#[test]
fn late_registrations_are_not_placed() {
    let mut r = round(vec![cand("A", "02", &[C], "80")]);
    r.decided_on = day(9, 30);
    r.candidates[0].registered_on = day(9, 30);
    let mut rb = rb();
    rb.recruitment.deadline = MonthDay { month: 9, day: 30 };
    let err = allocate(&rb, &r).unwrap_err();
    assert_eq!(err.code(), "recruitment.after_deadline");
    r.decided_on = day(9, 29);
    let a = allocate(&rb, &r).unwrap();
    assert_eq!(
        a.not_chosen[0].reason,
        NotChosenReason::RegisteredAfterDeadline {
            registered_on: day(9, 30),
            deadline: day(9, 30)
        }
    );
    r.candidates[0].registered_on = day(9, 29);
    r.decided_on = day(9, 28);
    let a = allocate(&rb, &r).unwrap();
    assert!(matches!(
        a.not_chosen[0].reason,
        NotChosenReason::RegisteredAfterDecision { .. }
    ));
    r.decided_on = day(9, 29);
    let a = allocate(&rb, &r).unwrap();
    assert_eq!(a.filled.len(), 1);
}

#[test]
fn bad_rounds_are_refused_by_code_and_path() {
    let good = || {
        round(vec![
            cand("A", "02", &[C], "80"),
            cand("B", "01", &[O], "70"),
        ])
    };
    let cases: Vec<(RecruitmentRound, &str, &str)> = vec![
        {
            let mut r = good();
            r.decided_on = day(10, 1);
            (r, "recruitment.after_deadline", "decided_on")
        },
        {
            let mut r = good();
            r.candidates[1].id = "A".into();
            (r, "recruitment.duplicate_candidate", "candidates[1].id")
        },
        {
            let mut r = good();
            r.candidates[0].id = " ".into();
            (r, "recruitment.empty", "candidates[0].id")
        },
        {
            let mut r = good();
            r.candidates[1].name = String::new();
            (r, "recruitment.empty", "candidates[1].name")
        },
        {
            let mut r = good();
            r.candidates[1].source = Source::Referral;
            (
                r,
                "recruitment.referral_without_referrer",
                "candidates[1].referred_by",
            )
        },
        {
            let mut r = good();
            r.candidates[0].score = Some(d("100.5"));
            (r, "recruitment.score_out_of_scale", "candidates[0].score")
        },
        {
            let mut r = good();
            r.candidates[1].grade = Grade::parse("2003").unwrap();
            (r, "recruitment.grade_after_year", "candidates[1].grade")
        },
        {
            let mut r = good();
            r.year = 20020;
            (r, "recruitment.invalid_year", "year")
        },
    ];
    for (r, code, path) in cases {
        let err = allocate(&rb(), &r).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{err}");
        assert_ne!(err.message(Locale::En), err.message(Locale::ZhHans));
        assert_eq!(crate::Error::from(err).area(), "recruitment");
    }
}

#[test]
fn an_unvalidated_plan_is_refused_not_panicked_on() {
    let mut empty_class = rb();
    empty_class.recruitment.places[0].count = 0;
    let err = allocate(&empty_class, &round(vec![])).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("recruitment.invalid_plan", "recruitment.places")
    );
    let mut huge = rb();
    for i in 0..70 {
        huge.recruitment.places.push(PlaceClass {
            id: format!("x{i}"),
            title: "X".into(),
            count: 1,
            required: false,
            year_of_study: None,
            skill: None,
        });
    }
    let err = allocate(&huge, &round(vec![])).unwrap_err();
    assert_eq!(err.code(), "recruitment.invalid_plan");
}

#[test]
fn rulebook_recruitment_errors_carry_the_key_path() {
    let cases = [
        (
            "[recruitment]\nmax_total = 9",
            "rulebook.out_of_range",
            "recruitment.max_total",
        ),
        (
            "[recruitment]\nmin_total = 9",
            "rulebook.out_of_range",
            "recruitment.min_total",
        ),
        (
            "[recruitment]\nmin_total = 4\nmax_total = 4",
            "rulebook.inconsistent",
            "recruitment.max_total",
        ),
        (
            "[recruitment]\ndeadline = { month = 2, day = 29 }",
            "rulebook.inconsistent",
            "recruitment.deadline.day",
        ),
        (
            "[recruitment]\ndeadline = { month = 13, day = 1 }",
            "rulebook.out_of_range",
            "recruitment.deadline.month",
        ),
        (
            "[recruitment]\nexam_scheme = \"quiz\"",
            "rulebook.inconsistent",
            "recruitment.exam_scheme",
        ),
        (
            "[recruitment]\nmin_score = \"high\"",
            "rulebook.invalid_type",
            "recruitment.min_score",
        ),
        (
            "[[recruitment.places]]\nid = \"a\"\ntitle = \"A\"\ncount = 0\nrequired = true",
            "rulebook.out_of_range",
            "recruitment.places[0].count",
        ),
        (
            "[[recruitment.places]]\nid = \"a\"\ntitle = \"A\"\ncount = 1\nrequired = true\nyear_of_study = 0",
            "rulebook.out_of_range",
            "recruitment.places[0].year_of_study",
        ),
        (
            "[[recruitment.places]]\nid = \"a b\"\ntitle = \"A\"\ncount = 1\nrequired = true",
            "rulebook.inconsistent",
            "recruitment.places[0].id",
        ),
        (
            "[recruitment.teams.challenge_cup]\nmin_size = 9",
            "rulebook.out_of_range",
            "recruitment.teams.challenge_cup.min_size",
        ),
        (
            "[[recruitment.teams.challenge_cup.rules]]\nid = \"x\"\ntitle = \"X\"\nattribute = \"role\"\nvalues = [\"janitor\"]",
            "rulebook.inconsistent",
            "recruitment.teams.challenge_cup.rules[0].values[0]",
        ),
    ];
    for (text, code, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}: {err}");
    }
    // A plan too large for exact allocation is refused.
    let mut places = String::new();
    for i in 0..13 {
        places.push_str(&format!(
            "[[recruitment.places]]\nid = \"p{i}\"\ntitle = \"P\"\ncount = 1\nrequired = false\n"
        ));
    }
    let err = Rulebook::from_toml_str(&places).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("rulebook.inconsistent", "recruitment.places")
    );
}

fn member(id: &str, grade: &str) -> Member {
    Member {
        id: id.into(),
        name: id.into(),
        grade: Grade::parse(grade).unwrap(),
        department: Department("Science and Technology".into()),
        role: Role::Officer,
        skills: vec![],
        status: MemberStatus::Active,
    }
}

#[test]
fn team_composition_returns_every_broken_rule() {
    let rb = rb();
    let ok = [
        member("a", "01"),
        member("b", "01"),
        member("c", "02"),
        member("d", "00"),
    ];
    let check = check_team(&rb, "challenge_cup", &ok, 2002).unwrap();
    assert!(check.is_valid(), "{check:?}");
    assert_eq!(check.counts[1].id, "main_body");
    assert_eq!(check.counts[1].count, 2);
    // Seniors only: no main body, too many seniors, no first-year.
    let bad = [member("a", "99"), member("b", "00"), member("c", "00")];
    let check = check_team(&rb, "challenge_cup", &bad, 2002).unwrap();
    let broken: Vec<(&str, i64)> = check
        .violations
        .iter()
        .map(|v| (v.count.id.as_str(), v.short_by))
        .collect();
    assert_eq!(
        broken,
        [("main_body", 2), ("seniors", -1), ("reserve_training", 1)]
    );
    assert!(check.render(Locale::ZhHans).contains("不符"));
    // Two members: the size rule too.
    let check = check_team(&rb, "challenge_cup", &ok[..2], 2002).unwrap();
    assert_eq!(check.violations[0].count.id, "size");
    // Errors.
    let err = check_team(
        &rb,
        "challenge_cup",
        &[member("a", "01"), member("a", "01")],
        2002,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("recruitment.duplicate_team_member", "team[1]")
    );
    let err = check_team(&rb, "challenge_cup", &[member("a", "2003")], 2002).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("recruitment.grade_after_year", "team[0].grade")
    );
}

#[test]
fn exam_scores_come_from_a_ranking() {
    use crate::evaluation::{Candidate, EvaluationInput, JudgeId, SchemeChoice, evaluate};
    let exam = EvaluationInput {
        scheme: SchemeChoice::Named("recruitment_exam".into()),
        judges: vec![JudgeId("j".into())],
        candidates: vec![Candidate {
            id: "A".into(),
            name: "A".into(),
            category: None,
            scores: [
                ("written".to_owned(), vec![Some(d("80"))]),
                ("interview".to_owned(), vec![Some(d("91"))]),
            ]
            .into_iter()
            .collect(),
        }],
    };
    let ranking = evaluate(&rb(), &exam, &[]).unwrap();
    let mut r = round(vec![cand("A", "02", &[C], "0"), cand("B", "02", &[C], "0")]);
    r.candidates[1].score = None;
    assert_eq!(r.set_scores_from(&ranking), 1);
    assert_eq!(r.candidates[0].score, Some(d("85.50")));
    assert_eq!(r.candidates[1].score, None);
}

// ---- brute force --------------------------------------------------------------------

/// Every assignment, in the order the allocation breaks ties: candidates best first, each
/// taking class 0, 1, ... or none; the first with the best (required, filled, score).
fn brute_force(policy: &RecruitmentPolicy, r: &RecruitmentRound) -> (Value, Vec<(String, String)>) {
    let deadline = policy.deadline.in_year(r.year).unwrap();
    let mut entrants: Vec<(usize, &RecruitmentCandidate, u32)> = r
        .candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.registered_on < deadline && c.registered_on <= r.decided_on)
        .filter(|(_, c)| match (c.score, policy.min_score) {
            (None, _) => false,
            (Some(s), PassMark::At(m)) => s >= m,
            (Some(_), PassMark::None) => true,
        })
        .map(|(i, c)| (i, c, year_of_study(c.grade, r.year).unwrap()))
        .collect();
    entrants.sort_by(|a, b| {
        b.1.score
            .cmp(&a.1.score)
            .then(a.1.registered_on.cmp(&b.1.registered_on))
            .then(a.1.id.cmp(&b.1.id))
            .then(a.0.cmp(&b.0))
    });
    let k = policy.places.len();
    let n = entrants.len();
    let mut best: Option<(Value, Vec<usize>)> = None;
    let combos = (k + 1).pow(n as u32);
    for code in 0..combos {
        // Candidate 0 is the most significant digit: codes run in lexicographic order.
        let mut digits = vec![0usize; n];
        let mut x = code;
        for i in (0..n).rev() {
            digits[i] = x % (k + 1);
            x /= k + 1;
        }
        let mut used = vec![0u32; k];
        let mut ok = true;
        let mut v = Value {
            required: 0,
            filled: 0,
            score: Decimal::ZERO,
        };
        for (i, &c) in digits.iter().enumerate() {
            if c == k {
                continue;
            }
            let class = &policy.places[c];
            let (_, cand, year) = entrants[i];
            if !class.accepts(year, &cand.skills) || used[c] >= class.count {
                ok = false;
                break;
            }
            used[c] += 1;
            v.filled += 1;
            if class.required {
                v.required += 1;
            }
            v.score += cand.score.unwrap();
        }
        if !ok || v.filled > policy.max_total {
            continue;
        }
        if best.as_ref().is_none_or(|(b, _)| v > *b) {
            best = Some((v, digits));
        }
    }
    let (v, digits) = best.unwrap();
    let mut pairs: Vec<(String, String)> = digits
        .iter()
        .enumerate()
        .filter(|(_, c)| **c < k)
        .map(|(i, c)| (entrants[i].1.id.to_string(), policy.places[*c].id.clone()))
        .collect();
    pairs.sort();
    (v, pairs)
}

fn arb_case() -> impl Strategy<Value = (RecruitmentPolicy, RecruitmentRound)> {
    let class = (
        1u32..=2,
        any::<bool>(),
        proptest::option::of(1u32..=2),
        proptest::option::of(0usize..2),
    );
    let candidate = (
        prop_oneof![Just("02"), Just("01")],
        0usize..4,
        prop_oneof![Just(60), Just(70), Just(80), Just(90)],
        1u32..=20,
        0u32..10,
    );
    (
        proptest::collection::vec(class, 1..=3),
        proptest::collection::vec(candidate, 0..=6),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(classes, candidates, extra, pass)| {
            let skills = [C, O];
            let mut policy = rb().recruitment;
            policy.places = classes
                .iter()
                .enumerate()
                .map(|(i, (count, required, year, skill))| PlaceClass {
                    id: format!("p{i}"),
                    title: format!("P{i}"),
                    count: *count,
                    required: *required,
                    year_of_study: *year,
                    skill: skill.map(|s| Skill(skills[s].into())),
                })
                .collect();
            let total: u32 = policy.places.iter().map(|c| c.count).sum();
            let required: u32 = policy
                .places
                .iter()
                .filter(|c| c.required)
                .map(|c| c.count)
                .sum();
            let low = required.max(1);
            policy.max_total = low + extra % (total - low + 1);
            policy.min_total = required;
            policy.min_score = if pass {
                PassMark::At(d("65"))
            } else {
                PassMark::None
            };
            let candidates = candidates
                .iter()
                .enumerate()
                .map(|(i, (grade, skill_set, score, reg, absent))| {
                    let mut c = cand(&format!("c{i}"), grade, &[], &score.to_string());
                    c.skills = match skill_set {
                        0 => vec![],
                        1 => vec![Skill(C.into())],
                        2 => vec![Skill(O.into())],
                        _ => vec![Skill(C.into()), Skill(O.into())],
                    };
                    c.registered_on = day(9, *reg);
                    if *absent == 0 {
                        c.score = None;
                    }
                    c
                })
                .collect();
            (policy, round(candidates))
        })
}

proptest! {
    /// The allocation is exactly the brute-force optimum, tie-breaks included.
    #[test]
    fn allocation_equals_brute_force((policy, r) in arb_case()) {
        let a = allocate_with(&policy, None, &r).unwrap();
        let (v, pairs) = brute_force(&policy, &r);
        prop_assert_eq!(a.total_score, v.score);
        prop_assert_eq!(a.filled.len() as u32, v.filled);
        let mut got: Vec<(String, String)> = a
            .filled
            .iter()
            .map(|p| (p.candidate.to_string(), p.place.clone()))
            .collect();
        got.sort();
        prop_assert_eq!(got, pairs);
        let required: u32 = policy.places.iter().filter(|c| c.required).map(|c| c.count).sum();
        prop_assert_eq!(a.feasible, v.required == required && v.filled >= policy.min_total);
    }

    /// No allocation breaks a quota: each place holds an eligible candidate, no class holds
    /// more than its count, the total stays within max_total, nobody holds two places; and
    /// an outranked candidate never scores above a holder of their places.
    #[test]
    fn allocation_never_breaks_a_quota((policy, r) in arb_case()) {
        let a = allocate_with(&policy, None, &r).unwrap();
        prop_assert!(a.filled.len() as u32 <= policy.max_total);
        let mut seen = std::collections::BTreeSet::new();
        for p in &a.filled {
            prop_assert!(seen.insert(p.candidate.clone()));
            let class = policy.places.iter().find(|c| c.id == p.place).unwrap();
            prop_assert!(class.accepts(p.year_of_study, &p.skills));
            let n = a.filled.iter().filter(|q| q.place == p.place).count() as u32;
            prop_assert!(n <= class.count);
        }
        prop_assert_eq!(a.filled.len() + a.not_chosen.len(), r.candidates.len());
        prop_assert_eq!(
            a.filled.len() + a.unfilled.len(),
            policy.places.iter().map(|c| c.count as usize).sum::<usize>()
        );
        for n in &a.not_chosen {
            if let NotChosenReason::Outranked { places, .. } = &n.reason {
                for p in a.filled.iter().filter(|p| places.contains(&p.place)) {
                    prop_assert!(Some(p.score) >= n.score);
                }
            }
        }
        if !a.feasible {
            prop_assert!(!a.relaxations.is_empty());
        }
    }

    /// A round survives a JSON round trip exactly, and so does its allocation.
    #[test]
    fn json_round_trip_is_lossless((policy, r) in arb_case()) {
        let text = serde_json::to_string(&r).unwrap();
        let back: RecruitmentRound = crate::input::from_json_str(&text).unwrap();
        prop_assert_eq!(&back, &r);
        let a = allocate_with(&policy, None, &r).unwrap();
        let back: Allocation = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(back, a);
    }
}
