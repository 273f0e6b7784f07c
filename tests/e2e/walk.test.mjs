// A seeded random walk through the app as a person uses it: switch views,
// step dates, open and close events, back and forward, change language and
// zone, type a search, tick filters, move in the month grid with the keys,
// follow a shared link to an event, start and abandon registrations against an endpoint that is slow or
// failing; at desktop and phone sizes. After every step: no page error or
// console error, at most one registration request in flight per
// idempotency key; every few steps (and at the end), a reload of the URL
// shows the same screen.
//
// make test runs WALK_STEPS (default 300 per size, 600 in all) with
// WALK_SEED (default 1); `make walk` runs longer with a fresh seed. A
// failure names the seed and the steps that led to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, allowConsole, openPreferences, SAMPLE } from './harness.mjs';

const { open } = harness();

const NOW = '2026-12-01T06:00:00Z';
const SEED = Number(process.env.WALK_SEED ?? 1);
const STEPS = Number(process.env.WALK_STEPS ?? 300);
const RELOAD_EVERY = 25;
const ENDPOINT = '/walk/registrations';
const ZONES = ['Europe/Bucharest', 'America/Santiago', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'America/Bogota'];
const SEARCHES = ['urbact', 'city', 'ș', 'zzzz-no-match', 'Bogotá', ''];

/** mulberry32: a small seeded generator. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

/**
 * The registration endpoint, as the page sees it: slow (up to 3 s), 503 with
 * Retry-After: 1, 500, a dropped connection, or 201. Counts what is in flight
 * per idempotency key from the browser's own request events (each request
 * until it finishes or fails; a reload ends every request of the page it
 * replaces, whose events may come late or not at all).
 */
function endpoint(page, rng) {
  const inFlight = new Map(); // key → the requests with it in flight
  const stats = { posts: 0, most: 0, keys: new Set(), answers: {} };
  const settle = (request) => {
    if (request.method() !== 'POST' || !request.url().includes(ENDPOINT)) return;
    inFlight.get(request.headers()['idempotency-key'])?.delete(request);
  };
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().includes(ENDPOINT)) return;
    const key = request.headers()['idempotency-key'];
    stats.posts += 1;
    stats.keys.add(key);
    if (!inFlight.has(key)) inFlight.set(key, new Set());
    inFlight.get(key).add(request);
    stats.most = Math.max(stats.most, inFlight.get(key).size);
  });
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  page.route(`**${ENDPOINT}`, async (route) => {
    const roll = rng.next();
    const wait = roll < 0.3 ? 1000 + rng.int(2000) : rng.int(200);
    await new Promise((ok) => setTimeout(ok, wait));
    const answer = roll < 0.25 ? 503 : roll < 0.35 ? 500 : roll < 0.42 ? 'drop' : 201;
    stats.answers[answer] = (stats.answers[answer] ?? 0) + 1;
    try {
      if (answer === 'drop') await route.abort('connectionreset');
      else if (answer === 503) await route.fulfill({ status: 503, headers: { 'retry-after': '1' }, body: '' });
      else if (answer === 500) await route.fulfill({ status: 500, body: '' });
      else await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ registrationId: `r-${stats.posts}` }) });
    } catch {
      // The page aborted the request (it left the event) or went away.
    }
  });
  return {
    stats,
    inFlightNow: () => Math.max(0, ...[...inFlight.values()].map((s) => s.size)),
    reloading: () => inFlight.clear(),
  };
}

/** What the screen shows, in words a reload must give again. */
function screen(page) {
  return page.evaluate(() => {
    const text = (sel) => document.querySelector(sel)?.textContent.trim() ?? null;
    const main = document.querySelector('main');
    const kind = ['.event-page', '.month-grid', '.time-grid', '.event-list'].find((s) => main?.querySelector(s)) ?? 'none';
    const events = [...(main?.querySelectorAll('.event-title, .chip-title, .tg-title') ?? [])].slice(0, 5).map((e) => e.textContent.trim());
    return {
      lang: document.documentElement.lang,
      kind,
      period: kind === '.event-page' ? null : text('#period-title'),
      event: text('#event-title'),
      events,
      search: document.querySelector('#cc-search')?.value ?? null,
      zone: text('#cc-preferences-toggle .summary'),
    };
  });
}

/** Waits until the page has settled: no view loading, the URL unchanged for a moment. */
async function settled(page) {
  // Back or Forward across a new page load (a shared link) starts the app again.
  await page.locator('main').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.chunk-loading, .skeleton-card'), null, { timeout: 20_000 }).catch(() => {});
  let url = page.url();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(60);
    if (page.url() === url) break;
    url = page.url();
  }
}

