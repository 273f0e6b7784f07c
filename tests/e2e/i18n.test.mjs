// End-to-end: three languages and every zone. Language and zone choice and
// their precedence, the pickers, and what Citycal prints compared with
// Chromium's own Intl for the same locale and options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { harness, params, SAMPLE, openPreferences, ZONE_LINE } from './harness.mjs';

const { open } = harness();
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const NOW = '2026-11-24T10:00:00Z';

test('language: the link, else the saved choice, else the browser, else the site default, else English', async () => {
  const heading = { en: 'City network events', es: 'Eventos de las redes de ciudades', ro: 'Evenimente ale rețelelor de orașe' };
  for (const [locale, lang] of [['es-MX', 'es'], ['ro-MD', 'ro'], ['de-DE', 'en'], ['fr-FR', 'ro']]) {
    const config = locale === 'fr-FR' ? { feed: 'events.json', defaultLanguage: 'ro' } : undefined;
    const { context, page } = await open({ locale, config });
    await page.locator('h1', { hasText: heading[lang] }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang, locale);
    await context.close();
  }
  // The switcher saves the choice; a reload keeps it over the browser's.
  const { context, page } = await open({ locale: 'ro-RO' });
  await page.locator('h1', { hasText: heading.ro }).waitFor();
  await openPreferences(page);
  await page.getByLabel('Limba').selectOption('es');
  await page.locator('h1', { hasText: heading.es }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  await page.reload();
  await page.locator('h1', { hasText: heading.es }).waitFor();
  // A link's lang wins over the saved choice...
  await page.goto(page.url().split('?')[0] + '?lang=en&view=month');
  await page.locator('h1', { hasText: heading.en }).waitFor();
  await openPreferences(page);
  assert.equal(await page.getByLabel('Language').inputValue(), 'en');
  // ...until the visitor picks again, which also drops it from the link.
  await page.getByLabel('Language').selectOption('ro');
  await page.locator('h1', { hasText: heading.ro }).waitFor();
  assert.deepEqual(params(page), { view: 'month' });
  await context.close();
});

test('zone picker: every IANA zone with its offset, validation that keeps what was typed, saved', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=list' });
  await openPreferences(page);
  const input = page.getByLabel('Time zone');
  await input.focus();
  await page.waitForFunction(() => document.querySelectorAll('#cc-zones option').length > 400);
  const label = (zone) => page.locator(`#cc-zones option[value="${zone}"]`).textContent();
  assert.equal(await label('Europe/Bucharest'), 'Bucharest (GMT+2)');
  assert.equal(await label('Asia/Kolkata'), 'Kolkata (GMT+5:30)');
  assert.equal(await label('America/Argentina/Buenos_Aires'), 'Buenos Aires (GMT-3)');
  assert.equal(await label('Australia/Lord_Howe'), 'Lord Howe (GMT+11)');
  // A zone that does not exist: said, and the text stays.
  await input.fill('Mars/Olympus');
  await input.press('Enter');
  await page.locator('.field-error', { hasText: '“Mars/Olympus” names no time zone Citycal knows' }).waitFor();
  assert.equal(await input.inputValue(), 'Mars/Olympus');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  // A real one: every time follows, and the choice survives a reload.
  await input.fill('America/Bogota');
  await input.press('Enter');
  await page.locator(ZONE_LINE, { hasText: 'Bogota (GMT-5)' }).waitFor();
  const first = page.locator('article[data-event-id="participatory-budgeting-clinic-2026"] time').first();
  assert.equal(await first.getAttribute('datetime'), '2026-12-01T04:00:00-05:00');
  await page.reload();
  await page.locator(ZONE_LINE, { hasText: 'Bogota (GMT-5)' }).waitFor();
  await openPreferences(page);
  await page.getByRole('button', { name: 'Use this device’s time zone' }).click();
  await page.locator(ZONE_LINE, { hasText: 'Bucharest (GMT+2)' }).waitFor();
  // A city typed alone, in any case, with or without its accent; a start only one city has.
  for (const [typed, zone] of [['bogotá', 'America/Bogota (GMT-5)'], ['Kolkata', 'Asia/Kolkata (GMT+5:30)'], ['new york', 'America/New_York (GMT-5)'], ['lord ho', 'Australia/Lord_Howe (GMT+11)']]) {
    await input.fill(typed);
    await input.press('Enter');
    const [id, offset] = zone.split(' (');
    await page.locator(ZONE_LINE, { hasText: `${id.split('/').pop().replace(/_/g, ' ')} (${offset}` }).waitFor();
    assert.equal(await input.inputValue(), id);
  }
  // Too short to be meant: said, and kept.
  await input.fill('ba');
  await input.press('Enter');
  await page.locator('.field-error', { hasText: '“ba” names no time zone' }).waitFor();
  await context.close();
});

