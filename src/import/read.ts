// One entry point for every import file: sniffs the type, decodes, reads the table or the XML.

import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { readFatturaPA } from "./fatturapa";
import { cellText } from "./fields";
import { type Field, guessKind } from "./headers";
import { findHeader, readTable } from "./rows";
import { decodeText, readCsv, readXlsx, sniff, type Table } from "./table";
import { ImportFileError, type ImportKind, type ParsedFile } from "./types";

export interface ImportInput {
  /** name shown in reports (file name, or the name of a file shared in Slack) */
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  kind?: ImportKind;
  map?: Map<string, Field>;
}

const FOLDER_EXTENSIONS = new Set([".csv", ".txt", ".xlsx", ".xml", ".p7m"]);

/** Files named on the command line; a folder stands for the import files directly inside it, sorted by name. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => FOLDER_EXTENSIONS.has(extname(n).toLowerCase())).sort();
      out.push(...names.map((n) => join(p, n)));
    } else {
      out.push(p);
    }
  }
  return out;
}

export async function loadInput(path: string): Promise<ImportInput> {
  return { name: basename(path), bytes: await readFile(path) };
}

/** Reads one file into records. File-level problems throw ImportFileError; row problems are in `errors`. */
export async function readImportFile(input: ImportInput, opts: ReadOptions = {}): Promise<ParsedFile> {
  const { name, bytes } = input;
  if (bytes.length === 0) throw new ImportFileError(name, "emptyFile");
  const type = sniff(bytes, name);
  if (type === "xls") throw new ImportFileError(name, "oldExcel");
  if (type === "p7m") throw new ImportFileError(name, "signedP7m");
  if (type === "pdf" || type === "binary") throw new ImportFileError(name, "notText");
  if (type === "xml") {
    if (opts.kind && opts.kind !== "fatturapa") throw new ImportFileError(name, "unknownKind", opts.kind);
    return readFatturaPA(decodeText(bytes, true).text, name);
  }
  if (opts.kind === "fatturapa") throw new ImportFileError(name, "notFatturaPA", extname(name) || type);
  let table: Table;
  if (type === "xlsx") table = await readXlsx(bytes, name);
  else table = readCsv(bytes, name);
  const map = opts.map ?? new Map<string, Field>();
  let kind = opts.kind as Exclude<ImportKind, "fatturapa"> | undefined;
  if (!kind) {
    const at = findHeader(table, map);
    kind = (guessKind(name, at >= 0 ? table.rows[at]!.cells : [], map) ?? undefined) as typeof kind;
    if (!kind) {
      const first = table.rows[Math.max(at, 0)]?.cells ?? [];
      throw new ImportFileError(name, "unknownKind", first.map(cellText).join(" | ").slice(0, 200));
    }
  }
  return readTable(table, name, kind, map, type === "xlsx" ? "xlsx" : "csv");
}
