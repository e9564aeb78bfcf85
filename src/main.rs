//! The `seating` command line: plan, validate and export `seating/1` scenario files.
//!
//! All file and terminal access of the project's native tools lives here; the planning
//! itself is `seating-core`.

use std::io::{Read, Write};
use std::process::ExitCode;

use seating_core::Scenario;

mod export;
mod pdf;

const USAGE: &str = "\
seating — official-protocol seating (座次) from a rank list

USAGE:
    seating plan FILE|-          plan a scenario, print the seating-plan/1 JSON on stdout
    seating validate FILE|-      check a scenario; print diagnostics, exit 1 if invalid
    seating schema               print the JSON Schema of the scenario format
    seating chart FILE -o OUT.svg|OUT.pdf [PAGE] [--part P] [--podium-view] [--against OLD [--keep]]
                                 the printed seating chart (座次圖), one SVG page; --part
                                 venue (podium and hall), banquet (桌次圖), lineup:N
                                 (站位圖) or bilateral:N (會談、簽字、會見; default: the
                                 venue, else what the file has)
    seating cards FILE -o OUT.svg|OUT.html|OUT.pdf [--paper a4|a3] [--all|--podium] [--part P]
                                 name cards (席卡), two tent cards per page; several
                                 pages go to OUT-1.svg, OUT-2.svg, … or one OUT.html
    seating list FILE -o OUT.csv|OUT.xlsx
                                 sign-in list (簽到表): 序號 姓名 職務 單位 座位 簽到
    seating diff OLD NEW [-o OUT.txt|OUT.svg|OUT.pdf] [--keep] [PAGE] [--podium-view]
                                 what changed from draft OLD to draft NEW (text on
                                 stdout without -o; .svg is NEW's chart, changes marked)
    seating import ROSTER [-o OUT.json] [--podium N]
                                 a starting scenario from a roster table: .xlsx or .xls
                                 (the first visible sheet), CSV, or tab-separated text, with
                                 a header row (姓名 職務 單位 排序 區域 …, under up to
                                 three title rows); without a 區域 column the N most
                                 senior (default 0) go on the podium
    seating help                 this text

--lang zh|en (any command): write the plan's reasons and diagnostics in Chinese (in the
file's meeting.script) or English, whatever the file's meeting.language says; input
errors too (in 繁體).

PAGE options: --paper a4|a3 (default a4), --portrait | --landscape (default: by the
shape of the diagram), --binding MM (binding margin, default 25), --no-sign-off.
--against OLD: mark the changes since scenario OLD on the chart; with --keep, plan FILE
in keep mode (approved hall seats stay, the podium is re-planned; see `seating-core`
diff module). `chart`, `cards` and `list` also take --keep with --against.

FILE is a seating/1 scenario (see SCENARIO.md); - reads standard input.
Exit status: 0 plan produced (with or without diagnostics), 1 invalid input, 2 usage error.
";

/// A failure the user can act on: what went wrong and the exit code.
pub(crate) struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure { message: format!("{}\n\n{USAGE}", message.into()), code: 2 }
    }
    pub(crate) fn input(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), code: 1 }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("seating: {}", f.message.trim_end());
            ExitCode::from(f.code)
        }
    }
}

/// `--lang`: the language of reasons and diagnostics for every scenario read (set once,
/// before any is read).
static LANGUAGE: std::sync::OnceLock<seating_core::Language> = std::sync::OnceLock::new();

