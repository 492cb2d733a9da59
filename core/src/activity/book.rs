//! The activity book: activities and the guarded steps of their lifecycle.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::authority::{Action, Scope, authorize};
use crate::budget::{BudgetLedger, FieldNames, Posting, Reservation, Settlement};
use crate::calendar::SchoolCalendar;
use crate::members::{Member, Role, Roster};
use crate::rulebook::Rulebook;

use super::{
    Activity, ActivityError, ActivityErrorKind, ActivityId, ActivityPlan, ActivityPolicy,
    ActivityState, ActivityStep, ActivityWarning, StepAction, TransitionRecord, check_activity_id,
    check_plan,
};

/// How a step's fields are named when its money moves in the ledger: the budget comes from
/// the activity's plan, the approver is the step's `by`, the day its `on`.
const STEP_FIELDS: FieldNames = FieldNames {
    amount: "activity",
    date: "on",
    approver: "by",
    activity: "activity",
    line: "activity",
};

/// What an accepted step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StepOutcome {
    /// The activity.
    pub activity: ActivityId,
    /// The step, as recorded in its history.
    pub record: TransitionRecord,
    /// What the ledger posted: the reservation on approval, the settlement on summary or
    /// cancellation.
    pub posting: Option<Posting>,
    /// Warnings, e.g. a summary filed late.
    pub warnings: Vec<ActivityWarning>,
}

/// The activities of a year, each with its plan, state and history. A state object: a
/// refused step changes nothing, here or in the ledger.
///
/// Serialised as the list of its activities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityBook {
    activities: Vec<Activity>,
}

impl ActivityBook {
    /// An empty book.
    pub fn new() -> ActivityBook {
        ActivityBook::default()
    }

