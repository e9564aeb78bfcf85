//! Old Excel 97–2003 workbooks (`.xls`): BIFF8 records in a compound file, the format many
//! offices' roster templates are still kept in.
//!
//! The compound file (CFB: a FAT file system in one file) is read far enough to find the
//! `Workbook` stream, from regular or mini sectors; every chain is followed at most once per
//! sector, so a looping chain is an error, not a hang. Of the BIFF8 records only what a
//! roster needs is read: sheet names and visibility (`BOUNDSHEET8`), the shared strings
//! (`SST`, with its strings split over `CONTINUE` records), and cell values (`LABELSST`,
//! `LABEL`, `RSTRING`, `NUMBER`, `RK`, `MULRK`, `BOOLERR`, a `FORMULA`'s cached value).
//! Excel 5.0/95 files (BIFF5), password-protected workbooks and compound files without a
//! workbook (a WPS `.et`, a Word file) get an error that says what to do.

use super::xlsx::{not_xlsx, u16_at, u32_at, whole, Cell};
use crate::error::Error;
use crate::lang::{msg, Lang};

/// The signature of a compound file.
pub(super) const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

fn damaged(lang: Lang) -> Error {
    whole(
        lang.text(
            "the .xls file is damaged (its compound-file structure does not hold together); open it in Excel or WPS and save it as .xlsx",
            ".xls 文件已損壞（複合文件結構不完整）；請在 Excel 或 WPS 中打開並另存為 .xlsx",
        )
        .into(),
    )
}

/// The `Workbook` stream of a compound file.
fn workbook_stream(bytes: &[u8], lang: Lang) -> Result<Vec<u8>, Error> {
    let bad = || damaged(lang);
    if !bytes.starts_with(&MAGIC) || bytes.len() < 512 {
        return Err(bad());
    }
    let shift = u16_at(bytes, 0x1E).ok_or_else(bad)?;
    if shift != 9 && shift != 12 {
        return Err(bad());
    }
    let size = 1usize << shift;
    let sector = |n: u32| -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?.min(bytes.len())).filter(|s| !s.is_empty())
    };
    let header = |at: usize| u32_at(bytes, at).ok_or_else(bad);
    let (fat_count, first_dir, cutoff) = (header(0x2C)? as usize, header(0x30)?, header(0x38)? as usize);
    let (first_mini_fat, first_difat, difat_count) = (header(0x3C)?, header(0x44)?, header(0x48)? as usize);
    let max_sectors = bytes.len() / size + 1;
    if fat_count > max_sectors {
        return Err(bad());
    }
    // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|k| u32_at(bytes, 0x4C + 4 * k)).collect();
    let mut next = first_difat;
    for _ in 0..difat_count.min(max_sectors) {
        let Some(s) = sector(next) else { break };
        let per = size / 4 - 1;
        fat_sectors.extend((0..per).filter_map(|k| u32_at(s, 4 * k)));
        next = u32_at(s, 4 * per).unwrap_or(END_OF_CHAIN);
    }
    fat_sectors.truncate(fat_count);
    let mut fat: Vec<u32> = Vec::with_capacity(fat_count * size / 4);
    for &f in &fat_sectors {
        let s = sector(f).ok_or_else(bad)?;
        fat.extend((0..s.len() / 4).filter_map(|k| u32_at(s, 4 * k)));
    }
    // A chain of sectors, each at most once.
    let chain = |start: u32| -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0;
        while s != END_OF_CHAIN {
            steps += 1;
            if steps > fat.len() {
                return Err(bad());
            }
            out.extend_from_slice(sector(s).ok_or_else(bad)?);
            s = *fat.get(s as usize).ok_or_else(bad)?;
        }
        Ok(out)
    };
    let dir = chain(first_dir)?;
    let entries: Vec<(String, u8, u32, usize)> = dir
        .chunks_exact(128)
        .map(|e| {
            let len = (u16_at(e, 0x40).unwrap_or(0) as usize).min(64) / 2;
            let units: Vec<u16> = (0..len.saturating_sub(1)).filter_map(|k| u16_at(e, 2 * k)).collect();
            let name = String::from_utf16_lossy(&units);
            (name, e[0x42], u32_at(e, 0x74).unwrap_or(END_OF_CHAIN), u32_at(e, 0x78).unwrap_or(0) as usize)
        })
        .collect();
    let named = |n: &str| entries.iter().find(|e| e.1 == 2 && e.0.eq_ignore_ascii_case(n));
    let Some(&(_, _, start, len)) = named("Workbook") else {
        return Err(whole(if named("Book").is_some() {
            lang.text(
                "this is an Excel 5.0/95 workbook, older than this reader supports; save it as .xlsx (Excel 工作簿), or copy the table and paste it",
                "這是 Excel 5.0/95 格式的舊工作簿，無法讀取；請另存為 .xlsx（Excel 工作簿），或複製表格後貼上",
            )
        } else {
            lang.text(
                "this compound file holds no Excel workbook (a WPS .et or a Word file?); save it as .xlsx (Excel 工作簿), or copy the table and paste it",
                "這個文件中沒有 Excel 工作簿（是 WPS .et 或 Word 文件嗎？）；請另存為 .xlsx（Excel 工作簿），或複製表格後貼上",
            )
        }
        .into()));
    };
    let mut stream = if len < cutoff {
        // Small streams live in the mini stream: 64-byte sectors inside the root's stream.
        let root = entries.iter().find(|e| e.1 == 5).ok_or_else(bad)?;
        let mini = chain(root.2)?;
        let mini_fat: Vec<u32> =
            chain(first_mini_fat)?.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect();
        let mut out = Vec::new();
        let mut s = start;
        let mut steps = 0;
        while s != END_OF_CHAIN && out.len() < len {
            steps += 1;
            if steps > mini_fat.len() {
                return Err(bad());
            }
            let at = (s as usize).checked_mul(64).ok_or_else(bad)?;
            out.extend_from_slice(mini.get(at..at + 64).ok_or_else(bad)?);
            s = *mini_fat.get(s as usize).ok_or_else(bad)?;
        }
        out
    } else {
        chain(start)?
    };
    if stream.len() < len {
        return Err(bad());
    }
    stream.truncate(len);
    Ok(stream)
}

