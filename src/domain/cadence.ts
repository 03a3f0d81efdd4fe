// The timing table of internal recovery: which contact is due how many days after the due date.

export type CadenceChannel = "phone" | "email" | "pec" | "letter" | "visit";
export type CadenceTone = "friendly" | "firm" | "formal" | "final";

export interface CadenceStep {
  day: number; // days after the due date of the oldest overdue invoice
  channel: CadenceChannel;
  tone: CadenceTone;
  label: string; // Italian, shown in the digest
}

export const DEFAULT_CADENCE_SPEC = "3:phone,7:email,15:phone,30:pec,40:letter";

export const DEFAULT_CADENCE: readonly CadenceStep[] = [
  { day: 3, channel: "phone", tone: "friendly", label: "Telefonata di cortesia" },
  { day: 7, channel: "email", tone: "friendly", label: "Email di cortesia" },
  { day: 15, channel: "phone", tone: "firm", label: "Telefonata di sollecito" },
  { day: 30, channel: "pec", tone: "formal", label: "PEC di messa in mora" },
  { day: 40, channel: "letter", tone: "final", label: "Lettera di diffida ad adempiere" },
];

const TONE_RANK: Record<CadenceTone, number> = { friendly: 0, firm: 1, formal: 2, final: 3 };

// Admins type the setting, so the Italian channel names are accepted too.
const CHANNEL_NAMES: Readonly<Record<string, CadenceChannel>> = {
  phone: "phone",
  telefono: "phone",
  email: "email",
  mail: "email",
  pec: "pec",
  letter: "letter",
  lettera: "letter",
  visit: "visit",
  visita: "visit",
};

const CHANNEL_NOUN: Record<CadenceChannel, string> = {
  phone: "Telefonata",
  email: "Email",
  pec: "PEC",
  letter: "Lettera",
  visit: "Visita",
};

const isWritten = (channel: CadenceChannel) =>
  channel === "pec" || channel === "letter" || channel === "email";

export function cadenceLabel(channel: CadenceChannel, tone: CadenceTone): string {
  const noun = CHANNEL_NOUN[channel];
  switch (tone) {
    case "friendly":
      return `${noun} di cortesia`;
    case "firm":
      return `${noun} di sollecito`;
    case "formal":
      return isWritten(channel) ? `${noun} di messa in mora` : `${noun} formale`;
    case "final":
      return isWritten(channel) ? `${noun} di diffida ad adempiere` : `${noun} di ultimo avviso`;
  }
}

/**
 * Tone by position, and it never softens along the table: the last step of a multi-step table is the
 * final notice; a PEC or a letter is formal; a channel already used earlier (the second call) is firm.
 */
function toneAt(channels: readonly CadenceChannel[], index: number, previous: CadenceTone): CadenceTone {
  const channel = channels[index]!;
  let own: CadenceTone = "friendly";
  if (channels.length > 1 && index === channels.length - 1) own = "final";
  else if (channel === "pec" || channel === "letter") own = "formal";
  else if (channels.slice(0, index).includes(channel)) own = "firm";
  return TONE_RANK[own] >= TONE_RANK[previous] ? own : previous;
}

/** What is wrong with a timing table, for the settings check to say in its language (issue 18). */
export type CadenceProblem =
  | { kind: "empty" }
  | { kind: "badStep" | "dayBelowOne" | "notIncreasing"; item: string };

/** Parses a setting like "3:phone,7:email,15:phone,30:pec,40:letter" (days strictly increasing, >= 1). */
export function parseCadence(spec: string): CadenceStep[] | { error: string; problem: CadenceProblem } {
  const items = spec
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) return { error: "Tabella dei solleciti vuota", problem: { kind: "empty" } };
  const days: number[] = [];
  const channels: CadenceChannel[] = [];
  for (const item of items) {
    const match = /^(\d+)\s*:\s*([a-z]+)$/i.exec(item);
    const channel = match ? CHANNEL_NAMES[match[2]!.toLowerCase()] : undefined;
    if (!match || !channel)
      return {
        error: `Passo non valido: "${item}" (atteso giorni:canale, es. 7:email)`,
        problem: { kind: "badStep", item },
      };
    const day = Number(match[1]);
    if (day < 1)
      return {
        error: `Passo "${item}": i giorni devono essere almeno 1`,
        problem: { kind: "dayBelowOne", item },
      };
    const last = days[days.length - 1];
    if (last !== undefined && day <= last)
      return {
        error: `Passo "${item}": i giorni devono essere crescenti`,
        problem: { kind: "notIncreasing", item },
      };
    days.push(day);
    channels.push(channel);
  }
  const steps: CadenceStep[] = [];
  let tone: CadenceTone = "friendly";
  for (const [index, channel] of channels.entries()) {
    tone = toneAt(channels, index, tone);
    steps.push({ day: days[index]!, channel, tone, label: cadenceLabel(channel, tone) });
  }
  return steps;
}

