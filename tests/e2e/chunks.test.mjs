// End-to-end: the wasm chunks of src/ui/chunk.rs. A view's code is fetched
// when the view is first shown (not before), and a chunk that cannot be
// fetched is a localized error with a retry, not a broken page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './harness.mjs';

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

test('the month view fetches its own chunks; the event page its own, when opened', async () => {
  const { context, page, errors } = await open({ query: '?view=month&date=2020-12-01' });
  const fetched = wasmRequests(page);
  await page.reload();
  await page.locator(`.month-grid a.chip-link[href*="event=${EVENT}"]`).first().waitFor();
  assert.ok(fetched.some((f) => f.startsWith('split_month_view-')), `month chunk fetched: ${fetched}`);
  assert.ok(!fetched.some((f) => /^split_(event_page|list_view|time_grid_view)-/.test(f)), `no other view's chunk: ${fetched}`);
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
    const { context, page } = await open({ locale, query: `?lang=${lang}` });
    let failing = true;
    await page.route(/split_event_page-[^/]*\.wasm$/, (route) => (failing ? route.abort('connectionreset') : route.continue()));
    await page.goto(page.url().replace(/\?.*$/, `?lang=${lang}&event=${EVENT}`));
    const alert = page.locator('main .notice.error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), words);
    // The rest of the page still works: the header is there, the link kept.
    assert.equal(new URL(page.url()).searchParams.get('event'), EVENT);
    assert.ok(await page.locator('header select, header input').count());
    failing = false;
    await alert.locator('button').click();
    await page.locator('.event-page h2#event-title').waitFor();
    assert.equal(await page.locator('main .notice.error').count(), 0);
    await context.close();
  });
}
