// End-to-end harness: Debian Chromium + Playwright (playwright-core, no browser download), fixture pages served at the
// real site URLs through `context.route`, named page CSPs, and helpers for editors, closed shadow roots and
// extension activity. Recipe and measurements: /work/shared/research/toolchain.md §5, §9.
//
//   import { launch, serveFixtures, openFixture, modelText, submissions, clickClosedHost, waitForHosts,
//            trackWasmRequests, trackPageErrors, CSP, fixtureUrls } from './harness.mjs';
//
// The page-world `window.__fixture` API (see editors/fixture-api.js) is for TESTS only; the extension never sees it.

import { chromium } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = join(here, 'fixtures');
export const OUT_DIR = join(here, '.out');
export const CHROMIUM = process.env.ANSWERDECK_CHROMIUM || '/usr/bin/chromium';

/** The route table: tests/e2e/fixtures/routes.json (`routes` keyed by origin + path, query ignored). */
export const ROUTES = JSON.parse(readFileSync(join(FIXTURES_DIR, 'routes.json'), 'utf8'));
/** Every fixture URL with its metadata: [{url, fixture, site, surface, csp: [...], ...}] */
export const fixtureUrls = Object.entries(ROUTES.routes).map(([url, meta]) => ({ url, ...meta }));
/** The instant the fixtures' relative times ("2h", time[datetime]) were written against. */
export const FIXTURE_NOW = ROUTES.clock;

// ------------------------------------------------------------------------------------------------------------------
// Browser

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Chrome's id for an unpacked extension: from the manifest `key` if present, else from the absolute path. */
export function extensionIdFor(dir) {
  const abs = resolve(dir);
  let bytes;
  try {
    const manifest = JSON.parse(readFileSync(join(abs, 'manifest.json'), 'utf8'));
    if (manifest.key) bytes = Buffer.from(manifest.key, 'base64');
  } catch {
    /* fall through */
  }
  const hex = createHash('sha256').update(bytes || abs).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Launch Chromium with a fresh profile, or with `userDataDir` (a profile an earlier launch kept: a browser restart).
 * The profile is deleted on close unless `keepProfile` is set.
 * @param {{extensionDir?: string|null, headless?: boolean, args?: string[], viewport?: {width:number,height:number},
 *          locale?: string, timezoneId?: string, serviceWorkerTimeout?: number, requireServiceWorker?: boolean,
 *          userDataDir?: string|null, keepProfile?: boolean}} opts
 * @returns {Promise<{context, extensionId: string|null, serviceWorker, userDataDir: string, close: () => Promise<void>}>}
 */
export async function launch({
  extensionDir = null,
  headless = true,
  args = [],
  viewport = { width: 1280, height: 900 },
  locale = 'en-US',
  timezoneId = 'UTC',
  serviceWorkerTimeout = 10_000,
  requireServiceWorker = true,
  userDataDir: reuse = null,
  keepProfile = false,
} = {}) {
  let dir = null;
  let manifest = null;
  if (extensionDir) {
    dir = resolve(extensionDir);
    const mf = join(dir, 'manifest.json');
    if (!existsSync(mf)) throw new Error(`launch: no manifest.json in ${dir} (build the extension first, or pass extensionDir: null)`);
    manifest = JSON.parse(readFileSync(mf, 'utf8'));
  }
  const userDataDir = reuse ? resolve(reuse) : mkdtempSync(join(tmpdir(), 'answerdeck-e2e-'));
  const removeProfile = () => keepProfile || rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  const allArgs = [...(headless ? ['--headless=new'] : []), ...BASE_ARGS, ...args];
  // Playwright adds --disable-extensions; --disable-extensions-except is what lets ours load (toolchain.md §5).
  if (dir) allArgs.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: false, // headless mode comes from --headless=new above (extensions load in new headless)
      args: allArgs,
      viewport,
      locale,
      timezoneId,
      serviceWorkers: 'allow',
    });
  } catch (e) {
    removeProfile();
    throw e;
  }
  let serviceWorker = null;
  let extensionId = null;
  if (dir) {
    extensionId = extensionIdFor(dir);
    if (manifest.background && manifest.background.service_worker) {
      const isOurs = (w) => w.url().startsWith(`chrome-extension://${extensionId}/`);
      serviceWorker = context.serviceWorkers().find(isOurs) || null;
      if (!serviceWorker) {
        try {
          serviceWorker = await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: serviceWorkerTimeout });
        } catch (e) {
          if (requireServiceWorker) {
            await context.close().catch(() => {});
            removeProfile();
            throw new Error(
              `launch: the extension's service worker (${manifest.background.service_worker}) did not start within ` +
                `${serviceWorkerTimeout} ms — it probably throws or fails to import at top level. ` +
                'Pass requireServiceWorker: false to continue without it.',
            );
          }
        }
      }
    }
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    removeProfile();
  };
  return { context, extensionId, serviceWorker, userDataDir, close };
}

