// The README's walk-through in a real browser: load the page, paste 30 names from a
// spreadsheet, check the podium order against PROTOCOL §1 and the hall plan, move two people
// by hand (a real mouse drag, and the keyboard), see the instructions recorded, undo and
// redo, reload and find everything restored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dragSeat, nameOfRank, ROSTER_30, seatsOf, setup } from './harness.mjs';

let h;
let page;
before(async () => {
  h = await setup({ viewport: { width: 1440, height: 900 } });
  page = await h.newPage();
});
after(async () => {
  await h?.close();
});

test('the page opens in Chinese with the three panels and an empty venue', async () => {
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.locator('#tab-roster').textContent(), '名单');
  assert.match(await page.locator('#import-title').textContent(), /导入名单/);
  assert.match(await page.locator('#instructions-title').textContent(), /特殊指示/);
  // The default venue: a podium row of 7 and a hall of 8 × 20.
  const seats = await seatsOf(page);
  assert.equal(Object.keys(seats).filter((s) => s.startsWith('P')).length, 7);
  assert.equal(Object.keys(seats).filter((s) => s.startsWith('H')).length, 160);
  await h.screenshot(page, 'planner-1-empty');
  h.expectClean(page);
});

test('pasting 30 names with a header gives the protocol podium order and a hall plan', async () => {
  await page.locator('#paste').fill(ROSTER_30);
  await page.locator('#mapping').waitFor();
  assert.match(await page.locator('#mapping .status').textContent(), /30/);
  // Header recognised: 姓名 職務 單位 排序 → name, post, unit, rank.
  const fields = await page.$$eval('#mapping select.column-field', (s) => s.map((x) => x.value));
  assert.deepEqual(fields, ['name', 'post', 'unit', 'rank']);
  // The podium count left empty: replacing the roster fills the podium's 7 seats.
  assert.equal(await page.inputValue('#import-podium'), '');
  assert.match(await page.locator('#import-podium-help').textContent(), /取前 7 名/);
  await h.screenshot(page, 'planner-2-mapping');
  await page.locator('#import-replace').click();
  await page.locator('#roster-table tbody tr').nth(29).waitFor();
  assert.match(await page.locator('#roster-title').textContent(), /30/);

  const seats = await seatsOf(page);
  // PROTOCOL §1, honour=left, n=7, seen from the audience: 7 5 3 1 2 4 6.
  const podium = [1, 2, 3, 4, 5, 6, 7].map((c) => seats[`P1-${c}`].name);
  assert.deepEqual(podium, [7, 5, 3, 1, 2, 4, 6].map(nameOfRank));
  // Everyone else sits in the hall, front rows first, units together.
  const hall = Object.entries(seats).filter(([id, s]) => id.startsWith('H') && s.person);
  assert.equal(hall.length, 23);
  assert.ok(hall.every(([id]) => /^H[12]-/.test(id)), 'the hall fills from the front');
  assert.equal(await page.locator('#diagnostics-title').count(), 1);
  assert.equal(await page.locator('.count.error.zero').count(), 1, 'nothing unhonoured');
  await h.screenshot(page, 'planner-3-planned');
  h.expectClean(page);
});

