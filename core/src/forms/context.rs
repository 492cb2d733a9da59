//! A prepared form context: what the checks derive from the term's data (its roster, its
//! attendance register, its budget ledger on the day), built once for every form of a page.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::attendance::AttendanceRegister as Register;
use crate::budget::{BudgetLedger as Ledger, BudgetReport};
use crate::error::Error;
use crate::members::Roster;
use crate::report::{ActivityStatus, TermData};
use crate::rulebook::Rulebook;

use super::CONTEXT;

/// The rulebook, the term's data and today, with what the form checks derive from them
/// prepared once: the roster, the attendance register (the term's leave decided in order, its
/// marks recorded) and the budget ledger (the budget year replayed up to `today`). Each part
/// is built the first time a check needs it and kept, with its error when the term's data
/// does not give one (reported by every check that needs it, under `context`, exactly as the
/// functions of [`crate::forms`] report it).
///
/// The functions of [`crate::forms`] (such as [`super::check_leave_request`]) each build one
/// and use it once; a page that checks a form at every keystroke keeps one instead and calls
/// its methods, which give the same outcomes without rebuilding the register or replaying the
/// ledger at each call.
///
/// `R` and `T` hold the rulebook and the term: references (`FormContext<&Rulebook,
/// &TermData>`) or shared pointers (`Rc`, `Arc`) for a context kept beside its data.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{FormContext, LeaveRequestForm};
/// use secretariat::{Diagnostic, Rulebook, TermData};
///
/// let (rb, term) = (Rulebook::default(), TermData::sample());
/// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
/// let context = FormContext::new(&rb, &term, today);
/// let mut form = LeaveRequestForm {
///     member: Some("2002012".into()),
///     event: Some("regular-meeting-2002-10-16".into()),
///     reason: Some("Mid-term exam".into()),
///     approver: Some("2000002".into()),
///     requested_at: Some("2002-10-14T09:00".into()),
///     ..LeaveRequestForm::default()
/// };
/// let outcome = context.check_leave_request(&form);
/// assert_eq!(outcome.issues()[0].code(), "leave.no_substitute");
/// form.substitute = Some("2002013".into());
/// assert!(context.check_leave_request(&form).is_success()); // the register is reused
///
/// // A term whose data is wrong: its error under `context`, beside the form's own issues.
/// let mut broken = TermData::sample();
/// let twin = broken.members[0].clone();
/// broken.members.push(twin);
/// let context = FormContext::new(&rb, &broken, today);
/// form.requested_at = None;
/// let outcome = context.check_leave_request(&form);
/// let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(issues[0], ("form.required", "requested_at"));
/// assert!(issues[1].1.starts_with("context.members"));
/// ```
pub struct FormContext<R, T> {
    rulebook: R,
    term: T,
    today: NaiveDate,
    roster: OnceLock<Result<Roster, Error>>,
    register: OnceLock<Result<Register, Error>>,
    ledger: OnceLock<Result<Ledger, Error>>,
    /// The ledger's report (accounts and cap), once the ledger replays.
    report: OnceLock<BudgetReport>,
    /// Each planned activity's status on the day, in the order of the term's activities.
    statuses: OnceLock<Vec<OnceLock<Result<ActivityStatus, Error>>>>,
}

impl<R, T> FormContext<R, T>
where
    R: Deref<Target = Rulebook>,
    T: Deref<Target = TermData>,
{
    /// A context for the forms checked on `today` against `term` under `rulebook`. Nothing
    /// is built yet: each part is built when a check first needs it.
    pub fn new(rulebook: R, term: T, today: NaiveDate) -> FormContext<R, T> {
        FormContext {
            rulebook,
            term,
            today,
            roster: OnceLock::new(),
            register: OnceLock::new(),
            ledger: OnceLock::new(),
            report: OnceLock::new(),
            statuses: OnceLock::new(),
        }
    }

    /// The rulebook the forms are checked under, as given.
    pub fn rulebook(&self) -> &R {
        &self.rulebook
    }

    /// The term's data, as given.
    pub fn term(&self) -> &T {
        &self.term
    }

    /// The day the forms are checked on.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The rulebook itself.
    pub(super) fn rules(&self) -> &Rulebook {
        &self.rulebook
    }

    /// The term's data itself.
    pub(super) fn data(&self) -> &TermData {
        &self.term
    }

    /// The term's roster.
    pub(super) fn roster(&self) -> Result<&Roster, Error> {
        self.roster
            .get_or_init(|| self.term.roster().map_err(|e| e.within(CONTEXT)))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The term's attendance register: its leave decided in order, its marks recorded.
    pub(super) fn register(&self) -> Result<&Register, Error> {
        self.register
            .get_or_init(|| {
                self.term
                    .register(&self.rulebook)
                    .map(|(register, _)| register)
                    .map_err(|e| e.within(CONTEXT))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The term's budget ledger on `today`: its budget year replayed up to the day, or an
    /// empty ledger over the term when it has none. The roster's error comes first.
    pub(super) fn ledger(&self) -> Result<&Ledger, Error> {
        let roster = self.roster()?;
        self.ledger
            .get_or_init(|| {
                let term = &*self.term;
                match &term.budget_year {
                    Some(year) => year
                        .replay(&self.rulebook, roster, Some(&term.calendar), self.today)
                        .map(|y| y.ledger)
                        .map_err(|e| e.within(&format!("{CONTEXT}.budget_year"))),
                    None => {
                        let span = term.calendar.term;
                        Ok(Ledger::new(
                            format!("{}-{}", span.start.year(), span.end.year()),
                            span,
                        ))
                    }
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The report of the ledger on `today` (its accounts and the annual cap).
    pub(super) fn report(&self) -> Result<&BudgetReport, Error> {
        let ledger = self.ledger()?;
        Ok(self.report.get_or_init(|| ledger.report(&self.rulebook)))
    }

    /// The status on `today` of the term's `i`th planned activity (`None` past the last),
    /// its planning errors under `context.activities[i]`.
    pub(super) fn status(&self, i: usize) -> Option<Result<&ActivityStatus, Error>> {
        let term = &*self.term;
        let statuses = self
            .statuses
            .get_or_init(|| term.activities.iter().map(|_| OnceLock::new()).collect());
        let planned = term.activities.get(i)?;
        let status = statuses.get(i)?.get_or_init(|| {
            planned
                .status(&self.rulebook, &term.calendar, self.today)
                .map_err(|e| e.within(&format!("{CONTEXT}.activities[{i}]")))
        });
        Some(status.as_ref().map_err(Clone::clone))
    }
}

impl<R, T> fmt::Debug for FormContext<R, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormContext")
            .field("today", &self.today)
            .field("roster", &self.roster.get().map(Result::is_ok))
            .field("register", &self.register.get().map(Result::is_ok))
            .field("ledger", &self.ledger.get().map(Result::is_ok))
            .finish_non_exhaustive()
    }
}