// ------------------------------------------------------------------------------------------------------------------
// Page CSPs

/**
 * Named page policies. `{NONCE}` is replaced per response; fixture HTML carries `nonce="{{NONCE}}"` on its scripts.
 *  facebook  — the captured facebook.com header (sites-facebook.md §7, 2024-10-15 curl capture; the directives the
 *              capture elides with "…" are left out). script-src has 'unsafe-eval' ⇒ content-script wasm compiles.
 *  x         — the x.com shape (sites-x.md §7: nonce + 'self' + 'unsafe-inline' + hosts) WITH 'unsafe-eval'
 *              (whether x.com sends 'unsafe-eval' today is unknown; twitter's had it in 2018).
 *  x-strict  — the same without 'unsafe-eval' ⇒ content-script wasm is blocked in Chrome (toolchain.md §4).
 *  strict    — script-src 'self'; object-src 'none' ⇒ no wasm, no eval.
 *  none      — no CSP header.
 */
export const CSP = {
  facebook:
    "default-src data: blob: 'self' https://*.fbsbx.com 'unsafe-inline' *.facebook.com *.fbcdn.net 'unsafe-eval';" +
    "script-src *.facebook.com *.fbcdn.net *.facebook.net 127.0.0.1:* 'unsafe-inline' blob: data: 'self' connect.facebook.net 'unsafe-eval' https://*.google-analytics.com *.google.com;" +
    'worker-src blob: *.facebook.com data:;block-all-mixed-content;upgrade-insecure-requests;',
  x: xPolicy(true),
  'x-strict': xPolicy(false),
  strict: "script-src 'self'; object-src 'none'",
  none: null,
};

function xPolicy(unsafeEval) {
  return [
    "connect-src 'self' blob: https://api.x.com https://*.twimg.com https://x.com https://*.x.com https://twitter.com wss://*.x.com",
    "default-src 'self'",
    "form-action 'self' https://x.com https://*.x.com https://twitter.com",
    "font-src 'self' https://*.twimg.com",
    "frame-src 'self' https://x.com https://*.x.com https://twitter.com",
    "img-src 'self' blob: data: https://*.cdn.twitter.com https://ton.twitter.com https://*.twimg.com https://t.co https://*.x.com",
    "manifest-src 'self'",
    "media-src 'self' blob: https://x.com https://*.twimg.com",
    "object-src 'none'",
    "script-src 'nonce-{NONCE}' 'self' 'unsafe-inline' https://*.twimg.com https://recaptcha.net/recaptcha/ https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ https://client-api.arkoselabs.com/ https://www.google-analytics.com https://twitter.com https://x.com/" +
      (unsafeEval ? " 'unsafe-eval'" : ''),
    "style-src 'self' 'unsafe-inline' https://*.twimg.com",
    "worker-src 'self' blob:",
    'report-uri https://x.com/i/csp_report?a=O5RXE%3D%3D%3D&ro=false',
  ].join('; ');
}

// ------------------------------------------------------------------------------------------------------------------
// Fixture server (context.route)

