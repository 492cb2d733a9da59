//! The term report: the main job. A term's data (calendar, members, events, leave requests,
//! marks, planned activities) goes in with a rulebook and a day; standings with reasons,
//! leave decisions and milestone countdowns come out.

use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activity::{ActivityReport, ActivityYearData};
use crate::attendance::{
    AttendanceRegister, Event, EventKind, LeaveGrant, LeaveRequest, MarkRecord, Standing,
    StandingStatus,
};
use crate::budget::BudgetReport;
use crate::calendar::SchoolCalendar;
use crate::diagnostic::{Issue, Locale};
use crate::error::Error;
use crate::evaluation::{EvaluationInput, Ranking};

use crate::members::{Member, MemberId, Roster};
use crate::recruitment::{Allocation, RecruitmentRound, TeamCheck};
use crate::rulebook::{Rulebook, RulebookStamp};
use crate::schedule::{Countdown, MilestonePlan, MilestoneStatus};
use crate::table::{row, section, table};

/// The bundled sample term (seed 000's department, autumn 2002).
pub const SAMPLE_TERM_JSON: &str = include_str!("../data/sample_term.json");

/// How the weekly regular meetings of the term are turned into events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingSeries {
    /// Title of each meeting.
    pub title: String,
    /// Who leads the meetings and approves leave from them; with none, each member's
    /// department head approves.
    #[serde(default)]
    pub leader: Option<MemberId>,
}

/// An activity planned backward from its date with a milestone template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedActivity {
    /// Unique id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The rulebook's milestone template, e.g. `welcome_party`.
    pub template: String,
    /// The (possibly tentative) date of the activity.
    pub date: NaiveDate,
    /// Ids of milestones already done.
    #[serde(default)]
    pub done: Vec<String>,
}

/// A term's data, as a school's secretary keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TermData {
    /// A title for the report.
    pub title: String,
    /// The day the data was last brought up to date: the report's default "today".
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// The school calendar.
    pub calendar: SchoolCalendar,
    /// The weekly regular meetings, generated from the rulebook and the calendar; `None` for
    /// no generated meetings.
    #[serde(default)]
    pub meetings: Option<MeetingSeries>,
    /// The members.
    pub members: Vec<Member>,
    /// Events other than the regular meetings.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Leave requests, in the order they were made.
    #[serde(default)]
    pub leave_requests: Vec<LeaveRequest>,
    /// Attendance marks.
    #[serde(default)]
    pub marks: Vec<MarkRecord>,
    /// Recorded decisions lifting sanctions (reinstatement votes, revocations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanction_decisions: Vec<crate::discipline::SanctionDecision>,
    /// Activities planned with milestone templates.
    #[serde(default)]
    pub activities: Vec<PlannedActivity>,
    /// The year's activity plans, their lifecycle and their money (domain.md §3, §6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_year: Option<ActivityYearData>,
    /// Challenge Cup scores, a recruitment round and a team (domain.md §2, §4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<SelectionData>,
}

/// What became of one leave request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LeaveDecision {
    /// The request.
    pub request: LeaveRequest,
    /// The grant, when approved.
    pub granted: Option<LeaveGrant>,
    /// Every reason for refusal, when refused: messages in English, each shown in any
    /// locale by [`Issue::message_in`] (code and parameters are kept).
    pub refused: Vec<Issue>,
}

impl TermData {
    /// The bundled sample term: a dozen members across grades 99 to 02, weekly meetings with
    /// late arrivals and early leaves, leave with and without a substitute, the welcome
    /// party of seed 000, the year's activities and budget ([`ActivityYearData::sample`]),
    /// and the Challenge Cup selection and recruitment round ([`SelectionData::sample`]).
    pub fn sample() -> TermData {
        static SAMPLE: OnceLock<TermData> = OnceLock::new();
        SAMPLE
            .get_or_init(|| {
                // Bundled data, checked by the test `sample_term_loads`.
                #[allow(clippy::expect_used)]
                TermData::from_json_str(SAMPLE_TERM_JSON).expect("the bundled sample term loads")
            })
            .clone()
    }

