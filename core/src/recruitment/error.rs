//! The recruitment area's error: one variant per refusal, each with a stable code and a path.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Locale, Params, localized};

/// A recruitment round or a team is refused (domain.md §4).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecruitmentError {
    /// The allocation is decided on or after the recruitment deadline.
    #[error("decided on {decided_on}, not before the recruitment deadline {deadline}")]
    AfterDeadline {
        /// Path of the field.
        path: String,
        /// The day of the decision.
        decided_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A candidate registers on or after the recruitment deadline.
    #[error("registered on {registered_on}, not before the recruitment deadline {deadline}")]
    RegisteredAfterDeadline {
        /// Path of the field.
        path: String,
        /// The day of registration.
        registered_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A referral by a member who is not active (expelled, resigned or on the reserve list).
    #[error("{referrer} is not an active member and cannot refer a candidate")]
    ReferrerInactive {
        /// Path of the field.
        path: String,
        /// The referrer.
        referrer: crate::members::MemberId,
    },
    /// Two candidates share an id.
    #[error("duplicate candidate {id:?}")]
    DuplicateCandidate {
        /// Path of the second candidate's id.
        path: String,
        /// The id.
        id: String,
    },
    /// An empty id or name.
    #[error("the {field} must not be empty")]
    Empty {
        /// Path of the field.
        path: String,
        /// `id` or `name`.
        field: &'static str,
    },
    /// A referral that names no referrer.
    #[error("a referred candidate must name the member who referred them")]
    ReferralWithoutReferrer {
        /// Path of the field.
        path: String,
    },
    /// An examination score outside the examination scheme's scale.
    #[error("score {value} is outside the examination scale {min}..={max}")]
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
    /// A recruitment year outside 1900..=2199.
    #[error("the recruitment year {year} is outside 1900..=2199")]
    InvalidYear {
        /// Path of the field.
        path: String,
        /// The year given.
        year: i32,
    },
    /// A grade (intake year) later than the recruitment or academic year.
    #[error("grade {grade} has not started by {year}")]
    GradeAfterYear {
        /// Path of the field.
        path: String,
        /// The intake year.
        grade: u16,
        /// The recruitment or academic year.
        year: i32,
    },
    /// The rulebook has no team rules of this id.
    #[error("the rulebook has no team composition rules {id:?}")]
    UnknownTeamRules {
        /// Path of the field.
        path: String,
        /// The id given.
        id: String,
    },
    /// A member listed twice in a team.
    #[error("{id} is listed twice in the team")]
    DuplicateTeamMember {
        /// Path of the second listing.
        path: String,
        /// The member.
        id: String,
    },
    /// A quota plan that was not validated and is out of the bounds exact allocation needs
    /// (a class without places, more than 32 places, or more than 4096 combinations).
    #[error("the quota plan cannot be allocated exactly: {detail}")]
    InvalidPlan {
        /// Path of the plan.
        path: String,
        /// What is wrong.
        detail: &'static str,
    },
    /// A computation left the range of exact decimals.
    #[error("the sum of the scores left the range of exact decimals")]
    Overflow {
        /// Path of the field.
        path: String,
    },
}

impl RecruitmentError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            RecruitmentError::AfterDeadline { path, .. } => Some(path),
            RecruitmentError::RegisteredAfterDeadline { path, .. } => Some(path),
            RecruitmentError::ReferrerInactive { path, .. } => Some(path),
            RecruitmentError::DuplicateCandidate { path, .. } => Some(path),
            RecruitmentError::Empty { path, .. } => Some(path),
            RecruitmentError::ReferralWithoutReferrer { path, .. } => Some(path),
            RecruitmentError::ScoreOutOfScale { path, .. } => Some(path),
            RecruitmentError::InvalidYear { path, .. } => Some(path),
            RecruitmentError::GradeAfterYear { path, .. } => Some(path),
            RecruitmentError::UnknownTeamRules { path, .. } => Some(path),
            RecruitmentError::DuplicateTeamMember { path, .. } => Some(path),
            RecruitmentError::InvalidPlan { path, .. } => Some(path),
            RecruitmentError::Overflow { path, .. } => Some(path),
        }
    }
}

