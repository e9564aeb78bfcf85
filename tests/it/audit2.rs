//! Second audit against the rule book: what `audit.rs` does not cover. The hall's `columns`
//! method in both block orders, the aisle rule, front-first with reserved and blocked seats
//! on irregular rows and several floors, odd-even ticket numbers on irregular rows, rank
//! inversions in every hall method (and none where no instruction causes one), banquet
//! table assignment and seat orders for 6–14 seats, discussion groups, roster import, and
//! the CLI on edge inputs. Every expected result is worked out by hand in a comment from
//! PROTOCOL.md / SCENARIO.md / the documented extensions, or by a small reference function
//! written from the rule text, never copied from the planner's output.

use crate::support::{codes, scenario};
use seating_core::{hall::Shape, plan, Plan, Scenario, SeatId};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------- helpers

/// People of units given as (unit id, size): ids `{unit}{k}` (`a1`, `a2`, …), ranks rising
/// in the order listed, so precedence is the listing order. The units are listed in the
/// same order (unit precedence).
fn unit_people(units: &[(&str, usize)]) -> (Value, Value) {
    let mut rank = 0;
    let mut people = Vec::new();
    for &(u, n) in units {
        for k in 1..=n {
            rank += 1;
            people
                .push(json!({"id": format!("{u}{k}"), "name": format!("{u}{k}人"), "rank": rank, "unit": u}));
        }
    }
    let units: Vec<Value> =
        units.iter().map(|&(u, _)| json!({"id": u, "name": format!("單位{u}")})).collect();
    (Value::Array(units), Value::Array(people))
}

fn hall_plan(
    units: &[(&str, usize)],
    hall: Value,
    convention: Value,
    instructions: Value,
) -> (Scenario, Plan) {
    let (u, p) = unit_people(units);
    let s = scenario(json!({"format": "seating/1", "convention": convention, "units": u, "people": p,
        "hall": hall, "instructions": instructions}));
    let p = plan(&s);
    (s, p)
}

/// The hall rows front first, one character per seat from the audience's left: the first
/// letter of the occupant's id (the unit), `.` empty, `R` reserved, `#` blocked, `|` at
/// aisles.
fn grid(s: &Scenario, p: &Plan) -> Vec<String> {
    let spec = s.hall.as_ref().unwrap();
    let shape = Shape::new(spec);
    let by_seat: HashMap<&str, &seating_core::SeatAssignment> =
        p.seats.iter().map(|a| (a.seat.as_str(), a)).collect();
    let blocked: HashSet<&str> = spec.blocked.iter().map(String::as_str).collect();
    (1..=shape.rows())
        .map(|r| {
            let mut out = String::new();
            for c in 1..=shape.row(r).unwrap().len {
                if c > 1 && shape.block(r, c) != shape.block(r, c - 1) {
                    out.push('|');
                }
                let id = SeatId::hall(r, c).to_string();
                out.push(match by_seat.get(id.as_str()) {
                    Some(a) if a.reserved => 'R',
                    Some(a) => a.person.as_deref().unwrap().chars().next().unwrap(),
                    None if blocked.contains(id.as_str()) => '#',
                    None => '.',
                });
            }
            out
        })
        .collect()
}

fn seat_of<'a>(p: &'a Plan, id: &str) -> &'a str {
    p.seats.iter().find(|a| a.person.as_deref() == Some(id)).map(|a| a.seat.as_str()).unwrap_or("-")
}

/// The seats of `ids`, in that order.
fn seats_of(p: &Plan, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| seat_of(p, id).to_string()).collect()
}

