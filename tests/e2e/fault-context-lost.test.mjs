// Fault: the WebGL context is lost and restored. The widget says so once, draws nothing into the
// lost context, keeps what the user chose and answered, and draws the same state again after.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, useSite, events, fullState, stats, waitForFrames, look} from './harness.mjs';

const site = useSite();

test('WebGL context lost: an error event, state kept; restored: draws the skin again with the same state', async () => {
  const {context, page, errors} = await open(site.browser, site.url);
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
  const seen = await look(page, 'fault-context-restored');
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
