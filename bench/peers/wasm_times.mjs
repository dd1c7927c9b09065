// Helper for `make peers`: times yasno's WebAssembly package (pkg/, built by
// `make wasm`) in Node on each file given. Prints one JSON line per file:
// { path, median_ms } — the median of 15 checks after 3 warm-up checks,
// the same protocol as examples/peers_native.rs.
import { readFileSync } from 'node:fs';

const { default: init, Checker } = await import(new URL('../../pkg/index.js', import.meta.url).href);
await init();
const checker = new Checker();
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8');
  for (let i = 0; i < 3; i++) checker.check(text);
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    checker.check(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ path, median_ms: times[times.length >> 1] }));
}
