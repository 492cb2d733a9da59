//! The scoring engine: validation, normalisation, aggregation, deductions, ranking and
//! selection, in that order.

use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::attendance::{Counter, Standing, StandingStatus};
use crate::rulebook::RuleRef;

use super::{
    Aggregation, CandidateId, CriterionId, CriterionLine, Decision, DecisionRules, Deduction,
    DroppedEnd, EvaluationError, EvaluationInput, EvaluationPolicy, EvaluationScheme,
    FinalTieBreak, JudgeScore, MissingScore, Normalization, PassMark, Ranking, ScoreGrid,
    ScoreSheet, TieMethod, Veto,
};

type Row<'a> = Option<&'a [Option<Decimal>]>;

/// Rounds half-up (away from zero) to `decimals` places and shows exactly that many.
pub(crate) fn fix(d: Decimal, decimals: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    r
}

/// The square root of a non-negative decimal, truncated to 8 decimal places, computed on
/// integers (the value is first truncated to 16 places): the same digits on every platform.
pub(crate) fn sqrt_truncated(v: Decimal) -> Option<Decimal> {
    if v <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    let t = v.round_dp_with_strategy(16, RoundingStrategy::ToZero);
    let mantissa = u128::try_from(t.mantissa()).ok()?;
    let shift = 16u32.checked_sub(t.scale())?;
    let scaled = mantissa.checked_mul(10u128.checked_pow(shift)?)?;
    let root = i128::try_from(scaled.isqrt()).ok()?;
    Decimal::try_from_i128_with_scale(root, 8).ok()
}

/// Per judge and criterion (or pooled over a criterion): count, sum and sum of squares.
#[derive(Debug, Clone, Copy, Default)]
struct Moments {
    n: u32,
    sum: Decimal,
    squares: Decimal,
}

impl Moments {
    fn add(&mut self, x: Decimal) -> Option<()> {
        self.n = self.n.checked_add(1)?;
        self.sum = self.sum.checked_add(x)?;
        self.squares = self.squares.checked_add(x.checked_mul(x)?)?;
        Some(())
    }

    fn mean(&self) -> Option<Decimal> {
        if self.n == 0 {
            return Some(Decimal::ZERO);
        }
        self.sum.checked_div(Decimal::from(self.n))
    }

    /// Population standard deviation: `sqrt((n * sum(x^2) - sum(x)^2) / n^2)`.
    fn sd(&self) -> Option<Decimal> {
        if self.n == 0 {
            return Some(Decimal::ZERO);
        }
        let n = Decimal::from(self.n);
        let numerator = n
            .checked_mul(self.squares)?
            .checked_sub(self.sum.checked_mul(self.sum)?)?;
        sqrt_truncated(numerator.checked_div(n.checked_mul(n)?)?)
    }
}

/// For one judge and criterion: `normalised = base + (x - judge_mean) * ratio`, or `base`
/// when the judge's scores do not vary.
#[derive(Debug, Clone, Copy)]
struct Normalizer {
    judge_mean: Decimal,
    base: Decimal,
    ratio: Option<Decimal>,
}

impl Normalizer {
    fn apply(&self, x: Decimal, decimals: u32) -> Option<Decimal> {
        let v = match self.ratio {
            None => self.base,
            Some(r) => self
                .base
                .checked_add(x.checked_sub(self.judge_mean)?.checked_mul(r)?)?,
        };
        Some(fix(v, decimals))
    }
}

fn normalizers(
    scheme: &EvaluationScheme,
    n_judges: usize,
    rows: &[Row<'_>],
) -> Option<Vec<Normalizer>> {
    let n_crit = scheme.criteria.len();
    let mut per_judge = vec![Moments::default(); n_crit.checked_mul(n_judges)?];
    let mut pooled = vec![Moments::default(); n_crit];
    for (i, row) in rows.iter().enumerate() {
        let k = i % n_crit;
        let Some(row) = row else { continue };
        for (j, x) in row.iter().enumerate() {
            let Some(x) = x else { continue };
            per_judge.get_mut(k * n_judges + j)?.add(*x)?;
            pooled.get_mut(k)?.add(*x)?;
        }
    }
    let mut out = Vec::with_capacity(per_judge.len());
    for (slot, m) in per_judge.iter().enumerate() {
        let p = pooled.get(slot / n_judges.max(1))?;
        let judge_sd = m.sd()?;
        let ratio = if judge_sd.is_zero() {
            None
        } else {
            Some(p.sd()?.checked_div(judge_sd)?)
        };
        out.push(Normalizer {
            judge_mean: m.mean()?,
            base: p.mean()?,
            ratio,
        });
    }
    Some(out)
}

/// `10^k` for `k` in 0..=38.
const POW10: [i128; 39] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
    10_000_000_000_000_000_000,
    100_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000_000_000_000_000,
    1_000_000_000_000_000_000_000_000_000_000_000_000,
    10_000_000_000_000_000_000_000_000_000_000_000_000,
    100_000_000_000_000_000_000_000_000_000_000_000_000,
];

