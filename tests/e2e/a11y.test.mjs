// End-to-end, issue 9: axe-core (npm) on every view, the filter panel, the
// event page with its registration form (also showing its errors), and the
// embed builder, a phone's folded pickers and its month with the day's list, in English, Spanish and Romanian, light and dark: no
// violation of the WCAG 2.0–2.2 A/AA rules, colour contrast included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, harness, openPreferences } from './harness.mjs';

const { open } = harness();
const NOW = '2026-12-01T06:00:00Z';

/** Each page to audit: a link, and what to wait for or do first. */
const PAGES = [
  { name: 'month', query: '?view=month&date=2026-12-01', ready: '.month-grid' },
  { name: 'month + filter panel', query: '?view=month&date=2026-12-01', ready: '.month-grid', then: openFilters },
  { name: 'week', query: '?view=week&date=2026-11-30', ready: '.tg-row' },
  { name: 'day', query: '?view=day&date=2026-12-04', ready: '.tg-row' },
  { name: 'list', query: '?view=list', ready: '.event' },
  { name: 'event page + registration form', query: '?event=e-urban-dialogues-2026', ready: 'form.registration-form' },
  { name: 'registration form with errors', query: '?event=e-urban-dialogues-2026', ready: 'form.registration-form', then: submitEmpty },
  { name: 'embed builder', path: 'builder.html', ready: 'main, form, .builder' },
  // On a phone (375 px): the folded pickers, open.
  { name: 'phone list, pickers open', width: 375, query: '?view=list', ready: '.event', then: openPreferences },
  { name: 'phone month, a day chosen and listed', width: 375, query: '?view=month&date=2026-12-10', ready: '.month-agenda .event' },
];

async function openFilters(page) {
  await page.locator('.filter-panel summary').click();
  await page.locator('fieldset[data-facet="theme"] label').first().waitFor();
}

async function submitEmpty(page) {
  await page.locator('form.registration-form button[type=submit]').click();
  await page.locator('#reg-name-error').waitFor();
}


for (const lang of ['en', 'es', 'ro']) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: no WCAG 2.2 A/AA violation on ${PAGES.length} pages in ${lang}, ${scheme}`, async () => {
      const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', locale: lang, clock: NOW, query: '?view=month' });
      await page.emulateMedia({ colorScheme: scheme });
      const found = [];
      for (const p of PAGES) {
        await page.setViewportSize(p.width ? { width: p.width, height: 800 } : { width: 1280, height: 900 });
        const sep = p.query ? '&' : '?';
        await page.goto(new URL(p.path ?? '', page.url()).origin + '/' + (p.path ?? '') + (p.query ?? '') + `${sep}lang=${lang}`);
        await page.locator(p.ready).first().waitFor();
        if (p.then) await p.then(page);
        found.push(...(await audit(page)).map((v) => `${p.name}: ${v}`));
      }
      assert.deepEqual(found, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
