// Faults in the browser: the widget keeps working and says clearly what is wrong when the WebGL
// context is lost, the content is missing or broken, the canvas is tiny or huge, the tab sleeps,
// a monkey hammers it, it runs for a long time, and the page has a strict CSP and no network.
// The soak runs SOAK_SECONDS (default 60); the long form is
//   SOAK_SECONDS=600 node --test tests/e2e/faults.test.mjs
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {launch, serve, settle, shot, site, kPhone, kDesktop} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const kAreaIds = JSON.parse(fs.readFileSync(path.join(site, 'content/areas.json'), 'utf8')).areas.map((a) => a.id);
const kViews = ['cross_section', 'timeline', 'questionnaire'];
const kSoakSeconds = Number(process.env.SOAK_SECONDS || 60);

let browser, server, url;
before(async () => {
  browser = await launch();
  ({server, url} = await serve());
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Like harness.open, plus a script that runs before the page's own: it records every widget event
// from the start (content errors are reported before a host could add a listener).
async function openPage(pageUrl, viewport = kDesktop, {initScript = null, waitFor = '[data-drawn="true"]'} = {}) {
  const context = await browser.newContext({
    viewport: {width: viewport.width, height: viewport.height},
    deviceScaleFactor: viewport.deviceScaleFactor || 1, isMobile: !!viewport.isMobile, hasTouch: !!viewport.hasTouch,
  });
  const origin = new URL(pageUrl).origin;
  await context.route((u) => u.origin !== origin, (r) => r.abort());
  await context.addInitScript(() => {
    window.__sdEvents = [];
    for (const name of ['error', 'ready', 'contextrestored'])
      window.addEventListener(`skindepth:${name}`, (e) => window.__sdEvents.push({name, detail: e.detail}), true);
  });
  if (initScript) await context.addInitScript(initScript.fn, initScript.arg);
  const errors = [], requests = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pageUrl);
  await page.waitForSelector(waitFor, {timeout: 60000}).catch(async (e) => {
    const status = await page.evaluate(() => document.querySelector('#skindepth-main')?.textContent).catch(() => '?');
    throw new Error(`not ready: ${e.message}\nwidget says: ${status}\nconsole: ${errors.join('\n')}`);
  });
  return {context, page, errors, requests};
}

const command = (page, cmd) => page.evaluate((c) => SkinDepth.instances[0].command(c), cmd);
const fullState = async (page) => (await command(page, {cmd: 'getState', includeAnswers: true})).state;
const stats = (page) => command(page, {cmd: 'getStats'});
const events = (page, name) => page.evaluate((n) => window.__sdEvents.filter((e) => e.name === n).map((e) => e.detail), name);

// Skin tones of the drawing (as in widget.test.mjs): warm pinks and beiges.
const isSkin = (r, g, b) => r > 170 && r > g + 15 && g > b - 10 && b < 215;

async function waitForFrames(page, moreThan, timeout = 20000) {
  await page.waitForFunction((n) => JSON.parse(SkinDepth.instances[0].module.ccall('sd_command', 'string', ['string'],
    ['{"cmd":"getStats"}'])).frames_drawn > n, moreThan, {timeout, polling: 100});
}

// What the canvas shows: the share of skin-coloured pixels and how many distinct colours.
async function look(page, name) {
  const png = await page.locator('#skindepth-main canvas').screenshot();
  fs.writeFileSync(shot(`faults-${name}.png`), png);
  const img = decodePng(png);
  const colours = new Set();
  for (let i = 0; i < img.data.length; i += 4 * 37) colours.add((img.data[i] >> 3) << 10 | (img.data[i + 1] >> 3) << 5 | img.data[i + 2] >> 3);
  return {skin: countPixels(img, isSkin) / (img.width * img.height), colours: colours.size, width: img.width, height: img.height};
}

// A state the widget could be in: a known area, a needle on its 0.25 mm steps, a known view.
function assertValidState(state) {
  assert.ok(kAreaIds.includes(state.area), `area ${state.area}`);
  assert.ok(state.needle_mm >= 0.25 && state.needle_mm <= 2.5, `needle ${state.needle_mm}`);
  assert.ok(Math.abs(state.needle_mm / 0.25 - Math.round(state.needle_mm / 0.25)) < 1e-9, `needle ${state.needle_mm} on a 0.25 mm step`);
  assert.ok(kViews.includes(state.view), `view ${state.view}`);
  assert.ok(Number.isFinite(state.time_hours) && state.time_hours >= 0, `time ${state.time_hours}`);
}

// --- 1. WebGL context lost and restored --------------------------------------------------------
test('WebGL context lost: an error event, state kept; restored: draws the skin again with the same state', async () => {
  const {context, page, errors} = await openPage(url);
  await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.setArea('forehead');
    await w.setNeedleLength(0.75);
    await w.command({cmd: 'answer', key: 'age', value: 41});
    await w.command({cmd: 'answer', key: 'fitzpatrick', value: 3});
    await w.command({cmd: 'setCourse', sessions: 4, everyWeeks: 5});
  });
  await settle(page);
  const before = await fullState(page);
  assert.equal(before.answers.age, 41, 'the answers are in the state to compare');
  await page.evaluate(() => {
    const gl = SkinDepth.instances[0].canvas.getContext('webgl2');
    window.__loseContext = gl.getExtension('WEBGL_lose_context');
    window.__loseContext.loseContext();
  });
  await page.waitForFunction(() => window.__sdEvents.some((e) => e.name === 'error' && e.detail.kind === 'webgl_context_lost'), null, {timeout: 10000});
  const lost = await events(page, 'error');
  assert.equal(lost.length, 1);
  assert.ok(lost[0].message.length > 10, `says what happened: ${lost[0].message}`);
  let s = await stats(page);
  assert.equal(s.context_lost, true);
  const framesWhileLost = s.frames_drawn;
  await page.waitForTimeout(500);
  assert.equal((await stats(page)).frames_drawn, framesWhileLost, 'no drawing into a lost context');
  assert.deepEqual(await fullState(page), before, 'state kept while the context is lost');

  await page.evaluate(() => window.__loseContext.restoreContext());
  await page.waitForFunction(() => window.__sdEvents.some((e) => e.name === 'contextrestored'), null, {timeout: 10000});
  await waitForFrames(page, framesWhileLost);
  await settle(page, 500);
  s = await stats(page);
  assert.equal(s.context_lost, false);
  assert.ok(s.frames_drawn > framesWhileLost, `frames drawn grew: ${framesWhileLost} -> ${s.frames_drawn}`);
  const seen = await look(page, 'context-restored');
  assert.ok(seen.skin > 0.12, `skin colours cover ${(seen.skin * 100).toFixed(1)}% after the restore`);
  assert.ok(seen.colours > 200, `${seen.colours} distinct colours after the restore`);
  assert.deepEqual(await fullState(page), before, 'state unchanged after the restore');
  // The widget still acts on commands after the restore.
  const after = await page.evaluate(() => SkinDepth.instances[0].setNeedleLength(1.5).then((r) => r.state));
  assert.equal(after.needle_mm, 1.5);
  const allowed = ['SkinDepth: the WebGL context was lost; waiting for the browser to restore it'];
  assert.deepEqual(errors.filter((e) => !allowed.includes(e)), [], 'no console error but the loss itself');
  assert.equal(errors.length, 1, 'the loss is said once on the console');
  await context.close();
});

