#!/usr/bin/env python3
"""Writes the workbook import fixtures in tests/fixtures/import/: .xlsx with openpyxl
(DEFLATE-compressed parts, as real spreadsheet programs write them) and by hand as Excel
writes them, and old .xls (BIFF8 in a compound file) with xlwt. Run once; the files are
committed, and tests/it/import_xlsx.rs reads them:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install openpyxl xlwt
    /tmp/venv/bin/python scripts/gen-xlsx-fixtures.py
"""
import os
import zipfile
from openpyxl import Workbook

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "import")


def roster():
    """A secretariat's sheet: a hidden helper sheet first, then a title row, a date row,
    the header on row 4, a blank row, numbers as numbers, a post with a line break."""
    wb = Workbook()
    helper = wb.active
    helper.title = "說明"
    helper["A1"] = "這一頁是隱藏的"
    helper.sheet_state = "hidden"
    ws = wb.create_sheet("名單")
    ws["A1"] = "區第十屆人民代表大會第三次會議 主席臺名單"
    ws["A2"] = "2026年12月3日"
    ws.append([])
    ws.append(["序號", "姓名", "職務", "單位", "排序", "區域"])
    rows = [
        (1, "陳佳怡", "區委書記", "區委", 1, "主席臺"),
        (2, "顧燕偉", "區委副書記\n區長", "區政府", 2, "主席臺"),
        (3, "梁博娟", "區人大常委會主任", "區人大", 3.0, "主席臺"),
        None,
        (4, "歐陽少東", "區政協主席", "區政協", 4, "臺下"),
        (5, "<王&五>", "辦公室主任", "區委", 5, "臺下"),
    ]
    for r in rows:
        ws.append(list(r) if r else [])
    wb.active = 1
    wb.save(os.path.join(OUT, "roster.xlsx"))


def two_sheets():
    """The podium and the hall on sheets of their own, a hidden sheet between them."""
    wb = Workbook()
    podium = wb.active
    podium.title = "主席臺"
    podium.append(["姓名", "職務", "排序"])
    for row in [("陳佳怡", "區委書記", 1), ("顧燕偉", "區長", 2), ("梁博娟", "區人大常委會主任", 3)]:
        podium.append(list(row))
    hidden = wb.create_sheet("草稿")
    hidden["A1"] = "不用"
    hidden.sheet_state = "hidden"
    hall = wb.create_sheet("臺下")
    hall.append(["姓名", "單位", "排序"])
    for row in [("王一", "區委辦", 10), ("李二", "區政府辦", 11), ("張三", "區委辦", 12)]:
        hall.append(list(row))
    wb.save(os.path.join(OUT, "two-sheets.xlsx"))


def old_xls():
    """Excel 97-2003: a hidden sheet, then 名單 with a title row, numbers, a decimal, a
    boolean, and a hall sheet of 1,500 distinct names, so that the shared-string table spans
    many CONTINUE records (some strings split across them)."""
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    hidden = wb.add_sheet("說明")
    hidden.write(0, 0, "隱藏")
    hidden.visibility = 1
    ws = wb.add_sheet("名單")
    ws.write(0, 0, "主席臺名單")
    for c, h in enumerate(["姓名", "職務", "單位", "排序", "區域", "備註"]):
        ws.write(2, c, h)
    rows = [
        ("陳佳怡", "區委書記", "區委", 1, "主席臺", 1.5),
        ("顧燕偉", "區委副書記、區長", "區政府", 2, "主席臺", True),
        ("Anna Müller", "Gast", "區政協", 30000, "臺下", -2.25),
    ]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.write(3 + r, c, v)
    hall = wb.add_sheet("臺下")
    hall.write(0, 0, "姓名")
    hall.write(0, 1, "排序")
    surnames = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹"
    given = "建國華明偉強軍平東文輝力剛勇毅俊峰志紅霞芳敏靜麗娟英秀蘭玉萍燕雲海濤波洪斌宇浩凱健博"
    for i in range(1500):
        name = surnames[i % len(surnames)] + given[(i // len(surnames)) % len(given)] + given[i % len(given)] + str(i)
        hall.write(1 + i, 0, name)
        hall.write(1 + i, 1, 100 + i)
    wb.save(os.path.join(OUT, "old.xls"))


def shared():
    """The parts as Excel writes them (shared strings, phonetic runs, `_x000D_`, an `x:`
    namespace prefix as the OpenXML SDK writes it), DEFLATE-compressed with zipfile."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    strings = ["姓名", "职务", "单位", "排序", "张伟", "局长_x000D_", "市交通局", "李娜", "副局长", "&quot;王&quot;五"]
    sst = "".join(f"<x:si><x:t>{t}</x:t></x:si>" for t in strings)
    sst += '<x:si><x:r><x:t>欧</x:t></x:r><x:r><x:t>阳</x:t></x:r><x:rPh sb="0" eb="1"><x:t>おう</x:t></x:rPh></x:si>'
    cells = [
        (1, [("A", "s", 0), ("B", "s", 1), ("C", "s", 2), ("D", "s", 3)]),
        (2, [("A", "s", 4), ("B", "s", 5), ("C", "s", 6), ("D", None, "1")]),
        (3, [("A", "s", 7), ("B", "s", 8), ("C", "s", 6), ("D", None, "2.0000000000000004")]),
        (9, [("A", "s", 10), ("C", "str", "市政府"), ("D", None, "3")]),
        (10, [("A", "s", 9), ("B", "s", 8), ("C", "s", 6), ("D", "str", "四")]),
    ]
    rows = ""
    for r, cs in cells:
        body = ""
        for col, t, v in cs:
            attr = f' t="{t}"' if t else ""
            body += f'<x:c r="{col}{r}"{attr}><x:v>{v}</x:v></x:c>'
        rows += f'<x:row r="{r}">{body}</x:row>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook {ns}><x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="t" Target="sharedStrings.xml"/><Relationship Id="rId7" Type="w" Target="/xl/worksheets/sheet7.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><!-- written by hand --><x:sst {ns} count="11">{sst}</x:sst>',
        "xl/worksheets/sheet7.xml": f'<?xml version="1.0"?><x:worksheet {ns}><x:sheetData>{rows}</x:sheetData></x:worksheet>',
    }
    with zipfile.ZipFile(os.path.join(OUT, "shared-strings.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    roster()
    two_sheets()
    old_xls()
    shared()
