//! The live seating diagram: the core's layout as SVG, with pan and zoom, selection, drag
//! and drop of people between seats, and the keyboard for every mouse action.
//!
//! Mouse: click a seat to select it; drag a person onto another seat to swap (or onto an
//! empty seat to move them there); drag the background to pan; the wheel zooms.
//! Keyboard (the diagram has focus): arrows move the selection, Enter picks the person up
//! and Enter on the target drops them, Escape cancels, R reserves, L locks, Delete removes
//! the instruction that placed the seat, + and − zoom, 0 fits.

use std::cell::RefCell;
use std::rc::Rc;

use seating_core::export::{fixed, num};
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

use super::seat::{describe, Furniture, Palette, SeatLayer};
use crate::i18n::Lang;
use crate::planned::Planned;
use crate::services::{clock, perf};
use crate::state::{Action, Dispatch};

/// The visible part of the chart, in chart units.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ViewBox {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl ViewBox {
    fn fit(planned: &Planned) -> ViewBox {
        let (w, h) = (planned.layout.width.max(10.0), planned.layout.height.max(10.0));
        let pad = 4.0;
        ViewBox { x: -pad, y: -pad, w: w + 2.0 * pad, h: h + 2.0 * pad }
    }

    fn zoom(self, factor: f64, cx: f64, cy: f64, limit: (f64, f64)) -> ViewBox {
        let w = (self.w / factor).clamp(limit.0, limit.1);
        let f = self.w / w;
        let h = self.h / f;
        ViewBox { x: cx - (cx - self.x) / f, y: cy - (cy - self.y) / f, w, h }
    }

    fn attr(&self) -> String {
        [self.x, self.y, self.w, self.h].map(|v| fixed(v, 2)).join(" ")
    }
}

/// Chart coordinates of a client point, for an SVG with `preserveAspectRatio` "xMidYMid meet".
fn to_chart(svg: &Element, vb: ViewBox, client_x: f64, client_y: f64) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    let scale = (r.width() / vb.w).min(r.height() / vb.h).max(1e-9);
    let ox = (r.width() - vb.w * scale) / 2.0;
    let oy = (r.height() - vb.h * scale) / 2.0;
    (vb.x + (client_x - r.left() - ox) / scale, vb.y + (client_y - r.top() - oy) / scale)
}

/// Chart units per CSS pixel.
fn units_per_pixel(svg: &Element, vb: ViewBox) -> f64 {
    let r = svg.get_bounding_client_rect();
    1.0 / (r.width() / vb.w).min(r.height() / vb.h).max(1e-9)
}

/// The venue seat under a client point, from the layout's boxes (no hit test of the
/// thousands of SVG elements, which costs milliseconds per pointer move).
fn seat_at(planned: &Planned, svg: &Element, vb: ViewBox, x: f64, y: f64) -> Option<String> {
    let r = svg.get_bounding_client_rect();
    if x < r.left() || x > r.right() || y < r.top() || y > r.bottom() {
        return None;
    }
    let (cx, cy) = to_chart(svg, vb, x, y);
    let i = planned.seats.iter().position(|b| {
        let b = b.rect;
        cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h
    })?;
    Some(planned.ids[i].to_string())
}

fn seat_of(el: &Element) -> Option<String> {
    el.closest("[data-seat]").ok().flatten()?.get_attribute("data-seat")
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Undecided,
    Drag,
    Pan,
}

/// A pointer press in progress.
struct Press {
    seat: Option<String>,
    /// (person id, name) when the seat is occupied and hand moves are allowed.
    person: Option<(String, String)>,
    x0: f64,
    y0: f64,
    vb0: ViewBox,
    mode: Mode,
    /// Where the last move was, and the seat under it (the drop target).
    last: Option<(f64, f64, Option<String>)>,
}

/// The name following the pointer while dragging.
#[derive(Clone, PartialEq, Debug)]
struct Ghost {
    name: String,
    at: InBox,
    target: Option<String>,
}

