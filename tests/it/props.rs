//! Property tests of the planner's invariants over arbitrary podium/hall scenarios.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use seating_core::{plan, Plan, Scenario};
use serde_json::{json, Value};

fn arb_instruction(n: usize) -> impl Strategy<Value = Value> {
    let person = (1..=n + 1).prop_map(|i| format!("p{i}")); // p{n+1} does not exist
    let seat = prop_oneof![
        (1u32..4, 1u32..10).prop_map(|(r, c)| format!("P{r}-{c}")),
        (1u32..6, 1u32..12).prop_map(|(r, c)| format!("H{r}-{c}")),
    ];
    prop_oneof![
        (person.clone(), seat.clone())
            .prop_map(|(p, s)| json!({"op": "pin", "person": p, "seat": s, "by": "秘書長"})),
        (person.clone(), person.clone()).prop_map(|(a, b)| json!({"op": "swap", "people": [a, b]})),
        (person.clone(), person.clone()).prop_map(|(a, b)| json!({"op": "move", "person": a, "after": b})),
        seat.prop_map(|s| json!({"op": "reserve", "seat": s})),
        person.prop_map(|p| json!({"op": "exclude", "person": p})),
    ]
}

prop_compose! {
    fn arb_scenario()(n in 0usize..40)(
        n in Just(n),
        ranks in proptest::collection::vec(proptest::option::of(0i64..6), n),
        podium_side in proptest::collection::vec(any::<bool>(), n),
        units in proptest::collection::vec(0usize..4, n),
        rows in proptest::collection::vec(1u32..9, 0..3),
        hall in proptest::option::of((1u32..6, 1u32..12)),
        honour in prop_oneof![Just("left"), Just("right")],
        even in prop_oneof![Just("pair"), Just("first-on-honour-side"), Just("axis")],
        method in prop_oneof![Just("rows"), Just("columns"), Just("centre-out")],
        instructions in proptest::collection::vec(arb_instruction(n.max(1)), 0..6),
    ) -> Value {
        let people: Vec<Value> = (0..n).map(|i| json!({
            "id": format!("p{}", i + 1), "name": format!("王{}", i + 1),
            "rank": ranks[i], "unit": format!("u{}", units[i]),
            "section": if podium_side[i] { "podium" } else { "hall" },
        })).collect();
        let mut s = json!({
            "format": "seating/1",
            "convention": {"honour": honour, "even": even, "hall_method": method},
            "units": (0..4).map(|u| json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect::<Vec<_>>(),
            "people": people,
            "instructions": instructions,
        });
        if !rows.is_empty() { s["podium"] = json!({"rows": rows}); }
        if let Some((r, c)) = hall { s["hall"] = json!({"rows": r, "seats": c}); }
        s
    }
}

fn parse(v: &Value) -> Scenario {
    Scenario::from_json(&v.to_string()).expect("generated scenarios are valid")
}

fn check_invariants(s: &Scenario, p: &Plan) -> Result<(), TestCaseError> {
    let mut seats = HashSet::new();
    let mut people = HashSet::new();
    for a in &p.seats {
        prop_assert!(seats.insert(a.seat.clone()), "seat {} twice", a.seat);
        if let Some(id) = &a.person {
            prop_assert!(people.insert(id.clone()), "person {} twice", id);
            prop_assert!(!a.reason.is_empty());
        } else {
            prop_assert!(a.reserved);
        }
    }
    for id in &p.unseated {
        prop_assert!(!people.contains(id), "{id} both seated and unseated");
    }
    // Everyone in precedence is either seated or unseated, and nobody else is.
    let prec: HashSet<&String> = p.precedence.iter().collect();
    prop_assert_eq!(prec.len(), p.precedence.len());
    prop_assert_eq!(people.len() + p.unseated.len(), p.precedence.len());
    for id in people.iter().chain(&p.unseated) {
        prop_assert!(prec.contains(id));
    }
    // A pin that no diagnostic mentions is honoured, unless a later swap moved the person.
    let swapped: HashSet<&str> = s
        .instructions
        .iter()
        .filter(|i| i.op == seating_core::Op::Swap)
        .flat_map(|i| i.people.iter().flatten().map(String::as_str))
        .collect();
    let by_person: HashMap<&str, &str> =
        p.seats.iter().filter_map(|a| a.person.as_deref().map(|id| (id, a.seat.as_str()))).collect();
    for (k, ins) in s.instructions.iter().enumerate() {
        if ins.op != seating_core::Op::Pin {
            continue;
        }
        let failed = p.diagnostics.iter().any(|d| d.instruction == Some(k) && d.code != "rank-inversion");
        let who = ins.person.as_deref().unwrap();
        if !failed && !swapped.contains(who) {
            prop_assert_eq!(by_person.get(who).copied(), ins.seat.as_deref(), "pin {} not honoured", k);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn plans_keep_their_invariants(v in arb_scenario()) {
        let s = parse(&v);
        let p = plan(&s);
        check_invariants(&s, &p)?;
        // Deterministic: planning again gives the same plan.
        prop_assert_eq!(&p, &plan(&s));
        // Lossless: the scenario survives a save and a reload.
        prop_assert_eq!(&Scenario::from_json(&s.to_json()).unwrap(), &s);
    }

    #[test]
    fn honour_right_is_the_mirror_of_honour_left(v in arb_scenario()) {
        let mut v = v;
        v["instructions"] = json!([]);
        v["convention"]["honour"] = json!("left");
        let left = plan(&parse(&v));
        v["convention"]["honour"] = json!("right");
        let right = plan(&parse(&v));
        let rows: Vec<u32> = serde_json::from_value(v["podium"]["rows"].clone()).unwrap_or_default();
        let podium = |p: &Plan| -> HashMap<String, String> {
            p.seats.iter().filter(|a| a.seat.starts_with('P'))
                .map(|a| (a.person.clone().unwrap(), a.seat.clone())).collect()
        };
        let (l, r) = (podium(&left), podium(&right));
        prop_assert_eq!(l.len(), r.len());
        for (id, seat) in &l {
            let (row, col) = seat[1..].split_once('-').unwrap();
            let (row, col): (usize, u32) = (row.parse().unwrap(), col.parse().unwrap());
            let mirrored = format!("P{row}-{}", rows[row - 1] + 1 - col);
            prop_assert_eq!(r.get(id), Some(&mirrored), "{} not mirrored", id);
        }
    }
}
