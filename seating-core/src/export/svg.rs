//! The printed seating chart (座次圖) as one SVG page: header, the layout's diagram scaled
//! to fit, legend, notes, and a footer with version, content hash and the sign-off block.
//!
//! [`svg()`] draws a [`Layout`] exactly as resolved; it places only page furniture (header,
//! legend, footer). Coordinates are written with one decimal ([`super::num`]).

use svg::node::element::{Definitions, Group, Line, Rectangle, Style, Text as TextEl, Title};
use svg::node::Blob;
use svg::Document;

use super::{num, Orientation, PageOptions};
use crate::layout::{
    clean, fit, text_width, Anchor, Layout, LegendKind, MarkKind, Part, SeatBox, TextBlock, View, FONT_TEXT,
    FONT_TITLE, UNIT_FILLS, UNIT_STROKES,
};
use crate::seat::Area;

/// Margins other than the binding edge, mm.
const MARGIN: f64 = 12.0;

/// The chart on the default page (A4, the orientation that prints the diagram larger).
pub fn svg(layout: &Layout) -> String {
    chart(layout, &PageOptions::default())
}

/// Where the diagram goes on the page: `page = (dx, dy) + scale × chart`, in mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Page width, mm.
    pub page_w: f64,
    /// Page height, mm.
    pub page_h: f64,
    /// Left of the diagram on the page, mm (as written in the SVG).
    pub dx: f64,
    /// Top of the diagram on the page, mm (as written in the SVG).
    pub dy: f64,
    /// Chart units to mm (as written in the SVG).
    pub scale: f64,
}

struct Frame {
    place: Placement,
    left: f64,
    right: f64,
    bottom: f64,
    content_w: f64,
    header_top: f64,
    has_sub: bool,
    footer_h: f64,
    legend: Vec<Vec<(String, String, f64)>>,
    /// Legend text size, mm (smaller when there are many units).
    legend_size: f64,
    notes: Vec<String>,
}

fn subtitle(layout: &Layout) -> String {
    let sc = layout.meeting.script;
    let mut sub = Vec::new();
    if !layout.meeting.date.is_empty() {
        sub.push(format!("{}{}", sc.words("時間："), layout.meeting.date));
    }
    if !layout.meeting.place.is_empty() {
        sub.push(format!("{}{}", sc.words("地點："), layout.meeting.place));
    }
    sub.join("　　")
}

/// The page frame. With [`Orientation::Auto`] the orientation goes by the diagram's shape,
/// unless the other one prints the diagram clearly (over 10%) larger once the header, legend
/// and footer have their room: a nearly square hall is wider than tall, yet prints larger in
/// portrait.
fn frame(layout: &Layout, page: &PageOptions) -> Frame {
    if page.orientation != Orientation::Auto {
        return frame_fixed(layout, page);
    }
    let by_shape = frame_fixed(layout, page);
    let other = if by_shape.place.page_w > by_shape.place.page_h {
        Orientation::Portrait
    } else {
        Orientation::Landscape
    };
    let other = frame_fixed(layout, &PageOptions { orientation: other, ..page.clone() });
    if other.place.scale > by_shape.place.scale * 1.1 {
        other
    } else {
        by_shape
    }
}

