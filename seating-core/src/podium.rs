//! The podium (主席臺): seat order within a row and across rows (PROTOCOL §1–2).
//!
//! Columns are 0-based here and counted from the audience's left; seat ids add 1.

use crate::lang::{msg, Lang};
use crate::scenario::{Convention, EvenRule, Side};

/// One podium seat in seat-precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PodiumSeat {
    /// 1-based row, 1 = front row (nearest the audience).
    pub row: u32,
    /// 1-based column from the audience's left.
    pub col: u32,
    /// 0-based precedence of this seat inside its row (0 = the row's centre seat for #1).
    pub row_rank: usize,
    /// Seats in this row.
    pub row_len: u32,
    /// 1-based column of the row's #1 seat (so reasons need not recompute the row order).
    pub first_col: u32,
}

/// Seat ranking of a full row of `seats` seats: `order[k]` is the 0-based column (from the
/// audience's left) of the seat for the row's `k`-th most senior person.
///
/// ```
/// use seating_core::podium::row_order;
/// use seating_core::{EvenRule, Side};
/// // honour=left, n=7: `7 5 3 1 2 4 6` seen from the audience.
/// assert_eq!(row_order(7, Side::Left, EvenRule::Pair), vec![3, 4, 2, 5, 1, 6, 0]);
/// ```
///
/// Complexity: O(seats).
pub fn row_order(seats: usize, honour: Side, even: EvenRule) -> Vec<usize> {
    let mut order = Vec::with_capacity(seats);
    if seats == 0 {
        return order;
    }
    // Built for honour=left, where the honour side (the senior's own left) is the audience's
    // right, i.e. increasing columns; honour=right is the mirror image.
    let half = seats / 2;
    if seats % 2 == 1 {
        order.push(half);
        for d in 1..=half {
            order.push(half + d);
            order.push(half - d);
        }
    } else {
        let (left, right) = (half - 1, half);
        let first_on_honour = even == EvenRule::FirstOnHonourSide;
        for d in 0..half {
            if first_on_honour {
                order.push(right + d);
                order.push(left - d);
            } else {
                order.push(left - d);
                order.push(right + d);
            }
        }
    }
    if honour == Side::Right {
        for c in &mut order {
            *c = seats - 1 - *c;
        }
    }
    order
}

/// The inverse of [`row_order`]: the 0-based precedence of the seat in 0-based column `col`
/// of a row of `seats` seats (`row_order(seats, …)[row_rank(seats, col, …)] == col`). O(1).
pub fn row_rank(seats: usize, col: usize, honour: Side, even: EvenRule) -> usize {
    // Built for honour=left like `row_order`; honour=right mirrors the column.
    let c = if honour == Side::Right { seats - 1 - col } else { col };
    let half = seats / 2;
    if seats % 2 == 1 {
        if c >= half {
            2 * (c - half).saturating_sub(1) + usize::from(c > half)
        } else {
            2 * (half - c)
        }
    } else {
        let (left, right) = (half - 1, half);
        let first_on_honour = even == EvenRule::FirstOnHonourSide;
        let (d, on_right) = if c >= right { (c - right, true) } else { (left - c, false) };
        2 * d + usize::from(on_right != first_on_honour)
    }
}

/// Every podium seat in seat-precedence order: front row first, inside a row by
/// [`row_order`].
pub fn seats(rows: &[u32], convention: &Convention) -> Vec<PodiumSeat> {
    let mut out = Vec::with_capacity(rows.iter().map(|&r| r as usize).sum());
    for (r, &len) in rows.iter().enumerate() {
        let order = row_order(len as usize, convention.honour, convention.even);
        let first_col = order.first().map_or(0, |&c| c as u32 + 1);
        for (k, col) in order.into_iter().enumerate() {
            out.push(PodiumSeat {
                row: r as u32 + 1,
                col: col as u32 + 1,
                row_rank: k,
                row_len: len,
                first_col,
            });
        }
    }
    out
}

/// Row capacities shrunk to hold `people` (rows filled front to back; empty rows dropped).
pub fn shrink(rows: &[u32], people: usize) -> Vec<u32> {
    let mut left = people;
    let mut out = Vec::new();
    for &cap in rows {
        if left == 0 {
            break;
        }
        let take = (cap as usize).min(left);
        out.push(take as u32);
        left -= take;
    }
    out
}

