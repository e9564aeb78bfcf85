//! The language of the plan's own prose: seat reasons and diagnostic messages.
//!
//! A secretariat reads the reasons beside the chart and prints them in the seat list, so
//! they are written in Chinese by default (`meeting.language: "zh"`), in the scenario's
//! script (`meeting.script`), or in English (`"en"`) for tools and readers who want it.
//! The page writes them in the language of its interface ([`crate::plan::plan_in`]).
//!
//! Every message has one English and one Chinese template, the Chinese one written in
//! Traditional characters and turned into Simplified ones by [`Script::words`] *before*
//! anything is put into it: names, units and other typed text are never converted. Field
//! paths (`instructions[2]`), person ids and seat ids stay as the file writes them in both
//! languages, so a message still names the field to fix.
//!
//! ```
//! use seating_core::lang::{Lang, Language};
//! use seating_core::Script;
//!
//! let zh = Lang { language: Language::Zh, script: Script::Simplified };
//! assert_eq!(zh.fill("{} is excluded", "{}已請假", &[&"劉洋"]), "劉洋已请假");
//! let en = Lang { language: Language::En, script: Script::Simplified };
//! assert_eq!(en.fill("{} is excluded", "{}已請假", &[&"劉洋"]), "劉洋 is excluded");
//! ```

use std::borrow::Cow;
use std::fmt::{Display, Write};

use crate::keyword::keywords;
use crate::Script;

/// The language of reasons and diagnostics (`meeting.language`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Language {
    /// 中文, in the scenario's script (default).
    #[default]
    Zh,
    /// English.
    En,
}
keywords!(Language { Zh = "zh", En = "en" });

/// How the plan's prose is written: a language, and for Chinese the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang {
    /// Chinese or English.
    pub language: Language,
    /// The script of Chinese text (ignored for English).
    pub script: Script,
}

impl Default for Lang {
    /// Chinese in Traditional characters: the file format's defaults.
    fn default() -> Lang {
        Lang { language: Language::Zh, script: Script::Traditional }
    }
}

impl Lang {
    /// English.
    pub const EN: Lang = Lang { language: Language::En, script: Script::Traditional };

    /// The scenario's own choice: `meeting.language` in `meeting.script`.
    pub fn of(s: &crate::Scenario) -> Lang {
        Lang { language: s.meeting.language, script: s.meeting.script }
    }

    /// Whether the prose is English.
    pub fn is_en(self) -> bool {
        self.language == Language::En
    }

    /// The template in this language: `en`, or `zh` (Traditional) in the script.
    pub fn text(self, en: &'static str, zh: &'static str) -> Cow<'static, str> {
        match self.language {
            Language::En => Cow::Borrowed(en),
            Language::Zh => match self.script {
                Script::Traditional => Cow::Borrowed(zh),
                Script::Simplified => Cow::Borrowed(simplified(zh)),
            },
        }
    }

    /// The template in this language with each `{}` replaced by the next argument, in
    /// order, and each `{0}`…`{9}` by that argument (for a word order the other language
    /// does not share). Only the template is converted to the script; the arguments go in
    /// as they are. A template has no other braces.
    pub fn fill(self, en: &'static str, zh: &'static str, args: &[&dyn Display]) -> String {
        let template = self.text(en, zh);
        let mut out = String::with_capacity(template.len() + 16 * args.len());
        let mut next = 0;
        let mut rest = template.as_ref();
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let b = rest.as_bytes();
            let (k, len) = match (b.get(at + 1), b.get(at + 2)) {
                (Some(b'}'), _) => {
                    next += 1;
                    (next - 1, 2)
                }
                (Some(d @ b'0'..=b'9'), Some(b'}')) => (usize::from(d - b'0'), 3),
                _ => {
                    out.push('{');
                    rest = &rest[at + 1..];
                    continue;
                }
            };
            if let Some(a) = args.get(k) {
                let _ = write!(out, "{a}");
            }
            rest = &rest[at + len..];
        }
        out.push_str(rest);
        out
    }

    /// A list of names joined in this language: `a, b` or `a、b`.
    pub fn list_sep(self) -> &'static str {
        match self.language {
            Language::En => ", ",
            Language::Zh => "、",
        }
    }
}

/// `zh`, one of the program's `'static` templates, in the Simplified script, converted once
/// per thread and kept: a 简体 plan fills the same few templates for every seat and every
/// rank inversion, and converting on every call showed in its time. The copies live as long
/// as the program; there is one per template in the source, a few hundred.
fn simplified(zh: &'static str) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CONVERTED: RefCell<HashMap<(usize, usize), &'static str>> = RefCell::new(HashMap::new());
    }
    CONVERTED.with(|c| {
        *c.borrow_mut().entry((zh.as_ptr() as usize, zh.len())).or_insert_with(|| {
            match Script::Simplified.words(zh) {
                Cow::Borrowed(same) => same,
                Cow::Owned(text) => Box::leak(text.into_boxed_str()),
            }
        })
    })
}

/// `lang.fill(en, zh, &[&a, &b])` as `msg!(lang, en, zh, a, b)`.
macro_rules! msg {
    ($lang:expr, $en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        $lang.fill($en, $zh, &[$(&$arg as &dyn ::std::fmt::Display),*])
    };
}
pub(crate) use msg;

#[cfg(test)]
mod tests {
    use super::*;

    const HANS: Lang = Lang { language: Language::Zh, script: Script::Simplified };
    const HANT: Lang = Lang { language: Language::Zh, script: Script::Traditional };

    #[test]
    fn simplified_templates_are_converted_once() {
        let a = HANS.text("seat", "主席臺座位");
        let b = HANS.text("seat", "主席臺座位");
        assert_eq!(a, "主席台座位");
        assert!(matches!((&a, &b), (Cow::Borrowed(x), Cow::Borrowed(y)) if x.as_ptr() == y.as_ptr()));
        // Another template, and one that needs no conversion, are their own.
        assert_eq!(HANS.text("", "簽到"), "签到");
        assert!(matches!(HANS.text("", "第1排"), Cow::Borrowed("第1排")));
        assert_eq!(HANT.text("", "主席臺座位"), "主席臺座位");
    }

    #[test]
    fn fill_puts_arguments_in_order_and_converts_only_the_template() {
        let m = msg!(HANS, "{} sits in {}", "{}坐在{}，已請假", "劉洋 (p1)", "主席臺第1排2號");
        assert_eq!(m, "劉洋 (p1)坐在主席臺第1排2號，已请假");
        assert_eq!(msg!(HANT, "{} sits in {}", "{}坐在{}", "a", 3), "a坐在3");
        assert_eq!(msg!(Lang::EN, "{} sits in {}", "{}坐在{}", "a", 3), "a sits in 3");
        // Too few arguments leave the slot empty; extra ones are ignored.
        assert_eq!(msg!(Lang::EN, "{} and {}", "", "a"), "a and ");
        assert_eq!(msg!(Lang::EN, "no slot", "", "a"), "no slot");
        // Numbered slots reorder; a lone brace is kept.
        assert_eq!(msg!(HANT, "{} by {}", "由{1}給{0}", "甲", "乙"), "由乙給甲");
        assert_eq!(msg!(Lang::EN, "{ {x} {}", "", 1), "{ {x} 1");
    }
}
