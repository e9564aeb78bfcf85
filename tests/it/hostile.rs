//! The hostile and broken input catalogue (issue 7): every case gives a clear error naming
//! the line or field, or a correct result, and never a panic.
//!
//! Data-driven: `tests/fixtures/hostile/NAME.EXT` is the input and `NAME.expect` says what
//! must happen, one `key: value` per line (`#` starts a comment):
//! - `run: plan` runs the `seating` binary on the file; `exit:` is its status; each
//!   `stderr:` must appear in its message; with exit 0, each `code:` is a diagnostic code of
//!   the plan, `precedence:` the whole precedence, `seated:` / `unseated:` ids that must be.
//! - `run: import` reads the file as a roster (decode → table → people): `encoding:` is the
//!   sniffed encoding's label, `people:` how many were imported, `name:` a name that must
//!   come through literally, each `error:` a needle of the error message.
//!
//! Inputs too big to keep in the repository (50 MB, 100,000 people, deep nesting) are made
//! by the tests below, as is the SVG of hostile names.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use seating_core::export::cards::{self, CardOptions, CardScope};
use seating_core::export::{svg, table};
use seating_core::import::{self, Field};
use seating_core::{layout, plan, LayoutOptions, Scenario, View};
use serde_json::{json, Value};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn seating(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seating")).args(args).output().expect("seating runs")
}

/// Runs the binary and checks the two things every case must have: no panic, exit 0 or 1.
fn run_checked(args: &[&str], what: &str) -> (i32, String, String) {
    let o = seating(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{what}: panicked: {err}");
    let code = o.status.code().unwrap_or_else(|| panic!("{what}: killed by a signal (stack overflow?)"));
    assert!(code == 0 || code == 1, "{what}: exit {code}: {err}");
    (code, out, err)
}

/// Parses `NAME.expect` into key → values (in order).
fn expectations(path: &Path) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once(':').unwrap_or_else(|| panic!("{}: bad line {line:?}", path.display()));
        m.entry(k.trim().to_string()).or_default().push(v.trim().to_string());
    }
    m
}

fn one<'a>(e: &'a BTreeMap<String, Vec<String>>, k: &str) -> Option<&'a str> {
    e.get(k).and_then(|v| v.first()).map(String::as_str)
}

fn all<'a>(e: &'a BTreeMap<String, Vec<String>>, k: &str) -> impl Iterator<Item = &'a str> {
    e.get(k).into_iter().flatten().map(String::as_str)
}

/// What a caller of the core does with a roster file: decode, split, map, build people. No
/// header row means one column of names.
fn import_file(bytes: &[u8]) -> Result<import::Roster, String> {
    if let Some(e) = import::not_a_table(bytes, seating_core::Lang::EN) {
        return Err(e.to_string());
    }
    let text = import::decode(bytes).map_err(|e| e.to_string())?;
    let t = import::parse_table(&text).map_err(|e| e.to_string())?;
    let columns = t.header.as_deref().and_then(import::guess_columns).unwrap_or_else(|| vec![Field::Name]);
    import::roster(&t, &columns, &[]).map_err(|e| e.to_string())
}

