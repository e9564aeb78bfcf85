//! Roster import: tables pasted from Excel/WPS (tab-separated), read from CSV, or read from
//! a workbook, `.xlsx` or Excel 97–2003 `.xls` ([`read_xlsx`], [`read_xlsx_sheet`]), mapped
//! to people and units. Errors name the line (a workbook's row) and the column, in English
//! or, from the `_in` functions, in the language asked for.
//!
//! Decoding bytes is the caller's job (the browser's `TextDecoder`, the CLI's decoder);
//! [`sniff_encoding`] tells which encoding a byte string most likely is, so that a GBK file
//! from old Excel is reported or decoded, never garbled.

use std::collections::{HashMap, HashSet};

use crate::error::Error;
use crate::lang::{msg, Lang};
use crate::scenario::{HallSpec, Party, Person, PodiumSpec, Ranking, Role, Scenario, Section, Unit};

mod inflate;
mod xls;
mod xlsx;

pub use xlsx::{is_workbook, read_xlsx, read_xlsx_in, read_xlsx_sheet, xlsx_sheets, SheetText};

/// Upper bound on imported rows (the scenario limit applies too).
pub const MAX_ROWS: usize = crate::scenario::MAX_PEOPLE;

/// A parsed table: an optional header row and the data rows, each a list of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header row, when the first row looks like one (see [`guess_columns`]).
    pub header: Option<Vec<String>>,
    /// Data rows with the 1-based source line each starts on.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The delimiter found: tab, comma, semicolon or the full-width comma.
    pub delimiter: char,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Person id (generated when absent).
    Id,
    /// Name (required).
    Name,
    /// Post (職務).
    Post,
    /// Unit name (單位); units are created in order of first appearance.
    Unit,
    /// Rank: an integer, smaller is more senior.
    Rank,
    /// 主席臺/podium or 臺下/hall.
    Section,
    /// 正式/member, 列席/attendee, 候補/alternate.
    Role,
    /// 主方/host or 客方/guest, for host–guest occasions and foreign-affairs line-ups.
    Side,
    /// Date of appointment to the level (任職時間), for the `seniority` tie-break.
    Appointed,
    /// Date of arrival at the unit (到單位時間), for the `seniority` tie-break.
    Joined,
    /// Not imported.
    Ignore,
}

impl Field {
    /// Every importable field, in the order a mapping step offers them.
    pub const ALL: [Field; 11] = [
        Field::Id,
        Field::Name,
        Field::Post,
        Field::Unit,
        Field::Rank,
        Field::Section,
        Field::Role,
        Field::Side,
        Field::Appointed,
        Field::Joined,
        Field::Ignore,
    ];

    /// The field's name as used in the scenario format.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Post => "post",
            Field::Unit => "unit",
            Field::Rank => "rank",
            Field::Section => "section",
            Field::Role => "role",
            Field::Side => "side",
            Field::Appointed => "appointed",
            Field::Joined => "joined",
            Field::Ignore => "ignore",
        }
    }

    /// The field's name in `lang`: the scenario format's name in English, the usual
    /// header word in Chinese (排序 for `rank`).
    pub fn word(self, lang: Lang) -> std::borrow::Cow<'static, str> {
        if lang.is_en() {
            return self.name().into();
        }
        lang.text(
            "",
            match self {
                Field::Id => "編號",
                Field::Name => "姓名",
                Field::Post => "職務",
                Field::Unit => "單位",
                Field::Rank => "排序",
                Field::Section => "區域",
                Field::Role => "身份",
                Field::Side => "主客方",
                Field::Appointed => "任職時間",
                Field::Joined => "到單位時間",
                Field::Ignore => "不導入",
            },
        )
    }

    /// Recognises a header cell (English, simplified or traditional Chinese).
    pub fn from_header(cell: &str) -> Option<Field> {
        let c = cell.trim().trim_start_matches('\u{feff}').to_lowercase();
        let f = match c.as_str() {
            "id" | "編號" | "编号" | "代號" | "代号" => Field::Id,
            "name" | "姓名" | "名字" | "名稱" | "名称" => Field::Name,
            "post" | "title" | "職務" | "职务" | "職位" | "职位" | "職稱" | "职称" => Field::Post,
            "unit" | "單位" | "单位" | "部門" | "部门" | "代表團" | "代表团" | "界別" | "界别" => {
                Field::Unit
            }
            "rank" | "order" | "排序" | "序號" | "序号" | "順序" | "顺序" | "位次" => Field::Rank,
            "section" | "區域" | "区域" | "位置" | "座區" | "座区" => Field::Section,
            "role" | "身份" | "類別" | "类别" => Field::Role,
            "side" | "party" | "主客" | "賓主" | "宾主" | "主/客" | "主客方" | "方別" | "方别" => {
                Field::Side
            }
            "appointed"
            | "任職時間"
            | "任职时间"
            | "任現職時間"
            | "任现职时间"
            | "任職日期"
            | "任职日期"
            | "任現職日期"
            | "任现职日期"
            | "任職年月"
            | "任职年月"
            | "任同級職務時間"
            | "任同级职务时间" => Field::Appointed,
            "joined" | "到單位時間" | "到单位时间" | "到本單位時間" | "到本单位时间" | "入職時間"
            | "入职时间" | "調入時間" | "调入时间" => Field::Joined,
            _ => return None,
        };
        Some(f)
    }
}

