//! Where a ranking's score sheets live: one book for every sheet of an evaluation, each
//! sheet a handle on it ([`super::ScoreSheet`]), instead of one struct and two vectors per
//! sheet.
//!
//! A ranking of 100,000 candidates holds 3.5 million judges' scores. Kept as one `Option`
//! of a 16-byte [`Decimal`] each, in vectors of their own per sheet, they took more time to
//! allocate, fill, page in and free than the scoring itself. Here a decimal whose mantissa
//! fits in 32 bits (every score and aggregate in practice) takes 5 bytes, and any other is
//! kept whole aside; each sheet's texts sit in one string, its decision in one byte.

use rust_decimal::Decimal;

use super::{CriterionLine, Decision, Deduction, DroppedEnd, JudgeScore, Selection, Veto};

/// The low 5 bits of a cell's tag: the scale (0 to 28), or one of these two.
const SCALE: u8 = 0x1f;
/// No decimal (a judge gave no score).
const ABSENT: u8 = 31;
/// The decimal is kept whole: the cell's number is its position in `whole`.
const WHOLE: u8 = 30;
/// The decimal is negative (negative zero included).
const NEGATIVE: u8 = 0x20;
/// The score was dropped as one of the lowest.
const DROPPED_LOWEST: u8 = 0x40;
/// The score was dropped as one of the highest.
const DROPPED_HIGHEST: u8 = 0x80;

/// One optional decimal in 5 bytes: the mantissa's magnitude (or a position in
/// [`Cells::whole`]) and a tag (scale, sign, absence, dropped mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    low: [u8; 4],
    tag: u8,
}

impl Cell {
    const ABSENT: Cell = Cell {
        low: [0; 4],
        tag: ABSENT,
    };

    /// `d` in a cell, if its mantissa fits in 32 bits.
    #[inline]
    fn of(d: &Decimal) -> Option<Cell> {
        // Bytes 0-3: flags (scale in byte 2, sign in the top bit of byte 3); 4-7: the low
        // 32 bits of the mantissa; 8-15: the rest.
        let [
            _,
            _,
            scale,
            sign,
            l0,
            l1,
            l2,
            l3,
            m0,
            m1,
            m2,
            m3,
            h0,
            h1,
            h2,
            h3,
        ] = d.serialize();
        if u64::from_le_bytes([m0, m1, m2, m3, h0, h1, h2, h3]) != 0 || scale >= WHOLE {
            return None;
        }
        Some(Cell {
            low: [l0, l1, l2, l3],
            tag: scale | if sign & 0x80 != 0 { NEGATIVE } else { 0 },
        })
    }

    /// A compact decimal's value as a signed integer at its own scale.
    #[inline]
    fn signed(self) -> i64 {
        let low = i64::from(u32::from_le_bytes(self.low));
        if self.tag & NEGATIVE != 0 { -low } else { low }
    }
}

/// A sequence of optional decimals, each kept exactly (scale and sign, negative zero
/// included), with a dropped mark for judges' scores.
#[derive(Debug, Clone, Default)]
pub(super) struct Cells {
    cells: Vec<Cell>,
    /// The decimals whose mantissa needs more than 32 bits.
    whole: Vec<Decimal>,
}

