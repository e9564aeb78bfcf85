//! Data-driven discussion-group fixtures (`tests/fixtures/groups/*.json`, one behaviour each).
//!
//! A fixture is `{about, groups, units?/people?/set? (see fixture.rs), instructions?,
//! expect, unassigned?, diagnostics?}`: `expect` has one string per room, its list as runs
//! of unit letter and count (`a5 b3`; `*` for people without a unit).

use crate::fixture::{self, expect, roster, verdict};
use crate::support::scenario;
use seating_core::plan;
use serde_json::{json, Value};

fn check(f: &Value) -> Result<(), String> {
    let (units, people) = roster(f, "hall");
    let s = scenario(json!({
        "format": "seating/1",
        "units": units,
        "people": people,
        "groups": f["groups"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let p = plan(&s);
    let g = p.groups.as_ref().ok_or("no groups in the plan")?;
    let letter = |u: &Option<String>| match u {
        Some(u) => ((b'a' + u.trim_start_matches('u').parse::<u8>().unwrap() - 1) as char).to_string(),
        None => "*".into(),
    };
    let got: Vec<String> = g
        .rooms
        .iter()
        .map(|r| {
            let mut runs: Vec<(String, usize)> = Vec::new();
            for m in &r.members {
                let l = letter(&m.unit);
                match runs.last_mut() {
                    Some((last, n)) if *last == l => *n += 1,
                    _ => runs.push((l, 1)),
                }
            }
            runs.iter().map(|(l, n)| format!("{l}{n}")).collect::<Vec<_>>().join(" ")
        })
        .collect();
    let mut problems = Vec::new();
    expect(f, "expect", json!([]), json!(got), &mut problems);
    expect(f, "unassigned", json!([]), json!(g.unassigned), &mut problems);
    expect(f, "diagnostics", json!([]), json!(fixture::serious_codes(&p)), &mut problems);
    for r in &g.rooms {
        if r.size as usize != r.members.len() || r.members.iter().any(|m| m.reason.trim().is_empty()) {
            problems.push(format!("room {}: size or reasons wrong", r.name));
        }
    }
    verdict(problems)
}

#[test]
fn group_fixtures() {
    fixture::run("groups", 5, check);
}

/// Balance: with the default slack, rooms differ from an even share by at most the slack,
/// and a unit is split only when that was needed.
#[test]
fn rooms_are_balanced_for_many_unit_mixes() {
    for seed in 0..200u64 {
        let n_units = 1 + seed % 13;
        let sizes: Vec<u64> = (0..n_units).map(|k| 1 + (seed * 31 + k * 17) % 23).collect();
        let rooms = 1 + seed % 5;
        let total: u64 = sizes.iter().sum();
        let f = json!({"units": sizes, "groups": {"rooms": (0..rooms).map(|k| json!({"name": format!("第{}組", k + 1)})).collect::<Vec<_>>()}});
        let (units, people) = roster(&f, "hall");
        let s =
            scenario(json!({"format": "seating/1", "units": units, "people": people, "groups": f["groups"]}));
        let g = plan(&s).groups.unwrap();
        let placed: usize = g.rooms.iter().map(|r| r.members.len()).sum();
        assert_eq!(placed as u64, total);
        let mut seen = std::collections::HashSet::new();
        assert!(g.rooms.iter().flat_map(|r| &r.members).all(|m| seen.insert(m.person.clone())));
        // Each room within max(1, share/10) + 1 of the overall even share (the share is
        // recomputed room by room, so allow one more person of drift).
        let share = total as f64 / rooms as f64;
        for r in &g.rooms {
            let tol = (share / 10.0).floor().max(1.0) * 2.0 + 1.0;
            assert!(
                (r.members.len() as f64 - share).abs() <= tol,
                "seed {seed}: room {} has {} for share {share}",
                r.name,
                r.members.len()
            );
        }
        // At most rooms - 1 units are split.
        let mut split = 0;
        for u in 1..=n_units {
            let id = format!("u{u}");
            let in_rooms = g
                .rooms
                .iter()
                .filter(|r| r.members.iter().any(|m| m.unit.as_deref() == Some(id.as_str())))
                .count();
            if in_rooms > 1 {
                split += in_rooms - 1;
            }
        }
        assert!((split as u64) < rooms, "seed {seed}: {split} splits");
    }
}
