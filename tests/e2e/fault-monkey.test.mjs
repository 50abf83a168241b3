// Fault: a monkey. Thousands of random inputs (in the page and through the browser's real input) and
// host commands, valid and not: no console error but clear refusals, a valid state, still drawing.
// MONKEY_SEED repeats a run; MONKEY_TRACE=1 prints its progress.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {open, settle, useSite, kPhone, kViews, areaIds, fullState, stats, waitForFrames, look, assertValidState} from './harness.mjs';

const site = useSite();
const kAreaIds = areaIds();

// mulberry32: a tiny seeded generator, so a failing run can be repeated exactly.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Text no host should send, straight into sd_command: it must answer {"ok": false, ...}, never abort.
const deep = (n, open, close) => open.repeat(n) + close.repeat(n);
const kRaw = ['{bad', '', 'null', '[]', '"cmd"', '{"cmd":5}', '{"cmd":"setArea","area":{"x":1}}', '{"cmd":"setArea"}',
              '{"cmd":"setNeedleLength","mm":1e999}', '\uD800', '{"cmd":"setArea","area":"\uD800"}', deep(3000, '[', ']'),
              '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), `{"cmd":"answer","key":"age","value":${deep(2000, '[', ']')}}`,
              '{"cmd":"getState"}{"cmd":"getState"}', '{"cmd":"getState","includeAnswers":"yes"}'];

function randomCommand(rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const number = () => pick([NaN, Infinity, -Infinity, -1, 0, 1e308, -1e308, 1e9, 0.1, 2.6, 1.2345, rnd() * 3, Math.round(rnd() * 10) / 4, '1', null, true, [], {}]);
  const text = () => pick(['elbow', '', 'forehead', 'cheeks', 'scalp', 'FOREHEAD', 'é', '\u0000', 'x'.repeat(5000), 42, null, ['forehead'], {}]);
  return pick([
    () => ({cmd: 'setArea', area: rnd() < 0.5 ? pick(kAreaIds) : text()}),
    () => ({cmd: 'setNeedleLength', mm: number()}),
    () => ({cmd: 'setCompareLength', mm: number()}),
    () => ({cmd: 'setCompare', on: pick([true, false, 1, 'yes'])}),
    () => ({cmd: 'setTime', hours: number()}),
    () => ({cmd: 'setSpeed', speed: number()}),
    () => ({cmd: 'setCourse', sessions: number(), everyWeeks: number()}),
    () => ({cmd: 'setView', view: pick([...kViews, 'plan', '', 'CROSS_SECTION', 7])}),
    () => ({cmd: 'setLanguage', language: pick(['en', 'es', 'fr', '', null])}),
    () => ({cmd: 'setMode', mode: pick(['patient', 'staff', 'admin', 3])}),
    () => ({cmd: pick(['stamp', 'play', 'pause', 'reset', 'getPlan', 'showPlan', 'bookClick', 'getState', 'getStats', 'nonsense', ''])}),
    () => ({cmd: 'getState', includeAnswers: pick([true, false, 'yes', 1, null, {}])}),
    () => ({cmd: 'stepTo', step: number()}),
    () => ({cmd: 'answer', key: pick(['age', 'fitzpatrick', 'area', 'concerns', 'pregnant_or_breastfeeding', 'shoe_size', '']),
            value: pick([34, -3, 200, 'cheeks', 'elbow', true, null, ['acne_scars'], ['x'], {}, number()])}),
    () => ({cmd: 'setAnswers', answers: pick([{}, {area: 'cheeks'}, {area: 42}, {concerns: 'acne_scars'}, [], null, {age: NaN}])}),
    () => ({cmd: 'setToday', date: pick(['2025-02-29', '2024-02-29', 'yesterday', '9999-99-99', 20250101])}),
    () => ({cmd: 'setBookLabel', label: text()}),
    () => ({cmd: 'export', kind: pick(['copy', 'ics', 'pdf', ''])}),
    () => ({cmd: 'setReducedMotion', on: pick([true, false, 'no'])}),
    () => ({cmd: 'setTheme', accent: pick(['#8c4a5c', '#2a6f97', 'red', '#12345g', 5, undefined]), radius: pick([undefined, 0.5, ...[number()]]),
            fontScale: pick([undefined, 1, 1.25, number()])}),
  ])();
}

