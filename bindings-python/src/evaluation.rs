//! Evaluation scoring (score sheets, ranking) and recruitment (allocation of places, team
//! composition), as dicts. Scores are exact decimals: `decimal.Decimal`, `int` or text in,
//! `Decimal` out.

use pyo3::prelude::*;

use secretariat::evaluation::EvaluationInput;
use secretariat::recruitment::RecruitmentRound;
use secretariat::{Member, Standing};

use crate::convert::{arg, opt_arg, to_py};
use crate::errors::IntoPy;
use crate::members::members_arg;
use crate::rulebook::rulebook_arg;

/// Scores the candidates of `input` (a dict: `scheme` (a rulebook scheme id or an inline
/// scheme), `judges`, `candidates` with their scores per criterion) and ranks them: a
/// `Ranking`. `standings` (a `Table` of standings, or a list of standing dicts) feed the
/// deductions and vetoes of disciplinary records.
#[pyfunction]
#[pyo3(signature = (input, *, standings = None, rulebook = None))]
pub fn evaluate<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    standings: Option<&Bound<'py, PyAny>>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let input: EvaluationInput = arg(input, "")?;
    let standings: Vec<Standing> = opt_arg(standings, "standings")?.unwrap_or_default();
    let rb = rulebook.as_ref();
    let ranking = py
        .detach(|| secretariat::evaluate(rb, &input, &standings))
        .py_err(py)?;
    to_py(py, &ranking)
}

/// Fills the places of the recruitment round `round` (a dict: `year`, `decided_on`,
/// `candidates` with grade, skills and exam score) so that every quota of the rulebook
/// holds and the best scores win; says why each other candidate was not chosen and, when
/// the quotas cannot be met, the smallest relaxation that would meet them: an `Allocation`.
#[pyfunction]
#[pyo3(signature = (round, *, rulebook = None))]
pub fn allocate<'py>(
    py: Python<'py>,
    round: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let round: RecruitmentRound = arg(round, "")?;
    let rb = rulebook.as_ref();
    let allocation = py.detach(|| secretariat::allocate(rb, &round)).py_err(py)?;
    to_py(py, &allocation)
}

/// Checks a team against the rulebook's composition rules `rules` (e.g. `challenge_cup`)
/// in `year`, min/max counts per attribute: a `TeamCheck`.
#[pyfunction]
#[pyo3(signature = (rules, team, *, year, rulebook = None))]
pub fn check_team<'py>(
    py: Python<'py>,
    rules: &Bound<'py, PyAny>,
    team: &Bound<'py, PyAny>,
    year: &Bound<'py, PyAny>,
    rulebook: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let rulebook = rulebook_arg(rulebook)?;
    let rules: String = arg(rules, "rules")?;
    let team: Vec<Member> = members_arg(team, "team")?;
    let check =
        secretariat::recruitment::check_team(rulebook.as_ref(), &rules, &team, arg(year, "year")?)
            .py_err(py)?;
    to_py(py, &check)
}
