//! Team composition (seed 000, Challenge Cup personnel composition).

use serde::{Deserialize, Serialize};

use crate::members::{Member, MemberId, Roster};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

use super::{RecruitmentError, RecruitmentErrorKind, TeamAttribute, year_of_study};

/// How many team members one rule counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleCount {
    /// The rule: its key and article.
    pub rule: RuleRef,
    /// The rule's id (`size` for the team size).
    pub id: String,
    /// Members counted.
    pub count: u32,
    /// The rule's minimum.
    pub min: Option<u32>,
    /// The rule's maximum.
    pub max: Option<u32>,
    /// The members counted.
    pub members: Vec<MemberId>,
}

/// A rule the team breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompositionViolation {
    /// The count that breaks it.
    pub count: RuleCount,
    /// How many members too few (positive) or too many (negative).
    pub short_by: i64,
}

/// The result of [`check_team`]: every rule's count, and every rule broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamCheck {
    /// The rules' id, e.g. `challenge_cup`.
    pub rules: String,
    /// The academic year the years of study are counted in.
    pub year: i32,
    /// Team size first, then each rule in the rulebook's order.
    pub counts: Vec<RuleCount>,
    /// Every rule broken, in the same order; empty when the team is valid.
    pub violations: Vec<CompositionViolation>,
}

impl TeamCheck {
    /// Whether the team breaks no rule.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

fn counted(attribute: TeamAttribute, values: &[String], m: &Member, year: i32) -> bool {
    match attribute {
        TeamAttribute::YearOfStudy => year_of_study(m.grade, year).is_some_and(|y| {
            values
                .iter()
                .any(|v| v.parse::<u32>().is_ok_and(|x| x == y))
        }),
        TeamAttribute::Skill => m.skills.iter().any(|s| values.contains(&s.0)),
        TeamAttribute::Department => values.contains(&m.department.0),
        TeamAttribute::Role => values.iter().any(|v| v == m.role.key()),
    }
}

/// Checks a team against the rulebook's composition rules `rules_id` (e.g.
/// `challenge_cup`), counting years of study in the academic year `year` (2002 for the
/// seed's "02 / 01 / 00 / 99"). Returns every rule broken, not only the first.
///
/// # Errors
///
/// `recruitment.unknown_team_rules` at `rules`; `recruitment.duplicate_team_member` or
/// `recruitment.grade_after_year` at `team[i]...`.
///
/// # Example
///
/// ```
/// use secretariat::recruitment::check_team;
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let data = TermData::sample();
/// let rb = Rulebook::default();
/// // Three second-years and a first-year: grade 01 is the main body, 02 joins.
/// let team: Vec<_> = data.members.iter()
///     .filter(|m| ["2001002", "2001004", "2001005", "2002011"].contains(&m.id.as_str()))
///     .cloned().collect();
/// assert!(check_team(&rb, "challenge_cup", &team, 2002)?.is_valid());
///
/// // Without a first-year, the reserve-training rule is broken.
/// let check = check_team(&rb, "challenge_cup", &team[..3], 2002)?;
/// assert_eq!(check.violations[0].count.id, "reserve_training");
///
/// let err = check_team(&rb, "chess", &team, 2002).unwrap_err();
/// assert_eq!(err.code(), "recruitment.unknown_team_rules");
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn check_team(
    rulebook: &Rulebook,
    rules_id: &str,
    team: &[Member],
    year: i32,
) -> Result<TeamCheck, RecruitmentError> {
    let rules = rulebook.recruitment.teams.get(rules_id).ok_or_else(|| {
        RecruitmentErrorKind::UnknownTeamRules {
            id: rules_id.to_owned(),
        }
        .at("rules")
    })?;
    for (i, m) in team.iter().enumerate() {
        if team.iter().take(i).any(|o| o.id == m.id) {
            return Err(
                RecruitmentErrorKind::DuplicateTeamMember { id: m.id.0.clone() }
                    .at(format!("team[{i}]")),
            );
        }
        if year_of_study(m.grade, year).is_none() {
            return Err(RecruitmentErrorKind::GradeAfterYear {
                grade: m.grade.year(),
                year,
            }
            .at(format!("team[{i}].grade")));
        }
    }
    let key = format!("recruitment.teams.{rules_id}");
    let size = u32::try_from(team.len()).unwrap_or(u32::MAX);
    let mut counts = vec![RuleCount {
        rule: RuleRef::new(format!("{key}.min_size"), rules.article.clone()),
        id: "size".into(),
        count: size,
        min: Some(rules.min_size),
        max: Some(rules.max_size),
        members: team.iter().map(|m| m.id.clone()).collect(),
    }];
    for (i, r) in rules.rules.iter().enumerate() {
        let members: Vec<MemberId> = team
            .iter()
            .filter(|m| counted(r.attribute, &r.values, m, year))
            .map(|m| m.id.clone())
            .collect();
        counts.push(RuleCount {
            rule: RuleRef::new(format!("{key}.rules[{i}]"), rules.article.clone()),
            id: r.id.clone(),
            count: members.len() as u32,
            min: r.min,
            max: r.max,
            members,
        });
    }
    let violations = counts
        .iter()
        .filter_map(|c| {
            let short_by = if c.min.is_some_and(|min| c.count < min) {
                i64::from(c.min.unwrap_or(0)) - i64::from(c.count)
            } else if c.max.is_some_and(|max| c.count > max) {
                i64::from(c.max.unwrap_or(0)) - i64::from(c.count)
            } else {
                return None;
            };
            Some(CompositionViolation {
                count: c.clone(),
                short_by,
            })
        })
        .collect();
    Ok(TeamCheck {
        rules: rules_id.to_owned(),
        year,
        counts,
        violations,
    })
}

/// [`check_team`] for members given by id, looked up in `roster`.
///
/// # Errors
///
/// `member.unknown` at `team[i]`; otherwise as [`check_team`].
///
/// # Example
///
/// ```
/// use secretariat::recruitment::check_team_ids;
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let roster = TermData::sample().roster()?;
/// let ids = ["2001002".into(), "2001004".into(), "nobody".into()];
/// let err = check_team_ids(&Rulebook::default(), "challenge_cup", &roster, &ids, 2002).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("member.unknown", "team[2]"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn check_team_ids(
    rulebook: &Rulebook,
    rules_id: &str,
    roster: &Roster,
    team: &[MemberId],
    year: i32,
) -> crate::Result<TeamCheck> {
    let members = team
        .iter()
        .enumerate()
        .map(|(i, id)| roster.require(id, &format!("team[{i}]")).cloned())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(check_team(rulebook, rules_id, &members, year)?)
}
