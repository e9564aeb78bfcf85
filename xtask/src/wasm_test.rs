//! `cargo xtask wasm-test`: `seating-web`'s `#[wasm_bindgen_test]`s in headless Chromium.
//!
//! cargo runs wasm32 test binaries through a runner; this xtask binary is that runner
//! (`xtask wasm-bindgen-test-runner …` calls wasm-bindgen's runner as a library), so no
//! `cargo install wasm-bindgen-cli` is needed and its version always equals Cargo.lock's.
//! The runner drives Chromium through `chromedriver` (Debian's `chromium-driver`).

use anyhow::{bail, Context, Result};
use std::ffi::OsString;

use crate::{cargo, root, run};

/// The hidden subcommand cargo calls as the wasm32 test runner.
pub const RUNNER: &str = "wasm-bindgen-test-runner";

/// Builds and runs the web crate's tests for wasm32 in headless Chromium.
pub fn wasm_test() -> Result<()> {
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if !std::path::Path::new(&chromedriver).exists() {
        bail!(
            "{chromedriver} is missing: `apt-get install -y chromium chromium-driver` (or set CHROMEDRIVER)"
        );
    }
    let me = std::env::current_exe().context("cannot find the xtask binary")?;
    let me = me.to_str().context("the xtask path is not UTF-8")?;
    if me.contains(char::is_whitespace) {
        bail!("cargo cannot use a test runner whose path has spaces: {me}");
    }
    let target_dir = root().join("target").join("wasm");
    // No `-q`: the runner rejects cargo's `--quiet` passed on to test binaries.
    run(cargo()
        .args(["test", "-p", "seating-web", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target_dir)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", format!("{me} {RUNNER}"))
        .env("CHROMEDRIVER", &chromedriver))
}

/// Runs wasm-bindgen's test runner with the arguments cargo gave (the test binary first).
pub fn runner(args: &[String]) -> Result<()> {
    let argv = std::iter::once(OsString::from(RUNNER)).chain(args.iter().map(OsString::from));
    wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(argv)
}
