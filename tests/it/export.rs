//! Approval exports: golden SVG charts and cards, rasterised charts, CSV/XLSX lists,
//! escaping of untrusted text, diffs and keep mode, and the export subcommands.
//!
//! Golden files live in `tests/golden/`; regenerate them with `UPDATE_GOLDEN=1 cargo test
//! --test it export` and review the diff (and the pictures) before committing.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use seating_core::diff::{diff, keep, ChangeKind};
use seating_core::export::cards::{self, CardOptions};
use seating_core::export::{svg, table, Orientation, PageOptions, Paper};
use seating_core::layout::Part;
use seating_core::{layout, plan, LayoutOptions, Scenario, View};
use serde_json::json;

use crate::support::scenario;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> Scenario {
    let text = std::fs::read_to_string(root().join("examples").join(format!("{name}.json"))).unwrap();
    Scenario::from_json(&text).unwrap()
}

fn example_names() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Compares `actual` with `tests/golden/<name>`, or rewrites it under `UPDATE_GOLDEN=1`.
fn check_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    // The footer's content hash changes with any plan wording (reasons); the drawing is what
    // the golden files pin, so the hash is masked here (`content_hash_follows_the_plan`).
    let (expected, actual) = (mask_hash(&expected), mask_hash(actual));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {} (UPDATE_GOLDEN=1 to accept):\n- {}\n+ {}",
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            actual.lines().nth(line).unwrap_or("")
        );
    }
}

fn mask_hash(svg: &str) -> String {
    match svg.find("校驗碼 ") {
        Some(i) => {
            let start = i + "校驗碼 ".len();
            let end = start + svg[start..].find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(0);
            format!("{}…{}", &svg[..start], &svg[end..])
        }
        None => svg.to_string(),
    }
}

#[test]
fn content_hash_follows_the_plan() {
    let s = example("standing-committee");
    let p = plan(&s);
    let h = seating_core::layout::content_hash(&s, &p);
    assert_eq!(h.len(), 16);
    assert_eq!(h, seating_core::layout::content_hash(&s, &p), "deterministic");
    let mut p2 = p.clone();
    p2.seats[0].reason.push('.');
    assert_ne!(h, seating_core::layout::content_hash(&s, &p2));
    let mut s2 = s.clone();
    s2.meeting.date.push('!');
    assert_ne!(h, seating_core::layout::content_hash(&s2, &p));
    let l = layout(&s, &p, &LayoutOptions::default());
    assert!(svg::svg(&l).contains(&format!("校驗碼 {}", &h[..12])));
    // A caller that only draws can leave the hash out and compute it when it exports: the
    // layout is otherwise the same.
    let mut bare = layout(&s, &p, &LayoutOptions { no_hash: true, ..LayoutOptions::default() });
    assert_eq!(bare.hash, "");
    bare.hash = seating_core::layout::content_hash(&s, &p);
    assert_eq!(svg::svg(&bare), svg::svg(&l));
}

#[test]
fn golden_charts_and_cards_for_every_example() {
    for name in example_names() {
        let s = example(&name);
        let p = plan(&s);
        let l = layout(&s, &p, &LayoutOptions::default());
        check_golden(&format!("{name}.svg"), &svg::svg(&l));
        let first = cards::cards(&l, &CardOptions::default()).into_iter().next().expect("someone is seated");
        check_golden(&format!("{name}.cards-1.svg"), &first);
        // The other parts: the banquet, every line-up and every host–guest occasion, each its
        // own chart.
        let mut parts = Vec::new();
        if p.banquet.is_some() {
            parts.push((Part::Banquet, "banquet".to_string()));
        }
        parts.extend((0..p.lineups.len()).map(|k| (Part::Lineup(k), format!("lineup-{}", k + 1))));
        parts.extend((0..p.bilateral.len()).map(|k| (Part::Bilateral(k), format!("bilateral-{}", k + 1))));
        for (part, suffix) in parts {
            let l = layout(&s, &p, &LayoutOptions { part, ..LayoutOptions::default() });
            assert!(!l.places.is_empty(), "{name} {suffix}: nothing drawn");
            check_golden(&format!("{name}.{suffix}.svg"), &svg::svg(&l));
        }
    }
    let s = example("district-plenary");
    let l = layout(&s, &plan(&s), &LayoutOptions { view: View::Podium, ..LayoutOptions::default() });
    let page = PageOptions { paper: Paper::A3, ..PageOptions::default() };
    check_golden("district-plenary.podium-view.a3.svg", &svg::chart(&l, &page));
}

/// Every coordinate in the SVG has at most one decimal (the transform's scale aside).
#[test]
fn coordinates_have_fixed_precision() {
    let s = example("district-plenary");
    let out = svg::svg(&layout(&s, &plan(&s), &LayoutOptions::default()));
    for attr in [" x=\"", " y=\"", " width=\"", " height=\"", " font-size=\""] {
        for part in out.split(attr).skip(1) {
            let v = &part[..part.find('"').unwrap()];
            let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 1, "{attr}{v}");
        }
    }
}

fn fontdb_options() -> resvg::usvg::Options<'static> {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    opt
}

fn render(svg_text: &str, opt: &resvg::usvg::Options, zoom: f32) -> resvg::tiny_skia::Pixmap {
    let tree = resvg::usvg::Tree::from_str(svg_text, opt).expect("the SVG parses");
    let size = tree.size().to_int_size().scale_by(zoom).unwrap();
    let mut pm = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(zoom, zoom), &mut pm.as_mut());
    pm
}

/// Dark pixels (text is black; boxes are light or mid-grey) inside a page rectangle in mm;
/// `z` is pixels per mm.
fn dark_pixels(pm: &resvg::tiny_skia::Pixmap, z: f64, x: f64, y: f64, w: f64, h: f64) -> usize {
    let (x0, y0) = ((x * z) as u32, (y * z) as u32);
    let (x1, y1) = (((x + w) * z) as u32, ((y + h) * z) as u32);
    let mut n = 0;
    for py in y0..y1.min(pm.height()) {
        for px in x0..x1.min(pm.width()) {
            let c = pm.pixel(px, py).unwrap();
            if c.alpha() > 0 && (c.red() as u32 + c.green() as u32 + c.blue() as u32) < 3 * 70 {
                n += 1;
            }
        }
    }
    n
}

/// The chart rasterises to something that is not blank, and every occupied seat box has text
/// in it (dark pixels inside the box, none when the text is taken out).
#[test]
fn chart_rasterises_with_text_in_the_seats() {
    let opt = fontdb_options();
    let zoom = 4.0;
    for name in example_names() {
        let s = example(&name);
        let l = layout(&s, &plan(&s), &LayoutOptions::default());
        let page = PageOptions::default();
        let out = svg::chart(&l, &page);
        let pm = render(&out, &opt, zoom);
        let total = pm.pixels().iter().filter(|c| c.red() < 250 || c.green() < 250 || c.blue() < 250).count();
        assert!(total > pm.pixels().len() / 50, "{name}: the chart is (nearly) blank");
        // Without text the seat boxes have no dark pixels; with text every occupied box has.
        let textless = regex_free_strip_text(&out);
        let bare = render(&textless, &opt, zoom);
        let at = svg::placement(&l, &page);
        let z = pm.width() as f64 / at.page_w;
        let mut checked = 0;
        for b in l.seats.iter().filter(|b| b.person.is_some()) {
            let r = b.rect;
            let inset = 0.15 * r.w.min(r.h);
            let (x, y) = (at.dx + (r.x + inset) * at.scale, at.dy + (r.y + inset) * at.scale);
            let (w, h) = ((r.w - 2.0 * inset) * at.scale, (r.h - 2.0 * inset) * at.scale);
            let with = dark_pixels(&pm, z, x, y, w, h);
            let without = dark_pixels(&bare, z, x, y, w, h);
            let who = &b.person.as_ref().unwrap().name;
            assert!(
                with > 3 && without == 0,
                "{name}: no text drawn for {who} in {} ({with} vs {without})",
                b.seat
            );
            checked += 1;
        }
        assert!(checked > 0, "{name}: no occupied seats checked");
    }
}

