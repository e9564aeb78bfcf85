//! Banquets (宴請): the order of tables (桌次) and the seats at each round table (席次),
//! PROTOCOL §5.
//!
//! # Tables
//! Tables stand in a grid seen from the door, the main table at the far end. Grid rows run
//! from the far end toward the door (`rows`, or full rows of `per_row` tables, or one row);
//! a farther row outranks a nearer one, so row 1 holds tables 1…n₁, row 2 the next, and so
//! on. Inside a row the order is `right-superior` (default; international, the table on the
//! host's right — the door's left — is higher: 2 tables `1 2`, 3 `2 1 3`, 7
//! `6 4 2 1 3 5 7`) or `left-superior` (traditional: 7 `7 5 3 1 2 4 6`). With an even
//! number of tables the first one takes the centre place on the superior side. Table 1 is
//! the main table (主桌).
//!
//! # Seats
//! A seat's id is `T{table}-{position}`: position 1 is the seat facing the door (at the far
//! side of the table), then clockwise as drawn with the door at the bottom, so position 2
//! is on the left hand of whoever sits at position 1. Seat order (席次) per `layout`:
//! - `two-host` (default): the host faces the door (position 1), the second host sits
//!   opposite (position n/2+1, rounded down, for odd n); guest 1 on the host's right,
//!   guest 2 on the host's left, guest 3 on the second host's right, guest 4 on the second
//!   host's left, then round again outward from the four of them (the seats halfway
//!   between the hosts come last). n=10, positions: `1 6 10 2 5 7 9 3 4 8`.
//! - `single-centre`: the seat facing the door is #1, then alternately #1's own honour side
//!   and the other (`honour`, default `left` whatever the podium's `convention.honour`, as
//!   PROTOCOL §5 gives one order:
//!   left 2 4 6, right 3 5 7).
//!
//! # People
//! Diners are `people` (in precedence order) or everyone present in `section` or everyone
//! present. `hosts` take the host seats table by table in table order — two per table in
//! the two-host layout (host, then second host), one per table in the single-centre
//! layout; hosts left over dine as guests. An absent (請假) or unknown host leaves their
//! place to the table's other host (who takes the host seat) and a seat to the diners;
//! the hosts of other tables keep their tables. Then the main
//! table takes the most senior
//! remaining diners, and `by` decides the rest: `unit` (default) keeps each unit (in unit
//! precedence) at one table where it fits (the first table with room for all of it, else
//! it fills the first free seats table by table); `precedence` fills the tables in table
//! order. At each table the people take its seats in seat order, most senior first, after
//! the hosts.
//!
//! Special instructions: `move` and `exclude` change precedence and so apply here too;
//! `pin`, `reserve` and `swap` name podium and hall seats only.

use std::fmt::Write;

use crate::keyword::keywords;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::{msg, Lang};
use crate::plan::{Diagnostic, Level, Roster};
use crate::podium;
use crate::scenario::{invalid, is_default, EvenRule, Section, Side};

/// Upper bound on tables at one banquet.
pub const MAX_TABLES: u32 = 10_000;
/// Upper bound on seats at one table.
pub const MAX_TABLE_SEATS: u32 = 100;

/// Which side of the main table is higher (PROTOCOL §5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum TableOrder {
    /// International: the host's right (the door's left) is higher: 3 tables `2 1 3`.
    #[default]
    RightSuperior,
    /// Traditional: the host's left is higher: 7 tables `7 5 3 1 2 4 6`.
    LeftSuperior,
}
keywords!(TableOrder { RightSuperior = "right-superior", LeftSuperior = "left-superior" });

/// Seat order at a round table (PROTOCOL §5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum TableLayout {
    /// Host faces the door, second host opposite; guests on their right, then left.
    #[default]
    TwoHost,
    /// The seat facing the door is #1; then its honour side and the other, alternately.
    SingleCentre,
}
keywords!(TableLayout { TwoHost = "two-host", SingleCentre = "single-centre" });

