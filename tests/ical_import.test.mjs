// `citycal import` (issue 23) checked against an independent reader:
// ical.js expands the recurring events of the DST fixture (weekly across
// both of Europe's changes, fortnightly across both of Chile's, RDATE,
// EXDATE, a moved and a cancelled occurrence, monthly 2TU and -1
// BYMONTHDAY, an all-day span, a UTC event) and every occurrence citycal
// writes must start at the same UTC instant, the same occurrences, no more.
//
//   cargo build -p citycal-cli && node --test tests/ical_import.test.mjs
//
// Needs the built command (target/debug/citycal under the default target
// directory, or another one named by CITYCAL_CLI) and ical.js (`npm ci`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

const ROOT = new URL('../', import.meta.url).pathname;
const BINARY = process.env.CITYCAL_CLI ?? join(ROOT, 'target/debug/citycal');
const FIXTURE = join(ROOT, 'crates/cli/tests/fixtures/ics/dst.ics');
/** The import window: 18 months from 1 January 2027. */
const FROM = '2027-01-01';
const UNTIL = Date.UTC(2028, 6, 1);

/** The UTC instant (ms) of a feed time: RFC 3339, or wall-clock in `zone` (gap: offset before). */
function instant(value, zone) {
  if (/Z$|[+-]\d\d:\d\d$/.test(value)) return Date.parse(value);
  const [date, clock = '00:00:00'] = value.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = clock.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  const offset = (at) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      }).formatToParts(new Date(at)).map((p) => [p.type, p.value]),
    );
    return Date.UTC(+parts.year, parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - at;
  };
  const before = offset(wall - 86400e3);
  const after = offset(wall + 86400e3);
  const fits = [before, after].map((o) => wall - o).filter((t) => offset(t) === wall - t);
  return fits.length ? Math.min(...fits) : wall - before;
}

/** ical.js's expansion: uid → sorted [start ms, cancelled] of occurrences in the window. */
function expandWithIcalJs(text) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id')).map((v) => new ICAL.Event(v));
  for (const v of vevents.filter((v) => v.hasProperty('recurrence-id'))) {
    masters.find((m) => m.uid === v.getFirstPropertyValue('uid')).relateException(v);
  }
  const out = new Map();
  for (const event of masters) {
    const starts = [];
    if (!event.isRecurring()) {
      starts.push([event.startDate.toJSDate().getTime(), event.component.getFirstPropertyValue('status') === 'CANCELLED']);
    } else {
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (next.toJSDate().getTime() >= UNTIL) break;
        const details = event.getOccurrenceDetails(next);
        const status = details.item.component.getFirstPropertyValue('status');
        starts.push([details.startDate.toJSDate().getTime(), status === 'CANCELLED']);
      }
    }
    out.set(event.uid, starts.sort((a, b) => a[0] - b[0]));
  }
  return out;
}

test('every occurrence citycal imports starts when ical.js says, across DST', () => {
  assert.ok(existsSync(BINARY), `${BINARY} is missing: run cargo build -p citycal-cli (or set CITYCAL_CLI)`);
  const feed = JSON.parse(execFileSync(BINARY, ['import', FIXTURE, '--from', FROM], { encoding: 'utf8' }));
  const expected = expandWithIcalJs(readFileSync(FIXTURE, 'utf8'));
  // Group citycal's events by the UID their id was made from (the series id, or the id).
  const ours = new Map();
  for (const event of feed.events) {
    const key = event.series ?? event.id;
    if (!ours.has(key)) ours.set(key, []);
    const at = event.allDay ? Date.parse(`${event.start}T00:00:00Z`) : instant(event.start, event.timeZone);
    ours.get(key).push([at, event.status === 'cancelled']);
  }
  const idOf = (uid) => uid.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let compared = 0;
  for (const [uid, starts] of expected) {
    const mine = (ours.get(idOf(uid)) ?? []).sort((a, b) => a[0] - b[0]);
    const show = (list) => list.map(([t, c]) => new Date(t).toISOString() + (c ? ' cancelled' : ''));
    assert.deepEqual(show(mine), show(starts), uid);
    compared += starts.length;
  }
  assert.equal(compared, feed.events.length, 'no event without a counterpart');
  assert.ok(compared > 80, `${compared} occurrences compared`);
});
