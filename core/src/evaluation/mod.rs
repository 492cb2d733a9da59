//! Evaluation scoring (domain.md §2; seed 000, Challenge Cup talent selection; seed 001,
//! evaluations "open, fair and just" and Discipline Inspection §4).
//!
//! A scheme of the rulebook ([`EvaluationScheme`]) names the criteria, their weights, the
//! score scale and how judges' scores are aggregated (mean, median, or trimmed mean that
//! drops the highest and the lowest judge), optionally after per-judge z-score
//! normalisation. [`evaluate`] turns the judges' scores into one [`ScoreSheet`] per
//! candidate, takes deductions and vetoes from the attendance [`Standing`]s, ranks the
//! candidates with the declared tie method and tie-break chain, and selects by top N, pass
//! mark and per-category quotas. Every sheet shows each raw score, what was dropped, the
//! aggregate, weight, contribution, deductions, total, rank and the reason for the decision.
//!
//! ## Exact arithmetic
//!
//! Scores are [`Decimal`]s, never floats. Aggregates are rounded half-up (away from zero) to
//! the scheme's `decimals`. The subtotal is the weighted mean of those aggregates,
//! `sum(aggregate * weight) / sum of weights`, computed exactly and rounded once the same
//! way (so 89 on every criterion is 89.00, not the 89.01 that three rounded thirds would
//! add up to); each criterion's contribution `aggregate * weight / sum of weights` is shown
//! rounded, and the shown contributions may differ from the subtotal by rounding. The total
//! is the subtotal less the deductions. Ranking compares those rounded totals, so equal
//! sheets rank equal on every platform and in every binding.

mod book;
mod error;
mod policy;
mod render;
mod score;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use error::{EvaluationError, EvaluationErrorKind};
pub use policy::{
    Aggregation, Criterion, Deductions, EvaluationPolicy, EvaluationScheme, FinalTieBreak, Limit,
    MissingScore, NormalScale, Normalization, PassMark, Selection, TieMethod,
};

#[cfg(test)]
pub(crate) use policy::to_rulebook_error;
pub(crate) use policy::{MAGNITUDE_LIMIT, is_valid_id};

use book::SheetBook;

use crate::attendance::{Counter, RecordRef, Standing, StandingReason, StandingStatus};
use crate::diagnostic::{Locale, Params};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

/// A candidate's identifier: a member id for members, any unique text otherwise. The text
/// is shared, so score sheets and allocations copy it without allocating.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CandidateId(Arc<str>);

impl CandidateId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CandidateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for CandidateId {
    fn from(s: &str) -> CandidateId {
        CandidateId(Arc::from(s))
    }
}

impl From<String> for CandidateId {
    fn from(s: String) -> CandidateId {
        CandidateId(Arc::from(s))
    }
}

impl Serialize for CandidateId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CandidateId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CandidateId, D::Error> {
        String::deserialize(d).map(CandidateId::from)
    }
}

/// A candidate id is written as its text.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for CandidateId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CandidateId".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// A judge's identifier.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct JudgeId(pub String);

impl JudgeId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JudgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for JudgeId {
    fn from(s: &str) -> JudgeId {
        JudgeId(s.to_owned())
    }
}

/// A candidate and the judges' scores for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Unique id. A candidate whose id is a member id of the standings takes that member's
    /// deductions and vetoes.
    pub id: CandidateId,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Category for per-category quotas, e.g. the department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Per criterion id: the judges' scores in the order of [`EvaluationInput::judges`];
    /// `null` (or a short row) where a judge gave none.
    #[serde(deserialize_with = "crate::input::exact::score_rows")]
    pub scores: BTreeMap<String, Vec<Option<Decimal>>>,
}

/// Which scheme to score with: a rulebook scheme's id, or a whole scheme given inline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeChoice {
    /// The id of a scheme of the rulebook, e.g. `challenge_cup`.
    Named(String),
    /// A scheme given with the input.
    Inline(Box<EvaluationScheme>),
}

