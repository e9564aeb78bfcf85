//! Downloads: a file made in the page (text or bytes) saved through a temporary object URL,
//! and PNG pictures of the core's SVG chart drawn on an offscreen canvas.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn blob(parts: &js_sys::Array, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)
}

/// Saves `blob` as `filename` (the browser's download).
pub fn save_blob(blob: &web_sys::Blob, filename: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.style().set_property("display", "none")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download has to start first.
    let later = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&later);
    })
    .forget();
    Ok(())
}

/// Saves text (UTF-8) as `filename`.
pub fn save_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    save_blob(&blob(&js_sys::Array::of1(&bytes), mime)?, filename)
}

/// Saves bytes as `filename`.
pub fn save_bytes(bytes: &[u8], mime: &str, filename: &str) -> Result<(), JsValue> {
    let bytes = js_sys::Uint8Array::from(bytes);
    save_blob(&blob(&js_sys::Array::of1(&bytes), mime)?, filename)
}

/// Draws an SVG document (the core's chart) on an offscreen canvas of `width` × `height`
/// pixels on white, and resolves to a PNG blob.
pub async fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<web_sys::Blob, JsValue> {
    let bytes = js_sys::Uint8Array::from(svg.as_bytes());
    let svg_blob = blob(&js_sys::Array::of1(&bytes), "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result.map_err(|_| JsValue::from_str("the chart could not be drawn as a picture"))?;
    let canvas = web_sys::OffscreenCanvas::new(width, height)?;
    let ctx: web_sys::OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width as f64, height as f64);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width as f64, height as f64)?;
    let options = web_sys::ImageEncodeOptions::new();
    options.set_type("image/png");
    let png = JsFuture::from(canvas.convert_to_blob_with_options(&options)?).await?;
    png.dyn_into()
}