/// The encoding a byte string most likely has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    Utf8,
    /// UTF-16 little endian with a BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big endian with a BOM.
    Utf16Be,
    /// Not UTF-8 but valid GBK/GB18030 byte pairs: old Excel's "CSV" on Chinese Windows.
    Gbk,
    /// None of the above.
    Unknown,
}

impl Encoding {
    /// The WHATWG label a decoder takes (`TextDecoder(label)`).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Unknown => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gbk => "gb18030",
        }
    }
}

/// Guesses the encoding of `bytes` from a BOM, UTF-16 zero bytes, UTF-8 validity and GBK
/// byte structure.
pub fn sniff_encoding(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Encoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Encoding::Utf16Be;
    }
    // UTF-16 without a BOM: text has no NUL bytes, but the tabs, digits and line ends of a
    // UTF-16 table do, all at odd offsets (little endian) or all at even ones (big endian).
    if bytes.len() % 2 == 0 && bytes.contains(&0) {
        let (mut even, mut odd) = (0usize, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            if b == 0 {
                if i % 2 == 0 {
                    even += 1;
                } else {
                    odd += 1;
                }
            }
        }
        if even == 0 {
            return Encoding::Utf16Le;
        }
        if odd == 0 {
            return Encoding::Utf16Be;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Encoding::Utf8;
    }
    // GBK: ASCII, or a lead byte 0x81..=0xFE followed by a trail byte 0x40..=0xFE (not 0x7F).
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) && i + 1 < bytes.len() {
            let t = bytes[i + 1];
            if !(0x40..=0xFE).contains(&t) || t == 0x7F {
                return Encoding::Unknown;
            }
            i += 2;
        } else {
            return Encoding::Unknown;
        }
    }
    Encoding::Gbk
}

/// The delimiters [`parse_table`] recognises, in the order it tries them on the first line.
pub const DELIMITERS: [char; 5] = ['\t', ',', ';', '，', '|'];

/// A delimiter as a message names it: tabs and commas in words, the others quoted.
fn delimiter_name(d: char, lang: Lang) -> String {
    match d {
        '\t' => msg!(lang, "tabs", "制表符（Tab）"),
        ',' => msg!(lang, "commas (,)", "英文逗號（,）"),
        '，' => msg!(lang, "Chinese commas (，)", "中文逗號（，）"),
        ';' => msg!(lang, "semicolons (;)", "分號（;）"),
        _ => format!("\"{d}\""),
    }
}

/// Whether `bytes` are a file that is no table at all (an image, a PDF, other binary data):
/// an error saying what the file is, instead of an encoding error about its first byte.
/// Workbooks ([`is_workbook`]) are not caught here; text in UTF-16 is text.
pub fn not_a_table(bytes: &[u8], lang: Lang) -> Option<Error> {
    const KINDS: [(&[u8], &str, &str); 6] = [
        (b"\x89PNG", "a PNG image", "PNG 圖片"),
        (b"\xFF\xD8\xFF", "a JPEG image", "JPEG 圖片"),
        (b"GIF8", "a GIF image", "GIF 圖片"),
        (b"%PDF", "a PDF document", "PDF 文件"),
        (b"RIFF", "a RIFF file (an image, sound or video)", "RIFF 文件（圖片、音頻或視頻）"),
        (b"\x1F\x8B", "a gzip archive", "gzip 壓縮包"),
    ];
    let binary = || {
        let head = &bytes[..bytes.len().min(4096)];
        head.contains(&0) && !matches!(sniff_encoding(bytes), Encoding::Utf16Le | Encoding::Utf16Be)
    };
    let kind = match KINDS.iter().find(|(magic, ..)| bytes.starts_with(magic)) {
        Some(&(_, en, zh)) => lang.text(en, zh),
        None if !is_workbook(bytes) && binary() => lang.text("binary data", "二進制數據"),
        None => return None,
    };
    Some(Error::Table {
        line: 0,
        column: String::new(),
        message: msg!(
            lang,
            "this file is {}, not a table: save the roster from Excel or WPS as .xlsx or CSV, or copy the table and paste it",
            "這個文件是{}，不是表格：請在 Excel 或 WPS 中把名單另存為 .xlsx 或 CSV，或複製表格後貼上",
            kind
        ),
    })
}