// Plays a batch of monkey actions inside the page: DOM input events dispatched where the widget
// listens (the canvas, and the document for mouse-up), host commands through the public API, and
// raw text straight into sd_command. A frame passes every few actions so the widget sees them
// spread over frames as a person's input would be. Returns the messages of refused commands.
async function playInPage(actions) {
  const w = SkinDepth.instances[0];
  const canvas = w.canvas;
  const r = canvas.getBoundingClientRect();
  const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
  const refusals = [];
  const mouse = (type, x, y, button = 0, target = canvas) => target.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, view: window, clientX: r.left + x * r.width, clientY: r.top + y * r.height,
    screenX: r.left + x * r.width, screenY: r.top + y * r.height, button, buttons: type === 'mouseup' ? 0 : 1 << button}));
  const touch = (type, x, y, id) => {
    const t = new Touch({identifier: id, target: canvas, clientX: r.left + x * r.width, clientY: r.top + y * r.height,
                         pageX: r.left + x * r.width, pageY: r.top + y * r.height, screenX: r.left + x * r.width, screenY: r.top + y * r.height});
    const live = type === 'touchend' ? [] : [t];
    canvas.dispatchEvent(new TouchEvent(type, {bubbles: true, cancelable: true, touches: live, targetTouches: live, changedTouches: [t]}));
  };
  const key = (type, k) => {
    const e = new KeyboardEvent(type, {bubbles: true, cancelable: true, key: k.key, code: k.code, keyCode: k.keyCode,
                                       which: k.keyCode, charCode: type === 'keypress' ? k.keyCode : 0, shiftKey: !!k.shift});
    canvas.dispatchEvent(e);
  };
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (a.kind === 'move') mouse('mousemove', a.x, a.y);
    else if (a.kind === 'click') { mouse('mousedown', a.x, a.y, a.button); mouse('mouseup', a.x, a.y, a.button, document); }
    else if (a.kind === 'down') mouse('mousedown', a.x, a.y);
    else if (a.kind === 'up') mouse('mouseup', a.x, a.y, 0, document);
    else if (a.kind === 'wheel') canvas.dispatchEvent(new WheelEvent('wheel', {bubbles: true, cancelable: true, deltaY: a.dy, deltaMode: 0,
                                                                         clientX: r.left + a.x * r.width, clientY: r.top + a.y * r.height}));
    else if (a.kind === 'key') { key('keydown', a.key); if (a.key.key.length === 1) key('keypress', a.key); key('keyup', a.key); }
    else if (a.kind === 'touch') { touch('touchstart', a.x, a.y, a.id); if (a.dx) touch('touchmove', a.x + a.dx, a.y + a.dy, a.id); touch('touchend', a.x + (a.dx || 0), a.y + (a.dy || 0), a.id); }
    else if (a.kind === 'raw') {
      // Every raw text here is a mistake: the answer is a refusal, not a crash and not a success.
      const reply = JSON.parse(w.module.ccall('sd_command', 'string', ['string'], [a.raw]));
      if (reply.ok !== false || typeof reply.error !== 'string') throw new Error('not refused: ' + a.raw.slice(0, 60));
    } else if (a.kind === 'command') {
      try { await w.command(a.command); } catch (e) { refusals.push(e.message); }
    }
    if (i % 12 === 11) await frame();
  }
  await frame();
  return refusals;
}

const kKeys = [['Tab', 'Tab', 9], ['ArrowLeft', 'ArrowLeft', 37], ['ArrowRight', 'ArrowRight', 39], ['ArrowUp', 'ArrowUp', 38],
               ['ArrowDown', 'ArrowDown', 40], [' ', 'Space', 32], ['Enter', 'Enter', 13], ['Escape', 'Escape', 27],
               ['Home', 'Home', 36], ['End', 'End', 35], ['PageDown', 'PageDown', 34], ['Backspace', 'Backspace', 8],
               ['a', 'KeyA', 65], ['1', 'Digit1', 49], ['-', 'Minus', 189]].map(([key, code, keyCode]) => ({key, code, keyCode}));

function randomAction(rnd, touch) {
  const r = rnd();
  const x = rnd(), y = rnd();
  if (r < 0.22) return {kind: 'command', command: randomCommand(rnd)};
  if (r < 0.27) return {kind: 'raw', raw: kRaw[Math.floor(rnd() * kRaw.length)]};
  if (r < 0.45) return {kind: 'move', x, y};
  if (r < 0.58) return {kind: 'click', x, y, button: rnd() < 0.9 ? 0 : 2};
  if (r < 0.62) return {kind: rnd() < 0.5 ? 'down' : 'up', x, y};
  if (r < 0.70) return {kind: 'wheel', x, y, dy: (rnd() - 0.5) * 1200};
  if (r < 0.88 || !touch) return {kind: 'key', key: {...kKeys[Math.floor(rnd() * kKeys.length)], shift: rnd() < 0.15}};
  return {kind: 'touch', x, y, id: Math.floor(rnd() * 3), dx: rnd() < 0.3 ? (rnd() - 0.5) * 0.3 : 0, dy: (rnd() - 0.5) * 0.3};
}