/// `10^k` as an integer, for `k` up to 38.
fn pow10(k: u32) -> Option<i128> {
    POW10.get(k as usize).copied()
}

/// An integer at `scale` as a decimal, if it fits.
fn decimal(value: i128, scale: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(value, scale).ok()
}

/// `d` as an integer at `scale` (which must be at least `d`'s own scale).
fn at_scale(d: Decimal, scale: u32) -> Option<i128> {
    let own = d.scale();
    if own == scale {
        return Some(d.mantissa());
    }
    mul(d.mantissa(), pow10(scale.checked_sub(own)?)?)
}

/// `n / d` rounded half away from zero, `d > 0`: the exact quotient, rounded once. (A
/// 64-bit division when both fit, which is exact and much faster than a 128-bit one.)
fn round_div(n: i128, d: i128) -> Option<i128> {
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        let q = n.checked_div(d)?;
        let r = n.checked_rem(d)?;
        let q = if r.unsigned_abs().checked_mul(2)? >= d.unsigned_abs() {
            q.checked_add(n.signum())?
        } else {
            q
        };
        return Some(i128::from(q));
    }
    let q = n.checked_div(d)?;
    let r = n.checked_rem(d)?;
    if r.unsigned_abs().checked_mul(2)? >= d.unsigned_abs() {
        q.checked_add(n.signum())
    } else {
        Some(q)
    }
}

/// `a * b`, exactly: a plain multiplication when both fit in 64 bits (the product then
/// fits in 128), a checked one otherwise.
fn mul(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => a.checked_mul(b),
    }
}

/// The weights as integers at one scale, with their sum.
struct Weights {
    each: Vec<i128>,
    sum: i128,
}

fn weights(scheme: &EvaluationScheme) -> Option<Weights> {
    let scale = scheme.criteria.iter().map(|c| c.weight.scale()).max()?;
    let each = scheme
        .criteria
        .iter()
        .map(|c| at_scale(c.weight, scale))
        .collect::<Option<Vec<_>>>()?;
    let sum = each.iter().try_fold(0i128, |a, w| a.checked_add(*w))?;
    Some(Weights { each, sum })
}

/// The candidates' rows in the scheme's criteria order, every id checked.
fn resolve<'a>(
    scheme: &EvaluationScheme,
    input: &'a EvaluationInput,
) -> Result<Vec<Row<'a>>, EvaluationError> {
    let n_judges = input.judges.len();
    let mut judges = FxHashSet::default();
    judges.reserve(n_judges);
    for (i, j) in input.judges.iter().enumerate() {
        if j.0.trim().is_empty() {
            return Err(EvaluationError::EmptyId {
                path: format!("judges[{i}]"),
                field: "judge",
            });
        }
        if !judges.insert(j.as_str()) {
            return Err(EvaluationError::DuplicateJudge {
                path: format!("judges[{i}]"),
                id: j.0.clone(),
            });
        }
    }
    // Criteria by id, for a merge with each candidate's (sorted) score map.
    let mut by_id: Vec<(&str, usize)> = scheme
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| (c.id.as_str(), k))
        .collect();
    by_id.sort_unstable();
    let n_crit = scheme.criteria.len();
    let mut candidates = FxHashSet::default();
    candidates.reserve(input.candidates.len());
    let mut rows: Vec<Row<'a>> = vec![None; input.candidates.len().saturating_mul(n_crit)];
    for (i, c) in input.candidates.iter().enumerate() {
        if c.id.as_str().trim().is_empty() {
            return Err(EvaluationError::EmptyId {
                path: format!("candidates[{i}].id"),
                field: "candidate",
            });
        }
        if !candidates.insert(c.id.as_str()) {
            return Err(EvaluationError::DuplicateCandidate {
                path: format!("candidates[{i}].id"),
                id: c.id.to_string(),
            });
        }
        let mut cursor = by_id.iter().peekable();
        for (key, row) in &c.scores {
            let mut found = cursor.next_if(|(id, _)| *id == key.as_str());
            if found.is_none() {
                while cursor.next_if(|(id, _)| *id < key.as_str()).is_some() {}
                found = cursor.next_if(|(id, _)| *id == key.as_str());
            }
            let Some(&(_, k)) = found else {
                return Err(EvaluationError::UnknownCriterion {
                    path: format!("candidates[{i}].scores.{key}"),
                    id: key.clone(),
                });
            };
            if row.len() > n_judges {
                return Err(EvaluationError::UnknownJudge {
                    path: format!("candidates[{i}].scores.{key}[{n_judges}]"),
                    id: format!("#{}", n_judges + 1),
                });
            }
            if let Some(slot) = rows.get_mut(i * n_crit + k) {
                *slot = Some(row.as_slice());
            }
        }
    }
    Ok(rows)
}

