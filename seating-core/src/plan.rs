//! The planner: precedence, special instructions (PROTOCOL §7) and seat filling, producing
//! the `seating-plan/1` document with a reason for every seat.

use crate::keyword::keywords;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::banquet::{self, BanquetPlan};
use crate::bilateral::{self, BilateralPlan};
use crate::groups::{self, GroupsPlan};
use crate::hall::{self, Group};
use crate::lang::{msg, Lang};
use crate::lineup::{self, LineupPlan};
use crate::podium::{self, PodiumSeat};
use crate::rank;
use crate::scenario::{Instruction, Op, Person, Role, RoleSeating, Scenario, Section};
use crate::seat::{Area, SeatId};
use crate::vehicle::{self, VehiclePlan};

/// The `format` tag of a plan document.
pub const PLAN_FORMAT: &str = "seating-plan/1";

/// The resolved plan: precedence, seats with reasons, unseated people and diagnostics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// Always `"seating-plan/1"`.
    pub format: String,
    /// Every non-excluded person id, most senior first, after ranking and `move`.
    pub precedence: Vec<String>,
    /// Every occupied or reserved seat, podium first, then by row and column.
    pub seats: Vec<SeatAssignment>,
    /// People who got no seat, in precedence order.
    pub unseated: Vec<String>,
    /// Everything worth telling the user: unhonoured instructions, rank inversions, …
    pub diagnostics: Vec<Diagnostic>,
    /// Banquet tables and seats, when the scenario has a `banquet`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banquet: Option<BanquetPlan>,
    /// One planned line-up per scenario `lineups` entry, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineups: Vec<LineupPlan>,
    /// The motorcade, when the scenario has `vehicles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles: Option<VehiclePlan>,
    /// Discussion rooms and their lists, when the scenario has `groups`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<GroupsPlan>,
    /// One planned host–guest occasion per scenario `bilateral` entry, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bilateral: Vec<BilateralPlan>,
}

/// One occupied or reserved seat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeatAssignment {
    /// Seat id (`P1-4`, `H3-11`).
    pub seat: String,
    /// Person id, `null` for a reserved seat.
    pub person: Option<String>,
    /// Kept empty by a `reserve` instruction.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reserved: bool,
    /// Printed label, e.g. 主席臺第1排4號 or 第3排11號.
    pub label: String,
    /// Why this seat is what it is, in words.
    pub reason: String,
    /// Index into `instructions` of the instruction that decided this seat, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction: Option<usize>,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Level {
    /// Something could not be done as asked (an instruction not honoured).
    Error,
    /// Done, but someone should look (a rank inversion, people without seats).
    #[default]
    Warning,
    /// For information (a row that could be shrunk).
    Info,
}
keywords!(Level { Error = "error", Warning = "warning", Info = "info" });

/// A finding about the plan. The plan is still complete apart from what it says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// Severity.
    pub level: Level,
    /// Stable machine-readable code, e.g. `rank-inversion`, `unknown-person`.
    pub code: String,
    /// What happened, naming people, seats and instructions.
    pub message: String,
    /// Index into `instructions`, when one is concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction: Option<usize>,
    /// Person id, when one is concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// Seat id, when one is concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
}

/// Who is present and in which order, for the planners of banquets, line-ups, vehicles and
/// discussion groups: they all work on the final precedence (after `move` and `exclude`).
pub(crate) struct Roster<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// The language of reasons and diagnostics.
    pub lang: Lang,
    /// Person id → index into `s.people`.
    pub ids: &'a HashMap<&'a str, usize>,
    /// Final precedence: indices into `s.people`, excluded people left out.
    pub prec: &'a [usize],
    /// Position of each person in `prec` (`usize::MAX` when excluded).
    pub pos: &'a [usize],
    /// Unit id → index into `s.units` (unit precedence).
    pub units: HashMap<&'a str, usize>,
}

impl<'a> Roster<'a> {
    /// The person at index `i`.
    pub fn person(&self, i: usize) -> &'a Person {
        &self.s.people[i]
    }

    /// "王晨 (p1)".
    pub fn who(&self, i: usize) -> String {
        let p = &self.s.people[i];
        format!("{} ({})", p.name, p.id)
    }

    /// Whether person `i` is present (not excluded).
    pub fn present(&self, i: usize) -> bool {
        self.pos[i] != usize::MAX
    }

    /// 1-based precedence number of a present person.
    pub fn number(&self, i: usize) -> usize {
        self.pos[i] + 1
    }

    /// Unit precedence of person `i`: the index of their unit in `units`, or `units.len()`.
    pub fn unit_rank(&self, i: usize) -> usize {
        let s = self.s;
        s.people[i].unit.as_deref().and_then(|u| self.units.get(u).copied()).unwrap_or(s.units.len())
    }

    /// The unit's display name of person `i`, or "(no unit)" (（無單位）).
    pub fn unit_name(&self, i: usize) -> Cow<'a, str> {
        match self.s.units.get(self.unit_rank(i)) {
            Some(u) => Cow::Borrowed(u.name.as_str()),
            None => no_unit(self.lang),
        }
    }

    /// Resolves person references of `field` (e.g. `banquet.hosts`), in the order given,
    /// dropping unknown ids (an error diagnostic), excluded people (an info diagnostic) and
    /// repeats (a warning).
    pub fn resolve(&self, field: &str, ids: &[String], diags: &mut Vec<Diagnostic>) -> Vec<usize> {
        let mut first: HashMap<usize, usize> = HashMap::new();
        let mut out = Vec::new();
        for (k, id) in ids.iter().enumerate() {
            let at = format!("{field}[{k}]");
            if let Some(i) = self.resolve_one(&at, id, diags) {
                match first.get(&i) {
                    None => {
                        first.insert(i, k);
                        out.push(i);
                    }
                    Some(&j) => diags.push(Diagnostic {
                        level: Level::Warning,
                        code: "duplicate-person".into(),
                        message: msg!(
                            self.lang,
                            "{}: {} is listed again (first at {}[{}]); counted once",
                            "{}：{}重複列出（已在 {}[{}]）；只算一次",
                            at,
                            self.who(i),
                            field,
                            j
                        ),
                        person: Some(id.clone()),
                        ..Diagnostic::default()
                    }),
                }
            }
        }
        out
    }

    /// The person `id` that `field` (a path, e.g. `vehicles.cars[0].driver`) names, when
    /// known and present; otherwise `None`, with an error diagnostic for an unknown id and
    /// an info one for an excluded person.
    pub fn resolve_one(&self, field: &str, id: &str, diags: &mut Vec<Diagnostic>) -> Option<usize> {
        match self.ids.get(id).copied() {
            None => {
                diags.push(Diagnostic {
                    level: Level::Error,
                    code: "unknown-person".into(),
                    message: msg!(
                        self.lang,
                        "{}: no person with id {}; left out",
                        "{}：沒有 id 為 {} 的人員，略去",
                        field,
                        format!("{id:?}")
                    ),
                    ..Diagnostic::default()
                });
                None
            }
            Some(i) if !self.present(i) => {
                diags.push(Diagnostic {
                    level: Level::Info,
                    code: "excluded-person".into(),
                    message: msg!(
                        self.lang,
                        "{}: {} is excluded; left out",
                        "{}：{}已請假，略去",
                        field,
                        self.who(i)
                    ),
                    person: Some(id.to_string()),
                    ..Diagnostic::default()
                });
                None
            }
            Some(i) => Some(i),
        }
    }

    /// The people a section plans for, most senior first: the listed `people` (in
    /// precedence order), else everyone present in `section`, else everyone present.
    pub fn select(
        &self,
        field: &str,
        people: Option<&[String]>,
        section: Option<Section>,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<usize> {
        match people {
            Some(ids) => {
                let mut v = self.resolve(&format!("{field}.people"), ids, diags);
                crate::sort::sort_by_key(&mut v, |&i| self.pos[i]);
                v
            }
            None => self
                .prec
                .iter()
                .copied()
                .filter(|&i| section.is_none_or(|sec| self.s.people[i].section == sec))
                .collect(),
        }
    }
}

/// A fast hasher for short keys that need no protection from crafted collisions (names of
/// one roster): rustc's FxHash, a rotate, xor and multiply per 8 bytes. The same-name
/// check hashes every name on every plan; with std's SipHash it was 13% of planning 3,000
/// people, with this 3%.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// At most this many names in `same-name` diagnostics; the rest are summarised.
const MAX_SAME_NAMES: usize = 20;

/// At most this many `rank-inversion` diagnostics per instruction; the rest are summarised.
const MAX_INVERSIONS_PER_INSTRUCTION: usize = 50;

/// What put a person in a seat.
#[derive(Debug, Clone)]
struct Placement {
    seat: SeatId,
    reason: String,
    instruction: Option<usize>,
}

/// Plans a scenario. Deterministic: the same scenario gives the same plan.
///
/// Instructions are applied in PROTOCOL §7 order: `move` and `exclude`, then `pin` and
/// `reserve`, then everyone else fills the remaining seats in seat order, then `swap`s in
/// the order given. Instructions that cannot be honoured become diagnostics.
///
/// Complexity: O(n log n) for n people, plus O(n) per `move` and O(n) per instruction-affected
/// person for the rank-inversion check.
pub fn plan(s: &Scenario) -> Plan {
    plan_in(s, Lang::of(s))
}

/// [`plan()`], with the reasons and diagnostics written in `lang` instead of the scenario's
/// `meeting.language` (the page writes them in the language of its interface). Everything
/// else is the same plan.
pub fn plan_in(s: &Scenario, lang: Lang) -> Plan {
    Planner::new(s, lang).run()
}

