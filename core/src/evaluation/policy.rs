//! Evaluation policy: the rulebook's `evaluation` table and its schemes.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::Diagnostic;
use crate::rule::{RuleRef, RulebookError, RulebookErrorKind};

use super::{EvaluationError, EvaluationErrorKind};

/// The largest magnitude a scale end, weight, deduction or pass mark may have.
pub(crate) const MAGNITUDE_LIMIT: i64 = 1_000_000;

/// A count limit that may be switched off: a whole number, or `"unlimited"`.
///
/// Written as data so that a school can switch a default limit off in TOML, which has no
/// null.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Limit {
    /// No limit.
    #[default]
    Unlimited,
    /// At most this many.
    At(u32),
}

impl Limit {
    /// The limit as a number, `None` when unlimited.
    pub fn get(self) -> Option<u32> {
        match self {
            Limit::Unlimited => None,
            Limit::At(n) => Some(n),
        }
    }

    /// Whether `count` has reached the limit.
    pub fn reached(self, count: u32) -> bool {
        self.get().is_some_and(|n| count >= n)
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Unlimited => f.write_str("unlimited"),
            Limit::At(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Limit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Limit::Unlimited => s.serialize_str("unlimited"),
            Limit::At(n) => s.serialize_u32(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Limit, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Limit;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number or \"unlimited\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Limit, E> {
                u32::try_from(v)
                    .map(Limit::At)
                    .map_err(|_| E::custom(format!("{v} is too large for a limit")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Limit, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("a limit cannot be negative ({v})")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Limit, E> {
                if v == "unlimited" {
                    Ok(Limit::Unlimited)
                } else {
                    Err(E::custom(format!(
                        "expected a whole number or \"unlimited\", found {v:?}"
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A limit is a whole number or `"unlimited"`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Limit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Limit".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A count limit: a whole number, or `\"unlimited\"`.",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": u32::MAX },
                { "const": "unlimited" },
            ],
        })
    }
}

/// A threshold that may be switched off: a decimal, or `"none"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PassMark {
    /// No threshold.
    #[default]
    None,
    /// At least this much.
    At(Decimal),
}

impl PassMark {
    /// The threshold, `None` when switched off.
    pub fn get(self) -> Option<Decimal> {
        match self {
            PassMark::None => None,
            PassMark::At(d) => Some(d),
        }
    }
}

impl Serialize for PassMark {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PassMark::None => s.serialize_str("none"),
            PassMark::At(d) => Serialize::serialize(d, s),
        }
    }
}

/// A pass mark is `"none"` or a decimal: written as decimal text; read from decimal text or,
/// unlike money and scores, also from a JSON number (a rulebook's TOML writes it bare).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for PassMark {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PassMark".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let decimal = generator.subschema_for::<Decimal>();
        let mut forms = vec![serde_json::json!({ "const": "none" }), decimal.to_value()];
        if generator.contract().is_deserialize() {
            forms.push(serde_json::json!({ "type": "number" }));
        }
        schemars::json_schema!({
            "description": "A threshold that may be switched off: a decimal, or `\"none\"`.",
            "anyOf": forms,
        })
    }
}

impl<'de> Deserialize<'de> for PassMark {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PassMark, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PassMark;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal or \"none\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PassMark, E> {
                Ok(PassMark::At(Decimal::from(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PassMark, E> {
                Ok(PassMark::At(Decimal::from(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PassMark, E> {
                if v == "none" {
                    return Ok(PassMark::None);
                }
                crate::input::parse_exact(v)
                    .map(PassMark::At)
                    .ok_or_else(|| {
                        E::custom(format!("expected a decimal or \"none\", found {v:?}"))
                    })
            }
        }
        d.deserialize_any(V)
    }
}

/// How the judges' scores on one criterion become one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The arithmetic mean of every score.
    Mean,
    /// The middle score; the mean of the two middle scores for an even count.
    Median,
    /// The mean after dropping the `trim` highest and the `trim` lowest scores (the usual
    /// rule of Chinese student competitions, "去掉一个最高分和一个最低分").
    TrimmedMean,
}

/// Whether each judge's scores are first put on a common footing.
///
/// With either z-score form, a judge's scores on a criterion become z-scores over that
/// judge's candidates, `(score - judge_mean) / judge_sd`, and are put on a stated scale:
/// `mean + z * sd`. The scale is fixed by the scheme, never read from the scores, so a judge
/// who adds the same constant to every score changes no normalised score, no total and no
/// decision. Standard deviations are population ones, their square roots taken exactly on
/// integers and truncated to 8 decimal places; a normalised score is rounded half-up to the
/// scheme's `decimals`. A judge whose scores on a criterion do not vary gives the scale's
/// mean. Normalised scores may fall outside `[scale_min, scale_max]`; aggregates, totals and
/// `selection.pass_mark` are on the normalised scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Normalization {
    /// Raw scores are aggregated as given.
    None,
    /// Z-scores put on the scheme's own scale: mean at its midpoint
    /// `(scale_min + scale_max) / 2`, standard deviation a sixth of its range
    /// `(scale_max - scale_min) / 6` (so three standard deviations either side span it). On
    /// a 0-10 scale: mean 5, standard deviation 1.6666….
    ZScore,
    /// Z-scores put on a stated scale, e.g. `{ z_score_on = { mean = "75", sd = "10" } }`.
    ZScoreOn(NormalScale),
}

/// The scale normalised scores are put on (see [`Normalization`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NormalScale {
    /// The mean of every judge's normalised scores on a criterion.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub mean: Decimal,
    /// Their standard deviation; above zero.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub sd: Decimal,
}

impl EvaluationScheme {
    /// The scale normalised scores are put on, `None` when the scheme does not normalise.
    pub fn normal_scale(&self) -> Option<NormalScale> {
        match self.normalization {
            Normalization::None => None,
            Normalization::ZScore => Some(NormalScale {
                mean: (self.scale_min + self.scale_max) / Decimal::TWO,
                sd: (self.scale_max - self.scale_min) / Decimal::from(6),
            }),
            Normalization::ZScoreOn(scale) => Some(scale),
        }
    }
}

/// What a judge's missing score means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingScore {
    /// A missing score is an error (`evaluation.missing_score`).
    Error,
    /// The judge is skipped for that candidate and criterion.
    SkipJudge,
}

/// How rank numbers are given to candidates tied on total and on every tie-break criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TieMethod {
    /// "1224": tied candidates share the best rank, the next rank skips.
    Competition,
    /// "1223": tied candidates share a rank, the next rank follows on.
    Dense,
    /// "1234": every candidate gets their own rank, in the final tie-break's order.
    Ordinal,
}

/// The last rule of the tie-break chain: orders candidates that nothing else separates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FinalTieBreak {
    /// The smaller candidate id first (text order).
    CandidateId,
    /// The candidate listed first in the input first (e.g. registration order).
    InputOrder,
}

