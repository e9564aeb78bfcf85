//! The scenario file `seating/1`: the input model, its parser and its validation.
//!
//! Everything a seating job needs is one [`Scenario`] value. [`Scenario::from_json`] parses
//! and validates it; every error names the JSON field path and the line and column.

use crate::keyword::keywords;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::banquet::BanquetSpec;
use crate::bilateral::BilateralSpec;
use crate::error::Error;
use crate::groups::GroupsSpec;
use crate::lang::{msg, Lang};
use crate::lineup::LineupSpec;
use crate::vehicle::VehicleSpec;

/// The `format` tag every scenario file carries.
pub const FORMAT: &str = "seating/1";

/// Upper bound on people in one scenario (documented in the README's input limits).
pub const MAX_PEOPLE: usize = 200_000;
/// Upper bound on seats in one venue section (podium or hall), rows × seats.
pub const MAX_SEATS: u64 = 1_000_000;

/// A whole seating job: who, where, by which conventions, with which instructions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always `"seating/1"`.
    pub format: String,
    /// Free-text description of the meeting, printed on charts.
    #[serde(default)]
    pub meeting: Meeting,
    /// Which protocol conventions to follow where sources disagree.
    #[serde(default)]
    pub convention: Convention,
    /// How people are put in precedence order.
    #[serde(default)]
    pub ranking: Ranking,
    /// Units (delegations, departments) in unit precedence order.
    #[serde(default)]
    pub units: Vec<Unit>,
    /// The people to seat.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The podium (主席臺), if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub podium: Option<PodiumSpec>,
    /// The hall (臺下), if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<HallSpec>,
    /// The leader's special instructions (按領導意見辦), applied per PROTOCOL §7.
    #[serde(default)]
    pub instructions: Vec<Instruction>,
    /// A banquet (宴請): table order (桌次) and seats at each table (席次), PROTOCOL §5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banquet: Option<BanquetSpec>,
    /// Named line-ups (合影, 頒獎站位), each planned on its own, PROTOCOL §5.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineups: Vec<LineupSpec>,
    /// Cars and their seat order (乘車), a motorcade numbered by precedence, PROTOCOL §5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles: Option<VehicleSpec>,
    /// Discussion groups (分組討論): people split into named rooms, units kept together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<GroupsSpec>,
    /// Host–guest occasions (會談, 簽字儀式, 會見), each planned on its own, PROTOCOL §3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bilateral: Vec<BilateralSpec>,
}

/// Free-text meeting header.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Meeting title, e.g. 全區經濟工作會議.
    #[serde(default)]
    pub title: String,
    /// Date as written by the user.
    #[serde(default)]
    pub date: String,
    /// Venue as written by the user.
    #[serde(default)]
    pub place: String,
    /// The script of the printed output's own words (labels, headings, list headers):
    /// `traditional` (主席臺第1排1號, default) or `simplified` (主席台第1排1号). Names and
    /// everything else typed in are printed as typed.
    #[serde(default, skip_serializing_if = "is_traditional")]
    pub script: crate::Script,
    /// The language of the plan's reasons and diagnostics: `zh` (default, in `script`) or
    /// `en`. Field paths and ids are written as in the file in both.
    #[serde(default, skip_serializing_if = "is_zh")]
    pub language: crate::Language,
}

fn is_zh(l: &crate::Language) -> bool {
    *l == crate::Language::Zh
}

fn is_traditional(s: &crate::Script) -> bool {
    *s == crate::Script::Traditional
}

/// A side as seen from the audience, or a person's own side, depending on context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Side {
    /// Left.
    Left,
    /// Right.
    Right,
}
keywords!(Side { Left = "left", Right = "right" });

impl Side {
    /// The other side.
    pub fn opposite(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// How the two centre seats of an even podium row are shared (PROTOCOL §1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum EvenRule {
    /// #1 and #2 share the centre seats, #2 on #1's honour side (default).
    #[default]
    Pair,
    /// #1 takes the centre seat on the honour side, #2 the other one, then outward from #1.
    FirstOnHonourSide,
    /// Same order as `pair`, drawn with #1 on the podium's centre line.
    Axis,
}
keywords!(EvenRule { Pair = "pair", FirstOnHonourSide = "first-on-honour-side", Axis = "axis" });

/// How the hall is filled by unit (PROTOCOL §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum HallMethod {
    /// 橫排法: units fill rows from the front, left to right as you face the podium.
    #[default]
    Rows,
    /// 豎排法: each unit takes a column block, front to back.
    Columns,
    /// 左右排列法: each row fills from its centre, audience's left first, alternating.
    CentreOut,
}
keywords!(HallMethod { Rows = "rows", Columns = "columns", CentreOut = "centre-out" });

