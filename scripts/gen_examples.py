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



def congress():
    """A congress hall: two floors, two aisles, 60 delegations, attendees behind all members,
    odd-even ticket numbers, camera positions blocked, discussion groups and a motorcade."""
    places = "城關 東城 西城 南湖 北山 濱江 臨河 青峰 石橋 白沙 金川 龍泉 鳳凰 雲台 松林 柳溪 梅嶺 桃源 杏花 楓橋".split()
    kinds = ["區", "縣", "鎮"]
    units = [("d-sz", "市直機關代表團"), ("d-jd", "駐軍代表團"), ("d-qy", "企業界代表團")]
    for i, place in enumerate(places):
        for k, kind in enumerate(kinds):
            if len(units) < 60:
                units.append((f"d-{i:02}{k}", f"{place}{kind}代表團"))
    leaders = [
        (1, "市委書記"), (2, "市人大常委會主任"), (3, "市長"), (4, "市政協主席"), (5, "市委副書記"),
        (6, "市人大常委會副主任"), (6, "市人大常委會副主任"), (6, "市人大常委會副主任"), (7, "市委常委、秘書長"),
        (7, "市委常委、組織部部長"), (7, "市委常委、宣傳部部長"), (8, "副市長"), (8, "副市長"), (8, "副市長"),
        (9, "市中級人民法院院長"), (9, "市人民檢察院檢察長"), (10, "大會秘書長"), (10, "大會副秘書長"),
        (10, "大會副秘書長"), (10, "大會副秘書長"), (10, "大會副秘書長"), (10, "大會副秘書長"),
    ]
    people = [{"id": f"Z{i + 1:02}", "name": name(), "post": post, "rank": rank, "section": "podium"}
              for i, (rank, post) in enumerate(leaders)]
    n = 0
    for uid, uname in units:
        size = random.randint(5, 10)
        for k in range(size):
            n += 1
            p = {"id": f"D{n:03}", "name": name(), "post": "團長" if k == 0 else "代表", "unit": uid,
                 "rank": 30 if k == 0 else 31}
            if k >= size - 1 and n % 3 == 0:
                p["role"] = "attendee"
                p["post"] = "列席人員"
            people.append(p)
    write("examples/hall-congress.json", {
        "format": "seating/1",
        "meeting": {"title": "市第十屆人民代表大會第五次會議", "date": "2027-01-12", "place": "市人民大會堂"},
        "convention": {"honour": "left", "even": "pair", "hall_method": "rows", "numbering": "odd-even", "odd_side": "right"},
        "ranking": {"tiebreak": ["strokes", "input"], "strokes_mode": "fullname"},
        "units": [{"id": u, "name": nme} for u, nme in units],
        "people": people,
        "podium": {"rows": [9, 13]},
        "hall": {
            "rows": 19, "seats": 32, "aisles": [8, 24],
            "floors": [{"name": "一樓", "rows": 14}, {"name": "二樓", "rows": 5}],
            "blocked": ["H7-16", "H7-17"],
            "roles": "members-first",
        },
        "instructions": [
            {"op": "reserve", "seat": "H1-16", "by": "大會秘書處", "note": "同聲傳譯席"},
            {"op": "reserve", "seat": "H1-17", "by": "大會秘書處", "note": "同聲傳譯席"},
        ],
        "groups": {
            "rooms": [{"name": f"第{c}組", "place": f"{300 + k + 1}會議室"} for k, c in enumerate("一二三四五六七八")],
        },
        "vehicles": {
            "section": "podium",
            "cars": [{"seats": 1}, {"seats": 1}, {"seats": 1}, {"seats": 1}, {"kind": "suv"}, {"kind": "bus", "seats": 20}],
        },
    })


