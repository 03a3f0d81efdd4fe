import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestImap {
  url: string;
  /** drops a message in the mailbox, as the PEC provider's receipts arrive */
  deliver(raw: string): void;
  stop(): void;
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import("node:net");
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway Dovecot (Debian's dovecot-imapd, installed by .ci/dovecot.sh) on a free loopback port, with one
 * user crediti/segreto and a Maildir in a temp folder. Needs root (as CI and these machines run).
 */
export async function startDovecot(): Promise<TestImap> {
  if (spawnSync("dovecot", ["--version"]).status !== 0)
    throw new Error("dovecot is not installed: run `bash .ci/dovecot.sh` (Debian's dovecot-imapd)");
  const dir = mkdtempSync(join(tmpdir(), "credito-imap-"));
  chmodSync(dir, 0o755); // the auth and mail processes run as the dovecot user
  const port = await freePort();
  const uid = Number(execFileSync("id", ["-u", "dovecot"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "dovecot"]).toString().trim());
  const maildir = join(dir, "mail", "crediti", "Maildir");
  for (const sub of ["", "new", "cur", "tmp"]) mkdirSync(join(maildir, sub), { recursive: true });
  for (const p of [
    join(dir, "mail"),
    join(dir, "mail", "crediti"),
    maildir,
    ...["new", "cur", "tmp"].map((s) => join(maildir, s)),
  ])
    chownSync(p, uid, gid);
  mkdirSync(join(dir, "run"));
  writeFileSync(join(dir, "users"), "crediti:{PLAIN}segreto\n");
  writeFileSync(
    join(dir, "dovecot.conf"),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  // the daemon keeps inherited pipes open: give it none, or this call would wait for it to end
  execFileSync("dovecot", ["-c", join(dir, "dovecot.conf")], { stdio: "ignore" });
  await waitForPort(port);
  let n = 0;
  return {
    url: `imap://crediti:segreto@127.0.0.1:${port}/INBOX`,
    deliver(raw: string) {
      n += 1;
      const name = `${Date.now()}.${process.pid}_${n}.credito`;
      const tmp = join(maildir, "tmp", name);
      writeFileSync(tmp, raw.replace(/\r?\n/g, "\n"));
      chownSync(tmp, uid, gid);
      execFileSync("mv", [tmp, join(maildir, "new", name)]);
    },
    stop() {
      try {
        const pid = Number(readFileSync(join(dir, "run", "master.pid"), "utf8").trim());
        process.kill(pid, "SIGTERM");
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}
