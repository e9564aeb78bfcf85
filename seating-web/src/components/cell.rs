//! A table cell that reads as text and edits in place, as a spreadsheet's cells do.
//!
//! The roster shows some 200 text fields and the unit list up to a hundred more. A text
//! `<input>` is a scroll container in Chromium, and every scroll container is a node the
//! browser updates and re-layerizes on every frame, also on the frames of a drag in the
//! chart: the fields alone were about 3 ms of each drop frame (BENCHMARKS.md). A
//! [`TextCell`] is a focusable `<span>` until it is focused (by a click or by Tab), then an
//! `<input>` with the text selected; it commits on change (Enter, or leaving the field) as
//! the input did, and Escape puts the stored value back.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of a [`TextCell`].
#[derive(Properties, PartialEq)]
pub struct TextCellProps {
    /// The value as the scenario has it.
    pub value: AttrValue,
    /// The field's class (`name`, `post`, …), on the text and on the input.
    pub class: &'static str,
    /// The field's accessible name.
    pub label: &'static str,
    /// Shown, greyed, when the value is empty.
    #[prop_or_default]
    pub placeholder: Option<&'static str>,
    /// A number field (`type="number"`).
    #[prop_or_default]
    pub number: bool,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<&'static str>,
    /// The typed value, when it changed. The input shows the stored value again until the
    /// edit, if accepted, redraws it: a refused value is not left standing as if taken.
    pub onchange: Callback<String>,
}

/// A text cell edited in place (see the module docs).
#[function_component(TextCell)]
pub fn text_cell(p: &TextCellProps) -> Html {
    let editing = use_state(|| false);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(*editing, move |&on| {
            if let Some(i) = input.cast::<HtmlInputElement>().filter(|_| on) {
                let _ = i.focus();
                i.select();
            }
        });
    }
    if *editing {
        let onchange = {
            let cb = p.onchange.clone();
            let shown = p.value.clone();
            Callback::from(move |e: Event| {
                let i: HtmlInputElement = e.target_unchecked_into();
                let v = i.value();
                i.set_value(&shown);
                cb.emit(v);
            })
        };
        let onblur = {
            let editing = editing.clone();
            Callback::from(move |_: FocusEvent| editing.set(false))
        };
        let onkeydown = {
            let shown = p.value.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    let i: HtmlInputElement = e.target_unchecked_into();
                    i.set_value(&shown);
                    let _ = i.blur();
                }
            })
        };
        html! {
            <input ref={input} type={if p.number { "number" } else { "text" }} class={p.class} list={p.list}
                value={p.value.clone()} placeholder={p.placeholder} {onchange} {onblur} {onkeydown}
                aria-label={p.label} />
        }
    } else {
        let onfocus = {
            let editing = editing.clone();
            Callback::from(move |_: FocusEvent| editing.set(true))
        };
        let (text, class) = match (p.value.is_empty(), p.placeholder) {
            (true, Some(hint)) => (AttrValue::Static(hint), Some("hint")),
            _ => (p.value.clone(), None),
        };
        html! {
            <span class={classes!("cell", p.class, class)} tabindex="0" role="textbox" aria-label={p.label}
                title={(!p.value.is_empty()).then(|| p.value.clone())} {onfocus}>{ text }</span>
        }
    }
}
