// The questionnaire end to end in the page: answered step by step as the panel does, it will not
// advance past an unanswered step, ends in the same plan as `skindepth plan`, tells the host only
// the decision and the area, and exports a stamped plan and an .ics calendar.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {open, settle, shot, root, kDesktop, kPhone, useSite, kHealthyAnswers} from './harness.mjs';

const cli = path.join(root, 'build/native/skindepth');
const site = useSite();

const healthy = kHealthyAnswers;

function cliPlan(answers) {
  return JSON.parse(execFileSync(cli, ['plan', '-'], {input: JSON.stringify(answers)}).toString());
}

async function answerStepByStep(page, answers) {
  return page.evaluate(async (answers) => {
    const w = SkinDepth.instances[0];
    const events = [];
    w.on('plancomplete', (d) => events.push(d));
    await w.setView('questionnaire');
    const log = [];
    let state = (await w.getState());
    for (let step = 0; step < state.quiz_steps; step++) {
      // Next is refused (the step does not complete) until its questions are answered: check via stepTo.
      for (const [key, value] of Object.entries(answers)) await w.command({cmd: 'answer', key, value});
      await w.command({cmd: 'stepTo', step: step + 1});
      state = await w.getState();
      log.push(state.quiz_step);
    }
    return {log, state, events};
  }, answers);
}

test('a healthy patient gets a sourced plan, the same as the command line prints', async () => {
  const {context, page, errors} = await open(site.browser, site.url, kDesktop);
  const {state, events} = await answerStepByStep(page, healthy);
  assert.equal(state.quiz_finished, true);
  assert.equal(state.view, 'questionnaire');
  const plan = await page.evaluate(() => SkinDepth.instances[0].getPlan());
  const expected = cliPlan(healthy);
  assert.equal(plan.decision, 'proceed');
  assert.deepEqual(plan, expected);
  assert.ok(plan.reasons.every((r) => r.sources.length > 0));
  // The host hears the decision and the area, and no health answer.
  assert.equal(events.length, 1);
  assert.deepEqual(Object.keys(events[0]).sort(), ['area', 'decision']);
  assert.deepEqual(events[0], {decision: 'proceed', area: 'cheeks'});
  await settle(page);
  await page.locator('#skindepth-main canvas').screenshot({path: shot('plan-proceed-desktop.png')});
  // Exports: text stamped as education; an .ics with one event per session.
  const exported = await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.command({cmd: 'export', kind: 'ics'});
    const ics = w.lastExport;
    await w.command({cmd: 'export', kind: 'copy'});
    return {ics, text: w.lastExport};
  });
  assert.match(exported.text, /Educational illustration, not a prediction or medical advice/);
  assert.match(exported.ics, /^BEGIN:VCALENDAR/);
  assert.equal((exported.ics.match(/BEGIN:VEVENT/g) || []).length, expected.sessions.max);
  assert.match(exported.ics, /not a prediction or medical advice/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the questionnaire does not move past a step with an unanswered question', async () => {
  const {context, page} = await open(site.browser, site.url, kDesktop);
  const result = await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.setView('questionnaire');
    await w.command({cmd: 'stepTo', step: 99});
    const plan = await w.getPlan().then(() => 'plan', (e) => e.message);
    return {state: await w.getState(), plan};
  });
  assert.equal(result.state.quiz_finished, false);
  assert.match(result.plan, /no plan yet/);
  await context.close();
});

for (const [name, change, decision] of [['defer', {retinoid_last_7_days: true}, 'defer'],
                                        ['refer', {blood_thinners_or_bleeding_disorder: true}, 'refer']]) {
  test(`a contraindication gives "${decision}", never a plan to treat (${name})`, async () => {
    const {context, page, errors} = await open(site.browser, site.url, kPhone);
    const answers = {...healthy, ...change};
    await answerStepByStep(page, answers);
    const plan = await page.evaluate(() => SkinDepth.instances[0].getPlan());
    assert.equal(plan.decision, decision);
    assert.deepEqual(plan, cliPlan(answers));
    assert.equal(plan.sessions, undefined, 'no sessions are offered');
    await settle(page);
    await page.locator('#skindepth-main canvas').screenshot({path: shot(`plan-${name}-phone.png`)});
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an unknown answer is refused with the key named, and earlier answers are kept', async () => {
  const {context, page} = await open(site.browser, site.url, kDesktop);
  const r = await page.evaluate(async () => {
    const w = SkinDepth.instances[0];
    await w.command({cmd: 'answer', key: 'area', value: 'forehead'});
    const bad = await w.command({cmd: 'answer', key: 'fitzpatrick', value: 9}).then(() => 'accepted', (e) => e.message);
    const unknown = await w.setAnswers({concerns: ['fine_lines'], area: 'cheeks', favourite_colour: 'red'}).then(() => 'accepted', (e) => e.message);
    const st = await w.command({cmd: 'getState', includeAnswers: true});
    return {bad, unknown, answers: st.state.answers};
  });
  assert.match(r.bad, /fitzpatrick/);
  assert.match(r.unknown, /favourite_colour/);
  assert.deepEqual(r.answers, {area: 'forehead'});
  await context.close();
});
