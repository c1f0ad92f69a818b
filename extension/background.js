// Answerdeck background (service worker in Chrome, event page in Firefox). The Rust core owns the store; this
// file only exists because the message listener must be registered synchronously on the first turn, before the
// wasm has been instantiated, or the message that woke the worker would be lost.
import init, { Background } from './pkg/answerdeck.js';

const ext = globalThis.browser ?? globalThis.chrome;
const background = init({ module_or_path: new URL('./pkg/answerdeck_bg.wasm', import.meta.url) })
  .then(() => new Background());

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  background
    .then((bg) => bg.handle(message))
    .then(sendResponse, (error) => sendResponse({ ok: false, error: 'internal', message: String(error) }));
  return true; // the response is sent asynchronously
});

ext.runtime.onInstalled?.addListener((details) => {
  background.then((bg) => bg.installed(details.reason));
});
