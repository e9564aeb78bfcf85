//! Errors for input that cannot be planned at all (malformed or inconsistent scenarios).
//!
//! Anything that still allows a useful plan is a [`crate::Diagnostic`] instead.

use std::fmt;

use crate::lang::{msg, Lang};

/// Why a scenario could not be read. Every variant names where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The JSON is malformed or does not fit the format: `path` is the field (`people[3].rank`).
    Json {
        /// Field path, empty at the top level.
        path: String,
        /// 1-based line of the problem in the JSON text.
        line: usize,
        /// 1-based column of the problem in the JSON text.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The JSON parsed but a value is not acceptable (duplicate id, unknown unit, …).
    Invalid {
        /// Field path, e.g. `people[3].unit`.
        field: String,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A tabular import (CSV, pasted cells, XLSX) has a bad row or column.
    Table {
        /// 1-based line (row) of the source, 0 when the problem is not on one line.
        line: usize,
        /// Column name or letter, empty when the whole line is at fault.
        column: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json { path, line, column, message } => {
                if path.is_empty() {
                    write!(f, "line {line}, column {column}: {message}")
                } else {
                    write!(f, "line {line}, column {column}: `{path}`: {message}")
                }
            }
            Error::Invalid { field, message } => write!(f, "`{field}`: {message}"),
            Error::Table { line, column, message } => match (line, column.is_empty()) {
                (0, true) => write!(f, "{message}"),
                (0, false) => write!(f, "column {column}: {message}"),
                (l, true) => write!(f, "line {l}: {message}"),
                (l, false) => write!(f, "line {l}, column {column}: {message}"),
            },
        }
    }
}

impl Error {
    /// The error as [`Display`](fmt::Display) writes it, with the words around the message
    /// (line, column) in `lang`: `第10行，D列（排序）：…`. The message itself is in the
    /// language it was made in: the `_in` functions of [`crate::import`] write theirs in
    /// the language they are given; serde's and the scenario checks' are English.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            _ if lang.is_en() => self.to_string(),
            Error::Json { path, line, column, message } => {
                let at = msg!(lang, "", "第{}行第{}列", line, column);
                if path.is_empty() {
                    msg!(lang, "", "{}：{}", at, message)
                } else {
                    msg!(lang, "", "{}：`{}`：{}", at, path, message)
                }
            }
            Error::Invalid { field, message } => msg!(lang, "", "`{}`：{}", field, message),
            Error::Table { line, column, message } => match (line, column.is_empty()) {
                (0, true) => message.clone(),
                (0, false) => msg!(lang, "", "{}：{}", column, message),
                (l, true) => msg!(lang, "", "第{}行：{}", l, message),
                (l, false) => msg!(lang, "", "第{}行，{}：{}", l, column, message),
            },
        }
    }
}

impl std::error::Error for Error {}

