// Venue and conventions re-plan live: honour side, several podium rows (PROTOCOL §2), the
// hall method, a banquet and a photo line-up drawn as their own charts, the podium view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOfRank, pasteRoster, seatsOf, setup } from './harness.mjs';

let h;
let page;
before(async () => {
  h = await setup({ viewport: { width: 1440, height: 900 } });
  page = await h.newPage();
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  await pasteRoster(page);
  await page.locator('#tab-venue').click();
});
after(async () => {
  await h?.close();
});

const podiumRow = async (row, n) => {
  const seats = await seatsOf(page);
  return Array.from({ length: n }, (_, c) => seats[`P${row}-${c + 1}`]?.name);
};

test('honour side: right (international) mirrors the podium row', async () => {
  await page.selectOption('#honour', 'right');
  // PROTOCOL §1, honour=right, n=7: 6 4 2 1 3 5 7.
  assert.deepEqual(await podiumRow(1, 7), [6, 4, 2, 1, 3, 5, 7].map(nameOfRank));
  assert.match(await page.locator('.choice:has(#honour) .explain').textContent(), /6 4 2 1 3 5 7/);
  await page.selectOption('#honour', 'left');
  assert.deepEqual(await podiumRow(1, 7), [7, 5, 3, 1, 2, 4, 6].map(nameOfRank));
  // Undo puts the select back too (a select the user changed no longer follows its
  // options' `selected` attributes), and the chart with it.
  await page.locator('#undo').click();
  assert.equal(await page.inputValue('#honour'), 'right');
  assert.deepEqual(await podiumRow(1, 7), [6, 4, 2, 1, 3, 5, 7].map(nameOfRank));
  await page.locator('#redo').click();
  assert.equal(await page.inputValue('#honour'), 'left');
  h.expectClean(page);
});

test('two podium rows: the front row first, each row centred (PROTOCOL §2)', async () => {
  await page.fill('#podium-rows', '3, 4');
  await page.locator('#podium-rows').press('Enter');
  await page.locator('#diagram g[data-seat="P2-4"]').waitFor();
  // Rows [3, 4], 7 people: front 3 1 2, back 6 4 5 7.
  assert.deepEqual(await podiumRow(1, 3), [3, 1, 2].map(nameOfRank));
  assert.deepEqual(await podiumRow(2, 4), [6, 4, 5, 7].map(nameOfRank));
  // Even rows by the other rule: first-on-honour-side puts #1 (here #4) left of centre.
  await page.selectOption('#even', 'first-on-honour-side');
  assert.deepEqual(await podiumRow(2, 4), [7, 5, 4, 6].map(nameOfRank));
  await page.selectOption('#even', 'pair');
  h.expectClean(page);
});

test('an invalid venue value is refused with the core’s message, the plan kept', async () => {
  await page.fill('#hall-aisles', '5, 99');
  await page.locator('#hall-aisles').press('Enter');
  await page.locator('#notice.error').waitFor();
  // The core's check, in the page's language, naming the field.
  assert.match(await page.locator('#notice').textContent(), /`hall\.aisles\[1\]`：过道应在第 1 至 \d+ 列座位之后，这里是 99/);
  assert.deepEqual(await podiumRow(1, 3), [3, 1, 2].map(nameOfRank));
  h.expectClean(page);
});

test('a banquet and a photo line-up are charts of their own', async () => {
  await page.check('#banquet-on');
  await page.check('#lineup-on');
  await page.getByRole('tab', { name: '宴会', exact: true }).click();
  await page.locator('#diagram g[data-seat="T1-1"][data-person]').waitFor();
  assert.ok((await page.locator('#diagram circle.table').count()) >= 3);
  // Two hosts: the host (#1) faces the door at the main table.
  const seats = await seatsOf(page);
  assert.equal(seats['T1-1'].name, nameOfRank(1));
  await h.screenshot(page, 'venue-banquet');
  await page.getByRole('tab', { name: '合影', exact: true }).click();
  await page.locator('#diagram g.place[data-person]').first().waitFor();
  await h.screenshot(page, 'venue-lineup');
  // A second line-up of its own (two a row), with a tab; the first keeps its 11 a row.
  await page.locator('#tab-venue').click();
  await page.click('#lineup-add');
  assert.equal(await page.inputValue('#lineup-pick'), '1');
  // The chart shows what is edited: the new line-up's tab.
  await page.getByRole('tab', { name: '站位', selected: true }).waitFor();
  await page.fill('#lineup-name', '頒獎');
  await page.locator('#lineup-name').press('Enter');
  await page.fill('#lineup-per-row', '2');
  await page.locator('#lineup-per-row').press('Enter');
  await page.getByRole('tab', { name: '頒獎', exact: true }).click();
  await page.locator('#diagram g.place[data-person]').first().waitFor();
  const rows = await page.$$eval('#diagram g.place[data-person]', (gs) => new Set(gs.map((g) => g.getBoundingClientRect().y)).size);
  assert.ok(rows >= 2, `two a row: ${rows} rows`);
  await page.locator('#tab-venue').click();
  await page.selectOption('#lineup-pick', '0');
  assert.equal(await page.inputValue('#lineup-per-row'), '11');
  await page.selectOption('#lineup-pick', '1');
  await page.click('#lineup-remove');
  await page.getByRole('tab', { name: '頒獎', exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: '会场', exact: true }).click();
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  h.expectClean(page);
});

