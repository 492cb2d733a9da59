//! A member's standing: counts, status, next consequence, and the records behind them
//! (seed 000, discipline §2: "Those who are late, leave early for 2 times or are absent from
//! group activities such as regular meetings 1 time will be expelled").

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{DateRange, SchoolCalendar};
use crate::diagnostic::{Locale, Params};
use crate::discipline::{
    Compiled, DisciplineVerdict, MarkFact, NextSanction, Offence, SanctionDecision, SanctionState,
    TraceStep,
};
use crate::members::{MemberId, MemberStatus};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

use super::{
    AttendanceError, AttendanceErrorKind, AttendancePolicy, AttendanceRegister, AttendanceWindow,
    EventId, EventKind, Mark,
};

/// A member's standing status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StandingStatus {
    /// Below every warning level.
    Good,
    /// One offence (the rulebook's margin) below a limit.
    Warning,
    /// A limit reached, or already expelled.
    Expelled,
}

/// A discipline counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counter {
    /// Late arrivals and early leaves together.
    Lateness,
    /// Unexcused absences from group activities.
    Absence,
}

/// The counts of a standing, over its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StandingCounts {
    /// Marked present.
    pub present: u32,
    /// Late arrivals at counted events.
    pub late: u32,
    /// Early leaves at counted events.
    pub left_early: u32,
    /// `late + left_early`: the lateness counter.
    pub lateness: u32,
    /// Unexcused absences from group activities: the absence counter.
    pub absences: u32,
    /// Absences covered by approved leave.
    pub excused: u32,
}

/// A record behind a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecordRef {
    /// The event.
    pub event: EventId,
    /// Its date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: EventKind,
    /// The mark.
    pub mark: Mark,
}

/// Why a standing is what it is: one counter, its limit, and its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StandingReason {
    /// The rule applied.
    pub rule: RuleRef,
    /// The counter, or `None` for a status set outside attendance (already expelled).
    pub counter: Option<Counter>,
    /// The count.
    pub count: u32,
    /// The limit that expels.
    pub limit: u32,
    /// What this counter alone gives.
    pub outcome: StandingStatus,
    /// The marks counted.
    pub records: Vec<RecordRef>,
}

/// What the next offence would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextConsequence {
    /// The counter closest to its limit.
    pub counter: Counter,
    /// Offences left before the limit.
    pub remaining: u32,
    /// What reaching it gives.
    pub outcome: StandingStatus,
}

impl NextConsequence {
    /// "one more late arrival or early leave expels", in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        let key = match self.counter {
            Counter::Lateness => "standing.next.lateness",
            Counter::Absence => "standing.next.absence",
        };
        let params = Params::from([("remaining", self.remaining.to_string())]);
        crate::catalog::report(locale, key, &params)
    }
}

/// A member's standing on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Standing {
    /// The member.
    pub member: MemberId,
    /// The member's name.
    pub name: String,
    /// Good, warning or expelled.
    pub status: StandingStatus,
    /// The counts over the window.
    pub counts: StandingCounts,
    /// One reason per counter with a nonzero count (and one for a prior expulsion).
    pub reasons: Vec<StandingReason>,
    /// What the next offence would do; `None` once expelled.
    pub next_consequence: Option<NextConsequence>,
    /// The dates counted.
    pub window: DateRange,
    /// The discipline policy's explanation, in order: record → offence → conversion →
    /// counters and points → sanction, each step citing its rulebook key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceStep>,
    /// The highest rung of the sanction ladder set off, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanction: Option<SanctionState>,
    /// The points, under a policy that keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i32>,
    /// The next rung of the ladder and how far away it is; `None` once expelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_sanction: Option<NextSanction>,
}