/// How diners other than the main table's are given tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum TableAssign {
    /// A unit sits at one table where it fits (default).
    #[default]
    Unit,
    /// Tables fill in table order by precedence only.
    Precedence,
}
keywords!(TableAssign { Unit = "unit", Precedence = "precedence" });

/// A banquet: tables, their order and layout, and who dines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BanquetSpec {
    /// Number of tables (1 is the main table).
    pub tables: u32,
    /// Seats at each table (default 10).
    #[serde(default = "default_seats")]
    pub seats: u32,
    /// Seats at the main table, when it differs (e.g. 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_seats: Option<u32>,
    /// Tables per grid row, far row first (the last row takes the rest). Default: one row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_row: Option<u32>,
    /// Tables in each grid row, far row first, e.g. `[1, 4, 4]` (instead of `per_row`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<u32>,
    /// Table order inside a row: `right-superior` (default) or `left-superior`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub order: TableOrder,
    /// Seat order at a table: `two-host` (default) or `single-centre`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub layout: TableLayout,
    /// Single-centre layout: the side of #1 (their own) that #2 takes. Default `left`
    /// (PROTOCOL §5: 2 4 6 on #1's left, 3 5 7 on the right), whatever the podium's
    /// `convention.honour`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honour: Option<Side>,
    /// Person ids for the host seats, table by table: two per table in the two-host
    /// layout (host, second host), one per table in the single-centre layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<String>,
    /// Who dines (person ids). Default: everyone present in `section`, or everyone present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// Only people of this section dine (when `people` is not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// Tables after the main table: `unit` (default: units kept at one table) or `precedence`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub by: TableAssign,
}

fn default_seats() -> u32 {
    10
}

