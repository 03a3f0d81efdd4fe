/** Italian wording shared by the surfaces that show the overdue figure (issue 13). Spread into it.ts. */
export const figuresIt = {
  figures: {
    /** under an overdue amount: its disputed part */
    /** the label of that part in the accountant's export */
    disputedPart: "di cui contestato",
    ofWhichDisputed: (amount: string) => `di cui contestato ${amount}`,
  },
};
