// Statistics page: response rates and times are counted in Rust (src/ui/stats); this only starts it.
import init, { start_statistics } from './pkg/answerdeck.js';

init({ module_or_path: new URL('./pkg/answerdeck_bg.wasm', import.meta.url) })
  .then(() => start_statistics(document.getElementById('app')))
  .catch((error) => {
    document.getElementById('app').textContent = `Answerdeck could not start: ${error}`;
  });
