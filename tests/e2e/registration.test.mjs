// End-to-end: registering through the real receiver (server/, built by
// `make server`), and a fault-injecting run that must store every one of
// 200 registrations exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, params } from './harness.mjs';
import { startReceiver, openFeed } from './receiver.mjs';

const { open, env } = harness();
const dir = mkdtempSync(join(tmpdir(), 'citycal-reg-'));

const QUESTION = {
  id: 'role', kind: 'choice', required: true,
  label: { en: 'Where do you work?', ro: 'Unde lucrați?' },
  options: [{ id: 'city', label: { en: 'A city administration' } }, { id: 'other', label: { en: 'Somewhere else' } }],
};

const FEED = openFeed(4, QUESTION);
const FEED_FILE = join(dir, 'events.json');
writeFileSync(FEED_FILE, FEED);

/** Starts a receiver; resolves with its base URL. */
function receiver(name, extra = []) {
  return startReceiver({ feed: FEED_FILE, db: join(dir, `${name}.sqlite`), allowOrigin: env.server.url.replace(/\/$/, ''), extra });
}

let plain, faulty;
before(async () => {
  await env.ready;
  plain = await receiver('plain');
  faulty = await receiver('faulty', ['--faults', '20261124']);
});
after(() => {
  plain?.stop();
  faulty?.stop();
});

function routes(base) {
  return {
    config: { feed: 'events.json', registrationEndpoint: `${base}/registrations`, privacyUrl: 'https://city.example/privacy' },
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: FEED }),
  };
}

async function stored(base, event) {
  return (await admin(base, event)).registrations;
}

