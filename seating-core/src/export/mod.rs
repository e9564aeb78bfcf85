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
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r }; // no "-0"
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
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
}
