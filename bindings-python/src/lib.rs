//! The Python binding of `secretariat`: the compiled module `secretariat._core`.
//!
//! This crate converts types and errors and nothing else: every rule lives in the core.
//! Python values become core inputs through the core's own reader ([`convert`]), core
//! results become frozen classes, and core errors become one exception tree ([`errors`]).

use pyo3::prelude::*;

mod attendance;
mod budget;
mod classes;
mod columns;
mod convert;
mod errors;
mod evaluation;
mod forms;
mod frames;
mod members;
mod report;
mod rulebook;
mod schedule;

/// The compiled module `secretariat._core`.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;

    m.add_class::<classes::PyIssue>()?;
    m.add_class::<classes::PyRuleRef>()?;
    m.add_class::<classes::PyDateRange>()?;
    m.add_class::<classes::PyPeriod>()?;
    m.add_class::<classes::PyRulebookStamp>()?;

    m.add_class::<rulebook::PyRulebook>()?;

    m.add_class::<members::PyMember>()?;
    m.add_class::<members::PyRoster>()?;
    m.add_function(wrap_pyfunction!(members::parse_grade, m)?)?;
    m.add_function(wrap_pyfunction!(members::authorize, m)?)?;
    m.add_function(wrap_pyfunction!(members::allowed_roles, m)?)?;
    m.add_function(wrap_pyfunction!(members::roles_in_scope, m)?)?;

    m.add_class::<attendance::PyEvent>()?;
    m.add_class::<attendance::PyLeaveRequest>()?;
    m.add_class::<attendance::PyLeaveGrant>()?;
    m.add_class::<attendance::PyAttendanceRegister>()?;
    m.add_class::<attendance::PyStandings>()?;
    m.add_class::<attendance::PyStanding>()?;
    m.add_class::<attendance::PyStandingCounts>()?;
    m.add_class::<attendance::PyStandingReason>()?;
    m.add_class::<attendance::PyRecordRef>()?;
    m.add_class::<attendance::PyNextConsequence>()?;
    m.add_function(wrap_pyfunction!(attendance::mark_from_times, m)?)?;
    m.add(
        "MARKS",
        pyo3::types::PyTuple::new(
            m.py(),
            secretariat::attendance::Mark::ALL.map(|mark| mark.key()),
        )?,
    )?;
    m.add_function(wrap_pyfunction!(attendance::standings, m)?)?;

    m.add_class::<schedule::PySchoolCalendar>()?;
    m.add_class::<schedule::PyMilestonePlan>()?;
    m.add_class::<schedule::PyPlannedMilestone>()?;
    m.add_class::<schedule::PyReplan>()?;
    m.add_class::<schedule::PyMilestoneShift>()?;
    m.add_class::<schedule::PyCountdown>()?;
    m.add_class::<schedule::PyMilestoneCountdown>()?;
    m.add_class::<schedule::PyCountdownSummary>()?;
    m.add_class::<schedule::PyLeadTimeVerdict>()?;
    m.add_class::<schedule::PyMeetingOccurrence>()?;
    m.add_function(wrap_pyfunction!(schedule::plan, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::replan, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::countdown, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::countdowns, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::check_lead_time, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::regular_meetings, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::to_icalendar, m)?)?;

    m.add_class::<report::PyTermData>()?;
    m.add_class::<report::PyPlannedActivity>()?;
    m.add_class::<report::PyTermReport>()?;
    m.add_class::<report::PyLeaveDecision>()?;
    m.add_class::<report::PyActivityStatus>()?;
    m.add_function(wrap_pyfunction!(report::term_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::term_icalendar, m)?)?;

    m.add_class::<evaluation::PyRanking>()?;
    m.add_class::<evaluation::PyScoreSheet>()?;
    m.add_class::<evaluation::PyAllocation>()?;
    m.add_class::<evaluation::PyTeamCheck>()?;
    m.add_function(wrap_pyfunction!(evaluation::evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluation::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluation::check_team, m)?)?;

    m.add_class::<budget::PyBudgetLedger>()?;
    m.add_class::<budget::PyPosting>()?;
    m.add_class::<budget::PyLedgerLine>()?;
    m.add_class::<budget::PyLedgerLines>()?;
    m.add_class::<budget::PyBudgetReport>()?;
    m.add_class::<budget::PyPlanValidation>()?;
    m.add_class::<budget::PyActivityYear>()?;
    m.add_class::<budget::PyStepOutcome>()?;
    m.add_class::<budget::PyActivityReport>()?;
    m.add_function(wrap_pyfunction!(budget::validate_plan, m)?)?;

    m.add_class::<forms::PyFormResult>()?;
    m.add_function(wrap_pyfunction!(forms::check_leave_request, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_activity_plan, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_expense, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_recruitment_application, m)?)?;
    m.add_function(wrap_pyfunction!(forms::check_board_plan, m)?)?;
    m.add_function(wrap_pyfunction!(forms::member_standing, m)?)?;
    m.add_function(wrap_pyfunction!(forms::event_countdown, m)?)?;
    m.add_function(wrap_pyfunction!(forms::budget_remaining, m)?)?;
    Ok(())
}
