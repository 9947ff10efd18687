/**
 * The one CSV writer (and its reader) behind every export: checklists, readiness, situation
 * reports, scenarios and drill scores. Files open in Excel, which runs a cell that starts with
 * = + - @ (or a tab or CR, which it strips first) as a formula, so such a cell gets a leading
 * single quote (OWASP's rule), numbers included: `-1+HYPERLINK(…)` and -3 come out as text.
 */

export type CsvValue = string | number | boolean | null | undefined;

// A cell that already starts with quotes before a formula character gets one more, so that
// reading strips exactly one and every value comes back as it was written.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** One cell: empty for nothing, yes/no for booleans, formula-looking text neutralised, quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark and CRLF lines, so Excel opens the Japanese text correctly. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** An export as a table: its header, then per row each column's cell in header order. */
export function csvTable<Column extends string, Row>(columns: readonly Column[], cellOf: Record<Column, (row: Row) => CsvValue>, rows: readonly Row[]): string {
  return toCsv([columns, ...rows.map((row) => columns.map((col) => cellOf[col](row)))]);
}

/** What a cell written by csvCell held: the quote it added to a formula-looking value comes off. */
const cellValue = (field: string) => (NEUTRALISED.test(field) ? field.slice(1) : field);

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Reads our own exports back exactly. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  const endField = () => {
    row.push(cellValue(field));
    field = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