/// What went wrong on one line, before the path is known.
enum LineError {
    OutOfScale(usize),
    Missing(usize),
    TooFew(u32),
    Overflow,
}

/// Scratch space reused across lines.
#[derive(Default)]
struct Scratch {
    /// `value at the line's scale * 2^32 + judge`: sorting these sorts by value, then judge.
    values: Vec<i128>,
    normalized: Vec<Option<Decimal>>,
}

const JUDGE_BITS: u32 = 32;

/// A value and its judge as one sortable integer (`value * 2^32 + judge`).
fn pack(value: i128, judge: usize) -> Option<i128> {
    let judge = u32::try_from(judge).ok()?;
    if value.unsigned_abs() >= 1 << (127 - JUDGE_BITS - 1) {
        return None;
    }
    Some((value << JUDGE_BITS) | i128::from(judge))
}

/// The value of a packed integer.
fn value_of(packed: i128) -> i128 {
    packed >> JUDGE_BITS
}

/// The judge of a packed integer.
fn judge_of(packed: i128) -> usize {
    (packed & ((1 << JUDGE_BITS) - 1)) as usize
}

/// One line's aggregate as an integer at `decimals`; its judges' scores are appended to
/// `cells`, the dropped ones marked.
fn line(
    scheme: &EvaluationScheme,
    row: &[Option<Decimal>],
    n_judges: usize,
    norms: Option<&[Normalizer]>,
    scratch: &mut Scratch,
    cells: &mut Vec<JudgeScore>,
) -> Result<i128, LineError> {
    let decimals = scheme.decimals;
    scratch.values.clear();
    scratch.normalized.clear();
    let base = cells.len();
    // Every raw score within the scale, compared as integers at one scale.
    let mut raw_scale = scheme.scale_min.scale().max(scheme.scale_max.scale());
    cells.extend((0..n_judges).map(|j| {
        let raw = row.get(j).copied().flatten();
        if let Some(d) = raw {
            raw_scale = raw_scale.max(d.scale());
        }
        JudgeScore { raw, dropped: None }
    }));
    let scores = cells.get_mut(base..).unwrap_or_default();
    let lo = at_scale(scheme.scale_min, raw_scale).ok_or(LineError::Overflow)?;
    let hi = at_scale(scheme.scale_max, raw_scale).ok_or(LineError::Overflow)?;
    for (j, s) in scores.iter().enumerate() {
        match s.raw {
            Some(x) => {
                let v = at_scale(x, raw_scale).ok_or(LineError::Overflow)?;
                if v < lo || v > hi {
                    return Err(LineError::OutOfScale(j));
                }
                scratch.values.push(pack(v, j).ok_or(LineError::Overflow)?);
            }
            None if scheme.missing_score == MissingScore::Error => {
                return Err(LineError::Missing(j));
            }
            None => {}
        }
    }
    // Normalised values replace the raw ones (all at `decimals`).
    let scale = match norms {
        None => raw_scale,
        Some(ns) => {
            scratch.normalized.resize(n_judges, None);
            for packed in scratch.values.iter_mut() {
                let j = judge_of(*packed);
                let x = scores.get(j).and_then(|s| s.raw);
                let n = x
                    .zip(ns.get(j))
                    .and_then(|(x, n)| n.apply(x, decimals))
                    .ok_or(LineError::Overflow)?;
                if let Some(slot) = scratch.normalized.get_mut(j) {
                    *slot = Some(n);
                }
                *packed = at_scale(n, decimals)
                    .and_then(|v| pack(v, j))
                    .ok_or(LineError::Overflow)?;
            }
            decimals
        }
    };
    if scheme.aggregation == Aggregation::Median {
        scratch.values.sort_unstable();
    }
    let n = scratch.values.len();
    if (n as u64) < u64::from(needed(scheme)) {
        return Err(LineError::TooFew(n as u32));
    }
    let to_decimals = pow10(decimals).ok_or(LineError::Overflow)?;
    let unit = pow10(scale).ok_or(LineError::Overflow)?;
    let mean = |kept: &[i128]| -> Option<i128> {
        let sum = kept
            .iter()
            .try_fold(0i128, |a, p| a.checked_add(value_of(*p)))?;
        round_div(mul(sum, to_decimals)?, mul(unit, kept.len() as i128)?)
    };
    let values = scratch.values.as_mut_slice();
    match scheme.aggregation {
        Aggregation::Mean => mean(values),
        Aggregation::Median if n % 2 == 1 => values
            .get(n / 2)
            .and_then(|p| round_div(mul(value_of(*p), to_decimals)?, unit)),
        Aggregation::Median => values.get(n / 2 - 1..=n / 2).and_then(mean),
        Aggregation::TrimmedMean => {
            // Move the `trim` smallest packed values to the front and the `trim` largest to
            // the back: the lowest scores (the first-listed judge among equals) and the
            // highest (the last-listed among equals), as a full sort would put them.
            let t = scheme.trim as usize;
            for step in 0..t {
                let (low, high) = (step, n - 1 - step);
                // One pass for both ends (packed values are distinct).
                let (mut min_at, mut max_at) = (low, low);
                let (mut min, mut max) = match values.get(low) {
                    Some(v) => (*v, *v),
                    None => break,
                };
                for (at, v) in values.iter().enumerate().take(high + 1).skip(low + 1) {
                    if *v < min {
                        (min, min_at) = (*v, at);
                    }
                    if *v > max {
                        (max, max_at) = (*v, at);
                    }
                }
                values.swap(low, min_at);
                // The maximum may have been the element just moved out of `low`.
                let max_at = if max_at == low { min_at } else { max_at };
                values.swap(high, max_at);
            }
            for (end, part) in [
                (DroppedEnd::Lowest, values.get(..t)),
                (DroppedEnd::Highest, values.get(n - t..)),
            ] {
                for p in part.unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut(judge_of(*p)) {
                        s.dropped = Some(end);
                    }
                }
            }
            values.get(t..n - t).and_then(mean)
        }
    }
    .ok_or(LineError::Overflow)
}