struct Planner<'a> {
    s: &'a Scenario,
    /// The language of reasons and diagnostics.
    lang: Lang,
    diags: Vec<Diagnostic>,
    /// Person id → index, for the ids that instructions name (see [`instruction_ids`]).
    ids: HashMap<&'a str, usize>,
    /// Position in the original precedence (before `move`, among the people present), for
    /// rank inversions.
    orig_pos: Vec<usize>,
    excluded: Vec<bool>,
    /// Final precedence, indices into people.
    prec: Vec<usize>,
    /// Position in `prec` of each person (usize::MAX when excluded).
    pos: Vec<usize>,
    /// People whose seat or precedence an instruction changed, with the instruction index.
    affected: Vec<(usize, usize)>,
    podium_rows: Vec<u32>,
    podium_seats: Vec<PodiumSeat>,
    podium_rank: HashMap<(u32, u32), usize>,
    blocked: HashSet<SeatId>,
    /// Seat taken by a pin (person) or a reserve (None), with the instruction index.
    fixed: HashMap<SeatId, (Option<usize>, usize)>,
    placement: Vec<Option<Placement>>,
    /// Each person's unit as a small integer (see [`unit_classes`]).
    unit_of: Vec<u32>,
    /// Each person's section and role, read once in input order: the passes in precedence
    /// order then touch this table instead of every person's record.
    seating: Vec<(Section, Role)>,
    /// The fixed words of seat labels in the scenario's script (`meeting.script`).
    words: LabelWords,
    /// People a `move` put after someone: (person, anchor, instruction), the last move of
    /// each person, in instruction order.
    moves: Vec<(usize, usize, usize)>,
}

/// The fixed words of podium and hall seat labels (主席臺第…排…號), in one script.
struct LabelWords {
    podium: Cow<'static, str>,
    number: Cow<'static, str>,
}

impl LabelWords {
    fn new(script: crate::Script) -> LabelWords {
        LabelWords { podium: script.words("主席臺第"), number: script.words("號") }
    }
}

impl<'a> Planner<'a> {
    fn new(s: &'a Scenario, lang: Lang) -> Planner<'a> {
        let n = s.people.len();
        let ids = instruction_ids(s);
        Planner {
            s,
            lang,
            diags: Vec::new(),
            ids,
            orig_pos: vec![0; n],
            excluded: vec![false; n],
            prec: Vec::new(),
            pos: vec![usize::MAX; n],
            affected: Vec::new(),
            podium_rows: Vec::new(),
            podium_seats: Vec::new(),
            podium_rank: HashMap::new(),
            blocked: HashSet::new(),
            fixed: HashMap::new(),
            placement: vec![None; n],
            unit_of: unit_classes(s),
            seating: s.people.iter().map(|p| (p.section, p.role)).collect(),
            words: LabelWords::new(s.meeting.script),
            moves: Vec::new(),
        }
    }

    fn run(mut self) -> Plan {
        let (order, d) = rank::precedence_in(&self.s.people, &self.s.ranking, self.lang);
        self.diags.extend(d);
        self.report_empty_names();
        self.report_same_names();
        self.prec = order.clone();
        self.apply_precedence_changes();
        self.take_anchor_roles();
        // The precedence before `move`s, counting the people present: absent people (請假)
        // leave no gap, so #5 of the list is #4 with one of those before away, as the page
        // numbers the final precedence.
        let mut pos = 0;
        for &i in &order {
            if !self.excluded[i] {
                self.orig_pos[i] = pos;
                pos += 1;
            }
        }
        self.build_venue();
        self.apply_fixed_seats();
        let mut unseated = self.fill_podium();
        unseated.extend(self.fill_hall());
        self.record_moves();
        self.apply_swaps(&mut unseated);
        self.report_inversions();
        self.finish(unseated)
    }

    /// A seat that a `move` decided (through precedence) is the leader's instruction too
    /// (PROTOCOL §7: honoured and recorded): its reason starts with the move, who asked, when
    /// and why, and the seat carries the instruction, so the chart marks it 按領導意見安排.
    /// Pinned seats keep their pin.
    fn record_moves(&mut self) {
        for &(p, a, k) in &self.moves {
            let Some(pl) = self.placement[p].as_mut().filter(|pl| pl.instruction.is_none()) else { continue };
            let anchor = &self.s.people[a];
            let what =
                msg!(self.lang, "moved after {} ({})", "調整排序，排在{} ({})之後", anchor.name, anchor.id);
            let mut r = instruction_reason(self.lang, &what, &self.s.instructions[k], k, true);
            r.push_str(if self.lang.is_en() { "; " } else { "；" });
            r.push_str(&pl.reason);
            pl.reason = r;
            pl.instruction = Some(k);
        }
    }

    /// A person without a name still gets a seat, but a blank one: say so, once each.
    fn report_empty_names(&mut self) {
        for i in 0..self.s.people.len() {
            if self.s.people[i].name.trim().is_empty() {
                let message = msg!(
                    self.lang,
                    "people[{}] ({}): the name is empty; the seat, name card and lists will show no name",
                    "people[{}] ({})：姓名為空；座位、席卡和名單上將沒有姓名",
                    i,
                    self.s.people[i].id
                );
                self.diag(Level::Warning, "empty-name", message, None, Some(i));
            }
        }
    }

    /// Two or more people with the same name (同名): perhaps one person entered twice (a
    /// roster appended to itself), perhaps two people whose name cards will read the same.
    /// One warning per name, naming the ids, in the order the names first appear; after
    /// [`MAX_SAME_NAMES`] names, one more warning counts the rest. O(people): one pass to
    /// count, and a second only when a name repeats.
    fn report_same_names(&mut self) {
        let people = &self.s.people;
        let mut count: FxMap<&str, (usize, usize)> =
            FxMap::with_capacity_and_hasher(people.len(), Default::default());
        for (i, p) in people.iter().enumerate() {
            let name = p.name.trim();
            if !name.is_empty() {
                count.entry(name).or_insert((i, 0)).1 += 1;
            }
        }
        let mut repeated: Vec<(usize, &str)> =
            count.into_iter().filter(|(_, (_, n))| *n > 1).map(|(name, (i, _))| (i, name)).collect();
        if repeated.is_empty() {
            return;
        }
        crate::sort::sort_by_key(&mut repeated, |&(i, _)| i);
        let more = repeated.len().saturating_sub(MAX_SAME_NAMES);
        repeated.truncate(MAX_SAME_NAMES);
        let slot: FxMap<&str, usize> = repeated.iter().enumerate().map(|(k, &(_, name))| (name, k)).collect();
        let mut ids: Vec<Vec<&str>> = vec![Vec::new(); repeated.len()];
        for p in people {
            if let Some(&k) = slot.get(p.name.trim()) {
                ids[k].push(p.id.as_str());
            }
        }
        let mut found = Vec::with_capacity(repeated.len() + 1);
        for (&(i, name), ids) in repeated.iter().zip(&ids) {
            let message = msg!(
                self.lang,
                "{} people are named {} ({}): check that they are different people; their name cards read the same",
                "{}人同名「{}」（{}）：請核對是否重複錄入；他們的席卡相同",
                ids.len(),
                name,
                ids.join(", ")
            );
            found.push((message, Some(i)));
        }
        if more > 0 {
            let message = msg!(
                self.lang,
                "{} more names are shared by two or more people",
                "另有{}個姓名為兩人以上共用",
                more
            );
            found.push((message, None));
        }
        for (message, i) in found {
            self.diag(Level::Warning, "same-name", message, None, i);
        }
    }

    fn person(&self, i: usize) -> String {
        let p = &self.s.people[i];
        format!("{} ({})", p.name, p.id)
    }

    fn diag(&mut self, level: Level, code: &str, message: String, k: Option<usize>, person: Option<usize>) {
        self.diags.push(Diagnostic {
            level,
            code: code.into(),
            message,
            instruction: k,
            person: person.map(|i| self.s.people[i].id.clone()),
            seat: None,
        });
    }

    /// Looks up an instruction's person reference; reports unknown and excluded people.
    fn lookup(&mut self, k: usize, id: &str, allow_excluded: bool) -> Option<usize> {
        let op = op_word(self.s.instructions[k].op, self.lang);
        match self.ids.get(id).copied() {
            None => {
                self.diag(
                    Level::Error,
                    "unknown-person",
                    msg!(
                        self.lang,
                        "instructions[{}] ({}): no person with id {}; instruction not applied",
                        "instructions[{}]（{}）：沒有 id 為 {} 的人員，未執行",
                        k,
                        op,
                        format!("{id:?}")
                    ),
                    Some(k),
                    None,
                );
                None
            }
            Some(i) if self.excluded[i] && !allow_excluded => {
                let who = self.person(i);
                self.diag(
                    Level::Error,
                    "excluded-person",
                    msg!(
                        self.lang,
                        "instructions[{}] ({}): {} is excluded; instruction not applied",
                        "instructions[{}]（{}）：{}已請假，未執行",
                        k,
                        op,
                        who
                    ),
                    Some(k),
                    Some(i),
                );
                None
            }
            Some(i) => Some(i),
        }
    }

    /// `move` and `exclude`, in the order given. Moves are applied to the full list so that an
    /// excluded person can still serve as an anchor.
    fn apply_precedence_changes(&mut self) {
        let s = self.s;
        let mut moved_after: HashMap<usize, (usize, usize)> = HashMap::new();
        // The precedence as a doubly linked list while moves are applied (O(1) per move
        // instead of O(n) for a Vec's position/remove/insert); `n` is the head sentinel.
        let n = s.people.len();
        let mut next = vec![n; n + 1];
        let mut prev = vec![n; n + 1];
        let mut last = n;
        for &i in &self.prec {
            next[last] = i;
            prev[i] = last;
            last = i;
        }
        next[last] = n;
        prev[n] = last;
        let mut moved = false;
        // Moves already reported as undoing each other (a after b, then b after a).
        let mut reported: Vec<usize> = Vec::new();
        // Each person's moves, by instruction index: who moved `a` later undoes "p after a".
        let mut moves_of: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, ins) in s.instructions.iter().enumerate() {
            match ins.op {
                Op::Move => {
                    let (Some(pid), Some(aid)) = (&ins.person, &ins.after) else { continue };
                    let (Some(p), Some(a)) = (self.lookup(k, pid, true), self.lookup(k, aid, true)) else {
                        continue;
                    };
                    if p == a {
                        let who = self.person(p);
                        self.diag(
                            Level::Error,
                            "move-self",
                            msg!(
                                self.lang,
                                "instructions[{}] (move): {} cannot be moved after themselves",
                                "instructions[{}]（調整排序）：{}不能排在自己之後",
                                k,
                                who
                            ),
                            Some(k),
                            Some(p),
                        );
                        continue;
                    }
                    if let Some(&(earlier, j)) = moved_after.get(&a) {
                        if earlier == p {
                            reported.extend([j, k]);
                            let (who, anchor) = (self.person(p), self.person(a));
                            self.diag(
                                Level::Warning,
                                "move-conflict",
                                msg!(
                                    self.lang,
                                    "instructions[{}] (move) puts {} after {}, whom instructions[{}] put after {}; the later instruction wins",
                                    "instructions[{}]（調整排序）把{}排在{}之後，而 instructions[{}] 把後者排在{}之後；以後一條指示為準",
                                    k,
                                    who,
                                    anchor,
                                    j,
                                    who
                                ),
                                Some(k),
                                Some(p),
                            );
                        }
                    }
                    moved_after.insert(p, (a, k));
                    moves_of.entry(p).or_default().push(k);
                    // Unlink `p`, then link it in right after `a`.
                    let (bp, ap) = (prev[p], next[p]);
                    next[bp] = ap;
                    prev[ap] = bp;
                    let after_a = next[a];
                    next[a] = p;
                    prev[p] = a;
                    next[p] = after_a;
                    prev[after_a] = p;
                    moved = true;
                    self.affected.push((p, k));
                }
                Op::Exclude => {
                    let Some(pid) = &ins.person else { continue };
                    if let Some(p) = self.lookup(k, pid, true) {
                        if self.excluded[p] {
                            let who = self.person(p);
                            self.diag(
                                Level::Info,
                                "duplicate-exclude",
                                msg!(
                                    self.lang,
                                    "instructions[{}] (exclude): {} is already excluded",
                                    "instructions[{}]（請假）：{}已經請假",
                                    k,
                                    who
                                ),
                                Some(k),
                                Some(p),
                            );
                        }
                        self.excluded[p] = true;
                    }
                }
                _ => {}
            }
        }
        // A move of someone who is absent in the end (excluded before or after it) changes
        // nothing: say so, as for a pin or swap of an excluded person.
        for (k, ins) in s.instructions.iter().enumerate() {
            let Some(p) =
                ins.person.as_deref().filter(|_| ins.op == Op::Move).and_then(|id| self.ids.get(id))
            else {
                continue;
            };
            let p = *p;
            // The person is present but the anchor is absent: the person takes the place the
            // anchor would have had. Said, as the anchor's absence changes what "after" means.
            let anchor = ins.after.as_deref().and_then(|a| self.ids.get(a)).copied();
            // Only the person's last move holds (`moved_after`); an earlier one says nothing.
            let holds = |a: usize| moved_after.get(&p) == Some(&(a, k));
            if let Some(a) = anchor.filter(|&a| !self.excluded[p] && self.excluded[a] && a != p && holds(a)) {
                let (who, anchor) = (self.person(p), self.person(a));
                self.diag(
                    Level::Info,
                    "move-anchor-absent",
                    msg!(
                        self.lang,
                        "instructions[{}] (move): {} is excluded; {} is placed right after where {} would have been",
                        "instructions[{}]（調整排序）：{}已請假；{}排在{}原位次之後",
                        k,
                        anchor,
                        who,
                        anchor
                    ),
                    Some(k),
                    Some(p),
                );
            }
            if self.excluded[p] && ins.after.as_deref().is_some_and(|a| self.ids.contains_key(a)) {
                let who = self.person(p);
                self.diag(
                    Level::Error,
                    "excluded-person",
                    msg!(
                        self.lang,
                        "instructions[{}] (move): {} is excluded; instruction not applied",
                        "instructions[{}]（調整排序）：{}已請假，未執行",
                        k,
                        who
                    ),
                    Some(k),
                    Some(p),
                );
            }
        }
        let mut moves: Vec<(usize, usize, usize)> =
            moved_after.into_iter().map(|(p, (a, k))| (p, a, k)).collect();
        crate::sort::sort_by_key(&mut moves, |&(_, _, k)| k);
        self.moves = moves;
        if moved {
            self.prec.clear();
            let mut i = next[n];
            while i != n {
                self.prec.push(i);
                i = next[i];
            }
            self.report_undone_moves(&reported, &moves_of);
        }
        let excluded = &self.excluded;
        self.prec.retain(|&i| !excluded[i]);
        for (pos, &i) in self.prec.iter().enumerate() {
            self.pos[i] = pos;
        }
    }

