// Browser test harness: serves build/wasm/site on a free loopback port and drives Debian's
// Chromium through playwright-core (never a downloaded browser). Collects console errors and the
// widget's events; the helpers every test file shares (commands, state, frames, pixels).
import {before, after} from 'node:test';
import assert from 'node:assert/strict';
import {chromium} from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {startServer} from '../../scripts/serve.mjs';
import {decodePng, countPixels} from './png.mjs';

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

// Opens `url` in a new context; returns the page, the console errors seen and the requests made.
// Every widget event of kRecordedEvents is recorded from the start, before the page's own scripts
// (content errors are reported before a host could add a listener): read them with events().
// `initScript` ({fn, arg}) also runs before the page's scripts; `waitFor` is the selector that says
// the page is ready (null: do not wait). Requests to any other origin fail: there is no network in
// the widget's path.
export async function open(browser, url, viewport = kDesktop, {waitFor = '[data-drawn="true"]', initScript = null} = {}) {
  const context = await browser.newContext({
    viewport: {width: viewport.width, height: viewport.height},
    deviceScaleFactor: viewport.deviceScaleFactor || 1, isMobile: !!viewport.isMobile, hasTouch: !!viewport.hasTouch,
  });
  const origin = new URL(url).origin;
  await context.route((u) => u.origin !== origin, (r) => r.abort());
  await context.addInitScript((names) => {
    window.__sdEvents = [];
    for (const name of names)
      window.addEventListener(`skindepth:${name}`, (e) => window.__sdEvents.push({name, detail: e.detail}), true);
  }, kRecordedEvents);
  if (initScript) await context.addInitScript(initScript.fn, initScript.arg);
  const errors = [], requests = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  // Ready: the first frame (the interface); drawn: the skin picture too (its shader compiles meanwhile).
  if (waitFor) {
    await page.waitForSelector(waitFor, {timeout: 60000}).catch(async (e) => {
      const status = await page.evaluate(() => document.querySelector('[data-skindepth]')?.textContent).catch(() => '?');
      throw new Error(`not ready: ${e.message}\nwidget says: ${status}\nconsole: ${errors.join('\n')}`);
    });
  }
  return {context, page, errors, requests};
}
const kRecordedEvents = ['error', 'ready', 'contextrestored'];

// The first widget's recorded events of one name (see open()), their details in order.
export const events = (page, name) => page.evaluate((n) => window.__sdEvents.filter((e) => e.name === n).map((e) => e.detail), name);
// A command to the page's first widget through the public API; its reply.
export const command = (page, cmd) => page.evaluate((c) => SkinDepth.instances[0].command(c), cmd);
export const fullState = async (page) => (await command(page, {cmd: 'getState', includeAnswers: true})).state;
export const stats = (page) => command(page, {cmd: 'getStats'});

// Waits until the first widget has drawn more than `moreThan` frames.
export async function waitForFrames(page, moreThan, timeout = 20000) {
  await page.waitForFunction((n) => JSON.parse(SkinDepth.instances[0].module.ccall('sd_command', 'string', ['string'],
    ['{"cmd":"getStats"}'])).frames_drawn > n, moreThan, {timeout, polling: 100});
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
    state = await fullState(page);
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

// Answers of a patient with no contraindication (the questionnaire's vocabulary): the fixture the
// native tests read too (tests/fixtures.h).
export const kHealthyAnswers = Object.freeze(
  JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/healthy_answers.json'), 'utf8')).answers);

// --- Looking at the drawing ----------------------------------------------------------------------
// Skin tones of the drawing: warm pinks and beiges (r high, r > g > b).
export const isSkin = (r, g, b) => r > 170 && r > g + 15 && g > b - 10 && b < 215;

// How many distinct colours (5 bits a channel, every 37th pixel): an illustration has many.
export function distinctColours(img) {
  const colours = new Set();
  for (let i = 0; i < img.data.length; i += 4 * 37) colours.add((img.data[i] >> 3) << 10 | (img.data[i + 1] >> 3) << 5 | img.data[i + 2] >> 3);
  return colours.size;
}

// What the first widget's canvas shows, saved as test-results/<name>.png: the share of skin-coloured
// pixels, how many distinct colours, and its size.
export async function look(page, name) {
  const png = await page.locator('[data-skindepth] canvas').first().screenshot();
  fs.writeFileSync(shot(`${name}.png`), png);
  const img = decodePng(png);
  return {skin: countPixels(img, isSkin) / (img.width * img.height), colours: distinctColours(img), width: img.width, height: img.height};
}

// A state the widget could be in: a known area, a needle on its 0.25 mm steps, a known view.
export const kViews = ['cross_section', 'timeline', 'questionnaire'];
export const areaIds = () => JSON.parse(fs.readFileSync(path.join(site, 'content/areas.json'), 'utf8')).areas.map((a) => a.id);
export function assertValidState(state) {
  assert.ok(areaIds().includes(state.area), `area ${state.area}`);
  assert.ok(state.needle_mm >= 0.25 && state.needle_mm <= 2.5, `needle ${state.needle_mm}`);
  assert.ok(Math.abs(state.needle_mm / 0.25 - Math.round(state.needle_mm / 0.25)) < 1e-9, `needle ${state.needle_mm} on a 0.25 mm step`);
  assert.ok(kViews.includes(state.view), `view ${state.view}`);
  assert.ok(Number.isFinite(state.time_hours) && state.time_hours >= 0, `time ${state.time_hours}`);
}
