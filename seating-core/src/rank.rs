//! Precedence (排序): rank first, then the chosen tie-breakers, then input order.

use std::cmp::Ordering;

use crate::lang::msg;
use crate::plan::{Diagnostic, Level};
use crate::scenario::{Person, Ranking, Tiebreak};
use crate::strokes::{self, NameKey};

mod pinyin_table;

/// Tie-break keys of one person, computed once so that sorting is cheap.
struct Keys<'a> {
    strokes: Option<NameKey>,
    pinyin: Option<String>,
    appointed: Option<&'a str>,
    joined: Option<&'a str>,
}

/// Orders `people` by precedence: `rank` ascending (unranked last), then `ranking.tiebreak`
/// keys in order, then input order. Returns indices into `people`, most senior first, and a
/// diagnostic for every name whose stroke order could not be fully determined.
///
/// Complexity: O(n log n) comparisons of precomputed keys. The rank is packed with the
/// index into one integer pair, so with no tie-breaker before `input` the sort compares
/// plain integers; the input order as the last key makes every key distinct, so an
/// unstable sort gives the stable result.
pub fn precedence(people: &[Person], ranking: &Ranking) -> (Vec<usize>, Vec<Diagnostic>) {
    precedence_in(people, ranking, crate::Lang::default())
}

/// [`precedence`], with its diagnostics written in `lang`.
pub fn precedence_in(
    people: &[Person],
    ranking: &Ranking,
    lang: crate::Lang,
) -> (Vec<usize>, Vec<Diagnostic>) {
    let uses = |t: Tiebreak| ranking.tiebreak.contains(&t);
    // `input` ends the comparison: the tie-breakers after it never decide anything.
    let tiebreak = match ranking.tiebreak.iter().position(|&t| t == Tiebreak::Input) {
        Some(k) => &ranking.tiebreak[..k],
        None => &ranking.tiebreak[..],
    };
    let mut diagnostics = Vec::new();
    let keys: Vec<Keys> = people
        .iter()
        .map(|p| Keys {
            // `seniority` ends in strokes (PROTOCOL §6), so it needs the stroke key too.
            strokes: (uses(Tiebreak::Strokes) || uses(Tiebreak::Seniority)).then(|| {
                let k = strokes::name_key(&p.name, ranking.strokes_mode);
                // Quoted and escaped as Rust writes a string (invisible characters show); in
                // Chinese between 「」 instead of the ASCII quotes.
                let shown = |chars: &[char]| {
                    let quoted = format!("{:?}", chars.iter().collect::<String>());
                    if lang.is_en() { quoted } else { quoted[1..quoted.len() - 1].to_string() }
                };
                let mut note = |code: &str, message: String| {
                    diagnostics.push(Diagnostic {
                        level: Level::Warning,
                        code: code.into(),
                        message,
                        person: Some(p.id.clone()),
                        ..Diagnostic::default()
                    })
                };
                if !k.unknown().is_empty() {
                    let message = msg!(
                        lang,
                        "{} ({}): no stroke data for {}; sorted after known characters",
                        "{} ({})：「{}」無筆畫數據，排在筆畫已知的字之後",
                        p.name,
                        p.id,
                        shown(k.unknown())
                    );
                    note("unknown-strokes", message);
                }
                if !k.counted().is_empty() {
                    let message = msg!(
                        lang,
                        "{} ({}): no stroke order for {}; sorted by stroke count, after the characters of the same count whose order is known",
                        "{} ({})：「{}」無筆順數據，按筆畫數排序，排在同筆畫數、筆順已知的字之後",
                        p.name,
                        p.id,
                        shown(k.counted())
                    );
                    note("unknown-stroke-order", message);
                }
                k
            }),
            pinyin: uses(Tiebreak::Pinyin).then(|| pinyin_key(&p.name)),
            appointed: p.appointed.as_deref(),
            joined: p.joined.as_deref(),
        })
        .collect();
    let mut order: Vec<(u128, usize)> =
        people.iter().enumerate().map(|(i, p)| (rank_key(p.rank), i)).collect();
    if tiebreak.is_empty() {
        order.sort_unstable();
    } else {
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| compare(&keys[a.1], &keys[b.1], tiebreak)).then(a.1.cmp(&b.1))
        });
    }
    // Strokes count the form typed (刘 6, 劉 15): a roster typed in both forms is told so,
    // when strokes can decide anything (two people share a rank).
    let tied = || order.windows(2).any(|w| w[0].0 == w[1].0);
    if tiebreak.iter().any(|&t| t == Tiebreak::Strokes || t == Tiebreak::Seniority) && tied() {
        if let Some((simplified, traditional)) = strokes::mixed_forms(people.iter().map(|p| p.name.as_str()))
        {
            diagnostics.push(Diagnostic {
                level: Level::Info,
                code: "mixed-script".into(),
                message: msg!(
                    lang,
                    "names are typed in both Simplified and Traditional characters ({} and {}): strokes \
                     count the form typed ({} 6, {} 15), so one surname sorts by two counts; type the \
                     roster in one form",
                    "名單中簡體、繁體混用（如{}、{}）：筆畫按輸入的字形計算（{} 6 畫，{} 15 畫），\
                     同一姓氏兩種寫法排序不同；請統一字形",
                    simplified,
                    traditional,
                    // Arguments, so that a 简体 page does not turn 劉 into 刘 (an escape,
                    // so that scripts/script-table.py does not take it for a word to convert).
                    "刘",
                    "\u{5289}"
                ),
                ..Diagnostic::default()
            });
        }
    }
    (order.into_iter().map(|(_, i)| i).collect(), diagnostics)
}

