//! Marks as columns: the shape of an analyst's table of a million marks.
//!
//! [`AttendanceRegister::record_marks`] reads one [`MarkRecord`](super::MarkRecord) per mark,
//! each with its member and event ids as strings. A table of marks is usually held as
//! columns instead, with its id columns dictionary-encoded (a pandas categorical, an Arrow
//! dictionary: a few distinct ids and one small code per row) or already as positions.
//! [`AttendanceRegister::record_mark_columns`] takes that shape as it is: each distinct id
//! is looked up once, and each row costs a few array reads. The checks, their order, the
//! errors and their paths are those of `record_marks` for the same marks.

use crate::members::{MemberErrorKind, MemberId};

use super::marked::MarkedPairs;
use super::{AttendanceErrorKind, AttendanceRegister, EventId, Mark, StoredMark};

/// One id column of marks (the members or the events), as codes.
///
/// Either the codes are positions (`categories` is `None`: a code is a position in the
/// roster, or in the register's events), or the column is dictionary-encoded: row `i` holds
/// the id `categories[codes[i]]`. Categories may repeat an id, and may hold ids no row uses
/// (a filtered pandas categorical keeps all its categories); an id not in the register is
/// refused only at a row that uses it.
#[derive(Debug)]
pub struct CodeColumn<'a, T> {
    /// One code per row.
    pub codes: &'a [u32],
    /// The ids the codes point into; `None` when the codes are positions.
    pub categories: Option<&'a [T]>,
}

// By hand: a column of borrowed codes is `Copy` whatever its ids are.
impl<T> Clone for CodeColumn<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for CodeColumn<'_, T> {}

impl<'a, T> CodeColumn<'a, T> {
    /// Codes that are positions in the roster (or the events).
    pub fn positions(codes: &'a [u32]) -> Self {
        CodeColumn {
            codes,
            categories: None,
        }
    }

    /// Codes into `categories`.
    pub fn coded(codes: &'a [u32], categories: &'a [T]) -> Self {
        CodeColumn {
            codes,
            categories: Some(categories),
        }
    }
}

/// Marks as three columns of equal length: row `i` gives member `members.codes[i]` the mark
/// `marks[i]` for event `events.codes[i]`. Marks are given directly (times are read one
/// [`MarkRecord`](super::MarkRecord) at a time).
#[derive(Debug, Clone, Copy)]
pub struct MarkColumns<'a> {
    /// The member of each row.
    pub members: CodeColumn<'a, MemberId>,
    /// The event of each row.
    pub events: CodeColumn<'a, EventId>,
    /// The mark of each row.
    pub marks: &'a [Mark],
}

/// A code's position in the register, or `UNKNOWN` for a category the register lacks.
const UNKNOWN: u32 = u32::MAX;

/// The position of each code: the positions themselves, or each category looked up once.
fn lookup_table<T>(
    column: &CodeColumn<'_, T>,
    len: usize,
    position: impl Fn(&T) -> Option<u32>,
) -> Vec<u32> {
    match column.categories {
        None => (0..len)
            .map(|p| u32::try_from(p).unwrap_or(UNKNOWN))
            .collect(),
        Some(categories) => categories
            .iter()
            .map(|id| position(id).unwrap_or(UNKNOWN))
            .collect(),
    }
}

impl AttendanceRegister {
    /// Records marks given as columns, all or none: the fast way to record a large batch
    /// (a million marks from a DataFrame). The register ends as
    /// [`AttendanceRegister::record_marks`] would leave it for the same marks, and refuses
    /// the same rows with the same codes and paths.
    ///
    /// # Errors
    ///
    /// `attendance.column_length` at `marks.event` or `marks.mark` when a column's length
    /// differs from the member column's. At `marks[i]...`, for the first row at fault:
    /// `attendance.code_out_of_range` (a code past its categories, or past the roster or
    /// events for positions), `member.unknown`, `attendance.unknown_event` (a category not
    /// in the register), `attendance.excused_without_leave`, `attendance.duplicate_mark`.
    /// On error nothing is recorded.
    ///
    /// # Example
    ///
    /// ```
    /// use secretariat::{AttendanceRegister, Diagnostic, MemberId, TermData};
    /// use secretariat::attendance::{CodeColumn, EventId, Mark, MarkColumns};
    ///
    /// let data = TermData::sample();
    /// let mut register = AttendanceRegister::new(data.roster()?, data.events.clone())?;
    /// // Two members (as categories) at the first two events (as positions).
    /// let ids = [MemberId::from("2002011"), MemberId::from("2002012")];
    /// register.record_mark_columns(&MarkColumns {
    ///     members: CodeColumn::coded(&[0, 1, 0], &ids),
    ///     events: CodeColumn::positions(&[0, 0, 1]),
    ///     marks: &[Mark::Late, Mark::Present, Mark::Present],
    /// })?;
    /// assert_eq!(register.mark_count(), 3);
    ///
    /// // Row 1 marks 2002011 at the first event again: nothing of the batch is kept.
    /// let err = register.record_mark_columns(&MarkColumns {
    ///     members: CodeColumn::coded(&[1, 0], &ids),
    ///     events: CodeColumn::<EventId>::positions(&[2, 0]),
    ///     marks: &[Mark::Present, Mark::Present],
    /// }).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("attendance.duplicate_mark", "marks[1]"));
    /// assert_eq!(register.mark_count(), 3);
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn record_mark_columns(&mut self, columns: &MarkColumns<'_>) -> crate::Result<()> {
        let rows = columns.members.codes.len();
        for (path, actual) in [
            ("marks.event", columns.events.codes.len()),
            ("marks.mark", columns.marks.len()),
        ] {
            if actual != rows {
                return Err(AttendanceErrorKind::ColumnLength {
                    expected: rows,
                    actual,
                }
                .at(path)
                .into());
            }
        }
        let member_of = lookup_table(&columns.members, self.roster.len(), |id| {
            self.roster.position(id)
        });
        let event_of = lookup_table(&columns.events, self.events.len(), |id| {
            self.event_position(id)
        });

        if self.record_rows_at_once(&member_of, &event_of, columns) {
            return Ok(());
        }

        // Row by row, each check in the order `record_marks` makes them.
        let start = self.marks.len();
        self.marks.reserve(rows);
        self.marked.reserve(rows);
        let rows = columns
            .members
            .codes
            .iter()
            .zip(columns.events.codes)
            .zip(columns.marks);
        for (i, ((&member_code, &event_code), &mark)) in rows.enumerate() {
            let member = match member_of.get(member_code as usize) {
                Some(&p) if p != UNKNOWN => p,
                _ => return Err(self.refuse_member(start, columns, i, member_code)),
            };
            let event = match event_of.get(event_code as usize) {
                Some(&p) if p != UNKNOWN => p,
                _ => return Err(self.refuse_event(start, columns, i, event_code)),
            };
            if mark == Mark::Excused && !self.on_leave.contains_key(&(member, event)) {
                return Err(self.refuse_excused(start, i, member, event));
            }
            if !self.marked.insert(member, event) {
                return Err(self.refuse_duplicate(start, i, member, event));
            }
            self.marks.push(StoredMark {
                member,
                event,
                mark,
                minutes: [0, 0],
            });
        }
        Ok(())
    }