/// Scores `input` with `scheme`; `scheme_path` prefixes the rule keys (and the scheme's own
/// error paths).
pub(super) fn run(
    scheme_id: &str,
    scheme: &EvaluationScheme,
    scheme_path: &str,
    input: &EvaluationInput,
    standings: &[Standing],
) -> Result<Ranking, EvaluationError> {
    scheme.validate(scheme_path)?;
    let rows = resolve(scheme, input)?;
    let n_judges = input.judges.len();
    let n_crit = scheme.criteria.len();
    let decimals = scheme.decimals;
    let whole_input_overflow = || EvaluationError::Overflow {
        path: "candidates".into(),
        candidate: String::new(),
    };
    let weights = weights(scheme).ok_or_else(whole_input_overflow)?;
    let norms = match scheme.normalization {
        Normalization::None => None,
        Normalization::ZScore => {
            Some(normalizers(scheme, n_judges, &rows).ok_or_else(whole_input_overflow)?)
        }
    };
    let criterion_ids: Vec<CriterionId> = scheme
        .criteria
        .iter()
        .map(|c| CriterionId::from(c.id.as_str()))
        .collect();
    let tie_break: Vec<usize> = scheme
        .tie_break
        .iter()
        .filter_map(|id| scheme.criterion_position(id))
        .collect();
    let stride = 1 + tie_break.len();

    let by_member: FxHashMap<&str, &Standing> =
        standings.iter().map(|s| (s.member.as_str(), s)).collect();
    let rule_at = |key: &str, article: &str| RuleRef::new(format!("{scheme_path}.{key}"), article);
    let lateness_rule = rule_at("deductions.per_lateness", &scheme.deductions.article);
    let absence_rule = rule_at("deductions.per_absence", &scheme.deductions.article);
    let veto_rule = rule_at("deductions.veto_expelled", &scheme.deductions.veto_article);

    let mut sheets = Vec::with_capacity(input.candidates.len());
    // Per candidate: the total, then the tie-break aggregates, as integers at `decimals`.
    let mut keys: Vec<i128> = Vec::with_capacity(input.candidates.len() * stride);
    let mut aggregates = vec![0i128; n_crit];
    let mut scratch = Scratch::default();
    for (i, cand) in input.candidates.iter().enumerate() {
        let overflow = || EvaluationError::Overflow {
            path: format!("candidates[{i}]"),
            candidate: cand.id.to_string(),
        };
        let mut lines = Vec::with_capacity(n_crit);
        let mut cells = Vec::with_capacity(n_crit * n_judges);
        let mut weighted = 0i128;
        for (k, criterion) in scheme.criteria.iter().enumerate() {
            let row = rows.get(i * n_crit + k).copied().flatten().unwrap_or(&[]);
            let norm = norms
                .as_ref()
                .and_then(|ns| ns.get(k * n_judges..(k + 1) * n_judges));
            let aggregate =
                line(scheme, row, n_judges, norm, &mut scratch, &mut cells).map_err(|e| {
                    let at = format!("candidates[{i}].scores.{}", criterion.id);
                    match e {
                        LineError::OutOfScale(j) => EvaluationError::ScoreOutOfScale {
                            path: format!("{at}[{j}]"),
                            value: row
                                .get(j)
                                .copied()
                                .flatten()
                                .map(|x| x.to_string())
                                .unwrap_or_default(),
                            min: scheme.scale_min.to_string(),
                            max: scheme.scale_max.to_string(),
                        },
                        LineError::Missing(j) => EvaluationError::MissingScore {
                            path: at,
                            candidate: cand.id.to_string(),
                            judge: input.judges.get(j).map(|j| j.0.clone()).unwrap_or_default(),
                            criterion: criterion.id.clone(),
                        },
                        LineError::TooFew(count) => EvaluationError::TooFewScores {
                            path: at,
                            candidate: cand.id.to_string(),
                            criterion: criterion.id.clone(),
                            count,
                            needed: needed(scheme),
                        },
                        LineError::Overflow => overflow(),
                    }
                })?;
            let w = weights.each.get(k).copied().unwrap_or(0);
            let product = mul(aggregate, w).ok_or_else(overflow)?;
            weighted = weighted.checked_add(product).ok_or_else(overflow)?;
            let contribution = round_div(product, weights.sum).ok_or_else(overflow)?;
            if let Some(slot) = aggregates.get_mut(k) {
                *slot = aggregate;
            }
            lines.push(CriterionLine {
                normalized: scratch.normalized.clone(),
                aggregate: decimal(aggregate, decimals).ok_or_else(overflow)?,
                weight: criterion.weight,
                contribution: decimal(contribution, decimals).ok_or_else(overflow)?,
            });
        }
        let subtotal = round_div(weighted, weights.sum).ok_or_else(overflow)?;

        let mut deductions = Vec::new();
        let mut veto = None;
        let mut total = subtotal;
        if let Some(st) = by_member.get(cand.id.as_str()) {
            for (counter, count, per, rule) in [
                (
                    Counter::Lateness,
                    st.counts.lateness,
                    scheme.deductions.per_lateness,
                    &lateness_rule,
                ),
                (
                    Counter::Absence,
                    st.counts.absences,
                    scheme.deductions.per_absence,
                    &absence_rule,
                ),
            ] {
                if count == 0 || per.is_zero() {
                    continue;
                }
                let amount = per
                    .checked_mul(Decimal::from(count))
                    .map(|a| fix(a, decimals))
                    .ok_or_else(overflow)?;
                total = at_scale(amount, decimals)
                    .and_then(|a| total.checked_sub(a))
                    .ok_or_else(overflow)?;
                deductions.push(Deduction {
                    rule: rule.clone(),
                    counter,
                    count,
                    per,
                    amount,
                    records: st
                        .reasons
                        .iter()
                        .filter(|r| r.counter == Some(counter))
                        .flat_map(|r| r.records.iter().cloned())
                        .collect(),
                });
            }
            if scheme.deductions.veto_expelled && st.status == StandingStatus::Expelled {
                veto = Some(Box::new(Veto {
                    rule: veto_rule.clone(),
                    status: st.status,
                    reasons: st.reasons.clone(),
                }));
            }
        }
        keys.push(total);
        keys.extend(
            tie_break
                .iter()
                .map(|&k| aggregates.get(k).copied().unwrap_or(0)),
        );
        sheets.push(ScoreSheet {
            candidate: cand.id.clone(),
            name: cand.name.clone(),
            category: cand.category.clone(),
            lines,
            scores: ScoreGrid::from_cells(n_crit, cells).unwrap_or_default(),
            subtotal: decimal(subtotal, decimals).ok_or_else(overflow)?,
            deductions,
            total: decimal(total, decimals).ok_or_else(overflow)?,
            decision: if veto.is_some() {
                Decision::Vetoed
            } else {
                Decision::Selected
            },
            veto,
            rank: None,
        });
    }

    let (order, groups) = rank_order(scheme, &sheets, &keys, stride);
    permute(&mut sheets, &order);
    select(scheme, &mut sheets, &groups);
    let selected: Vec<CandidateId> = sheets
        .iter()
        .filter(|s| s.decision.is_selected())
        .map(|s| s.candidate.clone())
        .collect();
    Ok(Ranking {
        scheme: scheme_id.to_owned(),
        title: scheme.title.clone(),
        rule: EvaluationPolicy::rule(scheme_id, scheme),
        aggregation: scheme.aggregation,
        tie_method: scheme.tie_method,
        judges: input.judges.clone(),
        criteria: criterion_ids,
        sheets,
        selected,
        rules: DecisionRules {
            selection: rule_at("selection", &scheme.selection.article),
            pass_mark: rule_at("selection.pass_mark", &scheme.selection.article),
            top_n: rule_at("selection.top_n", &scheme.selection.article),
            category_quota: rule_at("selection.category_quotas", &scheme.selection.article),
            veto: veto_rule,
        },
    })
}