    /// Reads term data from JSON.
    ///
    /// # Errors
    ///
    /// `input.syntax`, or `input.invalid` (or a field's own code such as
    /// `member.invalid_grade`) with the path of the offending field.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, TermData};
    /// let err = TermData::from_json_str(r#"{"title": "t"}"#).unwrap_err();
    /// assert_eq!(err.code(), "input.invalid");
    /// ```
    pub fn from_json_str(text: &str) -> Result<TermData, crate::InputError> {
        crate::input::from_json_str(text)
    }

    /// The roster of the term's members.
    ///
    /// # Errors
    ///
    /// `member.empty` or `member.duplicate_id` at `members[i]`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, TermData};
    /// let mut data = TermData::sample();
    /// data.members.push(data.members[0].clone());
    /// assert_eq!(data.roster().unwrap_err().code(), "member.duplicate_id");
    /// ```
    pub fn roster(&self) -> crate::Result<Roster> {
        Ok(Roster::new(self.members.clone())?)
    }

    /// The term's events: the generated regular meetings, then the listed events.
    ///
    /// # Errors
    ///
    /// A scheduling error when the meetings cannot be generated.
    pub fn all_events(&self, rulebook: &Rulebook) -> crate::Result<Vec<Event>> {
        let mut events = Vec::new();
        if let Some(series) = &self.meetings {
            for m in rulebook.schedule.regular_meetings(&self.calendar)? {
                events.push(Event {
                    id: crate::attendance::EventId(m.id),
                    kind: EventKind::RegularMeeting,
                    title: series.title.clone(),
                    start: m.start,
                    end: m.end,
                    project_leader: series.leader.clone(),
                    department: None,
                });
            }
        }
        events.extend(self.events.iter().cloned());
        Ok(events)
    }

    /// The attendance register of the term: leave requests decided in order, then the marks
    /// recorded. Refused leave does not stop the register; it is returned as a decision.
    ///
    /// # Errors
    ///
    /// Any error of the roster, the events or the marks, with paths into the term data.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    /// let mut data = TermData::sample();
    /// data.marks[3].event = "no-such-event".into();
    /// let err = data.register(&Rulebook::default()).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("attendance.unknown_event", "marks[3].event"));
    /// ```
    pub fn register(
        &self,
        rulebook: &Rulebook,
    ) -> crate::Result<(AttendanceRegister, Vec<LeaveDecision>)> {
        let mut register = AttendanceRegister::new(self.roster()?, self.all_events(rulebook)?)?;
        let mut decisions = Vec::with_capacity(self.leave_requests.len());
        for request in &self.leave_requests {
            let problems = register.check_leave(rulebook, request);
            let decision = if problems.is_empty() {
                LeaveDecision {
                    request: request.clone(),
                    granted: Some(register.grant_leave(rulebook, request)?),
                    refused: Vec::new(),
                }
            } else {
                LeaveDecision {
                    request: request.clone(),
                    granted: None,
                    refused: problems.iter().map(|e| e.issue(Locale::En)).collect(),
                }
            };
            decisions.push(decision);
        }
        register.record_marks(&rulebook.attendance, &self.marks)?;
        Ok((register, decisions))
    }
}

/// A sample of selection data for the demo: Challenge Cup judges' scores for eight members
/// of the sample term (one of them, 2002013, expelled in that term), a recruitment round of
/// twelve candidates, and a Challenge Cup team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelectionData {
    /// A title for the report.
    pub title: String,
    /// Challenge Cup talent selection: five judges, eight candidates.
    pub challenge_cup: EvaluationInput,
    /// Recruitment of new members, autumn 2002.
    pub recruitment: RecruitmentRound,
    /// A Challenge Cup team, by member id of the sample term.
    pub challenge_cup_team: Vec<MemberId>,
    /// The academic year the team's years of study are counted in.
    pub team_year: i32,
}

impl SelectionData {
    /// The bundled sample: the selection of [`TermData::sample`].
    pub fn sample() -> SelectionData {
        // The sample term bundles it: checked by the test `sample_term_loads`.
        #[allow(clippy::expect_used)]
        TermData::sample()
            .selection
            .expect("the sample term has a selection")
    }

    /// Reads selection data from JSON.
    ///
    /// # Errors
    ///
    /// `input.syntax`, or `input.invalid` (or a field's own code such as
    /// `member.invalid_grade`) with the path of the offending field.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::Diagnostic;
    /// use secretariat::report::SelectionData;
    ///
    /// let err = SelectionData::from_json_str(r#"{"title": "t"}"#).unwrap_err();
    /// assert_eq!(err.code(), "input.invalid");
    /// ```
    pub fn from_json_str(text: &str) -> Result<SelectionData, crate::InputError> {
        crate::input::from_json_str(text)
    }
}