test('selecting a seat shows why its person sits there', async () => {
  await page.locator('#diagram g[data-seat="P1-4"] rect.box').click();
  await page.locator('#inspector .name').waitFor();
  assert.equal(await page.locator('#inspector .name').textContent(), nameOfRank(1));
  // The reason in the interface's language: 简体 here, English from the menu, and back.
  const reason = () => page.locator('#inspector .reason').textContent();
  assert.match(await reason(), /位次第1 → .*居中/);
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => /#1 by precedence/.test(document.querySelector('#inspector .reason')?.textContent));
  assert.match(await reason(), /#1 by precedence → row 1 #1: centre seat/);
  await page.selectOption('#lang', 'zh-Hans');
  await page.waitForFunction(() => /位次第1/.test(document.querySelector('#inspector .reason')?.textContent));
  assert.equal(await page.getAttribute('#diagram g[data-seat="P1-4"]', 'class').then((c) => c.includes('selected')), true);
});

test('the seat tooltip opens beside the pointer and inside the chart', async () => {
  const chart = await page.locator('.diagram-wrap').boundingBox();
  // The rightmost and the bottom-most seat, and one in the middle of the podium.
  const ids = await page.evaluate(() => {
    const seats = [...document.querySelectorAll('#diagram g[data-seat]')].map((g) => [g.dataset.seat, g.getBoundingClientRect()]);
    const by = (f) => seats.reduce((a, b) => (f(b[1]) > f(a[1]) ? b : a))[0];
    return [by((r) => r.right), by((r) => r.bottom)];
  });
  for (const id of ['P1-4', ...ids]) {
    const box = await page.locator(`#diagram g[data-seat="${id}"] rect.box`).boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.locator('#seat-tooltip').waitFor();
    const tip = await page.locator('#seat-tooltip').boundingBox();
    const near = (a, b, d) => Math.abs(a - b) < d;
    assert.ok(near(tip.x, x, 30) || near(tip.x + tip.width, x, 30), `${id}: tooltip x ${tip.x}–${tip.x + tip.width}, pointer ${x}`);
    assert.ok(near(tip.y, y, 30) || near(tip.y + tip.height, y, 30), `${id}: tooltip y ${tip.y}–${tip.y + tip.height}, pointer ${y}`);
    assert.ok(tip.x >= chart.x - 1 && tip.x + tip.width <= chart.x + chart.width + 1, `${id}: tooltip inside the chart`);
    assert.ok(tip.y >= chart.y - 1 && tip.y + tip.height <= chart.y + chart.height + 1, `${id}: tooltip inside the chart`);
  }
  await page.mouse.move(chart.x + 2, chart.y + 2);
});

test('dragging #1 onto #2 swaps them and records a swap instruction with who and why', async () => {
  await dragSeat(page, 'P1-4', 'P1-5');
  await page.locator('#instruction-list li').first().waitFor();
  const seats = await seatsOf(page);
  assert.equal(seats['P1-4'].name, nameOfRank(2));
  assert.equal(seats['P1-5'].name, nameOfRank(1));
  const item = page.locator('#instruction-list li').first();
  assert.match(await item.locator('.what').textContent(), new RegExp(`${nameOfRank(1)} ⇄ ${nameOfRank(2)}`));
  assert.match(await item.getAttribute('class'), /op-swap/);
  // Who asked and why.
  await item.locator('input.by').fill('秘書長');
  await item.locator('input.by').press('Tab');
  await item.locator('input.note').fill('按領導意見');
  await item.locator('input.note').press('Tab');
  await page.waitForFunction(() => document.querySelector('#instruction-list li input.note')?.value === '按領導意見');
  // A hand edit shows on the chart: the seats carry the instruction mark.
  assert.match(await page.getAttribute('#diagram g[data-seat="P1-4"]', 'class'), /pinned/);
  // #2 now sits on #1's seat of honour: the legend counts the inverted seats.
  assert.match(await page.locator('#legend').textContent(), /位次倒[挂掛]（1）/);
  await h.screenshot(page, 'planner-4-swapped');
  h.expectClean(page);
});

test('undo takes the edits back one by one, redo puts them back', async () => {
  // Three steps: the swap, its "by", its "note".
  for (let k = 0; k < 3; k++) await page.locator('#undo').click();
  assert.equal(await page.locator('#instruction-list li').count(), 0);
  assert.doesNotMatch(await page.locator('#legend').textContent(), /位次倒/);
  let seats = await seatsOf(page);
  assert.equal(seats['P1-4'].name, nameOfRank(1));
  assert.equal(seats['P1-5'].name, nameOfRank(2));
  for (let k = 0; k < 3; k++) await page.locator('#redo').click();
  assert.match(await page.locator('#legend').textContent(), /位次倒[挂掛]（1）/);
  seats = await seatsOf(page);
  assert.equal(seats['P1-4'].name, nameOfRank(2));
  assert.equal(await page.inputValue('#instruction-list li input.note'), '按領導意見');
  // The keyboard shortcut works too (focus outside text fields).
  await page.locator('#diagram').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#instruction-list li input.note'), '');
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue('#instruction-list li input.note'), '按領導意見');
  h.expectClean(page);
});