/// `rank-inversion` diagnostics as (instruction, junior person) pairs, sorted.
fn inversions(p: &Plan) -> Vec<(usize, String)> {
    let mut v: Vec<(usize, String)> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == "rank-inversion")
        .map(|d| (d.instruction.unwrap_or(usize::MAX), d.person.clone().unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn inv(list: &[(usize, &str)]) -> Vec<(usize, String)> {
    let mut v: Vec<(usize, String)> = list.iter().map(|&(k, p)| (k, p.to_string())).collect();
    v.sort();
    v
}

fn columns(blocks: &str, honour: &str) -> Value {
    json!({"hall_method": "columns", "column_blocks": blocks, "honour": honour})
}

// ---------------------------------------------------------------- §4 columns (豎排法)

/// §4 columns, blocks left to right, uneven units, no aisles. "Each unit takes a column
/// block, front to back" at the smallest depth D at which the blocks fit side by side
/// (README: as far forward as the method allows). 4 rows × 6, units a=5 b=3 c=4:
/// D=1 needs 5+3+4=12 columns, D=2 needs 3+2+2=7 > 6, D=3 needs 2+1+2=5 ≤ 6. So a takes
/// columns 1–2, b column 3, c columns 4–5, column 6 stays empty; each block fills rows
/// 1..3, each row of the block from the audience's left.
#[test]
fn audit2_columns_left_to_right_uneven_units() {
    for honour in ["left", "right"] {
        let (s, p) = hall_plan(
            &[("a", 5), ("b", 3), ("c", 4)],
            json!({"rows": 4, "seats": 6}),
            columns("left-to-right", honour),
            json!([]),
        );
        // "blocks go left to right as you face the podium": no honour side involved.
        assert_eq!(grid(&s, &p), ["aabcc.", "aabcc.", "a.b...", "......"], "honour={honour}");
        assert_eq!(seats_of(&p, &["a1", "a2", "a3", "a4", "a5"]), ["H1-1", "H1-2", "H2-1", "H2-2", "H3-1"]);
        assert_eq!(seats_of(&p, &["c1", "c2", "c3", "c4"]), ["H1-4", "H1-5", "H2-4", "H2-5"]);
        assert!(p.unseated.is_empty() && codes(&p).is_empty(), "{:?}", p.diagnostics);
    }
}

/// §4 columns outward from the centre. 2 rows × 9, units a=2 b=4 c=2 d=4 (12 people): D=1
/// needs 12 columns, D=2 needs 1+2+1+2=6 ≤ 9. a (1 column) takes the centre column 5;
/// then alternately the honour side and the other: for honour=left (the seated people's
/// own left, the audience's left) b takes columns 3–4, c column 6, d columns 1–2.
/// honour=right mirrors the sides: b 6–7, c 4, d 8–9.
#[test]
fn audit2_columns_centre_out_uneven_units_both_honours() {
    let units = [("a", 2), ("b", 4), ("c", 2), ("d", 4)];
    let (s, p) = hall_plan(&units, json!({"rows": 2, "seats": 9}), columns("centre-out", "left"), json!([]));
    assert_eq!(grid(&s, &p), ["ddbbac...", "ddbbac..."]);
    let (s, p) = hall_plan(&units, json!({"rows": 2, "seats": 9}), columns("centre-out", "right"), json!([]));
    assert_eq!(grid(&s, &p), ["...cabbdd", "...cabbdd"]);
    // Even width 8, a=4 at D=2 is two columns: the two centre columns 4–5, symmetric; b
    // (2 columns) on the honour side, c (1) on the other, d (2) on the honour side again.
    let (s, p) = hall_plan(&units, json!({"rows": 2, "seats": 8}), columns("centre-out", "left"), json!([]));
    // a=2 (1 column), b=4 (2), c=2 (1), d=4 (2) at D=2 in 8 columns: a cannot sit on the
    // axis of an even row; it leans to the honour side (column 4) and the next block goes
    // to the other side: b 5–6, c 3, d 7–8.
    assert_eq!(grid(&s, &p), ["..cabbdd", "..cabbdd"]);
    // a=4 b=2 c=2 fill the 8 columns of the front row (D=1): a on the two centre pairs of
    // columns 3–6, symmetric; b on the honour side (1–2), c on the other (7–8).
    let (s, p) = hall_plan(
        &[("a", 4), ("b", 2), ("c", 2)],
        json!({"rows": 2, "seats": 8}),
        columns("centre-out", "left"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), ["bbaaaacc", "........"]);
    let (s, p) = hall_plan(
        &[("a", 4), ("b", 2), ("c", 2)],
        json!({"rows": 2, "seats": 8}),
        columns("centre-out", "right"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), ["ccaaaabb", "........"]);
}

/// §4 columns with aisles: a block that would straddle an aisle goes after it when it fits
/// there, "a unit should not be split across an aisle when a placement without the split
/// exists in the same rows". 1 row × 11 with aisles after columns 3 and 5 (blocks of 3, 2
/// and 6 columns), units a=2 b=4: a takes 1–2; b from column 3 would cross both aisles,
/// from column 4 (the 2-column block) still one; in the 6-column block (6–9) it is whole,
/// in the same (only) row. So b sits in 6–9; columns 3–5 stay empty with nobody behind.
#[test]
fn audit2_columns_aisle_skips_to_a_block_that_fits() {
    let (s, p) = hall_plan(
        &[("a", 2), ("b", 4)],
        json!({"rows": 1, "seats": 11, "aisles": [3, 5]}),
        columns("left-to-right", "left"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), ["aa.|..|bbbb.."]);
    // The simple case: 2 rows × 8, aisle after 4, a=4 b=4 c=4: D=2, a (2 columns) 1–2, b
    // (2) 3–4, c (2) 5–6: nobody straddles. With a=6: D=2, a (3 columns) 1–3, b from 4
    // would straddle, so b takes 5–6 after the aisle and c 7–8; column 4 stays empty.
    let (s, p) = hall_plan(
        &[("a", 6), ("b", 4), ("c", 4)],
        json!({"rows": 2, "seats": 8, "aisles": [4]}),
        columns("left-to-right", "left"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), ["aaa.|bbcc", "aaa.|bbcc"]);
}

// ---------------------------------------------------------------- §4 rows: aisles, front first

/// §4 rows with aisles: a whole unit never straddles an aisle when, in the same rows, a
/// placement without the split exists that keeps everyone as far forward as possible
/// (front first: no empty seat in front of an occupied one). 2 rows × 10, aisle after 5.
#[test]
fn audit2_rows_aisle_rule_and_front_first() {
    let hall = json!({"rows": 2, "seats": 10, "aisles": [5]});
    let conv = json!({"hall_method": "rows"});
    // a=3 b=4 c=2 d=3: b would take 4–7 (split); c (2) fits exactly in 4–5, so c moves
    // ahead and b takes 6–9; d continues from column 10 onto row 2 (a unit continues onto
    // the next row; a row change is not an aisle).
    let (s, p) = hall_plan(&[("a", 3), ("b", 4), ("c", 2), ("d", 3)], hall.clone(), conv.clone(), json!([]));
    assert_eq!(grid(&s, &p), ["aaacc|bbbbd", "dd...|....."]);
    // a=3 b=4 c=3 d=2: no follower fills 4–5 exactly (c has 3), so keeping b whole would
    // leave seats empty in front of d: front first wins, b straddles.
    let (s, p) = hall_plan(&[("a", 3), ("b", 4), ("c", 3), ("d", 2)], hall.clone(), conv.clone(), json!([]));
    assert_eq!(grid(&s, &p), ["aaabb|bbccc", "dd...|....."]);
    // The last unit may leave the seats before the aisle empty: nobody sits behind them.
    let (s, p) = hall_plan(&[("a", 3), ("b", 4)], hall.clone(), conv.clone(), json!([]));
    assert_eq!(grid(&s, &p), ["aaa..|bbbb.", ".....|....."]);
    // A reserved seat inside the stretch is skipped and does not count as a hole.
    let (s, p) = hall_plan(
        &[("a", 3), ("b", 2)],
        hall.clone(),
        conv.clone(),
        json!([{"op": "reserve", "seat": "H1-2"}]),
    );
    assert_eq!(grid(&s, &p), ["aRaa.|bb...", ".....|....."]);
}

/// Front first with blocked and reserved seats on irregular rows and two floors, members
/// before attendees and alternates, units by the `units` order (not by their members'
/// ranks), people without a unit last. Rows of 3, 5, 4 seats (centred), floors 一樓 (rows
/// 1–2) and 二樓 (row 3); H1-2 blocked, H2-1 reserved.
///
/// Unit order x, y, (none). x: x1 member, x2 attendee (but rank 1, the most senior of all),
/// x3 member, x4 alternate → x1 x3 x2 x4. y: y1, y2 members → y1 y2. None: z1.
/// Stream of available seats: H1-1 H1-3, H2-2 H2-3 H2-4 H2-5, H3-1 … H3-4.
/// x1 H1-1, x3 H1-3, x2 H2-2, x4 H2-3, y1 H2-4, y2 H2-5, z1 H3-1.
#[test]
fn audit2_rows_front_first_irregular_floors_roles() {
    let people = json!([
        {"id": "x2", "name": "乙", "rank": 1, "unit": "x", "role": "attendee"},
        {"id": "y1", "name": "丙", "rank": 2, "unit": "y"},
        {"id": "x1", "name": "甲", "rank": 3, "unit": "x"},
        {"id": "z1", "name": "丁", "rank": 4},
        {"id": "y2", "name": "戊", "rank": 5, "unit": "y"},
        {"id": "x4", "name": "己", "rank": 6, "unit": "x", "role": "alternate"},
        {"id": "x3", "name": "庚", "rank": 7, "unit": "x"}
    ]);
    let s = scenario(json!({"format": "seating/1",
        "units": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
        "people": people,
        "hall": {"rows": 3, "seats": 5, "row_seats": [3, 5, 4], "blocked": ["H1-2"],
                 "floors": [{"name": "一樓", "rows": 2}, {"name": "二樓", "rows": 1}]},
        "instructions": [{"op": "reserve", "seat": "H2-1"}]}));
    let p = plan(&s);
    assert_eq!(
        seats_of(&p, &["x1", "x3", "x2", "x4", "y1", "y2", "z1"]),
        ["H1-1", "H1-3", "H2-2", "H2-3", "H2-4", "H2-5", "H3-1"]
    );
    assert_eq!(grid(&s, &p), ["x#x", "Rxxyy", "z..."]);
    assert!(p.unseated.is_empty());
    // Labels: floor prefix, rows numbered again from 1 on each floor, sequential numbers.
    let label = |seat: &str| p.seats.iter().find(|a| a.seat == seat).unwrap().label.clone();
    assert_eq!(label("H1-3"), "一樓 第1排3號");
    assert_eq!(label("H2-5"), "一樓 第2排5號");
    assert_eq!(label("H3-1"), "二樓 第1排1號");
    assert!(!codes(&p).contains(&"rank-inversion".to_string()), "{:?}", p.diagnostics);
}

/// Hall people who do not fit: the most junior *in hall order* (the last unit's last
/// members) are unseated, and unseated people are listed in precedence order.
#[test]
fn audit2_rows_more_people_than_seats() {
    let (_, p) = hall_plan(&[("a", 3), ("b", 3)], json!({"rows": 1, "seats": 4}), json!({}), json!([]));
    assert_eq!(p.unseated, ["b2", "b3"]);
    assert!(codes(&p).contains(&"not-enough-seats".to_string()));
}

// ---------------------------------------------------------------- §4 odd-even numbering

/// Reference for one row of `n` seats, from PROTOCOL §4: numbers run outward from the
/// centre, odd numbers on `odd_side`, even on the other (odd on the right:
/// `… 6 4 2 1 3 5 …`). Seat 1 is the centre seat (odd n) or, for even n, the centre seat
/// on the odd side; 2 is beside it on the even side.
fn ref_numbers(n: u32, odd_right: bool) -> Vec<u32> {
    let mut row = vec![0u32; n as usize];
    // Columns (0-based) on the odd side going outward, and on the even side going outward.
    let (odd_cols, even_cols): (Vec<usize>, Vec<usize>) = if n % 2 == 1 {
        let c = (n / 2) as usize;
        ((c..n as usize).collect(), (0..c).rev().collect())
    } else {
        let r = (n / 2) as usize; // right centre seat
        ((r..n as usize).collect(), (0..r).rev().collect())
    };
    for (k, &c) in odd_cols.iter().enumerate() {
        row[c] = 2 * k as u32 + 1;
    }
    for (k, &c) in even_cols.iter().enumerate() {
        row[c] = 2 * k as u32 + 2;
    }
    if !odd_right {
        row.reverse();
    }
    row
}

/// §4 odd-even numbers on irregular rows, both odd sides, with floors: each row is
/// numbered from its own centre; the label carries the floor prefix and the floor's row
/// number. Rows 5, 6, 7, 4 seats; floors 一樓 (2 rows) and 樓座 (2 rows).
#[test]
fn audit2_odd_even_irregular_rows_and_floor_labels() {
    assert_eq!(ref_numbers(7, true), [6, 4, 2, 1, 3, 5, 7]);
    let lens = [5u32, 6, 7, 4];
    for odd_side in ["left", "right"] {
        let people: Vec<Value> =
            (1..=22).map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i})).collect();
        let s = scenario(json!({"format": "seating/1",
            "convention": {"numbering": "odd-even", "odd_side": odd_side},
            "people": people,
            "hall": {"rows": 4, "seats": 7, "row_seats": lens,
                     "floors": [{"name": "一樓", "rows": 2}, {"name": "樓座", "rows": 2}]}}));
        let p = plan(&s);
        for (r, &len) in lens.iter().enumerate() {
            let want = ref_numbers(len, odd_side == "right");
            let (floor, frow) = if r < 2 { ("一樓", r + 1) } else { ("樓座", r - 1) };
            for c in 1..=len {
                let seat = format!("H{}-{c}", r + 1);
                let a = p.seats.iter().find(|a| a.seat == seat).unwrap_or_else(|| panic!("{seat} empty"));
                assert_eq!(
                    a.label,
                    format!("{floor} 第{frow}排{}號", want[c as usize - 1]),
                    "odd_side={odd_side} {seat}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------- §7 rank inversions in the hall

/// §7 "Report every rank inversion an instruction causes (a junior person in a more senior
/// seat than a senior one)", in the hall, method by method. One unit a of 4 (a1 most
/// senior) in a 2 × 4 hall, so its natural seats are known:
/// - rows: a1 H1-1, a2 H1-2, a3 H1-3, a4 H1-4;
/// - columns (D=1, one block of 4 columns): the same;
/// - centre-out honour=left, row of 4, even=pair: the mirror of the podium row `3 1 2 4`
///   is `4 2 1 3`: a1 H1-3, a2 H1-2, a3 H1-4, a4 H1-1.
#[test]
fn audit2_hall_inversions_every_method() {
    let hall = json!({"rows": 2, "seats": 4});
    for method in ["rows", "columns", "centre-out"] {
        let conv = json!({"hall_method": method});
        let natural = hall_plan(&[("a", 4)], hall.clone(), conv.clone(), json!([])).1;
        let want_natural = if method == "centre-out" {
            ["H1-3", "H1-2", "H1-4", "H1-1"]
        } else {
            ["H1-1", "H1-2", "H1-3", "H1-4"]
        };
        assert_eq!(seats_of(&natural, &["a1", "a2", "a3", "a4"]), want_natural, "{method}");
        // Pinning everyone to their natural seats causes nothing.
        let pins: Vec<Value> = ["a1", "a2", "a3", "a4"]
            .iter()
            .zip(want_natural)
            .map(|(p, s)| json!({"op": "pin", "person": p, "seat": s}))
            .collect();
        let (_, p) = hall_plan(&[("a", 4)], hall.clone(), conv.clone(), Value::Array(pins));
        assert_eq!(inversions(&p), inv(&[]), "{method}: {:?}", p.diagnostics);
        // Swapping a2 and a3: a3 (junior) takes a2's more senior seat: one inversion.
        let (_, p) = hall_plan(
            &[("a", 4)],
            hall.clone(),
            conv.clone(),
            json!([{"op": "swap", "people": ["a2", "a3"]}]),
        );
        assert_eq!(inversions(&p), inv(&[(0, "a3")]), "{method}");
        // Pinning a4 to a1's natural seat: the others fill the rest in seat order, so a4 is
        // ahead of all three: three inversions, all a4's.
        let (_, p) = hall_plan(
            &[("a", 4)],
            hall.clone(),
            conv.clone(),
            json!([{"op": "pin", "person": "a4", "seat": want_natural[0]}]),
        );
        assert_eq!(inversions(&p), inv(&[(0, "a4"), (0, "a4"), (0, "a4")]), "{method}");
        // Pinning a1 to the back row: a2, a3, a4 sit ahead of a1.
        let (_, p) = hall_plan(
            &[("a", 4)],
            hall.clone(),
            conv.clone(),
            json!([{"op": "pin", "person": "a1", "seat": "H2-1"}]),
        );
        assert_eq!(inversions(&p), inv(&[(0, "a2"), (0, "a3"), (0, "a4")]), "{method}");
        // Moving a4 after a1: a4 now fills a2's seat: a4 is ahead of a2 and a3.
        let (_, p) = hall_plan(
            &[("a", 4)],
            hall.clone(),
            conv.clone(),
            json!([{"op": "move", "person": "a4", "after": "a1"}]),
        );
        assert_eq!(seat_of(&p, "a4"), want_natural[1], "{method}");
        assert_eq!(inversions(&p), inv(&[(0, "a4"), (0, "a4")]), "{method}");
    }
}

/// §4 "full members before attendees (列席) and alternates" is a rule, not an instruction:
/// a member of lower rank sitting ahead of a more senior attendee is the rule's doing. An
/// instruction that changes nothing (a pin to the person's own seat) causes no inversion.
/// Unit a: a1 attendee rank 1, a2 member rank 2. Natural: a2 H1-1, a1 H1-2.
#[test]
fn audit2_no_inversion_from_the_member_first_rule() {
    let people = json!([
        {"id": "a1", "name": "甲", "rank": 1, "unit": "a", "role": "attendee"},
        {"id": "a2", "name": "乙", "rank": 2, "unit": "a"}
    ]);
    for roles in ["with-unit", "members-first"] {
        for method in ["rows", "columns", "centre-out"] {
            let mk = |ins: Value| {
                plan(&scenario(json!({"format": "seating/1", "convention": {"hall_method": method},
                    "units": [{"id": "a", "name": "A"}], "people": people,
                    "hall": {"rows": 1, "seats": 3, "roles": roles}, "instructions": ins})))
            };
            let natural = mk(json!([]));
            let s1 = seat_of(&natural, "a1").to_string();
            let p = mk(json!([{"op": "pin", "person": "a1", "seat": s1}]));
            assert_eq!(seat_of(&p, "a2"), seat_of(&natural, "a2"), "{roles} {method}");
            assert_eq!(inversions(&p), inv(&[]), "{roles} {method}: {:?}", p.diagnostics);
        }
    }
}

/// §7 again: the podium/hall split is the scenario's, not an instruction's. A hall person
/// of higher rank than a podium person sits in the hall by the rules; pinning the podium
/// person to the seat they get anyway causes no inversion.
#[test]
fn audit2_no_inversion_from_the_section_split() {
    let people = json!([
        {"id": "h", "name": "甲", "rank": 1},
        {"id": "p", "name": "乙", "rank": 2, "section": "podium"}
    ]);
    let mk = |ins: Value| {
        plan(&scenario(json!({"format": "seating/1", "people": people, "podium": {"rows": [1]},
            "hall": {"rows": 1, "seats": 2}, "instructions": ins})))
    };
    let p = mk(json!([{"op": "pin", "person": "p", "seat": "P1-1"}]));
    assert_eq!((seat_of(&p, "p"), seat_of(&p, "h")), ("P1-1", "H1-1"));
    assert_eq!(inversions(&p), inv(&[]), "{:?}", p.diagnostics);
    // But putting the senior hall person's seat behind a junior hall person of the same
    // unit is one (no units: both are "no unit").
    let people2 = json!([
        {"id": "h1", "name": "甲", "rank": 1},
        {"id": "h2", "name": "乙", "rank": 2}
    ]);
    let p = plan(&scenario(json!({"format": "seating/1", "people": people2,
        "hall": {"rows": 1, "seats": 2}, "instructions": [{"op": "pin", "person": "h1", "seat": "H1-2"}]})));
    assert_eq!(inversions(&p), inv(&[(0, "h2")]));
}

/// §4 columns, the aisle rule going both ways from the centre. 1 row × 13, aisles after
/// columns 3, 4 and 9 (blocks 1–3, 4, 5–9, 10–13), units a=3 b=3 c=3, honour=left, D=1.
/// a is centred on column 7: 6–8. b goes to the honour side (the audience's left) from
/// column 5: 5–3 would cross two aisles, column 4's block is one column wide, so b takes
/// the whole block 1–3. c goes right from column 9: 9–11 crosses, 10–12 is whole.
/// honour=right is the mirror image (aisles after 4, 9 and 10).
#[test]
fn audit2_columns_centre_out_aisles_both_ways() {
    let (s, p) = hall_plan(
        &[("a", 3), ("b", 3), ("c", 3)],
        json!({"rows": 1, "seats": 13, "aisles": [3, 4, 9]}),
        columns("centre-out", "left"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), ["bbb|.|.aaa.|ccc."]);
    let (s, p) = hall_plan(
        &[("a", 3), ("b", 3), ("c", 3)],
        json!({"rows": 1, "seats": 13, "aisles": [4, 9, 10]}),
        columns("centre-out", "right"),
        json!([]),
    );
    assert_eq!(grid(&s, &p), [".ccc|.aaa.|.|bbb"]);
}

/// §4 columns with blocked and reserved seats: a block fills its front rows front to
/// back, skipping seats that cannot be used; the depth counts only usable seats.
/// 3 rows × 4, H1-1 blocked, H1-2 reserved; a=3 b=3. D=1: 2 usable seats < 6. D=2: usable
/// per column [1, 1, 2, 2]: a needs columns 1–2 plus 3 (1+1+2 ≥ 3)… a run from column 1
/// holding 3 is columns 1–3 (1+1+2 = 4 ≥ 3), then b from column 4 has only 2 < 3: no
/// block at D=2. D=3: per column [2, 2, 3, 3]: a from column 1: 2+2 ≥ 3 → columns 1–2;
/// b: column 3 holds 3 → column 3. a fills rows 1–3 of columns 1–2 skipping H1-1 and
/// H1-2: H2-1, H2-2, H3-1; b: H1-3, H2-3, H3-3.
#[test]
fn audit2_columns_blocked_and_reserved() {
    let (s, p) = hall_plan(
        &[("a", 3), ("b", 3)],
        json!({"rows": 3, "seats": 4, "blocked": ["H1-1"]}),
        columns("left-to-right", "left"),
        json!([{"op": "reserve", "seat": "H1-2"}]),
    );
    assert_eq!(grid(&s, &p), ["#Rb.", "aab.", "a.b."]);
    assert_eq!(seats_of(&p, &["a1", "a2", "a3"]), ["H2-1", "H2-2", "H3-1"]);
}

// ---------------------------------------------------------------- §5 banquets

fn banquet(
    spec: Value,
    people: Value,
    units: Value,
    convention: Value,
) -> seating_core::banquet::BanquetPlan {
    plan(&scenario(json!({"format": "seating/1", "convention": convention, "units": units, "people": people,
        "banquet": spec})))
    .banquet
    .unwrap()
}

/// Reference two-host seat order from PROTOCOL §5: "host faces the door, second host
/// opposite; guest 1 on the host's right, guest 2 on the host's left, guest 3 on the second
/// host's right, guest 4 on the second host's left", continued outward round by round.
/// Positions: 1 faces the door, then clockwise with the door at the bottom, so the host's
/// left is position 2, 3, … and the host's right is n, n-1, …; the second host sits at
/// s = n/2+1 facing the host, so their right is s-1, s-2, … and their left s+1, ….
/// Every other seat belongs to the nearer host's arm; its rank is (distance, arm) with the
/// arms in the order host's right, host's left, second host's right, second host's left (a
/// seat halfway between goes to the host's arm, which comes first in a round).
fn ref_two_host(n: u32) -> Vec<u32> {
    if n == 1 {
        return vec![1];
    }
    let s = n / 2 + 1;
    let mut keyed: Vec<((u32, u32), u32)> = Vec::new();
    for p in 2..=n {
        if p == s {
            continue;
        }
        let key = if p < s {
            // Right side of the drawing: host's left (distance p-1) or second host's right (s-p).
            if p - 1 <= s - p {
                (p - 1, 1)
            } else {
                (s - p, 2)
            }
        } else {
            // Left side: host's right (n+1-p) or second host's left (p-s).
            if n + 1 - p <= p - s {
                (n + 1 - p, 0)
            } else {
                (p - s, 3)
            }
        };
        keyed.push((key, p));
    }
    keyed.sort();
    let mut out = vec![1, s];
    out.extend(keyed.into_iter().map(|(_, p)| p));
    out
}

/// §5 two-host and single-centre seat orders, 1 and 6–14 seats: `rank` k is at the
/// position the reference gives. Single-centre: #1 facing the door, then alternately its
/// left (positions 2, 3, …) and its right (n, n-1, …).
#[test]
fn audit2_round_table_orders_6_to_14() {
    assert_eq!(ref_two_host(10), [1, 6, 10, 2, 5, 7, 9, 3, 4, 8]);
    for n in [1u32, 6, 7, 8, 9, 10, 11, 12, 13, 14] {
        let people = Value::Array(
            (1..=n).map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i})).collect(),
        );
        for layout in ["two-host", "single-centre"] {
            let b = banquet(
                json!({"tables": 1, "seats": n, "layout": layout}),
                people.clone(),
                json!([]),
                json!({}),
            );
            let mut by_rank: Vec<(u32, u32, String)> =
                b.seats.iter().map(|x| (x.rank, x.position, x.person.clone())).collect();
            by_rank.sort();
            let got: Vec<u32> = by_rank.iter().map(|x| x.1).collect();
            let want: Vec<u32> = if layout == "two-host" {
                ref_two_host(n)
            } else {
                (1..=n)
                    .map(|k| {
                        if k == 1 {
                            1
                        } else if k % 2 == 0 {
                            1 + k / 2
                        } else {
                            n + 1 - (k - 1) / 2
                        }
                    })
                    .collect()
            };
            assert_eq!(got, want, "{layout} n={n}");
            // Seat k holds #k, and the label says 第k席.
            for (k, pos, who) in &by_rank {
                assert_eq!(who, &format!("p{k}"), "{layout} n={n} position {pos}");
            }
            assert!(b.seats.iter().all(|x| x.label.ends_with(&format!("第{}席", x.rank))));
        }
    }
}

/// §5 people to tables: the main table takes the most senior diners; `by: unit` keeps each
/// unit (in unit precedence) at the first table with room for all of it; `by: precedence`
/// fills tables in table order. 3 tables of 3. Units A (p1 p3 p5 p7), B (p2 p4 p6 p8),
/// C (p9). Main: p1 p2 p3. Rest by unit: A p5 p7 → table 2 (3 free), B p4 p6 p8 → table 3
/// (table 2 has 1 free), C p9 → table 2. By precedence: table 2 p4 p5 p6, table 3 p7 p8 p9.
/// At each table the most senior present takes seat 1 (the host seat), and so on.
#[test]
fn audit2_banquet_tables_by_unit_and_by_precedence() {
    let unit_of = |i: u32| {
        if i == 9 {
            "C"
        } else if i % 2 == 1 {
            "A"
        } else {
            "B"
        }
    };
    let people = Value::Array(
        (1..=9)
            .map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "unit": unit_of(i)}))
            .collect(),
    );
    let units = json!([{"id": "A", "name": "甲"}, {"id": "B", "name": "乙"}, {"id": "C", "name": "丙"}]);
    let at = |b: &seating_core::banquet::BanquetPlan, t: u32| -> Vec<String> {
        let mut v: Vec<(u32, String)> =
            b.seats.iter().filter(|x| x.table == t).map(|x| (x.rank, x.person.clone())).collect();
        v.sort();
        v.into_iter().map(|x| x.1).collect()
    };
    let b = banquet(json!({"tables": 3, "seats": 3}), people.clone(), units.clone(), json!({}));
    assert_eq!(at(&b, 1), ["p1", "p2", "p3"]);
    assert_eq!(at(&b, 2), ["p5", "p7", "p9"]);
    assert_eq!(at(&b, 3), ["p4", "p6", "p8"]);
    let b = banquet(
        json!({"tables": 3, "seats": 3, "by": "precedence"}),
        people.clone(),
        units.clone(),
        json!({}),
    );
    assert_eq!(at(&b, 2), ["p4", "p5", "p6"]);
    assert_eq!(at(&b, 3), ["p7", "p8", "p9"]);
    // Named hosts take the host seats of the main table (position 1, then opposite), the
    // most senior of the rest fill its guest seats.
    let b = banquet(
        json!({"tables": 3, "seats": 4, "hosts": ["p5", "p6"]}),
        people.clone(),
        units.clone(),
        json!({}),
    );
    let main: Vec<(u32, String)> = {
        let mut v: Vec<(u32, String)> =
            b.seats.iter().filter(|x| x.table == 1).map(|x| (x.position, x.person.clone())).collect();
        v.sort();
        v
    };
    // 4 seats: host at 1, second host at 3, guest 1 (p1) on the host's right (4), guest 2
    // (p2) on the host's left (2).
    assert_eq!(main, [(1, "p5".into()), (2, "p2".into()), (3, "p6".into()), (4, "p1".into())]);
    // More diners than seats: the most junior are unseated, with a warning.
    let b = banquet(json!({"tables": 2, "seats": 4, "by": "precedence"}), people, units, json!({}));
    assert_eq!(b.unseated, ["p9"]);
}