const SITE_HOSTS = new Set(['www.facebook.com', 'business.facebook.com', 'www.messenger.com', 'x.com']);
const CDN_HOST = /(^|\.)fbcdn\.net$|(^|\.)twimg\.com$/;
const TYPES = {
  '.html': 'text/html; charset="utf-8"',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function routeKey(u) {
  let path = u.pathname.replace(/\/+$/, '') || '/';
  return `${u.origin}${path}`;
}

/** Which fixture serves `url` (query and trailing slash ignored), or null. */
export function fixtureFor(url) {
  const route = ROUTES.routes[routeKey(new URL(url))];
  return route ? route.fixture : null;
}

function placeholderImage(u) {
  // Avatars, emoji and media on the CDNs: a small SVG tinted by the path, so pages render quickly and offline.
  const h = createHash('md5').update(u.pathname).digest();
  const emoji = /emoji/.test(u.pathname);
  const fill = emoji ? '#f7c948' : `hsl(${h[0] * 1.4},${45 + (h[1] % 30)}%,${45 + (h[2] % 20)}%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${fill}"/></svg>`;
}

/**
 * Serve the fixtures at the real URLs for every page of `context`.
 *  - https://www.facebook.com/**, business.facebook.com, www.messenger.com, x.com: route table → fixture HTML with the
 *    chosen CSP header; `/__fixture/<bundle>.js` → tests/e2e/.out (editor bundles); `/__fixture/<site>/<file>` →
 *    tests/e2e/fixtures/<site>/<file> (fixture scripts and CSS), same origin so they pass `script-src 'self'`;
 *    anything else on those hosts → 404.
 *  - *.fbcdn.net / *.twimg.com (avatars, emoji): generated SVG.
 *  - every other http(s) request → aborted (the machine is offline; nothing may hang).
 * `csp` is a policy name from CSP, a raw policy string, or a function (url) => name|string. Change it between
 * navigations with `server.csp = 'strict'`. `transform(html, {url, fixture, nonce})` may rewrite a fixture page's HTML
 * before it is served (benchmarks grow fixtures into heavy pages with it; `nonce` lets an added script pass the CSP).
 * @returns {Promise<{csp, served: Array<{url, status, fixture?, csp?}>, dispose: () => Promise<void>}>}
 */
export async function serveFixtures(context, { csp = 'none', extraHeaders = {}, transform = null } = {}) {
  const server = { csp, served: [] };
  const policyFor = (url) => {
    let p = typeof server.csp === 'function' ? server.csp(url) : server.csp;
    if (p == null) return { name: 'none', value: null };
    if (Object.prototype.hasOwnProperty.call(CSP, p)) return { name: p, value: CSP[p] };
    return { name: 'custom', value: p };
  };
  const cache = new Map();
  const read = (file) => {
    const m = statSync(file).mtimeMs;
    const hit = cache.get(file);
    if (hit && hit.m === m) return hit.body;
    const body = readFileSync(file);
    cache.set(file, { m, body });
    return body;
  };
  const notFound = (route, url) => {
    server.served.push({ url, status: 404 });
    return route.fulfill({ status: 404, contentType: 'text/html; charset="utf-8"', body: '<!doctype html><title>Page not found</title><h1>This page isn\'t available</h1>' });
  };
  const handler = async (route) => {
    const req = route.request();
    const url = req.url();
    const u = new URL(url);
    if (CDN_HOST.test(u.hostname)) {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: placeholderImage(u), headers: { 'cache-control': 'max-age=3600' } });
    }
    if (!SITE_HOSTS.has(u.hostname)) {
      server.served.push({ url, status: 'aborted' });
      return route.abort('blockedbyclient');
    }
    if (u.pathname.startsWith('/__fixture/')) {
      const rel = decodeURIComponent(u.pathname.slice('/__fixture/'.length));
      const base = rel.includes('/') ? FIXTURES_DIR : OUT_DIR;
      const file = normalize(join(base, rel));
      if (!file.startsWith(base + sep) || !existsSync(file) || extname(file) === '.html' || extname(file) === '.json') return notFound(route, url);
      server.served.push({ url, status: 200 });
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(file)] || 'application/octet-stream',
        body: read(file),
        headers: { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' },
      });
    }
    const meta = ROUTES.routes[routeKey(u)];
    if (!meta || req.method() !== 'GET') return notFound(route, url);
    const nonce = randomBytes(16).toString('base64');
    let html = fillTimes(read(join(FIXTURES_DIR, meta.fixture)).toString('utf8').replaceAll('{{NONCE}}', nonce));
    if (transform) html = transform(html, { url, fixture: meta.fixture, nonce });
    const policy = policyFor(url);
    const headers = { 'cache-control': 'private, no-cache, no-store, must-revalidate', ...extraHeaders };
    if (policy.value) headers['content-security-policy'] = policy.value.replaceAll('{NONCE}', nonce);
    server.served.push({ url, status: 200, fixture: meta.fixture, csp: policy.name });
    return route.fulfill({ status: 200, contentType: TYPES['.html'], body: html, headers });
  };
  const matcher = (u) => u.protocol === 'https:' || u.protocol === 'http:';
  await context.route(matcher, handler);
  server.dispose = () => context.unroute(matcher, handler);
  return server;
}