/// The pointer in the chart's box (`.diagram-wrap`), and the box's size, in CSS pixels. The
/// ghost and the tooltip are placed in that box: the page's columns use `contain`, which
/// would offset and clip a `position: fixed` one. Read when the pointer moves, never while
/// rendering (a layout read during a render would force a layout of the whole page).
#[derive(Clone, Copy, PartialEq, Debug)]
struct InBox {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl InBox {
    fn of(wrap: &NodeRef, e: &PointerEvent) -> InBox {
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        match wrap.cast::<Element>() {
            Some(w) => {
                let r = w.get_bounding_client_rect();
                InBox { x: x - r.left(), y: y - r.top(), w: r.width(), h: r.height() }
            }
            None => InBox { x, y, w: f64::INFINITY, h: f64::INFINITY },
        }
    }
}

/// Props of the diagram.
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// The plan and layout to draw.
    pub planned: Rc<Planned>,
    /// Selected seat or place.
    pub selected: Option<Rc<str>>,
    /// Seat picked up with the keyboard.
    pub picked: Option<Rc<str>>,
    /// Interface language.
    pub lang: Lang,
    /// Whether hand moves are possible (venue seats only).
    pub editable: bool,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// The diagram.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let t = props.lang.texts();
    let svg_ref = use_node_ref();
    let vb = use_state(|| ViewBox::fit(&props.planned));
    let fitted = use_mut_ref(|| (props.planned.layout.width, props.planned.layout.height));
    let press: Rc<RefCell<Option<Press>>> = use_mut_ref(|| None);
    let ghost = use_state(|| None::<Ghost>);
    // The seat under the pointer (its tooltip), and the diagram's width in pixels (for the
    // level of detail: text too small to read is not laid out).
    let hover = use_state(|| None::<(Rc<str>, InBox)>);
    let width_px = use_state(|| {
        gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).map_or(800.0, |w| w * 0.5)
    });
    let canvas_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let wrap_ref = use_node_ref();
    {
        // Both SVGs get their size in pixels, from the canvas (a ResizeObserver): sized in
        // percent, the browser lays the whole chart out again whenever anything beside it
        // (the legend, the heading) is laid out, some 5 ms for 3,000 seats.
        let width_px = width_px.clone();
        let (canvas_ref, svg_ref, overlay_ref) = (canvas_ref.clone(), svg_ref.clone(), overlay_ref.clone());
        use_effect_with((), move |_| {
            let last = std::cell::Cell::new(*width_px);
            let svgs = [svg_ref, overlay_ref];
            let observer = canvas_ref.cast::<Element>().and_then(|canvas| {
                observe_size(&canvas, move |w, h| {
                    let style = format!("width:{}px;height:{}px", fixed(w, 2), fixed(h, 2));
                    for svg in svgs.iter().filter_map(|r| r.cast::<Element>()) {
                        let _ = svg.set_attribute("style", &style);
                    }
                    if w > 0.0 && (w - last.get()).abs() > 1.0 {
                        last.set(w);
                        width_px.set(w);
                    }
                })
            });
            move || drop(observer)
        });
    }

    // Refit when the chart changes size (another venue, another part); keep the zoom otherwise.
    {
        let vb = vb.clone();
        let size = (props.planned.layout.width, props.planned.layout.height);
        let planned = props.planned.clone();
        let fitted = fitted.clone();
        use_effect_with(((size.0 * 10.0) as i64, (size.1 * 10.0) as i64), move |_| {
            if *fitted.borrow() != size {
                *fitted.borrow_mut() = size;
                vb.set(ViewBox::fit(&planned));
            }
        });
    }
    // Timing: the first diagram after load, and each repaint after a hand edit.
    {
        let generation = props.planned.generation;
        let seats = props.planned.len();
        use_effect_with(generation, move |_| {
            let now = perf::now();
            perf::record(&format!("render:{seats}"), 0.0, now);
        });
    }

    let limit = {
        let f = ViewBox::fit(&props.planned);
        (20.0, f.w.max(f.h) * 3.0)
    };

    let onpointerdown = {
        let press = press.clone();
        let vb = vb.clone();
        let svg_ref = svg_ref.clone();
        let planned = props.planned.clone();
        let editable = props.editable;
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let target: Option<Element> = e.target().and_then(|t| t.dyn_into().ok());
            let seat = target.as_ref().and_then(seat_of);
            let person = seat
                .as_ref()
                .filter(|_| editable)
                .and_then(|s| planned.seat(s))
                .and_then(|b| b.person.as_ref().map(|p| (p.id.clone(), p.name.clone())));
            // On the svg itself: yew delegates events, so `current_target` is the app root.
            if let Some(svg) = svg_ref.cast::<Element>() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            *press.borrow_mut() = Some(Press {
                seat,
                person,
                x0: e.client_x() as f64,
                y0: e.client_y() as f64,
                vb0: *vb,
                mode: Mode::Undecided,
                last: None,
            });
        })
    };

    let onpointermove = {
        let press = press.clone();
        let planned = props.planned.clone();
        let vb = vb.clone();
        let ghost = ghost.clone();
        let svg_ref = svg_ref.clone();
        let hover = hover.clone();
        let wrap_ref = wrap_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut guard = press.borrow_mut();
            let Some(p) = guard.as_mut() else {
                let over: Option<Element> = e.target().and_then(|t| t.dyn_into().ok());
                let id = over.as_ref().and_then(seat_of);
                if id.as_deref() != hover.as_ref().map(|h| &*h.0) {
                    hover.set(id.map(|id| (Rc::from(id), InBox::of(&wrap_ref, &e))));
                }
                return;
            };
            let (x, y) = (e.client_x() as f64, e.client_y() as f64);
            if p.mode == Mode::Undecided {
                if (x - p.x0).hypot(y - p.y0) < 4.0 {
                    return;
                }
                p.mode = if p.person.is_some() { Mode::Drag } else { Mode::Pan };
            }
            match p.mode {
                Mode::Drag => {
                    let name = p.person.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
                    let Some(svg) = svg_ref.cast::<Element>() else { return };
                    let under = seat_at(&planned, &svg, *vb, x, y);
                    let target = under.clone().filter(|s| Some(s) != p.seat.as_ref());
                    p.last = Some((x, y, under));
                    ghost.set(Some(Ghost { name, at: InBox::of(&wrap_ref, &e), target }));
                }
                Mode::Pan => {
                    let Some(svg) = svg_ref.cast::<Element>() else { return };
                    let k = units_per_pixel(&svg, p.vb0);
                    vb.set(ViewBox { x: p.vb0.x - (x - p.x0) * k, y: p.vb0.y - (y - p.y0) * k, ..p.vb0 });
                }
                Mode::Undecided => {}
            }
        })
    };

    let onpointerup = {
        let press = press.clone();
        let planned = props.planned.clone();
        let (svg_ref, vb) = (svg_ref.clone(), vb.clone());
        let ghost = ghost.clone();
        let dispatch = props.dispatch.clone();
        let selected = props.selected.clone();
        let picked = props.picked.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(p) = press.borrow_mut().take() else { return };
            ghost.set(None);
            match p.mode {
                Mode::Drag => {
                    let start = perf::now();
                    let (x, y) = (e.client_x() as f64, e.client_y() as f64);
                    let to = match p.last {
                        // Released where it last moved: the target is known.
                        Some((lx, ly, under)) if lx == x && ly == y => under,
                        _ => svg_ref.cast::<Element>().and_then(|svg| seat_at(&planned, &svg, *vb, x, y)),
                    };
                    if let (Some(to), Some((person, _))) = (to, p.person) {
                        if Some(&to) != p.seat.as_ref() {
                            dispatch.dispatch(Action::Drop { person, to, at: clock::now() });
                            perf::record("drop-dispatch", start, perf::now());
                        }
                    }
                }
                Mode::Undecided => match (&picked, &p.seat) {
                    // A person picked up with the keyboard goes where the mouse clicks.
                    (Some(from), Some(to)) if **from != **to => {
                        drop_picked(&dispatch, from, to.clone());
                    }
                    _ => {
                        let same = selected.as_deref() == p.seat.as_deref();
                        let next = if same { None } else { p.seat.map(Rc::from) };
                        dispatch.dispatch(Action::Select(next));
                    }
                },
                Mode::Pan => {}
            }
        })
    };

    let onpointercancel = {
        let press = press.clone();
        let ghost = ghost.clone();
        Callback::from(move |_: PointerEvent| {
            press.borrow_mut().take();
            ghost.set(None);
        })
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };

    // The wheel zooms: a listener of our own, because it must be able to prevent scrolling
    // (yew's are passive). It reads the view box through a shared cell.
    let vb_now = use_mut_ref(|| *vb);
    *vb_now.borrow_mut() = *vb;
    let limit_now = use_mut_ref(|| limit);
    *limit_now.borrow_mut() = limit;
    {
        let vb = vb.clone();
        let vb_now = vb_now.clone();
        let limit_now = limit_now.clone();
        let svg_ref = svg_ref.clone();
        use_effect_with((), move |_| {
            let listener = svg_ref.cast::<Element>().map(|svg| {
                let target = svg.clone();
                gloo::events::EventListener::new_with_options(
                    &target,
                    "wheel",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<WheelEvent>() else { return };
                        e.prevent_default();
                        let current = *vb_now.borrow();
                        let (cx, cy) = to_chart(&svg, current, e.client_x() as f64, e.client_y() as f64);
                        let factor = (-e.delta_y() * 0.0015).exp();
                        let next = current.zoom(factor, cx, cy, *limit_now.borrow());
                        *vb_now.borrow_mut() = next;
                        vb.set(next);
                    },
                )
            });
            move || drop(listener)
        });
    }

    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let planned = props.planned.clone();
        let selected = props.selected.clone();
        let picked = props.picked.clone();
        let vb = vb.clone();
        let editable = props.editable;
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            let centre = |v: &ViewBox| (v.x + v.w / 2.0, v.y + v.h / 2.0);
            let handled = match key.as_str() {
                "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => {
                    let next = neighbour(&planned, selected.as_deref(), &key);
                    if let Some(next) = next {
                        dispatch.dispatch(Action::Select(Some(next.clone())));
                        keep_in_view(&planned, &next, &vb);
                    }
                    true
                }
                "Enter" | " " => {
                    match (&picked, &selected) {
                        (Some(from), Some(to)) if from != to => drop_picked(&dispatch, from, to.to_string()),
                        (Some(_), _) => dispatch.dispatch(Action::Pick(None)),
                        (None, Some(sel)) if editable => dispatch.dispatch(Action::Pick(Some(sel.clone()))),
                        _ => {}
                    }
                    true
                }
                "Escape" => {
                    if picked.is_some() {
                        dispatch.dispatch(Action::Pick(None));
                    } else {
                        dispatch.dispatch(Action::Select(None));
                    }
                    true
                }
                "r" | "R" if editable => {
                    if let Some(sel) = &selected {
                        dispatch.dispatch(Action::ToggleReserve { seat: sel.to_string(), at: clock::now() });
                    }
                    true
                }
                "l" | "L" if editable => {
                    if let Some(sel) = &selected {
                        dispatch.dispatch(Action::ToggleLock { seat: sel.to_string(), at: clock::now() });
                    }
                    true
                }
                "Delete" | "Backspace" if editable => {
                    if let Some(sel) = &selected {
                        dispatch.dispatch(Action::RemoveSeatInstruction { seat: sel.to_string() });
                    }
                    true
                }
                "+" | "=" => {
                    let (cx, cy) = centre(&vb);
                    vb.set(vb.zoom(1.25, cx, cy, limit));
                    true
                }
                "-" | "_" => {
                    let (cx, cy) = centre(&vb);
                    vb.set(vb.zoom(0.8, cx, cy, limit));
                    true
                }
                "0" => {
                    vb.set(ViewBox::fit(&planned));
                    true
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };

    let onfocus = {
        let dispatch = props.dispatch.clone();
        let planned = props.planned.clone();
        let selected = props.selected.clone();
        let press = press.clone();
        Callback::from(move |_: FocusEvent| {
            // Focus from the keyboard (Tab) selects the first seat; a click selects its own.
            if selected.is_none() && press.borrow().is_none() {
                if let Some(first) = planned.ids.first() {
                    dispatch.dispatch(Action::Select(Some(first.clone())));
                }
            }
        })
    };

    let zoom_by = |factor: f64| {
        let vb = vb.clone();
        Callback::from(move |_: MouseEvent| {
            let (cx, cy) = (vb.x + vb.w / 2.0, vb.y + vb.h / 2.0);
            vb.set(vb.zoom(factor, cx, cy, limit));
        })
    };
    let fit = {
        let vb = vb.clone();
        let planned = props.planned.clone();
        Callback::from(move |_: MouseEvent| vb.set(ViewBox::fit(&planned)))
    };

    let target_box = ghost.as_ref().and_then(|g| g.target.as_deref()).and_then(|id| props.planned.seat(id));
    let target_rect = target_box.map(|b| {
        let r = b.rect;
        let class = if b.blocked || b.reserved { "drop-target refused" } else { "drop-target" };
        html! {
            <rect class={class} x={num(r.x - 1.0)} y={num(r.y - 1.0)}
                width={num(r.w + 2.0)} height={num(r.h + 2.0)} rx="1.5" />
        }
    });
    // The ghost stays in the page between drags, hidden and with its last words: showing
    // and hiding it then changes one style, where adding and removing it made the browser
    // lay out and re-layer the page on every drop.
    let last_ghost = use_mut_ref(|| (String::new(), ""));
    let ghost_html = {
        let mut last = last_ghost.borrow_mut();
        let style = match ghost.as_ref() {
            Some(g) => {
                let hint = match &g.target {
                    Some(id) => match props.planned.seat(id) {
                        Some(b) if b.blocked || b.reserved => t.drop_refused,
                        Some(b) if b.person.is_some() => t.drop_swap,
                        Some(_) => t.drop_move,
                        None => t.drop_none,
                    },
                    None => t.drop_none,
                };
                if last.0 != g.name {
                    last.0 = g.name.clone();
                }
                last.1 = hint;
                // Moved by a transform: no layout while dragging.
                format!("transform:translate({}px,{}px)", num(g.at.x + 12.0), num(g.at.y + 12.0))
            }
            None => "visibility:hidden".to_string(),
        };
        html! { <div class="drag-ghost" style={style} aria-hidden={ghost.is_none().then_some("true")}><b>{ last.0.clone() }</b>{ " " }{ last.1 }</div> }
    };
    let tooltip = hover.as_ref().filter(|_| ghost.is_none()).and_then(|(id, at)| {
        let (label, who, reason) = describe(&props.planned, id)?;
        let &InBox { x, y, w: wrap_w, h: wrap_h } = at;
        let tx = if x + 14.0 + TOOLTIP_MAX_W > wrap_w {
            format!("calc({}px - 100%)", num(x - 14.0))
        } else {
            format!("{}px", num(x + 14.0))
        };
        let ty = if y + 16.0 + TOOLTIP_ROOM_H > wrap_h {
            format!("calc({}px - 100%)", num(y - 8.0))
        } else {
            format!("{}px", num(y + 16.0))
        };
        let style = format!("transform:translate({tx},{ty})");
        Some(html! {
            <div class="seat-tooltip" id="seat-tooltip" style={style} role="tooltip">
                <div class="label">{ label }</div>
                if !who.is_empty() { <div class="who">{ who }</div> }
                if !reason.is_empty() { <div class="why">{ reason }</div> }
            </div>
        })
    });
    // Level of detail: seat width on screen decides which texts are laid out.
    let seat_w = props.planned.seats.last().map_or(20.0, |s| s.rect.w);
    let seat_px = seat_w * *width_px / vb.w.max(1.0);
    let lod = if seat_px < 22.0 {
        Some("lod-boxes")
    } else if seat_px < 44.0 {
        Some("lod-names")
    } else {
        None
    };
    let fit_w = ViewBox::fit(&props.planned).w;
    let zoom_pct = (fit_w / vb.w * 100.0).round() as i64;
    let picked_hint = props.picked.as_ref().map(|p| {
        let name = props.planned.occupant(p).map(|o| o.name.clone()).unwrap_or_default();
        html! { <span class="picked-hint" role="status">{ format!("{}{name}", t.picked_hint) }</span> }
    });

    html! {
        <div class="diagram-wrap" ref={wrap_ref}>
            <div class="diagram-tools">
                <button type="button" onclick={zoom_by(1.25)} title={t.zoom_in} aria-label={t.zoom_in}>{ "+" }</button>
                <button type="button" onclick={zoom_by(0.8)} title={t.zoom_out} aria-label={t.zoom_out}>{ "−" }</button>
                <button type="button" onclick={fit} title={t.zoom_fit}>{ t.zoom_fit }</button>
                <span class="zoom">{ format!("{zoom_pct}%") }</span>
                { picked_hint.unwrap_or_default() }
                <span class="hint">{ if props.editable { t.diagram_hint } else { t.diagram_hint_readonly } }</span>
            </div>
            // The drop target is drawn on an overlay of its own, so that dragging over the
            // chart never touches the big SVG (no style or layout of thousands of seats).
            // (No "grabbing" cursor while dragging: `cursor` is inherited, and changing it on
            // an ancestor restyles every seat.)
            <div class="canvas" ref={canvas_ref}>
                <svg ref={svg_ref} id="diagram" class={classes!("diagram", lod)}
                    viewBox={vb.attr()} preserveAspectRatio="xMidYMid meet" tabindex="0" role="application"
                    aria-label={t.diagram_label} aria-roledescription={t.diagram_label}
                    {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onpointerleave} {onkeydown} {onfocus}>
                    <Palette />
                    <Furniture planned={props.planned.clone()} />
                    <SeatLayer planned={props.planned.clone()} selected={props.selected.clone()}
                        picked={props.picked.clone()} />
                </svg>
                <svg ref={overlay_ref} class="overlay" viewBox={vb.attr()} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
                    { target_rect.unwrap_or_default() }
                </svg>
            </div>
            // The ghost and the tooltip come and go in a layer of their own, laid out
            // apart from the page (`contain: strict`), so that neither makes the browser
            // lay out the chart again.
            <div class="float-layer">
                { ghost_html }
                { tooltip.unwrap_or_default() }
            </div>
        </div>
    }
}

