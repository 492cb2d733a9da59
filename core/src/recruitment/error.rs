//! The recruitment area's error: one variant per refusal, each with a stable code and a path.

use chrono::NaiveDate;

use crate::diagnostic::{ErrorKind, Located, Params, located};

/// What went wrong in a [`RecruitmentError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecruitmentErrorKind {
    /// The allocation is decided on or after the recruitment deadline.
    AfterDeadline {
        /// The day of the decision.
        decided_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A candidate registers on or after the recruitment deadline.
    RegisteredAfterDeadline {
        /// The day of registration.
        registered_on: NaiveDate,
        /// The deadline (the first day that is too late).
        deadline: NaiveDate,
    },
    /// A referral by a member who is not active (expelled, resigned or on the reserve list).
    ReferrerInactive {
        /// The referrer.
        referrer: crate::members::MemberId,
    },
    /// Two candidates share an id.
    DuplicateCandidate {
        /// The id.
        id: String,
    },
    /// An empty id or name.
    Empty {
        /// `id` or `name`.
        field: &'static str,
    },
    /// A referral that names no referrer.
    ReferralWithoutReferrer,
    /// An examination score outside the examination scheme's scale.
    ScoreOutOfScale {
        /// The score given.
        value: String,
        /// The scale's minimum.
        min: String,
        /// The scale's maximum.
        max: String,
    },
    /// A recruitment year outside 1900..=2199.
    InvalidYear {
        /// The year given.
        year: i32,
    },
    /// A grade (intake year) later than the recruitment or academic year.
    GradeAfterYear {
        /// The intake year.
        grade: u16,
        /// The recruitment or academic year.
        year: i32,
    },
    /// The rulebook has no team rules of this id.
    UnknownTeamRules {
        /// The id given.
        id: String,
    },
    /// A member listed twice in a team.
    DuplicateTeamMember {
        /// The member.
        id: String,
    },
    /// A quota plan that was not validated and is out of the bounds exact allocation needs
    /// (a class without places, more than 32 places, or more than 4096 combinations).
    InvalidPlan {
        /// What is wrong.
        detail: &'static str,
    },
    /// A computation left the range of exact decimals.
    Overflow,
}

/// A recruitment round or a team is refused (domain.md §4).
///
/// Its [kind](RecruitmentErrorKind) says what; the path of the offending field sits beside it.
pub type RecruitmentError = Located<RecruitmentErrorKind>;

impl ErrorKind for RecruitmentErrorKind {
    fn code(&self) -> &'static str {
        match self {
            RecruitmentErrorKind::AfterDeadline { .. } => "recruitment.after_deadline",
            RecruitmentErrorKind::RegisteredAfterDeadline { .. } => {
                "recruitment.registered_after_deadline"
            }
            RecruitmentErrorKind::ReferrerInactive { .. } => "recruitment.referrer_inactive",
            RecruitmentErrorKind::DuplicateCandidate { .. } => "recruitment.duplicate_candidate",
            RecruitmentErrorKind::Empty { .. } => "recruitment.empty",
            RecruitmentErrorKind::ReferralWithoutReferrer => {
                "recruitment.referral_without_referrer"
            }
            RecruitmentErrorKind::ScoreOutOfScale { .. } => "recruitment.score_out_of_scale",
            RecruitmentErrorKind::InvalidYear { .. } => "recruitment.invalid_year",
            RecruitmentErrorKind::GradeAfterYear { .. } => "recruitment.grade_after_year",
            RecruitmentErrorKind::UnknownTeamRules { .. } => "recruitment.unknown_team_rules",
            RecruitmentErrorKind::DuplicateTeamMember { .. } => "recruitment.duplicate_team_member",
            RecruitmentErrorKind::InvalidPlan { .. } => "recruitment.invalid_plan",
            RecruitmentErrorKind::Overflow => "recruitment.overflow",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            RecruitmentErrorKind::AfterDeadline {
                decided_on,
                deadline,
                ..
            } => {
                p.insert("decided_on", decided_on.to_string());
                p.insert("deadline", deadline.to_string());
            }
            RecruitmentErrorKind::RegisteredAfterDeadline {
                registered_on,
                deadline,
                ..
            } => {
                p.insert("registered_on", registered_on.to_string());
                p.insert("deadline", deadline.to_string());
            }
            RecruitmentErrorKind::ReferrerInactive { referrer, .. } => {
                p.insert("referrer", referrer.0.clone());
            }
            RecruitmentErrorKind::DuplicateCandidate { id, .. }
            | RecruitmentErrorKind::UnknownTeamRules { id, .. }
            | RecruitmentErrorKind::DuplicateTeamMember { id, .. } => {
                p.insert("id", id.clone());
            }
            RecruitmentErrorKind::Empty { field, .. } => {
                p.insert("field", (*field).to_owned());
            }
            RecruitmentErrorKind::ScoreOutOfScale {
                value, min, max, ..
            } => {
                p.insert("value", value.clone());
                p.insert("min", min.clone());
                p.insert("max", max.clone());
            }
            RecruitmentErrorKind::InvalidYear { year, .. } => {
                p.insert("year", year.to_string());
            }
            RecruitmentErrorKind::GradeAfterYear { grade, year, .. } => {
                p.insert("grade", grade.to_string());
                p.insert("year", year.to_string());
            }
            RecruitmentErrorKind::InvalidPlan { detail, .. } => {
                p.insert("detail", (*detail).to_owned());
            }
            RecruitmentErrorKind::ReferralWithoutReferrer | RecruitmentErrorKind::Overflow => {}
        }
        p
    }
}

located!(RecruitmentErrorKind);
