//! Plain-text tables of a ranking, for the term-report demo.

use std::fmt::Write as _;

use crate::attendance::Counter;
use crate::diagnostic::Locale;
use crate::table::{section, table};

use super::{Ranking, ScoreSheet};

fn deductions_cell(sheet: &ScoreSheet, locale: Locale) -> String {
    if sheet.deductions().is_empty() {
        return "-".to_owned();
    }
    sheet
        .deductions()
        .iter()
        .map(|d| {
            let what = crate::catalog::label(
                locale,
                match d.counter {
                    Counter::Lateness => "label.late_early",
                    Counter::Absence => "label.absent",
                },
            );
            format!("-{} ({} x{} @{})", d.amount, what, d.count, d.per)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Ranking {
    /// The ranking as aligned plain-text tables, in `locale`: one summary row per candidate
    /// (rank, aggregates, deductions, total, decision), then every raw score with the
    /// dropped ones in brackets.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::evaluation::evaluate;
    /// use secretariat::report::SelectionData;
    /// use secretariat::{Locale, Rulebook};
    ///
    /// let ranking = evaluate(&Rulebook::default(), &SelectionData::sample().challenge_cup, &[])?;
    /// let text = ranking.render(Locale::ZhHans);
    /// assert!(text.contains("名次"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} · {}", self.title, self.rule);

        let mut header = vec![
            crate::catalog::label(locale, "label.rank").to_owned(),
            crate::catalog::label(locale, "label.candidate").to_owned(),
            crate::catalog::label(locale, "label.name").to_owned(),
        ];
        header.extend(self.criteria.iter().map(ToString::to_string));
        header.push(crate::catalog::label(locale, "label.deductions").to_owned());
        header.push(crate::catalog::label(locale, "label.total").to_owned());
        header.push(crate::catalog::label(locale, "label.decision").to_owned());
        let mut rows = vec![header];
        for s in &self.sheets {
            let mut row = vec![
                s.rank().map_or_else(|| "-".to_owned(), |r| r.to_string()),
                s.candidate().to_owned(),
                s.name().to_owned(),
            ];
            row.extend(s.lines().map(|l| l.aggregate.to_string()));
            row.push(deductions_cell(s, locale));
            row.push(s.total().to_string());
            let decision = s.decision();
            let mut why = format!(
                "{} ({})",
                decision.explain(locale),
                self.rule_of(&decision).article
            );
            if let Some(veto) = s.veto() {
                for r in &veto.reasons {
                    let dates: Vec<String> = r
                        .records
                        .iter()
                        .map(|rec| crate::calendar::month_day(rec.date))
                        .collect();
                    if !dates.is_empty() {
                        let _ = write!(why, " [{}: {}]", r.rule.key, dates.join(", "));
                    }
                }
            }
            row.push(why);
            rows.push(row);
        }
        table(&mut out, &rows);

        section(
            &mut out,
            crate::catalog::label(locale, "label.score_sheets_dropped"),
        );
        let mut header = vec![
            crate::catalog::label(locale, "label.candidate").to_owned(),
            crate::catalog::label(locale, "label.criterion").to_owned(),
        ];
        header.extend(self.judges.iter().map(ToString::to_string));
        header.push(crate::catalog::label(locale, "label.aggregate").to_owned());
        header.push(crate::catalog::label(locale, "label.weight").to_owned());
        header.push(crate::catalog::label(locale, "label.contribution").to_owned());
        let mut rows = vec![header];
        for s in &self.sheets {
            for (n, line) in s.lines().enumerate() {
                let mut row = vec![
                    if n == 0 {
                        s.candidate().to_owned()
                    } else {
                        String::new()
                    },
                    self.criteria
                        .get(n)
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ];
                for (j, score) in s.scores().row(n).enumerate() {
                    let mut cell = score.raw.map_or_else(|| "-".to_owned(), |v| v.to_string());
                    if let Some(Some(v)) = line.normalized.get(j) {
                        cell = format!("{cell}→{v}");
                    }
                    row.push(match score.dropped {
                        Some(_) => format!("[{cell}]"),
                        None => cell,
                    });
                }
                row.push(line.aggregate.to_string());
                row.push(line.weight.to_string());
                row.push(line.contribution.to_string());
                rows.push(row);
            }
        }
        table(&mut out, &rows);
        out
    }
}
