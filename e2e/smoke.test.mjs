// The page loads, opens a pasted scenario and shows its errors; the JS API works from page JS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, TINY } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => {
  await h?.close();
});

test('page shows the header and plans a pasted scenario', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await page.getByRole('heading', { name: '座次 Seating' }).waitFor();
  // A scenario file pasted into the import box opens as a new draft.
  await page.locator('#paste').fill(JSON.stringify(TINY, null, 2));
  await page.locator('#open-json').click();
  await page.locator('#diagram g[data-seat="P1-2"][data-person]').waitFor();
  const seatOf = Object.fromEntries(
    await page.$$eval('#diagram g[data-person]', (gs) => gs.map((g) => [g.dataset.person, g.dataset.seat])),
  );
  // Seen from the audience: 3 1 2 (#1 in the centre, #2 on #1's own left).
  assert.deepEqual(seatOf, { a: 'P1-2', b: 'P1-3', c: 'P1-1' });
  assert.match(await page.locator('#chart-heading').textContent(), /全區經濟工作會議/);
  await h.screenshot(page, 'smoke-plan');
  h.expectClean(page);
  await page.close();
});

test('page shows the error of an invalid scenario, naming the field', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  const bad = { ...TINY, people: [{ id: 'a', name: '王晨', rank: 'one' }] };
  await page.locator('#paste').fill(JSON.stringify(bad, null, 2));
  const output = page.locator('#json-error');
  await output.waitFor();
  assert.match(await output.textContent(), /people\[0\]\.rank/);
  assert.equal(await page.locator('#open-json').isDisabled(), true);
  await h.screenshot(page, 'smoke-error');
  h.expectClean(page);
  await page.close();
});

test('JS API: plan() is importable from the glue module and returns a plain object', async () => {
  const page = await h.newPage();
  await h.gotoBlank(page);
  const result = await page.evaluate(async ([base, scenario]) => {
    const mod = await import(new URL('seating_web.js', base).href);
    await mod.default();
    const plan = mod.plan(scenario);
    let error = null;
    try {
      mod.plan({ format: 'seating/1', people: [{ id: 'a' }] });
    } catch (e) {
      error = { isError: e instanceof Error, message: String(e.message) };
    }
    return { plan, isPlain: Object.getPrototypeOf(plan) === Object.prototype, error };
  }, [h.url, TINY]);
  assert.equal(result.isPlain, true, 'plan() returns a plain object, not a Map');
  assert.equal(result.plan.format, 'seating-plan/1');
  assert.deepEqual(result.plan.precedence, ['a', 'b', 'c']);
  assert.equal(result.plan.seats.length, 3);
  assert.equal(result.error?.isError, true, 'an invalid scenario throws an Error');
  assert.match(result.error.message, /people\[0\]/);
  assert.match(result.error.message, /name/);
  h.expectClean(page);
  await page.close();
});

test('host–guest occasions are charts of their own: a tab per occasion, and part bilateral:N in the API', async () => {
  const example = JSON.parse(readFileSync(new URL('../examples/international-signing.json', import.meta.url), 'utf8'));
  const page = await h.newPage();
  await page.goto(h.url);
  await page.locator('#paste').fill(JSON.stringify(example, null, 2));
  await page.locator('#open-json').click();
  await page.locator('#diagram g[data-seat="P1-2"][data-person]').waitFor();
  // The occasions' tabs carry their names as typed; the talks chart has the guests on the far
  // side of the table (above it) and the hosts below, the principals facing each other.
  await page.getByRole('tab', { name: '會談', exact: true }).click();
  await page.locator('#diagram g[data-person="guest"]').waitFor();
  const box = async (id) => page.locator(`#diagram g[data-person="${id}"] rect.box`).boundingBox();
  const [guest, host] = [await box('guest'), await box('host')];
  assert.ok(guest.y + guest.height < host.y, 'guests above the table, hosts below');
  assert.ok(Math.abs(guest.x - host.x) < 1, 'the principals face each other');
  assert.match(await page.locator('#chart-heading').textContent(), /會談座次圖/);
  await h.screenshot(page, 'smoke-bilateral-talks');
  await page.getByRole('tab', { name: '簽字', exact: true }).click();
  await page.locator('#diagram g[data-person="guest-aide"]').waitFor();
  const xs = [];
  for (const id of ['guest-aide', 'guest', 'host', 'host-aide']) xs.push((await box(id)).x);
  assert.deepEqual([...xs].sort((a, b) => a - b), xs, 'guest-assistant GuestSigner HostSigner host-assistant');
  await h.screenshot(page, 'smoke-bilateral-signing');
  h.expectClean(page);
  await h.gotoBlank(page);
  const api = await page.evaluate(async ([base, scenario]) => {
    const mod = await import(new URL('seating_web.js', base).href);
    await mod.default();
    const l = mod.layout(scenario, { part: 'bilateral:3' });
    let error = null;
    try {
      mod.layout(scenario, { part: 'bilateral:0' });
    } catch (e) {
      error = String(e.message);
    }
    return { part: l.part, heading: l.heading, places: l.places.length, svg: mod.chart(scenario, { part: 'bilateral:2' }).includes('簽字站位圖'), error };
  }, [h.url, example]);
  assert.equal(api.part, 'bilateral:3');
  assert.equal(api.heading, '會見座次圖');
  assert.ok(api.places >= 8 && api.svg);
  assert.match(api.error, /bilateral:N/);
  h.expectClean(page);
  await page.close();
});