/// How seat numbers are printed on tickets (PROTOCOL §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Numbering {
    /// 1..n from the audience's left.
    #[default]
    Sequential,
    /// Outward from the centre, odd numbers on `odd_side`, even on the other (theatre style).
    OddEven,
}
keywords!(Numbering { Sequential = "sequential", OddEven = "odd-even" });

/// Where the column blocks of the `columns` hall method go (PROTOCOL §4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum BlockOrder {
    /// Blocks go left to right as you face the podium (default).
    #[default]
    LeftToRight,
    /// Blocks go outward from the centre.
    CentreOut,
}
keywords!(BlockOrder { LeftToRight = "left-to-right", CentreOut = "centre-out" });

/// The conventions in force where sources disagree. Every field has the PROTOCOL default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Convention {
    /// The senior person's own side that is more honoured: `left` (左為上, domestic) or `right`.
    #[serde(default = "default_honour")]
    pub honour: Side,
    /// Even podium rows.
    #[serde(default)]
    pub even: EvenRule,
    /// How the hall is filled by unit.
    #[serde(default)]
    pub hall_method: HallMethod,
    /// Printed seat numbers in the hall.
    #[serde(default)]
    pub numbering: Numbering,
    /// With `odd-even` numbering: the audience's side that gets odd numbers.
    #[serde(default = "default_odd_side")]
    pub odd_side: Side,
    /// With the `columns` hall method: block order.
    #[serde(default)]
    pub column_blocks: BlockOrder,
}

fn default_honour() -> Side {
    Side::Left
}
fn default_odd_side() -> Side {
    Side::Right
}

impl Default for Convention {
    fn default() -> Self {
        Convention {
            honour: Side::Left,
            even: EvenRule::Pair,
            hall_method: HallMethod::Rows,
            numbering: Numbering::Sequential,
            odd_side: Side::Right,
            column_blocks: BlockOrder::LeftToRight,
        }
    }
}

/// A tie-breaker applied after `rank` (PROTOCOL §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Tiebreak {
    /// 姓氏筆畫: surname stroke order per GB13000.1 (see `strokes_mode`).
    Strokes,
    /// Hanyu pinyin, letter by letter.
    Pinyin,
    /// Earlier `appointed` date first, then earlier `joined` date, then strokes (PROTOCOL §6).
    Seniority,
    /// Order in the file (always the last resort anyway).
    Input,
}
keywords!(Tiebreak { Strokes = "strokes", Pinyin = "pinyin", Seniority = "seniority", Input = "input" });

/// How names are compared in stroke order (PROTOCOL §6 rule 4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum StrokesMode {
    /// A one-character given name sorts first (政協, 黨代會): 田富 before 田大利.
    #[default]
    Surname,
    /// Character by character (人大): 田大利 before 田富.
    Fullname,
}
keywords!(StrokesMode { Surname = "surname", Fullname = "fullname" });

/// Ranking settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    /// Tie-breakers after `rank`, in order. `input` is always the last resort.
    #[serde(default = "default_tiebreak")]
    pub tiebreak: Vec<Tiebreak>,
    /// Stroke-order mode for the `strokes` tie-breaker.
    #[serde(default)]
    pub strokes_mode: StrokesMode,
}

fn default_tiebreak() -> Vec<Tiebreak> {
    vec![Tiebreak::Input]
}

impl Default for Ranking {
    fn default() -> Self {
        Ranking { tiebreak: default_tiebreak(), strokes_mode: StrokesMode::Surname }
    }
}

/// A unit (delegation, department). The order of `units` is unit precedence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Unique id, referenced by `people[].unit`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// Which part of the venue a person belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Section {
    /// The podium (主席臺).
    Podium,
    /// The hall (臺下), the default.
    #[default]
    Hall,
}
keywords!(Section { Podium = "podium", Hall = "hall" });

/// A person's standing at the meeting: full members sit before attendees and alternates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Role {
    /// Full member (正式代表/委員), the default.
    #[default]
    Member,
    /// Attendee without vote (列席).
    Attendee,
    /// Alternate (候補).
    Alternate,
}
keywords!(Role { Member = "member", Attendee = "attendee", Alternate = "alternate" });

