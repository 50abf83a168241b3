// Embedding as a spa would: attributes, several widgets on a page, every API call and event, the
// booking hand-off (area and treatment, never answers), a phone with touch, staff mode with hot
// keys, the print view and the .ics download, the live region, the iframe form.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {open, settle, shot, waitForState, kPhone, kDesktop, useSite, kHealthyAnswers} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const site = useSite();

// A healthy patient asking about fine lines on the forehead.
const healthy = {...kHealthyAnswers, concerns: ['fine_lines'], area: 'forehead', severity: 'mild', fitzpatrick: 3, age: 45};

test('two widgets on one page, mounted from attributes, each in its brand and language', async () => {
  const {context, page, errors} = await open(site.browser, site.url + 'brands.html', {width: 1440, height: 1000});
  await page.waitForFunction(() => document.querySelectorAll('[data-drawn="true"]').length === 2, null, {timeout: 60000});
  const states = await page.evaluate(() => Promise.all(SkinDepth.instances.map((w) => w.getState())));
  assert.equal(states[0].language, 'en');
  assert.equal(states[1].language, 'es');
  assert.equal(states[1].view, 'timeline');
  assert.equal(states[1].area, 'forehead');
  // The host's page keeps its title (SDL's window title had replaced it with the widget's name).
  assert.equal(await page.title(), 'SkinDepth: two spas, two brands, two languages');
  // Each drew its own canvas in its own accent: the active tab shows the brand colour.
  await settle(page);
  const shots = [];
  for (const [i, accent] of [[0, [0x8c, 0x4a, 0x5c]], [1, [0x1f, 0x7a, 0x74]]]) {
    const png = await page.locator('[data-skindepth] canvas').nth(i).screenshot();
    shots.push(png);
    const img = decodePng(png);
    const near = countPixels(img, (r, g, b) => Math.abs(r - accent[0]) < 18 && Math.abs(g - accent[1]) < 18 && Math.abs(b - accent[2]) < 18);
    assert.ok(near > 500, `widget ${i} shows its accent colour (${near} px)`);
  }
  await page.screenshot({path: shot('brands-desktop.png')});
  // Commands go to one widget only.
  await page.evaluate(() => SkinDepth.instances[0].setArea('scalp'));
  const after = await page.evaluate(() => Promise.all(SkinDepth.instances.map((w) => w.getState())));
  assert.equal(after[0].area, 'scalp');
  assert.equal(after[1].area, 'forehead');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every API call and event', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const r = await page.evaluate(async (healthy) => {
    const w = SkinDepth.instances[0];
    const seen = [];
    for (const name of ['viewchange', 'plancomplete', 'bookclick', 'error', 'describe'])
      w.on(name, (d) => seen.push([name, d]));
    const domEvents = [];
    w.el.addEventListener('skindepth:viewchange', (e) => domEvents.push(e.detail.view));
    await w.setArea('neck');
    await w.setNeedleLength(0.75);
    await w.setView('timeline');
    await w.setTime(72);
    const s1 = await w.getState();
    await w.setAnswers(healthy);
    await w.showPlan();
    const plan = await w.getPlan();
    window.__opened = [];
    window.open = (u) => { window.__opened.push(u); return null; };
    w.options.bookUrl = 'https://spa.example/book?t={treatment}&a={area}';
    await w.command({cmd: 'bookClick'});
    const bad = await w.setNeedleLength(7).then(() => 'ok', (e) => e.message);
    return {s1, plan, seen, domEvents, opened: window.__opened, bad};
  }, healthy);
  assert.equal(r.s1.area, 'neck');
  assert.equal(r.s1.needle_mm, 0.75);
  assert.equal(r.s1.view, 'timeline');
  assert.equal(r.s1.time_hours, 72);
  assert.equal(r.plan.decision, 'proceed');
  const names = r.seen.map((e) => e[0]);
  for (const n of ['viewchange', 'plancomplete', 'bookclick']) assert.ok(names.includes(n), `${n} in ${names}`);
  assert.deepEqual(r.domEvents.slice(0, 1), ['timeline']);
  const complete = r.seen.find((e) => e[0] === 'plancomplete')[1];
  assert.deepEqual(complete, {decision: 'proceed', area: 'forehead'}, 'no health answers leave by default');
  const book = r.seen.find((e) => e[0] === 'bookclick')[1];
  assert.equal(book.treatment, 'microneedling');
  assert.deepEqual(r.opened, ['https://spa.example/book?t=microneedling&a=forehead']);
  assert.ok(!JSON.stringify(book).includes('pregnant'), 'the booking hand-off carries no answers');
  assert.match(r.bad, /needle length/);
  assert.ok(errors.every((e) => e.startsWith('SkinDepth: needle length')), errors.join('\n'));
  await context.close();
});