// --- 1b. A shader the graphics driver refuses --------------------------------------------------
// Runs before the page: the program whose shaders contain `marker` reports a failed link, its
// fragment shader a compile error, as a driver that cannot handle it would.
function refuseShader(marker) {
  const P = WebGL2RenderingContext.prototype;
  const {shaderSource, attachShader, getProgramParameter, getShaderParameter, getShaderInfoLog} = P;
  P.shaderSource = function (shader, src) { shader.__refused = src.includes(marker); return shaderSource.call(this, shader, src); };
  P.attachShader = function (program, shader) { if (shader.__refused) program.__refused = true; return attachShader.call(this, program, shader); };
  P.getProgramParameter = function (program, pname) {
    if (program && program.__refused && pname === this.LINK_STATUS) return false;
    return getProgramParameter.call(this, program, pname);
  };
  P.getShaderParameter = function (shader, pname) {
    if (shader && shader.__refused && pname === this.COMPILE_STATUS) return false;
    return getShaderParameter.call(this, shader, pname);
  };
  P.getShaderInfoLog = function (shader) {
    return shader && shader.__refused ? 'ERROR: 0:1: too complex for this driver (simulated)' : getShaderInfoLog.call(this, shader);
  };
}

test('the skin shader refused by the driver: the interface still works, a notice and an error name it, no crash', async () => {
  const {context, page, errors} = await openPage(url, kDesktop, {initScript: {fn: refuseShader, arg: 'u_look0'}, waitFor: '[data-ready="true"]'});
  await page.waitForFunction(() => window.__sdEvents.some((e) => e.name === 'error' && e.detail.kind === 'shader'), null, {timeout: 20000});
  const reported = (await events(page, 'error')).filter((e) => e.kind === 'shader');
  assert.equal(reported.length, 1, 'said once');
  assert.match(reported[0].message, /skin\.frag.*too complex for this driver/);
  const state = await fullState(page);
  assert.ok(state.notices.some((n) => n.includes('could not draw the skin illustration')), state.notices.join(' | '));
  assert.equal(await page.getAttribute('#skindepth-main', 'data-drawn'), null, 'never says the picture is drawn');
  // Everything else works: a command changes the state and the interface is drawn (text and panels).
  const forehead = await page.evaluate(() => SkinDepth.instances[0].setArea('forehead').then((r) => r.state));
  assert.equal(forehead.area, 'forehead');
  await settle(page, 500);
  const seen = await look(page, 'skin-shader-refused');
  assert.ok(seen.colours > 20, `the interface is drawn: ${seen.colours} distinct colours`);
  assert.ok(seen.skin < 0.05, `no skin picture: ${(seen.skin * 100).toFixed(1)}% skin colours`);
  assert.ok(errors.some((e) => e.startsWith('SkinDepth') && e.includes('skin.frag')), errors.join('\n'));
  assert.deepEqual(errors.filter((e) => !e.startsWith('SkinDepth')), [], 'no other console error');
  await context.close();
});

