//! The exact allocation of candidates to the places of the quota plan.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

use crate::members::Skill;
use crate::rulebook::Rulebook;

use super::{
    Allocation, FilledPlace, NotChosen, NotChosenReason, PlaceClass, QuotaChange, RecruitmentError,
    RecruitmentErrorKind, RecruitmentPolicy, RecruitmentRound, RecruitmentTieBreak, Relaxation,
    Source, UnfilledPlace, UnfilledReason, year_of_study,
};

/// What an allocation achieves, compared in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Value {
    /// Required places filled.
    pub required: u32,
    /// Places filled.
    pub filled: u32,
    /// Sum of the chosen scores.
    pub score: Decimal,
}

/// A candidate who may be placed: deadline met, examined, at or above the pass mark.
#[derive(Debug, Clone)]
pub(crate) struct Entrant<'a> {
    /// Position in the round's candidates.
    pub index: usize,
    pub score: Decimal,
    pub year: u32,
    pub skills: &'a [Skill],
}

/// The solution over the entrants (in priority order).
#[derive(Debug, Clone)]
pub(crate) struct Solution {
    /// Per entrant: the class it takes.
    pub class_of: Vec<Option<usize>>,
    pub value: Value,
    /// Per entrant of the candidate pool: the best value with it forced in.
    pub forced: Vec<Option<Value>>,
}