fn frame_fixed(layout: &Layout, page: &PageOptions) -> Frame {
    let (pw, ph) = page.size(layout.width / layout.height.max(1.0));
    let landscape = pw > ph;
    let (left, top) = if landscape { (MARGIN, page.binding) } else { (page.binding, MARGIN) };
    let (right, bottom) = (pw - MARGIN, ph - MARGIN);
    let content_w = right - left;
    let has_sub = !subtitle(layout).is_empty();
    let diagram_top = top + 8.0 + 7.0 + if has_sub { 5.5 } else { 0.0 } + 4.0;
    let footer_h = if page.sign_off { 19.0 } else { 6.0 };
    let notes = notes(layout);
    // The legend takes at most a quarter of the free height: smaller text for many units.
    let free = bottom - footer_h - 3.0 - diagram_top;
    let (legend, legend_size) = [3.0, 2.6, 2.2, 1.9]
        .into_iter()
        .map(|size| (legend_rows(layout, content_w, size), size))
        .find(|(rows, size)| rows.len() as f64 * size * 1.7 <= free * 0.25)
        .unwrap_or_else(|| (legend_rows(layout, content_w, 1.9), 1.9));
    let legend_h = legend.len() as f64 * legend_size * 1.7 + notes.len() as f64 * 4.6;
    let below = if legend_h > 0.0 { legend_h + 6.0 } else { 0.0 };
    let region_h = bottom - footer_h - 3.0 - diagram_top;
    // Scaled to fit, and placed with the legend a little above the middle of the free region.
    let avail_h = (region_h - below).max(10.0);
    let scale = (content_w / layout.width).min(avail_h / layout.height).min(1.4);
    let scale = (scale * 1000.0).round() / 1000.0;
    let dx = left + (content_w - layout.width * scale) / 2.0;
    let dy = diagram_top + ((region_h - layout.height * scale - below) * 0.4).max(0.0);
    let (dx, dy) = ((dx * 10.0).round() / 10.0, (dy * 10.0).round() / 10.0);
    Frame {
        place: Placement { page_w: pw, page_h: ph, dx, dy, scale },
        left,
        right,
        bottom,
        content_w,
        header_top: top,
        has_sub,
        footer_h,
        legend,
        legend_size,
        notes,
    }
}

/// Where [`chart`] puts the diagram on the page (for tests, and for anyone overlaying the
/// printed page).
pub fn placement(layout: &Layout, page: &PageOptions) -> Placement {
    frame(layout, page).place
}

/// The size, in points, that the smallest name on the chart prints at on `page` (`None`
/// without any name): below about 4 pt names are hard to read on paper, and a bigger sheet
/// or a part of the venue per page is needed.
pub fn smallest_name_pt(layout: &Layout, page: &PageOptions) -> Option<f64> {
    let scale = placement(layout, page).scale;
    let seats = layout.seats.iter().filter(|b| b.person.is_some()).filter_map(|b| b.name.as_ref());
    // Banquet, line-up and host–guest places.
    let places = layout.places.iter().filter(|b| b.person.is_some()).filter_map(|b| b.name.as_ref());
    seats.chain(places).map(|t| t.size * scale * 72.0 / 25.4).min_by(f64::total_cmp)
}

