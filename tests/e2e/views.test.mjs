// End-to-end: the calendar views, the event page and deep links, walked with
// the mouse and with the keyboard alone. Screenshots of each view at 375 px
// and 1280 px are written to target/screenshots/ for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { harness, params, overflow, ZONE_LINE } from './harness.mjs';

const { open } = harness();
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;

/** What has focus: its tag, data-date and id. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, date: el?.dataset?.date ?? null, id: el?.id ?? '', role: el?.getAttribute('role') };
  });

test('month view: one tab stop, arrows, Home/End, PageUp/PageDown and Enter, focus never lost', async () => {
  const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=month&date=2026-12-10' });
  await page.locator('[role=grid]').waitFor();
  assert.equal(await page.locator('#period-title').textContent(), 'December 2026');
  // Tab from the top of the page into the grid: exactly one cell is a tab stop.
  let tabs = 0;
  while ((await focused(page)).role !== 'gridcell' && tabs++ < 30) await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'TD', date: '2026-12-10', id: '', role: 'gridcell' });
  // Exactly one cell is a tab stop; after it, its own "+N more" (the 10th has one), nothing else of the grid.
  assert.equal(await page.locator('[role=grid] td[tabindex="0"]').count(), 1);
  assert.deepEqual(await page.locator('[role=grid] a[tabindex="0"]').evaluateAll((as) => as.map((a) => [a.className, a.textContent, a.closest('td').dataset.date])), [['more', '+1 more', '2026-12-10']]);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '+1 more');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).date, '2026-12-10');
  // en-GB weeks start on Monday; today/selected marks.
  assert.equal(await page.locator('[role=grid] th').first().textContent(), 'Mon');
  assert.equal(await page.locator('td[aria-selected="true"]').getAttribute('data-date'), '2026-12-10');
  // Its name says the day and counts its events; "+1 more" follows.
  await page.getByRole('gridcell', { name: /^Thursday.*10 December 2026, 4 events \+1 more$/ }).waitFor();
  assert.equal(await page.locator('td[data-date="2026-11-30"]').getAttribute('class'), 'day outside');

  const steps = [
    ['ArrowRight', '2026-12-11'], ['ArrowDown', '2026-12-18'], ['ArrowLeft', '2026-12-17'], ['ArrowUp', '2026-12-10'],
    ['Home', '2026-12-07'], ['End', '2026-12-13'], ['PageDown', '2027-01-13'], ['PageUp', '2026-12-13'],
  ];
  for (const [key, date] of steps) {
    await page.keyboard.press(key);
    await page.waitForFunction((d) => document.activeElement?.dataset?.date === d, date);
    assert.equal(params(page).date, date, key);
  }
  // Leaving the grid takes one Tab, whatever cell had focus.
  await page.keyboard.press('Tab');
  assert.notEqual((await focused(page)).role, 'gridcell');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).date, '2026-12-13');
  // Enter opens the day; focus moves to the day's title.
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
  await page.waitForFunction(() => document.activeElement?.dataset?.date === '2026-12-10');
  await page.keyboard.press('Enter');
  await page.locator('.time-grid.one-day').waitFor();
  assert.deepEqual([params(page).view, params(page).date], ['day', '2026-12-10']);
  await page.waitForFunction(() => document.activeElement?.id === 'period-title');
  // Keyboard alone reaches an event in the day, opens it, and comes back.
  tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('.tg-col') != null)) && tabs++ < 30) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.locator('.event-page').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'event-title');
  assert.ok(params(page).event);
  await page.goBack();
  await page.locator('.time-grid.one-day').waitFor();
  assert.equal(params(page).event, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('month view with the mouse: "+N more" opens the day, an event opens its page, back/forward walk it', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=month&date=2026-12-01' });
  const cell = page.locator('td[data-date="2026-12-10"]');
  await cell.locator('.chip-link').first().waitFor();
  // Two of its own, under the two-day visit's bar, drawn from the 9th across the 10th (not a copy in each).
  assert.equal(await cell.locator('.chip-link').count(), 2);
  const bar = page.locator('td[data-date="2026-12-09"] .bar');
  assert.match(await bar.textContent(), /Housing First/);
  const [from, to, drawn] = [await page.locator('td[data-date="2026-12-09"]').boundingBox(), await cell.boundingBox(), await bar.boundingBox()];
  assert.ok(drawn.x < from.x + 8 && drawn.x + drawn.width > to.x + to.width - 8, JSON.stringify({ from, to, drawn }));
  assert.equal(await page.locator('.month-grid', { hasText: 'Housing First' }).locator('.chip-title', { hasText: 'Housing First' }).count(), 1);
  await cell.locator('.more', { hasText: '+1 more' }).click();
  await page.locator('.time-grid.one-day').waitFor();
  assert.match(await page.locator('#period-title').textContent(), /^Thursday,? 10 December 2026$/);
  assert.equal(await page.locator('.tg-slot').count(), 3);
  await page.locator('.tg-slot', { hasText: 'Safer cities' }).click();
  await page.locator('.event-page h2', { hasText: 'Safer cities for women at night' }).waitFor();
  assert.equal(params(page).event, 'metropolis-safer-cities-women-webinar');
  await page.goBack();
  await page.locator('.time-grid.one-day').waitFor();
  await page.goBack();
  await page.locator('[role=grid]').waitFor();
  assert.equal(params(page).date, '2026-12-01');
  await page.goForward();
  await page.locator('.time-grid.one-day').waitFor();
  // A click selects a day (replacing the history entry); a second click opens it.
  await page.goBack();
  await page.locator('td[data-date="2026-12-04"]').click();
  assert.equal(params(page).date, '2026-12-04');
  await page.locator('td[data-date="2026-12-04"]').click();
  await page.locator('.time-grid.one-day').waitFor();
  await context.close();
});

test('week view: all-day row, overlapping events side by side, the now line', async () => {
  const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=week&date=2026-12-10' });
  await page.locator('.time-grid').waitFor();
  assert.match(await page.locator('#period-title').textContent(), /^7\s?–\s?13 December 2026$/);
  assert.equal(await page.locator('.tg-col').count(), 7);
  // Housing First (9–10 December, all day) is one bar in the all-day row, from the 9th across the 10th.
  const allDay = await page.locator('.tg-all-day .tg-cell').evaluateAll((cells) => cells.map((c) => c.textContent));
  assert.deepEqual(allDay.map((t) => t.includes('Housing First')), [false, false, true, false, false, false, false]);
  const bar = page.locator('.tg-all-day .bar', { hasText: 'Housing First' });
  const [nine, ten, drawn] = await Promise.all([
    page.locator('.tg-all-day .tg-cell').nth(2).boundingBox(), page.locator('.tg-all-day .tg-cell').nth(3).boundingBox(), bar.boundingBox(),
  ]);
  assert.ok(drawn.x < nine.x + 8 && drawn.x + drawn.width > ten.x + ten.width - 8, `the bar spans both days: ${JSON.stringify({ nine, ten, drawn })}`);
  assert.ok(drawn.x + drawn.width <= ten.x + ten.width + 1, 'and ends with the 10th');
  // Its link is a Tab stop, named by its title.
  assert.equal(await bar.locator('a').getAttribute('tabindex'), '0');
  // Three overlapping events on the 10th: too many for a week's narrow column, so listed from the first's time.
  const listed = page.locator('.tg-col[data-date="2026-12-10"] .tg-agenda');
  // The week opens on them (the first at 16:00), not at a fixed morning hour.
  await page.waitForFunction(() => document.querySelector('.tg-scroll').scrollTop > 0);
  const [from, to] = await page.evaluate(() => {
    const s = document.querySelector('.tg-scroll');
    return [s.scrollTop, s.scrollTop + s.clientHeight].map((y) => Math.round((y / s.scrollHeight) * 24 * 60));
  });
  assert.ok(from > 8 * 60 && from <= 16 * 60 && to >= 16 * 60 + 30, `shows minutes ${from}–${to}`);
  assert.equal(await listed.evaluate((a) => a.style.top), '66.6667%'); // 15:00 Brussels is 16:00 in Bucharest: 16/24
  assert.deepEqual(await listed.locator('.tg-listed').evaluateAll((ls) => ls.map((l) => l.textContent.slice(0, 5))), ['16:00', '16:30', '17:00']);
  // The wide day has room: a third of the width each, in different columns.
  const day = await context.newPage();
  await day.goto(page.url().replace('view=week', 'view=day'));
  await day.locator('.tg-slot').first().waitFor();
  const boxes = await day.locator('.tg-col[data-date="2026-12-10"] .tg-slot').evaluateAll((slots) =>
    slots.map((s) => ({ text: s.textContent, left: s.style.left, width: s.style.width, top: s.style.top })),
  );
  assert.equal(boxes.length, 3);
  assert.deepEqual(boxes.map((b) => b.width), ['33.3333%', '33.3333%', '33.3333%']);
  assert.deepEqual(new Set(boxes.map((b) => b.left)).size, 3);
  assert.equal(boxes.find((b) => b.text.includes('Generative AI')).top, '66.6667%');
  assert.match(boxes.find((b) => b.text.includes('Generative AI')).text, /^16:00/);
  await day.close();
  assert.equal(await page.locator('.now-line').count(), 0, 'no now line in a week without today');
  // Next week by keyboard: focus stays on the control just used.
  await page.getByRole('link', { name: 'Next week' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#period-title', { hasText: /14\s?–\s?20 December 2026/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Next week');
  await page.keyboard.press('Enter');
  await page.locator('#period-title', { hasText: /21\s?–\s?27 December 2026/ }).waitFor();
  await page.getByRole('link', { name: 'Previous week' }).click();
  await page.locator('#period-title', { hasText: /14\s?–\s?20 December 2026/ }).waitFor();
  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('.now-line').waitFor();
  assert.equal(params(page).date, undefined);
  assert.equal(await page.locator('.tg-col.today .now-line').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty period says so', async () => {
  const { context, page } = await open({ query: '?view=week&date=2027-01-06' });
  await page.locator('.empty', { hasText: 'There are no events this week.' }).waitFor();
  await page.getByRole('link', { name: 'Month', exact: true }).click();
  await page.locator('[role=grid]').waitFor();
  assert.equal(await page.locator('.empty').count(), 0, 'January 2027 has events');
  await page.goto(page.url().replace('2027-01-06', '2028-08-01'));
  await page.locator('.empty', { hasText: 'There are no events this month.' }).waitFor();
  await context.close();
});

test('on a phone the list is the default, and a shared week link lists that week’s days', async () => {
  let { context, page } = await open({ width: 375, height: 740, timezoneId: 'Europe/Bucharest' });
  await page.locator('.event-list').waitFor();
  assert.equal(await page.locator('.view-switch [aria-current=page]').textContent(), 'List');
  await context.close();
  // Seven columns do not fit: the week is a list of its days, never an empty day.
  ({ context, page } = await open({ width: 375, height: 740, timezoneId: 'Europe/Bucharest', query: '?view=week&date=2026-12-10' }));
  await page.locator('.event-list .event').first().waitFor();
  assert.equal(await page.locator('.view-switch [aria-current=page]').textContent(), 'Week');
  await page.locator('#period-title', { hasText: /7\D+13 December 2026/ }).waitFor();
  const days = (page) => page.locator('.list-day').evaluateAll((ds) => ds.map((d) => d.dataset.date));
  const shown = await days(page);
  assert.ok(shown.length > 0 && shown.every((d) => d >= '2026-12-07' && d <= '2026-12-13'), `days ${shown}`);
  assert.equal(await page.locator('.toggle-past').isVisible(), false);
  await page.getByRole('link', { name: 'Next week' }).click();
  await page.locator('#period-title', { hasText: /14\D+20 December 2026/ }).waitFor();
  assert.equal(params(page).date, '2026-12-17');
  assert.ok((await days(page)).every((d) => d >= '2026-12-14' && d <= '2026-12-20'));
  assert.equal(await overflow(page), 0);
  await context.close();
});

test('list view: grouped by day, paged; past events newest first with recordings', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=list' });
  await page.locator('.list-day').first().waitFor();
  const days = await page.locator('.list-day').evaluateAll((ds) => ds.map((d) => d.dataset.date));
  assert.deepEqual([...days].sort(), days);
  assert.equal(new Set(days).size, days.length);
  assert.equal(await page.locator('.event').count(), 20);
  await page.getByRole('button', { name: 'Show more events' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.event').length > 20);
  await page.getByRole('link', { name: 'Show past events' }).click();
  await page.locator('h2#list-heading', { hasText: 'Past events' }).waitFor();
  assert.equal(params(page).past, '1');
  const past = await page.locator('.list-day').evaluateAll((ds) => ds.map((d) => d.dataset.date));
  assert.deepEqual([...past].sort().reverse(), past);
  assert.ok(await page.getByRole('link', { name: 'Watch the recording' }).count() >= 1);
  await page.goBack();
  await page.locator('h2#list-heading', { hasText: 'Upcoming events' }).waitFor();
  await context.close();
});

test('event page: every fact, venue time, JSON-LD, Google link, and an .ics that reads back', async () => {
  const id = 'lse-cities-city-government-innovation-report-launch';
  const { context, page, errors } = await open({ timezoneId: 'America/Bogota', query: `?event=${id}&view=month` });
  const article = page.locator('.event-page');
  await article.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'event-title');
  const text = await article.textContent();
  assert.match(text, /Wed, 19 Mar 2025, 10:00 – 12:00 · 2 hours/);
  assert.match(text, /16:00–18:00 \(Brussels time\)/);
  assert.match(text, /In person/);
  assert.match(await page.title(), /— Citycal/);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.startDate, '2025-03-19T16:00:00+01:00');
  assert.equal(ld.endDate, '2025-03-19T18:00:00+01:00');
  assert.equal(ld.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
  assert.equal(ld.eventStatus, 'https://schema.org/EventScheduled');
  assert.equal(ld.location['@type'], 'Place');
  assert.ok(ld.organizer);
  const google = new URL(await page.getByRole('link', { name: 'Add to Google Calendar' }).getAttribute('href'));
  assert.equal(google.searchParams.get('dates'), '20250319T150000Z/20250319T170000Z');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()]);
  assert.equal(download.suggestedFilename(), `${id}.ics`);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent'));
  assert.equal(vevent.startDate.zone.tzid, 'Europe/Brussels');
  assert.equal(vevent.startDate.toString(), '2025-03-19T16:00:00');
  assert.equal(vevent.startDate.toUnixTime(), Date.parse('2025-03-19T15:00:00Z') / 1000);
  assert.equal(vevent.endDate.toUnixTime(), Date.parse('2025-03-19T17:00:00Z') / 1000);
  assert.equal(vevent.summary, ld.name);
  assert.match(vevent.uid, new RegExp(`^${id}@127\\.0\\.0\\.1`));
  assert.match(vevent.description, new RegExp(`event=${id}`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an .ics for a session across a DST change keeps its wall-clock time', async () => {
  // 30 September 2014 14:00 Paris (CEST) and an all-day event.
  const { context, page } = await open({ timezoneId: 'Asia/Tokyo', query: '?event=urbact-social-innovation-chat-4' });
  await page.locator('.event-page').waitFor();
  assert.match(await page.locator('.event-page').textContent(), /Session 4 of 4/);
  assert.equal(await page.locator('.sessions li').count(), 4);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.add-ics').click()]);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8')));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent'));
  assert.equal(vevent.startDate.toUnixTime(), Date.parse('2014-09-30T12:00:00Z') / 1000);
  // Another session through its link; the page follows.
  await page.locator('.sessions a').first().click();
  await page.locator('.event-page h2', { hasText: 'How does city administration embrace social innovation?' }).waitFor();
  assert.equal(params(page).event, 'urbact-social-innovation-chat-1');
  await context.close();
});

test('copy link copies the event page address', async () => {
  const { context, page } = await open({ query: '?event=e-urban-dialogues-2026', permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.locator('.copy-status', { hasText: 'Link copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).searchParams.get('event'), 'e-urban-dialogues-2026');
  await context.close();
});

test('deep links: reload restores, back/forward walk, a shared link keeps the recipient’s zone', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', query: '?view=month&date=2027-03-10&lang=es' });
  await page.locator('#period-title', { hasText: 'marzo de 2027' }).waitFor();
  await page.getByRole('link', { name: 'Mes siguiente' }).click();
  await page.locator('#period-title', { hasText: 'abril de 2027' }).waitFor();
  assert.deepEqual(params(page), { view: 'month', date: '2027-04-10', lang: 'es' });
  await page.getByRole('link', { name: 'Semana', exact: true }).click();
  await page.locator('.time-grid').waitFor();
  await page.reload();
  await page.locator('.time-grid').waitFor();
  assert.equal(params(page).view, 'week');
  await page.goBack();
  await page.locator('#period-title', { hasText: 'abril de 2027' }).waitFor();
  await page.goBack();
  await page.locator('#period-title', { hasText: 'marzo de 2027' }).waitFor();
  await page.goForward();
  await page.locator('#period-title', { hasText: 'abril de 2027' }).waitFor();
  // The date jump.
  await page.locator('.date-jump input').fill('2027-10-27');
  await page.locator('#period-title', { hasText: 'octubre de 2027' }).waitFor();
  assert.equal(params(page).date, '2027-10-27');
  const link = page.url();
  await context.close();

  // The recipient in another zone sees the same view, in their own time.
  const other = await open({ timezoneId: 'America/Bogota', query: new URL(link).search });
  const chip = other.page.locator('td[data-date="2027-10-27"] .chip', { hasText: 'Cinco años después' });
  await chip.waitFor();
  assert.match(await chip.textContent(), /^09:00/);
  await other.context.close();
  // A link that fixes a zone wins over the recipient's.
  const fixed = await open({ timezoneId: 'America/Bogota', query: new URL(link).search + '&tz=Europe/Bucharest' });
  await fixed.page.locator(ZONE_LINE, { hasText: 'Bucharest' }).waitFor();
  assert.match(await fixed.page.locator('td[data-date="2027-10-27"] .chip', { hasText: 'Cinco años después' }).textContent(), /^17:00/);
  await fixed.context.close();
});

test('bad link parameters are named and ignored; an unknown event says so', async () => {
  let { context, page } = await open({ query: '?view=year&date=2027-02-30&tz=Mars/Olympus' });
  const notice = page.locator('.link-notice');
  await notice.waitFor();
  const text = await notice.textContent();
  for (const bad of ['view=year', 'date=2027-02-30', 'time zone “Mars/Olympus”, which does not exist; times are shown in UTC']) {
    assert.ok(text.includes(bad), `${bad} in ${text}`);
  }
  await page.locator('[role=grid]').waitFor();
  await context.close();
  ({ context, page } = await open({ query: '?event=no-such-event' }));
  await page.getByRole('alert').filter({ hasText: 'This event is not in the calendar' }).waitFor();
  await page.getByRole('link', { name: '← Back to the calendar' }).click();
  await page.locator('[role=grid]').waitFor();
  await context.close();
});

for (const [locale, ignored] of [['es-ES', 'se ha ignorado'], ['ro-RO', 'a fost ignorat']]) {
  test(`bad, unknown and huge link parameters fall back with a notice in the visitor's language (${locale})`, async () => {
    const huge = '9'.repeat(5000);
    const query = `?lang=klingon&view=year&date=${huge}&tz=Not/AZone&past=maybe&hours=25-99&when=someday&from=2027-13-01&q=${'x'.repeat(5000)}`;
    const { context, page, errors } = await open({ locale, timezoneId: 'Europe/Bucharest', query });
    const notice = page.locator('.link-notice');
    await notice.waitFor();
    const items = await notice.locator('li').allTextContents();
    for (const bad of ['lang=klingon', 'view=year', `date=${'9'.repeat(60)}…`, 'Not/AZone', 'past=maybe', 'hours=25-99', 'when=someday', 'from=2027-13-01']) {
      assert.ok(items.some((i) => i.includes(bad)), `${bad} in ${items.join('\n')}`);
    }
    assert.ok(items.filter((i) => !i.includes('Not/AZone')).every((i) => i.includes(ignored)), items.join('\n'));
    assert.ok(items.every((i) => i.length < 200), 'a huge value is cut short');
    // The page works in the browser's language, in the default view.
    assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
    await page.locator('[role=grid], .event, .empty').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('screenshots of each view at 375 px and 1280 px (target/screenshots/)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const views = {
    month: '?view=month&date=2026-12-10',
    week: '?view=week&date=2026-12-10',
    day: '?view=day&date=2026-12-10',
    list: '?view=list',
    event: '?event=e-urban-dialogues-2020',
  };
  for (const width of [375, 1280]) {
    for (const [name, query] of Object.entries(views)) {
      const { context, page } = await open({ width, height: 900, timezoneId: 'Europe/Bucharest', query });
      await page.locator('.month-grid, .time-grid, .event-list, .event-page').first().waitFor();
      await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: width > 1000 });
      assert.equal(await overflow(page), 0, `${name} at ${width}`);
      await context.close();
    }
  }
});

/** A feed of `n` one-hour events spread evenly over 2027, in a few zones. */
function generatedFeed(n) {
  const zones = ['Europe/Bucharest', 'America/Bogota', 'Asia/Kolkata', 'UTC'];
  const year = Date.parse('2027-01-01T00:00:00Z');
  const step = (365 * 86400e3) / n;
  const events = Array.from({ length: n }, (_, i) => {
    const start = new Date(year + i * step);
    return {
      id: `generated-${i}`,
      title: { en: `Generated event ${i}` },
      start: start.toISOString().replace(/\.\d+Z$/, 'Z'),
      end: new Date(start.getTime() + 3600e3).toISOString().replace(/\.\d+Z$/, 'Z'),
      timeZone: zones[i % zones.length],
      format: 'online',
      languages: ['en'],
    };
  });
  return JSON.stringify({ version: 1, name: 'generated', events });
}

