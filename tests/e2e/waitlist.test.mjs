// End-to-end: the registration form reads the receiver's live availability
// when it opens (the feed's numbers are only the fallback), and a full event
// with a waitlist puts people on it with their position (issue 24, item 3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, allowConsole } from './harness.mjs';
import { startReceiver, registrations } from './receiver.mjs';

const { open, env } = harness();
const dir = mkdtempSync(join(tmpdir(), 'citycal-waitlist-'));

// 30 days ahead whatever the date: registration is open.
const start = new Date(Date.now() + 30 * 86400e3);
start.setUTCHours(14, 0, 0, 0);
const iso = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const FEED = JSON.stringify({
  version: 1,
  name: 'waitlist test',
  events: [{
    id: 'lab', title: { en: 'Street lab', es: 'Laboratorio callejero' }, format: 'online', languages: ['en'],
    start: iso(start), end: iso(new Date(start.getTime() + 2 * 3600e3)),
    // The feed was published before anyone registered: 2 places, none taken.
    registration: { capacity: 2, taken: 0, waitlist: true },
  }],
});
const FEED_FILE = join(dir, 'events.json');
writeFileSync(FEED_FILE, FEED);

let receiver;
before(async () => {
  await env.ready;
  receiver = await startReceiver({ feed: FEED_FILE, db: join(dir, 'w.sqlite'), allowOrigin: env.server.url.replace(/\/$/, '') });
});
after(() => receiver?.stop());

const visit = (locale, endpoint = `${receiver.url}/registrations`) => open({
  locale,
  liveAvailability: true,
  query: '?event=lab',
  config: { feed: 'events.json', registrationEndpoint: endpoint, privacyUrl: 'https://city.example/privacy' },
  route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: FEED }),
});

async function fillAndSend(page, name) {
  const form = page.locator('form.registration-form');
  await form.locator('#reg-name').fill(name);
  await form.locator('#reg-email').fill(`${name.toLowerCase().replace(/\W/g, '')}@example.org`);
  await form.locator('#reg-consent-processing').check();
  await form.locator('button[type=submit]').click();
}

test('places left and "full" are the receiver\'s, and a full event puts people on its waitlist with their position', async () => {
  const places = (page) => page.locator('.registration-facts');

  const first = await visit('en-GB');
  await places(first.page).filter({ hasText: '2 places left' }).waitFor();
  await fillAndSend(first.page, 'Ana Pop');
  await first.page.locator('.registration-done h3').filter({ hasText: 'registered' }).waitFor();
  await first.context.close();

  // The feed still says 2 places; the receiver knows one is taken.
  const second = await visit('en-GB');
  await places(second.page).filter({ hasText: '1 place left' }).waitFor();
  assert.equal(await second.page.locator('#reg-heading').textContent(), 'Register');
  await fillAndSend(second.page, 'Ion Popescu');
  await second.page.locator('.registration-done').waitFor();
  await second.context.close();

  // Full now: the form becomes the waitlist's, whatever the feed says.
  const third = await visit('en-GB');
  await places(third.page).filter({ hasText: 'Fully booked: the waitlist is open' }).waitFor();
  assert.equal(await third.page.locator('#reg-heading').textContent(), 'Join the waitlist');
  assert.equal(await third.page.locator('form.registration-form button[type=submit]').textContent(), 'Join the waitlist');
  await fillAndSend(third.page, 'Maria Ionescu');
  const done = third.page.locator('.registration-done.waitlisted');
  await done.waitFor();
  assert.match(await done.textContent(), /You are on the waitlist.*You are number 1 on the waitlist\./);
  // A reload shows the same place, not the form again.
  await third.page.reload();
  await third.page.locator('.registration-done.waitlisted').filter({ hasText: 'number 1' }).waitFor();
  assert.equal(await third.page.locator('form.registration-form:visible').count(), 0);
  await third.context.close();

  const fourth = await visit('es-ES');
  await places(fourth.page).filter({ hasText: '1 persona esperando' }).waitFor();
  await fillAndSend(fourth.page, 'Lucía Gómez');
  await fourth.page.locator('.registration-done.waitlisted').filter({ hasText: 'Es el número 2 de la lista de espera.' }).waitFor();
  await fourth.context.close();

  const stored = (await registrations(receiver.url, 'lab')).registrations;
  assert.deepEqual(stored.map((r) => [r.name, r.status, r.position ?? null]).sort(), [
    ['Ana Pop', 'registered', null], ['Ion Popescu', 'registered', null],
    ['Lucía Gómez', 'waitlisted', 2], ['Maria Ionescu', 'waitlisted', 1],
  ].sort());
});

test('a receiver that cannot be reached: the feed\'s numbers and the usual form', async () => {
  allowConsole(/ERR_CONNECTION_REFUSED|ERR_UNSAFE_PORT/);
  const { context, page } = await visit('ro-RO', 'http://127.0.0.1:9/registrations');
  await page.locator('.registration-facts').filter({ hasText: 'Au mai rămas 2 locuri' }).waitFor();
  await page.locator('form.registration-form').waitFor();
  assert.notEqual(await page.locator('#reg-heading').textContent(), 'Înscrieți-vă pe lista de așteptare');
  await context.close();
});
