//! Reading a roster from an Excel workbook (`.xlsx`, as Excel, WPS and LibreOffice save it):
//! the ZIP container, the shared strings and one visible worksheet (the first, or one of
//! [`xlsx_sheets`] by its index), turned into tab-separated text with one line per sheet
//! row, so that [`super::parse_table`] reads it like a paste and its errors name the row as
//! Excel numbers it.
//!
//! Only what a roster needs is read: cell text and values (numbers written as Excel shows
//! a general-format number, so rank `3` stays `3`). Formulas count by their cached value.
//! Styles and merged cells are ignored. An old binary `.xls` (a compound file) goes to
//! [`super::xls`] and comes back as the same cells.

use super::inflate::{inflate, InflateError};
use super::xls;
use super::{column_text, too_many_rows};
use crate::error::Error;
use crate::lang::{msg, Lang};

/// The most any one part of the workbook may unpack to (a sheet of 10,000 rows is a few MB).
const MAX_PART: usize = 64 << 20;

/// Reads the first visible worksheet of a workbook (`.xlsx`, or Excel 97–2003 `.xls`) as
/// tab-separated text: line N holds sheet row N (blank lines for empty rows), every line as
/// wide as the widest row. Tabs and line breaks inside a cell become spaces. Feed the text
/// to [`parse_table`](super::parse_table).
///
/// ```
/// # use seating_core::import::{read_xlsx, parse_table};
/// let err = read_xlsx(b"name,post\n").unwrap_err();
/// assert!(err.to_string().contains("not an .xlsx workbook"));
/// ```
pub fn read_xlsx(bytes: &[u8]) -> Result<String, Error> {
    read_xlsx_in(bytes, Lang::EN)
}

/// [`read_xlsx`] with its errors in `lang` (show them with [`Error::describe`]).
pub fn read_xlsx_in(bytes: &[u8], lang: Lang) -> Result<String, Error> {
    Ok(read_xlsx_sheet(bytes, 0, lang)?.text)
}

/// One sheet of a workbook, and the names of all its visible sheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetText {
    /// The visible sheets' names, in tab order (what [`read_xlsx_sheet`]'s `index` counts).
    pub sheets: Vec<String>,
    /// The sheet read, as [`read_xlsx`] writes it.
    pub text: String,
}

/// Whether `bytes` look like a workbook, `.xlsx` (a ZIP) or `.xls` (a compound file), and
/// not like text: what to call [`read_xlsx`] on rather than decode.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(&xls::MAGIC)
}

/// The first bytes of a ZIP file (and so of an `.xlsx`).
const ZIP_MAGIC: &[u8] = b"PK";

/// The names of the workbook's visible worksheets, in tab order (hidden ones left out):
/// what [`read_xlsx_sheet`]'s `index` counts.
pub fn xlsx_sheets(bytes: &[u8], lang: Lang) -> Result<Vec<String>, Error> {
    if bytes.starts_with(&xls::MAGIC) {
        return xls::sheets(bytes, lang);
    }
    let zip = Zip::open(bytes, lang)?;
    Ok(visible_sheets(&zip)?.into_iter().map(|(name, _)| name).collect())
}

/// Visible worksheet `index` (0-based, in tab order) as [`read_xlsx`] reads the first one,
/// with the names of the visible sheets from the same reading; errors in `lang`.
pub fn read_xlsx_sheet(bytes: &[u8], index: usize, lang: Lang) -> Result<SheetText, Error> {
    if bytes.starts_with(&xls::MAGIC) {
        let (sheets, cells) = xls::cells(bytes, index, lang)?;
        return Ok(SheetText { sheets, text: to_text(&rows(cells, lang)?) });
    }
    let zip = Zip::open(bytes, lang)?;
    let strings = match zip.find("xl/sharedStrings.xml") {
        Some(entry) => shared_strings(&zip.read(entry)?, lang)?,
        None => Vec::new(),
    };
    let sheets = visible_sheets(&zip)?;
    let (_, sheet_path) = sheets.get(index).ok_or_else(|| no_such_sheet(sheets.len(), index, lang))?;
    let entry = zip
        .find(sheet_path)
        .ok_or_else(|| whole(msg!(lang, "the workbook has no part {}", "工作簿中沒有 {}", sheet_path)))?;
    let sheet = zip.read(entry)?;
    let text = to_text(&rows(sheet_cells(&sheet, &strings, lang)?, lang)?);
    Ok(SheetText { sheets: sheets.into_iter().map(|(name, _)| name).collect(), text })
}

