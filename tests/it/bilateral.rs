//! Host–guest occasions (PROTOCOL §3): talks across a table, the signing ceremony and the
//! side-by-side call. Expected rows are written from the rule text, as the reader of a
//! printed chart would check them, not from the planner's code:
//! - 主左客右: the guest sits on the host's right.
//! - Talks: guests face the door (or sit on the right as you enter an end-on table); the
//!   principals face each other in the middle; the others alternate outward by precedence,
//!   one to the principal's own right, one to the own left (其他人按禮賓順序一右一左);
//!   interpreters on the principal's right (the seat is not counted: 占位不占數) or behind.
//! - Signing: audience view `guest-assistant GuestSigner HostSigner host-assistant`; staff
//!   stand behind their own signer, front row highest.
//!
//! Rows are written as PROTOCOL writes them: left to right as seen from the door (talks,
//! side-by-side) or the audience (signing), `..` for an empty place.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use seating_core::bilateral::{BilateralPlan, BilateralRole};
use seating_core::{plan, Party, Plan, Scenario};
use serde_json::{json, Value};

use crate::support::{codes, scenario};

/// Guests `G1..Gg` and hosts `H1..Hh` (rank = number, so `G1` and `H1` lead).
fn people(g: usize, h: usize) -> Vec<Value> {
    let mut v = Vec::new();
    for (side, tag, n) in [("guest", "G", g), ("host", "H", h)] {
        for i in 1..=n {
            v.push(
                json!({"id": format!("{tag}{i}"), "name": format!("{tag}{i}名"), "rank": i, "side": side}),
            );
        }
    }
    v
}

/// `people(g, h)` plus one person per party for interpreting: `GI` and `HI` (rank 50).
fn with_interpreters(g: usize, h: usize) -> Vec<Value> {
    let mut v = people(g, h);
    v.push(json!({"id": "GI", "name": "客譯", "rank": 50, "side": "guest"}));
    v.push(json!({"id": "HI", "name": "主譯", "rank": 50, "side": "host"}));
    v
}

fn occasion(people: Vec<Value>, spec: Value) -> Plan {
    plan(&scenario(json!({"format": "seating/1", "people": people, "bilateral": [spec]})))
}

/// Row `row` of `party` (None: both parties' places) as ids along the line.
fn line(b: &BilateralPlan, party: Option<Party>, row: u32) -> String {
    let mut cells = vec!["..".to_string(); b.length as usize];
    for p in b.places.iter().filter(|p| p.row == row && party.is_none_or(|x| p.party == x)) {
        assert_eq!(cells[p.position as usize - 1], "..", "two people at one place: {p:?}");
        cells[p.position as usize - 1] = p.person.clone();
    }
    cells.join(" ")
}

#[test]
fn talks_facing_the_door_interpreter_on_the_right() {
    let p = occasion(with_interpreters(4, 3), json!({"name": "會談", "interpreters": ["GI", "HI"]}));
    let b = &p.bilateral[0];
    // Guests face the door: a guest's own right is the door-viewer's left. GI takes the seat
    // on G1's own right, G2 the next seat on that side, G3 G1's own left, G4 right again.
    assert_eq!(line(b, Some(Party::Guest), 1), "G4 G2 GI G1 G3 ..");
    // Hosts have their backs to the door: a host's own right is the viewer's right.
    assert_eq!(line(b, Some(Party::Host), 1), ".. .. H3 H1 HI H2");
    assert!(line(b, None, 2).split(' ').all(|c| c == ".."), "nobody behind");
    let role = |id: &str| b.places.iter().find(|p| p.person == id).unwrap().role;
    assert_eq!(role("G1"), BilateralRole::Principal);
    assert_eq!(role("HI"), BilateralRole::Interpreter);
    assert_eq!(role("H2"), BilateralRole::Member);
    let label = |id: &str| b.places.iter().find(|p| p.person == id).unwrap().label.clone();
    assert_eq!(label("G1"), "客方 主談人");
    assert_eq!(label("HI"), "主方 譯員");
    // 占位不占數: the interpreter is not counted, so G2 is still the guests' second.
    assert_eq!(label("G2"), "客方 第2位");
    assert!(codes(&p).iter().all(|c| c != "no-principal"));
}

