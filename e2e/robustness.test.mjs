// Hostile input and lost work, in a real browser: names with markup render as text and run
// nothing; a panic shows the error panel with an export of the saved scenario, and the work
// is back after a reload; a full storage is reported; an unsaved import is not dropped
// without asking; GBK files are decoded; drafts; languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, cellValue, dragSeat, editCell, nameOfRank, pasteRoster, ROSTER_30, seatsOf, setup } from './harness.mjs';

const EVIL = '<img src=x onerror=alert(1)>';
const EVIL_POST = '<script>window.__xss=1</script>';

let h;
before(async () => {
  h = await setup({ viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await h?.close();
});

async function open(options = {}) {
  const page = await h.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    if (options.dismiss) d.dismiss();
    else d.accept();
  });
  await page.goto(h.url);
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  return { page, dialogs };
}

test('a name with markup is shown as text everywhere and nothing runs', async () => {
  const { page, dialogs } = await open();
  const roster = ROSTER_30.replace('王晨\t區委書記', `${EVIL}\t${EVIL_POST}`);
  await pasteRoster(page, roster);
  // Roster table: the input's value is the literal text.
  assert.equal(await cellValue(page, '#roster-table tbody tr:first-child', 'name'), EVIL);
  assert.equal(await cellValue(page, '#roster-table tbody tr:first-child', 'post'), EVIL_POST);
  // Diagram: the seat's hover tooltip holds the literal text.
  await page.locator('#diagram g[data-seat="P1-4"] rect.box').hover();
  const title = await page.locator('#seat-tooltip').textContent();
  assert.ok(title.includes(EVIL) && title.includes(EVIL_POST), title);
  await page.locator('#diagram g[data-seat="P1-4"] rect.box').click();
  assert.equal(await page.locator('#inspector .name').textContent(), EVIL);
  // The print area (the core's SVG parsed as XML) too.
  await page.evaluate(() => (window.print = () => {}));
  await page.click('#print');
  assert.ok((await page.locator('#print-area').textContent()).includes('<img'));
  assert.equal(await page.locator('img').count(), 0, 'no <img> element was made');
  assert.equal(await page.locator('#app script, #print-area script').count(), 0);
  // The exported chart opened on its own runs nothing either.
  const svg = await h.download(page, '#export-svg');
  // Escaped in the chart (the name is fitted to its box, so it may be wrapped).
  assert.ok(svg.text.includes('&lt;img'), 'the name is escaped');
  assert.ok(!svg.text.includes('<img') && !svg.text.includes('<script'), 'no markup');
  const viewer = await h.newPage();
  viewer.on('dialog', (d) => {
    dialogs.push(`viewer ${d.type()}`);
    d.dismiss();
  });
  const url = new URL('exported-chart.svg', h.url).href;
  await viewer.route(url, (route) => route.fulfill({ contentType: 'image/svg+xml', body: svg.text }));
  await viewer.goto(url);
  await viewer.waitForTimeout(300);
  assert.equal(await viewer.evaluate(() => window.__xss ?? null), null);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss ?? null), null, 'no script ran');
  assert.deepEqual(dialogs, [], 'no alert was shown');
  await h.screenshot(page, 'robustness-markup-name');
  h.expectClean(page);
  h.expectClean(viewer);
  await viewer.close();
  await page.close();
});

test('a panic shows the error panel, exports the saved scenario, and a reload restores the work', async () => {
  const { page } = await open();
  await pasteRoster(page);
  await dragSeat(page, 'P1-4', 'P1-5');
  await page.locator('#instruction-list li').first().waitFor();
  const before = await seatsOf(page);
  await page.waitForTimeout(100);
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('seating:test-panic')));
  const panel = page.locator('#panic-panel');
  await panel.waitFor();
  assert.match(await panel.textContent(), /页面出错了/);
  assert.match(await panel.locator('pre').textContent(), /a panic on purpose/);
  await h.screenshot(page, 'robustness-panic');
  const file = await h.download(page, '#panic-export');
  const saved = JSON.parse(file.text);
  assert.equal(saved.format, 'seating/1');
  assert.equal(saved.people.length, 30);
  assert.equal(saved.instructions[0].op, 'swap');
  await page.reload();
  await page.locator('#diagram g[data-seat="P1-4"][data-person]').waitFor();
  assert.deepEqual(await seatsOf(page), before);
  assert.equal(await page.locator('#panic-panel').count(), 0);
  await page.close();
});

