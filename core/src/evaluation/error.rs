//! The evaluation area's error: one variant per refusal, each with a stable code and a path.

use crate::diagnostic::{ErrorKind, Located, Params, located};

/// What went wrong in a [`EvaluationError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvaluationErrorKind {
    /// The input names a scheme the rulebook does not have.
    UnknownScheme {
        /// The name given.
        scheme: String,
    },
    /// A score below the scale's minimum or above its maximum.
    ScoreOutOfScale {
        /// The score given.
        value: String,
        /// The scale's minimum.
        min: String,
        /// The scale's maximum.
        max: String,
    },
    /// A judge gave no score for a candidate on a criterion, and the scheme requires one.
    MissingScore {
        /// The candidate.
        candidate: String,
        /// The judge.
        judge: String,
        /// The criterion.
        criterion: String,
    },
    /// Too few scores remain for the aggregation (none at all, or not more than twice the
    /// trimmed count for a trimmed mean).
    TooFewScores {
        /// The candidate.
        candidate: String,
        /// The criterion.
        criterion: String,
        /// Scores present.
        count: u32,
        /// Scores needed.
        needed: u32,
    },
    /// A criterion weight of zero or less.
    NonPositiveWeight {
        /// The criterion.
        criterion: String,
        /// The weight given.
        weight: String,
    },
    /// Two candidates share an id.
    DuplicateCandidate {
        /// The id.
        id: String,
    },
    /// Two judges share an id.
    DuplicateJudge {
        /// The id.
        id: String,
    },
    /// Two criteria of a scheme share an id.
    DuplicateCriterion {
        /// The id.
        id: String,
    },
    /// A score for a candidate not in the candidate list.
    UnknownCandidate {
        /// The id.
        id: String,
    },
    /// A score from a judge not in the judge list (a row longer than the list of judges).
    UnknownJudge {
        /// The id.
        id: String,
    },
    /// A criterion the scheme does not have.
    UnknownCriterion {
        /// The id.
        id: String,
    },
    /// An empty candidate, judge or criterion id.
    EmptyId {
        /// `candidate`, `judge` or `criterion`.
        field: &'static str,
    },
    /// A scheme without criteria.
    NoCriteria,
    /// A scale whose minimum is not below its maximum, or beyond ±1,000,000.
    InvalidScale {
        /// The minimum given.
        min: String,
        /// The maximum given.
        max: String,
    },
    /// Any other scheme setting out of its range.
    InvalidSetting {
        /// What the value must satisfy: the word `expected.<this>` of the catalogs, or the
        /// code of another error carried here (a scheme's error found in the rulebook).
        expected: &'static str,
        /// The numbers and names the words are filled from.
        details: Params,
    },
    /// A sum or product left the range of exact decimals (about ±7.9e28).
    Overflow {
        /// The candidate.
        candidate: String,
    },
}

/// An evaluation input or scheme is refused (domain.md §2).
///
/// Its [kind](EvaluationErrorKind) says what; the path of the offending field sits beside it.
pub type EvaluationError = Located<EvaluationErrorKind>;

impl EvaluationErrorKind {
    /// A value that breaks the rule named by `expected` (the word `expected.<expected>` of
    /// the catalogs), with the parameters its words are filled from.
    pub fn invalid_setting(
        expected: &'static str,
        details: impl IntoIterator<Item = (&'static str, String)>,
    ) -> EvaluationErrorKind {
        EvaluationErrorKind::InvalidSetting {
            expected,
            details: details.into_iter().collect(),
        }
    }
}

impl EvaluationError {
    pub(crate) fn invalid_setting(
        path: String,
        expected: &'static str,
        details: impl IntoIterator<Item = (&'static str, String)>,
    ) -> EvaluationError {
        EvaluationErrorKind::invalid_setting(expected, details).at(path)
    }
}

impl ErrorKind for EvaluationErrorKind {
    fn code(&self) -> &'static str {
        match self {
            EvaluationErrorKind::UnknownScheme { .. } => "evaluation.unknown_scheme",
            EvaluationErrorKind::ScoreOutOfScale { .. } => "evaluation.score_out_of_scale",
            EvaluationErrorKind::MissingScore { .. } => "evaluation.missing_score",
            EvaluationErrorKind::TooFewScores { .. } => "evaluation.too_few_scores",
            EvaluationErrorKind::NonPositiveWeight { .. } => "evaluation.non_positive_weight",
            EvaluationErrorKind::DuplicateCandidate { .. } => "evaluation.duplicate_candidate",
            EvaluationErrorKind::DuplicateJudge { .. } => "evaluation.duplicate_judge",
            EvaluationErrorKind::DuplicateCriterion { .. } => "evaluation.duplicate_criterion",
            EvaluationErrorKind::UnknownCandidate { .. } => "evaluation.unknown_candidate",
            EvaluationErrorKind::UnknownJudge { .. } => "evaluation.unknown_judge",
            EvaluationErrorKind::UnknownCriterion { .. } => "evaluation.unknown_criterion",
            EvaluationErrorKind::EmptyId { .. } => "evaluation.empty_id",
            EvaluationErrorKind::NoCriteria => "evaluation.no_criteria",
            EvaluationErrorKind::InvalidScale { .. } => "evaluation.invalid_scale",
            EvaluationErrorKind::InvalidSetting { .. } => "evaluation.invalid_setting",
            EvaluationErrorKind::Overflow { .. } => "evaluation.overflow",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            EvaluationErrorKind::UnknownScheme { scheme, .. } => {
                p.insert("scheme", scheme.clone());
            }
            EvaluationErrorKind::ScoreOutOfScale {
                value, min, max, ..
            } => {
                p.insert("value", value.clone());
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            EvaluationErrorKind::MissingScore {
                candidate,
                judge,
                criterion,
                ..
            } => {
                p.insert("candidate", candidate.clone());
                p.insert("judge", judge.clone());
                p.insert("criterion", criterion.clone());
            }
            EvaluationErrorKind::TooFewScores {
                candidate,
                criterion,
                count,
                needed,
                ..
            } => {
                p.insert("candidate", candidate.clone());
                p.insert("criterion", criterion.clone());
                p.insert("count", count.to_string());
                p.insert("needed", needed.to_string());
            }
            EvaluationErrorKind::NonPositiveWeight {
                criterion, weight, ..
            } => {
                p.insert("criterion", criterion.clone());
                p.insert("weight", weight.clone());
            }
            EvaluationErrorKind::DuplicateCandidate { id, .. }
            | EvaluationErrorKind::DuplicateJudge { id, .. }
            | EvaluationErrorKind::DuplicateCriterion { id, .. }
            | EvaluationErrorKind::UnknownCandidate { id, .. }
            | EvaluationErrorKind::UnknownJudge { id, .. }
            | EvaluationErrorKind::UnknownCriterion { id, .. } => {
                p.insert("id", id.clone());
            }
            EvaluationErrorKind::EmptyId { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            EvaluationErrorKind::InvalidScale { min, max, .. } => {
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            EvaluationErrorKind::Overflow { candidate, .. } => {
                p.insert("candidate", candidate.clone());
            }
            EvaluationErrorKind::InvalidSetting { expected, details } => {
                p.extend(details.iter().map(|(k, v)| (*k, v.clone())));
                p.insert("expected", (*expected).to_owned());
            }
            EvaluationErrorKind::NoCriteria => {}
        }
        p
    }
}

located!(EvaluationErrorKind);
