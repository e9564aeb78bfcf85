//! Autosave in `localStorage`: one key per draft (the scenario JSON, exactly the file
//! format) and an index of drafts.
//!
//! Keys: `seating.v1.index` → `{"format":"seating-web/1","active":"d2","drafts":[{"id":"d1",
//! "name":"…"}],"lang":"zh-Hans","who":"…"}`; `seating.v1.draft.<id>` → scenario JSON. A
//! draft that cannot be read back is kept under `seating.v1.broken.<id>` and reported, never
//! silently dropped.

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
    for entry in index.drafts {
        let key = format!("{DRAFT_PREFIX}{}", entry.id);
        let Some(text) = store.get_item(&key).ok().flatten() else {
            loaded.problems.push((entry.name, "missing from storage".into()));
            continue;
        };
        match seating_core::Scenario::from_json(&text) {
            Ok(doc) => {
                if entry.id == index.active {
                    loaded.active = loaded.drafts.len();
                }
                loaded.drafts.push(Draft::new(entry.id, entry.name, doc));
            }
            Err(e) => {
                let _ = store.set_item(&format!("{BROKEN_PREFIX}{}", entry.id), &text);
                loaded.problems.push((entry.name, e.to_string()));
            }
        }
    }
    loaded
}

/// Saves one draft's scenario JSON.
pub fn save_draft(id: &str, json: &str) -> Result<(), SaveError> {
    storage()?.set_item(&format!("{DRAFT_PREFIX}{id}"), json).map_err(classify)
}

/// Saves the index, then removes draft keys it no longer lists.
pub fn save_index(drafts: &[Draft], active: usize, lang: Lang, who: &str) -> Result<(), SaveError> {
    let store = storage()?;
    let index = Index {
        format: "seating-web/1".into(),
        active: drafts.get(active).map(|d| d.id.to_string()).unwrap_or_default(),
        drafts: drafts.iter().map(|d| Entry { id: d.id.to_string(), name: d.name.to_string() }).collect(),
        lang: Some(lang.code().to_string()),
        who: who.to_string(),
    };
    let json = serde_json::to_string(&index).map_err(|e| SaveError::Unavailable(e.to_string()))?;
    store.set_item(INDEX_KEY, &json).map_err(classify)?;
    let len = store.length().unwrap_or(0);
    let mut stale = Vec::new();
    for k in 0..len {
        if let Ok(Some(key)) = store.key(k) {
            if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                if !drafts.iter().any(|d| &*d.id == id) {
                    stale.push(key.clone());
                }
            }
        }
    }
    for key in stale {
        let _ = store.remove_item(&key);
    }
    Ok(())
}