test('the DOM does not grow with the feed: 10,000 events render no more nodes than 2,000', async () => {
  const nodes = {};
  for (const n of [2000, 10000]) {
    const body = generatedFeed(n);
    for (const query of ['?view=month&date=2027-06-15', '?view=list&date=2027-06-15']) {
      const { context, page, errors } = await open({
        query,
        route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
      });
      await page.locator('.month-grid .chip, .event-list .event').first().waitFor();
      nodes[`${n} ${query}`] = await page.evaluate(() => document.querySelectorAll('*').length);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
  // Both feeds fill every day of the month past its 3 chips, and the list's
  // first page; only day groupings and times shown differ slightly.
  for (const query of ['?view=month&date=2027-06-15', '?view=list&date=2027-06-15']) {
    const [small, large] = [nodes[`2000 ${query}`], nodes[`10000 ${query}`]];
    assert.ok(large <= small * 1.05, `${query}: ${JSON.stringify(nodes)}`);
  }
  assert.ok(nodes['10000 ?view=month&date=2027-06-15'] < 1000, JSON.stringify(nodes));
  assert.ok(nodes['10000 ?view=list&date=2027-06-15'] < 400, JSON.stringify(nodes));
});

test('a page left open keeps its cards true: "in 3 hours" becomes "in 1 hour", then "happening now"', async () => {
  const { context, page, errors } = await open({ timezoneId: 'Europe/Bucharest', locale: 'en-GB', query: '?view=list', clock: '2026-12-01T06:00:00Z' });
  const card = page.locator('article.event[data-event-id="participatory-budgeting-clinic-2026"] .relative');
  await card.waitFor();
  assert.equal(await card.textContent(), 'in 3 hours');
  await page.clock.fastForward('02:00:00');
  await page.waitForFunction(() => document.querySelector('article.event[data-event-id="participatory-budgeting-clinic-2026"] .relative')?.textContent === 'in 1 hour');
  await page.clock.fastForward('01:05:00');
  await page.waitForFunction(() => document.querySelector('article.event[data-event-id="participatory-budgeting-clinic-2026"] .relative')?.textContent === 'happening now');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the clock moves the now line without re-rendering the view (focus stays)', async () => {
  const { context, page, errors } = await open({
    timezoneId: 'Europe/Bucharest',
    query: '?view=week',
    clock: '2026-12-10T08:00:00Z', // 10:00 in Bucharest, a Thursday
  });
  const line = page.locator('.tg-col.today .now-line');
  await line.waitFor();
  assert.equal(await page.locator('.tg-col.today').getAttribute('data-date'), '2026-12-10');
  assert.equal(await line.evaluate((l) => l.style.top), '41.6667%'); // 600 of 1440 minutes
  const chip = page.locator('.tg-col.today .chip-link').first();
  await chip.focus();
  await page.clock.fastForward('30:00');
  await page.waitForFunction(() => document.querySelector('.now-line').style.top !== '41.6667%');
  assert.equal(await line.evaluate((l) => l.style.top), '43.75%'); // 10:30
  assert.ok(await chip.evaluate((c) => c === document.activeElement), 'focus stayed on the event');
  assert.deepEqual(errors, []);
  await context.close();
});
