//! The plan's diagnostics (the core's words): unhonoured instructions, rank inversions,
//! people without seats; clicking one selects its seat.

use std::collections::HashMap;
use std::rc::Rc;

use seating_core::{Diagnostic, Level};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::planned::Planned;
use crate::state::{Action, Dispatch};

/// Shown at most; the count says how many there are.
const SHOWN: usize = 200;

/// Props of the panel.
#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    /// The plan.
    pub planned: Rc<Planned>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// Props of one diagnostic.
#[derive(Properties, PartialEq)]
pub struct ItemProps {
    /// The core's diagnostic.
    pub d: Diagnostic,
    /// Sends actions.
    pub dispatch: Dispatch,
    /// Interface language (the code's short name).
    pub lang: Lang,
}

/// One diagnostic; clicking it selects its seat (or its person's seat). Memoised and keyed:
/// a hand edit that adds one diagnostic draws one item.
#[function_component(DiagnosticItem)]
pub fn diagnostic_item(props: &ItemProps) -> Html {
    let d = &props.d;
    let onclick = {
        let dispatch = props.dispatch.clone();
        let (seat, person) = (d.seat.clone(), d.person.clone());
        Callback::from(move |_: MouseEvent| match (&seat, &person) {
            (Some(seat), _) => dispatch.dispatch(Action::Select(Some(seat.as_str().into()))),
            (None, Some(person)) => dispatch.dispatch(Action::SelectPerson(person.clone())),
            _ => {}
        })
    };
    let level = match d.level {
        Level::Error => "error",
        Level::Warning => "warning",
        _ => "info",
    };
    html! {
        <li class={classes!("diag", level)} data-code={d.code.clone()} {onclick}>
            <span class="code" title={d.code.clone()}>{ props.lang.diagnostic_tag(&d.code).to_string() }</span>{ readable(&d.message, props.lang) }
        </li>
    }
}

/// A check as the page shows it: the core's field paths of instructions (`instructions[2]`,
/// counted from 0, as the file has them) become the numbers the instruction list shows
/// (第3条指示 / instruction 3). Everything else is the core's text.
pub fn readable(message: &str, lang: Lang) -> String {
    const PATH: &str = "instructions[";
    let (before, after) = lang.texts().instruction_n;
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(PATH) {
        out.push_str(&rest[..at]);
        let tail = &rest[at + PATH.len()..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        match (tail[..digits].parse::<usize>(), tail[digits..].starts_with(']')) {
            (Ok(k), true) => {
                out.push_str(before);
                out.push_str(&(k + 1).to_string());
                out.push_str(after);
                rest = &tail[digits + 1..];
            }
            _ => {
                out.push_str(PATH);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The panel.
#[function_component(Diagnostics)]
pub fn diagnostics(props: &DiagnosticsProps) -> Html {
    let t = props.lang.texts();
    let plan = &props.planned.plan;
    let count = |l: Level| plan.diagnostics.iter().filter(|d| d.level == l).count();
    let (errors, warnings, infos) = (count(Level::Error), count(Level::Warning), count(Level::Info));
    let mut sorted: Vec<_> = plan.diagnostics.iter().collect();
    seating_core::sort::sort_by_key(&mut sorted, |d| d.level);
    // Keys from the content (an item keeps its key when others come and go), made unique.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let items = sorted.into_iter().take(SHOWN).map(|d| {
        let mut key = format!(
            "{}|{}|{}|{}|{}",
            d.code,
            d.seat.as_deref().unwrap_or(""),
            d.person.as_deref().unwrap_or(""),
            d.instruction.map_or(String::new(), |k| k.to_string()),
            d.message
        );
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            key.push_str(&format!("#{n}"));
        }
        html! { <DiagnosticItem key={key} d={d.clone()} dispatch={props.dispatch.clone()} lang={props.lang} /> }
    });
    let unseated = plan.unseated.len();
    html! {
        <section class="panel diagnostics" aria-labelledby="diagnostics-title">
            <h2 id="diagnostics-title">{ t.diagnostics_title }</h2>
            <div class="counts">
                <span class={classes!("count", "error", (errors == 0).then_some("zero"))}>{ format!("{} {errors}", t.count_errors) }</span>
                <span class={classes!("count", "warning", (warnings == 0).then_some("zero"))}>{ format!("{} {warnings}", t.count_warnings) }</span>
                <span class="count info">{ format!("{} {infos}", t.count_infos) }</span>
                if unseated > 0 { <span class="count error">{ format!("{} {unseated}", t.count_unseated) }</span> }
            </div>
            if plan.diagnostics.is_empty() {
                <p class="empty">{ t.no_diagnostics }</p>
            } else {
                <ul id="diagnostic-list">{ for items }</ul>
            }
        </section>
    }
}
