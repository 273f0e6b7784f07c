// A CPU profile of Citycal's load at `--events N` (default 10,000), for
// finding where the time to the painted month goes: the functions with the
// most self time, and a timeline of the page's requests.
//
//   node bench/profile.mjs [--events 10000] [--cpu 1] [--top 40] [--action next|filter]
//
// With --action, the profile covers that interaction only (as bench/run.mjs
// times it: "next month" or the Climate theme box), not the load.
//
// Expects a build in dist/ (DIST=DIR for another). Wasm functions are named only in a build made
// with CITYCAL_KEEP_NAMES=1 (tools/split-wasm.mjs keeps the name section).
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { generateFeed } from './gen-feed.mjs';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const EVENTS = Number(args.events ?? 10000);
const CPU = Number(args.cpu ?? 1);
const TOP = Number(args.top ?? 40);
const ACTION = args.action;

const feed = JSON.stringify(generateFeed(EVENTS, new Date().toISOString().slice(0, 8) + '01'));
const server = await serve(process.env.DIST ?? 'dist', { pages: { '/events.json': feed } });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const context = await browser.newContext({ timezoneId: 'Europe/Bucharest', locale: 'en-GB', viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const ready = () => !!document.querySelector('.month-grid .chips li');
const paintedWhen = (pred) => page.evaluate((src) => new Promise((ok) => {
  const ready = new Function(`return (${src})()`);
  const done = () => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0));
  if (ready()) return done();
  new MutationObserver((_, o) => { if (ready()) { o.disconnect(); done(); } })
    .observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}), pred.toString());
if (ACTION) {
  await page.goto(server.url);
  await paintedWhen(ready);
  if (ACTION === 'filter') {
    await page.evaluate(() => { document.querySelector('details.filter-panel').open = true; });
    await page.waitForSelector('fieldset[data-facet="theme"] label');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
  }
}
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const before = await metrics();
await cdp.send('Profiler.start');
let painted;
if (!ACTION) {
  await page.goto(server.url);
  painted = await paintedWhen(ready);
} else {
  const title = await page.evaluate(() => document.querySelector('#period-title')?.textContent);
  const t0 = await page.evaluate((action) => {
    const t = performance.now();
    if (action === 'next') document.querySelector('.toolbar .step.next').click();
    else [...document.querySelectorAll('fieldset[data-facet="theme"] label')]
      .find((l) => l.textContent.trim().startsWith('Climate')).querySelector('input').click();
    return t;
  }, ACTION);
  const src = ACTION === 'next'
    ? `() => document.querySelector('#period-title')?.textContent !== ${JSON.stringify(title)} && !!document.querySelector('.month-grid .chips li')`
    : `() => !!document.querySelector('.month-grid .chips li')`;
  painted = (await paintedWhen(new Function(`return ${src}`)())) - t0;
}
const { profile } = await cdp.send('Profiler.stop');
const after = await metrics();
// Where the main thread's time went (Chromium's own counters, seconds → ms).
const spent = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration']
  .map((k) => `${k.replace('Duration', '')} ${((after[k] - before[k]) * 1000).toFixed(0)} ms`).join(', ');
const counts = ['RecalcStyleCount', 'LayoutCount', 'Nodes', 'JSEventListeners']
  .map((k) => `${k} ${after[k] - before[k]}`).join(', ');
const timings = await page.evaluate(() => performance.getEntriesByType('resource')
  .map((r) => [new URL(r.name).pathname, Math.round(r.startTime), Math.round(r.responseEnd)]));
await browser.close();
await server.close();

console.log(`${EVENTS} events, CPU ${CPU}x: ${ACTION ? `${ACTION} done in` : 'month painted at'} ${painted.toFixed(0)} ms`);
console.log(`  ${spent}\n  ${counts}`);
for (const [path, start, end] of timings) console.log(`  ${path.padEnd(48)} ${String(start).padStart(5)} → ${String(end).padStart(5)} ms`);
// Self time per function, from the samples and their intervals.
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const { functionName, url } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
if (args.timeline) {
  // What the main thread did, in 25 ms steps since navigation: the leaf frames' kinds.
  // From the profile's start, just before the navigation.
  let t = 0;
  const bins = new Map();
  profile.samples.forEach((id, i) => {
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id).callFrame;
    const kind = f.url.endsWith('.wasm') ? 'wasm' : f.functionName.startsWith('(') ? f.functionName : f.url ? 'js' : `native ${f.functionName}`;
    const bin = Math.floor(t / 25) * 25;
    if (!bins.has(bin)) bins.set(bin, new Map());
    bins.get(bin).set(kind, (bins.get(bin).get(kind) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [bin, kinds] of [...bins].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(bin).padStart(5)} ms  ${[...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')}`);
  }
}
if (args.callers) {
  // Self time of functions matching --callers, by caller.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const by = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    if (!new RegExp(args.callers).test(`${f.functionName} ${f.url.split('/').pop()}`)) return;
    let p = parent.get(id), chain = [];
    while (p && chain.length < Number(args.depth ?? 3)) { const cf = byId.get(p).callFrame; chain.push(cf.functionName.slice(0, 70)); p = parent.get(p); }
    const key = chain.join(' < ');
    by.set(key, (by.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  < ${k}`);
}
console.log(`\nself time, ${total.toFixed(0)} ms sampled:`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}
