// Prints the shipped sizes (raw and gzip -9) of both core flavours and the loaders, and fails when a budget
// from design.md §6 is exceeded (wasm per messaging page ≤ 150 KB gzip).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = 'dist/chrome';
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const files = (dir, filter) => readdirSync(join(dist, dir)).filter(filter).map((n) => join(dist, dir, n));
const sum = (paths, f) => paths.reduce((n, p) => n + f(p), 0);
const size = (p) => statSync(p).size;

const rows = [
  ['content, wasm path: answerdeck_content_bg.wasm', [join(dist, 'pkg/answerdeck_content_bg.wasm')]],
  ['content, wasm path: glue', [join(dist, 'pkg/answerdeck_content.js')]],
  ['content, wasm2js path: pkg-js/*.js', files('pkg-js', (n) => n.endsWith('.js'))],
  ['pages (background, options): answerdeck_bg.wasm', [join(dist, 'pkg/answerdeck_bg.wasm')]],
  ['loaders: gate.js + loader.js', [join(dist, 'gate.js'), join(dist, 'loader.js')]],
];
const budgets = { 'content, wasm path: answerdeck_content_bg.wasm': 150 * 1024 };
let failed = false;
for (const [label, paths] of rows) {
  const raw = sum(paths, size), zipped = sum(paths, gz);
  const budget = budgets[label];
  const verdict = budget ? (zipped <= budget ? ` (budget ${budget / 1024} KiB gzip: ok)` : ` (budget ${budget / 1024} KiB gzip: OVER)`) : '';
  if (budget && zipped > budget) failed = true;
  console.log(`size: ${label.padEnd(50)} ${String(raw).padStart(9)} B raw ${String(zipped).padStart(8)} B gzip${verdict}`);
}
process.exit(failed ? 1 : 0);
