//! Audit against the rule book: every PROTOCOL.md rule in every convention setting, with the
//! expected seating computed by small reference functions written from the rule text (and
//! its literal examples), not from the planner's code. Covers the edge cases the fixtures
//! do not: n = 1 and 2, every n up to 12, rows partly filled, several podium rows with odd
//! and even rows mixed, honour=right mirrored everywhere, banquets of 1–8 tables in both
//! orders, round tables of several sizes, line-ups of even counts, the front-passenger
//! setting with a host driving, every tie-breaker, and instructions in awkward
//! combinations and orders. Bad input must still give a plan with a diagnostic.

use crate::support::{codes, numbered_people, podium_rows, scenario};
use seating_core::{hall::seat_number, plan, Convention, Numbering, Plan, Side};
use serde_json::{json, Value};
use std::collections::HashSet;

const EVENS: [&str; 3] = ["pair", "first-on-honour-side", "axis"];
const HONOURS: [&str; 2] = ["left", "right"];

/// PROTOCOL §1, one full row of `n` seats: the local precedence number (1-based) in each
/// seat from the audience's left.
///
/// Written from the rule and its examples for honour=left: the honour side (the senior's own
/// left) is the audience's right.
/// - odd n: #1 centre, then #2 on the audience's right of it, #3 on the left, outward
///   (`7 5 3 1 2 4 6`);
/// - even `pair`/`axis`: #1 on the left centre seat, #2 on the right one (#1's honour
///   side), then #3 beside #1, #4 beside #2, … (`5 3 1 2 4 6`);
/// - even `first-on-honour-side`: #1 on the right centre seat (the honour side), #2 on the
///   left one, then #3 beside #1, #4 beside #2, … (`6 4 2 1 3 5`).
///
/// honour=right is the mirror image.
fn ref_row(n: usize, honour: &str, even: &str) -> Vec<usize> {
    let mut row = vec![0; n];
    for k in 1..=n {
        let col = if n % 2 == 1 {
            let c = n / 2;
            if k == 1 {
                c
            } else if k % 2 == 0 {
                c + k / 2
            } else {
                c - (k - 1) / 2
            }
        } else if even == "first-on-honour-side" {
            let r = n / 2;
            if k % 2 == 1 {
                r + (k - 1) / 2
            } else {
                r - k / 2
            }
        } else {
            let l = n / 2 - 1;
            if k % 2 == 0 {
                l + k / 2
            } else {
                l - (k - 1) / 2
            }
        };
        assert_eq!(row[col], 0, "reference: seat {col} twice (n={n})");
        row[col] = k;
    }
    if honour == "right" {
        row.reverse();
    }
    row
}

/// A row as PROTOCOL writes it: numbers, `_` for an empty seat (0).
fn show(row: &[usize]) -> String {
    row.iter().map(|&k| if k == 0 { "_".to_string() } else { k.to_string() }).collect::<Vec<_>>().join(" ")
}

/// PROTOCOL §1 + §2: rows filled front to back in precedence order, each row by §1 on its
/// own seats (fewer people: the same seat order, outermost seats empty).
fn ref_podium(rows: &[usize], n: usize, honour: &str, even: &str) -> Vec<String> {
    let mut start = 0;
    rows.iter()
        .map(|&cap| {
            let take = cap.min(n - start.min(n));
            let row: Vec<usize> = ref_row(cap, honour, even)
                .into_iter()
                .map(|k| if k <= take { start + k } else { 0 })
                .collect();
            start += take;
            show(&row)
        })
        .collect()
}

fn conv(honour: &str, even: &str) -> Value {
    json!({"honour": honour, "even": even})
}

fn podium_plan(rows: &[usize], n: usize, convention: Value, instructions: Value) -> Plan {
    plan(&scenario(json!({
        "format": "seating/1",
        "convention": convention,
        "people": numbered_people(n, "podium"),
        "podium": {"rows": rows},
        "instructions": instructions,
    })))
}

fn rows_u32(rows: &[usize]) -> Vec<u32> {
    rows.iter().map(|&r| r as u32).collect()
}

#[test]
fn audit_reference_reproduces_the_protocol_examples() {
    // The reference is only as good as its agreement with the literal examples.
    assert_eq!(show(&ref_row(5, "left", "pair")), "5 3 1 2 4");
    assert_eq!(show(&ref_row(7, "left", "pair")), "7 5 3 1 2 4 6");
    assert_eq!(show(&ref_row(7, "right", "pair")), "6 4 2 1 3 5 7");
    assert_eq!(show(&ref_row(6, "left", "pair")), "5 3 1 2 4 6");
    assert_eq!(show(&ref_row(8, "left", "pair")), "7 5 3 1 2 4 6 8");
    assert_eq!(show(&ref_row(6, "left", "first-on-honour-side")), "6 4 2 1 3 5");
    assert_eq!(show(&ref_row(8, "left", "first-on-honour-side")), "8 6 4 2 1 3 5 7");
    assert_eq!(ref_podium(&[3, 4], 7, "left", "pair"), ["3 1 2", "6 4 5 7"]);
}