/// Removes every `<text …>…</text>` element (our SVG never nests them).
fn regex_free_strip_text(svg_text: &str) -> String {
    let mut out = String::with_capacity(svg_text.len());
    let mut rest = svg_text;
    while let Some(i) = rest.find("<text") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</text>").expect("closed") + i + "</text>".len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn hostile() -> Scenario {
    scenario(json!({
        "format": "seating/1",
        "meeting": {"title": "<b>會議</b> & \"引號\" ]]> <!--", "date": "2026-12-01\u{0007}", "place": "<img src=x onerror=alert(1)>"},
        "units": [{"id": "u", "name": "<svg onload=alert(1)>單位"}],
        "people": [
            {"id": "a", "name": "<script>alert(1)</script>", "post": "A & B", "rank": 1, "section": "podium"},
            {"id": "b\"x", "name": "O'Brien \"Bob\" & Co", "post": "</text><script>x</script>", "rank": 2, "section": "podium"},
            {"id": "c", "name": "=HYPERLINK(\"http://x\")", "post": "+cmd, -x", "unit": "u", "rank": 3},
            {"id": "d", "name": "王\u{0000}五\u{001b}", "unit": "u", "rank": 4}
        ],
        "podium": {"rows": [3]},
        "hall": {"rows": 1, "seats": 4}
    }))
}

/// Names, posts, units and titles show literally and never become markup; no script, no
/// event handlers, no external references; the SVG stays well-formed.
#[test]
fn untrusted_text_is_escaped_everywhere() {
    let s = hostile();
    let p = plan(&s);
    let l = layout(&s, &p, &LayoutOptions::default());
    let chart = svg::svg(&l);
    let pages = cards::cards(&l, &CardOptions { scope: cards::CardScope::All, ..CardOptions::default() });
    let html = cards::html(&s.meeting.title, &pages, Paper::A4, false);
    let opt = fontdb_options();
    for (what, doc) in std::iter::once(("chart", &chart)).chain(pages.iter().map(|p| ("cards", p))) {
        // Every `<` is our own markup (text is escaped), so the element names tell all.
        for tag in doc.split('<').skip(1) {
            let name: String =
                tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '?').collect();
            let name = name.trim_matches('/');
            assert!(
                ["svg", "title", "defs", "style", "rect", "g", "text", "line", "path"].contains(&name),
                "{what}: unexpected element <{name}"
            );
            let head = &tag[..tag.find('>').unwrap_or(tag.len())];
            for attr in head.split("=\"").map(|a| a.rsplit([' ', '"']).next().unwrap_or("")) {
                assert!(!attr.starts_with("on") && !attr.contains("href"), "{what}: attribute {attr}");
            }
        }
        assert!(!doc.to_lowercase().contains("url("), "{what}: external reference");
        assert!(
            !doc.contains('\u{0}') && !doc.contains('\u{1b}') && !doc.contains('\u{7}'),
            "{what}: control chars"
        );
        resvg::usvg::Tree::from_str(doc, &opt).unwrap_or_else(|e| panic!("{what}: not well-formed: {e}"));
    }
    assert!(chart.contains("&lt;script&gt;"), "name shown literally");
    assert!(chart.contains("&lt;b&gt;會議&lt;/b&gt; &amp; \"引號\" ]]&gt; &lt;!--"), "title shown literally");
    assert!(chart.contains("A &amp; B"));
    assert!(html.contains("&lt;script&gt;") && !html.to_lowercase().contains("<script"));
    // The CSV keeps the text, quoted, and defuses formulas.
    let csv = table::csv(&s, &p);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains("\"'+cmd, -x\""), "{csv}");
    assert!(csv.contains("王 五"), "control characters become spaces: {csv}");
}

/// A tiny CSV reader for the round trip (quotes, doubled quotes, CRLF).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_a_bom_and_round_trips() {
    for name in example_names() {
        let s = example(&name);
        let p = plan(&s);
        let csv = table::csv(&s, &p);
        assert!(csv.as_bytes().starts_with(b"\xEF\xBB\xBF"), "{name}: no BOM");
        let rows = read_csv(&csv[3..]);
        assert_eq!(rows[0], table::HEADER.map(String::from).to_vec());
        let expected = table::rows(&s, &p);
        assert_eq!(rows.len() - 1, expected.len());
        assert_eq!(expected.len(), p.precedence.len(), "{name}: everyone present is listed");
        for (got, want) in rows[1..].iter().zip(&expected) {
            assert_eq!(
                got,
                &vec![
                    want.no.to_string(),
                    want.name.clone(),
                    want.post.clone(),
                    want.unit.clone(),
                    want.label.clone(),
                    String::new()
                ]
            );
        }
    }
    // Podium first, then units in unit order.
    let s = example("district-plenary");
    let rows = table::rows(&s, &plan(&s));
    assert!(rows[0].label.starts_with("主席臺"));
    let first_hall = rows.iter().position(|r| !r.label.starts_with("主席臺")).unwrap();
    assert_eq!(rows[first_hall].unit, "區委辦公室");
}

#[test]
fn xlsx_reads_back_with_calamine() {
    use calamine::{Reader, Xlsx};
    let s = example("district-plenary");
    let p = plan(&s);
    let bytes = table::xlsx(&s, &p);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["簽到表".to_string(), "座位表".to_string()]);
    let sheet = wb.worksheet_range("簽到表").unwrap();
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).map(|v| v.to_string()).unwrap_or_default();
    assert_eq!(cell(0, 0), "全區經濟工作會議簽到表");
    let header: Vec<String> = (0..6).map(|c| cell(2, c)).collect();
    assert_eq!(header, table::HEADER.map(String::from).to_vec());
    let rows = table::rows(&s, &p);
    for (i, r) in rows.iter().enumerate() {
        let at = 3 + i as u32;
        assert_eq!(cell(at, 0), r.no.to_string());
        assert_eq!((cell(at, 1), cell(at, 4)), (r.name.clone(), r.label.clone()));
    }
    let seats = wb.worksheet_range("座位表").unwrap();
    assert_eq!(seats.height(), 1 + p.seats.iter().filter(|a| a.person.is_some()).count());
}

/// Names that XML, OOXML's `_xHHHH_` escapes or whitespace handling could change, a person
/// without a post and one without a seat.
fn awkward_list() -> Scenario {
    scenario(json!({
        "format": "seating/1",
        "meeting": {"title": "<會議> & \"引號\"", "date": "", "place": "  大禮堂 "},
        "units": [{"id": "u", "name": "A&B <單位>"}],
        "people": [
            {"id": "a", "name": "<&\">", "post": "主任 & 書記", "unit": "u", "rank": 1, "section": "podium"},
            {"id": "b", "name": "   前導空格", "post": "尾隨 ", "unit": "u", "rank": 2},
            {"id": "c", "name": "_x0041_", "unit": "u", "rank": 3},
            {"id": "d", "name": "歐陽　娜娜", "post": "'=1+1", "rank": 4},
            {"id": "e", "name": "Ünïcödé 𠀋", "rank": 5},
            {"id": "f", "name": "無座", "rank": 6}
        ],
        "podium": {"rows": [1]},
        "hall": {"rows": 1, "seats": 4}
    }))
}

