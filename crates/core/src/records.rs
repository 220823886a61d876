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

/// How long records may stay untouched before the hub offers to remove them (issue 8,
/// retention), in days; 0 keeps them until the user deletes them.
pub const RETENTION_CHOICES: [(u32, &str); 4] = [
    (0, "Keep them until I delete them"),
    (90, "3 months"),
    (182, "6 months"),
    (365, "1 year"),
];

/// How many days before its removal date a record is warned about.
pub const RETENTION_WARNING_DAYS: i64 = 14;

/// What the retention setting says of the records on `today`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    /// Records that reach the limit within [`RETENTION_WARNING_DAYS`]: id and the day they may
    /// be removed, soonest first.
    pub due: Vec<(String, NaiveDate)>,
    /// Records past the limit: the user is asked to remove them (never removed unasked).
    pub expired: Vec<String>,
}

/// Applies a retention of `days` (0: none) to the records, by the day each was last saved.
pub fn retention(listing: &[DraftSummary], today: NaiveDate, days: u32) -> Retention {
    let mut out = Retention::default();
    if days == 0 {
        return out;
    }
    for d in listing {
        let Some(saved) = d.saved_at.get(..10).and_then(crate::date::parse_iso) else {
            continue;
        };
        let removal = saved + chrono::Duration::days(i64::from(days));
        if removal <= today {
            out.expired.push(d.id.clone());
        } else if (removal - today).num_days() <= RETENTION_WARNING_DAYS {
            out.due.push((d.id.clone(), removal));
        }
    }
    crate::order::by_rank(&mut out.due, |(_, day)| crate::order::day(Some(*day)));
    out
}

/// How many records a page of the hub's list shows (GOV.UK pagination): enough to scan, few
/// enough that a page of a thousand records renders at once.
pub const PAGE_SIZE: usize = 50;

/// One page of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 1: the one asked for, brought within `1..=pages`.
    pub number: usize,
    /// How many pages there are (1 for an empty list).
    pub pages: usize,
    /// The position of the page's first item in the list.
    pub start: usize,
    /// One past the position of its last item.
    pub end: usize,
}

/// Page `asked` (from 1) of a list of `total` items, `size` to a page. A page number past the
/// end (records deleted, a filter changed) shows the last page; 0 shows the first.
pub fn page(total: usize, asked: usize, size: usize) -> Page {
    let size = size.max(1);
    let pages = total.div_ceil(size).max(1);
    let number = asked.clamp(1, pages);
    let start = (number - 1) * size;
    Page {
        number,
        pages,
        start,
        end: (start + size).min(total),
    }
}

/// The page links of GOV.UK pagination: the first and last pages, the current one and those
/// either side of it, each gap of more than one page shown as an ellipsis (`None`).
pub fn page_links(p: Page) -> Vec<Option<usize>> {
    let mut out: Vec<Option<usize>> = Vec::new();
    let mut last = 0;
    for n in 1..=p.pages {
        if n == 1 || n == p.pages || n.abs_diff(p.number) <= 1 {
            match n - last {
                1 => {}
                // A gap of one page shows that page rather than an ellipsis standing for it.
                2 => out.push(Some(n - 1)),
                _ => out.push(None),
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

/// A count as GOV.UK writes it: digits in groups of three ("1,000").
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
