// Fixture pages at their REAL https URLs for Firefox (geckodriver can't route requests the way Playwright does).
//
// How: an HTTPS server with a throw-away self-signed certificate (SAN www.facebook.com, x.com, …), reached through a
// tiny HTTP CONNECT proxy on a free 127.0.0.1 port that Firefox is told to use for everything (firefoxPrefs()).
// Compared with binding :443 plus `network.dns.localDomains` (toolchain.md §5), the proxy needs no fixed port, so
// several runs (or engineers) on the machine don't collide, and it refuses every other host, so Firefox's own
// background traffic can't hang or leave the machine. `acceptInsecureCerts: true` covers the certificate.
//
// Served exactly like tests/e2e/harness.mjs serveFixtures(): the route table (fixtureFor / ROUTES), a per-response
// nonce in `{{NONCE}}` / `{NONCE}`, a named page CSP per site (CSP from harness.mjs), `/__fixture/<bundle>.js` from
// tests/e2e/.out and `/__fixture/<site>/<file>` from tests/e2e/fixtures, CDN images as a small SVG, 404 otherwise.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { extname, join, normalize, sep } from 'node:path';
import { CSP, FIXTURES_DIR, OUT_DIR, ROUTES, fillTimes, fixtureFor } from '../e2e/harness.mjs';

const SITE_HOSTS = new Set(['www.facebook.com', 'business.facebook.com', 'www.messenger.com', 'x.com']);
const CDN_HOST = /(^|\.)fbcdn\.net$|(^|\.)twimg\.com$/;
const TYPES = {
  '.html': 'text/html; charset="utf-8"',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page CSP each site is served with here (names from harness.mjs CSP). */
export const SITE_CSP = { 'www.facebook.com': 'facebook', 'business.facebook.com': 'facebook', 'www.messenger.com': 'facebook', 'x.com': 'x' };

/** Route-table entry for `url` (query and trailing slash ignored, as in harness.mjs), or null. */
export function routeFor(url) {
  const file = fixtureFor(url);
  if (!file) return null;
  const u = new URL(url);
  const key = `${u.origin}${u.pathname.replace(/\/+$/, '') || '/'}`;
  return { ...ROUTES.routes[key], file: join(FIXTURES_DIR, file) };
}

function makeCert(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const san = ['www.facebook.com', 'business.facebook.com', 'www.messenger.com', 'x.com', '*.fbcdn.net', '*.xx.fbcdn.net', '*.twimg.com']
    .map((h) => `DNS:${h}`)
    .join(',');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-addext', `subjectAltName=${san}`, '-days', '1', '-keyout', key, '-out', cert], {
    stdio: 'ignore',
    timeout: 15_000,
  });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Start the fixture server. `dir` holds the generated key/cert. `csp(url)` may override the policy name per page.
 * @returns {Promise<{port, served: Array, refused: Array, prefs: object, close: () => Promise<void>}>}
 */
export async function serveFixtures({ dir, csp = (url) => SITE_CSP[new URL(url).hostname] || 'none' }) {
  const served = [];
  const refused = [];
  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };
  const https = createHttpsServer(makeCert(dir), (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    const u = new URL(url);
    if (CDN_HOST.test(u.hostname)) {
      return send(res, 200, TYPES['.svg'], '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="#8ab"/></svg>', { 'cache-control': 'max-age=3600' });
    }
    const notFound = () => {
      served.push({ url, status: 404 });
      send(res, 404, TYPES['.html'], "<!doctype html><title>Page not found</title><h1>This page isn't available</h1>");
    };
    if (!SITE_HOSTS.has(u.hostname)) return notFound();
    if (u.pathname.startsWith('/__fixture/')) {
      const rel = decodeURIComponent(u.pathname.slice('/__fixture/'.length));
      const base = rel.includes('/') ? FIXTURES_DIR : OUT_DIR;
      const file = normalize(join(base, rel));
      if (!file.startsWith(base + sep) || !existsSync(file) || ['.html', '.json'].includes(extname(file))) return notFound();
      served.push({ url, status: 200 });
      return send(res, 200, TYPES[extname(file)] || 'application/octet-stream', readFileSync(file), { 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
    }
    const route = routeFor(url);
    if (!route || req.method !== 'GET' || !existsSync(route.file)) return notFound();
    const nonce = randomBytes(16).toString('base64');
    // Times relative to now (`{{AGO 7m hm}}`); Firefox runs in the system's zone, UTC on the CI machines.
    const html = fillTimes(readFileSync(route.file, 'utf8').replaceAll('{{NONCE}}', nonce));
    const name = csp(url);
    const policy = Object.prototype.hasOwnProperty.call(CSP, name) ? CSP[name] : name;
    const headers = { 'cache-control': 'private, no-cache, no-store, must-revalidate' };
    if (policy) headers['content-security-policy'] = policy.replaceAll('{NONCE}', nonce);
    served.push({ url, status: 200, fixture: route.fixture, csp: policy ? name : 'none' });
    send(res, 200, TYPES['.html'], html, headers);
  });
  https.on('tlsClientError', () => {});

  // The proxy: CONNECT to a site or CDN host on :443 is handed to the HTTPS server in-process; everything else
  // (plain-http requests, other hosts: Firefox's update/telemetry/remote-settings traffic) is refused at once.
  const sockets = new Set();
  const proxy = createHttpServer((req, res) => {
    refused.push(req.url);
    send(res, 403, 'text/plain', 'offline test proxy');
  });
  proxy.on('connect', (req, socket, head) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const [host, port] = req.url.split(':');
    if (port !== '443' || !(SITE_HOSTS.has(host) || CDN_HOST.test(host))) {
      refused.push(req.url);
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head && head.length) socket.unshift(head);
    https.emit('connection', socket);
  });
  proxy.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => proxy.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address();
  return {
    port,
    served,
    refused,
    /** Firefox prefs that send all traffic through this proxy. */
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
        https.close();
      }),
  };
}
