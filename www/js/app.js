// Ясно — the web page. Wires the editor, the checking worker and the panels.

import { Editor } from "./editor.js";
import { FindingsPanel } from "./findings.js";
import { renderDocPanel } from "./docpanel.js";
import { MAX_FILE_BYTES, decodeText, fileKind } from "./files.js";
import { download, htmlReport, jsonReport } from "./report.js";
import { FINDING_FORMS, countWord } from "./format.js";
import { coveringEdit, fixable, mapFindings, sameKey, skipKey } from "./textmap.js";
import { SAMPLE_LETTER } from "./sample.js";

/** Pause in typing before a re-check, ms (the brief allows at most 150). */
const DEBOUNCE_MS = 100;
const DRAFT_KEY = "yasno.draft";
const PROFILE_KEY = "yasno.profile";

const $ = (id) => document.getElementById(id);

const state = {
  /** Text that `findings` refer to: always the editor's current text. */
  text: "",
  report: null,
  findings: [],
  skipped: new Set(),
  profile: "auto",
  version: "",
  ready: false,
  nextUid: 1,
  activeUid: null,
  firstHighlights: false,
};

const editor = new Editor($("text"), $("backdrop"));
const panel = new FindingsPanel($("findings"), {
  select: (uid, focus) => selectFinding(uid, focus),
  activate: (uid, scroll) => activateFinding(uid, scroll),
  fix: (uid) => fixFinding(uid),
  fixAll: (uid) => fixAllLike(uid),
  skip: (uid) => skipFinding(uid),
});

// ---------------------------------------------------------------- worker

// The worker was started by boot.js while the page loaded; start it here if that failed.
const booted = self.yasnoBoot ? self.yasnoBoot.take() : null;
const worker = booted ? booted.worker : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
// Without boot.js the worker loads the WebAssembly module itself.
if (!booted) worker.postMessage({ type: "module" });
let requestSeq = 0;
let inFlight = null; // {id, text, profile}
let recheck = false;
let timer = 0;
const pendingFiles = new Map();

worker.onmessage = (e) => {
  const msg = e.data;
  switch (msg.type) {
    case "ready":
      state.ready = true;
      state.version = msg.version;
      $("version").textContent = msg.version ? `${msg.version}` : "";
      panel.setRules(msg.rules || []);
      performance.mark("yasno:ready", { detail: msg.timings });
      document.documentElement.dataset.ready = "1";
      break;
    case "report":
      onReport(msg);
      break;
    case "extracted":
    case "failed": {
      const cb = pendingFiles.get(msg.id);
      if (cb) {
        pendingFiles.delete(msg.id);
        cb(msg);
      } else if (msg.type === "failed") {
        onCheckFailed(msg);
      }
      break;
    }
    case "fatal":
      showBanner(
        "Не удалось запустить проверку: модуль проверки не загрузился. Обновите страницу; " +
          "если не поможет, проверьте, что папка pkg выложена вместе со страницей. Текст можно набирать и сейчас.",
        msg.message,
      );
      break;
    default:
  }
};
worker.onerror = (e) => {
  e.preventDefault?.();
  showBanner("Не удалось запустить проверку в этом браузере. Нужен современный браузер с поддержкой WebAssembly.");
};

let timerPending = false;
function scheduleCheck(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timerPending = true;
  document.documentElement.dataset.state = "checking";
  timer = setTimeout(runCheck, delay);
}

function runCheck() {
  timerPending = false;
  document.documentElement.dataset.state = "checking";
  if (inFlight) {
    recheck = true;
    return;
  }
  inFlight = { id: ++requestSeq, text: editor.value, profile: state.profile };
  worker.postMessage({ type: "check", ...inFlight });
}