impl Serialize for SchemeChoice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SchemeChoice::Named(id) => s.serialize_str(id),
            SchemeChoice::Inline(scheme) => scheme.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for SchemeChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SchemeChoice, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = SchemeChoice;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a scheme id or a whole scheme")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SchemeChoice, E> {
                Ok(SchemeChoice::Named(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<SchemeChoice, A::Error> {
                EvaluationScheme::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|s| SchemeChoice::Inline(Box::new(s)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A scheme choice is a scheme id (text) or a whole scheme (an object).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchemeChoice {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemeChoice".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let scheme = generator.subschema_for::<EvaluationScheme>();
        schemars::json_schema!({
            "description": "Which scheme to score with: the id of a scheme of the rulebook \
                (e.g. `challenge_cup`), or a whole scheme given with the input.",
            "anyOf": [
                { "type": "string", "description": "The id of a scheme of the rulebook." },
                scheme,
            ],
        })
    }
}

/// The input of an evaluation: scheme, judges, candidates and their scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluationInput {
    /// The scheme.
    pub scheme: SchemeChoice,
    /// The judges, in the order of every score row.
    pub judges: Vec<JudgeId>,
    /// The candidates with their scores.
    pub candidates: Vec<Candidate>,
}

/// A criterion's identifier, shared by every sheet's line (cloning it allocates nothing).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CriterionId(Arc<str>);

impl CriterionId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for CriterionId {
    fn from(s: &str) -> CriterionId {
        CriterionId(Arc::from(s))
    }
}

impl Serialize for CriterionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CriterionId, D::Error> {
        String::deserialize(d).map(|s| CriterionId(Arc::from(s)))
    }
}

/// A criterion id is written as its text.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for CriterionId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CriterionId".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// Which end of the sorted scores a dropped score came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DroppedEnd {
    /// Among the lowest.
    Lowest,
    /// Among the highest.
    Highest,
}

/// One judge's score on a sheet's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JudgeScore {
    /// The raw score; `None` where the judge gave none and was skipped.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub raw: Option<Decimal>,
    /// Set when the trimmed mean dropped this score. Among equal scores, the judge listed
    /// first is dropped as lowest and the judge listed last as highest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped: Option<DroppedEnd>,
}

/// The judges' scores of one sheet: one row per criterion (in the order of the sheet's
/// lines), one score per judge (in the order of [`Ranking::judges`]). A view of the
/// ranking's scores (see [`ScoreSheet::scores`]); written as a list of rows.
#[derive(Clone, Copy)]
pub struct ScoreGrid<'a> {
    book: &'a SheetBook,
    sheet: usize,
}

impl<'a> ScoreGrid<'a> {
    /// How many rows (criteria).
    pub fn rows(&self) -> usize {
        self.book.criteria()
    }

    /// How many scores per row (judges).
    pub fn width(&self) -> usize {
        self.book.judges()
    }

    /// Judge `j`'s score on criterion `k`; `None` outside the grid.
    pub fn get(&self, k: usize, j: usize) -> Option<JudgeScore> {
        self.book.score(self.sheet, k, j)
    }

    /// Row `k`: the judges' scores on criterion `k`, in judge order (empty outside the grid).
    pub fn row(&self, k: usize) -> impl ExactSizeIterator<Item = JudgeScore> + 'a {
        let (book, sheet) = (self.book, self.sheet);
        let width = if k < self.rows() { self.width() } else { 0 };
        (0..width).map(move |j| {
            book.score(sheet, k, j).unwrap_or(JudgeScore {
                raw: None,
                dropped: None,
            })
        })
    }

    /// The raw scores of row `k`.
    pub fn raw(&self, k: usize) -> Vec<Option<Decimal>> {
        self.row(k).map(|s| s.raw).collect()
    }

    /// The dropped scores of row `k`: judge positions with their end.
    pub fn dropped(&self, k: usize) -> Vec<(usize, DroppedEnd)> {
        self.row(k)
            .enumerate()
            .filter_map(|(j, s)| s.dropped.map(|e| (j, e)))
            .collect()
    }

    /// Every row, each as a list.
    pub fn to_rows(&self) -> Vec<Vec<JudgeScore>> {
        (0..self.rows()).map(|k| self.row(k).collect()).collect()
    }
}

