//! Audit 3: host–guest occasions (PROTOCOL §3) checked against small reference functions
//! written from the rule text, not from the planner's code, over every party size 1..8 and
//! every setting, plus the chart geometry and bad input.
//!
//! The rule text (PROTOCOL §3):
//! - 主左客右: the guest sits on the host's right. Side by side: `Guest Host`.
//! - Talks: guests face the door (or, with the table end-on to the door, sit on the right as
//!   you enter); principals face each other in the middle; others alternate outward by
//!   precedence. Interpreters: on the principal's right or behind (setting).
//! - Signing: guest signer on the right (signers' own frame): audience view
//!   `guest-assistant GuestSigner HostSigner host-assistant`; staff stand behind their own
//!   signer, front row highest.
//!
//! What follows from it for a place's direction along the line (positions run from the
//! door's left, or from the far end of an end-on table, per the module docs):
//! - facing the door, a guest's own right is the door-viewer's left (lower position); a host
//!   has the back to the door, so the own right is the viewer's right (higher position);
//! - end-on, a guest on the right as you enter faces the hosts, i.e. faces left as you
//!   enter: the own right is the far end (lower position); a host faces right: the own right
//!   is towards the door (higher position).
//!
//! So for both tables a guest's own-right offset `k` is `principal - k` and a host's is
//! `principal + k`.

use std::collections::{HashMap, HashSet};

use seating_core::bilateral::{BilateralKind, BilateralPlace, BilateralPlan, BilateralRole};
use seating_core::layout::{text_width, Anchor, Layout, MarkKind, Part, Rect};
use seating_core::{layout, plan, LayoutOptions, Party, Plan, Scenario, View};
use serde_json::{json, Value};

use crate::support::{codes, scenario};

fn person(id: &str, side: Option<&str>, rank: i64) -> Value {
    let mut v = json!({"id": id, "name": format!("{id}名"), "rank": rank});
    if let Some(s) = side {
        v["side"] = json!(s);
    }
    v
}

fn run(people: Vec<Value>, specs: Vec<Value>) -> (Scenario, Plan) {
    let s = scenario(json!({"format": "seating/1", "people": people, "bilateral": specs}));
    let p = plan(&s);
    (s, p)
}

fn at<'a>(b: &'a BilateralPlan, id: &str) -> &'a BilateralPlace {
    b.places.iter().find(|p| p.person == id).unwrap_or_else(|| panic!("{id} is placed: {:#?}", b.places))
}

/// Row `row` (of `party`, or of both) as ids along the line, `..` for an empty place.
fn line(b: &BilateralPlan, party: Option<Party>, row: u32) -> String {
    let mut cells = vec!["..".to_string(); b.length as usize];
    for p in b.places.iter().filter(|p| p.row == row && party.is_none_or(|x| p.party == x)) {
        cells[p.position as usize - 1] = p.person.clone();
    }
    cells.join(" ")
}

/// What holds for every occasion: everyone once, one person per place (talks: per side),
/// positions within `1..=length` and the line no longer than needed, each person on their
/// own side (no side: host), reasons starting with the precedence number.
fn invariants(s: &Scenario, p: &Plan, k: usize) {
    let b = &p.bilateral[k];
    let kind = s.bilateral[k].kind;
    let mut seen = HashSet::new();
    let mut spots = HashSet::new();
    for pl in &b.places {
        assert!(seen.insert(pl.person.as_str()), "{} twice: {:#?}", pl.person, b.places);
        let side = if kind == BilateralKind::Talks { Some(pl.party) } else { None };
        assert!(spots.insert((side, pl.row, pl.position)), "two people at {pl:?}");
        assert!(pl.row >= 1, "{pl:?}");
        assert!((1..=b.length).contains(&pl.position), "{pl:?} outside 1..={}", b.length);
        let who = s.people.iter().find(|x| x.id == pl.person).unwrap();
        assert_eq!(who.side.unwrap_or(Party::Host), pl.party, "{pl:?}");
        let n = p.precedence.iter().position(|x| *x == pl.person).unwrap() + 1;
        assert!(pl.reason.starts_with(&format!("位次第{n}；")), "{}", pl.reason);
    }
    if !b.places.is_empty() {
        assert!(b.places.iter().any(|p| p.position == 1), "no place at position 1: {:?}", b.places);
        assert!(b.places.iter().any(|p| p.position == b.length), "no place at the line's end");
    }
}

// ---------------------------------------------------------------------------------------
// Talks
// ---------------------------------------------------------------------------------------

