//! Line-ups (合影, 頒獎站位): group-photo rows and award order, PROTOCOL §5.
//!
//! A line-up is written left to right as seen from the camera (or the audience), front
//! row first. People are `people` (in precedence order), or everyone present in `section`,
//! or everyone present. They fill the rows front to back in precedence order; a row is
//! never longer than the people it holds (nobody stands beside an empty place).
//!
//! Row sizes: `rows` (capacities, front row first; people beyond them are left out), or
//! rows of at most `per_row` people — as few rows as possible, sizes as even as possible,
//! front rows taking the extra person, then adjusted by one between rows so that as many
//! rows as possible have an odd count, the front row first (so #1 is central) — or one row.
//!
//! Styles:
//! - `domestic`: each row as a podium row (PROTOCOL §1, with the convention's `honour` and
//!   `even`): 5 people `5 3 1 2 4`.
//! - `foreign` (foreign affairs): the row's most senior host-side person (`side: host`, or
//!   no side) stands in the centre; guests (`side: guest`) alternate on the host's right
//!   (the camera's left) and left, guest 1 on the right; the other host-side people
//!   alternate the same way, one step further out, so hosts and guests alternate:
//!   `h2 G1 H G2 h3`. If the two wings differ by two or more, the outermost of the longer
//!   wing moves to the end of the shorter; then a wing that ends in a guest while it holds
//!   host staff has its outermost host moved to its end (host staff at both ends, 主方把邊).
//!   A row without host-side people is arranged as an international podium row (#1 centre,
//!   #2 on #1's right). With several rows, the rows are filled front first in the order
//!   host, then guests and host staff two by two (`H G1 G2 h2 h3 G3 G4 …`, each side in its
//!   own precedence), so guests 1 and 2 stand beside the host in the front row whatever
//!   ranks the two sides' lists use; a back row's centre is its most senior host-side
//!   person, and the reasons say so (not 主人). Guests are numbered through the line-up.
//!
//! Special instructions: `move` and `exclude` change precedence and so apply here too;
//! `pin`, `reserve` and `swap` name podium and hall seats only.

use crate::keyword::keywords;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::{msg, Lang};
use crate::plan::{Diagnostic, Level, Roster};
use crate::podium;
use crate::scenario::{invalid, is_default, Convention, EvenRule, Party, Section, Side};

/// What a line-up is for (it changes labels only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum LineupKind {
    /// A group photo (合影).
    #[default]
    Photo,
    /// An award ceremony's line-up (頒獎站位).
    Award,
}
keywords!(LineupKind { Photo = "photo", Award = "award" });

/// How a row is arranged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum LineupStyle {
    /// Each row as a podium row.
    #[default]
    Domestic,
    /// Host centre, guests and hosts alternating, host staff at both ends.
    Foreign,
}
keywords!(LineupStyle { Domestic = "domestic", Foreign = "foreign" });

/// One named line-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineupSpec {
    /// Name, e.g. 全體合影 or 頒獎.
    pub name: String,
    /// `photo` (default) or `award`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: LineupKind,
    /// `domestic` (default) or `foreign`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub style: LineupStyle,
    /// Row capacities, front row first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<u32>,
    /// At most this many people per row (rows are then made up automatically).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_row: Option<u32>,
    /// Who lines up (person ids). Default: everyone present in `section`, or everyone present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// Only people of this section line up (when `people` is not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

impl LineupSpec {
    /// Checks what serde cannot; `field` is the spec's path (`lineups[0]`), messages in
    /// `lang`.
    pub fn validate(&self, field: &str, lang: Lang) -> Result<(), Error> {
        if let Some(k) = self.rows.iter().position(|&r| r == 0) {
            return Err(invalid(
                format!("{field}.rows[{k}]"),
                lang.text("a row needs at least one place", "每排至少要有一個位置").into_owned(),
            ));
        }
        if self.per_row == Some(0) {
            return Err(invalid(format!("{field}.per_row"), one_per_row(lang)));
        }
        if !self.rows.is_empty() && self.per_row.is_some() {
            return Err(invalid(format!("{field}.rows"), rows_or_per_row(lang)));
        }
        Ok(())
    }
}

