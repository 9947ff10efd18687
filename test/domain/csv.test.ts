import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "../../src/domain/csv";
import { plainCsv } from "./plain-csv";

const FORMULA = /^[=+\-@\t\r]/;

describe("the CSV writer", () => {
  it("starts with a byte-order mark, ends lines with CRLF and quotes what needs it", () => {
    const csv = toCsv([
      ["部署", "メモ"],
      ["上下水道部", 'a,"b"\n2行目'],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFF部署,メモ\r\n上下水道部,"a,""b""\n2行目"\r\n');
  });

  it("writes nothing for null, yes/no for booleans and plain numbers as they are", () => {
    expect([null, undefined, true, false, 42, 1.5].map(csvCell)).toEqual(["", "", "yes", "no", "42", "1.5"]);
  });

  it("puts a single quote before every cell a spreadsheet would run as a formula, numbers included", () => {
    expect(csvCell('-1+HYPERLINK("http://evil","x")')).toBe(`"'-1+HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+81 154")).toBe("'+81 154");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell(-3)).toBe("'-3");
    expect(csvCell("-")).toBe("'-");
  });

  it("leaves no cell that starts with a formula character, for any text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        for (const cell of plainCsv(toCsv(rows)).flat()) expect(cell).not.toMatch(FORMULA);
      }),
    );
  });

  it("reads back what it wrote, cell for cell, formula-looking and quoted text included (property)", () => {
    const tricky = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "\n", ",", '"', "a", "火", " ") });
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(tricky, fc.string()), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it("reads a standard CSV: quoted commas and line breaks, a byte-order mark, LF or CRLF lines", () => {
    expect(parseCsv('\uFEFFa,"b\nc",d\ne,f,g')).toEqual([
      ["a", "b\nc", "d"],
      ["e", "f", "g"],
    ]);
  });
});
