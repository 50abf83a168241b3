// A patient on a phone, by touch only (issue 16): from the page to the plan for the reference profile
// (35 years old, acne scars on the cheeks, skin type IV, nothing to declare) in at most 20 taps, each
// a real touch (CDP Input.dispatchTouchEvent) on a control found by its text, as a person reads it.
// On every page the widget reports its hit targets (getStats): each is at least 44 CSS px square
// (WCAG 2.5.5). Each step is saved as a phone screenshot (test-results/taps-*.png).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, settle, shot, kPhone, useSite, fullState, stats, site as siteDir} from './harness.mjs';

const site = useSite();
const kMaxTaps = 20;
const kTarget = 44;

const content = (name) => JSON.parse(fs.readFileSync(path.join(siteDir, 'content', name), 'utf8'));

test('a phone reaches the plan for the reference profile in 20 taps or fewer; every target is 44 px', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const cdp = await context.newCDPSession(page);
  const ui = content('ui.json').strings;
  const text = (key) => ui[key].en;
  const option = (key, value) => {
    for (const step of content('questionnaire.json').steps)
      for (const q of step.questions)
        if (q.key === key) return q.options.find((o) => o.value === value).label.en;
    throw new Error(key);
  };
  const canvas = page.locator('#skindepth-main canvas');
  // The patient scrolls the page to the widget (a swipe, not a tap): its top at the top of the screen.
  await page.evaluate(() => {
    const c = document.querySelector('#skindepth-main canvas');
    window.scrollTo(0, window.scrollY + c.getBoundingClientRect().top - 8);
  });
  await settle(page);
  const box = await canvas.boundingBox();
  assert.ok(box.y + box.height <= kPhone.height, `the whole widget fits on the screen (${box.y} + ${box.height})`);
  let taps = 0, shots = 0;
  const small = [], hovered = [];

  const targets = async () => {
    const s = await stats(page);
    assert.equal(s.touch_screen, true, 'the widget knows it is on a touch screen');
    return s.targets;
  };
  const checkSizes = async (where) => {
    for (const t of await targets())
      if (t.w < kTarget - 0.5 || t.h < kTarget - 0.5) small.push(`${where}: "${t.label}" ${t.w}x${t.h}`);
  };
  const tapAt = async (x, y) => {
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x, y, id: 1}]});
    await page.waitForTimeout(60);
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
    taps++;
    await settle(page, 250);
    const s = await stats(page);
    if (s.item_hovered) hovered.push(`tap ${taps}`);
  };
  // A one-finger drag over the panel (not a tap): brings a control further down into view.
  const dragPanel = async (dy) => {
    const x = box.x + box.width / 2, y = box.y + box.height - 60;
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x, y, id: 2}]});
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: [{x, y: y + (dy * i) / 10, id: 2}]});
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(200);  // slow at the end: no glide
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
    await settle(page, 600);
  };
  const tap = async (label) => {
    for (let tries = 0; tries < 6; tries++) {
      const t = (await targets()).find((x) => x.label === label);
      const cy = t ? t.y + t.h / 2 : Infinity;
      if (t && cy < box.height - 12) return tapAt(box.x + t.x + t.w / 2, box.y + cy);
      await dragPanel(-Math.min(300, t ? cy - box.height + 80 : 300));
    }
    const seen = (await targets()).map((x) => x.label).join(' | ');
    throw new Error(`no "${label}" to tap; on screen: ${seen}`);
  };
  const snap = async (name) => {
    await checkSizes(name);
    await page.screenshot({path: shot(`taps-${String(++shots).padStart(2, '0')}-${name}.png`)});
  };

  await snap('page');
  await tap(text('view.questionnaire'));
  await snap('concerns');
  await tap(option('concerns', 'acne_scars'));
  await tap(text('quiz.next'));
  await snap('area');
  await tap(option('area', 'cheeks'));
  await snap('severity');
  await tap(option('severity', 'moderate'));
  await snap('scar-kind');
  await tap(option('scar_type', 'atrophic'));
  await snap('skin-type');
  await tap(option('fitzpatrick', 4));
  await snap('age');
  // The age: a tap on its box brings up the phone's numeric keyboard (a real field, inputmode
  // numeric, focused by the tap); "3", "5" and Done are three more taps.
  {
    const unit = content('questionnaire.json').steps.flatMap((s) => s.questions).find((q) => q.key === 'age').unit.en;
    const field = (await targets()).find((t) => t.label.endsWith(` ${unit}`));
    assert.ok(field, `the age box ("... ${unit}")`);
    await tapAt(box.x + field.x + field.w / 2, box.y + field.y + field.h / 2);
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      return {cls: e.className, inputMode: e.inputMode, type: e.type, visible: !e.hidden && e.getBoundingClientRect().height > 30};
    });
    assert.deepEqual(focused, {cls: 'sd-number', inputMode: 'numeric', type: 'text', visible: true}, 'a numeric keyboard field has the focus');
    await snap('age-keyboard');
    for (const key of ['3', '5', 'Enter']) {
      await page.keyboard.press(key);
      taps++;
    }
    await settle(page);
    assert.equal((await fullState(page)).answers.age, 35);
  }
  await snap('age-set');
  await tap(text('quiz.next'));
  for (const step of ['skin-now', 'medicines', 'health']) {
    await snap(step);
    await tap(text('quiz.none_apply'));
  }
  const state = await fullState(page);
  assert.equal(state.quiz_finished, true, 'the plan is shown');
  assert.equal(state.quiz_step, state.quiz_steps, 'on the plan page');
  await snap('plan');
  console.log(`taps from the page to the plan: ${taps}`);
  assert.ok(taps <= kMaxTaps, `${taps} taps (at most ${kMaxTaps})`);
  // The other two views, by touch too: their controls are finger-sized as well.
  await tap(text('view.cross_section'));
  await snap('cross-section');
  await tap(text('view.timeline'));
  await snap('timeline');
  assert.equal((await fullState(page)).view, 'timeline');
  assert.deepEqual(small, [], 'every hit target is at least 44 CSS px square');
  assert.deepEqual(hovered, [], 'nothing stays hovered (no hover colour) after a tap');
  assert.deepEqual(errors, []);
  await context.close();
});
