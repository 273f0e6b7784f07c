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

const { open } = harness();
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

test('three partners, one failing: each event once with its partner, the partner as a filter, the failing one named', async () => {
  allowConsole(/Failed to load resource: the server responded with a status of 500/);
  const { context, page } = await open({ config: CONFIG, routes: ROUTES, clock: NOW, query: '?view=list' });
  const quiet = page.locator('.feed-quiet');
  await quiet.filter({ hasText: 'The events of Gdańsk could not be loaded.' }).waitFor();
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
  await context.close();
});

test('a partner embed pre-filtered by source= shows that partner\'s events only', async () => {
  allowConsole(/Failed to load resource: the server responded with a status of 500/);
  const { context, page } = await open({ config: CONFIG, routes: ROUTES, clock: NOW, query: '?view=list&source=cluj', width: 375, height: 800 });
  await page.locator('.event').first().waitFor();
  assert.deepEqual(await page.locator('.event .event-title').allTextContents(), ['Network kickoff', 'Open Data  Webinar', 'Mobility roundtable']);
  await context.close();
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
