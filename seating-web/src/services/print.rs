//! Printing: the core's chart SVG goes into `#print-area` (the only thing the print style
//! sheet shows) with an `@page` rule of the chart's paper size, then `window.print()`.
//!
//! The SVG is parsed as XML by `DOMParser` and imported as nodes: it is never handled as
//! HTML, and the core escapes every name in it.

use wasm_bindgen::JsValue;

const AREA: &str = "print-area";
const PAGE_STYLE: &str = "print-page";

/// Puts `svg` (a page of `width_mm` × `height_mm`) into the print area.
pub fn prepare(svg: &str, width_mm: f64, height_mm: f64) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let body = document.body().ok_or("no body")?;
    let area = match document.get_element_by_id(AREA) {
        Some(a) => a,
        None => {
            let a = document.create_element("div")?;
            a.set_id(AREA);
            body.append_child(&a)?;
            a
        }
    };
    let parsed = web_sys::DomParser::new()?.parse_from_string(svg, web_sys::SupportedType::ImageSvgXml)?;
    let root = parsed.document_element().ok_or("empty chart")?;
    if root.tag_name() != "svg" {
        return Err("the chart is not an SVG document".into());
    }
    let node = document.import_node_with_deep(&root, true)?;
    area.set_text_content(None);
    area.append_child(&node)?;
    let style = match document.get_element_by_id(PAGE_STYLE) {
        Some(s) => s,
        None => {
            let s = document.create_element("style")?;
            s.set_id(PAGE_STYLE);
            document.head().ok_or("no head")?.append_child(&s)?;
            s
        }
    };
    style.set_text_content(Some(&format!(
        "@page{{size:{width_mm}mm {height_mm}mm;margin:0}}\
         @media print{{#{AREA}{{width:{width_mm}mm;height:{height_mm}mm;overflow:hidden}}\
         #{AREA} svg{{width:{width_mm}mm;height:{height_mm}mm}}}}"
    )));
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() -> Result<(), JsValue> {
    gloo::utils::window().print()
}
