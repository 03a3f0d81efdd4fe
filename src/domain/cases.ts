/**
 * The words of a collection case, defined once: the stages a case goes through, why it closes, what an owner
 * is asked to approve, and who may do what. Services, builders and listeners import them from here.
 */

/** Where an open case stands. */
export type OpenCaseStage =
  | "internal"
  | "credit_hold"
  | "settlement"
  | "settlement_agreed" // an approved saldo e stralcio being collected
  | "plan_agreed" // an instalment plan agreed with the customer, being collected
  | "agency"
  | "legal";

/** A case's stage as stored: an open stage, or "closed" (set only by closing it, with a close reason). */
export type CaseStage = OpenCaseStage | "closed";

/** Why a case closed. */
export type CloseReason = "paid" | "settled" | "agency" | "legal" | "written_off";

/** What an owner is asked to approve on a case. */
export type ApprovalKind = "settlement" | "agency" | "legal" | "write_off";

/** A team member's role: who may approve, send to legal, manage the team, is checked on the server. */
export type Role = "admin" | "sales" | "owner";
export const ROLES: readonly Role[] = ["admin", "sales", "owner"];
