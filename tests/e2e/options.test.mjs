// End-to-end: the options page (library editor) in Chromium with the built extension (dist/chrome).
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/options.test.mjs
//
// One browser for the whole file (the tests build on each other's library, in order): starter replies →
// create → edit → delete/undo → import → refused imports → export → a second tab.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import * as lib from './options-page.mjs';
import { sleep, until, waitText } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTER = JSON.parse(readFileSync(join(root, 'src/platform/starter-library.json'), 'utf8'));
const STARTER_TITLES = STARTER.replies.map((r) => r.title);

let browser;
let page;
let optionsUrl;
let errors;
let tmp;

before(async () => {
  browser = await launch({ extensionDir: join(root, 'dist/chrome') });
  optionsUrl = `chrome-extension://${browser.extensionId}/options.html`;
  tmp = mkdtempSync(join(tmpdir(), 'answerdeck-options-'));
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await page.goto(optionsUrl);
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const titles = (p = page) => lib.titles(p);
const row = (title, p = page) => lib.row(p, title);
const status = (p = page) => lib.status(p);
const alert = (p = page) => lib.alert(p);
const editor = (p = page) => lib.editor(p);
const waitForTitles = (expected, p = page, options) => lib.waitForTitles(p, expected, options);
/** Clicks Export and returns {name, json, text} of the downloaded file. */
const exportFile = (p = page) => lib.download(p, 'Export');
const writeTemp = (name, content) => lib.writeTemp(tmp, name, content);

async function importFile(file) {
  await page.getByLabel('Import').setInputFiles(file);
}

// ---------------------------------------------------------------------------------------------------------------

test('lists the starter replies, sorted by folder then title, with counts and search', async () => {
  await waitForTitles(STARTER_TITLES, page, { timeout: 10_000 });
  // Complaints, General (Opening hours, Thanks…), Orders.
  assert.deepEqual(await titles(), [
    'Sorry — we\'ll make it right',
    'Opening hours',
    'Thanks for the kind words',
    'Order status — ask for a DM',
  ]);
  assert.deepEqual(await page.locator('.group h3').allTextContents(), ['Complaints (1)', 'General (2)', 'Orders (1)']);
  await waitText(page.locator('#reply-count'), '4 replies');
  const thanks = row('Thanks for the kind words');
  assert.match(await thanks.textContent(), /★/);
  assert.match(await thanks.textContent(), /\/thanks/);
  assert.match(await thanks.textContent(), /#praise/);
  assert.match(await thanks.locator('.reply-snippet').textContent(), /^Thank you so much, \{first_name\|friend\}!/);
  assert.equal(await page.locator('main').getAttribute('aria-busy'), 'false');

  await page.getByLabel('Search replies').fill('hours');
  await until('one search result', async () => (await titles()).length === 1);
  assert.deepEqual(await titles(), ['Opening hours']);
  await waitText(page.locator('#reply-count'), '1 match of 4 replies');
  await page.getByLabel('Search replies').fill('/order');
  await until('shortcut search', async () => (await titles()).join() === 'Order status — ask for a DM');
  await page.getByLabel('Search replies').fill('');
  await until('all rows back', async () => (await titles()).length === 4);
});

test('creates a reply: live preview, template errors refused with their position, background refusals by field', async () => {
  await page.getByRole('button', { name: 'New reply' }).click();
  await until('editor open', () => editor().isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'field-title');
  await page.getByLabel('Title').fill('Shipping delay');
  const body = page.getByLabel('Body', { exact: true });
  await body.fill('Hi {first_name}, {agent} from {page} here. Parcel {?Tracking number} is on its way, {name|friend}!');
  await waitText(
    page.locator('#preview-text'),
    'Hi Jonas, Sam from Nordlicht Kaffee here. Parcel ‹Tracking number› is on its way, Jonas Becker!',
  );
  await waitText(page.locator('.preview-note'), '“Tracking number”');

  // Typing updates the preview keystroke by keystroke.
  await body.press('End');
  await body.pressSequentially(' {handle}');
  await waitText(page.locator('#preview-text'), 'Jonas Becker! @jonas_b');

  // An unknown variable: a red error naming the character, no preview, and Save refused.
  await body.fill('Hi {nme}, thanks!');
  const bodyError = page.locator('#body-error');
  await waitText(bodyError, 'Template problem: unknown variable {nme} at character 4.');
  assert.equal(await body.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#preview-text').textContent(), /No preview until this is fixed/);
  const color = await bodyError.evaluate((e) => getComputedStyle(e).color);
  const [r, g, b] = color.match(/\d+/g).map(Number);
  assert.ok(r > 150 && g < 100 && b < 100, `error is red: ${color}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await sleep(150);
  assert.ok(await editor().isVisible(), 'still editing after a refused save');
  assert.ok(!(await titles()).includes('Shipping delay'));

  // An unclosed brace.
  await body.fill('Hi {first_name');
  await waitText(bodyError, 'unclosed { at character 4');

  // The background's own refusal, verbatim, next to the field its path names.
  await body.fill('Hi {first_name|there}, sorry for the delay. Parcel {?Tracking number} is on its way.');
  await waitText(bodyError, /^$/);
  await page.getByLabel('Title').fill('   ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitText(page.locator('#title-error'), "This reply can't be saved: title: must not be empty");
  assert.equal(await page.evaluate(() => document.activeElement.id), 'field-title');

  await page.getByLabel('Title').fill('Shipping delay');
  await page.getByLabel('Folder').fill('Orders');
  await page.getByLabel('Tags').fill('shipping, delay, , shipping');
  await page.getByLabel('Shortcut').fill('/delay');
  await page.getByLabel('Language (optional)').fill('EN');
  await page.getByLabel('Favourite').check();
  await page.getByLabel('Title').press('Control+Enter');

  await until('editor closed', async () => !(await editor().isVisible()));
  await waitText(status(), 'Created “Shipping delay”');
  await waitForTitles(['Shipping delay']);
  const created = row('Shipping delay');
  assert.match(await created.textContent(), /\/delay/);
  assert.match(await created.textContent(), /#shipping.*#delay/);
  assert.match(await created.textContent(), /★/);
  assert.equal(await created.locator('.languages').textContent(), 'en');
  await waitText(page.locator('#reply-count'), '5 replies');
  // Sorted into the Orders folder.
  assert.deepEqual(await page.locator('.group h3').allTextContents(), ['Complaints (1)', 'General (2)', 'Orders (2)']);
  // Focus returns to the new reply's row.
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.id), 'r-shipping-delay');
});

test('edits a reply (fields, a language variant) and saves; Escape cancels and Restore brings the text back', async () => {
  await row('Opening hours').getByRole('button', { name: 'Edit' }).click();
  await until('editor open', () => editor().isVisible());
  await waitText(page.locator('#editor-heading'), 'Edit “Opening hours”');
  assert.equal(await page.getByLabel('Shortcut').inputValue(), 'hours');
  assert.equal(await page.getByLabel('Tags').inputValue(), 'hours, open');

  // Escape cancels; the discarded text can be restored from the status line.
  await page.getByLabel('Title').fill('Opening hours (summer)');
  await page.getByLabel('Title').press('Escape');
  await until('editor closed', async () => !(await editor().isVisible()));
  await waitText(status(), 'Discarded your changes to “Opening hours”.');
  await status().getByRole('button', { name: 'Restore' }).click();
  await until('editor reopened', () => editor().isVisible());
  assert.equal(await page.getByLabel('Title').inputValue(), 'Opening hours (summer)');

  const body = page.getByLabel('Body', { exact: true });
  await body.fill('Hi {first_name|there}! Summer hours: Monday to Friday 8:00–20:00.');
  await page.getByRole('button', { name: 'Add language variant' }).click();
  const code = page.locator('.variant input[type="text"]').first();
  assert.equal(await page.evaluate(() => document.activeElement.id), await code.getAttribute('id'));
  await code.fill('de');
  const variantBody = page.locator('.variant textarea').first();
  await variantBody.fill('Hallo {first_name|zusammen}! Sommerzeiten: Montag bis Freitag 8:00–20:00.');
  // The preview follows the text being written.
  await waitText(page.locator('.preview-caption'), 'Variant “de”');
  await waitText(page.locator('#preview-text'), 'Hallo Jonas! Sommerzeiten');
  // A variable button inserts at the caret.
  await variantBody.press('Control+End');
  await page.getByRole('button', { name: 'Insert {agent}' }).click();
  assert.match(await variantBody.inputValue(), /20:00\.\{agent\}$/);
  await waitText(page.locator('#preview-text'), '20:00.Sam');
  await variantBody.fill('Hallo {first_name|zusammen}! Sommerzeiten: Montag bis Freitag 8:00–20:00.');
  // A second variant left empty is ignored; a second "de" is refused here.
  await page.getByRole('button', { name: 'Add language variant' }).click();
  await page.locator('.variant input[type="text"]').nth(1).fill('de');
  await page.locator('.variant textarea').nth(1).fill('Doppelt');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitText(page.locator('.variant .field-error').nth(1), 'There is already a variant for “de”.');
  await page.locator('.variant').nth(1).getByRole('button', { name: 'Remove this language variant' }).click();
  assert.equal(await page.locator('.variant').count(), 1);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await until('editor closed', async () => !(await editor().isVisible()));
  await waitText(status(), 'Saved “Opening hours (summer)”');
  await waitForTitles(['Opening hours (summer)']);
  assert.ok(!(await titles()).includes('Opening hours'));
  const edited = row('Opening hours (summer)');
  await waitText(edited.locator('.reply-snippet'), 'Summer hours');
  assert.match(await edited.locator('.languages').textContent(), /en · de/);
});

test('delete asks in the row; Undo re-creates the reply', async () => {
  const title = 'Sorry — we\'ll make it right';
  await row(title).getByRole('button', { name: 'Delete' }).click();
  const confirm = row(title).getByRole('group', { name: 'Confirm delete' });
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /Delete “Sorry — we'll make it right”\?/);
  // Cancel keeps it; focus is on Cancel first.
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel');
  await page.keyboard.press('Escape');
  await until('question gone', async () => (await confirm.count()) === 0);
  assert.ok((await titles()).includes(title));

  await row(title).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: /Delete .* now/ }).click();
  await until('row gone', async () => !(await titles()).includes(title));
  await waitText(status(), `Deleted “${title}”`);
  await waitText(page.locator('#reply-count'), '4 replies');
  await status().getByRole('button', { name: 'Undo' }).click();
  await waitForTitles([title]);
  await waitText(status(), `Restored “${title}”`);
  await waitText(page.locator('#reply-count'), '5 replies');
});

test('imports a valid v1 file: counts, and the new replies are listed', async () => {
  const orderStatus = STARTER.replies.find((r) => r.id === 'r-order-status');
  const file = writeTemp('good.json', {
    format: 'answerdeck',
    version: 1,
    exported_at: '2026-11-22T10:00:00Z',
    replies: [
      {
        id: 'r-refund',
        title: 'Refund on its way',
        body: 'Hi {first_name|there}, your refund for order {?Order number} is on its way.',
        variants: { de: 'Hallo {first_name|zusammen}, die Erstattung ist unterwegs.' },
        language: 'en',
        folder: 'Orders',
        tags: ['refund'],
        shortcut: 'refund',
        favorite: false,
        x_team_note: { owner: 'sam', reviewed: true },
      },
      { ...STARTER.replies.find((r) => r.id === 'r-thanks'), body: 'Thanks a lot, {first_name|friend}!' },
      orderStatus,
    ],
  });
  await importFile(file);
  await waitText(status(), 'Imported: 1 new, 1 updated, 1 unchanged');
  await waitForTitles(['Refund on its way']);
  await waitText(row('Thanks for the kind words').locator('.reply-snippet'), 'Thanks a lot, {first_name|friend}!');
  await waitText(page.locator('#reply-count'), '6 replies');
  assert.equal(await alert().textContent(), '');
});

test('refuses malformed files whole, naming the place and reason; nothing changes', async () => {
  const before = await exportFile();
  const listBefore = await titles();
  const extra = { id: 'r-should-not-appear', title: 'Should not appear', body: 'Nope' };
  const cases = [
    {
      name: 'broken.json',
      content: '{\n  "format": "answerdeck",\n  "version": 1,\n  "replies": [\n    {"id": "r-x", "title": "X" "body": "y"}\n  ]\n}\n',
      expect: /line 5, column \d+: not valid JSON/,
    },
    {
      name: 'no-title.json',
      content: { format: 'answerdeck', version: 1, replies: [extra, { id: 'r-untitled', body: 'Hello' }] },
      expect: 'replies[1].title: missing; every reply needs a title',
    },
    {
      name: 'unknown-variable.json',
      content: { format: 'answerdeck', version: 1, replies: [extra, { id: 'r-bad', title: 'Bad', body: 'Hi {nme}!' }] },
      expect: 'replies[1].body: template problem: unknown variable {nme} at character 4',
    },
  ];
  for (const c of cases) {
    await importFile(writeTemp(c.name, c.content));
    const text = await waitText(alert(), c.expect);
    assert.ok(text.includes(`“${c.name}” was not imported.`), text);
    assert.ok(text.includes('Nothing was changed.'), text);
    assert.deepEqual(await titles(), listBefore, `list unchanged after ${c.name}`);
  }
  // The alert can be dismissed.
  await alert().getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await alert().textContent(), '');

  const afterExport = await exportFile();
  assert.deepEqual(afterExport.json.replies, before.json.replies);
  assert.ok(!afterExport.text.includes('Should not appear'));
});

test('export downloads a v1 file with every reply; unknown fields survive the round trip', async () => {
  const { name, json } = await exportFile();
  assert.match(name, /^answerdeck-replies-\d{4}-\d{2}-\d{2}\.json$/);
  const today = new Date().toISOString().slice(0, 10); // the browser runs in UTC (harness default)
  assert.equal(name, `answerdeck-replies-${today}.json`);
  assert.equal(json.format, 'answerdeck');
  assert.equal(json.version, 1);
  assert.equal(json.replies.length, 6);
  const byId = Object.fromEntries(json.replies.map((r) => [r.id, r]));
  assert.deepEqual(byId['r-refund'].x_team_note, { owner: 'sam', reviewed: true });
  assert.equal(byId['r-refund'].variants.de, 'Hallo {first_name|zusammen}, die Erstattung ist unterwegs.');
  assert.deepEqual(byId['r-shipping-delay'], {
    id: 'r-shipping-delay',
    title: 'Shipping delay',
    body: 'Hi {first_name|there}, sorry for the delay. Parcel {?Tracking number} is on its way.',
    language: 'en',
    folder: 'Orders',
    tags: ['shipping', 'delay'],
    shortcut: 'delay',
    favorite: true,
  });
  assert.equal(byId['r-opening-hours'].title, 'Opening hours (summer)');
  assert.deepEqual(Object.keys(byId['r-opening-hours'].variants), ['de']);
  await waitText(status(), `Exported 6 replies to ${name}.`);

  // Editing the imported reply keeps its unknown field.
  await row('Refund on its way').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Tags').fill('refund, money');
  await page.getByLabel('Tags').press('Control+Enter');
  await waitText(status(), 'Saved “Refund on its way”');
  const again = await exportFile();
  const refund = again.json.replies.find((r) => r.id === 'r-refund');
  assert.deepEqual(refund.tags, ['refund', 'money']);
  assert.deepEqual(refund.x_team_note, { owner: 'sam', reviewed: true });
});

test('a second tab sees changes within a second; the editor says when its reply changed elsewhere', async (t) => {
  const second = await browser.context.newPage();
  const secondErrors = trackPageErrors(second);
  await second.goto(optionsUrl);
  await waitForTitles(['Refund on its way'], second, { timeout: 10_000 });

  // A reply created in the first tab appears in the second within a second. (Playwright acts on the tab in
  // front; background tabs get no animation frames, which its clicks wait for.)
  await page.bringToFront();
  await page.getByRole('button', { name: 'New reply' }).click();
  await page.getByLabel('Title').fill('Cross-tab check');
  await page.getByLabel('Body', { exact: true }).fill('Seen everywhere, {first_name|friend}.');
  const started = Date.now();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForTitles(['Cross-tab check'], second, { timeout: 1_000, interval: 10 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1_000, `second tab updated after ${elapsed} ms`);
  t.diagnostic(`second tab showed the new reply ${elapsed} ms after Save`);

  // The second tab edits it without changing anything; a save in the first tab just updates its editor.
  await second.bringToFront();
  await row('Cross-tab check', second).getByRole('button', { name: 'Edit' }).click();
  await page.bringToFront();
  await row('Cross-tab check').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Body', { exact: true }).fill('Seen everywhere, {first_name|friend}! (v2)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitText(editor(second).locator('.notice'), 'Updated to the newer version saved in another tab.');
  assert.equal(await second.getByLabel('Body', { exact: true }).inputValue(), 'Seen everywhere, {first_name|friend}! (v2)');

  // With unsaved changes in the second tab, a change in the first is announced, the text kept, and a save
  // from the stale version refused with the background's message and a Reload button.
  await second.bringToFront();
  await second.getByLabel('Title').fill('Cross-tab check (mine)');
  await page.bringToFront();
  await row('Cross-tab check').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Body', { exact: true }).fill('Seen everywhere (v3)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitText(editor(second).locator('.notice'), 'This reply was changed in another tab');
  assert.equal(await second.getByLabel('Title').inputValue(), 'Cross-tab check (mine)');
  await second.bringToFront();
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const refusal = editor(second).locator('.form-error');
  await waitText(refusal, 'This reply was changed in another tab; reload to see the newer version.');
  await refusal.getByRole('button', { name: 'Reload' }).click();
  await until('newer version shown', async () => (await second.getByLabel('Body', { exact: true }).inputValue()) === 'Seen everywhere (v3)');
  assert.equal(await second.getByLabel('Title').inputValue(), 'Cross-tab check');
  // The set-aside text comes back on top of the newer version, and then saves over it knowingly.
  await waitText(status(second), 'Your unsaved changes were set aside.');
  await status(second).getByRole('button', { name: 'Restore my changes' }).click();
  assert.equal(await second.getByLabel('Title').inputValue(), 'Cross-tab check (mine)');
  await second.getByLabel('Title').press('Control+Enter');
  await waitText(status(second), 'Saved “Cross-tab check (mine)”');
  await waitForTitles(['Cross-tab check (mine)'], page);

  // A delete in one tab reaches the other too.
  await page.bringToFront();
  const started2 = Date.now();
  await row('Cross-tab check (mine)').getByRole('button', { name: 'Delete' }).click();
  await row('Cross-tab check (mine)').getByRole('button', { name: /Delete .* now/ }).click();
  await until('gone in the second tab', async () => !(await titles(second)).some((t) => t.startsWith('Cross-tab check')), { timeout: 1_000, interval: 10 });
  assert.ok(Date.now() - started2 < 1_500);

  assert.deepEqual(secondErrors, []);
  await second.close();
});

test('text from the library is never parsed as HTML', async () => {
  await page.bringToFront();
  await page.getByRole('button', { name: 'New reply' }).click();
  await page.getByLabel('Title').fill('<img src=x onerror="window.__pwned=1"><b>bold</b>');
  await page.getByLabel('Body', { exact: true }).fill('<script>window.__pwned=2</script><i>{first_name}</i>');
  await waitText(page.locator('#preview-text'), '<script>window.__pwned=2</script><i>Jonas</i>');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForTitles(['<img src=x onerror="window.__pwned=1"><b>bold</b>']);
  assert.equal(await page.locator('main img, main b, main script, main i').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});

test('a big file: "Importing…" while it runs, then the list shows the first 200 and search finds the rest', async () => {
  await page.bringToFront();
  const replies = Array.from({ length: 3_000 }, (_, n) => ({
    id: `r-bulk-${n}`,
    title: `Bulk reply ${String(n).padStart(4, '0')}`,
    body: `Hi {first_name|there}, this is canned answer number ${n}.\nKind regards, {agent}`,
    folder: `Bulk ${n % 10}`,
    tags: ['bulk', `t${n % 7}`],
  }));
  await page.evaluate(() => {
    const region = document.querySelector('.messages [role="status"]');
    window.__statusTexts = [];
    new MutationObserver(() => window.__statusTexts.push(region.textContent)).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await importFile(writeTemp('big.json', { format: 'answerdeck', version: 1, replies }));
  await waitText(status(), 'Imported: 3000 new, 0 updated, 0 unchanged', { timeout: 15_000 });
  const seen = await page.evaluate(() => window.__statusTexts);
  assert.ok(seen.some((text) => text.startsWith('Importing… “big.json”')), JSON.stringify(seen.slice(0, 3)));
  await waitText(page.locator('#reply-count'), '3,007 replies');
  await waitText(page.locator('.groups'), 'Showing the first 200. Search to find the others.');
  assert.equal(await page.locator('li.reply').count(), 200);
  await page.getByLabel('Search replies').fill('number 2999');
  await until('the last bulk reply', async () => (await titles()).join() === 'Bulk reply 2999');
  await waitText(page.locator('#reply-count'), '1 match of 3,007 replies');
  assert.deepEqual(errors, []);
});