impl Role {
    /// Whether this is the default role (used to keep saved files small).
    pub fn is_member(&self) -> bool {
        *self == Role::Member
    }
}

/// Which party a person belongs to at a host–guest occasion (foreign-affairs line-ups).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Party {
    /// The host side (主方), including host staff.
    Host,
    /// The guest side (客方).
    Guest,
}
keywords!(Party { Host = "host", Guest = "guest" });

impl Party {
    /// The party in the printed words and the plan's Chinese prose: 主方 or 客方 (Traditional
    /// characters, for `Script::words`; the same in both scripts).
    pub fn word(self) -> &'static str {
        match self {
            Party::Host => "主方",
            Party::Guest => "客方",
        }
    }
}

/// One person to seat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id.
    pub id: String,
    /// Name as it is to be printed (the form typed decides stroke counts: 刘 6, 劉 15).
    pub name: String,
    /// Post (職務), printed where it fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    /// Unit id from `units`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Post level: smaller is more senior. People without a rank come after all ranked people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<i64>,
    /// `podium` or `hall` (default).
    #[serde(default, skip_serializing_if = "is_default")]
    pub section: Section,
    /// `member` (default), `attendee` (列席) or `alternate`.
    #[serde(default, skip_serializing_if = "Role::is_member")]
    pub role: Role,
    /// Date of appointment to the current level (ISO `YYYY-MM-DD`), for the `seniority` tie-breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed: Option<String>,
    /// Date of arrival at the unit (ISO `YYYY-MM-DD`), for the `seniority` tie-breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<String>,
    /// `host` or `guest`, for foreign-affairs line-ups and host–guest occasions (主左客右).
    /// People without a side count as the host side there; everywhere else the side is
    /// ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Party>,
}

pub(crate) fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// The podium: rows of seats, front row (nearest the audience) first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PodiumSpec {
    /// Seats per row, front row first.
    pub rows: Vec<u32>,
    /// Shrink each row to the people it holds so #1 stays centred (PROTOCOL §1).
    #[serde(default, skip_serializing_if = "is_default")]
    pub shrink: bool,
}

/// The hall: `rows` × `seats`, row 1 nearest the podium (see [`crate::hall`] for the rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HallSpec {
    /// Number of rows, over all floors (row 1 is the front row of the lowest floor).
    pub rows: u32,
    /// Seats per row (the widest row when `row_seats` is given).
    pub seats: u32,
    /// An aisle after each listed seat column (1-based, audience's left first), counted in
    /// the columns of the widest row; shorter rows sit on that grid as `align` says.
    #[serde(default)]
    pub aisles: Vec<u32>,
    /// Seat ids that do not exist or cannot be used (pillars, camera positions, seats kept
    /// for wheelchairs). They keep their printed numbers; nobody is planned into them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked: Vec<String>,
    /// Seats in each row, front row first, for irregular halls (e.g. `[20, 22, 24]`); one
    /// entry per row, each at most `seats`. Empty: every row has `seats` seats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub row_seats: Vec<u32>,
    /// Where a row shorter than `seats` sits: `centre` (default: on the hall's axis, the
    /// odd seat left over on the right), `left` or `right` (flush with that wall, seen from
    /// the podium's audience).
    #[serde(default, skip_serializing_if = "is_default")]
    pub align: RowAlign,
    /// Floors (or blocks of rows) front to back, lowest first: each takes the next `rows`
    /// rows and prefixes its name to their labels (一樓 第3排11號). Rows are numbered again
    /// from 1 on each floor in labels; seat ids keep counting (`H21-5` is 二樓 第1排).
    /// The floors' rows must add up to `rows`. Empty: one unnamed floor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub floors: Vec<Floor>,
    /// Where attendees (列席) and alternates sit: `with-unit` (default: after their own
    /// unit's full members) or `members-first` (every unit's full members, then every
    /// unit's attendees, then every unit's alternates, each pass in unit precedence).
    #[serde(default, skip_serializing_if = "is_default")]
    pub roles: RoleSeating,
}

/// How a row shorter than the widest row sits on the hall's column grid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum RowAlign {
    /// Centred on the hall's axis (with an odd difference, the extra empty place is on the right).
    #[default]
    Centre,
    /// Flush with the audience's left wall.
    Left,
    /// Flush with the audience's right wall.
    Right,
}
keywords!(RowAlign { Centre = "centre", Left = "left", Right = "right" });

