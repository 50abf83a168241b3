// No WebGL2 (issue 19, part): the browser refuses every WebGL context. The widget still starts, as
// text: the poster stays with a plain sentence and the disclaimer, the HTML controls (the mirror) are
// the interface for everyone, and the questionnaire, the plan and its calendar export work through
// the same commands and core. Nothing on the page moves as it starts, and the console says why once.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, useSite, events, shot, root, kPhone, kDesktop, kHealthyAnswers} from './harness.mjs';

const site = useSite();
const kUi = JSON.parse(fs.readFileSync(path.join(root, 'content/ui.json'), 'utf8'));
// Every WebGL context refused, as on a device whose GPU the browser has blocked.
const kNoWebGL = {fn: () => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/i.test(kind) ? null : getContext.call(this, kind, ...rest); };
  window.__shifts = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__shifts += e.value; })).observe({type: 'layout-shift', buffered: true});
}};

for (const [name, vp] of [['phone', kPhone], ['desktop', kDesktop]]) {
  test(`without WebGL2 the widget works as text: the questionnaire to a plan and its calendar file (${name})`, async () => {
    const {context, page, errors} = await open(site.browser, site.url, vp, {waitFor: '[data-ready="true"]', initScript: {fn: kNoWebGL.fn}});
    const widget = page.locator('#skindepth-main');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__shifts), 0, 'nothing on the page moved when the widget started as text');
    assert.equal(await widget.getAttribute('data-webgl'), 'none');
    assert.equal(await widget.getAttribute('data-drawn'), null, 'nothing is drawn');
    assert.equal(await widget.getAttribute('data-error'), null, 'not a failed start');
    // The sentence and the disclaimer, over the poster.
    const status = page.locator('#skindepth-main .sd-status');
    assert.ok(await status.isVisible());
    const said = await status.textContent();
    assert.ok(said.includes(kUi.strings['app.no_webgl'].en) && said.includes(kUi.strings['app.disclaimer'].en), said);
    // The host hears why; the console says it once, plainly.
    assert.deepEqual((await events(page, 'error')).map((e) => e.kind), ['webgl_unavailable']);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^SkinDepth: WebGL2 is not available/);
    // The mirror is the interface, inside the widget's room.
    const mirror = page.locator('#skindepth-main .sd-mirror');
    const frame = await page.locator('#skindepth-main .sd-frame').boundingBox();
    const m = await mirror.boundingBox();
    assert.ok(m.height > frame.height / 2 && m.y >= frame.y && m.y + m.height <= frame.y + frame.height + 1, `${JSON.stringify(m)} in ${JSON.stringify(frame)}`);
    // The skin in words: the needle's control changes the widget's state.
    await mirror.getByRole('button', {name: kUi.strings['view.cross_section'].en}).click();
    const needle = mirror.locator('input[type="range"]').first();
    await needle.fill('1.5');
    await page.waitForFunction(() => SkinDepth.instances[0].getState().then((s) => s.needle_mm === 1.5), null, {timeout: 5000, polling: 100});
    // The questionnaire by its own controls: the first step's first choice, clicked.
    await mirror.getByRole('button', {name: kUi.strings['view.questionnaire'].en}).click();
    const first = mirror.locator('.sd-quiz input').first();
    await first.check();
    const answered = await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'getState', includeAnswers: true}).then((r) => Object.keys(r.state.answers).length));
    assert.ok(answered >= 1, 'the click answered a question');
    // To the plan, and its calendar file from the mirror's own button.
    await page.evaluate((a) => SkinDepth.instances[0].setAnswers(a).then(() => SkinDepth.instances[0].showPlan()), kHealthyAnswers);
    const plan = await page.evaluate(() => SkinDepth.instances[0].getPlan());
    assert.equal(plan.decision, 'proceed');
    const ics = mirror.locator('button[data-export="ics"]');
    await ics.waitFor({timeout: 5000});
    const [download] = await Promise.all([page.waitForEvent('download'), ics.click()]);
    const file = await download.path();
    assert.match(fs.readFileSync(file, 'utf8'), /^BEGIN:VCALENDAR/);
    await page.screenshot({path: shot(`no-webgl-${name}.png`)});
    await widget.screenshot({path: shot(`no-webgl-widget-${name}.png`)});
    assert.equal(errors.length, 1, errors.join('\n'));
    await context.close();
  });
}