/// The chart on the given page.
///
/// Complexity: O(seats); every seat is a rectangle plus at most four short text elements.
pub fn chart(layout: &Layout, page: &PageOptions) -> String {
    let fr = frame(layout, page);
    let Placement { page_w: pw, page_h: ph, dx, dy, scale } = fr.place;
    let (left, right, bottom, content_w) = (fr.left, fr.right, fr.bottom, fr.content_w);

    let mut doc = Document::new()
        .set("width", format!("{}mm", num(pw)))
        .set("height", format!("{}mm", num(ph)))
        .set("viewBox", format!("0 0 {} {}", num(pw), num(ph)))
        .set("version", "1.1");
    let title_text = format!("{}{}", layout.meeting.title, layout.heading);
    doc = doc.add(Title::new(title_text.clone()));
    doc = doc.add(Definitions::new().add(Style::new(stylesheet())));
    doc = doc.add(Rectangle::new().set("width", num(pw)).set("height", num(ph)).set("class", "paper"));

    // Header.
    let mut y = fr.header_top + 8.0;
    let (lines, size) =
        fit(&title_text, content_w, 9.0, 7.8, 5.0, 1).unwrap_or((vec![title_text.clone()], 7.8));
    let mut header = Group::new().set("class", "ti").set("text-anchor", "middle");
    header = header.add(text(&lines[0], left + content_w / 2.0, y, size));
    doc = doc.add(header);
    y += 7.0;
    let mut g = Group::new().set("class", "tx").set("text-anchor", "middle");
    if fr.has_sub {
        let s = subtitle(layout);
        let (l, sz) = fit(&s, content_w, 6.0, 4.2, 2.5, 1).unwrap_or((vec![s.clone()], 4.2));
        g = g.add(text(&l[0], left + content_w / 2.0, y, sz));
        y += 5.5;
    }
    let note = format!("（{}）", layout.orientation);
    let (l, sz) = fit(&note, content_w, 5.0, 3.2, 2.0, 1).unwrap_or((vec![note.clone()], 3.2));
    g = g.add(text(&l[0], left + content_w / 2.0, y, sz).set("class", "mu"));
    doc = doc.add(g);

    let diagram =
        draw(layout).set("transform", format!("translate({} {}) scale({})", num(dx), num(dy), scale3(scale)));
    doc = doc.add(diagram);
    let (legend, notes, footer_h, ls) = (fr.legend, fr.notes, fr.footer_h, fr.legend_size);

    // Legend and notes.
    let mut ly = dy + layout.height * scale + 8.0;
    let mut lg = Group::new().set("class", "tx");
    for row in &legend {
        let mut x = left + (content_w - row.iter().map(|e| e.2).sum::<f64>()) / 2.0;
        for (class, label, w) in row {
            lg = lg.add(
                Rectangle::new()
                    .set("x", num(x))
                    .set("y", num(ly - ls * 0.97))
                    .set("width", num(ls * 1.67))
                    .set("height", num(ls * 1.13))
                    .set("class", class.as_str()),
            );
            lg = lg.add(text(label, x + ls * 2.17, ly, ls));
            x += w;
        }
        ly += ls * 1.7;
    }
    for n in &notes {
        let (l, sz) = fit(n, content_w, 4.0, 3.0, 2.2, 1).unwrap_or((vec![n.clone()], 3.0));
        lg = lg.add(text(&l[0], left, ly, sz));
        ly += 4.6;
    }
    doc = doc.add(lg);

    // Footer: version and hash on the left, the sign-off block on the right.
    let fy = bottom - footer_h;
    let mut f = Group::new().set("class", "tx");
    f = f.add(
        Line::new()
            .set("x1", num(left))
            .set("x2", num(right))
            .set("y1", num(fy))
            .set("y2", num(fy))
            .set("class", "rule"),
    );
    let sc = layout.meeting.script;
    let view = sc.words(match (layout.part, layout.view) {
        (Part::Venue, View::Audience) => "觀眾視角",
        (Part::Venue, View::Podium) => "主席臺視角",
        (Part::Banquet, View::Audience) => "自門口看",
        (Part::Banquet, View::Podium) => "自主桌看",
        (Part::Lineup(_), View::Audience) => "自相機看",
        (Part::Lineup(_), View::Podium) => "自站位者看",
        (Part::Bilateral(_), View::Audience) => "自正門（觀眾）看",
        (Part::Bilateral(_), View::Podium) => "自裡側看",
    });
    let stamp = format!(
        "{} {} · {} {} · {}",
        sc.words("座次 seating"),
        layout.version,
        sc.words("校驗碼"),
        &layout.hash[..12.min(layout.hash.len())],
        view
    );
    let cell = 46.0_f64.min((content_w - 60.0) / 3.0);
    let x0 = right - 3.0 * cell;
    // The stamp stays clear of the sign-off block: on a portrait page a long view word
    // (自正門（觀眾）看) ran into it.
    let room = if page.sign_off { x0 - 2.0 - left } else { content_w };
    let (stamp, size) =
        fit(&stamp, room, 4.0, 2.4, 1.6, 1).map_or((stamp, 2.4), |(l, sz)| (l[0].clone(), sz));
    f = f.add(text(&stamp, left, bottom - 0.8, size).set("class", "mu"));
    if page.sign_off {
        let y0 = fy + 2.5;
        let h = footer_h - 4.0;
        for (k, role) in ["擬稿", "審核", "審定"].iter().enumerate() {
            let x = x0 + k as f64 * cell;
            f = f.add(
                Rectangle::new()
                    .set("x", num(x))
                    .set("y", num(y0))
                    .set("width", num(cell))
                    .set("height", num(h))
                    .set("class", "box"),
            );
            f = f.add(text(&sc.word(&format!("{role}：")), x + 2.0, y0 + 5.0, 3.4));
            // Eleven full-width characters: smaller type in a narrow box (a wide binding
            // margin on a portrait page), so that 日 stays inside it.
            let date_size = 2.8_f64.min((cell - 4.0) / 11.0);
            f = f.add(text(&sc.words("日期：　　年　　月　　日"), x + 2.0, y0 + h - 2.5, date_size));
        }
    }
    doc = doc.add(f);
    doc.to_string()
}

fn scale3(s: f64) -> String {
    super::fixed(s, 3)
}

