//! Drafts: what changed between two plans ([`diff`]), and re-planning a changed scenario
//! while moving as few already-approved people as possible ([`keep`]).
//!
//! ## Keep mode, precisely
//! Given the approved draft (its scenario and plan) and the changed scenario:
//! 1. **The podium is re-planned by the rules** (PROTOCOL §1–2, §7): protocol on the podium
//!    always wins over stability, so a leave on the podium closes the gap by the rules.
//! 2. **In the hall, a person keeps their approved seat** when all of these hold: they are
//!    still in the scenario, not excluded, still in the hall section and in the same unit;
//!    the seat still exists and is not blocked; no instruction of the new scenario pins or
//!    reserves that seat, or pins or swaps that person (a new instruction takes over), and
//!    no pin or swap of the approved draft that named them is gone (taken back, it is a
//!    change: they are placed by the rules). A swap both drafts have keeps its two people in
//!    their approved seats (pinned crosswise, so that the swap, applied last, ends there).
//! 3. **Vacated seats go to newcomers of the same unit first** (like-for-like substitution):
//!    a seat a unit's member held in the approved plan and left is given to that unit's
//!    newcomers, in seat order and in the unit's member order.
//! 4. **Everyone else** (remaining newcomers, people whose seat became invalid) fills the
//!    remaining free seats by the normal rules, in seat order. Holes left by people who
//!    went are not closed up: a kept seat is never moved to close a gap.
//! 5. Instructions of the new scenario apply as usual; swaps come last.
//!
//! Kept and substituted seats say so in their `reason`. Rank inversions that keeping causes
//! (a kept junior ahead of a senior newcomer of the same unit) are accepted and summarised
//! in one `keep-inversions` info diagnostic instead of one warning each.

use std::collections::{HashMap, HashSet};

use crate::hall;
use crate::lang::{msg, Lang};
use crate::plan::{plan, Diagnostic, Level, Plan};
use crate::scenario::{Instruction, Op, Scenario, Section};
use crate::seat::{Area, SeatId};

/// What happened to one person between two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Seated in both drafts, in different seats.
    Moved,
    /// Not in the earlier draft at all.
    Added,
    /// In the earlier draft without a seat, now seated.
    Seated,
    /// Seated in the earlier draft, now without a seat.
    Unseated,
    /// In the earlier draft, not in the later one (removed or excluded).
    Removed,
}

impl ChangeKind {
    /// The Chinese heading used in text reports.
    pub fn heading(self) -> &'static str {
        match self {
            ChangeKind::Moved => "調整座位",
            ChangeKind::Added => "新增人員",
            ChangeKind::Seated => "補排座位",
            ChangeKind::Unseated => "未能安排座位",
            ChangeKind::Removed => "減少人員（請假或刪除）",
        }
    }
}

/// A seat in a draft: id and printed label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Seat id (`H3-11`).
    pub seat: String,
    /// Printed label (第3排11號).
    pub label: String,
}

/// One person's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Person id.
    pub person: String,
    /// Name (from the later scenario, or the earlier one for removed people).
    pub name: String,
    /// Post, empty when none.
    pub post: String,
    /// Seat in the earlier draft.
    pub from: Option<Place>,
    /// Seat in the later draft.
    pub to: Option<Place>,
}

/// A person in the same seat whose printed details changed: name cards to reprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Person id.
    pub person: String,
    /// Name in the later draft.
    pub name: String,
    /// What changed: the field's word (姓名, 職務, 單位), the earlier and the later value.
    pub fields: Vec<(&'static str, String, String)>,
}

/// The changed places of one part other than the venue and the banquet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartChanges {
    /// The part, in the program's words (繁體): `乘車`, `分組討論`, `合影站位`, `外事活動`.
    pub part: &'static str,
    /// The line-up's or occasion's name as the file gives it (empty for cars and rooms).
    pub name: String,
    /// Who changed place, came or went, in the later draft's precedence.
    pub changes: Vec<Change>,
}

