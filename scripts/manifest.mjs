// One manifest source (extension/manifest.json) → the per-browser manifests.
//   chrome:  background.service_worker; no browser_specific_settings (Chrome warns on unknown keys).
//   firefox: background.scripts (Firefox MV3 runs an event page, not a service worker); keeps gecko settings.
// Usage: node scripts/manifest.mjs chrome|firefox SOURCE DEST
import { readFileSync, writeFileSync } from 'node:fs';

const [browser, source, dest] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(source, 'utf8'));
const worker = manifest.background.service_worker;

if (browser === 'chrome') {
  delete manifest.browser_specific_settings;
  manifest.background = { service_worker: worker, type: 'module' };
} else if (browser === 'firefox') {
  manifest.background = { scripts: [worker], type: 'module' };
} else {
  console.error(`manifest.mjs: unknown browser "${browser}" (chrome or firefox)`);
  process.exit(2);
}
writeFileSync(dest, JSON.stringify(manifest, null, 2) + '\n');
