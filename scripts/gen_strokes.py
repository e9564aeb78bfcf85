#!/usr/bin/env python3
"""Generate seating-core/data/strokes.txt, the 姓氏筆畫 stroke-sequence table,
seating-core/data/stroke-counts.txt (the stroke counts of the other CJK Unified Ideographs,
from Unihan), and their packed form seating-core/data/strokes.bin (the one compiled into
the crate).

Re-run (from the repository root):

    npm install --prefix /tmp/cnchar cnchar-order@3.2.6 cnchar-trad@3.2.6
    apt-get install -y unicode-data          # Unihan kTotalStrokes, for the count check
    python3 scripts/gen_strokes.py --cnchar /tmp/cnchar/node_modules

After writing strokes.txt the script packs it into strokes.bin by running (needs cargo;
`--no-pack` skips it)

    SEATING_WRITE_TABLES=1 cargo test -p seating-core --lib strokes::tests::packed_table

The packing (a bitmap and range-coded sequences) is Rust code in seating-core, shared with
the decoder, so that the two cannot disagree; the format is in the module docs of
seating-core/src/strokes.rs.

Optional: `--check FILE` compares the result with another `字<TAB>digits` table and prints
the disagreements (used during development as an independent cross-check only; nothing
from that file is copied into the output).

Output format (seating-core/data/strokes.txt): one line per character, sorted by code
point, `字` immediately followed by its stroke sequence in digits 1-5
(1 橫/提, 2 豎/豎鉤, 3 撇, 4 點/捺, 5 折), e.g. `王1121`. No header, no blank lines.
Every character must be in U+4E00..U+9FFF and have at most 40 strokes (the packed form's
limits; the pack step checks them).

Sources (see seating-core/data/STROKES-SOURCE.md): the stroke-order dictionaries inside
the npm packages cnchar-order (simplified, 6,939 characters) and cnchar-trad
(traditional, 2,611 characters), both MIT, by theajack; a few hand-written entries and
corrections listed below.
"""

import argparse
import bz2
import json
import os
import re
import subprocess
import sys

# cnchar stroke letters -> the five GB13000.1 classes (橫1 豎2 撇3 點4 折5).
# cnchar's own table (in cnchar-order) names them; 提 counts as 橫, 豎鉤 as 豎,
# 捺 (and cnchar's "点2" variant `d`) as 點, every other hook/turn as 折.
CLASS = {
    "j": "1",  # 横
    "i": "1",  # 提
    "f": "2",  # 竖
    "g": "2",  # 竖钩
    "s": "3",  # 撇
    "k": "4",  # 点
    "d": "4",  # 点2 (㇀-shaped dot, e.g. 心 忄 火)
    "l": "4",  # 捺
}
for _letter in "abcehmnopqrtuvwxyz":  # 横折折撇 竖弯 横折 横斜钩 ... 竖弯钩: all 折
    CLASS[_letter] = "5"

# Corrections of cnchar entries, each checked by hand against the component orders of the
# GB13000.1 / 现代汉语通用字笔顺规范 standard (and, for traditional forms, the same
# component orders applied to the traditional shape).
FIXES = {
    # `d` used for a 撇 in 只 / 少 / 氺, where cnchar's letter means 丿
    "炽": "433425134",  # 火 + 只 (丨𠃍一丿丶)
    "鈔": "341124312343",  # 釒 + 少 (丨丿丶丿)
    "膝": "351112343424134",  # 月 + 木 人 氺 (丨㇀丿丶 as in 泰)
    "黏": "31234342413421251",  # 黍 (禾 人 氺) + 占
    # 重 is 丿一丨𠃍一一丨一一 (312511211) as in cnchar's own 重 董 懂
    "锺": "31115312511211",
    "鍾": "34112431312511211",
    "種": "31234312511211",
    "腫": "3511312511211",
    "動": "31251121153",
    "慟": "44231251121153",
    # 十 over 罒 is 一丨 (cnchar had 一丿)
    "德": "332122522114544",
    "聽": "1221111121122522114544",
    "廳": "4131221111121122522114544",
    "聼": "5122111122522114544",
    # 厥 is 134315233534 in cnchar's own 厥 蕨; 撅 had 一 for the 丨
    "撅": "121134315233534",
    # 析 + 白: cnchar lost a stroke (12 for 13)
    "皙": "1234331232511",
    # 衤 + 親 (立 木 見): cnchar lost a stroke (20 for 21)
    "襯": "452344143112342511135",
    # 扌 + 尢 + 力: cnchar lost a stroke (7 for 8)
    "拋": "12113553",
    # traditional 冊: 丨𠃌丨丨一 (horizontal last)
    "冊": "25221",
    "刪": "2522122",
    "柵": "123425221",
    "姍": "53125221",
}

