//! What a form check gives: the record or every issue, and the warnings; and its plain,
//! serialisable form in a language (`{"success": true, "data": ...}`).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::activity::ActivityWarning;
use crate::budget::BudgetWarning;
use crate::diagnostic::{Diagnostic, Locale, Params, PathSegment, path_segments};
use crate::error::Error;

use super::fields::FieldReader;

/// A warning of a form: the form is accepted, but something deserves a look (a budget near
/// its cap, a plan submitted before its window opens).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FormWarning {
    /// A budget warning (`budget.near_annual_cap`, `budget.below_line_range`...).
    Budget(BudgetWarning),
    /// An activity warning (`activity.submitted_early`).
    Activity(ActivityWarning),
}

impl FormWarning {
    fn inner(&self) -> &dyn Diagnostic {
        match self {
            FormWarning::Budget(w) => w,
            FormWarning::Activity(w) => w,
        }
    }
}

impl From<BudgetWarning> for FormWarning {
    fn from(w: BudgetWarning) -> FormWarning {
        FormWarning::Budget(w)
    }
}

impl From<ActivityWarning> for FormWarning {
    fn from(w: ActivityWarning) -> FormWarning {
        FormWarning::Activity(w)
    }
}

impl Diagnostic for FormWarning {
    fn code(&self) -> &'static str {
        self.inner().code()
    }
    fn path(&self) -> &str {
        self.inner().path()
    }
    fn message(&self, locale: Locale) -> String {
        self.inner().message(locale)
    }
    fn params(&self) -> Params {
        self.inner().params()
    }
}

/// What a form check found, typed: the domain record the form stands for, or every issue
/// (not only the first), and the warnings either way.
#[derive(Debug, Clone, PartialEq)]
pub struct FormOutcome<T> {
    /// The record, or every issue.
    pub result: Result<T, Vec<Error>>,
    /// Every warning.
    pub warnings: Vec<FormWarning>,
}

impl<T> FormOutcome<T> {
    /// An outcome from the issues found: the record when there are none.
    pub(crate) fn new(record: Option<T>, issues: Vec<Error>, warnings: Vec<FormWarning>) -> Self {
        let result = match record {
            Some(record) if issues.is_empty() => Ok(record),
            _ => Err(issues),
        };
        FormOutcome { result, warnings }
    }

    /// A failure of the context (its data could not be read): the fields' problems found
    /// so far, then the context's.
    pub(crate) fn refused(fields: FieldReader, context_error: Error) -> Self {
        FormOutcome::new(None, fields.finish(vec![context_error], &[]), Vec::new())
    }

    /// Whether the form is accepted.
    pub fn is_success(&self) -> bool {
        self.result.is_ok()
    }

    /// The record, when the form is accepted.
    pub fn data(&self) -> Option<&T> {
        self.result.as_ref().ok()
    }

    /// Every issue; empty when the form is accepted.
    pub fn issues(&self) -> &[Error] {
        match &self.result {
            Ok(_) => &[],
            Err(issues) => issues,
        }
    }

    /// The outcome as plain data with messages in `locale` (see [`FormResult`]).
    pub fn to_result(&self, locale: Locale) -> FormResult<T>
    where
        T: Clone,
    {
        self.clone().into_result(locale)
    }

    /// As [`FormOutcome::to_result`], consuming the outcome.
    pub fn into_result(self, locale: Locale) -> FormResult<T> {
        let warnings = self
            .warnings
            .iter()
            .map(|w| FormIssue::from_diagnostic(w, locale))
            .collect();
        match self.result {
            Ok(data) => FormResult::Success { data, warnings },
            Err(issues) => FormResult::Failure {
                issues: issues
                    .iter()
                    .map(|e| FormIssue::from_diagnostic(e, locale))
                    .collect(),
                warnings,
            },
        }
    }
}

/// An issue (or a warning) of a form as plain data: a stable code, the field's path as
/// segments (`["risks", 1, "countermeasure"]`), a message in the requested language and
/// the message's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormIssue {
    /// Stable machine code, e.g. `leave.no_substitute`.
    pub code: String,
    /// Path of the offending field, as segments; empty for the whole form.
    pub path: Vec<PathSegment>,
    /// Human message.
    pub message: String,
    /// Named parameters of the message.
    pub params: BTreeMap<String, String>,
}