test('the interface shader refused by the driver: the page says the widget could not start, no crash', async () => {
  const {context, page, errors} = await openPage(url, kDesktop, {initScript: {fn: refuseShader, arg: 'u_alpha_only'}, waitFor: '[data-error]'});
  const message = await page.getAttribute('#skindepth-main', 'data-error');
  assert.match(message, /graphics could not draw the widget/);  // plain words on the page
  assert.ok(errors.some((e) => e.startsWith('SkinDepth') && e.includes('imgui.frag')), errors.join('\n'));  // details in the console
  assert.match(await page.locator('#skindepth-main').innerText(), /could not start/);
  const reported = (await events(page, 'error')).filter((e) => e.kind === 'startup');
  assert.equal(reported.length, 1, 'said once');
  assert.equal(await page.getAttribute('#skindepth-main', 'data-ready'), null, 'never "ready"');
  await page.waitForTimeout(500);
  assert.equal((await events(page, 'error')).length, 1, 'not repeated frame after frame');
  assert.ok(errors.every((e) => e.startsWith('SkinDepth')), errors.join('\n'));
  await context.close();
});

// --- 2. Content missing, garbage or invalid ----------------------------------------------------
function invalidAreas() {
  const doc = JSON.parse(fs.readFileSync(path.join(site, 'content/areas.json'), 'utf8'));
  const first = doc.areas[0];
  const layer = Object.keys(first.thickness_mm)[1];
  first.thickness_mm[layer] = -0.1;
  return {body: JSON.stringify(doc), pointer: new RegExp(`^/areas/0/thickness_mm/${layer}$`)};
}

const kInvalidAreas = invalidAreas();
// The demo page uses the content built into the widget; a spa with its own content names its folder.
const kOwnContentPage = {status: 200, type: 'text/html',
  body: fs.readFileSync(path.join(site, 'index.html'), 'utf8').replace('data-skindepth', 'data-skindepth data-content="content/"')};
const contentCases = [
  ['a 404', {status: 404, body: 'not found', type: 'text/plain'}, /^$/, ['Failed to load resource: the server responded with a status of 404 (Not Found)']],
  ['garbage', {status: 200, body: '{"areas": ['}, /^$/, []],
  ['valid JSON with a negative thickness', {status: 200, body: kInvalidAreas.body}, kInvalidAreas.pointer, []],
];

for (const [name, override, pointer, browserErrors] of contentCases) {
  test(`areas.json is ${name}: the widget shows built-in content, a notice and an error naming the file`, async () => {
    const bad = await serve({overrides: {'/content/areas.json': override, '/': kOwnContentPage}});
    try {
      const {context, page, errors} = await openPage(bad.url);
      const state = await fullState(page);
      assert.ok(state.notices.length > 0, 'a notice is shown');
      assert.ok(state.notices.some((n) => n.includes('showing the built-in content')), state.notices.join(' | '));
      const reported = (await events(page, 'error')).filter((e) => e.kind === 'content_invalid');
      assert.equal(reported.length, 1, 'one content_invalid event');
      const forAreas = reported[0].errors.filter((e) => e.file === 'areas.json');
      assert.ok(forAreas.length > 0, `the event lists areas.json: ${JSON.stringify(reported[0].errors)}`);
      assert.ok(forAreas.some((e) => pointer.test(e.pointer)), `a pointer like ${pointer}: ${JSON.stringify(forAreas)}`);
      assert.ok(forAreas.every((e) => e.message.length > 0));
      assert.equal(reported[0].errors[0].file, 'areas.json', 'the broken file comes first');
      // Other files may only be blamed for what they lost with it (their references into areas.json).
      assert.ok(reported[0].errors.every((e) => e.file === 'areas.json' || e.message.includes('areas.json')), JSON.stringify(reported[0].errors));
      // The console names the file; every console error is the widget's or the browser's 404 line.
      assert.ok(errors.some((e) => e.startsWith('SkinDepth') && e.includes('areas.json')), errors.join('\n'));
      if (override.status === 404) assert.ok(errors.includes('SkinDepth content: areas.json: HTTP 404'), errors.join('\n'));
      assert.deepEqual(errors.filter((e) => !e.startsWith('SkinDepth') && !browserErrors.includes(e)), []);
      // The built-in content works: the cross-section answers for the forehead.
      const forehead = await page.evaluate(() => SkinDepth.instances[0].setArea('forehead').then((r) => r.state));
      assert.equal(forehead.area, 'forehead');
      assert.ok(['stratum_corneum', 'epidermis', 'papillary_dermis', 'reticular_dermis', 'subcutis'].includes(forehead.tip_layer), forehead.tip_layer);
      await settle(page);
      const seen = await look(page, `content-${name.split(' ')[0]}`);
      assert.ok(seen.skin > 0.1, `the skin is drawn (${(seen.skin * 100).toFixed(1)}%)`);
      await context.close();
    } finally {
      bad.server.close();
    }
  });
}

