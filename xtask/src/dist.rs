//! `cargo xtask dist`: the web page, ready to serve, in `dist/`.
//!
//! 1. `seating-web` for `wasm32-unknown-unknown`, profile `wasm-release`, in its own target
//!    dir `target/wasm` (native builds keep their lock and artifacts);
//! 2. wasm-bindgen as a library (`--target web` output, default module path kept);
//! 3. `wasm-opt -Oz` from the npm `binaryen` package when `node_modules/.bin/wasm-opt` exists
//!    (Debian's binaryen is too old to read current Rust output, so PATH is not searched);
//! 4. `index.html`, `seating-web/static/*` and `examples/*.html` (into `dist/examples/`);
//! 5. a size table, raw and gzipped.

use anyhow::{bail, Context, Result};
use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, root, run, timed};

/// The wasm-bindgen version xtask's library is built from; must equal the one in Cargo.lock.
const BINDGEN_CRATE: &str = "wasm-bindgen-cli-support";

/// Builds `dist/` and returns its path.
pub fn dist() -> Result<PathBuf> {
    let root = root();
    let dist = root.join("dist");
    check_bindgen_versions(&root)?;
    crate::setup::setup(false)?;

    let target_dir = root.join("target").join("wasm");
    timed("wasm build", || {
        run(cargo()
            .args(["build", "-p", "seating-web", "--target", "wasm32-unknown-unknown"])
            .args(["--profile", "wasm-release", "--target-dir"])
            .arg(&target_dir))
    })?;
    let wasm = target_dir.join("wasm32-unknown-unknown/wasm-release/seating_web.wasm");

    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("cannot clear {}", dist.display()))?;
    }
    fs::create_dir_all(&dist)?;

    timed("wasm-bindgen", || {
        wasm_bindgen_cli_support::Bindgen::new()
            .input_path(&wasm)
            .web(true)?
            .typescript(false)
            // The library defaults this to true (the CLI to false): without the default URL,
            // `init()` cannot find the .wasm and the page stays blank.
            .omit_default_module_path(false)
            .generate(&dist)
            .with_context(|| format!("wasm-bindgen on {}", wasm.display()))
    })?;
    let bg = dist.join("seating_web_bg.wasm");
    if !bg.is_file() || !dist.join("seating_web.js").is_file() {
        bail!("wasm-bindgen did not write seating_web.js and seating_web_bg.wasm into {}", dist.display());
    }
    let before = Size::of(&bg)?;

    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    let after = if wasm_opt.is_file() {
        timed("wasm-opt -Oz", || {
            let tmp = dist.join("seating_web_bg.opt.wasm");
            let mut opt = Command::new(&wasm_opt);
            // Function names kept, for a CPU profile of the page in Chromium's profiler.
            if std::env::var_os("SEATING_WASM_NAMES").is_some() {
                opt.arg("-g");
            }
            run(opt.arg("-Oz").arg(&bg).arg("-o").arg(&tmp))?;
            fs::rename(&tmp, &bg)?;
            Ok(())
        })?;
        Some(Size::of(&bg)?)
    } else {
        eprintln!("xtask: note: {} not found (run `npm ci`), skipping wasm-opt", wasm_opt.display());
        None
    };

    copy_file(&root.join("index.html"), &dist.join("index.html"))?;
    let statics = root.join("seating-web/static");
    if statics.is_dir() {
        copy_dir(&statics, &dist)?;
    }
    let examples = root.join("examples");
    if examples.is_dir() {
        for entry in fs::read_dir(&examples)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "html") {
                fs::create_dir_all(dist.join("examples"))?;
                copy_file(&path, &dist.join("examples").join(path.file_name().unwrap()))?;
            }
        }
    }

    println!("dist: {}", dist.display());
    println!("  {:<28} {:>10} {:>10}", "file", "bytes", "gzip -9");
    match after {
        Some(after) => {
            println!("  {:<28} {:>10} {:>10}", "seating_web_bg.wasm (bindgen)", before.raw, before.gz);
            println!("  {:<28} {:>10} {:>10}", "seating_web_bg.wasm (-Oz)", after.raw, after.gz);
        }
        None => println!("  {:<28} {:>10} {:>10}", "seating_web_bg.wasm", before.raw, before.gz),
    }
    let mut files = Vec::new();
    list_files(&dist, &mut files)?;
    files.sort();
    for file in files.iter().filter(|f| !f.ends_with("seating_web_bg.wasm")) {
        let size = Size::of(file)?;
        let name = file.strip_prefix(&dist).unwrap_or(file).display().to_string();
        println!("  {:<28} {:>10} {:>10}", name, size.raw, size.gz);
    }
    Ok(dist)
}

/// Refuses to run when wasm-bindgen (in seating-web) and xtask's cli-support differ:
/// the generated glue only fits the exact version it was made by.
fn check_bindgen_versions(root: &Path) -> Result<()> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let versions = |name: &str| -> Vec<String> {
        let mut found = Vec::new();
        let mut lines = lock.lines();
        while let Some(line) = lines.next() {
            if line.trim() == format!("name = \"{name}\"") {
                if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                    found.push(v.trim_matches('"').to_string());
                }
            }
        }
        found
    };
    let lib = versions("wasm-bindgen");
    let cli = versions(BINDGEN_CRATE);
    if lib.is_empty() || cli.is_empty() {
        // First build: Cargo.lock does not list them yet; cargo resolves both right after.
        return Ok(());
    }
    if lib.len() != 1 || lib != cli {
        bail!(
            "Cargo.lock has wasm-bindgen {lib:?} but {BINDGEN_CRATE} {cli:?}: they must be one \
             and the same version; pin both with `=` (seating-web/Cargo.toml, xtask/Cargo.toml)"
        );
    }
    Ok(())
}

/// A file's size, raw and `gzip -9`.
pub(crate) struct Size {
    pub(crate) raw: u64,
    pub(crate) gz: u64,
}

impl Size {
    pub(crate) fn of(path: &Path) -> Result<Size> {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes)?;
        Ok(Size { raw: bytes.len() as u64, gz: gz.finish()?.len() as u64 })
    }
}

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to).with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&dest)?;
            copy_dir(&entry.path(), &dest)?;
        } else {
            copy_file(&entry.path(), &dest)?;
        }
    }
    Ok(())
}

fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            list_files(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}
