//! Approval exports: the printed seating chart ([`svg`]), name cards ([`cards`]) and seat
//! lists ([`table`]: CSV and XLSX).
//!
//! Every exporter is a plain function from values to a `String` or bytes — typst style,
//! `svg(&Layout) -> String` — and draws a [`crate::layout::Layout`] (or, for the lists, the
//! plan) without computing any seat geometry of its own. Writing files, downloads and
//! printing are the caller's.
//!
//! ## Untrusted text
//! Names, posts, units and meeting titles are untrusted. They only ever appear in SVG text
//! nodes, which are escaped (`&`, `<`, `>`); attribute values are numbers and constants
//! only, because the `svg` crate does not escape `"` in attributes. Control characters are
//! removed by the layout ([`crate::layout::clean`]). Exported SVG has no script, no event
//! attributes and no external references (no `href`, no web fonts): fonts are named by
//! family and resolved by the viewer.
//!
//! ## PDF
//! The core writes no PDF: turning SVG into PDF needs the machine's font files (I/O), so the
//! `seating` CLI does it (`-o chart.pdf`, with `svg2pdf`, fonts embedded as subsets), and the
//! web page prints the SVG through the browser.

pub mod cards;
pub mod svg;
pub mod table;
pub(crate) mod xlsx;

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm (default).
    #[default]
    A4,
    /// 297 × 420 mm.
    A3,
}

/// Page orientation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Orientation {
    /// By the diagram's shape, landscape when wider than tall, unless the other orientation
    /// prints the chart's diagram over 10% larger, header, legend and footer taken into
    /// account (default). [`PageOptions::size`] alone goes by the shape.
    #[default]
    Auto,
    /// Tall.
    Portrait,
    /// Wide.
    Landscape,
}

/// Page settings for the chart and the card sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct PageOptions {
    /// Paper size.
    pub paper: Paper,
    /// Orientation.
    pub orientation: Orientation,
    /// Binding margin in mm (the left edge in portrait, the top edge in landscape).
    pub binding: f64,
    /// Print the sign-off block (擬稿 / 審核 / 審定).
    pub sign_off: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions { paper: Paper::A4, orientation: Orientation::Auto, binding: 25.0, sign_off: true }
    }
}

impl PageOptions {
    /// Page width and height in mm for a diagram of the given aspect (width / height).
    pub fn size(&self, aspect: f64) -> (f64, f64) {
        let (w, h) = match self.paper {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
        };
        let landscape = match self.orientation {
            Orientation::Portrait => false,
            Orientation::Landscape => true,
            Orientation::Auto => aspect > 1.0,
        };
        if landscape {
            (h, w)
        } else {
            (w, h)
        }
    }
}

/// Formats a coordinate with at most one decimal (`12`, `12.5`, `-0.3`), so that golden
/// files are stable.
pub fn num(x: f64) -> String {
    fixed(x, 1)
}

/// `x` rounded to at most `decimals` (≤ 9) decimals, trailing zeros and `-0` left out.
pub fn fixed(x: f64, decimals: u32) -> String {
    let mut s = String::with_capacity(12);
    push_fixed(&mut s, x, decimals);
    s
}

/// Appends [`fixed`]`(x, decimals)`. Integer arithmetic only, so that the wasm has no float
/// formatting code (core's `flt2dec`, some 20 KB), and no allocation.
pub fn push_fixed(out: &mut String, x: f64, decimals: u32) {
    // One copy per precision in use, so that each divides by a constant (a 10,000-seat
    // chart writes some 200,000 numbers).
    match decimals {
        0 => push_scaled(out, x, 1),
        1 => push_scaled(out, x, 10),
        2 => push_scaled(out, x, 100),
        3 => push_scaled(out, x, 1_000),
        d => push_scaled(out, x, 10u64.pow(d.min(9))),
    }
}

#[inline(always)]
fn push_scaled(out: &mut String, x: f64, scale: u64) {
    // Saturates for huge values and is 0 for NaN: never a panic.
    let t = (x * scale as f64).round() as i64;
    if t < 0 {
        out.push('-');
    }
    let t = t.unsigned_abs();
    crate::hall::push_uint(out, (t / scale) as usize);
    let (mut frac, mut div) = (t % scale, scale / 10);
    if frac != 0 {
        out.push('.');
        while frac != 0 {
            out.push(char::from(b'0' + (frac / div) as u8));
            frac %= div;
            div /= 10;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn num_has_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(0.25), "0.3");
    }

    #[test]
    fn fixed_matches_float_formatting() {
        // What `format!("{r}")` of the rounded value wrote before (the chart's scale).
        for (x, d) in [(0.4316, 3), (1.0, 3), (2.5, 2), (-1.005, 2), (123.456_789, 3), (-0.0004, 3), (7.0, 0)]
        {
            let scale = 10f64.powi(d as i32);
            let r = (x * scale).round() / scale;
            let want = if r == 0.0 { "0".to_string() } else { format!("{r}") };
            assert_eq!(fixed(x, d), want, "{x} to {d}");
        }
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(10.5, 0), "11");
        assert_eq!(fixed(f64::NAN, 2), "0");
        // Out of range: saturates at i64::MIN tenths, never panics.
        assert_eq!(fixed(-3.0e30, 1), "-922337203685477580.8");
    }
}
