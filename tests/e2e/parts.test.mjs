// Content fetched by view (issue 18): the widget starts with the cross-section's content only; the
// timeline's and the questionnaire's files (skindepth-parts/) come when their view first opens, by a
// tab in the widget or by a command, which waits for them and then runs. A part that cannot be
// fetched is said in the view (with "Try again") and in the command's rejection; trying again works.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, settle, shot, command, stats, kDesktop, kPhone, kHealthyAnswers, useSite, site as siteDir} from './harness.mjs';

const site = useSite();
const ui = JSON.parse(fs.readFileSync(path.join(siteDir, 'content/ui.json'), 'utf8')).strings;
const questionnaire = JSON.parse(fs.readFileSync(path.join(siteDir, 'content/questionnaire.json'), 'utf8'));
const parts = (requests) => requests.filter((r) => new URL(r).pathname.startsWith('/skindepth-parts/'))
  .map((r) => new URL(r).pathname.slice('/skindepth-parts/'.length));

test('nothing of the timeline or the questionnaire is fetched at start; a command fetches what it needs, once', async () => {
  const {context, page, errors, requests} = await open(site.browser, site.url, kDesktop);
  await settle(page, 1500);
  assert.deepEqual(parts(requests), [], 'the cross-section needs no part');
  // A command that needs the timeline waits for it and runs; the next one finds it there.
  const r = await command(page, {cmd: 'setView', view: 'timeline'});
  assert.equal(r.state.view, 'timeline');
  assert.deepEqual(parts(requests), ['timeline.json']);
  assert.equal((await command(page, {cmd: 'setTime', hours: 48})).state.time_hours, 48);
  // Commands sent together run in the order sent, after the part came.
  const [answered, plan] = await page.evaluate((answers) => {
    const w = SkinDepth.instances[0];
    return Promise.all([w.command({cmd: 'setAnswers', answers}), w.command({cmd: 'getPlan'})]);
  }, kHealthyAnswers);
  assert.equal(answered.ok, true);
  assert.equal(plan.ok, true, 'getPlan ran after setAnswers');
  assert.ok(plan.text.length > 200);
  assert.deepEqual(parts(requests).sort(), ['questionnaire.json', 'timeline.json']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab opened in the widget shows "Loading…", then its view once the part came', async () => {
  const {context, page, errors, requests} = await open(site.browser, site.url, kPhone);
  await page.locator('#skindepth-main canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('#skindepth-main canvas').boundingBox();
  const tab = (await stats(page)).targets.find((t) => t.label === ui['view.questionnaire'].en);
  assert.ok(tab, 'the plan tab is on screen');
  await page.touchscreen.tap(box.x + tab.x + tab.w / 2, box.y + tab.y + tab.h / 2);
  await page.waitForFunction(() => SkinDepth.instances[0].getState().then((s) => s.view === 'questionnaire'), null, {timeout: 10000});
  // Only getStats is asked meanwhile (it needs no part): the tab itself asked the page for the parts.
  const first = questionnaire.steps[0].questions[0].options[0].label.en;
  let labels = [];
  for (let i = 0; i < 80 && !labels.includes(first); ++i) {
    await page.waitForTimeout(250);
    labels = (await stats(page)).targets.map((t) => t.label);
  }
  assert.ok(labels.includes(first), `the questionnaire's first question is on screen: ${labels.join(' | ')}`);
  assert.deepEqual(parts(requests).sort(), ['questionnaire.json', 'timeline.json']);
  assert.ok(!labels.includes(ui['app.try_again'].en));
  await settle(page, 800);
  await page.screenshot({path: shot('parts-questionnaire-phone.png')});
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part that cannot be fetched: said in the view and by the command; trying again works', async () => {
  const {context, page, errors, requests} = await open(site.browser, site.url, kDesktop);
  let fail = true;
  await page.route('**/skindepth-parts/timeline.json', (route) => (fail ? route.fulfill({status: 404, body: 'gone'}) : route.continue()));
  const rejected = await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'setView', view: 'timeline'}).then(
    () => null, (e) => e.message));
  assert.match(rejected, /^command "setView" waits for timeline\.json: could not load .*skindepth-parts\/timeline\.json \(HTTP 404\)$/);
  assert.equal((await command(page, {cmd: 'getState'})).state.view, 'cross_section', 'the refused command changed nothing');
  assert.ok(errors.some((e) => /timeline\.json/.test(e) && /HTTP 404/.test(e)), errors.join('\n'));
  // The tab opens the view, which says what went wrong and offers to try again.
  const box = await page.locator('#skindepth-main canvas').boundingBox();
  const target = async (label) => (await stats(page)).targets.find((t) => t.label === label);
  // Held over a few frames: ImGui reads the button once a frame, and a loaded machine draws slowly.
  const click = async (t) => {
    await page.mouse.move(box.x + t.x + t.w / 2, box.y + t.y + t.h / 2);
    await page.mouse.down();
    await page.waitForTimeout(150);
    await page.mouse.up();
    await settle(page, 500);
  };
  await click(await target(ui['view.timeline'].en));
  let retry = null;
  for (let i = 0; i < 40 && !retry; ++i) { await page.waitForTimeout(250); retry = await target(ui['app.try_again'].en); }
  assert.ok(retry, 'a "Try again" button');
  await page.screenshot({path: shot('parts-failed-desktop.png')});
  fail = false;
  await click(retry);
  await page.waitForFunction(async () => (await SkinDepth.instances[0].command({cmd: 'setTime', hours: 24})).ok, null, {timeout: 20000});
  assert.ok(!(await target(ui['app.try_again'].en)), 'the view is back');
  assert.equal(parts(requests).filter((f) => f === 'timeline.json').length, 3, 'the command, the tab, the retry');
  await settle(page, 800);
  await page.screenshot({path: shot('parts-timeline-desktop.png')});
  assert.deepEqual(errors.filter((e) => !/timeline\.json|404/.test(e)), []);
  await context.close();
});
