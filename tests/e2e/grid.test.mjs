// End-to-end, issue 21 item 4: the week and day grids in a busy or odd week.
// Every block shows its title however short the event; the axis opens on the
// period's first event (a week of night events shows them without
// scrolling); buttons name the events out of view and bring them in; a day
// too crowded to read side by side is an agenda.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, harness } from './harness.mjs';

const { open } = harness();

function event(id, title, start, minutes) {
  const end = new Date(Date.parse(start) + minutes * 60e3).toISOString().replace(/\.\d+Z$/, 'Z');
  return { id, title: { en: title }, start, end, timeZone: 'UTC', format: 'online', languages: ['en'] };
}

/** `day` at `hour`:`minute` UTC (minutes may run past 59). */
const at = (day, hour, minute = 0) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60e3).toISOString().replace(/\.\d+Z$/, 'Z');

const FEED = JSON.stringify({
  version: 1,
  name: 'busy weeks',
  events: [
    // Wednesday 10 March 2027: six talks of 15 minutes from 09:00, back to back.
    ...Array.from({ length: 6 }, (_, i) => event(`talk-${i + 1}`, `Lightning talk ${i + 1}`, at('2027-03-10', 9, 15 * i), 15)),
    // The week of 15 March: only at night, between 00:00 and 06:00.
    event('night-1', 'Night shift briefing', at('2027-03-15', 1), 60),
    event('night-2', 'Sunrise walk', at('2027-03-17', 4, 30), 90),
    event('night-3', 'Late owls meetup', at('2027-03-19', 0, 15), 45),
    // The week of 22 March: one at 02:00, one at 20:00.
    event('early', 'Early bird call', at('2027-03-22', 2), 60),
    event('late', 'Evening debate', at('2027-03-23', 20), 60),
    // Wednesday 31 March: 101 events overlapping from 09:00.
    ...Array.from({ length: 101 }, (_, i) => event(`crowd-${i}`, `Parallel session ${i}`, at('2027-03-31', 9, i % 60), 90)),
  ],
});

const route = (r) => r.fulfill({ status: 200, contentType: 'application/json', body: FEED });

/** For each block of the grid: its title, and whether its first line shows inside its block, uncovered. */
function blocks(page) {
  return page.locator('.tg-slot').evaluateAll((slots) =>
    slots.map((slot) => {
      const title = slot.querySelector('.chip-title');
      const s = slot.getBoundingClientRect();
      const t = title.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(title).lineHeight) || 16;
      // The middle of the title's first line is this block's own, not a neighbour's.
      const hit = document.elementFromPoint(t.left + Math.min(t.width, s.width) / 2, t.top + line / 2);
      return {
        text: title.textContent,
        width: Math.round(Math.min(t.width, s.right - t.left)),
        // A whole line of it, not squeezed.
        inside: t.top >= s.top - 0.5 && t.top + line <= s.bottom + 0.5 && t.height >= line - 0.5,
        uncovered: slot.contains(hit),
      };
    }),
  );
}

