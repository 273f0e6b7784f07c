// The README's pictures, from the real build (dist/): `make screenshots`.
// A fixed "now" (1 December 2026, 08:00 in Bucharest) and the sample feed,
// so the same build gives the same pictures. Each is a first screen: what a
// visitor sees before scrolling.
import { mkdirSync } from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
const SHOTS = [
  { file: 'phone-list-375.png', width: 375, height: 800, query: '?view=list' },
  { file: 'phone-month-375.png', width: 375, height: 800, query: '?view=month', ready: '.month-agenda .event' },
  { file: 'phone-month-day-375.png', width: 375, height: 800, query: '?view=month&date=2026-12-10', ready: '.month-grid.folded + .unfold, .month-agenda .event' },
  { file: 'phone-list-320.png', width: 320, height: 700, query: '?view=list&lang=es' },
  { file: 'tablet-month-768.png', width: 768, height: 1024, query: '?view=month&date=2026-12-10&lang=ro' },
  { file: 'desktop-month-1280.png', width: 1280, height: 800, query: '?view=month&date=2026-12-10' },
  { file: 'desktop-week-1280.png', width: 1280, height: 800, query: '?view=week&date=2026-12-10', ready: '.time-grid .tg-agenda, .time-grid .tg-slot' },
  { file: 'event-page-1280.png', width: 1280, height: 800, query: '?event=metropolis-safer-cities-women-webinar', ready: '.event-page h2' },
];

mkdirSync(out, { recursive: true });
const server = await serve(new URL('../dist', import.meta.url).pathname);
const browser = await launch();
let failed = false;
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ timezoneId: 'Europe/Bucharest', locale: 'en-GB', viewport: { width: shot.width, height: shot.height } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.clock.install({ time: new Date('2026-12-01T06:00:00Z') });
    await page.goto(server.url + shot.query);
    await page.locator(shot.ready ?? '.month-grid .chip, .time-grid .tg-slot, .event-list .event').first().waitFor();
    // Fonts and the grid's first scroll settle in a frame or two.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
    await page.screenshot({ path: `${out}/${shot.file}` });
    if (errors.length) {
      failed = true;
      console.error(`${shot.file}: ${errors.join(' | ')}`);
    }
    console.log(`${out}/${shot.file} (${shot.width}×${shot.height}, ${shot.query})`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
