//! The plan's prose in Chinese (default, in `meeting.script`) or English (`meeting.language:
//! "en"`, or `plan_in`): the same seats, the same codes and field paths, only the words
//! change; names are never converted between scripts.

use seating_core::{plan, plan_in, Lang, Language, Plan, Scenario, Script};
use serde_json::{json, Value};

fn scenario(meeting: Value) -> Scenario {
    let s = json!({
        "format": "seating/1",
        "meeting": meeting,
        "people": [
            {"id": "p1", "name": "劉洋", "rank": 1, "section": "podium"},
            {"id": "p2", "name": "陳靜", "rank": 2, "section": "podium"},
            {"id": "p3", "name": "黃勇", "rank": 3, "section": "podium"},
            {"id": "p4", "name": "趙磊", "rank": 4, "section": "podium"},
            {"id": "p5", "name": "周傑", "rank": 5, "section": "podium"}
        ],
        "podium": {"rows": [5]},
        "instructions": [
            {"op": "pin", "person": "p5", "seat": "P1-3", "by": "張書記", "at": "2026-12-02", "note": "分管"},
            {"op": "pin", "person": "p4", "seat": "P1-3"},
            {"op": "swap", "people": ["p1", "nobody"]},
            {"op": "exclude", "person": "p3"},
            {"op": "exclude", "person": "p3"}
        ]
    });
    Scenario::from_json(&s.to_string()).unwrap()
}

fn message<'a>(p: &'a Plan, code: &str) -> &'a str {
    &p.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("no {code}")).message
}

fn reason<'a>(p: &'a Plan, id: &str) -> &'a str {
    &p.seats.iter().find(|a| a.person.as_deref() == Some(id)).unwrap().reason
}

#[test]
fn chinese_is_the_default_and_names_the_field_and_the_people() {
    let p = plan(&scenario(json!({})));
    // The first pin wins; the second names the seat, its own path and the winner's.
    assert_eq!(
        message(&p, "seat-conflict"),
        "instructions[1]（固定座位）：座位 P1-3 已由 instructions[0] 固定給周傑 (p5)，未執行"
    );
    assert_eq!(
        message(&p, "unknown-person"),
        "instructions[2]（對調）：沒有 id 為 \"nobody\" 的人員，未執行"
    );
    assert_eq!(message(&p, "duplicate-exclude"), "instructions[4]（請假）：黃勇 (p3)已經請假");
    assert_eq!(
        reason(&p, "p5"),
        "固定座位（instructions[0]；指示人：張書記；2026-12-02；原因：分管；按領導意見辦）"
    );
    // p5 (#4 once p3 is excluded) in the centre, more senior than #1: a rank inversion
    // naming both seats by their printed labels.
    let inv = message(&p, "rank-inversion");
    assert!(inv.contains("周傑 (p5)（原位次第4）坐在主席臺第1排3號"), "{inv}");
    assert!(inv.contains("位次倒掛") && inv.ends_with("由 instructions[0]（固定座位）造成"), "{inv}");
    assert!(reason(&p, "p1").starts_with("位次第1 → "), "{}", reason(&p, "p1"));
}

#[test]
fn simplified_converts_the_words_but_never_the_names() {
    let p = plan(&scenario(json!({"script": "simplified"})));
    // 劉, 陳 and 張書記 as typed; 請假, 對調, 固定座位, 指示人 in 简体.
    assert_eq!(message(&p, "duplicate-exclude"), "instructions[4]（请假）：黃勇 (p3)已经请假");
    assert!(message(&p, "unknown-person").starts_with("instructions[2]（对调）：没有 id 为"));
    assert_eq!(
        reason(&p, "p5"),
        "固定座位（instructions[0]；指示人：張書記；2026-12-02；原因：分管；按领导意见办）"
    );
    let inv = message(&p, "rank-inversion");
    assert!(inv.contains("坐在主席台第1排3号") && inv.contains("位次倒挂"), "{inv}");
}

