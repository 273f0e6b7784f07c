// Prints the bytes of the initial load (HTML, JS, wasm, CSS; not the feed or config).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
let files;
try {
  files = readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f));
} catch {
  console.log(`size: no ${dir}/ yet (run make build)`);
  process.exit(0);
}
let raw = 0, gz = 0, br = 0;
for (const f of files) {
  const bytes = readFileSync(join(dir, f));
  const g = gzipSync(bytes, { level: 9 }).length;
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length; gz += g; br += b;
  console.log(`${f.padEnd(40)} ${String(bytes.length).padStart(9)} raw ${String(g).padStart(8)} gzip ${String(b).padStart(8)} brotli`);
}
console.log(`${'initial load'.padEnd(40)} ${String(raw).padStart(9)} raw ${String(gz).padStart(8)} gzip ${String(br).padStart(8)} brotli`);