/// §1: every n from 1 to 12, both honours, all three even rules.
#[test]
fn audit_podium_one_full_row_every_setting() {
    let mut bad = Vec::new();
    for n in 1..=12 {
        for honour in HONOURS {
            for even in EVENS {
                let p = podium_plan(&[n], n, conv(honour, even), json!([]));
                let got = podium_rows(&p, &[n as u32]);
                let want = ref_podium(&[n], n, honour, even);
                if got != want {
                    bad.push(format!("n={n} honour={honour} even={even}: want {want:?}, got {got:?}"));
                }
                if !p.unseated.is_empty() || codes(&p).iter().any(|c| c != "row-not-full") {
                    bad.push(format!("n={n} {honour}/{even}: unexpected {:?} {:?}", p.unseated, codes(&p)));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// §1 fewer people than seats: the same seat order, empty seats outermost; a
/// `row-not-full` diagnostic offers to shrink.
#[test]
fn audit_podium_fewer_people_than_seats() {
    let mut bad = Vec::new();
    for seats in 1..=9 {
        for n in 0..seats {
            for honour in HONOURS {
                for even in EVENS {
                    let p = podium_plan(&[seats], n, conv(honour, even), json!([]));
                    let got = podium_rows(&p, &[seats as u32]);
                    let want = ref_podium(&[seats], n, honour, even);
                    if got != want {
                        bad.push(format!("{n} in {seats} {honour}/{even}: want {want:?}, got {got:?}"));
                    }
                    if n > 0 && !codes(&p).contains(&"row-not-full".to_string()) {
                        bad.push(format!("{n} in {seats}: no row-not-full offer"));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// §2: several rows, odd and even rows mixed, the last row partly filled, more people than
/// seats (the most junior unseated).
#[test]
fn audit_podium_several_rows() {
    let layouts: [&[usize]; 7] = [&[3, 4], &[4, 3], &[2, 5, 6], &[5, 5], &[1, 2], &[6, 7, 8], &[7, 9]];
    let mut bad = Vec::new();
    for rows in layouts {
        let total: usize = rows.iter().sum();
        for n in 1..=total + 2 {
            for honour in HONOURS {
                for even in EVENS {
                    let p = podium_plan(rows, n, conv(honour, even), json!([]));
                    let got = podium_rows(&p, &rows_u32(rows));
                    let want = ref_podium(rows, n, honour, even);
                    if got != want {
                        bad.push(format!("rows {rows:?} n={n} {honour}/{even}: want {want:?}, got {got:?}"));
                    }
                    let want_unseated: Vec<String> = (total + 1..=n).map(|k| format!("p{k}")).collect();
                    if p.unseated != want_unseated {
                        bad.push(format!("rows {rows:?} n={n}: unseated {:?}", p.unseated));
                    }
                    if n > total && !codes(&p).contains(&"not-enough-seats".to_string()) {
                        bad.push(format!("rows {rows:?} n={n}: no not-enough-seats"));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// §1 "a planner should offer to shrink the row to fit": with `shrink`, rows hold exactly
/// their people (front rows full) and each is a §1 row of its own size.
#[test]
fn audit_podium_shrink() {
    for honour in HONOURS {
        for even in EVENS {
            for (rows, n) in [(vec![7usize], 4usize), (vec![7, 7], 9), (vec![3, 5], 4), (vec![5], 2)] {
                let s = scenario(json!({
                    "format": "seating/1", "convention": conv(honour, even),
                    "people": numbered_people(n, "podium"), "podium": {"rows": rows, "shrink": true},
                }));
                let p = plan(&s);
                let shrunk: Vec<usize> = seating_core::podium::shrink(&rows_u32(&rows), n)
                    .into_iter()
                    .map(|r| r as usize)
                    .collect();
                assert_eq!(shrunk.iter().sum::<usize>(), n);
                assert_eq!(
                    podium_rows(&p, &rows_u32(&shrunk)),
                    ref_podium(&shrunk, n, honour, even),
                    "{rows:?} n={n} {honour}/{even}"
                );
            }
        }
    }
}

/// The podium takes only podium people; hall people stay off it, whatever their rank.
#[test]
fn audit_podium_takes_only_the_podium_section() {
    let people: Vec<Value> = (1..=6)
        .map(|i| {
            let section = if i % 2 == 0 { "hall" } else { "podium" };
            json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "section": section})
        })
        .collect();
    let p = plan(&scenario(json!({
        "format": "seating/1", "people": people, "podium": {"rows": [3]}, "hall": {"rows": 1, "seats": 3},
    })));
    // Podium people p1, p3, p5 are the podium's #1, #2, #3: `3 1 2`.
    assert_eq!(podium_rows(&p, &[3]), ["5 1 3"]);
    let hall: Vec<&str> =
        p.seats.iter().filter(|a| a.seat.starts_with('H')).filter_map(|a| a.person.as_deref()).collect();
    assert_eq!(hall, ["p2", "p4", "p6"]);
}

/// `axis`: the order of `pair`, drawn with #1 on the podium's centre line: the row moves
/// half a seat toward #2's side.
#[test]
fn audit_axis_geometry() {
    let c = |honour: Side| Convention { honour, even: seating_core::EvenRule::Axis, ..Convention::default() };
    // honour=left: #1 is on the left centre seat, so the row moves right (audience's view).
    assert_eq!(seating_core::podium::axis_offset(6, &c(Side::Left)), 0.5);
    assert_eq!(seating_core::podium::axis_offset(6, &c(Side::Right)), -0.5);
    assert_eq!(seating_core::podium::axis_offset(5, &c(Side::Left)), 0.0);
}

// ---------------------------------------------------------------- §7 instructions

fn seat_of<'a>(p: &'a Plan, id: &str) -> Option<&'a str> {
    p.seats.iter().find(|a| a.person.as_deref() == Some(id)).map(|a| a.seat.as_str())
}

fn has(p: &Plan, code: &str) -> bool {
    p.diagnostics.iter().any(|d| d.code == code)
}

/// Every person of the scenario is either excluded, seated once or unseated once; no seat
/// holds two people.
fn complete(s: &seating_core::Scenario, p: &Plan, excluded: &[&str]) {
    let mut seen = HashSet::new();
    for a in &p.seats {
        if let Some(who) = &a.person {
            assert!(seen.insert(who.clone()), "{who} seated twice");
        }
    }
    let seats: HashSet<&str> = p.seats.iter().map(|a| a.seat.as_str()).collect();
    assert_eq!(seats.len(), p.seats.len(), "a seat twice");
    for u in &p.unseated {
        assert!(seen.insert(u.clone()), "{u} seated and unseated");
    }
    for person in &s.people {
        let gone = excluded.contains(&person.id.as_str());
        assert_eq!(seen.contains(&person.id), !gone, "{} lost or excluded wrongly", person.id);
    }
}

/// §7 on a mirrored podium: the pin takes its seat, the rest fill the remaining seats in
/// seat order (honour=right order), and the inversion is reported.
#[test]
fn audit_pin_honour_right() {
    let ins = json!([{"op": "pin", "person": "p5", "seat": "P1-3"}]);
    let p = podium_plan(&[5], 5, conv("right", "pair"), ins);
    // honour=right seat order: `4 2 1 3 5`, i.e. columns 3, 2, 4, 1, 5; column 3 is taken
    // by p5, so p1..p4 take columns 2, 4, 1, 5.
    assert_eq!(podium_rows(&p, &[5]), ["3 1 5 2 4"]);
    assert!(has(&p, "rank-inversion"));
}

/// Exclude comes before pin: a pin of an excluded person is not applied (and said so);
/// the excluded person is nowhere and not in the precedence.
#[test]
fn audit_exclude_beats_a_later_listed_pin() {
    let ins = json!([
        {"op": "pin", "person": "p2", "seat": "P1-1"},
        {"op": "exclude", "person": "p2"}
    ]);
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(4, "podium"),
        "podium": {"rows": [5]}, "instructions": ins}));
    let p = plan(&s);
    assert_eq!(seat_of(&p, "p2"), None);
    assert!(!p.precedence.contains(&"p2".to_string()));
    assert!(p.diagnostics.iter().any(|d| d.instruction == Some(0) && d.level == seating_core::Level::Error));
    // p1 p3 p4 are #1 #2 #3 of a 5-seat row: `_ 4 1 3 _`.
    assert_eq!(podium_rows(&p, &[5]), ["_ 4 1 3 _"]);
    complete(&s, &p, &["p2"]);
}

/// Move comes before pin and fill: a move listed after a pin still changes who fills
/// which free seat.
#[test]
fn audit_move_applies_before_fill_whatever_the_listing_order() {
    let a = json!([
        {"op": "pin", "person": "p1", "seat": "P1-1"},
        {"op": "move", "person": "p4", "after": "p1"}
    ]);
    let b = json!([
        {"op": "move", "person": "p4", "after": "p1"},
        {"op": "pin", "person": "p1", "seat": "P1-1"}
    ]);
    let pa = podium_plan(&[5], 5, json!({}), a);
    let pb = podium_plan(&[5], 5, json!({}), b);
    assert_eq!(podium_rows(&pa, &[5]), podium_rows(&pb, &[5]));
    // Precedence p1 p4 p2 p3 p5; p1 pinned to column 1; the others fill 3, 4, 2, 5.
    assert_eq!(podium_rows(&pa, &[5]), ["1 3 4 2 5"]);
    assert_eq!(pa.precedence, ["p1", "p4", "p2", "p3", "p5"]);
    // §7 "honoured and recorded": the moved person's seat carries the move (the chart marks
    // it 按領導意見安排) and its reason says who asked; the pinned seat keeps its pin, the
    // people the move pushed back are seated by the rules.
    for (p, k) in [(&pa, 1), (&pb, 0)] {
        let seat = |id: &str| p.seats.iter().find(|a| a.person.as_deref() == Some(id)).unwrap();
        assert_eq!(seat("p4").instruction, Some(k));
        assert!(seat("p4").reason.starts_with("調整排序，排在人1 (p1)之後"), "{}", seat("p4").reason);
        assert!(seat("p4").reason.contains("按領導意見辦）；位次第2 → "), "{}", seat("p4").reason);
        assert_eq!(seat("p1").instruction, Some(1 - k));
        assert!(seat("p1").reason.starts_with("固定座位（instructions["), "{}", seat("p1").reason);
        assert_eq!(seat("p2").instruction, None);
    }
    let with_who = json!([{"op": "move", "person": "p4", "after": "p1", "by": "書記", "note": "坐前"}]);
    let pc = podium_plan(&[5], 5, json!({}), with_who);
    let p4 = pc.seats.iter().find(|a| a.person.as_deref() == Some("p4")).unwrap();
    assert!(p4.reason.contains("指示人：書記") && p4.reason.contains("原因：坐前"), "{}", p4.reason);
}

/// A move after an excluded person keeps the moved person in the excluded one's place.
#[test]
fn audit_move_after_an_excluded_anchor() {
    let ins = json!([
        {"op": "exclude", "person": "p2"},
        {"op": "move", "person": "p5", "after": "p2"}
    ]);
    let p = podium_plan(&[5], 5, json!({}), ins);
    assert_eq!(p.precedence, ["p1", "p5", "p3", "p4"]);
    assert!(!has(&p, "unknown-person"));
}

/// Swaps come last, in the order given, and may move a pinned person.
#[test]
fn audit_swaps_last_in_order() {
    // Natural `3 1 2`: p3 at P1-1, p1 at P1-2, p2 at P1-3.
    let p = podium_plan(
        &[3],
        3,
        json!({}),
        json!([
            {"op": "swap", "people": ["p1", "p2"]},
            {"op": "swap", "people": ["p2", "p3"]}
        ]),
    );
    // After the first: `3 2 1`; after the second: `2 3 1`.
    assert_eq!(podium_rows(&p, &[3]), ["2 3 1"]);
    let q = podium_plan(
        &[3],
        3,
        json!({}),
        json!([
            {"op": "swap", "people": ["p2", "p3"]},
            {"op": "swap", "people": ["p1", "p2"]}
        ]),
    );
    // After the first: `2 1 3`; after the second: `1 2 3`.
    assert_eq!(podium_rows(&q, &[3]), ["1 2 3"]);
    // A pinned person can be swapped away from the pin (swaps are applied after pins).
    let r = podium_plan(
        &[3],
        3,
        json!({}),
        json!([
            {"op": "swap", "people": ["p3", "p1"]},
            {"op": "pin", "person": "p3", "seat": "P1-3"}
        ]),
    );
    // Pin: p3 at column 3; fill p1 col 2, p2 col 1: `2 1 3`; swap p3/p1: `2 3 1`.
    assert_eq!(podium_rows(&r, &[3]), ["2 3 1"]);
    assert!(has(&r, "rank-inversion"));
}

/// A swap between the podium and the hall exchanges the two seats.
#[test]
fn audit_swap_across_podium_and_hall() {
    let mut people = numbered_people(3, "podium").as_array().unwrap().clone();
    people.push(json!({"id": "h1", "name": "甲", "rank": 10}));
    let s = scenario(json!({"format": "seating/1", "people": people, "podium": {"rows": [3]},
        "hall": {"rows": 1, "seats": 2}, "instructions": [{"op": "swap", "people": ["p2", "h1"]}]}));
    let p = plan(&s);
    assert_eq!(seat_of(&p, "h1"), Some("P1-3"));
    assert_eq!(seat_of(&p, "p2"), Some("H1-1"));
    assert!(has(&p, "rank-inversion"));
    complete(&s, &p, &[]);
}

/// A swap with someone who has no seat gives them the other's seat, and says who is left
/// without one; two people without a seat cannot swap.
#[test]
fn audit_swap_with_someone_without_a_seat() {
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
        "podium": {"rows": [2]}, "instructions": [{"op": "swap", "people": ["p1", "p3"]}]}));
    let p = plan(&s);
    assert_eq!(seat_of(&p, "p3"), Some("P1-1"));
    assert_eq!(p.unseated, ["p1"]);
    let d = p.diagnostics.iter().find(|d| d.code == "swap-leaves-unseated").expect("reported");
    assert_eq!((d.instruction, d.person.as_deref()), (Some(0), Some("p1")));
    assert!(!has(&p, "swap-unseated"));
    // A later swap seats p1 again (p1 takes p2's seat, p2 p3's): only p2 is left without.
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
        "podium": {"rows": [2]}, "instructions": [{"op": "swap", "people": ["p1", "p3"]},
        {"op": "swap", "people": ["p2", "p1"]}]}));
    let p = plan(&s);
    assert_eq!(p.unseated, ["p2"]);
    let told: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == "swap-leaves-unseated")
        .map(|d| (d.instruction, d.person.as_deref()))
        .collect();
    assert_eq!(told, [(Some(1), Some("p2"))]);
    // Both without a seat: refused.
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(4, "podium"),
        "podium": {"rows": [2]}, "instructions": [{"op": "swap", "people": ["p3", "p4"]}]}));
    let p = plan(&s);
    assert!(has(&p, "swap-unseated") && !has(&p, "swap-leaves-unseated"));
    assert_eq!(p.unseated, ["p3", "p4"]);
}

