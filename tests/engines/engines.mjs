// The other engines patients use, driven the way each allows (Debian's packages, no browser
// downloaded by a tool; scripts/setup installs them): Firefox ESR through npm puppeteer-core over
// WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver over HTTP, a
// few calls, below). Both need an X display: scripts/test runs this suite under xvfb-run (headless
// Firefox without one has no WebGL at all).
//
// Each engine gets the same small interface: open(url, viewport) -> {run(src), screenshot(file),
// tap(x, y), click(x, y), keys([...]), close()}; `run` evaluates the body of an async function in the
// page and returns its value; click and keys are the engine's own trusted input (a user gesture).
// The page is the built demo, served with the strict CSP, and with tests/engines/capture.js as its first
// script: it records console errors, uncaught errors and CSP violations in window.__errors (a classic
// WebDriver session has no console to listen to), and with ?nowebgl refuses every WebGL context.
import fs from 'node:fs';
import path from 'node:path';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {startServer} from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const site = path.join(root, 'build/wasm/site');
export const artifacts = path.join(root, 'test-results');
export const kCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
const kFirefox = process.env.FIREFOX || '/usr/bin/firefox-esr';
const kWebKitDriver = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const kMiniBrowser = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The demo page with the capture script first, under the strict CSP.
export async function serveSite() {
  if (!fs.existsSync(path.join(site, 'skindepth-core.wasm'))) throw new Error(`no built site at ${site}: run scripts/build-widget first`);
  const index = fs.readFileSync(path.join(site, 'index.html'), 'utf8').replace('<head>', '<head>\n  <script src="capture.js"></script>');
  const server = await startServer(site, {port: 0, quiet: true, csp: kCsp, overrides: {
    '/': {type: 'text/html; charset=utf-8', body: index},
    '/capture.js': {type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(here, 'capture.js'), 'utf8')},
  }});
  return {server, url: `http://127.0.0.1:${server.address().port}/`};
}

// --- [SECTION] Firefox ESR (puppeteer-core, WebDriver BiDi) -------------------------------------------
async function openFirefox(url, viewport) {
  const puppeteer = (await import('puppeteer-core')).default;
  // Touch events on, as on a phone (a Linux desktop Firefox has them only with a touch screen).
  const browser = await puppeteer.launch({browser: 'firefox', executablePath: kFirefox, headless: false,
                                          args: [`--width=${viewport.width + 40}`, `--height=${viewport.height + 160}`],
                                          extraPrefsFirefox: viewport.hasTouch ? {'dom.w3c_touch_events.enabled': 1} : {}});
  const page = (await browser.pages())[0] || await browser.newPage();
  // Firefox emulates the size and pixel ratio; touch events come through BiDi's input actions.
  await page.setViewport({width: viewport.width, height: viewport.height, deviceScaleFactor: viewport.deviceScaleFactor || 1,
                          hasTouch: !!viewport.hasTouch, isMobile: false});
  await page.goto(url);
  return {
    engine: 'firefox', version: await browser.version(), touch: !!viewport.hasTouch,
    run: (src) => page.evaluate(`(async () => { ${src} })()`),
    screenshot: (file) => page.screenshot({path: file}),
    tap: (x, y) => page.touchscreen.tap(x, y),
    click: (x, y) => page.mouse.click(Math.round(x), Math.round(y)),
    keys: async (list) => { for (const k of list) await page.keyboard.press(k); },
    close: () => browser.close(),
  };
}

// --- [SECTION] WebKitGTK (WebKitWebDriver, W3C WebDriver over HTTP) --------------------------------------
const kWebDriverKeys = {Enter: '\uE007', Escape: '\uE00C'};