// A check failed (e.g. a panic in the core: the package restarts the module
// and the next check works). Keep the text and the last highlights, say so,
// and go on: the next edit, or a pending re-check, checks again.
let checkFailed = false;
function onCheckFailed(msg) {
  // A failure of an older request (not the one awaited) changes nothing.
  if (!inFlight || inFlight.id !== msg.id) return;
  const req = inFlight;
  inFlight = null;
  checkFailed = true;
  showBanner(
    "Не удалось проверить текст: внутренняя ошибка программы. Текст не пострадал, " +
      "проверка перезапущена и продолжится после следующей правки.",
    msg.message,
  );
  if (recheck || (!timerPending && editor.value !== req.text)) {
    recheck = false;
    runCheck();
  } else if (!timerPending) {
    // For tests: the page is idle and shows an error instead of a report.
    document.documentElement.dataset.state = "failed";
  }
}

function onReport(msg) {
  // A report of an older request (not the one awaited) is dropped.
  if (!inFlight || inFlight.id !== msg.id) return;
  const req = inFlight;
  inFlight = null;
  if (checkFailed) {
    checkFailed = false;
    hideBanner();
  }
  const report = msg.report;
  performance.mark("yasno:check", { detail: { ms: msg.ms, started: msg.started, chars: req.text.length } });
  let findings = report.findings;
  const now = editor.value;
  if (now !== req.text) findings = mapFindings(findings, req.text, now);
  // A finding that was already shown keeps its id, so the highlight layer
  // and the panel only change where something changed.
  const known = new Map(state.findings.map((f) => [`${f.rule}:${f.start}:${f.end}`, f.uid]));
  findings = findings.map((f) => ({ ...f, uid: known.get(`${f.rule}:${f.start}:${f.end}`) ?? state.nextUid++ }));
  if (req.profile !== state.profile) recheck = true;
  state.report = report;
  state.findings = findings;
  state.text = now;
  keepActive();
  // The highlights in view first; the rest of them and the panels (hundreds
  // of cards for a long letter) right after the frame that shows them.
  renderHighlights({ visibleFirst: true });
  const first = !state.firstHighlights && findings.length > 0;
  if (first) {
    state.firstHighlights = true;
    performance.mark("yasno:first-highlights");
  }
  const shown = report;
  afterPaint(() => {
    // For the bench: the frame with the first highlights is painted.
    if (first) performance.mark("yasno:first-painted");
    if (state.report !== shown) return; // a newer report renders itself
    editor.catchUp();
    renderPanels();
    // For tests and the bench: the page shows the report of the current text.
    if (!timerPending && !inFlight && !recheck && editor.value === state.text) {
      document.documentElement.dataset.state = "idle";
    }
  });
  if (recheck) {
    recheck = false;
    runCheck();
  }
}

/** Runs `fn` once the browser has painted the current frame (or soon, in a hidden tab). */
function afterPaint(fn) {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

// ---------------------------------------------------------------- rendering

function visibleFindings() {
  if (!state.skipped.size) return state.findings;
  return state.findings.filter((f) => !state.skipped.has(skipKey(state.text, f)));
}

function keepActive() {
  if (state.activeUid == null) return;
  if (!state.findings.some((f) => f.uid === state.activeUid)) state.activeUid = null;
}

let lastAnnounced = -1;
function renderAll() {
  renderHighlights();
  renderPanels();
}

/** The highlights over the text (`options` as for `Editor.render`). */
function renderHighlights(options) {
  const t0 = performance.now();
  editor.setFindings(visibleFindings(), state.activeUid, options);
  performance.measure("yasno:render-editor", { start: t0 });
}

/** The findings panel, the counts and the document panel. */
function renderPanels() {
  const vis = visibleFindings();
  const t0 = performance.now();
  panel.activeUid = state.activeUid;
  panel.render(vis, state.text, (f) => skipKey(state.text, f));
  performance.measure("yasno:render-panel", { start: t0 });
  $("findings-count").textContent = String(vis.length);
  $("jump-count").textContent = String(vis.length);
  $("findings-count").setAttribute("aria-label", countWord(vis.length, FINDING_FORMS));
  $("findings-empty").hidden = vis.length > 0;
  $("findings-help").hidden = vis.length === 0;
  $("findings-empty").textContent = state.text.trim()
    ? "Замечаний нет. Текст читается легко."
    : "Вставьте текст письма — замечания появятся здесь.";
  $("restore-skipped").hidden = state.findings.length === vis.length;
  renderDocPanel(state.report, state.profile);
  if (vis.length !== lastAnnounced) {
    lastAnnounced = vis.length;
    $("status").textContent = state.text.trim() ? `Найдено ${countWord(vis.length, FINDING_FORMS)}` : "";
  }
}

// ---------------------------------------------------------------- editing

editor.onChange((text, kind) => {
  // Keep the old highlights on the new text until the re-check arrives.
  state.findings = mapFindings(state.findings, state.text, text);
  state.text = text;
  keepActive();
  editor.setFindings(visibleFindings(), state.activeUid);
  // Typing waits for a pause; a pasted text is checked at once.
  scheduleCheck(kind === "paste" ? 0 : DEBOUNCE_MS);
  saveDraft();
});

let draftTimer = 0;
function saveDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    try {
      sessionStorage.setItem(DRAFT_KEY, editor.value);
    } catch {
      // storage full or disabled: the draft is simply not kept
    }
  }, 400);
}