pub(super) fn no_such_sheet(count: usize, index: usize, lang: Lang) -> Error {
    whole(msg!(
        lang,
        "the workbook has {} visible sheets, not {}",
        "工作簿只有{}張可見的工作表，沒有第{}張",
        count,
        index + 1
    ))
}

pub(super) fn whole(message: String) -> Error {
    Error::Table { line: 0, column: String::new(), message }
}

pub(super) fn not_xlsx(why: &str, lang: Lang) -> Error {
    whole(msg!(
        lang,
        "not an .xlsx workbook ({}); save it from Excel or WPS as .xlsx (Excel 工作簿), or copy the table and paste it",
        "不是 .xlsx 工作簿（{}）；請在 Excel 或 WPS 中另存為 .xlsx（Excel 工作簿），或複製表格後貼上",
        why
    ))
}

// ---- ZIP ---------------------------------------------------------------------------------

struct Entry<'a> {
    name: &'a [u8],
    method: u16,
    crc: u32,
    packed: usize,
    size: usize,
    offset: usize,
}

struct Zip<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
    lang: Lang,
}

// Offsets come from the file: every sum is checked, so that a 32-bit (wasm) build cannot
// wrap around into a valid-looking range.
pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8], lang: Lang) -> Result<Zip<'a>, Error> {
        if !bytes.starts_with(ZIP_MAGIC) {
            return Err(not_xlsx(&lang.text("it is not a ZIP file", "不是 ZIP 文件"), lang));
        }
        // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
        let from = bytes.len().saturating_sub(22 + 0xFFFF);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(&[0x50, 0x4B, 0x05, 0x06]))
            .ok_or_else(|| {
                not_xlsx(
                    &lang.text(
                        "the ZIP directory is missing; the file may be cut short",
                        "缺少 ZIP 目錄，文件可能不完整",
                    ),
                    lang,
                )
            })?;
        let count = u16_at(bytes, eocd + 10).unwrap_or(0) as usize;
        let start = u32_at(bytes, eocd + 16).unwrap_or(u32::MAX) as usize;
        let mut entries = Vec::with_capacity(count.min(1024));
        let mut at = start;
        for _ in 0..count {
            let bad = || not_xlsx(&lang.text("the ZIP directory is damaged", "ZIP 目錄已損壞"), lang);
            if u32_at(bytes, at) != Some(0x0201_4B50) {
                return Err(bad());
            }
            let field16 = |k| u16_at(bytes, at + k).ok_or_else(bad);
            let field32 = |k| u32_at(bytes, at + k).ok_or_else(bad);
            let (method, crc) = (field16(10)?, field32(16)?);
            let (packed, size) = (field32(20)? as usize, field32(24)? as usize);
            let (name_len, extra_len, comment_len) =
                (field16(28)? as usize, field16(30)? as usize, field16(32)? as usize);
            let offset = field32(42)? as usize;
            let name = bytes.get(at + 46..(at + 46).saturating_add(name_len)).ok_or_else(bad)?;
            entries.push(Entry { name, method, crc, packed, size, offset });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Zip { bytes, entries, lang })
    }

    fn find(&self, name: &str) -> Option<&Entry<'a>> {
        // Part names are case-insensitive in OPC; some writers differ in case.
        self.entries.iter().find(|e| e.name.eq_ignore_ascii_case(name.as_bytes()))
    }

    fn read(&self, e: &Entry<'_>) -> Result<Vec<u8>, Error> {
        let name = String::from_utf8_lossy(e.name);
        let lang = self.lang;
        let bad = |why: &str| whole(msg!(lang, "the workbook part {} {}", "工作簿中的 {} {}", name, why));
        let at = e.offset;
        if u32_at(self.bytes, at) != Some(0x0403_4B50) {
            return Err(bad(&lang.text("is missing; the file may be damaged", "缺失，文件可能已損壞")));
        }
        let skip = 30
            + u16_at(self.bytes, at + 26).unwrap_or(0) as usize
            + u16_at(self.bytes, at + 28).unwrap_or(0) as usize;
        let start = at.saturating_add(skip);
        let data = self.bytes.get(start..start.saturating_add(e.packed)).ok_or_else(|| {
            bad(&lang.text("is cut short; the file may be incomplete", "不完整，文件可能被截斷"))
        })?;
        if e.size > MAX_PART {
            return Err(bad(&too_large(lang)));
        }
        let out = match e.method {
            0 => data.to_vec(),
            8 => inflate(data, MAX_PART).map_err(|err| match err {
                InflateError::TooLarge => bad(&too_large(lang)),
                err => bad(&msg!(lang, "cannot be unpacked: {}", "無法解壓：{}", err.describe(lang))),
            })?,
            m => {
                return Err(bad(&msg!(
                    lang,
                    "uses ZIP compression method {}, which is not supported",
                    "使用了不支持的 ZIP 壓縮方式 {}",
                    m
                )))
            }
        };
        if crate::export::xlsx::crc32(&out) != e.crc {
            return Err(bad(&lang.text("fails its checksum; the file is damaged", "校驗失敗，文件已損壞")));
        }
        Ok(out)
    }
}