/// §5 several rows of tables, both orders: farther rows first, each row by the row rule.
/// 7 tables, 3 per row, left-superior: row 1 (far) `3 1 2`, row 2 `6 4 5`, row 3 `7`;
/// right-superior: `2 1 3`, `5 4 6`, `7`.
#[test]
fn audit2_banquet_rows_of_tables_both_orders() {
    for (order, want) in
        [("left-superior", [[3, 1, 2], [6, 4, 5]]), ("right-superior", [[2, 1, 3], [5, 4, 6]])]
    {
        let b = banquet(
            json!({"tables": 7, "per_row": 3, "order": order, "seats": 2}),
            json!([]),
            json!([]),
            json!({}),
        );
        for (r, row) in want.iter().enumerate() {
            let mut t: Vec<(u32, u32)> =
                b.tables.iter().filter(|t| t.row == r as u32 + 1).map(|t| (t.col, t.number)).collect();
            t.sort();
            assert_eq!(t.iter().map(|x| x.1).collect::<Vec<_>>(), row, "{order} row {}", r + 1);
        }
        assert_eq!(b.tables.iter().filter(|t| t.row == 3).map(|t| t.number).collect::<Vec<_>>(), [7]);
    }
}

// ---------------------------------------------------------------- discussion groups

/// Discussion groups against their documented rules, exhaustively on small inputs: every
/// person placed once, units in order, rooms near an even share (each room within 2 × slack,
/// the first and last within slack), at most rooms − 1 units split, and a unit split only
/// when no unit boundary lay within slack of the ideal cut.
#[test]
fn audit2_groups_split_properties() {
    use seating_core::groups::split;
    let mut cases = 0;
    for n_units in 1..=5usize {
        for seed in 0..40usize {
            let sizes: Vec<usize> =
                (0..n_units).map(|k| 1 + (seed * 7 + k * 13 + k * k * seed) % 9).collect();
            let total: usize = sizes.iter().sum();
            for rooms in 1..=4usize {
                cases += 1;
                let parts = split(&sizes, &vec![None; rooms], None);
                let share = total as f64 / rooms as f64;
                let tol = (share / 10.0).floor().max(1.0);
                let room_sizes: Vec<usize> = parts.iter().map(|p| p.iter().map(|x| x.1).sum()).collect();
                assert_eq!(room_sizes.iter().sum::<usize>(), total, "{sizes:?} {rooms}");
                // Units in order, each unit's counts adding up.
                let flat: Vec<(usize, usize)> = parts.concat();
                assert!(flat.windows(2).all(|w| w[0].0 <= w[1].0), "{sizes:?} {rooms}: {parts:?}");
                for (u, &m) in sizes.iter().enumerate() {
                    assert_eq!(flat.iter().filter(|x| x.0 == u).map(|x| x.1).sum::<usize>(), m);
                }
                for (j, &size) in room_sizes.iter().enumerate() {
                    let bound = if j == 0 || j + 1 == rooms { tol + 0.5 } else { 2.0 * tol + 0.5 };
                    assert!((size as f64 - share).abs() <= bound, "{sizes:?} {rooms}: {room_sizes:?}");
                }
                let split_units = (0..n_units)
                    .filter(|u| parts.iter().filter(|p| p.iter().any(|x| x.0 == *u)).count() > 1)
                    .count();
                assert!(split_units < rooms.max(1), "{sizes:?} {rooms}: {parts:?}");
                // A cut inside a unit: no boundary within slack of the ideal cut.
                let bounds: Vec<usize> = sizes
                    .iter()
                    .scan(0, |a, &m| {
                        *a += m;
                        Some(*a)
                    })
                    .collect();
                let mut cut = 0;
                for (j, &size) in room_sizes.iter().enumerate().take(rooms - 1) {
                    let prev = cut;
                    cut += size;
                    if cut != 0 && !bounds.contains(&cut) {
                        let ideal = share * (j + 1) as f64;
                        let near = std::iter::once(0)
                            .chain(bounds.iter().copied())
                            .any(|b| b >= prev && (b as f64 - ideal).abs() <= tol);
                        assert!(!near, "{sizes:?} {rooms}: cut {cut} splits a unit though a boundary is within {tol} of {ideal}");
                    }
                }
            }
        }
    }
    assert!(cases > 500);
}

