//! Property test of the incremental layout (`layout::relayout`, `layout::changes`): after
//! any sequence of hand edits (swap, pin, reserve, removing an instruction) and the odd
//! edit that changes more (a name, an exclusion, the hall), the layout updated from the
//! previous one equals the full layout of the new plan, and hand edits take the
//! incremental path.

use proptest::prelude::*;
use seating_core::layout::{changes, relayout, Part};
use seating_core::{layout, plan, Instruction, LayoutOptions, Plan, Scenario, View};
use serde_json::{json, Value};

const NAMES: [&str; 6] = ["王晨", "歐陽少東", "阿不都熱依木·買買提", "Margit Lindqvist", "李", "司馬 相如"];

fn arb_hall() -> impl Strategy<Value = Value> {
    (1u32..7, 1u32..13).prop_flat_map(|(rows, seats)| {
        (
            Just(rows),
            Just(seats),
            proptest::collection::vec(1..seats.max(2), 0..3),
            proptest::option::of(proptest::collection::vec(1..=seats, rows as usize)),
            proptest::collection::vec((1..=rows, 1..=seats), 0..3),
            any::<bool>(),
        )
            .prop_map(|(rows, seats, aisles, row_seats, blocked, floors)| {
                let aisles: Vec<u32> = aisles.into_iter().filter(|&a| a < seats).collect();
                let mut h = json!({"rows": rows, "seats": seats, "aisles": aisles,
                    "blocked": blocked.iter().map(|(r, c)| format!("H{r}-{c}")).collect::<Vec<_>>()});
                if let Some(rs) = row_seats {
                    h["row_seats"] = json!(rs);
                }
                if floors && rows > 1 {
                    h["floors"] = json!([{"name": "一樓", "rows": rows / 2}, {"name": "二樓", "rows": rows - rows / 2}]);
                }
                h
            })
    })
}

