//! Recruitment (domain.md §4; seed 000, "recruitment and composition of members").
//!
//! The rulebook's quota plan ([`RecruitmentPolicy`]) has classes of places, each for a year
//! of study and a skill (either may be open), some required and some reserve. [`allocate`]
//! fills them from the examined candidates of a [`RecruitmentRound`] **optimally**: it
//! maximises, in this order, the required places filled, the places filled, and the total
//! examination score, over every assignment of candidates to places (a candidate with
//! several skills may take either kind of place). Among equally good allocations it takes
//! the one that, read in candidate order (higher score first, then the rulebook's tie
//! rule), gives each candidate the earliest place of the plan, "not chosen" coming last.
//!
//! The search is an exact dynamic programme over the combinations of filled places. Only
//! the best `P` candidates eligible for each class can matter (`P` = the places that can be
//! filled): any other candidate could be swapped for a better, unchosen one eligible for the
//! same place. So 10,000 candidates cost little more than sorting them.
//!
//! The [`Allocation`] lists the filled places with the reason each candidate holds theirs,
//! the unfilled places, the reason each unchosen candidate was not chosen, and, when the
//! plan cannot be met, the smallest relaxations that would meet it. [`check_team`] checks a
//! Challenge Cup team against the rulebook's composition rules.

mod allocate;
mod error;
mod policy;
mod render;
mod team;

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use allocate::allocate;
pub use error::{RecruitmentError, RecruitmentErrorKind};
pub use policy::{
    CompositionRule, MAX_COMBINATIONS, MAX_PLACES, MonthDay, PlaceClass, RecruitmentPolicy,
    RecruitmentTieBreak, TeamAttribute, TeamRules,
};
pub use team::{CompositionViolation, RuleCount, TeamCheck, check_team, check_team_ids};

use crate::diagnostic::{Locale, Params};
use crate::evaluation::{CandidateId, Ranking};
use crate::members::{Grade, MemberId, Skill};
use crate::rule::RuleRef;

/// How a candidate came forward ("a combination of registration and introduction").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Registered themselves.
    Registration,
    /// Introduced by a member.
    Referral,
}

/// A candidate of a recruitment round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecruitmentCandidate {
    /// Unique id, e.g. the student number.
    pub id: CandidateId,
    /// Display name.
    pub name: String,
    /// Intake-year cohort ("02" accepted).
    pub grade: Grade,
    /// Skills, e.g. `computer`, `organization_language`.
    #[serde(default)]
    pub skills: Vec<Skill>,
    /// Registration or referral.
    pub source: Source,
    /// The member who referred them, for a referral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_by: Option<MemberId>,
    /// The day they registered (or were referred).
    pub registered_on: NaiveDate,
    /// Their public examination score; `None` when not (yet) examined.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::exact::optional"
    )]
    pub score: Option<Decimal>,
}

/// A recruitment round: the year, the day of the allocation, the candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecruitmentRound {
    /// The recruitment year: the autumn the new students arrive (e.g. 2002).
    pub year: i32,
    /// The day the places are allocated; must be before the deadline.
    pub decided_on: NaiveDate,
    /// The candidates.
    pub candidates: Vec<RecruitmentCandidate>,
}

impl RecruitmentRound {
    /// Takes each candidate's score from an examination ranking (the sheet's total; a
    /// vetoed sheet gives no score). Returns how many candidates got a score.
    pub fn set_scores_from(&mut self, exam: &Ranking) -> usize {
        let mut set = 0;
        for c in &mut self.candidates {
            if let Some(sheet) = exam.sheet(c.id.as_str()) {
                c.score = sheet.veto().is_none().then_some(sheet.total());
                set += usize::from(c.score.is_some());
            }
        }
        set
    }
}

/// A candidate's year of study in `year`: 1 for those who arrive that year.
pub fn year_of_study(grade: Grade, year: i32) -> Option<u32> {
    u32::try_from(year - i32::from(grade.year()) + 1)
        .ok()
        .filter(|y| *y >= 1)
}

/// A place taken, and why this candidate holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FilledPlace {
    /// The place class.
    pub place: String,
    /// The place's number within its class, from 1.
    pub slot: u32,
    /// The candidate.
    pub candidate: CandidateId,
    /// Their name.
    pub name: String,
    /// Their examination score.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub score: Decimal,
    /// Their year of study.
    pub year_of_study: u32,
    /// Their skills.
    pub skills: Vec<Skill>,
    /// Their position among the candidates eligible for this class, by score and tie rule,
    /// from 1.
    pub rank_in_class: u32,
    /// How many candidates were eligible for this class.
    pub eligible_in_class: u32,
    /// The class's rule.
    pub rule: RuleRef,
}

