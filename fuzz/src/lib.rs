//! Shared pieces of the fuzz targets: a structured scenario generator (`arbitrary` bytes →
//! a `seating/1` JSON value that is valid most of the time, so planning is reached) and the
//! checks every target runs on what the core returns.

use arbitrary::{Result, Unstructured};
use seating_core::{Plan, Scenario};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// Text fragments that have broken renderers and parsers elsewhere.
const FRAGMENTS: &[&str] = &[
    "王晨",
    "歐陽少東",
    "<script>alert(1)</script>",
    "\"",
    "'",
    "&",
    "&amp;",
    "]]>",
    "<!--",
    "-->",
    "<![CDATA[",
    "javascript:",
    " onload=",
    "\u{202e}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}",
    "\r\n",
    "\t",
    "𠀀",
    "𪚥",
    "👨‍👩‍👧",
    "محمد",
    "שלום",
    "刘",
    "劉",
    "·",
    "=HYPERLINK(\"x\")",
    "…",
    "\u{FFFF}",
    " ",
];

/// A short string: mostly fragments, sometimes arbitrary characters.
pub fn text(u: &mut Unstructured) -> Result<String> {
    let parts = u.int_in_range(0..=4)?;
    let mut s = String::new();
    for _ in 0..parts {
        if u.ratio(3, 4)? {
            s.push_str(u.choose(FRAGMENTS)?);
        } else {
            let c: char = u.arbitrary()?;
            s.push(c);
        }
    }
    Ok(s)
}

fn pick<'a>(u: &mut Unstructured, xs: &[&'a str]) -> Result<&'a str> {
    u.choose(xs).copied()
}

fn person_ref(u: &mut Unstructured, n: usize) -> Result<String> {
    // Mostly real ids, sometimes one that does not exist.
    let k = u.int_in_range(0..=n)?;
    Ok(if k == n { "nobody".to_string() } else { format!("p{k}") })
}

fn seat_ref(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=5)? {
        0 => format!("P{}-{}", u.int_in_range(0..=4u32)?, u.int_in_range(0..=14u32)?),
        1..=3 => format!("H{}-{}", u.int_in_range(0..=14u32)?, u.int_in_range(0..=24u32)?),
        4 => text(u)?,
        _ => format!("H{}-{}", u.arbitrary::<u32>()?, u.arbitrary::<u32>()?),
    })
}

fn people_list(u: &mut Unstructured, n: usize) -> Result<Vec<String>> {
    let k = u.int_in_range(0..=6)?;
    (0..k).map(|_| person_ref(u, n)).collect()
}

fn maybe<T>(u: &mut Unstructured, f: impl FnOnce(&mut Unstructured) -> Result<T>) -> Result<Option<T>> {
    if u.arbitrary()? {
        Ok(Some(f(u)?))
    } else {
        Ok(None)
    }
}

fn date(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(7, 8)? {
        format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(1950..=2030)?,
            u.int_in_range(1..=12)?,
            u.int_in_range(1..=28)?
        )
    } else {
        text(u)?
    })
}

