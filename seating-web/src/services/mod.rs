//! Browser access, kept out of the components (yew realworld style): storage, files,
//! downloads, printing, the clock and the panic panel.

pub mod clock;
pub mod dialogs;
pub mod download;
pub mod files;
pub mod frame;
pub mod locale;
pub mod panic;
pub mod perf;
pub mod print;
pub mod storage;
