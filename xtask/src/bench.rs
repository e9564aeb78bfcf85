//! `cargo xtask bench`'s summary: the figures of the last `cargo bench --bench plan` run, read
//! from criterion's files (`target/criterion/**/new/{benchmark,estimates}.json`), with the
//! ratios and budgets of issue 6. Times are criterion's median estimate.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::root;

/// Budget: plan ≤ this many times the sort baseline.
const PLAN_RATIO: f64 = 3.0;
/// Budget for the 10,000-seat SVG chart: time (ns) and size (bytes).
const SVG_NS: f64 = 20e6;
const SVG_BYTES: u64 = 3_000_000;

struct Figure {
    median_ns: f64,
    bytes: Option<u64>,
}

/// Prints the summary; a missing or partial run is said, not an error.
pub fn summary() -> Result<()> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let dir = target.join("criterion");
    let mut figures = BTreeMap::new();
    if dir.is_dir() {
        collect(&dir, &mut figures)?;
    }
    if figures.is_empty() {
        println!("bench: no results in {} (run `cargo xtask bench`)", dir.display());
        return Ok(());
    }
    let get = |id: &str| figures.get(id).map(|f: &Figure| f.median_ns);
    println!("bench summary ({}; medians):", dir.display());
    println!("  {:<36} {:>12}  note", "benchmark", "median");
    for (id, f) in &figures {
        let mut note = String::new();
        if let Some(bytes) = f.bytes {
            note = format!("{bytes} bytes");
        }
        let parts: Vec<&str> = id.split('/').collect();
        if let ["plan", "plan", n] = parts[..] {
            if let Some(base) = get(&format!("plan/sort-baseline/{n}")) {
                let r = f.median_ns / base;
                note =
                    format!("{r:.1}× sort-baseline (budget ≤ {PLAN_RATIO}×: {})", verdict(r <= PLAN_RATIO));
            }
            if let Some(floor) = get(&format!("plan/output-floor/{n}")) {
                note.push_str(&format!("; {:.1}× output-floor", f.median_ns / floor));
            }
        }
        if let ["strokes", name] = parts[..] {
            if name.starts_with("precedence") {
                if let Some(base) = get("strokes/sort-baseline-10000") {
                    note = format!("{:.1}× sort-baseline", f.median_ns / base);
                }
            }
        }
        if id == "chart/svg/10000" {
            let size_ok = f.bytes.is_some_and(|b| b <= SVG_BYTES);
            note.push_str(&format!(
                " (budget ≤ 20 ms and ≤ 3 MB: {})",
                verdict(f.median_ns <= SVG_NS && size_ok)
            ));
        }
        println!("  {:<36} {:>12}  {note}", id, ms(f.median_ns));
    }
    Ok(())
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "OVER"
    }
}

fn ms(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

/// Every `new/benchmark.json` under `dir`, by criterion's full id.
fn collect(dir: &Path, out: &mut BTreeMap<String, Figure>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "new") {
            let bench = path.join("benchmark.json");
            let est = path.join("estimates.json");
            if bench.is_file() && est.is_file() {
                let b: serde_json::Value = serde_json::from_str(&fs::read_to_string(&bench)?)
                    .with_context(|| format!("reading {}", bench.display()))?;
                let e: serde_json::Value = serde_json::from_str(&fs::read_to_string(&est)?)
                    .with_context(|| format!("reading {}", est.display()))?;
                let (Some(id), Some(median_ns)) =
                    (b["full_id"].as_str(), e["median"]["point_estimate"].as_f64())
                else {
                    continue;
                };
                let bytes = b["throughput"]["Bytes"].as_u64();
                out.insert(id.to_string(), Figure { median_ns, bytes });
            }
        } else {
            collect(&path, out)?;
        }
    }
    Ok(())
}
