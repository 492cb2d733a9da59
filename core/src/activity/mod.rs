//! Activity lifecycle (domain.md §6; seed 000, discipline §6: "There is a plan before the
//! activity and a summary after the activity, which are all completed by the project leader.
//! The project must be approved by the relevant departments before it can be implemented.")
//!
//! - A **plan** ([`ActivityPlan`]) carries the purpose, the dates, the participants, the
//!   budget (a line of the rulebook's `budget`), the feasibility analysis, and the risks with
//!   their countermeasures. [`validate_plan`] returns *every* problem at once, with the
//!   budget checked against its line and the remaining annual cap and the submission date
//!   against the lead-time rules of [`crate::schedule`]: what a browser form calls.
//! - An **activity book** ([`ActivityBook`]) holds the activities and moves them through
//!   their states: draft → submitted → approved → in progress → completed → summarized, or
//!   rejected, or cancelled. Every step is guarded ([`ActivityBook::apply`]): only the
//!   project leader submits, starts, completes and files the summary; only a role of the
//!   authority table's `approve_plan` approves or rejects, never the leader themself; an
//!   activity cannot start unapproved. Approving reserves the plan's budget in the
//!   [`BudgetLedger`](crate::budget::BudgetLedger), filing the summary (or cancelling)
//!   releases what was not spent.
//! - The summary is due within the rulebook's `activity.summary_due_days` after the
//!   activity is completed, and reported overdue after that ([`ActivityBook::report`]).
//! - [`ActivityYearData`] replays a year of plans, steps and expenses (the bundled sample:
//!   seed 000's three activities in 2002-2003) into a book and a ledger.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

mod book;
mod error;
mod policy;
mod report;
#[cfg(test)]
mod tests;
mod validate;
mod year;

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use book::{ActivityBook, StepOutcome};
pub use error::{ActivityError, ActivityErrorKind, ActivityWarning};
pub use policy::{ActivityPolicy, LeadTimeAnchor};
pub use report::{ActivityReport, ActivityRow, NextStep};
pub(crate) use validate::findings as plan_findings;
pub use validate::{PlanBudget, PlanValidation, check_plan, validate_plan};
pub use year::{ActivityYear, ActivityYearData, PlanDraft, YearOperation};

pub use crate::ids::ActivityId;

use crate::diagnostic::Locale;
use crate::members::{Department, MemberId, Role};

/// Refuses an id that is not valid by the rule every id of the rulebook and its data
/// follows ([`crate::ids::is_valid_id`]: 1 to 64 ASCII letters, digits, `_`, `-`).
pub(crate) fn check_activity_id(id: &ActivityId, path: &str) -> Result<(), ActivityError> {
    if crate::ids::is_valid_id(&id.0) {
        Ok(())
    } else {
        Err(ActivityErrorKind::InvalidId { id: id.clone() }.at(path))
    }
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityState {
    /// Being written by the project leader.
    Draft,
    /// Submitted for approval.
    Submitted,
    /// Approved: its budget is reserved; it may start.
    Approved,
    /// Under way.
    InProgress,
    /// Over; the summary is due.
    Completed,
    /// The summary is filed; the budget is settled.
    Summarized,
    /// Refused by an approver.
    Rejected,
    /// Called off.
    Cancelled,
}

impl ActivityState {
    /// The state's snake_case key.
    pub fn key(self) -> &'static str {
        match self {
            ActivityState::Draft => "draft",
            ActivityState::Submitted => "submitted",
            ActivityState::Approved => "approved",
            ActivityState::InProgress => "in_progress",
            ActivityState::Completed => "completed",
            ActivityState::Summarized => "summarized",
            ActivityState::Rejected => "rejected",
            ActivityState::Cancelled => "cancelled",
        }
    }

    /// The state's name in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        let key = match self {
            ActivityState::Draft => "activity.state.draft",
            ActivityState::Submitted => "activity.state.submitted",
            ActivityState::Approved => "activity.state.approved",
            ActivityState::InProgress => "activity.state.in_progress",
            ActivityState::Completed => "activity.state.completed",
            ActivityState::Summarized => "activity.state.summarized",
            ActivityState::Rejected => "activity.state.rejected",
            ActivityState::Cancelled => "activity.state.cancelled",
        };
        crate::catalog::label(locale, key)
    }

    /// Whether nothing more can happen to the activity.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ActivityState::Summarized | ActivityState::Rejected | ActivityState::Cancelled
        )
    }
}

