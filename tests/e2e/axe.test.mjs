// The demo page as a spa's designer checks it (issue 18): axe-core (npm, pinned) finds no
// accessibility problem on it with the widget mounted, on a desktop and on a phone, and the page
// has what Lighthouse's SEO and best-practice audits ask for (a meta description, a favicon that
// loads, no console error).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {createRequire} from 'node:module';
import {open, settle, kPhone, kDesktop, useSite} from './harness.mjs';

const site = useSite();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

for (const [name, viewport] of [['desktop', kDesktop], ['phone', kPhone]]) {
  test(`axe-core finds nothing on the demo page (${name})`, async () => {
    const {context, page, errors} = await open(site.browser, site.url, viewport);
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await settle(page, 500);
    await page.addScriptTag({path: path.resolve(axePath)});
    const violations = await page.evaluate(async () => {
      const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    const head = await page.evaluate(() => ({
      description: document.querySelector('meta[name="description"]')?.content ?? '',
      icon: document.querySelector('link[rel="icon"]')?.href ?? '',
    }));
    assert.ok(head.description.length > 50, `a meta description (${head.description})`);
    const icon = await page.request.get(head.icon);
    assert.equal(icon.status(), 200, `the favicon loads (${head.icon})`);
    assert.deepEqual(failed, [], 'no request fails');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