/// A floor (or a named block of rows): a label prefix for its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// Printed before the row, e.g. 一樓 or 樓座.
    pub name: String,
    /// How many rows this floor has.
    pub rows: u32,
}

/// Where attendees and alternates sit relative to full members in the hall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum RoleSeating {
    /// With their unit, after its full members.
    #[default]
    WithUnit,
    /// All full members first, then all attendees, then all alternates (each by unit).
    MembersFirst,
}
keywords!(RoleSeating { WithUnit = "with-unit", MembersFirst = "members-first" });

/// The kind of a special instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum Op {
    /// Put `person` in `seat`.
    Pin,
    /// Exchange the seats of `people[0]` and `people[1]`.
    Swap,
    /// Put `person` directly after `after` in precedence.
    Move,
    /// Keep `seat` empty.
    Reserve,
    /// Leave `person` out (absent, 請假).
    Exclude,
}
keywords!(Op { Pin = "pin", Swap = "swap", Move = "move", Reserve = "reserve", Exclude = "exclude" });

/// One special instruction with its provenance (who asked, when, why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instruction {
    /// What to do.
    pub op: Op,
    /// The person (`pin`, `move`, `exclude`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The seat id (`pin`, `reserve`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// The two people (`swap`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// The person to follow in precedence (`move`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Who gave the instruction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Why, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was given (free text or ISO date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

impl Instruction {
    /// "pinned by 秘書長 (2026-11-28): 按領導意見" — the provenance in words.
    pub fn provenance(&self) -> String {
        let mut s = String::new();
        if let Some(by) = self.by.as_deref().filter(|b| !b.is_empty()) {
            s.push_str(" by ");
            s.push_str(by);
        }
        if let Some(at) = self.at.as_deref().filter(|b| !b.is_empty()) {
            s.push_str(" (");
            s.push_str(at);
            s.push(')');
        }
        if let Some(note) = self.note.as_deref().filter(|b| !b.is_empty()) {
            s.push_str(": ");
            s.push_str(note);
        }
        s
    }
}

impl Scenario {
    /// Whether the scenario plans anything besides the podium and hall: a banquet, line-ups,
    /// vehicles, discussion groups or host–guest occasions.
    pub fn has_extras(&self) -> bool {
        self.banquet.is_some()
            || !self.lineups.is_empty()
            || self.vehicles.is_some()
            || self.groups.is_some()
            || !self.bilateral.is_empty()
    }

    /// An empty scenario of the current format.
    pub fn new() -> Scenario {
        Scenario {
            format: FORMAT.to_string(),
            meeting: Meeting::default(),
            convention: Convention::default(),
            ranking: Ranking::default(),
            units: Vec::new(),
            people: Vec::new(),
            podium: None,
            hall: None,
            instructions: Vec::new(),
            banquet: None,
            lineups: Vec::new(),
            vehicles: None,
            groups: None,
            bilateral: Vec::new(),
        }
    }

    /// Parses and validates a scenario. Errors name the field path and the line and column.
    ///
    /// The `format` tag is read first: a file of an older supported version goes through
    /// [`migrate`]; a missing, unknown or newer tag is an error that says so.
    ///
    /// Messages are in English; [`Scenario::from_json_in`] writes them in another language.
    pub fn from_json(text: &str) -> Result<Scenario, Error> {
        Scenario::from_json_in(text, Lang::EN)
    }

