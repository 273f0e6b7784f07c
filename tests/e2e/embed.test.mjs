// End-to-end: Citycal embedded in a partner's page. The partner page and
// Citycal are served from two origins, both under a strict Content Security
// Policy; two script embeds and one iframe embed on one page must work, stay
// isolated from the page and from each other, resize, and log no error or
// CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFeed, registrations, startReceiver } from './receiver.mjs';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { watchBrowser } from './errors.mjs';

const DIST = new URL('../../dist', import.meta.url).pathname;
let citycal, partner, browser, pages;

// The registration receiver that Citycal's config.json names here: the one
// origin besides Citycal's own that the app connects to.
const CONFIG = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'citycal-csp-'));
const FEED = openFeed(1);
writeFileSync(join(dir, 'events.json'), FEED);
let receiver;

// What partners must allow (docs/embedding.md), and what Citycal's own pages send.
const citycalCsp = (partnerOrigin) =>
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  `connect-src 'self' ${receiver.url}; frame-ancestors 'self' ${partnerOrigin}; base-uri 'none'; object-src 'none'`;
const partnerCsp = (citycalOrigin) =>
  `default-src 'self'; script-src 'self' ${citycalOrigin} 'wasm-unsafe-eval'; style-src 'self' ${citycalOrigin}; ` +
  `connect-src ${citycalOrigin}; frame-src ${citycalOrigin}; img-src 'self' data:; base-uri 'none'; object-src 'none'`;

// A partner site with hostile styles: they must not reach into the calendars.
const PARTNER_CSS = `
* { color: rgb(255, 0, 0) !important; font-family: serif !important; }
h2, button, table { font-size: 40px; letter-spacing: 3px; }
.button, .event, .toolbar { background: rgb(0, 255, 0); border: 9px solid rgb(0, 0, 255); }
[data-citycal].themed { --cc-accent: rgb(128, 0, 128); }
iframe { width: 100%; border: 0; }
`;

