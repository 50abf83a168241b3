// Fault: a host's content missing, garbage or invalid. The widget shows its built-in content, a
// notice, and an error naming the file and the JSON pointer.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, settle, serve, site as siteDir, useSite, events, fullState, look} from './harness.mjs';

const site = useSite();

function invalidAreas() {
  const doc = JSON.parse(fs.readFileSync(path.join(siteDir, 'content/areas.json'), 'utf8'));
  const first = doc.areas[0];
  const layer = Object.keys(first.thickness_mm)[1];
  first.thickness_mm[layer] = -0.1;
  return {body: JSON.stringify(doc), pointer: new RegExp(`^/areas/0/thickness_mm/${layer}$`)};
}

const kInvalidAreas = invalidAreas();
// The demo page uses the content built into the widget; a spa with its own content names its folder.
const kOwnContentPage = {status: 200, type: 'text/html',
  body: fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8').replace('data-skindepth', 'data-skindepth data-content="content/"')};
const contentCases = [
  ['a 404', {status: 404, body: 'not found', type: 'text/plain'}, /^$/, ['Failed to load resource: the server responded with a status of 404 (Not Found)']],
  ['garbage', {status: 200, body: '{"areas": ['}, /^$/, []],
  ['valid JSON with a negative thickness', {status: 200, body: kInvalidAreas.body}, kInvalidAreas.pointer, []],
];

for (const [name, override, pointer, browserErrors] of contentCases) {
  test(`areas.json is ${name}: the widget shows built-in content, a notice and an error naming the file`, async () => {
    const bad = await serve({overrides: {'/content/areas.json': override, '/': kOwnContentPage}});
    try {
      const {context, page, errors} = await open(site.browser, bad.url);
      const state = await fullState(page);
      assert.ok(state.notices.length > 0, 'a notice is shown');
      assert.ok(state.notices.some((n) => n.includes('showing the built-in content')), state.notices.join(' | '));
      const reported = (await events(page, 'error')).filter((e) => e.kind === 'content_invalid');
      assert.equal(reported.length, 1, 'one content_invalid event');
      const forAreas = reported[0].errors.filter((e) => e.file === 'areas.json');
      assert.ok(forAreas.length > 0, `the event lists areas.json: ${JSON.stringify(reported[0].errors)}`);
      assert.ok(forAreas.some((e) => pointer.test(e.pointer)), `a pointer like ${pointer}: ${JSON.stringify(forAreas)}`);
      assert.ok(forAreas.every((e) => e.message.length > 0));
      assert.equal(reported[0].errors[0].file, 'areas.json', 'the broken file comes first');
      // Other files may only be blamed for what they lost with it (their references into areas.json).
      assert.ok(reported[0].errors.every((e) => e.file === 'areas.json' || e.message.includes('areas.json')), JSON.stringify(reported[0].errors));
      // The console names the file; every console error is the widget's or the browser's 404 line.
      assert.ok(errors.some((e) => e.startsWith('SkinDepth') && e.includes('areas.json')), errors.join('\n'));
      if (override.status === 404) assert.ok(errors.includes('SkinDepth content: areas.json: HTTP 404'), errors.join('\n'));
      assert.deepEqual(errors.filter((e) => !e.startsWith('SkinDepth') && !browserErrors.includes(e)), []);
      // The built-in content works: the cross-section answers for the forehead.
      const forehead = await page.evaluate(() => SkinDepth.instances[0].setArea('forehead').then((r) => r.state));
      assert.equal(forehead.area, 'forehead');
      assert.ok(['stratum_corneum', 'epidermis', 'papillary_dermis', 'reticular_dermis', 'subcutis'].includes(forehead.tip_layer), forehead.tip_layer);
      await settle(page);
      const seen = await look(page, `fault-content-${name.split(' ')[0]}`);
      assert.ok(seen.skin > 0.1, `the skin is drawn (${(seen.skin * 100).toFixed(1)}%)`);
      await context.close();
    } finally {
      bad.server.close();
    }
  });
}