fn check_plan_case(input: &Path, e: &BTreeMap<String, Vec<String>>, name: &str) {
    let (code, out, err) = run_checked(&["plan", input.to_str().unwrap()], name);
    let want: i32 = one(e, "exit").expect("exit:").parse().unwrap();
    assert_eq!(code, want, "{name}: exit {code}, stderr: {err}");
    for needle in all(e, "stderr") {
        assert!(err.contains(needle), "{name}: stderr should mention {needle:?}: {err}");
    }
    if code == 1 {
        assert!(out.is_empty(), "{name}: no plan on stdout for bad input");
        // The message names the file and a place in it (a line or a field).
        assert!(err.contains(input.file_name().unwrap().to_str().unwrap()), "{name}: {err}");
        // (A whole-file encoding problem names the encoding instead.)
        let placed = err.contains("line ") || err.contains('`') || err.contains("UTF-16");
        assert!(placed, "{name}: names no line or field: {err}");
        return;
    }
    let p: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: plan is not JSON: {e}"));
    let codes: HashSet<&str> =
        p["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    for c in all(e, "code") {
        assert!(codes.contains(c), "{name}: expected diagnostic {c}, got {codes:?}");
    }
    let ids = |v: &Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
    };
    if let Some(prec) = one(e, "precedence") {
        assert_eq!(ids(&p["precedence"]).join(" "), prec, "{name}: precedence");
    }
    let seated: HashSet<String> = p["seats"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["person"].as_str().map(str::to_string))
        .collect();
    for id in all(e, "seated").flat_map(str::split_whitespace) {
        assert!(seated.contains(id), "{name}: {id} should be seated");
    }
    let unseated = ids(&p["unseated"]);
    for id in all(e, "unseated").flat_map(str::split_whitespace) {
        assert!(unseated.iter().any(|u| u == id), "{name}: {id} should be unseated");
    }
}

fn check_import_case(input: &Path, e: &BTreeMap<String, Vec<String>>, name: &str) {
    let bytes = std::fs::read(input).unwrap();
    if let Some(enc) = one(e, "encoding") {
        let label = match import::sniff_encoding(&bytes) {
            import::Encoding::Gbk => "gbk",
            other => other.label(),
        };
        assert_eq!(label, enc, "{name}: sniffed encoding");
    }
    let result =
        std::panic::catch_unwind(|| import_file(&bytes)).unwrap_or_else(|_| panic!("{name}: panicked"));
    match result {
        Ok(r) => {
            assert!(
                e.get("error").is_none(),
                "{name}: expected an error, imported {} people",
                r.people.len()
            );
            if let Some(n) = one(e, "people") {
                assert_eq!(r.people.len(), n.parse::<usize>().unwrap(), "{name}: people");
            }
            for n in all(e, "name") {
                assert!(r.people.iter().any(|p| p.name == n), "{name}: name {n:?} not imported literally");
            }
            // What was imported is a valid scenario that plans.
            let mut s = Scenario::new();
            s.people = r.people;
            s.units = r.units;
            s.validate().unwrap_or_else(|e| panic!("{name}: imported roster invalid: {e}"));
            let _ = plan(&s);
        }
        Err(msg) => {
            assert!(e.get("error").is_some(), "{name}: unexpected error {msg}");
            for needle in all(e, "error") {
                assert!(msg.contains(needle), "{name}: error should mention {needle:?}: {msg}");
            }
        }
    }
}

#[test]
fn catalogue() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 60, "catalogue incomplete: {} cases", cases.len());
    for expect in cases {
        let stem = expect.file_stem().unwrap().to_str().unwrap().to_string();
        let inputs: Vec<PathBuf> = std::fs::read_dir(dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_stem().is_some_and(|s| s == stem.as_str())
                    && p.extension().is_some_and(|x| x != "expect")
            })
            .collect();
        assert_eq!(inputs.len(), 1, "{stem}: one input file beside {}", expect.display());
        let e = expectations(&expect);
        match one(&e, "run") {
            Some("plan") => check_plan_case(&inputs[0], &e, &stem),
            Some("import") => check_import_case(&inputs[0], &e, &stem),
            other => panic!("{stem}: unknown run {other:?}"),
        }
    }
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("seating-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

/// 100,000 levels of `[`: serde_json's recursion limit (128) turns it into an error naming
/// the line and column, in the library and in the binary, instead of a stack overflow.
#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    for (field, open, close) in [("people", "[", "]"), ("meeting", "{\"a\":", "}")] {
        let depth = 100_000;
        let text = format!(
            "{{\"format\": \"seating/1\", \"{field}\": {}1{}}}",
            open.repeat(depth),
            close.repeat(depth)
        );
        let e = Scenario::from_json(&text).unwrap_err().to_string();
        assert!(e.contains("line 1") && (e.contains("recursion limit") || e.contains(field)), "{e}");
        let path = tmp(&format!("deep-{field}.json"));
        std::fs::write(&path, &text).unwrap();
        let (code, _, err) = run_checked(&["plan", path.to_str().unwrap()], "deep nesting");
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("line 1"), "{err}");
        let _ = std::fs::remove_file(&path);
    }
    // Nesting is not needed anywhere in the format, so even modest depth is rejected by type.
    let e = Scenario::from_json(r#"{"format": "seating/1", "people": [[[]]]}"#).unwrap_err().to_string();
    assert!(e.contains("people[0]"), "{e}");
}