/// A scenario of up to 48 people with every optional section, as JSON. Ids are `p0…`, units
/// `u0…`; instructions and sections refer to them (and sometimes to ids that do not exist).
pub fn scenario(u: &mut Unstructured) -> Result<Value> {
    let n = u.int_in_range(0..=48usize)?;
    let n_units = u.int_in_range(0..=5usize)?;
    let units: Vec<Value> =
        (0..n_units).map(|k| Ok(json!({"id": format!("u{k}"), "name": text(u)?}))).collect::<Result<_>>()?;
    let mut people = Vec::with_capacity(n);
    for i in 0..n {
        let mut p = Map::new();
        p.insert("id".into(), json!(format!("p{i}")));
        p.insert("name".into(), json!(text(u)?));
        if u.arbitrary()? {
            p.insert("post".into(), json!(text(u)?));
        }
        if n_units > 0 && u.ratio(3, 4)? {
            p.insert("unit".into(), json!(format!("u{}", u.int_in_range(0..=n_units - 1)?)));
        }
        if u.ratio(3, 4)? {
            let r: i64 = if u.ratio(1, 16)? { u.arbitrary()? } else { u.int_in_range(-2..=12)? };
            p.insert("rank".into(), json!(r));
        }
        p.insert("section".into(), json!(pick(u, &["podium", "hall", "hall"])?));
        if u.ratio(1, 4)? {
            p.insert("role".into(), json!(pick(u, &["member", "attendee", "alternate"])?));
        }
        if u.ratio(1, 4)? {
            p.insert("appointed".into(), json!(date(u)?));
        }
        if u.ratio(1, 4)? {
            p.insert("joined".into(), json!(date(u)?));
        }
        if u.ratio(1, 4)? {
            p.insert("side".into(), json!(pick(u, &["host", "guest"])?));
        }
        people.push(Value::Object(p));
    }
    let tiebreaks = ["strokes", "pinyin", "seniority", "input"];
    let nt = u.int_in_range(0..=4)?;
    let tiebreak: Vec<&str> = (0..nt).map(|_| pick(u, &tiebreaks)).collect::<Result<_>>()?;
    let mut s = json!({
        "format": "seating/1",
        "meeting": {
            "title": text(u)?, "date": text(u)?, "place": text(u)?,
            "script": pick(u, &["traditional", "simplified"])?,
            "language": pick(u, &["zh", "en"])?,
        },
        "convention": {
            "honour": pick(u, &["left", "right"])?,
            "even": pick(u, &["pair", "first-on-honour-side", "axis"])?,
            "hall_method": pick(u, &["rows", "columns", "centre-out"])?,
            "numbering": pick(u, &["sequential", "odd-even"])?,
            "odd_side": pick(u, &["left", "right"])?,
            "column_blocks": pick(u, &["left-to-right", "centre-out"])?,
        },
        "ranking": {"tiebreak": tiebreak, "strokes_mode": pick(u, &["surname", "fullname"])?},
        "units": units,
        "people": people,
    });
    if u.ratio(3, 4)? {
        let k = u.int_in_range(1..=4)?;
        let rows: Vec<u32> = (0..k).map(|_| u.int_in_range(1..=13u32)).collect::<Result<_>>()?;
        s["podium"] = json!({"rows": rows, "shrink": u.arbitrary::<bool>()?});
    }
    if u.ratio(3, 4)? {
        let rows = u.int_in_range(1..=14u32)?;
        let seats = u.int_in_range(1..=24u32)?;
        let mut h = json!({"rows": rows, "seats": seats});
        if seats > 1 && u.arbitrary()? {
            let k = u.int_in_range(1..=3)?;
            let aisles: Vec<u32> = (0..k).map(|_| u.int_in_range(1..=seats - 1)).collect::<Result<_>>()?;
            h["aisles"] = json!(aisles);
        }
        if u.arbitrary()? {
            let k = u.int_in_range(1..=4)?;
            h["blocked"] = json!((0..k).map(|_| seat_ref(u)).collect::<Result<Vec<_>>>()?);
        }
        if u.arbitrary()? {
            let rs: Vec<u32> = (0..rows).map(|_| u.int_in_range(1..=seats)).collect::<Result<_>>()?;
            h["row_seats"] = json!(rs);
            h["align"] = json!(pick(u, &["centre", "left", "right"])?);
        }
        if rows >= 2 && u.arbitrary()? {
            let first = u.int_in_range(1..=rows - 1)?;
            h["floors"] =
                json!([{"name": text(u)?, "rows": first}, {"name": text(u)?, "rows": rows - first}]);
        }
        h["roles"] = json!(pick(u, &["with-unit", "members-first"])?);
        s["hall"] = h;
    }
    let ni = u.int_in_range(0..=10)?;
    let mut instructions = Vec::with_capacity(ni);
    for _ in 0..ni {
        let mut ins = match u.int_in_range(0..=4)? {
            0 => json!({"op": "pin", "person": person_ref(u, n)?, "seat": seat_ref(u)?}),
            1 => json!({"op": "swap", "people": [person_ref(u, n)?, person_ref(u, n)?]}),
            2 => json!({"op": "move", "person": person_ref(u, n)?, "after": person_ref(u, n)?}),
            3 => json!({"op": "reserve", "seat": seat_ref(u)?}),
            _ => json!({"op": "exclude", "person": person_ref(u, n)?}),
        };
        if u.ratio(1, 3)? {
            ins["by"] = json!(text(u)?);
            ins["note"] = json!(text(u)?);
            ins["at"] = json!(text(u)?);
        }
        instructions.push(ins);
    }
    s["instructions"] = json!(instructions);
    if u.ratio(1, 4)? {
        let tables = u.int_in_range(1..=9u32)?;
        let mut b = json!({
            "tables": tables,
            "seats": u.int_in_range(1..=14u32)?,
            "order": pick(u, &["right-superior", "left-superior"])?,
            "layout": pick(u, &["two-host", "single-centre"])?,
            "by": pick(u, &["unit", "precedence"])?,
            "hosts": people_list(u, n)?,
        });
        if u.arbitrary()? {
            b["main_seats"] = json!(u.int_in_range(1..=20u32)?);
        }
        if u.arbitrary()? {
            b["per_row"] = json!(u.int_in_range(1..=4u32)?);
        }
        if let Some(p) = maybe(u, |u| people_list(u, n))? {
            b["people"] = json!(p);
        }
        if u.arbitrary()? {
            b["honour"] = json!(pick(u, &["left", "right"])?);
        }
        s["banquet"] = b;
    }
    if u.ratio(1, 4)? {
        let k = u.int_in_range(1..=2)?;
        let mut lineups = Vec::new();
        for _ in 0..k {
            let mut l = json!({
                "name": text(u)?,
                "kind": pick(u, &["photo", "award"])?,
                "style": pick(u, &["domestic", "foreign"])?,
            });
            if u.arbitrary()? {
                let r = u.int_in_range(1..=3)?;
                l["rows"] = json!((0..r).map(|_| u.int_in_range(1..=9u32)).collect::<Result<Vec<_>>>()?);
            } else if u.arbitrary()? {
                l["per_row"] = json!(u.int_in_range(1..=9u32)?);
            }
            if let Some(p) = maybe(u, |u| people_list(u, n))? {
                l["people"] = json!(p);
            }
            if u.arbitrary()? {
                l["section"] = json!(pick(u, &["podium", "hall"])?);
            }
            lineups.push(l);
        }
        s["lineups"] = json!(lineups);
    }
    if u.ratio(1, 4)? {
        let k = u.int_in_range(0..=3)?;
        let mut cars = Vec::new();
        for _ in 0..k {
            let mut c = json!({"kind": pick(u, &["sedan", "suv", "bus"])?});
            if u.arbitrary()? {
                c["seats"] = json!(u.int_in_range(1..=12u32)?);
            }
            if u.arbitrary()? {
                c["driver"] = json!(person_ref(u, n)?);
            }
            if u.arbitrary()? {
                c["name"] = json!(text(u)?);
            }
            cars.push(c);
        }
        s["vehicles"] = json!({"cars": cars, "front_passenger": pick(u, &["last", "before-rear-middle"])?});
    }
    if u.ratio(1, 4)? {
        let k = u.int_in_range(1..=3)?;
        let mut rooms = Vec::new();
        for _ in 0..k {
            let mut r = json!({"name": text(u)?});
            if u.arbitrary()? {
                r["capacity"] = json!(u.int_in_range(1..=20u32)?);
            }
            if u.arbitrary()? {
                r["place"] = json!(text(u)?);
            }
            rooms.push(r);
        }
        let mut g = json!({"rooms": rooms});
        if u.arbitrary()? {
            g["slack"] = json!(u.int_in_range(0..=3u32)?);
        }
        s["groups"] = g;
    }
    if u.ratio(1, 4)? {
        let k = u.int_in_range(1..=2)?;
        let mut occasions = Vec::new();
        for _ in 0..k {
            let kind = pick(u, &["talks", "signing", "side-by-side"])?;
            let mut o = json!({
                "name": text(u)?,
                "kind": kind,
                "table": pick(u, &["facing-door", "end-on"])?,
                "interpreter": pick(u, &["right", "behind"])?,
            });
            if let Some(p) = maybe(u, |u| people_list(u, n))? {
                o["interpreters"] = json!(p);
            }
            if kind == "signing" {
                if let Some(p) = maybe(u, |u| people_list(u, n))? {
                    o["assistants"] = json!(p);
                }
                if u.arbitrary()? {
                    o["per_row"] = json!(u.int_in_range(1..=4u32)?);
                }
            }
            if let Some(p) = maybe(u, |u| people_list(u, n))? {
                o["people"] = json!(p);
            }
            if u.arbitrary()? {
                o["section"] = json!(pick(u, &["podium", "hall"])?);
            }
            occasions.push(o);
        }
        s["bilateral"] = json!(occasions);
    }
    Ok(s)
}