fn stylesheet() -> String {
    let mut css = String::with_capacity(2048);
    css.push_str(&format!(
        ".ti{{font-family:{FONT_TITLE};fill:#000}}.tx{{font-family:{FONT_TEXT};fill:#000}}\
         .nm{{font-family:{FONT_TITLE};fill:#000;text-anchor:middle}}.po{{font-family:{FONT_TEXT};fill:#222;text-anchor:middle}}\
         .no{{font-family:{FONT_TEXT};fill:#666}}.mu{{fill:#444}}\
         .paper{{fill:#fff}}.rule{{stroke:#000;stroke-width:.3}}.box{{fill:none;stroke:#000;stroke-width:.25}}\
         .band{{fill:#f6efe2;stroke:#6b4a2b;stroke-width:.5}}.front{{stroke:#6b4a2b;stroke-width:1.4}}\
         .blk{{fill:#fafafa;stroke:#b5b5b5;stroke-width:.3}}.ais{{stroke:#c8c8c8;stroke-width:.3;stroke-dasharray:1.5 1.5}}\
         .s{{stroke:#555;stroke-width:.3}}.e{{fill:#fff;stroke:#b0b0b0;stroke-width:.25}}\
         .p{{fill:#fffaf0;stroke:#6b4a2b;stroke-width:.45}}.r{{fill:#f0f0f0;stroke:#777;stroke-width:.3;stroke-dasharray:1 .8}}\
         .b{{fill:#dcdcdc;stroke:#999;stroke-width:.3}}.x{{stroke:#999;stroke-width:.3}}.n0{{fill:#fff;stroke:#555;stroke-width:.3}}\
         .pin{{fill:#b22222}}.mv{{fill:none;stroke:#c00000;stroke-width:.8;stroke-dasharray:1.6 .8}}\
         .ad{{fill:none;stroke:#0050b0;stroke-width:.8}}\
         .tb{{fill:#fcfaf5;stroke:#6b4a2b;stroke-width:.5}}.tb1{{fill:#f6efe2;stroke:#6b4a2b;stroke-width:.9}}"
    ));
    for (k, (fill, stroke)) in UNIT_FILLS.iter().zip(UNIT_STROKES.iter()).enumerate() {
        css.push_str(&format!(".u{k}{{fill:{fill};stroke:{stroke};stroke-width:.3}}"));
    }
    css
}

fn text(s: &str, x: f64, y: f64, size: f64) -> TextEl {
    TextEl::new(s).set("x", num(x)).set("y", num(y)).set("font-size", num(size))
}

fn block(g: Group, t: &TextBlock) -> Group {
    let mut g = g;
    for (i, line) in t.lines.iter().enumerate() {
        let mut el = text(line, t.x, t.y + i as f64 * t.leading, t.size);
        if t.anchor != Anchor::Middle {
            el = el.set("text-anchor", t.anchor.svg());
        }
        g = g.add(el);
    }
    g
}