test('the zone line gives the offset in force on the dates shown, not today’s', async () => {
  const { context, page } = await open({ timezoneId: 'Europe/Bucharest', clock: NOW, query: '?view=month&date=2027-07-15' });
  await page.locator(ZONE_LINE, { hasText: 'Bucharest (GMT+3)' }).waitFor();
  await page.locator('.step-buttons .today').click();
  await page.locator(ZONE_LINE, { hasText: 'Bucharest (GMT+2)' }).waitFor();
  await context.close();
});

test('a browser reporting an old zone name gets the current one', async () => {
  const { context, page } = await open({ timezoneId: 'Asia/Kolkata' });
  await page.locator(ZONE_LINE, { hasText: 'Kolkata (GMT+5:30)' }).waitFor();
  await context.close();
});

/** Chromium's own formatting, for comparison. */
function intl(page, locale, zone, iso) {
  return page.evaluate(
    ({ locale, zone, iso }) => {
      const at = new Date(iso);
      const dtf = (o) => new Intl.DateTimeFormat(locale, o);
      // 12-hour clocks without a leading zero ("4:00 PM"), 24-hour ones with it ("09:00").
      const hour = ['h11', 'h12'].includes(dtf({ hour: 'numeric' }).resolvedOptions().hourCycle) ? 'numeric' : '2-digit';
      return {
        dateTime: dtf({ timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour, minute: '2-digit' }).format(at),
        time: dtf({ timeZone: zone, hour, minute: '2-digit' }).format(new Date(at.getTime() + 2 * 3600e3)),
        monthYear: dtf({ timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date('2026-12-15T00:00:00Z')),
        weekdays: [...Array(7)].map((_, i) => dtf({ timeZone: 'UTC', weekday: 'short' }).format(new Date(Date.UTC(2026, 10, 30 + i)))),
        week: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(1, 'week'),
        hours: new Intl.DurationFormat(locale, { style: 'long' }).format({ hours: 2 }),
        firstDay: new Intl.Locale(locale).getWeekInfo?.().firstDay ?? new Intl.Locale(locale).weekInfo.firstDay,
        // The registration deadline (17:00Z on 25 November) in calendar days from now, in the zone.
        deadline: (() => {
          const day = (d) => Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d));
          const days = Math.round((day(new Date('2026-11-25T17:00:00Z')) - day(new Date())) / 86400e3);
          return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
        })(),
      };
    },
    { locale, zone, iso },
  );
}

