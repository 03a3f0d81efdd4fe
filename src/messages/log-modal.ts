import type { KnownBlock, ModalView, Option, PlainTextOption } from "@slack/types";
import { formatDateCompact, type IsoDate, isIsoDate } from "../domain/calendar";
import {
  CHANNELS,
  DOCUMENT_KINDS,
  type LogDraft,
  MAX_INSTALLMENTS,
  MOODS,
  OUTCOMES,
  type Outcome,
  outcomeNeeds,
} from "../domain/log-entry";
import { formatEuro } from "../domain/money";
import type { LogCustomer } from "../domain/positions";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";

export const LOG_MODAL_CALLBACK = "log_modal";
/** action ids of the modal's interactive inputs (they must NOT start with "log_outcome": that prefix opens the modal) */
export const LOG_ACTIONS = { customer: "lm_customer", outcome: "lm_outcome" } as const;
/** action id of every other input; the block id is the field name (see LogField) */
export const VALUE = "value";

/** What the modal carries between updates and to the submission (JSON, well under 3000 characters). */
export interface LogModalMeta {
  /** channel the command came from: the confirmation goes there (ephemeral) */
  c?: string;
  /** selected customer id */
  u?: number;
}

export function encodeMeta(meta: LogModalMeta): string {
  return JSON.stringify(meta);
}

export function decodeMeta(raw: string | undefined): LogModalMeta {
  try {
    const m = JSON.parse(raw || "{}") as Record<string, unknown>;
    return {
      c: typeof m.c === "string" && /^[CDG][A-Z0-9]+$/.test(m.c) ? m.c : undefined,
      u: typeof m.u === "number" && Number.isInteger(m.u) ? m.u : undefined,
    };
  } catch {
    return {};
  }
}

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(truncate(text, 75)), value });

/** The customer as an option of the external select: "ROSSI MARIO SRL · CL001 · Verona". */
export function customerOption(c: {
  id: number;
  code: string;
  name: string;
  city?: string | null;
}): PlainTextOption {
  const label = [c.name, c.code, c.city].filter(Boolean).join(" · ");
  return option(label, String(c.id));
}

function modal(meta: LogModalMeta, t: Messages, blocks: KnownBlock[], submit = true): ModalView {
  return {
    type: "modal",
    callback_id: LOG_MODAL_CALLBACK,
    private_metadata: encodeMeta(meta),
    title: plain(truncate(t.log.title, 24)),
    ...(submit ? { submit: plain(truncate(t.log.submit, 24)) } : {}),
    close: plain(truncate(t.log.close, 24)),
    blocks,
  };
}

/** Opened at once with the trigger_id (valid 3 s); the real form follows with views.update. */
export function loadingLogModal(meta: LogModalMeta, t: Messages): ModalView {
  return modal(meta, t, [{ type: "section", text: { type: "mrkdwn", text: `⏳ ${t.log.loading}` } }], false);
}

export interface LogModalInput {
  meta: LogModalMeta;
  customer: LogCustomer | null;
  draft: LogDraft;
  today: IsoDate;
  /** what is still missing, shown on top (a one-line command that could not be completed) */
  notices?: string[];
}

/** The form: the customer's position, the common fields and only the fields the chosen outcome needs. */
export function logModal(input: LogModalInput, t: Messages, locale: Locale): ModalView {
  const { draft } = input;
  const outcome = (OUTCOMES as readonly string[]).includes(draft.outcome ?? "")
    ? (draft.outcome as Outcome)
    : undefined;
  const f: FormParts = { input, t, locale, euro: (c: number) => formatEuro(c, locale) };
  const blocks: KnownBlock[] = [
    ...headBlocks(f, outcome),
    ...((outcome && OUTCOME_FIELDS[outcome]?.(f)) || []),
    ...(outcomeNeeds(outcome).documents ? documentBlocks(f) : []),
    ...commonBlocks(f, outcome),
  ];
  return modal(input.meta, t, blocks);
}

/** What the parts of the form are drawn from. */
interface FormParts {
  input: LogModalInput;
  t: Messages;
  locale: Locale;
  euro: (c: number) => string;
}

