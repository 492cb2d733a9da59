//! The rulebook: every number a school may change, as plain data (domain.md, Principles).
//!
//! The structure of each rule is fixed in code; its numbers come from here. The embedded
//! default ([`Rulebook::default`]) holds the values of the two source documents. A school's
//! own file, TOML or JSON, overrides only the keys it names; unknown keys and out-of-range
//! values are refused with the key's path.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::activity::ActivityPolicy;
use crate::attendance::{AttendancePolicy, LeavePolicy};
use crate::authority::AuthorityTable;
use crate::budget::BudgetPolicy;
use crate::discipline::DisciplinePolicy;
use crate::evaluation::EvaluationPolicy;
use crate::recruitment::RecruitmentPolicy;
use crate::schedule::SchedulePolicy;

pub use crate::rule::{RuleRef, RulebookError, RulebookErrorKind};

/// The embedded default rulebook, as written in the source documents.
pub const DEFAULT_TOML: &str = include_str!("default.toml");

/// The same, as compact JSON written at build time (`core/build.rs`): the default is read
/// with the JSON parser, the TOML parser is only for a school's own files.
const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_rulebook.json"));

/// Identifies the rulebook a result was computed with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RulebookStamp {
    /// The rulebook's declared name.
    pub name: String,
    /// The rulebook's declared version.
    pub version: String,
    /// A fingerprint of its whole content (`fnv1a64:` and 16 hex digits).
    pub fingerprint: String,
}

/// Name and version of a rulebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RulebookMeta {
    /// Human name, e.g. the school and department.
    pub name: String,
    /// The school's own version label.
    pub version: String,
}

/// Every number of policy, by area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Name and version.
    pub meta: RulebookMeta,
    /// Which roles may take which action.
    pub authority: AuthorityTable,
    /// Attendance and discipline (domain.md §1).
    pub attendance: AttendancePolicy,
    /// The school's own discipline rules: offences, severity, conversions, counters, points
    /// and a sanction ladder (see [`crate::discipline`]). Absent in the default: the seed's
    /// rule is then read from `attendance` (its limits, margin and window). Present, it
    /// replaces that rule whole (the `attendance` limits are then unused; its kinds and
    /// grace period still shape the marks and the counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discipline: Option<DisciplinePolicy>,
    /// Leave requests (domain.md §1, rule 3).
    pub leave: LeavePolicy,
    /// Milestones, lead times, meetings (domain.md §5).
    pub schedule: SchedulePolicy,
    /// Evaluation schemes: criteria, weights, scale, aggregation, deductions, ranking and
    /// selection (domain.md §2).
    pub evaluation: EvaluationPolicy,
    /// The recruitment quota plan, deadline and team composition rules (domain.md §4).
    pub recruitment: RecruitmentPolicy,
    /// The annual budget plan, activity budget lines, warning percentage and expense
    /// approval limits (domain.md §3).
    pub budget: BudgetPolicy,
    /// Activity plans and their lifecycle: summary due days, required sections,
    /// submission lead times (domain.md §6).
    pub activity: ActivityPolicy,
}

impl Default for Rulebook {
    /// The embedded default rulebook: the values of the source documents.
    fn default() -> Rulebook {
        static DEFAULT: OnceLock<Rulebook> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                // The embedded file is checked by the test `embedded_default_is_valid`;
                // it is part of the program, not input.
                #[allow(clippy::expect_used)]
                let value: Value =
                    serde_json::from_str(DEFAULT_JSON).expect("embedded default rulebook parses");
                #[allow(clippy::expect_used)]
                Rulebook::from_value(value).expect("embedded default rulebook is valid")
            })
            .clone()
    }
}

