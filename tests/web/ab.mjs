// `make ab-web WWW_A=dir WWW_B=dir`: compares two builds of the page (two
// copies of www/, each with its pkg/ and dist/) by first visits as a user's
// browser makes them (userFirstVisit in harness.mjs: a new browser with an
// empty profile, no DevTools client during the load), interleaved A, B, B,
// A, A, B… so that the machine's drift between runs falls on both alike.
// Prints, for each build, the median time from navigation start to the
// first highlights, and the worker's stages. Asserts nothing but that each
// visit shows the document with its highlights.
//
// Make the copies with, e.g., `cp -r www /tmp/www-a` before a change and
// `make www-build` after it (WWW_B defaults to www/). AB_RUNS visits each (12).

import { resolve } from "node:path";
import { WWW, document30k, loadStages, serveSeeded, userFirstVisit } from "./harness.mjs";

const RUNS = Number(process.env.AB_RUNS || 12);
const dirs = { A: process.env.WWW_A, B: process.env.WWW_B || WWW };
if (!dirs.A) throw new Error("WWW_A=<a copy of www/ with its pkg/> is required");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const text = document30k();
const servers = { A: await serveSeeded(text, resolve(dirs.A)), B: await serveSeeded(text, resolve(dirs.B)) };
const results = { A: [], B: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const k of i % 2 ? ["A", "B"] : ["B", "A"]) {
      const visit = await userFirstVisit(servers[k]);
      try {
        const s = await loadStages(visit.page);
        if (s.text !== text) throw new Error(`${dirs[k]}: the page did not restore the draft`);
        results[k].push(s);
      } finally {
        await visit.close();
      }
    }
  }
  for (const k of ["A", "B"]) {
    const r = results[k];
    const m = (key) => median(r.map((x) => x[key])).toFixed(0);
    const hl = r.map((x) => x.firstHighlights);
    console.log(
      `${k} (${dirs[k]}): first highlights ${m("firstHighlights")} ms median ` +
        `(min ${Math.min(...hl).toFixed(0)}, max ${Math.max(...hl).toFixed(0)}); ` +
        `module at hand ${m("workerModule")}, new Checker built ${m("workerChecker")}, first check ${m("checkMs")} ms; ` +
        `${RUNS} first visits each, interleaved`,
    );
  }
} finally {
  servers.A.stop();
  servers.B.stop();
}
