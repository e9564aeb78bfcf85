//! No lost work and no crash on import (issue 7), as high-count property tests:
//! - save → reload is lossless over arbitrary scenarios with every optional field and
//!   arbitrary Unicode text (`Scenario::from_json(&s.to_json()) == s`);
//! - the roster import never panics on arbitrary tables and names the line of a bad row;
//! - the sign-in list (CSV export) imports back to the same names, posts and units.
//!
//! 4,000 + 4,000 + 2,000 cases; with the planner's property tests (props.rs, hall_props.rs,
//! extras_props.rs) well over 10,000 cases per run. `PROPTEST_CASES` overrides the counts.

use proptest::prelude::*;
use proptest::test_runner::Config;
use seating_core::export::table;
use seating_core::import::{self, Field};
use seating_core::{plan, Error, Scenario};
use serde_json::{json, Map, Value};

/// Cases per test: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(default);
    Config { cases, ..Config::default() }
}

/// Free text: arbitrary Unicode (controls, surrogate-free astral characters, RTL, …) or
/// fragments that break printers and parsers.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        // Any chars (not `any::<String>()`, whose regex-driven generator is slow in debug builds).
        3 => proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        1 => proptest::sample::select(vec![
            "", "王晨", "歐陽少東", "<script>alert(1)</script>", "\"'&]]><!--", "𠀀𪚥", "👨‍👩‍👧",
            "محمد", "\u{202e}שלום", "a\u{200b}b", "=SUM(A1)", " 前後空白 ", "\u{0}\u{1b}\u{7f}",
        ])
        .prop_map(str::to_string),
    ]
    .boxed()
}

fn opt<T: Into<Value> + std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<Value>> {
    proptest::option::of(s.prop_map(Into::into)).boxed()
}

fn one_of(xs: &'static [&'static str]) -> BoxedStrategy<Value> {
    proptest::sample::select(xs).prop_map(Value::from).boxed()
}

fn date() -> BoxedStrategy<Value> {
    (1900u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))).boxed()
}

/// Inserts `key` when the strategy gave a value (an absent optional field).
fn put(m: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(key.into(), v);
    }
}

fn arb_person(i: usize, units: usize) -> BoxedStrategy<Value> {
    (
        (text(), text(), opt(text())),
        (proptest::option::of(0..units.max(1)), opt(any::<i64>()), opt(one_of(&["podium", "hall"]))),
        (
            opt(one_of(&["member", "attendee", "alternate"])),
            opt(date()),
            opt(date()),
            opt(one_of(&["host", "guest"])),
        ),
    )
        .prop_map(move |((prefix, name, post), (unit, rank, section), (role, appointed, joined, side))| {
            let mut p = Map::new();
            // Ids are unique but otherwise arbitrary text.
            p.insert("id".into(), json!(format!("{prefix}#{i}")));
            p.insert("name".into(), json!(name));
            put(&mut p, "post", post);
            if units > 0 {
                put(&mut p, "unit", unit.map(|u| json!(format!("u{u}"))));
            }
            put(&mut p, "rank", rank);
            put(&mut p, "section", section);
            put(&mut p, "role", role);
            put(&mut p, "appointed", appointed);
            put(&mut p, "joined", joined);
            put(&mut p, "side", side);
            Value::Object(p)
        })
        .boxed()
}

fn id_list(ids: Vec<String>) -> BoxedStrategy<Vec<String>> {
    let pool = if ids.is_empty() { vec!["nobody".to_string()] } else { ids };
    proptest::collection::vec(proptest::sample::select(pool), 0..5).boxed()
}

