//! The Python binding of `secretariat`: the compiled module `secretariat._core`.
//!
//! This crate converts types and errors and nothing else: every rule lives in the core.
//! Python values become core inputs through the core's own reader, and core results become
//! plain dicts and lists, through one generic converter ([`convert`]); core errors become
//! one exception tree ([`errors`]). Classes are kept only for handles with behaviour (the
//! rulebook, term data, the roster, the attendance register, the budget ledger, the year of
//! activities, the school calendar) and for one `Table` of rows for DataFrames.

use pyo3::prelude::*;

mod attendance;
mod budget;
mod columns;
mod compare;
mod convert;
mod errors;
mod evaluation;
mod forms;
mod members;
mod pickle;
mod report;
mod rulebook;
mod schedule;
mod schema;
mod table;
mod text;

/// Adds each module's functions to `m`: `add_functions!(module::{f, g}, ...)`.
macro_rules! add_functions {
    ($m:ident, $($module:ident::{$($f:ident),*}),* $(,)?) => {
        $($($m.add_function(wrap_pyfunction!($module::$f, $m)?)?;)*)*
    };
}

/// The compiled module `secretariat._core`.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    text::register(m)?;
    schema::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.setattr("_restore", wrap_pyfunction!(pickle::_restore, m)?)?;
    let marks = secretariat::attendance::Mark::ALL.map(|mark| mark.key());
    m.add("MARKS", pyo3::types::PyTuple::new(m.py(), marks)?)?;
    m.add_class::<rulebook::PyRulebook>()?;
    m.add_class::<members::PyRoster>()?;
    m.add_class::<attendance::PyAttendanceRegister>()?;
    m.add_class::<schedule::PySchoolCalendar>()?;
    m.add_class::<report::PyTermData>()?;
    m.add_class::<budget::PyBudgetLedger>()?;
    m.add_class::<budget::PyActivityYear>()?;
    m.add_class::<table::PyTable>()?;
    add_functions!(
        m,
        members::{parse_grade, authorize, allowed_roles, roles_in_scope},
        attendance::{mark_from_times, standings},
        schedule::{plan, replan, countdown, countdowns, check_lead_time, regular_meetings,
            to_icalendar},
        report::{term_report, term_icalendar},
        evaluation::{evaluate, allocate, check_team},
        budget::{validate_plan},
        compare::{compare},
        forms::{check_leave_request, check_activity_plan, check_expense,
            check_recruitment_application, check_board_plan, member_standing, event_countdown,
            budget_remaining},
    );
    Ok(())
}
