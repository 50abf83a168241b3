// The start (issue 18): the widget's room shows a poster of the skin until the first frame, and
// nothing moves when the live drawing replaces it; the module is fetched only after the host page's
// load event and first paint (never on its critical path); a widget far down the page starts when
// the browser is idle; the poster is drawn from the content's own layer thicknesses.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {open, serve, useSite, shot, root, site as siteDir, kPhone, kDesktop, isSkin} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const site = useSite();
const kIndex = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');

test('the poster fills the widget\'s room until the first frame, and nothing moves when the widget replaces it', async () => {
  for (const [name, vp] of [['phone', kPhone], ['desktop', kDesktop]]) {
    const context = await site.browser.newContext({viewport: {width: vp.width, height: vp.height}, deviceScaleFactor: vp.deviceScaleFactor,
                                                   isMobile: !!vp.isMobile, hasTouch: !!vp.hasTouch});
    // The WebAssembly is held back until the poster has been looked at.
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route('**/skindepth-core.wasm', async (route) => { await held; await route.continue(); });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__shifts += e.value; })).observe({type: 'layout-shift', buffered: true});
    });
    await page.goto(site.url);
    const frame = page.locator('#skindepth-main .sd-frame');
    await frame.waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('#skindepth-main', 'data-ready'), null, 'the module is held back');
    // Where the frame is on the page (not in the viewport: a screenshot scrolls it into view).
    const box = () => frame.evaluate((e) => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; });
    const before = await box();
    const png = await frame.screenshot();
    fs.writeFileSync(shot(`start-poster-${name}.png`), png);
    const img = decodePng(png);
    const skin = countPixels(img, isSkin) / (img.width * img.height);
    const fat = countPixels(img, (r, g, b) => r > 240 && g > 200 && b < 190) / (img.width * img.height);
    assert.ok(skin > 0.08, `${name}: the poster's dermis shows (${(skin * 100).toFixed(1)}% skin colours)`);
    assert.ok(fat > 0.2, `${name}: the poster's fat shows (${(fat * 100).toFixed(1)}%)`);
    assert.match(await page.locator('#skindepth-main .sd-status').textContent(), /Loading/);
    release();
    await page.waitForSelector('#skindepth-main[data-drawn="true"]', {timeout: 60000});
    const after = await box();
    assert.deepEqual(after, before, `${name}: the frame did not move or change size`);
    assert.equal(await page.evaluate(() => window.__shifts), 0, `${name}: no layout shift`);
    assert.ok(await page.locator('#skindepth-main .sd-status').isHidden(), 'the poster and its words are gone once the widget draws');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the module is fetched after the page\'s load event and first paint, and the widget still reaches ready', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
    const start = (name) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(name))?.startTime;
    return {load: nav.loadEventEnd, fcp: fcp && fcp.startTime, wasm: start('/skindepth-core.wasm'), core: start('/skindepth-core.js'),
            script: start('/skindepth.js'), poster: start('/skindepth-poster.svg')};
  });
  assert.ok(t.wasm !== undefined && t.core !== undefined, JSON.stringify(t));
  assert.ok(t.wasm >= t.load && t.core >= t.load, `after the load event: ${JSON.stringify(t)}`);
  assert.ok(t.fcp !== undefined && t.wasm >= t.fcp && t.core >= t.fcp, `after the first paint: ${JSON.stringify(t)}`);
  assert.ok(t.poster < t.fcp, `the poster comes with the page's own files: ${JSON.stringify(t)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget far down the page starts when the browser is idle, without being scrolled to', async () => {
  const far = kIndex.replace('<section class="spa-widget"', '<div style="height: 4000px"></div><section class="spa-widget"');
  const s = await serve({overrides: {'/': {status: 200, type: 'text/html', body: far}}});
  try {
    const {context, page, errors} = await open(site.browser, s.url, kDesktop, {waitFor: '[data-ready="true"]'});
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.ok(!(await page.locator('#skindepth-main').isVisible() && await page.evaluate(() =>
      document.getElementById('skindepth-main').getBoundingClientRect().top < innerHeight)), 'the widget is out of view');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    s.server.close();
  }
});

test('the poster is small and drawn from the content: its fat begins where the default area\'s dermis ends', () => {
  const svg = fs.readFileSync(path.join(siteDir, 'skindepth-poster.svg'));
  assert.ok(svg.length < 8192, `${svg.length} bytes`);
  assert.ok(zlib.gzipSync(svg, {level: 9}).length < 2048, 'under 2 KB on the wire');
  const cheeks = JSON.parse(fs.readFileSync(path.join(root, 'content/areas.json'), 'utf8')).areas.find((a) => a.id === 'cheeks');
  const t = cheeks.thickness_mm;
  const dermisEnd = t.stratum_corneum + t.epidermis + t.papillary_dermis + t.reticular_dermis;
  const y = Math.round(((dermisEnd + 0.3) / 3.0) * 1000 * 10) / 10;  // scripts/poster.mjs: -0.3 mm to 2.7 mm over 1,000 units
  assert.ok(svg.toString().includes(`<rect y="${y}"`), `a layer starts at y=${y} (${dermisEnd} mm)`);
});

// The GPU worker (web/skindepth-gpu.js) tells the start when the browser's GPU side is free; the widget
// makes its WebGL2 context then. It is a help, never a condition: missing, failing or silent, the
// widget starts all the same.
test('the GPU worker answers once awake, after each round trip and each link; the widget starts without it or when it falls silent', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone, {waitFor: '[data-ready="true"]'});
  const answers = await page.evaluate(() => new Promise((resolve) => {
    const w = new Worker('skindepth-gpu.js'), got = [];
    const ok = 'out vec4 c; void main() { c = vec4(1.0); }', bad = 'out vec4 c; void main() { c = nothing; }';
    const vs = '#version 300 es\nvoid main() { gl_Position = vec4(0.0); }', fs = (body) => '#version 300 es\nprecision mediump float;\n' + body;
    const questions = [0, {link: [[vs, fs(ok)], [vs, fs(bad)]]}, 0];
    w.onmessage = (e) => {
      got.push(e.data);
      if (questions.length) w.postMessage(questions.shift());
      else { w.terminate(); resolve(got); }
    };
  }));
  assert.deepEqual(answers, [{awake: true}, {idle: true}, {linked: [true, false]}, {idle: true}],
                   'awake (WebGL2 in the worker), then one answer per question, in order');
  assert.deepEqual(errors, []);
  await context.close();
  const kinds = {
    missing: {status: 404, type: 'text/plain', body: 'not here'},
    broken: {status: 200, type: 'text/javascript', body: 'throw new Error("broken worker");'},
    silent: {status: 200, type: 'text/javascript', body: '// says nothing'},
    'awake, then silent': {status: 200, type: 'text/javascript', body: 'postMessage({awake: true});'},
  };
  for (const [kind, response] of Object.entries(kinds)) {
    const s = await serve({overrides: {'/skindepth-gpu.js': response}});
    try {
      const t0 = Date.now();
      const {context, page} = await open(site.browser, s.url, kPhone, {waitFor: '[data-drawn="true"]'});
      assert.equal(await page.getAttribute('#skindepth-main', 'data-error'), null, kind);
      assert.ok(Date.now() - t0 < 30000, `${kind}: started in ${Date.now() - t0} ms`);
      await context.close();
    } finally {
      s.server.close();
    }
  }
});
