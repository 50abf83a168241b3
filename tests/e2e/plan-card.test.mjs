// The plan card of a #skindepth-plan= link (a plan a clinic handed over by QR code): the module reads
// the link and answers with the card, so every text on it is the content's, in the link's language
// whatever the widget's; a damaged link shows the content's notice in the widget's language. Only
// the page's first widget shows a card.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {open, serve, useSite, root, site as siteDir, kDesktop, kPhone, shot} from './harness.mjs';

const site = useSite();
const kUi = JSON.parse(fs.readFileSync(path.join(root, 'content/ui.json'), 'utf8'));
const t = (key, lang) => kUi.strings[key][lang];
const kLink = '#skindepth-plan=v=1;l=%s;d=p;a=cheeks;s=3-6;i=4-6;m=1-1.5;x=6-12;t=30-45;c=2026-11-28,2026-12-26';
const kIndex = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8');
const page = (attributes) => ({status: 200, type: 'text/html', body: kIndex.replace('data-skindepth', `data-skindepth ${attributes}`)});

// What the card shows, element by element.
async function readCard(p) {
  const card = p.locator('.sd-plan-card');
  await card.waitFor();
  return card.evaluate((c) => {
    const all = (sel) => [...c.querySelectorAll(sel)].map((e) => e.textContent);
    return {lang: c.getAttribute('lang'), h2: all('h2'), stamp: all('.sd-stamp'), h3: all('h3'), p: all('p'),
            dt: all('dt'), dd: all('dd'), h4: all('h4'), li: all('ol:not(.sd-sources) > li'), warnings: all('ul > li'),
            sources: all('.sd-sources > li'), refs: all('.sd-refs'), button: all('button')};
  });
}

for (const [lang, area, vp] of [['en', 'Cheeks', kDesktop], ['es', 'Mejillas', kPhone]]) {
  test(`a valid link in ${lang}: the card in the link's language, every text from the content`, async () => {
    const {context, page: p, errors} = await open(site.browser, site.url + kLink.replace('%s', lang), vp);
    const card = await readCard(p);
    assert.equal(card.lang, lang);
    assert.deepEqual(card.h2, [t('card.title', lang)]);
    assert.deepEqual(card.stamp, [t('plan.stamp', lang)]);
    assert.deepEqual(card.h3, [t('plan.proceed', lang)]);
    assert.ok(card.p.includes(`${t('card.area', lang)}: ${area}`), card.p.join(' | '));
    assert.ok(card.p.includes(t('app.disclaimer', lang)), card.p.join(' | '));
    assert.deepEqual(card.dt, ['plan.sessions', 'plan.interval', 'plan.depth', 'plan.maintenance', 'plan.minutes'].map((k) => t(k, lang)));
    assert.deepEqual(card.dd, ['3–6', '4–6', '1.00–1.50 mm', '6–12', '30–45']);
    // The dates in the link's language, and the warning signs every handed-over plan carries.
    assert.deepEqual(card.h4, [t('plan.calendar', lang), t('plan.warning_signs', lang), t('common.sources', lang)]);
    // Each warning sign with its sources' numbers, the full references listed once below.
    assert.equal(card.refs.length, card.warnings.length);
    assert.ok(card.sources.length >= 2 && card.sources.every((x) => x.length > 20), card.sources.join(' | '));
    assert.deepEqual(card.li, lang === 'en' ? ['Sat 28 Nov 2026', 'Sat 26 Dec 2026'] : ['sáb 28 nov 2026', 'sáb 26 dic 2026']);
    assert.ok(card.warnings.length >= 3, card.warnings.join(' | '));
    assert.deepEqual(card.button, [t('card.close', lang)]);
    // The drawing shows the plan's area at the plan's depth (the middle of 1.00-1.50 mm), and the card
    // carries a copy of it, as the printed sheet does.
    await p.waitForSelector('.sd-plan-card canvas.sd-sheet-picture', {timeout: 15000});
    const drawn = await p.evaluate(() => SkinDepth.instances[0].getState());
    assert.equal(drawn.area, 'cheeks');
    assert.equal(drawn.needle_mm, 1.25);
    // Its caption is the printed sheet's (the drawing in words, describe_needle), in the card's language.
    const caption = await p.locator('.sd-plan-card figcaption').textContent();
    assert.match(caption, lang === 'en' ? /^Cheeks\. Needle 1\.25 mm: the tip reaches the / : /^Mejillas\. Aguja 1\.25 mm: la punta llega a la /);
    await p.locator('.sd-plan-card').screenshot({path: shot(`plan-card-${lang}.png`)});
    // The widget keeps its own language (the page's default, English); the card is the link's.
    assert.equal((await p.evaluate(() => SkinDepth.instances[0].getState())).language, 'en');
    // Closing the card shows the illustration and puts the focus on it.
    await p.locator('.sd-card-close').click();
    assert.equal(await p.locator('.sd-plan-card').count(), 0);
    assert.equal(await p.evaluate(() => document.activeElement.tagName), 'CANVAS');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a link to a plan that says to wait: the card says so, with no drawing of needles and the widget left as it was', async () => {
  const {context, page: p, errors} = await open(site.browser, site.url + '#skindepth-plan=v=1;l=en;d=d;a=forehead', kDesktop);
  const card = await readCard(p);
  assert.deepEqual(card.h3, [t('plan.defer', 'en')]);
  await p.waitForTimeout(1500);
  assert.equal(await p.locator('.sd-plan-card canvas').count(), 0);
  const s = await p.evaluate(() => SkinDepth.instances[0].getState());
  assert.notEqual(s.area, 'forehead', 'the drawing is not moved to the plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged link on a Spanish widget: the content\'s notice in Spanish, no half plan', async () => {
  const spanish = await serve({overrides: {'/': page('data-lang="es"')}});
  try {
    const {context, page: p, errors} = await open(site.browser, spanish.url + '#skindepth-plan=v=1;l=en;d=p;a=cheeks;s=3', kDesktop);
    const card = await readCard(p);
    assert.equal(card.lang, 'es');
    assert.deepEqual(card.h2, [t('card.title', 'es')]);
    assert.deepEqual(card.p, [t('card.invalid', 'es')]);
    assert.deepEqual([card.h3, card.dt, card.li], [[], [], []]);
    assert.deepEqual(card.button, [t('card.close', 'es')]);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    spanish.server.close();
  }
});

test('a host\'s edited content words the card; only the page\'s first widget shows one', async () => {
  const edited = structuredClone(kUi);
  edited.strings['card.title'].en = 'Your plan from Lumen Skin Studio';
  const own = await serve({overrides: {'/': page('data-content="content/"'), '/content/ui.json': {status: 200, body: JSON.stringify(edited)}}});
  try {
    const {context, page: p, errors} = await open(site.browser, own.url + kLink.replace('%s', 'en'), kDesktop);
    assert.deepEqual((await readCard(p)).h2, ['Your plan from Lumen Skin Studio']);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    own.server.close();
  }
  const {context, page: p, errors} = await open(site.browser, site.url + 'brands.html' + kLink.replace('%s', 'es'), kDesktop,
                                               {waitFor: null});
  await p.waitForFunction(() => document.querySelectorAll('[data-drawn="true"]').length === 2, null, {timeout: 60000});
  await p.locator('.sd-plan-card').waitFor();
  assert.equal(await p.locator('.sd-plan-card').count(), 1);
  assert.equal(await p.evaluate(() => SkinDepth.instances[0].el.querySelectorAll('.sd-plan-card').length), 1, 'in the first widget');
  assert.deepEqual(errors, []);
  await context.close();
});