function partnerPage(c) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cluj-Napoca city hall</title>
<link rel="stylesheet" href="/site.css"><link rel="icon" href="data:,">
<script type="module" src="${c}embed.js"></script>
<script type="module" src="${c}resize.js"></script>
</head><body>
<h1>Events of our network</h1>
<button class="button" id="own-button">Our own button</button>
<div id="first" data-citycal class="themed" data-lang="ro" data-view="list" data-cities="Cluj-Napoca" data-when="upcoming"></div>
<div id="second" data-citycal data-feed="${c}events.json" data-lang="es" data-view="month" data-date="2026-12-01" data-themes="social-inclusion,mobility"></div>
<iframe id="frame" title="Citycal" src="${c}embed.html?lang=en&view=list"></iframe>
</body></html>`;
}

before(async () => {
  // Headers and pages are read per request: filled in once both origins are known.
  const citycalHeaders = {};
  const partnerHeaders = {};
  pages = {};
  const citycalPages = {};
  citycal = await serve(DIST, { host: '127.0.0.1', headers: citycalHeaders, pages: citycalPages });
  receiver = await startReceiver({ feed: join(dir, 'events.json'), db: join(dir, 'csp.sqlite'), allowOrigin: citycal.url.replace(/\/$/, '') });
  citycalPages['/config.json'] = JSON.stringify({ ...CONFIG, registrationEndpoint: `${receiver.url}/registrations` });
  partner = await serve(DIST, { host: '127.0.0.2', headers: partnerHeaders, pages });
  Object.assign(citycalHeaders, {
    'content-security-policy': citycalCsp(partner.url.replace(/\/$/, '')),
    'access-control-allow-origin': '*',
  });
  partnerHeaders['content-security-policy'] = partnerCsp(citycal.url.replace(/\/$/, ''));
  Object.assign(pages, { '/': partnerPage(citycal.url), '/site.css': PARTNER_CSS });
  browser = watchBrowser(await launch());
});
after(async () => {
  receiver?.stop();
  await browser?.close();
  await citycal?.close();
  await partner?.close();
});

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Bucharest', locale: 'en-GB', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { context, page, problems };
}

test('the app itself runs under the strict policy: every view, the filter panel, an event page and a registration sent', async () => {
  const { context, page, problems } = await open(`${citycal.url}?view=list`);
  // This receiver knows only the test feed's events (404 for the sample's):
  // the sample event's page asks for its live places, answered "nothing known".
  await page.route('**/events/e-urban-dialogues-2026/availability', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
  await page.locator('.event').first().waitFor();
  // Each navigation starts a fresh list of violations: read it on every page.
  const violations = await page.evaluate(() => window.__violations);
  for (const [query, ready] of [['?view=month&date=2026-12-01', '[role=grid]'], ['?view=week&date=2026-11-30', '.tg-row'], ['?view=day&date=2026-12-04', '.tg-row'], ['?event=e-urban-dialogues-2026', '.event-page']]) {
    await page.goto(citycal.url + query);
    await page.locator(ready).first().waitFor();
    violations.push(...(await page.evaluate(() => window.__violations)));
  }
  await page.goto(`${citycal.url}?view=month&date=2026-12-01`);
  await page.locator('.filter-panel summary').click();
  await page.locator('fieldset[data-facet="theme"] label').first().waitFor();
  violations.push(...(await page.evaluate(() => window.__violations)));
  // A registration sent to the configured endpoint, the one other origin allowed.
  await page.route('**/events.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: FEED }));
  await page.goto(`${citycal.url}?event=webinar-0`);
  await page.locator('#reg-name').fill('Ana Pop');
  await page.locator('#reg-email').fill('ana.pop@example.ro');
  await page.locator('#reg-consent-processing').check();
  await page.locator('form.registration-form button[type=submit]').click();
  await page.locator('.registration-done').waitFor();
  violations.push(...(await page.evaluate(() => window.__violations)));
  assert.deepEqual(violations, []);
  const stored = await registrations(receiver.url, 'webinar-0');
  assert.equal(stored.registrations.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two script embeds and an iframe embed on a partner page: working, isolated, resized, no CSP violation', async () => {
  const { context, page, problems } = await open(partner.url);
  const first = page.locator('#first');
  const second = page.locator('#second');
  // Playwright's CSS locators pierce open shadow roots.
  await first.locator('.event').first().waitFor();
  await second.locator('[role=grid]').waitFor();

  // Each has its own language, view and presets.
  assert.match(await first.locator('h2#list-heading').textContent(), /Evenimente viitoare/);
  assert.equal(await second.locator('#period-title').textContent(), 'diciembre de 2026');
  const firstIds = await first.locator('article.event').evaluateAll((a) => a.map((e) => e.dataset.eventId));
  assert.ok(firstIds.length > 0);
  assert.ok(firstIds.every((id) => /cluj|e-urban|participatory|urbact-national|summer|co4cities/.test(id)), JSON.stringify(firstIds));
  assert.equal(await second.locator('.filter-chip').count(), 2);

  // Independent: moving one does not move the other, nor the partner's URL.
  const url = page.url();
  await second.getByRole('link', { name: 'Mes siguiente' }).click();
  await second.locator('#period-title', { hasText: 'enero de 2027' }).waitFor();
  assert.equal(page.url(), url);
  assert.match(await first.locator('h2#list-heading').textContent(), /Evenimente viitoare/);
  // Links inside an embed lead to the full app at Citycal's origin.
  const href = await second.locator('.chip-link').first().getAttribute('href');
  assert.ok(href.startsWith(citycal.url), href);

  // Isolation both ways.
  const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop);
  const heading = second.locator('#period-title');
  assert.notEqual(await style(heading, 'color'), 'rgb(255, 0, 0)');
  assert.notEqual(await style(heading, 'fontSize'), '40px');
  assert.notEqual(await style(second.locator('.toolbar'), 'backgroundColor'), 'rgb(0, 255, 0)');
  // Theming through custom properties does reach in.
  assert.equal(await style(first.locator('.view-switch [aria-current=page]'), 'backgroundColor'), 'rgb(128, 0, 128)');
  // And Citycal's styles do not reach out to the partner's own button.
  assert.equal(await style(page.locator('#own-button'), 'backgroundColor'), 'rgb(0, 255, 0)');
  assert.equal(await page.locator('#own-button').evaluate((b) => b.getRootNode() === document), true);

  // The iframe reports its height; resize.js sizes it: no inner scrollbar.
  const frame = page.frameLocator('#frame');
  await frame.locator('.event').first().waitFor();
  // The content settles (fonts, the list); the iframe follows it.
  let outer = 0;
  let inner = -100;
  let scrolls = true;
  for (let i = 0; i < 50 && (Math.abs(outer - inner) > 2 || scrolls); i += 1) {
    await page.waitForTimeout(100);
    [outer, inner, scrolls] = await Promise.all([
      page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height),
      frame.locator('.citycal').evaluate((c) => c.scrollHeight),
      frame.locator('html').evaluate((h) => h.scrollHeight > h.clientHeight + 1),
    ]);
  }
  assert.ok(Math.abs(outer - inner) <= 2 && inner > 400, `iframe ${outer}px, content ${inner}px`);
  assert.equal(scrolls, false, 'no inner scrollbar');
  assert.equal(await frame.locator('h1').count(), 0, 'chrome-less');

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a message from another origin cannot resize the partner’s iframes', async () => {
  const { context, page } = await open(partner.url);
  // Wait until the iframe's height has settled.
  let before = '';
  for (let i = 0; i < 50; i += 1) {
    await page.waitForTimeout(200);
    const now = await page.locator('#frame').evaluate((f) => f.style.height);
    if (now === before && parseFloat(now) > 400) break;
    before = now;
  }
  // The partner page itself (another origin than Citycal's) posts a forged height.
  await page.evaluate(() => window.postMessage({ type: 'citycal:height', height: 5 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#frame').evaluate((f) => f.style.height), before);
  await context.close();
});

test('the embed builder previews the choices, and its snippet works as pasted on a partner page', async () => {
  const { context, page, problems } = await open(`${citycal.url}builder.html`, { locale: 'ro-RO' });
  await page.locator('.builder-themes input').first().waitFor();
  await page.locator('.builder-view').selectOption('month');
  await page.locator('.builder-themes label', { hasText: 'Incluziune socială' }).locator('input').check();
  await page.locator('.builder-accent').fill('#8a1538');
  const preview = page.locator('.builder-preview');
  await preview.locator('[role=grid]').waitFor();
  await preview.locator('.filter-chip', { hasText: 'Incluziune socială' }).waitFor();
  assert.equal(
    await preview.locator('.view-switch [aria-current=page]').evaluate((b) => getComputedStyle(b).backgroundColor),
    'rgb(138, 21, 56)',
  );
  const snippet = await page.locator('.snippet-script').inputValue();
  assert.match(snippet, /<div data-citycal data-lang="ro" data-view="month" data-themes="social-inclusion" data-accent="#8a1538"><\/div>/);
  assert.ok(snippet.includes(`<script type="module" src="${citycal.url}embed.js"></script>`));
  assert.match(await page.locator('.snippet-iframe').inputValue(), /embed\.html\?view=month&amp;lang=ro&amp;accent=8a1538&amp;theme=social-inclusion" width="100%" height="600" frameborder="0">/);
  assert.equal(await page.title(), 'Puneți acest calendar pe site-ul dumneavoastră', 'the preview leaves the page title alone');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();

  // The snippet, pasted as is into a partner page.
  pages['/pasted'] = `<!doctype html><html><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`;
  const pasted = await open(`${partner.url}pasted`);
  await pasted.page.locator('[data-citycal] [role=grid]').waitFor();
  assert.equal(await pasted.page.locator('[data-citycal] .filter-chip').count(), 1);
  assert.equal(await pasted.page.title(), 'Partner');
  assert.deepEqual(await pasted.page.evaluate(() => window.__violations), []);
  assert.deepEqual(pasted.problems, []);
  await pasted.context.close();
});