/// The plan invariants every plan keeps: each seat and each person at most once, a reason
/// for every occupied seat, precedence = seated + unseated, and planning is deterministic.
pub fn check_plan(s: &Scenario, p: &Plan) {
    let mut seats = HashSet::new();
    let mut seated = HashSet::new();
    for a in &p.seats {
        assert!(seats.insert(a.seat.as_str()), "seat {} twice", a.seat);
        match &a.person {
            Some(id) => {
                assert!(seated.insert(id.as_str()), "person {id} seated twice");
                assert!(!a.reason.is_empty(), "seat {} has no reason", a.seat);
            }
            None => assert!(a.reserved, "empty seat {} listed but not reserved", a.seat),
        }
    }
    let prec: HashSet<&str> = p.precedence.iter().map(String::as_str).collect();
    assert_eq!(prec.len(), p.precedence.len(), "precedence repeats someone");
    for id in &p.unseated {
        assert!(!seated.contains(id.as_str()), "{id} seated and unseated");
        assert!(prec.contains(id.as_str()), "unseated {id} not in precedence");
    }
    for id in &seated {
        assert!(prec.contains(id), "seated {id} not in precedence");
    }
    assert_eq!(seated.len() + p.unseated.len(), p.precedence.len());
    let ids: HashSet<&str> = s.people.iter().map(|p| p.id.as_str()).collect();
    assert!(p.precedence.iter().all(|id| ids.contains(id.as_str())));
    for b in &p.bilateral {
        let mut people = HashSet::new();
        for pl in &b.places {
            assert!(people.insert(pl.person.as_str()), "{} twice at {}", pl.person, b.name);
            assert!(prec.contains(pl.person.as_str()), "{} at {} but not present", pl.person, b.name);
            assert!((1..=b.length).contains(&pl.position), "{} outside the line", pl.person);
        }
    }
}

