// Browser test harness: serves build/wasm/site on a free loopback port and drives Debian's
// Chromium through playwright-core (never a downloaded browser). Collects console errors.
import {before, after} from 'node:test';
import {chromium} from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {startServer} from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const site = path.join(root, 'build/wasm/site');
export const artifacts = path.join(root, 'test-results');
fs.mkdirSync(artifacts, {recursive: true});

export const kPhone = {width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true};
export const kDesktop = {width: 1440, height: 900, deviceScaleFactor: 1};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic', '--disable-features=Translate,MediaRouter'],
  });
}

export async function serve(options = {}) {
  if (!fs.existsSync(path.join(site, 'skindepth-core.wasm')))
    throw new Error(`no built site at ${site}: run scripts/build-widget first`);
  const server = await startServer(site, {port: 0, quiet: true, ...options});
  return {server, url: `http://127.0.0.1:${server.address().port}/`};
}

// Opens `url` in a new context; returns the page and the list of console errors seen.
export async function open(browser, url, viewport = kDesktop, {waitReady = true, blockOtherHosts = true} = {}) {
  const context = await browser.newContext({
    viewport: {width: viewport.width, height: viewport.height},
    deviceScaleFactor: viewport.deviceScaleFactor || 1, isMobile: !!viewport.isMobile, hasTouch: !!viewport.hasTouch,
  });
  const errors = [], requests = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  if (blockOtherHosts) {
    // Every request that is not to the test server fails (no network in the widget's path).
    await context.route((u) => !u.href.startsWith(url.replace(/\/[^/]*$/, '/').replace(/\/$/, '')), (r) => r.abort());
  }
  await page.goto(url);
  // Ready: the first frame (the interface); drawn: the skin picture too (its shader compiles meanwhile).
  if (waitReady) await page.waitForSelector('[data-drawn="true"]', {timeout: 60000});
  return {context, page, errors, requests};
}

// Waits until the widget has drawn the frames its last change asked for: two rounds of
// requestAnimationFrame in the page, then a little more (software GL frames are slow here).
export async function settle(page, ms = 300) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.waitForTimeout(ms);
}

export function shot(name) { return path.join(artifacts, name); }

// Polls the first widget's state until `predicate(state)` holds (or the timeout); returns the state.
export async function waitForState(page, predicate, timeout = 15000) {
  const start = Date.now();
  let state;
  for (;;) {
    state = await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'getState', includeAnswers: true}).then((r) => r.state));
    if (predicate(state) || Date.now() - start > timeout) return state;
    await page.waitForTimeout(100);
  }
}

// One browser and one server for a test file: call at the top level of the file; the returned
// object's `browser` and `url` are set once the file's tests start.
export function useSite(options = {}) {
  const site = {browser: null, server: null, url: null};
  before(async () => {
    site.browser = await launch();
    const s = await serve(options);
    site.server = s.server;
    site.url = s.url;
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

// Answers of a patient with no contraindication (the questionnaire's vocabulary).
export const kHealthyAnswers = Object.freeze({
  concerns: ['acne_scars'], area: 'cheeks', severity: 'moderate', fitzpatrick: 2, age: 34,
  active_infection: false, open_wounds: false, active_acne_on_area: false, eczema_or_psoriasis_on_area: false,
  rosacea_flare: false, sunburn_or_tan_last_7_days: false, retinoid_last_7_days: false,
  isotretinoin_last_6_months: false, blood_thinners_or_bleeding_disorder: false, pregnant_or_breastfeeding: false,
  cancer_treatment_now: false, diabetes: false, keloid_history: false,
});