impl fmt::Display for ActivityState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A step of the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    /// Draft → submitted, by the project leader; the plan must pass [`check_plan`].
    Submit,
    /// Submitted → approved, by a role of `approve_plan`; reserves the budget.
    Approve,
    /// Submitted → rejected, by a role of `approve_plan`, with a reason.
    Reject,
    /// Approved → in progress, by the project leader.
    Start,
    /// In progress → completed, by the project leader.
    Complete,
    /// Completed → summarized, by the project leader, with the summary; settles the budget.
    Summarize,
    /// Draft, submitted, approved or in progress → cancelled, by the project leader or a
    /// role of `approve_plan`, with a reason; releases a reserved budget.
    Cancel,
}

impl StepAction {
    /// The step's snake_case key.
    pub fn key(self) -> &'static str {
        match self {
            StepAction::Submit => "submit",
            StepAction::Approve => "approve",
            StepAction::Reject => "reject",
            StepAction::Start => "start",
            StepAction::Complete => "complete",
            StepAction::Summarize => "summarize",
            StepAction::Cancel => "cancel",
        }
    }
}

impl fmt::Display for StepAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A risk and what the plan does about it (seed 000: "prepare two projectors in case of
/// emergency").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// What may go wrong.
    pub risk: String,
    /// What the plan does about it.
    pub countermeasure: String,
}

/// An activity plan (seed 000, plan I: "preliminary plan, budget, feasibility analysis,
/// risks and countermeasures").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityPlan {
    /// Unique id: ASCII letters, digits, `_` and `-`.
    pub id: ActivityId,
    /// Title.
    pub title: String,
    /// The budget line of the rulebook, e.g. `challenge_cup`.
    pub line: String,
    /// The organizing department: its head may approve.
    pub department: Department,
    /// The project leader, who writes the plan and the summary.
    pub project_leader: MemberId,
    /// What the activity is for.
    pub purpose: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Who takes part (people, departments, groups).
    pub participants: Vec<String>,
    /// The budget asked for, in yuan (0.00 when no special funds are needed).
    #[serde(deserialize_with = "crate::input::exact::decimal")]
    pub budget: Decimal,
    /// The feasibility analysis.
    #[serde(default)]
    pub feasibility: String,
    /// Risks and countermeasures.
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// The day the notice calling for the plan was received, if one was: the anchor of
    /// lead-time rules such as "the plan within 3~4 days after the notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_received: Option<NaiveDate>,
}

/// A step taken on an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityStep {
    /// The activity.
    pub activity: ActivityId,
    /// The step.
    pub action: StepAction,
    /// Who takes it.
    pub by: MemberId,
    /// The day it is taken.
    pub on: NaiveDate,
    /// The reason (reject, cancel) or the summary (summarize); optional otherwise.
    #[serde(default)]
    pub note: String,
}

/// A step in an activity's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionRecord {
    /// The step.
    pub action: StepAction,
    /// The state before.
    pub from: ActivityState,
    /// The state after.
    pub to: ActivityState,
    /// The day.
    pub on: NaiveDate,
    /// Who took it.
    pub by: MemberId,
    /// The role under which it was approved, rejected or cancelled by someone other than
    /// the project leader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_as: Option<Role>,
    /// The reason or the summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An activity: its plan, its state and how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The plan.
    pub plan: ActivityPlan,
    /// The current state.
    pub state: ActivityState,
    /// The day the draft was written.
    pub drafted_on: NaiveDate,
    /// Every step taken, in order.
    #[serde(default)]
    pub history: Vec<TransitionRecord>,
}

impl Activity {
    /// The activity's id.
    pub fn id(&self) -> &ActivityId {
        &self.plan.id
    }

    /// The day of the last step (the draft's day when none was taken).
    pub fn since(&self) -> NaiveDate {
        self.history.last().map_or(self.drafted_on, |r| r.on)
    }

    /// The day it was completed, if it was.
    pub fn completed_on(&self) -> Option<NaiveDate> {
        self.history
            .iter()
            .find(|r| r.action == StepAction::Complete)
            .map(|r| r.on)
    }

    /// The summary, once filed.
    pub fn summary(&self) -> Option<&str> {
        self.history
            .iter()
            .find(|r| r.action == StepAction::Summarize)
            .map(|r| r.note.as_str())
    }

    /// The day the summary is due: `summary_due_days` after completion.
    pub fn summary_due(&self, policy: &ActivityPolicy) -> Option<NaiveDate> {
        self.completed_on().and_then(|done| {
            done.checked_add_days(chrono::Days::new(u64::from(policy.summary_due_days)))
        })
    }
}
