import { formatDateShort } from "../domain/calendar";
import type { ReminderContact } from "../domain/contacts";
import type { Locale } from "./index";
import { reminderMessages } from "./reminders";

/**
 * What a contact's notes read: the collector's own words, or, for a written reminder, its step, subject and
 * recipient, and the PEC delivery once its receipt came.
 */
export function contactNotes(
  c: { notes: string | null; reminder?: ReminderContact | null },
  locale: Locale,
): string | null {
  const r = c.reminder;
  if (!r) return c.notes;
  const t = reminderMessages(locale);
  const sent = `${(t.step as Record<string, string>)[r.step] ?? r.step}: ${r.subject}${r.recipient ? ` (${r.recipient})` : ""}`;
  return r.delivered
    ? `${sent} · ${t.deliveredNote(`${formatDateShort(r.delivered.date, locale)} ${r.delivered.time}`)}`
    : sent;
}