/// Horizontal offset of a row's centre from the podium's centre line, in seat widths.
/// Zero except for `axis` rows of even length, which shift so that #1 sits on the line.
pub fn axis_offset(row_len: u32, convention: &Convention) -> f64 {
    if convention.even != EvenRule::Axis || row_len % 2 == 1 {
        return 0.0;
    }
    match convention.honour {
        // #1 sits left of centre (audience's view): move the row right by half a seat.
        Side::Left => 0.5,
        Side::Right => -0.5,
    }
}

/// Says in words why the seat of row rank `k` is where it is, in `lang`, e.g.
/// "row 1 #3: 1 seat(s) to #1's own right, the other side (先左后右)" or
/// "第1排第3位：1號本人右側第1座，另一側（先左後右）".
pub fn describe(seat: &PodiumSeat, convention: &Convention, lang: Lang) -> String {
    let k = seat.row_rank;
    let len = seat.row_len as usize;
    // #1's own honour side, in words.
    let honour = match convention.honour {
        Side::Left => lang.text("left", "左側"),
        Side::Right => lang.text("right", "右側"),
    };
    let order_rule = match convention.honour {
        Side::Left => lang.text("先左后右", "先左後右"),
        Side::Right => lang.text("先右后左", "先右後左"),
    };
    let place = if k == 0 {
        if len % 2 == 1 {
            lang.text("centre seat (以最高領導為中心)", "居中（以最高領導為中心）").into_owned()
        } else {
            match convention.even {
                EvenRule::FirstOnHonourSide => msg!(
                    lang,
                    "centre seat on the honour side (#1's own {}) of the centre line (first-on-honour-side)",
                    "居中，在中線尊位一側（1號本人{}；雙數排1號居中偏尊位一側）",
                    honour
                ),
                EvenRule::Axis => lang
                    .text(
                        "centre seat, on the podium's centre line (axis)",
                        "居中，在主席臺中線上（雙數排1號居中軸線）",
                    )
                    .into_owned(),
                EvenRule::Pair => {
                    msg!(
                        lang,
                        "centre pair, with #2 beside on #1's own {} (pair)",
                        "居中兩座，2號在1號本人{}相鄰（雙數排1、2號共居中間）",
                        honour
                    )
                }
            }
        }
    } else {
        // Distance in seats from the row's #1 seat and on which of #1's own sides.
        let first = seat.first_col as i64 - 1;
        let col = seat.col as i64 - 1;
        let d = col - first;
        // A positive d is the audience's right, which is #1's own left (the leaders face us).
        let own_left = d > 0;
        let at = if own_left {
            msg!(lang, "{} seat(s) to #1's own left", "1號本人左側第{}座", d.abs())
        } else {
            msg!(lang, "{} seat(s) to #1's own right", "1號本人右側第{}座", d.abs())
        };
        let which = if own_left == (convention.honour == Side::Left) {
            lang.text("honour side", "尊位一側")
        } else {
            lang.text("other side", "另一側")
        };
        msg!(lang, "{}, the {} ({})", "{}，{}（{}）", at, which, order_rule)
    };
    msg!(lang, "row {} #{}: {}", "第{}排第{}位：{}", seat.row, k + 1, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a row as PROTOCOL writes it: local precedence numbers left to right.
    fn render(n: usize, honour: Side, even: EvenRule) -> String {
        let order = row_order(n, honour, even);
        let mut row = vec![0; n];
        for (k, c) in order.iter().enumerate() {
            row[*c] = k + 1;
        }
        row.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn shrink_fills_front_rows_first() {
        assert_eq!(shrink(&[3, 4, 5], 5), vec![3, 2]);
        assert_eq!(shrink(&[3], 0), Vec::<u32>::new());
    }

    #[test]
    fn row_order_is_a_permutation() {
        for n in 0..40 {
            for honour in [Side::Left, Side::Right] {
                for even in [EvenRule::Pair, EvenRule::FirstOnHonourSide, EvenRule::Axis] {
                    let mut o = row_order(n, honour, even);
                    crate::sort::sort(&mut o);
                    assert_eq!(o, (0..n).collect::<Vec<_>>());
                }
            }
        }
    }

    #[test]
    fn row_rank_inverts_row_order() {
        for n in 1..30 {
            for honour in [Side::Left, Side::Right] {
                for even in [EvenRule::Pair, EvenRule::FirstOnHonourSide, EvenRule::Axis] {
                    for (k, c) in row_order(n, honour, even).into_iter().enumerate() {
                        assert_eq!(row_rank(n, c, honour, even), k, "n={n} {honour:?} {even:?} col {c}");
                    }
                }
            }
        }
    }

    #[test]
    fn first_on_honour_side_right() {
        assert_eq!(render(6, Side::Right, EvenRule::FirstOnHonourSide), "5 3 1 2 4 6");
    }

    const HANT: Lang = Lang { language: crate::Language::Zh, script: crate::Script::Traditional };
    const HANS: Lang = Lang { language: crate::Language::Zh, script: crate::Script::Simplified };

    /// The reason of the seat of the row's `k`-th person, in `lang`.
    fn reason(n: u32, k: usize, convention: &Convention, lang: Lang) -> String {
        describe(&seats(&[n], convention)[k], convention, lang)
    }

    #[test]
    fn describe_in_chinese_and_english() {
        let c = Convention::default();
        assert_eq!(reason(9, 8, &c, HANT), "第1排第9位：1號本人右側第4座，另一側（先左後右）");
        assert_eq!(reason(9, 8, &c, HANS), "第1排第9位：1号本人右侧第4座，另一侧（先左后右）");
        assert_eq!(
            reason(9, 8, &c, Lang::EN),
            "row 1 #9: 4 seat(s) to #1's own right, the other side (先左后右)"
        );
        assert_eq!(reason(9, 1, &c, HANT), "第1排第2位：1號本人左側第1座，尊位一側（先左後右）");
        assert_eq!(
            reason(9, 1, &c, Lang::EN),
            "row 1 #2: 1 seat(s) to #1's own left, the honour side (先左后右)"
        );
        assert_eq!(reason(9, 0, &c, HANT), "第1排第1位：居中（以最高領導為中心）");
        assert_eq!(reason(9, 0, &c, Lang::EN), "row 1 #1: centre seat (以最高領導為中心)");
        // Honour right: #2 on #1's own right, the honour side (先右後左).
        let right = Convention { honour: Side::Right, ..Convention::default() };
        assert_eq!(reason(5, 1, &right, HANT), "第1排第2位：1號本人右側第1座，尊位一側（先右後左）");
        assert_eq!(
            reason(5, 1, &right, Lang::EN),
            "row 1 #2: 1 seat(s) to #1's own right, the honour side (先右后左)"
        );
    }

    #[test]
    fn describe_even_rows_in_chinese_and_english() {
        let with = |even| Convention { even, ..Convention::default() };
        let c = with(EvenRule::Pair);
        assert_eq!(
            reason(6, 0, &c, HANT),
            "第1排第1位：居中兩座，2號在1號本人左側相鄰（雙數排1、2號共居中間）"
        );
        assert_eq!(
            reason(6, 0, &c, Lang::EN),
            "row 1 #1: centre pair, with #2 beside on #1's own left (pair)"
        );
        let c = with(EvenRule::FirstOnHonourSide);
        assert_eq!(
            reason(6, 0, &c, HANT),
            "第1排第1位：居中，在中線尊位一側（1號本人左側；雙數排1號居中偏尊位一側）"
        );
        assert_eq!(
            reason(6, 0, &c, Lang::EN),
            "row 1 #1: centre seat on the honour side (#1's own left) of the centre line (first-on-honour-side)"
        );
        let c = with(EvenRule::Axis);
        assert_eq!(reason(6, 0, &c, HANT), "第1排第1位：居中，在主席臺中線上（雙數排1號居中軸線）");
        assert_eq!(reason(6, 0, &c, Lang::EN), "row 1 #1: centre seat, on the podium's centre line (axis)");
    }

    #[test]
    fn planned_podium_reasons_follow_the_scenario_language() {
        let scenario = |language: &str| {
            let people: Vec<_> = (1..=5)
                .map(|i| serde_json::json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "section": "podium"}))
                .collect();
            let v = serde_json::json!({"format": "seating/1", "meeting": {"language": language}, "people": people, "podium": {"rows": [5]}});
            crate::Scenario::from_json(&v.to_string()).unwrap()
        };
        let reason_of = |p: &crate::Plan, id: &str| {
            p.seats.iter().find(|a| a.person.as_deref() == Some(id)).unwrap().reason.clone()
        };
        let zh = crate::plan(&scenario("zh"));
        assert!(
            reason_of(&zh, "p5").contains("第1排第5位：1號本人右側第2座，另一側（先左後右）"),
            "{}",
            reason_of(&zh, "p5")
        );
        let en = crate::plan(&scenario("en"));
        assert!(
            reason_of(&en, "p5")
                .ends_with("row 1 #5: 2 seat(s) to #1's own right, the other side (先左后右)"),
            "{}",
            reason_of(&en, "p5")
        );
    }
}