#[test]
fn talks_interpreter_behind_and_end_on() {
    for table in ["facing-door", "end-on"] {
        let p = occasion(
            with_interpreters(3, 4),
            json!({"name": "會談", "table": table, "interpreter": "behind", "interpreters": ["GI", "HI"]}),
        );
        let b = &p.bilateral[0];
        // No interpreter at the table: G2 on G1's own right, G3 on the own left. End-on,
        // positions run from the far end; a guest on the right as you enter faces left, so
        // the own right is the far end: the same line as facing the door.
        assert_eq!(line(b, Some(Party::Guest), 1), "G2 G1 G3 ..", "{table}");
        assert_eq!(line(b, Some(Party::Host), 1), "H3 H1 H2 H4", "{table}");
        assert_eq!(line(b, Some(Party::Guest), 2), ".. GI .. ..", "{table}");
        assert_eq!(line(b, Some(Party::Host), 2), ".. HI .. ..", "{table}");
    }
    let p = occasion(people(1, 1), json!({"name": "會談", "table": "end-on"}));
    let guest = &p.bilateral[0].places[0].reason;
    assert!(guest.contains("進門右側") && guest.contains("（右為客方）"), "{:?}", p.bilateral[0].places);
    let en =
        plan(&scenario(json!({"format": "seating/1", "meeting": {"language": "en"}, "people": people(1, 1),
        "bilateral": [{"name": "會談", "table": "end-on"}]})));
    assert!(en.bilateral[0].places[0].reason.contains("right as you enter"), "{:?}", en.bilateral[0].places);
}

/// Reasons and diagnostics in Chinese (the default) and in English (`meeting.language: en`,
/// the wording as it always was): talks, a role conflict at a signing, a call without guests.
#[test]
fn reasons_and_diagnostics_in_both_languages() {
    let run = |language: &str| {
        plan(&scenario(json!({"format": "seating/1", "meeting": {"language": language},
        "people": with_interpreters(3, 2),
        "bilateral": [
            {"name": "會談", "interpreters": ["GI", "HI"]},
            {"name": "簽字", "kind": "signing", "interpreters": ["G2"], "assistants": ["G2"]},
            {"name": "會見", "kind": "side-by-side", "people": ["H1", "H2"]},
        ]})))
    };
    // Precedence: G1 H1 G2 H2 G3 GI HI (equal ranks in the order given).
    let reason = |p: &Plan, k: usize, id: &str| {
        p.bilateral[k].places.iter().find(|x| x.person == id).unwrap().reason.clone()
    };
    let message = |p: &Plan, code: &str| {
        p.diagnostics.iter().find(|d| d.code == code).map(|d| d.message.clone()).unwrap_or_default()
    };
    let zh = run("zh");
    assert_eq!(
        reason(&zh, 0, "G1"),
        "位次第1；主談人：客方位次最前者，居客方一側（客人面向正門）正中；雙方主談人相對而坐"
    );
    assert_eq!(
        reason(&zh, 0, "G2"),
        "位次第3；客方第2位：主談人本人右側第2座（其他人按禮賓順序一右一左排列）"
    );
    assert_eq!(reason(&zh, 0, "GI"), "位次第6；譯員，在主談人本人右側（占位不占數）");
    assert_eq!(reason(&zh, 1, "G3"), "位次第5；站在本方簽字人身後，桌後第1排（前高後低），自中間起第2位");
    assert_eq!(reason(&zh, 2, "H1"), "位次第2；主人，主賓在其右側，面向正門");
    assert_eq!(
        message(&zh, "conflicting-roles"),
        "bilateral[1]（簽字）：G2名 (G2)同時列為譯員和助簽人；按譯員安排"
    );
    assert_eq!(
        message(&zh, "no-principal"),
        "bilateral[2]（會見）：客方無人領銜；請給人員設定 \"side\": \"guest\""
    );

    let en = run("en");
    assert_eq!(
        reason(&en, 0, "G1"),
        "#1 by precedence; principal (主談人): the guest's most senior, in the middle of the guest side, facing the door (客人面向正門); the principals face each other"
    );
    assert_eq!(
        reason(&en, 0, "G2"),
        "#3 by precedence; #2 of the guest side: 2 seat(s) to the principal's own right (其他人按禮賓順序一右一左排列)"
    );
    assert_eq!(
        reason(&en, 0, "GI"),
        "#6 by precedence; interpreter (譯員) on the principal's own right (占位不占數: the seat is not counted)"
    );
    assert_eq!(
        reason(&en, 1, "G3"),
        "#5 by precedence; standing behind the own signer, row 1 behind the table (前高後低), 2nd from the middle"
    );
    assert_eq!(
        reason(&en, 2, "H1"),
        "#2 by precedence; host (主人), with the guest of honour on the right, facing the door"
    );
    assert_eq!(
        message(&en, "conflicting-roles"),
        "bilateral[1] (簽字): G2名 (G2) is listed as interpreter and as assistant; taken as interpreter"
    );
    assert_eq!(
        message(&en, "no-principal"),
        "bilateral[2] (會見): nobody on the guest side to lead it; give people \"side\": \"guest\""
    );
    // Only the words differ: the same places in both languages.
    let places = |p: &Plan| -> Vec<(String, u32, u32, String)> {
        p.bilateral
            .iter()
            .flat_map(|b| &b.places)
            .map(|x| (x.person.clone(), x.row, x.position, x.label.clone()))
            .collect()
    };
    assert_eq!(places(&zh), places(&en));
}

