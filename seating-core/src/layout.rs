//! The resolved layout: every seat's box in chart units with its occupant, label, reason and
//! flags, plus the podium band, hall blocks, aisles, row labels and legend.
//!
//! This is the one place seat geometry is computed. The SVG exporter
//! ([`crate::export::svg`]) and the web page both draw a [`Layout`]; neither measures or
//! places a seat itself. Chart units are about a millimetre at scale 1; the y axis points
//! down. In the default [`View::Audience`] the podium is at the top and the chart's left is
//! the audience's left (PROTOCOL "Notation"); [`View::Podium`] turns the whole chart by 180°
//! for the people on stage (podium at the bottom, left and right swapped), with every text
//! still upright.
//!
//! ```
//! use seating_core::{layout, plan, LayoutOptions, Scenario};
//! let s = Scenario::from_json(r#"{"format":"seating/1",
//!   "people":[{"id":"a","name":"王晨","rank":1,"section":"podium"}],
//!   "podium":{"rows":[3]}}"#).unwrap();
//! let p = plan(&s);
//! let l = layout(&s, &p, &LayoutOptions::default());
//! let seat = l.seats.iter().find(|b| b.person.is_some()).unwrap();
//! assert_eq!(seat.seat.to_string(), "P1-2");
//! assert_eq!(seat.name.as_ref().unwrap().lines, vec!["王晨".to_string()]);
//! ```

use std::collections::HashMap;

use crate::diff::{Change, ChangeKind, Diff};
use crate::hall;
use crate::plan::{Plan, SeatAssignment};
use crate::podium;
use crate::scenario::{HallSpec, Meeting, Scenario};
use crate::seat::{Area, SeatId};

/// Title font stack: 方正小標宋 where installed, then serif CJK fonts found on Windows and Linux.
pub const FONT_TITLE: &str =
    "'FZXiaoBiaoSong-B05', 'FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小標宋', 'SimSun', '宋体', 'Noto Serif CJK SC', 'Noto Serif CJK TC', 'Source Han Serif SC', serif";
/// Body text font stack: 仿宋 where installed, then serif CJK fonts found on Windows and Linux.
pub const FONT_TEXT: &str =
    "'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'SimSun', 'Noto Serif CJK SC', 'Noto Serif CJK TC', 'Source Han Serif SC', serif";

/// Light fills for unit colouring, print-friendly (readable in greyscale); cycled by
/// [`Occupant::unit_index`].
pub const UNIT_FILLS: [&str; 12] = [
    "#fde2e2", "#fff0c9", "#ddf2d8", "#d9ecfa", "#ebe0f5", "#fde6d2", "#d8f1ee", "#f3e1ea", "#e9edd2",
    "#e0e4f6", "#f6ecd9", "#dcefe3",
];
/// Borders matching [`UNIT_FILLS`].
pub const UNIT_STROKES: [&str; 12] = [
    "#c0504d", "#b8860b", "#4f8a3c", "#3b73a8", "#7a5a9e", "#c46a1e", "#2f8c83", "#a6466e", "#7d8a2c",
    "#4e5ea8", "#9c7a3c", "#3f8a5a",
];

/// Which way the chart faces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Podium at the top, audience below, left = the audience's left (the default).
    #[default]
    Audience,
    /// Turned by 180° for the people on stage: podium at the bottom, left = the podium's left.
    Podium,
}

/// Which part of a scenario a layout draws; each part is its own chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Part {
    /// The meeting venue: podium and hall (default).
    #[default]
    Venue,
    /// The banquet: tables (桌次) and seats (席次), seen from the door.
    Banquet,
    /// Line-up `k` of `plan.lineups` (合影, 頒獎站位), seen from the camera.
    Lineup(usize),
    /// Host–guest occasion `k` of `plan.bilateral` (會談, 簽字儀式, 會見), seen from the door
    /// (a signing ceremony: from the audience).
    Bilateral(usize),
}

impl Part {
    /// Reads a part as the command line and the JS API name it: `venue`, `banquet`,
    /// `lineup:N` and `bilateral:N` (also `lineup-N`; `lineup` alone is the first), N a whole
    /// number from 1 written in digits only (`lineup:-2` and `lineup:` are not parts).
    pub fn parse(text: &str) -> Option<Part> {
        let numbered = |name: &str| -> Option<usize> {
            let rest = text.strip_prefix(name)?;
            let digits = match rest.strip_prefix([':', '-']) {
                Some(d) => d,
                None if rest.is_empty() => "1",
                None => return None,
            };
            let k: usize = digits.parse().ok().filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))?;
            k.checked_sub(1)
        };
        match text {
            "venue" => Some(Part::Venue),
            "banquet" => Some(Part::Banquet),
            _ => numbered("lineup").map(Part::Lineup).or_else(|| numbered("bilateral").map(Part::Bilateral)),
        }
    }

    /// The part a chart shows when none is asked for: the venue (a podium or a hall), else
    /// the banquet, else the first line-up, else the first host–guest occasion.
    pub fn default_for(s: &Scenario, p: &Plan) -> Part {
        if s.podium.is_some() || s.hall.is_some() {
            Part::Venue
        } else if p.banquet.is_some() {
            Part::Banquet
        } else if !p.lineups.is_empty() {
            Part::Lineup(0)
        } else if !p.bilateral.is_empty() {
            Part::Bilateral(0)
        } else {
            Part::Venue
        }
    }

    /// Whether the plan has this part: an error saying what it has otherwise.
    pub fn check(self, p: &Plan) -> Result<(), String> {
        match self {
            Part::Banquet if p.banquet.is_none() => Err("banquet: the scenario has no `banquet`".into()),
            Part::Lineup(k) if k >= p.lineups.len() => {
                Err(format!("lineup:{}: the scenario has {} line-up(s)", k + 1, p.lineups.len()))
            }
            Part::Bilateral(k) if k >= p.bilateral.len() => Err(format!(
                "bilateral:{}: the scenario has {} host–guest occasion(s)",
                k + 1,
                p.bilateral.len()
            )),
            _ => Ok(()),
        }
    }
}

/// Options for [`layout()`].
#[derive(Debug, Clone, Default)]
pub struct LayoutOptions {
    /// Audience view (default) or the view turned round (podium view; for a banquet, seen
    /// from the main table; for a line-up, seen by the people lining up; for a host–guest
    /// occasion, seen from the far side of the room).
    pub view: View,
    /// Which part to draw (default: the venue).
    pub part: Part,
    /// Mark the changes against an earlier plan (from [`crate::diff::diff`]).
    pub diff: Option<Diff>,
    /// Leave [`Layout::hash`] empty, for a caller that only draws the chart and computes the
    /// hash with [`content_hash`] when it prints or exports (hashing serialises the whole
    /// scenario and plan: for 3,000 seats it is half the layout's time in the browser).
    pub no_hash: bool,
}

/// An axis-aligned box in chart units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// Horizontal text anchor, as SVG's `text-anchor`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the start of the line.
    Start,
    /// `x` is the centre of the line.
    #[default]
    Middle,
    /// `x` is the end of the line.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Placed text: one or more lines, already fitted to their box.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextBlock {
    /// The lines, top first (clean text: no control characters).
    pub lines: Vec<String>,
    /// Anchor point x.
    pub x: f64,
    /// Baseline of the first line.
    pub y: f64,
    /// Font size in chart units.
    pub size: f64,
    /// Distance between baselines.
    pub leading: f64,
    /// How `x` anchors the lines.
    pub anchor: Anchor,
}

/// The person in a seat.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupant {
    /// Person id.
    pub id: String,
    /// Name as printed.
    pub name: String,
    /// Post (職務), empty when none.
    pub post: String,
    /// Unit name, empty when none.
    pub unit: String,
    /// Index of the unit in `scenario.units` (colour = `UNIT_FILLS[i % 12]`).
    pub unit_index: Option<usize>,
    /// 1-based position in the plan's precedence.
    pub precedence: usize,
}

/// One seat, resolved: where it is drawn, who sits there, what is printed.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatBox {
    /// Fixed seat id.
    pub seat: SeatId,
    /// The seat's box.
    pub rect: Rect,
    /// Printed label, e.g. 主席臺第1排4號 or 第3排11號 (from the plan or the hall module).
    pub label: String,
    /// The occupant, if any.
    pub person: Option<Occupant>,
    /// Why the seat is what it is (the plan's reason; empty for an empty seat).
    pub reason: String,
    /// Kept empty by a `reserve` instruction.
    pub reserved: bool,
    /// Does not exist or cannot be used (`hall.blocked`).
    pub blocked: bool,
    /// Placed by a special instruction (pin or swap), 按領導意見辦.
    pub pinned: bool,
    /// Involved in a reported rank inversion.
    pub inverted: bool,
    /// Changed against the earlier plan given in [`LayoutOptions::diff`].
    pub change: Option<Change>,
    /// The occupant's name, fitted (or 預留 / a cross for reserved and blocked seats).
    pub name: Option<TextBlock>,
    /// The occupant's post, where it fits.
    pub post: Option<TextBlock>,
    /// The printed seat number in the box corner (hall seats).
    pub number: Option<TextBlock>,
}

/// A place that is not a venue seat: a banquet seat (`T3-5`) or a line-up place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceBox {
    /// The plan's id: the banquet seat id (`T3-5`), `L{lineup}-{row}-{position}`, or
    /// `B{occasion}-{G|H}{row}-{position}` at a host–guest occasion (guest or host side).
    pub id: String,
    /// The place's box.
    pub rect: Rect,
    /// Printed label (主桌 第3席, 第1排 左起第3位).
    pub label: String,
    /// The person, if any.
    pub person: Option<Occupant>,
    /// Why the person is here (empty for an empty place).
    pub reason: String,
    /// Seat precedence at the table (席次, 1 = host seat); 0 for line-up and occasion places.
    pub rank: u32,
    /// The person's name, fitted.
    pub name: Option<TextBlock>,
    /// The person's post, where it fits.
    pub post: Option<TextBlock>,
    /// The small corner text: 席次 at a table, the place's label (客方 主談人) at a
    /// host–guest occasion.
    pub number: Option<TextBlock>,
}

