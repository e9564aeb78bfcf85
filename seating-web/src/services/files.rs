//! Reading files the user picks: bytes, the encoding the core sniffs, and the browser's
//! `TextDecoder` to decode them (so a GBK CSV from old Excel reads as Chinese, not mojibake).

use seating_core::import::{sniff_encoding, Encoding};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What kind of file the user picked, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A scenario (`.json`).
    Scenario,
    /// A table: CSV, TSV or text.
    Table,
    /// An Excel workbook: `.xlsx` or `.xls`, which the core reads; `.et` (WPS), which it
    /// explains how to save as `.xlsx`.
    Workbook,
}

/// The kind of a file by its extension.
pub fn kind(name: &str) -> Kind {
    let lower = name.to_lowercase();
    if lower.ends_with(".json") {
        Kind::Scenario
    } else if lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".et") {
        Kind::Workbook
    } else {
        Kind::Table
    }
}

/// The file's bytes.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Decodes bytes with the encoding the core sniffs; returns the text and the WHATWG label
/// used. Bytes in no known encoding are an error, never garbled text.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let encoding = sniff_encoding(bytes);
    if encoding == Encoding::Unknown {
        return Err("unknown".into());
    }
    let label = encoding.label();
    let decoder = web_sys::TextDecoder::new_with_label(label).map_err(describe)?;
    let text = decoder.decode_with_u8_array(bytes).map_err(describe)?;
    Ok((text.trim_start_matches('\u{feff}').to_string(), label))
}

fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
