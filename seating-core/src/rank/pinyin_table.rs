//! Toneless pinyin readings of U+3400..=U+9FFF (CJK Unified Ideographs Extension A, the
//! Yijing hexagrams between them, which have none, and CJK Unified Ideographs), for
//! [`super::pinyin_key`].
//!
//! The readings are those of the `pinyin` crate 0.11 (feature `plain`: `to_pinyin()`, the
//! first reading, without tone), whose data is mozillazg/pinyin-data 0.15.0 (MIT); see
//! `data/PINYIN-SOURCE.md`. The crate is a dev-dependency only: a test checks every code
//! point of the range against it, and the same test writes `data/pinyin.bin` from it
//! (`SEATING_WRITE_TABLES=1 cargo test -p seating-core --lib pinyin_table::tests::packed_table`).
//!
//! `data/pinyin.bin` (about 28 KB, which gzip does not shrink further):
//!
//! - a `u16` (little-endian): the byte length of the syllable list;
//! - the syllable list: the distinct readings (`a` … `zuo`, with `ü` and `ê` as the crate
//!   writes them), separated by spaces, in alphabetical (byte) order;
//! - the reading of every code point of the range in order, as a number (0: none, `k`: the
//!   `k`-th syllable), range-coded ([`crate::strokes::coder`]) as a 9-bit tree of adaptive
//!   bit models, with no context (neighbouring code points say next to nothing about each
//!   other's readings: the same reading as the previous code point is 2 %).
//!
//! Decoded once, on first use (2 ms natively), into one `u16` per code point (54 KB)
//! and the syllables as `&'static str`s into the packed data.

use std::sync::OnceLock;

use crate::strokes::coder::{Bit, Coder, Decoder};

/// `data/pinyin.bin` (see the module docs).
static PACKED: &[u8] = include_bytes!("../../data/pinyin.bin");

/// The range covered.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;
/// Readings are numbers below `1 << BITS`.
const BITS: u32 = 9;
/// How fast the bit models adapt (see the coder): the slowest they allow.
const LIMIT: u16 = 15;

struct Table {
    syllables: Vec<&'static str>,
    /// Per code point from [`FIRST`]: 0, or the reading's place in `syllables` plus one.
    readings: Vec<u16>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

/// The toneless reading of `c` (as the `pinyin` crate gives it), if `c` is in
/// U+3400..=U+9FFF and has one.
pub(crate) fn reading(c: char) -> Option<&'static str> {
    let i = (c as u32).wrapping_sub(FIRST) as usize;
    if i > (LAST - FIRST) as usize {
        return None;
    }
    let t = TABLE.get_or_init(decode);
    let k = usize::from(t.readings[i]);
    k.checked_sub(1).and_then(|k| t.syllables.get(k).copied())
}

fn decode() -> Table {
    let (len, rest) = PACKED.split_at(2);
    let (list, coded) = rest.split_at(usize::from(u16::from_le_bytes([len[0], len[1]])));
    let syllables = std::str::from_utf8(list).map_or_else(|_| Vec::new(), |s| s.split(' ').collect());
    let mut probs = [Bit::NEW; 1 << BITS];
    let mut decoder = Decoder::new(coded);
    let readings = (FIRST..=LAST).map(|_| decoder.tree(&mut probs, LIMIT, BITS, 0) as u16).collect();
    Table { syllables, readings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pinyin::ToPinyin;

    fn from_crate(c: char) -> Option<&'static str> {
        c.to_pinyin().map(|p| p.plain())
    }

    fn range() -> impl Iterator<Item = char> {
        (FIRST..=LAST).map(|u| char::from_u32(u).unwrap())
    }

    /// `data/pinyin.bin` as made from the `pinyin` crate.
    fn encode() -> Vec<u8> {
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for c in range() {
            if let Some(p) = from_crate(c) {
                *counts.entry(p).or_default() += 1;
            }
        }
        // In alphabetical order (the tree's top bits then mostly code the initial): a little
        // smaller than most frequent first, and the list compresses better.
        let syllables: Vec<(&str, usize)> = counts.into_iter().collect();
        assert!(syllables.len() < (1 << BITS), "{} syllables", syllables.len());
        let list = syllables.iter().map(|s| s.0).collect::<Vec<_>>().join(" ");
        assert!(syllables.iter().all(|s| !s.0.is_empty() && !s.0.contains(' ')));
        let mut out = Vec::new();
        out.extend_from_slice(&u16::try_from(list.len()).unwrap().to_le_bytes());
        out.extend_from_slice(list.as_bytes());
        let mut probs = [Bit::NEW; 1 << BITS];
        let mut encoder = crate::strokes::coder::Encoder::new();
        for c in range() {
            let k = from_crate(c).map_or(0, |p| syllables.iter().position(|s| s.0 == p).unwrap() + 1);
            encoder.tree(&mut probs, LIMIT, BITS, k as u32);
        }
        out.extend(encoder.finish());
        out
    }

    /// `data/pinyin.bin` is the crate's readings packed; with `SEATING_WRITE_TABLES` set, this
    /// test writes it instead (then run it again without).
    #[test]
    fn packed_table_is_up_to_date() {
        let packed = encode();
        crate::strokes::coder::check_committed(
            "pinyin.bin",
            &packed,
            PACKED,
            "the pinyin crate's readings",
            "pinyin_table::tests::packed_table",
        );
    }

    /// Every code point of the range reads as in the crate; nothing outside has a reading.
    #[test]
    fn same_readings_as_the_crate() {
        let mut with_reading = 0;
        for c in range() {
            assert_eq!(reading(c), from_crate(c), "{c} U+{:04X}", c as u32);
            with_reading += usize::from(reading(c).is_some());
        }
        assert!(with_reading > 26_000, "{with_reading}");
        for c in ['\0', 'a', '〇', '\u{33FF}', '\u{A000}', '\u{F900}', '\u{FA18}', '𠀀', char::MAX] {
            assert_eq!(reading(c), None, "{c:?}");
        }
        assert_eq!(reading('拼'), Some("pin"));
        assert_eq!(reading('女'), Some("nü"));
        assert_eq!(reading('䶮'), Some("yan"));
    }
}