test('dragging a hall person onto an empty seat moves them there (a pin)', async () => {
  const before = await seatsOf(page);
  const [from] = Object.entries(before).find(([id, s]) => id.startsWith('H1-') && s.person);
  const moved = before[from].name;
  await dragSeat(page, from, 'H8-20');
  await page.locator('#instruction-list li').nth(1).waitFor();
  const after = await seatsOf(page);
  assert.equal(after['H8-20'].name, moved);
  assert.match(await page.locator('#instruction-list li').nth(1).getAttribute('class'), /op-pin/);
  h.expectClean(page);
});

test('the keyboard does every mouse action: select, pick up, drop, reserve, lock, remove', async () => {
  await page.locator('#diagram').focus();
  // Select P1-1, pick it up (Enter), go right (arrow) and drop on P1-2 (Enter): a swap.
  await page.locator('#diagram g[data-seat="P1-1"] rect.box').click();
  const before = await seatsOf(page);
  await page.keyboard.press('Enter');
  assert.match(await page.getAttribute('#diagram g[data-seat="P1-1"]', 'class'), /picked/);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.getAttribute('#diagram g[data-seat="P1-2"]', 'class'), /selected/);
  await page.keyboard.press('Enter');
  let seats = await seatsOf(page);
  assert.equal(seats['P1-1'].name, before['P1-2'].name);
  assert.equal(seats['P1-2'].name, before['P1-1'].name);
  assert.equal(await page.locator('#instruction-list li').count(), 3);
  // R reserves the selected seat (its person moves elsewhere); R again releases it.
  await page.locator('#diagram g[data-seat="H3-10"] rect.box').click();
  await page.keyboard.press('r');
  assert.match(await page.getAttribute('#diagram g[data-seat="H3-10"]', 'class'), /reserved/);
  assert.equal(await page.locator('#instruction-list li.op-reserve').count(), 1);
  // L locks the person in a seat (a pin in place); L again unlocks.
  await page.locator('#diagram g[data-seat="H1-1"] rect.box').click();
  await page.keyboard.press('l');
  assert.equal(await page.locator('#instruction-list li.op-pin').count(), 2);
  await page.keyboard.press('l');
  assert.equal(await page.locator('#instruction-list li.op-pin').count(), 1);
  // Delete on a seat removes the instruction that placed it; Delete on a focused item too.
  await page.locator('#diagram g[data-seat="H3-10"] rect.box').click();
  await page.keyboard.press('Delete');
  assert.equal(await page.locator('#instruction-list li.op-reserve').count(), 0);
  await page.locator('#instruction-list li').last().focus();
  await page.keyboard.press('Delete');
  assert.equal(await page.locator('#instruction-list li').count(), 2);
  seats = await seatsOf(page);
  assert.equal(seats['P1-1'].name, before['P1-1'].name, 'the keyboard swap is gone');
  await h.screenshot(page, 'planner-5-keyboard');
  h.expectClean(page);
});

test('reloading the page restores the roster, the instructions and the plan', async () => {
  const before = await seatsOf(page);
  const instructions = await page.$$eval('#instruction-list li .what', (l) => l.map((x) => x.textContent));
  await page.waitForTimeout(100); // the autosave runs right after each change
  await page.reload();
  await page.locator('#diagram g[data-seat="P1-4"][data-person]').waitFor();
  assert.deepEqual(await seatsOf(page), before);
  assert.deepEqual(await page.$$eval('#instruction-list li .what', (l) => l.map((x) => x.textContent)), instructions);
  assert.equal(await page.inputValue('#instruction-list li input.by'), '秘書長');
  assert.match(await page.locator('#roster-title').textContent(), /30/);
  await h.screenshot(page, 'planner-6-reloaded');
  h.expectClean(page);
});

test('closing the page without warning and opening it again loses nothing', async () => {
  await dragSeat(page, 'P1-6', 'P1-7');
  const before = await seatsOf(page);
  await page.waitForTimeout(100);
  await page.close({ runBeforeUnload: false });
  page = await h.newPage();
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-4"][data-person]').waitFor();
  assert.deepEqual(await seatsOf(page), before);
  h.expectClean(page);
});