/// Decodes a text file's bytes: UTF-8 (a BOM is dropped) and UTF-16 (with a BOM, or told by
/// its zero bytes) exactly; anything else is an error naming the line of the first byte that
/// is not UTF-8, and saying when the bytes look like GBK/GB18030, old Excel's encoding on
/// Chinese Windows. Never guesses a decoding that could garble names.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    let encoding = sniff_encoding(bytes);
    if let Encoding::Utf16Le | Encoding::Utf16Be = encoding {
        let fail = |message: &str| Error::Table { line: 0, column: String::new(), message: message.into() };
        if bytes.len() % 2 != 0 {
            return Err(fail("UTF-16 text with an odd number of bytes (the file is cut short)"));
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|b| match encoding {
                Encoding::Utf16Le => u16::from_le_bytes([b[0], b[1]]),
                _ => u16::from_be_bytes([b[0], b[1]]),
            })
            .collect();
        let units = units.strip_prefix(&[0xFEFF]).unwrap_or(&units);
        return String::from_utf16(units)
            .map_err(|_| fail("not valid UTF-16 text (an unpaired surrogate); save the file as UTF-8"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            let what = if encoding == Encoding::Gbk {
                "the file looks like GBK/GB18030 (old Excel or Notepad on Chinese Windows), not UTF-8; save it as UTF-8 and try again"
            } else {
                "save the file as UTF-8 (GBK files from old Excel must be converted)"
            };
            Err(Error::Table {
                line,
                column: String::new(),
                message: format!("not UTF-8 text (byte {} is invalid); {what}", e.valid_up_to() + 1),
            })
        }
    }
}

/// How many title rows may stand above a table's header.
const TITLE_ROWS: usize = 3;

/// Parses delimited text (Excel/WPS paste, CSV). The delimiter is the first of tab, comma,
/// semicolon, `，` and `|` that splits the first line (or, under title lines, the header);
/// quotes follow RFC 4180 (`"a, b"`, `""`). A row that stays one cell holding another of
/// these delimiters, under a first line of several cells, is an error naming the line: the
/// file mixes delimiters. The header
/// is the first row, or the first recognised one under up to three title rows (one filled
/// cell each), which are left out. Errors are in English; [`parse_table_in`] writes them in
/// another language.
pub fn parse_table(text: &str) -> Result<Table, Error> {
    parse_table_in(text, Lang::EN)
}

/// [`parse_table`] with its errors in `lang` (show them with [`Error::describe`]).
pub fn parse_table_in(text: &str, lang: Lang) -> Result<Table, Error> {
    let text = text.trim_start_matches('\u{feff}');
    // The first line's delimiter; when it has none (a title), that of a header line below.
    let first: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(TITLE_ROWS + 1).collect();
    let header_split =
        |l: &str, d: char| guess_columns(&l.split(d).map(|c| c.trim().to_string()).collect::<Vec<_>>());
    let delimiter = DELIMITERS
        .into_iter()
        .find(|&d| first.first().is_some_and(|l| l.contains(d)))
        .or_else(|| {
            first
                .iter()
                .skip(1)
                .find_map(|l| DELIMITERS.into_iter().find(|&d| l.contains(d) && header_split(l, d).is_some()))
        })
        .unwrap_or('\t');
    let mut rows = Vec::new();
    let mut line = 1usize;
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let start = line;
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut at_cell_start = true;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(Error::Table {
                        line: start,
                        column: column_text(row.len(), None, lang),
                        message: lang
                            .text(
                                "a quoted cell is never closed (missing \")",
                                "引號中的單元格沒有結束（缺少 \"）",
                            )
                            .into(),
                    });
                }
                break;
            };
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
                continue;
            }
            match c {
                '"' if at_cell_start => {
                    quoted = true;
                    at_cell_start = false;
                }
                '\r' => {}
                '\n' => {
                    line += 1;
                    break;
                }
                c if c == delimiter => {
                    row.push(std::mem::take(&mut cell));
                    at_cell_start = true;
                }
                c => {
                    cell.push(c);
                    at_cell_start = false;
                }
            }
        }
        row.push(cell);
        let row: Vec<String> = row.into_iter().map(|c| c.trim().to_string()).collect();
        if row.iter().any(|c| !c.is_empty()) {
            if rows.len() > MAX_ROWS {
                return Err(too_many_rows(start, lang));
            }
            rows.push((start, row));
        }
    }
    if let Some((_, first)) = rows.first() {
        if first.len() > 1 {
            let mixed = rows.iter().find_map(|(line, row)| match row.as_slice() {
                [cell] => {
                    DELIMITERS.into_iter().find(|&d| d != delimiter && cell.contains(d)).map(|d| (*line, d))
                }
                _ => None,
            });
            if let Some((line, d)) = mixed {
                return Err(Error::Table {
                    line,
                    column: String::new(),
                    message: msg!(
                        lang,
                        "the row is one cell containing {}, but the first line is split by {}; save the table with one delimiter throughout",
                        "這一行只有一個單元格，其中含有{}，而第一行按{}分列；請整張表使用同一種分隔符",
                        delimiter_name(d, lang),
                        delimiter_name(delimiter, lang)
                    ),
                });
            }
        }
    }
    // The header is the first row, or a row under a title or two (`XX會議座次名單`, a
    // date): rows with at most one filled cell above a recognised header are dropped.
    let header_at = rows
        .iter()
        .take(TITLE_ROWS + 1)
        .position(|(_, row)| guess_columns(row).is_some())
        .filter(|&k| rows[..k].iter().all(|(_, row)| row.iter().filter(|c| !c.is_empty()).count() <= 1));
    let header = header_at.map(|k| rows.drain(..=k).next_back().expect("k < len").1);
    Ok(Table { header, rows, delimiter })
}