/// The changes between two drafts, later-draft precedence order, removed people last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Every person whose seat changed, who came or who went.
    pub changes: Vec<Change>,
    /// People seated in the same seat in both drafts.
    pub unchanged: usize,
    /// People in the same seat whose printed seat label changed (a new numbering, a wider
    /// hall): their tickets need reprinting. `from` and `to` are the same seat.
    pub relabelled: Vec<Change>,
    /// People present in both drafts whose name, post or unit changed.
    pub edits: Vec<Edit>,
    /// Banquet seats (桌次, 席次) that changed, as [`Diff::changes`] for the venue.
    pub banquet: Vec<Change>,
    /// The other parts' places that changed, part by part: cars (乘車), discussion rooms
    /// (分組討論), each line-up and each host–guest occasion (matched by their place in
    /// the file), as [`Diff::changes`] for the venue. Only parts with changes are listed.
    pub parts: Vec<PartChanges>,
    /// People present in both drafts: none means the two are hardly drafts of one meeting.
    pub shared: usize,
    /// The earlier draft's content hash ([`crate::layout::content_hash`]), which a chart
    /// marked with these changes prints, so that it says which draft it was compared with.
    pub against: String,
}

impl Diff {
    /// Changes of one kind.
    pub fn of(&self, kind: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.relabelled.is_empty()
            && self.edits.is_empty()
            && self.banquet.is_empty()
            && self.parts.is_empty()
    }

    /// A plain-text report in Chinese (繁體), one line per person, for the file or the terminal.
    pub fn to_text(&self) -> String {
        self.to_text_in(crate::Script::Traditional)
    }

    /// [`Diff::to_text`] with its own words in `script` (names, posts and labels as they are).
    pub fn to_text_in(&self, script: crate::Script) -> String {
        let count = |k| self.of(k).count();
        let mut out = script.word("座次調整對照（前稿 → 新稿）\n");
        out.push_str(&script.words(&format!(
            "調整 {} 人，新增 {} 人，補排 {} 人，減少 {} 人，未能安排 {} 人；座位未變 {} 人。\n",
            count(ChangeKind::Moved),
            count(ChangeKind::Added),
            count(ChangeKind::Seated),
            count(ChangeKind::Removed),
            count(ChangeKind::Unseated),
            self.unchanged
        )));
        if self.shared == 0 && !self.changes.is_empty() {
            out.push_str(&script.words("注意：兩稿沒有共同的人員，可能不是同一會議的兩稿。\n"));
        }
        let line = |out: &mut String, c: &Change| {
            let who = if c.post.is_empty() { c.name.clone() } else { format!("{}（{}）", c.name, c.post) };
            let place = |p: &Option<Place>| match p {
                Some(p) => format!("{} [{}]", p.label, p.seat),
                None => script.word("無座位"),
            };
            out.push_str(&format!("  {who}：{} → {}\n", place(&c.from), place(&c.to)));
        };
        for kind in [
            ChangeKind::Moved,
            ChangeKind::Added,
            ChangeKind::Seated,
            ChangeKind::Unseated,
            ChangeKind::Removed,
        ] {
            let mut any = false;
            for c in self.of(kind) {
                if !any {
                    out.push_str(&format!("\n{}：\n", script.words(kind.heading())));
                    any = true;
                }
                line(&mut out, c);
            }
        }
        if !self.relabelled.is_empty() {
            out.push_str(
                &script
                    .words(&format!("\n座位未變、座號改變（入場券需重印）{} 人：\n", self.relabelled.len())),
            );
            for c in &self.relabelled {
                line(&mut out, c);
            }
        }
        if !self.edits.is_empty() {
            out.push_str(
                &script.words(&format!("\n人員資料改變（席卡、名單需重印）{} 人：\n", self.edits.len())),
            );
            for e in &self.edits {
                let what: Vec<String> =
                    e.fields.iter().map(|(f, a, b)| format!("{}「{a}」→「{b}」", script.words(f))).collect();
                out.push_str(&format!("  {}：{}\n", e.name, what.join("；")));
            }
        }
        if !self.banquet.is_empty() {
            out.push_str(&script.words(&format!("\n宴會座次改變 {} 人：\n", self.banquet.len())));
            for c in &self.banquet {
                line(&mut out, c);
            }
        }
        for part in &self.parts {
            let name = if part.name.is_empty() { String::new() } else { format!("（{}）", part.name) };
            out.push_str(&format!("\n{}{name}{}", script.words(part.part), script.words("改變 ")));
            out.push_str(&format!("{}{}", part.changes.len(), script.words(" 人：\n")));
            for c in &part.changes {
                line(&mut out, c);
            }
        }
        if self.is_empty() {
            out.push_str(&script.words("\n兩稿座次相同。\n"));
        }
        out
    }
}