#[test]
fn talks_second_interpreter_sits_behind() {
    let mut ppl = with_interpreters(2, 1);
    ppl.push(json!({"id": "GI2", "name": "客譯二", "rank": 60, "side": "guest"}));
    let p = occasion(ppl, json!({"name": "會談", "interpreters": ["GI", "GI2"]}));
    let b = &p.bilateral[0];
    // HI is not listed as an interpreter here: a host member, on H1's own right.
    assert_eq!(line(b, Some(Party::Guest), 1), "G2 GI G1 ..");
    assert_eq!(line(b, Some(Party::Guest), 2), ".. .. GI2 ..");
    assert_eq!(line(b, Some(Party::Host), 1), ".. .. H1 HI");
}

#[test]
fn signing_ceremony() {
    let p = occasion(
        with_interpreters(5, 4),
        json!({"name": "簽字儀式", "kind": "signing", "assistants": ["G5", "H4"], "per_row": 2}),
    );
    let b = &p.bilateral[0];
    // Signers face the audience: the guest signer on the host signer's right is on the
    // audience's left, each assistant on the outer side of their own signer.
    assert_eq!(line(b, None, 1), "G5 G1 H1 H4");
    // Staff behind their own signer, from the middle outward, front row highest; the
    // interpreters stand with their party's staff by precedence.
    assert_eq!(line(b, None, 2), "G3 G2 H2 H3");
    assert_eq!(line(b, None, 3), "GI G4 HI ..");
    let label = |id: &str| b.places.iter().find(|p| p.person == id).unwrap().label.clone();
    assert_eq!((label("G1"), label("H4")), ("客方 簽字人".to_string(), "主方 助簽人".to_string()));
}

#[test]
fn side_by_side_call() {
    let p = occasion(
        with_interpreters(3, 3),
        json!({"name": "會見", "kind": "side-by-side", "interpreters": ["GI", "HI"]}),
    );
    let b = &p.bilateral[0];
    // Seen from the door, PROTOCOL's `Guest Host`; each party on its principal's side.
    assert_eq!(line(b, None, 1), "G3 G2 G1 H1 H2 H3");
    assert_eq!(line(b, None, 2), ".. .. GI HI .. ..");
    let label = |id: &str| b.places.iter().find(|p| p.person == id).unwrap().label.clone();
    assert_eq!((label("G1"), label("H1")), ("主賓".to_string(), "主人".to_string()));
}

#[test]
fn precedence_changes_and_people_without_a_side() {
    // `move` and `exclude` apply; a person without a side counts as the host side.
    let mut ppl = people(3, 2);
    ppl.push(json!({"id": "X", "name": "無方", "rank": 0}));
    let s = json!({"format": "seating/1", "people": ppl,
        "instructions": [{"op": "move", "person": "G3", "after": "H2"}, {"op": "exclude", "person": "G2"}],
        "bilateral": [{"name": "會談"}]});
    let p = plan(&scenario(s));
    let b = &p.bilateral[0];
    // X (rank 0) leads the hosts; G3 moved after H2 is still the guests' second now.
    assert_eq!(line(b, Some(Party::Guest), 1), "G3 G1 ..");
    assert_eq!(line(b, Some(Party::Host), 1), "H2 X H1");
    assert!(b.places.iter().all(|p| p.person != "G2"));
}

