#!/usr/bin/env node
// Bundles the fixture editors (real Lexical / real Draft.js + React 18 from node_modules) with esbuild's JS API into
// tests/e2e/.out/ (git-ignored). Skips the build when every output is newer than every input it depends on
// (sources in tests/e2e/editors/ and the installed package.json files). `--force` rebuilds.
//
//   node tests/e2e/build-fixtures.mjs [--force]
//
// Also importable: `import { buildFixtures } from './build-fixtures.mjs'; await buildFixtures()`.

import { build } from 'esbuild';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
export const OUT_DIR = join(here, '.out');

export const BUNDLES = [
  { entry: join(here, 'editors', 'lexical-composer.js'), out: join(OUT_DIR, 'lexical-composer.js') },
  { entry: join(here, 'editors', 'draft-composer.jsx'), out: join(OUT_DIR, 'draft-composer.js') },
  { entry: join(here, 'editors', 'xchat-composer.jsx'), out: join(OUT_DIR, 'xchat-composer.js') },
];

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

function inputsMtime() {
  const files = [
    ...readdirSync(join(here, 'editors')).map((f) => join(here, 'editors', f)),
    join(here, 'build-fixtures.mjs'),
    ...['lexical', '@lexical/rich-text', '@lexical/utils', 'draft-js', 'react', 'react-dom'].map((p) =>
      join(repo, 'node_modules', p, 'package.json'),
    ),
  ];
  return Math.max(...files.map(mtime));
}

export async function buildFixtures({ force = false, quiet = false } = {}) {
  const t0 = performance.now();
  const newestInput = inputsMtime();
  const stale = BUNDLES.filter((b) => force || mtime(b.out) < newestInput);
  if (stale.length === 0) {
    if (!quiet) console.log(`fixtures: up to date (${BUNDLES.length} bundles in ${OUT_DIR})`);
    return { built: [], ms: performance.now() - t0 };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  await Promise.all(
    stale.map((b) =>
      build({
        entryPoints: [b.entry],
        outfile: b.out,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: ['chrome120', 'firefox128'],
        minify: true,
        sourcemap: 'linked',
        legalComments: 'none',
        jsx: 'automatic',
        conditions: ['production'],
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __DEV__: 'false' },
        logLevel: 'warning',
        absWorkingDir: repo,
        nodePaths: [join(repo, 'node_modules')],
      }),
    ),
  );
  const ms = performance.now() - t0;
  if (!quiet) console.log(`fixtures: built ${stale.map((b) => b.out.slice(repo.length + 1)).join(', ')} in ${ms.toFixed(0)} ms`);
  return { built: stale.map((b) => b.out), ms };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildFixtures({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
