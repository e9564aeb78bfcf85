//! Host–guest occasions (PROTOCOL §3): talks across a table (會談), a signing ceremony
//! (簽字儀式) and a side-by-side call (會見). Each person's `side` (`host` or `guest`) says
//! which party they belong to; people without a side count as the host side.
//!
//! Every occasion puts places on rows of a line: row 1 is at the table (or the front line),
//! rows 2, 3, … are behind it. `position` runs along the line from 1:
//! - `talks`, table `facing-door`: from the left as seen from the door. Guests sit on the
//!   far side facing the door (客人面向正門), hosts on the near side with their backs to it.
//! - `talks`, table `end-on` (one end towards the door): from the far end towards the door.
//!   Guests sit on the right as you enter (右為客方), hosts on the left.
//! - `signing`: from the audience's left; the signers face the audience.
//! - `side-by-side`: from the left as seen from the door; the principals face the door.
//!
//! A place with the same `position` on both sides of a talks table faces its opposite
//! number; the principals (主談人) face each other in the middle.
//!
//! The rules:
//! - **Principal**: the most senior person of each party who is not an interpreter or a
//!   signing assistant.
//! - **talks**: the others of each party sit one to the principal's own right, one to the
//!   own left, outward in precedence (其他人按禮賓順序一右一左排列). Interpreters
//!   (`interpreters`) take the seat on their principal's own right (`interpreter: right`,
//!   the default; 占位不占數: the seat does not count in the order) or sit behind the
//!   principal (`interpreter: behind`), as some countries do. A party's second and further
//!   interpreters sit behind.
//! - **signing**: the guest signer on the host signer's right (主左客右; audience view
//!   `guest-assistant GuestSigner HostSigner host-assistant`). Assistants (助簽人,
//!   `assistants`) stand on the outer side of their own signer. The others stand behind
//!   their own signer in rows, front row highest (前高後低), each row from the middle
//!   outward to their party's side; `per_row` caps a party's row (default: one row).
//!   Interpreters stand with the staff, by precedence.
//! - **side-by-side**: the guest of honour on the host's right (door view `Guest Host`);
//!   each party's others sit on its principal's side, outward in precedence; interpreters
//!   (and notetakers listed as interpreters) sit behind their principal.
//!
//! Special instructions: `move` and `exclude` change precedence and so apply here too;
//! `pin`, `reserve` and `swap` name podium and hall seats only.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::keyword::keywords;
use crate::lang::{msg, Lang};
use crate::plan::{Diagnostic, Level, Roster};
use crate::scenario::{invalid, is_default, Party, Section};

/// Which host–guest occasion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum BilateralKind {
    /// Talks across a long table (會談), the default.
    #[default]
    Talks,
    /// A signing ceremony (簽字儀式).
    Signing,
    /// A call in a reception room, principals side by side (會見).
    SideBySide,
}
keywords!(BilateralKind { Talks = "talks", Signing = "signing", SideBySide = "side-by-side" });

/// How the talks table stands to the door.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum TalksTable {
    /// Long side towards the door: guests face the door, hosts have their backs to it (default).
    #[default]
    FacingDoor,
    /// One end towards the door: guests on the right as you enter, hosts on the left.
    EndOn,
}
keywords!(TalksTable { FacingDoor = "facing-door", EndOn = "end-on" });

/// Where a talks interpreter sits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum InterpreterPlace {
    /// At the table, on the principal's own right (the Chinese custom; default).
    #[default]
    Right,
    /// Behind the principal.
    Behind,
}
keywords!(InterpreterPlace { Right = "right", Behind = "behind" });

