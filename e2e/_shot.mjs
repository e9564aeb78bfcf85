import { setup } from './harness.mjs';
const h = await setup({ viewport: { width: 1400, height: 900 } });
const page = await h.newPage();
await page.goto(h.url);
await page.waitForTimeout(1000);
await page.setInputFiles('input[type=file]', process.argv[2]);
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/page1.png' });
const seats = await page.$$('[data-seat]');
console.log(seats.length);
const el = seats[Number(process.argv[3] ?? 3)];
if (el) { await el.click(); await page.waitForTimeout(500); }
await page.screenshot({ path: '/tmp/page2.png' });
await h.close();
