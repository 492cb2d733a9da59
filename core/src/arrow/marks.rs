//! Marks as Arrow columns (`member`, `event`, `mark`), read into the codes and categories
//! that [`AttendanceRegister::record_mark_columns`](crate::AttendanceRegister) takes.
//!
//! Each column may be, in every record batch:
//! - dictionary-encoded strings (a pandas categorical through pyarrow, a polars
//!   `Categorical`): the indices become codes and only the dictionary's strings are read;
//! - strings (`utf8`, `large_utf8`, `utf8_view`): each distinct string is kept once, borrowed
//!   from the batch while the codes are made;
//! - integers: positions in the roster and in the events for `member` and `event`, a code in
//!   [`Mark::ALL`] for `mark`.
//!
//! A missing value, a negative position, an unknown mark name or code is an `input.invalid`
//! error at `marks[row].column`; unknown ids and duplicates are the register's to refuse.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrowPrimitiveType, RecordBatch};
use arrow_schema::DataType;
use rustc_hash::FxHashMap;

use crate::attendance::{CodeColumn, Event, EventId, Mark, MarkColumns, MarkRecord};
use crate::input::InputErrorKind;
use crate::{Error, MemberId, Roster};

/// Marks as columns, owned (read from Arrow here, or from pandas and NumPy by a binding):
/// what [`MarkColumns`] borrows.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MarkColumnsBuf {
    /// Each row's member: a position in the roster, or in `member_categories`.
    pub member_codes: Vec<u32>,
    /// The member ids the codes point into, if they are not roster positions.
    pub member_categories: Option<Vec<MemberId>>,
    /// Each row's event: a position in the events, or in `event_categories`.
    pub event_codes: Vec<u32>,
    /// The event ids the codes point into, if they are not positions in the events.
    pub event_categories: Option<Vec<EventId>>,
    /// Each row's mark.
    pub marks: Vec<Mark>,
}

impl MarkColumnsBuf {
    /// The rows as records, the codes read through their categories or as positions in
    /// `roster` and `events` (a row whose code points nowhere is left out: the register
    /// refuses such columns).
    pub fn records(&self, roster: &Roster, events: &[Event]) -> Vec<MarkRecord> {
        let at = |codes: &[u32], i: usize| codes.get(i).map(|&c| c as usize);
        let member = |i| match &self.member_categories {
            Some(c) => c.get(at(&self.member_codes, i)?).cloned(),
            None => (roster.members().get(at(&self.member_codes, i)?)).map(|m| m.id.clone()),
        };
        let event = |i| match &self.event_categories {
            Some(c) => c.get(at(&self.event_codes, i)?).cloned(),
            None => events.get(at(&self.event_codes, i)?).map(|e| e.id.clone()),
        };
        (self.marks.iter().enumerate())
            .filter_map(|(i, &mark)| Some(MarkRecord::direct(member(i)?, event(i)?, mark)))
            .collect()
    }

    /// The columns as the register takes them.
    pub fn view(&self) -> MarkColumns<'_> {
        MarkColumns {
            members: CodeColumn {
                codes: &self.member_codes,
                categories: self.member_categories.as_deref(),
            },
            events: CodeColumn {
                codes: &self.event_codes,
                categories: self.event_categories.as_deref(),
            },
            marks: &self.marks,
        }
    }

    /// The number of rows (of the member column).
    pub fn len(&self) -> usize {
        self.member_codes.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.member_codes.is_empty()
    }
}