/// Discussion groups through the planner: units in unit precedence, members before
/// attendees inside a unit, the same plan twice, excluded people left out.
#[test]
fn audit2_groups_through_the_planner() {
    let people = json!([
        {"id": "b1", "name": "甲", "rank": 1, "unit": "B"},
        {"id": "a1", "name": "乙", "rank": 2, "unit": "A", "role": "attendee"},
        {"id": "a2", "name": "丙", "rank": 3, "unit": "A"},
        {"id": "b2", "name": "丁", "rank": 4, "unit": "B"},
        {"id": "c1", "name": "戊", "rank": 5, "unit": "C"},
        {"id": "a3", "name": "己", "rank": 6, "unit": "A"},
        {"id": "c2", "name": "庚", "rank": 7, "unit": "C"}
    ]);
    let s = scenario(json!({"format": "seating/1",
        "units": [{"id": "A", "name": "甲單位"}, {"id": "B", "name": "乙單位"}, {"id": "C", "name": "丙單位"}],
        "people": people,
        "groups": {"rooms": [{"name": "一組"}, {"name": "二組"}], "slack": 1},
        "instructions": [{"op": "exclude", "person": "c2"}]}));
    let p = plan(&s);
    let g = p.groups.clone().unwrap();
    let rooms: Vec<Vec<&str>> =
        g.rooms.iter().map(|r| r.members.iter().map(|m| m.person.as_str()).collect()).collect();
    // A: a2 a3 (members) then a1 (attendee); B: b1 b2; C: c1 (c2 excluded). 6 people in
    // two rooms, share 3, slack 1: the boundary after A (3) is exactly the ideal cut.
    assert_eq!(rooms, [vec!["a2", "a3", "a1"], vec!["b1", "b2", "c1"]]);
    assert_eq!(plan(&s).groups.unwrap(), g);
}