function findingByUid(uid) {
  return state.findings.find((f) => f.uid === uid) || null;
}

function selectFinding(uid, focusEditor) {
  const f = findingByUid(uid);
  if (!f) return;
  state.activeUid = uid;
  editor.setActive(uid);
  panel.markActive(uid);
  editor.select(f.start, f.end, { focus: focusEditor });
}

function activateFinding(uid, scroll) {
  const f = findingByUid(uid);
  if (!f) return;
  state.activeUid = uid;
  editor.setActive(uid);
  panel.markActive(uid);
  // On a wide screen the panel stays in place, so show the span in the text.
  if (scroll && window.matchMedia("(min-width: 60rem)").matches) editor.scrollToOffset(f.start);
}

/** Applies one replacement to the editor as a single undo step. */
function applyEdit(edit) {
  const before = editor.value;
  if (edit.start < 0 || edit.end > before.length) return false;
  editor.replaceRange(edit.start, edit.end, edit.replacement);
  return editor.value !== before;
}

function afterPanelAction(index) {
  // The text changed synchronously; re-render the panel now so that the
  // keyboard focus lands on the next finding instead of on nothing.
  state.activeUid = null;
  renderAll();
  panel.focusCard(index);
}

function fixFinding(uid) {
  const f = findingByUid(uid);
  if (!f || !fixable(f)) return;
  if (editor.value.slice(f.start, f.end) !== f.text) return; // stale; a re-check is on its way
  const index = panel.items.findIndex((c) => Number(c.dataset.uid) === uid);
  const edit = coveringEdit(editor.value, f.edits);
  if (edit && applyEdit(edit)) {
    toast("Исправлено. Отменить: Ctrl+Z");
    afterPanelAction(index);
  }
}

function fixAllLike(uid) {
  const f = findingByUid(uid);
  if (!f) return;
  const key = sameKey(f);
  const text = editor.value;
  const like = visibleFindings().filter(
    (g) => g.safe && fixable(g) && sameKey(g) === key && text.slice(g.start, g.end) === g.text,
  );
  const edits = [];
  let last = -1;
  for (const g of like.sort((a, b) => a.start - b.start)) {
    if (g.start < last) continue;
    edits.push(...g.edits);
    last = g.end;
  }
  const edit = coveringEdit(text, edits);
  const index = panel.items.findIndex((c) => Number(c.dataset.uid) === uid);
  if (edit && applyEdit(edit)) {
    editor.ta.setSelectionRange(edit.start, edit.start);
    toast(`Исправлено: ${like.length}. Отменить: Ctrl+Z`);
    afterPanelAction(index);
  }
}

function skipFinding(uid) {
  const f = findingByUid(uid);
  if (!f) return;
  const index = panel.items.findIndex((c) => Number(c.dataset.uid) === uid);
  state.skipped.add(skipKey(state.text, f));
  if (state.activeUid === uid) state.activeUid = null;
  renderAll();
  panel.focusCard(index);
}

