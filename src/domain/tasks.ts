// The task engine of the morning digest: from the receivables, the promises and the team's records of a
// given day, the day's collection tasks in digest order. Pure: no I/O, "today" is passed in.

import {
  type CadenceChannel,
  type CadenceStep,
  cadenceProgress,
  DEFAULT_CADENCE,
  type ImportedReminder,
  isHardStep,
  nextCadenceStep,
} from "./cadence";
import { addDays, daysBetween, type IsoDate, previousBusinessDay } from "./calendar";
import type { ApprovalKind, CaseStage } from "./cases";
import { type PromiseStatus, promiseDeadline, promiseStatus } from "./promises";
import type { PreserveWith, TaskAction, TaskReason } from "./task-text";

export type TaskKind =
  | "riba_returned" // bank statements (issue 15): a RiBa or SDD came back unpaid, first of all
  | "broken_promise"
  | "promise_due"
  | "callback"
  | "credit_hold"
  | "credit_release"
  | "legal_ready" // a refusal waiting to go to the lawyer
  | "agency_ready"
  | "approval_pending"
  | "cadence"
  | "recontact"
  | "followup";

export interface TaskCustomer {
  id: number;
  code: string;
  name: string;
  preserveRelationship: boolean;
  creditHold: boolean;
  salesperson?: string; // display name
  salespersonSlackId?: string;
  assignee?: string;
  assigneeSlackId?: string;
  snoozedUntil?: IsoDate;
  caseStage?: CaseStage;
  disputed?: boolean; // an open dispute: routine chasing stops until it is resolved
  phone?: string; // the number to call: the newest logged, else the reference person's, else the customer's
  askFor?: string; // who to ask for
  salesNote?: string; // short form of the salesperson's note
  chasingNote?: string; // the team's own note on chasing, e.g. imported with the scadenzario
  importedReminder?: ImportedReminder; // how far the team had got before Credito
  /** The salesperson's ok or objection to a hard step (by its day in the table), for 🤝 customers. */
  clearances?: readonly { stepDay: number; decision: "ok" | "objection"; date: IsoDate }[];
}

export interface TaskInvoice {
  customerId: number;
  number: string;
  dueDate: IsoDate;
  openCents: number;
  disputed?: boolean;
}

export interface TaskPromise {
  id: number;
  customerId: number;
  amountCents: number;
  dueDate: IsoDate;
  status: PromiseStatus;
  paidCents: number;
}

export interface TaskCallback {
  id: number;
  customerId: number;
  date: IsoDate;
  time: string; // HH:MM
  memberSlackId?: string;
  note?: string;
}

/** Any number of contacts per customer may be passed: only the latest one (by date) is used. */
export interface TaskContact {
  customerId: number;
  date: IsoDate;
  channel: string;
  outcome: string;
}

export interface TaskApproval {
  id: number;
  customerId: number;
  kind: ApprovalKind;
  requestedOn: IsoDate;
  amountCents?: number;
}

/** Created by other features (e.g. the field-trip debrief: "call the new number"); only open ones. */
export interface TaskFollowup {
  id: number;
  customerId: number;
  date: IsoDate;
  reason: TaskReason;
  action: TaskAction;
  /** "riba_returned": a follow-up the bank import created for a returned RiBa or SDD (shown first) */
  kind?: "riba_returned";
}

/** A refusal outcome not yet passed to the lawyer. */
export interface TaskRefusal {
  customerId: number;
  date: IsoDate;
}

export interface TaskRules {
  cadence: readonly CadenceStep[];
  promiseToleranceDays: number;
  recontactMinDays: number;
  recontactMaxDays: number;
  creditHoldDays: number;
  agencyDays: number;
  holidays?: readonly string[]; // local "MM-DD" holidays on top of the national ones
  cadenceMinGapDays?: number; // days at least between two steps of the table (default 5)
}

export const DEFAULT_RULES: TaskRules = {
  cadence: DEFAULT_CADENCE,
  promiseToleranceDays: 2,
  recontactMinDays: 20,
  recontactMaxDays: 40,
  creditHoldDays: 30,
  agencyDays: 45,
  cadenceMinGapDays: 5,
};

