//! The script of the program's own printed words: 繁體 (the default, as the regulation and
//! PROTOCOL write them) or 简体.
//!
//! Labels, headings, legends, list headers, name-card captions and the draft comparison are
//! written in Traditional characters in the source; [`Script::words`] turns them into
//! Simplified ones when the scenario asks (`meeting.script`). It is applied to those fixed
//! words only, never to names, posts, units or anything else the user typed: 劉 stays 劉.

use std::borrow::Cow;

use crate::keyword::keywords;

/// Which characters the printed output's fixed words use (`meeting.script`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Script {
    /// 繁體: 主席臺第1排1號 (default).
    #[default]
    Traditional,
    /// 简体: 主席台第1排1号.
    Simplified,
}
keywords!(Script { Traditional = "traditional", Simplified = "simplified" });

/// The Traditional characters of the program's printed words, in code point order, and
/// their Simplified forms at the same positions (generated with OpenCC's `t2s` from every
/// literal they occur in; character by character gives the same text as phrase by phrase
/// for all of them).
const TRADITIONAL: &str = "並個們側儀優內兩刪則動務區員單嗎國圍圓圖執場塊壓壞實審寫將對導層屬張後從應掛換損據擬敗數斷於時會條構樂標機橫沒減準為無爾獎現畫眾碼禮種筆範簡簽納級組結給統經線編縮繆義職腳臺與舊萬蓋處號補裡製複見規視觀計討記設該說調談請論譯議讀變讓豎負貼資賓車軸較輛輸轉轎辦這進過遞遠遲還邊鄰銜錄鍵長門開間隊際隨雙離頁項順預頒領頭頻類餘駕駛驗體點";
const SIMPLIFIED: &str = "并个们侧仪优内两删则动务区员单吗国围圆图执场块压坏实审写将对导层属张后从应挂换损据拟败数断于时会条构乐标机横没减准为无尔奖现画众码礼种笔范简签纳级组结给统经线编缩缪义职脚台与旧万盖处号补里制复见规视观计讨记设该说调谈请论译议读变让竖负贴资宾车轴较辆输转轿办这进过递远迟还边邻衔录键长门开间队际随双离页项顺预颁领头频类余驾驶验体点";

impl Script {
    /// The program's own words (written in Traditional characters) in this script. Only for
    /// fixed text and numbers: user data must be passed through unchanged.
    pub fn words<'a>(self, text: &'a str) -> Cow<'a, str> {
        if self == Script::Traditional || !text.chars().any(|c| lookup(c).is_some()) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(text.chars().map(|c| lookup(c).unwrap_or(c)).collect())
    }

    /// `self.words(text)` as an owned string.
    pub fn word(self, text: &str) -> String {
        self.words(text).into_owned()
    }
}

/// The Simplified form of `c`, if it is one of the Traditional characters of the table: a
/// binary search, since every character of both tables is three bytes of UTF-8 and UTF-8
/// sorts bytewise in code point order. (It runs for every character of every reason of a
/// 简体 plan, so the linear scan it replaces cost a third of planning time.)
fn lookup(c: char) -> Option<char> {
    if (c as u32) < 0x4E00 {
        return None;
    }
    let mut buf = [0; 4];
    let key = c.encode_utf8(&mut buf).as_bytes();
    let table = TRADITIONAL.as_bytes();
    let (mut lo, mut hi) = (0, table.len() / 3);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match table[3 * mid..3 * mid + 3].cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return SIMPLIFIED.get(3 * mid..3 * mid + 3)?.chars().next(),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_line_up_and_are_sorted() {
        let t: Vec<char> = TRADITIONAL.chars().collect();
        assert_eq!(t.len(), SIMPLIFIED.chars().count());
        assert!(t.windows(2).all(|w| w[0] < w[1]));
        // `lookup` indexes both tables in steps of three bytes.
        assert!(TRADITIONAL.chars().chain(SIMPLIFIED.chars()).all(|c| c.len_utf8() == 3));
    }

    #[test]
    fn lookup_finds_every_entry_and_nothing_else() {
        for (t, s) in TRADITIONAL.chars().zip(SIMPLIFIED.chars()) {
            assert_eq!(lookup(t), Some(s), "{t}");
        }
        for c in ['一', '丁', '劉', '主', '席', '鼎', 'a', '1', '𠀀', '\u{FFFF}', '\u{10FFFF}'] {
            assert_eq!(lookup(c), None, "{c}");
        }
    }

    #[test]
    fn fixed_words_convert_and_traditional_is_untouched() {
        let s = Script::Simplified;
        assert_eq!(s.words("主席臺第1排5號"), "主席台第1排5号");
        assert_eq!(s.words("簽到表"), "签到表");
        assert_eq!(s.words("簽字儀式"), "签字仪式");
        assert_eq!(s.words("後排右座"), "后排右座");
        assert_eq!(s.words("座次圖 seating"), "座次图 seating");
        assert!(matches!(s.words("第1排"), Cow::Borrowed(_)));
        assert!(matches!(Script::Traditional.words("主席臺"), Cow::Borrowed("主席臺")));
    }
}
