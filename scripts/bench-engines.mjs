// The three engines side by side (issue 19): Chromium, Firefox ESR and WebKitGTK, each on this
// machine's software renderer, at a phone's pixel ratio and at a desktop's. For the widget on the demo
// page and for the floor page (scripts/floor.mjs) in the same engine and size:
//   - frames drawn per second while the healing timeline plays (the floor: while it animates);
//   - input-to-frame latency while a finger scrubs the timeline: an input every 16 ms for 4 s (the
//     scrubber's position through the widget's `setTimePosition`; the floor's `input()`), each timed
//     from when it was due (a busy page delays the input too, as it delays a finger's events) to the
//     animation frame after the frame that drew it (the drawn frame handed to the compositor);
//   - the widget's resolution trade at the end (getStats: moving_scale, picture_ratio).
// Needs an X display for Firefox and WebKit: scripts/bench runs it under xvfb-run. Writes
// bench/engines.json, which scripts/bench.mjs puts into bench/RESULTS.md.
// usage: xvfb-run -a -s "-screen 0 2560x2880x24" node scripts/bench-engines.mjs [--engines chromium,firefox,webkit] [--no-write]
import fs from 'node:fs';
import path from 'node:path';
import {kAllEngines, serveSite, waitIn, shot, root} from '../tests/engines/engines.mjs';
import {kFloorFiles} from './floor.mjs';
import {startServer} from './serve.mjs';

const args = process.argv.slice(2);
const kWrite = !args.includes('--no-write');
const kEngineNames = args.includes('--engines') ? args[args.indexOf('--engines') + 1].split(',') : Object.keys(kAllEngines);
const kSizes = [
  {name: 'phone', viewport: {width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true}},
  {name: 'desktop', viewport: {width: 1440, height: 900, deviceScaleFactor: 1}},
];
const kPlaySeconds = 5;
const kScrubSeconds = 4;
const kInputEveryMs = 16;
const log = (...a) => console.error('[bench-engines]', ...a);
const round = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

// In the page: the same measurement for the widget and the floor. `frames()` counts frames drawn,
// `input(i)` is the i-th input, `play(on)` starts and stops the animation.
const kMeasure = `
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const task = () => new Promise((r) => setTimeout(r, 0));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[s.length >> 1] : null; };
  const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.max(0, Math.ceil(0.95 * s.length) - 1)] : null; };
  const canvas = document.querySelector(KIND === 'widget' ? '#skindepth-main canvas' : '#c');
  canvas.scrollIntoView({block: 'start'});
  let frames, input, play, extra = () => ({});
  if (KIND === 'widget') {
    const w = SkinDepth.instances[0];
    frames = () => w._call({cmd: 'getState'}).stats.frames_drawn;
    input = (i) => w._call({cmd: 'setTimePosition', position: (0.05 + i * 0.0037) % 1});
    play = (on) => { if (on) { w._call({cmd: 'setSpeed', speed: 1}); w._call({cmd: 'setTime', hours: 0}); } w._call({cmd: on ? 'play' : 'pause'}); };
    extra = () => { const s = w._call({cmd: 'getStats'}); return {moving_scale: s.moving_scale, picture_ratio: s.picture_ratio, ratio_cap: s.ratio_cap, frame_pace_ms: s.frame_pace_ms}; };
    await w.command({cmd: 'setView', view: 'timeline'});  // fetches the timeline's content first
  } else {
    frames = () => window.__floor.frames;
    input = () => window.__floor.input();
    let on = false;
    const loop = () => { if (on) { window.__floor.input(); requestAnimationFrame(loop); } };
    play = (x) => { on = x; if (x) requestAnimationFrame(loop); };
  }
  await sleep(1500);  // the view drawn and its still picture refined

  // Frames drawn per second while it animates.
  play(true);
  await sleep(300);
  const f0 = frames(), t0 = performance.now();
  await sleep(${kPlaySeconds * 1000});
  const fps = (frames() - f0) / ((performance.now() - t0) / 1000);
  play(false);
  await sleep(1500);

  // Input-to-frame while scrubbing. Inputs due at start + i * every; the timer applies all that are
  // due (a browser coalesces a finger's moves the same way), each keeps its due time. A frame drawn
  // in the animation frame at time c shows every input applied before c; it is on screen by the next
  // animation frame, whose time answers them.
  const inputs = [], answered = [];
  let last = frames(), drawnNotShown = [], running = true, drawn = 0;
  const start = performance.now() + 50, end = start + ${kScrubSeconds * 1000};
  const watcher = (async () => {
    while (running || drawnNotShown.length || inputs.some((x) => x.answered === null)) {
      await raf();
      const c = performance.now();
      for (const x of drawnNotShown) x.answered = c;
      drawnNotShown = [];
      await task();
      const f = frames();
      if (f > last) {
        drawn += f - last;
        last = f;
        drawnNotShown = inputs.filter((x) => x.applied < c && x.answered === null && !x.drawn);
        for (const x of drawnNotShown) x.drawn = true;
      }
      if (performance.now() > end + 10000) break;  // a frame that never comes: left unanswered
    }
  })();
  let i = 0;
  while (performance.now() < end) {
    await sleep(${kInputEveryMs});
    const now = performance.now();
    let due = 0;
    while (start + i * ${kInputEveryMs} <= now && start + i * ${kInputEveryMs} < end) { inputs.push({due: start + i * ${kInputEveryMs}, applied: now, answered: null}); ++i; ++due; }
    if (due) input(i - 1);
  }
  running = false;
  await watcher;
  const lat = inputs.filter((x) => x.answered !== null).map((x) => x.answered - x.due);
  const gl = canvas.getContext('webgl2');
  return {fps, scrub_fps: drawn / (${kScrubSeconds}), inputs: inputs.length, unanswered: inputs.length - lat.length,
          latency_median_ms: median(lat), latency_p95_ms: p95(lat), latency_max_ms: Math.max(...lat), over_100ms: lat.filter((x) => x > 100).length,
          pixel_ratio: devicePixelRatio, css: [Math.round(canvas.clientWidth), Math.round(canvas.clientHeight)],
          framebuffer: [canvas.width, canvas.height], ...extra()};`;