test('the live region follows the view', async () => {
  const {context, page} = await open(site.browser, site.url, kDesktop);
  const live = page.locator('#skindepth-main .sd-live');
  await page.evaluate(() => SkinDepth.instances[0].setArea('scalp'));
  await page.waitForFunction(() => document.querySelector('#skindepth-main .sd-live').textContent.startsWith('Scalp'), null, {timeout: 15000});
  await page.evaluate(() => SkinDepth.instances[0].setView('timeline').then(() => SkinDepth.instances[0].setTime(24 * 21)));
  await page.waitForFunction(() => document.querySelector('#skindepth-main .sd-live').textContent.includes('Healing'), null, {timeout: 15000});
  assert.match(await live.textContent(), /Day 21/);
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await context.close();
});

test('a phone: a tap on the Healing tab switches the view', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kPhone);
  const canvas = page.locator('#skindepth-main canvas');
  await canvas.scrollIntoViewIfNeeded();
  await settle(page);
  const box = await canvas.boundingBox();
  // The tabs fill the top of the widget in three equal parts; the middle one is Healing.
  await page.touchscreen.tap(box.x + box.width / 2, box.y + 22);
  const state = await waitForState(page, (s) => s.view === 'timeline');
  assert.equal(state.view, 'timeline');
  await settle(page);
  fs.writeFileSync(shot('phone-timeline.png'), await canvas.screenshot());
  assert.deepEqual(errors, []);
  await context.close();
});

test('staff mode: side-by-side needles, larger type, hot keys, next patient clears answers', async () => {
  const {context, page, errors} = await open(site.browser, site.url, {width: 1920, height: 1080});
  await page.evaluate((healthy) => SkinDepth.instances[0].setMode('staff').then(() => SkinDepth.instances[0].setAnswers(healthy)), healthy);
  let state = await page.evaluate(() => SkinDepth.instances[0].getState());
  assert.equal(state.mode, 'staff');
  assert.equal(state.comparing, true);
  await page.locator('#skindepth-main canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('2');
  state = await waitForState(page, (s) => s.view === 'timeline' && s.needle_mm === 1.25);
  assert.equal(state.view, 'timeline');
  assert.equal(state.needle_mm, 1.25, 'arrow right lengthens the needle one step');
  await page.keyboard.type('1');
  await settle(page);
  fs.writeFileSync(shot('staff-desktop.png'), await page.locator('#skindepth-main canvas').screenshot());
  await page.keyboard.type('n');
  const cleared = await waitForState(page, (s) => Object.keys(s.answers).length === 0);
  assert.deepEqual(cleared.answers, {}, 'next patient clears the answers');
  assert.equal(await page.locator('#skindepth-main .sd-fullscreen').count(), 1);
  // Inside the demo page's column (about 1100 px), staff mode keeps the presenter layout: the
  // controls beside the drawing, not under it.
  const width = (await page.locator('#skindepth-main canvas').boundingBox()).width;
  assert.ok(width < 1250, `the widget sits in the page's column (${width} px)`);
  await settle(page);
  const texts = (await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'getChoices', texts: ['cross.stamp', 'cross.roll']}))).choices.texts;
  const targets = (await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'getStats'}))).targets;
  const stamp = targets.find((t) => t.label === texts['cross.stamp'] || t.label === texts['cross.roll']);
  assert.ok(stamp, 'the stamp button is drawn');
  assert.ok(stamp.x > width * 0.45, `the panel is beside the drawing (its button at x ${stamp.x} of ${width})`);
  // Full screen, then the keys at once (the button had the focus): 2 = timeline, Shift + arrow = the
  // second needle.
  await page.locator('#skindepth-main .sd-fullscreen').click();
  await page.waitForFunction(() => document.fullscreenElement !== null, null, {timeout: 5000});
  const before = (await page.evaluate(() => SkinDepth.instances[0].getState())).compare_mm;
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('2');
  state = await waitForState(page, (s) => s.view === 'timeline' && s.compare_mm > before);
  assert.equal(state.view, 'timeline', 'a key works right after Full screen');
  assert.ok(state.compare_mm > before, `Shift + arrow moves the second needle (${before} -> ${state.compare_mm})`);
  await page.evaluate(() => document.exitFullscreen());
  assert.deepEqual(errors, []);
  await context.close();
});

