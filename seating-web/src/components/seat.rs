//! The diagram's SVG content, drawn from the core's `Layout` as it is: the venue furniture
//! (podium band, blocks, aisles, labels, tables) and one memoised component per seat.
//!
//! Seats are keyed by their id and compare their own box in the layout, so after a swap
//! yew re-renders the two seats that changed and skips the other thousands.

use std::fmt::Write;
use std::rc::Rc;

use seating_core::layout::{Anchor, SeatBox, TextBlock, FONT_TEXT, FONT_TITLE, UNIT_FILLS, UNIT_STROKES};
use seating_core::{Area, Level};
use yew::prelude::*;

use crate::planned::Planned;

/// Coordinates with one decimal, as the core's exporter writes them.
fn n(x: f64) -> AttrValue {
    let r = (x * 10.0).round() / 10.0;
    AttrValue::from(if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") })
}

fn text_block(t: &TextBlock, class: &'static str) -> Html {
    t.lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let anchor = match t.anchor {
                Anchor::Middle => None,
                a => Some(a.svg()),
            };
            html! {
                <text class={class} x={n(t.x)} y={n(t.y + i as f64 * t.leading)} font-size={n(t.size)}
                    text-anchor={anchor}>{ line.clone() }</text>
            }
        })
        .collect()
}

/// Fill and stroke of a seat box, from the core's palette.
fn colours(b: &SeatBox) -> (&'static str, &'static str) {
    if b.blocked {
        ("#dcdcdc", "#999999")
    } else if b.reserved {
        ("#f0f0f0", "#777777")
    } else {
        match &b.person {
            None => ("#ffffff", "#b0b0b0"),
            Some(_) if b.seat.area == Area::Podium => ("#fffaf0", "#6b4a2b"),
            Some(p) => match p.unit_index {
                Some(k) => (UNIT_FILLS[k % UNIT_FILLS.len()], UNIT_STROKES[k % UNIT_STROKES.len()]),
                None => ("#ffffff", "#555555"),
            },
        }
    }
}

/// The tooltip: label, person, reason.
fn title_of(label: &str, person: Option<&seating_core::layout::Occupant>, reason: &str) -> String {
    let mut t = String::with_capacity(96);
    t.push_str(label);
    if let Some(p) = person {
        let _ = write!(t, "\n#{} {}", p.precedence, p.name);
        if !p.post.is_empty() {
            let _ = write!(t, "　{}", p.post);
        }
        if !p.unit.is_empty() {
            let _ = write!(t, "　{}", p.unit);
        }
    }
    if !reason.is_empty() {
        t.push('\n');
        t.push_str(reason);
    }
    t
}

/// Props of one seat: the layout and the seat's index in it.
#[derive(Properties, Clone)]
pub struct SeatProps {
    /// The plan and layout.
    pub planned: Rc<Planned>,
    /// Index into `planned.ids` (venue seats first, then places).
    pub index: usize,
    /// Selected (keyboard focus or click).
    pub selected: bool,
    /// Picked up with the keyboard, waiting for a target.
    pub picked: bool,
}

impl SeatProps {
    fn flag(&self) -> Option<Level> {
        self.planned.flagged.get(self.planned.ids.get(self.index)?.as_ref()).copied()
    }
}

impl PartialEq for SeatProps {
    fn eq(&self, other: &Self) -> bool {
        if self.index != other.index || self.selected != other.selected || self.picked != other.picked {
            return false;
        }
        if Rc::ptr_eq(&self.planned, &other.planned) {
            return true;
        }
        let (a, b) = (&self.planned.layout, &other.planned.layout);
        let same_box = match (a.seats.get(self.index), b.seats.get(other.index)) {
            (Some(x), Some(y)) => x == y,
            (None, None) => {
                let i = self.index - a.seats.len();
                let j = other.index - b.seats.len();
                a.places.get(i) == b.places.get(j)
            }
            _ => false,
        };
        same_box && self.flag() == other.flag()
    }
}

/// One venue seat.
#[function_component(Seat)]
pub fn seat(props: &SeatProps) -> Html {
    let planned = &props.planned;
    let Some(b) = planned.layout.seats.get(props.index) else { return html! {} };
    let id = planned.ids[props.index].clone();
    let r = b.rect;
    let (fill, stroke) = colours(b);
    let flag = props.flag();
    let class = classes!(
        "seat",
        b.person.is_some().then_some("occupied"),
        b.reserved.then_some("reserved"),
        b.blocked.then_some("blocked"),
        b.pinned.then_some("pinned"),
        b.inverted.then_some("inverted"),
        (flag == Some(Level::Error)).then_some("unhonoured"),
        (flag == Some(Level::Warning) && !b.inverted).then_some("warned"),
        props.selected.then_some("selected"),
        props.picked.then_some("picked"),
    );
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
    html! {
        <g class={class} data-seat={id} data-person={person.map(|p| AttrValue::from(p.id.clone()))}>
            <title>{ title_of(&b.label, person, &b.reason) }</title>
            <rect class="box" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} rx="1"
                fill={fill} stroke={stroke} />
            { for pin }
            { for cross }
            if let Some(t) = &b.name { { text_block(t, if person.is_some() { "nm" } else { "po" }) } }
            if let Some(t) = &b.post { { text_block(t, "po") } }
            if let Some(t) = &b.number { { text_block(t, "no") } }
        </g>
    }
}

/// One banquet or line-up place (selectable, not draggable: hand moves are venue seats).
#[function_component(Place)]
pub fn place(props: &SeatProps) -> Html {
    let planned = &props.planned;
    let k = props.index.wrapping_sub(planned.layout.seats.len());
    let Some(p) = planned.layout.places.get(k) else { return html! {} };
    let id = planned.ids[props.index].clone();
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
            <title>{ title_of(&p.label, p.person.as_ref(), &p.reason) }</title>
            <rect class="box" x={n(r.x)} y={n(r.y)} width={n(r.w)} height={n(r.h)} rx="1"
                fill={fill} stroke={stroke} />
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

/// Every seat and place, keyed by id.
#[function_component(SeatLayer)]
pub fn seat_layer(props: &LayerProps) -> Html {
    let planned = &props.planned;
    let seats = planned.layout.seats.len();
    let is = |id: &Rc<str>, which: &Option<Rc<str>>| which.as_deref() == Some(&**id);
    let items = planned.ids.iter().enumerate().map(|(index, id)| {
        let selected = is(id, &props.selected);
        let picked = is(id, &props.picked);
        let planned = planned.clone();
        if index < seats {
            html! { <Seat key={id.clone()} {planned} {index} {selected} {picked} /> }
        } else {
            html! { <Place key={id.clone()} {planned} {index} {selected} {picked} /> }
        }
    });
    html! {
        <g class="seats" font-family={FONT_TEXT}>{ for items }</g>
    }
}

/// Props of the furniture layer.
#[derive(Properties, PartialEq)]
pub struct FurnitureProps {
    /// The plan and layout.
    pub planned: Rc<Planned>,
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
                <g font-family={FONT_TITLE}>{ text_block(&band.title, "band-title") }</g>
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
                <circle class={class} cx={n(t.cx)} cy={n(t.cy)} r={n(t.r)}><title>{ t.reason.clone() }</title></circle>
                <g font-family={FONT_TITLE}>{ text_block(&t.title, "table-title") }</g>
            </g>
        }
    });
    let marks = l.marks.iter().map(|m| text_block(&m.text, "mark"));
    html! {
        <g class="furniture" font-family={FONT_TEXT}>
            { for band }
            { for blocks }
            { for aisles }
            { for tables }
            { for marks }
        </g>
    }
}