/** A proposal (agency, lawyer) looked at and put off until a date, or refused for the open case (no date). */
export interface TaskDeferral {
  customerId: number;
  kind: "agency" | "legal";
  until?: IsoDate;
}

export interface DigestInput {
  today: IsoDate;
  customers: readonly TaskCustomer[];
  invoices: readonly TaskInvoice[];
  promises: readonly TaskPromise[];
  callbacks: readonly TaskCallback[];
  contacts: readonly TaskContact[];
  approvals: readonly TaskApproval[]; // pending ones
  followups: readonly TaskFollowup[];
  refusals: readonly TaskRefusal[];
  deferrals?: readonly TaskDeferral[];
}

export interface Task {
  kind: TaskKind;
  customerId: number;
  customerCode: string;
  customerName: string;
  amountCents: number; // at stake: the promised amount still missing, the approval amount, else the overdue
  daysOverdue: number; // of the oldest overdue invoice, 0 when nothing is overdue
  /** why the task is there and what to do, as data: rendered in the reader's locale (src/i18n/tasks.ts) */
  reason: TaskReason;
  action: TaskAction;
  assignee?: string;
  assigneeSlackId?: string;
  preserveRelationship: boolean;
  notifySlackIds: string[];
  priority: number;
  lastContact?: { date: IsoDate; channel: string; outcome: string };
  time?: string; // callbacks
  refId?: number; // promise, callback, approval or followup id
  overdueCents: number; // the customer's overdue (not disputed): what the digest entry shows
  channel: CadenceChannel | null; // how the contact is made, for contact tasks
  phone?: string;
  askFor?: string;
  salesNote?: string;
  chasingNote?: string;
  salespersonSlackId?: string; // the customer's salesperson: their own list (/credito oggi)
  stepDay?: number; // cadence: the step's day in the table
  awaitingSales?: boolean; // cadence: a hard step for a 🤝 customer waiting for the salesperson's ok
  step?: CadenceStep; // cadence tasks: the step due (a written one can be drafted from the digest)
}

/** Display order of the digest sections. */
export const TASK_KIND_ORDER: readonly TaskKind[] = [
  "riba_returned",
  "broken_promise",
  "promise_due",
  "callback",
  "followup",
  "cadence",
  "recontact",
  "credit_hold",
  "credit_release",
  "legal_ready",
  "agency_ready",
  "approval_pending",
];

/**
 * Dedupe rule: a customer gets at most one "chase" task (a contact to make) per day, the first of this list;
 * the other kinds (follow-ups, credit line, escalation, approvals) are different actions and coexist with it.
 */
const CHASE_RANK: Partial<Record<TaskKind, number>> = {
  broken_promise: 0,
  promise_due: 1,
  callback: 2,
  cadence: 3,
  recontact: 4,
};

/** Stages where escalation is not proposed: an agreement is being collected, or the case is closed. */
const NOT_ESCALATED: ReadonlySet<CaseStage | undefined> = new Set([
  "settlement_agreed",
  "plan_agreed",
  "closed",
]);

/** Stages where the agency or the lawyer has the case: internal routine chasing stops. */
const EXTERNAL_STAGES: ReadonlySet<CaseStage | undefined> = new Set(["agency", "legal"]);

/** The first day covered by the digest of `today`: Monday covers Saturday and Sunday, a day after a holiday covers it. */
export function windowStart(today: IsoDate, holidays: readonly string[] = []): IsoDate {
  return addDays(previousBusinessDay(today, holidays), 1);
}

/**
 * Priority = amount in euro x (1 + daysOverdue / 30): linear in the amount, and every month of delay adds the
 * amount once more. So € 50.000 at 10 days (66.667) beats € 500 at 90 days (2.000), and € 5.000 at 120 days
 * (25.000) beats € 5.200 at 5 days (6.067).
 */
export function taskPriority(amountCents: number, daysOverdue: number): number {
  return (amountCents / 100) * (1 + daysOverdue / 30);
}

