//! The diagram's SVG content, drawn from the core's `Layout` as it is: the venue furniture
//! (podium band, blocks, aisles, labels, tables) and the seat layer.
//!
//! The seat layer is not made of yew nodes: [`SeatLayer`] owns its `<g>` and has a small
//! JS builder draw every seat from one JSON text (3,000 seats are 12,000 elements, which
//! yew would make one boundary call per node and attribute at a time). After that, only
//! the seats whose box (compared by pointer, then by value), diagnostic, selection or pick
//! changed are drawn again, in place: a swap redraws two seats and skips the other
//! thousands. A seat is a `<g>` with a box and up to three text lines and as few
//! attributes as possible: colours come from classes (`u0`…`u11`, the core's palette,
//! written once by [`Palette`]), and the tooltip is one element for the whole diagram.

use std::rc::Rc;

use seating_core::layout::{Anchor, PlaceBox, SeatBox, TextBlock, FONT_TEXT, UNIT_FILLS, UNIT_STROKES};
use seating_core::{Area, Level};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::planned::{Planned, SeatCell, SeatRow};

/// A coordinate with at most one decimal, as the core's exporter writes them, without
/// going through `format!` (a 3,000-seat chart formats some 40,000 numbers).
pub fn n(x: f64) -> AttrValue {
    AttrValue::from(seating_core::export::num(x))
}

fn text_line(t: &TextBlock, i: usize, line: &str, class: &'static str) -> Html {
    let anchor = match t.anchor {
        Anchor::Middle => None,
        a => Some(a.svg()),
    };
    html! {
        <text class={class} x={n(t.x)} y={n(t.y + i as f64 * t.leading)} font-size={n(t.size)}
            text-anchor={anchor}>{ line.to_string() }</text>
    }
}

/// A text block: one `<text>` per line (a single node for the common one-line case).
fn text_block(t: &TextBlock, class: &'static str) -> Html {
    match t.lines.as_slice() {
        [one] => text_line(t, 0, one, class),
        lines => lines.iter().enumerate().map(|(i, l)| text_line(t, i, l, class)).collect(),
    }
}

/// The class of a seat box: its colour (see [`Palette`]).
fn box_class(b: &SeatBox) -> &'static str {
    const UNITS: [&str; 12] = [
        "box u0", "box u1", "box u2", "box u3", "box u4", "box u5", "box u6", "box u7", "box u8", "box u9",
        "box u10", "box u11",
    ];
    if b.blocked {
        "box b"
    } else if b.reserved {
        "box r"
    } else {
        match &b.person {
            None => "box e",
            Some(_) if b.seat.area == Area::Podium => "box p",
            Some(p) => match p.unit_index {
                Some(k) => UNITS[k % UNITS.len()],
                None => "box n0",
            },
        }
    }
}

/// The tooltip text of a seat or place: label, person, reason.
pub fn describe(planned: &Planned, id: &str) -> Option<(String, String, String)> {
    let &i = planned.by_id.get(id)?;
    let (label, person, reason) = match planned.seats.get(i) {
        Some(b) => (&b.label, b.person.as_ref(), &b.reason),
        None => {
            let p = planned.place_at(i)?;
            (&p.label, p.person.as_ref(), &p.reason)
        }
    };
    let who = person
        .map(|p| {
            let mut s = format!("#{} {}", p.precedence, p.name);
            for extra in [&p.post, &p.unit] {
                if !extra.is_empty() {
                    s.push('　');
                    s.push_str(extra);
                }
            }
            s
        })
        .unwrap_or_default();
    Some((label.clone(), who, reason.clone()))
}

