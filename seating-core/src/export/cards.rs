//! Name cards (座簽 / 席卡): printable sheets of tent cards, two cards per page.
//!
//! Each card is half a page: fold it along the dash-dot line; the name is printed large on
//! both faces, the upper face turned by 180° so that both read upright once folded. Cards
//! come in seat order — podium first, front row first, and in each row from the audience's
//! left to right; at a banquet table by table in 席次 order; in a line-up front row first —
//! and each carries a small placement note near the table edge.

use svg::node::element::{Definitions, Group, Line, Rectangle, Style, Text as TextEl, Title};
use svg::Document;

use super::{num, Paper};
use crate::layout::{fit, Layout, Part, SeatBox, FONT_TEXT, FONT_TITLE};
use crate::seat::Area;

/// Which seats get a card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CardScope {
    /// Podium seats when the podium has anyone on it, otherwise every occupied seat (default).
    #[default]
    Auto,
    /// Podium seats only.
    Podium,
    /// Every occupied seat.
    All,
}

/// Options for [`cards`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardOptions {
    /// Paper size (portrait, two cards per page).
    pub paper: Paper,
    /// Which seats get a card.
    pub scope: CardScope,
}

/// One name card: the name, and the small placement note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The name printed large.
    pub name: String,
    /// Where the card goes, e.g. 主席臺第1排5號　面向主席臺自左至右第3張.
    pub note: String,
}

/// The cards of a layout, in placing order. Venue: podium seats (or every occupied seat,
/// per `scope`), front row first, each row from the audience's left, with the position in
/// the row counting occupied seats only. Banquet: table by table, in 席次 order. Line-up:
/// front row first, from the camera's left. Host–guest occasion: the places at the table
/// (row 1), guest side first.
pub fn card_list(layout: &Layout, scope: CardScope) -> Vec<Card> {
    if !layout.places.is_empty() {
        let mut places: Vec<_> = layout.places.iter().filter(|p| p.person.is_some()).collect();
        if let Part::Bilateral(_) = layout.part {
            // Cards stand on the table: the places of row 1 (`B1-G1-3`), not the rows behind.
            places.retain(|p| p.id.split('-').nth(1).is_some_and(|side| side.get(1..) == Some("1")));
        }
        if layout.part == Part::Banquet {
            let table = |p: &&crate::layout::PlaceBox| -> u32 {
                p.id.trim_start_matches('T').split('-').next().and_then(|t| t.parse().ok()).unwrap_or(0)
            };
            crate::sort::sort_by_key(&mut places, |p| (table(p), p.rank));
        }
        return places
            .into_iter()
            .map(|p| Card {
                name: p.person.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
                note: p.label.clone(),
            })
            .collect();
    }
    let mut seats: Vec<&SeatBox> = layout.seats.iter().filter(|b| b.person.is_some()).collect();
    let podium_only = match scope {
        CardScope::Podium => true,
        CardScope::All => false,
        CardScope::Auto => seats.iter().any(|b| b.seat.area == Area::Podium),
    };
    if podium_only {
        seats.retain(|b| b.seat.area == Area::Podium);
    }
    crate::sort::sort_by_key(&mut seats, |b| b.seat);
    let mut out = Vec::with_capacity(seats.len());
    let mut k = 0;
    let mut last = None;
    for b in seats {
        let row = (b.seat.area, b.seat.row);
        k = if last == Some(row) { k + 1 } else { 1 };
        last = Some(row);
        out.push(Card {
            name: b.person.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            note: format!(
                "{}　{}",
                b.label,
                layout.meeting.script.words(&format!("面向主席臺自左至右第{k}張"))
            ),
        });
    }
    out
}