    /// Every activity, in the order drafted.
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    /// The activity with this id.
    pub fn get(&self, id: &ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id() == id)
    }

    fn position(&self, id: &ActivityId) -> Option<usize> {
        self.activities.iter().position(|a| a.id() == id)
    }

    /// Adds a plan as a draft, written on `on`. Its content is checked when it is
    /// submitted (see [`super::validate_plan`]), not here: a draft may be incomplete.
    ///
    /// # Errors
    ///
    /// `activity.invalid_id` or `activity.duplicate` (path `id`).
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::activity::{ActivityBook, ActivityYearData};
    /// use secretariat::Diagnostic;
    ///
    /// let plan = ActivityYearData::sample().plans().next().unwrap().clone();
    /// let on = plan.start - chrono::Days::new(40);
    /// let mut book = ActivityBook::new();
    /// book.draft(plan.clone(), on)?;
    /// let err = book.draft(plan, on).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("activity.duplicate", "id"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn draft(&mut self, plan: ActivityPlan, on: NaiveDate) -> crate::Result<()> {
        check_activity_id(&plan.id, "id")?;
        if self.position(&plan.id).is_some() {
            return Err(ActivityErrorKind::Duplicate { id: plan.id }.at("id").into());
        }
        self.activities.push(Activity {
            plan,
            state: ActivityState::Draft,
            drafted_on: on,
            history: Vec::new(),
        });
        Ok(())
    }

    /// Replaces the plan of a draft (the same id).
    ///
    /// # Errors
    ///
    /// `activity.unknown` or `activity.not_draft` (path `id`).
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::activity::{ActivityBook, ActivityYearData};
    /// use secretariat::Diagnostic;
    ///
    /// let mut plan = ActivityYearData::sample().plans().next().unwrap().clone();
    /// let mut book = ActivityBook::new();
    /// let err = book.revise(plan.clone()).unwrap_err();
    /// assert_eq!(err.code(), "activity.unknown");
    /// book.draft(plan.clone(), plan.start - chrono::Days::new(40))?;
    /// plan.purpose = "Projection at the welcome party".into();
    /// assert_eq!(book.revise(plan)?.plan.purpose, "Projection at the welcome party");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn revise(&mut self, plan: ActivityPlan) -> crate::Result<&Activity> {
        let activity = self
            .position(&plan.id)
            .and_then(|i| self.activities.get_mut(i))
            .ok_or_else(|| {
                ActivityErrorKind::Unknown {
                    id: plan.id.clone(),
                }
                .at("id")
            })?;
        if activity.state != ActivityState::Draft {
            return Err(ActivityErrorKind::NotDraft {
                id: plan.id,
                state: activity.state,
            }
            .at("id")
            .into());
        }
        activity.plan = plan;
        Ok(activity)
    }

    /// Takes a step on an activity, guarded by its state, the step's author and the
    /// rulebook; the money it moves (the reservation on approval, the settlement on the
    /// summary or a cancellation) is posted to `ledger`. `calendar` is needed when the
    /// rulebook counts working days (for the submission's lead times).
    ///
    /// # Errors
    ///
    /// `activity.unknown` (`activity`); `activity.not_approved` (starting an activity whose
    /// plan is not approved); `activity.invalid_transition` (any other step its state does
    /// not allow); `activity.date_before_previous` (`on`); `member.unknown`,
    /// `activity.not_project_leader`, `activity.self_approval`, `authority.not_permitted`
    /// (`by`); `activity.missing_field` (`note`: a rejection or cancellation needs a
    /// reason, a summary its text); on submission, the first problem of [`check_plan`]
    /// (with the plan's own field path); on approval, the ledger's refusals such as
    /// `budget.over_annual_cap` (path `activity`). On error neither the book nor the
    /// ledger changes.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::activity::{ActivityStep, ActivityYearData, StepAction};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let roster = TermData::sample().roster()?;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut year = ActivityYearData::sample().replay(&rb, &roster, None, d(2002, 10, 14))?;
    /// // The innovation competition of 2003 is still a draft: it cannot start.
    /// let mut step = ActivityStep {
    ///     activity: "innovation-competition-2003".into(),
    ///     action: StepAction::Start,
    ///     by: "2001004".into(),
    ///     on: d(2002, 10, 14),
    ///     note: String::new(),
    /// };
    /// let err = year.book.apply(&rb, &roster, &mut year.ledger, &step, None).unwrap_err();
    /// assert_eq!(err.code(), "activity.not_approved");
    ///
    /// step.action = StepAction::Submit;
    /// let outcome = year.book.apply(&rb, &roster, &mut year.ledger, &step, None)?;
    /// assert_eq!(outcome.record.to, secretariat::activity::ActivityState::Submitted);
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn apply(
        &mut self,
        rulebook: &Rulebook,
        roster: &Roster,
        ledger: &mut BudgetLedger,
        step: &ActivityStep,
        calendar: Option<&SchoolCalendar>,
    ) -> crate::Result<StepOutcome> {
        let index = self.position(&step.activity).ok_or_else(|| {
            ActivityErrorKind::Unknown {
                id: step.activity.clone(),
            }
            .at("activity")
        })?;
        let Some(activity) = self.activities.get(index) else {
            return Err(ActivityErrorKind::Unknown {
                id: step.activity.clone(),
            }
            .at("activity")
            .into());
        };
        let from = activity.state;
        let to = target(step, from)?;
        let previous = activity.since();
        if step.on < previous {
            return Err(ActivityErrorKind::DateBeforePrevious {
                date: step.on,
                previous,
            }
            .at("on")
            .into());
        }
        let actor = roster.require(&step.by, "by")?;
        let approved_as = check_actor(rulebook, activity, step, actor)?;
        let note_needed = match step.action {
            StepAction::Reject | StepAction::Cancel => Some("reason"),
            StepAction::Summarize => Some("summary"),
            _ => None,
        };
        if let Some(field) = note_needed
            && step.note.trim().is_empty()
        {
            return Err(ActivityErrorKind::MissingField { field }.at("note").into());
        }
        if step.action == StepAction::Submit
            && let Some(first) =
                check_plan(rulebook, roster, ledger, &activity.plan, step.on, calendar)
                    .into_iter()
                    .next()
        {
            return Err(first);
        }
        let mut warnings = Vec::new();
        if step.action == StepAction::Summarize
            && let Some(due) = activity.summary_due(&rulebook.activity)
            && step.on > due
        {
            warnings.push(ActivityWarning::SummaryLate {
                path: "on".into(),
                activity: step.activity.clone(),
                rule: ActivityPolicy::summary_rule(),
                due,
                filed_on: step.on,
                days_late: (step.on - due).num_days(),
            });
        }
        // The last fallible call: the ledger applies fully or not at all.
        let posting = match (step.action, from) {
            (StepAction::Approve, _) => Some(ledger.reserve_with(
                rulebook,
                roster,
                &reservation(&activity.plan, step),
                STEP_FIELDS,
            )?),
            (StepAction::Summarize, _)
            | (StepAction::Cancel, ActivityState::Approved | ActivityState::InProgress) => {
                Some(ledger.settle_with(
                    rulebook,
                    roster,
                    &Settlement {
                        date: step.on,
                        activity: step.activity.clone(),
                        approver: step.by.clone(),
                        note: step.note.clone(),
                    },
                    STEP_FIELDS,
                )?)
            }
            _ => None,
        };
        let record = TransitionRecord {
            action: step.action,
            from,
            to,
            on: step.on,
            by: step.by.clone(),
            approved_as,
            note: step.note.clone(),
        };
        if let Some(activity) = self.activities.get_mut(index) {
            activity.state = to;
            activity.history.push(record.clone());
        }
        Ok(StepOutcome {
            activity: step.activity.clone(),
            record,
            posting,
            warnings,
        })
    }

    /// The completed activities whose summary is past due on `today`.
    pub fn overdue_summaries(&self, rulebook: &Rulebook, today: NaiveDate) -> Vec<ActivityWarning> {
        self.activities
            .iter()
            .filter_map(|a| summary_overdue(a, &rulebook.activity, today))
            .collect()
    }
}