fn too_large(lang: Lang) -> String {
    msg!(lang, "is larger than {} MB", "超過 {} MB", MAX_PART >> 20)
}

// ---- XML ---------------------------------------------------------------------------------

/// One tag of an XML text: its local name (prefix dropped), its attributes' raw text, and
/// whether it is a closing tag or self-closing.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    close: bool,
    empty: bool,
    /// Byte offset just after the tag's `>`.
    end: usize,
}

impl<'a> Tag<'a> {
    /// The value of attribute `key` (local name), entities decoded.
    fn attr(&self, key: &str) -> Option<String> {
        let mut rest = self.attrs;
        loop {
            let eq = rest.find('=')?;
            let name = rest[..eq].trim();
            let name = name.rsplit(':').next().unwrap_or(name);
            let after = rest[eq + 1..].trim_start();
            let quote = after.chars().next()?;
            if quote != '"' && quote != '\'' {
                return None;
            }
            let close = after[1..].find(quote)?;
            if name == key {
                return Some(unescape(&after[1..1 + close]));
            }
            rest = &after[close + 2..];
        }
    }
}

/// The tags of `xml` in order, with the text between them available by offset.
struct Tags<'a> {
    xml: &'a str,
    at: usize,
}

impl<'a> Iterator for Tags<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        loop {
            let open = self.at + self.xml[self.at..].find('<')?;
            let rest = &self.xml[open..];
            // Comments, processing instructions, CDATA and doctype are skipped whole.
            for (start, end) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")] {
                if rest.starts_with(start) {
                    self.at = open + rest.find(end).map_or(rest.len(), |e| e + end.len());
                    break;
                }
            }
            if self.at > open {
                continue;
            }
            let close_at = open + rest.find('>')?;
            let inner = &self.xml[open + 1..close_at];
            self.at = close_at + 1;
            let (close, inner) = match inner.strip_prefix('/') {
                Some(i) => (true, i),
                None => (false, inner),
            };
            let (empty, inner) = match inner.strip_suffix('/') {
                Some(i) => (true, i),
                None => (false, inner),
            };
            let split = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            let qname = &inner[..split];
            let name = qname.rsplit(':').next().unwrap_or(qname);
            return Some(Tag { name, attrs: &inner[split..], close, empty, end: self.at });
        }
    }
}

