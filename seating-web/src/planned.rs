//! What the page draws: the core's plan and layout of the active draft, with look-up tables.
//!
//! Nothing here computes a seat or a coordinate: [`Planned::new`] calls `seating_core::plan`
//! and `seating_core::layout` and only indexes their results for the views.

use std::collections::HashMap;
use std::rc::Rc;

use seating_core::layout::Part;
use seating_core::{Layout, LayoutOptions, Level, Plan, Scenario, View};

/// The plan and layout of one scenario, for one chart part and view.
#[derive(Debug)]
pub struct Planned {
    /// The core's plan.
    pub plan: Plan,
    /// The core's resolved layout (every seat's box, label, reason and flags).
    pub layout: Layout,
    /// Seat or place id of every box in `layout.seats` then `layout.places`, in that order.
    pub ids: Vec<Rc<str>>,
    /// Seat or place id → index into `ids`.
    pub by_id: HashMap<Rc<str>, usize>,
    /// Person id → seat id (venue seats from the plan).
    pub seat_of: HashMap<String, String>,
    /// Seat id → index into `plan.seats`.
    pub assignment: HashMap<String, usize>,
    /// Seat id → the most serious diagnostic that names it.
    pub flagged: HashMap<String, Level>,
    /// Which part the layout draws.
    pub part: Part,
    /// A number that changes whenever the plan does (for cheap comparisons).
    pub generation: u64,
}

impl PartialEq for Planned {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

impl Planned {
    /// Plans `scenario` with the core and resolves the chart of `part` seen from `view`.
    pub fn new(scenario: &Scenario, part: Part, view: View, generation: u64) -> Planned {
        let plan = seating_core::plan(scenario);
        let part = match part {
            Part::Banquet if plan.banquet.is_none() => Part::Venue,
            Part::Lineup(k) if k >= plan.lineups.len() => Part::Venue,
            p => p,
        };
        let options = LayoutOptions { view, part, ..LayoutOptions::default() };
        let layout = seating_core::layout(scenario, &plan, &options);
        let mut ids: Vec<Rc<str>> = Vec::with_capacity(layout.seats.len() + layout.places.len());
        ids.extend(layout.seats.iter().map(|s| Rc::from(s.seat.to_string())));
        ids.extend(layout.places.iter().map(|p| Rc::from(p.id.as_str())));
        let by_id = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        let seat_of = plan
            .seats
            .iter()
            .filter_map(|a| a.person.as_ref().map(|p| (p.clone(), a.seat.clone())))
            .collect();
        let assignment = plan.seats.iter().enumerate().map(|(i, a)| (a.seat.clone(), i)).collect();
        let mut flagged: HashMap<String, Level> = HashMap::new();
        for d in &plan.diagnostics {
            if d.level == Level::Info {
                continue;
            }
            if let Some(seat) = &d.seat {
                let e = flagged.entry(seat.clone()).or_insert(d.level);
                *e = (*e).min(d.level);
            }
        }
        Planned { plan, layout, ids, by_id, seat_of, assignment, flagged, part, generation }
    }

    /// Number of boxes (venue seats, then banquet or line-up places).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The venue seat with this id, if it is one.
    pub fn seat(&self, id: &str) -> Option<&seating_core::layout::SeatBox> {
        let &i = self.by_id.get(id)?;
        self.layout.seats.get(i)
    }

    /// The person id in the box with this id (a venue seat or a place).
    pub fn occupant(&self, id: &str) -> Option<&seating_core::layout::Occupant> {
        let &i = self.by_id.get(id)?;
        match self.layout.seats.get(i) {
            Some(s) => s.person.as_ref(),
            None => self.layout.places.get(i - self.layout.seats.len())?.person.as_ref(),
        }
    }

    /// Index of the instruction that decided this seat, if any.
    pub fn instruction_of(&self, seat: &str) -> Option<usize> {
        self.assignment.get(seat).and_then(|&i| self.plan.seats[i].instruction)
    }
}
