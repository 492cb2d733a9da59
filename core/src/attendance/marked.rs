//! Which (member, event) pairs already have a mark: the duplicate check of every batch.

use rustc_hash::FxHashSet;

/// Above this many (member, event) pairs, a bitmap would take more than 4 MiB and the
/// register keeps a hash set of the marked pairs instead.
const BITMAP_LIMIT: usize = 1 << 25;

/// The (member, event) pairs that have a mark, by roster and event position.
///
/// One bit per pair when the roster times the events is at most [`BITMAP_LIMIT`] (a term of
/// 10,000 members and 100 events takes 125 KiB): setting and testing a bit costs a fraction
/// of a hash set insert, and a batch of a million marks no longer rehashes a million keys.
/// Larger registers keep a hash set. Either way the contents depend only on the marks, so
/// two registers with the same marks compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MarkedPairs {
    /// Bit `member * events + event` of `words` is set when the pair has a mark.
    Bits { events: usize, words: Vec<u64> },
    /// The marked pairs.
    Set(FxHashSet<(u32, u32)>),
}

/// The bit of a pair, `None` past `usize` (a 32-bit target given positions out of range).
#[inline]
fn bit(events: usize, member: u32, event: u32) -> Option<usize> {
    (member as usize)
        .checked_mul(events)
        .and_then(|b| b.checked_add(event as usize))
}

impl MarkedPairs {
    /// No pair marked, for a roster of `members` and `events` events.
    pub(super) fn new(members: usize, events: usize) -> MarkedPairs {
        match members.checked_mul(events) {
            Some(pairs) if pairs <= BITMAP_LIMIT => MarkedPairs::Bits {
                events,
                words: vec![0; pairs.div_ceil(64)],
            },
            _ => MarkedPairs::Set(FxHashSet::default()),
        }
    }

    /// Room for `additional` more marked pairs.
    pub(super) fn reserve(&mut self, additional: usize) {
        if let MarkedPairs::Set(set) = self {
            set.reserve(additional);
        }
    }

    /// Whether the pair has a mark.
    #[cfg(test)]
    fn contains(&self, member: u32, event: u32) -> bool {
        match self {
            MarkedPairs::Bits { events, words } => bit(*events, member, event)
                .and_then(|bit| words.get(bit / 64).map(|w| w & (1 << (bit % 64)) != 0))
                .unwrap_or(false),
            MarkedPairs::Set(set) => set.contains(&(member, event)),
        }
    }

    /// Marks the pair; `false` when it already had a mark. The positions must be in range
    /// (the callers check them first); a pair outside the bitmap is refused as marked.
    #[inline(always)]
    pub(super) fn insert(&mut self, member: u32, event: u32) -> bool {
        match self {
            MarkedPairs::Bits { events, words } => {
                let Some(bit) = bit(*events, member, event) else {
                    return false;
                };
                let Some(word) = words.get_mut(bit / 64) else {
                    return false;
                };
                let mask = 1 << (bit % 64);
                let fresh = *word & mask == 0;
                *word |= mask;
                fresh
            }
            MarkedPairs::Set(set) => set.insert((member, event)),
        }
    }

    /// Unmarks the pair (rolling back a failed batch).
    pub(super) fn remove(&mut self, member: u32, event: u32) {
        match self {
            MarkedPairs::Bits { events, words } => {
                if let Some(bit) = bit(*events, member, event)
                    && let Some(word) = words.get_mut(bit / 64)
                {
                    *word &= !(1 << (bit % 64));
                }
            }
            MarkedPairs::Set(set) => {
                set.remove(&(member, event));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_and_set_agree() {
        let mut bits = MarkedPairs::new(7, 5);
        let mut set = MarkedPairs::Set(FxHashSet::default());
        assert!(matches!(bits, MarkedPairs::Bits { .. }));
        for (m, e) in [(0, 0), (6, 4), (3, 2), (6, 4), (0, 0), (1, 4)] {
            assert_eq!(bits.insert(m, e), set.insert(m, e));
            assert!(bits.contains(m, e) && set.contains(m, e));
        }
        bits.remove(6, 4);
        set.remove(6, 4);
        assert!(!bits.contains(6, 4) && !set.contains(6, 4));
        assert!(bits.contains(3, 2) && !bits.contains(3, 3));
        // A pair past the bitmap is never reported as new.
        assert!(!bits.insert(20, 0) && !bits.contains(20, 0));
    }

    #[test]
    fn large_registers_keep_a_set() {
        assert!(matches!(
            MarkedPairs::new(100_000, 1_000),
            MarkedPairs::Set(_)
        ));
        assert!(matches!(
            MarkedPairs::new(usize::MAX, 2),
            MarkedPairs::Set(_)
        ));
    }
}