# cnchar-trad writes 門 as 横折 first (`cjjffrjj`); 門 is 丨𠃍一一丨𠃌一一 (25112511).
TRAD_PATTERN_FIXES = [("cjjffrjj", "fcjjfrjj")]

# Characters missing from cnchar that names need: GB2312's component characters, and
# traditional forms of surnames (澹臺 閭丘 諶 歷).
HAND = {
    "丨": "2", "丿": "3", "丶": "4", "亠": "41", "冖": "45", "冫": "41", "刂": "22",
    "匚": "15", "卩": "52", "阝": "52", "廴": "54", "讠": "45", "扌": "121", "艹": "122",
    "彳": "332", "彡": "333", "犭": "353", "夂": "354", "饣": "355", "丬": "412",
    "氵": "441", "忄": "442", "宀": "445", "辶": "454", "彐": "511", "屮": "522",
    "纟": "551", "灬": "4444", "礻": "4524", "疒": "41341", "衤": "45234",
    "訁": "4111251", "釒": "34112431", "糹": "554444", "飠": "34451154",
    "臺": "12125145154121",  # 士 口 冖 至
    "閭": "25112511251251",  # 門 吕
    "諶": "4111251122111345",  # 訁 甚
    "歷": "1331234312342121",  # 厂 禾 禾 止
}


def load_cnchar_dicts(path):
    """The JSON.parse('{...}') objects embedded in a cnchar bundle."""
    src = open(path, encoding="utf-8").read()
    return [json.loads(m) for m in re.findall(r"JSON\.parse\('(\{.*?\})'\)", src)]