// ---------------------------------------------------------------- roster import

/// Import round trip: a table written with every field, quotes, commas, doubled quotes, a
/// line break inside a quoted cell, CRLF line ends and a BOM reads back exactly.
#[test]
fn audit2_import_round_trip() {
    use seating_core::import::{guess_columns, parse_table, roster};
    let rows = [
        ("x1", "王晨", "區委書記", "區委", "1", "主席臺", "正式"),
        ("x2", "Smith, J", "say \"hi\"", "外賓, 團", "2", "hall", "列席"),
        ("x3", "李\n明", "", "區委", "", "臺下", "候補"),
    ];
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut text = String::from("\u{feff}編號,姓名,職務,單位,排序,區域,身份\r\n");
    for r in rows {
        text += &[r.0, r.1, r.2, r.3, r.4, r.5, r.6].map(q).join(",");
        text += "\r\n";
    }
    let t = parse_table(&text).unwrap();
    assert_eq!(t.delimiter, ',');
    let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
    let r = roster(&t, &cols, &[]).unwrap();
    assert_eq!(r.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["區委", "外賓, 團"]);
    type Row = (String, String, Option<String>, Option<String>, Option<i64>, String, String);
    let got: Vec<Row> = r
        .people
        .iter()
        .map(|p| {
            let unit = p.unit.as_ref().map(|u| r.units.iter().find(|x| &x.id == u).unwrap().name.clone());
            (
                p.id.clone(),
                p.name.clone(),
                p.post.clone(),
                unit,
                p.rank,
                format!("{:?}", p.section),
                format!("{:?}", p.role),
            )
        })
        .collect();
    assert_eq!(
        got[0],
        (
            "x1".into(),
            "王晨".into(),
            Some("區委書記".into()),
            Some("區委".into()),
            Some(1),
            "Podium".into(),
            "Member".into()
        )
    );
    assert_eq!(
        got[1],
        (
            "x2".into(),
            "Smith, J".into(),
            Some("say \"hi\"".into()),
            Some("外賓, 團".into()),
            Some(2),
            "Hall".into(),
            "Attendee".into()
        )
    );
    assert_eq!(
        got[2],
        ("x3".into(), "李\n明".into(), None, Some("區委".into()), None, "Hall".into(), "Alternate".into())
    );
    // The rows keep their source lines: the third person starts on line 4 and ends on 5.
    assert_eq!(t.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 4]);
    // The same table pasted from Excel (tab-separated, no quotes needed).
    let tsv = "姓名\t單位\t排序\n王晨\t區委\t1\n李明\t區政府\t2\n";
    let t = parse_table(tsv).unwrap();
    let r = roster(&t, &guess_columns(t.header.as_ref().unwrap()).unwrap(), &[]).unwrap();
    assert_eq!(
        (r.people[1].name.as_str(), r.people[1].rank, r.people[1].id.as_str()),
        ("李明", Some(2), "p3")
    );
}

