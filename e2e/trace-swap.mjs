// Where a drag-swap's time goes in the browser: a Chromium trace of N mouse drags on the
// 3,030-seat scenario of the perf test, summarised per phase of the frames they cause
// (the breakdown in BENCHMARKS.md). Not a test: it reports, it asserts nothing.
//
//   cargo xtask dist && node e2e/trace-swap.mjs [--swaps N] [--css 'rules'] [--out FILE]
//
// --css adds a style sheet before the drags (to try a rendering change without a build);
// --out keeps the raw trace (open it in chrome://tracing or Perfetto).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bigScenario, dragSeat, quantile, setup, storeDraft } from './harness.mjs';

const { values: args } = parseArgs({
  options: { swaps: { type: 'string', default: '10' }, css: { type: 'string' }, out: { type: 'string' } },
});
const SWAPS = Number(args.swaps);

const median = (xs) => quantile(xs, 0.5);
const ms = (us) => Math.round(us / 100) / 10;

const h = await setup({ viewport: { width: 1440, height: 900 } });
try {
  const page = await h.newPage();
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  await storeDraft(page, bigScenario());
  await page.reload();
  await page.locator('#diagram g[data-seat="H60-50"]').waitFor();
  if (args.css) await page.addStyleTag({ content: args.css });
  await page.waitForTimeout(500);

  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'] },
    transferMode: 'ReportEvents',
  });
  const marksFrom = await page.evaluate(() => window.__seatingPerf.length);
  for (let k = 0; k < SWAPS; k++) {
    // Neighbours in a hall row, a different pair each time (as the perf test swaps them).
    await dragSeat(page, `H${3 + k}-${20 + (k % 10)}`, `H${3 + k}-${21 + (k % 10)}`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  }
  const marks = await page.evaluate((from) => window.__seatingPerf.slice(from), marksFrom);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  if (args.out) await writeFile(args.out, JSON.stringify(events));

  // The renderer's main thread: the one that runs BeginMainFrame.
  const complete = events.filter((e) => e.ph === 'X');
  const threads = new Map();
  for (const e of complete) if (e.name === 'ProxyMain::BeginMainFrame') threads.set(e.tid, (threads.get(e.tid) ?? 0) + 1);
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = complete.filter((e) => e.tid === main).sort((a, b) => a.ts - b.ts);
  // Frames with work in them (an idle frame takes well under a millisecond).
  const frames = onMain.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.dur > 3000);
  const phases = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
  const breakdown = (list) => {
    const per = Object.fromEntries(phases.map((p) => [p, []]));
    for (const f of list) {
      const inside = onMain.filter((e) => e.ts >= f.ts && e.ts + e.dur <= f.ts + f.dur);
      // The outermost event of each phase (Paint nests per painted layer).
      for (const p of phases) per[p].push(Math.max(0, ...inside.filter((e) => e.name === p).map((e) => e.dur)));
    }
    return {
      frames: list.length,
      medianMs: ms(median(list.map((f) => f.dur))),
      byPhaseMs: Object.fromEntries(phases.map((p) => [p, ms(median(per[p]))])),
    };
  };
  // The heaviest frame of each drag is the drop's (the swapped seats, the new instruction,
  // the inspector); the others follow the pointer (the ghost, the drop target).
  const heaviest = [...frames].sort((a, b) => b.dur - a.dur);
  const fullLayerize = onMain.filter((e) => e.name === 'PaintArtifactCompositor::Update');
  const mark = (name) => median(marks.filter((m) => m.name === name).map((m) => (m.end - m.start) * 1000));
  const summary = {
    swaps: SWAPS,
    css: args.css ?? null,
    dropFrames: breakdown(heaviest.slice(0, SWAPS)),
    dragFrames: breakdown(heaviest.slice(SWAPS)),
    fullLayerizations: fullLayerize.length,
    fullLayerizeMedianMs: ms(median(fullLayerize.map((e) => e.dur))),
    wasmMedianMs: Object.fromEntries(
      ['drop-dispatch', 'page:clone+edit+validate', 'core:plan', 'core:layout', 'page:seats-patch'].map((n) => [n, ms(mark(n))]),
    ),
  };
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await h.close();
}
