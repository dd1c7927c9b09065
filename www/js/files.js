// Reading files in the browser: .txt (UTF-8, UTF-16 or Windows-1251) and
// .docx (through the yasno package in the worker).

import { normaliseNewlines } from "./paste.js";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function fileKind(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith(".docx")) return "docx";
  if (name.endsWith(".txt") || name.endsWith(".text") || file.type === "text/plain") return "txt";
  return null;
}

/** Decodes a plain text file, guessing its encoding. */
export function decodeText(buf) {
  const bytes = new Uint8Array(buf);
  let text;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1251").decode(bytes);
    }
  }
  return normaliseNewlines(text.replace(/^\uFEFF/, ""));
}