async function openWebKit(url, viewport) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // WebKitGTK's WebDriver has no device emulation: a phone's pixel ratio comes from GTK's own scale
  // (GDK_SCALE, whole numbers), so the X screen must hold the window at that scale (scripts/test).
  const scale = Math.max(1, Math.round(viewport.deviceScaleFactor || 1));
  const driver = spawn(kWebKitDriver, [`--port=${port}`], {stdio: 'ignore', env: {...process.env, GDK_SCALE: String(scale)}});
  const call = async (method, p, body) => {
    const r = await fetch(`http://127.0.0.1:${port}${p}`, {method, headers: {'content-type': 'application/json'}, body: body ? JSON.stringify(body) : undefined});
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`WebDriver ${p}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  };
  for (let i = 0; ; ++i) {
    try { await call('GET', '/status'); break; } catch (e) { if (i > 100) { driver.kill(); throw e; } await sleep(100); }
  }
  let session;
  try {
    session = await call('POST', '/session', {capabilities: {alwaysMatch: {browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {binary: kMiniBrowser, args: ['--automation']}}}});
  } catch (e) {
    driver.kill();
    throw e;
  }
  const sid = session.sessionId;
  // WebKitGTK's WebDriver sizes the window (in CSS pixels; MiniBrowser is at least 447 wide) and has
  // no touch input; the page's viewport is the window's content.
  await call('POST', `/session/${sid}/window/rect`, {width: viewport.width, height: viewport.height});
  await call('POST', `/session/${sid}/url`, {url});
  return {
    engine: 'webkit', version: session.capabilities.browserVersion, touch: false,
    run: async (src) => {
      const r = await call('POST', `/session/${sid}/execute/async`, {args: [], script:
        `var done = arguments[arguments.length - 1]; (async () => { ${src} })().then(function (v) { done({v: v}); }, function (e) { done({e: String(e && e.message || e)}); });`});
      if (r && r.e !== undefined) throw new Error(r.e);
      return r && r.v;
    },
    screenshot: async (file) => fs.writeFileSync(file, Buffer.from(await call('GET', `/session/${sid}/screenshot`), 'base64')),
    tap: () => { throw new Error('WebKitGTK WebDriver has no touch input'); },
    // W3C input actions: a mouse click at viewport coordinates; keys by name ('Enter', 'Escape') or text.
    click: (x, y) => call('POST', `/session/${sid}/actions`, {actions: [{type: 'pointer', id: 'mouse', parameters: {pointerType: 'mouse'},
      actions: [{type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport'}, {type: 'pointerDown', button: 0}, {type: 'pointerUp', button: 0}]}]}),
    keys: (list) => call('POST', `/session/${sid}/actions`, {actions: [{type: 'key', id: 'keyboard',
      actions: list.flatMap((k) => { const v = kWebDriverKeys[k] || k; return [{type: 'keyDown', value: v}, {type: 'keyUp', value: v}]; })}]}),
    close: async () => {
      await call('DELETE', `/session/${sid}`).catch(() => {});
      driver.kill();
    },
  };
}

// --- [SECTION] Chromium (playwright-core), for the benchmark's side-by-side table ---------------------
// The Chromium suite (tests/e2e) drives Chromium itself; this gives it the interface above.
async function openChromium(url, viewport) {
  const {launch} = await import('../e2e/harness.mjs');
  const browser = await launch();
  const context = await browser.newContext({viewport: {width: viewport.width, height: viewport.height},
                                            deviceScaleFactor: viewport.deviceScaleFactor || 1,
                                            hasTouch: !!viewport.hasTouch, isMobile: !!viewport.hasTouch});
  const page = await context.newPage();
  await page.goto(url);
  return {
    engine: 'chromium', version: browser.version(), touch: !!viewport.hasTouch,
    run: (src) => page.evaluate(`(async () => { ${src} })()`),
    screenshot: (file) => page.screenshot({path: file}),
    tap: (x, y) => page.touchscreen.tap(x, y),
    click: (x, y) => page.mouse.click(x, y),
    keys: async (list) => { for (const k of list) await page.keyboard.press(k); },
    close: () => browser.close(),
  };
}

export const kEngines = {firefox: openFirefox, webkit: openWebKit};
export const kAllEngines = {chromium: openChromium, ...kEngines};

// Waits in the page until `condition` (an expression) holds; returns its value, or throws with what
// the widget shows.
export async function waitIn(page, condition, timeoutMs = 90000) {
  const start = Date.now();
  for (;;) {
    const v = await page.run(`return ${condition};`);
    if (v) return v;
    if (Date.now() - start > timeoutMs) {
      const shows = await page.run("var e = document.getElementById('skindepth-main'); return e && e.textContent.slice(0, 200);").catch(() => '?');
      throw new Error(`${page.engine}: not within ${timeoutMs} ms: ${condition}\nwidget says: ${shows}\nerrors: ${await page.run('return window.__errors.join("\\n")').catch(() => '?')}`);
    }
    await sleep(200);
  }
}

export function shot(name) {
  fs.mkdirSync(artifacts, {recursive: true});
  return path.join(artifacts, name);
}