/// No inversion is reported when an instruction keeps everyone in precedence seat order.
#[test]
fn audit_no_spurious_inversion() {
    let p = podium_plan(&[5], 5, json!({}), json!([{"op": "pin", "person": "p1", "seat": "P1-3"}]));
    assert_eq!(podium_rows(&p, &[5]), ["5 3 1 2 4"]);
    assert!(!has(&p, "rank-inversion"), "{:?}", p.diagnostics);
    // A reserve on the outermost seat of a row that has room for everyone: no inversion.
    let q = podium_plan(&[5], 4, json!({}), json!([{"op": "reserve", "seat": "P1-1"}]));
    assert_eq!(podium_rows(&q, &[5]), ["R 3 1 2 4"]);
    assert!(!has(&q, "rank-inversion"));
}

/// Two pins on one seat, a reserve and a pin on one seat, a person pinned twice: the first
/// instruction wins, the rest are reported, and the plan is complete.
#[test]
fn audit_conflicting_fixed_seats() {
    let ins = json!([
        {"op": "reserve", "seat": "P1-2"},
        {"op": "pin", "person": "p3", "seat": "P1-2"},
        {"op": "pin", "person": "p4", "seat": "P1-1"},
        {"op": "pin", "person": "p4", "seat": "P1-5"},
        {"op": "pin", "person": "p2", "seat": "P1-1"}
    ]);
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(5, "podium"),
        "podium": {"rows": [5]}, "instructions": ins}));
    let p = plan(&s);
    let c = codes(&p);
    assert!(c.contains(&"seat-conflict".into()) && c.contains(&"person-conflict".into()), "{c:?}");
    assert_eq!(seat_of(&p, "p4"), Some("P1-1"));
    assert!(p.seats.iter().any(|a| a.seat == "P1-2" && a.reserved));
    // Free columns 3, 4, 5 in seat order 3, 4, 5 (order 3 4 2 5 1 minus the fixed ones)
    // for p1, p2, p3; p5 has no seat left.
    assert_eq!(podium_rows(&p, &[5]), ["4 R 1 2 3"]);
    assert_eq!(p.unseated, ["p5"]);
    complete(&s, &p, &[]);
}

/// Unknown people and seats in every op, malformed seat ids, seats of a venue the scenario
/// does not have: each is a diagnostic naming the instruction, and the plan is complete.
#[test]
fn audit_unknown_references_everywhere() {
    let ins = json!([
        {"op": "pin", "person": "ghost", "seat": "P1-1"},
        {"op": "pin", "person": "p1", "seat": "P1-99"},
        {"op": "pin", "person": "p1", "seat": "X"},
        {"op": "pin", "person": "p1", "seat": "H1-1"},
        {"op": "pin", "person": "p1", "seat": "P99999999999-1"},
        {"op": "pin", "person": "p1", "seat": ""},
        {"op": "swap", "people": ["p1", "ghost"]},
        {"op": "swap", "people": ["p1", "p1"]},
        {"op": "move", "person": "ghost", "after": "p1"},
        {"op": "move", "person": "p2", "after": "ghost"},
        {"op": "move", "person": "p2", "after": "p2"},
        {"op": "exclude", "person": "ghost"},
        {"op": "exclude", "person": ""},
        {"op": "reserve", "seat": "P0-0"},
        {"op": "reserve", "seat": "P-1-2"}
    ]);
    let s = scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
        "podium": {"rows": [3]}, "instructions": ins}));
    let p = plan(&s);
    assert_eq!(podium_rows(&p, &[3]), ["3 1 2"]);
    for k in 0..15 {
        assert!(
            p.diagnostics.iter().any(|d| d.instruction == Some(k) && d.level == seating_core::Level::Error),
            "instructions[{k}] not reported: {:?}",
            p.diagnostics
        );
    }
    complete(&s, &p, &[]);
}

