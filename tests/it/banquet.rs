//! Data-driven banquet fixtures (`tests/fixtures/banquet/*.json`, one behaviour each).
//!
//! A fixture is `{about, convention?, banquet, units?/people?/set? (see fixture.rs),
//! instructions?, tables?, seats?, members?, unseated?, diagnostics?}`:
//! - `tables`: grid rows far end first, table numbers from the door's left (`6 4 2 1 3 5 7`);
//! - `seats`: table number → person numbers by position 1, 2, … (`_` for an empty seat);
//! - `members`: table number → the person numbers at that table, ascending.

use crate::fixture::{self, expect, num, roster, verdict};
use crate::support::scenario;
use seating_core::plan;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn check(f: &Value) -> Result<(), String> {
    let (units, people) = roster(f, "hall");
    let s = scenario(json!({
        "format": "seating/1",
        "convention": f.get("convention").cloned().unwrap_or(json!({})),
        "units": units,
        "people": people,
        "banquet": f["banquet"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let p = plan(&s);
    let b = p.banquet.as_ref().ok_or("no banquet in the plan")?;
    let mut problems = Vec::new();
    if f.get("tables").is_some() {
        let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for t in &b.tables {
            let row = rows.entry(t.row).or_insert_with(|| vec!["?".into(); t.row_tables as usize]);
            row[t.col as usize - 1] = t.number.to_string();
        }
        let got: Vec<String> = rows.values().map(|r| r.join(" ")).collect();
        expect(f, "tables", json!([]), json!(got), &mut problems);
    }
    if let Some(want) = f["seats"].as_object() {
        for (table, want) in want {
            let number: u32 = table.parse().unwrap();
            let n = b.tables.iter().find(|t| t.number == number).map_or(0, |t| t.seats);
            let got: Vec<String> = (1..=n)
                .map(|pos| {
                    b.seats
                        .iter()
                        .find(|x| x.table == number && x.position == pos)
                        .map_or("_".into(), |x| num(&x.person))
                })
                .collect();
            if got.join(" ") != want.as_str().unwrap() {
                problems.push(format!("seats at table {table}: want {want}, got {:?}", got.join(" ")));
            }
        }
    }
    if let Some(want) = f["members"].as_object() {
        for (table, want) in want {
            let number: u32 = table.parse().unwrap();
            let mut got: Vec<u32> = b
                .seats
                .iter()
                .filter(|x| x.table == number)
                .map(|x| num(&x.person).parse().unwrap())
                .collect();
            got.sort_unstable();
            let got: Vec<String> = got.iter().map(u32::to_string).collect();
            if got.join(" ") != want.as_str().unwrap() {
                problems.push(format!("members of table {table}: want {want}, got {:?}", got.join(" ")));
            }
        }
    }
    expect(f, "unseated", json!([]), json!(b.unseated), &mut problems);
    expect(f, "diagnostics", json!([]), json!(fixture::serious_codes(&p)), &mut problems);
    let mut seen = std::collections::HashSet::new();
    for x in &b.seats {
        if x.reason.trim().is_empty() {
            problems.push(format!("{} has no reason", x.seat));
        }
        if !seen.insert(&x.seat) || !seen.insert(&x.person) {
            problems.push(format!("{} or {} twice", x.seat, x.person));
        }
    }
    verdict(problems)
}

#[test]
fn banquet_fixtures() {
    fixture::run("banquet", 10, check);
}

/// 1–40 tables in grids of every width: table numbers are a bijection, farther rows
/// outrank nearer ones, and every diner who fits is seated exactly once.
#[test]
fn table_grids_of_every_size() {
    for tables in 1..=40u32 {
        for per_row in 1..=tables.min(9) {
            for order in ["right-superior", "left-superior"] {
                let f = json!({"people": tables * 3, "banquet": {"tables": tables, "seats": 4, "per_row": per_row, "order": order, "by": "precedence"}});
                let (units, people) = roster(&f, "hall");
                let s = scenario(
                    json!({"format": "seating/1", "units": units, "people": people, "banquet": f["banquet"]}),
                );
                let b = plan(&s).banquet.unwrap();
                let mut numbers: Vec<u32> = b.tables.iter().map(|t| t.number).collect();
                numbers.sort_unstable();
                assert_eq!(numbers, (1..=tables).collect::<Vec<_>>());
                assert!(b.tables.windows(2).all(|w| w[0].row <= w[1].row), "far rows first");
                let places: std::collections::HashSet<(u32, u32)> =
                    b.tables.iter().map(|t| (t.row, t.col)).collect();
                assert_eq!(places.len(), tables as usize, "two tables in one place");
                assert_eq!(b.seats.len(), (tables * 3) as usize);
                assert!(b.unseated.is_empty());
                // By precedence: every diner at table t outranks every diner at table t + 1.
                let table_of = |id: &str| b.seats.iter().find(|x| x.person == id).unwrap().table;
                for k in 1..tables * 3 {
                    assert!(table_of(&format!("p{k}")) <= table_of(&format!("p{}", k + 1)));
                }
            }
        }
    }
}