/// A 50 MB scenario: a roster of long posts parses and plans, and one of 300,000 people is
/// refused with the limit named, both through the binary.
#[test]
fn fifty_megabyte_json() {
    let post = "某某".repeat(2_000); // 12 kB of UTF-8 per person
    let people: Vec<Value> = (0..4_200)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("人{i}"), "post": post, "rank": i}))
        .collect();
    let text =
        json!({"format": "seating/1", "people": people, "hall": {"rows": 100, "seats": 50}}).to_string();
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let path = tmp("big.json");
    std::fs::write(&path, &text).unwrap();
    let t = Instant::now();
    let (code, out, err) = run_checked(&["plan", path.to_str().unwrap()], "50 MB");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"p4199\""));
    eprintln!("50 MB scenario planned by the binary in {:?}", t.elapsed());

    let over: Vec<Value> = (0..seating_core::scenario::MAX_PEOPLE + 1)
        .map(|i| json!({"id": format!("{i}"), "name": "甲"}))
        .collect();
    std::fs::write(&path, json!({"format": "seating/1", "people": over}).to_string()).unwrap();
    let (code, _, err) = run_checked(&["plan", path.to_str().unwrap()], "over the limit");
    assert_eq!(code, 1);
    assert!(err.contains("`people`") && err.contains("200000"), "{err}");
    let _ = std::fs::remove_file(&path);
}

fn crowd(n: usize) -> Value {
    let units: Vec<Value> =
        (0..50).map(|u| json!({"id": format!("u{u}"), "name": format!("代表團{u}")})).collect();
    let people: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("p{i}"), "name": format!("王{i}"), "rank": (i % 997) as i64,
                   "unit": format!("u{}", i % 50), "section": if i < 30 { "podium" } else { "hall" }})
        })
        .collect();
    json!({"format": "seating/1", "ranking": {"tiebreak": ["strokes", "input"]}, "units": units,
           "people": people, "podium": {"rows": [15, 15]}, "hall": {"rows": 400, "seats": 260, "aisles": [60, 200]}})
}

/// 100,000 people: parse, validate and plan (the whole CLI path) in a debug build; everyone
/// gets a seat, each seat once.
#[test]
fn hundred_thousand_people_plan() {
    let n = 100_000;
    let v = crowd(n);
    let path = tmp("crowd.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let t = Instant::now();
    let (code, out, err) = run_checked(&["plan", path.to_str().unwrap()], "100k people");
    let took = t.elapsed();
    assert_eq!(code, 0, "{err}");
    let p: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(p["precedence"].as_array().unwrap().len(), n);
    assert_eq!(p["seats"].as_array().unwrap().len(), n);
    assert_eq!(p["unseated"].as_array().unwrap().len(), 0);
    let seats: HashSet<&str> =
        p["seats"].as_array().unwrap().iter().map(|s| s["seat"].as_str().unwrap()).collect();
    assert_eq!(seats.len(), n);
    // Its speed is the criterion bench's (`plan/50000`); this only reports it.
    eprintln!("100,000 people planned by the binary in {took:?}");
    let _ = std::fs::remove_file(&path);
}

/// 100,000 people with a few instructions of every kind, planned in the library: the
/// rank-inversion check and `move` are linear per instruction, so this stays fast.
#[test]
fn hundred_thousand_people_with_instructions() {
    let mut v = crowd(100_000);
    v["instructions"] = json!([
        {"op": "move", "person": "p99999", "after": "p0"},
        {"op": "move", "person": "p5", "after": "p99998"},
        {"op": "pin", "person": "p50000", "seat": "H1-1"},
        {"op": "reserve", "seat": "H1-2"},
        {"op": "swap", "people": ["p1", "p70000"]},
        {"op": "exclude", "person": "p2"},
        {"op": "pin", "person": "p3", "seat": "H401-1"}
    ]);
    let s = Scenario::from_json(&v.to_string()).unwrap();
    let t = Instant::now();
    let p = plan(&s);
    assert_eq!(p.precedence.len(), 99_999);
    assert!(p.diagnostics.iter().any(|d| d.code == "unknown-seat"));
    assert!(p.diagnostics.iter().any(|d| d.code == "rank-inversion"));
    eprintln!("100,000 people with instructions planned in {:?}", t.elapsed());
}

/// Text that has broken renderers: markup, quotes, CDATA ends, comments, entities.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "O'Brien\"Bob\"&Co",
    "]]><!--x-->",
    "<img/src=x/onerror=alert(1)>",
    "javascript:alert(1)",
    "&amp;&#60;&lt;",
    "<a/href=\"http://evil.example/\">x</a>",
    "<svg/onload=alert(1)>",
];

