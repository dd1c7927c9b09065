// Pure helpers over text and findings. Offsets are UTF-16 code units, as in
// the yasno JavaScript API, so `text.slice(f.start, f.end) === f.text`.

/**
 * The one changed region between two texts: `old[start, oldEnd)` became
 * `new[start, newEnd)`. Returns null when the texts are equal.
 */
export function diffRange(oldText, newText) {
  if (oldText === newText) return null;
  const min = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < min && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * Moves findings of `oldText` onto `newText`: findings before the changed
 * region stay, findings after it shift, findings touching it are dropped.
 * Edits inside kept findings are shifted the same way.
 */
export function mapFindings(findings, oldText, newText) {
  const d = diffRange(oldText, newText);
  if (!d) return findings;
  const delta = d.newEnd - d.oldEnd;
  const insertion = d.oldEnd === d.start;
  // Typing a letter right next to a finding changes its word; typing a space does not.
  const touchBefore = insertion && !isWordChar(newText[d.start]);
  const touchAfter = insertion && !isWordChar(newText[d.newEnd - 1]);
  const out = [];
  for (const f of findings) {
    if (f.end < d.start || (f.end === d.start && touchBefore)) out.push(f);
    else if (f.start > d.oldEnd || (f.start === d.oldEnd && touchAfter)) out.push(shift(f, delta));
  }
  return out;
}

function isWordChar(c) {
  return c !== undefined && /[\p{L}\p{N}\u0301\u00ad-]/u.test(c);
}

function shift(f, delta) {
  if (delta === 0) return f;
  return {
    ...f,
    start: f.start + delta,
    end: f.end + delta,
    edits: (f.edits || []).map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })),
  };
}

/** Applies non-overlapping edits (like the core's `apply_edits`). */
export function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) continue;
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * The smallest single replacement that has the effect of `edits`:
 * `{start, end, replacement}` over `text`, or null when nothing applies.
 * Used so that one fix is one step of undo.
 */
export function coveringEdit(text, edits) {
  const valid = edits.filter((e) => e.start >= 0 && e.end >= e.start && e.end <= text.length);
  if (!valid.length) return null;
  const start = Math.min(...valid.map((e) => e.start));
  const end = Math.max(...valid.map((e) => e.end));
  const local = valid.map((e) => ({ start: e.start - start, end: e.end - start, replacement: e.replacement }));
  return { start, end, replacement: applyEdits(text.slice(start, end), local) };
}

/** Characters of context on each side that identify a skipped finding. */
export const SKIP_CONTEXT = 40;

/**
 * A key that names a finding by its rule, its text and the text around it,
 * so that a skipped finding stays hidden while its surroundings are unchanged.
 */
export function skipKey(text, f) {
  const before = text.slice(Math.max(0, f.start - SKIP_CONTEXT), f.start);
  const after = text.slice(f.end, f.end + SKIP_CONTEXT);
  return `${f.rule}\u0000${before}\u0000${f.text}\u0000${after}`;
}

/** Lower case, ё → е: the key of «the same» phrase for «Исправить все такие». */
export function sameKey(f) {
  return `${f.rule}\u0000${f.text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ")}`;
}

/** Whether a finding can be fixed by one click. */
export function fixable(f) {
  return Array.isArray(f.edits) && f.edits.length > 0;
}
