import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { type LogDraft, validateLogDraft } from "../../src/domain/log-entry";
import { messages } from "../../src/i18n";
import { renderAction, renderReason } from "../../src/i18n/tasks";
import { buildDigest } from "../../src/services/digest/digest";
import { loadLogCustomer, logOutcome, validationContextFor } from "../../src/services/outcomes/log-outcome";
import { memberBySlackId } from "../../src/services/team/team";
import { planTrip } from "../../src/services/trips/trips";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { click, submitView, threadPosts, until } from "../support/cases";
import { FakeOpenAi } from "../support/fake-openai";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

const LUCA = "U0LUCA";
const OWNER = "U0OWNER";
const MONDAY = "2026-03-09T08:30:00+01:00";

interface World {
  h: Harness;
  ids: Record<"ferri" | "esposito" | "russo" | "deluca" | "verdi" | "greco" | "bianchi", number>;
}

/** A collector, an owner, and customers in Naples and Caserta (plus one in Salerno, out of the area). */
async function seed(h: Harness): Promise<World> {
  const db = h.runtime.ctx.db;
  await db.teamMember.create({ data: { slackUserId: LUCA, name: "Luca Moretti", role: "admin" } });
  await db.teamMember.create({ data: { slackUserId: OWNER, name: "Oscar Titolare", role: "owner" } });
  const customer = async (
    code: string,
    name: string,
    place: { city: string; province: string; address: string },
    invoices: { number: string; dueDate: string; cents: number }[],
    extra: Record<string, unknown> = {},
  ) =>
    (
      await db.customer.create({
        data: {
          code,
          name,
          searchText: `${name.toLowerCase()} ${code.toLowerCase()}`,
          ...place,
          phone: "081 5551234",
          ...extra,
          invoices: {
            create: invoices.map((i) => ({
              number: i.number,
              issueDate: "2025-11-01",
              dueDate: i.dueDate,
              amountCents: i.cents,
              openCents: i.cents,
            })),
          },
        },
      })
    ).id;
  const ids = {
    ferri: await customer(
      "CL10",
      "Ferri Costruzioni SRL",
      { city: "Napoli", province: "NA", address: "Via Toledo 10" },
      [{ number: "FT-10", dueDate: "2026-01-08", cents: 800_000 }],
    ),
    esposito: await customer(
      "CL11",
      "Esposito Alimentari SNC",
      { city: "Caserta", province: "CE", address: "Corso Trieste 5" },
      [{ number: "FT-11", dueDate: "2026-02-07", cents: 1_000_000 }],
      { noteApproach: "Chiedere del signor Gennaro, mai il lunedì mattina" },
    ),
    russo: await customer(
      "CL12",
      "Russo Tessuti SRL",
      { city: "Aversa", province: "CE", address: "Via Roma 3" },
      [{ number: "FT-12", dueDate: "2025-12-09", cents: 400_000 }],
    ),
    deluca: await customer(
      "CL13",
      "De Luca Ricambi SRL",
      { city: "Pozzuoli", province: "NA", address: "Via Napoli 8" },
      [
        { number: "FT-13", dueDate: "2026-02-07", cents: 200_000 },
        { number: "FT-14", dueDate: "2026-03-31", cents: 80_000 },
      ],
    ),
    verdi: await customer(
      "CL14",
      "Verdi Caffè",
      { city: "Napoli", province: "NA", address: "Piazza Dante 1" },
      [{ number: "FT-15", dueDate: "2026-02-27", cents: 30_000 }],
    ),
    greco: await customer(
      "CL15",
      "Greco Conserve",
      { city: "Salerno", province: "SA", address: "Lungomare 2" },
      [{ number: "FT-16", dueDate: "2025-12-01", cents: 900_000 }],
    ),
    bianchi: await customer(
      "CL16",
      "Bianchi Ottica",
      { city: "Napoli", province: "NA", address: "Via Chiaia 2" },
      [{ number: "FT-17", dueDate: "2026-04-30", cents: 500_000 }],
    ),
  };
  const luca = await db.teamMember.findUniqueOrThrow({ where: { slackUserId: LUCA } });
  // Ferri and De Luca were visited last autumn; De Luca broke a promise
  for (const id of [ids.ferri, ids.deluca])
    await db.interaction.create({
      data: {
        customerId: id,
        memberId: luca.id,
        channel: "visit",
        outcome: "info",
        date: "2025-11-10",
        occurredAt: new Date("2025-11-10T10:00:00+01:00"),
      },
    });
  await db.paymentPromise.create({
    data: { customerId: ids.deluca, amountCents: 50_000, dueDate: "2026-02-20", status: "broken" },
  });
  return { h, ids };
}

/** Logs a visit as the modal would: validated draft, then logOutcome. */
async function logVisit(h: Harness, customerId: number, draft: LogDraft) {
  const ctx = h.runtime.ctx;
  const member = await memberBySlackId(ctx.db, LUCA);
  const customer = await loadLogCustomer(ctx.db, customerId, today(ctx));
  const v = validateLogDraft(
    { channel: "visit", ...draft, customerId },
    validationContextFor(ctx, customer),
    messages("it").log.errors,
  );
  if (!v.ok) throw new Error(`invalid draft: ${JSON.stringify(v.errors)}`);
  return logOutcome(ctx, v.entry, member!);
}

/** The seed's trip: a refusal, a settlement with acknowledgment and new mobile, a settlement with a
 * restructuring plan, a promise with PEC; Verdi planned but not visited; a km and a hotel cost. */