/// Row sizes for `n` people, front row first (see the module docs). With `rows` the sum may
/// be less than `n`: the rest do not fit.
///
/// ```
/// use seating_core::lineup::row_sizes;
/// assert_eq!(row_sizes(20, &[], Some(15)), vec![11, 9]);
/// assert_eq!(row_sizes(7, &[5, 5], None), vec![5, 2]);
/// assert_eq!(row_sizes(5, &[], None), vec![5]);
/// ```
pub fn row_sizes(n: usize, rows: &[u32], per_row: Option<u32>) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    if !rows.is_empty() {
        let mut left = n;
        let mut out = Vec::new();
        for &cap in rows {
            if left == 0 {
                break;
            }
            let k = left.min(cap as usize);
            out.push(k as u32);
            left -= k;
        }
        return out;
    }
    let Some(w) = per_row.map(|w| w.max(1) as usize) else { return vec![n as u32] };
    let k = n.div_ceil(w);
    let (base, extra) = (n / k, n % k);
    let mut sizes: Vec<usize> = (0..k).map(|i| base + usize::from(i < extra)).collect();
    // Pair up even rows front to back: one person moves forward (or back) between them.
    let evens: Vec<usize> = (0..k).filter(|&i| sizes[i] % 2 == 0).collect();
    for pair in evens.chunks(2) {
        if let [i, j] = *pair {
            if sizes[i] < w && sizes[j] > 1 {
                sizes[i] += 1;
                sizes[j] -= 1;
            } else if sizes[j] < w && sizes[i] > 1 {
                sizes[i] -= 1;
                sizes[j] += 1;
            }
        }
    }
    // One even row left over (odd parity): move it to the back if that keeps the sizes.
    if let Some(i) = (0..k).find(|&i| sizes[i] % 2 == 0) {
        let last = k - 1;
        if i != last {
            if sizes[last] < w && sizes[i] > 1 {
                sizes[i] -= 1;
                sizes[last] += 1;
            } else if sizes[i] < w && sizes[last] > 1 {
                sizes[i] += 1;
                sizes[last] -= 1;
            }
        }
    }
    sizes.into_iter().map(|s| s as u32).collect()
}

/// A foreign-affairs row: given the row's people's sides in precedence order, the 0-based
/// place (from the camera's left) of each.
///
/// ```
/// use seating_core::lineup::foreign_row;
/// use seating_core::Party::{Guest, Host};
/// // H h2 h3 G1 G2 in precedence → `h2 G1 H G2 h3`.
/// assert_eq!(foreign_row(&[Host, Host, Host, Guest, Guest]), vec![2, 0, 4, 1, 3]);
/// ```
pub fn foreign_row(sides: &[Party]) -> Vec<usize> {
    let n = sides.len();
    let Some(host) = sides.iter().position(|&s| s == Party::Host) else {
        return podium::row_order(n, Side::Right, EvenRule::Pair);
    };
    let guests: Vec<usize> = (0..n).filter(|&i| sides[i] == Party::Guest).collect();
    let staff: Vec<usize> = (0..n).filter(|&i| i != host && sides[i] == Party::Host).collect();
    // Wings, inner to outer: `right` is the host's right (the camera's left).
    let (mut right, mut left) = (Vec::new(), Vec::new());
    let split = |v: &[usize]| -> (Vec<usize>, Vec<usize>) {
        (v.iter().step_by(2).copied().collect(), v.iter().skip(1).step_by(2).copied().collect())
    };
    let (g_r, g_l) = split(&guests);
    let (h_r, h_l) = split(&staff);
    for (wing, g, h) in [(&mut right, g_r, h_r), (&mut left, g_l, h_l)] {
        let (mut g, mut h) = (g.into_iter(), h.into_iter());
        loop {
            match (g.next(), h.next()) {
                (None, None) => break,
                (a, b) => wing.extend(a.into_iter().chain(b)),
            }
        }
    }
    // Balance the wings so the host stays central.
    while right.len() > left.len() + 1 {
        let x = right.pop().expect("non-empty");
        left.push(x);
    }
    while left.len() > right.len() + 1 {
        let x = left.pop().expect("non-empty");
        right.push(x);
    }
    // Host staff at both ends.
    for wing in [&mut right, &mut left] {
        if wing.last().is_some_and(|&i| sides[i] == Party::Guest) {
            if let Some(k) = wing.iter().rposition(|&i| sides[i] == Party::Host) {
                let h = wing.remove(k);
                wing.push(h);
            }
        }
    }
    let mut place = vec![0; n];
    let centre = right.len();
    place[host] = centre;
    for (d, &i) in right.iter().enumerate() {
        place[i] = centre - 1 - d;
    }
    for (d, &i) in left.iter().enumerate() {
        place[i] = centre + 1 + d;
    }
    place
}