prop_compose! {
    fn arb_scenario()(n in 0usize..40)(
        n in Just(n),
        ranks in proptest::collection::vec(proptest::option::of(0i64..6), n),
        podium_side in proptest::collection::vec(any::<bool>(), n),
        units in proptest::collection::vec(proptest::option::of(0usize..4), n),
        posts in proptest::collection::vec(proptest::option::of(0usize..3), n),
        rows in proptest::collection::vec(1u32..9, 0..3),
        shrink in any::<bool>(),
        hall in proptest::option::of(arb_hall()),
        banquet in any::<bool>(),
        honour in prop_oneof![Just("left"), Just("right")],
        even in prop_oneof![Just("pair"), Just("first-on-honour-side"), Just("axis")],
        method in prop_oneof![Just("rows"), Just("columns"), Just("centre-out")],
        numbering in prop_oneof![Just("sequential"), Just("odd-even")],
        moves in proptest::collection::vec((1usize..41, 1usize..41), 0..2),
    ) -> Value {
        let people: Vec<Value> = (0..n).map(|i| {
            let mut p = json!({
                "id": format!("p{}", i + 1), "name": format!("{}{}", NAMES[i % NAMES.len()], i + 1),
                "rank": ranks[i], "section": if podium_side[i] { "podium" } else { "hall" },
            });
            if let Some(u) = units[i] { p["unit"] = json!(format!("u{u}")); }
            if let Some(k) = posts[i] { p["post"] = json!(["部長", "副秘書長兼辦公廳主任", "代表"][k]); }
            p
        }).collect();
        let instructions: Vec<Value> = moves.iter().filter(|(a, b)| *a <= n && *b <= n && a != b)
            .map(|(a, b)| json!({"op": "move", "person": format!("p{a}"), "after": format!("p{b}")}))
            .collect();
        let mut s = json!({
            "format": "seating/1",
            "meeting": {"title": "會議"},
            "convention": {"honour": honour, "even": even, "hall_method": method, "numbering": numbering},
            "units": (0..4).map(|u| json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect::<Vec<_>>(),
            "people": people,
            "instructions": instructions,
        });
        if !rows.is_empty() { s["podium"] = json!({"rows": rows, "shrink": shrink}); }
        if let Some(h) = hall { s["hall"] = h; }
        if banquet { s["banquet"] = json!({"tables": 2, "seats": 6}); }
        s
    }
}

/// A hand edit (`op` 0–3, as the page makes them) or an edit that changes more (4–6).
#[derive(Debug, Clone)]
struct Edit {
    op: u8,
    a: usize,
    b: usize,
    row: u32,
    col: u32,
    podium: bool,
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    (prop_oneof![4 => 0u8..4, 1 => 4u8..7], 1usize..42, 1usize..42, 1u32..8, 1u32..14, any::<bool>())
        .prop_map(|(op, a, b, row, col, podium)| Edit { op, a, b, row, col, podium })
}

fn instruction(v: Value) -> Instruction {
    serde_json::from_value(v).expect("a valid instruction")
}

/// Applies the edit; `false` when it changed nothing or made the scenario invalid.
fn apply(s: &mut Scenario, e: &Edit) -> bool {
    let before = s.clone();
    let seat =
        if e.podium { format!("P{}-{}", e.row.min(3), e.col) } else { format!("H{}-{}", e.row, e.col) };
    let (a, b) = (format!("p{}", e.a), format!("p{}", e.b));
    match e.op {
        0 => s.instructions.push(instruction(json!({"op": "swap", "people": [a, b], "by": "秘書長"}))),
        1 => s.instructions.push(instruction(json!({"op": "pin", "person": a, "seat": seat}))),
        2 => s.instructions.push(instruction(json!({"op": "reserve", "seat": seat}))),
        3 if !s.instructions.is_empty() => {
            let k = e.a % s.instructions.len();
            s.instructions.remove(k);
        }
        4 => {
            let k = e.a % s.people.len().max(1);
            if let Some(p) = s.people.get_mut(k) {
                p.name = NAMES[e.b % NAMES.len()].to_string();
            }
        }
        5 => s.instructions.push(instruction(json!({"op": "exclude", "person": a}))),
        6 => {
            if let Some(h) = &mut s.hall {
                h.rows = h.rows % 6 + 1;
                h.row_seats.clear();
                h.floors.clear();
            }
        }
        _ => {}
    }
    *s != before && s.validate().is_ok()
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(600), ..ProptestConfig::default() })]

    #[test]
    fn incremental_layout_equals_full_layout(
        v in arb_scenario(),
        edits in proptest::collection::vec(arb_edit(), 1..12),
        podium_view in any::<bool>(),
        banquet_part in proptest::bool::weighted(0.15),
    ) {
        let mut s = Scenario::from_json(&v.to_string()).expect("generated scenarios are valid");
        let view = if podium_view { View::Podium } else { View::Audience };
        let part = if banquet_part { Part::Banquet } else { Part::Venue };
        let o = LayoutOptions { view, part, ..LayoutOptions::default() };
        let mut p: Plan = plan(&s);
        let mut l = layout(&s, &p, &o);
        let mut incremental = 0;
        for e in &edits {
            let mut s2 = s.clone();
            if !apply(&mut s2, e) {
                continue;
            }
            let p2 = plan(&s2);
            let c = changes(&l, &l.seats, &l.places, (&s, &p), (&s2, &p2), &o);
            let full = layout(&s2, &p2, &o);
            // A shrunk podium keeps room for reserved and pinned seats: an edit may resize it.
            let podium = |l: &seating_core::Layout| -> Vec<seating_core::SeatId> {
                l.seats.iter().map(|b| b.seat).filter(|id| id.area == seating_core::Area::Podium).collect()
            };
            if e.op <= 3
                && p.precedence == p2.precedence
                && p.unseated == p2.unseated
                && part == Part::Venue
                && podium(&l) == podium(&full)
            {
                prop_assert!(c.is_some(), "a hand edit ({e:?}) takes the incremental path");
            }
            if let Some(c) = &c {
                incremental += 1;
                // A hand edit redraws the seats it changed, not the hall.
                let differing = l.seats.iter().zip(&layout(&s2, &p2, &o).seats).filter(|(a, b)| a != b).count();
                prop_assert!(c.seats.len() >= differing);
            }
            let updated = relayout(l, (&s, &p), (&s2, &p2), &o);
            prop_assert_eq!(&updated, &full, "after {:?}", e);
            (s, p, l) = (s2, p2, updated);
        }
        let _ = incremental;
    }
}

/// A swap in a 3,030-seat hall redraws two seats.
#[test]
fn a_swap_redraws_two_seats() {
    let people: Vec<Value> = (1..=3000)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "unit": format!("u{}", i % 100),
            "section": if i <= 30 { "podium" } else { "hall" }}))
        .collect();
    let s = Scenario::from_json(
        &json!({"format": "seating/1",
            "units": (0..100).map(|u| json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect::<Vec<_>>(),
            "people": people, "podium": {"rows": [15, 15]}, "hall": {"rows": 60, "seats": 50, "aisles": [10, 40]}})
        .to_string(),
    )
    .unwrap();
    let o = LayoutOptions::default();
    let p = plan(&s);
    let l = layout(&s, &p, &o);
    let a = p.seats.iter().find(|a| a.seat == "H3-20").and_then(|a| a.person.clone()).unwrap();
    let b = p.seats.iter().find(|a| a.seat == "H3-21").and_then(|a| a.person.clone()).unwrap();
    let mut s2 = s.clone();
    s2.instructions.push(instruction(json!({"op": "swap", "people": [a, b]})));
    let p2 = plan(&s2);
    let c = changes(&l, &l.seats, &l.places, (&s, &p), (&s2, &p2), &o).expect("incremental");
    let mut ids: Vec<String> = c.seats.iter().map(|(_, b)| b.seat.to_string()).collect();
    ids.sort();
    assert_eq!(ids, ["H3-20", "H3-21"]);
    assert_eq!(relayout(l, (&s, &p), (&s2, &p2), &o), layout(&s2, &p2, &o));
}
