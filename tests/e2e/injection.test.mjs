// End-to-end, issue 9: every text field of a feed filled with injection
// payloads (tests/e2e/xss-payloads.mjs) renders as plain text in every view,
// the filter panel and the event page with its registration form; links that
// are not http(s) get no href. Served without a CSP, so it is the rendering
// that is proven safe, not the policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, allowConsole } from './harness.mjs';
import { PAYLOADS, BAD_URLS, ODD_HTTP_URLS } from './xss-payloads.mjs';

const { open } = harness();
const NOW = '2026-12-01T06:00:00Z';
const N = PAYLOADS.length;
/** Payloads per event: event i carries payloads i .. i + SLOTS - 1. */
const SLOTS = 14;
const payload = (i) => PAYLOADS[i % N];
const text = (s) => ({ en: s, es: s, ro: s });

/** The feed, with `p(i)` for its texts: the payloads, or harmless words for the
 * baseline (the same feed and links, so the same notices and forms). */
function feedOf(p) {
  const themes = PAYLOADS.map((_, i) => ({ id: `theme-${i}`, label: text(p(i)) }));
  const organizations = PAYLOADS.map((_, i) => ({ id: `org-${i}`, name: text(p(i)), url: BAD_URLS[i % BAD_URLS.length] }));
  const series = [{ id: 'series-0', title: text(p(0)), kind: 'series', url: BAD_URLS[0] }];
  const events = PAYLOADS.map((_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(8 + (i % 10)).padStart(2, '0');
    const links = (k) => (i % 2 ? BAD_URLS[(i + k) % BAD_URLS.length] : ODD_HTTP_URLS[(i + k) % ODD_HTTP_URLS.length]);
    return {
      id: `xss-${i}`,
      title: text(p(i)),
      summary: text(p(i + 1)),
      description: text(`${p(i + 2)}\n\n${p(i + 3)}`),
      start: `2026-12-${day}T${hour}:00`,
      end: `2026-12-${day}T${hour}:45`,
      timeZone: 'Europe/Bucharest',
      languages: ['en'],
      format: 'hybrid',
      venue: { name: text(p(i + 4)), address: p(i + 5), city: p(i + 6), country: 'RO' },
      onlineUrl: links(0),
      recordingUrl: links(1),
      url: links(2),
      themes: [`theme-${i}`, `theme-${(i + 1) % N}`],
      organizers: [`org-${i}`],
      partners: [`org-${(i + 1) % N}`],
      series: 'series-0',
      people: [{ name: p(i + 7), role: 'speaker', position: text(p(i + 8)), organization: p(i + 9) }],
      agenda: [{ title: text(p(i + 10)), minutes: 15 }],
      audience: [text(p(i + 11))],
      registration: {
        closes: '2026-12-31T00:00:00Z',
        // Half the events point at an external form: refused when not http(s), so Citycal's own form shows.
        ...(i % 4 === 1 ? { url: BAD_URLS[i % BAD_URLS.length] } : {}),
        questions: [{ id: 'q', label: text(p(i + 12)), kind: 'choice', required: false, options: [{ id: 'o', label: text(p(i + 13)) }] }],
      },
    };
  });
  return { version: 1, name: text(p(0)), themes, organizations, series, events };
}

const route = (feed) => (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) });

/** Records any payload that runs, and any dialog. */
async function watch(page) {
  const hits = [];
  await page.exposeFunction('__xssHit', (n) => hits.push(n));
  await page.addInitScript(() => {
    window.__xss = (n) => window.__xssHit(n);
    for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = () => window.__xssHit(f);
  });
  page.on('dialog', (d) => {
    hits.push(`dialog ${d.message()}`);
    d.dismiss();
  });
  return hits;
}

