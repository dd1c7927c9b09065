// `make trace-web`: where the CPU goes on a first visit (a new tab, cache
// disabled, the 30 KB draft restored), from a Chromium trace of the load.
// Prints, for TRACE_RUNS loads (3 by default): the worker's task that builds
// the checker and checks the draft, its wall and CPU time; the CPU time of
// every thread during that task; and what V8 did with the WebAssembly code
// (functions compiled lazily by the baseline compiler, and the optimising
// compiler's work). Writes the last trace to test-results/web/first-visit.trace.json
// (open it in chrome://tracing or Perfetto). Then, without tracing, the CPU
// time of a whole first visit (navigation until the page is idle, mean of
// TRACE_RUNS visits) by process, and by thread within the page's renderer,
// read from /proc (Linux only), against the wall time and the cores' busy
// time. Asserts nothing.
//
// The trace itself costs CPU: compare traces with traces, and take page
// timings from `make bench-web`. JSFLAGS="--liftoff-only" (or any V8 flag)
// is passed to Chromium by the harness, to see what a flag changes.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { ARTIFACTS, document30k, firstVisit, launch, serve } from "./harness.mjs";

const RUNS = Number(process.env.TRACE_RUNS || 3);
const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.wasm",
  "disabled-by-default-v8.wasm.detailed",
  "disabled-by-default-v8.compile",
];

/** The figures of one trace (see the header). */
function analyse(events) {
  const threads = new Map();
  const processes = new Map();
  for (const e of events) {
    if (e.ph !== "M") continue;
    if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
    if (e.name === "process_name") processes.set(e.pid, e.args.name);
  }
  const thread = (e) => threads.get(`${e.pid}:${e.tid}`) || String(e.tid);
  const complete = events.filter((e) => e.ph === "X" && typeof e.dur === "number");
  // The worker's longest task: instantiate, new Checker, first check.
  const task = complete
    .filter((e) => thread(e) === "DedicatedWorker thread" && e.name === "RunTask")
    .reduce((a, b) => (b.dur > a.dur ? b : a));
  const [from, to] = [task.ts, task.ts + task.dur];
  // CPU of each thread within the task's time: its top-level events' thread
  // time, in proportion to their overlap with the task.
  const byThread = new Map();
  for (const e of complete) {
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const cpu = [];
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -1;
    let sum = 0;
    for (const e of list) {
      if (e.ts < end) continue; // nested in the previous top-level event
      end = e.ts + e.dur;
      const overlap = Math.max(0, Math.min(to, end) - Math.max(from, e.ts));
      if (e.dur > 0 && e.tdur) sum += (e.tdur * overlap) / e.dur;
    }
    const [pid] = k.split(":");
    if (sum >= 1000) cpu.push([sum / 1000, `${processes.get(Number(pid)) || pid} / ${threads.get(k) || k}`]);
  }
  cpu.sort((a, b) => b[0] - a[0]);
  const total = (name, key = "tdur") => complete.filter((e) => e.name === name).reduce((s, e) => s + (e[key] || 0), 0) / 1000;
  const baseline = complete.filter((e) => e.name === "wasm.CompileBaseline");
  return {
    taskWall: task.dur / 1000,
    taskCpu: (task.tdur || 0) / 1000,
    cpu,
    lazyFunctions: baseline.length,
    lazyBytes: baseline.reduce((s, e) => s + (e.args?.bodySize || 0), 0),
    lazyCpu: total("wasm.CompileLazy"),
    lazyWall: total("wasm.CompileLazy", "dur"),
    topTierCpu: total("wasm.TopTierCompilation"),
  };
}

/** CPU time so far (ms) of every process, and of every thread of the renderers, from /proc. */
function cpuByProcess() {
  const ticks = (stat) => {
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, at 100 ticks per second
  };
  const name = (stat) => stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const out = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
      const type = (args.find((a) => a.startsWith("--type=")) || "--type=browser").slice(7);
      const chromium = name(stat).startsWith("chrom");
      out.set(pid, { key: chromium ? `chromium ${type}` : name(stat), ms: ticks(stat) });
      if (chromium && type === "renderer") {
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          const t = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
          out.set(`${pid}/${tid}`, { key: `  renderer thread ${name(t)}`, ms: ticks(t) });
        }
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** Busy and total time of all cores so far (ms), from /proc/stat. */
function cores() {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: (f[3] + f[4]) * 10, total: f.reduce((a, b) => a + b, 0) * 10 };
}

const text = document30k();
const server = await serve();
const { browser, close } = await launch();
try {
  for (let run = 1; run <= RUNS; run++) {
    const { context, page } = await firstVisit(browser, server.url, text, (p) =>
      browser.startTracing(p, { categories: CATEGORIES }),
    );
    await page.waitForFunction(() => document.documentElement.dataset.state === "idle", null, { timeout: 30_000 });
    const buffer = await browser.stopTracing();
    await context.close();
    const trace = JSON.parse(buffer.toString("utf8"));
    const r = analyse(Array.isArray(trace) ? trace : trace.traceEvents);
    console.log(
      `run ${run}: the worker's first task (instantiate, new Checker, first check) ${r.taskWall.toFixed(0)} ms wall, ` +
        `${r.taskCpu.toFixed(0)} ms CPU; WebAssembly: ${r.lazyFunctions} functions (${(r.lazyBytes / 1024).toFixed(0)} KB) ` +
        `compiled lazily by Liftoff, ${r.lazyCpu.toFixed(0)} ms CPU (${r.lazyWall.toFixed(0)} ms wall); ` +
        `TurboFan ${r.topTierCpu.toFixed(0)} ms CPU`,
    );
    console.log(`  CPU during that task: ${r.cpu.slice(0, 8).map(([ms, t]) => `${t} ${ms.toFixed(0)}`).join("; ")}`);
    if (run === RUNS) {
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, "first-visit.trace.json"), buffer);
    }
  }
  if (existsSync("/proc/stat")) {
    const sums = new Map();
    let wall = 0;
    let busy = 0;
    for (let run = 1; run <= RUNS; run++) {
      let before;
      let coresBefore;
      let t0;
      const { context, page } = await firstVisit(browser, server.url, text, async () => {
        before = cpuByProcess();
        coresBefore = cores();
        t0 = Date.now();
      });
      await page.waitForFunction(() => document.documentElement.dataset.state === "idle", null, { timeout: 30_000 });
      wall += Date.now() - t0;
      const coresAfter = cores();
      busy += coresAfter.total - coresBefore.total - (coresAfter.idle - coresBefore.idle);
      for (const [id, { key, ms }] of cpuByProcess()) {
        const d = ms - (before.get(id)?.ms ?? 0);
        if (d > 0) sums.set(key, (sums.get(key) || 0) + d);
      }
      await context.close();
    }
    const rows = [...sums].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms / RUNS >= 5);
    console.log(
      `a whole first visit, without tracing (mean of ${RUNS}): ${(wall / RUNS).toFixed(0)} ms wall, ` +
        `the ${os.cpus().length} cores busy ${(busy / RUNS).toFixed(0)} ms; CPU by process (renderer threads indented): ` +
        rows.map(([k, ms]) => `${k} ${(ms / RUNS).toFixed(0)}`).join(", "),
    );
  }
} finally {
  await close();
  server.stop();
}
