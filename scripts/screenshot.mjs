// Takes screenshots of the built widget for people to look at (not a test).
// usage: node scripts/screenshot.mjs OUT.png [--size 1440x900] [--dpr 1] [--cmd JSON]... [--zoom X,Y,STEPS]
//          [--wait MS] [--page index.html]
// --zoom: STEPS wheel notches in (negative: out) with the pointer at X,Y CSS px of the canvas.
import {launch, serve, open} from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const out = args[0];
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const [width, height] = opt('--size', '1440x900').split('x').map(Number);
const dpr = Number(opt('--dpr', width < 600 ? 3 : 1));
const cmds = args.flatMap((a, i) => (a === '--cmd' ? [JSON.parse(args[i + 1])] : []));
const browser = await launch();
const {server, url} = await serve();
try {
  const {page, errors} = await open(browser, url + opt('--page', ''), {width, height, deviceScaleFactor: dpr, isMobile: width < 600, hasTouch: width < 600});
  for (const c of cmds) await page.evaluate((c) => SkinDepth.instances[0].command(c), c);
  if (opt('--zoom')) {
    const [zx, zy, steps] = opt('--zoom').split(',').map(Number);
    const box = await page.locator('[data-skindepth] canvas').first().boundingBox();
    await page.mouse.move(box.x + zx, box.y + zy);
    await page.keyboard.down('Control');  // the wheel zooms the drawing with Ctrl (alone it scrolls the page)
    for (let i = 0; i < Math.abs(steps); ++i) { await page.mouse.wheel(0, steps > 0 ? -100 : 100); await page.waitForTimeout(60); }
    await page.keyboard.up('Control');
  }
  await page.waitForTimeout(Number(opt('--wait', 500)));
  const target = args.includes('--page-shot') ? page : page.locator('[data-skindepth] canvas').first();
  await target.screenshot({path: out});
  if (errors.length) console.error('console errors:\n' + errors.join('\n'));
  console.log(out);
} finally {
  await browser.close();
  server.close();
}
