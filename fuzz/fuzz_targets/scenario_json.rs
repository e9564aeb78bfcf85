//! Arbitrary bytes as a scenario file: parsing must return a value or an `Error`, never
//! panic or overflow the stack; whatever parses must survive a save and a reload unchanged,
//! and the format migration must agree with the parser on the version tag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seating_core::Scenario;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = seating_core::scenario::migrate(v);
    }
    match Scenario::from_json(text) {
        Ok(s) => {
            let again = Scenario::from_json(&s.to_json()).expect("a saved scenario reloads");
            assert_eq!(again, s, "save → reload is lossless");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty());
        }
    }
});