/// The exact optimum of placing `entrants` (best first) into `classes`, at most
/// `max_total` in all. With `explain`, also the best value with each pool entrant forced in.
pub(crate) fn solve(
    classes: &[PlaceClass],
    max_total: u32,
    entrants: &[Entrant<'_>],
    explain: bool,
) -> Solution {
    let k = classes.len();
    let mut strides = Vec::with_capacity(k);
    let mut states = 1usize;
    for c in classes {
        strides.push(states);
        states = states.saturating_mul(c.count as usize + 1);
    }
    // Filled and required-filled counts of every state (a state is the remaining capacity
    // of each class, in mixed radix).
    let mut filled_in = vec![0u32; states];
    let mut required_in = vec![0u32; states];
    for s in 0..states {
        let mut filled = 0;
        let mut required = 0;
        for (c, class) in classes.iter().enumerate() {
            let stride = strides.get(c).copied().unwrap_or(1);
            let remaining = (s / stride) % (class.count as usize + 1);
            let used = class.count - remaining as u32;
            filled += used;
            if class.required {
                required += used;
            }
        }
        if let (Some(f), Some(r)) = (filled_in.get_mut(s), required_in.get_mut(s)) {
            *f = filled;
            *r = required;
        }
    }
    let full: usize = classes
        .iter()
        .zip(&strides)
        .map(|(c, s)| c.count as usize * s)
        .sum();

    // The pool: the best P entrants eligible for each class.
    let places: u32 = classes.iter().map(|c| c.count).sum();
    let p = max_total.min(places) as usize;
    let mut in_pool = vec![false; entrants.len()];
    for class in classes {
        let mut taken = 0;
        for (e, flag) in entrants.iter().zip(in_pool.iter_mut()) {
            if taken >= p {
                break;
            }
            if class.accepts(e.year, e.skills) {
                *flag = true;
                taken += 1;
            }
        }
    }
    let pool: Vec<usize> = (0..entrants.len())
        .filter(|&i| in_pool.get(i).copied().unwrap_or(false))
        .collect();
    let masks: Vec<u64> = pool
        .iter()
        .map(|&i| {
            entrants.get(i).map_or(0, |e| {
                classes
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.accepts(e.year, e.skills))
                    .fold(0u64, |m, (c, _)| m | (1 << c))
            })
        })
        .collect();
    let score_of = |m: usize| {
        pool.get(m)
            .and_then(|&i| entrants.get(i))
            .map_or(Decimal::ZERO, |e| e.score)
    };
    let remaining = |s: usize, c: usize| {
        let stride = strides.get(c).copied().unwrap_or(1);
        let count = classes.get(c).map_or(0, |x| x.count as usize);
        (s / stride) % (count + 1)
    };
    let open = |s: usize| filled_in.get(s).copied().unwrap_or(u32::MAX) < max_total;

    // Backward: best[m][s] is the best value reachable from pool entrant m on, in state s.
    let m = pool.len();
    let zero = Value {
        required: 0,
        filled: 0,
        score: Decimal::ZERO,
    };
    let mut best = vec![zero; (m + 1) * states];
    for s in 0..states {
        if let Some(slot) = best.get_mut(m * states + s) {
            *slot = Value {
                required: required_in.get(s).copied().unwrap_or(0),
                filled: filled_in.get(s).copied().unwrap_or(0),
                score: Decimal::ZERO,
            };
        }
    }
    let take = |next: Value, score: Decimal| Value {
        score: next.score.saturating_add(score),
        ..next
    };
    for i in (0..m).rev() {
        let mask = masks.get(i).copied().unwrap_or(0);
        let score = score_of(i);
        for s in 0..states {
            let mut v = best.get((i + 1) * states + s).copied().unwrap_or(zero);
            if open(s) {
                for c in 0..k {
                    if mask & (1 << c) != 0 && remaining(s, c) > 0 {
                        let stride = strides.get(c).copied().unwrap_or(1);
                        let next = best.get((i + 1) * states + s - stride).copied();
                        if let Some(next) = next {
                            v = v.max(take(next, score));
                        }
                    }
                }
            }
            if let Some(slot) = best.get_mut(i * states + s) {
                *slot = v;
            }
        }
    }

    // Forward: the first best option at each entrant (places in plan order, then "not
    // chosen"), which is the smallest optimal allocation in that order.
    let mut class_of = vec![None; entrants.len()];
    let mut s = full;
    for i in 0..m {
        let target = best.get(i * states + s).copied().unwrap_or(zero);
        let mask = masks.get(i).copied().unwrap_or(0);
        let score = score_of(i);
        let mut chosen = None;
        if open(s) {
            for c in 0..k {
                if mask & (1 << c) != 0 && remaining(s, c) > 0 {
                    let stride = strides.get(c).copied().unwrap_or(1);
                    let next = best.get((i + 1) * states + s - stride).copied();
                    if next.is_some_and(|n| take(n, score) == target) {
                        chosen = Some(c);
                        s -= stride;
                        break;
                    }
                }
            }
        }
        if let (Some(c), Some(&e)) = (chosen, pool.get(i))
            && let Some(slot) = class_of.get_mut(e)
        {
            *slot = Some(c);
        }
    }
    let value = best.get(full).copied().unwrap_or(zero);

    // Forced values: the best prefix score into each state, combined with the best suffix.
    let mut forced = vec![None; entrants.len()];
    if explain {
        let mut prefix: Vec<Option<Decimal>> = vec![None; states];
        if let Some(slot) = prefix.get_mut(full) {
            *slot = Some(Decimal::ZERO);
        }
        for i in 0..m {
            let mask = masks.get(i).copied().unwrap_or(0);
            let score = score_of(i);
            let mut next_prefix = prefix.clone();
            let mut forced_value: Option<Value> = None;
            for s in 0..states {
                let Some(pre) = prefix.get(s).copied().flatten() else {
                    continue;
                };
                if !open(s) {
                    continue;
                }
                for c in 0..k {
                    if mask & (1 << c) == 0 || remaining(s, c) == 0 {
                        continue;
                    }
                    let stride = strides.get(c).copied().unwrap_or(1);
                    let with = pre.saturating_add(score);
                    if let Some(next) = best.get((i + 1) * states + s - stride) {
                        let v = take(*next, with);
                        forced_value = Some(forced_value.map_or(v, |f| f.max(v)));
                    }
                    if let Some(slot) = next_prefix.get_mut(s - stride) {
                        *slot = Some(slot.map_or(with, |x| x.max(with)));
                    }
                }
            }
            if let Some(&e) = pool.get(i)
                && let Some(slot) = forced.get_mut(e)
            {
                *slot = forced_value;
            }
            prefix = next_prefix;
        }
    }
    Solution {
        class_of,
        value,
        forced,
    }
}

