//! The diagram's SVG content, drawn from the core's `Layout` as it is: the venue furniture
//! (podium band, blocks, aisles, labels, tables) and one memoised component per seat.
//!
//! Seats are keyed by their id and compare their own box in the layout, so after a swap
//! yew re-renders the two seats that changed and skips the other thousands. A seat is a
//! `<g>` with a box and up to three text lines and as few attributes as possible: colours
//! come from classes (`u0`…`u11`, the core's palette, written once by [`Palette`]), and the
//! tooltip is one element for the whole diagram, not one per seat.

use std::rc::Rc;

use seating_core::layout::{Anchor, PlaceBox, SeatBox, TextBlock, FONT_TEXT, UNIT_FILLS, UNIT_STROKES};
use seating_core::{Area, Level};
use yew::prelude::*;

use crate::planned::{Planned, SeatRow};

/// A coordinate with at most one decimal, as the core's exporter writes them, without
/// going through `format!` (a 3,000-seat chart formats some 40,000 numbers).
pub fn n(x: f64) -> AttrValue {
    let t = (x * 10.0).round() as i64;
    let mut s = String::with_capacity(8);
    if t < 0 {
        s.push('-');
    }
    let t = t.unsigned_abs();
    push_int(&mut s, t / 10);
    if t % 10 != 0 {
        s.push('.');
        s.push((b'0' + (t % 10) as u8) as char);
    }
    AttrValue::from(s)
}

fn push_int(s: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
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

/// Props of one seat: its own box (shared with the plan that made it), never the whole
/// plan, so that a seat that does not change holds nothing but itself.
#[derive(Properties, Clone)]
pub struct SeatProps {
    /// The seat id.
    pub id: Rc<str>,
    /// The seat's box in the core's layout.
    pub seat: Rc<SeatBox>,
    /// The most serious diagnostic naming the seat.
    pub flag: Option<Level>,
    /// Selected (keyboard focus or click).
    pub selected: bool,
    /// Picked up with the keyboard, waiting for a target.
    pub picked: bool,
}

impl PartialEq for SeatProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.picked == other.picked
            && self.flag == other.flag
            && self.id == other.id
            && (Rc::ptr_eq(&self.seat, &other.seat) || *self.seat == *other.seat)
    }
}

thread_local! {
    /// How many times a seat component has rendered (for the browser benchmark).
    static RENDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Seat component renders so far: the browser benchmark checks that a swap renders two
/// seats, not the hall.
pub fn renders() -> u32 {
    RENDERS.with(|r| r.get())
}

/// One venue seat.
#[function_component(Seat)]
pub fn seat(props: &SeatProps) -> Html {
    RENDERS.with(|r| r.set(r.get() + 1));
    let b = &*props.seat;
    let id = props.id.clone();
    let r = b.rect;
    let flag = props.flag;
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
        (props.selected, " selected"),
        (props.picked, " picked"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    let pin = b.pinned.then(|| {
        let s = if b.seat.area == Area::Podium { 4.0 } else { 3.2 };
        let (x1, y) = (r.x + r.w - s, r.y);
        let d = format!("M{} {}L{} {}L{} {}Z", n(x1), n(y), n(r.x + r.w), n(y), n(r.x + r.w), n(y + s));
        html! { <path class="pin" d={d} /> }
    });
    let cross = b.blocked.then(|| {
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
        html! { <path class="cross" d={d} /> }
    });
    let person = b.person.as_ref();
    let box_class = box_class(b);
    html! {
        <g class={class} data-seat={id} data-person={person.map(|p| AttrValue::from(p.id.clone()))}>
            <rect class={box_class} x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} />
            { pin.unwrap_or_default() }
            { cross.unwrap_or_default() }
            if let Some(t) = &b.name { { text_block(t, if person.is_some() { "nm" } else { "po" }) } }
            if let Some(t) = &b.post { { text_block(t, "po") } }
            if let Some(t) = &b.number { { text_block(t, "no") } }
        </g>
    }
}

/// Props of one banquet or line-up place.
#[derive(Properties, Clone)]
pub struct PlaceProps {
    /// The place id.
    pub id: Rc<str>,
    /// The place's box in the core's layout.
    pub place: Rc<PlaceBox>,
    /// Selected.
    pub selected: bool,
}

impl PartialEq for PlaceProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.id == other.id
            && (Rc::ptr_eq(&self.place, &other.place) || *self.place == *other.place)
    }
}