/// One host–guest occasion to plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BilateralSpec {
    /// Name, e.g. 會談 or 友好城市協議簽字儀式.
    pub name: String,
    /// `talks` (default), `signing` or `side-by-side`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: BilateralKind,
    /// Talks: `facing-door` (default) or `end-on`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub table: TalksTable,
    /// Talks: interpreters sit on the principal's `right` (default) or `behind`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub interpreter: InterpreterPlace,
    /// Interpreters (person ids), each of their own `side`. They take part even when not in
    /// `people`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpreters: Vec<String>,
    /// Signing: assistants (助簽人, person ids), standing beside their own signer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assistants: Vec<String>,
    /// Signing: at most this many of a party in one row behind the signers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_row: Option<u32>,
    /// Who takes part (person ids). Default: everyone present in `section`, or everyone present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// Only people of this section take part (when `people` is not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

impl BilateralSpec {
    /// Checks what serde cannot; `field` is the spec's path (`bilateral[0]`), messages in
    /// `lang`.
    pub fn validate(&self, field: &str, lang: Lang) -> Result<(), Error> {
        if self.per_row == Some(0) {
            return Err(invalid(format!("{field}.per_row"), crate::lineup::one_per_row(lang)));
        }
        if !self.assistants.is_empty() && self.kind != BilateralKind::Signing {
            return Err(invalid(
                format!("{field}.assistants"),
                lang.text(
                    "assistants (助簽人) are for `kind: signing` only",
                    "助簽人（assistants）只用於簽字儀式（`kind: signing`）",
                )
                .into_owned(),
            ));
        }
        Ok(())
    }
}

/// What a person does at the occasion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum BilateralRole {
    /// The party's principal: 主談人, 簽字人, 主人 or 主賓.
    Principal,
    /// An interpreter (譯員).
    Interpreter,
    /// A signing assistant (助簽人).
    Assistant,
    /// Everyone else of the party (陪同人員).
    Member,
}
keywords!(BilateralRole {
    Principal = "principal",
    Interpreter = "interpreter",
    Assistant = "assistant",
    Member = "member",
});

/// A planned host–guest occasion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BilateralPlan {
    /// The occasion's name.
    pub name: String,
    /// `talks`, `signing` or `side-by-side`.
    pub kind: BilateralKind,
    /// Talks: how the table stands to the door.
    #[serde(default, skip_serializing_if = "is_default")]
    pub table: TalksTable,
    /// Positions along the line: every `position` is in `1..=length`.
    pub length: u32,
    /// Every place, guests first, then by row and position.
    pub places: Vec<BilateralPlace>,
}

/// One person's place at a host–guest occasion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BilateralPlace {
    /// Person id.
    pub person: String,
    /// `host` or `guest`.
    pub party: Party,
    /// What the person does there.
    pub role: BilateralRole,
    /// 1 = at the table or in the front line, 2, 3, … behind it.
    pub row: u32,
    /// 1-based place along the line (see the module docs for the direction).
    pub position: u32,
    /// Printed label, e.g. 客方 主談人.
    pub label: String,
    /// Why this person is here, in words.
    pub reason: String,
}

/// A place before it is numbered: `col` is signed along the line (see `plan`).
struct Draft {
    person: usize,
    party: Party,
    role: BilateralRole,
    row: u32,
    col: i64,
    /// 1-based number within the party, interpreters and assistants not counted.
    number: Option<usize>,
    reason: String,
}