/// Why a place stays empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum UnfilledReason {
    /// No candidate is eligible for the class.
    NoEligibleCandidate,
    /// Every eligible candidate holds another place.
    CandidatesPlacedElsewhere {
        /// How many were eligible.
        eligible: u32,
    },
    /// The plan's maximum of places is filled.
    MaxTotalReached {
        /// The maximum.
        max_total: u32,
    },
}

/// A place left empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnfilledPlace {
    /// The place class.
    pub place: String,
    /// The place's number within its class, from 1.
    pub slot: u32,
    /// Whether the plan requires it.
    pub required: bool,
    /// Why it is empty.
    pub reason: UnfilledReason,
    /// The class's rule.
    pub rule: RuleRef,
}

/// Why a candidate was not chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum NotChosenReason {
    /// Registered on or after the deadline.
    RegisteredAfterDeadline {
        /// Registration day.
        registered_on: NaiveDate,
        /// The deadline.
        deadline: NaiveDate,
    },
    /// Registered after the allocation was decided.
    RegisteredAfterDecision {
        /// Registration day.
        registered_on: NaiveDate,
        /// The day of the decision.
        decided_on: NaiveDate,
    },
    /// No examination score.
    NoExamScore,
    /// Scored below the pass mark.
    BelowMinScore {
        /// Their score.
        #[serde(deserialize_with = "crate::input::exact::decimal")]
        score: Decimal,
        /// The pass mark.
        #[serde(deserialize_with = "crate::input::exact::decimal")]
        min_score: Decimal,
    },
    /// No class of the plan accepts their year of study and skills.
    NoMatchingPlace {
        /// Their year of study.
        year_of_study: u32,
    },
    /// Every place they qualify for is held by a candidate placed before them (a higher
    /// score, or an equal score and earlier by the tie rule), or is empty because the plan
    /// is full.
    Outranked {
        /// The classes they qualify for.
        places: Vec<String>,
        /// The lowest score among the holders of those places.
        #[serde(default, deserialize_with = "crate::input::exact::optional")]
        lowest_chosen_score: Option<Decimal>,
        /// Whether the plan's maximum of places is filled.
        plan_full: bool,
    },
    /// Choosing them would leave places unfilled that the chosen allocation fills.
    WouldLeavePlacesUnfilled {
        /// Required places that would be lost.
        required_places: u32,
        /// Places in all that would be lost.
        places: u32,
    },
}

/// A candidate not chosen, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotChosen {
    /// The candidate.
    pub candidate: CandidateId,
    /// Their name.
    pub name: String,
    /// Their score.
    #[serde(default, deserialize_with = "crate::input::exact::optional")]
    pub score: Option<Decimal>,
    /// Why.
    pub reason: NotChosenReason,
}

/// One change to the quota plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum QuotaChange {
    /// Open a class to every skill.
    OpenSkill {
        /// The class.
        place: String,
        /// The skill it asked for.
        skill: Skill,
    },
    /// Open a class to every year of study.
    OpenYear {
        /// The class.
        place: String,
        /// The year it asked for.
        year_of_study: u32,
    },
    /// Fewer places in a class.
    ReduceCount {
        /// The class.
        place: String,
        /// Its count.
        from: u32,
        /// The count that can be met.
        to: u32,
    },
    /// A lower minimum of places.
    LowerMinTotal {
        /// The minimum.
        from: u32,
        /// The minimum that can be met.
        to: u32,
    },
}

/// A set of changes that would make the plan feasible with these candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Relaxation {
    /// The changes, all needed.
    pub changes: Vec<QuotaChange>,
    /// How many places the changes give up.
    pub places_removed: u32,
}

/// The result of [`allocate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Allocation {
    /// The recruitment year.
    pub year: i32,
    /// The deadline (the first day too late).
    pub deadline: NaiveDate,
    /// The day of the decision.
    pub decided_on: NaiveDate,
    /// The rule: the quota plan and its article.
    pub rule: RuleRef,
    /// Whether every required place is filled and at least `min_total` places are.
    pub feasible: bool,
    /// Places filled, by class in the plan's order, then by slot.
    pub filled: Vec<FilledPlace>,
    /// Places left empty.
    pub unfilled: Vec<UnfilledPlace>,
    /// Candidates not chosen, in input order.
    pub not_chosen: Vec<NotChosen>,
    /// The sum of the chosen candidates' scores.
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub total_score: Decimal,
    /// When not feasible: relaxations that would make the plan feasible, the smallest
    /// first (fewest places given up, then fewest changes).
    pub relaxations: Vec<Relaxation>,
}

