// Options page: the library editor is Rust (src/ui/options); this only instantiates it.
import init, { start_options } from './pkg/answerdeck.js';

init({ module_or_path: new URL('./pkg/answerdeck_bg.wasm', import.meta.url) })
  .then(() => start_options(document.getElementById('app')))
  .catch((error) => {
    const app = document.getElementById('app');
    app.textContent = `Answerdeck could not start: ${error}`;
  });