$("restore-skipped").addEventListener("click", () => {
  state.skipped.clear();
  renderAll();
});

// Alt+↓ / Alt+↑ in the editor: next / previous finding.
$("text").addEventListener("keydown", (e) => {
  if (!e.altKey || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
  const vis = visibleFindings();
  if (!vis.length) return;
  e.preventDefault();
  const caret = editor.ta.selectionStart;
  const sorted = [...vis].sort((a, b) => a.start - b.start);
  let f;
  if (e.key === "ArrowDown") {
    f = sorted.find((g) => g.start > caret || (g.start === caret && editor.ta.selectionEnd === caret)) || sorted[0];
  } else {
    f = [...sorted].reverse().find((g) => g.start < caret) || sorted[sorted.length - 1];
  }
  selectFinding(f.uid, true);
  panel.reveal(f.uid);
});

// The finding under the caret becomes the active one in the panel.
function caretMoved() {
  if (document.activeElement !== editor.ta) return;
  const pos = editor.ta.selectionStart;
  const under = visibleFindings()
    .filter((f) => f.start <= pos && pos <= f.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const uid = under ? under.uid : null;
  if (uid === state.activeUid) return;
  state.activeUid = uid;
  editor.setActive(uid);
  if (uid != null) panel.reveal(uid);
  else panel.markActive(null);
}
$("text").addEventListener("click", caretMoved);
$("text").addEventListener("keyup", (e) => {
  if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End" || e.key.startsWith("Page")) caretMoved();
});

// ---------------------------------------------------------------- document type

$("profile").addEventListener("change", (e) => {
  state.profile = e.target.value;
  try {
    sessionStorage.setItem(PROFILE_KEY, state.profile);
  } catch {
    // ignore
  }
  renderDocPanel(state.report, state.profile);
  scheduleCheck(0);
});

// ---------------------------------------------------------------- files

$("open-file").addEventListener("click", () => $("file-input").click());
$("file-input").addEventListener("change", (e) => {
  const file = e.target.files && e.target.files[0];
  if (file) openFile(file);
  e.target.value = "";
});

let fileSeq = 0;
async function openFile(file) {
  const kind = fileKind(file);
  if (!kind) {
    toast("Можно открыть файлы .txt и .docx", true);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    toast("Файл слишком большой", true);
    return;
  }
  const buf = await file.arrayBuffer();
  if (kind === "txt") {
    loadText(decodeText(buf), file.name);
    return;
  }
  const id = `file-${++fileSeq}`;
  pendingFiles.set(id, (msg) => {
    if (msg.type === "extracted") loadText(msg.text, file.name);
    else toast(`Не удалось прочитать ${file.name}: ${msg.message}`, true);
  });
  worker.postMessage({ type: "extract", id, name: file.name, bytes: buf }, [buf]);
}

function loadText(text, name) {
  state.skipped.clear();
  editor.replaceAll(text.replace(/\r\n?/g, "\n"));
  editor.ta.scrollIntoView({ block: "start" });
  toast(`Открыт файл ${name}. Отменить: Ctrl+Z`);
  scheduleCheck(0);
}

// Drag and drop anywhere on the editor.
const wrap = $("editor-wrap");
let dragDepth = 0;
const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
wrap.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  wrap.classList.add("is-dragging");
});
wrap.addEventListener("dragover", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
});
wrap.addEventListener("dragleave", () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) wrap.classList.remove("is-dragging");
});
wrap.addEventListener("drop", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  wrap.classList.remove("is-dragging");
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
});
// A file dropped outside the editor must not navigate away from the page.
window.addEventListener("dragover", (e) => hasFiles(e) && e.preventDefault());
window.addEventListener("drop", (e) => hasFiles(e) && e.preventDefault());

// ---------------------------------------------------------------- copy, sample, reports

