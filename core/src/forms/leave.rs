//! The leave request form (seed 000, discipline §3).

use std::ops::Deref;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::attendance::{EventId, LeaveRequest};
use crate::members::MemberId;
use crate::report::TermData;
use crate::rulebook::Rulebook;

use super::fields::{FieldReader, present};
use super::{FormContext, FormErrorKind, FormOutcome};

/// A leave request as typed: the fields of [`LeaveRequest`], each text and optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeaveRequestForm {
    /// Who asks for leave (a member id). Required.
    pub member: Option<String>,
    /// From which event (an event id, e.g. `regular-meeting-2002-10-16`). Required.
    pub event: Option<String>,
    /// Why; the rulebook's leave policy requires it by default (`leave.no_reason`).
    pub reason: Option<String>,
    /// Who stands in (a member id); required by default (`leave.no_substitute`).
    pub substitute: Option<String>,
    /// Who approves (a member id). Required.
    pub approver: Option<String>,
    /// When the request is made, `YYYY-MM-DDTHH:MM`. Required; not after today.
    pub requested_at: Option<String>,
}

impl From<&LeaveRequest> for LeaveRequestForm {
    fn from(r: &LeaveRequest) -> LeaveRequestForm {
        LeaveRequestForm {
            member: Some(r.member.0.clone()),
            event: Some(r.event.0.clone()),
            reason: Some(r.reason.clone()),
            substitute: r.substitute.as_ref().map(|s| s.0.clone()),
            approver: Some(r.approver.0.clone()),
            requested_at: Some(crate::calendar::iso_datetime(r.requested_at)),
        }
    }
}

/// Which fields each field's domain checks read besides itself: whether the approver may
/// approve depends on the event's project leader and the member's department.
const DEPENDS: &[(&str, &[&str])] = &[("approver", &["member", "event"])];

/// Checks a leave request form against the term on `today`: the fields, then every rule of
/// [`crate::AttendanceRegister::check_leave`] against the term's register (its earlier
/// leave granted, so leave already granted or a substitute already on leave is found).
///
/// # Errors
///
/// The outcome holds every issue: `form.required` (`member`, `event`, `approver`,
/// `requested_at`), `form.invalid_datetime` and `form.date_in_future` (`requested_at`),
/// then the leave rules' own codes: `member.unknown`, `attendance.unknown_event`,
/// `leave.requester_inactive`, `leave.already_granted`, `leave.no_reason`,
/// `leave.no_substitute`, `leave.substitute_*`, `leave.too_late`, `leave.self_approval`,
/// `leave.wrong_approver`, `authority.not_permitted`. Errors of the term data itself come
/// under `context`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::forms::{LeaveRequestForm, check_leave_request};
/// use secretariat::{Diagnostic, Locale, Rulebook, TermData};
///
/// let rb = Rulebook::default();
/// let context = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
/// let mut form = LeaveRequestForm {
///     member: Some("2002012".into()),
///     event: Some("regular-meeting-2002-10-16".into()),
///     reason: Some("Mid-term exam".into()),
///     approver: Some("2000002".into()),
///     requested_at: Some("2002-10-14T09:00".into()),
///     ..LeaveRequestForm::default()
/// };
/// // No substitute: refused (discipline §3), with the field to fix.
/// let outcome = check_leave_request(&rb, &context, &form, today);
/// let issue = &outcome.issues()[0];
/// assert_eq!((issue.code(), issue.path()), ("leave.no_substitute", "substitute"));
/// assert!(issue.message(Locale::ZhHans).contains("替"));
///
/// form.substitute = Some("2002013".into());
/// let outcome = check_leave_request(&rb, &context, &form, today);
/// assert_eq!(outcome.data().unwrap().substitute.as_ref().unwrap().as_str(), "2002013");
/// ```
pub fn check_leave_request(
    rulebook: &Rulebook,
    context: &TermData,
    form: &LeaveRequestForm,
    today: NaiveDate,
) -> FormOutcome<LeaveRequest> {
    FormContext::new(rulebook, context, today).check_leave_request(form)
}

impl<R: Deref<Target = Rulebook>, T: Deref<Target = TermData>> FormContext<R, T> {
    /// [`check_leave_request`] on this context: the term's register is built once, at the
    /// first check that needs it.
    ///
    /// # Errors
    ///
    /// As [`check_leave_request`]: the outcome holds every issue.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::forms::{FormContext, LeaveRequestForm};
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let (rb, term) = (Rulebook::default(), TermData::sample());
    /// let context = FormContext::new(&rb, &term, NaiveDate::from_ymd_opt(2002, 10, 14).unwrap());
    /// let form = LeaveRequestForm { member: Some("2002999".into()), ..Default::default() };
    /// let outcome = context.check_leave_request(&form);
    /// let issues: Vec<_> = outcome.issues().iter().map(|e| (e.code(), e.path())).collect();
    /// assert_eq!(issues, [
    ///     ("form.required", "event"),
    ///     ("form.required", "approver"),
    ///     ("form.required", "requested_at"),
    ///     ("member.unknown", "member"),
    ///     ("leave.no_reason", "reason"),
    ///     ("leave.no_substitute", "substitute"),
    /// ]);
    /// ```
    pub fn check_leave_request(&self, form: &LeaveRequestForm) -> FormOutcome<LeaveRequest> {
        let (rulebook, today) = (self.rules(), self.today());
        let mut r = FieldReader::new();
        let member = r.required_text(form.member.as_deref(), "member");
        let event = r.required_text(form.event.as_deref(), "event");
        let approver = r.required_text(form.approver.as_deref(), "approver");
        let requested_at = r.required_datetime(form.requested_at.as_deref(), "requested_at");
        if let Some(at) = requested_at
            && at.date() > today
        {
            r.fail(
                FormErrorKind::DateInFuture {
                    date: at.date(),
                    today,
                }
                .at("requested_at"),
            );
        }
        let register = match self.register() {
            Ok(register) => register,
            Err(e) => return FormOutcome::refused(r, e),
        };
        let complete = member.is_some() && event.is_some() && approver.is_some();
        // Stand-ins for what could not be read; the problems they cause are dropped.
        let request = LeaveRequest {
            member: MemberId(member.unwrap_or_default()),
            event: EventId(event.unwrap_or_default()),
            reason: form.reason.clone().unwrap_or_default(),
            substitute: present(form.substitute.as_deref()).map(|s| MemberId(s.to_owned())),
            approver: MemberId(approver.unwrap_or_default()),
            requested_at: requested_at.unwrap_or(NaiveDateTime::MIN),
        };
        let problems = register.check_leave(rulebook, &request);
        let valid = complete && !r.failed("requested_at");
        let issues = r.finish(problems, DEPENDS);
        FormOutcome::new(valid.then_some(request), issues, Vec::new())
    }
}
