//! Evaluation scoring (score sheets, ranking) and recruitment (allocation of places, team
//! composition). Scores are exact decimals: `decimal.Decimal` or text in, `Decimal` out.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;

use secretariat::evaluation::{EvaluationInput, Ranking, ScoreSheet};
use secretariat::recruitment::{Allocation, RecruitmentRound, TeamCheck};
use secretariat::{Locale, Member, Standing};

use crate::attendance::{PyStanding, PyStandings};
use crate::classes::{PyRuleRef, frozen_class, q};
use crate::convert::{Numbers, enum_name, from_py, to_py};
use crate::errors::IntoPy;
use crate::members::members_arg;
use crate::rulebook::rulebook_arg;

fn standings_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Standing>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(s) = obj.cast::<PyStandings>() {
        return Ok(s.get().items.clone());
    }
    if let Ok(list) = obj.cast::<PyList>() {
        let objects: Option<Vec<Standing>> = list
            .iter()
            .map(|s| s.cast::<PyStanding>().ok().map(|s| s.get().inner.clone()))
            .collect();
        if let Some(standings) = objects {
            return Ok(standings);
        }
    }
    from_py(obj, "standings", Numbers::Exact)
}

/// Scores the candidates of `input` (a dict: `scheme` (a rulebook scheme id or an inline
/// scheme), `judges`, `candidates` with their scores per criterion) and ranks them.
/// `standings` (a `Standings`, or a list of `Standing`s or dicts) feed the deductions and
/// vetoes of disciplinary records.
#[pyfunction]
#[pyo3(signature = (input, *, standings = None, rulebook = None))]
pub fn evaluate(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    standings: Option<&Bound<'_, PyAny>>,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyRanking> {
    let rulebook = rulebook_arg(rulebook)?;
    let input: EvaluationInput = from_py(input, "", Numbers::Exact)?;
    let standings = standings_arg(standings)?;
    let rb = rulebook.get();
    py.detach(|| secretariat::evaluate(rb, &input, &standings))
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// The result of an evaluation: one score sheet per candidate, ranked, and who is
    /// selected, each decision citing its rule.
    PyRanking,
    "Ranking",
    Ranking
);

const SHEET_COLUMNS: &[&str] = &[
    "candidate",
    "name",
    "category",
    "subtotal",
    "deducted",
    "total",
    "rank",
    "decision",
    "selected",
    "explanation",
];

#[pymethods]
impl PyRanking {
    /// The scheme's id (`inline` for a scheme given in the input).
    #[getter]
    fn scheme(&self) -> &str {
        &self.inner.scheme
    }
    /// The scheme's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    /// The scheme's rulebook key and article.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// How judges' scores become one number per criterion.
    #[getter]
    fn aggregation(&self) -> String {
        enum_name(&self.inner.aggregation)
    }
    /// How ties rank.
    #[getter]
    fn tie_method(&self) -> String {
        enum_name(&self.inner.tie_method)
    }
    /// The judges.
    #[getter]
    fn judges(&self) -> Vec<String> {
        self.inner
            .judges
            .iter()
            .map(|j| j.as_str().to_owned())
            .collect()
    }
    /// The selected candidates, best first.
    #[getter]
    fn selected(&self) -> Vec<String> {
        self.inner
            .selected
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect()
    }
    /// Every candidate's score sheet, in rank order.
    #[getter]
    fn sheets(&self) -> Vec<PyScoreSheet> {
        self.inner.sheets.iter().cloned().map(Into::into).collect()
    }
    /// The sheet of a candidate, or `None`.
    fn sheet(&self, candidate: &str) -> Option<PyScoreSheet> {
        self.inner.sheet(candidate).cloned().map(Into::into)
    }
    fn __len__(&self) -> usize {
        self.inner.sheets.len()
    }
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let list = PyList::new(py, self.sheets())?;
        Ok(list.try_iter()?.into_any().unbind())
    }
    /// The ranking as aligned plain-text tables, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// As a dict (scores as `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    /// Each score sheet as a dict.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.sheets)
    }
    /// One flat row per candidate, as a dict of column lists.
    fn to_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut cols: Vec<Vec<Bound<'py, PyAny>>> =
            SHEET_COLUMNS.iter().map(|_| Vec::new()).collect();
        for s in &self.inner.sheets {
            let row: [Bound<'py, PyAny>; 10] = [
                s.candidate().into_pyobject(py)?.into_any(),
                s.name().into_pyobject(py)?.into_any(),
                s.category().into_pyobject(py)?.into_any(),
                s.subtotal().into_pyobject(py)?,
                s.deducted().into_pyobject(py)?,
                s.total().into_pyobject(py)?,
                s.rank().into_pyobject(py)?.into_any(),
                decision_name(s).into_pyobject(py)?.into_any(),
                s.decision()
                    .is_selected()
                    .into_pyobject(py)?
                    .to_owned()
                    .into_any(),
                s.decision()
                    .explain(Locale::En)
                    .into_pyobject(py)?
                    .into_any(),
            ];
            for (col, value) in cols.iter_mut().zip(row) {
                col.push(value);
            }
        }
        let d = PyDict::new(py);
        for (name, col) in SHEET_COLUMNS.iter().zip(cols) {
            d.set_item(name, PyList::new(py, col)?)?;
        }
        Ok(d)
    }
    /// The flat rows as a pandas DataFrame (pandas is imported only now).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::pandas(py, self.to_columns(py)?)
    }
    /// The flat rows as a polars DataFrame (polars is imported only now).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::polars(py, self.to_columns(py)?)
    }
    fn __repr__(&self) -> String {
        format!(
            "Ranking(scheme={}, candidates={}, selected={})",
            q(&self.inner.scheme),
            self.inner.sheets.len(),
            q(&self.selected())
        )
    }
}

