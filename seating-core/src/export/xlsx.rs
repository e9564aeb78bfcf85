//! A small XLSX writer: exactly what the seat list needs ([`crate::export::table::xlsx`]),
//! written by hand so that no ZIP or deflate code reaches the web page's wasm.
//!
//! What it writes: text and whole-number cells, six fixed cell formats ([`Style`]), merged
//! cells within a row, column widths, row heights, frozen header rows, and the print setup
//! (A4, portrait or landscape, fit to one page wide, a header row repeated on every page).
//!
//! ## Package
//! An XLSX file is a ZIP archive of XML parts (ECMA-376, ISO/IEC 29500): `[Content_Types].xml`,
//! `_rels/.rels`, `xl/workbook.xml` (sheets and print titles), `xl/_rels/workbook.xml.rels`,
//! `xl/styles.xml`, `xl/sharedStrings.xml` and `xl/worksheets/sheetN.xml`. There is no theme
//! (readers fall back to the default Office theme) and no document properties (`docProps`,
//! which would carry a time). The archive has STORED entries only (no compression), each
//! with its CRC-32, and a fixed DOS time (1980-01-01 00:00), so the same sheets always give
//! the same bytes. Part names are ASCII, so the UTF-8 name flag is not set.
//!
//! ## Text
//! Strings go to the shared-string table in order of first use (what Excel writes, and what
//! every reader handles). They are escaped (`&`, `<`, `>`, `"`); an `_` that would start an
//! OOXML escape (`_x0041_`) is written `_x005F_` so that it reads back as typed; characters
//! that XML 1.0 cannot carry are dropped (callers pass text through
//! [`crate::layout::clean`] first, which already turns control characters into spaces); text
//! with a blank at either end is marked `xml:space="preserve"`. Empty text is a blank cell.

use std::collections::HashMap;
use std::fmt::Write as _;

/// A cell format: its index in the `cellXfs` of [`STYLES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Bold 16 pt SimSun, centred: the title row.
    Title = 1,
    /// The default font, centred: the subtitle row.
    Centred = 2,
    /// Bold SimSun, centred, thin borders, #EEEEEE fill: header rows.
    Head = 3,
    /// FangSong with thin borders: the body.
    Body = 4,
    /// [`Style::Body`], centred.
    BodyCentred = 5,
}

/// One cell: a value and its format.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    /// Text (a shared string; a blank cell when empty).
    Text(&'a str, Style),
    /// A whole number.
    Number(usize, Style),
}

/// One worksheet. Rows are added top to bottom, each from column A.
#[derive(Debug, Clone)]
pub(crate) struct Sheet<'a> {
    /// The tab name (at most 31 characters, none of `[]:*?/\`).
    name: &'a str,
    /// Column widths from column A, in characters of the default font (as Excel's column
    /// width box shows them).
    widths: &'static [u32],
    /// The rows: cells from column A, and the height in points (`None`: the default).
    rows: Vec<(Vec<Cell<'a>>, Option<f64>)>,
    /// Merged ranges, each within one row: (row, first column, last column), 0-based.
    merges: Vec<(usize, usize, usize)>,
    /// Rows frozen at the top (0: none).
    pub freeze: usize,
    /// The 0-based row printed at the top of every page.
    pub print_titles: Option<usize>,
    /// Landscape paper (else portrait).
    pub landscape: bool,
    /// Printed one page wide (as many pages tall as needed).
    pub fit_width: bool,
}

impl<'a> Sheet<'a> {
    /// An empty sheet with its tab name and column widths.
    pub fn new(name: &'a str, widths: &'static [u32]) -> Self {
        debug_assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']));
        Sheet {
            name,
            widths,
            rows: Vec::new(),
            merges: Vec::new(),
            freeze: 0,
            print_titles: None,
            landscape: false,
            fit_width: false,
        }
    }

    /// Adds a row of cells from column A, `height` in points.
    pub fn row(&mut self, cells: Vec<Cell<'a>>, height: Option<f64>) {
        self.rows.push((cells, height));
    }

    /// Adds a row whose `columns` first cells are merged into one holding `text`.
    pub fn merged(&mut self, text: &'a str, style: Style, columns: usize) {
        let mut cells = vec![Cell::Text("", style); columns];
        cells[0] = Cell::Text(text, style);
        self.merges.push((self.rows.len(), 0, columns - 1));
        self.row(cells, None);
    }
}

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_PREFIX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

