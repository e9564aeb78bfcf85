// The JS API in a real browser: the example page (examples/web-api.html) works, and each
// function takes and returns plain objects in the SCENARIO.md shapes, throwing Errors with
// the core's message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, TINY } from './harness.mjs';

let h;
before(async () => {
  h = await setup({ viewport: { width: 1200, height: 900 } });
});
after(async () => {
  await h?.close();
});

test('the example page plans a pasted table and draws the chart', async () => {
  const page = await h.newPage();
  await page.goto(new URL('examples/web-api.html', h.url).href);
  await page.waitForFunction(() => document.getElementById('status')?.className === 'ok');
  // 5 people on a podium row of 5, seen from the audience: 5 3 1 2 4.
  const podium = await page.$$eval('#podium li', (l) => l.map((x) => [x.dataset.seat, x.textContent]));
  assert.deepEqual(
    podium.map(([seat, text]) => [seat, text.split(': ')[1]]),
    [
      ['P1-1', '劉洋'],
      ['P1-2', '趙樂'],
      ['P1-3', '王晨'],
      ['P1-4', '李強'],
      ['P1-5', '張華'],
    ],
  );
  assert.match(await page.locator('#validate').textContent(), /"valid": false/);
  assert.match(await page.locator('#validate').textContent(), /plan\(\) throws Error: .*people\[0\]/);
  assert.equal(await page.locator('#chart svg').count(), 1);
  assert.ok((await page.locator('#chart svg').textContent()).includes('全區經濟工作會議'));
  assert.match(await page.locator('#layout').textContent(), /"seat": "P1-3"/);
  await h.screenshot(page, 'api-example');
  h.expectClean(page);
  await page.close();
});

test('every API function takes and returns plain objects', async () => {
  const page = await h.newPage();
  await h.gotoBlank(page);
  const r = await page.evaluate(async ([base, scenario]) => {
    const m = await import(new URL('seating_web.js', base).href);
    await m.default();
    const plain = (x) => x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype;
    const errorOf = (f) => {
      try {
        f();
        return null;
      } catch (e) {
        return { isError: e instanceof Error, message: e.message };
      }
    };
    const plan = m.plan(scenario);
    const valid = m.validate(scenario);
    const invalid = m.validate({ format: 'seating/1', people: [{ id: 'a', name: 'x' }, { id: 'a', name: 'y' }] });
    const svg = m.chart(scenario, { paper: 'a3', orientation: 'portrait', signOff: false });
    const layout = m.layout(scenario, { view: 'podium' });
    const table = m.importTable('姓名,職務,單位\n王晨,區委書記,區委\n李明,區長,區政府\n');
    const mapped = m.importTable('王晨\t1\n李明\t2\n', { columns: ['name', 'rank'] });
    const cards = m.nameCards(scenario, { scope: 'all' });
    const csv = m.seatListCsv(scenario);
    const xlsx = m.seatListXlsx(scenario);
    const fromXlsx = m.importTable(m.readXlsx(xlsx));
    const sheets = m.xlsxSheets(xlsx);
    const second = m.readXlsx(xlsx, 1).split('\n')[0];
    const gbk = m.sniffEncoding(new Uint8Array([0xcd, 0xf5, 0xb3, 0xbf, 0x2c, 0x31]));
    const schema = m.schema();
    return {
      plan, plainPlan: plain(plan), valid, invalid,
      svgHead: svg.slice(0, 120),
      layout: { plain: plain(layout), view: layout.view, seats: layout.seats.length, first: layout.seats[0] },
      table, mapped, cards: cards.length, cardsHaveNames: cards.join('').includes('王晨'),
      csvHead: csv.slice(0, 30), xlsxMagic: Array.from(xlsx.slice(0, 4)), gbk, schemaTitle: schema.title,
      fromXlsx: { header: fromXlsx.header, names: fromXlsx.people.map((p) => p.name), sheets, second },
      errors: {
        plan: errorOf(() => m.plan({ format: 'seating/2' })),
        chart: errorOf(() => m.chart(scenario, { paper: 'b5' })),
        layout: errorOf(() => m.layout(scenario, { part: 'nothing' })),
        importTable: errorOf(() => m.importTable('姓名,排序\n王晨,first\n')),
        notAnObject: errorOf(() => m.plan(42)),
        readXlsx: errorOf(() => m.readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))),
      },
    };
  }, [h.url, TINY]);
  assert.equal(r.plainPlan, true);
  assert.deepEqual(r.plan.precedence, ['a', 'b', 'c']);
  assert.deepEqual(r.valid, { valid: true, error: null, diagnostics: [] });
  assert.equal(r.invalid.valid, false);
  assert.match(r.invalid.error, /people\[1\]\.id.*duplicate/);
  assert.match(r.svgHead, /^<svg[^>]*height="420mm"[^>]*width="297mm"/);
  assert.equal(r.layout.plain, true);
  assert.equal(r.layout.view, 'podium');
  assert.equal(r.layout.seats, 3);
  assert.equal(typeof r.layout.first.rect.x, 'number');
  assert.deepEqual(r.table.columns, ['name', 'post', 'unit']);
  assert.deepEqual(r.table.people.map((p) => p.name), ['王晨', '李明']);
  assert.deepEqual(r.table.units, [{ id: 'u1', name: '區委' }, { id: 'u2', name: '區政府' }]);
  assert.deepEqual(r.mapped.people.map((p) => p.rank), [1, 2]);
  assert.ok(r.cards >= 2 && r.cardsHaveNames);
  assert.equal(r.csvHead.slice(1, 6), '序號,姓名');
  assert.deepEqual(r.xlsxMagic, [0x50, 0x4b, 0x03, 0x04]);
  assert.equal(r.gbk, 'gb18030');
  // The sign-in list read back as a roster: its header under the title rows, names in order.
  assert.deepEqual(r.fromXlsx.header.slice(0, 2), ['序號', '姓名']);
  assert.deepEqual([...r.fromXlsx.names].sort(), TINY.people.map((p) => p.name).sort());
  assert.deepEqual(r.fromXlsx.sheets, ['簽到表', '座位表']);
  assert.match(r.fromXlsx.second, /座位/);
  assert.equal(typeof r.schemaTitle, 'string');
  for (const [name, e] of Object.entries(r.errors)) assert.equal(e?.isError, true, `${name} throws an Error`);
  assert.match(r.errors.plan.message, /format/);
  assert.match(r.errors.chart.message, /options\.paper/);
  assert.match(r.errors.layout.message, /options\.part/);
  assert.match(r.errors.importTable.message, /line 2/);
  assert.match(r.errors.readXlsx.message, /not an \.xlsx workbook/);
  h.expectClean(page);
  await page.close();
});

