//! Arbitrary bytes as a roster (Excel paste, CSV): sniffing the encoding, splitting the
//! table and mapping rows to people never panic; a row error names its line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seating_core::import::{self, Encoding, Field};
use seating_core::Error;

fuzz_target!(|data: &[u8]| {
    let enc = import::sniff_encoding(data);
    let _ = enc.label();
    let Ok(text) = std::str::from_utf8(data) else {
        assert_ne!(enc, Encoding::Utf8, "invalid UTF-8 sniffed as UTF-8");
        return;
    };
    let table = match import::parse_table(text) {
        Ok(t) => t,
        Err(Error::Table { line, .. }) => {
            assert!(line >= 1, "a parse error names its line");
            return;
        }
        Err(e) => panic!("parse_table gave a non-table error: {e}"),
    };
    let lines = text.split('\n').count();
    for (line, _) in &table.rows {
        assert!(*line >= 1 && *line <= lines, "row line {line} outside 1..={lines}");
    }
    // The guessed header, and a fixed mapping so that headerless input is mapped too.
    let guessed = table.header.as_deref().and_then(import::guess_columns);
    let fixed = [Field::Name, Field::Post, Field::Unit, Field::Rank, Field::Section, Field::Role, Field::Id];
    for columns in guessed.iter().map(Vec::as_slice).chain([&fixed[..]]) {
        match import::roster(&table, columns, &[]) {
            Ok(r) => {
                assert_eq!(r.people.len(), table.rows.len());
                // Whatever was imported is a valid scenario.
                let mut s = seating_core::Scenario::new();
                s.people = r.people;
                s.units = r.units;
                s.validate().expect("imported people and units form a valid scenario");
            }
            Err(Error::Table { line, column, .. }) => {
                // Mapping errors are about no line; row errors name the line and the column.
                assert!(line == 0 || !column.is_empty(), "row error without a column");
            }
            Err(e) => panic!("roster gave a non-table error: {e}"),
        }
    }
});