async function playSeedTrip(w: World, opts: { plan?: boolean } = {}): Promise<number> {
  const { h, ids } = w;
  const ctx = h.runtime.ctx;
  if (opts.plan !== false) {
    const member = await memberBySlackId(ctx.db, LUCA);
    const planned = await planTrip(
      ctx,
      {
        collector: member!,
        startDate: "2026-03-09",
        endDate: "2026-03-10",
        area: "NA, CE",
        customerIds: [ids.esposito, ids.russo, ids.ferri, ids.deluca, ids.verdi],
      },
      today(ctx),
    );
    if (!planned.ok) throw new Error(planned.error);
  }
  await ctx.outbox.idle();
  h.clock.set("2026-03-09T11:00:00+01:00");
  // the one-line form, as typed at the door: a total refusal
  await h.requester.command(LUCA, "/credito", "log Ferri rifiuto nessuna intenzione di collaborare");
  await until(
    async () =>
      (await ctx.db.interaction.count({ where: { customerId: ids.ferri, tripId: { not: null } } })) === 1,
  );
  h.clock.set("2026-03-09T16:00:00+01:00");
  await logVisit(h, ids.esposito, {
    outcome: "settlement",
    personReached: "Gennaro Esposito",
    mood: "cooperative",
    sincerity: "4",
    settlementAmount: "6.000",
    settlementTerms: "Bonifico entro il 20/3",
    documents: ["debt_acknowledgment", "settlement_proposal"],
    documentDate: "2026-03-09",
    newPhone: "333 1234567",
  });
  h.clock.set("2026-03-10T10:00:00+01:00");
  await logVisit(h, ids.russo, {
    outcome: "settlement",
    personReached: "Anna Russo",
    mood: "calm",
    sincerity: "3",
    settlementAmount: "2.500",
    documents: ["restructuring_plan"],
    documentDate: "2026-03-10",
    notes: "Piano di risanamento con la banca: nuova linea di credito da aprile",
  });
  h.clock.set("2026-03-10T12:00:00+01:00");
  await logVisit(h, ids.deluca, {
    outcome: "promise",
    personReached: "Paolo De Luca",
    mood: "calm",
    sincerity: "5",
    promiseAmount: "1.500",
    promiseDate: "2026-03-20",
    newPec: "amministrazione@pec.delucaricambi.it",
  });
  await ctx.db.payment.create({
    data: { customerId: ids.deluca, date: "2026-03-10", amountCents: 50_000, method: "contanti" },
  });
  const trip = await ctx.db.fieldTrip.findFirstOrThrow({
    where: { collectorId: { not: null } },
    orderBy: { id: "desc" },
  });
  await ctx.db.tripCost.createMany({
    data: [
      { tripId: trip.id, kind: "km", amountCents: 14_420, km: 412, date: "2026-03-09" },
      { tripId: trip.id, kind: "hotel", amountCents: 9500, date: "2026-03-09" },
    ],
  });
  await ctx.outbox.idle();
  h.clock.set("2026-03-10T18:00:00+01:00");
  return trip.id;
}

async function closeByCommand(h: Harness, tripId: number): Promise<void> {
  await h.requester.command(LUCA, "/credito", "giro chiudi");
  await until(
    async () =>
      (await h.runtime.ctx.db.fieldTrip.findUniqueOrThrow({ where: { id: tripId } })).status === "closed",
    8000,
  );
  await h.runtime.ctx.outbox.idle();
}

const debriefPost = async (h: Harness, tripId: number): Promise<RecordedCall> => {
  const trip = await h.runtime.ctx.db.fieldTrip.findUniqueOrThrow({ where: { id: tripId } });
  const post = threadPosts(h, trip.threadTs as string).find((c) =>
    String(c.args.text).startsWith("Debrief del giro"),
  );
  expect(post).toBeDefined();
  return post as RecordedCall;
};
const blockTexts = (call: RecordedCall): string[] =>
  ((call.args.blocks ?? []) as { text?: { text: string }; elements?: { text: string }[] }[]).flatMap((b) => [
    ...(b.text ? [b.text.text] : []),
    ...(b.elements ?? []).map((e) => e.text).filter(Boolean),
  ]);