/// The report of a term on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TermReport {
    /// The report's title.
    pub title: String,
    /// The day it was made for.
    pub today: NaiveDate,
    /// The rulebook used.
    pub rulebook: RulebookStamp,
    /// Every member's standing.
    pub standings: Vec<Standing>,
    /// Every leave request's decision.
    pub leave: Vec<LeaveDecision>,
    /// Every planned activity's milestones and where they stand today.
    pub activities: Vec<ActivityStatus>,
    /// The activities' lifecycle states on the day, when the data has a budget year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_states: Option<ActivityReport>,
    /// The budget on the day, when the data has a budget year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetReport>,
    /// The Challenge Cup selection, with deductions and vetoes from the standings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_cup: Option<Ranking>,
    /// The Challenge Cup team's composition check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamCheck>,
    /// The recruitment round's allocation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruitment: Option<Allocation>,
}

/// A planned activity on the report's day: its milestone plan and countdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActivityStatus {
    /// The activity's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The milestones planned backward from its date.
    pub plan: MilestonePlan,
    /// Where each milestone stands today, and the next action.
    pub countdown: Countdown,
}

impl PlannedActivity {
    /// The activity's milestone plan and its countdown on `today`.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_template` for a template the rulebook lacks,
    /// `schedule.unknown_milestone` for a done id the template lacks, and the errors of
    /// working-day counting.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::{Diagnostic, Rulebook, TermData};
    ///
    /// let data = TermData::sample();
    /// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
    /// let mut party = data.activities[0].clone();
    /// let status = party.status(&Rulebook::default(), &data.calendar, today)?;
    /// assert_eq!(status.countdown.next_action.as_deref(), Some("detailed_production"));
    ///
    /// party.template = "sports_day".into();
    /// let err = party.status(&Rulebook::default(), &data.calendar, today).unwrap_err();
    /// assert_eq!(err.code(), "schedule.unknown_template");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn status(
        &self,
        rulebook: &Rulebook,
        calendar: &SchoolCalendar,
        today: NaiveDate,
    ) -> crate::Result<ActivityStatus> {
        let mut plan = rulebook
            .schedule
            .plan(&self.template, self.date, Some(calendar))?;
        plan.event_id = self.id.clone();
        plan.title = self.title.clone();
        let countdown = crate::schedule::countdown(&plan, &self.done, today)?;
        Ok(ActivityStatus {
            id: self.id.clone(),
            title: self.title.clone(),
            plan,
            countdown,
        })
    }
}

/// Builds the term report for `today`.
///
/// # Errors
///
/// Any error of the term data (see [`TermData::register`]) or of the rulebook's window.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::{Diagnostic, Rulebook, TermData, term_report};
///
/// let mut data = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap();
/// assert!(term_report(&Rulebook::default(), &data, today).is_ok());
/// data.members[2].name = " ".into();
/// let err = term_report(&Rulebook::default(), &data, today).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("member.empty", "members[2].name"));
/// ```
pub fn term_report(
    rulebook: &Rulebook,
    data: &TermData,
    today: NaiveDate,
) -> crate::Result<TermReport> {
    let (register, leave) = data.register(rulebook)?;
    let standings =
        register.standings_with(rulebook, &data.calendar, today, &data.sanction_decisions)?;
    let activities = data
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.status(rulebook, &data.calendar, today)
                .map_err(|e| e.within(&format!("activities[{i}]")))
        })
        .collect::<crate::Result<Vec<_>>>()?;
    let year = match &data.budget_year {
        Some(year) => Some(
            year.replay(rulebook, register.roster(), Some(&data.calendar), today)
                .map_err(|e| e.within("budget_year"))?,
        ),
        None => None,
    };
    let (challenge_cup, team, recruitment) = match &data.selection {
        Some(sel) => {
            let ranking = crate::evaluation::evaluate(rulebook, &sel.challenge_cup, &standings)
                .map_err(|e| Error::from(e).within("selection.challenge_cup"))?;
            let team = crate::recruitment::check_team_ids(
                rulebook,
                "challenge_cup",
                register.roster(),
                &sel.challenge_cup_team,
                sel.team_year,
            )
            .map_err(|e| e.within("selection.challenge_cup_team"))?;
            let allocation = crate::recruitment::allocate(rulebook, &sel.recruitment)
                .map_err(|e| Error::from(e).within("selection.recruitment"))?;
            (Some(ranking), Some(team), Some(allocation))
        }
        None => (None, None, None),
    };
    Ok(TermReport {
        title: data.title.clone(),
        today,
        rulebook: rulebook.stamp(),
        standings,
        leave,
        activities,
        activity_states: year.as_ref().map(|y| y.activity_report(rulebook, today)),
        budget: year.as_ref().map(|y| y.budget_report(rulebook)),
        challenge_cup,
        team,
        recruitment,
    })
}