    /// Records every row at once when the marked pairs are a bitmap, and returns `true`.
    /// No row has a branch of its own (a fault only sets a flag); when any row is at fault
    /// the register is put back as it was and `false` returned, so that the row-by-row loop
    /// finds the first fault and reports it.
    fn record_rows_at_once(
        &mut self,
        member_of: &[u32],
        event_of: &[u32],
        columns: &MarkColumns<'_>,
    ) -> bool {
        let AttendanceRegister {
            marks,
            marked,
            on_leave,
            ..
        } = self;
        let MarkedPairs::Bits { events, words } = marked else {
            return false;
        };
        let events = *events;
        let start = marks.len();
        // Two passes, each simple enough to run at memory speed: the rows' positions (an
        // unknown code becomes `UNKNOWN`), then the duplicate and leave checks.
        let rows = columns
            .members
            .codes
            .iter()
            .zip(columns.events.codes)
            .zip(columns.marks);
        marks.extend(rows.map(|((&member_code, &event_code), &mark)| StoredMark {
            member: *member_of.get(member_code as usize).unwrap_or(&UNKNOWN),
            event: *event_of.get(event_code as usize).unwrap_or(&UNKNOWN),
            mark,
            minutes: [0, 0],
        }));
        let mut fault = false;
        for m in marks.get(start..).unwrap_or_default() {
            fault |= (m.member == UNKNOWN) | (m.event == UNKNOWN);
            // In range for known positions; for an unknown one (a fault already) the bit
            // may be anything, and the rollback below clears it.
            let bit = (m.member as usize)
                .wrapping_mul(events)
                .wrapping_add(m.event as usize);
            match words.get_mut(bit / 64) {
                Some(word) => {
                    let mask = 1u64 << (bit % 64);
                    fault |= *word & mask != 0;
                    *word |= mask;
                }
                None => fault = true,
            }
            if m.mark == Mark::Excused && !on_leave.contains_key(&(m.member, m.event)) {
                fault = true;
            }
        }
        if fault {
            marks.truncate(start);
            *marked = MarkedPairs::new(self.roster.len(), self.events.len());
            for m in &self.marks {
                self.marked.insert(m.member, m.event);
            }
        }
        !fault
    }

    /// Rolls back the batch begun at `start` and says why row `row`'s member was refused.
    #[cold]
    fn refuse_member(
        &mut self,
        start: usize,
        columns: &MarkColumns<'_>,
        row: usize,
        code: u32,
    ) -> crate::Error {
        self.unstage(start);
        let path = format!("marks[{row}].member");
        match columns.members.categories {
            Some(ids) => match ids.get(code as usize) {
                Some(id) => MemberErrorKind::Unknown { id: id.clone() }.at(path).into(),
                None => out_of_range(path, code, ids.len()),
            },
            None => out_of_range(path, code, self.roster.len()),
        }
    }

    /// Rolls back the batch begun at `start` and says why row `row`'s event was refused.
    #[cold]
    fn refuse_event(
        &mut self,
        start: usize,
        columns: &MarkColumns<'_>,
        row: usize,
        code: u32,
    ) -> crate::Error {
        self.unstage(start);
        let path = format!("marks[{row}].event");
        match columns.events.categories {
            Some(ids) => match ids.get(code as usize) {
                Some(id) => AttendanceErrorKind::UnknownEvent { id: id.clone() }
                    .at(path)
                    .into(),
                None => out_of_range(path, code, ids.len()),
            },
            None => out_of_range(path, code, self.events.len()),
        }
    }
}

fn out_of_range(path: String, code: u32, len: usize) -> crate::Error {
    AttendanceErrorKind::CodeOutOfRange { code, len }
        .at(path)
        .into()
}
