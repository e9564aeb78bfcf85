//! The files the page offers, all made by the core's exporters: the approval chart (SVG, and
//! PNG drawn from it), the name-card sheet, the sign-in list (CSV, XLSX) and the scenario.
//! This module only picks options and file names; `services::download` saves them.

use seating_core::export::cards::{self, CardOptions, CardScope};
use seating_core::export::{svg, table, Orientation, PageOptions, Paper};
use seating_core::Scenario;

use crate::planned::Planned;
use crate::state::PageSettings;

/// Page options for the core from the page settings.
pub fn page_options(page: PageSettings) -> PageOptions {
    PageOptions {
        paper: if page.a3 { Paper::A3 } else { Paper::A4 },
        orientation: match page.landscape {
            None => Orientation::Auto,
            Some(true) => Orientation::Landscape,
            Some(false) => Orientation::Portrait,
        },
        ..PageOptions::default()
    }
}

/// The chart as SVG, with its page size in mm.
pub fn chart(planned: &Planned, page: PageSettings) -> (String, f64, f64) {
    let options = page_options(page);
    let layout = planned.full_layout();
    let svg = svg::chart(&layout, &options);
    let place = svg::placement(&layout, &options);
    (svg, place.page_w, place.page_h)
}

/// The name-card sheet as one printable HTML document.
pub fn cards_html(planned: &Planned, page: PageSettings, title: &str) -> String {
    let paper = if page.a3 { Paper::A3 } else { Paper::A4 };
    let pages = cards::cards(&planned.full_layout(), &CardOptions { paper, scope: CardScope::Auto });
    cards::html(title, &pages, paper, false)
}

/// The sign-in list as CSV (UTF-8 with a BOM, for Excel and WPS).
pub fn csv(doc: &Scenario, planned: &Planned) -> String {
    table::csv(doc, &planned.plan)
}

/// The sign-in list as an XLSX workbook.
pub fn xlsx(doc: &Scenario, planned: &Planned) -> Vec<u8> {
    table::xlsx(doc, &planned.plan)
}

/// A file name from the meeting title (or the draft name) and a suffix (its words in the
/// scenario's script, 座次圖 or 座次图); characters that file systems refuse become `_`.
pub fn file_name(doc: &Scenario, draft: &str, suffix: &str) -> String {
    let base = if doc.meeting.title.trim().is_empty() { draft } else { doc.meeting.title.trim() };
    let clean: String = base
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    format!("{clean}{}", doc.meeting.script.words(suffix))
}