    /// A `move` beats the rule that seats a unit's full members before its attendees and
    /// alternates (PROTOCOL §7: an instruction beats every rule): a person moved directly
    /// after someone of their own unit and section is seated in that person's role group, so
    /// an attendee moved after a member sits right after that member.
    fn take_anchor_roles(&mut self) {
        for &(p, a, _) in &self.moves {
            if self.excluded[p] || self.unit_of[p] != self.unit_of[a] {
                continue;
            }
            if self.seating[p].0 == self.seating[a].0 {
                self.seating[p].1 = self.seating[a].1;
            }
        }
    }

    /// A move that later moves undid, as in a cycle of three (a after c, c after b, b after
    /// a: b is moved away from behind c, and c ends before b): reported like the undoing
    /// pair of two, which is reported where it happens. `self.moves` holds each person's
    /// last move, `self.prec` the order after all of them; afterwards `self.moves` holds only
    /// the moves that hold (the person after their anchor, or the anchor absent), so that an
    /// undone move neither claims a seat's reason nor changes a role.
    fn report_undone_moves(&mut self, reported: &[usize], moves_of: &HashMap<usize, Vec<usize>>) {
        let mut at = vec![0; self.s.people.len()];
        for (pos, &i) in self.prec.iter().enumerate() {
            at[i] = pos;
        }
        let moves = self.moves.clone();
        for (p, a, k) in moves {
            if at[p] > at[a] || reported.contains(&k) || self.excluded[p] {
                continue;
            }
            let later = moves_of.get(&a).and_then(|ks| ks.iter().copied().find(|&j| j > k));
            let (who, anchor) = (self.person(p), self.person(a));
            let by = match later {
                Some(j) => msg!(
                    self.lang,
                    "instructions[{}], which moved {},",
                    "instructions[{}] 移動了{}",
                    j,
                    anchor.clone()
                ),
                None => self.lang.text("later moves", "後面的調整").into_owned(),
            };
            self.diag(
                Level::Warning,
                "move-conflict",
                msg!(
                    self.lang,
                    "instructions[{}] (move) puts {} after {}, but {} put {} before them again; the later instruction wins",
                    "instructions[{}]（調整排序）把{}排在{}之後，但{}又使前者排在後者之前；以後面的指示為準",
                    k,
                    who.clone(),
                    anchor,
                    by,
                    who
                ),
                Some(k),
                Some(p),
            );
        }
        let excluded = &self.excluded;
        self.moves.retain(|&(p, a, _)| excluded[a] || at[p] > at[a]);
    }