// --- 3. A tiny canvas and a huge one -----------------------------------------------------------
test('a 200x200 canvas: ready, drawn at that size, no console errors', async () => {
  const {context, page, errors} = await openPage(url);
  const framesBefore = (await stats(page)).frames_drawn;
  await page.evaluate(() => {
    document.querySelector('#skindepth-main .sd-frame').style.cssText = 'width:200px;height:200px;min-height:0';
  });
  // 200 px less the frame's 1 px border on each side.
  await page.waitForFunction(() => {
    const c = document.querySelector('#skindepth-main canvas');
    return Math.abs(c.width - 198) <= 2 && Math.abs(c.height - 198) <= 2;
  }, null, {timeout: 10000, polling: 100});
  await waitForFrames(page, framesBefore);
  await settle(page, 500);
  const seen = await look(page, 'tiny');
  assert.ok(Math.abs(seen.width - 198) <= 2 && Math.abs(seen.height - 198) <= 2, `${seen.width}x${seen.height}`);
  assert.ok(seen.colours > 20, `${seen.colours} distinct colours in a 200x200 canvas`);
  assert.ok(seen.skin > 0.02, `some skin shows (${(seen.skin * 100).toFixed(1)}%)`);
  const state = await fullState(page);
  assertValidState(state);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 3840x2160 canvas: ready, drawn at that size, no console errors', async () => {
  const {context, page, errors} = await openPage(url, {width: 3840, height: 2160, deviceScaleFactor: 1});
  const framesBefore = (await stats(page)).frames_drawn;
  // The demo page keeps the widget in a column; the host here gives it the whole screen.
  await page.evaluate(() => {
    document.querySelector('#skindepth-main').style.cssText = 'position:fixed;left:0;top:0;width:3840px;height:2160px;z-index:10';
    document.querySelector('#skindepth-main .sd-frame').style.cssText = 'width:3840px;height:2160px;border:0;border-radius:0';
  });
  await page.waitForFunction(() => {
    const c = document.querySelector('#skindepth-main canvas');
    return c.width === 3840 && c.height === 2160;
  }, null, {timeout: 60000, polling: 200});
  await waitForFrames(page, framesBefore);
  await settle(page, 500);
  const seen = await look(page, 'huge');
  assert.ok(seen.skin > 0.12, `skin colours cover ${(seen.skin * 100).toFixed(1)}%`);
  assert.ok(seen.colours > 200, `${seen.colours} distinct colours`);
  assert.ok((await stats(page)).frames_drawn >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// --- 4. A tab hidden for minutes ---------------------------------------------------------------
test('a tab hidden for five minutes then shown: the timeline moves one frame, not to the end, and keeps playing', async () => {
  const {context, page, errors} = await openPage(url);
  const end = await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.setView('timeline');
    const e = (await w.setTime(1e9)).state.time_hours;
    await w.setTime(0);
    await w.command({cmd: 'setSpeed', speed: 1});
    await w.command({cmd: 'play'});
    return e;
  });
  assert.ok(end > 24 * 30, `the timeline runs for months (${end} h)`);
  await page.waitForTimeout(1000);
  // The tab goes to sleep: frames stop (requestAnimationFrame is held), the page says it is hidden,
  // and five minutes pass on the page's clock.
  const before = await page.evaluate(async () => {
    window.__heldFrames = [];
    window.__realRaf = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => { window.__heldFrames.push(cb); return 0; };
    // The pending frame runs and asks for the next one, which is held (software GL frames can be slow).
    for (let i = 0; i < 200 && window.__heldFrames.length === 0; ++i) await new Promise((r) => setTimeout(r, 25));
    Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
    Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
    document.dispatchEvent(new Event('visibilitychange'));
    return JSON.parse(SkinDepth.instances[0].module.ccall('sd_command', 'string', ['string'], ['{"cmd":"getState"}'])).state;
  });
  assert.equal(before.playing, true);
  await page.waitForTimeout(500);
  const afterOne = await page.evaluate(() => {
    const realNow = performance.now.bind(performance);
    performance.now = () => realNow() + 5 * 60 * 1000;
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
    // Shown again: one frame runs with a five-minute gap since the last.
    window.requestAnimationFrame = window.__realRaf;
    const held = window.__heldFrames.splice(0);
    held.forEach((cb) => cb(performance.now()));
    return {held: held.length,
            state: JSON.parse(SkinDepth.instances[0].module.ccall('sd_command', 'string', ['string'], ['{"cmd":"getState"}'])).state};
  });
  assert.ok(afterOne.held >= 1, 'the widget had a frame waiting');
  const position = (h) => Math.log1p(h / 0.05) / Math.log1p(end / 0.05);
  const moved = position(afterOne.state.time_hours) - position(before.time_hours);
  // At speed 1 the whole bar takes 24 s; one frame is at most 0.5 s of it (app::kMaxFrameSeconds: a
  // slow device's frames still count in full, a hidden tab's gap does not).
  assert.ok(moved >= 0 && moved <= 0.5 / 24 + 1e-6, `moved ${moved.toFixed(5)} of the bar after the gap (${before.time_hours} h -> ${afterOne.state.time_hours} h)`);
  assert.ok(afterOne.state.time_hours < end, 'not at the end');
  assert.equal(afterOne.state.playing, true);
  await page.waitForTimeout(1000);
  const later = (await fullState(page));
  assert.equal(later.playing, true, 'still playing');
  assert.ok(later.time_hours > afterOne.state.time_hours, `playback goes on: ${afterOne.state.time_hours} -> ${later.time_hours} h`);
  assert.deepEqual(errors, []);
  await context.close();
});

// --- 5. Monkey ---------------------------------------------------------------------------------
// mulberry32: a tiny seeded generator, so a failing run can be repeated exactly.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Text no host should send, straight into sd_command: it must answer {"ok": false, ...}, never abort.
const deep = (n, open, close) => open.repeat(n) + close.repeat(n);
const kRaw = ['{bad', '', 'null', '[]', '"cmd"', '{"cmd":5}', '{"cmd":"setArea","area":{"x":1}}', '{"cmd":"setArea"}',
              '{"cmd":"setNeedleLength","mm":1e999}', '\uD800', '{"cmd":"setArea","area":"\uD800"}', deep(3000, '[', ']'),
              '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), `{"cmd":"answer","key":"age","value":${deep(2000, '[', ']')}}`,
              '{"cmd":"getState"}{"cmd":"getState"}', '{"cmd":"getState","includeAnswers":"yes"}'];

function randomCommand(rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const number = () => pick([NaN, Infinity, -Infinity, -1, 0, 1e308, -1e308, 1e9, 0.1, 2.6, 1.2345, rnd() * 3, Math.round(rnd() * 10) / 4, '1', null, true, [], {}]);
  const text = () => pick(['elbow', '', 'forehead', 'cheeks', 'scalp', 'FOREHEAD', 'é', '\u0000', 'x'.repeat(5000), 42, null, ['forehead'], {}]);
  return pick([
    () => ({cmd: 'setArea', area: rnd() < 0.5 ? pick(kAreaIds) : text()}),
    () => ({cmd: 'setNeedleLength', mm: number()}),
    () => ({cmd: 'setCompareLength', mm: number()}),
    () => ({cmd: 'setCompare', on: pick([true, false, 1, 'yes'])}),
    () => ({cmd: 'setTime', hours: number()}),
    () => ({cmd: 'setSpeed', speed: number()}),
    () => ({cmd: 'setCourse', sessions: number(), everyWeeks: number()}),
    () => ({cmd: 'setView', view: pick([...kViews, 'plan', '', 'CROSS_SECTION', 7])}),
    () => ({cmd: 'setLanguage', language: pick(['en', 'es', 'fr', '', null])}),
    () => ({cmd: 'setMode', mode: pick(['patient', 'staff', 'admin', 3])}),
    () => ({cmd: pick(['stamp', 'play', 'pause', 'reset', 'getPlan', 'showPlan', 'bookClick', 'getState', 'getStats', 'nonsense', ''])}),
    () => ({cmd: 'getState', includeAnswers: pick([true, false, 'yes', 1, null, {}])}),
    () => ({cmd: 'stepTo', step: number()}),
    () => ({cmd: 'answer', key: pick(['age', 'fitzpatrick', 'area', 'concerns', 'pregnant_or_breastfeeding', 'shoe_size', '']),
            value: pick([34, -3, 200, 'cheeks', 'elbow', true, null, ['acne_scars'], ['x'], {}, number()])}),
    () => ({cmd: 'setAnswers', answers: pick([{}, {area: 'cheeks'}, {area: 42}, {concerns: 'acne_scars'}, [], null, {age: NaN}])}),
    () => ({cmd: 'setToday', date: pick(['2025-02-29', '2024-02-29', 'yesterday', '9999-99-99', 20250101])}),
    () => ({cmd: 'setBookLabel', label: text()}),
    () => ({cmd: 'export', kind: pick(['copy', 'ics', 'pdf', ''])}),
    () => ({cmd: 'setReducedMotion', on: pick([true, false, 'no'])}),
    () => ({cmd: 'setTheme', accent: pick(['#8c4a5c', '#2a6f97', 'red', '#12345g', 5, undefined]), radius: pick([undefined, 0.5, ...[number()]]),
            fontScale: pick([undefined, 1, 1.25, number()])}),
  ])();
}

// Plays a batch of monkey actions inside the page: DOM input events dispatched where the widget
// listens (the canvas, and the document for mouse-up), host commands through the public API, and
// raw text straight into sd_command. A frame passes every few actions so the widget sees them
// spread over frames as a person's input would be. Returns the messages of refused commands.
async function playInPage(actions) {
  const w = SkinDepth.instances[0];
  const canvas = w.canvas;
  const r = canvas.getBoundingClientRect();
  const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
  const refusals = [];
  const mouse = (type, x, y, button = 0, target = canvas) => target.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, view: window, clientX: r.left + x * r.width, clientY: r.top + y * r.height,
    screenX: r.left + x * r.width, screenY: r.top + y * r.height, button, buttons: type === 'mouseup' ? 0 : 1 << button}));
  const touch = (type, x, y, id) => {
    const t = new Touch({identifier: id, target: canvas, clientX: r.left + x * r.width, clientY: r.top + y * r.height,
                         pageX: r.left + x * r.width, pageY: r.top + y * r.height, screenX: r.left + x * r.width, screenY: r.top + y * r.height});
    const live = type === 'touchend' ? [] : [t];
    canvas.dispatchEvent(new TouchEvent(type, {bubbles: true, cancelable: true, touches: live, targetTouches: live, changedTouches: [t]}));
  };
  const key = (type, k) => {
    const e = new KeyboardEvent(type, {bubbles: true, cancelable: true, key: k.key, code: k.code, keyCode: k.keyCode,
                                       which: k.keyCode, charCode: type === 'keypress' ? k.keyCode : 0, shiftKey: !!k.shift});
    canvas.dispatchEvent(e);
  };
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (a.kind === 'move') mouse('mousemove', a.x, a.y);
    else if (a.kind === 'click') { mouse('mousedown', a.x, a.y, a.button); mouse('mouseup', a.x, a.y, a.button, document); }
    else if (a.kind === 'down') mouse('mousedown', a.x, a.y);
    else if (a.kind === 'up') mouse('mouseup', a.x, a.y, 0, document);
    else if (a.kind === 'wheel') canvas.dispatchEvent(new WheelEvent('wheel', {bubbles: true, cancelable: true, deltaY: a.dy, deltaMode: 0,
                                                                         clientX: r.left + a.x * r.width, clientY: r.top + a.y * r.height}));
    else if (a.kind === 'key') { key('keydown', a.key); if (a.key.key.length === 1) key('keypress', a.key); key('keyup', a.key); }
    else if (a.kind === 'touch') { touch('touchstart', a.x, a.y, a.id); if (a.dx) touch('touchmove', a.x + a.dx, a.y + a.dy, a.id); touch('touchend', a.x + (a.dx || 0), a.y + (a.dy || 0), a.id); }
    else if (a.kind === 'raw') {
      // Every raw text here is a mistake: the answer is a refusal, not a crash and not a success.
      const reply = JSON.parse(w.module.ccall('sd_command', 'string', ['string'], [a.raw]));
      if (reply.ok !== false || typeof reply.error !== 'string') throw new Error('not refused: ' + a.raw.slice(0, 60));
    } else if (a.kind === 'command') {
      try { await w.command(a.command); } catch (e) { refusals.push(e.message); }
    }
    if (i % 12 === 11) await frame();
  }
  await frame();
  return refusals;
}

