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
                if !k.unknown().is_empty() {
                    let chars: String = k.unknown().iter().collect();
                    // Quoted and escaped as Rust writes a string (invisible characters show);
                    // in Chinese between 「」 instead of the ASCII quotes.
                    let quoted = format!("{chars:?}");
                    let shown = if lang.is_en() { quoted.as_str() } else { &quoted[1..quoted.len() - 1] };
                    diagnostics.push(Diagnostic {
                        level: Level::Warning,
                        code: "unknown-strokes".into(),
                        message: msg!(
                            lang,
                            "{} ({}): no stroke data for {}; sorted after known characters",
                            "{} ({})：「{}」無筆畫數據，排在筆畫已知的字之後",
                            p.name,
                            p.id,
                            shown
                        ),
                        person: Some(p.id.clone()),
                        ..Diagnostic::default()
                    });
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
/// The readings cover U+3400..=U+9FFF (CJK Extension A and Unified Ideographs; see
/// `pinyin_table`); other Han characters (Extension B and beyond, compatibility ideographs,
/// 〇) count as characters without a reading.
pub fn pinyin_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 3);
    for c in name.chars() {
        if c.is_whitespace() || c == '·' || c == '•' {
            continue;
        }
        match pinyin_table::reading(c) {
            Some(p) => key.push_str(p),
            None => key.extend(c.to_lowercase()),
        }
        key.push(' ');
    }
    key
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
}