/// Compares draft A (`old`) with draft B (`new`): who moved from where to where, who was
/// added, removed, seated or left without a seat. Reserved seats are not people and are not
/// compared. Complexity: O(people + seats).
pub fn diff(old_scenario: &Scenario, old: &Plan, new_scenario: &Scenario, new: &Plan) -> Diff {
    let seats_of = |p: &Plan| -> HashMap<String, Place> {
        p.seats
            .iter()
            .filter_map(|a| {
                a.person
                    .as_ref()
                    .map(|id| (id.clone(), Place { seat: a.seat.clone(), label: a.label.clone() }))
            })
            .collect()
    };
    let (old_seats, new_seats) = (seats_of(old), seats_of(new));
    let old_present: HashSet<&str> = old.precedence.iter().map(String::as_str).collect();
    let new_present: HashSet<&str> = new.precedence.iter().map(String::as_str).collect();
    let who = |s: &Scenario, id: &str| -> (String, String) {
        s.people
            .iter()
            .find(|p| p.id == id)
            .map(|p| (p.name.clone(), p.post.clone().unwrap_or_default()))
            .unwrap_or_else(|| (id.to_string(), String::new()))
    };
    let new_names: HashMap<&str, (String, String)> = new_scenario
        .people
        .iter()
        .map(|p| (p.id.as_str(), (p.name.clone(), p.post.clone().unwrap_or_default())))
        .collect();
    let mut d = Diff::default();
    for id in &new.precedence {
        let (from, to) = (old_seats.get(id), new_seats.get(id));
        let was_there = old_present.contains(id.as_str());
        d.shared += usize::from(was_there);
        let kind = match (was_there, from, to) {
            (_, Some(f), Some(t)) if f.seat == t.seat => {
                d.unchanged += 1;
                // Same seat, another printed label: the seat's number moved under its occupant.
                if f.label != t.label {
                    let (name, post) = new_names.get(id.as_str()).cloned().unwrap_or_default();
                    let (from, to) = (Some(f.clone()), Some(t.clone()));
                    let kind = ChangeKind::Moved;
                    d.relabelled.push(Change { kind, person: id.clone(), name, post, from, to });
                }
                continue;
            }
            (_, Some(_), Some(_)) => ChangeKind::Moved,
            (false, _, _) => ChangeKind::Added,
            (true, None, Some(_)) => ChangeKind::Seated,
            (true, Some(_), None) => ChangeKind::Unseated,
            (true, None, None) => continue,
        };
        let (name, post) = new_names.get(id.as_str()).cloned().unwrap_or_else(|| who(new_scenario, id));
        d.changes.push(Change { kind, person: id.clone(), name, post, from: from.cloned(), to: to.cloned() });
    }
    d.against = crate::layout::content_hash(old_scenario, old);
    d.edits = edits(old_scenario, new_scenario, &new.precedence, &old_present);
    let old_who = |id: &str| who(old_scenario, id);
    let ids = both_orders(old, new);
    d.banquet = place_changes(&ids, &banquet_places(old), &banquet_places(new), &new_names, old_who);
    let driver = new_scenario.meeting.script.word("駕駛");
    let part = |part: &'static str, name: String, (a, b): (Places, Places)| PartChanges {
        part,
        name,
        changes: place_changes(&ids, &a, &b, &new_names, old_who),
    };
    let mut parts = vec![
        part("乘車", String::new(), (car_places(old, &driver), car_places(new, &driver))),
        part("分組討論", String::new(), (room_places(old), room_places(new))),
    ];
    for k in 0..old.lineups.len().max(new.lineups.len()) {
        let name = new.lineups.get(k).or(old.lineups.get(k)).map(|l| l.name.clone()).unwrap_or_default();
        parts.push(part("合影站位", name, (lineup_places(old, k), lineup_places(new, k))));
    }
    for k in 0..old.bilateral.len().max(new.bilateral.len()) {
        let name = new.bilateral.get(k).or(old.bilateral.get(k)).map(|o| o.name.clone()).unwrap_or_default();
        parts.push(part("外事活動", name, (occasion_places(old, k), occasion_places(new, k))));
    }
    parts.retain(|p| !p.changes.is_empty());
    d.parts = parts;
    for id in &old.precedence {
        if !new_present.contains(id.as_str()) {
            let (name, post) = who(old_scenario, id);
            d.changes.push(Change {
                kind: ChangeKind::Removed,
                person: id.clone(),
                name,
                post,
                from: old_seats.get(id).cloned(),
                to: None,
            });
        }
    }
    d
}

