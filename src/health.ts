import { createServer, type Server } from "node:http";
import type { AppContext } from "./context";
import { dialectOf } from "./db/dialect";

export interface Health {
  ok: boolean;
  status: string;
  database?: "sqlite" | "postgresql";
  /** messages waiting to go out, how many of them are due now, and how long the oldest due one has waited */
  outboxPending?: number;
  outboxDue?: number;
  outboxOldestDueSeconds?: number;
  outboxFailed?: number;
}

/** What `/healthz` answers: 200 when the database answers, 503 when it does not. */
export async function health(ctx: Pick<AppContext, "db">): Promise<Health> {
  try {
    const now = new Date();
    const [pending, due, failed, oldest] = await Promise.all([
      ctx.db.outboxMessage.count({ where: { status: "pending" } }),
      ctx.db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: now } } }),
      ctx.db.outboxMessage.count({ where: { status: "failed" } }),
      ctx.db.outboxMessage.findFirst({
        where: { status: "pending", nextAttemptAt: { lte: now } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      }),
    ]);
    return {
      ok: true,
      status: "ok",
      database: dialectOf(ctx.db),
      outboxPending: pending,
      outboxDue: due,
      outboxOldestDueSeconds: oldest
        ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000))
        : 0,
      outboxFailed: failed,
    };
  } catch {
    return { ok: false, status: "database unavailable" };
  }
}

/** A small HTTP server answering only `GET /healthz` (Socket Mode has no HTTP port of its own). */
export async function startHealthServer(ctx: Pick<AppContext, "db">, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") {
      res.writeHead(404).end();
      return;
    }
    void health(ctx).then((h) => {
      res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(h));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return server;
}
