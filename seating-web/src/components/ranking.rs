//! Ranking settings (排序): tie-breakers after the rank and the stroke-order mode, with the
//! resulting precedence (the core's) shown live.

use std::rc::Rc;

use seating_core::{Scenario, StrokesMode, Tiebreak};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::planned::Planned;
use crate::state::{Action, Dispatch};

/// People shown in the live precedence list.
const SHOWN: usize = 60;

/// Props of the ranking panel.
#[derive(Properties, PartialEq)]
pub struct RankingProps {
    /// The active scenario.
    pub doc: Rc<Scenario>,
    /// Its plan (for the precedence).
    pub planned: Rc<Planned>,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

fn code(t: Option<Tiebreak>) -> &'static str {
    match t {
        Some(Tiebreak::Strokes) => "strokes",
        Some(Tiebreak::Pinyin) => "pinyin",
        Some(Tiebreak::Seniority) => "seniority",
        Some(Tiebreak::Input) | None => "input",
    }
}

fn parse(v: &str) -> Option<Tiebreak> {
    match v {
        "strokes" => Some(Tiebreak::Strokes),
        "pinyin" => Some(Tiebreak::Pinyin),
        "seniority" => Some(Tiebreak::Seniority),
        _ => None,
    }
}

/// The panel.
#[function_component(Ranking)]
pub fn ranking(props: &RankingProps) -> Html {
    let t = props.lang.texts();
    let r = &props.doc.ranking;
    let chosen: Vec<Tiebreak> = r.tiebreak.iter().copied().filter(|k| *k != Tiebreak::Input).collect();
    let slot = |k: usize| {
        let d = props.dispatch.clone();
        let current = chosen.get(k).copied();
        let onchange = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let pick = parse(&select.value());
            d.dispatch(Action::Edit {
                label: t.did_ranking.to_string(),
                edit: Box::new(move |s| {
                    let mut list: Vec<Tiebreak> =
                        s.ranking.tiebreak.iter().copied().filter(|k| *k != Tiebreak::Input).collect();
                    if k < list.len() {
                        list.truncate(k);
                    }
                    if let Some(p) = pick {
                        list.retain(|x| *x != p);
                        list.push(p);
                    }
                    list.push(Tiebreak::Input);
                    s.ranking.tiebreak = list;
                    Ok(())
                }),
            });
        });
        let options = [
            (None, t.tb_none),
            (Some(Tiebreak::Strokes), t.tb_strokes),
            (Some(Tiebreak::Pinyin), t.tb_pinyin),
            (Some(Tiebreak::Seniority), t.tb_seniority),
        ];
        html! {
            <label>{ format!("{} {}", t.tiebreak, k + 1) }
                <select class="tiebreak" data-slot={k.to_string()} key={code(current)} {onchange}>
                    { for options.iter().map(|(v, name)| html! {
                        <option value={code(*v)} selected={*v == current}>{ *name }</option>
                    }) }
                </select>
            </label>
        }
    };
    let on_mode = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mode =
                if select.value() == "fullname" { StrokesMode::Fullname } else { StrokesMode::Surname };
            d.dispatch(Action::Edit {
                label: t.did_ranking.to_string(),
                edit: Box::new(move |s| {
                    s.ranking.strokes_mode = mode;
                    Ok(())
                }),
            });
        })
    };
    // The move form: two people from the precedence, then "Add".
    let move_person = use_state(String::new);
    let move_after = use_state(String::new);
    let prec = &props.planned.plan.precedence;
    let chosen_or_first = |v: &str, k: usize| {
        if prec.iter().any(|p| p == v) {
            v.to_string()
        } else {
            prec.get(k).cloned().unwrap_or_default()
        }
    };
    let (person_now, after_now) = (chosen_or_first(&move_person, 1), chosen_or_first(&move_after, 0));
    let pick = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            state.set(select.value());
        })
    };
    let on_add_move = {
        let d = props.dispatch.clone();
        let (person, after) = (person_now.clone(), after_now.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::AddMove {
                person: person.clone(),
                after: after.clone(),
                at: crate::services::clock::now(),
            })
        })
    };
    let doc = &props.doc;
    let by_id: std::collections::HashMap<&str, &seating_core::Person> =
        doc.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let options = |selected: &str| {
        prec.iter()
            .enumerate()
            .filter_map(|(k, id)| {
                let p = by_id.get(id.as_str())?;
                let post = p.post.as_deref().map(|x| format!("（{x}）")).unwrap_or_default();
                Some(html! {
                    <option value={id.clone()} selected={id == selected}>{ format!("{}. {}{post}", k + 1, p.name) }</option>
                })
            })
            .collect::<Html>()
    };
    let list = prec.iter().take(SHOWN).enumerate().filter_map(|(k, id)| {
        let p = by_id.get(id.as_str())?;
        Some(html! {
            <li data-person={p.id.clone()}>
                <span class="prec">{ k + 1 }</span>
                <span class="name">{ p.name.clone() }</span>
                <span class="post">{ p.post.clone().unwrap_or_default() }</span>
                <span class="rank">{ p.rank.map(|r| format!("{} {r}", t.field_rank)).unwrap_or_default() }</span>
            </li>
        })
    });
    html! {
        <section class="panel ranking" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{ t.ranking_title }</h2>
            <p class="help">{ t.ranking_help }</p>
            <div class="form-grid">
                { slot(0) }
                { slot(1) }
                <label>{ t.strokes_mode }
                    <select id="strokes-mode" key={r.strokes_mode.name()} onchange={on_mode}>
                        <option value="surname" selected={r.strokes_mode == StrokesMode::Surname}>{ t.mode_surname }</option>
                        <option value="fullname" selected={r.strokes_mode == StrokesMode::Fullname}>{ t.mode_fullname }</option>
                    </select>
                </label>
            </div>
            <p class="explain">{ if r.strokes_mode == StrokesMode::Surname { t.mode_surname_explain } else { t.mode_fullname_explain } }</p>
            <p class="explain">{ t.strokes_form_note }</p>
            if prec.len() >= 2 {
                <h3>{ t.move_title }</h3>
                <p class="help">{ t.move_help }</p>
                <div class="move-form">
                    <label>{ t.move_who }
                        <select id="move-person" onchange={pick(&move_person)}>{ options(&person_now) }</select>
                    </label>
                    <label>{ t.move_after }
                        <select id="move-after" onchange={pick(&move_after)}>{ options(&after_now) }</select>
                        { t.move_after_end }
                    </label>
                    <button type="button" id="move-add" onclick={on_add_move}>{ t.move_add }</button>
                </div>
            }
            <h3>{ t.precedence_title }{ format!("（{}）", prec.len()) }</h3>
            <ol class="precedence" id="precedence">{ for list }</ol>
            if prec.len() > SHOWN { <p class="help">{ format!("… {} {}", prec.len() - SHOWN, t.more_rows) }</p> }
        </section>
    }
}
