// Splits the app's wasm into a main module and chunks fetched on demand
// (src/ui/chunk.rs), for tools/post-build.mjs. Trunk builds the wasm with
// the `split` feature (index.html) and relocations (build.rs);
// this replaces Trunk's wasm-bindgen output with:
//
//   wasm-split-cli   cargo's wasm -> main module + split_*.wasm + chunk_*.wasm
//                    + __wasm_split.js (the loader, from wasm_split_cli_support)
//   wasm-bindgen     the main module, keeping the exports the chunks link to
//   (unexport)       the JS classes of wasm-streams (below)
//   wasm-opt -Oz     every module
//
// Chunk and loader names get a content hash, as Trunk's own files do, so a
// cached chunk never meets a newer main module. Returns the manifest: for
// each split point, the files its first call fetches.
import binaryen from 'binaryen';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyJs } from './minify.mjs';
import { shortenImports } from './short-imports.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Splits cargo's `citycal.wasm` into `staging`, as `js` and `wasm` (Trunk's names). */
export function splitWasm({ staging, profile, js, wasm }) {
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { encoding: 'utf8' }));
  const input = join(metadata.target_directory, 'wasm32-unknown-unknown', profile === 'release' ? 'release' : 'debug', 'citycal.wasm');
  const work = join(metadata.target_directory, 'split-wasm');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bindgen'), { recursive: true });
  const stem = js.replace(/\.js$/, '');

  run('wasm-split-cli', [input, work, '--out-name', stem]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
    '--out-dir', join(work, 'bindgen'), '--out-name', stem, join(work, `${stem}.wasm`)]);

  // CITYCAL_KEEP_NAMES=1 keeps the functions' names, for profiles (bench/profile.mjs).
  const strip = process.env.CITYCAL_KEEP_NAMES ? ['-g'] : ['--strip-debug'];
  // --converge repeats -Oz while it still shrinks the module (−0.3 KB gzip, a few seconds).
  const optimize = (from, to) => run('wasm-opt', ['-Oz', '--converge', ...strip, '--strip-producers', from, '-o', to]);
  const main = join(work, 'bindgen', `${stem}_bg.wasm`);
  unexport(main, STREAM_CLASSES);
  optimize(main, join(staging, wasm));
  const bindgenModule = `./${stem}_bg.js`;
  const shortened = shortenImports(readFileSync(join(staging, wasm)), bindgenModule, 'w');
  writeFileSync(join(staging, wasm), shortened.wasm);

  // Each chunk under a hashed name; the loader points at those names.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const file of readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f))) {
    const optimized = join(work, `opt-${file}`);
    optimize(join(work, file), optimized);
    const named = file.replace(/\.wasm$/, `-${hash(readFileSync(optimized))}.wasm`);
    renameSync(optimized, join(staging, named));
    loader = loader.replaceAll(`"./${file}"`, `"./${named}"`);
  }
  const chunks = manifest(loader);
  loader = minifyJs(loader);
  const loaderName = `__wasm_split-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);

  let glue = withoutStreamClasses(readFileSync(join(work, 'bindgen', `${stem}.js`), 'utf8'));
  glue = withShortImports(glue, bindgenModule, shortened.renamed);
  // The loader's import statements change; its keys in the import object
  // stay: they are the module name inside the wasm.
  const from = 'from "./__wasm_split.js"';
  if (!glue.includes(from)) throw new Error('split-wasm: the glue does not import ./__wasm_split.js (did wasm-bindgen change?)');
  writeFileSync(join(staging, js), minifyJs(glue.replaceAll(from, `from "./${loaderName}"`)));
  return { loader: loaderName, chunks };
}

// `const __chunk_5 = makeLoad(() => { … "./chunk_5-….wasm" … }, []);` and
// `export const __wasm_split_load_month_view = wrapAsyncCb(makeLoad(() => { … "./split_month_view-….wasm" … }, [__chunk_5, …]));`
function manifest(loader) {
  // An empty split module has no file of its own.
  const file = (text) => /"\.\/([^"]+\.wasm)"/.exec(text)?.[1];
  const shared = {};
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)) shared[m[1]] = file(m[2]);
  const splits = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => shared[d]);
    splits[m[1]] = [file(m[2]), ...deps].filter(Boolean);
  }
  if (!Object.keys(splits).length) throw new Error('split-wasm: no split points in the loader (did wasm_split_cli_support change?)');
  return splits;
}

// wasm-streams, which Leptos's server functions depend on (an app without a
// server never calls them), exports three JS classes, whose wasm code its
// exports keep alive: 4 KB of wasm and 3 KB of glue (issue 8). Nothing of
// Citycal uses them; their exports go, and wasm-opt then drops their code.
const STREAM_CLASSES = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;

/** Removes the exports whose names match `pattern` from the wasm at `path`. */
function unexport(path, pattern) {
  binaryen.setDebugInfo(true); // keep the names, for make size-breakdown and profiles
  const module = binaryen.readBinary(readFileSync(path));
  const names = [];
  for (let i = 0; i < module.getNumExports(); i++) {
    const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
    if (pattern.test(name)) names.push(name);
  }
  if (!names.length) throw new Error(`split-wasm: no export matches ${pattern} (did wasm-streams change?)`);
  for (const name of names) module.removeExport(name);
  writeFileSync(path, module.emitBinary());
  module.dispose();
}

/** The glue without the classes `unexport` took the code of. */
function withoutStreamClasses(glue) {
  const without = glue
    .replace(/^export class IntoUnderlying\w+ \{[\s\S]*?^\}\nif \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
  if (/intounderlying/i.test(without)) throw new Error('split-wasm: the glue still names a wasm-streams class (did wasm-bindgen change?)');
  return without;
}

/** The glue's import object under the names `shortenImports` gave the wasm's imports. */
function withShortImports(glue, module, renamed) {
  const once = (text, from, to) => {
    const parts = text.split(from);
    if (parts.length !== 2) throw new Error(`split-wasm: ${from} is in the glue ${parts.length - 1} times, not once (did wasm-bindgen change?)`);
    return parts.join(to);
  };
  let renamedGlue = once(glue, `"${module}": import0`, '"w": import0');
  for (const [name, short] of renamed) renamedGlue = once(renamedGlue, `${name}:`, `${short}:`);
  return renamedGlue;
}