impl Cells {
    fn with_capacity(n: usize) -> Cells {
        Cells {
            cells: Vec::with_capacity(n),
            whole: Vec::new(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.cells.len()
    }

    /// `d` as a cell, kept whole aside when it is not compact.
    #[inline]
    fn cell(whole: &mut Vec<Decimal>, d: &Decimal) -> Cell {
        Cell::of(d).unwrap_or_else(|| {
            let at = u32::try_from(whole.len()).unwrap_or(u32::MAX);
            whole.push(*d);
            Cell {
                low: at.to_le_bytes(),
                tag: WHOLE,
            }
        })
    }

    /// Appends a decimal, or its absence.
    pub(super) fn push(&mut self, d: Option<Decimal>) {
        let cell = match &d {
            Some(d) => Cells::cell(&mut self.whole, d),
            None => Cell::ABSENT,
        };
        self.cells.push(cell);
    }

    /// Appends `d` if it is compact at `scale`, giving its value as a signed integer there;
    /// `None` (nothing appended) otherwise.
    #[inline]
    pub(super) fn push_compact(&mut self, d: &Decimal, scale: u32) -> Option<i64> {
        let cell = Cell::of(d).filter(|c| u32::from(c.tag & SCALE) == scale)?;
        self.cells.push(cell);
        Some(cell.signed())
    }

    /// Appends an absence.
    #[inline]
    pub(super) fn push_absent(&mut self) {
        self.cells.push(Cell::ABSENT);
    }

    /// Keeps the first `len` cells. Only to take back cells appended by
    /// [`Cells::push_compact`] and [`Cells::push_absent`] (which keep nothing aside).
    pub(super) fn truncate(&mut self, len: usize) {
        self.cells.truncate(len);
    }

    /// Appends a row of `width` scores: those of `row`, absences after it. Returns the
    /// largest scale among them, or `floor` if larger.
    pub(super) fn push_row(&mut self, row: &[Option<Decimal>], width: usize, floor: u32) -> u32 {
        let whole = &mut self.whole;
        self.cells.extend(row.iter().map(|d| match d {
            Some(d) => Cells::cell(whole, d),
            None => Cell::ABSENT,
        }));
        self.cells.extend(std::iter::repeat_n(
            Cell::ABSENT,
            width.saturating_sub(row.len()),
        ));
        row.iter()
            .flatten()
            .map(Decimal::scale)
            .fold(floor, u32::max)
    }

    /// Appends the integer `value` at `scale` (at most 28) as a decimal; `None` when it does
    /// not fit in a decimal.
    #[inline]
    pub(super) fn push_scaled(&mut self, value: i128, scale: u32) -> Option<()> {
        match (u32::try_from(value.unsigned_abs()), u8::try_from(scale)) {
            (Ok(low), Ok(scale)) if scale < WHOLE => self.cells.push(Cell {
                low: low.to_le_bytes(),
                tag: scale | if value < 0 { NEGATIVE } else { 0 },
            }),
            _ => self.push(Some(Decimal::try_from_i128_with_scale(value, scale).ok()?)),
        }
        Some(())
    }

    /// The decimal at `at`; `None` when absent (or out of range).
    pub(super) fn get(&self, at: usize) -> Option<Decimal> {
        let cell = *self.cells.get(at)?;
        match cell.tag & SCALE {
            ABSENT => None,
            WHOLE => self
                .whole
                .get(u32::from_le_bytes(cell.low) as usize)
                .copied(),
            scale => {
                let sign = if cell.tag & NEGATIVE != 0 { 0x80 } else { 0 };
                let [l0, l1, l2, l3] = cell.low;
                Some(Decimal::deserialize([
                    0, 0, scale, sign, l0, l1, l2, l3, 0, 0, 0, 0, 0, 0, 0, 0,
                ]))
            }
        }
    }

    /// The mantissa of the decimal at `at` (0 when absent): for decimals known to share one
    /// scale, an integer of the same order.
    #[inline]
    pub(super) fn mantissa(&self, at: usize) -> i128 {
        match self.cells.get(at) {
            Some(c) if c.tag & SCALE < WHOLE => i128::from(c.signed()),
            Some(_) => self.get(at).map_or(0, |d| d.mantissa()),
            None => 0,
        }
    }

    /// Marks the score at `at` as dropped.
    #[inline]
    pub(super) fn mark(&mut self, at: usize, end: DroppedEnd) {
        if let Some(cell) = self.cells.get_mut(at) {
            cell.tag |= match end {
                DroppedEnd::Lowest => DROPPED_LOWEST,
                DroppedEnd::Highest => DROPPED_HIGHEST,
            };
        }
    }

    /// The dropped mark of the score at `at`.
    pub(super) fn dropped(&self, at: usize) -> Option<DroppedEnd> {
        let tag = self.cells.get(at)?.tag;
        if tag & DROPPED_LOWEST != 0 {
            Some(DroppedEnd::Lowest)
        } else if tag & DROPPED_HIGHEST != 0 {
            Some(DroppedEnd::Highest)
        } else {
            None
        }
    }
}

/// Each sheet's candidate id, name and category, one after the other in one string.
#[derive(Debug, Clone, Default)]
struct Texts {
    text: String,
    /// Per sheet: where its id, its name and its category end in `text`.
    ends: Vec<[u32; 3]>,
    /// Per sheet: whether it has a category.
    categories: Vec<bool>,
}

impl Texts {
    /// Appends a sheet's texts; `None` when the whole text would pass 4 GiB.
    fn push(&mut self, id: &str, name: &str, category: Option<&str>) -> Option<()> {
        let mut ends = [0u32; 3];
        for (end, s) in ends.iter_mut().zip([id, name, category.unwrap_or("")]) {
            self.text.push_str(s);
            *end = u32::try_from(self.text.len()).ok()?;
        }
        self.ends.push(ends);
        self.categories.push(category.is_some());
        Some(())
    }

    /// Text `k` (0 id, 1 name, 2 category) of sheet `sheet`.
    fn get(&self, sheet: usize, k: usize) -> &str {
        let start = match (k, sheet.checked_sub(1)) {
            (0, None) => Some(0),
            (0, Some(previous)) => self.ends.get(previous).map(|e| e[2]),
            _ => self.ends.get(sheet).and_then(|e| e.get(k - 1).copied()),
        };
        let end = self.ends.get(sheet).and_then(|e| e.get(k).copied());
        start
            .zip(end)
            .and_then(|(s, e)| self.text.get(s as usize..e as usize))
            .unwrap_or("")
    }
}

/// A candidate's deductions and veto, for the few candidates with a standing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Adjustment {
    pub(super) deductions: Vec<Deduction>,
    pub(super) veto: Option<Veto>,
    /// The subtotal, when the deductions make the total differ from it.
    pub(super) subtotal: Option<Decimal>,
}

/// What became of a candidate, in one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Selected,
    Vetoed,
    BelowPassMark,
    OutsideTopN { tied_with_selected: bool },
    CategoryQuotaFull,
}

