// `make ab-web WWW_A=dir WWW_B=dir`: compares two builds of the page (two
// copies of www/, each with its pkg/) by interleaved first visits in one
// browser: A, B, B, A, A, B… so that the machine's drift between runs (large
// on a shared machine) falls on both alike. Each visit is followed by a
// reload with the cache disabled. Prints, for each build, the median time
// from navigation start to the first highlights. Asserts nothing.
//
// Make the copies with, e.g., `cp -r www /tmp/www-a` before a change and
// `make www-build` after it (WWW_B defaults to www/). AB_RUNS visits each (12).

import { resolve } from "node:path";
import { WWW, document30k, firstVisit, launch, serve } from "./harness.mjs";

const RUNS = Number(process.env.AB_RUNS || 12);
const dirs = { A: process.env.WWW_A, B: process.env.WWW_B || WWW };
if (!dirs.A) throw new Error("WWW_A=<a copy of www/ with its pkg/> is required");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const highlights = async (page) => {
  await page.waitForTimeout(Number(process.env.SETTLE_MS || 2000)); // see bench.mjs
  await page.waitForFunction(() => document.documentElement.dataset.state === "idle", null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName("yasno:first-highlights")[0].startTime);
};

const text = document30k();
const servers = { A: await serve(resolve(dirs.A)), B: await serve(resolve(dirs.B)) };
const { browser, close } = await launch();
const results = { A: { first: [], reload: [] }, B: { first: [], reload: [] } };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const k of i % 2 ? ["A", "B"] : ["B", "A"]) {
      const { context, page } = await firstVisit(browser, servers[k].url, text);
      results[k].first.push(await highlights(page));
      await page.reload();
      results[k].reload.push(await highlights(page));
      await context.close();
    }
  }
  for (const k of ["A", "B"]) {
    const r = results[k];
    console.log(
      `${k} (${dirs[k]}): first visit ${median(r.first).toFixed(0)} ms median ` +
        `(min ${Math.min(...r.first).toFixed(0)}, max ${Math.max(...r.first).toFixed(0)}), ` +
        `reload with the cache disabled ${median(r.reload).toFixed(0)} ms median; ${RUNS} each, interleaved`,
    );
  }
} finally {
  await close();
  servers.A.stop();
  servers.B.stop();
}
