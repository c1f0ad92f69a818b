// End-to-end: importing spreadsheets (CSV/TSV) and espanso match files in the options page, duplicates
// skipped and reported, refusals with their place, and CSV export (and back).
// Build first: scripts/build.sh. Run: node --test --test-concurrency=1 tests/e2e/options-exchange.test.mjs
//
// One browser for the whole file, starting from the four starter replies; the tests build on each other.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, trackPageErrors } from './harness.mjs';
import { alert, download, row, send, status, titles, until, waitForTitles, waitText, writeTemp } from './options-page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTER = JSON.parse(readFileSync(join(root, 'src/platform/starter-library.json'), 'utf8'));
const HOURS = STARTER.replies.find((r) => r.id === 'r-opening-hours');

let browser;
let page;
let errors;
let tmp;

before(async () => {
  browser = await launch({ extensionDir: join(root, 'dist/chrome') });
  tmp = mkdtempSync(join(tmpdir(), 'answerdeck-exchange-'));
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await waitForTitles(page, STARTER.replies.map((r) => r.title), { timeout: 10_000 });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const report = () => page.locator('#import-report');
const importFile = (name, content) => page.getByLabel('Import').setInputFiles(writeTemp(tmp, name, content));
const count = () => page.locator('#reply-count').textContent();

// German Excel writes `;` and German headers; the second row repeats the starter "Opening hours" text.
const GERMAN_CSV = [
  'Titel;Text;Ordner;Schlagwörter;Kürzel;Favorit',
  'Versandstatus;"Hallo {first_name|zusammen}, Ihr Paket ist unterwegs.\nViele Grüße";Bestellungen;versand, bestellung;versand;ja',
  `Öffnungszeiten (Kopie);${HOURS.body};General;;;`,
  '',
].join('\r\n');

test('a CSV spreadsheet (German Excel, ";") is imported; the row repeating a stored text is skipped and reported', async () => {
  assert.match(await page.getByLabel('Import').getAttribute('accept'), /\.csv.*\.tsv.*\.yml.*\.yaml/);
  await importFile('Antworten.csv', GERMAN_CSV);
  await waitText(status(page), 'Imported: 1 new, 0 updated, 0 unchanged, 1 duplicate skipped');
  await waitForTitles(page, ['Versandstatus']);
  assert.ok(!(await titles(page)).includes('Öffnungszeiten (Kopie)'));
  const lines = await report().locator('li').allTextContents();
  assert.deepEqual(lines, ['“Öffnungszeiten (Kopie)” (reply 2 in the file) skipped: the same text as “Opening hours”']);
  await waitText(report(), 'Worth a look in “Antworten.csv”:');
  assert.equal(await alert(page).textContent(), '');

  // The row's cells became the reply's fields; the multi-line cell kept its line break.
  const stored = (await send(page, { op: 'library.list' })).replies.map((r) => r.data).find((r) => r.title === 'Versandstatus');
  assert.equal(stored.body, 'Hallo {first_name|zusammen}, Ihr Paket ist unterwegs.\nViele Grüße');
  assert.equal(stored.folder, 'Bestellungen');
  assert.deepEqual(stored.tags, ['versand', 'bestellung']);
  assert.equal(stored.shortcut, 'versand');
  assert.equal(stored.favorite, true);
  await waitText(page.locator('nav.shelves'), 'Bestellungen');

  // The same file again adds nothing: both rows are already there.
  await report().getByRole('button', { name: 'Dismiss' }).click();
  await importFile('Antworten.csv', GERMAN_CSV);
  await waitText(status(page), 'Imported: 0 new, 0 updated, 0 unchanged, 2 duplicates skipped');
  assert.equal(await report().locator('li').count(), 2);
  await waitText(page.locator('#reply-count'), '5 replies');
});

test('a TSV file and a JSON file with a known text under a new id are imported the same way', async () => {
  await importFile('more.tsv', 'title\tbody\tfolder\nRefund\tHi {first_name|there}, your refund is on its way.\tOrders\n');
  await waitText(status(page), 'Imported: 1 new, 0 updated, 0 unchanged');
  await waitForTitles(page, ['Refund']);
  assert.equal(await report().textContent(), '', 'nothing to report');

  await importFile('copy.json', {
    format: 'answerdeck',
    version: 1,
    replies: [
      { id: 'r-thanks-copy', title: 'Thanks (copy)', body: STARTER.replies.find((r) => r.id === 'r-thanks').body },
      { id: 'r-new-one', title: 'Brand new', body: 'Nothing like it yet.' },
    ],
  });
  await waitText(status(page), 'Imported: 1 new, 0 updated, 0 unchanged, 1 duplicate skipped');
  await waitText(report(), '“Thanks (copy)” (reply 1 in the file) skipped: the same text as “Thanks for the kind words”');
  await waitForTitles(page, ['Brand new']);
  assert.ok(!(await titles(page)).includes('Thanks (copy)'));
});

test('an espanso match file is imported with its warnings; near duplicates are imported and reported', async () => {
  const yaml = [
    'matches:',
    '  - trigger: ":thx"',
    '    label: "Thanks a lot"',
    '    replace: "Thanks a lot, {{friend}}! See you soon."',
    '    vars:',
    '      - name: friend',
    '        type: echo',
    '        params:',
    '          echo: "my friend"',
    '  - trigger: ":today"',
    '    label: "Todays date"',
    '    replace: "Today is {{mydate}}."',
    '    vars:',
    '      - name: mydate',
    '        type: date',
    '        params:',
    '          format: "%d.%m.%Y"',
    '  - trigger: ":refund"',
    '    label: "Refunds"',
    '    replace: "Money back, promised."',
    '',
  ].join('\n');
  await importFile('base.yml', yaml);
  await waitText(status(page), /^Imported: 3 new, 0 updated, 0 unchanged, 1 warning/);
  await waitForTitles(page, ['Thanks a lot', 'Todays date', 'Refunds']);
  const text = await report().textContent();
  assert.match(text, /“Refunds” \(reply 3 in the file\) imported, but close to “Refund”/);
  assert.match(text, /mydate/, 'the warning names the variable it could not convert');
  const stored = (await send(page, { op: 'library.list' })).replies.map((r) => r.data);
  const thanks = stored.find((r) => r.title === 'Thanks a lot');
  assert.equal(thanks.body, 'Thanks a lot, my friend! See you soon.');
  assert.equal(thanks.shortcut, 'thx');
});

test('refused files name the place and the reason; nothing changes', async () => {
  const before = await send(page, { op: 'library.list' });
  const cases = [
    {
      name: 'bad.csv',
      content: 'title,body\nFine,Fine text\nEmpty body,\n',
      expect: 'row 3, column body: must not be empty',
    },
    {
      name: 'notes.txt',
      content: 'just some notes',
      expect: 'choose an Answerdeck export (.json), a spreadsheet saved as CSV (.csv or .tsv), or an espanso match file (.yml or .yaml)',
    },
    {
      name: 'broken.yml',
      content: 'matches:\n  - trigger: ":x"\n    replace: [unclosed\n',
      expect: /not valid YAML/,
    },
  ];
  // Over the 50 MB limit: refused before it is read, with the size and what to do.
  cases.push({
    name: 'huge.json',
    content: `{"format":"answerdeck","version":1,"replies":[{"id":"x","title":"x","body":"${'<script>alert(1)</script>'.repeat(2_200_000)}"}]}`,
    expect: /it is 52\.\d MB, and Answerdeck imports files up to 50 MB\. Split it into smaller files\./,
  });
  for (const c of cases) {
    await importFile(c.name, c.content);
    const shown = await waitText(alert(page), c.expect);
    assert.ok(shown.includes(`“${c.name}” was not imported.`), shown);
    assert.ok(shown.includes('Nothing was changed.'), shown);
  }
  const after = await send(page, { op: 'library.list' });
  assert.equal(after.rev, before.rev);
  assert.deepEqual(after.replies, before.replies);
  await alert(page).getByRole('button', { name: 'Dismiss' }).click();
});

test('Export CSV downloads every reply as a spreadsheet, which imports back unchanged', async () => {
  const listed = await send(page, { op: 'library.list' });
  const { name, text } = await download(page, 'Export CSV');
  assert.match(name, /^answerdeck-replies-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.match(lines[0], /^id,title,language,body/);
  assert.ok(text.includes('Versandstatus'));
  assert.ok(text.includes('"Hallo {first_name|zusammen}, Ihr Paket ist unterwegs.\nViele Grüße"'), 'line break kept in its cell');
  await waitText(status(page), `Exported ${listed.replies.length} replies to ${name}.`);

  await importFile(name, text);
  await waitText(status(page), `Imported: 0 new, 0 updated, ${listed.replies.length} unchanged`);
  const after = await send(page, { op: 'library.list' });
  assert.equal(after.replies.length, listed.replies.length);
  assert.deepEqual(errors, []);
});
