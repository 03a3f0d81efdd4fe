import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedCase, threadPosts, until } from "../support/cases";
import { type Harness, startHarness } from "../support/harness";

describe("/credito team", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.slack.addUser({ id: "UFIRST", name: "Franca Prima" });
    h.slack.addUser({ id: "UANNA", name: "Anna Rossi" });
  });
  afterEach(async () => {
    await h.close();
  });
  const text = async (user: string, args: string) =>
    ((await h.requester.command(user, "/credito", `team ${args}`.trim())).json as { text: string }).text;

  it("makes the first user admin, adds and changes roles from mentions, refuses non-admins, keeps one admin", async () => {
    expect(await text("UFIRST", "")).toBe("*Il team di Credito*\n• <@UFIRST>: amministrazione");
    expect(
      await h.runtime.ctx.db.teamMember.findUniqueOrThrow({ where: { slackUserId: "UFIRST" } }),
    ).toMatchObject({
      name: "Franca Prima",
      role: "admin",
    });
    expect(await text("UFIRST", "<@UANNA|anna> owner")).toBe("<@UANNA> è nel team come titolare.");
    expect(await text("UFIRST", "<@UBRUNO> sales")).toBe("<@UBRUNO> è nel team come commerciale.");
    expect(await text("UFIRST", "<@UBRUNO> boss")).toBe(
      "Ruolo sconosciuto «boss»: usa admin, sales oppure owner.",
    );
    expect(await text("UANNA", "<@UBRUNO> admin")).toBe("Solo l'amministrazione può gestire il team.");
    expect(await text("UNOBODY", "")).toBe(
      "Non fai parte del team di Credito. Chiedi a un amministratore di aggiungerti con `/credito team`.",
    );
    expect(await text("UFIRST", "<@UFIRST> sales")).toBe(
      "Resterebbe un team senza amministrazione: nomina prima un altro admin.",
    );
    expect(await text("UFIRST", "rimuovi <@UFIRST>")).toBe(
      "Resterebbe un team senza amministrazione: nomina prima un altro admin.",
    );
    expect(await text("UFIRST", "<@UANNA> admin")).toBe("<@UANNA> ora è amministrazione.");
    expect(await text("UFIRST", "rimuovi <@UBRUNO>")).toBe("<@UBRUNO> non fa più parte del team.");
    expect(await text("UFIRST", "rimuovi <@UBRUNO>")).toBe("<@UBRUNO> non fa parte del team.");
    const list = await text("UFIRST", "");
    expect(list).toBe("*Il team di Credito*\n• <@UANNA>: amministrazione\n• <@UFIRST>: amministrazione");
    const db = h.runtime.ctx.db;
    expect(await db.teamMember.findUniqueOrThrow({ where: { slackUserId: "UBRUNO" } })).toMatchObject({
      active: false,
      role: "sales",
    });
    expect(await db.auditEntry.count({ where: { action: { startsWith: "team." } } })).toBe(4);
  });

  it("assigns a customer to a salesperson; the case thread and parent message show it", async () => {
    const { customerId, parentTs } = await seedCase(h, { withSales: false });
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UNEWSALES", name: "Nico", role: "sales" },
    });
    expect(await text("UADMIN", "assegna rossi forniture <@UOWNER>")).toBe(
      "<@UOWNER> deve essere nel team come commerciale (o amministrazione).",
    );
    expect(await text("UADMIN", "assegna rossi forniture <@UNEWSALES|nico>")).toBe(
      "<@UNEWSALES> è il commerciale di Rossi Forniture SRL.",
    );
    const c = await h.runtime.ctx.db.customer.findUniqueOrThrow({
      where: { id: customerId },
      include: { salesperson: true },
    });
    expect(c.salesperson?.slackUserId).toBe("UNEWSALES");
    await until(() => threadPosts(h, parentTs).length === 1);
    await h.runtime.ctx.outbox.idle();
    expect(threadPosts(h, parentTs)[0]?.args.text).toBe(
      "🤝 Commerciale assegnato: <@UNEWSALES> (da <@UADMIN>)",
    );
    const update = h.slack.callsOf("chat.update").find((u) => u.args.ts === parentTs);
    expect(JSON.stringify(update?.args.blocks)).toContain("<@UNEWSALES>");
    expect(await text("UADMIN", "assegna zzz <@UNEWSALES>")).toBe("Nessun cliente trovato per «zzz».");
  });
});