/// Reorders `items` in place so that position `p` holds what was at `order[p]` (`order` is a
/// permutation of the positions), following each cycle once.
fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed.get(start).copied().unwrap_or(true) {
            continue;
        }
        // Along the cycle: position `p` takes the item at `order[p]`.
        let mut p = start;
        loop {
            if let Some(flag) = placed.get_mut(p) {
                *flag = true;
            }
            let Some(&next) = order.get(p) else { break };
            let next = next as usize;
            if next == start || placed.get(next).copied().unwrap_or(true) {
                break;
            }
            items.swap(p, next);
            p = next;
        }
    }
}

/// How many scores the aggregation needs.
fn needed(scheme: &EvaluationScheme) -> u32 {
    match scheme.aggregation {
        Aggregation::Mean | Aggregation::Median => 1,
        Aggregation::TrimmedMean => scheme.trim.saturating_mul(2).saturating_add(1),
    }
}

/// The order of the sheets (ranked candidates best first, then vetoed ones in input order),
/// as positions into `sheets`, and for each ranked position its tie group (equal total and
/// tie-break aggregates). `keys` holds, per sheet, `stride` integers: the total, then the
/// tie-break aggregates.
fn rank_order(
    scheme: &EvaluationScheme,
    sheets: &[ScoreSheet],
    keys: &[i128],
    stride: usize,
) -> (Vec<u32>, Vec<u32>) {
    let key = |i: u32| {
        let at = i as usize * stride;
        keys.get(at..at + stride).unwrap_or(&[])
    };
    // Sort by total (higher first) on compact pairs, then each run of equal totals by the
    // tie-break aggregates (higher first) and the final rule.
    let mut by_total: Vec<(i128, u32)> = sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.veto.is_none())
        .map(|(i, _)| (keys.get(i * stride).copied().unwrap_or(0), i as u32))
        .collect();
    by_total.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let final_rule = |a: u32, b: u32| match scheme.final_tie_break {
        FinalTieBreak::CandidateId => {
            let id = |i: u32| sheets.get(i as usize).map(|s| s.candidate.as_str());
            id(a).cmp(&id(b)).then(a.cmp(&b))
        }
        FinalTieBreak::InputOrder => a.cmp(&b),
    };
    // The tie-break aggregates gathered in this order, so that each run of equal totals is
    // sorted over contiguous keys.
    let chain = stride - 1;
    let mut gathered: Vec<i128> = by_total
        .iter()
        .flat_map(|&(_, i)| key(i).iter().skip(1).copied())
        .collect();
    let mut ranked: Vec<u32> = by_total.iter().map(|&(_, i)| i).collect();
    let mut order: Vec<usize> = Vec::new();
    let mut run_keys: Vec<i128> = Vec::new();
    let mut start = 0;
    while start < by_total.len() {
        let total = by_total.get(start).map(|p| p.0);
        let end = by_total
            .iter()
            .skip(start)
            .position(|p| Some(p.0) != total)
            .map_or(by_total.len(), |n| start + n);
        if end - start > 1 {
            let at = |pos: usize| gathered.get(pos * chain..(pos + 1) * chain).unwrap_or(&[]);
            order.clear();
            order.extend(start..end);
            order.sort_unstable_by(|&a, &b| {
                at(b)
                    .cmp(at(a))
                    .then_with(|| match (by_total.get(a), by_total.get(b)) {
                        (Some(&(_, ia)), Some(&(_, ib))) => final_rule(ia, ib),
                        _ => a.cmp(&b),
                    })
            });
            run_keys.clear();
            for &pos in &order {
                run_keys.extend_from_slice(at(pos));
            }
            let run = ranked.get_mut(start..end).unwrap_or_default();
            for (slot, &pos) in run.iter_mut().zip(&order) {
                if let Some(&(_, i)) = by_total.get(pos) {
                    *slot = i;
                }
            }
            if let Some(dest) = gathered.get_mut(start * chain..end * chain) {
                dest.copy_from_slice(&run_keys);
            }
        }
        start = end;
    }
    // Tie groups: equal totals and equal tie-break aggregates.
    let mut groups = Vec::with_capacity(ranked.len());
    let mut group = 0u32;
    for pos in 0..ranked.len() {
        if pos > 0 {
            let same_total = by_total.get(pos - 1).map(|p| p.0) == by_total.get(pos).map(|p| p.0);
            let same_chain = gathered
                .get((pos - 1) * chain..pos * chain)
                .into_iter()
                .flatten()
                .eq(gathered
                    .get(pos * chain..(pos + 1) * chain)
                    .into_iter()
                    .flatten());
            if !(same_total && same_chain) {
                group += 1;
            }
        }
        groups.push(group);
    }
    ranked.extend(
        sheets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.veto.is_some())
            .map(|(i, _)| i as u32),
    );
    (ranked, groups)
}

