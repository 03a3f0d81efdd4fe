import type { Db, Tx } from "../../db/client";
import { dateInZone, timeInZone } from "../../domain/calendar";
import type { ReminderContact } from "../../domain/contacts";

/** The written reminders behind these contacts (Interaction ids), by contact. */
export async function loadReminderContacts(
  db: Db | Tx,
  interactionIds: readonly number[],
  timeZone: string,
): Promise<Map<number, ReminderContact>> {
  if (interactionIds.length === 0) return new Map();
  const rows = await db.reminder.findMany({
    where: { interactionId: { in: [...interactionIds] } },
    select: { interactionId: true, step: true, subject: true, recipient: true, deliveredAt: true },
  });
  return new Map(
    rows.map((r) => [
      r.interactionId!,
      {
        step: r.step,
        subject: r.subject,
        recipient: r.recipient,
        delivered: r.deliveredAt
          ? { date: dateInZone(r.deliveredAt, timeZone), time: timeInZone(r.deliveredAt, timeZone) }
          : null,
      },
    ]),
  );
}