    fn podium_people(&self) -> impl Iterator<Item = usize> + '_ {
        self.prec.iter().copied().filter(|&i| self.seating[i].0 == Section::Podium)
    }

    fn build_venue(&mut self) {
        if let Some(p) = &self.s.podium {
            self.podium_rows = if p.shrink {
                podium::shrink(&p.rows, podium_places(self.s, &self.ids, &self.excluded))
            } else {
                p.rows.clone()
            };
            self.podium_seats = podium::seats(&self.podium_rows, &self.s.convention);
            for (k, seat) in self.podium_seats.iter().enumerate() {
                self.podium_rank.insert((seat.row, seat.col), k);
            }
        }
        if let Some(h) = &self.s.hall {
            for (i, b) in h.blocked.iter().enumerate() {
                match b.parse::<SeatId>() {
                    Ok(id) if id.area == Area::Hall && hall::exists(h, id.row, id.col) => {
                        self.blocked.insert(id);
                    }
                    _ => self.diag(
                        Level::Warning,
                        "unknown-seat",
                        msg!(
                            self.lang,
                            "hall.blocked[{}]: {} is not a seat of this hall",
                            "hall.blocked[{}]：{} 不是本會場的座位",
                            i,
                            format!("{b:?}")
                        ),
                        None,
                        None,
                    ),
                }
            }
        }
    }

    /// Whether `id` is a usable seat of this venue (exists and is not blocked).
    fn seat_exists(&self, id: SeatId) -> bool {
        match id.area {
            Area::Podium => self.podium_rank.contains_key(&(id.row, id.col)),
            Area::Hall => match &self.s.hall {
                Some(h) => hall::exists(h, id.row, id.col) && !self.blocked.contains(&id),
                None => false,
            },
        }
    }

    fn parse_seat(&mut self, k: usize, seat: &str) -> Option<SeatId> {
        let op = op_word(self.s.instructions[k].op, self.lang);
        match seat.parse::<SeatId>() {
            Ok(id) if self.seat_exists(id) => Some(id),
            Ok(id) => {
                let shrunk = id.area == Area::Podium
                    && self.s.podium.as_ref().is_some_and(|p| p.shrink && in_rows(&p.rows, id));
                let why = if self.blocked.contains(&id) {
                    self.lang.text("is blocked", "已停用")
                } else if shrunk {
                    self.lang.text(
                        "is outside the podium as shrunk to its people (podium.shrink)",
                        "不在按人數收縮後的主席臺內（podium.shrink）",
                    )
                } else {
                    self.lang.text("is outside the venue", "不在會場內")
                };
                self.diags.push(Diagnostic {
                    level: Level::Error,
                    code: "unknown-seat".into(),
                    message: msg!(
                        self.lang,
                        "instructions[{}] ({}): seat {} {}; instruction not applied",
                        "instructions[{}]（{}）：座位 {} {}，未執行",
                        k,
                        op,
                        id,
                        why
                    ),
                    instruction: Some(k),
                    seat: Some(seat.to_string()),
                    ..Diagnostic::default()
                });
                None
            }
            Err(e) => {
                self.diags.push(Diagnostic {
                    level: Level::Error,
                    code: "unknown-seat".into(),
                    message: msg!(
                        self.lang,
                        "instructions[{0}] ({1}): {2}; instruction not applied",
                        "instructions[{0}]（{1}）：{3} 不是座位編號（應為 P排-號 或 H排-號，如 P1-3），未執行",
                        k,
                        op,
                        e,
                        format!("{seat:?}")
                    ),
                    instruction: Some(k),
                    seat: Some(seat.to_string()),
                    ..Diagnostic::default()
                });
                None
            }
        }
    }

    /// `pin` and `reserve`: the first instruction on a seat wins, later ones are reported.
    fn apply_fixed_seats(&mut self) {
        let s = self.s;
        for (k, ins) in s.instructions.iter().enumerate() {
            if !matches!(ins.op, Op::Pin | Op::Reserve) {
                continue;
            }
            let person = match (&ins.op, &ins.person) {
                (Op::Pin, Some(pid)) => match self.lookup(k, pid, false) {
                    Some(p) => Some(p),
                    None => continue,
                },
                _ => None,
            };
            let Some(seat) = ins.seat.as_deref().and_then(|t| self.parse_seat(k, t)) else { continue };
            if let Some(&(holder, j)) = self.fixed.get(&seat) {
                let what = match holder {
                    Some(h) => msg!(
                        self.lang,
                        "pinned for {} by instructions[{}]",
                        "由 instructions[{1}] 固定給{0}",
                        self.person(h),
                        j
                    ),
                    None => msg!(self.lang, "reserved by instructions[{}]", "由 instructions[{}] 預留", j),
                };
                self.diags.push(Diagnostic {
                    level: Level::Error,
                    code: "seat-conflict".into(),
                    message: msg!(
                        self.lang,
                        "instructions[{}] ({}): seat {} is already {}; instruction not applied",
                        "instructions[{}]（{}）：座位 {} 已{}，未執行",
                        k,
                        op_word(ins.op, self.lang),
                        seat,
                        what
                    ),
                    instruction: Some(k),
                    person: person.map(|p| s.people[p].id.clone()),
                    seat: Some(seat.to_string()),
                });
                continue;
            }
            if let Some(p) = person {
                if let Some(prev) = &self.placement[p] {
                    let (who, prev_seat, j) = (self.person(p), prev.seat, prev.instruction.unwrap_or(0));
                    self.diag(
                        Level::Error,
                        "person-conflict",
                        msg!(
                            self.lang,
                            "instructions[{}] (pin): {} is already pinned to {} by instructions[{}]; instruction not applied",
                            "instructions[{0}]（固定座位）：{1}已由 instructions[{3}] 固定在 {2}，未執行",
                            k,
                            who,
                            prev_seat,
                            j
                        ),
                        Some(k),
                        Some(p),
                    );
                    continue;
                }
                self.placement[p] = Some(Placement {
                    seat,
                    reason: instruction_reason(
                        self.lang,
                        &self.lang.text("pinned", "固定座位"),
                        ins,
                        k,
                        true,
                    ),
                    instruction: Some(k),
                });
                self.affected.push((p, k));
            }
            self.fixed.insert(seat, (person, k));
        }
    }

    /// A scenario that plans a banquet, line-ups, vehicles or groups may have no podium or
    /// hall on purpose: then a missing venue is only worth an `info`.
    fn venue_less_level(&self) -> (Level, Cow<'static, str>) {
        let s = self.s;
        if s.has_extras() {
            (
                Level::Info,
                self.lang.text(
                    " (they are planned in the scenario's banquet, line-ups, vehicles, groups or host–guest occasions only)",
                    "（他們只在本方案的宴會、合影站位、乘車、分組或外事活動中安排）",
                ),
            )
        } else {
            (Level::Warning, "".into())
        }
    }

    /// Podium people not pinned elsewhere fill the free podium seats in seat order.
    fn fill_podium(&mut self) -> Vec<usize> {
        let people: Vec<usize> = self.podium_people().filter(|&i| self.placement[i].is_none()).collect();
        if people.is_empty() {
            return Vec::new();
        }
        if self.s.podium.is_none() {
            let (level, also) = self.venue_less_level();
            self.diag(
                level,
                "no-podium",
                msg!(
                    self.lang,
                    "{} people are in the podium section but the scenario has no podium{}",
                    "{}人屬主席臺區域，但方案沒有主席臺{}",
                    people.len(),
                    also
                ),
                None,
                None,
            );
            return people;
        }
        let convention = &self.s.convention;
        let mut free = self
            .podium_seats
            .iter()
            .filter(|seat| !self.fixed.contains_key(&SeatId::podium(seat.row, seat.col)));
        let mut filled = Vec::new();
        let mut unseated = Vec::new();
        for &i in &people {
            match free.next() {
                Some(seat) => filled.push((i, *seat)),
                None => unseated.push(i),
            }
        }
        for (i, seat) in filled {
            let reason = msg!(
                self.lang,
                "#{} by precedence → {}",
                "位次第{} → {}",
                self.pos[i] + 1,
                podium::describe(&seat, convention, self.lang)
            );
            self.placement[i] =
                Some(Placement { seat: SeatId::podium(seat.row, seat.col), reason, instruction: None });
        }
        if !unseated.is_empty() {
            let seats = self.podium_seats.len();
            self.diag(
                Level::Warning,
                "not-enough-seats",
                msg!(
                    self.lang,
                    "podium: {} people for {} free seats; {} without a seat (add a row or move them to the hall)",
                    "主席臺：{}人，空座位{}個；{}人沒有座位（請加排，或把他們移到臺下）",
                    people.len(),
                    seats.saturating_sub(self.fixed.keys().filter(|s| s.area == Area::Podium).count()),
                    unseated.len()
                ),
                None,
                None,
            );
        }
        self.report_partial_rows();
        unseated
    }

    fn report_partial_rows(&mut self) {
        let Some(spec) = &self.s.podium else { return };
        if spec.shrink {
            return;
        }
        let mut used: HashMap<u32, u32> = HashMap::new();
        let reserved = self.fixed.iter().filter(|(_, (holder, _))| holder.is_none()).map(|(s, _)| *s);
        for seat in self.placement.iter().flatten().map(|pl| pl.seat).chain(reserved) {
            if seat.area == Area::Podium {
                *used.entry(seat.row).or_default() += 1;
            }
        }
        for (r, cap) in self.podium_rows.clone().into_iter().enumerate() {
            let row = r as u32 + 1;
            let n = used.get(&row).copied().unwrap_or(0);
            if n > 0 && n < cap {
                self.diag(
                    Level::Info,
                    "row-not-full",
                    msg!(
                        self.lang,
                        "podium row {} has {} seats for {} people; the outermost seats stay empty (podium.shrink, \"Shrink rows to their people\" on the page, fits the row to its people)",
                        "主席臺第{}排有{}個座位，只坐{}人；兩端最外側的座位留空（podium.shrink，即頁面上的「按人數收縮各排」，可使本排與人數相符）",
                        row,
                        cap,
                        n
                    ),
                    None,
                    None,
                );
            }
        }
    }

    /// Hall people not pinned elsewhere, grouped by unit in unit precedence, members first.
    fn fill_hall(&mut self) -> Vec<usize> {
        let s = self.s;
        let people: Vec<usize> = self
            .prec
            .iter()
            .copied()
            .filter(|&i| self.seating[i].0 == Section::Hall && self.placement[i].is_none())
            .collect();
        if people.is_empty() {
            return Vec::new();
        }
        let Some(spec) = &s.hall else {
            let (level, also) = self.venue_less_level();
            self.diag(
                level,
                "no-hall",
                msg!(
                    self.lang,
                    "{} people are in the hall section but the scenario has no hall{}",
                    "{}人屬臺下區域，但方案沒有臺下座區{}",
                    people.len(),
                    also
                ),
                None,
                None,
            );
            return people;
        };
        // Unknown unit ids and no unit both go to "(no unit)".
        let none = s.units.len();
        let group_of = |i: usize| (self.unit_of[i] as usize).min(none);
        let mut sizes = vec![0usize; none + 1];
        for &i in &people {
            sizes[group_of(i)] += 1;
        }
        // Each group's list at its final size; empty groups are dropped below, unnamed.
        let no_unit = no_unit(self.lang);
        let names = s.units.iter().map(|u| u.name.as_str()).chain(std::iter::once(no_unit.as_ref()));
        let mut groups: Vec<Group> = names
            .zip(&sizes)
            .map(|(name, &n)| Group {
                name: if n > 0 { name.to_string() } else { String::new() },
                members: Vec::with_capacity(n),
            })
            .collect();
        for &i in &people {
            groups[group_of(i)].members.push(i);
        }
        for g in &mut groups {
            // Stable: full members, then attendees, then alternates, each in precedence order.
            if !g.members.is_sorted_by_key(|&i| self.seating[i].1) {
                crate::sort::sort_by_key(&mut g.members, |&i| self.seating[i].1);
            }
        }
        if spec.roles == RoleSeating::MembersFirst {
            // One pass per role over all units: every unit's members, then attendees, ….
            let mut by_role: Vec<Group> = Vec::new();
            for role in [crate::Role::Member, crate::Role::Attendee, crate::Role::Alternate] {
                for g in &groups {
                    let members: Vec<usize> =
                        g.members.iter().copied().filter(|&i| self.seating[i].1 == role).collect();
                    let name = match role {
                        crate::Role::Member => g.name.clone(),
                        crate::Role::Attendee => msg!(self.lang, "{} (列席)", "{}（列席）", g.name),
                        crate::Role::Alternate => msg!(self.lang, "{} (候補)", "{}（候補）", g.name),
                    };
                    by_role.push(Group { name, members });
                }
            }
            groups = by_role;
        }
        groups.retain(|g| !g.members.is_empty());
        // Pinned, reserved and blocked hall seats as a table by seat (no hashing per seat).
        let index = SeatIndex::new(&[], Some(spec));
        let mut taken = vec![false; index.len()];
        for id in self.fixed.keys().chain(self.blocked.iter()) {
            if let Some(k) = index.slot(*id) {
                taken[k] = true;
            }
        }
        let unavailable = |id: SeatId| index.slot(id).is_some_and(|k| taken[k]);
        let fill = hall::fill(spec, &s.convention, &groups, &unavailable, self.lang);
        for (i, seat, reason) in fill.seats {
            self.placement[i] = Some(Placement { seat, reason, instruction: None });
        }
        if !fill.unseated.is_empty() {
            self.diag(
                Level::Warning,
                "not-enough-seats",
                msg!(
                    self.lang,
                    "hall: {} people without a seat (the hall has fewer free seats than people)",
                    "臺下：{}人沒有座位（空座位少於人數）",
                    fill.unseated.len()
                ),
                None,
                None,
            );
        }
        fill.unseated
    }

    fn apply_swaps(&mut self, unseated: &mut Vec<usize>) {
        let s = self.s;
        // Membership of `unseated` (O(1) per swap); the list is rebuilt once at the end.
        let mut is_unseated = vec![false; s.people.len()];
        for &p in unseated.iter() {
            is_unseated[p] = true;
        }
        let mut newly_unseated = Vec::new();
        // (swap, who gave their seat up, who took it).
        let mut gave_up: Vec<(usize, usize, usize)> = Vec::new();
        for (k, ins) in s.instructions.iter().enumerate() {
            if ins.op != Op::Swap {
                continue;
            }
            let Some(pair) = &ins.people else { continue };
            let (Some(a), Some(b)) = (self.lookup(k, &pair[0], false), self.lookup(k, &pair[1], false))
            else {
                continue;
            };
            if a == b {
                let who = self.person(a);
                self.diag(
                    Level::Error,
                    "swap-self",
                    msg!(
                        self.lang,
                        "instructions[{}] (swap): {} cannot swap with themselves",
                        "instructions[{}]（對調）：{}不能與自己對調",
                        k,
                        who
                    ),
                    Some(k),
                    Some(a),
                );
                continue;
            }
            if self.placement[a].is_none() && self.placement[b].is_none() {
                let (x, y) = (self.person(a), self.person(b));
                self.diag(
                    Level::Error,
                    "swap-unseated",
                    msg!(
                        self.lang,
                        "instructions[{}] (swap): neither {} nor {} has a seat; instruction not applied",
                        "instructions[{}]（對調）：{}和{}都沒有座位，未執行",
                        k,
                        x,
                        y
                    ),
                    Some(k),
                    Some(a),
                );
                continue;
            }
            if self.placement[a].is_none() || self.placement[b].is_none() {
                // One of them has no seat: the other gives theirs up (a leader may ask for
                // that). Said below if no later swap seats them again.
                let (seated, without) = if self.placement[a].is_some() { (a, b) } else { (b, a) };
                gave_up.push((k, seated, without));
            }
            let (pa, pb) = (self.placement[a].take(), self.placement[b].take());
            let provenance = ins.provenance();
            let people = &s.people;
            // "swapped with {other} ({id}) (instructions[{k}]{provenance}); seat was theirs: {reason}"
            let lang = self.lang;
            let mk = |other: usize, pl: Option<Placement>| {
                pl.map(|pl| {
                    let o = &people[other];
                    if !lang.is_en() {
                        let what = msg!(lang, "", "與{} ({})對調", o.name, o.id);
                        let mut r = instruction_reason(lang, &what, ins, k, true);
                        r.push_str(&lang.text("", "；該座位原安排："));
                        r.push_str(&pl.reason);
                        return Placement { seat: pl.seat, reason: r, instruction: Some(k) };
                    }
                    let mut r = String::with_capacity(
                        64 + o.name.len() + o.id.len() + provenance.len() + pl.reason.len(),
                    );
                    r.push_str("swapped with ");
                    r.push_str(&o.name);
                    r.push_str(" (");
                    r.push_str(&o.id);
                    r.push_str(") (instructions[");
                    hall::push_uint(&mut r, k);
                    r.push(']');
                    r.push_str(&provenance);
                    r.push_str("); seat was theirs: ");
                    r.push_str(&pl.reason);
                    Placement { seat: pl.seat, reason: r, instruction: Some(k) }
                })
            };
            self.placement[a] = mk(b, pb);
            self.placement[b] = mk(a, pa);
            for p in [a, b] {
                self.affected.push((p, k));
                if self.placement[p].is_none() {
                    if !is_unseated[p] {
                        is_unseated[p] = true;
                        newly_unseated.push(p);
                    }
                } else {
                    is_unseated[p] = false;
                }
            }
        }
        // Who is still without a seat after all swaps, told by the last swap that took it.
        let mut told = vec![false; gave_up.len()];
        let mut later = if gave_up.is_empty() { Vec::new() } else { vec![false; s.people.len()] };
        for (j, &(_, seated, _)) in gave_up.iter().enumerate().rev() {
            told[j] = self.placement[seated].is_none() && !std::mem::replace(&mut later[seated], true);
        }
        for (&(k, seated, without), _) in gave_up.iter().zip(&told).filter(|(_, &t)| t) {
            let (x, y) = (self.person(without), self.person(seated));
            self.diag(
                Level::Warning,
                "swap-leaves-unseated",
                msg!(
                    self.lang,
                    "instructions[{}] (swap): {} had no seat and takes {}'s, who is left without one",
                    "instructions[{}]（對調）：{}原無座位，對調後坐{}的座位，{}沒有座位",
                    k,
                    x,
                    y,
                    y
                ),
                Some(k),
                Some(seated),
            );
        }
        unseated.extend(newly_unseated);
        unseated.retain(|&p| std::mem::replace(&mut is_unseated[p], false));
        let pos = &self.pos;
        crate::sort::sort_by_key(unseated, |&i| pos[i]);
    }

    /// Seniority of a seat for inversion checks: podium seats by podium seat order, then hall
    /// seats front to back, inside a row in the hall method's seat order (the audience's
    /// left first, or from the centre outward for `centre-out`). Hall seats are only
    /// compared inside one unit.
    fn seat_key(&self, seat: SeatId) -> (u8, usize, u32) {
        match seat.area {
            Area::Podium => {
                (0, self.podium_rank.get(&(seat.row, seat.col)).copied().unwrap_or(usize::MAX), 0)
            }
            Area::Hall => match &self.s.hall {
                Some(h) if self.s.convention.hall_method == crate::HallMethod::CentreOut => {
                    let len = hall::row_len(h, seat.row) as usize;
                    // The order `hall::fill` seats a centre-out row in (the podium's mirror).
                    let rank = podium::row_rank(
                        len,
                        seat.col as usize - 1,
                        hall::CENTRE_OUT_SIDE,
                        hall::CENTRE_OUT_EVEN,
                    );
                    (1, seat.row as usize, rank as u32)
                }
                _ => (1, seat.row as usize, seat.col),
            },
        }
    }

    /// Whether the rules, not an instruction, seat `a` ahead of `b` whatever their
    /// precedence, each given with the area it sits in (0 podium, 1 hall): a podium person
    /// on the podium ahead of a hall person in the hall (the scenario's sections), and in
    /// the hall, within a unit, full members ahead of attendees and alternates (PROTOCOL §4).
    /// Someone an instruction took to the other area is compared by seats alone.
    fn rules_seat_first(&self, (a, area_a): (usize, u8), (b, area_b): (usize, u8)) -> bool {
        match (self.seating[a], self.seating[b]) {
            ((Section::Podium, _), (Section::Hall, _)) => (area_a, area_b) == (0, 1),
            // The roles as the roster gives them: a role taken from a `move`'s anchor is the
            // instruction's doing, and so are the inversions it brings.
            ((Section::Hall, _), (Section::Hall, _)) => {
                (area_a, area_b) == (1, 1)
                    && self.s.people[a].role < self.s.people[b].role
                    && self.unit_of[a] == self.unit_of[b]
            }
            _ => false,
        }
    }

    /// A `rank-inversion` for every pair (senior, junior) in which an instruction-affected
    /// person is involved and the junior sits in the more senior seat, unless the rules
    /// seat the junior first anyway ([`Self::rules_seat_first`]), so the instruction did not
    /// cause it. Two people are compared when either sits on the podium or both sit in the
    /// hall in the same unit.
    ///
    /// Each pair is reported once, for the first affected entry that involves it; so an
    /// affected person is compared with everyone but the affected people handled before.
    /// A hall seat is compared only with the podium and its own unit, so the work is
    /// O(n + affected × (podium + unit size)), plus O(n) per affected person on the podium.
    fn report_inversions(&mut self) {
        let affected = std::mem::take(&mut self.affected);
        if affected.is_empty() {
            return;
        }
        let n = self.s.people.len();
        // Seat seniority of every seated person.
        let key: Vec<Option<(u8, usize, u32)>> = (0..n)
            .map(|y| {
                if self.excluded[y] {
                    return None;
                }
                self.placement[y].as_ref().map(|p| self.seat_key(p.seat))
            })
            .collect();
        // Podium people, and hall people by unit, each in input order: unit `c`'s people are
        // `by_unit[unit_start[c]..unit_start[c + 1]]` (one list for all units).
        let classes = self.unit_of.iter().max().map_or(0, |&c| c as usize + 1);
        let mut on_podium = Vec::new();
        let mut unit_start = vec![0usize; classes + 1];
        for (y, k) in key.iter().enumerate() {
            match k {
                Some((0, _, _)) => on_podium.push(y),
                Some(_) => unit_start[self.unit_of[y] as usize + 1] += 1,
                None => {}
            }
        }
        for c in 0..classes {
            unit_start[c + 1] += unit_start[c];
        }
        let mut by_unit = vec![0usize; unit_start[classes]];
        let mut at = unit_start.clone();
        for (y, k) in key.iter().enumerate() {
            if matches!(k, Some((1.., _, _))) {
                let c = self.unit_of[y] as usize;
                by_unit[at[c]] = y;
                at[c] += 1;
            }
        }
        drop(at);
        let mut done = vec![false; n];
        let mut count = vec![0usize; self.s.instructions.len()];
        let (mut x_who, mut x_seat, mut tail) = (String::new(), String::new(), String::new());
        let w = InversionWords::new(self);
        let mut found = Vec::new();
        let mut merged = Vec::new();
        // Every seated person, made when an affected person sits on the podium.
        let mut seated: Option<Vec<usize>> = None;
        for &(x, k) in &affected {
            if std::mem::replace(&mut done[x], true) {
                continue; // every pair with `x` was checked at its first entry
            }
            let Some(kx) = key[x] else { continue };
            let candidates: &[usize] = if kx.0 == 0 {
                seated.get_or_insert_with(|| (0..n).filter(|&y| key[y].is_some()).collect())
            } else {
                merged.clear();
                // Merge the podium and x's unit, both ascending.
                let c = self.unit_of[x] as usize;
                let unit = &by_unit[unit_start[c]..unit_start[c + 1]];
                let (mut a, mut b) = (0, 0);
                while a < on_podium.len() || b < unit.len() {
                    if b == unit.len() || (a < on_podium.len() && on_podium[a] < unit[b]) {
                        merged.push(on_podium[a]);
                        a += 1;
                    } else {
                        merged.push(unit[b]);
                        b += 1;
                    }
                }
                &merged
            };
            let mut prepared = false;
            for &y in candidates {
                if done[y] {
                    continue; // includes y == x
                }
                let ky = key[y].expect("candidates are seated");
                let (junior, senior, ks, kj) =
                    if self.orig_pos[x] < self.orig_pos[y] { (y, x, kx, ky) } else { (x, y, ky, kx) };
                if kj >= ks || self.rules_seat_first((junior, kj.0), (senior, ks.0)) {
                    continue;
                }
                count[k] += 1;
                if count[k] > MAX_INVERSIONS_PER_INSTRUCTION {
                    continue;
                }
                // "{junior} ({id}) (#{n} by rank) sits in {seat}, a more senior seat than
                // {senior} ({id}) (#{n} by rank) in {seat}; caused by instructions[{k}] ({op})",
                // (in Chinese "{junior}（原位次第{n}）坐在{label}，比{senior}（原位次第{n}）的{label}
                // 更尊（位次倒掛）；由 instructions[{k}]（{op}）造成"), appended piece by piece:
                // there can be thousands of these. `x`'s parts are written once per `x`, on its
                // first inversion.
                if !prepared {
                    prepared = true;
                    x_who.clear();
                    w.push_who(&mut x_who, &self.s.people[x], self.orig_pos[x] + 1);
                    x_seat.clear();
                    w.push_seat(&mut x_seat, self.placement[x].as_ref().expect("seated").seat);
                    tail.clear();
                    tail.push_str(&w.tail);
                    hall::push_uint(&mut tail, k);
                    tail.push_str(&w.tail_op);
                    tail.push_str(&op_word(self.s.instructions[k].op, self.lang));
                    tail.push_str(&w.tail_end);
                }
                let yp = &self.s.people[y];
                let y_seat = self.placement[y].as_ref().expect("seated").seat;
                let mut m = String::with_capacity(
                    x_who.len() + x_seat.len() + tail.len() + yp.name.len() + yp.id.len() + 80,
                );
                let j_seat = if junior == x {
                    m.push_str(&x_who);
                    m.push_str(&w.sits);
                    m.push_str(&x_seat);
                    m.push_str(&w.than);
                    w.push_who(&mut m, yp, self.orig_pos[y] + 1);
                    m.push_str(&w.of);
                    w.push_seat(&mut m, y_seat);
                    self.placement[x].as_ref().expect("seated").seat
                } else {
                    w.push_who(&mut m, yp, self.orig_pos[y] + 1);
                    m.push_str(&w.sits);
                    w.push_seat(&mut m, y_seat);
                    m.push_str(&w.than);
                    m.push_str(&x_who);
                    m.push_str(&w.of);
                    m.push_str(&x_seat);
                    y_seat
                };
                m.push_str(&tail);
                let mut seat_id = String::with_capacity(8);
                push_seat(&mut seat_id, j_seat);
                found.push(Diagnostic {
                    level: Level::Warning,
                    code: "rank-inversion".into(),
                    message: m,
                    instruction: Some(k),
                    person: Some(self.s.people[junior].id.clone()),
                    seat: Some(seat_id),
                });
            }
        }
        drop(w);
        self.diags.extend(found);
        for (k, &c) in count.iter().enumerate() {
            if c > MAX_INVERSIONS_PER_INSTRUCTION {
                let more = c - MAX_INVERSIONS_PER_INSTRUCTION;
                self.diag(
                    Level::Warning,
                    "rank-inversion",
                    msg!(
                        self.lang,
                        "instructions[{}] causes {} more rank inversions not listed one by one",
                        "instructions[{}] 另造成{}處位次倒掛，不逐一列出",
                        k,
                        more
                    ),
                    Some(k),
                    None,
                );
            }
        }
    }

    /// The printed label of a seat; `row_labels` are the hall's [`hall::Shape::row_label`]s.
    fn label(&self, seat: SeatId, shape: Option<&hall::Shape>, row_labels: &[String]) -> String {
        match seat.area {
            Area::Podium => {
                let mut l = String::with_capacity(32);
                l.push_str(&self.words.podium);
                hall::push_uint(&mut l, seat.row as usize);
                l.push('排');
                hall::push_uint(&mut l, seat.col as usize);
                l.push_str(&self.words.number);
                l
            }
            Area::Hall => match (shape, row_labels.get((seat.row as usize).wrapping_sub(1))) {
                // The same text as `Shape::label`, with the row's part computed once per row.
                (Some(h), Some(row)) => {
                    let mut l = String::with_capacity(row.len() + 8);
                    l.push_str(row);
                    hall::push_uint(&mut l, h.number(seat, &self.s.convention) as usize);
                    l.push_str(&self.words.number);
                    l
                }
                (Some(h), None) => h.label(seat, &self.s.convention, self.s.meeting.script),
                (None, _) => seat_string(seat),
            },
        }
    }

    /// Banquet, line-ups, vehicles, discussion groups and host–guest occasions, on the final
    /// precedence.
    fn plan_extras(&mut self) -> Extras {
        let s = self.s;
        if !s.has_extras() {
            return Extras {
                banquet: None,
                lineups: Vec::new(),
                vehicles: None,
                groups: None,
                bilateral: Vec::new(),
            };
        }
        let units = s.units.iter().enumerate().map(|(k, u)| (u.id.as_str(), k)).collect();
        // Every id, for the extras' own person references.
        let ids: HashMap<&str, usize> =
            s.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let roster =
            Roster { s: self.s, lang: self.lang, ids: &ids, prec: &self.prec, pos: &self.pos, units };
        let mut diags = Vec::new();
        let banquet = self.s.banquet.as_ref().map(|b| banquet::plan(b, &roster, &mut diags));
        let lineups =
            self.s.lineups.iter().enumerate().map(|(k, l)| lineup::plan(l, k, &roster, &mut diags)).collect();
        let vehicles = self.s.vehicles.as_ref().map(|v| vehicle::plan(v, &roster, &mut diags));
        let groups = self.s.groups.as_ref().map(|g| groups::plan(g, &roster, &mut diags));
        let bilateral =
            s.bilateral.iter().enumerate().map(|(k, b)| bilateral::plan(b, k, &roster, &mut diags)).collect();
        self.diags.extend(diags);
        Extras { banquet, lineups, vehicles, groups, bilateral }
    }

    fn finish(mut self, unseated: Vec<usize>) -> Plan {
        let extras = self.plan_extras();
        let shape = self.s.hall.as_ref().map(hall::Shape::new);
        let shape = shape.as_ref();
        let row_labels: Vec<String> = shape
            .map_or(Vec::new(), |h| (1..=h.rows()).map(|r| h.row_label(r, self.s.meeting.script)).collect());
        // Seats in seat order (podium, then hall, by row and column) through a table indexed
        // by seat, instead of sorting the assignments.
        enum Holder {
            Person(usize),
            Reserved(usize),
        }
        let index = SeatIndex::new(&self.podium_rows, self.s.hall.as_ref());
        let mut by_seat: Vec<Option<Holder>> = Vec::new();
        by_seat.resize_with(index.len(), || None);
        let mut stray: Vec<(SeatId, Holder)> = Vec::new(); // seats outside the table (none expected)
        let holders = self
            .placement
            .iter()
            .enumerate()
            .filter_map(|(i, pl)| pl.as_ref().map(|pl| (pl.seat, Holder::Person(i))))
            .chain(
                self.fixed
                    .iter()
                    .filter(|(_, (h, _))| h.is_none())
                    .map(|(&seat, &(_, k))| (seat, Holder::Reserved(k))),
            );
        let mut count = 0;
        for (seat, h) in holders {
            match index.slot(seat) {
                Some(k) if by_seat[k].is_none() => {
                    by_seat[k] = Some(h);
                    count += 1;
                }
                _ => stray.push((seat, h)),
            }
        }
        let mut placement = std::mem::take(&mut self.placement);
        let this = &self;
        let mut assignment = |seat: SeatId, h: Holder| {
            let label = this.label(seat, shape, &row_labels);
            match h {
                Holder::Person(i) => {
                    let pl = placement[i].take().expect("a placed person");
                    SeatAssignment {
                        seat: seat_string(seat),
                        person: Some(this.s.people[i].id.clone()),
                        reserved: false,
                        label,
                        reason: pl.reason,
                        instruction: pl.instruction,
                    }
                }
                Holder::Reserved(k) => {
                    let ins: &Instruction = &this.s.instructions[k];
                    SeatAssignment {
                        seat: seat_string(seat),
                        person: None,
                        reserved: true,
                        label,
                        reason: instruction_reason(
                            self.lang,
                            &self.lang.text("reserved", "預留座位"),
                            ins,
                            k,
                            false,
                        ),
                        instruction: Some(k),
                    }
                }
            }
        };
        let mut seats = Vec::with_capacity(count + stray.len());
        if stray.is_empty() {
            // The table in order, row by row.
            for (area, starts) in [(Area::Podium, &index.podium_start), (Area::Hall, &index.hall_start)] {
                for (row, w) in (1..).zip(starts.windows(2)) {
                    for (col, h) in (1..).zip(&mut by_seat[w[0]..w[1]]) {
                        if let Some(h) = h.take() {
                            seats.push(assignment(SeatId { area, row, col }, h));
                        }
                    }
                }
            }
        } else {
            let mut ordered: Vec<(SeatId, Holder)> = Vec::with_capacity(count + stray.len());
            ordered
                .extend(by_seat.into_iter().enumerate().filter_map(|(k, h)| h.map(|h| (index.seat(k), h))));
            ordered.extend(stray);
            crate::sort::sort_by_key(&mut ordered, |(id, _)| *id);
            for (seat, h) in ordered {
                seats.push(assignment(seat, h));
            }
        }
        Plan {
            format: PLAN_FORMAT.to_string(),
            precedence: self.prec.iter().map(|&i| self.s.people[i].id.clone()).collect(),
            seats,
            unseated: unseated.iter().map(|&i| self.s.people[i].id.clone()).collect(),
            diagnostics: self.diags,
            banquet: extras.banquet,
            lineups: extras.lineups,
            vehicles: extras.vehicles,
            groups: extras.groups,
            bilateral: extras.bilateral,
        }
    }
}

