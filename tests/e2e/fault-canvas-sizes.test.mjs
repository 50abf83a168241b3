// Fault: a tiny canvas and a huge one. Ready, drawn at that size, no console error.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, useSite, stats, fullState, waitForFrames, look, assertValidState} from './harness.mjs';

const site = useSite();

test('a 200x200 canvas: ready, drawn at that size, no console errors', async () => {
  const {context, page, errors} = await open(site.browser, site.url);
  const framesBefore = (await stats(page)).frames_drawn;
  await page.evaluate(() => {
    document.querySelector('#skindepth-main .sd-frame').style.cssText = 'width:200px;height:200px;min-height:0';
  });
  // 200 px less the frame's border and padding (the canvas sits inside its rounded corners) on each side.
  const inner = await page.evaluate(() => {
    const cs = getComputedStyle(document.querySelector('#skindepth-main .sd-frame'));
    return 200 - 2 * (parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft));
  });
  assert.ok(inner >= 188 && inner <= 198, `${inner}`);
  await page.waitForFunction((inner) => {
    const c = document.querySelector('#skindepth-main canvas');
    return Math.abs(c.width - inner) <= 2 && Math.abs(c.height - inner) <= 2;
  }, inner, {timeout: 10000, polling: 100});
  await waitForFrames(page, framesBefore);
  await settle(page, 500);
  const seen = await look(page, 'fault-tiny');
  assert.ok(Math.abs(seen.width - inner) <= 2 && Math.abs(seen.height - inner) <= 2, `${seen.width}x${seen.height}`);
  assert.ok(seen.colours > 20, `${seen.colours} distinct colours in a 200x200 canvas`);
  assert.ok(seen.skin > 0.02, `some skin shows (${(seen.skin * 100).toFixed(1)}%)`);
  const state = await fullState(page);
  assertValidState(state);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 3840x2160 canvas: ready, drawn at that size, no console errors', async () => {
  const {context, page, errors} = await open(site.browser, site.url, {width: 3840, height: 2160, deviceScaleFactor: 1});
  const framesBefore = (await stats(page)).frames_drawn;
  // The demo page keeps the widget in a column; the host here gives it the whole screen.
  await page.evaluate(() => {
    document.querySelector('#skindepth-main').style.cssText = 'position:fixed;left:0;top:0;width:3840px;height:2160px;z-index:10';
    document.querySelector('#skindepth-main .sd-frame').style.cssText = '--sd-radius:0;width:3840px;height:2160px;border:0';
  });
  await page.waitForFunction(() => {
    const c = document.querySelector('#skindepth-main canvas');
    return c.width === 3840 && c.height === 2160;
  }, null, {timeout: 60000, polling: 200});
  await waitForFrames(page, framesBefore);
  await settle(page, 500);
  const seen = await look(page, 'fault-huge');
  assert.ok(seen.skin > 0.12, `skin colours cover ${(seen.skin * 100).toFixed(1)}%`);
  assert.ok(seen.colours > 200, `${seen.colours} distinct colours`);
  assert.ok((await stats(page)).frames_drawn >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});