/// Where a sheet's decision comes from.
#[derive(Debug, Clone)]
enum Decisions {
    /// As given (a sheet read back).
    Given(Vec<Decision>),
    /// From each sheet's outcome and the scheme's selection.
    Computed {
        outcomes: Vec<Outcome>,
        selection: Box<Selection>,
    },
}

/// Where a line's contribution comes from.
#[derive(Debug, Clone)]
enum Contributions {
    /// As given, one per line.
    Given(Cells),
    /// `aggregate * weight / sum of weights` rounded half-up at `decimals`, from the
    /// aggregate (an integer at `decimals`) and the weights as integers at one scale.
    Computed {
        weights: Vec<i128>,
        sum: i128,
        decimals: u32,
    },
}

/// Every sheet of one evaluation, in input order.
#[derive(Debug, Clone)]
pub(super) struct SheetBook {
    /// Lines (rows of scores) per sheet.
    criteria: usize,
    /// Scores per row.
    judges: usize,
    /// Each line's weight, by line position.
    weights: Vec<Decimal>,
    /// Whether the lines carry normalised scores.
    normalizes: bool,
    /// The lines' aggregates, sheet after sheet.
    aggregates: Cells,
    contributions: Contributions,
    /// The judges' raw scores, row after row, with the dropped ones marked.
    pub(super) raw: Cells,
    /// The normalised scores, in the shape of `raw`; empty when not normalising.
    pub(super) normalized: Cells,
    texts: Texts,
    /// Per sheet: the total (the subtotal too, but for sheets with deductions).
    totals: Cells,
    /// Per sheet: the rank, `u32::MAX` for none.
    ranks: Vec<u32>,
    decisions: Decisions,
    /// Per sheet when some have deductions or a veto; else empty.
    adjustments: Vec<Option<Box<Adjustment>>>,
}

impl SheetBook {
    /// An empty book for `sheets` sheets of lines with these weights (shown, and as
    /// integers at one scale with their sum), of `judges` scores each; aggregates and
    /// contributions at `decimals`; decisions by `selection`.
    pub(super) fn new(
        sheets: usize,
        weights: (Vec<Decimal>, Vec<i128>, i128),
        decimals: u32,
        judges: usize,
        normalizes: bool,
        selection: &Selection,
    ) -> SheetBook {
        let criteria = weights.0.len();
        let lines = sheets.saturating_mul(criteria);
        let cells = lines.saturating_mul(judges);
        SheetBook {
            criteria,
            judges,
            weights: weights.0,
            normalizes,
            aggregates: Cells::with_capacity(lines),
            contributions: Contributions::Computed {
                weights: weights.1,
                sum: weights.2,
                decimals,
            },
            raw: Cells::with_capacity(cells),
            normalized: Cells::with_capacity(if normalizes { cells } else { 0 }),
            texts: Texts {
                text: String::new(),
                ends: Vec::with_capacity(sheets),
                categories: Vec::with_capacity(sheets),
            },
            totals: Cells::with_capacity(sheets),
            ranks: Vec::new(),
            decisions: Decisions::Computed {
                outcomes: Vec::new(),
                selection: Box::new(selection.clone()),
            },
            adjustments: Vec::new(),
        }
    }

