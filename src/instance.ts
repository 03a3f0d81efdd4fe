import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** This process's name among the instances sharing a database (CREDITO_INSTANCE_ID, or host, pid and a nonce). */
export function instanceId(configured?: string): string {
  return configured ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