/// The card sheet: one SVG document per page (empty when nobody is seated).
pub fn cards(layout: &Layout, options: &CardOptions) -> Vec<String> {
    let (pw, ph) = match options.paper {
        Paper::A4 => (210.0, 297.0),
        Paper::A3 => (297.0, 420.0),
    };
    let margin = 8.0;
    let card_w = pw - 2.0 * margin;
    let card_h = (ph - 2.0 * margin) / 2.0;
    let face_h = card_h / 2.0;
    let seats = card_list(layout, options.scope);
    let pages = seats.len().div_ceil(2);
    let mut out = Vec::with_capacity(pages);
    for (p, chunk) in seats.chunks(2).enumerate() {
        let mut doc = Document::new()
            .set("width", format!("{}mm", num(pw)))
            .set("height", format!("{}mm", num(ph)))
            .set("viewBox", format!("0 0 {} {}", num(pw), num(ph)))
            .set("version", "1.1")
            .add(Title::new(format!(
                "{}{}",
                layout.meeting.title,
                layout.meeting.script.words(&format!("席卡 第{}頁／共{}頁", p + 1, pages))
            )))
            .add(Definitions::new().add(Style::new(format!(
                ".nm{{font-family:{FONT_TITLE};fill:#000;text-anchor:middle}}.tx{{font-family:{FONT_TEXT};fill:#777}}\
                 .cut{{stroke:#999;stroke-width:.3;stroke-dasharray:3 2}}.fold{{stroke:#bbb;stroke-width:.3;stroke-dasharray:6 2 1 2}}\
                 .card{{fill:#fff;stroke:#999;stroke-width:.3;stroke-dasharray:3 2}}"
            ))))
            .add(Rectangle::new().set("width", num(pw)).set("height", num(ph)).set("fill", "#fff"));
        for (i, card) in chunk.iter().enumerate() {
            let x0 = margin;
            let y0 = margin + i as f64 * card_h;
            doc = doc.add(
                Rectangle::new()
                    .set("x", num(x0))
                    .set("y", num(y0))
                    .set("width", num(card_w))
                    .set("height", num(card_h))
                    .set("class", "card"),
            );
            let fold = y0 + face_h;
            doc = doc.add(
                Line::new()
                    .set("x1", num(x0))
                    .set("x2", num(x0 + card_w))
                    .set("y1", num(fold))
                    .set("y2", num(fold))
                    .set("class", "fold"),
            );
            let (lines, size) = fit(&card.name, card_w - 24.0, face_h - 24.0, face_h * 0.5, 8.0, 2)
                .unwrap_or((vec![card.name.clone()], 20.0));
            let note = &card.note;
            // Lower face: upright. Upper face: the same, turned by 180° about the fold's centre.
            let face = |g: Group| -> Group {
                let leading = size * 1.08;
                let block_h = leading * (lines.len() - 1) as f64 + size * 0.86;
                let top = fold + (face_h - block_h) / 2.0 - 1.0;
                let mut g = g;
                let mut names = Group::new().set("class", "nm");
                for (j, l) in lines.iter().enumerate() {
                    names = names.add(
                        TextEl::new(l.as_str())
                            .set("x", num(x0 + card_w / 2.0))
                            .set("y", num(top + size * 0.86 + j as f64 * leading))
                            .set("font-size", num(size)),
                    );
                }
                g = g.add(names);
                g.add(
                    TextEl::new(note.as_str())
                        .set("x", num(x0 + 4.0))
                        .set("y", num(fold + face_h - 3.0))
                        .set("font-size", "2.6")
                        .set("class", "tx"),
                )
            };
            doc = doc.add(face(Group::new()));
            doc = doc.add(
                face(Group::new())
                    .set("transform", format!("rotate(180 {} {})", num(x0 + card_w / 2.0), num(fold))),
            );
            doc = doc.add(
                TextEl::new(layout.meeting.script.word("折線"))
                    .set("x", num(x0 + card_w - 2.0))
                    .set("y", num(fold - 1.0))
                    .set("font-size", "2.4")
                    .set("text-anchor", "end")
                    .set("class", "tx"),
            );
        }
        out.push(doc.to_string());
    }
    out
}

/// Wraps SVG pages (from [`cards`] or [`super::svg::chart`]) in one printable HTML document:
/// one page per sheet, no margins added, no script. Print it from a browser (or save as PDF).
pub fn html(title: &str, pages: &[String], paper: Paper, landscape: bool) -> String {
    let (w, h) = match (paper, landscape) {
        (Paper::A4, false) => (210, 297),
        (Paper::A4, true) => (297, 210),
        (Paper::A3, false) => (297, 420),
        (Paper::A3, true) => (420, 297),
    };
    let mut out = String::with_capacity(pages.iter().map(String::len).sum::<usize>() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>");
    out.push_str(&escape_html(title));
    out.push_str(&format!(
        "</title><style>@page{{size:{w}mm {h}mm;margin:0}}html,body{{margin:0;padding:0}}\
         .page{{width:{w}mm;height:{h}mm;overflow:hidden;page-break-after:always;break-after:page}}\
         .page svg{{display:block;width:{w}mm;height:{h}mm}}</style></head><body>\n"
    ));
    for p in pages {
        out.push_str("<div class=\"page\">");
        out.push_str(p);
        out.push_str("</div>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