#[test]
fn english_on_request_keeps_the_english_wording() {
    let p = plan(&scenario(json!({"language": "en"})));
    assert_eq!(
        message(&p, "seat-conflict"),
        "instructions[1] (pin): seat P1-3 is already pinned for 周傑 (p5) by instructions[0]; instruction not applied"
    );
    assert_eq!(message(&p, "duplicate-exclude"), "instructions[4] (exclude): 黃勇 (p3) is already excluded");
    assert_eq!(reason(&p, "p5"), "pinned by 張書記 (2026-12-02): 分管 (instructions[0], 按領導意見辦)");
    assert!(message(&p, "rank-inversion").contains("a more senior seat than"));
}

#[test]
fn the_language_changes_the_words_only() {
    let s = scenario(json!({}));
    let zh = plan(&s);
    let hans = plan_in(&s, Lang { language: Language::Zh, script: Script::Simplified });
    let en = plan_in(&s, Lang::EN);
    assert_eq!(en, plan(&scenario(json!({"language": "en"}))), "plan_in overrides meeting.language");
    for other in [&hans, &en] {
        assert_eq!(other.precedence, zh.precedence);
        assert_eq!(other.unseated, zh.unseated);
        let seats = |p: &Plan| {
            p.seats
                .iter()
                .map(|a| (a.seat.clone(), a.person.clone(), a.label.clone(), a.instruction))
                .collect::<Vec<_>>()
        };
        assert_eq!(seats(other), seats(&zh));
        let codes = |p: &Plan| {
            p.diagnostics
                .iter()
                .map(|d| (d.code.clone(), d.level, d.instruction, d.person.clone(), d.seat.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(other), codes(&zh));
        assert_ne!(reason(other, "p5"), reason(&zh, "p5"));
    }
}

#[test]
fn the_language_round_trips_and_is_checked() {
    let s = scenario(json!({"language": "en"}));
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    // The default is not written out.
    assert!(!scenario(json!({})).to_json().contains("language"));
    let bad = json!({"format": "seating/1", "meeting": {"language": "fr"}, "people": []});
    let e = Scenario::from_json(&bad.to_string()).unwrap_err().to_string();
    assert!(e.contains("`meeting.language`: unknown variant `fr`, expected `zh` or `en`"), "{e}");
}

/// A scenario that cannot be read: the message in Traditional Chinese, as the page and
/// `--lang zh` show it (`Error::describe`).
fn refused(text: &str, lang: Lang) -> String {
    Scenario::from_json_in(text, lang).expect_err(text).describe(lang)
}

const HANT: Lang = Lang { language: Language::Zh, script: Script::Traditional };
const HANS: Lang = Lang { language: Language::Zh, script: Script::Simplified };

#[test]
fn a_file_that_cannot_be_read_is_explained_in_chinese() {
    let person = r#"{"id": "a", "name": "王晨"}"#;
    let cases = [
        // serde_json's syntax errors.
        (r#"{"format": "seating/1",}"#.to_string(), "第1行第24列：多餘的逗號"),
        ("{\"format\": \"seating/1\"".to_string(), "對象（{…}）沒有結束，文件就完了"),
        ("{\"format\": \"seating/1\", \"people\": [".to_string(), "數組（[…]）沒有結束，文件就完了"),
        ("{\"format\": \"seating/1\", \"meeting\": ".to_string(), "文件在應有值的地方結束了"),
        (r#"{"format": "seating/1", "people": [}"#.to_string(), "這裡應是一個值"),
        (r#"{"format": "seating/1" "people": []}"#.to_string(), "這裡應是逗號 `,` 或 `}`"),
        (r#"{"format": "seating/1", "hall": {"aisles": [1 2]}}"#.to_string(), "這裡應是逗號 `,` 或 `]`"),
        (r#"{"format": "seating/1", people: []}"#.to_string(), "鍵要加雙引號"),
        (r#"{"format": "seating/1"} x"#.to_string(), "JSON 結束後還有其他字符"),
        ("{\"format\": \"seating/1\", \"meeting\": {\"title\": \"a\tb\"}}".to_string(), "字符串裡有控制字符"),
        // serde's data errors, each naming the field.
        (r#"{"format": "seating/1", "people": [{"id": "a"}]}"#.to_string(), "`people[0]`：缺少字段 `name`"),
        (
            r#"{"format": "seating/1", "peeple": []}"#.to_string(),
            "未知字段 `peeple`，可用的有 `format`、`meeting`、",
        ),
        (
            r#"{"format": "seating/1", "convention": {"honour": "up"}}"#.to_string(),
            "`convention.honour`：未知取值 `up`，可用的有 `left`、`right`",
        ),
        (
            r#"{"format": "seating/1", "people": [{"id": "a", "name": "王晨", "rank": "一"}]}"#.to_string(),
            "`people[0].rank`：類型不對：應為整數，實為字符串 \"一\"",
        ),
        (
            r#"{"format": "seating/1", "people": {}}"#.to_string(),
            "`people`：類型不對：應為數組（[…]），實為對象",
        ),
        (
            r#"{"format": "seating/1", "hall": {"rows": -1, "seats": 3}}"#.to_string(),
            "取值不對：應為非負整數，實為整數 `-1`",
        ),
        // The scenario's own checks.
        (
            format!(r#"{{"format": "seating/1", "people": [{person}, {person}]}}"#),
            "`people[1].id`：人員 id \"a\" 重複",
        ),
        (
            r#"{"format": "seating/1", "people": [{"id": "a", "name": "王晨", "unit": "u9"}]}"#.to_string(),
            "沒有單位 \"u9\"（人員 \"a\"）；請先在 `units` 中加上這個單位",
        ),
        (r#"{"format": "seating/1", "hall": {"rows": 0, "seats": 3}}"#.to_string(), "臺下至少要有一排"),
        (
            r#"{"format": "seating/1", "hall": {"rows": 2, "seats": 9, "aisles": [9]}}"#.to_string(),
            "過道應在第 1 至 8 列座位之後，這裡是 9",
        ),
        (
            r#"{"format": "seating/1", "podium": {"rows": [3, 0]}}"#.to_string(),
            "`podium.rows[1]`：每排至少要有一個座位",
        ),
        (
            r#"{"format": "seating/1", "instructions": [{"op": "pin", "person": "a"}]}"#.to_string(),
            "`pin` 指示缺少字段 `seat`",
        ),
        (r#"{"format": "seating/1", "banquet": {"tables": 0}}"#.to_string(), "桌數應在 1 至"),
        (
            r#"{"format": "seating/1", "lineups": [{"name": "合影", "rows": [3], "per_row": 3}]}"#
                .to_string(),
            "`rows` 和 `per_row` 只能給一個",
        ),
        (
            r#"{"format": "seating/1", "vehicles": {"cars": [{"kind": "bus"}]}}"#.to_string(),
            "大客車要給出座位數",
        ),
        (r#"{"format": "seating/2"}"#.to_string(), "\"seating/2\" 比本程序新"),
        (r#"{"format": "seating-plan/1"}"#.to_string(), "是排座結果（`seating plan` 的輸出），不是方案"),
        (r#"{"people": []}"#.to_string(), "缺少：方案文件以 \"format\": \"seating/1\" 開頭"),
        ("[1]".to_string(), "最外層應是 JSON 對象"),
    ];
    for (text, expected) in &cases {
        let m = refused(text, HANT);
        assert!(m.contains(expected), "{text}\n  → {m}\n  expected {expected:?}");
        // No English words left outside the quoted names, keywords and values of the file.
        let mut outside = String::new();
        let mut quote = None;
        for c in m.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '`' || c == '"' => quote = Some(c),
                None => outside.push(c),
            }
        }
        let words = outside.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 2);
        let english: Vec<&str> = words.filter(|w| !["JSON", "Unicode"].contains(w)).collect();
        assert!(english.is_empty(), "{text}\n  → {m}\n  English words: {english:?}");
        // English on request is the English of before, with the same field and position.
        let en = refused(text, Lang::EN);
        assert_eq!(en, Scenario::from_json(text).unwrap_err().to_string(), "{text}");
    }
    // 简体 as the page writes it: the program's words converted, the file's left alone.
    let m =
        refused(r#"{"format": "seating/1", "people": [{"id": "a", "name": "王晨", "unit": "單位"}]}"#, HANS);
    assert_eq!(m, "`people[0].unit`：没有单位 \"單位\"（人员 \"a\"）；请先在 `units` 中加上这个单位");
}