impl Allocation {
    /// The place a candidate holds.
    pub fn place_of(&self, candidate: &str) -> Option<&FilledPlace> {
        self.filled
            .iter()
            .find(|p| p.candidate.as_str() == candidate)
    }
}

impl fmt::Display for QuotaChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Locale::En))
    }
}

impl QuotaChange {
    /// The change in words.
    pub fn explain(&self, locale: Locale) -> String {
        let (key, params) = match self {
            QuotaChange::OpenSkill { place, skill } => (
                "recruitment.change.open_skill",
                Params::from([("place", place.clone()), ("skill", skill.0.clone())]),
            ),
            QuotaChange::OpenYear {
                place,
                year_of_study,
            } => (
                "recruitment.change.open_year",
                Params::from([
                    ("place", place.clone()),
                    ("year", year_of_study.to_string()),
                ]),
            ),
            QuotaChange::ReduceCount { place, from, to } => (
                "recruitment.change.reduce_count",
                Params::from([
                    ("place", place.clone()),
                    ("from", from.to_string()),
                    ("to", to.to_string()),
                ]),
            ),
            QuotaChange::LowerMinTotal { from, to } => (
                "recruitment.change.lower_min_total",
                Params::from([("from", from.to_string()), ("to", to.to_string())]),
            ),
        };
        crate::catalog::report(locale, key, &params)
    }
}

impl NotChosenReason {
    /// The reason in words.
    pub fn explain(&self, locale: Locale) -> String {
        let (key, params) = match self {
            NotChosenReason::RegisteredAfterDeadline {
                registered_on,
                deadline,
            } => (
                "recruitment.not_chosen.registered_after_deadline",
                Params::from([
                    ("registered_on", registered_on.to_string()),
                    ("deadline", deadline.to_string()),
                ]),
            ),
            NotChosenReason::RegisteredAfterDecision {
                registered_on,
                decided_on,
            } => (
                "recruitment.not_chosen.registered_after_decision",
                Params::from([
                    ("registered_on", registered_on.to_string()),
                    ("decided_on", decided_on.to_string()),
                ]),
            ),
            NotChosenReason::NoExamScore => ("recruitment.not_chosen.no_exam_score", Params::new()),
            NotChosenReason::BelowMinScore { score, min_score } => (
                "recruitment.not_chosen.below_min_score",
                Params::from([
                    ("score", score.to_string()),
                    ("min_score", min_score.to_string()),
                ]),
            ),
            NotChosenReason::NoMatchingPlace { year_of_study } => (
                "recruitment.not_chosen.no_matching_place",
                Params::from([("year", year_of_study.to_string())]),
            ),
            NotChosenReason::Outranked {
                places,
                lowest_chosen_score,
                plan_full,
            } => {
                let mut params = Params::from([
                    ("places", crate::catalog::join_list(locale, places)),
                    ("plan", if *plan_full { "full" } else { "open" }.to_owned()),
                ]);
                let key = match lowest_chosen_score {
                    Some(l) => {
                        params.insert("lowest", l.to_string());
                        "recruitment.not_chosen.outranked"
                    }
                    None => "recruitment.not_chosen.plan_full",
                };
                (key, params)
            }
            NotChosenReason::WouldLeavePlacesUnfilled {
                required_places,
                places,
            } => {
                if *required_places > 0 {
                    (
                        "recruitment.not_chosen.leaves_required_unfilled",
                        Params::from([("required_places", required_places.to_string())]),
                    )
                } else {
                    (
                        "recruitment.not_chosen.fills_fewer",
                        Params::from([("places", places.to_string())]),
                    )
                }
            }
        };
        crate::catalog::report(locale, key, &params)
    }
}

impl UnfilledReason {
    /// The reason in words.
    pub fn explain(&self, locale: Locale) -> String {
        let (key, params) = match self {
            UnfilledReason::NoEligibleCandidate => {
                ("recruitment.unfilled.no_eligible_candidate", Params::new())
            }
            UnfilledReason::CandidatesPlacedElsewhere { eligible } => (
                "recruitment.unfilled.placed_elsewhere",
                Params::from([("eligible", eligible.to_string())]),
            ),
            UnfilledReason::MaxTotalReached { max_total } => (
                "recruitment.unfilled.max_total_reached",
                Params::from([("max_total", max_total.to_string())]),
            ),
        };
        crate::catalog::report(locale, key, &params)
    }
}

#[cfg(test)]
mod tests;
