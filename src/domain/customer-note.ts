// The salesperson's note on a customer, as collectors read it before a call, a visit or a dossier.
// Pure: no database types here; the three Customer columns are passed in by the services.

export interface CustomerNote {
  /** how to approach them */
  approach: string | null;
  /** what to watch out for */
  attention: string | null;
  /** whom to ask for */
  referencePerson: string | null;
}

/** The note kept in a customer's columns noteApproach, noteAttention and noteReferencePerson. */
export function customerNote(c: {
  noteApproach: string | null;
  noteAttention: string | null;
  noteReferencePerson: string | null;
}): CustomerNote {
  return { approach: c.noteApproach, attention: c.noteAttention, referencePerson: c.noteReferencePerson };
}