impl PartialEq for ScoreGrid<'_> {
    fn eq(&self, other: &ScoreGrid<'_>) -> bool {
        self.rows() == other.rows()
            && self.width() == other.width()
            && (0..self.rows()).all(|k| self.row(k).eq(other.row(k)))
    }
}

impl Eq for ScoreGrid<'_> {}

impl fmt::Debug for ScoreGrid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.to_rows()).finish()
    }
}

impl Serialize for ScoreGrid<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Row<'a>(ScoreGrid<'a>, usize);
        impl Serialize for Row<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.row(self.1))
            }
        }
        s.collect_seq((0..self.rows()).map(|k| Row(*self, k)))
    }
}

/// One criterion on a score sheet: line `k` is criterion `k` of [`Ranking::criteria`], and
/// its judges' scores are row `k` of [`ScoreSheet::scores`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CriterionLine {
    /// The normalised scores in judge order, when the scheme normalises; else empty.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::input::exact::optional_list"
    )]
    pub normalized: Vec<Option<Decimal>>,
    /// The aggregate of the scores kept, rounded to the scheme's decimals.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub aggregate: Decimal,
    /// The criterion's weight.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub weight: Decimal,
    /// `aggregate * weight / sum of weights`, rounded to the scheme's decimals (shown for
    /// reading; the subtotal is computed from the unrounded products).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub contribution: Decimal,
}

/// Points taken off a total for the attendance record (seed 001, Discipline Inspection §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deduction {
    /// The rule: the scheme's deduction key and its article.
    pub rule: RuleRef,
    /// The discipline counter.
    pub counter: Counter,
    /// How many offences the standing counts.
    pub count: u32,
    /// Points per offence.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub per: Decimal,
    /// `count * per`.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub amount: Decimal,
    /// The attendance records behind the count.
    pub records: Vec<RecordRef>,
}

/// Why a candidate is ineligible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Veto {
    /// The rule: the scheme's veto key and its article.
    pub rule: RuleRef,
    /// The standing status that vetoes.
    pub status: StandingStatus,
    /// The standing's own reasons, with their rules and records.
    pub reasons: Vec<StandingReason>,
}

/// What became of a candidate, and why. The rule each outcome applies is in
/// [`Ranking::rules`] (see [`Ranking::rule_of`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Decision {
    /// Selected.
    Selected,
    /// Ineligible: see the sheet's veto.
    Vetoed,
    /// The total is below the pass mark.
    BelowPassMark {
        /// The pass mark.
        #[serde(deserialize_with = "crate::input::exact::decimal")]
        pass_mark: Decimal,
    },
    /// The top N were already selected.
    OutsideTopN {
        /// N.
        top_n: u32,
        /// The candidate is tied (on total and every tie-break criterion) with the last one
        /// selected: the final tie-break put them after.
        tied_with_selected: bool,
    },
    /// The candidate's category had already filled its quota.
    CategoryQuotaFull {
        /// The category.
        category: String,
        /// Its quota.
        quota: u32,
    },
}

/// The rules a ranking's decisions apply, each with its rulebook key and seed article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionRules {
    /// Selection (`...selection`).
    pub selection: RuleRef,
    /// The pass mark (`...selection.pass_mark`).
    pub pass_mark: RuleRef,
    /// Top N (`...selection.top_n`).
    pub top_n: RuleRef,
    /// Category quotas (`...selection.category_quotas`; `category_quota` for the others).
    pub category_quota: RuleRef,
    /// The veto of expelled members (`...deductions.veto_expelled`).
    pub veto: RuleRef,
}

