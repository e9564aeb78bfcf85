//! Autosave in `localStorage`: one key per draft (the scenario JSON, exactly the file
//! format) and an index of drafts.
//!
//! Keys: `seating.v1.index` → `{"format":"seating-web/1","active":"d2","drafts":[{"id":"d1",
//! "name":"…"}],"lang":"zh-Hans","who":"…"}`; `seating.v1.draft.<id>` → scenario JSON. A
//! draft that cannot be read back is kept under `seating.v1.broken.<id>` and reported, never
//! silently dropped.
//!
//! Several tabs share the storage, and none may lose what another saved:
//! - each tab hears the others' saves ([`listen`], the `storage` event) and takes them into
//!   its own state;
//! - a tab writes a draft only when it changed it since it last read or wrote it (by the
//!   draft's version), and writes a draft's name only when it renamed it (otherwise the
//!   index keeps the name stored): a tab that has not yet heard of another's save never
//!   writes its stale copy over it;
//! - ids of new drafts carry a per-tab tag, so two tabs never make the same id;
//! - the index keeps the drafts other tabs listed, and a tab removes only the drafts it
//!   deleted itself;
//! - [`load`] takes back any stored draft the index does not list.

use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;
use crate::state::Draft;

/// The index key.
pub const INDEX_KEY: &str = "seating.v1.index";
/// Prefix of draft keys.
pub const DRAFT_PREFIX: &str = "seating.v1.draft.";
const BROKEN_PREFIX: &str = "seating.v1.broken.";

#[derive(Serialize, Deserialize, Default)]
struct Index {
    format: String,
    active: String,
    drafts: Vec<Entry>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    who: String,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    id: String,
    name: String,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The browser's storage quota is used up.
    Quota,
    /// No storage (private mode, disabled) or another failure, with the browser's message.
    Unavailable(String),
}

/// What was found in storage.
pub struct Loaded {
    /// The drafts that could be read, in the index's order.
    pub drafts: Vec<Draft>,
    /// Index of the active draft.
    pub active: usize,
    /// The language chosen last time.
    pub lang: Option<Lang>,
    /// The default "who asked" for hand edits.
    pub who: String,
    /// `(draft name, error)` of drafts that could not be read (kept under a backup key).
    pub problems: Vec<(String, String)>,
}

fn storage() -> Result<web_sys::Storage, SaveError> {
    let window = web_sys::window().ok_or_else(|| SaveError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(SaveError::Unavailable("localStorage is not available".into())),
        Err(e) => Err(classify(e)),
    }
}

fn classify(e: JsValue) -> SaveError {
    let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
    let message = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    if name == "QuotaExceededError" || message.to_lowercase().contains("quota") {
        SaveError::Quota
    } else {
        SaveError::Unavailable(message)
    }
}

thread_local! {
    /// Per draft id, what this tab last read from or wrote to storage: the draft's version
    /// then, and the name it had in this tab then. (A list: a tab has a few drafts.)
    static SYNCED: std::cell::RefCell<Vec<(String, u64, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn synced(id: &str) -> Option<(u64, String)> {
    SYNCED.with(|s| s.borrow().iter().find(|e| e.0 == id).map(|e| (e.1, e.2.clone())))
}

fn set_synced(id: &str, version: Option<u64>, name: Option<&str>) {
    SYNCED.with(|s| {
        let mut s = s.borrow_mut();
        let k = match s.iter().position(|e| e.0 == id) {
            Some(k) => k,
            None => {
                s.push((id.to_string(), u64::MAX, String::new()));
                s.len() - 1
            }
        };
        if let Some(v) = version {
            s[k].1 = v;
        }
        if let Some(n) = name {
            s[k].2 = n.to_string();
        }
    })
}

/// Whether version `version` of draft `id` is not yet in storage as far as this tab knows.
pub fn needs_save(id: &str, version: u64) -> bool {
    synced(id).is_none_or(|(v, _)| v != version)
}

/// A change another tab made to the stored drafts.
pub enum Change {
    /// A draft this tab may have was saved: its id and scenario JSON.
    Draft { id: String, text: String },
    /// A draft was deleted.
    Removed { id: String },
    /// The index was saved: every draft's id, name and scenario JSON (if stored), in order.
    Index { drafts: Vec<(String, String, Option<String>)> },
}

/// Calls `on_change` with every change another tab makes to the drafts, while the returned
/// listener lives.
pub fn listen(on_change: impl Fn(Change) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
        let Some(key) = e.key() else { return };
        let Ok(store) = storage() else { return };
        if key == INDEX_KEY {
            let Some(index) = e.new_value().and_then(|v| serde_json::from_str::<Index>(&v).ok()) else {
                return;
            };
            let drafts = (index.drafts.into_iter())
                .map(|d| {
                    let text = store.get_item(&format!("{DRAFT_PREFIX}{}", d.id)).ok().flatten();
                    (d.id, d.name, text)
                })
                .collect();
            on_change(Change::Index { drafts });
        } else if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
            let id = id.to_string();
            // A new draft comes with the index, which names it.
            match e.new_value() {
                Some(text) => on_change(Change::Draft { id, text }),
                None => on_change(Change::Removed { id }),
            }
        }
    })
}

