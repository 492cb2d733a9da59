//! Runs a compiled policy over one member's offences: windows, conversions, counters,
//! points, the sanction ladder with persistence and decisions, and the trace.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};

use crate::attendance::{
    AttendanceError, AttendanceErrorKind, EventKind, Mark, RecordRef, StandingStatus,
};
use crate::calendar::{DateRange, SchoolCalendar};
use crate::rule::RuleRef;

use super::compiled::{CTrigger, Compiled};
use super::policy::{BothAtOneEvent, DisciplineWindow, MarkPart};
use super::trace::{NextSanction, SanctionDecision, SanctionState, TraceStep};

/// One mark, as the engine reads it.
pub(crate) struct MarkFact {
    pub member: u32,
    pub mark_index: u32,
    pub at: NaiveDateTime,
    pub kind: EventKind,
    pub mark: Mark,
    pub late_minutes: Option<u32>,
    pub early_minutes: Option<u32>,
    pub on_leave: bool,
}

/// An offence (or a credit, for bonuses) a record made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Offence {
    pub member: u32,
    pub at: NaiveDateTime,
    pub mark_index: u32,
    pub rule: u16,
    pub minutes: Option<u32>,
}

impl Offence {
    fn date(&self) -> NaiveDate {
        self.at.date()
    }
}

/// What the policy gives one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DisciplineVerdict {
    pub status: StandingStatus,
    pub sanction: Option<SanctionState>,
    pub points: Option<i32>,
    pub next: Option<NextSanction>,
    pub trace: Vec<TraceStep>,
}

/// Conversions made inside a window: `(conversion, how many)`.
type Made = Vec<(usize, u32)>;

/// A counter on one day.
struct CounterValue {
    count: u32,
    window: DateRange,
    made: Made,
}

/// The points on one day.
struct PointsValue {
    score: i32,
    deducted: u32,
    bonus: u32,
    window: DateRange,
    made: Made,
}

/// Counters and points on one day.
struct Evaluation {
    counters: Vec<CounterValue>,
    points: Option<PointsValue>,
}

impl Compiled {
    /// Appends the offences one mark makes.
    #[inline]
    pub(crate) fn offences_of(&self, f: &MarkFact, out: &mut Vec<Offence>) {
        let mut push = |part: MarkPart, minutes: Option<u32>| {
            if let Some(rule) = self.classify(part, f.kind, minutes) {
                out.push(Offence {
                    member: f.member,
                    at: f.at,
                    mark_index: f.mark_index,
                    rule,
                    minutes,
                });
            }
        };
        match f.mark {
            Mark::Present => push(MarkPart::Present, None),
            Mark::Late => push(MarkPart::Late, f.late_minutes),
            Mark::LeftEarly => push(MarkPart::LeftEarly, f.early_minutes),
            Mark::LateAndLeftEarly => {
                push(MarkPart::Late, f.late_minutes);
                if self.both == BothAtOneEvent::Twice {
                    push(MarkPart::LeftEarly, f.early_minutes);
                }
            }
            Mark::Absent if f.on_leave => push(MarkPart::Excused, None),
            Mark::Absent => push(MarkPart::Absent, None),
            Mark::Excused => push(MarkPart::Excused, None),
        }
    }

    fn window_path(&self, owner: &str) -> String {
        if self.seed {
            "attendance.window".into()
        } else {
            format!("discipline.{owner}.window")
        }
    }