/// Dense numbering of the venue's seats in seat order (podium rows, then hall rows, each
/// by column), for tables indexed by seat.
struct SeatIndex {
    /// First index of each podium row, then of each hall row, and the total at the end.
    podium_start: Vec<usize>,
    hall_start: Vec<usize>,
}

impl SeatIndex {
    fn new(podium_rows: &[u32], hall: Option<&crate::scenario::HallSpec>) -> SeatIndex {
        let mut at = 0;
        let mut podium_start = vec![0];
        for &len in podium_rows {
            at += len as usize;
            podium_start.push(at);
        }
        let mut hall_start = vec![at];
        if let Some(h) = hall {
            let shape = hall::Shape::new(h);
            for r in 1..=shape.rows() {
                at += shape.row(r).map_or(0, |r| r.len as usize);
                hall_start.push(at);
            }
        }
        SeatIndex { podium_start, hall_start }
    }

    fn len(&self) -> usize {
        *self.hall_start.last().expect("never empty")
    }

    /// The index of a seat of the venue, or `None` for a seat it does not have.
    fn slot(&self, id: SeatId) -> Option<usize> {
        let starts = match id.area {
            Area::Podium => &self.podium_start,
            Area::Hall => &self.hall_start,
        };
        let r = (id.row as usize).checked_sub(1)?;
        let (&from, &to) = (starts.get(r)?, starts.get(r + 1)?);
        let c = (id.col as usize).checked_sub(1)?;
        (from + c < to).then_some(from + c)
    }