fn read_index(store: &web_sys::Storage) -> Option<Index> {
    serde_json::from_str(&store.get_item(INDEX_KEY).ok().flatten()?).ok()
}

/// The ids of the stored drafts (their keys), in storage order.
fn stored_ids(store: &web_sys::Storage) -> Vec<String> {
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|k| store.key(k).ok().flatten())
        .filter_map(|key| key.strip_prefix(DRAFT_PREFIX).map(str::to_string))
        .collect()
}

/// Reads every draft back. Nothing stored gives no drafts.
pub fn load() -> Loaded {
    let mut loaded =
        Loaded { drafts: Vec::new(), active: 0, lang: None, who: String::new(), problems: Vec::new() };
    let Ok(store) = storage() else { return loaded };
    let Some(index) = store.get_item(INDEX_KEY).ok().flatten() else { return loaded };
    let index: Index = match serde_json::from_str(&index) {
        Ok(i) => i,
        Err(e) => {
            let _ = store.set_item(&format!("{BROKEN_PREFIX}index"), &index);
            loaded.problems.push((INDEX_KEY.into(), e.to_string()));
            return loaded;
        }
    };
    loaded.lang = index.lang.as_deref().and_then(Lang::from_code);
    loaded.who = index.who;
    // A stored draft the index does not list (its tab's index was overwritten before it
    // heard of it) is taken back, named after its meeting (below).
    let mut entries: Vec<(String, Option<String>)> =
        index.drafts.into_iter().map(|e| (e.id, Some(e.name))).collect();
    for id in stored_ids(&store) {
        if !entries.iter().any(|e| e.0 == id) {
            entries.push((id, None));
        }
    }
    for (id, name) in entries {
        let key = format!("{DRAFT_PREFIX}{id}");
        let Some(text) = store.get_item(&key).ok().flatten() else {
            loaded.problems.push((name.unwrap_or(id), "missing from storage".into()));
            continue;
        };
        match seating_core::Scenario::from_json(&text) {
            Ok(doc) => {
                let title = (!doc.meeting.title.trim().is_empty()).then(|| doc.meeting.title.clone());
                let name = name.or(title).unwrap_or_else(|| id.clone());
                set_synced(&id, Some(0), Some(&name));
                if id == index.active {
                    loaded.active = loaded.drafts.len();
                }
                loaded.drafts.push(Draft::new(id, name, doc));
            }
            Err(e) => {
                let _ = store.set_item(&format!("{BROKEN_PREFIX}{id}"), &text);
                loaded.problems.push((name.unwrap_or(id), e.to_string()));
            }
        }
    }
    loaded
}

/// Saves version `version` of one draft (its scenario JSON).
pub fn save_draft(id: &str, version: u64, json: &str) -> Result<(), SaveError> {
    storage()?.set_item(&format!("{DRAFT_PREFIX}{id}"), json).map_err(classify)?;
    set_synced(id, Some(version), None);
    Ok(())
}

/// Saves the index: this tab's drafts, then those another tab listed that this tab has not
/// heard of yet (and did not delete). Removes the drafts this tab deleted.
pub fn save_index(
    drafts: &[Draft],
    deleted: &[std::rc::Rc<str>],
    active: usize,
    lang: Lang,
    who: &str,
) -> Result<(), SaveError> {
    let store = storage()?;
    let stored = read_index(&store).map(|i| i.drafts).unwrap_or_default();
    // A name this tab did not change since it last synced it: the stored one, which another
    // tab may have changed since.
    let name = |d: &Draft| match (synced(&d.id), stored.iter().find(|e| *e.id == *d.id)) {
        (Some((_, was)), Some(e)) if was == *d.name => e.name.clone(),
        _ => d.name.to_string(),
    };
    let mut entries: Vec<Entry> =
        drafts.iter().map(|d| Entry { id: d.id.to_string(), name: name(d) }).collect();
    let ids = stored_ids(&store);
    let mine = |id: &str| drafts.iter().any(|d| &*d.id == id) || deleted.iter().any(|d| &**d == id);
    for e in stored {
        if !mine(&e.id) && ids.contains(&e.id) {
            entries.push(e);
        }
    }
    let index = Index {
        format: "seating-web/1".into(),
        active: drafts.get(active).map(|d| d.id.to_string()).unwrap_or_default(),
        drafts: entries,
        lang: Some(lang.code().to_string()),
        who: who.to_string(),
    };
    let json = serde_json::to_string(&index).map_err(|e| SaveError::Unavailable(e.to_string()))?;
    store.set_item(INDEX_KEY, &json).map_err(classify)?;
    for d in drafts {
        set_synced(&d.id, None, Some(&d.name));
    }
    for id in deleted {
        if !drafts.iter().any(|d| d.id == *id) {
            let _ = store.remove_item(&format!("{DRAFT_PREFIX}{id}"));
        }
    }
    Ok(())
}
