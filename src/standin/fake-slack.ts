import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describeProblems, messageProblems, viewProblems } from "./block-kit-limits";

/** One recorded Web API call, in the shape ../shared/tools/slack-preview.mjs draws. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export type Failure = { status: 429; retryAfter: number } | { status: number } | { error: string };

export interface FakeUser {
  id: string;
  name: string;
  tz?: string;
  /** the user's Slack language, e.g. "en-US", "it-IT": returned when users.info asks include_locale */
  locale?: string;
}

/**
 * A local stand-in for the Slack Web API: answers like Slack, records every call, and can be told to
 * answer 429, `ok: false` errors or to be down. Used by the tests and by `npm run demo`.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** calls refused as Slack would refuse them (Block Kit limits, see block-kit-limits.ts), with Slack's messages */
  readonly refusals: Array<RecordedCall & { error: string; messages: string[] }> = [];
  private server: Server | null = null;
  private port = 0;
  private tsCounter = 0;
  private viewCounter = 0;
  private readonly failures = new Map<string, Failure[]>();
  private readonly usedTriggers = new Set<string>();
  private readonly users = new Map<string, FakeUser>();
  private readonly waiters: Array<() => void> = [];
  /** what apps.connections.open answers: the Socket Mode WebSocket URL (a local server in tests) */
  socketModeUrl = "";
  private readonly served = new Map<string, { bytes: Uint8Array; info?: Record<string, unknown> }>();

  /** Starts listening on a free loopback port (or the given one). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Simulates Slack being unreachable: the port refuses connections until `up()`. */
  async down(): Promise<void> {
    await this.stop();
  }

  async up(): Promise<void> {
    await this.start(this.port);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /**
   * Serves `bytes` at /files/<path> (a file's url_private; downloads are recorded as "file.download" with
   * the Authorization header); `info` (with its `id`) is what files.info answers for that file.
   */
  serveFile(path: string, bytes: Uint8Array, info?: Record<string, unknown>): string {
    const url = `http://127.0.0.1:${this.port}/files/${path}`;
    this.served.set(`/files/${path}`, { bytes, info: info && { ...info, url_private: url } });
    return url;
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Forgets the failures still waiting to be answered (of one method, or all). */
  clearFailures(method?: string): void {
    if (method) this.failures.delete(method);
    else this.failures.clear();
  }

  /** Recorded calls, optionally of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Waits until `predicate` holds over the recorded calls. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error("fake Slack: expected calls did not arrive in time");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 25);
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === "POST" && req.url?.startsWith("/upload/")) return this.handleUpload(req, res);
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/files/")) {
      const file = this.served.get(url.pathname);
      this.record("file.download", { path: url.pathname, authorization: req.headers.authorization ?? "" });
      res.writeHead(file ? 200 : 404, { "content-type": "application/octet-stream" });
      return void res.end(file ? Buffer.from(file.bytes) : "");
    }
    if (url.pathname.startsWith("/response/")) {
      const body = { ...(parseBody(raw, req.headers["content-type"]) as object), url: url.pathname };
      const refused = this.refuse("response_url", body);
      // Slack answers a response_url with invalid blocks with HTTP 400
      if (refused) return send(res, 400, refused);
      this.record("response_url", body);
      return send(res, 200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = parseBody(raw, req.headers["content-type"]);
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      this.record(`${method}:failed`, args);
      if ("error" in failure) return send(res, 200, { ok: false, error: failure.error });
      if (failure.status === 429 && "retryAfter" in failure) {
        return send(
          res,
          429,
          { ok: false, error: "ratelimited" },
          { "retry-after": String(failure.retryAfter) },
        );
      }
      return send(res, failure.status, { ok: false, error: "fatal_error" });
    }
    const refused = this.refuse(method, args);
    if (refused) return send(res, 200, refused);
    this.record(method, args);
    return send(res, 200, this.answer(method, args));
  }

  /** Bytes posted to an upload_url from files.getUploadURLExternal, by file id. */
  readonly uploads = new Map<string, Buffer>();

  private async handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const fileId = (req.url ?? "").replace(/^\/upload\//, "");
    const bytes = Buffer.concat(chunks);
    this.uploads.set(fileId, bytes);
    this.record("upload", { fileId, size: bytes.length, contentType: req.headers["content-type"] });
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`OK - ${bytes.length}`);
  }

  /** Slack's answer when it would refuse this call's blocks or view, else null. */
  private refuse(method: string, args: Record<string, unknown>): Record<string, unknown> | null {
    let error: string;
    let messages: string[];
    if (MESSAGE_METHODS.has(method)) {
      const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
      const text = typeof args.text === "string" ? args.text : "";
      if (method !== "response_url" && !hasBlocks && !text && !args.attachments && method !== "chat.update") {
        error = "no_text";
        messages = [];
      } else if (text.length > 40_000) {
        error = "msg_too_long";
        messages = [];
      } else {
        messages = describeProblems(messageProblems(args));
        error = "invalid_blocks";
      }
      if (error === "invalid_blocks" && messages.length === 0) return null;
    } else if (VIEW_METHODS.has(method)) {
      messages = describeProblems(viewProblems(args.view)).map((m) => `[ERROR] ${m}`);
      if (messages.length === 0) return null;
      error = "invalid_arguments";
    } else return null;
    this.refusals.push({ method, args, at: Date.now(), error, messages });
    this.record(`${method}:refused`, { ...args, error, messages });
    return { ok: false, error, errors: messages, response_metadata: { messages } };
  }

  private record(method: string, args: Record<string, unknown>): void {
    this.calls.push({ method, args, at: Date.now() });
    for (const w of this.waiters.splice(0)) w();
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UCREDITO", bot_id: "BCREDITO", team_id: "T0DEMO", user: "credito" };
      case "chat.postMessage": {
        const ts = this.nextTs();
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "views.open":
      case "views.push": {
        const trigger = String(args.trigger_id ?? "");
        if (!trigger || trigger.startsWith("expired") || this.usedTriggers.has(trigger)) {
          return { ok: false, error: "expired_trigger_id" };
        }
        this.usedTriggers.add(trigger);
        return { ok: true, view: this.view(args) };
      }
      case "views.update":
      case "views.publish":
        return { ok: true, view: { ...this.view(args), id: args.view_id ?? `V${this.viewCounter}` } };
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name,
            real_name: user.name,
            tz: user.tz ?? "Europe/Rome",
            ...(args.include_locale === true || args.include_locale === "true"
              ? { locale: user.locale ?? "en-US" }
              : {}),
          },
        };
      }
      case "apps.connections.open":
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: "invalid_auth" };
      case "chat.getPermalink":
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://demo.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "files.info": {
        const file = [...this.served.values()].find((f) => f.info?.id === args.file);
        return file ? { ok: true, file: file.info } : { ok: false, error: "file_not_found" };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "files.getUploadURLExternal": {
        const id = `F${this.nextTs().replace(".", "")}`;
        return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${this.port}/upload/${id}` };
      }
      default:
        return { ok: true };
    }
  }

  private view(args: Record<string, unknown>): Record<string, unknown> {
    this.viewCounter += 1;
    const view = (typeof args.view === "object" && args.view) || {};
    return { ...(view as object), id: `V${this.viewCounter}`, hash: `h${this.viewCounter}` };
  }
}

const MESSAGE_METHODS = new Set([
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "chat.scheduleMessage",
  "response_url",
]);
const VIEW_METHODS = new Set(["views.open", "views.push", "views.update", "views.publish"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** WebClient sends form-encoded args with objects as JSON strings; decode them back to objects. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return out;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