/// Plans occasion `k` on the roster's final precedence.
pub(crate) fn plan(
    spec: &BilateralSpec,
    k: usize,
    roster: &Roster,
    diags: &mut Vec<Diagnostic>,
) -> BilateralPlan {
    let lang = roster.lang;
    let field = format!("bilateral[{k}]");
    let interpreter_list = roster.resolve(&format!("{field}.interpreters"), &spec.interpreters, diags);
    let interpreters: HashSet<usize> = interpreter_list.iter().copied().collect();
    let assistant_list = roster.resolve(&format!("{field}.assistants"), &spec.assistants, diags);
    let assistants: HashSet<usize> = assistant_list.iter().copied().collect();
    // In the order listed, not the set's (random) order: the plan is deterministic.
    for &i in interpreter_list.iter().filter(|i| assistants.contains(i)) {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "conflicting-roles".into(),
            message: msg!(
                lang,
                "{} ({}): {} is listed as interpreter and as assistant; taken as interpreter",
                "{}（{}）：{}同時列為譯員和助簽人；按譯員安排",
                field,
                spec.name,
                roster.who(i)
            ),
            person: Some(roster.person(i).id.clone()),
            ..Diagnostic::default()
        });
    }
    // The selected people and the interpreters and assistants, each once, in precedence.
    let mut people = roster.select(&field, spec.people.as_deref(), spec.section, diags);
    people.extend(interpreter_list.iter().chain(&assistant_list));
    crate::sort::sort_by_key(&mut people, |&i| roster.pos[i]);
    people.dedup();
    let role = |i: usize| {
        if interpreters.contains(&i) {
            BilateralRole::Interpreter
        } else if assistants.contains(&i) {
            BilateralRole::Assistant
        } else {
            BilateralRole::Member
        }
    };
    let mut drafts = Vec::new();
    for party in [Party::Guest, Party::Host] {
        let members: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&i| roster.person(i).side.unwrap_or(Party::Host) == party)
            .collect();
        let word = party.name();
        if !members.iter().any(|&i| role(i) == BilateralRole::Member) {
            diags.push(Diagnostic {
                level: Level::Warning,
                code: "no-principal".into(),
                message: msg!(
                    lang,
                    "{} ({}): nobody on the {} side to lead it; give people \"side\": \"{}\"",
                    "{}（{}）：{}無人領銜；請給人員設定 \"side\": \"{}\"",
                    field,
                    spec.name,
                    party_word(party, lang),
                    word
                ),
                ..Diagnostic::default()
            });
        }
        let mut roles: Vec<BilateralRole> = members.iter().map(|&i| role(i)).collect();
        // The most senior member leads the party.
        if let Some(first) = roles.iter().position(|&r| r == BilateralRole::Member) {
            roles[first] = BilateralRole::Principal;
        }
        let party_drafts = match spec.kind {
            BilateralKind::Talks => talks_side(spec, party, &members, &roles, lang),
            BilateralKind::Signing => signing_side(spec, party, &members, &roles, lang),
            BilateralKind::SideBySide => side_by_side(party, &members, &roles, lang),
        };
        drafts.extend(party_drafts);
    }
    number(spec, roster, drafts)
}

/// The party in prose: `guest` or `host` (the file's words) in English, 客方 or 主方 in Chinese.
fn party_word(party: Party, lang: Lang) -> std::borrow::Cow<'static, str> {
    lang.text(party.name(), party.word())
}

/// Numbers each party's members (1 = principal) in precedence order; interpreters and
/// assistants get `None`.
fn numbers(roles: &[BilateralRole]) -> Vec<Option<usize>> {
    let mut n = 0;
    roles
        .iter()
        .map(|&r| match r {
            BilateralRole::Principal | BilateralRole::Member => {
                n += 1;
                Some(n)
            }
            _ => None,
        })
        .collect()
}

/// The seats of `count` people filling a row one to the principal's own right, one to the
/// own left, outward: offsets +1, −1, +2, −2, … (own right positive), each side skipping
/// the seats in `taken`.
fn alternate(taken: &[i64], count: usize) -> Vec<i64> {
    let (mut right, mut left) = (1i64, -1i64);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let right_turn = out.len() % 2 == 0;
        let seat = if right_turn { &mut right } else { &mut left };
        while taken.contains(seat) {
            *seat += if right_turn { 1 } else { -1 };
        }
        out.push(*seat);
        *seat += if right_turn { 1 } else { -1 };
    }
    out
}