    /// Appends a sheet's candidate id, name and category; `None` past 4 GiB of text.
    pub(super) fn push_texts(
        &mut self,
        id: &str,
        name: &str,
        category: Option<&str>,
    ) -> Option<()> {
        self.texts.push(id, name, category)
    }

    /// Appends a line's aggregate, an integer at the book's decimals; `None` when it does
    /// not fit in a decimal (its contribution, smaller, then fits too).
    #[inline]
    pub(super) fn push_aggregate(&mut self, aggregate: i128) -> Option<()> {
        let Contributions::Computed { decimals, .. } = self.contributions else {
            return None;
        };
        self.aggregates.push_scaled(aggregate, decimals)
    }

    /// The aggregate of line `k` of sheet `sheet` as an integer at the book's decimals.
    #[inline]
    pub(super) fn aggregate(&self, sheet: usize, k: usize) -> i128 {
        self.aggregates.mantissa(sheet * self.criteria + k)
    }

    /// Appends a sheet's total, an integer at `decimals`; `None` when it does not fit in a
    /// decimal.
    pub(super) fn push_total(&mut self, total: i128, decimals: u32) -> Option<()> {
        self.totals.push_scaled(total, decimals)
    }

    /// Sets the deductions and veto of sheet `sheet` (of `sheets`).
    pub(super) fn adjust(&mut self, sheet: usize, sheets: usize, adjustment: Adjustment) {
        if self.adjustments.is_empty() {
            self.adjustments.resize_with(sheets, || None);
        }
        if let Some(slot) = self.adjustments.get_mut(sheet) {
            *slot = Some(Box::new(adjustment));
        }
    }

    /// Whether sheet `sheet` is vetoed.
    pub(super) fn vetoed(&self, sheet: usize) -> bool {
        self.adjustment(sheet).is_some_and(|a| a.veto.is_some())
    }

    /// Gives every sheet its rank and outcome.
    pub(super) fn decide(&mut self, ranks: Vec<u32>, decided: Vec<Outcome>) {
        self.ranks = ranks;
        if let Decisions::Computed { outcomes, .. } = &mut self.decisions {
            *outcomes = decided;
        }
    }

    fn adjustment(&self, sheet: usize) -> Option<&Adjustment> {
        self.adjustments.get(sheet)?.as_deref()
    }

    /// Sheet `sheet`'s candidate id.
    pub(super) fn candidate(&self, sheet: usize) -> &str {
        self.texts.get(sheet, 0)
    }

    /// Sheet `sheet`'s name.
    pub(super) fn name(&self, sheet: usize) -> &str {
        self.texts.get(sheet, 1)
    }

    /// Sheet `sheet`'s category.
    pub(super) fn category(&self, sheet: usize) -> Option<&str> {
        self.texts
            .categories
            .get(sheet)
            .copied()
            .unwrap_or(false)
            .then(|| self.texts.get(sheet, 2))
    }

    /// Sheet `sheet`'s total.
    pub(super) fn total(&self, sheet: usize) -> Decimal {
        self.totals.get(sheet).unwrap_or_default()
    }

    /// Sheet `sheet`'s subtotal.
    pub(super) fn subtotal(&self, sheet: usize) -> Decimal {
        self.adjustment(sheet)
            .and_then(|a| a.subtotal)
            .unwrap_or_else(|| self.total(sheet))
    }

    /// Sheet `sheet`'s deductions.
    pub(super) fn deductions(&self, sheet: usize) -> &[Deduction] {
        self.adjustment(sheet).map_or(&[], |a| &a.deductions)
    }

    /// Sheet `sheet`'s veto.
    pub(super) fn veto(&self, sheet: usize) -> Option<&Veto> {
        self.adjustment(sheet)?.veto.as_ref()
    }

    /// Sheet `sheet`'s rank.
    pub(super) fn rank(&self, sheet: usize) -> Option<u32> {
        self.ranks.get(sheet).copied().filter(|r| *r != u32::MAX)
    }