/// A planned line-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineupPlan {
    /// The line-up's name.
    pub name: String,
    /// `photo` or `award`.
    pub kind: LineupKind,
    /// `domestic` or `foreign`.
    pub style: LineupStyle,
    /// Person ids row by row, front row first, each row from the camera's left.
    pub rows: Vec<Vec<String>>,
    /// Every place with its label and reason, front row first, from the camera's left.
    pub places: Vec<LineupPlace>,
    /// People who do not fit the given rows, in precedence order.
    pub unplaced: Vec<String>,
}

/// One person's place in a line-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineupPlace {
    /// 1-based row, 1 = front.
    pub row: u32,
    /// 1-based place from the camera's left.
    pub position: u32,
    /// Person id.
    pub person: String,
    /// Printed label, e.g. 第1排 左起第3位.
    pub label: String,
    /// Why this person stands here, in words.
    pub reason: String,
}

/// Plans line-up `k` on the roster's final precedence.
pub(crate) fn plan(spec: &LineupSpec, k: usize, roster: &Roster, diags: &mut Vec<Diagnostic>) -> LineupPlan {
    let lang = roster.lang;
    let field = format!("lineups[{k}]");
    let mut people = roster.select(&field, spec.people.as_deref(), spec.section, diags);
    let side = |p: usize| roster.person(p).side.unwrap_or(Party::Host);
    if spec.style == LineupStyle::Foreign {
        people = foreign_fill(&people, side);
    }
    let sizes = row_sizes(people.len(), &spec.rows, spec.per_row);
    let placed: usize = sizes.iter().map(|&s| s as usize).sum();
    let unplaced: Vec<String> = people[placed..].iter().map(|&p| roster.person(p).id.clone()).collect();
    if !unplaced.is_empty() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "not-enough-places".into(),
            message: msg!(
                lang,
                "{} ({}): {} people do not fit the rows {}; add a row",
                "{}（{}）：{}人排不下（各排容量{}）；請增加一排",
                field,
                spec.name,
                unplaced.len(),
                format!("{:?}", spec.rows)
            ),
            ..Diagnostic::default()
        });
    }
    let convention: &Convention = &roster.s.convention;
    let mut rows = Vec::new();
    let mut places = Vec::new();
    let mut start = 0;
    let words = Words::new(lang, convention);
    // Guests are numbered through the line-up (guest 3 is the third, in whichever row).
    let mut guests = 0;
    let the_host = people.iter().copied().find(|&p| side(p) == Party::Host);
    for (r, &len) in sizes.iter().enumerate() {
        let row_people = &people[start..start + len as usize];
        start += len as usize;
        let cols: Vec<usize> = match spec.style {
            LineupStyle::Domestic => podium::row_order(len as usize, convention.honour, convention.even),
            LineupStyle::Foreign => foreign_row(&row_people.iter().map(|&p| side(p)).collect::<Vec<_>>()),
        };
        let mut row = vec![String::new(); len as usize];
        let mut row_places = Vec::new();
        let sides: Vec<Party> = row_people.iter().map(|&p| side(p)).collect();
        let host = sides.iter().position(|&x| x == Party::Host);
        // The row's centre is the host (主人) in the row that holds the most senior
        // host-side person; in other rows, the row's most senior host-side person.
        let principal = host.is_some_and(|h| Some(row_people[h]) == the_host);
        for (k, (&p, &c)) in row_people.iter().zip(&cols).enumerate() {
            row[c] = roster.person(p).id.clone();
            let why = match spec.style {
                LineupStyle::Domestic => domestic_reason(k, cols[0], c, len as usize, convention, &words),
                LineupStyle::Foreign => {
                    guests += usize::from(sides[k] == Party::Guest);
                    foreign_reason(&sides, host.map(|h| cols[h]), principal, k, c, guests, lang)
                }
            };
            row_places.push(LineupPlace {
                row: r as u32 + 1,
                position: c as u32 + 1,
                person: roster.person(p).id.clone(),
                label: roster.s.meeting.script.word(&format!("第{}排 左起第{}位", r + 1, c + 1)),
                reason: msg!(
                    lang,
                    "#{} by precedence, row {} (front row first): {}",
                    "位次第{}，第{}排（前排優先）：{}",
                    roster.number(p),
                    r + 1,
                    why
                ),
            });
        }
        crate::sort::sort_by_key(&mut row_places, |pl| pl.position);
        places.extend(row_places);
        rows.push(row);
    }
    LineupPlan { name: spec.name.clone(), kind: spec.kind, style: spec.style, rows, places, unplaced }
}

