//! The one integration-test binary: CLI behaviour, data-driven fixtures, property tests.

mod audit;
mod audit2;
mod audit3;
mod banquet;
mod bilateral;
mod cli;
mod export;
mod extras_props;
mod fixture;
mod groups;
mod hall;
mod hall_props;
mod hostile;
mod import_xlsx;
mod language;
mod layout_incremental;
mod lineup;
mod podium;
mod props;
mod roundtrip;
mod strokes;
mod support;
mod vehicle;