async function measure(open, url, size, kind) {
  const page = await open(url, size.viewport);
  try {
    if (kind === 'widget') await waitIn(page, "!!document.querySelector('#skindepth-main[data-drawn=\"true\"], #skindepth-main[data-error]')");
    else await waitIn(page, "!!document.querySelector('#c[data-ready=\"true\"]')");
    const r = await page.run(`const KIND = '${kind}';\n${kMeasure}`);
    if (kind === 'widget') {  // once still: the screen's own resolution is back (app/resolution.h)
      r.still = await page.run(`await new Promise((r) => setTimeout(r, 1500));
        const s = SkinDepth.instances[0]._call({cmd: 'getStats'});
        return {ratio_cap: s.ratio_cap, framebuffer: [document.querySelector('#skindepth-main canvas').width, document.querySelector('#skindepth-main canvas').height]};`);
      await page.screenshot(shot(`bench-${page.engine}-${size.name}.png`));
    }
    return {engine: page.engine, version: page.version, ...r};
  } finally {
    await page.close();
  }
}

async function main() {
  const started = Date.now();
  const {server, url} = await serveSite();
  // The floor page from a server of its own (same origin rules do not matter: it loads nothing else).
  const floorServer = await startServer(path.join(root, 'build/wasm/site'), {port: 0, quiet: true, overrides: kFloorFiles});
  const floorUrl = `http://127.0.0.1:${floorServer.address().port}/floor.html?input=1`;
  const rows = [];
  try {
    for (const engine of kEngineNames) {
      for (const size of kSizes) {
        log(`${engine}, ${size.name}: the widget`);
        const widget = await measure(kAllEngines[engine], url, size, 'widget');
        log(`  ${JSON.stringify(widget)}`);
        log(`${engine}, ${size.name}: the floor page`);
        const floor = await measure(kAllEngines[engine], `${floorUrl}&w=${widget.css[0]}&h=${widget.css[1]}`, size, 'floor');
        log(`  ${JSON.stringify(floor)}`);
        rows.push({engine, size: size.name, widget, floor});
      }
    }
  } finally {
    server.close();
    floorServer.close();
  }
  const result = {date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), seconds: Math.round((Date.now() - started) / 1000),
                  play_seconds: kPlaySeconds, scrub_seconds: kScrubSeconds, input_every_ms: kInputEveryMs, rows};
  for (const r of rows) {
    const w = r.widget, f = r.floor;
    console.log(`${r.engine.padEnd(9)} ${r.size.padEnd(8)} @${w.pixel_ratio} ${w.css.join('x')}: widget ${round(w.fps)} fps, ` +
                `input-to-frame median ${round(w.latency_median_ms)} / p95 ${round(w.latency_p95_ms)} ms (scale ${round(w.moving_scale, 2)}, ratio ${round(w.picture_ratio, 2)}); ` +
                `floor ${round(f.fps)} fps, ${round(f.latency_median_ms)} / ${round(f.latency_p95_ms)} ms`);
  }
  if (kWrite) {
    fs.writeFileSync(path.join(root, 'bench/engines.json'), JSON.stringify(result, null, 1) + '\n');
    console.log('wrote bench/engines.json');
  }
}

main().catch((e) => {
  console.error(`bench-engines: the measurement failed: ${e && e.stack || e}`);
  process.exit(1);
});
