//! Roster import: paste from Excel/WPS, upload a CSV (decoded by the sniffed encoding) or
//! open a scenario file; then confirm what each column holds (the mapping step) and
//! replace or extend the roster. Parsing and mapping are the core's `import` module.

use std::rc::Rc;

use seating_core::import::Field;
use yew::prelude::*;

use crate::i18n::{Lang, Texts};
use crate::services::{dialogs, files};
use crate::state::{Action, Dispatch, Notice, PendingImport};

/// Rows shown in the preview.
const PREVIEW: usize = 8;

/// A column field's name in the interface.
pub fn field_name(t: &Texts, f: Field) -> &'static str {
    match f {
        Field::Id => t.field_id,
        Field::Name => t.field_name,
        Field::Post => t.field_post,
        Field::Unit => t.field_unit,
        Field::Rank => t.field_rank,
        Field::Section => t.field_section,
        Field::Role => t.field_role,
        Field::Side => t.field_side,
        Field::Appointed => t.field_appointed,
        Field::Joined => t.field_joined,
        Field::Ignore => t.field_ignore,
    }
}

/// Props of the import box.
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// The table waiting for confirmation.
    pub pending: Option<Rc<PendingImport>>,
    /// People in the roster now.
    pub people: usize,
    /// Seats on the podium now.
    pub podium_seats: usize,
    /// Interface language.
    pub lang: Lang,
    /// Sends actions.
    pub dispatch: Dispatch,
}

/// Reads a picked file and sends what it holds.
fn open_file(file: web_sys::File, lang: Lang, dispatch: Dispatch) {
    let t = lang.texts();
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match files::read(&file).await {
            Ok(b) => b,
            Err(e) => {
                dispatch.dispatch(Action::Notify(Some(Notice {
                    error: true,
                    text: format!("{}{e}", t.read_failed),
                })));
                return;
            }
        };
        // What the bytes are decides before the name: a workbook named .csv is read as a
        // workbook, and an image or PDF is named as such, not as a text encoding problem.
        if let Some(e) = seating_core::import::not_a_table(&bytes, lang.prose()) {
            dispatch.dispatch(Action::Notify(Some(Notice {
                error: true,
                text: format!("{name}: {}", e.describe(lang.prose())),
            })));
            return;
        }
        let kind = if seating_core::import::is_workbook(&bytes) {
            files::Kind::Workbook
        } else {
            files::kind(&name)
        };
        match kind {
            // The first visible sheet; the mapping step offers the others.
            files::Kind::Workbook => {
                dispatch.dispatch(Action::ImportWorkbook { source: name, bytes: bytes.into(), sheet: 0 })
            }
            files::Kind::Scenario => match files::decode(&bytes) {
                Ok((text, _)) => {
                    let stem = name.trim_end_matches(".json").trim_end_matches(".JSON").to_string();
                    dispatch.dispatch(Action::OpenScenario { name: stem, text });
                }
                Err(_) => dispatch.dispatch(Action::Notify(Some(Notice {
                    error: true,
                    text: t.unknown_encoding.to_string(),
                }))),
            },
            files::Kind::Table => match files::decode(&bytes) {
                Ok((text, label)) => dispatch.dispatch(Action::ImportText {
                    source: name,
                    encoding: Some(label.to_string()),
                    text,
                }),
                Err(_) => dispatch.dispatch(Action::Notify(Some(Notice {
                    error: true,
                    text: t.unknown_encoding.to_string(),
                }))),
            },
        }
    });
}

/// The import box.
#[function_component(Import)]
pub fn import(props: &ImportProps) -> Html {
    let t = props.lang.texts();
    let pending = props.pending.clone();
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::ImportText {
                source: String::new(),
                encoding: None,
                text: area.value(),
            });
        })
    };
    let onchange_file = {
        let dispatch = props.dispatch.clone();
        let lang = props.lang;
        let has_pending = pending.is_some();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            if has_pending {
                if !dialogs::confirm(t.confirm_discard_import) {
                    return;
                }
                // Discarded as asked, whatever the file turns out to be (a scenario file
                // opens as a draft and would leave the table waiting).
                dispatch.dispatch(Action::DiscardImport);
            }
            open_file(file, lang, dispatch.clone());
        })
    };
    let paste_value =
        pending.as_ref().filter(|p| p.source.is_empty()).map(|p| p.text.clone()).unwrap_or_default();
    let mapping = pending.as_ref().map(|p| mapping_step(p, props, t));
    html! {
        <section class="panel import" aria-labelledby="import-title">
            <h2 id="import-title">{ t.import_title }</h2>
            <p class="help">{ t.import_help }</p>
            <textarea id="paste" rows="4" spellcheck="false" placeholder={t.paste_placeholder}
                value={paste_value} {oninput} aria-label={t.paste_placeholder} />
            <div class="file-row">
                <label class="file-button">
                    { t.upload }
                    <input type="file" id="upload" accept=".csv,.tsv,.txt,.json,.xlsx,.xls"
                        onchange={onchange_file} />
                </label>
                <span class="help">{ t.upload_help }</span>
            </div>
            { mapping.unwrap_or_default() }
        </section>
    }
}

