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
    words(t, i, |id| name_of(doc, id), |id| seat_label(planned, id))
}

/// [`describe`] with the look-ups given: a person's name and a seat's label by id.
fn words(t: &Texts, i: &Instruction, name: impl Fn(&str) -> String, seat: impl Fn(&str) -> String) -> String {
    let person = || i.person.as_deref().map(&name).unwrap_or_default();
    match i.op {
        Op::Pin => format!("{} → {}", person(), i.seat.as_deref().map(&seat).unwrap_or_default()),
        Op::Swap => {
            let p = i.people.as_deref().unwrap_or_default();
            let a = p.first().map(|x| name(x)).unwrap_or_default();
            let b = p.get(1).map(|x| name(x)).unwrap_or_default();
            format!("{a} ⇄ {b}")
        }
        Op::Move => format!(
            "{} {} {} {}",
            person(),
            t.move_after,
            i.after.as_deref().map(&name).unwrap_or_default(),
            t.move_after_end
        ),
        Op::Reserve => i.seat.as_deref().map(&seat).unwrap_or_default(),
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

/// Props of one instruction in the list.
#[derive(Properties, PartialEq)]
pub struct ItemProps {
    /// Index in `instructions`.
    pub index: usize,
    /// The instruction.
    pub ins: Instruction,
    /// What it does, in words.
    pub what: AttrValue,
    /// Why it could not be honoured (error diagnostics naming it).
    pub errors: Vec<String>,
    /// Rank inversions it causes.
    pub inversions: usize,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// One instruction: what it does, who asked and why (editable), what the plan says.
/// Memoised: a new hand edit does not redraw the others.
#[function_component(InstructionItem)]
pub fn instruction_item(props: &ItemProps) -> Html {
    let t = props.lang.texts();
    let (k, ins) = (props.index, &props.ins);
    let class = classes!(
        "instruction",
        format!("op-{}", ins.op.name()),
        (!props.errors.is_empty()).then_some("unhonoured"),
        (props.inversions > 0).then_some("inverts")
    );
    let select = {
        let dispatch = props.dispatch.clone();
        let target = match ins.op {
            Op::Pin | Op::Reserve => ins.seat.clone().map(Target::Seat),
            Op::Swap => ins.people.as_ref().and_then(|p| p.first()).cloned().map(Target::Person),
            Op::Move | Op::Exclude => ins.person.clone().map(Target::Person),
        };
        Callback::from(move |_: MouseEvent| match &target {
            Some(Target::Seat(s)) => dispatch.dispatch(Action::Select(Some(s.as_str().into()))),
            Some(Target::Person(p)) => dispatch.dispatch(Action::SelectPerson(p.clone())),
            None => {}
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
    let field = |name: &'static str| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            set_field(&dispatch, t, k, name, input.value());
        })
    };
    let what = props.what.clone();
    html! {
        <li class={class} tabindex="0" {onkeydown} data-index={k.to_string()}
            aria-label={format!("{} {}: {what}", op_name(t, ins.op), k + 1)}>
            <div class="instruction-head" onclick={select}>
                <span class="num">{ format!("{}.", k + 1) }</span>
                <span class="op">{ op_name(t, ins.op) }</span>
                <span class="what">{ what.clone() }</span>
                <button type="button" class="remove" onclick={on_remove} title={t.remove_instruction}
                    aria-label={t.remove_instruction}>{ "×" }</button>
            </div>
            <div class="instruction-fields">
                <label>{ t.by }<input type="text" class="by" value={ins.by.clone().unwrap_or_default()}
                    placeholder={t.by_placeholder} onchange={field("by")} /></label>
                <label>{ t.note }<input type="text" class="note" value={ins.note.clone().unwrap_or_default()}
                    placeholder={t.note_placeholder} onchange={field("note")} /></label>
            </div>
            if let Some(at) = &ins.at { <div class="at">{ at.clone() }</div> }
            <div class="diags">{ for props.errors.iter().map(|m| html! { <div class="diag error">{ crate::components::diagnostics::readable(m, props.lang) }</div> }) }</div>
            if props.inversions > 0 {
                <div class="diag warning">{ format!("{}{}", t.inversions_caused, props.inversions) }</div>
            }
        </li>
    }
}

enum Target {
    Seat(String),
    Person(String),
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
    // What the plan says about each instruction, in one pass over the diagnostics.
    let mut errors: Vec<Vec<String>> = vec![Vec::new(); doc.instructions.len()];
    let mut inversions = vec![0usize; doc.instructions.len()];
    for d in &planned.plan.diagnostics {
        let Some(k) = d.instruction.filter(|&k| k < errors.len()) else { continue };
        if d.level == Level::Error {
            errors[k].push(d.message.clone());
        }
        if d.code == "rank-inversion" {
            inversions[k] += 1;
        }
    }
    // Names of the people the instructions mention, in one pass over the roster.
    let mentioned: std::collections::HashSet<&str> = doc
        .instructions
        .iter()
        .flat_map(|i| i.person.iter().chain(i.after.iter()).chain(i.people.iter().flatten()))
        .map(String::as_str)
        .collect();
    let names: std::collections::HashMap<&str, &str> = doc
        .people
        .iter()
        .filter(|p| mentioned.contains(p.id.as_str()))
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let name = |id: &str| names.get(id).map_or_else(|| format!("?{id}"), |n| n.to_string());
    let seat = |id: &str| seat_label(planned, id);
    let items = doc
        .instructions
        .iter()
        .enumerate()
        .map(|(k, ins)| {
            let what = words(t, ins, name, seat);
            html! {
                <InstructionItem key={k} index={k} ins={ins.clone()} what={AttrValue::from(what)}
                    errors={std::mem::take(&mut errors[k])} inversions={inversions[k]} lang={props.lang}
                    dispatch={props.dispatch.clone()} />
            }
        })
        .collect::<Vec<_>>();
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