/** What is still missing, the position, the customer and the outcome (both redraw the form when changed). */
function headBlocks({ input, t, locale }: FormParts, outcome: Outcome | undefined): KnownBlock[] {
  const { customer } = input;
  const L = t.log;
  const blocks: KnownBlock[] = [];
  if (input.notices && input.notices.length > 0) {
    const list = input.notices.map((n) => `• ${n}`).join("\n");
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(`⚠️ *${L.toComplete}*\n${list}`, 3000) },
    });
  }
  if (customer) blocks.push(...positionBlocks(customer, t, locale));
  else blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: L.pickCustomer }] });
  blocks.push({
    type: "input",
    block_id: "customer",
    dispatch_action: true,
    label: plain(L.customer),
    element: {
      type: "external_select",
      action_id: LOG_ACTIONS.customer,
      min_query_length: 1,
      placeholder: plain(L.customerPlaceholder),
      ...(customer ? { initial_option: customerOption(customer.position) } : {}),
    },
  });
  blocks.push({
    type: "input",
    block_id: "outcome",
    dispatch_action: true,
    label: plain(L.outcome),
    element: {
      type: "static_select",
      action_id: LOG_ACTIONS.outcome,
      placeholder: plain(L.outcomePlaceholder),
      options: OUTCOMES.map((o) => option(t.outcome[o] ?? o, o)),
      ...(outcome ? { initial_option: option(t.outcome[outcome] ?? outcome, outcome) } : {}),
    },
  });
  return blocks;
}

/** The fields of the outcomes that have their own; the others show only the common ones. */
const OUTCOME_FIELDS: Partial<Record<Outcome, (f: FormParts) => KnownBlock[]>> = {
  promise: ({ input: { draft }, t }) => [
    textInput("promiseAmount", t.log.promiseAmount, draft.promiseAmount, {
      placeholder: t.log.amountPlaceholder,
    }),
    dateInput("promiseDate", t.log.promiseDate, draft.promiseDate),
  ],
  installments: ({ input: { draft, customer }, t, euro }) => {
    const L = t.log;
    const owed = customer ? euro(customer.position.openCents) : euro(0);
    const blocks: KnownBlock[] = [
      { type: "context", elements: [{ type: "mrkdwn", text: L.installmentsHint(owed) }] },
    ];
    for (let n = 1; n <= MAX_INSTALLMENTS; n++) {
      const row = draft.installments?.[n - 1];
      blocks.push(
        textInput(`installmentAmount${n}`, L.installmentAmount(n), row?.amount, {
          optional: n > 2,
          placeholder: L.amountPlaceholder,
        }),
      );
      blocks.push(dateInput(`installmentDate${n}`, L.installmentDate(n), row?.date, n > 2));
    }
    return blocks;
  },
  callback: ({ input: { draft, today }, t }) => {
    const time =
      draft.callbackTime && /^\d{2}:\d{2}$/.test(draft.callbackTime) ? draft.callbackTime : undefined;
    return [
      dateInput("callbackDate", t.log.callbackDate, draft.callbackDate ?? today),
      {
        type: "input",
        block_id: "callbackTime",
        label: plain(t.log.callbackTime),
        element: { type: "timepicker", action_id: VALUE, ...(time ? { initial_time: time } : {}) },
      },
    ];
  },
  settlement: ({ input: { draft, customer }, t, euro }) => {
    const L = t.log;
    const blocks: KnownBlock[] = [];
    if (customer)
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: L.settlementHint(euro(customer.position.openCents)) }],
      });
    blocks.push(
      textInput("settlementAmount", L.settlementAmount, draft.settlementAmount, {
        placeholder: L.amountPlaceholder,
      }),
    );
    blocks.push(
      textInput("settlementTerms", L.settlementTerms, draft.settlementTerms, {
        optional: true,
        multiline: true,
        placeholder: L.settlementTermsPlaceholder,
      }),
    );
    return blocks;
  },
  dispute: ({ input: { draft, customer, today }, t, locale, euro }) => {
    const open = customer?.invoices.filter((i) => i.status === "open").slice(0, 100) ?? [];
    if (open.length === 0) return [];
    const label = (i: (typeof open)[number]) =>
      `${i.number}${i.installment > 1 ? `/${i.installment}` : ""} · ${formatDateCompact(i.dueDate, locale)} · ${euro(i.openCents)}`;
    const chosen = draft.disputedInvoiceIds
      ? open.filter((i) => draft.disputedInvoiceIds?.includes(String(i.id)))
      : open.filter((i) => i.dueDate < today);
    return [
      {
        type: "input",
        block_id: "disputedInvoices",
        optional: true,
        label: plain(t.log.disputedInvoices),
        hint: plain(t.log.disputedHint),
        element: {
          type: "multi_static_select",
          action_id: VALUE,
          options: open.map((i) => option(label(i), String(i.id))),
          ...(chosen.length > 0
            ? { initial_options: chosen.map((i) => option(label(i), String(i.id))) }
            : {}),
        },
      },
    ];
  },
};

