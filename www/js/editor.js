// The editor: a plain <textarea> (native typing, caret and undo) over a
// backdrop that mirrors its text and paints the findings. Both sit in one
// grid cell; the backdrop's content sets the height, so the textarea never
// scrolls on its own and the two stay aligned.

import { htmlToPlainText, normaliseNewlines } from "./paste.js";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

export class Editor {
  /**
   * @param {HTMLTextAreaElement} textarea
   * @param {HTMLElement} backdrop
   */
  constructor(textarea, backdrop) {
    this.ta = textarea;
    this.backdrop = backdrop;
    this.findings = [];
    this.activeUid = null;
    this.listeners = new Set();
    // The backdrop's lines: their elements, markup and start offsets.
    this.lineEls = [];
    this.lineHtmls = [];
    this.lineStarts = [0];
    // The text the backdrop shows; whether some lines lag behind the findings.
    this.shownText = null;
    this.behind = false;

    this.pasting = false;
    this.inserting = false;
    // A paste or a drop is a whole change at once: listeners may check it without waiting.
    this.ta.addEventListener("input", (e) => {
      if (this.inserting) return; // insertText() reports its change once
      this.emit((e.inputType || "").startsWith("insertFrom") ? "paste" : "edit");
    });
    this.ta.addEventListener("paste", (e) => this.onPaste(e));
    // The textarea is as tall as its text; undo any scroll the browser adds
    // while it reveals the caret before the backdrop has grown.
    this.ta.addEventListener("scroll", () => {
      if (this.ta.scrollTop !== 0) this.ta.scrollTop = 0;
    });
  }

  get value() {
    return this.ta.value;
  }

  onChange(fn) {
    this.listeners.add(fn);
  }

  emit(kind = "edit") {
    for (const fn of this.listeners) fn(this.ta.value, kind);
  }

  /** Paste HTML as plain text with paragraphs; never as markup. */
  onPaste(e) {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData("text/html");
    const plain = data.getData("text/plain");
    let text;
    if (html && html.trim()) {
      text = htmlToPlainText(html);
      if (!text && plain) text = normaliseNewlines(plain);
    } else if (plain && plain.includes("\r")) {
      text = normaliseNewlines(plain);
    } else {
      return; // plain text: the browser inserts it natively
    }
    e.preventDefault();
    this.pasting = true;
    try {
      this.insertText(text);
    } finally {
      this.pasting = false;
    }
  }