// iPhone Safari has no Fullscreen API for anything but video: the button makes the frame fill the
// window instead, and the same button or Escape gives the page back; the staff keys work meanwhile.
test('staff mode without the Fullscreen API (an iPhone): Full screen fills the window, the button or Escape gives the page back', async () => {
  const noFullscreen = {fn: () => { delete Element.prototype.requestFullscreen; delete Element.prototype.webkitRequestFullscreen; }};
  const {context, page, errors} = await open(site.browser, site.url, kPhone, {initScript: noFullscreen});
  await page.evaluate(() => SkinDepth.instances[0].setMode('staff'));
  const frame = page.locator('#skindepth-main .sd-frame');
  const button = page.locator('#skindepth-main .sd-fullscreen');
  // Where the frame is on the page (a click scrolls the button into view: viewport positions move).
  const onPage = () => frame.evaluate((e) => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; });
  // The button sits over the drawing's foot, not over the panel's text below it.
  const place = () => page.evaluate(() => {
    const w = SkinDepth.instances[0], b = document.querySelector('#skindepth-main .sd-fullscreen').getBoundingClientRect();
    const c = w.canvas.getBoundingClientRect();
    return {top: b.top - c.top, bottom: b.bottom - c.top, scene: w._scene};
  });
  await settle(page);
  const placed = await place();
  assert.ok(placed.scene && placed.top >= placed.scene.y && placed.bottom <= placed.scene.y + placed.scene.h + 0.5,
            `Full screen over the drawing: ${JSON.stringify(placed)}`);
  const before = await onPage();
  await button.click();
  await settle(page);
  const inFilled = await place();
  assert.ok(inFilled.bottom <= inFilled.scene.y + inFilled.scene.h + 0.5, `and when the frame fills the window: ${JSON.stringify(inFilled)}`);
  const filled = await frame.boundingBox();
  assert.deepEqual([filled.x, filled.y, filled.width, filled.height], [0, 0, kPhone.width, kPhone.height], 'the frame fills the window');
  await page.keyboard.type('2');
  assert.equal((await waitForState(page, (s) => s.view === 'timeline')).view, 'timeline', 'the staff keys work at once');
  fs.writeFileSync(shot('staff-filled-phone.png'), await page.screenshot());
  await page.keyboard.press('Escape');
  await settle(page);
  assert.deepEqual(await onPage(), before, 'Escape gives the page back');
  await button.click();
  await settle(page);
  assert.equal((await frame.boundingBox()).height, kPhone.height);
  await button.click();
  await settle(page);
  assert.deepEqual(await onPage(), before, 'and so does the button');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print view shows only the stamped plan; the .ics downloads', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  await page.evaluate((healthy) => SkinDepth.instances[0].setAnswers(healthy).then(() => SkinDepth.instances[0].showPlan()), healthy);
  await page.evaluate(() => { window.print = () => {}; });
  await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'export', kind: 'print'}));
  await page.waitForSelector('body > .sd-print-sheet', {state: 'attached', timeout: 15000});
  await page.emulateMedia({media: 'print'});
  const sheet = page.locator('.sd-print-sheet');
  assert.ok(await sheet.isVisible());
  assert.ok(!(await page.locator('.spa-hero').isVisible()), 'the rest of the page is not printed');
  assert.match(await sheet.textContent(), /Educational illustration, not a prediction or medical advice/);
  // A laid-out page: the drawing of the plan's area (skin pixels copied from the canvas), the care
  // as checklists, the warning signs in their box, every cited source once at the end.
  const laid = await page.evaluate(() => {
    const s = document.querySelector('.sd-print-sheet'), c = s.querySelector('canvas.sd-sheet-picture');
    let skin = 0;
    if (c) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4 * 97) if (d[i] > 170 && d[i] > d[i + 1] + 15 && d[i + 2] < 215) skin++;
    }
    const refs = [...s.querySelectorAll('.sd-refs')].flatMap((r) => r.textContent.replace(/[[\]]/g, '').split(', ').map(Number));
    return {picture: !!c, skin, caption: s.querySelector('figcaption')?.textContent || '',
            checks: s.querySelectorAll('.sd-checklist li').length, warnings: s.querySelectorAll('[data-key="plan.warning_signs"] li').length,
            sources: s.querySelectorAll('.sd-sources li').length, maxRef: Math.max(...refs), refs: refs.length};
  });
  assert.ok(laid.picture && laid.skin > 200, `the drawing is on the sheet: ${JSON.stringify(laid)}`);
  assert.match(laid.caption, /\d\.\d\d mm/);
  assert.ok(laid.checks >= 6 && laid.warnings >= 2, JSON.stringify(laid));
  assert.ok(laid.refs > 10 && laid.maxRef === laid.sources, `every number points into the list: ${JSON.stringify(laid)}`);
  await page.screenshot({path: shot('print-view.png'), fullPage: true});
  await page.emulateMedia({media: 'screen'});
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => SkinDepth.instances[0].command({cmd: 'export', kind: 'ics'})),
  ]);
  assert.equal(download.suggestedFilename(), 'microneedling-plan.ics');
  const ics = fs.readFileSync(await download.path(), 'utf8');
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /not a prediction or medical advice/);
  // A plan that says to wait prints without the drawing of needles (nothing that reads as a depth to use).
  await page.evaluate(() => document.querySelector('body > .sd-print-sheet').remove());
  await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'answer', key: 'pregnant_or_breastfeeding', value: true})
    .then(() => SkinDepth.instances[0].command({cmd: 'export', kind: 'print'})));
  await page.waitForSelector('body > .sd-print-sheet', {state: 'attached', timeout: 15000});
  const wait = await page.evaluate(() => ({picture: !!document.querySelector('.sd-print-sheet canvas'),
                                           decision: document.querySelector('.sd-print-sheet').className}));
  assert.deepEqual(wait, {picture: false, decision: 'sd-print-sheet sd-decision-defer'});
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe form mounts from its query string and sizes the iframe', async () => {
  const {context, page, errors} = await open(site.browser, site.url + 'frame-host.html', kDesktop, {waitFor: null});
  const frame = page.frameLocator('iframe[data-skindepth-frame]');
  await frame.locator('[data-drawn="true"]').waitFor({timeout: 60000});
  const state = await page.frames()[1].evaluate(() => SkinDepth.instances[0].getState());
  assert.equal(state.language, 'es');
  assert.equal(state.view, 'questionnaire');
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) >= 560, null, {timeout: 15000});
  assert.deepEqual(errors, []);
  await context.close();
});