test('the podium view turns the chart round', async () => {
  const x = async (id) => (await page.locator(`#diagram g[data-seat="${id}"] rect.box`).boundingBox()).x;
  assert.ok((await x('P1-1')) < (await x('P1-3')));
  assert.equal(await page.getAttribute('#view-audience', 'aria-pressed'), 'true');
  await page.click('#view-podium');
  await page.waitForFunction(() => document.getElementById('view-podium').getAttribute('aria-pressed') === 'true');
  assert.ok((await x('P1-1')) > (await x('P1-3')), 'left and right swap in the podium view');
  await page.click('#view-audience');
  h.expectClean(page);
});

test('a host–guest occasion set up on the page: 主客方 pasted, talks, then a signing with its assistants (PROTOCOL §3)', async () => {
  const p = await h.newPage();
  await p.goto(h.url);
  await p.locator('#diagram g[data-seat="P1-1"]').waitFor();
  await pasteRoster(
    p,
    [
      ['姓名', '職務', '排序', '主客方'],
      ['陳志遠', '市長', '1', '主方'],
      ['Margit Lindqvist', 'Mayor', '1', '客方'],
      ['白清剛', '副市長', '2', '主方'],
      ['Erik Holm', 'Deputy Mayor', '2', '客方'],
      ['林曉', '外辦主任', '3', '主方'],
      ['Jonas Berg', 'Counsellor', '3', '客方'],
    ]
      .map((r) => r.join('\t'))
      .join('\n'),
  );
  // The pasted sides are in the roster's 主客方 column.
  const sides = await p.$$eval('#roster-table tbody tr', (trs) =>
    Object.fromEntries(trs.map((tr) => [tr.querySelector('.cell.name').textContent, tr.querySelector('select.side')?.value])),
  );
  assert.equal(sides['Margit Lindqvist'], 'guest');
  assert.equal(sides['林曉'], 'host');
  await p.locator('#tab-venue').click();
  await p.check('#bilateral-on');
  await p.getByRole('tab', { name: '会谈', exact: true }).click();
  const box = async (name) =>
    p.locator('#diagram g[data-person]', { has: p.locator('text.nm', { hasText: name }) }).locator('rect.box').boundingBox();
  await p.locator('#diagram g[data-person]').first().waitFor();
  // Guests on the far side (above the table), the principals facing each other; the second
  // of each side on the principal's own right: the guest's on the door-viewer's left, the
  // host's on the right.
  const [g1, h1, g2, h2] = [await box('Margit'), await box('陳志遠'), await box('Erik'), await box('白清剛')];
  assert.ok(g1.y + g1.height < h1.y);
  assert.ok(Math.abs(g1.x - h1.x) < 1);
  assert.ok(g2.x < g1.x && h2.x > h1.x);
  // A signing: the tab follows the kind's name; the assistants stand on the outer sides.
  await p.locator('#tab-venue').click();
  await p.selectOption('#bilateral-kind', 'signing');
  await p.fill('#bilateral-assistants', '林曉，Jonas Berg');
  await p.locator('#bilateral-assistants').press('Enter');
  await p.getByRole('tab', { name: '签字仪式', exact: true }).click();
  await p.locator('#diagram g[data-person]').first().waitFor();
  const xs = [];
  for (const name of ['Jonas', 'Margit', '陳志遠', '林曉']) xs.push((await box(name)).x);
  assert.deepEqual([...xs].sort((a, b) => a - b), xs, 'guest-assistant GuestSigner HostSigner host-assistant');
  // The others stand behind their own signer.
  const [e, b] = [await box('Erik'), await box('白清剛')];
  assert.ok(e.y < (await box('Margit')).y && b.y < (await box('陳志遠')).y);
  // A name not on the roster is refused, naming it.
  await p.locator('#tab-venue').click();
  await p.fill('#bilateral-assistants', '林曉，Nobody');
  await p.locator('#bilateral-assistants').press('Enter');
  await p.locator('#notice.error').waitFor();
  assert.match(await p.locator('#notice').textContent(), /Nobody/);
  // A second occasion: added, edited on its own, each with its tab, and removed again.
  await p.click('#bilateral-add');
  await p.locator('#bilateral-pick').waitFor();
  assert.equal(await p.inputValue('#bilateral-pick'), '1');
  assert.equal(await p.inputValue('#bilateral-kind'), 'talks');
  await p.selectOption('#bilateral-kind', 'side-by-side');
  await p.getByRole('tab', { name: '会见', exact: true }).waitFor();
  await p.getByRole('tab', { name: '签字仪式', exact: true }).waitFor();
  await p.getByRole('tab', { name: '会见', selected: true }).waitFor();
  await p.selectOption('#bilateral-pick', '0');
  await p.getByRole('tab', { name: '签字仪式', selected: true }).waitFor();
  assert.equal(await p.inputValue('#bilateral-kind'), 'signing');
  assert.equal(await p.inputValue('#bilateral-assistants'), '林曉，Jonas Berg');
  await p.selectOption('#bilateral-pick', '1');
  assert.equal(await p.inputValue('#bilateral-kind'), 'side-by-side');
  await h.screenshot(p, 'venue-bilateral-two');
  await p.click('#bilateral-remove');
  await p.getByRole('tab', { name: '会见', exact: true }).waitFor({ state: 'detached' });
  assert.equal(await p.locator('#bilateral-pick').count(), 0);
  assert.equal(await p.inputValue('#bilateral-kind'), 'signing');
  await h.screenshot(p, 'venue-bilateral');
  h.expectClean(p);
  await p.close();
});
