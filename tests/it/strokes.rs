//! 姓氏筆畫 (stroke order): the PROTOCOL §6 examples, published name lists, properties.

use std::cmp::Ordering;

use proptest::prelude::*;
use seating_core::scenario::StrokesMode;
use seating_core::strokes::{name_key, sequence, NameKey};

use StrokesMode::{Fullname, Surname};

fn lt(a: &str, b: &str, mode: StrokesMode) -> bool {
    name_key(a, mode) < name_key(b, mode)
}

/// Sorts `names` by stroke order, computing each key once (as the ranker does).
fn sorted(names: &[&str], mode: StrokesMode) -> Vec<String> {
    let mut keyed: Vec<(NameKey, &str)> = names.iter().map(|n| (name_key(n, mode), *n)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, n)| n.to_string()).collect()
}

/// A deterministic Fisher–Yates shuffle (xorshift64*), so failures reproduce.
fn shuffled<'a>(names: &[&'a str], seed: u64) -> Vec<&'a str> {
    let mut v = names.to_vec();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..v.len()).rev() {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let j = (x.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

/// Asserts that sorting shuffled copies of `published` gives `published` back.
fn assert_reproduces(published: &[&str], mode: StrokesMode) {
    for seed in 1..=20 {
        let got = sorted(&shuffled(published, seed), mode);
        if got != published {
            let first = got.iter().zip(published).position(|(g, p)| g != p).unwrap();
            panic!(
                "seed {seed}: first difference at #{first}: got {:?}, published {:?}\n got: {got:?}",
                &got[first..(first + 3).min(got.len())],
                &published[first..(first + 3).min(published.len())],
            );
        }
    }
    // And from the reversed list, the worst case for a stable sort.
    let mut rev = published.to_vec();
    rev.reverse();
    assert_eq!(sorted(&rev, mode), published);
}

#[test]
fn protocol_example_list_is_sorted() {
    let list = [
        "王一", "王五", "王芳", "刘洋", "李四", "李娜", "杨军", "吴敏", "张伟", "陈静", "周杰", "赵磊",
        "黄勇",
    ];
    assert_reproduces(&list, Surname);
}

#[test]
fn protocol_example_pairs() {
    // Rule 1: a compound surname's strokes are not added (欧 8 < 洪 9).
    assert!(lt("欧阳少东", "洪少东", Surname));
    assert!(lt("欧阳少东", "洪少东", Fullname));
    // PROTOCOL §6 writes this example in traditional characters, but its "8 < 9" is the
    // simplified 欧: typed as 歐 (15 strokes) the name sorts after 洪 (9).
    assert!(lt("洪少東", "歐陽少東", Surname));
    // Rule 2: same count, first differing stroke: 王 1121 < 文 4134; 林 8 < 歐 15 (count).
    assert!(lt("王", "文", Surname));
    assert!(lt("王", "文", Fullname));
    assert!(lt("林", "歐", Surname));
    // Rule 4: the one-character given name.
    assert!(lt("田富", "田大利", Surname));
    assert!(lt("田大利", "田富", Fullname));
    // Rule 3: same surname, go on.
    assert!(lt("王一", "王五", Surname));
    assert!(!lt("文", "王", Surname));
}

#[test]
fn simplified_and_traditional_sort_by_the_form_typed() {
    // 刘 6, 黄 11, 黃 12, 劉 15.
    let want = ["刘德华", "黄伟", "黃偉", "劉德華"];
    assert_reproduces(&want, Surname);
    assert_eq!(sequence('刘').map(|s| s.len()), Some(6));
    assert_eq!(sequence('劉').map(|s| s.len()), Some(15));
}

#[test]
fn compound_surnames_and_modes() {
    // Surname mode: 诸葛 + 亮 is a one-character given name, so it precedes 诸葛孔明.
    assert!(lt("诸葛亮", "诸葛孔明", Surname));
    // Fullname: 孔 (4) < 亮 (9).
    assert!(lt("诸葛孔明", "诸葛亮", Fullname));
    assert!(lt("司马光", "司马相如", Surname));
    // A two-character name starting like a compound surname is surname + given name.
    assert!(lt("上官", "上官婉儿", Surname));
}

#[test]
fn fullname_compares_plainly() {
    // 司马光 vs 司马相如 in Fullname: 光 (6) < 相 (9).
    assert!(lt("司马光", "司马相如", Fullname));
    // A prefix sorts first.
    assert!(lt("王", "王一", Fullname));
    assert!(lt("王", "王一", Surname));
}

#[test]
fn separators_are_skipped() {
    for mode in [Surname, Fullname] {
        assert_eq!(name_key("买买提·艾力", mode), name_key("买买提艾力", mode));
        assert_eq!(name_key("买买提•艾力", mode), name_key("买买提艾力", mode));
        assert_eq!(name_key(" 王　芳 ", mode), name_key("王芳", mode));
        assert_eq!(name_key("王\u{200B}芳", mode), name_key("王芳", mode));
    }
    // 王 芳 is still a one-character given name in Surname mode.
    assert!(lt("王 芳", "王大利", Surname));
}

#[test]
fn unknown_characters_sort_last_and_are_reported() {
    let names = ["王芳", "John Smith", "", "王😀", "王X", "𪚥", "龘", "王大"];
    let got = sorted(&names, Fullname);
    // Empty first; 王芳 / 王大 known; 王X 王😀 after 王 + any known character, by code point;
    // the Latin name and the characters without data (𪚥 ext-B, 龘) after all known surnames.
    let pos = |n: &str| got.iter().position(|g| g == n).unwrap();
    assert_eq!(pos(""), 0);
    assert!(pos("王大") < pos("王芳"), "{got:?}");
    assert!(pos("王芳") < pos("王X") && pos("王X") < pos("王😀"), "{got:?}");
    assert!(pos("王😀") < pos("John Smith") && pos("王😀") < pos("𪚥"), "{got:?}");
    assert!(pos("John Smith") < pos("𪚥"), "J < U+2A6A5: {got:?}");

    let k = name_key("John Smith", Surname);
    assert_eq!(k.unknown(), &['J', 'o', 'h', 'n', 'S', 'm', 'i', 't']);
    assert!(name_key("欧阳少东", Surname).unknown().is_empty());
    assert_eq!(name_key("王😀", Surname).unknown(), &['😀']);
}

#[test]
fn odd_inputs_do_not_panic() {
    for s in [
        "",
        " ",
        "·",
        "\u{301}",
        "a\u{301}",
        "王\u{301}",
        "\0",
        "\u{FEFF}",
        "\u{10FFFF}",
        "王\u{FE0F}一",
        "．．",
    ] {
        for mode in [Surname, Fullname] {
            let _ = name_key(s, mode);
        }
    }
}

#[test]
fn surname_characters_have_data() {
    // Compound surnames (both forms) and traditional forms of common surnames.
    let chars = "欧阳歐陽司马馬诸葛諸上官徒夏侯东方東皇甫尉迟遲公孙孫慕容长長宇文令狐端木西门門南宫宮\
                 独獨孤澹台臺冶轩辕軒轅钟离鍾離鐘闻人聞万萬俟呼延赫连連申屠太史仲濮淳于单單拓跋\
                 陳張劉楊黃趙吳周徐馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董潘袁蔡蔣余杜葉程\
                 魏蘇呂丁任盧姚沈姜崔譚陸范汪廖石金韋賈夏付方鄒熊白孟秦邱江尹薛閻段雷龍黎史陶賀\
                 毛郝顧龔邵覃武錢戴嚴莫孔向常湯康易喬賴施洪辛柯莊溫阮翁聶樊駱鄔凌閭諶歷鮮顓";
    let missing: String = chars.chars().filter(|&c| sequence(c).is_none()).collect();
    assert!(missing.is_empty(), "no stroke data for {missing}");
}

/// A fixture: `#` comment lines (one of them `# mode: surname|fullname`), then one name a
/// line; a trailing `（…）` annotation is stripped.
fn fixture(text: &str) -> (StrokesMode, Vec<&str>) {
    let mut mode = None;
    let mut names = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(m) = comment.trim().strip_prefix("mode:") {
                mode = Some(match m.split_whitespace().next() {
                    Some("surname") => Surname,
                    Some("fullname") => Fullname,
                    other => panic!("unknown mode {other:?}"),
                });
            }
        } else if !line.is_empty() {
            names.push(line.split(['（', '(']).next().unwrap().trim());
        }
    }
    (mode.expect("fixture has no `# mode:` line"), names)
}