impl Diagnostic for RecruitmentError {
    fn code(&self) -> &'static str {
        match self {
            RecruitmentError::AfterDeadline { .. } => "recruitment.after_deadline",
            RecruitmentError::RegisteredAfterDeadline { .. } => {
                "recruitment.registered_after_deadline"
            }
            RecruitmentError::ReferrerInactive { .. } => "recruitment.referrer_inactive",
            RecruitmentError::DuplicateCandidate { .. } => "recruitment.duplicate_candidate",
            RecruitmentError::Empty { .. } => "recruitment.empty",
            RecruitmentError::ReferralWithoutReferrer { .. } => {
                "recruitment.referral_without_referrer"
            }
            RecruitmentError::ScoreOutOfScale { .. } => "recruitment.score_out_of_scale",
            RecruitmentError::InvalidYear { .. } => "recruitment.invalid_year",
            RecruitmentError::GradeAfterYear { .. } => "recruitment.grade_after_year",
            RecruitmentError::UnknownTeamRules { .. } => "recruitment.unknown_team_rules",
            RecruitmentError::DuplicateTeamMember { .. } => "recruitment.duplicate_team_member",
            RecruitmentError::InvalidPlan { .. } => "recruitment.invalid_plan",
            RecruitmentError::Overflow { .. } => "recruitment.overflow",
        }
    }

    fn path(&self) -> &str {
        match self {
            RecruitmentError::AfterDeadline { path, .. }
            | RecruitmentError::RegisteredAfterDeadline { path, .. }
            | RecruitmentError::ReferrerInactive { path, .. }
            | RecruitmentError::DuplicateCandidate { path, .. }
            | RecruitmentError::Empty { path, .. }
            | RecruitmentError::ReferralWithoutReferrer { path }
            | RecruitmentError::ScoreOutOfScale { path, .. }
            | RecruitmentError::InvalidYear { path, .. }
            | RecruitmentError::GradeAfterYear { path, .. }
            | RecruitmentError::UnknownTeamRules { path, .. }
            | RecruitmentError::DuplicateTeamMember { path, .. }
            | RecruitmentError::InvalidPlan { path, .. }
            | RecruitmentError::Overflow { path } => path,
        }
    }

    fn message(&self, locale: Locale) -> String {
        let zh = match self {
            RecruitmentError::AfterDeadline {
                decided_on,
                deadline,
                ..
            } => format!("决定日期 {decided_on} 不在招新截止日 {deadline} 之前"),
            RecruitmentError::RegisteredAfterDeadline {
                registered_on,
                deadline,
                ..
            } => format!("报名日期 {registered_on} 不在招新截止日 {deadline} 之前"),
            RecruitmentError::ReferrerInactive { referrer, .. } => {
                format!("{referrer} 不是在职成员，不能推荐候选人")
            }
            RecruitmentError::DuplicateCandidate { id, .. } => format!("候选人 {id:?} 重复"),
            RecruitmentError::Empty { field, .. } => {
                let f = if *field == "id" { "编号" } else { "姓名" };
                format!("{f}不能为空")
            }
            RecruitmentError::ReferralWithoutReferrer { .. } => {
                "经推荐的候选人必须写明推荐人".to_owned()
            }
            RecruitmentError::ScoreOutOfScale {
                value, min, max, ..
            } => format!("分数 {value} 超出考核评分范围 {min}..={max}"),
            RecruitmentError::InvalidYear { year, .. } => {
                format!("招新年份 {year} 不在 1900..=2199 之内")
            }
            RecruitmentError::GradeAfterYear { grade, year, .. } => {
                format!("{grade} 级在 {year} 年尚未入学")
            }
            RecruitmentError::UnknownTeamRules { id, .. } => {
                format!("规则手册中没有队伍组成规则 {id:?}")
            }
            RecruitmentError::DuplicateTeamMember { id, .. } => {
                format!("{id} 在队伍中出现了两次")
            }
            RecruitmentError::InvalidPlan { .. } => {
                "招新名额计划超出了精确分配的范围（某类名额为 0、总名额超过 32 或组合数超过 4096）"
                    .to_owned()
            }
            RecruitmentError::Overflow { .. } => "分数之和超出了精确小数的范围".to_owned(),
        };
        localized(locale, self.to_string(), zh)
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            RecruitmentError::AfterDeadline {
                decided_on,
                deadline,
                ..
            } => {
                p.insert("decided_on", decided_on.to_string());
                p.insert("deadline", deadline.to_string());
            }
            RecruitmentError::RegisteredAfterDeadline {
                registered_on,
                deadline,
                ..
            } => {
                p.insert("registered_on", registered_on.to_string());
                p.insert("deadline", deadline.to_string());
            }
            RecruitmentError::ReferrerInactive { referrer, .. } => {
                p.insert("referrer", referrer.0.clone());
            }
            RecruitmentError::DuplicateCandidate { id, .. }
            | RecruitmentError::UnknownTeamRules { id, .. }
            | RecruitmentError::DuplicateTeamMember { id, .. } => {
                p.insert("id", id.clone());
            }
            RecruitmentError::Empty { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            RecruitmentError::ScoreOutOfScale {
                value, min, max, ..
            } => {
                p.insert("value", value.clone());
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            RecruitmentError::InvalidYear { year, .. } => {
                p.insert("year", year.to_string());
            }
            RecruitmentError::GradeAfterYear { grade, year, .. } => {
                p.insert("grade", grade.to_string());
                p.insert("year", year.to_string());
            }
            RecruitmentError::InvalidPlan { detail, .. } => {
                p.insert("detail", (*detail).to_owned());
            }
            RecruitmentError::ReferralWithoutReferrer { .. }
            | RecruitmentError::Overflow { .. } => {}
        }
        p
    }
}
