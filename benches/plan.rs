//! Criterion benches for the planner and the chart (issue 6). Each group holds its own
//! baseline — sorting the same roster by its rank keys — so `plan ÷ sort` can be read from
//! one run.
//!
//! - `plan`: podium + hall + 100 instructions at 100 / 1,000 / 10,000 / 50,000 people, and
//!   `sort-baseline`: the people's indices sorted by (rank, input order), the one sort every
//!   planner must do (with the `input` tie-break that `plan` uses here). Budget: plan ≤ 3×.
//!   For scale, `output-floor`: cloning the finished plan, i.e. only allocating and copying
//!   the strings the plan document is made of (ids, labels, reasons, diagnostics); and
//!   `plan-no-instructions`: the same roster without its instructions (no rank-inversion
//!   diagnostics), so that `plan` minus it is the cost of the 100 instructions.
//! - `strokes`: precedence of 10,000 names by 姓氏筆畫 (and by input order, for scale),
//!   with the same sort baseline.
//! - `chart`: `layout()` of a planned scenario, and `export::svg::chart()` of that layout,
//!   at 1,000 and 10,000 people (1,090 and 10,140 seats); the SVG's size is the throughput
//!   in bytes. Budget: the 10,000-seat SVG in ≤ 20 ms and ≤ 3 MB.
//!
//! Run: `cargo bench --bench plan` (or `cargo xtask bench`, which also prints a summary).
//! Results and their history: BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use seating_core::export::{svg, PageOptions};
use seating_core::{layout, plan, LayoutOptions, Scenario};
use serde_json::{json, Value};

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳";
const GIVEN: &str = "建国华明伟强军平东文辉力刚勇毅俊峰志红霞芳敏静丽娟英秀兰玉萍燕云海涛波洪斌宇浩凯健博晨曦欣怡佳琪晶莹子涵思远立新德清永春";

/// A deterministic roster of `n` people: 1/100 on the podium, the rest in units of ~50,
/// with 100 special instructions, in a hall just big enough.
pub fn scenario(n: usize, strokes: bool) -> Value {
    let s: Vec<char> = SURNAMES.chars().collect();
    let g: Vec<char> = GIVEN.chars().collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let podium = (n / 100).clamp(3, 60);
    let units = (n / 50).max(1);
    let people: Vec<Value> = (0..n)
        .map(|i| {
            let name: String =
                [s[next() as usize % s.len()], g[next() as usize % g.len()], g[next() as usize % g.len()]]
                    .iter()
                    .collect();
            let section = if i < podium { "podium" } else { "hall" };
            json!({"id": format!("p{i}"), "name": name, "rank": (next() % 20) as i64,
                   "unit": format!("u{}", i % units), "section": section})
        })
        .collect();
    let seats = 40u32;
    let rows = ((n as u32) / seats + 2).max(2);
    let mut instructions = Vec::new();
    for k in 0..25 {
        let a = (next() as usize) % n;
        let b = (next() as usize) % n;
        instructions.push(json!({"op": "swap", "people": [format!("p{a}"), format!("p{b}")]}));
        instructions
            .push(json!({"op": "move", "person": format!("p{}", (a + 1) % n), "after": format!("p{b}")}));
        instructions.push(json!({"op": "reserve", "seat": format!("H{}-{}", k % rows + 1, k % seats + 1)}));
        instructions.push(json!({"op": "pin", "person": format!("p{}", (b + 7) % n),
                                 "seat": format!("H{}-{}", (k + 3) % rows + 1, (k * 7) % seats + 1)}));
    }
    json!({
        "format": "seating/1",
        "ranking": {"tiebreak": if strokes { json!(["strokes", "input"]) } else { json!(["input"]) }},
        "units": (0..units).map(|u| json!({"id": format!("u{u}"), "name": format!("单位{u}")})).collect::<Vec<_>>(),
        "people": people,
        "podium": {"rows": [podium.div_ceil(2) as u32, (podium / 2).max(1) as u32]},
        "hall": {"rows": rows, "seats": seats, "aisles": [10, 30]},
        "instructions": instructions,
    })
}

