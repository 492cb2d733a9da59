//! Plain-text tables of an allocation and a team check, for the term-report demo.

use std::fmt::Write as _;

use crate::diagnostic::Locale;
use crate::table::{row, section, table};

use super::{Allocation, TeamCheck};

impl Allocation {
    /// The allocation as aligned plain-text tables, in `locale`: the places filled (with
    /// why), the places left empty, the candidates not chosen (with why), and the
    /// relaxations when the plan cannot be met.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::report::SelectionData;
    /// use secretariat::recruitment::allocate;
    /// use secretariat::{Locale, Rulebook};
    ///
    /// let allocation = allocate(&Rulebook::default(), &SelectionData::sample().recruitment)?;
    /// assert!(allocation.render(Locale::En).contains("Places filled"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} ({}) · {} {} · {} {}",
            crate::catalog::label(locale, "label.recruitment"),
            self.year,
            self.rule.article,
            crate::catalog::label(locale, "label.deadline"),
            self.deadline,
            crate::catalog::label(locale, "label.total_score"),
            self.total_score
        );
        let _ = writeln!(
            out,
            "{}",
            crate::catalog::label(
                locale,
                if self.feasible {
                    "recruitment.report.feasible"
                } else {
                    "recruitment.report.infeasible"
                }
            )
        );

        section(
            &mut out,
            crate::catalog::label(locale, "label.places_filled"),
        );
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.place"),
            "#",
            crate::catalog::label(locale, "label.candidate"),
            crate::catalog::label(locale, "label.name"),
            crate::catalog::label(locale, "label.score"),
            crate::catalog::label(locale, "label.year"),
            crate::catalog::label(locale, "label.why"),
        ])];
        for p in &self.filled {
            let params = crate::catalog::Params::from([
                ("rank", p.rank_in_class.to_string()),
                ("eligible", p.eligible_in_class.to_string()),
            ]);
            let why = crate::catalog::report(locale, "recruitment.report.rank_in_class", &params);
            rows.push(vec![
                p.place.clone(),
                p.slot.to_string(),
                p.candidate.to_string(),
                p.name.clone(),
                p.score.to_string(),
                p.year_of_study.to_string(),
                why,
            ]);
        }
        table(&mut out, &rows);

        if !self.unfilled.is_empty() {
            section(
                &mut out,
                crate::catalog::label(locale, "label.places_unfilled"),
            );
            let mut rows = vec![row([
                crate::catalog::label(locale, "label.place"),
                "#",
                crate::catalog::label(locale, "label.required"),
                crate::catalog::label(locale, "label.why"),
            ])];
            for u in &self.unfilled {
                rows.push(vec![
                    u.place.clone(),
                    u.slot.to_string(),
                    crate::catalog::label(
                        locale,
                        if u.required { "label.yes" } else { "label.no" },
                    )
                    .to_owned(),
                    u.reason.explain(locale),
                ]);
            }
            table(&mut out, &rows);
        }

        if !self.not_chosen.is_empty() {
            section(&mut out, crate::catalog::label(locale, "label.not_chosen"));
            let mut rows = vec![row([
                crate::catalog::label(locale, "label.candidate"),
                crate::catalog::label(locale, "label.name"),
                crate::catalog::label(locale, "label.score"),
                crate::catalog::label(locale, "label.why"),
            ])];
            for n in &self.not_chosen {
                rows.push(vec![
                    n.candidate.to_string(),
                    n.name.clone(),
                    n.score.map_or_else(|| "-".to_owned(), |s| s.to_string()),
                    n.reason.explain(locale),
                ]);
            }
            table(&mut out, &rows);
        }

        if !self.relaxations.is_empty() {
            section(&mut out, crate::catalog::label(locale, "label.relaxations"));
            for (i, r) in self.relaxations.iter().enumerate() {
                let changes: Vec<String> = r.changes.iter().map(|c| c.explain(locale)).collect();
                let _ = writeln!(
                    out,
                    "{}. {} ({} {})",
                    i + 1,
                    changes.join(crate::catalog::label(locale, "label.clause_separator")),
                    r.places_removed,
                    crate::catalog::label(locale, "label.place_s_given_up")
                );
            }
        }
        out
    }
}

impl TeamCheck {
    /// The check as an aligned plain-text table, in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        let mut rows = vec![row([
            crate::catalog::label(locale, "label.rule"),
            crate::catalog::label(locale, "label.count"),
            crate::catalog::label(locale, "label.range"),
            crate::catalog::label(locale, "label.result"),
            crate::catalog::label(locale, "label.members"),
        ])];
        for c in &self.counts {
            let broken = self.violations.iter().any(|v| v.count.id == c.id);
            let range = format!(
                "{}..{}",
                c.min.map_or_else(String::new, |m| m.to_string()),
                c.max.map_or_else(String::new, |m| m.to_string())
            );
            rows.push(vec![
                c.id.clone(),
                c.count.to_string(),
                range,
                crate::catalog::label(locale, if broken { "label.broken" } else { "label.ok" })
                    .to_owned(),
                crate::catalog::join_list(
                    locale,
                    &c.members
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>(),
                ),
            ]);
        }
        table(&mut out, &rows);
        out
    }
}