/// Where the rule text puts one talks party. "Alternate" starts on the own right (右為上,
/// as 主左客右); with the interpreter in the first seat on the right, the right-hand
/// sequence goes on beyond it (the planner's documented reading; PROTOCOL does not say
/// whether #2 should instead take the free seat on the left: see the audit report).
///
/// Returns person → (row, own-right offset from the principal); `None` for an interpreter
/// behind after the first (the rule only says "behind"). `members` and `interpreters` each
/// in precedence order.
fn ref_talks(
    members: &[String],
    interpreters: &[String],
    right: bool,
) -> HashMap<String, (u32, Option<i64>)> {
    let mut out = HashMap::new();
    // Seats at the table on each side of the principal, nearest first.
    let mut own_right: Vec<i64> = (1..=40).collect();
    let own_left: Vec<i64> = (1..=40).map(|k| -k).collect();
    let mut behind: Vec<&String> = interpreters.iter().collect();
    if right && !interpreters.is_empty() {
        // "Interpreters: on the principal's right": the seat next to the principal.
        out.insert(interpreters[0].clone(), (1, Some(1)));
        own_right.remove(0);
        behind.remove(0);
    }
    for (k, i) in behind.into_iter().enumerate() {
        out.insert(i.clone(), (2, if k == 0 { Some(0) } else { None }));
    }
    if let Some(p) = members.first() {
        out.insert(p.clone(), (1, Some(0)));
    }
    // "others alternate outward by precedence": right, left, right, … (右為上).
    let (mut r, mut l) = (own_right.into_iter(), own_left.into_iter());
    for (k, m) in members.iter().skip(1).enumerate() {
        let seat = if k % 2 == 0 { r.next() } else { l.next() };
        out.insert(m.clone(), (1, seat));
    }
    out
}

/// Guests `G1..Gg` (rank 10i+2) and hosts `H1..Hh` (rank 10i+3); interpreters `GI1`, `HI1`
/// are the most senior of their party (rank 0, 1), `GI2`, `HI2` the most junior.
fn talks_people(g: usize, h: usize, gi: usize, hi: usize) -> Vec<Value> {
    let mut v = Vec::new();
    for i in 1..=g {
        v.push(person(&format!("G{i}"), Some("guest"), 10 * i as i64 + 2));
    }
    for i in 1..=h {
        v.push(person(&format!("H{i}"), Some("host"), 10 * i as i64 + 3));
    }
    for (tag, side, n, base) in [("GI", "guest", gi, 0), ("HI", "host", hi, 1)] {
        for i in 1..=n {
            v.push(person(&format!("{tag}{i}"), Some(side), if i == 1 { base } else { 1000 + base }));
        }
    }
    v
}

#[test]
fn talks_every_size_both_tables_both_interpreter_settings() {
    for g in 1..=8usize {
        for h in 1..=8usize {
            for table in ["facing-door", "end-on"] {
                for setting in ["right", "behind"] {
                    for gi in 0..=2usize {
                        for hi in 0..=2usize {
                            let ppl = talks_people(g, h, gi, hi);
                            let interps: Vec<String> = (1..=gi)
                                .map(|i| format!("GI{i}"))
                                .chain((1..=hi).map(|i| format!("HI{i}")))
                                .collect();
                            // Interpreters are not in `people`: they take part all the same.
                            let listed: Vec<String> = (1..=g)
                                .map(|i| format!("G{i}"))
                                .chain((1..=h).map(|i| format!("H{i}")))
                                .collect();
                            let spec = json!({"name": "會談", "table": table, "interpreter": setting,
                                "interpreters": interps, "people": listed});
                            let (s, p) = run(ppl, vec![spec]);
                            let ctx = format!("g={g} h={h} {table} {setting} gi={gi} hi={hi}");
                            invariants(&s, &p, 0);
                            check_talks(&p.bilateral[0], g, h, gi, hi, setting == "right", &ctx);
                        }
                    }
                }
            }
        }
    }
}

fn check_talks(b: &BilateralPlan, g: usize, h: usize, gi: usize, hi: usize, right: bool, ctx: &str) {
    assert_eq!(b.places.len(), g + h + gi + hi, "{ctx}");
    // The principals face each other: the same place along the line.
    assert_eq!(at(b, "G1").position, at(b, "H1").position, "{ctx}: principals not facing");
    for (party, tag, n, ni, word, dir) in
        [(Party::Guest, "G", g, gi, "客方", -1i64), (Party::Host, "H", h, hi, "主方", 1)]
    {
        let members: Vec<String> = (1..=n).map(|i| format!("{tag}{i}")).collect();
        let interps: Vec<String> = (1..=ni).map(|i| format!("{tag}I{i}")).collect();
        let want = ref_talks(&members, &interps, right);
        let principal = at(b, &members[0]).position as i64;
        for (id, (row, off)) in &want {
            let pl = at(b, id);
            assert_eq!(pl.party, party, "{ctx}: {id}");
            assert_eq!(pl.row, *row, "{ctx}: {id} row; {}", line(b, Some(party), pl.row));
            if let Some(off) = off {
                assert_eq!(
                    (pl.position as i64 - principal) * dir,
                    *off,
                    "{ctx}: {id} own offset; row 1 {}",
                    line(b, Some(party), 1)
                );
            }
        }
        // The first interpreter, the most senior of the party, is not the principal.
        for (k, m) in members.iter().enumerate() {
            let pl = at(b, m);
            let (role, label) = if k == 0 {
                (BilateralRole::Principal, format!("{word} 主談人"))
            } else {
                (BilateralRole::Member, format!("{word} 第{}位", k + 1))
            };
            assert_eq!((pl.role, pl.label.clone()), (role, label), "{ctx}: {m}");
        }
        for i in &interps {
            assert_eq!(at(b, i).role, BilateralRole::Interpreter, "{ctx}: {i}");
            assert_eq!(at(b, i).label, format!("{word} 譯員"), "{ctx}: {i}");
        }
    }
}