/// The warning for an activity completed and not summarized past its due day.
pub(crate) fn summary_overdue(
    activity: &Activity,
    policy: &ActivityPolicy,
    today: NaiveDate,
) -> Option<ActivityWarning> {
    if activity.state != ActivityState::Completed {
        return None;
    }
    let completed_on = activity.completed_on()?;
    let due = activity.summary_due(policy)?;
    (today > due).then(|| ActivityWarning::SummaryOverdue {
        path: String::new(),
        activity: activity.id().clone(),
        rule: ActivityPolicy::summary_rule(),
        completed_on,
        due,
        days_overdue: (today - due).num_days(),
    })
}

/// The state a step leads to from `from`, or why it cannot be taken.
pub(super) fn target(
    step: &ActivityStep,
    from: ActivityState,
) -> Result<ActivityState, ActivityError> {
    use ActivityState as S;
    use StepAction as A;
    let to = match (step.action, from) {
        (A::Submit, S::Draft) => S::Submitted,
        (A::Approve, S::Submitted) => S::Approved,
        (A::Reject, S::Submitted) => S::Rejected,
        (A::Start, S::Approved) => S::InProgress,
        (A::Start, S::Draft | S::Submitted | S::Rejected) => {
            return Err(ActivityErrorKind::NotApproved {
                id: step.activity.clone(),
                state: from,
            }
            .at("action"));
        }
        (A::Complete, S::InProgress) => S::Completed,
        (A::Summarize, S::Completed) => S::Summarized,
        (A::Cancel, S::Draft | S::Submitted | S::Approved | S::InProgress) => S::Cancelled,
        _ => {
            return Err(ActivityErrorKind::InvalidTransition {
                id: step.activity.clone(),
                action: step.action,
                state: from,
            }
            .at("action"));
        }
    };
    Ok(to)
}

/// Checks that the step's author may take it; returns the approving role for approvals,
/// rejections and cancellations by someone other than the project leader.
fn check_actor(
    rulebook: &Rulebook,
    activity: &Activity,
    step: &ActivityStep,
    actor: &Member,
) -> crate::Result<Option<Role>> {
    let plan = &activity.plan;
    let is_leader = step.by == plan.project_leader;
    let scope = Scope {
        project_leader: Some(&plan.project_leader),
        department: Some(&plan.department),
    };
    let approve = || {
        authorize(
            &rulebook.authority,
            Action::ApprovePlan,
            actor,
            &scope,
            "by",
        )
    };
    match step.action {
        StepAction::Submit | StepAction::Start | StepAction::Complete | StepAction::Summarize => {
            if is_leader {
                Ok(None)
            } else {
                Err(ActivityErrorKind::NotProjectLeader {
                    actor: step.by.clone(),
                    action: step.action,
                    leader: plan.project_leader.clone(),
                }
                .at("by")
                .into())
            }
        }
        StepAction::Approve | StepAction::Reject => {
            if is_leader {
                return Err(ActivityErrorKind::SelfApproval {
                    actor: step.by.clone(),
                    action: step.action,
                }
                .at("by")
                .into());
            }
            Ok(Some(approve()?))
        }
        StepAction::Cancel if is_leader => Ok(None),
        StepAction::Cancel => Ok(Some(approve()?)),
    }
}

/// The reservation approving `plan` makes.
fn reservation(plan: &ActivityPlan, step: &ActivityStep) -> Reservation {
    Reservation {
        date: step.on,
        activity: plan.id.clone(),
        title: plan.title.clone(),
        line: plan.line.clone(),
        department: Some(plan.department.clone()),
        project_leader: Some(plan.project_leader.clone()),
        amount: plan.budget,
        approver: step.by.clone(),
        note: step.note.clone(),
    }
}

/// A book is written as the list of its activities; their ids are unique.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for ActivityBook {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ActivityBook".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = Vec::<Activity>::json_schema(generator);
        schema.insert(
            "description".into(),
            "Every activity of the year, in the order they were planned; ids are unique.".into(),
        );
        schema
    }
}

impl Serialize for ActivityBook {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.activities.serialize(s)
    }
}

impl<'de> Deserialize<'de> for ActivityBook {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ActivityBook, D::Error> {
        let activities = Vec::<Activity>::deserialize(d)?;
        for (i, a) in activities.iter().enumerate() {
            if activities.iter().take(i).any(|b| b.id() == a.id()) {
                return Err(serde::de::Error::custom(format!(
                    "[activity.duplicate] [{i}].plan.id: there is already an activity {:?}",
                    a.id().0
                )));
            }
        }
        Ok(ActivityBook { activities })
    }
}