describe("field trips: plan, visits, debrief and the next day", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("/credito giro proposes the customers of the area by what is at stake, and posts the plan as the trip's thread parent", async () => {
    h = await startHarness({ now: MONDAY });
    const { ids } = await seed(h);
    const trigger = h.requester.newTriggerId();
    await h.requester.command(LUCA, "/credito", "giro NA, CE", { triggerId: trigger });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const opened = h.slack.callsOf("views.open")[0]?.args as {
      trigger_id: string;
      view: { callback_id: string; blocks: unknown[] };
    };
    expect(opened.trigger_id).toBe(trigger);
    expect(opened.view.callback_id).toBe("trip_plan");
    expect(JSON.stringify(opened.view)).toContain('"initial_value":"NA, CE"');

    // an invalid first step: inline errors
    const bad = await submitView(h, LUCA, "trip_plan", "{}", {
      start: { value: { type: "datepicker", selected_date: "2026-03-06" } },
      end: { value: { type: "datepicker", selected_date: "2026-03-10" } },
      area: { value: { type: "plain_text_input", value: "Bolzano" } },
    });
    expect(bad.json).toEqual({
      response_action: "errors",
      errors: { start: "Il giro non può iniziare nel passato." },
    });
    const none = await submitView(h, LUCA, "trip_plan", "{}", {
      start: { value: { type: "datepicker", selected_date: "2026-03-09" } },
      end: { value: { type: "datepicker", selected_date: "2026-03-10" } },
      area: { value: { type: "plain_text_input", value: "Bolzano" } },
    });
    expect(none.json).toEqual({
      response_action: "errors",
      errors: { area: "In questa zona nessun cliente ha fatture scadute." },
    });

    const step1 = await submitView(h, LUCA, "trip_plan", JSON.stringify({ c: CHANNEL }), {
      start: { value: { type: "datepicker", selected_date: "2026-03-09" } },
      end: { value: { type: "datepicker", selected_date: "2026-03-10" } },
      area: { value: { type: "plain_text_input", value: "NA, CE" } },
    });
    const update = step1.json as {
      response_action: string;
      view: { callback_id: string; private_metadata: string; blocks: Record<string, unknown>[] };
    };
    expect(update.response_action).toBe("update");
    expect(update.view.callback_id).toBe("trip_confirm");
    const input = update.view.blocks.find((b) => b.block_id === "visits") as {
      element: { options: { value: string }[]; initial_options: { value: string; text: { text: string } }[] };
    };
    // Esposito (€ 10.000, 30 days, never met) > Russo (€ 4.000, 90 days, never met) > Ferri (€ 8.000, 60 days,
    // met) > De Luca (€ 2.000, 30 days, 1 broken promise, met) > Verdi; Greco is in Salerno, Bianchi owes nothing yet
    const order = [ids.esposito, ids.russo, ids.ferri, ids.deluca, ids.verdi].map(String);
    expect(input.element.options.map((o) => o.value)).toEqual(order);
    expect(input.element.initial_options.map((o) => o.value)).toEqual(order);
    expect(input.element.initial_options[0]?.text.text).toBe(
      "Esposito Alimentari SNC · Caserta · € 10.000,00",
    );
    const proposal = JSON.stringify(update.view.blocks);
    expect(proposal).toContain("1. *Esposito Alimentari SNC* · scaduto € 10.000,00 da 30 gg · mai visitato");
    expect(proposal).toContain("Corso Trieste 5 Caserta (CE) · 📞 081 5551234");
    expect(proposal).toContain("_Nota commerciale: Chiedere del signor Gennaro, mai il lunedì mattina_");
    expect(proposal).toContain(
      "4. *De Luca Ricambi SRL* · scaduto € 2.000,00 da 30 gg · ❌ 1 promessa non mantenuta · ultima visita 10 nov",
    );

    // the collector drops Verdi and confirms
    const step2 = await submitView(h, LUCA, "trip_confirm", update.view.private_metadata, {
      visits: {
        value: {
          type: "multi_static_select",
          selected_options: order.slice(0, 4).map((value) => ({ value })),
        },
      },
    });
    expect(step2.status).toBe(200);
    const db = h.runtime.ctx.db;
    await until(async () => (await db.fieldTrip.count()) === 1);
    await h.runtime.ctx.outbox.idle();
    const trip = await db.fieldTrip.findFirstOrThrow({
      include: { visits: { orderBy: { position: "asc" } } },
    });
    expect(trip).toMatchObject({
      startDate: "2026-03-09",
      endDate: "2026-03-10",
      area: "NA, CE",
      status: "open",
      channelId: CHANNEL,
    });
    // same-city customers together, two a day
    expect(trip.visits.map((v) => [v.customerId, v.plannedDate, v.status])).toEqual([
      [ids.esposito, "2026-03-09", "planned"],
      [ids.russo, "2026-03-09", "planned"],
      [ids.ferri, "2026-03-10", "planned"],
      [ids.deluca, "2026-03-10", "planned"],
    ]);
    const parent = h.slack
      .callsOf("chat.postMessage")
      .find((c) => c.args.ts === undefined && String(c.args.text).startsWith("🚗 Giro di visite NA, CE"));
    expect(parent?.args).toMatchObject({
      channel: CHANNEL,
      text: "🚗 Giro di visite NA, CE (9–10 mar) di Luca Moretti: 4 visite",
    });
    expect(parent?.args.thread_ts).toBeUndefined();
    const parentText = JSON.stringify(parent?.args.blocks);
    expect(parentText).toContain("*lunedì 9 marzo*");
    expect(parentText).toContain(
      "1. *Esposito Alimentari SNC* · Corso Trieste 5, Caserta (CE) · € 10.000,00 · 📞 081 5551234",
    );
    expect(parentText).toContain('"action_id":"trip_costs"');
    expect(parentText).toContain('"action_id":"trip_close"');
    expect(trip.threadTs).toBeTruthy();
    const told = h.slack.callsOf("chat.postEphemeral").at(-1);
    expect(told?.args).toMatchObject({ channel: CHANNEL, user: LUCA });
    expect(String(told?.args.text)).toContain("Giro pianificato (9–10 mar, 4 visite)");
  });

  it("while the trip is open /credito log records visits that belong to the trip; costs go in through the modal", async () => {
    h = await startHarness({ now: MONDAY });
    const w = await seed(h);
    const ctx = h.runtime.ctx;
    const member = await memberBySlackId(ctx.db, LUCA);
    const planned = await planTrip(
      ctx,
      {
        collector: member!,
        startDate: "2026-03-09",
        endDate: "2026-03-10",
        area: "NA, CE",
        customerIds: [w.ids.ferri],
      },
      today(ctx),
    );
    expect(planned.ok).toBe(true);
    await ctx.outbox.idle();

    // the modal proposes "visit"
    await h.requester.command(LUCA, "/credito", "log");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const view = h.slack.callsOf("views.update").at(-1)?.args.view as {
      blocks: { block_id?: string; element?: { initial_option?: { value: string } } }[];
    };
    expect(view.blocks.find((b) => b.block_id === "channel")?.element?.initial_option?.value).toBe("visit");

    // the one-line form records a visit, linked to the trip; an unplanned customer is added to the trip
    await h.requester.command(LUCA, "/credito", "log Ferri rifiuto nessuna intenzione di collaborare");
    await h.requester.command(LUCA, "/credito", "log Verdi promessa 300 16/3");
    await until(async () => (await ctx.db.interaction.count({ where: { date: "2026-03-09" } })) === 2);
    const interactions = await ctx.db.interaction.findMany({
      orderBy: { id: "asc" },
      where: { date: "2026-03-09" },
    });
    expect(interactions.map((i) => [i.customerId, i.channel, i.outcome, i.tripId])).toEqual([
      [w.ids.ferri, "visit", "refusal", planned.ok ? planned.tripId : 0],
      [w.ids.verdi, "visit", "promise", planned.ok ? planned.tripId : 0],
    ]);
    const visits = await ctx.db.tripVisit.findMany({ orderBy: { position: "asc" } });
    expect(visits.map((v) => [v.customerId, v.status, v.interactionId, v.position])).toEqual([
      [w.ids.ferri, "visited", interactions[0]?.id, 1],
      [w.ids.verdi, "visited", interactions[1]?.id, 2],
    ]);

    // a phone call during the trip is not a visit; nor is a log by someone not on a trip
    await logVisit(h, w.ids.russo, { channel: "phone", outcome: "not_reached" });
    expect(
      (await ctx.db.interaction.findFirstOrThrow({ where: { customerId: w.ids.russo } })).tripId,
    ).toBeNull();

    // costs: /credito giro spese opens the modal; kilometres at the default € 0,35 per km
    await h.requester.command(LUCA, "/credito", "giro spese");
    await h.slack.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === "views.open" && (c.args.view as { callback_id: string }).callback_id === "trip_cost",
      ),
    );
    const costView = h.slack.callsOf("views.open").at(-1)?.args.view as { private_metadata: string };
    const badCost = await submitView(h, LUCA, "trip_cost", costView.private_metadata, {
      kind: { value: { type: "static_select", selected_option: { value: "km" } } },
      km: { value: { type: "plain_text_input", value: "tanti" } },
      date: { value: { type: "datepicker", selected_date: "2026-03-09" } },
    });
    expect(badCost.json).toEqual({
      response_action: "errors",
      errors: { km: "Chilometri non validi (un numero intero da 1 a 5000)." },
    });
    await submitView(h, LUCA, "trip_cost", costView.private_metadata, {
      kind: { value: { type: "static_select", selected_option: { value: "km" } } },
      km: { value: { type: "plain_text_input", value: "412" } },
      date: { value: { type: "datepicker", selected_date: "2026-03-09" } },
    });
    // the button on the trip message opens the same modal
    const tripId = planned.ok ? planned.tripId : 0;
    await click(h, LUCA, "trip_costs", String(tripId));
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "views.open").length >= 3);
    await submitView(h, LUCA, "trip_cost", costView.private_metadata, {
      kind: { value: { type: "static_select", selected_option: { value: "hotel" } } },
      amount: { value: { type: "plain_text_input", value: "95" } },
      date: { value: { type: "datepicker", selected_date: "2026-03-09" } },
      note: { value: { type: "plain_text_input", value: "Hotel Centrale" } },
    });
    await until(async () => (await ctx.db.tripCost.count()) === 2);
    const costs = await ctx.db.tripCost.findMany({ orderBy: { id: "asc" } });
    expect(costs.map((c) => [c.kind, c.amountCents, c.km, c.note])).toEqual([
      ["km", 14_420, 412, null],
      ["hotel", 9500, null, "Hotel Centrale"],
    ]);
    await ctx.outbox.idle();
    const trip = await ctx.db.fieldTrip.findUniqueOrThrow({ where: { id: tripId } });
    const lines = threadPosts(h, trip.threadTs as string).map((c) => String(c.args.text));
    expect(lines).toContain(
      `💶 Spesa: Chilometri (auto propria) € 144,20 (412 km × € 0,35) (9 mar) · <@${LUCA}>`,
    );
    expect(lines).toContain(`💶 Spesa: Albergo € 95,00 (9 mar) · <@${LUCA}>`);
    const updated = h.slack
      .callsOf("chat.update")
      .filter((c) => c.args.ts === trip.threadTs)
      .at(-1);
    expect(JSON.stringify(updated?.args.blocks)).toContain("Spese registrate: € 239,20");
    expect(JSON.stringify(updated?.args.blocks)).toContain("✅ visitato");
  });

  it("closing the seed's trip writes the debrief, the case lines, the next day's digest tasks, the approvals and the PEC draft", async () => {
    h = await startHarness({ now: MONDAY });
    const w = await seed(h);
    const { ids } = w;
    const ctx = h.runtime.ctx;
    const tripId = await playSeedTrip(w);
    await closeByCommand(h, tripId);

    const trip = await ctx.db.fieldTrip.findUniqueOrThrow({
      where: { id: tripId },
      include: { visits: true },
    });
    expect(trip.status).toBe("closed");
    expect(trip.visits.find((v) => v.customerId === ids.verdi)?.status).toBe("skipped");
    const post = await debriefPost(h, tripId);
    const texts = blockTexts(post);
    const all = texts.join("\n");
    expect(texts[1]).toBe(
      "Giro di visite NA, CE dal 09/03/2026 al 10/03/2026: visitati 4 clienti su 5. " +
        "Incassati € 500,00 e promessi € 1.500,00, a fronte di un costo di € 239,20. " +
        "Il giro ha portato 1 nuovo numero di telefono, 2 clienti incontrati per la prima volta, " +
        "1 riconoscimento del debito firmato, 2 proposte formali. 1 caso negativo va al legale.",
    );
    expect(all).toContain("Sintesi automatica dai dati registrati.");
    expect(all).toContain("*Incassati* € 500,00 · *Promessi* € 1.500,00 · *Costo del giro* € 239,20");
    expect(all).toContain("Spese: Chilometri (auto propria) € 144,20 (412 km), Albergo € 95,00");
    expect(all).toContain("*📞 Nuovi numeri di telefono*\n• *Esposito Alimentari SNC*: +39 333 123 4567");
    expect(all).toContain(
      "*🤝 Clienti che ora hanno una faccia (prima visita)*\n• *Esposito Alimentari SNC* (Gennaro Esposito)\n• *Russo Tessuti SRL* (Anna Russo)",
    );
    expect(all).toContain(
      "*📊 Situazione economico-finanziaria*\n• *Russo Tessuti SRL*: Piano di risanamento con la banca: nuova linea di credito da aprile",
    );
    expect(all).toContain(
      "*Certezze sull'atteggiamento*\n• *Esposito Alimentari SNC*: collaborativo, sincerità 4/5\n• *Russo Tessuti SRL*: tranquillo, sincerità 3/5\n• *De Luca Ricambi SRL*: tranquillo, sincerità 5/5",
    );
    expect(all).toContain(
      "*✍️ Riconoscimenti del debito*\n• *Esposito Alimentari SNC*: Riconoscimento del debito firmato il 9 mar",
    );
    expect(all).toContain(
      "*✍️ Proposte formali*\n• *Esposito Alimentari SNC*: saldo e stralcio: paga € 6.000,00, stralcio € 4.000,00 · Proposta di saldo e stralcio firmata il 9 mar _Bonifico entro il 20/3_\n" +
        "• *Russo Tessuti SRL*: saldo e stralcio: paga € 2.500,00, stralcio € 1.500,00 · Piano di risanamento firmato il 10 mar",
    );
    expect(all).toContain("*⚖️ Casi negativi*\n• *Ferri Costruzioni SRL*: nessuna intenzione di collaborare");
    expect(all).toContain(
      "*⏳ Promesse di pagamento*\n• *De Luca Ricambi SRL*: € 1.500,00 entro il 20 mar · 📨 bozza PEC di riepilogo pronta",
    );
    expect(all).toContain("*Non visitati*\n• *Verdi Caffè*");
    expect(all).toContain(
      "*Domani, mercoledì 11 marzo, nel riepilogo del mattino:*\n• 📞 1 chiamata ai nuovi numeri\n• ⚖️ 1 pratica al legale (approvazione richiesta)\n" +
        "• ✍️ 2 proposte da verificare (approvazione del titolare richiesta)\n• 🤝 1 contatto da mantenere",
    );

    // the next business day's digest carries the follow-ups
    const digest = await buildDigest(ctx, "2026-03-11");
    const followups = digest.tasks
      .filter((t) => t.kind === "followup")
      .map((t) => [t.customerName, renderReason(t.reason, "it"), renderAction(t.action, "it")])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(followups).toEqual([
      [
        "De Luca Ricambi SRL",
        "Visitato nel giro NA, CE: Promessa di pagamento",
        "Mantenere il contatto: telefonare e far sentire la nostra presenza",
      ],
      [
        "Esposito Alimentari SNC",
        "Nuovo numero dal giro NA, CE: +39 333 123 4567",
        "Chiamare al +39 333 123 4567",
      ],
      [
        "Esposito Alimentari SNC",
        "Proposta dal giro NA, CE: saldo e stralcio",
        "Verificare la proposta e farla approvare o respingere dal titolare",
      ],
      [
        "Ferri Costruzioni SRL",
        "Rifiuto totale alla visita (giro NA, CE)",
        "Passare al legale: preparare il fascicolo",
      ],
      [
        "Russo Tessuti SRL",
        "Proposta dal giro NA, CE: saldo e stralcio",
        "Verificare la proposta e farla approvare o respingere dal titolare",
      ],
    ]);
    // not before: the tasks are for the day after the trip
    expect((await buildDigest(ctx, "2026-03-10")).tasks.filter((t) => t.kind === "followup")).toEqual([]);
    const rows = await ctx.db.dailyTask.findMany();
    expect(new Set(rows.map((r) => `${r.date} ${r.assigneeSlackId} ${r.source}`))).toEqual(
      new Set([`2026-03-11 ${LUCA} trip:${tripId}`]),
    );

    // approvals: one each, the visit's own (no duplicate asked at closing)
    const approvals = await ctx.db.approvalRequest.findMany({
      include: { case: true },
      orderBy: { id: "asc" },
    });
    expect(
      approvals.map((a) => [a.case.customerId, a.kind, a.amountCents, a.writeOffCents, a.status]),
    ).toEqual([
      [ids.ferri, "legal", null, null, "pending"],
      [ids.esposito, "settlement", 600_000, 400_000, "pending"],
      [ids.russo, "settlement", 250_000, 150_000, "pending"],
    ]);

    // one visit line in each visited customer's case thread
    for (const [id, outcome, next] of [
      [ids.ferri, "Rifiuto", "passaggio al legale, in attesa di approvazione"],
      [
        ids.esposito,
        "Proposta saldo e stralcio",
        "chiamare il nuovo numero +39 333 123 4567; verificare la proposta con il titolare",
      ],
      [ids.russo, "Proposta saldo e stralcio", "verificare la proposta con il titolare"],
      [ids.deluca, "Promessa di pagamento", "mantenere il contatto"],
    ] as const) {
      const kase = await ctx.db.case.findFirstOrThrow({ where: { customerId: id } });
      const lines = threadPosts(h, kase.threadTs as string).map((c) => String(c.args.text));
      expect(lines.filter((l) => l.startsWith("🚗 Visita del"))).toHaveLength(1);
      expect(lines.find((l) => l.startsWith("🚗 Visita del"))).toMatch(
        new RegExp(
          `^🚗 Visita del (9|10) mar \\(giro NA, CE, 9–10 mar\\): ${outcome}\\. Domani: ${next.replace(/[+]/g, "\\+")}\\.$`,
        ),
      );
    }

    // the PEC draft, privately to the collector
    const drafts = await ctx.db.pecDraft.findMany();
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    expect(draft).toMatchObject({
      customerId: ids.deluca,
      tripId,
      recipient: "amministrazione@pec.delucaricambi.it",
      status: "draft",
      ownerSlackId: LUCA,
      subject: "Riepilogo del colloquio del 10/03/2026 e situazione del credito - De Luca Ricambi SRL",
    });
    expect(draft.body).toContain("alla cortese attenzione di Paolo De Luca");
    expect(draft.body).toContain("- fattura n. FT-13 del 01/11/2025, scaduta il 07/02/2026: € 2.000,00");
    expect(draft.body).toContain("- fattura n. FT-14 del 01/11/2025, in scadenza il 31/03/2026: € 800,00");
    expect(draft.body).toContain("Lei ha assunto l'impegno di pagare € 1.500,00 entro il 20/03/2026.");
    const dm = h.slack
      .callsOf("chat.postMessage")
      .find((c) => c.args.channel === LUCA && String(c.args.text).startsWith("📨"));
    expect(dm?.args.text).toBe(
      "📨 Bozza PEC di riepilogo per De Luca Ricambi SRL (all'indirizzo amministrazione@pec.delucaricambi.it): rileggila, poi inviala o copiala.",
    );
    const dmText = JSON.stringify(dm?.args.blocks);
    expect(dmText).toContain(
      `"action_id":"pec_send","text":{"type":"plain_text","text":"Invia","emoji":true},"value":"${draft.id}"`,
    );
    expect(dmText).toContain('"action_id":"pec_copy"');

    // the trip message is closed; a second close changes nothing
    const update = h.slack
      .callsOf("chat.update")
      .filter((c) => c.args.ts === trip.threadTs)
      .at(-1);
    expect(JSON.stringify(update?.args.blocks)).toContain("Chiuso 10 mar: il debrief è nel thread.");
    expect(JSON.stringify(update?.args.blocks)).not.toContain("trip_close");
    const before = await ctx.db.dailyTask.count();
    await click(h, LUCA, "trip_close", String(tripId));
    await h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "response_url" && c.args.text === "Questo giro è già chiuso."),
    );
    expect(await ctx.db.dailyTask.count()).toBe(before);

    // without SMTP settings "Invia" says so and the draft stays a draft; "Copia" gives the text
    await click(h, LUCA, "pec_send", String(draft.id));
    await h.slack.waitFor((calls) =>
      calls.some(
        (c) => c.method === "response_url" && String(c.args.text).startsWith("L'invio PEC non è configurato"),
      ),
    );
    expect((await ctx.db.pecDraft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
    await click(h, LUCA, "pec_copy", String(draft.id));
    await h.slack.waitFor((calls) =>
      calls.some(
        (c) => c.method === "response_url" && String(c.args.text).startsWith("Testo della PEC da copiare"),
      ),
    );
    const copy = h.slack
      .callsOf("response_url")
      .find((c) => String(c.args.text).startsWith("Testo della PEC"));
    expect(JSON.stringify(copy?.args.blocks)).toContain("Oggetto: Riepilogo del colloquio del 10/03/2026");
    // somebody else cannot close a trip or send the collector's PEC
    await click(h, OWNER, "pec_send", String(draft.id));
    await h.slack.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === "response_url" && c.args.text === "Solo chi fa il giro o un amministratore può farlo.",
      ),
    );
  });
});