thread_local! {
    /// How many seats have been drawn (for the browser benchmark).
    static RENDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Seats drawn so far: the browser benchmark checks that a swap draws two seats, not the
/// hall.
pub fn renders() -> u32 {
    RENDERS.with(|r| r.get())
}

// The seat layer's DOM is made by this builder from one JSON text per update, not node by
// node from Rust: 3,000 seats are some 12,000 elements and 40,000 attributes, and each
// call across the wasm boundary (with its string decoding) cost more than the element.
// Names are set as `textContent`, never parsed as markup.
#[wasm_bindgen(inline_js = r#"
const NS = 'http://www.w3.org/2000/svg';
const drawn = new WeakMap();
function child(g, tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i + 1] != null) e.setAttribute(attrs[i], attrs[i + 1]);
  g.appendChild(e);
  return e;
}
// r: [id, class, person, box class, x, y, w, h, fill, stroke, [[class, d]], [[class, x, y, size, anchor, text]]]
function fill(g, r, withTexts) {
  g.setAttribute('class', r[1]);
  g.setAttribute('data-seat', r[0]);
  if (r[2] == null) g.removeAttribute('data-person'); else g.setAttribute('data-person', r[2]);
  g.textContent = '';
  child(g, 'rect', ['class', r[3], 'x', r[4], 'y', r[5], 'width', r[6], 'height', r[7], 'fill', r[8], 'stroke', r[9]]);
  for (const [c, d] of r[10]) child(g, 'path', ['class', c, 'd', d]);
  if (withTexts) texts(g, r[11]);
  return g;
}
function texts(g, lines) {
  for (const [c, x, y, size, anchor, text] of lines) {
    child(g, 'text', ['class', c, 'x', x, 'y', y, 'font-size', size, 'text-anchor', anchor]).textContent = text;
  }
}
// Text lines still to add after the first frame (`seats_build` with `deferTexts`).
const later = new WeakMap();
export function seats_build(root, json, deferTexts) {
  const map = new Map();
  const rest = deferTexts ? new Map() : null;
  const frag = document.createDocumentFragment();
  for (const row of JSON.parse(json)) {
    const rg = document.createElementNS(NS, 'g');
    rg.setAttribute('class', 'row');
    for (const r of row) {
      const g = fill(document.createElementNS(NS, 'g'), r, !deferTexts);
      map.set(r[0], g);
      if (rest && r[11].length) rest.set(r[0], r[11]);
      rg.appendChild(g);
    }
    frag.appendChild(rg);
  }
  root.replaceChildren(frag);
  drawn.set(root, map);
  later.delete(root);
  if (rest) {
    later.set(root, rest);
    let done = false;
    const add = () => {
      if (done) return;
      done = true;
      if (later.get(root) !== rest) return;
      later.delete(root);
      for (const [id, lines] of rest) texts(map.get(id), lines);
    };
    // After the frame is painted; without frames (a hidden tab), after 200 ms.
    requestAnimationFrame(() => setTimeout(add, 0));
    setTimeout(add, 200);
  }
}
export function seats_patch(root, json) {
  const map = drawn.get(root);
  if (!map) return false;
  const recs = JSON.parse(json);
  if (!recs.every((r) => map.has(r[0]))) return false;
  const rest = later.get(root);
  for (const r of recs) {
    rest?.delete(r[0]);
    fill(map.get(r[0]), r, true);
  }
  return true;
}
"#)]
extern "C" {
    fn seats_build(root: &web_sys::Element, json: &str, defer_texts: bool);
    fn seats_patch(root: &web_sys::Element, json: &str) -> bool;
}

/// Charts with more seats than this get their text lines after the first frame.
const DEFER_TEXTS_ABOVE: usize = 1000;

/// A coordinate rounded to 0.1, as [`n`] writes it (JSON numbers print the same digits).
fn r1(x: f64) -> f64 {
    let t = (x * 10.0).round();
    if t == 0.0 {
        0.0
    } else {
        t / 10.0
    }
}

/// One text line for the builder: class, x, y, size, anchor (none for the middle), text.
#[derive(Serialize)]
struct TextRec<'a>(&'static str, f64, f64, f64, Option<&'static str>, &'a str);