/// The words of domestic line-up reasons that depend only on the language and the
/// convention, looked up once per line-up.
struct Words {
    lang: Lang,
    /// #1's own honour side: `left` or `左側`.
    honour: std::borrow::Cow<'static, str>,
    /// `先左後右` or `先右後左`.
    rule: std::borrow::Cow<'static, str>,
}

impl Words {
    fn new(lang: Lang, convention: &Convention) -> Words {
        let (honour, rule) = match convention.honour {
            Side::Left => (lang.text("left", "左側"), lang.text("先左后右", "先左後右")),
            Side::Right => (lang.text("right", "右側"), lang.text("先右后左", "先右後左")),
        };
        Words { lang, honour, rule }
    }
}

/// Why the row's `k`-th person (at column `c`; #1 at column `first`) stands there, in the
/// words of the podium rule (PROTOCOL §1).
fn domestic_reason(
    k: usize,
    first: usize,
    c: usize,
    len: usize,
    convention: &Convention,
    w: &Words,
) -> String {
    let lang = w.lang;
    let honour = &w.honour;
    if k == 0 {
        return if len % 2 == 1 {
            lang.text(
                "as a podium row: the centre place (以最高領導為中心)",
                "按主席臺排法，居中（以最高領導為中心）",
            )
            .into_owned()
        } else {
            match convention.even {
                EvenRule::FirstOnHonourSide => msg!(
                    lang,
                    "as a podium row: the centre place on the {} of the centre line",
                    "按主席臺排法，居中，在中線的尊位一側（本人{}）",
                    honour
                ),
                _ => msg!(
                    lang,
                    "as a podium row: the centre pair, #2 beside on #1's own {}",
                    "按主席臺排法，居中兩位，2號在1號本人{}相鄰",
                    honour
                ),
            }
        };
    }
    // The people face the camera: a place to the camera's right is #1's own left.
    let own_left = c > first;
    let d = c.abs_diff(first);
    let at = if own_left {
        msg!(lang, "{} place(s) to #1's own left", "1號本人左側第{}位", d)
    } else {
        msg!(lang, "{} place(s) to #1's own right", "1號本人右側第{}位", d)
    };
    let which = if own_left == (convention.honour == Side::Left) {
        lang.text("honour side", "尊位一側")
    } else {
        lang.text("other side", "另一側")
    };
    msg!(lang, "as a podium row: {}, the {} ({})", "按主席臺排法，{}，{}（{}）", at, which, w.rule)
}

/// Why a person stands where they do in a foreign-affairs row: `host_col` is the host's
/// column (none in a row without hosts), `guest` the person's number among the row's guests.
/// The order foreign-affairs rows are filled in, front row first: the most senior
/// host-side person, then guests and host staff two by two (`G1 G2 h2 h3 G3 G4 …`), each
/// side in its own precedence; when one side runs out, the other follows. So guest 1 and
/// guest 2 stand in the front row beside the host whatever ranks the two sides' lists use,
/// and each row holds guests and hosts to alternate. In one row that holds everyone the
/// result is the same as in precedence order ([`foreign_row`] places each side in its own
/// order); when the rows hold fewer, those left out are the last of this order, not of
/// precedence.
fn foreign_fill(people: &[usize], side: impl Fn(usize) -> Party) -> Vec<usize> {
    let mut hosts = people.iter().copied().filter(|&p| side(p) == Party::Host);
    let mut guests = people.iter().copied().filter(|&p| side(p) == Party::Guest);
    let mut out = Vec::with_capacity(people.len());
    out.extend(hosts.next());
    loop {
        let before = out.len();
        out.extend(guests.by_ref().take(2));
        out.extend(hosts.by_ref().take(2));
        if out.len() == before {
            return out;
        }
    }
}

