//! Rosters from Excel workbooks: `import::read_xlsx` on files written by openpyxl and by
//! hand as Excel writes them (tests/fixtures/import, made by scripts/gen-xlsx-fixtures.py),
//! on the project's own sign-in lists, on damaged files, and through `seating import`.

use std::path::Path;
use std::process::Command;

use seating_core::export::table;
use seating_core::import::{self, guess_columns, parse_table, read_xlsx, Field};
use seating_core::{plan, Error, Lang, Scenario, Section};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).unwrap()
}

fn cells(row: &[String]) -> Vec<&str> {
    row.iter().map(String::as_str).collect()
}

#[test]
fn openpyxl_workbook_first_visible_sheet_under_title_rows() {
    let text = read_xlsx(&fixture("roster.xlsx")).unwrap();
    let t = parse_table(&text).unwrap();
    // The hidden sheet 說明 is skipped; the two title rows above the header are left out.
    assert_eq!(cells(t.header.as_ref().unwrap()), ["序號", "姓名", "職務", "單位", "排序", "區域"]);
    let lines: Vec<usize> = t.rows.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [5, 6, 7, 9, 10], "line numbers are the sheet's row numbers");
    assert_eq!(cells(&t.rows[1].1), ["2", "顧燕偉", "區委副書記 區長", "區政府", "2", "主席臺"]);
    assert_eq!(t.rows[2].1[4], "3", "the number 3.0 reads as 3");
    assert_eq!(t.rows[4].1[1], "<王&五>");
    // 序號 (a row number) gives way to the explicit 排序 column.
    let columns = guess_columns(t.header.as_ref().unwrap()).unwrap();
    assert_eq!(columns, [Field::Ignore, Field::Name, Field::Post, Field::Unit, Field::Rank, Field::Section]);
    let roster = import::roster(&t, &columns, &[]).unwrap();
    let names: Vec<&str> = roster.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["陳佳怡", "顧燕偉", "梁博娟", "歐陽少東", "<王&五>"]);
    let podium = roster.people.iter().filter(|p| p.section == Section::Podium).count();
    assert_eq!(podium, 3);
    assert_eq!(roster.units.len(), 4);
}

#[test]
fn every_visible_sheet_can_be_read() {
    let bytes = fixture("two-sheets.xlsx");
    assert_eq!(
        import::xlsx_sheets(&bytes, Lang::EN).unwrap(),
        ["主席臺", "臺下"],
        "the hidden 草稿 is left out"
    );
    assert_eq!(read_xlsx(&bytes).unwrap(), import::read_xlsx_sheet(&bytes, 0, Lang::EN).unwrap().text);
    assert_eq!(import::read_xlsx_sheet(&bytes, 1, Lang::EN).unwrap().sheets, ["主席臺", "臺下"]);
    let hall = parse_table(&import::read_xlsx_sheet(&bytes, 1, Lang::EN).unwrap().text).unwrap();
    assert_eq!(cells(hall.header.as_ref().unwrap()), ["姓名", "單位", "排序"]);
    let names: Vec<&str> = hall.rows.iter().map(|(_, r)| r[0].as_str()).collect();
    assert_eq!(names, ["王一", "李二", "張三"]);
    let err = import::read_xlsx_sheet(&bytes, 2, Lang::EN).unwrap_err().to_string();
    assert_eq!(err, "the workbook has 2 visible sheets, not 3");
    assert_eq!(import::xlsx_sheets(&fixture("shared-strings.xlsx"), Lang::EN).unwrap(), ["Sheet1"]);
}

