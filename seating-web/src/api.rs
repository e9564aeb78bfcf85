//! The JavaScript API: the core for other web tools, without Yew. Plain JS objects in the
//! `seating/1` shapes in, plain JS objects (or strings) out.
//!
//! ```js
//! import init, { plan, validate, chart, layout, importTable } from './seating_web.js';
//! await init();
//! const scenario = { format: 'seating/1', people: [/* … */], podium: { rows: [3] } };
//! const result = plan(scenario);              // seating-plan/1 object
//! const svg = chart(scenario, { paper: 'a4' }); // the approval chart, an SVG string
//! const { people, units } = importTable('姓名\t職務\n王晨\t區委書記\n');
//! ```
//!
//! Errors are thrown as `Error` objects whose message is the core's: it names the field
//! (`people[0].name: missing field`), exactly as the `seating` command line reports it.

use seating_core::export::cards::{self, CardOptions, CardScope};
use seating_core::export::{svg, table, Orientation, PageOptions, Paper};
use seating_core::import::{self, Field};
use seating_core::layout::{Anchor, LegendKind, MarkKind, Part, Rect, TextBlock};
use seating_core::{Layout, LayoutOptions, Plan, Scenario, View};
use serde::Serialize;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// A result as a plain JS object: serde_json's text, then `JSON.parse`. One serializer for
/// everything the page and the API write (serde-wasm-bindgen's would be a second copy of
/// every `Serialize` impl in the wasm), and `JSON.parse` builds a large plan faster than
/// thousands of calls across the wasm boundary.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text =
        serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot write the result: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot convert the result to a JS object"))
}

/// An options object as JSON, read through `JSON.stringify` like a scenario (a cyclic or
/// very deep object is an error, never a trap that would leave the module broken); its keys
/// must be among `known`, so that a misspelt option is not silently ignored.
fn json_of(value: JsValue, what: &str, known: &[&str]) -> Result<Value, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new(&format!("{what} is not a plain JSON-like object (a cycle?)")))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| JsError::new(&format!("{what}: {e}")))?;
    let Value::Object(map) = &v else {
        return Err(JsError::new(&format!("{what}: expected an object, found {v}")));
    };
    if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(JsError::new(&format!(
            "{what}.{k}: unknown option; expected one of {}",
            known.join(", ")
        )));
    }
    Ok(v)
}

/// A text argument: a JS string, or an error saying what it is instead (a number or an
/// object would otherwise reach the wasm as garbage).
fn text_of(value: &JsValue, what: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "{what}: expected a string, found {}",
            value.js_typeof().as_string().unwrap_or_default()
        ))
    })
}

/// A bytes argument: a `Uint8Array` or an `ArrayBuffer` (what `File.arrayBuffer()` gives).
fn bytes_of(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    use wasm_bindgen::JsCast;
    if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        Ok(a.to_vec())
    } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        Ok(js_sys::Uint8Array::new(b).to_vec())
    } else {
        Err(JsError::new(&format!("{what}: expected a Uint8Array or an ArrayBuffer")))
    }
}

/// A core error about a scenario given as an object: the field path and the message, without
/// the line and column, which would point into the `JSON.stringify` text the caller never saw.
fn object_error(e: seating_core::Error) -> JsError {
    JsError::new(&object_message(e))
}

fn object_message(e: seating_core::Error) -> String {
    match e {
        seating_core::Error::Json { path, message, .. } if path.is_empty() => message,
        seating_core::Error::Json { path, message, .. } => format!("`{path}`: {message}"),
        other => other.to_string(),
    }
}

/// A scenario from a JS object (`JSON.stringify`), through the core's parser: its errors
/// name the field path, as the command line's do.
fn scenario_of(value: JsValue) -> Result<Scenario, JsError> {
    Scenario::from_json(&scenario_text(&value)?).map_err(object_error)
}

fn scenario_text(value: &JsValue) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new("the scenario is not a plain JSON-like object"))
}

/// Parses and plans JSON text: the page's and the API's one way into the core.
pub(crate) fn plan_text(text: &str) -> Result<Plan, String> {
    let scenario = Scenario::from_json(text).map_err(|e| e.to_string())?;
    Ok(seating_core::plan(&scenario))
}

