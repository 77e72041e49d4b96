/**
 * The PDF guard: what pdf.js would decode to extract text is decoded first, within caps, and refused
 * when it would expand past them (one stream, Flate in Flate, object streams, Brotli), when one string
 * or one page's text is longer than any page holds, when forms draw each other exponentially, or when
 * the file is encrypted. Ordinary PDFs, object streams and every text filter pass and read as before.
 */
import { brotliCompressSync, constants, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ascii85, asciiHex, lzw, runLength } from "../../src/ingest/guard/pdf-filters";
import { checkPdf } from "../../src/ingest/guard/pdf-guard";
import { parseDocument } from "../../src/ingest/parse-document";
import { makePdf } from "../support/document-fixtures";
import {
  flateBombPdf,
  formFanOutPdf,
  nestedFlatePdf,
  objectStreamBombPdf,
  pdfFile,
  pdfStream,
} from "../support/hostile-pdfs";

const MIB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const PAGE_TREE = [
  "<< /Type /Catalog /Pages 2 0 R >>",
  "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
];
const PAGE =
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>";

/** A one-page PDF whose content stream is `data` under `filters`. */
function onePage(filters: string, data: Uint8Array): Uint8Array {
  return pdfFile([...PAGE_TREE, PAGE, pdfStream(filters ? `/Filter ${filters}` : "", data)]);
}

async function refusal(bytes: Uint8Array): Promise<{ code: string; status: number } | null> {
  try {
    await checkPdf(bytes);
    return null;
  } catch (error) {
    const { code, status } = error as { code: string; status: number };
    return { code, status };
  }
}

async function pageText(bytes: Uint8Array): Promise<string> {
  return (await parseDocument("pdf", bytes)).blocks.map((block) => block.text).join("\n");
}

describe("pdf guard lets real files through", () => {
  it("passes an ordinary PDF, an object stream, Flate in Flate and drawn forms, which read as before", async () => {
    const files = [
      makePdf([["Hello"], ["World"]]),
      await objectStreamBombPdf({ padBytes: 1024 }),
      await nestedFlatePdf(2, 4096),
      await formFanOutPdf(3, 3),
    ];
    for (const file of files) expect(await refusal(file)).toBeNull();
    expect(await pageText(files[1] as Uint8Array)).toBe("Hello");
    expect(await pageText(files[2] as Uint8Array)).toContain("nested");
  });

  it("decodes the text filters pdf.js reads (LZW, run length, ASCII hex, ASCII85) as pdf.js does", () => {
    // The LZW example of the PDF reference (7.4.4.2): "-----A---B".
    expect(
      new TextDecoder().decode(
        lzw(new Uint8Array([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), 100),
      ),
    ).toBe("-----A---B");
    expect(
      new TextDecoder().decode(
        runLength(new Uint8Array([2, 0x61, 0x62, 0x63, 254, 0x2d, 128]), 100),
      ),
    ).toBe("abc---");
    expect(new TextDecoder().decode(asciiHex(text("48 65 6c6C 6f>"), 100))).toBe("Hello");
    expect(new TextDecoder().decode(ascii85(text('87cURD]i,"Ebo80~>'), 100))).toBe("Hello World!");
  });

  it("passes content under Flate twice, and under Brotli", async () => {
    const content = text("BT /F1 12 Tf 72 700 Td (Filtered text) Tj ET");
    expect(
      await refusal(onePage("/BrotliDecode", new Uint8Array(brotliCompressSync(content)))),
    ).toBeNull();
    expect(
      await refusal(
        onePage("[/FlateDecode /FlateDecode]", new Uint8Array(deflateSync(deflateSync(content)))),
      ),
    ).toBeNull();
  });
});

describe("pdf guard refuses", () => {
  // No time bound here: speed belongs in bench/, and on a busy 2-core runner a one-second bound failed
  // for reasons that have nothing to do with the guard.
  it("a content stream holding one string of 30 MiB", async () => {
    const bomb = await flateBombPdf(30 * MIB);
    expect(await refusal(bomb)).toEqual({ code: "pdf_text_too_long", status: 413 });
  });

  it("a stream that inflates past the per-stream cap", async () => {
    expect(
      await refusal(
        onePage("/FlateDecode", new Uint8Array(deflateSync(Buffer.alloc(40 * MIB, 0x20)))),
      ),
    ).toEqual({ code: "pdf_too_large_inflated", status: 413 });
  });

  it("Flate inside Flate inside Flate", async () => {
    expect((await refusal(await nestedFlatePdf(3)))?.code).toBe("pdf_too_large_inflated");
  });

  it("a Brotli bomb", async () => {
    expect(
      (
        await refusal(
          onePage(
            "/BrotliDecode",
            new Uint8Array(
              brotliCompressSync(Buffer.alloc(100 * MIB), {
                params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
              }),
            ),
          ),
        )
      )?.code,
    ).toBe("pdf_too_large_inflated");
  });

  it("an object stream that inflates to 300 MB, and one holding a 30 MiB string", async () => {
    expect((await refusal(await objectStreamBombPdf({ padBytes: 300 * MIB })))?.code).toBe(
      "pdf_too_large_inflated",
    );
    expect((await refusal(await objectStreamBombPdf({ titleChars: 30 * MIB })))?.code).toBe(
      "pdf_text_too_long",
    );
  });

  it("a page whose many short strings add up to more text than any page holds", async () => {
    const content = `BT /F1 12 Tf ${`(${"word ".repeat(100)}) Tj `.repeat(10_000)} ET`;
    expect(
      (await refusal(onePage("/FlateDecode", new Uint8Array(deflateSync(content)))))?.code,
    ).toBe("pdf_text_too_long");
  });

  it("forms that draw each other ten times, eight levels deep", async () => {
    expect(await refusal(await formFanOutPdf(8, 10))).toEqual({
      code: "pdf_too_complex",
      status: 422,
    });
  });

  it("a chain of more filters than any writer uses", async () => {
    let data = text("BT ET");
    for (let i = 0; i < 5; i++) data = new Uint8Array(deflateSync(data));
    expect(
      (
        await refusal(
          onePage("[/FlateDecode /FlateDecode /FlateDecode /FlateDecode /FlateDecode]", data),
        )
      )?.code,
    ).toBe("pdf_too_complex");
  });

  it("an encrypted PDF, whose streams cannot be checked", async () => {
    expect((await refusal(makePdf([["Secret"]], { encrypted: true })))?.code).toBe("pdf_encrypted");
  });

  it("objects nested deeper than any real file", async () => {
    expect(
      (await refusal(pdfFile([...PAGE_TREE, PAGE, `<< /Deep ${"[".repeat(10_000)} >>`])))?.code,
    ).toBe("too_deeply_nested");
  });
});