/// The tooltip's `max-width` in `seating.css`.
const TOOLTIP_MAX_W: f64 = 340.0;
/// Room below the pointer a tooltip of a few lines needs; with less, it opens upward.
const TOOLTIP_ROOM_H: f64 = 110.0;

/// A `ResizeObserver` calling `f(width, height)` (CSS pixels, content box) whenever
/// `target` changes size, and once when it is first laid out; it stops when dropped. Made
/// through `js_sys` (no web-sys feature for it).
fn observe_size(target: &Element, mut f: impl FnMut(f64, f64) + 'static) -> Option<SizeObserver> {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::closure::Closure;
    let ctor: Function =
        Reflect::get(&gloo::utils::window(), &"ResizeObserver".into()).ok()?.dyn_into().ok()?;
    let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let Some(entry) = entries.iter().last() else { return };
        let Ok(rect) = Reflect::get(&entry, &"contentRect".into()) else { return };
        let get = |k: &str| Reflect::get(&rect, &k.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        f(get("width"), get("height"));
    });
    let observer = Reflect::construct(&ctor, &Array::of1(callback.as_ref())).ok()?;
    let observe: Function = Reflect::get(&observer, &"observe".into()).ok()?.dyn_into().ok()?;
    observe.call1(&observer, target).ok()?;
    Some(SizeObserver { observer, _callback: callback })
}

