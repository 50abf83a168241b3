// Writes FILE.gz and FILE.br (Brotli, quality 11) beside every text and wasm file of a built site, for a
// server to send as they are (scripts/serve.mjs does; the README gives nginx, Apache and CDN settings).
// The gzip is Debian's zopfli where it is installed (scripts/setup installs it): a gzip stream any
// browser reads, about 5 % smaller than gzip -9 (the wasm: 17 KB less); else node's zlib at level 9.
// With --report, prints each file's raw, gzip and Brotli size and the totals.
// usage: node scripts/compress.mjs DIR [--report]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {execFileSync} from 'node:child_process';

const kZopfli = ['/usr/bin/zopfli', '/usr/local/bin/zopfli'].find((p) => fs.existsSync(p));

// gzip of `file`'s bytes `data`: zopfli's when there is one (15 iterations: 2 s for the wasm).
function gzip(file, data) {
  if (kZopfli) return execFileSync(kZopfli, ['--i15', '-c', file], {maxBuffer: 64 << 20});
  return zlib.gzipSync(data, {level: 9});
}

const kCompressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.ics']);

export function compressibleFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...compressibleFiles(p));
    else if (kCompressible.has(path.extname(entry.name))) out.push(p);
  }
  return out.sort();
}

export function compress(file) {
  const data = fs.readFileSync(file);
  const text = path.extname(file) !== '.wasm';
  const gz = gzip(file, data);
  const br = zlib.brotliCompressSync(data, {params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length}});
  fs.writeFileSync(`${file}.gz`, gz);
  fs.writeFileSync(`${file}.br`, br);
  return {raw: data.length, gz: gz.length, br: br.length};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) { console.error(`compress.mjs: no such folder: ${dir}`); process.exit(2); }
  const report = process.argv.includes('--report');
  const row = (name, a, b, c) => console.log(`${name.padEnd(32)} ${[a, b, c].map((v) => String(v).padStart(9)).join(' ')}`);
  const total = {raw: 0, gz: 0, br: 0};
  if (report) row('file', 'raw', 'gzip', 'brotli');
  for (const file of compressibleFiles(dir)) {
    const s = compress(file);
    for (const k of Object.keys(total)) total[k] += s[k];
    if (report) row(path.relative(dir, file), s.raw, s.gz, s.br);
  }
  if (report) row('total', total.raw, total.gz, total.br);
}