    /// The seat at index `k` (`k < len()`).
    fn seat(&self, k: usize) -> SeatId {
        let (area, starts) = if k < self.hall_start[0] {
            (Area::Podium, &self.podium_start)
        } else {
            (Area::Hall, &self.hall_start)
        };
        let r = starts.partition_point(|&s| s <= k) - 1;
        SeatId { area, row: r as u32 + 1, col: (k - starts[r]) as u32 + 1 }
    }
}

/// `seat.to_string()` without the formatting machinery (the plan writes one per seat).
fn seat_string(seat: SeatId) -> String {
    let mut s =
        String::with_capacity(2 + hall::uint_len(seat.row as usize) + hall::uint_len(seat.col as usize));
    push_seat(&mut s, seat);
    s
}

/// "{what}{provenance} (instructions[{k}]{end}", e.g. "pinned by 秘書長 (instructions[3],
/// 按領導意見辦)".
/// "pinned by 張書記 (2026-12-02): 分管 (instructions[3], 按領導意見辦)", or in Chinese
/// "固定座位（instructions[3]；指示人：張書記；2026-12-02；原因：分管；按領導意見辦）":
/// what was done, who asked, when and why, and the instruction. `leader`: the seat is the
/// leader's instruction (按領導意見辦), not only kept free.
fn instruction_reason(lang: Lang, what: &str, ins: &Instruction, k: usize, leader: bool) -> String {
    if !lang.is_en() {
        let mut r = String::with_capacity(what.len() + 64);
        r.push_str(what);
        r.push_str("（instructions[");
        hall::push_uint(&mut r, k);
        r.push(']');
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().filter(|b| !b.is_empty())
        }
        if let Some(by) = given(&ins.by) {
            r.push_str(&lang.text("", "；指示人："));
            r.push_str(by);
        }
        if let Some(at) = given(&ins.at) {
            r.push('；');
            r.push_str(at);
        }
        if let Some(note) = given(&ins.note) {
            r.push_str(&lang.text("", "；原因："));
            r.push_str(note);
        }
        if leader {
            r.push_str(&lang.text("", "；按領導意見辦"));
        }
        r.push('）');
        return r;
    }
    let provenance = ins.provenance();
    let end = if leader { ", 按領導意見辦)" } else { ")" };
    let mut r = String::with_capacity(what.len() + provenance.len() + 16 + hall::uint_len(k) + end.len());
    r.push_str(what);
    r.push_str(&provenance);
    r.push_str(" (instructions[");
    hall::push_uint(&mut r, k);
    r.push(']');
    r.push_str(end);
    r
}

