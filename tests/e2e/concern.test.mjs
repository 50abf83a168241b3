// The patient's concern drawn in the skin, as a person sees it: the boxcar scar sinks the surface by
// its content depth in the middle of the drawing, a click in it opens its card, and on the timeline
// new collagen lifts its floor above a dashed outline of the surface before the course.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, settle, shot, site as siteDir, command, waitForState, isSkin, kDesktop, useSite} from './harness.mjs';
import {decodePng} from './png.mjs';

const site = useSite();

const areas = JSON.parse(fs.readFileSync(path.join(siteDir, 'content/areas.json'), 'utf8')).areas;
const concerns = JSON.parse(fs.readFileSync(path.join(siteDir, 'content/structures.json'), 'utf8')).concerns;

// scene.cpp's mapping at zoom 1 and no pan: the area's whole drawn depth (at least 2.6 mm) plus 14% of
// air above fills the pane's height; x = 0 mm is the pane's middle.
function mapping(scene, area, dpr) {
  const a = areas.find((x) => x.id === area);
  const shown = Math.max(Object.values(a.thickness_mm).reduce((s, v) => s + v, 0), 2.6);
  const pxPerMm = scene.h / (shown * 1.14);
  return {
    pxPerMm: pxPerMm * dpr,
    x: (mm) => Math.round((scene.x + scene.w / 2 + mm * pxPerMm) * dpr),
    y: (mm) => Math.round((scene.y + (mm + shown * 0.14) * pxPerMm) * dpr),
  };
}

// The depth (mm) of the first skin-coloured pixel from the top, in the column at x mm.
function surfaceAt(img, map, xMm) {
  const x = map.x(xMm);
  for (let y = map.y(-0.3); y < map.y(1.2); ++y) {
    const i = (y * img.width + x) * 4;
    if (isSkin(img.data[i], img.data[i + 1], img.data[i + 2])) return (y - map.y(0)) / map.pxPerMm;
  }
  return NaN;
}

const shotOf = async (page, name) => {
  const png = await page.locator('#skindepth-main canvas').screenshot();
  fs.writeFileSync(shot(`${name}.png`), png);
  return decodePng(png);
};

test('a boxcar scar sinks the surface by its depth in the middle, to scale, and a click in it opens its card', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const boxcar = concerns.find((c) => c.id === 'boxcar_scar');
  const scene = await page.evaluate(() => SkinDepth.instances[0]._scene);
  const map = mapping(scene, 'cheeks', 1);
  // Between the pen's needles (0.6 mm apart), on the scar's flat floor; and well beside it.
  const floor = 0.3, beside = -(boxcar.size.width_mm / 2 + 0.25);
  let img = await shotOf(page, 'concern-none-desktop');
  const flat = surfaceAt(img, map, floor) - surfaceAt(img, map, beside);
  assert.ok(Math.abs(flat) < 0.05, `without a concern the surface is level (${flat.toFixed(3)} mm)`);

  const reply = await command(page, {cmd: 'setConcern', concern: 'boxcar_scar'});
  assert.equal(reply.state.concern, 'boxcar_scar');
  await settle(page);
  img = await shotOf(page, 'concern-boxcar-desktop');
  const drop = surfaceAt(img, map, floor) - surfaceAt(img, map, beside);
  assert.ok(Math.abs(drop - boxcar.size.depth_mm) < 0.06, `the floor lies ${boxcar.size.depth_mm} mm down (drawn: ${drop.toFixed(3)} mm)`);

  // A click in the dip names the scar and opens its card.
  await page.evaluate(() => document.querySelector('#skindepth-main canvas').scrollIntoView({block: 'start'}));
  await settle(page);
  const box = await page.locator('#skindepth-main canvas').boundingBox();
  await page.mouse.move(box.x + map.x(floor), box.y + map.y(boxcar.size.depth_mm * 0.5));
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
  const picked = await waitForState(page, (s) => s.structure === 'boxcar_scar');
  assert.equal(picked.structure, 'boxcar_scar');

  // An unknown picture is refused, says why, and leaves the scar drawn.
  const refused = await page.evaluate(() => SkinDepth.instances[0].command({cmd: 'setConcern', concern: 'crater'})
    .then(() => 'accepted', (e) => e.message));
  assert.match(refused, /unknown concern picture "crater"/);
  assert.equal((await command(page, {cmd: 'getState'})).state.concern, 'boxcar_scar');
  assert.deepEqual(errors.filter((e) => !e.includes('crater')), []);
  await context.close();
});

test('on the timeline new collagen lifts the scar\'s floor above the dashed outline of before', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const boxcar = concerns.find((c) => c.id === 'boxcar_scar');
  await command(page, {cmd: 'setConcern', concern: 'boxcar_scar'});
  await command(page, {cmd: 'setView', view: 'timeline'});
  await command(page, {cmd: 'setCourse', sessions: 4, everyWeeks: 4});
  await command(page, {cmd: 'pause'});
  const scene = await page.evaluate(() => SkinDepth.instances[0]._scene);
  const map = mapping(scene, 'cheeks', 1);
  const floorAt = async (hours, name) => {
    await command(page, {cmd: 'setTime', hours});
    await settle(page, 600);
    const img = await shotOf(page, name);
    return {depth: surfaceAt(img, map, 0.3), img};
  };
  const start = await floorAt(0, 'concern-boxcar-week0-desktop');
  const year = await floorAt(24 * 365.25, 'concern-boxcar-month12-desktop');
  assert.ok(Math.abs(start.depth - boxcar.size.depth_mm) < 0.06, `at the first session the floor is the scar's (${start.depth.toFixed(3)} mm)`);
  const lifted = start.depth - year.depth;
  const most = boxcar.size.depth_mm * boxcar.course_fill.share;
  assert.ok(lifted > 0.02 && lifted <= most + 0.03, `a year on the floor rose ${lifted.toFixed(3)} mm (at most ${most} mm: the content's share)`);
  // The outline of before: slate-blue dashes at the old floor's depth, under today's floor.
  const isDash = (r, g, b) => b > 120 && r < 110 && g < 130 && b > r + 40;
  let dashes = 0;
  const y0 = map.y(boxcar.size.depth_mm) - 3, y1 = map.y(boxcar.size.depth_mm) + 3;
  for (let y = y0; y <= y1; ++y) for (let x = map.x(-0.8); x <= map.x(0.8); ++x) {
    const i = (y * year.img.width + x) * 4;
    if (isDash(year.img.data[i], year.img.data[i + 1], year.img.data[i + 2])) ++dashes;
  }
  assert.ok(dashes > 40, `the dashed outline of before is drawn (${dashes} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});
