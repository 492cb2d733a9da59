//! The journal as JSON Lines: a header line (the year, its period and the accounts), then
//! one entry per line, in the order posted. Appending an operation appends one line; reading
//! the lines back replays every entry with the checks a ledger read from JSON gets, so the
//! file round-trips to an identical ledger.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::calendar::DateRange;
use crate::error::Error;
use crate::ids::ActivityId;
use crate::input::{self, InputError};

use super::BudgetLedger;
use super::ledger::{AccountInfo, AccountInfos, LedgerRecord};

/// The first line of a journal file.
#[derive(Serialize)]
struct Header<'a> {
    year: &'a str,
    period: DateRange,
    accounts: AccountInfos<'a>,
}

/// The first line, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderRecord {
    year: String,
    period: DateRange,
    #[serde(default)]
    accounts: BTreeMap<ActivityId, AccountInfo>,
}

impl BudgetLedger {
    /// The ledger as JSON Lines: a header `{"year", "period", "accounts"}`, then entry 1,
    /// entry 2, ... each on its own line, each line ending with a newline. Entry `n` is on
    /// line `n + 1`.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        let header = Header {
            year: self.year(),
            period: self.period(),
            accounts: AccountInfos(self),
        };
        // Serialising plain data to a string cannot fail.
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string(&header).unwrap_or_default()
        );
        for entry in self.entries() {
            let _ = writeln!(out, "{}", serde_json::to_string(entry).unwrap_or_default());
        }
        out
    }

    /// Reads a ledger written by [`BudgetLedger::to_json_lines`] (blank lines are skipped),
    /// replaying every entry: the result equals the ledger written.
    ///
    /// # Errors
    ///
    /// `input.syntax`, `input.invalid` for a line that is not JSON or not an entry: the path
    /// starts with the line's place in the file, `[0]` for the header; a journal no sequence
    /// of accepted operations could have written is refused as
    /// [`BudgetLedger`]'s JSON is (`budget.inconsistent_ledger` and the other budget codes),
    /// at `entries[n - 1]` for entry `n`.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::budget::BudgetLedger;
    /// use secretariat::Diagnostic;
    ///
    /// let text = r#"{"year":"2002-2003","period":{"start":"2002-09-01","end":"2003-07-31"},"accounts":{"cup":{"title":"Cup","line":"challenge_cup","within_cap":true}}}
    /// {"seq":1,"date":"2002-09-16","kind":"allocation","activity":"cup","amount":"180.00","approver":"2000001"}
    /// {"seq":2,"date":"2002-10-08","kind":"expense","activity":"cup","amount":"85.00","approver":"2001005"}
    /// "#;
    /// let ledger = BudgetLedger::from_json_lines(text)?;
    /// assert_eq!(ledger.to_json_lines(), text);
    ///
    /// // Spending above the approved budget is no ledger anyone could have written.
    /// let err = BudgetLedger::from_json_lines(&text.replace("85.00", "185.00")).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("budget.inconsistent_ledger", "entries[1]"));
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn from_json_lines(text: &str) -> Result<BudgetLedger, Error> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty());
        let header: HeaderRecord = match lines.next() {
            Some((i, line)) => read_line(i, line)?,
            None => read_line(0, "{}")?,
        };
        let entries = lines
            .map(|(i, line)| read_line(i, line))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(BudgetLedger::from_record(LedgerRecord {
            year: header.year,
            period: header.period,
            accounts: header.accounts,
            entries,
        })?)
    }
}

/// One line, its errors placed under the line's index.
fn read_line<T: serde::de::DeserializeOwned>(i: usize, line: &str) -> Result<T, Error> {
    input::from_json_str(line).map_err(|e: InputError| Error::from(e).within(&format!("[{i}]")))
}
