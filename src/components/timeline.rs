//! Case timeline (issue 5): a picture of a PLP case drawn as SVG by the app (the band over time
//! as coloured stretches, each entry, reassessment, panel, submission, closure and deadline as a
//! marker, today's line, overdue deadlines in red with "!"), followed by the same facts as a
//! table, which is what screen readers and print use. The data comes from
//! `prevent_core::plp_case::timeline`; this only draws it.
//!
//! Colours never carry meaning alone: each stretch is labelled with its band, each marker's
//! shape names its kind (legend below), and overdue items say "Overdue" in the table (a
//! reassessment made late, PLP-13, "Missed").
//!
//! A plain function rather than a `#[component]` (no state; see docs/size.md, "What costs
//! bytes").

use chrono::NaiveDate;
use prevent_core::deadline::Band;
use prevent_core::plp_case::{ItemKind, Timeline};
use yew::prelude::*;

/// Properties of a timeline ([`view`]).
#[derive(Clone, PartialEq)]
pub struct TimelineProps {
    /// Element id prefix (unique on the page).
    pub id: AttrValue,
    /// What the picture shows, as its title and the table's caption.
    pub caption: AttrValue,
    /// The timeline.
    pub timeline: Timeline,
}

// Whole SVG units only: integer coordinates keep the float formatting machinery (about 15 kB of
// wasm) out of the download.
const WIDTH: i64 = 640;
const LEFT: i64 = 10;
const RIGHT: i64 = 630;
const BAND_Y: i64 = 30;
const BAND_H: i64 = 28;
const MARK_Y: i64 = 88;
const HEIGHT: i64 = 150;

fn band_colour(b: Band) -> &'static str {
    match b {
        Band::High => "#d4351c",
        Band::Standard => "#f47738",
        Band::Monitored => "#00703c",
    }
}

/// Text on a band's colour with at least 4.5:1 contrast.
fn band_text(b: Band) -> &'static str {
    match b {
        Band::Standard => "#0b0c0c",
        _ => "#ffffff",
    }
}

fn band_short(b: Band) -> &'static str {
    match b {
        Band::High => "High",
        Band::Standard => "Standard",
        Band::Monitored => "Monitored",
    }
}

fn kind_name(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Entry => "Entry",
        ItemKind::Review => "Reassessment",
        ItemKind::Panel => "Panel",
        ItemKind::Submission => "FIMU submission",
        ItemKind::Closure => "Closure",
        ItemKind::Deadline => "Deadline",
        ItemKind::Missed => "Missed deadline",
    }
}

/// The marker of an item at `x`: circle (entry, reassessment), diamond (panel), square
/// (closure), small circle (submission), triangle (deadline).
fn marker(kind: ItemKind, x: i64, colour: &'static str) -> Html {
    let y = MARK_Y;
    match kind {
        ItemKind::Entry | ItemKind::Review => {
            html! { <circle cx={x.to_string()} cy={y.to_string()} r="7" fill={colour} /> }
        }
        ItemKind::Submission => {
            html! { <circle cx={x.to_string()} cy={y.to_string()} r="4" fill={colour} /> }
        }
        ItemKind::Panel => html! {
            <polygon points={format!("{x},{} {},{y} {x},{} {},{y}", y - 8, x + 8, y + 8, x - 8)} fill={colour} />
        },
        ItemKind::Closure => html! {
            <rect x={(x - 7).to_string()} y={(y - 7).to_string()} width="14" height="14" fill={colour} />
        },
        ItemKind::Deadline | ItemKind::Missed => html! {
            <polygon points={format!("{x},{} {},{} {},{}", y - 9, x + 8, y + 7, x - 8, y + 7)} fill="none" stroke={colour} stroke-width="2" />
        },
    }
}

