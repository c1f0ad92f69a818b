// `make bench`, the browser half: heavy fixture pages of every surface in Chromium without the extension, with it on
// the wasm path (the site's CSP) and on the wasm2js path (a CSP that forbids wasm), then the picker with a big
// library on each. Prints one line per figure next to its budget (design.md §6) and its ratio to the page without
// the extension; the format is described in scripts/bench/report.mjs. Figures only: nothing here fails a build.
// Usage: node scripts/bench.mjs [--loads 8] [--ticks 400] [--per-tick 10] [--idle 5] [--replies 30000] [--rounds 8]
//                               [--only <text in a surface name>]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../tests/e2e/extension.mjs';
import { SURFACES, noWasmCsp } from './bench/pages.mjs';
import { measureSurface, median, p95 } from './bench/measure.mjs';
import { measurePickers } from './bench/picker.mjs';
import { library } from './bench/library.mjs';
import { header, row, save } from './bench/report.mjs';

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '8' },
    ticks: { type: 'string', default: '400' },
    'per-tick': { type: 'string', default: '10' },
    idle: { type: 'string', default: '5' },
    replies: { type: 'string', default: '30000' },
    rounds: { type: 'string', default: '8' },
    only: { type: 'string', default: '' },
  },
});
const opts = { loads: +args.loads, churnTicks: +args.ticks, perTick: +args['per-tick'], idleSeconds: +args.idle, dist: EXTENSION_DIR };
const surfaces = SURFACES.filter((s) => s.name.includes(args.only));
const MB = 1048576;
const starterBytes = readFileSync(new URL('../src/platform/starter-library.json', import.meta.url)).length;
const memoryBudget = (libraryBytes) => 2 * MB + 1.5 * libraryBytes;
const contentWasmGzip = gzipSync(readFileSync(`${EXTENSION_DIR}/pkg/answerdeck_content_bg.wasm`), { level: 9 }).length;

const meta = {
  browser: '',
  date: new Date().toISOString().slice(0, 10),
  settings: `loads ${opts.loads}, churn ${opts.churnTicks} tasks × ${opts.perTick} changes, idle ${opts.idleSeconds} s, picker ${args.replies} replies × ${args.rounds} rounds`,
};
meta.browser = await browserVersion();
header(meta);

const ms = (v) => (v === null || v === undefined ? null : v);
const lastWithout = new Map(); // surface → memory without the extension, for the big-library memory figure
for (const surface of surfaces) {
  const s = surface.name;
  let without, runs;
  try {
    without = await measureSurface(surface, { name: 'without', extensionDir: null, csp: surface.csp }, opts);
    runs = [
      ['wasm', await measureSurface(surface, { name: 'wasm', extensionDir: EXTENSION_DIR, csp: surface.csp }, opts)],
      ['wasm2js', await measureSurface(surface, { name: 'wasm2js', extensionDir: EXTENSION_DIR, csp: noWasmCsp(surface) }, opts)],
    ];
  } catch (error) {
    row(s, 'could not be measured', { value: null, unit: '', text: String(error.message || error).split('\n')[0], ok: false });
    continue;
  }
  lastWithout.set(s, without.memory);
  const mutations = without.churn.mutations;
  for (const [path, run] of runs) {
    const tag = `${s} [${path}]`;
    if (surface.messaging) {
      const median50 = median(run.firstControl);
      row(tag, 'DOMContentLoaded → first control, median', { value: median50, unit: 'ms', budget: path === 'wasm' ? '≤ 50 ms' : '', ok: path === 'wasm' ? median50 <= 50 : null });
      row(tag, 'DOMContentLoaded → first control, p95', { value: p95(run.firstControl), unit: 'ms' });
    } else {
      const added = median(run.loadScript) - median(without.loadScript);
      row(tag, 'script added at load (median)', { value: added, unit: 'ms', budget: '< 1 ms', ok: added < 1 });
    }
    row(tag, 'DOMContentLoaded, median', { value: median(run.dcl), without: median(without.dcl), unit: 'ms' });
    row(tag, 'load event, median', { value: median(run.load), without: median(without.load), unit: 'ms' });
    row(tag, 'main-thread script at load, median', { value: median(run.loadScript), without: median(without.loadScript), unit: 'ms' });
    longTaskRow(tag, `long tasks at load (${opts.loads} loads)`, run.loadTasks, without.loadTasks);
    const perK = (v) => (v / mutations) * 1000;
    row(tag, 'main-thread script per 1,000 mutations', { value: perK(run.churn.script), without: perK(without.churn.script), unit: 'ms' });
    const addedPerK = perK(run.churn.script - without.churn.script);
    row(tag, 'added by Answerdeck per 1,000 mutations', { value: addedPerK, unit: 'ms', budget: '≤ 2 ms', ok: addedPerK <= 2 });
    row(tag, 'style and layout per 1,000 mutations', { value: perK(run.churn.style), without: perK(without.churn.style), unit: 'ms' });
    longTaskRow(tag, `long tasks during churn (${mutations} mutations)`, run.churn.tasks, without.churn.tasks);
    row(tag, 'idle main-thread script per second', { value: run.idleScriptPerSecond, without: without.idleScriptPerSecond, unit: 'ms' });
    row(tag, 'JS heap (page + content script)', { value: run.memory.heap, without: without.memory.heap, unit: 'MB' });
    row(tag, 'array buffers (wasm memory)', { value: ms(run.memory.buffers), without: ms(without.memory.buffers), unit: 'MB' });
    if (run.memory.wasm) row(tag, 'wasm linear memory', { value: run.memory.wasm, unit: 'MB' });
    const added = run.memory.heap + (run.memory.buffers ?? 0) + (run.memory.wasm ?? 0) - without.memory.heap - (without.memory.buffers ?? 0);
    const budget = memoryBudget(starterBytes);
    row(tag, 'memory added (starter library)', { value: added, unit: 'MB', budget: `≤ ${(budget / MB).toFixed(2)} MB`, ok: added <= budget });
    row(tag, 'DOM nodes', { value: run.memory.nodes, without: without.memory.nodes, unit: '' });
    const f = run.fetched;
    const wasmGzip = f.wasm ? contentWasmGzip : 0;
    row(tag, 'extension bytes fetched (gzip)', {
      value: f.gzip, unit: 'B', text: `${f.gzip.toLocaleString('en-US')} B gzip, ${f.raw.toLocaleString('en-US')} B raw, ${f.files.length} files`,
      budget: surface.messaging ? 'wasm ≤ 153,600 B gzip' : 'no wasm', ok: surface.messaging ? wasmGzip <= 153600 : !f.wasm,
    });
  }
  row(`${s} [without]`, 'mutations per churn run', { value: mutations, unit: '' });
}

