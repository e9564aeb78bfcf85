//! The page's state (yew todomvc style): [`State`], the [`Action`] enum and the
//! [`Reducible`] impl.
//!
//! The state holds every draft (named plan) with its scenario and undo history, the plan and
//! layout of the active one ([`Planned`], recomputed by the core after every change), the
//! pending import, the selection and the settings of the page. The reducer is pure apart
//! from calling the core; storage, files and the clock are the root component's
//! (`app.rs`) and `services/`.

use std::rc::Rc;

use seating_core::import::{self, Field, Table};
use seating_core::layout::Part;
use seating_core::{Instruction, Op, PodiumSpec, Scenario, Section, Unit, View};
use yew::Reducible;

use crate::history::{History, Patch};
use crate::i18n::Lang;
use crate::planned::Planned;
use crate::services::storage::Change;

/// A scenario edit: any change to the scenario; an `Err` refuses it with a message.
pub type EditFn = Box<dyn FnOnce(&mut Scenario) -> Result<(), String>>;

/// A named plan (會議方案 / meeting draft), kept side by side with the others.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Storage id, `d1`, `d2`, …
    pub id: Rc<str>,
    /// Name shown in the draft list.
    pub name: Rc<str>,
    /// The scenario.
    pub doc: Rc<Scenario>,
    /// Counts changes of `doc` (autosave and memoisation compare it).
    pub version: u64,
    /// Steps that undo the last changes.
    pub undo: History,
    /// Steps that redo undone changes.
    pub redo: History,
}

impl PartialEq for Draft {
    /// Same draft, same name, same version of the scenario.
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && Rc::ptr_eq(&self.doc, &other.doc)
            && self.undo.len() == other.undo.len()
            && self.redo.len() == other.redo.len()
    }
}

impl Draft {
    /// A draft with no history.
    pub fn new(id: impl Into<Rc<str>>, name: impl Into<Rc<str>>, doc: Scenario) -> Draft {
        Draft {
            id: id.into(),
            name: name.into(),
            doc: Rc::new(doc),
            version: 0,
            undo: History::default(),
            redo: History::default(),
        }
    }
}

/// A pasted or uploaded table waiting for its columns to be confirmed.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// Where it came from: a file name, or empty for a paste.
    pub source: String,
    /// The encoding it was decoded with (files only).
    pub encoding: Option<String>,
    /// The text as pasted or decoded.
    pub text: String,
    /// The core's parse of `text`, or its error.
    pub table: Result<Table, String>,
    /// What each column holds (one entry per column).
    pub columns: Vec<Field>,
    /// Whether the core recognised a header row.
    pub header: bool,
    /// Without a section column: how many of the most senior go on the podium. `None` (the
    /// field left empty): the podium's seats when the import replaces the roster, nobody
    /// when it adds to it (a second sheet is most often the hall's).
    pub podium: Option<usize>,
    /// Text that looks like a scenario (JSON): whether the core accepts it.
    pub json: Option<Result<(), String>>,
    /// An uploaded `.xlsx` workbook: its bytes (to read another sheet), the names of its
    /// visible sheets and the one read.
    pub workbook: Option<Rc<[u8]>>,
    /// The visible sheets of `workbook`, in tab order.
    pub sheets: Vec<String>,
    /// The sheet of `workbook` that `text` holds.
    pub sheet: usize,
}

impl PendingImport {
    /// Parses `text` with the core and guesses the columns; errors are written in `lang`.
    pub fn new(
        source: String,
        encoding: Option<String>,
        text: String,
        podium: Option<usize>,
        lang: seating_core::Lang,
    ) -> PendingImport {
        if text.trim_start().starts_with('{') {
            let json = Some(Scenario::from_json_in(&text, lang).map(drop).map_err(|e| e.describe(lang)));
            let table = Err(String::new());
            return PendingImport {
                source,
                encoding,
                text,
                table,
                columns: Vec::new(),
                header: false,
                podium,
                json,
                workbook: None,
                sheets: Vec::new(),
                sheet: 0,
            };
        }
        let table = import::parse_table_in(&text, lang).map_err(|e| e.describe(lang));
        let (columns, header) = match &table {
            Ok(t) => match t.header.as_ref().and_then(|h| import::guess_columns(h)) {
                Some(cols) => (cols, true),
                None => (guess_without_header(t), false),
            },
            Err(_) => (Vec::new(), false),
        };
        PendingImport {
            source,
            encoding,
            text,
            table,
            columns,
            header,
            podium,
            json: None,
            workbook: None,
            sheets: Vec::new(),
            sheet: 0,
        }
    }

