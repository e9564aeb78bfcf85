//! What the page draws: the core's plan and layout of the active draft, with look-up tables.
//!
//! Nothing here computes a seat or a coordinate: [`Planned::new`] calls `seating_core::plan`
//! and `seating_core::layout` and only indexes their results for the views.

use std::collections::HashMap;
use std::rc::Rc;

use seating_core::layout::{self, Occupant, Part, PlaceBox, Rect, SeatBox};
use seating_core::{Layout, LayoutOptions, Level, Plan, Scenario, View};

/// The plan and layout of one scenario, for one chart part and view.
#[derive(Debug)]
pub struct Planned {
    /// The core's plan.
    pub plan: Plan,
    /// The scenario it was made from.
    pub doc: Rc<Scenario>,
    /// The core's resolved layout, without its seats and places (they are in `seats` and
    /// `places`; [`Planned::full_layout`] puts them back for the exporters). Its `hash` is
    /// always empty (`LayoutOptions::no_hash`): `full_layout` computes it.
    pub layout: Layout,
    /// Every venue seat's box (label, occupant, reason, flags), shared with the seat
    /// components: a seat that did not change keeps its own box, not the whole plan.
    pub seats: Vec<Rc<SeatBox>>,
    /// Banquet or line-up places.
    pub places: Vec<Rc<PlaceBox>>,
    /// Seat or place id of every box in `seats` then `places`, in that order.
    pub ids: Rc<Vec<Rc<str>>>,
    /// Seat or place id → index into `ids`.
    pub by_id: Rc<HashMap<Rc<str>, usize>>,
    /// The boxes in rows, the diagram's unit of re-rendering.
    pub rows: Vec<Rc<SeatRow>>,
    /// Seat id → the most serious diagnostic that names it.
    pub flagged: HashMap<String, Level>,
    /// Which part the layout draws.
    pub part: Part,
    /// A number that changes whenever the plan does (for cheap comparisons).
    pub generation: u64,
    /// A number that changes whenever more than boxes may have changed: the venue, the
    /// part, the view (the furniture of the chart is memoised on it).
    pub frame: u64,
}

/// Seat id → the most serious diagnostic that names it (information is not shown).
fn flags(plan: &Plan) -> HashMap<String, Level> {
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
    flagged
}

/// The cell of box `i` (a venue seat, then the places).
fn cell(
    ids: &[Rc<str>],
    seats: &[Rc<SeatBox>],
    places: &[Rc<PlaceBox>],
    flagged: &HashMap<String, Level>,
    i: usize,
) -> SeatCell {
    SeatCell {
        id: ids[i].clone(),
        seat: seats.get(i).cloned(),
        place: i.checked_sub(seats.len()).and_then(|k| places.get(k)).cloned(),
        flag: if flagged.is_empty() { None } else { flagged.get(&*ids[i]).copied() },
    }
}

/// Places (banquet seats, line-up places) per [`SeatRow`].
const PLACES_PER_ROW: usize = 40;

/// What one seat component draws: its id, its box and its worst diagnostic.
#[derive(Debug, Clone)]
pub struct SeatCell {
    /// Seat or place id.
    pub id: Rc<str>,
    /// The venue seat's box (venue seats).
    pub seat: Option<Rc<SeatBox>>,
    /// The place's box (banquet and line-up places).
    pub place: Option<Rc<PlaceBox>>,
    /// The most serious diagnostic naming this seat.
    pub flag: Option<Level>,
}

impl PartialEq for SeatCell {
    fn eq(&self, other: &Self) -> bool {
        fn same<T: PartialEq>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b) || **a == **b,
                (None, None) => true,
                _ => false,
            }
        }
        self.flag == other.flag
            && self.id == other.id
            && same(&self.seat, &other.seat)
            && same(&self.place, &other.place)
    }
}

/// A row of seats (or a group of places).
#[derive(Debug, PartialEq)]
pub struct SeatRow {
    /// Key: the id of its first seat.
    pub key: Rc<str>,
    /// Index of its first box in `Planned::ids`.
    pub start: usize,
    /// Its seats.
    pub cells: Vec<SeatCell>,
}