def banquet():
    """A signing ceremony and welcome banquet: host and guest sides, a main table of 14 and
    two rows of tables, hosts named table by table, a foreign-affairs group photo."""
    host_units = [("h-sw", "市委"), ("h-zf", "市政府"), ("h-sw2", "市商務局"), ("h-wb", "市外事辦"), ("h-kf", "經濟開發區管委會")]
    guest_units = [("g-hq", "Nordvik Group 總部"), ("g-as", "Nordvik 亞洲公司"), ("g-cn", "Nordvik 中國公司")]
    people = [
        {"id": "H1", "name": "陳志遠", "post": "市長", "rank": 1, "unit": "h-zf", "side": "host", "section": "podium"},
        {"id": "G1", "name": "Anders Nordvik", "post": "Chairman", "rank": 1, "unit": "g-hq", "side": "guest", "section": "podium"},
        {"id": "H2", "name": "林曉", "post": "副市長", "rank": 2, "unit": "h-zf", "side": "host", "section": "podium"},
        {"id": "G2", "name": "Karin Holm", "post": "CEO Asia", "rank": 2, "unit": "g-as", "side": "guest", "section": "podium"},
    ]
    foreign = ["Erik Lund", "Sara Berg", "Lars Ek", "Maja Strand", "Oskar Vik", "Ida Sund", "Nils Dahl", "Elin Fors",
               "Axel Norr", "Tove Lind", "Jonas Björk", "Alva Ström", "Hugo Sjö", "Ebba Ås", "Leo Falk", "Wilma Rask"]
    k = 0
    for uid, uname in guest_units:
        for j in range(random.randint(5, 7)):
            k += 1
            people.append({"id": f"G{k + 2}", "name": foreign[(k - 1) % len(foreign)] + ("" if k <= len(foreign) else " Jr."),
                           "post": "Vice President" if j == 0 else "Manager", "rank": 3 if j == 0 else 5,
                           "unit": uid, "side": "guest"})
    k = 0
    for uid, uname in host_units:
        for j in range(random.randint(8, 14)):
            k += 1
            people.append({"id": f"H{k + 2}", "name": name(), "post": "負責人" if j == 0 else "工作人員",
                           "rank": 3 if j == 0 else 6, "unit": uid, "side": "host"})
    write("examples/banquet.json", {
        "format": "seating/1",
        "meeting": {"title": "Nordvik 項目簽約儀式暨歡迎宴會", "date": "2027-03-18", "place": "迎賓館宴會廳"},
        "convention": {"honour": "right", "even": "pair"},
        "units": [{"id": u, "name": nme} for u, nme in host_units + guest_units],
        "people": people,
        "podium": {"rows": [4]},
        "banquet": {
            "tables": 11, "seats": 10, "main_seats": 14, "rows": [1, 5, 5],
            "order": "right-superior", "layout": "two-host",
            "hosts": ["H1", "H2", "H3", "H4"],
        },
        "lineups": [
            {"name": "簽約合影", "style": "foreign", "people": ["H1", "H2", "H3", "H4", "G1", "G2", "G3", "G4"]},
        ],
    })


def awards():
    """A commendation meeting: podium, hall by school, a three-row group photo, the award
    line-ups of presenters and of recipients."""
    schools = [("s-1", "市第一中學"), ("s-2", "市實驗小學"), ("s-3", "城關中學"), ("s-4", "濱江小學"),
               ("s-5", "市職業技術學院"), ("s-6", "青峰中學"), ("s-7", "南湖幼兒園"), ("s-8", "市特殊教育學校")]
    posts = [(1, "市委副書記"), (2, "副市長"), (3, "市人大常委會副主任"), (4, "市政協副主席"), (5, "市教育局局長"),
             (6, "市人社局局長"), (7, "市教育局副局長"), (7, "市教育局副局長"), (8, "市教育工會主席")]
    people = [{"id": f"L{i + 1}", "name": name(), "post": post, "rank": rank, "section": "podium"}
              for i, (rank, post) in enumerate(posts)]
    n = 0
    awardees = []
    for uid, uname in schools:
        for j in range(random.randint(9, 16)):
            n += 1
            p = {"id": f"T{n:03}", "name": name(), "post": "教師", "unit": uid, "rank": 20}
            if j < 2:
                p["post"] = "優秀教師（受表彰）"
                p["rank"] = 15
                awardees.append(p["id"])
            people.append(p)
    write("examples/photo-lineup.json", {
        "format": "seating/1",
        "meeting": {"title": "全市教師節表彰大會", "date": "2027-09-10", "place": "市會議中心"},
        "convention": {"honour": "left", "even": "pair", "hall_method": "rows", "numbering": "sequential"},
        "ranking": {"tiebreak": ["strokes", "input"], "strokes_mode": "surname"},
        "units": [{"id": u, "name": nme} for u, nme in schools],
        "people": people,
        "podium": {"rows": [9]},
        "hall": {"rows": 10, "seats": 14, "aisles": [7]},
        "lineups": [
            {"name": "領導與受表彰教師合影", "kind": "photo", "per_row": 9,
             "people": [p["id"] for p in people if p.get("section") == "podium"] + awardees},
            {"name": "頒獎嘉賓站位", "kind": "award", "people": ["L1", "L2", "L3", "L4", "L5"]},
            {"name": "第一批受表彰教師站位", "kind": "award", "people": awardees[:7]},
        ],
    })


plenary()
standing_committee()
signing()
congress()
banquet()
awards()
