//! The venue and the conventions: meeting header, podium rows, hall rows/seats/aisles,
//! banquet tables and line-ups; honour side, even-row rule, hall method, numbering — each
//! with a one-line explanation. Every change re-plans, so the diagram follows live.

use std::rc::Rc;

use seating_core::banquet::{TableLayout, TableOrder};
use seating_core::bilateral::{BilateralKind, InterpreterPlace, TalksTable};
use seating_core::layout::Part;
use seating_core::{HallSpec, PodiumSpec, Scenario};
use serde::de::DeserializeOwned;
use serde::Serialize;
use yew::prelude::*;

use crate::i18n::{Lang, Texts};
use crate::state::{from_json, new_scenario, Action, Dispatch};

/// Props of the venue panel.
#[derive(Properties, PartialEq)]
pub struct VenueProps {
    /// The active scenario.
    pub doc: Rc<Scenario>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// `"7, 9"` → `[7, 9]` (commas, full-width commas or spaces).
pub fn numbers(s: &str) -> Result<Vec<u32>, String> {
    s.split([',', '，', ' ', '、', ';'])
        .filter(|x| !x.trim().is_empty())
        .map(|x| x.trim().parse::<u32>().map_err(|_| format!("{x:?}")))
        .collect()
}

/// The name a new occasion of `kind` gets (in Traditional characters, for `Script::words`).
fn occasion_name(kind: BilateralKind) -> &'static str {
    match kind {
        BilateralKind::Talks => "會談",
        BilateralKind::Signing => "簽字儀式",
        BilateralKind::SideBySide => "會見",
    }
}

/// Person ids as the names they stand for, comma-separated (an unknown id as itself).
fn names_of(s: &Scenario, ids: &[String]) -> String {
    ids.iter()
        .map(|id| s.people.iter().find(|p| &p.id == id).map_or(id.as_str(), |p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join("，")
}

/// Names (or ids), comma-separated, as person ids; an error names the first unknown one.
fn ids_of(s: &Scenario, text: &str) -> Result<Vec<String>, String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| {
            s.people
                .iter()
                .find(|p| p.name == x)
                .or_else(|| s.people.iter().find(|p| p.id == x))
                .map(|p| p.id.clone())
                .ok_or_else(|| format!("{}{x}", s.meeting.script.words("名單中沒有此人：")))
        })
        .collect()
}

fn list(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

/// An enum's name in the file format (`"centre-out"`). Through JSON text, whose writer and
/// reader of these enums the WASM has already (a `Value` one would be a second copy).
fn code<T: Serialize>(v: &T) -> String {
    let text = serde_json::to_string(v).unwrap_or_default();
    serde_json::from_str::<String>(&text).unwrap_or_default()
}

fn from_code<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_str(&serde_json::Value::String(s.to_string()).to_string()).ok()
}

fn edit(d: &Dispatch, t: &'static Texts, f: impl FnOnce(&mut Scenario) -> Result<(), String> + 'static) {
    d.dispatch(Action::Edit { label: t.did_venue.to_string(), edit: Box::new(f) });
}

/// A text field that edits the scenario on change. `f` gets `k`, the index of the list item
/// the field belongs to (the host–guest occasion being edited; 0 elsewhere).
#[allow(clippy::too_many_arguments)]
fn field(
    d: &Dispatch,
    t: &'static Texts,
    id: &'static str,
    label: &'static str,
    value: String,
    k: usize,
    f: fn(&mut Scenario, usize, &str) -> Result<(), String>,
) -> Html {
    let d = d.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let v = input.value();
        edit(&d, t, move |s| f(s, k, &v));
    });
    html! { <label>{ label }<input type="text" id={id} value={value} {onchange} /></label> }
}

/// A select over an enum with a one-line explanation of the current choice; `set` gets `k`
/// as [`field`]'s `f` does.
#[allow(clippy::too_many_arguments)]
fn choice<T: Serialize + DeserializeOwned + PartialEq + Copy + 'static>(
    d: &Dispatch,
    t: &'static Texts,
    id: &'static str,
    label: &'static str,
    current: T,
    options: &[(T, &'static str, &'static str)],
    k: usize,
    set: fn(&mut Scenario, usize, T),
) -> Html {
    let d = d.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(v) = from_code::<T>(&select.value()) {
            edit(&d, t, move |s| {
                set(s, k, v);
                Ok(())
            });
        }
    });
    let explain = options.iter().find(|o| o.0 == current).map(|o| o.2).unwrap_or_default();
    html! {
        <div class="choice">
            <label>{ label }
                // Keyed by the value: a select the user has changed no longer follows its options'
                // `selected` attributes, so an undo or another item's value makes a new one.
                <select id={id} key={code(&current)} {onchange}>
                    { for options.iter().map(|(v, name, _)| html! {
                        <option value={code(v)} selected={*v == current}>{ *name }</option>
                    }) }
                </select>
            </label>
            <p class="explain">{ explain }</p>
        </div>
    }
}

