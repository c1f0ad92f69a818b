// Hostile files (issue 6): import files — data format v1 JSON, CSV and espanso YAML — whose every field (title,
// body, language versions, folder, tags, shortcut, ids, unknown fields; labels, conversations and notes in v1) holds
// HTML and script aimed at `window.__pwned`, `javascript:` links and `{{`-template junk. A field whose rules such
// text breaks (a language code) is refused whole with the place and the reason; everything else arrives as inert
// text: the options page, the label chips, the notes panel and the picker show the literal characters, the picker
// puts them into Facebook's Lexical composer as typed text and sends nothing, no element of the payloads is ever
// created (read through the DevTools protocol, closed shadow roots included), and `window.__pwned` is never set in
// the options page, the panel, the fixture page's own world or the service worker. No dialog ever opens.
// (tests/core_exchange_*.rs check the same kind of files natively; tests/e2e/hostile.test.mjs covers hostile pages.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelText, submissions, waitForHosts } from './harness.mjs';
import { startBrowser, open, openPicker, closedView } from './extension.mjs';
import { hosts, clickInHost, panelFrame, ask, eventually } from './labels-helpers.mjs';
import { alert, send, status, titles, waitForTitles, waitText, writeTemp } from './options-page.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');
const V1 = JSON.parse(readFileSync(join(FIXTURES, 'hostile-every-field.json'), 'utf8'));
const POST_EN = 'https://www.facebook.com/nordlichtkaffee/posts/pfbid02kM8xWq3Tn7vYb5RcLz9HdPj4sFa6Ue1GtKw2oXyNmB7qVh3ErJ5iDp8CfS1uAl';
const MAIN_COMPOSER = '[data-lexical-editor="true"][aria-label^="Comment as"]';
const LUKAS = 'fb:user:lukas.hoffmann.7';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

/** What each hostile reply must put into the composer, character for character (`{{`/`}}` are literal braces). */
const INSERTED = [
  {
    file: 'hostile-every-field.json',
    query: 'Zebra',
    text: `Hi <b onmouseover="window.__pwned=1">friend</b>! ${IMG}${SCRIPT} <a href="javascript:window.__pwned=1">link</a> {constructor.constructor('window.__pwned=1')()} </textarea><svg onload="window.__pwned=1">`,
  },
  {
    file: 'hostile-every-field.csv',
    query: 'Walrus',
    text: `Hello ${IMG} ${SCRIPT} <a href="javascript:window.__pwned=1">walrus</a> {7*7} }`,
  },
  {
    file: 'hostile-every-field.yml',
    query: 'Yak',
    text: `Yak reply ${IMG} ${SCRIPT} <a href="javascript:window.__pwned=1">x</a> <iframe src="javascript:window.__pwned=1"></iframe> {{7*7}} {not_a_variable}`,
  },
];

const attrsOf = (n) => Object.fromEntries((n.attributes || []).reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []));