#[test]
fn problems_are_diagnostics_or_field_errors() {
    let p = occasion(
        with_interpreters(0, 2),
        json!({"name": "會談", "interpreters": ["nobody", "GI"], "people": ["H1", "H2", "ghost"]}),
    );
    let c = codes(&p);
    assert!(c.contains(&"unknown-person".to_string()), "{c:?}");
    // The guest side has only its interpreter: no one to lead it.
    assert!(c.contains(&"no-principal".to_string()), "{c:?}");
    let b = &p.bilateral[0];
    let placed: HashSet<&str> = b.places.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(placed, HashSet::from(["H1", "H2", "GI"]));
    let bad = |spec: Value| {
        Scenario::from_json(
            &json!({"format": "seating/1", "people": people(1, 1), "bilateral": [spec]}).to_string(),
        )
        .unwrap_err()
        .to_string()
    };
    assert!(bad(json!({"name": "x", "assistants": ["G1"]})).contains("bilateral[0].assistants"));
    assert!(bad(json!({"name": "x", "kind": "signing", "per_row": 0})).contains("bilateral[0].per_row"));
    let e = bad(json!({"name": "x", "kind": "banquet"}));
    assert!(e.contains("talks") && e.contains("side-by-side"), "{e}");
    let e = bad(json!({"name": "x", "interpreter": "left"}));
    assert!(e.contains("behind"), "{e}");
}

#[test]
fn simplified_labels() {
    let s = json!({"format": "seating/1", "meeting": {"script": "simplified"}, "people": with_interpreters(2, 1),
        "bilateral": [{"name": "會談", "interpreters": ["GI"]}]});
    let p = plan(&scenario(s));
    let labels: Vec<&str> = p.bilateral[0].places.iter().map(|p| p.label.as_str()).collect();
    assert!(labels.contains(&"客方 主谈人") && labels.contains(&"客方 译员"), "{labels:?}");
    // The occasion's name is the user's and stays as typed.
    assert_eq!(p.bilateral[0].name, "會談");
}

prop_compose! {
    fn arb_occasion()(g in 0usize..9, h in 0usize..9)(
        g in Just(g), h in Just(h),
        kind in prop_oneof![Just("talks"), Just("signing"), Just("side-by-side")],
        table in prop_oneof![Just("facing-door"), Just("end-on")],
        interpreter in prop_oneof![Just("right"), Just("behind")],
        interpreters in proptest::collection::vec(any::<bool>(), 4),
        assistants in proptest::collection::vec(any::<bool>(), 2),
        per_row in proptest::option::of(1u32..4),
        ranks in proptest::collection::vec(0i64..4, g + h),
    ) -> Value {
        let mut ppl: Vec<Value> = (0..g + h).map(|i| {
            let (side, tag, k) = if i < g { ("guest", "G", i + 1) } else { ("host", "H", i - g + 1) };
            json!({"id": format!("{tag}{k}"), "name": format!("{tag}{k}"), "rank": ranks[i], "side": side})
        }).collect();
        let mut spec = json!({"name": "occasion", "kind": kind, "table": table, "interpreter": interpreter});
        let mut interp = Vec::new();
        for (k, on) in interpreters.iter().enumerate() {
            if *on {
                let side = if k % 2 == 0 { "guest" } else { "host" };
                ppl.push(json!({"id": format!("I{k}"), "name": "譯", "rank": 3, "side": side}));
                interp.push(format!("I{k}"));
            }
        }
        spec["interpreters"] = json!(interp);
        if kind == "signing" {
            let a: Vec<String> = [("G", g), ("H", h)].iter().zip(&assistants)
                .filter(|((_, n), on)| **on && *n > 1).map(|((t, n), _)| format!("{t}{n}")).collect();
            spec["assistants"] = json!(a);
            if let Some(w) = per_row { spec["per_row"] = json!(w); }
        }
        json!({"format": "seating/1", "people": ppl, "bilateral": [spec]})
    }
}