    /// Number of columns in the widest row.
    pub fn width(&self) -> usize {
        match &self.table {
            Ok(t) => {
                let rows = t.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
                rows.max(t.header.as_ref().map_or(0, Vec::len))
            }
            Err(_) => 0,
        }
    }
}

/// Columns of a table without a recognised header: the first column is the name, a column of
/// whole numbers is the rank, the rest is left out until the user maps it.
fn guess_without_header(t: &Table) -> Vec<Field> {
    let width = t.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    (0..width)
        .map(|c| {
            let all_numbers = t
                .rows
                .iter()
                .all(|(_, r)| r.get(c).is_some_and(|v| !v.is_empty() && v.parse::<i64>().is_ok()));
            if c == 0 {
                Field::Name
            } else if all_numbers {
                Field::Rank
            } else {
                Field::Ignore
            }
        })
        .scan(false, |rank_seen, f| {
            // Only one rank column.
            if f == Field::Rank {
                if *rank_seen {
                    return Some(Field::Ignore);
                }
                *rank_seen = true;
            }
            Some(f)
        })
        .collect()
}

/// A short message shown above the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// An error (red) or information (blue).
    pub error: bool,
    /// The text.
    pub text: String,
}

/// Paper and page settings for exports and printing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSettings {
    /// A4 or A3.
    pub a3: bool,
    /// `None`: by the chart's shape; `Some(true)`: landscape.
    pub landscape: Option<bool>,
}

/// The whole page state.
#[derive(Clone, Debug)]
pub struct State {
    /// Every draft; `active` indexes it.
    pub drafts: Rc<Vec<Draft>>,
    /// The draft being edited.
    pub active: usize,
    /// The core's plan and layout of the active draft.
    pub planned: Rc<Planned>,
    /// Which chart part the diagram shows.
    pub part: Part,
    /// Audience or podium view.
    pub view: View,
    /// The selected seat or place id.
    pub selected: Option<Rc<str>>,
    /// A seat whose person was picked up with the keyboard (Enter), waiting for a target.
    pub picked: Option<Rc<str>>,
    /// The table being imported.
    pub pending: Option<Rc<PendingImport>>,
    /// Storage failure (quota, private mode): shown until a save succeeds.
    pub storage_error: Option<String>,
    /// Drafts that could not be read back from storage.
    pub load_problems: Rc<Vec<String>>,
    /// The last message (what an edit did, or why it was refused).
    pub notice: Option<Notice>,
    /// Interface language.
    pub lang: Lang,
    /// Default "who asked" for hand edits.
    pub who: Rc<str>,
    /// Page settings for charts and printing.
    pub page: PageSettings,
    /// Counter for `Planned::generation` and new draft ids.
    pub counter: u64,
    /// This tab's tag, the end of every draft id it makes: another tab open on the same
    /// storage makes other ids.
    pub tag: Rc<str>,
    /// Ids of the drafts deleted in this tab: autosave removes them from storage (and only
    /// them: drafts another tab made stay).
    pub deleted: Rc<Vec<Rc<str>>>,
}

/// Everything that can happen to the state.
pub enum Action {
    /// Change the active scenario; recorded for undo under `label`.
    Edit { label: String, edit: EditFn },
    /// Undo the last change of the active draft.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// A hand move: `person` dropped on seat `to` (swap with its occupant, or pin there).
    Drop { person: String, to: String, at: String },
    /// A keyboard move: the person in seat `from` dropped on seat `to`.
    DropFrom { from: String, to: String, at: String },
    /// Lock the occupant of `seat` in place (a pin), or unlock it.
    ToggleLock { seat: String, at: String },
    /// Reserve `seat` (kept empty), or release it.
    ToggleReserve { seat: String, at: String },
    /// A leader's change of precedence: `person` directly after `after` (a `move`).
    AddMove { person: String, after: String, at: String },
    /// Mark `person` absent (請假, an `exclude`), or present again.
    ToggleAbsent { person: String, at: String },
    /// Remove the instruction that decided `seat`.
    RemoveSeatInstruction { seat: String },
    /// A new empty draft (the default venue).
    NewDraft { name: String },
    /// Open a scenario file as a new draft.
    OpenScenario { name: String, text: String },
    /// Make draft `i` the active one.
    SwitchDraft(usize),
    /// Rename draft `i`.
    RenameDraft(usize, String),
    /// Copy draft `i` under a new name.
    DuplicateDraft(usize, String),
    /// Delete draft `i` (the last one is replaced by an empty draft).
    DeleteDraft(usize),
    /// Another tab saved, added or deleted a draft.
    Elsewhere(crate::services::storage::Change),
    /// Start (or replace) a pending import with pasted or decoded text.
    ImportText { source: String, encoding: Option<String>, text: String },
    /// Start (or replace) a pending import with visible sheet `sheet` of a workbook (`.xlsx`
    /// or `.xls`).
    ImportWorkbook { source: String, bytes: Rc<[u8]>, sheet: usize },
    /// Map column `.0` of the pending import to `.1`.
    ImportColumn(usize, Field),
    /// How many of the most senior go on the podium (no section column); `None`: the
    /// default (see [`PendingImport::podium`]).
    ImportPodium(Option<usize>),
    /// Import the pending table: replace the roster, or add to it.
    CommitImport { replace: bool },
    /// Drop the pending import.
    DiscardImport,
    /// Select a seat or place (or nothing).
    Select(Option<Rc<str>>),
    /// Select the seat of a person.
    SelectPerson(String),
    /// Pick up the person in a seat (keyboard move), or put them back (`None`).
    Pick(Option<Rc<str>>),
    /// Show another chart part.
    SetPart(Part),
    /// Audience or podium view.
    SetView(View),
    /// Interface language.
    SetLang(Lang),
    /// Default "who asked" for hand edits.
    SetWho(String),
    /// Page settings.
    SetPage(PageSettings),
    /// Show a message (or clear it).
    Notify(Option<Notice>),
    /// A save to storage failed (or worked again: `None`).
    StorageError(Option<String>),
    /// Panic on purpose (the e2e test of the error panel).
    Panic,
}

