//! Term report. Being written.
#![allow(missing_docs)]
pub struct TermData;
pub struct TermReport;
pub fn term_report() {}