/// Secretariat-style bad input: empty names, more people than seats everywhere, moves in a
/// cycle, a swap with an unseated person, nobody at all. Always a plan, never a panic.
#[test]
fn audit_bad_input_still_plans() {
    let people: Vec<Value> = (1..=12)
        .map(|i| {
            let section = if i <= 6 { "podium" } else { "hall" };
            json!({"id": format!("p{i}"), "name": if i % 3 == 0 { String::new() } else { format!("王{i}") },
                   "rank": (i + 1) / 2, "section": section})
        })
        .collect();
    let s = scenario(json!({
        "format": "seating/1",
        "ranking": {"tiebreak": ["strokes", "pinyin", "seniority"], "strokes_mode": "fullname"},
        "people": people,
        "podium": {"rows": [3]},
        "hall": {"rows": 1, "seats": 4, "blocked": ["H1-2", "H9-9"]},
        "instructions": [
            {"op": "move", "person": "p1", "after": "p2"},
            {"op": "move", "person": "p2", "after": "p1"},
            {"op": "swap", "people": ["p6", "p12"]},
            {"op": "swap", "people": ["p5", "p1"]},
            {"op": "pin", "person": "p12", "seat": "H1-2"},
            {"op": "exclude", "person": "p3"},
            {"op": "exclude", "person": "p3"}
        ],
    }));
    let p = plan(&s);
    complete(&s, &p, &["p3"]);
    let c = codes(&p);
    for want in ["not-enough-seats", "move-conflict", "unknown-seat", "empty-name"] {
        assert!(c.contains(&want.to_string()), "{want} missing from {c:?}");
    }
    assert!(!p.unseated.is_empty());
    // Every nameless person is named by id, once, and nobody else.
    let nameless: Vec<_> =
        p.diagnostics.iter().filter(|d| d.code == "empty-name").filter_map(|d| d.person.clone()).collect();
    assert_eq!(nameless, ["p3", "p6", "p9", "p12"]);
    // Nobody at all, with a podium and a hall and instructions naming nobody.
    let e = scenario(json!({"format": "seating/1", "podium": {"rows": [3]}, "hall": {"rows": 2, "seats": 2},
        "instructions": [{"op": "reserve", "seat": "P1-2"}, {"op": "swap", "people": ["a", "b"]}]}));
    let q = plan(&e);
    assert!(q.seats.iter().all(|a| a.reserved));
    assert!(has(&q, "unknown-person"));
}

// ---------------------------------------------------------------- §4 the hall