/// Name, post and unit of the people present in both drafts, compared (units by their names).
fn edits(old: &Scenario, new: &Scenario, order: &[String], old_present: &HashSet<&str>) -> Vec<Edit> {
    let unit = |s: &Scenario, id: Option<&str>| -> String {
        id.map(|u| s.units.iter().find(|x| x.id == u).map_or(u, |x| x.name.as_str()).to_string())
            .unwrap_or_default()
    };
    let old_people: HashMap<&str, &crate::scenario::Person> =
        old.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let new_people: HashMap<&str, &crate::scenario::Person> =
        new.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out = Vec::new();
    for id in order.iter().filter(|id| old_present.contains(id.as_str())) {
        let (Some(a), Some(b)) = (old_people.get(id.as_str()), new_people.get(id.as_str())) else { continue };
        let mut fields = Vec::new();
        for (word, x, y) in [
            ("姓名", a.name.clone(), b.name.clone()),
            ("職務", a.post.clone().unwrap_or_default(), b.post.clone().unwrap_or_default()),
            ("單位", unit(old, a.unit.as_deref()), unit(new, b.unit.as_deref())),
        ] {
            if x != y {
                fields.push((word, x, y));
            }
        }
        if !fields.is_empty() {
            out.push(Edit { person: id.clone(), name: b.name.clone(), fields });
        }
    }
    out
}

/// Everyone of either draft, the later draft's precedence first, each once.
fn both_orders<'a>(old: &'a Plan, new: &'a Plan) -> Vec<&'a String> {
    let mut ids: Vec<&String> = new.precedence.iter().chain(&old.precedence).collect();
    let mut seen = HashSet::new();
    ids.retain(|id| seen.insert(id.as_str()));
    ids
}

/// Person id → place in one part of a plan.
type Places = HashMap<String, Place>;

fn banquet_places(p: &Plan) -> Places {
    p.banquet
        .iter()
        .flat_map(|b| &b.seats)
        .map(|s| (s.person.clone(), Place { seat: s.seat.clone(), label: s.label.clone() }))
        .collect()
}

/// Passenger seats, and the host drivers (`V{car}-driver`, `{car name} 駕駛`).
fn car_places(p: &Plan, driver: &str) -> Places {
    let mut out = Places::new();
    for car in p.vehicles.iter().flat_map(|v| &v.cars) {
        for s in &car.seats {
            out.insert(s.person.clone(), Place { seat: s.seat.clone(), label: s.label.clone() });
        }
        if let Some(d) = &car.driver {
            let place =
                Place { seat: format!("V{}-driver", car.index + 1), label: format!("{} {driver}", car.name) };
            out.insert(d.clone(), place);
        }
    }
    out
}

