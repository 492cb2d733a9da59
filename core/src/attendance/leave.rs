//! Leave from an event (seed 000, discipline §3): "If you can't attend the event temporarily,
//! you must arrange the corresponding person in charge, directly contact the project leader
//! to explain the reasons, and leave after approval."

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::authority::{Action, Scope, authorize};
use crate::error::Error;
use crate::members::{MemberErrorKind, MemberId, Role};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

use super::{
    AtDeadline, AttendanceErrorKind, AttendanceRegister, EventId, LeaveErrorKind, LeavePolicy,
};

/// A member's request for leave from an event, with the approver's decision to grant it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeaveRequest {
    /// Who asks for leave.
    pub member: MemberId,
    /// From which event.
    pub event: EventId,
    /// Why (required by default).
    #[serde(default)]
    pub reason: String,
    /// Who stands in (required by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute: Option<MemberId>,
    /// Who approves: the event's project leader, or else the member's department head.
    pub approver: MemberId,
    /// When the request was made, school-local.
    pub requested_at: NaiveDateTime,
}

/// Leave granted: the absence it covers is excused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeaveGrant {
    /// Who is on leave.
    pub member: MemberId,
    /// From which event.
    pub event: EventId,
    /// Who stands in.
    pub substitute: Option<MemberId>,
    /// Who approved.
    pub approver: MemberId,
    /// The role under which they approved.
    pub approved_as: Role,
    /// The reason given.
    pub reason: String,
    /// The rule applied.
    pub rule: RuleRef,
}

impl AttendanceRegister {
    /// Every reason the request would be refused, in a fixed order; empty when it would be
    /// granted. This is what a form shows: all problems at once.
    pub fn check_leave(&self, rulebook: &Rulebook, request: &LeaveRequest) -> Vec<Error> {
        let mut problems: Vec<Error> = Vec::new();
        let policy: &LeavePolicy = &rulebook.leave;
        let requester = self.roster.get(&request.member);
        let requester_pos = self.roster.position(&request.member);
        let event_pos = self.event_position(&request.event);
        let event = event_pos.and_then(|i| self.events.get(i as usize));

        if requester.is_none() {
            problems.push(
                MemberErrorKind::Unknown {
                    id: request.member.clone(),
                }
                .at("member")
                .into(),
            );
        }
        if event.is_none() {
            problems.push(
                AttendanceErrorKind::UnknownEvent {
                    id: request.event.clone(),
                }
                .at("event")
                .into(),
            );
        }
        if let Some(m) = requester
            && !m.status.is_active()
        {
            problems.push(
                LeaveErrorKind::RequesterInactive {
                    member: m.id.clone(),
                }
                .at("member")
                .into(),
            );
        }
        if let (Some(m), Some(e)) = (requester_pos, event_pos) {
            if self.on_leave.contains_key(&(m, e)) {
                problems.push(
                    LeaveErrorKind::AlreadyGranted {
                        member: request.member.clone(),
                        event: request.event.clone(),
                    }
                    .at("event")
                    .into(),
                );
            }
            if let Some(absentee) = self.leaves.iter().find(|g| {
                g.event == request.event && g.substitute.as_ref() == Some(&request.member)
            }) {
                problems.push(
                    LeaveErrorKind::RequesterIsSubstitute {
                        member: request.member.clone(),
                        absentee: absentee.member.clone(),
                    }
                    .at("member")
                    .into(),
                );
            }
        }
        if policy.require_reason && request.reason.trim().is_empty() {
            problems.push(LeaveErrorKind::NoReason.at("reason").into());
        }
        self.check_substitute(policy, request, event_pos, &mut problems);
        if let Some(e) = event {
            let notice = Duration::minutes(i64::from(policy.min_notice_minutes));
            let deadline = e.start.checked_sub_signed(notice).unwrap_or(e.start);
            if request.requested_at == deadline && policy.at_deadline == AtDeadline::Refused {
                problems.push(
                    LeaveErrorKind::AtDeadline {
                        requested_at: request.requested_at,
                    }
                    .at("requested_at")
                    .into(),
                );
            } else if request.requested_at > deadline {
                problems.push(
                    LeaveErrorKind::TooLate {
                        requested_at: request.requested_at,
                        deadline,
                        notice_minutes: policy.min_notice_minutes,
                    }
                    .at("requested_at")
                    .into(),
                );
            }
        }
        if let Err(e) = self.approving_role(rulebook, request) {
            problems.push(e);
        }
        problems
    }

