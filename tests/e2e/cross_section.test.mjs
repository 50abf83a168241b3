// The cross-section through the page: the host sets area and needle length, the widget answers
// exactly as the native `skindepth depth` does, says it in its live region, and draws it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {open, settle, shot, root, kPhone, kDesktop, useSite} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const cli = path.join(root, 'build/native/skindepth');
const site = useSite();

const cases = [['forehead', 0.5], ['cheeks', 1.5], ['abdomen', 2.5], ['around_eyes', 0.25], ['scalp', 1.5]];

test('area and needle length set through the page give the core\'s answer', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  for (const [area, mm] of cases) {
    await page.evaluate(([a, m]) => SkinDepth.instances[0].setArea(a).then(() => SkinDepth.instances[0].setNeedleLength(m)), [area, mm]);
    const state = await page.evaluate(() => SkinDepth.instances[0].getState());
    const expected = JSON.parse(execFileSync(cli, ['depth', '--area', area, '--needle-mm', String(mm)]).toString());
    assert.equal(state.area, area);
    assert.equal(state.needle_mm, mm);
    assert.equal(state.tip_layer, expected.tip_layer, `${area} ${mm}`);
    assert.equal(state.within_usual_range, expected.within_usual_range, `${area} ${mm}`);
    assert.equal(state.beyond_dermis, expected.beyond_dermis, `${area} ${mm}`);
    assert.deepEqual(state.warnings, expected.warnings.map((w) => w.id), `${area} ${mm}`);
    // The live region says the same, in words.
    const layerWords = {stratum_corneum: 'Stratum corneum', epidermis: 'Epidermis', papillary_dermis: 'Papillary dermis',
                        reticular_dermis: 'Reticular dermis', subcutis: 'Fat (subcutis)'}[expected.tip_layer];
    // The region updates on the next frame drawn (software GL here: allow for slow frames).
    await page.waitForFunction((t) => document.querySelector('#skindepth-main .sd-live').textContent.includes(t),
                               `${mm.toFixed(2)} mm: the tip reaches the ${layerWords}`, {timeout: 15000}).catch(() => {});
    const live = await page.locator('#skindepth-main .sd-live').textContent();
    assert.ok(live.includes(layerWords), `live region "${live}" names ${layerWords}`);
    assert.ok(live.includes(`${mm.toFixed(2)} mm`), live);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loupe magnifies the top layers over the drawing\'s corner, and a click there picks what it shows', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  await page.evaluate(() => SkinDepth.instances[0].setArea('cheeks').then(() => SkinDepth.instances[0].setNeedleLength(0.25)));
  await settle(page);
  // A point near the drawing's lower right corner: fat in the main drawing, inside the loupe once it is on.
  const scene = await page.evaluate(() => SkinDepth.instances[0]._scene);
  await page.evaluate(() => document.querySelector('#skindepth-main canvas').scrollIntoView({block: 'end'}));
  await settle(page);
  const box = await page.locator('#skindepth-main canvas').boundingBox();
  const at = {x: box.x + scene.x + scene.w * 0.9, y: box.y + scene.y + scene.h * 0.9};
  const pick = async () => {
    // Held over a few frames: ImGui 1.86 reads the button once a frame.
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.waitForTimeout(150);
    await page.mouse.up();
    await settle(page);
    return page.evaluate(() => SkinDepth.instances[0].getState().then((s) => s.structure));
  };
  assert.equal(await pick(), 'fat_lobules', 'without the loupe the corner is fat');
  await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'setLoupe', on: true}));
  await settle(page);
  fs.writeFileSync(shot('cross-loupe-desktop.png'), await page.locator('#skindepth-main canvas').screenshot());
  const inLoupe = await pick();
  assert.ok(['capillaries', 'collagen_fibres', 'basement_membrane', 'keratinocytes'].includes(inLoupe),
            `the loupe shows the papillary dermis there, picked ${inLoupe}`);
  assert.equal((await page.evaluate(() => SkinDepth.instances[0].getState())).loupe, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown area is refused with a clear message and changes nothing', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const message = await page.evaluate(() => SkinDepth.instances[0].setArea('elbow').then(() => 'accepted', (e) => e.message));
  assert.match(message, /unknown area "elbow"/);
  const state = await page.evaluate(() => SkinDepth.instances[0].getState());
  assert.equal(state.area, 'cheeks');
  assert.ok(errors.some((e) => e.includes('unknown area')), 'the console says why');
  await context.close();
});