fn hostile_scenario() -> Scenario {
    let people: Vec<Value> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, n)| {
            json!({"id": format!("p{i}"), "name": n, "post": HOSTILE[(i + 1) % HOSTILE.len()],
                   "rank": i, "unit": if i % 2 == 0 { "u" } else { "v" },
                   "section": if i < 3 { "podium" } else { "hall" }})
        })
        .collect();
    Scenario::from_json(
        &json!({
            "format": "seating/1",
            "meeting": {"title": "<script>alert('t')</script>&\"]]><!--", "date": "\"2026\"&<", "place": "<!-- -->'"},
            "units": [{"id": "u", "name": "<style>*{}</style>單位"}, {"id": "v", "name": "\"'&<>"}],
            "people": people,
            "podium": {"rows": [3]},
            "hall": {"rows": 2, "seats": 6},
            "instructions": [{"op": "pin", "person": "p3", "seat": "H1-1", "by": "<b>秘書長</b>", "note": "]]>"}]
        })
        .to_string(),
    )
    .unwrap()
}

/// Checks an exported SVG with a real XML parser: well-formed, no script or style injection,
/// no event attributes, no links or `javascript:`, no external references. Returns the text
/// of every `<text>` element and the `<title>`, in document order.
fn safe_svg_texts(doc: &str, what: &str) -> (Vec<String>, String) {
    let xml = roxmltree::Document::parse(doc).unwrap_or_else(|e| panic!("{what}: not well-formed: {e}"));
    assert!(!doc.to_ascii_lowercase().contains("<script"), "{what}: <script");
    let mut texts = Vec::new();
    let mut title = String::new();
    for n in xml.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        assert!(
            [
                "svg", "title", "defs", "style", "rect", "g", "text", "line", "path", "circle", "ellipse",
                "polygon", "polyline"
            ]
            .contains(&tag),
            "{what}: unexpected element <{tag}>"
        );
        for a in n.attributes() {
            let name = a.name().to_ascii_lowercase();
            let value = a.value().to_ascii_lowercase();
            assert!(!name.starts_with("on"), "{what}: event attribute {name}");
            assert!(!name.contains("href") && a.namespace().is_none(), "{what}: link attribute {name}");
            assert!(
                !value.contains("javascript:") && !value.contains("url(") && !value.contains("http"),
                "{what}: {name}={value:?}"
            );
        }
        // The `svg` crate puts a line break before and after each text element's content; our
        // text never contains one (the layout cleans control characters out).
        let text: String =
            n.children().filter_map(|c| c.text()).collect::<String>().trim_matches('\n').to_string();
        match tag {
            "text" => texts.push(text),
            "title" => title = text,
            "style" => assert!(
                !text.contains('<') && !text.contains("@import") && !text.contains("url("),
                "{what}: style {text:?}"
            ),
            _ => {}
        }
    }
    (texts, title)
}

