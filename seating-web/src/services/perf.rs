//! Timing marks for the browser benchmarks: `window.__seatingPerf` collects
//! `{ name, start, end }` records (milliseconds of `performance.now()`), which the e2e
//! harness reads and prints. Nothing is sent anywhere.

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// `performance.now()`, or 0 without a window.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Appends a record to `window.__seatingPerf`.
pub fn record(name: &str, start: f64, end: f64) {
    let Some(window) = web_sys::window() else { return };
    let key = JsValue::from_str("__seatingPerf");
    let list = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object());
    let list = match list {
        Some(l) => l.unchecked_into::<js_sys::Array>(),
        None => {
            let l = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&window, &key, &l);
            l
        }
    };
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&entry, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&entry, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&entry, &"end".into(), &end.into());
    list.push(&entry);
}

/// Seat component renders so far (exported as `__seatRenders` for the e2e benchmark).
#[wasm_bindgen(js_name = "__seatRenders")]
pub fn seat_renders() -> u32 {
    crate::components::seat::renders()
}
