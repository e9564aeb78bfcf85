//! Arbitrary bytes as an Excel workbook: `read_xlsx` never panics, its errors are table
//! errors, and its text always parses as a table whose rows sit on the text's lines.
//! The bytes are tried twice: as the file itself (ZIP directory, DEFLATE), and as the XML
//! of a shared-strings part and a worksheet (split at the first 0xFF byte) in a well-formed
//! STORED package, so that the tag scanner sees what the checksums would otherwise stop.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seating_core::import::{parse_table, read_xlsx};
use seating_core::Error;

fn check(bytes: &[u8]) {
    match read_xlsx(bytes) {
        Ok(text) => {
            let lines = text.split('\n').count();
            match parse_table(&text) {
                Ok(t) => {
                    for (line, _) in &t.rows {
                        assert!(*line >= 1 && *line <= lines, "row line {line} outside 1..={lines}");
                    }
                }
                Err(Error::Table { line, .. }) => assert!(line >= 1, "a parse error names its line"),
                Err(e) => panic!("parse_table gave a non-table error: {e}"),
            }
        }
        Err(Error::Table { .. }) => {}
        Err(e) => panic!("read_xlsx gave a non-table error: {e}"),
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

/// A STORED ZIP of the files (no compression, correct CRCs).
fn package(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let mut common = Vec::new();
        for v in [20u16, 0, 0, 0, 0x21] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc32(data), data.len() as u32, data.len() as u32] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x0403_4B50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4B50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 8]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4B50u32.to_le_bytes());
    let n = files.len() as u16;
    for v in [0u16, 0, n, n] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let (strings, sheet) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[][..], data),
    };
    check(&package(&[("xl/sharedStrings.xml", strings), ("xl/worksheets/sheet1.xml", sheet)]));
});
