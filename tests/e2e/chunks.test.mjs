// End-to-end: the wasm chunks of src/ui/chunk.rs. A view's code is fetched
// when the view is first shown (not before), and a chunk that cannot be
// fetched is a localized error with a retry, not a broken page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, allowConsole, openPreferences } from './harness.mjs';

// A chunk fetch that fails: the browser's line, and the split loader's (it
// logs the error it hands to the app, which shows its own message).
const FETCH_FAILED = [/Failed to load resource: net::ERR_CONNECTION_RESET/, /TypeError: Failed to fetch/];

const { open } = harness();
const EVENT = 'e-urban-dialogues-2020';

/** Records the names of the wasm files the page fetches. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

test('the month view fetches its own chunks; the filter panel and the event page theirs, when opened', async () => {
  const { context, page, errors } = await open({ query: '?view=month&date=2020-12-01' });
  // The first load settled: only the reload's requests are counted.
  await page.locator(`.month-grid a.chip-link[href*="event=${EVENT}"]`).first().waitFor();
  const fetched = wasmRequests(page);
  await page.reload();
  await page.locator(`.month-grid a.chip-link[href*="event=${EVENT}"]`).first().waitFor();
  assert.ok(fetched.some((f) => f.startsWith('split_month_view-')), `month chunk fetched: ${fetched}`);
  assert.ok(!fetched.some((f) => /^split_(event_page|list_view|time_grid_view|filtering)-/.test(f)), `no other view's chunk: ${fetched}`);
  // The filter panel's code (with the filtering it needs) comes when the panel is first opened.
  await page.locator('details.filter-panel > summary').click();
  await page.locator('fieldset[data-facet="theme"] input').first().waitFor();
  assert.ok(fetched.some((f) => f.startsWith('split_filtering-')), `filter panel chunk fetched: ${fetched}`);
  await page.locator('details.filter-panel > summary').click();
  await page.locator(`.month-grid a.chip-link[href*="event=${EVENT}"]`).first().click();
  await page.locator('.event-page h2#event-title').waitFor();
  assert.ok(fetched.some((f) => f.startsWith('split_event_page-')), `event page chunk fetched: ${fetched}`);
  // Back to the month: its chunk is loaded already, so no loading status.
  await page.goBack();
  await page.locator('.month-grid').waitFor();
  assert.equal(await page.locator('.chunk-loading').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, lang, words] of [['en-GB', 'en', /could not be loaded/], ['es-ES', 'es', /No se pudo cargar esta parte/]]) {
  test(`a chunk that cannot be fetched is an error with a retry (${lang})`, async () => {
    allowConsole(...FETCH_FAILED);
    const { context, page } = await open({ locale, query: `?lang=${lang}` });
    let failing = true;
    await page.route(/split_event_page-[^/]*\.wasm$/, (route) => (failing ? route.abort('connectionreset') : route.continue()));
    await page.goto(page.url().replace(/\?.*$/, `?lang=${lang}&event=${EVENT}`));
    const alert = page.locator('main .notice.error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), words);
    // The rest of the page still works: the header is there, the link kept.
    assert.equal(new URL(page.url()).searchParams.get('event'), EVENT);
    assert.ok(await page.locator('header #cc-preferences-toggle').count());
    failing = false;
    await alert.locator('button').click();
    await page.locator('.event-page h2#event-title').waitFor();
    assert.equal(await page.locator('main .notice.error').count(), 0);
    await context.close();
  });
}

test('a visitor fetches the words of their language only', async () => {
  const { context, page, errors } = await open({ locale: 'ro-RO', query: '?view=month&date=2020-12-01' });
  await page.locator('.month-grid').waitFor();
  const fetched = wasmRequests(page);
  await page.reload();
  await page.locator('.month-grid').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ro');
  const catalogs = fetched.filter((f) => f.startsWith('split_catalog_'));
  assert.equal(catalogs.length, 1, `one catalog: ${fetched}`);
  assert.match(catalogs[0], /^split_catalog_ro-/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language whose words cannot be fetched: the page stays in the one before, with a retry', async () => {
  const { context, page } = await open({ locale: 'en-GB', query: '?view=month&date=2020-12-01' });
  allowConsole(...FETCH_FAILED);
  let failing = true;
  let fetches = 0;
  await page.route(/split_catalog_es-[^/]*\.wasm$/, (route) => {
    fetches += 1;
    return failing ? route.abort('connectionreset') : route.continue();
  });
  await page.locator('.month-grid').waitFor();
  await openPreferences(page);
  await page.locator('header .language-picker select').selectOption('es');
  const alert = page.locator('main .notice.error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /words for Español could not be loaded/);
  // Still English, and still working.
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok(await page.locator('.month-grid').count());
  // One fetch, not one per message shown (it was 50 and more): a retry waits
  // for the visitor. Moving around meanwhile fetches nothing more.
  await page.locator('a.step.next').click();
  await page.waitForTimeout(300);
  assert.ok(fetches >= 1 && fetches <= 2, `${fetches} fetches of the failing words`);
  failing = false;
  await alert.locator('button').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('main .notice.error').count(), 0);
  assert.match(await page.locator('header').textContent(), /Idioma/);
  await context.close();
});

test('when no words at all can be fetched, the page says so in all three languages, with a retry', async () => {
  const { context, page } = await open({ locale: 'es-ES', query: '?view=month&date=2020-12-01' });
  allowConsole(...FETCH_FAILED);
  let failing = true;
  await page.route(/split_catalog_[^/]*\.wasm$/, (route) => (failing ? route.abort('connectionreset') : route.continue()));
  await page.reload();
  const alert = page.locator('.citycal .notice.error[role="alert"]');
  await alert.waitFor();
  const text = await alert.textContent();
  for (const words of [/could not be loaded/, /No se pudo cargar el calendario/, /nu a putut fi încărcat/]) assert.match(text, words);
  failing = false;
  await alert.locator('button').click();
  await page.locator('.month-grid').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await context.close();
});
