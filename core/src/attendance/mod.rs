//! Attendance and discipline (domain.md §1). Being written.
#![allow(missing_docs)]
mod policy;
pub use policy::{AttendancePolicy, AttendanceWindow, LeavePolicy};
use serde::{Deserialize, Serialize};
use crate::error::{Diagnostic, Locale};
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind { RegularMeeting, GroupActivity, DutyShift, Rehearsal, Other }
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttendanceError { #[error("x")] X { path: String } }
impl Diagnostic for AttendanceError { fn code(&self) -> &'static str { "attendance.x" } fn path(&self) -> &str { "" } fn message(&self, _l: Locale) -> String { String::new() } }
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeaveError { #[error("x")] X { path: String } }
impl Diagnostic for LeaveError { fn code(&self) -> &'static str { "leave.x" } fn path(&self) -> &str { "" } fn message(&self, _l: Locale) -> String { String::new() } }
pub struct AttendanceRegister;
pub struct LeaveRequest;
pub struct Standing;
