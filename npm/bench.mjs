// `make bench-wasm`: speed and size of the built package (pkg/) in Node.
// Prints the cold start (instantiate + first check of 2 KB and of 30 KB, in
// fresh processes, YASNO_BENCH_COLD_RUNS of each, 5 by default; wall and
// CPU time; YASNO_BENCH_COLD_ONLY=1 stops there), the
// median time per check of 2 KB, 30 KB and 300 KB documents made of the real
// corpus (after warm-up), and the size of the .wasm raw and gzipped.
// YASNO_PKG=dir benchmarks another build of the package (default: pkg/).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { corpus, pkgDir as defaultPkgDir } from './test/helpers.mjs';

const pkgDir = process.env.YASNO_PKG ? resolve(process.env.YASNO_PKG) : defaultPkgDir;
const entry = pathToFileURL(resolve(pkgDir, 'index.js')).href;

if (process.argv[2] === '--cold') {
  // Child process: nothing compiled or cached yet.
  const text = readFileSync(0, 'utf8');
  // Wall time, and the CPU time of the process (V8's background compiler
  // threads included), which a loaded machine inflates less.
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const [t0, c0] = [performance.now(), cpu()];
  const { default: init, Checker } = await import(entry);
  await init();
  const [t1, c1] = [performance.now(), cpu()];
  const checker = new Checker();
  const [t2, c2] = [performance.now(), cpu()];
  checker.check(text);
  const [t3, c3] = [performance.now(), cpu()];
  console.log(
    JSON.stringify({
      instantiate: t1 - t0,
      build: t2 - t1,
      firstCheck: t3 - t2,
      cpu: { instantiate: c1 - c0, build: c2 - c1, firstCheck: c3 - c2 },
    }),
  );
  process.exit(0);
}

const docs = corpus();
if (!docs.length) {
  console.error('no corpus: set YASNO_CORPUS');
  process.exit(2);
}
const paragraphs = docs.flatMap((d) => d.text.split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
const utf8 = (s) => Buffer.byteLength(s);
// A document of real paragraphs (the corpus, repeated if needed) of at most `kb` KB of UTF-8.
function doc(kb) {
  const limit = kb * 1024;
  let text = '';
  for (let i = 0; i < paragraphs.length * 20 && utf8(text) < limit * 0.97; i++) {
    const p = paragraphs[i % paragraphs.length];
    if (utf8(text) + utf8(p) + 2 <= limit) text += text ? `\n\n${p}` : p;
  }
  return text;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

console.log(`node ${process.version}, ${docs.length} corpus documents, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
// The cold start with a first check of 2 KB and of 30 KB (the web page's
// target document), in fresh processes, interleaved.
const coldRuns = Number(process.env.YASNO_BENCH_COLD_RUNS || 5);
const colds = { 2: [], 30: [] };
for (let i = 0; i < coldRuns; i++) {
  for (const kb of [2, 30]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold'], { input: doc(kb), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    colds[kb].push(JSON.parse(r.stdout));
  }
}
for (const kb of [2, 30]) {
  for (const [what, cs] of [
    ['', colds[kb]],
    ['CPU time, ', colds[kb].map((c) => c.cpu)],
  ]) {
    const cold = median(cs.map((c) => c.instantiate + c.build + c.firstCheck));
    console.log(
      `cold start (import + instantiate + new Checker + first check of ${kb} KB), ${what}median of ${coldRuns} processes: ${ms(cold)}` +
        ` (instantiate ${ms(median(cs.map((c) => c.instantiate)))}, new Checker ${ms(median(cs.map((c) => c.build)))},` +
        ` first check ${ms(median(cs.map((c) => c.firstCheck)))})`,
    );
  }
}
if (process.env.YASNO_BENCH_COLD_ONLY) process.exit(0);

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
  const cpu = [];
  for (const start = performance.now(); times.length < 7 || (performance.now() - start < budgetMs && times.length < 500); ) {
    const c = process.cpuUsage();
    const t = performance.now();
    checker.check(text);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(
    `check ${String(kb).padStart(3)} KB (${utf8(text)} bytes, ${findings} findings): median ${ms(median(times))}` +
      ` wall, ${ms(median(cpu))} CPU, over ${times.length} runs`,
  );
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [file, what] of [
  ['yasno_wasm_bg.wasm', 'the checker, with the built-in dictionaries'],
  ['yasno_formats_bg.wasm', 'the document readers, loaded on the first extractText'],
  ['yasno_dictionaries_bg.wasm', 'the TOML reader of custom dictionaries, loaded on the first parseDictionary'],
]) {
  const path = `${pkgDir}/${file}`;
  const wasm = readFileSync(path);
  // GNU gzip -9 when present (what servers precompress with), Node's zlib otherwise.
  const gzip = spawnSync('gzip', ['-9c', path], { maxBuffer: 1 << 26 });
  const gz = gzip.status === 0 ? `${kb(gzip.stdout.length)} gzip -9` : `${kb(gzipSync(wasm, { level: 9 }).length)} zlib level 9`;
  const br = kb(brotliCompressSync(wasm).length);
  console.log(`${file} (${what}): ${kb(wasm.length)} raw, ${gz}, ${br} brotli`);
}
