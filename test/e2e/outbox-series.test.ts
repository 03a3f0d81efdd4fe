import { afterEach, describe, expect, it } from "vitest";
import { unitOfWork } from "../../src/db/unit-of-work";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

describe("the outbox's series", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("posts the continuations in the head's thread once; a shorter version edits them, the extra ones to the filler", async () => {
    h = await startHarness();
    const { ctx } = h.runtime;
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "testa" },
      dedupeKey: "serie:0",
    });
    const series = (parts: string[]) =>
      unitOfWork(ctx, (tx) =>
        ctx.outbox.continueSeries(
          {
            series: "serie",
            channel: CHANNEL,
            anchor: { outboxKey: "serie:0" },
            parts: parts.map((text) => ({ text })),
            filler: { text: "superato" },
          },
          tx,
        ),
      );
    await series(["uno", "due", "tre"]);
    await ctx.outbox.idle();
    const [head, ...posts] = h.slack.callsOf("chat.postMessage");
    const headTs = (await ctx.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "serie:0" } }))
      .resultTs;
    expect(head?.args.text).toBe("testa");
    expect(posts.map((p) => [p.args.text, p.args.thread_ts])).toEqual([
      ["uno", headTs],
      ["due", headTs],
      ["tre", headTs],
    ]);

    await series(["uno bis"]);
    await ctx.outbox.idle();
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(4);
    const posted = await ctx.db.outboxMessage.findMany({
      where: { dedupeKey: { in: ["serie:1", "serie:2", "serie:3"] } },
      orderBy: { id: "asc" },
    });
    expect(h.slack.callsOf("chat.update").map((u) => [u.args.text, u.args.ts])).toEqual([
      ["uno bis", posted[0]?.resultTs],
      ["superato", posted[1]?.resultTs],
      ["superato", posted[2]?.resultTs],
    ]);
  });
});