/// A core value from JSON: new values are written as the file format writes them, so
/// fields the core adds later get their defaults. Read from text, not with
/// `serde_json::from_value`: the text reader of these types is in the WASM already (it
/// reads every scenario), a `Value` reader would be a second copy of them.
/// An instruction made on the page, recorded with who asked (`by`, the 指示人 field) and
/// when: the fields of its kind are set over it.
fn recorded(op: Op, by: Option<String>, at: String) -> Instruction {
    Instruction { op, person: None, seat: None, people: None, after: None, by, note: None, at: Some(at) }
}

pub fn from_json<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_str(&v.to_string()).expect("a valid literal of the scenario format")
}

/// A new draft for a user of `lang`: [`new_scenario`], its printed words in 简体 for a
/// 简体 page (繁體, the format's default, otherwise).
pub fn new_draft_scenario(lang: Lang) -> Scenario {
    let mut s = new_scenario();
    if lang == Lang::Hans {
        s.meeting.script = seating_core::Script::Simplified;
    }
    s
}

/// The venue of a new draft: a podium row of 7 and a hall of 8 rows × 20 seats.
pub fn new_scenario() -> Scenario {
    let mut s = Scenario::new();
    s.podium = Some(from_json(serde_json::json!({ "rows": [7] })));
    s.hall = Some(from_json(serde_json::json!({ "rows": 8, "seats": 20, "aisles": [5, 15] })));
    s
}

impl State {
    /// A state from drafts read back from storage (at least one).
    pub fn from_drafts(
        drafts: Vec<Draft>,
        active: usize,
        lang: Lang,
        who: String,
        load_problems: Vec<String>,
        tag: &str,
    ) -> State {
        let drafts = if drafts.is_empty() {
            vec![Draft::new(format!("d1{tag}"), lang.texts().draft_default, new_draft_scenario(lang))]
        } else {
            drafts
        };
        let active = active.min(drafts.len() - 1);
        let planned =
            Rc::new(Planned::new(&drafts[active].doc, Part::Venue, View::Audience, lang.prose(), 1, None));
        // `d7` or `d7-k3x9` (a tab's tag after the number).
        let number = |id: &str| id.strip_prefix('d')?.split('-').next()?.parse::<u64>().ok();
        let counter = drafts.iter().filter_map(|d| number(&d.id)).max();
        State {
            drafts: Rc::new(drafts),
            active,
            planned,
            part: Part::Venue,
            view: View::Audience,
            selected: None,
            picked: None,
            pending: None,
            storage_error: None,
            load_problems: Rc::new(load_problems),
            notice: None,
            lang,
            who: who.into(),
            page: PageSettings { a3: false, landscape: None },
            counter: counter.unwrap_or(1).max(1) + 1,
            tag: tag.into(),
            deleted: Rc::default(),
        }
    }

    /// The active draft.
    pub fn draft(&self) -> &Draft {
        &self.drafts[self.active]
    }

    /// The active scenario.
    pub fn doc(&self) -> &Rc<Scenario> {
        &self.drafts[self.active].doc
    }