/// Draws the layout's diagram in chart units.
fn draw(layout: &Layout) -> Group {
    let mut g = Group::new();
    if let Some(band) = &layout.podium {
        let r = band.rect;
        g = g.add(rect(r.x, r.y, r.w, r.h).set("class", "band").set("rx", "2"));
        g = g.add(
            Line::new()
                .set("x1", num(r.x))
                .set("x2", num(r.x + r.w))
                .set("y1", num(band.front))
                .set("y2", num(band.front))
                .set("class", "front"),
        );
        g = g.add(block(Group::new().set("class", "ti").set("text-anchor", "middle"), &band.title));
    }
    for b in &layout.blocks {
        g = g.add(rect(b.x, b.y, b.w, b.h).set("class", "blk").set("rx", "1.5"));
    }
    for a in &layout.aisles {
        let x = a.cx();
        g = g.add(
            Line::new()
                .set("x1", num(x))
                .set("x2", num(x))
                .set("y1", num(a.y))
                .set("y2", num(a.y + a.h))
                .set("class", "ais"),
        );
    }
    // The seats are the bulk of a big chart: they are written straight into text buffers (one
    // `Blob` per layer) instead of one `svg` element with a hash map of attributes each, which
    // keeps 10,000 seats within the export budget. Text is escaped by `esc`.
    for t in &layout.tables {
        g = g.add(
            svg::node::element::Circle::new()
                .set("cx", num(t.cx))
                .set("cy", num(t.cy))
                .set("r", num(t.r))
                .set("class", if t.number == 1 { "tb1" } else { "tb" }),
        );
    }
    let n = layout.seats.len() + layout.places.len();
    let mut boxes = String::with_capacity(n * 64);
    let mut overlay = String::new();
    let mut numbers = String::with_capacity(n * 48);
    let mut names = String::with_capacity(n * 64);
    let mut posts = String::with_capacity(n * 64);
    for b in &layout.seats {
        let r = b.rect;
        boxes.push_str("<rect class=\"");
        push_class(&mut boxes, b);
        push_rect_attrs(&mut boxes, r.x, r.y, r.w, r.h);
        if b.blocked {
            overlay.push_str("<path class=\"x\" d=\"M");
            push_pts(&mut overlay, &[r.x, r.y, r.x + r.w, r.y + r.h]);
            overlay.push('M');
            push_pts(&mut overlay, &[r.x + r.w, r.y, r.x, r.y + r.h]);
            overlay.push_str("\"/>\n");
        }
        if b.pinned {
            let s = if b.seat.area == Area::Podium { 4.0 } else { 3.2 };
            overlay.push_str("<path class=\"pin\" d=\"M");
            push_pts(&mut overlay, &[r.x + r.w - s, r.y, r.x + r.w, r.y, r.x + r.w, r.y + s]);
            overlay.push_str("Z\"/>\n");
        }
        if let Some(c) = &b.change {
            overlay.push_str(if c.kind == crate::diff::ChangeKind::Moved {
                "<rect class=\"mv"
            } else {
                "<rect class=\"ad"
            });
            push_rect_attrs(&mut overlay, r.x - 0.7, r.y - 0.7, r.w + 1.4, r.h + 1.4);
        }
        if let Some(t) = &b.name {
            push_block(if b.person.is_some() { &mut names } else { &mut posts }, t);
        }
        if let Some(t) = &b.post {
            push_block(&mut posts, t);
        }
        if let Some(t) = &b.number {
            push_block(&mut numbers, t);
        }
    }
    for p in &layout.places {
        let r = p.rect;
        boxes.push_str("<rect class=\"");
        match p.person.as_ref().map(|o| o.unit_index) {
            None => boxes.push('e'),
            Some(Some(k)) => {
                use std::fmt::Write;
                let _ = write!(boxes, "u{}", k % UNIT_FILLS.len());
            }
            Some(None) => boxes.push_str("n0"),
        }
        push_rect_attrs(&mut boxes, r.x, r.y, r.w, r.h);
        if let Some(t) = &p.name {
            push_block(&mut names, t);
        }
        if let Some(t) = &p.post {
            push_block(&mut posts, t);
        }
        if let Some(t) = &p.number {
            push_block(&mut numbers, t);
        }
    }
    let mut titles = Group::new().set("class", "ti").set("text-anchor", "middle");
    for t in &layout.tables {
        titles = block(titles, &t.title);
    }
    let layer = |class: Option<&str>, body: String| {
        let g = Group::new().add(Blob::new(body));
        match class {
            Some(c) => g.set("class", c),
            None => g,
        }
    };
    g = g
        .add(layer(None, boxes))
        .add(layer(None, overlay))
        .add(layer(Some("no"), numbers))
        .add(layer(Some("nm"), names))
        .add(layer(Some("po"), posts))
        .add(titles);
    let mut marks = Group::new().set("class", "tx").set("text-anchor", "middle");
    for m in &layout.marks {
        let t = if m.kind == MarkKind::Facing { Group::new().set("class", "mu") } else { Group::new() };
        marks = marks.add(block(t, &m.text));
    }
    g.add(marks)
}

/// Appends a number with at most one decimal, like [`num`], without allocating (digits by
/// hand: `write!` costs more than the rest of a seat's markup).
fn push_num(out: &mut String, x: f64) {
    super::push_fixed(out, x, 1);
}

/// Appends `x1 y1Lx2 y2L…`.
fn push_pts(out: &mut String, xy: &[f64]) {
    for (i, pair) in xy.chunks(2).enumerate() {
        if i > 0 {
            out.push('L');
        }
        push_num(out, pair[0]);
        out.push(' ');
        push_num(out, pair[1]);
    }
}