for (const [locale, zone] of [['en-US', 'America/Bogota'], ['en-GB', 'Pacific/Auckland'], ['es-ES', 'Asia/Kolkata'], ['ro-RO', 'Pacific/Auckland'], ['es-MX', 'America/Bogota']]) {
  test(`${locale} in ${zone}: dates, times, names, relative phrases and durations are Chromium's Intl`, async () => {
    // e-Urban Dialogues 2026: 4 December 2026, 16:00–18:00 in Bucharest (14:00Z), ten days after NOW.
    const { context, page, errors } = await open({ locale, timezoneId: zone, clock: NOW, query: '?event=e-urban-dialogues-2026' });
    await page.locator('.event-page').waitFor();
    const expected = await intl(page, locale, zone, '2026-12-04T14:00:00Z');
    const times = await page.locator('.event-page .event-when time').allTextContents();
    assert.equal(times[0], expected.dateTime);
    assert.equal(times[1], expected.time);
    assert.equal(await page.locator('.event-page .relative').textContent(), expected.week);
    assert.equal(await page.locator('.event-page .duration').textContent(), expected.hours);

    // The month view: title, weekday names, first day of the week (CLDR).
    await page.goto(page.url().split('?')[0] + '?view=month&date=2026-12-15');
    await page.locator('[role=grid]').waitFor();
    assert.equal(await page.locator('#period-title').textContent(), expected.monthYear);
    const headers = await page.locator('[role=grid] th').allTextContents();
    // expected.weekdays runs Monday 30 Nov .. Sunday 6 Dec.
    const mondayFirst = expected.firstDay === 1;
    assert.deepEqual(headers, mondayFirst ? expected.weekdays : [expected.weekdays[6], ...expected.weekdays.slice(0, 6)]);
    if (locale.startsWith('es-ES') || locale.startsWith('ro')) assert.ok(mondayFirst, `${locale} weeks start on Monday`);

    // The countdown to a close deadline ("tomorrow", "in 2 days"; participatory budgeting clinic).
    await page.goto(page.url().split('?')[0] + '?event=participatory-budgeting-clinic-2026');
    const reg = page.locator('.event-page .reg-soon');
    await reg.waitFor();
    assert.ok((await reg.textContent()).includes(expected.deadline), `${await reg.textContent()} has “${expected.deadline}”`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an event crossing the viewer’s midnight says so', async () => {
  // e-Urban Dialogues 2026, 14:00–16:00Z, is 23:00–01:00 in Tokyo.
  const { context, page } = await open({ timezoneId: 'Asia/Tokyo', clock: NOW, query: '?event=e-urban-dialogues-2026' });
  await page.locator('.event-page .crosses-midnight', { hasText: 'ends the next day' }).waitFor();
  await context.close();
});

const ENGLISH_CHROME = [
  'Today', 'Month', 'Week', 'List', 'Previous', 'Next', 'Add to calendar', 'Copy link', 'Back to the calendar',
  'Upcoming events', 'Show past events', 'Time zone', 'Language', 'All day', 'Registration', 'Go to date',
  'Choose a view', 'Calendar navigation', 'Speakers', 'Organizers', 'Partners', 'Themes', 'Show more',
];

test('Spanish and Romanian everywhere, in zones on both sides of UTC (screenshots in target/screenshots/)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const pages = {
    month: '?view=month&date=2026-12-10',
    week: '?view=week&date=2026-12-10',
    list: '?view=list',
    event: '?event=lse-cities-city-government-innovation-report-launch',
  };
  for (const [locale, zone] of [['es-ES', 'America/Bogota'], ['ro-RO', 'Pacific/Auckland'], ['es-ES', 'Asia/Kolkata']]) {
    for (const [name, query] of Object.entries(pages)) {
      for (const width of [375, 1280]) {
        const { context, page, errors } = await open({ locale, timezoneId: zone, clock: NOW, query, width });
        await page.locator('.month-grid, .time-grid, .event-list .event, .event-page').first().waitFor();
        // Interface text: headings, controls, labels and every aria-label.
        const chrome = await page.evaluate(() => {
          const parts = [document.title];
          for (const el of document.querySelectorAll('.app-header, .toolbar, .list-header, .event-actions, .detail-section h3, .back, th, label')) {
            parts.push(el.innerText);
          }
          for (const el of document.querySelectorAll('[aria-label]')) parts.push(el.getAttribute('aria-label'));
          return parts.join('\n');
        });
        for (const english of ENGLISH_CHROME) {
          const word = new RegExp(`(?<!\\p{L})${english}(?!\\p{L})`, 'u');
          assert.ok(!word.test(chrome), `${locale} ${name}: “${english}” in\n${chrome}`);
        }
        assert.deepEqual(errors, []);
        if (zone !== 'Asia/Kolkata') await page.screenshot({ path: `${SHOTS}${locale}-${name}-${width}.png`, fullPage: width > 1000 });
        await context.close();
      }
    }
  }
});

test('event text falls back to the event’s own language, says so and is marked with its lang', async () => {
  const feed = structuredClone(SAMPLE);
  const event = feed.events.find((e) => e.id === 'mercociudades-innovacion-abierta');
  event.title = { es: 'Laboratorios de innovación abierta', en: 'Open innovation labs' };
  event.summary = { en: 'Only an English summary.' };
  event.languages = ['es'];
  const { context, page } = await open({
    locale: 'ro-RO',
    query: '?view=list&date=2027-03-01',
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) }),
  });
  const card = page.locator('article[data-event-id="mercociudades-innovacion-abierta"]');
  await card.waitFor();
  // Romanian is missing: the event's own language (Spanish) comes before English.
  assert.equal(await card.locator('.event-title').getAttribute('lang'), 'es');
  assert.equal(await card.locator('.event-title').textContent(), 'Laboratorios de innovación abierta');
  const notes = await card.locator('.fallback-note').allTextContents();
  assert.deepEqual(notes, ['Disponibil doar în spaniolă', 'Disponibil doar în engleză']);
  assert.equal(await card.locator('.summary').getAttribute('lang'), 'en');
  await context.close();
});
