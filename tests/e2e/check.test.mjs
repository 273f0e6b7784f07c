// The feed check for organizers (check.html, issue 23): a feed with
// ordinary mistakes shows visitors one quiet line, whose link opens the
// check page, which lists every mistake with its event's id, its path and
// the fix, in English, Spanish and Romanian.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, allowConsole, audit } from './harness.mjs';

const { open } = harness();

const FIXTURES = new URL('../../crates/cli/tests/fixtures/', import.meta.url);
const MISTAKES = readFileSync(new URL('mistakes.json', FIXTURES), 'utf8');
// After spring-lab (2027-04-14), before the other events: spring-lab is over with its registration open.
const NOW = '2027-06-01T09:00:00Z';
const serveMistakes = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: MISTAKES });

// Each mistake of the fixture: its code, its event (none for an
// organization's), and words of the message or fix that no language translates.
const MISTAKES_FOUND = [
  { code: 'country-name', event: null, fix: '"RO"' },
  { code: 'unknown-value', event: 'mobility-webinar', fix: '"online", "in_person", "hybrid"' },
  { code: 'date-without-time', event: 'housing-day', fix: '"allDay": true' },
  { code: 'html', event: 'open-data-talk', what: '<p>, <b>, <a>, <br>' },
  { code: 'time-in-gap', event: 'santiago-night', what: '2027-09-05T01:30', fix: '2027-09-05T01:30' },
  { code: 'zero-length', event: 'santiago-night', what: '2027-09-05T00:30' },
  { code: 'too-long', event: 'summer-school', what: '60' },
  { code: 'unknown-zone', event: 'bucharest-forum', what: 'Europe/Bucuresti', fix: 'Europe/Bucharest' },
  { code: 'duplicate-id', event: 'mobility-webinar', what: 'events[0]' },
  { code: 'past-registration-open', event: 'spring-lab', fix: 'registration.status' },
];

const WORDS = {
  en: { fix: 'How to fix:', summary: '4 errors, 6 warnings. 9 events in the feed, 6 shown.', title: 'Check a feed', webinar: 'Mobility webinar' },
  es: { fix: 'Cómo corregirlo:', summary: '4 errores, 6 avisos. 9 eventos en el feed, 6 mostrados.', title: 'Comprobar un feed', webinar: 'Webinario de movilidad' },
  ro: { fix: 'Cum se corectează:', summary: '4 erori, 6 avertismente. 9 evenimente în flux, 6 afișate.', title: 'Verificarea unui flux', webinar: 'Mobility webinar' },
};

/** Every mistake is listed once per place, with its event, path, message and fix in `lang`. */
async function assertListed(page, lang) {
  const words = WORDS[lang];
  await page.locator('.check-summary').filter({ hasText: words.summary }).waitFor();
  assert.equal(await page.locator('h1').textContent(), words.title);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  const findings = page.locator('.finding');
  assert.equal(await findings.count(), MISTAKES_FOUND.length);
  for (const [i, expected] of MISTAKES_FOUND.entries()) {
    const finding = findings.nth(i);
    const where = `${lang} ${expected.code}`;
    assert.equal(await finding.getAttribute('data-code'), expected.code, where);
    assert.equal(await finding.getAttribute('data-event-id'), expected.event, where);
    if (expected.event) assert.ok((await finding.locator('.finding-event').textContent()).includes(expected.event), where);
    assert.match(await finding.locator('.finding-path').textContent(), expected.event ? /^events\[\d\]\./ : /^organizations\[0\]\.country$/, where);
    const fix = await finding.locator('.finding-fix').textContent();
    assert.ok(fix.startsWith(words.fix) && fix.length > words.fix.length + 10, `${where}: ${fix}`);
    if (expected.fix) assert.ok(fix.includes(expected.fix), `${where}: ${fix}`);
    if (expected.what) assert.ok((await finding.locator('.finding-what').textContent()).includes(expected.what), where);
  }
  // The event's title in the page's language when the feed has it.
  assert.ok((await findings.nth(1).locator('.finding-event').textContent()).includes(words.webinar), lang);
}