const messaging = surfaces.filter((s) => s.messaging);
if (messaging.length && +args.replies > 0) {
  const replies = library(+args.replies);
  const libraryBytes = JSON.stringify(replies).length;
  const picker = await measurePickers(messaging, { extensionDir: EXTENSION_DIR, replies, rounds: +args.rounds });
  row('library', `import of ${replies.length} replies (${(libraryBytes / MB).toFixed(1)} MB)`, { value: picker.importSeconds * 1000, unit: 'ms' });
  row('library', 'background index build', { value: median(picker.indexBuilds), unit: 'ms' });
  for (const surface of messaging) {
    const r = picker.results.get(surface.name);
    const tag = `${surface.name} [wasm, ${replies.length} replies]`;
    row(tag, 'picker open, median', { value: median(r.opens), unit: 'ms', budget: '≤ 16 ms', ok: median(r.opens) <= 16 });
    row(tag, 'picker open, p95', { value: p95(r.opens), unit: 'ms', budget: '≤ 16 ms', ok: p95(r.opens) <= 16 });
    row(tag, 'keystroke, median', { value: median(r.keys), unit: 'ms', budget: '≤ 16 ms', ok: median(r.keys) <= 16 });
    row(tag, 'keystroke, p95', { value: p95(r.keys), unit: 'ms', budget: '≤ 16 ms', ok: p95(r.keys) <= 16 });
    row(tag, "page's own frame, mouse over it, median", { value: r.frame, unit: 'ms' });
    row(tag, 'typing in a plain field on this page (floor), median', { value: median(r.typing), unit: 'ms' });
    const without = lastWithout.get(surface.name);
    if (without) {
      const added = r.memory.heap + (r.memory.buffers ?? 0) + (r.memory.wasm ?? 0) - without.heap - (without.buffers ?? 0);
      const budget = memoryBudget(libraryBytes);
      row(tag, 'memory added (big library)', { value: added, unit: 'MB', budget: `≤ ${(budget / MB).toFixed(2)} MB`, ok: added <= budget });
    }
  }
}
save(meta);

/**
 * Long tasks (> 50 ms) with and without the extension. Content scripts are left out of Chromium's long-frame
 * attribution, so the tasks the extension caused are the ones beyond the page's own: more of them, or longer.
 */
function longTaskRow(tag, figure, withExtension, without) {
  const extra = Math.max(0, withExtension.count - without.count);
  const longer = withExtension.max > without.max + 10 && withExtension.count > 0;
  row(tag, figure, {
    value: withExtension.count, without: without.count, unit: '',
    text: `${withExtension.count} [${withExtension.durations.join(', ')} ms]`,
    budget: 'none caused by the extension', ok: extra === 0 && !longer,
  });
}

async function browserVersion() {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('../tests/e2e/harness.mjs');
  const b = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] });
  const v = b.version();
  await b.close();
  return `Chromium ${v}`;
}