fn decision_name(s: &ScoreSheet) -> String {
    match serde_json::to_value(s.decision()) {
        Ok(serde_json::Value::Object(map)) => map
            .get("outcome")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

frozen_class!(
    /// One candidate's score sheet: every raw score, what was dropped, each criterion's
    /// aggregate and contribution, deductions, the total, the rank and the decision.
    PyScoreSheet,
    "ScoreSheet",
    ScoreSheet
);

#[pymethods]
impl PyScoreSheet {
    /// The candidate's id.
    #[getter]
    fn candidate(&self) -> &str {
        self.inner.candidate()
    }
    /// The candidate's name.
    #[getter]
    fn name(&self) -> &str {
        self.inner.name()
    }
    /// The candidate's category (for per-category quotas).
    #[getter]
    fn category(&self) -> Option<&str> {
        self.inner.category()
    }
    /// The weighted sum of the criteria, before deductions.
    #[getter]
    fn subtotal(&self) -> Decimal {
        self.inner.subtotal()
    }
    /// The sum of the deductions.
    #[getter]
    fn deducted(&self) -> Decimal {
        self.inner.deducted()
    }
    /// The total after deductions.
    #[getter]
    fn total(&self) -> Decimal {
        self.inner.total()
    }
    /// The rank (`None` when vetoed).
    #[getter]
    fn rank(&self) -> Option<u32> {
        self.inner.rank()
    }
    /// The decision's outcome: `selected`, `vetoed`, `below_pass_mark`, `outside_top_n`
    /// or `category_quota_full`.
    #[getter]
    fn decision(&self) -> String {
        decision_name(&self.inner)
    }
    /// Whether the candidate is selected.
    #[getter]
    fn is_selected(&self) -> bool {
        self.inner.decision().is_selected()
    }
    /// Each criterion's line (raw scores, dropped, aggregate, weight, contribution).
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.lines().collect::<Vec<_>>())
    }
    /// The deductions, each with its rule.
    #[getter]
    fn deductions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.deductions())
    }
    /// The veto, if any.
    #[getter]
    fn veto<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.veto())
    }
    /// Why the decision is what it is, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn explain(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self
            .inner
            .decision()
            .explain(crate::classes::locale(py, locale)?))
    }
    /// As a dict (scores as `Decimal`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "ScoreSheet(candidate={}, total=Decimal({}), rank={}, decision={})",
            q(self.inner.candidate()),
            q(&self.inner.total().to_string()),
            self.inner
                .rank()
                .map_or_else(|| "None".to_owned(), |r| r.to_string()),
            q(&decision_name(&self.inner))
        )
    }
}

