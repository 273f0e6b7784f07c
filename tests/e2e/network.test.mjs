// A network of feeds (issue 23, item 4): config.json lists several
// partners' feeds; the calendar fetches them at once, shows each event once
// with the partner that published it, offers the partner as a filter, and
// names a partner whose feed failed without blanking the others. And the
// same three kinds of source (a JSON feed, an .ics export, one answering
// 500) through `citycal merge`, into the one static file a large network
// publishes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, allowConsole } from './harness.mjs';
import { serve, DEPLOYMENT_HEADERS } from './serve.mjs';

const { open, env } = harness();
const FIXTURES = new URL('../../crates/cli/tests/fixtures/', import.meta.url);
const CLUJ = readFileSync(new URL('network/cluj.json', FIXTURES), 'utf8');
const NOW = '2027-01-10T09:00:00Z';

// Torino's feed: the network's kickoff again (same id and start), Cluj's
// open-data webinar under another id (same title, same instant), and one of its own.
const TORINO = JSON.stringify({
  version: 1,
  name: 'Torino',
  events: [
    { id: 'kickoff', title: { en: 'Network kickoff', it: 'Avvio della rete' }, start: '2027-02-15T10:00', end: '2027-02-15T12:00', timeZone: 'Europe/Bucharest', format: 'hybrid', onlineUrl: 'https://meet.example/kickoff' },
    { id: 'to-open-data', title: { en: 'Open data webinar' }, start: '2027-06-10T13:00:00Z', end: '2027-06-10T14:00:00Z', format: 'online', onlineUrl: 'https://meet.example/od' },
    { id: 'to-living-lab', title: { en: 'Torino living lab' }, start: '2027-04-20T09:00', end: '2027-04-20T13:00', timeZone: 'Europe/Rome', format: 'in_person', venue: { name: 'Toolbox', city: 'Torino', country: 'IT' } },
  ],
});

const CONFIG = {
  defaultLanguage: 'en',
  feeds: [
    { id: 'cluj', url: 'network/cluj.json', name: { en: 'Cluj Urban Innovation Unit', ro: 'Unitatea de Inovare Urbană Cluj' } },
    { id: 'torino', url: 'network/torino.json', name: 'Torino' },
    { id: 'gdansk', url: 'network/gdansk.json', name: { en: 'Gdańsk', ro: 'Gdańsk' } },
  ],
};

const json = (body) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body });
const ROUTES = {
  '**/network/cluj.json': json(CLUJ),
  '**/network/torino.json': json(TORINO),
  '**/network/gdansk.json': (route) => route.fulfill({ status: 500, body: 'down' }),
};

// Records the files fetched from dist/calendar/ (the iCalendar reader) into `files`.
const reader = (files) => ({
  '**/calendar/*': (route) => {
    files.push(new URL(route.request().url()).pathname);
    return route.fallback();
  },
});

// A network's page on the list, its clock at NOW, one partner answering 500:
// the page, the reader's files it fetched, and its quiet line.
async function openNetwork(config, routes, query) {
  allowConsole(/Failed to load resource: the server responded with a status of 500/);
  const files = [];
  const { context, page } = await open({ config, routes: { ...routes, ...reader(files) }, clock: NOW, query });
  return { context, page, files, quiet: page.locator('.feed-quiet') };
}

