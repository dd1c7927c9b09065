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
  setFindings(findings, activeUid = this.activeUid) {
    this.findings = findings;
    this.activeUid = activeUid;
    this.render();
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
   */
  render() {
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

    const htmls = new Array(lines.length);
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

    // Replace only the run of lines that differs from what is shown.
    const old = this.lineHtmls;
    let a = 0;
    while (a < old.length && a < htmls.length && old[a] === htmls[a]) a++;
    let b = 0;
    while (b < old.length - a && b < htmls.length - a && old[old.length - 1 - b] === htmls[htmls.length - 1 - b]) b++;
    const removed = this.lineEls.splice(a, old.length - a - b);
    const before = this.lineEls[a] || null;
    let added = [];
    if (htmls.length - b > a) {
      // One parse for the whole run of new lines (the markup is escaped text and <mark>s only).
      let html = "";
      for (let i = a; i < htmls.length - b; i++) html += `<div class="ln">${htmls[i]}</div>`;
      this.parser ??= document.createElement("template");
      this.parser.innerHTML = html;
      const frag = this.parser.content; // adopted into the page when inserted
      added = [...frag.children];
      for (const el of removed) el.remove();
      this.backdrop.insertBefore(frag, before);
    } else {
      for (const el of removed) el.remove();
    }
    this.lineEls.splice(a, 0, ...added);
    this.lineHtmls = htmls;
    this.lineStarts = starts;
    if (this.ta.scrollTop !== 0) this.ta.scrollTop = 0;
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