/**
 * Times relative to when the page is served, for the response timers' tests (the extension reads the real clock,
 * which a test cannot pin in a content script's world): `{{AGO 7m hm}}` → the local clock time 7 minutes ago
 * (`09:41`); durations combine `d`, `h`, `m`, `s` (`4m50s`); formats: `iso` (UTC, `2026-11-22T09:41:07.000Z`),
 * `hm`, `day-hm` (`Today 09:41` / `Yesterday 23:58`), `de-day-hm` (`Heute` / `Gestern`), `da-day-hm`
 * (`I dag` / `I går`). Local means the browser context's zone: UTC, as `launch` sets it (`timezoneId`).
 */
export function fillTimes(html, now = Date.now()) {
  const units = { d: 86400000, h: 3600000, m: 60000, s: 1000 };
  const pad = (n) => String(n).padStart(2, '0');
  const days = { 'day-hm': ['Today', 'Yesterday'], 'de-day-hm': ['Heute', 'Gestern'], 'da-day-hm': ['I dag', 'I går'] };
  return html.replace(/\{\{AGO ((?:\d+[dhms])+) ([a-z-]+)\}\}/g, (_, span, format) => {
    const ago = [...span.matchAll(/(\d+)([dhms])/g)].reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
    const at = new Date(now - ago);
    const hm = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
    if (format === 'iso') return at.toISOString();
    if (format === 'hm') return hm;
    const [today, yesterday] = days[format] || days['day-hm'];
    const sameDay = at.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
    return `${sameDay ? today : yesterday} ${hm}`;
  });
}

// ------------------------------------------------------------------------------------------------------------------
// Page helpers

/** Collect uncaught page errors (and console errors, optionally) of a page: returns a live array. */
export function trackPageErrors(page, { console: withConsole = false } = {}) {
  const errors = [];
  page.on('pageerror', (e) => errors.push({ type: 'pageerror', message: String(e && e.stack || e) }));
  if (withConsole) page.on('console', (m) => m.type() === 'error' && errors.push({ type: 'console', message: m.text() }));
  return errors;
}

/**
 * Open a fixture URL in a new page (or `page`) and wait until its editors are mounted.
 * @returns {Promise<{page, errors: Array, editors: Array}>}
 */
export async function openFixture(context, url, { page = null, waitUntil = 'load', ready = true, timeout = 15_000 } = {}) {
  page = page || (await context.newPage());
  const errors = trackPageErrors(page);
  await page.goto(url, { waitUntil, timeout });
  let editors = [];
  if (ready) {
    await page.waitForFunction(() => window.__fixture && window.__fixture.ready, null, { timeout });
    editors = await page.evaluate(async () => {
      await window.__fixture.ready;
      return window.__fixture.editors();
    });
  }
  return { page, errors, editors };
}

/**
 * The editor MODEL's plain text (Lexical `$getRoot().getTextContent()` / Draft `getCurrentContent().getPlainText()`)
 * of the editor that is, contains or is inside `target` (a CSS selector or a Playwright Locator).
 */
export function modelText(page, target) {
  if (target && typeof target === 'object' && typeof target.evaluate === 'function') {
    return target.evaluate((el) => window.__fixture.text(el));
  }
  return page.evaluate((s) => window.__fixture.text(s), target);
}

/** Wait until `locator`'s element (or something inside it) has focus. */
export async function waitForFocus(page, locator, { timeout = 5_000 } = {}) {
  const handle = await locator.elementHandle({ timeout });
  await page.waitForFunction((el) => el.contains(document.activeElement), handle, { timeout, polling: 'raf' });
  await handle.dispose();
}

