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

/// Foreign-affairs line-ups over several rows, with each side's list ranked on its own (the
/// host side 1, 2, 2, …; the guests 3, 3, …, as two delegation lists are often written):
/// for every mix of 1–6 host-side people, 0–6 guests and front rows of 3–7, guests 1 and 2
/// stand beside the host in the front row, only the host is called 主人, and guests are
/// numbered through the line-up.
#[test]
fn foreign_rows_keep_the_principal_guests_beside_the_host() {
    let mut bad = Vec::new();
    for hosts in 1..=6usize {
        for guests in 0..=6usize {
            for front in 3..=7u32 {
                let mut people = Vec::new();
                for k in 0..hosts {
                    people.push(json!({"id": format!("h{k}"), "name": format!("主{k}"), "rank": if k == 0 { 1 } else { 2 }, "side": "host"}));
                }
                for k in 0..guests {
                    people.push(json!({"id": format!("g{}", k + 1), "name": format!("客{k}"), "rank": 3, "side": "guest"}));
                }
                let s =
                    scenario(json!({"format": "seating/1", "meeting": {"language": "en"}, "people": people,
                    "lineups": [{"name": "合影", "style": "foreign", "rows": [front, 12]}]}));
                let p = plan(&s);
                let l = &p.lineups[0];
                let ctx = format!("hosts {hosts}, guests {guests}, front {front}: {:?}", l.rows);
                let front_row = &l.rows[0];
                let at = |id: &str| front_row.iter().position(|x| x == id);
                let h = at("h0").expect("the host is in the front row");
                if guests >= 1 && at("g1") != h.checked_sub(1) {
                    bad.push(format!("{ctx}: guest 1 not on the host's right"));
                }
                if guests >= 2 && at("g2") != Some(h + 1) {
                    bad.push(format!("{ctx}: guest 2 not on the host's left"));
                }
                let hosts_named = l.places.iter().filter(|x| x.reason.contains("host (主人)")).count();
                if hosts_named != 1 {
                    bad.push(format!("{ctx}: {hosts_named} places called the host"));
                }
                // (A row of guests only reads "no host in this row".)
                for x in l.places.iter().filter(|x| x.person.starts_with('g') && x.reason.contains("guest")) {
                    if !x.reason.contains(&format!("guest {} ", &x.person[1..])) {
                        bad.push(format!("{ctx}: {} reads {:?}", x.person, x.reason));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