/// An instruction's word in the plan's prose: `pin`, or 固定座位.
fn op_word(op: Op, lang: Lang) -> Cow<'static, str> {
    let zh = match op {
        Op::Pin => "固定座位",
        Op::Swap => "對調",
        Op::Move => "調整排序",
        Op::Reserve => "預留座位",
        Op::Exclude => "請假",
    };
    lang.text(op.name(), zh)
}

/// The group of people without a (known) unit: "(no unit)", （無單位）.
fn no_unit(lang: Lang) -> Cow<'static, str> {
    lang.text("(no unit)", "（無單位）")
}

/// The words of a `rank-inversion` message in the plan's language, looked up once per plan:
/// in English seats are named by id (`P1-3`), in Chinese by their printed label
/// (主席臺第1排3號, as the chart shows them).
struct InversionWords<'p> {
    planner: &'p Planner<'p>,
    /// The hall's shape and row labels, for Chinese seat labels.
    shape: Option<hall::Shape>,
    row_labels: Vec<String>,
    /// `" (#"` / `（原位次第`, and `" by rank)"` / `）`.
    rank: (Cow<'static, str>, Cow<'static, str>),
    sits: Cow<'static, str>,
    than: Cow<'static, str>,
    of: Cow<'static, str>,
    tail: Cow<'static, str>,
    tail_op: Cow<'static, str>,
    tail_end: Cow<'static, str>,
}

impl<'p> InversionWords<'p> {
    fn new(planner: &'p Planner<'p>) -> InversionWords<'p> {
        let lang = planner.lang;
        let shape = if lang.is_en() { None } else { planner.s.hall.as_ref().map(hall::Shape::new) };
        let script = planner.s.meeting.script;
        let row_labels =
            shape.as_ref().map_or(Vec::new(), |h| (1..=h.rows()).map(|r| h.row_label(r, script)).collect());
        InversionWords {
            planner,
            shape,
            row_labels,
            rank: (lang.text(" (#", "（原位次第"), lang.text(" by rank)", "）")),
            sits: lang.text(" sits in ", "坐在"),
            than: lang.text(", a more senior seat than ", "，比"),
            of: lang.text(" in ", "的"),
            tail: lang.text("; caused by instructions[", "更尊（位次倒掛）；由 instructions["),
            tail_op: lang.text("] (", "]（"),
            tail_end: lang.text(")", "）造成"),
        }
    }

    /// Appends "{name} ({id}) (#{number} by rank)", or "{name} ({id})（原位次第{number}）".
    fn push_who(&self, out: &mut String, p: &Person, number: usize) {
        out.push_str(&p.name);
        out.push_str(" (");
        out.push_str(&p.id);
        out.push(')');
        out.push_str(&self.rank.0);
        hall::push_uint(out, number);
        out.push_str(&self.rank.1);
    }

    /// Appends the seat's id, or in Chinese its printed label.
    fn push_seat(&self, out: &mut String, seat: SeatId) {
        if self.planner.lang.is_en() {
            push_seat(out, seat);
        } else {
            out.push_str(&self.planner.label(seat, self.shape.as_ref(), &self.row_labels));
        }
    }
}

/// Appends the seat's id (`seat.to_string()`).
fn push_seat(out: &mut String, seat: SeatId) {
    out.push(match seat.area {
        Area::Podium => 'P',
        Area::Hall => 'H',
    });
    hall::push_uint(out, seat.row as usize);
    out.push('-');
    hall::push_uint(out, seat.col as usize);
}