fn hall_rows(p: &Plan, rows: u32, seats: u32) -> Vec<String> {
    (1..=rows)
        .map(|r| {
            (1..=seats)
                .map(|c| {
                    let id = format!("H{r}-{c}");
                    match p.seats.iter().find(|a| a.seat == id) {
                        Some(a) if a.reserved => "R".to_string(),
                        Some(a) => a.person.as_deref().unwrap().trim_start_matches('p').to_string(),
                        None => "_".to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// §4 centre-out: each row from its centre, the centre person's own left (the audience's
/// left) first: the mirror of the podium row, `6 4 2 1 3 5 7`, whatever the podium's `honour`
/// and `even`. An even row is `6 4 2 1 3 5`: #2 on the audience's left of #1, as the rule
/// says (`first-on-honour-side` would put #2 on the right).
#[test]
fn audit_hall_centre_out_every_width() {
    let mut bad = Vec::new();
    for n in 1..=9 {
        for honour in HONOURS {
            for even in EVENS {
                let s = scenario(json!({"format": "seating/1",
                    "convention": {"hall_method": "centre-out", "honour": honour, "even": even},
                    "people": numbered_people(2 * n, "hall"), "hall": {"rows": 2, "seats": n}}));
                let p = plan(&s);
                let mut want = Vec::new();
                for r in 0..2 {
                    // §4 fixes the side (the centre person's own left, the audience's left,
                    // first): the mirror of the honour=left podium row with `pair`, whatever
                    // `honour` and `even` are.
                    let mut row = ref_row(n, "left", "pair");
                    row.reverse();
                    want.push(show(&row.iter().map(|&k| k + r * n).collect::<Vec<_>>()));
                }
                let got = hall_rows(&p, 2, n as u32);
                // #2 sits on the audience's left of #1 (a lower seat number), in every row.
                let col = |id: String| {
                    p.seats.iter().find(|x| x.person.as_deref() == Some(&*id)).unwrap().seat.clone()
                };
                for r in (0..2).filter(|_| n >= 2) {
                    let (first, second) = (col(format!("p{}", r * n + 1)), col(format!("p{}", r * n + 2)));
                    if second >= first {
                        bad.push(format!("n={n} {honour}/{even}: #2 in {second}, not left of #1 in {first}"));
                    }
                }
                if got != want {
                    bad.push(format!("n={n} {honour}/{even}: want {want:?}, got {got:?}"));
                }
            }
        }
    }
    assert_eq!(
        show(&{
            let mut r = ref_row(7, "left", "pair");
            r.reverse();
            r
        }),
        "6 4 2 1 3 5 7"
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// §4 ticket numbers: `sequential` 1..n from the audience's left; `odd-even` outward from
/// the centre, odd numbers on `odd_side`: with odd on the right `… 6 4 2 1 3 5 …`.
#[test]
fn audit_hall_numbering_every_width() {
    for n in 1..=10u32 {
        let seq = Convention::default();
        assert_eq!((1..=n).map(|c| seat_number(n, c, &seq)).collect::<Vec<_>>(), (1..=n).collect::<Vec<_>>());
        for odd_side in [Side::Left, Side::Right] {
            let c = Convention { numbering: Numbering::OddEven, odd_side, ..Convention::default() };
            let got: Vec<u32> = (1..=n).map(|col| seat_number(n, col, &c)).collect();
            // Reference, odd side on the right: 1 is the centre seat (odd n) or the centre
            // seat on the right (even n); odd numbers go right, even ones left.
            let one = n / 2 + 1;
            let mut want: Vec<u32> =
                (1..=n).map(|col| if col >= one { 2 * (col - one) + 1 } else { 2 * (one - col) }).collect();
            if odd_side == Side::Left {
                want.reverse();
            }
            assert_eq!(got, want, "n={n} odd_side={odd_side:?}");
            let mut sorted = got.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (1..=n).collect::<Vec<_>>());
        }
    }
}

/// §4 rows: units in unit precedence (not person precedence), members before attendees
/// and alternates, a unit continuing onto the next row, lower floor before the upper, a
/// reserved seat kept empty without leaving a hole in front of anyone.
#[test]
fn audit_hall_rows_units_roles_floors() {
    let people = json!([
        {"id": "p1", "name": "甲", "rank": 1, "unit": "b"},
        {"id": "p2", "name": "乙", "rank": 2, "unit": "a", "role": "attendee"},
        {"id": "p3", "name": "丙", "rank": 3, "unit": "a"},
        {"id": "p4", "name": "丁", "rank": 4, "unit": "b", "role": "alternate"},
        {"id": "p5", "name": "戊", "rank": 5, "unit": "a"},
        {"id": "p6", "name": "己", "rank": 6, "unit": "b"},
        {"id": "p7", "name": "庚", "rank": 7}
    ]);
    let s = scenario(json!({"format": "seating/1",
        "units": [{"id": "a", "name": "甲單位"}, {"id": "b", "name": "乙單位"}],
        "people": people,
        "hall": {"rows": 3, "seats": 3, "floors": [{"name": "一樓", "rows": 2}, {"name": "二樓", "rows": 1}]},
        "instructions": [{"op": "reserve", "seat": "H1-2"}]}));
    let p = plan(&s);
    // Unit a: p3 p5 (members) then p2 (attendee); unit b: p1 p6 then p4; then no unit: p7.
    assert_eq!(hall_rows(&p, 3, 3), ["3 R 5", "2 1 6", "4 7 _"]);
    let label = |seat: &str| p.seats.iter().find(|a| a.seat == seat).unwrap().label.clone();
    assert_eq!(label("H3-1"), "二樓 第1排1號");
    assert_eq!(label("H2-3"), "一樓 第2排3號");
}

// ---------------------------------------------------------------- §5 banquets

fn banquet_plan(spec: Value, n: usize, convention: Value) -> seating_core::banquet::BanquetPlan {
    plan(&scenario(json!({"format": "seating/1", "convention": convention,
        "people": numbered_people(n, "hall"), "banquet": spec})))
    .banquet
    .unwrap()
}

fn table_row(b: &seating_core::banquet::BanquetPlan, row: u32) -> Vec<u32> {
    let mut v: Vec<&seating_core::banquet::TablePlan> = b.tables.iter().filter(|t| t.row == row).collect();
    v.sort_by_key(|t| t.col);
    v.into_iter().map(|t| t.number).collect()
}

/// §5 table order in one row, 1–8 tables, both orders. Odd counts follow the podium
/// pattern (right-superior = the host's right, the door's left, first: `6 4 2 1 3 5 7`;
/// left-superior `7 5 3 1 2 4 6`). For even counts the rule book gives only 2 tables
/// (`1 2` right-superior); for 4, 6, 8 it says only that the host's right is higher, so
/// the test checks that tables 1 and 2 share the centre with 1 on the superior side, then
/// each pair of tables further out has the superior side's table first.
#[test]
fn audit_banquet_table_order_one_row() {
    for n in 1..=8usize {
        for order in ["right-superior", "left-superior"] {
            let b = banquet_plan(json!({"tables": n, "order": order, "seats": 2}), 0, json!({}));
            let got = table_row(&b, 1);
            let got_s = got.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
            if n % 2 == 1 {
                let honour = if order == "right-superior" { "right" } else { "left" };
                assert_eq!(got_s, show(&ref_row(n, honour, "pair")), "{n} tables {order}");
            } else {
                let (l, r) = (n / 2 - 1, n / 2);
                let superior_left = order == "right-superior"; // the door's left
                let (sup, oth) = if superior_left { (l, r) } else { (r, l) };
                assert_eq!((got[sup], got[oth]), (1, 2), "{n} tables {order}: {got_s}");
                for d in 1..n / 2 {
                    let (a, b2) = if superior_left { (l - d, r + d) } else { (r + d, l - d) };
                    assert!(got[a] < got[b2], "{n} tables {order}: {got_s}");
                    assert_eq!(got[a].max(got[b2]) as usize, 2 * d + 2, "{n} tables {order}: {got_s}");
                }
            }
        }
    }
    let b = banquet_plan(json!({"tables": 2}), 0, json!({}));
    assert_eq!(table_row(&b, 1), [1, 2]);
    let b = banquet_plan(json!({"tables": 3}), 0, json!({}));
    assert_eq!(table_row(&b, 1), [2, 1, 3]);
}

/// §5 "farther from the door outranks nearer": every table of a farther row has a smaller
/// number than every table of a nearer row, in both orders.
#[test]
fn audit_banquet_far_rows_first() {
    for order in ["right-superior", "left-superior"] {
        for (tables, rows) in
            [(4, json!([2, 2])), (6, json!([3, 3])), (8, json!([2, 3, 3])), (5, json!([1, 4]))]
        {
            let b = banquet_plan(
                json!({"tables": tables, "rows": rows, "order": order, "seats": 2}),
                0,
                json!({}),
            );
            let max_row = b.tables.iter().map(|t| t.row).max().unwrap();
            for r in 1..max_row {
                let far = table_row(&b, r);
                let near = table_row(&b, r + 1);
                assert!(far.iter().max() < near.iter().min(), "{order} {rows}: {far:?} / {near:?}");
            }
        }
    }
}

/// Seats at table `t` by position, as person numbers (`_` empty).
fn table_seats(b: &seating_core::banquet::BanquetPlan, t: u32) -> Vec<String> {
    let n = b.tables.iter().find(|x| x.number == t).unwrap().seats;
    (1..=n)
        .map(|pos| {
            b.seats
                .iter()
                .find(|x| x.table == t && x.position == pos)
                .map_or("_".into(), |x| x.person.trim_start_matches('p').to_string())
        })
        .collect()
}

/// §5 two-host round table, 6–12 seats: host (#1) facing the door at position 1, second
/// host (#2) opposite, guest 1 (#3) on the host's right, guest 2 (#4) on the host's left,
/// guest 3 (#5) on the second host's right, guest 4 (#6) on the second host's left.
/// Positions go clockwise with the door at the bottom, so the host's left is position 2
/// and the second host's right is the seat before it.
#[test]
fn audit_round_table_two_host() {
    for n in [6usize, 8, 10, 12] {
        let b = banquet_plan(json!({"tables": 1, "seats": n}), n, json!({}));
        let seats = table_seats(&b, 1);
        let s = n / 2 + 1;
        let at = |pos: usize| seats[pos - 1].clone();
        assert_eq!(
            [at(1), at(s), at(n), at(2), at(s - 1), at(s + 1)],
            ["1", "2", "3", "4", "5", "6"].map(String::from),
            "{n} seats: {seats:?}"
        );
    }
}

/// §5 single-centre round table: the seat facing the door is #1, then alternately its
/// left (#2, #4, #6 …, positions 2, 3, 4 …) and right (#3, #5, #7 …, positions n, n-1 …).
#[test]
fn audit_round_table_single_centre() {
    for n in 2..=12usize {
        let b = banquet_plan(json!({"tables": 1, "seats": n, "layout": "single-centre"}), n, json!({}));
        let seats = table_seats(&b, 1);
        let mut want = vec![String::new(); n];
        want[0] = "1".into();
        for k in 2..=n {
            let pos = if k % 2 == 0 { 1 + k / 2 } else { n + 1 - (k - 1) / 2 };
            want[pos - 1] = k.to_string();
        }
        assert_eq!(seats, want, "{n} seats");
        // The rule gives one order: the podium's `honour` does not turn it.
        let right = banquet_plan(
            json!({"tables": 1, "seats": n, "layout": "single-centre"}),
            n,
            json!({"honour": "right"}),
        );
        assert_eq!(table_seats(&right, 1), want, "{n} seats, convention honour right");
    }
}

// ---------------------------------------------------------------- §5 line-ups, vehicles

fn lineup_rows(people: Value, lineup: Value, convention: Value) -> Vec<String> {
    let p = plan(&scenario(json!({"format": "seating/1", "convention": convention, "people": people,
        "lineups": [lineup]})));
    p.lineups[0]
        .rows
        .iter()
        .map(|r| r.iter().map(|id| id.trim_start_matches('p').to_string()).collect::<Vec<_>>().join(" "))
        .collect()
}

/// §5 domestic line-up: each row as a podium row (even counts included), front row first.
#[test]
fn audit_lineup_domestic_every_setting() {
    for honour in HONOURS {
        for even in EVENS {
            for n in 1..=8 {
                let got =
                    lineup_rows(numbered_people(n, "hall"), json!({"name": "合影"}), conv(honour, even));
                assert_eq!(got, ref_podium(&[n], n, honour, even), "n={n} {honour}/{even}");
            }
            let got = lineup_rows(
                numbered_people(7, "hall"),
                json!({"name": "合影", "rows": [3, 4]}),
                conv(honour, even),
            );
            assert_eq!(got, ref_podium(&[3, 4], 7, honour, even), "[3,4] {honour}/{even}");
        }
    }
}

/// §5 foreign-affairs line-up: the host in the centre, guest 1 on the host's right (the
/// camera's left), guest 2 on the host's left.
#[test]
fn audit_lineup_foreign_small() {
    let people = |sides: &[&str]| {
        Value::Array(
            sides
                .iter()
                .enumerate()
                .map(|(i, s)| json!({"id": format!("p{}", i + 1), "name": format!("人{}", i + 1), "rank": i + 1, "side": s}))
                .collect(),
        )
    };
    let l = json!({"name": "會見", "style": "foreign"});
    assert_eq!(lineup_rows(people(&["host", "guest"]), l.clone(), json!({})), ["2 1"]);
    assert_eq!(lineup_rows(people(&["guest", "host"]), l.clone(), json!({})), ["1 2"]);
    assert_eq!(lineup_rows(people(&["host", "guest", "guest"]), l.clone(), json!({})), ["2 1 3"]);
    assert_eq!(lineup_rows(people(&["host", "host", "host", "guest", "guest"]), l, json!({})), ["2 4 1 5 3"]);
}

fn cars(vehicles: Value, n: usize) -> Vec<String> {
    let p = plan(&scenario(
        json!({"format": "seating/1", "people": numbered_people(n, "hall"), "vehicles": vehicles}),
    ));
    p.vehicles
        .unwrap()
        .cars
        .iter()
        .map(|c| {
            let mut parts = Vec::new();
            if let Some(d) = &c.driver {
                parts.push(format!("driver={}", d.trim_start_matches('p')));
            }
            parts.extend(
                c.seats.iter().map(|x| format!("{}={}", x.position, x.person.trim_start_matches('p'))),
            );
            parts.join(" ")
        })
        .collect()
}

/// §5 vehicles: the front-passenger setting only changes the chauffeured sedan; with the
/// host driving or in an SUV the front passenger seat is first either way.
#[test]
fn audit_vehicles_front_passenger_setting() {
    for fp in ["last", "before-rear-middle"] {
        assert_eq!(
            cars(json!({"cars": [{"driver": "p1"}], "front_passenger": fp}), 5),
            ["driver=1 front-passenger=2 rear-right=3 rear-left=4 rear-middle=5"],
            "host driving, {fp}"
        );
        assert_eq!(
            cars(json!({"cars": [{"kind": "suv"}], "front_passenger": fp}), 4),
            ["front-passenger=1 rear-right=2 rear-left=3 rear-middle=4"],
            "suv, {fp}"
        );
    }
    assert_eq!(
        cars(json!({"cars": [{}], "front_passenger": "before-rear-middle"}), 4),
        ["rear-right=1 rear-left=2 front-passenger=3 rear-middle=4"]
    );
    assert_eq!(cars(json!({"cars": [{}]}), 4), ["rear-right=1 rear-left=2 rear-middle=3 front-passenger=4"]);
    // One passenger: the most honoured seat only.
    assert_eq!(cars(json!({"cars": [{}]}), 1), ["rear-right=1"]);
}

// ---------------------------------------------------------------- §6 ranking

fn precedence_of(names: &[&str], ranking: Value, extra: &[Value]) -> Vec<String> {
    let people: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut p = json!({"id": format!("x{i}"), "name": n, "rank": 1});
            if let Some(Value::Object(m)) = extra.get(i) {
                for (k, v) in m {
                    p[k] = v.clone();
                }
            }
            p
        })
        .collect();
    let p = plan(&scenario(json!({"format": "seating/1", "ranking": ranking, "people": people})));
    p.precedence
        .iter()
        .map(|id| names[id.trim_start_matches('x').parse::<usize>().unwrap()].to_string())
        .collect()
}

/// §6 strokes: the test list comes out sorted from any input order; the worked pairs in
/// both modes.
#[test]
fn audit_strokes_through_the_planner() {
    let list = [
        "王一", "王五", "王芳", "刘洋", "李四", "李娜", "杨军", "吴敏", "张伟", "陈静", "周杰", "赵磊",
        "黄勇",
    ];
    let mut shuffled = list;
    shuffled.reverse();
    shuffled.swap(2, 9);
    for mode in ["surname", "fullname"] {
        let got = precedence_of(&shuffled, json!({"tiebreak": ["strokes"], "strokes_mode": mode}), &[]);
        assert_eq!(got, list, "{mode}");
    }
    let r = |mode: &str| json!({"tiebreak": ["strokes"], "strokes_mode": mode});
    // The rule book writes 歐陽少東 but counts 8 strokes, the simplified 欧's count (歐 has
    // 15): by "sort by the form the user typed" the example holds for 欧阳少东.
    assert_eq!(precedence_of(&["洪少东", "欧阳少东"], r("surname"), &[]), ["欧阳少东", "洪少东"]);
    assert_eq!(precedence_of(&["文", "王"], r("surname"), &[]), ["王", "文"]);
    assert_eq!(precedence_of(&["欧", "林"], r("surname"), &[]), ["林", "欧"]);
    assert_eq!(precedence_of(&["田大利", "田富"], r("surname"), &[]), ["田富", "田大利"]);
    assert_eq!(precedence_of(&["田富", "田大利"], r("fullname"), &[]), ["田大利", "田富"]);
    // Simplified and traditional forms sort by the form typed: 刘 6 strokes, 劉 15.
    assert_eq!(precedence_of(&["劉備", "张飞", "刘备"], r("surname"), &[]), ["刘备", "张飞", "劉備"]);
}

/// §6 ranking by explicit list (rank) first; tie-breakers only among equal ranks;
/// unranked people after all ranked people.
#[test]
fn audit_rank_then_tiebreak() {
    let people = json!([
        {"id": "a", "name": "黃", "rank": 2},
        {"id": "b", "name": "丁"},
        {"id": "c", "name": "王", "rank": 2},
        {"id": "d", "name": "龔", "rank": 1},
        {"id": "e", "name": "人", "rank": 3}
    ]);
    let p = plan(&scenario(
        json!({"format": "seating/1", "ranking": {"tiebreak": ["strokes"]}, "people": people}),
    ));
    assert_eq!(p.precedence, ["d", "c", "a", "e", "b"]);
}

/// §6 pinyin: surname first, then letter by letter.
#[test]
fn audit_pinyin() {
    let got = precedence_of(&["张伟", "李娜", "安然", "李安", "白雪"], json!({"tiebreak": ["pinyin"]}), &[]);
    assert_eq!(got, ["安然", "白雪", "李安", "李娜", "张伟"]);
}

/// §6 seniority: earlier appointment to the level, then earlier arrival at the unit, then
/// strokes.
#[test]
fn audit_seniority_then_strokes() {
    let extra = [
        json!({"appointed": "2020-01-01", "joined": "2015-01-01"}),
        json!({"appointed": "2019-06-01", "joined": "2018-01-01"}),
        json!({"appointed": "2020-01-01", "joined": "2010-01-01"}),
        json!({"appointed": "2020-01-01", "joined": "2015-01-01"}),
    ];
    // 李 (7 strokes) and 王 (4) have the same dates: strokes decide, 王 first.
    let got = precedence_of(&["李明", "周平", "趙剛", "王明"], json!({"tiebreak": ["seniority"]}), &extra);
    assert_eq!(got, ["周平", "趙剛", "王明", "李明"]);
}

/// §6 institution order is data: the same people ranked by two institution orders (the
/// common 黨委 > 人大 > 政府 > 政協 and a county's 縣長 before 人大主任) come out in each
/// order, with no code change.
#[test]
fn audit_institution_order_is_data() {
    let roles = ["縣委書記", "人大主任", "縣長", "政協主席"];
    for order in [[1, 2, 3, 4], [1, 3, 2, 4]] {
        let people: Vec<Value> = roles
            .iter()
            .zip(order)
            .enumerate()
            .map(|(i, (post, rank))| json!({"id": format!("x{i}"), "name": format!("人{i}"), "post": post, "rank": rank}))
            .collect();
        let p = plan(&scenario(json!({"format": "seating/1", "people": people})));
        let posts: Vec<&str> = p
            .precedence
            .iter()
            .map(|id| roles[id.trim_start_matches('x').parse::<usize>().unwrap()])
            .collect();
        let mut want: Vec<(i32, &str)> = order.iter().copied().zip(roles).collect();
        want.sort();
        assert_eq!(posts, want.iter().map(|w| w.1).collect::<Vec<_>>());
    }
}

/// §7 rank inversions in a `centre-out` hall are judged by that method's seat order (the
/// centre seat is the row's most senior), not by the column: a pin to the person's own
/// seat inverts nothing, and a swap putting #2 in the centre seat is an inversion.
#[test]
fn audit_centre_out_inversions_follow_the_centre_out_order() {
    for honour in HONOURS {
        let hall = |ins: Value| {
            plan(&scenario(json!({"format": "seating/1",
                "convention": {"hall_method": "centre-out", "honour": honour},
                "people": numbered_people(7, "hall"), "hall": {"rows": 1, "seats": 7}, "instructions": ins})))
        };
        // Natural order (honour=left): `6 4 2 1 3 5 7`; p3's seat is H1-5 (H1-3 mirrored).
        let natural = hall(json!([]));
        let p3 = seat_of(&natural, "p3").unwrap().to_string();
        let p = hall(json!([{"op": "pin", "person": "p3", "seat": p3}]));
        assert_eq!(hall_rows(&p, 1, 7), hall_rows(&natural, 1, 7));
        assert!(!has(&p, "rank-inversion"), "{honour}: {:?}", p.diagnostics);
        let q = hall(json!([{"op": "swap", "people": ["p1", "p2"]}]));
        let inv: Vec<&seating_core::Diagnostic> =
            q.diagnostics.iter().filter(|d| d.code == "rank-inversion").collect();
        assert_eq!(inv.len(), 1, "{honour}: {inv:?}");
        assert_eq!(inv[0].person.as_deref(), Some("p2"));
    }
}

/// Shrink with a reserve on a seat the shrunk row may not reach: two people in a declared
/// row of 5. A reserve the shrunk row reaches (P1-1..3) keeps a third seat and is applied;
/// one it does not reach (P1-4, P1-5) is reported and does not widen the row, so no seat is
/// left empty and unreserved.
#[test]
fn audit_shrink_counts_only_the_seats_it_keeps() {
    for col in 1..=5u32 {
        let s = scenario(json!({"format": "seating/1", "people": numbered_people(2, "podium"),
            "podium": {"rows": [5], "shrink": true},
            "instructions": [{"op": "reserve", "seat": format!("P1-{col}")}]}));
        let p = plan(&s);
        let l = seating_core::layout(&s, &p, &seating_core::LayoutOptions::default());
        let drawn = l.seats.iter().filter(|b| b.seat.area == seating_core::Area::Podium).count();
        let reserved = p.seats.iter().any(|x| x.reserved);
        let rejected: Vec<&str> =
            p.diagnostics.iter().filter(|d| d.code == "unknown-seat").map(|d| d.message.as_str()).collect();
        if col <= 3 {
            assert!(reserved && rejected.is_empty() && drawn == 3, "P1-{col}: {drawn} seats, {rejected:?}");
        } else {
            assert!(!reserved && drawn == 2, "P1-{col}: {drawn} seats, reserved {reserved}");
            assert!(rejected.len() == 1 && rejected[0].contains("podium.shrink"), "P1-{col}: {rejected:?}");
        }
        assert_eq!(p.seats.iter().filter(|x| x.person.is_some()).count(), 2, "P1-{col}");
    }
}

/// §1 shrink with a reserved podium seat or a hall person pinned onto the podium: the row
/// keeps room for them and for every podium person (nobody is left without a seat).
#[test]
fn audit_shrink_keeps_room_for_fixed_seats() {
    let mut people = numbered_people(3, "podium").as_array().unwrap().clone();
    people.push(json!({"id": "h1", "name": "甲", "rank": 9}));
    let s = scenario(json!({"format": "seating/1", "people": people,
        "podium": {"rows": [5], "shrink": true}, "hall": {"rows": 1, "seats": 2},
        "instructions": [{"op": "reserve", "seat": "P1-1"}, {"op": "pin", "person": "h1", "seat": "P1-5"}]}));
    let p = plan(&s);
    assert!(p.unseated.is_empty(), "{:?} {:?}", p.unseated, p.diagnostics);
    // Five seats: P1-1 reserved, h1 at P1-5, p1 p2 p3 in seat order 3, 4, 2.
    assert_eq!(podium_rows(&p, &[5]), ["R 3 1 2 h1"]);
    complete(&s, &p, &[]);
    // The chart draws the podium the plan used.
    let l = seating_core::layout(&s, &p, &seating_core::LayoutOptions::default());
    let drawn = l.seats.iter().filter(|b| b.seat.area == seating_core::Area::Podium).count();
    assert_eq!(drawn, 5);

    // A podium person pinned to a hall seat leaves the podium: the row shrinks by one; a
    // pin to a seat the hall does not have leaves the person on the podium.
    for (seat, row) in [("H1-1", "1 2"), ("H9-9", "3 1 2")] {
        let s = scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
            "podium": {"rows": [5], "shrink": true}, "hall": {"rows": 1, "seats": 2},
            "instructions": [{"op": "pin", "person": "p3", "seat": seat}]}));
        let p = plan(&s);
        let n = row.split(' ').count() as u32;
        assert_eq!(podium_rows(&p, &[n]), [row], "{seat}");
        assert!(p.unseated.is_empty(), "{seat}");
        complete(&s, &p, &[]);
    }

    // A pin that is refused leaves its person on the podium, and the row keeps their seat:
    // a second pin on the seat an earlier pin or reserve holds, or a second pin of someone
    // already pinned.
    for (second, conflict) in [
        (json!({"op": "pin", "person": "p2", "seat": "H1-1"}), "seat-conflict"),
        (json!({"op": "reserve", "seat": "H1-1"}), "seat-conflict"),
        (json!({"op": "pin", "person": "p1", "seat": "H1-2"}), "person-conflict"),
    ] {
        let mut ins = vec![json!({"op": "pin", "person": "p1", "seat": "H1-1"}), second.clone()];
        if second["op"] == "reserve" {
            // The reserve first, then a pin of p2 on it.
            ins = vec![second.clone(), json!({"op": "pin", "person": "p2", "seat": "H1-1"})];
        }
        let s = scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
            "podium": {"rows": [3], "shrink": true}, "hall": {"rows": 1, "seats": 2},
            "instructions": ins}));
        let p = plan(&s);
        assert!(p.unseated.is_empty(), "{second}: {:?} {:?}", p.unseated, p.diagnostics);
        assert!(p.diagnostics.iter().any(|d| d.code == conflict), "{second}: {:?}", p.diagnostics);
        assert!(!p.diagnostics.iter().any(|d| d.code == "not-enough-seats"), "{second}: {:?}", p.diagnostics);
    }

    // A hall person's pin to a podium seat the shrunk row does not reach is refused, and
    // their next pin, inside it, applies and keeps its seat (it used to be counted as
    // "pinned before", the row shrank past it, and both pins were refused).
    let mut people = numbered_people(2, "podium").as_array().unwrap().clone();
    people.push(json!({"id": "h1", "name": "丙", "rank": 3}));
    let s = scenario(json!({"format": "seating/1", "people": people,
        "podium": {"rows": [5], "shrink": true}, "hall": {"rows": 1, "seats": 2},
        "instructions": [{"op": "pin", "person": "h1", "seat": "P1-5"}, {"op": "pin", "person": "h1", "seat": "P1-3"}]}));
    let p = plan(&s);
    let h1 = p.seats.iter().find(|x| x.person.as_deref() == Some("h1")).map(|x| x.seat.as_str());
    assert_eq!(h1, Some("P1-3"), "{:?}", p.diagnostics);
    assert_eq!(p.diagnostics.iter().filter(|d| d.code == "unknown-seat").count(), 1, "{:?}", p.diagnostics);
}