/// Closes the class attribute and writes ` x y width height` and the end of a `<rect`.
fn push_rect_attrs(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    for (name, v) in [("\" x=\"", x), ("\" y=\"", y), ("\" width=\"", w), ("\" height=\"", h)] {
        out.push_str(name);
        push_num(out, v);
    }
    out.push_str("\"/>\n");
}

fn push_class(out: &mut String, b: &SeatBox) {
    use std::fmt::Write;
    let fixed = if b.blocked {
        "b"
    } else if b.reserved {
        "r"
    } else {
        match &b.person {
            None => "e",
            Some(_) if b.seat.area == Area::Podium => "p",
            Some(p) => match p.unit_index {
                Some(k) => {
                    let _ = write!(out, "u{}", k % UNIT_FILLS.len());
                    return;
                }
                None => "n0",
            },
        }
    };
    out.push_str(fixed);
}

/// Escapes text for an XML text node (the only place untrusted text goes).
fn push_esc(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Writes a text block as one `<text>` per line.
fn push_block(out: &mut String, t: &TextBlock) {
    for (i, line) in t.lines.iter().enumerate() {
        out.push_str("<text x=\"");
        push_num(out, t.x);
        out.push_str("\" y=\"");
        push_num(out, t.y + i as f64 * t.leading);
        out.push_str("\" font-size=\"");
        push_num(out, t.size);
        if t.anchor != Anchor::Middle {
            out.push_str("\" text-anchor=\"");
            out.push_str(t.anchor.svg());
        }
        out.push_str("\">");
        push_esc(out, line);
        out.push_str("</text>\n");
    }
}

fn rect(x: f64, y: f64, w: f64, h: f64) -> Rectangle {
    Rectangle::new().set("x", num(x)).set("y", num(y)).set("width", num(w)).set("height", num(h))
}

/// Legend entries laid out in rows: (css class, label, advance).
fn legend_rows(layout: &Layout, width: f64, size: f64) -> Vec<Vec<(String, String, f64)>> {
    let mut rows: Vec<Vec<(String, String, f64)>> = Vec::new();
    let mut cur: Vec<(String, String, f64)> = Vec::new();
    let mut used = 0.0;
    for e in &layout.legend {
        let class = match e.kind {
            LegendKind::Unit(k) => format!("u{}", k % UNIT_FILLS.len()),
            LegendKind::NoUnit => "n0".into(),
            LegendKind::Podium => "p".into(),
            LegendKind::Reserved => "r".into(),
            LegendKind::Blocked => "b".into(),
            LegendKind::Pinned => "pin".into(),
            LegendKind::Moved => "mv".into(),
            LegendKind::Added => "ad".into(),
        };
        let label = format!("{}（{}）", clean(&e.label), e.count);
        let (label, adv) = {
            let max = (width - 10.0).max(20.0);
            let (l, _) = fit(&label, max, size * 1.4, size, size, 1).unwrap_or((vec![label.clone()], size));
            let w = text_width(&l[0], size) + size * 4.0;
            (l[0].clone(), w)
        };
        if used + adv > width && !cur.is_empty() {
            rows.push(std::mem::take(&mut cur));
            used = 0.0;
        }
        used += adv;
        cur.push((class, label, adv));
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    rows
}

/// Note lines under the legend: unseated and removed people (the first few by name; the
/// full lists are in the seat list and the diff).
fn notes(layout: &Layout) -> Vec<String> {
    const SHOWN: usize = 15;
    let sc = layout.meeting.script;
    let line = |what: &str, names: Vec<&str>| {
        let more = if names.len() > SHOWN { "等" } else { "" };
        let shown: Vec<&str> = names.iter().take(SHOWN).copied().collect();
        format!("{}（{}人）：{}{more}", sc.words(what), names.len(), shown.join("、"))
    };
    let mut out = Vec::new();
    if !layout.unseated.is_empty() {
        out.push(line("未安排座位", layout.unseated.iter().map(|p| p.name.as_str()).collect()));
    }
    if !layout.removed.is_empty() {
        out.push(line("較前稿減少或未能安排", layout.removed.iter().map(String::as_str).collect()));
    }
    if !layout.against.is_empty() {
        let hash = &layout.against[..12.min(layout.against.len())];
        out.push(format!("{}{hash}{}", sc.words("改變標記對照的前稿：校驗碼 "), sc.words("（見前稿頁腳）")));
    }
    out
}