def load_total_strokes(unihan_dir):
    """kTotalStrokes: each character's values, the G source's (China's) first."""
    counts = {}
    for name in ("Unihan_IRGSources.txt.bz2", "Unihan_DictionaryLikeData.txt.bz2"):
        path = os.path.join(unihan_dir, name)
        if not os.path.exists(path):
            continue
        for line in bz2.open(path, "rt", encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTotalStrokes":
                counts[chr(int(parts[0][2:], 16))] = [int(x) for x in parts[2].split()]
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cnchar", required=True, help="node_modules dir with cnchar-order and cnchar-trad")
    ap.add_argument("--unihan", default="/usr/share/unicode", help="dir with Unihan_*.txt.bz2")
    ap.add_argument("--out", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seating-core", "data", "strokes.txt")))
    ap.add_argument("--counts-out", help="where the stroke counts go (default: stroke-counts.txt beside --out)")
    ap.add_argument("--check", help="another 字<TAB>digits table to compare with (report only)")
    ap.add_argument("--no-pack", action="store_true", help="write strokes.txt only, not strokes.bin")
    args = ap.parse_args()

    order_js = os.path.join(args.cnchar, "cnchar-order", "cnchar.order.min.js")
    trad_js = os.path.join(args.cnchar, "cnchar-trad", "cnchar.trad.min.js")
    simp = load_cnchar_dicts(order_js)[0]
    stroke_names = load_cnchar_dicts(order_js)[1]
    trad = next(d for d in load_cnchar_dicts(trad_js) if "皚" in d and isinstance(d["皚"], str) and set(d["皚"]) <= set(CLASS))
    assert set(stroke_names) == set(CLASS), sorted(set(stroke_names) ^ set(CLASS))

    table = {}
    origin = {}
    for c, letters in trad.items():
        for bad, good in TRAD_PATTERN_FIXES:
            letters = letters.replace(bad, good)
        table[c] = "".join(CLASS[x] for x in letters)
        origin[c] = "cnchar-trad"
    for c, letters in simp.items():  # simplified wins where both have the character
        table[c] = "".join(CLASS[x] for x in letters)
        origin[c] = "cnchar-order"
    for c, seq in FIXES.items():
        assert c in table, c
        table[c], origin[c] = seq, "fix"
    for c, seq in HAND.items():
        assert c not in table, c
        table[c], origin[c] = seq, "hand"

    counts = load_total_strokes(args.unihan)
    if not counts:
        sys.exit(f"no Unihan kTotalStrokes under {args.unihan} (apt-get install unicode-data)")
    dropped = []
    for c in sorted(table):
        if c in counts and len(table[c]) not in counts[c]:
            dropped.append(f"{c}({len(table[c])}≠{'/'.join(map(str, sorted(counts[c])))})")
            del table[c]
    for c in "王文林歐欧洪刘劉田富大":
        assert c in table, c
    expect = {"王": "1121", "文": "4134", "林": 8, "歐": 15, "欧": 8, "洪": 9,
              "刘": 6, "劉": 15, "田": 5, "富": 12, "大": 3}
    for c, e in expect.items():
        assert (table[c] if isinstance(e, str) else len(table[c])) == e, (c, table[c], e)

    gb2312 = set()
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                gb2312.add(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for c in sorted(table):
            assert re.fullmatch(r"[1-5]+", table[c]) and c not in "\n\t", c
            f.write(f"{c}{table[c]}\n")

    # Stroke counts alone (Unihan kTotalStrokes, the G source's value) for the other CJK
    # Unified Ideographs: no stroke order, but rule 1 (the count decides) still holds.
    counts_out = args.counts_out or os.path.join(os.path.dirname(args.out), "stroke-counts.txt")
    only_counts = {c: v[0] for c, v in counts.items() if 0x4E00 <= ord(c) <= 0x9FFF and c not in table}
    with open(counts_out, "w", encoding="utf-8", newline="\n") as f:
        for c in sorted(only_counts):
            assert 1 <= only_counts[c] <= 63, c
            f.write(f"{c}{only_counts[c]}\n")
    print(f"wrote {counts_out}: {len(only_counts)} characters with a count only", file=sys.stderr)

    print(f"wrote {args.out}: {len(table)} characters, {os.path.getsize(args.out)} bytes", file=sys.stderr)
    print(f"  GB2312: {len(gb2312 & set(table))}/{len(gb2312)}; missing: {''.join(sorted(gb2312 - set(table)))}", file=sys.stderr)
    print(f"  dropped (length disagrees with Unihan kTotalStrokes): {' '.join(dropped)}", file=sys.stderr)
    if args.check:
        other = {}
        for line in open(args.check, encoding="utf-8"):
            if "\t" in line:
                k, v = line.rstrip("\n").split("\t")[:2]
                other[k] = v.strip()
        both = [c for c in table if c in other]
        diff = [c for c in both if table[c] != other[c]]
        print(f"  check: {len(both)} in both, {len(diff)} differ:", file=sys.stderr)
        for c in diff:
            print(f"    {c} {origin[c]:12} {table[c]} vs {other[c]}", file=sys.stderr)
    if not args.no_pack:
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
        if os.path.abspath(args.out) != os.path.join(root, "seating-core", "data", "strokes.txt"):
            sys.exit("--out is not seating-core/data/strokes.txt: not packing (use --no-pack)")
        env = dict(os.environ, SEATING_WRITE_TABLES="1")
        cmd = ["cargo", "test", "-p", "seating-core", "--lib", "strokes::tests::packed_table"]
        print(f"packing: SEATING_WRITE_TABLES=1 {' '.join(cmd)}", file=sys.stderr)
        subprocess.run(cmd, cwd=root, env=env, check=True)


if __name__ == "__main__":
    main()