/// Reads the columns `member`, `event` and `mark` of `batches` (other columns are ignored).
///
/// # Errors
///
/// `input.invalid` at `marks` for a missing column or a column of another type, at
/// `marks[row].column` for a missing value, a negative or too large position, or a mark that
/// is not one of [`Mark::ALL`] (by name or code).
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray};
/// use secretariat::{Diagnostic, arrow::mark_columns};
///
/// let batch = |marks: [&str; 2]| {
///     let column = |v: [&str; 2]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
///     let columns = [("member", ["2002001", "2002002"]), ("event", ["m1", "m1"]), ("mark", marks)];
///     RecordBatch::try_from_iter(columns.map(|(name, v)| (name, column(v)))).expect("a batch")
/// };
/// assert_eq!(mark_columns(&[batch(["late", "absent"])])?.len(), 2);
/// let err = mark_columns(&[batch(["late", "asleep"])]).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("input.invalid", "marks[1].mark"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn mark_columns(batches: &[RecordBatch]) -> Result<MarkColumnsBuf, Error> {
    let member = Coded::read(batches, "member")?;
    let event = Coded::read(batches, "event")?;
    let mark = Coded::read(batches, "mark")?;
    let names: Option<Vec<Option<Mark>>> = (mark.categories.as_ref()).map(|c| {
        c.iter()
            .map(|name| Mark::ALL.into_iter().find(|m| m.key() == *name))
            .collect()
    });
    let marks = (mark.codes.iter().enumerate())
        .map(|(row, &code)| {
            let found = match &names {
                Some(names) => names.get(code as usize).copied().flatten(),
                None => Mark::ALL.get(code as usize).copied(),
            };
            found.ok_or_else(|| {
                let shown = (mark.categories.as_ref()).map_or(code.to_string(), |c| {
                    c.get(code as usize).copied().unwrap_or_default().to_owned()
                });
                invalid(row, "mark", format!("unknown mark `{shown}`"))
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(MarkColumnsBuf {
        member_codes: member.codes,
        member_categories: ids(member.categories),
        event_codes: event.codes,
        event_categories: ids(event.categories),
        marks,
    })
}

/// Categories as ids.
fn ids<T: for<'s> From<&'s str>>(categories: Option<Vec<&str>>) -> Option<Vec<T>> {
    categories.map(|c| c.into_iter().map(T::from).collect())
}

fn invalid(row: usize, column: &str, detail: impl Into<String>) -> Error {
    let path = format!("marks[{row}].{column}");
    let detail = detail.into();
    InputErrorKind::Invalid {
        code: "input.invalid",
        detail,
    }
    .at(path)
    .into()
}

/// One column read as codes: into its distinct strings (`categories`), or positions.
#[derive(Default)]
struct Coded<'a> {
    codes: Vec<u32>,
    categories: Option<Vec<&'a str>>,
    index: FxHashMap<&'a str, u32>,
}

impl<'a> Coded<'a> {
    fn read(batches: &'a [RecordBatch], name: &str) -> Result<Self, Error> {
        let mut coded = Coded::default();
        for batch in batches {
            let Some(column) = batch.column_by_name(name) else {
                let detail = format!("no column `{name}` (member, event and mark are needed)");
                return Err(InputErrorKind::Invalid {
                    code: "input.invalid",
                    detail,
                }
                .at("marks")
                .into());
            };
            coded.push(column.as_ref(), name)?;
        }
        Ok(coded)
    }

    /// The code of the string `s`, added to the categories when new.
    fn code_of(&mut self, s: &'a str) -> u32 {
        let categories = self.categories.get_or_insert_with(Vec::new);
        *self.index.entry(s).or_insert_with(|| {
            categories.push(s);
            u32::try_from(categories.len() - 1).unwrap_or(u32::MAX)
        })
    }

    fn push(&mut self, column: &'a dyn Array, name: &str) -> Result<(), Error> {
        let start = self.codes.len();
        let missing = |i: usize| invalid(start + i, name, "a missing value");
        if let Some(dictionary) = column.as_any_dictionary_opt() {
            let values = strings(dictionary.values().as_ref())
                .ok_or_else(|| invalid(start, name, "a dictionary of values that are not text"))?;
            let remap: Vec<Option<u32>> = values.map(|v| v.map(|s| self.code_of(s))).collect();
            let keys = dictionary.normalized_keys();
            let nulls = column.logical_nulls();
            self.codes.reserve(keys.len());
            for (i, key) in keys.into_iter().enumerate() {
                let code = match &nulls {
                    Some(n) if n.is_null(i) => None,
                    _ => remap.get(key).copied().flatten(),
                };
                self.codes.push(code.ok_or_else(|| missing(i))?);
            }
            return Ok(());
        }
        if let Some(values) = strings(column) {
            for (i, value) in values.enumerate() {
                let code = self.code_of(value.ok_or_else(|| missing(i))?);
                self.codes.push(code);
            }
            return Ok(());
        }
        if self.categories.is_some() {
            return Err(invalid(
                start,
                name,
                "positions after text in the same column",
            ));
        }
        match column.data_type() {
            DataType::Int8 => self.positions::<Int8Type>(column, name),
            DataType::Int16 => self.positions::<Int16Type>(column, name),
            DataType::Int32 => self.positions::<Int32Type>(column, name),
            DataType::Int64 => self.positions::<Int64Type>(column, name),
            DataType::UInt8 => self.positions::<UInt8Type>(column, name),
            DataType::UInt16 => self.positions::<UInt16Type>(column, name),
            DataType::UInt32 => self.positions::<UInt32Type>(column, name),
            DataType::UInt64 => self.positions::<UInt64Type>(column, name),
            other => Err(invalid(
                start,
                name,
                format!("a column of {other}: text or integers expected"),
            )),
        }
    }

    fn positions<T: ArrowPrimitiveType>(
        &mut self,
        column: &dyn Array,
        name: &str,
    ) -> Result<(), Error>
    where
        T::Native: TryInto<u32> + ToString,
    {
        let start = self.codes.len();
        for (i, value) in column.as_primitive::<T>().iter().enumerate() {
            let value = value.ok_or_else(|| invalid(start + i, name, "a missing value"))?;
            let shown = || value.to_string();
            let code = value.try_into().map_err(|_| {
                invalid(
                    start + i,
                    name,
                    format!("the position {} is out of range", shown()),
                )
            })?;
            self.codes.push(code);
        }
        Ok(())
    }
}

/// The values of a text column, whichever of Arrow's three string layouts it has.
fn strings(column: &dyn Array) -> Option<Box<dyn Iterator<Item = Option<&str>> + '_>> {
    if let Some(a) = column.as_string_opt::<i32>() {
        return Some(Box::new(a.iter()));
    }
    if let Some(a) = column.as_string_opt::<i64>() {
        return Some(Box::new(a.iter()));
    }
    column
        .as_string_view_opt()
        .map(|a| Box::new(a.iter()) as Box<dyn Iterator<Item = _>>)
}