impl BanquetSpec {
    /// Checks what serde cannot; `field` is the spec's path (`banquet`), messages in
    /// `lang`.
    pub fn validate(&self, field: &str, lang: Lang) -> Result<(), Error> {
        if self.tables == 0 || self.tables > MAX_TABLES {
            return Err(invalid(
                format!("{field}.tables"),
                msg!(
                    lang,
                    "between 1 and {} tables, found {}",
                    "桌數應在 1 至 {} 之間，這裡是 {}",
                    MAX_TABLES,
                    self.tables
                ),
            ));
        }
        for (name, n) in [("seats", Some(self.seats)), ("main_seats", self.main_seats)] {
            if let Some(n) = n {
                if n == 0 || n > MAX_TABLE_SEATS {
                    return Err(invalid(
                        format!("{field}.{name}"),
                        msg!(
                            lang,
                            "a table has between 1 and {} seats, found {}",
                            "每桌座位數應在 1 至 {} 之間，這裡是 {}",
                            MAX_TABLE_SEATS,
                            n
                        ),
                    ));
                }
            }
        }
        if self.per_row == Some(0) {
            return Err(invalid(
                format!("{field}.per_row"),
                lang.text("at least one table per row", "每排至少一桌").into_owned(),
            ));
        }
        if !self.rows.is_empty() {
            if self.per_row.is_some() {
                return Err(invalid(format!("{field}.rows"), crate::lineup::rows_or_per_row(lang)));
            }
            if let Some(k) = self.rows.iter().position(|&r| r == 0) {
                return Err(invalid(
                    format!("{field}.rows[{k}]"),
                    lang.text("a row needs at least one table", "每排至少要有一桌").into_owned(),
                ));
            }
            let sum: u64 = self.rows.iter().map(|&r| u64::from(r)).sum();
            if sum != u64::from(self.tables) {
                return Err(invalid(
                    format!("{field}.rows"),
                    msg!(
                        lang,
                        "the rows hold {} tables but `tables` is {}",
                        "各排共 {} 桌，但 `tables` 是 {}",
                        sum,
                        self.tables
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Tables in each grid row, far row first.
    pub fn grid_rows(&self) -> Vec<u32> {
        if !self.rows.is_empty() {
            return self.rows.clone();
        }
        let per = self.per_row.unwrap_or(self.tables).max(1);
        let mut left = self.tables;
        let mut out = Vec::new();
        while left > 0 {
            let n = left.min(per);
            out.push(n);
            left -= n;
        }
        out
    }

    /// Seats at table `number` (1-based).
    pub fn seats_at(&self, number: u32) -> u32 {
        if number == 1 {
            self.main_seats.unwrap_or(self.seats)
        } else {
            self.seats
        }
    }
}

/// The order of `n` tables in one grid row: `order[k]` is the 0-based column (from the
/// door's left) of the row's `k`-th table.
///
/// ```
/// use seating_core::banquet::{row_order, TableOrder};
/// // right-superior, 3 tables: `2 1 3` seen from the door.
/// assert_eq!(row_order(3, TableOrder::RightSuperior), vec![1, 0, 2]);
/// assert_eq!(row_order(2, TableOrder::RightSuperior), vec![0, 1]);
/// ```
pub fn row_order(n: usize, order: TableOrder) -> Vec<usize> {
    // The hosts at the main table face the door, as leaders face the audience: the host's
    // right is the door's left, like `honour: right` on a podium; an even row puts table 1
    // on the superior side of the centre.
    let side = match order {
        TableOrder::RightSuperior => Side::Right,
        TableOrder::LeftSuperior => Side::Left,
    };
    podium::row_order(n, side, EvenRule::FirstOnHonourSide)
}

/// Where a table stands: its number, grid row (1 = far end) and column (1 = door's left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TablePlace {
    /// Table number (1 = main table).
    pub number: u32,
    /// 1-based grid row from the far end.
    pub row: u32,
    /// 1-based column from the door's left within its row.
    pub col: u32,
    /// Tables in this row.
    pub row_len: u32,
    /// 0-based rank of the table within its row.
    pub row_rank: usize,
}

/// Every table in table-number order.
pub fn tables(rows: &[u32], order: TableOrder) -> Vec<TablePlace> {
    let mut out = Vec::new();
    let mut number = 1;
    for (r, &len) in rows.iter().enumerate() {
        for (k, col) in row_order(len as usize, order).into_iter().enumerate() {
            out.push(TablePlace {
                number,
                row: r as u32 + 1,
                col: col as u32 + 1,
                row_len: len,
                row_rank: k,
            });
            number += 1;
        }
    }
    out
}

/// The seat order at a table of `n` seats: positions (1-based, see the module docs) in seat
/// precedence, each with what the seat is in words, in `lang`.
///
/// ```
/// use seating_core::banquet::{seat_order, TableLayout};
/// use seating_core::lang::Lang;
/// use seating_core::Side;
/// let order = seat_order(10, TableLayout::TwoHost, Side::Left, Lang::EN);
/// let pos: Vec<u32> = order.iter().map(|&(p, _)| p).collect();
/// assert_eq!(pos, [1, 6, 10, 2, 5, 7, 9, 3, 4, 8]);
/// assert_eq!(order[2].1, "guest 1 (第1主賓), on the host's right");
/// let zh = seat_order(10, TableLayout::TwoHost, Side::Left, Lang::default());
/// assert_eq!(zh[2].1, "第1主賓，在主人右側");
/// ```
pub fn seat_order(n: u32, layout: TableLayout, honour: Side, lang: Lang) -> Vec<(u32, String)> {
    let mut out = Vec::with_capacity(n as usize);
    if n == 0 {
        return out;
    }
    match layout {
        TableLayout::TwoHost => {
            out.push((1, lang.text("host (主人), facing the door", "主人，面向正門").into_owned()));
            if n == 1 {
                return out;
            }
            let s = n / 2 + 1;
            out.push((
                s,
                lang.text("second host (第二主人), opposite the host", "第二主人，與主人相對").into_owned(),
            ));
            let mut used = vec![false; n as usize + 1];
            used[1] = true;
            used[s as usize] = true;
            // Arms: host's right (counter-clockwise from 1), host's left (clockwise from 1),
            // second host's right (counter-clockwise from s), second host's left; 0 = none.
            let arm = |a: usize, d: u32| -> u32 {
                match a {
                    0 if d < n => n + 1 - d,
                    1 if d < n => 1 + d,
                    2 => s.saturating_sub(d),
                    3 if s + d <= n => s + d,
                    _ => 0,
                }
            };
            let sides = [
                lang.text("on the host's right", "在主人右側"),
                lang.text("on the host's left", "在主人左側"),
                lang.text("on the second host's right", "在第二主人右側"),
                lang.text("on the second host's left", "在第二主人左側"),
            ];
            // `guest {g} (第{g}主賓), {side}` (`第{g}主賓，{side}`) and `, seat {d} out`,
            // converted once.
            let (g1, g2, g3) =
                (lang.text("guest ", "第"), lang.text(" (第", "主賓，"), lang.text("主賓), ", ""));
            let (out1, out2) = (lang.text(", seat ", "，向外第"), lang.text(" out", "座"));
            let mut dist = [1u32; 4];
            let mut guest = 0;
            while out.len() < n as usize {
                for (a, side) in sides.iter().enumerate() {
                    // The arm's next free seat outward from its host.
                    while arm(a, dist[a]) != 0 && used[arm(a, dist[a]) as usize] {
                        dist[a] += 1;
                    }
                    let p = arm(a, dist[a]);
                    if p == 0 || out.len() == n as usize {
                        continue;
                    }
                    used[p as usize] = true;
                    guest += 1;
                    let mut what = if lang.is_en() {
                        format!("{g1}{guest}{g2}{guest}{g3}{side}")
                    } else {
                        format!("{g1}{guest}{g2}{side}")
                    };
                    if dist[a] != 1 {
                        let _ = write!(what, "{out1}{}{out2}", dist[a]);
                    }
                    out.push((p, what));
                    dist[a] += 1;
                }
            }
        }
        TableLayout::SingleCentre => {
            out.push((1, lang.text("#1, the seat facing the door", "1號，面向正門的座位").into_owned()));
            // Position 2 is on the left hand of position 1. Each side's words go around the
            // number of seats: `{d} seat(s) to #1's own left` is `1號本人左側第{d}座`.
            let left = (lang.text("", "1號本人左側第"), lang.text(" seat(s) to #1's own left", "座"));
            let right = (lang.text("", "1號本人右側第"), lang.text(" seat(s) to #1's own right", "座"));
            let ((first_pre, first_post), (other_pre, other_post)) = match honour {
                Side::Left => (left, right),
                Side::Right => (right, left),
            };
            let honour_side = lang.text(" (honour side)", "（尊位一側）");
            let mut d = 1;
            while out.len() < n as usize {
                let left = 1 + d;
                let right = n + 1 - d;
                let (a, b) = if honour == Side::Left { (left, right) } else { (right, left) };
                if a > 1 && a <= n && !out.iter().any(|&(p, _)| p == a) {
                    out.push((a, format!("{first_pre}{d}{first_post}{honour_side}")));
                }
                if out.len() < n as usize && b > 1 && b <= n && !out.iter().any(|&(p, _)| p == b) {
                    out.push((b, format!("{other_pre}{d}{other_post}")));
                }
                d += 1;
            }
        }
    }
    out
}

/// A planned banquet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BanquetPlan {
    /// Every table in table-number order.
    pub tables: Vec<TablePlan>,
    /// Every occupied seat, by table then seat order.
    pub seats: Vec<BanquetSeat>,
    /// Diners who got no seat, in precedence order.
    pub unseated: Vec<String>,
}

/// One table: its number, where it stands and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TablePlan {
    /// Table number (桌號), 1 = main table.
    pub number: u32,
    /// Printed name: 主桌, 2號桌, ….
    pub label: String,
    /// Grid row, 1 = the far end (from the door).
    pub row: u32,
    /// Column within the row, 1 = the door's left.
    pub col: u32,
    /// Tables in this row (for centring a shorter row).
    pub row_tables: u32,
    /// Seats at this table.
    pub seats: u32,
    /// Why the table has this number, in words.
    pub reason: String,
}

/// One occupied banquet seat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BanquetSeat {
    /// Seat id `T{table}-{position}`.
    pub seat: String,
    /// Table number.
    pub table: u32,
    /// Position at the table: 1 faces the door, then clockwise (door at the bottom).
    pub position: u32,
    /// Seat precedence at the table (席次), 1 = the host seat.
    pub rank: u32,
    /// Person id.
    pub person: String,
    /// Printed label, e.g. 主桌 第3席.
    pub label: String,
    /// Why this person is here, in words.
    pub reason: String,
}

/// Free seats per table, answering "the first table with at least `k` free seats" in
/// O(log tables) (a max segment tree), so first-fit stays fast with thousands of tables.
struct FreeSeats {
    size: usize,
    tree: Vec<usize>,
}

impl FreeSeats {
    fn new(free: &[usize]) -> FreeSeats {
        let size = free.len().next_power_of_two().max(1);
        let mut tree = vec![0; 2 * size];
        tree[size..size + free.len()].copy_from_slice(free);
        for k in (1..size).rev() {
            tree[k] = tree[2 * k].max(tree[2 * k + 1]);
        }
        FreeSeats { size, tree }
    }

    fn get(&self, t: usize) -> usize {
        self.tree[self.size + t]
    }

    fn take(&mut self, t: usize, n: usize) {
        let mut k = self.size + t;
        self.tree[k] -= n;
        while k > 1 {
            k /= 2;
            self.tree[k] = self.tree[2 * k].max(self.tree[2 * k + 1]);
        }
    }

    fn first_at_least(&self, n: usize) -> Option<usize> {
        if self.tree[1] < n {
            return None;
        }
        let mut k = 1;
        while k < self.size {
            k = if self.tree[2 * k] >= n { 2 * k } else { 2 * k + 1 };
        }
        Some(k - self.size)
    }
}

fn table_label(number: u32, script: crate::Script) -> String {
    if number == 1 {
        script.word("主桌")
    } else {
        script.word(&format!("{number}號桌"))
    }
}

/// Plans the banquet on the roster's final precedence.
pub(crate) fn plan(spec: &BanquetSpec, roster: &Roster, diags: &mut Vec<Diagnostic>) -> BanquetPlan {
    let script = roster.s.meeting.script;
    let lang = roster.lang;
    let rows = spec.grid_rows();
    let places = tables(&rows, spec.order);
    let n_tables = places.len();
    let order_name = match spec.order {
        TableOrder::RightSuperior => lang.text(
            "right-superior: the host's right, the door's left, is higher",
            "以右為上：主人右側（自門看為左側）為上",
        ),
        TableOrder::LeftSuperior => lang.text(
            "left-superior: the host's left, the door's right, is higher",
            "以左為上：主人左側（自門看為右側）為上",
        ),
    };
    let main_reason = lang.text(
        "main table: the far row's first place (the far end outranks tables nearer the door)",
        "主桌：離門最遠一排的首位（離門遠者為上）",
    );
    // `row {} from the far end (farther outranks nearer), place {} of {} in the row ({})`,
    // converted once for every table.
    let t1 = lang.text("row ", "自遠端起第");
    let t2 = lang.text(" from the far end (farther outranks nearer), place ", "排（離門遠者為上），本排第");
    let t3 = lang.text(" of ", "位（共");
    let t4 = lang.text(" in the row (", "桌；");
    let t5 = lang.text(")", "）");
    let table_plans: Vec<TablePlan> = places
        .iter()
        .map(|t| TablePlan {
            number: t.number,
            label: table_label(t.number, script),
            row: t.row,
            col: t.col,
            row_tables: t.row_len,
            seats: spec.seats_at(t.number),
            reason: if t.number == 1 {
                main_reason.clone().into_owned()
            } else {
                format!("{t1}{}{t2}{}{t3}{}{t4}{order_name}{t5}", t.row, t.row_rank + 1, t.row_len)
            },
        })
        .collect();

    let diners = roster.select("banquet", spec.people.as_deref(), spec.section, diags);
    let per_table_hosts = match spec.layout {
        TableLayout::TwoHost => 2,
        TableLayout::SingleCentre => 1,
    };
    let hosts = roster.resolve("banquet.hosts", &spec.hosts, diags);
    // The list is table by table: an absent or unknown host leaves that host seat to the
    // diners, and the hosts after it keep their tables.
    let mut listed = vec![false; roster.s.people.len()];
    for &h in &hosts {
        listed[h] = true;
    }
    let slots: Vec<Option<usize>> = spec
        .hosts
        .iter()
        .map(|id| {
            let h = roster.ids.get(id.as_str()).copied().filter(|&h| listed[h]);
            // A host listed twice takes the first of the two seats.
            h.inspect(|&h| listed[h] = false)
        })
        .collect();
    let host_slots = per_table_hosts * n_tables;
    if slots.iter().skip(host_slots).any(Option::is_some) {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "too-many-hosts".into(),
            message: msg!(
                lang,
                "banquet.hosts: {} hosts listed for {} host seats; the rest dine as guests",
                "banquet.hosts：列出{}位主人，主人座位只有{}個；其餘作為賓客就座",
                slots.len(),
                host_slots
            ),
            ..Diagnostic::default()
        });
    }
    // table index → (host people in host-seat order, other people).
    let mut at: Vec<(Vec<usize>, Vec<usize>)> = vec![(Vec::new(), Vec::new()); n_tables];
    let mut is_host = vec![false; roster.s.people.len()];
    for (k, &h) in slots.iter().take(host_slots).enumerate() {
        let Some(h) = h else { continue };
        let t = k / per_table_hosts;
        if at[t].0.len() < spec.seats_at(t as u32 + 1) as usize {
            at[t].0.push(h);
            is_host[h] = true;
        }
    }
    // Diners and the hosts no host seat was left for, most senior first.
    let mut pool: Vec<usize> = diners.iter().chain(&hosts).copied().filter(|&i| !is_host[i]).collect();
    crate::sort::sort_by_key(&mut pool, |&i| roster.pos[i]);
    pool.dedup();
    let mut free = FreeSeats::new(
        &(0..n_tables)
            .map(|t| (spec.seats_at(t as u32 + 1) as usize).saturating_sub(at[t].0.len()))
            .collect::<Vec<_>>(),
    );
    let mut unseated = Vec::new();
    // The main table takes the most senior diners.
    let (main, rest) = pool.split_at(free.get(0).min(pool.len()));
    at[0].1.extend_from_slice(main);
    free.take(0, main.len());
    let mut by_unit_note = vec![String::new(); roster.s.people.len()];
    // One person to the first table with a free seat.
    let seat_one = |p: usize,
                    free: &mut FreeSeats,
                    at: &mut Vec<(Vec<usize>, Vec<usize>)>,
                    unseated: &mut Vec<usize>|
     -> bool {
        match free.first_at_least(1) {
            Some(t) => {
                at[t].1.push(p);
                free.take(t, 1);
                true
            }
            None => {
                unseated.push(p);
                false
            }
        }
    };
    match spec.by {
        TableAssign::Precedence => {
            for &p in rest {
                seat_one(p, &mut free, &mut at, &mut unseated);
            }
        }
        TableAssign::Unit => {
            // Units in unit precedence (no unit last), members in precedence.
            let mut by_rank: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
            for &p in rest {
                by_rank.entry(roster.unit_rank(p)).or_default().push(p);
            }
            // `, with all of {unit} at this table` and `, {unit} is larger than any free
            // table and continues table by table`, converted once.
            let whole_note = (lang.text(", with all of ", "，"), lang.text(" at this table", "全體同桌"));
            let split_note = (
                lang.text(", ", "，"),
                lang.text(
                    " is larger than any free table and continues table by table",
                    "人數超過任何一桌的空座，依桌次順延",
                ),
            );
            for (_, members) in by_rank {
                let m = members.len();
                // The first table with room for the whole unit (first fit).
                let whole = free.first_at_least(m);
                let (pre, post) = if whole.is_some() { &whole_note } else { &split_note };
                // One unit: one note for all its members.
                let note = format!("{pre}{}{post}", roster.unit_name(members[0]));
                match whole {
                    Some(t) => {
                        for &p in &members {
                            by_unit_note[p].clone_from(&note);
                        }
                        at[t].1.extend(members);
                        free.take(t, m);
                    }
                    None => {
                        for p in members {
                            if seat_one(p, &mut free, &mut at, &mut unseated) {
                                by_unit_note[p].clone_from(&note);
                            }
                        }
                    }
                }
            }
        }
    }
    if !unseated.is_empty() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "not-enough-seats".into(),
            message: msg!(
                lang,
                "banquet: {} diners without a seat; add tables or seats",
                "banquet：{}位就餐人員沒有座位；請增加桌數或座位",
                unseated.len()
            ),
            ..Diagnostic::default()
        });
    }
    // PROTOCOL §5 fixes the single-centre order (#1's left 2 4 6, right 3 5 7): the podium's
    // `convention.honour` does not turn it; `banquet.honour` does.
    let honour = spec.honour.unwrap_or(Side::Left);
    let mut seats = Vec::new();
    let main_order = seat_order(spec.seats_at(1), spec.layout, honour, lang);
    let other_order = seat_order(spec.seats, spec.layout, honour, lang);
    // The words of every seat's reason, converted once:
    // `{how}; seat {k} at {table}: {what}` / `{how}；{table}第{k}席：{what}`, where `how` is
    // `named in banquet.hosts`, `#{n} by precedence: the main table takes the most senior
    // diners` or `#{n} by precedence{unit note}`.
    let named = lang.text("named in banquet.hosts", "由banquet.hosts指定");
    let number_pre = lang.text("#", "位次第");
    let main_post = lang
        .text(" by precedence: the main table takes the most senior diners", "：主桌安排位次最前的就餐人員");
    let number_post = lang.text(" by precedence", "");
    let (s1, s2, s3) = (lang.text("; seat ", "；"), lang.text(" at ", "第"), lang.text(": ", "席："));
    for (t, (host_people, mut others)) in at.into_iter().enumerate() {
        let number = t as u32 + 1;
        let order = if t == 0 { &main_order } else { &other_order };
        crate::sort::sort_by_key(&mut others, |&p| roster.pos[p]);
        let n_hosts = host_people.len();
        let table = table_label(number, script);
        for (rank, ((pos, what), p)) in order.iter().zip(host_people.into_iter().chain(others)).enumerate() {
            let mut reason = if rank < n_hosts {
                named.clone().into_owned()
            } else if t == 0 {
                format!("{number_pre}{}{main_post}", roster.number(p))
            } else {
                format!("{number_pre}{}{number_post}{}", roster.number(p), by_unit_note[p])
            };
            let k = rank + 1;
            // English names the seat before the table, Chinese the table before the seat.
            let (a, b): (&dyn std::fmt::Display, &dyn std::fmt::Display) =
                if lang.is_en() { (&k, &table) } else { (&table, &k) };
            let _ = write!(reason, "{s1}{a}{s2}{b}{s3}{what}");
            seats.push(BanquetSeat {
                seat: format!("T{number}-{pos}"),
                table: number,
                position: *pos,
                rank: rank as u32 + 1,
                person: roster.person(p).id.clone(),
                label: format!("{table} {}", script.words(&format!("第{}席", rank + 1))),
                reason,
            });
        }
    }
    BanquetPlan {
        tables: table_plans,
        seats,
        unseated: unseated.iter().map(|&p| roster.person(p).id.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as PROTOCOL writes it: table numbers from the door's left.
    fn row(n: usize, order: TableOrder) -> String {
        let o = row_order(n, order);
        let mut v = vec![0; n];
        for (k, c) in o.into_iter().enumerate() {
            v[c] = k + 1;
        }
        v.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn table_orders_from_protocol() {
        assert_eq!(row(2, TableOrder::RightSuperior), "1 2");
        assert_eq!(row(3, TableOrder::RightSuperior), "2 1 3");
        assert_eq!(row(7, TableOrder::RightSuperior), "6 4 2 1 3 5 7");
        assert_eq!(row(7, TableOrder::LeftSuperior), "7 5 3 1 2 4 6");
        assert_eq!(row(2, TableOrder::LeftSuperior), "2 1");
        assert_eq!(row(1, TableOrder::LeftSuperior), "1");
    }

    #[test]
    fn seat_orders_are_permutations() {
        for n in 1..=30 {
            for layout in [TableLayout::TwoHost, TableLayout::SingleCentre] {
                for side in [Side::Left, Side::Right] {
                    let mut p: Vec<u32> =
                        seat_order(n, layout, side, Lang::EN).into_iter().map(|(p, _)| p).collect();
                    crate::sort::sort(&mut p);
                    assert_eq!(p, (1..=n).collect::<Vec<_>>(), "n={n} {layout:?} {side:?}");
                }
            }
        }
    }

    #[test]
    fn single_centre_left_then_right() {
        let p: Vec<u32> = seat_order(8, TableLayout::SingleCentre, Side::Left, Lang::EN)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        // #2 at position 2 (#1's left hand), #3 at position 8 (#1's right hand).
        assert_eq!(p, [1, 2, 8, 3, 7, 4, 6, 5]);
    }

    #[test]
    fn seat_words_in_both_languages() {
        let words = |lang: Lang, layout, side| -> Vec<String> {
            seat_order(8, layout, side, lang).into_iter().map(|(_, w)| w).collect()
        };
        let zh = words(Lang::default(), TableLayout::SingleCentre, Side::Right);
        assert_eq!(zh[..3], ["1號，面向正門的座位", "1號本人右側第1座（尊位一側）", "1號本人左側第1座"]);
        let en = words(Lang::EN, TableLayout::SingleCentre, Side::Right);
        assert_eq!(
            en[..3],
            [
                "#1, the seat facing the door",
                "1 seat(s) to #1's own right (honour side)",
                "1 seat(s) to #1's own left"
            ]
        );
        let zh = words(Lang::default(), TableLayout::TwoHost, Side::Left);
        assert_eq!(zh[1], "第二主人，與主人相對");
        assert_eq!(zh[6], "第5主賓，在主人右側，向外第2座");
        let en = words(Lang::EN, TableLayout::TwoHost, Side::Left);
        assert_eq!(en[6], "guest 5 (第5主賓), on the host's right, seat 2 out");
    }

    #[test]
    fn grid_rows_split_by_per_row() {
        let spec: BanquetSpec = serde_json::from_str(r#"{"tables": 7, "per_row": 3}"#).unwrap();
        assert_eq!(spec.grid_rows(), [3, 3, 1]);
        let t = tables(&spec.grid_rows(), spec.order);
        assert_eq!((t[0].row, t[0].col), (1, 2));
        assert_eq!((t[3].row, t[3].col), (2, 2));
        assert_eq!((t[6].row, t[6].col), (3, 1));
    }
}