fn arb_instruction(ids: Vec<String>) -> BoxedStrategy<Value> {
    let pool = if ids.is_empty() { vec!["nobody".to_string()] } else { ids };
    let who = proptest::sample::select(pool);
    let seat = prop_oneof![
        (1u32..4, 1u32..12).prop_map(|(r, c)| format!("P{r}-{c}")),
        (1u32..8, 1u32..12).prop_map(|(r, c)| format!("H{r}-{c}")),
        text(),
    ];
    let op = prop_oneof![
        (who.clone(), seat.clone()).prop_map(|(p, s)| json!({"op": "pin", "person": p, "seat": s})),
        (who.clone(), who.clone()).prop_map(|(a, b)| json!({"op": "swap", "people": [a, b]})),
        (who.clone(), who.clone()).prop_map(|(a, b)| json!({"op": "move", "person": a, "after": b})),
        seat.prop_map(|s| json!({"op": "reserve", "seat": s})),
        who.prop_map(|p| json!({"op": "exclude", "person": p})),
    ];
    (op, opt(text()), opt(text()), opt(text()))
        .prop_map(|(mut ins, by, note, at)| {
            let m = ins.as_object_mut().unwrap();
            put(m, "by", by);
            put(m, "note", note);
            put(m, "at", at);
            ins
        })
        .boxed()
}

fn arb_hall() -> BoxedStrategy<Value> {
    (1u32..8, 1u32..12)
        .prop_flat_map(|(rows, seats)| {
            (
                Just((rows, seats)),
                proptest::collection::vec(1..seats.max(2), if seats > 1 { 0..3 } else { 0..1 }),
                proptest::collection::vec(text(), 0..3),
                proptest::option::of(proptest::collection::vec(1..=seats, rows as usize)),
                (opt(one_of(&["centre", "left", "right"])), opt(one_of(&["with-unit", "members-first"]))),
                (proptest::option::of(1..rows.max(2)), text(), text()),
            )
        })
        .prop_map(|((rows, seats), aisles, blocked, row_seats, (align, roles), (split, f1, f2))| {
            let mut h = Map::new();
            h.insert("rows".into(), json!(rows));
            h.insert("seats".into(), json!(seats));
            if seats > 1 {
                h.insert("aisles".into(), json!(aisles));
            }
            h.insert("blocked".into(), json!(blocked));
            put(&mut h, "row_seats", row_seats.map(|r| json!(r)));
            put(&mut h, "align", align);
            put(&mut h, "roles", roles);
            if let Some(k) = split.filter(|&k| k < rows) {
                h.insert("floors".into(), json!([{"name": f1, "rows": k}, {"name": f2, "rows": rows - k}]));
            }
            Value::Object(h)
        })
        .boxed()
}

/// A car's kind and seat count: cars take 1–4 passengers (or the default), a bus needs a count.
fn kind_seats() -> BoxedStrategy<(Option<Value>, Option<Value>)> {
    prop_oneof![
        (opt(one_of(&["sedan", "suv"])), opt(1u32..5)),
        (1u32..12).prop_map(|n| (Some(json!("bus")), Some(json!(n)))),
    ]
    .boxed()
}