test('hostile arguments are Errors that leave the module working; parts and bytes as the CLI takes them', async () => {
  const page = await h.newPage();
  await h.gotoBlank(page);
  const banquet = JSON.parse(readFileSync(new URL('../examples/banquet.json', import.meta.url), 'utf8'));
  delete banquet.podium;
  delete banquet.hall;
  delete banquet.lineups;
  const r = await page.evaluate(async ([base, scenario, banquet]) => {
    const m = await import(new URL('seating_web.js', base).href);
    await m.default();
    const errorOf = (f) => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : `not an Error: ${e}`;
      }
    };
    const cyclic = {};
    cyclic.self = cyclic;
    let deep = {};
    for (let i = 0; i < 10000; i++) deep = { d: deep };
    const xlsx = m.seatListXlsx(scenario);
    return {
      errors: {
        cyclicOptions: errorOf(() => m.chart(scenario, cyclic)),
        deepOptions: errorOf(() => m.layout(scenario, { view: 'audience', x: deep })),
        cyclicColumns: errorOf(() => m.importTable('王\tx\n', { columns: [cyclic] })),
        misspelt: errorOf(() => m.chart(scenario, { papr: 'a3' })),
        numberText: errorOf(() => m.plan_json(5)),
        objectText: errorOf(() => m.importTable({})),
        negativePart: errorOf(() => m.chart(scenario, { part: 'bilateral:-1' })),
        missingPart: errorOf(() => m.chart(scenario, { part: 'banquet' })),
        badSheet: errorOf(() => m.readXlsx(xlsx, -1)),
        notBytes: errorOf(() => m.readXlsx('PK')),
        withPosition: errorOf(() => m.plan({ format: 'seating/1', people: [{ id: 'a' }] })),
      },
      // Still working after all of that.
      after: m.plan(scenario).precedence,
      validateUndefined: m.validate(undefined),
      // An ArrayBuffer is bytes too, as File.arrayBuffer() gives them.
      sheetsFromBuffer: m.xlsxSheets(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength)),
      png: m.sniffEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
      // A file with only a banquet: its chart and cards, as `seating chart` and `cards` draw them.
      banquetChart: m.chart(banquet).includes('桌'),
      banquetCards: m.nameCards(banquet).length,
    };
  }, [h.url, TINY, banquet]);
  for (const [name, e] of Object.entries(r.errors)) assert.ok(e && !e.startsWith('not an Error'), `${name}: ${e}`);
  for (const [name, e] of Object.entries(r.errors)) assert.doesNotMatch(e, /unreachable|memory access|RuntimeError/, name);
  assert.match(r.errors.misspelt, /options\.papr/);
  assert.match(r.errors.numberText, /scenario: expected a string/);
  assert.match(r.errors.negativePart, /options\.part/);
  assert.match(r.errors.missingPart, /no `banquet`/);
  assert.match(r.errors.notBytes, /Uint8Array or an ArrayBuffer/);
  assert.match(r.errors.withPosition, /^`people\[0\]`/, 'the field, not a position in text the caller never saw');
  assert.deepEqual(r.after, ['a', 'b', 'c']);
  assert.equal(r.validateUndefined.valid, false);
  assert.deepEqual(r.sheetsFromBuffer, ['簽到表', '座位表']);
  assert.equal(r.png, null);
  assert.equal(r.banquetChart, true);
  assert.ok(r.banquetCards > 0, 'name cards of the banquet');
  h.expectClean(page);
  await page.close();
});
