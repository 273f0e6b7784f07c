// Where the wasm's bytes go, by crate: reads `twiggy top --format csv` of the
// wasm-bindgen output (names kept, before wasm-opt) and sums the shallow
// sizes by the crate each function's path starts with (`make size-breakdown`).
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1);
const byCrate = new Map();
let total = 0;
for (const row of rows) {
  const m = /^"?(.*?)"?,(\d+),/.exec(row);
  if (!m) continue;
  const [, name, size] = m;
  if (name.includes('function names')) continue; // stripped by wasm-opt
  const bytes = Number(size);
  total += bytes;
  // `<T as tachys::…>::build` counts for the trait's crate, `citycal::ui::…` for citycal.
  const path = name.replace(/^<[^>]* as /, '').replace(/^[<&]+/, '');
  const crate = name.startsWith('data segment') ? 'data (rodata: strings, tables, FTL files)'
    : (/^([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(path)?.[1] ?? 'other (glue, shims, anonymous)');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + bytes);
}
console.log(`${'crate'.padEnd(44)} ${'bytes'.padStart(9)}   share`);
for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${crate.padEnd(44)} ${String(bytes).padStart(9)}  ${(100 * bytes / total).toFixed(1).padStart(5)}%`);
}
console.log(`${'total (code + data, before wasm-opt)'.padEnd(44)} ${String(total).padStart(9)}`);