fn arb_extras(ids: Vec<String>) -> BoxedStrategy<Map<String, Value>> {
    let banquet = (
        (1u32..10, 1u32..15, opt(1u32..20), opt(1u32..4)),
        (opt(one_of(&["right-superior", "left-superior"])), opt(one_of(&["two-host", "single-centre"]))),
        (opt(one_of(&["left", "right"])), id_list(ids.clone()), proptest::option::of(id_list(ids.clone()))),
        (opt(one_of(&["podium", "hall"])), opt(one_of(&["unit", "precedence"]))),
    )
        .prop_map(
            |(
                (tables, seats, main_seats, per_row),
                (order, layout),
                (honour, hosts, people),
                (section, by),
            )| {
                let mut b = Map::new();
                b.insert("tables".into(), json!(tables));
                b.insert("seats".into(), json!(seats));
                put(&mut b, "main_seats", main_seats);
                put(&mut b, "per_row", per_row);
                put(&mut b, "order", order);
                put(&mut b, "layout", layout);
                put(&mut b, "honour", honour);
                b.insert("hosts".into(), json!(hosts));
                put(&mut b, "people", people.map(|p| json!(p)));
                put(&mut b, "section", section);
                put(&mut b, "by", by);
                Value::Object(b)
            },
        );
    let lineup = (
        text(),
        (opt(one_of(&["photo", "award"])), opt(one_of(&["domestic", "foreign"]))),
        prop_oneof![
            Just(None),
            proptest::collection::vec(1u32..9, 1..3).prop_map(|r| Some(("rows", json!(r)))),
            (1u32..9).prop_map(|n| Some(("per_row", json!(n)))),
        ],
        proptest::option::of(id_list(ids.clone())),
        opt(one_of(&["podium", "hall"])),
    )
        .prop_map(|(name, (kind, style), shape, people, section)| {
            let mut l = Map::new();
            l.insert("name".into(), json!(name));
            put(&mut l, "kind", kind);
            put(&mut l, "style", style);
            if let Some((k, v)) = shape {
                l.insert(k.into(), v);
            }
            put(&mut l, "people", people.map(|p| json!(p)));
            put(&mut l, "section", section);
            Value::Object(l)
        });
    let pool = if ids.is_empty() { vec!["nobody".to_string()] } else { ids.clone() };
    let car = (
        opt(text()),
        kind_seats(),
        proptest::option::of(proptest::sample::select(pool)),
        id_list(ids.clone()),
    )
        .prop_map(|(name, (kind, seats), driver, people)| {
            let mut c = Map::new();
            put(&mut c, "name", name);
            put(&mut c, "kind", kind);
            put(&mut c, "seats", seats);
            put(&mut c, "driver", driver.map(Value::from));
            c.insert("people".into(), json!(people));
            Value::Object(c)
        });
    let vehicles = (
        proptest::collection::vec(car, 0..3),
        opt(one_of(&["last", "before-rear-middle"])),
        proptest::option::of(id_list(ids.clone())),
        opt(one_of(&["podium", "hall"])),
    )
        .prop_map(|(cars, fp, people, section)| {
            let mut v = Map::new();
            v.insert("cars".into(), json!(cars));
            put(&mut v, "front_passenger", fp);
            put(&mut v, "people", people.map(|p| json!(p)));
            put(&mut v, "section", section);
            Value::Object(v)
        });
    let room = (text(), opt(text()), opt(1u32..20)).prop_map(|(name, place, capacity)| {
        let mut r = Map::new();
        r.insert("name".into(), json!(name));
        put(&mut r, "place", place);
        put(&mut r, "capacity", capacity);
        Value::Object(r)
    });
    let occasion = (
        text(),
        opt(one_of(&["talks", "signing", "side-by-side"])),
        (opt(one_of(&["facing-door", "end-on"])), opt(one_of(&["right", "behind"]))),
        (id_list(ids.clone()), id_list(ids.clone()), opt(1u32..5)),
        (proptest::option::of(id_list(ids.clone())), opt(one_of(&["podium", "hall"]))),
    )
        .prop_map(
            |(name, kind, (table, interpreter), (interpreters, assistants, per_row), (people, section))| {
                let mut o = Map::new();
                o.insert("name".into(), json!(name));
                let signing = kind.as_ref().and_then(Value::as_str) == Some("signing");
                put(&mut o, "kind", kind);
                put(&mut o, "table", table);
                put(&mut o, "interpreter", interpreter);
                o.insert("interpreters".into(), json!(interpreters));
                if signing {
                    o.insert("assistants".into(), json!(assistants));
                }
                put(&mut o, "per_row", per_row);
                put(&mut o, "people", people.map(|p| json!(p)));
                put(&mut o, "section", section);
                Value::Object(o)
            },
        );
    let groups = (
        proptest::collection::vec(room, 1..4),
        opt(0u32..3),
        proptest::option::of(id_list(ids)),
        opt(one_of(&["podium", "hall"])),
    )
        .prop_map(|(rooms, slack, people, section)| {
            let mut g = Map::new();
            g.insert("rooms".into(), json!(rooms));
            put(&mut g, "slack", slack);
            put(&mut g, "people", people.map(|p| json!(p)));
            put(&mut g, "section", section);
            Value::Object(g)
        });
    (
        proptest::option::of(banquet),
        proptest::collection::vec(lineup, 0..3),
        proptest::option::of(vehicles),
        proptest::option::of(groups),
        proptest::collection::vec(occasion, 0..3),
    )
        .prop_map(|(b, l, v, g, o)| {
            let mut m = Map::new();
            put(&mut m, "banquet", b);
            if !l.is_empty() {
                m.insert("lineups".into(), json!(l));
            }
            put(&mut m, "vehicles", v);
            put(&mut m, "groups", g);
            if !o.is_empty() {
                m.insert("bilateral".into(), json!(o));
            }
            m
        })
        .boxed()
}

