// `make bench-wasm`: speed and size of the built package (pkg/) in Node.
// Prints the cold start (instantiate + first check, in a fresh process), the
// median time per check of 2 KB, 30 KB and 300 KB documents made of the real
// corpus (after warm-up), and the size of the .wasm raw and gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { corpus, pkgDir } from './test/helpers.mjs';

const entry = new URL('../pkg/index.js', import.meta.url).href;

if (process.argv[2] === '--cold') {
  // Child process: nothing compiled or cached yet.
  const text = readFileSync(0, 'utf8');
  const t0 = performance.now();
  const { default: init, Checker } = await import(entry);
  await init();
  const t1 = performance.now();
  new Checker().check(text);
  const t2 = performance.now();
  console.log(JSON.stringify({ instantiate: t1 - t0, firstCheck: t2 - t1 }));
  process.exit(0);
}

const docs = corpus();
if (!docs.length) {
  console.error('no corpus: set YASNO_CORPUS');
  process.exit(2);
}
const all = docs.map((d) => d.text.trim()).join('\n\n');
const utf8 = (s) => Buffer.byteLength(s);
// A document of about `kb` KB of UTF-8, cut at a paragraph boundary.
function doc(kb) {
  let text = '';
  while (utf8(text) < kb * 1024) text += (text ? '\n\n' : '') + all;
  const cut = text.lastIndexOf('\n\n', Math.floor((kb * 1024) / 2));
  let out = text;
  while (utf8(out) > kb * 1024) out = out.slice(0, out.lastIndexOf('\n\n', out.length - 2));
  return out.length > cut / 2 ? out : text.slice(0, kb * 512);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

const colds = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold'], { input: doc(2), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  colds.push(JSON.parse(r.stdout));
}
const cold = median(colds.map((c) => c.instantiate + c.firstCheck));
console.log(`node ${process.version}, ${docs.length} corpus documents`);
console.log(
  `cold start (import + instantiate + first check of 2 KB), median of 5 processes: ${ms(cold)}` +
    ` (instantiate ${ms(median(colds.map((c) => c.instantiate)))}, first check ${ms(median(colds.map((c) => c.firstCheck)))})`,
);

const { default: init, Checker } = await import(entry);
await init();
const checker = new Checker();
for (const kb of [2, 30, 300]) {
  const text = doc(kb);
  const findings = checker.check(text).findings.length;
  const budgetMs = 3000;
  let warm = 0;
  for (const start = performance.now(); warm < 5 || performance.now() - start < budgetMs / 3; warm++) checker.check(text);
  const times = [];
  for (const start = performance.now(); times.length < 7 || (performance.now() - start < budgetMs && times.length < 500); ) {
    const t = performance.now();
    checker.check(text);
    times.push(performance.now() - t);
  }
  console.log(
    `check ${String(kb).padStart(3)} KB (${utf8(text)} bytes, ${findings} findings): median ${ms(median(times))} over ${times.length} runs`,
  );
}

const wasm = readFileSync(`${pkgDir}/yasno_wasm_bg.wasm`);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`yasno_wasm_bg.wasm: ${kib(wasm.length)} raw, ${kib(gzipSync(wasm, { level: 9 }).length)} gzipped (level 9)`);