/// A banquet table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableShape {
    /// Table number, 1 = main table.
    pub number: u32,
    /// Centre x.
    pub cx: f64,
    /// Centre y.
    pub cy: f64,
    /// Radius of the table top.
    pub r: f64,
    /// The table's name (主桌, 2號桌) placed in its middle.
    pub title: TextBlock,
    /// Why the table has its number.
    pub reason: String,
}

/// The podium (主席臺) band.
#[derive(Debug, Clone, PartialEq)]
pub struct PodiumBand {
    /// The band.
    pub rect: Rect,
    /// y of the edge facing the audience (the stage front).
    pub front: f64,
    /// The "主席臺" title.
    pub title: TextBlock,
}

/// A labelled mark that is not a seat: row labels, block labels, the facing note.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// What the mark is.
    pub kind: MarkKind,
    /// The text.
    pub text: TextBlock,
}

/// Kinds of [`Mark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A row label (第1排) beside a hall or podium row, or a party's row at an occasion.
    Row,
    /// A hall block label (左區), or the name of a table or a party at a host–guest
    /// occasion (會談桌, 客方).
    Block,
    /// Where the door, the camera or the audience is (banquets, line-ups, occasions).
    Door,
    /// The note on which way the hall faces.
    Facing,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What it explains.
    pub kind: LegendKind,
    /// The text (unit name, or what the symbol means).
    pub label: String,
    /// How many seats it applies to.
    pub count: usize,
}

/// Kinds of [`LegendEntry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendKind {
    /// A unit's colour, `UNIT_FILLS[i % 12]`.
    Unit(usize),
    /// Seated people without a unit.
    NoUnit,
    /// A podium seat.
    Podium,
    /// A reserved seat.
    Reserved,
    /// A blocked seat.
    Blocked,
    /// A seat placed by a special instruction.
    Pinned,
    /// A person moved against the earlier plan.
    Moved,
    /// A person new against the earlier plan (or newly seated).
    Added,
}

/// The whole resolved chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Meeting header (clean text).
    pub meeting: Meeting,
    /// Which part this chart draws.
    pub part: Part,
    /// What the chart is, printed after the meeting title: 座次圖, 桌次圖, 全體合影站位圖 (…).
    pub heading: String,
    /// Banquet tables (part `Banquet`).
    pub tables: Vec<TableShape>,
    /// Banquet seats, line-up or occasion places (parts `Banquet`, `Lineup`, `Bilateral`).
    pub places: Vec<PlaceBox>,
    /// Which way the chart faces.
    pub view: View,
    /// Width of the diagram in chart units (origin at the top left).
    pub width: f64,
    /// Height of the diagram in chart units.
    pub height: f64,
    /// Every seat of the venue, podium first, then by row and column.
    pub seats: Vec<SeatBox>,
    /// The podium band, if there is a podium.
    pub podium: Option<PodiumBand>,
    /// The hall's outline, if there is a hall.
    pub hall: Option<Rect>,
    /// Hall blocks between aisles, audience's left first; at a host–guest occasion, the
    /// table (會談桌, 簽字桌).
    pub blocks: Vec<Rect>,
    /// Aisles.
    pub aisles: Vec<Rect>,
    /// Row labels, block labels and the facing note.
    pub marks: Vec<Mark>,
    /// Legend: units in unit order, then symbols in use.
    pub legend: Vec<LegendEntry>,
    /// Which way the chart is drawn, in words (for the page header).
    pub orientation: String,
    /// People without a seat, in precedence order.
    pub unseated: Vec<Occupant>,
    /// People removed or left without a seat against the earlier plan (from the diff).
    pub removed: Vec<String>,
    /// Content hash of the earlier draft the changes are marked against (from the diff;
    /// empty without one), so a reviewer can tell which draft it was.
    pub against: String,
    /// Short content hash of the scenario and plan (16 hex digits, FNV-1a 64).
    pub hash: String,
    /// `seating-core` version that made the layout.
    pub version: &'static str,
}

// Geometry, in chart units.
const P_W: f64 = 26.0;
const P_H: f64 = 19.0;
const P_GAP: f64 = 3.0;
const P_ROW_GAP: f64 = 5.0;
const P_PAD_X: f64 = 14.0;
const P_PAD_TOP: f64 = 12.5;
const P_PAD_BOTTOM: f64 = 5.0;
const H_W: f64 = 20.0;
const H_H: f64 = 13.0;
const H_GAP: f64 = 1.2;
const H_ROW_GAP: f64 = 2.4;
const AISLE: f64 = 9.0;
const ROW_LABEL_W: f64 = 13.0;
const ROW_LABEL_SIZE: f64 = 3.4;
const FLOOR_GAP: f64 = 7.0;
const T_SEAT_W: f64 = 18.0;
const T_SEAT_H: f64 = 12.5;
const DOOR_H: f64 = 12.0;
const GAP_PODIUM_HALL: f64 = 16.0;
const HALL_PAD: f64 = 3.0;
const BLOCK_LABEL_H: f64 = 8.0;
// Host–guest occasions: a place box (small style, leaving room for the label in the
// corner), the gaps between places and rows, the table, and the margins for row labels.
const B_W: f64 = 30.0;
const B_H: f64 = 18.0;
const B_GAP: f64 = 3.0;
const B_ROW_GAP: f64 = 5.0;
const B_TABLE: f64 = 12.0;
const B_TABLE_GAP: f64 = 3.0;
const B_TABLE_OVER: f64 = 5.0;
const B_SIDE: f64 = 20.0;
const B_PAD: f64 = 5.0;
const B_HEAD: f64 = 8.0;

/// Resolves a plan into a drawable layout.
///
/// Arguments: the scenario and the plan made from it (by [`crate::plan()`] or
/// [`crate::diff::keep`]), and [`LayoutOptions`]. Seats the plan does not know are skipped,
/// never a panic. Complexity: O(seats + people).
pub fn layout(scenario: &Scenario, plan: &Plan, options: &LayoutOptions) -> Layout {
    let b = Builder::new(scenario, plan, options);
    match options.part {
        Part::Venue => b.run(),
        Part::Banquet => b.banquet(),
        Part::Lineup(k) => b.lineup(k),
        Part::Bilateral(k) => b.bilateral(k),
    }
}

/// The podium rows a plan uses: `podium.rows`, or with `podium.shrink` the rows shrunk as
/// the planner shrank them (people present, reserved seats, pins across sections).
fn podium_rows(s: &Scenario, plan: &Plan) -> Vec<u32> {
    let Some(p) = &s.podium else { return Vec::new() };
    if !p.shrink {
        return p.rows.clone();
    }
    let ids: HashMap<&str, usize> = s.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut excluded = vec![true; s.people.len()];
    for id in &plan.precedence {
        if let Some(&i) = ids.get(id.as_str()) {
            excluded[i] = false;
        }
    }
    podium::shrink(&p.rows, crate::plan::podium_places(s, &ids, &excluded))
}

/// The boxes of a chart that differ between two plans, from [`changes`]: apply them to the
/// earlier layout (with [`BoxChanges::apply`]) to get the layout of the new plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoxChanges {
    /// New venue seat boxes: index into [`Layout::seats`], and the box.
    pub seats: Vec<(usize, SeatBox)>,
    /// New place boxes: index into [`Layout::places`], and the box.
    pub places: Vec<(usize, PlaceBox)>,
    /// The new legend (it counts the seats).
    pub legend: Vec<LegendEntry>,
    /// The new list of people without a seat, when it changed.
    pub unseated: Option<Vec<Occupant>>,
}

impl BoxChanges {
    /// Puts the new boxes into `layout`, the earlier layout given to [`changes`]. The
    /// content hash is left as it was: set it with [`content_hash`] (or use [`relayout`]).
    pub fn apply(self, layout: &mut Layout) {
        for (i, b) in self.seats {
            if let Some(slot) = layout.seats.get_mut(i) {
                *slot = b;
            }
        }
        for (i, b) in self.places {
            if let Some(slot) = layout.places.get_mut(i) {
                *slot = b;
            }
        }
        layout.legend = self.legend;
        if let Some(u) = self.unseated {
            layout.unseated = u;
        }
    }
}

/// The layout of `after` (a scenario and its plan), made from `prev`, the layout of `before`
/// with the same `options`: when only occupants changed (hand edits: a swap, a pin, a
/// reservation), only the boxes of the seats whose occupant, reason or flags changed are
/// made again; otherwise it is [`layout()`]. Always equal to `layout(after.0, after.1, options)`.
///
/// ```
/// use seating_core::{layout, plan, LayoutOptions, Scenario};
/// use seating_core::layout::relayout;
/// let s = Scenario::from_json(r#"{"format":"seating/1",
///   "people":[{"id":"a","name":"王晨","rank":1},{"id":"b","name":"李強","rank":2}],
///   "hall":{"rows":1,"seats":4}}"#).unwrap();
/// let o = LayoutOptions::default();
/// let (p, mut s2) = (plan(&s), s.clone());
/// s2.instructions = serde_json::from_str(r#"[{"op":"swap","people":["a","b"]}]"#).unwrap();
/// let p2 = plan(&s2);
/// let l = relayout(layout(&s, &p, &o), (&s, &p), (&s2, &p2), &o);
/// assert_eq!(l, layout(&s2, &p2, &o));
/// ```
pub fn relayout(
    prev: Layout,
    before: (&Scenario, &Plan),
    after: (&Scenario, &Plan),
    options: &LayoutOptions,
) -> Layout {
    match changes(&prev, &prev.seats, &prev.places, before, after, options) {
        Some(c) => {
            let mut l = prev;
            c.apply(&mut l);
            l.hash = hash_unless(options, after.0, after.1);
            l
        }
        None => layout(after.0, after.1, options),
    }
}

