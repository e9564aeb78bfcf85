//! The local date and time, as written on an instruction ("2026-11-28 14:05").

/// Now, local time, `YYYY-MM-DD HH:MM`.
pub fn now() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}
