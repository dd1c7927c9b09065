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

    this.ta.addEventListener("input", () => this.emit());
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

  emit() {
    for (const fn of this.listeners) fn(this.ta.value);
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
    this.insertText(text);
  }

  /** Inserts text at the selection as one step of undo. */
  insertText(text) {
    this.ta.focus({ preventScroll: true });
    let ok = false;
    try {
      ok = text === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, text);
    } catch {
      ok = false;
    }
    if (!ok) {
      // Fallback without native undo (browsers without execCommand on textareas).
      const { selectionStart: s, selectionEnd: e } = this.ta;
      this.ta.setRangeText(text, s, e, "end");
      this.ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
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
    const mark = this.markAt(offset);
    const el = mark || this.backdrop;
    el.scrollIntoView({ block: "center", inline: "nearest", behavior: "auto" });
  }

  markAt(offset) {
    for (const m of this.backdrop.querySelectorAll("mark")) {
      const s = Number(m.dataset.s);
      const e = Number(m.dataset.e);
      if (offset >= s && offset < e) return m;
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
    for (const m of this.backdrop.querySelectorAll("mark.is-active")) m.classList.remove("is-active");
    if (uid == null) return;
    for (const m of this.backdrop.querySelectorAll("mark")) {
      if ((m.dataset.u || "").split(" ").includes(String(uid))) m.classList.add("is-active");
    }
  }

  /** Paints the backdrop: flat segments, each with the classes of the findings that cover it. */
  render() {
    const text = this.ta.value;
    const len = text.length;
    const fs = this.findings.filter((f) => f.start < f.end && f.end <= len);
    const cuts = new Set([0, len]);
    for (const f of fs) {
      cuts.add(f.start);
      cuts.add(f.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    // Sweep: findings sorted by start; active ones kept in a small list.
    const byStart = [...fs].sort((a, b) => a.start - b.start);
    let next = 0;
    let active = [];
    let html = "";
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      active = active.filter((f) => f.end > a);
      while (next < byStart.length && byStart[next].start <= a) {
        if (byStart[next].end > a) active.push(byStart[next]);
        next++;
      }
      const chunk = escapeHtml(text.slice(a, b));
      if (!active.length) {
        html += chunk;
        continue;
      }
      // The shortest covering finding gives the colour; a long one (a whole
      // sentence or paragraph) adds an underline.
      let top = active[0];
      for (const f of active) if (f.end - f.start < top.end - top.start) top = f;
      const cls = [`hl`, `cat-${top.category}`, `sev-${top.severity}`];
      if (active.some((f) => f !== top && f.category === "length")) cls.push("in-length");
      if (this.activeUid != null && active.some((f) => f.uid === this.activeUid)) cls.push("is-active");
      const uids = active.map((f) => f.uid).join(" ");
      html += `<mark class="${cls.join(" ")}" data-s="${a}" data-e="${b}" data-u="${uids}">${chunk}</mark>`;
    }
    // A trailing newline needs something after it to take up its line.
    if (text === "" || text.endsWith("\n")) html += " ";
    this.backdrop.innerHTML = html;
    if (this.ta.scrollTop !== 0) this.ta.scrollTop = 0;
  }
}
