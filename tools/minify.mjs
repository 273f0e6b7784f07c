// Minifies the JavaScript and CSS the build writes (esbuild, from npm):
// wasm-bindgen's glue, the chunk loader, app.js and the stylesheet are part
// of every visitor's first download (issue 8: 4 KB gzip). Names that other
// files use (exports, import-object keys, CSS classes and custom
// properties) stay as they are; esbuild renames only local bindings.
import { transformSync } from 'esbuild';

export const minifyJs = (code) => transformSync(code, { loader: 'js', format: 'esm', minify: true, legalComments: 'none' }).code;
export const minifyCss = (code) => transformSync(code, { loader: 'css', minify: true }).code;
