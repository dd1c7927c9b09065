// Builds a small but real .docx (a ZIP with WordprocessingML) from paragraphs,
// the way Word stores them: deflated parts, runs split inside a paragraph.
// The ZIP itself is written by fflate.

import { strToU8, zipSync } from "fflate";

const xmlEscape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function documentXml(paragraphs) {
  const body = paragraphs
    .map((p) => {
      // Split each paragraph into two runs, as Word often does (spell check, formatting).
      const cut = p.indexOf(" ", Math.floor(p.length / 2));
      const runs = cut > 0 ? [p.slice(0, cut), p.slice(cut)] : [p];
      const xml = runs
        .map((r, i) => `<w:r>${i ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${xmlEscape(r)}</w:t></w:r>`)
        .join("");
      return `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${xml}</w:p>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

const PARTS = (paragraphs) => [
  [
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  ],
  [
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  ],
  ["word/document.xml", documentXml(paragraphs)],
];

/** A .docx file (as a Buffer) whose body is the given paragraphs: deflated parts, UTF-8 names. */
export function makeDocx(paragraphs) {
  return Buffer.from(zipSync(Object.fromEntries(PARTS(paragraphs).map(([name, xml]) => [name, strToU8(xml)]))));
}
