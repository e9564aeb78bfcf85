//! Shared helpers: build scenarios of numbered people and render plans as PROTOCOL rows.

use seating_core::{Plan, Scenario};
use serde_json::{json, Value};

/// People `p1..pn` with `rank = i`, all in `section`.
pub fn numbered_people(n: usize, section: &str) -> Value {
    Value::Array(
        (1..=n)
            .map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "section": section}))
            .collect(),
    )
}

/// Parses a scenario from a JSON value, panicking with the error's text.
pub fn scenario(v: Value) -> Scenario {
    Scenario::from_json(&v.to_string()).unwrap_or_else(|e| panic!("invalid test scenario: {e}"))
}

/// Renders podium rows front first, as PROTOCOL writes them: the number of the person in each
/// seat from the audience's left (`p7` → `7`), `_` for an empty seat, `R` for a reserved one.
pub fn podium_rows(plan: &Plan, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .enumerate()
        .map(|(r, &len)| {
            (1..=len)
                .map(|c| {
                    let id = format!("P{}-{}", r + 1, c);
                    match plan.seats.iter().find(|s| s.seat == id) {
                        Some(s) if s.reserved => "R".to_string(),
                        Some(s) => s.person.as_deref().unwrap_or("?").trim_start_matches('p').to_string(),
                        None => "_".to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Distinct diagnostic codes of a plan, sorted.
pub fn codes(plan: &Plan) -> Vec<String> {
    let mut c: Vec<String> = plan.diagnostics.iter().map(|d| d.code.clone()).collect();
    c.sort();
    c.dedup();
    c
}
