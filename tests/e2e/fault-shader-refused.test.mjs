// Fault: a shader the graphics driver refuses. A refused skin shader leaves a working interface with
// a notice and one error naming it; a refused interface shader stops the start with plain words on
// the page and the details on the console. No crash either way.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, useSite, kDesktop, events, fullState, look} from './harness.mjs';

const site = useSite();

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
  const {context, page, errors} = await open(site.browser, site.url, kDesktop, {initScript: {fn: refuseShader, arg: 'u_look0'}, waitFor: '[data-ready="true"]'});
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
  const seen = await look(page, 'fault-skin-shader-refused');
  assert.ok(seen.colours > 20, `the interface is drawn: ${seen.colours} distinct colours`);
  assert.ok(seen.skin < 0.05, `no skin picture: ${(seen.skin * 100).toFixed(1)}% skin colours`);
  assert.ok(errors.some((e) => e.startsWith('SkinDepth') && e.includes('skin.frag')), errors.join('\n'));
  assert.deepEqual(errors.filter((e) => !e.startsWith('SkinDepth')), [], 'no other console error');
  await context.close();
});

test('the interface shader refused by the driver: the page says the widget could not start, no crash', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop, {initScript: {fn: refuseShader, arg: 'u_alpha_only'}, waitFor: '[data-error]'});
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
