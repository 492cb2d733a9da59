//! A discipline policy ready to run: offence ids as small numbers, every rule's reference
//! written out once. Built from a rulebook's `discipline` table, or, when it has none, from
//! the seed's `attendance` keys ([`seed_policy`]).

use std::collections::BTreeMap;

use crate::attendance::{AttendancePolicy, AttendanceWindow, EventKind, StandingStatus};
use crate::rule::RuleRef;
use crate::rulebook::Rulebook;

use super::policy::{
    BothAtOneEvent, CounterRule, DisciplinePolicy, DisciplineWindow, MarkPart, OffenceRule,
    Sanction, Trigger,
};

pub(crate) struct CRule {
    pub offence: u16,
    pub mark: MarkPart,
    /// Bit `k` set: applies to `EventKind::ALL[k]`.
    pub kinds: u8,
    pub over: Option<u32>,
    pub rule: RuleRef,
}

pub(crate) struct CConversion {
    pub from: u16,
    pub every: u32,
    pub to: u16,
    pub consume: bool,
    pub rule: RuleRef,
}

pub(crate) struct CCounter {
    pub id: String,
    pub offences: Vec<u16>,
    pub window: DisciplineWindow,
    pub rule: RuleRef,
}

pub(crate) struct CPoints {
    pub base: i32,
    pub window: DisciplineWindow,
    /// Per offence index.
    pub deduct: Vec<u32>,
    pub bonus: Vec<u32>,
    pub max_bonus: Option<u32>,
    pub floor: i32,
    pub rule: RuleRef,
}

pub(crate) enum CTrigger {
    Counter { counter: usize, at_least: u32 },
    Points { at_most: i32 },
}

pub(crate) struct CSanction {
    pub id: String,
    pub name: BTreeMap<String, String>,
    pub status: StandingStatus,
    /// Each trigger with the rule it cites.
    pub when: Vec<(CTrigger, RuleRef)>,
    pub persists: bool,
    pub lifted_by: Vec<String>,
    pub rule: RuleRef,
}

/// A policy ready to run.
pub(crate) struct Compiled {
    /// Read from the seed's `attendance` keys.
    pub seed: bool,
    pub both: BothAtOneEvent,
    pub year_month: u32,
    pub offences: Vec<String>,
    pub rules: Vec<CRule>,
    pub conversions: Vec<CConversion>,
    pub counters: Vec<CCounter>,
    pub points: Option<CPoints>,
    pub sanctions: Vec<CSanction>,
}