$("copy-text").addEventListener("click", async () => {
  const text = editor.value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = editor.ta;
    const { selectionStart: s, selectionEnd: e } = ta;
    ta.focus();
    ta.select();
    document.execCommand("copy");
    ta.setSelectionRange(s, e);
  }
  toast(text ? "Текст скопирован" : "Текста пока нет");
});

$("insert-sample").addEventListener("click", () => {
  state.skipped.clear();
  editor.replaceAll(SAMPLE_LETTER);
  scheduleCheck(0);
});

function reportInput() {
  if (!state.report || !editor.value.trim()) {
    toast("Сначала вставьте текст", true);
    return null;
  }
  if (editor.value !== state.text || inFlight) {
    toast("Проверка ещё идёт, попробуйте через секунду", true);
    return null;
  }
  const vis = visibleFindings().map(({ uid, ...f }) => f);
  return {
    text: editor.value,
    report: state.report,
    findings: vis,
    skipped: state.findings.length - vis.length,
    version: state.version,
    profile: state.profile,
  };
}

// The «Скачать отчёт» menu: a disclosure with two choices.
const reportToggle = $("report-toggle");
const reportList = $("report-list");
function setReportMenu(open, focusFirst = false) {
  reportList.hidden = !open;
  reportToggle.setAttribute("aria-expanded", String(open));
  if (open && focusFirst) reportList.querySelector("button").focus();
}
reportToggle.addEventListener("click", () => setReportMenu(reportList.hidden, true));
$("report-menu").addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !reportList.hidden) {
    setReportMenu(false);
    reportToggle.focus();
  } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !reportList.hidden) {
    const items = [...reportList.querySelectorAll("button")];
    const i = items.indexOf(document.activeElement);
    e.preventDefault();
    items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
  }
});
document.addEventListener("click", (e) => {
  if (!reportList.hidden && !$("report-menu").contains(e.target)) setReportMenu(false);
});
$("report-menu").addEventListener("focusout", (e) => {
  if (!reportList.hidden && !$("report-menu").contains(e.relatedTarget)) setReportMenu(false);
});

const stamp = () => new Date().toISOString().slice(0, 10);
$("report-html").addEventListener("click", () => {
  const input = reportInput();
  setReportMenu(false);
  if (input) download(`yasno-otchet-${stamp()}.html`, "text/html;charset=utf-8", htmlReport(input));
});
$("report-json").addEventListener("click", () => {
  const input = reportInput();
  setReportMenu(false);
  if (input) download(`yasno-otchet-${stamp()}.json`, "application/json", jsonReport(input));
});

// ---------------------------------------------------------------- messages

function showBanner(text, detail = "") {
  const b = $("banner");
  b.textContent = text;
  b.title = detail;
  b.hidden = false;
}

function hideBanner() {
  $("banner").hidden = true;
}

let toastTimer = 0;
function toast(text, warn = false) {
  const t = $("toast");
  t.textContent = text;
  t.classList.toggle("is-warning", warn);
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    t.hidden = true;
  }, 3500);
}

// ---------------------------------------------------------------- start

function start() {
  let draft = "";
  try {
    draft = sessionStorage.getItem(DRAFT_KEY) || "";
    const p = sessionStorage.getItem(PROFILE_KEY);
    if (p && [...$("profile").options].some((o) => o.value === p)) state.profile = p;
  } catch {
    // no storage: start empty
  }
  $("profile").value = state.profile;
  if (draft) {
    editor.ta.value = draft; // a restored draft starts a fresh undo history
    state.text = draft;
  }
  editor.setFindings([]);
  renderAll();
  // boot.js already sent the restored draft to the worker: wait for that
  // report instead of asking again.
  const asked = booted && booted.request;
  if (asked && asked.text === editor.value && asked.profile === state.profile) {
    inFlight = asked;
    document.documentElement.dataset.state = "checking";
  } else {
    runCheck();
  }
  // Messages the worker sent before this module ran (its «ready», perhaps
  // that report already).
  for (const e of booted ? booted.early : []) (e.type === "error" ? worker.onerror : worker.onmessage)(e);
}

start();