async function admin(base, event) {
  const response = await fetch(`${base}/registrations${event ? `?event=${event}` : ''}`);
  return response.json();
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test('register for an event: validation next to the fields, confirmation, stored', async () => {
  const { context, page, errors } = await open({ ...routes(plain.url), timezoneId: 'America/Bogota', query: '?event=webinar-0' });
  const form = page.locator('form.registration-form');
  await form.waitFor();
  // Nothing filled: messages beside the fields, focus on the first.
  await form.getByRole('button', { name: 'Register' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reg-name');
  assert.equal(await page.locator('#reg-name-error').textContent(), 'Please fill this in.');
  assert.equal(await page.locator('#reg-consent-processing-error').textContent(), 'Please fill this in.');
  // A bad email: the name typed so far stays, focus goes to the email.
  await page.locator('#reg-name').fill('Ana Pop');
  await page.locator('#reg-email').fill('ana@localhost');
  await form.getByRole('button', { name: 'Register' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reg-email');
  assert.equal(await page.locator('#reg-name').inputValue(), 'Ana Pop');
  assert.match(await page.locator('#reg-email-error').textContent(), /email address like/);
  // The draft survives a reload before sending.
  await page.locator('#reg-email').fill('ana.pop@example.ro');
  await page.locator('#reg-organization').fill('Primăria Cluj-Napoca');
  await page.reload();
  await form.waitFor();
  assert.equal(await page.locator('#reg-email').inputValue(), 'ana.pop@example.ro');
  await page.locator('#reg-country').selectOption('RO');
  await page.getByLabel('A city administration').check();
  await page.locator('#reg-consent-processing').check();
  await form.getByRole('button', { name: 'Register' }).click();
  const done = page.locator('.registration-done');
  await done.waitFor();
  const id = /Your registration number: (\S+)/.exec(await done.locator('p').first().textContent())[1];
  assert.match(await done.textContent(), /The event starts .*(your time)/);
  const rows = await stored(plain.url, 'webinar-0');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].id, id);
  assert.deepEqual(
    [rows[0].request.name, rows[0].request.email, rows[0].request.country, rows[0].request.answers.role, rows[0].request.timeZone],
    ['Ana Pop', 'ana.pop@example.ro', 'RO', 'city', 'America/Bogota'],
  );
  // A reload shows the confirmation, not a fresh form.
  await page.reload();
  await done.waitFor();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();

  // Someone else's browser with the same email: told, not stored twice.
  const other = await open({ ...routes(plain.url), query: '?event=webinar-0' });
  await other.page.locator('#reg-name').fill('Ana P.');
  await other.page.locator('#reg-email').fill('ANA.POP@example.ro');
  await other.page.getByLabel('A city administration').check();
  await other.page.locator('#reg-consent-processing').check();
  await other.page.locator('form.registration-form button[type=submit]').click();
  await other.page.locator('.send-status', { hasText: 'already registered' }).waitFor();
  assert.equal((await stored(plain.url, 'webinar-0')).length, 1);
  await other.context.close();
});

test('keyboard alone: from the month view to a stored registration, without the mouse', async () => {
  const zone = 'Europe/Bucharest';
  const day = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);
  const target = day(new Date(JSON.parse(FEED).events[0].start));
  const { context, page, errors } = await open({ ...routes(plain.url), timezoneId: zone, query: '?view=month' });
  await page.locator('[role=grid]').waitFor();
  const press = async (key, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  // Into the grid: one Tab stop, on today.
  for (let tabs = 0; (await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'gridcell' && tabs < 40; tabs++) await press('Tab');
  const today = await page.evaluate(() => document.activeElement.dataset.date);
  assert.equal(today, day(new Date()));
  // Arrows to the event's day (weeks down, then days right), across months if need be.
  const days = Math.round((Date.parse(target) - Date.parse(today)) / 86400e3);
  await press('ArrowDown', Math.floor(days / 7));
  await press('ArrowRight', days % 7);
  await page.waitForFunction((d) => document.activeElement?.dataset?.date === d, target);
  // Enter opens the day; Tab reaches the event; Enter opens its page.
  await press('Enter');
  await page.locator('.time-grid.one-day').waitFor();
  for (let tabs = 0; !(await page.evaluate(() => document.activeElement?.closest('.tg-col') != null)) && tabs < 40; tabs++) await press('Tab');
  await press('Enter');
  await page.locator('form.registration-form').waitFor();
  assert.equal(params(page).event, 'webinar-0');
  // Through the form with Tab: type the fields, Space on the choice and the consent, Enter on Register.
  let sent = false;
  for (let tabs = 0; tabs < 80 && !sent; tabs++) {
    await press('Tab');
    const el = await page.evaluate(() => ({ id: document.activeElement?.id, type: document.activeElement?.type, name: document.activeElement?.name }));
    if (el.id === 'reg-name') await page.keyboard.type('Ion Popescu');
    else if (el.id === 'reg-email') await page.keyboard.type('ion.popescu@example.ro');
    else if (el.type === 'radio') await press('Space');
    else if (el.id === 'reg-consent-processing') await press('Space');
    else if (el.type === 'submit') {
      await press('Enter');
      sent = true;
    }
  }
  assert.ok(sent, 'the Register button is reachable with Tab');
  await page.locator('.registration-done').waitFor();
  const rows = (await stored(plain.url, 'webinar-0')).filter((r) => r.request.email === 'ion.popescu@example.ro');
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].request.name, rows[0].request.answers.role], ['Ion Popescu', 'city']);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test('a double click sends once', async () => {
  const { context, page } = await open({ ...routes(plain.url), query: '?event=webinar-1' });
  await page.locator('#reg-name').fill('Double Click');
  await page.locator('#reg-email').fill('double@example.org');
  await page.locator('#reg-consent-processing').check();
  await page.locator('form.registration-form button[type=submit]').dblclick();
  await page.locator('.registration-done').waitFor();
  const rows = (await stored(plain.url, 'webinar-1')).filter((r) => r.request.email === 'double@example.org');
  assert.equal(rows.length, 1);
  await context.close();
});

const TOTAL = 200;
const WORKERS = 4;

test(`fault injection: ${TOTAL} registrations through 500s, 503 + Retry-After, dropped connections, lost answers and reloads are each stored exactly once`, async () => {
  const confirmed = new Map();
  let reloads = 0;
  let retriesClicked = 0;
  async function worker(w) {
    const { context, page } = await open({ ...routes(faulty.url), query: '?event=webinar-1' });
    for (let n = w; n < TOTAL; n += WORKERS) {
      const event = `webinar-${1 + (n % 3)}`;
      const email = `person${n}@example.org`;
      await page.goto(`${env.server.url}?event=${event}`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.locator('#reg-name').fill(`Person ${n}`);
      await page.locator('#reg-email').fill(email);
      await page.locator('#reg-consent-processing').check();
      await page.locator('form.registration-form button[type=submit]').click();
      if (n % 10 === 3) {
        // The page goes away mid-send; the draft resumes after the reload.
        await page.reload();
        reloads += 1;
      }
      const done = page.locator('.registration-done');
      for (let tries = 0; ; tries += 1) {
        const outcome = await Promise.race([
          done.waitFor({ timeout: 60_000 }).then(() => 'done'),
          page.locator('form.registration-form button[type=submit]', { hasText: 'Try again' }).waitFor({ timeout: 60_000 }).then(() => 'failed'),
        ]);
        if (outcome === 'done') break;
        assert.ok(tries < 20, `${email}: still failing after ${tries} manual retries`);
        retriesClicked += 1;
        await page.locator('form.registration-form button[type=submit]').click();
      }
      const id = /: (\S+)$/m.exec((await done.locator('p').first().textContent()).trim())[1];
      confirmed.set(email, id);
    }
    await context.close();
  }
  await Promise.all([...Array(WORKERS)].map((_, w) => worker(w)));

  const { registrations: rows, injectedFaults: f } = await admin(faulty.url);
  const emails = rows.map((r) => r.request.email);
  assert.equal(confirmed.size, TOTAL, 'every visitor saw a confirmation');
  assert.equal(rows.length, TOTAL, 'stored exactly once each');
  assert.equal(new Set(emails).size, TOTAL, 'no duplicates');
  for (const row of rows) assert.equal(confirmed.get(row.request.email), row.id, `${row.request.email}: confirmed id is the stored one`);
  console.log(`fault injection: ${TOTAL} registrations confirmed, ${rows.length} stored, 0 duplicates, 0 lost; ` +
    `injected ${f.failed} × 500, ${f.busy} × 503 + Retry-After, ${f.droppedBefore} connections dropped before storing, ` +
    `${f.droppedAfterStoring} answers lost after storing; ${reloads} reloads mid-send, ${retriesClicked} manual "try again" clicks`);
});