    /// The range of a (non-consecutive) window on `day`; `None` when no semester holds it.
    fn range(
        &self,
        w: DisciplineWindow,
        cal: &SchoolCalendar,
        day: NaiveDate,
    ) -> Option<DateRange> {
        let back = |d: Option<NaiveDate>| d.unwrap_or(NaiveDate::MIN);
        Some(match w {
            DisciplineWindow::Term | DisciplineWindow::ConsecutiveMonths(_) => cal.term,
            DisciplineWindow::Semester => cal.semester_of(day)?.range(),
            DisciplineWindow::AcademicYear => {
                let y = if day.month() >= self.year_month {
                    day.year()
                } else {
                    day.year() - 1
                };
                let start = NaiveDate::from_ymd_opt(y, self.year_month, 1)?;
                let end = start
                    .checked_add_months(Months::new(12))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX);
                DateRange::new(start, end)
            }
            DisciplineWindow::RollingDays(n) => DateRange::new(
                back(day.checked_sub_days(Days::new(u64::from(n.saturating_sub(1))))),
                day,
            ),
            DisciplineWindow::RollingMonths(n) => DateRange::new(
                back(
                    day.checked_sub_months(Months::new(n))
                        .and_then(|d| d.succ_opt()),
                ),
                day,
            ),
        })
    }

    /// Offence counts over `range` (up to `day`), after the conversions.
    fn tally(
        &self,
        offs: &[Offence],
        range: DateRange,
        day: NaiveDate,
    ) -> (Vec<u32>, Vec<(usize, u32)>) {
        let mut counts = vec![0u32; self.offences.len()];
        for o in offs {
            let d = o.date();
            if d <= day
                && range.contains(d)
                && let Some(r) = self.rules.get(o.rule as usize)
                && let Some(c) = counts.get_mut(r.offence as usize)
            {
                *c += 1;
            }
        }
        let mut made = Vec::new();
        for (i, c) in self.conversions.iter().enumerate() {
            let have = counts.get(c.from as usize).copied().unwrap_or(0);
            let n = have / c.every;
            if n == 0 {
                continue;
            }
            if c.consume
                && let Some(from) = counts.get_mut(c.from as usize)
            {
                *from -= n * c.every;
            }
            if let Some(to) = counts.get_mut(c.to as usize) {
                *to += n;
            }
            made.push((i, n));
        }
        (counts, made)
    }

    fn count(offences: &[u16], counts: &[u32]) -> u32 {
        offences
            .iter()
            .map(|&o| counts.get(o as usize).copied().unwrap_or(0))
            .sum()
    }

    /// The ranges to try for a window: one, or for consecutive months one per month of an
    /// offence (the worst run starts at some offence's month).
    fn candidates(
        &self,
        w: DisciplineWindow,
        offs: &[Offence],
        cal: &SchoolCalendar,
        day: NaiveDate,
    ) -> Option<Vec<DateRange>> {
        let DisciplineWindow::ConsecutiveMonths(n) = w else {
            return self.range(w, cal, day).map(|r| vec![r]);
        };
        let clip = |start: NaiveDate| {
            let end = start
                .checked_add_months(Months::new(n))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
                .min(day)
                .min(cal.term.end);
            DateRange::new(start.max(cal.term.start), end)
        };
        let mut months: Vec<NaiveDate> = offs
            .iter()
            .map(|o| o.date())
            .filter(|&d| d <= day && cal.term.contains(d))
            .filter_map(|d| d.with_day(1))
            .collect();
        months.dedup();
        if months.is_empty() {
            months.push(day.with_day(1).unwrap_or(day));
        }
        Some(months.into_iter().map(clip).collect())
    }

    fn evaluate(
        &self,
        offs: &[Offence],
        cal: &SchoolCalendar,
        day: NaiveDate,
    ) -> Result<Evaluation, String> {
        let mut counters = Vec::with_capacity(self.counters.len());
        for c in &self.counters {
            let ranges = self
                .candidates(c.window, offs, cal, day)
                .ok_or_else(|| self.window_path(&format!("counters.{}", c.id)))?;
            let mut best: Option<CounterValue> = None;
            for window in ranges {
                let (counts, made) = self.tally(offs, window, day);
                let count = Compiled::count(&c.offences, &counts);
                if best.as_ref().is_none_or(|b| count > b.count) {
                    best = Some(CounterValue {
                        count,
                        window,
                        made,
                    });
                }
            }
            counters.push(best.unwrap_or(CounterValue {
                count: 0,
                window: cal.term,
                made: Vec::new(),
            }));
        }
        let points = match &self.points {
            None => None,
            Some(p) => {
                let ranges = self
                    .candidates(p.window, offs, cal, day)
                    .ok_or_else(|| self.window_path("points"))?;
                let mut best: Option<PointsValue> = None;
                for window in ranges {
                    let (counts, made) = self.tally(offs, window, day);
                    let weigh = |per: &[u32]| -> u32 {
                        per.iter()
                            .zip(&counts)
                            .map(|(w, c)| w.saturating_mul(*c))
                            .fold(0u32, u32::saturating_add)
                    };
                    let deducted = weigh(&p.deduct);
                    let bonus = weigh(&p.bonus).min(p.max_bonus.unwrap_or(u32::MAX));
                    let raw = i64::from(p.base) - i64::from(deducted) + i64::from(bonus);
                    let score = raw.max(i64::from(p.floor)).min(i64::from(i32::MAX)) as i32;
                    if best.as_ref().is_none_or(|b| score < b.score) {
                        best = Some(PointsValue {
                            score,
                            deducted,
                            bonus,
                            window,
                            made,
                        });
                    }
                }
                best
            }
        };
        Ok(Evaluation { counters, points })
    }

    /// The first trigger of rung `s` that holds, with the rule it cites.
    fn fired(&self, s: usize, e: &Evaluation) -> Option<&RuleRef> {
        self.sanctions.get(s)?.when.iter().find_map(|(t, rule)| {
            let holds = match t {
                CTrigger::Counter { counter, at_least } => e
                    .counters
                    .get(*counter)
                    .is_some_and(|c| c.count >= *at_least),
                CTrigger::Points { at_most } => {
                    e.points.as_ref().is_some_and(|p| p.score <= *at_most)
                }
            };
            holds.then_some(rule)
        })
    }

    /// The verdict for one member: `offs` their offences up to today in date order,
    /// `decisions` theirs (already checked against the ladder).
    pub(crate) fn verdict(
        &self,
        offs: &[Offence],
        prior_expelled: bool,
        decisions: &[&SanctionDecision],
        cal: &SchoolCalendar,
        today: NaiveDate,
        record: &dyn Fn(u32) -> Option<RecordRef>,
    ) -> Result<DisciplineVerdict, AttendanceError> {
        let mut trace = Vec::new();
        let mut status = StandingStatus::Good;
        if prior_expelled {
            status = StandingStatus::Expelled;
            trace.push(TraceStep::PriorStatus {
                rule: RuleRef::new("members.status", "seed 000, discipline §2"),
                status,
            });
        }
        // A decision gives a clean slate: records up to its date no longer count.
        let mut slate: Option<NaiveDate> = None;
        for d in decisions.iter().filter(|d| d.date <= today) {
            slate = slate.max(Some(d.date));
            trace.push(TraceStep::Decision {
                rule: self
                    .sanctions
                    .iter()
                    .find(|s| s.id == d.sanction)
                    .map(|s| s.rule.clone())
                    .unwrap_or_else(|| RuleRef::new("discipline.sanctions", "")),
                sanction: d.sanction.clone(),
                decision: d.decision.clone(),
                date: d.date,
            });
        }
        let offs: &[Offence] = match slate {
            Some(s) => {
                let first = offs.partition_point(|o| o.date() <= s);
                offs.get(first..).unwrap_or_default()
            }
            None => offs,
        };
        let to_err = |path: String| AttendanceErrorKind::NoSemester { today }.at(path);
        let now = self.evaluate(offs, cal, today).map_err(to_err)?;

        // The horizon: the union of today's windows.
        let mut horizon: Option<DateRange> = None;
        let mut widen = |r: DateRange| {
            horizon = Some(match horizon {
                None => r,
                Some(h) => DateRange::new(h.start.min(r.start), h.end.max(r.end)),
            });
        };
        for c in &now.counters {
            widen(c.window);
        }
        if let Some(p) = &now.points {
            widen(p.window);
        }
        for o in offs {
            // Attendance credits (rules on `present`) are summed in the points step, not
            // listed one by one: a member attends far more often than they offend.
            if horizon.is_some_and(|h| h.contains(o.date()))
                && let Some(rule) = self.rules.get(o.rule as usize)
                && rule.mark != MarkPart::Present
                && let Some(rec) = record(o.mark_index)
            {
                trace.push(TraceStep::Offence {
                    rule: rule.rule.clone(),
                    offence: self
                        .offences
                        .get(rule.offence as usize)
                        .cloned()
                        .unwrap_or_default(),
                    record: rec,
                    minutes: o.minutes,
                });
            }
        }
        let conversion_steps = |trace: &mut Vec<TraceStep>, within: &str, made: &[(usize, u32)]| {
            for &(i, n) in made {
                if let Some(c) = self.conversions.get(i) {
                    trace.push(TraceStep::Conversion {
                        rule: c.rule.clone(),
                        within: within.to_owned(),
                        from: self
                            .offences
                            .get(c.from as usize)
                            .cloned()
                            .unwrap_or_default(),
                        every: c.every,
                        to: self
                            .offences
                            .get(c.to as usize)
                            .cloned()
                            .unwrap_or_default(),
                        made: n,
                    });
                }
            }
        };
        for (c, v) in self.counters.iter().zip(&now.counters) {
            if v.count > 0 {
                conversion_steps(&mut trace, &c.id, &v.made);
                trace.push(TraceStep::Counter {
                    rule: c.rule.clone(),
                    counter: c.id.clone(),
                    count: v.count,
                    window: v.window,
                });
            }
        }
        if let (Some(p), Some(v)) = (&self.points, &now.points) {
            conversion_steps(&mut trace, "points", &v.made);
            trace.push(TraceStep::Points {
                rule: p.rule.clone(),
                points: v.score,
                base: p.base,
                deducted: v.deducted,
                bonus: v.bonus,
                window: v.window,
            });
        }

        // The ladder: every rung set off today, and persistent rungs set off before.
        let mut days: Vec<NaiveDate> = offs.iter().map(Offence::date).collect();
        days.dedup();
        let mut history: Vec<Option<Evaluation>> = Vec::new();
        let mut held: Option<(usize, Option<NaiveDate>)> = None;
        for (i, s) in self.sanctions.iter().enumerate() {
            let today_rule = self.fired(i, &now).cloned();
            let mut since = None;
            let mut rule = today_rule.clone();
            if s.persists {
                if history.is_empty() {
                    history = days
                        .iter()
                        .map(|&d| self.evaluate(offs, cal, d).ok())
                        .collect();
                }
                if let Some((d, r)) = days.iter().zip(&history).find_map(|(d, e)| {
                    e.as_ref()
                        .and_then(|e| self.fired(i, e))
                        .map(|r| (*d, r.clone()))
                }) {
                    since = Some(d);
                    rule = rule.or(Some(r));
                }
            }
            let Some(rule) = rule else {
                continue;
            };
            let since = if today_rule.is_some() { None } else { since };
            status = status.max(s.status);
            trace.push(TraceStep::Sanction {
                rule,
                sanction: s.id.clone(),
                status: s.status,
                since,
            });
            held = Some((i, since));
        }
        let sanction = held.and_then(|(i, since)| {
            self.sanctions.get(i).map(|s| SanctionState {
                id: s.id.clone(),
                name: s.name.clone(),
                status: s.status,
                since,
            })
        });
        let next_rung = held.map_or(0, |(i, _)| i + 1);
        let next = self.sanctions.get(next_rung).and_then(|s| {
            s.when
                .iter()
                .filter_map(|(t, _)| match t {
                    CTrigger::Counter { counter, at_least } => {
                        let have = now.counters.get(*counter).map_or(0, |c| c.count);
                        Some((
                            Some(self.counters.get(*counter)?.id.clone()),
                            at_least.saturating_sub(have),
                        ))
                    }
                    CTrigger::Points { at_most } => {
                        let have = now.points.as_ref()?.score;
                        Some((
                            None,
                            u32::try_from(i64::from(have) - i64::from(*at_most)).ok()?,
                        ))
                    }
                })
                .min_by_key(|(_, n)| *n)
                .map(|(counter, remaining)| NextSanction {
                    sanction: s.id.clone(),
                    counter,
                    remaining,
                })
        });
        Ok(DisciplineVerdict {
            status,
            sanction,
            points: now.points.as_ref().map(|p| p.score),
            next: if status == StandingStatus::Expelled {
                None
            } else {
                next
            },
            trace,
        })
    }
}