describe("proposals the visit itself did not submit", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("closing asks the owner to verify a restructuring plan, with its terms; an instalment plan stays a task", async () => {
    h = await startHarness({ now: MONDAY });
    const w = await seed(h);
    const ctx = h.runtime.ctx;
    const member = await memberBySlackId(ctx.db, LUCA);
    const planned = await planTrip(
      ctx,
      {
        collector: member!,
        startDate: "2026-03-09",
        endDate: "2026-03-09",
        area: "NA, CE",
        customerIds: [w.ids.russo, w.ids.ferri],
      },
      today(ctx),
    );
    if (!planned.ok) throw new Error(planned.error);
    await logVisit(h, w.ids.russo, {
      outcome: "restructuring",
      notes: "Cessione del ramo tessile entro giugno",
    });
    await logVisit(h, w.ids.ferri, {
      outcome: "installments",
      installments: [
        { amount: "4.000", date: "2026-03-31" },
        { amount: "4.000", date: "2026-04-30" },
      ],
    });
    expect(await ctx.db.approvalRequest.count()).toBe(0);
    await ctx.outbox.idle();
    h.clock.set("2026-03-09T18:00:00+01:00");
    await closeByCommand(h, planned.tripId);
    const approvals = await ctx.db.approvalRequest.findMany({ include: { case: true } });
    expect(approvals.map((a) => [a.case.customerId, a.kind, a.amountCents, a.terms, a.requestedOn])).toEqual([
      [
        w.ids.russo,
        "settlement",
        null,
        "Piano di risanamento presentato alla visita: Cessione del ramo tessile entro giugno",
        "2026-03-09",
      ],
    ]);
    const tasks = await ctx.db.dailyTask.findMany({ orderBy: { id: "asc" } });
    expect(tasks.map((t) => [t.customerId, t.date, t.reason])).toEqual([
      [w.ids.russo, "2026-03-10", "Proposta dal giro NA, CE: piano di risanamento"],
      [w.ids.ferri, "2026-03-10", "Proposta dal giro NA, CE: piano di rientro"],
    ]);
    const all = blockTexts(await debriefPost(h, planned.tripId)).join("\n");
    expect(all).toContain(
      "*✍️ Proposte formali*\n• *Russo Tessuti SRL*: piano di risanamento\n• *Ferri Costruzioni SRL*: piano di rientro per € 8.000,00",
    );
    expect(all).toContain(
      "*📊 Situazione economico-finanziaria*\n• *Russo Tessuti SRL*: Cessione del ramo tessile entro giugno",
    );
  });
});