    /// Sheet `sheet`'s decision.
    pub(super) fn decision(&self, sheet: usize) -> Decision {
        match &self.decisions {
            Decisions::Given(all) => all.get(sheet).cloned().unwrap_or(Decision::Vetoed),
            Decisions::Computed {
                outcomes,
                selection,
            } => match outcomes.get(sheet).copied().unwrap_or(Outcome::Vetoed) {
                Outcome::Selected => Decision::Selected,
                Outcome::Vetoed => Decision::Vetoed,
                Outcome::BelowPassMark => Decision::BelowPassMark {
                    pass_mark: selection.pass_mark.get().unwrap_or_default(),
                },
                Outcome::OutsideTopN { tied_with_selected } => Decision::OutsideTopN {
                    top_n: selection.top_n.get().unwrap_or(0),
                    tied_with_selected,
                },
                Outcome::CategoryQuotaFull => {
                    let category = self.category(sheet).unwrap_or_default();
                    Decision::CategoryQuotaFull {
                        category: category.to_owned(),
                        quota: selection.quota_of(category).get().unwrap_or(0),
                    }
                }
            },
        }
    }

    /// Lines per sheet.
    pub(super) fn criteria(&self) -> usize {
        self.criteria
    }

    /// Scores per line.
    pub(super) fn judges(&self) -> usize {
        self.judges
    }

    /// Line `k` of sheet `sheet`.
    pub(super) fn line(&self, sheet: usize, k: usize) -> Option<CriterionLine> {
        if k >= self.criteria {
            return None;
        }
        let at = sheet.checked_mul(self.criteria)?.checked_add(k)?;
        let normalized = if self.normalizes {
            let start = at.checked_mul(self.judges)?;
            (start..start + self.judges)
                .map(|c| self.normalized.get(c))
                .collect()
        } else {
            Vec::new()
        };
        let aggregate = self.aggregates.get(at)?;
        let contribution = match &self.contributions {
            Contributions::Given(cells) => cells.get(at)?,
            Contributions::Computed {
                weights,
                sum,
                decimals,
            } => {
                let a = aggregate.mantissa();
                let c = super::score::round_div(a.checked_mul(*weights.get(k)?)?, *sum)?;
                Decimal::try_from_i128_with_scale(c, *decimals).ok()?
            }
        };
        Some(CriterionLine {
            normalized,
            aggregate,
            weight: *self.weights.get(k)?,
            contribution,
        })
    }

    /// Judge `j`'s score on line `k` of sheet `sheet`.
    pub(super) fn score(&self, sheet: usize, k: usize, j: usize) -> Option<JudgeScore> {
        if k >= self.criteria || j >= self.judges {
            return None;
        }
        let at = (sheet.checked_mul(self.criteria)?.checked_add(k)?)
            .checked_mul(self.judges)?
            .checked_add(j)?;
        if at >= self.raw.len() {
            return None;
        }
        Some(JudgeScore {
            raw: self.raw.get(at),
            dropped: self.raw.dropped(at),
        })
    }

    /// A book of one sheet, as read back from JSON.
    ///
    /// # Errors
    ///
    /// A message when the rows of scores are not one per line, of one width, or when the
    /// lines' normalised scores are not all empty or all one per judge.
    pub(super) fn of_one(sheet: OneSheet) -> Result<SheetBook, &'static str> {
        let OneSheet {
            candidate,
            name,
            category,
            lines,
            scores,
            subtotal,
            deductions,
            total,
            veto,
            rank,
            decision,
        } = sheet;
        if scores.len() != lines.len() {
            return Err("the scores need one row per line");
        }
        let judges = scores.first().map_or(0, Vec::len);
        if scores.iter().any(|r| r.len() != judges) {
            return Err("every row needs one score per judge");
        }
        let normalizes = lines.iter().any(|l| !l.normalized.is_empty());
        if normalizes && lines.iter().any(|l| l.normalized.len() != judges) {
            return Err("normalised scores need one per judge on every line");
        }
        let mut book = SheetBook {
            criteria: lines.len(),
            judges,
            weights: lines.iter().map(|l| l.weight).collect(),
            normalizes,
            aggregates: Cells::default(),
            contributions: Contributions::Given(Cells::default()),
            raw: Cells::default(),
            normalized: Cells::default(),
            texts: Texts::default(),
            totals: Cells::default(),
            ranks: vec![rank.unwrap_or(u32::MAX)],
            decisions: Decisions::Given(vec![decision]),
            adjustments: Vec::new(),
        };
        let mut contributions = Cells::default();
        for line in &lines {
            book.aggregates.push(Some(line.aggregate));
            contributions.push(Some(line.contribution));
            for n in &line.normalized {
                book.normalized.push(*n);
            }
        }
        book.contributions = Contributions::Given(contributions);
        for (at, score) in scores.iter().flatten().enumerate() {
            book.raw.push(score.raw);
            if let Some(end) = score.dropped {
                book.raw.mark(at, end);
            }
        }
        book.texts
            .push(&candidate, &name, category.as_deref())
            .ok_or("the texts are too long")?;
        book.totals.push(Some(total));
        let subtotal = (subtotal.serialize() != total.serialize()).then_some(subtotal);
        if !deductions.is_empty() || veto.is_some() || subtotal.is_some() {
            book.adjust(
                0,
                1,
                Adjustment {
                    deductions,
                    veto,
                    subtotal,
                },
            );
        }
        Ok(book)
    }
}

