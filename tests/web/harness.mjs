// Shared set-up of the web tests and the web bench: serve www/ with the same
// static server as `make run` and drive Debian's Chromium with playwright-core.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** Starts `python3 -m http.server` on a free port; resolves to {url, stop}. */
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
    let out = "";
    const onData = (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) {
        p.stdout.off("data", onData);
        ok({ url: `http://127.0.0.1:${m[1]}/`, stop: () => p.kill() });
      }
    };
    p.stdout.on("data", onData);
    p.stderr.on("data", () => {}); // request log
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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : []),
    ],
  });
  return { browser, close: () => browser.close() };
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