/// Fills the places of the recruitment round `round` (a dict: `year`, `decided_on`,
/// `candidates` with grade, skills and exam score) so that every quota of the rulebook
/// holds and the best scores win; says why each other candidate was not chosen and, when
/// the quotas cannot be met, the smallest relaxation that would meet them.
#[pyfunction]
#[pyo3(signature = (round, *, rulebook = None))]
pub fn allocate(
    py: Python<'_>,
    round: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAllocation> {
    let rulebook = rulebook_arg(rulebook)?;
    let round: RecruitmentRound = from_py(round, "", Numbers::Exact)?;
    let rb = rulebook.get();
    py.detach(|| secretariat::allocate(rb, &round))
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// The places of a recruitment round, filled.
    PyAllocation,
    "Allocation",
    Allocation
);

#[pymethods]
impl PyAllocation {
    /// The recruitment year.
    #[getter]
    fn year(&self) -> i32 {
        self.inner.year
    }
    /// The rulebook's deadline for the round.
    #[getter]
    fn deadline(&self) -> chrono::NaiveDate {
        self.inner.deadline
    }
    /// The day the round was decided.
    #[getter]
    fn decided_on(&self) -> chrono::NaiveDate {
        self.inner.decided_on
    }
    /// The rule applied.
    #[getter]
    fn rule(&self) -> PyRuleRef {
        self.inner.rule.clone().into()
    }
    /// Whether every quota is met.
    #[getter]
    fn feasible(&self) -> bool {
        self.inner.feasible
    }
    /// The sum of the placed candidates' scores.
    #[getter]
    fn total_score(&self) -> Decimal {
        self.inner.total_score
    }
    /// The places filled, as dicts.
    #[getter]
    fn filled<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.filled)
    }
    /// The places left empty, with the reason, as dicts.
    #[getter]
    fn unfilled<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.unfilled)
    }
    /// The candidates not chosen, with the reason, as dicts.
    #[getter]
    fn not_chosen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.not_chosen)
    }
    /// The smallest relaxations that would make the quotas feasible, as dicts.
    #[getter]
    fn relaxations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.relaxations)
    }
    /// The place of a candidate, as a dict, or `None`.
    fn place_of<'py>(&self, py: Python<'py>, candidate: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.place_of(candidate))
    }
    /// The allocation as aligned plain-text tables, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Allocation(year={}, feasible={}, filled={}, not_chosen={})",
            self.inner.year,
            if self.inner.feasible { "True" } else { "False" },
            self.inner.filled.len(),
            self.inner.not_chosen.len()
        )
    }
}

/// Checks a team against the rulebook's composition rules `rules` (e.g. `challenge_cup`)
/// in `year`: min/max counts per attribute.
#[pyfunction]
#[pyo3(signature = (rules, team, *, year, rulebook = None))]
pub fn check_team(
    py: Python<'_>,
    rules: &str,
    team: &Bound<'_, PyAny>,
    year: i32,
    rulebook: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTeamCheck> {
    let rulebook = rulebook_arg(rulebook)?;
    let team: Vec<Member> = members_arg(team, "team")?;
    secretariat::recruitment::check_team(rulebook.get(), rules, &team, year)
        .py_err(py)
        .map(Into::into)
}

frozen_class!(
    /// A team's composition against its rules.
    PyTeamCheck,
    "TeamCheck",
    TeamCheck
);

#[pymethods]
impl PyTeamCheck {
    /// The composition rules' id.
    #[getter]
    fn rules(&self) -> &str {
        &self.inner.rules
    }
    /// The year the team is checked in.
    #[getter]
    fn year(&self) -> i32 {
        self.inner.year
    }
    /// Whether every rule holds.
    #[getter]
    fn is_valid(&self) -> bool {
        self.inner.is_valid()
    }
    /// Each rule's count, as dicts.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.counts)
    }
    /// The rules broken, as dicts.
    #[getter]
    fn violations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.violations)
    }
    /// The check as an aligned plain-text table, in `locale`.
    #[pyo3(signature = (locale = "en"))]
    fn render(&self, py: Python<'_>, locale: &str) -> PyResult<String> {
        Ok(self.inner.render(crate::classes::locale(py, locale)?))
    }
    /// As a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "TeamCheck(rules={}, year={}, valid={})",
            q(&self.inner.rules),
            self.inner.year,
            if self.inner.is_valid() {
                "True"
            } else {
                "False"
            }
        )
    }
}
