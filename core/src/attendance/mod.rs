//! Attendance and discipline (domain.md §1; seed 000, discipline §2, §3 and §5).
//!
//! An [`AttendanceRegister`] holds a roster, the events of a term, the marks given at them and
//! the leave granted from them. From it, [`AttendanceRegister::standings`] computes each
//! member's [`Standing`] for a day: the counts, the status (good, warning, expelled), the
//! next consequence, and the records that caused it, each reason citing its rule.

mod columns;
mod error;
mod leave;
mod marked;
mod policy;
mod standing;

use std::fmt;

use chrono::{Duration, NaiveDateTime};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use columns::{CodeColumn, MarkColumns};
pub use error::{AttendanceError, AttendanceErrorKind, LeaveError, LeaveErrorKind};
pub use leave::{LeaveGrant, LeaveRequest};
pub use policy::{AtDeadline, AttendancePolicy, AttendanceWindow, LeavePolicy, SignInAfterEnd};
pub use standing::{
    Counter, NextConsequence, RecordRef, Standing, StandingCounts, StandingReason, StandingStatus,
};

use crate::members::{Department, MemberId, Roster};

use marked::MarkedPairs;

/// An event's identifier.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct EventId(pub String);

impl EventId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for EventId {
    fn from(s: &str) -> EventId {
        EventId(s.to_owned())
    }
}

/// What kind of event attendance is taken at. The rulebook says which kinds count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The weekly regular meeting (discipline §5).
    RegularMeeting,
    /// A group activity.
    GroupActivity,
    /// An office duty shift (seed 001, duty and sign-in system).
    DutyShift,
    /// A rehearsal.
    Rehearsal,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 5] = [
        EventKind::RegularMeeting,
        EventKind::GroupActivity,
        EventKind::DutyShift,
        EventKind::Rehearsal,
        EventKind::Other,
    ];

    /// The kind's snake_case key, as serialised: `regular_meeting`, `group_activity`...
    pub fn key(self) -> &'static str {
        match self {
            EventKind::RegularMeeting => "regular_meeting",
            EventKind::GroupActivity => "group_activity",
            EventKind::DutyShift => "duty_shift",
            EventKind::Rehearsal => "rehearsal",
            EventKind::Other => "other",
        }
    }
}

/// An event at which attendance is taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id.
    pub id: EventId,
    /// Kind of event.
    pub kind: EventKind,
    /// Title shown in reports.
    pub title: String,
    /// Start, school-local.
    pub start: NaiveDateTime,
    /// End, school-local.
    pub end: NaiveDateTime,
    /// The member who leads the event and approves leave from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_leader: Option<MemberId>,
    /// The organizing department, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
}

/// A member's mark for one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// On time and stayed to the end.
    Present,
    /// Arrived late.
    Late,
    /// Left early.
    LeftEarly,
    /// Arrived late and left early: two offences.
    LateAndLeftEarly,
    /// Did not attend. Excused at standing time when leave was approved.
    Absent,
    /// Absent with approved leave.
    Excused,
}

impl Mark {
    /// Every mark, in a fixed order: a mark's code in a column of small integers is its
    /// position here (`present` 0, `late` 1, `left_early` 2, `late_and_left_early` 3,
    /// `absent` 4, `excused` 5).
    pub const ALL: [Mark; 6] = [
        Mark::Present,
        Mark::Late,
        Mark::LeftEarly,
        Mark::LateAndLeftEarly,
        Mark::Absent,
        Mark::Excused,
    ];

