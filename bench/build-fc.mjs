// Bundles the FullCalendar 7 peer (bench/fullcalendar/) into
// target/bench/fc/, minified, as a partner would ship it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = 'target/bench/fc';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['bench/fullcalendar/entry.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: `${out}/fc.js`,
  logLevel: 'warning',
});
copyFileSync('bench/fullcalendar/index.html', `${out}/index.html`);
console.log(`FullCalendar peer bundled into ${out}/`);