/// BIFF records: (type, data, offset of the record).
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8], usize)> {
    let mut at = from;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        let here = at;
        at += 4 + len;
        Some((kind, data, here))
    })
}

/// Bytes spread over a record and its `CONTINUE`s, read across their boundaries.
struct Chunks<'a> {
    chunks: Vec<&'a [u8]>,
    i: usize,
    pos: usize,
}

impl Chunks<'_> {
    fn u8(&mut self) -> Option<u8> {
        loop {
            let c = self.chunks.get(self.i)?;
            if let Some(&b) = c.get(self.pos) {
                self.pos += 1;
                return Some(b);
            }
            self.i += 1;
            self.pos = 0;
        }
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.u8()?, self.u8()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([self.u8()?, self.u8()?, self.u8()?, self.u8()?]))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let c = self.chunks.get(self.i)?;
            let here = (c.len() - self.pos.min(c.len())).min(n);
            if here == 0 {
                self.i += 1;
                self.pos = 0;
                continue;
            }
            self.pos += here;
            n -= here;
        }
        Some(())
    }

    /// `count` characters, one or two bytes each; where they run on into the next record,
    /// that record starts with a new flags byte saying which.
    fn chars(&mut self, count: usize, mut wide: bool) -> Option<String> {
        let mut units = Vec::with_capacity(count.min(4096));
        while units.len() < count {
            let c = self.chunks.get(self.i)?;
            if self.pos >= c.len() {
                self.i += 1;
                self.pos = 0;
                wide = self.u8()? & 1 == 1;
                continue;
            }
            units.push(if wide { self.u16()? } else { u16::from(self.u8()?) });
        }
        Some(String::from_utf16_lossy(&units))
    }

    /// An `XLUnicodeRichExtendedString` (the SST's strings).
    fn rich_string(&mut self) -> Option<String> {
        let count = self.u16()? as usize;
        let flags = self.u8()?;
        let runs = if flags & 0x08 != 0 { self.u16()? as usize } else { 0 };
        let ext = if flags & 0x04 != 0 { self.u32()? as usize } else { 0 };
        let text = self.chars(count, flags & 1 == 1)?;
        self.skip(4 * runs)?;
        self.skip(ext)?;
        Some(text)
    }
}