impl Decision {
    /// Whether the candidate is selected.
    pub fn is_selected(&self) -> bool {
        matches!(self, Decision::Selected)
    }

    /// One line saying why, in `locale`.
    pub fn explain(&self, locale: Locale) -> String {
        let (key, params) = match self {
            Decision::Selected => ("evaluation.decision.selected", Params::new()),
            Decision::Vetoed => ("evaluation.decision.vetoed", Params::new()),
            Decision::BelowPassMark { pass_mark } => (
                "evaluation.decision.below_pass_mark",
                Params::from([("pass_mark", pass_mark.to_string())]),
            ),
            Decision::OutsideTopN {
                top_n,
                tied_with_selected,
            } => (
                if *tied_with_selected {
                    "evaluation.decision.outside_top_n_tied"
                } else {
                    "evaluation.decision.outside_top_n"
                },
                Params::from([("top_n", top_n.to_string())]),
            ),
            Decision::CategoryQuotaFull { category, quota } => (
                "evaluation.decision.category_quota_full",
                Params::from([
                    ("category", category.to_string()),
                    ("quota", quota.to_string()),
                ]),
            ),
        };
        crate::catalog::report(locale, key, &params)
    }
}

/// One candidate's score sheet: a handle on the sheets of a ranking, which keeps those of
/// every candidate together (cloning a sheet copies no data). Read with its methods;
/// written (JSON), it has every field in place.
#[derive(Clone)]
pub struct ScoreSheet {
    book: Arc<SheetBook>,
    at: usize,
}

impl ScoreSheet {
    /// The candidate's id.
    pub fn candidate(&self) -> &str {
        self.book.candidate(self.at)
    }

    /// Their name.
    pub fn name(&self) -> &str {
        self.book.name(self.at)
    }

    /// Their category.
    pub fn category(&self) -> Option<&str> {
        self.book.category(self.at)
    }

    /// One line per criterion, in the order of [`Ranking::criteria`].
    pub fn lines(&self) -> impl ExactSizeIterator<Item = CriterionLine> + '_ {
        (0..self.book.criteria()).map(|k| self.line(k).unwrap_or_default())
    }

    /// The line of criterion `k` (of [`Ranking::criteria`]).
    pub fn line(&self, k: usize) -> Option<CriterionLine> {
        self.book.line(self.at, k)
    }

    /// Every judge's raw score per criterion, with the dropped ones marked.
    pub fn scores(&self) -> ScoreGrid<'_> {
        ScoreGrid {
            book: &self.book,
            sheet: self.at,
        }
    }

    /// `sum(aggregate * weight) / sum of weights`, rounded once to the scheme's decimals.
    pub fn subtotal(&self) -> Decimal {
        self.book.subtotal(self.at)
    }

    /// Deductions from the attendance standing.
    pub fn deductions(&self) -> &[Deduction] {
        self.book.deductions(self.at)
    }

    /// The sum of the deductions.
    pub fn deducted(&self) -> Decimal {
        self.deductions()
            .iter()
            .fold(Decimal::ZERO, |acc, d| acc.saturating_add(d.amount))
    }

    /// `subtotal - deductions`.
    pub fn total(&self) -> Decimal {
        self.book.total(self.at)
    }

    /// Why the candidate is ineligible, if they are.
    pub fn veto(&self) -> Option<&Veto> {
        self.book.veto(self.at)
    }

    /// The rank, by the scheme's tie method; `None` when vetoed.
    pub fn rank(&self) -> Option<u32> {
        self.book.rank(self.at)
    }

    /// Selected or not, and why.
    pub fn decision(&self) -> Decision {
        self.book.decision(self.at)
    }
}