impl Rulebook {
    /// Reads a TOML rulebook over the default: keys it does not name keep their default.
    ///
    /// # Errors
    ///
    /// `rulebook.syntax` for invalid TOML, `rulebook.unknown_key`, `rulebook.invalid_type`,
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the key's path.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let rb = Rulebook::from_toml_str("[attendance]\nlateness_limit = 3\n")?;
    /// assert_eq!(rb.attendance.lateness_limit, 3);
    /// assert_eq!(rb.attendance.absence_limit, 1); // untouched default
    ///
    /// let err = Rulebook::from_toml_str("[attendance]\nlateness_limit = 0\n").unwrap_err();
    /// assert_eq!(err.code(), "rulebook.out_of_range");
    /// assert_eq!(err.path(), "attendance.lateness_limit");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> crate::Result<Rulebook> {
        Rulebook::default().overlay_toml(text)
    }

    /// Reads a JSON rulebook over the default: keys it does not name keep their default.
    ///
    /// # Errors
    ///
    /// As [`Rulebook::from_toml_str`], with `rulebook.syntax` for invalid JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let rb = Rulebook::from_json_str(r#"{"attendance": {"grace_minutes": 5}}"#)?;
    /// assert_eq!(rb.attendance.grace_minutes, 5);
    ///
    /// let err = Rulebook::from_json_str(r#"{"attendance": {"lateness": 3}}"#).unwrap_err();
    /// assert_eq!(err.code(), "rulebook.unknown_key");
    /// assert_eq!(err.path(), "attendance.lateness");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> crate::Result<Rulebook> {
        Rulebook::default().overlay_json(text)
    }

    /// This rulebook with the keys named in a TOML text replaced.
    ///
    /// # Errors
    ///
    /// As [`Rulebook::from_toml_str`].
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let strict = Rulebook::default().overlay_toml("[attendance]\ngrace_minutes = 0")?;
    /// let err = strict.overlay_toml("[attendance\n").unwrap_err();
    /// assert_eq!(err.code(), "rulebook.syntax");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn overlay_toml(&self, text: &str) -> crate::Result<Rulebook> {
        let overlay: Value = toml::from_str(text).map_err(|e| {
            RulebookErrorKind::Syntax {
                format: "toml",
                detail: e.message().to_owned(),
            }
            .at_root()
        })?;
        self.overlay_value(overlay)
    }

    /// This rulebook with the keys named in a JSON text replaced.
    ///
    /// # Errors
    ///
    /// As [`Rulebook::from_json_str`].
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let err = Rulebook::default().overlay_json("{").unwrap_err();
    /// assert_eq!(err.code(), "rulebook.syntax");
    /// ```
    pub fn overlay_json(&self, text: &str) -> crate::Result<Rulebook> {
        let overlay: Value = serde_json::from_str(text).map_err(|e| {
            RulebookErrorKind::Syntax {
                format: "json",
                detail: e.to_string(),
            }
            .at_root()
        })?;
        self.overlay_value(overlay)
    }

    /// This rulebook with the keys named in a JSON value replaced (tables merge key by key;
    /// any other value, arrays included, replaces the old one whole).
    ///
    /// # Errors
    ///
    /// As [`Rulebook::from_toml_str`].
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let err = Rulebook::default()
    ///     .overlay_value(serde_json::json!({"attendance": {"absence_limit": "one"}}))
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "rulebook.invalid_type");
    /// assert_eq!(err.path(), "attendance.absence_limit");
    /// ```
    pub fn overlay_value(&self, overlay: Value) -> crate::Result<Rulebook> {
        let mut base = serde_json::to_value(self).map_err(|e| {
            RulebookErrorKind::InvalidType {
                detail: e.to_string(),
            }
            .at(String::new())
        })?;
        merge(&mut base, overlay);
        Ok(Rulebook::from_value(base)?)
    }

    /// Reads a complete rulebook (every key present) from a JSON value, then validates it.
    fn from_value(value: Value) -> Result<Rulebook, RulebookError> {
        let rulebook: Rulebook = crate::input::path::deserialize(value).map_err(|e| {
            let path = e.segments();
            if e.reason == "unknown_field" {
                RulebookErrorKind::UnknownKey.at(path)
            } else {
                RulebookErrorKind::InvalidType { detail: e.message }.at(path)
            }
        })?;
        rulebook.validate()?;
        Ok(rulebook)
    }

    /// Checks every value against its allowed range.
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the key's path.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{Diagnostic, Rulebook};
    ///
    /// let mut rb = Rulebook::default();
    /// assert!(rb.validate().is_ok());
    /// rb.attendance.lateness_limit = 0;
    /// assert_eq!(rb.validate().unwrap_err().path(), "attendance.lateness_limit");
    /// ```
    pub fn validate(&self) -> Result<(), RulebookError> {
        if self.meta.version.trim().is_empty() {
            return Err(RulebookErrorKind::inconsistent("version_empty", []).at("meta.version"));
        }
        self.authority.validate("authority")?;
        self.attendance.validate("attendance")?;
        if let Some(discipline) = &self.discipline {
            discipline.validate("discipline")?;
        }
        self.leave.validate("leave")?;
        self.schedule.validate("schedule")?;
        self.evaluation.validate("evaluation")?;
        self.recruitment.validate("recruitment", &self.evaluation)?;
        self.budget.validate("budget")?;
        self.activity.validate("activity", &self.schedule)?;
        Ok(())
    }

    /// The whole rulebook as TOML.
    ///
    /// # Errors
    ///
    /// `rulebook.invalid_type` if a value cannot be written as TOML (none of the rulebook's
    /// own types does that; the error exists so the call never panics).
    pub fn to_toml_string(&self) -> Result<String, RulebookError> {
        toml::to_string(self).map_err(|e| {
            RulebookErrorKind::InvalidType {
                detail: e.to_string(),
            }
            .at(String::new())
        })
    }

    /// The whole rulebook as pretty JSON.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A fingerprint of the whole content: equal rulebooks give equal fingerprints on every
    /// platform. FNV-1a over the canonical JSON; it tells versions apart, it is not a
    /// cryptographic signature. The canonical JSON is the rulebook's JSON value with every
    /// table's keys in sorted order, written compactly (through the value, so the WebAssembly
    /// module needs no second JSON writer of the rulebook's types).
    pub fn fingerprint(&self) -> String {
        let canonical = serde_json::to_value(self)
            .map(|value| value.to_string())
            .unwrap_or_default();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in canonical.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        format!("fnv1a64:{hash:016x}")
    }

    /// Name, version and fingerprint, for results to carry.
    pub fn stamp(&self) -> RulebookStamp {
        RulebookStamp {
            name: self.meta.name.clone(),
            version: self.meta.version.clone(),
            fingerprint: self.fingerprint(),
        }
    }
}

/// Deep merge: tables merge key by key, every other value replaces.
fn merge(base: &mut Value, overlay: Value) {
    match (base, overlay) {
        (Value::Object(base), Value::Object(overlay)) => {
            for (key, value) in overlay {
                match base.get_mut(&key) {
                    Some(slot) => merge(slot, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (slot, value) => *slot = value,
    }
}

#[cfg(test)]
mod tests;