/// Gives ranks and decisions to sheets already in ranked order (`groups` holds the tie group
/// of each ranked sheet; the vetoed sheets follow them).
fn select(scheme: &EvaluationScheme, sheets: &mut [ScoreSheet], groups: &[u32]) {
    let selection = &scheme.selection;
    let mut selected = 0u32;
    let mut per_category: FxHashMap<String, u32> = FxHashMap::default();
    let mut last_selected_group: Option<u32> = None;
    let mut group_start = 0usize;
    for (pos, (sheet, &group)) in sheets.iter_mut().zip(groups).enumerate() {
        if pos > 0 && groups.get(pos - 1) != Some(&group) {
            group_start = pos;
        }
        let rank = match scheme.tie_method {
            TieMethod::Competition => group_start + 1,
            TieMethod::Dense => group as usize + 1,
            TieMethod::Ordinal => pos + 1,
        };
        sheet.rank = Some(u32::try_from(rank).unwrap_or(u32::MAX));
        let category_count = sheet
            .category
            .as_ref()
            .map(|c| per_category.get(c).copied().unwrap_or(0));
        let decision = match (selection.pass_mark, &sheet.category) {
            (PassMark::At(mark), _) if sheet.total < mark => {
                Some(Decision::BelowPassMark { pass_mark: mark })
            }
            _ if selection.top_n.reached(selected) => Some(Decision::OutsideTopN {
                top_n: selection.top_n.get().unwrap_or(0),
                tied_with_selected: last_selected_group == Some(group),
            }),
            (_, Some(category))
                if selection
                    .quota_of(category)
                    .reached(category_count.unwrap_or(0)) =>
            {
                Some(Decision::CategoryQuotaFull {
                    category: category.clone(),
                    quota: selection.quota_of(category).get().unwrap_or(0),
                })
            }
            _ => None,
        };
        match decision {
            Some(d) => sheet.decision = d,
            None => {
                // Already `Selected`.
                selected += 1;
                last_selected_group = Some(group);
                if let Some(category) = &sheet.category {
                    *per_category.entry(category.clone()).or_insert(0) += 1;
                }
            }
        }
    }
}
