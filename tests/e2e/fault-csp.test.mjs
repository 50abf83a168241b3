// Fault: a strict Content-Security-Policy and no network. The page is served with
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'` and every other host blocked: the
// widget is ready, draws, logs nothing and asks no other origin for anything.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, useSite, look} from './harness.mjs';

const site = useSite({csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"});

test('strict CSP (default-src \'self\') and every other host blocked: ready, no console error, no request elsewhere', async () => {
  const {context, page, errors, requests} = await open(site.browser, site.url);
  const origin = new URL(site.url).origin;
  await page.evaluate(() => SkinDepth.instances[0].setArea('forehead'));
  await settle(page);
  const seen = await look(page, 'fault-csp');
  assert.ok(seen.skin > 0.12, `drawn under the CSP (${(seen.skin * 100).toFixed(1)}% skin)`);
  const headers = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
  assert.match(headers, /default-src 'self'/, 'the page really was served with the policy');
  assert.deepEqual(errors, []);
  assert.ok(requests.length >= 5, `${requests.length} requests`);
  assert.deepEqual(requests.filter((r) => new URL(r).origin !== origin), [], 'no request to another origin');
  await context.close();
});