/// `principal`: the row's centre is the host (主人); otherwise it is the row's most senior
/// host-side person, and the reasons say so.
fn foreign_reason(
    sides: &[Party],
    host_col: Option<usize>,
    principal: bool,
    k: usize,
    c: usize,
    guest: usize,
    lang: Lang,
) -> String {
    let Some(hc) = host_col else {
        return lang
            .text(
                "no host in this row: international podium order (#1 centre, #2 on #1's right)",
                "本排無主方人員，按國際通行的主席臺排法（1號居中，2號在1號右側）",
            )
            .into_owned();
    };
    if c == hc {
        return if principal {
            lang.text("host (主人), centre", "主人，居中")
        } else {
            lang.text("the row's most senior host-side person, centre", "本排主方位次最高，居中")
        }
        .into_owned();
    }
    let right = c < hc;
    let out = c.abs_diff(hc);
    // Whose right or left: the host's, or the centre's of a row without the host.
    let of = match (principal, right) {
        (true, true) => lang.text("on the host's right", "在主人右側"),
        (true, false) => lang.text("on the host's left", "在主人左側"),
        (false, true) => lang.text("on the right of the row's centre", "在本排居中者右側"),
        (false, false) => lang.text("on the left of the row's centre", "在本排居中者左側"),
    };
    match sides[k] {
        Party::Guest => msg!(
            lang,
            "guest {} {} (主左客右: guests on the host's right first), {} place(s) out",
            "第{}賓客，{}第{}位（主左客右：賓客先排主人右側）",
            guest,
            of,
            out
        ),
        Party::Host => {
            let end = c == 0 || c == sides.len() - 1;
            let how = if end {
                lang.text("holding the end (主方把邊)", "站在邊上（主方把邊）")
            } else {
                lang.text("alternating with guests", "與賓客相間")
            };
            msg!(lang, "host staff {}, {} place(s) out, {}", "主方隨員，{}第{}位，{}", of, out, how)
        }
    }
}

/// "At least one person per row" (line-ups and host–guest occasions).
pub(crate) fn one_per_row(lang: Lang) -> String {
    lang.text("at least one person per row", "每排至少一人").into_owned()
}

