//! Data-driven hall fixtures (`tests/fixtures/hall/*.json`, one behaviour each) and a
//! 3,000-person scale check.
//!
//! A fixture is `{about, convention?, hall, units?/people?/set? (see fixture.rs),
//! instructions?, expect?, expect_people?, numbers?, labels?, unseated?, diagnostics?,
//! reasons?}`:
//! - `expect`: rows front first, one character per seat from the audience's left: the unit
//!   letter (`a` = u1, `*` = no unit), `.` empty, `#` blocked, `R` reserved; `|` marks an aisle.
//! - `expect_people`: the same rows as person numbers separated by spaces (`_` for empty).
//! - `numbers`: rows of the printed seat numbers (`|` at aisles).
//! - `labels`: seat id → printed label; `reasons`: person id → text its reason contains.

use crate::fixture::{self, expect, num, roster, verdict};
use crate::support::{codes, scenario};
use seating_core::{hall::Shape, plan, Plan, Scenario, SeatId};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

fn build(f: &Value) -> Scenario {
    let (units, people) = roster(f, "hall");
    scenario(json!({
        "format": "seating/1",
        "convention": f.get("convention").cloned().unwrap_or(json!({})),
        "units": units,
        "people": people,
        "hall": f["hall"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }))
}

/// Renders the hall rows of a plan; `cell` turns an occupant (person id or None for a
/// reserved seat) into text, `sep` joins cells.
fn rows(s: &Scenario, p: &Plan, people_view: bool) -> Vec<String> {
    let shape = Shape::new(s.hall.as_ref().unwrap());
    let by_seat: HashMap<&str, &seating_core::SeatAssignment> =
        p.seats.iter().map(|a| (a.seat.as_str(), a)).collect();
    let unit_of: HashMap<&str, Option<&str>> =
        s.people.iter().map(|x| (x.id.as_str(), x.unit.as_deref())).collect();
    let blocked: HashSet<&str> = s.hall.as_ref().unwrap().blocked.iter().map(String::as_str).collect();
    (1..=shape.rows())
        .map(|r| {
            let len = shape.row(r).unwrap().len;
            let mut cells: Vec<String> = Vec::new();
            for c in 1..=len {
                if c > 1 && shape.block(r, c) != shape.block(r, c - 1) {
                    cells.push("|".into());
                }
                let id = SeatId::hall(r, c).to_string();
                let cell = match by_seat.get(id.as_str()) {
                    Some(a) if a.reserved => "R".to_string(),
                    Some(a) => {
                        let who = a.person.as_deref().unwrap();
                        if people_view {
                            num(who)
                        } else {
                            match unit_of[who] {
                                Some(u) => {
                                    let k: u8 = u.trim_start_matches('u').parse().unwrap();
                                    ((b'a' + k - 1) as char).to_string()
                                }
                                None => "*".into(),
                            }
                        }
                    }
                    None if blocked.contains(id.as_str()) => "#".into(),
                    None if people_view => "_".into(),
                    None => ".".into(),
                };
                cells.push(cell);
            }
            cells.join(if people_view { " " } else { "" })
        })
        .collect()
}

fn check(f: &Value) -> Result<(), String> {
    let s = build(f);
    let p = plan(&s);
    let shape = Shape::new(s.hall.as_ref().unwrap());
    let mut problems = Vec::new();
    if f.get("expect").is_some() {
        expect(f, "expect", json!([]), json!(rows(&s, &p, false)), &mut problems);
    }
    if f.get("expect_people").is_some() {
        expect(f, "expect_people", json!([]), json!(rows(&s, &p, true)), &mut problems);
    }
    if f.get("numbers").is_some() {
        let numbers: Vec<String> = (1..=shape.rows())
            .map(|r| {
                let mut cells = Vec::new();
                for c in 1..=shape.row(r).unwrap().len {
                    if c > 1 && shape.block(r, c) != shape.block(r, c - 1) {
                        cells.push("|".to_string());
                    }
                    cells.push(shape.number(SeatId::hall(r, c), &s.convention).to_string());
                }
                cells.join(" ")
            })
            .collect();
        expect(f, "numbers", json!([]), json!(numbers), &mut problems);
    }
    if let Some(labels) = f["labels"].as_object() {
        for (seat, want) in labels {
            let id: SeatId = seat.parse().unwrap();
            let got = p
                .seats
                .iter()
                .find(|a| a.seat == *seat)
                .map_or_else(|| shape.label(id, &s.convention, s.meeting.script), |a| a.label.clone());
            if got != want.as_str().unwrap() {
                problems.push(format!("label of {seat}: want {want}, got {got}"));
            }
        }
    }
    if let Some(reasons) = f["reasons"].as_object() {
        for (who, want) in reasons {
            let got =
                p.seats.iter().find(|a| a.person.as_deref() == Some(who)).map_or("", |a| a.reason.as_str());
            if !got.contains(want.as_str().unwrap()) {
                problems.push(format!("reason of {who} should contain {want}: {got}"));
            }
        }
    }
    expect(f, "unseated", json!([]), json!(p.unseated), &mut problems);
    expect(f, "diagnostics", json!([]), json!(codes(&p)), &mut problems);
    for a in &p.seats {
        if a.reason.trim().is_empty() {
            problems.push(format!("seat {} has no reason", a.seat));
        }
    }
    verdict(problems)
}

#[test]
fn hall_fixtures() {
    fixture::run("hall", 30, check);
}

/// A 3,000-person congress: 60 units of 30–70, a 70 × 50 hall with two aisles. Every method
/// seats everyone once, front first, units together where the method promises it.
#[test]
fn three_thousand_people_in_sixty_units() {
    let sizes: Vec<u64> = (0..60).map(|k| 30 + (k * 37) % 41).collect();
    let total: u64 = sizes.iter().sum();
    let mut sizes = sizes;
    // Make it exactly 3,000.
    let diff = total as i64 - 3000;
    sizes[0] = (sizes[0] as i64 - diff) as u64;
    assert_eq!(sizes.iter().sum::<u64>(), 3000);
    for (method, blocks) in [
        ("rows", "left-to-right"),
        ("columns", "left-to-right"),
        ("columns", "centre-out"),
        ("centre-out", "left-to-right"),
    ] {
        let f = json!({
            "units": sizes,
            "convention": {"hall_method": method, "column_blocks": blocks, "numbering": "odd-even"},
            "hall": {"rows": 70, "seats": 50, "aisles": [12, 38], "blocked": ["H1-25", "H10-1"]},
        });
        let s = build(&f);
        let p = plan(&s);
        assert!(p.unseated.is_empty(), "{method}/{blocks}: {} unseated", p.unseated.len());
        assert_eq!(p.seats.len(), 3000);
        let seats: HashSet<&str> = p.seats.iter().map(|a| a.seat.as_str()).collect();
        assert_eq!(seats.len(), 3000, "{method}: a seat twice");
        let people: HashSet<&str> = p.seats.iter().filter_map(|a| a.person.as_deref()).collect();
        assert_eq!(people.len(), 3000, "{method}: a person twice");
        assert!(!seats.contains("H1-25") && !seats.contains("H10-1"), "{method}: blocked seat used");
        crate::hall_props::front_first(&s, &p).unwrap_or_else(|e| panic!("{method}/{blocks}: {e}"));
        crate::hall_props::units_together(&s, &p).unwrap_or_else(|e| panic!("{method}/{blocks}: {e}"));
        assert!(p.diagnostics.iter().all(|d| d.level != seating_core::Level::Error));
    }
}
