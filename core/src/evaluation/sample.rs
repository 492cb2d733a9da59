//! The bundled sample selection: Challenge Cup judges' scores and a recruitment round of
//! the sample term's department (autumn 2002).

use serde::{Deserialize, Serialize};

use crate::members::MemberId;
use crate::recruitment::RecruitmentRound;

use super::EvaluationInput;

/// A sample of selection data for the demo: Challenge Cup judges' scores for eight members
/// of the sample term (one of them, 2002013, expelled in that term), a recruitment round of
/// twelve candidates, and a Challenge Cup team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelectionData {
    /// A title for the report.
    pub title: String,
    /// Challenge Cup talent selection: five judges, eight candidates.
    pub challenge_cup: EvaluationInput,
    /// Recruitment of new members, autumn 2002.
    pub recruitment: RecruitmentRound,
    /// A Challenge Cup team, by member id of the sample term.
    pub challenge_cup_team: Vec<MemberId>,
    /// The academic year the team's years of study are counted in.
    pub team_year: i32,
}

impl SelectionData {
    /// The bundled sample: the selection of [`crate::TermData::sample`].
    pub fn sample() -> SelectionData {
        // The sample term bundles it: checked by the test `sample_term_loads`.
        #[allow(clippy::expect_used)]
        crate::TermData::sample()
            .selection
            .expect("the sample term has a selection")
    }

    /// Reads selection data from JSON.
    ///
    /// # Errors
    ///
    /// `input.syntax`, or `input.invalid` (or a field's own code such as
    /// `member.invalid_grade`) with the path of the offending field.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::Diagnostic;
    /// use secretariat::evaluation::SelectionData;
    ///
    /// let err = SelectionData::from_json_str(r#"{"title": "t"}"#).unwrap_err();
    /// assert_eq!(err.code(), "input.invalid");
    /// ```
    pub fn from_json_str(text: &str) -> Result<SelectionData, crate::InputError> {
        crate::input::from_json_str(text)
    }
}
