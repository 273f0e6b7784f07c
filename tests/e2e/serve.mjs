// A static file server for the built app on a free loopback port, so tests
// and benchmarks need nothing but node. `node serve.mjs dist 8080` serves
// one folder on a fixed port (`make run`).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.ico': 'image/x-icon',
  '.ics': 'text/calendar; charset=utf-8', '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on 127.0.0.1 (or `host`), adding `headers` to every answer
 * (a CSP, CORS for cross-origin embedding). `pages` maps paths to HTML
 * served instead of files (host pages in embedding tests).
 */
export async function serve(dir, { headers = {}, pages = {}, host = '127.0.0.1', port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path]) {
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? TYPES['.html'] }).end(pages[path]);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  // Any 127.x.y.z address is loopback: a second one is a second origin.
  await new Promise((ok) => server.listen(port, host === 'localhost' ? '127.0.0.1' : host, ok));
  return { url: `http://${host}:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * What a deployment sends with every file of dist/ so that a partner page on
 * another origin can embed it (docs/embedding.md, "Headers"): embed.js and
 * resize.js are module scripts, and they fetch the glue, the wasm and its
 * chunks, the words, config.json and the feed, all cross-origin. Everything
 * in dist/ is public; the registration receiver keeps its own allow-list.
 */
export const DEPLOYMENT_HEADERS = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), headers: DEPLOYMENT_HEADERS });
  console.log(`serving ${dir}/ at ${url}`);
}