/**
 * The step due for an invoice `daysOverdue` days past its due date: the latest step reached, unless it is
 * already done, i.e. there was a contact on or after its day (`lastContactDay`: days after the due date of
 * the last contact, negative if before). Earlier steps that were skipped are superseded by the latest one.
 */
export function dueCadenceStep(
  steps: readonly CadenceStep[],
  daysOverdue: number,
  lastContactDay?: number,
): CadenceStep | undefined {
  let reached: CadenceStep | undefined;
  for (const step of steps) if (step.day <= daysOverdue) reached = step;
  if (!reached || (lastContactDay !== undefined && lastContactDay >= reached.day)) return undefined;
  return reached;
}

/** A step that the owner or the salesperson must hear about first for relationship-preservation customers. */
export function isHardStep(step: CadenceStep): boolean {
  return TONE_RANK[step.tone] >= TONE_RANK.formal;
}

/** Which contacts carry out a step: a call is done by a call or a visit; a written step by the same or a harder writing. */
const DONE_BY: Record<CadenceChannel, readonly string[]> = {
  phone: ["phone", "visit"],
  visit: ["visit"],
  email: ["email", "pec", "letter"],
  pec: ["pec", "letter"],
  letter: ["letter", "pec"],
};

export interface CadenceContact {
  date: string; // IsoDate
  channel: string;
}

/** What the team had already done before Credito, from an import ("livello sollecito", "data ultimo sollecito"). */
export interface ImportedReminder {
  level: number; // steps of the table already done
  date?: string; // IsoDate of the last one
}

export interface CadenceProgress {
  level: number; // steps done, in order
  lastDoneOn?: string; // IsoDate of the last step done
}

/**
 * How far the cadence got for the current overdue: steps are done in order, each by a contact of a
 * suitable channel dated on or after the oldest due date (one contact does one step). An imported level
 * is the starting point. Escalation follows what was done, not the calendar alone.
 */
export function cadenceProgress(
  steps: readonly CadenceStep[],
  oldestDueDate: string,
  contacts: readonly CadenceContact[],
  imported?: ImportedReminder,
): CadenceProgress {
  let level = 0;
  let lastDoneOn: string | undefined;
  if (imported && imported.level > 0 && (imported.date === undefined || imported.date >= oldestDueDate)) {
    level = Math.min(imported.level, steps.length);
    lastDoneOn = imported.date;
  }
  const sorted = contacts
    .filter((c) => c.date >= oldestDueDate && (lastDoneOn === undefined || c.date >= lastDoneOn))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const contact of sorted) {
    const step = steps[level];
    if (!step) break;
    if (DONE_BY[step.channel].includes(contact.channel)) {
      level += 1;
      lastDoneOn = contact.date;
    }
  }
  return { level, ...(lastDoneOn ? { lastDoneOn } : {}) };
}

/**
 * The next step, when it is due: the first step not done yet, once the oldest invoice is at least its day
 * overdue and, after a step was done, at least `minGapDays` after it. So a debtor never contacted starts
 * with the first, courteous call however late the invoice is, and each harder step follows the previous one.
 */
export function nextCadenceStep(
  steps: readonly CadenceStep[],
  daysOverdue: number,
  progress: CadenceProgress,
  daysSinceLastStep: number | undefined,
  minGapDays: number,
): CadenceStep | undefined {
  const step = steps[progress.level];
  if (!step || daysOverdue < step.day) return undefined;
  if (progress.level > 0 && daysSinceLastStep !== undefined && daysSinceLastStep < minGapDays)
    return undefined;
  return step;
}