impl FormIssue {
    /// The message of this issue in any locale, rendered again from its code and
    /// parameters: a form result stored in one language can be shown in another.
    pub fn message_in(&self, locale: Locale) -> String {
        crate::catalog::message_with(locale, &self.code, &|name| {
            self.params.get(name).map(String::as_str)
        })
    }

    /// Flattens any diagnostic.
    pub fn from_diagnostic(d: &dyn Diagnostic, locale: Locale) -> FormIssue {
        FormIssue {
            code: d.code().to_owned(),
            path: path_segments(d.path()),
            message: d.message(locale),
            params: d
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        }
    }
}

/// A form check's outcome as plain data, in the style of zod's `safeParse`: serialises as
/// `{"success": true, "data": ..., "warnings": [...]}` or
/// `{"success": false, "issues": [...], "warnings": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormResult<T> {
    /// The form is accepted.
    Success {
        /// The domain record.
        data: T,
        /// Every warning.
        warnings: Vec<FormIssue>,
    },
    /// The form is refused.
    Failure {
        /// Every issue.
        issues: Vec<FormIssue>,
        /// Every warning.
        warnings: Vec<FormIssue>,
    },
}

impl<T> FormResult<T> {
    /// Whether the form is accepted.
    pub fn is_success(&self) -> bool {
        matches!(self, FormResult::Success { .. })
    }

    /// The issues; empty on success.
    pub fn issues(&self) -> &[FormIssue] {
        match self {
            FormResult::Success { .. } => &[],
            FormResult::Failure { issues, .. } => issues,
        }
    }

    /// The warnings.
    pub fn warnings(&self) -> &[FormIssue] {
        match self {
            FormResult::Success { warnings, .. } | FormResult::Failure { warnings, .. } => warnings,
        }
    }
}

/// `{"success": true, "data", "warnings"}` or `{"success": false, "issues", "warnings"}`.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for FormResult<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("FormResult_{}", T::schema_name()).into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        format!("secretariat::forms::FormResult<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let data = generator.subschema_for::<T>();
        let issues = generator.subschema_for::<Vec<FormIssue>>();
        schemars::json_schema!({
            "description": "A form check's outcome, in the style of zod's `safeParse`: the \
                record and the warnings, or every issue and the warnings.",
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "success": { "const": true },
                        "data": data,
                        "warnings": issues,
                    },
                    "required": ["success", "data", "warnings"],
                    "additionalProperties": false,
                },
                {
                    "type": "object",
                    "properties": {
                        "success": { "const": false },
                        "issues": issues,
                        "warnings": issues,
                    },
                    "required": ["success", "issues", "warnings"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl<T: Serialize> Serialize for FormResult<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FormResult", 3)?;
        match self {
            FormResult::Success { data, warnings } => {
                st.serialize_field("success", &true)?;
                st.serialize_field("data", data)?;
                st.serialize_field("warnings", warnings)?;
            }
            FormResult::Failure { issues, warnings } => {
                st.serialize_field("success", &false)?;
                st.serialize_field("issues", issues)?;
                st.serialize_field("warnings", warnings)?;
            }
        }
        st.end()
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for FormResult<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FormResult<T>, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, bound = "T: DeserializeOwned")]
        struct Raw<T> {
            success: bool,
            #[serde(default)]
            data: Option<T>,
            #[serde(default)]
            issues: Option<Vec<FormIssue>>,
            #[serde(default)]
            warnings: Vec<FormIssue>,
        }
        let raw = Raw::<T>::deserialize(d)?;
        match (raw.success, raw.data, raw.issues) {
            (true, Some(data), None) => Ok(FormResult::Success {
                data,
                warnings: raw.warnings,
            }),
            (false, None, Some(issues)) => Ok(FormResult::Failure {
                issues,
                warnings: raw.warnings,
            }),
            _ => Err(serde::de::Error::custom(
                "a form result has `success: true` and `data`, or `success: false` and `issues`",
            )),
        }
    }
}