/// Discussion rooms (`G{room}`, labelled with the room's name and meeting place).
fn room_places(p: &Plan) -> Places {
    let mut out = Places::new();
    for (j, room) in p.groups.iter().flat_map(|g| &g.rooms).enumerate() {
        let label = match &room.place {
            Some(place) => format!("{}（{place}）", room.name),
            None => room.name.clone(),
        };
        for m in &room.members {
            out.insert(m.person.clone(), Place { seat: format!("G{}", j + 1), label: label.clone() });
        }
    }
    out
}

/// Places in rows (line-ups, host–guest occasions): `(person, row, position, label)`,
/// with ids `{prefix}{k+1}-{row}-{position}`.
fn row_places<'a>(
    prefix: char,
    k: usize,
    places: impl Iterator<Item = (&'a String, u32, u32, &'a String)>,
) -> Places {
    places
        .map(|(person, row, position, label)| {
            let seat = format!("{prefix}{}-{row}-{position}", k + 1);
            (person.clone(), Place { seat, label: label.clone() })
        })
        .collect()
}

/// Line-up `k`'s places (`L{k+1}-{row}-{position}`).
fn lineup_places(p: &Plan, k: usize) -> Places {
    let places = p.lineups.get(k).into_iter().flat_map(|l| &l.places);
    row_places('L', k, places.map(|x| (&x.person, x.row, x.position, &x.label)))
}

/// Host–guest occasion `k`'s places (`B{k+1}-{row}-{position}`).
fn occasion_places(p: &Plan, k: usize) -> Places {
    let places = p.bilateral.get(k).into_iter().flat_map(|o| &o.places);
    row_places('B', k, places.map(|x| (&x.person, x.row, x.position, &x.label)))
}

/// The people of `ids` whose place in one part changed (seat or printed label), who came
/// to it or left it: the same kinds as the venue's changes.
fn place_changes(
    ids: &[&String],
    before: &Places,
    after: &Places,
    new_names: &HashMap<&str, (String, String)>,
    old_who: impl Fn(&str) -> (String, String),
) -> Vec<Change> {
    if before.is_empty() && after.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &id in ids {
        let (from, to) = (before.get(id), after.get(id));
        let kind = match (from, to) {
            (Some(f), Some(t)) if f.seat == t.seat && f.label == t.label => continue,
            (None, None) => continue,
            (Some(_), Some(_)) => ChangeKind::Moved,
            (None, Some(_)) => ChangeKind::Seated,
            (Some(_), None) => ChangeKind::Unseated,
        };
        let (name, post) = new_names.get(id.as_str()).cloned().unwrap_or_else(|| old_who(id));
        out.push(Change { kind, person: id.clone(), name, post, from: from.cloned(), to: to.cloned() });
    }
    out
}

