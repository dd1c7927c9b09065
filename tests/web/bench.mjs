// Web bench (`make bench-web`): time from page load to the first highlights
// on a 30 KB document (restored from the tab's draft) on a first visit as a
// user's browser makes it (a new browser with an empty profile and no
// DevTools client during the load: the target's figure), on a first visit,
// a reload and a repeat visit driven by Playwright; the floor under the
// first visit (the page with its checker refused, until the restored draft
// is painted); from a paste of it into the open page to painted highlights;
// and from a keystroke to updated highlights.
// Prints figures; asserts nothing (targets live here, not in tests) but
// that each load shows the document with its highlights.

import os from "node:os";
import { document30k, firstVisit, launch, loadStages, serve, serveSeeded, userFirstVisit } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 7);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}; ${xs.length} runs)`;

// How long to leave a page alone after starting its load, before asking it
// anything: Playwright's waits inject a script into the page and evaluate it
// every frame, main-thread work that a real visit does not have and that
// competed with the load being measured. The page records its own times
// (performance marks); they are read afterwards.
const SETTLE_MS = Number(process.env.SETTLE_MS || 2000);

/** The stages of the load just done, in ms since the navigation started. */
async function timeline(page) {
  await page.waitForTimeout(SETTLE_MS);
  return loadStages(page);
}

const text = document30k();
const server = await serve();
const seeded = await serveSeeded(text);
const { browser, close } = await launch();
const MODES = {
  user: "first visit as a user's browser makes it (a new browser, an empty profile, no DevTools client during the load)",
  first: "first visit driven by Playwright (a new tab, cache disabled)",
  cold: "reload, cache disabled",
  warm: "reload, cache enabled (a repeat visit)",
};
try {
  console.log(`document: ${Buffer.byteLength(text)} bytes UTF-8, ${text.length} characters`);
  const loadavg = () => `${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`;
  console.log(`load average at the start: ${loadavg()}`);
  const results = {
    check: [],
    keystroke: [],
    paste: [],
    findings: 0,
    floor: [],
    stages: { user: [], first: [], cold: [], warm: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    // A first visit with nothing attached while the page loads (see
    // userFirstVisit in harness.mjs): the figure the target is for.
    {
      const visit = await userFirstVisit(seeded);
      try {
        const stages = await loadStages(visit.page);
        if (stages.text !== text) throw new Error("the first visit did not restore the draft");
        for (const path of ["/dist/app.js", "/dist/worker.js", "/pkg/yasno_wasm_bg.wasm"]) {
          if (!visit.requested.includes(path)) throw new Error(`the first visit did not load ${path}: ${visit.requested}`);
        }
        results.stages.user.push(stages);
      } finally {
        await visit.close();
      }
    }
    // A first visit (see firstVisit in harness.mjs).
    {
      const { context, page } = await firstVisit(browser, server.url, text);
      results.stages.first.push(await timeline(page));
      await context.close();
    }
    // The floor under that: the same first visit with the checker's worker
    // and module refused, so that the page only loads and shows the
    // restored draft. The first frame painted after DOMContentLoaded (the
    // draft is in the editor by then) is the earliest the highlights could be.
    {
      const { context, page } = await firstVisit(browser, server.url, text, async (p) => {
        await p.route(/\/(dist\/worker\.js|pkg\/)/, (route) => route.abort());
        await p.addInitScript(() => {
          addEventListener("DOMContentLoaded", () =>
            requestAnimationFrame(() => setTimeout(() => performance.mark("floor:painted"), 0)),
          );
        });
      });
      await page.waitForTimeout(SETTLE_MS);
      await page.waitForFunction(() => performance.getEntriesByName("floor:painted").length > 0, null, { timeout: 30_000 });
      results.floor.push(
        await page.evaluate(() => ({
          dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
          painted: performance.getEntriesByName("floor:painted")[0].startTime,
          text: document.getElementById("text").value.length,
        })),
      );
      if (results.floor.at(-1).text !== text.length) throw new Error("the floor page did not restore the draft");
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    // The page restores the tab's draft on load: put the document there and reload.
    await page.evaluate((t) => sessionStorage.setItem("yasno.draft", t), text);
    for (const mode of ["cold", "warm"]) {
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: mode === "cold" });
      await page.reload();
      results.stages[mode].push(await timeline(page));
    }
    const check = await page.evaluate(() => performance.getEntriesByName("yasno:check").at(-1).detail.ms);
    results.check.push(check);
    results.findings = await page.locator("#backdrop mark").count();

    // A keystroke in the middle of the text until the highlights are up to date
    // (includes the debounce pause of the page).
    await page.$eval("#text", (ta) => ta.setSelectionRange(ta.value.length >> 1, ta.value.length >> 1));
    await page.focus("#text");
    const t0 = Date.now();
    await page.keyboard.type("ж");
    await page.waitForFunction(() => document.documentElement.dataset.state === "idle");
    results.keystroke.push(Date.now() - t0);
    await context.close();

    // The everyday case: the page is open (and idle for a second), the user
    // pastes the document with Ctrl+V; until its highlights are painted.
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await fresh.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const p2 = await fresh.newPage();
    await p2.goto(server.url);
    await p2.waitForFunction(() => document.documentElement.dataset.state === "idle");
    await p2.evaluate((t) => navigator.clipboard.writeText(t), text);
    await p2.waitForTimeout(1000);
    await p2.focus("#text");
    await p2.evaluate(() => {
      const root = document.documentElement;
      window.__pasted = new Promise((done) => {
        let t0 = 0;
        document.getElementById("text").addEventListener("paste", () => (t0 = performance.now()), { capture: true });
        const seen = new MutationObserver(() => {
          if (t0 && root.dataset.state === "idle" && document.querySelector("#backdrop mark")) {
            seen.disconnect();
            // After the frame that shows them.
            requestAnimationFrame(() => done(performance.now() - t0));
          }
        });
        seen.observe(root, { attributes: true, attributeFilter: ["data-state"] });
      });
    });
    await p2.keyboard.press("Control+V");
    results.paste.push(await p2.evaluate(() => window.__pasted));
    if ((await p2.$eval("#text", (t) => t.value.length)) !== text.length) throw new Error("the paste did not arrive");
    await fresh.close();
  }
  console.log(`highlighted spans: ${results.findings}`);
  const counts = new Set(Object.values(results.stages).flatMap((runs) => runs.map((x) => x.marks)));
  if (counts.size !== 1) throw new Error(`the loads highlighted different numbers of spans: ${[...counts]}`);
  for (const [mode, label] of Object.entries(MODES)) {
    console.log(`page load → first highlights, ${label}: ${fmt(results.stages[mode].map((x) => x.firstHighlights))}`);
  }
  console.log("   (target ≤ 300 ms on a first visit as a user's browser makes it)");
  console.log(
    `first visit without the checker (its worker and module refused), the restored draft painted: ` +
      `${fmt(results.floor.map((x) => x.painted))}; DOMContentLoaded ${median(results.floor.map((x) => x.dcl)).toFixed(0)} ms`,
  );
  console.log(`Ctrl+V into the open page → highlights painted: ${fmt(results.paste)}`);
  console.log(`one check of the document in the worker: ${fmt(results.check)}`);
  for (const [mode, label] of Object.entries(MODES)) {
    const stage = (k) => median(results.stages[mode].map((x) => x[k])).toFixed(0);
    console.log(
      `${label}, median ms since navigation start: boot.js ${stage("boot")}, DOMContentLoaded ${stage("dcl")}; ` +
        `worker started ${stage("workerStart")}, its modules loaded ${stage("workerModules")}, ` +
        `WebAssembly module at hand ${stage("workerModule")}, ` +
        `WebAssembly instantiated ${stage("workerWasm")}, new Checker built ${stage("workerChecker")}; ` +
        `check ${stage("checkStart")} → ${stage("checkEnd")}; report on the page ${stage("reportReceived")}; ` +
        `highlights rendered ${stage("firstHighlights")}, the frame painted ${stage("firstPainted")}`,
    );
  }
  console.log(`load average at the end: ${loadavg()}`);
  console.log(`keystroke → updated highlights (incl. 100 ms debounce): ${fmt(results.keystroke)}`);
} finally {
  await close();
  server.stop();
  seeded.stop();
}
