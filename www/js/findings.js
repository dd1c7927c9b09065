// The findings panel: findings grouped by category, each with its message,
// explanation, suggested fix and actions. Keyboard: ↑/↓/Home/End move
// between findings, Enter shows the finding in the text.

import { CATEGORIES, SEVERITY, countWord, FINDING_FORMS, shorten } from "./format.js";
import { coveringEdit, fixable, sameKey } from "./textmap.js";

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

export class FindingsPanel {
  /**
   * @param {HTMLElement} root container of the groups
   * @param {object} handlers {select(uid, focusEditor), activate(uid, scroll), fix(uid), fixAll(uid), skip(uid)}
   */
  constructor(root, handlers) {
    this.root = root;
    this.h = handlers;
    this.rules = new Map();
    this.items = []; // rendered cards in order
    this.activeUid = null;

    root.addEventListener("click", (e) => this.onClick(e));
    root.addEventListener("keydown", (e) => this.onKey(e));
    root.addEventListener("focusin", (e) => {
      const card = e.target.closest(".finding");
      if (card) {
        this.setTabStop(card);
        // Keyboard focus shows the span in the text; a mouse click must not
        // scroll the page under the pointer.
        this.h.activate(Number(card.dataset.uid), e.target.matches(":focus-visible"));
      }
    });
    root.addEventListener("toggle", (e) => this.onToggle(e), true);
  }

  setRules(rules) {
    this.rules = new Map(rules.map((r) => [r.id, r]));
  }

  cardByUid(uid) {
    return this.items.find((c) => Number(c.dataset.uid) === uid) || null;
  }

  /**
   * Renders the findings of `text`. Keeps keyboard focus on the same finding
   * (by its key) or on the one that took its place.
   */
  render(findings, text, keyOf) {
    const focused = this.root.contains(document.activeElement) ? document.activeElement : null;
    const focusedCard = focused?.closest(".finding");
    const focusedKey = focusedCard?.dataset.key;
    const focusedIndex = focusedCard ? this.items.indexOf(focusedCard) : -1;
    const focusedAction = focused?.dataset?.action || null;

    const sameCount = new Map();
    for (const f of findings) {
      if (f.safe && fixable(f)) sameCount.set(sameKey(f), (sameCount.get(sameKey(f)) || 0) + 1);
    }

    const frag = document.createDocumentFragment();
    this.items = [];
    for (const cat of CATEGORIES) {
      const list = findings.filter((f) => f.category === cat.id);
      if (!list.length) continue;
      const group = el("section", `group cat-${cat.id}`);
      const hid = `group-${cat.id}`;
      group.setAttribute("aria-labelledby", hid);
      const h = el("h3", "group__title");
      h.id = hid;
      h.append(el("span", "group__swatch"), el("span", "group__name", cat.label), el("span", "count", String(list.length)));
      h.querySelector(".count").setAttribute("aria-label", countWord(list.length, FINDING_FORMS));
      const ul = el("ul", "group__list");
      for (const f of list) {
        const card = this.card(f, text, keyOf(f), sameCount.get(sameKey(f)) || 0);
        this.items.push(card);
        ul.append(card);
      }
      group.append(h, ul);
      frag.append(group);
    }
    this.root.replaceChildren(frag);

    // Roving tab stop and focus restore.
    let target = null;
    if (focusedKey) target = this.items.find((c) => c.dataset.key === focusedKey) || null;
    if (!target && focusedIndex >= 0 && this.items.length) {
      target = this.items[Math.min(focusedIndex, this.items.length - 1)];
    }
    const stop = target || this.cardByUid(this.activeUid) || this.items[0];
    if (stop) this.setTabStop(stop);
    if (focused && target) {
      const btn = focusedAction && target.querySelector(`[data-action="${focusedAction}"]`);
      (btn || target).focus({ preventScroll: false });
    } else if (focused && !target) {
      // Nothing left to focus in the list: keep focus in the panel.
      this.root.closest(".findings-panel")?.querySelector("h2")?.focus?.();
    }
    this.markActive(this.activeUid);
  }