/// The sign-in list the program writes (CSV) reads back as a roster: the same names,
/// posts and units, in sign-in order (序號 is read as the rank).
#[test]
fn audit2_sign_in_csv_reads_back() {
    use seating_core::import::{guess_columns, parse_table, roster};
    let (u, people) = unit_people(&[("a", 2), ("b", 2)]);
    let s = scenario(
        json!({"format": "seating/1", "units": u, "people": people, "hall": {"rows": 1, "seats": 4}}),
    );
    let p = plan(&s);
    let csv = seating_core::export::table::csv(&s, &p);
    let t = parse_table(&csv).unwrap();
    let r = roster(&t, &guess_columns(t.header.as_ref().unwrap()).unwrap(), &[]).unwrap();
    let names: Vec<(&str, Option<i64>)> = r.people.iter().map(|p| (p.name.as_str(), p.rank)).collect();
    assert_eq!(names, [("a1人", Some(1)), ("a2人", Some(2)), ("b1人", Some(3)), ("b2人", Some(4))]);
    assert_eq!(r.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["單位a", "單位b"]);
}

/// Bad rows name the line and the column (letter and field): the line is the source line,
/// also after a quoted cell that spans lines.
#[test]
fn audit2_import_errors_name_line_and_column() {
    use seating_core::import::{guess_columns, parse_table, roster};
    let read = |text: &str| -> String {
        let t = match parse_table(text) {
            Ok(t) => t,
            Err(e) => return e.to_string(),
        };
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        roster(&t, &cols, &[]).map(|_| "ok".to_string()).unwrap_or_else(|e| e.to_string())
    };
    let e = read("姓名,職務,單位,排序\n王晨,\"書記\n(兼)\",區委,1\n李明,區長,區政府,二\n");
    assert_eq!(e, "line 4, column D (rank): \"二\" is not a whole number (smaller = more senior)");
    let e = read("姓名,區域\n王晨,台上\n李明,後臺\n");
    assert!(e.starts_with("line 3, column B (section)"), "{e}");
    let e = read("身份,姓名\n列席,王晨\n旁聽,李明\n");
    assert!(e.starts_with("line 3, column A (role)"), "{e}");
    let e = read("姓名,排序\n王晨,1\n,2\n");
    assert!(e.starts_with("line 3, column A (name)"), "{e}");
    let e = read("編號,姓名\nx,王晨\nx,李明\n");
    assert!(e.starts_with("line 3, column A (id)") && e.contains("duplicate"), "{e}");
    let e = read("姓名,排序\n王晨,1\n\"李明,2\n");
    assert!(e.starts_with("line 3"), "{e}");
    let e = read("姓名\t排序\n王晨\t1\n李明,2\n");
    assert!(e.starts_with("line 3"), "{e}");
    assert_eq!(read("\n\n姓名,排序\n王晨,1\n"), "ok");
}

