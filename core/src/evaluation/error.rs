//! The evaluation area's error: one variant per refusal, each with a stable code and a path.

use crate::diagnostic::{Diagnostic, Locale, Params, localized};

/// An evaluation input or scheme is refused (domain.md §2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvaluationError {
    /// The input names a scheme the rulebook does not have.
    #[error("the rulebook has no evaluation scheme {scheme:?}")]
    UnknownScheme {
        /// Path of the field.
        path: String,
        /// The name given.
        scheme: String,
    },
    /// A score below the scale's minimum or above its maximum.
    #[error("score {value} is outside the scale {min}..={max}")]
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
    #[error("judge {judge:?} gave {candidate:?} no score for {criterion:?}")]
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
    #[error(
        "{candidate:?} has {count} score(s) for {criterion:?}; the aggregation needs at least {needed}"
    )]
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
    #[error("the weight of criterion {criterion:?} is {weight}; weights must be positive")]
    NonPositiveWeight {
        /// Path of the weight.
        path: String,
        /// The criterion.
        criterion: String,
        /// The weight given.
        weight: String,
    },
    /// Two candidates share an id.
    #[error("duplicate candidate {id:?}")]
    DuplicateCandidate {
        /// Path of the second candidate's id.
        path: String,
        /// The id.
        id: String,
    },
    /// Two judges share an id.
    #[error("duplicate judge {id:?}")]
    DuplicateJudge {
        /// Path of the second judge.
        path: String,
        /// The id.
        id: String,
    },
    /// Two criteria of a scheme share an id.
    #[error("duplicate criterion {id:?}")]
    DuplicateCriterion {
        /// Path of the second criterion's id.
        path: String,
        /// The id.
        id: String,
    },
    /// A score for a candidate not in the candidate list.
    #[error("no candidate has id {id:?}")]
    UnknownCandidate {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// A score from a judge not in the judge list (a row longer than the list of judges).
    #[error("no judge has id {id:?}")]
    UnknownJudge {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// A criterion the scheme does not have.
    #[error("the scheme has no criterion {id:?}")]
    UnknownCriterion {
        /// Path of the reference.
        path: String,
        /// The id.
        id: String,
    },
    /// An empty candidate, judge or criterion id.
    #[error("the {field} id must not be empty")]
    EmptyId {
        /// Path of the id.
        path: String,
        /// `candidate`, `judge` or `criterion`.
        field: &'static str,
    },
    /// A scheme without criteria.
    #[error("the scheme has no criteria")]
    NoCriteria {
        /// Path of the criteria list.
        path: String,
    },
    /// A scale whose minimum is not below its maximum, or beyond ±1,000,000.
    #[error(
        "invalid scale {min}..={max}: the minimum must be below the maximum, both within ±1000000"
    )]
    InvalidScale {
        /// Path of the scale.
        path: String,
        /// The minimum given.
        min: String,
        /// The maximum given.
        max: String,
    },
    /// Any other scheme setting out of its range.
    #[error("{path}: {expected_en}")]
    InvalidSetting {
        /// Path of the setting.
        path: String,
        /// What the value must satisfy, in English.
        expected_en: String,
        /// The same, in Chinese.
        expected_zh: String,
    },
    /// A sum or product left the range of exact decimals (about ±7.9e28).
    #[error("a computation on {candidate:?} left the range of exact decimals")]
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
        let zh = match self {
            EvaluationError::UnknownScheme { scheme, .. } => {
                format!("规则手册中没有评分方案 {scheme:?}")
            }
            EvaluationError::ScoreOutOfScale {
                value, min, max, ..
            } => format!("分数 {value} 超出评分范围 {min}..={max}"),
            EvaluationError::MissingScore {
                candidate,
                judge,
                criterion,
                ..
            } => format!("评委 {judge:?} 未给 {candidate:?} 的 {criterion:?} 打分"),
            EvaluationError::TooFewScores {
                candidate,
                criterion,
                count,
                needed,
                ..
            } => format!(
                "{candidate:?} 的 {criterion:?} 只有 {count} 个分数，该计分方法至少需要 {needed} 个"
            ),
            EvaluationError::NonPositiveWeight {
                criterion, weight, ..
            } => format!("评分项 {criterion:?} 的权重为 {weight}；权重必须为正数"),
            EvaluationError::DuplicateCandidate { id, .. } => format!("候选人 {id:?} 重复"),
            EvaluationError::DuplicateJudge { id, .. } => format!("评委 {id:?} 重复"),
            EvaluationError::DuplicateCriterion { id, .. } => format!("评分项 {id:?} 重复"),
            EvaluationError::UnknownCandidate { id, .. } => format!("没有编号为 {id:?} 的候选人"),
            EvaluationError::UnknownJudge { id, .. } => format!("没有编号为 {id:?} 的评委"),
            EvaluationError::UnknownCriterion { id, .. } => format!("评分方案中没有评分项 {id:?}"),
            EvaluationError::EmptyId { field, .. } => {
                let f = match *field {
                    "candidate" => "候选人",
                    "judge" => "评委",
                    _ => "评分项",
                };
                format!("{f}编号不能为空")
            }
            EvaluationError::NoCriteria { .. } => "评分方案没有评分项".to_owned(),
            EvaluationError::InvalidScale { min, max, .. } => {
                format!("评分范围 {min}..={max} 无效：最低分必须小于最高分，且都在 ±1000000 以内")
            }
            EvaluationError::InvalidSetting {
                path, expected_zh, ..
            } => format!("{path}：{expected_zh}"),
            EvaluationError::Overflow { candidate, .. } => {
                format!("{candidate:?} 的计算超出了精确小数的范围")
            }
        };
        localized(locale, self.to_string(), zh)
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
            EvaluationError::NoCriteria { .. } | EvaluationError::InvalidSetting { .. } => {}
        }
        p
    }
}
