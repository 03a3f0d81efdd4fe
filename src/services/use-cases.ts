import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { DatabaseBusyError, retryBusy, unitOfWork } from "../db/unit-of-work";
import type { IsoDate } from "../domain/calendar";
import {
  checkEdits,
  confirmLetterPosted,
  decideReminder,
  prepareReminder,
  reminderModalFor,
  saveDraft,
  sendAllOfDay,
  submitReminder,
} from "../reminders/service";
import { checkBankChoice, recordBankChoice } from "./bank/bank-choice";
import { decideMovement, refreshProposals } from "./bank/bank-decisions";
import { canDecide, decideApproval, objectToApproval, updateApprovalDm } from "./cases/approvals";
import { askApproval } from "./cases/ask-approval";
import { assignCase, completeFollowup, setCreditHold, snoozeCase } from "./cases/case-actions";
import { openCaseLink } from "./cases/case-link";
import { caseByThread, recordCaseMessage } from "./cases/case-messages";
import { summarizeCase } from "./cases/case-summary";
import { postCaseLine } from "./cases/cases";
import { resolveDispute } from "./cases/disputes";
import { queueDossierUpload } from "./cases/dossier-upload";
import { lookupCustomer } from "./customers/customer-lookup";
import { findCustomers, loadCustomerCard, resolveCustomer } from "./customers/customer-search";
import { teamPosition } from "./customers/position";
import { buildDigest, postDigest } from "./digest/digest";
import { clearHardStep, deferProposal } from "./digest/digest-decisions";
import { importFromDm } from "./imports/import-from-dm";
import { bankMovementById, customerById, reminderById, tripById } from "./lookups";
import { loadLogCustomer, recordOutcome, validationContextFor } from "./outcomes/log-outcome";
import { submissionsFor } from "./pending-submissions";
import { postReport, reportHomeExtra } from "./report/report";
import { memberBySlackId, resolveMember } from "./team/team";
import {
  assignSalesperson,
  listTeam,
  recordCustomerNote,
  removeMember,
  setMemberRole,
} from "./team/team-admin";
import { pecDraftFor, sendPecDraft, sentLabel } from "./trips/pec";
import { manageableTrip } from "./trips/trip-access";
import { closeTrip } from "./trips/trip-close";
import { addTripCost, currentTripOf, planTrip, tripCandidates, tripChannelFor } from "./trips/trips";

/** `f(ctx, ...rest)` as `(...rest)`. */
function withCtx<A extends unknown[], R>(
  ctx: AppContext,
  f: (ctx: AppContext, ...a: A) => R,
): (...a: A) => R {
  return (...a) => f(ctx, ...a);
}
/** `f(db, ...rest)` as `(...rest)`. */
function withDb<A extends unknown[], R>(db: Db, f: (db: Db, ...a: A) => R): (...a: A) => R {
  return (...a) => f(db, ...a);
}

/**
 * The use cases the Slack listeners call, bound to the app context once by the wiring, so a listener's context
 * carries no database: it parses the payload, calls one of these, renders a message and replies. Grouped by
 * feature like `src/services/`. A function that writes runs its own unit of work (or, taking a `tx`, is the
 * `apply` of a kept submission, run by the drainer in its unit of work).
 */
export function useCases(ctx: AppContext) {
  const c = <A extends unknown[], R>(f: (ctx: AppContext, ...a: A) => R) => withCtx(ctx, f);
  const d = <A extends unknown[], R>(f: (db: Db, ...a: A) => R) => withDb(ctx.db, f);
  return {
    /** runs `send` (an outbox write) retrying while the database is busy: answers after a kept submission */
    patiently: async (send: () => Promise<unknown>): Promise<void> => {
      await retryBusy(send, ctx.config.db.retryBudgetMs * 6);
    },
    submissions: submissionsFor(ctx),
    team: {
      resolveMember: d(resolveMember),
      memberBySlackId: d(memberBySlackId),
      listTeam: c(listTeam),
      setMemberRole: c(setMemberRole),
      removeMember: c(removeMember),
      assignSalesperson: c(assignSalesperson),
      recordCustomerNote: c(recordCustomerNote),
    },
    customers: {
      byId: d(customerById),
      resolveCustomer: d(resolveCustomer),
      findCustomers: d(findCustomers),
      lookupCustomer: d(lookupCustomer),
      loadCustomerCard: c(loadCustomerCard),
      teamPosition: c(teamPosition),
    },
    outcomes: {
      loadLogCustomer: d(loadLogCustomer),
      validationContextFor: c(validationContextFor),
      recordOutcome: c(recordOutcome),
    },
    cases: {
      askApproval: c(askApproval),
      queueDossierUpload: c(queueDossierUpload),
      canDecide: d(canDecide),
      decideApproval: c(decideApproval),
      /** the owner's rejection with its reason, in one unit of work; null when the database stayed busy */
      rejectApproval: (input: Omit<Parameters<typeof decideApproval>[2], "decision">, day: IsoDate) =>
        unitOfWork(ctx, (tx) => decideApproval(ctx, tx, { ...input, decision: "rejected" }, day)).catch(
          (err) => {
            if (err instanceof DatabaseBusyError) return null;
            throw err;
          },
        ),
      objectToApproval: (input: Parameters<typeof objectToApproval>[2], day: IsoDate) =>
        unitOfWork(ctx, (tx) => objectToApproval(ctx, tx, input, day), { label: "approval objection" }),
      updateApprovalDm: c(updateApprovalDm),
      caseByThread: d(caseByThread),
      recordCaseMessage: d(recordCaseMessage),
      summarizeCase: c(summarizeCase),
      /** a line in the case thread, as its own unit of work (committed, then sent) */
      postToCase: (...a: Parameters<typeof postCaseLine> extends [AppContext, ...infer R] ? R : never) =>
        postCaseLine(ctx, ...a),
      openCaseLink: c(openCaseLink),
      assignCase: c(assignCase),
      snoozeCase: c(snoozeCase),
      setCreditHold: c(setCreditHold),
      completeFollowup: c(completeFollowup),
      resolveDispute: c(resolveDispute),
    },
    digest: {
      buildDigest: c(buildDigest),
      postDigest: c(postDigest),
      clearHardStep: c(clearHardStep),
      deferProposal: c(deferProposal),
    },
    report: { postReport: c(postReport), reportHomeExtra: c(reportHomeExtra) },
    trips: {
      byId: d(tripById),
      manageableTrip: d(manageableTrip),
      tripChannelFor: d(tripChannelFor),
      currentTripOf: d(currentTripOf),
      tripCandidates: d(tripCandidates),
      planTrip: c(planTrip),
      addTripCost: c(addTripCost),
      closeTrip: c(closeTrip),
      pecDraftFor: d(pecDraftFor),
      sendPecDraft: c(sendPecDraft),
      sentLabel: c(sentLabel),
    },
    bank: {
      movementById: d(bankMovementById),
      decideMovement: c(decideMovement),
      checkBankChoice: c(checkBankChoice),
      recordBankChoice: c(recordBankChoice),
      refreshProposals: c(refreshProposals),
    },
    imports: { importFromDm: c(importFromDm) },
    reminders: {
      byId: d(reminderById),
      checkEdits,
      prepareReminder: c(prepareReminder),
      reminderModalFor: c(reminderModalFor),
      saveDraft: c(saveDraft),
      submitReminder: c(submitReminder),
      decideReminder: c(decideReminder),
      confirmLetterPosted: c(confirmLetterPosted),
      sendAllOfDay: c(sendAllOfDay),
    },
  };
}

export type UseCases = ReturnType<typeof useCases>;