test('a full browser storage is reported, and the report goes once saving works again', async () => {
  const { page } = await open();
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.locator('#tab-venue').click();
  await page.locator('#meeting-title').fill('配額測試');
  await page.locator('#meeting-title').press('Enter');
  const banner = page.locator('#storage-error');
  await banner.waitFor();
  assert.match(await banner.textContent(), /存储空间已满/);
  await page.evaluate(() => (Storage.prototype.setItem = window.__setItem));
  await page.locator('#meeting-title').fill('配額測試二');
  await page.locator('#meeting-title').press('Enter');
  await banner.waitFor({ state: 'detached' });
  h.expectClean(page);
  await page.close();
});

test('an unsaved import is not discarded without asking', async () => {
  const { page, dialogs } = await open({ dismiss: true });
  const drafts = await page.locator('#draft-select option').count();
  await page.locator('#paste').fill(ROSTER_30);
  await page.locator('#mapping').waitFor();
  // A new draft would drop it: the page asks, and "cancel" keeps it.
  await page.click('#draft-new');
  assert.equal(dialogs.length, 1);
  assert.match(dialogs[0], /^confirm: /);
  assert.equal(await page.locator('#draft-select option').count(), drafts);
  assert.equal(await page.locator('#mapping').count(), 1);
  // Discarding asks too.
  await page.click('#import-discard');
  assert.equal(dialogs.length, 2);
  assert.equal(await page.locator('#mapping').count(), 1);
  // Leaving the page asks (beforeunload).
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(dialogs.some((d) => d.startsWith('beforeunload')), dialogs.join('; '));
});

test('opening a scenario file while a table waits discards the table when the user agrees', async () => {
  const { page, dialogs } = await open();
  await page.locator('#paste').fill(ROSTER_30);
  await page.locator('#mapping').waitFor();
  const scenario = JSON.stringify({
    format: 'seating/1',
    meeting: { title: '另一稿' },
    people: [{ id: 'p1', name: '王晨', section: 'podium' }],
    podium: { rows: [3] },
  });
  await page.setInputFiles('#upload', { name: '另一稿.json', mimeType: 'application/json', buffer: Buffer.from(scenario) });
  await page.locator('#chart-heading', { hasText: '另一稿' }).waitFor();
  assert.ok(dialogs.some((d) => d.startsWith('confirm: ')), dialogs.join('; '));
  // The table asked about is gone, not aimed at the draft just opened.
  assert.equal(await page.locator('#mapping').count(), 0);
  h.expectClean(page);
  await page.close();
});

test('a table without a recognised header gets a column-mapping step', async () => {
  const { page } = await open();
  await page.locator('#paste').fill('王晨\t區委書記\t1\n李強\t區長\t2\n趙樂\t區人大常委會主任\t3\n');
  await page.locator('#mapping').waitFor();
  assert.match(await page.locator('#mapping .status').textContent(), /未识别表头/);
  let fields = await page.$$eval('#mapping select.column-field', (s) => s.map((x) => x.value));
  assert.deepEqual(fields, ['name', 'ignore', 'rank']);
  await page.selectOption('#mapping select[data-column="1"]', 'post');
  fields = await page.$$eval('#mapping select.column-field', (s) => s.map((x) => x.value));
  assert.deepEqual(fields, ['name', 'post', 'rank']);
  // A row the core cannot read: said in the preview, before taking the table, naming its
  // line and column in the page's language; the buttons wait until it is fixed or the
  // column left out.
  await page.locator('#paste').fill('王晨\t區委書記\t1\n李強\t區長\t二\n');
  await page.selectOption('#mapping select[data-column="2"]', 'rank');
  await page.locator('#import-problem').waitFor();
  assert.match(await page.locator('#import-problem').textContent(), /第2行，C列（排序）："二"不是整数/);
  assert.equal(await page.locator('#import-replace').isDisabled(), true);
  await page.selectOption('#mapping select[data-column="2"]', 'ignore');
  assert.equal(await page.locator('#import-problem').count(), 0);
  assert.equal(await page.locator('#import-replace').isDisabled(), false);
  await page.locator('#paste').fill('王晨\t區委書記\t1\n李強\t區長\t2\n趙樂\t區人大常委會主任\t3\n');
  await page.selectOption('#mapping select[data-column="1"]', 'post');
  await page.fill('#import-podium', '3');
  await page.locator('#import-podium').press('Tab');
  await page.click('#import-replace');
  await page.locator('#roster-table tbody tr').nth(2).waitFor();
  assert.equal(await cellValue(page, '#roster-table tbody tr:nth-child(2)', 'post'), '區長');
  const seats = await seatsOf(page);
  assert.deepEqual(['P1-3', 'P1-4', 'P1-5'].map((s) => seats[s].name), ['趙樂', '王晨', '李強']);
  h.expectClean(page);
  await page.close();
});

