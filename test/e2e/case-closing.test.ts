import { afterEach, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { closeSettledCases } from "../../src/services/cases/case-lifecycle";
import { ensureCaseThread, openCase } from "../../src/services/cases/cases";
import { importFiles } from "../../src/services/imports/import";
import { type Harness, startHarness } from "../support/harness";

describe("a case closes when its customer has paid", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("after a payments import: the parent message shows it, the thread gets the final line, a new overdue opens a new case", async () => {
    h = await startHarness({ now: "2026-03-03T09:00:00+01:00" });
    const ctx = h.runtime.ctx;
    const day = today(ctx);
    const customer = await ctx.db.customer.create({ data: { code: "C001", name: "Rossi Edilizia Srl" } });
    await ctx.db.invoice.create({
      data: {
        customerId: customer.id,
        number: "2026/101",
        issueDate: "2026-01-02",
        dueDate: "2026-02-01",
        amountCents: 500_000,
        openCents: 500_000,
      },
    });
    const kase = await ctx.db.$transaction(async (tx) => {
      const c = await openCase(tx, customer.id, day);
      await ensureCaseThread(ctx, c.id, day, tx);
      return c;
    });
    ctx.outbox.kick();
    await ctx.outbox.idle();

    const csv = "Data pagamento;Codice cliente;Numero fattura;Importo\n02/03/2026;C001;2026/101;5.000,00\n";
    const summary = await importFiles(
      ctx,
      [{ name: "pagamenti.csv", bytes: Buffer.from(csv) }],
      { kind: "pagamenti" },
      { actor: "test" },
    );
    expect(summary.written).toBe(true);
    expect(await closeSettledCases(ctx, day)).toBe(1);
    await ctx.outbox.idle();

    const closed = await ctx.db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(closed).toMatchObject({ closeReason: "paid", closedOn: "2026-03-03", stage: "closed" });
    const replies = h.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === closed.threadTs);
    expect(replies.length).toBeGreaterThan(0);
    const update = h.slack.callsOf("chat.update").at(-1)!;
    expect(JSON.stringify(update.args.blocks)).toContain("Pratica chiusa: pagata");
    expect(await closeSettledCases(ctx, day)).toBe(0);

    await ctx.db.invoice.create({
      data: {
        customerId: customer.id,
        number: "2026/150",
        issueDate: "2026-02-01",
        dueDate: "2026-03-01",
        amountCents: 90_000,
        openCents: 90_000,
      },
    });
    const next = await ctx.db.$transaction((tx) => openCase(tx, customer.id, day));
    expect(next.id).not.toBe(kase.id);
  });
});