/// Whether a header cell is a row number (序號), which is a rank only when no explicit rank
/// column stands beside it.
fn is_serial(header: &str) -> bool {
    matches!(header.trim(), "序號" | "序号")
}

/// Maps header cells to fields; `None` unless a name column is recognised. A field
/// recognised twice goes to its first column, except that a row number (序號) gives way to
/// an explicit rank column (排序, 位次): `序號 姓名 … 排序` ranks by 排序.
pub fn guess_columns(header: &[String]) -> Option<Vec<Field>> {
    let mut fields: Vec<Field> =
        header.iter().map(|h| Field::from_header(h).unwrap_or(Field::Ignore)).collect();
    if fields.iter().zip(header).any(|(&f, h)| f == Field::Rank && !is_serial(h)) {
        for (f, h) in fields.iter_mut().zip(header) {
            if *f == Field::Rank && is_serial(h) {
                *f = Field::Ignore;
            }
        }
    }
    for i in 0..fields.len() {
        if fields[i] != Field::Ignore && fields[..i].contains(&fields[i]) {
            fields[i] = Field::Ignore;
        }
    }
    fields.contains(&Field::Name).then_some(fields)
}

/// Spreadsheet-style column name: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

/// Puts the `n` most senior of `people` (by `ranking`) on the podium, the rest in the hall:
/// what a roster without a 區域 (section) column needs.
pub fn to_podium(people: &mut [Person], ranking: &Ranking, n: usize) {
    let (order, _) = crate::rank::precedence(people, ranking);
    for (k, &i) in order.iter().enumerate() {
        people[i].section = if k < n { Section::Podium } else { Section::Hall };
    }
}

/// Seats per hall row in a scenario made by [`scenario`].
pub const STARTER_ROW: u32 = 20;

/// A starting scenario from a roster table with a recognised header (the CLI's `import`):
/// its people and units; without a section column the `podium` most senior on the podium;
/// one podium row as long as the podium people and a hall of [`STARTER_ROW`]-seat rows,
/// enough for the rest. Errors name the row and column, as [`roster`]'s do, in `lang`.
pub fn scenario(table: &Table, podium: usize, lang: Lang) -> Result<Scenario, Error> {
    let columns = table.header.as_deref().and_then(guess_columns).ok_or_else(|| Error::Table {
        line: table.rows.first().map_or(0, |(line, _)| *line),
        column: String::new(),
        message: msg!(
            lang,
            "no header row with a name column (姓名) in the first {} rows; add one, e.g. 姓名 職務 單位 排序",
            "前{}行中沒有含「姓名」列的表頭；請加上一行表頭，例如：姓名 職務 單位 排序",
            TITLE_ROWS + 1
        ),
    })?;
    // Without a mapping step to show it, a second column of a kind (two 排序 columns, 單位 and
    // 单位) would be dropped unseen: name it instead.
    let header = table.header.as_deref().unwrap_or_default();
    for (i, h) in header.iter().enumerate() {
        let Some(f) = Field::from_header(h).filter(|&f| f != Field::Ignore && columns[i] == Field::Ignore)
        else {
            continue;
        };
        let Some(first) = columns.iter().position(|&c| c == f) else { continue };
        if !(f == Field::Rank && is_serial(h)) {
            return Err(Error::Table {
                line: 0,
                column: column_text(i, Some(f), lang),
                message: msg!(
                    lang,
                    "column {} is {} too; keep one of the two columns, or rename one",
                    "{}列也是{}；請只保留其中一列，或改掉一列的表頭",
                    column_name(first),
                    f.word(lang)
                ),
            });
        }
    }
    let Roster { mut people, units } = roster_in(table, &columns, &[], lang)?;
    let mut s = Scenario::new();
    if !columns.contains(&Field::Section) {
        to_podium(&mut people, &s.ranking, podium);
    }
    let on_podium = people.iter().filter(|p| p.section == Section::Podium).count() as u32;
    let in_hall = people.len() as u32 - on_podium;
    if on_podium > 0 {
        s.podium = Some(PodiumSpec { rows: vec![on_podium], shrink: false });
    }
    if in_hall > 0 {
        s.hall = Some(HallSpec {
            rows: in_hall.div_ceil(STARTER_ROW),
            seats: in_hall.min(STARTER_ROW),
            aisles: Vec::new(),
            blocked: Vec::new(),
            row_seats: Vec::new(),
            align: Default::default(),
            floors: Vec::new(),
            roles: Default::default(),
        });
    }
    s.people = people;
    s.units = units;
    s.validate()?;
    Ok(s)
}

/// People and units read from a table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster {
    /// The people, in table order.
    pub people: Vec<Person>,
    /// Units in order of first appearance, ids `u1`, `u2`, … unless `existing` had the name.
    pub units: Vec<Unit>,
}

/// Builds people from `table` with `columns` (one [`Field`] per column; missing trailing
/// columns count as `Ignore`). Units are matched by name against `existing` first, then
/// created. Ids are taken from an `Id` column or generated as `p{line}`. Errors are in
/// English; [`roster_in`] writes them in another language.
pub fn roster(table: &Table, columns: &[Field], existing: &[Unit]) -> Result<Roster, Error> {
    roster_in(table, columns, existing, Lang::EN)
}