#[test]
fn published_list_cpc20_delegates() {
    let (mode, names) = fixture(include_str!("../fixtures/strokes/cpc20-delegates.txt"));
    assert_eq!(names.len(), 40);
    assert_reproduces(&names, mode);
    // The same list is NOT in Fullname order (丁宁 … 丁铭 precede 丁小强 only in Surname mode),
    // so the fixture does tell the two modes apart.
    assert_ne!(sorted(&names, Fullname), names);
}

#[test]
fn published_list_cpc20_politburo() {
    let (mode, names) = fixture(include_str!("../fixtures/strokes/cpc20-politburo.txt"));
    assert_eq!(names.len(), 24);
    assert_reproduces(&names, mode);
    assert_ne!(sorted(&names, Fullname), names);
}

#[test]
fn ten_thousand_names_sort_by_the_first_character_s_strokes_first() {
    // Names built from the table itself: deterministic, varied, with many shared surnames.
    let pool: Vec<char> = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        .chars()
        .collect();
    let given: Vec<char> =
        "一二三小大文明华国建平志伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞刚桂英兰红玉金凤梅琳晨浩宇欣怡雪婷"
            .chars()
            .collect();
    let mut x = 0x1234_5678_9ABC_DEF1u64;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let names: Vec<String> = (0..10_000)
        .map(|_| {
            let mut s = String::new();
            s.push(pool[next(pool.len())]);
            for _ in 0..1 + next(2) {
                s.push(given[next(given.len())]);
            }
            s
        })
        .collect();
    // (Its speed is criterion's `strokes/` bench; this checks the order it gives.)
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let order = sorted(&refs, Surname);
    // PROTOCOL §6 rule 1 over the whole list: the first character's stroke count never
    // goes down.
    let first = |n: &str| sequence(n.chars().next().unwrap()).expect("in the table").len();
    for w in order.windows(2) {
        assert!(first(&w[0]) <= first(&w[1]), "{} before {}", w[0], w[1]);
    }
    // Same surname: every one-character given name before every two-character one
    // (`surname` mode puts the empty slot first, rule 4: 田富 before 田大利).
    for w in order.windows(2) {
        if w[0].chars().next() == w[1].chars().next() {
            assert!(w[0].chars().count() <= w[1].chars().count(), "{} before {}", w[0], w[1]);
        }
    }
}