// What the engine knows about one customer on `today`.
interface Debtor {
  customer: TaskCustomer;
  overdueCents: number; // non-disputed open invoices past their due date
  oldestDueDate?: IsoDate;
  daysOverdue: number;
  lastContact?: TaskContact;
  contacts: TaskContact[];
  snoozed: boolean;
}

interface Context {
  today: IsoDate;
  window: IsoDate; // windowStart(today)
  rules: TaskRules;
  debtors: Map<number, Debtor>;
}

function buildDebtors(input: DigestInput): Map<number, Debtor> {
  const debtors = new Map<number, Debtor>();
  for (const customer of input.customers) {
    const snoozed = customer.snoozedUntil !== undefined && customer.snoozedUntil > input.today;
    debtors.set(customer.id, { customer, overdueCents: 0, daysOverdue: 0, contacts: [], snoozed });
  }
  for (const inv of input.invoices) {
    const debtor = debtors.get(inv.customerId);
    // Disputed invoices are not chased, nor do they count for credit hold or escalation.
    if (!debtor || inv.disputed || inv.openCents <= 0 || inv.dueDate >= input.today) continue;
    debtor.overdueCents += inv.openCents;
    if (debtor.oldestDueDate === undefined || inv.dueDate < debtor.oldestDueDate)
      debtor.oldestDueDate = inv.dueDate;
  }
  for (const contact of input.contacts) {
    const debtor = debtors.get(contact.customerId);
    if (!debtor) continue;
    debtor.contacts.push(contact);
    if (!debtor.lastContact || contact.date >= debtor.lastContact.date) debtor.lastContact = contact;
  }
  for (const debtor of debtors.values()) {
    if (debtor.oldestDueDate) debtor.daysOverdue = daysBetween(debtor.oldestDueDate, input.today);
  }
  return debtors;
}

function preserveWith(debtor: Debtor): PreserveWith | undefined {
  if (!debtor.customer.preserveRelationship) return undefined;
  return debtor.customer.salesperson ? { salesperson: debtor.customer.salesperson } : {};
}

function optionalPreserve(debtor: Debtor): { preserve?: PreserveWith } {
  const preserve = preserveWith(debtor);
  return preserve ? { preserve } : {};
}

function makeTask(
  kind: TaskKind,
  debtor: Debtor,
  amountCents: number,
  reason: TaskReason,
  action: TaskAction,
  extra: Partial<Task> = {},
): Task {
  const { customer, lastContact } = debtor;
  const notify =
    customer.preserveRelationship && customer.salespersonSlackId ? [customer.salespersonSlackId] : [];
  return {
    kind,
    customerId: customer.id,
    customerCode: customer.code,
    customerName: customer.name,
    amountCents,
    daysOverdue: debtor.daysOverdue,
    reason,
    action,
    assignee: customer.assignee,
    assigneeSlackId: customer.assigneeSlackId,
    preserveRelationship: customer.preserveRelationship,
    notifySlackIds: notify,
    priority: taskPriority(amountCents, debtor.daysOverdue),
    overdueCents: debtor.overdueCents,
    channel: null,
    phone: customer.phone,
    askFor: customer.askFor,
    salesNote: customer.salesNote,
    chasingNote: customer.chasingNote,
    salespersonSlackId: customer.salespersonSlackId,
    lastContact: lastContact && {
      date: lastContact.date,
      channel: lastContact.channel,
      outcome: lastContact.outcome,
    },
    ...extra,
  };
}

// Chase candidates of one customer compete; the winner is the lowest rank, then the earliest `key` (date/time).
interface ChaseCandidate {
  task: Task;
  key: string;
}

class ChaseBoard {
  private readonly best = new Map<number, ChaseCandidate>();

  offer(task: Task, key: string): void {
    const current = this.best.get(task.customerId);
    if (!current || this.beats(task, key, current)) this.best.set(task.customerId, { task, key });
  }

  tasks(): Task[] {
    return [...this.best.values()].map((c) => c.task);
  }

