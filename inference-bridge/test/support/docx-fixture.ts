/**
 * Word documents for tests and the evaluation corpus, written the way Word writes them: styles
 * (Heading 1–6, List Paragraph, Table Grid), numbering definitions with lists as `w:numPr` paragraphs
 * (each numbered list restarting at 1), tables (`w:tbl`, the header row marked and bold), bold and
 * italic runs, line breaks inside a paragraph, and fixed document properties so the same content always
 * gives the same bytes. No dependency and no Node API, so workerd tests can use it too.
 */
import { makeZip } from "./zip-fixture";

const encoder = new TextEncoder();
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A run of text with its formatting; `{ break: true }` is a line break inside the paragraph. */
export type DocxRun = { text: string; bold?: boolean; italic?: boolean } | { break: true };

/** A paragraph: plain `text` or formatted `runs`, with a heading style or as a list item. */
export interface DocxParagraph {
  text?: string;
  runs?: DocxRun[];
  heading?: 1 | 2 | 3 | 4 | 5 | 6;
  list?: "bullet" | "number";
  /** List nesting, 0 outermost. */
  level?: number;
}

/** A table; with `header`, its first row is Word's repeating header row, in bold. */
export interface DocxTable {
  table: (string | DocxRun[])[][];
  header?: boolean;
}

/** What a document body holds. */
export type DocxContent = DocxParagraph | DocxTable;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c,
  );
}

function runXml(run: DocxRun, forceBold = false): string {
  if ("break" in run) return "<w:r><w:br/></w:r>";
  const props = `${run.bold || forceBold ? "<w:b/><w:bCs/>" : ""}${run.italic ? "<w:i/><w:iCs/>" : ""}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
}

function tableXml(table: DocxTable): string {
  const columns = Math.max(1, ...table.table.map((row) => row.length));
  const width = Math.floor(9000 / columns);
  const rows = table.table.map((row, r) => {
    const header = table.header === true && r === 0;
    const cells = row.map((cell) => {
      const runs = typeof cell === "string" ? [{ text: cell }] : cell;
      return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p>${runs.map((run) => runXml(run, header)).join("")}</w:p></w:tc>`;
    });
    return `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells.join("")}</w:tr>`;
  });
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>${grid}${rows.join("")}</w:tbl>`;
}

function levels(format: "bullet" | "decimal"): string {
  return Array.from({ length: 3 }, (_, level) => {
    const text = format === "bullet" ? ["•", "o", "▪"][level] : `%${level + 1}.`;
    return `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
  }).join("");
}

function numberingXml(numberedLists: number): string {
  // numId 1 is the bullet list; every numbered list gets its own numId restarting at 1, as Word does.
  const nums = Array.from(
    { length: numberedLists },
    (_, i) =>
      `<w:num w:numId="${i + 2}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels("bullet")}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels("decimal")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>${nums.join("")}</w:numbering>`;
}

const HEADING_SIZES = [32, 26, 24, 22, 22, 22];
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${HEADING_SIZES.map(
  (size, i) =>
    `<w:style w:type="paragraph" w:styleId="Heading${i + 1}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${i}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`,
).join(
  "",
)}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style></w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/></Relationships>`;

function coreXml(title: string, date: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Coach</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;
}

/**
 * A DOCX of the given content. `{ text, heading: 1 }` uses Word's Heading 1 style; `{ text, list:
 * "number" }` is an item of a numbered list (consecutive items form one list); `{ table: [...] }` a
 * table. `title` and `date` (ISO 8601) fill the document properties.
 */
export function makeDocx(
  content: DocxContent[],
  options: { title?: string; date?: string } = {},
): Uint8Array {
  let numberedLists = 0;
  let previousList: DocxParagraph["list"];
  const body = content.map((block) => {
    if ("table" in block) {
      previousList = undefined;
      return tableXml(block);
    }
    const runs = block.runs ?? [{ text: block.text ?? "" }];
    let props = block.heading ? `<w:pStyle w:val="Heading${block.heading}"/>` : "";
    if (block.list) {
      if (block.list === "number" && previousList !== "number") numberedLists++;
      const numId = block.list === "bullet" ? 1 : numberedLists + 1;
      props = `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${block.level ?? 0}"/><w:numId w:val="${numId}"/></w:numPr>`;
    }
    previousList = block.list;
    return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs.map((run) => runXml(run)).join("")}</w:p>`;
  });
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return makeZip([
    { name: "[Content_Types].xml", data: encoder.encode(CONTENT_TYPES) },
    { name: "_rels/.rels", data: encoder.encode(PACKAGE_RELS) },
    {
      name: "docProps/core.xml",
      data: encoder.encode(coreXml(options.title ?? "", options.date ?? "2025-01-01T00:00:00Z")),
    },
    { name: "word/_rels/document.xml.rels", data: encoder.encode(DOCUMENT_RELS) },
    { name: "word/styles.xml", data: encoder.encode(STYLES) },
    { name: "word/numbering.xml", data: encoder.encode(numberingXml(numberedLists)) },
    { name: "word/document.xml", data: encoder.encode(document) },
  ]);
}
