//! Turns corpus files of the structured targets (`plan`, `export_svg`) into the scenario JSON
//! they stand for, so that interesting ones can be kept as plain test fixtures:
//! `cargo run --example dump_scenarios -- OUT_DIR corpus/plan/*` (from `fuzz/`).

use arbitrary::Unstructured;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: dump_scenarios OUT_DIR FILE…"));
    std::fs::create_dir_all(&out).unwrap();
    for path in args {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(v) = seating_fuzz::scenario(&mut Unstructured::new(&bytes)) else { continue };
        let name = std::path::Path::new(&path).file_name().unwrap().to_string_lossy().into_owned();
        std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }
}