/// A new photo line-up (every podium person, 11 a row), as the section's check box makes.
fn add_lineup(s: &mut Scenario) {
    let name = s.meeting.script.word(if s.lineups.is_empty() { "合影" } else { "站位" });
    s.lineups.push(from_json(serde_json::json!({ "name": name, "per_row": 11, "section": "podium" })));
}

fn remove_lineup(s: &mut Scenario, j: usize) {
    if j < s.lineups.len() {
        s.lineups.remove(j);
    }
}

/// A new talks occasion, as the section's check box makes.
fn add_occasion(s: &mut Scenario) {
    let name = s.meeting.script.word(occasion_name(BilateralKind::Talks));
    s.bilateral.push(from_json(serde_json::json!({ "name": name })));
}

fn remove_occasion(s: &mut Scenario, k: usize) {
    if k < s.bilateral.len() {
        s.bilateral.remove(k);
    }
}

/// Which item of a list (line-ups, host–guest occasions) the panel edits, and buttons to add
/// one and to remove the one shown; the last one goes with the section's check box. Ids are
/// `{id}-pick`, `{id}-add`, `{id}-remove`. Picking or adding an item shows its chart
/// (`part` of its index), so what is edited is what is seen.
#[allow(clippy::too_many_arguments)]
fn picker<'a>(
    d: &Dispatch,
    t: &'static Texts,
    id: &'static str,
    names: impl Iterator<Item = &'a str>,
    k: usize,
    current: &UseStateHandle<usize>,
    add: fn(&mut Scenario),
    remove: fn(&mut Scenario, usize),
    part: fn(usize) -> Part,
) -> Html {
    let names: Vec<&str> = names.collect();
    let n = names.len();
    let onchange = {
        let (d, current) = (d.clone(), current.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse::<usize>() {
                current.set(i);
                d.dispatch(Action::SetPart(part(i)));
            }
        })
    };
    let on_add = {
        let (d, current) = (d.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            edit(&d, t, move |s| {
                add(s);
                Ok(())
            });
            current.set(n);
            d.dispatch(Action::SetPart(part(n)));
        })
    };
    let on_remove = {
        let (d, current) = (d.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            edit(&d, t, move |s| {
                remove(s, k);
                Ok(())
            });
            current.set(k.saturating_sub(1));
        })
    };
    html! {
        <div class="list-pick">
            if n > 1 {
                <label>{ t.list_edit }
                    <select id={format!("{id}-pick")} key={k.to_string()} {onchange}>
                        { for names.iter().enumerate().map(|(i, name)| html! {
                            <option value={i.to_string()} selected={i == k}>{ format!("{}. {name}", i + 1) }</option>
                        }) }
                    </select>
                </label>
            }
            <button type="button" id={format!("{id}-add")} onclick={on_add}>{ t.list_add }</button>
            if n > 1 {
                <button type="button" id={format!("{id}-remove")} onclick={on_remove}>{ t.list_remove }</button>
            }
        </div>
    }
}

