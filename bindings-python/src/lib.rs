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
mod report;
mod rulebook;
mod schedule;
mod schema;
mod table;
mod text;

/// The compiled module `secretariat._core`.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    text::register(m)?;
    schema::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
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
    m.add_function(wrap_pyfunction!(members::parse_grade, m)?)?;
    m.add_function(wrap_pyfunction!(members::authorize, m)?)?;
    m.add_function(wrap_pyfunction!(members::allowed_roles, m)?)?;
    m.add_function(wrap_pyfunction!(members::roles_in_scope, m)?)?;
    m.add_function(wrap_pyfunction!(attendance::mark_from_times, m)?)?;
    m.add_function(wrap_pyfunction!(attendance::standings, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::plan, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::replan, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::countdown, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::countdowns, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::check_lead_time, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::regular_meetings, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::to_icalendar, m)?)?;
    m.add_function(wrap_pyfunction!(report::term_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::term_icalendar, m)?)?;
    m.add_function(wrap_pyfunction!(evaluation::evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluation::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluation::check_team, m)?)?;
    m.add_function(wrap_pyfunction!(budget::validate_plan, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_leave_request, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_activity_plan, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_expense, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_recruitment_application, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_board_plan, m)?)?;
    m.add_function(wrap_pyfunction!(forms::member_standing, m)?)?;
    m.add_function(wrap_pyfunction!(forms::event_countdown, m)?)?;
    m.add_function(wrap_pyfunction!(forms::budget_remaining, m)?)?;
    m.add_function(wrap_pyfunction!(compare::compare, m)?)?;
    Ok(())
}
