//! The browser's own dialogs.

/// `window.confirm(message)`; `true` when there is no window to ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_none_or(|w| w.confirm_with_message(message).unwrap_or(true))
}