/// Every cell of both sheets, as text (numbers as calamine prints them); asserts that the
/// 序號 cells are numbers.
fn xlsx_grid(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "{sheet}");
    let (rows, cols) = range.get_size();
    (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| {
                    let v = range.get((r, c)).cloned().unwrap_or(Data::Empty);
                    if sheet == "簽到表" && r >= 3 && c == 0 {
                        assert!(matches!(v, Data::Float(_)), "{sheet} A{}: {v:?} is not a number", r + 1);
                    }
                    v.to_string()
                })
                .collect()
        })
        .collect()
}

/// What the two sheets must hold, from [`table::rows`].
fn expected_grids(s: &Scenario, p: &seating_core::Plan) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let rows = table::rows(s, p);
    let blank = || vec![String::new(); 5];
    let clean = seating_core::layout::clean;
    let sub: Vec<String> =
        [clean(&s.meeting.date), clean(&s.meeting.place)].into_iter().filter(|t| !t.is_empty()).collect();
    let mut sign = vec![
        [vec![format!("{}簽到表", clean(&s.meeting.title))], blank()].concat(),
        [vec![sub.join("　")], blank()].concat(),
        table::HEADER.map(String::from).to_vec(),
    ];
    for r in &rows {
        sign.push(vec![
            r.no.to_string(),
            r.name.clone(),
            r.post.clone(),
            r.unit.clone(),
            r.label.clone(),
            String::new(),
        ]);
    }
    let mut seated: Vec<(seating_core::SeatId, &table::Row)> =
        rows.iter().filter_map(|r| r.seat.parse().ok().map(|id| (id, r))).collect();
    seated.sort_by_key(|(id, _)| *id);
    let mut seats = vec![["座位", "座位編號", "姓名", "職務", "單位", "說明"].map(String::from).to_vec()];
    for (_, r) in seated {
        seats.push(vec![
            r.label.clone(),
            r.seat.clone(),
            r.name.clone(),
            r.post.clone(),
            r.unit.clone(),
            r.reason.clone(),
        ]);
    }
    (sign, seats)
}

/// Every cell of both sheets reads back as written — markup characters, blanks at the ends,
/// CJK outside the BMP, `_x0041_` literally — for awkward names, every example and an empty
/// scenario; the title rows are merged across the six columns.
#[test]
fn xlsx_every_cell_reads_back() {
    use calamine::{Dimensions, Reader, Xlsx};
    let mut cases: Vec<(String, Scenario)> = vec![
        ("awkward".into(), awkward_list()),
        ("hostile".into(), hostile()),
        ("empty".into(), scenario(json!({"format": "seating/1"}))),
    ];
    cases.extend(example_names().into_iter().map(|n| (n.clone(), example(&n))));
    for (name, s) in &cases {
        let p = plan(s);
        let bytes = table::xlsx(s, &p);
        let (sign, seats) = expected_grids(s, &p);
        assert_eq!(xlsx_grid(&bytes, "簽到表"), sign, "{name}: 簽到表");
        assert_eq!(xlsx_grid(&bytes, "座位表"), seats, "{name}: 座位表");
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let merged = wb.merge_cells_by_sheet_name("簽到表").unwrap();
        let row = |r| Dimensions { start: (r, 0), end: (r, 5) };
        assert_eq!(merged, vec![row(0), row(1)], "{name}");
        assert!(wb.merge_cells_by_sheet_name("座位表").unwrap().is_empty());
    }
    let awkward = &cases[0].1;
    let names: Vec<String> = xlsx_grid(&table::xlsx(awkward, &plan(awkward)), "簽到表")[3..]
        .iter()
        .map(|r| r[1].clone())
        .collect();
    for n in ["<&\">", "前導空格", "_x0041_", "Ünïcödé 𠀋", "無座"] {
        assert!(names.iter().any(|x| x == n), "{n:?} not in {names:?}");
    }
    assert_eq!(xlsx_grid(&table::xlsx(&cases[2].1, &plan(&cases[2].1)), "簽到表")[0][0], "簽到表");
}

/// The same input gives the same bytes (no timestamps anywhere).
#[test]
fn xlsx_is_deterministic() {
    for s in [example("district-plenary"), awkward_list()] {
        let p = plan(&s);
        assert_eq!(table::xlsx(&s, &p), table::xlsx(&s, &p));
        assert_eq!(table::xlsx(&s, &p), table::xlsx(&s.clone(), &plan(&s)));
    }
}

/// CRC-32 (IEEE) bit by bit, independent of the writer's table.
fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
        }
    }
    !c
}

/// Reads a ZIP archive strictly as the writer promises it: an end record with no comment,
/// a central directory right before it, and back-to-back STORED entries from offset 0, each
/// with matching local and central headers, the right CRC, no flags or extra fields and the
/// 1980-01-01 timestamp. Returns (name, data) in order.
fn unzip_strict(z: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |at: usize| u16::from_le_bytes([z[at], z[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(z[at..at + 4].try_into().unwrap());
    let end = z.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4B50, "end record");
    assert_eq!([u16_at(end + 4), u16_at(end + 6), u16_at(end + 20)], [0, 0, 0], "one disk, no comment");
    let count = u16_at(end + 10) as usize;
    assert_eq!(u16_at(end + 8) as usize, count);
    let (cd_size, cd_start) = (u32_at(end + 12) as usize, u32_at(end + 16) as usize);
    assert_eq!(cd_start + cd_size, end, "central directory right before the end record");
    let mut files = Vec::new();
    let (mut at, mut next_local) = (cd_start, 0);
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4B50, "central header at {at}");
        // Version needed, flags, method, time, date: the same in both headers.
        let fixed = [u16_at(at + 6), u16_at(at + 8), u16_at(at + 10), u16_at(at + 12), u16_at(at + 14)];
        assert_eq!(fixed, [20, 0, 0, 0, 0x0021], "2.0, no flags, stored, 1980-01-01 00:00");
        let (crc, csize, size) = (u32_at(at + 16), u32_at(at + 20), u32_at(at + 24));
        assert_eq!(csize, size, "stored");
        let (name_len, extra, comment) = (u16_at(at + 28) as usize, u16_at(at + 30), u16_at(at + 32));
        assert_eq!((extra, comment), (0, 0));
        let local = u32_at(at + 42) as usize;
        assert_eq!(local, next_local, "entries back to back");
        let name = &z[at + 46..at + 46 + name_len];
        assert!(name.is_ascii());
        at += 46 + name_len;

        assert_eq!(u32_at(local), 0x0403_4B50, "local header at {local}");
        let local_fixed =
            [u16_at(local + 4), u16_at(local + 6), u16_at(local + 8), u16_at(local + 10), u16_at(local + 12)];
        assert_eq!(local_fixed, fixed);
        assert_eq!([u32_at(local + 14), u32_at(local + 18), u32_at(local + 22)], [crc, csize, size]);
        assert_eq!((u16_at(local + 26) as usize, u16_at(local + 28)), (name_len, 0));
        assert_eq!(&z[local + 30..local + 30 + name_len], name);
        let data = &z[local + 30 + name_len..local + 30 + name_len + size as usize];
        assert_eq!(crc32(data), crc, "CRC of {}", String::from_utf8_lossy(name));
        next_local = local + 30 + name_len + size as usize;
        files.push((String::from_utf8(name.to_vec()).unwrap(), data.to_vec()));
    }
    assert_eq!(at, end, "central directory size");
    assert_eq!(next_local, cd_start, "nothing between the entries and the central directory");
    files
}