test('an Excel workbook (.xlsx) is read from its first visible sheet and imported', async () => {
  const { page } = await open();
  const xlsx = readFileSync(new URL('../tests/fixtures/import/roster.xlsx', import.meta.url));
  await page.setInputFiles('#upload', { name: '主席臺名單.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.locator('#mapping').waitFor();
  // The header on row 4 under two title rows is found; 序號 gives way to 排序.
  const fields = await page.$$eval('#mapping select.column-field', (s) => s.map((x) => x.value));
  assert.deepEqual(fields, ['ignore', 'name', 'post', 'unit', 'rank', 'section']);
  assert.equal(await page.locator('#mapping tbody tr:first-child td:nth-child(2)').textContent(), '陳佳怡');
  await page.click('#import-replace');
  await page.locator('#roster-table tbody tr').nth(4).waitFor();
  assert.equal(await cellValue(page, '#roster-table tbody tr:nth-child(2)', 'post'), '區委副書記 區長');
  const seats = await seatsOf(page);
  // Three on the podium by the 區域 column, `3 1 2` in the middle of the row of 7.
  assert.deepEqual(['P1-3', 'P1-4', 'P1-5'].map((s) => seats[s].name), ['梁博娟', '陳佳怡', '顧燕偉']);
  await h.screenshot(page, 'import-xlsx');
  // An Excel 97–2003 file goes the same way, its sheets offered in tab order.
  const xls = readFileSync(new URL('../tests/fixtures/import/old.xls', import.meta.url));
  await page.setInputFiles('#upload', { name: '名單.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
  await page.locator('#import-sheet').waitFor();
  assert.deepEqual(await page.$$eval('#import-sheet option', (o) => o.map((x) => x.textContent)), ['名單', '臺下']);
  assert.equal(await page.locator('#mapping tbody tr:first-child td:first-child').textContent(), '陳佳怡');
  h.expectClean(page);
  await page.close();
});

test('a workbook with several sheets: pick one, import it, then add another', async () => {
  const { page } = await open();
  const xlsx = readFileSync(new URL('../tests/fixtures/import/two-sheets.xlsx', import.meta.url));
  const upload = () => page.setInputFiles('#upload', { name: '名單.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
  await upload();
  await page.locator('#import-sheet').waitFor();
  // The visible sheets, in tab order (the hidden one left out); the first is read.
  assert.deepEqual(await page.$$eval('#import-sheet option', (o) => o.map((x) => x.textContent)), ['主席臺', '臺下']);
  assert.equal(await page.locator('#mapping tbody tr:first-child td:first-child').textContent(), '陳佳怡');
  await page.fill('#import-podium', '3');
  await page.locator('#import-podium').press('Tab');
  await page.click('#import-replace');
  await page.locator('#roster-table tbody tr').nth(2).waitFor();
  await upload();
  await page.selectOption('#import-sheet', '1');
  await page.locator('#mapping tbody tr:first-child td:first-child', { hasText: '王一' }).waitFor();
  assert.equal(await page.inputValue('#import-sheet'), '1');
  await h.screenshot(page, 'import-sheets');
  // The count left empty: people added to the roster go to the hall.
  assert.equal(await page.inputValue('#import-podium'), '');
  await page.click('#import-append');
  await page.locator('#roster-table tbody tr').nth(5).waitFor();
  const seats = await seatsOf(page);
  assert.deepEqual(['P1-3', 'P1-4', 'P1-5'].map((s) => seats[s].name), ['梁博娟', '陳佳怡', '顧燕偉']);
  const hall = Object.entries(seats).filter(([id, s]) => id.startsWith('H') && s.name).map(([, s]) => s.name);
  assert.deepEqual(hall.sort(), ['張三', '李二', '王一'].sort());
  h.expectClean(page);
  await page.close();
});

test('adding to the roster puts nobody on the podium unless asked, and the podium grows to fit', async () => {
  const { page } = await open();
  await pasteRoster(page, '姓名\t職務\t排序\n王晨\t區委書記\t1\n李強\t區長\t2\n趙樂\t主任\t3\n', { podium: 3 });
  await page.locator('#roster-table tbody tr').nth(2).waitFor();
  // Two more, the count left empty: both in the hall, the podium as it was.
  await page.locator('#paste').fill('姓名\t排序\n周一\t4\n吳二\t5\n');
  await page.locator('#mapping').waitFor();
  assert.equal(await page.inputValue('#import-podium'), '');
  await page.click('#import-append');
  await page.locator('#roster-table tbody tr').nth(4).waitFor();
  let seats = await seatsOf(page);
  const named = (prefix) => Object.entries(seats).filter(([id, s]) => id.startsWith(prefix) && s.name);
  assert.deepEqual(['P1-3', 'P1-4', 'P1-5'].map((s) => seats[s].name), ['趙樂', '王晨', '李強']);
  assert.deepEqual(named('H').map(([, s]) => s.name).sort(), ['吳二', '周一'].sort());
  // Five more, all five asked onto the podium: 3 + 5 people for 7 seats, so the front row
  // grows to 8 and everyone on the podium has a seat.
  await pasteRoster(page, '姓名\t排序\n鄭六\t6\n孫七\t7\n馬八\t8\n朱九\t9\n胡十\t10\n', { append: true, podium: 5 });
  await page.locator('#roster-table tbody tr').nth(9).waitFor();
  await page.locator('#diagram g[data-seat="P1-8"]').waitFor();
  seats = await seatsOf(page);
  assert.equal(named('P').length, 8);
  assert.deepEqual(named('H').map(([, s]) => s.name).sort(), ['吳二', '周一'].sort());
  h.expectClean(page);
  await page.close();
});

test('appointment dates come in from a roster, show in it, and the seniority tie-break uses them', async () => {
  const { page } = await open();
  await page.locator('#paste').fill('姓名\t职务\t排序\t任职时间\n王晨\t副区长\t2\t2019.3\n李强\t副区长\t2\t2016年5月\n赵乐\t副区长\t2\t43525\n');
  await page.locator('#mapping').waitFor();
  assert.deepEqual(await page.$$eval('#mapping select.column-field', (s) => s.map((x) => x.value)), ['name', 'post', 'rank', 'appointed']);
  await page.click('#import-replace');
  await page.locator('#roster-table tbody tr').nth(2).waitFor();
  // As personnel forms write them (a month; an Excel day number), as dates.
  const dates = () => page.$$eval('#roster-table .cell.appointed', (c) => c.map((x) => x.textContent));
  assert.deepEqual(await dates(), ['2019-03-01', '2016-05-01', '2019-03-01']);
  // Seniority first: the earlier appointment, then (same date) strokes: 王 4 before 赵 9.
  await page.locator('#tab-ranking').click();
  await page.selectOption('select.tiebreak[data-slot="0"]', 'seniority');
  const order = () => page.$$eval('#precedence li .name', (n) => n.map((x) => x.textContent));
  assert.deepEqual(await order(), ['李强', '王晨', '赵乐']);
  // A date edited in the roster moves its person.
  await page.locator('#tab-roster').click();
  await editCell(page, '#roster-table tbody tr:nth-child(3)', 'appointed', '2010.1');
  await page.locator('#tab-ranking').click();
  await page.waitForFunction(() => document.querySelector('#precedence li .name')?.textContent === '赵乐');
  assert.deepEqual(await order(), ['赵乐', '李强', '王晨']);
  await page.locator('#tab-roster').click();
  assert.equal(await cellValue(page, '#roster-table tbody tr:nth-child(3)', 'appointed'), '2010-01-01');
  // Not a date: refused, said why, the date kept.
  await editCell(page, '#roster-table tbody tr:nth-child(3)', 'appointed', '去年');
  await page.locator('#notice.error', { hasText: '不是日期' }).waitFor();
  assert.equal(await cellValue(page, '#roster-table tbody tr:nth-child(3)', 'appointed'), '2010-01-01');
  await h.screenshot(page, 'roster-dates');
  h.expectClean(page);
  await page.close();
});

test('a GBK-encoded CSV from old Excel is decoded, not garbled', async () => {
  const { page } = await open();
  const gbk = Buffer.from(
    'd0d5c3fb2cd6b0cef12cb5a5cebb2cc5c5d0f20acdf5b3bf2cc7f8ceafcae9bcc72cc7f8ceaf2c310ac0eec7bf2cc7f8b3a42cc7f8d5feb8ae2c320ad5d4c0d62cc7f8c8cbb4f3b3a3ceafbbe1d6f7c8ce2cc7f8c8cbb4f32c330a',
    'hex',
  );
  await page.setInputFiles('#upload', { name: '名单.csv', mimeType: 'text/csv', buffer: gbk });
  await page.locator('#mapping').waitFor();
  assert.match(await page.locator('#mapping .status').textContent(), /gb18030/);
  assert.equal(await page.locator('#mapping tbody tr:first-child td:first-child').textContent(), '王晨');
  await page.click('#import-replace');
  await page.locator('#roster-table tbody tr').nth(2).waitFor();
  assert.equal(await cellValue(page, '#roster-table tbody tr:first-child', 'post'), '区委书记');
  // A damaged workbook: the page says what is wrong and keeps the roster.
  await page.setInputFiles('#upload', { name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04') });
  await page.locator('#notice.error').waitFor();
  assert.match(await page.locator('#notice').textContent(), /无法读取这个 Excel 文件：不是 \.xlsx 工作簿（缺少 ZIP 目录/);
  assert.equal(await cellValue(page, '#roster-table tbody tr:first-child', 'post'), '区委书记');
  // A damaged scenario file: where and what, in the page's language; the roster is kept.
  const broken = '{"format": "seating/1",\n "people": [{"id": "p1", "name": "王晨"}, {"id": "p2"}]}';
  await page.setInputFiles('#upload', { name: '方案.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.locator('#notice.error', { hasText: '方案文件' }).waitFor();
  assert.match(await page.locator('#notice').textContent(), /方案文件有误：第2行第\d+列：`people\[1\]`：缺少字段 `name`/);
  assert.equal(await cellValue(page, '#roster-table tbody tr:first-child', 'post'), '区委书记');
  h.expectClean(page);
  await page.close();
});

test('drafts: create, rename, duplicate, switch and delete, all kept after a reload', async () => {
  const { page } = await open();
  const names = () => page.$$eval('#draft-select option', (o) => o.map((x) => x.textContent));
  const start = await names();
  await page.fill('#draft-name', '常委會');
  await page.locator('#draft-name').press('Enter');
  await pasteRoster(page);
  await page.click('#draft-duplicate');
  assert.deepEqual(await names(), ['常委會', ...start.slice(1), '常委會 副本']);
  assert.match(await page.locator('#roster-title').textContent(), /30/);
  await page.click('#draft-new');
  assert.equal((await names()).length, start.length + 2);
  // Numbered like the first one (方案一), never a name another draft has.
  const fresh = (await names()).at(-1);
  assert.match(fresh, /^方案[一二三四五六七八九十]+$/);
  assert.equal((await names()).filter((n) => n === fresh).length, 1);
  assert.match(await page.locator('#roster-title').textContent(), /（0）/);
  await page.selectOption('#draft-select', { index: 0 });
  assert.match(await page.locator('#roster-title').textContent(), /30/);
  await page.waitForTimeout(100);
  await page.reload();
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  assert.equal((await names()).length, start.length + 2);
  assert.equal(await page.inputValue('#draft-name'), '常委會');
  // Delete the last one (after confirming).
  await page.selectOption('#draft-select', { index: start.length + 1 });
  await page.click('#draft-delete');
  assert.equal((await names()).length, start.length + 1);
  await page.waitForTimeout(100);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('seating.v1.draft.')));
  assert.equal(keys.length, start.length + 1, 'the deleted draft is gone from storage');
  h.expectClean(page);
  await page.close();
});

test('two tabs on the same drafts: each takes in what the other saves, and nothing is lost', async () => {
  const { page: a } = await open();
  await a.evaluate(() => localStorage.clear());
  await a.reload();
  await a.locator('#diagram g[data-seat="P1-1"]').waitFor();
  const { page: b } = await open();
  const names = (p) => p.$$eval('#draft-select option', (o) => o.map((x) => x.textContent));
  const [first] = await names(a);
  assert.deepEqual(await names(b), [first]);
  // A fills the roster; B, open on the same draft, shows it instead of keeping its empty copy.
  // (Each tab is brought to the front before it is used, as a user would; the other one,
  // in the background, gets no animation frames, so waits on it poll by time.)
  await a.bringToFront();
  await pasteRoster(a);
  await b.locator('#roster-title', { hasText: '30' }).waitFor();
  assert.match(await b.locator('#notice').textContent(), /另一个标签页修改并保存了本方案/);
  // A makes a new draft; B lists it.
  await a.click('#draft-new');
  await b.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 2, null, { polling: 100 });
  // B renames the first draft: A sees the name, and the roster survives B's save.
  await b.bringToFront();
  await b.selectOption('#draft-select', { index: 0 });
  await b.fill('#draft-name', '常委會（乙）');
  await b.locator('#draft-name').press('Enter');
  await a.waitForFunction(() => [...document.querySelectorAll('#draft-select option')].some((o) => o.textContent === '常委會（乙）'), null, { polling: 100 });
  // A third tab opened now finds both drafts, the roster in the first.
  const { page: c } = await open();
  assert.equal((await names(c)).length, 2);
  await c.selectOption('#draft-select', { index: 0 });
  assert.match(await c.locator('#roster-title').textContent(), /30/);
  await c.close();
  // A deletes the new draft; B drops it too.
  await a.bringToFront();
  await a.selectOption('#draft-select', { index: 1 });
  await a.click('#draft-delete');
  await b.waitForFunction(() => document.querySelectorAll('#draft-select option').length === 1, null, { polling: 100 });
  await b.waitForTimeout(200);
  const keys = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('seating.v1.draft.')));
  assert.equal(keys.length, 1);
  // A stored draft that no index lists (a tab closed in a race) is taken back at the next
  // load, named after its meeting.
  await b.evaluate(() =>
    localStorage.setItem('seating.v1.draft.d9-lost', JSON.stringify({ format: 'seating/1', meeting: { title: '失而復得' } })),
  );
  await b.reload();
  await b.locator('#diagram g[data-seat="P1-1"]').waitFor();
  assert.deepEqual(await names(b), ['常委會（乙）', '失而復得']);
  h.expectClean(a);
  h.expectClean(b);
  await a.close();
  await b.close();
});

test('languages: English and Traditional Chinese on request, kept after a reload', async () => {
  const { page } = await open();
  await page.selectOption('#lang', 'en');
  assert.equal(await page.locator('#tab-roster').textContent(), 'Roster');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.selectOption('#lang', 'zh-Hant');
  assert.equal(await page.locator('#tab-roster').textContent(), '名單');
  await page.waitForTimeout(100);
  await page.reload();
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  assert.equal(await page.locator('#tab-roster').textContent(), '名單');
  await page.selectOption('#lang', 'zh-Hans');
  h.expectClean(page);
  await page.close();
});

test('a browser asking for zh-TW gets Traditional Chinese by default', async () => {
  const tw = await setup({ locale: 'zh-TW', viewport: { width: 1440, height: 900 } });
  try {
    const page = await tw.newPage();
    await page.goto(tw.url);
    await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-TW');
    assert.equal(await page.locator('#tab-roster').textContent(), '名單');
    assert.match(await page.locator('#import-title').textContent(), /導入名單/);
    await page.screenshot({ path: `${ARTIFACTS}robustness-zh-TW.png` });
    tw.expectClean(page);
  } finally {
    await tw.close();
  }
});

test('roster cells read as text and edit in place: click and type, Tab to the next, Escape takes back', async () => {
  const { page } = await open();
  await pasteRoster(page, ROSTER_30);
  const fields = '#roster-table input[type=text], #roster-table input[type=number]';
  // At rest the roster holds no text fields (each is a scroll container the browser updates
  // on every frame of a drag in the chart).
  assert.equal(await page.locator(fields).count(), 0);
  const row = '#roster-table tbody tr:nth-child(2)';
  const unit = await cellValue(page, row, 'unit');
  await page.locator(`${row} .cell.post`).click();
  // The text is selected: typing replaces it, as in a spreadsheet.
  await page.keyboard.type('区长');
  await page.keyboard.press('Tab');
  assert.equal(await cellValue(page, row, 'post'), '区长');
  assert.equal(await page.evaluate(() => document.activeElement.matches('input.unit')), true);
  assert.equal(await page.locator(fields).count(), 1);
  // Escape puts the stored value back and leaves the field.
  await page.keyboard.type('某某局');
  await page.keyboard.press('Escape');
  assert.equal(await cellValue(page, row, 'unit'), unit);
  assert.equal(await page.locator(fields).count(), 0);
  // Shift+Tab from a field goes to the cell before it.
  await page.locator(`${row} .cell.rank`).click();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.matches('input.unit')), true);
  // The edit is one step of undo.
  await page.click('#undo');
  assert.notEqual(await cellValue(page, row, 'post'), '区长');
  // Escape leaves the cell focused (a keyboard user keeps their place); Enter edits again.
  await page.locator(`${row} .cell.post`).click();
  await page.keyboard.type('某某');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.matches('span.cell.post')), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.matches('input.post')), true);
  await page.keyboard.press('Escape');
  // A typo in the rank is refused with the reason and the rank kept; a number number field
  // would have handed over an empty value and cleared it. Full-width digits are digits.
  const rank = await cellValue(page, row, 'rank');
  const focused = (sel) => page.evaluate((s) => document.activeElement.matches(s), sel);
  for (const typo of ['1e', '1-2']) {
    await editCell(page, row, 'rank', typo);
    await page.locator('#notice.error', { hasText: typo }).waitFor();
    assert.equal(await cellValue(page, row, 'rank'), rank);
    // A refused value keeps the cell open, to be typed again.
    assert.equal(await focused('tr:nth-child(2) input.rank'), true);
    await page.keyboard.press('Escape');
  }
  await editCell(page, row, 'rank', '１２');
  await page.keyboard.press('Escape');
  assert.equal(await cellValue(page, row, 'rank'), '12');
  // Enter commits and goes down the column, Shift+Enter up, as in a spreadsheet.
  await page.locator(`${row} .cell.post`).click();
  await page.keyboard.type('处长');
  await page.keyboard.press('Enter');
  assert.equal(await cellValue(page, row, 'post'), '处长');
  assert.equal(await focused('tr:nth-child(3) input.post'), true);
  await page.keyboard.type('副处长');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await cellValue(page, '#roster-table tbody tr:nth-child(3)', 'post'), '副处长');
  assert.equal(await focused('tr:nth-child(2) input.post'), true);
  await page.keyboard.press('Escape');
  // An empty date cell's hint is not read out as its value.
  await page.locator('#tab-ranking').click();
  await page.selectOption('select.tiebreak[data-slot="0"]', 'seniority');
  await page.locator('#tab-roster').click();
  const hint = `${row} .cell.appointed`;
  assert.equal(await page.getAttribute(hint, 'aria-placeholder'), '2019-03-01');
  assert.equal(await page.getAttribute(`${hint} .hint`, 'aria-hidden'), 'true');
  h.expectClean(page);
  await page.close();
});

