// Fault: a tab hidden for minutes. Shown again, the timeline moves one frame's worth, not to the end,
// and keeps playing (app::kMaxFrameSeconds).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, useSite, fullState} from './harness.mjs';

const site = useSite();

test('a tab hidden for five minutes then shown: the timeline moves one frame, not to the end, and keeps playing', async () => {
  const {context, page, errors} = await open(site.browser, site.url);
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
