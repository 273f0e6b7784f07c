// `make bench`: Citycal against FullCalendar 7 on the same generated feeds,
// viewer zone and viewport, in headless Chromium, alternating the two.
// Prints a table and writes target/bench/report.md and report.json.
//
//   node bench/run.mjs [--reps 5] [--events 1000,10000] [--cpu 1,4]
//
// Expects the release app in dist/ (make build) and the FullCalendar page in
// target/bench/fc/ (bench/build-fc.mjs); `make bench` does both.
// CITYCAL_DIST=DIR measures another build of Citycal (an older commit's,
// for an A/B on the same machine); its report goes to DIR/bench-report.md.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../tests/e2e/serve.mjs';
import { generateFeed } from './gen-feed.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const REPS = Number(args.reps ?? 5);
const SIZES = (args.events ?? '1000,10000').split(',').map(Number);
const CPU = (args.cpu ?? '1,4').split(',').map(Number);
const ZONE = 'Europe/Bucharest';
const VIEWPORT = { width: 1280, height: 800 };
const OUT = 'target/bench';

// How each app says "month grid painted with its events", where its
// controls are, and which of its requests is the feed (not counted).
const APPS = {
  citycal: {
    name: 'Citycal',
    dir: process.env.CITYCAL_DIST ?? 'dist',
    feedPath: '/events.json',
    query: '',
    root: '#citycal-app',
    ready: () => !!document.querySelector('.month-grid .chips li'),
    title: () => document.querySelector('#period-title')?.textContent ?? '',
    next: () => document.querySelector('.toolbar .step.next').click(),
    // The panel opens before the clock starts, as a visitor's first click
    // (its code is a wasm chunk, fetched then: src/ui/filter_bar.rs).
    prepareFilter: async () => {
      document.querySelector('details.filter-panel').open = true;
      await window.__bench.until(() => !!document.querySelector('fieldset[data-facet="theme"] label'));
    },
    filterBox: (label) => [...document.querySelectorAll('fieldset[data-facet="theme"] label')]
      .find((l) => l.textContent.trim().startsWith(label))?.querySelector('input'),
  },
  fullcalendar: {
    name: 'FullCalendar 7.1',
    dir: `${OUT}/fc`,
    feedPath: '/feed.json',
    query: `?tz=${ZONE}&lang=en`,
    root: '#calendar',
    ready: () => !!document.querySelector('#calendar [style*="--fc-event-color"]'),
    title: () => document.querySelector('#calendar [role="heading"][aria-level="2"]')?.textContent ?? '',
    next: () => document.querySelector('#calendar button[aria-label="Next Month"]').click(),
    prepareFilter: () => {},
    filterBox: (label) => [...document.querySelectorAll('#themes label')]
      .find((l) => l.textContent.trim().startsWith(label))?.querySelector('input'),
  },
};
const FILTER_THEME = 'Climate';

