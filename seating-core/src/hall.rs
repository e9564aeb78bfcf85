//! The hall (臺下): units seated by `hall_method`, aisles, irregular rows, floors, blocked
//! seats, and the seat numbers printed on admission tickets (PROTOCOL §4).
//!
//! # Geometry
//! The hall is a grid `hall.rows` × `hall.seats` seen from the podium's audience: row 1 is
//! the front row of the lowest floor, grid column 1 is at the audience's left. A row may be
//! shorter than the grid (`hall.row_seats`); it then sits centred on the hall's axis
//! (`hall.align`, an odd leftover place goes to the right), flush left or flush right. A
//! seat's id is `H{row}-{col}` with `col` counted from the audience's left **of that row**,
//! so ids never depend on alignment, conventions or numbering. Aisles (`hall.aisles`) are
//! given in grid columns: an aisle after grid column `a` splits every row it crosses into
//! *blocks*. Floors (`hall.floors`) take consecutive rows, lowest floor first, and only
//! change labels; a lower floor outranks an upper one because its rows come first.
//!
//! # Methods
//! People arrive as [`Group`]s (units in unit precedence, each with its members in member
//! precedence, full members before attendees and alternates). Seats that are blocked,
//! pinned or reserved are *unavailable* and skipped by every method.
//!
//! - **`rows`** (橫排法): the available seats form one stream, row 1 left to right, then
//!   row 2, …; groups take consecutive stretches of it, so a unit continues onto the next
//!   row. **Aisle rule**: when a group's stretch would cross an aisle inside a row, the
//!   planner tries to start the group at the first seat of a later block of the same row
//!   instead. That alternative is taken only if (a) the group then crosses no aisle inside
//!   any row, (b) it ends in the same row as it would have, and (c) the seats it skipped
//!   are filled *exactly* by the groups that follow it, each whole and crossing no aisle
//!   (they move ahead of it, to its left in the same row). When the group would then end
//!   its row exactly, the last of those followers may fill only the rest of the skipped
//!   seats (inside one block) and go on at the start of the next row without crossing an
//!   aisle there: two rows of 3 with an aisle after seat 1, units of 2 and 2 give
//!   `b1 | a1 a2` / `b2 . .`, not `a1 | a2 b1` / `b2 . .`. Failing that, (c) becomes: it
//!   and everyone after it end in the row it started in, so the skipped seats the
//!   followers do not fill stay empty with nobody behind them (as many followers as fit
//!   move ahead; one row of 5 with aisles after seats 1 and 2, units of 2 and 1:
//!   `b1 | . | a1 a2 .`, not `a1 | a2 | b1 . .`). The nearest later block that works wins.
//!   So the occupied seats are a prefix of the stream, apart from skipped seats in the
//!   last occupied row.
//! - **`columns`** (豎排法): every group takes a block of whole grid columns and fills it
//!   front to back (rows 1..D, each row of the block left to right). `D`, the depth, is
//!   the smallest number of front rows in which all blocks fit side by side, so people sit
//!   as far forward as the method allows. Blocks go left to right (`column_blocks:
//!   left-to-right`), or outward from the centre (`centre-out`): the first block centred
//!   on the axis, then alternately on the honour side (for `honour: left` the seated
//!   people's own left, the audience's left) and on the other side; a first block that
//!   cannot sit symmetric on the axis leans to the honour side and sends the next block to
//!   the other side. A block that would straddle an aisle starts after the aisle instead
//!   when it fits entirely in a later block of columns (the nearest one that holds it);
//!   the columns skipped stay empty (nobody sits behind them). When a centre-out block
//!   finds no room on either side of those before it, the blocks keep their left-to-right
//!   order and shift as a whole until they fit with no unit across an aisle, the first as
//!   near the axis as that allows, leaning to the honour side (one row of 4, units of 1, 1
//!   and 2: `b a c c`, not `c a b c`); if no shift does, the blocks go a row deeper. At the
//!   hall's full depth, a unit with no block takes the first free seats in row order;
//!   unless all units side by side in their block order (each after an aisle where a later
//!   block holds it, else packed tight across it) tear fewer units apart, or as many and
//!   split fewer across an aisle (one row of 4 with an aisle after seat 1, units of 2 and
//!   2: `a | a b b`, not `b | a a b`; but `c | a a . | b b b` stays as it is).
//! - **`centre-out`** (左右排列法): each row fills from its centre, the centre person's own
//!   left (the audience's left) first, alternating: n=7 `6 4 2 1 3 5 7`, the mirror of the
//!   podium with `honour: left`. PROTOCOL §4 gives this one order, so the podium's `honour`
//!   does not turn it, nor does its `even` rule: an even row is `6 4 2 1 3 5`, #2 on the
//!   audience's left of #1 as the rule says (`first-on-honour-side` would put #2 on the
//!   right). The rows' orders form one stream that groups take in turn, so a unit forms
//!   a band around the centre, not a block, and the aisle rule does not apply.
//!
//! Front first: `rows` and `centre-out` never leave an available seat empty in an earlier
//! row than a planned person; `columns` never leaves one empty in front of a planned
//! person in the same grid column. Pinned, reserved and blocked seats do not count.
//!
//! # Numbering
//! Printed numbers count every seat of the row, aisles and blocked seats included:
//! `sequential` is `col`; `odd-even` runs outward from the centre, odd numbers on
//! `odd_side` (the audience's side), even on the other. Seat 1 is the centre seat of an odd
//! row, or the centre seat on the odd side of an even row; 2 is next to it on the even side.
//! With odd numbers on the audience's right: n=7 `6 4 2 1 3 5 7`, n=6 `6 4 2 1 3 5`.
//!
//! Complexity: [`fill`] is O(seats + people) for `rows` and `centre-out` (plus, per group
//! that would cross an aisle, O(row length) to look for the alternative), and
//! O(depth × (grid width + groups) + seats) for `columns`.

use std::borrow::Cow;

use crate::lang::{msg, Lang};
use crate::podium;
use crate::scenario::{BlockOrder, Convention, EvenRule, HallMethod, HallSpec, Numbering, RowAlign, Side};
use crate::script::Script;
use crate::seat::SeatId;

/// A unit's people to seat together, in member order (members before attendees).
#[derive(Debug, Clone)]
pub struct Group {
    /// Unit name for reasons (or "no unit").
    pub name: String,
    /// Person indices in the order they take seats.
    pub members: Vec<usize>,
}

/// The result of filling the hall.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    /// (person index, seat, reason).
    pub seats: Vec<(usize, SeatId, String)>,
    /// People who got no seat, in the order they were given.
    pub unseated: Vec<usize>,
}

/// One row's place on the hall grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowShape {
    /// Seats in the row.
    pub len: u32,
    /// Grid columns left of the row's first seat (0 for a row as wide as the hall).
    pub offset: u32,
    /// 0-based index into `hall.floors` (0 when the hall has none).
    pub floor: usize,
    /// 1-based row number within its floor: the printed row number.
    pub floor_row: u32,
}

/// The resolved shape of a hall: every row's length and place, aisles, floors.
#[derive(Debug, Clone)]
pub struct Shape {
    rows: Vec<RowShape>,
    width: u32,
    aisles: Vec<u32>,
    floors: Vec<String>,
}

impl Shape {
    /// Resolves a (validated) hall spec. O(rows + aisles log aisles).
    pub fn new(spec: &HallSpec) -> Shape {
        let width = spec.seats;
        let mut aisles: Vec<u32> = spec.aisles.iter().copied().filter(|&a| a >= 1 && a < width).collect();
        crate::sort::sort(&mut aisles);
        aisles.dedup();
        let mut floor_of_row = Vec::with_capacity(spec.rows as usize);
        for (k, f) in spec.floors.iter().enumerate() {
            for r in 1..=f.rows {
                floor_of_row.push((k, r));
            }
        }
        let rows = (1..=spec.rows)
            .map(|r| {
                let len = row_len(spec, r);
                let offset = match spec.align {
                    RowAlign::Centre => (width - len) / 2,
                    RowAlign::Left => 0,
                    RowAlign::Right => width - len,
                };
                let (floor, floor_row) = floor_of_row.get(r as usize - 1).copied().unwrap_or((0, r));
                RowShape { len, offset, floor, floor_row }
            })
            .collect();
        Shape { rows, width, aisles, floors: spec.floors.iter().map(|f| f.name.clone()).collect() }
    }