    /// [`Scenario::from_json`] with its messages in `lang` (`Error::describe` puts the
    /// words around them, line and column, in the same language).
    pub fn from_json_in(text: &str, lang: Lang) -> Result<Scenario, Error> {
        // Only the tag, skipping everything else; malformed JSON falls through to the full
        // parse below, which reports the line and column.
        #[derive(Deserialize)]
        struct Tag {
            format: Option<serde_json::Value>,
        }
        let body = text.trim_start();
        if body.starts_with('[') {
            // serde would read a struct from an array by position; a scenario is never one.
            let before = &text[..text.len() - body.len()];
            return Err(Error::Json {
                path: String::new(),
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: lang
                    .text(
                        "expected a JSON object ({ \"format\": … }) at the top level, found an array",
                        "最外層應是 JSON 對象（{ \"format\": … }），這裡是數組",
                    )
                    .into_owned(),
            });
        }
        let object = body.starts_with('{');
        if let Some(Ok(Tag { format })) = object.then(|| serde_json::from_str::<Tag>(text)) {
            if format_version(format.as_ref(), lang)? != CURRENT_VERSION {
                // An older version: upgrade the document, then read it as the current one.
                let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(e, lang))?;
                let text =
                    serde_json::to_string(&migrate_in(value, lang)?).map_err(|e| json_error(e, lang))?;
                return Scenario::from_json_in(&text, lang);
            }
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let scenario = match Scenario::deserialize(&mut *de) {
            Ok(s) => s,
            Err(e) => {
                return Err(Error::Json {
                    path: json_path_at(text, e.line(), e.column(), e.is_syntax()),
                    line: e.line(),
                    column: e.column(),
                    message: crate::error::serde_words(&strip_position(&e.to_string()), lang),
                });
            }
        };
        // Nothing but white space may follow the object (`{…}}` is a broken file, not a scenario).
        de.end().map_err(|e| json_error(e, lang))?;
        scenario.validate_in(lang)?;
        Ok(scenario)
    }

    /// Serialises the scenario as pretty JSON (lossless: `from_json(to_json(s)) == s`).
    pub fn to_json(&self) -> String {
        crate::json::pretty(&serde_json::to_string(self).expect("a scenario always serialises"))
    }

    /// Checks what serde cannot: the format tag, unique ids, known units, instruction fields.
    pub fn validate(&self) -> Result<(), Error> {
        self.validate_in(Lang::EN)
    }