/// Plans a scenario given as a plain JS object in the `seating/1` shape; returns the plan
/// (`seating-plan/1`) as a plain JS object.
///
/// Throws when the object is not a valid scenario (unknown or missing field, wrong
/// `format`, duplicate id, …); the message names the field.
#[wasm_bindgen]
pub fn plan(scenario: JsValue) -> Result<JsValue, JsError> {
    let scenario = scenario_of(scenario)?;
    to_js(&seating_core::plan(&scenario))
}

/// Plans a scenario given as JSON text; returns the plan as pretty-printed JSON text.
///
/// Throws with the same messages as the `seating` command line on invalid input.
#[wasm_bindgen]
pub fn plan_json(scenario: JsValue) -> Result<String, JsError> {
    Ok(plan_text(&text_of(&scenario, "scenario")?).map_err(|e| JsError::new(&e))?.to_json())
}

/// Checks a scenario without throwing: `{ valid: true, diagnostics: [...] }` when it can be
/// planned (the plan's diagnostics: unhonoured instructions, rank inversions, …), or
/// `{ valid: false, error: "people[0].name: …" }` when it cannot.
#[wasm_bindgen]
pub fn validate(scenario: JsValue) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Validation<'a> {
        valid: bool,
        error: Option<String>,
        diagnostics: &'a [seating_core::Diagnostic],
    }
    let text = match scenario_text(&scenario) {
        Ok(t) => t,
        Err(_) => {
            let error = "the scenario is not a plain JSON-like object".to_string();
            return to_js(&Validation { valid: false, error: Some(error), diagnostics: &[] });
        }
    };
    match Scenario::from_json(&text) {
        Ok(s) => {
            let plan = seating_core::plan(&s);
            to_js(&Validation { valid: true, error: None, diagnostics: &plan.diagnostics })
        }
        Err(e) => {
            let error = Some(object_message(e));
            to_js(&Validation { valid: false, error, diagnostics: &[] })
        }
    }
}

fn str_opt<'a>(o: &'a Value, key: &str) -> Result<Option<&'a str>, JsError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(JsError::new(&format!("options.{key}: expected a string, found {other}"))),
    }
}

/// Layout options: `view` (`audience` | `podium`), `part` (`venue` | `banquet` | `lineup:N` |
/// `bilateral:N`, N from 1; by default what the scenario has, the venue first, as the
/// command line draws it). A part the plan does not have is an error.
fn layout_options(o: &Value, s: &Scenario, plan: &Plan) -> Result<LayoutOptions, JsError> {
    let view = match str_opt(o, "view")? {
        None | Some("audience") => View::Audience,
        Some("podium") => View::Podium,
        Some(v) => {
            return Err(JsError::new(&format!("options.view: expected audience or podium, found {v:?}")))
        }
    };
    let part = match str_opt(o, "part")? {
        None => Part::default_for(s, plan),
        Some(p) => Part::parse(p).ok_or_else(|| {
            JsError::new(&format!(
                "options.part: expected venue, banquet, lineup:N or bilateral:N (N from 1), found {p:?}"
            ))
        })?,
    };
    part.check(plan).map_err(|e| JsError::new(&format!("options.part: {e}")))?;
    Ok(LayoutOptions { view, part, ..LayoutOptions::default() })
}

/// Page options: `paper` (`a4` | `a3`), `orientation` (`auto` | `portrait` | `landscape`),
/// `binding` (mm), `signOff` (boolean).
fn page_options(o: &Value) -> Result<PageOptions, JsError> {
    let paper = match str_opt(o, "paper")?.map(str::to_ascii_lowercase).as_deref() {
        None | Some("a4") => Paper::A4,
        Some("a3") => Paper::A3,
        Some(p) => return Err(JsError::new(&format!("options.paper: expected a4 or a3, found {p:?}"))),
    };
    let orientation = match str_opt(o, "orientation")? {
        None | Some("auto") => Orientation::Auto,
        Some("portrait") => Orientation::Portrait,
        Some("landscape") => Orientation::Landscape,
        Some(p) => {
            return Err(JsError::new(&format!(
                "options.orientation: expected auto, portrait or landscape, found {p:?}"
            )))
        }
    };
    let mut page = PageOptions { paper, orientation, ..PageOptions::default() };
    if let Some(b) = o.get("binding").filter(|v| !v.is_null()) {
        page.binding = b
            .as_f64()
            .filter(|m| (0.0..=60.0).contains(m))
            .ok_or_else(|| JsError::new(&format!("options.binding: expected millimetres 0–60, found {b}")))?;
    }
    if let Some(s) = o.get("signOff").filter(|v| !v.is_null()) {
        page.sign_off = s
            .as_bool()
            .ok_or_else(|| JsError::new(&format!("options.signOff: expected a boolean, found {s}")))?;
    }
    Ok(page)
}