/// A running [`observe_size`].
struct SizeObserver {
    observer: wasm_bindgen::JsValue,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        let disconnect = js_sys::Reflect::get(&self.observer, &"disconnect".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(f) = disconnect {
            let _ = f.call0(&self.observer);
        }
    }
}

/// Drops the keyboard-picked person of seat `from` on seat `to`.
fn drop_picked(dispatch: &Dispatch, from: &str, to: String) {
    // The person is looked up by the reducer from the current plan via the seat.
    dispatch.dispatch(Action::DropFrom { from: from.to_string(), to, at: clock::now() });
}

/// The nearest seat from `from` in the direction of an arrow key (the first seat if none is
/// selected). Rows are wider than deep, so sideways distance counts double.
fn neighbour(planned: &Planned, from: Option<&str>, key: &str) -> Option<Rc<str>> {
    let rect = |i: usize| planned.rect_at(i);
    let Some(&i) = from.and_then(|f| planned.by_id.get(f)) else {
        return planned.ids.first().cloned();
    };
    let here = rect(i)?;
    let (hx, hy) = (here.cx(), here.cy());
    let mut best: Option<(f64, usize)> = None;
    for j in 0..planned.ids.len() {
        if j == i {
            continue;
        }
        let Some(r) = rect(j) else { continue };
        let (dx, dy) = (r.cx() - hx, r.cy() - hy);
        let (ahead, side) = match key {
            "ArrowLeft" => (-dx, dy),
            "ArrowRight" => (dx, dy),
            "ArrowUp" => (-dy, dx),
            _ => (dy, dx),
        };
        if ahead < 0.5 {
            continue;
        }
        let score = ahead + 2.0 * side.abs();
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, j));
        }
    }
    best.map(|(_, j)| planned.ids[j].clone())
}

/// Pans so that seat `id` is visible.
fn keep_in_view(planned: &Planned, id: &str, vb: &UseStateHandle<ViewBox>) {
    let Some(&i) = planned.by_id.get(id) else { return };
    let Some(r) = planned.rect_at(i) else { return };
    let mut v = **vb;
    if r.x < v.x {
        v.x = r.x - 4.0;
    } else if r.x + r.w > v.x + v.w {
        v.x = r.x + r.w + 4.0 - v.w;
    }
    if r.y < v.y {
        v.y = r.y - 4.0;
    } else if r.y + r.h > v.y + v.h {
        v.y = r.y + r.h + 4.0 - v.h;
    }
    if v != **vb {
        vb.set(v);
    }
}
