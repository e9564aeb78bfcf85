//! Fixture plumbing shared by the hall, banquet, line-up, vehicle and group fixtures.
//!
//! People in a fixture: `units: [3, 4, 2]` makes units `u1..` (named 單位1 …) with people
//! `p1..` in unit order; `people: N` adds N people without a unit; `people: [{…}, …]` gives
//! them one by one (each object is merged onto `{id: p<i>, name: 人<i>, rank: i}`); `set:
//! {"p3": {"role": "attendee"}}` changes fields of people made either way. Person `p<i>` is
//! ranked `i`, so its number is its precedence.

use serde_json::{json, Map, Value};
use std::path::Path;

/// Units and people of a fixture, all in `section`.
pub fn roster(f: &Value, section: &str) -> (Value, Vec<Value>) {
    let mut people = Vec::new();
    let mut units = Vec::new();
    let mut next = 1;
    let mut person = |extra: Map<String, Value>| {
        let mut p =
            json!({"id": format!("p{next}"), "name": format!("人{next}"), "rank": next, "section": section});
        for (k, v) in extra {
            p[k] = v;
        }
        next += 1;
        p
    };
    if let Some(sizes) = f["units"].as_array() {
        for (u, size) in sizes.iter().enumerate() {
            let id = format!("u{}", u + 1);
            units.push(json!({"id": id, "name": format!("單位{}", u + 1)}));
            for _ in 0..size.as_u64().expect("unit sizes are numbers") {
                let mut m = Map::new();
                m.insert("unit".into(), json!(id));
                people.push(person(m));
            }
        }
    }
    match &f["people"] {
        Value::Number(n) => {
            for _ in 0..n.as_u64().unwrap() {
                people.push(person(Map::new()));
            }
        }
        Value::Array(list) => {
            for p in list {
                people.push(person(p.as_object().cloned().unwrap_or_default()));
            }
        }
        _ => {}
    }
    if let Some(set) = f["set"].as_object() {
        for (id, fields) in set {
            let p =
                people.iter_mut().find(|p| p["id"] == *id).unwrap_or_else(|| panic!("set: no person {id}"));
            for (k, v) in fields.as_object().unwrap() {
                p[k] = v.clone();
            }
        }
    }
    (Value::Array(units), people)
}

/// `p12` → `12`.
pub fn num(id: &str) -> String {
    id.trim_start_matches('p').to_string()
}

/// Runs `check` on every fixture of `tests/fixtures/<kind>/` and reports all failures.
pub fn run(kind: &str, min: usize, check: fn(&Value) -> Result<(), String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= min, "fixtures missing from {}", dir.display());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(p).unwrap();
            match serde_json::from_str::<Value>(&text) {
                Err(e) => Some(format!("{name}: bad fixture: {e}")),
                Ok(f) => check(&f).err().map(|e| format!("{name}: {e}")),
            }
        })
        .collect();
    assert!(failures.is_empty(), "{} fixture(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Compares a fixture's optional `key` (default `default`) with `got` (as JSON).
pub fn expect(f: &Value, key: &str, default: Value, got: Value, problems: &mut Vec<String>) {
    let want = f.get(key).cloned().unwrap_or(default);
    if want != got {
        problems.push(format!("{key}: want {want}, got {got}"));
    }
}

/// Ok when there are no problems.
pub fn verdict(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Distinct warning and error codes of a plan, sorted (info is left out: fixtures of the
/// optional sections have no hall, which is only worth an info).
pub fn serious_codes(plan: &seating_core::Plan) -> Vec<String> {
    let mut c: Vec<String> = plan
        .diagnostics
        .iter()
        .filter(|d| d.level != seating_core::Level::Info)
        .map(|d| d.code.clone())
        .collect();
    c.sort();
    c.dedup();
    c
}