for (const [name, vp, area, mm] of [['desktop-forehead-0.5', kDesktop, 'forehead', 0.5], ['desktop-cheeks-1.5', kDesktop, 'cheeks', 1.5],
                                    ['phone-abdomen-2.5', kPhone, 'abdomen', 2.5]]) {
  test(`screenshot ${name}: the needle line is drawn at the chosen depth`, async () => {
    const {context, page, errors} = await open(site.browser, site.url, vp);
    await page.evaluate(([a, m]) => SkinDepth.instances[0].setArea(a).then(() => SkinDepth.instances[0].setNeedleLength(m)), [area, mm]);
    await settle(page);
    const canvas = page.locator('#skindepth-main canvas');
    const png = await canvas.screenshot();
    fs.writeFileSync(shot(`cross-${name}.png`), png);
    const img = decodePng(png);
    // The depth label is a saturated blue (within range) or red (warning) box.
    const blue = countPixels(img, (r, g, b) => b > 140 && r < 70 && g < 110);
    const red = countPixels(img, (r, g, b) => r > 160 && g < 50 && b < 70);
    const state = await page.evaluate(() => SkinDepth.instances[0].getState());
    if (state.warnings.length) assert.ok(red > 200, `a red warning label (${red} px)`);
    else assert.ok(blue > 200, `a blue depth label (${blue} px)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Steel and the roller's drum are bluish greys; the drawing's skin, fat and air are warm, and the
// depth label's blue is far more saturated.
const isSteel = (r, g, b) => b >= r + 12 && r > 80 && r < 215;

test('a roller rests on the skin, rolls across the view with its angled needles, and comes back to rest', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const canvas = page.locator('#skindepth-main canvas');
  // Steel pixels and the mean x of them (where the drum is).
  const steel = async () => {
    const img = decodePng(await canvas.screenshot());
    let n = 0, sx = 0;
    for (let y = 0; y < img.height; ++y) for (let x = 0; x < img.width; ++x) {
      const i = (y * img.width + x) * 4;
      if (isSteel(img.data[i], img.data[i + 1], img.data[i + 2])) { ++n; sx += x; }
    }
    return {n, x: n ? sx / n : 0};
  };
  await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'setDevice', device: 'roller'}));
  await settle(page);
  const before = await steel();
  assert.ok(before.n > 1500, `at rest the drum and its needle are drawn (${before.n} steel pixels)`);
  const state = await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'stamp'}).then((r) => r.state));
  assert.equal(state.device, 'roller');
  // The roll takes three seconds of animation; look while it crosses the view.
  const xs = [];
  for (let i = 0; i < 12; ++i) {
    await page.waitForTimeout(250);
    const s = await steel();
    if (s.n > 1500) xs.push(s.x);
  }
  fs.writeFileSync(shot('cross-roller.png'), await canvas.screenshot());
  assert.ok(xs.length >= 3 && Math.max(...xs) - Math.min(...xs) > 100, `the drum moves across the view (x ${xs.map(Math.round).join(', ')})`);
  await page.waitForFunction(() => !JSON.parse(SkinDepth.instances[0].module.ccall('sd_command', 'string', ['string'],
    ['{"cmd":"getState"}'])).state.stamping, null, {timeout: 90000, polling: 250});
  await settle(page, 1000);
  const afterPng = await canvas.screenshot();
  fs.writeFileSync(shot('cross-roller-after.png'), afterPng);
  const after = await steel();
  assert.ok(Math.abs(after.x - before.x) < 20 && Math.abs(after.n - before.n) < 800, `the drum is back at rest (${before.n} -> ${after.n} steel pixels, x ${Math.round(before.x)} -> ${Math.round(after.x)})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two fingers pinching apart on a phone zoom the drawing in', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const cdp = await context.newCDPSession(page);
  const box = await page.locator('#skindepth-main canvas').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height * 0.25;  // over the drawing
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {type, touchPoints: type === 'touchEnd' ? [] : [
    {x: cx - spread, y: cy, id: 1}, {x: cx + spread, y: cy, id: 2}]});
  assert.equal((await page.evaluate(() => SkinDepth.instances[0].getState())).zoom, 1);
  await touch('touchStart', 30);
  for (let spread = 40; spread <= 120; spread += 10) {
    await touch('touchMove', spread);
    await page.waitForTimeout(30);
  }
  await touch('touchEnd', 0);
  await settle(page);
  const zoom = (await page.evaluate(() => SkinDepth.instances[0].getState())).zoom;
  assert.ok(zoom > 2, `fingers 60 -> 240 px apart zoom in about 4x (zoom ${zoom})`);
  assert.deepEqual(errors, []);
  await context.close();
});
