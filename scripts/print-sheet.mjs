// The take-home sheet as it prints, for people to look at (not a test): the demo page answers the
// questionnaire (the healthy fixture, with ANSWERS merged over it), exports the plan for print and
// saves the page as an A4 PDF; with Debian's poppler-utils it also renders each page to OUT-N.png.
// usage: node scripts/print-sheet.mjs OUT.pdf ['{"area": "cheeks", "concerns": ["acne_scars"]}']
import fs from 'node:fs';
import {execFileSync} from 'node:child_process';
import {launch, serve, open, root} from '../tests/e2e/harness.mjs';

const [out, extra] = process.argv.slice(2);
const answers = {...JSON.parse(fs.readFileSync(`${root}/tests/fixtures/healthy_answers.json`, 'utf8')).answers, ...JSON.parse(extra || '{}')};
const browser = await launch();
const {server, url} = await serve();
try {
  const {context, page} = await open(browser, url, {width: 1440, height: 900, deviceScaleFactor: 2});
  await page.evaluate((a) => {
    window.print = () => {};
    const w = SkinDepth.instances[0];
    return w.command({cmd: 'setToday', date: '2026-12-03'}).then(() => w.setAnswers(a)).then(() => w.showPlan())
      .then(() => w.command({cmd: 'export', kind: 'print'}));
  }, answers);
  await page.waitForSelector('body > .sd-print-sheet', {state: 'attached', timeout: 15000});
  await page.pdf({path: out, format: 'A4', printBackground: true});
  await context.close();
  try {
    execFileSync('pdftoppm', ['-r', '90', '-png', out, out.replace(/\.pdf$/, '')]);
  } catch {
    console.log('(no pdftoppm: apt-get install poppler-utils to render the pages to PNG)');
  }
  console.log(out);
} finally {
  await browser.close();
  server.close();
}