/// Exported charts and name cards of a scenario full of markup: no active content, and every
/// name, post and the title come through literally (a name split over two lines is two
/// consecutive text elements).
#[test]
fn exported_svg_has_no_active_content_and_keeps_text_literally() {
    let s = hostile_scenario();
    let p = plan(&s);
    for view in [View::Audience, View::Podium] {
        let l = layout(&s, &p, &LayoutOptions { view, ..LayoutOptions::default() });
        let chart = svg::svg(&l);
        let (texts, title) = safe_svg_texts(&chart, "chart");
        assert_eq!(title, format!("{}座次圖", s.meeting.title), "title literally");
        // A name too long for its seat box is shortened with `…`, never altered otherwise.
        let joined = texts.concat();
        for n in HOSTILE {
            let shortened = texts.iter().any(|t| t.ends_with('…') && n.starts_with(t.trim_end_matches('…')));
            assert!(joined.contains(n) || shortened, "chart: {n:?} not shown literally in {texts:?}");
        }
        let pages = cards::cards(&l, &CardOptions { scope: CardScope::All, ..CardOptions::default() });
        assert_eq!(pages.len(), HOSTILE.len().div_ceil(2));
        let mut card_text = String::new();
        for (k, page) in pages.iter().enumerate() {
            let (texts, _) = safe_svg_texts(page, &format!("cards page {k}"));
            card_text.push_str(&texts.concat());
        }
        for n in HOSTILE {
            assert!(card_text.contains(n), "cards: {n:?} not shown literally in {card_text:?}");
        }
        let html = cards::html(&s.meeting.title, &pages, Default::default(), false);
        assert!(!html.to_ascii_lowercase().contains("<script"), "cards html: <script");
    }
    // The sign-in list keeps every name, quoted; formulas are defused.
    let csv = table::csv(&s, &p);
    let t = import::parse_table(&csv).unwrap();
    let names: Vec<&str> = t.rows.iter().map(|(_, r)| r[1].as_str()).collect();
    for n in HOSTILE {
        assert!(names.contains(n), "csv: {n:?} not kept: {names:?}");
    }
}

