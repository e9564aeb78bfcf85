//! The `seating` binary as a user runs it: exit codes, stdout JSON, error messages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn seating(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_seating"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("seating runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_bundled_example_plans() {
    let examples = examples();
    assert!(examples.len() >= 3, "bundled examples missing");
    for path in examples {
        let o = seating(&["plan", path.to_str().unwrap()], None);
        assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
        let plan: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(plan["format"], "seating-plan/1");
        assert!(!plan["seats"].as_array().unwrap().is_empty(), "{}: no seats", path.display());
        let errors: Vec<_> =
            plan["diagnostics"].as_array().unwrap().iter().filter(|d| d["level"] == "error").collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn plan_reads_stdin_and_prints_the_contract_shape() {
    let input = r#"{"format":"seating/1","people":[
        {"id":"a","name":"甲","rank":1,"section":"podium"},
        {"id":"b","name":"乙","rank":2,"section":"podium"},
        {"id":"c","name":"丙","rank":3,"section":"hall"}],
        "podium":{"rows":[3]},"hall":{"rows":2,"seats":4},
        "instructions":[{"op":"reserve","seat":"H1-1"}]}"#;
    let o = seating(&["plan", "-"], Some(input));
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(plan["precedence"], serde_json::json!(["a", "b", "c"]));
    let seats = plan["seats"].as_array().unwrap();
    let find = |id: &str| seats.iter().find(|s| s["person"] == id).unwrap();
    assert_eq!(find("a")["seat"], "P1-2");
    assert_eq!(find("b")["seat"], "P1-3");
    assert_eq!(find("a")["label"], "主席臺第1排2號");
    assert_eq!(find("c")["seat"], "H1-2", "H1-1 is reserved");
    let reserved = seats.iter().find(|s| s["seat"] == "H1-1").unwrap();
    assert_eq!(reserved["person"], serde_json::Value::Null);
    assert_eq!(reserved["reserved"], true);
    assert_eq!(plan["unseated"], serde_json::json!([]));
}

/// Each bad input: exit status 1, a message naming the place, and no panic.
#[test]
fn bad_input_is_named_not_panicked() {
    let cases: &[(&str, &[&str])] = &[
        ("{\"format\": \"seating/1\",\n \"people\": [\n  {\"id\": \"a\", \"name\": }\n]}", &["line 3", "people[0].name"]),
        ("{\"format\": \"seating/1\", \"peeple\": []}", &["peeple", "line 1"]),
        ("{\"format\": \"seating/2\"}", &["format", "seating/1"]),
        ("{}", &["format"]),
        ("{\"format\":\"seating/1\",\"people\":[{\"id\":\"a\",\"name\":\"x\"},{\"id\":\"a\",\"name\":\"y\"}]}", &["people[1].id", "duplicate"]),
        ("{\"format\":\"seating/1\",\"people\":[{\"id\":\"a\",\"name\":\"x\",\"unit\":\"u9\"}]}", &["people[0].unit", "u9"]),
        ("{\"format\":\"seating/1\",\"people\":[{\"id\":\"a\",\"name\":\"x\",\"rank\":\"one\"}]}", &["people[0].rank"]),
        ("{\"format\":\"seating/1\",\"convention\":{\"honour\":\"up\"}}", &["convention.honour", "left"]),
        ("{\"format\":\"seating/1\",\"podium\":{\"rows\":[3,0]}}", &["podium.rows[1]"]),
        ("{\"format\":\"seating/1\",\"instructions\":[{\"op\":\"pin\",\"person\":\"a\"}]}", &["instructions[0].seat"]),
        ("{\"format\":\"seating/1\",\"instructions\":[{\"op\":\"fly\"}]}", &["instructions[0].op"]),
        ("{\"format\":\"seating/1\",\"people\":[", &["line 1", "EOF"]),
        ("", &["line 1"]),
    ];
    for (input, needles) in cases {
        let o = seating(&["plan", "-"], Some(input));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "input {input:?} gave {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(o.stdout.is_empty(), "no plan on stdout for bad input");
        for n in *needles {
            assert!(err.contains(n), "error for {input:?} should mention {n:?}: {err}");
        }
    }
}