fn tags(xml: &str) -> Tags<'_> {
    Tags { xml, at: 0 }
}

/// The text from `start` up to the next tag, with entities and OOXML's `_xHHHH_` escapes
/// decoded.
fn text_at(xml: &str, start: usize) -> String {
    let end = xml[start..].find('<').map_or(xml.len(), |e| start + e);
    unescape(&xml[start..end])
}

fn unescape(s: &str) -> String {
    if !s.contains('&') && !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['&', '_']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let Some(semi) = rest.find(';').filter(|&n| n <= 10) else {
                out.push('&');
                rest = &rest[1..];
                continue;
            };
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            match c {
                Some(c) => {
                    out.push(c);
                    rest = &rest[semi + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            // `_x000D_`: a character Excel cannot put in XML as is.
            let code = rest
                .get(2..6)
                .filter(|_| rest.starts_with("_x") && rest.get(6..7) == Some("_"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32);
            match code {
                Some(c) => {
                    out.push(c);
                    rest = &rest[7..];
                }
                None => {
                    out.push('_');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn utf8<'b>(part: &str, bytes: &'b [u8], lang: Lang) -> Result<&'b str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| {
        whole(msg!(
            lang,
            "the workbook part {} is not UTF-8 XML",
            "工作簿中的 {} 不是 UTF-8 編碼的 XML",
            part
        ))
    })
}

/// The text of each `<si>` item: its `<t>` runs joined, phonetic guides (`<rPh>`) left out.
fn shared_strings(bytes: &[u8], lang: Lang) -> Result<Vec<String>, Error> {
    let xml = utf8("xl/sharedStrings.xml", bytes, lang)?;
    Ok(items(xml, "si"))
}

/// For every `<item>` element: the concatenated text of its `<t>` children outside `<rPh>`.
fn items(xml: &str, item: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut phonetic = 0usize;
    for tag in tags(xml) {
        match (tag.name, tag.close) {
            (n, false) if n == item => {
                current = (!tag.empty).then(String::new);
                if tag.empty {
                    out.push(String::new());
                }
            }
            (n, true) if n == item => out.extend(current.take()),
            ("rPh", close) if !tag.empty => {
                phonetic = if close { phonetic.saturating_sub(1) } else { phonetic + 1 }
            }
            ("t", false) if !tag.empty && phonetic == 0 => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&text_at(xml, tag.end));
                }
            }
            _ => {}
        }
    }
    out
}

/// The visible worksheets in the workbook's tab order: (name, part path). Without a
/// readable workbook part, every `xl/worksheets/*.xml`, named by file, `sheet2` after `sheet1`.
fn visible_sheets(zip: &Zip<'_>) -> Result<Vec<(String, String)>, Error> {
    let fallback = || {
        let mut parts: Vec<&str> = zip
            .entries
            .iter()
            .filter_map(|e| std::str::from_utf8(e.name).ok())
            .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
            .collect();
        crate::sort::sort_by_key(&mut parts, |n| (n.len(), *n));
        let sheets: Vec<(String, String)> = parts
            .into_iter()
            .map(|p| (p["xl/worksheets/".len()..p.len() - 4].to_string(), p.to_string()))
            .collect();
        if sheets.is_empty() {
            Err(not_xlsx(&zip.lang.text("it has no worksheet", "其中沒有工作表"), zip.lang))
        } else {
            Ok(sheets)
        }
    };
    let (Some(book), Some(rels)) = (zip.find("xl/workbook.xml"), zip.find("xl/_rels/workbook.xml.rels"))
    else {
        return fallback();
    };
    let book = zip.read(book)?;
    let rels = zip.read(rels)?;
    let book = utf8("xl/workbook.xml", &book, zip.lang)?;
    let rels = utf8("xl/_rels/workbook.xml.rels", &rels, zip.lang)?;
    let sheets: Vec<(String, String)> = tags(book)
        .filter(|t| t.name == "sheet" && !t.close)
        .filter(|t| t.attr("state").is_none_or(|s| s == "visible"))
        .filter_map(|t| {
            let id = t.attr("id")?;
            let rel = tags(rels).find(|r| r.name == "Relationship" && r.attr("Id").as_ref() == Some(&id))?;
            let target = rel.attr("Target")?;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some((t.attr("name").unwrap_or_default(), path))
        })
        .collect();
    if sheets.is_empty() {
        return fallback();
    }
    Ok(sheets)
}

