//! The page's components, one per file (yew todomvc style): each has a `Props` struct and
//! sends [`crate::state::Action`]s; none keeps document state of its own.

pub mod cell;
pub mod diagnostics;
pub mod diagram;
pub mod import;
pub mod inspector;
pub mod instructions;
pub mod legend;
pub mod ranking;
pub mod roster;
pub mod seat;
pub mod toolbar;
pub mod venue;