fn priority(
    tie_break: RecruitmentTieBreak,
    round: &RecruitmentRound,
    a: &Entrant<'_>,
    b: &Entrant<'_>,
) -> Ordering {
    let (ca, cb) = (round.candidates.get(a.index), round.candidates.get(b.index));
    b.score
        .cmp(&a.score)
        .then_with(|| match (tie_break, ca, cb) {
            (RecruitmentTieBreak::RegisteredOn, Some(x), Some(y)) => x
                .registered_on
                .cmp(&y.registered_on)
                .then_with(|| x.id.cmp(&y.id)),
            (RecruitmentTieBreak::CandidateId, Some(x), Some(y)) => x.id.cmp(&y.id),
            _ => Ordering::Equal,
        })
        .then(a.index.cmp(&b.index))
}

/// Allocates the places of the rulebook's quota plan to the candidates of `round`,
/// optimally (see the [module docs](super)).
///
/// # Errors
///
/// `recruitment.invalid_plan` at `recruitment.places` for a plan out of the bounds the
/// rulebook's validation enforces (a rulebook changed in code and not validated);
/// `recruitment.invalid_year` at `year`; `recruitment.after_deadline` at `decided_on` when
/// the decision is not before the deadline; at `candidates[i]...`:
/// `recruitment.empty`, `recruitment.duplicate_candidate`,
/// `recruitment.referral_without_referrer`, `recruitment.grade_after_year`, `recruitment.score_out_of_scale` (the examination
/// scheme's scale).
///
/// # Example
///
/// ```
/// use secretariat::report::SelectionData;
/// use secretariat::recruitment::allocate;
/// use secretariat::{Diagnostic, Rulebook};
///
/// let rulebook = Rulebook::default();
/// let mut round = SelectionData::sample().recruitment;
/// let allocation = allocate(&rulebook, &round)?;
/// assert!(allocation.feasible);
/// assert!(allocation.filled.len() >= 5 && allocation.filled.len() <= 8);
///
/// // Recruitment finishes before October (seed 000).
/// round.decided_on = chrono::NaiveDate::from_ymd_opt(round.year, 10, 8).unwrap();
/// let err = allocate(&rulebook, &round).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("recruitment.after_deadline", "decided_on"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn allocate(
    rulebook: &Rulebook,
    round: &RecruitmentRound,
) -> Result<Allocation, RecruitmentError> {
    let policy = &rulebook.recruitment;
    let scale = rulebook
        .evaluation
        .schemes
        .get(&policy.exam_scheme)
        .map(|s| (s.scale_min, s.scale_max));
    allocate_with(policy, scale, round)
}

fn check_round(
    policy: &RecruitmentPolicy,
    scale: Option<(Decimal, Decimal)>,
    round: &RecruitmentRound,
) -> Result<(chrono::NaiveDate, Vec<u32>), RecruitmentError> {
    let deadline = (1900..=2199)
        .contains(&round.year)
        .then(|| policy.deadline.in_year(round.year))
        .flatten()
        .ok_or(RecruitmentErrorKind::InvalidYear { year: round.year }.at("year"))?;
    if round.decided_on >= deadline {
        return Err(RecruitmentErrorKind::AfterDeadline {
            decided_on: round.decided_on,
            deadline,
        }
        .at("decided_on"));
    }
    let mut seen = FxHashSet::default();
    seen.reserve(round.candidates.len());
    let mut years = Vec::with_capacity(round.candidates.len());
    for (i, c) in round.candidates.iter().enumerate() {
        let at = |key: &str| format!("candidates[{i}].{key}");
        if c.id.as_str().trim().is_empty() {
            return Err(RecruitmentErrorKind::Empty { field: "id" }.at(at("id")));
        }
        if c.name.trim().is_empty() {
            return Err(RecruitmentErrorKind::Empty { field: "name" }.at(at("name")));
        }
        if !seen.insert(c.id.as_str()) {
            return Err(RecruitmentErrorKind::DuplicateCandidate {
                id: c.id.to_string(),
            }
            .at(at("id")));
        }
        if c.source == Source::Referral && c.referred_by.is_none() {
            return Err(RecruitmentErrorKind::ReferralWithoutReferrer.at(at("referred_by")));
        }
        let year = year_of_study(c.grade, round.year).ok_or(
            RecruitmentErrorKind::GradeAfterYear {
                grade: c.grade.year(),
                year: round.year,
            }
            .at(at("grade")),
        )?;
        if let (Some(score), Some((min, max))) = (c.score, scale)
            && (score < min || score > max)
        {
            return Err(RecruitmentErrorKind::ScoreOutOfScale {
                value: score.to_string(),
                min: min.to_string(),
                max: max.to_string(),
            }
            .at(at("score")));
        }
        years.push(year);
    }
    Ok((deadline, years))
}

