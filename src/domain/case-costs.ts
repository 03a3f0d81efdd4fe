// The costs the company bore on a case (the bank's fee on a returned RiBa or SDD, and others to come), as
// data: the label is the catalogue's, chosen at display time from the kind, never a stored sentence.
import type { IsoDate } from "./calendar";
import type { Cents } from "./money";

/** What a returned collection was: the bank movement's kind. */
export type ReturnedKind = "riba_returned" | "sdd_returned";

/** One cost line: `what` is the catalogue key of its label. */
export interface CaseCostLine {
  date: IsoDate;
  /** riba_returned | sdd_returned (a bank fee and the movement it came with) | bank_fee | other */
  what: ReturnedKind | "bank_fee" | "other";
  amountCents: Cents;
  /** free text someone wrote, if any */
  note: string | null;
}

export interface CaseCosts {
  lines: CaseCostLine[];
  totalCents: Cents;
  /** how many of the lines are the fee of a returned RiBa or SDD */
  returnedCount: number;
}

/** The sentences bank-import stored in `note` before 0012 (in either language): the kind, not free text. */
const OLD_NOTES: Readonly<Record<string, ReturnedKind>> = {
  "RiBa insoluta": "riba_returned",
  "SDD insoluto": "sdd_returned",
  "RiBa returned unpaid": "riba_returned",
  "SDD returned unpaid": "sdd_returned",
};

/**
 * A stored CaseCost as a line: a bank fee takes the kind of the movement it came from (read through its
 * `source`), else the kind an old row spelt out in its note. Such a note is dropped: it was the label.
 */
export function costLine(
  row: { date: IsoDate; kind: string; amountCents: Cents; note: string | null },
  movementKind: string | null,
): CaseCostLine {
  const fromNote = row.note ? OLD_NOTES[row.note] : undefined;
  const returned: ReturnedKind | undefined =
    movementKind === "riba_returned" || movementKind === "sdd_returned" ? movementKind : fromNote;
  const what = row.kind === "bank_fee" ? (returned ?? "bank_fee") : "other";
  return {
    date: row.date,
    what,
    amountCents: row.amountCents,
    note: fromNote ? null : row.note,
  };
}

/** The lines, oldest first, with their total. */
export function caseCosts(lines: readonly CaseCostLine[]): CaseCosts {
  const sorted = [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    lines: sorted,
    totalCents: sorted.reduce((s, l) => s + l.amountCents, 0),
    returnedCount: sorted.filter((l) => l.what === "riba_returned" || l.what === "sdd_returned").length,
  };
}

export const NO_COSTS: CaseCosts = { lines: [], totalCents: 0, returnedCount: 0 };