/// Inputs the fuzzers kept (`fuzz/` corpora, minimised with `cargo fuzz cmin`, a few small
/// files per target), replayed here with the fuzz targets' own checks so that `cargo test`
/// covers what fuzzing found without the fuzzing tool chain.
#[test]
fn fuzz_corpus_replays() {
    let files = |target: &str| -> Vec<(String, Vec<u8>)> {
        let d = dir().join("fuzz").join(target);
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("{}: {e}", d.display()))
            .map(|e| {
                let p = e.unwrap().path();
                (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
            })
            .collect();
        v.sort();
        assert!(!v.is_empty(), "no corpus for {target}");
        v
    };
    for (name, bytes) in files("scenario_json") {
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            let _ = seating_core::scenario::migrate(v);
        }
        match Scenario::from_json(text) {
            Ok(s) => {
                assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s, "{name}: save → reload");
                let p = plan(&s);
                let l = layout(&s, &p, &LayoutOptions::default());
                safe_svg_texts(&svg::svg(&l), &name);
            }
            Err(e) => assert!(!e.to_string().is_empty(), "{name}"),
        }
    }
    for (name, bytes) in files("roster_import") {
        let enc = import::sniff_encoding(&bytes);
        let _ = enc.label();
        let Ok(text) = import::decode(&bytes) else { continue };
        let Ok(t) = import::parse_table(&text) else { continue };
        let fixed =
            [Field::Name, Field::Post, Field::Unit, Field::Rank, Field::Section, Field::Role, Field::Id];
        if let Ok(r) = import::roster(&t, &fixed, &[]) {
            let mut s = Scenario::new();
            s.people = r.people;
            s.units = r.units;
            s.validate().unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

/// Control characters (NUL, ESC, BEL) in every free-text field, floors, line-ups and occasions
/// included, never reach an exported SVG: XML 1.0 cannot hold them, so one would make the
/// whole chart unreadable. (Found by the `export_svg` fuzz target: a NUL in a floor name.)
#[test]
fn control_characters_never_reach_the_svg() {
    let bad = "甲\u{0}\u{1b}[31m\u{7}\u{8}\u{b}\u{c}\u{fffe}\u{ffff}乙";
    let s = Scenario::from_json(
        &json!({
            "format": "seating/1",
            "meeting": {"title": bad, "date": bad, "place": bad},
            "units": [{"id": "u", "name": bad}],
            "people": [
                {"id": bad, "name": bad, "post": bad, "unit": "u", "rank": 1, "section": "podium"},
                {"id": "b", "name": bad, "post": bad, "unit": "u", "rank": 2},
                {"id": "c", "name": bad, "rank": 3, "side": "guest"}
            ],
            "podium": {"rows": [1]},
            "hall": {"rows": 2, "seats": 2, "floors": [{"name": bad, "rows": 1}, {"name": bad, "rows": 1}]},
            "instructions": [{"op": "reserve", "seat": "H2-2", "by": bad, "note": bad, "at": bad}],
            "banquet": {"tables": 2, "seats": 4, "hosts": [bad]},
            "lineups": [{"name": bad, "style": "foreign"}, {"name": bad}],
            "vehicles": {"cars": [{"name": bad, "driver": "b"}]},
            "groups": {"rooms": [{"name": bad, "place": bad}]},
            "bilateral": [{"name": bad}, {"name": bad, "kind": "signing", "assistants": ["b"]},
                {"name": bad, "kind": "side-by-side", "table": "end-on"}, {"name": bad, "table": "end-on"}]
        })
        .to_string(),
    )
    .unwrap();
    let p = plan(&s);
    use seating_core::layout::Part;
    for part in [
        Part::Venue,
        Part::Banquet,
        Part::Lineup(0),
        Part::Lineup(1),
        Part::Lineup(7),
        Part::Bilateral(0),
        Part::Bilateral(1),
        Part::Bilateral(2),
        Part::Bilateral(3),
        Part::Bilateral(7),
    ] {
        for view in [View::Audience, View::Podium] {
            let l = layout(&s, &p, &LayoutOptions { view, part, ..LayoutOptions::default() });
            let what = format!("{part:?} {view:?}");
            let chart = svg::svg(&l);
            let (texts, _) = safe_svg_texts(&chart, &what);
            assert!(texts.iter().any(|t| t.contains("甲 [31m 乙")), "{what}: cleaned text shown: {texts:?}");
            for page in cards::cards(&l, &CardOptions { scope: CardScope::All, ..CardOptions::default() }) {
                safe_svg_texts(&page, &format!("{what} cards"));
            }
        }
    }
}

/// A right-to-left override in a name would print it reversed (and reorder what follows):
/// printed text drops bidi controls, keeps zero-width joiners, and Arabic and Hebrew names
/// come through as typed. The scenario itself keeps the name exactly.
#[test]
fn bidi_overrides_are_not_printed() {
    let s = Scenario::from_json(
        &json!({
            "format": "seating/1",
            "people": [
                {"id": "a", "name": "\u{202e}晨王", "rank": 1, "section": "podium"},
                {"id": "b", "name": "محمد\u{2067}x\u{2069}", "rank": 2, "section": "podium"},
                {"id": "c", "name": "שלום", "rank": 3, "section": "podium"},
                {"id": "d", "name": "👨\u{200d}👩\u{200d}👧", "rank": 4, "section": "podium"}
            ],
            "podium": {"rows": [4]}
        })
        .to_string(),
    )
    .unwrap();
    let p = plan(&s);
    let l = layout(&s, &p, &LayoutOptions::default());
    let (texts, _) = safe_svg_texts(&svg::svg(&l), "chart");
    let all = texts.concat();
    assert!(
        !all.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
        "{texts:?}"
    );
    for n in ["晨王", "محمدx", "שלום", "👨\u{200d}👩\u{200d}👧"] {
        assert!(all.contains(n), "{n:?} not printed as typed: {texts:?}");
    }
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap().people[0].name, "\u{202e}晨王");
}
