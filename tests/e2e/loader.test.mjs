// The loader: a host's content folder is fetched file by file from the list the build generates
// (the files it embeds into the widget); a start that fails before the module runs is said in the
// widget's language from the loader's own few texts; once running, the chrome's texts are the
// content's, in the widget's language, and follow it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, serve, useSite, events, root, site as siteDir, kDesktop} from './harness.mjs';

const site = useSite();
const kUi = JSON.parse(fs.readFileSync(path.join(root, 'content/ui.json'), 'utf8'));
const t = (key, lang) => kUi.strings[key][lang];
const kIndex = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
const page = (attributes) => ({status: 200, type: 'text/html', body: kIndex.replace('data-skindepth', `data-skindepth ${attributes}`)});

test('data-content names a folder: every content file the build embeds is fetched from it, once', async () => {
  const {context, page: p, errors, requests} = await open(site.browser, site.url + 'brands.html', kDesktop, {waitFor: null});
  await p.waitForFunction(() => document.querySelectorAll('[data-drawn="true"]').length === 2, null, {timeout: 60000});
  // The second spa serves its own copy (data-content="content/"); the first uses the built-in content.
  const fetched = requests.filter((r) => new URL(r).pathname.startsWith('/content/')).map((r) => new URL(r).pathname.slice('/content/'.length));
  const embedded = fs.readdirSync(path.join(root, 'content')).filter((f) => f.endsWith('.json'));
  assert.deepEqual(fetched.sort(), embedded.sort());
  const notices = await p.evaluate(() => SkinDepth.instances[1].getState().then((s) => s.notices));
  assert.deepEqual(notices, [], 'the fetched content validated');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the WebAssembly fails to load on a Spanish widget: the page says so in Spanish', async () => {
  const broken = await serve({overrides: {'/': page('data-lang="es"'), '/skindepth-core.wasm': {status: 404, type: 'text/plain', body: 'not found'}}});
  try {
    const {context, page: p, errors} = await open(site.browser, broken.url, kDesktop, {waitFor: '[data-error]'});
    const status = p.locator('#skindepth-main .sd-status');
    assert.equal(await status.textContent(),
                 'El widget de la piel no pudo iniciarse: no se pudieron cargar sus archivos. Vuelva a cargar la página.');
    assert.ok(await status.evaluate((e) => e.classList.contains('sd-error') && !e.hidden));
    // The details are for the host: in the console, the error event and data-error.
    assert.match(await p.getAttribute('#skindepth-main', 'data-error'), /skindepth-core\.wasm \(HTTP 404\)/);
    const reported = await events(p, 'error');
    assert.equal(reported.length, 1);
    assert.equal(reported[0].kind, 'startup');
    assert.ok(errors.some((e) => /^SkinDepth: could not load .*skindepth-core\.wasm \(HTTP 404\)$/.test(e)), errors.join('\n'));
    assert.deepEqual(errors.filter((e) => !e.startsWith('SkinDepth: ') && !e.includes('404 (Not Found)')), []);
    assert.equal(await p.getAttribute('#skindepth-main', 'data-ready'), null);
    await context.close();
  } finally {
    broken.server.close();
  }
});

test('a browser without WebAssembly: said in the widget\'s language (Spanish here, English by default)', async () => {
  const spanish = await serve({overrides: {'/': page('data-lang="es"')}});
  const noWasm = {fn: () => { delete window.WebAssembly; }};
  try {
    for (const [url, want] of [[spanish.url, 'El widget de la piel no pudo iniciarse: este navegador no admite WebAssembly.'],
                               [site.url, 'The skin widget could not start: this browser does not support WebAssembly.']]) {
      const {context, page: p, errors} = await open(site.browser, url, kDesktop, {waitFor: '[data-error]', initScript: noWasm});
      assert.equal(await p.locator('#skindepth-main .sd-status').textContent(), want);
      assert.deepEqual(errors, ['SkinDepth: this browser does not support WebAssembly']);
      await context.close();
    }
  } finally {
    spanish.server.close();
  }
});

test('the widget\'s own texts (canvas name, full-screen button) are the content\'s, in its language, and follow it', async () => {
  const {context, page: p, errors} = await open(site.browser, site.url + 'brands.html', kDesktop, {waitFor: null});
  await p.waitForFunction(() => document.querySelectorAll('[data-drawn="true"]').length === 2, null, {timeout: 60000});
  const chrome = (i) => p.evaluate((i) => {
    const el = SkinDepth.instances[i].el;
    return {label: el.querySelector('canvas').getAttribute('aria-label'), button: el.querySelector('.sd-fullscreen')?.textContent ?? null};
  }, i);
  assert.deepEqual(await chrome(0), {label: t('app.canvas_label', 'en'), button: null});
  assert.deepEqual(await chrome(1), {label: t('app.canvas_label', 'es'), button: null});
  await p.evaluate(() => SkinDepth.instances[1].setMode('staff'));
  assert.deepEqual(await chrome(1), {label: t('app.canvas_label', 'es'), button: t('staff.fullscreen', 'es')});
  await p.evaluate(() => SkinDepth.instances[1].setLanguage('en'));
  await p.waitForFunction((want) => SkinDepth.instances[1].el.querySelector('.sd-fullscreen').textContent === want,
                          t('staff.fullscreen', 'en'), {timeout: 10000});
  assert.deepEqual(await chrome(1), {label: t('app.canvas_label', 'en'), button: t('staff.fullscreen', 'en')});
  assert.deepEqual(await chrome(0), {label: t('app.canvas_label', 'en'), button: null});
  assert.deepEqual(errors, []);
  await context.close();
});
