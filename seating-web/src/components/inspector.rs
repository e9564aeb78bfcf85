//! The selected seat: who sits there, why (the core's reason), what is wrong with it, and
//! buttons for the keyboard actions (move, lock, reserve, remove the instruction).

use std::rc::Rc;

use seating_core::Op;
use yew::prelude::*;

use super::instructions::{describe, op_name};
use crate::i18n::Lang;
use crate::planned::Planned;
use crate::services::clock;
use crate::state::{Action, Dispatch};

/// Props of the inspector.
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The active scenario.
    pub doc: Rc<seating_core::Scenario>,
    /// Its plan.
    pub planned: Rc<Planned>,
    /// The selected seat or place.
    pub selected: Option<Rc<str>>,
    /// The seat picked up with the keyboard.
    pub picked: Option<Rc<str>>,
    /// Interface language.
    pub lang: Lang,
    /// Whether hand moves are possible.
    pub editable: bool,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// The inspector.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let t = props.lang.texts();
    let planned = &props.planned;
    let Some(id) = props.selected.clone() else {
        return html! {
            <section class="panel inspector" id="inspector">
                <h2>{ t.seat_title }</h2>
                <p class="empty">{ t.seat_none }</p>
            </section>
        };
    };
    let (label, person, reason) = match planned.seat(&id) {
        Some(b) => (b.label.clone(), b.person.clone(), b.reason.clone()),
        None => match planned.by_id.get(&*id).and_then(|&i| planned.place_at(i)) {
            Some(p) => (p.label.clone(), p.person.clone(), p.reason.clone()),
            None => return html! {},
        },
    };
    let b = planned.seat(&id);
    let seat_str = id.to_string();
    let dispatch = props.dispatch.clone();
    let act = move |make: fn(String) -> Action| {
        let dispatch = dispatch.clone();
        let seat = seat_str.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(make(seat.clone())))
    };
    let pick = {
        let dispatch = props.dispatch.clone();
        let id = id.clone();
        let picked = props.picked.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if picked.as_deref() == Some(&*id) { None } else { Some(id.clone()) };
            dispatch.dispatch(Action::Pick(next));
        })
    };
    let instruction = planned.instruction_of(&id).and_then(|k| props.doc.instructions.get(k).map(|i| (k, i)));
    let locked = b.is_some_and(|b| {
        let pid = b.person.as_ref().map(|p| p.id.as_str());
        props.doc.instructions.iter().any(|i| {
            i.op == Op::Pin && i.seat.as_deref() == Some(&*id) && i.person.as_deref() == pid && pid.is_some()
        })
    });
    let diags = planned
        .plan
        .diagnostics
        .iter()
        .filter(|d| {
            d.seat.as_deref() == Some(&*id)
                || person.as_ref().is_some_and(|p| d.person.as_deref() == Some(&p.id))
        })
        .take(8);
    let flags = b.map(|b| {
        let mut f = Vec::new();
        if b.reserved {
            f.push(t.flag_reserved);
        }
        if b.blocked {
            f.push(t.flag_blocked);
        }
        if b.pinned {
            f.push(t.flag_pinned);
        }
        if locked {
            f.push(t.flag_locked);
        }
        if b.inverted {
            f.push(t.flag_inverted);
        }
        f
    });
    html! {
        <section class="panel inspector" id="inspector" aria-live="polite">
            <h2>{ t.seat_title }</h2>
            <div class="seat-label">{ label }<span class="seat-id">{ format!(" {id}") }</span></div>
            if let Some(p) = &person {
                <div class="person">
                    <span class="prec">{ format!("#{}", p.precedence) }</span>
                    <b class="name">{ p.name.clone() }</b>
                    <span class="post">{ p.post.clone() }</span>
                    <span class="unit">{ p.unit.clone() }</span>
                </div>
            } else {
                <div class="person empty">{ t.seat_empty }</div>
            }
            if let Some(flags) = flags {
                <div class="flags">{ for flags.into_iter().map(|f| html! { <span class="flag">{ f }</span> }) }</div>
            }
            if !reason.is_empty() {
                <div class="reason"><span class="k">{ t.reason }</span>{ reason }</div>
            }
            if let Some((k, ins)) = instruction {
                <div class="by-instruction">{ format!("{} {}：{}", op_name(t, ins.op), k + 1, describe(t, &props.doc, planned, ins)) }</div>
            }
            <div class="diags">{ for diags.map(|d| html! {
                <div class={classes!("diag", format!("{:?}", d.level).to_lowercase())}>{ d.message.clone() }</div>
            }) }</div>
            if props.editable && b.is_some() {
                <div class="seat-actions">
                    <button type="button" onclick={pick} disabled={person.is_none() && props.picked.is_none()}
                        title="Enter">{ if props.picked.is_some() { t.act_cancel_move } else { t.act_move } }</button>
                    <button type="button" onclick={act(|seat| Action::ToggleLock { seat, at: clock::now() })}
                        disabled={person.is_none()} title="L">{ if locked { t.act_unlock } else { t.act_lock } }</button>
                    <button type="button" onclick={act(|seat| Action::ToggleReserve { seat, at: clock::now() })}
                        title="R">{ if b.is_some_and(|b| b.reserved) { t.act_release } else { t.act_reserve } }</button>
                    <button type="button" onclick={act(|seat| Action::RemoveSeatInstruction { seat })}
                        disabled={instruction.is_none()} title="Delete">{ t.act_remove }</button>
                </div>
            }
        </section>
    }
}
