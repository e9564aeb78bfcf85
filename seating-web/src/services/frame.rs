//! Work put off until the browser has painted: the frame that shows an edit comes first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Work to run once.
type Task = Box<dyn FnOnce()>;

/// Runs `f` once, in the first task after the next frame is painted (`requestAnimationFrame`
/// then a zero timeout), or after 100 ms if no frame comes first (hidden tabs get none).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let f: Rc<Cell<Option<Task>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let run = move || {
        if let Some(f) = f.take() {
            f();
        }
    };
    gloo::timers::callback::Timeout::new(100, run.clone()).forget();
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, run).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

thread_local! {
    /// Values whose drop waits for the next painted frame.
    static LATER: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `value` until the next frame has been painted, then drops it: freeing an old plan
/// of 3,000 seats takes about a millisecond that the repaint after an edit need not wait for.
pub fn drop_after_paint<T: 'static>(value: T) {
    let first = LATER.with(|l| {
        let mut l = l.borrow_mut();
        l.push(Box::new(value));
        l.len() == 1
    });
    if first {
        after_paint(|| {
            let values = LATER.with(|l| std::mem::take(&mut *l.borrow_mut()));
            drop(values);
        });
    }
}
