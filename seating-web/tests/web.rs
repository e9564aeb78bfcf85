//! Browser tests of the web crate: wasm-bindgen-test in headless Chromium.
//!
//! Run with `cargo xtask wasm-test` (it builds for wasm32 and supplies the test runner);
//! on the host this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const TINY: &str = r#"{
  "format": "seating/1",
  "people": [
    {"id": "a", "name": "王晨", "rank": 1, "section": "podium"},
    {"id": "b", "name": "李明", "rank": 2, "section": "podium"},
    {"id": "c", "name": "張華", "rank": 3, "section": "podium"}
  ],
  "podium": {"rows": [3]}
}"#;

#[wasm_bindgen_test]
async fn app_renders_header_roster_and_diagram() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<seating_web::app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("座次 Seating"), "{text}");
    // The roster panel, the diagram drawn from the core's layout and the checks panel.
    assert!(text.contains("导入名单"), "{text}");
    assert!(root.query_selector("svg").unwrap().is_some(), "no diagram: {text}");
    // A new draft on a 简体 page prints its own words in 简体 (meeting.script).
    assert!(text.contains("主 席 台") && !text.contains("主 席 臺"), "{text}");
    assert!(text.contains("检查结果"), "{text}");
}

#[wasm_bindgen_test]
fn undo_patch_takes_back_exactly_what_changed() {
    use seating_web::history::{History, Patch, MAX_STEPS};
    let old = seating_core::Scenario::from_json(TINY).unwrap();
    let mut new = old.clone();
    new.people[1].name = "李強".into();
    new.podium.as_mut().unwrap().rows = vec![5];
    let patch = Patch::between(&old, &new);
    let mut s = new.clone();
    let redo = patch.apply(&mut s);
    assert_eq!(s, old);
    redo.apply(&mut s);
    assert_eq!(s, new);
    let mut h = History::default();
    for k in 0..(2 * MAX_STEPS + 1) {
        h.push(k.to_string().into(), Patch::default());
    }
    assert_eq!(h.len(), MAX_STEPS);
    assert_eq!(h.pop().unwrap().0.as_ref(), (2 * MAX_STEPS).to_string());
}

#[wasm_bindgen_test]
fn undo_patch_of_instructions_round_trips() {
    use seating_web::history::Patch;
    let ins = |k: usize| -> seating_core::Instruction {
        serde_json::from_value(
            serde_json::json!({"op": "reserve", "seat": format!("P1-{k}"), "note": k.to_string()}),
        )
        .unwrap()
    };
    let mut base = seating_core::Scenario::from_json(TINY).unwrap();
    base.instructions = (1..=6).map(ins).collect();
    type Edit<'a> = Box<dyn Fn(&mut Vec<seating_core::Instruction>) + 'a>;
    let edits: Vec<Edit> = vec![
        Box::new(|v| v.push(ins(9))),
        Box::new(|v| {
            v.remove(2);
        }),
        Box::new(|v| v[3] = ins(8)),
        Box::new(|v| v.insert(0, ins(7))),
        Box::new(|v| v.clear()),
        Box::new(|v| {
            v.remove(5);
            v.remove(1);
        }),
        Box::new(|v| v.truncate(2)),
    ];
    for edit in edits {
        let old = base.clone();
        let mut new = old.clone();
        edit(&mut new.instructions);
        let patch = Patch::between(&old, &new);
        let mut s = new.clone();
        let redo = patch.apply(&mut s);
        assert_eq!(s, old);
        redo.apply(&mut s);
        assert_eq!(s, new);
    }
}

#[wasm_bindgen_test]
fn plan_json_returns_the_plan() {
    let plan = seating_web::api::plan_json(JsValue::from_str(TINY)).map_err(JsValue::from).unwrap();
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan["format"], "seating-plan/1");
    assert_eq!(plan["precedence"], serde_json::json!(["a", "b", "c"]));
}

