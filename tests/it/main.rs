//! The one integration-test binary: CLI behaviour, data-driven fixtures, property tests.

mod cli;
mod export;
mod podium;
mod props;
mod strokes;
mod support;