/** The signed documents brought back and their date (outcomes where a document makes sense). */
function documentBlocks({ input: { draft }, t }: FormParts): KnownBlock[] {
  const L = t.log;
  const kinds = DOCUMENT_KINDS.map((k) => option(L.documentKind[k] ?? k, k));
  const chosen = kinds.filter((k) => draft.documents?.includes(k.value ?? ""));
  return [
    {
      type: "input",
      block_id: "documents",
      optional: true,
      label: plain(L.documents),
      element: {
        type: "checkboxes",
        action_id: VALUE,
        options: kinds as Option[],
        ...(chosen.length > 0 ? { initial_options: chosen as Option[] } : {}),
      },
    },
    dateInput("documentDate", L.documentDate, draft.documentDate, true),
  ];
}

/** Every outcome's fields: the channel, who was reached and how (when reached), notes, new contacts. */
function commonBlocks({ input: { draft }, t }: FormParts, outcome: Outcome | undefined): KnownBlock[] {
  const L = t.log;
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: "channel",
      label: plain(L.channel),
      element: {
        type: "static_select",
        action_id: VALUE,
        options: CHANNELS.map((c) => option(t.channel[c] ?? c, c)),
        initial_option: option(
          t.channel[draft.channel ?? "phone"] ?? "phone",
          (CHANNELS as readonly string[]).includes(draft.channel ?? "") ? (draft.channel as string) : "phone",
        ),
      },
    },
  ];
  if (outcomeNeeds(outcome).reached || !outcome) {
    blocks.push(
      textInput("personReached", L.person, draft.personReached, {
        optional: true,
        placeholder: L.personPlaceholder,
      }),
      selectInput(
        "mood",
        L.mood,
        MOODS.map((m) => option(t.mood[m] ?? m, m)),
        draft.mood,
      ),
      selectInput(
        "sincerity",
        L.sincerity,
        ["1", "2", "3", "4", "5"].map((n) => option(L.sincerityLevel[n] ?? n, n)),
        draft.sincerity,
      ),
    );
  }
  blocks.push(
    textInput("notes", L.notes, draft.notes, {
      optional: outcome !== "dispute",
      multiline: true,
      placeholder: L.notesPlaceholder,
    }),
    { type: "header", text: plain(truncate(L.newContacts, 150)) },
    textInput("newPhone", L.newPhone, draft.newPhone, { optional: true, placeholder: "333 123 4567" }),
    textInput("newEmail", L.newEmail, draft.newEmail, { optional: true, placeholder: "nome@azienda.it" }),
    textInput("newPec", L.newPec, draft.newPec, { optional: true, placeholder: "azienda@pec.it" }),
  );
  return blocks;
}

/** The customer's position on top of the form: what a collector needs before the call. */
export function positionBlocks(customer: LogCustomer, t: Messages, locale: Locale): KnownBlock[] {
  const p = customer.position;
  const P = t.log.position;
  const euro = (c: number) => formatEuro(c, locale);
  const flags = [p.creditHold ? "⛔" : "", p.preserveRelationship ? "🤝" : ""].filter(Boolean).join(" ");
  const title = `*${escapeMrkdwn(p.name)}* · ${escapeMrkdwn(p.code)}${flags ? ` ${flags}` : ""}`;
  const oldest = p.oldestDueDate
    ? `${formatDateCompact(p.oldestDueDate, locale)} · ${t.case.daysOverdue(p.daysOverdue)}`
    : t.case.notOverdue;
  const last = p.lastContact
    ? `${formatDateCompact(p.lastContact.date, locale)} · ${t.channel[p.lastContact.channel] ?? p.lastContact.channel} · ${t.outcome[p.lastContact.outcome] ?? p.lastContact.outcome}`
    : P.never;
  const promise = customer.openPromise
    ? `⏳ ${euro(customer.openPromise.amountCents)} · ${formatDateCompact(customer.openPromise.dueDate, locale)}`
    : P.none;
  const note = [p.note.approach, p.note.attention, p.note.referencePerson]
    .filter(Boolean)
    .map((n) => escapeMrkdwn(n as string));
  const sales = p.salesperson ? ` (${P.salesperson}: ${escapeMrkdwn(p.salesperson.name)})` : "";
  return [
    { type: "section", text: { type: "mrkdwn", text: truncate(title, 3000) } },
    {
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `*${P.open}*\n${euro(p.openCents)} (${P.overdue.toLowerCase()} ${euro(p.overdueCents)})${p.disputedCents ? `\n_${t.figures.ofWhichDisputed(euro(p.disputedCents))}_` : ""}`,
        },
        { type: "mrkdwn", text: `*${P.oldest}*\n${oldest}` },
        { type: "mrkdwn", text: `*${P.lastContact}*\n${last}` },
        { type: "mrkdwn", text: `*${P.openPromise}*\n${promise}` },
      ],
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncate(`🗒 *${P.note}*${sales}: ${note.length > 0 ? note.join(" · ") : P.noNote}`, 3000),
        },
      ],
    },
    { type: "divider" },
  ];
}