// Runs in the page before its own scripts: waits for "ready" (a DOM
// predicate), then for the frame to be painted, and keeps the time since
// navigation; keeps the wasm memory when Trunk's loader announces it.
function installProbe({ ready }) {
  const isReady = new Function(`return (${ready})()`);
  const paint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  const until = (pred, root = document) => new Promise((ok) => {
    if (pred()) return ok();
    const observer = new MutationObserver(() => { if (pred()) { observer.disconnect(); ok(); } });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  window.__bench = {
    paint, until,
    loaded: until(isReady).then(paint).then(() => performance.now()),
  };
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
}

// Times `act` (in the page) until `done` holds after a change under the
// app's root, and the frame after it is painted.
async function timeAction(page, app, act, done) {
  return page.evaluate(async ({ root, act, done }) => {
    const action = new Function(`return (${act})()`);
    const finished = new Function(`return (${done})()`);
    let changed = false;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe(document.querySelector(root), { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    action();
    await window.__bench.until(() => changed && finished());
    await window.__bench.paint();
    observer.disconnect();
    return performance.now() - t0;
  }, { root: app.root, act: act.toString(), done: done.toString() });
}

async function measure(browser, app, url, cpu) {
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB', viewport: VIEWPORT });
  await context.addInitScript(installProbe, { ready: app.ready.toString() });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  // The initial load: what arrives before the month is painted (Citycal's
  // filter panel, a chunk fetched when it is opened, comes later).
  const bodies = [];
  let painted = false;
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (painted || path === app.feedPath || response.status() !== 200 || bodies.some((b) => b.path === path)) return;
    const entry = { path, body: null };
    entry.read = response.body().then((body) => { entry.body = body; }, () => { /* aborted */ });
    bodies.push(entry);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url + app.query);
  const load = await page.evaluate(() => window.__bench.loaded);
  painted = true;

  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);

  const title = await page.evaluate(app.title);
  const next = await timeAction(page, app, app.next,
    new Function(`return () => (${app.title})() !== ${JSON.stringify(title)} && (${app.ready})()`)());
  await page.evaluate(app.prepareFilter);
  await page.evaluate(() => window.__bench.paint());
  const filter = await timeAction(page, app,
    new Function(`return () => (${app.filterBox})(${JSON.stringify(FILTER_THEME)}).click()`)(),
    app.ready);
  const checked = await page.evaluate(new Function(`return () => (${app.filterBox})(${JSON.stringify(FILTER_THEME)}).checked`)());
  if (!checked) throw new Error(`${app.name}: the ${FILTER_THEME} filter did not apply`);
  if (errors.length) throw new Error(`${app.name}: page errors: ${errors.join('; ')}`);
  await Promise.all(bodies.map((b) => b.read));
  await context.close();
  return { load, next, filter, memory: heap + wasm, heap, wasm, bodies: bodies.filter((b) => b.body) };
}

function bytesOf(bodies) {
  const files = bodies.map(({ path, body }) => ({
    path,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const results = [];
  let bytes = {};
  for (const events of SIZES) {
    const feed = JSON.stringify(generateFeed(events, new Date().toISOString().slice(0, 8) + '01'));
    const servers = {
      citycal: await serve(APPS.citycal.dir, { pages: { '/events.json': feed } }),
      fullcalendar: await serve(APPS.fullcalendar.dir, { pages: { '/feed.json': feed } }),
    };
    for (const cpu of CPU) {
      const runs = { citycal: [], fullcalendar: [] };
      for (let rep = 0; rep < REPS; rep++) {
        const order = rep % 2 ? ['fullcalendar', 'citycal'] : ['citycal', 'fullcalendar'];
        for (const key of order) {
          const run = await measure(browser, APPS[key], servers[key].url, cpu);
          if (!bytes[key]) bytes[key] = bytesOf(run.bodies);
          delete run.bodies;
          runs[key].push(run);
          process.stderr.write(`${events} events, CPU ${cpu}x, ${APPS[key].name} #${rep + 1}: load ${run.load.toFixed(0)} ms, next ${run.next.toFixed(0)} ms, filter ${run.filter.toFixed(0)} ms, memory ${(run.memory / 1e6).toFixed(1)} MB\n`);
        }
      }
      for (const metric of ['load', 'next', 'filter', 'memory']) {
        const c = median(runs.citycal.map((r) => r[metric]));
        const f = median(runs.fullcalendar.map((r) => r[metric]));
        results.push({ events, cpu, metric, citycal: c, fullcalendar: f, ratio: c / f, runs: { citycal: runs.citycal.map((r) => r[metric]), fullcalendar: runs.fullcalendar.map((r) => r[metric]) } });
      }
    }
    await servers.citycal.close();
    await servers.fullcalendar.close();
  }
  await browser.close();
  report(results, bytes);
}

const LABELS = {
  load: 'navigation → month painted with events (ms)',
  next: 'next month (ms)',
  filter: 'apply a theme filter (ms)',
  memory: 'JS heap + wasm memory after load (MB)',
};

function report(results, bytes) {
  const fmt = (metric, v) => (metric === 'memory' ? (v / 1e6).toFixed(1) : v.toFixed(1));
  const lines = [
    '# Citycal vs FullCalendar 7.1',
    '',
    `Medians of ${REPS} runs each, alternating; headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, viewer zone ${ZONE}, English. Ratio = Citycal / FullCalendar (below 1: Citycal is smaller or faster).`,
    '',
    '## Initial load (bytes, without the feed)',
    '',
    '| | raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    ...['citycal', 'fullcalendar'].map((k) => `| ${APPS[k].name} | ${bytes[k].raw} | ${bytes[k].gzip} | ${bytes[k].brotli} |`),
    `| ratio | ${(bytes.citycal.raw / bytes.fullcalendar.raw).toFixed(2)} | ${(bytes.citycal.gzip / bytes.fullcalendar.gzip).toFixed(2)} | ${(bytes.citycal.brotli / bytes.fullcalendar.brotli).toFixed(2)} |`,
    '',
    '## Timings and memory',
    '',
    '| measure | events | CPU | Citycal | FullCalendar | ratio |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${LABELS[r.metric]} | ${r.events} | ${r.cpu}× | ${fmt(r.metric, r.citycal)} | ${fmt(r.metric, r.fullcalendar)} | ${r.ratio.toFixed(2)} |`),
    '',
    '## Files of the initial load',
    '',
    ...['citycal', 'fullcalendar'].flatMap((k) => [
      `${APPS[k].name}:`, '',
      ...bytes[k].files.map((f) => `- \`${f.path}\`: ${f.raw} raw, ${f.gzip} gzip, ${f.brotli} brotli`), '',
    ]),
  ];
  const md = lines.join('\n');
  if (process.env.CITYCAL_DIST) {
    writeFileSync(`${process.env.CITYCAL_DIST}/bench-report.md`, md + '\n');
    console.log(md);
    return;
  }
  writeFileSync(`${OUT}/report.md`, md + '\n');
  writeFileSync(`${OUT}/report.json`, JSON.stringify({ reps: REPS, zone: ZONE, viewport: VIEWPORT, bytes, results }, null, 2) + '\n');
  console.log(md);
  console.log(`\nwritten: ${OUT}/report.md, ${OUT}/report.json`);
}

main().catch((e) => { console.error(e); process.exit(1); });
