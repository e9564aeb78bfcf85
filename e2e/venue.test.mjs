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
  assert.match(await page.locator('#notice').textContent(), /hall\.aisles\[1\]/);
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
  await page.getByRole('tab', { name: '会场', exact: true }).click();
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  h.expectClean(page);
});

test('the podium view turns the chart round', async () => {
  const x = async (id) => (await page.locator(`#diagram g[data-seat="${id}"] rect.box`).boundingBox()).x;
  assert.ok((await x('P1-1')) < (await x('P1-3')));
  await page.click('#view-toggle');
  await page.waitForFunction(() => document.getElementById('view-toggle').textContent.includes('主席台'));
  assert.ok((await x('P1-1')) > (await x('P1-3')), 'left and right swap in the podium view');
  await page.click('#view-toggle');
  h.expectClean(page);
});