/// The term's planned activities (with their milestones) and weekly meetings as an
/// iCalendar (RFC 5545) file. `now` is the file's `DTSTAMP`, in UTC.
///
/// # Errors
///
/// The errors of planning an activity (at `activities[i]...`) or generating the meetings.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::{Diagnostic, Locale, Rulebook, TermData, report::term_icalendar};
///
/// let mut data = TermData::sample();
/// let now = NaiveDate::from_ymd_opt(2002, 10, 14).unwrap().and_hms_opt(0, 0, 0).unwrap();
/// let ics = term_icalendar(&Rulebook::default(), &data, now, Locale::En)?;
/// assert!(ics.contains("UID:regular-meeting-2002-09-04@secretariat"));
///
/// data.activities[0].done.push("bake_cake".into());
/// let err = term_icalendar(&Rulebook::default(), &data, now, Locale::En).unwrap_err();
/// assert_eq!(err.path(), "activities[0].done[3]");
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn term_icalendar(
    rulebook: &Rulebook,
    data: &TermData,
    now: chrono::NaiveDateTime,
    locale: Locale,
) -> crate::Result<String> {
    let plans = data
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.status(rulebook, &data.calendar, now.date())
                .map(|s| s.plan)
                .map_err(|e| e.within(&format!("activities[{i}]")))
        })
        .collect::<crate::Result<Vec<_>>>()?;
    let meetings = if data.meetings.is_some() {
        rulebook.schedule.regular_meetings(&data.calendar)?
    } else {
        Vec::new()
    };
    Ok(crate::schedule::to_icalendar(
        &plans, &meetings, now, locale,
    )?)
}

