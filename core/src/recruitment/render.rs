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
        let zh = locale == Locale::ZhHans;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {} ({}) · {} {} · {} {}",
            if zh { "招新" } else { "Recruitment" },
            self.year,
            self.rule.article,
            if zh { "截止" } else { "deadline" },
            self.deadline,
            if zh { "总分" } else { "total score" },
            self.total_score
        );
        let _ = writeln!(
            out,
            "{}",
            match (zh, self.feasible) {
                (false, true) => "Every required place is filled.",
                (false, false) => "The plan cannot be met with these candidates.",
                (true, true) => "所有必招名额均已招满。",
                (true, false) => "现有候选人无法满足招新计划。",
            }
        );

        section(&mut out, if zh { "已招名额" } else { "Places filled" });
        let mut rows = vec![row([
            if zh { "名额" } else { "Place" },
            "#",
            if zh { "候选人" } else { "Candidate" },
            if zh { "姓名" } else { "Name" },
            if zh { "成绩" } else { "Score" },
            if zh { "学年" } else { "Year" },
            if zh { "原因" } else { "Why" },
        ])];
        for p in &self.filled {
            let why = if zh {
                format!(
                    "符合条件的 {} 人中排第 {}",
                    p.eligible_in_class, p.rank_in_class
                )
            } else {
                format!("{} of {} eligible", p.rank_in_class, p.eligible_in_class)
            };
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
                if zh {
                    "空缺名额"
                } else {
                    "Places unfilled"
                },
            );
            let mut rows = vec![row([
                if zh { "名额" } else { "Place" },
                "#",
                if zh { "必招" } else { "Required" },
                if zh { "原因" } else { "Why" },
            ])];
            for u in &self.unfilled {
                rows.push(vec![
                    u.place.clone(),
                    u.slot.to_string(),
                    match (zh, u.required) {
                        (false, true) => "yes".into(),
                        (false, false) => "no".into(),
                        (true, true) => "是".into(),
                        (true, false) => "否".into(),
                    },
                    u.reason.explain(locale),
                ]);
            }
            table(&mut out, &rows);
        }

        if !self.not_chosen.is_empty() {
            section(&mut out, if zh { "未录取" } else { "Not chosen" });
            let mut rows = vec![row([
                if zh { "候选人" } else { "Candidate" },
                if zh { "姓名" } else { "Name" },
                if zh { "成绩" } else { "Score" },
                if zh { "原因" } else { "Why" },
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
            section(
                &mut out,
                if zh {
                    "可行的调整（最小的在前）"
                } else {
                    "Relaxations that would meet the plan (smallest first)"
                },
            );
            for (i, r) in self.relaxations.iter().enumerate() {
                let changes: Vec<String> = r.changes.iter().map(|c| c.explain(locale)).collect();
                let _ = writeln!(
                    out,
                    "{}. {} ({} {})",
                    i + 1,
                    changes.join(if zh { "；" } else { "; " }),
                    r.places_removed,
                    if zh {
                        "个名额减少"
                    } else {
                        "place(s) given up"
                    }
                );
            }
        }
        out
    }
}

impl TeamCheck {
    /// The check as an aligned plain-text table, in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let zh = locale == Locale::ZhHans;
        let mut out = String::new();
        let mut rows = vec![row([
            if zh { "规则" } else { "Rule" },
            if zh { "人数" } else { "Count" },
            if zh { "范围" } else { "Range" },
            if zh { "结果" } else { "Result" },
            if zh { "成员" } else { "Members" },
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
                match (zh, broken) {
                    (false, false) => "ok".into(),
                    (false, true) => "BROKEN".into(),
                    (true, false) => "符合".into(),
                    (true, true) => "不符".into(),
                },
                c.members
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ]);
        }
        table(&mut out, &rows);
        out
    }
}