  /** Inserts text at the selection as one step of undo. */
  insertText(text) {
    this.ta.focus({ preventScroll: true });
    const before = this.ta.value;
    let ok = false;
    // Chromium fires one input event per inserted line: listen to none of them.
    this.inserting = true;
    try {
      ok = text === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, text);
    } catch {
      ok = false;
    } finally {
      this.inserting = false;
    }
    if (!ok) {
      // Fallback without native undo (browsers without execCommand on textareas).
      const { selectionStart: s, selectionEnd: e } = this.ta;
      this.ta.setRangeText(text, s, e, "end");
    }
    if (this.ta.value !== before) this.emit(this.pasting ? "paste" : "edit");
  }

  /** Replaces `[start, end)` with `text` as one step of undo; the caret ends after it. */
  replaceRange(start, end, text) {
    this.ta.focus({ preventScroll: true });
    this.ta.setSelectionRange(start, end);
    if (start === end && text === "") return;
    this.insertText(text);
  }

  /** Replaces the whole text (undoable). */
  replaceAll(text) {
    this.replaceRange(0, this.ta.value.length, text);
    this.ta.setSelectionRange(0, 0);
  }

  /** Selects `[start, end)` in the editor and scrolls it into view. */
  select(start, end, { focus = true } = {}) {
    if (focus) this.ta.focus({ preventScroll: true });
    this.ta.setSelectionRange(start, end, "forward");
    this.scrollToOffset(start);
  }

  scrollToOffset(offset) {
    const el = this.markAt(offset) || this.lineAt(offset) || this.backdrop;
    el.scrollIntoView({ block: "center", inline: "nearest", behavior: "auto" });
  }

  /** Index of the line that holds `offset`. */
  lineIndex(offset) {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineAt(offset) {
    return this.lineEls[this.lineIndex(offset)] || null;
  }

  /** The mark that covers `offset`, if any. Marks keep offsets relative to their line. */
  markAt(offset) {
    const i = this.lineIndex(offset);
    const line = this.lineEls[i];
    if (!line) return null;
    const rel = offset - this.lineStarts[i];
    for (const m of line.querySelectorAll("mark")) {
      if (rel >= Number(m.dataset.s) && rel < Number(m.dataset.e)) return m;
    }
    return null;
  }

  /** Findings to paint: `{uid, start, end, category, severity}`. */
  setFindings(findings, activeUid = this.activeUid, options = undefined) {
    this.findings = findings;
    this.activeUid = activeUid;
    this.render(options);
  }

  setActive(uid) {
    if (uid === this.activeUid) return;
    this.activeUid = uid;
    this.render();
  }

  /**
   * Paints the backdrop: one block per line of the text, so that an edit
   * re-lays out only the lines it touched. Each line is flat segments, each
   * with the classes of the findings that cover it. Lines whose markup did
   * not change keep their elements.
   *
   * `visibleFirst`: when only the highlights changed (the text is the one
   * shown), update only the lines in view (and a margin) now; `catchUp()`,
   * after the frame is painted, does the rest. Laying out the highlights of a
   * whole long document takes several times longer than of the screenful.
   */
  render({ visibleFirst = false } = {}) {
    const text = this.ta.value;
    const lines = text.split("\n");
    const starts = new Array(lines.length);
    for (let i = 0, pos = 0; i < lines.length; i++) {
      starts[i] = pos;
      pos += lines[i].length + 1;
    }
    const fs = this.findings
      .filter((f) => f.start < f.end && f.end <= text.length)
      .sort((a, b) => a.start - b.start);

    let htmls = new Array(lines.length);
    let next = 0;
    let open = []; // findings that may reach into the current line
    for (let i = 0; i < lines.length; i++) {
      const ls = starts[i];
      const le = ls + lines[i].length;
      open = open.filter((f) => f.end > ls);
      while (next < fs.length && fs[next].start < le) {
        if (fs[next].end > ls) open.push(fs[next]);
        next++;
      }
      // A finding that starts exactly at the end of an empty line belongs to the next one.
      htmls[i] = this.lineHtml(lines[i], ls, open.filter((f) => f.start < le));
    }

    this.behind = false;
    if (visibleFirst && text === this.shownText && htmls.length === this.lineHtmls.length) {
      const [first, last] = this.linesInView();
      if (first > 0 || last < htmls.length - 1) {
        const now = this.lineHtmls.slice();
        for (let i = first; i <= last; i++) now[i] = htmls[i];
        this.behind = now.some((h, i) => h !== htmls[i]);
        htmls = now;
      }
    }
    this.show(htmls);
    this.lineStarts = starts;
    this.shownText = text;
    if (this.ta.scrollTop !== 0) this.ta.scrollTop = 0;
  }

  /** Brings the lines a `visibleFirst` render left out up to date. */
  catchUp() {
    if (this.behind) this.render();
  }

  /**
   * Indices of the first and the last line on screen, with a margin of half
   * a screen on each side (all lines if the editor is not laid out).
   */
  linesInView() {
    const els = this.lineEls;
    const n = els.length;
    const h = window.innerHeight || 0;
    if (!n || !h) return [0, n - 1];
    const top = -h / 2;
    const bottom = h * 1.5;
    // The lines are blocks one under another: binary searches by position.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (els[mid].getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (els[mid].getBoundingClientRect().top > bottom) hi = mid - 1;
      else lo = mid;
    }
    return [first, Math.max(first, lo)];
  }

  /**
   * Puts the lines' markup in the backdrop, replacing only the runs of lines
   * whose markup differs from what is shown.
   */
  show(htmls) {
    const old = this.lineHtmls;
    let a = 0;
    while (a < old.length && a < htmls.length && old[a] === htmls[a]) a++;
    let b = 0;
    while (b < old.length - a && b < htmls.length - a && old[old.length - 1 - b] === htmls[htmls.length - 1 - b]) b++;
    // The runs to replace, [from, to) in the old lines and in the new: the
    // lines between the unchanged start and end; or, when the number of lines
    // is the same, each run of changed lines (with fewer than GAP unchanged
    // lines inside), so that a render after a `visibleFirst` one leaves the
    // lines in view alone.
    const GAP = 8;
    const runs = [];
    if (old.length === htmls.length) {
      for (let i = a; i < htmls.length - b; i++) {
        if (old[i] === htmls[i]) continue;
        const last = runs[runs.length - 1];
        if (last && i - last[1] < GAP) last[1] = i + 1;
        else runs.push([i, i + 1]);
      }
    } else {
      runs.push([a, old.length - b, htmls.length - b]);
    }
    // From the end, so that the indices of the runs before stay valid.
    for (let r = runs.length - 1; r >= 0; r--) {
      const [from, oldTo, newTo = oldTo] = runs[r];
      const removed = this.lineEls.splice(from, oldTo - from);
      const before = this.lineEls[from] || null;
      let added = [];
      if (newTo > from) {
        // One parse for the whole run of new lines (the markup is escaped text and <mark>s only).
        let html = "";
        for (let i = from; i < newTo; i++) html += `<div class="ln">${htmls[i]}</div>`;
        this.parser ??= document.createElement("template");
        this.parser.innerHTML = html;
        const frag = this.parser.content; // adopted into the page when inserted
        added = [...frag.children];
        for (const el of removed) el.remove();
        this.backdrop.insertBefore(frag, before);
      } else {
        for (const el of removed) el.remove();
      }
      this.lineEls.splice(from, 0, ...added);
    }
    this.lineHtmls = htmls;
  }

  /** The markup of one line; mark offsets are relative to the line. */
  lineHtml(line, ls, covering) {
    if (line === "") return "<br>";
    if (!covering.length) return escapeHtml(line);
    const le = ls + line.length;
    const cuts = new Set([ls, le]);
    for (const f of covering) {
      if (f.start > ls) cuts.add(f.start);
      if (f.end < le) cuts.add(f.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    let html = "";
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const chunk = escapeHtml(line.slice(a - ls, b - ls));
      const active = covering.filter((f) => f.start <= a && f.end >= b);
      if (!active.length) {
        html += chunk;
        continue;
      }
      // The shortest covering finding gives the colour; a long one (a whole
      // sentence or paragraph) adds an underline.
      let top = active[0];
      for (const f of active) if (f.end - f.start < top.end - top.start) top = f;
      const cls = ["hl", `cat-${top.category}`, `sev-${top.severity}`];
      if (active.some((f) => f !== top && f.category === "length")) cls.push("in-length");
      if (this.activeUid != null && active.some((f) => f.uid === this.activeUid)) cls.push("is-active");
      const uids = active.map((f) => f.uid).join(" ");
      html += `<mark class="${cls.join(" ")}" data-s="${a - ls}" data-e="${b - ls}" data-u="${uids}">${chunk}</mark>`;
    }
    return html;
  }
}