fn mapping_step(p: &Rc<PendingImport>, props: &ImportProps, t: &'static Texts) -> Html {
    if let Some(json) = &p.json {
        let open = {
            let dispatch = props.dispatch.clone();
            let text = p.text.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::OpenScenario {
                    name: t.pasted_scenario.to_string(),
                    text: text.clone(),
                });
                dispatch.dispatch(Action::DiscardImport);
            })
        };
        return html! {
            <div class="mapping" id="mapping">
                <p class="status">{ t.json_detected }</p>
                if let Err(e) = json { <div class="diag error" role="alert" id="json-error">{ e.clone() }</div> }
                <div class="buttons">
                    <button type="button" id="open-json" class="primary" disabled={json.is_err()} onclick={open}>
                        { t.open_as_draft }</button>
                </div>
            </div>
        };
    }
    let table = match &p.table {
        Ok(table) => table,
        Err(e) => return html! { <div class="diag error" role="alert">{ e.clone() }</div> },
    };
    let width = p.width();
    let selects = (0..width).map(|c| {
        let current = p.columns.get(c).copied().unwrap_or(Field::Ignore);
        let onchange = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let field =
                    Field::ALL.get(select.selected_index().max(0) as usize).copied().unwrap_or(Field::Ignore);
                dispatch.dispatch(Action::ImportColumn(c, field));
            })
        };
        html! {
            <th>
                <select class="column-field" data-column={c.to_string()} {onchange}
                    aria-label={format!("{} {}", t.column, c + 1)}>
                    { for Field::ALL.iter().map(|&f| html! {
                        <option value={f.name()} selected={f == current}>{ field_name(t, f) }</option>
                    }) }
                </select>
                if let Some(h) = table.header.as_ref().and_then(|h| h.get(c)) {
                    <div class="source-header">{ h.clone() }</div>
                }
            </th>
        }
    });
    let rows = table.rows.iter().take(PREVIEW).map(|(_, r)| {
        html! { <tr>{ for (0..width).map(|c| html! { <td>{ r.get(c).cloned().unwrap_or_default() }</td> }) }</tr> }
    });
    let count = table.rows.len();
    let has_name = p.columns.contains(&Field::Name);
    // What taking the table would refuse (a rank that is not a number, an empty name, a
    // duplicate id), said before the buttons are pressed: the whole table, with the mapping
    // as it stands.
    let lang = props.lang.prose();
    let problem = has_name
        .then(|| seating_core::import::roster_in(table, &p.columns, &[], lang).err())
        .flatten()
        .map(|e| e.describe(lang));
    let ready = has_name && problem.is_none();
    let has_section = p.columns.contains(&Field::Section);
    let on_podium = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            // Empty (or not a number): the default again.
            dispatch.dispatch(Action::ImportPodium(input.value().trim().parse::<usize>().ok()));
        })
    };
    let commit = |replace: bool| {
        let dispatch = props.dispatch.clone();
        let people = props.people;
        Callback::from(move |_: MouseEvent| {
            if replace && people > 0 && !dialogs::confirm(&format!("{}{people}", t.confirm_replace)) {
                return;
            }
            dispatch.dispatch(Action::CommitImport { replace });
        })
    };
    let discard = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if dialogs::confirm(t.confirm_discard_import) {
                dispatch.dispatch(Action::DiscardImport);
            }
        })
    };
    let source = if p.source.is_empty() { t.pasted.to_string() } else { p.source.clone() };
    let sheet_picker = match &p.workbook {
        Some(bytes) if p.sheets.len() > 1 => {
            let onchange = {
                let dispatch = props.dispatch.clone();
                let (bytes, source) = (bytes.clone(), p.source.clone());
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let sheet = select.selected_index().max(0) as usize;
                    dispatch.dispatch(Action::ImportWorkbook {
                        source: source.clone(),
                        bytes: bytes.clone(),
                        sheet,
                    });
                })
            };
            html! {
                <label class="sheet-picker">{ t.sheet }
                    <select id="import-sheet" key={p.sheet.to_string()} {onchange}>
                        { for p.sheets.iter().enumerate().map(|(k, name)| html! {
                            <option value={k.to_string()} selected={k == p.sheet}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
            }
        }
        _ => Html::default(),
    };
    let encoding = p.encoding.as_ref().map(|e| format!(" · {} {e}", t.encoding)).unwrap_or_default();
    html! {
        <div class="mapping" id="mapping">
            <p class={classes!("status", (!p.header).then_some("warn"))}>
                { format!("{source}{encoding} · {count} {} · ", t.rows) }
                { if p.header { t.header_found } else { t.header_missing } }
            </p>
            { sheet_picker }
            <div class="table-scroll">
                <table class="preview">
                    <thead><tr>{ for selects }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if count > PREVIEW { <p class="help">{ format!("… {} {}", count - PREVIEW, t.more_rows) }</p> }
            if !has_section {
                <label class="inline">{ t.podium_count }
                    <input type="number" id="import-podium" min="0" placeholder={t.podium_auto}
                        value={p.podium.map(|n| n.to_string()).unwrap_or_default()} onchange={on_podium} />
                </label>
                if p.podium.is_none() && props.podium_seats > 0 {
                    <p class="help" id="import-podium-help">
                        { format!("{}{}{}", t.podium_auto_help.0, props.podium_seats, t.podium_auto_help.1) }
                    </p>
                }
            }
            if !has_name { <div class="diag error">{ t.need_name_column }</div> }
            if let Some(problem) = &problem { <div class="diag error" id="import-problem" role="alert">{ problem.clone() }</div> }
            <div class="buttons">
                <button type="button" id="import-replace" class="primary" disabled={!ready}
                    onclick={commit(true)}>{ format!("{} ({count})", t.import_replace) }</button>
                <button type="button" id="import-append" disabled={!ready || props.people == 0}
                    onclick={commit(false)}>{ t.import_append }</button>
                <button type="button" id="import-discard" onclick={discard}>{ t.import_discard }</button>
            </div>
        </div>
    }
}
