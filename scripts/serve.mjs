// A small static file server for the built site (node, no dependencies). Loopback only.
// usage: node scripts/serve.mjs DIR [--port N] [--csp "policy"] [--quiet]
// With --port 0 it picks a free port. Prints "SkinDepth demo: http://127.0.0.1:PORT/" when listening.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const kTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

// The encoding to send `file` in: Brotli, then gzip, when the request accepts it (q > 0) and the
// compressed copy is there and up to date; null for the file itself.
function precompressed(file, acceptEncoding) {
  const accepted = new Set(acceptEncoding.split(',').map((part) => part.trim().split(';')).filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name.trim().toLowerCase()));
  let source;
  try { source = fs.statSync(file); } catch { return null; }
  for (const [name, ext] of [['br', 'br'], ['gzip', 'gz']]) {
    if (!accepted.has(name)) continue;
    try {
      if (fs.statSync(`${file}.${ext}`).mtimeMs >= source.mtimeMs) return {name, ext};
    } catch { /* not written for this file */ }
  }
  return null;
}

export function startServer(root, {port = 8080, csp = null, quiet = false, overrides = {}} = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (overrides[rel]) {
      const o = overrides[rel];
      res.writeHead(o.status || 200, {'Content-Type': o.type || 'application/json', 'Cache-Control': 'no-store'});
      return res.end(o.body || '');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, rel);
    if (!file.startsWith(base)) { res.writeHead(403); return res.end('forbidden'); }
    // A .br or .gz written beside the file by the build (scripts/compress.mjs) is sent as it is when the
    // browser accepts it and it is not older than the file.
    const encoding = precompressed(file, req.headers['accept-encoding'] || '');
    fs.readFile(encoding ? `${file}.${encoding.ext}` : file, (err, data) => {
      if (err) {
        res.writeHead(404, {'Content-Type': 'text/plain'});
        if (!quiet) console.log(`404 ${rel}`);
        return res.end('not found');
      }
      const headers = {'Content-Type': kTypes[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
                       'Vary': 'Accept-Encoding'};
      if (encoding) headers['Content-Encoding'] = encoding.name;
      if (csp) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args[0];
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
  if (!dir || !fs.existsSync(dir)) { console.error(`serve.mjs: no such folder: ${dir}`); process.exit(2); }
  const server = await startServer(dir, {port: Number(opt('--port', 8080)), csp: opt('--csp', null), quiet: args.includes('--quiet')});
  console.log(`SkinDepth demo: http://127.0.0.1:${server.address().port}/`);
}