/// Re-plans `new` moving as few people of the approved draft as possible (see the module
/// docs for the exact rule). `approved` must be the plan of `approved_scenario`. Reasons and
/// diagnostics are written in the new scenario's language ([`Lang::of`]).
///
/// Complexity: two planner runs plus O(people + seats).
pub fn keep(approved_scenario: &Scenario, approved: &Plan, new: &Scenario) -> Plan {
    let Some(spec) = &new.hall else { return plan(new) };
    let lang = Lang::of(new);
    // Who is present in the new draft, and who instructions already take care of.
    let fresh = plan(new);
    let present: HashSet<&str> = fresh.precedence.iter().map(String::as_str).collect();
    let mut taken_seats: HashSet<SeatId> = HashSet::new();
    let mut instructed: HashSet<&str> = HashSet::new();
    // Swaps the approved draft already had (the same two people, each in no other swap): its
    // seats show them done, so they are kept crosswise (each pinned to the other's approved
    // seat) and the swap, applied last as always, brings both back to their approved seats.
    fn pair(i: &Instruction) -> Option<(&str, &str)> {
        match i.people.as_deref() {
            Some([a, b]) if i.op == Op::Swap => {
                Some(if a <= b { (a.as_str(), b.as_str()) } else { (b.as_str(), a.as_str()) })
            }
            _ => None,
        }
    }
    let approved_swaps: HashSet<(&str, &str)> =
        approved_scenario.instructions.iter().filter_map(pair).collect();
    let mut swaps_of: HashMap<&str, usize> = HashMap::new();
    for (a, b) in new.instructions.iter().filter_map(pair) {
        *swaps_of.entry(a).or_default() += 1;
        *swaps_of.entry(b).or_default() += 1;
    }
    let mut partner: HashMap<&str, &str> = HashMap::new();
    for (a, b) in new.instructions.iter().filter_map(pair) {
        if a != b && approved_swaps.contains(&(a, b)) && swaps_of[a] == 1 && swaps_of[b] == 1 {
            partner.insert(a, b);
            partner.insert(b, a);
        }
    }
    for ins in &new.instructions {
        match ins.op {
            Op::Pin | Op::Reserve => {
                if let Some(s) = ins.seat.as_deref().and_then(|s| s.parse::<SeatId>().ok()) {
                    taken_seats.insert(s);
                }
                if ins.op == Op::Pin {
                    instructed.extend(ins.person.as_deref());
                }
            }
            Op::Swap => instructed
                .extend(ins.people.iter().flatten().map(String::as_str).filter(|p| !partner.contains_key(p))),
            _ => {}
        }
    }
    // A pin or swap of the approved draft taken back is a change too: its people are placed
    // by the rules again, not kept where the instruction had put them.
    for ins in &approved_scenario.instructions {
        let same = |n: &Instruction| {
            n.op == ins.op && n.person == ins.person && n.people == ins.people && n.seat == ins.seat
        };
        if matches!(ins.op, Op::Pin | Op::Swap) && !new.instructions.iter().any(same) {
            instructed.extend(ins.person.as_deref());
            instructed.extend(ins.people.iter().flatten().map(String::as_str));
        }
    }
    let blocked: HashSet<SeatId> = spec.blocked.iter().filter_map(|b| b.parse().ok()).collect();
    let old_people: HashMap<&str, &crate::scenario::Person> =
        approved_scenario.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let new_people: HashMap<&str, &crate::scenario::Person> =
        new.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let valid_seat = |s: SeatId| {
        s.area == Area::Hall
            && hall::exists(spec, s.row, s.col)
            && !blocked.contains(&s)
            && !taken_seats.contains(&s)
    };

    // 2. Keep approved hall seats that are still valid.
    let mut pins: Vec<(String, SeatId, &'static str)> = Vec::new();
    let mut used: HashSet<SeatId> = HashSet::new();
    let mut kept_people: HashSet<&str> = HashSet::new();
    // People of carried swaps who keep their approved seats, and those seats.
    let mut crosswise: HashMap<&str, SeatId> = HashMap::new();
    // Vacated seats per unit (the unit of the approved occupant), in seat order.
    let mut vacated: HashMap<Option<&str>, Vec<SeatId>> = HashMap::new();
    for a in &approved.seats {
        let (Some(pid), Ok(seat)) = (a.person.as_deref(), a.seat.parse::<SeatId>()) else { continue };
        if seat.area != Area::Hall {
            continue;
        }
        let now = new_people.get(pid);
        let before = old_people.get(pid);
        let stays = now.is_some_and(|p| {
            present.contains(pid)
                && p.section == Section::Hall
                && before.is_some_and(|b| b.section == Section::Hall && b.unit == p.unit)
                && !instructed.contains(pid)
        });
        if stays && valid_seat(seat) && used.insert(seat) {
            if partner.contains_key(pid) {
                crosswise.insert(pid, seat);
            } else {
                pins.push((pid.to_string(), seat, "kept"));
            }
            kept_people.insert(pid);
        } else if !stays && valid_seat(seat) {
            let unit = before.and_then(|b| b.unit.as_deref());
            vacated.entry(unit).or_default().push(seat);
        }
    }
    // An approved swap whose two people both keep their seats: crosswise pins. When only one
    // of them does, the swap is re-done by the rules like a new one: that one's seat is freed.
    let mut crosswise_people: Vec<&str> = crosswise.keys().copied().collect();
    crate::sort::sort(&mut crosswise_people);
    for p in crosswise_people {
        let seat = crosswise[p];
        match crosswise.get(partner[p]) {
            Some(&other) => pins.push((p.to_string(), other, "kept")),
            None => {
                used.remove(&seat);
                kept_people.remove(p);
                instructed.insert(p);
            }
        }
    }
    // 3. Newcomers of a unit take that unit's vacated seats.
    let approved_seated: HashSet<&str> = approved.seats.iter().filter_map(|a| a.person.as_deref()).collect();
    for seats in vacated.values_mut() {
        crate::sort::sort(seats);
    }
    let mut newcomers: Vec<&crate::scenario::Person> = fresh
        .precedence
        .iter()
        .filter_map(|id| new_people.get(id.as_str()).copied())
        .filter(|p| {
            p.section == Section::Hall
                && !kept_people.contains(p.id.as_str())
                && !approved_seated.contains(p.id.as_str())
                && !instructed.contains(p.id.as_str())
        })
        .collect();
    crate::sort::sort_by_key(&mut newcomers, |p| p.role); // stable: members before attendees, each in precedence
    let mut next: HashMap<Option<&str>, usize> = HashMap::new();
    for p in newcomers {
        let unit = p.unit.as_deref();
        let Some(seats) = vacated.get(&unit) else { continue };
        let k = next.entry(unit).or_default();
        while *k < seats.len() && used.contains(&seats[*k]) {
            *k += 1;
        }
        if let Some(&seat) = seats.get(*k) {
            used.insert(seat);
            pins.push((p.id.clone(), seat, "substitute"));
            *k += 1;
        }
    }

    // Plan with the kept seats as synthetic pins after the user's own instructions.
    let base = new.instructions.len();
    let mut s = new.clone();
    let keep_by = lang.text("keep mode", "保留模式");
    for (pid, seat, what) in &pins {
        s.instructions.push(Instruction {
            op: Op::Pin,
            person: Some(pid.clone()),
            seat: Some(seat.to_string()),
            people: None,
            after: None,
            by: Some(keep_by.to_string()),
            note: Some((*what).into()),
            at: None,
        });
    }
    let mut out = plan(&s);
    // "kept the approved seat {label} (keep mode: …)", built by appending: one per kept seat.
    let kept_seat = lang.text("kept the approved seat ", "保留已審定方案的座位");
    let kept_why = lang.text(
        " (keep mode: approved hall seats stay while valid)",
        "（保留模式：已審定的臺下座位在仍然有效時不變）",
    );
    let substitute = lang.text(
        "substitute: a seat vacated by a member of the same unit in the approved plan (keep mode)",
        "遞補：已審定方案中同單位人員空出的座位（保留模式）",
    );
    for a in &mut out.seats {
        if let Some(k) = a.instruction.filter(|&k| k >= base) {
            a.reason = match pins[k - base].2 {
                "kept" => {
                    let mut r = String::with_capacity(kept_seat.len() + a.label.len() + kept_why.len());
                    r.push_str(&kept_seat);
                    r.push_str(&a.label);
                    r.push_str(&kept_why);
                    r
                }
                _ => substitute.to_string(),
            };
            a.instruction = None;
        }
    }
    let mut inversions = 0;
    out.diagnostics.retain(|d| match d.instruction {
        Some(k) if k >= base => {
            inversions += usize::from(d.code == "rank-inversion");
            false
        }
        _ => true,
    });
    let kept = pins.iter().filter(|p| p.2 == "kept").count();
    out.diagnostics.push(Diagnostic {
        level: Level::Info,
        code: "keep".into(),
        message: msg!(
            lang,
            "keep mode: {} approved hall seats kept, {} vacated seats given to newcomers of the same unit; the podium is re-planned by the rules",
            "保留模式：保留已審定的臺下座位{}個，{}個空出的座位由同單位新增人員遞補；主席臺按規則重新安排",
            kept,
            pins.len() - kept
        ),
        ..Diagnostic::default()
    });
    if inversions > 0 {
        out.diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "keep-inversions".into(),
            message: msg!(
                lang,
                "keep mode: {} rank inversions are accepted so that approved people need not move (re-plan without keep to remove them)",
                "保留模式：為使已審定人員不必調整座位，接受{}處位次倒掛（不用保留模式重新安排即可消除）",
                inversions
            ),
            ..Diagnostic::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hall of one unit, p1–p4 approved, then p2 leaves and p5 (same unit) arrives, in
    /// `language`.
    fn drafts(language: &str) -> (Scenario, Scenario) {
        let person = |i: usize| serde_json::json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "unit": "u1"});
        let scenario = |ids: &[usize]| {
            let v = serde_json::json!({
                "format": "seating/1",
                "meeting": {"language": language},
                "units": [{"id": "u1", "name": "區委辦"}],
                "people": ids.iter().map(|&i| person(i)).collect::<Vec<_>>(),
                "hall": {"rows": 2, "seats": 4},
            });
            Scenario::from_json(&v.to_string()).unwrap()
        };
        (scenario(&[1, 2, 3, 4]), scenario(&[1, 3, 4, 5]))
    }

    fn kept(language: &str) -> Plan {
        let (old, new) = drafts(language);
        keep(&old, &plan(&old), &new)
    }

    fn reason<'a>(p: &'a Plan, id: &str) -> &'a str {
        &p.seats.iter().find(|a| a.person.as_deref() == Some(id)).unwrap().reason
    }

    fn message<'a>(p: &'a Plan, code: &str) -> &'a str {
        &p.diagnostics.iter().find(|d| d.code == code).unwrap().message
    }

    #[test]
    fn keep_mode_in_chinese() {
        let p = kept("zh");
        assert_eq!(
            reason(&p, "p3"),
            "保留已審定方案的座位第1排3號（保留模式：已審定的臺下座位在仍然有效時不變）"
        );
        assert_eq!(reason(&p, "p5"), "遞補：已審定方案中同單位人員空出的座位（保留模式）");
        assert_eq!(
            message(&p, "keep"),
            "保留模式：保留已審定的臺下座位3個，1個空出的座位由同單位新增人員遞補；主席臺按規則重新安排"
        );
    }

    #[test]
    fn keep_mode_in_english() {
        let p = kept("en");
        assert_eq!(
            reason(&p, "p3"),
            "kept the approved seat 第1排3號 (keep mode: approved hall seats stay while valid)"
        );
        assert_eq!(
            reason(&p, "p5"),
            "substitute: a seat vacated by a member of the same unit in the approved plan (keep mode)"
        );
        assert_eq!(
            message(&p, "keep"),
            "keep mode: 3 approved hall seats kept, 1 vacated seats given to newcomers of the same unit; the podium is re-planned by the rules"
        );
    }

    #[test]
    fn keep_mode_inversions_in_both_languages() {
        // p0 arrives more senior than everyone and takes p2's seat: p1 kept ahead is an inversion.
        for (language, want) in [
            ("zh", "保留模式：為使已審定人員不必調整座位，接受1處位次倒掛（不用保留模式重新安排即可消除）"),
            (
                "en",
                "keep mode: 1 rank inversions are accepted so that approved people need not move (re-plan without keep to remove them)",
            ),
        ] {
            let (old, mut new) = drafts(language);
            let mut p0 = new.people[0].clone();
            p0.id = "p0".into();
            p0.rank = Some(0);
            new.people.push(p0);
            let p = keep(&old, &plan(&old), &new);
            assert_eq!(message(&p, "keep-inversions"), want);
        }
    }
}