/// One side of a talks table. Offsets are along the principal's own right (positive); the
/// guests face the hosts, so a guest's own right is the opposite direction of a host's:
/// `col = -offset` for guests and `+offset` for hosts puts both parties on one axis, from
/// the door's left (facing-door) or the far end (end-on).
fn talks_side(
    spec: &BilateralSpec,
    party: Party,
    members: &[usize],
    roles: &[BilateralRole],
    lang: Lang,
) -> Vec<Draft> {
    let sign = if party == Party::Guest { -1 } else { 1 };
    let nums = numbers(roles);
    let mut out = Vec::new();
    let mut at_table: Vec<i64> = vec![0];
    // Interpreters: the first at the own right, when the setting says so; the rest behind.
    let mut behind = Vec::new();
    for (j, &r) in roles.iter().enumerate() {
        if r != BilateralRole::Interpreter {
            continue;
        }
        if spec.interpreter == InterpreterPlace::Right && !at_table.contains(&1) {
            at_table.push(1);
            out.push(Draft {
                person: members[j],
                party,
                role: r,
                row: 1,
                col: sign,
                number: None,
                reason: lang
                    .text(
                        "interpreter (譯員) on the principal's own right (占位不占數: the seat is not counted)",
                        "譯員，在主談人本人右側（占位不占數）",
                    )
                    .into_owned(),
            });
        } else {
            behind.push(j);
        }
    }
    // Behind: directly behind the principal first, then one to the own right, one to the
    // own left, outward.
    let behind_offsets = std::iter::once(0).chain(alternate(&[0], behind.len().saturating_sub(1)));
    let why = match spec.interpreter {
        InterpreterPlace::Behind => lang.text(
            "interpreter (譯員) behind the principal (`interpreter: behind`)",
            "譯員，在主談人身後（`interpreter: behind`）",
        ),
        InterpreterPlace::Right => lang.text(
            "interpreter (譯員) behind the principal: the seat at the principal's right is taken by the first interpreter",
            "譯員，在主談人身後：主談人右側已由第一位譯員就座",
        ),
    };
    for (&j, off) in behind.iter().zip(behind_offsets) {
        out.push(Draft {
            person: members[j],
            party,
            role: BilateralRole::Interpreter,
            row: 2,
            col: sign * off,
            number: None,
            reason: why.clone().into_owned(),
        });
    }
    let others: Vec<usize> = (0..members.len()).filter(|&j| roles[j] == BilateralRole::Member).collect();
    let seats = alternate(&at_table, others.len());
    let facing = match (spec.table, party) {
        (TalksTable::FacingDoor, Party::Guest) => {
            lang.text("guest side, facing the door (客人面向正門)", "客方一側（客人面向正門）")
        }
        (TalksTable::FacingDoor, Party::Host) => {
            lang.text("host side, back to the door (主人背門)", "主方一側（主人背門）")
        }
        (TalksTable::EndOn, Party::Guest) => {
            lang.text("guest side, on the right as you enter (右為客方)", "進門右側的客方一側（右為客方）")
        }
        (TalksTable::EndOn, Party::Host) => {
            lang.text("host side, on the left as you enter (左為主方)", "進門左側的主方一側（左為主方）")
        }
    };
    let party_word = party_word(party, lang);
    if let Some(p) = roles.iter().position(|&r| r == BilateralRole::Principal) {
        out.push(Draft {
            person: members[p],
            party,
            role: BilateralRole::Principal,
            row: 1,
            col: 0,
            number: nums[p],
            reason: msg!(
                lang,
                "principal (主談人): the {}'s most senior, in the middle of the {}; the principals face each other",
                "主談人：{}位次最前者，居{}正中；雙方主談人相對而坐",
                party_word,
                facing
            ),
        });
    }
    // `#{n} of the {party} side: {d} seat(s) to the principal's own {right|left} (…)`,
    // converted once: Chinese puts the side before the number of seats.
    // (Each language's template leaves out the party in one of the two halves.)
    let head = (msg!(lang, "#", "{}第", party_word), msg!(lang, " of the {} side: ", "位：", party_word));
    let rule = lang.text(" (其他人按禮賓順序一右一左排列)", "（其他人按禮賓順序一右一左排列）");
    let right = (lang.text("", "主談人本人右側第"), lang.text(" seat(s) to the principal's own right", "座"));
    let left = (lang.text("", "主談人本人左側第"), lang.text(" seat(s) to the principal's own left", "座"));
    for (&j, &off) in others.iter().zip(&seats) {
        let (own_pre, own_post) = if off > 0 { &right } else { &left };
        out.push(Draft {
            person: members[j],
            party,
            role: BilateralRole::Member,
            row: 1,
            col: sign * off,
            number: nums[j],
            reason: format!(
                "{}{}{}{own_pre}{}{own_post}{rule}",
                head.0,
                nums[j].unwrap_or(0),
                head.1,
                off.abs()
            ),
        });
    }
    out
}

