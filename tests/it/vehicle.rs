//! Data-driven vehicle fixtures (`tests/fixtures/vehicle/*.json`, one behaviour each).
//!
//! A fixture is `{about, vehicles, units?/people?/set? (see fixture.rs), instructions?,
//! expect, unseated?, diagnostics?}`: `expect` lists the cars in motorcade order as
//! `"<name>: [driver=<n>] <position>=<n> …"` in seat order, person numbers for people.

use crate::fixture::{self, expect, num, roster, verdict};
use crate::support::scenario;
use seating_core::plan;
use serde_json::{json, Value};

fn check(f: &Value) -> Result<(), String> {
    let (units, people) = roster(f, "hall");
    let s = scenario(json!({
        "format": "seating/1",
        "units": units,
        "people": people,
        "vehicles": f["vehicles"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let p = plan(&s);
    let v = p.vehicles.as_ref().ok_or("no vehicles in the plan")?;
    let got: Vec<String> = v
        .cars
        .iter()
        .map(|c| {
            let mut parts = vec![format!("{}:", c.name)];
            if let Some(d) = &c.driver {
                parts.push(format!("driver={}", num(d)));
            }
            parts.extend(c.seats.iter().map(|x| format!("{}={}", x.position, num(&x.person))));
            parts.join(" ")
        })
        .collect();
    let mut problems = Vec::new();
    expect(f, "expect", json!([]), json!(got), &mut problems);
    expect(f, "unseated", json!([]), json!(v.unseated), &mut problems);
    expect(f, "diagnostics", json!([]), json!(fixture::serious_codes(&p)), &mut problems);
    for c in &v.cars {
        for x in &c.seats {
            if x.reason.trim().is_empty() {
                problems.push(format!("{} has no reason", x.seat));
            }
        }
    }
    verdict(problems)
}

#[test]
fn vehicle_fixtures() {
    fixture::run("vehicle", 6, check);
}
