//! Seat lists for tickets and sign-in sheets (簽到表): person → seat label, by unit.
//!
//! [`rows`] orders the list: the podium first (in precedence), then each unit in unit order
//! (members before attendees and alternates, each in precedence), then people without a
//! unit; people without a seat are listed in their group with 座位 "未安排". Excluded people
//! are not listed. [`csv`] writes UTF-8 with a BOM and CRLF line ends, so Excel and WPS open
//! it as Chinese text; [`xlsx`] writes a workbook with a formatted 簽到表 sheet and a 座位表
//! sheet in seat order.

use std::collections::HashMap;

use crate::layout::clean;
use crate::plan::Plan;
use crate::scenario::{Scenario, Section};
use crate::seat::SeatId;

/// The sign-in sheet's columns.
pub const HEADER: [&str; 6] = ["序號", "姓名", "職務", "單位", "座位", "簽到"];

/// [`HEADER`] in the scenario's script (`meeting.script`).
pub fn header(scenario: &Scenario) -> Vec<String> {
    HEADER.iter().map(|h| scenario.meeting.script.word(h)).collect()
}

/// One person on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based number on the list.
    pub no: usize,
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Post, empty when none.
    pub post: String,
    /// Unit name, empty when none.
    pub unit: String,
    /// Printed seat label (第3排11號), or 未安排.
    pub label: String,
    /// Seat id (`H3-11`), empty without a seat.
    pub seat: String,
    /// The plan's reason for the seat.
    pub reason: String,
}

/// The list, in sign-in order (see the module docs). Complexity: O(n log n).
pub fn rows(scenario: &Scenario, plan: &Plan) -> Vec<Row> {
    let unseated = scenario.meeting.script.words("未安排");
    let people: HashMap<&str, usize> =
        scenario.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let units: HashMap<&str, usize> =
        scenario.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
    let seat_of: HashMap<&str, (&str, &str, &str)> = plan
        .seats
        .iter()
        .filter_map(|a| {
            a.person.as_deref().map(|p| (p, (a.seat.as_str(), a.label.as_str(), a.reason.as_str())))
        })
        .collect();
    let mut list: Vec<((usize, usize, u8, usize), Row)> = Vec::with_capacity(plan.precedence.len());
    for (pos, id) in plan.precedence.iter().enumerate() {
        let Some(&i) = people.get(id.as_str()) else { continue };
        let p = &scenario.people[i];
        let seat = seat_of.get(id.as_str());
        let on_podium =
            seat.and_then(|s| s.0.parse::<SeatId>().ok()).is_some_and(|s| s.area == crate::Area::Podium)
                || (seat.is_none() && p.section == Section::Podium);
        let unit = p.unit.as_deref().and_then(|u| units.get(u).copied());
        let group = if on_podium { (0, 0) } else { (1, unit.unwrap_or(usize::MAX)) };
        let role = if on_podium { 0 } else { p.role as u8 };
        let (seat_id, label, reason) = seat.copied().unwrap_or(("", unseated.as_ref(), ""));
        list.push((
            (group.0, group.1, role, pos),
            Row {
                no: 0,
                id: clean(&p.id),
                name: clean(&p.name),
                post: clean(p.post.as_deref().unwrap_or("")),
                unit: unit.map(|k| clean(&scenario.units[k].name)).unwrap_or_default(),
                label: clean(label),
                seat: seat_id.to_string(),
                reason: clean(reason),
            },
        ));
    }
    crate::sort::sort_by_key(&mut list, |(k, _)| *k);
    list.into_iter()
        .enumerate()
        .map(|(n, (_, mut r))| {
            r.no = n + 1;
            r
        })
        .collect()
}

/// One CSV field: quoted when needed; a leading `= + - @` is defused with `'` so that a
/// spreadsheet never runs a name as a formula.
fn field(out: &mut String, s: &str) {
    let defuse = s.starts_with(['=', '+', '-', '@']);
    let quote = defuse || s.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if defuse {
        out.push('\'');
    }
    for ch in s.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
}

/// The sign-in list as CSV: UTF-8 with a BOM, CRLF line ends, columns [`HEADER`].
pub fn csv(scenario: &Scenario, plan: &Plan) -> String {
    let rows = rows(scenario, plan);
    let mut out = String::with_capacity(64 + rows.len() * 64);
    out.push('\u{FEFF}');
    out.push_str(&header(scenario).join(","));
    out.push_str("\r\n");
    for r in &rows {
        out.push_str(&r.no.to_string());
        for f in [&r.name, &r.post, &r.unit, &r.label] {
            out.push(',');
            field(&mut out, f);
        }
        out.push_str(",\r\n");
    }
    out
}

/// The workbook: sheet 簽到表 (the title and the date and place merged across the columns,
/// [`HEADER`], borders, A4 fitted to one page wide with the header repeated on every page and
/// frozen on screen) and sheet 座位表 (every seated person in seat order with seat id and
/// reason; A4 landscape, header repeated). Written by the crate's own small XLSX writer; the
/// same input gives the same bytes.
pub fn xlsx(scenario: &Scenario, plan: &Plan) -> Vec<u8> {
    use super::xlsx::{workbook, Cell, Sheet, Style};
    let rows = rows(scenario, plan);
    let sc = scenario.meeting.script;
    let title = format!("{}{}", clean(&scenario.meeting.title), sc.words("簽到表"));
    let sub = [clean(&scenario.meeting.date), clean(&scenario.meeting.place)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("　");

    let (sign_name, seats_name, header) = (sc.words("簽到表"), sc.words("座位表"), header(scenario));
    let mut sign = Sheet::new(&sign_name, &[6, 12, 22, 24, 18, 16]);
    sign.merged(&title, Style::Title, HEADER.len());
    sign.merged(&sub, Style::Centred, HEADER.len());
    sign.row(header.iter().map(|h| Cell::Text(h, Style::Head)).collect(), None);
    for r in &rows {
        let body = |s| Cell::Text(s, Style::Body);
        let mut cells = vec![Cell::Number(r.no, Style::BodyCentred)];
        cells.extend([body(&r.name), body(&r.post), body(&r.unit), body(&r.label), body("")]);
        sign.row(cells, Some(22.0));
    }
    sign.print_titles = Some(2);
    sign.fit_width = true;
    sign.freeze = 3;

    let mut seats = Sheet::new(&seats_name, &[18, 10, 12, 22, 24, 60]);
    let head: Vec<String> =
        ["座位", "座位編號", "姓名", "職務", "單位", "說明"].iter().map(|h| sc.word(h)).collect();
    seats.row(head.iter().map(|h| Cell::Text(h, Style::Head)).collect(), None);
    let mut by_seat: Vec<(SeatId, &Row)> =
        rows.iter().filter_map(|r| r.seat.parse::<SeatId>().ok().map(|s| (s, r))).collect();
    crate::sort::sort_by_key(&mut by_seat, |(s, _)| *s);
    for (_, r) in &by_seat {
        let cells = [&r.label, &r.seat, &r.name, &r.post, &r.unit, &r.reason];
        seats.row(cells.iter().map(|s| Cell::Text(s, Style::Body)).collect(), None);
    }
    seats.print_titles = Some(0);
    seats.landscape = true;
    workbook(&[sign, seats])
}