describe("the AI summary of the debrief", () => {
  const ai = new FakeOpenAi();
  let h: Harness;
  beforeAll(async () => {
    await ai.start();
  });
  afterAll(async () => {
    await ai.stop();
  });
  afterEach(async () => {
    await h.close();
  });
  const withAi = () =>
    startHarness({
      now: MONDAY,
      env: {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: ai.baseUrl,
        OPENAI_MODEL: "test-model",
        OPENAI_TIMEOUT_MS: "400",
      },
    });
  const BASELINE_START = "Giro di visite NA, CE dal 09/03/2026 al 10/03/2026: visitati 4 clienti su 5.";

  it("uses the AI's narrative when it only states what was logged", async () => {
    h = await withAi();
    const w = await seed(h);
    const tripId = await playSeedTrip(w);
    const faithful =
      "Due giorni tra Napoli e Caserta: € 500,00 incassati e € 1.500,00 promessi contro € 239,20 di costi. " +
      "Esposito Alimentari ha firmato un riconoscimento del debito e propone uno stralcio; Russo Tessuti ha spiegato il piano con la banca. " +
      "Ferri Costruzioni rifiuta e va al legale; De Luca Ricambi pagherà entro il 20/03/2026.";
    ai.requests.length = 0;
    ai.mode = { kind: "json", content: { summary: faithful } };
    await closeByCommand(h, tripId);
    const texts = blockTexts(await debriefPost(h, tripId));
    expect(texts[1]).toBe(faithful);
    expect(texts[2]).toBe(
      "Sintesi scritta dall'AI con i soli dati registrati (nomi, importi e date verificati).",
    );
    expect(ai.requests).toHaveLength(1);
    const msgs = ai.requests[0]?.body.messages as { role: string; content: string }[];
    expect(msgs[0]?.content).toContain("giro di visite");
    const input = JSON.parse(msgs[1]?.content ?? "{}");
    expect(input.money).toEqual({ collected: "€ 500,00", promised: "€ 1.500,00", cost: "€ 239,20" });
    expect(input.negativeCases).toEqual([
      { customer: "Ferri Costruzioni SRL", notes: "nessuna intenzione di collaborare" },
    ]);
    expect(input.baseline.startsWith(BASELINE_START)).toBe(true);
    const stored = JSON.parse(
      (await h.runtime.ctx.db.fieldTrip.findUniqueOrThrow({ where: { id: tripId } })).debrief ?? "{}",
    );
    expect(stored.narrative).toEqual({ text: faithful, source: "ai" });
  });

  for (const [label, mode, note] of [
    [
      "errors (HTTP 500)",
      { kind: "status", status: 500 },
      "Sintesi automatica: l'AI non ha risposto in tempo o in modo valido.",
    ],
    ["times out", { kind: "hang" }, "Sintesi automatica: l'AI non ha risposto in tempo o in modo valido."],
    [
      "answers invalid JSON",
      { kind: "raw", content: "{not json" },
      "Sintesi automatica: l'AI non ha risposto in tempo o in modo valido.",
    ],
    [
      "answers JSON of the wrong shape",
      { kind: "json", content: { text: "Giro ok." } },
      "Sintesi automatica: l'AI non ha risposto in tempo o in modo valido.",
    ],
    [
      "invents an amount",
      {
        kind: "json",
        content: {
          summary:
            "Il giro ha portato € 5.000,00 incassati e molte informazioni utili per i prossimi giorni.",
        },
      },
      "Sintesi automatica: il testo dell'AI citava dati che non risultano dai registri.",
    ],
    [
      "invents a name and a date",
      {
        kind: "json",
        content: {
          summary:
            "Visite regolari. Il cliente Bianchi pagherà entro il 15/04/2026 quanto promesso al collega.",
        },
      },
      "Sintesi automatica: il testo dell'AI citava dati che non risultano dai registri.",
    ],
  ] as const) {
    it(`falls back to the deterministic narrative, and says so, when the AI ${label}`, async () => {
      h = await withAi();
      const w = await seed(h);
      const tripId = await playSeedTrip(w);
      ai.mode = mode;
      const started = Date.now();
      await closeByCommand(h, tripId);
      expect(Date.now() - started).toBeLessThan(6000);
      const texts = blockTexts(await debriefPost(h, tripId));
      expect(texts[1]?.startsWith(BASELINE_START)).toBe(true);
      expect(texts[2]).toBe(note);
      // the rest of the debrief does not depend on the AI
      expect(await h.runtime.ctx.db.dailyTask.count()).toBe(5);
    });
  }
});