/// What differs between `frame`, the layout of `before` (whose seat and place boxes are
/// `seats` and `places`, kept by the caller in `frame` or beside it), and the layout of
/// `after` with the same `options`: `None` when more than boxes may differ (the venue, the
/// roster, the precedence, the options, another part's plan; then call [`layout()`]), else
/// the boxes to replace, the legend, and the people without a seat when they changed.
///
/// Cost: O(seats + people) comparisons and look-ups, no text fitting except for the
/// changed boxes (a hand edit changes two or three).
pub fn changes<'a, S: std::borrow::Borrow<SeatBox>, P: std::borrow::Borrow<PlaceBox>>(
    frame: &Layout,
    seats: &[S],
    places: &[P],
    before: (&'a Scenario, &'a Plan),
    after: (&'a Scenario, &'a Plan),
    options: &LayoutOptions,
) -> Option<BoxChanges> {
    let ((s0, p0), (s1, p1)) = (before, after);
    if options.diff.is_some() || frame.part != options.part || frame.view != options.view {
        return None;
    }
    if !same_but_instructions(s0, s1) || p0.precedence != p1.precedence {
        return None;
    }
    // A shrunk podium keeps room for reserved and pinned seats, so hand edits can resize it.
    if s1.podium.as_ref().is_some_and(|p| p.shrink) && podium_rows(s0, p0) != podium_rows(s1, p1) {
        return None;
    }
    let unseated_changed = p0.unseated != p1.unseated;
    match options.part {
        Part::Venue => {}
        // Another part's chart changes only with its own plan: then it is drawn again.
        Part::Banquet if p0.banquet == p1.banquet && !unseated_changed => {
            return Some(BoxChanges { legend: frame.legend.clone(), ..BoxChanges::default() })
        }
        Part::Lineup(k) if p0.lineups.get(k) == p1.lineups.get(k) && !unseated_changed => {
            return Some(BoxChanges { legend: frame.legend.clone(), ..BoxChanges::default() })
        }
        Part::Bilateral(k) if p0.bilateral.get(k) == p1.bilateral.get(k) && !unseated_changed => {
            return Some(BoxChanges { legend: frame.legend.clone(), ..BoxChanges::default() })
        }
        _ => return None,
    }
    if !places.is_empty() || seats.windows(2).any(|w| w[0].borrow().seat >= w[1].borrow().seat) {
        return None; // not a venue layout made by `layout()`
    }
    // Seats whose assignment changed (the plan lists seats in order: usually pair by pair).
    let mut changed: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let paired =
        p0.seats.len() == p1.seats.len() && p0.seats.iter().zip(&p1.seats).all(|(a, b)| a.seat == b.seat);
    if paired {
        changed.extend(p0.seats.iter().zip(&p1.seats).filter(|(a, b)| a != b).map(|(a, _)| a.seat.as_str()));
    } else {
        let mut old: HashMap<&str, Vec<&SeatAssignment>> = HashMap::new();
        for a in &p0.seats {
            old.entry(a.seat.as_str()).or_default().push(a);
        }
        let mut new: HashMap<&str, Vec<&SeatAssignment>> = HashMap::new();
        for a in &p1.seats {
            new.entry(a.seat.as_str()).or_default().push(a);
        }
        changed.extend(new.iter().filter(|(k, v)| old.get(*k) != Some(v)).map(|(k, _)| *k));
        changed.extend(old.keys().filter(|k| !new.contains_key(*k)).copied());
    }
    // Seats whose rank-inversion mark changed.
    let inverted = |p: &'a Plan| -> std::collections::HashSet<&'a str> {
        p.diagnostics
            .iter()
            .filter(|d| d.code == "rank-inversion")
            .filter_map(|d| d.seat.as_deref())
            .collect()
    };
    let (inv0, inv1) = (inverted(p0), inverted(p1));
    changed.extend(inv0.symmetric_difference(&inv1).copied());

    // The changed seats in the layout (a seat the layout does not draw stays undrawn).
    let mut targets: Vec<(usize, SeatId)> = changed
        .iter()
        .filter_map(|id| id.parse::<SeatId>().ok())
        .filter_map(|id| seats.binary_search_by(|b| b.borrow().seat.cmp(&id)).ok().map(|i| (i, id)))
        .collect();
    crate::sort::sort(&mut targets);
    targets.dedup();
    // Look-ups for those seats and their people only.
    let ids: std::collections::HashSet<SeatId> = targets.iter().map(|&(_, id)| id).collect();
    let by_seat: HashMap<SeatId, &SeatAssignment> = p1
        .seats
        .iter()
        .filter(|a| changed.contains(a.seat.as_str()))
        .filter_map(|a| a.seat.parse::<SeatId>().ok().filter(|id| ids.contains(id)).map(|id| (id, a)))
        .collect();
    let mut people: std::collections::HashSet<&str> =
        by_seat.values().filter_map(|a| a.person.as_deref()).collect();
    if unseated_changed {
        people.extend(p1.unseated.iter().map(String::as_str));
    }
    let mut b = Builder::bare(s1, p1, options);
    b.by_seat = by_seat;
    b.person_ix = s1
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| people.contains(p.id.as_str()))
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    b.prec = p1
        .precedence
        .iter()
        .enumerate()
        .filter(|(_, p)| people.contains(p.as_str()))
        .map(|(i, p)| (p.as_str(), i + 1))
        .collect();
    b.inverted = inv1;
    let mut shape = None;
    let new_seats: Vec<(usize, SeatBox)> = targets
        .iter()
        .map(|&(i, id)| {
            let old = seats[i].borrow();
            let label = || match id.area {
                Area::Podium => podium_label(id, s1.meeting.script),
                Area::Hall => match &s1.hall {
                    Some(h) => shape.get_or_insert_with(|| hall::Shape::new(h)).label(
                        id,
                        &s1.convention,
                        s1.meeting.script,
                    ),
                    None => String::new(),
                },
            };
            let mut nb = b.seat_box(id, old.rect, label, old.blocked);
            nb.number = old.number.clone();
            (i, nb)
        })
        .collect();
    let mut next = new_seats.iter().peekable();
    let legend = b.legend(seats.iter().enumerate().map(|(i, old)| match next.peek() {
        Some((k, nb)) if *k == i => {
            next.next();
            nb
        }
        _ => old.borrow(),
    }));
    let unseated = unseated_changed.then(|| p1.unseated.iter().filter_map(|id| b.occupant(id)).collect());
    Some(BoxChanges { seats: new_seats, places: Vec::new(), legend, unseated })
}

/// Whether two scenarios are equal in everything but their instructions.
fn same_but_instructions(a: &Scenario, b: &Scenario) -> bool {
    // Spelled out field by field, so that a new field cannot be forgotten here.
    let Scenario {
        format,
        meeting,
        convention,
        ranking,
        units,
        people,
        podium,
        hall,
        instructions: _,
        banquet,
        lineups,
        vehicles,
        groups,
        bilateral,
    } = a;
    *format == b.format
        && *meeting == b.meeting
        && *convention == b.convention
        && *ranking == b.ranking
        && *units == b.units
        && *podium == b.podium
        && *hall == b.hall
        && *banquet == b.banquet
        && *lineups == b.lineups
        && *vehicles == b.vehicles
        && *groups == b.groups
        && *bilateral == b.bilateral
        && *people == b.people
}

/// The printed label of a podium seat the plan does not mention, in `script`.
fn podium_label(id: SeatId, script: crate::Script) -> String {
    script.word(&format!("主席臺第{}排{}號", id.row, id.col))
}

struct Builder<'a> {
    s: &'a Scenario,
    plan: &'a Plan,
    opt: &'a LayoutOptions,
    by_seat: HashMap<SeatId, &'a SeatAssignment>,
    person_ix: HashMap<&'a str, usize>,
    prec: HashMap<&'a str, usize>,
    unit_ix: HashMap<&'a str, usize>,
    /// Unit names, cleaned once (not once per seat).
    unit_names: Vec<String>,
    inverted: std::collections::HashSet<&'a str>,
    changes: HashMap<&'a str, &'a Change>,
    width: f64,
    height: f64,
}

