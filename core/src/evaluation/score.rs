//! The scoring engine: validation, normalisation, aggregation, deductions, ranking and
//! selection, in that order.

use std::sync::Arc;

use rust_decimal::{Decimal, RoundingStrategy};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::attendance::{Counter, Standing, StandingStatus};
use crate::rule::RuleRef;

use super::book::{Adjustment, Outcome};
use super::{
    Aggregation, Candidate, CriterionId, DecisionRules, Deduction, DroppedEnd, EvaluationError,
    EvaluationErrorKind, EvaluationInput, EvaluationPolicy, EvaluationScheme, FinalTieBreak, Limit,
    MissingScore, Normalization, PassMark, Ranking, ScoreSheet, SheetBook, TieMethod, Veto,
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
/// when the judge's scores do not vary; `base` is the scale's mean and `ratio` its standard
/// deviation over the judge's.
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

/// One normaliser per criterion and judge (criterion-major), on the scheme's stated scale:
/// nothing of the scale comes from the scores, so shifting one judge's scores changes no
/// normalised score.
fn normalizers(
    scheme: &EvaluationScheme,
    n_judges: usize,
    rows: &[Row<'_>],
) -> Option<Vec<Normalizer>> {
    let scale = scheme.normal_scale()?;
    let n_crit = scheme.criteria.len();
    let mut per_judge = vec![Moments::default(); n_crit.checked_mul(n_judges)?];
    for (i, row) in rows.iter().enumerate() {
        let k = i % n_crit;
        let Some(row) = row else { continue };
        for (j, x) in row.iter().enumerate() {
            let Some(x) = x else { continue };
            per_judge.get_mut(k * n_judges + j)?.add(*x)?;
        }
    }
    let mut out = Vec::with_capacity(per_judge.len());
    for m in &per_judge {
        let judge_sd = m.sd()?;
        let ratio = if judge_sd.is_zero() {
            None
        } else {
            Some(scale.sd.checked_div(judge_sd)?)
        };
        out.push(Normalizer {
            judge_mean: m.mean()?,
            base: scale.mean,
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
pub(super) fn round_div(n: i128, d: i128) -> Option<i128> {
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

/// The judges, checked: none empty, none twice.
fn check_judges(input: &EvaluationInput) -> Result<(), EvaluationError> {
    let mut judges = FxHashSet::default();
    judges.reserve(input.judges.len());
    for (i, j) in input.judges.iter().enumerate() {
        if j.0.trim().is_empty() {
            return Err(EvaluationErrorKind::EmptyId { field: "judge" }.at(format!("judges[{i}]")));
        }
        if !judges.insert(j.as_str()) {
            return Err(
                EvaluationErrorKind::DuplicateJudge { id: j.0.clone() }.at(format!("judges[{i}]"))
            );
        }
    }
    Ok(())
}

/// Finds each candidate's rows in the scheme's criteria order, checking every id.
struct Resolver<'a> {
    /// The criteria by id, for a merge with each candidate's (sorted) score map.
    by_id: Vec<(&'a str, usize)>,
    n_judges: usize,
    /// The candidate ids seen.
    seen: FxHashSet<&'a str>,
}

impl<'a> Resolver<'a> {
    fn new(scheme: &'a EvaluationScheme, input: &'a EvaluationInput) -> Resolver<'a> {
        let mut by_id: Vec<(&str, usize)> = scheme
            .criteria
            .iter()
            .enumerate()
            .map(|(k, c)| (c.id.as_str(), k))
            .collect();
        by_id.sort_unstable();
        let mut seen = FxHashSet::default();
        seen.reserve(input.candidates.len());
        Resolver {
            by_id,
            n_judges: input.judges.len(),
            seen,
        }
    }

    /// Candidate `i`'s rows, one per criterion (`None` for none); its texts go into `book`.
    fn rows(
        &mut self,
        i: usize,
        c: &'a Candidate,
        rows: &mut [Row<'a>],
        book: &mut SheetBook,
    ) -> Result<(), EvaluationError> {
        if c.id.as_str().trim().is_empty() {
            return Err(EvaluationErrorKind::EmptyId { field: "candidate" }
                .at(format!("candidates[{i}].id")));
        }
        if !self.seen.insert(c.id.as_str()) {
            return Err(EvaluationErrorKind::DuplicateCandidate {
                id: c.id.to_string(),
            }
            .at(format!("candidates[{i}].id")));
        }
        rows.fill(None);
        let n_judges = self.n_judges;
        let mut cursor = self.by_id.iter().peekable();
        for (key, row) in &c.scores {
            let mut found = cursor.next_if(|(id, _)| *id == key.as_str());
            if found.is_none() {
                while cursor.next_if(|(id, _)| *id < key.as_str()).is_some() {}
                found = cursor.next_if(|(id, _)| *id == key.as_str());
            }
            let Some(&(_, k)) = found else {
                return Err(EvaluationErrorKind::UnknownCriterion { id: key.clone() }
                    .at(format!("candidates[{i}].scores.{key}")));
            };
            if row.len() > n_judges {
                return Err(EvaluationErrorKind::UnknownJudge {
                    id: format!("#{}", n_judges + 1),
                }
                .at(format!("candidates[{i}].scores.{key}[{n_judges}]")));
            }
            if let Some(slot) = rows.get_mut(k) {
                *slot = Some(row.as_slice());
            }
        }
        book.push_texts(c.id.as_str(), &c.name, c.category.as_deref())
            .ok_or_else(|| {
                EvaluationErrorKind::Overflow {
                    candidate: String::new(),
                }
                .at("candidates")
            })
    }
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
    /// The packed values of a line whose scores are small (the usual case).
    small: Vec<i64>,
    /// The packed values of any other line.
    values: Vec<i128>,
    normalized: Vec<Option<Decimal>>,
}

const JUDGE_BITS: u32 = 32;

/// A judge's value and position as one integer, `value * 2^32 + judge`, whose order is by
/// value, then judge: `i64` for values under 2^31 in magnitude, `i128` for the others.
trait Packed: Copy + Ord {
    /// The judge's position.
    fn judge(self) -> usize;
}

impl Packed for i64 {
    #[inline]
    fn judge(self) -> usize {
        (self & ((1 << JUDGE_BITS) - 1)) as usize
    }
}

impl Packed for i128 {
    #[inline]
    fn judge(self) -> usize {
        (self & ((1 << JUDGE_BITS) - 1)) as usize
    }
}

/// The value of a packed `i128`.
#[inline]
fn value_of(packed: i128) -> i128 {
    packed >> JUDGE_BITS
}

/// A value and its judge as one `i128`, if the value is under 2^94 in magnitude.
#[inline]
fn pack(value: i128, judge: u32) -> Option<i128> {
    if value.unsigned_abs() >= 1 << (127 - JUDGE_BITS - 1) {
        return None;
    }
    Some((value << JUDGE_BITS) | i128::from(judge))
}

/// The scale's ends as integers at each scale a line may compare its scores at: from the
/// larger of the ends' own scales up to 28.
struct Bounds {
    /// The smallest such scale.
    scale: u32,
    /// The ends at `scale + i`, `None` where they overflow.
    ends: Vec<Option<(i128, i128)>>,
    /// The same, where both are under 2^31 in magnitude.
    small: Vec<Option<(i64, i64)>>,
}

/// Scale ends under this magnitude: every score between them packs into an `i64`.
const SMALL: i128 = 1 << 31;

impl Bounds {
    fn of(scheme: &EvaluationScheme) -> Bounds {
        let scale = scheme.scale_min.scale().max(scheme.scale_max.scale());
        let ends: Vec<Option<(i128, i128)>> = (scale..=28)
            .map(|s| at_scale(scheme.scale_min, s).zip(at_scale(scheme.scale_max, s)))
            .collect();
        let small = ends
            .iter()
            .map(|e| {
                let (lo, hi) = (*e)?;
                if lo.abs() >= SMALL || hi.abs() >= SMALL {
                    return None;
                }
                Some((i64::try_from(lo).ok()?, i64::try_from(hi).ok()?))
            })
            .collect();
        Bounds { scale, ends, small }
    }

    /// The ends at `scale` (at least `self.scale`).
    fn at(&self, scale: u32) -> Option<(i128, i128)> {
        self.ends
            .get(scale.checked_sub(self.scale)? as usize)
            .copied()
            .flatten()
    }

    /// The ends at `scale`, if every score between them is under 2^31 in magnitude.
    fn small_at(&self, scale: u32) -> Option<(i64, i64)> {
        self.small
            .get(scale.checked_sub(self.scale)? as usize)
            .copied()
            .flatten()
    }
}

/// One line's aggregate as an integer at `decimals`; its judges' scores are appended to the
/// book's raw scores (the dropped ones marked), and their normalised values, when the scheme
/// normalises, to its normalised scores.
fn line(
    scheme: &EvaluationScheme,
    bounds: &Bounds,
    row: &[Option<Decimal>],
    n_judges: usize,
    norms: Option<&[Normalizer]>,
    scratch: &mut Scratch,
    book: &mut SheetBook,
) -> Result<i128, LineError> {
    let base = book.raw.len();
    if norms.is_none()
        && let Some(aggregate) = small_line(scheme, bounds, row, n_judges, base, scratch, book)
    {
        return Ok(aggregate);
    }
    book.raw.truncate(base);
    // Every raw score within the scale, compared as integers at one scale: the largest
    // of the scores' and the scale ends' own.
    let scale = book.raw.push_row(row, n_judges, bounds.scale);
    let (lo, hi) = bounds.at(scale).ok_or(LineError::Overflow)?;
    line_at(scheme, (scale, lo, hi), row, n_judges, norms, scratch, book)
}

/// [`line`] for the usual row, in one pass on `i64`s: every score compact, at one scale
/// (not below the scale ends' own) where the ends are small, none missing where that is an
/// error, none out of the scale. `None` for any other row (with the row's cells, appended
/// from `base`, to be taken back): [`line_at`] then gives the aggregate or the error.
fn small_line(
    scheme: &EvaluationScheme,
    bounds: &Bounds,
    row: &[Option<Decimal>],
    n_judges: usize,
    base: usize,
    scratch: &mut Scratch,
    book: &mut SheetBook,
) -> Option<i128> {
    let values = &mut scratch.small;
    values.clear();
    // The scale of the first score, and the scale's ends there.
    let mut at: Option<(u32, i64, i64)> = None;
    let mut sum = 0i64;
    for (j, d) in (0u32..).zip(row) {
        match d {
            Some(d) => {
                let (scale, lo, hi) = match at {
                    Some(at) => at,
                    None => {
                        let scale = d.scale();
                        let (lo, hi) = bounds.small_at(scale)?;
                        *at.insert((scale, lo, hi))
                    }
                };
                let v = book.raw.push_compact(d, scale)?;
                if v < lo || v > hi {
                    return None;
                }
                sum += v;
                values.push((v << JUDGE_BITS) | i64::from(j));
            }
            None if scheme.missing_score == MissingScore::Error => return None,
            None => book.raw.push_absent(),
        }
    }
    if row.len() < n_judges {
        if scheme.missing_score == MissingScore::Error {
            return None;
        }
        for _ in row.len()..n_judges {
            book.raw.push_absent();
        }
    }
    let n = values.len();
    if (n as u64) < u64::from(needed(scheme)) {
        return None;
    }
    let scale = at.map_or(bounds.scale, |a| a.0);
    // `sum / count` at `scale`, as an integer at the scheme's decimals: each value is under
    // 2^31 in magnitude and there are under 2^32 of them, so the products are exact.
    let unit = pow10(scale)?;
    let to_decimals = pow10(scheme.decimals)?;
    let mean =
        |sum: i64, count: usize| round_div(i128::from(sum) * to_decimals, unit * count as i128);
    let value = |p: &i64| p >> JUDGE_BITS;
    match scheme.aggregation {
        Aggregation::Mean => mean(sum, n),
        Aggregation::Median => {
            values.sort_unstable();
            let middle = values.get((n - 1) / 2..=n / 2).unwrap_or_default();
            mean(middle.iter().map(value).sum(), middle.len())
        }
        Aggregation::TrimmedMean => {
            let t = scheme.trim as usize;
            trim(values, t);
            for (end, part) in [
                (DroppedEnd::Lowest, values.get(..t)),
                (DroppedEnd::Highest, values.get(n - t..)),
            ] {
                for p in part.unwrap_or(&[]) {
                    sum -= value(p);
                    book.raw.mark(base + p.judge(), end);
                }
            }
            mean(sum, n - 2 * t)
        }
    }
}

/// Moves the `t` smallest packed values to the front and the `t` largest to the back (in
/// order at each end): the lowest scores (the first-listed judge among equals) and the
/// highest (the last-listed among equals), as a full sort would put them. `values` holds
/// at least `2 * t` distinct values.
fn trim<P: Packed>(values: &mut [P], t: usize) {
    let n = values.len();
    for step in 0..t {
        // The values not yet moved to either end.
        let Some(window) = values.get_mut(step..n - step) else {
            break;
        };
        let Some(&first) = window.first() else { break };
        // One pass for both ends.
        let (mut min_at, mut max_at) = (0, 0);
        let (mut min, mut max) = (first, first);
        for (at, &v) in window.iter().enumerate().skip(1) {
            if v < min {
                (min, min_at) = (v, at);
            }
            if v > max {
                (max, max_at) = (v, at);
            }
        }
        window.swap(0, min_at);
        // The maximum may have been the element just moved out of the front.
        let max_at = if max_at == 0 { min_at } else { max_at };
        window.swap(window.len() - 1, max_at);
    }
}

/// [`line`] for any scores, once the row's cells are appended: compared at `scale` with
/// the scale's ends `lo` and `hi` there, on `i128`s.
fn line_at(
    scheme: &EvaluationScheme,
    (raw_scale, lo, hi): (u32, i128, i128),
    row: &[Option<Decimal>],
    n_judges: usize,
    norms: Option<&[Normalizer]>,
    scratch: &mut Scratch,
    book: &mut SheetBook,
) -> Result<i128, LineError> {
    let decimals = scheme.decimals;
    let base = book.raw.len() - n_judges;
    let values = &mut scratch.values;
    values.clear();
    for (j, d) in (0u32..).zip(row) {
        match d {
            Some(d) => {
                let (mantissa, scale) = (d.mantissa(), d.scale());
                let v = if scale == raw_scale {
                    mantissa
                } else {
                    pow10(raw_scale - scale)
                        .and_then(|p| mul(mantissa, p))
                        .ok_or(LineError::Overflow)?
                };
                if v < lo || v > hi {
                    return Err(LineError::OutOfScale(j as usize));
                }
                values.push(pack(v, j).ok_or(LineError::Overflow)?);
            }
            None if scheme.missing_score == MissingScore::Error => {
                return Err(LineError::Missing(j as usize));
            }
            None => {}
        }
    }
    if row.len() < n_judges && scheme.missing_score == MissingScore::Error {
        return Err(LineError::Missing(row.len()));
    }
    // Normalised values replace the raw ones (all at `decimals`).
    let scale = match norms {
        None => raw_scale,
        Some(ns) => {
            scratch.normalized.clear();
            scratch.normalized.resize(n_judges, None);
            for packed in values.iter_mut() {
                let j = packed.judge();
                let n = row
                    .get(j)
                    .copied()
                    .flatten()
                    .zip(ns.get(j))
                    .and_then(|(x, n)| n.apply(x, decimals))
                    .ok_or(LineError::Overflow)?;
                if let Some(slot) = scratch.normalized.get_mut(j) {
                    *slot = Some(n);
                }
                *packed = at_scale(n, decimals)
                    .and_then(|v| pack(v, u32::try_from(j).ok()?))
                    .ok_or(LineError::Overflow)?;
            }
            for n in &scratch.normalized {
                book.normalized.push(*n);
            }
            decimals
        }
    };
    aggregate(scheme, values, scale, base, book)
}

/// The aggregate of a line's packed values (at `scale`), as an integer at the scheme's
/// decimals; the dropped scores are marked on the book's row starting at `base`.
fn aggregate(
    scheme: &EvaluationScheme,
    values: &mut [i128],
    scale: u32,
    base: usize,
    book: &mut SheetBook,
) -> Result<i128, LineError> {
    if scheme.aggregation == Aggregation::Median {
        values.sort_unstable();
    }
    let n = values.len();
    if (n as u64) < u64::from(needed(scheme)) {
        return Err(LineError::TooFew(n as u32));
    }
    let to_decimals = pow10(scheme.decimals).ok_or(LineError::Overflow)?;
    let unit = pow10(scale).ok_or(LineError::Overflow)?;
    let mean = |kept: &[i128]| -> Option<i128> {
        // At most 2^32 values, each under 2^94 in magnitude: the sum cannot overflow.
        let sum = kept.iter().map(|p| value_of(*p)).sum();
        round_div(mul(sum, to_decimals)?, mul(unit, kept.len() as i128)?)
    };
    match scheme.aggregation {
        Aggregation::Mean => mean(values),
        Aggregation::Median if n % 2 == 1 => values
            .get(n / 2)
            .and_then(|p| round_div(mul(value_of(*p), to_decimals)?, unit)),
        Aggregation::Median => values.get(n / 2 - 1..=n / 2).and_then(mean),
        Aggregation::TrimmedMean => {
            let t = scheme.trim as usize;
            trim(values, t);
            for (end, part) in [
                (DroppedEnd::Lowest, values.get(..t)),
                (DroppedEnd::Highest, values.get(n - t..)),
            ] {
                for p in part.unwrap_or(&[]) {
                    book.raw.mark(base + p.judge(), end);
                }
            }
            values.get(t..n - t).and_then(mean)
        }
    }
    .ok_or(LineError::Overflow)
}

/// What the scoring of every candidate needs.
struct Scoring<'a> {
    scheme: &'a EvaluationScheme,
    input: &'a EvaluationInput,
    weights: Weights,
    norms: Option<Vec<Normalizer>>,
    bounds: Bounds,
    by_member: FxHashMap<&'a str, &'a Standing>,
    /// The rules of the deductions (lateness, absence) and of the veto.
    rules: [RuleRef; 3],
}

impl Scoring<'_> {
    /// Scores candidate `i` (its rows in criteria order) into `book`; gives its total as an
    /// integer at the scheme's decimals.
    fn candidate(
        &self,
        i: usize,
        rows: &[Row<'_>],
        scratch: &mut Scratch,
        book: &mut SheetBook,
    ) -> Result<i128, EvaluationError> {
        let (scheme, input) = (self.scheme, self.input);
        let n_judges = input.judges.len();
        let decimals = scheme.decimals;
        let cand = input.candidates.get(i);
        let id = cand.map_or("", |c| c.id.as_str());
        let overflow = || {
            EvaluationErrorKind::Overflow {
                candidate: id.to_owned(),
            }
            .at(format!("candidates[{i}]"))
        };
        let mut weighted = 0i128;
        for (k, criterion) in scheme.criteria.iter().enumerate() {
            let row = rows.get(k).copied().flatten().unwrap_or(&[]);
            let norm = self
                .norms
                .as_ref()
                .and_then(|ns| ns.get(k * n_judges..(k + 1) * n_judges));
            let aggregate = line(scheme, &self.bounds, row, n_judges, norm, scratch, book)
                .map_err(|e| {
                    let at = format!("candidates[{i}].scores.{}", criterion.id);
                    match e {
                        LineError::OutOfScale(j) => EvaluationErrorKind::ScoreOutOfScale {
                            value: row
                                .get(j)
                                .copied()
                                .flatten()
                                .map(|x| x.to_string())
                                .unwrap_or_default(),
                            min: scheme.scale_min.to_string(),
                            max: scheme.scale_max.to_string(),
                        }
                        .at(format!("{at}[{j}]")),
                        LineError::Missing(j) => EvaluationErrorKind::MissingScore {
                            candidate: id.to_owned(),
                            judge: input.judges.get(j).map(|j| j.0.clone()).unwrap_or_default(),
                            criterion: criterion.id.clone(),
                        }
                        .at(at),
                        LineError::TooFew(count) => EvaluationErrorKind::TooFewScores {
                            candidate: id.to_owned(),
                            criterion: criterion.id.clone(),
                            count,
                            needed: needed(scheme),
                        }
                        .at(at),
                        LineError::Overflow => overflow(),
                    }
                })?;
            let w = self.weights.each.get(k).copied().unwrap_or(0);
            let product = mul(aggregate, w).ok_or_else(overflow)?;
            weighted = weighted.checked_add(product).ok_or_else(overflow)?;
            book.push_aggregate(aggregate).ok_or_else(overflow)?;
        }
        let subtotal = round_div(weighted, self.weights.sum).ok_or_else(overflow)?;

        let mut total = subtotal;
        let standing = if self.by_member.is_empty() {
            None
        } else {
            self.by_member.get(id)
        };
        let mut adjustment = None;
        if let Some(st) = standing {
            let [lateness_rule, absence_rule, veto_rule] = &self.rules;
            let mut deductions = Vec::new();
            for (counter, count, per, rule) in [
                (
                    Counter::Lateness,
                    st.counts.lateness,
                    scheme.deductions.per_lateness,
                    lateness_rule,
                ),
                (
                    Counter::Absence,
                    st.counts.absences,
                    scheme.deductions.per_absence,
                    absence_rule,
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
            let veto = (scheme.deductions.veto_expelled && st.status == StandingStatus::Expelled)
                .then(|| Veto {
                    rule: veto_rule.clone(),
                    status: st.status,
                    reasons: st.reasons.clone(),
                });
            if !deductions.is_empty() || veto.is_some() {
                let subtotal = if deductions.is_empty() {
                    None
                } else {
                    Some(decimal(subtotal, decimals).ok_or_else(overflow)?)
                };
                adjustment = Some(Adjustment {
                    deductions,
                    veto,
                    subtotal,
                });
            }
        }
        decimal(subtotal, decimals).ok_or_else(overflow)?;
        book.push_total(total, decimals).ok_or_else(overflow)?;
        if let Some(a) = adjustment {
            book.adjust(i, input.candidates.len(), a);
        }
        Ok(total)
    }
}

/// Scores `input` with `scheme`; `scheme_path` prefixes the rule keys (and the scheme's own
/// error paths).
///
/// Every candidate is scored in input order into one [`SheetBook`] (texts, lines, scores,
/// totals); the totals and tie-break aggregates are ranked as packed integers; ranks and
/// decisions go into the book, and each sheet of the ranking is a handle on it.
pub(super) fn run<'a>(
    scheme_id: &str,
    scheme: &'a EvaluationScheme,
    scheme_path: &str,
    input: &'a EvaluationInput,
    standings: &'a [Standing],
) -> Result<Ranking, EvaluationError> {
    scheme.validate(scheme_path)?;
    check_judges(input)?;
    let n_judges = input.judges.len();
    let n_crit = scheme.criteria.len();
    let n_cand = input.candidates.len();
    let whole_input_overflow = || {
        EvaluationErrorKind::Overflow {
            candidate: String::new(),
        }
        .at("candidates")
    };
    let weights = weights(scheme).ok_or_else(whole_input_overflow)?;
    let rule_at = |key: &str, article: &str| RuleRef::new(format!("{scheme_path}.{key}"), article);
    let veto_rule = rule_at("deductions.veto_expelled", &scheme.deductions.veto_article);
    let normalizes = scheme.normalization != Normalization::None;
    let mut book = SheetBook::new(
        n_cand,
        (
            scheme.criteria.iter().map(|c| c.weight).collect(),
            weights.each.clone(),
            weights.sum,
        ),
        scheme.decimals,
        n_judges,
        normalizes,
        &scheme.selection,
    );
    let mut resolver = Resolver::new(scheme, input);
    // Normalisation needs every row before any is scored; otherwise each candidate is
    // scored as soon as its rows are found.
    let mut all_rows: Vec<Row<'a>> = Vec::new();
    if normalizes {
        all_rows = vec![None; n_cand.saturating_mul(n_crit)];
        for (i, c) in input.candidates.iter().enumerate() {
            let rows = all_rows
                .get_mut(i * n_crit..(i + 1) * n_crit)
                .unwrap_or_default();
            resolver.rows(i, c, rows, &mut book)?;
        }
    }
    let scoring = Scoring {
        scheme,
        input,
        norms: if normalizes {
            Some(normalizers(scheme, n_judges, &all_rows).ok_or_else(whole_input_overflow)?)
        } else {
            None
        },
        weights,
        bounds: Bounds::of(scheme),
        by_member: standings.iter().map(|s| (s.member.as_str(), s)).collect(),
        rules: [
            rule_at("deductions.per_lateness", &scheme.deductions.article),
            rule_at("deductions.per_absence", &scheme.deductions.article),
            veto_rule.clone(),
        ],
    };
    let mut totals: Vec<i128> = Vec::with_capacity(n_cand);
    let mut scratch = Scratch::default();
    let mut rows_of_one: Vec<Row<'a>> = vec![None; n_crit];
    // The first scoring error; an error finding a later candidate's rows comes first.
    let mut failed = None;
    for (i, c) in input.candidates.iter().enumerate() {
        let rows = if normalizes {
            all_rows
                .get(i * n_crit..(i + 1) * n_crit)
                .unwrap_or_default()
        } else {
            resolver.rows(i, c, &mut rows_of_one, &mut book)?;
            &rows_of_one
        };
        if failed.is_none() {
            match scoring.candidate(i, rows, &mut scratch, &mut book) {
                Ok(total) => totals.push(total),
                Err(e) if normalizes => return Err(e),
                Err(e) => failed = Some(e),
            }
        }
    }
    if let Some(e) = failed {
        return Err(e);
    }
    drop(all_rows);

    let (eligible, vetoed): (Vec<u32>, Vec<u32>) =
        (0..n_cand as u32).partition(|&i| !book.vetoed(i as usize));
    let tie_break: Vec<usize> = scheme
        .tie_break
        .iter()
        .filter_map(|id| scheme.criterion_position(id))
        .collect();
    let (ranked, groups) = rank_order(scheme.final_tie_break, &book, eligible, &totals, &tie_break);
    drop(totals);

    let mut ranks = vec![u32::MAX; n_cand];
    let mut outcomes = vec![Outcome::Vetoed; n_cand];
    let mut selected = Vec::new();
    let mut selection = Selector::new(scheme);
    let categories_count = selection.counts_categories();
    for (pos, (&i, &group)) in ranked.iter().zip(&groups).enumerate() {
        let i = i as usize;
        let category = if categories_count {
            book.category(i)
        } else {
            None
        };
        let (rank, outcome) = selection.decide(pos, group, book.total(i), category);
        if outcome == Outcome::Selected {
            selected.push(i);
        }
        if let (Some(r), Some(o)) = (ranks.get_mut(i), outcomes.get_mut(i)) {
            (*r, *o) = (rank, outcome);
        }
    }
    book.decide(ranks, outcomes);
    let book = Arc::new(book);
    let sheets = ranked
        .iter()
        .chain(&vetoed)
        .map(|&i| ScoreSheet {
            book: Arc::clone(&book),
            at: i as usize,
        })
        .collect();
    let selected = selected
        .iter()
        .filter_map(|&i| input.candidates.get(i).map(|c| c.id.clone()))
        .collect();
    Ok(Ranking {
        scheme: scheme_id.to_owned(),
        title: scheme.title.clone(),
        rule: EvaluationPolicy::rule(scheme_id, scheme),
        aggregation: scheme.aggregation,
        tie_method: scheme.tie_method,
        judges: input.judges.clone(),
        criteria: scheme
            .criteria
            .iter()
            .map(|c| CriterionId::from(c.id.as_str()))
            .collect(),
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

/// How many scores the aggregation needs.
fn needed(scheme: &EvaluationScheme) -> u32 {
    match scheme.aggregation {
        Aggregation::Mean | Aggregation::Median => 1,
        Aggregation::TrimmedMean => scheme.trim.saturating_mul(2).saturating_add(1),
    }
}

/// Per key column, the largest value and the bits its span needs, so that a candidate's
/// keys become one unsigned integer whose natural order is the ranking's: each column as
/// `largest - value` (higher values first), the candidate's position in the last bits
/// (earlier first).
struct Packing {
    columns: Vec<(i128, u32)>,
    position_bits: u32,
    bits: u32,
}

impl Packing {
    /// The packing of the keys of `order` (`key(i, c)`: column `c` of candidate `i`), if
    /// they fit in 128 bits.
    fn of(order: &[u32], columns: usize, key: impl Fn(u32, usize) -> i128) -> Option<Packing> {
        let mut spans = Vec::with_capacity(columns);
        for c in 0..columns {
            let mut column = order.iter().map(|&i| key(i, c));
            let first = column.next().unwrap_or(0);
            let (lo, hi) = column.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let span = hi.checked_sub(lo)?.unsigned_abs();
            spans.push((hi, u128::BITS - span.leading_zeros()));
        }
        let last = order.iter().max().copied().unwrap_or(0);
        let position_bits = u32::BITS - last.leading_zeros();
        let bits = spans
            .iter()
            .try_fold(position_bits, |acc, c| acc.checked_add(c.1))?;
        (bits <= u128::BITS).then_some(Packing {
            columns: spans,
            position_bits,
            bits,
        })
    }

    /// The packed keys of candidate `i`.
    fn pack(&self, i: u32, key: impl Fn(u32, usize) -> i128) -> u128 {
        let packed = self
            .columns
            .iter()
            .enumerate()
            .fold(0u128, |acc, (c, &(hi, bits))| {
                acc.checked_shl(bits).unwrap_or(0) | (hi - key(i, c)).unsigned_abs()
            });
        packed.checked_shl(self.position_bits).unwrap_or(0) | u128::from(i)
    }

    /// The position of a packed key.
    fn position(&self, packed: u128) -> u32 {
        (packed & ((1u128 << self.position_bits) - 1)) as u32
    }

    /// The keys of a packed key, without the position.
    fn keys(&self, packed: u128) -> u128 {
        packed.checked_shr(self.position_bits).unwrap_or(0)
    }
}

/// `order` (positions into the input) ranked: higher total first, then higher tie-break
/// aggregates (those of the criteria at `tie_break`), then the final rule; with each ranked
/// candidate's tie group (equal total and tie-break aggregates).
fn rank_order(
    final_rule: FinalTieBreak,
    book: &SheetBook,
    mut order: Vec<u32>,
    totals: &[i128],
    tie_break: &[usize],
) -> (Vec<u32>, Vec<u32>) {
    // Column 0 is the total, column `1 + n` tie-break criterion `n`.
    let key = |i: u32, c: usize| match c.checked_sub(1) {
        None => totals.get(i as usize).copied().unwrap_or(0),
        Some(n) => tie_break
            .get(n)
            .map_or(0, |&k| book.aggregate(i as usize, k)),
    };
    let columns = 1 + tie_break.len();
    let keys_of = |i: u32| (0..columns).map(move |c| key(i, c));
    // Sorted by keys (higher first), then input order: on packed integers when they fit.
    let mut groups = Vec::with_capacity(order.len());
    let mut group = 0u32;
    let mut same_as_previous = |pos: usize, same: bool| {
        if pos > 0 && !same {
            group += 1;
        }
        groups.push(group);
    };
    match Packing::of(&order, columns, key) {
        Some(p) if p.bits <= u64::BITS => {
            let mut packed: Vec<u64> = order.iter().map(|&i| p.pack(i, key) as u64).collect();
            packed.sort_unstable();
            for (pos, (slot, &k)) in order.iter_mut().zip(&packed).enumerate() {
                *slot = p.position(u128::from(k));
                let previous = pos.checked_sub(1).and_then(|q| packed.get(q));
                same_as_previous(
                    pos,
                    previous.is_some_and(|&q| p.keys(u128::from(q)) == p.keys(u128::from(k))),
                );
            }
        }
        Some(p) => {
            let mut packed: Vec<u128> = order.iter().map(|&i| p.pack(i, key)).collect();
            packed.sort_unstable();
            for (pos, (slot, &k)) in order.iter_mut().zip(&packed).enumerate() {
                *slot = p.position(k);
                let previous = pos.checked_sub(1).and_then(|q| packed.get(q));
                same_as_previous(pos, previous.is_some_and(|&q| p.keys(q) == p.keys(k)));
            }
        }
        None => {
            order.sort_unstable_by(|&a, &b| keys_of(b).cmp(keys_of(a)).then(a.cmp(&b)));
            for pos in 0..order.len() {
                let previous = pos.checked_sub(1).and_then(|q| order.get(q));
                let same = match (previous, order.get(pos)) {
                    (Some(&a), Some(&b)) => keys_of(a).eq(keys_of(b)),
                    _ => false,
                };
                same_as_previous(pos, same);
            }
        }
    }
    // The final rule: input order is already there; candidate ids reorder each tie group.
    if final_rule == FinalTieBreak::CandidateId {
        let id = |i: u32| book.candidate(i as usize);
        let mut start = 0;
        while start < order.len() {
            let g = groups.get(start);
            let end = groups
                .iter()
                .skip(start)
                .position(|x| Some(x) != g)
                .map_or(order.len(), |n| start + n);
            if end - start > 1
                && let Some(run) = order.get_mut(start..end)
            {
                run.sort_unstable_by(|&a, &b| id(a).cmp(id(b)).then(a.cmp(&b)));
            }
            start = end;
        }
    }
    (order, groups)
}

/// Gives ranks and decisions to candidates in ranked order.
struct Selector<'a> {
    scheme: &'a EvaluationScheme,
    selected: u32,
    per_category: FxHashMap<&'a str, u32>,
    last_selected_group: Option<u32>,
    previous_group: Option<u32>,
    group_start: usize,
}

impl<'a> Selector<'a> {
    fn new(scheme: &'a EvaluationScheme) -> Selector<'a> {
        Selector {
            scheme,
            selected: 0,
            per_category: FxHashMap::default(),
            last_selected_group: None,
            previous_group: None,
            group_start: 0,
        }
    }

    /// Whether decisions depend on categories (some category has a quota).
    fn counts_categories(&self) -> bool {
        let selection = &self.scheme.selection;
        selection.category_quota != Limit::Unlimited || !selection.category_quotas.is_empty()
    }

    /// The rank and outcome of the candidate at ranked position `pos`, in tie group
    /// `group`, with `total` and `category` (`None` for none, or when no category has a
    /// quota).
    fn decide(
        &mut self,
        pos: usize,
        group: u32,
        total: Decimal,
        category: Option<&'a str>,
    ) -> (u32, Outcome) {
        let selection = &self.scheme.selection;
        if pos > 0 && self.previous_group != Some(group) {
            self.group_start = pos;
        }
        self.previous_group = Some(group);
        let rank = match self.scheme.tie_method {
            TieMethod::Competition => self.group_start + 1,
            TieMethod::Dense => group as usize + 1,
            TieMethod::Ordinal => pos + 1,
        };
        let rank = u32::try_from(rank).unwrap_or(u32::MAX);
        let category_count = category.map(|c| self.per_category.get(c).copied().unwrap_or(0));
        let outcome = match (selection.pass_mark, category) {
            (PassMark::At(mark), _) if total < mark => Some(Outcome::BelowPassMark),
            _ if selection.top_n.reached(self.selected) => Some(Outcome::OutsideTopN {
                tied_with_selected: self.last_selected_group == Some(group),
            }),
            (_, Some(category))
                if selection
                    .quota_of(category)
                    .reached(category_count.unwrap_or(0)) =>
            {
                Some(Outcome::CategoryQuotaFull)
            }
            _ => None,
        };
        match outcome {
            Some(o) => (rank, o),
            None => {
                self.selected += 1;
                self.last_selected_group = Some(group);
                if let Some(category) = category {
                    *self.per_category.entry(category).or_insert(0) += 1;
                }
                (rank, Outcome::Selected)
            }
        }
    }
}