/// `rank` as an integer in precedence order: ranked people by rank, unranked people last.
fn rank_key(rank: Option<i64>) -> u128 {
    match rank {
        // Flipping the sign bit maps i64 order onto u64 order.
        Some(r) => u128::from(r as u64 ^ (1 << 63)),
        None => 1 << 64,
    }
}

/// Compares two people of equal rank by `tiebreak` (which holds no `input`).
fn compare(a: &Keys, b: &Keys, tiebreak: &[Tiebreak]) -> Ordering {
    let mut ord = Ordering::Equal;
    for t in tiebreak {
        if ord != Ordering::Equal {
            break;
        }
        ord = match t {
            Tiebreak::Strokes => a.strokes.cmp(&b.strokes),
            Tiebreak::Pinyin => a.pinyin.cmp(&b.pinyin),
            // PROTOCOL §6: earlier appointment, then earlier arrival at the unit, then strokes.
            Tiebreak::Seniority => earlier_first(a.appointed, b.appointed)
                .then(earlier_first(a.joined, b.joined))
                .then_with(|| a.strokes.cmp(&b.strokes)),
            Tiebreak::Input => Ordering::Equal,
        };
    }
    ord
}

/// Known dates before unknown ones; ISO dates compare as strings.
fn earlier_first(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Pinyin sort key: each Han character as its toneless pinyin, letter by letter; other
/// characters lower-cased as they are. Syllables are separated by a space, which sorts before
/// letters, so `li` + `an` ranks before `lian`.
///
/// The surname is read as a surname: a name starting with a polyphonic surname (曾
/// zeng, 单 shan, 解 xie, 仇 qiu, 万俟 mo qi, …) takes that reading for its first one or two
/// characters, where the table gives the everyday reading (ceng, dan, jie, chou, wan si).
///
/// The readings cover U+3400..=U+9FFF (CJK Extension A and Unified Ideographs; see
/// `pinyin_table`); other Han characters (Extension B and beyond, compatibility ideographs,
/// 〇) count as characters without a reading.
pub fn pinyin_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 3);
    let mut chars = name.chars().filter(|&c| !(c.is_whitespace() || c == '·' || c == '•'));
    let mut ahead = chars.clone();
    let (first, second) = (ahead.next(), ahead.next());
    if let Some((surname, readings)) = first.and_then(|a| surname_reading(a, second)) {
        for r in readings.split(' ') {
            key.push_str(r);
            key.push(' ');
        }
        chars.nth(surname - 1);
    }
    for c in chars {
        match pinyin_table::reading(c) {
            Some(p) => key.push_str(p),
            None => key.extend(c.to_lowercase()),
        }
        key.push(' ');
    }
    key
}

/// Surnames (simplified and traditional forms) whose reading as a surname is not the
/// character's first reading in the table, with their readings as surnames (《百家姓》;
/// 现代汉语词典). Characters read two ways as surnames (覃 qin/tan, 乐 yue/le) are left to
/// the table. Compound surnames come first, so that 尉迟 is read yu chi, not wei chi.
const SURNAME_READINGS: &[(&str, &str)] = &[
    ("万俟", "mo qi"),
    ("萬俟", "mo qi"),
    ("尉迟", "yu chi"),
    ("尉遲", "yu chi"),
    ("单于", "chan yu"),
    ("單于", "chan yu"),
    ("澹台", "tan tai"),
    ("澹臺", "tan tai"),
    ("乐正", "yue zheng"),
    ("樂正", "yue zheng"),
    ("曾", "zeng"),
    ("单", "shan"),
    ("單", "shan"),
    ("解", "xie"),
    ("仇", "qiu"),
    ("区", "ou"),
    ("區", "ou"),
    ("朴", "piao"),
    ("查", "zha"),
    ("盖", "ge"),
    ("蓋", "ge"),
    ("缪", "miao"),
    ("繆", "miao"),
    ("种", "chong"),
    ("種", "chong"),
    ("重", "chong"),
    ("翟", "zhai"),
    ("繁", "po"),
    ("召", "shao"),
    ("员", "yun"),
    ("員", "yun"),
    ("秘", "bi"),
    ("折", "she"),
    ("句", "gou"),
    ("能", "nai"),
    ("黑", "he"),
    ("阚", "kan"),
    ("祭", "zhai"),
    ("蕃", "pi"),
    ("洗", "xian"),
    ("都", "du"),
];

