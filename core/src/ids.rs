//! Identifiers and their one validity rule: a leaf module (it imports no area), so every area
//! that names an activity, and the rulebook's tables keyed by id, share one rule.
//!
//! An id that goes into a rulebook key, a ledger account or an iCalendar UID is 1 to
//! [`MAX_ID_LEN`] ASCII letters, digits, `_` or `-` ([`is_valid_id`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest stable id.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` is a valid stable id: 1 to [`MAX_ID_LEN`] ASCII letters, digits, `_` or `-`.
///
/// # Example
///
/// ```
/// use secretariat::ids::is_valid_id;
/// assert!(is_valid_id("welcome-party-2002"));
/// assert!(!is_valid_id(""));
/// assert!(!is_valid_id("迎新晚会"));
/// assert!(!is_valid_id(&"x".repeat(65)));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// An activity's identifier, unique in a book and a ledger.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ActivityId(pub String);

impl ActivityId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActivityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ActivityId {
    fn from(s: &str) -> ActivityId {
        ActivityId(s.to_owned())
    }
}

debug_as_quoted_id!(ActivityId);
