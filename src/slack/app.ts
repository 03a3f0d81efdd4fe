import { App, type Authorize, type Logger as BoltLogger, HTTPReceiver, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { AppContext } from "../context";
import { health } from "../health";
import type { Logger } from "../log";
import { useCases } from "../services/use-cases";
import { registerListeners } from "./listeners";
import { dedupeEvents } from "./middleware/dedupe-events";

export interface SlackApp {
  app: App;
  /** HTTP mode: the port actually listened on (useful with port 0 in tests) */
  port?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: HTTP receiver (`POST /slack/events`, `GET /healthz`) or Socket Mode when an
 * app-level token is configured. All listeners are registered here, in one place.
 */
export function buildSlackApp(ctx: AppContext): SlackApp {
  const { slack } = ctx.config;
  const logger = boltLogger(ctx.log);
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 1000 },
  };
  const authorize = botAuthorization(slack.botToken, new WebClient(slack.botToken, clientOptions));
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (slack.appToken) {
    app = new App({ authorize, appToken: slack.appToken, socketMode: true, logger, clientOptions });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret ?? "",
      endpoints: "/slack/events",
      logger,
      customRoutes: [
        {
          path: "/healthz",
          method: ["GET"],
          handler: (_req, res) => {
            void health(ctx).then((h) => {
              res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" });
              res.end(JSON.stringify(h));
            });
          },
        },
      ],
    });
    app = new App({ authorize, receiver, logger, clientOptions });
  }
  app.use(dedupeEvents(ctx.db));
  // the listeners get the use cases bound to this context, and no database
  const { db: _db, ...shell } = ctx;
  registerListeners(app, { ...shell, services: useCases(ctx) });
  app.error(async (err) => {
    ctx.log.error("slack: unhandled listener error", err);
  });

  const handle: SlackApp = {
    app,
    async start() {
      const server = await app.start(slack.port);
      const address = (server as { address?: () => unknown } | undefined)?.address?.();
      if (address && typeof address === "object" && "port" in address) handle.port = Number(address.port);
    },
    async stop() {
      await app.stop();
    },
  };
  return handle;
}

/**
 * The bot's identity from auth.test, asked on the first request and cached; a failure is retried on the next
 * request. (Bolt's own `token` option calls auth.test while the app is being built, and an unreachable Slack
 * at that moment becomes an unhandled rejection.)
 */
function botAuthorization(botToken: string, client: WebClient): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (r) => ({ botId: r.bot_id, botUserId: r.user_id }),
      (err: unknown) => {
        identity = undefined;
        throw err;
      },
    );
    return { botToken, ...(await identity) };
  };
}

/** Bolt logs through ours, so tokens are redacted and levels are shared. */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug(`bolt: ${m.map(String).join(" ")}`),
    info: (...m: unknown[]) => log.info(`bolt: ${m.map(String).join(" ")}`),
    warn: (...m: unknown[]) => log.warn(`bolt: ${m.map(String).join(" ")}`),
    error: (...m: unknown[]) => log.error(`bolt: ${m.map(String).join(" ")}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