    /// Number of rows.
    pub fn rows(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Grid width: seats in the widest row.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Aisles, sorted: an aisle after each of these grid columns.
    pub fn aisles(&self) -> &[u32] {
        &self.aisles
    }

    /// The shape of 1-based `row`, if the hall has it.
    pub fn row(&self, row: u32) -> Option<RowShape> {
        self.rows.get((row as usize).wrapping_sub(1)).copied()
    }

    /// Whether `H{row}-{col}` is a seat of this hall (blocked seats still exist).
    pub fn exists(&self, row: u32, col: u32) -> bool {
        self.row(row).is_some_and(|r| col >= 1 && col <= r.len)
    }

    /// The 1-based grid column of a seat (its column in the widest row).
    pub fn grid_col(&self, row: u32, col: u32) -> u32 {
        self.row(row).map_or(col, |r| r.offset + col)
    }

    /// The seat of `row` at 1-based grid column `x`, if there is one.
    pub fn col_at(&self, row: u32, x: u32) -> Option<u32> {
        let r = self.row(row)?;
        (x > r.offset && x <= r.offset + r.len).then(|| x - r.offset)
    }

    /// 0-based block (stretch between aisles) of 1-based grid column `x`.
    pub fn block_of_grid(&self, x: u32) -> usize {
        self.aisles.partition_point(|&a| a < x)
    }

    /// Whether 0-based grid columns `lo..=hi` lie across an aisle.
    fn across_aisle(&self, lo: usize, hi: usize) -> bool {
        self.block_of_grid(lo as u32 + 1) != self.block_of_grid(hi as u32 + 1)
    }

    /// 0-based block (stretch between aisles) of a seat.
    pub fn block(&self, row: u32, col: u32) -> usize {
        self.block_of_grid(self.grid_col(row, col))
    }

    /// The floor name printed before a row's label (empty when the hall has no floors).
    pub fn floor_name(&self, row: u32) -> &str {
        self.row(row).and_then(|r| self.floors.get(r.floor)).map_or("", String::as_str)
    }

    /// The printed number of a seat (see the module docs).
    pub fn number(&self, seat: SeatId, convention: &Convention) -> u32 {
        let len = self.row(seat.row).map_or(seat.col, |r| r.len);
        seat_number(len, seat.col, convention)
    }

    /// The printed row label, e.g. 第3排 or 二樓 第1排 (the floor's name as typed, the rest in
    /// `script`).
    pub fn row_label(&self, row: u32, script: Script) -> String {
        let r = self.row(row).map_or(row, |r| r.floor_row);
        let words = script.word(&format!("第{r}排"));
        match self.floor_name(row) {
            "" => words,
            floor => format!("{floor} {words}"),
        }
    }

    /// The label printed on a ticket, e.g. 第3排11號 or 一樓 第3排11號.
    pub fn label(&self, seat: SeatId, convention: &Convention, script: Script) -> String {
        format!("{}{}{}", self.row_label(seat.row, script), self.number(seat, convention), script.words("號"))
    }
}

/// Seats in 1-based `row` of a hall spec.
pub(crate) fn row_len(spec: &HallSpec, row: u32) -> u32 {
    spec.row_seats.get((row as usize).wrapping_sub(1)).copied().unwrap_or(spec.seats)
}

/// Whether `H{row}-{col}` is a seat of the hall (blocked seats still exist).
pub fn exists(spec: &HallSpec, row: u32, col: u32) -> bool {
    row >= 1 && row <= spec.rows && col >= 1 && col <= row_len(spec, row)
}

/// The number printed on a ticket for column `col` (from the audience's left) of a row of
/// `seats` seats.
///
/// ```
/// use seating_core::{hall::seat_number, Convention, Numbering, Side};
/// let c = Convention { numbering: Numbering::OddEven, odd_side: Side::Right, ..Convention::default() };
/// let row: Vec<u32> = (1..=7).map(|col| seat_number(7, col, &c)).collect();
/// assert_eq!(row, [6, 4, 2, 1, 3, 5, 7]);
/// ```
pub fn seat_number(seats: u32, col: u32, convention: &Convention) -> u32 {
    match convention.numbering {
        Numbering::Sequential => col,
        Numbering::OddEven => {
            if col == 0 || col > seats {
                return col;
            }
            // Count from the odd side's far end as if odd numbers were on the right.
            let c = if convention.odd_side == Side::Right { col } else { seats + 1 - col };
            // The centre seat (odd rows) or the centre seat on the odd side (even rows).
            let m = seats / 2 + 1;
            if c >= m {
                2 * (c - m) + 1
            } else {
                2 * (m - c)
            }
        }
    }
}

/// The printed label of a hall seat, e.g. 第3排11號 or 一樓 第3排11號.
pub fn label(spec: &HallSpec, seat: SeatId, convention: &Convention, script: Script) -> String {
    let mut floor = "";
    let mut floor_row = seat.row;
    let mut first = 1;
    for f in &spec.floors {
        if seat.row >= first && seat.row < first + f.rows {
            floor = &f.name;
            floor_row = seat.row - first + 1;
            break;
        }
        first += f.rows;
    }
    let number = seat_number(row_len(spec, seat.row), seat.col, convention);
    let words = script.word(&format!("第{floor_row}排{number}號"));
    match floor {
        "" => words,
        f => format!("{f} {words}"),
    }
}

/// Seats the groups in order by `convention.hall_method`, skipping seats for which
/// `unavailable` is true (blocked, pinned, reserved), with the reasons written in `lang`.
/// See the module docs for the rules.
pub fn fill(
    spec: &HallSpec,
    convention: &Convention,
    groups: &[Group],
    unavailable: &dyn Fn(SeatId) -> bool,
    lang: Lang,
) -> Fill {
    let shape = Shape::new(spec);
    let w = Words::new(lang);
    match convention.hall_method {
        HallMethod::Rows => fill_rows(&shape, groups, unavailable, &w),
        HallMethod::CentreOut => fill_centre_out(&shape, groups, unavailable, &w),
        HallMethod::Columns => fill_columns(&shape, convention, groups, unavailable, &w),
    }
}

/// The words every hall reason is built from, in one language: looked up (and converted to
/// the script) once per fill, not once per seat.
struct Words {
    lang: Lang,
    /// Between the unit's name and the member's number: `, ` or `，第`.
    member: Cow<'static, str>,
    /// Before the group's size: ` of ` or `人（共`.
    of: Cow<'static, str>,
    /// Before the group's number: ` (group ` or `人），單位位次第`.
    group: Cow<'static, str>,
    /// After the group's number: ` in unit precedence)` or `組`.
    group_end: Cow<'static, str>,
    /// Between the member's place and the method's words: `: ` or `：`.
    colon: Cow<'static, str>,
}

impl Words {
    fn new(lang: Lang) -> Words {
        Words {
            lang,
            member: lang.text(", ", "，第"),
            of: lang.text(" of ", "人（共"),
            group: lang.text(" (group ", "人），單位位次第"),
            group_end: lang.text(" in unit precedence)", "組"),
            colon: lang.text(": ", "："),
        }
    }
}

/// An available seat in a fill stream.
#[derive(Debug, Clone, Copy)]
struct Slot {
    seat: SeatId,
    block: usize,
}

/// The part of the reasons of group `g` (number `gi`) that follows each member's number:
/// " of {size} (group {gi+1} in unit precedence)" (`人（共{size}人），單位位次第{gi+1}組`), then
/// `parts`. Built once per group, so that a seat's reason ([`member_reason`]) is three
/// appends and one number.
fn group_tail(w: &Words, g: &Group, gi: usize, parts: &[&str]) -> String {
    let more: usize = parts.iter().map(|p| p.len()).sum();
    let mut s = String::with_capacity(w.of.len() + w.group.len() + w.group_end.len() + 40 + more);
    s.push_str(&w.of);
    push_uint(&mut s, g.members.len());
    s.push_str(&w.group);
    push_uint(&mut s, gi + 1);
    s.push_str(&w.group_end);
    for p in parts {
        s.push_str(p);
    }
    s
}

/// A new reason string "{name}, {k+1}{tail}" (`{name}，第{k+1}{tail}`; `tail` from
/// [`group_tail`]), with room for `more` bytes. Reasons are written once per seat, so they
/// are built by appending into one allocation of the right size, not with nested `format!`s.
fn member_reason(w: &Words, name: &str, k: usize, tail: &str, more: usize) -> String {
    let mut s = String::with_capacity(name.len() + w.member.len() + uint_len(k + 1) + tail.len() + more);
    s.push_str(name);
    s.push_str(&w.member);
    push_uint(&mut s, k + 1);
    s.push_str(tail);
    s
}

/// Two decimal digits of every number below 100.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// The number of decimal digits of `n`.
pub(crate) fn uint_len(n: usize) -> usize {
    let mut len = 1;
    let mut n = n;
    while n >= 100 {
        n /= 100;
        len += 2;
    }
    len + usize::from(n >= 10)
}

/// Appends `n` in decimal (what `write!(out, "{n}")` writes, without the formatting
/// machinery). Numbers below 1,000, nearly all of a plan's, take one to three byte pushes
/// (digits computed arithmetically, so that the compiler knows they are ASCII).
#[inline]
pub(crate) fn push_uint(out: &mut String, n: usize) {
    let digit = |d: usize| char::from(b'0' + (d % 10) as u8);
    if n < 10 {
        out.push(digit(n));
    } else if n < 100 {
        out.push(digit(n / 10));
        out.push(digit(n));
    } else if n < 1000 {
        out.push(digit(n / 100));
        out.push(digit(n / 10));
        out.push(digit(n));
    } else {
        push_uint_long(out, n);
    }
}

/// [`push_uint`] for `n >= 1000`: two digits at a time into a buffer, then byte pushes.
fn push_uint_long(out: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    while n >= 100 {
        let d = 2 * (n % 100);
        n /= 100;
        i -= 2;
        buf[i] = DIGIT_PAIRS[d];
        buf[i + 1] = DIGIT_PAIRS[d + 1];
    }
    if n >= 10 {
        i -= 2;
        buf[i] = DIGIT_PAIRS[2 * n];
        buf[i + 1] = DIGIT_PAIRS[2 * n + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    out.reserve(buf.len() - i);
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
}

/// Whether consecutive slots of `run` cross an aisle inside a row.
fn crosses(run: &[Slot]) -> bool {
    run.windows(2).any(|w| w[0].seat.row == w[1].seat.row && w[0].block != w[1].block)
}

/// `rows`: the row-major stream of available seats, with the aisle rule.
fn fill_rows(shape: &Shape, groups: &[Group], unavailable: &dyn Fn(SeatId) -> bool, w: &Words) -> Fill {
    let lang = w.lang;
    let rule = lang.text(
        "rows method (橫排法): front rows first, audience's left first, a unit continues onto the next row",
        "橫排法，前排優先，臺下看左側優先，單位人員可接排至下一排",
    );
    // A unit that moves ahead to fill the seats before an aisle, and the unit that skipped them.
    let moved_ahead = lang.text("; moved ahead of ", "；提前到");
    let fill_before = lang.text(" to fill the seats before the aisle, which ", "之前，坐過道前");
    let skipped_them =
        lang.text(" skipped to stay in one block (aisle rule)", "為保持在同一區塊而讓出的座位（過道規則）");
    let after_aisle = lang.text(
        "; starts after the aisle so the unit is not split across it (aisle rule)",
        "；從過道後起排，以免單位被過道隔開（過道規則）",
    );
    let mut stream = Vec::with_capacity(shape.rows.iter().map(|r| r.len as usize).sum());
    let aisles = shape.aisles();
    for (row, r) in (1..).zip(&shape.rows) {
        // The block of each seat, walking the row's grid columns past the aisles.
        let mut block = shape.block_of_grid(r.offset + 1);
        for col in 1..=r.len {
            while aisles.get(block).is_some_and(|&a| a < r.offset + col) {
                block += 1;
            }
            let seat = SeatId::hall(row, col);
            if !unavailable(seat) {
                stream.push(Slot { seat, block });
            }
        }
    }
    let mut block_end = vec![stream.len(); stream.len()];
    for k in (0..stream.len().saturating_sub(1)).rev() {
        let (a, b) = (&stream[k], &stream[k + 1]);
        block_end[k] = if a.seat.row != b.seat.row || a.block != b.block { k + 1 } else { block_end[k + 1] };
    }
    let mut out = Fill {
        seats: Vec::with_capacity(groups.iter().map(|g| g.members.len()).sum::<usize>().min(stream.len())),
        unseated: Vec::new(),
    };
    let mut i = 0;
    let mut gi = 0;
    while gi < groups.len() {
        let g = &groups[gi];
        let m = g.members.len();
        if i + m <= stream.len() && crosses(&stream[i..i + m]) {
            if let Some(alt) = aisle_alternative(&stream, &block_end, i, groups, gi) {
                // Followers fill the skipped seats, then the group starts after the aisle; a
                // follower that fills the last of them goes on after the group, in the next row.
                let Alternative { start, followers, wraps } = alt;
                let mut at = i;
                let mut wrapped = None;
                for (fj, f) in groups.iter().enumerate().skip(gi + 1).take(followers + usize::from(wraps > 0))
                {
                    let tail = group_tail(
                        w,
                        f,
                        fj,
                        &[&w.colon, &rule, &moved_ahead, &g.name, &fill_before, &g.name, &skipped_them],
                    );
                    let whole = if fj == gi + 1 + followers { wraps } else { f.members.len() };
                    for (k, &p) in f.members.iter().enumerate().take(whole) {
                        out.seats.push((p, stream[at].seat, member_reason(w, &f.name, k, &tail, 0)));
                        at += 1;
                    }
                    if whole < f.members.len() {
                        // The others go on in the next row as the method has it.
                        wrapped = Some((f, group_tail(w, f, fj, &[&w.colon, &rule]), whole));
                    }
                }
                // Followers fill the gap, exactly unless nobody sits behind it.
                debug_assert!(at <= start);
                let tail = group_tail(w, g, gi, &[&w.colon, &rule, &after_aisle]);
                for (k, &p) in g.members.iter().enumerate() {
                    out.seats.push((p, stream[start + k].seat, member_reason(w, &g.name, k, &tail, 0)));
                }
                i = start + m;
                let took = followers + 1 + usize::from(wrapped.is_some());
                if let Some((f, tail, from)) = wrapped {
                    for (k, &p) in f.members.iter().enumerate().skip(from) {
                        out.seats.push((p, stream[i].seat, member_reason(w, &f.name, k, &tail, 0)));
                        i += 1;
                    }
                }
                gi += took;
                continue;
            }
        }
        let tail = group_tail(w, g, gi, &[&w.colon, &rule]);
        for (k, &p) in g.members.iter().enumerate() {
            match stream.get(i) {
                Some(slot) => {
                    out.seats.push((p, slot.seat, member_reason(w, &g.name, k, &tail, 0)));
                    i += 1;
                }
                None => out.unseated.push(p),
            }
        }
        gi += 1;
    }
    out
}

/// Where a group of the `rows` method goes instead of across an aisle: from stream seat
/// `start`, after `followers` following groups that move ahead into the seats it skips,
/// and, when `wraps` > 0, the first `wraps` people of the next group after them, whose
/// others go on after the group, at the start of the next row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Alternative {
    start: usize,
    followers: usize,
    wraps: usize,
}

/// The aisle rule of the `rows` method: for group `gi` whose stretch from `i` crosses an
/// aisle, the start of a later block in the same row, and the following groups that fill
/// the skipped seats exactly. `block_end[k]` is the index after the last stream seat of
/// `k`'s block in `k`'s row.
///
/// The followers are laid from `i` one by one while each stays inside one block; every
/// place they reach that starts a block is a candidate, nearest first, so the work is
/// bounded by the followers that fit before the first one that would cross an aisle.
/// That one may still fill the rest of the seats before the group and go on in the next
/// row, when the group ends the row exactly (`a1 | a2 b1` / `b2` becomes `b1 | a1 a2` /
/// `b2`: no seat left empty, no unit across an aisle).
fn aisle_alternative(
    stream: &[Slot],
    block_end: &[usize],
    i: usize,
    groups: &[Group],
    gi: usize,
) -> Option<Alternative> {
    let exact = |start, followers| Alternative { start, followers, wraps: 0 };
    let len = stream.len();
    let m = groups[gi].members.len();
    let row = stream[i].seat.row;
    let last_row = stream[i + m - 1].seat.row;
    // Can the group take `stream[p..p + m]` without crossing an aisle, ending in `last_row`?
    let fits_at = |p: usize| -> bool {
        if p + m > len {
            return false;
        }
        if last_row == row {
            return p + m <= block_end[p];
        }
        // Spanning rows: `p`'s block must run to the end of its row.
        let end = block_end[p];
        if end < len && stream[end].seat.row == row {
            return false;
        }
        stream[p + m - 1].seat.row == last_row && !crosses(&stream[p..p + m])
    };
    if gi + 1 == groups.len() {
        // The last group: the skipped seats may stay empty if nobody sits behind them.
        if last_row != row {
            return None;
        }
        let mut q = block_end[i];
        while q < len && stream[q].seat.row == row {
            if fits_at(q) {
                return Some(exact(q, 0));
            }
            q = block_end[q];
        }
        return None;
    }
    let row_end = (i..len).find(|&k| stream[k].seat.row != row).unwrap_or(len);
    // The followers that fit from `i` one by one, each inside one block: after `used` of
    // them the next free seat is `reach[used]`.
    let mut reach = vec![i];
    let mut q = i;
    for f in &groups[gi + 1..] {
        let n = f.members.len();
        if q + n > block_end[q] {
            // This follower would cross an aisle (or leave the row). It may still fill its
            // block and go on in the next row, if the group then ends the row in one block.
            let p = block_end[q];
            let rest = n - (p - q);
            if p < row_end
                && p + m == row_end
                && row_end <= block_end[p]
                && row_end + rest <= len
                && !crosses(&stream[row_end..row_end + rest])
            {
                return Some(Alternative { start: p, followers: reach.len() - 1, wraps: p - q });
            }
            break;
        }
        q += n;
        reach.push(q);
        if q >= len || stream[q].seat.row != row {
            break;
        }
        if stream[q].block != stream[q - 1].block && fits_at(q) {
            return Some(exact(q, reach.len() - 1));
        }
    }
    // No exact fill. Seats may still be left empty in this row if nobody sits behind them:
    // everyone after the group ends in this row too. Then the group takes the nearest later
    // block that holds it, after as many followers as fill the seats before it.
    if last_row != row {
        return None;
    }
    let mut rest: usize = groups[gi + 1..].iter().map(|f| f.members.len()).sum();
    let mut best = None;
    for (used, &q) in reach.iter().enumerate() {
        if q >= row_end {
            break;
        }
        // The nearest block start after `q` where the group fits.
        let mut s = block_end[q];
        while s < row_end && !fits_at(s) {
            s = block_end[s];
        }
        if s < row_end && s + m + rest <= row_end {
            best = Some(exact(s, used));
        }
        rest -= groups.get(gi + 1 + used).map_or(0, |f| f.members.len());
    }
    best
}

/// The side [`podium::row_order`] is given for a `centre-out` row: people in the hall face
/// the podium, so their own left is the audience's left, the mirror of the podium with
/// `honour: left`. PROTOCOL §4 fixes it; the podium's `honour` does not turn it.
pub(crate) const CENTRE_OUT_SIDE: Side = Side::Right;

/// The even-row rule [`podium::row_order`] is given for a `centre-out` row: #1 and #2 share
/// the centre, #2 on the audience's left, whatever the podium's `even`.
pub(crate) const CENTRE_OUT_EVEN: EvenRule = EvenRule::Pair;

/// `centre-out`: each row's seats from the centre outward, the audience's left first.
fn fill_centre_out(shape: &Shape, groups: &[Group], unavailable: &dyn Fn(SeatId) -> bool, w: &Words) -> Fill {
    let lang = w.lang;
    let first = lang.text(", audience's left first, alternating", "，臺下看左側優先，左右交替");
    // "…: centre-out method (左右排列法): row {row} seat {rank} from the centre, {first}".
    let method = lang.text(": centre-out method (左右排列法): row ", "：左右排列法，第");
    let seat_word = lang.text(" seat ", "排自中間起第");
    let from_centre = lang.text(" from the centre", "座");
    let mut stream = Vec::with_capacity(shape.rows.iter().map(|r| r.len as usize).sum());
    for row in 1..=shape.rows() {
        let len = shape.row(row).map_or(0, |r| r.len);
        for (k, c) in
            podium::row_order(len as usize, CENTRE_OUT_SIDE, CENTRE_OUT_EVEN).into_iter().enumerate()
        {
            let seat = SeatId::hall(row, c as u32 + 1);
            if !unavailable(seat) {
                stream.push((seat, k));
            }
        }
    }
    let mut out = Fill {
        seats: Vec::with_capacity(groups.iter().map(|g| g.members.len()).sum::<usize>().min(stream.len())),
        unseated: Vec::new(),
    };
    let mut next = stream.iter();
    let more = seat_word.len() + from_centre.len() + first.len();
    for (gi, g) in groups.iter().enumerate() {
        let tail = group_tail(w, g, gi, &[&method]);
        for (k, &p) in g.members.iter().enumerate() {
            match next.next() {
                Some(&(seat, rank)) => {
                    let mut r = member_reason(
                        w,
                        &g.name,
                        k,
                        &tail,
                        uint_len(seat.row as usize) + uint_len(rank + 1) + more,
                    );
                    push_uint(&mut r, seat.row as usize);
                    r.push_str(&seat_word);
                    push_uint(&mut r, rank + 1);
                    r.push_str(&from_centre);
                    r.push_str(&first);
                    out.seats.push((p, seat, r))
                }
                None => out.unseated.push(p),
            }
        }
    }
    out
}

/// A group's column block: 0-based grid columns `lo..=hi`, and whether it skipped an aisle.
#[derive(Debug, Clone, Copy)]
struct Block {
    lo: usize,
    hi: usize,
    skipped: bool,
    /// Placed by the fallback that shifts all blocks as a whole ([`shifted`]).
    shifted: bool,
}

/// `columns`: blocks of whole grid columns, front to back, at the smallest depth that fits.
fn fill_columns(
    shape: &Shape,
    convention: &Convention,
    groups: &[Group],
    unavailable: &dyn Fn(SeatId) -> bool,
    words: &Words,
) -> Fill {
    let lang = words.lang;
    let w = shape.width() as usize;
    let rows = shape.rows() as usize;
    // avail[(row-1) * w + x]: grid column x (0-based) of `row` is an available seat.
    let mut avail = vec![false; rows * w];
    for row in 1..=rows as u32 {
        for col in 1..=shape.row(row).map_or(0, |r| r.len) {
            if !unavailable(SeatId::hall(row, col)) {
                avail[(row as usize - 1) * w + (shape.grid_col(row, col) as usize - 1)] = true;
            }
        }
    }
    let sizes: Vec<usize> = groups.iter().map(|g| g.members.len()).collect();
    let total: usize = sizes.iter().sum();
    let mut cap = vec![0usize; w];
    let mut have = 0usize;
    let mut chosen: Option<(usize, Vec<Option<Block>>)> = None;
    for d in 1..=rows {
        for x in 0..w {
            if avail[(d - 1) * w + x] {
                cap[x] += 1;
                have += 1;
            }
        }
        if have < total && d < rows {
            continue;
        }
        let mut blocks = pack(shape, convention, &cap, &sizes, false);
        if blocks.iter().all(Option::is_some) || d == rows {
            if blocks.iter().any(Option::is_none) {
                // The hall's full depth and a unit without a block, which would take the
                // first free seats: the units side by side across aisles instead, if that
                // tears fewer apart (or, as many, splits fewer across an aisle).
                let alt = pack(shape, convention, &cap, &sizes, true);
                let score =
                    |b: &[Option<Block>]| split_score(shape, w, &seat_cells(&avail, w, d, b, &sizes).0);
                if alt.iter().all(Option::is_some) && score(&alt) < score(&blocks) {
                    blocks = alt;
                }
            }
            chosen = Some((d, blocks));
            break;
        }
    }
    let mut out = Fill::default();
    let Some((depth, blocks)) = chosen else {
        out.unseated = groups.iter().flat_map(|g| g.members.iter().copied()).collect();
        return out;
    };
    let order = match convention.column_blocks {
        BlockOrder::LeftToRight => lang.text("blocks left to right", "各區塊從左到右"),
        BlockOrder::CentreOut => lang.text("blocks outward from the centre", "各區塊從中間向兩側"),
    };
    let skipped_aisle = lang.text(
        "; starts after the aisle to keep the unit in one block",
        "；從過道後起排，使單位保持在同一區塊",
    );
    let shifted_blocks = lang.text(
        " (the blocks shifted as a whole, so that no unit is torn apart)",
        "（各區塊整體平移，以免單位被拆散）",
    );
    let across_aisle =
        lang.text("; across an aisle: no block without one was left", "；已無不跨過道的區塊，故跨過道");
    let no_block = lang.text(
        ": columns method (豎排法), but no column block was left for this unit: first free seat in row order",
        "：豎排法，但已無豎列區塊可供本單位使用，依排的順序坐第一個空座",
    );
    let (cells, from) = seat_cells(&avail, w, depth, &blocks, &sizes);
    for (gi, ((g, block), (cells, &from))) in
        groups.iter().zip(&blocks).zip(cells.iter().zip(&from)).enumerate()
    {
        // The same for every member of the group seated in its block.
        let tail = block.as_ref().map(|b| {
            let skipped = if b.skipped { skipped_aisle.as_ref() } else { "" };
            let shifted = if b.shifted { shifted_blocks.as_ref() } else { "" };
            let skipped = if shape.across_aisle(b.lo, b.hi) { across_aisle.as_ref() } else { skipped };
            group_tail(
                words,
                g,
                gi,
                &[&msg!(
                    lang,
                    ": columns method (豎排法): column block {}–{} of the hall, rows 1–{}, front to back, {}{}{}",
                    "：豎排法，全場第{}–{}列區塊，第1–{}排，由前向後，{}{}{}",
                    b.lo + 1,
                    b.hi + 1,
                    depth,
                    order,
                    shifted,
                    skipped
                )],
            )
        });
        let overflow = (from < g.members.len()).then(|| group_tail(words, g, gi, &[&no_block]));
        for (k, &p) in g.members.iter().enumerate() {
            let Some(&at) = cells.get(k) else {
                out.unseated.push(p);
                continue;
            };
            let row = (at / w) as u32 + 1;
            let col = shape.col_at(row, (at % w) as u32 + 1).expect("available seats exist");
            let tail = if k < from { tail.as_deref() } else { overflow.as_deref() }.unwrap_or_default();
            out.seats.push((p, SeatId::hall(row, col), member_reason(words, &g.name, k, tail, 0)));
        }
    }
    out
}

/// Where each group sits with `blocks` at `depth`: its cells (`(row - 1) * w + x`) in
/// member order, fewer than its members when the hall is full; and from which member on it
/// took the first free seats in row order (no block, or its block full), after every
/// group had its block.
fn seat_cells(
    avail: &[bool],
    w: usize,
    depth: usize,
    blocks: &[Option<Block>],
    sizes: &[usize],
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut used = vec![false; avail.len()];
    let mut cells: Vec<Vec<usize>> = sizes.iter().map(|&m| Vec::with_capacity(m)).collect();
    let mut from = vec![0; sizes.len()];
    for (gi, (block, &m)) in blocks.iter().zip(sizes).enumerate() {
        if let Some(b) = block {
            'rows: for row in 0..depth {
                for x in b.lo..=b.hi {
                    if cells[gi].len() == m {
                        break 'rows;
                    }
                    let at = row * w + x;
                    if avail[at] && !used[at] {
                        used[at] = true;
                        cells[gi].push(at);
                    }
                }
            }
        }
        from[gi] = cells[gi].len();
    }
    let mut free = (0..avail.len()).filter(|&at| avail[at] && !used[at]);
    for (gi, &m) in sizes.iter().enumerate() {
        while cells[gi].len() < m {
            match free.next() {
                Some(at) => cells[gi].push(at),
                None => break,
            }
        }
    }
    (cells, from)
}

/// How badly groups seated in `cells` are split: how many are torn apart (another group
/// sits in a grid column between their outermost ones), then how many sit across an aisle.
fn split_score(shape: &Shape, w: usize, cells: &[Vec<usize>]) -> (usize, usize) {
    // Per grid column, the one group in it, or `usize::MAX` for several.
    let mut owner = vec![None; w];
    for (gi, cs) in cells.iter().enumerate() {
        for &at in cs {
            let o = &mut owner[at % w];
            *o = match *o {
                None => Some(gi),
                Some(g) if g == gi => Some(g),
                Some(_) => Some(usize::MAX),
            };
        }
    }
    let (mut torn, mut across) = (0, 0);
    for (gi, cs) in cells.iter().enumerate() {
        let (Some(lo), Some(hi)) = (cs.iter().map(|at| at % w).min(), cs.iter().map(|at| at % w).max())
        else {
            continue;
        };
        torn += usize::from(owner[lo..=hi].iter().any(|o| o.is_some_and(|o| o != gi)));
        across += usize::from(shape.across_aisle(lo, hi));
    }
    (torn, across)
}

/// Packs the groups into column blocks with the per-column capacities `cap` (available
/// seats in the front rows); `None` for a group that does not fit. `across`: when some
/// group does not fit, all of them side by side in their order, across aisles if need be
/// (the caller compares that with what the groups without a block would get).
fn pack(
    shape: &Shape,
    convention: &Convention,
    cap: &[usize],
    sizes: &[usize],
    across: bool,
) -> Vec<Option<Block>> {
    let w = cap.len();
    let block = |x: usize| shape.block_of_grid(x as u32 + 1);
    // The first column of the block of columns after (dir > 0) or before (dir < 0) `x`'s.
    let next_block_start = |x: usize, dir: isize| -> Option<usize> {
        let b = block(x);
        if dir > 0 {
            shape.aisles().get(b).map(|&a| a as usize)
        } else {
            b.checked_sub(1).map(|k| shape.aisles()[k] as usize - 1)
        }
    };
    // From `start` going `dir`, the last column of the shortest run holding `m` people.
    let run = |start: usize, dir: isize, m: usize| -> Option<usize> {
        let mut sum = 0;
        let mut x = start as isize;
        while x >= 0 && (x as usize) < w {
            sum += cap[x as usize];
            if sum >= m {
                return Some(x as usize);
            }
            x += dir;
        }
        None
    };
    // A block for `m` people from `start` going `dir`, skipping aisles when that keeps the
    // unit in one block: the nearest later block of columns that holds it whole; if none
    // does, or without `skip`, the columns from `start`, across the aisle.
    let place_or_cross = |start: usize, dir: isize, m: usize, skip: bool| -> Option<Block> {
        let end = run(start, dir, m)?;
        let span = |a: usize, b: usize| Block { lo: a.min(b), hi: a.max(b), skipped: false, shifted: false };
        if skip && block(start) != block(end) {
            let mut next = next_block_start(start, dir);
            while let Some(x) = next {
                // No room from `x` on means no room further out either.
                let Some(e2) = run(x, dir, m) else { break };
                if block(e2) == block(x) {
                    return Some(Block { skipped: true, ..span(x, e2) });
                }
                next = next_block_start(x, dir);
            }
        }
        Some(span(start, end))
    };
    let place = |start: usize, dir: isize, m: usize| place_or_cross(start, dir, m, true);
    // Whether the groups could stand side by side at all: each takes at least the columns
    // its people need in the fullest column (the fallbacks below look no further if not).
    let fullest = cap.iter().copied().max().unwrap_or(0).max(1);
    let side_by_side = sizes.iter().map(|&m| m.div_ceil(fullest)).sum::<usize>() <= w;
    let crosses = |b: &Block| shape.across_aisle(b.lo, b.hi);
    let mut out = Vec::with_capacity(sizes.len());
    match convention.column_blocks {
        BlockOrder::LeftToRight => {
            let mut x = 0;
            for &m in sizes {
                let b = if x < w { place(x, 1, m) } else { None };
                if let Some(b) = b {
                    x = b.hi + 1;
                }
                out.push(b);
            }
        }
        BlockOrder::CentreOut => {
            // Honour side first: for `honour: left` the audience's left (dir -1).
            let first: isize = if convention.honour == Side::Left { -1 } else { 1 };
            let sizes_all = sizes;
            let mut sizes = sizes.iter().copied();
            let Some(m0) = sizes.next() else { return out };
            // The centre column(s): for an even width, the one on the first side and the
            // one on the other side of the axis.
            let (c_first, c_other) = if w % 2 == 1 {
                (w / 2, w / 2)
            } else if first < 0 {
                (w / 2 - 1, w / 2)
            } else {
                (w / 2, w / 2 - 1)
            };
            // The first group, centred: grow from the centre column, first side first (for
            // an even width the other centre column comes first).
            let (mut lo, mut hi) = (c_first, c_first);
            let mut sum = cap[c_first];
            let mut dir = if w % 2 == 1 { first } else { -first };
            while sum < m0 {
                let toward = |d: isize| if d < 0 { lo as isize - 1 } else { hi as isize + 1 };
                let x = if (0..w as isize).contains(&toward(dir)) {
                    toward(dir)
                } else if (0..w as isize).contains(&toward(-dir)) {
                    toward(-dir)
                } else {
                    break;
                } as usize;
                sum += cap[x];
                lo = lo.min(x);
                hi = hi.max(x);
                dir = -dir;
            }
            // Frontiers: the next free column going left and going right.
            let (mut left, mut right): (isize, isize);
            let mut next_dir = first;
            if sum >= m0 && block(lo) == block(hi) {
                left = lo as isize - 1;
                right = hi as isize + 1;
                // A block that leans to one side of the axis sends the next one to the other.
                next_dir = match (lo + hi).cmp(&(w - 1)) {
                    std::cmp::Ordering::Less => 1,
                    std::cmp::Ordering::Greater => -1,
                    std::cmp::Ordering::Equal => first,
                };
                out.push(Some(Block { lo, hi, skipped: false, shifted: false }));
            } else {
                // Not centrable without crossing an aisle: beside the axis, first side first.
                let other_start = if w % 2 == 1 { c_first as isize - first } else { c_other as isize };
                let (f_start, o_start) = (c_first as isize, other_start);
                left = if first < 0 { f_start } else { o_start };
                right = if first < 0 { o_start } else { f_start };
                let mut placed = None;
                for d in [first, -first] {
                    let start = if d < 0 { left } else { right };
                    if !(0..w as isize).contains(&start) {
                        continue;
                    }
                    if let Some(b) = place(start as usize, d, m0) {
                        if d < 0 {
                            left = b.lo as isize - 1;
                        } else {
                            right = b.hi as isize + 1;
                        }
                        next_dir = -d;
                        placed = Some(b);
                        break;
                    }
                }
                out.push(placed);
            }
            // The side each later group went to (or was due to go to, if it did not fit).
            let mut sides = Vec::with_capacity(out.capacity());
            for m in sizes {
                let mut placed = None;
                let mut side = next_dir;
                for d in [next_dir, -next_dir] {
                    let start = if d < 0 { left } else { right };
                    if !(0..w as isize).contains(&start) {
                        continue;
                    }
                    if let Some(b) = place(start as usize, d, m) {
                        if d < 0 {
                            left = b.lo as isize - 1;
                        } else {
                            right = b.hi as isize + 1;
                        }
                        placed = Some(b);
                        side = d;
                        break;
                    }
                }
                sides.push(side);
                next_dir = -next_dir;
                out.push(placed);
            }
            if out.iter().any(Option::is_none) && side_by_side {
                // The same left-to-right order of blocks (the later groups' sides about the
                // first, or all mirrored), the first as near the axis as it can be, leaning
                // to the honour side rather than the other.
                let orders: Vec<Vec<usize>> = [1, -1]
                    .iter()
                    .map(|&flip| {
                        let left = (0..sides.len()).rev().filter(|&i| sides[i] * flip < 0).map(|i| i + 1);
                        let right = (0..sides.len()).filter(|&i| sides[i] * flip > 0).map(|i| i + 1);
                        left.chain(std::iter::once(0)).chain(right).collect()
                    })
                    .collect();
                let rank = |blocks: &[Option<Block>]| {
                    let b = blocks[0].as_ref().expect("every group placed");
                    let away = if first < 0 { b.lo + b.hi > w - 1 } else { b.lo + b.hi < w - 1 };
                    2 * (b.lo + b.hi).abs_diff(w - 1) + usize::from(away)
                };
                // No unit across an aisle; or, asked `across`, skipping aisles where a later
                // block holds the unit, else packed tight.
                for skip in [true, false].into_iter().take(1 + usize::from(across)) {
                    let place = |x: usize, m: usize| place_or_cross(x, 1, m, skip);
                    let refused = |b: &Block| !across && crosses(b);
                    if let Some(b) = shifted(w, sizes_all, &orders, &place, &refused, &rank) {
                        return b;
                    }
                }
            }
        }
    }
    if across
        && side_by_side
        && out.iter().any(Option::is_none)
        && convention.column_blocks == BlockOrder::LeftToRight
    {
        // Left to right, some unit found no block: all of them side by side from the left,
        // each after an aisle where a later block holds it, else packed tight.
        let order: Vec<usize> = (0..sizes.len()).collect();
        let rank = |blocks: &[Option<Block>]| blocks[0].as_ref().map_or(0, |b| b.lo);
        for skip in [true, false] {
            let place = |x: usize, m: usize| place_or_cross(x, 1, m, skip);
            if let Some(b) = shifted(w, sizes, std::slice::from_ref(&order), &place, &|_| false, &rank) {
                return b;
            }
        }
    }
    out
}

/// `columns`, when a block finds no room (one side of the hall full, the other too narrow):
/// the groups side by side in one of `orders` (left to right), shifted as a whole to the
/// start that fits them all and that `rank` puts first (smaller first), none of their
/// blocks `refused`. `None` if no start fits; then the groups are not torn apart by this,
/// only left as they were.
fn shifted(
    w: usize,
    sizes: &[usize],
    orders: &[Vec<usize>],
    place: &dyn Fn(usize, usize) -> Option<Block>,
    refused: &dyn Fn(&Block) -> bool,
    rank: &dyn Fn(&[Option<Block>]) -> usize,
) -> Option<Vec<Option<Block>>> {
    // Every group takes at least a column.
    if sizes.len() > w {
        return None;
    }
    let mut best: Option<(usize, Vec<Option<Block>>)> = None;
    let mut blocks = vec![None; sizes.len()];
    for order in orders {
        for x0 in 0..w {
            let mut x = x0;
            let fits = order.iter().all(|&g| {
                let b = if x < w { place(x, sizes[g]).filter(|b| !refused(b)) } else { None };
                b.inspect(|b| x = b.hi + 1).map(|b| blocks[g] = Some(Block { shifted: true, ..b })).is_some()
            });
            if !fits {
                // Further right there is less room: no later start fits either, once one
                // has (and if the first does not, the blocks are too wide for the hall).
                if x0 == 0 || best.is_some() {
                    break;
                }
                continue;
            }
            let r = rank(&blocks);
            if best.as_ref().is_none_or(|(o, _)| r < *o) {
                best = Some((r, blocks.clone()));
            }
        }
    }
    best.map(|(_, b)| b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Floor, RoleSeating};

    fn spec(rows: u32, seats: u32, aisles: &[u32]) -> HallSpec {
        HallSpec {
            rows,
            seats,
            aisles: aisles.to_vec(),
            blocked: Vec::new(),
            row_seats: Vec::new(),
            align: RowAlign::Centre,
            floors: Vec::new(),
            roles: RoleSeating::WithUnit,
        }
    }

    fn numbers(n: u32, odd_side: Side) -> Vec<u32> {
        let c = Convention { numbering: Numbering::OddEven, odd_side, ..Convention::default() };
        (1..=n).map(|col| seat_number(n, col, &c)).collect()
    }

    #[test]
    fn push_uint_writes_what_display_writes() {
        let mut s = String::new();
        for n in (0..20_000).chain([99_999, 100_000, 1_234_567, u32::MAX as usize, usize::MAX]) {
            s.clear();
            push_uint(&mut s, n);
            assert_eq!(s, n.to_string());
            assert_eq!(uint_len(n), s.len(), "{n}");
        }
    }

    #[test]
    fn odd_even_numbering_both_sides_both_parities() {
        assert_eq!(numbers(7, Side::Right), [6, 4, 2, 1, 3, 5, 7]);
        assert_eq!(numbers(6, Side::Right), [6, 4, 2, 1, 3, 5]);
        assert_eq!(numbers(7, Side::Left), [7, 5, 3, 1, 2, 4, 6]);
        assert_eq!(numbers(6, Side::Left), [5, 3, 1, 2, 4, 6]);
        assert_eq!(numbers(1, Side::Left), [1]);
        assert_eq!(numbers(2, Side::Right), [2, 1]);
    }

    #[test]
    fn numbering_is_a_bijection() {
        for n in 1..60 {
            for side in [Side::Left, Side::Right] {
                let mut v = numbers(n, side);
                crate::sort::sort(&mut v);
                assert_eq!(v, (1..=n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn centred_short_rows_and_blocks() {
        let mut s = spec(3, 10, &[5]);
        s.row_seats = vec![6, 9, 10];
        let shape = Shape::new(&s);
        assert_eq!(shape.grid_col(1, 1), 3); // (10 - 6) / 2 = 2 places on the left
        assert_eq!(shape.grid_col(2, 1), 1); // odd leftover goes right
        assert_eq!(shape.block(1, 3), 0);
        assert_eq!(shape.block(1, 4), 1);
        assert!(shape.exists(1, 6) && !shape.exists(1, 7));
        assert_eq!(shape.col_at(1, 3), Some(1));
        assert_eq!(shape.col_at(1, 2), None);
    }

    #[test]
    fn floor_labels_restart_row_numbers() {
        let mut s = spec(5, 4, &[]);
        s.floors = vec![Floor { name: "一樓".into(), rows: 3 }, Floor { name: "二樓".into(), rows: 2 }];
        let c = Convention::default();
        let t = Script::Traditional;
        assert_eq!(label(&s, SeatId::hall(3, 2), &c, t), "一樓 第3排2號");
        assert_eq!(label(&s, SeatId::hall(4, 1), &c, t), "二樓 第1排1號");
        assert_eq!(Shape::new(&s).label(SeatId::hall(5, 4), &c, t), "二樓 第2排4號");
        assert_eq!(label(&spec(2, 4, &[]), SeatId::hall(2, 3), &c, t), "第2排3號");
        // Simplified: the program's words only; the floor's name stays as typed.
        let z = Script::Simplified;
        assert_eq!(label(&s, SeatId::hall(4, 1), &c, z), "二樓 第1排1号");
        assert_eq!(Shape::new(&s).label(SeatId::hall(5, 4), &c, z), "二樓 第2排4号");
        assert_eq!(Shape::new(&s).row_label(5, z), "二樓 第2排");
    }

    fn groups(sizes: &[usize]) -> Vec<Group> {
        let mut n = 0;
        sizes
            .iter()
            .enumerate()
            .map(|(k, &m)| Group {
                name: format!("u{k}"),
                members: (0..m)
                    .map(|_| {
                        n += 1;
                        n - 1
                    })
                    .collect(),
            })
            .collect()
    }

    /// Renders row `row` as the group index (a, b, c …) in each seat, `.` for empty.
    fn render(s: &HallSpec, sizes: &[usize], c: &Convention, row: u32) -> String {
        let gs = groups(sizes);
        let f = fill(s, c, &gs, &|_| false, Lang::EN);
        let len = row_len(s, row);
        (1..=len)
            .map(|col| {
                f.seats
                    .iter()
                    .find(|(_, seat, _)| *seat == SeatId::hall(row, col))
                    .map(|(p, _, _)| {
                        let g = gs.iter().position(|g| g.members.contains(p)).unwrap();
                        (b'a' + g as u8) as char
                    })
                    .unwrap_or('.')
            })
            .collect()
    }

    #[test]
    fn rows_aisle_rule_lets_a_following_unit_fill_the_gap() {
        let s = spec(2, 10, &[5]);
        let c = Convention::default();
        // b (4) would straddle the aisle; c (2) fills the two seats before it.
        assert_eq!(render(&s, &[3, 4, 2], &c, 1), "aaaccbbbb.");
        // Without a unit that fits exactly, b straddles.
        assert_eq!(render(&s, &[3, 4, 3], &c, 1), "aaabbbbccc");
        // Unless b then ends the row: c fills the seat before the aisle and goes on in the
        // next row (no seat left empty, no unit across the aisle).
        assert_eq!(render(&s, &[4, 5, 3], &c, 1), "aaaacbbbbb");
        assert_eq!(render(&s, &[4, 5, 3], &c, 2), "cc........");
        let s = spec(2, 3, &[1]);
        assert_eq!(render(&s, &[2, 2], &c, 1), "baa");
        assert_eq!(render(&s, &[2, 2], &c, 2), "b..");
    }

    #[test]
    fn columns_blocks_are_minimal_depth() {
        let s = spec(4, 6, &[]);
        let c = Convention { hall_method: HallMethod::Columns, ..Convention::default() };
        // 3 + 3 + 2 = 8 people, depth 2: a a b b c .
        assert_eq!(render(&s, &[3, 3, 2], &c, 1), "aabbc.");
        assert_eq!(render(&s, &[3, 3, 2], &c, 2), "a.b.c.");
    }

    #[test]
    fn columns_centre_out_blocks() {
        let s = spec(2, 5, &[]);
        let c = Convention {
            hall_method: HallMethod::Columns,
            column_blocks: BlockOrder::CentreOut,
            ..Convention::default()
        };
        // Depth 2: a (2) takes the centre column; b (2) left of it; c (2) right of it.
        assert_eq!(render(&s, &[2, 2, 2], &c, 1), ".bac.");
        assert_eq!(render(&s, &[2, 2, 2], &c, 2), ".bac.");
        // A central aisle: a goes beside it on the audience's left, b on the right.
        let s = spec(2, 6, &[3]);
        assert_eq!(render(&s, &[2, 2, 2, 2], &c, 1), ".cabd.");
        // No room for c on either side of a and b: the blocks shift as a whole, in the
        // same order, rather than c taking a seat at each end of the hall.
        // The first as near the axis as it can be, leaning to the honour side (left).
        let s = spec(1, 4, &[]);
        assert_eq!(render(&s, &[1, 1, 2], &c, 1), "bacc");
        let s = spec(2, 7, &[]);
        assert_eq!(render(&s, &[3, 4, 5], &c, 1), "bbaaccc");
        assert_eq!(render(&s, &[3, 4, 5], &c, 2), "bba.cc.");
        // With aisles a shift is taken only if it keeps every unit out of them; otherwise the
        // blocks go one row deeper, each in an aisle's section, as before.
        let s = spec(5, 16, &[6, 11]);
        assert_eq!(render(&s, &[11, 8, 8], &c, 1), "...bbbaaaa.ccc..");
        assert_eq!(render(&s, &[11, 8, 8], &c, 3), "...bb.aaa..cc...");
        assert_eq!(render(&s, &[11, 8, 8], &c, 4), "................");
        // At the hall's full depth a unit is rather split across an aisle than torn apart
        // (`b|aab` before), either block order.
        let s = spec(1, 4, &[1]);
        assert_eq!(render(&s, &[2, 2], &c, 1), "aabb");
        let l2r = Convention { column_blocks: BlockOrder::LeftToRight, ..c.clone() };
        let s = spec(1, 6, &[1]);
        assert_eq!(render(&s, &[3, 3], &l2r, 1), "aaabbb");
        // But a unit whose first free seats keep it whole and out of an aisle stays there.
        let s = spec(1, 7, &[1, 4]);
        assert_eq!(render(&s, &[2, 3, 1], &l2r, 1), "caa.bbb");
        // Side by side, a block skips an aisle where a later block holds it.
        let right = Convention { honour: Side::Right, ..c };
        let s = spec(1, 6, &[2, 4]);
        assert_eq!(render(&s, &[2, 3], &right, 1), "bbb.aa");
    }

    #[test]
    fn centre_out_is_the_mirror_of_the_podium() {
        let s = spec(1, 7, &[]);
        let c = Convention { hall_method: HallMethod::CentreOut, ..Convention::default() };
        assert_eq!(render(&s, &[1, 1, 1, 1, 1, 1, 1], &c, 1), "fdbaceg");
    }

    const HANT: Lang = Lang { language: crate::Language::Zh, script: Script::Traditional };
    const HANS: Lang = Lang { language: crate::Language::Zh, script: Script::Simplified };

    /// The reason of person `p` when `sizes` fill `s` by `c`, in `lang`.
    fn reason(s: &HallSpec, sizes: &[usize], c: &Convention, lang: Lang, p: usize) -> String {
        let f = fill(s, c, &groups(sizes), &|_| false, lang);
        f.seats.into_iter().find(|(q, _, _)| *q == p).map(|(_, _, r)| r).unwrap()
    }

    #[test]
    fn rows_reasons_in_chinese_and_english() {
        let s = spec(2, 10, &[5]);
        let c = Convention::default();
        // a (3), then c (2) moves ahead of b (4), which starts after the aisle.
        assert_eq!(
            reason(&s, &[3, 4, 2], &c, HANT, 0),
            "u0，第1人（共3人），單位位次第1組：橫排法，前排優先，臺下看左側優先，單位人員可接排至下一排"
        );
        assert_eq!(
            reason(&s, &[3, 4, 2], &c, Lang::EN, 0),
            "u0, 1 of 3 (group 1 in unit precedence): rows method (橫排法): front rows first, audience's left \
             first, a unit continues onto the next row"
        );
        assert_eq!(
            reason(&s, &[3, 4, 2], &c, HANT, 8),
            "u2，第2人（共2人），單位位次第3組：橫排法，前排優先，臺下看左側優先，單位人員可接排至下一排；\
             提前到u1之前，坐過道前u1為保持在同一區塊而讓出的座位（過道規則）"
        );
        assert_eq!(
            reason(&s, &[3, 4, 2], &c, Lang::EN, 8),
            "u2, 2 of 2 (group 3 in unit precedence): rows method (橫排法): front rows first, audience's left \
             first, a unit continues onto the next row; moved ahead of u1 to fill the seats before the aisle, \
             which u1 skipped to stay in one block (aisle rule)"
        );
        assert!(
            reason(&s, &[3, 4, 2], &c, HANT, 3).ends_with("；從過道後起排，以免單位被過道隔開（過道規則）")
        );
        assert!(reason(&s, &[3, 4, 2], &c, Lang::EN, 3)
            .ends_with("; starts after the aisle so the unit is not split across it (aisle rule)"));
        // Simplified: the program's words only (單位 → 单位); the unit's name as typed.
        let mut g = groups(&[3, 4, 2]);
        g[1].name = "區委辦".into();
        let f = fill(&s, &c, &g, &|_| false, HANS);
        let r = &f.seats.iter().find(|(q, _, _)| *q == 3).unwrap().2;
        assert!(r.starts_with("區委辦，第1人（共4人），单位位次第2"), "{r}");
    }

    #[test]
    fn centre_out_and_columns_reasons_in_chinese_and_english() {
        let c = Convention { hall_method: HallMethod::CentreOut, ..Convention::default() };
        let s = spec(1, 7, &[]);
        assert_eq!(
            reason(&s, &[2, 1], &c, HANT, 1),
            "u0，第2人（共2人），單位位次第1組：左右排列法，第1排自中間起第2座，臺下看左側優先，左右交替"
        );
        assert_eq!(
            reason(&s, &[2, 1], &c, Lang::EN, 1),
            "u0, 2 of 2 (group 1 in unit precedence): centre-out method (左右排列法): row 1 seat 2 from the \
             centre, audience's left first, alternating"
        );
        let c = Convention { hall_method: HallMethod::Columns, ..Convention::default() };
        let s = spec(3, 8, &[3]);
        // b (4) would straddle the aisle: it starts after it.
        assert_eq!(
            reason(&s, &[2, 4], &c, HANT, 2),
            "u1，第1人（共4人），單位位次第2組：豎排法，全場第4–7列區塊，第1–1排，由前向後，各區塊從左到右；\
             從過道後起排，使單位保持在同一區塊"
        );
        assert_eq!(
            reason(&s, &[2, 4], &c, Lang::EN, 2),
            "u1, 1 of 4 (group 2 in unit precedence): columns method (豎排法): column block 4–7 of the hall, \
             rows 1–1, front to back, blocks left to right; starts after the aisle to keep the unit in one block"
        );
        // Five units of one in a 3-wide hall: the last two find no column block.
        let s = spec(2, 3, &[]);
        assert_eq!(
            reason(&s, &[1, 1, 1, 1, 1], &c, HANT, 4),
            "u4，第1人（共1人），單位位次第5組：豎排法，但已無豎列區塊可供本單位使用，依排的順序坐第一個空座"
        );
        assert_eq!(
            reason(&s, &[1, 1, 1, 1, 1], &c, Lang::EN, 4),
            "u4, 1 of 1 (group 5 in unit precedence): columns method (豎排法), but no column block was left for \
             this unit: first free seat in row order"
        );
    }

    /// The aisle rule as written in the module docs, naively: every later block start of
    /// the row, nearest first, with the followers' prefix sums.
    fn naive_alternative(stream: &[Slot], i: usize, groups: &[Group], gi: usize) -> Option<Alternative> {
        let exact = |start, followers| Some(Alternative { start, followers, wraps: 0 });
        let m = groups[gi].members.len();
        let (row, last_row) = (stream[i].seat.row, stream[i + m - 1].seat.row);
        let row_end = (i..stream.len()).find(|&k| stream[k].seat.row != row).unwrap_or(stream.len());
        for p in i + 1..stream.len() {
            if stream[p].seat.row != row {
                break;
            }
            if stream[p].block == stream[p - 1].block || p + m > stream.len() {
                continue;
            }
            let run = &stream[p..p + m];
            if run[m - 1].seat.row != last_row || crosses(run) {
                continue;
            }
            let gap = p - i;
            if gi + 1 == groups.len() {
                if last_row == row {
                    return exact(p, 0);
                }
                continue;
            }
            let (mut filled, mut used) = (0, 0);
            for f in &groups[gi + 1..] {
                let n = f.members.len();
                if filled + n > gap || crosses(&stream[i + filled..i + filled + n]) {
                    break;
                }
                filled += n;
                used += 1;
                if filled == gap {
                    return exact(p, used);
                }
            }
        }
        // No exact fill. The group may end the row in the last block; followers fill the
        // seats before it, each whole in one block, but the last, which fills the rest
        // without crossing an aisle and goes on from the start of the next row.
        let p = row_end.saturating_sub(m);
        if gi + 1 < groups.len()
            && p > i
            && stream[p].block != stream[p - 1].block
            && stream[p].seat.row == row
            && !crosses(&stream[p..row_end])
        {
            let mut filled = 0;
            for (used, f) in groups[gi + 1..].iter().enumerate() {
                let n = f.members.len();
                let a = i + filled;
                if filled + n <= p - i {
                    if crosses(&stream[a..a + n]) {
                        break;
                    }
                    filled += n;
                    continue;
                }
                let rest = n - (p - a);
                if !crosses(&stream[a..p])
                    && row_end + rest <= stream.len()
                    && !crosses(&stream[row_end..row_end + rest])
                {
                    return Some(Alternative { start: p, followers: used, wraps: p - a });
                }
                break;
            }
        }
        // No such fill: when the group and everyone after it end in this row, as many
        // followers as fit move ahead (each whole, in one block) and the group takes the
        // nearest later block that holds it; the seats between stay empty.
        if last_row != row {
            return None;
        }
        let total: usize = groups[gi + 1..].iter().map(|f| f.members.len()).sum();
        let mut fills = vec![0];
        for f in &groups[gi + 1..] {
            let (a, n) = (i + fills[fills.len() - 1], f.members.len());
            if a + n > row_end || crosses(&stream[a..a + n]) {
                break;
            }
            fills.push(fills[fills.len() - 1] + n);
        }
        for used in (0..fills.len()).rev() {
            let q = i + fills[used];
            for p in q + 1..row_end {
                if stream[p].block == stream[p - 1].block || p + m > row_end || crosses(&stream[p..p + m]) {
                    continue;
                }
                if p + m + total - fills[used] <= row_end {
                    return exact(p, used);
                }
                break;
            }
        }
        None
    }

    proptest::proptest! {
        /// Columns method, either block order, with or without aisles: when the units fit
        /// side by side at the hall's full depth, none is torn apart: each takes adjacent
        /// grid columns.
        #[test]
        fn columns_keep_every_unit_in_adjacent_columns(
            rows in 1u32..4,
            extra in 0u32..4,
            aisles in proptest::collection::vec(1u32..14, 0..3),
            sizes in proptest::collection::vec(1usize..9, 1..6),
            centre_out in proptest::bool::ANY,
            honour_left in proptest::bool::ANY,
        ) {
            // Just wide enough for the units side by side at full depth, or a little wider.
            let seats = sizes.iter().map(|&m| m.div_ceil(rows as usize) as u32).sum::<u32>() + extra;
            let mut aisles: Vec<u32> = aisles.into_iter().filter(|&a| a < seats).collect();
            aisles.sort_unstable();
            aisles.dedup();
            let s = spec(rows, seats, &aisles);
            let c = Convention {
                hall_method: HallMethod::Columns,
                column_blocks: if centre_out { BlockOrder::CentreOut } else { BlockOrder::LeftToRight },
                honour: if honour_left { Side::Left } else { Side::Right },
                ..Convention::default()
            };
            let gs = groups(&sizes);
            let f = fill(&s, &c, &gs, &|_| false, Lang::EN);
            proptest::prop_assert!(f.unseated.is_empty());
            for g in &gs {
                let mut cols: Vec<u32> =
                    f.seats.iter().filter(|(p, _, _)| g.members.contains(p)).map(|(_, seat, _)| seat.col).collect();
                cols.sort_unstable();
                cols.dedup();
                let (lo, hi) = (cols[0], cols[cols.len() - 1]);
                proptest::prop_assert_eq!((hi - lo + 1) as usize, cols.len(), "{} torn: columns {:?}", g.name, cols);
            }
        }

        #[test]
        fn aisle_rule_matches_its_naive_statement(
            rows in 1u32..4,
            seats in 2u32..16,
            aisles in proptest::collection::vec(1u32..15, 0..5),
            blocked in proptest::collection::vec((1u32..4, 1u32..16), 0..4),
            sizes in proptest::collection::vec(1usize..7, 1..10),
        ) {
            let s = spec(rows, seats, &aisles.into_iter().filter(|&a| a < seats).collect::<Vec<_>>());
            let shape = Shape::new(&s);
            let blocked: Vec<SeatId> = blocked.into_iter().map(|(r, c)| SeatId::hall(r, c)).collect();
            let mut stream = Vec::new();
            for row in 1..=rows {
                for col in 1..=seats {
                    if !blocked.contains(&SeatId::hall(row, col)) {
                        stream.push(Slot { seat: SeatId::hall(row, col), block: shape.block(row, col) });
                    }
                }
            }
            let mut block_end = vec![stream.len(); stream.len()];
            for k in (0..stream.len().saturating_sub(1)).rev() {
                let (a, b) = (&stream[k], &stream[k + 1]);
                block_end[k] = if a.seat.row != b.seat.row || a.block != b.block { k + 1 } else { block_end[k + 1] };
            }
            let gs = groups(&sizes);
            let mut i = 0;
            for gi in 0..gs.len() {
                let m = gs[gi].members.len();
                if i + m > stream.len() {
                    break;
                }
                if crosses(&stream[i..i + m]) {
                    proptest::prop_assert_eq!(
                        aisle_alternative(&stream, &block_end, i, &gs, gi),
                        naive_alternative(&stream, i, &gs, gi)
                    );
                }
                i += m;
            }
        }
    }
}
