//! The plan's diagnostics (the core's words): unhonoured instructions, rank inversions,
//! people without seats; clicking one selects its seat.

use std::rc::Rc;

use seating_core::Level;
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

/// The panel.
#[function_component(Diagnostics)]
pub fn diagnostics(props: &DiagnosticsProps) -> Html {
    let t = props.lang.texts();
    let plan = &props.planned.plan;
    let count = |l: Level| plan.diagnostics.iter().filter(|d| d.level == l).count();
    let (errors, warnings, infos) = (count(Level::Error), count(Level::Warning), count(Level::Info));
    let mut sorted: Vec<_> = plan.diagnostics.iter().collect();
    sorted.sort_by_key(|d| d.level);
    let items = sorted.into_iter().take(SHOWN).map(|d| {
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
                <span class="code">{ d.code.clone() }</span>{ d.message.clone() }
            </li>
        }
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