/// An `XLUnicodeString` (`LABEL`, `STRING`) at the start of `b`.
fn unicode_string(b: &[u8]) -> Option<String> {
    let mut c = Chunks { chunks: vec![b], i: 0, pos: 0 };
    let count = c.u16()? as usize;
    let flags = c.u8()?;
    c.chars(count, flags & 1 == 1)
}

/// A sheet: its name, whether it shows, and where its records start.
struct SheetRef {
    name: String,
    visible: bool,
    offset: usize,
}

/// The workbook's stream, its worksheets and its shared strings.
struct Book {
    stream: Vec<u8>,
    sheets: Vec<SheetRef>,
    strings: Vec<String>,
}

fn book(bytes: &[u8], lang: Lang) -> Result<Book, Error> {
    let stream = workbook_stream(bytes, lang)?;
    match records(&stream, 0).next() {
        Some((0x0809, bof, _)) if u16_at(bof, 0) == Some(0x0600) => {}
        _ => {
            return Err(not_xlsx(
                &lang.text(
                    "its workbook is not in the Excel 97–2003 format",
                    "其中的工作簿不是 Excel 97–2003 格式",
                ),
                lang,
            ))
        }
    }
    let mut sheets = Vec::new();
    let mut strings = Vec::new();
    let mut all: Vec<(u16, &[u8])> = Vec::new();
    for (kind, data, _) in records(&stream, 0) {
        all.push((kind, data));
        if kind == 0x000A {
            break;
        }
    }
    for (k, &(kind, data)) in all.iter().enumerate() {
        match kind {
            0x002F => {
                return Err(whole(
                    lang.text(
                        "the workbook is password-protected; remove the password in Excel or WPS, or copy the table and paste it",
                        "工作簿設有密碼；請在 Excel 或 WPS 中取消密碼，或複製表格後貼上",
                    )
                    .into(),
                ))
            }
            0x0085 if data.len() >= 8 => {
                let offset = u32_at(data, 0).unwrap_or(0) as usize;
                let (state, sheet_type) = (data[4] & 3, data[5]);
                let name = Chunks { chunks: vec![&data[6..]], i: 0, pos: 0 };
                let name = short_string(name).unwrap_or_default();
                if sheet_type == 0 {
                    sheets.push(SheetRef { name, visible: state == 0, offset });
                }
            }
            0x00FC => {
                let mut chunks = vec![data.get(8..).unwrap_or(&[])];
                chunks.extend(all[k + 1..].iter().take_while(|(kind, _)| *kind == 0x003C).map(|(_, d)| *d));
                let unique = u32_at(data, 4).unwrap_or(0) as usize;
                let mut reader = Chunks { chunks, i: 0, pos: 0 };
                for _ in 0..unique {
                    match reader.rich_string() {
                        Some(s) => strings.push(s),
                        None => break,
                    }
                }
            }
            _ => {}
        }
    }
    Ok(Book { stream, sheets, strings })
}

/// A `ShortXLUnicodeString` (sheet names): an 8-bit count, then as [`Chunks::chars`].
fn short_string(mut c: Chunks<'_>) -> Option<String> {
    let count = c.u8()? as usize;
    let flags = c.u8()?;
    c.chars(count, flags & 1 == 1)
}

/// The names of the visible worksheets, in tab order.
pub(super) fn sheets(bytes: &[u8], lang: Lang) -> Result<Vec<String>, Error> {
    Ok(book(bytes, lang)?.sheets.into_iter().filter(|s| s.visible).map(|s| s.name).collect())
}

/// The names of the visible worksheets, and the filled cells of visible worksheet `index`.
pub(super) fn cells(bytes: &[u8], index: usize, lang: Lang) -> Result<(Vec<String>, Vec<Cell>), Error> {
    let book = book(bytes, lang)?;
    let cells = cells_of(&book, index, lang)?;
    Ok((book.sheets.into_iter().filter(|s| s.visible).map(|s| s.name).collect(), cells))
}

