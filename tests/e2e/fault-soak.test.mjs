// Fault: a long run. The timeline plays at speed 16 and the needles stamp for SOAK_SECONDS (default
// 60): the wasm memory stays flat after a warm-up, the JS heap does not grow, no error. The long form:
//   SOAK_SECONDS=600 node --test tests/e2e/fault-soak.test.mjs
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, useSite, fullState, stats, assertValidState} from './harness.mjs';

const site = useSite();
const kSoakSeconds = Number(process.env.SOAK_SECONDS || 60);

test(`soak: ${kSoakSeconds} s of the timeline at speed 16 and stamping; wasm heap flat, no errors`, {timeout: (kSoakSeconds + 120) * 1000}, async () => {
  // A modest canvas: more frames per second under software GL, so more frames to leak in.
  const {context, page, errors} = await open(site.browser, site.url, {width: 960, height: 600, deviceScaleFactor: 1});
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
