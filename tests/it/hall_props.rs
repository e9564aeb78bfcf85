//! Property tests of the hall planner over arbitrary halls (irregular rows, aisles, floors,
//! blocked seats), units, roles, conventions and pin/reserve/move/exclude instructions.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use seating_core::{hall::Shape, plan, HallMethod, Level, Op, Plan, Role, RoleSeating, Scenario, SeatId};
use serde_json::{json, Value};

/// Seats taken by a pin or reserve that no error diagnostic reports as not applied.
fn fixed_seats(s: &Scenario, p: &Plan) -> HashSet<SeatId> {
    s.instructions
        .iter()
        .enumerate()
        .filter(|(k, i)| {
            matches!(i.op, Op::Pin | Op::Reserve)
                && !p.diagnostics.iter().any(|d| d.instruction == Some(*k) && d.level == Level::Error)
        })
        .filter_map(|(_, i)| i.seat.as_deref()?.parse().ok())
        .collect()
}

fn blocked(s: &Scenario) -> HashSet<SeatId> {
    s.hall.as_ref().unwrap().blocked.iter().filter_map(|b| b.parse().ok()).collect()
}

fn hall_seats(p: &Plan) -> HashMap<SeatId, Option<&str>> {
    p.seats
        .iter()
        .filter(|a| a.seat.starts_with('H'))
        .map(|a| (a.seat.parse().unwrap(), a.person.as_deref()))
        .collect()
}