// The frame's height settles: it once grew forever (612 -> 820 -> 900 -> 1322 px in 25 s), because the
// widget's height followed the frame's and the frame's followed the widget's. Phone and desktop.
for (const viewport of [kDesktop, kPhone]) {
  test(`the iframe settles to one height over 30 s (${viewport.width} px wide)`, async () => {
    const {context, page, errors} = await open(site.browser, site.url + 'frame-host.html', viewport, {waitFor: null});
    await page.frameLocator('iframe[data-skindepth-frame]').locator('[data-drawn="true"]').waitFor({timeout: 60000});
    const height = () => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    await page.waitForTimeout(1000);
    const first = await height();
    const seen = new Set([first]);
    for (let t = 0; t < 30; t += 3) {
      await page.waitForTimeout(3000);
      seen.add(await height());
    }
    assert.deepEqual([...seen], [first], `one height over 30 s (${[...seen].join(' -> ')} px)`);
    // And it fits its content: no second scrollbar inside the frame.
    const inner = await page.frames()[1].evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    assert.ok(inner[0] <= inner[1] + 1, `the frame holds its content (${inner[0]} in ${inner[1]} px)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The host element keeps the widget's room before the script runs: with the script 1.5 s late, the
// page does not move when the widget appears (Chromium's layout-shift entries, as Lighthouse counts).
for (const viewport of [kDesktop, kPhone]) {
  test(`no layout shift when the script comes 1.5 s late (${viewport.width} px wide)`, async () => {
    const context = await site.browser.newContext({viewport: {width: viewport.width, height: viewport.height},
      deviceScaleFactor: viewport.deviceScaleFactor || 1, isMobile: !!viewport.isMobile, hasTouch: !!viewport.hasTouch});
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({type: 'layout-shift', buffered: true});
    });
    await page.route('**/skindepth.js', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(site.url, {waitUntil: 'commit'});
    await page.waitForSelector('#skindepth-main', {state: 'attached'});
    await page.waitForTimeout(300);  // the page is laid out and painted; the script is still on its way
    const early = await page.evaluate(() => [document.getElementById('skindepth-main').getBoundingClientRect().height,
                                             !!window.SkinDepth]);
    const reserved = early[0];
    assert.equal(early[1], false, 'measured before the script ran');
    await page.waitForSelector('[data-drawn="true"]', {timeout: 60000});
    await settle(page, 500);
    const mounted = await page.evaluate(() => document.getElementById('skindepth-main').getBoundingClientRect().height);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(reserved > 300, `room reserved before the script (${reserved} px)`);
    assert.equal(mounted, reserved, 'the widget fills exactly the room kept for it');
    assert.equal(shift, 0, `cumulative layout shift ${shift}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
