// Touch and wheel on the page, as a patient's phone and a desktop mouse use them (issue 16): one
// finger scrolls the page over the widget, a panel that can scroll follows the finger, two fingers
// zoom the drawing under them, the wheel scrolls the page and Ctrl + wheel zooms under the cursor.
// Touches go through Chromium's real input pipeline (CDP Input.dispatchTouchEvent).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, shot, kPhone, kDesktop, useSite, fullState, command} from './harness.mjs';
import {decodePng} from './png.mjs';

const site = useSite();

// A one-finger swipe from (x, y) by dy in 12 steps, through the browser's own touch handling.
async function swipe(cdp, x, y, dy, {id = 1, stepMs = 16} = {}) {
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x, y, id}]});
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: [{x, y: y + (dy * i) / 12, id}]});
    await new Promise((r) => setTimeout(r, stepMs));
  }
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
}

const scrollY = (page) => page.evaluate(() => window.scrollY);

test('a one-finger swipe up over the drawing scrolls the page, and the drawing stays put', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const cdp = await context.newCDPSession(page);
  const canvas = page.locator('#skindepth-main canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, window.scrollY - 100));  // the widget a little below the top
  const box = await canvas.boundingBox();
  const before = await scrollY(page);
  const x = box.x + box.width / 2, y = Math.min(box.y + box.height * 0.3, 700);  // over the drawing
  await swipe(cdp, x, y, -300);
  await settle(page);
  const after = await scrollY(page);
  assert.ok(after > before + 150, `the page scrolled (${before} -> ${after})`);
  const state = await fullState(page);
  assert.equal(state.zoom, 1);
  assert.equal(state.pan_depth_mm, 0, 'one finger does not pan the drawing');
  await page.screenshot({path: shot('touch-phone-hint.png')});
  // And back down.
  await swipe(cdp, x, 400, 250);
  await settle(page);
  assert.ok(await scrollY(page) < after - 100, 'a swipe down scrolls the page back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two fingers pinching apart zoom the drawing under the fingers', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const cdp = await context.newCDPSession(page);
  const canvas = page.locator('#skindepth-main canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const before = await scrollY(page);
  // Off the drawing's centre, so an anchored zoom must also move the view.
  const cx = box.x + box.width * 0.3, cy = box.y + box.height * 0.2;
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {type, touchPoints: type === 'touchEnd' ? [] : [
    {x: cx - spread, y: cy, id: 1}, {x: cx + spread, y: cy, id: 2}]});
  await touch('touchStart', 30);
  for (let spread = 40; spread <= 120; spread += 10) {
    await touch('touchMove', spread);
    await page.waitForTimeout(30);
  }
  await touch('touchEnd', 0);
  await settle(page);
  const state = await fullState(page);
  assert.ok(state.zoom > 2, `fingers 60 -> 240 px apart zoom in (zoom ${state.zoom})`);
  assert.ok(state.pan_x_mm < -0.05, `left of centre, the view moved left to keep the point under the fingers (pan ${state.pan_x_mm} mm)`);
  assert.equal(await scrollY(page), before, 'the page did not move');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panel scrolls by one-finger drag, and the page does not', async () => {
  const {context, page, errors} = await open(site.browser, site.url, {...kPhone, height: 640});
  const cdp = await context.newCDPSession(page);
  await command(page, {cmd: 'setView', view: 'questionnaire'});
  const canvas = page.locator('#skindepth-main canvas');
  await canvas.scrollIntoViewIfNeeded();
  await settle(page, 500);
  const box = await canvas.boundingBox();
  const clip = {x: box.x, y: box.y + box.height * 0.45, width: box.width, height: box.height * 0.5};
  const shotBefore = decodePng(await page.screenshot({clip}));
  const before = await scrollY(page);
  await swipe(cdp, box.x + box.width / 2, box.y + box.height * 0.85, -150);
  await settle(page, 800);
  const shotAfter = decodePng(await page.screenshot({clip}));
  await page.screenshot({path: shot('touch-phone-panel-scrolled.png')});
  assert.equal(await scrollY(page), before, 'the page stayed');
  let changed = 0;
  for (let i = 0; i < shotBefore.data.length; i += 4) if (Math.abs(shotBefore.data[i] - shotAfter.data[i]) > 40) changed++;
  assert.ok(changed > 2000, `the panel's content moved (${changed} pixels changed)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the wheel over the widget scrolls the page; Ctrl + wheel zooms under the cursor', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const canvas = page.locator('#skindepth-main canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, window.scrollY - 50));
  const box = await canvas.boundingBox();
  const x = box.x + box.width * 0.25, y = box.y + Math.min(box.height * 0.3, 300);
  await page.mouse.move(x, y);
  const before = await scrollY(page);
  await page.mouse.wheel(0, 200);
  await settle(page);
  const after = await scrollY(page);
  assert.ok(after > before + 100, `the page scrolled (${before} -> ${after})`);
  assert.equal((await fullState(page)).zoom, 1);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await settle(page);
  const state = await fullState(page);
  assert.ok(state.zoom > 1.2, `Ctrl + wheel zoomed in (zoom ${state.zoom})`);
  assert.notEqual(state.pan_x_mm, 0, 'anchored under the cursor, not the centre');
  assert.equal(await scrollY(page), after, 'and the page did not scroll');
  assert.deepEqual(errors, []);
  await context.close();
});