/// No available seat is empty in front of a person the planner seated: for `rows` and
/// `centre-out`, in any earlier row; for `columns`, in an earlier row of the same grid column.
pub fn front_first(s: &Scenario, p: &Plan) -> Result<(), String> {
    let shape = Shape::new(s.hall.as_ref().unwrap());
    let fixed = fixed_seats(s, p);
    let blocked = blocked(s);
    let occupied = hall_seats(p);
    let available =
        |id: SeatId| shape.exists(id.row, id.col) && !blocked.contains(&id) && !fixed.contains(&id);
    let filled: Vec<SeatId> = occupied.keys().copied().filter(|id| !fixed.contains(id)).collect();
    match s.convention.hall_method {
        HallMethod::Rows | HallMethod::CentreOut => {
            let Some(last) = filled.iter().map(|id| id.row).max() else { return Ok(()) };
            for r in 1..last {
                for c in 1..=shape.row(r).unwrap().len {
                    let id = SeatId::hall(r, c);
                    if available(id) && !occupied.contains_key(&id) {
                        return Err(format!("{id} is empty in front of row {last}"));
                    }
                }
            }
        }
        HallMethod::Columns => {
            for id in &filled {
                let x = shape.grid_col(id.row, id.col);
                for r in 1..id.row {
                    if let Some(c) = shape.col_at(r, x) {
                        let front = SeatId::hall(r, c);
                        if available(front) && !occupied.contains_key(&front) {
                            return Err(format!("{front} is empty in front of {id}"));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// What the hall planner seats together: a unit, or with `roles: members-first` a unit's
/// people of one role.
fn group_key(s: &Scenario, p: &Plan, id: &str) -> (Option<String>, Option<Role>) {
    let person = s.people.iter().find(|x| x.id == id).unwrap();
    let role = (s.hall.as_ref().unwrap().roles == RoleSeating::MembersFirst)
        .then(|| seated_role(s, p, id, usize::MAX));
    (person.unit.clone(), role)
}

/// The role a person is seated in: their own, or, moved directly after someone of their
/// unit and section (PROTOCOL §7 beats members-first), that person's role as it stood when
/// the move was applied (moves apply in instruction order). `before`: only moves before it.
fn seated_role(s: &Scenario, p: &Plan, id: &str, before: usize) -> Role {
    let person = s.people.iter().find(|x| x.id == id).unwrap();
    let moved = p.seats.iter().find(|a| a.person.as_deref() == Some(id)).and_then(|a| a.instruction);
    match moved.filter(|&k| k < before).map(|k| &s.instructions[k]) {
        Some(ins) if ins.op == Op::Move => {
            let anchor = ins.after.as_deref().and_then(|a| s.people.iter().find(|x| x.id == a));
            match anchor {
                Some(a) if a.unit == person.unit && a.section == person.section => {
                    let k = moved.unwrap();
                    seated_role(s, p, &a.id, k)
                }
                _ => person.role,
            }
        }
        _ => person.role,
    }
}

/// Units are together where the method promises it: `rows` seats each group on
/// consecutive available seats (in row order), members before attendees and alternates,
/// each in precedence order; `columns` gives each group its own range of grid columns.
pub fn units_together(s: &Scenario, p: &Plan) -> Result<(), String> {
    if s.instructions.iter().any(|i| i.op == Op::Swap) {
        return Ok(());
    }
    let shape = Shape::new(s.hall.as_ref().unwrap());
    let fixed = fixed_seats(s, p);
    let blocked = blocked(s);
    let prec: HashMap<&str, usize> =
        p.precedence.iter().enumerate().map(|(k, id)| (id.as_str(), k)).collect();
    let filled: Vec<(&str, SeatId, &str)> = p
        .seats
        .iter()
        // Seats the rules filled: no instruction, or a `move` (it changes precedence, then the
        // rules seat the person; the seat only records the move).
        .filter(|a| a.seat.starts_with('H') && a.instruction.is_none_or(|k| s.instructions[k].op == Op::Move))
        .map(|a| (a.person.as_deref().unwrap(), a.seat.parse().unwrap(), a.reason.as_str()))
        .collect();
    type Filled<'a> = Vec<(&'a str, SeatId, &'a str)>;
    let mut groups: HashMap<(Option<String>, Option<Role>), Filled> = HashMap::new();
    for &(who, seat, reason) in &filled {
        groups.entry(group_key(s, p, who)).or_default().push((who, seat, reason));
    }
    match s.convention.hall_method {
        HallMethod::Rows => {
            let mut index = HashMap::new();
            let mut stream = Vec::new();
            for r in 1..=shape.rows() {
                for c in 1..=shape.row(r).unwrap().len {
                    let id = SeatId::hall(r, c);
                    if !blocked.contains(&id) && !fixed.contains(&id) {
                        index.insert(id, index.len());
                        stream.push(id);
                    }
                }
            }
            for (key, members) in &groups {
                let mut at: Vec<(usize, Role, usize)> = members
                    .iter()
                    .map(|&(who, seat, _)| (index[&seat], seated_role(s, p, who, usize::MAX), prec[who]))
                    .collect();
                at.sort();
                // Consecutive seats; or, for a unit that filled the seats before an aisle
                // for the unit after it (aisle rule), those seats up to the aisle and the
                // seats from the start of the next row.
                let gaps: Vec<usize> = (1..at.len()).filter(|&k| at[k].0 != at[k - 1].0 + 1).collect();
                let wrapped = |k: usize| {
                    let (e, f) = (stream[at[k - 1].0], stream[at[k].0]);
                    let next = stream[at[k - 1].0 + 1];
                    f.row == e.row + 1
                        && stream[at[k].0 - 1].row == e.row
                        && next.row == e.row
                        && shape.block(e.row, e.col) != shape.block(next.row, next.col)
                };
                if !(gaps.is_empty() || (gaps.len() == 1 && wrapped(gaps[0]))) {
                    return Err(format!("group {key:?} is not on consecutive seats: {at:?}"));
                }
                if !at.windows(2).all(|w| (w[0].1, w[0].2) < (w[1].1, w[1].2)) {
                    return Err(format!("group {key:?} is not in role then precedence order: {at:?}"));
                }
            }
        }
        HallMethod::Columns => {
            let mut ranges: Vec<(u32, u32, String)> = Vec::new();
            for (key, members) in &groups {
                // A unit left without a column block says so, in either language.
                let no_block = |r: &str| r.contains("no column block") || r.contains("已無豎列區塊");
                if members.iter().any(|&(_, _, reason)| no_block(reason)) {
                    continue;
                }
                let xs = members.iter().map(|&(_, seat, _)| shape.grid_col(seat.row, seat.col));
                let (lo, hi) = (xs.clone().min().unwrap(), xs.max().unwrap());
                ranges.push((lo, hi, format!("{key:?}")));
            }
            ranges.sort();
            for w in ranges.windows(2) {
                if w[0].1 >= w[1].0 {
                    return Err(format!("column blocks overlap: {:?} and {:?}", w[0], w[1]));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn arb_hall() -> impl Strategy<Value = Value> {
    (1u32..7, 1u32..13).prop_flat_map(|(rows, seats)| {
        (
            Just(rows),
            Just(seats),
            proptest::collection::vec(1..seats.max(2), 0..3),
            proptest::option::of(proptest::collection::vec(1..=seats, rows as usize)),
            prop_oneof![Just("centre"), Just("left"), Just("right")],
            proptest::collection::vec((1..=rows, 1..=seats), 0..4),
            any::<bool>(),
            prop_oneof![Just("with-unit"), Just("members-first")],
        )
            .prop_map(|(rows, seats, aisles, row_seats, align, blocked, floors, roles)| {
                let aisles: Vec<u32> = aisles.into_iter().filter(|&a| a < seats).collect();
                let mut h = json!({"rows": rows, "seats": seats, "aisles": aisles, "align": align, "roles": roles,
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
    fn arb_scenario()(
        hall in arb_hall(),
        units in proptest::collection::vec(1usize..9, 0..6),
        loose in 0usize..3,
        roles in proptest::collection::vec(prop_oneof![3 => Just("member"), 1 => Just("attendee"), 1 => Just("alternate")], 60),
        method in prop_oneof![Just("rows"), Just("columns"), Just("centre-out")],
        blocks in prop_oneof![Just("left-to-right"), Just("centre-out")],
        honour in prop_oneof![Just("left"), Just("right")],
        even in prop_oneof![Just("pair"), Just("first-on-honour-side"), Just("axis")],
        numbering in prop_oneof![Just("sequential"), Just("odd-even")],
        odd_side in prop_oneof![Just("left"), Just("right")],
        ins in proptest::collection::vec((0u8..4, 1usize..50, 1u32..8, 1u32..14, 1usize..50), 0..4),
    ) -> Value {
        let mut people = Vec::new();
        let mut n = 0;
        for (u, &size) in units.iter().enumerate() {
            for _ in 0..size {
                n += 1;
                people.push(json!({"id": format!("p{n}"), "name": format!("人{n}"), "rank": n % 7,
                    "unit": format!("u{}", u + 1), "role": roles[n % roles.len()]}));
            }
        }
        for _ in 0..loose {
            n += 1;
            people.push(json!({"id": format!("p{n}"), "name": format!("人{n}"), "role": roles[n % roles.len()]}));
        }
        let instructions: Vec<Value> = ins.iter().map(|&(op, a, r, c, b)| match op {
            0 => json!({"op": "pin", "person": format!("p{a}"), "seat": format!("H{r}-{c}")}),
            1 => json!({"op": "reserve", "seat": format!("H{r}-{c}")}),
            2 => json!({"op": "move", "person": format!("p{a}"), "after": format!("p{b}")}),
            _ => json!({"op": "exclude", "person": format!("p{a}")}),
        }).collect();
        json!({
            "format": "seating/1",
            "convention": {"hall_method": method, "column_blocks": blocks, "honour": honour, "even": even,
                "numbering": numbering, "odd_side": odd_side},
            "units": (1..=units.len()).map(|u| json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect::<Vec<_>>(),
            "people": people,
            "hall": hall,
            "instructions": instructions,
        })
    }
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    // PROPTEST_CASES=<n> runs more (or fewer) cases.
    #![proptest_config(ProptestConfig { cases: cases(1500), ..ProptestConfig::default() })]

    #[test]
    fn hall_plans_keep_their_promises(v in arb_scenario()) {
        let s = Scenario::from_json(&v.to_string()).expect("generated halls are valid");
        let p = plan(&s);
        let shape = Shape::new(s.hall.as_ref().unwrap());
        let blocked = blocked(&s);
        let fixed = fixed_seats(&s, &p);
        // No seat twice, nobody twice, only real unblocked seats.
        let mut seats = HashSet::new();
        let mut people = HashSet::new();
        for a in &p.seats {
            prop_assert!(seats.insert(a.seat.clone()), "seat {} twice", a.seat);
            if let Some(who) = &a.person {
                prop_assert!(people.insert(who.clone()), "{} twice", who);
            }
            let id: SeatId = a.seat.parse().unwrap();
            prop_assert!(shape.exists(id.row, id.col), "{} is not a seat", id);
            prop_assert!(!blocked.contains(&id), "{} is blocked", id);
            prop_assert_eq!(&a.label, &shape.label(id, &s.convention, s.meeting.script));
            prop_assert!(!a.reason.is_empty());
        }
        // Everyone is seated when there are enough free seats.
        let free = (1..=shape.rows())
            .flat_map(|r| (1..=shape.row(r).unwrap().len).map(move |c| SeatId::hall(r, c)))
            .filter(|id| !blocked.contains(id) && !fixed.contains(id))
            .count();
        let pinned = s.instructions.iter().enumerate()
            .filter(|(k, i)| i.op == Op::Pin
                && !p.diagnostics.iter().any(|d| d.instruction == Some(*k) && d.level == Level::Error))
            .count();
        let to_fill = p.precedence.len() - pinned;
        if to_fill <= free {
            prop_assert!(p.unseated.is_empty(), "{} unseated with {} free seats", p.unseated.len(), free);
        }
        front_first(&s, &p).map_err(TestCaseError::fail)?;
        units_together(&s, &p).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn numbering_is_a_bijection_per_row(v in arb_scenario()) {
        let s = Scenario::from_json(&v.to_string()).unwrap();
        let shape = Shape::new(s.hall.as_ref().unwrap());
        for r in 1..=shape.rows() {
            let len = shape.row(r).unwrap().len;
            let mut numbers: Vec<u32> = (1..=len).map(|c| shape.number(SeatId::hall(r, c), &s.convention)).collect();
            numbers.sort_unstable();
            prop_assert_eq!(numbers, (1..=len).collect::<Vec<_>>());
        }
    }
}
