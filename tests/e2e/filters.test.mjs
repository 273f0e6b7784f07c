// End-to-end: search and filters, combined, in the URL, across views and zones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, params, SAMPLE, openPreferences } from './harness.mjs';

const { open } = harness();
const NOW = '2026-11-24T10:00:00Z';

const listed = (page) => page.locator('.event-list article.event').evaluateAll((cards) => cards.map((c) => c.dataset.eventId));
const byId = Object.fromEntries(SAMPLE.events.map((e) => [e.id, e]));

test('facets combine (OR within, AND across) with counts, chips, reload and back', async () => {
  const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=list' });
  await page.locator('.event').first().waitFor();
  await page.locator('.filter-panel summary').click();
  const online = page.locator('[data-facet=format] label', { hasText: 'Online' });
  await online.waitFor();
  const onlineCount = Number((await online.locator('.count').textContent()).replace(/\D/g, ''));
  await online.locator('input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('format') === 'online');
  const participation = page.locator('[data-facet=theme] label', { hasText: 'Citizen participation' });
  const expected = Number((await participation.locator('.count').textContent()).replace(/\D/g, ''));
  await participation.locator('input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'participation');
  // The list says what it lists: the upcoming ones of them (the facet counted past ones too).
  await page.waitForFunction(() => {
    const said = document.querySelector('.match-count')?.textContent.match(/^(\d+) upcoming events? match(es)?$/);
    return said && Number(said[1]) === document.querySelectorAll('.event-list article.event').length;
  });
  const ids = await listed(page);
  assert.ok(ids.length <= expected, `${ids.length} upcoming of ${expected}`);
  assert.ok(ids.length > 0 && ids.length <= onlineCount);
  for (const id of ids) {
    assert.equal(byId[id].format, 'online', id);
    assert.ok(byId[id].themes.includes('participation'), id);
  }
  // A value that would give nothing is shown, disabled.
  assert.ok((await page.locator('[data-facet] input:disabled').count()) > 0);
  // Two themes widen (either one).
  await page.locator('[data-facet=theme] label', { hasText: 'Climate action' }).locator('input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('theme').length === 2);
  const wider = await listed(page);
  assert.ok(wider.length >= ids.length);
  assert.equal(await page.locator('.filter-chip').count(), 3);
  // Reload keeps everything; back walks the changes.
  await page.reload();
  await page.locator('.filter-chip').nth(2).waitFor();
  // The list comes once the filtering chunk has (the link has filters).
  await page.locator('.event-list article.event').nth(wider.length - 1).waitFor();
  assert.deepEqual(await listed(page), wider);
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('theme').length === 1);
  await page.locator('.filter-chip', { hasText: 'Citizen participation' }).waitFor();
  assert.deepEqual(await listed(page), ids);
  // Chips remove one filter; "clear all" removes them all.
  await page.getByRole('button', { name: 'Remove filter: Online' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('format'));
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.waitForFunction(() => new URL(location.href).search === '?view=list');
  assert.equal(await page.locator('.filter-chip').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('facet values are in the language’s alphabetical order (Intl.Collator)', async () => {
  const { page, errors } = await open({ locale: 'ro-RO', clock: NOW, query: '?view=list&lang=ro' });
  await page.locator('.event').first().waitFor();
  await page.locator('.filter-panel summary').click();
  await page.locator('[data-facet=country] label').first().waitFor();
  const facets = await page.locator('[data-facet]').evaluateAll((sets) => sets.map((s) => s.dataset.facet));
  assert.ok(facets.length >= 5, facets.join());
  for (const facet of facets) {
    const labels = await page.locator(`[data-facet=${facet}] label > span`).evaluateAll((spans) => spans.map((s) => s.firstChild.textContent));
    const sorted = await page.evaluate((l) => [...l].sort(new Intl.Collator('ro-RO').compare), labels);
    assert.deepEqual(labels, sorted, facet);
  }
  assert.deepEqual(errors, []);
});

test('search ignores case and diacritics, and marks what it found', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=list' });
  await page.locator('.event').first().waitFor();
  const search = page.getByRole('searchbox', { name: 'Search events' });
  const results = {};
  for (const q of ['gdansk', 'GDAŃSK', 'bucuresti', 'BUCUREȘTI', 'bucureşti']) {
    await search.fill(q);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
    await page.locator('.match-count').waitFor();
    results[q] = await listed(page);
  }
  assert.ok(results.gdansk.includes('co4cities-follow-up-gdansk'), JSON.stringify(results));
  assert.deepEqual(results['GDAŃSK'], results.gdansk);
  assert.ok(results.bucuresti.length > 0);
  assert.deepEqual(results['BUCUREȘTI'], results.bucuresti);
  assert.deepEqual(results['bucureşti'], results.bucuresti);
  // The match is marked in the original spelling.
  await search.fill('gdansk');
  const marks = await page.locator('article[data-event-id="co4cities-follow-up-gdansk"] mark').allTextContents();
  assert.ok(marks.includes('Gdańsk'), JSON.stringify(marks));
  // Typing does not stack history entries: back leaves the search at once.
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await context.close();
});

test('the time-of-day window is in the viewer’s own zone', async () => {
  // e-Urban Dialogues 2026: 16:00–18:00 in Bucharest, 03:00–05:00 in Auckland.
  const seen = {};
  for (const timezoneId of ['Europe/Bucharest', 'Pacific/Auckland']) {
    const { context, page } = await open({ timezoneId, clock: NOW, query: '?view=list' });
    await page.locator('.event').first().waitFor();
    await page.locator('.filter-panel summary').click();
    await page.locator('.hours-from').fill('09:00');
    await page.locator('.hours-to').fill('18:00');
    await page.locator('.hours-to').blur();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hours') === '09:00-18:00');
    await page.locator('.filter-chip', { hasText: '09:00–18:00 your time' }).waitFor();
    seen[timezoneId] = await listed(page);
    // Every listed timed event starts and ends inside the window, in this zone.
    for (const time of await page.locator('.event-list .event-when time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))) {
      if (time.length > 10) {
        const hh = Number(time.slice(11, 13)) * 60 + Number(time.slice(14, 16));
        assert.ok(hh >= 540 && hh <= 1080, `${timezoneId} ${time}`);
      }
    }
    await context.close();
  }
  assert.ok(seen['Europe/Bucharest'].includes('e-urban-dialogues-2026'));
  assert.ok(!seen['Pacific/Auckland'].includes('e-urban-dialogues-2026'));
});

test('the time-of-day chip writes times as the locale does; crossed fields say why they are not applied', async () => {
  const { context, page } = await open({ locale: 'en-US', timezoneId: 'America/New_York', clock: NOW, query: '?view=list&hours=09:00-18:00' });
  await page.locator('.filter-chip', { hasText: /9:00\sAM–6:00\sPM your time/ }).waitFor();
  await page.locator('.filter-panel summary').click();
  await page.locator('.hours-to').fill('08:00');
  await page.locator('.hours-to').blur();
  // Refused, marked, said in words; the window applied stays, and what was typed too.
  await page.locator('#cc-hours-error', { hasText: 'The end time is not applied: it must be after the start time' }).waitFor();
  assert.equal(await page.locator('.hours-to').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.hours-to').inputValue(), '08:00');
  assert.equal(new URL(page.url()).searchParams.get('hours'), '09:00-18:00');
  // Fixing the start applies the pair and the message goes.
  await page.locator('.hours-from').fill('07:00');
  await page.locator('.hours-from').blur();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('hours') === '07:00-08:00');
  assert.equal(await page.locator('#cc-hours-error').textContent(), '');
  // The dates, in Spanish.
  await openPreferences(page);
  await page.locator('.language-picker select').selectOption('es');
  await page.locator('.filter-panel input[type=date]').first().fill('2026-12-20');
  await page.locator('.filter-panel input[type=date]').nth(1).fill('2026-12-10');
  await page.locator('.filter-panel input[type=date]').nth(1).blur();
  await page.locator('#cc-dates-error', { hasText: 'La fecha final no se aplica: es anterior a la inicial' }).waitFor();
  await context.close();
});

test('no result: the notice names the filter to drop', async () => {
  const { context, page } = await open({ clock: NOW, query: '?view=list&q=zzz&theme=climate' });
  const notice = page.locator('.no-matches');
  await notice.waitFor();
  assert.match(await notice.textContent(), /No event matches these filters\.Remove “Search: zzz” to see \d+ events/);
  await notice.getByRole('button').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  assert.equal(params(page).theme, 'climate');
  await page.locator('.event').first().waitFor();
  await context.close();
});

test('filters apply to every view, and a partner can preset them in the link', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=month&date=2026-12-10&format=in_person' });
  // In person only: the two-day study visit's bar (drawn from the 9th across
  // the 10th), and none of the 10th's three online events.
  const bars = page.locator('.month-grid .bar .chip-title');
  await bars.first().waitFor();
  assert.deepEqual(await bars.allTextContents(), ['Housing First study visit']);
  assert.equal(await page.locator('td[data-date="2026-12-10"] .chips .chip').count(), 0);
  await page.getByRole('link', { name: 'Week', exact: true }).click();
  await page.locator('.time-grid').waitFor();
  assert.equal(await page.locator('.tg-col[data-date="2026-12-10"] .tg-slot').count(), 0);
  assert.equal(params(page).format, 'in_person');
  await context.close();
  // A city partner: Cluj-Napoca's events, wherever they are held.
  const cluj = await open({ clock: NOW, query: '?view=list&past=1&city=Cluj-Napoca' });
  await cluj.page.locator('.event').first().waitFor();
  const ids = await listed(cluj.page);
  assert.ok(ids.includes('e-urban-dialogues-2020'), JSON.stringify(ids));
  assert.ok(!ids.includes('lse-cities-city-government-innovation-report-launch'));
  await cluj.context.close();
});

/** A feed of 10,000 events, varied enough to filter. */
function bigFeed() {
  const themes = SAMPLE.themes.map((t) => t.id);
  const year = Date.parse('2026-06-01T00:00:00Z');
  const events = Array.from({ length: 10000 }, (_, i) => {
    const start = new Date(year + i * 53 * 60e3);
    return {
      id: `g${i}`,
      title: { en: `Generated event ${i} in ${['Gdańsk', 'Iași', 'Bogotá'][i % 3]}` },
      start: start.toISOString().replace(/\.\d+Z$/, 'Z'),
      end: new Date(start.getTime() + 90 * 60e3).toISOString().replace(/\.\d+Z$/, 'Z'),
      timeZone: 'Europe/Bucharest',
      format: ['online', 'in_person', 'hybrid'][i % 3],
      languages: [['en', 'es', 'ro'][i % 3]],
      themes: [themes[i % themes.length]],
    };
  });
  return JSON.stringify({ version: 1, name: 'generated', themes: SAMPLE.themes, events });
}

test('filtering 10,000 events (timing printed, not asserted)', async () => {
  const body = bigFeed();
  const { context, page, errors } = await open({
    clock: NOW,
    query: '?view=list',
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
  });
  await page.locator('.event').first().waitFor();
  const timings = [];
  for (const q of ['iasi', 'gdansk', 'bogota', 'event 99']) {
    const ms = await page.evaluate(async (q) => {
      const input = document.querySelector('#cc-search');
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      return performance.now() - t0;
    }, q);
    timings.push(`${q}: ${ms.toFixed(0)} ms`);
  }
  console.log(`filter + render on 10,000 events: ${timings.join(', ')}`);
  assert.ok((await listed(page)).length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, lang, done] of [['en-GB', 'en', /^Show (\d+) events?$/], ['es-ES', 'es', /^Ver (\d+) eventos?$/], ['ro-RO', 'ro', /^Arătați (\d+) (de )?evenimente?$/]]) {
  test(`a phone's filter panel ends with a button back to the events it leaves (${lang})`, async () => {
    const { context, page } = await open({ locale, timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=list&past=1', width: 375, height: 800 });
    await page.locator('.event').first().waitFor();
    await page.locator('.filter-panel summary').click();
    const online = page.locator('[data-facet=format] label').first();
    await online.locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('format'));
    const button = page.locator('.filter-panel .done');
    const [, count] = (await button.textContent()).match(done) ?? assert.fail(await button.textContent());
    await button.click();
    assert.equal(await page.locator('.filter-panel').evaluate((d) => d.open), false);
    assert.equal(await page.evaluate(() => document.activeElement.matches('.filter-panel > summary')), true);
    // Back on the events, the first of them on the screen.
    const first = await page.locator('.event-list .event').first().boundingBox();
    assert.ok(first.y < 800, `first card at ${first.y}`);
    assert.equal(await page.locator('.event-list .event').count() > 0, true);
    assert.match(await page.locator('.match-count').textContent(), new RegExp(`\\b${count}\\b`));
    await context.close();
  });
}

test('"past, with a recording" lists the recordings, without past=1 and without a toggle that would contradict it', async () => {
  const { context, page } = await open({ clock: NOW, query: '?view=list&when=recorded', width: 375, height: 800 });
  await page.locator('.event-list .event').first().waitFor();
  const ids = await listed(page);
  assert.ok(ids.length > 0);
  for (const id of ids) assert.ok(byId[id].recordingUrl, `${id} has a recording`);
  assert.equal(await page.locator('.event-list .empty').count(), 0);
  assert.equal(await page.locator('.toggle-past').isHidden(), true);
  assert.match(await page.locator('.match-count').textContent(), new RegExp(`\\b${ids.length}\\b`));
  await context.close();
});