/** Clicks a random visible element matching `selector`; false when there is none. */
async function clickSome(page, rng, selector) {
  const all = page.locator(selector);
  const n = await all.count();
  const visible = [];
  for (let i = 0; i < n && visible.length < 40; i++) if (await all.nth(i).isVisible()) visible.push(i);
  if (!visible.length) return false;
  await all.nth(rng.pick(visible)).click({ timeout: 5000 });
  return true;
}

/** The actions a person can take, each a name and a function of (page, rng). */
const ACTIONS = [
  ['switch view', 4, (page, rng) => clickSome(page, rng, '.view-switch a')],
  ['step date', 5, (page, rng) => clickSome(page, rng, '.step-buttons a')],
  ['open an event', 6, (page, rng) => clickSome(page, rng, 'main a[href*="event="]')],
  ['open a shared link', 2, async (page, rng, walker) => {
    // A link from a newsletter or a partner's page: a new page load.
    walker.reloading();
    await page.goto(`${new URL(page.url()).origin}/?event=${encodeURIComponent(rng.pick(SAMPLE.events).id)}`);
    await page.locator('main').waitFor();
    return true;
  }],
  ['close the event', 3, (page, rng) => clickSome(page, rng, '.event-page .back a')],
  ['back', 3, async (page, rng, walker) => {
    const was = page.url();
    await page.goBack({ waitUntil: 'commit' }).catch(() => {});
    if (new URL(page.url()).origin === new URL(was).origin) return true;
    // Back from the first page leaves the app; the person comes back to it
    // (Forward from about:blank is not reliable in Playwright: the page is
    // loaded again at the address it had, as Forward would).
    walker.reloading();
    await page.goto(was);
    await page.locator('main').waitFor();
    return 'left the app and came back';
  }],
  ['forward', 2, async (page) => { await page.goForward({ waitUntil: 'commit' }).catch(() => {}); return true; }],
  ['language', 4, async (page, rng) => {
    await openPreferences(page);
    await page.locator('.language-picker select').selectOption(rng.pick(['en', 'es', 'ro']));
    return true;
  }],
  ['zone', 3, async (page, rng) => {
    await openPreferences(page);
    const input = page.locator('#cc-zone-input');
    if (!(await input.isVisible())) return false;
    await input.fill(rng.pick(ZONES));
    await input.press('Enter');
    return true;
  }],
  ['search', 3, async (page, rng) => {
    const input = page.locator('#cc-search');
    if (!(await input.isVisible())) return false;
    await input.fill(rng.pick(SEARCHES));
    return true;
  }],
  ['filter', 3, async (page, rng) => {
    const panel = page.locator('details.filter-panel');
    if (!(await panel.isVisible())) return false;
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
    await page.locator('details.filter-panel input[type=checkbox]').first().waitFor({ timeout: 10_000 });
    return clickSome(page, rng, 'details.filter-panel input[type=checkbox], details.filter-panel input[type=radio]');
  }],
  ['clear a chip', 1, (page, rng) => clickSome(page, rng, '.active-filters button.filter-chip, .active-filters button.clear-filters')],
  ['grid keys', 3, async (page, rng) => {
    const cell = page.locator('.month-grid td[tabindex="0"]');
    if (!(await cell.count())) return false;
    await cell.focus();
    for (let i = 0, n = 1 + rng.int(6); i < n; i++) await page.keyboard.press(rng.pick(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageDown', 'Home']));
    return true;
  }],
  ['register', 8, async (page, rng) => {
    const form = page.locator('form.registration-form');
    if (!(await form.isVisible()) || (await form.locator('button[type=submit][disabled]').count())) return false;
    await page.locator('#reg-name').fill(`Walker ${rng.int(1e6)}`);
    await page.locator('#reg-email').fill(`walker${rng.int(1e6)}@example.org`);
    for (const group of await form.locator('fieldset.question, .question fieldset').all()) await group.locator('input[type=radio]').first().check();
    for (const box of await form.locator('.question input[type=checkbox][required]').all()) await box.check();
    await page.locator('#reg-consent-processing').check();
    await form.locator('button[type=submit]').click();
    return true;
  }],
  ['wait', 2, async (page, rng) => { await page.waitForTimeout(200 + rng.int(1500)); return true; }],
];
const WEIGHTS = ACTIONS.reduce((sum, a) => sum + a[1], 0);

function draw(rng) {
  let roll = rng.int(WEIGHTS);
  for (const action of ACTIONS) {
    roll -= action[1];
    if (roll < 0) return action;
  }
  return ACTIONS[0];
}

async function walk({ width, height, seed }) {
  const rng = generator(seed);
  const { context, page } = await open({
    timezoneId: 'Europe/Bucharest', locale: 'en-GB', clock: NOW, width, height,
    config: { feed: 'events.json', defaultLanguage: 'en', registrationEndpoint: ENDPOINT, privacyUrl: 'https://citycal.example/privacy' },
  });
  const { stats, inFlightNow, reloading } = endpoint(page, rng);
  // The endpoint's faults (500, 503, a reset connection) are logged by the
  // browser; nothing else may be, and nothing from another address.
  allowConsole(/Failed to load resource: the server responded with a status of 50[03]/, /Failed to load resource: net::ERR_CONNECTION_RESET/);
  const fault = (m) => /^Failed to load resource: (the server responded with a status of 50[03]|net::ERR_CONNECTION_RESET)/.test(m.text()) &&
    new URL(m.location()?.url || 'about:blank').pathname === ENDPOINT;
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !fault(m)) pageErrors.push(`${m.text()} (${m.location()?.url ?? ''})`);
  });
  await page.locator('main').waitFor();
  await settled(page);
  const log = [];
  const done = {};
  const idle = {}; // actions drawn that found nothing to do or were skipped
  let reloads = 0;
  for (let step = 1; step <= STEPS; step++) {
    const [name, , act] = draw(rng);
    let did;
    try {
      did = await act(page, rng, { reloading });
    } catch (e) {
      // An element that went away between finding and clicking it: the page moved on.
      did = `skipped (${String(e.message).split('\n')[0].slice(0, 80)})`;
    }
    log.push(`${step} ${name}${did === false ? ' (nothing to do)' : did === true ? '' : ` ${did}`} → ${page.url().replace(/^https?:\/\/[^/]+/, '')}`);
    done[name] = (done[name] ?? 0) + (did === true ? 1 : 0);
    if (did !== true) idle[name] = (idle[name] ?? 0) + 1;
    const context = () => `seed ${seed}, ${width}px, after:\n${log.slice(-12).join('\n')}`;
    await settled(page).catch(async (e) => {
      const body = await page.evaluate(() => document.body?.innerHTML.slice(0, 1500)).catch((e) => String(e));
      assert.fail(`${e.message.split('\n')[0]} at ${page.url()}; page errors ${JSON.stringify(pageErrors)}; body: ${body}; ${context()}`);
    });
    assert.deepEqual(pageErrors, [], `page errors, ${context()}`);
    assert.ok(stats.most <= 1, `${stats.most} requests with one key in flight at once, ${context()}`);
    if (step % RELOAD_EVERY === 0 || step === STEPS) {
      const before = await screen(page);
      reloading();
      await page.reload();
      await page.locator('main').waitFor({ timeout: 15_000 }).catch(async () => {
        const body = await page.evaluate(() => document.body.innerHTML.slice(0, 1500)).catch((e) => String(e));
        assert.fail(`no <main> after the reload of ${page.url()}; page errors ${JSON.stringify(pageErrors)}; body: ${body}; ${context()}`);
      });
      await settled(page);
      // A registration resumed by the reload may finish meanwhile: compare what the link decides.
      const after = await screen(page);
      reloads += 1;
      assert.deepEqual(after, before, `the URL does not give the same screen on reload, ${context()}`);
      assert.deepEqual(pageErrors, [], `page errors after the reload, ${context()}`);
    }
  }
  assert.equal(inFlightNow() <= 1, true);
  if (process.env.WALK_LOG) console.log(log.join('\n'));
  console.log(`walk, seed ${seed}, ${width}×${height}: ${STEPS} steps (${Object.entries(done).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
    `not done ${JSON.stringify(idle)}; ${reloads} reloads compared; ${stats.posts} registration requests for ${stats.keys.size} attempts, ` +
    `at most ${stats.most} in flight per key; endpoint answers ${JSON.stringify(stats.answers)}`);
  await context.close();
}

test(`random walk at 1280×900: ${STEPS} steps, seed ${SEED}`, { timeout: 900_000 }, () => walk({ width: 1280, height: 900, seed: SEED }));
test(`random walk at 375×800: ${STEPS} steps, seed ${SEED + 1}`, { timeout: 900_000 }, () => walk({ width: 375, height: 800, seed: SEED + 1 }));
