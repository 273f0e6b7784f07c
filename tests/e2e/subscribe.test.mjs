// End-to-end, issue 22: "Subscribe to this view" gives the address of an
// iCalendar feed of exactly the view's filters (the config's `calendar`
// server), or, on a static deployment, the build's files; an event page adds
// to Outlook.com and Microsoft 365 with UTC times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './harness.mjs';

const { open, env } = harness();
const NOW = '2026-12-01T06:00:00Z';
const CONFIG = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url)));

/** Opens the disclosure under the view; its address, and its links. */
async function subscription(page) {
  await page.locator('details.subscribe > summary').click();
  const address = page.locator('.subscribe-address input');
  await address.waitFor();
  return {
    https: await address.inputValue(),
    webcal: await page.locator('a.subscribe-webcal').getAttribute('href'),
    google: await page.locator('a.subscribe-google').getAttribute('href'),
    outlook: await page.locator('a.subscribe-outlook').getAttribute('href'),
    text: await page.locator('.subscribe-body p').first().textContent(),
  };
}

test('a filtered view subscribes to the server\'s calendar.ics with exactly its filters, in its language', async () => {
  const { context, page, errors } = await open({ clock: NOW, query: '?view=list&theme=climate&city=Torino&when=upcoming&lang=es' });
  await page.locator('.event-list .event, .event-list .empty').first().waitFor();
  const sub = await subscription(page);
  const url = new URL(sub.https);
  assert.equal(url.origin + url.pathname, CONFIG.calendar);
  // The facets and the language; not the view, nor the time filters (the calendar app keeps time).
  assert.deepEqual(Object.fromEntries(url.searchParams), { lang: 'es', theme: 'climate', city: 'Torino' });
  assert.equal(sub.webcal, sub.https.replace(/^https?:/, 'webcal:'));
  assert.equal(new URL(sub.google).searchParams.get('cid'), sub.webcal);
  assert.equal(new URL(sub.outlook).searchParams.get('url'), sub.https);
  assert.match(sub.text, /mantiene al día/);
  // A change of filters changes the address.
  await page.goto(page.url().replace('theme=climate', 'theme=housing'));
  const other = await subscription(page);
  assert.equal(new URL(other.https).searchParams.get('theme'), 'housing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a server, one theme subscribes to its static file, other filters to every event (and says so)', async () => {
  const config = { ...CONFIG };
  delete config.calendar;
  const { context, page, errors } = await open({ clock: NOW, config, query: '?view=list&theme=climate' });
  await page.locator('.event-list .event').first().waitFor();
  const sub = await subscription(page);
  assert.equal(sub.https, `${env.server.url}calendar-climate.ics`);
  const file = await fetch(sub.https);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /^text\/calendar/);
  assert.match(await file.text(), /^BEGIN:VCALENDAR\r\n/);
  await page.goto(`${env.server.url}?view=list&theme=climate&q=city`);
  const everything = await subscription(page);
  assert.equal(everything.https, `${env.server.url}calendar.ics`);
  assert.match(everything.text, /every event of this calendar/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an event page adds to Outlook.com and Microsoft 365 with UTC times', async () => {
  const { context, page, errors } = await open({ clock: NOW, timezoneId: 'America/Bogota', query: '?event=e-urban-dialogues-2026' });
  await page.locator('.event-page h2').waitFor();
  for (const [selector, host] of [['a.outlook', 'outlook.live.com'], ['a.microsoft-365', 'outlook.office.com']]) {
    const link = new URL(await page.locator(`.event-actions ${selector}`).getAttribute('href'));
    assert.equal(link.host, host);
    assert.match(link.searchParams.get('startdt'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(link.searchParams.get('enddt'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(link.searchParams.get('subject').length > 0);
  }
  // No subscription under an event's page.
  assert.equal(await page.locator('details.subscribe').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
