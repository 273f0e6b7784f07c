// Prints the bytes of the initial load of the app's page: index.html, its
// loader, the wasm-bindgen glue, the wasm and the stylesheet (not the feed
// or config). The embedding entry points are listed apart: they are not
// part of that load (embed.js replaces index.html + app.js on a partner page).
import { readdirSync, readFileSync } from 'node:fs';
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
const initial = (f) => f === 'index.html' || f === 'app.js' || /^citycal-.*\.(js|wasm)$/.test(f) || /^main-.*\.css$/.test(f);
const line = (name, raw, gz, br) =>
  console.log(`${name.padEnd(40)} ${String(raw).padStart(9)} raw ${String(gz).padStart(8)} gzip ${String(br).padStart(8)} brotli`);
let raw = 0, gz = 0, br = 0;
for (const f of [...files.filter(initial), ...files.filter((f) => !initial(f))]) {
  const bytes = readFileSync(join(dir, f));
  const g = gzipSync(bytes, { level: 9 }).length;
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (initial(f)) {
    raw += bytes.length; gz += g; br += b;
    line(f, bytes.length, g, b);
  } else {
    line(`(embedding) ${f}`, bytes.length, g, b);
  }
}
line('initial load', raw, gz, br);
if (gz > budget) {
  console.error(`size: the initial load is ${gz} bytes gzip, over the budget of ${budget} (see ARCHITECTURE.md, Size)`);
  process.exit(1);
}
if (budget !== Infinity) console.log(`size: within the budget (${gz} of ${budget} bytes gzip)`);