  private beats(task: Task, key: string, current: ChaseCandidate): boolean {
    const rank = CHASE_RANK[task.kind]!;
    const currentRank = CHASE_RANK[current.task.kind]!;
    return rank < currentRank || (rank === currentRank && key < current.key);
  }
}

/**
 * Promise tasks. A stored partial/broken/kept status is taken as is; an open one is evaluated against today.
 * A broken (or partially kept) promise is chased until a contact is logged after its deadline, and only while
 * something is still overdue. Returns the customers with a promise still running (today within its
 * tolerance window): routine chasing (cadence, re-contact) waits for it, as the promise is a concession.
 */
function promiseTasks(input: DigestInput, ctx: Context, chase: ChaseBoard): Set<number> {
  const waiting = new Set<number>();
  const tolerance = ctx.rules.promiseToleranceDays;
  for (const p of input.promises) {
    const debtor = ctx.debtors.get(p.customerId);
    if (!debtor) continue;
    const status =
      p.status === "open"
        ? promiseStatus(p.amountCents, p.paidCents, p.dueDate, ctx.today, tolerance)
        : p.status;
    const deadline = promiseDeadline(p.dueDate, tolerance);
    const missing = Math.max(0, p.amountCents - p.paidCents);
    if (status === "open") {
      waiting.add(p.customerId);
      if (p.dueDate >= ctx.window && p.dueDate <= ctx.today && !debtor.snoozed) {
        chase.offer(promiseDueTask(debtor, p, missing, deadline, ctx.today), p.dueDate);
      }
    } else if (status !== "kept" && deadline < ctx.today && !debtor.snoozed && debtor.overdueCents > 0) {
      const handled = debtor.lastContact !== undefined && debtor.lastContact.date > deadline;
      if (!handled && missing > 0) chase.offer(brokenPromiseTask(debtor, p, status, missing), p.dueDate);
    }
  }
  return waiting;
}

function brokenPromiseTask(debtor: Debtor, p: TaskPromise, status: PromiseStatus, missing: number): Task {
  const [reason, action]: [TaskReason, TaskAction] =
    status === "partial"
      ? [
          { code: "promise_partial", amountCents: p.amountCents, due: p.dueDate, missingCents: missing },
          { code: "call_for_balance" },
        ]
      : [
          { code: "promise_broken", amountCents: p.amountCents, due: p.dueDate },
          { code: "call_for_promise" },
        ];
  return makeTask("broken_promise", debtor, missing, reason, action, { refId: p.id, channel: "phone" });
}

function promiseDueTask(
  debtor: Debtor,
  p: TaskPromise,
  missing: number,
  deadline: IsoDate,
  today: IsoDate,
): Task {
  const reason: TaskReason = {
    code: "promise_due",
    missingCents: missing,
    due: p.dueDate,
    today: p.dueDate === today,
  };
  return makeTask(
    "promise_due",
    debtor,
    missing,
    reason,
    { code: "check_payment", until: deadline },
    { refId: p.id },
  );
}

function callbackTasks(input: DigestInput, ctx: Context, chase: ChaseBoard): void {
  for (const cb of input.callbacks) {
    const debtor = ctx.debtors.get(cb.customerId);
    if (!debtor || debtor.snoozed || cb.date < ctx.window || cb.date > ctx.today) continue;
    // the time is said once, in the action; the reason carries the note
    const reason: TaskReason = {
      code: "callback",
      ...(cb.note ? { note: cb.note } : {}),
      ...(cb.date === ctx.today ? {} : { date: cb.date, time: cb.time }),
    };
    const action: TaskAction =
      cb.date === ctx.today ? { code: "call_back_at", time: cb.time } : { code: "call_back_soon" };
    // The member who booked the callback makes it; their name is known only if they are the case assignee.
    const member = cb.memberSlackId ?? debtor.customer.assigneeSlackId;
    const assignee = member === debtor.customer.assigneeSlackId ? debtor.customer.assignee : undefined;
    const task = makeTask("callback", debtor, debtor.overdueCents, reason, action, {
      time: cb.time,
      refId: cb.id,
      assignee,
      assigneeSlackId: member,
      channel: "phone",
    });
    chase.offer(task, `${cb.date} ${cb.time}`);
  }
}