#[test]
fn old_excel_97_2003_workbooks() {
    let bytes = fixture("old.xls");
    assert_eq!(
        import::xlsx_sheets(&bytes, Lang::EN).unwrap(),
        ["名單", "臺下"],
        "the hidden 說明 is left out"
    );
    let t = parse_table(&read_xlsx(&bytes).unwrap()).unwrap();
    assert_eq!(cells(t.header.as_ref().unwrap()), ["姓名", "職務", "單位", "排序", "區域", "備註"]);
    let rows: Vec<(usize, Vec<&str>)> = t.rows.iter().map(|(l, r)| (*l, cells(r))).collect();
    assert_eq!(
        rows,
        [
            (4, vec!["陳佳怡", "區委書記", "區委", "1", "主席臺", "1.5"]),
            (5, vec!["顧燕偉", "區委副書記、區長", "區政府", "2", "主席臺", "TRUE"]),
            (6, vec!["Anna Müller", "Gast", "區政協", "30000", "臺下", "-2.25"]),
        ]
    );
    // 1,500 distinct names: the shared strings run over CONTINUE records, some split in
    // the middle of a name. Every one must come back exactly as written.
    let surnames: Vec<char> =
        "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹".chars().collect();
    let given: Vec<char> =
        "建國華明偉強軍平東文輝力剛勇毅俊峰志紅霞芳敏靜麗娟英秀蘭玉萍燕雲海濤波洪斌宇浩凱健博"
            .chars()
            .collect();
    let read = import::read_xlsx_sheet(&bytes, 1, Lang::EN).unwrap();
    assert_eq!(read.sheets, ["名單", "臺下"]);
    let hall = parse_table(&read.text).unwrap();
    assert_eq!(hall.rows.len(), 1500);
    for (i, (line, row)) in hall.rows.iter().enumerate() {
        let name = format!(
            "{}{}{}{i}",
            surnames[i % surnames.len()],
            given[(i / surnames.len()) % given.len()],
            given[i % given.len()]
        );
        assert_eq!(
            (*line, row[0].as_str(), row[1].as_str()),
            (i + 2, name.as_str(), (100 + i).to_string().as_str())
        );
    }
    // Damaged anywhere: an error or the same text, never a panic.
    let want = read_xlsx(&bytes).unwrap();
    for at in (0..bytes.len()).step_by(97) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x5A;
        if let Ok(text) = read_xlsx(&bad) {
            let _ = parse_table(&text);
        }
        let _ = read_xlsx(&bytes[..at]);
    }
    assert_eq!(read_xlsx(&bytes).unwrap(), want);
}

#[test]
fn excel_style_shared_strings_and_errors_name_the_sheet_row() {
    let text = read_xlsx(&fixture("shared-strings.xlsx")).unwrap();
    let t = parse_table(&text).unwrap();
    assert_eq!(cells(t.header.as_ref().unwrap()), ["姓名", "职务", "单位", "排序"]);
    let rows: Vec<(usize, Vec<&str>)> = t.rows.iter().map(|(l, r)| (*l, cells(r))).collect();
    assert_eq!(
        rows,
        [
            (2, vec!["张伟", "局长", "市交通局", "1"]),
            (3, vec!["李娜", "副局长", "市交通局", "2"]),
            // Phonetic guides (rPh) are not part of the text; a formula's cached string is.
            (9, vec!["欧阳", "", "市政府", "3"]),
            (10, vec!["\"王\"五", "副局长", "市交通局", "四"]),
        ]
    );
    let columns = guess_columns(t.header.as_ref().unwrap()).unwrap();
    let err = import::roster(&t, &columns, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 10, column D (rank): \"四\" is not a whole number (smaller = more senior)"
    );
}

#[test]
fn the_sign_in_list_we_write_reads_back_as_a_roster() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("examples/district-plenary.json")).unwrap();
    let s = Scenario::from_json(&text).unwrap();
    let p = plan(&s);
    let t = parse_table(&read_xlsx(&table::xlsx(&s, &p)).unwrap()).unwrap();
    assert_eq!(t.header.as_deref().unwrap(), table::header(&s).as_slice());
    let expected: Vec<(String, String, String)> =
        table::rows(&s, &p).into_iter().map(|r| (r.name, r.post, r.label)).collect();
    let read: Vec<(String, String, String)> =
        t.rows.iter().map(|(_, r)| (r[1].clone(), r[2].clone(), r[4].clone())).collect();
    assert_eq!(read, expected);
    let roster = import::roster(&t, &guess_columns(t.header.as_ref().unwrap()).unwrap(), &[]).unwrap();
    assert_eq!(roster.people.len(), expected.len());
}

