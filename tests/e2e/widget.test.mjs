// The widget loads in Chromium, draws the skin shader and an ImGui panel, and reports no errors.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {open, settle, shot, kPhone, kDesktop, useSite, isSkin, distinctColours} from './harness.mjs';
import {decodePng, countPixels} from './png.mjs';

const site = useSite();

const isFat = (r, g, b) => r > 220 && g > 180 && b < 170 && r - b > 70;

for (const [name, vp] of [['desktop', kDesktop], ['phone', kPhone]]) {
  test(`widget draws the skin and a readable panel (${name})`, async () => {
    const {context, page, errors} = await open(site.browser, site.url, vp);
    const canvas = page.locator('#skindepth-main canvas');
    await canvas.scrollIntoViewIfNeeded();
    await settle(page);
    const png = await canvas.screenshot();
    fs.writeFileSync(shot(`widget-${name}.png`), png);
    await page.screenshot({path: shot(`page-${name}.png`), fullPage: false});
    const img = decodePng(png);
    const total = img.width * img.height;
    const skin = countPixels(img, isSkin) / total;
    const fat = countPixels(img, isFat) / total;
    const white = countPixels(img, (r, g, b) => r > 250 && g > 250 && b > 250) / total;
    assert.ok(skin > 0.12, `skin colours cover ${(skin * 100).toFixed(1)}% of the canvas`);
    assert.ok(fat > 0.01, `the fat band shows (${(fat * 100).toFixed(1)}%)`);
    assert.ok(white > 0.05, `the ImGui panel shows (${(white * 100).toFixed(1)}% white)`);
    // Not one flat colour: an illustration has many distinct colours.
    const colours = distinctColours(img);
    assert.ok(colours > 200, `${colours} distinct colours`);
    const state = await page.evaluate(() => SkinDepth.instances[0].getState());
    assert.equal(state.view, 'cross_section');
    assert.ok(state.stats.frames_drawn >= 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the page shows the title string from the content', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const state = await page.evaluate(() => SkinDepth.instances[0].getState());
  assert.equal(state.language, 'en');
  assert.deepEqual(state.notices, [], 'the served content validated: no fallback notice');
  assert.deepEqual(errors, []);
  await context.close();
});
