//! The countdown: where each milestone of a plan stands today, and what to do next
//! (domain.md §5, "Countdown").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::DateRange;

use super::day_count::calendar_days;
use super::{MilestonePlan, PlannedMilestone, ScheduleError, ScheduleErrorKind};

/// Where a milestone stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    /// Marked done.
    Done,
    /// The window opens after today.
    Upcoming,
    /// Today is in the window, before its last day.
    InWindow,
    /// Today is the window's last day.
    DueToday,
    /// The window closed before today and the milestone is not done.
    Overdue,
}

impl MilestoneStatus {
    /// The status of a milestone with `window` today.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::calendar::DateRange;
    /// use secretariat::schedule::MilestoneStatus;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
    /// let rehearsal = DateRange::new(d(20), d(22));
    /// assert_eq!(MilestoneStatus::of(rehearsal, false, d(19)), MilestoneStatus::Upcoming);
    /// assert_eq!(MilestoneStatus::of(rehearsal, false, d(21)), MilestoneStatus::InWindow);
    /// assert_eq!(MilestoneStatus::of(rehearsal, false, d(22)), MilestoneStatus::DueToday);
    /// assert_eq!(MilestoneStatus::of(rehearsal, false, d(23)), MilestoneStatus::Overdue);
    /// assert_eq!(MilestoneStatus::of(rehearsal, true, d(23)), MilestoneStatus::Done);
    /// ```
    pub fn of(window: DateRange, done: bool, today: NaiveDate) -> MilestoneStatus {
        if done {
            MilestoneStatus::Done
        } else if today < window.start {
            MilestoneStatus::Upcoming
        } else if today < window.end {
            MilestoneStatus::InWindow
        } else if today == window.end {
            MilestoneStatus::DueToday
        } else {
            MilestoneStatus::Overdue
        }
    }
}

/// One milestone of a countdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestoneCountdown {
    /// The milestone's id.
    pub id: String,
    /// The milestone's window.
    pub window: DateRange,
    /// Where it stands today.
    pub status: MilestoneStatus,
    /// Calendar days from today to the window's last day; negative once it has passed.
    pub days_remaining: i64,
}

/// Where a plan stands today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Countdown {
    /// The plan's event id.
    pub event_id: String,
    /// The event's date.
    pub event_date: NaiveDate,
    /// The date the countdown is taken on.
    pub today: NaiveDate,
    /// Calendar days from today to the event; negative once it has passed.
    pub days_to_event: i64,
    /// Each milestone, in the plan's order.
    pub milestones: Vec<MilestoneCountdown>,
    /// The id of the next action: the not-done milestone whose window ends first (the
    /// first in the plan's order on a tie); none when every milestone is done.
    pub next_action: Option<String>,
}

impl Countdown {
    /// The milestone named by [`Countdown::next_action`].
    pub fn next(&self) -> Option<&MilestoneCountdown> {
        let id = self.next_action.as_deref()?;
        self.milestones.iter().find(|m| m.id == id)
    }
}

/// A plan and the ids of its milestones that are done: one entry of a batch countdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventProgress {
    /// The plan.
    pub plan: MilestonePlan,
    /// Ids of its milestones marked done.
    #[serde(default)]
    pub done: Vec<String>,
}

/// Where `plan` stands on `today`, with the milestones in `done` marked done.
///
/// # Errors
///
/// `schedule.unknown_milestone` (path `done[i]`) for a done id that is not in the plan;
/// `schedule.approval_pending` (path `done[i]`) for a milestone marked done after one that
/// still waits for its approval (domain.md §5: the welcome party's plan is approved by the
/// advisor "before going on").
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::Diagnostic;
/// use secretariat::schedule::{MilestoneStatus, SchedulePolicy, countdown};
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let plan = SchedulePolicy::default().plan("welcome_party", d(10, 24), None)?;
/// let done = vec!["select_people".to_owned()];
/// let now = countdown(&plan, &done, d(9, 22))?;
/// assert_eq!(now.milestones[0].status, MilestoneStatus::Done);
/// assert_eq!(now.milestones[1].status, MilestoneStatus::Upcoming);
/// assert_eq!(now.next_action.as_deref(), Some("discuss_plan"));
/// assert_eq!(now.next().unwrap().days_remaining, 4); // due on 26 September
/// assert_eq!(now.days_to_event, 32);
///
/// // Pre-production is not done before the plan discussed at four weeks is approved.
/// let ahead = vec!["select_people".to_owned(), "pre_production".to_owned()];
/// let err = countdown(&plan, &ahead, d(9, 30)).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("schedule.approval_pending", "done[1]"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn countdown(
    plan: &MilestonePlan,
    done: &[String],
    today: NaiveDate,
) -> Result<Countdown, ScheduleError> {
    check_done(plan, done)?;
    let is_done = |m: &PlannedMilestone| done.contains(&m.id);
    let milestones = plan
        .milestones
        .iter()
        .map(|m| MilestoneCountdown {
            id: m.id.clone(),
            window: m.window,
            status: MilestoneStatus::of(m.window, is_done(m), today),
            days_remaining: calendar_days(today, m.window.end),
        })
        .collect();
    Ok(Countdown {
        event_id: plan.event_id.clone(),
        event_date: plan.event_date,
        today,
        days_to_event: calendar_days(today, plan.event_date),
        milestones,
        next_action: next_action(plan, done)
            .and_then(|i| plan.milestones.get(i))
            .map(|m| m.id.clone()),
    })
}

