//! The records hub's list (issue 6, DESIGN.md "Records"): which of the stored records and drafts
//! a filter shows (by type and status) and in which order (last change, or next deadline). Pure:
//! the listing comes from the store and each record's next deadline from the caller.

use crate::store::DraftSummary;
use crate::DraftStatus;
use chrono::NaiveDate;

/// What the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Form ids shown; empty shows every type.
    pub kinds: Vec<String>,
    /// Only records with this status; `None` shows both.
    pub status: Option<DraftStatus>,
}

impl Filter {
    /// True when the filter shows this record.
    pub fn shows(&self, d: &DraftSummary) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&d.kind))
            && self.status.is_none_or(|s| s == d.status)
    }
}

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most recently changed first (the store's order).
    #[default]
    LastChanged,
    /// Soonest next deadline first; records with none after them, most recently changed first.
    NextDeadline,
}

/// The records `filter` shows, in `sort` order. `next_due` gives a record's next deadline (by
/// its id), only asked for when sorting by deadline.
pub fn list<'a>(
    listing: &'a [DraftSummary],
    filter: &Filter,
    sort: Sort,
    next_due: impl Fn(&str) -> Option<NaiveDate>,
) -> Vec<&'a DraftSummary> {
    // The store lists most recently saved first; keep that as the tie-break.
    let mut shown: Vec<&DraftSummary> = listing.iter().filter(|d| filter.shows(d)).collect();
    if sort == Sort::NextDeadline {
        crate::order::by_rank(&mut shown, |d| {
            next_due(&d.id).map_or(i64::MAX, |due| crate::order::day(Some(due)))
        });
    }
    shown
}