impl PartialEq for ScoreSheet {
    fn eq(&self, other: &ScoreSheet) -> bool {
        self.candidate() == other.candidate()
            && self.name() == other.name()
            && self.category() == other.category()
            && self.subtotal() == other.subtotal()
            && self.deductions() == other.deductions()
            && self.total() == other.total()
            && self.veto() == other.veto()
            && self.rank() == other.rank()
            && self.decision() == other.decision()
            && self.lines().eq(other.lines())
            && self.scores() == other.scores()
    }
}

impl Eq for ScoreSheet {}

impl fmt::Debug for ScoreSheet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScoreSheet")
            .field("candidate", &self.candidate())
            .field("name", &self.name())
            .field("category", &self.category())
            .field("lines", &self.lines().collect::<Vec<_>>())
            .field("scores", &self.scores())
            .field("subtotal", &self.subtotal())
            .field("deductions", &self.deductions())
            .field("total", &self.total())
            .field("veto", &self.veto())
            .field("rank", &self.rank())
            .field("decision", &self.decision())
            .finish()
    }
}

/// A score sheet as written, every field in place.
#[derive(Serialize)]
struct SheetOut<'a> {
    candidate: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    lines: LinesOut<'a>,
    scores: ScoreGrid<'a>,
    subtotal: Decimal,
    deductions: &'a [Deduction],
    total: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    veto: Option<&'a Veto>,
    rank: Option<u32>,
    decision: Decision,
}

/// A sheet's lines, written as a list.
struct LinesOut<'a>(&'a ScoreSheet);

impl Serialize for LinesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.lines())
    }
}

/// One candidate's score sheet, as written and read.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ScoreSheet"))]
struct SheetIn {
    /// The candidate's id.
    candidate: String,
    /// Their name.
    name: String,
    /// Their category; absent when they have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    /// One line per criterion, in the order of the ranking's criteria.
    lines: Vec<CriterionLine>,
    /// Every judge's raw score per criterion (one row per criterion, in judge order), with
    /// the dropped ones marked.
    scores: Vec<Vec<JudgeScore>>,
    /// `sum(aggregate * weight) / sum of weights`, rounded once to the scheme's decimals.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    subtotal: Decimal,
    /// Deductions from the attendance standing.
    deductions: Vec<Deduction>,
    /// `subtotal - deductions`.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    total: Decimal,
    /// Why the candidate is ineligible, if they are; absent when eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    veto: Option<Veto>,
    /// The rank, by the scheme's tie method; `null` when vetoed.
    rank: Option<u32>,
    /// Selected or not, and why.
    decision: Decision,
}

/// A score sheet is written and read as `SheetIn` describes.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for ScoreSheet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ScoreSheet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SheetIn::json_schema(generator)
    }
}

impl Serialize for ScoreSheet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SheetOut {
            candidate: self.candidate(),
            name: self.name(),
            category: self.category(),
            lines: LinesOut(self),
            scores: self.scores(),
            subtotal: self.subtotal(),
            deductions: self.deductions(),
            total: self.total(),
            veto: self.veto(),
            rank: self.rank(),
            decision: self.decision(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for ScoreSheet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ScoreSheet, D::Error> {
        let f = SheetIn::deserialize(d)?;
        let book = SheetBook::of_one(book::OneSheet {
            candidate: f.candidate,
            name: f.name,
            category: f.category,
            lines: f.lines,
            scores: f.scores,
            subtotal: f.subtotal,
            deductions: f.deductions,
            total: f.total,
            veto: f.veto,
            rank: f.rank,
            decision: f.decision,
        })
        .map_err(serde::de::Error::custom)?;
        Ok(ScoreSheet {
            book: Arc::new(book),
            at: 0,
        })
    }
}

/// Every candidate's score sheet, ranked, with the selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ranking {
    /// The scheme's id (`inline` for a scheme given with the input).
    pub scheme: String,
    /// The scheme's title.
    pub title: String,
    /// The scheme's rule.
    pub rule: RuleRef,
    /// The aggregation used.
    pub aggregation: Aggregation,
    /// The tie method used.
    pub tie_method: TieMethod,
    /// The judges, in the order of every row of scores.
    pub judges: Vec<JudgeId>,
    /// The criteria, in the order of every sheet's lines and rows of scores.
    pub criteria: Vec<CriterionId>,
    /// The sheets: ranked candidates best first, then vetoed ones in input order.
    pub sheets: Vec<ScoreSheet>,
    /// The selected candidates, best first.
    pub selected: Vec<CandidateId>,
    /// The rules the decisions apply.
    pub rules: DecisionRules,
}

