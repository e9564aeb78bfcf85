//! The root component: owns the state (a reducer), lays out the three panels, and runs the
//! side effects — autosave after every change, language, shortcuts, print preparation,
//! the warning before leaving with an unsaved import.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use seating_core::layout::Part;
use seating_core::View;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::diagnostics::Diagnostics;
use crate::components::diagram::Diagram;
use crate::components::import::Import;
use crate::components::inspector::Inspector;
use crate::components::instructions::Instructions;
use crate::components::legend::Legend;
use crate::components::ranking::Ranking;
use crate::components::roster::Roster;
use crate::components::toolbar::Toolbar;
use crate::components::venue::Venue;
use crate::exports;
use crate::i18n::Lang;
use crate::services::storage::{self, SaveError};
use crate::services::{frame, locale, perf, print};
use crate::state::{Action, PageSettings, State};

/// Left panel tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Roster,
    Ranking,
    Venue,
}

fn restore() -> State {
    let started = perf::now();
    let loaded = storage::load();
    let lang = loaded.lang.unwrap_or_else(locale::detect);
    let problems = loaded.problems.iter().map(|(name, e)| format!("{name}: {e}")).collect();
    // This tab's tag for the ids of the drafts it makes (base 36, four digits).
    let n = (js_sys::Math::random() * 36f64.powi(4)) as u32;
    let tag: String = (0..4).map(|k| char::from_digit(n / 36u32.pow(k) % 36, 36).unwrap_or('0')).collect();
    let state =
        State::from_drafts(loaded.drafts, loaded.active, lang, loaded.who, problems, &format!("-{tag}"));
    perf::record("restore+plan", started, perf::now());
    state
}

/// The page is being left: what is typed in a field and not yet committed (a field commits
/// when it loses focus) is committed, and the autosave runs now instead of after a frame
/// that will not come.
fn leave_page() {
    if let Some(el) = gloo::utils::document().active_element() {
        if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.blur();
            }
        }
    }
    crate::services::frame::flush_for_unload();
}

fn save_error_text(lang: Lang, e: &SaveError) -> String {
    let t = lang.texts();
    match e {
        SaveError::Quota => t.storage_quota.to_string(),
        SaveError::Unavailable(m) => format!("{}{m}", t.storage_unavailable),
    }
}