#[test]
fn talks_principal_after_move_and_exclude() {
    // Hand reasoning. Ranks: GI 0; G1 1, G2 3, G3 5, G4 7; H1 2, H2 4, H3 6: precedence
    // GI G1 H1 G2 H2 G3 H3 G4. `move G1 after G3`: GI H1 G2 H2 G3 G1 H3 G4, so the guests'
    // order is G2 G3 G1 G4 and G2 leads. `exclude H1`: H2 leads the hosts, H3 is their second.
    let ppl = vec![
        person("G1", Some("guest"), 1),
        person("G2", Some("guest"), 3),
        person("G3", Some("guest"), 5),
        person("G4", Some("guest"), 7),
        person("H1", Some("host"), 2),
        person("H2", Some("host"), 4),
        person("H3", Some("host"), 6),
        person("GI", Some("guest"), 0),
    ];
    let s = scenario(json!({"format": "seating/1", "people": ppl,
        "instructions": [{"op": "move", "person": "G1", "after": "G3"}, {"op": "exclude", "person": "H1"}],
        "bilateral": [{"name": "會談", "interpreters": ["GI"]}]}));
    let p = plan(&s);
    invariants(&s, &p, 0);
    let b = &p.bilateral[0];
    assert!(b.places.iter().all(|x| x.person != "H1"), "H1 is excluded");
    assert_eq!(at(b, "G2").role, BilateralRole::Principal);
    assert_eq!(at(b, "H2").role, BilateralRole::Principal);
    assert_eq!(at(b, "G2").position, at(b, "H2").position);
    // Guests (door view, own right = left): GI on G2's own right, G3 next on the right
    // beyond it, G1 on the own left, G4 right again.
    assert_eq!(line(b, Some(Party::Guest), 1), "G4 G3 GI G2 G1");
    assert_eq!(line(b, Some(Party::Host), 1), ".. .. .. H2 H3");
    assert_eq!(at(b, "G1").label, "客方 第3位");
    // The reason's number is the final precedence (after the move and the exclusion):
    // GI G2 H2 G3 G1 H3 G4, so G1 is #5.
    assert!(at(b, "G1").reason.starts_with("位次第5；"), "{}", at(b, "G1").reason);
}

#[test]
fn talks_excluded_interpreter_and_no_side() {
    // An excluded interpreter (請假) does not appear; people without a side are hosts.
    let ppl = vec![
        person("G1", Some("guest"), 1),
        person("G2", Some("guest"), 3),
        person("X", None, 2),
        person("Y", None, 4),
        person("GI", Some("guest"), 5),
        person("XI", None, 6),
    ];
    let s = scenario(json!({"format": "seating/1", "people": ppl,
        "instructions": [{"op": "exclude", "person": "GI"}],
        "bilateral": [{"name": "會談", "interpreters": ["GI", "XI"]}]}));
    let p = plan(&s);
    invariants(&s, &p, 0);
    let b = &p.bilateral[0];
    assert!(b.places.iter().all(|x| x.person != "GI"));
    assert!(codes(&p).contains(&"excluded-person".to_string()), "{:?}", p.diagnostics);
    // The guests have no interpreter now: G2 on G1's own right (the door's left).
    // XI (no side: a host interpreter) on X's own right (the door's right), Y the next seat
    // on the own right (the right is filled first, the interpreter's seat skipped).
    assert_eq!(line(b, Some(Party::Guest), 1), "G2 G1 .. ..");
    assert_eq!(line(b, Some(Party::Host), 1), ".. X XI Y");
    assert_eq!(at(b, "X").party, Party::Host);
}

#[test]
fn talks_people_and_section_selection() {
    let mut ppl = Vec::new();
    for (id, side, rank, section) in [
        ("G1", "guest", 1, "podium"),
        ("G2", "guest", 3, "hall"),
        ("G3", "guest", 5, "hall"),
        ("H1", "host", 2, "podium"),
        ("H2", "host", 4, "hall"),
        ("HI", "host", 6, "podium"),
    ] {
        let mut v = person(id, Some(side), rank);
        v["section"] = json!(section);
        ppl.push(v);
    }
    let s = scenario(json!({"format": "seating/1", "people": ppl, "bilateral": [
        {"name": "hall only", "section": "hall", "interpreters": ["HI"]},
        {"name": "listed", "people": ["G3", "H2", "G1"], "section": "hall"}
    ]}));
    let p = plan(&s);
    invariants(&s, &p, 0);
    invariants(&s, &p, 1);
    let placed =
        |k: usize| -> HashSet<String> { p.bilateral[k].places.iter().map(|x| x.person.clone()).collect() };
    // Section hall: G2 G3 H2, plus the interpreter from the podium section.
    assert_eq!(placed(0), HashSet::from(["G2", "G3", "H2", "HI"].map(String::from)));
    assert_eq!(at(&p.bilateral[0], "G2").role, BilateralRole::Principal);
    // `people` given: exactly those (the section only applies when `people` is not given).
    assert_eq!(placed(1), HashSet::from(["G1", "G3", "H2"].map(String::from)));
    assert_eq!(at(&p.bilateral[1], "G1").role, BilateralRole::Principal);
}