#[test]
fn non_utf8_input_is_reported_with_its_line() {
    let mut bytes = b"{\"format\":\"seating/1\",\n\"people\":[{\"id\":\"a\",\"name\":\"".to_vec();
    bytes.extend_from_slice(&[0xCD, 0xF5]); // 王 in GBK
    bytes.extend_from_slice(b"\"}]}");
    let dir = std::env::temp_dir().join(format!("seating-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gbk.json");
    std::fs::write(&path, bytes).unwrap();
    let o = seating(&["plan", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("line 2") && err.contains("UTF-8"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    assert_eq!(seating(&[], None).status.code(), Some(2));
    assert_eq!(seating(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(seating(&["plan"], None).status.code(), Some(2));
    let o = seating(&["plan", "no/such/file.json"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/file.json"));
}

#[test]
fn validate_lists_diagnostics_and_schema_is_json() {
    let input = r#"{"format":"seating/1","people":[{"id":"a","name":"甲","section":"podium"}],
        "podium":{"rows":[1]},"instructions":[{"op":"pin","person":"zz","seat":"P1-1"}]}"#;
    let o = seating(&["validate", "-"], Some(input));
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("unknown-person") && out.contains("zz"), "{out}");
    let schema = seating(&["schema"], None);
    let v: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert!(v["properties"]["people"].is_object());
    assert!(v["properties"]["instructions"].is_object());
}

#[test]
fn lang_flag_picks_the_language_of_reasons_and_diagnostics() {
    let input = r#"{"format":"seating/1","meeting":{"language":"en"},
        "people":[{"id":"a","name":"甲","section":"podium"}],
        "podium":{"rows":[1]},"instructions":[{"op":"pin","person":"zz","seat":"P1-1"}]}"#;
    let text = |args: &[&str]| {
        let o = seating(args, Some(input));
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    // The file asks for English; --lang overrides it, before or after the command.
    assert!(text(&["validate", "-"]).contains("instructions[0] (pin): no person with id \"zz\""));
    let zh = text(&["validate", "--lang", "zh", "-"]);
    assert!(
        zh.contains("unknown-person]: instructions[0]（固定座位）：沒有 id 為 \"zz\" 的人員，未執行"),
        "{zh}"
    );
    let plan: serde_json::Value = serde_json::from_str(&text(&["--lang", "zh", "plan", "-"])).unwrap();
    assert_eq!(plan["seats"][0]["reason"], "位次第1 → 第1排第1位：居中（以最高領導為中心）");
    // A file that cannot be read is explained in the same language, line and field named.
    let broken = "{\"format\": \"seating/1\",\n \"people\": [{\"id\": \"a\"}]}";
    let o = seating(&["plan", "--lang", "zh", "-"], Some(broken));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>: 第2行第23列：`people[0]`：缺少字段 `name`"), "{}", stderr(&o));
    let bad = seating(&["validate", "--lang", "fr", "-"], Some(input));
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--lang: expected zh or en, got \"fr\""), "{}", stderr(&bad));
}

/// The published schema is the one generated from the types (regenerate with
/// `cargo run -- schema > schema/seating-1.schema.json`).
#[test]
fn published_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/seating-1.schema.json");
    let published = std::fs::read_to_string(&path).unwrap();
    let generated = seating(&["schema"], None);
    assert_eq!(
        published,
        String::from_utf8(generated.stdout).unwrap(),
        "schema/seating-1.schema.json is stale: run `cargo run -- schema > schema/seating-1.schema.json`"
    );
}

/// Never a lost file: an output that is one of the inputs (by another name or a link too) is
/// refused and the input stays as it was; `import` writes only `.json`; a write that fails
/// leaves what was there and no temporary file behind.
#[test]
fn outputs_never_overwrite_inputs_or_leave_half_files() {
    let dir = std::env::temp_dir().join(format!("seating-outputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let roster = "姓名\t職務\t排序\n王晨\t書記\t1\n李明\t區長\t2\n";
    std::fs::write(p("r.csv"), roster).unwrap();
    // import onto its own roster, or into a non-JSON file: refused, roster intact.
    for out in [p("r.csv"), p("r.xlsx")] {
        let o = seating(&["import", &p("r.csv"), "-o", &out], None);
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(p("r.csv")).unwrap(), roster);
    assert!(!dir.join("r.xlsx").exists());
    let o = seating(&["import", &p("r.csv"), "-o", &p("s.json")], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let scenario = std::fs::read(p("s.json")).unwrap();
    // A scenario named .svg charted onto itself, directly or through a link; a chart over
    // its --against file.
    std::fs::copy(p("s.json"), p("s.svg")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p("s.svg"), p("link.svg")).unwrap();
    let mut cases = vec![
        vec!["chart".to_string(), p("s.svg"), "-o".into(), p("s.svg")],
        vec!["chart".to_string(), p("s.json"), "-o".into(), p("s.svg"), "--against".into(), p("s.svg")],
        vec!["diff".to_string(), p("s.json"), p("s.svg"), "-o".into(), p("s.svg")],
    ];
    if cfg!(unix) {
        cases.push(vec!["chart".to_string(), p("link.svg"), "-o".into(), p("s.svg")]);
    }
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = seating(&args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("input file"), "{}", stderr(&o));
        assert_eq!(std::fs::read(p("s.svg")).unwrap(), scenario, "{args:?}");
    }
    // A write that fails (the output is a directory) is an error and leaves no temporary
    // file; a good write replaces the old file whole.
    std::fs::create_dir_all(p("out.svg")).unwrap();
    let o = seating(&["chart", &p("s.json"), "-o", &p("out.svg")], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    std::fs::write(p("c.svg"), "old").unwrap();
    let o = seating(&["chart", &p("s.json"), "-o", &p("c.svg")], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(p("c.svg")).unwrap().starts_with("<svg"));
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Name cards over an earlier, longer run's pages: the pages left from it are named in a
/// warning, so they are not printed with the new ones.
#[test]
fn stale_card_pages_are_named() {
    let dir = std::env::temp_dir().join(format!("seating-cards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/district-plenary.json");
    let out = dir.join("c.svg");
    let (example, out) = (example.to_str().unwrap(), out.to_str().unwrap());
    let all = seating(&["cards", example, "-o", out, "--all"], None);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(!stderr(&all).contains("earlier run"), "{}", stderr(&all));
    let podium = seating(&["cards", example, "-o", out], None);
    assert!(podium.status.success(), "{}", stderr(&podium));
    let pages = std::fs::read_dir(&dir).unwrap().count();
    assert!(
        stderr(&podium).contains(&format!("({} files) are from an earlier run", pages - 10)),
        "{}",
        stderr(&podium)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cards --podium` for a scenario with nobody on the podium says that, and what prints
/// the others' cards (it used to say nobody was seated at all).
#[test]
fn podium_cards_without_a_podium_say_so() {
    let s = r#"{"format": "seating/1", "people": [{"id": "a", "name": "王一"}], "hall": {"rows": 1, "seats": 2}}"#;
    let out = std::env::temp_dir().join(format!("seating-nopodium-{}.html", std::process::id()));
    let r = seating(&["cards", "-", "-o", out.to_str().unwrap(), "--podium"], Some(s));
    assert_eq!(r.status.code(), Some(1));
    assert!(
        stderr(&r).contains("nobody is seated on the podium") && stderr(&r).contains("--all"),
        "{}",
        stderr(&r)
    );
    let r = seating(&["cards", "-", "-o", out.to_str().unwrap(), "--all"], Some(s));
    assert!(r.status.success(), "{}", stderr(&r));
    let _ = std::fs::remove_file(&out);
}

/// A chart whose names print too small to read says so, with what to do; one that prints
/// readably says nothing.
#[test]
fn unreadably_small_names_are_warned_about() {
    let dir = std::env::temp_dir().join(format!("seating-small-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ex = |n: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{n}.json")).to_str().unwrap().to_string()
    };
    let out = dir.join("c.svg").to_str().unwrap().to_string();
    let big = seating(&["chart", &ex("hall-congress"), "-o", &out], None);
    assert!(big.status.success());
    assert!(stderr(&big).contains("hard to read") && stderr(&big).contains("--paper a3"), "{}", stderr(&big));
    let small = seating(&["chart", &ex("district-plenary"), "-o", &out], None);
    assert!(small.status.success());
    assert!(!stderr(&small).contains("hard to read"), "{}", stderr(&small));
    let _ = std::fs::remove_dir_all(&dir);
}
