//! `cargo xtask ci`: every check CI runs, in order, stopping at the first failure.
//!
//! If this passes locally, `.ci/run` passes too (it only installs the tools first).

use anyhow::{bail, Context, Result};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{cargo, root, run, secs};

type Step = (&'static str, fn() -> Result<()>);

const STEPS: &[Step] = &[
    ("setup", || crate::setup::setup(true)),
    ("fmt", fmt),
    ("clippy", clippy),
    ("native-tests", native_tests),
    ("core-wasm32", core_wasm),
    ("core-docs", core_docs),
    ("dist", || crate::dist::dist().map(drop)),
    ("wasm-tests", crate::wasm_test::wasm_test),
    ("e2e", browser_tests),
];

/// Parses `--skip STEP` options (for local runs; CI runs every step).
pub fn parse_skips(args: &[String]) -> Result<Vec<&'static str>> {
    let mut skips = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let name = match arg.strip_prefix("--skip=") {
            Some(name) => name,
            None if arg == "--skip" => args.next().context("--skip needs a step name")?,
            None => bail!("unexpected argument `{arg}`; usage: cargo xtask ci [--skip STEP]..."),
        };
        match STEPS.iter().find(|(n, _)| *n == name) {
            Some((n, _)) => skips.push(*n),
            None => bail!(
                "no ci step `{name}`; steps: {}",
                STEPS.iter().map(|(n, _)| format!("`{n}`")).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    Ok(skips)
}

/// Runs all steps but `skips`; prints a timing table at the end, also after a failure.
pub fn ci(skips: &[&str]) -> Result<()> {
    let start = Instant::now();
    let mut done: Vec<(&str, Duration)> = Vec::new();
    for (name, step) in STEPS {
        if skips.contains(name) {
            eprintln!("\n==== xtask ci: {name}: SKIPPED (--skip) ====");
            continue;
        }
        eprintln!("\n==== xtask ci: {name} ====");
        let t = Instant::now();
        let result = step();
        done.push((name, t.elapsed()));
        if let Err(e) = result {
            summary(&done, start.elapsed());
            return Err(e.context(format!("ci step `{name}` failed")));
        }
    }
    summary(&done, start.elapsed());
    match skips.len() {
        0 => eprintln!("xtask ci: all {} steps passed", STEPS.len()),
        n => eprintln!("xtask ci: {} steps passed, {n} SKIPPED", STEPS.len() - n),
    }
    Ok(())
}

fn summary(done: &[(&str, Duration)], total: Duration) {
    eprintln!("\n==== xtask ci: timings ====");
    for (name, took) in done {
        eprintln!("  {name:<18} {:>9}", secs(*took));
    }
    eprintln!("  {:<18} {:>9}", "total", secs(total));
}

fn fmt() -> Result<()> {
    run(cargo().args(["fmt", "--all", "--", "--check"]))
        .context("code is not formatted: run `cargo fmt` on the files listed above")
}

/// Lints on every native target and on the page's wasm build, warnings as errors.
fn clippy() -> Result<()> {
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
        .context("clippy found the problems listed above")?;
    let target_dir = root().join("target").join("wasm");
    run(cargo()
        .args(["clippy", "-p", "seating-web", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target_dir)
        .args(["--", "-D", "warnings"]))
    .context("clippy found the problems listed above (seating-web on wasm32)")
}

fn native_tests() -> Result<()> {
    run(cargo().args(["test", "--workspace", "--exclude", "xtask", "--exclude", "seating-web"]))?;
    // The criterion benches are not test targets: at least they must keep compiling.
    run(cargo().args(["check", "--benches"]))
}

/// kurbo-style: the core must build for the browser (no threads, files or clocks).
fn core_wasm() -> Result<()> {
    let target_dir = root().join("target").join("wasm");
    run(cargo()
        .args(["check", "-p", "seating-core", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target_dir))
    .context(
        "seating-core must build for wasm32-unknown-unknown (`rustup target add wasm32-unknown-unknown`)",
    )
}

fn core_docs() -> Result<()> {
    run(cargo().args(["doc", "-p", "seating-core", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))
}

fn browser_tests() -> Result<()> {
    let root = root();
    if !root.join("node_modules/playwright-core").is_dir() {
        bail!("node_modules/playwright-core is missing: run `npm ci`");
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !std::path::Path::new(&chromium).exists() {
        bail!("{chromium} is missing: `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM)");
    }
    run(Command::new("node").current_dir(&root).args(["--test", "e2e/"]))
}
