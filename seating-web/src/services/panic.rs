//! The panic boundary: a panic anywhere in the page shows an error panel instead of a blank
//! or frozen page, with a button that exports the autosaved scenario from `localStorage`.
//!
//! After a panic the WebAssembly instance cannot be trusted (with `panic = "abort"` it has
//! trapped), so the panel is plain DOM and its buttons are plain JavaScript: they still work
//! when nothing in Rust does. The message is set as text, never as HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// JavaScript for the export button: the active draft's autosaved JSON as a download.
const EXPORT_JS: &str = r#"
try {
  var idx = JSON.parse(localStorage.getItem('seating.v1.index') || 'null');
  var id = idx && idx.active;
  var text = id ? localStorage.getItem('seating.v1.draft.' + id) : null;
  if (!text) { alert('No saved scenario found / 未找到已保存的方案'); return; }
  var entry = (idx.drafts || []).filter(function (d) { return d.id === id; })[0] || {};
  var name = String(entry.name || 'scenario').replace(/[\\/:*?"<>|]/g, '_');
  var a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name + '.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
} catch (e) { alert(String(e)); }
"#;

/// Installs the hook (before the app renders: yew keeps a custom hook).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!(format!("座次 Seating panicked: {message}"));
        let _ = show(&message);
    }));
}

fn texts(lang: &str) -> [&'static str; 4] {
    if lang.starts_with("en") {
        [
            "Something went wrong",
            "The page stopped because of an internal error. Your work is saved in this browser after every change: reload to carry on, or export the scenario first.",
            "Export scenario JSON",
            "Reload",
        ]
    } else if lang.eq_ignore_ascii_case("zh-TW") || lang.eq_ignore_ascii_case("zh-HK") {
        [
            "頁面出錯了",
            "頁面因內部錯誤而停止。每次修改後方案都已自動保存在本瀏覽器中：重新載入即可繼續，也可以先導出方案。",
            "導出方案 JSON",
            "重新載入",
        ]
    } else {
        [
            "页面出错了",
            "页面因内部错误而停止。每次修改后方案都已自动保存在本浏览器中：重新载入即可继续，也可以先导出方案。",
            "导出方案 JSON",
            "重新载入",
        ]
    }
}

fn show(message: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let body = document.body().ok_or("no body")?;
    if let Some(existing) = document.get_element_by_id("panic-panel") {
        // A second panic: add its message.
        let p = document.create_element("pre")?;
        p.set_text_content(Some(message));
        existing.append_child(&p)?;
        return Ok(());
    }
    let lang =
        document.document_element().map(|e| e.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    let [title, help, export, reload] = texts(&lang);
    let panel = document.create_element("div")?;
    panel.set_id("panic-panel");
    panel.set_attribute("role", "alert")?;
    let h = document.create_element("h2")?;
    h.set_text_content(Some(title));
    let p = document.create_element("p")?;
    p.set_text_content(Some(help));
    let pre = document.create_element("pre")?;
    pre.set_text_content(Some(message));
    let buttons = document.create_element("p")?;
    let b1: web_sys::HtmlElement = document.create_element("button")?.dyn_into()?;
    b1.set_id("panic-export");
    b1.set_text_content(Some(export));
    b1.set_onclick(Some(&js_sys::Function::new_no_args(EXPORT_JS)));
    let b2: web_sys::HtmlElement = document.create_element("button")?.dyn_into()?;
    b2.set_text_content(Some(reload));
    b2.set_onclick(Some(&js_sys::Function::new_no_args("location.reload()")));
    buttons.append_child(&b1)?;
    buttons.append_child(&b2)?;
    for child in [&h, &p, &pre, &buttons] {
        panel.append_child(child)?;
    }
    body.append_child(&panel)?;
    Ok(())
}
