import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { formatDateCompact, formatDateLong, type IsoDate } from "../domain/calendar";
import type { NarrativeSource, TripCard } from "../domain/cards";
import { formatEuro } from "../domain/money";
import { escapeMrkdwn, truncate } from "../domain/text";
import { TRIP_COST_KINDS } from "../domain/trip-costs";
import { type TripDebrief, tripDates } from "../domain/trip-debrief";
import { MAX_TRIP_OPTIONS, MAX_TRIP_VISITS, type RankedCandidate } from "../domain/trip-plan";
import type { Locale, Messages } from "../i18n";

export const TRIP_ACTIONS = {
  costs: "trip_costs",
  close: "trip_close",
  pecSend: "pec_send",
  pecCopy: "pec_copy",
} as const;
export const TRIP_VIEWS = { plan: "trip_plan", confirm: "trip_confirm", cost: "trip_cost" } as const;
/** action id of every modal input; the block id names the field */
export const TRIP_VALUE = "value";

const plain = (text: string, max = 3000) => ({
  type: "plain_text" as const,
  text: truncate(text, max),
  emoji: true,
});
const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text: truncate(text, 3000) });

/** Splits lines into mrkdwn sections of at most 3000 characters each. */
function sections(lines: readonly string[], head?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let cur = head ? `${head}\n` : "";
  for (const line of lines) {
    const l = truncate(line, 2900);
    if (cur.length + l.length + 1 > 3000) {
      blocks.push({ type: "section", text: mrkdwn(cur.trimEnd()) });
      cur = "";
    }
    cur += `${l}\n`;
  }
  if (cur.trim()) blocks.push({ type: "section", text: mrkdwn(cur.trimEnd()) });
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// The trip's parent message

export function tripParentMessage(
  card: TripCard,
  t: Messages,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const m = t.trip.message;
  const dates = tripDates(card, locale);
  const who = card.collector ? `<@${card.collector.slackUserId}>` : "—";
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.title(card.area, dates), 150) },
    {
      type: "context",
      elements: [
        mrkdwn(
          [
            m.collector(who),
            m.status[card.status] ?? card.status,
            card.costCents > 0 ? m.costs(formatEuro(card.costCents, locale)) : m.noCosts,
          ].join(" · "),
        ),
      ],
    },
  ];
  const days = [...new Set(card.visits.map((v) => v.plannedDate ?? ""))];
  let n = 0;
  for (const day of days) {
    const lines = card.visits
      .filter((v) => (v.plannedDate ?? "") === day)
      .map((v) => {
        n += 1;
        const place = [v.address, v.province ? `(${v.province})` : null].filter(Boolean).join(" ");
        const parts = [
          `${n}. *${escapeMrkdwn(v.name)}*`,
          place ? escapeMrkdwn(place) : m.unplanned,
          formatEuro(v.openCents, locale),
          v.phone ? `📞 ${escapeMrkdwn(v.phone)}` : null,
          v.status === "visited" ? m.visited : v.status === "skipped" ? m.skipped : null,
        ].filter(Boolean);
        const note = v.note ? `\n      _${escapeMrkdwn(truncate(v.note, 200))}_` : "";
        return `${parts.join(" · ")}${note}`;
      });
    blocks.push(...sections(lines, day ? m.day(formatDateLong(day, locale)) : undefined));
  }
  if (card.status === "closed") {
    blocks.push({
      type: "context",
      elements: [mrkdwn(m.closedAt(card.closedOn ? formatDateCompact(card.closedOn, locale) : ""))],
    });
  } else {
    blocks.push({
      type: "actions",
      block_id: `trip_${card.id}`,
      elements: [
        { type: "button", action_id: TRIP_ACTIONS.costs, text: plain(m.addCost, 75), value: String(card.id) },
        {
          type: "button",
          action_id: TRIP_ACTIONS.close,
          text: plain(m.close, 75),
          value: String(card.id),
          style: "primary",
        },
      ],
    });
  }
  return {
    text: m.text(
      escapeMrkdwn(card.area),
      dates,
      escapeMrkdwn(card.collector?.name ?? "—"),
      card.visits.length,
    ),
    blocks: blocks.slice(0, 50),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Planning modals

export interface TripPlanMeta {
  /** channel the command came from */
  c?: string;
  s?: IsoDate;
  e?: IsoDate;
  a?: string;
}

export function decodeTripMeta(raw: string | undefined): TripPlanMeta {
  try {
    const m = JSON.parse(raw || "{}") as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return { c: str(m.c), s: str(m.s), e: str(m.e), a: str(m.a) };
  } catch {
    return {};
  }
}

/** Step 1: dates and area. */
export function tripPlanModal(
  meta: TripPlanMeta,
  t: Messages,
  defaults: { start: IsoDate; end: IsoDate; area?: string },
): ModalView {
  const p = t.trip.plan;
  return {
    type: "modal",
    callback_id: TRIP_VIEWS.plan,
    private_metadata: JSON.stringify(meta),
    title: plain(p.title, 24),
    submit: plain(p.next, 24),
    close: plain(p.close, 24),
    blocks: [
      {
        type: "input",
        block_id: "start",
        label: plain(p.start),
        element: { type: "datepicker", action_id: TRIP_VALUE, initial_date: defaults.start },
      },
      {
        type: "input",
        block_id: "end",
        label: plain(p.end),
        element: { type: "datepicker", action_id: TRIP_VALUE, initial_date: defaults.end },
      },
      {
        type: "input",
        block_id: "area",
        label: plain(p.area),
        hint: plain(p.areaHint),
        element: {
          type: "plain_text_input",
          action_id: TRIP_VALUE,
          placeholder: plain(p.areaPlaceholder, 150),
          max_length: 200,
          ...(defaults.area ? { initial_value: defaults.area } : {}),
        },
      },
    ],
  };
}

function candidateOption(c: RankedCandidate, locale: Locale): PlainTextOption {
  const label = [c.name, c.city, formatEuro(c.overdueCents, locale)].filter(Boolean).join(" · ");
  return { text: plain(label, 75), value: String(c.customerId) };
}

/** Step 2: Credito's proposal, with address, phone and note, and the list to adjust (preselected). */
export function tripConfirmModal(
  meta: TripPlanMeta,
  input: { candidates: readonly RankedCandidate[]; proposed: number; businessDays: number },
  t: Messages,
  locale: Locale,
): ModalView {
  const p = t.trip.plan;
  const options = input.candidates.slice(0, MAX_TRIP_OPTIONS).map((c) => candidateOption(c, locale));
  const proposed = input.candidates.slice(0, input.proposed);
  const SHOWN = 15;
  const lines = proposed.slice(0, SHOWN).map((c, i) => {
    const place = [
      c.address,
      [c.postalCode, c.city].filter(Boolean).join(" "),
      c.province ? `(${c.province})` : null,
    ]
      .filter(Boolean)
      .join(" ");
    const phone = [c.mobile, c.phone].filter(Boolean).join(" / ");
    const stake = [
      p.overdue(formatEuro(c.overdueCents, locale), c.daysOverdue),
      c.brokenPromises > 0 ? `❌ ${p.broken(c.brokenPromises)}` : null,
      c.neverMet ? p.neverMet : c.lastVisit ? p.lastVisit(formatDateCompact(c.lastVisit, locale)) : null,
    ].filter(Boolean);
    const note = [c.note.approach, c.note.attention, c.note.referencePerson].filter(Boolean).join(" · ");
    return [
      `${i + 1}. *${escapeMrkdwn(c.name)}* · ${stake.join(" · ")}`,
      `      ${place ? escapeMrkdwn(place) : p.noAddress} · 📞 ${phone ? escapeMrkdwn(phone) : p.noPhone}`,
      note ? `      _${p.noteLabel}: ${escapeMrkdwn(truncate(note, 300))}_` : null,
    ]
      .filter(Boolean)
      .join("\n");
  });
  const dates = tripDates({ startDate: meta.s ?? "", endDate: meta.e ?? meta.s ?? "" }, locale);
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(p.intro(escapeMrkdwn(meta.a ?? ""), dates, input.businessDays, input.candidates.length)),
    },
    ...sections(lines, p.proposalHeader(proposed.length)),
  ];
  if (proposed.length > SHOWN)
    blocks.push({ type: "context", elements: [mrkdwn(p.moreNotShown(proposed.length - SHOWN))] });
  blocks.push({
    type: "input",
    block_id: "visits",
    label: plain(p.visits),
    hint: plain(p.visitsHint(MAX_TRIP_VISITS)),
    element: {
      type: "multi_static_select",
      action_id: TRIP_VALUE,
      options,
      ...(proposed.length > 0 ? { initial_options: proposed.map((c) => candidateOption(c, locale)) } : {}),
      max_selected_items: MAX_TRIP_VISITS,
    },
  });
  return {
    type: "modal",
    callback_id: TRIP_VIEWS.confirm,
    private_metadata: JSON.stringify(meta),
    title: plain(p.title, 24),
    submit: plain(p.confirm, 24),
    close: plain(p.close, 24),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cost modal

export function tripCostModal(
  meta: { tripId: number; c?: string },
  t: Messages,
  locale: Locale,
  defaults: { date: IsoDate; kmRateCents: number },
): ModalView {
  const c = t.trip.cost;
  const opt = (k: string): PlainTextOption => ({ text: plain(c.kinds[k] ?? k, 75), value: k });
  return {
    type: "modal",
    callback_id: TRIP_VIEWS.cost,
    private_metadata: JSON.stringify(meta),
    title: plain(c.title, 24),
    submit: plain(c.submit, 24),
    close: plain(t.trip.plan.close, 24),
    blocks: [
      {
        type: "input",
        block_id: "kind",
        label: plain(c.kind),
        element: { type: "static_select", action_id: TRIP_VALUE, options: TRIP_COST_KINDS.map(opt) },
      },
      {
        type: "input",
        block_id: "amount",
        optional: true,
        label: plain(c.amount),
        hint: plain(c.amountHint),
        element: { type: "plain_text_input", action_id: TRIP_VALUE, max_length: 20 },
      },
      {
        type: "input",
        block_id: "km",
        optional: true,
        label: plain(c.km),
        hint: plain(c.kmHint(formatEuro(defaults.kmRateCents, locale))),
        element: { type: "plain_text_input", action_id: TRIP_VALUE, max_length: 10 },
      },
      {
        type: "input",
        block_id: "date",
        label: plain(c.date),
        element: { type: "datepicker", action_id: TRIP_VALUE, initial_date: defaults.date },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: plain(c.note),
        element: { type: "plain_text_input", action_id: TRIP_VALUE, max_length: 200 },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The debrief in the trip's thread

export function debriefMessage(
  d: TripDebrief,
  narrative: { text: string; source: NarrativeSource },
  extra: { nextDay: IsoDate; pecDrafted: ReadonlySet<number> },
  t: Messages,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const b = t.trip.debrief;
  const euro = (c: number) => formatEuro(c, locale);
  const day = (x: IsoDate) => formatDateCompact(x, locale);
  const dates = tripDates(d, locale);
  const name = (x: { name: string }) => `*${escapeMrkdwn(x.name)}*`;
  const source = {
    ai: b.sourceAi,
    deterministic: b.sourceDeterministic,
    fallback: b.sourceFallback,
    invented: b.sourceInvented,
  }[narrative.source];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(b.header(d.area, dates), 150) },
    { type: "section", text: mrkdwn(escapeMrkdwn(narrative.text)) },
    { type: "context", elements: [mrkdwn(source)] },
    {
      type: "section",
      text: mrkdwn(
        `${b.money(euro(d.collectedCents), euro(d.promisedCents), euro(d.costCents))}\n${b.visits(d.visited, d.planned)}`,
      ),
    },
  ];
  if (d.costsByKind.length > 0)
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(
          b.costDetail(
            d.costsByKind
              .map(
                (c) =>
                  `${t.trip.cost.kinds[c.kind] ?? c.kind} ${euro(c.amountCents)}${c.km > 0 ? ` (${c.km} km)` : ""}`,
              )
              .join(", "),
          ),
        ),
      ],
    });
  const list = (title: string, lines: string[]) => {
    blocks.push(...sections(lines.length > 0 ? lines.map((l) => `• ${l}`) : [`_${b.none}_`], `*${title}*`));
  };
  list(
    b.newNumbers,
    d.newNumbers.map((x) => `${name(x)}: ${escapeMrkdwn(x.number)}`),
  );
  list(
    b.newFaces,
    d.newFaces.map((x) => (x.person ? `${name(x)} (${escapeMrkdwn(x.person)})` : name(x))),
  );
  list(
    b.financialInfo,
    d.financialInfo.map((x) => `${name(x)}: ${escapeMrkdwn(truncate(x.text, 400))}`),
  );
  list(
    b.attitudes,
    d.attitudes.map(
      (x) =>
        `${name(x)}: ${[x.mood ? (t.mood[x.mood] ?? x.mood) : null, x.sincerity ? b.sincerity(x.sincerity) : null].filter(Boolean).join(", ")}`,
    ),
  );
  list(
    b.acknowledgments,
    d.acknowledgments.map(
      (x) => `${name(x)}: ${b.signedOn(t.log.documentKind.debt_acknowledgment ?? "", day(x.date))}`,
    ),
  );
  list(
    b.proposals,
    d.proposals.map((x) => {
      const what =
        x.kind === "settlement"
          ? x.amountCents !== null
            ? b.settlement(euro(x.amountCents), x.writeOffCents !== null ? euro(x.writeOffCents) : null)
            : b.settlementNoAmount
          : x.kind === "restructuring"
            ? b.restructuring
            : b.installments(euro(x.amountCents ?? 0));
      const docs = x.documents.map((doc) =>
        b.signedOn(t.log.documentKind[doc.kind] ?? doc.kind, day(doc.date)),
      );
      const terms = x.terms ? ` _${escapeMrkdwn(truncate(x.terms, 200))}_` : "";
      return `${name(x)}: ${[what, ...docs].join(" · ")}${terms}`;
    }),
  );
  list(
    b.negatives,
    d.negatives.map((x) => (x.notes ? `${name(x)}: ${escapeMrkdwn(truncate(x.notes, 300))}` : name(x))),
  );
  list(
    b.promises,
    d.promises.map(
      (x) =>
        `${name(x)}: ${b.promiseLine(euro(x.amountCents), day(x.dueDate))}${extra.pecDrafted.has(x.customerId) ? ` · 📨 ${b.pecDrafted}` : ""}`,
    ),
  );
  if (d.notVisited.length > 0) list(b.notVisited, d.notVisited.map(name));
  const counts = new Map<string, number>();
  for (const a of d.actions) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const next = (["call_new_number", "legal", "verify_proposal", "keep_contact"] as const)
    .filter((k) => counts.get(k))
    .map((k) => `• ${b.next[k](counts.get(k) ?? 0)}`);
  blocks.push({ type: "divider" });
  blocks.push({
    type: "section",
    text: mrkdwn(
      next.length > 0
        ? `${b.nextHeader(formatDateLong(extra.nextDay, locale))}\n${next.join("\n")}`
        : b.noActions,
    ),
  });
  return { text: escapeMrkdwn(`${b.text(d.area, dates)}: ${narrative.text}`), blocks: blocks.slice(0, 50) };
}