proptest! {
    #[test]
    fn occasions_keep_their_invariants(v in arb_occasion()) {
        let s = scenario(v);
        let p = plan(&s);
        let b = &p.bilateral[0];
        // Everyone takes part exactly once, at a free place on the line.
        let ids: Vec<&str> = b.places.iter().map(|p| p.person.as_str()).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len());
        prop_assert_eq!(unique.len(), s.people.len());
        let mut spots = HashSet::new();
        for pl in &b.places {
            prop_assert!(pl.position >= 1 && pl.position <= b.length);
            // Opposite sides of a talks table are separate lines.
            let line = if s.bilateral[0].kind == seating_core::bilateral::BilateralKind::Talks { Some(pl.party) } else { None };
            prop_assert!(spots.insert((line, pl.row, pl.position)), "two at {:?}", pl);
            let person = s.people.iter().find(|x| x.id == pl.person).unwrap();
            prop_assert_eq!(person.side.unwrap_or(Party::Host), pl.party);
        }
        let principal = |party: Party| b.places.iter().find(|p| p.party == party && p.role == BilateralRole::Principal);
        let (g, h) = (principal(Party::Guest), principal(Party::Host));
        match s.bilateral[0].kind {
            seating_core::bilateral::BilateralKind::Talks => {
                // The principals face each other; each side is filled outward without gaps
                // wider than the interpreter's seat, senior closer or level.
                if let (Some(g), Some(h)) = (g, h) {
                    prop_assert_eq!(g.position, h.position);
                }
                for party in [Party::Guest, Party::Host] {
                    let Some(pr) = principal(party) else { continue };
                    let dist: Vec<u32> = b.places.iter()
                        .filter(|p| p.party == party && p.role == BilateralRole::Member && p.row == 1)
                        .map(|p| (p.person.clone(), p.position.abs_diff(pr.position)))
                        .collect::<Vec<_>>()
                        .into_iter()
                        .map(|(id, d)| (p.precedence.iter().position(|x| *x == id).unwrap(), d))
                        .collect::<std::collections::BTreeMap<_, _>>()
                        .into_values()
                        .collect();
                    prop_assert!(dist.windows(2).all(|w| w[0] <= w[1] + 1), "{:?}", dist);
                }
            }
            _ => {
                // 主左客右: every guest on the line is left of every host.
                for row in 1..=4 {
                    let pos = |party| b.places.iter().filter(move |p| p.row == row && p.party == party).map(|p| p.position);
                    if let (Some(gmax), Some(hmin)) = (pos(Party::Guest).max(), pos(Party::Host).min()) {
                        prop_assert!(gmax < hmin);
                    }
                }
                if let (Some(g), Some(h)) = (g, h) {
                    prop_assert_eq!(g.position + 1, h.position);
                }
            }
        }
        // Reasons name the precedence number; the plan's JSON round-trips.
        let number: HashMap<&str, usize> = p.precedence.iter().enumerate().map(|(i, id)| (id.as_str(), i + 1)).collect();
        for pl in &b.places {
            let expected = format!("位次第{}；", number[pl.person.as_str()]);
            prop_assert!(pl.reason.starts_with(&expected), "{}", pl.reason);
        }
        let back: Plan = serde_json::from_str(&p.to_json()).unwrap();
        prop_assert_eq!(back, p);
    }
}

#[test]
fn several_role_conflicts_plan_the_same_every_time() {
    // Found by the `plan` fuzz target: the conflicts were reported in a hash set's order.
    let ids: Vec<String> = (1..=6).map(|i| format!("G{i}")).collect();
    let s = scenario(json!({"format": "seating/1", "people": people(6, 2),
        "bilateral": [{"name": "簽字", "kind": "signing", "interpreters": ids, "assistants": ids}]}));
    let first = plan(&s);
    let warned: Vec<&str> = first
        .diagnostics
        .iter()
        .filter(|d| d.code == "conflicting-roles")
        .filter_map(|d| d.person.as_deref())
        .collect();
    assert_eq!(warned, ["G1", "G2", "G3", "G4", "G5", "G6"], "in the order listed");
    for _ in 0..20 {
        assert_eq!(plan(&s), first);
    }
}
