// "Subscribe to this view" (issue 22): the reference server's
// GET /calendar.ics of a filtered view, read by a real iCalendar parser
// (ical.js). Every event the filters give is there, once, at the feed's
// instant, whichever of three zones the reader is in; a cancelled event
// comes through as cancelled.
//
//   node --test tests/ics_subscription.test.mjs
//
// Needs the server binary (`make server`: target/release/citycal-server, or
// another one named by CITYCAL_SERVER) and ical.js (`npm ci`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';

const ROOT = new URL('../', import.meta.url).pathname;
const BINARY = process.env.CITYCAL_SERVER ?? join(ROOT, 'target/release/citycal-server');
/** The server's clock (`--now`): the sample feed's events are upcoming then. */
const NOW = '2026-12-06T12:00:00Z';
/** A subscription holds what ended less than this long ago (core's PAST_DAYS). */
const PAST_MS = 30 * 86400e3;
/** Where the subscriber reads the calendar. */
const READERS = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];

/** The sample feed, plus a cancelled event (the sample has none) across Santiago's summer time. */
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'public/events.json'), 'utf8'));
const CANCELLED = {
  id: 'cancelled-water-clinic',
  title: { en: 'Water clinic (cancelled)', es: 'Clínica del agua (cancelada)' },
  start: '2027-01-14T18:00', end: '2027-01-14T19:30', timeZone: 'America/Santiago',
  format: 'online', languages: ['es'], themes: ['climate'], status: 'cancelled',
};
const FEED = { ...SAMPLE, events: [...SAMPLE.events, CANCELLED] };

let server;
let dir;

