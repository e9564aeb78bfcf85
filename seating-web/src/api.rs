//! The JavaScript API: plain JS objects in, plain JS objects out.
//!
//! ```js
//! import init, { plan } from './seating_web.js';
//! await init();
//! const result = plan({ format: 'seating/1', people: [/* … */], podium: { rows: [3] } });
//! ```
//!
//! Errors are thrown as `Error` objects whose message names the offending field, exactly as
//! the `seating` command line reports them.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plans a scenario given as a plain JS object in the `seating/1` shape; returns the plan
/// as a plain JS object (maps become objects, 64-bit integers become numbers).
///
/// Throws when the object is not a valid scenario (unknown or missing field, wrong
/// `format`, duplicate id, …); the message names the field.
#[wasm_bindgen]
pub fn plan(scenario: JsValue) -> Result<JsValue, JsError> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| JsError::new(&format!("scenario is not a plain JSON-like object: {e}")))?;
    // Going through the JSON text reuses the core's parser, whose errors name the field path.
    let plan = plan_text(&value.to_string()).map_err(|e| JsError::new(&e))?;
    plan.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the plan to a JS object: {e}")))
}

/// Plans a scenario given as JSON text; returns the plan as pretty-printed JSON text.
///
/// Throws with the same messages as the `seating` command line on invalid input.
#[wasm_bindgen]
pub fn plan_json(scenario: &str) -> Result<String, JsError> {
    let plan = plan_text(scenario).map_err(|e| JsError::new(&e))?;
    serde_json::to_string_pretty(&plan).map_err(|e| JsError::new(&e.to_string()))
}

/// Parses and plans JSON text: the one place the web crate calls the core.
pub(crate) fn plan_text(text: &str) -> Result<seating_core::Plan, String> {
    let scenario = seating_core::Scenario::from_json(text).map_err(|e| e.to_string())?;
    Ok(seating_core::plan(&scenario))
}