impl PartialEq for Planned {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

impl Planned {
    /// Plans `scenario` with the core, its reasons and diagnostics in `lang`, and resolves
    /// the chart of `part` seen from `view`.
    ///
    /// With `prev` (the plan of the scenario before an edit), a hand edit that only changes
    /// who sits where asks the core for the changed boxes only (`layout::changes`), and the
    /// rows and look-up tables of `prev` are kept except where a box changed.
    pub fn new(
        scenario: &Rc<Scenario>,
        part: Part,
        view: View,
        lang: seating_core::Lang,
        generation: u64,
        prev: Option<&Planned>,
    ) -> Planned {
        let t0 = crate::services::perf::now();
        let plan = seating_core::plan_in(scenario, lang);
        let t1 = crate::services::perf::now();
        crate::services::perf::record("core:plan", t0, t1);
        let part = match part {
            Part::Banquet if plan.banquet.is_none() => Part::Venue,
            Part::Lineup(k) if k >= plan.lineups.len() => Part::Venue,
            Part::Bilateral(k) if k >= plan.bilateral.len() => Part::Venue,
            p => p,
        };
        // The hash is computed when an export asks for it (`full_layout`).
        let options = LayoutOptions { view, part, no_hash: true, ..LayoutOptions::default() };
        let delta = prev.and_then(|p| {
            let c = layout::changes(
                &p.layout,
                &p.seats,
                &p.places,
                (&p.doc, &p.plan),
                (scenario, &plan),
                &options,
            )?;
            Some((p, c))
        });
        match delta {
            Some((prev, c)) => {
                let t2 = crate::services::perf::now();
                crate::services::perf::record("core:layout", t1, t2);
                let p = Planned::patched(scenario, plan, prev, c, generation);
                crate::services::perf::record("page:index", t2, crate::services::perf::now());
                p
            }
            None => {
                let layout = seating_core::layout(scenario, &plan, &options);
                let t2 = crate::services::perf::now();
                crate::services::perf::record("core:layout", t1, t2);
                let p = Planned::indexed(scenario, plan, layout, prev, generation);
                crate::services::perf::record("page:index", t2, crate::services::perf::now());
                p
            }
        }
    }

    /// `prev` with the boxes the core says changed.
    fn patched(
        doc: &Rc<Scenario>,
        plan: Plan,
        prev: &Planned,
        c: layout::BoxChanges,
        generation: u64,
    ) -> Planned {
        let mut layout = prev.layout.clone();
        layout.legend = c.legend;
        if let Some(u) = c.unseated {
            layout.unseated = u;
        }
        let mut seats = prev.seats.clone();
        let mut places = prev.places.clone();
        let mut touched: Vec<usize> = Vec::with_capacity(c.seats.len() + c.places.len());
        for (i, b) in c.seats {
            if let Some(slot) = seats.get_mut(i) {
                if **slot != b {
                    *slot = Rc::new(b);
                    touched.push(i);
                }
            }
        }
        for (k, b) in c.places {
            if let Some(slot) = places.get_mut(k) {
                if **slot != b {
                    *slot = Rc::new(b);
                    touched.push(seats.len() + k);
                }
            }
        }
        let flagged = flags(&plan);
        // Seats whose worst diagnostic changed.
        for (id, level) in &flagged {
            if prev.flagged.get(id) != Some(level) {
                touched.extend(prev.by_id.get(id.as_str()).copied());
            }
        }
        for id in prev.flagged.keys().filter(|id| !flagged.contains_key(*id)) {
            touched.extend(prev.by_id.get(id.as_str()).copied());
        }
        seating_core::sort::sort(&mut touched);
        touched.dedup();
        let (ids, by_id) = (prev.ids.clone(), prev.by_id.clone());
        let mut rows = prev.rows.clone();
        let mut next = touched.iter().peekable();
        for row in rows.iter_mut() {
            let end = row.start + row.cells.len();
            let mut hit = false;
            while next.next_if(|&&i| i < end).is_some() {
                hit = true;
            }
            if hit {
                *row = Rc::new(SeatRow {
                    key: row.key.clone(),
                    start: row.start,
                    cells: (row.start..end).map(|i| cell(&ids, &seats, &places, &flagged, i)).collect(),
                });
            }
        }
        Planned {
            plan,
            layout,
            doc: doc.clone(),
            seats,
            places,
            ids,
            by_id,
            flagged,
            rows,
            part: prev.part,
            generation,
            frame: prev.frame,
        }
    }