    /// The mark's snake_case key, as serialised: `present`, `late`, `left_early`...
    pub fn key(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Late => "late",
            Mark::LeftEarly => "left_early",
            Mark::LateAndLeftEarly => "late_and_left_early",
            Mark::Absent => "absent",
            Mark::Excused => "excused",
        }
    }

    /// How many late arrivals and early leaves this mark is.
    pub fn lateness(self) -> u32 {
        match self {
            Mark::Late | Mark::LeftEarly => 1,
            Mark::LateAndLeftEarly => 2,
            Mark::Present | Mark::Absent | Mark::Excused => 0,
        }
    }

    /// The mark for sign-in and sign-out times against an event, with `grace_minutes` of
    /// tolerance at both ends. A missing sign-out is not evidence of leaving early.
    ///
    /// # Errors
    ///
    /// `attendance.sign_out_before_sign_in` when the sign-out is not after the sign-in.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::Diagnostic;
    /// use secretariat::attendance::Mark;
    ///
    /// let at = |h, m| NaiveDate::from_ymd_opt(2026, 9, 9).unwrap().and_hms_opt(h, m, 0).unwrap();
    /// let (start, end) = (at(19, 0), at(20, 0));
    /// assert_eq!(Mark::from_times(start, end, at(19, 3), None, 5)?, Mark::Present);
    /// assert_eq!(Mark::from_times(start, end, at(19, 6), Some(at(19, 40)), 5)?, Mark::LateAndLeftEarly);
    /// let err = Mark::from_times(start, end, at(19, 0), Some(at(18, 0)), 0).unwrap_err();
    /// assert_eq!(err.code(), "attendance.sign_out_before_sign_in");
    /// # Ok::<(), secretariat::attendance::AttendanceError>(())
    /// ```
    pub fn from_times(
        start: NaiveDateTime,
        end: NaiveDateTime,
        sign_in: NaiveDateTime,
        sign_out: Option<NaiveDateTime>,
        grace_minutes: u32,
    ) -> Result<Mark, AttendanceError> {
        let grace = Duration::minutes(i64::from(grace_minutes));
        if let Some(out) = sign_out
            && out < sign_in
        {
            return Err(AttendanceErrorKind::SignOutBeforeSignIn { sign_out: out }.at("sign_out"));
        }
        let late = start
            .checked_add_signed(grace)
            .is_some_and(|limit| sign_in > limit);
        let early = sign_out.is_some_and(|out| {
            end.checked_sub_signed(grace)
                .is_some_and(|limit| out < limit)
        });
        Ok(match (late, early) {
            (false, false) => Mark::Present,
            (true, false) => Mark::Late,
            (false, true) => Mark::LeftEarly,
            (true, true) => Mark::LateAndLeftEarly,
        })
    }
}

/// A mark as recorded: either given directly, or as sign-in and sign-out times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MarkRecord {
    /// The member.
    pub member: MemberId,
    /// The event.
    pub event: EventId,
    /// The mark, when given directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    /// Sign-in time, when the mark is derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in: Option<NaiveDateTime>,
    /// Sign-out time, when the mark is derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_out: Option<NaiveDateTime>,
}

impl MarkRecord {
    /// A record of a mark given directly.
    pub fn direct(member: impl Into<MemberId>, event: impl Into<EventId>, mark: Mark) -> Self {
        MarkRecord {
            member: member.into(),
            event: event.into(),
            mark: Some(mark),
            sign_in: None,
            sign_out: None,
        }
    }
}

/// The path of the `index`-th mark record, written only when an error needs it.
#[derive(Clone, Copy)]
struct MarkPath(usize);

impl fmt::Display for MarkPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "marks[{}]", self.0)
    }
}

/// A stored mark: indexes into the roster and the events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StoredMark {
    member: u32,
    event: u32,
    mark: Mark,
    /// Minutes late and early, for a mark derived from times: 0 when unknown (a mark given
    /// directly), else the minutes (rounded up) plus one, at most 254 (see
    /// [`StoredMark::minutes`]). Read by discipline rules on severity.
    minutes: [u8; 2],
}

impl StoredMark {
    /// Minutes late and early, when known.
    fn minutes(&self) -> (Option<u32>, Option<u32>) {
        let read = |b: u8| b.checked_sub(1).map(u32::from);
        (read(self.minutes[0]), read(self.minutes[1]))
    }
}

/// `late` minutes stored as in [`StoredMark::minutes`]: whole minutes rounded up, plus one.
fn store_minutes(late: chrono::TimeDelta) -> u8 {
    let secs = late.num_seconds().max(0);
    let minutes = (secs + 59) / 60;
    u8::try_from(minutes.saturating_add(1).min(254)).unwrap_or(254)
}

