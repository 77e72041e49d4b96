// The edge's type decision from magic numbers: what each kind of file is taken for, whatever its name.
import { describe, expect, it } from "vitest";
import {
  makeDocx,
  makePdf,
  makeZip,
} from "../../../inference-bridge/test/support/document-fixtures";
import { sniffKind } from "../../../worker/knowledge/sniff";

const text = (s: string) => new TextEncoder().encode(s);

describe("sniffKind", () => {
  it("recognises PDF, DOCX, HTML, Markdown and plain text from their bytes", () => {
    expect(sniffKind(makePdf([["Hello"]]))).toBe("pdf");
    expect(sniffKind(makeDocx([{ text: "Hello" }]))).toBe("docx");
    expect(sniffKind(text("<!DOCTYPE html><html><body><p>Hi</p></body></html>"))).toBe("html");
    expect(sniffKind(text("# Title\n\nSome text."))).toBe("md");
    expect(sniffKind(text("Just a few plain sentences."))).toBe("txt");
  });

  it("refuses a ZIP archive that is not a Word document", () => {
    expect(() => sniffKind(makeZip([{ name: "xl/workbook.xml", data: text("<x/>") }]))).toThrow(
      /not a Word document/,
    );
  });

  it("refuses a PDF with a ZIP archive appended (a polyglot)", () => {
    const polyglot = new Uint8Array([
      ...makePdf([["Hi"]]),
      ...makeZip([{ name: "a.txt", data: text("x") }]),
    ]);
    expect(() => sniffKind(polyglot)).toThrow(/both a PDF and a ZIP/);
  });

  it("refuses Linux programs and text that is not UTF-8", () => {
    expect(() => sniffKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toThrow(
      /Linux program/,
    );
    expect(() => sniffKind(new Uint8Array([0xc3, 0x28, 0x41]))).toThrow(/UTF-8/);
  });
});
