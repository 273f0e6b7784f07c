// End-to-end, issue 21: a phone's first screen is events. At 375×800, in
// English, Spanish and Romanian, the first event's title starts at most
// 300 px below the top of the app; the zone and language are one line that
// opens their pickers (and Escape closes them, back on the line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, overflow } from './harness.mjs';

const { open } = harness();
const NOW = '2026-12-01T06:00:00Z';
const PHONE = { width: 375, height: 800 };

/** Top of the first event title, from the top of the app, in CSS pixels. */
function firstTitleTop(page, selector) {
  return page.evaluate((selector) => {
    const app = document.querySelector('.citycal').getBoundingClientRect().top;
    return document.querySelector(selector).getBoundingClientRect().top - app;
  }, selector);
}

for (const [lang, line] of [['en', /^Times in Bucharest \(GMT\+2\) · English$/], ['es', /^Hora de Bucharest \(GMT\+2\) · Español$/], ['ro', /^Fus orar: Bucharest \(GMT\+2\) · Română$/]]) {
  test(`phone, ${lang}: the first event title within 300 px; zone and language one tap away`, async () => {
    const { context, page, errors } = await open({ ...PHONE, locale: lang, timezoneId: 'Europe/Bucharest', clock: NOW });
    await page.locator('.event .event-title').first().waitFor();
    const top = await firstTitleTop(page, '.event .event-title');
    assert.ok(top <= 300, `${lang}: first title at ${top} px`);
    assert.equal(await overflow(page), 0);

    // The pickers are folded; the line says the zone and language.
    const toggle = page.locator('#cc-preferences-toggle');
    assert.match((await toggle.locator('.summary').textContent()).trim(), line);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#cc-zone-input').isVisible(), false);
    const box = await toggle.boundingBox();
    assert.ok(box.height >= 24 && box.width >= 24, `target ${box.width}×${box.height}`);

    // Opened, they work as on a wide screen; the line follows.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#cc-zone-input').fill('Bogota');
    await page.locator('#cc-zone-input').press('Enter');
    await toggle.locator('.summary', { hasText: 'Bogota (GMT-5)' }).waitFor();
    // Escape closes them, focus back on the line.
    await page.locator('.language-picker select').focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#cc-zone-input').isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cc-preferences-toggle');

    // Wide, the pickers are shown and the line is not.
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await page.locator('#cc-zone-input').isVisible(), true);
    assert.equal(await toggle.isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