test('a feed with mistakes: visitors see one quiet line and no paths; its link opens the check page, which lists each mistake with its event id and the fix, in three languages', async () => {
  const { context, page } = await open({ query: '?view=list', route: serveMistakes, clock: NOW });
  const quiet = page.locator('.feed-quiet');
  await quiet.waitFor();
  assert.equal(await quiet.textContent(), '3 events could not be shown because of errors in the feed. For organizers: what to fix');
  const text = await page.locator('.citycal').textContent();
  assert.ok(!/events\[|organizations\[|timeZone|webinar”|Bucuresti/.test(text), 'no path or reason on the public page');
  // The 6 events that could be read, of which one (spring-lab) is past.
  assert.equal(await page.locator('.event').count(), 5);

  await quiet.getByRole('link').click();
  await page.waitForURL(/check\.html\?lang=en&feed=/);
  await assertListed(page, 'en');
  for (const lang of ['es', 'ro']) {
    await page.locator('.check-lang select').selectOption(lang);
    await assertListed(page, lang);
  }
  // The language is in the address: a reload (or the link sent to a colleague) keeps it and checks again.
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ro');
  await page.reload();
  await assertListed(page, 'ro');
  assert.deepEqual(await audit(page), []);
  await context.close();
});

test('the check page reads a chosen file, checks an .ics file as the calendar reads it, and explains an address that fails, in the page language', async () => {
  allowConsole(/Failed to load resource: the server responded with a status of 404/);
  const { context, page } = await open({ query: 'check.html?lang=es', clock: NOW, width: 375, height: 800 });
  await page.locator('h1').filter({ hasText: WORDS.es.title }).waitFor();
  await page.locator('.check-file input').setInputFiles({ name: 'eventos.json', mimeType: 'application/json', buffer: Buffer.from(MISTAKES) });
  await assertListed(page, 'es');
  assert.equal(await page.locator('.check-source-name').textContent(), 'Comprobado: eventos.json');

  // A Google export with two ordinary mistakes: a zone mistyped by hand,
  // and an event whose start was lost in an edit.
  const ics = readFileSync(new URL('ics/google.ics', FIXTURES), 'utf8')
    .replace('DTSTART;TZID=Europe/Bucharest:20270922T100000', 'DTSTART;TZID=Europe/Bucuresti:20270922T100000')
    .replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:lost@google.com\r\nSUMMARY:Lost start\r\nEND:VEVENT\r\nEND:VCALENDAR');
  await page.locator('.check-file input').setInputFiles({ name: 'google.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await page.locator('.check-source-name').filter({ hasText: 'Comprobado: google.ics' }).waitFor();
  const found = await page.locator('.finding').evaluateAll((items) => items.map((li) => [li.dataset.code, li.querySelector('.finding-where').textContent.replace(/\s+/g, ' ').trim(), li.querySelector('.finding-fix').textContent]));
  assert.deepEqual(found.map(([code, where]) => [code, where]), [
    ['ics-guessed-zone', 'aviso «Mobility roundtable» línea 76'],
    ['ics-no-start', 'error «Lost start» línea 89'],
  ]);
  assert.match(found[0][2], /Si Europe\/Bucharest es la zona que quería/);
  assert.match(await page.locator('.check-summary').textContent(), /1 error, 1 aviso/);
  const message = page.locator('.check-message');

  await page.locator('.check-url input').fill('no-such-feed.json');
  await page.locator('.check-source button[type=submit]').click();
  await message.filter({ hasText: 'estado HTTP 404' }).waitFor();
  assert.equal(await page.locator('.finding').count(), 0);
  // Nothing typed is lost: the address stays in the field and in the page's address.
  assert.equal(await page.locator('.check-url input').inputValue(), 'no-such-feed.json');
  assert.equal(new URL(page.url()).searchParams.get('feed'), 'no-such-feed.json');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await context.close();
});