const kKeys = [['Tab', 'Tab', 9], ['ArrowLeft', 'ArrowLeft', 37], ['ArrowRight', 'ArrowRight', 39], ['ArrowUp', 'ArrowUp', 38],
               ['ArrowDown', 'ArrowDown', 40], [' ', 'Space', 32], ['Enter', 'Enter', 13], ['Escape', 'Escape', 27],
               ['Home', 'Home', 36], ['End', 'End', 35], ['PageDown', 'PageDown', 34], ['Backspace', 'Backspace', 8],
               ['a', 'KeyA', 65], ['1', 'Digit1', 49], ['-', 'Minus', 189]].map(([key, code, keyCode]) => ({key, code, keyCode}));

function randomAction(rnd, touch) {
  const r = rnd();
  const x = rnd(), y = rnd();
  if (r < 0.22) return {kind: 'command', command: randomCommand(rnd)};
  if (r < 0.27) return {kind: 'raw', raw: kRaw[Math.floor(rnd() * kRaw.length)]};
  if (r < 0.45) return {kind: 'move', x, y};
  if (r < 0.58) return {kind: 'click', x, y, button: rnd() < 0.9 ? 0 : 2};
  if (r < 0.62) return {kind: rnd() < 0.5 ? 'down' : 'up', x, y};
  if (r < 0.70) return {kind: 'wheel', x, y, dy: (rnd() - 0.5) * 1200};
  if (r < 0.88 || !touch) return {kind: 'key', key: {...kKeys[Math.floor(rnd() * kKeys.length)], shift: rnd() < 0.15}};
  return {kind: 'touch', x, y, id: Math.floor(rnd() * 3), dx: rnd() < 0.3 ? (rnd() - 0.5) * 0.3 : 0, dy: (rnd() - 0.5) * 0.3};
}

