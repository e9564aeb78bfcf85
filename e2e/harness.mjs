// Shared set-up for the browser tests: dist/ served on a free port, headless Debian
// Chromium driven by playwright-core, and every console error or page error turned into a
// test failure.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, startServer } from './server.mjs';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts the server and the browser. Call `close()` in `after()`.
 * `newPage()` gives a page that records problems; `expectClean(page)` throws if it saw any.
 */
export async function setup(options = {}) {
  // `dist`: another build of the page to serve (e.g. one with wasm names, for profiling).
  const { locale = 'zh-CN', viewport = { width: 1000, height: 800 }, dist = process.env.SEATING_DIST ?? DIST } = options;
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}index.html is missing: run \`cargo xtask dist\` first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM)`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await startServer(dist);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'seating-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      locale,
      acceptDownloads: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (e) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  const problems = new WeakMap();

  return {
    url: server.url,
    async newPage() {
      const page = await context.newPage();
      const seen = [];
      problems.set(page, seen);
      page.on('console', (msg) => {
        if (msg.type() === 'error') seen.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
      page.on('requestfailed', (req) => seen.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
      page.on('response', (res) => {
        if (res.status() >= 400) seen.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      return page;
    },
    /**
     * Opens an empty page of the server's origin (nothing of the app loaded), for tests
     * that import the glue module themselves the way a third-party page would.
     */
    async gotoBlank(page) {
      const blank = new URL('e2e-blank.html', server.url).href;
      await page.route(blank, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title>',
        }),
      );
      await page.goto(blank);
    },
    /** Throws with every console error, page error and failed request `page` has seen. */
    expectClean(page) {
      const seen = problems.get(page) ?? [];
      if (seen.length > 0) throw new Error(`the page reported problems:\n  ${seen.join('\n  ')}`);
    },
    /** Clicks `selector`, waits for the download it starts; resolves to `{ name, bytes, text }`. */
    async download(page, selector) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(file);
      const bytes = await readFile(file);
      return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8'), path: file };
    },
    screenshot(page, name) {
      return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context?.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The tiny scenario both tests plan: 3 podium people, one podium row of 3 seats. */
export const TINY = {
  format: 'seating/1',
  meeting: { title: '全區經濟工作會議' },
  people: [
    { id: 'a', name: '王晨', post: '區委書記', rank: 1, section: 'podium' },
    { id: 'b', name: '李明', post: '區長', rank: 2, section: 'podium' },
    { id: 'c', name: '張華', post: '區人大常委會主任', rank: 3, section: 'podium' },
  ],
  podium: { rows: [3] },
};

/**
 * A roster of 30 people as Excel/WPS copies it: tab-separated, header 姓名 職務 單位 排序,
 * ranks 1–30 (no section column: the page puts the 7 most senior on the podium).
 */
export const ROSTER_30 = [
  ['姓名', '職務', '單位', '排序'],
  ['王晨', '區委書記', '區委', '1'],
  ['李強', '區委副書記、區長', '區政府', '2'],
  ['趙樂', '區人大常委會主任', '區人大', '3'],
  ['張華', '區政協主席', '區政協', '4'],
  ['劉洋', '區委副書記', '區委', '5'],
  ['陳靜', '區委常委、常務副區長', '區政府', '6'],
  ['楊軍', '區委常委、組織部部長', '區委', '7'],
  ['黃勇', '區委常委、宣傳部部長', '區委', '8'],
  ['周杰', '區委常委、政法委書記', '區委', '9'],
  ['吳敏', '副區長', '區政府', '10'],
  ['徐麗', '副區長', '區政府', '11'],
  ['孫偉', '區人大常委會副主任', '區人大', '12'],
  ['馬超', '區人大常委會副主任', '區人大', '13'],
  ['朱琳', '區政協副主席', '區政協', '14'],
  ['胡斌', '區政協副主席', '區政協', '15'],
  ['郭亮', '區發改委主任', '區政府', '16'],
  ['何平', '區財政局局長', '區政府', '17'],
  ['高峰', '區教育局局長', '區政府', '18'],
  ['林芳', '區衛健委主任', '區政府', '19'],
  ['羅剛', '區委辦公室主任', '區委', '20'],
  ['鄭凱', '區委組織部常務副部長', '區委', '21'],
  ['梁敏', '區人大辦公室主任', '區人大', '22'],
  ['謝濤', '區政協辦公室主任', '區政協', '23'],
  ['宋佳', '區住建局局長', '區政府', '24'],
  ['唐磊', '區交通局局長', '區政府', '25'],
  ['韓雪', '區民政局局長', '區政府', '26'],
  ['馮剛', '區委宣傳部副部長', '區委', '27'],
  ['董明', '區人大代表工委主任', '區人大', '28'],
  ['蕭紅', '區政協委員', '區政協', '29'],
  ['程遠', '區科技局局長', '區政府', '30'],
]
  .map((r) => r.join('\t'))
  .join('\n');

/** The name of the person with rank `k` in ROSTER_30. */
export function nameOfRank(k) {
  return ROSTER_30.split('\n')[k].split('\t')[0];
}

/** `{ seatId: { person, name } }` for every seat of the diagram, read from the SVG DOM. */
export async function seatsOf(page) {
  return page.$$eval('#diagram g[data-seat]', (gs) =>
    Object.fromEntries(
      gs.map((g) => [
        g.dataset.seat,
        {
          person: g.dataset.person ?? null,
          name: [...g.querySelectorAll('text.nm')].map((t) => t.textContent).join(''),
        },
      ]),
    ),
  );
}

/**
 * Pastes ROSTER_30 (or `text`) into the import box and replaces the roster with it, or adds
 * it to the roster (`append`); `podium`: how many of the most senior go on the podium (the
 * field left as it is when not given).
 */
export async function pasteRoster(page, text = ROSTER_30, { append = false, podium } = {}) {
  await page.locator('#paste').fill(text);
  await page.locator('#mapping').waitFor();
  if (podium !== undefined) {
    await page.fill('#import-podium', String(podium));
    await page.locator('#import-podium').press('Tab');
  }
  if (append) {
    await page.locator('#import-append').click();
  } else {
    // Replacing a roster asks first; accept unless the test handles dialogs itself.
    if (page.listenerCount('dialog') === 0) page.once('dialog', (d) => d.accept());
    await page.locator('#import-replace').click();
  }
  await page.locator('#roster-table tbody tr').first().waitFor();
}

/**
 * The value of a text cell of the roster (components/cell.rs): `row` selects the `<tr>`,
 * `field` is the cell's class (`name`, `post`, …). The text of a cell at rest, the input's
 * value while it is being edited.
 */
export async function cellValue(page, row, field) {
  return page.$eval(`${row} .${field}`, (el) =>
    el.tagName === 'INPUT' ? el.value : el.querySelector('.hint') ? '' : el.textContent,
  );
}

/** Types `text` into a roster text cell as a clerk does: click it, type, press Enter. */
export async function editCell(page, row, field, text) {
  await page.locator(`${row} .cell.${field}`).click();
  const input = page.locator(`${row} input.${field}`);
  await input.fill(text);
  await input.press('Enter');
}

/** A real mouse drag (press, move in steps, release) from one seat's centre to another's. */
export async function dragSeat(page, from, to) {
  const a = await page.locator(`#diagram g[data-seat="${from}"] rect.box`).boundingBox();
  const b = await page.locator(`#diagram g[data-seat="${to}"] rect.box`).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 6, a.y + a.height / 2 + 3, { steps: 2 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** 3,030 seats: a podium of 2 × 15 and a hall of 60 rows × 50 seats; 3,000 people in 100 units. */
export function bigScenario() {
  const units = Array.from({ length: 100 }, (_, k) => ({ id: `u${k + 1}`, name: `單位${k + 1}` }));
  const surnames = '王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐韓馮董蕭程';
  const given = '偉芳娜敏靜麗強磊軍洋勇艷傑娟濤明超秀霞平剛桂英華';
  const people = Array.from({ length: 3000 }, (_, i) => ({
    id: `p${i + 1}`,
    // Every name different, as on a real roster (3,000 people of 120 names would be 120
    // same-name warnings): 30 surnames × 24 × 24 given-name pairs.
    name: surnames[i % 30] + given[Math.floor(i / 30) % 24] + given[Math.floor(i / 720) % 24],
    post: i < 30 ? '領導' : '代表',
    unit: `u${(i % 100) + 1}`,
    rank: i + 1,
    section: i < 30 ? 'podium' : 'hall',
  }));
  return {
    format: 'seating/1',
    meeting: { title: '代表大會（3,000 座）' },
    units,
    people,
    podium: { rows: [15, 15] },
    hall: { rows: 60, seats: 50, aisles: [10, 40] },
  };
}

/**
 * Stores `scenario` as the page's only draft (page in 简体), as autosave would have: the
 * next `page.reload()` opens it. `page` must be on the app's origin.
 */
export async function storeDraft(page, scenario) {
  await page.evaluate((json) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('seating.v1.draft.')) localStorage.removeItem(key);
    localStorage.setItem(
      'seating.v1.index',
      JSON.stringify({ format: 'seating-web/1', active: 'd1', drafts: [{ id: 'd1', name: '大會' }], lang: 'zh-Hans', who: '' }),
    );
    localStorage.setItem('seating.v1.draft.d1', json);
  }, JSON.stringify(scenario));
}

/** The `q`-quantile of `xs` (0.5: the median), one of its values; `undefined` for none. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
