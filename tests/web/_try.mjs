import { launch, serve, corpusFiles } from "./harness.mjs";
import { readFileSync } from "node:fs";
let text = "";
outer: for (const f of corpusFiles()) for (const para of readFileSync(f, "utf8").split(/\n\s*\n/)) { const n = `${text}${para.trim()}\n\n`; if (Buffer.byteLength(n) > 30720) break outer; text = n; }
const server = await serve();
const { browser, close } = await launch();
for (const wait of [3000, 3000]) {
  const ctx = await browser.newContext(); 
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "idle");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.waitForTimeout(wait);
  await page.focus("#text");
  await page.evaluate(() => {
    const root = document.documentElement; const ta = document.getElementById("text");
    window.__marks = [];
    window.__done = new Promise((done) => {
    const seen = new MutationObserver(() => { __marks.push([root.dataset.state, performance.now()]); if (root.dataset.state === "idle" && document.querySelector("#backdrop mark")) { seen.disconnect(); const c = performance.getEntriesByName("yasno:check").at(-1); requestAnimationFrame(() => done({ end: performance.now(), report: c.startTime, checkMs: c.detail.ms })); } });
    seen.observe(root, { attributes: true, attributeFilter: ["data-state"] });
    ta.addEventListener("paste", () => __marks.push(["paste", performance.now()]), { capture: true });
    ta.addEventListener("input", (e) => __marks.push(["input " + e.inputType, performance.now()]), { capture: true });
    });
  });
  await page.keyboard.press("Control+V");
  const r = await page.evaluate(async () => { const d = await __done; const t0 = __marks[0][1]; return { marks: __marks.map(([k, t]) => [k, Math.round(t - t0)]), total: d.end - t0, report: d.report - t0, checkMs: d.checkMs }; });
  console.log(JSON.stringify(r), (await page.$eval("#text", (t) => t.value)) === text);
  await ctx.close();
}
await close(); server.stop();