  card(f, text, key, sameN) {
    const li = el("li", `finding cat-${f.category} sev-${f.severity}`);
    li.tabIndex = -1;
    li.dataset.uid = String(f.uid);
    li.dataset.key = key;
    li.dataset.rule = f.rule;
    li.setAttribute("aria-labelledby", `f${f.uid}-m`);

    const head = el("div", "finding__head");
    const sev = el("span", `badge badge--${f.severity}`, SEVERITY[f.severity] || f.severity);
    const doc = this.rules.get(f.rule);
    const rule = el("span", "finding__rule", doc ? `${f.rule} · ${doc.title}` : f.rule);
    head.append(sev, rule);

    const quote = el("p", "finding__quote", `«${shorten(f.text, f.category === "length" ? 90 : 140)}»`);
    const msg = el("p", "finding__message", f.message);
    quote.id = `f${f.uid}-q`;
    msg.id = `f${f.uid}-m`;
    const expl = el("p", "finding__explanation", f.explanation);
    // The quote adds nothing when the message already names the phrase.
    const named = f.text.length <= 60 && f.message.includes(f.text.trim());
    li.append(head, msg);
    if (!named) li.append(quote);
    li.append(expl);

    if (fixable(f)) {
      const edit = coveringEdit(text, f.edits);
      if (edit) {
        const p = el("p", "finding__fix");
        p.append(el("span", "finding__fix-label", "Замена: "));
        const del = el("del", null, shorten(text.slice(edit.start, edit.end), 60));
        const ins = el("ins", null, edit.replacement ? shorten(edit.replacement, 60) : "(удалить)");
        p.append(del, el("span", "arrow", " → "), ins);
        li.append(p);
      }
    } else if (f.suggestions && f.suggestions.length) {
      const p = el("p", "finding__fix");
      p.append(el("span", "finding__fix-label", "Как исправить: "));
      f.suggestions.forEach((s, i) => {
        if (i) p.append(document.createTextNode(" или "));
        const short = s.trim().split(/\s+/).length <= 3;
        p.append(el(short ? "q" : "span", short ? "sugg" : null, s));
      });
      li.append(p);
    }

    const actions = el("div", "finding__actions");
    if (fixable(f)) {
      const b = el("button", "btn btn--primary btn--small", "Исправить");
      b.type = "button";
      b.dataset.action = "fix";
      actions.append(b);
      if (f.safe && sameN > 1) {
        const all = el("button", "btn btn--small", `Исправить все такие (${sameN})`);
        all.type = "button";
        all.dataset.action = "fix-all";
        actions.append(all);
      }
    }
    const skip = el("button", "btn btn--quiet btn--small", "Пропустить");
    skip.type = "button";
    skip.dataset.action = "skip";
    skip.setAttribute("aria-label", `Пропустить замечание: ${shorten(f.text, 40)}`);
    actions.append(skip);
    if (doc) {
      const det = el("details", "finding__more");
      det.append(el("summary", null, "Подробнее о правиле"));
      actions.append(det);
    }
    li.append(actions);
    return li;
  }

  onToggle(e) {
    const det = e.target;
    if (!(det instanceof HTMLDetailsElement) || !det.open || det.dataset.filled) return;
    const card = det.closest(".finding");
    const doc = card && this.rules.get(card.dataset.rule);
    if (!doc) return;
    det.dataset.filled = "1";
    const box = el("div", "rule-doc");
    box.append(el("p", null, doc.what), el("p", null, doc.why));
    if (doc.bad) {
      const ex = el("p", "rule-doc__example");
      ex.append(el("span", "rule-doc__label", "Было: "), el("span", null, doc.bad));
      box.append(ex);
    }
    if (doc.good) {
      const ex = el("p", "rule-doc__example");
      ex.append(el("span", "rule-doc__label", "Стало: "), el("span", null, doc.good));
      box.append(ex);
    }
    if (doc.fix) box.append(el("p", null, doc.fix));
    det.append(box);
  }

  setTabStop(card) {
    for (const c of this.items) c.tabIndex = c === card ? 0 : -1;
  }

  markActive(uid) {
    this.activeUid = uid;
    for (const c of this.items) c.classList.toggle("is-active", Number(c.dataset.uid) === uid);
  }

  /** Scrolls the card of `uid` into view and marks it, without moving focus. */
  reveal(uid) {
    this.markActive(uid);
    const card = this.cardByUid(uid);
    if (card) {
      this.setTabStop(card);
      card.scrollIntoView({ block: "nearest" });
    }
  }

  focusCard(index) {
    if (!this.items.length) return;
    const i = Math.max(0, Math.min(index, this.items.length - 1));
    this.items[i].focus();
  }

  onClick(e) {
    const card = e.target.closest(".finding");
    if (!card) return;
    const uid = Number(card.dataset.uid);
    const btn = e.target.closest("button[data-action]");
    if (btn) {
      const a = btn.dataset.action;
      if (a === "fix") this.h.fix(uid);
      else if (a === "fix-all") this.h.fixAll(uid);
      else if (a === "skip") this.h.skip(uid);
      return;
    }
    if (e.target.closest("details, a, summary")) return;
    if (window.getSelection && String(window.getSelection()).length > 0) return; // the user is selecting text
    this.h.select(uid, true);
  }

  onKey(e) {
    const card = e.target.closest(".finding");
    if (!card) return;
    const i = this.items.indexOf(card);
    const onCard = e.target === card;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        this.focusCard(i + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        this.focusCard(i - 1);
        break;
      case "Home":
        if (!onCard) return;
        e.preventDefault();
        this.focusCard(0);
        break;
      case "End":
        if (!onCard) return;
        e.preventDefault();
        this.focusCard(this.items.length - 1);
        break;
      case "Enter":
      case " ":
        if (!onCard) return;
        e.preventDefault();
        this.h.select(Number(card.dataset.uid), true);
        break;
      default:
    }
  }
}