/** Everything the fixture editors "posted" so far: [{editor, kind, label, testid, via, text, at}]. */
export function submissions(page) {
  return page.evaluate(() => window.__fixture.submissions.map((s) => ({ ...s })));
}

/** All mounted fixture editors: [{index, kind, label, testid, text, connected, focused}]. */
export function fixtureEditors(page) {
  return page.evaluate(() => window.__fixture.editors());
}

/**
 * Click the centre of a host element whose UI is in a CLOSED shadow root (locators can't pierce it; toolchain.md §5).
 * `offset` ({x, y} from the host's top-left) clicks somewhere else inside the host.
 */
export async function clickClosedHost(page, selector, { nth = 0, offset = null, button = 'left', timeout = 5_000 } = {}) {
  const loc = page.locator(selector).nth(nth);
  await loc.waitFor({ state: 'visible', timeout });
  // Centre it in the viewport: sites have fixed headers (Facebook's banner) that would catch an edge click.
  await loc.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = await loc.boundingBox();
  if (!box || box.width === 0 || box.height === 0) throw new Error(`clickClosedHost: ${selector} has no box`);
  const x = box.x + (offset ? offset.x : box.width / 2);
  const y = box.y + (offset ? offset.y : box.height / 2);
  await page.mouse.click(x, y, { button });
  return { x, y, box };
}

/**
 * Wait until the page has exactly `count` `[data-answerdeck="<kind>"]` hosts (or at least `count` with
 * {atLeast: true}). Resolves with the count; rejects with the last count seen on timeout.
 */
export async function waitForHosts(page, kind, count, { atLeast = false, timeout = 5_000, root = null } = {}) {
  const sel = `[data-answerdeck="${kind}"]`;
  try {
    const h = await page.waitForFunction(
      ([s, c, a, r]) => {
        const scope = r ? document.querySelector(r) : document;
        if (!scope) return false;
        const n = scope.querySelectorAll(s).length;
        return (a ? n >= c : n === c) ? n : false;
      },
      [sel, count, atLeast, root],
      { timeout, polling: 50 },
    );
    return await h.jsonValue();
  } catch (e) {
    const n = await page.evaluate((s) => document.querySelectorAll(s).length, sel).catch(() => '?');
    throw new Error(`waitForHosts: expected ${atLeast ? '≥' : ''}${count} ${sel}, have ${n} after ${timeout} ms`);
  }
}

// ------------------------------------------------------------------------------------------------------------------
// Extension activity tracker

/**
 * Records what the extension loads, per page. Two sources (measured with Chromium 156, see README.md):
 *  1. Network (`context.on('request')`): requests a CONTENT SCRIPT makes for its own resources —
 *     `fetch(chrome.runtime.getURL('x.wasm'))`, `WebAssembly.instantiateStreaming(fetch(..))`, dynamic
 *     `import(getURL('x.js'))` — ARE visible, attributed to the page (resourceType fetch/script). Not visible:
 *     files listed in manifest `content_scripts[].js` (the browser injects them without a request) and the service
 *     worker's own fetches (unless PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1).
 *  2. CDP per page (Runtime + Debugger domains), attached by `attach(page)` before navigation: the extension's
 *     isolated world (execution context whose origin is chrome-extension://…), every script parsed in it (manifest
 *     content scripts included), and every WebAssembly module compiled in any world of the page
 *     (`Debugger.scriptParsed` with scriptLanguage "WebAssembly") — so wasm embedded as bytes in JS is seen too.
 * Enabling the Debugger domain costs a little script-parse time; use the tracker in functional tests, not in
 * performance measurements.
 */