test('text being typed in one tab survives a save from another tab', async () => {
  const { page: a } = await open();
  await pasteRoster(a, ROSTER_30);
  const { page: b } = await open();
  await b.locator('#roster-title', { hasText: '30' }).waitFor();
  // A types into row 5's post and has not pressed Enter yet.
  await a.bringToFront();
  const row = '#roster-table tbody tr:nth-child(5)';
  await a.locator(`${row} .cell.post`).click();
  await a.keyboard.insertText('甲改的职务');
  // B renames row 20; A takes the save in, and A's typing is still there.
  await b.bringToFront();
  await editCell(b, '#roster-table tbody tr:nth-child(20)', 'name', '乙改的名');
  await a.bringToFront();
  await a.locator('#roster-table tbody tr:nth-child(20) .name', { hasText: '乙改的名' }).waitFor();
  assert.equal(await a.inputValue(`${row} input.post`), '甲改的职务');
  await a.keyboard.press('Enter');
  await a.keyboard.press('Escape');
  assert.equal(await cellValue(a, row, 'post'), '甲改的职务');
  assert.equal(await cellValue(a, '#roster-table tbody tr:nth-child(20)', 'name'), '乙改的名');
  h.expectClean(a);
  await a.close();
  await b.close();
});

test('text typed in a field and not yet committed is kept through a reload', async () => {
  const { page } = await open();
  await pasteRoster(page, ROSTER_30);
  const row = '#roster-table tbody tr:first-child';
  const post = `${row} input.post`;
  await page.locator(`${row} .cell.post`).click();
  await page.fill(post, '区委书记（兼）');
  // Still in the field: no change event has fired; the page is reloaded at once.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('post')), true);
  await page.reload();
  await page.locator('#diagram g[data-seat="P1-1"]').waitFor();
  assert.equal(await cellValue(page, row, 'post'), '区委书记（兼）');
  h.expectClean(page);
  await page.close();
});