// The monkey: `count` events, most played in the page in batches, one in 49 through the browser's
// real input pipeline (CDP: mouse, keyboard, touchscreen) so both paths are covered.
async function monkey(page, viewport, rnd, count) {
  const canvas = page.locator('#skindepth-main canvas');
  const box = await canvas.boundingBox();
  const at = () => ({x: box.x + rnd() * box.width, y: box.y + rnd() * box.height});
  const refusals = [];
  let sent = 0, real = 0;
  while (sent < count) {
    const batch = [];
    for (let i = 0; i < 48 && sent + batch.length < count; i++) batch.push(randomAction(rnd, viewport.hasTouch));
    refusals.push(...await page.evaluate(playInPage, batch));
    sent += batch.length;
    for (let i = 0; i < 1 && sent < count; i++, sent++, real++) {
      const r = rnd(), p = at();
      if (r < 0.3) await page.mouse.click(p.x, p.y);
      else if (r < 0.45) { const q = at(); await page.mouse.move(p.x, p.y); await page.mouse.down(); await page.mouse.move(q.x, q.y, {steps: 3}); await page.mouse.up(); }
      else if (r < 0.6) { await page.mouse.move(p.x, p.y); await page.mouse.wheel(0, (rnd() - 0.5) * 1200); }
      else if (r < 0.85 || !viewport.hasTouch) {
        if (rnd() < 0.2) await canvas.focus();
        await page.keyboard.press(['Tab', 'Shift+Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Space', 'Enter', 'Escape'][Math.floor(rnd() * 9)]);
      } else await page.touchscreen.tap(p.x, p.y);
    }
    if (process.env.MONKEY_TRACE) console.log(`monkey: ${sent} events, ${refusals.length} refusals, ${new Date().toISOString()}`);
  }
  return {sent, real, refusals};
}