/// One seat or place for the builder (see `fill` in the JS above).
#[derive(Serialize)]
struct SeatRec<'a>(
    &'a str,
    String,
    Option<&'a str>,
    &'static str,
    f64,
    f64,
    f64,
    f64,
    Option<&'static str>,
    Option<&'static str>,
    Vec<(&'static str, String)>,
    Vec<TextRec<'a>>,
);

fn texts<'a>(out: &mut Vec<TextRec<'a>>, t: &'a TextBlock, class: &'static str) {
    let anchor = match t.anchor {
        Anchor::Middle => None,
        a => Some(a.svg()),
    };
    for (i, line) in t.lines.iter().enumerate() {
        out.push(TextRec(class, r1(t.x), r1(t.y + i as f64 * t.leading), r1(t.size), anchor, line));
    }
}

/// The record of a venue seat.
fn seat_rec<'a>(
    id: &'a str,
    b: &'a SeatBox,
    flag: Option<Level>,
    selected: bool,
    picked: bool,
) -> SeatRec<'a> {
    let r = b.rect;
    let mut class = String::with_capacity(48);
    class.push_str("seat");
    for (on, name) in [
        (b.person.is_some(), " occupied"),
        (b.reserved, " reserved"),
        (b.blocked, " blocked"),
        (b.pinned, " pinned"),
        (b.inverted, " inverted"),
        (flag == Some(Level::Error), " unhonoured"),
        (flag == Some(Level::Warning) && !b.inverted, " warned"),
        (selected, " selected"),
        (picked, " picked"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    let mut paths = Vec::new();
    if b.pinned {
        let s = if b.seat.area == Area::Podium { 4.0 } else { 3.2 };
        let (x1, y) = (r.x + r.w - s, r.y);
        paths.push((
            "pin",
            format!("M{} {}L{} {}L{} {}Z", n(x1), n(y), n(r.x + r.w), n(y), n(r.x + r.w), n(y + s)),
        ));
    }
    if b.blocked {
        let d = format!(
            "M{} {}L{} {}M{} {}L{} {}",
            n(r.x),
            n(r.y),
            n(r.x + r.w),
            n(r.y + r.h),
            n(r.x + r.w),
            n(r.y),
            n(r.x),
            n(r.y + r.h)
        );
        paths.push(("cross", d));
    }
    let mut lines = Vec::new();
    if let Some(t) = &b.name {
        texts(&mut lines, t, if b.person.is_some() { "nm" } else { "po" });
    }
    if let Some(t) = &b.post {
        texts(&mut lines, t, "po");
    }
    if let Some(t) = &b.number {
        texts(&mut lines, t, "no");
    }
    let person = b.person.as_ref().map(|p| p.id.as_str());
    SeatRec(id, class, person, box_class(b), r1(r.x), r1(r.y), r1(r.w), r1(r.h), None, None, paths, lines)
}

/// The record of a banquet or line-up place (selectable, not draggable).
fn place_rec<'a>(id: &'a str, p: &'a PlaceBox, selected: bool) -> SeatRec<'a> {
    let r = p.rect;
    let (fill, stroke) = match p.person.as_ref().map(|o| o.unit_index) {
        None => ("#ffffff", "#b0b0b0"),
        Some(Some(k)) => (UNIT_FILLS[k % UNIT_FILLS.len()], UNIT_STROKES[k % UNIT_STROKES.len()]),
        Some(None) => ("#ffffff", "#555555"),
    };
    let mut class = String::from("seat place");
    if p.person.is_some() {
        class.push_str(" occupied");
    }
    if selected {
        class.push_str(" selected");
    }
    let mut lines = Vec::new();
    for (t, c) in [(&p.name, "nm"), (&p.post, "po"), (&p.number, "no")] {
        if let Some(t) = t {
            texts(&mut lines, t, c);
        }
    }
    let person = p.person.as_ref().map(|o| o.id.as_str());
    SeatRec(
        id,
        class,
        person,
        "box",
        r1(r.x),
        r1(r.y),
        r1(r.w),
        r1(r.h),
        Some(fill),
        Some(stroke),
        Vec::new(),
        lines,
    )
}

fn cell_rec<'a>(c: &'a SeatCell, selected: bool, picked: bool) -> Option<SeatRec<'a>> {
    match (&c.seat, &c.place) {
        (Some(b), _) => Some(seat_rec(&c.id, b, c.flag, selected, picked)),
        (None, Some(p)) => Some(place_rec(&c.id, p, selected)),
        (None, None) => None,
    }
}

