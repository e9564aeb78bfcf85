//! Structured scenarios (every section, instructions referring to real and unknown people
//! and seats): planning never panics, keeps its invariants, is deterministic, and the
//! scenario survives a save and a reload. Also plans in keep mode against the scenario
//! without its instructions, and a second draft (from the rest of the bytes) against the first.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use seating_core::{plan, plan_in, Lang, Language, Scenario, Script};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(v) = seating_fuzz::scenario(&mut u) else { return };
    let Ok(s) = Scenario::from_json(&v.to_string()) else { return };
    assert_eq!(Scenario::from_json(&s.to_json()).expect("reloads"), s);
    let p = plan(&s);
    seating_fuzz::check_plan(&s, &p);
    assert_eq!(p, plan(&s), "deterministic");
    let _ = p.to_json();
    // In every language the same plan: only reasons and messages differ.
    for lang in [
        Lang::EN,
        Lang { language: Language::Zh, script: Script::Simplified },
        Lang { language: Language::Zh, script: Script::Traditional },
    ] {
        let q = plan_in(&s, lang);
        assert_eq!(q.precedence, p.precedence);
        assert_eq!(q.unseated, p.unseated);
        let seats = |p: &seating_core::Plan| {
            p.seats
                .iter()
                .map(|a| (a.seat.clone(), a.person.clone(), a.label.clone(), a.instruction))
                .collect::<Vec<_>>()
        };
        assert_eq!(seats(&q), seats(&p), "seats in {lang:?}");
        let codes = |p: &seating_core::Plan| {
            p.diagnostics
                .iter()
                .map(|d| (d.code.clone(), d.level, d.instruction, d.person.clone(), d.seat.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&q), codes(&p), "diagnostics in {lang:?}");
        assert!(q.seats.iter().all(|a| a.person.is_none() || !a.reason.is_empty()));
    }
    let mut approved = s.clone();
    approved.instructions.clear();
    let ap = plan(&approved);
    let kept = seating_core::diff::keep(&approved, &ap, &s);
    seating_fuzz::check_plan(&s, &kept);
    let _ = seating_core::diff::diff(&approved, &ap, &s, &kept).to_text();
    // A second draft from the rest of the bytes: the same ids `p0…` and `u0…`, so people
    // stay, leave, arrive and change units, sections and ranks between the drafts.
    let Ok(v2) = seating_fuzz::scenario(&mut u) else { return };
    let Ok(s2) = Scenario::from_json(&v2.to_string()) else { return };
    let kept = seating_core::diff::keep(&s, &p, &s2);
    seating_fuzz::check_plan(&s2, &kept);
    assert_eq!(kept, seating_core::diff::keep(&s, &p, &s2), "keep is deterministic");
    let _ = seating_core::diff::diff(&s, &p, &s2, &kept).to_text();
});