/// A1-style reference → 0-based column (the letters) or `None`.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut col = 0usize;
    let mut any = false;
    for b in letters {
        col = col.checked_mul(26)?.checked_add(usize::from(b.to_ascii_uppercase() - b'A') + 1)?;
        any = true;
    }
    (any && col <= 16_384).then(|| col - 1)
}

/// A number as Excel's General format shows it for what a roster holds: whole numbers
/// without a decimal point (`3`, not `3.0`, `3E0` or `2.9999999999999996`), anything else
/// as written. Decimal arithmetic on the digits: no float parser in the wasm for this.
fn number(v: &str) -> String {
    let v = v.trim();
    whole_number(v).map_or_else(|| v.to_string(), |n| n.to_string())
}

/// `v` as a whole number, when it is one to within 1e-9 (and under 1e18).
fn whole_number(v: &str) -> Option<i64> {
    let (negative, v) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let (mantissa, exponent) = match v.find(['e', 'E']) {
        Some(at) => (&v[..at], v[at + 1..].trim_start_matches('+').parse::<i32>().ok()?),
        None => (v, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() > 36 || int.len() + frac.len() == 0 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits().fold(0u128, |n, b| n * 10 + u128::from(b - b'0'));
    // value = n × 10^(exponent − frac.len())
    let scale = exponent.checked_sub(frac.len() as i32)?;
    let (n, d) = if scale >= 0 {
        (n.checked_mul(10u128.checked_pow(scale as u32)?)?, 1u128)
    } else {
        (n, 10u128.checked_pow(scale.unsigned_abs())?)
    };
    let rounded = n / d + u128::from(n % d >= d - n % d);
    let off = n.abs_diff(rounded.checked_mul(d)?);
    if off.checked_mul(1_000_000_000)? >= d || rounded >= 1_000_000_000_000_000_000 {
        return None;
    }
    let r = rounded as i64;
    Some(if negative { -r } else { r })
}

/// The sheet's rows: (1-based row number, cells by column).
/// The most columns a roster sheet may use (Excel allows 16,384; a filled cell beyond this
/// is an error, so that a hostile sheet cannot make every line thousands of cells wide).
const MAX_COLUMNS: usize = 1_024;

/// A sheet's rows that have a filled cell: (1-based row number, (0-based column, text)…).
type Rows = Vec<(usize, Vec<(usize, String)>)>;

/// A filled cell: 1-based row, 0-based column, text.
pub(super) type Cell = (usize, usize, String);

/// The most cells (rows × columns) the text of one sheet may have: 20 columns for as many
/// rows as a roster may have. The text pads every row to the widest, so without this one far
/// cell under many short rows would make a file of kilobytes into a table of gigabytes.
const MAX_CELLS: usize = super::MAX_ROWS * 20;

/// Filled cells (of either format) by row, rows and columns in order (of two cells in one
/// place the later counts); a cell past [`MAX_COLUMNS`], more than `MAX_ROWS` rows or more
/// than [`MAX_CELLS`] cells in all is an error naming the place.
fn rows(mut cells: Vec<Cell>, lang: Lang) -> Result<Rows, Error> {
    if let Some((row, col, _)) = cells.iter().find(|(_, col, _)| *col >= MAX_COLUMNS) {
        return Err(Error::Table {
            line: *row,
            column: column_text(*col, None, lang),
            message: msg!(
                lang,
                "cell {}{} is beyond the {} columns a roster may use",
                "單元格 {}{} 超出了名單可用的 {} 列",
                super::column_name(*col),
                row,
                MAX_COLUMNS
            ),
        });
    }
    crate::sort::sort_by_key(&mut cells, |&(row, col, _)| (row, col));
    let mut rows: Rows = Vec::new();
    for (row, col, text) in cells {
        if rows.last().is_none_or(|(r, _)| *r != row) {
            if rows.len() > super::MAX_ROWS {
                return Err(too_many_rows(row, lang));
            }
            rows.push((row, Vec::new()));
        }
        if let Some((_, line)) = rows.last_mut() {
            line.push((col, text));
        }
    }
    let width = rows.iter().flat_map(|(_, cells)| cells.iter().map(|(c, _)| c + 1)).max().unwrap_or(0);
    if rows.len().saturating_mul(width) > MAX_CELLS {
        return Err(whole(msg!(
            lang,
            "the sheet spans {} rows by {} columns, more than the {} cells a roster may have; delete the columns it does not need",
            "工作表有{}行、{}列，超過名單可有的{}個單元格；請刪去不需要的列",
            rows.len(),
            width,
            MAX_CELLS
        )));
    }
    Ok(rows)
}

/// The sheet's filled cells.
fn sheet_cells(bytes: &[u8], strings: &[String], lang: Lang) -> Result<Vec<Cell>, Error> {
    let xml = utf8("worksheet", bytes, lang)?;
    let mut cells: Vec<Cell> = Vec::new();
    let mut row_no = 0usize;
    let mut col = 0usize;
    let mut kind = String::new();
    let mut cell: Option<String> = None;
    let mut value: Option<String> = None;
    let mut inline = String::new();
    let mut in_data = false;
    let mut phonetic = 0usize;
    for tag in tags(xml) {
        match (tag.name, tag.close) {
            ("sheetData", close) => in_data = !close && !tag.empty,
            _ if !in_data => {}
            ("row", false) => {
                row_no = match tag.attr("r").and_then(|r| r.parse::<usize>().ok()) {
                    Some(r) if r > row_no => r,
                    _ => row_no + 1,
                };
                col = 0;
            }
            ("c", false) => {
                let reference = tag.attr("r");
                col = reference.as_deref().and_then(column_of).unwrap_or(col);
                kind = tag.attr("t").unwrap_or_default();
                cell = reference.or(Some(String::new()));
                value = None;
                inline.clear();
                if tag.empty {
                    col += 1;
                    cell = None;
                }
            }
            ("v", false) if !tag.empty && cell.is_some() => value = Some(text_at(xml, tag.end)),
            ("rPh", close) if !tag.empty => {
                phonetic = if close { phonetic.saturating_sub(1) } else { phonetic + 1 }
            }
            ("t", false) if !tag.empty && cell.is_some() && phonetic == 0 => {
                inline.push_str(&text_at(xml, tag.end))
            }
            ("c", true) => {
                let Some(reference) = cell.take() else { continue };
                let text = match (kind.as_str(), value.take()) {
                    ("s", Some(v)) => {
                        let index = v.trim().parse::<usize>().ok();
                        match index.and_then(|i| strings.get(i)) {
                            Some(s) => s.clone(),
                            None => {
                                return Err(Error::Table {
                                    line: row_no,
                                    column: column_text(col, None, lang),
                                    message: msg!(
                                    lang,
                                    "cell {} refers to shared string {}, which the workbook does not have",
                                    "單元格 {} 引用的共享字符串 {} 在工作簿中不存在",
                                    reference,
                                    v
                                ),
                                })
                            }
                        }
                    }
                    ("inlineStr", _) => std::mem::take(&mut inline),
                    ("b", Some(v)) => if v.trim() == "1" { "TRUE" } else { "FALSE" }.to_string(),
                    ("n" | "", Some(v)) => number(&v),
                    (_, Some(v)) => v,
                    (_, None) => std::mem::take(&mut inline),
                };
                // As many cells as the XML holds: memory in proportion to the file.
                if !text.trim().is_empty() {
                    cells.push((row_no, col, text));
                }
                col += 1;
            }
            _ => {}
        }
    }
    Ok(cells)
}

/// Rows as tab-separated lines: line N is row N, every line as wide as the widest row
/// (so no row reads as a single cell), cell text flattened to one line. A cell that starts
/// with `"` is quoted so that [`super::parse_table`] keeps it as it is. Of two cells in one
/// place the later counts.
fn to_text(rows: &Rows) -> String {
    let width = rows.iter().flat_map(|(_, cells)| cells.iter().map(|(c, _)| c + 1)).max().unwrap_or(0);
    let mut out = String::new();
    let mut line = 1usize;
    let mut line_cells: Vec<&str> = Vec::with_capacity(width);
    for (row, cells) in rows {
        while line < *row {
            out.push('\n');
            line += 1;
        }
        line_cells.clear();
        line_cells.resize(width, "");
        for (c, text) in cells {
            line_cells[*c] = text.trim();
        }
        for (c, text) in line_cells.iter().enumerate() {
            if c > 0 {
                out.push('\t');
            }
            let text: String = text.chars().map(|ch| if ch.is_control() { ' ' } else { ch }).collect();
            if text.starts_with('"') {
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&text);
            }
        }
        out.push('\n');
        line += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_entities_and_excel_escapes() {
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#20013;&#x6587; _x000D_x _y"), "a & b <c> 中文 \rx _y");
        assert_eq!(unescape("&bogus; & &#xZZ;"), "&bogus; & &#xZZ;");
    }

    #[test]
    fn columns_from_references() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("XFD1"), Some(16_383));
        assert_eq!(column_of("XFE1"), None);
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number("3"), "3");
        assert_eq!(number("3.0"), "3");
        assert_eq!(number("2.9999999999999996"), "3");
        assert_eq!(number("1.5"), "1.5");
        assert_eq!(number("-2"), "-2");
        assert_eq!(number("3E0"), "3");
        assert_eq!(number("1.2E1"), "12");
        assert_eq!(number("2.5E-1"), "2.5E-1");
        assert_eq!(number("-0.99999999999"), "-1");
        assert_eq!(number("1E300"), "1E300");
        assert_eq!(number("TRUE"), "TRUE");
        assert_eq!(number("."), ".");
        assert_eq!(number("44000.5"), "44000.5");
        assert_eq!(number("0"), "0");
    }

    #[test]
    fn shared_strings_skip_phonetic_runs() {
        let xml = r#"<sst><si><t>王建國</t></si><si><r><t>區委</t></r><r><t xml:space="preserve"> 書記</t></r><rPh sb="0" eb="1"><t>くい</t></rPh></si><si/><si><t/></si></sst>"#;
        assert_eq!(shared_strings(xml.as_bytes(), Lang::EN).unwrap(), ["王建國", "區委 書記", "", ""]);
    }

    #[test]
    fn sheet_rows_keep_row_numbers_and_columns() {
        let xml = r#"<worksheet><sheetData>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>3.0</v></c></row>
            <row r="5"><c r="B5" t="inlineStr"><is><t>&lt;b&gt;</t></is></c><c r="C5" t="str"><f>A1</f><v>x</v></c><c r="D5" t="b"><v>1</v></c></row>
            </sheetData></worksheet>"#;
        let rows =
            rows(sheet_cells(xml.as_bytes(), &["姓名".to_string()], Lang::EN).unwrap(), Lang::EN).unwrap();
        let cell = |c: usize, t: &str| (c, t.to_string());
        assert_eq!(rows[0], (2, vec![cell(0, "姓名"), cell(2, "3")]));
        assert_eq!(rows[1], (5, vec![cell(1, "<b>"), cell(2, "x"), cell(3, "TRUE")]));
        assert_eq!(to_text(&rows), "\n姓名\t\t3\t\n\n\n\t<b>\tx\tTRUE\n");
    }

    #[test]
    fn empty_and_far_cells() {
        // Formatted rows and empty cells are not rows; a filled cell past column 1,024 is an
        // error naming it, however many empty ones came before.
        let xml = r#"<worksheet><sheetData><row r="1" s="3"><c r="A1" s="2"/><c r="B1" t="inlineStr"><is><t> </t></is></c></row>
            <row r="2"><c r="XFD2"><v></v></c><c r="A2" t="inlineStr"><is><t>王</t></is></c></row>
            <row r="3"><c r="AMK3"><v>1</v></c></row></sheetData></worksheet>"#;
        let err = rows(sheet_cells(xml.as_bytes(), &[], Lang::EN).unwrap(), Lang::EN).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3, column AMK: cell AMK3 is beyond the 1024 columns a roster may use"
        );
        let ok = xml.replace(r#"<row r="3"><c r="AMK3"><v>1</v></c></row>"#, "");
        let rows = rows(sheet_cells(ok.as_bytes(), &[], Lang::EN).unwrap(), Lang::EN).unwrap();
        assert_eq!(rows, vec![(2, vec![(0, "王".to_string())])]);
        assert_eq!(to_text(&rows), "\n王\n");
    }

    #[test]
    fn a_missing_shared_string_names_the_cell() {
        let xml =
            r#"<worksheet><sheetData><row r="7"><c r="B7" t="s"><v>4</v></c></row></sheetData></worksheet>"#;
        let err = sheet_cells(xml.as_bytes(), &[], Lang::EN).unwrap_err();
        assert_eq!(
            err,
            Error::Table {
                line: 7,
                column: "B".into(),
                message: "cell B7 refers to shared string 4, which the workbook does not have".into()
            }
        );
    }

    #[test]
    fn cells_that_start_with_a_quote_survive_parse_table() {
        let rows = vec![
            (1, vec![(0, "姓名".to_string()), (1, "職務".to_string())]),
            (2, vec![(0, "\"王\"五".to_string()), (1, "a\tb".to_string())]),
        ];
        let table = super::super::parse_table(&to_text(&rows)).unwrap();
        assert_eq!(table.rows, vec![(2, vec!["\"王\"五".to_string(), "a b".to_string()])]);
    }

    #[test]
    fn without_a_workbook_part_the_worksheets_go_by_file_name() {
        let sheet = |name: &str| {
            format!(
                r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{name}</t></is></c></row></sheetData></worksheet>"#
            )
        };
        let (ten, two) = (sheet("ten"), sheet("two"));
        let bytes = crate::export::xlsx::zip(&[
            ("xl/worksheets/sheet10.xml", ten.as_bytes()),
            ("xl/worksheets/sheet2.xml", two.as_bytes()),
        ]);
        assert_eq!(xlsx_sheets(&bytes, Lang::EN).unwrap(), ["sheet2", "sheet10"]);
        assert_eq!(read_xlsx(&bytes).unwrap(), "two\n");
        assert_eq!(read_xlsx_sheet(&bytes, 1, Lang::EN).unwrap().text, "ten\n");
        let none = crate::export::xlsx::zip(&[("docProps/app.xml", b"<x/>".as_slice())]);
        assert!(read_xlsx(&none).unwrap_err().to_string().contains("it has no worksheet"));
    }

    #[test]
    fn not_a_workbook() {
        for (bytes, words) in [
            (&b"name\tpost"[..], "not a ZIP file"),
            (&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], ".xls file is damaged"),
            (&b"PK\x03\x04 cut"[..], "directory is missing"),
        ] {
            let err = read_xlsx(bytes).unwrap_err().to_string();
            assert!(err.contains(words), "{err}");
        }
    }
}