/// One criterion of a scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, e.g. `language_expression`.
    pub id: String,
    /// Title shown on score sheets.
    pub title: String,
    /// Relative weight, positive: a criterion's contribution is
    /// `aggregate * weight / sum of weights`.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub weight: Decimal,
}

/// Deductions and vetoes taken from the attendance standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deductions {
    /// Points off per late arrival or early leave counted in the standing.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub per_lateness: Decimal,
    /// Points off per unexcused absence counted in the standing.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub per_absence: Decimal,
    /// The seed article behind the deductions.
    pub article: String,
    /// An expelled member is ineligible.
    pub veto_expelled: bool,
    /// The seed article behind the veto.
    pub veto_article: String,
}

/// Who is selected once candidates are ranked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// At most this many selected.
    pub top_n: Limit,
    /// A total below this is not selected.
    pub pass_mark: PassMark,
    /// At most this many selected per category, for categories not in `category_quotas`.
    pub category_quota: Limit,
    /// Per-category limits, e.g. outstanding officers per department.
    #[serde(default)]
    pub category_quotas: BTreeMap<String, u32>,
    /// The seed article behind the selection.
    pub article: String,
}

impl Selection {
    /// The quota of a category.
    pub fn quota_of(&self, category: &str) -> Limit {
        match self.category_quotas.get(category) {
            Some(n) => Limit::At(*n),
            None => self.category_quota,
        }
    }
}

