//! Data-driven line-up fixtures (`tests/fixtures/lineup/*.json`, one behaviour each).
//!
//! A fixture is `{about, convention?, lineups, units?/people?/set? (see fixture.rs),
//! instructions?, expect, show?, unplaced?, diagnostics?}`: `expect` has one entry per
//! line-up, its rows front first, each from the camera's left as person numbers — or, with
//! `show: "sides"`, in PROTOCOL's notation: `H` the row's host, `h2 h3 …` host staff and
//! `G1 G2 …` guests, numbered by precedence within the row.

use crate::fixture::{self, expect, num, roster, verdict};
use crate::support::scenario;
use seating_core::plan;
use serde_json::{json, Value};

fn check(f: &Value) -> Result<(), String> {
    let (units, people) = roster(f, "hall");
    let s = scenario(json!({
        "format": "seating/1",
        "convention": f.get("convention").cloned().unwrap_or(json!({})),
        "units": units,
        "people": people,
        "lineups": f["lineups"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let p = plan(&s);
    let sides = f["show"] == "sides";
    let side_of = |id: &str| s.people.iter().find(|x| x.id == id).and_then(|x| x.side);
    let got: Vec<Vec<String>> = p
        .lineups
        .iter()
        .map(|l| {
            l.rows
                .iter()
                .map(|row| {
                    if !sides {
                        return row.iter().map(|id| num(id)).collect::<Vec<_>>().join(" ");
                    }
                    let mut by_prec: Vec<&String> = row.iter().collect();
                    by_prec.sort_by_key(|id| num(id).parse::<u32>().unwrap());
                    let (mut h, mut g) = (0, 0);
                    let mut name = std::collections::HashMap::new();
                    for id in by_prec {
                        let tag = if side_of(id) == Some(seating_core::Party::Guest) {
                            g += 1;
                            format!("G{g}")
                        } else {
                            h += 1;
                            if h == 1 {
                                "H".into()
                            } else {
                                format!("h{h}")
                            }
                        };
                        name.insert(id.clone(), tag);
                    }
                    row.iter().map(|id| name[id].clone()).collect::<Vec<_>>().join(" ")
                })
                .collect()
        })
        .collect();
    let mut problems = Vec::new();
    expect(f, "expect", json!([]), json!(got), &mut problems);
    let unplaced: Vec<Vec<String>> = p.lineups.iter().map(|l| l.unplaced.clone()).collect();
    let none: Vec<Vec<String>> = vec![Vec::new(); p.lineups.len()];
    expect(f, "unplaced", json!(none), json!(unplaced), &mut problems);
    expect(f, "diagnostics", json!([]), json!(fixture::serious_codes(&p)), &mut problems);
    for l in &p.lineups {
        for pl in &l.places {
            if pl.reason.trim().is_empty()
                || l.rows[pl.row as usize - 1][pl.position as usize - 1] != pl.person
            {
                problems.push(format!("{}: place {:?} disagrees with its row or has no reason", l.name, pl));
            }
        }
    }
    verdict(problems)
}

#[test]
fn lineup_fixtures() {
    fixture::run("lineup", 8, check);
}
