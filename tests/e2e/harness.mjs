// Shared by the end-to-end test files: the built app (dist/) served locally
// and one headless Chromium, with a helper to open a fresh page.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { watchBrowser } from './errors.mjs';

export { allowConsole } from './errors.mjs';

export const SAMPLE = JSON.parse(readFileSync(new URL('../../public/events.json', import.meta.url)));

/** Registers the server and browser for this file; returns `open` and `env`. */
export function harness() {
  const env = {};
  // Other `before` hooks of the file may run alongside this one: they await `env.ready`.
  let ready;
  env.ready = new Promise((resolve) => (ready = resolve));
  before(async () => {
    env.server = await serve(new URL('../../dist', import.meta.url).pathname);
    // Every page of every context is watched for errors (errors.mjs).
    env.browser = watchBrowser(await launch());
    ready();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });

  /** Opens the app in a fresh context; collects console errors and page errors. */
  async function open({ timezoneId = 'UTC', locale = 'en-GB', query = '', route, width = 1280, height = 900, permissions, clock, config, context: reuse, liveAvailability = false, routes = {} } = {}) {
    // `context: reuse` opens another page in an existing context (same storage).
    const context = reuse ?? (await env.browser.newContext({ timezoneId, locale, viewport: { width, height }, acceptDownloads: true }));
    // The event page asks the registration receiver for the live places
    // (docs/registration.md); most tests run no receiver, so it answers
    // "nothing known" and the feed's numbers show. `liveAvailability: true`
    // lets the request through to a real receiver.
    if (!reuse && !liveAvailability) await context.route('**/events/*/availability', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
    if (permissions) await context.grantPermissions(permissions, { origin: env.server.url });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    if (route) await page.route('**/events.json', route);
    // Other files by their glob (a network's feeds): `{ '**/cluj.json': handler }`.
    for (const [glob, handler] of Object.entries(routes)) await page.route(glob, handler);
    if (config) await page.route('**/config.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
    // A fixed "now" (an ISO string): the page's clock then only moves when told.
    if (clock) await page.clock.install({ time: new Date(clock) });
    await page.goto(env.server.url + query);
    return { context, page, errors };
  }

  return { open, env };
}

/** The page's query parameters as an object. */
export function params(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Horizontal overflow of the document, in pixels (0 when nothing scrolls sideways). */
export function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The zone and language pickers fold behind one line: opens them (their chunk arrives on the first opening). */
export async function openPreferences(page) {
  const toggle = page.locator('#cc-preferences-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#cc-zone-input').waitFor();
}

/** The line that says the zone and language ("Times in Bucharest (GMT+2) · English"). */
export const ZONE_LINE = '#cc-preferences-toggle .summary';

const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's WCAG 2.0–2.2 A/AA violations on the page, one line each ([] when none). */
export async function audit(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary.split('\n')[1] ?? ''}`).join(' | ')}`);
  }, WCAG);
}
