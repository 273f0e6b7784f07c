// Prints the bytes of the initial load of the app's page: index.html, its
// loader, the wasm-bindgen glue, the main wasm, the chunk loader, the wasm
// chunks of the month view (the default view on a wide screen), the words of
// one language (the largest: src/ui/catalog.rs) and the stylesheet (not the
// feed or config). Chunks that other views fetch when
// first shown are listed apart, with what a phone's first view (the list)
// costs; so are the embedding entry points (embed.js replaces index.html +
// app.js on a partner page).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
// `--budget-gzip N`: fail when the initial load exceeds N bytes gzip.
const budgetAt = process.argv.indexOf('--budget-gzip');
const budget = budgetAt > 0 ? Number(process.argv[budgetAt + 1]) : Infinity;
let files;
try {
  files = readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f));
} catch {
  console.log(`size: no ${dir}/ yet (run make build)`);
  process.exit(0);
}
// Which chunks each view fetches: the manifest app.js preloads from
// (tools/post-build.mjs); none in a build without chunks.
const manifest = join(dir, 'chunks.json');
const chunks = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : {};
if (!existsSync(manifest) && files.some((f) => /^split_.*\.wasm$/.test(f))) {
  console.error(`size: ${dir}/ has wasm chunks but no chunks.json (an older build? run make build)`);
  process.exit(1);
}
const isChunk = (f) => /^(split|chunk)_.*\.wasm$/.test(f);
const line = (name, raw, gz, br) =>
  console.log(`${name.padEnd(48)} ${String(raw).padStart(9)} raw ${String(gz).padStart(8)} gzip ${String(br).padStart(8)} brotli`);
const sizes = Object.fromEntries(files.map((f) => {
  const bytes = readFileSync(join(dir, f));
  return [f, {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }];
}));
const total = (list) => list.reduce((t, f) => ({ raw: t.raw + sizes[f].raw, gzip: t.gzip + sizes[f].gzip, brotli: t.brotli + sizes[f].brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const show = (name, s) => line(name, s.raw, s.gzip, s.brotli);
// Every page starts with the words of one language, whichever it is.
const words = Object.entries(chunks).filter(([split]) => split.startsWith('catalog_')).map(([, list]) => list)
  .sort((a, b) => total(b).gzip - total(a).gzip)[0] ?? [];
const firstView = new Set([...(chunks.month_view ?? []), ...words]);
const initial = (f) => f === 'index.html' || f === 'app.js' || /^citycal-.*\.(js|wasm)$/.test(f) || /^main-.*\.css$/.test(f)
  || /^__wasm_split-.*\.js$/.test(f) || firstView.has(f);

const load = files.filter(initial);
for (const f of load) show(f, sizes[f]);
const sum = total(load);
show('initial load (month view)', sum);
for (const f of files.filter((f) => isChunk(f) && !initial(f))) show(`(on demand) ${f}`, sizes[f]);
for (const [view, list] of Object.entries(chunks)) {
  const extra = list.filter((f) => !firstView.has(f));
  if (extra.length) show(`(on demand) ${view}, beyond the month's`, total(extra));
}
// Both first views count against the budget: a phone's as much as a desktop's.
let worst = sum.gzip;
if (chunks.list_view) {
  const phone = total([...new Set(load.filter((f) => !firstView.has(f)).concat(words, chunks.list_view))]);
  show('initial load on a phone (list view)', phone);
  worst = Math.max(worst, phone.gzip);
}
for (const f of files.filter((f) => !initial(f) && !isChunk(f))) show(`(embedding) ${f}`, sizes[f]);
if (worst > budget) {
  console.error(`size: the initial load is ${worst} bytes gzip, over the budget of ${budget} (see ARCHITECTURE.md, Size)`);
  process.exit(1);
}
if (budget !== Infinity) console.log(`size: within the budget (${worst} of ${budget} bytes gzip)`);