/// The panel.
#[function_component(Venue)]
pub fn venue(props: &VenueProps) -> Html {
    let t = props.lang.texts();
    let d = &props.dispatch;
    let s = &props.doc;
    let c = &s.convention;

    // A check box; `f` gets `k` as [`field`]'s does.
    let toggle = |id: &'static str,
                  label: &'static str,
                  on: bool,
                  k: usize,
                  f: fn(&mut Scenario, usize, bool)| {
        let d = d.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = input.checked();
            edit(&d, t, move |s| {
                f(s, k, v);
                Ok(())
            });
        });
        html! { <label class="check"><input type="checkbox" id={id} checked={on} {onchange} />{ label }</label> }
    };

    // The line-up and the host–guest occasion the panel edits (a scenario may have several).
    let lineup = use_state(|| 0usize);
    let j = (*lineup).min(s.lineups.len().saturating_sub(1));
    let occasion = use_state(|| 0usize);
    let k = (*occasion).min(s.bilateral.len().saturating_sub(1));

    let podium = s.podium.as_ref();
    let hall = s.hall.as_ref();
    let banquet = s.banquet.as_ref();

    html! {
        <section class="panel venue" aria-labelledby="venue-title">
            <h2 id="venue-title">{ t.venue_title }</h2>
            <fieldset>
                <legend>{ t.meeting }</legend>
                { field(d, t, "meeting-title", t.meeting_title, s.meeting.title.clone(), 0, |s, _, v| { s.meeting.title = v.trim().into(); Ok(()) }) }
                <div class="form-grid">
                    { field(d, t, "meeting-date", t.meeting_date, s.meeting.date.clone(), 0, |s, _, v| { s.meeting.date = v.trim().into(); Ok(()) }) }
                    { field(d, t, "meeting-place", t.meeting_place, s.meeting.place.clone(), 0, |s, _, v| { s.meeting.place = v.trim().into(); Ok(()) }) }
                </div>
                { choice(d, t, "script", t.script, s.meeting.script, &[
                    (seating_core::Script::Simplified, t.script_simplified, t.script_simplified_explain),
                    (seating_core::Script::Traditional, t.script_traditional, t.script_traditional_explain),
                ], 0, |s, _, v| s.meeting.script = v) }
            </fieldset>
            <fieldset>
                <legend>{ toggle("podium-on", t.podium, podium.is_some(), 0, |s, _, on| {
                    s.podium = on.then(|| new_scenario().podium.expect("default podium"));
                }) }</legend>
                if let Some(p) = podium {
                    { field(d, t, "podium-rows", t.podium_rows, list(&p.rows), 0, |s, _, v| {
                        let rows = numbers(v).map_err(|e| format!("podium.rows: {e}"))?;
                        let shrink = s.podium.as_ref().is_some_and(|p| p.shrink);
                        s.podium = Some(PodiumSpec { rows, shrink });
                        Ok(())
                    }) }
                    <p class="explain">{ t.podium_rows_explain }</p>
                    { toggle("podium-shrink", t.podium_shrink, p.shrink, 0, |s, _, on| {
                        if let Some(p) = &mut s.podium { p.shrink = on; }
                    }) }
                    { choice(d, t, "honour", t.honour, c.honour, &[
                        (seating_core::Side::Left, t.honour_left, t.honour_left_explain),
                        (seating_core::Side::Right, t.honour_right, t.honour_right_explain),
                    ], 0, |s, _, v| s.convention.honour = v) }
                    { choice(d, t, "even", t.even, c.even, &[
                        (seating_core::EvenRule::Pair, t.even_pair, t.even_pair_explain),
                        (seating_core::EvenRule::FirstOnHonourSide, t.even_first, t.even_first_explain),
                        (seating_core::EvenRule::Axis, t.even_axis, t.even_axis_explain),
                    ], 0, |s, _, v| s.convention.even = v) }
                }
            </fieldset>
            <fieldset>
                <legend>{ toggle("hall-on", t.hall, hall.is_some(), 0, |s, _, on| {
                    s.hall = on.then(|| new_scenario().hall.expect("default hall"));
                }) }</legend>
                if let Some(h) = hall {
                    <div class="form-grid three">
                        { field(d, t, "hall-rows", t.hall_rows, h.rows.to_string(), 0, |s, _, v| {
                            let rows = v.trim().parse::<u32>().map_err(|_| format!("hall.rows: {v:?}"))?;
                            let h = s.hall.as_mut().ok_or("hall")?;
                            h.rows = rows;
                            h.row_seats.clear();
                            h.floors.clear();
                            Ok(())
                        }) }
                        { field(d, t, "hall-seats", t.hall_seats, h.seats.to_string(), 0, |s, _, v| {
                            let seats = v.trim().parse::<u32>().map_err(|_| format!("hall.seats: {v:?}"))?;
                            let h: &mut HallSpec = s.hall.as_mut().ok_or("hall")?;
                            h.seats = seats;
                            h.aisles.retain(|&a| a < seats);
                            h.row_seats.clear();
                            Ok(())
                        }) }
                        { field(d, t, "hall-aisles", t.hall_aisles, list(&h.aisles), 0, |s, _, v| {
                            let aisles = numbers(v).map_err(|e| format!("hall.aisles: {e}"))?;
                            s.hall.as_mut().ok_or("hall")?.aisles = aisles;
                            Ok(())
                        }) }
                    </div>
                    <p class="explain">{ t.hall_explain }</p>
                    { choice(d, t, "hall-method", t.hall_method, c.hall_method, &[
                        (seating_core::HallMethod::Rows, t.method_rows, t.method_rows_explain),
                        (seating_core::HallMethod::Columns, t.method_columns, t.method_columns_explain),
                        (seating_core::HallMethod::CentreOut, t.method_centre, t.method_centre_explain),
                    ], 0, |s, _, v| s.convention.hall_method = v) }
                    if c.hall_method == seating_core::HallMethod::Columns {
                        { choice(d, t, "column-blocks", t.column_blocks, c.column_blocks, &[
                            (seating_core::BlockOrder::LeftToRight, t.blocks_ltr, t.blocks_ltr_explain),
                            (seating_core::BlockOrder::CentreOut, t.blocks_centre, t.blocks_centre_explain),
                        ], 0, |s, _, v| s.convention.column_blocks = v) }
                    }
                    { choice(d, t, "numbering", t.numbering, c.numbering, &[
                        (seating_core::Numbering::Sequential, t.numbering_seq, t.numbering_seq_explain),
                        (seating_core::Numbering::OddEven, t.numbering_oddeven, t.numbering_oddeven_explain),
                    ], 0, |s, _, v| s.convention.numbering = v) }
                    if c.numbering == seating_core::Numbering::OddEven {
                        { choice(d, t, "odd-side", t.odd_side, c.odd_side, &[
                            (seating_core::Side::Right, t.odd_right, t.odd_right_explain),
                            (seating_core::Side::Left, t.odd_left, t.odd_left_explain),
                        ], 0, |s, _, v| s.convention.odd_side = v) }
                    }
                }
            </fieldset>
            <fieldset>
                <legend>{ toggle("banquet-on", t.banquet, banquet.is_some(), 0, |s, _, on| {
                    s.banquet = on.then(|| from_json(serde_json::json!({ "tables": 5, "seats": 10 })));

                }) }</legend>
                if let Some(b) = banquet {
                    <div class="form-grid">
                        { field(d, t, "banquet-tables", t.banquet_tables, b.tables.to_string(), 0, |s, _, v| {
                            let n = v.trim().parse::<u32>().map_err(|_| format!("banquet.tables: {v:?}"))?;
                            let b = s.banquet.as_mut().ok_or("banquet")?;
                            b.tables = n;
                            b.rows.clear();
                            Ok(())
                        }) }
                        { field(d, t, "banquet-seats", t.banquet_seats, b.seats.to_string(), 0, |s, _, v| {
                            let n = v.trim().parse::<u32>().map_err(|_| format!("banquet.seats: {v:?}"))?;
                            s.banquet.as_mut().ok_or("banquet")?.seats = n;
                            Ok(())
                        }) }
                    </div>
                    { choice(d, t, "banquet-order", t.banquet_order, b.order, &[
                        (TableOrder::RightSuperior, t.order_right, t.order_right_explain),
                        (TableOrder::LeftSuperior, t.order_left, t.order_left_explain),
                    ], 0, |s, _, v| if let Some(b) = &mut s.banquet { b.order = v }) }
                    { choice(d, t, "banquet-layout", t.banquet_layout, b.layout, &[
                        (TableLayout::TwoHost, t.layout_two_host, t.layout_two_host_explain),
                        (TableLayout::SingleCentre, t.layout_single, t.layout_single_explain),
                    ], 0, |s, _, v| if let Some(b) = &mut s.banquet { b.layout = v }) }
                }
            </fieldset>
            <fieldset>
                <legend>{ toggle("lineup-on", t.lineup, !s.lineups.is_empty(), 0, |s, _, on| {
                    s.lineups.clear();
                    if on {
                        add_lineup(s);
                    }
                }) }</legend>
                if let Some(l) = s.lineups.get(j) {
                    { picker(d, t, "lineup", s.lineups.iter().map(|l| l.name.as_str()), j, &lineup, add_lineup, remove_lineup, Part::Lineup) }
                    { field(d, t, "lineup-name", t.bilateral_name, l.name.clone(), j, |s, j, v| {
                        s.lineups.get_mut(j).ok_or("lineups")?.name = v.trim().to_string();
                        Ok(())
                    }) }
                    { field(d, t, "lineup-per-row", t.lineup_per_row, l.per_row.map(|n| n.to_string()).unwrap_or_default(), j, |s, j, v| {
                        let n = v.trim().parse::<u32>().map_err(|_| format!("lineups[{j}].per_row: {v:?}"))?;
                        s.lineups.get_mut(j).ok_or("lineups")?.per_row = Some(n);
                        Ok(())
                    }) }
                    { toggle("lineup-podium", t.lineup_podium_only, l.section == Some(seating_core::Section::Podium), j, |s, j, on| {
                        if let Some(l) = s.lineups.get_mut(j) {
                            l.section = on.then_some(seating_core::Section::Podium);
                        }
                    }) }
                    <p class="explain">{ t.lineup_explain }</p>
                }
            </fieldset>
            <fieldset>
                <legend>{ toggle("bilateral-on", t.bilateral, !s.bilateral.is_empty(), 0, |s, _, on| {
                    s.bilateral.clear();
                    if on {
                        add_occasion(s);
                    }
                }) }</legend>
                if let Some(b) = s.bilateral.get(k) {
                    <p class="explain">{ t.bilateral_explain }</p>
                    { picker(d, t, "bilateral", s.bilateral.iter().map(|b| b.name.as_str()), k, &occasion, add_occasion, remove_occasion, Part::Bilateral) }
                    { field(d, t, "bilateral-name", t.bilateral_name, b.name.clone(), k, |s, k, v| {
                        s.bilateral.get_mut(k).ok_or("bilateral")?.name = v.trim().to_string();
                        Ok(())
                    }) }
                    { choice(d, t, "bilateral-kind", t.bilateral_kind, b.kind, &[
                        (BilateralKind::Talks, t.kind_talks, t.kind_talks_explain),
                        (BilateralKind::Signing, t.kind_signing, t.kind_signing_explain),
                        (BilateralKind::SideBySide, t.kind_side, t.kind_side_explain),
                    ], k, |s, k, v| {
                        let script = s.meeting.script;
                        if let Some(b) = s.bilateral.get_mut(k) {
                            // A name still the old kind's default follows the kind.
                            if b.name == script.words(occasion_name(b.kind)) {
                                b.name = script.word(occasion_name(v));
                            }
                            b.kind = v;
                            if v != BilateralKind::Signing {
                                b.assistants.clear();
                            }
                        }
                    }) }
                    if b.kind == BilateralKind::Talks {
                        { choice(d, t, "bilateral-table", t.talks_table, b.table, &[
                            (TalksTable::FacingDoor, t.table_facing, t.table_facing_explain),
                            (TalksTable::EndOn, t.table_end_on, t.table_end_on_explain),
                        ], k, |s, k, v| if let Some(b) = s.bilateral.get_mut(k) { b.table = v }) }
                        { choice(d, t, "bilateral-interpreter", t.interpreter_seat, b.interpreter, &[
                            (InterpreterPlace::Right, t.interp_right, t.interp_right_explain),
                            (InterpreterPlace::Behind, t.interp_behind, t.interp_behind_explain),
                        ], k, |s, k, v| if let Some(b) = s.bilateral.get_mut(k) { b.interpreter = v }) }
                    }
                    { field(d, t, "bilateral-interpreters", t.interpreters, names_of(s, &b.interpreters), k, |s, k, v| {
                        let ids = ids_of(s, v)?;
                        s.bilateral.get_mut(k).ok_or("bilateral")?.interpreters = ids;
                        Ok(())
                    }) }
                    if b.kind == BilateralKind::Signing {
                        { field(d, t, "bilateral-assistants", t.assistants, names_of(s, &b.assistants), k, |s, k, v| {
                            let ids = ids_of(s, v)?;
                            s.bilateral.get_mut(k).ok_or("bilateral")?.assistants = ids;
                            Ok(())
                        }) }
                        { field(d, t, "bilateral-per-row", t.signing_per_row, b.per_row.map(|n| n.to_string()).unwrap_or_default(), k, |s, k, v| {
                            let v = v.trim();
                            let n = if v.is_empty() {
                                None
                            } else {
                                Some(v.parse::<u32>().ok().filter(|&n| n > 0).ok_or_else(|| format!("bilateral[{k}].per_row: {v:?}"))?)
                            };
                            s.bilateral.get_mut(k).ok_or("bilateral")?.per_row = n;
                            Ok(())
                        }) }
                    }
                }
            </fieldset>
        </section>
    }
}
