// The output of `make bench`: one line per figure, columns separated by " | ", always in this order:
//   surface | figure | with Answerdeck | without | ratio | budget | verdict
// `ratio` is with ÷ without (— where the page has no such figure); `verdict` is ok, OVER or info (no budget).
// The format is stable: scripts may split on " | ". A JSON copy goes to build/bench/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';

export const rows = [];

const fmt = (value, unit) => {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'B') return `${Math.round(value).toLocaleString('en-US')} B`;
  if (unit === 'MB') return `${(value / 1048576).toFixed(2)} MB`;
  if (unit === '') return String(value);
  return `${value.toFixed(1)} ${unit}`;
};

/**
 * @param {string} surface
 * @param {string} figure
 * @param {{value:number|null, without?:number|null, unit:string, budget?:string, ok?:boolean|null, text?:string}} r
 */
export function row(surface, figure, { value, without = null, unit, budget = '', ok = null, text = null }) {
  const ratio = without && value !== null && value !== undefined ? `${(value / without).toFixed(2)}×` : '—';
  const verdict = ok === null ? 'info' : ok ? 'ok' : 'OVER';
  const line = [surface, figure, text ?? fmt(value, unit), fmt(without, unit), ratio, budget || '—', verdict];
  rows.push({ surface, figure, value, without, unit, ratio, budget, verdict, text });
  console.log(line.join(' | '));
}

export function header(meta) {
  console.log(`answerdeck bench 1 | ${meta.browser} | ${meta.date} | ${meta.settings}`);
  console.log(['surface', 'figure', 'with Answerdeck', 'without', 'ratio', 'budget', 'verdict'].join(' | '));
}

export function save(meta, file = 'build/bench/bench.json') {
  mkdirSync('build/bench', { recursive: true });
  writeFileSync(file, JSON.stringify({ meta, rows }, null, 2));
  const over = rows.filter((r) => r.verdict === 'OVER');
  console.log(`answerdeck bench 1 | summary | ${rows.length} figures, ${over.length} over budget${over.length ? `: ${over.map((r) => `${r.surface} / ${r.figure}`).join('; ')}` : ''} | ${file}`);
}