/// The style sheet: fonts (0 Calibri 11, 1 bold SimSun 16, 2 bold SimSun 11, 3 FangSong 11),
/// fills (the two Excel requires, then solid #EEEEEE), borders (none, thin all round) and the
/// cell formats that [`Style`] indexes (0 is the default).
const STYLES: &str = concat!(
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"4\">",
    "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "<font><b/><sz val=\"16\"/><name val=\"SimSun\"/><family val=\"2\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"SimSun\"/><family val=\"2\"/></font>",
    "<font><sz val=\"11\"/><name val=\"FangSong\"/><family val=\"2\"/></font>",
    "</fonts>",
    "<fills count=\"3\">",
    "<fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill>",
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFEEEEEE\"/><bgColor indexed=\"64\"/></patternFill></fill>",
    "</fills>",
    "<borders count=\"2\">",
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
    "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>",
    "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>",
    "</borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"6\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"center\"/></xf>",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">",
    "<alignment horizontal=\"center\"/></xf>",
    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" ",
    "applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>",
    "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" ",
    "applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>",
);

/// The workbook as XLSX bytes: the sheets in order, the first one selected.
///
/// Panics if the archive would reach 4 GiB (no ZIP64), far beyond Excel's 1,048,576 rows.
pub(crate) fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut strings = Strings::default();
    let worksheets: Vec<String> =
        sheets.iter().enumerate().map(|(i, s)| worksheet(s, i == 0, &mut strings)).collect();

    let mut types = format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"{CT_PREFIX}sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"{CT_PREFIX}styles+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{CT_PREFIX}sharedStrings+xml\"/>"
    );
    let mut rels = format!("{DECL}<Relationships xmlns=\"{PKG_REL_NS}\">");
    let mut book = format!(
        "{DECL}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><bookViews><workbookView \
         xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>"
    );
    let mut titles = String::new();
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            types,
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"{CT_PREFIX}worksheet+xml\"/>"
        );
        let _ = write!(
            rels,
            "<Relationship Id=\"rId{n}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        );
        book.push_str("<sheet name=\"");
        escape(&mut book, s.name, false);
        let _ = write!(book, "\" sheetId=\"{n}\" r:id=\"rId{n}\"/>");
        if let Some(r) = s.print_titles {
            // 'name'!$3:$3, the quotes doubled inside.
            let _ = write!(titles, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'");
            escape(&mut titles, &s.name.replace('\'', "''"), false);
            let _ = write!(titles, "'!${0}:${0}</definedName>", r + 1);
        }
    }
    types.push_str("</Types>");
    let n = sheets.len();
    let _ = write!(
        rels,
        "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId{}\" Type=\"{REL_NS}/sharedStrings\" Target=\"sharedStrings.xml\"/>\
         </Relationships>",
        n + 1,
        n + 2
    );
    book.push_str("</sheets>");
    if !titles.is_empty() {
        let _ = write!(book, "<definedNames>{titles}</definedNames>");
    }
    book.push_str("</workbook>");
    let root_rels = format!(
        "{DECL}<Relationships xmlns=\"{PKG_REL_NS}\"><Relationship Id=\"rId1\" \
         Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let styles = format!("{DECL}{STYLES}");
    let shared = strings.xml();

    let names: Vec<String> = (1..=n).map(|n| format!("xl/worksheets/sheet{n}.xml")).collect();
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
    ];
    parts.extend(names.iter().map(String::as_str).zip(worksheets.iter().map(String::as_bytes)));
    zip(&parts)
}