/// A scenario with any subset of the optional fields, arbitrary text everywhere text goes.
fn arb_scenario() -> BoxedStrategy<Value> {
    (0usize..10, 0usize..4)
        .prop_flat_map(|(n, units)| {
            let people: Vec<BoxedStrategy<Value>> = (0..n).map(|i| arb_person(i, units)).collect();
            (
                Just(units),
                people,
                proptest::collection::vec(text(), units),
                (proptest::option::of((text(), text(), text())),),
                (
                    opt(one_of(&["left", "right"])),
                    opt(one_of(&["pair", "first-on-honour-side", "axis"])),
                    opt(one_of(&["rows", "columns", "centre-out"])),
                    opt(one_of(&["sequential", "odd-even"])),
                    opt(one_of(&["left", "right"])),
                    opt(one_of(&["left-to-right", "centre-out"])),
                ),
                (
                    proptest::option::of(proptest::collection::vec(
                        proptest::sample::select(vec!["strokes", "pinyin", "seniority", "input"]),
                        0..5,
                    )),
                    opt(one_of(&["surname", "fullname"])),
                ),
                proptest::option::of((
                    proptest::collection::vec(1u32..12, 0..4),
                    proptest::option::of(any::<bool>()),
                )),
                proptest::option::of(arb_hall()),
            )
        })
        .prop_flat_map(|(units, people, unit_names, (meeting,), conv, ranking, podium, hall)| {
            let ids: Vec<String> = people.iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
            (
                Just((units, people, unit_names, meeting, conv, ranking, podium, hall)),
                proptest::collection::vec(arb_instruction(ids.clone()), 0..6),
                arb_extras(ids),
            )
        })
        .prop_map(
            |((units, people, unit_names, meeting, conv, ranking, podium, hall), instructions, extras)| {
                let mut s = Map::new();
                s.insert("format".into(), json!("seating/1"));
                if let Some((title, date, place)) = meeting {
                    s.insert("meeting".into(), json!({"title": title, "date": date, "place": place}));
                }
                let mut c = Map::new();
                for (k, v) in ["honour", "even", "hall_method", "numbering", "odd_side", "column_blocks"]
                    .into_iter()
                    .zip([conv.0, conv.1, conv.2, conv.3, conv.4, conv.5])
                {
                    put(&mut c, k, v);
                }
                if !c.is_empty() {
                    s.insert("convention".into(), Value::Object(c));
                }
                let mut r = Map::new();
                put(&mut r, "tiebreak", ranking.0.map(|t| json!(t)));
                put(&mut r, "strokes_mode", ranking.1);
                if !r.is_empty() {
                    s.insert("ranking".into(), Value::Object(r));
                }
                let units: Vec<Value> =
                    (0..units).map(|u| json!({"id": format!("u{u}"), "name": unit_names[u]})).collect();
                s.insert("units".into(), json!(units));
                s.insert("people".into(), json!(people));
                if let Some((rows, shrink)) = podium {
                    let rows: Vec<u32> = rows.into_iter().collect();
                    let mut p = json!({"rows": rows});
                    if let Some(sh) = shrink {
                        p["shrink"] = json!(sh);
                    }
                    s.insert("podium".into(), p);
                }
                put(&mut s, "hall", hall);
                if !instructions.is_empty() {
                    s.insert("instructions".into(), json!(instructions));
                }
                s.extend(extras);
                Value::Object(s)
            },
        )
        .boxed()
}

/// Pieces of a pasted or exported table: cells, every delimiter, quotes, line ends, header
/// words, ranks, sections, roles.
fn table_text() -> BoxedStrategy<String> {
    let token = prop_oneof![
        4 => proptest::sample::select(vec![
            "\t", ",", ";", "，", "|", "\"", "\"\"", "\n", "\r\n", "\r", "姓名", "name", "職務", "單位", "排序",
            "rank", "id", "編號", "區域", "section", "身份", "role", "主席臺", "hall", "列席", "候補", "x", "1",
            "-3", "99999999999999999999", "王晨", " ", "\u{feff}", "u1", "p2",
        ])
        .prop_map(str::to_string),
        1 => proptest::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
    ];
    proptest::collection::vec(token, 0..60).prop_map(|t| t.concat()).boxed()
}