export function trackWasmRequests(context, { autoAttach = true } = {}) {
  const requests = [];
  const perPage = new Map(); // page → {worlds, scripts, wasmModules}
  const onRequest = (r) => {
    const url = r.url();
    if (!/\.wasm(\?|#|$)/.test(url) && !url.startsWith('chrome-extension://') && !url.startsWith('moz-extension://')) return;
    let pageUrl = null;
    let page = null;
    try {
      const f = r.frame();
      pageUrl = f.url();
      page = f.page();
    } catch {
      /* service worker request: no frame */
    }
    requests.push({ url, resourceType: r.resourceType(), pageUrl, page, wasm: /\.wasm(\?|#|$)/.test(url), at: Date.now() });
  };
  context.on('request', onRequest);

  const attach = async (page) => {
    if (perPage.has(page)) return perPage.get(page).ready;
    const info = { worlds: [], scripts: [], wasmModules: [], documents: [], ready: null };
    perPage.set(page, info);
    info.ready = (async () => {
      const cdp = await context.newCDPSession(page);
      const contexts = new Map();
      cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
        contexts.set(c.id, c);
        if (/^(chrome|moz)-extension:\/\//.test(c.origin)) info.worlds.push({ id: c.id, origin: c.origin, name: c.name, at: Date.now() });
      });
      cdp.on('Page.frameNavigated', ({ frame }) => !frame.parentId && info.documents.push({ url: frame.url, at: Date.now() }));
      cdp.on('Debugger.scriptParsed', (e) => {
        const c = contexts.get(e.executionContextId);
        const world = c ? c.origin : null;
        if (e.scriptLanguage === 'WebAssembly') {
          info.wasmModules.push({ url: e.url, bytes: e.length, world, extension: !!world && /-extension:\/\//.test(world), at: Date.now() });
        } else if (/^(chrome|moz)-extension:\/\//.test(e.url) || (world && /-extension:\/\//.test(world))) {
          info.scripts.push({ url: e.url, world, at: Date.now() });
        }
      });
      await Promise.all([cdp.send('Runtime.enable'), cdp.send('Debugger.enable'), cdp.send('Page.enable')]);
      info.cdp = cdp;
    })();
    return info.ready;
  };
  // CDP events are delivered in order with command responses: one round trip flushes everything emitted so far.
  const settle = async (page) => {
    const i = perPage.get(page);
    if (!i) return;
    await i.ready;
    if (i.cdp) await i.cdp.send('Runtime.evaluate', { expression: '0' }).catch(() => {});
  };
  const onPage = (p) => {
    attach(p).catch(() => {});
  };
  if (autoAttach) context.on('page', onPage);

  const empty = { worlds: [], scripts: [], wasmModules: [], documents: [] };
  return {
    /** Attach CDP to `page` (await it before page.goto for complete records). */
    attach,
    /** Wait until every CDP event emitted so far for `page` has been recorded. */
    settle,
    /** All extension/wasm network requests seen so far. */
    all: () => requests.map(({ page, ...r }) => r),
    /** Network requests for `.wasm` files made by `page` (or, without page, by anyone). */
    wasm: (page) => requests.filter((r) => r.wasm && (!page || r.page === page)).map(({ page: _, ...r }) => r),
    /** Extension-resource requests made by `page`. */
    forPage: (page) => requests.filter((r) => r.page === page).map(({ page: _, ...r }) => r),
    /** CDP view of `page`: {worlds, scripts, wasmModules, documents} (needs attach; async: flushes CDP events first). */
    cdp: async (page) => {
      await settle(page);
      const i = perPage.get(page) || empty;
      return { worlds: [...i.worlds], scripts: [...i.scripts], wasmModules: [...i.wasmModules], documents: [...i.documents] };
    },
    /** Summary for `page` (async): did the extension fetch or compile any wasm? */
    summary: async (page) => {
      await settle(page);
      const i = perPage.get(page) || empty;
      const net = requests.filter((r) => r.page === page);
      return {
        wasmRequests: net.filter((r) => r.wasm).length,
        extensionRequests: net.length,
        extensionWorlds: i.worlds.length,
        extensionScripts: i.scripts.length,
        wasmModulesCompiled: i.wasmModules.length,
        extensionWasmModulesCompiled: i.wasmModules.filter((m) => m.extension).length,
      };
    },
    clear: () => {
      requests.length = 0;
      for (const i of perPage.values()) for (const k of ['worlds', 'scripts', 'wasmModules', 'documents']) i[k].length = 0;
    },
    dispose: () => {
      context.off('request', onRequest);
      context.off('page', onPage);
      for (const i of perPage.values()) i.cdp && i.cdp.detach().catch(() => {});
    },
  };
}
export const wasmRequests = trackWasmRequests;
