// Runs `web-ext lint` on dist/firefox offline and fails on any error (warnings are printed, not fatal).
import { execFileSync } from 'node:child_process';

let output;
try {
  output = execFileSync('node_modules/.bin/web-ext', ['lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout; // web-ext exits non-zero when it finds errors; the JSON report is still on stdout
}
const report = JSON.parse(output);
for (const kind of ['errors', 'warnings']) {
  for (const item of report[kind]) console.log(`web-ext ${kind.slice(0, -1)}: ${item.code} ${item.file ?? ''} ${item.message}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(report.errors.length ? 1 : 0);