/// "Give `rows` or `per_row`, not both" (line-ups and banquets).
pub(crate) fn rows_or_per_row(lang: Lang) -> String {
    lang.text("give `rows` or `per_row`, not both", "`rows` 和 `per_row` 只能給一個").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Party::{Guest as G, Host as H};

    fn show(sides: &[Party]) -> String {
        let place = foreign_row(sides);
        let mut row = vec![String::new(); sides.len()];
        let (mut g, mut h) = (0, 0);
        for (i, &s) in sides.iter().enumerate() {
            row[place[i]] = match s {
                G => {
                    g += 1;
                    format!("G{g}")
                }
                H => {
                    h += 1;
                    if h == 1 {
                        "H".into()
                    } else {
                        format!("h{h}")
                    }
                }
            };
        }
        row.join(" ")
    }

    #[test]
    fn foreign_rows() {
        assert_eq!(show(&[H, G, G, H, H]), "h2 G1 H G2 h3");
        assert_eq!(show(&[G, H]), "G1 H");
        // G3 would hold the end of the host's right wing: h2 moves out to hold it.
        assert_eq!(show(&[H, G, G, G, H, H]), "h2 G3 G1 H G2 h3");
        assert_eq!(show(&[H, G, G, G, G, H, H, H, H]), "h4 G3 h2 G1 H G2 h3 G4 h5");
        assert_eq!(show(&[H, H, H, H]), "h4 h2 H h3");
    }

    /// Five people (p3 and p5 guests) lining up in `language`: a domestic line-up with one
    /// row of 3 (two left out) and a foreign-affairs one.
    fn planned(language: &str) -> crate::Plan {
        let people: Vec<_> = (1..=5)
            .map(|i| {
                let side = if i % 2 == 1 && i > 1 { "guest" } else { "host" };
                serde_json::json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "side": side})
            })
            .collect();
        let v = serde_json::json!({
            "format": "seating/1",
            "meeting": {"language": language},
            "people": people,
            "lineups": [{"name": "合影", "rows": [3]}, {"name": "會見合影", "style": "foreign"}],
        });
        crate::plan(&crate::Scenario::from_json(&v.to_string()).unwrap())
    }

    fn reasons(p: &crate::Plan, k: usize) -> Vec<(&str, &str)> {
        p.lineups[k].places.iter().map(|pl| (pl.person.as_str(), pl.reason.as_str())).collect()
    }

    fn places_message(p: &crate::Plan) -> &str {
        &p.diagnostics.iter().find(|d| d.code == "not-enough-places").unwrap().message
    }

    #[test]
    fn reasons_and_diagnostics_in_chinese() {
        let p = planned("zh");
        assert_eq!(places_message(&p), "lineups[0]（合影）：2人排不下（各排容量[3]）；請增加一排");
        assert_eq!(
            reasons(&p, 0),
            [
                ("p3", "位次第3，第1排（前排優先）：按主席臺排法，1號本人右側第1位，另一側（先左後右）"),
                ("p1", "位次第1，第1排（前排優先）：按主席臺排法，居中（以最高領導為中心）"),
                ("p2", "位次第2，第1排（前排優先）：按主席臺排法，1號本人左側第1位，尊位一側（先左後右）"),
            ]
        );
        // In precedence H h2 G1 h3 G2, standing h2 G1 H G2 h3.
        let foreign = reasons(&p, 1);
        let of = |id: &str| foreign.iter().find(|(q, _)| *q == id).unwrap().1;
        assert_eq!(of("p1"), "位次第1，第1排（前排優先）：主人，居中");
        assert_eq!(
            of("p3"),
            "位次第3，第1排（前排優先）：第1賓客，在主人右側第1位（主左客右：賓客先排主人右側）"
        );
        assert_eq!(
            of("p5"),
            "位次第5，第1排（前排優先）：第2賓客，在主人左側第1位（主左客右：賓客先排主人右側）"
        );
        assert!(of("p2").contains("主方隨員，在主人右側第2位，站在邊上（主方把邊）"), "{}", of("p2"));
    }

    #[test]
    fn reasons_and_diagnostics_in_english() {
        let p = planned("en");
        assert_eq!(places_message(&p), "lineups[0] (合影): 2 people do not fit the rows [3]; add a row");
        assert_eq!(
            reasons(&p, 0),
            [
                ("p3", "#3 by precedence, row 1 (front row first): as a podium row: 1 place(s) to #1's own right, the other side (先左后右)"),
                ("p1", "#1 by precedence, row 1 (front row first): as a podium row: the centre place (以最高領導為中心)"),
                ("p2", "#2 by precedence, row 1 (front row first): as a podium row: 1 place(s) to #1's own left, the honour side (先左后右)"),
            ]
        );
        let foreign = reasons(&p, 1);
        let of = |id: &str| foreign.iter().find(|(q, _)| *q == id).unwrap().1;
        assert_eq!(of("p1"), "#1 by precedence, row 1 (front row first): host (主人), centre");
        assert_eq!(
            of("p3"),
            "#3 by precedence, row 1 (front row first): guest 1 on the host's right (主左客右: guests on the \
             host's right first), 1 place(s) out"
        );
        assert!(
            of("p2").contains("host staff on the host's right, 2 place(s) out, holding the end (主方把邊)")
        );
    }

    #[test]
    fn auto_rows_prefer_odd_counts() {
        assert_eq!(row_sizes(28, &[], Some(10)), vec![9, 9, 10]);
        assert_eq!(row_sizes(30, &[], Some(15)), vec![15, 15]);
        assert_eq!(row_sizes(28, &[], Some(14)), vec![14, 14]);
        assert_eq!(row_sizes(0, &[], Some(3)), Vec::<u32>::new());
        for n in 1..100 {
            for w in 1..20 {
                let s = row_sizes(n, &[], Some(w));
                assert_eq!(s.iter().sum::<u32>() as usize, n);
                assert!(s.iter().all(|&x| x >= 1 && x <= w), "{n} {w} {s:?}");
                assert_eq!(s.len(), n.div_ceil(w as usize));
            }
        }
    }
}
