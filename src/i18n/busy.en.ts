import type { busyIt } from "./busy.it";

/** English messages of a busy database (issue 19). */
export const busyEn: typeof busyIt = {
  notKept:
    "The database is busy right now and I could not save. What you wrote is still here: try again in a few seconds.",
  clickNotKept: "The database is busy right now: the click was not recorded. Try again in a few seconds.",
  saving: (what: string) =>
    `Saved: ${what} is safe and I am recording it. I will tell you as soon as it is done.`,
  what: { log: "the outcome", approval: "your decision", note: "the note" } as Record<string, string>,
  noteSaved: "Note recorded.",
  approvalRecorded: "Decision recorded.",
  failed: (what: string, detail: string) =>
    `I cannot record ${what}: it is kept and an admin can recover it. Detail: ${detail}`,
  yourText: (text: string) => `What you wrote: ${text}`,
};