/// The language of input errors: English unless `--lang zh` (then in 繁體, the format's
/// default script; a file that cannot be read has no `meeting.script` to follow).
fn error_lang() -> seating_core::Lang {
    match LANGUAGE.get() {
        Some(&language) => seating_core::Lang { language, script: seating_core::Script::Traditional },
        None => seating_core::Lang::EN,
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let mut args = args.to_vec();
    if let Some(at) = args.iter().position(|a| a == "--lang") {
        let v = args.get(at + 1).ok_or_else(|| Failure::usage("--lang: expected zh or en"))?;
        let language = match v.as_str() {
            "zh" => seating_core::Language::Zh,
            "en" => seating_core::Language::En,
            other => return Err(Failure::usage(format!("--lang: expected zh or en, got {other:?}"))),
        };
        let _ = LANGUAGE.set(language);
        args.drain(at..at + 2);
    }
    let args = &args[..];
    let Some(cmd) = args.first() else { return Err(Failure::usage("no command given")) };
    let rest = &args[1..];
    match cmd.as_str() {
        "plan" => {
            let (name, scenario) = load(one_file(rest)?)?;
            let _ = name;
            let plan = seating_core::plan(&scenario);
            write_stdout(&(plan.to_json() + "\n"))
        }
        "validate" => {
            let (name, scenario) = load(one_file(rest)?)?;
            let plan = seating_core::plan(&scenario);
            let mut out = format!(
                "{name}: valid {} with {} people, {} instructions\n",
                seating_core::FORMAT,
                scenario.people.len(),
                scenario.instructions.len()
            );
            for d in &plan.diagnostics {
                let level = match d.level {
                    seating_core::Level::Error => "error",
                    seating_core::Level::Warning => "warning",
                    seating_core::Level::Info => "info",
                };
                out.push_str(&format!("{level}[{}]: {}\n", d.code, d.message));
            }
            write_stdout(&out)
        }
        "schema" => write_stdout(&(seating_core::json_schema() + "\n")),
        "chart" | "cards" | "list" | "diff" => export::run(cmd, rest),
        "import" => import(rest),
        "help" | "--help" | "-h" => write_stdout(USAGE),
        "--version" | "-V" => write_stdout(&format!("seating {}\n", env!("CARGO_PKG_VERSION"))),
        other => Err(Failure::usage(format!("unknown command {other:?}"))),
    }
}

/// `seating import ROSTER [-o OUT.json] [--podium N]`.
fn import(rest: &[String]) -> Result<(), Failure> {
    let (mut file, mut out, mut podium) = (None, None, 0usize);
    let mut args = rest.iter();
    while let Some(a) = args.next() {
        let mut value = |flag: &str| {
            args.next().cloned().ok_or_else(|| Failure::usage(format!("{flag}: expected a value")))
        };
        match a.as_str() {
            "-o" | "--output" => out = Some(value("-o")?),
            "--podium" => {
                let v = value("--podium")?;
                podium = v.parse().map_err(|_| {
                    Failure::usage(format!("--podium: expected a number of people, got {v:?}"))
                })?;
            }
            f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_string()),
            other => return Err(Failure::usage(format!("import: unexpected argument {other:?}"))),
        }
    }
    let path = file.ok_or_else(|| Failure::usage("import: missing ROSTER (an .xlsx, .csv or .tsv file)"))?;
    let (name, bytes) = read_bytes(&path)?;
    let lang = error_lang();
    let fail = |e: seating_core::Error| Failure::input(format!("{name}: {}", e.describe(lang)));
    if let Some(e) = seating_core::import::not_a_table(&bytes, lang) {
        return Err(fail(e));
    }
    let text = if seating_core::import::is_workbook(&bytes) {
        seating_core::import::read_xlsx_in(&bytes, lang).map_err(fail)?
    } else {
        seating_core::import::decode(&bytes).map_err(fail)?
    };
    let table = seating_core::import::parse_table_in(&text, lang).map_err(fail)?;
    let mut scenario = seating_core::import::scenario(&table, podium, lang).map_err(fail)?;
    if let Some(&language) = LANGUAGE.get() {
        scenario.meeting.language = language;
    }
    let json = scenario.to_json() + "\n";
    let on_podium = scenario.people.iter().filter(|p| p.section == seating_core::Section::Podium).count();
    let summary = format!(
        "{name}: {} people ({on_podium} on the podium), {} units",
        scenario.people.len(),
        scenario.units.len()
    );
    match out.filter(|o| o != "-") {
        Some(out) => {
            export::expect_ext("import", &export::extension(&out), &["json"])?;
            write_file(&out, json.as_bytes(), &[&path])?;
            eprintln!("{summary} → {out}");
            Ok(())
        }
        None => {
            eprintln!("{summary}");
            write_stdout(&json)
        }
    }
}

fn one_file(rest: &[String]) -> Result<&str, Failure> {
    match rest {
        [f] => Ok(f),
        [] => Err(Failure::usage("missing FILE (use - for standard input)")),
        _ => Err(Failure::usage(format!("expected one FILE, got {}", rest.len()))),
    }
}

/// Reads and parses a scenario; the error message starts with the file name.
pub(crate) fn load(path: &str) -> Result<(String, Scenario), Failure> {
    let (name, text) = read_text(path)?;
    let lang = error_lang();
    let mut s = Scenario::from_json_in(&text, lang)
        .map_err(|e| Failure::input(format!("{name}: {}", e.describe(lang))))?;
    if let Some(&language) = LANGUAGE.get() {
        s.meeting.language = language;
    }
    Ok((name, s))
}

fn read_text(path: &str) -> Result<(String, String), Failure> {
    let (name, bytes) = read_bytes(path)?;
    seating_core::import::decode(&bytes)
        .map(|t| (name.clone(), t))
        .map_err(|e| Failure::input(format!("{name}: {e}")))
}

/// The bytes of `path` (`-`: standard input) and the name to show in messages.
fn read_bytes(path: &str) -> Result<(String, Vec<u8>), Failure> {
    Ok(if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::input(format!("<stdin>: cannot read: {e}")))?;
        ("<stdin>".to_string(), buf)
    } else {
        let bytes = std::fs::read(path).map_err(|e| Failure::input(format!("{path}: cannot read: {e}")))?;
        (path.to_string(), bytes)
    })
}

/// Writes `bytes` to the file `path` whole or not at all: into a temporary file beside it,
/// then renamed over it, so a failed write (a full disk, an error half-way) leaves the file
/// that was there intact and no half-written file behind (a device or pipe is written to
/// directly). Refuses a path that is one of the
/// `inputs` (the same file under another name or through a link too).
pub(crate) fn write_file(path: &str, bytes: &[u8], inputs: &[&str]) -> Result<(), Failure> {
    let target = std::path::Path::new(path);
    if let Ok(out) = std::fs::canonicalize(target) {
        if let Some(input) = inputs.iter().find(|i| std::fs::canonicalize(i).is_ok_and(|i| i == out)) {
            return Err(Failure::usage(format!(
                "{path}: that is the input file {input}; write the output to another file"
            )));
        }
    }
    let fail = |e: std::io::Error| Failure::input(format!("{path}: cannot write: {e}"));
    // A device or pipe (`/dev/stdout`, a fifo) is written to, not replaced.
    if std::fs::metadata(target).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(target, bytes).map_err(fail);
    }
    let name = target.file_name().ok_or_else(|| fail(std::io::ErrorKind::InvalidInput.into()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".seating-{}.tmp", std::process::id()));
    let tmp = target.with_file_name(tmp_name);
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

pub(crate) fn write_stdout(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`seating plan x | head`) is not an error worth a panic.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::input(format!("cannot write output: {e}"))),
    }
}
