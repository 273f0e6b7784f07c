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

    // Wide, the same line (the pickers are a chunk fetched when it is first opened).
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await toggle.isVisible(), true);
    assert.equal(await page.locator('#cc-zone-input').isVisible(), false);
    await toggle.click();
    assert.equal(await page.locator('#cc-zone-input').isVisible(), true);
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
  test(`phone month, ${lang}: dots named for screen readers; a tap folds the grid to the day's week and lists the day within 300 px, in the link; swipes change week or month`, async () => {
    const { context, page, errors } = await open({ ...PHONE, locale: lang, timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=month' });
    await page.locator('.month-agenda .event-title').first().waitFor();
    // No day named: the whole month, today's events under it.
    assert.equal(await page.locator('.month-grid.folded').count(), 0);
    assert.equal(await page.locator('.month-grid tbody tr:visible').count() >= 5, true);
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

    // A tap chooses the day: it is in the link, the grid folds to its week,
    // and its events are listed under it, the first title within 300 px.
    await cell.click();
    await page.locator('.month-agenda h3 time[datetime="2026-12-10"]').waitFor();
    await page.locator('.month-grid.folded').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('date'), '2026-12-10');
    assert.equal(await page.locator('.month-agenda .event').count(), 4);
    assert.equal(await page.locator('.month-grid tbody tr:visible').count(), 1);
    assert.equal(await cell.isVisible(), true);
    // Folded, the cells name their weekday (the header row is for screen readers).
    assert.equal(await cell.locator('.cell-weekday').isVisible(), true);
    const top = await firstTitleTop(page, '.month-agenda .event-title');
    assert.ok(top <= 300, `${lang}: the day's first title at ${top} px`);
    assert.equal(await overflow(page), 0);
    // The fold is a step in the history: Back shows the whole month again, in the app.
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('.month-grid.folded') && !new URL(location.href).searchParams.has('date'));
    assert.equal(await page.locator('.month-grid').count(), 1);
    await cell.click();
    await page.locator('.month-grid.folded').waitFor();
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
    assert.equal(await page.locator(`.month-grid.folded tr.chosen-week td[data-date="${nextDate}"]`).count(), 1);

    // A link that names a day opens folded to its week.
    await page.goto(page.url().replace(/date=[\d-]+/, 'date=2026-12-11'));
    await page.locator('.month-agenda h3 time[datetime="2026-12-11"]').waitFor();
    await page.locator('.month-grid.folded').waitFor();
    const title = () => page.locator('#period-title').textContent();
    const december = await title();
    const swipeOver = async (dx, dy = 0) => {
      const grid = await page.locator('.month-grid').boundingBox();
      const y = grid.y + grid.height / 2;
      const x = dx < 0 ? grid.x + 300 : grid.x + 80;
      await drag(page, '.month-frame', [x, y], [x + dx, y + dy]);
    };
    const dateIs = (d) => page.waitForFunction((d) => new URL(location.href).searchParams.get('date') === d, d);
    // Folded, a swipe moves by a week; a scroll is not a swipe.
    await swipeOver(-220, 20);
    await dateIs('2026-12-18');
    await page.locator('.month-grid.folded tr.chosen-week td[data-date="2026-12-18"]').waitFor();
    await swipeOver(220);
    await dateIs('2026-12-11');
    await swipeOver(-50, -200);
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).searchParams.get('date'), '2026-12-11');
    // The month's title (sharing the first row: no date field in a phone's
    // month) unfolds it; a swipe then moves by a month.
    const toggle = page.locator('#period-title button.fold-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal((await toggle.textContent()).trim(), (await page.locator('#period-title').textContent()).trim());
    assert.ok((await toggle.boundingBox()).height >= 24);
    assert.equal(await page.locator('.toolbar .date-jump').isVisible(), false);
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('.month-grid.folded'));
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('.month-grid tbody tr:visible').count() >= 5, true);
    // And folds it again, to the chosen day's week.
    await toggle.click();
    await page.locator('.month-grid.folded tr.chosen-week td[data-date="2026-12-11"]').waitFor();
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector('.month-grid.folded'));
    await swipeOver(-220, 20);
    await page.waitForFunction((d) => document.querySelector('#period-title').textContent !== d, december);
    assert.equal(new URL(page.url()).searchParams.get('date'), '2027-01-11');
    await swipeOver(220);
    await page.waitForFunction((d) => document.querySelector('#period-title').textContent === d, december);
    // A month changed from the toolbar opens whole, even from a folded grid.
    await page.locator('td[data-date="2026-12-16"]').click();
    await page.locator('.month-grid.folded').waitFor();
    await page.locator('.toolbar .step.next').click();
    await dateIs('2027-01-16');
    await page.waitForFunction(() => document.querySelector('.month-grid td[data-date="2027-01-16"]') && !document.querySelector('.month-grid.folded'));
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
