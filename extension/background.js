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

// The browser-level shortcut (default Alt+Shift+R; people change it in the browser's shortcut settings):
// tell the page's content script to open the picker on the reply box that has focus.
ext.commands?.onCommand.addListener((command, tab) => {
  const send = (id) => ext.tabs.sendMessage(id, { answerdeck: 'command', command }).catch(() => {});
  if (tab?.id != null) send(tab.id);
  else ext.tabs.query({ active: true, currentWindow: true }).then(([active]) => active && send(active.id));
});