/// Props of the seat layer.
#[derive(Properties, PartialEq)]
pub struct LayerProps {
    /// The plan and layout.
    pub planned: Rc<Planned>,
    /// Selected seat or place id.
    pub selected: Option<Rc<str>>,
    /// Picked-up seat id.
    pub picked: Option<Rc<str>>,
}

/// What the seat layer shows now.
struct Drawn {
    root: web_sys::Element,
    ids: Rc<Vec<Rc<str>>>,
    rows: Vec<Rc<SeatRow>>,
    selected: Option<usize>,
    picked: Option<usize>,
}

/// Every seat and place, in rows (`<g class="row">`). Drawn by the JS builder above: the
/// whole layer when the seats themselves change (another venue or part), otherwise only
/// the seats whose box, diagnostic, selection or pick changed (a swap: two or three).
#[function_component(SeatLayer)]
pub fn seat_layer(props: &LayerProps) -> Html {
    // The layer's `<g>` is made here and handed to yew as a node of its own: the seats are
    // drawn into it while rendering, so the first frame already shows them.
    let layer = use_memo((), |_| {
        let g = gloo::utils::document()
            .create_element_ns(Some("http://www.w3.org/2000/svg"), "g")
            .expect("an SVG g element");
        let _ = g.set_attribute("class", "seats");
        let _ = g.set_attribute("font-family", FONT_TEXT);
        g
    });
    let drawn = use_mut_ref(|| None::<Drawn>);
    // The component renders only when its props change (it has no state of its own).
    sync(&layer, &mut drawn.borrow_mut(), &props.planned, props.selected.as_deref(), props.picked.as_deref());
    Html::VRef(web_sys::Node::clone(&layer))
}

fn sync(
    el: &web_sys::Element,
    drawn: &mut Option<Drawn>,
    planned: &Planned,
    selected: Option<&str>,
    picked: Option<&str>,
) {
    let started = crate::services::perf::now();
    let index = |id: Option<&str>| id.and_then(|id| planned.by_id.get(id).copied());
    let (sel, pick) = (index(selected), index(picked));
    let same = drawn.as_ref().filter(|d| {
        d.root == *el
            && Rc::ptr_eq(&d.ids, &planned.ids)
            && d.rows.len() == planned.rows.len()
            && d.rows
                .iter()
                .zip(&planned.rows)
                .all(|(a, b)| a.start == b.start && a.cells.len() == b.cells.len())
    });
    let mut count = 0;
    let patched = same.is_some_and(|d| {
        let mut changed: Vec<usize> = Vec::new();
        for (old, new) in d.rows.iter().zip(&planned.rows) {
            if !Rc::ptr_eq(old, new) {
                for (k, (a, b)) in old.cells.iter().zip(&new.cells).enumerate() {
                    if a != b {
                        changed.push(new.start + k);
                    }
                }
            }
        }
        for (was, now) in [(d.selected, sel), (d.picked, pick)] {
            if was != now {
                changed.extend(was);
                changed.extend(now);
            }
        }
        seating_core::sort::sort(&mut changed);
        changed.dedup();
        if changed.is_empty() {
            return true;
        }
        let recs: Vec<SeatRec> = changed
            .iter()
            .filter_map(|&i| {
                let row = &planned.rows[planned.rows.partition_point(|r| r.start <= i).checked_sub(1)?];
                let c = row.cells.get(i - row.start)?;
                cell_rec(c, sel == Some(i), pick == Some(i))
            })
            .collect();
        count = recs.len();
        seats_patch(el, &serde_json::to_string(&recs).unwrap_or_default())
    });
    if !patched {
        let rows: Vec<Vec<SeatRec>> = planned
            .rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .enumerate()
                    .filter_map(|(k, c)| cell_rec(c, sel == Some(row.start + k), pick == Some(row.start + k)))
                    .collect()
            })
            .collect();
        count = rows.iter().map(Vec::len).sum();
        // A big chart's text lines come in the task after its first frame: at the scale
        // that shows a big chart whole they are not drawn anyway (level of detail), and a
        // first frame without them has half the elements to style and lay out.
        seats_build(el, &serde_json::to_string(&rows).unwrap_or_default(), count > DEFER_TEXTS_ABOVE);
    }
    RENDERS.with(|r| r.set(r.get() + count as u32));
    let name = if patched { "page:seats-patch" } else { "page:seats-build" };
    crate::services::perf::record(name, started, crate::services::perf::now());
    *drawn = Some(Drawn {
        root: el.clone(),
        ids: planned.ids.clone(),
        rows: planned.rows.clone(),
        selected: sel,
        picked: pick,
    });
}

