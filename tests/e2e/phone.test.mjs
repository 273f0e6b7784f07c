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
    // And on the line itself, just opened.
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

    // Wide, the pickers are shown and the line is not.
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await page.locator('#cc-zone-input').isVisible(), true);
    assert.equal(await toggle.isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** Sends a finger's pointer events over `selector`, from (x0, y0) to (x1, y1) (client pixels). */
function drag(page, selector, [x0, y0], [x1, y1]) {
  return page.locator(selector).evaluate((el, [x0, y0, x1, y1]) => {
    const at = (type, x, y) => el.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true }));
    at('pointerdown', x0, y0);
    at('pointermove', (x0 + x1) / 2, (y0 + y1) / 2);
    at('pointerup', x1, y1);
  }, [x0, y0, x1, y1]);
}

for (const lang of ['en', 'es', 'ro']) {
  test(`phone month, ${lang}: dots named for screen readers; a tap lists the day under the grid, in the link; a swipe changes month`, async () => {
    const { context, page, errors } = await open({ ...PHONE, locale: lang, timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=month&date=2026-12-01' });
    await page.locator('.month-agenda .event-title').first().waitFor();
    // The chosen day's first title is on the first screen, under the grid.
    const top = await firstTitleTop(page, '.month-agenda .event-title');
    assert.ok(top + 24 <= PHONE.height, `${lang}: the agenda's first title at ${top} px`);
    assert.equal(await overflow(page), 0);

    // The 10th has four events: a line for the two-day visit (from the 9th),
    // two dots (a cell shows three), and its name counts four.
    const cell = page.locator('td[data-date="2026-12-10"]');
    const dots = await cell.locator('.chips .chip').evaluateAll((ds) => ds.map((d) => [d.getBoundingClientRect().width, d.getBoundingClientRect().height]));
    assert.deepEqual(dots, [[6, 6], [6, 6]]);
    const line = await page.locator('td[data-date="2026-12-09"] .bar .chip').boundingBox();
    const cells = [await page.locator('td[data-date="2026-12-09"]').boundingBox(), await cell.boundingBox()];
    assert.ok(line.height >= 3 && line.x <= cells[0].x + 1 && line.x + line.width >= cells[1].x + cells[1].width - 2, JSON.stringify({ line, cells }));
    assert.match(await cell.locator('.visually-hidden').textContent(), { en: /, 4 events$/, es: /, 4 eventos$/, ro: /, 4 evenimente$/ }[lang]);
    const box = await cell.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `cell ${box.width}×${box.height}`);

    // A tap chooses the day: it is in the link, its events are listed under the grid; a second tap stays.
    await cell.click();
    await page.locator('.month-agenda h3 time[datetime="2026-12-10"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('date'), '2026-12-10');
    assert.equal(await page.locator('.month-agenda .event').count(), 4);
    await cell.click();
    assert.equal(new URL(page.url()).searchParams.get('view'), 'month');
    assert.equal(await page.locator('.month-grid').count(), 1);
    // The arrows move the day, and the list follows.
    await page.keyboard.press('ArrowRight');
    await page.locator('.month-agenda h3 time[datetime="2026-12-11"]').waitFor();
    assert.equal(await page.locator('.month-agenda .empty').count(), 1);
    // An empty day points to the next with events, a tap away (the arrows' focus is kept for the grid first).
    const next = page.locator('.month-agenda .empty button');
    assert.match(await next.textContent(), { en: /^Next events: /, es: /^Próximos eventos: /, ro: /^Următoarele evenimente: / }[lang]);
    const nextBox = await next.boundingBox();
    assert.ok(nextBox.height >= 24, `next button ${nextBox.height} px`);
    await next.click();
    await page.locator('.month-agenda .event').first().waitFor();
    const nextDate = new URL(page.url()).searchParams.get('date');
    assert.ok(nextDate > '2026-12-11', nextDate);
    await page.goto(page.url().replace(/date=[\d-]+/, 'date=2026-12-11'));
    await page.locator('.month-agenda h3 time[datetime="2026-12-11"]').waitFor();

    // A swipe to the left is the next month, to the right the previous; a scroll is neither.
    const grid = await page.locator('.month-grid').boundingBox();
    const y = grid.y + grid.height / 2;
    const title = () => page.locator('#period-title').textContent();
    const december = await title();
    await drag(page, '.month-frame', [grid.x + 300, y], [grid.x + 80, y + 20]);
    await page.waitForFunction((d) => document.querySelector('#period-title').textContent !== d, december);
    assert.equal(new URL(page.url()).searchParams.get('date'), '2027-01-11');
    await drag(page, '.month-frame', [grid.x + 80, y], [grid.x + 300, y]);
    await page.waitForFunction((d) => document.querySelector('#period-title').textContent === d, december);
    await drag(page, '.month-frame', [grid.x + 200, y], [grid.x + 150, y - 200]);
    await page.waitForTimeout(200);
    assert.equal(await title(), december);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('back from an event page returns to its card in the list, scrolled and focused there', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=list', ...PHONE });
  const cards = page.locator('.event-list article.event');
  await cards.nth(5).waitFor();
  const id = await cards.nth(5).getAttribute('data-event-id');
  const link = cards.nth(5).locator('.event-title a');
  await link.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => scrollY) > 800, 'the sixth card is below the first screen');
  for (const back of [() => page.goBack(), () => page.locator('.event-page .back a').click()]) {
    await link.click();
    await page.locator('.event-page h2').waitFor();
    await back();
    await page.waitForFunction((id) => document.activeElement?.closest('article.event')?.dataset.eventId === id, id);
    const box = await page.locator(`article.event[data-event-id="${id}"]`).boundingBox();
    assert.ok(box.y >= 0 && box.y < PHONE.height, `the card is on the screen (${box.y})`);
  }
  await context.close();
});