impl<'a> Builder<'a> {
    /// A builder with the per-scenario tables only (units); the caller fills the look-ups
    /// it needs.
    fn bare(s: &'a Scenario, plan: &'a Plan, opt: &'a LayoutOptions) -> Builder<'a> {
        Builder {
            s,
            plan,
            opt,
            by_seat: HashMap::new(),
            person_ix: HashMap::new(),
            prec: HashMap::new(),
            unit_ix: s.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect(),
            unit_names: s.units.iter().map(|u| clean(&u.name)).collect(),
            inverted: std::collections::HashSet::new(),
            changes: HashMap::new(),
            width: 0.0,
            height: 0.0,
        }
    }

    fn new(s: &'a Scenario, plan: &'a Plan, opt: &'a LayoutOptions) -> Builder<'a> {
        let by_seat =
            plan.seats.iter().filter_map(|a| a.seat.parse::<SeatId>().ok().map(|id| (id, a))).collect();
        let person_ix = s.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let prec = plan.precedence.iter().enumerate().map(|(i, p)| (p.as_str(), i + 1)).collect();
        let unit_ix = s.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
        let inverted = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == "rank-inversion")
            .filter_map(|d| d.seat.as_deref())
            .collect();
        let changes = match &opt.diff {
            Some(d) => d.changes.iter().filter(|c| c.to.is_some()).map(|c| (c.person.as_str(), c)).collect(),
            None => HashMap::new(),
        };
        Builder {
            s,
            plan,
            opt,
            by_seat,
            person_ix,
            prec,
            unit_ix,
            unit_names: s.units.iter().map(|u| clean(&u.name)).collect(),
            inverted,
            changes,
            width: 0.0,
            height: 0.0,
        }
    }

    fn podium_rows(&self) -> Vec<u32> {
        podium_rows(self.s, self.plan)
    }

    fn occupant(&self, id: &str) -> Option<Occupant> {
        let &i = self.person_ix.get(id)?;
        let p = &self.s.people[i];
        let unit_index = p.unit.as_deref().and_then(|u| self.unit_ix.get(u).copied());
        Some(Occupant {
            id: clean(&p.id),
            name: clean(&p.name),
            post: clean(p.post.as_deref().unwrap_or("")),
            unit: unit_index.map(|k| self.unit_names[k].clone()).unwrap_or_default(),
            unit_index,
            precedence: self.prec.get(id).copied().unwrap_or(0),
        })
    }

    /// Maps a box from the audience frame into the chosen view.
    fn place(&self, r: Rect) -> Rect {
        match self.opt.view {
            View::Audience => r,
            View::Podium => Rect { x: self.width - r.x - r.w, y: self.height - r.y - r.h, w: r.w, h: r.h },
        }
    }

    fn run(mut self) -> Layout {
        let podium_rows = self.podium_rows();
        let hall = self.s.hall.clone();
        let conv = &self.s.convention;

        // Widths and heights in the audience frame.
        let p_pitch = P_W + P_GAP;
        let p_row_w = |n: u32| n as f64 * P_W + n.saturating_sub(1) as f64 * P_GAP;
        let p_extent = podium_rows
            .iter()
            .map(|&n| {
                let off = podium::axis_offset(n, conv).abs() * p_pitch;
                p_row_w(n) + 2.0 * off
            })
            .fold(0.0, f64::max);
        let has_podium = !podium_rows.is_empty();
        let band_w = if has_podium { p_extent + 2.0 * P_PAD_X } else { 0.0 };
        let band_h = if has_podium {
            P_PAD_TOP
                + podium_rows.len() as f64 * P_H
                + (podium_rows.len() - 1) as f64 * P_ROW_GAP
                + P_PAD_BOTTOM
        } else {
            0.0
        };
        let (hall_seats_w, col_x) = match &hall {
            Some(h) => hall_columns(h),
            None => (0.0, Vec::new()),
        };
        // Rows top to bottom (audience frame, from the hall's first row), with a gap between floors.
        let shape = hall.as_ref().map(hall::Shape::new);
        let mut row_y: Vec<f64> = Vec::new();
        let mut row_labels: Vec<String> = Vec::new();
        if let Some(sh) = &shape {
            let mut y = 0.0;
            for r in 1..=sh.rows() {
                if r > 1 {
                    let new_floor = sh.row(r).map(|x| x.floor) != sh.row(r - 1).map(|x| x.floor);
                    y += H_H + H_ROW_GAP + if new_floor { FLOOR_GAP } else { 0.0 };
                }
                row_y.push(y);
                // Floor names are user text: cleaned.
                row_labels.push(clean(&sh.row_label(r, self.s.meeting.script)));
            }
        }
        let hall_inner_h = row_y.last().map_or(0.0, |y| y + H_H);
        let has_blocks = hall.as_ref().is_some_and(|h| !h.aisles.is_empty());
        let hall_w = if hall.is_some() { hall_seats_w + 2.0 * HALL_PAD } else { 0.0 };
        let hall_h = if hall.is_some() {
            hall_inner_h + 2.0 * HALL_PAD + if has_blocks { BLOCK_LABEL_H } else { 0.0 }
        } else {
            0.0
        };
        let label_w = if hall.is_some() {
            row_labels.iter().map(|l| text_width(l, ROW_LABEL_SIZE) + 4.0).fold(ROW_LABEL_W, f64::max)
        } else {
            0.0
        };
        self.width = band_w.max(hall_w + 2.0 * label_w).max(40.0);
        let gap = if has_podium && hall.is_some() { GAP_PODIUM_HALL } else { 0.0 };
        self.height = (band_h + gap + hall_h).max(20.0);
        let axis = self.width / 2.0;

        let mut seats: Vec<SeatBox> = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        let flipped = self.opt.view == View::Podium;

        // The podium.
        let podium_band = if has_podium {
            let band = self.place(Rect { x: axis - band_w / 2.0, y: 0.0, w: band_w, h: band_h });
            let front = if flipped { band.y } else { band.y + band.h };
            let title_y = if flipped { band.y + band.h - 3.4 } else { band.y + 8.6 };
            let title = TextBlock {
                lines: vec![self.w("主 席 臺")],
                x: band.cx(),
                y: title_y,
                size: 6.4,
                leading: 6.4,
                anchor: Anchor::Middle,
            };
            let front_y = band_h - P_PAD_BOTTOM; // bottom of the front row, audience frame
            for (r, &n) in podium_rows.iter().enumerate() {
                let top = front_y - (r as f64 + 1.0) * P_H - r as f64 * P_ROW_GAP;
                let off = podium::axis_offset(n, conv) * p_pitch;
                let x0 = axis - p_row_w(n) / 2.0 + off;
                for c in 0..n {
                    let rect = self.place(Rect { x: x0 + c as f64 * p_pitch, y: top, w: P_W, h: P_H });
                    let id = SeatId::podium(r as u32 + 1, c + 1);
                    let label = || podium_label(id, self.s.meeting.script);
                    seats.push(self.seat_box(id, rect, label, false));
                }
                if podium_rows.len() > 1 {
                    let row = self.place(Rect { x: x0, y: top, w: p_row_w(n), h: P_H });
                    let band_left = band.x;
                    marks.push(Mark {
                        kind: MarkKind::Row,
                        text: TextBlock {
                            lines: vec![self.w(&format!("第{}排", r + 1))],
                            x: band_left + 2.0,
                            y: row.cy() + 1.2,
                            size: 3.4,
                            leading: 3.4,
                            anchor: Anchor::Start,
                        },
                    });
                }
            }
            Some(PodiumBand { rect: band, front, title })
        } else {
            None
        };

        // The hall.
        let mut hall_rect = None;
        let mut blocks = Vec::new();
        let mut aisles = Vec::new();
        if let Some(h) = &hall {
            let top = band_h + gap;
            let outline = self.place(Rect { x: axis - hall_w / 2.0, y: top, w: hall_w, h: hall_h });
            hall_rect = Some(outline);
            let x_left = axis - hall_seats_w / 2.0;
            let rows_top = top + HALL_PAD;
            let blocked: std::collections::HashSet<SeatId> =
                h.blocked.iter().filter_map(|b| b.parse::<SeatId>().ok()).collect();
            let sh = shape.as_ref().expect("a hall has a shape");
            for r in 1..=sh.rows() {
                let y = rows_top + row_y[r as usize - 1];
                let Some(rs) = sh.row(r) else { continue };
                for c in 1..=rs.len {
                    let g = (rs.offset + c) as usize;
                    let Some(&gx) = col_x.get(g - 1) else { continue };
                    let rect = self.place(Rect { x: x_left + gx, y, w: H_W, h: H_H });
                    let id = SeatId::hall(r, c);
                    let mut b = self.seat_box(
                        id,
                        rect,
                        || sh.label(id, conv, self.s.meeting.script),
                        blocked.contains(&id),
                    );
                    b.number = Some(TextBlock {
                        lines: vec![sh.number(id, conv).to_string()],
                        x: rect.x + 1.0,
                        y: rect.y + 2.6,
                        size: 2.2,
                        leading: 2.2,
                        anchor: Anchor::Start,
                    });
                    seats.push(b);
                }
                let row = self.place(Rect { x: x_left, y, w: hall_seats_w, h: H_H });
                for (x, anchor) in
                    [(outline.x - 2.0, Anchor::End), (outline.x + outline.w + 2.0, Anchor::Start)]
                {
                    marks.push(Mark {
                        kind: MarkKind::Row,
                        text: TextBlock {
                            lines: vec![row_labels[r as usize - 1].clone()],
                            x,
                            y: row.cy() + 1.2,
                            size: ROW_LABEL_SIZE,
                            leading: ROW_LABEL_SIZE,
                            anchor,
                        },
                    });
                }
            }
            // Blocks and aisles.
            let edges = block_edges(h);
            let n_blocks = edges.len();
            for (k, &(c0, c1)) in edges.iter().enumerate() {
                let x0 = x_left + col_x[c0 as usize - 1] - HALL_PAD / 2.0;
                let x1 = x_left + col_x[c1 as usize - 1] + H_W + HALL_PAD / 2.0;
                let rect = self.place(Rect {
                    x: x0,
                    y: rows_top - HALL_PAD / 2.0,
                    w: x1 - x0,
                    h: hall_inner_h + HALL_PAD,
                });
                blocks.push(rect);
                if n_blocks > 1 {
                    let name = self.w(&block_name(k, n_blocks));
                    let y = if flipped { rect.y - 2.4 } else { rect.y + rect.h + 5.4 };
                    marks.push(Mark {
                        kind: MarkKind::Block,
                        text: TextBlock {
                            lines: vec![name],
                            x: rect.cx(),
                            y,
                            size: 3.6,
                            leading: 3.6,
                            anchor: Anchor::Middle,
                        },
                    });
                }
                if k + 1 < n_blocks {
                    let ax = x_left + col_x[c1 as usize - 1] + H_W + HALL_PAD / 2.0;
                    let aw = col_x[c1 as usize] - col_x[c1 as usize - 1] - H_W - HALL_PAD;
                    aisles.push(self.place(Rect { x: ax, y: rows_top, w: aw, h: hall_inner_h }));
                }
            }
            if has_podium {
                let mid = self.place(Rect { x: axis - 20.0, y: band_h, w: 40.0, h: gap });
                let arrow = if flipped { "▼" } else { "▲" };
                marks.push(Mark {
                    kind: MarkKind::Facing,
                    text: TextBlock {
                        lines: vec![self.w(&format!("{arrow} 臺下面向主席臺 {arrow}"))],
                        x: mid.cx(),
                        y: mid.cy() + 1.4,
                        size: 3.6,
                        leading: 3.6,
                        anchor: Anchor::Middle,
                    },
                });
            }
        }

        let legend = self.legend(seats.iter());
        let unseated = self.plan.unseated.iter().filter_map(|id| self.occupant(id)).collect();
        let removed = match &self.opt.diff {
            Some(d) => d.changes.iter().filter(|c| c.to.is_none()).map(|r| clean(&r.name)).collect(),
            None => Vec::new(),
        };
        let orientation = self.w(match self.opt.view {
            View::Audience => "主席臺在上，臺下在下；左右以臺下面向主席臺為準，即觀眾視角",
            View::Podium => "主席臺視角：主席臺在下，面向臺下；左右與觀眾視角相反",
        });
        Layout {
            meeting: Meeting {
                title: clean(&self.s.meeting.title),
                date: clean(&self.s.meeting.date),
                place: clean(&self.s.meeting.place),
                script: self.s.meeting.script,
                language: self.s.meeting.language,
            },
            part: Part::Venue,
            heading: self.w("座次圖"),
            tables: Vec::new(),
            places: Vec::new(),
            view: self.opt.view,
            width: self.width,
            height: self.height,
            seats,
            podium: podium_band,
            hall: hall_rect,
            blocks,
            aisles,
            marks,
            legend,
            orientation,
            unseated,
            removed,
            against: self.opt.diff.as_ref().map(|d| d.against.clone()).unwrap_or_default(),
            hash: hash_unless(self.opt, self.s, self.plan),
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    /// One venue seat; `label` is only asked for when the plan has no label for the seat.
    fn seat_box(&self, id: SeatId, rect: Rect, label: impl FnOnce() -> String, blocked: bool) -> SeatBox {
        let a = self.by_seat.get(&id).copied();
        let person = a.and_then(|a| a.person.as_deref()).and_then(|p| self.occupant(p));
        let reserved = a.is_some_and(|a| a.reserved);
        let pinned = a.is_some_and(|a| a.instruction.is_some() && !a.reserved);
        let inverted = !self.inverted.is_empty() && self.inverted.contains(id.to_string().as_str());
        let change = person.as_ref().and_then(|p| self.changes.get(p.id.as_str()).map(|c| (*c).clone()));
        let podium = id.area == Area::Podium;
        let (mut name, mut post) = (None, None);
        if let Some(p) = &person {
            (name, post) = person_text(p, rect, podium);
        } else if reserved || blocked {
            let text = self.w(if reserved { "預留" } else { "不可用" });
            let size = if podium { 4.0 } else { 3.0 };
            name = Some(TextBlock {
                lines: vec![text],
                x: rect.cx(),
                y: rect.cy() + size * 0.4 + 1.0,
                size,
                leading: size,
                anchor: Anchor::Middle,
            });
        }
        SeatBox {
            seat: id,
            rect,
            label: a.map_or_else(label, |a| clean(&a.label)),
            person,
            reason: a.map(|a| clean(&a.reason)).unwrap_or_default(),
            reserved,
            blocked,
            pinned,
            inverted,
            change,
            name,
            post,
            number: None,
        }
    }

    /// The program's own words (a Traditional literal, or one with numbers filled in) in the
    /// scenario's script; never for names or other user data.
    fn w(&self, text: &str) -> String {
        self.s.meeting.script.word(text)
    }

    /// The common frame of a chart that is not the venue (`heading` already in the script).
    fn other(&self, part: Part, heading: String, orientation: &str) -> Layout {
        Layout {
            meeting: Meeting {
                title: clean(&self.s.meeting.title),
                date: clean(&self.s.meeting.date),
                place: clean(&self.s.meeting.place),
                script: self.s.meeting.script,
                language: self.s.meeting.language,
            },
            part,
            heading,
            tables: Vec::new(),
            places: Vec::new(),
            view: self.opt.view,
            width: self.width,
            height: self.height,
            seats: Vec::new(),
            podium: None,
            hall: None,
            blocks: Vec::new(),
            aisles: Vec::new(),
            marks: Vec::new(),
            legend: Vec::new(),
            orientation: self.w(orientation),
            unseated: Vec::new(),
            removed: Vec::new(),
            against: String::new(),
            hash: hash_unless(self.opt, self.s, self.plan),
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    #[allow(clippy::too_many_arguments)] // one call per part; a struct would only rename them
    fn place_box(
        &self,
        id: String,
        rect: Rect,
        label: &str,
        person: Option<&str>,
        reason: &str,
        rank: u32,
        corner: String,
    ) -> PlaceBox {
        let person = person.and_then(|p| self.occupant(p));
        let (name, post) = match &person {
            Some(p) => person_text(p, rect, rect.h >= P_H),
            None => (None, None),
        };
        PlaceBox {
            id,
            rect,
            label: clean(label),
            person,
            reason: clean(reason),
            rank,
            name,
            post,
            number: (!corner.is_empty()).then(|| TextBlock {
                lines: vec![corner],
                x: rect.x + 1.0,
                y: rect.y + 2.6,
                size: 2.2,
                leading: 2.2,
                anchor: Anchor::Start,
            }),
        }
    }

    fn part_legend(&self, places: &[PlaceBox]) -> Vec<LegendEntry> {
        let mut per_unit = vec![0usize; self.s.units.len()];
        let mut no_unit = 0;
        for p in places.iter().filter_map(|p| p.person.as_ref()) {
            match p.unit_index {
                Some(k) => per_unit[k] += 1,
                None => no_unit += 1,
            }
        }
        let mut out: Vec<LegendEntry> = per_unit
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(k, &n)| LegendEntry {
                kind: LegendKind::Unit(k),
                label: clean(&self.s.units[k].name),
                count: n,
            })
            .collect();
        if no_unit > 0 && !out.is_empty() {
            out.push(LegendEntry { kind: LegendKind::NoUnit, label: self.w("未列單位"), count: no_unit });
        }
        out
    }

    /// The banquet: table grid seen from the door (main table at the far end, drawn at the
    /// top), each table's seats around it, position 1 facing the door.
    fn banquet(mut self) -> Layout {
        let Some(b) = &self.plan.banquet else {
            self.width = 40.0;
            self.height = 20.0;
            return self.other(Part::Banquet, self.w("桌次圖"), "本方案沒有宴會安排");
        };
        let max_seats = b.tables.iter().map(|t| t.seats).max().unwrap_or(10).max(4);
        let radius = |n: u32| (n as f64 * (T_SEAT_W + 1.5) / std::f64::consts::TAU).max(9.0);
        let cell = 2.0 * (radius(max_seats) + T_SEAT_W + 2.0) + 4.0;
        let grid_w = b.tables.iter().map(|t| t.row_tables).max().unwrap_or(1) as f64 * cell;
        let grid_rows = b.tables.iter().map(|t| t.row).max().unwrap_or(1);
        self.width = grid_w.max(60.0);
        self.height = grid_rows as f64 * cell + DOOR_H;
        let axis = self.width / 2.0;
        let by_seat: HashMap<&str, &crate::banquet::BanquetSeat> =
            b.seats.iter().map(|s| (s.seat.as_str(), s)).collect();
        let mut tables = Vec::with_capacity(b.tables.len());
        let mut places = Vec::new();
        for t in &b.tables {
            let cx = axis + (t.col as f64 - (t.row_tables as f64 + 1.0) / 2.0) * cell;
            let cy = (t.row as f64 - 0.5) * cell;
            let c = self.place(Rect { x: cx, y: cy, w: 0.0, h: 0.0 });
            let r = radius(t.seats);
            let size = if t.number == 1 { 6.4 } else { 5.4 };
            tables.push(TableShape {
                number: t.number,
                cx: c.x,
                cy: c.y,
                r,
                title: TextBlock {
                    lines: vec![clean(&t.label)],
                    x: c.x,
                    y: c.y + size * 0.36,
                    size,
                    leading: size,
                    anchor: Anchor::Middle,
                },
                reason: clean(&t.reason),
            });
            for p in 1..=t.seats {
                // Position 1 at the far side facing the door, then clockwise as drawn (door at
                // the bottom); turning the chart round turns the angles with it.
                let theta =
                    -std::f64::consts::FRAC_PI_2 + (p - 1) as f64 * std::f64::consts::TAU / t.seats as f64;
                // Just clear of the table edge: the box's half-extent along the radius.
                let d = r + 1.0 + theta.cos().abs() * T_SEAT_W / 2.0 + theta.sin().abs() * T_SEAT_H / 2.0;
                let (sx, sy) = (cx + d * theta.cos(), cy + d * theta.sin());
                let rect = self.place(Rect {
                    x: sx - T_SEAT_W / 2.0,
                    y: sy - T_SEAT_H / 2.0,
                    w: T_SEAT_W,
                    h: T_SEAT_H,
                });
                let id = format!("T{}-{}", t.number, p);
                let seat = by_seat.get(id.as_str());
                let rank = seat.map_or(0, |s| s.rank);
                let corner = if rank > 0 { rank.to_string() } else { String::new() };
                let label = seat.map_or_else(
                    || format!("{} {}", t.label, self.w(&format!("第{p}位"))),
                    |s| s.label.clone(),
                );
                places.push(self.place_box(
                    id,
                    rect,
                    &label,
                    seat.map(|s| s.person.as_str()),
                    seat.map_or("", |s| s.reason.as_str()),
                    rank,
                    corner,
                ));
            }
        }
        let door = self.place(Rect { x: axis - 20.0, y: self.height - DOOR_H, w: 40.0, h: DOOR_H });
        let arrow = if self.opt.view == View::Podium { "▲" } else { "▼" };
        let mut l = self.other(
            Part::Banquet,
            self.w("桌次圖"),
            match self.opt.view {
                View::Audience => "自門口看：主桌在裡側（上方），門在下方；圓內小字為席次",
                View::Podium => "自主桌看：門在上方；左右與自門口看相反；圓內小字為席次",
            },
        );
        l.marks.push(Mark {
            kind: MarkKind::Door,
            text: TextBlock {
                lines: vec![self.w(&format!("{arrow} 門 口 {arrow}"))],
                x: door.cx(),
                y: door.cy() + 1.4,
                size: 3.8,
                leading: 3.8,
                anchor: Anchor::Middle,
            },
        });
        l.legend = self.part_legend(&places);
        l.unseated = b.unseated.iter().filter_map(|id| self.occupant(id)).collect();
        l.tables = tables;
        l.places = places;
        l
    }

    /// Line-up `k`: rows front first, the front row drawn at the bottom (nearest the camera),
    /// each row from the camera's left.
    fn lineup(mut self, k: usize) -> Layout {
        let Some(lp) = self.plan.lineups.get(k) else {
            self.width = 40.0;
            self.height = 20.0;
            return self.other(Part::Lineup(k), self.w("站位圖"), "本方案沒有這個站位安排");
        };
        let heading = format!(
            "{}{}",
            clean(&lp.name),
            self.w(match lp.kind {
                crate::lineup::LineupKind::Award => "站位圖（頒獎）",
                _ => "站位圖",
            })
        );
        let n_rows = lp.rows.len().max(1);
        let widest = lp.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let pitch = P_W + P_GAP;
        self.width = widest as f64 * pitch - P_GAP + 2.0 * (P_PAD_X + 6.0);
        self.height = n_rows as f64 * (P_H + P_ROW_GAP) - P_ROW_GAP + DOOR_H + 4.0;
        let axis = self.width / 2.0;
        let by_place: HashMap<(u32, u32), &crate::lineup::LineupPlace> =
            lp.places.iter().map(|p| ((p.row, p.position), p)).collect();
        let mut places = Vec::new();
        let mut marks = Vec::new();
        for (r, row) in lp.rows.iter().enumerate() {
            let n = row.len();
            let top = self.height - DOOR_H - (r as f64 + 1.0) * P_H - r as f64 * P_ROW_GAP;
            let x0 = axis - (n as f64 * pitch - P_GAP) / 2.0;
            for (i, person) in row.iter().enumerate() {
                let rect = self.place(Rect { x: x0 + i as f64 * pitch, y: top, w: P_W, h: P_H });
                let key = (r as u32 + 1, i as u32 + 1);
                let place = by_place.get(&key);
                let label = place
                    .map_or_else(|| self.w(&format!("第{}排 左起第{}位", key.0, key.1)), |p| p.label.clone());
                places.push(self.place_box(
                    format!("L{}-{}-{}", k + 1, key.0, key.1),
                    rect,
                    &label,
                    Some(person.as_str()),
                    place.map_or("", |p| p.reason.as_str()),
                    0,
                    String::new(),
                ));
            }
            if n_rows > 1 {
                let rr = self.place(Rect { x: 2.0, y: top, w: 0.0, h: P_H });
                marks.push(Mark {
                    kind: MarkKind::Row,
                    text: TextBlock {
                        lines: vec![self.w(&format!("第{}排", r + 1))],
                        x: if self.opt.view == View::Podium { self.width - 2.0 } else { 2.0 },
                        y: rr.cy() + 1.2,
                        size: ROW_LABEL_SIZE,
                        leading: ROW_LABEL_SIZE,
                        anchor: if self.opt.view == View::Podium { Anchor::End } else { Anchor::Start },
                    },
                });
            }
        }
        let cam = self.place(Rect { x: axis - 20.0, y: self.height - DOOR_H, w: 40.0, h: DOOR_H });
        let arrow = if self.opt.view == View::Podium { "▼" } else { "▲" };
        let mut l = self.other(
            Part::Lineup(k),
            heading,
            match self.opt.view {
                View::Audience => "自相機（觀眾）看：前排在下；左右以相機方向為準",
                View::Podium => "自站位者看：前排在上，面向相機；左右與相機方向相反",
            },
        );
        marks.push(Mark {
            kind: MarkKind::Door,
            text: TextBlock {
                lines: vec![self.w(&format!("{arrow} 相機位置 {arrow}"))],
                x: cam.cx(),
                y: cam.cy() + 1.4,
                size: 3.8,
                leading: 3.8,
                anchor: Anchor::Middle,
            },
        });
        l.marks = marks;
        l.legend = self.part_legend(&places);
        l.unseated = lp.unplaced.iter().filter_map(|id| self.occupant(id)).collect();
        l.places = places;
        l
    }

    /// Host–guest occasion `k` as a diagram, door (or audience) at the bottom:
    /// - talks, table `facing-door`: the table across the middle, the guest side above it
    ///   (far from the door, facing it), the host side below it (backs to the door), each
    ///   side from the door's left; rows behind a side drawn further out from the table;
    /// - talks, table `end-on`: the table upright with its end towards the door, the hosts
    ///   in the column(s) on the left, the guests on the right, position 1 at the far end
    ///   (top); rows behind further out;
    /// - signing: the signers and assistants (row 1) behind the signing table, the standing
    ///   rows 2, 3, … further back (up the page), from the audience's left; the audience below;
    /// - side-by-side: the principals' line facing the door, the interpreters' row behind it.
    ///
    /// Each place shows the person and, in its corner, the place's label (客方 主談人).
    fn bilateral(mut self, k: usize) -> Layout {
        use crate::bilateral::{BilateralKind, TalksTable};
        use crate::scenario::Party;
        let Some(bp) = self.plan.bilateral.get(k) else {
            self.width = 40.0;
            self.height = 20.0;
            return self.other(Part::Bilateral(k), self.w("座次圖"), "本方案沒有這個會見會談安排");
        };
        let signing = bp.kind == BilateralKind::Signing;
        let end_on = bp.kind == BilateralKind::Talks && bp.table == TalksTable::EndOn;
        let heading = format!("{}{}", clean(&bp.name), self.w(if signing { "站位圖" } else { "座次圖" }));
        let len = bp.length.max(1) as f64;
        let rows_of = |party: Party| {
            bp.places.iter().filter(|p| p.party == party).map(|p| p.row).max().unwrap_or(1).max(1)
        };
        let (g_rows, h_rows) = (rows_of(Party::Guest), rows_of(Party::Host));
        let all_rows = g_rows.max(h_rows);
        let (pitch_x, pitch_y) = (B_W + B_GAP, B_H + B_ROW_GAP);
        let line_w = len * pitch_x - B_GAP;
        // Left edge of position `pos` along a horizontal line.
        let x_of = move |pos: u32| B_SIDE + B_TABLE_OVER + (pos.max(1) - 1) as f64 * pitch_x;
        // A talks side's row label: 客方, then 客方後排 for the rows behind it.
        let side_label = |party: Party, row: u32| {
            if row == 1 {
                party.word().to_string()
            } else {
                format!("{}後排", party.word())
            }
        };
        // Everything below is in the audience (door) frame; `place` and `mark_at` turn it.
        let mut table: Option<(Rect, &str)> = None;
        // Row and party labels: (kind, text, centre x, centre y, anchor).
        let mut labels: Vec<(MarkKind, String, f64, f64, Anchor)> = Vec::new();
        let rect_of: Box<dyn Fn(Party, u32, u32) -> Rect>;
        let door_x;
        if end_on {
            // Columns from the left: host rows (furthest first), the table, guest rows.
            let table_x = B_PAD + h_rows as f64 * pitch_x - B_GAP + B_TABLE_GAP;
            let table_w = B_TABLE + 4.0;
            let guest_x = table_x + table_w + B_TABLE_GAP;
            let top = B_PAD + B_HEAD;
            let table_h = len * (B_H + B_GAP) - B_GAP + 2.0 * B_TABLE_OVER;
            self.width = guest_x + g_rows as f64 * pitch_x - B_GAP + B_PAD;
            self.height = top + table_h + 4.0 + DOOR_H;
            table = Some((Rect { x: table_x, y: top, w: table_w, h: table_h }, "會談桌"));
            let col_x = move |party: Party, row: u32| match party {
                Party::Host => B_PAD + (h_rows - row.max(1)) as f64 * pitch_x,
                Party::Guest => guest_x + (row.max(1) - 1) as f64 * pitch_x,
            };
            for (party, n) in [(Party::Host, h_rows), (Party::Guest, g_rows)] {
                for row in 1..=n {
                    labels.push((
                        MarkKind::Row,
                        self.w(&side_label(party, row)),
                        col_x(party, row) + B_W / 2.0,
                        B_PAD + B_HEAD / 2.0,
                        Anchor::Middle,
                    ));
                }
            }
            rect_of = Box::new(move |party, row, pos| Rect {
                x: col_x(party, row),
                y: top + B_TABLE_OVER + (pos.max(1) - 1) as f64 * (B_H + B_GAP),
                w: B_W,
                h: B_H,
            });
            door_x = table_x + table_w / 2.0;
        } else {
            self.width = 2.0 * (B_SIDE + B_TABLE_OVER) + line_w;
            door_x = self.width / 2.0;
            let table_rect = |y: f64| Rect { x: B_SIDE, y, w: line_w + 2.0 * B_TABLE_OVER, h: B_TABLE };
            match bp.kind {
                BilateralKind::Talks => {
                    // Guests above the table (far from the door), hosts below it.
                    let table_y = B_PAD + g_rows as f64 * pitch_y - B_ROW_GAP + B_TABLE_GAP;
                    let host_y = table_y + B_TABLE + B_TABLE_GAP;
                    self.height = host_y + h_rows as f64 * pitch_y - B_ROW_GAP + 4.0 + DOOR_H;
                    table = Some((table_rect(table_y), "會 談 桌"));
                    let row_y = move |party: Party, row: u32| match party {
                        Party::Guest => B_PAD + (g_rows - row.max(1)) as f64 * pitch_y,
                        Party::Host => host_y + (row.max(1) - 1) as f64 * pitch_y,
                    };
                    for (party, n) in [(Party::Guest, g_rows), (Party::Host, h_rows)] {
                        for row in 1..=n {
                            labels.push((
                                MarkKind::Row,
                                self.w(&side_label(party, row)),
                                2.0,
                                row_y(party, row) + B_H / 2.0,
                                Anchor::Start,
                            ));
                        }
                    }
                    rect_of = Box::new(move |party, row, pos| Rect {
                        x: x_of(pos),
                        y: row_y(party, row),
                        w: B_W,
                        h: B_H,
                    });
                }
                _ => {
                    // One line for both parties (guests on the left), rows behind it going up.
                    let row_y = move |row: u32| B_PAD + (all_rows - row.max(1)) as f64 * pitch_y;
                    let front = row_y(1) + B_H;
                    let caption_y = if signing {
                        let table_y = front + B_TABLE_GAP;
                        table = Some((table_rect(table_y), "簽 字 桌"));
                        table_y + B_TABLE + 5.0
                    } else {
                        front + 5.0
                    };
                    self.height = caption_y + 5.0 + DOOR_H;
                    for row in 1..=all_rows {
                        let text = match (signing, row) {
                            (true, 1) => "簽字席".to_string(),
                            (true, r) => format!("站立第{}排", r - 1),
                            (false, 1) => continue,
                            (false, _) => "後排".to_string(),
                        };
                        labels.push((
                            MarkKind::Row,
                            self.w(&text),
                            2.0,
                            row_y(row) + B_H / 2.0,
                            Anchor::Start,
                        ));
                    }
                    // Each party's name under the middle of its places.
                    for party in [Party::Guest, Party::Host] {
                        let pos = bp.places.iter().filter(|p| p.party == party).map(|p| p.position);
                        if let (Some(a), Some(b)) = (pos.clone().min(), pos.max()) {
                            let cx = (x_of(a) + x_of(b) + B_W) / 2.0;
                            let text = if party == Party::Guest { "客 方" } else { "主 方" };
                            labels.push((MarkKind::Block, self.w(text), cx, caption_y, Anchor::Middle));
                        }
                    }
                    rect_of =
                        Box::new(move |_, row, pos| Rect { x: x_of(pos), y: row_y(row), w: B_W, h: B_H });
                }
            }
        }
        let mut places = Vec::with_capacity(bp.places.len());
        for p in &bp.places {
            let rect = self.place(rect_of(p.party, p.row, p.position));
            let side = if p.party == Party::Guest { 'G' } else { 'H' };
            let mut b = self.place_box(
                format!("B{}-{side}{}-{}", k + 1, p.row, p.position),
                rect,
                &p.label,
                Some(p.person.as_str()),
                &p.reason,
                0,
                clean(&p.label),
            );
            // The name and post below the label line, so that a two-line name clears it.
            if let Some(o) = &b.person {
                let below = Rect { y: rect.y + 1.6, h: rect.h - 1.6, ..rect };
                (b.name, b.post) = person_text(o, below, false);
            }
            places.push(b);
        }
        let podium = self.opt.view == View::Podium;
        let mut marks = Vec::new();
        let mut blocks = Vec::new();
        if let Some((t, name)) = table {
            blocks.push(self.place(t));
            marks.push(self.mark_at(MarkKind::Block, self.w(name), t.cx(), t.cy(), 3.8, Anchor::Middle));
        }
        for (kind, text, x, y, anchor) in labels {
            marks.push(self.mark_at(kind, text, x, y, ROW_LABEL_SIZE, anchor));
        }
        let (arrow, door) = match (signing, podium) {
            (true, false) => ("▲", "觀 眾"),
            (true, true) => ("▼", "觀 眾"),
            (false, false) => ("▼", "正 門"),
            (false, true) => ("▲", "正 門"),
        };
        marks.push(self.mark_at(
            MarkKind::Door,
            self.w(&format!("{arrow} {door} {arrow}")),
            door_x,
            self.height - DOOR_H / 2.0,
            3.8,
            Anchor::Middle,
        ));
        let orientation = match (bp.kind, end_on, podium) {
            (BilateralKind::Signing, _, false) => {
                "自觀眾看：簽字人在簽字桌後，助簽人在外側，其他人員站在後排；觀眾在下方"
            }
            (BilateralKind::Signing, _, true) => "自簽字人看：觀眾在上方；左右與觀眾方向相反",
            (BilateralKind::SideBySide, _, false) => {
                "自正門看：主賓在主人右側（主左客右），譯員在後；正門在下方"
            }
            (_, true, false) => "自正門看：桌端向門，客方在右、主方在左；正門在下方",
            (BilateralKind::Talks, false, false) => {
                "自正門看：客方在裡側面向正門（上方），主方背向正門；正門在下方"
            }
            (_, _, true) => "自裡側看：正門在上方；左右與自正門看相反",
        };
        let mut l = self.other(Part::Bilateral(k), heading, orientation);
        l.blocks = blocks;
        l.marks = marks;
        l.legend = self.part_legend(&places);
        l.places = places;
        l
    }

    /// A one-line mark centred vertically on `(x, y)` of the audience frame, placed in the
    /// chosen view (turned round, the anchor's side turns with it).
    fn mark_at(&self, kind: MarkKind, text: String, x: f64, y: f64, size: f64, anchor: Anchor) -> Mark {
        let (x, y, anchor) = match self.opt.view {
            View::Audience => (x, y, anchor),
            View::Podium => (
                self.width - x,
                self.height - y,
                match anchor {
                    Anchor::Start => Anchor::End,
                    Anchor::End => Anchor::Start,
                    Anchor::Middle => Anchor::Middle,
                },
            ),
        };
        Mark {
            kind,
            text: TextBlock { lines: vec![text], x, y: y + size * 0.36, size, leading: size, anchor },
        }
    }

    fn legend<'s>(&self, seats: impl Iterator<Item = &'s SeatBox>) -> Vec<LegendEntry> {
        let mut per_unit = vec![0usize; self.s.units.len()];
        let (mut no_unit, mut podium, mut reserved, mut blocked, mut pinned, mut moved, mut added) =
            (0, 0, 0, 0, 0, 0, 0);
        for b in seats {
            if b.seat.area == Area::Podium && b.person.is_some() {
                podium += 1;
            } else if let Some(p) = &b.person {
                match p.unit_index {
                    Some(k) => per_unit[k] += 1,
                    None => no_unit += 1,
                }
            }
            reserved += b.reserved as usize;
            blocked += b.blocked as usize;
            pinned += b.pinned as usize;
            match b.change.as_ref().map(|c| c.kind) {
                Some(ChangeKind::Moved) => moved += 1,
                Some(_) => added += 1,
                None => {}
            }
        }
        let mut out = Vec::new();
        if podium > 0 {
            out.push(LegendEntry { kind: LegendKind::Podium, label: self.w("主席臺"), count: podium });
        }
        for (k, &n) in per_unit.iter().enumerate() {
            if n > 0 {
                out.push(LegendEntry {
                    kind: LegendKind::Unit(k),
                    label: clean(&self.s.units[k].name),
                    count: n,
                });
            }
        }
        if no_unit > 0 {
            out.push(LegendEntry { kind: LegendKind::NoUnit, label: self.w("未列單位"), count: no_unit });
        }
        for (kind, label, n) in [
            (LegendKind::Pinned, "按領導意見安排", pinned),
            (LegendKind::Reserved, "預留座位", reserved),
            (LegendKind::Blocked, "不可用座位", blocked),
            (LegendKind::Moved, "較前稿調整", moved),
            (LegendKind::Added, "較前稿新增", added),
        ] {
            if n > 0 {
                out.push(LegendEntry { kind, label: self.w(label), count: n });
            }
        }
        if out.len() == 1 && out[0].kind == LegendKind::Podium {
            out.clear(); // a legend that only says "podium" says nothing
        }
        out
    }
}

/// The occupant's name and post fitted into a seat box: the name in the upper part, the
/// post below where it fits. `big` is the podium style (larger name).
fn person_text(p: &Occupant, rect: Rect, big: bool) -> (Option<TextBlock>, Option<TextBlock>) {
    let (name_base, name_min, post_base) = if big { (5.2, 3.0, 2.8) } else { (4.2, 2.4, 2.3) };
    let pad = 1.4;
    let inner_w = rect.w - 2.0 * pad;
    // Regions, top to bottom: room for the corner number (small boxes), the name, the post.
    let top_pad = if big { 1.2 } else { 2.6 };
    let has_post = !p.post.is_empty();
    let name_bottom =
        if has_post { rect.y + rect.h * if big { 0.64 } else { 0.68 } } else { rect.y + rect.h - 1.2 };
    let name_top = rect.y + top_pad;
    let block = |lines: Vec<String>, size: f64, top: f64, bottom: f64| {
        let leading = size * 1.08;
        let block_h = leading * (lines.len() - 1) as f64 + size * 1.1;
        let y0 = top + ((bottom - top) - block_h).max(0.0) / 2.0;
        TextBlock { lines, x: rect.cx(), y: y0 + size * 0.88, size, leading, anchor: Anchor::Middle }
    };
    let mut name = None;
    let mut post = None;
    let name_h = name_bottom - name_top;
    if let Some((lines, size)) = fit(&p.name, inner_w, name_h, name_base, name_min, 2) {
        name = Some(block(lines, size, name_top, name_bottom));
    }
    if has_post {
        let (top, bottom) = (name_bottom + 0.3, rect.y + rect.h - 0.8);
        let lines_max = if bottom - top > post_base * 2.1 { 2 } else { 1 };
        if let Some((lines, size)) = fit(&p.post, inner_w, bottom - top, post_base, 1.6, lines_max) {
            post = Some(block(lines, size, top, bottom));
        }
    }
    (name, post)
}

/// x offset of each hall column from the left seat edge, and the width of all seats and aisles.
fn hall_columns(h: &HallSpec) -> (f64, Vec<f64>) {
    let mut aisles: Vec<u32> = h.aisles.clone();
    crate::sort::sort(&mut aisles);
    aisles.dedup();
    let mut xs = Vec::with_capacity(h.seats as usize);
    let mut x = 0.0;
    let mut next_aisle = aisles.iter().peekable();
    for c in 1..=h.seats {
        xs.push(x);
        x += H_W + H_GAP;
        while next_aisle.peek().is_some_and(|&&a| a < c) {
            next_aisle.next();
        }
        if next_aisle.peek().is_some_and(|&&a| a == c) {
            x += AISLE;
            next_aisle.next();
        }
    }
    (x - H_GAP, xs)
}

/// Column ranges (1-based, inclusive) of the hall blocks between aisles.
fn block_edges(h: &HallSpec) -> Vec<(u32, u32)> {
    let mut aisles: Vec<u32> = h.aisles.iter().copied().filter(|&a| a >= 1 && a < h.seats).collect();
    crate::sort::sort(&mut aisles);
    aisles.dedup();
    let mut out = Vec::new();
    let mut start = 1;
    for a in aisles {
        out.push((start, a));
        start = a + 1;
    }
    out.push((start, h.seats));
    out
}

fn block_name(k: usize, n: usize) -> String {
    match (n, k) {
        (2, 0) | (3, 0) => "左 區".into(),
        (2, 1) | (3, 2) => "右 區".into(),
        (3, 1) => "中 區".into(),
        _ => format!("第{}區", k + 1),
    }
}

/// Removes what cannot be printed: control characters become spaces, runs of blanks one
/// space, and the ends are trimmed; explicit bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) are dropped, so that a name cannot print reversed or
/// reorder the text around it (Arabic and Hebrew still print right to left by themselves).
/// Everything else, `<`, `&` and `"` included, stays as typed; renderers escape it.
pub fn clean(s: &str) -> String {
    // Most text is clean already (every seat's reason, label and name passes through here):
    // then it is one copy instead of a char-by-char rebuild.
    if is_clean(s) {
        return s.to_string();
    }
    clean_chars(s)
}

/// [`clean`], character by character.
fn clean_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for ch in s.chars() {
        if matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            continue;
        }
        let bad = ch.is_control() || matches!(ch, '\u{FFFE}' | '\u{FFFF}');
        if bad || ch.is_whitespace() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push(' ');
            blank = false;
        }
        out.push(ch);
    }
    out
}

