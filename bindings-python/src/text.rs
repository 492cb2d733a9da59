//! Text from results: what was a method of a result class (`Standing.explain`,
//! `TermReport.render`...) is a function taking the result's dict, read back by the core's
//! own reader, so a result stored today renders in either language tomorrow.

use pyo3::prelude::*;

use secretariat::activity::ActivityReport;
use secretariat::attendance::NextConsequence;
use secretariat::evaluation::{Decision, Ranking};
use secretariat::recruitment::{Allocation, TeamCheck};
use secretariat::report::TermReport;
use secretariat::{BudgetReport, Standing};

use crate::convert::arg;

/// Declares one text function per result type: `name(value, locale="en")`.
macro_rules! text_functions {
    ($($(#[$doc:meta])* $name:ident($value:ident: $ty:ty) => $method:ident;)*) => {
        $(
            $(#[$doc])*
            #[pyfunction]
            #[pyo3(signature = ($value, locale = None))]
            pub fn $name(
                $value: &Bound<'_, PyAny>,
                locale: Option<&Bound<'_, PyAny>>,
            ) -> PyResult<String> {
                let value: $ty = arg($value, stringify!($value))?;
                Ok(value.$method(crate::convert::locale(locale)?))
            }
        )*

        /// Adds the text functions to the module.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_function(wrap_pyfunction!($name, m)?)?;)*
            Ok(())
        }
    };
}

text_functions! {
    /// Why a standing (a dict of `standings()` or a term report) is what it is, in `locale`
    /// (`"en"` or `"zh"`).
    explain(standing: Standing) => explain;
    /// What the next mark of a standing's `next_consequence` brings, in `locale`.
    describe(consequence: NextConsequence) => describe;
    /// Why a score sheet's `decision` is what it is, in `locale`.
    explain_decision(decision: Decision) => explain;
    /// A term report as plain text, in `locale`.
    render_term_report(report: TermReport) => render;
    /// A ranking as an aligned table, in `locale`.
    render_ranking(ranking: Ranking) => render;
    /// An allocation of places, in `locale`.
    render_allocation(allocation: Allocation) => render;
    /// A team check, in `locale`.
    render_team_check(check: TeamCheck) => render;
    /// A budget report as an aligned table, in `locale`.
    render_budget_report(report: BudgetReport) => render;
    /// An activity report as an aligned table, in `locale`.
    render_activity_report(report: ActivityReport) => render;
}