function textInput(
  blockId: string,
  label: string,
  value: string | undefined,
  opts: { optional?: boolean; multiline?: boolean; placeholder?: string } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    element: {
      type: "plain_text_input",
      action_id: VALUE,
      multiline: opts.multiline ?? false,
      max_length: opts.multiline ? 2500 : 150,
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(value?.trim() ? { initial_value: value } : {}),
    },
  };
}

function dateInput(blockId: string, label: string, value: string | undefined, optional = false): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional,
    label: plain(label),
    element: {
      type: "datepicker",
      action_id: VALUE,
      ...(value && isIsoDate(value) ? { initial_date: value } : {}),
    },
  };
}

function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  value: string | undefined,
): KnownBlock {
  const chosen = options.find((o) => o.value === value);
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: {
      type: "static_select",
      action_id: VALUE,
      options,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_date?: string | null;
      selected_time?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

/** What the user has entered so far, read back from the view's state (for an update or the submission). */
export function draftFromState(values: StateValues, meta: LogModalMeta): LogDraft {
  const v = (block: string) => {
    const actions = values[block];
    return actions ? Object.values(actions)[0] : undefined;
  };
  const text = (block: string) => v(block)?.value ?? undefined;
  const date = (block: string) => v(block)?.selected_date ?? undefined;
  const selected = (block: string) => v(block)?.selected_option?.value ?? undefined;
  const many = (block: string) => v(block)?.selected_options?.map((o) => o.value);
  const customerValue = selected("customer");
  const customerId = customerValue ? Number(customerValue) : meta.u;
  const installments: { amount?: string; date?: string }[] = [];
  for (let n = 1; n <= MAX_INSTALLMENTS; n++) {
    installments.push({ amount: text(`installmentAmount${n}`), date: date(`installmentDate${n}`) });
  }
  return {
    customerId:
      customerId !== undefined && Number.isInteger(customerId) && customerId > 0 ? customerId : undefined,
    channel: selected("channel"),
    outcome: selected("outcome"),
    personReached: text("personReached"),
    mood: selected("mood"),
    sincerity: selected("sincerity"),
    notes: text("notes"),
    promiseAmount: text("promiseAmount"),
    promiseDate: date("promiseDate"),
    installments: installments.some((r) => r.amount || r.date) ? installments : undefined,
    callbackDate: date("callbackDate"),
    callbackTime: v("callbackTime")?.selected_time ?? undefined,
    settlementAmount: text("settlementAmount"),
    settlementTerms: text("settlementTerms"),
    documents: many("documents"),
    documentDate: date("documentDate"),
    disputedInvoiceIds: values.disputedInvoices ? (many("disputedInvoices") ?? []) : undefined,
    newPhone: text("newPhone"),
    newEmail: text("newEmail"),
    newPec: text("newPec"),
  };
}

/** The input block ids present in a view: inline errors may only name these. */
export function inputBlockIds(view: { blocks: readonly unknown[] }): Set<string> {
  const ids = new Set<string>();
  for (const b of view.blocks as { type?: string; block_id?: string }[])
    if (b.type === "input" && b.block_id) ids.add(b.block_id);
  return ids;
}

/** The ephemeral confirmation after a successful log: what was saved and the next step. */
export function logConfirmation(
  saved: { customerName: string; summary: string; nextSteps: string[]; inCase: boolean },
  t: Messages,
): { text: string; blocks: KnownBlock[] } {
  const steps = saved.nextSteps.map((s) => `👉 ${s}`).join("\n");
  const head = `${t.log.saved(escapeMrkdwn(saved.customerName))}${saved.inCase ? ` ${t.log.inCase}` : ""}`;
  return {
    text: `${t.log.savedText(escapeMrkdwn(saved.customerName))} ${saved.nextSteps.join(" ")}`.trim(),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(head, 3000) } },
      { type: "context", elements: [{ type: "mrkdwn", text: truncate(saved.summary, 3000) }] },
      ...(steps
        ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(steps, 3000) } }]
        : []),
    ],
  };
}