/// Refuses a done id that is not a milestone of the plan, and one that comes after a
/// milestone still waiting for its approval (domain.md §5: "advisor approval before going
/// on").
fn check_done(plan: &MilestonePlan, done: &[String]) -> Result<(), ScheduleError> {
    // Plans are short (a handful of milestones): linear scans beat any set here.
    let position = |id: &String| plan.milestones.iter().position(|m| m.id == *id);
    if let Some((i, id)) = done
        .iter()
        .enumerate()
        .find(|(_, id)| position(id).is_none())
    {
        return Err(ScheduleErrorKind::UnknownMilestone { id: id.clone() }.at(format!("done[{i}]")));
    }
    let pending = plan
        .milestones
        .iter()
        .enumerate()
        .find_map(|(at, m)| match m.approval {
            Some(role) if !done.contains(&m.id) => Some((at, m, role)),
            _ => None,
        });
    if let Some((gate_at, gate, role)) = pending
        && let Some((i, id)) = done
            .iter()
            .enumerate()
            .find(|(_, id)| position(id).is_some_and(|at| at > gate_at))
    {
        return Err(ScheduleErrorKind::ApprovalPending {
            id: id.clone(),
            gate: gate.id.clone(),
            role,
        }
        .at(format!("done[{i}]")));
    }
    Ok(())
}

/// The position of the not-done milestone whose window ends first (the first on a tie).
fn next_action(plan: &MilestonePlan, done: &[String]) -> Option<usize> {
    plan.milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| !done.contains(&m.id))
        .min_by_key(|(i, m)| (m.window.end, *i))
        .map(|(i, _)| i)
}

/// Where one event of a batch stands: the compact form of a [`Countdown`], by position in
/// the plan rather than by id, so that a batch of thousands of events stays cheap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountdownSummary {
    /// Calendar days from today to the event; negative once it has passed.
    pub days_to_event: i64,
    /// Each milestone's status; `statuses[i]` is the plan's `milestones[i]`.
    pub statuses: Vec<MilestoneStatus>,
    /// The position in the plan of the next action (as [`Countdown::next_action`]).
    pub next_action: Option<usize>,
    /// Calendar days from today to the end of the next action's window.
    pub next_days_remaining: Option<i64>,
    /// How many milestones are overdue.
    pub overdue: usize,
}

/// The countdowns of many events on the same day, in the order given, in compact form
/// (call [`countdown`] for the details of one).
///
/// # Errors
///
/// The first `schedule.unknown_milestone` or `schedule.approval_pending` (as
/// [`countdown`]), with the path `[i].done[j]`; nothing is returned for the other events
/// then.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::schedule::{EventProgress, MilestoneStatus, SchedulePolicy, countdowns};
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let policy = SchedulePolicy::default();
/// let events = vec![
///     EventProgress { plan: policy.plan("welcome_party", d(10, 24), None)?, done: vec![] },
///     EventProgress { plan: policy.plan("welcome_party", d(11, 28), None)?, done: vec![] },
/// ];
/// let board = countdowns(&events, d(9, 27))?;
/// assert_eq!(board[0].statuses[0], MilestoneStatus::Overdue);
/// assert_eq!(board[0].overdue, 2);
/// assert_eq!(board[1].next_action, Some(0));
/// assert_eq!(board[1].next_days_remaining, Some(27));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn countdowns(
    events: &[EventProgress],
    today: NaiveDate,
) -> Result<Vec<CountdownSummary>, ScheduleError> {
    events
        .iter()
        .enumerate()
        .map(|(i, event)| {
            summary(&event.plan, &event.done, today).map_err(|e| e.within(format!("[{i}]")))
        })
        .collect()
}

fn summary(
    plan: &MilestonePlan,
    done: &[String],
    today: NaiveDate,
) -> Result<CountdownSummary, ScheduleError> {
    check_done(plan, done)?;
    let statuses: Vec<MilestoneStatus> = plan
        .milestones
        .iter()
        .map(|m| MilestoneStatus::of(m.window, done.contains(&m.id), today))
        .collect();
    let next = next_action(plan, done);
    Ok(CountdownSummary {
        days_to_event: calendar_days(today, plan.event_date),
        overdue: statuses
            .iter()
            .filter(|s| **s == MilestoneStatus::Overdue)
            .count(),
        statuses,
        next_action: next,
        next_days_remaining: next
            .and_then(|i| plan.milestones.get(i))
            .map(|m| calendar_days(today, m.window.end)),
    })
}
