// The built site carries .br and .gz beside each file (scripts/compress.mjs) and scripts/serve.mjs sends
// them by Accept-Encoding (issue 18): each copy decompresses to its file, the server picks Brotli, then
// gzip, never a copy older than its file, and the demo page in Chromium loads the wasm in Brotli. Prints
// the bytes on the wire for the demo page.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {open, kDesktop, useSite, site as siteDir} from './harness.mjs';
import {startServer} from '../../scripts/serve.mjs';
import {compressibleFiles} from '../../scripts/compress.mjs';

const site = useSite();

test('every file of the site has a .br and a .gz that decompress to it', () => {
  const files = compressibleFiles(siteDir);
  assert.ok(files.some((f) => f.endsWith('skindepth-core.wasm')) && files.length > 10, files.join(' '));
  for (const file of files) {
    const data = fs.readFileSync(file);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).equals(data), `${file}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).equals(data), `${file}.gz`);
  }
});

async function get(url, acceptEncoding) {
  // node's fetch would decompress: ask with http and read the bytes as sent.
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http.get(url, {headers: {'Accept-Encoding': acceptEncoding}}, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({encoding: res.headers['content-encoding'] ?? 'identity', vary: res.headers.vary,
                                   type: res.headers['content-type'], body: Buffer.concat(chunks)}));
    }).on('error', reject);
  });
}

test('the server sends Brotli, then gzip, by Accept-Encoding, and never a stale copy', async () => {
  const wasm = fs.readFileSync(path.join(siteDir, 'skindepth-core.wasm'));
  const url = `${site.url}skindepth-core.wasm`;
  const br = await get(url, 'gzip, deflate, br');
  assert.equal(br.encoding, 'br');
  assert.equal(br.type, 'application/wasm');
  assert.equal(br.vary, 'Accept-Encoding');
  assert.ok(zlib.brotliDecompressSync(br.body).equals(wasm));
  const gz = await get(url, 'gzip');
  assert.equal(gz.encoding, 'gzip');
  assert.ok(zlib.gunzipSync(gz.body).equals(wasm));
  assert.equal((await get(url, 'br;q=0, gzip')).encoding, 'gzip', 'q=0 refuses Brotli');
  const plain = await get(url, '');
  assert.equal(plain.encoding, 'identity');
  assert.ok(plain.body.equals(wasm));
  console.log(`skindepth-core.wasm: ${wasm.length} bytes raw, ${gz.body.length} gzip, ${br.body.length} Brotli`);

  // A copy older than its file (a file edited after the build) is not sent.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-serve-'));
  fs.writeFileSync(path.join(dir, 'a.js'), 'new();');
  fs.writeFileSync(path.join(dir, 'a.js.br'), zlib.brotliCompressSync('old();'));
  const past = new Date(Date.now() - 60000);
  fs.utimesSync(path.join(dir, 'a.js.br'), past, past);
  const server = await startServer(dir, {port: 0, quiet: true});
  const stale = await get(`http://127.0.0.1:${server.address().port}/a.js`, 'br');
  server.close();
  fs.rmSync(dir, {recursive: true});
  assert.equal(stale.encoding, 'identity');
  assert.equal(stale.body.toString(), 'new();');
});

// The first load finishes before the reload whose responses are counted: a response of the first load
// cut off by the reload never reports its sizes (the file hung once in CI waiting for one).
test('the demo page loads compressed: bytes on the wire', {timeout: 120000}, async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.reload();
  await page.waitForSelector('[data-drawn="true"]', {timeout: 60000});
  let wire = 0;
  const rows = [];
  for (const r of responses) {
    const sizes = await r.request().sizes();
    wire += sizes.responseBodySize;
    rows.push(`${new URL(r.url()).pathname} ${sizes.responseBodySize} (${(await r.allHeaders())['content-encoding'] ?? 'identity'})`);
  }
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.equal((await wasm.allHeaders())['content-encoding'], 'br');
  console.log(`demo page on the wire: ${wire} bytes in ${responses.length} responses: ${rows.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
