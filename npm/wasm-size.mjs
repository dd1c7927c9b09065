// `make wasm-size`: what the bytes of the checker module are. Reads a .wasm
// that still has its name section (the Makefile makes one next to pkg/ with
// wasm-opt -g) and prints, by crate, the raw and gzip -9 bytes of the
// function bodies (each crate's bodies compressed together, so the gzip
// column adds up to a little more than the whole file's gzip), then the
// largest data segments with the functions that point into them.
// Usage: node npm/wasm-size.mjs file.wasm
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bytes = readFileSync(process.argv[2]);
let pos = 8;
function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function sleb(at) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const b = bytes[at++];
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if (b < 0x80) {
      if (b & 0x40) value -= 1n << shift;
      return [Number(value), at];
    }
  }
}
const str = (at) => {
  const [len, start] = leb(at);
  return [bytes.toString('utf8', start, start + len), start + len];
};

const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos];
  const [size, start] = leb(pos + 1);
  sections.push({ id, start, end: start + size });
  pos = start + size;
}

let imported = 0;
for (const s of sections.filter((s) => s.id === 2)) {
  let [n, at] = leb(s.start);
  while (n--) {
    [, at] = str(at);
    [, at] = str(at);
    const kind = bytes[at++];
    if (kind === 0) {
      imported++;
      [, at] = leb(at);
    } else if (kind === 1) {
      at++;
      const [flags, a] = leb(at);
      [, at] = leb(a);
      if (flags & 1) [, at] = leb(at);
    } else if (kind === 2) {
      const [flags, a] = leb(at);
      [, at] = leb(a);
      if (flags & 1) [, at] = leb(at);
    } else at += 2;
  }
}

const names = new Map();
for (const s of sections.filter((s) => s.id === 0)) {
  let [name, at] = str(s.start);
  if (name !== 'name') continue;
  while (at < s.end) {
    const sub = bytes[at];
    const [size, start] = leb(at + 1);
    if (sub === 1) {
      let [n, a] = leb(start);
      while (n--) {
        let index;
        [index, a] = leb(a);
        [name, a] = str(a);
        names.set(index, name);
      }
    }
    at = start + size;
  }
}
if (!names.size) {
  console.error(`${process.argv[2]} has no function names (build it with wasm-opt -g)`);
  process.exit(2);
}

const functions = [];
for (const s of sections.filter((s) => s.id === 10)) {
  let [n, at] = leb(s.start);
  for (let i = 0; i < n; i++) {
    const [size, start] = leb(at);
    functions.push({ name: names.get(imported + i) ?? '?', start, end: start + size });
    at = start + size;
  }
}

// The crate of a function: the first path segment of its demangled name
// (`<yasno::rules::… as …>::check` → yasno; `core[hash]::…` → core).
function crateOf(name) {
  const m = /^[<&\s]*(?:mut\s+|dyn\s+)*([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name.replaceAll('\\20', ' ').replaceAll('\\5b', '[').replaceAll('\\5d', ']'));
  if (m) return m[1];
  if (name.includes('shim')) return '(exports: wasm-bindgen shims with the code inlined into them)';
  if (name.startsWith('byn$')) return '(functions merged by wasm-opt)';
  return '(other: std inherent methods, compiler builtins)';
}
const byCrate = new Map();
for (const f of functions) {
  const c = crateOf(f.name);
  if (!byCrate.has(c)) byCrate.set(c, []);
  byCrate.get(c).push(bytes.subarray(f.start, f.end));
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const gz = (chunks) => gzipSync(Buffer.concat(chunks), { level: 9 }).length;
const rows = [...byCrate].map(([crate, chunks]) => ({ crate, raw: chunks.reduce((a, c) => a + c.length, 0), gz: gz(chunks) }));
rows.sort((a, b) => b.gz - a.gz);
const code = sections.find((s) => s.id === 10);
const data = sections.find((s) => s.id === 11);
const nameSection = sections.find((s) => s.id === 0 && str(s.start)[0] === 'name');
console.log(
  `${process.argv[2]}: ${kb(bytes.length)} raw, of which ${kb(nameSection.end - nameSection.start)} are the function names` +
    ' that pkg/ does not ship (zlib level 9 below, a little above GNU gzip -9)',
);
console.log(`code section ${kb(code.end - code.start)} raw, ${kb(gz([bytes.subarray(code.start, code.end)]))} gzip; data section ${kb(data.end - data.start)} raw, ${kb(gz([bytes.subarray(data.start, data.end)]))} gzip`);
console.log('\n| crate (code) | raw | gzip |\n|---|---|---|');
for (const r of rows.filter((r) => r.gz >= 1000)) console.log(`| ${r.crate} | ${kb(r.raw)} | ${kb(r.gz)} |`);

// Data segments (active, i32.const offset) and who points into them.
const segments = [];
{
  let [n, at] = leb(data.start);
  while (n--) {
    const [flags, a] = leb(at);
    at = a;
    let offset = null;
    if (flags === 0) {
      [offset, at] = sleb(at + 1); // i32.const
      at++; // end
    }
    const [len, start] = leb(at);
    segments.push({ offset, start, end: start + len });
    at = start + len;
  }
}
const large = segments.filter((s) => s.offset !== null && s.end - s.start >= 4000).sort((a, b) => b.end - b.start - (a.end - a.start));
// Functions whose i32.const operands point into each large segment (0x41 is
// i32.const; scanning bodies byte by byte over-counts a little, fine for a
// ranking).
const refs = large.map(() => new Map());
for (const f of functions) {
  for (let at = f.start; at < f.end - 1; at++) {
    if (bytes[at] !== 0x41) continue;
    const [v] = sleb(at + 1);
    large.forEach((s, i) => {
      if (v >= s.offset && v < s.offset + (s.end - s.start)) refs[i].set(f.name, (refs[i].get(f.name) ?? 0) + 1);
    });
  }
}
console.log('\n| data segment | raw | gzip | starts with | used by |\n|---|---|---|---|---|');
large.forEach((s, i) => {
  const text = bytes
    .toString('utf8', s.start, Math.min(s.end, s.start + 400))
    .replace(/[^\p{L}\p{N}\p{P} ]+/gu, ' ')
    .trim()
    .slice(0, 50);
  const users = [...refs[i]].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n]) => n.replaceAll('\\20', ' ').slice(0, 60));
  console.log(`| @${s.offset} | ${kb(s.end - s.start)} | ${kb(gz([bytes.subarray(s.start, s.end)]))} | ${text.replaceAll('|', '/')} | ${users.join('; ').replaceAll('|', '/')} |`);
});