#[test]
fn damaged_workbooks_are_errors_not_panics() {
    let good = fixture("shared-strings.xlsx");
    // Cut short anywhere.
    for len in 0..good.len() {
        let _ = read_xlsx(&good[..len]);
    }
    // Any one byte changed: an error (the CRC catches changed content that still unpacks),
    // or the same text.
    let want = read_xlsx(&good).unwrap();
    let mut errors = 0;
    for at in 0..good.len() {
        for flip in [0x01u8, 0x80, 0xFF] {
            let mut bad = good.clone();
            bad[at] ^= flip;
            match read_xlsx(&bad) {
                // Header fields the reader does not use (dates, the local CRC) change nothing.
                Ok(text) => assert_eq!(text, want, "byte {at} ^ {flip:#x}"),
                Err(Error::Table { message, .. }) => {
                    assert!(!message.is_empty());
                    errors += 1;
                }
                Err(e) => panic!("unexpected error kind {e:?}"),
            }
        }
    }
    assert!(errors > good.len(), "most single-byte changes are caught: {errors}");
    let err = read_xlsx(&good[..good.len() - 30]).unwrap_err().to_string();
    assert!(err.contains("not an .xlsx workbook"), "{err}");
}

fn seating(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seating"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("seating runs")
}

#[test]
fn cli_import_makes_a_scenario_that_plans() {
    let out = seating(&["import", "tests/fixtures/import/roster.xlsx"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = Scenario::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert_eq!(s.people.len(), 5);
    assert_eq!(s.podium.as_ref().unwrap().rows, [3]);
    let p = plan(&s);
    assert!(p.unseated.is_empty(), "the starter venue fits everyone");
    // The podium by PROTOCOL §1 (honour=left, n=3: `3 1 2`).
    let podium: Vec<&str> =
        p.seats.iter().filter(|a| a.seat.starts_with('P')).filter_map(|a| a.person.as_deref()).collect();
    let id = |name: &str| s.people.iter().find(|x| x.name == name).unwrap().id.as_str();
    assert_eq!(podium, [id("梁博娟"), id("陳佳怡"), id("顧燕偉")]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 people (3 on the podium), 4 units"));
}

#[test]
fn cli_import_csv_with_podium_count_and_errors() {
    let dir = std::env::temp_dir().join(format!("seating-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("r.csv");
    std::fs::write(
        &csv,
        "座次名單\n姓名,職務,單位,排序\n甲,書記,黨委,1\n乙,主任,人大,3\n丙,區長,政府,2\n丁,科員,政府,9\n",
    )
    .unwrap();
    let out_json = dir.join("s.json");
    let out = seating(&["import", csv.to_str().unwrap(), "--podium", "2", "-o", out_json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = Scenario::from_json(&std::fs::read_to_string(&out_json).unwrap()).unwrap();
    let on_podium: Vec<&str> =
        s.people.iter().filter(|p| p.section == Section::Podium).map(|p| p.name.as_str()).collect();
    assert_eq!(on_podium, ["甲", "丙"], "the two most senior by rank");
    assert_eq!((s.hall.as_ref().unwrap().rows, s.hall.as_ref().unwrap().seats), (1, 2));

    std::fs::write(&csv, "甲,書記\n乙,主任\n").unwrap();
    let out = seating(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no header row with a name column (姓名)"));

    let xls = dir.join("old.xls");
    std::fs::write(&xls, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let out = seating(&["import", xls.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("save it as .xlsx"));

    // `--lang zh`: the row error in Chinese, naming the sheet's row and the column.
    let out = seating(&["--lang", "zh", "import", "tests/fixtures/import/shared-strings.xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("第10行，D列（排序）：\"四\"不是整數（數字越小越靠前）"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An old .xls: the same command.
    let out = seating(&["import", "tests/fixtures/import/old.xls"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = Scenario::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    let names: Vec<&str> = s.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["陳佳怡", "顧燕偉", "Anna Müller"]);

    let out = seating(&["import", "--podium", "many", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
