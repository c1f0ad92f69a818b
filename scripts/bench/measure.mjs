// Measures one heavy page in one browser set-up: without the extension, with it on the wasm path (the site's CSP),
// or with it on the wasm2js path (a CSP that forbids wasm). Everything is read from outside the extension: page-world
// observers installed before the page's own scripts, and the DevTools protocol (Performance metrics, heap usage).
import { gzipSync } from 'node:zlib';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveFixtures, trackWasmRequests } from '../../tests/e2e/harness.mjs';
import { heavyPage } from './pages.mjs';

/** Installed before every document: load milestones, the first Answerdeck control, long tasks and long frames. */
export function pageProbe() {
  const bench = { dcl: null, load: null, first: null, longTasks: [], frames: [] };
  window.__bench = bench;
  document.addEventListener('DOMContentLoaded', () => (bench.dcl = performance.now()));
  addEventListener('load', () => (bench.load = performance.now()));
  const firstControl = new MutationObserver(() => {
    if (document.querySelector('[data-answerdeck]')) {
      bench.first = performance.now();
      firstControl.disconnect();
    }
  });
  firstControl.observe(document, { childList: true, subtree: true });
  bench.stopWatching = () => firstControl.disconnect();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that ran in them, content scripts included (their chrome-extension:// URL).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.frames.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

const quantile = (values, q) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

const isExtension = (url) => /^(chrome|moz)-extension:\/\//.test(url || '');

/**
 * Long tasks in `probe` since `since` ms. Chromium's long-animation-frame entries leave content scripts out of their
 * script lists, so which tasks the extension caused is judged against the run without it (bench.mjs).
 */
function longTasks(probe, since = 0) {
  const tasks = probe.longTasks.filter((t) => t.start >= since);
  return { count: tasks.length, max: Math.max(0, ...tasks.map((t) => t.duration)), durations: tasks.map((t) => Math.round(t.duration)) };
}

/**
 * @param surface one of pages.mjs SURFACES
 * @param setup {name: 'without'|'wasm'|'wasm2js', extensionDir: string|null, csp: string}
 * @param opts {loads, churnTicks, perTick, idleSeconds, dist}
 */
export async function measureSurface(surface, setup, { loads, churnTicks, perTick, idleSeconds, dist }) {
  const browser = await launch({ extensionDir: setup.extensionDir });
  try {
    await serveFixtures(browser.context, { csp: setup.csp, transform: heavyPage(surface) });
    const tracker = trackWasmRequests(browser.context, { autoAttach: false });
    const page = await browser.context.newPage();
    await page.addInitScript(pageProbe);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value * 1000;

    // Loads: the first warms the HTTP and code caches; the rest are timed.
    const firstControl = [], dcl = [], load = [], loadScript = [];
    const loadTasks = { count: 0, max: 0, durations: [] };
    for (let i = 0; i <= loads; i++) {
      tracker.clear();
      await page.goto(surface.url, { waitUntil: 'load' });
      if (setup.extensionDir && surface.messaging) {
        await page.waitForFunction(() => window.__bench.first !== null, null, { timeout: 15_000 });
      }
      await page.waitForTimeout(surface.messaging ? 400 : 1000);
      const probe = await page.evaluate(() => ({ ...window.__bench, stopWatching: undefined }));
      if (i === 0) continue;
      dcl.push(probe.dcl);
      load.push(probe.load);
      if (probe.first !== null) firstControl.push(probe.first - probe.dcl);
      // The metrics start again with each document: this is the script run since this navigation began.
      loadScript.push(await metric('ScriptDuration'));
      const tasks = longTasks(probe);
      loadTasks.count += tasks.count;
      loadTasks.max = Math.max(loadTasks.max, tasks.max);
      loadTasks.durations.push(...tasks.durations);
    }
    const fetched = shippedBytes(tracker.forPage(page).map((r) => r.url), dist);
    await page.evaluate(() => window.__bench.stopWatching());

    // Idle: the page sits still while the response timers tick.
    await page.waitForTimeout(1000);
    const idleBefore = await metric('ScriptDuration');
    await page.waitForTimeout(idleSeconds * 1000);
    const idleScriptPerSecond = ((await metric('ScriptDuration')) - idleBefore) / idleSeconds;

    // Churn: the same changes in every run; all main-thread script time during it (page + extension).
    const churnStart = await page.evaluate(() => performance.now());
    const scriptBefore = await metric('ScriptDuration');
    const styleBefore = (await metric('RecalcStyleDuration')) + (await metric('LayoutDuration'));
    const churn = await page.evaluate(([t, p]) => window.__benchChurn(t, p), [churnTicks, perTick]);
    const churnScript = (await metric('ScriptDuration')) - scriptBefore;
    const churnStyle = (await metric('RecalcStyleDuration')) + (await metric('LayoutDuration')) - styleBefore;
    const churnTasks = longTasks(await page.evaluate(() => ({ ...window.__bench, stopWatching: undefined })), churnStart);

    // Memory after a full collection: the JS heap (page and content-script worlds share the isolate) and the
    // array-buffer backing stores, where a wasm instance's linear memory lives.
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
    const wasm = setup.name === 'wasm' && surface.messaging ? await linearMemory(cdp) : 0;
    return {
      setup: setup.name,
      firstControl,
      dcl,
      load,
      loadScript,
      loadTasks,
      fetched,
      idleScriptPerSecond,
      churn: { mutations: churn.mutations, script: churnScript, style: churnStyle, tasks: churnTasks },
      memory: { heap: heap.usedSize, buffers: heap.backingStorageSize ?? null, wasm, nodes: dom.nodes ?? null },
    };
  } finally {
    await browser.close();
  }
}

/**
 * The content wasm's linear memory, bytes. V8 counts it in neither the heap nor the array buffers (wasm2js's
 * memory is an ArrayBuffer, and is), so it is read from the content script's world: its glue module, imported
 * again, is the same instance and hands back the wasm exports, one of which is the memory.
 */
async function linearMemory(cdp) {
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable'); // reports the contexts that exist
  const world = contexts.filter((c) => c.auxData?.type === 'isolated' && /^(chrome|moz)-extension:/.test(c.origin)).pop();
  await cdp.send('Runtime.disable');
  if (!world) return 0;
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const glue = await import(chrome.runtime.getURL('pkg/answerdeck_content.js'));
      const exports = await glue.default();
      const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      return memory ? memory.buffer.byteLength : 0;
    })()`,
  });
  return typeof result.value === 'number' ? result.value : 0;
}

/** The extension files a page fetched, with their sizes raw and gzip -9 as shipped in `dist`. */
export function shippedBytes(urls, dist) {
  const files = [...new Set(urls.filter(isExtension).map((u) => new URL(u).pathname.slice(1)))];
  let raw = 0, gzip = 0;
  for (const f of files) {
    try {
      const bytes = readFileSync(join(dist, f));
      raw += statSync(join(dist, f)).size;
      gzip += gzipSync(bytes, { level: 9 }).length;
    } catch {
      /* not a file of the package (e.g. a blob) */
    }
  }
  return { files, raw, gzip, wasm: files.some((f) => f.endsWith('.wasm')) };
}