/// A message of serde or serde_json (its position already taken off) in `lang`: English as
/// it is; in Chinese the syntax errors and the usual data errors (missing or unknown field,
/// unknown keyword, wrong type or value), keeping the field names, keywords and values as
/// they are in the file. A message it does not know stays English.
pub(crate) fn serde_words(message: &str, lang: Lang) -> String {
    if lang.is_en() {
        // serde names the Rust type it wanted (`expected struct Scenario`); a file's reader
        // needs the JSON shape.
        return match message.split_once(", expected struct ") {
            Some((head, _)) => format!("{head}, expected a JSON object ({{…}})"),
            None => message.to_string(),
        };
    }
    let fixed = match message {
        "EOF while parsing a list" => Some("數組（[…]）沒有結束，文件就完了"),
        "EOF while parsing an object" => Some("對象（{…}）沒有結束，文件就完了"),
        "EOF while parsing a string" => Some("字符串沒有結束（缺少右引號），文件就完了"),
        "EOF while parsing a value" => Some("文件在應有值的地方結束了"),
        "expected `:`" => Some("這裡應是冒號 `:`"),
        "expected `,` or `]`" => Some("這裡應是逗號 `,` 或 `]`"),
        "expected `,` or `}`" => Some("這裡應是逗號 `,` 或 `}`"),
        "expected ident" => Some("這裡應是 true、false 或 null"),
        "expected value" => Some("這裡應是一個值（文字要加雙引號）"),
        "invalid escape" => Some("無效的轉義（\\ 後面的字符）"),
        "invalid number" => Some("無效的數字"),
        "number out of range" => Some("數字超出範圍"),
        "invalid unicode code point" => Some("無效的 Unicode 碼位"),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            Some("字符串裡有控制字符（如換行、製表符），要寫成 \\n、\\t")
        }
        "key must be a string" => Some("鍵要加雙引號"),
        "lone leading surrogate in hex escape" => Some("\\u 轉義裡有孤立的代理項"),
        "trailing comma" => Some("多餘的逗號"),
        "trailing characters" => Some("JSON 結束後還有其他字符"),
        "unexpected end of hex escape" => Some("\\u 轉義不完整"),
        "recursion limit exceeded" => Some("嵌套層數太多"),
        _ => None,
    };
    if let Some(zh) = fixed {
        return lang.text("", zh).into_owned();
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        msg!(lang, "", "缺少字段 {}", field)
    } else if let Some(field) = message.strip_prefix("duplicate field ") {
        msg!(lang, "", "字段 {} 重複", field)
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        match rest.split_once(", ") {
            Some((field, "there are no fields")) => msg!(lang, "", "未知字段 {}，這裡沒有字段", field),
            Some((field, expected)) => {
                msg!(lang, "", "未知字段 {}，可用的有 {}", field, one_of(expected, lang))
            }
            None => msg!(lang, "", "未知字段 {}", rest),
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        match rest.split_once(", ") {
            Some((value, expected)) => {
                msg!(lang, "", "未知取值 {}，可用的有 {}", value, one_of(expected, lang))
            }
            None => msg!(lang, "", "未知取值 {}", rest),
        }
    } else if let Some((found, expected)) =
        message.strip_prefix("invalid type: ").and_then(|r| r.split_once(", expected "))
    {
        msg!(lang, "", "類型不對：應為{}，實為{}", expectation(expected, lang), unexpected(found, lang))
    } else if let Some((found, expected)) =
        message.strip_prefix("invalid value: ").and_then(|r| r.split_once(", expected "))
    {
        msg!(lang, "", "取值不對：應為{}，實為{}", expectation(expected, lang), unexpected(found, lang))
    } else if let Some((n, expected)) =
        message.strip_prefix("invalid length ").and_then(|r| r.split_once(", expected "))
    {
        msg!(lang, "", "長度不對：應為{}，實為 {}", expectation(expected, lang), n)
    } else {
        message.to_string()
    }
}

/// serde's list of what was expected (`expected one of `a`, `b``, `expected `a` or `b``,
/// `expected `a``) as `` `a`、`b` ``.
fn one_of(expected: &str, lang: Lang) -> String {
    let list = expected.strip_prefix("expected ").unwrap_or(expected);
    let list = list.strip_prefix("one of ").unwrap_or(list);
    list.replace(", ", lang.list_sep()).replace(" or ", lang.list_sep())
}

/// What serde expected (`a string`, `u32`, `struct Person`, `one of `a`, `b``) in words.
fn expectation(expected: &str, lang: Lang) -> String {
    let words = match expected {
        "a string" | "a borrowed string" | "string" => "字符串",
        "a boolean" | "bool" => "布爾值（true 或 false）",
        "a sequence" => "數組（[…]）",
        "a map" => "對象（{…}）",
        "u8" | "u16" | "u32" | "u64" | "usize" => "非負整數",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整數",
        "f32" | "f64" => "數字",
        e if e.starts_with("struct ") => "對象（{…}）",
        e if e.starts_with("one of ") => return msg!(lang, "", "{}之一", one_of(e, lang)),
        e => return e.to_string(),
    };
    lang.text("", words).into_owned()
}

/// What serde found (`string "x"`, `integer `3``, `null`) in words, the value as written.
fn unexpected(found: &str, lang: Lang) -> String {
    let kinds = [
        ("string ", "字符串 "),
        ("integer ", "整數 "),
        ("floating point ", "小數 "),
        ("boolean ", "布爾值 "),
        ("character ", "字符 "),
    ];
    for (en, zh) in kinds {
        if let Some(value) = found.strip_prefix(en) {
            return msg!(lang, "", "{}{}", lang.text("", zh), value);
        }
    }
    let words = match found {
        "sequence" => "數組",
        "map" => "對象",
        "null" | "unit value" => "null",
        f => return f.to_string(),
    };
    lang.text("", words).into_owned()
}
