// Accessibility and the staff-mode hand-off, in the page: the semantic mirror next to the canvas is
// operated by keyboard alone (area, needle length with its layer, the whole questionnaire, the plan
// read as headings and lists), as a screen reader sees it (playwright's ARIA snapshot); it shows itself
// while focused; Escape returns to the canvas. Staff mode draws a QR code whose link carries the plan
// and no answer, and opening that link shows the plan card. The page chrome's contrast is measured.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {open, settle, shot, kDesktop, kPhone, useSite, waitForState, kHealthyAnswers} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const site = useSite();
const kStaff = {width: 1920, height: 1080, deviceScaleFactor: 1};
const kStamp = 'Educational illustration, not a prediction or medical advice.';

// Pure black pixels: only the QR code's modules are drawn in #000 (text is #211c1f).
async function blackPixels(page) {
  const png = decodePng(await page.locator('#skindepth-main canvas').screenshot());
  return countPixels(png, (r, g, b) => r < 8 && g < 8 && b < 8);
}

test('staff mode: the plan page draws a QR code of the plan (no answers), and its link shows the plan card', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kStaff);
  await page.evaluate((a) => SkinDepth.instances[0].setAnswers(a).then(() => SkinDepth.instances[0].showPlan()), kHealthyAnswers);
  await settle(page, 600);
  const patientBlack = await blackPixels(page);
  let state = await waitForState(page, (s) => s.quiz_finished);
  assert.equal(state.plan_link, undefined, 'patients are shown no QR code');
  await page.evaluate(() => SkinDepth.instances[0].setMode('staff'));
  state = await waitForState(page, (s) => s.mode === 'staff' && !!s.plan_link);
  await settle(page, 800);
  const staffBlack = await blackPixels(page);
  fs.writeFileSync(shot('staff-plan-qr.png'), await page.locator('#skindepth-main canvas').screenshot());
  const link = state.plan_link;
  console.log(`plan link: ${link.length} bytes, QR version ${state.plan_qr.version} (${state.plan_qr.size} modules): ${link}`);
  assert.ok(link.startsWith(site.url + '#skindepth-plan=v=1;'), link);
  for (const key of Object.keys(kHealthyAnswers).filter((k) => k !== 'area')) assert.ok(!link.includes(key), `${key} in ${link}`);
  assert.ok(!link.includes('acne_scars'));
  assert.ok(state.plan_qr.version >= 1 && state.plan_qr.version <= 10, JSON.stringify(state.plan_qr));
  assert.ok(patientBlack < 500, `no QR in patient mode (${patientBlack} black pixels)`);
  assert.ok(staffBlack > 15000, `the QR is drawn (${staffBlack} black pixels)`);
  assert.deepEqual(errors, []);
  await context.close();

  // The patient's phone opens the link: a plan card, stamped, with no answer in it.
  const phone = await open(site.browser, link, kPhone);
  const card = phone.page.locator('.sd-plan-card');
  await card.waitFor();
  const text = await card.innerText();
  for (const want of [kStamp, 'Your plan summary (from your own answers)', 'Warning signs: when to call', 'A course that could suit you', 'Area: Cheeks', 'Sessions', 'Possible session dates'])
    assert.ok(text.includes(want), `card lacks "${want}":\n${text}`);
  assert.ok(!/acne|pregnan|fitzpatrick/i.test(text), text);
  const snapshot = await card.ariaSnapshot();
  assert.match(snapshot, /heading "Your plan summary \(from your own answers\)" \[level=2\]/);
  assert.match(snapshot, /heading "A course that could suit you" \[level=3\]/);
  await phone.page.screenshot({path: shot('plan-card-phone.png'), fullPage: false});
  assert.deepEqual(phone.errors, []);
  await phone.context.close();

  // A damaged link says so instead of showing half a plan.
  const broken = await open(site.browser, site.url + '#skindepth-plan=v=1;l=en;d=p;a=cheeks;s=3', kDesktop);
  assert.match(await broken.page.locator('.sd-plan-card').innerText(), /incomplete or damaged/);
  await broken.context.close();
});

