// Answerdeck content-script loader. Runs on every page of the matched hosts, so it stays tiny: it asks gate.js
// whether this URL is a messaging surface and, only then, loads the Rust core. Facebook and X are single-page
// apps, so it re-checks on same-document navigations.
//
// Which core: the wasm build, unless the page's CSP forbids WebAssembly in content scripts (Chrome applies the
// page's CSP to them; toolchain.md §4). Then the wasm2js translation of the same crate (toolchain.md §11).
(() => {
  'use strict';
  if (globalThis.__answerdeckLoader) return; // injected twice (extension reload): keep the first
  globalThis.__answerdeckLoader = true;
  const ext = globalThis.browser ?? globalThis.chrome;

  let app = null; // the Rust ContentApp once started
  let starting = null;
  let lastHref = '';

  // An 8-byte empty module: compiling it is refused exactly when the page CSP refuses wasm for us.
  const wasmAllowed = () => {
    try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return true; } catch { return false; }
  };

  async function loadCore() {
    if (wasmAllowed()) {
      try {
        // The module compiles while the glue loads (they used to wait for each other: ~8 ms before the first
        // control on a long page).
        const wasm = ext.runtime.getURL('pkg/answerdeck_content_bg.wasm');
        const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch((error) => {
          if (error instanceof WebAssembly.CompileError) throw error;
          return wasm; // not served as application/wasm: the glue fetches it itself
        });
        compiled.catch(() => {}); // seen below, after the glue
        const core = await import(ext.runtime.getURL('pkg/answerdeck_content.js'));
        await core.default({ module_or_path: await compiled });
        return { core, flavour: 'wasm' };
      } catch (error) {
        if (!(error instanceof WebAssembly.CompileError)) throw error;
      }
    }
    const core = await import(ext.runtime.getURL('pkg-js/answerdeck_content.js'));
    return { core, flavour: 'wasm2js' };
  }

  // An X profile opened by "Reply by DM" (src/sites/x/private_reply.rs): the core presses its Message button.
  const dmStart = () => location.hash === '#answerdeck-dm' && /^https:\/\/(www\.|mobile\.)?(x|twitter)\.com\/\w{1,15}\/?$/.test(location.href.split('#')[0]);

  function check() {
    const href = location.href;
    if (href === lastHref) return;
    lastHref = href;
    if (app) { app.navigate(href); return; }
    if (starting || !(globalThis.answerdeckSurface(href) || dmStart())) return;
    starting = loadCore().then(({ core, flavour }) => {
      app = core.start_content(flavour);
      if (dmStart()) app.start_dm();
      app.navigate(location.href);
    }).catch((error) => {
      starting = null;
      console.warn('Answerdeck could not start on this page:', error);
    });
  }

  // Browser-level keyboard command, relayed by the background (see background.js).
  ext.runtime.onMessage.addListener((message, sender) => {
    if (sender.id === ext.runtime.id && message?.answerdeck === 'command' && app) app.command(String(message.command));
  });

  check();
  // Same-document navigations: the Navigation API where the browser has it, else a cheap 1 s URL poll.
  if (globalThis.navigation?.addEventListener) {
    globalThis.navigation.addEventListener('navigatesuccess', check);
  } else {
    setInterval(check, 1000);
  }
  addEventListener('popstate', check);
})();
