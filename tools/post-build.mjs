// Trunk post-build hook: makes the build work under a strict Content Security
// Policy and adds the embedding entry points (docs/embedding.md).
//
// - index.html: Trunk's inline loader `<script type="module">…</script>` moves
//   to app.js (no inline script, so `script-src 'self'` suffices); for the
//   embed builder's own build, builder.html and builder-app.js.
// - embed.js: the script embed. Every `[data-citycal]` element of the host
//   page gets its own calendar in a shadow root.
// - embed.html: the iframe embed (chrome-less; reports its height).
// - resize.js: the parent-side script that sizes those iframes.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { minifyCss, minifyJs } from './minify.mjs';
import { splitWasm } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
// The embed builder is a second build, of builder.html (Makefile, `build`):
// Trunk names its page index.html too; only its loader moves out.
// The feed check (check.html) is a third build, handled like the builder's.
const page = basename(process.env.TRUNK_HTML_FILE ?? '');
const builder = ['builder.html', 'check.html'].includes(page);
const loader = builder ? page.replace('.html', '-app.js') : 'app.js';
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html);
if (!inline) throw new Error('no inline loader in index.html (did Trunk change?)');
const js = /from '\.\/([^']+\.js)'/.exec(inline[1])[1];
const wasm = /module_or_path: '\.\/([^']+\.wasm)'/.exec(inline[1])[1];
const css = /href="\.\/(main-[^"]+\.css)"/.exec(html)[1];

const integrity = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(dir, file))).digest('base64');
const setIntegrity = (file) => {
  const tag = new RegExp(`(<link[^>]*href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) throw new Error(`post-build: no link with integrity for ${file} (did Trunk change?)`);
  html = html.replace(tag, `$1${integrity(file)}$2`);
};
// The stylesheet, minified (both builds: the builder's page links the
// same file, so its integrity must match the same bytes).
writeFileSync(join(dir, css), minifyCss(readFileSync(join(dir, css), 'utf8')));
setIntegrity(css);
// The app (not the builder) is split into a main module and chunks per view
// (tools/split-wasm.mjs): the files change, so their integrity hashes too,
// and the loader is preloaded with the glue that imports it.
let split = null;
if (!builder) {
  split = splitWasm({ staging: dir, profile: process.env.TRUNK_PROFILE, js, wasm });
  // Which files each split point fetches, for tests/e2e/size.mjs.
  writeFileSync(join(dir, 'chunks.json'), JSON.stringify(split.chunks, null, 1) + '\n');
  setIntegrity(js);
  setIntegrity(wasm);
  html = html.replace('</head>', `<link rel="modulepreload" href="./${split.loader}" crossorigin="anonymous" integrity="${integrity(split.loader)}">\n</head>`);
}

// While the wasm downloads and compiles, read config.json and start
// fetching the feed it names: the app's own request for the feed then joins
// that preload instead of starting only after the app has started.
const prefetch = `// Start the feed's download while the wasm compiles (tools/post-build.mjs).
fetch('./config.json').then((r) => (r.ok ? r.json() : null)).then((config) => {
  if (typeof config?.feed !== 'string') return;
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
  link.href = new URL(config.feed, location.href).href;
  document.head.append(link);
}).catch(() => {});
`;
// The chunks of the view the link (or the screen) asks for start with the
// main wasm instead of after it has started (src/ui/chunk.rs). Only the
// views' and the words' lists travel in app.js (the others are fetched when
// their part is first shown).
const PRELOADED = /^(month_view|time_grid_view|list_view|event_page|catalog_\w+)$/;
const preloadChunks = split ? `// Start the shown view's wasm chunks too (tools/split-wasm.mjs).
{
  const chunks = ${JSON.stringify(Object.fromEntries(Object.entries(split.chunks).filter(([point]) => PRELOADED.test(point))))};
  const query = new URLSearchParams(location.search);
  const view = query.has('event') ? 'event_page'
    : ({ month: 'month_view', week: 'time_grid_view', day: 'time_grid_view', list: 'list_view' })[query.get('view')]
      ?? (matchMedia('(max-width: 639.98px)').matches ? 'list_view' : 'month_view');
  // The words of the language the app will likely pick (the link's, a saved
  // choice, the browser's: src/ui/state.rs decides; a wrong guess costs one
  // more request, src/ui/catalog.rs).
  let saved = null;
  try { saved = localStorage.getItem('citycal.lang'); } catch {}
  const lang = [query.get('lang'), saved, ...navigator.languages]
    .map((tag) => tag?.toLowerCase().split('-')[0]).find((tag) => ['en', 'es', 'ro'].includes(tag)) ?? 'en';
  for (const file of new Set([...(chunks[view] ?? []), ...(chunks['catalog_' + lang] ?? [])])) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: new URL(file, import.meta.url).href }));
  }
}
` : '';
// The glue is imported dynamically: a static import would hold the whole
// loader, prefetches included, until the glue has arrived and run.
const start = inline[1].trim().replace(/import init, \* as bindings from '(\.\/[^']+\.js)';/,
  "const bindings = await import('$1');\nconst init = bindings.default;");
if (!builder && start === inline[1].trim()) throw new Error("post-build: no `import init, * as bindings` in Trunk's loader (did Trunk change?)");
// The feed check reads no config.json: no feed to prefetch there.
writeFileSync(join(dir, loader), minifyJs((page === 'check.html' ? '' : prefetch) + preloadChunks + start));
// config.json names the feed: it starts with the page, not with app.js.
const configPreload = builder ? '' : '<link rel="preload" href="./config.json" as="fetch" crossorigin="anonymous">\n';
html = html.replace(inline[0], `${configPreload}<script type="module" src="./${loader}"></script>`);
// The preloads' integrity hashes stay valid: the files are unchanged.
writeFileSync(indexPath, html);
if (builder) {
  renameSync(indexPath, join(dir, page));
  console.log(`post-build: ${page}, ${loader} (${js})`);
  process.exit(0);
}

// The iframe page: the same app, chrome-less, in a frame.
writeFileSync(
  join(dir, 'embed.html'),
  html.replace('<body>', '<body class="citycal-frame">').replace('id="citycal-app"', 'id="citycal-app" data-frame'),
);

writeFileSync(join(dir, 'embed.js'), minifyJs(`// Citycal script embed (docs/embedding.md). Generated by tools/post-build.mjs.
import init, { mount_embed } from './${js}';