// ---------------------------------------------------------------------------------------------------------
// PEC draft, sent privately to the collector

export function pecDraftMessage(
  draft: { id: number; customerName: string; recipient: string; subject: string; body: string },
  t: Messages,
): { text: string; blocks: KnownBlock[] } {
  const p = t.trip.pec;
  const ready = p.ready(escapeMrkdwn(draft.customerName), escapeMrkdwn(draft.recipient));
  return {
    text: ready.replace(/\*/g, ""),
    blocks: [
      { type: "section", text: mrkdwn(ready) },
      { type: "section", text: mrkdwn(`*${p.subjectLabel}:* ${escapeMrkdwn(draft.subject)}`) },
      { type: "section", text: mrkdwn(`\`\`\`${truncate(escapeMrkdwn(draft.body), 2990)}\`\`\``) },
      {
        type: "actions",
        block_id: `pec_${draft.id}`,
        elements: [
          {
            type: "button",
            action_id: TRIP_ACTIONS.pecSend,
            text: plain(p.send, 75),
            value: String(draft.id),
            style: "primary",
          },
          {
            type: "button",
            action_id: TRIP_ACTIONS.pecCopy,
            text: plain(p.copy, 75),
            value: String(draft.id),
          },
        ],
      },
    ],
  };
}

/** The full text to copy (subject and body), in code blocks that fit Slack's limits. */
export function pecCopyMessage(
  draft: { subject: string; body: string; recipient: string },
  t: Messages,
): { text: string; blocks: KnownBlock[] } {
  const full = `${t.trip.pec.subjectLabel}: ${draft.subject}\n\n${draft.body}`;
  const chunks: string[] = [];
  for (let i = 0; i < full.length; i += 2900) chunks.push(full.slice(i, i + 2900));
  return {
    text: `${t.trip.pec.copyIntro} ${escapeMrkdwn(draft.recipient)}`,
    blocks: [
      { type: "section", text: mrkdwn(`${t.trip.pec.copyIntro} (${escapeMrkdwn(draft.recipient)})`) },
      ...chunks
        .slice(0, 40)
        .map((c): KnownBlock => ({ type: "section", text: mrkdwn(`\`\`\`${escapeMrkdwn(c)}\`\`\``) })),
    ],
  };
}