fn cells_of(book: &Book, index: usize, lang: Lang) -> Result<Vec<Cell>, Error> {
    let visible: Vec<&SheetRef> = book.sheets.iter().filter(|s| s.visible).collect();
    let sheet = visible.get(index).ok_or_else(|| super::xlsx::no_such_sheet(visible.len(), index, lang))?;
    let mut out = Vec::new();
    let mut formula_at: Option<(usize, usize)> = None;
    let mut push = |row: u16, col: u16, text: String| {
        if !text.trim().is_empty() {
            out.push((row as usize + 1, col as usize, text));
        }
    };
    for (kind, d, _) in records(&book.stream, sheet.offset).skip(1) {
        let (row, col) = (u16_at(d, 0).unwrap_or(0), u16_at(d, 2).unwrap_or(0));
        match kind {
            0x000A | 0x0809 => break,
            0x00FD => {
                let i = u32_at(d, 6).unwrap_or(u32::MAX) as usize;
                let text = book.strings.get(i).cloned().ok_or_else(|| Error::Table {
                    line: row as usize + 1,
                    column: super::column_text(col as usize, None, lang),
                    message: msg!(
                        lang,
                        "the cell refers to shared string {}, which the workbook does not have",
                        "單元格引用的共享字符串 {} 在工作簿中不存在",
                        i
                    ),
                })?;
                push(row, col, text);
            }
            0x0204 | 0x00D6 => push(row, col, d.get(6..).and_then(unicode_string).unwrap_or_default()),
            0x0203 => push(row, col, d.get(6..14).map_or(String::new(), |b| number(f64_of(b)))),
            0x027E => push(row, col, u32_at(d, 6).map_or(String::new(), |rk| number(rk_value(rk)))),
            0x00BD => {
                let n = d.len().saturating_sub(6) / 6;
                for k in 0..n {
                    let rk = u32_at(d, 4 + 6 * k + 2).unwrap_or(0);
                    push(row, col.saturating_add(k as u16), number(rk_value(rk)));
                }
            }
            0x0205 => push(row, col, d.get(6..8).map_or(String::new(), |b| bool_or_error(b[0], b[1]))),
            0x0006 => {
                formula_at = None;
                let Some(v) = d.get(6..14) else { continue };
                if v[6..8] == [0xFF, 0xFF] {
                    match v[0] {
                        0 => formula_at = Some((row as usize, col as usize)),
                        1 => push(row, col, bool_or_error(v[2], 0)),
                        2 => push(row, col, bool_or_error(v[2], 1)),
                        _ => {}
                    }
                } else {
                    push(row, col, number(f64_of(v)));
                }
            }
            // The string a formula just before computed.
            0x0207 => {
                if let Some((r, c)) = formula_at.take() {
                    push(r as u16, c as u16, unicode_string(d).unwrap_or_default());
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn f64_of(b: &[u8]) -> f64 {
    f64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
}

/// An `RK` number: a 30-bit integer or the top 30 bits of a double, optionally ÷ 100.
fn rk_value(rk: u32) -> f64 {
    let v = if rk & 2 != 0 { f64::from((rk as i32) >> 2) } else { f64::from_bits(u64::from(rk & !3) << 32) };
    if rk & 1 != 0 {
        v / 100.0
    } else {
        v
    }
}

/// A number as Excel's General format shows what a roster holds: whole numbers without a
/// decimal point, others to at most six decimals (integer digits, no float formatting).
fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    // Whole numbers in full (six decimals would overflow the digit writer past 9.2e12).
    let decimals = if x.fract() == 0.0 && x.abs() < 1e15 { 0 } else { 6 };
    crate::export::fixed(x, decimals)
}

fn bool_or_error(value: u8, is_error: u8) -> String {
    let s = match (is_error, value) {
        (0, 0) => "FALSE",
        (0, _) => "TRUE",
        (_, 0x00) => "#NULL!",
        (_, 0x07) => "#DIV/0!",
        (_, 0x0F) => "#VALUE!",
        (_, 0x17) => "#REF!",
        (_, 0x1D) => "#NAME?",
        (_, 0x24) => "#NUM!",
        _ => "#N/A",
    };
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn rk_numbers() {
        assert_eq!(rk_value((7 << 2) | 2), 7.0);
        assert_eq!(rk_value(((-3i32 << 2) as u32) | 2), -3.0);
        assert_eq!(rk_value((150 << 2) | 3), 1.5);
        let bits = (1.25f64.to_bits() >> 32) as u32;
        assert_eq!(rk_value(bits), 1.25);
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-2.25), "-2.25");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(123_456_789_012_345.0), "123456789012345");
        assert_eq!(number(-0.0), "0");
    }

    #[test]
    fn sst_strings_split_over_continue_records() {
        // "王晨" (wide) split after its first character, with a new flags byte; then "ab"
        // (narrow) with two rich-text runs whose bytes cross into the next record.
        let first: Vec<u8> = [&2u16.to_le_bytes()[..], &[0x01], &0x738Bu16.to_le_bytes()].concat();
        let second: Vec<u8> = [
            &[0x01][..],
            &0x6668u16.to_le_bytes(),
            &2u16.to_le_bytes(),
            &[0x08],
            &2u16.to_le_bytes(),
            b"ab",
            &[1, 2, 3, 4],
        ]
        .concat();
        let third = [5u8, 6, 7, 8, 1, 0, 0, b'z'];
        let mut c = Chunks { chunks: vec![&first, &second, &third], i: 0, pos: 0 };
        assert_eq!(c.rich_string().as_deref(), Some("王晨"));
        assert_eq!(c.rich_string().as_deref(), Some("ab"));
        assert_eq!(c.rich_string().as_deref(), Some("z"));
        assert_eq!(c.rich_string(), None);
    }

    #[test]
    fn cell_records_by_hand() {
        // NUMBER, MULRK, LABEL, BOOLERR and a FORMULA with its STRING: every kind the
        // fixture from xlwt does not write.
        let mut s = Vec::new();
        s.extend(record(0x0809, &[0x00, 0x06, 0x10, 0x00]));
        s.extend(record(0x0203, &[[0, 0, 1, 0, 0, 0].as_slice(), &3.5f64.to_le_bytes()].concat()));
        let mut mulrk = vec![1, 0, 0, 0];
        for v in [10u32, 11] {
            mulrk.extend_from_slice(&[0, 0]);
            mulrk.extend_from_slice(&((v << 2) | 2).to_le_bytes());
        }
        mulrk.extend_from_slice(&1u16.to_le_bytes());
        s.extend(record(0x00BD, &mulrk));
        s.extend(record(0x0204, &[[2, 0, 0, 0, 0, 0].as_slice(), &2u16.to_le_bytes(), &[0], b"Li"].concat()));
        s.extend(record(0x0205, &[2, 0, 1, 0, 0, 0, 0x2A, 1]));
        s.extend(record(
            0x0006,
            &[[3, 0, 0, 0, 0, 0].as_slice(), &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF], &[0; 6]].concat(),
        ));
        s.extend(record(0x0207, &[[1, 0].as_slice(), &[1], &0x738Bu16.to_le_bytes()].concat()));
        s.extend(record(0x000A, &[]));
        let book = Book {
            stream: s,
            sheets: vec![SheetRef { name: "x".into(), visible: true, offset: 0 }],
            strings: vec![],
        };
        let cells = cells_of(&book, 0, Lang::EN).unwrap();
        let want: Vec<Cell> = vec![
            (1, 1, "3.5".into()),
            (2, 0, "10".into()),
            (2, 1, "11".into()),
            (3, 0, "Li".into()),
            (3, 1, "#N/A".into()),
            (4, 0, "王".into()),
        ];
        assert_eq!(cells, want);
    }

    #[test]
    fn not_a_compound_file_or_damaged() {
        let mut bytes = MAGIC.to_vec();
        bytes.resize(600, 0);
        let err = sheets(&bytes, Lang::EN).unwrap_err().to_string();
        assert!(err.contains("damaged"), "{err}");
        let err = sheets(&MAGIC, Lang::EN).unwrap_err().to_string();
        assert!(err.contains("damaged"), "{err}");
    }
}
