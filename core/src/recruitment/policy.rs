//! Recruitment policy: the rulebook's `recruitment` table (quota plan, deadline, team
//! composition rules).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::evaluation::{EvaluationPolicy, MAGNITUDE_LIMIT, PassMark, is_valid_id};
use crate::members::{Role, Skill};
use crate::rule::inconsistent;
use crate::rule::{RuleRef, RulebookError, check_range};

/// A day of the year, e.g. the recruitment deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month; 29 February is not allowed.
    pub day: u32,
}

impl MonthDay {
    /// This day in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// How candidates with equal examination scores are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecruitmentTieBreak {
    /// The earlier registration first, then the smaller candidate id.
    RegisteredOn,
    /// The smaller candidate id first.
    CandidateId,
    /// The candidate listed first first.
    InputOrder,
}

/// A class of places of the quota plan: `count` places for candidates of a year of study
/// and a skill (either may be open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaceClass {
    /// Stable id, e.g. `first_year_computer`.
    pub id: String,
    /// Title shown in reports.
    pub title: String,
    /// How many places.
    pub count: u32,
    /// Whether every place must be filled for the plan to hold (reserve places need not).
    pub required: bool,
    /// Only candidates in this year of study (1 = the new students); absent: any year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_of_study: Option<u32>,
    /// Only candidates with this skill; absent: any skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<Skill>,
}

impl PlaceClass {
    /// Whether a candidate in `year_of_study` with `skills` may take a place of this class.
    pub fn accepts(&self, year_of_study: u32, skills: &[Skill]) -> bool {
        self.year_of_study.is_none_or(|y| y == year_of_study)
            && self.skill.as_ref().is_none_or(|s| skills.contains(s))
    }
}

/// What a team composition rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TeamAttribute {
    /// The year of study in the academic year (1 = first year).
    YearOfStudy,
    /// A skill.
    Skill,
    /// The department.
    Department,
    /// The role (snake_case, e.g. `officer`).
    Role,
}

/// A min/max count of team members whose attribute takes one of `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CompositionRule {
    /// Stable id, e.g. `main_body`.
    pub id: String,
    /// Title shown in reports.
    pub title: String,
    /// What is counted.
    pub attribute: TeamAttribute,
    /// The values counted (years of study are written as text: `"2"`).
    pub values: Vec<String>,
    /// At least this many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// At most this many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// Composition rules of a team (seed 000, Challenge Cup personnel composition).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamRules {
    /// Title.
    pub title: String,
    /// The seed article.
    pub article: String,
    /// Fewest members.
    pub min_size: u32,
    /// Most members.
    pub max_size: u32,
    /// The rules.
    pub rules: Vec<CompositionRule>,
}

/// Rulebook key `recruitment` (seed 000, recruitment and composition of members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecruitmentPolicy {
    /// The seed article.
    pub article: String,
    /// The plan holds only with at least this many places filled.
    pub min_total: u32,
    /// At most this many places are filled.
    pub max_total: u32,
    /// The recruitment is completed before this day of the recruitment year.
    pub deadline: MonthDay,
    /// The evaluation scheme of the public examination.
    pub exam_scheme: String,
    /// Candidates scoring below this are not placed (`"none"`: no pass mark).
    pub min_score: PassMark,
    /// How equal scores are ordered.
    pub tie_break: RecruitmentTieBreak,
    /// The quota plan: classes of places, in the order ties between places are broken.
    pub places: Vec<PlaceClass>,
    /// Team composition rules by id, e.g. `challenge_cup`.
    pub teams: BTreeMap<String, TeamRules>,
}

/// The most places a plan may have: allocation is exact over every combination of filled
/// places, so the plan's size is bounded.
pub const MAX_PLACES: u32 = 32;
/// The most combinations of filled places (the product of `count + 1` over the classes).
pub const MAX_COMBINATIONS: u64 = 4096;

impl RecruitmentPolicy {
    /// The rule behind the allocation.
    pub fn rule(&self) -> RuleRef {
        RuleRef::new("recruitment.places", self.article.clone())
    }

    /// The rule of one place class.
    pub fn place_rule(&self, index: usize) -> RuleRef {
        RuleRef::new(format!("recruitment.places[{index}]"), self.article.clone())
    }

