//! What a discipline verdict says: its trace (record → offence → conversion → counters and
//! points → sanction, each step naming its rulebook key), the sanction held, and the next.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::attendance::{RecordRef, StandingStatus};
use crate::calendar::DateRange;
use crate::diagnostic::{Locale, Params};
use crate::members::MemberId;
use crate::rule::RuleRef;

/// A recorded decision on a sanction: a reinstatement vote, a revocation after good
/// conduct. It lifts the sanction, and the member starts with a clean slate: records dated
/// on or before the decision no longer count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SanctionDecision {
    /// The member.
    pub member: MemberId,
    /// The sanction lifted (an id of `discipline.sanctions`).
    pub sanction: String,
    /// The kind of decision, e.g. `reinstatement_vote` (one of the sanction's `lifted_by`).
    pub decision: String,
    /// The day it was taken.
    pub date: NaiveDate,
}

/// One step of a standing's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum TraceStep {
    /// The member's status was set before these records (already expelled).
    PriorStatus {
        /// The rule applied.
        rule: RuleRef,
        /// The status.
        status: StandingStatus,
    },
    /// A decision lifted a sanction; records up to its date no longer count.
    Decision {
        /// The rule applied.
        rule: RuleRef,
        /// The sanction lifted.
        sanction: String,
        /// The decision.
        decision: String,
        /// Its date.
        date: NaiveDate,
    },
    /// A record made an offence.
    Offence {
        /// The offence rule (its severity included).
        rule: RuleRef,
        /// The offence made.
        offence: String,
        /// The record.
        record: RecordRef,
        /// Minutes late or early, when the mark was derived from times.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
    },
    /// Offences converted inside a window.
    Conversion {
        /// The conversion rule.
        rule: RuleRef,
        /// The counter or points whose window it ran in.
        within: String,
        /// The offence converted.
        from: String,
        /// How many make one.
        every: u32,
        /// The offence made.
        to: String,
        /// How many were made.
        made: u32,
    },
    /// A counter's count over its window.
    Counter {
        /// The counter's rule.
        rule: RuleRef,
        /// The counter.
        counter: String,
        /// The count.
        count: u32,
        /// The window counted.
        window: DateRange,
    },
    /// The points over their window.
    Points {
        /// The points rule.
        rule: RuleRef,
        /// The score (never below the floor).
        points: i32,
        /// The base.
        base: i32,
        /// Points deducted.
        deducted: u32,
        /// Points added (after the cap).
        bonus: u32,
        /// The window.
        window: DateRange,
    },
    /// A sanction applies.
    Sanction {
        /// The rule that set it off.
        rule: RuleRef,
        /// The sanction.
        sanction: String,
        /// The status it gives.
        status: StandingStatus,
        /// The day it was set off, when it persists from before today.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<NaiveDate>,
    },
}

/// The sanction a member holds: the highest rung of the ladder set off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SanctionState {
    /// The sanction's id.
    pub id: String,
    /// Its display names per locale.
    pub name: BTreeMap<String, String>,
    /// The status it gives.
    pub status: StandingStatus,
    /// The day it was set off, when it persists from before today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
}

/// The next rung of the ladder and how far away it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextSanction {
    /// The sanction's id.
    pub sanction: String,
    /// The counter closest to setting it off; `None` for a points trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<String>,
    /// Offences left (or, for points, points left above the threshold) before it.
    pub remaining: u32,
}

/// A display name for `locale` from a per-locale map: the locale's own, else English.
pub fn display_name(names: &BTreeMap<String, String>, locale: Locale) -> &str {
    let tag = serde_json::to_value(locale)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    names
        .get(&tag)
        .or_else(|| names.get("en"))
        .map(String::as_str)
        .unwrap_or_default()
}

impl TraceStep {
    /// The rule the step cites.
    pub fn rule(&self) -> &RuleRef {
        match self {
            TraceStep::PriorStatus { rule, .. }
            | TraceStep::Decision { rule, .. }
            | TraceStep::Offence { rule, .. }
            | TraceStep::Conversion { rule, .. }
            | TraceStep::Counter { rule, .. }
            | TraceStep::Points { rule, .. }
            | TraceStep::Sanction { rule, .. } => rule,
        }
    }

    /// One line: "2002-09-04 meet-1 late → late (attendance.counted_kinds)", its words from
    /// the catalogs (`standing.trace.*`).
    pub fn describe(&self, locale: Locale) -> String {
        let text = |key: &str, params: Params| crate::catalog::report(locale, key, &params);
        let body = match self {
            TraceStep::PriorStatus { status, .. } => text(
                "standing.trace.prior_status",
                Params::from([("status", status.to_string())]),
            ),
            TraceStep::Decision {
                sanction,
                decision,
                date,
                ..
            } => text(
                "standing.trace.decision",
                Params::from([
                    ("date", date.to_string()),
                    ("decision", decision.clone()),
                    ("sanction", sanction.clone()),
                ]),
            ),
            TraceStep::Offence {
                offence,
                record,
                minutes,
                ..
            } => {
                let m = minutes.map(|m| format!(" {m} min")).unwrap_or_default();
                format!(
                    "{} {} {}{m} → {offence}",
                    record.date,
                    record.event,
                    record.mark.key()
                )
            }
            TraceStep::Conversion {
                within,
                from,
                every,
                to,
                made,
                ..
            } => text(
                "standing.trace.conversion",
                Params::from([
                    ("within", within.to_string()),
                    ("every", every.to_string()),
                    ("from", from.to_string()),
                    ("to", to.to_string()),
                    ("made", made.to_string()),
                ]),
            ),
            TraceStep::Counter {
                counter,
                count,
                window,
                ..
            } => format!("{counter} = {count} ({}..{})", window.start, window.end),
            TraceStep::Points {
                points,
                base,
                deducted,
                bonus,
                ..
            } => text(
                "standing.trace.points",
                Params::from([
                    ("points", points.to_string()),
                    ("base", base.to_string()),
                    ("deducted", deducted.to_string()),
                    ("bonus", bonus.to_string()),
                ]),
            ),
            TraceStep::Sanction {
                sanction,
                status,
                since,
                ..
            } => {
                let since = since
                    .map(|d| {
                        text(
                            "standing.trace.since",
                            Params::from([("date", d.to_string())]),
                        )
                    })
                    .unwrap_or_default();
                format!("⇒ {sanction} ({status}{since})")
            }
        };
        format!("{body} [{}]", self.rule())
    }
}
