// End-to-end: the built app (dist/) served locally, driven in headless Chromium.
// The first screen's facts: true instants, languages, feed failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, SAMPLE, overflow, allowConsole, ZONE_LINE } from './harness.mjs';

const { open } = harness();

/** The card of a past event in the list view. */
async function pastEvent(page, id) {
  await page.locator('.event').first().waitFor();
  await page.locator('.toggle-past').click();
  const card = page.locator(`article[data-event-id="${id}"]`);
  await card.waitFor();
  return card;
}

// The seed events at their true instants, as seen from zones on both sides of UTC.
const SEEDS = {
  'Pacific/Auckland': {
    'e-urban-dialogues-2020': ['2020-12-05T03:00:00+13:00', 'Sat 5 Dec 2020, 03:00'],
    'learning-from-cities-innovation-in-covid-times': ['2021-06-30T02:00:00+12:00', 'Wed 30 Jun 2021, 02:00'],
  },
  'America/Bogota': {
    'e-urban-dialogues-2020': ['2020-12-04T09:00:00-05:00', 'Fri 4 Dec 2020, 09:00'],
    'learning-from-cities-innovation-in-covid-times': ['2021-06-29T09:00:00-05:00', 'Tue 29 Jun 2021, 09:00'],
  },
};

for (const [timezoneId, events] of Object.entries(SEEDS)) {
  test(`seed events show at their true instants in ${timezoneId}`, async () => {
    const { context, page, errors } = await open({ timezoneId, query: '?view=list' });
    await page.locator(ZONE_LINE, { hasText: `${timezoneId.split('/').pop().replace(/_/g, ' ')} (GMT` }).waitFor();
    for (const [id, [iso, text]] of Object.entries(events)) {
      const card = await pastEvent(page, id);
      const time = card.locator('time').first();
      assert.equal(await time.getAttribute('datetime'), iso, id);
      assert.equal((await time.textContent()).replace(/,/g, ''), text.replace(/,/g, ''), id);
      await page.locator('.toggle-past').click(); // back to upcoming for the next one
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a venue without a city names its zone in the visitor’s language; a past event’s date is not “to be confirmed”', async () => {
  const feed = structuredClone(SAMPLE);
  const event = feed.events.find((e) => e.id === 'lse-cities-city-government-innovation-report-launch');
  delete event.venue.city;
  event.approximate = ['date'];
  const route = (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) });
  for (const [lang, locale, zone] of [['en', 'en-GB', 'Central European Time'], ['es', 'es-ES', 'hora de Europa central'], ['ro', 'ro-RO', '[Oo]ra Europei Centrale']]) {
    const { context, page } = await open({ timezoneId: 'America/Bogota', locale, query: `?view=list&lang=${lang}`, route });
    const card = await pastEvent(page, event.id);
    const venue = await card.locator('.venue-time').textContent();
    assert.match(venue, new RegExp(`16:00–18:00 \\(${zone}\\)`), `${lang}: ${venue}`);
    assert.doesNotMatch(await card.textContent(), /to be confirmed|por confirmar|urmează să fie confirmată/, lang);
    await context.close();
  }
});

test('an event page says what the event is about: its description, else the summary its card said', async () => {
  for (const [lang, about, text] of [['en', 'About', 'digital twin informs zoning'], ['es', 'Descripción', 'gemelo digital'], ['ro', 'Despre', 'geamănul digital']]) {
    const { context, page } = await open({ query: `?event=seoul-digital-twin-webinar&lang=${lang}` });
    const section = page.locator('.event-page .detail-section', { has: page.locator('h3', { hasText: about }) });
    await section.waitFor();
    assert.match(await section.textContent(), new RegExp(text));
    await context.close();
  }
});

