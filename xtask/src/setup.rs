//! `cargo xtask setup`: installs what the build and the tests need when it is missing, so
//! that `cargo xtask ci` and `cargo xtask serve` work on a fresh machine. Idempotent: every
//! step is skipped when its tool is already there. `ci` and `dist` run it first.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

use crate::{root, run};

/// Everything: the wasm32 target and npm packages always; clippy and Debian packages only
/// for tests.
pub fn setup(for_tests: bool) -> Result<()> {
    wasm_target()?;
    npm_packages()?;
    if for_tests {
        clippy_component()?;
        system_packages()?;
    }
    Ok(())
}

/// `rustup component add clippy` when `cargo clippy` is missing (the `clippy` ci step).
fn clippy_component() -> Result<()> {
    let present =
        Command::new("cargo").args(["clippy", "--version"]).output().is_ok_and(|o| o.status.success());
    if present {
        return Ok(());
    }
    run(Command::new("rustup").args(["component", "add", "clippy"]))
        .context("clippy is missing and `rustup component add clippy` failed")
}

fn wasm_target() -> Result<()> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match out {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") => {
            Ok(())
        }
        Ok(_) => run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
        Err(_) => {
            eprintln!(
                "xtask setup: rustup not found; assuming the wasm32-unknown-unknown target is installed"
            );
            Ok(())
        }
    }
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn npm_packages() -> Result<()> {
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&marker), std::fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if Command::new("npm").arg("--version").output().is_err() {
        eprintln!("xtask setup: npm not found; wasm-opt and the browser tests need node and npm");
        return Ok(());
    }
    run(Command::new("npm").current_dir(&root).args(["ci", "--no-audit", "--no-fund"]))
        .context("npm ci failed (the npm registry must be reachable)")
}

/// Debian's chromium, chromium-driver and CJK fonts for the browser tests.
fn system_packages() -> Result<()> {
    let mut missing = Vec::new();
    if !Path::new("/usr/bin/chromium").exists() {
        missing.push("chromium");
    }
    if !Path::new("/usr/bin/chromedriver").exists() {
        missing.push("chromium-driver");
    }
    let fonts = Command::new("dpkg").args(["-s", "fonts-noto-cjk"]).output();
    if !matches!(fonts, Ok(o) if o.status.success()) {
        missing.push("fonts-noto-cjk");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let root_user =
        Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false);
    let apt = |args: &[&str]| -> Result<()> {
        let mut cmd = if root_user { Command::new("apt-get") } else { Command::new("sudo") };
        if !root_user {
            cmd.arg("apt-get");
        }
        run(cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    eprintln!("xtask setup: installing {}", missing.join(", "));
    apt(&["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend(&missing);
    apt(&args)
        .or_else(|e| bail!("could not install {} ({e:#}); install them and run again", missing.join(" ")))
}
