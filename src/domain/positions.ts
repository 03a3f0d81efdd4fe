/**
 * What a customer and the team owe, as the services compute it and the builders show it (App Home, the case
 * parent, the customer card, the log modal). Pure data.
 */
import type { IsoDate } from "./calendar";
import type { CaseCosts } from "./case-costs";
import type { ReminderContact } from "./contacts";
import type { CustomerNote } from "./customer-note";

/** What a collector needs before a call: exposure, oldest due date, last contact, promises, the note. */
export interface CustomerPosition {
  id: number;
  code: string;
  name: string;
  vatNumber: string | null;
  city: string | null;
  province: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  pec: string | null;
  creditHold: boolean;
  preserveRelationship: boolean;
  salesperson: { name: string; slackUserId: string } | null;
  note: CustomerNote;
  openCents: number;
  overdueCents: number;
  /** the disputed part of overdueCents */
  disputedCents: number;
  oldestDueDate: IsoDate | null;
  daysOverdue: number;
  openInvoices: {
    number: string;
    installment: number;
    dueDate: IsoDate;
    openCents: number;
    status: string;
  }[];
  lastContact: { date: IsoDate; channel: string; outcome: string; by: string | null } | null;
  openPromises: { id: number; amountCents: number; dueDate: IsoDate; status: string }[];
}

export interface PromiseDue {
  customerCode: string;
  customerName: string;
  amountCents: number;
  dueDate: IsoDate;
  status: string;
}

/** The team's current position, as App Home shows it. */
export interface TeamPosition {
  today: IsoDate;
  openCents: number;
  overdueCents: number;
  /** the disputed part of overdueCents */
  disputedCents: number;
  customersOverdue: number;
  creditHoldCents: number;
  casesByStage: { stage: string; count: number }[];
  promisesThisWeek: PromiseDue[];
}

/** Everything the `/credito cliente` card shows. */
export interface CustomerCardData {
  position: CustomerPosition;
  promises: {
    amountCents: number;
    dueDate: IsoDate;
    sequence: number;
    status: string;
    paidCents: number;
    createdOn: IsoDate;
  }[];
  contacts: {
    date: IsoDate;
    channel: string;
    outcome: string;
    by: string | null;
    notes: string | null;
    /** a written reminder sent: its words come from it at display time */
    reminder: ReminderContact | null;
  }[];
  openCase: { id: number; stage: string; channelId: string | null; threadTs: string | null } | null;
  /** what the open case cost the company (bank fees of returned RiBa/SDD) */
  costs?: Pick<CaseCosts, "totalCents" | "returnedCount">;
}

/** What the log modal and the validation need to know about a customer. */
export interface LogCustomer {
  position: CustomerPosition;
  /** open (and disputed) invoices with their ids, oldest due first */
  invoices: {
    id: number;
    number: string;
    installment: number;
    dueDate: IsoDate;
    openCents: number;
    status: string;
  }[];
  /** the latest promise still open, if any */
  openPromise: { amountCents: number; dueDate: IsoDate } | null;
}