/// The bounds of exact allocation, for a plan that did not come through the rulebook's
/// validation.
fn check_plan(policy: &RecruitmentPolicy) -> Result<(), RecruitmentError> {
    let invalid = |detail| RecruitmentErrorKind::InvalidPlan { detail }.at("recruitment.places");
    if policy.places.iter().any(|c| c.count == 0) {
        return Err(invalid("class_without_places"));
    }
    let places = policy
        .places
        .iter()
        .try_fold(0u32, |a, c| a.checked_add(c.count));
    if places.is_none_or(|p| p > super::MAX_PLACES) {
        return Err(invalid("over_32_places"));
    }
    let combinations = policy
        .places
        .iter()
        .try_fold(1u64, |a, c| a.checked_mul(u64::from(c.count) + 1));
    if combinations.is_none_or(|n| n > super::MAX_COMBINATIONS) {
        return Err(invalid("over_4096_combinations"));
    }
    Ok(())
}

/// Whether a solution meets the plan.
fn feasible(classes: &[PlaceClass], min_total: u32, value: Value) -> bool {
    let required: u32 = classes.iter().filter(|c| c.required).map(|c| c.count).sum();
    value.required >= required && value.filled >= min_total
}

/// [`allocate`] with a policy and the examination scale given directly.
pub(crate) fn allocate_with(
    policy: &RecruitmentPolicy,
    scale: Option<(Decimal, Decimal)>,
    round: &RecruitmentRound,
) -> Result<Allocation, RecruitmentError> {
    check_plan(policy)?;
    let (deadline, years) = check_round(policy, scale, round)?;
    let classes = &policy.places;

    // Who may be placed at all, and why the others may not.
    let mut not_placeable: Vec<Option<NotChosenReason>> = vec![None; round.candidates.len()];
    let mut entrants = Vec::with_capacity(round.candidates.len());
    for (i, c) in round.candidates.iter().enumerate() {
        let year = years.get(i).copied().unwrap_or(1);
        let reason = if c.registered_on >= deadline {
            Some(NotChosenReason::RegisteredAfterDeadline {
                registered_on: c.registered_on,
                deadline,
            })
        } else if c.registered_on > round.decided_on {
            Some(NotChosenReason::RegisteredAfterDecision {
                registered_on: c.registered_on,
                decided_on: round.decided_on,
            })
        } else {
            match (c.score, policy.min_score.get()) {
                (None, _) => Some(NotChosenReason::NoExamScore),
                (Some(score), Some(min)) if score < min => Some(NotChosenReason::BelowMinScore {
                    score,
                    min_score: min,
                }),
                (Some(score), _) => {
                    entrants.push(Entrant {
                        index: i,
                        score,
                        year,
                        skills: &c.skills,
                    });
                    None
                }
            }
        };
        if let Some(slot) = not_placeable.get_mut(i) {
            *slot = reason;
        }
    }
    entrants.sort_by(|a, b| priority(policy.tie_break, round, a, b));

    let solution = solve(classes, policy.max_total, &entrants, true);
    let is_feasible = feasible(classes, policy.min_total, solution.value);

    // Filled places, and each entrant's rank among those eligible for each class.
    let mut eligible_count = vec![0u32; classes.len()];
    let mut rank_in: Vec<u32> = vec![0; entrants.len()];
    for (e_pos, e) in entrants.iter().enumerate() {
        let chosen = solution.class_of.get(e_pos).copied().flatten();
        for (c, class) in classes.iter().enumerate() {
            if class.accepts(e.year, e.skills)
                && let Some(n) = eligible_count.get_mut(c)
            {
                *n += 1;
                if chosen == Some(c)
                    && let Some(r) = rank_in.get_mut(e_pos)
                {
                    *r = *n;
                }
            }
        }
    }
    let mut filled = Vec::new();
    let mut unfilled = Vec::new();
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); classes.len()];
    for (e_pos, c) in solution.class_of.iter().enumerate() {
        if let Some(list) = c.and_then(|c| holders.get_mut(c)) {
            list.push(e_pos);
        }
    }
    for (c, class) in classes.iter().enumerate() {
        let held = holders.get(c).map(Vec::as_slice).unwrap_or(&[]);
        for (slot, &e_pos) in held.iter().enumerate() {
            let (Some(e), Some(cand)) = (
                entrants.get(e_pos),
                entrants
                    .get(e_pos)
                    .and_then(|e| round.candidates.get(e.index)),
            ) else {
                continue;
            };
            filled.push(FilledPlace {
                place: class.id.clone(),
                slot: slot as u32 + 1,
                candidate: cand.id.clone(),
                name: cand.name.clone(),
                score: e.score,
                year_of_study: e.year,
                skills: cand.skills.clone(),
                rank_in_class: rank_in.get(e_pos).copied().unwrap_or(0),
                eligible_in_class: eligible_count.get(c).copied().unwrap_or(0),
                rule: policy.place_rule(c),
            });
        }
        for slot in held.len() as u32..class.count {
            let eligible = eligible_count.get(c).copied().unwrap_or(0);
            let reason = if eligible == 0 {
                UnfilledReason::NoEligibleCandidate
            } else if solution.value.filled >= policy.max_total {
                UnfilledReason::MaxTotalReached {
                    max_total: policy.max_total,
                }
            } else {
                UnfilledReason::CandidatesPlacedElsewhere { eligible }
            };
            unfilled.push(UnfilledPlace {
                place: class.id.clone(),
                slot: slot + 1,
                required: class.required,
                reason,
                rule: policy.place_rule(c),
            });
        }
    }

    // Why each of the others was not chosen.
    let mut entrant_pos = vec![usize::MAX; round.candidates.len()];
    for (pos, e) in entrants.iter().enumerate() {
        if let Some(slot) = entrant_pos.get_mut(e.index) {
            *slot = pos;
        }
    }
    let plan_full = solution.value.filled >= policy.max_total;
    let mut not_chosen = Vec::new();
    for (i, c) in round.candidates.iter().enumerate() {
        let reason = match not_placeable.get(i).cloned().flatten() {
            Some(r) => r,
            None => {
                let pos = entrant_pos.get(i).copied().unwrap_or(usize::MAX);
                if solution.class_of.get(pos).copied().flatten().is_some() {
                    continue;
                }
                let Some(e) = entrants.get(pos) else { continue };
                unchosen_reason(classes, &solution, &holders, &entrants, pos, e, plan_full)
            }
        };
        not_chosen.push(NotChosen {
            candidate: c.id.clone(),
            name: c.name.clone(),
            score: c.score,
            reason,
        });
    }

    let relaxations = if is_feasible {
        Vec::new()
    } else {
        relaxations(policy, &entrants, solution.value, &unfilled)
    };
    Ok(Allocation {
        year: round.year,
        deadline,
        decided_on: round.decided_on,
        rule: policy.rule(),
        feasible: is_feasible,
        filled,
        unfilled,
        not_chosen,
        total_score: solution.value.score,
        relaxations,
    })
}

