//! Scheduling countdowns (domain.md §5). Placeholder: being written.

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Locale};
use crate::rulebook::RulebookError;

/// Scheduling policy of the rulebook.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulePolicy {}

impl SchedulePolicy {
    /// Checks the ranges of the policy's values.
    pub fn validate(&self, _path: &str) -> Result<(), RulebookError> {
        Ok(())
    }
}

/// A scheduling input is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScheduleError {
    /// Placeholder.
    #[error("unknown template {id}")]
    UnknownTemplate {
        /// Field path.
        path: String,
        /// Template id.
        id: String,
    },
}

impl Diagnostic for ScheduleError {
    fn code(&self) -> &'static str {
        "schedule.unknown_template"
    }
    fn path(&self) -> &str {
        match self {
            ScheduleError::UnknownTemplate { path, .. } => path,
        }
    }
    fn message(&self, _locale: Locale) -> String {
        self.to_string()
    }
}