/// An evaluation scheme: criteria, weights, scale, aggregation, deductions, ranking and
/// selection (domain.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluationScheme {
    /// Title of the evaluation.
    pub title: String,
    /// The seed article it implements.
    pub article: String,
    /// Lowest score a judge may give.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub scale_min: Decimal,
    /// Highest score a judge may give.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub scale_max: Decimal,
    /// The criteria, in the order score sheets show them.
    pub criteria: Vec<Criterion>,
    /// How the judges' scores on a criterion are aggregated.
    pub aggregation: Aggregation,
    /// For a trimmed mean: how many scores are dropped at each end.
    pub trim: u32,
    /// Per-judge normalisation.
    pub normalization: Normalization,
    /// What a missing score means.
    pub missing_score: MissingScore,
    /// Decimal places of aggregates, contributions and totals, rounded half-up (away from
    /// zero). Ranking compares the rounded totals.
    pub decimals: u32,
    /// Deductions and vetoes from the attendance standing.
    pub deductions: Deductions,
    /// Rank numbers for ties.
    pub tie_method: TieMethod,
    /// Criteria whose aggregates break ties of total, in priority order (higher first).
    pub tie_break: Vec<String>,
    /// The last rule of the chain.
    pub final_tie_break: FinalTieBreak,
    /// Who is selected.
    pub selection: Selection,
}

fn decimal_in(d: Decimal, min: i64, max: i64) -> bool {
    d >= Decimal::from(min) && d <= Decimal::from(max)
}

impl EvaluationScheme {
    /// Checks every setting; `path` is where the scheme sits (`scheme`, or
    /// `evaluation.schemes.challenge_cup`).
    ///
    /// # Errors
    ///
    /// `evaluation.no_criteria`, `evaluation.empty_id`, `evaluation.duplicate_criterion`,
    /// `evaluation.non_positive_weight`, `evaluation.invalid_scale`,
    /// `evaluation.unknown_criterion` (a tie-break) or `evaluation.invalid_setting`, with the
    /// setting's path.
    ///
    /// # Example
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let mut scheme = Rulebook::default().evaluation.schemes["challenge_cup"].clone();
    /// assert!(scheme.validate("scheme").is_ok());
    /// scheme.criteria[1].weight = Decimal::ZERO;
    /// let err = scheme.validate("scheme").unwrap_err();
    /// assert_eq!(err.code(), "evaluation.non_positive_weight");
    /// assert_eq!(err.path(), "scheme.criteria[1].weight");
    /// ```
    pub fn validate(&self, path: &str) -> Result<(), EvaluationError> {
        let at = |key: &str| crate::diagnostic::join_path(path, key);
        if self.criteria.is_empty() {
            return Err(EvaluationErrorKind::NoCriteria.at(at("criteria")));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            if c.id.trim().is_empty() {
                return Err(EvaluationErrorKind::EmptyId { field: "criterion" }
                    .at(at(&format!("criteria[{i}].id"))));
            }
            if self.criteria.iter().take(i).any(|o| o.id == c.id) {
                return Err(EvaluationErrorKind::DuplicateCriterion { id: c.id.clone() }
                    .at(at(&format!("criteria[{i}].id"))));
            }
            if c.weight <= Decimal::ZERO {
                return Err(EvaluationErrorKind::NonPositiveWeight {
                    criterion: c.id.clone(),
                    weight: c.weight.to_string(),
                }
                .at(at(&format!("criteria[{i}].weight"))));
            }
            if !decimal_in(c.weight, 0, MAGNITUDE_LIMIT) {
                return Err(EvaluationError::invalid_setting(
                    at(&format!("criteria[{i}].weight")),
                    "weight_at_most",
                    [],
                ));
            }
        }
        if self.scale_min >= self.scale_max
            || !decimal_in(self.scale_min, -MAGNITUDE_LIMIT, MAGNITUDE_LIMIT)
            || !decimal_in(self.scale_max, -MAGNITUDE_LIMIT, MAGNITUDE_LIMIT)
        {
            return Err(EvaluationErrorKind::InvalidScale {
                min: self.scale_min.to_string(),
                max: self.scale_max.to_string(),
            }
            .at(at("scale_max")));
        }
        if let Normalization::ZScoreOn(scale) = self.normalization
            && (scale.sd <= Decimal::ZERO
                || !decimal_in(scale.sd, 0, MAGNITUDE_LIMIT)
                || !decimal_in(scale.mean, -MAGNITUDE_LIMIT, MAGNITUDE_LIMIT))
        {
            return Err(EvaluationError::invalid_setting(
                at("normalization.z_score_on"),
                "z_score_scale",
                [],
            ));
        }
        if self.aggregation == Aggregation::TrimmedMean && self.trim == 0 {
            return Err(EvaluationError::invalid_setting(
                at("trim"),
                "trim_at_least_one",
                [],
            ));
        }
        if self.trim > 100 {
            return Err(EvaluationError::invalid_setting(
                at("trim"),
                "trim_at_most",
                [],
            ));
        }
        if self.decimals > 8 {
            return Err(EvaluationError::invalid_setting(
                at("decimals"),
                "decimals_range",
                [],
            ));
        }
        for (key, value) in [
            ("deductions.per_lateness", self.deductions.per_lateness),
            ("deductions.per_absence", self.deductions.per_absence),
        ] {
            if !decimal_in(value, 0, MAGNITUDE_LIMIT) {
                return Err(EvaluationError::invalid_setting(
                    at(key),
                    "deduction_range",
                    [],
                ));
            }
        }
        for (i, id) in self.tie_break.iter().enumerate() {
            if !self.criteria.iter().any(|c| &c.id == id) {
                return Err(EvaluationErrorKind::UnknownCriterion { id: id.clone() }
                    .at(at(&format!("tie_break[{i}]"))));
            }
        }
        if let PassMark::At(mark) = self.selection.pass_mark
            && !decimal_in(mark, -MAGNITUDE_LIMIT, MAGNITUDE_LIMIT)
        {
            return Err(EvaluationError::invalid_setting(
                at("selection.pass_mark"),
                "pass_mark_range",
                [],
            ));
        }
        if self
            .selection
            .category_quotas
            .keys()
            .any(|k| k.trim().is_empty())
        {
            return Err(EvaluationError::invalid_setting(
                at("selection.category_quotas"),
                "category_empty",
                [],
            ));
        }
        Ok(())
    }

