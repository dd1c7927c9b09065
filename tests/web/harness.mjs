// Shared set-up of the web tests and the web bench: serve www/ with the same
// static server as `make run` and drive Debian's Chromium with playwright-core.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = join(ROOT, "www");
export const ARTIFACTS = join(ROOT, "test-results", "web");
/** The real documents: $YASNO_CORPUS, else ../shared/corpus/real beside the repository (or beside the main checkout of a worktree). */
export const CORPUS = findCorpus();

function findCorpus() {
  const candidates = [process.env.YASNO_CORPUS, join(ROOT, "../shared/corpus/real")];
  try {
    const common = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: ROOT, encoding: "utf8" });
    candidates.push(join(dirname(common.trim()), "../shared/corpus/real"));
  } catch {
    // not a git checkout
  }
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error(`corpus not found; set YASNO_CORPUS (tried ${candidates.filter(Boolean).join(", ")})`);
  return resolve(found);
}
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Text of a corpus document by the start of its file name. */
export function corpusText(prefix) {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`no corpus file ${prefix}* in ${CORPUS}`);
  return readFileSync(join(CORPUS, name), "utf8");
}

export function corpusFiles() {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(CORPUS, f));
}

/**
 * Starts `python3 -m http.server` on a free port; resolves to {url, stop,
 * requests, waitForRequest}: `requests` is the server's log so far (one
 * {at, line} per request, `at` by Date.now()), `waitForRequest(re, ms)`
 * resolves to the first request from now on whose log line matches `re`.
 */
export function serve(dir = WWW) {
  // dist/ (the bundled scripts) only where the page loads them: copies of
  // older builds, compared by ab.mjs, have none.
  const built = readFileSync(join(dir, "index.html"), "utf8").includes('src="dist/') ? ["pkg", "dist"] : ["pkg"];
  for (const d of built) {
    if (!existsSync(join(dir, d))) throw new Error(`${dir}/${d} is missing: run \`make www-build\` first`);
  }
  return new Promise((ok, fail) => {
    const p = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const requests = [];
    const waiting = new Set();
    let log = "";
    p.stderr.on("data", (d) => {
      log += d;
      const lines = log.split("\n");
      log = lines.pop();
      for (const line of lines) {
        const request = { at: Date.now(), line };
        requests.push(request);
        for (const w of waiting) if (w.re.test(line)) w.done(request);
      }
    });
    const waitForRequest = (re, ms = 30_000) =>
      new Promise((done, failed) => {
        const w = {
          re,
          done: (r) => {
            clearTimeout(timer);
            waiting.delete(w);
            done(r);
          },
        };
        const timer = setTimeout(() => {
          waiting.delete(w);
          failed(new Error(`no request matching ${re} within ${ms} ms`));
        }, ms);
        waiting.add(w);
      });
    let out = "";
    const onData = (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) {
        p.stdout.off("data", onData);
        ok({ url: `http://127.0.0.1:${m[1]}/`, stop: () => p.kill(), requests, waitForRequest });
      }
    };
    p.stdout.on("data", onData);
    p.on("error", fail);
    p.on("exit", (code) => fail(new Error(`http.server exited with ${code}: ${out}`)));
  });
}

/**
 * Headless Chromium. Playwright adds --headless and a fresh --user-data-dir
 * (a new temporary profile, removed on close) to the flags below. JSFLAGS
 * passes V8 flags to it (benches only: `JSFLAGS=--liftoff-only make bench-web`).
 */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_FLAGS });
  return { browser, close: () => browser.close() };
}

const BROWSER_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : []),
];

/**
 * Serves `dir` (www/ by default) with `draft` ready to be put in a tab's
 * storage: the same files (linked from a temporary folder) and, beside them,
 * `__bench/seed.html`, a page of the same origin that stores the draft where
 * the page restores it from and then, `waitMs` later, opens the page in the
 * same tab. Resolves to serve()'s server with `seedUrl`; its `stop()` also
 * removes the folder.
 */