// ---------------------------------------------------------------- front first, randomised

/// A small deterministic generator (xorshift), so the cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The seed's "as far forward as possible: no empty seat in front of an occupied one
/// unless reserved", on random halls (irregular centred rows, aisles, blocked and reserved
/// seats, two floors) and random units:
/// - every method: nobody is unseated while a usable seat is free;
/// - `rows` and `centre-out`: no usable seat is empty in a row before the last occupied
///   row;
/// - `columns`: no usable seat is empty in front of an occupied seat of the same grid
///   column;
/// - every method: each person seated or unseated, and a unit's earlier member never in a
///   farther row than a later one.
#[test]
fn audit2_front_first_random_halls() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..400 {
        let rows = 1 + rng.below(4) as u32;
        let seats = 2 + rng.below(9) as u32;
        let row_seats: Vec<u32> =
            (0..rows).map(|_| seats - rng.below(3).min(seats as u64 - 1) as u32).collect();
        let aisles: Vec<u32> = (0..rng.below(3)).map(|_| 1 + rng.below(seats as u64 - 1) as u32).collect();
        let mut taken = HashSet::new();
        let mut blocked = Vec::new();
        let mut instructions = Vec::new();
        for k in 0..rng.below(4) {
            let r = 1 + rng.below(rows as u64) as u32;
            let c = 1 + rng.below(row_seats[r as usize - 1] as u64) as u32;
            let id = format!("H{r}-{c}");
            if taken.insert(id.clone()) {
                if k % 2 == 0 {
                    blocked.push(id);
                } else {
                    instructions.push(json!({"op": "reserve", "seat": id}));
                }
            }
        }
        let n_units = 1 + rng.below(4) as usize;
        let names = ["a", "b", "c", "d"];
        let sizes: Vec<(&str, usize)> = (0..n_units).map(|u| (names[u], 1 + rng.below(6) as usize)).collect();
        let floors = if rows >= 2 {
            json!([{"name": "一樓", "rows": rows - 1}, {"name": "二樓", "rows": 1}])
        } else {
            json!([])
        };
        let hall = json!({"rows": rows, "seats": seats, "row_seats": row_seats, "aisles": aisles,
            "blocked": blocked, "floors": floors});
        for method in ["rows", "centre-out", "columns"] {
            let conv = json!({"hall_method": method, "column_blocks": if case % 2 == 0 { "left-to-right" } else { "centre-out" },
                "honour": if case % 3 == 0 { "right" } else { "left" }});
            let (s, p) = hall_plan(&sizes, hall.clone(), conv, Value::Array(instructions.clone()));
            let shape = Shape::new(s.hall.as_ref().unwrap());
            let occupied: HashMap<SeatId, &str> = p
                .seats
                .iter()
                .filter_map(|a| Some((a.seat.parse::<SeatId>().unwrap(), a.person.as_deref()?)))
                .collect();
            let unusable = |id: SeatId| blocked.contains(&id.to_string()) || taken.contains(&id.to_string());
            let ctx = format!("case {case} {method}: {hall} {sizes:?} {instructions:?}\n{:?}", grid(&s, &p));
            let mut free = Vec::new();
            for r in 1..=rows {
                for c in 1..=row_seats[r as usize - 1] {
                    let id = SeatId::hall(r, c);
                    if !unusable(id) && !occupied.contains_key(&id) {
                        free.push(id);
                    }
                }
            }
            if !p.unseated.is_empty() {
                assert!(free.is_empty(), "{ctx}: unseated {:?} with free seats {free:?}", p.unseated);
            }
            let last_row = occupied.keys().map(|id| id.row).max().unwrap_or(0);
            for id in &free {
                if method == "columns" {
                    let x = shape.grid_col(id.row, id.col);
                    let behind = occupied.keys().any(|o| o.row > id.row && shape.grid_col(o.row, o.col) == x);
                    assert!(!behind, "{ctx}: {id} empty in front of an occupied seat");
                } else {
                    assert!(id.row >= last_row, "{ctx}: {id} empty before row {last_row}");
                }
            }
            // Inside a unit, a more senior member never sits in a farther row than a
            // junior one (members are listed in precedence order).
            for &(u, n) in &sizes {
                let rows_of: Vec<u32> = (1..=n)
                    .filter_map(|k| {
                        occupied.iter().find(|(_, who)| **who == format!("{u}{k}")).map(|(id, _)| id.row)
                    })
                    .collect();
                assert!(rows_of.windows(2).all(|w| w[0] <= w[1]), "{ctx}: unit {u} rows {rows_of:?}");
            }
            let seated = occupied.len() + p.unseated.len();
            assert_eq!(seated, sizes.iter().map(|x| x.1).sum::<usize>(), "{ctx}");
        }
    }
}
