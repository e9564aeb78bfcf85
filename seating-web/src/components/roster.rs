//! The roster table: names, posts, units, ranks and sections, edited in place (a page of
//! rows at a time, with a filter), and the unit order (unit precedence).

use std::rc::Rc;

use seating_core::lineup::LineupStyle;
use seating_core::{Instruction, Op, Party, Person, Scenario, Section, Tiebreak, Unit};
use yew::prelude::*;

use crate::components::cell::{Accept, TextCell};
use crate::i18n::{Lang, Texts};
use crate::state::{from_json, Action, Dispatch};

/// Rows per page.
const PAGE: usize = 50;

/// With a roster this big, the first frame of the page shows this many rows; the rest of
/// the page of rows (below the fold) follows once that frame is painted.
const FIRST_FRAME_ROWS: usize = 20;
const BIG_ROSTER: usize = 500;

/// Props of the roster.
#[derive(Properties)]
pub struct RosterProps {
    /// The active scenario.
    pub doc: Rc<Scenario>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

impl PartialEq for RosterProps {
    /// The roster shows people, units and absences: a hand edit elsewhere does not redraw it.
    fn eq(&self, other: &Self) -> bool {
        let absent = |s: &Scenario| -> Vec<String> {
            s.instructions.iter().filter(|i| i.op == Op::Exclude).filter_map(|i| i.person.clone()).collect()
        };
        self.lang == other.lang
            && self.dispatch == other.dispatch
            && (Rc::ptr_eq(&self.doc, &other.doc)
                || (self.doc.people == other.doc.people
                    && self.doc.units == other.doc.units
                    && absent(&self.doc) == absent(&other.doc)
                    && shows_sides(&self.doc) == shows_sides(&other.doc)))
    }
}

fn edit(dispatch: &Dispatch, label: String, f: impl FnOnce(&mut Scenario) -> Result<(), String> + 'static) {
    dispatch.dispatch(Action::Edit { label, edit: Box::new(f) });
}

/// The unit id for a unit name, creating the unit when it is new.
fn unit_id(s: &mut Scenario, name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(u) = s.units.iter().find(|u| u.name == name) {
        return Some(u.id.clone());
    }
    let mut k = s.units.len() + 1;
    while s.units.iter().any(|u| u.id == format!("u{k}")) {
        k += 1;
    }
    let id = format!("u{k}");
    s.units.push(Unit { id: id.clone(), name: name.to_string() });
    Some(id)
}

/// Whether the roster shows the host/guest column: when an occasion or a line-up uses the
/// sides, or someone has one.
fn shows_sides(s: &Scenario) -> bool {
    !s.bilateral.is_empty()
        || s.lineups.iter().any(|l| l.style == LineupStyle::Foreign)
        || s.people.iter().any(|p| p.side.is_some())
}

/// The seniority dates (任職時間, 到單位時間) have columns when the ranking uses them or
/// someone has one.
fn shows_dates(s: &Scenario) -> bool {
    s.ranking.tiebreak.contains(&Tiebreak::Seniority)
        || s.people.iter().any(|p| p.appointed.is_some() || p.joined.is_some())
}

/// A rank cell's text as the roster stores it: `Some(None)` when empty, `None` if refused.
fn rank_cell(v: &str) -> Option<Option<i64>> {
    let v = v.trim();
    if v.is_empty() {
        Some(None)
    } else {
        seating_core::import::parse_rank(v).map(Some)
    }
}

/// A date cell's text as the roster stores it (2019.3, 2019年3月, … as `YYYY-MM-DD`):
/// `Some(None)` when empty, `None` if refused.
fn date_cell(v: &str) -> Option<Option<String>> {
    let v = v.trim();
    if v.is_empty() {
        Some(None)
    } else {
        seating_core::import::parse_date(v).map(Some)
    }
}

/// What the roster's edits take (they check again and say why not): a name, a rank, a date.
fn accept_name(v: &str) -> bool {
    !v.trim().is_empty()
}
fn accept_rank(v: &str) -> bool {
    rank_cell(v).is_some()
}
fn accept_date(v: &str) -> bool {
    date_cell(v).is_some()
}

fn refers_to(i: &Instruction, id: &str) -> bool {
    i.person.as_deref() == Some(id)
        || i.after.as_deref() == Some(id)
        || i.people.as_ref().is_some_and(|p| p.iter().any(|p| p == id))
}

/// The roster.
#[function_component(Roster)]
pub fn roster(props: &RosterProps) -> Html {
    let t = props.lang.texts();
    let page = use_state(|| 0usize);
    let filter = use_state(String::new);
    let doc = &props.doc;
    let needle = filter.trim().to_lowercase();
    let unit_name = |p: &Person| {
        p.unit
            .as_ref()
            .and_then(|u| doc.units.iter().find(|x| &x.id == u))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let rows: Vec<usize> = (0..doc.people.len())
        .filter(|&i| {
            if needle.is_empty() {
                return true;
            }
            let p = &doc.people[i];
            p.name.to_lowercase().contains(&needle)
                || p.post.as_deref().unwrap_or("").to_lowercase().contains(&needle)
                || unit_name(p).to_lowercase().contains(&needle)
        })
        .collect();
    let pages = rows.len().div_ceil(PAGE).max(1);
    let current = (*page).min(pages - 1);
    let excluded: std::collections::HashSet<&str> =
        doc.instructions.iter().filter(|i| i.op == Op::Exclude).filter_map(|i| i.person.as_deref()).collect();

    // The rows below the fold of a big roster wait for the first frame (they are a good part
    // of its style and layout work: each has six form controls).
    let all_rows = use_state(|| doc.people.len() <= BIG_ROSTER);
    {
        let all_rows = all_rows.clone();
        use_effect_with((), move |_| {
            if !*all_rows {
                crate::services::frame::after_paint(move || all_rows.set(true));
            }
        });
    }
    let shown = if *all_rows { PAGE } else { FIRST_FRAME_ROWS };
    let sides = shows_sides(doc);
    let dates = shows_dates(doc);
    let body = rows.iter().skip(current * PAGE).take(shown).map(|&i| {
        let p = &doc.people[i];
        let id = p.id.clone();
        let d = &props.dispatch;
        let text_cb = |field: &'static str| {
            let d = d.clone();
            let name = p.name.clone();
            Callback::from(move |v: String| {
                let label = format!("{}{name}", t.did_edit_person);
                edit(&d, label, move |s| {
                    match field {
                        "name" => {
                            if v.trim().is_empty() {
                                return Err(t.name_required.to_string());
                            }
                            s.people[i].name = v.trim().to_string();
                        }
                        "post" => s.people[i].post = (!v.trim().is_empty()).then(|| v.trim().to_string()),
                        "unit" => {
                            let u = unit_id(s, &v);
                            s.people[i].unit = u;
                        }
                        // A date as a roster writes it (2019.3, 2019年3月, …), kept as
                        // `YYYY-MM-DD`; empty for none.
                        "appointed" | "joined" => {
                            let date = date_cell(&v).ok_or_else(|| format!("{}{}", t.bad_date, v.trim()))?;
                            if field == "appointed" {
                                s.people[i].appointed = date;
                            } else {
                                s.people[i].joined = date;
                            }
                        }
                        _ => {
                            s.people[i].rank = rank_cell(&v).ok_or_else(|| format!("{}{}", t.bad_rank, v.trim()))?;
                        }
                    }
                    Ok(())
                });
            })
        };
        let on_section = {
            let d = d.clone();
            let name = p.name.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let section = if select.value() == "podium" { Section::Podium } else { Section::Hall };
                edit(&d, format!("{}{name}", t.did_edit_person), move |s| {
                    s.people[i].section = section;
                    Ok(())
                });
            })
        };
        let on_side = {
            let d = d.clone();
            let name = p.name.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let side = match select.value().as_str() {
                    "host" => Some(Party::Host),
                    "guest" => Some(Party::Guest),
                    _ => None,
                };
                edit(&d, format!("{}{name}", t.did_edit_person), move |s| {
                    s.people[i].side = side;
                    Ok(())
                });
            })
        };
        let on_absent = {
            let d = d.clone();
            let id = id.clone();
            Callback::from(move |_: Event| {
                d.dispatch(Action::ToggleAbsent { person: id.to_string(), at: crate::services::clock::now() })
            })
        };
        let on_delete = {
            let d = d.clone();
            let name = p.name.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                let id = id.clone();
                edit(&d, format!("{}{name}", t.did_delete_person), move |s| {
                    s.people.retain(|p| p.id != id);
                    s.instructions.retain(|x| !refers_to(x, &id));
                    Ok(())
                });
            })
        };
        let absent = excluded.contains(id.as_str());
        html! {
            <tr key={id.clone()} data-person={id.clone()} class={classes!(absent.then_some("absent"))}>
                <td class="no">{ i + 1 }</td>
                <td><TextCell class="name" value={p.name.clone()} accept={Accept(accept_name)}
                    onchange={text_cb("name")} label={t.field_name} /></td>
                <td><TextCell class="post" value={p.post.clone().unwrap_or_default()} onchange={text_cb("post")}
                    label={t.field_post} /></td>
                <td><TextCell class="unit" list="unit-names" value={unit_name(p)} onchange={text_cb("unit")}
                    label={t.field_unit} /></td>
                <td><TextCell class="rank" number=true value={p.rank.map(|r| r.to_string()).unwrap_or_default()}
                    accept={Accept(accept_rank)} onchange={text_cb("rank")} label={t.field_rank} /></td>
                <td><select class="section" key={if p.section == Section::Podium { "podium" } else { "hall" }}
                    onchange={on_section} aria-label={t.field_section}>
                    <option value="podium" selected={p.section == Section::Podium}>{ t.section_podium }</option>
                    <option value="hall" selected={p.section == Section::Hall}>{ t.section_hall }</option>
                </select></td>
                if sides {
                    <td><select class="side" key={p.side.map_or("", Party::name)} onchange={on_side} aria-label={t.field_side}>
                        <option value="" selected={p.side.is_none()}>{ t.side_none }</option>
                        <option value="host" selected={p.side == Some(Party::Host)}>{ t.side_host }</option>
                        <option value="guest" selected={p.side == Some(Party::Guest)}>{ t.side_guest }</option>
                    </select></td>
                }
                if dates {
                    <td><TextCell class="appointed" value={p.appointed.clone().unwrap_or_default()}
                        placeholder="2019-03-01" accept={Accept(accept_date)}
                        onchange={text_cb("appointed")} label={t.field_appointed} /></td>
                    <td><TextCell class="joined" value={p.joined.clone().unwrap_or_default()}
                        placeholder="2019-03-01" accept={Accept(accept_date)}
                        onchange={text_cb("joined")} label={t.field_joined} /></td>
                }
                <td><input type="checkbox" class="absent" checked={absent} onchange={on_absent}
                    aria-label={t.absent} title={t.absent} /></td>
                <td><button type="button" class="remove" onclick={on_delete} title={t.delete_person}
                    aria-label={t.delete_person}>{ "×" }</button></td>
            </tr>
        }
    });

    let on_filter = {
        let filter = filter.clone();
        let page = page.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let on_add = {
        let d = props.dispatch.clone();
        let page = page.clone();
        let last_page = doc.people.len() / PAGE;
        Callback::from(move |_: MouseEvent| {
            edit(&d, t.did_add_person.to_string(), |s| {
                let mut k = s.people.len() + 1;
                while s.people.iter().any(|p| p.id == format!("p{k}")) {
                    k += 1;
                }
                s.people.push(from_json(
                    serde_json::json!({ "id": format!("p{k}"), "name": format!("{}{k}", t.new_person) }),
                ));

                Ok(())
            });
            page.set(last_page);
        })
    };

    html! {
        <section class="panel roster" aria-labelledby="roster-title">
            <h2 id="roster-title">{ t.roster_title }{ format!("（{}）", doc.people.len()) }</h2>
            <div class="roster-tools">
                <input type="search" id="roster-filter" placeholder={t.filter} value={(*filter).clone()}
                    oninput={on_filter} aria-label={t.filter} />
                <button type="button" id="add-person" onclick={on_add}>{ t.add_person }</button>
            </div>
            <datalist id="unit-names">
                { for doc.units.iter().map(|u| html! { <option value={u.name.clone()} /> }) }
            </datalist>
            <div class="table-scroll">
                <table class={classes!("roster-table", dates.then_some("with-dates"))} id="roster-table">
                    <colgroup>
                        <col class="no" /><col class="name" /><col class="post" /><col class="unit" />
                        <col class="rank" /><col class="section" />
                        if sides { <col class="side" /> }
                        if dates { <col class="date" /><col class="date" /> }
                        <col class="absent" /><col class="remove" />
                    </colgroup>
                    <thead><tr>
                        <th>{ "#" }</th><th>{ t.field_name }</th><th>{ t.field_post }</th><th>{ t.field_unit }</th>
                        <th>{ t.field_rank }</th><th>{ t.field_section }</th>
                        if sides { <th>{ t.field_side }</th> }
                        if dates { <th>{ t.field_appointed }</th><th>{ t.field_joined }</th> }
                        <th>{ t.absent }</th><th></th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if pages > 1 {
                <div class="pager">
                    <button type="button" disabled={current == 0} onclick={go(current.saturating_sub(1))}>{ "‹" }</button>
                    <span>{ format!("{} / {pages}", current + 1) }</span>
                    <button type="button" disabled={current + 1 >= pages} onclick={go(current + 1)}>{ "›" }</button>
                </div>
            }
            <Units doc={props.doc.clone()} lang={props.lang} dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// The unit order: unit precedence in the hall, top first.
#[function_component(Units)]
fn units(props: &RosterProps) -> Html {
    let t: &'static Texts = props.lang.texts();
    let doc = &props.doc;
    if doc.units.is_empty() {
        return html! {};
    }
    let n = doc.units.len();
    let items = doc.units.iter().enumerate().map(|(k, u)| {
        let members = doc.people.iter().filter(|p| p.unit.as_deref() == Some(u.id.as_str())).count();
        let mv = |to: usize| {
            let d = props.dispatch.clone();
            let name = u.name.clone();
            Callback::from(move |_: MouseEvent| {
                edit(&d, format!("{}{name}", t.did_move_unit), move |s| {
                    let unit = s.units.remove(k);
                    s.units.insert(to.min(s.units.len()), unit);
                    Ok(())
                });
            })
        };
        let on_rename = {
            let d = props.dispatch.clone();
            Callback::from(move |v: String| {
                let v = v.trim().to_string();
                edit(&d, format!("{}{v}", t.did_rename_unit), move |s| {
                    if v.is_empty() {
                        return Err(t.name_required.to_string());
                    }
                    if s.units.iter().enumerate().any(|(j, u)| j != k && u.name == v) {
                        return Err(format!("{}{v}", t.unit_exists));
                    }
                    s.units[k].name = v;
                    Ok(())
                });
            })
        };
        html! {
            <li key={u.id.clone()}>
                <span class="swatch" style={format!("background:{};border-color:{}",
                    seating_core::layout::UNIT_FILLS[k % 12], seating_core::layout::UNIT_STROKES[k % 12])} />
                <TextCell class="unit-name" value={u.name.clone()} accept={Accept(accept_name)} onchange={on_rename}
                    label={t.field_unit} />
                <span class="members">{ members }</span>
                <button type="button" disabled={k == 0} onclick={mv(k.saturating_sub(1))} title={t.move_up}
                    aria-label={t.move_up}>{ "↑" }</button>
                <button type="button" disabled={k + 1 >= n} onclick={mv(k + 1)} title={t.move_down}
                    aria-label={t.move_down}>{ "↓" }</button>
            </li>
        }
    });
    html! {
        <div class="units">
            <h3>{ t.units_title }</h3>
            <p class="help">{ t.units_help }</p>
            <ol class="unit-list">{ for items }</ol>
        </div>
    }
}
