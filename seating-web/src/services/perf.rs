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

/// The allocator of the wasm build, counting the bytes in use (for the memory figure of
/// the e2e benchmark: what 200 edits keep, not what the heap once peaked at).
#[cfg(target_arch = "wasm32")]
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub static LIVE: AtomicUsize = AtomicUsize::new(0);

    pub struct Counting;

    // SAFETY: every call is forwarded to `System` unchanged; only a counter is kept beside.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc(layout);
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc_zeroed(layout);
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            System.dealloc(ptr, layout);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = System.realloc(ptr, layout, new_size);
            if !p.is_null() {
                LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
                LIVE.fetch_add(new_size, Ordering::Relaxed);
            }
            p
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;
}

/// Bytes of the wasm heap in use (exported as `__heapBytes` for the e2e benchmark).
#[wasm_bindgen(js_name = "__heapBytes")]
pub fn heap_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        counting::LIVE.load(std::sync::atomic::Ordering::Relaxed) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