/// The approval chart (座次圖) of a scenario as an SVG string, made by the core's exporter.
///
/// `options` (all optional): `paper` `a4`|`a3`, `orientation` `auto`|`portrait`|`landscape`,
/// `binding` (mm), `signOff` (boolean), `view` `audience`|`podium`, `part`
/// `venue`|`banquet`|`lineup:N`|`bilateral:N`.
#[wasm_bindgen]
pub fn chart(scenario: JsValue, options: JsValue) -> Result<String, JsError> {
    let s = scenario_of(scenario)?;
    let o = json_of(options, "options", &["paper", "orientation", "binding", "signOff", "view", "part"])?;
    let plan = seating_core::plan(&s);
    let layout = seating_core::layout(&s, &plan, &layout_options(&o, &s, &plan)?);
    Ok(svg::chart(&layout, &page_options(&o)?))
}

/// The name-card sheets (席卡) of a scenario: an array of SVG pages, two cards per page.
/// `options`: `paper`, `scope` (`auto` | `podium` | `all`), `view`, `part`.
#[wasm_bindgen(js_name = nameCards)]
pub fn name_cards(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = scenario_of(scenario)?;
    let o = json_of(options, "options", &["paper", "scope", "view", "part"])?;
    let plan = seating_core::plan(&s);
    let layout = seating_core::layout(&s, &plan, &layout_options(&o, &s, &plan)?);
    let scope = match str_opt(&o, "scope")? {
        None | Some("auto") => CardScope::Auto,
        Some("podium") => CardScope::Podium,
        Some("all") => CardScope::All,
        Some(v) => {
            return Err(JsError::new(&format!("options.scope: expected auto, podium or all, found {v:?}")))
        }
    };
    let paper = page_options(&o)?.paper;
    to_js(&cards::cards(&layout, &CardOptions { paper, scope }))
}

/// The sign-in list (簽到表) as CSV text (UTF-8 with a BOM, for Excel and WPS).
#[wasm_bindgen(js_name = seatListCsv)]
pub fn seat_list_csv(scenario: JsValue) -> Result<String, JsError> {
    let s = scenario_of(scenario)?;
    Ok(table::csv(&s, &seating_core::plan(&s)))
}

/// The sign-in list as an XLSX workbook (bytes).
#[wasm_bindgen(js_name = seatListXlsx)]
pub fn seat_list_xlsx(scenario: JsValue) -> Result<Vec<u8>, JsError> {
    let s = scenario_of(scenario)?;
    Ok(table::xlsx(&s, &seating_core::plan(&s)))
}

/// The resolved layout (every seat's box in chart units, its occupant, label, reason and
/// flags, plus podium band, blocks, aisles, marks and legend) as a plain JS object — for
/// drawing the chart another way. `options`: `view`, `part`.
#[wasm_bindgen]
pub fn layout(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = scenario_of(scenario)?;
    let o = json_of(options, "options", &["view", "part"])?;
    let plan = seating_core::plan(&s);
    let l = seating_core::layout(&s, &plan, &layout_options(&o, &s, &plan)?);
    to_js(&layout_json(&l))
}

/// Reads a pasted (tab-separated) or CSV table with the core's importer: `{ delimiter,
/// header, columns, rows, people, units }`. `columns` is what each column holds (`name`,
/// `post`, `unit`, `rank`, `section`, `role`, `id`, `ignore`), guessed from the header or
/// given as `options.columns`; `people` and `units` are in the `seating/1` shapes.
/// Throws with the line and column of a bad cell.
#[wasm_bindgen(js_name = importTable)]
pub fn import_table(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text_of(&text, "text")?;
    let o = json_of(options, "options", &["columns"])?;
    let t = import::parse_table(&text).map_err(|e| JsError::new(&e.to_string()))?;
    let columns: Vec<Field> = match o.get("columns").filter(|v| !v.is_null()) {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let name = v.as_str().unwrap_or("");
                Field::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| {
                    JsError::new(&format!("options.columns[{i}]: unknown field {v}; expected one of {}",
                        Field::ALL.map(|f| f.name()).join(", ")))
                })
            })
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(JsError::new(&format!("options.columns: expected an array, found {other}"))),
        None => t.header.as_ref().and_then(|h| import::guess_columns(h)).ok_or_else(|| {
            JsError::new("no header row recognised (姓名/name …): give options.columns, e.g. ['name', 'post', 'unit', 'rank']")
        })?,
    };
    let roster = import::roster(&t, &columns, &[]).map_err(|e| JsError::new(&e.to_string()))?;
    let result = json!({
        "delimiter": t.delimiter.to_string(),
        "header": t.header,
        "columns": columns.iter().map(|f| f.name()).collect::<Vec<_>>(),
        "rows": t.rows.iter().map(|(_, r)| r).collect::<Vec<_>>(),
        "people": roster.people,
        "units": roster.units,
    });
    to_js(&result)
}

