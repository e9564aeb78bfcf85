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

/// Reasons and diagnostics in Chinese (the default) and in English (`meeting.language: en`,
/// the wording as it always was): host seats, the main table, a unit kept at one table,
/// too many hosts and a diner without a seat.
#[test]
fn reasons_and_diagnostics_in_both_languages() {
    let run = |language: &str| {
        let f = json!({"units": [3, 4], "people": 2});
        let (units, people) = roster(&f, "hall");
        plan(&scenario(json!({"format": "seating/1", "meeting": {"language": language},
            "units": units, "people": people,
            "banquet": {"tables": 2, "seats": 4, "hosts": ["p1", "p2", "p3", "p4", "p5"]}})))
    };
    let seat = |p: &seating_core::Plan, id: &str| {
        p.banquet.as_ref().unwrap().seats.iter().find(|x| x.person == id).unwrap().reason.clone()
    };
    let table = |p: &seating_core::Plan, n: usize| p.banquet.as_ref().unwrap().tables[n - 1].reason.clone();
    let message = |p: &seating_core::Plan, code: &str| {
        p.diagnostics.iter().find(|d| d.code == code).map(|d| d.message.clone()).unwrap_or_default()
    };
    // p1–p4 take the host seats; p5 (a host left over) and p6 go to the main table; p7,
    // the rest of 單位2, to table 2 whole; p8 and p9 (no unit) share its last seat.
    let zh = run("zh");
    assert_eq!(seat(&zh, "p1"), "由banquet.hosts指定；主桌第1席：主人，面向正門");
    assert_eq!(seat(&zh, "p2"), "由banquet.hosts指定；主桌第2席：第二主人，與主人相對");
    assert_eq!(seat(&zh, "p5"), "位次第5：主桌安排位次最前的就餐人員；主桌第3席：第1主賓，在主人右側");
    assert_eq!(seat(&zh, "p7"), "位次第7，單位2全體同桌；2號桌第3席：第1主賓，在主人右側");
    assert_eq!(table(&zh, 1), "主桌：離門最遠一排的首位（離門遠者為上）");
    assert_eq!(
        table(&zh, 2),
        "自遠端起第1排（離門遠者為上），本排第2位（共2桌；以右為上：主人右側（自門看為左側）為上）"
    );
    assert_eq!(
        message(&zh, "too-many-hosts"),
        "banquet.hosts：列出5位主人，主人座位只有4個；其餘作為賓客就座"
    );
    assert_eq!(message(&zh, "not-enough-seats"), "banquet：1位就餐人員沒有座位；請增加桌數或座位");

    let en = run("en");
    assert_eq!(seat(&en, "p1"), "named in banquet.hosts; seat 1 at 主桌: host (主人), facing the door");
    assert_eq!(
        seat(&en, "p2"),
        "named in banquet.hosts; seat 2 at 主桌: second host (第二主人), opposite the host"
    );
    assert_eq!(
        seat(&en, "p5"),
        "#5 by precedence: the main table takes the most senior diners; seat 3 at 主桌: guest 1 (第1主賓), on the host's right"
    );
    assert_eq!(
        seat(&en, "p7"),
        "#7 by precedence, with all of 單位2 at this table; seat 3 at 2號桌: guest 1 (第1主賓), on the host's right"
    );
    assert_eq!(
        table(&en, 1),
        "main table: the far row's first place (the far end outranks tables nearer the door)"
    );
    assert_eq!(
        table(&en, 2),
        "row 1 from the far end (farther outranks nearer), place 2 of 2 in the row (right-superior: the host's right, the door's left, is higher)"
    );
    assert_eq!(
        message(&en, "too-many-hosts"),
        "banquet.hosts: 5 hosts listed for 4 host seats; the rest dine as guests"
    );
    assert_eq!(message(&en, "not-enough-seats"), "banquet: 1 diners without a seat; add tables or seats");
    // Only the words differ.
    assert_eq!(
        zh.banquet.as_ref().unwrap().seats.iter().map(|x| (&x.seat, &x.person, &x.label)).collect::<Vec<_>>(),
        en.banquet.as_ref().unwrap().seats.iter().map(|x| (&x.seat, &x.person, &x.label)).collect::<Vec<_>>()
    );
}
