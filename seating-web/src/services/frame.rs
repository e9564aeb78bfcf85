//! Work put off until the browser has painted: the frame that shows an edit comes first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Work to run once.
type Task = Box<dyn FnOnce()>;

/// Runs `f` once, in the first task after the next frame is painted (`requestAnimationFrame`
/// then a zero timeout), or after 100 ms if no frame comes first (hidden tabs get none).
/// While the page is being left ([`flush_for_unload`]) it runs `f` at once instead.
pub fn after_paint(f: impl FnOnce() + 'static) {
    if LEAVING.with(Cell::get) {
        f();
        return;
    }
    let task: Rc<Cell<Option<Task>>> = Rc::new(Cell::new(Some(Box::new(f))));
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        // Forget the tasks that have run.
        p.retain(|t| {
            let f = t.take();
            let waiting = f.is_some();
            t.set(f);
            waiting
        });
        p.push(task.clone());
    });
    let run = move || {
        if let Some(f) = task.take() {
            f();
        }
    };
    gloo::timers::callback::Timeout::new(100, run.clone()).forget();
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, run).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// The page is being left (reloaded, closed, navigated away): runs every waiting
/// [`after_paint`] task now (the autosave among them), and the ones queued from here on at
/// once, until the next task (if the user stays after all).
pub fn flush_for_unload() {
    LEAVING.with(|l| l.set(true));
    let waiting = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for t in waiting {
        if let Some(f) = t.take() {
            f();
        }
    }
    // Microtasks (yew's render of a last edit, and its autosave) run before this.
    gloo::timers::callback::Timeout::new(0, || LEAVING.with(|l| l.set(false))).forget();
}

thread_local! {
    /// [`after_paint`] tasks that have not run yet.
    static PENDING: RefCell<Vec<Rc<Cell<Option<Task>>>>> = const { RefCell::new(Vec::new()) };
    /// Set by [`flush_for_unload`].
    static LEAVING: Cell<bool> = const { Cell::new(false) };
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
