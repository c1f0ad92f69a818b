// extension/gate.js against the same table as the Rust detector (tests/fixtures/urls.json), plus the things
// only the JS side can get wrong: it must define one global and nothing else, stay small, and carry the
// same word lists as the Rust consts it mirrors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const gateSource = read('extension/gate.js');
const fixtures = JSON.parse(read('tests/fixtures/urls.json'));

// A bare context (no window, document, chrome): loading must not touch anything but its one global.
function loadGate() {
  const context = vm.createContext({});
  vm.runInContext(gateSource, context, { filename: 'extension/gate.js' });
  return context;
}
const { answerdeckSurface } = loadGate();

test('every fixture URL gets the expected surface', () => {
  const mismatches = fixtures
    .map(({ url, surface, note }) => ({ url, expected: surface, actual: answerdeckSurface(url), note }))
    .filter(({ expected, actual }) => expected !== actual)
    .map(({ url, expected, actual, note }) => `  ${url}\n    expected ${expected}, got ${actual} (${note})`);
  assert.equal(mismatches.length, 0, `${mismatches.length} of ${fixtures.length} fixtures mismatched:\n${mismatches.join('\n')}`);
});

test('loading defines exactly one global function', () => {
  const context = loadGate();
  assert.deepEqual(Object.keys(context), ['answerdeckSurface']);
  assert.equal(typeof context.answerdeckSurface, 'function');
});

test('stays under the 3 KB budget', () => {
  const bytes = Buffer.byteLength(gateSource);
  assert.ok(bytes < 3 * 1024, `gate.js is ${bytes} bytes`);
});

test('accepts non-string input without throwing', () => {
  assert.equal(answerdeckSurface(undefined), null);
  assert.equal(answerdeckSurface(null), null);
  assert.equal(answerdeckSurface(new URL('https://x.com/i/chat')), 'x-chat');
});

// Quoted strings of `const NAME: &[&str] = &[ … ];` in a Rust file, `//` comments ignored.
function rustList(path, name) {
  const match = new RegExp(`const ${name}: &\\[&str\\] = &\\[([\\s\\S]*?)\\];`).exec(read(path));
  assert.ok(match, `${name} not found in ${path}`);
  const body = match[1].replace(/\/\/.*$/gm, '');
  return [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]).sort();
}

function gateList(name) {
  const pipes = new RegExp(`var ${name} = "([^"]*)"`).exec(gateSource);
  const alternation = new RegExp(`var ${name} = /\\^\\(([^)]*)\\)\\$/`).exec(gateSource);
  const text = pipes?.[1] ?? alternation?.[1];
  assert.ok(text !== undefined, `${name} not found in gate.js`);
  return text.split('|').filter(Boolean).sort();
}

test('word lists equal the Rust consts', () => {
  assert.deepEqual(gateList('FB'), rustList('src/sites/facebook/url.rs', 'RESERVED_FIRST_SEGMENTS'));
  assert.deepEqual(gateList('MSG'), rustList('src/sites/facebook/url.rs', 'MESSENGER_COM_ROUTES'));
  assert.deepEqual(gateList('XR'), rustList('src/sites/x/url.rs', 'RESERVED_FIRST_SEGMENTS'));
});

test('every host the Rust side accepts is accepted here too', () => {
  const hostsAndPaths = [
    ...rustList('src/sites/facebook/url.rs', 'FACEBOOK_HOSTS').map((host) => [host, '/messages/', 'facebook-messenger']),
    ...rustList('src/sites/facebook/url.rs', 'MESSENGER_HOSTS').map((host) => [host, '/t/1', 'facebook-messenger']),
    ['business.facebook.com', '/latest/inbox/all', 'business-inbox'],
    ...rustList('src/sites/x/url.rs', 'X_HOSTS').map((host) => [host, '/i/chat', 'x-chat']),
  ];
  const misses = hostsAndPaths
    .filter(([host, path, surface]) => answerdeckSurface(`https://${host}${path}`) !== surface)
    .map(([host]) => host);
  assert.deepEqual(misses, []);
  assert.match(read('src/sites/facebook/url.rs'), /const BUSINESS_HOST: &str = "business\.facebook\.com";/);
});