describe("sending the PEC recap through SMTP", () => {
  let h: Harness;
  let smtp: SMTPServer;
  const received: { from: string; to: string[]; data: string; user?: string }[] = [];
  let port = 0;
  beforeAll(async () => {
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth(auth, _session, cb) {
        if (auth.username === "crediti" && auth.password === "segreto") cb(null, { user: auth.username });
        else cb(new Error("invalid credentials"));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  afterEach(async () => {
    await h.close();
  });

  it("sends the draft, records it as sent with a PEC contact and an audit entry, and updates the draft message", async () => {
    h = await startHarness({
      now: MONDAY,
      env: {
        CREDITO_PEC_SMTP_URL: `smtp://crediti:segreto@127.0.0.1:${port}`,
        CREDITO_PEC_FROM: "crediti@pec.esempio.it",
      },
    });
    const w = await seed(h);
    const tripId = await playSeedTrip(w);
    await closeByCommand(h, tripId);
    const ctx = h.runtime.ctx;
    const draft = await ctx.db.pecDraft.findFirstOrThrow();
    const dm = h.slack
      .callsOf("chat.postMessage")
      .find((c) => c.args.channel === LUCA && String(c.args.text).startsWith("📨"));
    expect(dm).toBeDefined();
    const dmTs = "1700000000.999999";
    await h.requester.interaction({
      type: "block_actions",
      user: { id: LUCA, username: "luca", name: "luca", team_id: "T0DEMO" },
      trigger_id: h.requester.newTriggerId(),
      channel: { id: "D0LUCA", name: "directmessage" },
      container: { type: "message", message_ts: dmTs, channel_id: "D0LUCA", is_ephemeral: false },
      message: { type: "message", ts: dmTs, text: "", blocks: dm?.args.blocks },
      actions: [
        {
          type: "button",
          action_id: "pec_send",
          block_id: `pec_${draft.id}`,
          value: String(draft.id),
          action_ts: "1.2",
        },
      ],
    });
    await until(
      async () => (await ctx.db.pecDraft.findUniqueOrThrow({ where: { id: draft.id } })).status === "sent",
      8000,
    );
    await ctx.outbox.idle();
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.user).toBe("crediti");
    expect(mail.from).toBe("crediti@pec.esempio.it");
    expect(mail.to).toEqual(["amministrazione@pec.delucaricambi.it"]);
    expect(mail.data.replace(/\r\n /g, " ")).toContain(
      "Subject: Riepilogo del colloquio del 10/03/2026 e situazione del credito - De Luca Ricambi SRL",
    );
    expect(mail.data).toContain("Date: Tue, 10 Mar 2026 17:00:00 +0000");
    expect(mail.data.replace(/=\r?\n/g, "")).toContain("scaduta il 07/02/2026");
    const sent = await ctx.db.pecDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(sent.sentAt?.toISOString()).toBe("2026-03-10T17:00:00.000Z");
    const contact = await ctx.db.interaction.findFirstOrThrow({ where: { channel: "pec" } });
    expect(contact).toMatchObject({ customerId: w.ids.deluca, outcome: "recap_sent", date: "2026-03-10" });
    const entry = await ctx.db.auditEntry.findFirstOrThrow({ where: { action: "pec.sent" } });
    expect(JSON.parse(entry.detail ?? "{}")).toMatchObject({
      pecDraftId: draft.id,
      recipient: "amministrazione@pec.delucaricambi.it",
    });
    const updated = h.slack.callsOf("chat.update").find((c) => c.args.channel === "D0LUCA");
    expect(updated?.args).toMatchObject({
      ts: dmTs,
      text: "✅ PEC inviata all'indirizzo amministrazione@pec.delucaricambi.it (10/03/2026 18:00).",
    });
    expect(JSON.stringify(updated?.args.blocks)).not.toContain("pec_send");
    const kase = await ctx.db.case.findFirstOrThrow({ where: { customerId: w.ids.deluca } });
    expect(threadPosts(h, kase.threadTs as string).map((c) => c.args.text)).toContain(
      `📨 PEC di riepilogo inviata all'indirizzo amministrazione@pec.delucaricambi.it · <@${LUCA}>`,
    );
    // a second click sends nothing
    await click(h, LUCA, "pec_send", String(draft.id));
    await h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "response_url" && c.args.text === "Questa PEC è già stata inviata."),
    );
    expect(received).toHaveLength(1);
  });
});
