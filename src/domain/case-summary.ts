// The short case summary asked with "@Credito riassunto": position, history, promises, next step.
// Pure: the facts come in, four sentences come out. Always available; the AI summary falls back to it.
import type { Messages } from "../i18n";
import { addDays, daysBetween, formatDateShort, type IsoDate } from "./calendar";
import { formatEuro } from "./money";

export interface CaseSummaryFacts {
  today: IsoDate;
  customer: { name: string; code: string; creditHold: boolean; preserveRelationship: boolean };
  stage: string;
  closeReason: string | null;
  closed: boolean;
  openCents: number;
  overdueCents: number;
  daysOverdue: number;
  openInvoices: number;
  /** newest first */
  interactions: {
    date: IsoDate;
    channel: string;
    outcome: string;
    by: string | null;
    notes: string | null;
  }[];
  promises: { amountCents: number; dueDate: IsoDate; status: string }[];
  openCallbacks: { date: IsoDate; time: string }[];
  pendingApprovals: string[];
  threadMessages: number;
  rules: { agencyDays: number; recontactMinDays: number };
}

export interface CaseSummary {
  position: string;
  history: string;
  promises: string;
  nextStep: string;
}

export function deterministicCaseSummary(f: CaseSummaryFacts, t: Messages, locale: "it" | "en"): CaseSummary {
  const s = t.caseThread;
  const euro = (c: number) => formatEuro(c, locale);
  const date = (d: IsoDate) => formatDateShort(d, locale);

  const stageLabel = t.stage[f.stage] ?? f.stage;
  const position = [
    f.closed
      ? s.sClosed(t.case.closeReason[f.closeReason ?? ""] ?? f.closeReason ?? "")
      : s.sPosition(euro(f.openCents), euro(f.overdueCents), f.daysOverdue, f.openInvoices, stageLabel),
    f.customer.creditHold ? s.sCreditHold : null,
    f.customer.preserveRelationship ? s.sPreserve : null,
  ]
    .filter(Boolean)
    .join(" ");

  const last = f.interactions[0];
  const lastText = last
    ? [date(last.date), t.channel[last.channel] ?? last.channel, t.outcome[last.outcome] ?? last.outcome]
        .concat(last.by ? [last.by] : [])
        .join(" · ")
    : "";
  const history = [
    last ? s.sContacts(f.interactions.length, lastText) : s.sNoContacts,
    f.threadMessages > 0 ? s.sMessages(f.threadMessages) : null,
  ]
    .filter(Boolean)
    .join(" ");

  const kept = f.promises.filter((p) => p.status === "kept").length;
  const broken = f.promises.filter((p) => p.status === "broken").length;
  const openPromises = f.promises
    .filter((p) => p.status === "open" || p.status === "partial")
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const lastBroken = f.promises
    .filter((p) => p.status === "broken")
    .sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1))[0];
  const nextOpen = openPromises.find((p) => p.dueDate >= f.today);
  const promises =
    f.promises.length === 0
      ? s.sNoPromises
      : [
          s.sPromises(kept, broken, openPromises.length),
          lastBroken ? s.sLastBroken(euro(lastBroken.amountCents), date(lastBroken.dueDate)) : null,
          nextOpen ? s.sNextOpen(euro(nextOpen.amountCents), date(nextOpen.dueDate)) : null,
        ]
          .filter(Boolean)
          .join(" ");

  return { position, history, promises, nextStep: nextStep(f, t, locale, lastBroken, nextOpen) };
}

function nextStep(
  f: CaseSummaryFacts,
  t: Messages,
  locale: "it" | "en",
  lastBroken: { dueDate: IsoDate } | undefined,
  nextOpen: { amountCents: number; dueDate: IsoDate } | undefined,
): string {
  const s = t.caseThread;
  const date = (d: IsoDate) => formatDateShort(d, locale);
  if (f.closed) return s.nClosed;
  const pending = f.pendingApprovals[0];
  if (pending) return s.nPendingApproval(t.approval.kind[pending] ?? pending);
  if (f.stage === "legal") return s.nLegal;
  if (f.stage === "agency") return s.nAgency;
  const last = f.interactions[0];
  // a broken promise not followed by a newer contact is the top priority
  if (lastBroken && !(last && last.date > lastBroken.dueDate))
    return s.nBrokenPromise(date(lastBroken.dueDate));
  if (last?.outcome === "dispute") return s.nDispute;
  if (last?.outcome === "refusal") return s.nRefusal;
  const callback = [...f.openCallbacks]
    .filter((c) => c.date >= f.today)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (callback) return s.nCallback(date(callback.date), callback.time);
  if (nextOpen) return s.nOpenPromise(formatEuro(nextOpen.amountCents, locale), date(nextOpen.dueDate));
  if (f.stage === "settlement") return s.nSettlement;
  if (f.daysOverdue >= f.rules.agencyDays) return s.nDossier(f.daysOverdue);
  if (!last) return s.nFirstContact;
  const since = daysBetween(last.date, f.today);
  if (since >= f.rules.recontactMinDays) return s.nRecontact(since);
  return s.nRecontactBy(date(addDays(last.date, f.rules.recontactMinDays)));
}