impl Standing {
    /// One line saying why: "expelled: 2 late arrivals or early leaves (limit 2) ...".
    pub fn explain(&self, locale: Locale) -> String {
        if self.reasons.is_empty() && self.sanction.is_some() {
            return self.explain_sanction(locale);
        }
        if self.reasons.is_empty() {
            return crate::catalog::label(locale, "standing.no_offences").to_owned();
        }
        let mut parts: Vec<String> = self
            .reasons
            .iter()
            .map(|r| {
                let dates: Vec<String> = r
                    .records
                    .iter()
                    .map(|rec| crate::calendar::month_day(rec.date))
                    .collect();
                let key = match r.counter {
                    Some(Counter::Lateness) => "standing.reason.lateness",
                    Some(Counter::Absence) => "standing.reason.absence",
                    None => "standing.reason.expelled_before",
                };
                let params = Params::from([
                    ("count", r.count.to_string()),
                    ("limit", r.limit.to_string()),
                    ("dates", crate::catalog::join_list(locale, &dates)),
                    ("article", r.rule.article.clone()),
                ]);
                crate::catalog::report(locale, key, &params)
            })
            .collect();
        if let Some(next) = &self.next_consequence {
            parts.push(next.describe(locale));
        }
        parts.join("; ")
    }
}

impl Standing {
    /// The sanction held, its display name in `locale`, and the counters and points that
    /// set it off (for a rulebook with its own `discipline` table).
    fn explain_sanction(&self, locale: Locale) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.sanction {
            parts.push(crate::discipline::display_name(&s.name, locale).to_owned());
        }
        for step in &self.trace {
            match step {
                TraceStep::Counter { .. } | TraceStep::Points { .. } => {
                    parts.push(step.describe(locale));
                }
                _ => {}
            }
        }
        parts.join("; ")
    }
}

impl Counter {
    /// The counter's snake_case key, as serialised: `lateness`, `absence`.
    pub fn key(self) -> &'static str {
        match self {
            Counter::Lateness => "lateness",
            Counter::Absence => "absence",
        }
    }
}

impl StandingStatus {
    /// The status's snake_case key, as serialised: `good`, `warning`, `expelled`.
    pub fn key(self) -> &'static str {
        match self {
            StandingStatus::Good => "good",
            StandingStatus::Warning => "warning",
            StandingStatus::Expelled => "expelled",
        }
    }
}

impl fmt::Display for StandingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The status one counter gives.
fn outcome(count: u32, limit: u32, margin: u32) -> StandingStatus {
    if count >= limit {
        StandingStatus::Expelled
    } else if count > 0 && count.saturating_add(margin) >= limit {
        StandingStatus::Warning
    } else {
        StandingStatus::Good
    }
}

