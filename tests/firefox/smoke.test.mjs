// Firefox ESR smoke test: the built extension (dist/firefox, installed as a temporary add-on through geckodriver)
// answers the first customer comment on the Facebook post fixture and the first reply on the X status fixture, both
// served at their REAL URLs, through the public automation contract (design.md §4) only:
//   [data-answerdeck="reply"] host → real pointer click at its centre → picker (closed shadow root) has focus →
//   type "order" → Enter → the fixture editor MODEL of the reply box that opened holds the starter reply
//   "Order status — ask for a DM" with the commenter's first name, exactly once, and nothing was submitted.
//
//   node --test tests/firefox/            (needs dist/firefox: scripts/build.sh; editor bundles: build-fixtures.mjs)
//
// (Named *.test.mjs because node 20's `--test <dir>` only picks up files matching its test-name patterns.)
// Environment: GECKODRIVER (default ~/.cargo/bin/geckodriver), ANSWERDECK_FIREFOX (default /usr/bin/firefox-esr),
// ANSWERDECK_FF_EXTENSION=<dir> tests another unpacked build instead of dist/firefox, ANSWERDECK_FF_KEEP=1 keeps
// the temp dir (profile, certificate). Pages are served through serve.mjs (HTTPS + a CONNECT proxy on a free port).
// On failure the message carries what the picker shows and a screenshot path ($TMPDIR/answerdeck-firefox-smoke-*.png).

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { routeFor, serveFixtures } from './serve.mjs';
import { KEYS, startFirefox, waitFor } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '..', '..');
const EXTENSION = resolve(process.env.ANSWERDECK_FF_EXTENSION || join(REPO, 'dist', 'firefox'));

const PAGES = {
  facebook: 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl',
  x: 'https://x.com/nordlichtkaffee/status/1859842261514375168',
};

// The starter reply the extension seeds on install, as a template: rendered here for one first name.
const STARTERS = JSON.parse(readFileSync(join(REPO, 'src', 'platform', 'starter-library.json'), 'utf8'));
const ORDER_STATUS = (STARTERS.replies || STARTERS).find((r) => r.title === 'Order status — ask for a DM');
const renderOrderStatus = (firstName) => ORDER_STATUS.body.replace(/\{first_name(\|[^}]*)?\}/g, firstName);

const PREFS = {
  'xpinstall.signatures.required': false,
  'extensions.manifestV3.enabled': true,
  // MV3 host permissions for the content-script hosts without a prompt (temporary add-ons get them anyway).
  'extensions.originControls.grantByDefault': true,
  // Page and extension console output to stdout, which the harness keeps (ff.log) and prints on failure.
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US, en',
  'ui.prefersReducedMotion': 1,
};

let root = null;
let server = null;
let ff = null;
let addonId = null;
const t0 = Date.now();

before(async () => {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error(`no extension at ${EXTENSION}: run scripts/build.sh first`);
  }
  const srcNewest = newestMtime(join(REPO, 'src'));
  if (srcNewest > statSync(join(EXTENSION, 'manifest.json')).mtimeMs) {
    console.log(`# note: dist/firefox is older than src/ (newest change ${new Date(srcNewest).toISOString()}); testing the build as it is`);
  }
  await buildFixtures({ quiet: true });
  root = mkdtempSync(join(tmpdir(), 'answerdeck-ff-'));
  try {
    // A private copy: another engineer's scripts/build.sh (rm -rf dist/…) can't pull it away mid-run.
    const extension = join(root, 'extension');
    cpSync(EXTENSION, extension, { recursive: true });
    server = await serveFixtures({ dir: root });
    ff = await startFirefox({ root, prefs: { ...PREFS, ...server.prefs } });
    addonId = await ff.installAddon(extension);
    console.log(`# installed ${addonId} from ${EXTENSION}`);
  } catch (e) {
    await cleanup();
    throw e;
  }
});

