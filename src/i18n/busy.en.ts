import type { busyIt } from "./busy.it";

/** English messages of a busy database (issue 19). */
export const busyEn: typeof busyIt = {
  notKept:
    "The database is busy right now and I could not save. What you wrote is still here: try again in a few seconds.",
  clickNotKept: "The database is busy right now: the click was not recorded. Try again in a few seconds.",
  saving: {
    log: "Saved: the outcome is safe and I am recording it. I will tell you as soon as it is done.",
    approval: "Saved: your decision is safe and I am recording it. I will tell you as soon as it is done.",
    note: "Saved: the note is safe and I am recording it. I will tell you as soon as it is done.",
  } as Record<string, string>,
  what: { log: "the outcome", approval: "your decision", note: "the note" } as Record<string, string>,
  noteSaved: "Note recorded.",
  approvalRecorded: "Decision recorded.",
  failed: (what: string, detail: string) =>
    `I cannot record ${what}, but it is not lost: it stays among the pending submissions, which an admin can recover. Detail: ${detail}`,
  yourText: (text: string) => `What you wrote: ${text}`,
};