// ---------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Is {
    Member,
    Interpreter,
    Assistant,
}

/// Lays out `rows` (each: guest part, host part, in audience order) with the guest parts
/// right-aligned to the middle and the host parts left-aligned: the rule's "behind their
/// own signer" with 主左客右.
fn aligned(rows: &[(Vec<String>, Vec<String>)]) -> Vec<String> {
    let wg = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let wh = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(g, h)| {
            let mut cells = vec!["..".to_string(); wg - g.len()];
            cells.extend(g.iter().cloned());
            cells.extend(h.iter().cloned());
            cells.extend(std::iter::repeat_n("..".to_string(), wh - h.len()));
            cells.join(" ")
        })
        .collect()
}

/// The signing ceremony from the audience, from the rule text: row 1
/// `guest-assistant GuestSigner HostSigner host-assistant` (further assistants further
/// out); behind, each party's staff (everyone else, interpreters included, by precedence)
/// behind its own signer, front row highest, at most `per_row` a row, from the middle out.
fn ref_signing(
    guest: &[(String, i64, Is)],
    host: &[(String, i64, Is)],
    per_row: Option<usize>,
) -> Vec<String> {
    let split = |party: &[(String, i64, Is)]| {
        let mut v = party.to_vec();
        v.sort_by_key(|x| x.1);
        let signer = v.iter().position(|x| x.2 == Is::Member).map(|k| v.remove(k).0);
        let assistants: Vec<String> =
            v.iter().filter(|x| x.2 == Is::Assistant).map(|x| x.0.clone()).collect();
        let staff: Vec<String> = v.iter().filter(|x| x.2 != Is::Assistant).map(|x| x.0.clone()).collect();
        (signer, assistants, staff)
    };
    let (gs, ga, gst) = split(guest);
    let (hs, ha, hst) = split(host);
    let mut front_g: Vec<String> = ga.iter().rev().cloned().collect();
    front_g.extend(gs);
    let mut front_h: Vec<String> = hs.into_iter().collect();
    front_h.extend(ha);
    let mut rows = vec![(front_g, front_h)];
    let w = per_row.unwrap_or(usize::MAX);
    let chunks =
        |v: &[String]| -> Vec<Vec<String>> { v.chunks(w.min(v.len().max(1))).map(|c| c.to_vec()).collect() };
    let (cg, ch) = (chunks(&gst), chunks(&hst));
    for r in 0..cg.len().max(ch.len()) {
        let g: Vec<String> = cg.get(r).map(|c| c.iter().rev().cloned().collect()).unwrap_or_default();
        let h = ch.get(r).cloned().unwrap_or_default();
        rows.push((g, h));
    }
    aligned(&rows)
}