/// The seed's rule (discipline §2) as a discipline policy, from the `attendance` keys: late
/// arrivals and early leaves share the counter `lateness`, unexcused absences from the
/// absence kinds make `absence`; a count `warning_margin` below its limit (and above zero)
/// is a warning, the limit expels.
///
/// # Example
///
/// ```
/// use secretariat::Rulebook;
/// use secretariat::discipline::seed_policy;
///
/// let seed = seed_policy(&Rulebook::default().attendance);
/// assert_eq!(seed.sanctions.last().map(|s| s.id.as_str()), Some("expelled"));
/// assert!(seed.validate("discipline").is_ok());
/// ```
pub fn seed_policy(att: &AttendancePolicy) -> DisciplinePolicy {
    let window = match att.window {
        AttendanceWindow::Term => DisciplineWindow::Term,
        AttendanceWindow::Semester => DisciplineWindow::Semester,
        AttendanceWindow::RollingDays(n) => DisciplineWindow::RollingDays(n),
    };
    let rule = |offence: &str, mark, kinds: &[EventKind]| OffenceRule {
        offence: offence.into(),
        mark,
        event_kinds: kinds.to_vec(),
        over_minutes: None,
        article: String::new(),
    };
    let counter = |offences: &[&str]| CounterRule {
        offences: offences.iter().map(|&o| o.to_owned()).collect(),
        window,
        article: String::new(),
    };
    let names = |en: &str, hans: &str, hant: &str| {
        BTreeMap::from([
            ("en".to_owned(), en.to_owned()),
            ("zh-Hans".to_owned(), hans.to_owned()),
            ("zh-Hant".to_owned(), hant.to_owned()),
        ])
    };
    let at = |counter: &str, n: u32| Trigger {
        counter: Some(counter.into()),
        at_least: Some(n),
        points_at_most: None,
    };
    let warn = |limit: u32| limit.saturating_sub(att.warning_margin).max(1);
    // An empty kind list would mean "every kind": a seed rule with no kinds never matches,
    // so it is left out.
    let mut offences = Vec::new();
    if !att.counted_kinds.is_empty() {
        offences.push(rule("late", MarkPart::Late, &att.counted_kinds));
        offences.push(rule("left_early", MarkPart::LeftEarly, &att.counted_kinds));
    }
    if !att.absence_kinds.is_empty() {
        offences.push(rule("absence", MarkPart::Absent, &att.absence_kinds));
    }
    let mut counters = BTreeMap::new();
    let mut warning = Vec::new();
    let mut expel = Vec::new();
    if !att.counted_kinds.is_empty() {
        counters.insert("lateness".to_owned(), counter(&["late", "left_early"]));
        warning.push(at("lateness", warn(att.lateness_limit)));
        expel.push(at("lateness", att.lateness_limit));
    }
    if !att.absence_kinds.is_empty() {
        counters.insert("absence".to_owned(), counter(&["absence"]));
        warning.push(at("absence", warn(att.absence_limit)));
        expel.push(at("absence", att.absence_limit));
    }
    let mut sanctions = Vec::new();
    for (id, status, when, name) in [
        (
            "warning",
            StandingStatus::Warning,
            warning,
            names("warning", "警告", "警告"),
        ),
        (
            "expelled",
            StandingStatus::Expelled,
            expel,
            names("expelled", "除名", "除名"),
        ),
    ] {
        if !when.is_empty() {
            sanctions.push(Sanction {
                id: id.into(),
                name,
                status,
                when,
                persists: false,
                lifted_by: Vec::new(),
                article: String::new(),
            });
        }
    }
    DisciplinePolicy {
        article: "seed 000, discipline §2".into(),
        both_at_one_event: BothAtOneEvent::Twice,
        academic_year_start_month: 9,
        offences,
        conversions: Vec::new(),
        counters,
        points: None,
        sanctions,
    }
}

fn kinds_mask(kinds: &[EventKind]) -> u8 {
    if kinds.is_empty() {
        return u8::MAX;
    }
    EventKind::ALL
        .iter()
        .enumerate()
        .filter(|(_, k)| kinds.contains(k))
        .fold(0, |m, (i, _)| m | (1 << i))
}

impl Compiled {
    /// The policy a rulebook runs: its `discipline` table, or the seed's from `attendance`.
    pub(crate) fn of(rulebook: &Rulebook) -> Compiled {
        match &rulebook.discipline {
            Some(policy) => Compiled::new(policy, None),
            None => Compiled::new(
                &seed_policy(&rulebook.attendance),
                Some(&rulebook.attendance),
            ),
        }
    }

