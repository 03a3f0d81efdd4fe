/** Italian wording of import results that explain themselves (issue 13, point 8). Spread into it.ts. */
export const importReportIt = {
  importReport: {
    fileNotImported: (what: string) => `File non importato: ${what}`,
    nothingImported: "Non ho importato nulla: nessuna modifica salvata.",
  },
};
