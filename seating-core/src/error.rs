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
