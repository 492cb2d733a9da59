//! What-if: one term under two rulebooks, and every member whose verdict changes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::attendance::{Standing, StandingStatus};
use crate::members::MemberId;
use crate::report::TermData;
use crate::rulebook::{Rulebook, RulebookStamp};

use super::trace::TraceStep;

/// A verdict in brief: status, sanction, points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerdictSummary {
    /// Good, warning or expelled.
    pub status: StandingStatus,
    /// The sanction held, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanction: Option<String>,
    /// The points, under a points policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i32>,
}

/// One member whose verdict differs between the two rulebooks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerdictChange {
    /// The member.
    pub member: MemberId,
    /// Their name.
    pub name: String,
    /// Under the first rulebook.
    pub old: VerdictSummary,
    /// Under the second.
    pub new: VerdictSummary,
    /// Position of the first trace step that differs.
    pub first_difference: usize,
    /// That step under the first rulebook (`None`: the trace ended before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_step: Option<TraceStep>,
    /// That step under the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_step: Option<TraceStep>,
}

/// The members whose verdict changes, in roster order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// The day compared.
    pub today: NaiveDate,
    /// The first rulebook.
    pub old_rulebook: RulebookStamp,
    /// The second.
    pub new_rulebook: RulebookStamp,
    /// Every member whose status, sanction or points differ.
    pub changes: Vec<VerdictChange>,
}

fn summary(s: &Standing) -> VerdictSummary {
    VerdictSummary {
        status: s.status,
        sanction: s.sanction.as_ref().map(|x| x.id.clone()),
        points: s.points,
    }
}

/// Every member whose verdict on `today` changes from rulebook `old` to rulebook `new`,
/// old → new, with the first step of the trace that differs.
///
/// # Errors
///
/// Any error of the term data under either rulebook (see [`crate::term_report`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::{Diagnostic, Rulebook, TermData};
/// use secretariat::discipline::compare;
///
/// let data = TermData::sample();
/// let today = NaiveDate::from_ymd_opt(2002, 10, 19).unwrap();
/// let lenient = Rulebook::from_toml_str("[attendance]\nlateness_limit = 5\n")?;
/// let diff = compare(&data, &Rulebook::default(), &lenient, today)?;
/// assert!(diff.changes.iter().any(|c| c.old.status > c.new.status));
///
/// let mut bad = data.clone();
/// bad.members[0].name = String::new();
/// assert_eq!(compare(&bad, &lenient, &lenient, today).unwrap_err().code(), "member.empty");
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn compare(
    data: &TermData,
    old: &Rulebook,
    new: &Rulebook,
    today: NaiveDate,
) -> crate::Result<Comparison> {
    let standings = |rb: &Rulebook| -> crate::Result<Vec<Standing>> {
        let (register, _) = data.register(rb)?;
        register.standings_with(rb, &data.calendar, today, &data.sanction_decisions)
    };
    let before = standings(old)?;
    let after = standings(new)?;
    let changes = before
        .iter()
        .zip(&after)
        .filter_map(|(a, b)| {
            let (sa, sb) = (summary(a), summary(b));
            if sa == sb {
                return None;
            }
            let first = a
                .trace
                .iter()
                .zip(&b.trace)
                .position(|(x, y)| x != y)
                .unwrap_or(a.trace.len().min(b.trace.len()));
            Some(VerdictChange {
                member: a.member.clone(),
                name: a.name.clone(),
                old: sa,
                new: sb,
                first_difference: first,
                old_step: a.trace.get(first).cloned(),
                new_step: b.trace.get(first).cloned(),
            })
        })
        .collect();
    Ok(Comparison {
        today,
        old_rulebook: old.stamp(),
        new_rulebook: new.stamp(),
        changes,
    })
}
