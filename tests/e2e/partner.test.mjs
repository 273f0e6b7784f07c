// End-to-end, issue 22: a partner follows docs/embedding.md literally. The
// app is served by the very command `make run` uses (tests/e2e/serve.mjs as
// a program, with its deployment headers), the partner page by another
// origin; the builder's two snippets are pasted into it unchanged. Both
// calendars show events, in the language the snippet names even for an
// Italian visitor, the iframe full width, grown to its content and in the
// snippet's accent colour, and nothing is logged as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';
import { watchBrowser } from './errors.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
let app, appUrl, partner, browser;
const pages = {};

before(async () => {
  // `make run`'s static server, on a free port.
  app = spawn(process.execPath, ['tests/e2e/serve.mjs', 'dist', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  while (!/at (http:\S+)/.test(out)) out += (await once(app.stdout, 'data'))[0];
  appUrl = out.match(/at (http:\S+)/)[1];
  partner = await serve(new URL('../../dist', import.meta.url).pathname, { host: '127.0.0.2', pages });
  browser = watchBrowser(await launch());
});
after(async () => {
  await browser?.close();
  await partner?.close();
  app?.kill();
});

test('the builder\'s snippets, pasted unchanged into a page on another origin, work against make run\'s server', async () => {
  // The partner builds the snippets: Romanian, the list, their accent.
  const builder = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Bucharest' });
  const page = await builder.newPage();
  await page.goto(`${appUrl}builder.html`);
  await page.locator('.builder-themes input').first().waitFor();
  await page.locator('.builder-lang').selectOption('ro');
  await page.locator('.builder-view').selectOption('list');
  await page.locator('.builder-accent').fill('#8a1538');
  await page.locator('.builder-preview .event').first().waitFor();
  const script = await page.locator('.snippet-script').inputValue();
  const iframe = await page.locator('.snippet-iframe').inputValue();
  // The copy button says what it copied.
  await builder.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl.replace(/\/$/, '') });
  await page.locator('.snippets button').first().click();
  await page.locator('.snippets [role=status]', { hasText: 'Snippet copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await builder.close();

  pages['/'] = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Comune partner</title><link rel="icon" href="data:,"></head>
<body><h1>Eventi della rete</h1>
<section id="script-embed">${script}</section>
<section id="iframe-embed">${iframe}</section>
</body></html>`;

  // An Italian visitor: Citycal does not speak Italian, the snippets say Romanian.
  const visitor = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', viewport: { width: 1280, height: 900 } });
  const partnerPage = await visitor.newPage();
  const cors = [];
  partnerPage.on('console', (m) => /CORS|Access-Control/.test(m.text()) && cors.push(m.text()));
  await partnerPage.goto(partner.url);

  // The script embed: events, in Romanian.
  const embed = partnerPage.locator('#script-embed [data-citycal]');
  await embed.locator('article.event').first().waitFor();
  assert.match(await embed.locator('h2#list-heading').textContent(), /Evenimente viitoare/);
  assert.match(await embed.locator('.toolbar .today').textContent(), /Azi/);

  // The iframe: events, in Romanian, full width, grown to its content.
  const frameElement = partnerPage.locator('#iframe-embed iframe');
  const frame = partnerPage.frameLocator('#iframe-embed iframe');
  await frame.locator('article.event').first().waitFor();
  assert.match(await frame.locator('h2#list-heading').textContent(), /Evenimente viitoare/);
  const content = await frame.locator('.citycal').evaluate((c) => c.scrollHeight);
  await partnerPage.waitForFunction(
    (h) => Math.abs(document.querySelector('#iframe-embed iframe').getBoundingClientRect().height - h) <= 2,
    content,
  );
  assert.ok(content > 600, `content ${content} px: taller than the snippet's first height`);
  const widths = await frameElement.evaluate((f) => [f.getBoundingClientRect().width, f.parentElement.getBoundingClientRect().width, getComputedStyle(f).borderTopWidth]);
  assert.deepEqual(widths, [widths[1], widths[1], '0px']);
  // The accent reached the iframe, readable as it is.
  assert.equal(
    await frame.locator('.view-switch [aria-current=page]').evaluate((b) => getComputedStyle(b).backgroundColor),
    'rgb(138, 21, 56)',
  );
  assert.deepEqual(cors, []);
  await visitor.close();
});

test('make run\'s server sends the deployment headers on every file an embed loads', async () => {
  const files = ['embed.js', 'resize.js', 'embed.html', 'config.json', 'events.json', 'chunks.json'];
  const chunks = JSON.parse(await (await fetch(`${appUrl}chunks.json`)).text());
  const wasm = [...new Set(Object.values(chunks).flat())].filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length > 3, wasm.join());
  for (const file of [...files, ...wasm]) {
    const answer = await fetch(appUrl + file, { headers: { origin: 'https://partner.example' } });
    assert.equal(answer.status, 200, file);
    assert.equal(answer.headers.get('access-control-allow-origin'), '*', file);
    assert.equal(answer.headers.get('cross-origin-resource-policy'), 'cross-origin', file);
  }
});