/**
 * Elements a payload would have created, anywhere in `page` (closed shadow roots and same-process frames
 * included): an `on…` attribute, a `javascript:` URL, `srcdoc`, `img[src=x]`, an inline `<script>`.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);

async function payloadElements(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [];
    const walk = (n) => {
      if (n.nodeType === 1) {
        const a = attrsOf(n);
        // Text in attributes (aria-label, title, data-*) is inert; handlers and URL attributes are not.
        const bad = Object.entries(a).some(([k, v]) => /^on/i.test(k) || k === 'srcdoc' || (URL_ATTRIBUTES.has(k) && /^\s*javascript:/i.test(v)))
          || (n.localName === 'img' && a.src === 'x')
          || (n.localName === 'script' && !a.src);
        if (bad) found.push(`<${n.localName} ${JSON.stringify(a)}>`);
      }
      [...(n.children || []), ...(n.shadowRoots || []), ...(n.contentDocument ? [n.contentDocument] : [])].forEach(walk);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

const pwned = (where) => where.evaluate(() => window.__pwned ?? null);

describe('hostile import files arrive as inert text or are refused', () => {
  let browser;
  let page;
  let tmp;
  const dialogs = [];
  const errors = [];

  before(async () => {
    browser = await startBrowser({ csp: 'facebook' });
    tmp = mkdtempSync(join(tmpdir(), 'answerdeck-hostile-files-'));
    const watch = (p) => {
      p.on('dialog', (d) => { dialogs.push(`${p.url()}: ${d.message()}`); d.dismiss().catch(() => {}); });
      p.on('pageerror', (e) => errors.push(`${p.url()}: ${e}`));
    };
    browser.context.pages().forEach(watch);
    browser.context.on('page', watch);
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('#reply-count').filter({ hasText: /replies/ }).waitFor({ timeout: 10_000 });
  });
  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const importFile = (path) => page.getByLabel('Import').setInputFiles(path);

  test('control: the checks catch a payload that is rendered as HTML', async () => {
    const blank = await browser.context.newPage();
    await blank.setContent(`<p>${IMG}</p><a href="javascript:void 0">x</a>`);
    await eventually(() => pwned(blank), 'the payload ran');
    assert.equal((await payloadElements(blank)).length, 2);
    await blank.close();
  });

  test('a file whose language code holds script is refused whole, with the place and the reason', async () => {
    const before = await send(page, { op: 'library.list' });
    const cases = [
      { name: 'language.json', content: { ...V1, replies: [{ ...V1.replies[0], language: SCRIPT }] }, expect: 'replies[0].language' },
      { name: 'language.csv', content: `title,body,language\nOk,Fine text,"${IMG.replaceAll('"', '""')}"\n`, expect: 'row 2, column language' },
    ];
    for (const c of cases) {
      await importFile(writeTemp(tmp, c.name, c.content));
      const shown = await waitText(alert(page), 'Nothing was changed.');
      assert.ok(shown.includes(`“${c.name}” was not imported.`), shown);
      assert.ok(shown.includes(c.expect), `the place: ${shown}`);
      assert.match(shown, /is not a language code/);
      assert.ok(shown.includes('<'), 'the refused value is quoted as text');
    }
    const after = await send(page, { op: 'library.list' });
    assert.equal(after.rev, before.rev, 'nothing was written');
    assert.deepEqual(await payloadElements(page), []);
    assert.equal(await pwned(page), null);
  });

  for (const { file } of INSERTED) {
    test(`${file}: imported; the options page shows every field as the literal characters`, async () => {
      await importFile(join(FIXTURES, file));
      await waitText(status(page), /^Imported: [1-9]\d* new/);
      const stored = (await send(page, { op: 'library.list' })).replies.map((r) => r.data);
      const mine = stored.filter((r) => /^(Zebra|Walrus|Yak|Gnu) /.test(r.title) && r.title.includes('<'));
      assert.ok(mine.length > 0, 'the hostile replies are stored');
      await waitForTitles(page, mine.map((r) => r.title));
      const shown = await page.locator('main').textContent();
      for (const r of mine) {
        assert.ok((await titles(page)).includes(r.title), `the title as text: ${r.title}`);
        for (const tag of r.tags ?? []) assert.ok(shown.includes(tag), `the tag as text: ${tag}`);
        if (r.shortcut) assert.ok(shown.includes(r.shortcut), `the shortcut as text: ${r.shortcut}`);
      }
      const folders = mine.map((r) => r.folder).filter(Boolean);
      for (const folder of folders) await waitText(page.locator('nav.shelves'), folder);
      if (file.endsWith('.json')) {
        const zebra = mine[0];
        assert.equal(zebra.id, V1.replies[0].id, 'the id is kept as written');
        assert.deepEqual(zebra.variants, V1.replies[0].variants);
        assert.equal(zebra.folder, V1.replies[0].folder);
        assert.deepEqual(zebra.tags, V1.replies[0].tags);
        assert.equal(zebra.shortcut, V1.replies[0].shortcut);
      }
      assert.deepEqual(await payloadElements(page), [], 'no element of the payloads was created');
      assert.equal(await pwned(page), null);
    });
  }

  test('the v1 file\'s label, conversation and note are listed as text in the options page', async () => {
    const label = V1.labels[0];
    await waitText(page.locator('#labels'), label.name);
    const listed = await ask(browser, { op: 'labels.list' });
    const stored = listed.labels.find((l) => l.name === label.name);
    assert.ok(stored, 'the label is stored under its literal name');
    assert.ok(listed.subjects.find((s) => s.key === LUKAS)?.labels.includes(stored.id), 'and on Lukas');
    await waitText(page.locator('#notes'), V1.notes[0].text);
    await waitText(page.locator('#notes'), V1.notes[0].author);
    assert.deepEqual(await payloadElements(page), []);
    assert.equal(await pwned(page), null);
  });

  test('on a Facebook post the picker shows and inserts the literal characters, and nothing is sent', async () => {
    const { page: post } = await open(browser, POST_EN);
    await waitForHosts(post, 'composer', 1);
    // Lukas's chip carries the imported label's name, as text.
    await eventually(async () => (await hosts(post, 'labels', { subject: LUKAS })).some((h) => h.text.includes(V1.labels[0].name)), 'Lukas\'s chip shows the imported label');
    for (const { query, text } of INSERTED) {
      await openPicker(post, 'composer');
      await post.keyboard.type(query, { delay: 10 });
      await eventually(async () => (await closedView(post, 'picker'))?.preview?.text === text, `the preview of “${query}” is the literal text`);
      assert.deepEqual(await payloadElements(post), [], 'the open picker created none of it');
      await post.keyboard.press('Enter');
      await post.waitForSelector('[data-answerdeck="picker"]', { state: 'detached', timeout: 5_000 });
      assert.equal(await modelText(post, MAIN_COMPOSER), text, `the composer's model holds the characters of “${query}”`);
      assert.deepEqual(await payloadElements(post), [], 'the composer rendered none of it');
      // Empty the composer for the next one (as a person would: select all, delete).
      await post.locator(MAIN_COMPOSER).click();
      await post.keyboard.press('Control+A');
      await post.keyboard.press('Backspace');
      await eventually(async () => (await modelText(post, MAIN_COMPOSER)) === '', 'the composer is empty again');
    }
    // The note about Lukas, in the notes panel (an extension frame), as text.
    await clickInHost(post, 'notes', { subject: LUKAS });
    const frame = await panelFrame(post, { mode: 'notes', subject: LUKAS });
    await eventually(() => frame.evaluate((n) => document.body.innerText.includes(n), V1.notes[0].text), 'the note is shown as text');
    assert.equal(await frame.evaluate(() => document.querySelectorAll('img, script:not([src]), iframe, svg, [onerror], [onclick], [onmouseover], [onload]').length), 0, 'the panel created none of it');
    assert.equal(await pwned(frame), null, 'window.__pwned in the panel');
    assert.deepEqual(await submissions(post), [], 'nothing was sent');
    assert.equal(await pwned(post), null, 'window.__pwned in the page\'s world');
    assert.equal(await pwned(page), null, 'window.__pwned in the options page');
    assert.equal(await browser.serviceWorker.evaluate(() => self.__pwned ?? null), null, 'self.__pwned in the service worker');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(errors, [], 'no page error');
    await post.close();
  });
});