// The monkey: `count` events, most played in the page in batches, one in 49 through the browser's
// real input pipeline (CDP: mouse, keyboard, touchscreen) so both paths are covered.
async function monkey(page, viewport, rnd, count) {
  const canvas = page.locator('#skindepth-main canvas');
  const box = await canvas.boundingBox();
  const at = () => ({x: box.x + rnd() * box.width, y: box.y + rnd() * box.height});
  const refusals = [];
  let sent = 0, real = 0;
  while (sent < count) {
    const batch = [];
    for (let i = 0; i < 48 && sent + batch.length < count; i++) batch.push(randomAction(rnd, viewport.hasTouch));
    refusals.push(...await page.evaluate(playInPage, batch));
    sent += batch.length;
    for (let i = 0; i < 1 && sent < count; i++, sent++, real++) {
      const r = rnd(), p = at();
      if (r < 0.3) await page.mouse.click(p.x, p.y);
      else if (r < 0.45) { const q = at(); await page.mouse.move(p.x, p.y); await page.mouse.down(); await page.mouse.move(q.x, q.y, {steps: 3}); await page.mouse.up(); }
      else if (r < 0.6) { await page.mouse.move(p.x, p.y); await page.mouse.wheel(0, (rnd() - 0.5) * 1200); }
      else if (r < 0.85 || !viewport.hasTouch) {
        if (rnd() < 0.2) await canvas.focus();
        await page.keyboard.press(['Tab', 'Shift+Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Space', 'Enter', 'Escape'][Math.floor(rnd() * 9)]);
      } else await page.touchscreen.tap(p.x, p.y);
    }
    if (process.env.MONKEY_TRACE) console.log(`monkey: ${sent} events, ${refusals.length} refusals, ${new Date().toISOString()}`);
  }
  return {sent, real, refusals};
}

test('monkey: thousands of random inputs and host commands; no console error but clear refusals, state valid, still drawing', async () => {
  const seed = Number(process.env.MONKEY_SEED || 20251121);
  let total = 0;
  // Small framebuffers (pixel ratio 1) keep software-GL frames quick; the layouts are still the
  // desktop and phone ones, and the phone has touch.
  const viewports = [['desktop', {width: 800, height: 500, deviceScaleFactor: 1}, 2000], ['phone', {...kPhone, deviceScaleFactor: 1}, 1000]];
  for (const [name, vp, count] of viewports) {
    const rnd = prng(seed + (name === 'phone' ? 1 : 0));
    const {context, page, errors} = await open(site.browser, site.url, vp);
    if (name === 'desktop') {
      // The in-page events reach the widget: hover over the skin and Ctrl + wheel, and it zooms (a plain
      // wheel scrolls the page).
      const zoom = await page.evaluate(async () => {
        const w = SkinDepth.instances[0], c = w.canvas, r = c.getBoundingClientRect();
        const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res())));
        const where = {bubbles: true, cancelable: true, clientX: r.left + r.width * 0.25, clientY: r.top + r.height * 0.6};
        c.dispatchEvent(new MouseEvent('mousemove', where));
        await frame();
        for (let i = 0; i < 3; i++) c.dispatchEvent(new WheelEvent('wheel', {...where, deltaY: -300, ctrlKey: true}));
        await frame();
        return (await w.getState()).zoom;
      });
      assert.ok(zoom > 1, `a synthetic Ctrl + wheel zoomed the drawing (zoom ${zoom})`);
    }
    const t0 = Date.now();
    const {sent, real, refusals} = await monkey(page, vp, rnd, count);
    total += sent;
    const pageErrors = errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, [], `no uncaught page error (${name})`);
    // The widget's own refusals: "SkinDepth: <the message the command was refused with>".
    const allowed = new Set(refusals.map((m) => `SkinDepth: ${m}`));
    assert.deepEqual(errors.filter((e) => !allowed.has(e)), [], `console errors other than refusals (${name})`);
    assert.ok(refusals.length > 0, 'the monkey sent commands the widget refused');
    const state = await fullState(page);
    assertValidState(state);
    // Still drawing: back to the cross-section, a change, new frames with the skin in them.
    await page.evaluate(async () => {
      const w = SkinDepth.instances[0];
      await w.setView('cross_section');
      await w.command({cmd: 'setLanguage', language: 'en'});
    });
    const frames = (await stats(page)).frames_drawn;
    await page.evaluate(() => SkinDepth.instances[0].setNeedleLength(2.25));
    await waitForFrames(page, frames);
    await page.mouse.move(0, 0);
    await settle(page, 500);
    const seen = await look(page, `fault-monkey-${name}`);
    assert.ok(seen.skin > 0.05, `skin shows after the monkey (${(seen.skin * 100).toFixed(1)}%)`);
    assert.equal((await fullState(page)).needle_mm, 2.25);
    console.log(`monkey ${name}: seed ${seed}, ${sent} events (${real} through the browser's input, ${refusals.length} refused commands) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await context.close();
  }
  console.log(`monkey: ${total} events in all`);
});
