//! The records hub's list in pages (issue 9: a thousand records list at once): which records a
//! page shows, which page links GOV.UK pagination offers, and counts as GOV.UK writes them.
//! Label: REC-5 (the hub lists every record; docs/decisions/0004-import.md).

use prevent_core::records::{count, page, page_links, Page, PAGE_SIZE};

/// (records, page asked, size) -> (page shown, pages, first, one past the last).
type PageCase = ((usize, usize, usize), (usize, usize, usize, usize));
/// (pages, current) -> the links offered, `None` for an ellipsis.
type LinksCase = ((usize, usize), Vec<Option<usize>>);

#[test]
fn rec_5_a_page_shows_its_slice_and_a_page_out_of_range_the_nearest() {
    let cases: [PageCase; 9] = [
        ((0, 1, 50), (1, 1, 0, 0)),
        ((3, 1, 50), (1, 1, 0, 3)),
        ((50, 1, 50), (1, 1, 0, 50)),
        ((51, 2, 50), (2, 2, 50, 51)),
        ((1000, 1, 50), (1, 20, 0, 50)),
        ((1000, 20, 50), (20, 20, 950, 1000)),
        // Past the end (records deleted, another filter): the last page; 0: the first.
        ((120, 9, 50), (3, 3, 100, 120)),
        ((120, 0, 50), (1, 3, 0, 50)),
        // A size of 0 is taken as 1.
        ((2, 2, 0), (2, 2, 1, 2)),
    ];
    for ((total, asked, size), (number, pages, start, end)) in cases {
        assert_eq!(
            page(total, asked, size),
            Page {
                number,
                pages,
                start,
                end
            },
            "{total} records, page {asked} of {size}"
        );
    }
    assert_eq!(PAGE_SIZE, 50);
}

#[test]
fn rec_5_pagination_links_the_first_last_current_and_neighbours_with_ellipses_for_gaps() {
    const E: Option<usize> = None;
    let n = |x: usize| Some(x);
    let cases: Vec<LinksCase> = vec![
        ((1, 1), vec![n(1)]),
        ((2, 1), vec![n(1), n(2)]),
        ((3, 3), vec![n(1), n(2), n(3)]),
        ((20, 1), vec![n(1), n(2), E, n(20)]),
        ((20, 2), vec![n(1), n(2), n(3), E, n(20)]),
        // A gap of one page shows that page, not an ellipsis standing for it.
        ((20, 4), vec![n(1), n(2), n(3), n(4), n(5), E, n(20)]),
        ((20, 10), vec![n(1), E, n(9), n(10), n(11), E, n(20)]),
        ((20, 17), vec![n(1), E, n(16), n(17), n(18), n(19), n(20)]),
        ((20, 20), vec![n(1), E, n(19), n(20)]),
    ];
    for ((pages, current), want) in cases {
        let p = page(pages * 10, current, 10);
        assert_eq!(page_links(p), want, "page {current} of {pages}");
    }
}

#[test]
fn rec_5_counts_are_written_with_commas_between_thousands() {
    let cases = [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1,000"),
        (12345, "12,345"),
        (1234567, "1,234,567"),
    ];
    for (n, want) in cases {
        assert_eq!(count(n), want);
    }
}