/**
 * Routine chasing of a debtor with something overdue: the cadence step due, else a re-contact. None while the
 * customer disputes, is snoozed, has a promise running, or the case is with the agency or the lawyer.
 */
function routineTasks(ctx: Context, waitingOnPromise: ReadonlySet<number>, chase: ChaseBoard): void {
  for (const debtor of ctx.debtors.values()) {
    const { customer, oldestDueDate } = debtor;
    if (!oldestDueDate || customer.disputed || debtor.snoozed || waitingOnPromise.has(customer.id)) continue;
    if (EXTERNAL_STAGES.has(customer.caseStage) || customer.caseStage === "closed") continue;
    const progress = cadenceProgress(
      ctx.rules.cadence,
      oldestDueDate,
      debtor.contacts,
      customer.importedReminder,
    );
    const since = progress.lastDoneOn ? daysBetween(progress.lastDoneOn, ctx.today) : undefined;
    const gap = ctx.rules.cadenceMinGapDays ?? DEFAULT_RULES.cadenceMinGapDays!;
    const step = nextCadenceStep(ctx.rules.cadence, debtor.daysOverdue, progress, since, gap);
    const clearance = step && hardStepClearance(debtor, step, progress.lastDoneOn ?? oldestDueDate);
    if (step && clearance !== "objection") chase.offer(cadenceTask(debtor, step, clearance), "");
    else {
      const recontact = recontactTask(debtor, oldestDueDate, ctx);
      if (recontact) chase.offer(recontact, "");
    }
  }
}

/**
 * A hard step (PEC, final notice) for a 🤝 customer waits for the salesperson: "ok" or "objection" given
 * since the previous step, else "waiting". Other steps and customers need nothing ("none").
 */
function hardStepClearance(
  debtor: Debtor,
  step: CadenceStep,
  since: IsoDate,
): "none" | "waiting" | "ok" | "objection" {
  if (!debtor.customer.preserveRelationship || !isHardStep(step)) return "none";
  const latest = (debtor.customer.clearances ?? [])
    .filter((c) => c.stepDay === step.day && c.date >= since)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  return latest?.decision ?? "waiting";
}

function cadenceTask(
  debtor: Debtor,
  step: CadenceStep,
  clearance: "none" | "waiting" | "ok" | "objection" = "none",
): Task {
  // The reason names the step by channel and tone; the action says how to do it.
  const sales = debtor.customer.salesperson;
  const named = sales ? { salesperson: sales } : {};
  if (clearance === "waiting") {
    return makeTask(
      "cadence",
      debtor,
      debtor.overdueCents,
      { code: "cadence_waiting", channel: step.channel, tone: step.tone, ...named },
      { code: "ask_salesperson", ...named },
      { stepDay: step.day, awaitingSales: true },
    );
  }
  const reason: TaskReason = {
    code: "cadence",
    channel: step.channel,
    tone: step.tone,
    ...(clearance === "ok" ? { salesOk: named } : {}),
  };
  return makeTask(
    "cadence",
    debtor,
    debtor.overdueCents,
    reason,
    { code: "tone", tone: step.tone },
    {
      channel: step.channel,
      stepDay: step.day,
      step,
    },
  );
}

/**
 * Every debtor is touched at least every recontactMinDays, never more than recontactMaxDays. The clock starts
 * at the last contact or, if later (or never contacted), at the due date of the oldest overdue invoice:
 * a contact about an older, since paid debt does not count, and a debt is not "untouched" before it is due.
 */
