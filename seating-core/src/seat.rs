//! Seat ids: `P{row}-{col}` on the podium, `H{row}-{col}` in the hall (SCENARIO.md).
//!
//! Row 1 is the front row; column 1 is at the audience's left. Ids never depend on
//! conventions or numbering; printed labels do.

use std::fmt;
use std::str::FromStr;

/// The part of the venue a seat is in. Podium seats outrank hall seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// 主席臺.
    Podium,
    /// 臺下.
    Hall,
}

/// A seat's fixed id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeatId {
    /// Podium or hall.
    pub area: Area,
    /// 1-based row from the front.
    pub row: u32,
    /// 1-based column from the audience's left (aisles are not columns).
    pub col: u32,
}

impl SeatId {
    /// A podium seat.
    pub fn podium(row: u32, col: u32) -> SeatId {
        SeatId { area: Area::Podium, row, col }
    }
    /// A hall seat.
    pub fn hall(row: u32, col: u32) -> SeatId {
        SeatId { area: Area::Hall, row, col }
    }
}

impl fmt::Display for SeatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = match self.area {
            Area::Podium => 'P',
            Area::Hall => 'H',
        };
        write!(f, "{p}{}-{}", self.row, self.col)
    }
}

/// Why a seat id string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSeatId(pub String);

impl fmt::Display for BadSeatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a seat id (expected P<row>-<col> or H<row>-<col>, e.g. P1-3)", self.0)
    }
}

impl std::error::Error for BadSeatId {}

impl FromStr for SeatId {
    type Err = BadSeatId;
    fn from_str(s: &str) -> Result<SeatId, BadSeatId> {
        let bad = || BadSeatId(s.to_string());
        let mut chars = s.chars();
        let area = match chars.next() {
            Some('P') | Some('p') => Area::Podium,
            Some('H') | Some('h') => Area::Hall,
            _ => return Err(bad()),
        };
        let (row, col) = chars.as_str().split_once('-').ok_or_else(bad)?;
        let num = |t: &str| -> Result<u32, BadSeatId> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            t.parse::<u32>().ok().filter(|&n| n > 0).ok_or_else(bad)
        };
        Ok(SeatId { area, row: num(row)?, col: num(col)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects() {
        assert_eq!("P1-3".parse::<SeatId>().unwrap(), SeatId::podium(1, 3));
        assert_eq!(SeatId::hall(12, 30).to_string(), "H12-30");
        for bad in ["", "P", "P1", "P1-", "X1-1", "P0-1", "P1-+2", "H1-99999999999", "P-1-1"] {
            assert!(bad.parse::<SeatId>().is_err(), "{bad}");
        }
    }
}
