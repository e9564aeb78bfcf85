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

/// Budget: the release wasm, gzipped.
const WASM_GZ: u64 = 350 * 1024;

/// Prints the summary; a missing or partial run is said, not an error.
pub fn summary() -> Result<()> {
    native()?;
    bundle()?;
    browser()
}

/// The release bundle in `dist/` (made by `cargo xtask dist`).
fn bundle() -> Result<()> {
    let wasm = root().join("dist/seating_web_bg.wasm");
    if !wasm.is_file() {
        println!("bundle: no {} (run `cargo xtask dist`)", wasm.display());
        return Ok(());
    }
    let size = crate::dist::Size::of(&wasm)?;
    println!("bundle ({}):", wasm.display());
    println!(
        "  seating_web_bg.wasm {:>9} bytes, {:>7} gzip -9 (budget ≤ {} KB gzipped: {})",
        size.raw,
        size.gz,
        WASM_GZ / 1024,
        verdict(size.gz <= WASM_GZ)
    );
    Ok(())
}

/// The browser figures of the last `node --test e2e/perf.test.mjs` run.
fn browser() -> Result<()> {
    let path = root().join("e2e/artifacts/perf.json");
    let Ok(text) = fs::read_to_string(&path) else {
        println!(
            "browser: no {} (run `node --test e2e/perf.test.mjs` after `cargo xtask dist`)",
            path.display()
        );
        return Ok(());
    };
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
    let num = |p: &str| v.pointer(p).and_then(serde_json::Value::as_f64);
    let show = |label: &str, p: &str, budget: Option<f64>| {
        let Some(x) = num(p) else {
            println!("  {label:<36} {:>12}", "(not in file)");
            return;
        };
        let note = budget.map_or(String::new(), |b| format!("(budget ≤ {b} ms: {})", verdict(x <= b)));
        println!("  {label:<36} {:>9.1} ms  {note}", x);
    };
    println!(
        "browser ({}, {}):",
        v["machine"].as_str().unwrap_or("unknown machine"),
        v["date"].as_str().unwrap_or("undated")
    );
    show("load → first diagram, median", "/load/medianFirstDiagramMs", Some(500.0));
    // Pointer up → the end of the first frame that shows the swap (paint included).
    show("drag-swap → repaint, median", "/swap/toShownFrameMedianMs", Some(16.0));
    show("drag-swap → repaint, p95", "/swap/toShownFrameP95Ms", Some(33.0));
    show("  of it re-plan (wasm), median", "/swap/replanMedianMs", None);
    show("  of it yew render, median", "/swap/splitMedianMs/yewRender", None);
    if let Some(mem) = v.pointer("/memory") {
        println!("  memory after {} edits: {}", mem["edits"], mem);
    }
    Ok(())
}

/// Criterion's figures, with plan ÷ sort and the SVG budget.
fn native() -> Result<()> {
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