/// The events, marks and granted leave of a term, over one roster.
///
/// Every operation that fails leaves the register exactly as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceRegister {
    roster: Roster,
    events: Vec<Event>,
    event_index: FxHashMap<EventId, u32>,
    marks: Vec<StoredMark>,
    /// The (member, event) pairs of `marks`.
    marked: MarkedPairs,
    leaves: Vec<LeaveGrant>,
    /// (member, event) → position in `leaves`.
    on_leave: FxHashMap<(u32, u32), u32>,
}

impl AttendanceRegister {
    /// A register of `events` over `roster`, with no marks yet.
    ///
    /// # Errors
    ///
    /// `attendance.duplicate_event`, `attendance.invalid_event` (empty id, end before start)
    /// or `member.unknown` (a project leader not in the roster), at `events[i]...`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{AttendanceRegister, Diagnostic, TermData};
    ///
    /// let data = TermData::sample();
    /// let mut events = data.events.clone();
    /// events.push(events[0].clone());
    /// let err = AttendanceRegister::new(data.roster()?, events).unwrap_err();
    /// assert_eq!(err.code(), "attendance.duplicate_event");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn new(roster: Roster, events: Vec<Event>) -> crate::Result<AttendanceRegister> {
        let mut event_index = FxHashMap::default();
        event_index.reserve(events.len());
        for (i, e) in events.iter().enumerate() {
            let path = format!("events[{i}]");
            if e.id.0.trim().is_empty() {
                return Err(AttendanceErrorKind::InvalidEvent {
                    id: e.id.clone(),
                    detail: "empty_id",
                }
                .at(format!("{path}.id"))
                .into());
            }
            if e.end < e.start {
                return Err(AttendanceErrorKind::InvalidEvent {
                    id: e.id.clone(),
                    detail: "ends_before_start",
                }
                .at(format!("{path}.end"))
                .into());
            }
            if let Some(leader) = &e.project_leader {
                roster.require(leader, &format!("{path}.project_leader"))?;
            }
            let slot = u32::try_from(i)
                .map_err(|_| AttendanceErrorKind::DateOutOfRange.at(path.clone()))?;
            if event_index.insert(e.id.clone(), slot).is_some() {
                return Err(AttendanceErrorKind::DuplicateEvent { id: e.id.clone() }
                    .at(format!("{path}.id"))
                    .into());
            }
        }
        Ok(AttendanceRegister {
            marked: MarkedPairs::new(roster.len(), events.len()),
            roster,
            events,
            event_index,
            marks: Vec::new(),
            leaves: Vec::new(),
            on_leave: FxHashMap::default(),
        })
    }

    /// The roster.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// The events, in the order given.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The event with this id.
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.event_position(id)
            .and_then(|i| self.events.get(i as usize))
    }

    fn event_position(&self, id: &EventId) -> Option<u32> {
        self.event_index.get(id).copied()
    }

    /// The number of marks recorded.
    pub fn mark_count(&self) -> usize {
        self.marks.len()
    }

    /// The leave granted so far, in order.
    pub fn leaves(&self) -> &[LeaveGrant] {
        &self.leaves
    }

    /// Records marks, all or none. Times are turned into marks with the policy's grace
    /// period; an `excused` mark needs approved leave.
    ///
    /// # Errors
    ///
    /// At `marks[i]...`: `member.unknown`, `attendance.unknown_event`,
    /// `attendance.mark_shape`, `attendance.sign_out_before_sign_in`,
    /// `attendance.duplicate_mark`, `attendance.excused_without_leave`. On error nothing is
    /// recorded.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{AttendanceRegister, Diagnostic, Rulebook, TermData};
    /// use secretariat::attendance::{Mark, MarkRecord};
    ///
    /// let data = TermData::sample();
    /// let mut register = AttendanceRegister::new(data.roster()?, data.events.clone())?;
    /// let policy = Rulebook::default().attendance;
    /// let first = data.events[0].id.clone();
    /// register.record_marks(&policy, &[MarkRecord::direct("2002011", first.clone(), Mark::Late)])?;
    ///
    /// let again = [MarkRecord::direct("2002012", first.clone(), Mark::Present),
    ///              MarkRecord::direct("2002011", first, Mark::Present)];
    /// let err = register.record_marks(&policy, &again).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("attendance.duplicate_mark", "marks[1]"));
    /// assert_eq!(register.mark_count(), 1); // the valid first record was not kept either
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn record_marks(
        &mut self,
        policy: &AttendancePolicy,
        records: &[MarkRecord],
    ) -> crate::Result<()> {
        // The batch is staged in place and rolled back on error (`unstage`).
        let start = self.marks.len();
        self.marks.reserve(records.len());
        self.marked.reserve(records.len());
        for (i, r) in records.iter().enumerate() {
            let stored = match self.resolve_mark(policy, r, i) {
                Ok(stored) => stored,
                Err(e) => {
                    self.unstage(start);
                    return Err(e);
                }
            };
            if !self.marked.insert(stored.member, stored.event) {
                return Err(self.refuse_duplicate(start, i, stored.member, stored.event));
            }
            self.marks.push(stored);
        }
        Ok(())
    }

    /// Records marks as `recorder`, all or none, after checking that the rulebook's
    /// authority `record_attendance` lets them record each event's marks: in the scope of
    /// the event's project leader and department (a department head records only their own
    /// department's events). [`AttendanceRegister::record_marks`] takes marks whose
    /// recording was checked before, such as a term's data file.
    ///
    /// # Errors
    ///
    /// `member.unknown` (`recorder`); `authority.not_permitted` (`recorder`, for the first
    /// event they may not record); then as [`AttendanceRegister::record_marks`]. On error
    /// nothing is recorded.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{AttendanceRegister, Diagnostic, Rulebook, TermData};
    /// use secretariat::attendance::{Mark, MarkRecord};
    ///
    /// let rb = Rulebook::default();
    /// let data = TermData::sample();
    /// let mut register = AttendanceRegister::new(data.roster()?, data.events.clone())?;
    /// let meeting = data.events[0].id.clone();
    /// let marks = [MarkRecord::direct("2002011", meeting, Mark::Late)];
    /// // A reserve member may not record attendance.
    /// let reserve = data.members.iter().find(|m| m.role == secretariat::Role::ReserveMember).unwrap();
    /// let err = register.record_marks_by(&rb, &reserve.id, &marks).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("authority.not_permitted", "recorder"));
    /// assert_eq!(register.mark_count(), 0);
    ///
    /// register.record_marks_by(&rb, &"2000001".into(), &marks)?; // the president may
    /// assert_eq!(register.mark_count(), 1);
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn record_marks_by(
        &mut self,
        rulebook: &crate::Rulebook,
        recorder: &MemberId,
        records: &[MarkRecord],
    ) -> crate::Result<()> {
        let actor = self.roster.require(recorder, "recorder")?;
        let mut checked: Vec<&EventId> = Vec::new();
        for r in records {
            let Some(event) = self.event(&r.event) else {
                continue; // `record_marks` refuses it at its place
            };
            if checked.contains(&&event.id) {
                continue;
            }
            let scope = crate::authority::Scope {
                project_leader: event.project_leader.as_ref(),
                department: event.department.as_ref(),
            };
            crate::authority::authorize(
                &rulebook.authority,
                crate::authority::Action::RecordAttendance,
                actor,
                &scope,
                "recorder",
            )?;
            checked.push(&event.id);
        }
        self.record_marks(&rulebook.attendance, records)
    }

    /// Removes the marks recorded since `start`: the register is as before the batch.
    #[cold]
    fn unstage(&mut self, start: usize) {
        for m in self.marks.get(start..).unwrap_or_default() {
            self.marked.remove(m.member, m.event);
        }
        self.marks.truncate(start);
    }

    /// The ids of a (member, event) pair of positions.
    fn ids_at(&self, member: u32, event: u32) -> (MemberId, EventId) {
        let member = self.roster.members().get(member as usize);
        let event = self.events.get(event as usize);
        (
            member
                .map(|m| m.id.clone())
                .unwrap_or_else(|| MemberId(String::new())),
            event
                .map(|e| e.id.clone())
                .unwrap_or_else(|| EventId(String::new())),
        )
    }

    /// Rolls back the batch begun at `start`: row `row` marks a pair marked already.
    #[cold]
    fn refuse_duplicate(
        &mut self,
        start: usize,
        row: usize,
        member: u32,
        event: u32,
    ) -> crate::Error {
        self.unstage(start);
        let (member, event) = self.ids_at(member, event);
        AttendanceErrorKind::DuplicateMark { member, event }
            .at(format!("marks[{row}]"))
            .into()
    }

    /// Rolls back the batch begun at `start`: row `row` is `excused` without leave.
    #[cold]
    fn refuse_excused(
        &mut self,
        start: usize,
        row: usize,
        member: u32,
        event: u32,
    ) -> crate::Error {
        self.unstage(start);
        let (member, event) = self.ids_at(member, event);
        AttendanceErrorKind::ExcusedWithoutLeave { member, event }
            .at(format!("marks[{row}].mark"))
            .into()
    }

    fn resolve_mark(
        &self,
        policy: &AttendancePolicy,
        r: &MarkRecord,
        index: usize,
    ) -> crate::Result<StoredMark> {
        // Paths are built only on error: this runs once per mark.
        let path = MarkPath(index);
        let member = self.roster.position(&r.member).ok_or_else(|| {
            crate::MemberErrorKind::Unknown {
                id: r.member.clone(),
            }
            .at(format!("{path}.member"))
        })?;
        let event_pos = self.event_position(&r.event).ok_or_else(|| {
            AttendanceErrorKind::UnknownEvent {
                id: r.event.clone(),
            }
            .at(format!("{path}.event"))
        })?;
        let event = self.events.get(event_pos as usize).ok_or_else(|| {
            AttendanceErrorKind::UnknownEvent {
                id: r.event.clone(),
            }
            .at(format!("{path}.event"))
        })?;
        let mark = match (r.mark, r.sign_in, r.sign_out) {
            (Some(mark), None, None) => mark,
            (None, Some(sign_in), None)
                if sign_in > event.end && policy.sign_in_after_end == SignInAfterEnd::Absent =>
            {
                Mark::Absent
            }
            (None, Some(sign_in), sign_out) => Mark::from_times(
                event.start,
                event.end,
                sign_in,
                sign_out,
                policy.grace_minutes,
            )
            .map_err(|_| {
                AttendanceErrorKind::SignOutBeforeSignIn {
                    sign_out: sign_out.unwrap_or(sign_in),
                }
                .at(format!("{path}.sign_out"))
            })?,
            (None, None, Some(sign_out)) => {
                return Err(AttendanceErrorKind::SignOutBeforeSignIn { sign_out }
                    .at(format!("{path}.sign_out"))
                    .into());
            }
            (None, None, None) => {
                return Err(AttendanceErrorKind::MarkShape { given: "neither" }
                    .at(path.to_string())
                    .into());
            }
            (Some(_), _, _) => {
                return Err(AttendanceErrorKind::MarkShape { given: "both" }
                    .at(path.to_string())
                    .into());
            }
        };
        if mark == Mark::Excused && !self.on_leave.contains_key(&(member, event_pos)) {
            return Err(AttendanceErrorKind::ExcusedWithoutLeave {
                member: r.member.clone(),
                event: r.event.clone(),
            }
            .at(format!("{path}.mark"))
            .into());
        }
        let minutes = match r.sign_in {
            Some(sign_in) => [
                store_minutes(sign_in - event.start),
                r.sign_out.map_or(0, |out| store_minutes(event.end - out)),
            ],
            None => [0, 0],
        };
        Ok(StoredMark {
            member,
            event: event_pos,
            mark,
            minutes,
        })
    }
}

#[cfg(test)]
mod tests;

debug_as_quoted_id!(EventId);
