// Turns HTML from the clipboard (Word, LibreOffice, a web page) into plain
// text with its paragraphs. The HTML is never handed to the browser's parser:
// a small tokenizer reads tags and text, so no element is ever created, no
// script can run, no image loads and no attribute is even looked at.

/** Elements whose content is not text for the reader; skipped with nesting. */
const SKIP = new Set([
  "head", "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
  "title", "textarea", "select", "button", "video", "audio", "canvas", "xml", "noembed", "noframes", "xmp",
]);

/** Elements whose content is raw text up to their end tag (no tags inside). */
const RAW = new Set(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "xml"]);

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
  "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);

const CELL = new Set(["td", "th"]);

// Comments, Word's conditional blocks, doctype, processing instructions, tags (quotes respected), text.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<|[^<]+/g;

const NAMED = new Map([
  ["nbsp", "\u00a0"], ["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"],
  ["laquo", "«"], ["raquo", "»"], ["mdash", "—"], ["ndash", "–"], ["hellip", "…"], ["shy", "\u00ad"],
]);

let entityDecoder = null;

/** Decodes character references. Unusual named ones are resolved by parsing the bare reference alone. */
export function decodeEntities(s) {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (all, ref) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
    }
    if (NAMED.has(ref)) return NAMED.get(ref);
    // `all` is only "&" + letters and digits (+ ";"): no tag, no attribute.
    entityDecoder ??= new DOMParser();
    const text = entityDecoder.parseFromString(all, "text/html").body.textContent;
    return text || all;
  });
}

/** Plain text of an HTML fragment; block elements become paragraphs separated by a blank line. */
export function htmlToPlainText(html) {
  const paragraphs = [];
  let line = "";
  let pre = 0;
  const skipping = []; // names of open skipped elements

  const flush = () => {
    const p = line
      .split("\n")
      .map((l) => (pre ? l.replace(/\s+$/u, "") : l.replace(/[ \t\u00a0]+/gu, " ").trim()))
      .join("\n")
      .replace(/^\n+|\n+$/g, "");
    if (p.replace(/[\s\u00a0]/gu, "") !== "") paragraphs.push(p);
    line = "";
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [tok, slash, rawName, attrs] = m;
    if (rawName === undefined) {
      if (tok.startsWith("<!") || tok.startsWith("<?")) continue; // comment, doctype, conditional
      if (skipping.length) continue;
      const text = decodeEntities(tok);
      line += pre ? text.replace(/\r\n?/g, "\n") : text.replace(/[\r\n\t ]+/g, " ");
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === "/";
    const selfClosing = /\/\s*$/.test(attrs);

    if (skipping.length) {
      const top = skipping[skipping.length - 1];
      if (closing && name === top) skipping.pop();
      else if (!closing && !selfClosing && name === top) skipping.push(name);
      continue;
    }
    if (SKIP.has(name)) {
      if (closing || selfClosing) continue;
      if (RAW.has(name)) {
        // Jump past the end tag: nothing inside is markup.
        const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
        if (end < 0) break;
        TOKEN.lastIndex = end;
        continue;
      }
      skipping.push(name);
      continue;
    }
    if (name === "br") {
      line += "\n";
    } else if (CELL.has(name)) {
      if (!closing && line && !/[\t\n ]$/.test(line)) line += "\t";
    } else if (BLOCK.has(name)) {
      flush();
      if (name === "pre") pre = Math.max(0, pre + (closing ? -1 : 1));
    }
  }
  flush();
  return paragraphs.join("\n\n");
}

/** Normalises line ends of plain text from the clipboard or a file. */
export function normaliseNewlines(text) {
  return text.replace(/\r\n?/g, "\n");
}