fn parse(v: &Value) -> Scenario {
    Scenario::from_json(&v.to_string()).expect("bench scenario is valid")
}

fn bench_plan(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan");
    group.sample_size(10);
    for n in [100usize, 1_000, 10_000, 50_000] {
        let s = parse(&scenario(n, false));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("plan", n), &s, |b, s| b.iter(|| plan(black_box(s))));
        // The same plan with its reasons and diagnostics in English (the default is Chinese,
        // whose text is longer in bytes, and whose rank inversions name seats by label).
        group.bench_with_input(BenchmarkId::new("plan-en", n), &s, |b, s| {
            b.iter(|| seating_core::plan_in(black_box(s), seating_core::Lang::EN))
        });
        // The same plan in Chinese with the 简体 script, as the page shows it to a
        // mainland secretariat: every fixed word of every reason goes through `Script::words`.
        let hans = seating_core::Lang {
            language: seating_core::Language::Zh,
            script: seating_core::Script::Simplified,
        };
        group.bench_with_input(BenchmarkId::new("plan-hans", n), &s, |b, s| {
            b.iter(|| seating_core::plan_in(black_box(s), hans))
        });
        group.bench_with_input(BenchmarkId::new("sort-baseline", n), &s, |b, s| b.iter(|| sort_baseline(s)));
        let p = plan(&s);
        group.bench_with_input(BenchmarkId::new("output-floor", n), &p, |b, p| {
            b.iter(|| black_box(p).clone())
        });
        // The same roster without its 100 instructions: what the rank-inversion check and
        // its diagnostics (hundreds to thousands of them) add is `plan` minus this.
        let mut bare = s.clone();
        bare.instructions.clear();
        group.bench_with_input(BenchmarkId::new("plan-no-instructions", n), &bare, |b, s| {
            b.iter(|| plan(black_box(s)))
        });
    }
    group.finish();
}

/// The baseline: sort the same roster by its rank keys (rank, unranked last, then input
/// order) — what `rank::precedence` must do at the least, without building any output.
fn sort_baseline(s: &Scenario) -> Vec<usize> {
    let s = black_box(s);
    let mut idx: Vec<usize> = (0..s.people.len()).collect();
    idx.sort_by_key(|&i| (s.people[i].rank.unwrap_or(i64::MAX), i));
    black_box(idx)
}

fn bench_chart(c: &mut Criterion) {
    let mut group = c.benchmark_group("chart");
    group.sample_size(10);
    let page = PageOptions::default();
    for n in [1_000usize, 10_000] {
        let s = parse(&scenario(n, false));
        let p = plan(&s);
        let l = layout(&s, &p, &LayoutOptions::default());
        let bytes = svg::chart(&l, &page).len();
        eprintln!("chart/{n}: {} seats, SVG {bytes} bytes", l.seats.len());
        group.throughput(Throughput::Elements(l.seats.len() as u64));
        group.bench_with_input(BenchmarkId::new("layout", n), &(&s, &p), |b, (s, p)| {
            b.iter(|| layout(black_box(s), black_box(p), &LayoutOptions::default()))
        });
        // Bytes, so that criterion's JSON (and `cargo xtask bench`) carries the SVG's size.
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("svg", n), &l, |b, l| {
            b.iter(|| svg::chart(black_box(l), &page))
        });
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("sort-baseline", n), &s, |b, s| b.iter(|| sort_baseline(s)));
    }
    group.finish();
}

fn bench_strokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("strokes");
    group.sample_size(10);
    let s = parse(&scenario(10_000, true));
    group.bench_function("precedence-strokes-10000", |b| {
        b.iter(|| seating_core::rank::precedence(black_box(&s.people), black_box(&s.ranking)))
    });
    let plain = parse(&scenario(10_000, false));
    group.bench_function("precedence-input-10000", |b| {
        b.iter(|| seating_core::rank::precedence(black_box(&plain.people), black_box(&plain.ranking)))
    });
    group.bench_function("sort-baseline-10000", |b| b.iter(|| sort_baseline(&s)));
    group.finish();
}

criterion_group!(benches, bench_plan, bench_strokes, bench_chart);
criterion_main!(benches);