/// [`roster`] with its errors in `lang` (show them with [`Error::describe`]).
pub fn roster_in(table: &Table, columns: &[Field], existing: &[Unit], lang: Lang) -> Result<Roster, Error> {
    let col = |f: Field| columns.iter().position(|&c| c == f);
    let name_col = col(Field::Name).ok_or_else(|| Error::Table {
        line: 0,
        column: String::new(),
        message: lang.text("no column is mapped to the name (姓名)", "沒有一列被指定為姓名").into(),
    })?;
    for f in Field::ALL {
        if f != Field::Ignore && columns.iter().filter(|&&c| c == f).count() > 1 {
            return Err(Error::Table {
                line: 0,
                column: String::new(),
                message: msg!(lang, "two columns are mapped to {}", "有兩列都被指定為{}", f.word(lang)),
            });
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_by_name: HashMap<String, String> =
        existing.iter().map(|u| (u.name.clone(), u.id.clone())).collect();
    let mut used_unit_ids: HashSet<String> = existing.iter().map(|u| u.id.clone()).collect();
    let mut ids = HashSet::new();
    let mut people = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let cell = |f: Field| col(f).and_then(|i| row.get(i)).map(|s| s.as_str()).filter(|s| !s.is_empty());
        let err = |f: Field, message: String| Error::Table {
            line: *line,
            column: column_text(col(f).unwrap_or(0), Some(f), lang),
            message,
        };
        let name = cell(Field::Name).ok_or_else(|| Error::Table {
            line: *line,
            column: column_text(name_col, Some(Field::Name), lang),
            message: lang.text("the name is empty", "姓名為空").into(),
        })?;
        let id = match cell(Field::Id) {
            Some(id) => id.to_string(),
            None => format!("p{line}"),
        };
        if !ids.insert(id.clone()) {
            return Err(err(Field::Id, msg!(lang, "duplicate id {}", "編號{}重複", format!("{id:?}"))));
        }
        let rank = match cell(Field::Rank) {
            None => None,
            Some(r) => Some(parse_rank(r).ok_or_else(|| {
                let r = format!("{r:?}");
                err(
                    Field::Rank,
                    msg!(
                        lang,
                        "{} is not a whole number (smaller = more senior)",
                        "{}不是整數（數字越小越靠前）",
                        r
                    ),
                )
            })?),
        };
        let section = match cell(Field::Section) {
            None => Section::Hall,
            Some(s) => parse_section(s).ok_or_else(|| {
                let s = format!("{s:?}");
                err(
                    Field::Section,
                    msg!(
                        lang,
                        "{} is neither 主席臺/podium nor 臺下/hall",
                        "{}既不是主席臺/podium，也不是臺下/hall",
                        s
                    ),
                )
            })?,
        };
        let role = match cell(Field::Role) {
            None => Role::Member,
            Some(s) => parse_role(s).ok_or_else(|| {
                let s = format!("{s:?}");
                err(
                    Field::Role,
                    msg!(
                        lang,
                        "{} is not 正式/member, 列席/attendee or 候補/alternate",
                        "{}不是正式/member、列席/attendee或候補/alternate",
                        s
                    ),
                )
            })?,
        };
        let side = match cell(Field::Side) {
            None => None,
            Some(s) => Some(parse_side(s).ok_or_else(|| {
                let s = format!("{s:?}");
                err(
                    Field::Side,
                    msg!(
                        lang,
                        "{} is neither 主方/host nor 客方/guest",
                        "{}既不是主方/host，也不是客方/guest",
                        s
                    ),
                )
            })?),
        };
        let date = |f: Field| match cell(f) {
            None => Ok(None),
            Some(d) => parse_date(d).map(Some).ok_or_else(|| {
                let d = format!("{d:?}");
                err(
                    f,
                    msg!(
                        lang,
                        "{} is not a date (2019-03-01, 2019.3, 2019年3月 or an Excel date)",
                        "{}不是日期（如 2019-03-01、2019.3、2019年3月或 Excel 日期）",
                        d
                    ),
                )
            }),
        };
        let (appointed, joined) = (date(Field::Appointed)?, date(Field::Joined)?);
        let unit = cell(Field::Unit).map(|u| {
            if let Some(id) = unit_by_name.get(u) {
                return id.clone();
            }
            let mut k = units.len() + 1;
            let id = loop {
                let candidate = format!("u{k}");
                if !used_unit_ids.contains(&candidate) {
                    break candidate;
                }
                k += 1;
            };
            used_unit_ids.insert(id.clone());
            unit_by_name.insert(u.to_string(), id.clone());
            units.push(Unit { id: id.clone(), name: u.to_string() });
            id
        });
        people.push(Person {
            id,
            name: name.to_string(),
            post: cell(Field::Post).map(str::to_string),
            unit,
            rank,
            section,
            role,
            appointed,
            joined,
            side,
        });
    }
    Ok(Roster { people, units })
}

/// A column as errors name it: `D (rank)` or `D列（排序）`, or the letter alone.
fn column_text(index: usize, field: Option<Field>, lang: Lang) -> String {
    let letter = column_name(index);
    match field {
        Some(f) => msg!(lang, "{} ({})", "{}列（{}）", letter, f.word(lang)),
        None => msg!(lang, "{}", "{}列", letter),
    }
}

fn too_many_rows(line: usize, lang: Lang) -> Error {
    Error::Table {
        line,
        column: String::new(),
        message: msg!(lang, "more than {} rows", "超過{}行", MAX_ROWS),
    }
}

/// Full-width ASCII (`１２`, `－`, `．`, `／`, as a Chinese input method types them) as
/// ASCII; anything else unchanged.
fn half_width(s: &str) -> std::borrow::Cow<'_, str> {
    const FULL: std::ops::RangeInclusive<char> = '\u{FF01}'..='\u{FF5E}';
    if !s.chars().any(|c| FULL.contains(&c)) {
        return s.into();
    }
    s.chars()
        .map(|c| if FULL.contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .collect::<String>()
        .into()
}

/// A rank as a roster writes it: a whole number, in ASCII or full-width digits (`３`,
/// `－１`), spaces around it ignored.
pub fn parse_rank(s: &str) -> Option<i64> {
    half_width(s.trim()).parse().ok()
}

/// A date as a roster writes it, as `YYYY-MM-DD`: `2019-03-01`, `2019/3/1`, `2019.3.1`,
/// `2019年3月1日`, `20190301`; a month alone (`2019.3`, `2019-03`, `2019年3月`, `201903`) is
/// its first day, as personnel forms write 任職時間; a number of days is an Excel date
/// (what a workbook's date cell holds; 1 = 1900-01-01).
pub fn parse_date(s: &str) -> Option<String> {
    let s = half_width(s.trim());
    let s = s.trim_end_matches('日');
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    // A number: `20190301`, `201903`, or an Excel day number (five to seven digits, maybe
    // with the time of day as a fraction).
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let number = digits(int) && (frac.is_empty() || digits(frac));
    let (y, m, d): (u32, u32, u32) =
        if number && frac.is_empty() && matches!(s.len(), 6 | 8) && s.starts_with(['1', '2']) {
            let d = if s.len() == 8 { s[6..].parse().ok()? } else { 1 };
            (s[..4].parse().ok()?, s[4..6].parse().ok()?, d)
        } else if number && (5..=7).contains(&int.len()) {
            return excel_date(int.parse().ok()?);
        } else {
            let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
            match parts.as_slice() {
                [y, m] | [y, m, ""] if digits(y) && digits(m) => (y.parse().ok()?, m.parse().ok()?, 1),
                [y, m, d] if digits(y) && digits(m) && digits(d) => {
                    (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                }
                _ => return None,
            }
        };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Excel's day number `n` (1900 system: 1 = 1900-01-01, with its phantom 1900-02-29 as 60)
/// as `YYYY-MM-DD`.
fn excel_date(n: u32) -> Option<String> {
    if n == 0 || n == 60 || n > 2_958_465 {
        return None;
    }
    // Days from 1970-01-01: 1900-03-01 is day 61 and -25,508 (civil_from_days, H. Hinnant).
    let z = i64::from(n) - if n < 60 { 25_568 } else { 25_569 } + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn parse_section(s: &str) -> Option<Section> {
    match s.to_lowercase().as_str() {
        "podium" | "主席臺" | "主席台" | "臺上" | "台上" | "p" => Some(Section::Podium),
        "hall" | "臺下" | "台下" | "會場" | "会场" | "h" => Some(Section::Hall),
        _ => None,
    }
}

fn parse_side(s: &str) -> Option<Party> {
    match s.to_lowercase().as_str() {
        "host" | "主" | "主方" | "主人" | "中方" | "我方" => Some(Party::Host),
        "guest" | "客" | "客方" | "客人" | "賓" | "宾" | "外方" | "來賓" | "来宾" => {
            Some(Party::Guest)
        }
        _ => None,
    }
}

fn parse_role(s: &str) -> Option<Role> {
    match s.to_lowercase().as_str() {
        "member" | "正式" | "代表" | "委員" | "委员" | "出席" => Some(Role::Member),
        "attendee" | "列席" => Some(Role::Attendee),
        "alternate" | "候補" | "候补" => Some(Role::Alternate),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_paste_with_header() {
        let t =
            parse_table("姓名\t職務\t單位\t排序\n王晨\t區委書記\t區委\t1\n李明\t區長\t區政府\t2\n").unwrap();
        assert_eq!(t.delimiter, '\t');
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        let r = roster(&t, &cols, &[]).unwrap();
        assert_eq!(r.people.len(), 2);
        assert_eq!(r.people[1].rank, Some(2));
        assert_eq!(r.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["區委", "區政府"]);
        assert_eq!(r.people[0].unit.as_deref(), Some("u1"));
        assert_eq!(r.people[0].id, "p2", "ids come from the source line");
    }

    #[test]
    fn header_under_title_rows() {
        // A CSV whose title line has no delimiter: the comma of the header line still counts.
        let t = parse_table("全區工作會議名單\n2026年12月3日\n姓名,職務\n王晨,書記\n").unwrap();
        assert_eq!(
            (t.delimiter, t.header.clone()),
            (',', Some(vec!["姓名".to_string(), "職務".to_string()]))
        );
        assert_eq!(t.rows, vec![(4, vec!["王晨".to_string(), "書記".to_string()])]);
        // A first row of several cells is data, not a title: no header is guessed below it.
        let t = parse_table("王晨\t書記\n姓名\t職務\n").unwrap();
        assert_eq!(t.header, None);
        assert_eq!(t.rows.len(), 2);
        // Four title rows are too many.
        let t = parse_table("a\nb\nc\nd\n姓名\t職務\n王晨\t書記\n").unwrap();
        assert_eq!(t.header, None);
    }

    #[test]
    fn a_row_number_gives_way_to_an_explicit_rank() {
        let h = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let cols = guess_columns(&h(&["序號", "姓名", "位次"])).unwrap();
        assert_eq!(cols, [Field::Ignore, Field::Name, Field::Rank]);
        let cols = guess_columns(&h(&["序号", "姓名"])).unwrap();
        assert_eq!(cols, [Field::Rank, Field::Name], "alone, 序號 is the order");
        let cols = guess_columns(&h(&["姓名", "職務", "姓名", "職稱"])).unwrap();
        assert_eq!(cols, [Field::Name, Field::Post, Field::Ignore, Field::Ignore], "first column wins");
    }

    #[test]
    fn ranks_in_full_width_digits_are_whole_numbers() {
        for (text, rank) in [("3", 3), (" 12 ", 12), ("１２", 12), ("－１", -1), ("\u{3000}７\u{3000}", 7)]
        {
            assert_eq!(parse_rank(text), Some(rank), "{text}");
        }
        for text in ["", "四", "1e", "1-2", "１.５", "１２a"] {
            assert_eq!(parse_rank(text), None, "{text}");
        }
        // The importer reads them so: a rank column typed with a Chinese input method.
        let t = parse_table("姓名\t排序\n王晨\t２\n李明\t１\n").unwrap();
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        let r = roster(&t, &cols, &[]).unwrap();
        assert_eq!(r.people.iter().map(|p| p.rank).collect::<Vec<_>>(), [Some(2), Some(1)]);
    }

    #[test]
    fn errors_in_chinese_name_row_and_column_in_chinese() {
        use crate::lang::Language;
        use crate::Script;
        let hans = Lang { language: Language::Zh, script: Script::Simplified };
        let hant = Lang { language: Language::Zh, script: Script::Traditional };
        let t = parse_table_in("姓名\t排序\n王晨\t1\n李明\t四\n", hans).unwrap();
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        let e = roster_in(&t, &cols, &[], hans).unwrap_err();
        assert_eq!(e.describe(hans), "第3行，B列（排序）：\"四\"不是整数（数字越小越靠前）");
        // The same error in English, as before.
        assert_eq!(
            roster(&t, &cols, &[]).unwrap_err().to_string(),
            "line 3, column B (rank): \"四\" is not a whole number (smaller = more senior)"
        );
        let e = roster_in(&t, &[Field::Name, Field::Name], &[], hant).unwrap_err();
        assert_eq!(e.describe(hant), "有兩列都被指定為姓名");
        let e = parse_table_in("姓名\t職務\n王晨;書記\n", hans).unwrap_err();
        assert_eq!(
            e.describe(hans),
            "第2行：这一行只有一个单元格，其中含有分号（;），而第一行按制表符（Tab）分列；请整张表使用同一种分隔符"
        );
        let e = parse_table_in("\"王晨", hant).unwrap_err();
        assert_eq!(e.describe(hant), "第1行，A列：引號中的單元格沒有結束（缺少 \"）");
        let t = parse_table("王晨\t書記\n").unwrap();
        let e = scenario(&t, 0, hans).unwrap_err();
        assert_eq!(
            e.describe(hans),
            "第1行：前4行中没有含「姓名」列的表头；请加上一行表头，例如：姓名 职务 单位 排序"
        );
    }

    const ZH: Lang = Lang { language: crate::lang::Language::Zh, script: crate::script::Script::Traditional };

    #[test]
    fn dates_as_rosters_write_them() {
        for (text, date) in [
            ("2019-03-01", "2019-03-01"),
            ("2019/3/1", "2019-03-01"),
            ("2019.3.1", "2019-03-01"),
            ("2019年3月1日", "2019-03-01"),
            (" 20190301 ", "2019-03-01"),
            ("2019.3", "2019-03-01"),
            ("2019.10", "2019-10-01"),
            ("2019-03", "2019-03-01"),
            ("2019年3月", "2019-03-01"),
            ("201903", "2019-03-01"),
            ("2020-02-29", "2020-02-29"),
            // Excel day numbers: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01 (60 is
            // Excel's phantom 1900-02-29), 43525 = 2019-03-01, with a time of day.
            ("43525", "2019-03-01"),
            ("43525.75", "2019-03-01"),
            ("45657", "2024-12-31"),
            // Full-width digits and separators, as a Chinese input method types them.
            ("２０１９年３月１日", "2019-03-01"),
            ("２０１９．３", "2019-03-01"),
            ("\u{3000}２０１９／３／１", "2019-03-01"),
        ] {
            assert_eq!(parse_date(text).as_deref(), Some(date), "{text}");
        }
        assert_eq!(excel_date(1).as_deref(), Some("1900-01-01"));
        assert_eq!(excel_date(59).as_deref(), Some("1900-02-28"));
        assert_eq!(excel_date(61).as_deref(), Some("1900-03-01"));
        for text in
            ["", "2019", "2019-13-01", "2019-02-29", "2019-04-31", "三月", "2019-3-1-2", "60", "abc", "0"]
        {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn appointment_dates_are_imported_and_named_in_errors() {
        let t =
            parse_table("姓名\t任职时间\t到本单位时间\n王晨\t2019.3\t43525\n李强\t\t2020年5月\n").unwrap();
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        assert_eq!(cols, vec![Field::Name, Field::Appointed, Field::Joined]);
        let r = roster(&t, &cols, &[]).unwrap();
        assert_eq!(r.people[0].appointed.as_deref(), Some("2019-03-01"));
        assert_eq!(r.people[0].joined.as_deref(), Some("2019-03-01"));
        assert_eq!(r.people[1].appointed, None);
        assert_eq!(r.people[1].joined.as_deref(), Some("2020-05-01"));
        let t = parse_table("姓名\t任职时间\n王晨\t去年\n").unwrap();
        let e = roster_in(&t, &cols[..2], &[], ZH).unwrap_err();
        assert_eq!(
            e.describe(ZH),
            "第2行，B列（任職時間）：\"去年\"不是日期（如 2019-03-01、2019.3、2019年3月或 Excel 日期）"
        );
    }

    #[test]
    fn host_and_guest_sides() {
        let t = parse_table("姓名\t主客\n陳志遠\t主方\nMargit Lindqvist\t客方\n林曉\t\n").unwrap();
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        assert_eq!(cols, vec![Field::Name, Field::Side]);
        let r = roster(&t, &cols, &[]).unwrap();
        let sides: Vec<Option<Party>> = r.people.iter().map(|p| p.side).collect();
        assert_eq!(sides, vec![Some(Party::Host), Some(Party::Guest), None]);
        let t = parse_table("name,side\nLi,visitor\n").unwrap();
        let e = roster(&t, &guess_columns(t.header.as_ref().unwrap()).unwrap(), &[]).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("B (side)") && e.contains("客方/guest"), "{e}");
    }

    #[test]
    fn csv_quotes_and_errors_name_line_and_column() {
        let t = parse_table("name,rank,post\n\"Smith, J\",1,\"say \"\"hi\"\"\"\nLi,x,\n").unwrap();
        assert_eq!(t.rows[0].1, vec!["Smith, J", "1", "say \"hi\""]);
        let cols = guess_columns(t.header.as_ref().unwrap()).unwrap();
        let e = roster(&t, &cols, &[]).unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("B (rank)"), "{e}");
        assert!(parse_table("name\n\"open").unwrap_err().to_string().contains("line 2"));
    }

    #[test]
    fn a_second_column_of_a_kind_is_named_not_dropped() {
        let t = parse_table("姓名,單位,单位\n甲,A局,B局\n").unwrap();
        let e = scenario(&t, 0, Lang::EN).unwrap_err().to_string();
        assert!(e.contains("column C (unit)") && e.contains("column B is unit too"), "{e}");
        // 序號 beside 排序 is a row number, not a second rank.
        let t = parse_table("序號,姓名,排序\n1,甲,3\n").unwrap();
        assert_eq!(scenario(&t, 0, Lang::EN).unwrap().people[0].rank, Some(3));
    }

    #[test]
    fn pipes_split_and_mixed_delimiters_are_named() {
        let t = parse_table("姓名|職務\n王晨|區委書記\n").unwrap();
        assert_eq!(
            (t.delimiter, t.rows[0].1.clone()),
            ('|', vec!["王晨".to_string(), "區委書記".to_string()])
        );
        let e = parse_table("姓名;職務\n王晨;區委書記\n李明,區長\n").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("commas (,)") && e.contains("semicolons (;)"), "{e}");
        // A one-column list may hold commas in its names.
        assert_eq!(parse_table("姓名\nSmith, J\n").unwrap().rows, vec![(2, vec!["Smith, J".to_string()])]);
    }

    #[test]
    fn sniffs_gbk_and_boms() {
        assert_eq!(sniff_encoding("王晨".as_bytes()), Encoding::Utf8);
        assert_eq!(sniff_encoding(&[0xCD, 0xF5, 0xB3, 0xBF, b',', b'1']), Encoding::Gbk);
        assert_eq!(sniff_encoding(&[0xFF, 0xFE, 0x8B, 0x73]), Encoding::Utf16Le);
        assert_eq!(sniff_encoding(&[0xFF, 0x20]), Encoding::Unknown);
        // UTF-16 without a BOM, told by where the zero bytes of ASCII characters are.
        let le: Vec<u8> = "王晨\t1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "王晨\t1\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff_encoding(&le), Encoding::Utf16Le);
        assert_eq!(sniff_encoding(&be), Encoding::Utf16Be);
        assert_eq!(column_name(27), "AB");
    }
}
