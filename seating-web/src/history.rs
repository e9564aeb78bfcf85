//! Undo and redo: each step keeps only the parts of the scenario it changed.
//!
//! An edit is any function on a [`Scenario`]; [`Patch::between`] compares the scenario
//! before and after, part by part, and keeps the old value of every part that changed (a
//! person edit keeps just that person). Applying a patch swaps those parts back in and
//! returns the patch that redoes it. Steps form a shared linked list, so keeping a state
//! around (yew hands out many) costs nothing, and 200 hand edits of a 3,000-person plan hold
//! the one or two instructions each changed, not 200 instruction lists or roster copies.

use std::rc::Rc;

use seating_core::banquet::BanquetSpec;
use seating_core::bilateral::BilateralSpec;
use seating_core::groups::GroupsSpec;
use seating_core::lineup::LineupSpec;
use seating_core::vehicle::VehicleSpec;
use seating_core::{Convention, HallSpec, Instruction, Meeting, Person, PodiumSpec, Ranking, Scenario, Unit};

/// Undo steps kept per draft; older ones are dropped.
pub const MAX_STEPS: usize = 500;

/// The old value of one part of a scenario.
#[derive(Debug, Clone)]
enum Piece {
    Meeting(Meeting),
    Convention(Convention),
    Ranking(Ranking),
    Units(Vec<Unit>),
    People(Vec<Person>),
    /// Some people changed in place (same roster length): index and old value.
    PeopleAt(Vec<(usize, Person)>),
    Podium(Option<PodiumSpec>),
    Hall(Option<HallSpec>),
    /// Instructions `at..at + len` of the current list replace by `old` (the rest is
    /// unchanged): a hand edit adds, changes or removes one or two, so a step keeps those,
    /// not the whole list.
    Instructions {
        at: usize,
        len: usize,
        old: Vec<Instruction>,
    },
    Banquet(Option<BanquetSpec>),
    Lineups(Vec<LineupSpec>),
    Vehicles(Option<VehicleSpec>),
    Groups(Option<GroupsSpec>),
    Bilateral(Vec<BilateralSpec>),
    /// Anything this module does not know part by part.
    Whole(Box<Scenario>),
}

/// What one undo (or redo) step puts back.
#[derive(Debug, Clone, Default)]
pub struct Patch(Vec<Piece>);

macro_rules! part {
    ($pieces:ident, $old:ident, $new:ident, $field:ident, $variant:ident) => {
        if $old.$field != $new.$field {
            $pieces.push(Piece::$variant($old.$field.clone()));
        }
    };
}

impl Patch {
    /// The patch that turns `new` back into `old`.
    pub fn between(old: &Scenario, new: &Scenario) -> Patch {
        // Every field spelled out: a field this module does not know is a compile error
        // here, not a silent loss of undo (no copy-and-compare check at run time).
        let Scenario {
            format,
            meeting: _,
            convention: _,
            ranking: _,
            units: _,
            people,
            podium: _,
            hall: _,
            instructions: _,
            banquet: _,
            lineups: _,
            vehicles: _,
            groups: _,
            bilateral: _,
        } = old;
        if *format != new.format {
            return Patch(vec![Piece::Whole(Box::new(old.clone()))]);
        }
        let mut p = Vec::new();
        part!(p, old, new, meeting, Meeting);
        part!(p, old, new, convention, Convention);
        part!(p, old, new, ranking, Ranking);
        part!(p, old, new, units, Units);
        if *people != new.people {
            if people.len() == new.people.len() {
                let changed: Vec<(usize, Person)> = people
                    .iter()
                    .zip(&new.people)
                    .enumerate()
                    .filter(|(_, (a, b))| a != b)
                    .map(|(i, (a, _))| (i, a.clone()))
                    .collect();
                if changed.len() * 4 <= people.len() {
                    p.push(Piece::PeopleAt(changed));
                } else {
                    p.push(Piece::People(people.clone()));
                }
            } else {
                p.push(Piece::People(people.clone()));
            }
        }
        part!(p, old, new, podium, Podium);
        part!(p, old, new, hall, Hall);
        if old.instructions != new.instructions {
            let (a, b) = (&old.instructions, &new.instructions);
            let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let tail = a[at..].iter().rev().zip(b[at..].iter().rev()).take_while(|(x, y)| x == y).count();
            let old = a[at..a.len() - tail].to_vec();
            p.push(Piece::Instructions { at, len: b.len() - tail - at, old });
        }
        part!(p, old, new, banquet, Banquet);
        part!(p, old, new, lineups, Lineups);
        part!(p, old, new, vehicles, Vehicles);
        part!(p, old, new, groups, Groups);
        part!(p, old, new, bilateral, Bilateral);
        Patch(p)
    }

