import type { Db } from "../db/client";

// The single-row reads the Slack listeners need before they act or draw a modal (a button names a customer,
// a trip, a bank movement, a reminder by id). Anything more than a row by id belongs to a feature's service.

export function customerById(db: Db, id: number) {
  return db.customer.findUnique({ where: { id } });
}

export function tripById(db: Db, id: number) {
  return db.fieldTrip.findUnique({ where: { id } });
}

export function bankMovementById(db: Db, id: number) {
  return db.bankMovement.findUnique({ where: { id } });
}

export function reminderById(db: Db, id: number) {
  return db.reminder.findUnique({ where: { id }, include: { customer: true } });
}
