//! The recruitment area's error: one variant per refusal, each with a stable code and a path.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Params, display_from_catalog};

/// A recruitment round or a team is refused (domain.md §4).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecruitmentError {
    /// The allocation is decided on or after the recruitment deadline.
    AfterDeadline {
        /// Path of the field.
        path: String,
        /// The day of the decision.
        decided_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A candidate registers on or after the recruitment deadline.
    RegisteredAfterDeadline {
        /// Path of the field.
        path: String,
        /// The day of registration.
        registered_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A referral by a member who is not active (expelled, resigned or on the reserve list).
    ReferrerInactive {
        /// Path of the field.
        path: String,
        /// The referrer.
        referrer: crate::members::MemberId,
    },
    /// Two candidates share an id.
    DuplicateCandidate {
        /// Path of the second candidate's id.
        path: String,
        /// The id.
        id: String,
    },
    /// An empty id or name.
    Empty {
        /// Path of the field.
        path: String,
        /// `id` or `name`.
        field: &'static str,
    },
    /// A referral that names no referrer.
    ReferralWithoutReferrer {
        /// Path of the field.
        path: String,
    },
    /// An examination score outside the examination scheme's scale.
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
    InvalidYear {
        /// Path of the field.
        path: String,
        /// The year given.
        year: i32,
    },
    /// A grade (intake year) later than the recruitment or academic year.
    GradeAfterYear {
        /// Path of the field.
        path: String,
        /// The intake year.
        grade: u16,
        /// The recruitment or academic year.
        year: i32,
    },
    /// The rulebook has no team rules of this id.
    UnknownTeamRules {
        /// Path of the field.
        path: String,
        /// The id given.
        id: String,
    },
    /// A member listed twice in a team.
    DuplicateTeamMember {
        /// Path of the second listing.
        path: String,
        /// The member.
        id: String,
    },
    /// A quota plan that was not validated and is out of the bounds exact allocation needs
    /// (a class without places, more than 32 places, or more than 4096 combinations).
    InvalidPlan {
        /// Path of the plan.
        path: String,
        /// What is wrong.
        detail: &'static str,
    },
    /// A computation left the range of exact decimals.
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

display_from_catalog!(RecruitmentError);