    /// [`Scenario::validate`] with its messages in `lang`.
    pub fn validate_in(&self, lang: Lang) -> Result<(), Error> {
        if self.format != FORMAT {
            return Err(Error::Invalid {
                field: "format".into(),
                message: msg!(
                    lang,
                    "expected {}, found {}",
                    "應為 {}，實為 {}",
                    format!("{FORMAT:?}"),
                    format!("{:?}", self.format)
                ),
            });
        }
        if self.people.len() > MAX_PEOPLE {
            return Err(Error::Invalid {
                field: "people".into(),
                message: msg!(
                    lang,
                    "{} people is more than the limit of {}",
                    "{} 人，超過上限 {} 人",
                    self.people.len(),
                    MAX_PEOPLE
                ),
            });
        }
        let empty = || lang.text("must not be empty", "不能為空").into_owned();
        let mut unit_ids = HashSet::new();
        for (i, u) in self.units.iter().enumerate() {
            if u.id.is_empty() {
                return Err(invalid(format!("units[{i}].id"), empty()));
            }
            if !unit_ids.insert(u.id.as_str()) {
                return Err(invalid(
                    format!("units[{i}].id"),
                    msg!(lang, "duplicate unit id {}", "單位 id {} 重複", format!("{:?}", u.id)),
                ));
            }
        }
        let mut ids = HashSet::new();
        for (i, p) in self.people.iter().enumerate() {
            if p.id.is_empty() {
                return Err(invalid(format!("people[{i}].id"), empty()));
            }
            if !ids.insert(p.id.as_str()) {
                return Err(invalid(
                    format!("people[{i}].id"),
                    msg!(lang, "duplicate person id {}", "人員 id {} 重複", format!("{:?}", p.id)),
                ));
            }
            if let Some(unit) = &p.unit {
                if !unit_ids.contains(unit.as_str()) {
                    return Err(invalid(
                        format!("people[{i}].unit"),
                        msg!(
                            lang,
                            "unknown unit {} (person {}); add it to `units`",
                            "沒有單位 {}（人員 {}）；請先在 `units` 中加上這個單位",
                            format!("{unit:?}"),
                            format!("{:?}", p.id)
                        ),
                    ));
                }
            }
            for (field, date) in [("appointed", &p.appointed), ("joined", &p.joined)] {
                if let Some(d) = date {
                    if !is_iso_date(d) {
                        return Err(invalid(
                            format!("people[{i}].{field}"),
                            msg!(
                                lang,
                                "{} is not a valid YYYY-MM-DD date",
                                "{} 不是有效的 YYYY-MM-DD 日期",
                                format!("{d:?}")
                            ),
                        ));
                    }
                }
            }
        }
        if let Some(podium) = &self.podium {
            check_rows("podium.rows", &podium.rows, lang)?;
        }
        if let Some(hall) = &self.hall {
            if hall.rows == 0 || hall.seats == 0 {
                return Err(invalid(
                    "hall".into(),
                    lang.text(
                        "a hall needs at least one row and one seat per row",
                        "臺下至少要有一排，每排至少一個座位",
                    )
                    .into_owned(),
                ));
            }
            if u64::from(hall.rows) * u64::from(hall.seats) > MAX_SEATS {
                return Err(invalid("hall".into(), too_many_seats(lang)));
            }
            for (i, &a) in hall.aisles.iter().enumerate() {
                if a == 0 || a >= hall.seats {
                    return Err(invalid(
                        format!("hall.aisles[{i}]"),
                        msg!(
                            lang,
                            "an aisle goes after a seat column between 1 and {}, found {}",
                            "過道應在第 1 至 {} 列座位之後，這裡是 {}",
                            hall.seats.saturating_sub(1),
                            a
                        ),
                    ));
                }
            }
            if !hall.row_seats.is_empty() && hall.row_seats.len() != hall.rows as usize {
                return Err(invalid(
                    "hall.row_seats".into(),
                    msg!(
                        lang,
                        "gives {} rows but `hall.rows` is {}; give one entry per row",
                        "給了 {} 排，但 `hall.rows` 是 {}；請每排給一個數",
                        hall.row_seats.len(),
                        hall.rows
                    ),
                ));
            }
            for (i, &n) in hall.row_seats.iter().enumerate() {
                if n == 0 || n > hall.seats {
                    return Err(invalid(
                        format!("hall.row_seats[{i}]"),
                        msg!(
                            lang,
                            "a row has between 1 and `hall.seats` ({}) seats, found {}",
                            "每排座位數應在 1 至 `hall.seats`（{}）之間，這裡是 {}",
                            hall.seats,
                            n
                        ),
                    ));
                }
            }
            if !hall.floors.is_empty() {
                let mut total = 0u64;
                for (i, f) in hall.floors.iter().enumerate() {
                    if f.rows == 0 {
                        return Err(invalid(
                            format!("hall.floors[{i}].rows"),
                            lang.text("a floor needs at least one row", "每層至少要有一排").into_owned(),
                        ));
                    }
                    total += u64::from(f.rows);
                }
                if total != u64::from(hall.rows) {
                    return Err(invalid(
                        "hall.floors".into(),
                        msg!(
                            lang,
                            "the floors have {} rows in all but `hall.rows` is {}",
                            "各層共 {} 排，但 `hall.rows` 是 {}",
                            total,
                            hall.rows
                        ),
                    ));
                }
            }
        }
        if let Some(b) = &self.banquet {
            b.validate("banquet", lang)?;
        }
        for (i, l) in self.lineups.iter().enumerate() {
            l.validate(&format!("lineups[{i}]"), lang)?;
        }
        if let Some(v) = &self.vehicles {
            v.validate("vehicles", lang)?;
        }
        if let Some(g) = &self.groups {
            g.validate("groups", lang)?;
        }
        for (i, b) in self.bilateral.iter().enumerate() {
            b.validate(&format!("bilateral[{i}]"), lang)?;
        }
        for (i, ins) in self.instructions.iter().enumerate() {
            let need: &[&str] = match ins.op {
                Op::Pin => &["person", "seat"],
                Op::Swap => &["people"],
                Op::Move => &["person", "after"],
                Op::Reserve => &["seat"],
                Op::Exclude => &["person"],
            };
            for field in need {
                let present = match *field {
                    "person" => ins.person.is_some(),
                    "seat" => ins.seat.is_some(),
                    "after" => ins.after.is_some(),
                    _ => ins.people.is_some(),
                };
                if !present {
                    return Err(invalid(
                        format!("instructions[{i}].{field}"),
                        msg!(
                            lang,
                            "missing field `{}` for op `{}`",
                            "`{1}` 指示缺少字段 `{0}`",
                            field,
                            ins.op.name()
                        ),
                    ));
                }
            }
            if let Some(people) = &ins.people {
                if ins.op == Op::Swap && people.len() != 2 {
                    return Err(invalid(
                        format!("instructions[{i}].people"),
                        msg!(
                            lang,
                            "`swap` takes exactly two people, found {}",
                            "`swap`（對調）要兩個人，這裡是 {} 個",
                            people.len()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario::new()
    }
}

fn check_rows(field: &str, rows: &[u32], lang: Lang) -> Result<(), Error> {
    let mut total = 0u64;
    for (i, &r) in rows.iter().enumerate() {
        if r == 0 {
            return Err(invalid(
                format!("{field}[{i}]"),
                lang.text("a row needs at least one seat", "每排至少要有一個座位").into_owned(),
            ));
        }
        total += u64::from(r);
    }
    if total > MAX_SEATS {
        return Err(invalid(field.into(), too_many_seats(lang)));
    }
    Ok(())
}

fn too_many_seats(lang: Lang) -> String {
    msg!(lang, "more than {} seats", "座位超過 {} 個", MAX_SEATS)
}

pub(crate) fn invalid(field: String, message: String) -> Error {
    Error::Invalid { field, message }
}

/// `YYYY-MM-DD`, and a day of the calendar: `2019-02-31` and `2019-13-01` are not.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && crate::import::parse_date(s).as_deref() == Some(s)
}

/// The version number of [`FORMAT`].
const CURRENT_VERSION: u32 = 1;

/// Reads the version out of a `format` tag: `"seating/1"` → 1. Missing, non-string, foreign
/// and newer tags are errors that say what to do.
fn format_version(tag: Option<&serde_json::Value>, lang: Lang) -> Result<u32, Error> {
    let err = |message: String| Err(invalid("format".into(), message));
    let format = format!("{FORMAT:?}");
    let tag = match tag {
        None | Some(serde_json::Value::Null) => {
            return err(msg!(
                lang,
                "missing: a scenario file starts with \"format\": {} (is this a seating scenario?)",
                "缺少：方案文件以 \"format\": {} 開頭（這是座次方案文件嗎？）",
                format
            ))
        }
        Some(serde_json::Value::String(t)) => t,
        Some(other) => {
            let kind = match other {
                serde_json::Value::Bool(_) => lang.text("a boolean", "布爾值"),
                serde_json::Value::Number(_) => lang.text("a number", "數字"),
                serde_json::Value::Array(_) => lang.text("an array", "數組"),
                _ => lang.text("an object", "對象"),
            };
            return err(msg!(
                lang,
                "expected the string {}, found {}",
                "應為字符串 {}，實為{}",
                format,
                kind
            ));
        }
    };
    let version = tag.strip_prefix("seating/").and_then(|v| {
        // Digits only: "+1", " 1" and "01" are not versions.
        let digits = !v.is_empty() && v.len() <= 9 && v.bytes().all(|b| b.is_ascii_digit());
        (digits && (v == "0" || !v.starts_with('0'))).then(|| v.parse::<u32>().ok()).flatten()
    });
    let tag = format!("{tag:?}");
    match version {
        Some(v) if v > CURRENT_VERSION => err(msg!(
            lang,
            "{} is newer than this program, which reads {}: update seating to open this file",
            "{} 比本程序新（本程序讀 {}）：請更新程序後再打開這個文件",
            tag,
            format
        )),
        Some(v) => Ok(v),
        None if tag.starts_with("\"seating-plan/") => err(msg!(
            lang,
            "{} is a plan (the output of `seating plan`), not a scenario; open the scenario it came from",
            "{} 是排座結果（`seating plan` 的輸出），不是方案；請打開生成它的方案文件",
            tag
        )),
        None => err(msg!(
            lang,
            "expected {}, found {} (not a seating scenario version)",
            "應為 {}，實為 {}（不是座次方案的版本）",
            format,
            tag
        )),
    }
}

/// Upgrades a scenario document of any supported version to the current format
/// ([`FORMAT`]), the one place where future versions add their steps.
///
/// Today only `seating/1` exists, so a `seating/1` document comes back unchanged. When a
/// `seating/2` is introduced, this function gains a `1 => upgrade_1_to_2(value)` step (and
/// `FORMAT` moves on), so that files saved by older versions keep opening. A missing tag, a
/// tag that is not a `seating/N` version, and a version newer than this program are errors
/// naming the `format` field.
///
/// ```
/// use seating_core::scenario::migrate;
/// let v = serde_json::json!({"format": "seating/1", "people": []});
/// assert_eq!(migrate(v.clone()).unwrap(), v);
/// let e = migrate(serde_json::json!({"format": "seating/2"})).unwrap_err();
/// assert!(e.to_string().contains("newer than this program"));
/// ```
pub fn migrate(value: serde_json::Value) -> Result<serde_json::Value, Error> {
    migrate_in(value, Lang::EN)
}

/// [`migrate`] with its messages in `lang`.
pub fn migrate_in(value: serde_json::Value, lang: Lang) -> Result<serde_json::Value, Error> {
    let Some(obj) = value.as_object() else {
        return Err(invalid(
            String::new(),
            lang.text("a scenario file is a JSON object ({ … })", "方案文件是一個 JSON 對象（{ … }）")
                .into_owned(),
        ));
    };
    match format_version(obj.get("format"), lang)? {
        CURRENT_VERSION => Ok(value),
        // Future versions add one arm per older version here, each upgrading one step and
        // recursing: `1 => migrate(upgrade_1_to_2(value)?)`.
        v => Err(invalid(
            "format".into(),
            msg!(
                lang,
                "\"seating/{}\" is older than any version this program can read; it reads {}",
                "\"seating/{}\" 太舊，本程序讀不了；本程序讀 {}",
                v,
                format!("{FORMAT:?}")
            ),
        )),
    }
}

fn json_error(e: serde_json::Error, lang: Lang) -> Error {
    Error::Json {
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: crate::error::serde_words(&strip_position(&e.to_string()), lang),
    }
}

/// The path (`people[3].rank`) of the value at `line`/`column` of a serde_json error in
/// `text`: the keys and indices open at that point, found by scanning the text up to it.
///
/// serde_json reports a type error just after the offending value, an unknown field just
/// after its key and a missing field just after the object's `}`: at each of those points
/// the open keys and indices name the value, the field and the object respectively. A syntax
/// error is reported just after the byte that broke it, which is left out of the scan. Cheaper
/// than tracking the path during deserialisation, which doubles the deserialiser's code.
fn json_path_at(text: &str, line: usize, column: usize, syntax: bool) -> String {
    enum Frame<'a> {
        Object { key: Option<&'a str>, expect_key: bool },
        Array { index: usize },
    }
    let bytes = text.as_bytes();
    // serde_json's column counts bytes from the start of the line.
    let line_start = match line {
        0 | 1 => 0,
        l => bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(l - 2)
            .map_or(bytes.len(), |(i, _)| i + 1),
    };
    let end = (line_start + column).min(bytes.len()).saturating_sub(usize::from(syntax));
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expect_key }) => (*key, *expect_key) = (None, true),
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < end && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                match stack.last_mut() {
                    // A key whose closing quote is before the error point. Both ends are at
                    // a '"', so on char boundaries; `get` only guards against a bad guess.
                    Some(Frame::Object { key, expect_key: true }) if i < end => *key = text.get(start..i),
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The JSON Schema of the scenario format, generated from these types so it cannot drift.
/// Feature `schema` (the CLI's `seating schema`; the web page ships the committed copy).
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Scenario);
    serde_json::to_string_pretty(&schema).expect("schema serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path `from_json` reports for each kind of serde error, at the position serde_json
    /// gives it (checked against serde_path_to_error, which this scan replaced, on 37,000
    /// mutated examples: the same path for every type, unknown-field and missing-field error).
    #[test]
    fn error_paths_name_the_value() {
        let path = |text: &str| match Scenario::from_json(text) {
            Err(Error::Json { path, .. }) => path,
            other => panic!("expected a JSON error, got {other:?}"),
        };
        let people =
            |p: &str| format!(r#"{{"format": "seating/1", "people": [{{"id": "a", "name": "甲"}}, {p}]}}"#);
        assert_eq!(path(&people(r#"{"id": "b", "name": "乙", "rank": "high"}"#)), "people[1].rank");
        assert_eq!(path(&people(r#"{"id": "b", "name": "乙", "rnak": 3}"#)), "people[1].rnak");
        assert_eq!(path(&people(r#"{"id": "b"}"#)), "people[1]");
        assert_eq!(path(&people(r#"{"id": "b", "name": "a\"b\\", "post": 7}"#)), "people[1].post");
        assert_eq!(path(r#"{"format": "seating/1", "podium": {"rows": [3, "x"]}}"#), "podium.rows[1]");
        assert_eq!(path("{\"format\": \"seating/1\",\n  \"meeting\": {\"title\": 1}}"), "meeting.title");
        assert_eq!(path(r#"{"format": "seating/1", "extra": true}"#), "extra");
        // Syntax errors keep the line and column; the path is what was open there.
        assert_eq!(path(r#"{"format": "seating/1", "people": [{"id": "a" "#), "people[0].id");
    }
}
