import { createHmac } from "node:crypto";

/** Signs a request body the way Slack does: v0=HMAC-SHA256(secret, "v0:{ts}:{body}"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackRequestResult {
  status: number;
  body: string;
  json: unknown;
  ms: number;
}

export interface SignOptions {
  /** seconds since epoch; default now */
  timestamp?: number;
  /** send without signature headers */
  unsigned?: boolean;
  /** Slack's retry header on events */
  retryNum?: number;
}

/**
 * Sends slash commands, interactions and events to a Bolt app over HTTP, signed like Slack.
 * Used by the end-to-end tests, the benchmarks and the demo.
 */
export class SlackRequester {
  private triggerCounter = 0;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly defaults: { teamId: string; channelId: string; responseUrl?: (id: string) => string } = {
      teamId: "T0DEMO",
      channelId: "C0CREDITO",
    },
  ) {}

  newTriggerId(): string {
    this.triggerCounter += 1;
    return `${this.triggerCounter}.${Date.now()}.trigger`;
  }

  async post(body: string, contentType: string, opts: SignOptions = {}): Promise<SlackRequestResult> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { "content-type": contentType };
    if (!opts.unsigned) {
      headers["x-slack-request-timestamp"] = String(timestamp);
      headers["x-slack-signature"] = slackSignature(this.secret, timestamp, body);
    }
    if (opts.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(opts.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    const started = performance.now();
    const res = await fetch(this.url, { method: "POST", headers, body });
    const text = await res.text();
    const ms = performance.now() - started;
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: text, json, ms };
  }

  /** A slash command, e.g. command("U1", "/credito", "help"). */
  command(
    userId: string,
    command: string,
    text: string,
    opts: SignOptions & { triggerId?: string; channelId?: string } = {},
  ): Promise<SlackRequestResult> {
    const triggerId = opts.triggerId ?? this.newTriggerId();
    const form = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: this.defaults.teamId,
      team_domain: "demo",
      channel_id: opts.channelId ?? this.defaults.channelId,
      channel_name: "crediti",
      user_id: userId,
      user_name: userId.toLowerCase(),
      command,
      text,
      api_app_id: "A0CREDITO",
      is_enterprise_install: "false",
      response_url: this.defaults.responseUrl?.(triggerId) ?? "http://127.0.0.1:9/response",
      trigger_id: triggerId,
    });
    return this.post(form.toString(), "application/x-www-form-urlencoded", opts);
  }

  /** An interaction payload (block_actions, view_submission, block_suggestion, ...). */
  interaction(payload: Record<string, unknown>, opts: SignOptions = {}): Promise<SlackRequestResult> {
    const full = { team: { id: this.defaults.teamId }, api_app_id: "A0CREDITO", token: "legacy", ...payload };
    const form = new URLSearchParams({ payload: JSON.stringify(full) });
    return this.post(form.toString(), "application/x-www-form-urlencoded", opts);
  }

  /** An Events API callback wrapping `event`. */
  event(
    event: Record<string, unknown>,
    eventId: string,
    opts: SignOptions = {},
  ): Promise<SlackRequestResult> {
    const body = JSON.stringify({
      token: "legacy",
      team_id: this.defaults.teamId,
      api_app_id: "A0CREDITO",
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event,
      authorizations: [{ team_id: this.defaults.teamId, user_id: "UCREDITO", is_bot: true }],
    });
    return this.post(body, "application/json", opts);
  }
}
