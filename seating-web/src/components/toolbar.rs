//! The top bar: drafts (create, rename, duplicate, delete, switch), undo and redo, exports
//! and printing, paper, language.

use std::rc::Rc;

use yew::prelude::*;

use crate::exports;
use crate::i18n::Lang;
use crate::planned::Planned;
use crate::services::{dialogs, download, print};
use crate::state::{Action, Dispatch, Draft, Notice, PageSettings};

/// Props of the top bar.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Every draft.
    pub drafts: Rc<Vec<Draft>>,
    /// The active draft.
    pub active: usize,
    /// The active draft's plan.
    pub planned: Rc<Planned>,
    /// Whether an import is waiting (switching drafts asks first).
    pub pending: bool,
    /// Page settings.
    pub page: PageSettings,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// What can be exported.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Print the chart.
    Print,
    /// The chart as SVG.
    Svg,
    /// The chart as PNG.
    Png,
    /// Name cards (HTML to print).
    Cards,
    /// Sign-in list, CSV.
    Csv,
    /// Sign-in list, XLSX.
    Xlsx,
    /// The scenario file.
    Json,
}

/// Runs an export (downloads or the print dialog); returns an error message on failure.
pub fn run_export(
    what: Export,
    draft: &Draft,
    planned: &Rc<Planned>,
    page: PageSettings,
    dispatch: &Dispatch,
) {
    let doc = &draft.doc;
    let t_err = |e: String| {
        dispatch.dispatch(Action::Notify(Some(Notice { error: true, text: e })));
    };
    let name = |suffix: &str| exports::file_name(doc, &draft.name, suffix);
    let result: Result<(), String> = match what {
        Export::Print => {
            let (svg, w, h) = exports::chart(planned, page);
            print::prepare(&svg, w, h).and_then(|()| print::print()).map_err(|e| format!("{e:?}"))
        }
        Export::Svg => {
            let (svg, _, _) = exports::chart(planned, page);
            download::save_text(&svg, "image/svg+xml", &name("-座次圖.svg")).map_err(|e| format!("{e:?}"))
        }
        Export::Png => {
            let (svg, w, h) = exports::chart(planned, page);
            let file = name("-座次圖.png");
            let dispatch = dispatch.clone();
            // 150 dpi.
            let (pw, ph) = ((w / 25.4 * 150.0).round() as u32, (h / 25.4 * 150.0).round() as u32);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match download::svg_to_png(&svg, pw, ph).await {
                    Ok(blob) => download::save_blob(&blob, &file),
                    Err(e) => Err(e),
                };
                if let Err(e) = result {
                    let text = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                    dispatch.dispatch(Action::Notify(Some(Notice { error: true, text })));
                }
            });
            Ok(())
        }
        Export::Cards => {
            let title = format!("{}　席卡", doc.meeting.title);
            let html = exports::cards_html(planned, page, &title);
            download::save_text(&html, "text/html", &name("-席卡.html")).map_err(|e| format!("{e:?}"))
        }
        Export::Csv => download::save_text(&exports::csv(doc, planned), "text/csv", &name("-簽到表.csv"))
            .map_err(|e| format!("{e:?}")),
        Export::Xlsx => download::save_bytes(
            &exports::xlsx(doc, planned),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &name("-簽到表.xlsx"),
        )
        .map_err(|e| format!("{e:?}")),
        Export::Json => download::save_text(
            &doc.to_json(),
            "application/json",
            &exports::file_name(doc, &draft.name, ".json"),
        )
        .map_err(|e| format!("{e:?}")),
    };
    if let Err(e) = result {
        t_err(e);
    }
}