/// §7 moves that undo each other: the later one wins and is reported, and the reason of the
/// one undone does not claim a move that did not happen (cycles of two and of three).
#[test]
fn audit_undone_moves_are_reported_and_not_claimed() {
    for (moves, undone) in
        [(vec![("p1", "p2"), ("p2", "p1")], "p1"), (vec![("p1", "p3"), ("p3", "p2"), ("p2", "p1")], "p3")]
    {
        let ins: Vec<Value> =
            moves.iter().map(|(p, a)| json!({"op": "move", "person": p, "after": a})).collect();
        let p = plan(&scenario(json!({"format": "seating/1", "people": numbered_people(3, "podium"),
            "podium": {"rows": [3]}, "instructions": ins})));
        assert!(codes(&p).contains(&"move-conflict".to_string()), "{moves:?}: {:?}", p.diagnostics);
        let reason = &p.seats.iter().find(|a| a.person.as_deref() == Some(undone)).unwrap().reason;
        assert!(!reason.contains("調整排序") && !reason.contains("moved after"), "{moves:?}: {reason}");
        // Each person's final place agrees with the moves that hold.
        let at = |id: &str| p.precedence.iter().position(|x| x == id).unwrap();
        for &(who, after) in &moves {
            let claimed = p
                .seats
                .iter()
                .find(|a| a.person.as_deref() == Some(who))
                .unwrap()
                .reason
                .contains("調整排序");
            assert_eq!(claimed, at(who) > at(after), "{moves:?}: {who} after {after}");
        }
    }
}

