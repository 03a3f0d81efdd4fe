import type { IsoDate } from "./calendar";

/**
 * A written reminder sent, as the contact it made shows it: kept as data (the reminder's own row) and put
 * into words at display time, so a change of locale leaves no sentence of the other language behind.
 */
export interface ReminderContact {
  /** the step: courtesy, firm, formal_notice... (see REMINDER_STEPS) */
  step: string;
  subject: string;
  recipient: string | null;
  /** the PEC's delivery receipt, as the company's wall clock reads it */
  delivered: { date: IsoDate; time: string } | null;
}
