//! Project automation in Rust (the `cargo xtask` pattern): build, serve, check and bench.
//!
//! `.cargo/config.toml` aliases `cargo xtask` to `cargo run --package xtask --`. The crate is
//! native only and not a default member, so a plain `cargo build` never compiles it.
//!
//! - `dist`: the web page into `dist/` (wasm build, wasm-bindgen, wasm-opt, index.html);
//! - `serve [--port N]`: `dist`, then serve `dist/` on 127.0.0.1 until Ctrl-C;
//! - `ci`: every check CI runs, in order, stopping at the first failure;
//! - `wasm-test`: `seating-web`'s wasm-bindgen tests in headless Chromium;
//! - `bench [ARGS]`: `cargo bench --bench plan [ARGS]`, then a summary of the figures and
//!   their budgets from criterion's files (`bench --summary`: the summary only).

mod bench;
mod ci;
mod dist;
mod serve;
mod setup;
mod wasm_test;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const HELP: &str = "\
cargo xtask COMMAND

Commands:
  dist                build the web page into dist/ (wasm-release, wasm-bindgen, wasm-opt -Oz)
  serve [--port N]    dist, then serve dist/ on http://127.0.0.1:N/ (default 8000) until Ctrl-C
  ci [--skip STEP]... every CI check in order: fmt, native-tests, core-wasm32, core-docs,
                      dist, wasm-tests, e2e (--skip is for local runs only)
  wasm-test           seating-web's #[wasm_bindgen_test]s in headless Chromium (chromedriver)
  bench [ARGS...]     cargo bench --bench plan [ARGS...], then the summary (ratios, budgets)
  bench --summary     only the summary of the last bench run (target/criterion)
  setup               install what is missing (wasm32 target, npm packages, chromium + fonts)
  help                this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => no_more_args(&args[1..]).and_then(|()| dist::dist()).map(drop),
        Some("serve") => parse_port(&args[1..]).and_then(serve::serve),
        Some("ci") => ci::parse_skips(&args[1..]).and_then(|skips| ci::ci(&skips)),
        Some("wasm-test") => no_more_args(&args[1..]).and_then(|()| wasm_test::wasm_test()),
        // Internal: cargo calls this as the wasm32 test runner during `wasm-test`.
        Some(wasm_test::RUNNER) => wasm_test::runner(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("setup") => no_more_args(&args[1..]).and_then(|()| setup::setup(true)),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn no_more_args(args: &[String]) -> Result<()> {
    match args.first() {
        Some(a) => bail!("unexpected argument `{a}`\n\n{HELP}"),
        None => Ok(()),
    }
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8000),
        [flag, n] if flag == "--port" => n.parse().with_context(|| format!("bad port `{n}`")),
        [arg] if arg.starts_with("--port=") => {
            let n = &arg["--port=".len()..];
            n.parse().with_context(|| format!("bad port `{n}`"))
        }
        _ => bail!("usage: cargo xtask serve [--port N]"),
    }
}

fn bench(args: &[String]) -> Result<()> {
    if args.first().is_some_and(|a| a == "--summary") {
        return no_more_args(&args[1..]).and_then(|()| bench::summary());
    }
    let mut cmd = cargo();
    cmd.args(["bench", "--bench", "plan"]).args(args);
    run(&mut cmd)?;
    bench::summary()
}

/// The workspace root (the parent of this crate's folder).
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

/// A `cargo` command run from the workspace root: the same cargo that started xtask.
pub(crate) fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// Runs a command, echoing it first; a non-zero exit is an error that quotes the command.
pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    eprintln!("$ {shown}");
    let status = cmd.status().with_context(|| format!("cannot start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

fn show(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            parts.push(format!("{}={}", k.to_string_lossy(), v.to_string_lossy()));
        }
    }
    let program = cmd.get_program().to_string_lossy();
    parts.push(Path::new(&*program).file_name().map_or(program.to_string(), |f| f.to_string_lossy().into()));
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Seconds with one decimal, for timing lines.
pub(crate) fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// Runs `f`, printing how long it took under `name`.
pub(crate) fn timed<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<(T, Duration)> {
    let start = Instant::now();
    let value = f()?;
    let took = start.elapsed();
    eprintln!("xtask: {name}: {}", secs(took));
    Ok((value, took))
}
