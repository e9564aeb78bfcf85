//! The 座次 / Seating web page: a Yew app and a small JavaScript API over `seating-core`.
//!
//! Built for `wasm32-unknown-unknown` by `cargo xtask dist`, which runs wasm-bindgen in
//! `--target web` mode. The generated module `seating_web.js` exports:
//!
//! - `default` (`init`): loads `seating_web_bg.wasm`; call and await it first;
//! - [`run_app`]: mounts the page into `#app` (or `<body>` when there is none);
//! - the JS API of [`api`]: [`api::plan`] and [`api::plan_json`].
//!
//! Every browser access of the project lives in this crate; `seating-core` knows nothing
//! about the browser.

pub mod api;
pub mod app;

use wasm_bindgen::prelude::*;

/// Mounts the Yew app into the element with id `app`, or into `<body>` when there is none.
///
/// Not a `#[wasm_bindgen(start)]` function on purpose: a page that only wants the JS API
/// imports the same module without getting the app drawn into it.
#[wasm_bindgen]
pub fn run_app() {
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
