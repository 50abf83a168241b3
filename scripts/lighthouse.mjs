// Lighthouse on the demo page (issue 18): npm lighthouse@12.2.3 exactly (newer needs Node 22) driving
// Debian's Chromium through chrome-launcher, mobile and desktop profiles (Lighthouse's own defaults:
// simulated throttling, a Moto G Power for mobile), N runs each, the median reported.
// Used by scripts/bench.mjs; on its own it prints the figures:
//   node scripts/lighthouse.mjs [--runs N] [--url URL] [--page index.html]
// Without --url it serves build/wasm/site itself (scripts/serve.mjs: Brotli / gzip by Accept-Encoding).
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const kSite = path.resolve(here, '../build/wasm/site');
const kChromeFlags = ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader',
                      '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking',
                      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b), m = s.length >> 1;
  if (!s.length) return null;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// One Lighthouse run of `url` with the `formFactor` profile: the figures the issue asks for, and the
// long tasks and LCP element to say where the time went.
async function runOnce(url, formFactor, lighthouse, chromeLauncher) {
  const chrome = await chromeLauncher.launch({chromePath: process.env.CHROMIUM || '/usr/bin/chromium', chromeFlags: kChromeFlags});
  try {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'best-practices', 'accessibility', 'seo']};
    const config = formFactor === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const result = await lighthouse(url, flags, config);
    const lhr = result.lhr;
    const a = lhr.audits;
    const num = (id) => (a[id] && typeof a[id].numericValue === 'number' ? a[id].numericValue : null);
    const items = (id) => (a[id] && a[id].details && a[id].details.items) || [];
    const bytes = items('network-requests').reduce((sum, r) => sum + (r.transferSize || 0), 0);
    const lcpItem = items('largest-contentful-paint-element')[0];
    const lcpNode = lcpItem && lcpItem.items && lcpItem.items[0] && lcpItem.items[0].node;
    return {
      performance: lhr.categories.performance.score,
      accessibility: lhr.categories.accessibility && lhr.categories.accessibility.score,
      best_practices: lhr.categories['best-practices'] && lhr.categories['best-practices'].score,
      seo: lhr.categories.seo && lhr.categories.seo.score,
      fcp_ms: num('first-contentful-paint'), lcp_ms: num('largest-contentful-paint'), tbt_ms: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'), speed_index_ms: num('speed-index'), tti_ms: num('interactive'),
      bytes,
      lcp_element: lcpNode ? (lcpNode.selector || lcpNode.nodeLabel || '') : null,
      long_tasks: items('long-tasks').slice(0, 6).map((t) => ({url: t.url, start_ms: Math.round(t.startTime), ms: Math.round(t.duration)})),
      failed_audits: Object.values(a).filter((x) => x.score !== null && x.score < 0.9 && x.scoreDisplayMode === 'binary').map((x) => x.id),
      lighthouse: lhr.lighthouseVersion, user_agent: lhr.environment && lhr.environment.hostUserAgent,
    };
  } finally {
    await chrome.kill();
  }
}

// Runs both profiles `runs` times on `url`; returns {mobile: {runs, median}, desktop: {...}}.
export async function lighthouseRuns(url, runs = 3, log = () => {}) {
  const lighthouse = (await import('lighthouse')).default;
  const chromeLauncher = await import('chrome-launcher');
  const out = {};
  for (const formFactor of ['mobile', 'desktop']) {
    const list = [];
    for (let i = 0; i < runs; ++i) {
      const r = await runOnce(url, formFactor, lighthouse, chromeLauncher);
      log(`lighthouse ${formFactor} #${i + 1}: performance ${r.performance}, LCP ${Math.round(r.lcp_ms)} ms, TBT ${Math.round(r.tbt_ms)} ms, CLS ${r.cls}, SI ${Math.round(r.speed_index_ms)} ms, ${r.bytes} B`);
      list.push(r);
    }
    const med = {};
    for (const k of ['performance', 'accessibility', 'best_practices', 'seo', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'cls', 'speed_index_ms', 'tti_ms', 'bytes'])
      med[k] = median(list.map((r) => r[k]));
    out[formFactor] = {runs: list, median: med};
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const runs = Number(arg('--runs', 3));
  let url = arg('--url', null), server = null;
  if (!url) {
    if (!fs.existsSync(path.join(kSite, 'skindepth-core.wasm'))) throw new Error(`no built site at ${kSite}: run scripts/build-widget first`);
    const {startServer} = await import('./serve.mjs');
    server = await startServer(kSite, {port: 0, quiet: true});
    url = `http://127.0.0.1:${server.address().port}/${arg('--page', '')}`;
  }
  const r = await lighthouseRuns(url, runs, (m) => console.error('[lighthouse]', m));
  console.log(JSON.stringify(r, null, 1));
  if (server) server.close();
}