    /// Whether the patch changes nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Puts the kept parts into `s` and returns the patch that undoes this one.
    pub fn apply(self, s: &mut Scenario) -> Patch {
        let mut inverse = Vec::with_capacity(self.0.len());
        for piece in self.0 {
            inverse.push(match piece {
                Piece::Meeting(v) => Piece::Meeting(std::mem::replace(&mut s.meeting, v)),
                Piece::Convention(v) => Piece::Convention(std::mem::replace(&mut s.convention, v)),
                Piece::Ranking(v) => Piece::Ranking(std::mem::replace(&mut s.ranking, v)),
                Piece::Units(v) => Piece::Units(std::mem::replace(&mut s.units, v)),
                Piece::People(v) => Piece::People(std::mem::replace(&mut s.people, v)),
                Piece::PeopleAt(v) => Piece::PeopleAt(
                    v.into_iter()
                        .filter_map(|(i, p)| s.people.get_mut(i).map(|slot| (i, std::mem::replace(slot, p))))
                        .collect(),
                ),
                Piece::Podium(v) => Piece::Podium(std::mem::replace(&mut s.podium, v)),
                Piece::Hall(v) => Piece::Hall(std::mem::replace(&mut s.hall, v)),
                Piece::Instructions { at, len, old } => {
                    let at = at.min(s.instructions.len());
                    let end = (at + len).min(s.instructions.len());
                    let put = old.len();
                    let taken: Vec<Instruction> = s.instructions.splice(at..end, old).collect();
                    Piece::Instructions { at, len: put, old: taken }
                }
                Piece::Banquet(v) => Piece::Banquet(std::mem::replace(&mut s.banquet, v)),
                Piece::Lineups(v) => Piece::Lineups(std::mem::replace(&mut s.lineups, v)),
                Piece::Vehicles(v) => Piece::Vehicles(std::mem::replace(&mut s.vehicles, v)),
                Piece::Groups(v) => Piece::Groups(std::mem::replace(&mut s.groups, v)),
                Piece::Bilateral(v) => Piece::Bilateral(std::mem::replace(&mut s.bilateral, v)),
                Piece::Whole(v) => Piece::Whole(Box::new(std::mem::replace(s, *v))),
            });
        }
        // Undo the pieces in reverse order next time.
        inverse.reverse();
        Patch(inverse)
    }
}

struct Step {
    label: Rc<str>,
    patch: Patch,
    next: Option<Rc<Step>>,
}

/// A stack of steps (undo or redo), shared between copies of the state.
#[derive(Clone, Default)]
pub struct History {
    head: Option<Rc<Step>>,
    len: usize,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "History({} steps)", self.len)
    }
}

impl History {
    /// Number of steps.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no step.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// What the top step did, in words.
    pub fn label(&self) -> Option<Rc<str>> {
        self.head.as_ref().map(|s| s.label.clone())
    }

    /// Pushes a step; beyond [`MAX_STEPS`] the oldest steps are dropped (in batches).
    pub fn push(&mut self, label: Rc<str>, patch: Patch) {
        self.head = Some(Rc::new(Step { label, patch, next: self.head.take() }));
        self.len += 1;
        if self.len > 2 * MAX_STEPS {
            self.truncate(MAX_STEPS);
        }
    }

    /// Takes the top step off.
    pub fn pop(&mut self) -> Option<(Rc<str>, Patch)> {
        let head = self.head.take()?;
        self.len -= 1;
        let step = Rc::try_unwrap(head).unwrap_or_else(|shared| Step {
            label: shared.label.clone(),
            patch: shared.patch.clone(),
            next: shared.next.clone(),
        });
        self.head = step.next;
        Some((step.label, step.patch))
    }

    fn truncate(&mut self, keep: usize) {
        let mut steps = Vec::with_capacity(keep);
        let mut cur = self.head.clone();
        while let Some(s) = cur {
            if steps.len() == keep {
                break;
            }
            steps.push((s.label.clone(), s.patch.clone()));
            cur = s.next.clone();
        }
        self.head = None;
        self.len = 0;
        for (label, patch) in steps.into_iter().rev() {
            self.head = Some(Rc::new(Step { label, patch, next: self.head.take() }));
            self.len += 1;
        }
    }
}