/// Checks an exported SVG document: well-formed XML, only the elements our exporters write,
/// no event attributes, no links, no `javascript:`, no external references.
pub fn check_svg(doc: &str) {
    let xml =
        roxmltree::Document::parse(doc).unwrap_or_else(|e| panic!("exported SVG is not well-formed: {e}"));
    for node in xml.descendants() {
        if node.is_element() {
            let name = node.tag_name().name();
            assert!(
                [
                    "svg", "title", "defs", "style", "rect", "g", "text", "line", "path", "circle",
                    "ellipse", "polygon", "polyline", "tspan"
                ]
                .contains(&name),
                "unexpected element <{name}>"
            );
            for a in node.attributes() {
                let an = a.name().to_ascii_lowercase();
                assert!(!an.starts_with("on"), "event attribute {an}");
                assert!(!an.contains("href"), "link attribute {an}");
                let v = a.value().to_ascii_lowercase();
                assert!(!v.contains("javascript:") && !v.contains("url("), "active attribute value {v:?}");
            }
        }
        if node.is_text() {
            let t = node.text().unwrap_or("");
            assert!(!t.chars().any(|c| c.is_control() && c != '\n'), "control character in text {t:?}");
        }
    }
    assert!(!doc.to_ascii_lowercase().contains("<script"), "script element");
}
