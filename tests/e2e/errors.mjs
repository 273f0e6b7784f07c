// The shared page-error fixture: every page of every browser context a test
// file opens (through `watchBrowser`) is watched, and each test fails on any
// page error (an uncaught exception, a wasm trap) and on any console error
// it did not declare with `allowConsole` (a test that makes the receiver
// answer 503 expects the browser's "Failed to load resource" line, and says
// so). Importing this module registers the check after every test of the file.
import { afterEach } from 'node:test';

const seen = [];
let allowed = [];

/** Collects `page`'s page errors and console errors. */
export function watchPage(page) {
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push({ text: m.text(), where: m.location()?.url ?? '' });
  });
  page.on('pageerror', (e) => seen.push({ text: String(e), pageError: true }));
}

/** Watches every page of `context`, now and later. */
export function watchContext(context) {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  return context;
}

/** Every context the browser makes from now on is watched. */
export function watchBrowser(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watchContext(await newContext(...args));
  return browser;
}

/** Console errors matching one of `patterns` are expected in the current test (page errors never are). */
export function allowConsole(...patterns) {
  allowed.push(...patterns);
}

/** What was seen since the last check that is not allowed; clears both lists. */
export function takeUnexpected() {
  const bad = seen.filter((e) => e.pageError || !allowed.some((p) => p.test(e.text)));
  seen.length = 0;
  allowed = [];
  return bad;
}

afterEach(() => {
  const bad = takeUnexpected();
  if (bad.length) {
    const lines = bad.slice(0, 10).map((e) => `${e.pageError ? 'page error' : 'console error'}: ${e.text}${e.where ? ` (${e.where})` : ''}`);
    throw new Error(`the page reported ${bad.length} error(s):\n${lines.join('\n')}`);
  }
});