fn unchosen_reason(
    classes: &[PlaceClass],
    solution: &Solution,
    holders: &[Vec<usize>],
    entrants: &[Entrant<'_>],
    pos: usize,
    e: &Entrant<'_>,
    plan_full: bool,
) -> NotChosenReason {
    let qualifying: Vec<usize> = classes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.accepts(e.year, e.skills))
        .map(|(c, _)| c)
        .collect();
    if qualifying.is_empty() {
        return NotChosenReason::NoMatchingPlace {
            year_of_study: e.year,
        };
    }
    let opt = solution.value;
    if let Some(f) = solution.forced.get(pos).copied().flatten()
        && (f.required, f.filled) < (opt.required, opt.filled)
    {
        return NotChosenReason::WouldLeavePlacesUnfilled {
            required_places: opt.required.saturating_sub(f.required),
            places: opt.filled.saturating_sub(f.filled),
        };
    }
    // Otherwise every holder of a place they qualify for comes before them: a holder after
    // them could be swapped for them, for a better (or equal and earlier) allocation.
    let held: Vec<usize> = qualifying
        .iter()
        .filter_map(|&c| holders.get(c))
        .flatten()
        .copied()
        .collect();
    NotChosenReason::Outranked {
        places: qualifying
            .iter()
            .filter_map(|&c| classes.get(c))
            .map(|c| c.id.clone())
            .collect(),
        lowest_chosen_score: held
            .iter()
            .filter_map(|&h| entrants.get(h))
            .map(|h| h.score)
            .min(),
        plan_full,
    }
}

