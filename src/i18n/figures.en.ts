import type { figuresIt } from "./figures.it";

/** English wording shared by the surfaces that show the overdue figure (issue 13). Spread into en.ts. */
export const figuresEn: typeof figuresIt = {
  figures: {
    disputedPart: "of which disputed",
    ofWhichDisputed: (amount: string) => `of which disputed ${amount}`,
  },
};