/// One sheet's fields, as read back from JSON.
pub(super) struct OneSheet {
    pub(super) candidate: String,
    pub(super) name: String,
    pub(super) category: Option<String>,
    pub(super) lines: Vec<CriterionLine>,
    pub(super) scores: Vec<Vec<JudgeScore>>,
    pub(super) subtotal: Decimal,
    pub(super) deductions: Vec<Deduction>,
    pub(super) total: Decimal,
    pub(super) veto: Option<Veto>,
    pub(super) rank: Option<u32>,
    pub(super) decision: Decision,
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use proptest::prelude::*;

    use super::*;

    fn arb_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i32>(), 0u32..=10).prop_map(|(m, s)| Decimal::new(i64::from(m), s)),
            (any::<[u32; 3]>(), any::<bool>(), 0u32..=28)
                .prop_map(|([lo, mid, hi], neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
        ]
    }

    #[test]
    fn negative_zero_and_scale_survive() {
        let mut cells = Cells::default();
        let values = [
            "-0",
            "-0.00",
            "0",
            "8.50",
            "-3",
            "79228162514264337593543950335",
        ];
        for v in values {
            cells.push(Some(Decimal::from_str(v).unwrap()));
        }
        cells.push(None);
        for (at, v) in values.iter().enumerate() {
            let d = Decimal::from_str(v).unwrap();
            assert_eq!(cells.get(at).unwrap().serialize(), d.serialize(), "{v}");
            assert_eq!(cells.get(at).unwrap().to_string(), d.to_string());
        }
        assert_eq!(cells.get(values.len()), None);
    }

    #[test]
    fn texts_come_back_apart() {
        let mut t = Texts::default();
        t.push("a1", "", None).unwrap();
        t.push("b22", "李雷", Some("")).unwrap();
        t.push("c", "Han", Some("Organization")).unwrap();
        let got: Vec<(&str, &str, Option<&str>)> = (0..3)
            .map(|s| {
                let category = t.categories[s].then(|| t.get(s, 2));
                (t.get(s, 0), t.get(s, 1), category)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a1", "", None),
                ("b22", "李雷", Some("")),
                ("c", "Han", Some("Organization"))
            ]
        );
    }

    proptest! {
        /// Every decimal comes back bit for bit (scale, sign and negative zero included),
        /// with its dropped mark.
        #[test]
        fn cells_keep_every_decimal_exactly(
            values in proptest::collection::vec(proptest::option::of(arb_decimal()), 0..40),
            marks in proptest::collection::vec(0u8..3, 40),
        ) {
            let mut cells = Cells::default();
            for (at, v) in values.iter().enumerate() {
                cells.push(*v);
                match marks[at] {
                    1 => cells.mark(at, DroppedEnd::Lowest),
                    2 => cells.mark(at, DroppedEnd::Highest),
                    _ => {}
                }
            }
            for (at, v) in values.iter().enumerate() {
                prop_assert_eq!(cells.get(at).map(|d| d.serialize()), v.map(|d| d.serialize()));
                let mark = match marks[at] {
                    1 => Some(DroppedEnd::Lowest),
                    2 => Some(DroppedEnd::Highest),
                    _ => None,
                };
                prop_assert_eq!(cells.dropped(at), mark);
            }
        }

        /// An integer at a scale reads back as the decimal of that mantissa and scale.
        #[test]
        fn scaled_integers_read_back(value in any::<i64>(), wide in any::<bool>(), scale in 0u32..=8) {
            let value = if wide { i128::from(value) << 30 } else { i128::from(value) };
            let mut cells = Cells::default();
            cells.push_scaled(value, scale).unwrap();
            let d = Decimal::try_from_i128_with_scale(value, scale).unwrap();
            prop_assert_eq!(cells.get(0).unwrap().serialize(), d.serialize());
            prop_assert_eq!(cells.mantissa(0), value);
        }
    }
}