/// `readXlsx(bytes, sheet?)`: a visible sheet of an `.xlsx` workbook (a `Uint8Array`; the
/// first, or number `sheet` from 0 in tab order) as tab-separated text, line N = sheet row
/// N, for `importTable`.
#[wasm_bindgen(js_name = readXlsx)]
pub fn read_xlsx(bytes: JsValue, sheet: JsValue) -> Result<String, JsError> {
    let bytes = bytes_of(&bytes, "bytes")?;
    let sheet = if sheet.is_undefined() || sheet.is_null() {
        0
    } else {
        sheet.as_f64().filter(|n| n.fract() == 0.0 && (0.0..4_294_967_296.0).contains(n)).ok_or_else(
            || {
                JsError::new(&format!(
                    "sheet: expected a sheet number from 0, found {}",
                    js_sys::JSON::stringify(&sheet).ok().and_then(|t| t.as_string()).unwrap_or_default()
                ))
            },
        )? as usize
    };
    import::read_xlsx_sheet(&bytes, sheet, seating_core::Lang::EN)
        .map(|s| s.text)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `xlsxSheets(bytes)`: the names of the workbook's visible sheets, in tab order.
#[wasm_bindgen(js_name = xlsxSheets)]
pub fn xlsx_sheets(bytes: JsValue) -> Result<Vec<String>, JsError> {
    import::xlsx_sheets(&bytes_of(&bytes, "bytes")?, seating_core::Lang::EN)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The encoding a file's bytes most likely have, as a `TextDecoder` label (`utf-8`,
/// `utf-16le`, `utf-16be`, `gb18030`), or `null` when it is none of those or the bytes are no
/// text at all (an image, a PDF, a workbook).
#[wasm_bindgen(js_name = sniffEncoding)]
pub fn sniff_encoding(bytes: JsValue) -> Result<JsValue, JsError> {
    let bytes = bytes_of(&bytes, "bytes")?;
    if import::is_workbook(&bytes) || import::not_a_table(&bytes, seating_core::Lang::EN).is_some() {
        return Ok(JsValue::NULL);
    }
    Ok(match import::sniff_encoding(&bytes) {
        import::Encoding::Unknown => JsValue::NULL,
        e => JsValue::from_str(e.label()),
    })
}

/// The published JSON Schema (`schema/seating-1.schema.json`, which a native test keeps
/// equal to the one generated from the types), as an object. The page ships the file rather
/// than the generator: schemars is a large share of the wasm otherwise.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    const SCHEMA: &str = include_str!("../../schema/seating-1.schema.json");
    js_sys::JSON::parse(SCHEMA).map_err(|_| JsError::new("the bundled schema is not JSON"))
}

/// The version of the planner (the `seating-core` crate).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn rect(r: &Rect) -> Value {
    json!({ "x": r.x, "y": r.y, "w": r.w, "h": r.h })
}

fn text(t: &Option<TextBlock>) -> Value {
    match t {
        None => Value::Null,
        Some(t) => json!({
            "lines": t.lines, "x": t.x, "y": t.y, "size": t.size, "leading": t.leading,
            "anchor": match t.anchor { Anchor::Start => "start", Anchor::Middle => "middle", Anchor::End => "end" },
        }),
    }
}

fn occupant(o: &Option<seating_core::layout::Occupant>) -> Value {
    match o {
        None => Value::Null,
        Some(o) => json!({
            "id": o.id, "name": o.name, "post": o.post, "unit": o.unit, "unit_index": o.unit_index,
            "precedence": o.precedence,
        }),
    }
}