/// The seat colour classes, from the core's palette (one `<style>` for the whole diagram).
#[function_component(Palette)]
pub fn palette() -> Html {
    let mut css = String::with_capacity(1024);
    for (k, (fill, stroke)) in UNIT_FILLS.iter().zip(UNIT_STROKES.iter()).enumerate() {
        css.push_str(&format!(".diagram .box.u{k}{{fill:{fill};stroke:{stroke}}}"));
    }
    css.push_str(
        ".diagram .box.e{fill:#fff;stroke:#b0b0b0}.diagram .box.p{fill:#fffaf0;stroke:#6b4a2b}\
         .diagram .box.r{fill:#f0f0f0;stroke:#777}.diagram .box.b{fill:#dcdcdc;stroke:#999}\
         .diagram .box.n0{fill:#fff;stroke:#555}",
    );
    html! { <style>{ css }</style> }
}

/// Props of the furniture layer.
#[derive(Properties)]
pub struct FurnitureProps {
    /// The plan and layout.
    pub planned: Rc<Planned>,
}

impl PartialEq for FurnitureProps {
    /// A hand edit changes seats, never the furniture: compared by `Planned::frame`.
    fn eq(&self, other: &Self) -> bool {
        self.planned.frame == other.planned.frame
    }
}

/// Podium band, hall blocks, aisles, tables, row and block labels.
#[function_component(Furniture)]
pub fn furniture(props: &FurnitureProps) -> Html {
    let l = &props.planned.layout;
    let band = l.podium.as_ref().map(|band| {
        let r = band.rect;
        html! {
            <g class="podium-band">
                <rect class="band" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} rx="2" />
                <line class="front" x1={n(r.x)} x2={n(r.x + r.w)} y1={n(band.front)} y2={n(band.front)} />
                { text_block(&band.title, "band-title") }
            </g>
        }
    });
    let blocks = l.blocks.iter().map(|b| {
        html! { <rect class="block" x={n(b.x)} y={n(b.y)} width={n(b.w)} height={n(b.h)} rx="1.5" /> }
    });
    let aisles = l.aisles.iter().map(|a| {
        html! { <line class="aisle" x1={n(a.cx())} x2={n(a.cx())} y1={n(a.y)} y2={n(a.y + a.h)} /> }
    });
    let tables = l.tables.iter().map(|t| {
        let class = if t.number == 1 { "table main" } else { "table" };
        html! {
            <g>
                <circle class={class} cx={n(t.cx)} cy={n(t.cy)} r={n(t.r)} />
                { text_block(&t.title, "table-title") }
            </g>
        }
    });
    let marks = l.marks.iter().map(|m| text_block(&m.text, "mark"));
    html! {
        <g class="furniture" font-family={FONT_TEXT}>
            { band.unwrap_or_default() }
            <g>{ for blocks }</g>
            <g>{ for aisles }</g>
            <g>{ for tables }</g>
            <g>{ for marks }</g>
        </g>
    }
}