    fn check_substitute(
        &self,
        policy: &LeavePolicy,
        request: &LeaveRequest,
        event_pos: Option<u32>,
        problems: &mut Vec<Error>,
    ) {
        let Some(sub_id) = &request.substitute else {
            if policy.require_substitute {
                problems.push(LeaveErrorKind::NoSubstitute.at("substitute").into());
            }
            return;
        };
        if sub_id == &request.member {
            problems.push(
                LeaveErrorKind::SubstituteIsRequester
                    .at("substitute")
                    .into(),
            );
            return;
        }
        let Some(sub) = self.roster.get(sub_id) else {
            problems.push(
                MemberErrorKind::Unknown { id: sub_id.clone() }
                    .at("substitute")
                    .into(),
            );
            return;
        };
        if !sub.status.is_active() {
            problems.push(
                LeaveErrorKind::SubstituteInactive {
                    substitute: sub_id.clone(),
                }
                .at("substitute")
                .into(),
            );
        }
        let sub_on_leave = match (self.roster.position(sub_id), event_pos) {
            (Some(s), Some(e)) => self.on_leave.contains_key(&(s, e)),
            _ => false,
        };
        if sub_on_leave {
            problems.push(
                LeaveErrorKind::SubstituteOnLeave {
                    substitute: sub_id.clone(),
                }
                .at("substitute")
                .into(),
            );
        }
    }

    /// The role under which the approver may grant this leave: authority from the rulebook,
    /// then the designated approver of discipline §3 (the event's project leader; failing
    /// one, the requester's department head).
    fn approving_role(&self, rulebook: &Rulebook, request: &LeaveRequest) -> Result<Role, Error> {
        let approver = self.roster.require(&request.approver, "approver")?;
        if request.approver == request.member {
            return Err(LeaveErrorKind::SelfApproval {
                member: request.member.clone(),
            }
            .at("approver")
            .into());
        }
        let event = self.event(&request.event);
        let leader = event.and_then(|e| e.project_leader.as_ref());
        let department = self.roster.get(&request.member).map(|m| &m.department);
        let scope = Scope {
            project_leader: leader,
            department,
        };
        let role = authorize(
            &rulebook.authority,
            Action::ApproveLeave,
            approver,
            &scope,
            "approver",
        )?;
        // A department head approves only when the event has no project leader.
        if role == Role::DepartmentHead && leader.is_some() {
            return Err(LeaveErrorKind::WrongApprover {
                approver: request.approver.clone(),
                designated: leader.cloned(),
            }
            .at("approver")
            .into());
        }
        Ok(role)
    }

    /// Grants the leave if nothing refuses it; the absence it covers is then excused.
    ///
    /// # Errors
    ///
    /// The first of [`AttendanceRegister::check_leave`]'s problems, e.g.
    /// `leave.no_substitute`, `leave.no_reason`, `leave.too_late`, `leave.wrong_approver`,
    /// `authority.not_permitted`. On error the register is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{AttendanceRegister, Diagnostic, LeaveRequest, Rulebook, TermData};
    ///
    /// let rb = Rulebook::default();
    /// let data = TermData::sample();
    /// let mut register = AttendanceRegister::new(data.roster()?, data.events.clone())?;
    /// let meeting = &data.events[0];
    /// let mut request = LeaveRequest {
    ///     member: "2002011".into(),
    ///     event: meeting.id.clone(),
    ///     reason: "exam".into(),
    ///     substitute: None,
    ///     approver: meeting.project_leader.clone().unwrap(),
    ///     requested_at: meeting.start - chrono::Duration::days(1),
    /// };
    /// let err = register.grant_leave(&rb, &request).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("leave.no_substitute", "substitute"));
    ///
    /// request.substitute = Some("2002012".into());
    /// let grant = register.grant_leave(&rb, &request)?;
    /// assert_eq!(grant.rule.article, "seed 000, discipline §3");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn grant_leave(
        &mut self,
        rulebook: &Rulebook,
        request: &LeaveRequest,
    ) -> crate::Result<LeaveGrant> {
        if let Some(first) = self.check_leave(rulebook, request).into_iter().next() {
            return Err(first);
        }
        let approved_as = self.approving_role(rulebook, request)?;
        let (Some(member), Some(event)) = (
            self.roster.position(&request.member),
            self.event_position(&request.event),
        ) else {
            return Err(AttendanceErrorKind::UnknownEvent {
                id: request.event.clone(),
            }
            .at("event")
            .into());
        };
        let grant = LeaveGrant {
            member: request.member.clone(),
            event: request.event.clone(),
            substitute: request.substitute.clone(),
            approver: request.approver.clone(),
            approved_as,
            reason: request.reason.clone(),
            rule: LeavePolicy::rule(),
        };
        let slot = u32::try_from(self.leaves.len())
            .map_err(|_| AttendanceErrorKind::DateOutOfRange.at("event"))?;
        self.on_leave.insert((member, event), slot);
        self.leaves.push(grant.clone());
        Ok(grant)
    }
}
