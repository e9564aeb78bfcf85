//! Data-driven podium fixtures: `tests/fixtures/podium/*.json`, one behaviour each.
//!
//! A fixture is `{about, convention?, podium: [rows] | {rows, shrink}, people: N,
//! instructions?, expect: ["row as PROTOCOL writes it", …], unseated?, diagnostics?}`.
//! People are `p1..pN` ranked 1..N; adding a case is adding a file.

use crate::support::{codes, numbered_people, podium_rows, scenario};
use serde_json::{json, Value};
use std::path::Path;

fn check(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let f: Value = serde_json::from_str(&text).map_err(|e| format!("bad fixture: {e}"))?;
    let podium = if f["podium"].is_array() { json!({"rows": f["podium"]}) } else { f["podium"].clone() };
    let rows: Vec<u32> = serde_json::from_value(podium["rows"].clone()).unwrap();
    let n = f["people"].as_u64().unwrap() as usize;
    let s = scenario(json!({
        "format": "seating/1",
        "convention": f.get("convention").cloned().unwrap_or(json!({})),
        "people": numbered_people(n, "podium"),
        "podium": podium,
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let plan = seating_core::plan(&s);
    let shown_rows: Vec<u32> =
        if podium["shrink"] == json!(true) { seating_core::podium::shrink(&rows, n) } else { rows.clone() };
    let got = podium_rows(&plan, &shown_rows);
    let want: Vec<String> = serde_json::from_value(f["expect"].clone()).unwrap();
    let mut problems = Vec::new();
    if got != want {
        problems.push(format!("rows: want {want:?}, got {got:?}"));
    }
    let want_unseated: Vec<String> =
        serde_json::from_value(f.get("unseated").cloned().unwrap_or(json!([]))).unwrap();
    if plan.unseated != want_unseated {
        problems.push(format!("unseated: want {want_unseated:?}, got {:?}", plan.unseated));
    }
    let want_codes: Vec<String> =
        serde_json::from_value(f.get("diagnostics").cloned().unwrap_or(json!([]))).unwrap();
    if codes(&plan) != want_codes {
        problems.push(format!("diagnostic codes: want {want_codes:?}, got {:?}", codes(&plan)));
    }
    for seat in &plan.seats {
        if seat.reason.trim().is_empty() {
            problems.push(format!("seat {} has no reason", seat.seat));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn podium_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/podium");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 20, "fixtures missing from {}", dir.display());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| check(p).err().map(|e| format!("{}: {e}", p.file_name().unwrap().to_string_lossy())))
        .collect();
    assert!(failures.is_empty(), "{} fixture(s) failed:\n{}", failures.len(), failures.join("\n"));
}
