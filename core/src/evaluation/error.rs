//! The evaluation area's error: one variant per refusal, each with a stable code and a path.

use crate::diagnostic::{Diagnostic, Locale, Params, display_from_catalog};

/// An evaluation input or scheme is refused (domain.md §2).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvaluationError {
    /// The input names a scheme the rulebook does not have.
    UnknownScheme {
        /// Path of the field.
        path: String,
        /// The name given.
        scheme: String,
    },
    /// A score below the scale's minimum or above its maximum.
    ScoreOutOfScale {
        /// Path of the score.
        path: String,
        /// The score given.
        value: String,
        /// The scale's minimum.
        min: String,
        /// The scale's maximum.
        max: String,
    },
    /// A judge gave no score for a candidate on a criterion, and the scheme requires one.
    MissingScore {
        /// Path of the candidate.
        path: String,
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
        /// Path of the candidate.
        path: String,
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
        /// Path of the weight.
        path: String,
        /// The criterion.
        criterion: String,
        /// The weight given.
        weight: String,
    },
    /// Two candidates share an id.
    DuplicateCandidate {
        /// Path of the second candidate's id.
        path: String,
        /// The id.
        id: String,
    },
    /// Two judges share an id.
    DuplicateJudge {
        /// Path of the second judge.
        path: String,
        /// The id.
        id: String,
    },
    /// Two criteria of a scheme share an id.
    DuplicateCriterion {
        /// Path of the second criterion's id.
        path: String,
        /// The id.
        id: String,
    },
    /// A score for a candidate not in the candidate list.
    UnknownCandidate {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// A score from a judge not in the judge list (a row longer than the list of judges).
    UnknownJudge {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// A criterion the scheme does not have.
    UnknownCriterion {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// An empty candidate, judge or criterion id.
    EmptyId {
        /// Path of the id.
        path: String,
        /// `candidate`, `judge` or `criterion`.
        field: &'static str,
    },
    /// A scheme without criteria.
    NoCriteria {
        /// Path of the criteria list.
        path: String,
    },
    /// A scale whose minimum is not below its maximum, or beyond ±1,000,000.
    InvalidScale {
        /// Path of the scale.
        path: String,
        /// The minimum given.
        min: String,
        /// The maximum given.
        max: String,
    },
    /// Any other scheme setting out of its range.
    InvalidSetting {
        /// Path of the setting.
        path: String,
        /// What the value must satisfy, in English.
        expected_en: String,
        /// The same, in Chinese.
        expected_zh: String,
    },
    /// A sum or product left the range of exact decimals (about ±7.9e28).
    Overflow {
        /// Path of the candidate.
        path: String,
        /// The candidate.
        candidate: String,
    },
}

impl EvaluationError {
    pub(crate) fn invalid_setting(path: String, en: &str, zh: &str) -> EvaluationError {
        EvaluationError::InvalidSetting {
            path,
            expected_en: en.to_owned(),
            expected_zh: zh.to_owned(),
        }
    }
}

impl EvaluationError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            EvaluationError::UnknownScheme { path, .. } => Some(path),
            EvaluationError::ScoreOutOfScale { path, .. } => Some(path),
            EvaluationError::MissingScore { path, .. } => Some(path),
            EvaluationError::TooFewScores { path, .. } => Some(path),
            EvaluationError::NonPositiveWeight { path, .. } => Some(path),
            EvaluationError::DuplicateCandidate { path, .. } => Some(path),
            EvaluationError::DuplicateJudge { path, .. } => Some(path),
            EvaluationError::DuplicateCriterion { path, .. } => Some(path),
            EvaluationError::UnknownCandidate { path, .. } => Some(path),
            EvaluationError::UnknownJudge { path, .. } => Some(path),
            EvaluationError::UnknownCriterion { path, .. } => Some(path),
            EvaluationError::EmptyId { path, .. } => Some(path),
            EvaluationError::NoCriteria { path, .. } => Some(path),
            EvaluationError::InvalidScale { path, .. } => Some(path),
            EvaluationError::InvalidSetting { path, .. } => Some(path),
            EvaluationError::Overflow { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for EvaluationError {
    fn code(&self) -> &'static str {
        match self {
            EvaluationError::UnknownScheme { .. } => "evaluation.unknown_scheme",
            EvaluationError::ScoreOutOfScale { .. } => "evaluation.score_out_of_scale",
            EvaluationError::MissingScore { .. } => "evaluation.missing_score",
            EvaluationError::TooFewScores { .. } => "evaluation.too_few_scores",
            EvaluationError::NonPositiveWeight { .. } => "evaluation.non_positive_weight",
            EvaluationError::DuplicateCandidate { .. } => "evaluation.duplicate_candidate",
            EvaluationError::DuplicateJudge { .. } => "evaluation.duplicate_judge",
            EvaluationError::DuplicateCriterion { .. } => "evaluation.duplicate_criterion",
            EvaluationError::UnknownCandidate { .. } => "evaluation.unknown_candidate",
            EvaluationError::UnknownJudge { .. } => "evaluation.unknown_judge",
            EvaluationError::UnknownCriterion { .. } => "evaluation.unknown_criterion",
            EvaluationError::EmptyId { .. } => "evaluation.empty_id",
            EvaluationError::NoCriteria { .. } => "evaluation.no_criteria",
            EvaluationError::InvalidScale { .. } => "evaluation.invalid_scale",
            EvaluationError::InvalidSetting { .. } => "evaluation.invalid_setting",
            EvaluationError::Overflow { .. } => "evaluation.overflow",
        }
    }

    fn path(&self) -> &str {
        match self {
            EvaluationError::UnknownScheme { path, .. }
            | EvaluationError::ScoreOutOfScale { path, .. }
            | EvaluationError::MissingScore { path, .. }
            | EvaluationError::TooFewScores { path, .. }
            | EvaluationError::NonPositiveWeight { path, .. }
            | EvaluationError::DuplicateCandidate { path, .. }
            | EvaluationError::DuplicateJudge { path, .. }
            | EvaluationError::DuplicateCriterion { path, .. }
            | EvaluationError::UnknownCandidate { path, .. }
            | EvaluationError::UnknownJudge { path, .. }
            | EvaluationError::UnknownCriterion { path, .. }
            | EvaluationError::EmptyId { path, .. }
            | EvaluationError::NoCriteria { path }
            | EvaluationError::InvalidScale { path, .. }
            | EvaluationError::InvalidSetting { path, .. }
            | EvaluationError::Overflow { path, .. } => path,
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            // Free text written where the setting is checked, in English and Chinese: not
            // yet in the catalogs (a Chinese locale shows the Simplified text).
            EvaluationError::InvalidSetting { expected_zh, .. } if locale != Locale::En => {
                expected_zh.clone()
            }
            _ => crate::catalog::message(locale, self.code(), &self.params()),
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            EvaluationError::UnknownScheme { scheme, .. } => {
                p.insert("scheme", scheme.clone());
            }
            EvaluationError::ScoreOutOfScale {
                value, min, max, ..
            } => {
                p.insert("value", value.clone());
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            EvaluationError::MissingScore {
                candidate,
                judge,
                criterion,
                ..
            } => {
                p.insert("candidate", candidate.clone());
                p.insert("judge", judge.clone());
                p.insert("criterion", criterion.clone());
            }
            EvaluationError::TooFewScores {
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
            EvaluationError::NonPositiveWeight {
                criterion, weight, ..
            } => {
                p.insert("criterion", criterion.clone());
                p.insert("weight", weight.clone());
            }
            EvaluationError::DuplicateCandidate { id, .. }
            | EvaluationError::DuplicateJudge { id, .. }
            | EvaluationError::DuplicateCriterion { id, .. }
            | EvaluationError::UnknownCandidate { id, .. }
            | EvaluationError::UnknownJudge { id, .. }
            | EvaluationError::UnknownCriterion { id, .. } => {
                p.insert("id", id.clone());
            }
            EvaluationError::EmptyId { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            EvaluationError::InvalidScale { min, max, .. } => {
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            EvaluationError::Overflow { candidate, .. } => {
                p.insert("candidate", candidate.clone());
            }
            EvaluationError::InvalidSetting { expected_en, .. } => {
                p.insert("expected", expected_en.clone());
            }
            EvaluationError::NoCriteria { .. } => {}
        }
        p
    }
}

display_from_catalog!(EvaluationError);
