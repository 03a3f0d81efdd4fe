import { createServer, type Server, type Socket } from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** the message as sent (headers and MIME body) */
  raw: string;
}

/**
 * A minimal SMTP stand-in for the demo (like FakeSlack for Slack): accepts EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT on a loopback port without authentication or TLS, and keeps what it receives in memory.
 */
export class FakeSmtp {
  readonly received: ReceivedMail[] = [];
  private server: Server | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private session(socket: Socket): void {
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], raw: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp.credito.local ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.raw = buffer.slice(0, end).replace(/\r\n\.\./g, "\r\n.");
          buffer = buffer.slice(end + 5);
          inData = false;
          this.received.push(mail);
          mail = { from: "", to: [], raw: "" };
          reply("250 2.0.0 queued");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? "";
        if (verb === "EHLO" || verb === "HELO") reply("250 fake-smtp.credito.local");
        else if (verb === "MAIL") {
          mail.from = address;
          reply("250 2.1.0 ok");
        } else if (verb === "RCPT") {
          mail.to.push(address);
          reply("250 2.1.5 ok");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET" || verb === "NOOP") reply("250 ok");
        else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
          return;
        } else reply("502 5.5.2 command not implemented");
      }
    });
    socket.on("error", () => undefined);
  }
}
