//! Rulebook key `discipline`: a school's discipline rules as data (domain.md, "How schools
//! differ"). Every piece names what it reads, and validation refuses a reference to a piece
//! that does not exist, with the key's path.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::attendance::{EventKind, StandingStatus};
use crate::diagnostic::join_path;
use crate::rule::inconsistent;
use crate::rule::{RulebookError, check_range};

/// The part of a mark an offence rule reads. A `late_and_left_early` mark has two parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MarkPart {
    /// Present for the whole event (for bonuses).
    Present,
    /// Arrived late.
    Late,
    /// Left early.
    LeftEarly,
    /// Absent without approved leave.
    Absent,
    /// Absent with approved leave (an `excused` mark, or `absent` covered by a grant).
    Excused,
}

/// How a late arrival and an early leave at one event count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BothAtOneEvent {
    /// Two offences: the late arrival and the early leave (the seed's reading).
    #[default]
    Twice,
    /// One offence: the late arrival only.
    Once,
}

/// The dates a counter or the points run over, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DisciplineWindow {
    /// The whole term of office.
    Term,
    /// The semester that contains the day.
    Semester,
    /// The academic year that contains the day (it starts on the first day of
    /// `discipline.academic_year_start_month`).
    AcademicYear,
    /// The last N days, the day included.
    RollingDays(u32),
    /// The last N months: from the day after the same date N months back, to the day.
    RollingMonths(u32),
    /// The worst run of N consecutive calendar months of the term, up to the day.
    ConsecutiveMonths(u32),
}

/// One offence rule: which mark part, at which event kinds, and (for late and left early)
/// beyond how many minutes, makes which offence. Rules are tried in order and the first
/// that matches gives the offence; a part no rule matches is no offence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OffenceRule {
    /// The offence it makes, e.g. `late`, `absence`, `missed_duty`.
    pub offence: String,
    /// The mark part it reads.
    pub mark: MarkPart,
    /// The event kinds it applies to; empty for every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_kinds: Vec<EventKind>,
    /// Late or left early by strictly more than this many minutes (after the start, before
    /// the end). Roll call taken N minutes after the start is `over_minutes = N`. A mark
    /// given directly, without times, is late or early by an unknown amount and matches
    /// no rule with `over_minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_minutes: Option<u32>,
    /// The school's article, e.g. "bylaws art. 12".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
}

/// N of one offence count as one of another ("3 lates = 1 absence").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// The offence converted.
    pub from: String,
    /// How many of it make one.
    pub every: u32,
    /// The offence they make.
    pub to: String,
    /// The converted offences stop counting as `from` (default); `false` keeps them too.
    #[serde(default = "yes")]
    pub consume: bool,
    /// The school's article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
}

fn yes() -> bool {
    true
}

/// A counter: how many of some offences fall in its window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CounterRule {
    /// The offences it counts (after conversions).
    pub offences: Vec<String>,
    /// Its window.
    pub window: DisciplineWindow,
    /// The school's article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
}

/// Points: a base per window, deductions per offence, bonuses, a floor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PointsRule {
    /// The score at the start of each window.
    pub base: i32,
    /// The window.
    pub window: DisciplineWindow,
    /// Points deducted per offence, by offence.
    #[serde(default)]
    pub deduct: BTreeMap<String, u32>,
    /// Points deducted instead when a make-up leave (补假) was filed in time for the record.
    /// The hook for make-up leave: today's term data has no make-up leave, so these never
    /// apply yet; they are validated and kept for when it does.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deduct_with_makeup_leave: BTreeMap<String, u32>,
    /// Points added per offence kind (an offence rule on `present` makes an attendance
    /// credit, e.g. `attended`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub add: BTreeMap<String, u32>,
    /// The most `add` gives in one window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bonus: Option<u32>,
    /// The score never falls below this.
    pub floor: i32,
    /// The school's article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
}

/// What sets a sanction off: a counter reaching a count, or the points falling to a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// The counter read (with `at_least`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<String>,
    /// The count that sets it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u32>,
    /// Points at or below this set it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_at_most: Option<i32>,
}

/// One rung of the sanction ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// Stable id, e.g. `notice_of_criticism`.
    pub id: String,
    /// Display name per locale (`en` required; `zh-Hans`, `zh-Hant`...).
    pub name: BTreeMap<String, String>,
    /// The standing status it gives: `good` (a note only), `warning` or `expelled`.
    pub status: StandingStatus,
    /// It applies when any of these holds.
    pub when: Vec<Trigger>,
    /// Once set off, it stays after its window until a recorded decision lifts it.
    #[serde(default)]
    pub persists: bool,
    /// The decisions that lift it (e.g. `reinstatement_vote`, `revocation`); any decision
    /// naming this sanction when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifted_by: Vec<String>,
    /// The school's article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
}

/// Rulebook key `discipline`: offences, conversions, counters, points and the sanction
/// ladder. When a rulebook has none, the seed's rule is read from `attendance`
/// ([`crate::discipline::seed_policy`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DisciplinePolicy {
    /// The school's bylaws, cited by every rule without an article of its own.
    pub article: String,
    /// How a late arrival and an early leave at one event count.
    #[serde(default)]
    pub both_at_one_event: BothAtOneEvent,
    /// The month (1-12) the academic year starts in.
    #[serde(default = "september")]
    pub academic_year_start_month: u32,
    /// Offence rules, tried in order.
    pub offences: Vec<OffenceRule>,
    /// Conversions, applied in order inside each window.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conversions: Vec<Conversion>,
    /// Counters by id.
    #[serde(default)]
    pub counters: BTreeMap<String, CounterRule>,
    /// Points, if the school keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsRule>,
    /// The sanction ladder, lowest first: the highest rung set off is the member's sanction.
    pub sanctions: Vec<Sanction>,
}

