//! Milestone templates: the steps of an activity, planned backward from its date
//! (seed 000, plan I.4, the welcome-party table).

use serde::{Deserialize, Serialize};

use crate::diagnostic::join_path;
use crate::members::Role;
use crate::rule::inconsistent;
use crate::rule::{RulebookError, RulebookErrorKind};

use super::{invalid_id, is_valid_id};

/// The largest offset, in days before (or after) an event, a milestone may have.
pub const MAX_OFFSET_DAYS: i32 = 3660;

/// The steps of an activity, planned backward from its date (rulebook key
/// `schedule.templates.<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestoneTemplate {
    /// The activity's name, e.g. "Welcome party".
    pub title: String,
    /// The article of the source documents the template implements, e.g.
    /// `seed 000, plan I.4 welcome-party table`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
    /// The milestones, in the order of their windows' first days.
    pub milestones: Vec<TemplateMilestone>,
}

/// One step of a template: what is done, by whom, and in which window of days before the
/// event.
///
/// Offsets count days in the rulebook's `schedule.day_count`: calendar days by default,
/// working days on a school calendar. A negative offset is a day after the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TemplateMilestone {
    /// Stable id, unique in the template: letters, digits, `_` or `-`.
    pub id: String,
    /// What is done.
    pub title: String,
    /// Who takes part (free text: departments, roles, people).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// The seed's comment on the step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The window opens this many days before the event.
    pub earliest_days_before: i32,
    /// The window closes this many days before the event (at most `earliest_days_before`).
    pub latest_days_before: i32,
    /// A role that must approve the step's result before the work goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Role>,
}

impl MilestoneTemplate {
    /// Checks the template: a title, at least one milestone, valid unique ids, offsets in
    /// range, each window opening no later than it closes, and the windows in order of
    /// their first days.
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the path of the value, e.g.
    /// `schedule.templates.welcome_party.milestones[5].earliest_days_before`.
    pub fn validate(&self, path: &str) -> Result<(), RulebookError> {
        if self.title.trim().is_empty() {
            return Err(inconsistent(join_path(path, "title"), "title_empty", []));
        }
        if self.milestones.is_empty() {
            return Err(inconsistent(
                join_path(path, "milestones"),
                "template_no_milestone",
                [],
            ));
        }
        // Paths are built only on failure: plans validate their template on every call.
        let at = |i: usize, key: &str| join_path(path, &format!("milestones[{i}].{key}"));
        let (min, max) = (-i64::from(MAX_OFFSET_DAYS), i64::from(MAX_OFFSET_DAYS));
        let mut previous_earliest: Option<i32> = None;
        for (i, milestone) in self.milestones.iter().enumerate() {
            if !is_valid_id(&milestone.id) {
                return Err(invalid_id(at(i, "id"), &milestone.id));
            }
            if self.milestones.iter().take(i).any(|m| m.id == milestone.id) {
                return Err(inconsistent(
                    at(i, "id"),
                    "milestone_id_twice",
                    [("id", milestone.id.to_string())],
                ));
            }
            if milestone.title.trim().is_empty() {
                return Err(inconsistent(at(i, "title"), "title_empty", []));
            }
            for (key, value) in [
                ("earliest_days_before", milestone.earliest_days_before),
                ("latest_days_before", milestone.latest_days_before),
            ] {
                if !(min..=max).contains(&i64::from(value)) {
                    return Err(RulebookErrorKind::OutOfRange {
                        value: i64::from(value),
                        min,
                        max,
                    }
                    .at(at(i, key)));
                }
            }
            if milestone.earliest_days_before < milestone.latest_days_before {
                return Err(inconsistent(
                    at(i, "earliest_days_before"),
                    "milestone_window_order",
                    [
                        ("earliest", milestone.earliest_days_before.to_string()),
                        ("latest", milestone.latest_days_before.to_string()),
                    ],
                ));
            }
            if let Some(previous) = previous_earliest
                && milestone.earliest_days_before > previous
            {
                return Err(inconsistent(
                    at(i, "earliest_days_before"),
                    "milestones_in_order",
                    [
                        ("earliest", milestone.earliest_days_before.to_string()),
                        ("previous", previous.to_string()),
                    ],
                ));
            }
            previous_earliest = Some(milestone.earliest_days_before);
        }
        Ok(())
    }
}