const base = new URL('./', import.meta.url);
await init({ module_or_path: new URL('./${wasm}', base) });

const LISTS = ['themes', 'spoken', 'formats', 'countries', 'cities', 'orgs', 'series'];
const PARAMS = { themes: 'theme', spoken: 'spoken', formats: 'format', countries: 'country', cities: 'city', orgs: 'org', series: 'series',
  theme: 'theme', format: 'format', country: 'country', city: 'city', org: 'org', view: 'view', when: 'when', from: 'from', to: 'to',
  hours: 'hours', q: 'q', date: 'date', accent: 'accent' };

/** The element's presets as Citycal link parameters (docs/links.md). */
function presets(data) {
  const query = new URLSearchParams();
  for (const [key, param] of Object.entries(PARAMS)) {
    const value = data[key];
    if (!value) continue;
    const values = LISTS.includes(key) || ['theme', 'format', 'country', 'city', 'org'].includes(key) ? value.split(',') : [value];
    for (const v of values) if (v.trim()) query.append(param, v.trim());
  }
  return query.toString();
}

function mount(element) {
  if (element.shadowRoot || element.dataset.citycalMounted) return;
  element.dataset.citycalMounted = '';
  const root = element.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./${css}', base).href;
  const target = document.createElement('div');
  root.append(style, target);
  const d = element.dataset;
  mount_embed(target, base.href, d.feed ?? '', d.endpoint ?? '', d.privacy ?? '', d.lang ?? '', d.tz ?? '', presets(d));
}

document.querySelectorAll('[data-citycal]').forEach(mount);
// Calendars added later (single-page host sites) are mounted too.
new MutationObserver(() => document.querySelectorAll('[data-citycal]').forEach(mount))
  .observe(document.documentElement, { childList: true, subtree: true });
`));

writeFileSync(join(dir, 'resize.js'), minifyJs(`// Citycal iframe resizer (docs/embedding.md). Generated by tools/post-build.mjs.
// Sizes every iframe showing Citycal from this script's origin to its content,
// trusting only messages from that origin and from those iframes.
const origin = new URL(import.meta.url).origin;
const ask = (frame) => frame.contentWindow?.postMessage({ type: 'citycal:ask-height' }, origin);
// Frames that reported before this script ran are asked again, once loaded.
for (const frame of document.querySelectorAll('iframe')) {
  ask(frame);
  frame.addEventListener('load', () => ask(frame));
}
addEventListener('message', (event) => {
  if (event.origin !== origin || event.data?.type !== 'citycal:height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      const height = Math.ceil(Number(event.data.height));
      if (Number.isFinite(height) && height > 0 && height < 100000) frame.style.height = height + 'px';
    }
  }
});
`));
console.log(`post-build: app.js, embed.js, embed.html, resize.js (${js}, ${css})`);