/// A timeline: the SVG picture and its table.
pub fn view(props: TimelineProps) -> Html {
    let t = &props.timeline;
    let days = (t.end - t.start).num_days().max(1);
    let x = |d: NaiveDate| LEFT + (RIGHT - LEFT) * (d - t.start).num_days() / days;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let spans: Html = t
        .spans
        .iter()
        .map(|s| {
            let (x0, x1) = (x(s.from), x(s.to));
            let w = (x1 - x0).max(2);
            html! {
                <g class="pct-timeline__span" data-band={band_short(s.band)}>
                    <rect x={x0.to_string()} y={BAND_Y.to_string()} width={w.to_string()} height={BAND_H.to_string()} fill={band_colour(s.band)} />
                    if w > 70 {
                        <text x={(x0 + 6).to_string()} y={(BAND_Y + 19).to_string()} fill={band_text(s.band)} font-size="14" font-weight="700">{ band_short(s.band) }</text>
                    }
                </g>
            }
        })
        .collect();
    let marks: Html = t
        .items
        .iter()
        .map(|i| {
            let colour = if i.overdue { "#d4351c" } else { "#0b0c0c" };
            let cx = x(i.date);
            html! {
                <g class={classes!("pct-timeline__item", i.overdue.then_some("pct-timeline__item--overdue"))} data-kind={kind_name(i.kind)}>
                    { marker(i.kind, cx, colour) }
                    if i.overdue {
                        <text x={cx.to_string()} y={(MARK_Y + 28).to_string()} text-anchor="middle" fill="#d4351c" font-size="16" font-weight="700">{ "!" }</text>
                    }
                </g>
            }
        })
        .collect();
    let today = x(t.today);
    let long = |d: NaiveDate| prevent_core::date::long_date(d);
    let rows: Html = t
        .items
        .iter()
        .map(|i| {
            let in_force = t.band_on(i.date).map_or("", |b| b.label());
            let status = match (i.kind, i.overdue, i.date <= t.today) {
                (ItemKind::Missed, _, _) => html! { <strong class="govuk-tag govuk-tag--red">{ "Missed" }</strong> },
                (ItemKind::Deadline, true, _) => html! { <strong class="govuk-tag govuk-tag--red">{ "Overdue" }</strong> },
                (ItemKind::Deadline, false, _) => html! { <strong class="govuk-tag govuk-tag--blue">{ "Due" }</strong> },
                (_, _, true) => html! { { "Done" } },
                (_, _, false) => html! { { "Planned" } },
            };
            html! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{ long(i.date) }</td>
                    <td class="govuk-table__cell">{ i.label.clone() }{ i.rule_id.map(|r| format!(" ({r})")).unwrap_or_default() }</td>
                    <td class="govuk-table__cell">{ in_force }</td>
                    <td class="govuk-table__cell">{ status }</td>
                </tr>
            }
        })
        .collect();
    let summary = format!(
        "From {} to {}. {} band {}, {} dated items, {} overdue. The table below lists them.",
        long(t.start),
        long(t.end),
        t.spans.len(),
        if t.spans.len() == 1 {
            "stretch"
        } else {
            "stretches"
        },
        t.items.len(),
        t.items.iter().filter(|i| i.overdue).count()
    );
    html! {
        <figure class="pct-timeline" id={props.id.clone()}>
            <svg class="pct-timeline__picture" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ props.caption.clone() }</title>
                <desc id={desc_id}>{ summary }</desc>
                <line x1={LEFT.to_string()} y1={MARK_Y.to_string()} x2={RIGHT.to_string()} y2={MARK_Y.to_string()} stroke="#b1b4b6" stroke-width="2" />
                { spans }
                { marks }
                <line class="pct-timeline__today" x1={today.to_string()} y1="12" x2={today.to_string()} y2={(MARK_Y + 30).to_string()} stroke="#0b0c0c" stroke-width="2" stroke-dasharray="4 3" />
                <text x={(today + 4).min(RIGHT - 40).to_string()} y="22" font-size="13" fill="#0b0c0c">{ "Today" }</text>
                <text x={LEFT.to_string()} y={(HEIGHT - 4).to_string()} font-size="13" fill="#505a5f">{ long(t.start) }</text>
                <text x={RIGHT.to_string()} y={(HEIGHT - 4).to_string()} font-size="13" fill="#505a5f" text-anchor="end">{ long(t.end) }</text>
            </svg>
            <figcaption class="govuk-body-s pct-timeline__legend">
                { "Bands: High (red), Standard (amber), Monitored (green). Markers: circle, entry or reassessment; diamond, panel; square, closure; small dot, FIMU submission; triangle, deadline (red with ! when overdue). Dashed line: today." }
            </figcaption>
            <div class="pct-table-scroll" role="region" aria-label={props.caption.clone()} tabindex="0">
            <table class="govuk-table pct-timeline__table" id={format!("{}-table", props.id)}>
                <caption class="govuk-table__caption govuk-table__caption--s">{ props.caption.clone() }</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{ "Date" }</th>
                        <th scope="col" class="govuk-table__header">{ "What" }</th>
                        <th scope="col" class="govuk-table__header">{ "Band in force" }</th>
                        <th scope="col" class="govuk-table__header">{ "Status" }</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{ rows }</tbody>
            </table>
            </div>
        </figure>
    }
}