#[wasm_bindgen_test]
fn plan_takes_and_returns_plain_objects() {
    let scenario = js_sys::JSON::parse(TINY).unwrap();
    let plan = seating_web::api::plan(scenario).map_err(JsValue::from).unwrap();
    assert!(plan.is_object() && !plan.is_instance_of::<js_sys::Map>());
    let format = js_sys::Reflect::get(&plan, &"format".into()).unwrap();
    assert_eq!(format.as_string().as_deref(), Some("seating-plan/1"));
}

#[wasm_bindgen_test]
fn plan_error_names_the_field() {
    let scenario = js_sys::JSON::parse(r#"{"format": "seating/1", "people": [{"id": "a"}]}"#).unwrap();
    let error = JsValue::from(seating_web::api::plan(scenario).unwrap_err());
    let message = js_sys::Reflect::get(&error, &"message".into()).unwrap().as_string().unwrap();
    assert!(message.contains("people[0]") && message.contains("name"), "{message}");
}

/// The venue of `s` planned (generation 1) and its seat layer rendered into a new `<div>`
/// of the page: the plan, the `<div>` and the app handle (for `update`).
async fn mount_layer(
    s: &seating_core::Scenario,
) -> (
    std::rc::Rc<seating_web::planned::Planned>,
    web_sys::Element,
    yew::AppHandle<seating_web::components::seat::SeatLayer>,
) {
    use seating_core::layout::Part;
    use seating_core::View;
    use seating_web::components::seat::{LayerProps, SeatLayer};
    use seating_web::planned::Planned;
    use std::rc::Rc;
    let first = Rc::new(Planned::new(
        &Rc::new(s.clone()),
        Part::Venue,
        View::Audience,
        seating_core::Lang::default(),
        1,
        None,
    ));
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = LayerProps { planned: first.clone(), selected: None, picked: None };
    let app = yew::Renderer::<SeatLayer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (first, root, app)
}

#[wasm_bindgen_test]
async fn seat_layer_draws_every_seat_then_patches_only_what_changed() {
    use seating_core::layout::Part;
    use seating_core::View;
    use seating_web::components::seat::{renders, LayerProps};
    use seating_web::planned::Planned;
    use std::rc::Rc;
    let mut s = seating_core::Scenario::from_json(TINY).unwrap();
    s.hall = Some(serde_json::from_str(r#"{"rows": 2, "seats": 3}"#).unwrap());
    let (first, root, mut app) = mount_layer(&s).await;
    let seats = root.query_selector_all("g[data-seat]").unwrap();
    assert_eq!(seats.length() as usize, first.len());
    let seat = |id: &str| root.query_selector(&format!("g[data-seat=\"{id}\"]")).unwrap().unwrap();
    assert_eq!(seat("P1-2").get_attribute("data-person").as_deref(), Some("a"));
    assert_eq!(
        seat("P1-2").query_selector("text.nm").unwrap().unwrap().text_content().as_deref(),
        Some("王晨")
    );
    let before: Vec<web_sys::Element> =
        (0..seats.length()).map(|i| seats.get(i).unwrap().unchecked_into()).collect();

    // A swap of 王晨 and 李明, and a selection: three seats drawn again, in place.
    s.instructions = serde_json::from_str(r#"[{"op": "swap", "people": ["a", "b"]}]"#).unwrap();
    let second = Rc::new(Planned::new(
        &Rc::new(s),
        Part::Venue,
        View::Audience,
        seating_core::Lang::default(),
        2,
        Some(&first),
    ));
    let drawn = renders();
    app.update(LayerProps { planned: second, selected: Some("H2-3".into()), picked: None });
    yew::scheduler::flush().await;
    assert_eq!(renders() - drawn, 3, "the two swapped seats and the selected one");
    let after = root.query_selector_all("g[data-seat]").unwrap();
    assert_eq!(after.length(), seats.length());
    for (i, old) in before.iter().enumerate() {
        let now: web_sys::Element = after.get(i as u32).unwrap().unchecked_into();
        assert!(now.is_same_node(Some(old)), "seat {i} kept its element");
    }
    let person = |id: &str| seat(id).get_attribute("data-person");
    assert_eq!(person("P1-2").as_deref(), Some("b"));
    assert!(person("P1-1").as_deref() == Some("a") || person("P1-3").as_deref() == Some("a"));
    assert!(seat("H2-3").get_attribute("class").unwrap().contains("selected"));
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_big_chart_gets_its_text_after_the_first_frame() {
    use seating_core::layout::Part;
    use seating_core::View;
    use seating_web::components::seat::LayerProps;
    use seating_web::planned::Planned;
    use std::rc::Rc;
    let people: Vec<serde_json::Value> = (1..=1200)
        .map(|i| serde_json::json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i}))
        .collect();
    let v = serde_json::json!({"format": "seating/1", "people": people, "hall": {"rows": 30, "seats": 40}});
    let mut s = seating_core::Scenario::from_json(&v.to_string()).unwrap();
    let (first, root, mut app) = mount_layer(&s).await;
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length();
    assert_eq!(count("g[data-seat]"), 1200);
    assert_eq!(count("text.nm"), 0, "names come after the first frame");
    // An edit before they come: its seats are drawn whole, and nothing is drawn twice.
    s.instructions = serde_json::from_str(r#"[{"op": "swap", "people": ["p1", "p2"]}]"#).unwrap();
    let second = Rc::new(Planned::new(
        &Rc::new(s),
        Part::Venue,
        View::Audience,
        seating_core::Lang::default(),
        2,
        Some(&first),
    ));
    app.update(LayerProps { planned: second, selected: None, picked: None });
    yew::scheduler::flush().await;
    assert!(count("text.nm") >= 2);
    sleep(400).await;
    assert_eq!(count("text.nm"), 1200);
    assert_eq!(count("text.no"), 1200);
}

#[wasm_bindgen_test]
fn planned_after_a_hand_edit_is_the_full_layout() {
    use seating_core::layout::Part;
    use seating_core::{LayoutOptions, View};
    use seating_web::planned::Planned;
    use std::rc::Rc;
    let mut s = seating_core::Scenario::from_json(TINY).unwrap();
    s.hall = Some(serde_json::from_str(r#"{"rows": 2, "seats": 3}"#).unwrap());
    let first =
        Planned::new(&Rc::new(s.clone()), Part::Venue, View::Podium, seating_core::Lang::default(), 1, None);
    s.instructions =
        serde_json::from_str(r#"[{"op": "swap", "people": ["a", "c"]}, {"op": "reserve", "seat": "H1-2"}]"#)
            .unwrap();
    let second = Planned::new(
        &Rc::new(s.clone()),
        Part::Venue,
        View::Podium,
        seating_core::Lang::default(),
        2,
        Some(&first),
    );
    assert_eq!(second.frame, first.frame, "made from the previous boxes");
    let options = LayoutOptions { view: View::Podium, ..LayoutOptions::default() };
    let full = seating_core::layout(&s, &seating_core::plan(&s), &options);
    assert_eq!(second.full_layout(), full);
}

#[wasm_bindgen_test]
fn another_tabs_saves_are_taken_in_and_never_lost() {
    use seating_web::i18n::Lang;
    use seating_web::services::storage::Change;
    use seating_web::state::{Action, Draft, State};
    use std::rc::Rc;
    use yew::Reducible;

    let tiny = seating_core::Scenario::from_json(TINY).unwrap();
    let drafts =
        vec![Draft::new("d1", "甲", tiny.clone()), Draft::new("d2", "乙", seating_core::Scenario::new())];
    let mut s = Rc::new(State::from_drafts(drafts, 0, Lang::Hans, String::new(), Vec::new(), "-t1"));
    let reduce = |s: Rc<State>, c: Change| s.reduce(Action::Elsewhere(c));
    // The active draft saved elsewhere: taken in, its undo steps gone, and said so.
    s = s.reduce(Action::Edit {
        label: "title".into(),
        edit: Box::new(|d| {
            d.meeting.title = "會".into();
            Ok(())
        }),
    });
    assert!(!s.draft().undo.is_empty());
    let mut changed = tiny.clone();
    changed.people[0].name = "王強".into();
    s = reduce(s, Change::Draft { id: "d1".into(), text: changed.to_json() });
    assert_eq!(s.draft().doc.people[0].name, "王強");
    assert!(s.draft().undo.is_empty());
    assert!(
        s.notice.as_ref().is_some_and(|n| n.text.contains("另一个标签页")),
        "{:?}",
        s.notice.as_ref().map(|n| &n.text)
    );
    // The same content again changes nothing (no new version to save).
    let version = s.draft().version;
    s = reduce(s, Change::Draft { id: "d1".into(), text: changed.to_json() });
    assert_eq!(s.draft().version, version);
    // A draft saved before the index names it waits for the index; then it is added, and
    // names change.
    s = reduce(s, Change::Draft { id: "d3-t2".into(), text: tiny.to_json() });
    assert_eq!(s.drafts.len(), 2);
    let index = vec![
        ("d1".to_string(), "甲一".to_string(), None),
        ("d2".to_string(), "乙".to_string(), None),
        ("d3-t2".to_string(), "丙".to_string(), Some(tiny.to_json())),
    ];
    s = reduce(s, Change::Index { drafts: index });
    let names: Vec<&str> = s.drafts.iter().map(|d| &*d.name).collect();
    assert_eq!(names, ["甲一", "乙", "丙"]);
    // The active draft deleted elsewhere: the next one becomes active; the last one stays.
    s = reduce(s, Change::Removed { id: "d1".into() });
    assert_eq!(&*s.draft().id, "d2");
    assert!(s.notice.as_ref().is_some_and(|n| n.text.contains("删除")));
    s = reduce(s, Change::Removed { id: "d2".into() });
    s = reduce(s, Change::Removed { id: "d3-t2".into() });
    assert_eq!(s.drafts.len(), 1);
    // This tab's new drafts carry its tag.
    s = s.reduce(Action::NewDraft { name: "丁".into() });
    assert!(s.draft().id.ends_with("-t1"), "{}", s.draft().id);
}

#[wasm_bindgen_test]
fn marking_someone_absent_records_who_and_when_and_undoes() {
    use seating_core::Op;
    use seating_web::i18n::Lang;
    use seating_web::state::{Action, Draft, State};
    use std::rc::Rc;
    use yew::Reducible;

    let tiny = seating_core::Scenario::from_json(TINY).unwrap();
    let id = tiny.people[0].id.clone();
    let drafts = vec![Draft::new("d1", "甲", tiny)];
    let mut s = Rc::new(State::from_drafts(drafts, 0, Lang::Hans, String::new(), Vec::new(), "-t1"));
    s = s.reduce(Action::SetWho("张秘书长".into()));
    s = s.reduce(Action::ToggleAbsent { person: id.clone(), at: "2026-11-29 19:20".into() });
    let ins = &s.draft().doc.instructions;
    assert_eq!(ins.len(), 1);
    assert_eq!((ins[0].op, ins[0].person.as_deref()), (Op::Exclude, Some(id.as_str())));
    assert_eq!(ins[0].by.as_deref(), Some("张秘书长"));
    assert_eq!(ins[0].at.as_deref(), Some("2026-11-29 19:20"));
    assert!(s.planned.plan.precedence.iter().all(|p| *p != id), "excluded from the plan");
    // Present again: the instruction goes; undo brings it back.
    s = s.reduce(Action::ToggleAbsent { person: id.clone(), at: "2026-11-29 19:21".into() });
    assert!(s.draft().doc.instructions.is_empty());
    s = s.reduce(Action::Undo);
    assert_eq!(s.draft().doc.instructions.len(), 1);
}

#[wasm_bindgen_test]
fn checks_name_instructions_by_the_list_number() {
    use seating_web::components::diagnostics::readable;
    use seating_web::i18n::Lang;
    let m = "楊軍 (p8) 坐在主席臺第1排5號；由 instructions[0]（調整排序）造成，見 instructions[12]";
    assert_eq!(
        readable(m, Lang::Hans),
        "楊軍 (p8) 坐在主席臺第1排5號；由 第1条指示（調整排序）造成，見 第13条指示"
    );
    assert_eq!(readable("instructions[3] (pin): x", Lang::En), "instruction 4 (pin): x");
    // Anything else is left as it is.
    assert_eq!(readable("instructions[x] instructions[", Lang::En), "instructions[x] instructions[");
}
