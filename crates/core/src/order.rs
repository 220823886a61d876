//! One sort for the whole app. Every `sort_by_key` on a new element type or key makes the
//! compiler build another copy of the standard library's stable sort (about 3.5 kB of
//! WebAssembly each; there were ten in the officers' bundle). Ranking items by an `i64` and
//! sorting the ranks instead shares one copy (docs/size.md, "What costs bytes").

use chrono::{Datelike, NaiveDate};

/// Sorts `items` by `rank`, keeping the order of items of equal rank (a stable sort).
pub fn by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> i64) {
    let mut ranks: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (rank(t), i))
        .collect();
    sort_ranks(&mut ranks);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(ranks.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// The one sort: by rank, then by position (so equal ranks keep their order).
#[inline(never)]
fn sort_ranks(ranks: &mut [(i64, usize)]) {
    ranks.sort_unstable();
}

/// A date as a rank: days since the start of the common era. `None` comes first.
pub fn day(date: Option<NaiveDate>) -> i64 {
    date.map_or(i64::MIN, |d| i64::from(d.num_days_from_ce()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_rank_sorts_by_rank_and_keeps_the_order_of_equal_ranks() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        by_rank(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        by_rank(&mut empty, |x| i64::from(*x));
        assert!(empty.is_empty());
    }

    #[test]
    fn day_ranks_dates_in_date_order_with_none_first() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert!(day(None) < day(d(1, 1, 1)));
        assert!(day(d(2026, 12, 31)) < day(d(2027, 1, 1)));
        assert_eq!(day(d(2027, 1, 1)) + 1, day(d(2027, 1, 2)));
    }
}