/// How many leading characters of a name starting `a`, `b` are a surname listed in
/// [`SURNAME_READINGS`], and their readings.
fn surname_reading(a: char, b: Option<char>) -> Option<(usize, &'static str)> {
    SURNAME_READINGS.iter().find_map(|&(surname, readings)| {
        let mut s = surname.chars();
        let matches = s.next() == Some(a) && s.next().is_none_or(|c| Some(c) == b);
        matches.then(|| (surname.chars().count(), readings))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::StrokesMode;

    fn person(id: &str, name: &str, rank: Option<i64>) -> Person {
        serde_json::from_value(serde_json::json!({"id": id, "name": name, "rank": rank})).unwrap()
    }

    #[test]
    fn rank_then_input_with_unranked_last() {
        let people = vec![person("a", "甲", None), person("b", "乙", Some(2)), person("c", "丙", Some(1))];
        let (order, _) = precedence(&people, &Ranking::default());
        assert_eq!(order, vec![2, 1, 0]);
    }

    #[test]
    fn unknown_strokes_in_chinese_and_english() {
        let people = vec![person("a", "甲𠀀", Some(1)), person("b", "乙", Some(1))];
        let ranking = Ranking { tiebreak: vec![Tiebreak::Strokes], strokes_mode: StrokesMode::Surname };
        let message = |lang| precedence_in(&people, &ranking, lang).1[0].message.clone();
        let zh = crate::Lang { language: crate::Language::Zh, script: crate::Script::Traditional };
        assert_eq!(message(zh), "甲𠀀 (a)：「𠀀」無筆畫數據，排在筆畫已知的字之後");
        assert_eq!(
            message(crate::Lang::EN),
            "甲𠀀 (a): no stroke data for \"𠀀\"; sorted after known characters"
        );
        // The default is Chinese, the file format's default.
        assert_eq!(precedence(&people, &ranking).1[0].message, message(zh));
    }

    #[test]
    fn pinyin_breaks_ties_letter_by_letter() {
        let people =
            vec![person("a", "张伟", Some(1)), person("b", "李娜", Some(1)), person("c", "安然", Some(1))];
        let ranking = Ranking { tiebreak: vec![Tiebreak::Pinyin], strokes_mode: StrokesMode::Surname };
        let (order, _) = precedence(&people, &ranking);
        assert_eq!(order, vec![2, 1, 0]);
    }

    #[test]
    fn surnames_are_read_as_surnames() {
        assert_eq!(pinyin_key("曾明"), "zeng ming ");
        assert_eq!(pinyin_key("单 明"), "shan ming ");
        assert_eq!(pinyin_key("萬俟卨"), "mo qi xie ");
        assert_eq!(pinyin_key("尉迟恭"), "yu chi gong ");
        // 尉 alone is the surname wei; 解 inside a given name keeps its table reading.
        assert_eq!(pinyin_key("尉明"), "wei ming ");
        assert_eq!(pinyin_key("王解"), "wang jie ");
        let names = ["曾明", "邓明", "单明", "解明", "金明", "仇明", "崔明"];
        let people: Vec<Person> =
            names.iter().enumerate().map(|(i, n)| person(&i.to_string(), n, None)).collect();
        let ranking = Ranking { tiebreak: vec![Tiebreak::Pinyin], strokes_mode: StrokesMode::Surname };
        let order: Vec<&str> = precedence(&people, &ranking).0.iter().map(|&i| names[i]).collect();
        assert_eq!(order, ["崔明", "邓明", "金明", "仇明", "单明", "解明", "曾明"]);
    }

    /// Every listed reading differs from the table's, or the entry would be dead weight;
    /// readings are syllables the table knows.
    #[test]
    fn surname_readings_are_needed_and_well_formed() {
        let syllables: std::collections::HashSet<&str> =
            ('\u{4e00}'..='\u{9fff}').filter_map(pinyin_table::reading).collect();
        for &(surname, readings) in SURNAME_READINGS {
            let table: Vec<&str> = surname.chars().map(|c| pinyin_table::reading(c).unwrap_or("?")).collect();
            let ours: Vec<&str> = readings.split(' ').collect();
            assert_eq!(ours.len(), table.len(), "{surname}");
            assert!(ours.iter().all(|r| syllables.contains(r)), "{surname}: {readings}");
            assert_ne!(ours, table, "{surname}: the table already reads it {readings}");
        }
    }
}
