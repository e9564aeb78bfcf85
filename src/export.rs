//! The export subcommands: `chart`, `cards`, `list`, `diff`. Argument parsing and files
//! only; everything drawn comes from `seating_core::{layout, export, diff}`.

use seating_core::diff::{diff, keep, Diff};
use seating_core::export::cards::{self, CardOptions, CardScope};
use seating_core::export::{svg, table, Orientation, PageOptions, Paper};
use seating_core::layout::Part;
use seating_core::{layout, plan, LayoutOptions, Plan, Scenario, View};

use crate::{load, Failure};

#[derive(Default)]
struct Args {
    files: Vec<String>,
    out: Option<String>,
    page: PageOptions,
    view: View,
    against: Option<String>,
    keep: bool,
    scope: CardScope,
    part: Option<Part>,
}

fn parse(cmd: &str, rest: &[String]) -> Result<Args, Failure> {
    let mut a = Args::default();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| -> Result<String, Failure> {
            it.next().cloned().ok_or_else(|| Failure::usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-o" | "--output" => a.out = Some(value("-o")?),
            "--paper" => {
                a.page.paper = match value("--paper")?.to_ascii_lowercase().as_str() {
                    "a4" => Paper::A4,
                    "a3" => Paper::A3,
                    other => {
                        return Err(Failure::usage(format!("--paper: expected a4 or a3, got {other:?}")))
                    }
                }
            }
            "--landscape" => a.page.orientation = Orientation::Landscape,
            "--portrait" => a.page.orientation = Orientation::Portrait,
            "--binding" => {
                let v = value("--binding")?;
                a.page.binding =
                    v.parse::<f64>().ok().filter(|m| (0.0..=60.0).contains(m)).ok_or_else(|| {
                        Failure::usage(format!("--binding: expected millimetres 0–60, got {v:?}"))
                    })?;
            }
            "--no-sign-off" => a.page.sign_off = false,
            "--podium-view" => a.view = View::Podium,
            "--against" if cmd != "diff" => a.against = Some(value("--against")?),
            "--keep" => a.keep = true,
            "--part" => {
                let v = value("--part")?;
                a.part = Some(Part::parse(&v).ok_or_else(|| {
                    Failure::usage(format!(
                        "--part: expected venue, banquet, lineup:N or bilateral:N (N from 1), got {v:?}"
                    ))
                })?);
            }
            "--all" if cmd == "cards" => a.scope = CardScope::All,
            "--podium" if cmd == "cards" => a.scope = CardScope::Podium,
            s if s.starts_with('-') && s != "-" => {
                return Err(Failure::usage(format!("{cmd}: unknown option {s:?}")))
            }
            _ => a.files.push(arg.clone()),
        }
    }
    let want = if cmd == "diff" { 2 } else { 1 };
    if a.files.len() != want {
        let what = if want == 2 { "OLD and NEW" } else { "one FILE" };
        return Err(Failure::usage(format!(
            "{cmd}: expected {what}, got {} file argument(s)",
            a.files.len()
        )));
    }
    if a.keep && cmd != "diff" && a.against.is_none() {
        return Err(Failure::usage(format!("{cmd}: --keep needs --against OLD (the approved draft)")));
    }
    if cmd != "diff" && a.out.is_none() {
        return Err(Failure::usage(format!("{cmd}: missing -o OUT (the file to write)")));
    }
    Ok(a)
}

/// The scenario, its plan (keep mode when asked) and the diff against the earlier draft.
fn plan_with(
    new_path: &str,
    against: Option<&str>,
    keep_mode: bool,
) -> Result<(Scenario, Plan, Option<Diff>), Failure> {
    let (_, new_s) = load(new_path)?;
    let Some(old_path) = against else {
        let p = plan(&new_s);
        return Ok((new_s, p, None));
    };
    let (_, old_s) = load(old_path)?;
    let old_p = plan(&old_s);
    let new_p = if keep_mode { keep(&old_s, &old_p, &new_s) } else { plan(&new_s) };
    let d = diff(&old_s, &old_p, &new_s, &new_p);
    Ok((new_s, new_p, Some(d)))
}