after(async () => {
  await cleanup();
  console.log(`# firefox smoke: ${((Date.now() - t0) / 1000).toFixed(1)} s wall`);
});

// Ctrl+C / kill: still no Firefox or temp dir left behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    if (ff) ff.kill();
    if (root && !process.env.ANSWERDECK_FF_KEEP) rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}

async function cleanup() {
  if (ff) await ff.quit().catch(() => {});
  if (server) await server.close().catch(() => {});
  if (root && !process.env.ANSWERDECK_FF_KEEP) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

/** What the picker shows (closed shadow root, read through Firefox's WebDriver) + a screenshot, for failures. */
async function pickerState(site) {
  let shown = 'no picker on the page';
  try {
    const texts = await ff.shadowTexts('[data-answerdeck="picker"]', 'input, li, [role="status"]');
    shown = `picker rows/status: ${JSON.stringify(texts.filter(Boolean))}`;
  } catch (e) {
    if (!/no such element/i.test(e.message)) shown = `picker unreadable: ${e.message}`;
  }
  try {
    const file = join(tmpdir(), `answerdeck-firefox-smoke-${site}.png`);
    writeFileSync(file, await ff.screenshot());
    shown += `; screenshot: ${file}`;
  } catch {
    /* no screenshot */
  }
  return `\n${shown}`;
}

/** Last lines of Firefox/geckodriver output that mention the extension, for failure messages. */
function browserLog() {
  const lines = ff ? ff.log.filter((l) => /answerdeck|moz-extension/i.test(l)) : [];
  return lines.length ? `\n--- browser log (filtered) ---\n${lines.slice(-40).join('\n')}` : '';
}

async function answerFirstReplyHost(t, site) {
  const url = PAGES[site];
  const route = routeFor(url);
  assert.ok(route, `${url} is in tests/e2e/fixtures/routes.json`);
  assert.ok(existsSync(route.file), `fixture ${route.fixture} exists`);

  const tStart = Date.now();
  const phase = {};
  t.after(() => t.diagnostic(`${site}: ms since navigation start: ${JSON.stringify(phase)}`));
  await ff.navigate(url);
  phase.navigate = Date.now() - tStart;
  await ff.executeAsync('const done = arguments[0]; Promise.resolve(window.__fixture && window.__fixture.ready).then(() => done(!!window.__fixture), () => done(false))');

  // 1. The extension's hosts appear.
  const counts = await waitFor(
    async () => {
      const c = await ff.execute(`return {
        reply: document.querySelectorAll('[data-answerdeck="reply"]').length,
        composer: document.querySelectorAll('[data-answerdeck="composer"]').length }`);
      return c.reply > 0 && c.composer > 0 && c;
    },
    {
      timeout: 10_000,
      message: async () =>
        `[${site}] no reply/composer hosts: ${JSON.stringify(await ff.execute(`return [...document.querySelectorAll('[data-answerdeck]')].map((e) => e.getAttribute('data-answerdeck'))`).catch((e) => e.message))}${browserLog()}`,
    },
  );
  phase.hosts = Date.now() - tStart;
  t.diagnostic(`${site}: ${counts.reply} reply hosts, ${counts.composer} composer hosts`);

  // 2. Who the first reply host answers (the fixture's page-world record of the author), the editors before.
  const before = await ff.execute(`
    const host = document.querySelector('[data-answerdeck="reply"]');
    let author = null;
    for (let n = host; n && n !== document; n = n.parentNode) {
      if (n.__fixtureAuthor || n.__fixtureName) { author = n.__fixtureAuthor || n.__fixtureName; break; }
    }
    host.scrollIntoView({ block: 'center', inline: 'center' });
    const r = host.getBoundingClientRect();
    return { author, editors: window.__fixture.editors().length,
             rect: { x: r.left, y: r.top, width: r.width, height: r.height } }`);
  assert.ok(before.author, `[${site}] the first reply host sits inside a fixture comment/post with an author`);
  assert.ok(before.rect.width > 0 && before.rect.height > 0, `[${site}] the reply host has a box: ${JSON.stringify(before.rect)}`);
  const firstName = before.author.split(/\s+/)[0];
  const expected = renderOrderStatus(firstName);

  // 3. Real pointer click at the host's centre (its UI is in a CLOSED shadow root); the picker takes focus.
  await ff.clickAt(before.rect.x + before.rect.width / 2, before.rect.y + before.rect.height / 2);
  await waitFor(
    () => ff.execute(`const p = document.querySelector('[data-answerdeck="picker"]'); return !!p && document.activeElement === p`),
    {
      timeout: 5_000,
      message: async () =>
        `[${site}] picker did not open with focus: ${JSON.stringify(await ff.execute(`const a = document.activeElement; return {
          picker: document.querySelectorAll('[data-answerdeck="picker"]').length,
          active: a && (a.tagName + ' ' + (a.getAttribute('data-answerdeck') || a.getAttribute('aria-label') || '')),
          events: window.__fixture.events.map((e) => e.type) }`).catch((e) => e.message))}${await pickerState(site)}${browserLog()}`,
    },
  );

  phase.picker = Date.now() - tStart;

  // 4. Type the query, then Enter (key events go to the focused element: the picker's search field).
  await ff.typeKeys('order');
  await new Promise((r) => setTimeout(r, 150)); // let the picker re-filter before Enter (no way to observe it)
  await ff.typeKeys(KEYS.Enter);

  phase.typed = Date.now() - tStart;

  // 5. The reply box that opened for this comment: the editor the fixture mounted after the click.
  const state = async () =>
    ff.execute(
      `const eds = window.__fixture.editors();
       return { opened: eds.slice(arguments[0]), all: eds.map((e) => e.text),
                submissions: window.__fixture.submissions.map((s) => ({ ...s })),
                events: window.__fixture.events.map((e) => e.type),
                picker: document.querySelectorAll('[data-answerdeck="picker"]').length }`,
      before.editors,
    );
  let last = null;
  await waitFor(
    async () => {
      last = await state();
      return last.opened.some((e) => e.text.includes(expected));
    },
    {
      timeout: 5_000,
      message: async () => `[${site}] the opened reply box never held ${JSON.stringify(expected)}; state: ${JSON.stringify(last)}${await pickerState(site)}${browserLog()}`,
    },
  );
  await new Promise((r) => setTimeout(r, 300)); // a late second insertion would show up now
  last = await state();

  assert.equal(last.opened.length, 1, `[${site}] exactly one reply box opened: ${JSON.stringify(last.opened)}`);
  const [box] = last.opened;
  assert.ok(box.connected, `[${site}] the reply box is still in the page`);
  assert.ok(box.text.includes(expected), `[${site}] reply box model: ${JSON.stringify(box.text)}`);
  const occurrences = last.all.reduce((n, text) => n + text.split(expected).length - 1, 0);
  assert.equal(occurrences, 1, `[${site}] the reply is in the page's editors exactly once: ${JSON.stringify(last.all)}`);
  assert.deepEqual(last.submissions, [], `[${site}] nothing was sent`);
  phase.done = Date.now() - tStart;
  t.diagnostic(`${site}: "${box.label || box.testid}" model = ${JSON.stringify(box.text)}; picker hosts left: ${last.picker}`);
}

test('Firefox: Facebook post — reply host → picker → "order" + Enter inserts the order-status reply', { timeout: 30_000 }, async (t) => {
  await answerFirstReplyHost(t, 'facebook');
});

test('Firefox: X status — reply host → picker → "order" + Enter inserts the order-status reply', { timeout: 30_000 }, async (t) => {
  await answerFirstReplyHost(t, 'x');
});

test('Firefox: Messenger — the header\'s labels host → label menu (extension frame) → a new label shows on the row', { timeout: 30_000 }, async () => {
  const url = 'https://www.facebook.com/messages/t/100012345678901/';
  await ff.navigate(url);
  await ff.executeAsync('const done = arguments[0]; Promise.resolve(window.__fixture && window.__fixture.ready).then(() => done(true), () => done(false))');
  const header = '[role="main"] [data-answerdeck="labels"][data-subject="fb:thread:100012345678901"]';
  const row = '[role="grid"] [data-answerdeck="labels"][data-subject="fb:thread:100012345678901"]';
  const rect = await waitFor(
    () => ff.execute(`const h = document.querySelector(arguments[0]); if (!h) return null; h.scrollIntoView({ block: 'center' });
      const r = h.getBoundingClientRect(); return r.width > 0 && { x: r.left + r.width / 2, y: r.top + r.height / 2 }`, header),
    { timeout: 10_000, message: async () => `no labels host in the header${browserLog()}` },
  );
  await ff.clickAt(rect.x, rect.y);
  await waitFor(() => ff.execute(`return document.querySelector('[data-answerdeck="panel"]')?.hasAttribute('open') === true`), {
    timeout: 5_000,
    message: async () => `the label menu did not open${browserLog()}`,
  });
  await new Promise((r) => setTimeout(r, 800)); // the frame's script starts and focuses its search field (not observable from the page)
  await ff.typeKeys('Firefox label');
  await ff.typeKeys(KEYS.Enter);
  await waitFor(async () => (await ff.shadowTexts(row, '.chip')).join('|') === 'Firefox label', {
    timeout: 5_000,
    message: async () => `the row never showed the label: ${JSON.stringify(await ff.shadowTexts(row, 'button').catch((e) => e.message))}${browserLog()}`,
  });
  await ff.typeKeys(KEYS.Escape);
  await waitFor(() => ff.execute(`return !document.querySelector('[data-answerdeck="panel"]')?.hasAttribute('open')`), {
    timeout: 5_000,
    message: async () => `Escape did not close the label menu${browserLog()}`,
  });
});

test('Firefox: Messenger — timers on the rows and the header, counted from the page\'s times', { timeout: 30_000 }, async () => {
  const url = 'https://www.facebook.com/messages/t/100012345678901/';
  await ff.navigate(url);
  await ff.executeAsync('const done = arguments[0]; Promise.resolve(window.__fixture && window.__fixture.ready).then(() => done(true), () => done(false))');
  const read = () => ff.execute(`return [...document.querySelectorAll('[data-answerdeck="timer"]')].map((h) => ({
    subject: h.getAttribute('data-subject'), state: h.getAttribute('data-state'), since: h.getAttribute('data-waiting-since'),
    inMain: !!h.closest('[role="main"]') }))`);
  const timers = await waitFor(async () => {
    const found = await read();
    return found.filter((t) => t.state).length >= 7 && found;
  }, { timeout: 10_000, message: async () => `no timers: ${JSON.stringify(await read())}${browserLog()}` });
  const header = timers.find((t) => t.inMain && t.subject === 'fb:thread:100012345678901');
  // The thread dates Jonas's unanswered message by the separator above it ("HH:MM", 7 minutes before serving).
  const separator = await ff.execute(`return [...document.querySelectorAll('[role="main"] [role="grid"] [role="row"]')]
    .filter((r) => !r.querySelector('[role="gridcell"]')).map((r) => r.textContent.trim()).filter((t) => /\\d/.test(t))[1]`);
  const [hh, mm] = separator.split(':').map(Number);
  const expected = new Date();
  expected.setUTCHours(hh, mm, 0, 0);
  if (expected.getTime() > Date.now()) expected.setUTCDate(expected.getUTCDate() - 1);
  assert.equal(header.since, expected.toISOString());
  assert.equal(header.state, 'warn');
  assert.equal(timers.find((t) => !t.inMain && t.subject === 'fb:thread:100023456789012').state, 'answered');
  assert.equal(timers.find((t) => t.subject === 'fb:thread:100034567890123').state, 'late');
});