for (const [view, width] of [['day', 1280], ['day', 375], ['week', 1280]]) {
  test(`${view} at ${width} px: six back-to-back 15-minute talks each show their title`, async () => {
    const { context, page, errors } = await open({ route, width, query: `?view=${view}&date=2027-03-10` });
    await page.locator('.tg-slot').first().waitFor();
    const shown = await blocks(page);
    assert.deepEqual(shown.map((b) => b.text), [1, 2, 3, 4, 5, 6].map((i) => `Lightning talk ${i}`));
    for (const b of shown) {
      assert.ok(b.inside && b.uncovered, `${b.text}: ${JSON.stringify(b)}`);
      assert.ok(b.width >= 40, `${b.text} is ${b.width} px wide`);
    }
    // Focus on a short block says all of it, time and title, under the axis;
    // hovering it shows it whole, in place.
    await page.locator('.tg-slot a').first().focus();
    assert.equal(await page.locator('.tg-focused').textContent(), '09:00, Lightning talk 1');
    await page.locator('.tg-slot').nth(1).hover();
    const hovered = await page.locator('.tg-slot').nth(1).evaluate((s) => ({
      fits: s.querySelector('.chip').scrollHeight <= s.getBoundingClientRect().height + 1,
      time: getComputedStyle(s.querySelector('.chip-time')).visibility,
    }));
    assert.deepEqual(hovered, { fits: true, time: 'visible' });
    await page.locator('.tg-slot a').first().blur();
    assert.equal(await page.locator('.tg-focused').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a week whose events are all between 00:00 and 06:00 opens on them, none out of view', async () => {
  for (const width of [1280, 375]) {
    const view = width > 640 ? 'week' : 'day';
    for (const date of width > 640 ? ['2027-03-16'] : ['2027-03-15', '2027-03-17', '2027-03-19']) {
      const { context, page, errors } = await open({ route, width, query: `?view=${view}&date=${date}` });
      await page.locator('.tg-slot').first().waitFor();
      // The axis is scrolled to its opening a frame after it is drawn.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const seen = await page.evaluate(() => {
        const frame = document.querySelector('.tg-scroll').getBoundingClientRect();
        return [...document.querySelectorAll('.tg-slot')].map((s) => {
          const r = s.getBoundingClientRect();
          return { text: s.textContent, visible: r.top >= frame.top && r.bottom <= frame.bottom };
        });
      });
      assert.ok(seen.length >= 1, `${view} ${date}`);
      for (const s of seen) assert.ok(s.visible, `${width} ${date}: ${s.text} is out of view`);
      assert.equal(await page.locator('.tg-out').count(), 0, 'nothing out of view');
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('events out of view are named above and below the axis, and the button brings them in', async () => {
  const { context, page, errors } = await open({ route, query: '?view=week&date=2027-03-22' });
  // Opens on 01:45; 20:00 is below.
  const later = page.locator('.tg-out.below');
  await later.waitFor();
  assert.equal((await later.textContent()).trim(), '↓ 1 later event');
  assert.equal(await page.locator('.tg-out.above').count(), 0);
  await later.click();
  // Focus is on the event brought into view, and the early one is now above.
  await page.waitForFunction(() => document.activeElement?.textContent.includes('Evening debate'));
  await page.locator('.tg-out.above', { hasText: '1 earlier event' }).waitFor();
  assert.equal(await page.locator('.tg-out.below').count(), 0);
  const inView = await page.evaluate(() => {
    const frame = document.querySelector('.tg-scroll').getBoundingClientRect();
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= frame.top && r.bottom <= frame.bottom;
  });
  assert.ok(inView);
  // Keyboard: the earlier button is a button.
  await page.locator('.tg-out.above').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent.includes('Early bird call'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a day of 101 overlapping events is an agenda: in the week, its first six and "+95 more", which opens the day', async () => {
  const { context, page, errors } = await open({ route, query: '?view=week&date=2027-03-31' });
  const column = page.locator('.tg-col[data-date="2027-03-31"]');
  await column.locator('.tg-agenda').waitFor();
  assert.equal(await column.locator('.tg-agenda .chip-title').count(), 6);
  const more = column.getByRole('link', { name: '+95 more' });
  await more.click();
  await page.locator('.tg-agenda-list').waitFor();
  const titles = await page.locator('.tg-agenda-list .chip-title').evaluateAll((ts) =>
    ts.map((t) => ({ text: t.textContent, h: t.getBoundingClientRect().height })),
  );
  assert.equal(titles.length, 101);
  assert.ok(titles.every((t) => t.h > 0 && /^Parallel session \d+$/.test(t.text)));
  assert.equal(await page.locator('.tg-scroll').count(), 0, 'no time axis for an agenda day');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe: no WCAG 2.2 A/AA violation in the busy grids (short blocks focused, out-of-view buttons, agendas), en/es/ro, light and dark', async () => {
  const states = [
    ['week of short talks, one focused', '?view=week&date=2027-03-10', (page) => page.locator('.tg-slot a').first().focus()],
    ['week with events out of view', '?view=week&date=2027-03-22', (page) => page.locator('.tg-out').first().waitFor()],
    ['week with a crowded day', '?view=week&date=2027-03-31', (page) => page.locator('.tg-agenda').first().waitFor()],
    ['crowded day as an agenda', '?view=day&date=2027-03-31', (page) => page.locator('.tg-agenda-list').waitFor()],
  ];
  for (const lang of ['en', 'es', 'ro']) {
    const { context, page, errors } = await open({ route, locale: lang, query: '?view=week' });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, query, then] of states) {
        await page.goto(new URL(page.url()).origin + '/' + query + `&lang=${lang}`);
        await page.locator('.tg-row').first().waitFor();
        await then(page);
        assert.deepEqual(await audit(page), [], `${name}, ${lang}, ${scheme}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
