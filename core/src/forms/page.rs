//! What a form page shows beside its fields: a member's standing, an activity's countdown,
//! what a budget has left. Each reads the same context as the form checks.

use std::ops::Deref;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activity::{ActivityErrorKind, ActivityId};
use crate::attendance::Standing;
use crate::budget::{AccountReport, BudgetErrorKind, CapStatus};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::members::MemberId;
use crate::report::{ActivityStatus, TermData};
use crate::rulebook::Rulebook;

use super::{CONTEXT, FormContext};

/// A member's attendance standing on `today` (see
/// [`crate::AttendanceRegister::standing_of`]): counts, status, next consequence, and the
/// records behind them, each citing its rule.
///
/// # Errors
///
/// `member.unknown` (path `member`) for an id not in the term; errors of the term data
/// under `context`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::attendance::StandingStatus;
/// use secretariat::forms::member_standing;
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let (rb, context) = (Rulebook::default(), TermData::sample());
/// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
/// let zhao = member_standing(&rb, &context, &"2002013".into(), today)?;
/// assert_eq!(zhao.status, StandingStatus::Expelled);
///
/// let err = member_standing(&rb, &context, &"2002999".into(), today).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("member.unknown", "member"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn member_standing(
    rulebook: &Rulebook,
    context: &TermData,
    member: &MemberId,
    today: NaiveDate,
) -> crate::Result<Standing> {
    FormContext::new(rulebook, context, today).member_standing(member)
}

/// A planned activity's milestones and where they stand on `today`: status and days left
/// per milestone, days to the event and the next action (see
/// [`crate::schedule::countdown`]).
///
/// # Errors
///
/// `activity.unknown` (path `activity`) for an id that is not among the context's planned
/// `activities`; the planning errors of that activity under
/// `context.activities[i]`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::event_countdown;
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let (rb, context) = (Rulebook::default(), TermData::sample());
/// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
/// let party = event_countdown(&rb, &context, "welcome-party-2002", today)?;
/// assert_eq!(party.countdown.days_to_event, 12);
/// assert_eq!(party.countdown.next_action.as_deref(), Some("detailed_production"));
///
/// let err = event_countdown(&rb, &context, "sports-day", today).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("activity.unknown", "activity"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn event_countdown(
    rulebook: &Rulebook,
    context: &TermData,
    activity: &str,
    today: NaiveDate,
) -> crate::Result<ActivityStatus> {
    FormContext::new(rulebook, context, today).event_countdown(activity)
}

/// What a budget has left on a day: the annual cap, and one activity's account when asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetRemaining {
    /// The year against the annual cap: committed, spent, and what the cap still allows
    /// (`remaining`).
    pub cap: CapStatus,
    /// The activity's account: approved, spent, and `remaining` (approved less spent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<AccountReport>,
}

/// What the budget has left on `today`: the term's budget year replayed up to the day (an
/// empty ledger when the context has none), with the annual cap and, for `activity`, its
/// account (see [`crate::BudgetLedger::report`]).
///
/// # Errors
///
/// `budget.unknown_activity` (path `activity`) for an activity without an account (its
/// plan not approved by `today`); errors of the term data under `context`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::budget_remaining;
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let (rb, context) = (Rulebook::default(), TermData::sample());
/// let today = NaiveDate::from_ymd_opt(2002, 12, 2).unwrap();
/// let cup = budget_remaining(&rb, &context, Some(&"challenge-cup-2002".into()), today)?;
/// assert_eq!(cup.activity.unwrap().remaining.to_string(), "14.50");
/// assert_eq!(cup.cap.remaining.to_string(), "320.00");
///
/// let err = budget_remaining(&rb, &context, Some(&"innovation-competition-2003".into()), today)
///     .unwrap_err();
/// assert_eq!((err.code(), err.path()), ("budget.unknown_activity", "activity"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn budget_remaining(
    rulebook: &Rulebook,
    context: &TermData,
    activity: Option<&ActivityId>,
    today: NaiveDate,
) -> crate::Result<BudgetRemaining> {
    FormContext::new(rulebook, context, today).budget_remaining(activity)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`member_standing`] on this context's day: the term's register is built once, at the
    /// first call that needs it.
    ///
    /// # Errors
    ///
    /// As [`member_standing`]: `member.unknown` (path `member`); errors of the term data
    /// under `context`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::FormContext;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 10, 14).unwrap());
    /// assert_eq!(context.member_standing(&"2002013".into())?.member.as_str(), "2002013");
    /// let err = context.member_standing(&"2002999".into()).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("member.unknown", "member"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn member_standing(&self, member: &MemberId) -> crate::Result<Standing> {
        let (rulebook, context) = (self.rules(), self.data());
        self.register()?
            .standing_of(rulebook, &context.calendar, member, self.today())
            .map_err(|e| {
                // Only the member is the caller's argument; the rest is the term's.
                if e.path() == "member" {
                    e
                } else {
                    e.within(CONTEXT)
                }
            })
    }

    /// [`event_countdown`] on this context's day: each activity's milestones are planned
    /// once, at the first call that asks for it.
    ///
    /// # Errors
    ///
    /// As [`event_countdown`]: `activity.unknown` (path `activity`); the planning errors of
    /// the activity under `context.activities[i]`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::FormContext;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 10, 14).unwrap());
    /// assert_eq!(context.event_countdown("welcome-party-2002")?.countdown.days_to_event, 12);
    /// let err = context.event_countdown("sports-day").unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("activity.unknown", "activity"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn event_countdown(&self, activity: &str) -> crate::Result<ActivityStatus> {
        let found = self.data().activities.iter().position(|a| a.id == activity);
        match found.and_then(|i| self.status(i)) {
            Some(status) => status.cloned(),
            None => Err(ActivityErrorKind::Unknown {
                id: ActivityId(activity.to_owned()),
            }
            .at("activity")
            .into()),
        }
    }

    /// [`budget_remaining`] on this context's day: the budget year is replayed and reported
    /// once, at the first call that needs it.
    ///
    /// # Errors
    ///
    /// As [`budget_remaining`]: `budget.unknown_activity` (path `activity`); errors of the
    /// term data under `context`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::FormContext;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 12, 2).unwrap());
    /// assert_eq!(context.budget_remaining(None)?.cap.remaining.to_string(), "320.00");
    /// let err = context.budget_remaining(Some(&"sports-day".into())).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.unknown_activity", "activity"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn budget_remaining(
        &self,
        activity: Option<&ActivityId>,
    ) -> crate::Result<BudgetRemaining> {
        let report = self.report()?;
        let account = match activity {
            None => None,
            Some(id) => match report.accounts.iter().find(|a| &a.activity == id) {
                Some(account) => Some(account.clone()),
                None => {
                    return Err(Error::from(
                        BudgetErrorKind::UnknownActivity {
                            activity: id.clone(),
                        }
                        .at("activity"),
                    ));
                }
            },
        };
        Ok(BudgetRemaining {
            cap: report.cap.clone(),
            activity: account,
        })
    }
}