function recontactTask(debtor: Debtor, oldestDueDate: IsoDate, ctx: Context): Task | undefined {
  const contacted = debtor.lastContact !== undefined && debtor.lastContact.date >= oldestDueDate;
  const since = contacted ? debtor.lastContact!.date : oldestDueDate;
  const days = daysBetween(since, ctx.today);
  if (days < ctx.rules.recontactMinDays) return undefined;
  const urgent = days >= ctx.rules.recontactMaxDays;
  const reason: TaskReason = {
    code: "recontact",
    days,
    contacted,
    ...(urgent ? { limitDays: ctx.rules.recontactMaxDays } : {}),
  };
  return makeTask(
    "recontact",
    debtor,
    debtor.overdueCents,
    reason,
    { code: "recontact", urgent },
    {
      channel: "phone",
    },
  );
}

/**
 * Credit line: suspend it when an invoice is more than creditHoldDays overdue; release it when nothing is
 * beyond the threshold any more, except while the agency or the lawyer has the case (then it is the owner's call).
 */
function creditTask(debtor: Debtor, rules: TaskRules): Task | undefined {
  const { customer } = debtor;
  const beyond = debtor.daysOverdue > rules.creditHoldDays;
  if (beyond && !customer.creditHold) {
    const reason: TaskReason = {
      code: "credit_hold",
      days: debtor.daysOverdue,
      thresholdDays: rules.creditHoldDays,
      ...optionalPreserve(debtor),
    };
    return makeTask("credit_hold", debtor, debtor.overdueCents, reason, { code: "suspend_credit" });
  }
  if (!beyond && customer.creditHold && !EXTERNAL_STAGES.has(customer.caseStage)) {
    const reason: TaskReason = { code: "credit_release", thresholdDays: rules.creditHoldDays };
    return makeTask("credit_release", debtor, debtor.overdueCents, reason, { code: "release_credit" });
  }
  return undefined;
}

/**
 * Dossier ripe for the agency: not when the case is already external or closed, when an agency or legal
 * approval is pending (it is in the pipeline), or when the customer disputes (an agency cannot collect a
 * contested debt).
 */
function agencyTask(
  debtor: Debtor,
  rules: TaskRules,
  escalating: ReadonlySet<number>,
  deferred: ReadonlySet<string>,
): Task | undefined {
  const { customer } = debtor;
  if (debtor.daysOverdue < rules.agencyDays || customer.disputed || escalating.has(customer.id))
    return undefined;
  if (EXTERNAL_STAGES.has(customer.caseStage) || NOT_ESCALATED.has(customer.caseStage)) return undefined;
  if (deferred.has(`agency:${customer.id}`)) return undefined;
  const reason: TaskReason = {
    code: "agency_ready",
    days: debtor.daysOverdue,
    thresholdDays: rules.agencyDays,
    ...optionalPreserve(debtor),
  };
  return makeTask("agency_ready", debtor, debtor.overdueCents, reason, { code: "prepare_dossier" });
}

/** One task per customer for the latest refusal, unless the lawyer has the case or a legal approval is pending. */
function legalTasks(
  input: DigestInput,
  ctx: Context,
  legalPending: ReadonlySet<number>,
  deferred: ReadonlySet<string>,
): Task[] {
  const latest = new Map<number, TaskRefusal>();
  for (const r of input.refusals) {
    const seen = latest.get(r.customerId);
    if (!seen || r.date > seen.date) latest.set(r.customerId, r);
  }
  const tasks: Task[] = [];
  for (const refusal of latest.values()) {
    const debtor = ctx.debtors.get(refusal.customerId);
    if (!debtor || debtor.customer.caseStage === "legal" || legalPending.has(refusal.customerId)) continue;
    if (NOT_ESCALATED.has(debtor.customer.caseStage) || deferred.has(`legal:${refusal.customerId}`)) continue;
    const reason: TaskReason = { code: "legal_ready", refusedOn: refusal.date, ...optionalPreserve(debtor) };
    tasks.push(makeTask("legal_ready", debtor, debtor.overdueCents, reason, { code: "ask_legal_approval" }));
  }
  return tasks;
}