impl TermReport {
    /// The report as aligned plain-text tables, in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(
            out,
            "{} {} · {} {} ({})",
            crate::catalog::label(locale, "label.today"),
            self.today,
            crate::catalog::label(locale, "label.rulebook"),
            self.rulebook.version,
            self.rulebook.fingerprint
        );

        section(&mut out, crate::catalog::label(locale, "label.standings"));
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.member"),
            crate::catalog::label(locale, "label.name"),
            crate::catalog::label(locale, "label.status"),
            crate::catalog::label(locale, "label.late_early"),
            crate::catalog::label(locale, "label.absent"),
            crate::catalog::label(locale, "label.excused"),
            crate::catalog::label(locale, "label.why"),
        ])];
        for s in &self.standings {
            rows.push(vec![
                s.member.to_string(),
                s.name.clone(),
                status_label(s.status, locale).to_owned(),
                s.counts.lateness.to_string(),
                s.counts.absences.to_string(),
                s.counts.excused.to_string(),
                s.explain(locale),
            ]);
        }
        table(&mut out, &rows);
        self.render_traces(&mut out, locale);

        section(
            &mut out,
            crate::catalog::label(locale, "label.leave_decisions"),
        );
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.member"),
            crate::catalog::label(locale, "label.event"),
            crate::catalog::label(locale, "label.substitute"),
            crate::catalog::label(locale, "label.approver"),
            crate::catalog::label(locale, "label.decision"),
        ])];
        for d in &self.leave {
            let decision = match &d.granted {
                Some(g) => format!(
                    "{} ({}, {})",
                    crate::catalog::label(locale, "label.approved"),
                    g.approved_as,
                    g.rule.article
                ),
                None => format!(
                    "{}: {}",
                    crate::catalog::label(locale, "label.refused"),
                    d.refused
                        .iter()
                        .map(|i| i.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            rows.push(vec![
                d.request.member.to_string(),
                d.request.event.to_string(),
                d.request
                    .substitute
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), ToString::to_string),
                d.request.approver.to_string(),
                decision,
            ]);
        }
        table(&mut out, &rows);

        for a in &self.activities {
            section(
                &mut out,
                &format!(
                    "{} {} ({}, {} {})",
                    crate::catalog::label(locale, "label.countdown"),
                    a.title,
                    a.plan.event_date,
                    a.countdown.days_to_event,
                    crate::catalog::label(locale, "label.days_to_go")
                ),
            );
            let mut rows = vec![row([
                crate::catalog::label(locale, "label.milestone"),
                crate::catalog::label(locale, "label.window"),
                crate::catalog::label(locale, "label.status"),
                crate::catalog::label(locale, "label.days_left"),
                crate::catalog::label(locale, "label.note"),
            ])];
            for (planned, c) in a.plan.milestones.iter().zip(&a.countdown.milestones) {
                let window = if c.window.start == c.window.end {
                    c.window.end.to_string()
                } else {
                    format!(
                        "{} .. {}",
                        c.window.start,
                        crate::calendar::month_day(c.window.end)
                    )
                };
                let mut note = planned.note.clone();
                if let Some(role) = planned.approval {
                    note = format!(
                        "{note} [{} {role}]",
                        crate::catalog::label(locale, "label.approval")
                    );
                }
                rows.push(vec![
                    planned.title.clone(),
                    window,
                    milestone_label(c.status, locale).to_owned(),
                    if c.status == MilestoneStatus::Done {
                        "-".to_owned()
                    } else {
                        c.days_remaining.to_string()
                    },
                    note.trim().to_owned(),
                ]);
            }
            table(&mut out, &rows);
            let next = a
                .countdown
                .next_action
                .as_ref()
                .and_then(|id| a.plan.milestones.iter().find(|m| &m.id == id))
                .map_or_else(|| "-".to_owned(), |m| m.title.clone());
            let _ = writeln!(
                out,
                "{} {next}",
                crate::catalog::label(locale, "label.next_action")
            );
        }
        // These sections render their own headings.
        for part in [
            self.activity_states.as_ref().map(|s| s.render(locale)),
            self.budget.as_ref().map(|b| b.render(locale)),
            self.challenge_cup.as_ref().map(|r| r.render(locale)),
            self.team.as_ref().map(|t| t.render(locale)),
            self.recruitment.as_ref().map(|a| a.render(locale)),
        ]
        .into_iter()
        .flatten()
        {
            out.push_str(&part);
        }
        out
    }
}

fn milestone_label(status: MilestoneStatus, locale: Locale) -> &'static str {
    let key = match status {
        MilestoneStatus::Done => "milestone.done",
        MilestoneStatus::Upcoming => "milestone.upcoming",
        MilestoneStatus::InWindow => "milestone.in_window",
        MilestoneStatus::DueToday => "milestone.due_today",
        MilestoneStatus::Overdue => "milestone.overdue",
    };
    crate::catalog::label(locale, key)
}

impl TermReport {
    /// Every standing's discipline trace, one step a line, for the members with one.
    fn render_traces(&self, out: &mut String, locale: Locale) {
        if self.standings.iter().all(|s| s.trace.is_empty()) {
            return;
        }
        section(out, crate::catalog::label(locale, "label.discipline_trace"));
        for s in self.standings.iter().filter(|s| !s.trace.is_empty()) {
            let sanction = s
                .sanction
                .as_ref()
                .map(|x| crate::discipline::display_name(&x.name, locale).to_owned())
                .unwrap_or_else(|| status_label(s.status, locale).to_owned());
            let _ = writeln!(out, "{} {}: {sanction}", s.member, s.name);
            for step in &s.trace {
                let _ = writeln!(out, "  {}", step.describe(locale));
            }
        }
    }
}

fn status_label(status: StandingStatus, locale: Locale) -> &'static str {
    let key = match status {
        StandingStatus::Good => "standing.status.good",
        StandingStatus::Warning => "standing.status.warning",
        StandingStatus::Expelled => "standing.status.expelled",
    };
    crate::catalog::label(locale, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_term_loads() {
        let data = TermData::from_json_str(SAMPLE_TERM_JSON).unwrap();
        assert!(data.members.len() >= 12);
        assert!(data.budget_year.is_some() && data.selection.is_some());
    }
}
