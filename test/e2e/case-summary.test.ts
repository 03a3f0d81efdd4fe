import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, OWNER, seedCase, threadPosts } from "../support/cases";
import { FakeOpenAi } from "../support/fake-openai";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

const POSITION =
  "Esposizione € 3.500,00, scaduto € 3.500,00 da 60 giorni su 2 fatture. Fase: Recupero interno.";
const HISTORY = "1 contatto; ultimo: 20/02/2026 · Telefono · Promessa di pagamento · Alice Admin.";
const PROMISES = "1 mantenuta, 1 non mantenuta, 0 aperte. Ultima non mantenuta: € 1.000,00 del 27/02/2026.";
const NEXT = "Richiamare subito: la promessa del 27/02/2026 non è stata mantenuta.";

async function seedHistory(h: Harness, customerId: number): Promise<void> {
  const db = h.runtime.ctx.db;
  const admin = await db.teamMember.findUniqueOrThrow({ where: { slackUserId: ADMIN } });
  await db.interaction.create({
    data: {
      customerId,
      memberId: admin.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-02-20",
      occurredAt: new Date("2026-02-20T10:00:00+01:00"),
      notes: "Paga venerdì",
    },
  });
  await db.paymentPromise.createMany({
    data: [
      { customerId, amountCents: 50000, dueDate: "2026-01-20", status: "kept", paidCents: 50000 },
      { customerId, amountCents: 100000, dueDate: "2026-02-27", status: "broken" },
    ],
  });
}

async function askSummary(h: Harness, parentTs: string, eventId: string): Promise<string> {
  const before = threadPosts(h, parentTs).length;
  await h.requester.event(
    {
      type: "app_mention",
      channel: CHANNEL,
      user: OWNER,
      text: "<@UCREDITO> riassunto",
      ts: `17000002${eventId.length}.000001`,
      thread_ts: parentTs,
    },
    eventId,
  );
  await h.slack.waitFor(() => threadPosts(h, parentTs).length > before, 8000);
  return JSON.stringify(threadPosts(h, parentTs).at(-1)?.args);
}

describe("@Credito riassunto in a case thread", () => {
  let h: Harness;
  const ai = new FakeOpenAi();
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
      env: {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: ai.baseUrl,
        OPENAI_MODEL: "test-model",
        OPENAI_TIMEOUT_MS: "400",
      },
    });

  it("answers with the deterministic summary when no AI is configured", async () => {
    h = await startHarness();
    const { customerId, parentTs } = await seedCase(h);
    await seedHistory(h, customerId);
    const reply = await askSummary(h, parentTs, "EvSum1");
    for (const part of [POSITION, HISTORY, PROMISES, NEXT, "Riepilogo automatico dai dati della pratica."]) {
      expect(reply).toContain(part);
    }
    expect(reply).toContain("📁 Riepilogo: Rossi Forniture SRL");
  });

  it("answers with the AI summary, escaped, when the fake OpenAI answers valid JSON", async () => {
    h = await withAi();
    const { customerId, parentTs } = await seedCase(h);
    await seedHistory(h, customerId);
    ai.requests.length = 0;
    ai.mode = {
      kind: "json",
      content: {
        position: "Scaduto di € 3.500,00 da 60 giorni <!channel>",
        history: "Un solo contatto, il 20/02.",
        promises: "Una promessa mantenuta e una no.",
        nextStep: "Chiamare oggi il titolare.",
      },
    };
    const reply = await askSummary(h, parentTs, "EvSum2");
    expect(reply).toContain("Scaduto di € 3.500,00 da 60 giorni &lt;!channel&gt;");
    expect(reply).not.toContain("<!channel>");
    expect(reply).toContain("Chiamare oggi il titolare.");
    expect(reply).toContain("Riepilogo scritto dall'AI sui dati della pratica.");
    expect(ai.requests).toHaveLength(1);
    const req = ai.requests[0]!;
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.auth).toBe("Bearer sk-test");
    expect(req.body.model).toBe("test-model");
    const msgs = req.body.messages as { role: string; content: string }[];
    expect(msgs[0]?.content).toContain("credit-collection team");
    const input = JSON.parse(msgs[1]?.content ?? "{}");
    expect(input.locale).toBe("it");
    expect(input.facts.overdueCents).toBe(350000);
    expect(input.baseline.nextStep).toBe(NEXT);
  });

  for (const [label, mode] of [
    ["errors (HTTP 500)", { kind: "status", status: 500 }],
    ["times out", { kind: "hang" }],
    ["answers invalid JSON", { kind: "raw", content: "{not json" }],
    [
      "answers JSON that misses a field",
      { kind: "json", content: { position: "x", history: "y", promises: "z" } },
    ],
  ] as const) {
    it(`falls back to the deterministic summary, and says so, when the AI ${label}`, async () => {
      h = await withAi();
      const { customerId, parentTs } = await seedCase(h);
      await seedHistory(h, customerId);
      ai.mode = mode;
      const started = Date.now();
      const reply = await askSummary(h, parentTs, `EvFallback-${label.length}`);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reply).toContain(POSITION);
      expect(reply).toContain(NEXT);
      expect(reply).toContain("Riepilogo automatico: l'AI non ha risposto in tempo o in modo valido.");
    });
  }

  it("outside a case thread answers only to the person, ephemerally", async () => {
    h = await startHarness();
    await seedCase(h);
    await h.requester.event(
      {
        type: "app_mention",
        channel: CHANNEL,
        user: OWNER,
        text: "<@UCREDITO> riassunto",
        ts: "1700000300.000001",
      },
      "EvNoThread",
    );
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    expect(h.slack.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({
      user: OWNER,
      text: "Scrivimi nel thread di una pratica, per esempio «@Credito riassunto».",
    });
  });
});
