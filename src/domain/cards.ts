/**
 * The data behind Credito's Slack messages: the services fill these, the Block Kit builders in src/messages/
 * draw them. Pure data, here so that builders and services both depend on the domain and not on each other.
 */
import type { Allocation } from "./bank-matching";
import type { IsoDate } from "./calendar";
import type { CaseCosts } from "./case-costs";
import type { CustomerPosition } from "./positions";
import type { Task } from "./tasks";

/** The morning digest: the day's figures and tasks. */
export interface DigestData {
  date: IsoDate;
  /** first day covered (Monday covers the weekend) */
  windowStart: IsoDate;
  overdueCents: number;
  /** the disputed part of overdueCents */
  disputedCents: number;
  promisedTodayCents: number;
  tasks: readonly Task[];
  /** Slack ids of the owners, mentioned on the decisions that wait for them. */
  ownerSlackIds?: readonly string[];
}

/** A case's parent message in the credit channel. */
export interface CaseCard {
  caseId: number;
  stage: string;
  closedOn: string | null;
  closeReason: string | null;
  assignee: { name: string; slackUserId: string } | null;
  position: CustomerPosition;
  /** what the case cost the company (bank fees…): a line on the parent when there are any */
  costs?: Pick<CaseCosts, "totalCents" | "returnedCount">;
}

/** An approval request (settlement, agency, legal, write-off) as its message shows it. */
export interface ApprovalCard {
  id: number;
  kind: string;
  status: string;
  amountCents: number | null;
  writeOffCents: number | null;
  terms: string | null;
  exposureCents: number;
  customerName: string;
  requestedBySlackId: string;
  ownerSlackIds: string[];
  /** mentioned and offered the "Obietto" button for relationship-preservation customers */
  salespersonSlackId: string | null;
  preserveRelationship: boolean;
  decidedBySlackId: string | null;
  decidedOn: string | null;
  reason: string | null;
  objectedBySlackIds: string[];
}

/** A field trip's parent message: the collector, the dates, the visits. */
export interface TripCard {
  id: number;
  area: string;
  startDate: IsoDate;
  endDate: IsoDate;
  status: string;
  collector: { name: string; slackUserId: string } | null;
  costCents: number;
  closedOn: IsoDate | null;
  visits: {
    customerId: number;
    name: string;
    code: string;
    address: string;
    province: string | null;
    phone: string | null;
    note: string | null;
    plannedDate: IsoDate | null;
    status: string;
    openCents: number;
  }[];
}

/**
 * Who wrote a trip debrief's narrative: the AI, the deterministic text, its fallback, or the baseline kept
 * because the AI's text named facts not in the data.
 */
export type NarrativeSource = "ai" | "deterministic" | "fallback" | "invented";

/** Who wrote a case summary: the AI, its fallback, or the deterministic text. */
export type SummarySource = "ai" | "fallback" | "deterministic";

/** The proposed movements of a bank import (with what was decided on the others), for its Slack message. */
export interface BankProposals {
  fileName: string;
  /** the DM the statement came from */
  channelId: string | null;
  /** names of the customers named in the proposals, by id */
  customers: Map<number, string>;
  /** numbers of the invoices named in the proposals, by id */
  invoices: Map<number, string>;
  movements: {
    id: number;
    bookingDate: string;
    amountCents: number;
    description: string;
    counterpartyName: string | null;
    kind: string;
    outcome: string;
    customerId: number | null;
    decidedBy: string | null;
    reason: string;
    candidates: { customerId: number; allocation: Allocation[] }[];
  }[];
}
