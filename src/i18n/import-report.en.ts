import type { importReportIt } from "./import-report.it";

/** English wording of import results that explain themselves (issue 13, point 8). Spread into en.ts. */
export const importReportEn: typeof importReportIt = {
  importReport: {
    fileNotImported: (what: string) => `File not imported: ${what}`,
    nothingImported: "Nothing imported: no change saved.",
  },
};
