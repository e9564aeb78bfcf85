//! # seating-core: official-protocol seating (座次)
//!
//! Turns a rank list into podium and hall seating by the conventions of official meeting
//! protocol (`PROTOCOL.md`): the most senior person in the centre, then 先左后右 (or its
//! international mirror), front rows before back rows, units together in the hall, and the
//! leader's special instructions (按領導意見辦) honoured and recorded.
//!
//! The crate is pure: values in, values out. It does no I/O and knows nothing of the
//! browser; the same scenario always gives the same plan, with a reason for every seat.
//!
//! ## Main types
//! - [`Scenario`]: the `seating/1` input document ([`Scenario::from_json`] parses and
//!   validates it; errors are [`Error`]s that name the field and the line and column).
//! - [`plan()`]: plans a scenario into a [`Plan`]: precedence, [`SeatAssignment`]s with
//!   reasons, unseated people, and [`Diagnostic`]s for everything that could not be done as
//!   asked (an instruction that cannot be honoured is a diagnostic, never a lost plan).
//! - [`podium`], [`hall`], [`banquet`], [`lineup`], [`vehicle`], [`groups`], [`bilateral`]:
//!   one module per seating kind, each usable on its own; [`plan()`] runs them all.
//! - [`rank`] and [`strokes`]: precedence, including 姓氏筆畫 stroke order.
//!
//! ## Example
//! ```
//! use seating_core::{plan, Scenario};
//!
//! let scenario = Scenario::from_json(r#"{
//!   "format": "seating/1",
//!   "people": [
//!     {"id": "a", "name": "王晨", "rank": 1, "section": "podium"},
//!     {"id": "b", "name": "李明", "rank": 2, "section": "podium"},
//!     {"id": "c", "name": "張華", "rank": 3, "section": "podium"}
//!   ],
//!   "podium": {"rows": [3]}
//! }"#).unwrap();
//! let plan = plan(&scenario);
//! // Seen from the audience: 3 1 2 — #1 in the centre, #2 on #1's own left.
//! let seat_of = |id: &str| plan.seats.iter().find(|s| s.person.as_deref() == Some(id)).unwrap().seat.clone();
//! assert_eq!((seat_of("a"), seat_of("b"), seat_of("c")), ("P1-2".into(), "P1-3".into(), "P1-1".into()));
//! ```
#![deny(missing_docs)]

pub mod banquet;
pub mod bilateral;
pub mod diff;
pub mod error;
pub mod export;
pub mod groups;
pub mod hall;
pub mod import;
mod json;
mod keyword;
pub mod lang;
pub mod layout;
pub mod lineup;
pub mod plan;
pub mod podium;
pub mod rank;
pub mod scenario;
pub mod script;
pub mod seat;
pub mod sort;
pub mod strokes;
pub mod vehicle;

pub use error::Error;
pub use lang::{Lang, Language};
pub use layout::{layout, Layout, LayoutOptions, View};
pub use plan::{plan, plan_in, Diagnostic, Level, Plan, SeatAssignment, PLAN_FORMAT};
#[cfg(feature = "schema")]
pub use scenario::json_schema;
pub use scenario::{
    BlockOrder, Convention, EvenRule, Floor, HallMethod, HallSpec, Instruction, Meeting, Numbering, Op,
    Party, Person, PodiumSpec, Ranking, Role, RoleSeating, RowAlign, Scenario, Section, Side, StrokesMode,
    Tiebreak, Unit, FORMAT,
};
pub use script::Script;
pub use seat::{Area, SeatId};
