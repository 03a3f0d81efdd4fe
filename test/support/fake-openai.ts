import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeOpenAiMode =
  | { kind: "json"; content: unknown }
  | { kind: "raw"; content: string }
  | { kind: "status"; status: number }
  | { kind: "hang" };

/** A loopback stand-in for the OpenAI chat completions endpoint; records the requests it gets. */
export class FakeOpenAi {
  readonly requests: { path: string; body: Record<string, unknown>; auth: string | undefined }[] = [];
  mode: FakeOpenAiMode = { kind: "status", status: 500 };
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        this.requests.push({
          path: req.url ?? "",
          body: raw ? JSON.parse(raw) : {},
          auth: req.headers.authorization,
        });
        const m = this.mode;
        if (m.kind === "hang") return; // never answers: the client must time out
        if (m.kind === "status") {
          res.writeHead(m.status, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: "boom", type: "server_error" } }));
          return;
        }
        const content = m.kind === "json" ? JSON.stringify(m.content) : m.content;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "chatcmpl-test",
            object: "chat.completion",
            created: 1700000000,
            model: "test-model",
            choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