/// The top bar.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let t = props.lang.texts();
    let d = &props.dispatch;
    let draft = &props.drafts[props.active];
    let ask_pending = props.pending;

    let on_switch = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let i = select.selected_index().max(0) as usize;
            if ask_pending && !dialogs::confirm(t.confirm_discard_import) {
                return;
            }
            d.dispatch(Action::DiscardImport);
            d.dispatch(Action::SwitchDraft(i));
        })
    };
    let on_rename = {
        let d = d.clone();
        let active = props.active;
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::RenameDraft(active, input.value()));
        })
    };
    let on_new = {
        let d = d.clone();
        // The first number from the count up whose name no draft has yet.
        let name = (props.drafts.len() + 1..)
            .map(|n| props.lang.draft_name(n))
            .find(|name| props.drafts.iter().all(|x| *x.name != **name))
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            if ask_pending && !dialogs::confirm(t.confirm_discard_import) {
                return;
            }
            d.dispatch(Action::DiscardImport);
            d.dispatch(Action::NewDraft { name: name.clone() });
        })
    };
    let on_duplicate = {
        let d = d.clone();
        let active = props.active;
        let name = format!("{}{}", draft.name, t.copy_suffix);
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DuplicateDraft(active, name.clone())))
    };
    let on_delete = {
        let d = d.clone();
        let active = props.active;
        let name = draft.name.clone();
        Callback::from(move |_: MouseEvent| {
            if dialogs::confirm(&format!("{}{name}", t.confirm_delete_draft)) {
                d.dispatch(Action::DeleteDraft(active));
            }
        })
    };
    let undo = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo))
    };
    let redo = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Redo))
    };
    let export = |what: Export| {
        let d = d.clone();
        let draft = draft.clone();
        let planned = props.planned.clone();
        let page = props.page;
        Callback::from(move |_: MouseEvent| run_export(what, &draft, &planned, page, &d))
    };
    let on_paper = {
        let d = d.clone();
        let page = props.page;
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetPage(PageSettings { a3: select.value() == "a3", ..page }));
        })
    };
    let on_orientation = {
        let d = d.clone();
        let page = props.page;
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let landscape = match select.value().as_str() {
                "landscape" => Some(true),
                "portrait" => Some(false),
                _ => None,
            };
            d.dispatch(Action::SetPage(PageSettings { landscape, ..page }));
        })
    };
    let on_lang = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(l) = Lang::from_code(&select.value()) {
                d.dispatch(Action::SetLang(l));
            }
        })
    };
    let undo_title =
        draft.undo.label().map(|l| format!("{} {l} (Ctrl+Z)", t.undo)).unwrap_or_else(|| t.undo.into());
    let redo_title =
        draft.redo.label().map(|l| format!("{} {l} (Ctrl+Y)", t.redo)).unwrap_or_else(|| t.redo.into());
    let orientation = match props.page.landscape {
        None => "auto",
        Some(true) => "landscape",
        Some(false) => "portrait",
    };
    html! {
        <header class="topbar">
            <h1>{ "座次 Seating" }</h1>
            <div class="group drafts" role="group" aria-label={t.drafts}>
                <select id="draft-select" key={props.drafts.get(props.active).map_or(String::new(), |d| d.id.to_string())}
                    onchange={on_switch} aria-label={t.drafts} title={t.drafts}>
                    { for props.drafts.iter().enumerate().map(|(i, dr)| html! {
                        <option value={dr.id.to_string()} selected={i == props.active}>{ dr.name.to_string() }</option>
                    }) }
                </select>
                <input type="text" id="draft-name" value={draft.name.to_string()} onchange={on_rename}
                    aria-label={t.draft_name} title={t.draft_name} />
                <button type="button" id="draft-new" onclick={on_new}>{ t.draft_new }</button>
                <button type="button" id="draft-duplicate" onclick={on_duplicate}>{ t.draft_duplicate }</button>
                <button type="button" id="draft-delete" onclick={on_delete}>{ t.draft_delete }</button>
            </div>
            <div class="group" role="group" aria-label={t.history}>
                <button type="button" id="undo" onclick={undo} disabled={draft.undo.is_empty()} title={undo_title}>
                    { "↶ " }{ t.undo }</button>
                <button type="button" id="redo" onclick={redo} disabled={draft.redo.is_empty()} title={redo_title}>
                    { "↷ " }{ t.redo }</button>
            </div>
            <div class="group exports" role="group" aria-label={t.export}>
                <select id="paper" onchange={on_paper} aria-label={t.paper} title={t.paper}>
                    <option value="a4" selected={!props.page.a3}>{ "A4" }</option>
                    <option value="a3" selected={props.page.a3}>{ "A3" }</option>
                </select>
                <select id="orientation" onchange={on_orientation} aria-label={t.orientation} title={t.orientation}>
                    <option value="auto" selected={orientation == "auto"}>{ t.orientation_auto }</option>
                    <option value="landscape" selected={orientation == "landscape"}>{ t.orientation_landscape }</option>
                    <option value="portrait" selected={orientation == "portrait"}>{ t.orientation_portrait }</option>
                </select>
                <button type="button" id="print" class="primary" onclick={export(Export::Print)}>{ t.print }</button>
                <button type="button" id="export-svg" onclick={export(Export::Svg)} title={t.export_chart}>{ "SVG" }</button>
                <button type="button" id="export-png" onclick={export(Export::Png)} title={t.export_chart}>{ "PNG" }</button>
                <button type="button" id="export-cards" onclick={export(Export::Cards)}>{ t.export_cards }</button>
                <button type="button" id="export-csv" onclick={export(Export::Csv)} title={t.export_list}>{ "CSV" }</button>
                <button type="button" id="export-xlsx" onclick={export(Export::Xlsx)} title={t.export_list}>{ "XLSX" }</button>
                <button type="button" id="export-json" onclick={export(Export::Json)} title={t.export_json}>{ t.save_json }</button>
            </div>
            <select id="lang" class="lang" onchange={on_lang} aria-label="Language / 語言">
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} selected={*l == props.lang}>{ l.name() }</option>
                }) }
            </select>
        </header>
    }
}