export async function serveSeeded(draft, dir = WWW, waitMs = 1000) {
  const root = mkdtempSync(join(tmpdir(), "yasno-site-"));
  for (const name of readdirSync(dir)) symlinkSync(resolve(dir, name), join(root, name));
  mkdirSync(join(root, "__bench"));
  writeFileSync(join(root, "__bench", "draft.txt"), draft);
  writeFileSync(join(root, "__bench", "seed.html"), '<!doctype html><meta charset="utf-8"><script src="seed.js"></script>\n');
  writeFileSync(
    join(root, "__bench", "seed.js"),
    `fetch("draft.txt").then((r) => r.text()).then((t) => {\n` +
      `  sessionStorage.setItem("yasno.draft", t);\n` +
      `  setTimeout(() => location.replace("../"), ${waitMs});\n` +
      `});\n`,
  );
  const server = await serve(root);
  return {
    ...server,
    seedUrl: `${server.url}__bench/seed.html`,
    stop: () => {
      server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A first visit as a user's browser makes it, with no DevTools client
 * attached while the page loads: Playwright's connection (its network
 * tracking, the scripts it injects into every page, its protocol traffic)
 * adds main-thread and browser work that competed with the load on a
 * 2-core machine. A new Chromium with an empty profile (no HTTP cache, no
 * compiled code) opens `server.seedUrl` (see serveSeeded), which stores
 * the draft and opens the page; `settleMs` after the page was asked for,
 * Playwright connects to read what the page recorded (its performance
 * marks). Resolves to {page, requested (the paths the page asked the
 * server for), close}.
 */
export async function userFirstVisit(server, settleMs = 2500) {
  const profile = mkdtempSync(join(tmpdir(), "yasno-profile-"));
  const args = [...BROWSER_FLAGS, "--headless", "--window-size=1366,900", `--user-data-dir=${profile}`];
  // In a process group of its own, ended as a whole: a connection over CDP
  // does not close the browser, and its helper processes outlive a killed
  // browser process.
  const proc = spawn(CHROMIUM, [...args, "--remote-debugging-port=0", server.seedUrl], {
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((done) => proc.on("exit", done));
  const cleanup = async () => {
    try {
      process.kill(-proc.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const navigation = await server.waitForRequest(/"GET \/ HTTP/);
    await new Promise((done) => setTimeout(done, settleMs));
    // What the page asked the server for (an empty profile: everything).
    const requested = server.requests
      .filter((r) => r.at >= navigation.at)
      .map((r) => (r.line.match(/"GET (\S+) HTTP/) || [])[1])
      .filter(Boolean);
    // Chromium writes the port it chose (and the browser's path) there.
    const port = readFileSync(join(profile, "DevToolsActivePort"), "utf8").split("\n")[0];
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url() === server.url);
    if (!page) throw new Error(`the page ${server.url} is not open`);
    return {
      page,
      requested,
      close: async () => {
        await browser.close().catch(() => {});
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/**
 * A new page that records every request and every console error or page
 * error, so tests can assert there are none.
 */
export async function openPage(browser, url, { width = 1366, height = 900, route = null, waitReady = true } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "ru-RU",
    acceptDownloads: true,
    reducedMotion: "reduce",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const requests = [];
  const failed = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  context.on("weberror", (e) => problems.push(`weberror: ${e.error().message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  if (route) await context.route(route.url, route.handler);
  await page.goto(url);
  if (waitReady) await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  return { context, page, requests, failed, problems };
}

/** Fires a paste event with the given clipboard contents at the editor. */
export async function paste(page, { text = "", html = "" }) {
  await page.focus("#text");
  await page.evaluate(
    ({ text, html }) => {
      const dt = new DataTransfer();
      if (text) dt.setData("text/plain", text);
      if (html) dt.setData("text/html", html);
      const ev = new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true });
      const ta = document.getElementById("text");
      if (ta.dispatchEvent(ev)) {
        // Not handled by the page: do what the browser does with plain text.
        document.execCommand("insertText", false, text);
      }
    },
    { text, html },
  );
}

/** Waits until the page shows the report of the editor's current text. */
export async function waitChecked(page, timeout = 10_000) {
  await page.waitForFunction(() => document.documentElement.dataset.state === "idle", null, { timeout });
}

/** Real documents from the corpus, joined paragraph by paragraph up to 30 KB of UTF-8 (the benches' document). */
export function document30k() {
  let text = "";
  for (const f of corpusFiles()) {
    for (const para of readFileSync(f, "utf8").split(/\n\s*\n/)) {
      const next = `${text}${para.trim()}\n\n`;
      if (Buffer.byteLength(next) > 30 * 1024) return text;
      text = next;
    }
  }
  return text;
}

/**
 * A first visit with `draft` in the tab's storage: a new browser context
 * (nothing of the page has run in it before: a reload would run in the same
 * renderer process, where V8 keeps the WebAssembly code it compiled), the
 * draft put there from another page of the origin, the cache disabled.
 * `beforeLoad()` runs just before the page is loaded. Resolves to {context, page}
 * once the load has started.
 */
export async function firstVisit(browser, url, draft, beforeLoad = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}favicon.svg`);
  await page.evaluate((t) => sessionStorage.setItem("yasno.draft", t), draft);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await beforeLoad(page);
  await page.goto(url);
  return { context, page };
}

/**
 * The stages of a load, in ms since the navigation started, from the
 * page's own marks, once the page is idle; with the editor's text and the
 * number of highlighted spans.
 */
export async function loadStages(page) {
  await page.waitForFunction(() => document.documentElement.dataset.state === "idle", null, { timeout: 30_000 });
  const stages = await page.evaluate(() => {
    // One timeline, ms since the navigation started: the worker's own
    // times are moved by the difference of the two clocks' origins.
    const nav = performance.getEntriesByType("navigation")[0];
    const boot = performance.getEntriesByName("yasno:boot")[0];
    const ready = performance.getEntriesByName("yasno:ready")[0].detail;
    const check = performance.getEntriesByName("yasno:check")[0];
    const first = performance.getEntriesByName("yasno:first-highlights")[0];
    const painted = performance.getEntriesByName("yasno:first-painted")[0];
    if (!first) return null;
    const w = (t) => t + ready.origin - performance.timeOrigin;
    return {
      dcl: nav.domContentLoadedEventEnd,
      boot: boot ? boot.startTime : NaN,
      workerStart: w(0),
      workerModules: w(ready.modules),
      workerModule: w(ready.module ?? NaN),
      workerWasm: w(ready.wasm),
      workerChecker: w(ready.checker),
      checkStart: w(check.detail.started),
      checkEnd: w(check.detail.started + check.detail.ms),
      checkMs: check.detail.ms,
      reportReceived: check.startTime,
      firstHighlights: first.startTime,
      firstPainted: painted ? painted.startTime : NaN,
      text: document.getElementById("text").value,
      marks: document.querySelectorAll("#backdrop mark").length,
    };
  });
  if (!stages) throw new Error("no highlights");
  return stages;
}
