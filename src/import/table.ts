// Bytes -> table of cells: CSV (";" "," or tab, UTF-8 or Windows-1252) and XLSX (first sheet with data).

import { parse as parseCsv } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Cell } from "./fields";
import { ImportFileError } from "./types";

export interface Table {
  /** rows as read, each with its 1-based row number as the user sees it */
  rows: Array<{ row: number; cells: Cell[] }>;
  encoding?: string;
}

/** Sniffed container of a file, from its first bytes (the extension comes second). */
export type Sniffed = "xlsx" | "xls" | "xml" | "p7m" | "pdf" | "text" | "binary";

export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const lower = fileName.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  if (
    lower.endsWith(".p7m") ||
    (bytes[0] === 0x30 && bytes[1] === 0x80) ||
    (bytes[0] === 0x30 && bytes[1] === 0x82)
  ) {
    return "p7m";
  }
  const head = decodeText(bytes.subarray(0, 512), true).text.replace(/^\s+/, "");
  if (head.startsWith("<?xml") || /^<([\w-]+:)?FatturaElettronica\b/.test(head)) return "xml";
  if (lower.endsWith(".xml") && head.startsWith("<")) return "xml";
  const sample = bytes.subarray(0, 4096);
  const isUtf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!isUtf16 && sample.includes(0)) return "binary";
  return "text";
}

/**
 * Text from bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8 and anything else is
 * taken as Windows-1252 (what Italian accounting software on Windows writes: "Società", "Caffè").
 */
export function decodeText(bytes: Uint8Array, lenient = false): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.toString("utf8", 3), encoding: "utf-8" };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: !lenient }).decode(buf), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(buf, "windows-1252"), encoding: "windows-1252" };
  }
}

/** The separator of the first non-empty line: the most frequent of ; , tab outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 5);
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
    ["|", 0],
  ]);
  for (const line of firstLines) {
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best = ";";
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function readCsv(bytes: Uint8Array, file: string): Table {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") throw new ImportFileError(file, "emptyFile");
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (err) {
    throw new ImportFileError(file, "unreadable", err instanceof Error ? err.message : String(err));
  }
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })), encoding };
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return excelCell(value.result as ExcelValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Table> {
  const { default: Excel } = await import("exceljs"); // loaded on first use, not at start-up
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (err) {
    throw new ImportFileError(file, "unreadable", err instanceof Error ? err.message : String(err));
  }
  const sheet =
    wb.worksheets.find((ws) => ws.actualRowCount > 0 && ws.state === "visible") ?? wb.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ImportFileError(file, "emptyFile");
  const rows: Table["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelValue[]; // 1-based: values[0] is empty
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return { rows };
}