/// What the window listeners read: the active draft, its plan, the page settings, and
/// whether an import is waiting.
type Latest = (crate::state::Draft, Rc<crate::planned::Planned>, PageSettings, bool);

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(restore);
    let tab = use_state(|| Tab::Roster);
    let dispatch = state.dispatcher();
    let t = state.lang.texts();
    let draft = state.draft().clone();

    // Autosave: the active draft after every change, and the index when drafts change.
    // Deferred until the frame that shows the change has been painted (serialising and
    // storing a 3,000-person scenario takes milliseconds), or 100 ms when no frame comes
    // (a hidden tab).
    {
        let dispatch = dispatch.clone();
        let doc = draft.doc.clone();
        let id = draft.id.clone();
        let drafts = state.drafts.clone();
        let deleted = state.deleted.clone();
        let version = draft.version;
        let (active, lang, who) = (state.active, state.lang, state.who.clone());
        let names: Vec<(Rc<str>, Rc<str>)> = drafts.iter().map(|d| (d.id.clone(), d.name.clone())).collect();
        let had_error = state.storage_error.is_some();
        use_effect_with((id.clone(), draft.version, names, lang, who.clone()), move |_| {
            let save = move || {
                let started = perf::now();
                // Only a draft changed here since it was last read or written: another tab
                // may have saved a newer one this tab has not taken in yet.
                let result = if storage::needs_save(&id, version) {
                    storage::save_draft(&id, version, &serde_json::to_string(&*doc).unwrap_or_default())
                } else {
                    Ok(())
                };
                let result = result.and_then(|()| storage::save_index(&drafts, &deleted, active, lang, &who));
                perf::record("autosave", started, perf::now());
                match result {
                    Ok(()) if had_error => dispatch.dispatch(Action::StorageError(None)),
                    Ok(()) => {}
                    Err(e) => dispatch.dispatch(Action::StorageError(Some(save_error_text(lang, &e)))),
                }
            };
            frame::after_paint(save);
            || ()
        });
    }

    // What other tabs save: taken into this tab's drafts, so that it never writes a stale
    // copy back over them.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = storage::listen(move |change| dispatch.dispatch(Action::Elsewhere(change)));
            move || drop(listener)
        });
    }

    // Information notices go away by themselves; errors stay until closed.
    {
        let dispatch = dispatch.clone();
        let notice = state.notice.clone();
        use_effect_with(notice, move |notice| {
            let timer = notice.as_ref().filter(|n| !n.error).map(|_| {
                gloo::timers::callback::Timeout::new(4000, move || dispatch.dispatch(Action::Notify(None)))
            });
            move || drop(timer)
        });
    }

    // Language: <html lang> and the title.
    use_effect_with(state.lang, move |lang| {
        locale::apply(*lang, lang.texts().page_title);
    });

    // The latest state for window listeners.
    let latest: Rc<RefCell<Option<Latest>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some((draft.clone(), state.planned.clone(), state.page, state.pending.is_some()));

    // Window listeners: shortcuts, print preparation, leaving with an unsaved import, the
    // panic test hook.
    {
        let dispatch = dispatch.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let d = dispatch.clone();
            let keys = EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    // Text fields keep their own undo.
                    let in_text = gloo::utils::document()
                        .active_element()
                        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                    if in_text {
                        return;
                    }
                    match e.key().to_lowercase().as_str() {
                        "z" if e.shift_key() => d.dispatch(Action::Redo),
                        "z" => d.dispatch(Action::Undo),
                        "y" => d.dispatch(Action::Redo),
                        _ => return,
                    }
                    e.prevent_default();
                },
            );
            let l = latest.clone();
            let before_print = EventListener::new(&window, "beforeprint", move |_| {
                if let Some((_, planned, page, _)) = &*l.borrow() {
                    let (svg, w, h) = exports::chart(planned, *page);
                    let _ = print::prepare(&svg, w, h);
                }
            });
            let l = latest.clone();
            let options = EventListenerOptions::enable_prevent_default();
            let before_unload = EventListener::new_with_options(&window, "beforeunload", options, move |e| {
                leave_page();
                let pending = l.borrow().as_ref().is_some_and(|x| x.3);
                if pending {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value("unsaved import");
                    }
                }
            });
            let d = dispatch.clone();
            let panic_hook =
                EventListener::new(&window, "seating:test-panic", move |_| d.dispatch(Action::Panic));
            // Browsers that skip `beforeunload` (mobile, bfcache) still fire `pagehide`.
            let page_hide = EventListener::new(&window, "pagehide", |_| leave_page());
            move || drop((keys, before_print, before_unload, page_hide, panic_hook))
        });
    }

    let left = match *tab {
        Tab::Roster => html! {
            <>
                <Import pending={state.pending.clone()} people={draft.doc.people.len()}
                    podium_seats={draft.doc.podium.as_ref().map_or(0, |p| p.rows.iter().sum::<u32>() as usize)}
                    lang={state.lang}
                    dispatch={dispatch.clone()} />
                <Roster doc={draft.doc.clone()} lang={state.lang} dispatch={dispatch.clone()} />
            </>
        },
        Tab::Ranking => html! {
            <Ranking doc={draft.doc.clone()} planned={state.planned.clone()} lang={state.lang}
                dispatch={dispatch.clone()} />
        },
        Tab::Venue => {
            html! { <Venue doc={draft.doc.clone()} lang={state.lang} dispatch={dispatch.clone()} /> }
        }
    };
    let tab_button = |which: Tab, label: &'static str, id: &'static str| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button type="button" role="tab" id={id} aria-selected={selected.to_string()}
                class={classes!("tab", selected.then_some("active"))}
                onclick={Callback::from(move |_| tab.set(which))}>{ label }</button>
        }
    };

    let planned = &state.planned;
    let editable = planned.part == Part::Venue;
    let parts = {
        let mut parts = vec![(Part::Venue, t.part_venue.to_string())];
        if planned.plan.banquet.is_some() {
            parts.push((Part::Banquet, t.part_banquet.to_string()));
        }
        for (k, l) in planned.plan.lineups.iter().enumerate() {
            let name = draft.doc.lineups.get(k).map_or_else(|| format!("{}", k + 1), |s| s.name.clone());
            let _ = l;
            parts.push((Part::Lineup(k), name));
        }
        for (k, b) in planned.plan.bilateral.iter().enumerate() {
            parts.push((Part::Bilateral(k), b.name.clone()));
        }
        parts
    };
    let part_tabs = (parts.len() > 1).then(|| {
        html! {
            <div class="part-tabs" role="tablist">
                { for parts.into_iter().map(|(p, name)| {
                    let d = dispatch.clone();
                    let active = planned.part == p;
                    html! {
                        <button type="button" role="tab" aria-selected={active.to_string()}
                            class={classes!("tab", active.then_some("active"))}
                            onclick={Callback::from(move |_| d.dispatch(Action::SetPart(p)))}>{ name }</button>
                    }
                }) }
            </div>
        }
    });
    // The view as two buttons, the one in force pressed: a single button naming the view in
    // force read as the view it would switch to.
    let view_button = |view: View, id: &'static str, label: &'static str| {
        let d = dispatch.clone();
        let on = state.view == view;
        html! {
            <button type="button" id={id} class={classes!(on.then_some("active"))} aria-pressed={on.to_string()}
                onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::SetView(view)))}>{ label }</button>
        }
    };
    let heading = {
        let title = draft.doc.meeting.title.trim();
        let title = if title.is_empty() { draft.name.to_string() } else { title.to_string() };
        format!("{title}　{}", planned.layout.heading)
    };
    let notice = state.notice.as_ref().map(|n| {
        let d = dispatch.clone();
        html! {
            <div class={classes!("notice", n.error.then_some("error"))} id="notice" role={if n.error { "alert" } else { "status" }}>
                <span>{ n.text.clone() }</span>
                <button type="button" class="close" aria-label={t.close}
                    onclick={Callback::from(move |_| d.dispatch(Action::Notify(None)))}>{ "×" }</button>
            </div>
        }
    });
    let storage_error = state.storage_error.as_ref().map(|e| {
        html! { <div class="notice error storage" id="storage-error" role="alert">{ e.clone() }</div> }
    });
    let load_problems = (!state.load_problems.is_empty()).then(|| {
        html! {
            <div class="notice error" id="load-problems" role="alert">
                { t.load_problems }
                <ul>{ for state.load_problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            </div>
        }
    });

    html! {
        <div class="app">
            <Toolbar drafts={state.drafts.clone()} active={state.active} planned={state.planned.clone()}
                pending={state.pending.is_some()} page={state.page} lang={state.lang} dispatch={dispatch.clone()} />
            <div class="notices">
                { storage_error.unwrap_or_default() }
                { load_problems.unwrap_or_default() }
            </div>
            <div class="toasts">{ notice.unwrap_or_default() }</div>
            <main class="workspace">
                <aside class="side left" aria-label={t.left_panel}>
                    <nav class="tabs" role="tablist">
                        { tab_button(Tab::Roster, t.tab_roster, "tab-roster") }
                        { tab_button(Tab::Ranking, t.tab_ranking, "tab-ranking") }
                        { tab_button(Tab::Venue, t.tab_venue, "tab-venue") }
                    </nav>
                    <div class="side-scroll">{ left }</div>
                </aside>
                <section class="centre" aria-label={t.diagram_label}>
                    <div class="centre-head">
                        <h2 id="chart-heading">{ heading }</h2>
                        { part_tabs.unwrap_or_default() }
                        <div class="segmented" id="view-toggle" role="group" title={t.view_toggle_help}>
                            { view_button(View::Audience, "view-audience", t.view_audience) }
                            { view_button(View::Podium, "view-podium", t.view_podium) }
                        </div>
                    </div>
                    <Diagram planned={state.planned.clone()} selected={state.selected.clone()}
                        picked={state.picked.clone()} lang={state.lang} {editable} dispatch={dispatch.clone()} />
                    <Legend planned={state.planned.clone()} lang={state.lang} />
                </section>
                <aside class="side right" aria-label={t.right_panel}>
                    <Inspector doc={draft.doc.clone()} planned={state.planned.clone()} selected={state.selected.clone()}
                        picked={state.picked.clone()} lang={state.lang} {editable} dispatch={dispatch.clone()} />
                    <Instructions doc={draft.doc.clone()} planned={state.planned.clone()} who={state.who.clone()}
                        lang={state.lang} dispatch={dispatch.clone()} />
                    <Diagnostics planned={state.planned.clone()} lang={state.lang} dispatch={dispatch.clone()} />
                </aside>
            </main>
        </div>
    }
}