    /// Plans the active draft again (in the interface's language: a language change re-plans
    /// too, and `layout::changes` remakes every box whose reason changed).
    fn replan(&mut self) {
        self.counter += 1;
        let planned = Rc::new(Planned::new(
            self.doc(),
            self.part,
            self.view,
            self.lang.prose(),
            self.counter,
            Some(&self.planned),
        ));
        // The old plan's last owner is often a component of the page: dropped after the
        // repaint instead of during it.
        crate::services::frame::drop_after_paint(std::mem::replace(&mut self.planned, planned));
        self.part = self.planned.part;
        if let Some(sel) = &self.selected {
            if !self.planned.by_id.contains_key(sel) {
                self.selected = None;
            }
        }
        if let Some(p) = &self.picked {
            if self.planned.occupant(p).is_none() {
                self.picked = None;
            }
        }
    }

    /// A file or paste that reads drops the error a previous one left on screen.
    fn clear_error_notice(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.error) {
            self.notice = None;
        }
    }

    fn notice(&mut self, error: bool, text: impl Into<String>) {
        self.notice = Some(Notice { error, text: text.into() });
    }

    /// Applies an edit to the active draft: validates the result with the core, records the
    /// undo step, re-plans. A refused edit leaves everything as it was and says why.
    fn edit(&mut self, label: String, edit: EditFn) -> bool {
        let t0 = crate::services::perf::now();
        let old = self.doc().clone();
        let mut new = (*old).clone();
        let lang = self.lang.prose();
        let result = edit(&mut new).and_then(|()| new.validate_in(lang).map_err(|e| e.describe(lang)));
        let t1 = crate::services::perf::now();
        crate::services::perf::record("page:clone+edit+validate", t0, t1);
        if let Err(e) = result {
            let t = self.lang.texts();
            self.notice(true, format!("{}{e}", t.refused));
            return false;
        }
        let patch = Patch::between(&old, &new);
        crate::services::perf::record("page:undo-patch", t1, crate::services::perf::now());
        if patch.is_empty() {
            return false;
        }
        let label: Rc<str> = label.into();
        let drafts = Rc::make_mut(&mut self.drafts);
        let d = &mut drafts[self.active];
        d.undo.push(label.clone(), patch);
        d.redo = History::default();
        d.doc = Rc::new(new);
        d.version += 1;
        self.replan();
        self.notice(false, label.to_string());
        true
    }

    fn step(&mut self, undo: bool) {
        let t = self.lang.texts();
        let drafts = Rc::make_mut(&mut self.drafts);
        let d = &mut drafts[self.active];
        let (from, to) = if undo { (&mut d.undo, &mut d.redo) } else { (&mut d.redo, &mut d.undo) };
        let Some((label, patch)) = from.pop() else { return };
        let mut doc = (*d.doc).clone();
        let inverse = patch.apply(&mut doc);
        to.push(label.clone(), inverse);
        d.doc = Rc::new(doc);
        d.version += 1;
        self.replan();
        let what = if undo { t.undone } else { t.redone };
        self.notice(false, format!("{what}{label}"));
    }

    fn next_id(&mut self) -> Rc<str> {
        loop {
            let id = format!("d{}{}", self.counter, self.tag);
            self.counter += 1;
            if !self.drafts.iter().any(|d| *d.id == *id) {
                return id.into();
            }
        }
    }

    fn switch(&mut self, i: usize) {
        if i < self.drafts.len() {
            self.active = i;
            self.selected = None;
            self.picked = None;
            self.part = Part::Venue;
            self.replan();
        }
    }

    /// Takes in what another tab saved (see `services::storage`): new content of a draft, a
    /// new draft, a deletion, new names. A draft changed elsewhere loses its undo steps here
    /// (they were made against the content it had); the active one says so.
    fn take_from_elsewhere(&mut self, change: Change) {
        let t = self.lang.texts();
        match change {
            Change::Draft { id, text } => self.take_draft(&id, None, &text),
            Change::Index { drafts } => {
                for (id, name, text) in drafts {
                    match self.drafts.iter().position(|d| *d.id == *id) {
                        Some(k) if *self.drafts[k].name != *name => {
                            Rc::make_mut(&mut self.drafts)[k].name = name.into();
                        }
                        Some(_) => {}
                        None => {
                            if let Some(text) = text {
                                self.take_draft(&id, Some(name), &text);
                            }
                        }
                    }
                }
            }
            Change::Removed { id } => {
                // The last draft stays: saving it again loses nothing.
                let Some(k) = self.drafts.iter().position(|d| *d.id == *id) else { return };
                if self.drafts.len() == 1 {
                    return;
                }
                let gone = Rc::make_mut(&mut self.drafts).remove(k);
                if k == self.active {
                    self.switch(k.min(self.drafts.len() - 1));
                    self.notice(false, format!("{}{}", t.deleted_elsewhere, gone.name));
                } else if k < self.active {
                    self.active -= 1;
                }
            }
        }
    }

    /// A draft as another tab saved it: replaces ours if it differs; added (with `name`) if
    /// we do not have it and it has a name.
    fn take_draft(&mut self, id: &str, name: Option<String>, text: &str) {
        let Ok(doc) = Scenario::from_json(text) else { return };
        match self.drafts.iter().position(|d| *d.id == *id) {
            Some(k) => {
                if *self.drafts[k].doc == doc {
                    return;
                }
                let d = &mut Rc::make_mut(&mut self.drafts)[k];
                d.doc = Rc::new(doc);
                d.version += 1;
                d.undo = History::default();
                d.redo = History::default();
                if k == self.active {
                    let name = d.name.clone();
                    self.replan();
                    self.notice(false, format!("{}{name}", self.lang.texts().changed_elsewhere));
                }
            }
            None => {
                if let Some(name) = name {
                    Rc::make_mut(&mut self.drafts).push(Draft::new(id, name, doc));
                }
            }
        }
    }

    fn add_draft(&mut self, name: String, doc: Scenario) {
        let id = self.next_id();
        Rc::make_mut(&mut self.drafts).push(Draft::new(id, name, doc));
        let last = self.drafts.len() - 1;
        self.switch(last);
    }

    /// "王晨" for a person id (or the id when unknown).
    fn name_of(&self, id: &str) -> String {
        self.doc().people.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn by(&self) -> Option<String> {
        (!self.who.trim().is_empty()).then(|| self.who.trim().to_string())
    }

    /// A hand move as an instruction: a swap with the occupant of `to`, or a pin to an empty
    /// seat. Dragging the same pair back removes their swap instead of adding another.
    fn hand_move(&mut self, person: String, to: String, at: String) {
        let t = self.lang.texts();
        let planned = self.planned.clone();
        let Some(target) = planned.seat(&to) else { return };
        if planned.seat_of(&person) == Some(to.as_str()) {
            return;
        }
        if target.blocked {
            self.notice(true, t.drop_blocked);
            return;
        }
        if target.reserved {
            self.notice(true, t.drop_reserved);
            return;
        }
        let who = self.name_of(&person);
        let by = self.by();
        match target.person.as_ref().map(|o| o.id.clone()) {
            Some(other) => {
                let other_name = self.name_of(&other);
                let pair = |i: &Instruction| {
                    i.op == Op::Swap
                        && i.people.as_ref().is_some_and(|p| {
                            p.len() == 2
                                && ((p[0] == person && p[1] == other) || (p[0] == other && p[1] == person))
                        })
                };
                let existing = self.doc().instructions.iter().rposition(pair);
                let label = format!("{}{who} ⇄ {other_name}", t.did_swap);
                self.edit(
                    label,
                    Box::new(move |s| {
                        match existing {
                            Some(k) => {
                                s.instructions.remove(k);
                            }
                            None => s.instructions.push(Instruction {
                                people: Some(vec![person, other]),
                                ..recorded(Op::Swap, by, at)
                            }),
                        }
                        Ok(())
                    }),
                );
            }
            None => {
                let label = format!("{}{who} → {}", t.did_pin, target.label);
                self.edit(
                    label,
                    Box::new(move |s| {
                        // A pin puts the person in place before the swaps run: their swaps
                        // would move them again, so a hand move replaces them.
                        s.instructions.retain(|i| {
                            !(i.op == Op::Swap && i.people.as_ref().is_some_and(|p| p.contains(&person)))
                        });
                        let pin = s
                            .instructions
                            .iter_mut()
                            .find(|i| i.op == Op::Pin && i.person.as_deref() == Some(person.as_str()));
                        match pin {
                            Some(i) => {
                                i.seat = Some(to);
                                i.at = Some(at);
                                if by.is_some() {
                                    i.by = by;
                                }
                            }
                            None => s.instructions.push(Instruction {
                                person: Some(person),
                                seat: Some(to),
                                ..recorded(Op::Pin, by, at)
                            }),
                        }
                        Ok(())
                    }),
                );
            }
        }
    }

    /// Locks the occupant of a seat where they are (a pin; their swaps become pins too, so
    /// nothing moves them later), or unlocks a seat locked by a pin.
    fn toggle_lock(&mut self, seat: String, at: String) {
        let t = self.lang.texts();
        let planned = self.planned.clone();
        let Some(b) = planned.seat(&seat) else { return };
        let Some(person) = b.person.as_ref().map(|o| o.id.clone()) else {
            self.notice(true, t.lock_empty);
            return;
        };
        let name = self.name_of(&person);
        let pinned_here = self.doc().instructions.iter().position(|i| {
            i.op == Op::Pin
                && i.person.as_deref() == Some(person.as_str())
                && i.seat.as_deref() == Some(seat.as_str())
        });
        if let Some(k) = pinned_here {
            self.edit(
                format!("{}{name}", t.did_unlock),
                Box::new(move |s| {
                    s.instructions.remove(k);
                    Ok(())
                }),
            );
            return;
        }
        // Where the partners of this person's swaps sit now (they get pinned there).
        let seat_of: std::collections::HashMap<String, String> = self
            .doc()
            .instructions
            .iter()
            .filter(|i| i.op == Op::Swap && i.people.as_ref().is_some_and(|p| p.contains(&person)))
            .flat_map(|i| i.people.iter().flatten())
            .filter_map(|p| planned.seat_of(p).map(|s| (p.clone(), s.to_string())))
            .collect();
        let by = self.by();
        let note = t.lock_note.to_string();
        self.edit(
            format!("{}{name} @ {}", t.did_lock, b.label),
            Box::new(move |s| {
                let swap_of_person = |i: &Instruction| {
                    i.op == Op::Swap && i.people.as_ref().is_some_and(|p| p.contains(&person))
                };
                let mut pins = vec![(person.clone(), seat.clone())];
                for i in s.instructions.iter().filter(|i| swap_of_person(i)) {
                    for p in i.people.iter().flatten().filter(|p| **p != person) {
                        if let Some(seat) = seat_of.get(p) {
                            pins.push((p.clone(), seat.clone()));
                        }
                    }
                }
                let replaced = |i: &Instruction| {
                    swap_of_person(i)
                        || (i.op == Op::Pin
                            && pins.iter().any(|(p, _)| i.person.as_deref() == Some(p.as_str())))
                };
                s.instructions.retain(|i| !replaced(i));
                for (p, seat) in pins {
                    s.instructions.push(Instruction {
                        person: Some(p),
                        seat: Some(seat),
                        note: Some(note.clone()),
                        ..recorded(Op::Pin, by.clone(), at.clone())
                    });
                }
                Ok(())
            }),
        );
    }

    fn toggle_reserve(&mut self, seat: String, at: String) {
        let t = self.lang.texts();
        let planned = self.planned.clone();
        let Some(b) = planned.seat(&seat) else { return };
        if b.blocked {
            self.notice(true, t.drop_blocked);
            return;
        }
        let label = b.label.clone();
        let existing = self
            .doc()
            .instructions
            .iter()
            .position(|i| i.op == Op::Reserve && i.seat.as_deref() == Some(seat.as_str()));
        let by = self.by();
        let what = if existing.is_some() { t.did_release } else { t.did_reserve };
        self.edit(
            format!("{what}{label}"),
            Box::new(move |s| {
                match existing {
                    Some(k) => {
                        s.instructions.remove(k);
                    }
                    None => {
                        s.instructions.push(Instruction { seat: Some(seat), ..recorded(Op::Reserve, by, at) })
                    }
                }
                Ok(())
            }),
        );
    }

    /// A `move` of `person` to directly after `after`, recorded with who asked and when.
    fn add_move(&mut self, person: String, after: String, at: String) {
        let t = self.lang.texts();
        if person == after {
            self.notice(true, t.move_same);
            return;
        }
        let label = format!(
            "{}{} {} {}{}",
            t.did_move,
            self.name_of(&person),
            t.move_after,
            self.name_of(&after),
            t.move_after_end
        );
        let by = self.by();
        self.edit(
            label,
            Box::new(move |s| {
                s.instructions.push(Instruction {
                    person: Some(person),
                    after: Some(after),
                    ..recorded(Op::Move, by, at)
                });
                Ok(())
            }),
        );
    }

    /// An `exclude` for `person`, recorded with who asked and when like every instruction,
    /// or its removal.
    fn toggle_absent(&mut self, person: String, at: String) {
        let t = self.lang.texts();
        let name = self.name_of(&person);
        let existing = self
            .doc()
            .instructions
            .iter()
            .any(|i| i.op == Op::Exclude && i.person.as_deref() == Some(person.as_str()));
        let by = self.by();
        self.edit(
            format!("{}{name}", t.did_toggle_absent),
            Box::new(move |s| {
                if existing {
                    s.instructions
                        .retain(|x| !(x.op == Op::Exclude && x.person.as_deref() == Some(person.as_str())));
                } else {
                    s.instructions
                        .push(Instruction { person: Some(person), ..recorded(Op::Exclude, by, at) });
                }
                Ok(())
            }),
        );
    }

    /// How many go on the podium in a new pending import: what the one it replaces said.
    fn import_podium(&self) -> Option<usize> {
        self.pending.as_ref().and_then(|p| p.podium)
    }

    fn commit_import(&mut self, replace: bool) {
        let t = self.lang.texts();
        let Some(pending) = self.pending.clone() else { return };
        let table = match &pending.table {
            Ok(t) => t.clone(),
            Err(e) => {
                self.notice(true, e.clone());
                return;
            }
        };
        let doc = self.doc().clone();
        let existing: &[Unit] = if replace { &[] } else { &doc.units };
        let lang = self.lang.prose();
        let roster = match import::roster_in(&table, &pending.columns, existing, lang) {
            Ok(r) => r,
            Err(e) => {
                self.notice(true, format!("{}{}", t.import_failed, e.describe(lang)));
                return;
            }
        };
        let count = roster.people.len();
        let has_section = pending.columns.contains(&Field::Section);
        let seats: u32 = doc.podium.as_ref().map_or(0, |p| p.rows.iter().sum());
        let podium = match pending.podium {
            _ if has_section => 0,
            Some(n) => n,
            None if replace => seats as usize,
            None => 0,
        };
        let label = format!("{}{count}", if replace { t.did_import_replace } else { t.did_import_add });
        let ok = self.edit(
            label,
            Box::new(move |s| {
                let mut people = roster.people;
                if replace {
                    s.people.clear();
                    s.units = roster.units;
                    s.instructions.clear();
                } else {
                    // Generated ids (p{line}) may repeat ids already in the roster.
                    let mut taken: std::collections::HashSet<String> =
                        s.people.iter().map(|p| p.id.clone()).collect();
                    let mut next = s.people.len() + 1;
                    for p in &mut people {
                        if taken.contains(&p.id) {
                            while taken.contains(&format!("p{next}")) {
                                next += 1;
                            }
                            p.id = format!("p{next}");
                        }
                        taken.insert(p.id.clone());
                    }
                    s.units.extend(roster.units);
                }
                if podium > 0 {
                    // The most senior of the imported people, by the core's ranking.
                    import::to_podium(&mut people, &s.ranking, podium);
                    // Room on the podium for them and for those already there.
                    let seats: u32 = s.podium.as_ref().map_or(0, |p| p.rows.iter().sum());
                    let absent: std::collections::HashSet<&str> = (s.instructions.iter())
                        .filter(|i| i.op == Op::Exclude)
                        .filter_map(|i| i.person.as_deref())
                        .collect();
                    let already = (s.people.iter())
                        .filter(|p| p.section == Section::Podium && !absent.contains(p.id.as_str()))
                        .count();
                    let wanted = (already + podium) as u32;
                    if seats < wanted {
                        let rows = s.podium.get_or_insert(PodiumSpec { rows: Vec::new(), shrink: false });
                        if rows.rows.is_empty() {
                            rows.rows.push(wanted);
                        } else {
                            rows.rows[0] += wanted - seats;
                        }
                    }
                }
                s.people.extend(people);
                // Room in the hall for everyone else: more rows of the same width.
                let hall_people = s.people.iter().filter(|p| p.section == Section::Hall).count() as u32;
                if hall_people > 0 {
                    let h = s.hall.get_or_insert_with(|| new_scenario().hall.expect("default hall"));
                    if h.row_seats.is_empty() && h.floors.is_empty() && h.rows * h.seats < hall_people {
                        h.rows = hall_people.div_ceil(h.seats);
                    }
                }
                Ok(())
            }),
        );
        if ok {
            self.pending = None;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit { label, edit } => {
                s.edit(label, edit);
            }
            Action::Undo => s.step(true),
            Action::Redo => s.step(false),
            Action::Drop { person, to, at } => {
                s.picked = None;
                s.hand_move(person, to.clone(), at);
                s.selected = Some(to.into());
            }
            Action::DropFrom { from, to, at } => {
                s.picked = None;
                if let Some(person) = s.planned.occupant(&from).map(|o| o.id.clone()) {
                    s.hand_move(person, to.clone(), at);
                }
                s.selected = Some(to.into());
            }
            Action::ToggleLock { seat, at } => s.toggle_lock(seat, at),
            Action::ToggleReserve { seat, at } => s.toggle_reserve(seat, at),
            Action::ToggleAbsent { person, at } => s.toggle_absent(person, at),
            Action::AddMove { person, after, at } => s.add_move(person, after, at),
            Action::RemoveSeatInstruction { seat } => {
                let t = s.lang.texts();
                match s.planned.instruction_of(&seat) {
                    Some(k) => {
                        s.edit(
                            format!("{}{}", t.did_remove, k + 1),
                            Box::new(move |s| {
                                if k < s.instructions.len() {
                                    s.instructions.remove(k);
                                }
                                Ok(())
                            }),
                        );
                    }
                    None => s.notice(true, t.no_instruction_here),
                }
            }
            Action::NewDraft { name } => {
                let doc = new_draft_scenario(s.lang);
                s.add_draft(name, doc)
            }
            Action::OpenScenario { name, text } => match Scenario::from_json_in(&text, s.lang.prose()) {
                Ok(doc) => {
                    s.add_draft(name, doc);
                    let t = s.lang.texts();
                    s.notice(false, t.opened);
                }
                Err(e) => {
                    let t = s.lang.texts();
                    s.notice(true, format!("{}{}", t.open_failed, e.describe(s.lang.prose())));
                }
            },
            Action::SwitchDraft(i) => s.switch(i),
            Action::RenameDraft(i, name) => {
                if let Some(d) = Rc::make_mut(&mut s.drafts).get_mut(i) {
                    let name = name.trim();
                    if !name.is_empty() {
                        d.name = name.into();
                    }
                }
            }
            Action::DuplicateDraft(i, name) => {
                if let Some(d) = s.drafts.get(i) {
                    let doc = (*d.doc).clone();
                    s.add_draft(name, doc);
                }
            }
            Action::DeleteDraft(i) => {
                if i < s.drafts.len() {
                    let gone = Rc::make_mut(&mut s.drafts).remove(i);
                    Rc::make_mut(&mut s.deleted).push(gone.id);
                    if s.drafts.is_empty() {
                        let id = s.next_id();
                        let name = s.lang.texts().draft_default;
                        let doc = new_draft_scenario(s.lang);
                        Rc::make_mut(&mut s.drafts).push(Draft::new(id, name, doc));
                    }
                    let active = if s.active > i { s.active - 1 } else { s.active.min(s.drafts.len() - 1) };
                    s.switch(active);
                }
            }
            Action::Elsewhere(change) => s.take_from_elsewhere(change),
            Action::ImportText { source, encoding, text } => {
                s.clear_error_notice();
                if text.trim().is_empty() {
                    s.pending = None;
                } else {
                    let (podium, lang) = (s.import_podium(), s.lang.prose());
                    s.pending = Some(Rc::new(PendingImport::new(source, encoding, text, podium, lang)));
                }
            }
            Action::ImportWorkbook { source, bytes, sheet } => {
                let lang = s.lang.prose();
                match import::read_xlsx_sheet(&bytes, sheet, lang) {
                    Ok(import::SheetText { sheets, text }) => {
                        s.clear_error_notice();
                        let mut p = PendingImport::new(source, None, text, s.import_podium(), lang);
                        p.workbook = Some(bytes);
                        p.sheets = sheets;
                        p.sheet = sheet;
                        s.pending = Some(Rc::new(p));
                    }
                    Err(e) => s.notice(true, format!("{}{}", s.lang.texts().xlsx_failed, e.describe(lang))),
                }
            }
            Action::ImportColumn(c, field) => {
                if let Some(p) = &mut s.pending {
                    let p = Rc::make_mut(p);
                    if p.columns.len() <= c {
                        p.columns.resize(c + 1, Field::Ignore);
                    }
                    // A field goes to one column only.
                    if field != Field::Ignore {
                        for f in p.columns.iter_mut().filter(|f| **f == field) {
                            *f = Field::Ignore;
                        }
                    }
                    p.columns[c] = field;
                }
            }
            Action::ImportPodium(n) => {
                if let Some(p) = &mut s.pending {
                    Rc::make_mut(p).podium = n;
                }
            }
            Action::CommitImport { replace } => s.commit_import(replace),
            Action::DiscardImport => s.pending = None,
            Action::Select(id) => s.selected = id,
            Action::SelectPerson(person) => {
                let seat = s.planned.seat_of(&person).and_then(|seat| s.planned.by_id.get_key_value(seat));
                if let Some((id, _)) = seat {
                    s.selected = Some(id.clone());
                }
            }
            Action::Pick(id) => {
                s.picked = id.filter(|id| s.planned.seat(id).is_some_and(|b| b.person.is_some()));
            }
            Action::SetPart(part) => {
                s.part = part;
                s.selected = None;
                s.picked = None;
                s.replan();
            }
            Action::SetView(view) => {
                s.view = view;
                s.replan();
            }
            Action::SetLang(lang) => {
                s.lang = lang;
                s.replan();
            }
            Action::SetWho(who) => s.who = who.into(),
            Action::SetPage(page) => s.page = page,
            Action::Notify(n) => s.notice = n,
            Action::StorageError(e) => s.storage_error = e,
            Action::Panic => panic!("a panic on purpose (the error panel's test)"),
        }
        Rc::new(s)
    }
}

/// What components get to send actions: stable across renders, so props stay equal.
pub type Dispatch = yew::UseReducerDispatcher<State>;