/// Strings that are mostly Han characters with stroke data, plus separators, Latin,
/// characters without data and combining marks, so that ties and near-ties are common.
fn arb_name() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        8 => prop::sample::select("王文林歐欧阳洪刘劉田富大利一五芳司马光诸葛亮孔明上官李张".chars().collect::<Vec<_>>()),
        1 => prop::sample::select(vec![' ', '·', '•', 'A', 'z', '😀', '𪚥', '\u{301}', '\u{200B}', '龘']),
        1 => any::<char>(),
    ];
    prop::collection::vec(c, 0..6).prop_map(|v| v.into_iter().collect())
}

fn arb_mode() -> impl Strategy<Value = StrokesMode> {
    prop_oneof![Just(Surname), Just(Fullname)]
}

proptest! {
    #[test]
    fn order_is_total_and_consistent(a in arb_name(), b in arb_name(), c in arb_name(), mode in arb_mode()) {
        let (ka, kb, kc) = (name_key(&a, mode), name_key(&b, mode), name_key(&c, mode));
        // Antisymmetric.
        prop_assert_eq!(ka.cmp(&kb), kb.cmp(&ka).reverse());
        // Reflexive and agreeing with Eq.
        prop_assert_eq!(ka.cmp(&ka), Ordering::Equal);
        prop_assert_eq!(ka.cmp(&kb) == Ordering::Equal, ka == kb);
        // Transitive.
        if ka <= kb && kb <= kc {
            prop_assert!(ka <= kc);
        }
        if ka >= kb && kb >= kc {
            prop_assert!(ka >= kc);
        }
        // Deterministic.
        prop_assert_eq!(name_key(&a, mode), ka);
    }

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>(), mode in arb_mode()) {
        let k = name_key(&s, mode);
        for &c in k.unknown() {
            prop_assert!(sequence(c).is_none());
            prop_assert!(s.contains(c));
        }
    }

    #[test]
    fn single_characters_follow_count_then_strokes_then_code_point(
        a in any::<char>(), b in any::<char>(), mode in arb_mode()
    ) {
        let (ka, kb) = (name_key(&a.to_string(), mode), name_key(&b.to_string(), mode));
        let expect = match (sequence(a), sequence(b)) {
            // The digits as text: an oracle independent of `Strokes`' packed order.
            (Some(sa), Some(sb)) => {
                let (sa, sb) = (sa.to_string(), sb.to_string());
                (sa.len(), sa, a).cmp(&(sb.len(), sb, b))
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.cmp(&b),
        };
        // Skipped characters (spaces, dots, …) make an empty key, which sorts first.
        if ka.unknown().is_empty() && sequence(a).is_none() || kb.unknown().is_empty() && sequence(b).is_none() {
            return Ok(());
        }
        prop_assert_eq!(ka.cmp(&kb), expect);
    }
}