/// The package: a strict ZIP, every part well-formed XML, every part typed and reachable,
/// styles and shared strings in range, and the print setup (A4, fit to width, header rows
/// repeated, frozen panes, landscape 座位表).
#[test]
fn xlsx_package_structure() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    let s = awkward_list();
    let files = unzip_strict(&table::xlsx(&s, &plan(&s)));
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
    );
    let text: std::collections::HashMap<&str, &str> =
        files.iter().map(|(n, d)| (n.as_str(), std::str::from_utf8(d).unwrap())).collect();
    let docs: std::collections::HashMap<&str, roxmltree::Document> = text
        .iter()
        .map(|(n, t)| (*n, roxmltree::Document::parse(t).unwrap_or_else(|e| panic!("{n}: {e}"))))
        .collect();
    let all = |part: &str, tag: &str| -> Vec<roxmltree::Node> {
        docs[part].descendants().filter(|n| n.tag_name().name() == tag).collect()
    };
    let attr = |n: &roxmltree::Node, a: &str| n.attribute(a).unwrap_or("").to_string();

    // Every part but the relationships has its content type; every relationship target exists.
    let overrides: Vec<String> =
        all("[Content_Types].xml", "Override").iter().map(|n| attr(n, "PartName")).collect();
    for n in names.iter().filter(|n| !n.ends_with(".rels") && **n != "[Content_Types].xml") {
        assert!(overrides.contains(&format!("/{n}")), "{n} has no content type");
    }
    assert_eq!(overrides.len(), names.len() - 3);
    for (rels, base) in [("_rels/.rels", ""), ("xl/_rels/workbook.xml.rels", "xl/")] {
        for r in all(rels, "Relationship") {
            let target = format!("{base}{}", attr(&r, "Target"));
            assert!(names.contains(&target.as_str()), "{rels}: {target} missing");
        }
    }

    // Style and string indexes are in range.
    let xfs = all("xl/styles.xml", "cellXfs")[0].children().filter(|n| n.is_element()).count();
    let fonts = all("xl/styles.xml", "font").len();
    for xf in all("xl/styles.xml", "xf") {
        assert!(attr(&xf, "fontId").parse::<usize>().unwrap() < fonts);
    }
    let strings = all("xl/sharedStrings.xml", "si").len();
    assert_eq!(attr(&all("xl/sharedStrings.xml", "sst")[0], "uniqueCount"), strings.to_string());
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
        for c in all(sheet, "c") {
            assert!(attr(&c, "s").parse::<usize>().unwrap() < xfs, "{sheet}");
            if c.attribute("t") == Some("s") {
                let v: usize =
                    c.children().find(|n| n.has_tag_name("v")).unwrap().text().unwrap().parse().unwrap();
                assert!(v < strings, "{sheet}: string {v}");
            }
        }
    }
    // Leading and trailing blanks are kept (the awkward place, after clean, has none; the
    // writer marks any string that has them).
    for t in all("xl/sharedStrings.xml", "t") {
        let v = t.text().unwrap_or("");
        if v.starts_with(char::is_whitespace) || v.ends_with(char::is_whitespace) {
            assert_eq!(t.attribute(("http://www.w3.org/XML/1998/namespace", "space")), Some("preserve"));
        }
    }

    // Print setup.
    let defined: Vec<(String, String)> = all("xl/workbook.xml", "definedName")
        .iter()
        .map(|n| (attr(n, "localSheetId"), n.text().unwrap().into()))
        .collect();
    assert_eq!(defined, [("0".into(), "'簽到表'!$3:$3".into()), ("1".into(), "'座位表'!$1:$1".into())]);
    let one = |part: &str, tag: &str| {
        all(part, tag).into_iter().next().unwrap_or_else(|| panic!("{part}: no {tag}"))
    };
    let s1 = "xl/worksheets/sheet1.xml";
    let s2 = "xl/worksheets/sheet2.xml";
    let setup = one(s1, "pageSetup");
    assert_eq!(
        [attr(&setup, "paperSize"), attr(&setup, "fitToHeight"), attr(&setup, "orientation")],
        ["9", "0", "portrait"]
    );
    assert_eq!(attr(&one(s1, "pageSetUpPr"), "fitToPage"), "1");
    let pane = one(s1, "pane");
    assert_eq!(
        [attr(&pane, "ySplit"), attr(&pane, "topLeftCell"), attr(&pane, "state")],
        ["3", "A4", "frozen"]
    );
    let merges: Vec<String> = all(s1, "mergeCell").iter().map(|n| attr(n, "ref")).collect();
    assert_eq!(merges, ["A1:F1", "A2:F2"]);
    let widths: Vec<String> = all(s1, "col").iter().map(|n| attr(n, "width")).collect();
    assert_eq!(widths, ["6.7109375", "12.7109375", "22.7109375", "24.7109375", "18.7109375", "16.7109375"]);
    let heights: Vec<String> = all(s1, "row").iter().map(|n| attr(n, "ht")).collect();
    assert_eq!(heights[..3], ["", "", ""]);
    assert!(heights[3..].iter().all(|h| h == "22"), "{heights:?}");
    let setup = one(s2, "pageSetup");
    assert_eq!([attr(&setup, "paperSize"), attr(&setup, "orientation")], ["9", "landscape"]);
    assert!(all(s2, "pane").is_empty() && all(s2, "pageSetUpPr").is_empty());
    // Header styles: bold SimSun on #EEEEEE with thin borders; the body in FangSong.
    let styles = text["xl/styles.xml"];
    assert!(styles.contains("<b/><sz val=\"16\"/><name val=\"SimSun\"/>"));
    assert!(styles.contains("<fgColor rgb=\"FFEEEEEE\"/>") && styles.contains("<name val=\"FangSong\"/>"));
}