/** Tags and attribute names on the page, and everything that could run or navigate. */
function inspect(page) {
  return page.evaluate(() => {
    const tags = new Set();
    const attributes = new Set();
    const problems = [];
    for (const el of document.querySelectorAll('*')) {
      tags.add(el.localName);
      for (const a of el.attributes) {
        attributes.add(a.name);
        if (/^on/i.test(a.name)) problems.push(`${el.localName}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc|poster|background)$/i.test(a.name)) {
          const value = a.value.trim();
          // http(s), or a path on the app's own origin (no scheme, not protocol-relative).
          const scheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
          const safe = scheme ? /^https?:\/\//i.test(value) : !value.startsWith('//') && !/[\u0000-\u001f]/.test(value);
          if (!safe) problems.push(`${el.localName}[${a.name}=${JSON.stringify(a.value)}]`);
        }
      }
      if (el.localName === 'script' && !(el.src.startsWith(location.origin) || el.type === 'application/ld+json')) problems.push(`script ${el.outerHTML.slice(0, 80)}`);
      if (el.localName === 'script' && el.type === 'application/ld+json') {
        try {
          JSON.parse(el.textContent);
        } catch {
          problems.push(`JSON-LD broken: ${el.textContent.slice(0, 80)}`);
        }
      }
    }
    return { tags: [...tags], attributes: [...attributes], problems };
  });
}

/** The pages the test walks: each view, the filter panel, and event pages. */
async function walk(page, ids) {
  const seen = { tags: new Set(), attributes: new Set(), problems: [] };
  const record = async (where) => {
    const found = await inspect(page);
    found.tags.forEach((t) => seen.tags.add(t));
    found.attributes.forEach((a) => seen.attributes.add(a));
    seen.problems.push(...found.problems.map((x) => `${where}: ${x}`));
  };
  for (const view of ['month', 'week', 'day', 'list']) {
    await page.goto(page.url().replace(/\?.*$/, '') + `?view=${view}&date=2026-12-07`);
    await page.locator('.month-grid, .tg-row, .event, .empty').first().waitFor();
    await record(view);
  }
  await page.locator('.filter-panel summary').click();
  await page.locator('fieldset[data-facet="theme"] label').first().waitFor();
  await record('filter panel');
  for (const id of ids) {
    await page.goto(page.url().replace(/\?.*$/, '') + `?event=${id}`);
    await page.locator('.event-page').waitFor();
    await record(`event ${id}`);
  }
  return seen;
}

test(`${PAYLOADS.length} injection payloads in every text field and ${BAD_URLS.length} non-http links: plain text, nothing runs, no attribute injected`, async () => {
  assert.ok(PAYLOADS.length >= 100);
  // Event pages that together carry every payload in each of their fields.
  const ids = [];
  for (let i = 0; i < N; i += SLOTS) ids.push(`xss-${i}`);
  // What the app's own pages hold with harmless texts: the allowed tags and attributes.
  const plain = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, route: route(feedOf((i) => `Plain text ${i % N}`)), query: '?view=list' });
  const baseline = await walk(plain.page, ids);
  assert.deepEqual(baseline.problems, []);
  await plain.context.close();

  const feed = feedOf(payload);
  const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, route: route(feed), query: '?view=list' });
  const hits = await watch(page);
  await page.reload();
  await page.locator('.event').first().waitFor();
  // Every event's title, as typed, in the list: text, not markup.
  const titles = await page.locator('article.event').evaluateAll((els) => els.map((e) => [e.dataset.eventId, e.querySelector('.event-title')?.textContent ?? '']));
  assert.ok(titles.length > 0);
  for (const [id, title] of titles) assert.equal(title.trim(), payload(Number(id.split('-')[1])).trim(), id);

  const seen = await walk(page, ids);
  const surplus = (mine, theirs) => [...mine].filter((x) => !theirs.has(x));
  assert.deepEqual(seen.problems, []);
  assert.deepEqual(surplus(seen.tags, baseline.tags), [], 'tags the payloads added');
  assert.deepEqual(surplus(seen.attributes, baseline.attributes), [], 'attributes the payloads added');

  // The event page shows the payloads as text, and no link that is not http(s).
  await page.goto(page.url().replace(/\?.*$/, '') + `?event=xss-1`);
  const article = page.locator('.event-page');
  await article.waitFor();
  const body = await article.textContent();
  for (let k = 0; k < 12; k++) if (k !== 2 && k !== 3) assert.ok(body.includes(payload(1 + k).trim()), `payload ${1 + k} as text`);
  const hrefs = await article.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const bad of BAD_URLS) assert.ok(!hrefs.includes(bad) && !hrefs.includes(bad.trim()), bad);
  assert.ok((await page.title()).startsWith(`${payload(1).trim()} — `), await page.title());

  // Search highlights within text; a search for markup finds it as text.
  await page.goto(page.url().replace(/\?.*$/, '') + '?view=list&q=' + encodeURIComponent('<img src=x onerror'));
  await page.locator('mark').first().waitFor();
  assert.ok((await inspect(page)).problems.length === 0);

  assert.deepEqual(hits, [], 'no payload ran');
  assert.deepEqual(errors, []);

  // The watchers see what they look for: markup put in by hand runs and is
  // found (its image, "x", is the one 404 the browser reports).
  allowConsole(/Failed to load resource: the server responded with a status of 404/);
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="__xss(\'canary\')">'));
  for (let i = 0; i < 50 && !hits.includes('canary'); i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(hits, ['canary']);
  assert.ok((await inspect(page)).problems.some((x) => x.includes('onerror')));
  await context.close();
});