/// PROTOCOL §6: "sort by the form the user typed, and say so". A roster that mixes the two
/// forms gets a `mixed-script` note naming one name of each, when strokes decide ties (also
/// through seniority); the example characters stay as they are on a 简体 page.
#[test]
fn a_roster_typed_in_both_forms_is_told_so() {
    let run = |tiebreak: serde_json::Value, names: &[&str], script: &str| {
        let people: Vec<serde_json::Value> = names
            .iter()
            .enumerate()
            .map(|(k, n)| serde_json::json!({"id": format!("p{k}"), "name": n, "rank": 1, "section": "podium"}))
            .collect();
        let s = crate::support::scenario(serde_json::json!({"format": "seating/1",
            "meeting": {"script": script}, "ranking": {"tiebreak": tiebreak},
            "people": people, "podium": {"rows": [names.len()]}}));
        let p = seating_core::plan(&s);
        p.diagnostics.into_iter().filter(|d| d.code == "mixed-script").map(|d| d.message).collect::<Vec<_>>()
    };
    let mixed = ["王芳", "刘洋", "李娜", "陳靜"];
    let notes = run(serde_json::json!(["strokes"]), &mixed, "traditional");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("刘洋") && notes[0].contains("陳靜") && notes[0].contains("劉 15"),
        "{}",
        notes[0]
    );
    let notes = run(serde_json::json!(["seniority"]), &mixed, "simplified");
    assert!(notes.len() == 1 && notes[0].contains("刘 6 画，劉 15 画"), "{notes:?}");
    assert!(run(serde_json::json!(["pinyin"]), &mixed, "traditional").is_empty());
    assert!(run(serde_json::json!(["input", "strokes"]), &mixed, "traditional").is_empty());
    assert!(run(serde_json::json!(["strokes"]), &["王芳", "刘洋", "陈静"], "traditional").is_empty());
    assert!(run(serde_json::json!(["strokes"]), &["王芳", "劉洋", "陳靜"], "traditional").is_empty());
    // All ranks different: strokes decide nothing, nothing to say.
    let people: Vec<serde_json::Value> = mixed
        .iter()
        .enumerate()
        .map(|(k, n)| serde_json::json!({"id": format!("p{k}"), "name": n, "rank": k}))
        .collect();
    let s = crate::support::scenario(serde_json::json!({"format": "seating/1",
        "ranking": {"tiebreak": ["strokes"]}, "people": people}));
    assert!(seating_core::plan(&s).diagnostics.iter().all(|d| d.code != "mixed-script"));
}