/// One unit 甲局 in a hall row of `seats`: full members m1, m2, m3 (ranks 1–3) and the
/// attendee `attendee` (rank 4), planned with `hall.roles` = `roles` and one `move` of
/// `person` after `after`.
fn one_unit_with_an_attendee(attendee: &str, roles: &str, seats: u32, (person, after): (&str, &str)) -> Plan {
    plan(&scenario(json!({"format": "seating/1", "units": [{"id": "u", "name": "甲局"}],
        "people": [
            {"id": "m1", "name": "一", "rank": 1, "unit": "u"}, {"id": "m2", "name": "二", "rank": 2, "unit": "u"},
            {"id": "m3", "name": "三", "rank": 3, "unit": "u"},
            {"id": attendee, "name": "列", "rank": 4, "unit": "u", "role": "attendee"}],
        "hall": {"rows": 1, "seats": seats, "roles": roles},
        "instructions": [{"op": "move", "person": person, "after": after}]})))
}

/// §7 beats §4's members-first rule: an attendee (列席) moved directly after a full member of
/// the unit sits right after that member, and the rank inversions it causes are reported; in
/// `members-first` halls too.
#[test]
fn audit_a_move_beats_members_first() {
    for roles in ["with-unit", "members-first"] {
        let p = one_unit_with_an_attendee("t1", roles, 6, ("t1", "m1"));
        let row: Vec<&str> = (1..=4)
            .map(|c| {
                let id = format!("H1-{c}");
                p.seats.iter().find(|a| a.seat == id).and_then(|a| a.person.as_deref()).unwrap_or("-")
            })
            .collect();
        assert_eq!(row, ["m1", "t1", "m2", "m3"], "{roles}");
        let inversions = p.diagnostics.iter().filter(|d| d.code == "rank-inversion").count();
        assert_eq!(inversions, 2, "{roles}: {:?}", p.diagnostics);
    }
}

