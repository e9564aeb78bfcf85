#!/usr/bin/env python3
"""Checks (and with --write, regenerates) the Traditional -> Simplified table of
seating-core/src/script.rs: every Han character in a string literal of seating-core's
sources that OpenCC's t2s converts must be in the table, with OpenCC's form.

The program's own words (labels, headings, reason and diagnostic templates) are written in
Traditional characters and turned into Simplified ones by `Script::words` with this table.

    pip install opencc-python-reimplemented
    python3 scripts/script-table.py           # lists what is missing or wrong; exit 1 if any
    python3 scripts/script-table.py --write   # rewrites the two table lines
"""
import pathlib, re, sys

from opencc import OpenCC

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT_RS = ROOT / "seating-core/src/script.rs"
cc = OpenCC("t2s")

# Files whose literals are data matched against what users type, never printed as the
# program's words: compound surnames (strokes.rs), font names. In import.rs the words users
# type (header names, 主席臺/主席台 …) are match patterns, `"a" | "b"`: those lines are
# skipped, its messages are checked.
SKIP = {"script.rs", "strokes.rs"}
PATTERN = re.compile(r'"\s*\|\s*"')
KEEP = set("标宋")

literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
han = re.compile(r"[\u3400-\u9fff]")
found = {}
for path in sorted((ROOT / "seating-core/src").rglob("*.rs")):
    if path.name in SKIP:
        continue
    source = path.read_text(encoding="utf-8").split("#[cfg(test)]")[0]
    # A string literal continued on the next line (`\` at the end) is read as one line.
    source = re.sub(r"\\\n\s*", "", source)
    for line in source.splitlines():
        if line.lstrip().startswith("//") or (path.name == "import.rs" and PATTERN.search(line)):
            continue
        for m in literal.finditer(line):
            for c in han.findall(m.group(1)):
                s = cc.convert(c)
                if s != c and c not in KEEP:
                    found[c] = s

text = SCRIPT_RS.read_text(encoding="utf-8")
t_line = re.search(r'const TRADITIONAL: &str = "([^"]*)";', text)
s_line = re.search(r'const SIMPLIFIED: &str = "([^"]*)";', text)
table = dict(zip(t_line.group(1), s_line.group(1)))
missing = {c: s for c, s in found.items() if table.get(c) != s}
if "--write" in sys.argv:
    table.update(found)
    keys = sorted(table)
    text = text.replace(t_line.group(0), f'const TRADITIONAL: &str = "{"".join(keys)}";')
    text = text.replace(s_line.group(0), f'const SIMPLIFIED: &str = "{"".join(table[c] for c in keys)}";')
    SCRIPT_RS.write_text(text, encoding="utf-8")
    print(f"{len(keys)} characters in the table ({len(missing)} added or changed)")
elif missing:
    print("missing from script.rs:", " ".join(f"{c}->{s}" for c, s in sorted(missing.items())))
    sys.exit(1)
else:
    print(f"ok: {len(found)} characters used, all in the table")