before(async () => {
  assert.ok(existsSync(BINARY), `no server binary at ${BINARY}: run make server, or set CITYCAL_SERVER`);
  dir = mkdtempSync(join(tmpdir(), 'citycal-ics-'));
  writeFileSync(join(dir, 'feed.json'), JSON.stringify(FEED));
  const args = ['--feed', join(dir, 'feed.json'), '--db', join(dir, 'db.sqlite'), '--port', '0',
    '--now', NOW, '--app-url', 'https://calendar.test/'];
  server = await new Promise((resolve, reject) => {
    const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`citycal-server exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (match) resolve({ url: match[1], child });
    });
  });
});

after(() => {
  server?.child.removeAllListeners('exit');
  server?.child.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Minutes east of UTC in `zone` at `ms`, from Intl (not from ical.js). */
function offsetMinutes(zone, ms) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName').value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A feed time (wall clock in `zone`, or RFC 3339 with an offset) as an instant in ms. */
function instant(value, zone) {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return Date.parse(value);
  const naive = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  let ms = naive - offsetMinutes(zone, naive) * 60e3;
  ms = naive - offsetMinutes(zone, ms) * 60e3;
  return ms;
}

const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);

/** When an event is over, roughly (all-day: the next day's midnight UTC; none is near the window's edge). */
const endMs = (e) => (e.allDay ? Date.parse(`${nextDay(e.end ?? e.start)}T00:00:00Z`) : instant(e.end, e.timeZone));

/** `YYYY-MM-DD HH:MM` of `ms` in `zone`, as a calendar app there shows it. */
const wallIn = (zone, ms) => new Intl.DateTimeFormat('sv-SE', {
  timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
}).format(new Date(ms));

/** The same, from a Date's local fields (the process's TZ). */
const localWall = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} `
  + `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

async function fetchCalendar(query) {
  const response = await fetch(`${server.url}/calendar.ics?${query}`);
  assert.equal(response.status, 200, query);
  assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  const text = await response.text();
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  return text;
}

/** The calendar as ical.js reads it, its zones registered from its own VTIMEZONEs only. */
function read(text) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { calendar, events };
}

/** Checks that `text` holds exactly `expected` (feed events), at their instants, for readers in READERS. */
function checkEvents(text, expected) {
  const originalTz = process.env.TZ;
  try {
    for (const reader of READERS) {
      process.env.TZ = reader; // Node re-reads TZ: Date's local fields follow.
      assert.equal(localWall(new Date(Date.parse('2027-01-01T00:00:00Z'))), wallIn(reader, Date.parse('2027-01-01T00:00:00Z')), `TZ=${reader} is in force`);
      const { calendar, events } = read(text);
      const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
      assert.equal(new Set(zones).size, zones.length, 'one VTIMEZONE per zone');
      const byId = new Map(events.map((ev) => [ev.uid.replace(/@calendar\.test$/, ''), ev]));
      assert.equal(byId.size, events.length, 'UIDs are unique');
      assert.deepEqual([...byId.keys()].sort(), expected.map((e) => e.id).sort(), `the view's events (${reader})`);
      for (const e of expected) {
        const ev = byId.get(e.id);
        if (e.allDay) {
          assert.ok(ev.startDate.isDate, e.id);
          assert.equal(ev.startDate.toString(), e.start, e.id);
          assert.equal(ev.endDate.toString(), nextDay(e.end ?? e.start), `${e.id}: the end is exclusive`);
          continue;
        }
        const [start, end] = [instant(e.start, e.timeZone), instant(e.end, e.timeZone)];
        assert.equal(ev.startDate.zone.tzid, e.timeZone, `${e.id} is written in its own zone`);
        assert.ok(zones.includes(e.timeZone), `${e.id}: a VTIMEZONE for ${e.timeZone}`);
        assert.equal(ev.startDate.toJSDate().getTime(), start, `${e.id} starts at the feed's instant (${reader})`);
        assert.equal(ev.endDate.toJSDate().getTime(), end, `${e.id} ends at the feed's instant (${reader})`);
        assert.equal(localWall(ev.startDate.toJSDate()), wallIn(reader, start), `${e.id} in ${reader}`);
        assert.equal(ev.component.getFirstPropertyValue('status'), e.status === 'cancelled' ? 'CANCELLED' : (e.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'), e.id);
      }
    }
  } finally {
    if (originalTz === undefined) delete process.env.TZ; else process.env.TZ = originalTz;
  }
}

test('a filtered view: every event at its instant in three zones, the cancelled one cancelled', async () => {
  const query = 'theme=climate&theme=social-inclusion&spoken=es&spoken=en&lang=es&view=month&date=2027-01-01';
  const text = await fetchCalendar(query);
  const since = Date.parse(NOW) - PAST_MS;
  const primary = (tag) => tag.split('-')[0].toLowerCase();
  const expected = FEED.events.filter((e) => (e.themes ?? []).some((t) => ['climate', 'social-inclusion'].includes(t))
    && (e.languages ?? []).some((l) => ['es', 'en'].includes(primary(l)))
    && endMs(e) > since);
  assert.ok(expected.length >= 10, `${expected.length} events expected`);
  assert.ok(expected.some((e) => e.allDay) && expected.some((e) => e.id === CANCELLED.id));
  assert.ok(new Set(expected.map((e) => e.timeZone)).size >= 8, 'events in many zones');
  checkEvents(text, expected);
  const { calendar, events } = read(text);
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `${SAMPLE.name.es} — Acción climática / Inclusión social · Español / English`);
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  assert.match(text, /\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n/);
  const cancelled = events.find((ev) => ev.uid.startsWith(`${CANCELLED.id}@`));
  assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(cancelled.summary, CANCELLED.title.es);
  // A fresh store: every event at its first revision, published now.
  for (const ev of events) {
    assert.equal(ev.sequence, 0, ev.uid);
    assert.equal(ev.component.getFirstPropertyValue('last-modified').toString(), '2026-12-06T12:00:00Z', ev.uid);
  }
});

test('a partner city: ?city=Torino subscribes to the CO4CITIES follow-up', async () => {
  const text = await fetchCalendar('city=Torino');
  // CO4CITIES itself (2021-2022) is long over; its follow-up names Torino as a partner.
  checkEvents(text, FEED.events.filter((e) => e.id === 'co4cities-follow-up-gdansk'));
  const { calendar } = read(text);
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `${SAMPLE.name.en} — Torino`);
});