/// The other way round: a member moved after an attendee of the unit takes the attendee's
/// role, so sits behind every member; each member now ahead of them is an inversion the
/// move caused, not one the members-first rule excuses (it judges the roles the roster
/// gives, not the one the move lent).
#[test]
fn audit_a_member_moved_after_an_attendee_reports_every_inversion() {
    for roles in ["with-unit", "members-first"] {
        let p = one_unit_with_an_attendee("a1", roles, 4, ("m1", "a1"));
        let seat =
            |who: &str| p.seats.iter().find(|a| a.person.as_deref() == Some(who)).unwrap().seat.clone();
        assert_eq!(["m2", "m3", "a1", "m1"].map(seat), ["H1-1", "H1-2", "H1-3", "H1-4"], "{roles}");
        let over: Vec<&str> =
            p.diagnostics.iter().filter(|d| d.code == "rank-inversion").map(|d| &*d.message).collect();
        assert_eq!(over.len(), 3, "{roles}: {over:?}");
        for junior in ["(m2)", "(m3)", "(a1)"] {
            assert!(
                over.iter().any(|m| m.contains(junior) && m.contains("(m1)")),
                "{roles}: {junior}: {over:?}"
            );
        }
    }
}

/// §7 rank inversions across the sections: a senior hall person pinned onto the podium is
/// compared with the podium people by seats, as a podium person would be (the rule that
/// seats podium people before hall people no longer separates them), and a podium person
/// pinned into the hall is compared with the hall people of the unit by seats.
#[test]
fn audit_inversions_of_people_pinned_into_the_other_section() {
    let s = scenario(json!({"format": "seating/1", "units": [{"id": "u", "name": "甲局"}],
        "people": [
            {"id": "h", "name": "甲", "rank": 1, "section": "hall", "unit": "u"},
            {"id": "a", "name": "乙", "rank": 2, "section": "podium"},
            {"id": "b", "name": "丙", "rank": 3, "section": "podium"}],
        "podium": {"rows": [3]}, "hall": {"rows": 1, "seats": 2},
        "instructions": [{"op": "pin", "person": "h", "seat": "P1-3"}]}));
    let p = plan(&s);
    // a takes the centre (P1-2), ahead of h in P1-3: one inversion, caused by the pin.
    let inv: Vec<&str> =
        p.diagnostics.iter().filter(|d| d.code == "rank-inversion").map(|d| &*d.message).collect();
    assert_eq!(inv.len(), 1, "{inv:?}");
    assert!(inv[0].contains("(a)") && inv[0].contains("(h)"), "{inv:?}");

    // b (podium section, junior) pinned to the hall's first seat, ahead of h (hall, senior)
    // of b's own unit: compared by seats in the hall, an inversion.
    let s = scenario(json!({"format": "seating/1", "units": [{"id": "u", "name": "甲局"}],
        "people": [
            {"id": "h", "name": "甲", "rank": 1, "section": "hall", "unit": "u"},
            {"id": "a", "name": "乙", "rank": 2, "section": "podium"},
            {"id": "b", "name": "丙", "rank": 3, "section": "podium", "unit": "u"}],
        "podium": {"rows": [3]}, "hall": {"rows": 1, "seats": 2},
        "instructions": [{"op": "pin", "person": "b", "seat": "H1-1"}]}));
    let p = plan(&s);
    let inv: Vec<&str> =
        p.diagnostics.iter().filter(|d| d.code == "rank-inversion").map(|d| &*d.message).collect();
    assert!(inv.iter().any(|m| m.contains("(b)") && m.contains("(h)")), "{inv:?}");
}

/// §7 a `move` after someone who is absent (請假): the person takes the place right after
/// where the anchor would have been, and a note says the anchor is absent.
#[test]
fn audit_a_move_after_an_absent_anchor_is_noted() {
    let s = scenario(json!({"format": "seating/1", "meeting": {"language": "en"},
        "people": numbered_people(3, "podium"), "podium": {"rows": [3]},
        "instructions": [{"op": "exclude", "person": "p1"}, {"op": "move", "person": "p3", "after": "p1"}]}));
    let p = plan(&s);
    assert_eq!(p.precedence, ["p3", "p2"]);
    let notes: Vec<&str> =
        p.diagnostics.iter().filter(|d| d.code == "move-anchor-absent").map(|d| &*d.message).collect();
    assert_eq!(notes.len(), 1, "{:?}", p.diagnostics);
    assert!(notes[0].contains("(p1) is excluded") && notes[0].contains("(p3) is placed"), "{}", notes[0]);
    // A later move of the same person is the one that holds: no note for the earlier one.
    let s = scenario(
        json!({"format": "seating/1", "people": numbered_people(4, "podium"), "podium": {"rows": [4]},
        "instructions": [{"op": "exclude", "person": "p1"}, {"op": "move", "person": "p4", "after": "p1"},
            {"op": "move", "person": "p4", "after": "p3"}]}),
    );
    let p = plan(&s);
    assert!(p.diagnostics.iter().all(|d| d.code != "move-anchor-absent"), "{:?}", p.diagnostics);
    // A move of the absent person themselves is refused, as before, and not noted twice.
    let s = scenario(
        json!({"format": "seating/1", "people": numbered_people(3, "podium"), "podium": {"rows": [3]},
        "instructions": [{"op": "exclude", "person": "p1"}, {"op": "move", "person": "p1", "after": "p3"}]}),
    );
    let p = plan(&s);
    assert!(p.diagnostics.iter().all(|d| d.code != "move-anchor-absent"), "{:?}", p.diagnostics);
}

/// A roster with a name twice (a roster appended to itself, or two people of one name) is
/// told so: one `same-name` warning per name, naming the ids, in the order the names first
/// appear; surrounding spaces do not make two names different. The plan is unchanged.
#[test]
fn audit_people_with_the_same_name_are_pointed_out() {
    let s = scenario(json!({"format": "seating/1", "meeting": {"language": "en"},
        "people": [
            {"id": "a", "name": "王晨"}, {"id": "b", "name": "李強"}, {"id": "c", "name": " 王晨"},
            {"id": "d", "name": "李強"}, {"id": "e", "name": "趙樂"}, {"id": "f", "name": "王晨"}],
        "hall": {"rows": 1, "seats": 6}}));
    let p = plan(&s);
    let same: Vec<(&str, Option<&str>)> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == "same-name")
        .map(|d| (&*d.message, d.person.as_deref()))
        .collect();
    assert_eq!(same.len(), 2, "{same:?}");
    assert!(same[0].0.starts_with("3 people are named 王晨 (a, c, f)") && same[0].1 == Some("a"), "{same:?}");
    assert!(same[1].0.starts_with("2 people are named 李強 (b, d)"), "{same:?}");
    assert_eq!(p.seats.iter().filter(|x| x.person.is_some()).count(), 6);
    let distinct = scenario(json!({"format": "seating/1", "people": numbered_people(5, "hall"),
        "hall": {"rows": 1, "seats": 5}}));
    assert!(plan(&distinct).diagnostics.iter().all(|d| d.code != "same-name"));
}

/// More than 20 shared names: 20 warnings with their ids, then one that counts the rest.
#[test]
fn audit_many_shared_names_are_summarised() {
    let people: Vec<serde_json::Value> =
        (0..60).map(|i| json!({"id": format!("p{i}"), "name": format!("同名{}", i % 25)})).collect();
    let s = scenario(json!({"format": "seating/1", "meeting": {"language": "en"}, "people": people,
        "hall": {"rows": 2, "seats": 30}}));
    let same: Vec<String> =
        plan(&s).diagnostics.into_iter().filter(|d| d.code == "same-name").map(|d| d.message).collect();
    assert_eq!(same.len(), 21, "{same:?}");
    assert!(same[0].starts_with("3 people are named 同名0 (p0, p25, p50)"), "{}", same[0]);
    assert_eq!(same[20], "5 more names are shared by two or more people");
}
