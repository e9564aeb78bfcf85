//! Structured scenarios (every section, instructions referring to real and unknown people
//! and seats): planning never panics, keeps its invariants, is deterministic, and the
//! scenario survives a save and a reload. Also plans in keep mode against the scenario
//! without its instructions, and a second draft (from the rest of the bytes) against the first.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use seating_core::{plan, Scenario};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(v) = seating_fuzz::scenario(&mut u) else { return };
    let Ok(s) = Scenario::from_json(&v.to_string()) else { return };
    assert_eq!(Scenario::from_json(&s.to_json()).expect("reloads"), s);
    let p = plan(&s);
    seating_fuzz::check_plan(&s, &p);
    assert_eq!(p, plan(&s), "deterministic");
    let _ = p.to_json();
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