/// One worksheet part.
fn worksheet<'a>(s: &Sheet<'a>, selected: bool, strings: &mut Strings<'a>) -> String {
    let mut x = String::with_capacity(1024 + s.rows.len() * 300);
    let _ = write!(x, "{DECL}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\">");
    if s.fit_width {
        x.push_str("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
    }
    let columns = s.rows.iter().map(|(cells, _)| cells.len()).max().unwrap_or(0);
    x.push_str("<dimension ref=\"A1");
    if columns > 0 {
        x.push(':');
        cell_ref(&mut x, s.rows.len() - 1, columns - 1);
    }
    x.push_str("\"/><sheetViews><sheetView");
    if selected {
        x.push_str(" tabSelected=\"1\"");
    }
    x.push_str(" workbookViewId=\"0\"");
    if s.freeze > 0 {
        x.push_str("><pane ySplit=\"");
        let _ = write!(x, "{}\" topLeftCell=\"", s.freeze);
        cell_ref(&mut x, s.freeze, 0);
        x.push_str(
            "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>",
        );
    } else {
        x.push_str("/>");
    }
    x.push_str("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
    if !s.widths.is_empty() {
        x.push_str("<cols>");
        for (c, &w) in s.widths.iter().enumerate() {
            // Excel stores the width with 5 pixels of padding at 7 pixels a character,
            // truncated to 1/256: 12 -> 12.7109375.
            let stored = f64::from((w * 7 + 5) * 256 / 7) / 256.0;
            let _ = write!(x, "<col min=\"{0}\" max=\"{0}\" width=\"{stored}\" customWidth=\"1\"/>", c + 1);
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, (cells, height)) in s.rows.iter().enumerate() {
        let _ = write!(x, "<row r=\"{}\"", r + 1);
        if let Some(h) = height {
            let _ = write!(x, " ht=\"{h}\" customHeight=\"1\"");
        }
        x.push('>');
        for (c, cell) in cells.iter().enumerate() {
            x.push_str("<c r=\"");
            cell_ref(&mut x, r, c);
            match *cell {
                Cell::Text("", style) => {
                    let _ = write!(x, "\" s=\"{}\"/>", style as u8);
                }
                Cell::Text(t, style) => {
                    let _ = write!(x, "\" s=\"{}\" t=\"s\"><v>{}</v></c>", style as u8, strings.id(t));
                }
                Cell::Number(v, style) => {
                    let _ = write!(x, "\" s=\"{}\"><v>{v}</v></c>", style as u8);
                }
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData>");
    if !s.merges.is_empty() {
        let _ = write!(x, "<mergeCells count=\"{}\">", s.merges.len());
        for &(r, c0, c1) in &s.merges {
            x.push_str("<mergeCell ref=\"");
            cell_ref(&mut x, r, c0);
            x.push(':');
            cell_ref(&mut x, r, c1);
            x.push_str("\"/>");
        }
        x.push_str("</mergeCells>");
    }
    x.push_str(
        "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>\
         <pageSetup paperSize=\"9\"",
    );
    if s.fit_width {
        x.push_str(" fitToHeight=\"0\"");
    }
    let _ =
        write!(x, " orientation=\"{}\"/></worksheet>", if s.landscape { "landscape" } else { "portrait" });
    x
}

/// Writes an A1-style reference for a 0-based row and column (`B4`, `AA10`).
fn cell_ref(out: &mut String, row: usize, col: usize) {
    let mut letters = [0u8; 4];
    let mut i = letters.len();
    let mut c = col + 1;
    while c > 0 {
        i -= 1;
        letters[i] = b'A' + ((c - 1) % 26) as u8;
        c = (c - 1) / 26;
    }
    letters[i..].iter().for_each(|&b| out.push(b as char));
    let _ = write!(out, "{}", row + 1);
}

/// The shared-string table: each distinct text once, in order of first use.
#[derive(Default)]
struct Strings<'a> {
    index: HashMap<&'a str, usize>,
    list: Vec<&'a str>,
    uses: usize,
}

impl<'a> Strings<'a> {
    /// The index of `s`, added when new.
    fn id(&mut self, s: &'a str) -> usize {
        self.uses += 1;
        *self.index.entry(s).or_insert_with(|| {
            self.list.push(s);
            self.list.len() - 1
        })
    }

    /// The `sharedStrings.xml` part.
    fn xml(&self) -> String {
        let mut x = String::with_capacity(128 + self.list.iter().map(|s| s.len() + 16).sum::<usize>());
        let _ = write!(
            x,
            "{DECL}<sst xmlns=\"{MAIN_NS}\" count=\"{}\" uniqueCount=\"{}\">",
            self.uses,
            self.list.len()
        );
        for s in &self.list {
            let blank_end = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
            x.push_str(if blank_end { "<si><t xml:space=\"preserve\">" } else { "<si><t>" });
            escape(&mut x, s, true);
            x.push_str("</t></si>");
        }
        x.push_str("</sst>");
        x
    }
}

/// Appends `s` escaped for XML text or a double-quoted attribute; characters XML 1.0 cannot
/// carry are dropped. `cell`: also guard `_` where it would start an `_xHHHH_` escape, which
/// spreadsheet readers decode in cell text.
fn escape(out: &mut String, s: &str, cell: bool) {
    for (i, ch) in s.char_indices() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '_' if cell && starts_escape(&s.as_bytes()[i..]) => out.push_str("_x005F_"),
            '\t' | '\n' => out.push(ch),
            '\0'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => out.push(ch),
        }
    }
}

/// Whether `b` starts with `_xHHHH_` (any case of hex digits).
fn starts_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// The CRC-32 table (IEEE, reflected polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 of `data`, as ZIP stores it.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// A ZIP archive of the files, in order: STORED, no data descriptors, no extra fields,
/// every entry dated 1980-01-01 00:00 (DOS time 0, date 0x0021).
pub(crate) fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    fn u16_(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32_(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn size(n: usize) -> u32 {
        u32::try_from(n).expect("the workbook is under 4 GiB")
    }
    /// The fields local and central headers share: version needed (2.0), flags, method
    /// (0, stored), time, date, CRC, both sizes, name length and extra length.
    fn common(out: &mut Vec<u8>, name: &str, data: &[u8]) {
        for v in [20, 0, 0, 0, 0x0021] {
            u16_(out, v);
        }
        for v in [crc32(data), size(data.len()), size(data.len())] {
            u32_(out, v);
        }
        u16_(out, name.len() as u16);
        u16_(out, 0);
    }
    let total: usize = files.iter().map(|(n, d)| 76 + 2 * n.len() + d.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::with_capacity(files.iter().map(|(n, _)| 46 + n.len()).sum());
    for &(name, data) in files {
        let offset = size(out.len());
        u32_(&mut out, 0x0403_4B50);
        common(&mut out, name, data);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32_(&mut central, 0x0201_4B50);
        u16_(&mut central, 20); // made by: MS-DOS, 2.0
        common(&mut central, name, data);
        for v in [0, 0, 0] {
            u16_(&mut central, v); // comment length, disk number, internal attributes
        }
        u32_(&mut central, 0); // external attributes
        u32_(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let start = size(out.len());
    out.extend_from_slice(&central);
    u32_(&mut out, 0x0605_4B50);
    let count = files.len() as u16;
    for v in [0, 0, count, count] {
        u16_(&mut out, v);
    }
    u32_(&mut out, size(central.len()));
    u32_(&mut out, start);
    u16_(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn references() {
        let r = |row, col| {
            let mut s = String::new();
            cell_ref(&mut s, row, col);
            s
        };
        assert_eq!(
            [r(0, 0), r(3, 1), r(9, 25), r(0, 26), r(0, 701), r(0, 702)],
            ["A1", "B4", "Z10", "AA1", "ZZ1", "AAA1"]
        );
    }

    #[test]
    fn escapes() {
        let e = |s: &str, cell| {
            let mut out = String::new();
            escape(&mut out, s, cell);
            out
        };
        assert_eq!(e("a<b>&\"c\"'", true), "a&lt;b&gt;&amp;&quot;c&quot;'");
        assert_eq!(e("_x0041_ _x41_ _xABCD", true), "_x005F_x0041_ _x41_ _xABCD");
        assert_eq!(e("_x0041_", false), "_x0041_");
        assert_eq!(e("a\u{0}b\u{1B}c\td\u{FFFE}", true), "abc\td");
    }

    #[test]
    fn shared_strings_keep_blank_ends() {
        let mut s = Strings::default();
        assert_eq!([s.id(" a"), s.id("b"), s.id(" a"), s.id("c ")], [0, 1, 0, 2]);
        let x = s.xml();
        assert!(x.contains("count=\"4\" uniqueCount=\"3\""), "{x}");
        assert!(x.contains(
            "<si><t xml:space=\"preserve\"> a</t></si><si><t>b</t></si><si><t xml:space=\"preserve\">c </t></si>"
        ));
    }

    #[test]
    fn stored_zip_layout() {
        let z = zip(&[("a.xml", b"hello"), ("b", b"")]);
        // Local header, name, data.
        assert_eq!(&z[..4], b"PK\x03\x04");
        assert_eq!(&z[14..18], &crc32(b"hello").to_le_bytes());
        assert_eq!(&z[30..35], b"a.xml");
        assert_eq!(&z[35..40], b"hello");
        // End record: 2 entries, the central directory right after the two local entries.
        let end = &z[z.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        let cd = u32::from_le_bytes(end[16..20].try_into().unwrap()) as usize;
        assert_eq!(cd, 40 + 31);
        assert_eq!(&z[cd..cd + 4], b"PK\x01\x02");
        assert_eq!(zip(&[("a.xml", b"hello")]), zip(&[("a.xml", b"hello")]));
    }
}