// Answers the mirror's current step with the keyboard: Space on the wanted radio or checkbox, typing
// into a number field; then Enter on Next. Returns false on the plan page.
async function answerStepByKeyboard(page, mirror, answers) {
  const fieldsets = mirror.locator('fieldset');
  const count = await fieldsets.count();
  if (count === 0) return false;
  for (let i = 0; i < count; i++) {
    const inputs = fieldsets.nth(i).locator('input');
    const key = await inputs.first().getAttribute('data-key');
    const want = answers[key];
    if (await inputs.first().getAttribute('type') === 'number') {
      await inputs.first().focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(want));
      await page.keyboard.press('Tab');
      continue;
    }
    for (const value of Array.isArray(want) ? want : [want]) {
      const input = fieldsets.nth(i).locator(`input[data-value='${JSON.stringify(value)}']`);
      await input.focus();
      if (!(await input.isChecked())) await page.keyboard.press('Space');
    }
  }
  const next = mirror.locator('.sd-next');
  await page.waitForFunction(() => !document.querySelector('.sd-mirror .sd-next')?.disabled, null, {timeout: 10000});
  await next.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2', null, {timeout: 10000});
  return true;
}

test('a screen-reader user picks an area, hears the layer a needle reaches, answers every question by keyboard and reads the plan', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const canvas = page.locator('#skindepth-main canvas');
  const mirror = page.getByRole('region', {name: 'Controls for the skin illustration'});
  await mirror.waitFor({state: 'attached'});
  assert.ok((await mirror.boundingBox()).width <= 2, 'hidden from sight until focused');

  // Tab from the canvas into the mirror: the view buttons come first, and the strip shows itself.
  await canvas.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-view')), 'cross_section');
  assert.ok((await mirror.boundingBox()).width > 300, 'visible while focused');
  let snap = await mirror.ariaSnapshot();
  assert.match(snap, /button "Skin & needles" \[pressed\]/);
  assert.match(snap, /combobox "Body area"/);
  assert.match(snap, /slider "Needle length"/);

  // Body area by keyboard, then the needle: the slider says the length and the layer, and the live
  // region (what a screen reader hears) says the same.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');  // past Healing and Your plan
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT');
  await page.keyboard.press('ArrowDown');  // cheeks -> the next area in the list
  let state = await waitForState(page, (s) => s.area !== 'cheeks');
  assert.notEqual(state.area, 'cheeks');
  const area = state.area;
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  state = await waitForState(page, (s) => s.needle_mm === 2.5);
  assert.equal(state.needle_mm, 2.5);
  await page.waitForFunction(() => /^2\.50 mm — /.test(document.querySelector('.sd-mirror input[type=range]').getAttribute('aria-valuetext')));
  const valuetext = await page.locator('.sd-mirror input[type=range]').first().getAttribute('aria-valuetext');
  assert.equal(valuetext, `2.50 mm — ${state.tip_layer_name}`);
  await page.waitForFunction((layer) => document.querySelector('#skindepth-main .sd-live').textContent.includes(layer), state.tip_layer_name);
  fs.writeFileSync(shot('mirror-focused-desktop.png'), await page.locator('#skindepth-main').screenshot());
  assert.equal(state.area, area);

  // The questionnaire, keyboard only: to "Your plan", then every step.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-view')), 'questionnaire',
               'Shift+Tab walks back through the needle, the area and the views');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.sd-mirror fieldset legend'));
  snap = await mirror.ariaSnapshot();
  assert.match(snap, /button "Your plan" \[pressed\]/);
  assert.match(snap, /group "What would you like to improve\?|group ".+"/);
  assert.match(snap, /checkbox ".+"/);
  let steps = 0;
  while (await answerStepByKeyboard(page, mirror, kHealthyAnswers)) assert.ok(++steps < 12, 'the questionnaire ends');
  state = await waitForState(page, (s) => s.quiz_finished);
  assert.equal(state.quiz_finished, true);
  assert.equal(steps, state.quiz_steps);

  // The plan, read as headings and lists, stamped.
  snap = await mirror.ariaSnapshot();
  assert.match(snap, /heading "A course that could suit you" \[level=2\]/);
  assert.match(snap, /heading "After each session" \[level=3\]/);
  assert.match(snap, /listitem/);
  assert.ok(snap.includes(kStamp), snap);
  fs.writeFileSync(shot('mirror-plan-desktop.png'), await page.locator('#skindepth-main').screenshot());

  // Escape returns to the canvas, and the strip hides again.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
  assert.ok((await mirror.boundingBox()).width <= 2);
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 15, item 9: an age typed as 17.6 is under 18; the mirror used to round it to 18 (proceed).
test('an age of 17.6 typed in the mirror stays 17.6 and the plan says to see a clinician', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const mirror = page.getByRole('region', {name: 'Controls for the skin illustration'});
  await mirror.waitFor({state: 'attached'});
  await page.evaluate(() => SkinDepth.instances[0].setView('questionnaire'));
  await page.waitForFunction(() => document.querySelector('.sd-mirror fieldset legend'));
  let steps = 0;
  while (await answerStepByKeyboard(page, mirror, {...kHealthyAnswers, age: 17.6})) assert.ok(++steps < 12);
  const state = await page.evaluate(async () => (await SkinDepth.instances[0].command({cmd: 'getState', includeAnswers: true})).state);
  assert.equal(state.answers.age, 17.6);
  const plan = await page.evaluate(() => SkinDepth.instances[0].getPlan());
  assert.equal(plan.decision, 'refer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the focused mirror is a strip of finger-sized controls', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  await page.locator('#skindepth-main canvas').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const box = await page.locator('.sd-mirror select').boundingBox();
  assert.ok(box.height >= 44, `controls at finger size (${box.height} px)`);
  await settle(page);
  await page.screenshot({path: shot('mirror-focused-phone.png')});
  assert.deepEqual(errors, []);
  await context.close();
});

// WCAG contrast of what the page itself draws (the widget's ImGui colours: tests/ui/contrast_test.cpp).
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the page chrome (mirror, plan card, status) has WCAG AA contrast in both brands', async () => {
  const {context, page} = await open(site.browser, site.url + 'brands.html#skindepth-plan=v=1;l=en;d=p;a=cheeks;s=3-6;i=4-6;m=1-1.5;x=6-12;t=30-45', kDesktop);
  await page.waitForFunction(() => document.querySelectorAll('[data-ready="true"]').length === 2, null, {timeout: 60000});
  await page.locator('.sd-plan-card').waitFor();
  const results = [];
  for (let w = 0; w < 2; w++) {
    await page.evaluate((w) => SkinDepth.instances[w].el.querySelector('.sd-mirror button').focus(), w);
    const pairs = await page.evaluate((w) => {
      const root = SkinDepth.instances[w].el;
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const bgOf = (e) => {
        for (; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return rgb(c);
        }
        return [255, 255, 255];
      };
      const pick = (sel, what, large) => {
        const e = root.querySelector(sel);
        return e && {what, fg: rgb(getComputedStyle(e).color), bg: bgOf(e), large};
      };
      return [pick('.sd-mirror', 'mirror text'), pick('.sd-mirror .sd-hint', 'mirror hint'),
              pick('.sd-mirror button[aria-pressed="true"]', 'pressed view button'),
              pick('.sd-mirror button[aria-pressed="false"]', 'view button'),
              pick('.sd-plan-card h3', 'plan card decision', true), pick('.sd-plan-card dd', 'plan card value'),
              pick('.sd-plan-card .sd-stamp', 'stamp'), pick('.sd-plan-card .sd-muted', 'plan card disclaimer'),
              pick('.sd-card-close', 'card button')].filter(Boolean);
    }, w);
    for (const p of pairs) results.push({brand: w === 0 ? 'lumen' : 'aurora', ...p, ratio: ratio(p.fg, p.bg)});
  }
  for (const r of results) console.log(`  ${r.brand.padEnd(7)} ${r.what.padEnd(22)} ${r.ratio.toFixed(2)}:1`);
  assert.ok(results.length >= 10);
  for (const r of results) assert.ok(r.ratio >= (r.large ? 3 : 4.5), `${r.brand} ${r.what}: ${r.ratio.toFixed(2)}`);
  await context.close();
});