/// Whether [`clean`] would return `s` unchanged: no blank at either end, no two blanks in a
/// row, no blank other than `' '`, nothing that `clean` drops. A byte scan for the usual
/// text: printable ASCII and everything from U+3001 up (CJK) are decided by their bytes;
/// only characters U+0080–U+2FFF go through the Unicode tables.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            let ok = if x == b' ' { b.get(i + 1) != Some(&b' ') } else { (0x21..=0x7e).contains(&x) };
            if !ok {
                return false;
            }
            i += 1;
        } else if (0xE3..0xF0).contains(&x) {
            // U+3000–U+FFFF: above U+3000 (E3 80 80) nothing is a control, a blank or a bidi
            // control; only the noncharacters U+FFFE and U+FFFF (EF BF BE/BF) are dropped.
            let (y, z) = (b.get(i + 1).copied(), b.get(i + 2).copied());
            if (x == 0xE3 && y == Some(0x80) && z == Some(0x80))
                || (x == 0xEF && y == Some(0xBF) && z >= Some(0xBE))
            {
                return false;
            }
            i += 3;
        } else if x >= 0xF0 {
            i += 4; // beyond the BMP: no controls, blanks or bidi controls
        } else {
            let Some(c) = s[i..].chars().next() else { return false };
            if c.is_control()
                || c.is_whitespace()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Estimated advance of `c` in ems: CJK and full-width forms 1, Latin about half.
pub fn char_em(c: char) -> f64 {
    let u = c as u32;
    match u {
        0x20 => 0.3,
        0x21..=0x7e => {
            // Calibrated on Noto Serif CJK's Latin (the widest fallback); SimSun/FangSong are
            // narrower (half-width), so these never underestimate.
            if matches!(c, 'm' | 'w' | 'M' | 'W') {
                0.97
            } else if c.is_ascii_uppercase() {
                0.78
            } else if matches!(c, 'i' | 'l' | 'j' | '.' | ',' | '\'' | '!' | '|' | ':' | ';') {
                0.34
            } else if matches!(c, 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-') {
                0.47
            } else {
                0.57
            }
        }
        0xa0..=0x2e7f => {
            if c == '·' || c == '•' {
                0.5
            } else if (0x2000..=0x206f).contains(&u) {
                1.0 // general punctuation (…, “”) is full-width in CJK fonts
            } else {
                0.6
            }
        }
        _ => 1.0,
    }
}

/// Estimated width of `s` at font size `size`: a simple CJK-width measure (see [`char_em`]).
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

/// Fits `text` into `max_w` × `max_h`: the largest size up to `base` on one line, or on up to
/// `max_lines` lines broken at spaces or `·` (or, for long unbroken text, in the middle),
/// not below `min`. Falls back to one line shrunk to fit, then to a shortened line with `…`.
/// Returns the lines and the size, or `None` for empty text.
pub fn fit(
    text: &str,
    max_w: f64,
    max_h: f64,
    base: f64,
    min: f64,
    max_lines: usize,
) -> Option<(Vec<String>, f64)> {
    if text.is_empty() || max_w <= 0.0 {
        return None;
    }
    // Sizes are floored to 0.1 so that printing them with one decimal never overflows.
    let floor1 = |x: f64| (x * 10.0).floor() / 10.0;
    let em = text_width(text, 1.0);
    // Heights: a line needs 1.1 em (ascent 0.88, descent 0.22), the next line 1.08 em more.
    let one = floor1(base.min(max_w / em).min(max_h / 1.1));
    if one >= base {
        return Some((vec![text.to_string()], one));
    }
    // Two lines when that reads clearly bigger (words, 少數民族 names with ·), or is needed.
    let mut two_lines = None;
    if max_lines >= 2 {
        if let Some((a, b, natural)) = split_two(text) {
            let em2 = text_width(&a, 1.0).max(text_width(&b, 1.0));
            let two = floor1(base.min(max_w / em2).min(max_h / 2.18));
            let better = if natural { two > one * 1.2 } else { one < min };
            if two >= min && two > one && better {
                return Some((vec![a, b], two));
            }
            two_lines = Some((vec![a, b], two));
        }
    }
    if one >= min {
        return Some((vec![text.to_string()], one));
    }
    // Last resorts: the bigger of one line and two lines, down to 70% of `min`; then shorten.
    let floor = min * 0.7;
    match two_lines {
        Some((lines, two)) if two > one && two >= floor => return Some((lines, two)),
        _ if one >= floor => return Some((vec![text.to_string()], one)),
        _ => {}
    }
    let size = floor1(floor.min(max_h / 1.1));
    let mut out = String::new();
    let mut w = text_width("…", size);
    for ch in text.chars() {
        let cw = char_em(ch) * size;
        if w + cw > max_w {
            break;
        }
        w += cw;
        out.push(ch);
    }
    out.push('…');
    Some((vec![out], size))
}

/// Splits at the break (space, `·`, `、`, `（`) nearest the middle (`natural` = true), or in the
/// middle of a long unbroken text (more than five characters).
fn split_two(text: &str) -> Option<(String, String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let total = text_width(text, 1.0);
    let mut best: Option<(f64, usize, bool)> = None; // (distance from middle, index, drop the char)
    let mut acc = 0.0;
    for (i, &c) in chars.iter().enumerate() {
        let (cut, drop) = match c {
            ' ' => (Some(i), true),
            '·' | '•' | '・' | '-' | '、' | '/' => (Some(i + 1), false),
            '（' | '(' => (Some(i), false),
            _ => (None, false),
        };
        if let Some(cut) = cut {
            if cut > 0 && cut < chars.len() {
                let at = if cut == i { acc } else { acc + char_em(c) };
                let d = (at - total / 2.0).abs();
                if best.is_none_or(|(bd, _, _)| d < bd) {
                    best = Some((d, cut, drop));
                }
            }
        }
        acc += char_em(c);
    }
    let (cut, drop, natural) = match best {
        Some((_, cut, drop)) => (cut, drop, true),
        None if chars.len() > 5 => (chars.len().div_ceil(2), false, false),
        None => return None,
    };
    let a: String = chars[..cut].iter().collect();
    let b: String = chars[cut + usize::from(drop)..].iter().collect();
    let (a, b) = (a.trim().to_string(), b.trim().to_string());
    if a.is_empty() || b.is_empty() {
        return None;
    }
    Some((a, b, natural))
}

/// [`content_hash`], or nothing when `options` ask for no hash.
fn hash_unless(options: &LayoutOptions, s: &Scenario, p: &Plan) -> String {
    if options.no_hash {
        String::new()
    } else {
        content_hash(s, p)
    }
}

/// FNV-1a 64 over the scenario and plan (their compact JSON), as 16 hex digits:
/// changes whenever anything that could change the chart changes.
pub fn content_hash(s: &Scenario, p: &Plan) -> String {
    // FNV-1a over the compact JSON of both. Through `to_vec`, not a hashing `io::Write`:
    // that would be one more copy of every `Serialize` impl in the WASM.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    // Both types always serialise.
    eat(&serde_json::to_vec(s).unwrap_or_default());
    eat(&[0xff]);
    eat(&serde_json::to_vec(p).unwrap_or_default());
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_controls_keeps_markup_chars() {
        assert_eq!(clean("  a\u{0}b\n\tc <&\"> "), "a b c <&\">");
        assert_eq!(clean("王晨"), "王晨");
    }

    #[test]
    fn clean_fast_path_agrees_with_the_rule() {
        let same = |t: &str| assert_eq!(is_clean(t), clean_chars(t) == t, "{t:?}");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            same(&format!("a{c}b"));
            same(&c.to_string());
        }
        for t in ["", " ", "a b", "a  b", " a", "a ", "a\u{3000}b", "a\u{202E}b", "a\u{FFFE}", "第1排 左起"]
        {
            same(t);
        }
    }

    #[test]
    fn fit_shrinks_wraps_and_never_overflows() {
        let (l, s) = fit("王晨", 17.0, 8.0, 4.2, 2.4, 2).unwrap();
        assert_eq!((l.len(), s), (1, 4.2));
        let (l, s) = fit("歐陽少東", 17.0, 8.0, 4.2, 2.4, 2).unwrap();
        assert_eq!(l.len(), 1);
        assert!(s * 4.0 <= 17.0 + 1e-9);
        let (l, _) = fit("Margit Lindqvist", 23.0, 10.0, 5.2, 3.0, 2).unwrap();
        assert_eq!(l, vec!["Margit", "Lindqvist"]);
        let (l, s) = fit("阿不都熱依木·買買提", 17.0, 8.0, 4.2, 2.4, 2).unwrap();
        assert_eq!(l.len(), 2, "{l:?}");
        for line in &l {
            assert!(text_width(line, s) <= 17.0 + 1e-9);
        }
        let long = "某".repeat(80);
        let (l, s) = fit(&long, 17.0, 8.0, 4.2, 2.4, 1).unwrap();
        assert!(text_width(&l[0], s) <= 17.0 + 1e-9 && l[0].ends_with('…'));
    }

    #[test]
    fn hall_columns_leave_room_for_aisles() {
        let h: HallSpec = serde_json::from_str(r#"{"rows": 1, "seats": 4, "aisles": [2]}"#).unwrap();
        let (w, xs) = hall_columns(&h);
        assert_eq!(xs.len(), 4);
        assert!((xs[2] - xs[1] - (H_W + H_GAP + AISLE)).abs() < 1e-9);
        assert!((w - (4.0 * H_W + 3.0 * H_GAP + AISLE)).abs() < 1e-9);
        assert_eq!(block_edges(&h), vec![(1, 2), (3, 4)]);
    }
}