test('monkey: thousands of random inputs and host commands; no console error but clear refusals, state valid, still drawing', async () => {
  const seed = Number(process.env.MONKEY_SEED || 20251121);
  let total = 0;
  // Small framebuffers (pixel ratio 1) keep software-GL frames quick; the layouts are still the
  // desktop and phone ones, and the phone has touch.
  const viewports = [['desktop', {width: 800, height: 500, deviceScaleFactor: 1}, 2000], ['phone', {...kPhone, deviceScaleFactor: 1}, 1000]];
  for (const [name, vp, count] of viewports) {
    const rnd = prng(seed + (name === 'phone' ? 1 : 0));
    const {context, page, errors} = await openPage(url, vp);
    if (name === 'desktop') {
      // The in-page events reach the widget: hover over the skin and wheel, and it zooms.
      const zoom = await page.evaluate(async () => {
        const w = SkinDepth.instances[0], c = w.canvas, r = c.getBoundingClientRect();
        const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res())));
        const where = {bubbles: true, cancelable: true, clientX: r.left + r.width * 0.25, clientY: r.top + r.height * 0.6};
        c.dispatchEvent(new MouseEvent('mousemove', where));
        await frame();
        for (let i = 0; i < 3; i++) c.dispatchEvent(new WheelEvent('wheel', {...where, deltaY: -300}));
        await frame();
        return (await w.getState()).zoom;
      });
      assert.ok(zoom > 1, `a synthetic wheel zoomed the drawing (zoom ${zoom})`);
    }
    const t0 = Date.now();
    const {sent, real, refusals} = await monkey(page, vp, rnd, count);
    total += sent;
    const pageErrors = errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, [], `no uncaught page error (${name})`);
    // The widget's own refusals: "SkinDepth: <the message the command was refused with>".
    const allowed = new Set(refusals.map((m) => `SkinDepth: ${m}`));
    assert.deepEqual(errors.filter((e) => !allowed.has(e)), [], `console errors other than refusals (${name})`);
    assert.ok(refusals.length > 0, 'the monkey sent commands the widget refused');
    const state = await fullState(page);
    assertValidState(state);
    // Still drawing: back to the cross-section, a change, new frames with the skin in them.
    await page.evaluate(async () => {
      const w = SkinDepth.instances[0];
      await w.setView('cross_section');
      await w.command({cmd: 'setLanguage', language: 'en'});
    });
    const frames = (await stats(page)).frames_drawn;
    await page.evaluate(() => SkinDepth.instances[0].setNeedleLength(2.25));
    await waitForFrames(page, frames);
    await page.mouse.move(0, 0);
    await settle(page, 500);
    const seen = await look(page, `monkey-${name}`);
    assert.ok(seen.skin > 0.05, `skin shows after the monkey (${(seen.skin * 100).toFixed(1)}%)`);
    assert.equal((await fullState(page)).needle_mm, 2.25);
    console.log(`monkey ${name}: seed ${seed}, ${sent} events (${real} through the browser's input, ${refusals.length} refused commands) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await context.close();
  }
  console.log(`monkey: ${total} events in all`);
});

// --- 6. Soak -----------------------------------------------------------------------------------
test(`soak: ${kSoakSeconds} s of the timeline at speed 16 and stamping; wasm heap flat, no errors`, {timeout: (kSoakSeconds + 120) * 1000}, async () => {
  // A modest canvas: more frames per second under software GL, so more frames to leak in.
  const {context, page, errors} = await openPage(url, {width: 960, height: 600, deviceScaleFactor: 1});
  const cdp = await context.newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const js = await cdp.send('Runtime.getHeapUsage');
    const st = await stats(page);
    return {wasm: st.wasm_heap_bytes, malloc: st.wasm_malloc_bytes, frames: st.frames_drawn, js: js.usedSize};
  };
  const start = await memory();
  const t0 = Date.now();
  await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.setView('timeline');
    await w.command({cmd: 'setSpeed', speed: 16});
    await w.command({cmd: 'play'});
  });
  let afterWarmup = null, plays = 0, stamps = 0;
  while (Date.now() - t0 < kSoakSeconds * 1000) {
    await page.waitForTimeout(250);
    const s = await page.evaluate(async ({stamp, flip}) => {
      const w = SkinDepth.instances[0];
      let st = await w.getState();
      let played = false;
      if (!st.playing) { await w.command({cmd: 'play'}); played = true; }
      if (stamp) await w.command({cmd: 'stamp'});
      if (flip) await w.setView(st.view === 'timeline' ? 'cross_section' : 'timeline');
      return {played};
    }, {stamp: true, flip: Math.random() < 0.1});
    stamps++;
    if (s.played) plays++;
    if (!afterWarmup && Date.now() - t0 > 10000) afterWarmup = await memory();
  }
  const end = await memory();
  const mb = (n) => (n / 1048576).toFixed(2);
  const at = (m) => `wasm heap ${mb(m.wasm)} MB (malloc ${mb(m.malloc)} MB in use), JS heap ${mb(m.js)} MB`;
  console.log(`soak ${kSoakSeconds} s: start ${at(start)}; at 10 s ${at(afterWarmup)}; end ${at(end)}; ` +
              `${end.frames} frames, ${plays} restarts, ${stamps} stamps`);
  const frames = end.frames - afterWarmup.frames;
  assert.ok(plays >= 2, `the timeline ran to its end and was restarted (${plays} times)`);
  assert.ok(frames > 20, `it kept drawing (${frames} frames after the warm-up)`);
  assert.equal(end.wasm, afterWarmup.wasm, 'the wasm memory did not grow after the warm-up');
  // The only memory meant to grow is what benchmarks read: the last 4,096 frame times (8 bytes each,
  // twice that in capacity) and the getStats reply that lists them (~8 bytes each); anything beyond
  // that and 64 KB of slack is a leak, however long the run.
  const allowance = 4096 * 24 + 65536;
  assert.ok(end.malloc - afterWarmup.malloc <= allowance,
            `malloc'd memory grew ${end.malloc - afterWarmup.malloc} bytes after the warm-up (allowed ${allowance})`);
  assert.ok(end.js - afterWarmup.js <= 8 * 1048576, `JS heap grew ${mb(end.js - afterWarmup.js)} MB after the warm-up`);
  assertValidState(await fullState(page));
  assert.deepEqual(errors, []);
  await context.close();
});

// --- 7. Strict CSP and no network --------------------------------------------------------------
test('strict CSP (default-src \'self\') and every other host blocked: ready, no console error, no request elsewhere', async () => {
  const strict = await serve({csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"});
  try {
    const {context, page, errors, requests} = await openPage(strict.url);
    const origin = new URL(strict.url).origin;
    await page.evaluate(() => SkinDepth.instances[0].setArea('forehead'));
    await settle(page);
    const seen = await look(page, 'csp');
    assert.ok(seen.skin > 0.12, `drawn under the CSP (${(seen.skin * 100).toFixed(1)}% skin)`);
    const headers = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
    assert.match(headers, /default-src 'self'/, 'the page really was served with the policy');
    assert.deepEqual(errors, []);
    assert.ok(requests.length >= 5, `${requests.length} requests`);
    assert.deepEqual(requests.filter((r) => new URL(r).origin !== origin), [], 'no request to another origin');
    await context.close();
  } finally {
    strict.server.close();
  }
});
