#!/usr/bin/env python3
"""Writes the bundled example scenarios in examples/ (fictional people, realistic shapes).

Run from the repo root: python3 scripts/gen_examples.py
The output is deterministic (fixed seed) and committed; edit this script, not the files.
"""
import json
import random

random.seed(20261128)
SURNAMES = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘于蔣蔡余杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯"
GIVEN = "建國華明偉強軍平東文輝力剛勇毅俊峰志紅霞芳敏靜麗娟英秀蘭玉萍燕雲海濤波洪濤斌宇浩凱健博晨曦欣怡佳琪晶瑩子涵思遠立新德清永春"


def name():
    g = "".join(random.choice(GIVEN) for _ in range(random.choice([1, 2, 2, 2])))
    return random.choice(SURNAMES) + g


def write(path, scenario):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(scenario, f, ensure_ascii=False, indent=2)
        f.write("\n")


def plenary():
    units = [
        ("u-dw", "區委辦公室"), ("u-rd", "區人大常委會辦公室"), ("u-zf", "區政府辦公室"), ("u-zx", "區政協辦公室"),
        ("u-fg", "區發展和改革局"), ("u-cz", "區財政局"), ("u-jy", "區教育局"), ("u-ws", "區衛生健康局"),
        ("u-jd1", "城關街道"), ("u-jd2", "東城街道"), ("u-jd3", "西城街道"), ("u-zh", "濱江鎮"),
    ]
    podium_posts = [
        (1, "區委書記", "u-dw"), (2, "區委副書記、區長", "u-zf"), (3, "區人大常委會主任", "u-rd"), (4, "區政協主席", "u-zx"),
        (5, "區委副書記", "u-dw"), (6, "區委常委、常務副區長", "u-zf"), (7, "區委常委、組織部部長", "u-dw"),
        (7, "區委常委、宣傳部部長", "u-dw"), (7, "區委常委、政法委書記", "u-dw"), (7, "區委常委、統戰部部長", "u-dw"),
        (7, "區委常委、區委辦主任", "u-dw"), (8, "區人大常委會副主任", "u-rd"), (8, "區人大常委會副主任", "u-rd"),
        (9, "副區長", "u-zf"), (9, "副區長", "u-zf"), (9, "副區長", "u-zf"), (10, "區政協副主席", "u-zx"),
        (10, "區政協副主席", "u-zx"), (11, "區法院院長", None), (11, "區檢察院檢察長", None),
    ]
    people = []
    for i, (rank, post, unit) in enumerate(podium_posts):
        p = {"id": f"L{i + 1:02}", "name": name(), "post": post, "rank": rank, "section": "podium"}
        if unit:
            p["unit"] = unit
        people.append(p)
    n = 0
    for uid, uname in units:
        for k in range(random.randint(8, 14)):
            n += 1
            role = "attendee" if k >= 10 else None
            p = {"id": f"H{n:03}", "name": name(), "post": "科長" if k else "負責人", "unit": uid, "rank": 20 + (k > 0)}
            if role:
                p["role"] = role
            people.append(p)
    write("examples/district-plenary.json", {
        "format": "seating/1",
        "meeting": {"title": "全區經濟工作會議", "date": "2026-12-01", "place": "區委大禮堂"},
        "convention": {"honour": "left", "even": "pair", "hall_method": "rows", "numbering": "odd-even", "odd_side": "right"},
        "ranking": {"tiebreak": ["strokes", "input"], "strokes_mode": "surname"},
        "units": [{"id": u, "name": nme} for u, nme in units],
        "people": people,
        "podium": {"rows": [9, 11]},
        "hall": {"rows": 12, "seats": 24, "aisles": [6, 18]},
        "instructions": [
            {"op": "exclude", "person": "L19", "by": "區委辦主任", "note": "出差請假", "at": "2026-11-28"},
            {"op": "reserve", "seat": "H1-12", "by": "會務組", "note": "攝像機位"},
        ],
    })


def standing_committee():
    posts = ["區委書記", "區委副書記、區長", "區委副書記"] + ["區委常委"] * 8
    people = []
    for i, post in enumerate(posts):
        rank = 1 if i == 0 else 2 if i == 1 else 3 if i == 2 else 4
        people.append({"id": f"c{i + 1}", "name": name(), "post": post, "rank": rank, "section": "podium"})
    people.append({"id": "c12", "name": "歐陽少東", "post": "區委常委、軍分區政委", "rank": 4, "section": "podium"})
    write("examples/standing-committee.json", {
        "format": "seating/1",
        "meeting": {"title": "區委常委會第32次會議", "date": "2026-12-03", "place": "區委第一會議室"},
        "convention": {"honour": "left", "even": "first-on-honour-side"},
        "ranking": {"tiebreak": ["strokes", "input"], "strokes_mode": "surname"},
        "people": people,
        "podium": {"rows": [13]},
        "instructions": [
            {"op": "exclude", "person": "c7", "by": "區委書記", "note": "請假（外出學習）", "at": "2026-12-02"},
            {"op": "move", "person": "c12", "after": "c3", "by": "區委書記", "note": "分管議題匯報，坐前", "at": "2026-12-02"},
        ],
    })


def signing():
    # honour=right (international): the guest signer sits on the host signer's own right.
    people = [
        {"id": "host", "name": "陳志遠", "post": "市長（主方簽字人）", "rank": 1, "section": "podium"},
        {"id": "guest", "name": "Margit Lindqvist", "post": "Mayor of Uppsala (guest signer)", "rank": 2, "section": "podium"},
        {"id": "host-aide", "name": "林曉", "post": "外辦主任（助簽）", "rank": 3, "section": "podium"},
        {"id": "guest-aide", "name": "Jonas Berg", "post": "Counsellor (assistant)", "rank": 4, "section": "podium"},
    ]
    # Back row: host-side staff take odd ranks (audience's right), guests even (audience's left).
    staff = [("市委副書記", "host"), ("Deputy Mayor", "guest"), ("副市長", "host"), ("Director, Trade Office", "guest"),
             ("商務局局長", "host"), ("Cultural Attaché", "guest")]
    for i, (post, side) in enumerate(staff):
        nm = name() if side == "host" else ["Erik Holm", "Sara Nyberg", "Lars Ek"][i // 2]
        people.append({"id": f"w{i + 1}", "name": nm, "post": post, "rank": 10 + i, "section": "podium"})
    write("examples/international-signing.json", {
        "format": "seating/1",
        "meeting": {"title": "友好城市協議簽字儀式", "date": "2026-12-08", "place": "市政府外事接待廳"},
        "convention": {"honour": "right", "even": "pair"},
        "people": people,
        "podium": {"rows": [4, 6]},
    })


plenary()
standing_committee()
signing()