/// Every row error names a line inside the text and a column; mapping errors name no line.
fn check_import(text: &str) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    let t = match import::parse_table(text) {
        Ok(t) => t,
        Err(Error::Table { line, .. }) => {
            prop_assert!(line >= 1 && line <= lines, "parse error on line {} of {}", line, lines);
            return Ok(());
        }
        Err(e) => return Err(TestCaseError::fail(format!("parse_table: not a table error: {e}"))),
    };
    for (line, _) in &t.rows {
        prop_assert!(*line >= 1 && *line <= lines);
    }
    let fixed =
        vec![Field::Name, Field::Rank, Field::Section, Field::Role, Field::Id, Field::Unit, Field::Post];
    let guessed = t.header.as_deref().and_then(import::guess_columns);
    for columns in [Some(fixed), guessed].into_iter().flatten() {
        match import::roster(&t, &columns, &[]) {
            Ok(r) => {
                prop_assert_eq!(r.people.len(), t.rows.len());
                let mut s = Scenario::new();
                s.people = r.people;
                s.units = r.units;
                prop_assert!(s.validate().is_ok(), "imported roster invalid: {:?}", s.validate());
            }
            Err(Error::Table { line: 0, .. }) => {}
            Err(ref e @ Error::Table { line, ref column, .. }) => {
                prop_assert!(line <= lines && !column.is_empty(), "{}", e);
                prop_assert!(e.to_string().starts_with(&format!("line {line}, column ")), "{}", e);
            }
            Err(e) => return Err(TestCaseError::fail(format!("roster: not a table error: {e}"))),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(4000))]

    /// Save → reload gives back the same scenario, and saving again the same text.
    #[test]
    fn scenario_save_reload_is_lossless(v in arb_scenario()) {
        let s = Scenario::from_json(&v.to_string())
            .unwrap_or_else(|e| panic!("generated scenario invalid: {e}\n{v:#}"));
        let saved = s.to_json();
        let again = Scenario::from_json(&saved).expect("a saved scenario reloads");
        prop_assert_eq!(&again, &s);
        prop_assert_eq!(again.to_json(), saved);
        // The migration step accepts what this version saves, unchanged.
        let value: Value = serde_json::from_str(&s.to_json()).unwrap();
        prop_assert_eq!(seating_core::scenario::migrate(value.clone()).unwrap(), value);
    }
}

proptest! {
    #![proptest_config(cases(4000))]

    /// Arbitrary pasted tables never panic the import, and bad rows are named by line.
    #[test]
    fn roster_import_never_panics_and_names_the_line(text in table_text()) {
        check_import(&text)?;
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    /// The sign-in list (CSV) of any scenario imports back to the same names, posts and units
    /// (as printed: control characters and runs of spaces cleaned by `layout::clean`, formulas
    /// defused with `'`).
    #[test]
    fn sign_in_list_imports_back(v in arb_scenario()) {
        let s = Scenario::from_json(&v.to_string()).unwrap();
        let p = plan(&s);
        let rows = table::rows(&s, &p);
        let csv = table::csv(&s, &p);
        let t = import::parse_table(&csv).expect("our CSV parses");
        let columns = import::guess_columns(t.header.as_ref().expect("a header row")).expect("known columns");
        // A person whose name is empty once cleaned has an empty name cell: not importable.
        if rows.iter().any(|r| r.name.is_empty()) {
            prop_assert!(import::roster(&t, &columns, &[]).is_err());
            return Ok(());
        }
        let r = import::roster(&t, &columns, &[]).expect("our CSV imports");
        prop_assert_eq!(r.people.len(), rows.len());
        let defused = |x: &str| if x.starts_with(['=', '+', '-', '@']) { format!("'{x}") } else { x.to_string() };
        for (row, person) in rows.iter().zip(&r.people) {
            prop_assert_eq!(person.name.clone(), defused(&row.name));
            prop_assert_eq!(person.post.clone().unwrap_or_default(), defused(&row.post));
            let unit = person.unit.as_ref().map(|u| r.units.iter().find(|x| &x.id == u).unwrap().name.clone());
            prop_assert_eq!(unit.unwrap_or_default(), defused(&row.unit));
        }
    }
}
