//! The special instructions (按領導意見辦) panel: every instruction with who asked and why,
//! editable and removable (Delete on a focused item), with what the plan says about it
//! (not honoured, rank inversions it causes).

use std::rc::Rc;

use seating_core::{Instruction, Level, Op, Scenario};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Texts};
use crate::planned::Planned;
use crate::state::{Action, Dispatch};

/// Props of the panel.
#[derive(Properties, PartialEq)]
pub struct InstructionsProps {
    /// The active scenario.
    pub doc: Rc<Scenario>,
    /// Its plan.
    pub planned: Rc<Planned>,
    /// Default "who asked" for hand edits.
    pub who: Rc<str>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// "王晨" for a person id.
pub fn name_of(doc: &Scenario, id: &str) -> String {
    doc.people.iter().find(|p| p.id == id).map_or_else(|| format!("?{id}"), |p| p.name.clone())
}

fn seat_label(planned: &Planned, id: &str) -> String {
    planned.seat(id).map_or_else(|| id.to_string(), |b| b.label.clone())
}

/// What an instruction does, in words.
pub fn describe(t: &Texts, doc: &Scenario, planned: &Planned, i: &Instruction) -> String {
    let person = || i.person.as_deref().map(|p| name_of(doc, p)).unwrap_or_default();
    match i.op {
        Op::Pin => format!(
            "{} → {}",
            person(),
            i.seat.as_deref().map(|s| seat_label(planned, s)).unwrap_or_default()
        ),
        Op::Swap => {
            let p = i.people.as_deref().unwrap_or_default();
            let a = p.first().map(|x| name_of(doc, x)).unwrap_or_default();
            let b = p.get(1).map(|x| name_of(doc, x)).unwrap_or_default();
            format!("{a} ⇄ {b}")
        }
        Op::Move => format!(
            "{} {} {} {}",
            person(),
            t.move_after,
            i.after.as_deref().map(|p| name_of(doc, p)).unwrap_or_default(),
            t.move_after_end
        ),
        Op::Reserve => i.seat.as_deref().map(|s| seat_label(planned, s)).unwrap_or_default(),
        Op::Exclude => person(),
    }
}

/// The op's name.
pub fn op_name(t: &Texts, op: Op) -> &'static str {
    match op {
        Op::Pin => t.op_pin,
        Op::Swap => t.op_swap,
        Op::Move => t.op_move,
        Op::Reserve => t.op_reserve,
        Op::Exclude => t.op_exclude,
    }
}

/// The seat an instruction is about (for selecting it on the diagram).
fn seat_of(planned: &Planned, i: &Instruction) -> Option<Rc<str>> {
    let seat = match i.op {
        Op::Pin | Op::Reserve => i.seat.clone(),
        Op::Swap => {
            i.people.as_ref().and_then(|p| p.first()).and_then(|p| planned.seat_of(p).map(str::to_string))
        }
        Op::Move | Op::Exclude => i.person.as_ref().and_then(|p| planned.seat_of(p).map(str::to_string)),
    }?;
    planned.by_id.get_key_value(seat.as_str()).map(|(k, _)| k.clone())
}

fn set_field(dispatch: &Dispatch, t: &Texts, k: usize, field: &'static str, value: String) {
    let label = format!("{}{}", t.did_edit_instruction, k + 1);
    dispatch.dispatch(Action::Edit {
        label,
        edit: Box::new(move |s| {
            let Some(i) = s.instructions.get_mut(k) else { return Ok(()) };
            let v = (!value.trim().is_empty()).then(|| value.trim().to_string());
            match field {
                "by" => i.by = v,
                _ => i.note = v,
            }
            Ok(())
        }),
    });
}

fn remove(dispatch: &Dispatch, t: &Texts, k: usize) {
    dispatch.dispatch(Action::Edit {
        label: format!("{}{}", t.did_remove, k + 1),
        edit: Box::new(move |s| {
            if k < s.instructions.len() {
                s.instructions.remove(k);
            }
            Ok(())
        }),
    });
}

/// The panel.
#[function_component(Instructions)]
pub fn instructions(props: &InstructionsProps) -> Html {
    let t = props.lang.texts();
    let doc = &props.doc;
    let planned = &props.planned;
    let on_who = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetWho(input.value()));
        })
    };
    let items = doc.instructions.iter().enumerate().map(|(k, ins)| {
        let diags: Vec<_> = planned.plan.diagnostics.iter().filter(|d| d.instruction == Some(k)).collect();
        let errors: Vec<_> = diags.iter().filter(|d| d.level == Level::Error).collect();
        let inversions = diags.iter().filter(|d| d.code == "rank-inversion").count();
        let class = classes!(
            "instruction",
            format!("op-{}", ins.op.name()),
            (!errors.is_empty()).then_some("unhonoured"),
            (inversions > 0).then_some("inverts")
        );
        let select = {
            let dispatch = props.dispatch.clone();
            let seat = seat_of(planned, ins);
            Callback::from(move |_: MouseEvent| {
                if let Some(seat) = &seat {
                    dispatch.dispatch(Action::Select(Some(seat.clone())));
                }
            })
        };
        let onkeydown = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: KeyboardEvent| {
                // On the item itself, not in one of its text fields.
                let on_item = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.tag_name() == "LI");
                if on_item && (e.key() == "Delete" || e.key() == "Backspace") {
                    e.prevent_default();
                    remove(&dispatch, t, k);
                }
            })
        };
        let on_remove = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| remove(&dispatch, t, k))
        };
        let on_by = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                set_field(&dispatch, t, k, "by", input.value());
            })
        };
        let on_note = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                set_field(&dispatch, t, k, "note", input.value());
            })
        };
        let what = describe(t, doc, planned, ins);
        html! {
            <li class={class} tabindex="0" {onkeydown} data-index={k.to_string()}
                aria-label={format!("{} {}: {what}", op_name(t, ins.op), k + 1)}>
                <div class="instruction-head" onclick={select}>
                    <span class="op">{ op_name(t, ins.op) }</span>
                    <span class="what">{ what }</span>
                    <button type="button" class="remove" onclick={on_remove} title={t.remove_instruction}
                        aria-label={t.remove_instruction}>{ "×" }</button>
                </div>
                <div class="instruction-fields">
                    <label>{ t.by }<input type="text" class="by" value={ins.by.clone().unwrap_or_default()}
                        placeholder={t.by_placeholder} onchange={on_by} /></label>
                    <label>{ t.note }<input type="text" class="note" value={ins.note.clone().unwrap_or_default()}
                        placeholder={t.note_placeholder} onchange={on_note} /></label>
                </div>
                if let Some(at) = &ins.at { <div class="at">{ at.clone() }</div> }
                <div class="diags">{ for errors.iter().map(|d| html! { <div class="diag error">{ d.message.clone() }</div> }) }</div>
                if inversions > 0 {
                    <div class="diag warning">{ format!("{}{inversions}", t.inversions_caused) }</div>
                }
            </li>
        }
    });
    html! {
        <section class="panel instructions" aria-labelledby="instructions-title">
            <h2 id="instructions-title">{ t.instructions_title }{ format!("（{}）", doc.instructions.len()) }</h2>
            <label class="who">{ t.who_default }
                <input type="text" id="who" value={props.who.to_string()} placeholder={t.by_placeholder}
                    onchange={on_who} />
            </label>
            if doc.instructions.is_empty() {
                <p class="empty">{ t.no_instructions }</p>
            } else {
                <ol id="instruction-list">{ for items }</ol>
            }
        </section>
    }
}
