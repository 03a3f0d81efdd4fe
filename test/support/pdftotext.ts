import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The text of a PDF as poppler's `pdftotext -layout` reads it (another reader than pdf.js, the one people
 * use on the command line), one trimmed line per row, runs of spaces collapsed, empty rows dropped.
 */
export function pdftotextLines(bytes: Uint8Array): string[] {
  return pdftotextPages(bytes).flat();
}

/** The same, page by page (pdftotext ends each page with a form feed). */
export function pdftotextPages(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "credito-pdftotext-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    return text
      .split("\f")
      .slice(0, -1)
      .map((page) =>
        page
          .split("\n")
          .map((l) => l.replace(/\s+/g, " ").trim())
          .filter(Boolean),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
