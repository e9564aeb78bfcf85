//! A table cell that reads as text and edits in place, as a spreadsheet's cells do.
//!
//! The roster shows some 200 text fields and the unit list up to a hundred more. A text
//! `<input>` is a scroll container in Chromium, and every scroll container is a node the
//! browser updates and re-layerizes on every frame, also on the frames of a drag in the
//! chart: the fields alone were about 3 ms of each drop frame (BENCHMARKS.md). A
//! [`TextCell`] is a focusable `<span>` until it is focused (by a click or by Tab), then an
//! `<input>` with the text selected; it commits on change (leaving the field) as the input
//! did. Enter commits and goes on to the same column of the next row (Shift+Enter: the row
//! before), as a spreadsheet does; a value the cell knows will be refused (`accept`) keeps
//! the cell open instead, and so does the last row. Escape puts the stored value back and
//! leaves the cell focused; Enter, F2 or a click on a focused cell edits it again. Enter
//! that confirms an input method's composition (拼音) is the input method's.
//!
//! While it is edited the input is not driven by the `value` prop on every redraw (yew
//! would write the prop over what is being typed whenever anything redraws the roster, such
//! as a save from another tab): the stored value is written into it when editing starts and
//! when the stored value itself changes.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// A check of typed values for a [`TextCell`]. A cell keeps its check for good, so as props
/// two are equal (a function pointer's address says nothing about its identity).
#[derive(Clone, Copy)]
pub struct Accept(pub fn(&str) -> bool);

impl PartialEq for Accept {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Props of a [`TextCell`].
#[derive(Properties, PartialEq)]
pub struct TextCellProps {
    /// The value as the scenario has it.
    pub value: AttrValue,
    /// The field's class (`name`, `post`, …), on the text and on the input.
    pub class: &'static str,
    /// The field's accessible name.
    pub label: &'static str,
    /// Shown, greyed, when the value is empty (hidden from screen readers, which are given
    /// it as `aria-placeholder`).
    #[prop_or_default]
    pub placeholder: Option<&'static str>,
    /// A number: the input asks for a numeric keyboard. It stays a text input, so that what
    /// was typed (`1e`, `1-2`) reaches the edit to be refused with a reason; a number input
    /// hands over an empty value for it, which would clear the field.
    #[prop_or_default]
    pub number: bool,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<&'static str>,
    /// Whether a typed value will be taken (the edit checks it again and says why not):
    /// Enter leaves a cell only for a value it takes.
    #[prop_or_default]
    pub accept: Option<Accept>,
    /// The typed value, when it changed. The input shows the stored value again until the
    /// edit, if accepted, redraws it: a refused value is not left standing as if taken.
    pub onchange: Callback<String>,
}

/// The cell of `class` in the row (`<tr>` or `<li>`) after `from`'s (`down`) or before it.
fn neighbour(from: &HtmlInputElement, class: &str, down: bool) -> Option<HtmlElement> {
    let row = from.closest("tr, li").ok()??;
    let other = if down { row.next_element_sibling() } else { row.previous_element_sibling() }?;
    other.query_selector(&format!(".cell.{class}")).ok()?.and_then(|c| c.dyn_into().ok())
}

/// A text cell edited in place (see the module docs).
#[function_component(TextCell)]
pub fn text_cell(p: &TextCellProps) -> Html {
    let editing = use_state(|| false);
    let input = use_node_ref();
    let text = use_node_ref();
    // Set by Escape: the cell takes the focus back without starting to edit again.
    let resting = use_memo((), |_| Cell::new(false));
    {
        let (input, text, resting) = (input.clone(), text.clone(), Rc::clone(&resting));
        let value = p.value.clone();
        use_effect_with(*editing, move |&on| {
            if on {
                if let Some(i) = input.cast::<HtmlInputElement>() {
                    i.set_value(&value);
                    let _ = i.focus();
                    i.select();
                }
            } else if resting.get() {
                if let Some(t) = text.cast::<HtmlElement>() {
                    let _ = t.focus();
                }
                resting.set(false);
            }
        });
    }
    {
        // The stored value, into the input when it changes while the cell is edited (an
        // accepted edit stored in its own form: 2019.3 as 2019-03-01).
        let input = input.clone();
        use_effect_with((*editing, p.value.clone()), move |(on, value)| {
            if let Some(i) = input.cast::<HtmlInputElement>().filter(|_| *on) {
                if i.value() != value.as_str() {
                    i.set_value(value);
                }
            }
        });
    }
    if *editing {
        // Hands the typed value over and shows the stored one again until the edit, if
        // accepted, redraws it.
        let commit = {
            let (cb, shown) = (p.onchange.clone(), p.value.clone());
            Rc::new(move |i: &HtmlInputElement| {
                let v = i.value();
                if v != shown.as_str() {
                    i.set_value(&shown);
                    cb.emit(v);
                }
            })
        };
        let onchange = {
            let commit = Rc::clone(&commit);
            Callback::from(move |e: Event| commit(&e.target_unchecked_into()))
        };
        let onblur = {
            let editing = editing.clone();
            Callback::from(move |_: FocusEvent| editing.set(false))
        };
        let onkeydown = {
            let (shown, editing, resting) = (p.value.clone(), editing.clone(), Rc::clone(&resting));
            let (accept, class) = (p.accept, p.class);
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Escape" => {
                    let i: HtmlInputElement = e.target_unchecked_into();
                    i.set_value(&shown);
                    resting.set(true);
                    editing.set(false);
                }
                // Not the Enter that confirms an input method's composition (Safari has
                // ended the composition by then, but still reports key code 229).
                "Enter" if !e.is_composing() && e.key_code() != 229 => {
                    e.prevent_default();
                    let i: HtmlInputElement = e.target_unchecked_into();
                    let taken = accept.is_none_or(|Accept(f)| f(&i.value()));
                    commit(&i);
                    if taken {
                        if let Some(next) = neighbour(&i, class, !e.shift_key()) {
                            let _ = next.focus();
                        }
                    }
                }
                _ => {}
            })
        };
        html! {
            <input ref={input} type="text" inputmode={p.number.then_some("numeric")} class={p.class}
                list={p.list} placeholder={p.placeholder} {onchange} {onblur} {onkeydown}
                aria-label={p.label} />
        }
    } else {
        let onfocus = {
            let (editing, resting) = (editing.clone(), Rc::clone(&resting));
            Callback::from(move |_: FocusEvent| {
                if !resting.get() {
                    editing.set(true);
                }
            })
        };
        let onkeydown = {
            let editing = editing.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == "F2" {
                    e.prevent_default();
                    editing.set(true);
                }
            })
        };
        // A click on the cell that already has the focus (after Escape) edits it too.
        let onclick = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        let content = match (p.value.is_empty(), p.placeholder) {
            (true, Some(hint)) => html! { <span class="hint" aria-hidden="true">{ hint }</span> },
            _ => html! { { p.value.clone() } },
        };
        html! {
            <span ref={text} class={classes!("cell", p.class)} tabindex="0" role="textbox" aria-label={p.label}
                aria-placeholder={p.placeholder} title={(!p.value.is_empty()).then(|| p.value.clone())}
                {onfocus} {onkeydown} {onclick}>{ content }</span>
        }
    }
}
