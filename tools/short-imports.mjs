// Gives the main wasm's imports from wasm-bindgen's glue short names, in the
// wasm and in the glue's import object alike (tools/split-wasm.mjs).
//
// Why: wasm-bindgen names each import after its JS function and a hash
// ("__wbg_addEventListener_847fd86b8c33ec43"), and both the wasm and the
// glue carry every name: 186 imports were 12 KB of the wasm, and the hashes
// do not compress (issue 8). The names mean nothing to the browser; an
// import is matched by module and name only.

/**
 * `wasm` with its imports from `module` moved to `newModule` under the names
 * a, b, c, ...: the new bytes, and a map from each old name to its new one.
 */
export function shortenImports(wasm, module, newModule) {
  const out = [];
  const renamed = new Map();
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = wasm[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const str = () => { const n = leb(); const s = wasm.toString('utf8', p, p + n); p += n; return s; };
  out.push(wasm.subarray(0, 8));
  while (p < wasm.length) {
    const id = wasm[p++];
    const size = leb();
    const start = p;
    if (id !== 2) {
      out.push(Buffer.from([id]), encodeLeb(size), wasm.subarray(start, start + size));
      p = start + size;
      continue;
    }
    // The import section: (module, name, description)*; descriptions are copied as they are.
    const entries = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      let from = str();
      let name = str();
      const descStart = p;
      skipDescription();
      if (from === module) {
        const short = shortName(renamed.size);
        renamed.set(name, short);
        [from, name] = [newModule, short];
      }
      entries.push(Buffer.concat([encodeString(from), encodeString(name), wasm.subarray(descStart, p)]));
    }
    if (p !== start + size) throw new Error('short-imports: the import section did not parse to its end');
    const body = Buffer.concat([encodeLeb(count), ...entries]);
    out.push(Buffer.from([id]), encodeLeb(body.length), body);
  }
  return { wasm: Buffer.concat(out), renamed };

  function skipDescription() {
    const kind = wasm[p++];
    const limits = () => { const flags = leb(); leb(); if (flags & 1) leb(); };
    if (kind === 0) leb(); // function: type index
    else if (kind === 1) { leb(); limits(); } // table: reference type, limits
    else if (kind === 2) limits(); // memory
    else if (kind === 3) { leb(); p++; } // global: value type, mutability
    else if (kind === 4) { p++; leb(); } // tag
    else throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

function encodeLeb(n) {
  const bytes = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    bytes.push(byte);
  } while (n);
  return Buffer.from(bytes);
}

const encodeString = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeLeb(b.length), b]); };

/** A short, valid JS identifier for the `index`th name: a, b, ..., Z, aa, ab, ... */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[index % letters.length] + name;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return name;
}