/// One party at a signing ceremony, seen from the audience: the guest signer at column −1,
/// the host signer at 0 (the guest on the host's right); assistants outward beside their
/// signer; the rest in rows behind, from the middle outward to the party's side.
fn signing_side(
    spec: &BilateralSpec,
    party: Party,
    members: &[usize],
    roles: &[BilateralRole],
    lang: Lang,
) -> Vec<Draft> {
    // Column of the k-th place (0-based) outward from the middle on this party's side.
    let col = |k: usize| if party == Party::Guest { -1 - k as i64 } else { k as i64 };
    let nums = numbers(roles);
    let mut out = Vec::new();
    let mut assistants = 0;
    let mut staff = 0;
    // `validate` rejects 0; a spec built in code has not been through it.
    let per_row = spec.per_row.map_or(usize::MAX, |w| w.max(1) as usize);
    let side = match party {
        Party::Guest => lang.text("on the host signer's right (主左客右)", "位於主方簽字人右側（主左客右）"),
        Party::Host => lang.text("on the guest signer's left (主左客右)", "位於客方簽字人左側（主左客右）"),
    };
    let party_word = party_word(party, lang);
    let assistant = lang.text(
        "assistant (助簽人), standing on the outer side of the own signer",
        "助簽人，站在本方簽字人外側",
    );
    // `standing behind the own signer, row {} behind the table (前高後低), {1st} from the
    // middle`, converted once.
    let s1 = lang.text("standing behind the own signer, row ", "站在本方簽字人身後，桌後第");
    let s2 = lang.text(" behind the table (前高後低), ", "排（前高後低），自中間起第");
    let s3 = lang.text(" from the middle", "位");
    for (j, &r) in roles.iter().enumerate() {
        let (row, c, reason) = match r {
            BilateralRole::Principal => (
                1,
                col(0),
                msg!(
                    lang,
                    "{} signer (簽字人): the {}'s most senior, at the table {}",
                    "{}簽字人：{}位次最前者，在簽字桌前，{}",
                    party_word,
                    party_word,
                    side
                ),
            ),
            BilateralRole::Assistant => {
                assistants += 1;
                (1, col(assistants), assistant.clone().into_owned())
            }
            _ => {
                let k = staff;
                staff += 1;
                let row = 2 + (k / per_row) as u32;
                let place = k % per_row;
                (row, col(place), format!("{s1}{}{s2}{}{s3}", row - 1, ordinal(place + 1, lang)))
            }
        };
        out.push(Draft { person: members[j], party, role: r, row, col: c, number: nums[j], reason });
    }
    out
}