/// Person id → index (the last person with the id, like collecting every id into a map),
/// for the ids named by instructions only. Hashing all n ids would cost more than the rest
/// of a large plan's bookkeeping, so a 4,096-bit filter on a cheap hash of the named ids
/// lets almost every person through with one FNV pass over their id.
fn instruction_ids(s: &Scenario) -> HashMap<&str, usize> {
    let mut wanted: HashMap<&str, usize> = HashMap::with_capacity(2 * s.instructions.len());
    for ins in &s.instructions {
        let named = ins.person.iter().chain(&ins.after).chain(ins.people.iter().flatten());
        for id in named {
            wanted.insert(id.as_str(), usize::MAX);
        }
    }
    if wanted.is_empty() {
        return wanted;
    }
    let bit = |id: &str| {
        let h = id.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        let h = (h ^ (h >> 16)) as usize & 4095;
        (h >> 6, 1u64 << (h & 63))
    };
    let mut filter = [0u64; 64];
    for id in wanted.keys() {
        let (w, b) = bit(id);
        filter[w] |= b;
    }
    for (i, p) in s.people.iter().enumerate() {
        let (w, b) = bit(&p.id);
        if filter[w] & b != 0 {
            if let Some(v) = wanted.get_mut(p.id.as_str()) {
                *v = i;
            }
        }
    }
    wanted.retain(|_, v| *v != usize::MAX);
    wanted
}

/// Podium seats a shrunk podium must keep (`podium.shrink`): its people present, less those
/// pinned to a hall seat, plus the podium seats that `reserve`s and pins of other people
/// take and that the shrunk rows reach. `ids` maps the ids instructions name to people;
/// `excluded[i]` says who is absent.
///
/// A named seat counts only if it is in the rows shrunk with it counted (the largest such
/// set): with 2 people in a declared row of 5, a reserve on P1-3 keeps a third seat, and
/// one on P1-5 does not (it is outside the shrunk row, and reported so), rather than
/// widening a row whose extra seat then stays empty.
pub(crate) fn podium_places(s: &Scenario, ids: &HashMap<&str, usize>, excluded: &[bool]) -> usize {
    let declared = s.podium.as_ref().map_or(&[][..], |p| &p.rows[..]);
    // Which pins apply depends on the rows (a pin outside them is refused, and frees its
    // person's next pin), and the rows on the pins: from the declared rows, shrink until
    // the rows hold. Each round leaves the rows as they were or shorter, so this ends.
    let mut rows = declared.to_vec();
    loop {
        let (people, taken) = podium_claims(s, ids, excluded, &rows);
        let next = podium::shrink(declared, people + taken.len());
        // Shrunk rows fill from the front, so equal totals are equal rows.
        if next.iter().sum::<u32>() >= rows.iter().sum::<u32>() {
            return people + taken.len();
        }
        rows = next;
    }
}

/// Whether podium rows of these lengths (front row first) have `seat`.
fn in_rows(rows: &[u32], seat: SeatId) -> bool {
    rows.get((seat.row as usize).wrapping_sub(1)).is_some_and(|&len| (1..=len).contains(&seat.col))
}

/// The podium's people present (less those pinned to a usable hall seat) and the podium
/// seats in `rows` that `reserve`s and pins of people from the hall name, counting only
/// the instructions `apply_fixed_seats` will apply with podium rows `rows`.
fn podium_claims(
    s: &Scenario,
    ids: &HashMap<&str, usize>,
    excluded: &[bool],
    rows: &[u32],
) -> (usize, HashSet<SeatId>) {
    let on_podium = |i: usize| s.people[i].section == Section::Podium;
    let mut people = (0..s.people.len()).filter(|&i| !excluded[i] && on_podium(i)).count();
    let mut taken: HashSet<SeatId> = HashSet::new();
    let mut pinned: HashSet<usize> = HashSet::new();
    // Seats an earlier applied pin or reserve holds: a later one on them is refused
    // (`seat-conflict`), as `apply_fixed_seats` refuses it, and so changes nothing here.
    let mut fixed: HashSet<SeatId> = HashSet::new();
    let usable = |seat: SeatId| match seat.area {
        Area::Podium => in_rows(rows, seat),
        Area::Hall => hall_seat_usable(s, seat),
    };
    for ins in &s.instructions {
        let Some(seat) = ins.seat.as_deref().and_then(|t| t.parse::<SeatId>().ok()) else { continue };
        match ins.op {
            Op::Reserve => {
                let applied = usable(seat) && fixed.insert(seat);
                if applied && seat.area == Area::Podium {
                    taken.insert(seat);
                }
            }
            Op::Pin => {
                let Some(&i) = ins.person.as_deref().and_then(|id| ids.get(id)) else { continue };
                if excluded[i] || !usable(seat) || fixed.contains(&seat) || !pinned.insert(i) {
                    continue; // not applied: absent, no such seat, the seat taken, or pinned before
                }
                fixed.insert(seat);
                match seat.area {
                    Area::Podium if !on_podium(i) => {
                        taken.insert(seat);
                    }
                    // Only a usable hall seat takes the person off the podium.
                    Area::Hall if on_podium(i) && hall_seat_usable(s, seat) => people -= 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    (people, taken)
}

/// Whether `seat` is a seat of the scenario's hall that is not blocked.
fn hall_seat_usable(s: &Scenario, seat: SeatId) -> bool {
    s.hall.as_ref().is_some_and(|h| {
        hall::exists(h, seat.row, seat.col) && !h.blocked.iter().any(|b| b.parse::<SeatId>() == Ok(seat))
    })
}

/// Each person's unit as a small integer that is equal exactly when their `unit` fields are
/// equal: the unit's index in `s.units` (the last one for a repeated id), `s.units.len() + k`
/// for the k-th unit id that is not in `s.units`, and one more than all of those for none.
fn unit_classes(s: &Scenario) -> Vec<u32> {
    let known: HashMap<&str, u32> =
        s.units.iter().enumerate().map(|(k, u)| (u.id.as_str(), k as u32)).collect();
    let mut unknown: HashMap<&str, u32> = HashMap::new();
    let mut out: Vec<u32> = Vec::with_capacity(s.people.len());
    let mut none_people = Vec::new();
    // A roster names a few hundred units thousands of times: a two-way cache on a cheap hash
    // (FNV-1a), four slots per unit, answers nearly every look-up without SipHash. An entry
    // is used only when its id is equal, so a collision costs a map look-up, never a wrong
    // class (and crafted ids cannot make it slower than the map alone).
    let slots = (4 * s.units.len() + 4).next_power_of_two().min(1 << 14);
    let mut cache: Vec<(&str, u32)> = vec![("", u32::MAX); slots];
    let slot = |u: &str| {
        let h = u.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        (h ^ (h >> 16)) as usize & (slots - 1)
    };
    for (i, p) in s.people.iter().enumerate() {
        let Some(u) = p.unit.as_deref() else {
            none_people.push(i);
            out.push(0);
            continue;
        };
        let h = slot(u);
        let class = match (cache[h], cache[h ^ 1]) {
            ((cu, c), _) if c != u32::MAX && cu == u => c,
            (_, (cu, c)) if c != u32::MAX && cu == u => c,
            ((_, first), _) => {
                let c = match known.get(u) {
                    Some(&k) => k,
                    None => {
                        let next = s.units.len() as u32 + unknown.len() as u32;
                        *unknown.entry(u).or_insert(next)
                    }
                };
                // The first way when it is free, else the second.
                cache[if first == u32::MAX { h } else { h ^ 1 }] = (u, c);
                c
            }
        };
        out.push(class);
    }
    let none = s.units.len() as u32 + unknown.len() as u32;
    for i in none_people {
        out[i] = none;
    }
    out
}

/// The plans of the optional sections.
struct Extras {
    banquet: Option<BanquetPlan>,
    lineups: Vec<LineupPlan>,
    vehicles: Option<VehiclePlan>,
    groups: Option<GroupsPlan>,
    bilateral: Vec<BilateralPlan>,
}

impl Plan {
    /// Serialises the plan as pretty JSON.
    pub fn to_json(&self) -> String {
        crate::json::pretty(&serde_json::to_string(self).expect("a plan always serialises"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Unit;
    use serde_json::json;

    /// `unit_classes` against the plain map it stands for: known units (one id repeated: the
    /// last one counts), no unit, and more unknown unit ids than the cache has slots, so that
    /// entries collide and evict each other.
    #[test]
    fn unit_classes_match_a_plain_map() {
        let mut s = Scenario::new();
        for u in 0..300 {
            s.units.push(Unit { id: format!("u{u}"), name: format!("n{u}") });
        }
        s.units.push(Unit { id: "u7".into(), name: "again".into() });
        let mut state = 1u64;
        for i in 0..20_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let r = (state >> 33) as usize;
            let unit = match r % 50 {
                0 => None,
                1..=9 => Some(format!("x{}", r % 5000)),
                _ => Some(format!("u{}", r % 310)),
            };
            let p = json!({"id": format!("p{i}"), "name": "王晨", "unit": unit});
            s.people.push(serde_json::from_value(p).expect("a person"));
        }
        let got = unit_classes(&s);
        let known: HashMap<&str, u32> =
            s.units.iter().enumerate().map(|(k, u)| (u.id.as_str(), k as u32)).collect();
        let mut unknown: Vec<&str> = Vec::new();
        for u in s.people.iter().filter_map(|p| p.unit.as_deref()) {
            if !known.contains_key(u) && !unknown.contains(&u) {
                unknown.push(u);
            }
        }
        let none = (s.units.len() + unknown.len()) as u32;
        for (p, &class) in s.people.iter().zip(&got) {
            let want = match p.unit.as_deref() {
                None => none,
                Some(u) => known.get(u).copied().unwrap_or_else(|| {
                    (s.units.len() + unknown.iter().position(|&x| x == u).expect("listed")) as u32
                }),
            };
            assert_eq!(class, want, "{}: {:?}", p.id, p.unit);
        }
    }
}