    /// `seed` set: the keys cited are the `attendance` keys the policy was read from.
    fn new(p: &DisciplinePolicy, seed: Option<&AttendancePolicy>) -> Compiled {
        let offences: Vec<String> = p.offence_ids().into_iter().map(str::to_owned).collect();
        let idx = |id: &str| offences.iter().position(|o| o == id).unwrap_or(0) as u16;
        let article = |own: &str| {
            if own.is_empty() {
                p.article.clone()
            } else {
                own.to_owned()
            }
        };
        let seed_key = |key: &str| seed.map(|_| format!("attendance.{key}"));
        let rules = p
            .offences
            .iter()
            .enumerate()
            .map(|(i, r)| CRule {
                offence: idx(&r.offence),
                mark: r.mark,
                kinds: kinds_mask(&r.event_kinds),
                over: r.over_minutes,
                rule: RuleRef::new(
                    seed_key(if r.mark == MarkPart::Absent {
                        "absence_kinds"
                    } else {
                        "counted_kinds"
                    })
                    .unwrap_or_else(|| format!("discipline.offences[{i}]")),
                    article(&r.article),
                ),
            })
            .collect();
        let conversions = p
            .conversions
            .iter()
            .enumerate()
            .map(|(i, c)| CConversion {
                from: idx(&c.from),
                every: c.every,
                to: idx(&c.to),
                consume: c.consume,
                rule: RuleRef::new(format!("discipline.conversions[{i}]"), article(&c.article)),
            })
            .collect();
        let counter_key = |id: &str| {
            seed_key(&format!("{id}_limit")).unwrap_or_else(|| format!("discipline.counters.{id}"))
        };
        let counters: Vec<CCounter> = p
            .counters
            .iter()
            .map(|(id, c)| CCounter {
                id: id.clone(),
                offences: c.offences.iter().map(|o| idx(o)).collect(),
                window: c.window,
                rule: RuleRef::new(counter_key(id), article(&c.article)),
            })
            .collect();
        let per_offence = |map: &BTreeMap<String, u32>| -> Vec<u32> {
            offences
                .iter()
                .map(|o| map.get(o).copied().unwrap_or(0))
                .collect()
        };
        let points = p.points.as_ref().map(|pt| CPoints {
            base: pt.base,
            window: pt.window,
            deduct: per_offence(&pt.deduct),
            bonus: per_offence(&pt.add),
            max_bonus: pt.max_bonus,
            floor: pt.floor,
            rule: RuleRef::new("discipline.points", article(&pt.article)),
        });
        let counter_pos =
            |id: &Option<String>| counters.iter().position(|c| Some(&c.id) == id.as_ref());
        let sanctions = p
            .sanctions
            .iter()
            .map(|s| {
                let rule = RuleRef::new(
                    match seed {
                        Some(_) if s.id == "warning" => "attendance.warning_margin".to_owned(),
                        _ => format!("discipline.sanctions.{}", s.id),
                    },
                    article(&s.article),
                );
                let when = s
                    .when
                    .iter()
                    .map(|t| {
                        let trigger = match (counter_pos(&t.counter), t.points_at_most) {
                            (Some(counter), _) => CTrigger::Counter {
                                counter,
                                at_least: t.at_least.unwrap_or(1),
                            },
                            (None, at_most) => CTrigger::Points {
                                at_most: at_most.unwrap_or(i32::MIN),
                            },
                        };
                        // The seed's expulsion cites the limit that was reached.
                        let cite = match (&trigger, seed) {
                            (CTrigger::Counter { counter, .. }, Some(_)) if s.id == "expelled" => {
                                counters
                                    .get(*counter)
                                    .map(|c| c.rule.clone())
                                    .unwrap_or_else(|| rule.clone())
                            }
                            _ => rule.clone(),
                        };
                        (trigger, cite)
                    })
                    .collect();
                CSanction {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    status: s.status,
                    when,
                    persists: s.persists,
                    lifted_by: s.lifted_by.clone(),
                    rule,
                }
            })
            .collect();
        Compiled {
            seed: seed.is_some(),
            both: p.both_at_one_event,
            year_month: p.academic_year_start_month,
            offences,
            rules,
            conversions,
            counters,
            points,
            sanctions,
        }
    }

    /// Refuses a decision on a sanction the ladder lacks, or of a kind it does not accept.
    pub(crate) fn check_decision(
        &self,
        path: &str,
        d: &super::SanctionDecision,
    ) -> Result<(), crate::rule::RulebookError> {
        let Some(s) = self.sanctions.iter().find(|s| s.id == d.sanction) else {
            return Err(crate::rule::RulebookErrorKind::inconsistent(
                "not_a_sanction",
                [("sanction", d.sanction.to_string())],
            )
            .at(format!("{path}.sanction")));
        };
        if !s.lifted_by.is_empty() && !s.lifted_by.contains(&d.decision) {
            return Err(crate::rule::RulebookErrorKind::inconsistent(
                "lifted_only_by",
                [
                    ("sanction", s.id.to_string()),
                    ("lifted_by", s.lifted_by.join(", ")),
                ],
            )
            .at(format!("{path}.decision")));
        }
        Ok(())
    }

    /// The first rule that makes `part` at an event of `kind` (`minutes` late or early, when
    /// known) an offence.
    #[inline]
    pub(crate) fn classify(
        &self,
        part: MarkPart,
        kind: EventKind,
        minutes: Option<u32>,
    ) -> Option<u16> {
        let bit = 1u8 << (kind as u8);
        self.rules
            .iter()
            .position(|r| {
                r.mark == part
                    && r.kinds & bit != 0
                    && r.over.is_none_or(|n| minutes.is_some_and(|m| m > n))
            })
            .map(|i| i as u16)
    }
}
