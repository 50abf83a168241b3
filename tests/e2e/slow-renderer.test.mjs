// A slow renderer at a phone's pixel ratio (issue 19): SwiftShader filling a 3x canvas here. While the
// timeline is scrubbed the widget draws its canvas at a lower pixel ratio (app/resolution.h), the CSS
// size staying put; once everything is still it is back at the screen's own ratio, sharp. The speed
// itself is measured by scripts/bench-engines.mjs, not here.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, shot, kPhone, useSite} from './harness.mjs';

const site = useSite();

test('a phone on a slow renderer: lower resolution while scrubbing, the screen\'s own once still', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  await page.locator('#skindepth-main canvas').scrollIntoViewIfNeeded();
  const seen = await page.evaluate(async () => {
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const w = SkinDepth.instances[0], c = document.querySelector('#skindepth-main canvas');
    const css = () => [c.getBoundingClientRect().width, c.getBoundingClientRect().height];
    await w.command({cmd: 'setView', view: 'timeline'});  // fetches the timeline's content first
    await sleep(1500);
    const before = {width: c.width, css: css(), full: w._call({cmd: 'getStats'}).pictures_full};
    const during = {slowest_pace_ms: 0, lowest_cap: 0, narrowest: c.width, css: [], full: 0};
    const t0 = performance.now();
    for (let i = 0; performance.now() - t0 < 3000; ++i) {
      w._call({cmd: 'setTimePosition', position: (0.05 + i * 0.004) % 1});
      await sleep(16);
      const s = w._call({cmd: 'getStats'});
      during.slowest_pace_ms = Math.max(during.slowest_pace_ms, s.frame_pace_ms);
      if (s.ratio_cap > 0) during.lowest_cap = during.lowest_cap ? Math.min(during.lowest_cap, s.ratio_cap) : s.ratio_cap;
      during.narrowest = Math.min(during.narrowest, c.width);
      if (s.pictures_full) during.full += 1;
      during.css.push(css().join('x'));
    }
    const scrubbedTo = w._call({cmd: 'getState'}).state.time_hours;
    await sleep(1500);
    const s = w._call({cmd: 'getStats'});
    return {before, during, after: {width: c.width, cap: s.ratio_cap, css: css(), full: s.pictures_full, time_hours: w._call({cmd: 'getState'}).state.time_hours}, scrubbedTo};
  });
  const full = Math.round(seen.before.css[0] * kPhone.deviceScaleFactor);
  assert.ok(Math.abs(seen.before.width - full) <= 1, `at rest the canvas is at the screen's ratio: ${seen.before.width} vs ${full}`);
  assert.equal(seen.before.full, true, 'at rest the picture is the full-resolution one');
  // This machine renders WebGL in software (SwiftShader): a 3x canvas is slow to fill.
  assert.ok(seen.during.slowest_pace_ms > 34, `frames were slow while scrubbing (${seen.during.slowest_pace_ms} ms apart)`);
  assert.ok(seen.during.lowest_cap > 0 && seen.during.lowest_cap <= 2, `the widget lowered its ratio to ${seen.during.lowest_cap}`);
  assert.ok(seen.during.narrowest <= Math.round(seen.before.css[0] * 2) + 1, `the drawing buffer shrank to ${seen.during.narrowest} px`);
  assert.deepEqual([...new Set(seen.during.css)], [seen.before.css.join('x')], 'the canvas keeps its size on the page');
  assert.ok(seen.during.full < 20, `while scrubbing the picture is mostly the moving one (full in ${seen.during.full} samples)`);
  assert.equal(seen.after.cap, 0, 'still: no cap');
  assert.equal(seen.after.full, true, 'still: the picture is refined to full resolution');
  assert.ok(Math.abs(seen.after.width - full) <= 1, `still: the screen's own ratio again (${seen.after.width} px)`);
  assert.equal(seen.after.time_hours, seen.scrubbedTo, 'the scrub\'s last position is kept');
  await settle(page, 300);
  await page.screenshot({path: shot('slow-renderer-still-phone.png')});
  assert.deepEqual(errors, []);
  await context.close();
});