/// One banquet or line-up place (selectable, not draggable: hand moves are venue seats).
#[function_component(Place)]
pub fn place(props: &PlaceProps) -> Html {
    let p = &*props.place;
    let id = props.id.clone();
    let r = p.rect;
    let (fill, stroke) = match p.person.as_ref().map(|o| o.unit_index) {
        None => ("#ffffff", "#b0b0b0"),
        Some(Some(k)) => (UNIT_FILLS[k % UNIT_FILLS.len()], UNIT_STROKES[k % UNIT_STROKES.len()]),
        Some(None) => ("#ffffff", "#555555"),
    };
    let class = classes!(
        "seat",
        "place",
        p.person.is_some().then_some("occupied"),
        props.selected.then_some("selected")
    );
    html! {
        <g class={class} data-seat={id} data-person={p.person.as_ref().map(|o| AttrValue::from(o.id.clone()))}>
            <rect class="box" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} fill={fill} stroke={stroke} />
            if let Some(t) = &p.name { { text_block(t, "nm") } }
            if let Some(t) = &p.post { { text_block(t, "po") } }
            if let Some(t) = &p.number { { text_block(t, "no") } }
        </g>
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

/// Every seat and place, in rows keyed by their first seat; each row gets the selection
/// only when the selected seat is in it, so selecting a seat re-renders one or two rows.
#[function_component(SeatLayer)]
pub fn seat_layer(props: &LayerProps) -> Html {
    let planned = &props.planned;
    let index = |id: &Option<Rc<str>>| id.as_ref().and_then(|id| planned.by_id.get(&**id).copied());
    let (sel, pick) = (index(&props.selected), index(&props.picked));
    let rows = planned.rows.iter().map(|row| {
        let range = row.start..row.start + row.cells.len();
        let selected = sel.filter(|i| range.contains(i)).and(props.selected.clone());
        let picked = pick.filter(|i| range.contains(i)).and(props.picked.clone());
        html! { <SeatRowView key={row.key.clone()} row={row.clone()} {selected} {picked} /> }
    });
    html! {
        <g class="seats" font-family={FONT_TEXT}>{ for rows }</g>
    }
}

/// Props of a row of seats.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The row (shared with the plan; unchanged rows are the same allocation).
    pub row: Rc<SeatRow>,
    /// The selected seat, when it is in this row.
    pub selected: Option<Rc<str>>,
    /// The picked-up seat, when it is in this row.
    pub picked: Option<Rc<str>>,
}

/// A row of keyed, memoised seats.
#[function_component(SeatRowView)]
pub fn seat_row(props: &RowProps) -> Html {
    let is = |id: &Rc<str>, which: &Option<Rc<str>>| which.as_deref() == Some(&**id);
    let cells = props.row.cells.iter().filter_map(|c| {
        let selected = is(&c.id, &props.selected);
        match (&c.seat, &c.place) {
            (Some(seat), _) => {
                let picked = is(&c.id, &props.picked);
                Some(html! {
                    <Seat key={c.id.clone()} id={c.id.clone()} seat={seat.clone()} flag={c.flag} {selected} {picked} />
                })
            }
            (None, Some(place)) => {
                Some(html! { <Place key={c.id.clone()} id={c.id.clone()} place={place.clone()} {selected} /> })
            }
            (None, None) => None,
        }
    });
    html! { <g class="row">{ for cells }</g> }
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