// Addressed to the owner, whose Slack id the view knows: no assignee routing here.
function approvalTask(debtor: Debtor, approval: TaskApproval): Task {
  const reason: TaskReason = {
    code: "approval_pending",
    kind: approval.kind,
    requestedOn: approval.requestedOn,
    ...(approval.amountCents !== undefined ? { amountCents: approval.amountCents } : {}),
  };
  return makeTask(
    "approval_pending",
    debtor,
    approval.amountCents ?? debtor.overdueCents,
    reason,
    { code: "approve_or_reject" },
    { refId: approval.id },
  );
}

// Follow-ups are contacts too, so a snooze holds them back; an overdue one stays until it is done.
function followupTask(debtor: Debtor, f: TaskFollowup, window: IsoDate): Task {
  const reason: TaskReason = f.date < window ? { code: "since", reason: f.reason, since: f.date } : f.reason;
  return makeTask(f.kind ?? "followup", debtor, debtor.overdueCents, reason, f.action, { refId: f.id });
}

const collator = new Intl.Collator("it", { sensitivity: "base" });
const KIND_INDEX = new Map(TASK_KIND_ORDER.map((kind, i) => [kind, i]));

/** Digest order: broken promises first, then priority, amount, customer name; kind and ids keep it total. */
export function compareTasks(a: Task, b: Task): number {
  return (
    Number(b.kind === "riba_returned") - Number(a.kind === "riba_returned") ||
    Number(b.kind === "broken_promise") - Number(a.kind === "broken_promise") ||
    b.priority - a.priority ||
    b.amountCents - a.amountCents ||
    collator.compare(a.customerName, b.customerName) ||
    a.customerId - b.customerId ||
    KIND_INDEX.get(a.kind)! - KIND_INDEX.get(b.kind)! ||
    (a.time ?? "").localeCompare(b.time ?? "") ||
    (a.refId ?? 0) - (b.refId ?? 0)
  );
}

export function computeTasks(input: DigestInput, rules: TaskRules = DEFAULT_RULES): Task[] {
  const ctx: Context = {
    today: input.today,
    window: windowStart(input.today, rules.holidays),
    rules,
    debtors: buildDebtors(input),
  };
  const chase = new ChaseBoard();
  const waitingOnPromise = promiseTasks(input, ctx, chase);
  callbackTasks(input, ctx, chase);
  routineTasks(ctx, waitingOnPromise, chase);

  const tasks = chase.tasks();
  const escalating = new Set<number>();
  const legalPending = new Set<number>();
  for (const approval of input.approvals) {
    const debtor = ctx.debtors.get(approval.customerId);
    if (!debtor) continue;
    tasks.push(approvalTask(debtor, approval));
    if (approval.kind === "agency" || approval.kind === "legal") escalating.add(approval.customerId);
    if (approval.kind === "legal") legalPending.add(approval.customerId);
  }
  const deferred = new Set(
    (input.deferrals ?? [])
      .filter((d) => d.until === undefined || d.until > input.today)
      .map((d) => `${d.kind}:${d.customerId}`),
  );
  for (const debtor of ctx.debtors.values()) {
    const credit = creditTask(debtor, rules);
    if (credit) tasks.push(credit);
    const agency = agencyTask(debtor, rules, escalating, deferred);
    if (agency) tasks.push(agency);
  }
  tasks.push(...legalTasks(input, ctx, legalPending, deferred));
  for (const f of input.followups) {
    const debtor = ctx.debtors.get(f.customerId);
    if (debtor && !debtor.snoozed && f.date <= ctx.today) tasks.push(followupTask(debtor, f, ctx.window));
  }
  return tasks.sort(compareTasks);
}

/**
 * Sections for display, in TASK_KIND_ORDER, empty ones left out; digest order within a section, except
 * callbacks, which are listed by time (the sort is stable, so equal times keep the digest order).
 */
export function groupTasksByKind(tasks: readonly Task[]): { kind: TaskKind; tasks: Task[] }[] {
  const groups = new Map<TaskKind, Task[]>(TASK_KIND_ORDER.map((kind) => [kind, []]));
  for (const task of tasks) groups.get(task.kind)!.push(task);
  groups.get("callback")!.sort((a, b) => (a.time ?? "").localeCompare(b.time ?? ""));
  return [...groups].filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, tasks: list }));
}
