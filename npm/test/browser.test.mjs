// The package in real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): loaded as an ES module on a page and in a module worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import { chromium } from 'playwright-core';

import { root } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

let server;
let browser; // a persistent BrowserContext
let profile;
let base;

before(async () => {
  // Serves the repository root: /pkg/… and /npm/test/….
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>yasno</title>');
      return;
    }
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' }).end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  profile = await mkdtemp(join(tmpdir(), 'yasno-chromium-'));
  // A new empty profile each run.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
  if (profile) await rm(profile, { recursive: true, force: true });
});

const TEXT = '😀 Заявление отклонено по причине отсутствия паспорта. В настоящее время работы не планируются.';

test('Chromium page: import, init, check, applyEdits, extractText', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${base}/`);
  const result = await page.evaluate(async (text) => {
    const yasno = await import('/pkg/index.js');
    await yasno.default();
    const checker = new yasno.Checker({ profile: 'letter' });
    const report = checker.check(text);
    const edits = report.findings.filter((f) => f.safe).flatMap((f) => f.edits);
    let panic = null;
    try {
      yasno.__panicForTest();
    } catch (e) {
      panic = e.message;
    }
    return {
      version: yasno.version,
      report,
      slices: report.findings.map((f) => text.slice(f.start, f.end) === f.text),
      fixed: checker.applyEdits(text, edits),
      panic,
      afterPanic: checker.check(text).findings.length,
      rules: yasno.rules().length,
      // The readers module is fetched on the first call.
      extracted: await yasno.extractText(new TextEncoder().encode(`# Ответ\n\n**${text}**`), 'ответ.md'),
    };
  }, TEXT);
  await page.close();
  assert.deepEqual(errors, []);
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  const rules = result.report.findings.map((f) => f.rule);
  assert.ok(rules.includes('YS101') && rules.includes('YS104'), rules.join());
  assert.ok(result.slices.every(Boolean));
  assert.equal(result.report.document.kind, 'letter');
  assert.equal(result.fixed, '😀 Заявление отклонено из-за отсутствия паспорта. Сейчас работы не планируются.');
  assert.match(result.panic, /panic/);
  assert.equal(result.afterPanic, result.report.findings.length);
  assert.ok(result.rules > 5);
  assert.equal(result.extracted, `Ответ\n\n${TEXT}`);
});

test('Chromium module worker: check off the main thread', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const result = await page.evaluate(
    (text) =>
      new Promise((ok) => {
        const worker = new Worker('/npm/test/worker.mjs', { type: 'module' });
        worker.onmessage = (e) => ok(e.data);
        worker.onerror = (e) => ok({ error: e.message });
        worker.postMessage({ text, options: { rules: { YS104: { enabled: false } } } });
      }),
    TEXT,
  );
  await page.close();
  assert.equal(result.error, undefined);
  const rules = result.report.findings.map((f) => f.rule);
  assert.ok(rules.includes('YS101') && !rules.includes('YS104'), rules.join());
  for (const f of result.report.findings) assert.equal(TEXT.slice(f.start, f.end), f.text);
});