pub fn run(cmd: &str, rest: &[String]) -> Result<(), Failure> {
    let a = parse(cmd, rest)?;
    // The files read: an output must not be one of them, and stdin is read once.
    let inputs: Vec<&str> = a.files.iter().map(String::as_str).chain(a.against.as_deref()).collect();
    if inputs.iter().filter(|f| **f == "-").count() > 1 {
        return Err(Failure::usage(format!(
            "{cmd}: standard input (-) can be read only once; give one of the files by name"
        )));
    }
    let (scenario, plan, d) = if cmd == "diff" {
        plan_with(&a.files[1], Some(&a.files[0]), a.keep)?
    } else {
        plan_with(&a.files[0], a.against.as_deref(), a.keep)?
    };
    let out = a.out.as_deref();
    let write = |out: Option<&str>, bytes: &[u8]| write(out, bytes, &inputs);
    let ext = out.map(extension).unwrap_or_default();
    // The part to draw: as asked, else what the file has (the venue first).
    let part = a.part.unwrap_or_else(|| Part::default_for(&scenario, &plan));
    part.check(&plan).map_err(|e| Failure::input(format!("{cmd}: --part {e}")))?;
    let lay = || {
        layout(
            &scenario,
            &plan,
            &LayoutOptions { view: a.view, part, diff: d.clone(), ..LayoutOptions::default() },
        )
    };
    match cmd {
        "chart" => {
            expect_ext(cmd, &ext, &["svg", "pdf"])?;
            let l = lay();
            warn_small_names(&l, &a.page);
            let page = svg::chart(&l, &a.page);
            if ext == "pdf" {
                return write(out, &to_pdf(&[page])?);
            }
            write(out, page.as_bytes())
        }
        "diff" => {
            let d = d.as_ref().expect("diff always has an earlier draft");
            // The report, and in keep mode what keeping did (seats kept, rank inversions
            // accepted), which the plan says in its diagnostics.
            let mut text = d.to_text_in(scenario.meeting.script);
            for note in plan.diagnostics.iter().filter(|x| x.code.starts_with("keep")) {
                text.push('\n');
                text.push_str(&note.message);
                text.push('\n');
            }
            match (out, ext.as_str()) {
                (None, _) => crate::write_stdout(&text),
                (Some(_), "svg") => write(out, svg::chart(&lay(), &a.page).as_bytes()),
                (Some(_), "pdf") => write(out, &to_pdf(&[svg::chart(&lay(), &a.page)])?),
                (Some(_), "txt") => write(out, text.as_bytes()),
                _ => Err(Failure::usage(format!(
                    "diff: -o must end in .txt, .svg or .pdf, got {:?}",
                    out.unwrap_or("")
                ))),
            }
        }
        "cards" => {
            expect_ext(cmd, &ext, &["svg", "html", "pdf"])?;
            let l = lay();
            let pages = cards::cards(&l, &CardOptions { paper: a.page.paper, scope: a.scope });
            if pages.is_empty() {
                let why = if a.scope == CardScope::Podium {
                    "cards --podium: nobody is seated on the podium, so there are no name cards to print (--all prints every seat's)"
                } else {
                    "cards: nobody is seated, so there are no name cards to print"
                };
                return Err(Failure::input(why));
            }
            let out = out.expect("checked");
            if ext == "pdf" {
                return write(Some(out), &to_pdf(&pages)?);
            }
            if ext == "html" {
                let title = format!("{}席卡", l.meeting.title);
                return write(Some(out), cards::html(&title, &pages, a.page.paper, false).as_bytes());
            }
            if pages.len() == 1 {
                return write(Some(out), pages[0].as_bytes());
            }
            let stem = &out[..out.len() - 4];
            let mut names = Vec::new();
            for (i, p) in pages.iter().enumerate() {
                let name = format!("{stem}-{}.svg", i + 1);
                write(Some(&name), p.as_bytes())?;
                names.push(name);
            }
            eprintln!("seating: {} pages: {} … {}", pages.len(), names[0], names[names.len() - 1]);
            // Pages of an earlier, longer run with the same name would print with these.
            let stale: Vec<String> = (pages.len() + 1..)
                .map(|i| format!("{stem}-{i}.svg"))
                .take_while(|n| std::path::Path::new(n).is_file())
                .collect();
            if let (Some(first), Some(last)) = (stale.first(), stale.last()) {
                eprintln!(
                    "seating: warning: {first} … {last} ({} files) are from an earlier run, not this one; delete them before printing",
                    stale.len()
                );
            }
            Ok(())
        }
        "list" => match ext.as_str() {
            "csv" => write(out, table::csv(&scenario, &plan).as_bytes()),
            "xlsx" => write(out, &table::xlsx(&scenario, &plan)),
            _ => Err(Failure::usage(format!(
                "list: -o must end in .csv or .xlsx, got {:?}",
                out.unwrap_or("")
            ))),
        },
        _ => unreachable!("dispatched by main"),
    }
}

/// Names too small to read on the printed page (a large hall on A4): said on stderr, with
/// what to do; the chart is written anyway.
fn warn_small_names(l: &seating_core::Layout, page: &PageOptions) {
    const READABLE_PT: f64 = 4.0;
    if let Some(pt) = svg::smallest_name_pt(l, page).filter(|&pt| pt < READABLE_PT) {
        let paper = if page.paper == Paper::A3 { "A3" } else { "A4" };
        let hint = if page.paper == Paper::A3 {
            "print the podium and each block of the hall on its own sheet, or use a plotter"
        } else {
            "try --paper a3"
        };
        eprintln!(
            "seating: warning: the smallest names print at {pt:.1} pt on {paper}, hard to read; {hint}"
        );
    }
}

fn to_pdf(pages: &[String]) -> Result<Vec<u8>, Failure> {
    crate::pdf::pdf(pages).map_err(|e| Failure::input(format!("cannot make the PDF: {e}")))
}

/// The extension of an output path, lower-cased (`Chart.SVG` → `svg`), or "" without one.
pub(crate) fn extension(out: &str) -> String {
    out.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

pub(crate) fn expect_ext(cmd: &str, ext: &str, allowed: &[&str]) -> Result<(), Failure> {
    if allowed.contains(&ext) {
        Ok(())
    } else {
        let list: Vec<String> = allowed.iter().map(|e| format!(".{e}")).collect();
        Err(Failure::usage(format!("{cmd}: -o must end in {}", list.join(" or "))))
    }
}

fn write(out: Option<&str>, bytes: &[u8], inputs: &[&str]) -> Result<(), Failure> {
    let Some(path) = out else { return Err(Failure::usage("missing -o OUT")) };
    crate::write_file(path, bytes, inputs)
}
