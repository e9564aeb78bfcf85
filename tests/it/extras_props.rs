//! Property tests of the banquet, line-up, vehicle and discussion-group planners: nobody
//! twice, no seat twice, everyone chosen is placed or reported, capacities hold.

use std::collections::HashSet;

use proptest::prelude::*;
use seating_core::{plan, Plan, Scenario, Section};
use serde_json::{json, Value};

fn ids(n: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec((1..=n + 2).prop_map(|i| format!("p{i}")), 0..6)
}

prop_compose! {
    fn arb_scenario()(n in 0usize..30)(
        n in Just(n),
        units in proptest::collection::vec(proptest::option::of(0usize..4), n),
        sides in proptest::collection::vec(proptest::option::of(any::<bool>()), n),
        podium in proptest::collection::vec(any::<bool>(), n),
        ranks in proptest::collection::vec(0i64..5, n),
        tables in 1u32..7, seats in 1u32..9, main_seats in proptest::option::of(1u32..12),
        per_row in proptest::option::of(1u32..4),
        order in prop_oneof![Just("right-superior"), Just("left-superior")],
        layout in prop_oneof![Just("two-host"), Just("single-centre")],
        by in prop_oneof![Just("unit"), Just("precedence")],
        hosts in ids(n),
        diners in proptest::option::of(ids(n)),
        lineups in proptest::collection::vec((any::<bool>(), proptest::option::of(proptest::collection::vec(1u32..5, 1..3)),
            proptest::option::of(1u32..6), proptest::option::of(ids(n))), 0..3),
        cars in proptest::collection::vec((0u8..3, 1u32..5, proptest::option::of(1..=n + 2), ids(n)), 0..4),
        front in prop_oneof![Just("last"), Just("before-rear-middle")],
        rooms in proptest::collection::vec(proptest::option::of(1u32..15), 1..5),
        slack in proptest::option::of(0u32..4),
        excluded in proptest::collection::vec(1..=n + 1, 0..3),
    ) -> Value {
        let people: Vec<Value> = (0..n).map(|i| {
            let mut p = json!({"id": format!("p{}", i + 1), "name": format!("人{}", i + 1), "rank": ranks[i],
                "section": if podium[i] { "podium" } else { "hall" }});
            if let Some(u) = units[i] { p["unit"] = json!(format!("u{u}")); }
            if let Some(g) = sides[i] { p["side"] = json!(if g { "guest" } else { "host" }); }
            p
        }).collect();
        let mut banquet = json!({"tables": tables, "seats": seats, "order": order, "layout": layout, "by": by, "hosts": hosts});
        if let Some(m) = main_seats { banquet["main_seats"] = json!(m); }
        if let Some(r) = per_row { banquet["per_row"] = json!(r); }
        if let Some(d) = diners { banquet["people"] = json!(d); }
        let lineups: Vec<Value> = lineups.into_iter().enumerate().map(|(k, (foreign, rows, per_row, who))| {
            let mut l = json!({"name": format!("合影{k}"), "style": if foreign { "foreign" } else { "domestic" }});
            match (rows, per_row) {
                (Some(r), _) => l["rows"] = json!(r),
                (None, Some(w)) => l["per_row"] = json!(w),
                _ => {}
            }
            if let Some(w) = who { l["people"] = json!(w); }
            l
        }).collect();
        let cars: Vec<Value> = cars.into_iter().map(|(kind, seats, driver, riders)| {
            let kind = ["sedan", "suv", "bus"][kind as usize];
            let mut c = json!({"kind": kind, "seats": seats, "people": riders});
            if let Some(d) = driver { c["driver"] = json!(format!("p{d}")); }
            c
        }).collect();
        let mut groups = json!({"rooms": rooms.iter().enumerate().map(|(k, c)| {
            let mut r = json!({"name": format!("第{}組", k + 1)});
            if let Some(c) = c { r["capacity"] = json!(c); }
            r
        }).collect::<Vec<_>>()});
        if let Some(s) = slack { groups["slack"] = json!(s); }
        json!({
            "format": "seating/1",
            "units": (0..4).map(|u| json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect::<Vec<_>>(),
            "people": people,
            "banquet": banquet,
            "lineups": lineups,
            "vehicles": {"cars": cars, "front_passenger": front},
            "groups": groups,
            "instructions": excluded.iter().map(|i| json!({"op": "exclude", "person": format!("p{i}")})).collect::<Vec<_>>(),
        })
    }
}

/// The present people a section chooses: its `people` list, else its section, else all.
fn chosen(s: &Scenario, p: &Plan, people: Option<&Vec<String>>, section: Option<Section>) -> HashSet<String> {
    let present: HashSet<&String> = p.precedence.iter().collect();
    match people {
        Some(list) => list.iter().filter(|id| present.contains(id)).cloned().collect(),
        None => s
            .people
            .iter()
            .filter(|x| present.contains(&x.id) && section.is_none_or(|sec| x.section == sec))
            .map(|x| x.id.clone())
            .collect(),
    }
}

fn check(s: &Scenario, p: &Plan) -> Result<(), TestCaseError> {
    let present: HashSet<&String> = p.precedence.iter().collect();
    // Banquet.
    let spec = s.banquet.as_ref().unwrap();
    let b = p.banquet.as_ref().unwrap();
    prop_assert_eq!(b.tables.len(), spec.tables as usize);
    let (mut seats, mut people) = (HashSet::new(), HashSet::new());
    for x in &b.seats {
        prop_assert!(seats.insert(x.seat.clone()), "seat {} twice", x.seat);
        prop_assert!(people.insert(x.person.clone()), "{} twice", x.person);
        prop_assert!(present.contains(&x.person));
        prop_assert_eq!(&x.seat, &format!("T{}-{}", x.table, x.position));
        prop_assert!(x.position >= 1 && x.position <= spec.seats_at(x.table));
        prop_assert!(!x.reason.is_empty());
    }
    let mut wanted = chosen(s, p, spec.people.as_ref(), spec.section);
    wanted.extend(spec.hosts.iter().filter(|h| present.contains(h)).cloned());
    let placed: HashSet<String> = people.iter().cloned().chain(b.unseated.iter().cloned()).collect();
    prop_assert_eq!(placed.len(), people.len() + b.unseated.len());
    prop_assert_eq!(&placed, &wanted);
    // Line-ups.
    for (spec, l) in s.lineups.iter().zip(&p.lineups) {
        let mut all: Vec<&String> = l.rows.iter().flatten().chain(&l.unplaced).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        prop_assert_eq!(all.len(), n, "someone twice in {}", l.name);
        let got: HashSet<String> = all.into_iter().cloned().collect();
        prop_assert_eq!(&got, &chosen(s, p, spec.people.as_ref(), spec.section));
        prop_assert!(l.rows.iter().all(|r| !r.is_empty()));
        prop_assert_eq!(l.places.len(), l.rows.iter().map(Vec::len).sum::<usize>());
    }
    // Vehicles.
    let spec = s.vehicles.as_ref().unwrap();
    let v = p.vehicles.as_ref().unwrap();
    let mut riders = HashSet::new();
    let mut numbers: Vec<u32> = v.cars.iter().map(|c| c.number).collect();
    numbers.sort_unstable();
    prop_assert_eq!(numbers, (1..=spec.cars.len() as u32).collect::<Vec<_>>());
    for c in &v.cars {
        let cap = spec.cars[c.index].seats.unwrap_or(4) as usize;
        prop_assert!(c.seats.len() <= cap);
        for who in c.seats.iter().map(|x| &x.person).chain(&c.driver) {
            prop_assert!(riders.insert(who.clone()), "{} in two seats", who);
        }
        let positions: HashSet<&String> = c.seats.iter().map(|x| &x.position).collect();
        prop_assert_eq!(positions.len(), c.seats.len());
    }
    for who in chosen(s, p, spec.people.as_ref(), spec.section) {
        prop_assert!(
            riders.contains(&who) || v.unseated.contains(&who),
            "{} neither rides nor is reported",
            who
        );
    }
    // Groups.
    let spec = s.groups.as_ref().unwrap();
    let g = p.groups.as_ref().unwrap();
    let mut members = HashSet::new();
    for (room, r) in spec.rooms.iter().zip(&g.rooms) {
        prop_assert!(room.capacity.is_none_or(|c| r.members.len() <= c as usize));
        for m in &r.members {
            prop_assert!(members.insert(m.person.clone()), "{} in two rooms", m.person);
        }
    }
    let all: HashSet<String> = members.iter().cloned().chain(g.unassigned.iter().cloned()).collect();
    prop_assert_eq!(all.len(), members.len() + g.unassigned.len());
    prop_assert_eq!(&all, &chosen(s, p, spec.people.as_ref(), Some(spec.section.unwrap_or(Section::Hall))));
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    // PROPTEST_CASES=<n> runs more (or fewer) cases.
    #![proptest_config(ProptestConfig { cases: cases(1000), ..ProptestConfig::default() })]

    #[test]
    fn banquet_lineups_vehicles_groups_keep_their_invariants(v in arb_scenario()) {
        let s = Scenario::from_json(&v.to_string()).expect("generated scenarios are valid");
        let p = plan(&s);
        check(&s, &p)?;
        prop_assert_eq!(&p, &plan(&s));
        prop_assert_eq!(&Scenario::from_json(&s.to_json()).unwrap(), &s);
    }
}