    /// The sum of the criteria weights.
    pub fn weight_sum(&self) -> Decimal {
        self.criteria
            .iter()
            .fold(Decimal::ZERO, |acc, c| acc.saturating_add(c.weight))
    }

    /// The position of a criterion.
    pub fn criterion_position(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }
}

/// Rulebook key `evaluation` (seed 000, Challenge Cup talent selection; seed 001,
/// evaluations): named schemes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluationPolicy {
    /// Schemes by id, e.g. `challenge_cup`, `officer_evaluation`.
    pub schemes: BTreeMap<String, EvaluationScheme>,
}

impl EvaluationPolicy {
    /// The scheme with this id.
    ///
    /// # Errors
    ///
    /// `evaluation.unknown_scheme` at `scheme`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let rb = Rulebook::default();
    /// assert_eq!(rb.evaluation.scheme("challenge_cup")?.criteria.len(), 3);
    /// assert_eq!(rb.evaluation.scheme("beauty").unwrap_err().code(), "evaluation.unknown_scheme");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn scheme(&self, id: &str) -> Result<&EvaluationScheme, EvaluationError> {
        self.schemes.get(id).ok_or_else(|| {
            EvaluationErrorKind::UnknownScheme {
                scheme: id.to_owned(),
            }
            .at("scheme")
        })
    }

    /// The rule a scheme's verdicts cite.
    pub fn rule(id: &str, scheme: &EvaluationScheme) -> RuleRef {
        RuleRef::new(format!("evaluation.schemes.{id}"), scheme.article.clone())
    }

    pub(crate) fn validate(&self, path: &str) -> Result<(), RulebookError> {
        for (id, scheme) in &self.schemes {
            let at = crate::diagnostic::join_path(path, &format!("schemes.{id}"));
            if !is_valid_id(id) {
                return Err(RulebookErrorKind::inconsistent("scheme_id", []).at(at));
            }
            scheme.validate(&at).map_err(to_rulebook_error)?;
        }
        Ok(())
    }
}

pub(crate) use crate::ids::is_valid_id;

/// A scheme error found while loading the rulebook becomes `rulebook.inconsistent` at the
/// same path, with the same words.
pub(crate) fn to_rulebook_error(e: EvaluationError) -> RulebookError {
    let path = e.segments().to_vec();
    let (code, params) = (e.code(), e.params());
    let kind = match e.into_kind() {
        EvaluationErrorKind::InvalidSetting { expected, details } => {
            RulebookErrorKind::Inconsistent { expected, details }
        }
        _ => RulebookErrorKind::Inconsistent {
            expected: code,
            details: params,
        },
    };
    kind.at(path)
}