/// The core's `Layout` as JSON (it has no serde form of its own: it is a drawing model).
pub fn layout_json(l: &Layout) -> Value {
    let seats: Vec<Value> = l
        .seats
        .iter()
        .map(|b| {
            json!({
                "seat": b.seat.to_string(), "rect": rect(&b.rect), "label": b.label, "person": occupant(&b.person),
                "reason": b.reason, "reserved": b.reserved, "blocked": b.blocked, "pinned": b.pinned,
                "inverted": b.inverted, "changed": b.change.as_ref().map(|c| format!("{:?}", c.kind).to_lowercase()),
                "name": text(&b.name), "post": text(&b.post), "number": text(&b.number),
            })
        })
        .collect();
    let places: Vec<Value> = l
        .places
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "rect": rect(&p.rect), "label": p.label, "person": occupant(&p.person),
                "reason": p.reason, "rank": p.rank, "name": text(&p.name), "post": text(&p.post),
                "number": text(&p.number),
            })
        })
        .collect();
    let tables: Vec<Value> = l
        .tables
        .iter()
        .map(|t| json!({ "number": t.number, "cx": t.cx, "cy": t.cy, "r": t.r, "title": text(&Some(t.title.clone())), "reason": t.reason }))
        .collect();
    let marks: Vec<Value> = l
        .marks
        .iter()
        .map(|m| {
            let kind = match m.kind {
                MarkKind::Row => "row",
                MarkKind::Block => "block",
                MarkKind::Door => "door",
                MarkKind::Facing => "facing",
            };
            json!({ "kind": kind, "text": text(&Some(m.text.clone())) })
        })
        .collect();
    let legend: Vec<Value> = l
        .legend
        .iter()
        .map(|e| {
            let (kind, unit) = match e.kind {
                LegendKind::Unit(k) => ("unit", Some(k)),
                LegendKind::NoUnit => ("no-unit", None),
                LegendKind::Podium => ("podium", None),
                LegendKind::Reserved => ("reserved", None),
                LegendKind::Blocked => ("blocked", None),
                LegendKind::Pinned => ("pinned", None),
                LegendKind::Moved => ("moved", None),
                LegendKind::Added => ("added", None),
            };
            json!({ "kind": kind, "unit_index": unit, "label": e.label, "count": e.count })
        })
        .collect();
    let mut out = Map::new();
    out.insert("format".into(), json!("seating-layout/1"));
    out.insert(
        "meeting".into(),
        json!({ "title": l.meeting.title, "date": l.meeting.date, "place": l.meeting.place }),
    );
    out.insert(
        "part".into(),
        json!(match l.part {
            Part::Venue => "venue".to_string(),
            Part::Banquet => "banquet".to_string(),
            Part::Lineup(k) => format!("lineup:{}", k + 1),
            Part::Bilateral(k) => format!("bilateral:{}", k + 1),
        }),
    );
    out.insert("heading".into(), json!(l.heading));
    out.insert("view".into(), json!(if l.view == View::Podium { "podium" } else { "audience" }));
    out.insert("width".into(), json!(l.width));
    out.insert("height".into(), json!(l.height));
    out.insert("seats".into(), Value::Array(seats));
    out.insert("places".into(), Value::Array(places));
    out.insert("tables".into(), Value::Array(tables));
    out.insert(
        "podium".into(),
        l.podium.as_ref().map_or(
            Value::Null,
            |b| json!({ "rect": rect(&b.rect), "front": b.front, "title": text(&Some(b.title.clone())) }),
        ),
    );
    out.insert("hall".into(), l.hall.as_ref().map_or(Value::Null, rect));
    out.insert("blocks".into(), Value::Array(l.blocks.iter().map(rect).collect()));
    out.insert("aisles".into(), Value::Array(l.aisles.iter().map(rect).collect()));
    out.insert("marks".into(), Value::Array(marks));
    out.insert("legend".into(), Value::Array(legend));
    out.insert("orientation".into(), json!(l.orientation));
    out.insert(
        "unseated".into(),
        Value::Array(l.unseated.iter().map(|o| occupant(&Some(o.clone()))).collect()),
    );
    out.insert("removed".into(), json!(l.removed));
    out.insert("hash".into(), json!(l.hash));
    out.insert("version".into(), json!(l.version));
    Value::Object(out)
}