test('three partners, one failing: each event once with its partner, the partner as a filter, the failing one named', async () => {
  const { context, page, files, quiet } = await openNetwork(CONFIG, ROUTES, '?view=list');
  await quiet.filter({ hasText: 'The events of Gdańsk could not be loaded.' }).waitFor();
  assert.equal(await quiet.textContent(), 'The events of Gdańsk could not be loaded. For organizers: what to fix in Gdańsk');
  const titles = await page.locator('.event .event-title').allTextContents();
  // Cluj's three, Torino's own lab; the kickoff and the webinar once each.
  assert.deepEqual(titles, ['Network kickoff', 'Torino living lab', 'Open Data  Webinar', 'Mobility roundtable']);

  // The partner is a filter: Torino lists the kickoff too.
  await page.locator('details.filter-panel > summary').click();
  const facet = page.locator('fieldset[data-facet="source"]');
  await facet.waitFor();
  assert.match(await facet.locator('legend').textContent(), /Published by/);
  const options = (await facet.locator('label').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  // Torino lists the kickoff and the webinar too: three each.
  assert.deepEqual(options, ['Cluj Urban Innovation Unit (3)', 'Torino (3)']);
  await facet.locator('label', { hasText: 'Torino' }).click();
  await page.waitForURL(/source=torino/);
  await page.locator('.event').nth(3).waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.event .event-title').allTextContents(), ['Network kickoff', 'Torino living lab', 'Open Data  Webinar']);

  // The event page says which partner published it, in the visitor's language.
  await page.goto(page.url().replace(/\?.*/, '?event=kickoff&lang=ro'));
  await page.locator('.event-page .publisher').filter({ hasText: 'Publicat de Unitatea de Inovare Urbană Cluj' }).waitFor();
  // Feeds only: the iCalendar reader is never fetched.
  assert.deepEqual(files, []);
  await context.close();
});

test('a partner embed pre-filtered by source= shows that partner\'s events only', async () => {
  allowConsole(/Failed to load resource: the server responded with a status of 500/);
  const { context, page } = await open({ config: CONFIG, routes: ROUTES, clock: NOW, query: '?view=list&source=cluj', width: 375, height: 800 });
  await page.locator('.event').first().waitFor();
  assert.deepEqual(await page.locator('.event .event-title').allTextContents(), ['Network kickoff', 'Open Data  Webinar', 'Mobility roundtable']);
  await context.close();
});

test('a partner that never answers is named after 10 s, and the others show', async () => {
  let asked;
  const askedTorino = new Promise((ok) => (asked = ok));
  // Torino's server takes the request and never answers.
  const routes = { ...ROUTES, '**/network/torino.json': () => asked(), '**/network/gdansk.json': json(JSON.stringify({ version: 1, events: [] })) };
  const { context, page } = await open({ config: CONFIG, routes, clock: NOW, query: '?view=list' });
  await askedTorino;
  // The page's clock is Playwright's: ten seconds pass at once (again, on a
  // busy machine, until the time limit has been set and has passed).
  const quiet = page.locator('.feed-quiet').filter({ hasText: 'The events of Torino could not be loaded.' });
  for (let i = 0; i < 40 && !(await quiet.isVisible()); i += 1) {
    await page.clock.fastForward(10_001);
    await new Promise((ok) => setTimeout(ok, 250));
  }
  await quiet.waitFor();
  assert.deepEqual(await page.locator('.event .event-title').allTextContents(), ['Network kickoff', 'Open Data  Webinar', 'Mobility roundtable']);
  await context.close();
});

// --- in the browser: a JSON feed, an .ics export and a source answering 500 ---

// Google Calendar's export of the network's own calendar: a weekly evening
// across the change to summer time (28 March 2027) with an EXDATE, the open
// data webinar Cluj lists too (same title, same instant), and the
// roundtable under Cluj's id (its UID); read by the iCalendar reader, a wasm
// of its own that only such a page fetches.
const GOOGLE = readFileSync(new URL('ics/google.ics', FIXTURES), 'utf8');
// …with the evening's zone mistyped by hand (read as the nearest name,
// Europe/Bucharest), and an event whose start was lost in an edit: counted,
// not shown.
const GOOGLE_EDITED = GOOGLE
  .replace('DTSTART;TZID=Europe/Bucharest:20270304T180000', 'DTSTART;TZID=Europe/Bucuresti:20270304T180000')
  .replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:lost-start@google.com\r\nSUMMARY:Lost start\r\nEND:VEVENT\r\nEND:VCALENDAR');
const MIXED = {
  defaultLanguage: 'en',
  feeds: [
    { id: 'cluj', url: 'network/cluj.json', name: { en: 'Cluj Urban Innovation Unit', es: 'Unidad de Innovación Urbana de Cluj' } },
    { id: 'network', url: 'network/google.ics', name: { en: 'Urban Innovation Network', es: 'Red de Innovación Urbana' } },
    { id: 'torino', url: 'network/torino.json', name: 'Torino' },
  ],
};
const MIXED_ROUTES = {
  '**/network/cluj.json': json(CLUJ),
  '**/network/google.ics': (route) => route.fulfill({ status: 200, contentType: 'text/calendar; charset=utf-8', body: GOOGLE_EDITED }),
  '**/network/torino.json': (route) => route.fulfill({ status: 500, body: 'down' }),
};


test('in the browser: a JSON feed, an .ics export and a failing source: both working partners\' events, labelled, the shared ones once, the failing one named', async () => {
  const { context, page, files, quiet } = await openNetwork(MIXED, MIXED_ROUTES, '?view=list&lang=es');
  await quiet.filter({ hasText: 'No se pudieron cargar los eventos de Torino.' }).waitFor();
  // The partner that failed, the event the export lost, and a way for each
  // partner's organizers to the check, that partner's address filled in.
  assert.equal(await quiet.textContent(), 'No se pudieron cargar los eventos de Torino. Un evento no se puede mostrar por errores en el feed. ' +
    'Para organizadores: qué corregir en Red de Innovación Urbana, Torino');
  const checks = await quiet.locator('a').evaluateAll((links) => links.map((a) => new URL(a.href)).map((u) => [u.pathname, u.searchParams.get('lang'), new URL(u.searchParams.get('feed')).pathname]));
  assert.deepEqual(checks, [['/check.html', 'es', '/network/google.ics'], ['/check.html', 'es', '/network/torino.json']]);
  const titles = await page.locator('.event .event-title').allTextContents();
  // The Google export's weekly evening: 4 March to 29 April but 1 April (its
  // EXDATE); the webinar and the roundtable once, as Cluj lists them.
  const evening = 'Civic tech evening';
  assert.deepEqual(titles, ['Network kickoff', ...Array(8).fill(evening), 'Cluj street festival', 'Open Data  Webinar', 'Mobility roundtable']);
  // 18:00 in Bucharest on each side of the change to summer time (28 March):
  // 16:00 then 15:00 for a visitor in UTC; the reader's zones are the
  // browser's, and the mistyped one is read as Bucharest (not as UTC: 18:00).
  const when = (nth) => page.locator('.event').nth(nth).locator('time').first().textContent();
  assert.match(await when(4), /25 mar 2027, 16:00/);
  assert.match(await when(5), /8 abr 2027, 15:00/);
  assert.deepEqual(files.sort(), ['/calendar/calendar.js', '/calendar/calendar_bg.wasm', '/calendar/load.js']);

  // The partner is a filter, in the visitor's language; the network's
  // calendar lists the webinar and the roundtable too.
  await page.locator('details.filter-panel > summary').click();
  const facet = page.locator('fieldset[data-facet="source"]');
  await facet.locator('label').first().waitFor();
  const options = (await facet.locator('label').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(options.sort(), ['Red de Innovación Urbana (11)', 'Unidad de Innovación Urbana de Cluj (3)']);
  await facet.locator('label', { hasText: 'Red de Innovación Urbana' }).click();
  await page.waitForURL(/source=network/);
  await page.locator('.event').nth(11).waitFor({ state: 'detached' });
  assert.equal(await page.locator('.event .event-title', { hasText: evening }).count(), 8);

  // A session's page names its partner.
  await page.locator('.event .event-title a', { hasText: evening }).first().click();
  await page.locator('.event-page .publisher').filter({ hasText: 'Publicado por Red de Innovación Urbana' }).waitFor();
  await context.close();
});

// A partner's page on another origin, under a strict policy, embeds the
// network's calendar: the reader comes from Citycal's origin, as the app's
// own files do (docs/embedding.md, "Headers").
test('a script embed on a partner page reads the network\'s .ics source too, with no policy violation', async () => {
  // The failing partner's server answers without CORS headers, as many do.
  const failing = /missing\.json' from origin .* blocked by CORS policy|Failed to load resource: net::ERR_FAILED/;
  allowConsole(failing);
  await env.ready;
  const citycal = await serve(new URL('../../dist', import.meta.url).pathname, {
    headers: DEPLOYMENT_HEADERS,
    pages: {
      '/config.json': JSON.stringify({ ...MIXED, feeds: MIXED.feeds.map((f) => ({ ...f, url: f.url.replace('torino.json', 'missing.json') })) }),
      '/network/cluj.json': CLUJ,
      '/network/google.ics': GOOGLE,
    },
  });
  const origin = citycal.url.replace(/\/$/, '');
  const partner = await serve(new URL('../../dist', import.meta.url).pathname, {
    host: '127.0.0.2',
    headers: { 'content-security-policy': `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; connect-src ${origin}; img-src 'self' data:; base-uri 'none'; object-src 'none'` },
    pages: { '/': `<!doctype html><html lang="ro"><head><meta charset="utf-8"><title>Primăria</title><link rel="icon" href="data:,">
<script type="module" src="${citycal.url}embed.js"></script></head>
<body><h1>Evenimentele rețelei</h1><div id="calendar" data-citycal data-lang="ro" data-view="list"></div></body></html>` },
  });
  const context = await env.browser.newContext({ timezoneId: 'Europe/Bucharest', locale: 'ro-RO', viewport: { width: 375, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && !failing.test(m.text()) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const files = [];
    page.on('request', (r) => r.url().includes('/calendar/') && files.push(new URL(r.url()).pathname));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(partner.url);
    const embed = page.locator('#calendar');
    await embed.locator('.feed-quiet').filter({ hasText: 'Torino' }).waitFor();
    const titles = await embed.locator('.event .event-title').allTextContents();
    assert.equal(titles.filter((t) => t === 'Civic tech evening').length, 8, titles.join(' | '));
    // In the visitor's zone, Bucharest: 18:00 on both sides of the change.
    assert.match(await embed.locator('.event').nth(5).locator('time').first().textContent(), /18:00/);
    assert.deepEqual(files.sort(), ['/calendar/calendar.js', '/calendar/calendar_bg.wasm', '/calendar/load.js']);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await partner.close();
    await citycal.close();
  }
});

// --- citycal merge: a JSON feed, an .ics export and a source answering 500 ---

let failing;
before(async () => {
  failing = createServer((_, res) => res.writeHead(500).end('down'));
  await new Promise((ok) => failing.listen(0, '127.0.0.1', ok));
});
after(() => failing?.close());

const CITYCAL = new URL('../../target/debug/citycal', import.meta.url).pathname;

test('citycal merge: a JSON feed, an .ics export and a failing source make one feed the calendar shows, labelled, the shared event once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'citycal-merge-'));
  copyFileSync(new URL('network/cluj.json', FIXTURES), join(dir, 'cluj.json'));
  copyFileSync(new URL('ics/google.ics', FIXTURES), join(dir, 'google.ics'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    feeds: [
      { id: 'cluj', url: 'cluj.json', name: { en: 'Cluj Urban Innovation Unit' } },
      { id: 'network', url: 'google.ics', name: 'Urban Innovation Network' },
      { id: 'torino', url: `http://127.0.0.1:${failing.address().port}/events.json`, name: 'Torino' },
    ],
  }));
  const out = join(dir, 'events.json');
  const { code, stderr } = await new Promise((ok) => execFile(CITYCAL, ['merge', join(dir, 'config.json'), '-o', out], (error, _, stderr) => ok({ code: error?.code ?? 0, stderr })));
  assert.equal(code, 1, stderr);
  assert.match(stderr, /torino \(Torino\): FAILED: HTTP status 500/);
  const merged = readFileSync(out, 'utf8');
  const feed = JSON.parse(merged);
  assert.deepEqual(feed.sources.map((s) => s.id), ['cluj', 'network']);
  // The roundtable is in both (Cluj's copy has the Google event's id): shown once, Cluj's.
  const roundtable = feed.events.filter((e) => /roundtable/i.test(JSON.stringify(e.title)));
  assert.equal(roundtable.length, 1);
  assert.deepEqual([roundtable[0].source, roundtable[0].alsoIn], ['cluj', ['network']]);

  const { context, page } = await open({ route: json(merged), clock: NOW, query: '?view=list&source=network' });
  await page.locator('.event').first().waitFor();
  const titles = await page.locator('.event .event-title').allTextContents();
  assert.ok(titles.includes('Mobility roundtable'), titles.join(' | '));
  assert.equal(titles.filter((t) => t === 'Mobility roundtable').length, 1);
  const recurring = feed.events.filter((e) => e.source === 'network' && e.series);
  assert.ok(recurring.length >= 2, 'the weekly RRULE arrives as a series of sessions');
  await page.goto(page.url().replace(/\?.*/, `?event=${encodeURIComponent(recurring[0].id)}`));
  await page.locator('.event-page .publisher').filter({ hasText: 'Published by Urban Innovation Network' }).waitFor();
  await context.close();
});
