//! Structured scenarios with hostile text through plan → layout (venue, banquet, line-up or
//! host–guest occasion; audience or podium view) → SVG chart, name cards and the CSV list:
//! the SVG is well-formed, has no active content, and nothing panics.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use seating_core::export::cards::{self, CardOptions, CardScope};
use seating_core::export::{svg, table, Orientation, PageOptions, Paper};
use seating_core::layout::Part;
use seating_core::{layout, plan, LayoutOptions, Scenario, View};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(v) = seating_fuzz::scenario(&mut u) else { return };
    let Ok(s) = Scenario::from_json(&v.to_string()) else { return };
    let p = plan(&s);
    let view = if u.arbitrary().unwrap_or(false) { View::Podium } else { View::Audience };
    // The venue, the banquet, a line-up or an occasion (also ones the scenario does not have).
    let part = match u.int_in_range(0..=4u8).unwrap_or(0) {
        0 | 1 => Part::Venue,
        2 => Part::Banquet,
        3 => Part::Lineup(u.int_in_range(0..=2usize).unwrap_or(0)),
        _ => Part::Bilateral(u.int_in_range(0..=2usize).unwrap_or(0)),
    };
    let l = layout(&s, &p, &LayoutOptions { view, part, ..LayoutOptions::default() });
    let page = PageOptions {
        paper: if u.arbitrary().unwrap_or(false) { Paper::A3 } else { Paper::A4 },
        orientation: *u
            .choose(&[Orientation::Auto, Orientation::Portrait, Orientation::Landscape])
            .unwrap_or(&Orientation::Auto),
        binding: u.int_in_range(0..=60u8).unwrap_or(25) as f64,
        sign_off: u.arbitrary().unwrap_or(true),
    };
    let chart = svg::chart(&l, &page);
    seating_fuzz::check_svg(&chart);
    for page in cards::cards(&l, &CardOptions { paper: Paper::A4, scope: CardScope::All }) {
        seating_fuzz::check_svg(&page);
    }
    let csv = table::csv(&s, &p);
    assert!(csv.starts_with('\u{feff}'));
});