/// The dates the policy's window covers on `today`.
///
/// # Errors
///
/// `attendance.no_semester` when the window is `semester` and none contains today.
pub fn resolve_window(
    policy: &AttendancePolicy,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> Result<DateRange, AttendanceError> {
    match policy.window {
        AttendanceWindow::Term => Ok(calendar.term),
        AttendanceWindow::Semester => calendar
            .semester_of(today)
            .map(|s| s.range())
            .ok_or(AttendanceErrorKind::NoSemester { today }.at("attendance.window")),
        AttendanceWindow::RollingDays(days) => {
            let start = today
                .checked_sub_days(Days::new(u64::from(days.saturating_sub(1))))
                .unwrap_or(NaiveDate::MIN);
            Ok(DateRange::new(start, today))
        }
    }
}

const IN_WINDOW: u8 = 1;
const COUNTS_LATENESS: u8 = 2;
const COUNTS_ABSENCE: u8 = 4;

impl AttendanceRegister {
    /// Every member's standing on `today`, in roster order. Marks of events after today or
    /// outside the window do not count; an absence covered by granted leave is excused.
    ///
    /// # Errors
    ///
    /// `attendance.no_semester` when the window is `semester` and no semester contains today.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::{AttendanceRegister, Diagnostic, Rulebook, TermData};
    /// use secretariat::attendance::StandingStatus;
    ///
    /// let data = TermData::sample();
    /// let register = data.register(&Rulebook::default())?.0;
    /// let today = NaiveDate::from_ymd_opt(2026, 10, 19).unwrap();
    /// let standings = register.standings(&Rulebook::default(), &data.calendar, today)?;
    /// assert!(standings.iter().any(|s| s.status == StandingStatus::Expelled));
    ///
    /// let by_semester = Rulebook::from_toml_str("[attendance]\nwindow = \"semester\"")?;
    /// let vacation = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    /// let err = register.standings(&by_semester, &data.calendar, vacation).unwrap_err();
    /// assert_eq!(err.code(), "attendance.no_semester");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn standings(
        &self,
        rulebook: &Rulebook,
        calendar: &SchoolCalendar,
        today: NaiveDate,
    ) -> crate::Result<Vec<Standing>> {
        self.standings_with(rulebook, calendar, today, &[])
    }

    /// Every member's standing on `today`, with the recorded decisions that lifted
    /// sanctions (each gives its member a clean slate from its date).
    ///
    /// # Errors
    ///
    /// As [`AttendanceRegister::standings`]; at `sanction_decisions[i]...`,
    /// `member.unknown` for a member not in the roster and `rulebook.inconsistent` for a
    /// sanction the ladder lacks or a decision it does not accept.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    /// use secretariat::discipline::SanctionDecision;
    ///
    /// let data = TermData::sample();
    /// let rb = Rulebook::default();
    /// let register = data.register(&rb)?.0;
    /// let today = NaiveDate::from_ymd_opt(2026, 10, 19).unwrap();
    /// let vote = SanctionDecision {
    ///     member: "2002011".into(),
    ///     sanction: "suspended".into(),
    ///     decision: "reinstatement_vote".into(),
    ///     date: today,
    /// };
    /// let err = register.standings_with(&rb, &data.calendar, today, &[vote]).unwrap_err();
    /// assert_eq!(err.path(), "sanction_decisions[0].sanction");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn standings_with(
        &self,
        rulebook: &Rulebook,
        calendar: &SchoolCalendar,
        today: NaiveDate,
        decisions: &[SanctionDecision],
    ) -> crate::Result<Vec<Standing>> {
        let policy = &rulebook.attendance;
        let window = resolve_window(policy, calendar, today)?;

        let flags: Vec<u8> = self
            .events
            .iter()
            .map(|e| {
                let date = e.start.date();
                if !window.contains(date) || date > today {
                    return 0;
                }
                let mut f = IN_WINDOW;
                if policy.counted_kinds.contains(&e.kind) {
                    f |= COUNTS_LATENESS;
                }
                if policy.absence_kinds.contains(&e.kind) {
                    f |= COUNTS_ABSENCE;
                }
                f
            })
            .collect();

        let mut counts = vec![StandingCounts::default(); self.roster.len()];
        // (member, mark index) of every mark that feeds a counter.
        let mut offences: Vec<(u32, u32)> = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            let f = flags.get(m.event as usize).copied().unwrap_or(0);
            if f == 0 {
                continue;
            }
            let Some(c) = counts.get_mut(m.member as usize) else {
                continue;
            };
            let offence = match m.mark {
                Mark::Present => {
                    c.present += 1;
                    false
                }
                Mark::Late | Mark::LeftEarly | Mark::LateAndLeftEarly => {
                    if f & COUNTS_LATENESS == 0 {
                        c.present += 1;
                        false
                    } else {
                        if m.mark != Mark::LeftEarly {
                            c.late += 1;
                        }
                        if m.mark != Mark::Late {
                            c.left_early += 1;
                        }
                        true
                    }
                }
                Mark::Excused => {
                    c.excused += 1;
                    false
                }
                Mark::Absent => {
                    if self.on_leave.contains_key(&(m.member, m.event)) {
                        c.excused += 1;
                        false
                    } else if f & COUNTS_ABSENCE != 0 {
                        c.absences += 1;
                        true
                    } else {
                        false
                    }
                }
            };
            if offence {
                offences.push((m.member, i as u32));
            }
        }
        offences.sort_unstable_by_key(|&(member, mark)| {
            let date = self
                .marks
                .get(mark as usize)
                .and_then(|m| self.events.get(m.event as usize))
                .map(|e| e.start);
            (member, date, mark)
        });

        let mut standings = Vec::with_capacity(self.roster.len());
        let mut cursor = offences.iter().peekable();
        for (idx, member) in self.roster.members().iter().enumerate() {
            let mut c = counts.get(idx).copied().unwrap_or_default();
            c.lateness = c.late + c.left_early;
            let mut lateness_records = Vec::new();
            let mut absence_records = Vec::new();
            while let Some(&&(m, mark_idx)) = cursor.peek() {
                if m as usize != idx {
                    break;
                }
                cursor.next();
                let Some(stored) = self.marks.get(mark_idx as usize) else {
                    continue;
                };
                let Some(event) = self.events.get(stored.event as usize) else {
                    continue;
                };
                let record = RecordRef {
                    event: event.id.clone(),
                    date: event.start.date(),
                    kind: event.kind,
                    mark: stored.mark,
                };
                if stored.mark == Mark::Absent {
                    absence_records.push(record);
                } else {
                    lateness_records.push(record);
                }
            }
            standings.push(self.standing_from(
                policy,
                member,
                c,
                lateness_records,
                absence_records,
                window,
            ));
        }
        self.apply_discipline(rulebook, calendar, today, decisions, &mut standings)?;
        Ok(standings)
    }

    /// Runs the rulebook's discipline policy and writes its verdict into `standings`: the
    /// trace, sanction, points and next rung always; under a school's own `discipline`
    /// table also the status (the seed's rule gives the status the counters above gave).
    fn apply_discipline(
        &self,
        rulebook: &Rulebook,
        calendar: &SchoolCalendar,
        today: NaiveDate,
        decisions: &[SanctionDecision],
        standings: &mut [Standing],
    ) -> crate::Result<()> {
        let compiled = Compiled::of(rulebook);
        let mut decided: Vec<(u32, &SanctionDecision)> = Vec::with_capacity(decisions.len());
        for (i, d) in decisions.iter().enumerate() {
            let path = format!("sanction_decisions[{i}]");
            let member = self.roster.position(&d.member).ok_or_else(|| {
                crate::MemberErrorKind::Unknown {
                    id: d.member.clone(),
                }
                .at(format!("{path}.member"))
            })?;
            compiled.check_decision(&path, d)?;
            decided.push((member, d));
        }
        decided.sort_by_key(|(m, d)| (*m, d.date));

        let mut offences: Vec<Offence> = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            let Some(e) = self.events.get(m.event as usize) else {
                continue;
            };
            if e.start.date() > today {
                continue;
            }
            let (late_minutes, early_minutes) = m.minutes();
            compiled.offences_of(
                &MarkFact {
                    member: m.member,
                    mark_index: i as u32,
                    at: e.start,
                    kind: e.kind,
                    mark: m.mark,
                    late_minutes,
                    early_minutes,
                    on_leave: self.on_leave.contains_key(&(m.member, m.event)),
                },
                &mut offences,
            );
        }
        offences.sort_unstable_by_key(|o| (o.member, o.at, o.mark_index));

        let record = |mark: u32| -> Option<RecordRef> {
            let stored = self.marks.get(mark as usize)?;
            let event = self.events.get(stored.event as usize)?;
            Some(RecordRef {
                event: event.id.clone(),
                date: event.start.date(),
                kind: event.kind,
                mark: stored.mark,
            })
        };
        let own_policy = rulebook.discipline.is_some();
        let (mut o, mut d) = (0usize, 0usize);
        for (idx, standing) in standings.iter_mut().enumerate() {
            let idx = idx as u32;
            let first = o;
            while offences.get(o).is_some_and(|x| x.member == idx) {
                o += 1;
            }
            let mine: Vec<&SanctionDecision> = {
                let start = d;
                while decided.get(d).is_some_and(|x| x.0 == idx) {
                    d += 1;
                }
                decided
                    .get(start..d)
                    .unwrap_or_default()
                    .iter()
                    .map(|x| x.1)
                    .collect()
            };
            let member = self.roster.members().get(idx as usize);
            let prior = member.is_some_and(|m| m.status == MemberStatus::Expelled);
            let DisciplineVerdict {
                status,
                sanction,
                points,
                next,
                trace,
            } = compiled.verdict(
                offences.get(first..o).unwrap_or_default(),
                prior,
                &mine,
                calendar,
                today,
                &record,
            )?;
            if own_policy {
                standing.status = status;
                standing.reasons.clear();
                standing.next_consequence = None;
            }
            standing.trace = trace;
            standing.sanction = sanction;
            standing.points = points;
            standing.next_sanction = next;
        }
        Ok(())
    }

    fn standing_from(
        &self,
        policy: &AttendancePolicy,
        member: &crate::members::Member,
        counts: StandingCounts,
        lateness_records: Vec<RecordRef>,
        absence_records: Vec<RecordRef>,
        window: DateRange,
    ) -> Standing {
        let mut reasons = Vec::new();
        let mut status = StandingStatus::Good;
        if member.status == MemberStatus::Expelled {
            status = StandingStatus::Expelled;
            reasons.push(StandingReason {
                rule: RuleRef::new("members.status", "seed 000, discipline §2"),
                counter: None,
                count: 0,
                limit: 0,
                outcome: StandingStatus::Expelled,
                records: Vec::new(),
            });
        }
        // The rules are written out only for the reasons that cite them (most members of a
        // large term have none).
        let counters: [(_, _, _, fn() -> RuleRef, _); 2] = [
            (
                Counter::Lateness,
                counts.lateness,
                policy.lateness_limit,
                AttendancePolicy::lateness_rule,
                lateness_records,
            ),
            (
                Counter::Absence,
                counts.absences,
                policy.absence_limit,
                AttendancePolicy::absence_rule,
                absence_records,
            ),
        ];
        let mut next: Option<NextConsequence> = None;
        for (counter, count, limit, rule, records) in counters {
            let o = outcome(count, limit, policy.warning_margin);
            status = status.max(o);
            if count > 0 {
                reasons.push(StandingReason {
                    rule: rule(),
                    counter: Some(counter),
                    count,
                    limit,
                    outcome: o,
                    records,
                });
            }
            let remaining = limit.saturating_sub(count);
            if next.is_none_or(|n| remaining < n.remaining) {
                next = Some(NextConsequence {
                    counter,
                    remaining,
                    outcome: StandingStatus::Expelled,
                });
            }
        }
        Standing {
            member: member.id.clone(),
            name: member.name.clone(),
            status,
            counts,
            reasons,
            next_consequence: if status == StandingStatus::Expelled {
                None
            } else {
                next
            },
            window,
            trace: Vec::new(),
            sanction: None,
            points: None,
            next_sanction: None,
        }
    }

    /// One member's standing on `today`.
    ///
    /// # Errors
    ///
    /// `member.unknown` for an id not in the roster; otherwise as
    /// [`AttendanceRegister::standings`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let data = TermData::sample();
    /// let rb = Rulebook::default();
    /// let register = data.register(&rb)?.0;
    /// let today = NaiveDate::from_ymd_opt(2026, 10, 19).unwrap();
    /// let err = register.standing_of(&rb, &data.calendar, &"nobody".into(), today).unwrap_err();
    /// assert_eq!(err.code(), "member.unknown");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn standing_of(
        &self,
        rulebook: &Rulebook,
        calendar: &SchoolCalendar,
        member: &MemberId,
        today: NaiveDate,
    ) -> crate::Result<Standing> {
        self.roster.require(member, "member")?;
        let position = self.roster.position(member).unwrap_or(0) as usize;
        self.standings(rulebook, calendar, today)?
            .into_iter()
            .nth(position)
            .ok_or_else(|| {
                crate::MemberErrorKind::Unknown { id: member.clone() }
                    .at("member")
                    .into()
            })
    }
}
