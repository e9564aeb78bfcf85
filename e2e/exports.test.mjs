// Exports in a real browser: every file is downloaded and its content checked (chart SVG
// and PNG, name cards, CSV and XLSX sign-in lists, scenario JSON), and printing shows only
// the chart on one A4 page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOfRank, pasteRoster, setup } from './harness.mjs';

const TITLE = '全區經濟工作會議';
let h;
let page;
before(async () => {
  h = await setup({ viewport: { width: 1440, height: 900 } });
  page = await h.newPage();
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  await pasteRoster(page);
  await page.locator('#tab-venue').click();
  await page.locator('#meeting-title').fill(TITLE);
  await page.locator('#meeting-title').press('Enter');
  await page.waitForFunction((t) => document.querySelector('#chart-heading')?.textContent.startsWith(t), TITLE);
});
after(async () => {
  await h?.close();
});

test('chart SVG: the core’s approval chart with every name, title and sign-off', async () => {
  const file = await h.download(page, '#export-svg');
  assert.equal(file.name, `${TITLE}-座次图.svg`); // a 简体 page's new draft prints 简体
  assert.match(file.text, /^<svg[^>]*height="210mm"[^>]*width="297mm"/);
  assert.ok(file.text.includes(TITLE));
  for (let k = 1; k <= 30; k++) assert.ok(file.text.includes(`>${nameOfRank(k)}<`), nameOfRank(k));
  assert.ok(file.text.includes('审定') && !file.text.includes('審定'));
  assert.ok(!/<script|onerror|href=/i.test(file.text), 'no active content');
  h.expectClean(page);
});

test('chart PNG: drawn from the SVG on an offscreen canvas, 150 dpi', async () => {
  const file = await h.download(page, '#export-png');
  assert.equal(file.name, `${TITLE}-座次图.png`);
  assert.deepEqual([...file.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = file.bytes.readUInt32BE(16);
  const height = file.bytes.readUInt32BE(20);
  assert.deepEqual([width, height], [1754, 1240], 'A4 landscape at 150 dpi');
  assert.ok(file.bytes.length > 20_000, `a real picture (${file.bytes.length} bytes)`);
  h.expectClean(page);
});

test('A3 paper changes the chart page', async () => {
  await page.selectOption('#paper', 'a3');
  const file = await h.download(page, '#export-svg');
  assert.match(file.text, /^<svg[^>]*height="297mm"[^>]*width="420mm"/);
  await page.selectOption('#paper', 'a4');
  h.expectClean(page);
});

test('name cards: one printable HTML sheet with the podium names', async () => {
  const file = await h.download(page, '#export-cards');
  assert.equal(file.name, `${TITLE}-席卡.html`);
  assert.match(file.text, /^<!DOCTYPE html>/);
  assert.match(file.text, /@page\{size:210mm 297mm/);
  for (let k = 1; k <= 7; k++) assert.ok(file.text.includes(nameOfRank(k)), nameOfRank(k));
  assert.ok(!/<script/i.test(file.text));
  h.expectClean(page);
});

test('sign-in list CSV: UTF-8 with BOM for Excel, everyone with their seat', async () => {
  const file = await h.download(page, '#export-csv');
  assert.equal(file.name, `${TITLE}-签到表.csv`);
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = file.text.slice(1).trim().split('\r\n');
  assert.equal(lines[0], '序号,姓名,职务,单位,座位,签到');
  assert.equal(lines.length, 31);
  const first = lines.find((l) => l.includes(nameOfRank(1)));
  assert.match(first, /主席台第1排4号/);
  // Names and units are printed as typed (繁體 in this roster).
  assert.ok(lines.some((l) => l.includes('區委')));

  // 圖表用字 → 繁體: the same list in Traditional characters.
  await page.locator('#tab-venue').click();
  await page.selectOption('#script', 'traditional');
  await page.waitForFunction(() => document.querySelector('#script').value === 'traditional');
  const trad = await h.download(page, '#export-csv');
  assert.equal(trad.name, `${TITLE}-簽到表.csv`);
  const tlines = trad.text.slice(1).trim().split('\r\n');
  assert.equal(tlines[0], '序號,姓名,職務,單位,座位,簽到');
  assert.match(tlines.find((l) => l.includes(nameOfRank(1))), /主席臺第1排4號/);
  h.expectClean(page);
});

test('sign-in list XLSX: a workbook written by the core in the browser', async () => {
  const file = await h.download(page, '#export-xlsx');
  assert.equal(file.name, `${TITLE}-簽到表.xlsx`); // 繁體 since the CSV test
  assert.deepEqual([...file.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
  assert.ok(file.bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')));
  assert.ok(file.bytes.includes(Buffer.from('xl/worksheets/sheet2.xml')));
  h.expectClean(page);
});

test('scenario JSON: the seating/1 file, loadable again', async () => {
  const file = await h.download(page, '#export-json');
  assert.equal(file.name, `${TITLE}.json`);
  const s = JSON.parse(file.text);
  assert.equal(s.format, 'seating/1');
  assert.equal(s.meeting.title, TITLE);
  assert.equal(s.people.length, 30);
  assert.deepEqual(s.podium.rows, [7]);
  assert.equal(s.people.filter((p) => p.section === 'podium').length, 7);
  h.expectClean(page);
});

test('print: only the chart is printed, on one A4 landscape page', async () => {
  // The print style sheet hides the app and shows the print area.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.click('#print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.equal(await page.locator('#print-area svg').count(), 1);
  assert.ok((await page.locator('#print-area svg').textContent()).includes(nameOfRank(1)));
  const pageRule = await page.evaluate(() => document.getElementById('print-page')?.textContent ?? '');
  assert.match(pageRule, /@page\{size:297mm 210mm;margin:0\}/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app').isVisible(), false, 'the app is not printed');
  assert.equal(await page.locator('#print-area').isVisible(), true);
  await page.screenshot({ path: `${(await import('./harness.mjs')).ARTIFACTS}exports-print-media.png` });
  // The browser's own PDF of the page, made with the print media (an emulated `screen`
  // would make it a PDF of the app instead): exactly one A4 landscape page.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, 'one page');
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box, 'a media box');
  assert.ok(Math.abs(Number(box[1]) - 841.9) < 2 && Math.abs(Number(box[2]) - 595.3) < 2, `A4 landscape: ${box[0]}`);
  h.expectClean(page);
});
