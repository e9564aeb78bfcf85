//! Data-driven vehicle fixtures (`tests/fixtures/vehicle/*.json`, one behaviour each).
//!
//! A fixture is `{about, vehicles, units?/people?/set? (see fixture.rs), instructions?,
//! expect, unseated?, diagnostics?}`: `expect` lists the cars in motorcade order as
//! `"<name>: [driver=<n>] <position>=<n> …"` in seat order, person numbers for people.

use crate::fixture::{self, expect, num, roster, verdict};
use crate::support::scenario;
use seating_core::plan;
use serde_json::{json, Value};

fn check(f: &Value) -> Result<(), String> {
    let (units, people) = roster(f, "hall");
    let s = scenario(json!({
        "format": "seating/1",
        "units": units,
        "people": people,
        "vehicles": f["vehicles"],
        "instructions": f.get("instructions").cloned().unwrap_or(json!([])),
    }));
    let p = plan(&s);
    let v = p.vehicles.as_ref().ok_or("no vehicles in the plan")?;
    let got: Vec<String> = v
        .cars
        .iter()
        .map(|c| {
            let mut parts = vec![format!("{}:", c.name)];
            if let Some(d) = &c.driver {
                parts.push(format!("driver={}", num(d)));
            }
            parts.extend(c.seats.iter().map(|x| format!("{}={}", x.position, num(&x.person))));
            parts.join(" ")
        })
        .collect();
    let mut problems = Vec::new();
    expect(f, "expect", json!([]), json!(got), &mut problems);
    expect(f, "unseated", json!([]), json!(v.unseated), &mut problems);
    expect(f, "diagnostics", json!([]), json!(fixture::serious_codes(&p)), &mut problems);
    for c in &v.cars {
        for x in &c.seats {
            if x.reason.trim().is_empty() {
                problems.push(format!("{} has no reason", x.seat));
            }
        }
    }
    verdict(problems)
}

#[test]
fn vehicle_fixtures() {
    fixture::run("vehicle", 6, check);
}

/// Reasons and diagnostics in Chinese (the default) and in English (`meeting.language: en`,
/// the wording as it always was): a host driving, a chauffeured sedan, a second car for the
/// same driver, a full car, a rider named twice and a rider without a seat.
#[test]
fn reasons_and_diagnostics_in_both_languages() {
    let run = |language: &str| {
        let people: Vec<Value> =
            (1..=8).map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i})).collect();
        plan(&scenario(json!({"format": "seating/1", "meeting": {"language": language}, "people": people,
        "vehicles": {"cars": [
            {"driver": "p7", "people": ["p1", "p2", "p3", "p4", "p5"]},
            {"driver": "p7", "seats": 1},
            {"kind": "suv", "seats": 1, "people": ["p1"]},
        ]}})))
    };
    let seat = |p: &seating_core::Plan, id: &str| {
        let cars = &p.vehicles.as_ref().unwrap().cars;
        cars.iter().flat_map(|c| &c.seats).find(|x| x.person == id).unwrap().reason.clone()
    };
    let car = |p: &seating_core::Plan, n: u32| {
        p.vehicles.as_ref().unwrap().cars.iter().find(|c| c.number == n).unwrap().reason.clone()
    };
    let messages = |p: &seating_core::Plan| -> Vec<String> {
        p.diagnostics
            .iter()
            .filter(|d| d.message.starts_with("vehicles"))
            .map(|d| d.message.clone())
            .collect()
    };
    // Car 1 (p7 drives): p1–p4; p5 finds it full and takes car 2, p6 the SUV, p8 no seat.
    let zh = run("zh");
    assert_eq!(seat(&zh, "p1"), "位次第1，指定乘坐本車；車內第1位（主人駕車：副駕駛座為首）");
    assert_eq!(seat(&zh, "p5"), "位次第5；車內第1位（司機駕車：後排右座、後排左座、後排中座、副駕駛座）");
    assert_eq!(seat(&zh, "p6"), "位次第6；車內第1位（越野車：副駕駛座為首）");
    assert_eq!(car(&zh, 2), "車隊第2輛：車上位次最前者為位次第5");
    assert_eq!(
        messages(&zh),
        [
            "vehicles.cars[1].driver：人7 (p7)已駕駛另一輛車",
            "vehicles.cars[0].people：本車已無空座，人5 (p5)改按位次安排",
            "vehicles.cars[2].people：人1 (p1)已安排在另一輛車",
            "vehicles：1位乘車人員沒有座位；請增加車輛",
        ]
    );

    let en = run("en");
    assert_eq!(
        seat(&en, "p1"),
        "#1 by precedence, named for this car; seat 1 of the car (the host drives: front passenger first)"
    );
    assert_eq!(
        seat(&en, "p5"),
        "#5 by precedence; seat 1 of the car (with a driver: rear right, rear left, rear middle, front passenger)"
    );
    assert_eq!(seat(&en, "p6"), "#6 by precedence; seat 1 of the car (SUV: front passenger first)");
    assert_eq!(car(&en, 2), "car 2 of the motorcade: its most senior occupant is #5 by precedence");
    assert_eq!(
        messages(&en),
        [
            "vehicles.cars[1].driver: 人7 (p7) already drives another car",
            "vehicles.cars[0].people: no seat left for 人5 (p5); seated by precedence instead",
            "vehicles.cars[2].people: 人1 (p1) is already in another car",
            "vehicles: 1 riders without a seat; add a car",
        ]
    );
    // A driver's id is one field, not a list: its path has no index.
    let s = scenario(json!({"format": "seating/1", "people": [{"id": "p1", "name": "人1"}],
        "meeting": {"language": "en"}, "vehicles": {"cars": [{"driver": "zz"}]}}));
    assert_eq!(messages(&plan(&s)), ["vehicles.cars[0].driver: no person with id \"zz\"; left out"]);
    // An empty car comes last, in both languages.
    let empty = |language: &str| {
        let s = scenario(json!({"format": "seating/1", "meeting": {"language": language},
            "people": [{"id": "p1", "name": "人1"}], "vehicles": {"cars": [{}, {}]}}));
        plan(&s).vehicles.unwrap().cars[1].reason.clone()
    };
    assert_eq!(empty("zh"), "空車，排在有人乘坐的車之後");
    assert_eq!(empty("en"), "empty car, after the occupied ones");
}