/// One party at a side-by-side call, seen from the door: the guest of honour at column −1,
/// the host at 0 (the guest on the host's right); the others outward on their principal's
/// side; interpreters behind their principal.
fn side_by_side(party: Party, members: &[usize], roles: &[BilateralRole], lang: Lang) -> Vec<Draft> {
    let col = |k: usize| if party == Party::Guest { -1 - k as i64 } else { k as i64 };
    let nums = numbers(roles);
    let (mut seated, mut behind) = (0, 0);
    let mut out = Vec::new();
    // The principal's, the interpreters' and (around the 1st, 2nd, …) the others' words.
    let (principal, interpreter, pre, post) = match party {
        Party::Guest => (
            lang.text(
                "guest of honour (主賓), on the host's right (主左客右), facing the door",
                "主賓，在主人右側（主左客右），面向正門",
            ),
            lang.text("interpreter (譯員), behind the own principal", "譯員，在主賓身後"),
            lang.text("on the guest of honour's side, ", "在主賓一側，按位次自主賓向外第"),
            lang.text(" from the principal in precedence (各自按禮賓順序就座)", "位（各自按禮賓順序就座）"),
        ),
        Party::Host => (
            lang.text(
                "host (主人), with the guest of honour on the right, facing the door",
                "主人，主賓在其右側，面向正門",
            ),
            lang.text("interpreter (譯員), behind the own principal", "譯員，在主人身後"),
            lang.text("on the host's side, ", "在主人一側，按位次自主人向外第"),
            lang.text(" from the principal in precedence (各自按禮賓順序就座)", "位（各自按禮賓順序就座）"),
        ),
    };
    for (j, &r) in roles.iter().enumerate() {
        let (row, c, reason) = match r {
            BilateralRole::Principal => {
                seated += 1;
                (1, col(0), principal.clone().into_owned())
            }
            BilateralRole::Interpreter => {
                behind += 1;
                (2, col(behind - 1), interpreter.clone().into_owned())
            }
            _ => {
                seated += 1;
                (1, col(seated - 1), format!("{pre}{}{post}", ordinal(seated - 1, lang)))
            }
        };
        out.push(Draft { person: members[j], party, role: r, row, col: c, number: nums[j], reason });
    }
    out
}

/// "1st", "2nd", "3rd", "4th", … in English; the number alone in Chinese (the template
/// has 第…位 around it).
fn ordinal(n: usize, lang: Lang) -> String {
    if !lang.is_en() {
        return n.to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Turns the signed columns into 1-based positions and writes labels and reasons.
fn number(spec: &BilateralSpec, roster: &Roster, mut drafts: Vec<Draft>) -> BilateralPlan {
    let min = drafts.iter().map(|d| d.col).min().unwrap_or(0);
    let max = drafts.iter().map(|d| d.col).max().unwrap_or(-1);
    let length = (max - min + 1).max(0) as u32;
    crate::sort::sort_by_key(&mut drafts, |d| (d.party == Party::Host, d.row, d.col));
    let script = roster.s.meeting.script;
    // `#{n} by precedence; {reason}`, converted once.
    let (n1, n2) = (roster.lang.text("#", "位次第"), roster.lang.text(" by precedence; ", "；"));
    let places = drafts
        .into_iter()
        .map(|d| {
            let party = d.party.word();
            let label = match (d.role, spec.kind) {
                (BilateralRole::Principal, BilateralKind::Talks) => format!("{party} 主談人"),
                (BilateralRole::Principal, BilateralKind::Signing) => format!("{party} 簽字人"),
                (BilateralRole::Principal, BilateralKind::SideBySide) => {
                    if d.party == Party::Guest {
                        "主賓".to_string()
                    } else {
                        "主人".to_string()
                    }
                }
                (BilateralRole::Interpreter, _) => format!("{party} 譯員"),
                (BilateralRole::Assistant, _) => format!("{party} 助簽人"),
                (BilateralRole::Member, _) => format!("{party} 第{}位", d.number.unwrap_or(0)),
            };
            BilateralPlace {
                person: roster.person(d.person).id.clone(),
                party: d.party,
                role: d.role,
                row: d.row,
                position: (d.col - min + 1) as u32,
                label: script.word(&label),
                reason: format!("{n1}{}{n2}{}", roster.number(d.person), d.reason),
            }
        })
        .collect();
    BilateralPlan { name: spec.name.clone(), kind: spec.kind, table: spec.table, length, places }
}