fn september() -> u32 {
    9
}

fn check_id(path: &str, id: &str) -> Result<(), RulebookError> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(inconsistent(path.to_owned(), "snake_id", []))
    }
}

impl DisciplineWindow {
    fn validate(self, path: &str) -> Result<(), RulebookError> {
        match self {
            DisciplineWindow::RollingDays(n) => check_range(path, "rolling_days", n, 1, 3660),
            DisciplineWindow::RollingMonths(n) => check_range(path, "rolling_months", n, 1, 120),
            DisciplineWindow::ConsecutiveMonths(n) => {
                check_range(path, "consecutive_months", n, 1, 120)
            }
            DisciplineWindow::Term
            | DisciplineWindow::Semester
            | DisciplineWindow::AcademicYear => Ok(()),
        }
    }
}

impl DisciplinePolicy {
    /// Every offence id a rule or a conversion can make.
    pub fn offence_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.offences.iter().map(|r| r.offence.as_str()).collect();
        ids.extend(self.conversions.iter().map(|c| c.to.as_str()));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Checks ranges, ids, and that every reference names something that exists.
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the key's path.
    pub fn validate(&self, path: &str) -> Result<(), RulebookError> {
        check_range(
            path,
            "academic_year_start_month",
            self.academic_year_start_month,
            1,
            12,
        )?;
        let known = self.offence_ids();
        let known_offence = |p: String, id: &str| -> Result<(), RulebookError> {
            if known.contains(&id) {
                Ok(())
            } else {
                Err(inconsistent(p, "unknown_offence", [("id", id.to_string())]))
            }
        };
        for (i, rule) in self.offences.iter().enumerate() {
            let p = join_path(path, &format!("offences[{i}]"));
            check_id(&join_path(&p, "offence"), &rule.offence)?;
            if let Some(minutes) = rule.over_minutes {
                if !matches!(rule.mark, MarkPart::Late | MarkPart::LeftEarly) {
                    return Err(inconsistent(
                        join_path(&p, "over_minutes"),
                        "over_minutes_late_only",
                        [],
                    ));
                }
                check_range(&p, "over_minutes", minutes, 0, 240)?;
            }
        }
        for (i, c) in self.conversions.iter().enumerate() {
            let p = join_path(path, &format!("conversions[{i}]"));
            known_offence(join_path(&p, "from"), &c.from)?;
            check_id(&join_path(&p, "to"), &c.to)?;
            check_range(&p, "every", c.every, 1, 100)?;
            if c.from == c.to {
                return Err(inconsistent(
                    join_path(&p, "to"),
                    "conversion_same_offence",
                    [],
                ));
            }
        }
        for (id, counter) in &self.counters {
            let p = join_path(path, &format!("counters.{id}"));
            check_id(&p, id)?;
            if counter.offences.is_empty() {
                return Err(inconsistent(join_path(&p, "offences"), "counter_empty", []));
            }
            for (j, o) in counter.offences.iter().enumerate() {
                known_offence(join_path(&p, &format!("offences[{j}]")), o)?;
            }
            counter.window.validate(&join_path(&p, "window"))?;
        }
        if let Some(points) = &self.points {
            let p = join_path(path, "points");
            check_range(&p, "base", points.base, -10_000, 10_000)?;
            check_range(&p, "floor", points.floor, -10_000, 10_000)?;
            points.window.validate(&join_path(&p, "window"))?;
            for (table, map) in [
                ("deduct", &points.deduct),
                ("deduct_with_makeup_leave", &points.deduct_with_makeup_leave),
                ("add", &points.add),
            ] {
                for (o, n) in map {
                    let tp = join_path(&p, table);
                    known_offence(join_path(&tp, o), o)?;
                    check_range(&tp, o, *n, 0, 10_000)?;
                }
            }
        }
        if self.sanctions.is_empty() {
            return Err(inconsistent(
                join_path(path, "sanctions"),
                "ladder_empty",
                [],
            ));
        }
        for (i, s) in self.sanctions.iter().enumerate() {
            let p = join_path(path, &format!("sanctions[{i}]"));
            check_id(&join_path(&p, "id"), &s.id)?;
            if self.sanctions.iter().take(i).any(|o| o.id == s.id) {
                return Err(inconsistent(
                    join_path(&p, "id"),
                    "sanction_twice",
                    [("sanction", s.id.to_string())],
                ));
            }
            if s.name.get("en").is_none_or(|n| n.trim().is_empty()) {
                return Err(inconsistent(join_path(&p, "name"), "sanction_needs_en", []));
            }
            if s.when.is_empty() {
                return Err(inconsistent(
                    join_path(&p, "when"),
                    "sanction_needs_trigger",
                    [],
                ));
            }
            for (j, t) in s.when.iter().enumerate() {
                self.validate_trigger(&join_path(&p, &format!("when[{j}]")), t)?;
            }
        }
        Ok(())
    }

    fn validate_trigger(&self, p: &str, t: &Trigger) -> Result<(), RulebookError> {
        match (&t.counter, t.at_least, t.points_at_most) {
            (Some(counter), Some(n), None) => {
                if !self.counters.contains_key(counter) {
                    return Err(inconsistent(
                        join_path(p, "counter"),
                        "unknown_counter",
                        [("counter", counter.to_string())],
                    ));
                }
                check_range(p, "at_least", n, 1, 1000)
            }
            (None, None, Some(_)) if self.points.is_none() => Err(inconsistent(
                join_path(p, "points_at_most"),
                "points_trigger_needs_points",
                [],
            )),
            (None, None, Some(n)) => check_range(p, "points_at_most", n, -10_000, 10_000),
            _ => Err(inconsistent(p.to_owned(), "trigger_shape", [])),
        }
    }
}