    /// A layout made in full, indexed; boxes equal to those of `prev` keep its allocation.
    fn indexed(
        doc: &Rc<Scenario>,
        plan: Plan,
        mut layout: Layout,
        prev: Option<&Planned>,
        generation: u64,
    ) -> Planned {
        let part = layout.part;
        let no_seats: &[Rc<SeatBox>] = &[];
        let no_places: &[Rc<PlaceBox>] = &[];
        let no_rows: &[Rc<SeatRow>] = &[];
        let (prev_seats, prev_places, prev_rows) =
            prev.map_or((no_seats, no_places, no_rows), |p| (&p.seats[..], &p.places[..], &p.rows[..]));
        // Boxes that did not change keep the previous allocation: the seat components
        // then compare by pointer, and an old plan is never kept alive by a seat.
        let reuse = |i: usize, new: SeatBox| match prev_seats.get(i) {
            Some(old) if **old == new => old.clone(),
            _ => Rc::new(new),
        };
        let seats: Vec<Rc<SeatBox>> =
            std::mem::take(&mut layout.seats).into_iter().enumerate().map(|(i, b)| reuse(i, b)).collect();
        let places: Vec<Rc<PlaceBox>> = std::mem::take(&mut layout.places)
            .into_iter()
            .enumerate()
            .map(|(k, p)| match prev_places.get(k) {
                Some(old) if **old == p => old.clone(),
                _ => Rc::new(p),
            })
            .collect();
        let same_ids = prev.filter(|p| {
            p.seats.len() == seats.len()
                && p.places.len() == places.len()
                && p.seats.iter().zip(&seats).all(|(a, b)| a.seat == b.seat)
                && p.places.iter().zip(&places).all(|(a, b)| a.id == b.id)
        });
        let (ids, by_id) = if let Some(p) = same_ids {
            (p.ids.clone(), p.by_id.clone())
        } else {
            let mut ids: Vec<Rc<str>> = Vec::with_capacity(seats.len() + places.len());
            ids.extend(seats.iter().map(|s| Rc::from(s.seat.to_string())));
            ids.extend(places.iter().map(|p| Rc::from(p.id.as_str())));
            let by_id = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
            (Rc::new(ids), Rc::new(by_id))
        };
        let flagged = flags(&plan);
        // Rows of seats (a row per podium or hall row, places in groups): the unit of
        // re-rendering above the seats, so a swap touches two rows, not every seat.
        let mut rows: Vec<Rc<SeatRow>> = Vec::new();
        let mut start = 0;
        let total = seats.len() + places.len();
        while start < total {
            let mut end = start + 1;
            if start < seats.len() {
                let (area, row) = (seats[start].seat.area, seats[start].seat.row);
                while end < seats.len() && seats[end].seat.area == area && seats[end].seat.row == row {
                    end += 1;
                }
            } else {
                end = (start + PLACES_PER_ROW).min(total);
            }
            let cells: Vec<SeatCell> =
                (start..end).map(|i| cell(&ids, &seats, &places, &flagged, i)).collect();
            let row = match prev_rows.get(rows.len()) {
                Some(old) if old.cells == cells => old.clone(),
                _ => Rc::new(SeatRow { key: ids[start].clone(), start, cells }),
            };
            rows.push(row);
            start = end;
        }
        Planned {
            plan,
            layout,
            doc: doc.clone(),
            seats,
            places,
            ids,
            by_id,
            flagged,
            rows,
            part,
            generation,
            frame: generation,
        }
    }

    /// Number of boxes (venue seats, then banquet or line-up places).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The whole layout, as the core made it with its content hash (for the exporters; it
    /// copies every seat and hashes the scenario and plan).
    pub fn full_layout(&self) -> Layout {
        let hash = layout::content_hash(&self.doc, &self.plan);
        Layout {
            seats: self.seats.iter().map(|s| (**s).clone()).collect(),
            places: self.places.iter().map(|p| (**p).clone()).collect(),
            hash,
            ..self.layout.clone()
        }
    }

    /// The venue seat with this id, if it is one.
    pub fn seat(&self, id: &str) -> Option<&SeatBox> {
        let &i = self.by_id.get(id)?;
        self.seats.get(i).map(|s| &**s)
    }

    /// The place (banquet seat, line-up place) at box index `i`, if it is one.
    pub fn place_at(&self, i: usize) -> Option<&PlaceBox> {
        self.places.get(i.checked_sub(self.seats.len())?).map(|p| &**p)
    }

    /// The box of the seat or place at index `i`.
    pub fn rect_at(&self, i: usize) -> Option<Rect> {
        self.seats.get(i).map(|s| s.rect).or_else(|| self.place_at(i).map(|p| p.rect))
    }

    /// The person in the box with this id (a venue seat or a place).
    pub fn occupant(&self, id: &str) -> Option<&Occupant> {
        let &i = self.by_id.get(id)?;
        match self.seats.get(i) {
            Some(s) => s.person.as_ref(),
            None => self.place_at(i)?.person.as_ref(),
        }
    }

    /// The seat of a person (a scan of the plan: for single look-ups, not for loops).
    pub fn seat_of(&self, person: &str) -> Option<&str> {
        self.plan.seats.iter().find(|a| a.person.as_deref() == Some(person)).map(|a| a.seat.as_str())
    }

    /// Index of the instruction that decided this seat, if any.
    pub fn instruction_of(&self, seat: &str) -> Option<usize> {
        self.plan.seats.iter().find(|a| a.seat == seat).and_then(|a| a.instruction)
    }
}
