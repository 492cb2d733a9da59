//! Activity policy: the rulebook's `activity` table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::join_path;
use crate::rule::{RuleRef, RulebookError, RulebookErrorKind, check_range};
use crate::schedule::SchedulePolicy;

/// Which date of a plan a lead-time rule counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeadTimeAnchor {
    /// The day the notice calling for the plan was received (`notice_received`); the rule
    /// does not apply to a plan without one.
    Notice,
    /// The activity's first day (`start`).
    Start,
}

impl LeadTimeAnchor {
    /// The plan field holding the anchor date.
    pub fn field(self) -> &'static str {
        match self {
            LeadTimeAnchor::Notice => "notice_received",
            LeadTimeAnchor::Start => "start",
        }
    }
}

/// Rulebook key `activity` (seed 000, discipline §6 and the plan's "budget, feasibility
/// analysis, risks and countermeasures").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityPolicy {
    /// Calendar days after an activity is completed within which its summary is due.
    pub summary_due_days: u32,
    /// A plan must carry a feasibility analysis.
    pub require_feasibility: bool,
    /// A plan must name at least one risk (each with a countermeasure).
    pub require_risks: bool,
    /// Lead-time rules of `schedule.lead_times` a plan's submission day is judged by, each
    /// with the plan date it counts from.
    #[serde(default)]
    pub submission_lead_times: BTreeMap<String, LeadTimeAnchor>,
}

impl ActivityPolicy {
    /// The rule behind the summary's due day.
    pub fn summary_rule() -> RuleRef {
        RuleRef::new("activity.summary_due_days", "seed 000, discipline §6")
    }

    /// Checks the ranges of the policy's values and that every lead-time rule it names is
    /// in `schedule`: `rulebook.out_of_range` (`activity.summary_due_days`) or
    /// `rulebook.inconsistent` (`activity.submission_lead_times.<id>`).
    pub(crate) fn validate(
        &self,
        path: &str,
        schedule: &SchedulePolicy,
    ) -> Result<(), RulebookError> {
        check_range(path, "summary_due_days", self.summary_due_days, 0, 366)?;
        let lead_times = join_path(path, "submission_lead_times");
        for id in self.submission_lead_times.keys() {
            if !schedule.lead_times.contains_key(id) {
                return Err(RulebookErrorKind::inconsistent(
                    "not_a_lead_time",
                    [("id", id.to_string())],
                )
                .at(join_path(&lead_times, id)));
            }
        }
        Ok(())
    }
}