impl Ranking {
    /// The rule a decision applies.
    pub fn rule_of(&self, decision: &Decision) -> &RuleRef {
        match decision {
            Decision::Selected => &self.rules.selection,
            Decision::Vetoed => &self.rules.veto,
            Decision::BelowPassMark { .. } => &self.rules.pass_mark,
            Decision::OutsideTopN { .. } => &self.rules.top_n,
            Decision::CategoryQuotaFull { .. } => &self.rules.category_quota,
        }
    }

    /// The sheet of a candidate.
    pub fn sheet(&self, candidate: &str) -> Option<&ScoreSheet> {
        self.sheets.iter().find(|s| s.candidate() == candidate)
    }
}

/// Scores, ranks and selects the candidates of `input` with a rulebook scheme (or the
/// inline scheme of the input). Deductions and vetoes come from `standings`, matched by
/// member id against candidate ids; candidates without a standing have none.
///
/// # Errors
///
/// `evaluation.unknown_scheme`; the scheme's own errors (see
/// [`EvaluationScheme::validate`]) at `scheme...`; `evaluation.empty_id`,
/// `evaluation.duplicate_judge` at `judges[i]`; `evaluation.duplicate_candidate` at
/// `candidates[i].id`; `evaluation.unknown_criterion`, `evaluation.unknown_judge` (a row
/// longer than the judges) and `evaluation.score_out_of_scale` at
/// `candidates[i].scores.<criterion>[j]`; `evaluation.missing_score` and
/// `evaluation.too_few_scores` at `candidates[i].scores.<criterion>`.
///
/// # Example
///
/// ```
/// use secretariat::evaluation::evaluate;
/// use secretariat::report::SelectionData;
/// use secretariat::{Diagnostic, Rulebook};
///
/// let rulebook = Rulebook::default();
/// let mut input = SelectionData::sample().challenge_cup;
/// let ranking = evaluate(&rulebook, &input, &[])?;
/// assert_eq!(ranking.sheets.len(), input.candidates.len());
/// assert_eq!(ranking.sheets[0].rank(), Some(1));
///
/// // A score outside the 0-10 scale is refused with its path.
/// input.candidates[2].scores.get_mut("improvisation").unwrap()[4] = Some(11.into());
/// let err = evaluate(&rulebook, &input, &[]).unwrap_err();
/// assert_eq!(err.code(), "evaluation.score_out_of_scale");
/// assert_eq!(err.path(), "candidates[2].scores.improvisation[4]");
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn evaluate(
    rulebook: &Rulebook,
    input: &EvaluationInput,
    standings: &[Standing],
) -> Result<Ranking, EvaluationError> {
    match &input.scheme {
        SchemeChoice::Named(id) => {
            let scheme = rulebook.evaluation.scheme(id)?;
            score::run(
                id,
                scheme,
                &format!("evaluation.schemes.{id}"),
                input,
                standings,
            )
        }
        SchemeChoice::Inline(scheme) => score::run("inline", scheme, "scheme", input, standings),
    }
}

#[cfg(test)]
mod shift_tests;
#[cfg(test)]
mod tests;

debug_as_quoted_id!(CandidateId, JudgeId, CriterionId);