    pub(crate) fn validate(
        &self,
        path: &str,
        evaluation: &EvaluationPolicy,
    ) -> Result<(), RulebookError> {
        let at = |key: &str| crate::diagnostic::join_path(path, key);
        if self.places.is_empty() {
            return Err(inconsistent(at("places"), "places_empty", []));
        }
        let mut total: u32 = 0;
        let mut required: u32 = 0;
        let mut combinations: u64 = 1;
        for (i, p) in self.places.iter().enumerate() {
            let here = at(&format!("places[{i}]"));
            if !is_valid_id(&p.id) {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "id"),
                    "place_id",
                    [],
                ));
            }
            if self.places.iter().take(i).any(|o| o.id == p.id) {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "id"),
                    "place_id_twice",
                    [],
                ));
            }
            check_range(&here, "count", p.count, 1, i64::from(MAX_PLACES))?;
            if let Some(y) = p.year_of_study {
                check_range(&here, "year_of_study", y, 1, 10)?;
            }
            if p.skill.as_ref().is_some_and(|s| s.0.trim().is_empty()) {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "skill"),
                    "skill_empty",
                    [],
                ));
            }
            total = total.saturating_add(p.count);
            if p.required {
                required = required.saturating_add(p.count);
            }
            combinations = combinations.saturating_mul(u64::from(p.count) + 1);
        }
        if total > MAX_PLACES {
            return Err(inconsistent(at("places"), "places_too_many", []));
        }
        if combinations > MAX_COMBINATIONS {
            return Err(inconsistent(at("places"), "places_product", []));
        }
        check_range(path, "max_total", self.max_total, 1, i64::from(total))?;
        check_range(
            path,
            "min_total",
            self.min_total,
            0,
            i64::from(self.max_total),
        )?;
        if required > self.max_total {
            return Err(inconsistent(at("max_total"), "max_total_too_small", []));
        }
        check_range(&at("deadline"), "month", self.deadline.month, 1, 12)?;
        // Checked on a non-leap year: 29 February is refused.
        if self.deadline.in_year(2001).is_none() {
            return Err(inconsistent(at("deadline.day"), "deadline_every_year", []));
        }
        if !evaluation.schemes.contains_key(&self.exam_scheme) {
            return Err(inconsistent(at("exam_scheme"), "exam_scheme_unknown", []));
        }
        if let PassMark::At(m) = self.min_score
            && (m < Decimal::from(-MAGNITUDE_LIMIT) || m > Decimal::from(MAGNITUDE_LIMIT))
        {
            return Err(inconsistent(at("min_score"), "pass_mark_range", []));
        }
        for (id, team) in &self.teams {
            team.validate(&at(&format!("teams.{id}")), id)?;
        }
        Ok(())
    }
}

impl TeamRules {
    fn validate(&self, path: &str, id: &str) -> Result<(), RulebookError> {
        let at = |key: &str| crate::diagnostic::join_path(path, key);
        if !is_valid_id(id) {
            return Err(inconsistent(path.to_owned(), "team_rules_id", []));
        }
        check_range(path, "max_size", self.max_size, 1, 1000)?;
        check_range(path, "min_size", self.min_size, 0, i64::from(self.max_size))?;
        for (i, r) in self.rules.iter().enumerate() {
            let here = at(&format!("rules[{i}]"));
            if !is_valid_id(&r.id) || self.rules.iter().take(i).any(|o| o.id == r.id) {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "id"),
                    "rule_id",
                    [],
                ));
            }
            if r.values.is_empty() {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "values"),
                    "rule_values_empty",
                    [],
                ));
            }
            if let (Some(min), Some(max)) = (r.min, r.max)
                && min > max
            {
                return Err(inconsistent(
                    crate::diagnostic::join_path(&here, "min"),
                    "min_above_max",
                    [],
                ));
            }
            for (j, v) in r.values.iter().enumerate() {
                let ok = match r.attribute {
                    TeamAttribute::YearOfStudy => {
                        v.parse::<u32>().is_ok_and(|y| (1..=10).contains(&y))
                    }
                    TeamAttribute::Role => {
                        serde_json::from_value::<Role>(serde_json::Value::String(v.clone())).is_ok()
                    }
                    TeamAttribute::Skill | TeamAttribute::Department => !v.trim().is_empty(),
                };
                if !ok {
                    return Err(inconsistent(
                        crate::diagnostic::join_path(&here, &format!("values[{j}]")),
                        "attribute_value",
                        [],
                    ));
                }
            }
        }
        Ok(())
    }
}