/// The diff names who moved where; keep mode moves nobody in the hall who can stay, and
/// re-plans the podium by the rules.
#[test]
fn diff_and_keep_mode() {
    let old = example("district-plenary");
    let old_plan = plan(&old);
    let mut new = old.clone();
    // Two hall people leave, two arrive, one podium leader asks for leave.
    new.people.retain(|p| p.id != "H003" && p.id != "H040");
    new.people.push(
        serde_json::from_value(json!({"id": "N1", "name": "新來者", "unit": "u-dw", "rank": 21})).unwrap(),
    );
    new.people.push(
        serde_json::from_value(json!({"id": "N2", "name": "新二", "unit": "u-cz", "rank": 21})).unwrap(),
    );
    new.instructions.push(serde_json::from_value(json!({"op": "exclude", "person": "L05"})).unwrap());

    let fresh = plan(&new);
    let d_fresh = diff(&old, &old_plan, &new, &fresh);
    let kept = keep(&old, &old_plan, &new);
    let d_keep = diff(&old, &old_plan, &new, &kept);
    let hall_moves = |d: &seating_core::diff::Diff| {
        d.of(ChangeKind::Moved).filter(|c| c.from.as_ref().unwrap().seat.starts_with('H')).count()
    };
    assert!(hall_moves(&d_fresh) > 0, "a plain re-plan closes the gaps");
    assert_eq!(hall_moves(&d_keep), 0, "keep mode moves nobody in the hall:\n{}", d_keep.to_text());
    // The podium is planned by the rules either way.
    let podium = |p: &seating_core::Plan| {
        p.seats
            .iter()
            .filter(|a| a.seat.starts_with('P'))
            .map(|a| (a.seat.clone(), a.person.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(podium(&kept), podium(&fresh));
    assert_eq!(d_keep.of(ChangeKind::Added).count(), 2);
    assert_eq!(d_keep.of(ChangeKind::Removed).count(), 3);
    // The newcomer of 區委辦公室 takes the seat its departed member left.
    let seat_of = |p: &seating_core::Plan, id: &str| {
        p.seats.iter().find(|a| a.person.as_deref() == Some(id)).map(|a| a.seat.clone())
    };
    assert_eq!(seat_of(&kept, "N1"), seat_of(&old_plan, "H003"));
    assert!(kept.seats.iter().all(|a| !a.reason.is_empty()));
    assert!(kept.seats.iter().any(|a| a.reason.contains("保留模式")));
    assert!(kept.diagnostics.iter().all(|d| d.instruction.is_none_or(|k| k < new.instructions.len())));
    // The text names people and seats; the chart marks the changes.
    let text = d_keep.to_text();
    assert!(text.contains("新來者") && text.contains("→"), "{text}");
    let l = layout(&new, &kept, &LayoutOptions { diff: Some(d_keep.clone()), ..LayoutOptions::default() });
    assert_eq!(
        l.seats.iter().filter(|b| b.change.is_some()).count(),
        d_keep.changes.iter().filter(|c| c.to.is_some()).count()
    );
    let chart = svg::svg(&l);
    assert!(chart.contains("class=\"mv\"") && chart.contains("class=\"ad\""));
    // The chart says which draft it was compared with: the earlier draft's check code.
    let old_hash = seating_core::layout::content_hash(&old, &old_plan);
    assert!(
        chart.contains(&format!("改變標記對照的前稿：校驗碼 {}", &old_hash[..12])),
        "{}",
        &old_hash[..12]
    );
    // Same draft twice: nothing changed.
    assert!(diff(&old, &old_plan, &old, &old_plan).is_empty());
}

/// An approved swap stays done in keep mode: a change elsewhere (someone leaves, a reserve
/// is dropped, someone arrives) moves neither of the two, nor anyone else in the hall.
#[test]
fn keep_mode_keeps_an_approved_swap() {
    let mut old = example("district-plenary");
    old.instructions.push(serde_json::from_value(json!({"op": "swap", "people": ["H002", "H013"]})).unwrap());
    let old_plan = plan(&old);
    let seat_of = |p: &seating_core::Plan, id: &str| {
        p.seats.iter().find(|a| a.person.as_deref() == Some(id)).map(|a| a.seat.clone())
    };
    let mut leave = old.clone();
    leave.people.retain(|p| p.id != "H005");
    let mut unreserve = old.clone();
    unreserve.instructions.retain(|i| i.op != seating_core::Op::Reserve);
    let mut arrive = old.clone();
    arrive.people.push(
        serde_json::from_value(json!({"id": "N1", "name": "新來者", "unit": "u-dw", "rank": 500})).unwrap(),
    );
    for (what, new) in [("leave", leave), ("unreserve", unreserve), ("arrive", arrive)] {
        let kept = keep(&old, &old_plan, &new);
        for id in ["H002", "H013"] {
            assert_eq!(seat_of(&kept, id), seat_of(&old_plan, id), "{what}: {id}");
        }
        let d = diff(&old, &old_plan, &new, &kept);
        assert_eq!(d.of(ChangeKind::Moved).count(), 0, "{what}:\n{}", d.to_text());
    }
    // A swap taken back is a change: both go back to their seats by the rules.
    let mut undone = old.clone();
    undone.instructions.retain(|i| i.op != seating_core::Op::Swap);
    let kept = keep(&old, &old_plan, &undone);
    assert_eq!(seat_of(&kept, "H002"), seat_of(&old_plan, "H013"));
    assert_eq!(seat_of(&kept, "H013"), seat_of(&old_plan, "H002"));
}

/// What a clerk must reprint is in the diff too: seat numbers that changed under people who
/// kept their seats, names, posts and units that changed, and banquet seats; two files with
/// nobody in common are flagged.
#[test]
fn diff_names_reprints_banquet_seats_and_strangers() {
    let old = example("district-plenary");
    let old_plan = plan(&old);
    let mut renumbered = old.clone();
    renumbered.convention.numbering = match old.convention.numbering {
        seating_core::Numbering::OddEven => seating_core::Numbering::Sequential,
        _ => seating_core::Numbering::OddEven,
    };
    let d = diff(&old, &old_plan, &renumbered, &plan(&renumbered));
    assert_eq!(d.changes.len(), 0);
    assert!(!d.relabelled.is_empty() && !d.is_empty());
    assert!(d.relabelled.iter().all(|c| c.from.as_ref().unwrap().seat == c.to.as_ref().unwrap().seat));
    assert!(d.to_text().contains("入場券需重印"), "{}", d.to_text());

    let mut edited = old.clone();
    let unit = edited.units[2].id.clone();
    edited.people[20].unit = Some(unit);
    edited.people[21].post = Some("新職務".into());
    let d = diff(&old, &old_plan, &edited, &plan(&edited));
    let people: Vec<&str> = d.edits.iter().map(|e| e.person.as_str()).collect();
    assert!(people.contains(&old.people[20].id.as_str()) && people.contains(&old.people[21].id.as_str()));
    assert!(d.to_text().contains("職務「") && d.to_text().contains("新職務"), "{}", d.to_text());

    let bq = example("banquet");
    let mut fewer = bq.clone();
    let gone = bq.banquet.as_ref().map(|_| plan(&bq).banquet.unwrap().seats[0].person.clone()).unwrap();
    fewer.people.retain(|p| p.id != gone);
    let d = diff(&bq, &plan(&bq), &fewer, &plan(&fewer));
    assert!(d.banquet.iter().any(|c| c.person == gone && c.to.is_none()), "{:?}", d.banquet);
    assert!(d.banquet.len() > 1, "the others move up a seat");

    let d = diff(&old, &old_plan, &bq, &plan(&bq));
    assert_eq!(d.shared, 0);
    assert!(d.to_text().contains("沒有共同的人員"));
}

/// Podium view turns the chart by 180°: the podium goes to the bottom, left and right swap.
#[test]
fn podium_view_is_the_audience_view_turned_round() {
    let s = example("district-plenary");
    let p = plan(&s);
    let a = layout(&s, &p, &LayoutOptions::default());
    let b = layout(&s, &p, &LayoutOptions { view: View::Podium, ..LayoutOptions::default() });
    assert_eq!((a.width, a.height), (b.width, b.height));
    for (x, y) in a.seats.iter().zip(&b.seats) {
        assert_eq!(x.seat, y.seat);
        assert!((x.rect.x + x.rect.w + y.rect.x - a.width).abs() < 1e-9);
        assert!((x.rect.y + x.rect.h + y.rect.y - a.height).abs() < 1e-9);
    }
    let (pa, pb) = (a.podium.unwrap(), b.podium.unwrap());
    assert!(pa.rect.y < a.hall.unwrap().y && pb.rect.y > b.hall.unwrap().y);
}

/// Long, four-character and foreign names fit their boxes (by the width estimate).
#[test]
fn names_fit_their_boxes() {
    for name in example_names() {
        let s = example(&name);
        let l = layout(&s, &plan(&s), &LayoutOptions::default());
        for b in &l.seats {
            for t in [&b.name, &b.post].into_iter().flatten() {
                for line in &t.lines {
                    let w = seating_core::layout::text_width(line, t.size);
                    assert!(
                        w <= b.rect.w - 2.0,
                        "{name}: {line:?} ({w:.1}) overflows {} ({})",
                        b.seat,
                        b.rect.w
                    );
                }
                let top = t.y - t.size;
                let bottom = t.y + (t.lines.len() - 1) as f64 * t.leading;
                assert!(
                    top >= b.rect.y - 0.5 && bottom <= b.rect.y + b.rect.h,
                    "{name}: {:?} leaves {}",
                    t.lines,
                    b.seat
                );
            }
        }
    }
}

/// Budget: 10,000 seats export in well under the release-build 20 ms budget's size limit
/// (3 MB); the time is printed, and checked loosely (debug builds are slow).
#[test]
fn ten_thousand_seats_stay_within_size() {
    let people: Vec<_> = (0..10_000)
        .map(|i| json!({"id": format!("p{i}"), "name": format!("張{}", ["偉", "秀英", "歐陽少東"][i % 3]), "post": "科長", "unit": format!("u{}", i / 200)}))
        .collect();
    let units: Vec<_> = (0..50).map(|i| json!({"id": format!("u{i}"), "name": format!("單位{i}")})).collect();
    let s = scenario(json!({"format": "seating/1", "units": units, "people": people,
        "hall": {"rows": 100, "seats": 100, "aisles": [25, 50, 75]}}));
    let p = plan(&s);
    let t = std::time::Instant::now();
    let l = layout(&s, &p, &LayoutOptions::default());
    let t_layout = t.elapsed();
    let t = std::time::Instant::now();
    let hash = seating_core::layout::content_hash(&s, &p);
    eprintln!("10,000 seats: content hash {:?} of the layout time ({hash})", t.elapsed());
    let t = std::time::Instant::now();
    let out = svg::chart(&l, &PageOptions { paper: Paper::A3, ..PageOptions::default() });
    let t_svg = t.elapsed();
    eprintln!("10,000 seats: layout {t_layout:?}, svg {t_svg:?}, {} bytes", out.len());
    assert_eq!(l.seats.len(), 10_000);
    assert!(out.len() <= 3_000_000, "{} bytes", out.len());
}

fn seating(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seating")).args(args).current_dir(root()).output().unwrap()
}

#[test]
fn export_subcommands_write_files_and_fail_cleanly() {
    let dir = std::env::temp_dir().join(format!("seating-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |f: &str| dir.join(f).to_string_lossy().into_owned();
    let ex = "examples/district-plenary.json";
    let ok = |args: &[&str]| {
        let o = seating(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        o
    };
    ok(&["chart", ex, "-o", &out("c.svg"), "--paper", "a3", "--landscape", "--podium-view"]);
    assert!(std::fs::read_to_string(out("c.svg")).unwrap().contains("主席臺視角"));
    ok(&["cards", "examples/international-signing.json", "-o", &out("cards.svg")]);
    assert!(Path::new(&out("cards-1.svg")).exists() && Path::new(&out("cards-5.svg")).exists());
    ok(&["cards", ex, "-o", &out("cards.html"), "--all"]);
    // PDF: one page per sheet, fonts embedded (needs system fonts, as CI installs).
    ok(&["chart", "examples/international-signing.json", "-o", &out("c.pdf")]);
    let pdf = std::fs::read(out("c.pdf")).unwrap();
    assert!(
        pdf.starts_with(b"%PDF") && pdf.windows(8).any(|w| w == b"FontFile"),
        "a PDF with an embedded font"
    );
    ok(&["cards", "examples/international-signing.json", "-o", &out("cards.pdf")]);
    let pages = std::fs::read(out("cards.pdf")).unwrap().windows(10).filter(|w| w == b"/Type /Pag").count();
    assert!(pages >= 5, "five card pages and the page tree, found {pages}");
    // Each host–guest occasion is a chart of its own, and its table has name cards.
    ok(&["chart", "examples/international-signing.json", "--part", "bilateral:2", "-o", &out("b.svg")]);
    assert!(std::fs::read_to_string(out("b.svg")).unwrap().contains("簽字站位圖"));
    ok(&["cards", "examples/international-signing.json", "--part", "bilateral:1", "-o", &out("bc.html")]);
    assert!(std::fs::read_to_string(out("bc.html")).unwrap().contains("客方 主談人"));
    ok(&["list", ex, "-o", &out("l.csv")]);
    assert!(std::fs::read(out("l.csv")).unwrap().starts_with(b"\xEF\xBB\xBF"));
    ok(&["list", ex, "-o", &out("l.xlsx")]);
    assert!(std::fs::read(out("l.xlsx")).unwrap().starts_with(b"PK"));
    let o = ok(&["diff", ex, ex]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("兩稿座次相同"));
    ok(&["diff", ex, ex, "--keep", "-o", &out("d.svg")]);
    ok(&["chart", ex, "--against", ex, "--keep", "-o", &out("k.svg")]);
    for (args, code, needle) in [
        (vec!["chart", ex], 2, "-o"),
        (vec!["chart", ex, "-o", "x.png"], 2, ".svg"),
        (vec!["chart", ex, "-o", "x.svg", "--paper", "b5"], 2, "a4 or a3"),
        (vec!["chart", ex, "-o", "x.svg", "--frobnicate"], 2, "--frobnicate"),
        (vec!["chart", ex, "-o", "x.svg", "--keep"], 2, "--against"),
        (vec!["list", ex, "-o", "x.pdf"], 2, ".csv"),
        (vec!["diff", ex], 2, "OLD and NEW"),
        (vec!["chart", "no/such.json", "-o", "x.svg"], 1, "no/such.json"),
        (vec!["chart", ex, "-o", "/no/such/dir/x.svg"], 1, "cannot write"),
        (vec!["chart", ex, "-o", "x.svg", "--part", "bilateral:0"], 2, "bilateral:N (N from 1)"),
        (vec!["chart", ex, "-o", "x.svg", "--part", "lounge"], 2, "bilateral:N"),
        (vec!["chart", ex, "-o", "x.svg", "--part", "bilateral:1"], 1, "has 0 host–guest occasion(s)"),
        (
            vec!["chart", "examples/international-signing.json", "-o", "x.svg", "--part", "bilateral:4"],
            1,
            "has 3",
        ),
    ] {
        let o = seating(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(needle) && !err.contains("panicked"), "{args:?}: {err}");
    }
}

/// The automatic orientation prints the diagram within 10% of the larger of the two fixed
/// ones: a nearly square hall (3,000 seats, 40 units) is drawn in portrait, where the header,
/// legend and footer leave it more room (on A4 by half again), not in landscape because it
/// is a little wider than tall. A clearly wide chart stays landscape.
#[test]
fn auto_orientation_prints_the_diagram_largest() {
    let people: Vec<_> = (0..3000)
        .map(|i| json!({"id": format!("h{i}"), "name": format!("王{i}"), "unit": format!("u{}", i / 75)}))
        .collect();
    let units: Vec<_> =
        (0..40).map(|k| json!({"id": format!("u{k}"), "name": format!("第{}單位", k + 1)})).collect();
    let square = scenario(json!({"format": "seating/1", "meeting": {"title": "三千人大會"},
        "units": units, "people": people,
        "hall": {"rows": 60, "seats": 50, "aisles": [12, 38],
                 "floors": [{"name": "一樓", "rows": 40}, {"name": "二樓", "rows": 20}]}}));
    let wide = example("district-plenary");
    for (s, portrait) in [(square, true), (wide, false)] {
        let l = layout(&s, &plan(&s), &LayoutOptions::default());
        for paper in [Paper::A4, Paper::A3] {
            let at = |orientation| {
                svg::placement(&l, &PageOptions { paper, orientation, ..PageOptions::default() })
            };
            let (auto, port, land) =
                (at(Orientation::Auto), at(Orientation::Portrait), at(Orientation::Landscape));
            assert!(
                auto.scale * 1.1 >= port.scale.max(land.scale),
                "{} {paper:?}: auto {} ({}×{}), portrait {}, landscape {}",
                s.meeting.title,
                auto.scale,
                auto.page_w,
                auto.page_h,
                port.scale,
                land.scale
            );
            assert_eq!(auto.page_w < auto.page_h, portrait, "{} {paper:?}", s.meeting.title);
        }
    }
}

/// `meeting.script: simplified` prints the program's own words in 简体 everywhere (labels,
/// chart, lists, cards, diff) and leaves everything typed in as it is: names, units, floor
/// names, the meeting's title and place keep their 繁體 characters.
#[test]
fn simplified_script_changes_the_programs_words_only() {
    let mut s = example("hall-congress");
    s.meeting.script = seating_core::Script::Simplified;
    let p = plan(&s);
    for a in &p.seats {
        if a.seat.starts_with('P') {
            assert!(a.label.starts_with("主席台第") && a.label.ends_with('号'), "{}", a.label);
        } else if a.seat.starts_with('H') {
            // Floors are user text (一樓, 二樓): kept; the row and number words converted.
            assert!(a.label.starts_with("一樓 第") || a.label.starts_with("二樓 第"), "{}", a.label);
            assert!(a.label.ends_with('号'), "{}", a.label);
        }
    }
    let cars = p.vehicles.as_ref().expect("the example has cars");
    assert!(cars.cars.iter().flat_map(|c| &c.seats).any(|x| x.label.contains("后排右座")));

    let l = layout(&s, &p, &LayoutOptions::default());
    let chart = svg::chart(&l, &PageOptions::default());
    for word in ["主 席 台", "观众视角", "校验码", "时间：", "地点：", "拟稿", "审定"] {
        assert!(chart.contains(word), "chart lacks {word}");
    }
    for word in ["主 席 臺", "觀眾視角", "校驗碼", "時間：", "地點：", "擬稿", "審定"] {
        assert!(!chart.contains(word), "chart still has {word}");
    }
    // Typed text is printed as typed.
    assert!(chart.contains(&s.meeting.title) && chart.contains(&s.meeting.place));
    let traditional_names: Vec<&str> =
        s.people.iter().map(|x| x.name.as_str()).filter(|n| n.contains(['鄭', '雲', '蘭'])).collect();
    assert!(!traditional_names.is_empty());
    let podium_names: Vec<&str> =
        l.seats.iter().filter_map(|b| b.person.as_ref()).map(|o| o.name.as_str()).collect();
    for n in traditional_names.iter().filter(|n| podium_names.contains(n)) {
        assert!(chart.contains(n), "{n} should be printed as typed");
    }

    let csv = table::csv(&s, &p);
    assert!(csv.starts_with("\u{FEFF}序号,姓名,职务,单位,座位,签到\r\n"), "{}", &csv[..60]);
    let units: Vec<&str> = s.units.iter().map(|u| u.name.as_str()).collect();
    assert!(units.iter().any(|u| csv.contains(u)), "unit names as typed");
    let xlsx = table::xlsx(&s, &p);
    let has = |needle: &str| xlsx.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("签到表") && has("座位表") && !has("簽到表"));

    let list = cards::card_list(&l, cards::CardScope::Auto);
    assert!(list.iter().any(|c| c.note.contains("面向主席台自左至右第1张")), "{:?}", list[0]);
    let pages = cards::cards(&l, &CardOptions::default());
    assert!(pages[0].contains("席卡 第1页／共") && pages[0].contains("折线") && !pages[0].contains("折線"));

    let mut s2 = s.clone();
    s2.instructions.clear();
    let d = diff(&s2, &plan(&s2), &s, &p);
    assert!(d.to_text_in(s.meeting.script).starts_with("座次调整对照"));

    // The setting round-trips; the default is not written.
    assert!(s.to_json().contains("\"script\": \"simplified\""));
    assert!(!example("hall-congress").to_json().contains("\"script\""));
}

/// Host–guest occasions (PROTOCOL §3) are charts of their own, drawn as the room is seen
/// from the door (a signing ceremony: from the audience), and turned round in the podium view.
#[test]
fn bilateral_charts_draw_the_protocol_geometry() {
    use seating_core::layout::{Layout, MarkKind, Rect};
    let s = example("international-signing");
    let p = plan(&s);
    assert_eq!(p.bilateral.len(), 3, "talks, signing and a call");
    let chart = |s: &Scenario, p: &seating_core::Plan, k: usize, view: View| {
        layout(s, p, &LayoutOptions { view, part: Part::Bilateral(k), ..LayoutOptions::default() })
    };
    let at = |l: &Layout, person: &str| -> Rect {
        l.places
            .iter()
            .find(|b| b.person.as_ref().is_some_and(|o| o.id == person))
            .unwrap_or_else(|| panic!("{person} is drawn"))
            .rect
    };
    let mark = |l: &Layout, kind: MarkKind| -> Vec<String> {
        l.marks.iter().filter(|m| m.kind == kind).flat_map(|m| m.text.lines.clone()).collect()
    };

    // Talks, table facing the door: guests on the far side (above the table), hosts below
    // with their backs to the door; the principals face each other; each interpreter on the
    // own right of the principal (the guest's own right is the door's left).
    let talks = chart(&s, &p, 0, View::Audience);
    assert_eq!(talks.heading, "會談座次圖");
    let (g, h, table) = (at(&talks, "guest"), at(&talks, "host"), talks.blocks[0]);
    assert!(g.y + g.h <= table.y && h.y >= table.y + table.h, "{g:?} {table:?} {h:?}");
    assert_eq!(g.x, h.x, "the principals face each other");
    assert!(at(&talks, "guest-int").x < g.x && at(&talks, "host-int").x > h.x);
    let door = talks.marks.iter().find(|m| m.kind == MarkKind::Door).expect("the door is marked");
    assert_eq!(door.text.lines, ["▼ 正 門 ▼"]);
    assert!(door.text.y > h.y + h.h, "the door is below the host side");
    let guest_box = talks.places.iter().find(|b| b.person.as_ref().is_some_and(|o| o.id == "guest")).unwrap();
    assert_eq!(guest_box.number.as_ref().unwrap().lines, ["客方 主談人"], "the label is printed");
    assert_eq!(
        guest_box.id,
        format!("B1-G1-{}", p.bilateral[0].places.iter().find(|x| x.person == "guest").unwrap().position)
    );
    assert!(svg::svg(&talks).contains("會 談 桌"));
    // Turned round: the door at the top, the guests below, left and right swapped.
    let turned = chart(&s, &p, 0, View::Podium);
    let (g2, h2) = (at(&turned, "guest"), at(&turned, "host"));
    assert!(g2.y > h2.y && at(&turned, "guest-int").x > g2.x);
    assert_eq!(mark(&turned, MarkKind::Door), ["▲ 正 門 ▲"]);
    assert!(turned.marks.iter().find(|m| m.kind == MarkKind::Door).unwrap().text.y < h2.y);

    // Signing, from the audience: guest-assistant GuestSigner HostSigner host-assistant on
    // the signing line, the table in front of it, the staff standing behind (further up).
    let sign = chart(&s, &p, 1, View::Audience);
    assert_eq!(sign.heading, "簽字站位圖");
    let line: Vec<Rect> =
        ["guest-aide", "guest", "host", "host-aide"].iter().map(|id| at(&sign, id)).collect();
    assert!(line.windows(2).all(|w| w[0].x < w[1].x && w[0].y == w[1].y), "{line:?}");
    assert!(sign.blocks[0].y > line[0].y + line[0].h, "the table is in front of the signers");
    assert!(at(&sign, "w2").y < line[0].y && at(&sign, "w6").y < at(&sign, "w2").y, "rows behind go up");
    assert!(at(&sign, "w2").x < at(&sign, "w1").x, "each party's staff behind its own signer");
    assert!(mark(&sign, MarkKind::Door)[0].contains("觀 眾"));
    // Name cards stand on the table: the signing line only, not the rows behind.
    let cards = cards::card_list(&sign, cards::CardScope::Auto);
    assert_eq!(cards.len(), 4, "{cards:?}");

    // Side by side, from the door: `Guest Host`, the interpreters behind their principals.
    let call = chart(&s, &p, 2, View::Audience);
    assert_eq!(call.heading, "會見座次圖");
    assert!(at(&call, "guest").x < at(&call, "host").x);
    assert!(
        at(&call, "guest-int").y < at(&call, "guest").y && at(&call, "guest-int").x == at(&call, "guest").x
    );

    // Talks with the table end-on to the door: hosts in the left column, guests on the right,
    // position 1 at the far end (top), the door below.
    let end_on = scenario(json!({"format": "seating/1",
        "people": [
            {"id": "h1", "name": "主一", "rank": 1, "side": "host"},
            {"id": "g1", "name": "客一", "rank": 1, "side": "guest"},
            {"id": "h2", "name": "主二", "rank": 2, "side": "host"},
            {"id": "g2", "name": "客二", "rank": 2, "side": "guest"}],
        "bilateral": [{"name": "會談", "table": "end-on"}]}));
    let ep = plan(&end_on);
    let l = chart(&end_on, &ep, 0, View::Audience);
    let (h1, g1, t) = (at(&l, "h1"), at(&l, "g1"), l.blocks[0]);
    assert!(h1.x + h1.w <= t.x && g1.x >= t.x + t.w && h1.y == g1.y, "{h1:?} {t:?} {g1:?}");
    // #2 on the own right: the guest faces the hosts (own right = far end), the host the guests.
    assert!(at(&l, "g2").y < g1.y && at(&l, "h2").y > h1.y);
    assert!(t.h > t.w, "the table stands upright");

    // A missing occasion is an empty chart, not a panic; 简体 prints the program's words.
    assert!(chart(&s, &p, 7, View::Audience).places.is_empty());
    let mut s2 = s.clone();
    s2.meeting.script = seating_core::Script::Simplified;
    let l = chart(&s2, &plan(&s2), 0, View::Audience);
    assert_eq!(l.heading, "會談座次图", "the name as typed, the program's word converted");
    let out = svg::svg(&l);
    for word in ["会 谈 桌", "正 门", "客方 主谈人", "自正门看"] {
        assert!(out.contains(word), "{word}");
    }

    // A hand edit elsewhere (a podium swap) leaves the occasion's chart as it was.
    let mut s3 = s.clone();
    s3.instructions = serde_json::from_value(json!([{"op": "swap", "people": ["w1", "w3"]}])).unwrap();
    let p3 = plan(&s3);
    let o = LayoutOptions { part: Part::Bilateral(0), ..LayoutOptions::default() };
    let c = seating_core::layout::changes(&talks, &talks.seats, &talks.places, (&s, &p), (&s3, &p3), &o)
        .expect("the occasion did not change");
    assert!(c.places.is_empty() && c.seats.is_empty());
    assert_eq!(seating_core::layout::relayout(talks, (&s, &p), (&s3, &p3), &o), layout(&s3, &p3, &o));
}

/// The sign-off block's date line stays inside its box whatever the binding margin: a 40 mm
/// binding on a portrait page narrows the boxes to about 33 mm.
#[test]
fn sign_off_dates_fit_their_boxes() {
    let s = example("district-plenary");
    let l = layout(&s, &plan(&s), &LayoutOptions::default());
    for binding in [0.0, 25.0, 40.0, 60.0] {
        for orientation in
            [seating_core::export::Orientation::Portrait, seating_core::export::Orientation::Landscape]
        {
            let page = seating_core::export::PageOptions { binding, orientation, ..Default::default() };
            let doc = svg::chart(&l, &page);
            let widths: Vec<f64> = doc
                .split("<rect class=\"box\" ")
                .skip(1)
                .map(|r| r.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
                .collect();
            let sizes: Vec<f64> = doc
                .split("<text font-size=\"")
                .skip(1)
                .filter(|t| t.contains("日期："))
                .map(|t| t.split('"').next().unwrap().parse().unwrap())
                .collect();
            assert_eq!(sizes.len(), 3, "{binding} {orientation:?}");
            for (w, size) in widths.iter().zip(&sizes) {
                // Eleven full-width characters from 2 mm inside the box.
                assert!(
                    2.0 + 11.0 * size <= *w,
                    "binding {binding} {orientation:?}: {size} mm type in a {w} mm box"
                );
            }
        }
    }
}

/// `diff` reports what changed in cars, discussion rooms, line-ups and host–guest
/// occasions too (each list would have to be reissued), and a draft with only such changes
/// is not called unchanged.
#[test]
fn diff_lists_cars_rooms_lineups_and_occasions() {
    let people: Vec<serde_json::Value> = (1..=6)
        .map(|i| {
            json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i,
            "side": if i % 2 == 1 { "host" } else { "guest" }})
        })
        .collect();
    let draft = |kind: &str, rooms: usize, rows: Vec<u32>, talks: &[&str]| {
        scenario(json!({"format": "seating/1", "people": people,
            "vehicles": {"cars": [{"kind": kind}, {}]},
            "groups": {"rooms": (1..=rooms).map(|k| json!({"name": format!("第{k}組")})).collect::<Vec<_>>()},
            "lineups": [{"name": "合影", "rows": rows}],
            "bilateral": [{"name": "會談", "kind": "talks", "people": talks}]}))
    };
    let old = draft("sedan", 2, vec![3, 3], &["p1", "p2", "p3", "p4"]);
    let old_plan = plan(&old);
    let same = diff(&old, &old_plan, &old, &old_plan);
    assert!(same.is_empty() && same.to_text().contains("兩稿座次相同"), "{}", same.to_text());
    // The guest principal of the talks changes with p2 left out of them.
    let new = draft("suv", 3, vec![6], &["p1", "p3", "p4", "p6"]);
    let d = diff(&old, &old_plan, &new, &plan(&new));
    let parts: Vec<&str> = d.parts.iter().map(|p| p.part).collect();
    assert_eq!(parts, ["乘車", "分組討論", "合影站位", "外事活動"], "{}", d.to_text());
    assert!(d.parts.iter().all(|p| !p.changes.is_empty()));
    let text = d.to_text();
    assert!(!d.is_empty() && !text.contains("兩稿座次相同"), "{text}");
    assert!(text.contains("乘車改變") && text.contains("合影站位（合影）改變"), "{text}");
    // A person's line names both places.
    let car = &d.parts[0].changes[0];
    assert!(car.from.is_some() && car.to.is_some() && car.from != car.to, "{car:?}");
}
