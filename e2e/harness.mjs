// Shared set-up for the browser tests: dist/ served on a free port, headless Debian
// Chromium driven by playwright-core, and every console error or page error turned into a
// test failure.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
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
export async function setup() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}index.html is missing: run \`cargo xtask dist\` first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM)`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await startServer(DIST);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'seating-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1000, height: 800 },
      locale: 'zh-CN',
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