#[test]
fn signing_every_size_assistants_and_per_row() {
    for g in 1..=6usize {
        for h in 1..=6usize {
            for ga in 0..=2usize {
                for ha in 0..=2usize {
                    for per_row in [None, Some(1), Some(2), Some(3), Some(4)] {
                        for interps in [false, true] {
                            let mut ppl = Vec::new();
                            let mut parties: [Vec<(String, i64, Is)>; 2] = [Vec::new(), Vec::new()];
                            for (k, tag, side, n, na, base) in
                                [(0, "G", "guest", g, ga, 0), (1, "H", "host", h, ha, 1)]
                            {
                                for i in 1..=n {
                                    parties[k].push((
                                        format!("{tag}{i}"),
                                        10 * i as i64 + 2 + base,
                                        Is::Member,
                                    ));
                                }
                                // The first assistant is the party's most senior: not the signer.
                                for i in 1..=na {
                                    let rank = if i == 1 { base } else { 500 + base };
                                    parties[k].push((format!("{tag}A{i}"), rank, Is::Assistant));
                                }
                                if interps {
                                    parties[k].push((format!("{tag}I"), 25 + base, Is::Interpreter));
                                }
                                for (id, rank, _) in &parties[k] {
                                    ppl.push(person(id, Some(side), *rank));
                                }
                            }
                            let pick = |is: Is| -> Vec<String> {
                                parties.iter().flatten().filter(|x| x.2 == is).map(|x| x.0.clone()).collect()
                            };
                            let mut spec = json!({"name": "簽字", "kind": "signing",
                                "assistants": pick(Is::Assistant), "interpreters": pick(Is::Interpreter)});
                            if let Some(w) = per_row {
                                spec["per_row"] = json!(w);
                            }
                            let (s, p) = run(ppl, vec![spec]);
                            invariants(&s, &p, 0);
                            let b = &p.bilateral[0];
                            let want = ref_signing(&parties[0], &parties[1], per_row);
                            let rows = b.places.iter().map(|x| x.row).max().unwrap() as usize;
                            let got: Vec<String> =
                                (1..=rows.max(want.len()) as u32).map(|r| line(b, None, r)).collect();
                            let ctx =
                                format!("g={g} h={h} ga={ga} ha={ha} per_row={per_row:?} interps={interps}");
                            assert_eq!(got, want, "{ctx}");
                            assert_eq!(at(b, "G1").role, BilateralRole::Principal, "{ctx}");
                            assert_eq!(at(b, "G1").label, "客方 簽字人", "{ctx}");
                            assert_eq!(at(b, "H1").label, "主方 簽字人", "{ctx}");
                            if ha > 0 {
                                assert_eq!(at(b, "HA1").label, "主方 助簽人", "{ctx}");
                                assert_eq!(at(b, "HA1").role, BilateralRole::Assistant, "{ctx}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn signing_role_conflicts_unknown_ids_and_no_side() {
    let ppl = vec![
        person("G1", Some("guest"), 1),
        person("G2", Some("guest"), 3),
        person("X", None, 2),
        person("Y", None, 4),
    ];
    let spec =
        json!({"name": "簽字", "kind": "signing", "assistants": ["G2", "ghost"], "interpreters": ["G2"]});
    let (s, p) = run(ppl, vec![spec]);
    invariants(&s, &p, 0);
    let b = &p.bilateral[0];
    let d = |code: &str| {
        p.diagnostics.iter().filter(|d| d.code == code).map(|d| d.message.clone()).collect::<Vec<_>>()
    };
    assert!(d("conflicting-roles").iter().any(|m| m.contains("G2")), "{:?}", p.diagnostics);
    assert!(
        d("unknown-person").iter().any(|m| m.contains("bilateral[0].assistants[1]")),
        "{:?}",
        p.diagnostics
    );
    // G2 is taken as interpreter: standing behind the guest signer, not beside it.
    assert_eq!(at(b, "G2").role, BilateralRole::Interpreter);
    // X (no side) is the host signer.
    assert_eq!(line(b, None, 1), "G1 X");
    assert_eq!(line(b, None, 2), "G2 Y");
}

// ---------------------------------------------------------------------------------------
// Side by side
// ---------------------------------------------------------------------------------------

#[test]
fn side_by_side_every_size() {
    for g in 1..=8usize {
        for h in 1..=8usize {
            for gi in 0..=2usize {
                for hi in 0..=2usize {
                    let ppl = talks_people(g, h, gi, hi);
                    let interps: Vec<String> = (1..=gi)
                        .map(|i| format!("GI{i}"))
                        .chain((1..=hi).map(|i| format!("HI{i}")))
                        .collect();
                    let (s, p) = run(
                        ppl,
                        vec![json!({"name": "會見", "kind": "side-by-side", "interpreters": interps})],
                    );
                    invariants(&s, &p, 0);
                    let b = &p.bilateral[0];
                    // Door view `Guest Host`; each party outward on its own side, in
                    // precedence; interpreters behind, the first behind the own principal.
                    let front_g: Vec<String> = (1..=g).rev().map(|i| format!("G{i}")).collect();
                    let front_h: Vec<String> = (1..=h).map(|i| format!("H{i}")).collect();
                    let back_g: Vec<String> = (1..=gi).rev().map(|i| format!("GI{i}")).collect();
                    let back_h: Vec<String> = (1..=hi).map(|i| format!("HI{i}")).collect();
                    let mut rows = vec![(front_g, front_h)];
                    if gi + hi > 0 {
                        rows.push((back_g, back_h));
                    }
                    let want = aligned(&rows);
                    let got: Vec<String> = (1..=want.len() as u32).map(|r| line(b, None, r)).collect();
                    assert_eq!(got, want, "g={g} h={h} gi={gi} hi={hi}");
                    assert_eq!(b.places.len(), g + h + gi + hi);
                    assert_eq!((at(b, "G1").label.as_str(), at(b, "H1").label.as_str()), ("主賓", "主人"));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Bad input, script
// ---------------------------------------------------------------------------------------

#[test]
fn bad_input_names_the_field() {
    let err = |specs: Value| {
        Scenario::from_json(
            &json!({"format": "seating/1", "people": talks_people(1, 1, 0, 0), "bilateral": specs})
                .to_string(),
        )
        .unwrap_err()
        .to_string()
    };
    // The second occasion's problem names the second occasion.
    let e = err(json!([{"name": "a"}, {"name": "b", "kind": "side-by-side", "assistants": ["G1"]}]));
    assert!(e.contains("bilateral[1].assistants"), "{e}");
    let e = err(json!([{"name": "a", "kind": "signing", "per_row": 0}]));
    assert!(e.contains("bilateral[0].per_row"), "{e}");
    let e = err(json!([{"name": "a", "per_rows": 2}]));
    assert!(e.contains("per_rows"), "{e}");
    let e = err(json!([{"name": "a", "table": "round"}]));
    assert!(e.contains("end-on"), "{e}");

    // Unknown ids in every list are diagnostics naming the list and index, the rest planned.
    let (s, p) = run(
        talks_people(2, 2, 0, 0),
        vec![json!({"name": "會談", "people": ["G1", "nobody", "H1"], "interpreters": ["ghost"]})],
    );
    invariants(&s, &p, 0);
    let msgs: Vec<&str> =
        p.diagnostics.iter().filter(|d| d.code == "unknown-person").map(|d| d.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("bilateral[0].people[1]")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("bilateral[0].interpreters[0]")), "{msgs:?}");
    assert_eq!(p.bilateral[0].places.len(), 2);

    // Nobody at all: an empty occasion and two no-principal warnings, no panic; the chart too.
    let (s, p) = run(talks_people(1, 0, 0, 0), vec![json!({"name": "空", "people": []})]);
    assert!(p.bilateral[0].places.is_empty());
    assert_eq!(p.diagnostics.iter().filter(|d| d.code == "no-principal").count(), 2);
    for view in [View::Audience, View::Podium] {
        let l = layout(&s, &p, &LayoutOptions { view, part: Part::Bilateral(0), ..LayoutOptions::default() });
        assert!(l.places.is_empty());
    }
}

#[test]
fn a_scenario_built_in_code_does_not_panic() {
    // The library's `plan` takes a `Scenario` value; one built or edited in code has not been
    // through `validate`. per_row 0 must not divide by zero.
    let (mut s, _) =
        run(talks_people(3, 3, 0, 0), vec![json!({"name": "簽字", "kind": "signing", "per_row": 1})]);
    s.bilateral[0].per_row = Some(0);
    let p = plan(&s);
    invariants(&s, &p, 0);
    assert_eq!(p.bilateral[0].places.len(), 6);
}

#[test]
fn simplified_labels_on_every_kind() {
    let mut ppl = talks_people(2, 2, 1, 0);
    ppl.push(person("GA", Some("guest"), 90));
    let s = scenario(json!({"format": "seating/1", "meeting": {"script": "simplified"}, "people": ppl,
        "bilateral": [
            {"name": "會談", "interpreters": ["GI1"]},
            {"name": "簽字", "kind": "signing", "assistants": ["GA"]},
            {"name": "會見", "kind": "side-by-side", "interpreters": ["GI1"]}]}));
    let p = plan(&s);
    let label = |k: usize, id: &str| at(&p.bilateral[k], id).label.clone();
    assert_eq!(label(0, "G1"), "客方 主谈人");
    assert_eq!(label(0, "G2"), "客方 第2位");
    assert_eq!(label(0, "GI1"), "客方 译员");
    assert_eq!(label(1, "H1"), "主方 签字人");
    assert_eq!(label(1, "GA"), "客方 助签人");
    assert_eq!(label(2, "G1"), "主宾");
    assert_eq!(label(2, "H1"), "主人");
    // The chart's own words too.
    let chart = |k: usize| {
        let l = layout(&s, &p, &LayoutOptions { part: Part::Bilateral(k), ..LayoutOptions::default() });
        let mut words = vec![l.heading.clone(), l.orientation.clone()];
        words.extend(l.marks.iter().flat_map(|m| m.text.lines.clone()));
        words.extend(l.places.iter().filter_map(|b| b.number.as_ref()).flat_map(|t| t.lines.clone()));
        words.join("|")
    };
    let traditional_only =
        ['會', '談', '簽', '譯', '員', '門', '觀', '眾', '後', '圖', '賓', '裡', '與', '側'];
    for k in 0..3 {
        let w = chart(k);
        // The occasion's name stays as typed (會談, 簽字, 會見); everything else converts.
        let rest = w.split_once('|').map_or("", |x| x.1);
        assert!(!rest.chars().any(|c| traditional_only.contains(&c)), "occasion {k}: {rest}");
    }
}

// ---------------------------------------------------------------------------------------
// The chart
// ---------------------------------------------------------------------------------------

fn chart(s: &Scenario, p: &Plan, k: usize, view: View) -> Layout {
    layout(s, p, &LayoutOptions { view, part: Part::Bilateral(k), ..LayoutOptions::default() })
}

fn rect(l: &Layout, id: &str) -> Rect {
    l.places
        .iter()
        .find(|b| b.person.as_ref().is_some_and(|o| o.id == id))
        .unwrap_or_else(|| panic!("{id} is drawn"))
        .rect
}

/// Row and party labels do not run into any place box.
fn labels_clear(l: &Layout, ctx: &str) {
    for m in l.marks.iter().filter(|m| m.kind == MarkKind::Row || m.kind == MarkKind::Block) {
        let t = &m.text;
        let w = t.lines.iter().map(|x| text_width(x, t.size)).fold(0.0, f64::max);
        let x0 = match t.anchor {
            Anchor::Start => t.x,
            Anchor::Middle => t.x - w / 2.0,
            Anchor::End => t.x - w,
        };
        let (y0, y1) = (t.y - t.size * 0.88, t.y + t.size * 0.22 + (t.lines.len() - 1) as f64 * t.leading);
        for b in &l.places {
            let r = b.rect;
            let apart = x0 + w <= r.x || r.x + r.w <= x0 || y1 <= r.y || r.y + r.h <= y0;
            assert!(apart, "{ctx}: label {:?} runs into {}", t.lines, b.id);
        }
    }
}

/// The podium view is the audience view turned round: every box and mark mirrored.
fn mirrored(a: &Layout, b: &Layout) {
    assert_eq!((a.width, a.height), (b.width, b.height));
    assert_eq!(a.places.len(), b.places.len());
    for (x, y) in a.places.iter().zip(&b.places) {
        assert_eq!(x.id, y.id);
        let (r, m) = (x.rect, y.rect);
        let eq = |u: f64, v: f64| (u - v).abs() < 1e-6;
        assert!(
            eq(m.x, a.width - r.x - r.w) && eq(m.y, a.height - r.y - r.h) && eq(m.w, r.w),
            "{} {r:?} {m:?}",
            x.id
        );
    }
    for (x, y) in a.blocks.iter().zip(&b.blocks) {
        assert!((y.x - (a.width - x.x - x.w)).abs() < 1e-6 && (y.y - (a.height - x.y - x.h)).abs() < 1e-6);
    }
    let door = |l: &Layout| l.marks.iter().find(|m| m.kind == MarkKind::Door).unwrap().text.y;
    assert!(door(a) > a.height / 2.0 && door(b) < b.height / 2.0, "the door turns round");
}

#[test]
fn chart_geometry_every_talks_shape() {
    for (g, h) in [(1, 1), (1, 8), (8, 1), (3, 6), (7, 4)] {
        for table in ["facing-door", "end-on"] {
            for setting in ["right", "behind"] {
                let (s, p) = run(
                    talks_people(g, h, 2, 1),
                    vec![json!({"name": "會談", "table": table, "interpreter": setting,
                        "interpreters": ["GI1", "GI2", "HI1"]})],
                );
                let ctx = format!("g={g} h={h} {table} {setting}");
                let l = chart(&s, &p, 0, View::Audience);
                let t = l.blocks[0];
                let b = &p.bilateral[0];
                let (g1, h1) = (rect(&l, "G1"), rect(&l, "H1"));
                for pl in &b.places {
                    let r = rect(&l, &pl.person);
                    let box_id = &l
                        .places
                        .iter()
                        .find(|x| x.person.as_ref().is_some_and(|o| o.id == pl.person))
                        .unwrap()
                        .id;
                    let side = if pl.party == Party::Guest { 'G' } else { 'H' };
                    assert_eq!(box_id, &format!("B1-{side}{}-{}", pl.row, pl.position), "{ctx}");
                    if table == "facing-door" {
                        // Guests above the table (the far side, facing the door), hosts below.
                        match pl.party {
                            Party::Guest => assert!(r.y + r.h <= t.y, "{ctx}: {} {r:?} {t:?}", pl.person),
                            Party::Host => assert!(r.y >= t.y + t.h, "{ctx}: {} {r:?} {t:?}", pl.person),
                        }
                        // Position runs from the door's left; rows behind further from the table.
                        let pr = if pl.party == Party::Guest { g1 } else { h1 };
                        let pp = at(b, if pl.party == Party::Guest { "G1" } else { "H1" }).position;
                        assert_eq!(
                            r.x.partial_cmp(&pr.x),
                            Some(pl.position.cmp(&pp)),
                            "{ctx}: {}",
                            pl.person
                        );
                        if pl.row > 1 {
                            match pl.party {
                                Party::Guest => assert!(r.y < g1.y, "{ctx}"),
                                Party::Host => assert!(r.y > h1.y, "{ctx}"),
                            }
                        }
                    } else {
                        // Hosts on the left as you enter, guests on the right; position 1 at the
                        // far end (top).
                        match pl.party {
                            Party::Host => assert!(r.x + r.w <= t.x, "{ctx}: {} {r:?} {t:?}", pl.person),
                            Party::Guest => assert!(r.x >= t.x + t.w, "{ctx}: {} {r:?} {t:?}", pl.person),
                        }
                        if pl.row > 1 {
                            match pl.party {
                                Party::Host => assert!(r.x < h1.x, "{ctx}"),
                                Party::Guest => assert!(r.x > g1.x, "{ctx}"),
                            }
                        }
                        // Position 1 at the far end (top), for either side.
                        let pp = at(b, "G1").position;
                        assert_eq!(
                            r.y.partial_cmp(&g1.y),
                            Some(pl.position.cmp(&pp)),
                            "{ctx}: {}",
                            pl.person
                        );
                    }
                }
                if table == "facing-door" {
                    assert_eq!(g1.x, h1.x, "{ctx}: principals face each other");
                    // The guest interpreter at the table is on G1's own right: the door's left.
                    if setting == "right" {
                        assert!(rect(&l, "GI1").x < g1.x && rect(&l, "HI1").x > h1.x, "{ctx}");
                    }
                } else {
                    assert_eq!(g1.y, h1.y, "{ctx}: principals face each other");
                    if setting == "right" {
                        // A guest's own right is the far end (up); a host's is the door (down).
                        assert!(rect(&l, "GI1").y < g1.y && rect(&l, "HI1").y > h1.y, "{ctx}");
                    }
                }
                // Nothing overlaps.
                for (i, a) in l.places.iter().enumerate() {
                    for c in &l.places[i + 1..] {
                        let (r, q) = (a.rect, c.rect);
                        let apart =
                            r.x + r.w <= q.x || q.x + q.w <= r.x || r.y + r.h <= q.y || q.y + q.h <= r.y;
                        assert!(apart, "{ctx}: {} overlaps {}", a.id, c.id);
                    }
                    let r = a.rect;
                    assert!(
                        r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= l.width && r.y + r.h <= l.height,
                        "{ctx}"
                    );
                }
                labels_clear(&l, &ctx);
                let turned = chart(&s, &p, 0, View::Podium);
                labels_clear(&turned, &ctx);
                mirrored(&l, &turned);
            }
        }
    }
}

#[test]
fn chart_geometry_signing_and_side_by_side() {
    let mut ppl = talks_people(12, 3, 1, 1);
    ppl.push(person("GA", Some("guest"), 200));
    ppl.push(person("HA", Some("host"), 201));
    let (s, p) = run(
        ppl,
        vec![
            json!({"name": "簽字", "kind": "signing", "assistants": ["GA", "HA"], "interpreters": ["GI1", "HI1"], "per_row": 1}),
            json!({"name": "會見", "kind": "side-by-side", "interpreters": ["GI1", "HI1"]}),
        ],
    );
    for k in 0..2 {
        let l = chart(&s, &p, k, View::Audience);
        let b = &p.bilateral[k];
        for row in 1..=16 {
            let xs = |party: Party| -> Vec<f64> {
                b.places
                    .iter()
                    .filter(|x| x.row == row && x.party == party)
                    .map(|x| rect(&l, &x.person).x)
                    .collect()
            };
            let (gx, hx) = (xs(Party::Guest), xs(Party::Host));
            if let (Some(gmax), Some(hmin)) =
                (gx.iter().cloned().reduce(f64::max), hx.iter().cloned().reduce(f64::min))
            {
                assert!(gmax < hmin, "occasion {k} row {row}: guests left of hosts");
            }
        }
        // Rows behind are further up the page (away from the audience/door).
        for pl in b.places.iter().filter(|x| x.row > 1) {
            assert!(rect(&l, &pl.person).y < rect(&l, "G1").y, "{}", pl.person);
        }
        if k == 0 {
            let t = l.blocks[0];
            let g1 = rect(&l, "G1");
            assert!(t.y >= g1.y + g1.h, "the signing table is in front of the signers");
            let order: Vec<f64> = ["GA", "G1", "H1", "HA"].iter().map(|id| rect(&l, id).x).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        }
        labels_clear(&l, &format!("occasion {k}"));
        let turned = chart(&s, &p, k, View::Podium);
        labels_clear(&turned, &format!("occasion {k} turned"));
        mirrored(&l, &turned);
    }
}

#[test]
fn the_footer_stamp_clears_the_sign_off_block() {
    // An end-on table makes a portrait page; the stamp's view word for an occasion
    // (自正門（觀眾）看) is longer than the venue's (觀眾視角).
    let (s, p) = run(talks_people(8, 8, 1, 1), vec![json!({"name": "會談", "table": "end-on"})]);
    for view in [View::Audience, View::Podium] {
        let out = seating_core::export::svg::svg(&chart(&s, &p, 0, view));
        // The stamp is the last `mu` text on the page.
        let rest = out.rsplit("<text class=\"mu\" font-size=\"").next().unwrap();
        let size: f64 = rest.split('"').next().unwrap().parse().unwrap();
        let x: f64 = rest.split("x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        let body = rest.split_once('>').unwrap().1.split('<').next().unwrap().trim();
        assert!(body.contains("seating"), "{body}");
        let box_x: f64 = out
            .split("class=\"box\"")
            .nth(1)
            .unwrap()
            .split("x=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let w = seating_core::layout::text_width(body, size);
        assert!(
            x + w <= box_x,
            "{view:?}: the stamp {body:?} ({x} + {w:.1}) runs into the sign-off box at {box_x}"
        );
    }
}
