//! The 座次 / Seating web page: a Yew app and a small JavaScript API over `seating-core`.
//!
//! Built for `wasm32-unknown-unknown` by `cargo xtask dist`, which runs wasm-bindgen in
//! `--target web` mode. The generated module `seating_web.js` exports:
//!
//! - `default` (`init`): loads `seating_web_bg.wasm`; call and await it first;
//! - [`run_app`]: mounts the page into `#app` (or `<body>` when there is none);
//! - the JS API of [`api`]: `plan`, `validate`, `chart`, `layout`, `importTable`, … .
//!
//! Codemap: [`state`] (the reducer: drafts, undo history, selection), [`history`] (undo
//! steps that keep only what changed), [`planned`] (the core's plan and layout, indexed),
//! [`app`] (the root component and its effects), [`components`] (one file per component),
//! [`services`] (every browser access: storage, files, downloads, printing, the panic
//! panel), [`exports`] (files made by the core's exporters), [`i18n`] (简体, 繁體, English).
//!
//! Every browser access of the project lives in this crate; `seating-core` knows nothing
//! about the browser, and the page computes no seat and no coordinate itself.

pub mod api;
pub mod app;
pub mod components;
pub mod exports;
pub mod history;
pub mod i18n;
pub mod planned;
pub mod services;
pub mod state;

use wasm_bindgen::prelude::*;

/// Mounts the Yew app into the element with id `app`, or into `<body>` when there is none.
/// Installs the panic panel first, so that no panic leaves a blank page.
///
/// Not a `#[wasm_bindgen(start)]` function on purpose: a page that only wants the JS API
/// imports the same module without getting the app drawn into it.
#[wasm_bindgen]
pub fn run_app() {
    services::panic::install();
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