/// Relaxations that make the plan feasible, the smallest first.
fn relaxations(
    policy: &RecruitmentPolicy,
    entrants: &[Entrant<'_>],
    value: Value,
    unfilled: &[UnfilledPlace],
) -> Vec<Relaxation> {
    let classes = &policy.places;
    let required: u32 = classes.iter().filter(|c| c.required).map(|c| c.count).sum();
    let mut out = Vec::new();
    let with_min_total = |mut changes: Vec<QuotaChange>, filled: u32| {
        let mut removed = 0;
        if filled < policy.min_total {
            changes.push(QuotaChange::LowerMinTotal {
                from: policy.min_total,
                to: filled,
            });
            removed = policy.min_total - filled;
        }
        (changes, removed)
    };
    if value.required < required {
        for (c, class) in classes.iter().enumerate() {
            if !class.required {
                continue;
            }
            let mut options: Vec<(Vec<QuotaChange>, PlaceClass)> = Vec::new();
            let open_skill = class.skill.as_ref().map(|skill| QuotaChange::OpenSkill {
                place: class.id.clone(),
                skill: skill.clone(),
            });
            let open_year = class.year_of_study.map(|y| QuotaChange::OpenYear {
                place: class.id.clone(),
                year_of_study: y,
            });
            if let Some(change) = &open_skill {
                options.push((
                    vec![change.clone()],
                    PlaceClass {
                        skill: None,
                        ..class.clone()
                    },
                ));
            }
            if let Some(change) = &open_year {
                options.push((
                    vec![change.clone()],
                    PlaceClass {
                        year_of_study: None,
                        ..class.clone()
                    },
                ));
            }
            if let (Some(a), Some(b)) = (open_skill, open_year) {
                options.push((
                    vec![a, b],
                    PlaceClass {
                        skill: None,
                        year_of_study: None,
                        ..class.clone()
                    },
                ));
            }
            for (changes, changed) in options {
                let mut plan = classes.clone();
                if let Some(slot) = plan.get_mut(c) {
                    *slot = changed;
                }
                let v = solve(&plan, policy.max_total, entrants, false).value;
                if v.required >= required {
                    let (changes, places_removed) = with_min_total(changes, v.filled);
                    out.push(Relaxation {
                        changes,
                        places_removed,
                    });
                }
            }
        }
    }
    // Always possible: fewer places where the best allocation leaves required ones empty.
    let mut changes = Vec::new();
    let mut removed = 0;
    for class in classes.iter().filter(|c| c.required) {
        let empty = unfilled
            .iter()
            .filter(|u| u.place == class.id && u.required)
            .count() as u32;
        if empty > 0 {
            changes.push(QuotaChange::ReduceCount {
                place: class.id.clone(),
                from: class.count,
                to: class.count - empty,
            });
            removed += empty;
        }
    }
    let (changes, extra) = with_min_total(changes, value.filled);
    if !changes.is_empty() {
        out.push(Relaxation {
            changes,
            places_removed: removed + extra,
        });
    }
    out.sort_by_key(|r| (r.places_removed, r.changes.len()));
    out
}