test('in-person events show the venue’s local time beside the viewer’s', async () => {
  const { context, page } = await open({ timezoneId: 'America/Bogota', query: '?view=list' });
  const card = await pastEvent(page, 'lse-cities-city-government-innovation-report-launch');
  assert.match(await card.locator('.venue-time').textContent(), /16:00–18:00 \(Brussels time\)/);
  assert.match(await card.textContent(), /Watch the recording/);
  await context.close();
});

test('upcoming events come first, soonest first, with registration states', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=list' });
  await page.locator('.event').first().waitFor();
  const datetimes = await page.locator('.event .event-when time:first-child').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.equal(datetimes.length, 20, 'the first page holds 20 events');
  const instants = datetimes.map((d) => Date.parse(d.length === 10 ? d + 'T00:00:00Z' : d));
  assert.deepEqual([...instants].sort((a, b) => a - b), instants);
  assert.match(await page.locator('h2#list-heading').textContent(), /Upcoming events/);
  assert.ok(await page.locator('.badge.reg-full').count() >= 1);
  await context.close();
});

test('language follows the browser, ?lang= overrides it, and <html lang> follows', async () => {
  let { context, page } = await open({ locale: 'ro-RO' });
  await page.locator('h1', { hasText: 'Evenimente ale rețelelor de orașe' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'ro');
  await context.close();
  ({ context, page } = await open({ locale: 'ro-RO', query: '?lang=es' }));
  await page.locator('h1', { hasText: 'Eventos de las redes de ciudades' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.title(), 'Citycal — eventos de las redes de ciudades');
  await context.close();
});

test('a feed that is not JSON gets a clear message, and retry recovers', async () => {
  let broken = true;
  const { context, page } = await open({
    query: '?view=list',
    route: (route) => (broken ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "events": [' }) : route.continue()),
  });
  const alert = page.getByRole('alert');
  // Visitors read that the file has errors, not where: its organizers follow the link to the check page.
  await alert.filter({ hasText: 'has errors, so no event can be shown. For organizers: what to fix' }).waitFor();
  assert.doesNotMatch(await alert.textContent(), /line|column|JSON/);
  assert.match(await alert.getByRole('link').getAttribute('href'), /^check\.html\?lang=en&feed=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fevents\.json$/);
  broken = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.event').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('a failing feed server is explained', async () => {
  allowConsole(/Failed to load resource: the server responded with a status of 503/);
  const { context, page } = await open({ route: (route) => route.fulfill({ status: 503, body: 'down' }) });
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /HTTP 503/);
  await context.close();
});

test('an invalid event is skipped; the public page says so in one quiet line, without paths or reasons; the others stay', async () => {
  const feed = structuredClone(SAMPLE);
  const bad = feed.events.findIndex((e) => e.id === 'e-urban-dialogues-2026');
  feed.events[bad].timeZone = 'Europe/Cluj';
  const { context, page } = await open({
    locale: 'en-GB',
    query: '?view=list',
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) }),
  });
  const notice = page.locator('.feed-quiet');
  await notice.waitFor();
  assert.equal(await notice.textContent(), 'One event could not be shown because of errors in the feed. For organizers: what to fix');
  assert.equal(await page.locator('.notice.warning').count(), 0);
  const text = await page.locator('.citycal').textContent();
  assert.ok(!/events\[|timeZone|Europe\/Cluj/.test(text), 'no path or reason on the public page');
  assert.equal(await page.locator('article[data-event-id="e-urban-dialogues-2026"]').count(), 0);
  assert.equal(await page.locator('.event').count(), 20);
  await context.close();
});

test('no horizontal scrolling on a 320 px phone, in any view', async () => {
  for (const query of ['', '?view=month&date=2026-12-10', '?view=week&date=2026-12-10', '?event=e-urban-dialogues-2020']) {
    const { context, page } = await open({ width: 320, height: 640, locale: 'ro-RO', query });
    await page.locator('.event, .month-grid, .time-grid, .event-page').first().waitFor();
    assert.equal(await overflow(page), 0, query);
    await context.close();
  }
});