test("a leader's move in precedence is made in the ranking tab and recorded with who and when", async () => {
  const { page } = await open();
  await pasteRoster(page, ROSTER_30);
  await page.fill('#who', '张秘书长');
  await page.press('#who', 'Tab');
  await page.locator('#tab-ranking').click();
  const value = (select, name) =>
    page.$eval(select, (s, name) => [...s.options].find((o) => o.textContent.includes(name)).value, name);
  await page.selectOption('#move-person', await value('#move-person', nameOfRank(7)));
  await page.selectOption('#move-after', await value('#move-after', nameOfRank(1)));
  await page.click('#move-add');
  // #7 is now second in precedence, and sits in #2's podium seat (7 seats: 7 5 3 1 2 4 6).
  await page.waitForFunction(
    (name) => document.querySelectorAll('#precedence li .name')[1]?.textContent === name,
    nameOfRank(7),
    { polling: 100 },
  );
  const seats = await seatsOf(page);
  assert.equal(seats['P1-5'].name, nameOfRank(7));
  assert.equal(seats['P1-3'].name, nameOfRank(2), 'the others step down one place');
  const item = page.locator('#instruction-list li.op-move');
  assert.equal(await item.count(), 1);
  assert.match(await item.locator('.what').textContent(), new RegExp(`${nameOfRank(7)} 排在 ${nameOfRank(1)} 之后`));
  assert.equal(await item.locator('input.by').inputValue(), '张秘书长');
  assert.match(await item.locator('.at').textContent(), /\d{4}-\d{2}-\d{2}/);
  // The same person twice is refused with a notice, and nothing is added.
  await page.selectOption('#move-after', await value('#move-after', nameOfRank(7)));
  await page.selectOption('#move-person', await value('#move-person', nameOfRank(7)));
  await page.click('#move-add');
  await page.locator('#notice.error').waitFor();
  assert.equal(await page.locator('#instruction-list li').count(), 1);
  await h.screenshot(page, 'robustness-move');
  h.expectClean(page);
  await page.close();
});
